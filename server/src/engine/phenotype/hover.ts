// The hover on a phenotype column's header: how many values are missing and as which
// markers, and per ancestry group the missing share, with the test behind
// phenotype-missingness-disparity, so a reviewer can check the verdict either way.
import { count, percent, ratio, statistic } from '../format';
import type { DocumentAnalysis } from '../lintDocument';
import { markerList, rolesOf } from '../rules/phenotype/roles';
import { pText, ratioText, thresholdText } from '../rules/phenotype/phenotypeMissingnessDisparity';
import type { Position, Range } from '../types';
import { labelText } from '../privacy/shownLabel';
import { assessDisparities, isDisparate, type ColumnDisparity, type DisparityAssessment } from './disparity';

function inside(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function groupTable(c: ColumnDisparity, a: DisparityAssessment): string[] {
  const lines = [`By **${cell(c.ancestryColumn)}**:`, '', '| group | rows | missing | missing share |', '|---|---:|---:|---:|'];
  for (const g of c.groups) {
    const mark = g.small ? ' (too few rows: not tested)' : g === c.worst ? ' ▲ highest' : g === c.best ? ' ▼ lowest' : '';
    lines.push(`| ${cell(labelText(g.group))}${mark} | ${count(g.rows)} | ${count(g.missing)} | ${percent(g.share)} |`);
  }
  lines.push('');
  if (c.notTested && !c.test) {
    lines.push(`Not tested: ${c.notTested}${c.notTested.startsWith('fewer') ? ` (at least ${c.minGroupRows} rows each, ancestry.minCount)` : ''}.`);
    return lines;
  }
  const t = c.test!;
  const verdict = c.notTested
    ? `not tested: smallest expected count ${t.minExpected.toFixed(2)} < 5, so the chi-square approximation does not hold`
    : isDisparate(c, a) ? '**reported** as phenotype-missingness-disparity' : 'not reported';
  lines.push(
    `${ratioText(c).replace(/^r/, 'R')} (reported from ${ratio(a.maxRatio)}). Chi-square test of independence: χ² = ${statistic(t.statistic)}, df = ${t.df}, ${pText(t.pValue)}; ` +
      `Bonferroni threshold ${thresholdText(a)}. Verdict: ${verdict}.`,
  );
  return lines;
}

export function phenotypeHover(analysis: DocumentAnalysis, position: Position): string | undefined {
  if (analysis.kind !== 'dataset') return undefined;
  const roles = rolesOf(analysis);
  const { maxMissing, maxDisparityRatio } = analysis.policy.phenotype;
  const columnIndex = roles.missingness.find((i) => inside(analysis.headerCell(i), position));
  if (columnIndex === undefined) return undefined;
  const { profile } = analysis;
  const column = profile.columns[columnIndex];
  if (column.missing === 0) return undefined;
  const total = profile.rowCount;
  const lines = [
    `**Cohort Lint: missing values in "${cell(column.name)}"**`,
    '',
    `${count(column.missing)} of ${count(total)} missing (${percent(column.missing / total)}; phenotype.maxMissing ${percent(maxMissing)}): ${cell(markerList(column.missingByMarker, count))}.`,
  ];
  const assessment = assessDisparities(profile, analysis.ancestry, roles.missingness, maxDisparityRatio);
  for (const c of assessment.columns.filter((x) => x.columnIndex === columnIndex)) lines.push('', ...groupTable(c, assessment));
  return lines.join('\n');
}
