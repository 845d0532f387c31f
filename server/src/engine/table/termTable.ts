// A table of ontology terms, not of people: GA4GH DUO's duo.csv (id, shorthand, label,
// description), a HANCESTRO ROBOT template (ID, Type, Parent, Label, Definition, ...), an
// OMOP standardized vocabulary table (CONCEPT.csv, CONCEPT_ANCESTOR.csv, ...). Its rows are
// terms, so the rules about people (ancestry, phenotypes, consent, privacy, outcomes) have
// nothing to say, and "no column for sex" on a vocabulary is noise. Read from the header and
// the profile, so a streamed file is judged alike: a column of term ids beside a label or
// definition column, or an OMOP vocabulary table's fields (omopVocabulary.ts), and no column
// that says the rows are people.
import { labelKey } from '../ancestry/labelKey';
import { isAboutAPerson } from '../privacy/plan';
import type { TableProfile } from '../profile/profile';
import { omopSystemTableOf } from './omopSystemTable';
import { omopVocabularyOf } from './omopVocabulary';

/** A compact URI (DUO:0000021, HANCESTRO_0846, MONDO:0005148) or an OBO PURL. */
const TERM_ID = /^([A-Za-z][A-Za-z0-9]{1,15}[:_]\d{3,9}|https?:\/\/purl\.obolibrary\.org\/obo\/[A-Za-z][A-Za-z0-9]*_\d{3,9})$/;
/** Header keys (labelKey) of the columns a vocabulary names its terms in. */
const LABEL_KEYS = new Set(['label', 'name', 'preflabel', 'preferredlabel', 'term', 'termname', 'definition', 'description', 'rdfslabel', 'conceptname']);
/** *Judgement:* nine in ten of the id column's values are term ids, and at least this many. */
const TERM_SHARE = 0.9;
const MIN_TERMS = 5;

/** The fields of an OMOP vocabulary table: its concept ids are integers, not compact URIs. */
export interface OmopVocabularyTable {
  kind: 'omop';
  /** The CDM table the header is, lower case (`concept`, `concept_ancestor`). */
  table: string;
  /** Its first signature field, where the finding sits. */
  idColumn: number;
  /** How many of the table's signature fields the header has (all of them). */
  fields: number;
}

/**
 * An OMOP table about the health system or the CDM (omopSystemTable.ts): its rows are not
 * persons, though some hold people's details (a provider's year of birth, an address), so
 * the privacy checks still run on it; the other checks about people do not.
 */
export interface OmopSystemTable {
  kind: 'omop-system';
  table: string;
  rowsAre: string;
  idColumn: number;
  fields: number;
}

export type TermTable = OntologyTermTable | OmopVocabularyTable | OmopSystemTable;

export interface OntologyTermTable {
  kind: 'ontology';
  idColumn: number;
  labelColumn: number;
  /** Values of the id column, and of them term ids (over the values the profile kept). */
  values: number;
  termIds: number;
  /** The first term id, as an example (a public ontology's id, never a person's). */
  example: string;
}

function termIds(values: Map<string, number>): { values: number; termIds: number; example?: string } {
  let all = 0;
  let terms = 0;
  let example: string | undefined;
  for (const [value, n] of values) {
    all += n;
    if (TERM_ID.test(value.trim())) {
      terms += n;
      example ??= value.trim();
    }
  }
  return { values: all, termIds: terms, example };
}

/** The table's term-id and label columns when it is a table of ontology terms; undefined otherwise. */
export function termTableOf(header: readonly string[], profile: TableProfile): TermTable | undefined {
  // Before the test for columns about a person: PROVIDER has a provider's year of birth.
  const system = omopSystemTableOf(header);
  if (system) return { kind: 'omop-system', ...system };
  if (header.some((name) => isAboutAPerson(name))) return undefined;
  const omop = omopVocabularyOf(header);
  if (omop) return { kind: 'omop', ...omop };
  const labelColumn = header.findIndex((name) => LABEL_KEYS.has(labelKey(name)));
  if (labelColumn < 0) return undefined;
  for (let i = 0; i < header.length; i++) {
    const column = profile.columns[i];
    if (i === labelColumn || !column || column.valuesTruncated) continue;
    const read = termIds(column.values);
    if (read.example !== undefined && read.termIds >= MIN_TERMS && read.termIds >= TERM_SHARE * read.values) {
      return { kind: 'ontology', idColumn: i, labelColumn, values: read.values, termIds: read.termIds, example: read.example };
    }
  }
  return undefined;
}
