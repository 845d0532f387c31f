// The hover on a column the privacy rules read: its Safe Harbor category and the evidence,
// and on a quasi-identifier the k-anonymity figures (class sizes, the effect of leaving
// each quasi-identifier out). Counts only: no value of these columns is ever shown.
import { count, percent } from '../format';
import { contains } from '../hover';
import type { DocumentAnalysis } from '../lintDocument';
import { privacyState } from '../rules/privacy/common';
import { assessK } from './kAnonymity';
import { quasiAttributes, sameAttributeSentence } from './sameAttribute';
import type { PrivacyScanState } from './scan';
import { columnVerdicts } from './verdicts';
import { markdownCell } from '../markdown';

const SIZE_BUCKETS = [1, 2, 5, 11];

function kTable(state: PrivacyScanState, k: number): string[] {
  const { plan } = state;
  const groups = quasiAttributes(state);
  const a = assessK(state.classes, plan.quasi.length, k, groups);
  const names = plan.quasi.map((q) => plan.header[q.index]);
  const lines = [`k-anonymity over ${names.map((n) => `"${n}"`).join(', ')} (k = ${k}): ${count(a.classes)} classes, smallest ${count(a.kMin)}; ` +
    `${count(a.rowsBelowK)} of ${count(a.rows)} rows (${percent(a.rows ? a.rowsBelowK / a.rows : 0)}) in classes smaller than k.${sameAttributeSentence(names, groups)}`, ''];
  const sizes = [...state.classes.values()];
  const bucket = SIZE_BUCKETS.map((lo, i) => {
    const hi = SIZE_BUCKETS[i + 1];
    const inside = sizes.filter((n) => n >= lo && (hi === undefined || n < hi));
    return `| ${hi === undefined ? `${lo} or more` : hi - lo === 1 ? `${lo}` : `${lo}–${hi - 1}`} | ${count(inside.length)} | ${count(inside.reduce((x, y) => x + y, 0))} |`;
  });
  lines.push('| class size | classes | rows |', '|---|---:|---:|', ...bucket, '');
  if (a.without.length > 0) {
    lines.push('| left out | smallest class | rows below k |', '|---|---:|---:|');
    a.without.forEach((s, i) => lines.push(`| ${markdownCell(groups[i].map((j) => names[j]).join(' = '))}${i === a.mostContributing ? ' (most)' : ''} | ${count(s.kMin)} | ${count(s.rowsBelowK)} |`));
  }
  return lines;
}

export function privacyHover(analysis: DocumentAnalysis, position: { line: number; character: number }): string | undefined {
  if (analysis.kind !== 'dataset') return undefined;
  const state = privacyState(analysis);
  if (!state) return undefined;
  const at = (i: number) => contains(analysis.headerCell(i), position);
  const sections: string[] = [];
  const verdict = columnVerdicts(state).find((v) => at(v.index));
  if (verdict) {
    sections.push(`**Cohort Lint: privacy, column "${markdownCell(verdict.column)}"**`, '',
      `${verdict.category.label}: HIPAA Safe Harbor item ${verdict.category.item} (45 CFR 164.514(b)(2)(i)). Found by its ${verdict.by === 'header' ? 'header, confirmed by' : 'values alone:'} ` +
        `${count(verdict.matched)} of ${count(verdict.sampled)} ${verdict.key === 'age' ? 'values' : 'sampled values'} fitting. Its values are never shown.`);
  }
  // On the first quasi-identifier's header, where privacy-quasi-identifier reports.
  if (state.plan.quasi.length > 1 && at(state.plan.quasi[0].index) && state.rows > 0) {
    if (sections.length === 0) sections.push('**Cohort Lint: privacy**');
    sections.push('', ...kTable(state, analysis.policy.privacy.k));
  }
  return sections.length > 0 ? sections.join('\n') : undefined;
}
