// A code column whose values come from more than one code system (ICD-9-CM and ICD-10,
// SNOMED CT and ICD-10, ...), or from another system than the policy declares.
import { codingOf, MIN_OTHER_SHARE, MIN_OTHER_VALUES, type ColumnCoding, type SystemCount } from '../../phenotype/codingOfColumn';
import { count, percent } from '../../format';
import type { DatasetRule, RawFindingOf } from '../rule';
import { firstFitting } from '../verdictFit';
import { CONSISTENCY_SCAN_RULE, consistencyScan, consistencyState } from './consistency';

function systemText(s: SystemCount, coded: number): string {
  return `${s.system} ${count(s.count)} (${percent(s.count / coded)}; e.g. ${s.shapes.slice(0, 3).join(', ')})`;
}

/** `"diag_1" mixes code systems: ICD-9-CM 95%, ICD-10 5%`, or what it holds besides the declared system. */
function codingVerdict(c: ColumnCoding): string {
  const shares = (list: SystemCount[]) => list.map((s) => `${s.system} ${percent(s.count / c.coded)}`).join(', ');
  if (c.declared) {
    return firstFitting(
      `"${c.column}" holds codes besides the declared ${c.declared}: ${shares(c.others)}`,
      `"${c.column}" holds codes of ${c.others.length} systems besides the declared ${c.declared}`,
    );
  }
  const [top] = c.systems;
  return firstFitting(
    `"${c.column}" mixes code systems: ${shares(c.systems)}`,
    `"${c.column}" mixes ${c.systems.length} code systems, mostly ${top.system} (${percent(top.count / c.coded)})`,
  );
}

export function codingData(c: ColumnCoding) {
  return {
    column: c.column, columnIndex: c.columnIndex, primary: c.primary, declared: c.declared ?? null,
    systems: c.systems.map((s) => ({ system: s.system, count: s.count, unambiguous: s.unambiguous, shapes: s.shapes })),
    others: c.others.map((s) => s.system), ambiguous: c.ambiguous, coded: c.coded, nonMissing: c.nonMissing,
    minOtherValues: MIN_OTHER_VALUES, minOtherShare: MIN_OTHER_SHARE,
  };
}

export type PhenotypeCodingMixedMessages = {
  mixed: ReturnType<typeof codingData>;
};

export const phenotypeCodingMixed: DatasetRule<PhenotypeCodingMixedMessages> = {
  id: CONSISTENCY_SCAN_RULE,
  defaultSeverity: 'warning',
  description: 'A code column whose values come from more than one code system (ICD-9-CM, ICD-10, SNOMED CT, LOINC, ATC, HPO, MONDO, OMIM) by shape, or from another system than phenotype.codeSystem declares.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    mixed: 'A column coded in several systems.',
  },
  scan: consistencyScan,
  check(context) {
    const state = consistencyState(context);
    if (!state) return [];
    const findings: RawFindingOf<PhenotypeCodingMixedMessages>[] = [];
    for (const tally of state.columns) {
      if (!tally) continue;
      const coding = codingOf(tally, context.policy.phenotype.codeSystem);
      if (!coding || coding.others.length === 0) continue;
      const systems = coding.systems.map((s) => systemText(s, coding.coded)).join(', ');
      const why = coding.declared
        ? `phenotype.codeSystem declares ${coding.declared} for it`
        : `each other system has at least ${MIN_OTHER_VALUES} values and ${percent(MIN_OTHER_SHARE)} of the coded values in shapes only it allows`;
      const ambiguous = coding.ambiguous > 0 ? ` ${count(coding.ambiguous)} values fit more than one system by shape (ICD-9-CM V and E codes fit ICD-10 too); each is read as the one of its systems the column's other values support most.` : '';
      const opening = coding.declared
        ? `Column "${tally.name}" holds codes of another system than ${coding.declared}, which ${why}: ${systems}, of ${count(coding.coded)} coded values.`
        : `Column "${tally.name}" mixes code systems: ${systems}, of ${count(coding.coded)} coded values (${why}).`;
      findings.push({
        messageId: 'mixed',
        range: context.headerCell(tally.index),
        message: codingVerdict(coding),
        detail: `${opening}${ambiguous} Codes from different systems do not join or compare; map them to one system.`,
        data: codingData(coding),
      });
    }
    return findings;
  },
};
