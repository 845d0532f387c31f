// ancestry-concept-unmapped: OMOP rows whose race or ethnicity concept is 0 ("no matching
// concept") while the source value beside it names a group: the concept mapping lost
// them, and every rule reading the concept column counts them as missing. The scan also
// counts how often the two columns agree, for the hover of the pair.
import { labelKey } from '../ancestry/labelKey';
import { OMB_VOCABULARY } from '../ancestry/vocabularies';
import { count, rows as rowCount } from '../format';
import type { DatasetRule, RawFindingOf, RowScan } from './rule';

export interface ConceptPair {
  concept: number;
  source: number;
  /** Rows with concept 0 whose source value names a group, by source value. */
  lost: Map<string, number>;
  /** Rows where both name a group: agreeing, and disagreeing by "concept → source". */
  agree: number;
  disagree: Map<string, number>;
}

export interface ConceptPairState {
  pairs: ConceptPair[];
}

const MEMO_LIMIT = 10_000;
const memo = new Map<string, string | undefined>();

function groupOf(value: string): string | undefined {
  if (memo.has(value)) return memo.get(value);
  const group = OMB_VOCABULARY.match(value)?.canonical;
  if (memo.size < MEMO_LIMIT) memo.set(value, group);
  return group;
}

export const conceptPairScan: RowScan<ConceptPairState> = {
  begin({ header, ancestryColumns }) {
    const pairs: ConceptPair[] = [];
    for (const concept of ancestryColumns) {
      const key = labelKey(header[concept]);
      if (!key.endsWith('conceptid') || key.endsWith('sourceconceptid')) continue;
      const source = ancestryColumns.find((i) => labelKey(header[i]) === `${key.slice(0, -'conceptid'.length)}sourcevalue`);
      if (source !== undefined) pairs.push({ concept, source, lost: new Map(), agree: 0, disagree: new Map() });
    }
    return { pairs };
  },
  row(state, values) {
    for (const p of state.pairs) {
      const concept = (values[p.concept] ?? '').trim();
      const source = (values[p.source] ?? '').trim();
      const sourceGroup = source === '' ? undefined : groupOf(source);
      if (sourceGroup === undefined) continue;
      if (concept === '0') { p.lost.set(source, (p.lost.get(source) ?? 0) + 1); continue; }
      const conceptGroup = groupOf(concept);
      if (conceptGroup === undefined) continue;
      if (conceptGroup === sourceGroup) p.agree++;
      else p.disagree.set(`${concept} → ${source}`, (p.disagree.get(`${concept} → ${source}`) ?? 0) + 1);
    }
  },
};

export type AncestryConceptUnmappedMessages = {
  unmapped: { column: string; sourceColumn: string; rows: number; lost: Record<string, number> };
};

export const ancestryConceptUnmapped: DatasetRule<AncestryConceptUnmappedMessages> = {
  id: 'ancestry-concept-unmapped',
  defaultSeverity: 'warning',
  description: 'OMOP rows whose race or ethnicity concept id is 0 while the source value names a group: the concept mapping lost them.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    unmapped: 'A concept id column paired with a label column has concepts the vocabulary does not map.',
  },
  scan: conceptPairScan,
  check({ table, scans, headerCell }) {
    const state = scans.get(conceptPairScan);
    const findings: RawFindingOf<AncestryConceptUnmappedMessages>[] = [];
    for (const p of state?.pairs ?? []) {
      const n = [...p.lost.values()].reduce((a, b) => a + b, 0);
      if (n === 0) continue;
      const labels = [...p.lost].sort((x, y) => y[1] - x[1]);
      const concept = table.header[p.concept];
      const source = table.header[p.source];
      findings.push({
        messageId: 'unmapped',
        range: headerCell(p.concept),
        message: `${rowCount(n)} with "${concept}" 0 though "${source}" names a group: lost by the concept mapping`,
        detail:
          `${rowCount(n)} ${n === 1 ? 'has' : 'have'} ${concept} 0 ("no matching concept") but a ${source} naming a group ` +
          `(${labels.slice(0, 5).map(([v, k]) => `${JSON.stringify(v)} → ${groupOf(v)}: ${count(k)}`).join(', ')}): the concept mapping lost them, ` +
          `and they count as missing in "${concept}". Map these source values to their standard concepts in the ETL (its source-to-concept map).`,
        data: { column: concept, sourceColumn: source, rows: n, lost: Object.fromEntries(labels.slice(0, 10)) },
      });
    }
    return findings;
  },
};
