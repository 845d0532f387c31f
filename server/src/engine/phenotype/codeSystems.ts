// Which code systems a value could come from, by shape, following each system's own
// specification (docs/rules/phenotype-coding-mixed.md cites them):
// - ICD-9-CM (CMS): 001–999 with up to two decimals (`250.83`), V01–V91 with up to two
//   (`V45.81`), E000–E030 and E800–E999 with one (`E909.0`). CMS's own code files, claims,
//   SynPUF and MIMIC-III write them without the dot, which is implied after the third
//   character (after the fourth in E codes): `25083`, `V4581`, `E9090`, so 3–5 digits, V
//   and 2–4 digits, E and 3–4 digits. Extracts drop leading zeros (`8` for 008, `38` for
//   038, as in the UCI diabetes file), so 1–2 digit numbers count in a column already read
//   as codes.
// - ICD-10 (WHO) / ICD-10-CM (CMS): a letter, a digit, a digit or letter (`C4A`), then
//   optionally a dot and up to four characters (`S72.001A`); written without the dot, the
//   4th–6th characters are digits or the placeholder X.
// - SNOMED CT identifiers (SNOMED International, "SCTID" in the Technical Implementation
//   Guide): 6–18 digits, no leading zero, a Verhoeff check digit last and before it the
//   partition identifier: 00 or 10 for a concept.
// - LOINC (Regenstrief, User's Guide: "Calculating Mod 10 check digits"): up to 5 digits,
//   a hyphen and a mod-10 (Luhn) check digit (`2345-7`).
// - ATC (WHO Collaborating Centre): anatomical group letter, 2 digits, then 1 and 2
//   letters, then 2 digits (`A10BA02`); levels 3 to 5 are recognised.
// - HPO `HP:` + 7 digits, MONDO `MONDO:` + 7, OMIM `OMIM:` (or `MIM:`) + 6.
// Shapes overlap: `V45` is an ICD-9-CM V code and an ICD-10 external cause; `E878` is an
// ICD-9-CM E code and ICD-10 E87.8 written without its dot. Such values get every
// candidate, and the column decides (codingOfColumn.ts).
import { headerWords } from './identifiers';

export type CodeSystemId = 'ICD-9-CM' | 'ICD-10' | 'SNOMED CT' | 'LOINC' | 'ATC' | 'HPO' | 'MONDO' | 'OMIM';

/** Spellings a policy may use for a system (phenotype.codeSystem), by labelKey-like key. */
const SYSTEM_NAMES: Record<string, CodeSystemId> = {
  icd9: 'ICD-9-CM', icd9cm: 'ICD-9-CM', icd10: 'ICD-10', icd10cm: 'ICD-10', icd10who: 'ICD-10',
  snomed: 'SNOMED CT', snomedct: 'SNOMED CT', sct: 'SNOMED CT', loinc: 'LOINC', atc: 'ATC',
  hpo: 'HPO', hp: 'HPO', mondo: 'MONDO', omim: 'OMIM', mim: 'OMIM',
};

export function codeSystemNamed(name: string): CodeSystemId | undefined {
  return SYSTEM_NAMES[name.toLowerCase().replace(/[^a-z0-9]/g, '')];
}

const ICD9_NUMERIC = /^\d{3}(?:\.?\d{1,2})?$/;
const ICD9_UNPADDED = /^\d{1,2}(?:\.\d{1,2})?$/;
const ICD9_V = /^V(\d{2})(?:\.?\d{1,2})?$/;
const ICD9_E = /^E(\d{3})(?:\.?\d)?$/;
const ICD10_DOTTED = /^([A-Z])(\d)([0-9A-Z])\.[0-9A-Z]{1,4}$/;
const ICD10_BARE = /^([A-Z])(\d)([0-9A-Z])(?:[0-9X]{1,3}[0-9A-Z]?)?$/;
const ATC = /^[A-HJLMNPRSV]\d{2}[A-Z](?:[A-Z](?:\d{2})?)?$/;
const SNOMED = /^[1-9]\d{5,17}$/;
const LOINC = /^(\d{1,5})-(\d)$/;
const PREFIXED: readonly [RegExp, CodeSystemId][] = [
  [/^HP:\d{7}$/, 'HPO'],
  [/^MONDO:\d{7}$/, 'MONDO'],
  [/^(?:OMIM|MIM):\d{6}$/, 'OMIM'],
  [/^(?:SCTID|SNOMED|SNOMEDCT|SCT):\s?[1-9]\d{5,17}$/i, 'SNOMED CT'],
  [/^LOINC:\s?\d{1,5}-\d$/i, 'LOINC'],
];

// Verhoeff's dihedral-group tables (J. Verhoeff, 1969), as SNOMED CT's guide gives them.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** True when the digit string (check digit last) passes Verhoeff's check. */
export function verhoeffValid(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = D[c][P[i % 8][digits.charCodeAt(digits.length - 1 - i) - 48]];
  return c === 0;
}

/** A SNOMED CT concept id: shape, partition identifier 00 or 10, Verhoeff check digit. */
export function isSnomedConceptId(digits: string): boolean {
  if (!SNOMED.test(digits)) return false;
  const partition = digits.slice(-3, -1);
  return (partition === '00' || partition === '10') && verhoeffValid(digits);
}

/** LOINC's mod-10 check digit of the number part (the Luhn scheme its User's Guide describes). */
export function loincCheckDigit(number: string): number {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    const digit = number.charCodeAt(number.length - 1 - i) - 48;
    const doubled = i % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLoincCode(value: string): boolean {
  const m = LOINC.exec(value);
  return m !== null && loincCheckDigit(m[1]) === Number(m[2]);
}

/** What a value's shape says. `checkFailed` names a system whose shape matched but whose check digit did not. */
export interface CodeShape {
  candidates: CodeSystemId[];
  /** Plain numbers (`250.83`, `38`) are ICD-9-CM only in a column read as codes. */
  plainNumber: boolean;
  checkFailed?: CodeSystemId;
}

const NONE: CodeShape = { candidates: [], plainNumber: false };

/** The systems whose shape `raw` has (trimmed; letters as written: `v45` is no code). */
export function codeShape(raw: string): CodeShape {
  const value = raw.trim();
  if (value.length === 0) return NONE;
  const first = value.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    if (ICD9_NUMERIC.test(value) || ICD9_UNPADDED.test(value)) return { candidates: ['ICD-9-CM'], plainNumber: true };
    if (SNOMED.test(value)) return isSnomedConceptId(value) ? { candidates: ['SNOMED CT'], plainNumber: false } : { ...NONE, checkFailed: 'SNOMED CT' };
    if (LOINC.test(value)) return isLoincCode(value) ? { candidates: ['LOINC'], plainNumber: false } : { ...NONE, checkFailed: 'LOINC' };
    return NONE;
  }
  for (const [pattern, system] of PREFIXED) {
    if (!pattern.test(value)) continue;
    if (system === 'SNOMED CT' && !isSnomedConceptId(value.replace(/^[^:]*:\s?/, ''))) return { ...NONE, checkFailed: system };
    if (system === 'LOINC' && !isLoincCode(value.replace(/^[^:]*:\s?/, ''))) return { ...NONE, checkFailed: system };
    return { candidates: [system], plainNumber: false };
  }
  const candidates: CodeSystemId[] = [];
  const v = ICD9_V.exec(value);
  if (v) {
    const n = Number(v[1]);
    if (n >= 1 && n <= 91) candidates.push('ICD-9-CM');
  }
  const e = ICD9_E.exec(value);
  if (e) {
    const n = Number(e[1]);
    if (n <= 30 || n >= 800) candidates.push('ICD-9-CM');
  }
  if (isIcd10(value)) candidates.push('ICD-10');
  if (ATC.test(value)) candidates.push('ATC');
  return candidates.length > 0 ? { candidates, plainNumber: false } : NONE;
}

function isIcd10(value: string): boolean {
  const m = ICD10_DOTTED.exec(value) ?? ICD10_BARE.exec(value);
  if (!m) return false;
  // Chapter ranges that exist: V01–V99 external causes (V00 in ICD-10-CM), E00–E90
  // endocrine (E90 is WHO's last), so `E932` (ICD-9-CM) is no ICD-10 code without its dot.
  const category = Number(m[2] + (/\d/.test(m[3]) ? m[3] : '0'));
  if (m[1] === 'E' && category > 90) return false;
  return true;
}

/** `V45` → `V99`, `250.83` → `999.99`: how a code looks without saying which code it is. */
export function shapeOf(value: string): string {
  return value.trim().replace(/\d/g, '9');
}

const SYSTEM_WORDS: Record<string, CodeSystemId> = {
  icd9: 'ICD-9-CM', icd9cm: 'ICD-9-CM', icd10: 'ICD-10', icd10cm: 'ICD-10', snomed: 'SNOMED CT', snomedct: 'SNOMED CT', sctid: 'SNOMED CT',
  loinc: 'LOINC', atc: 'ATC', hpo: 'HPO', mondo: 'MONDO', omim: 'OMIM',
};
/** Words that make a column a code column whatever its values look like. */
const CODE_WORDS = new Set(['diag', 'diagnosis', 'diagnoses', 'dx', 'icd', 'code', 'codes', 'snomed', 'loinc', 'atc', 'condition', 'conditions', 'disease', 'comorbidity', 'cause', 'morbidity']);

/** The system a column's header names (`icd10_code`, `diag_icd9`), if any. */
export function systemInHeader(header: string): CodeSystemId | undefined {
  const words = headerWords(header);
  for (let i = 0; i < words.length; i++) {
    const joined = words[i] + (words[i + 1] ?? '');
    const system = SYSTEM_WORDS[joined] ?? SYSTEM_WORDS[words[i]];
    if (system) return system;
  }
  return undefined;
}

/** Words of a count or a flag about codes, not codes: `number_diagnoses`, `dx_count`. */
const COUNT_WORDS = new Set(['number', 'num', 'n', 'nb', 'count', 'counts', 'total', 'no', 'flag', 'date', 'year', 'age', 'description', 'desc', 'text', 'label', 'name']);

/** A header that says its column holds codes: `diag_1`, `icd10`, `condition_code`. */
export function namesCodes(header: string): boolean {
  const words = headerWords(header);
  if (words.some((w) => COUNT_WORDS.has(w))) return false;
  // OMOP `condition_concept_id`: a vocabulary's own numbers (80180, 4329847), which
  // may have the shape of an ICD-9-CM code without its dot but are none.
  if (words.length >= 2 && words[words.length - 1] === 'id' && words[words.length - 2] === 'concept') return false;
  return systemInHeader(header) !== undefined || words.some((w) => CODE_WORDS.has(w) || /^(icd|diag|dx)\d*$/.test(w));
}
