// Quasi-identifier columns that are one attribute written twice: an OMOP concept id and its
// source value (gender_concept_id 8532 / gender_source_value F), a birth date and a birth
// year once generalised. Two columns are the same attribute when their (generalised) values
// are one-to-one on every row: each value of one goes with exactly one value of the other,
// both ways. The quasi-identifier classes hold every row's combination, so this is decided
// exactly from them, but only while every row is in a class (no row past MAX_CLASSES).
// Counted twice, such a pair doubles the small cells and makes "the column whose removal
// helps most" useless, since removing one leaves the other holding the same values.
import { CLASS_SEPARATOR } from './scan';

/** Positions in the quasi-identifier list, grouped: each group one attribute, in header order. */
export type AttributeGroups = number[][];

function oneToOne(keys: readonly string[][], i: number, j: number): boolean {
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  for (const parts of keys) {
    const a = parts[i];
    const b = parts[j];
    const f = forward.get(a);
    if (f === undefined) forward.set(a, b);
    else if (f !== b) return false;
    const g = backward.get(b);
    if (g === undefined) backward.set(b, a);
    else if (g !== a) return false;
  }
  return true;
}

/**
 * The attributes behind `quasiCount` quasi-identifiers, from the classes; every position
 * alone when some rows are in no class (the pairs could not be checked on every row).
 */
export function attributeGroups(classes: Map<string, number>, quasiCount: number, uncountedRows: number): AttributeGroups {
  const alone = Array.from({ length: quasiCount }, (_, i) => [i]);
  if (uncountedRows > 0 || quasiCount < 2 || classes.size === 0) return alone;
  const keys = [...classes.keys()].map((key) => key.split(CLASS_SEPARATOR));
  const groupOf = Array.from({ length: quasiCount }, (_, i) => i);
  // A column with one value on every row splits nothing and recodes nothing: it stays alone
  // (two such columns are trivially one-to-one, which says nothing about them).
  const constant = Array.from({ length: quasiCount }, (_, i) => keys.every((parts) => parts[i] === keys[0][i]));
  for (let i = 0; i < quasiCount; i++) {
    if (groupOf[i] !== i || constant[i]) continue;
    for (let j = i + 1; j < quasiCount; j++) {
      if (constant[j]) continue;
      // One-to-one is transitive: a column joins the first group it matches.
      if (groupOf[j] === j && oneToOne(keys, i, j)) groupOf[j] = i;
    }
  }
  const groups = new Map<number, number[]>();
  groupOf.forEach((g, i) => { const list = groups.get(g); if (list) list.push(i); else groups.set(g, [i]); });
  return [...groups.values()];
}

const memo = new WeakMap<object, AttributeGroups>();

/** The attribute groups of a scan's quasi-identifiers, computed once per scan state. */
export function quasiAttributes(state: { classes: Map<string, number>; uncountedRows: number; plan: { quasi: readonly unknown[] } }): AttributeGroups {
  let groups = memo.get(state);
  if (!groups) memo.set(state, (groups = attributeGroups(state.classes, state.plan.quasi.length, state.uncountedRows)));
  return groups;
}

/** `"gender_concept_id" (with "gender_source_value")`: an attribute by its columns' names. */
export function attributeName(names: readonly string[], group: readonly number[]): string {
  const [first, ...rest] = group;
  return rest.length === 0 ? `"${names[first]}"` : `"${names[first]}" (with ${rest.map((i) => `"${names[i]}"`).join(', ')})`;
}

/** The sentence saying which columns were counted as one attribute; empty when none were. */
export function sameAttributeSentence(names: readonly string[], groups: AttributeGroups): string {
  const twice = groups.filter((g) => g.length > 1);
  if (twice.length === 0) return '';
  const pairs = twice.map((g) => g.map((i) => `"${names[i]}"`).join(' = ')).join('; ');
  return ` Counted as one attribute each, since their values are one-to-one on these rows (one recodes the other): ${pairs}.`;
}
