// The hover on a phenotype column's header: how many values are missing and as which
// markers, and per ancestry group the missing share, with the test behind
// phenotype-missingness-disparity, so a reviewer can check the verdict either way.
import { count, percent, ratio, significant } from '../format';
import type { DocumentAnalysis } from '../lintDocument';
import { markerList, rolesOf } from '../rules/phenotype/roles';
import { ratioText, testText, thresholdText } from '../rules/phenotype/phenotypeMissingnessDisparity';
import type { Position, Range } from '../types';
import { unitMissing, unitNoun, unitTotal } from '../profile/units';
import { conditionText } from '../rules/phenotype/phenotypeNotApplicable';
import { labelText } from '../privacy/shownLabel';
import { isDisparate, shareDifference, type ColumnDisparity, type DisparityAssessment } from './disparity';
import { patternOf } from './patterns';
import { minorsText, whereApplies } from './structural';
import { omopOptionalHover } from './omopOptionalText';
import { markdownCell as cell } from '../markdown';

function inside(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

function groupTable(c: ColumnDisparity, a: DisparityAssessment, noun: string): string[] {
  const lines = [`By **${cell(c.ancestryColumn)}**:`, '', `| group | ${noun} | missing | missing share |`, '|---|---:|---:|---:|'];
  for (const g of c.groups) {
    const mark = g.small ? ` (too few ${noun}: not tested)` : g === c.worst ? ' ▲ highest' : g === c.best ? ' ▼ lowest' : '';
    lines.push(`| ${cell(labelText(g.group))}${mark} | ${count(g.rows)} | ${count(g.missing)} | ${percent(g.share)} |`);
  }
  lines.push('');
  if (c.notTested && !c.test) {
    lines.push(`Not tested: ${c.notTested}${c.notTested.startsWith('fewer') ? ` (at least ${c.minGroupRows} ${noun} each, ancestry.minCount)` : ''}.`);
    return lines;
  }
  const verdict = isDisparate(c, a) ? '**reported** as phenotype-missingness-disparity' : 'not reported';
  lines.push(
    `${ratioText(c).replace(/^r/, 'R')} (reported from ${ratio(a.maxRatio)}); difference ${significant(shareDifference(c)! * 100)} percentage points ` +
      `(reported from ${significant(a.maxDifference * 100)}, phenotype.maxDisparityDifference). ${testText(c, c.groups.filter((g) => !g.small).length)}; ` +
      `Bonferroni threshold ${thresholdText(a)}. Verdict: ${verdict}.`,
  );
  return lines;
}

function notApplicableHover(analysis: Extract<DocumentAnalysis, { kind: 'dataset' }>, columnIndex: number): string | undefined {
  const n = rolesOf(analysis).notApplicable.get(columnIndex);
  if (!n) return undefined;
  const { profile } = analysis;
  const column = profile.columns[columnIndex];
  const lines = [`**Cohort Lint: "${cell(column.name)}" is not applicable where it is empty**`, ''];
  if (n.kind === 'condition') {
    const applies = whereApplies(n);
    lines.push(
      `Empty when ${cell(conditionText(profile, n))}: ${count(n.emptyWhen)} of the ${count(n.rowsWhen)} rows where it is are empty (${percent(n.emptyWhen / n.rowsWhen)}), ` +
        `and ${count(n.emptyWhen)} of its ${count(n.empty)} empty cells (${percent(n.emptyWhen / n.empty)}) are on those rows ` +
        (n.partly
          ? '(phenotype-not-applicable: partly, at least half of them). ' +
            `Where it applies, ${count(applies.empty)} of ${count(applies.rows)} rows are empty (${percent(applies.empty / applies.rows)}; phenotype.maxMissing ${percent(analysis.policy.phenotype.maxMissing)}).`
          : '(phenotype-not-applicable: at least 99% each way).'),
    );
  } else if (n.kind === 'adult-only') {
    const applies = whereApplies(n);
    lines.push(
      `Recorded for adults only: empty on all ${count(n.minorRows)} rows where ${cell(minorsText(n))}, ` +
        `which hold ${count(n.minorRows)} of its ${count(n.empty)} empty cells (${percent(n.minorRows / n.empty)}). ` +
        `Among the other rows, ${count(applies.empty)} of ${count(applies.rows)} are empty (${percent(applies.rows > 0 ? applies.empty / applies.rows : 0)}; phenotype.maxMissing ${percent(analysis.policy.phenotype.maxMissing)}).`,
    );
  } else if (n.kind === 'codebook') {
    lines.push(
      `The ${cell(n.subgroup.source)} records ${cell(n.subgroup.variable)} (${cell(n.subgroup.description)}) only for ${cell(n.subgroup.appliesTo)}: ` +
        `empty in ${count(n.empty)} of ${count(n.rows)} rows (${percent(n.empty / n.rows)}), the rows of everyone else.`,
    );
  } else {
    const other = profile.columns[n.other].name;
    lines.push(
      `Empty where "${cell(other)}" is filled: exactly one of the two is filled in ${count(n.exactlyOne)} of ${count(n.rows)} rows (${percent(n.exactlyOne / n.rows)}; ` +
        `both empty ${count(n.bothEmpty)}, both filled ${count(n.bothFilled)}).`,
    );
  }
  const same = patternOf(profile, [...rolesOf(analysis).notApplicable.keys()]).get(columnIndex) ?? [];
  if (same.length > 1) lines.push('', `Empty on the same rows: ${same.map((i) => `"${cell(profile.columns[i].name)}"`).join(', ')}.`);
  lines.push('', (n.kind === 'condition' || n.kind === 'adult-only') && n.partly
    ? 'Its missing share is counted among the rows where it applies, and it is not tested for a missingness disparity.'
    : 'Its empty cells are not counted as missing values, and it is not tested for a missingness disparity.');
  return lines.join('\n');
}

export function phenotypeHover(analysis: DocumentAnalysis, position: Position): string | undefined {
  if (analysis.kind !== 'dataset') return undefined;
  const roles = rolesOf(analysis);
  const notApplicable = [...roles.notApplicable.keys()].find((i) => inside(analysis.headerCell(i), position));
  if (notApplicable !== undefined) return notApplicableHover(analysis, notApplicable);
  const optional = roles.omopOptional?.columns.find((i) => inside(analysis.headerCell(i), position));
  if (optional !== undefined) return omopOptionalHover(analysis.profile, roles.omopOptional!, optional);
  const { maxMissing } = analysis.policy.phenotype;
  const columnIndex = roles.missingness.find((i) => inside(analysis.headerCell(i), position));
  if (columnIndex === undefined) return undefined;
  const { profile } = analysis;
  const column = profile.columns[columnIndex];
  if (column.missing === 0) return undefined;
  const total = unitTotal(profile);
  const missing = unitMissing(profile, columnIndex);
  const p = profile.participants;
  const lines = [
    `**Cohort Lint: missing values in "${cell(column.name)}"**`,
    '',
    `${count(missing)} of ${count(total)} ${p ? `${p.noun} without a value in any of their rows` : 'missing'} (${percent(missing / total)}; phenotype.maxMissing ${percent(maxMissing)}): ` +
      `${cell(markerList(column.missingByMarker, count))}${p ? ` rows; ${count(p.count)} ${p.noun} in ${count(p.rows)} rows ("${cell(p.column)}" repeats)` : ''}.`,
  ];
  const same = patternOf(profile, roles.missingness).get(columnIndex) ?? [];
  if (same.length > 1) lines.push('', `Missing on exactly the same rows: ${same.map((i) => `"${cell(profile.columns[i].name)}"`).join(', ')} (one pattern, one finding).`);
  const assessment = analysis.disparities();
  for (const c of assessment.columns.filter((x) => x.samePattern.includes(column.name))) lines.push('', ...groupTable(c, assessment, unitNoun(profile)));
  return lines.join('\n');
}
