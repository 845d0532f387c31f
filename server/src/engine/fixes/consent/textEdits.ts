// Edit helpers for table fixes: offsets in, LSP ranges out, and many small edits merged
// into one when an editor would be slow to apply them one by one.
import type { LineIndex } from '../../table/lineIndex';
import type { TextEdit } from '../../types';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Editors apply tens of thousands of small edits slowly (VS Code took half a minute on
 * the diabetes file's 76,099), so beyond this many they become one edit from the first
 * to the last; the text between them is carried over unchanged.
 */
const MERGE_ABOVE = 1000;

/** Sorted, non-overlapping offset edits as TextEdits, merged into one beyond MERGE_ABOVE. */
export function toTextEdits(text: string, lines: LineIndex, edits: OffsetEdit[]): TextEdit[] {
  if (edits.length <= MERGE_ABOVE) return edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
  const parts: string[] = [];
  let at = edits[0].start;
  for (const e of edits) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  return [{ range: lines.range(edits[0].start, at), newText: parts.join('') }];
}

/** Length of the line break starting at `offset` (0 when there is none). */
export function breakAt(text: string, offset: number): number {
  if (text.startsWith('\r\n', offset)) return 2;
  return text[offset] === '\n' || text[offset] === '\r' ? 1 : 0;
}

/** Length of the line break ending at `offset` (0 when there is none). */
export function breakBefore(text: string, offset: number): number {
  if (offset >= 2 && text.startsWith('\r\n', offset - 2)) return 2;
  return offset >= 1 && (text[offset - 1] === '\n' || text[offset - 1] === '\r') ? 1 : 0;
}

/** The file's line break: the one after its first line, else `fallback`. */
export function lineBreakOf(text: string, fallback = '\n'): string {
  const nl = text.indexOf('\n');
  if (nl < 0) return fallback;
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}
