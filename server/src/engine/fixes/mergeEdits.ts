// Editors apply tens of thousands of small edits slowly (VS Code took half a minute for
// the diabetes file's 76,099 cells), so past a limit the edits
// of one fix become a single edit from the first to the last, carrying the text between
// them over unchanged. Still one undoable change either way.
import type { LineIndex } from '../table/lineIndex';
import type { TextEdit } from '../types';

export const MERGE_ABOVE = 1000;

/** `edits` must be sorted and must not overlap. */
export function mergedIfMany(text: string, lines: LineIndex, edits: TextEdit[]): TextEdit[] {
  if (edits.length <= MERGE_ABOVE) return edits;
  const start = lines.offsetAt(edits[0].range.start);
  const end = lines.offsetAt(edits[edits.length - 1].range.end);
  const parts: string[] = [];
  let at = start;
  for (const edit of edits) {
    const from = lines.offsetAt(edit.range.start);
    parts.push(text.slice(at, from), edit.newText);
    at = lines.offsetAt(edit.range.end);
  }
  parts.push(text.slice(at, end));
  return [{ range: lines.range(start, end), newText: parts.join('') }];
}

