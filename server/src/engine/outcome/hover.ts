// The hover on the label, prediction or score header: per grouping, each group's n and
// rates with 95% Wilson intervals, the calibration summary for a score, and what was left
// out (small groups, rows without a group value or a model output, unmatched predictions).
import { count, percent, ratio } from '../format';
import { contains } from '../hover';
import type { DocumentAnalysis } from '../lintDocument';
import { outcomeOf } from '../rules/outcome/common';
import type { Position } from '../types';
import type { Grouping, OutcomeAssessment } from './assess';
import { share, type Share } from './metrics';
import { markdownCell as cell } from '../markdown';

function rate(s: Share): string {
  return s.value === undefined ? '—' : `${percent(s.value)} (${percent(s.low!)}–${percent(s.high!)})`;
}

function groupingTable(a: OutcomeAssessment, g: Grouping): string[] {
  const output = a.columns.hasOutput;
  const lines = [`By **${g.columns.map(cell).join(' × ')}**:`, ''];
  if (output) {
    lines.push('| group | n | base rate | selection rate | TPR | FPR | PPV | accuracy |', '|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const x of g.groups) {
      const r = x.rates;
      lines.push(`| ${cell(x.group)}${x.small ? ' (too small to judge)' : ''} | ${count(x.size)} | ${rate(r.baseRate)} | ${rate(r.selectionRate)} | ${rate(r.tpr)} | ${rate(r.fpr)} | ${rate(r.ppv)} | ${rate(r.accuracy)} |`);
    }
  } else {
    lines.push('| group | labelled | positives | base rate |', '|---|---:|---:|---:|');
    for (const x of g.groups) {
      const small = x.labelled < a.minGroupSize ? ' (too small to judge)' : '';
      lines.push(`| ${cell(x.group)}${small} | ${count(x.labelled)} | ${count(x.labelPositive)} | ${rate(share(x.labelPositive, x.labelled))} |`);
    }
  }
  const calibrated = g.judged.filter((x) => x.calibration?.offset !== undefined);
  if (calibrated.length >= 2) {
    const ece = a.scoresAreProbabilities ? '; ECE (10 bins) ' + calibrated.map((x) => `${cell(x.group)} ${ratio(x.calibration!.ece ?? 0)}`).join(', ') : '';
    lines.push('', `Calibration: observed rate at the same score decile vs all groups: ${calibrated.map((x) => `${cell(x.group)} ${x.calibration!.offset! >= 0 ? '+' : '−'}${percent(Math.abs(x.calibration!.offset!))}`).join(', ')}${ece}.`);
  }
  if (g.rowsWithoutGroup > 0) lines.push('', `${count(g.rowsWithoutGroup)} labelled rows have no value in ${g.columns.map(cell).join(' or ')} and are not in a group.`);
  return lines;
}

export function outcomeHover(analysis: DocumentAnalysis, position: Position): string | undefined {
  if (analysis.kind !== 'dataset') return undefined;
  const a = outcomeOf(analysis);
  if (!a) return undefined;
  const c = a.columns;
  const at = [c.labelIndex, c.predictionIndex, c.scoreIndex].filter((i) => i >= 0);
  if (!at.some((i) => contains(analysis.headerCell(i), position))) return undefined;
  const o = c.outcome;
  const s = a.state;
  const model = o.prediction !== undefined ? `prediction "${cell(o.prediction)}"` : o.score !== undefined ? `score "${cell(o.score)}" ≥ ${o.threshold}` : 'no model output';
  const lines = [
    `**Cohort Lint: outcome "${cell(o.label)}" by group**`,
    '',
    `Label "${cell(o.label)}" positive when ${o.positive.map((p) => `"${cell(p)}"`).join(', ')} (case ignored); ${model}${c.predictions ? `, from "${cell(c.predictions.name)}" joined on "${cell(o.join ?? '')}"` : ''}. ` +
      `${count(s.rows)} rows: ${count(s.labelMissing)} without a label` +
      (c.hasOutput ? `, ${count(s.outputMissing)} without a model output` : '') +
      (c.predictions ? `, ${count(s.unmatched)} without a predictions row` : '') +
      (s.scoreNotNumeric > 0 ? `, ${count(s.scoreNotNumeric)} with a score that is not a number` : '') + '.',
  ];
  const negatives = [...s.negativeValues.keys()];
  if (negatives.length > 0) lines.push('', `Read as negative: ${negatives.slice(0, 8).map((v) => `"${cell(v)}"`).join(', ')}${negatives.length > 8 ? ', …' : ''}.`);
  for (const g of a.groupings) lines.push('', ...groupingTable(a, g));
  lines.push('', `Rates as Fairlearn's MetricFrame computes them per group; 95% Wilson intervals. Groups under ${count(a.minGroupSize)} rows (outcome.minGroupSize) are too small to judge. The JSON output carries each group's confusion matrix.`);
  return lines.join('\n');
}
