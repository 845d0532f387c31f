// Editors apply tens of thousands of small edits slowly (VS Code took half a minute for
// the diabetes file's 76,099 cells), so past a limit the edits of one fix become a single
// edit from the first to the last, carrying the text between them over unchanged. Still
// one undoable change either way. Fixes build edits as offsets or as ranges; both merge here.
import type { LineIndex } from '../table/lineIndex';
import type { TextEdit } from '../types';

export const MERGE_ABOVE = 1000;

/** An edit by character offsets into the document's text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

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

/** The same for range edits: `edits` must be sorted and must not overlap. */
export function mergedIfMany(text: string, lines: LineIndex, edits: TextEdit[]): TextEdit[] {
  if (edits.length <= MERGE_ABOVE) return edits;
  return toTextEdits(text, lines, edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })));
}
