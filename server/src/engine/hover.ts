// The hover on an ancestry header: every group with its numbers, and the goodness-of-fit
// test against the reference, so a reviewer can check each verdict.
import { isResidual } from './ancestry/references';
import { MIN_VOCABULARY_SHARE, type AncestryAssessment } from './ancestry/assess';
import { mappingSection } from './ancestry/mappingHover';
import { countryText } from './ancestry/nationalReference';
import { labelPartners, pairedWith } from './ancestry/pairedColumns';
import { representedBy } from './ancestry/sameGroups';
import { conceptPairScan } from './rules/ancestryConceptUnmapped';
import { count, percent, pValue, ratio, significant, statistic } from './format';
import { AREA_HOVERS } from './hovers';
import { referenceChoice } from './rules/referenceText';
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

/** Why no reference applies: too few rows in the vocabulary for its reference, or none fits. */
function noReferenceText(a: AncestryAssessment): string {
  if (a.withheldBecause === 'other-country') {
    return `No reference applies: ${cell(a.referenceWithheld!.label)} counts another country than the data's, ` +
      `${cell(countryText(a.referenceCountry!))}; representation is not checked.`;
  }
  if (a.referenceWithheld) {
    return `No reference applies: ${percent(a.vocabularyShare)} of the rows with a value carry labels of ${cell(a.vocabulary!.name)}, ` +
      `below the ${percent(MIN_VOCABULARY_SHARE)} needed to choose ${cell(a.referenceWithheld.id)}; representation is not checked.`;
  }
  return 'No reference applies; only the minimum count is checked.';
}

export function ancestryTable(a: AncestryAssessment, extra: string[] = []): string {
  const lines: string[] = [];
  const ref = a.reference;
  lines.push(`**Cohort Lint: ancestry column "${cell(a.column)}"**`, '');
  lines.push(
    `${cell(unitsWithValue(a))}, ${count(a.missing)} missing` +
      (a.missingByMarker.size > 0 ? ` (${[...a.missingByMarker].map(([m, n]) => `${cell(m)}: ${count(n)}`).join(', ')}${a.unit ? ' rows' : ''})` : '') + '. ' +
      cell(unitNote(a).trim()) + (a.unit ? ' ' : '') +
      (ref ? `Reference: ${cell(ref.label + referenceChoice(a))}.` : noReferenceText(a)),
    '',
  );
  lines.push('| group | n | share | reference | ratio | 95% Wilson interval |', '|---|---:|---:|---:|---:|---|');
  for (const g of a.groups) {
    const flag = g.referenceShare !== undefined && g.ratio !== undefined && g.ratio < a.minRatio && !isResidual(ref, g.group) ? ' ⚠' : '';
    lines.push(
      `| ${cell(labelText(g.group, g.referenceShare !== undefined))} | ${count(g.count)} | ${percent(g.share)} | ${g.referenceShare !== undefined ? percent(g.referenceShare) : '—'} | ` +
        `${g.ratio !== undefined ? ratio(g.ratio) + flag : '—'} | ${percent(g.ciLow)}–${percent(g.ciHigh)} |`,
    );
  }
  lines.push('');
  for (const [group, why] of Object.entries(ref?.residual ?? {})) if (a.groups.some((g) => g.group === group)) lines.push(`${cell(why)}.`, '');
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
    const pairs = analysis.scans.get(conceptPairScan);
    const partner = labelPartners(analysis.table.header, analysis.ancestry.map((x) => x.columnIndex)).find((p) => p.code === a.columnIndex);
    const filled = [...analysis.profile.filledFromLabel?.get(a.columnIndex)?.values() ?? []].reduce((x, y) => x + y, 0);
    const label = partner && { column: analysis.table.header[partner.label], rows: filled };
    const elsewhere = { paired: pairedWith(analysis.ancestry).get(a.columnIndex), same: representedBy(analysis.ancestry).get(a.columnIndex), label };
    return ancestryTable(a, mappingSection(a, elsewhere, pairs));
  }
  return undefined;
}

/** A hover section for a position; several may apply (ancestry and phenotype on one header). */
export type HoverProvider = (analysis: DocumentAnalysis, position: Position) => string | undefined;

const PROVIDERS: HoverProvider[] = [ancestryHover, ...AREA_HOVERS];

/** Findings listed under the tables, one short line each; the rest are counted. */
const BRIEF_FINDINGS = 8;

/** "- `rule-id` first sentence": the findings at the position, briefly, below the tables they rest on. */
function findingsHere(analysis: DocumentAnalysis, position: Position): string | undefined {
  const here = analysis.findings.filter((f) => contains(f.range, position));
  if (here.length === 0) return undefined;
  const brief = (message: string) => {
    const sentence = message.split(/(?<=\.)\s/)[0];
    return sentence.length > 110 ? `${sentence.slice(0, 109)}…` : sentence;
  };
  const lines = here.slice(0, BRIEF_FINDINGS).map((f) => `- \`${f.code}\` ${cell(brief(f.message)).replace(/[*_`]/g, '\\$&')}`);
  if (here.length > BRIEF_FINDINGS) lines.push(`- and ${here.length - BRIEF_FINDINGS} more (Problems panel)`);
  return [`**Findings here (${here.length})**`, '', ...lines].join('\n');
}

/** The tables first (what a reviewer checks the verdicts against), then the findings here, briefly. */
export function hoverAt(analysis: DocumentAnalysis, position: Position): string | undefined {
  const sections = PROVIDERS.map((provider) => provider(analysis, position)).filter((s): s is string => s !== undefined);
  if (sections.length === 0) return undefined;
  const findings = findingsHere(analysis, position);
  return [...sections, ...(findings ? [findings] : [])].join('\n\n---\n\n');
}
