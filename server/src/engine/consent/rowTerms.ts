// The DUO terms of one row, gathered from its consent-codes cells, in a canonical order
// so rows with the same consent group together whatever the cell's spelling.
import type { DuoTerm } from './duo';

export interface RowTerms {
  shorthands: string[];
  /** MONDO ids DS is restricted to. */
  diseases: string[];
  /** "HMB;NPU", "DS-MONDO:0005148;IRB": how messages name the row's consent. */
  key: string;
}

export function rowTerms(terms: readonly DuoTerm[], diseases: readonly string[]): RowTerms {
  const ordered = [...new Set(terms)].sort((a, b) => (a.kind === b.kind ? a.shorthand!.localeCompare(b.shorthand!) : a.kind === 'permission' ? -1 : 1));
  const shorthands = ordered.map((t) => t.shorthand!);
  const unique = [...new Set(diseases)].sort();
  const names = shorthands.flatMap((s) => (s === 'DS' && unique.length ? unique.map((d) => `DS-${d}`) : [s]));
  return { shorthands, diseases: unique, key: names.join(';') };
}
