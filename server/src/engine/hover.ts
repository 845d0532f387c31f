// The hover on an ancestry header: every group with its numbers, and the goodness-of-fit
// test against the reference, so a reviewer can check each verdict.
import type { AncestryAssessment } from './ancestry/assess';
import { mappingSection } from './ancestry/mappingHover';
import { pairedWith } from './ancestry/pairedColumns';
import { representedBy } from './ancestry/sameGroups';
import type { ConceptPairState } from './rules/ancestryConceptUnmapped';
import { count, percent, pValue, ratio, significant, statistic } from './format';
import { AREA_HOVERS } from './hovers';
import { unitNote, unitsWithValue } from './rules/unitText';
import type { DocumentAnalysis } from './lintDocument';
import type { Position, Range } from './types';
import { labelText } from './privacy/shownLabel';
import { markdownCell as cell } from './markdown';

export function contains(range: Range, position: Position): boolean {
  if (position.line < range.start.line || position.line > range.end.line) return false;
  if (position.line === range.start.line && position.character < range.start.character) return false;
  if (position.line === range.end.line && position.character > range.end.character) return false;
  return true;
}

export function ancestryTable(a: AncestryAssessment, extra: string[] = []): string {
  const lines: string[] = [];
  const ref = a.reference;
  lines.push(`**Cohort Lint: ancestry column "${cell(a.column)}"**`, '');
  lines.push(
    `${cell(unitsWithValue(a))}, ${count(a.missing)} missing` +
      (a.missingByMarker.size > 0 ? ` (${[...a.missingByMarker].map(([m, n]) => `${cell(m)}: ${count(n)}`).join(', ')}${a.unit ? ' rows' : ''})` : '') + '. ' +
      cell(unitNote(a).trim()) + (a.unit ? ' ' : '') +
      (ref ? `Reference: ${cell(ref.label)}${a.referenceSource === 'vocabulary' ? `, chosen for ${a.vocabulary?.name}` : ''}.` : 'No reference applies; only the minimum count is checked.'),
    '',
  );
  lines.push('| group | n | share | reference | ratio | 95% Wilson interval |', '|---|---:|---:|---:|---:|---|');
  for (const g of a.groups) {
    const flag = g.referenceShare !== undefined && g.ratio !== undefined && g.ratio < a.minRatio ? ' ⚠' : '';
    lines.push(
      `| ${cell(labelText(g.group, g.referenceShare !== undefined))} | ${count(g.count)} | ${percent(g.share)} | ${g.referenceShare !== undefined ? percent(g.referenceShare) : '—'} | ` +
        `${g.ratio !== undefined ? ratio(g.ratio) + flag : '—'} | ${percent(g.ciLow)}–${percent(g.ciHigh)} |`,
    );
  }
  lines.push('');
  const gof = a.goodnessOfFit;
  if (gof) {
    lines.push(
      `Chi-square goodness of fit (χ²) against the reference over ${gof.groups} groups: χ² = ${statistic(gof.statistic)}, df = ${gof.df}, p ${gof.pValue < 1e-15 ? pValue(gof.pValue) : `= ${pValue(gof.pValue)}`}` +
        (gof.rescaled ? '; the published shares overlap, so they were rescaled to sum to 1 for this test' : '') +
        (gof.minExpected < 5 ? `; smallest expected count ${significant(gof.minExpected)} < 5, so the test is unreliable` : '') + '.',
    );
  } else {
    lines.push('Chi-square goodness of fit: not computed (needs a reference and at least two of its groups).');
  }
  lines.push('', `Ratio = share ÷ reference share; flagged below ${a.minRatio}. Groups with fewer than ${a.minCount} rows are reported as small.`);
  lines.push(...extra);
  return lines.join('\n');
}

function ancestryHover(analysis: DocumentAnalysis, position: Position): string | undefined {
  if (analysis.kind !== 'dataset') return undefined;
  for (const a of analysis.ancestry) {
    if (!contains(analysis.headerCell(a.columnIndex), position)) continue;
    const pairs = analysis.scans.get('ancestry-concept-unmapped') as ConceptPairState | undefined;
    const elsewhere = { paired: pairedWith(analysis.ancestry).get(a.columnIndex), same: representedBy(analysis.ancestry).get(a.columnIndex) };
    return ancestryTable(a, mappingSection(a, elsewhere, pairs));
  }
  return undefined;
}

/** A hover section for a position; several may apply (ancestry and phenotype on one header). */
export type HoverProvider = (analysis: DocumentAnalysis, position: Position) => string | undefined;

const PROVIDERS: HoverProvider[] = [ancestryHover, ...AREA_HOVERS];

export function hoverAt(analysis: DocumentAnalysis, position: Position): string | undefined {
  const sections = PROVIDERS.map((provider) => provider(analysis, position)).filter((s): s is string => s !== undefined);
  return sections.length > 0 ? sections.join('\n\n---\n\n') : undefined;
}
