// The GA4GH Data Use Ontology (DUO), hard-coded so the product never reads data files at
// run time. Source: EBISPOT/DUO `duo.csv` and `src/ontology/duo-edit.owl` (CC BY 4.0),
// ../shared/docs/domain.md section D [S57]: 25 current terms (5 permissions, 18
// modifiers, the two parent classes) and the two obsolete terms still met in old files.

export type DuoKind = 'permission' | 'modifier' | 'class';

export interface DuoTerm {
  id: string;
  /** The Consent Codes shorthand; the two parent classes have none. */
  shorthand?: string;
  label: string;
  kind: DuoKind;
  /** The term this one narrows (DS narrows HMB, NPU and NCU narrow NPUNCU). */
  parent?: string;
  /** Obsolete terms: the current terms that replace them (empty when none does). */
  replacedBy?: string[];
}

/** The current terms, in duo.csv's wording. */
export const DUO_TERMS: readonly DuoTerm[] = [
  { id: 'DUO:0000001', label: 'data use permission', kind: 'class' },
  { id: 'DUO:0000017', label: 'data use modifier', kind: 'class' },
  // Permissions (children of DUO:0000001).
  { id: 'DUO:0000042', shorthand: 'GRU', label: 'general research use', kind: 'permission' },
  { id: 'DUO:0000006', shorthand: 'HMB', label: 'health or medical or biomedical research', kind: 'permission', parent: 'DUO:0000042' },
  { id: 'DUO:0000007', shorthand: 'DS', label: 'disease specific research', kind: 'permission', parent: 'DUO:0000006' },
  { id: 'DUO:0000011', shorthand: 'POA', label: 'population origins or ancestry research only', kind: 'permission' },
  { id: 'DUO:0000004', shorthand: 'NRES', label: 'no restriction', kind: 'permission' },
  // Modifiers (children of DUO:0000017).
  { id: 'DUO:0000043', shorthand: 'CC', label: 'clinical care use', kind: 'modifier' },
  { id: 'DUO:0000044', shorthand: 'NPOA', label: 'population origins or ancestry research prohibited', kind: 'modifier' },
  { id: 'DUO:0000015', shorthand: 'NMDS', label: 'no general methods research', kind: 'modifier' },
  { id: 'DUO:0000016', shorthand: 'GSO', label: 'genetic studies only', kind: 'modifier' },
  { id: 'DUO:0000012', shorthand: 'RS', label: 'research specific restrictions', kind: 'modifier' },
  { id: 'DUO:0000018', shorthand: 'NPUNCU', label: 'not for profit, non commercial use only', kind: 'modifier' },
  { id: 'DUO:0000045', shorthand: 'NPU', label: 'not for profit organisation use only', kind: 'modifier', parent: 'DUO:0000018' },
  { id: 'DUO:0000046', shorthand: 'NCU', label: 'non-commercial use only', kind: 'modifier', parent: 'DUO:0000018' },
  { id: 'DUO:0000019', shorthand: 'PUB', label: 'publication required', kind: 'modifier' },
  { id: 'DUO:0000020', shorthand: 'COL', label: 'collaboration required', kind: 'modifier' },
  { id: 'DUO:0000021', shorthand: 'IRB', label: 'ethics approval required', kind: 'modifier' },
  { id: 'DUO:0000022', shorthand: 'GS', label: 'geographical restriction', kind: 'modifier' },
  { id: 'DUO:0000024', shorthand: 'MOR', label: 'publication moratorium', kind: 'modifier' },
  { id: 'DUO:0000025', shorthand: 'TS', label: 'time limit on use', kind: 'modifier' },
  { id: 'DUO:0000026', shorthand: 'US', label: 'user specific restriction', kind: 'modifier' },
  { id: 'DUO:0000027', shorthand: 'PS', label: 'project specific restriction', kind: 'modifier' },
  { id: 'DUO:0000028', shorthand: 'IS', label: 'institution specific restriction', kind: 'modifier' },
  { id: 'DUO:0000029', shorthand: 'RTN', label: 'return to database or resource', kind: 'modifier' },
];

/** Obsolete terms (domain.md D): GRU-CC became GRU plus the CC modifier; RU has no successor. */
export const OBSOLETE_DUO_TERMS: readonly DuoTerm[] = [
  { id: 'DUO:0000005', shorthand: 'GRU-CC', label: 'general research use and clinical care (obsolete)', kind: 'permission', replacedBy: ['DUO:0000042', 'DUO:0000043'] },
  { id: 'DUO:0000014', shorthand: 'RU', label: 'research use only (obsolete)', kind: 'permission', replacedBy: [] },
];

const byId = new Map<string, DuoTerm>();
const byShorthand = new Map<string, DuoTerm>();
const byLabel = new Map<string, DuoTerm>();
for (const term of [...DUO_TERMS, ...OBSOLETE_DUO_TERMS]) {
  byId.set(term.id, term);
  if (term.shorthand) byShorthand.set(term.shorthand, term);
  if (!term.replacedBy) byLabel.set(term.label.toLowerCase(), term);
}

/** A term by its exact id (`DUO:0000042`) or exact shorthand (`GRU`). */
export function duoTerm(code: string): DuoTerm | undefined {
  return byId.get(code) ?? byShorthand.get(code);
}

export function duoById(id: string): DuoTerm | undefined {
  return byId.get(id);
}

/** A current term by its label, ignoring case ("general research use"). */
export function duoByLabel(label: string): DuoTerm | undefined {
  return byLabel.get(label.trim().toLowerCase());
}

/** A term by shorthand ignoring case (`hmb`), for near-miss suggestions. */
export function duoByShorthandIgnoringCase(code: string): DuoTerm | undefined {
  return byShorthand.get(code.toUpperCase());
}

/** Shorthands of the five permissions, the values a schema's consent field enumerates. */
export const PERMISSION_SHORTHANDS: readonly string[] = DUO_TERMS.filter((t) => t.kind === 'permission').map((t) => t.shorthand!);

export const DS_ID = 'DUO:0000007';
