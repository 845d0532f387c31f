// What the edits of an open document left alone at its ends, since any version. A re-lint
// splices the edited lines into the table of the version linted before (table/reparse.ts);
// finding them by comparing the two texts cost 20 ms a keystroke on a 19 MB file, while the
// client's incremental changes say where they are. The first P and last S characters are
// untouched by a change at [start, end) of a text of length L when P ≤ start and
// S ≤ L − end, so over several changes (and versions) the ends are the minimums.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { UnchangedEnds } from '../engine/table/reparse';

interface VersionStep extends UnchangedEnds {
  from: number;
  to: number;
}

/** Steps kept per document; a lint further behind than this compares the texts instead. */
const STEPS_KEPT = 256;

export class EditSpans {
  private readonly steps = new Map<string, VersionStep[]>();

  /** A TextDocuments configuration that applies the changes as TextDocument does, noting their ends. */
  documents(): TextDocumentsConfiguration<TextDocument> {
    return {
      create: TextDocument.create,
      update: (document, changes, version) => {
        const from = document.version;
        let prefix = Infinity;
        let suffix = Infinity;
        // One change at a time: each change's range is in the text the previous one left.
        for (const change of changes) {
          const text = document.getText();
          if ('range' in change) {
            const start = document.offsetAt(change.range.start);
            const end = document.offsetAt(change.range.end);
            prefix = Math.min(prefix, start);
            suffix = Math.min(suffix, text.length - end);
          } else {
            prefix = 0;
            suffix = 0;
          }
          document = TextDocument.update(document, [change as TextDocumentContentChangeEvent], version);
        }
        if (changes.length === 0) prefix = suffix = 0;
        this.note(document.uri, { from, to: version, prefix, suffix });
        return document;
      },
    };
  }

  private note(uri: string, step: VersionStep): void {
    const steps = this.steps.get(uri) ?? [];
    steps.push(step);
    if (steps.length > STEPS_KEPT) steps.shift();
    this.steps.set(uri, steps);
  }

  /** The ends every change from version `from` to version `to` left alone; undefined when not known. */
  since(uri: string, from: number, to: number): UnchangedEnds | undefined {
    const steps = this.steps.get(uri);
    if (!steps || from === to) return undefined;
    let at = steps.findIndex((s) => s.from === from);
    if (at < 0) return undefined;
    let prefix = Infinity;
    let suffix = Infinity;
    let version = from;
    for (; at < steps.length && version !== to; at++) {
      const step = steps[at];
      if (step.from !== version) return undefined;
      prefix = Math.min(prefix, step.prefix);
      suffix = Math.min(suffix, step.suffix);
      version = step.to;
    }
    return version === to ? { prefix, suffix } : undefined;
  }

  /** Steps up to version `linted` are no longer needed once later lints splice into it or a later version (versions only grow). */
  forgetBefore(uri: string, linted: number): void {
    const steps = this.steps.get(uri);
    while (steps && steps.length > 0 && steps[0].to <= linted) steps.shift();
  }

  drop(uri: string): void {
    this.steps.delete(uri);
  }
}
