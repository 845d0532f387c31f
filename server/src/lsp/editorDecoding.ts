// Editors decode a file before the server sees its text, and VS Code shows an invalid
// UTF-8 sequence as U+FFFD, the same character a valid file can hold as data (a value
// damaged upstream, then saved). Which one it is can only be told from the file's bytes:
// when the file on disk holds invalid UTF-8, the lines of the text that show U+FFFD are
// reported as undecodable (saving would make the loss permanent); otherwise, and for
// unsaved documents, U+FFFD is data.
import { readFileSync } from 'node:fs';
import { decodeBytes, MAX_INVALID_LINES, type DecodeReport } from '../engine/table/decode';

function linesWithReplacement(text: string): number[] {
  const lines: number[] = [];
  let line = 0;
  for (let i = text.indexOf('\uFFFD'), scanned = 0; i !== -1 && lines.length < MAX_INVALID_LINES; i = text.indexOf('\uFFFD', i + 1)) {
    for (; scanned < i; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 10 || (c === 13 && text.charCodeAt(scanned + 1) !== 10)) line++;
    }
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

export function editorDecoding(path: string | undefined, text: string): DecodeReport | undefined {
  if (path === undefined || !text.includes('\uFFFD')) return undefined;
  let onDisk: DecodeReport;
  try {
    onDisk = decodeBytes(readFileSync(path)).report;
  } catch {
    return undefined;
  }
  if (onDisk.invalidLineCount === 0) return undefined;
  const invalidLines = linesWithReplacement(text);
  return { encoding: onDisk.encoding, invalidLines, invalidLineCount: invalidLines.length, ...(onDisk.legacy ? { legacy: onDisk.legacy } : {}) };
}
