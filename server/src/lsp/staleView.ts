// Re-linting a large table after an edit takes a while; a hover or a code action should
// not wait for it. They are answered from the last finished analysis of the document
// (an older version) with positions mapped across the edit: text before the changed span
// is where it was, text after it moved by the span's change in length. A position inside
// the span has no counterpart in the older text; such a request waits for the current
// analysis, as does any document other than a dataset (those lint quickly).
import type { Position, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { changedSpan, type ChangedSpan } from '../engine/table/reparse';
import type { AnalysisEntry } from './analyses';

export interface StaleView {
  /** The finished analysis, of an older version than the document's. */
  entry: AnalysisEntry;
  /** Where a position of the current text was in the analysed text; undefined inside the edit. */
  toAnalysed(position: Position): Position | undefined;
  /** Where a range of the analysed text is in the current text; undefined when it touches the edit. */
  toCurrent(range: Range): Range | undefined;
}

/** The span per entry and document version: every cursor move asks again, the texts stay the same. */
const spans = new WeakMap<AnalysisEntry, { version: number; span: ChangedSpan | undefined }>();

/** A view of `entry` (the last finished analysis) from the document as it is now; undefined when positions cannot be mapped. */
export function staleView(entry: AnalysisEntry, doc: TextDocument): StaleView | undefined {
  const analysis = entry.analysis;
  if (analysis?.kind !== 'dataset' || entry.version === doc.version) return undefined;
  const { text: before, lines } = analysis.table;
  const after = doc.getText();
  // The analysed text is the editor's without a byte order mark: with one, offsets differ.
  if (after.charCodeAt(0) === 0xfeff) return undefined;
  let cached = spans.get(entry);
  if (cached?.version !== doc.version) spans.set(entry, (cached = { version: doc.version, span: changedSpan(before, after) }));
  const span = cached.span ?? { from: before.length, oldTo: before.length, newTo: after.length };
  const delta = span.newTo - span.oldTo;
  const oldOffset = (offset: number) => (offset < span.from ? offset : offset >= span.newTo ? offset - delta : undefined);
  const newOffset = (offset: number) => (offset < span.from ? offset : offset >= span.oldTo ? offset + delta : undefined);
  return {
    entry,
    toAnalysed(position) {
      const offset = oldOffset(doc.offsetAt(position));
      return offset === undefined ? undefined : lines.positionAt(offset);
    },
    toCurrent(range) {
      const start = newOffset(lines.offsetAt(range.start));
      const end = newOffset(lines.offsetAt(range.end));
      // A range spanning the edit (start before, end after) changed inside.
      if (start === undefined || end === undefined || (start < span.from) !== (end < span.from)) return undefined;
      return { start: doc.positionAt(start), end: doc.positionAt(end) };
    },
  };
}
