// Fix All: every fix of a document's findings that is marked safe for unattended use
// (fixAllSafe.ts), combined into one set of edits to that document. Fixes are asked for
// one edit per cell, so two label fixes in the same column do not overlap; the combined
// edits are merged once (mergeEdits.ts) for the editor's sake. A cell two fixes would
// both change keeps the first; running Fix All again applies the rest.
import * as path from 'node:path';
import type { DocumentAnalysis } from '../lintDocument';
import type { LoadedPolicy } from '../policy/loadPolicy';
import type { Fix, Position, TextEdit } from '../types';
import { fixesFor } from './index';
import { mergedIfMany } from './mergeEdits';

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export interface FixAllResult {
  fix: Fix;
  /** How many fixes (one per finding) went into it. */
  fixes: number;
}

export function fixAllFor(
  analysis: DocumentAnalysis,
  policy: LoadedPolicy,
  read: (p: string) => string | undefined,
  newPolicyDir: string = path.dirname(analysis.path),
): FixAllResult | undefined {
  const edits: TextEdit[] = [];
  let fixes = 0;
  for (const finding of analysis.findings) {
    for (const fix of fixesFor(analysis, finding, policy, read, newPolicyDir, { mergeEdits: false })) {
      // Only edits to this document: a safe fix never creates or edits another file.
      if (!fix.safeForFixAll || fix.changes.some((c) => c.path !== analysis.path || c.create)) continue;
      fixes++;
      for (const change of fix.changes) edits.push(...change.edits);
    }
  }
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
  const disjoint: TextEdit[] = [];
  for (const edit of edits) {
    const last = disjoint[disjoint.length - 1];
    if (last && compare(edit.range.start, last.range.end) < 0) continue;
    // The same cell changed twice the same way (two findings, one fix) is one edit.
    if (last && compare(edit.range.start, last.range.start) === 0 && compare(edit.range.end, last.range.end) === 0) continue;
    disjoint.push(edit);
  }
  const combined = analysis.kind === 'dataset' ? mergedIfMany(analysis.table.text, analysis.table.lines, disjoint) : disjoint;
  return {
    fix: {
      title: `Fix all safe Cohort Lint problems in ${path.basename(analysis.path)} (${fixes} ${fixes === 1 ? 'fix' : 'fixes'}, ${disjoint.length} ${disjoint.length === 1 ? 'edit' : 'edits'})`,
      changes: [{ path: analysis.path, edits: combined }],
      safeForFixAll: true,
    },
    fixes,
  };
}
