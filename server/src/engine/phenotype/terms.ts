// Ontology term ids in phenotype data: HPO (`HP:` + 7 digits), MONDO (`MONDO:` + 7
// digits) and OMIM (`OMIM:` + 6 digits) [S49,S50]. A token that starts like one of them
// but does not have its exact shape (`HP_0001250`, `hp:0001250`, `HP:1250`, `MIM:147920`)
// is malformed: a join on the id silently drops it.
import { labelKey } from '../ancestry/labelKey';

export interface TermSystem {
  id: 'HPO' | 'MONDO' | 'OMIM';
  prefix: string;
  digits: number;
  pattern: RegExp;
  example: string;
}

export const TERM_SYSTEMS: readonly TermSystem[] = [
  { id: 'HPO', prefix: 'HP', digits: 7, pattern: /^HP:\d{7}$/, example: 'HP:0001250' },
  { id: 'MONDO', prefix: 'MONDO', digits: 7, pattern: /^MONDO:\d{7}$/, example: 'MONDO:0005148' },
  { id: 'OMIM', prefix: 'OMIM', digits: 6, pattern: /^OMIM:\d{6}$/, example: 'OMIM:240300' },
];

const SYSTEM_BY_ID = new Map(TERM_SYSTEMS.map((s) => [s.id, s]));

export function termSystem(id: TermSystem['id']): TermSystem {
  return SYSTEM_BY_ID.get(id)!;
}

/** A token that starts like an id of a system: its prefix (any case, HPO/MIM variants) and then no letter. */
const ATTEMPT = /^(hpo?|mondo|o?mim)(?![a-z])/i;

/** The system a token tries to be an id of, or undefined for a token that is no id attempt (a label, a number). */
export function attemptedSystem(token: string): TermSystem | undefined {
  const m = ATTEMPT.exec(token);
  if (!m) return undefined;
  const p = m[1].toLowerCase();
  return termSystem(p.startsWith('hp') ? 'HPO' : p === 'mondo' ? 'MONDO' : 'OMIM');
}

export function isValidTerm(token: string): boolean {
  return TERM_SYSTEMS.some((s) => s.pattern.test(token));
}

/** Cells may hold several ids: `HP:0001250; HP:0004322`, `HP:0001250|HP:0004322`. */
export function termTokens(cell: string): string[] {
  return cell.split(/[;|,\s]+/).filter((t) => t.length > 0);
}

/** The system a column is named for: `hpo_terms`, `HPO`, `hp_ids`, `mondo_id`, `omim`. */
export function systemNamedBy(header: string): TermSystem | undefined {
  const k = labelKey(header);
  if (/^(hpo|hp(id|ids|term|terms|code|codes)$)/.test(k)) return termSystem('HPO');
  if (k.startsWith('mondo')) return termSystem('MONDO');
  if (k.startsWith('omim') || /^mim(id|number|code)?$/.test(k)) return termSystem('OMIM');
  return undefined;
}

/** The well-formed id a malformed token most likely meant, when that is unambiguous. */
export function suggestedTerm(token: string, system: TermSystem): string | undefined {
  const digits = /^(?:hpo?|mondo|o?mim)?\s*[:_\-\s]?\s*(\d+)$/i.exec(token)?.[1];
  if (!digits || digits.length > system.digits) return undefined;
  // Spreadsheets drop leading zeros (HP:0001250 → 1250); padding them back is exact.
  return `${system.prefix}:${digits.padStart(system.digits, '0')}`;
}
