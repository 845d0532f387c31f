// Per ancestry column: which vocabulary its values are in, which reference applies, and
// each group's count, share, reference share, ratio and Wilson interval. Rules and the
// hover read this; nothing here decides what to report.
import type { TableProfile } from '../profile/profile';
import { unitGroups } from '../profile/units';
import type { Policy } from '../policy/policy';
import { chiSquareGoodnessOfFit, wilsonInterval, type ChiSquareResult } from '../stats';
import { codedColumn, decodeValue } from '../codebooks/codedColumns';
import type { Coding } from './codeSets';
import { codingView } from './codingView';
import { labelKey } from './labelKey';
import { readLabel, type LabelReading } from './labelReading';
import { dataCountry, type DataCountry } from './dataCountry';
import { fitToCountry } from './nationalReference';
import { censusView, customReference, normalised, referenceById, type Reference } from './references';
import { detectVocabulary, vocabularyById, type Vocabulary } from './vocabularies';

export interface GroupAssessment {
  group: string;
  /** Raw values that make up the group, with their counts. */
  values: Map<string, number>;
  count: number;
  share: number;
  referenceShare?: number;
  ratio?: number;
  ciLow: number;
  ciHigh: number;
  /** The interval's upper bound is below minRatio x reference share. */
  clearlyUnder: boolean;
  /** False for a raw label that nothing (vocabulary, policy) maps to a group. */
  mapped: boolean;
}

export interface NonstandardLabel {
  value: string;
  canonical: string;
  count: number;
}

export interface AncestryAssessment {
  columnIndex: number;
  column: string;
  vocabulary?: Vocabulary;
  reference?: Reference;
  /** Why this reference: named in the policy, or chosen by the values' vocabulary. */
  referenceSource: 'policy' | 'vocabulary' | 'none';
  /** Share of the rows with a value whose labels the vocabulary (or the policy's mapping) reads as a group. */
  vocabularyShare: number;
  /**
   * The vocabulary's reference, not applied: too few rows carry its labels (see
   * MIN_VOCABULARY_SHARE), or it is another country's census than the data's (nationalReference.ts).
   */
  referenceWithheld?: Reference;
  withheldBecause?: 'minority-vocabulary' | 'other-country';
  /** Where the table says its people live, when the reference was chosen or withheld for it. */
  referenceCountry?: DataCountry;
  total: number;
  /** Rows with a value whose group has a reference share (all of `total` when the labels fit the reference). */
  placed: number;
  missing: number;
  missingByMarker: Map<string, number>;
  groups: GroupAssessment[];
  nonstandard: NonstandardLabel[];
  /** How each raw value was read, most rows first (the hover's mapping table). */
  readings: LabelReading[];
  /** Raw labels read as no group, most rows first. */
  unmapped: { value: string; count: number }[];
  /** Reference groups the column's coding has no code for (and no row carries). */
  notCollected: { group: string; coding: string }[];
  goodnessOfFit?: ChiSquareResult & { rescaled: boolean; groups: number };
  minRatio: number;
  minCount: number;
  /** Set when a participant id repeats: counts are of participants, not rows. */
  unit?: CountingUnit;
}

export interface CountingUnit {
  /** The participant id column. */
  column: string;
  /** "patients", "subjects", "participants", "people". */
  noun: string;
  participants: number;
  rows: number;
}

function chooseReference(policy: Policy, valueCounts: Map<string, number>, decode: (value: string) => string | undefined): { reference?: Reference; vocabulary?: Vocabulary; source: AncestryAssessment['referenceSource'] } {
  const named = policy.ancestry.reference;
  if (typeof named === 'string') {
    const reference = referenceById(named);
    if (reference) return { reference, vocabulary: reference.vocabulary ? vocabularyById(reference.vocabulary) : undefined, source: 'policy' };
  }
  // A label the policy maps (ancestry.labels) counts as its target: numeric codes mapped to
  // OMB groups make the column OMB's.
  const vocabulary = detectVocabulary(asMapped(valueCounts, policy.ancestry.labels ?? {}, decode));
  if (named && typeof named === 'object') {
    const shares: Record<string, number> = {};
    for (const [group, share] of Object.entries(named)) {
      const canonical = vocabulary?.match(group)?.canonical ?? group;
      shares[canonical] = (shares[canonical] ?? 0) + share;
    }
    return { reference: customReference(shares, vocabulary?.id), vocabulary, source: 'policy' };
  }
  if (!vocabulary) return { source: 'none' };
  const reference = vocabulary.defaultReference ? referenceById(vocabulary.defaultReference) : undefined;
  return { reference, vocabulary, source: reference ? 'vocabulary' : 'none' };
}

/** Value counts with each value the policy maps, or the column's codebook decodes, counted as its group. */
function asMapped(valueCounts: Map<string, number>, labels: Record<string, string>, decode: (value: string) => string | undefined): Map<string, number> {
  const targets = new Map(Object.entries(labels).map(([raw, group]) => [labelKey(raw), group]));
  const out = new Map<string, number>();
  for (const [value, n] of valueCounts) {
    const key = targets.get(labelKey(value)) ?? decode(value) ?? value;
    out.set(key, (out.get(key) ?? 0) + n);
  }
  return out;
}

/** Every ancestry column of the table, each against the reference that fits its labels and the table's country. */
export function assessAncestry(profile: TableProfile, columnIndices: readonly number[], policy: Policy): AncestryAssessment[] {
  if (columnIndices.length === 0) return [];
  const country = dataCountry(profile);
  return columnIndices.map((i) => assessAncestryColumn(profile, i, policy, country));
}

export function assessAncestryColumn(profile: TableProfile, columnIndex: number, policy: Policy, country?: DataCountry): AncestryAssessment {
  const tallies = unitGroups(profile).get(columnIndex) ?? new Map();
  const participants = profile.participants;
  const valueCounts = new Map<string, number>([...tallies].map(([value, tally]) => [value, tally.rows]));
  // Labels are written in rows: a nonstandard label's count is of the cells a fix changes,
  // so not of the rows whose value is their label column's (an empty code read from its name).
  const filled = profile.filledFromLabel?.get(columnIndex);
  const rowCounts = (value: string) => (profile.groups.get(columnIndex)?.get(value)?.rows ?? 0) - (filled?.get(value) ?? 0);
  // A codebook the header names (NHANES RIDRETH3) decodes the codes; the policy's mapping still comes first.
  const coded = codedColumn(profile.columns[columnIndex].name);
  const decode = (value: string) => (coded ? decodeValue(coded, value) : undefined);
  const chosen = chooseReference(policy, valueCounts, decode);
  const { vocabulary } = chosen;
  const { minRatio, minCount } = policy.ancestry;

  const byGroup = new Map<string, Map<string, number>>();
  const nonstandard: NonstandardLabel[] = [];
  const readings: LabelReading[] = [];
  const codings = new Map<string, Coding>();
  let total = 0;
  for (const [value, n] of valueCounts) {
    total += n;
    let reading = readLabel(value, n, vocabulary, policy.ancestry.labels, Object.keys(chosen.reference?.shares ?? {}));
    const decoded = reading.kind !== 'policy' ? decode(value) : undefined;
    if (decoded !== undefined) reading = { value, rows: n, group: decoded, kind: 'subgroup', coding: coded!.coding };
    readings.push(reading);
    if (reading.coding) codings.set(reading.coding.name, reading.coding);
    const group = reading.group ?? value.trim();
    if (reading.kind === 'synonym' && rowCounts(value) > 0) nonstandard.push({ value, canonical: reading.group!, count: rowCounts(value) });
    if (!byGroup.has(group)) byGroup.set(group, new Map());
    byGroup.get(group)!.set(value, n);
  }
  const read = readings.reduce((sum, r) => sum + (r.group !== undefined ? r.rows : 0), 0);
  const vocabularyShare = total > 0 ? read / total : 0;
  // A vocabulary that reads a few rows does not make the column's labels its own.
  let referenceWithheld = chosen.source === 'vocabulary' && total > 0 && vocabularyShare < MIN_VOCABULARY_SHARE ? chosen.reference : undefined;
  let withheldBecause: AncestryAssessment['withheldBecause'] = referenceWithheld && 'minority-vocabulary';
  let referenceCountry: DataCountry | undefined;
  if (referenceWithheld) { chosen.reference = undefined; chosen.source = 'none'; }
  if (chosen.source === 'vocabulary') {
    // A national census fits only data from its own country.
    const fit = fitToCountry(chosen.reference, country, new Set(byGroup.keys()));
    if (fit.reference !== chosen.reference || fit.withheld) referenceCountry = country;
    if (fit.withheld) { referenceWithheld = fit.withheld; withheldBecause = 'other-country'; chosen.source = 'none'; }
    chosen.reference = fit.reference;
  }
  const source = chosen.source;
  const view = codingView(chosen.reference && censusView(chosen.reference, new Set(byGroup.keys())), new Set(byGroup.keys()), [...codings.values()]);
  for (const [part, union] of Object.entries(view.reference?.rollUp ?? {})) if (part !== union) view.mergedInto.set(part, union);
  for (const [part, union] of view.mergedInto) {
    const rows = byGroup.get(part);
    if (!rows) continue;
    if (!byGroup.has(union)) byGroup.set(union, new Map());
    for (const [value, n] of rows) byGroup.get(union)!.set(value, n);
    byGroup.delete(part);
    for (const r of readings) if (r.group === part) r.countedIn = union;
  }
  const reference = view.reference;
  for (const group of Object.keys(reference?.shares ?? {})) if (!byGroup.has(group)) byGroup.set(group, new Map());
  const unmappedValues = new Set(readings.filter((r) => r.group === undefined).map((r) => r.value));

  const groups: GroupAssessment[] = [...byGroup].map(([group, values]) => {
    const count = [...values.values()].reduce((a, b) => a + b, 0);
    const share = total > 0 ? count / total : 0;
    const referenceShare = reference?.shares[group];
    const ratio = referenceShare ? share / referenceShare : undefined;
    const { low, high } = wilsonInterval(count, total);
    const clearlyUnder = referenceShare !== undefined && high < minRatio * referenceShare;
    const mapped = values.size === 0 || [...values.keys()].some((v) => !unmappedValues.has(v));
    return { group, values, count, share, referenceShare, ratio, ciLow: low, ciHigh: high, clearlyUnder, mapped };
  });
  groups.sort((a, b) => b.count - a.count || a.group.localeCompare(b.group));
  const placed = groups.reduce((n, g) => n + (g.referenceShare !== undefined ? g.count : 0), 0);

  return {
    columnIndex,
    column: profile.columns[columnIndex].name,
    vocabulary,
    reference,
    referenceSource: source,
    vocabularyShare,
    referenceWithheld,
    withheldBecause,
    referenceCountry,
    total,
    placed,
    missing: participants ? participants.ancestryMissing.get(columnIndex) ?? 0 : profile.columns[columnIndex].missing,
    missingByMarker: profile.columns[columnIndex].missingByMarker,
    groups,
    // A column whose labels are mostly outside the vocabulary is not rewritten into it.
    nonstandard: vocabularyShare >= MOSTLY ? nonstandard.sort((a, b) => b.count - a.count) : [],
    readings: readings.sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value)),
    unmapped: readings.filter((r) => r.group === undefined).map((r) => ({ value: r.value, count: r.rows })),
    notCollected: view.notCollected,
    goodnessOfFit: goodnessOfFit(groups, reference),
    minRatio,
    minCount,
    unit: participants && { column: participants.column, noun: participants.noun, participants: participants.count, rows: participants.rows },
  };
}

/**
 * *Judgement:* a reference is chosen from the labels' vocabulary only when at least this
 * share of the rows with a value carry labels that vocabulary (or the policy's mapping)
 * reads: a handful of rows that happen to match (a population name spelled like a gnomAD
 * code, a numeric code shared with UK Biobank's coding) do not make a column of unknown
 * codes that vocabulary's, and comparing it with that vocabulary's reference would
 * compare different things.
 */
export const MIN_VOCABULARY_SHARE = 0.8;

/** "Mostly": more than half the rows with a value. */
const MOSTLY = 0.5;

/**
 * *Judgement:* below this share of rows carrying a label of the reference's groups, the
 * column's labels are in another vocabulary than the reference (OMB race against gnomAD's
 * groups, 1000 Genomes population codes against gnomAD): a group may hide behind a label
 * the reference lacks, so no group can be called absent or under-represented.
 */
export const MIN_PLACED_SHARE = 0.5;

/** True when a reference applies but most rows' labels are outside its groups. */
export function labelsOutsideReference(a: AncestryAssessment): boolean {
  return a.reference !== undefined && a.total > 0 && a.placed < MIN_PLACED_SHARE * a.total;
}

/** Pearson's test over the reference's groups; rows in groups outside it are left out. */
function goodnessOfFit(groups: GroupAssessment[], reference: Reference | undefined): AncestryAssessment['goodnessOfFit'] {
  if (!reference) return undefined;
  const inReference = groups.filter((g) => g.referenceShare !== undefined);
  if (inReference.length < 2 || inReference.every((g) => g.count === 0)) return undefined;
  const shares = normalised(Object.fromEntries(inReference.map((g) => [g.group, g.referenceShare!])));
  const result = chiSquareGoodnessOfFit(inReference.map((g) => g.count), inReference.map((g) => shares[g.group]));
  return { ...result, rescaled: !reference.partition, groups: inReference.length };
}
