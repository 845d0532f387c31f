// Which columns the privacy scan watches, decided once from the header and the policy:
// the category each header claims, the pseudonym, the quasi-identifiers (generalised as
// Safe Harbor would leave them) and the columns a cross-tabulation with ancestry invites.
import { labelKey } from '../ancestry/labelKey';
import { columnRoles } from '../phenotype/columnRoles';
import { AGE, SEX } from '../phenotype/concepts';
import { headerWords } from '../phenotype/identifiers';
import type { Policy } from '../policy/policy';
import { AGE_90_PLUS, readAge } from './ages';
import { CATEGORIES, categoryOfHeader, isBirthDateHeader, isDateHeader, type CategoryKey } from './categories';
import { safeHarborZip } from './zip3';
import { MAX_ASSESSED_ANCESTRY_COLUMNS } from '../ancestry/detectColumns';

/** Columns crossed with each ancestry column for small cells, the first ones in the header. */
const MAX_CROSS_TABBED = 200;

export type QuasiKind = 'geography' | 'birth' | 'age' | 'sex' | 'ancestry' | 'policy';

export interface QuasiColumn {
  index: number;
  kind: QuasiKind;
  /** The value as it would stand after Safe Harbor generalisation (ZIP-3, birth year, 90+). */
  generalise(value: string): string;
  /** True when `generalise` only trims: the class keys then hold the values themselves. */
  exact?: boolean;
}

export interface PrivacyPlan {
  header: readonly string[];
  pseudonym?: number;
  /** Header claims, by column index (values still have to confirm them). */
  claimed: Map<number, CategoryKey>;
  dateHeaders: Set<number>;
  ageColumns: Set<number>;
  quasi: QuasiColumn[];
  /** True when the quasi-identifiers came from privacy.quasiIdentifiers. */
  quasiFromPolicy: boolean;
  /** Columns cross-tabulated with each ancestry column (privacy-small-cell). */
  crossTabbed: number[];
  ancestry: number[];
  /** The header says the rows are people: a sex, age or birth column, or a person's id. */
  personLevel: boolean;
}

const STATE_KEYS = new Set(['state', 'stateprovince', 'stateorprovince', 'province', 'statecode', 'usstate']);
const BIRTH_YEAR_KEYS = new Set(['yearofbirth', 'birthyear', 'yob']);
const PERSON_WORDS = new Set(['patient', 'person', 'participant', 'subject', 'individual', 'donor', 'member', 'sample', 'iid']);

const same = (v: string) => v.trim();
/** The birth year as its class; a spreadsheet's two-digit year (3/5/94 0:00) is the class too: one century per column. */
const birthYear = (v: string) => /\d{4}/.exec(v)?.[0] ?? /^\s*\d{1,2}\/\d{1,2}\/(\d{2})\b/.exec(v)?.[1] ?? v.trim();
const zip3 = (v: string) => safeHarborZip(v) ?? v.trim();
const age = (v: string) => (readAge(v)?.over89 ? AGE_90_PLUS : v.trim());

// Cheap tests on the header key before the concepts' own patterns (a header of 100,000 columns must stay fast).
const MAY_BE_SEX = /sex|gender|male/;
const MAY_BE_AGE = /age|birth|yob|dob|encounter/;
const MAY_BE_PERSON = /patient|person|participant|subject|individual|donor|member|sample|iid/;

export function isAgeColumn(name: string, k = labelKey(name)): boolean {
  return MAY_BE_AGE.test(k) && !isBirthDateHeader(name, k) && !BIRTH_YEAR_KEYS.has(k) && AGE.matches(name);
}

function isSexColumn(name: string, k = labelKey(name)): boolean {
  return MAY_BE_SEX.test(k) && SEX.matches(name);
}

function defaultQuasi(header: readonly string[], claimed: Map<number, CategoryKey>, ancestry: number[]): QuasiColumn[] {
  const quasi: QuasiColumn[] = [];
  header.forEach((name, index) => {
    const k = labelKey(name);
    if (claimed.get(index) === 'zip') quasi.push({ index, kind: 'geography', generalise: zip3 });
    else if (STATE_KEYS.has(k)) quasi.push({ index, kind: 'geography', generalise: same, exact: true });
    else if (isBirthDateHeader(name) || BIRTH_YEAR_KEYS.has(k)) quasi.push({ index, kind: 'birth', generalise: birthYear });
    else if (isAgeColumn(name)) quasi.push({ index, kind: 'age', generalise: age });
    else if (isSexColumn(name, k)) quasi.push({ index, kind: 'sex', generalise: same, exact: true });
    else if (ancestry.includes(index)) quasi.push({ index, kind: 'ancestry', generalise: same, exact: true });
  });
  return quasi;
}

function policyQuasi(header: readonly string[], names: string[], claimed: Map<number, CategoryKey>): QuasiColumn[] {
  const wanted = new Set(names.map(labelKey));
  return header.flatMap((name, index) => {
    if (!wanted.has(labelKey(name))) return [];
    const generalise = claimed.get(index) === 'zip' ? zip3 : isBirthDateHeader(name) ? birthYear : isAgeColumn(name) ? age : same;
    return [{ index, kind: 'policy' as const, generalise, exact: generalise === same }];
  });
}

export function privacyPlan(header: readonly string[], policy: Policy, ancestry: number[]): PrivacyPlan {
  const pseudonymKey = policy.privacy.pseudonym !== undefined ? labelKey(policy.privacy.pseudonym) : undefined;
  const pseudonym = pseudonymKey !== undefined ? header.findIndex((h) => labelKey(h) === pseudonymKey) : -1;
  const claimed = new Map<number, CategoryKey>();
  const dateHeaders = new Set<number>();
  const ageColumns = new Set<number>();
  header.forEach((name, index) => {
    if (index === pseudonym || ancestry.includes(index)) return;
    const k = labelKey(name);
    if (k.length === 0) return;
    const key = categoryOfHeader(name, k);
    if (key) claimed.set(index, key);
    else if (isDateHeader(name, k)) dateHeaders.add(index);
    if (isAgeColumn(name, k)) ageColumns.add(index);
  });
  const listed = policy.privacy.quasiIdentifiers;
  const quasi = listed && listed.length > 0 ? policyQuasi(header, listed, claimed) : defaultQuasi(header, claimed, ancestry);
  // Tables are ancestry x column: without an ancestry column there is nothing to cross-tabulate.
  const roles = ancestry.length > 0 ? columnRoles(header, policy, ancestry) : undefined;
  const excluded = new Set([...claimed.keys(), ...dateHeaders, ...(pseudonym >= 0 ? [pseudonym] : []), ...ancestry]);
  const crossTabbed = roles
    ? [...new Set([...header.map((_, i) => i).filter((i) => isSexColumn(header[i])), ...roles.phenotype])].filter((i) => !excluded.has(i) && !roles.identifier.has(i)).sort((a, b) => a - b)
    : [];
  // Tables are ancestry x column, each a fixed block of counts: bounded on both sides so a
  // header of thousands of columns (or of many ancestry columns) costs a bounded amount.
  crossTabbed.splice(MAX_CROSS_TABBED);
  const personLevel = header.some(isAboutAPerson) || [...claimed.values()].some((k) => CATEGORIES[k].rule === 'direct');
  return {
    header, pseudonym: pseudonym >= 0 ? pseudonym : undefined, claimed, dateHeaders, ageColumns, quasi, quasiFromPolicy: !!(listed && listed.length > 0),
    crossTabbed, ancestry: ancestry.slice(0, MAX_ASSESSED_ANCESTRY_COLUMNS), personLevel,
  };
}

/** A sex, age or birth column, or a person's id: the rows are people. */
export function isAboutAPerson(name: string): boolean {
  const k = labelKey(name);
  return isSexColumn(name, k) || (MAY_BE_AGE.test(k) && AGE.matches(name)) || (MAY_BE_PERSON.test(k) && isPersonId(name));
}

function isPersonId(name: string): boolean {
  const words = headerWords(name);
  return words.some((w) => PERSON_WORDS.has(w)) && (words.length === 1 || ['id', 'nbr', 'no', 'number', 'code', 'key', 'name', 'barcode'].includes(words[words.length - 1]));
}
