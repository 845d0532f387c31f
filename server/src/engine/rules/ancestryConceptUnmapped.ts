// ancestry-concept-unmapped: OMOP rows whose race or ethnicity concept is 0 ("no matching
// concept") while a source value names a group that concept could hold: the concept
// mapping lost them, and every rule reading the concept column counts them as missing.
// OMOP keeps race and ethnicity apart (CDM v5.3/v5.4 PERSON: race_concept_id in the Race
// domain, ethnicity_concept_id in the Ethnicity domain, which holds only Hispanic or
// Latino and Not Hispanic or Latino), so a race source value "hispanic" beside race 0 is
// lost only if ethnicity_concept_id does not hold it either, and an ethnicity source value
// naming a race is nothing ethnicity_concept_id could have held. The scan also counts how
// often the two columns of a pair agree, for the hover of the pair.
import { labelKey } from '../ancestry/labelKey';
import { OMB, OMB_VOCABULARY } from '../ancestry/vocabularies';
import { count, rows as rowCount } from '../format';
import type { DatasetRule, RawFindingOf, RowScan } from './rule';

/** The OMOP domain a concept column's standard concepts come from. */
export type ConceptDomain = 'race' | 'ethnicity';

export interface ConceptPair {
  concept: number;
  source: number;
  /** Race or Ethnicity, by the column's name; undefined when the name says neither (any group counts). */
  domain?: ConceptDomain;
  /** Rows with concept 0 whose own source value names a group of its domain, by source value. */
  lost: Map<string, number>;
  /**
   * Rows with concept 0 whose own source value names none of its groups while the other
   * pair's source value does (race_source_value "hispanic" beside ethnicity_concept_id 0).
   */
  lostFromOther: Map<string, number>;
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

/** The OMOP Ethnicity domain holds Hispanic or Latino and Not Hispanic or Latino; every other OMB group is a race. */
export function domainOfGroup(group: string): ConceptDomain {
  return group === OMB.hispanic || group === OMB.notHispanic ? 'ethnicity' : 'race';
}

function domainOfColumn(key: string): ConceptDomain | undefined {
  if (key.includes('ethnic')) return 'ethnicity';
  if (key.includes('race')) return 'race';
  return undefined;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The group a source value names, if it is one its pair's concept column could hold. */
function ownGroup(p: ConceptPair, source: string): string | undefined {
  const group = source === '' ? undefined : groupOf(source);
  return group !== undefined && (p.domain === undefined || domainOfGroup(group) === p.domain) ? group : undefined;
}

export const conceptPairScan: RowScan<ConceptPairState> = {
  begin({ header, ancestryColumns }) {
    const pairs: ConceptPair[] = [];
    for (const concept of ancestryColumns) {
      const key = labelKey(header[concept]);
      if (!key.endsWith('conceptid') || key.endsWith('sourceconceptid')) continue;
      const source = ancestryColumns.find((i) => labelKey(header[i]) === `${key.slice(0, -'conceptid'.length)}sourcevalue`);
      if (source !== undefined) {
        pairs.push({ concept, source, domain: domainOfColumn(key), lost: new Map(), lostFromOther: new Map(), agree: 0, disagree: new Map() });
      }
    }
    return { pairs };
  },
  row(state, values) {
    for (const p of state.pairs) {
      const concept = (values[p.concept] ?? '').trim();
      const source = (values[p.source] ?? '').trim();
      const sourceGroup = ownGroup(p, source);
      if (sourceGroup === undefined) {
        if (concept !== '0' || p.domain === undefined) continue;
        // The other pair's source value may name a group of this domain (a race column's "hispanic").
        for (const other of state.pairs) {
          if (other === p || other.domain === undefined || other.domain === p.domain) continue;
          const otherSource = (values[other.source] ?? '').trim();
          const group = otherSource === '' ? undefined : groupOf(otherSource);
          if (group !== undefined && domainOfGroup(group) === p.domain) { bump(p.lostFromOther, otherSource); break; }
        }
        continue;
      }
      if (concept === '0') { bump(p.lost, source); continue; }
      const conceptGroup = groupOf(concept);
      if (conceptGroup === undefined) continue;
      if (conceptGroup === sourceGroup) p.agree++;
      else bump(p.disagree, `${concept} → ${source}`);
    }
  },
};

/** Rows a pair lost, from its own source value and from the other pair's. */
export function lostRows(p: ConceptPair): number {
  let n = 0;
  for (const k of p.lost.values()) n += k;
  for (const k of p.lostFromOther.values()) n += k;
  return n;
}

export type AncestryConceptUnmappedMessages = {
  unmapped: {
    column: string; sourceColumn: string; rows: number; lost: Record<string, number>;
    /** Rows lost from the other pair's source value (race_source_value "hispanic" beside ethnicity_concept_id 0), by value. */
    lostFromOther?: { column: string; values: Record<string, number> };
  };
};

const DOMAIN_GROUPS: Record<ConceptDomain, string> = {
  race: 'a race (OMOP Race domain)',
  ethnicity: 'Hispanic or Latino or Not Hispanic or Latino (OMOP Ethnicity domain)',
};

function examples(entries: [string, number][]): string {
  return entries.slice(0, 5).map(([v, k]) => `${JSON.stringify(v)} → ${groupOf(v)}: ${count(k)}`).join(', ');
}

export const ancestryConceptUnmapped: DatasetRule<AncestryConceptUnmappedMessages> = {
  id: 'ancestry-concept-unmapped',
  defaultSeverity: 'warning',
  description: 'OMOP rows whose race or ethnicity concept id is 0 while a source value names a group of that concept\'s domain: the concept mapping lost them.',
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
      const n = lostRows(p);
      if (n === 0) continue;
      const own = [...p.lost].sort((x, y) => y[1] - x[1]);
      const fromOther = [...p.lostFromOther].sort((x, y) => y[1] - x[1]);
      const concept = table.header[p.concept];
      const source = table.header[p.source];
      const other = state!.pairs.find((o) => o !== p && o.domain !== undefined && o.domain !== p.domain);
      const otherSource = other ? table.header[other.source] : undefined;
      const ownRows = own.reduce((a, [, k]) => a + k, 0);
      const parts: string[] = [];
      if (ownRows > 0) parts.push(`${rowCount(ownRows)} ${ownRows === 1 ? 'has' : 'have'} ${concept} 0 ("no matching concept") but a ${source} naming ${p.domain ? DOMAIN_GROUPS[p.domain] : 'a group'} (${examples(own)})`);
      if (fromOther.length > 0 && otherSource) {
        const k = n - ownRows;
        parts.push(`${rowCount(k)} ${k === 1 ? 'has' : 'have'} ${concept} 0 and no such ${source}, but a ${otherSource} naming ${DOMAIN_GROUPS[p.domain!]} (${examples(fromOther)})`);
      }
      const scope = p.domain === 'race'
        ? ' A source value naming Hispanic or Latino is not counted here: OMOP records it in ethnicity_concept_id.'
        : p.domain === 'ethnicity' ? ' A source value naming a race is not counted here: the OMOP Ethnicity domain holds only Hispanic or Latino and Not Hispanic or Latino.' : '';
      findings.push({
        messageId: 'unmapped',
        range: headerCell(p.concept),
        message: ownRows === n
          ? `${rowCount(n)} with "${concept}" 0 though "${source}" names a group: lost by the concept mapping`
          : `${rowCount(n)} with "${concept}" 0 though a source value names a group: lost by the concept mapping`,
        detail:
          `${parts.join('; ')}: the concept mapping lost them, and they count as missing in "${concept}".${scope} ` +
          'Map these source values to their standard concepts in the ETL (its source-to-concept map).',
        data: {
          column: concept, sourceColumn: source, rows: n, lost: Object.fromEntries(own.slice(0, 10)),
          ...(fromOther.length > 0 && otherSource ? { lostFromOther: { column: otherSource, values: Object.fromEntries(fromOther.slice(0, 10)) } } : {}),
        },
      });
    }
    return findings;
  },
};
