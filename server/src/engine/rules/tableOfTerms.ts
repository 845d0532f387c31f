// table-of-terms: the rows are ontology terms, not people (table/termTable.ts). The rules
// about people are withheld on such a table (lintDataset.ts analyse), as on a file whose
// first row is data: this one finding says so, and why.
import { count } from '../format';
import type { DatasetRule, RawFindingOf } from './rule';

export type TableOfTermsMessages = {
  terms: { idColumn: string; labelColumn: string; values: number; termIds: number; example: string };
  omopVocabulary: { table: string; idColumn: string; fields: number };
  omopSystem: { table: string; idColumn: string; fields: number };
};

export const tableOfTerms: DatasetRule<TableOfTermsMessages> = {
  id: 'table-of-terms',
  defaultSeverity: 'information',
  description: 'The rows are ontology terms (a column of term ids beside a label or definition column, or an OMOP vocabulary table\'s fields; no column about people), or an OMOP table about the health system: the checks about participants do not apply.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    terms: 'A table of ontology terms, not of people.',
    omopVocabulary: 'An OMOP standardized vocabulary table, not a table of people.',
    omopSystem: 'An OMOP table about the health system or the CDM (care sites, providers, costs, ...), not a table of participants.',
  },
  check({ table, termTable, headerCell }) {
    if (!termTable) return [];
    const id = table.header[termTable.idColumn];
    if (termTable.kind === 'omop-system') {
      const name = termTable.table.toUpperCase();
      return [{
        messageId: 'omopSystem',
        range: headerCell(termTable.idColumn),
        message: `An OMOP ${name} table: its rows are ${termTable.rowsAre}, not participants, so the checks about participants do not apply`,
        detail:
          `The header has the ${count(termTable.fields)} fields that make an OMOP CDM ${name} table (OMOP CDM v5.4 field list) and no person_id, so no row is a participant of the cohort. ` +
          'The ancestry, phenotype, consent and outcome checks are not run on this file; the privacy checks (a provider\'s year of birth, an address), the table checks and its Table Schema are.',
        data: { table: termTable.table, idColumn: id, fields: termTable.fields },
      }];
    }
    if (termTable.kind === 'omop') {
      const name = termTable.table.toUpperCase();
      const omop: RawFindingOf<TableOfTermsMessages> = {
        messageId: 'omopVocabulary',
        range: headerCell(termTable.idColumn),
        message: `An OMOP vocabulary table (${name}), not of people: the checks about people do not apply`,
        detail:
          `The header has the ${count(termTable.fields)} fields that make an OMOP CDM ${name} table (OMOP CDM v5.4 field list), and no column holds a person's sex, age, birth date or id. ` +
          'Its rows are concepts of the standardized vocabularies or relations between them, so the ancestry, phenotype, consent, privacy and outcome checks are not run on this file; the table checks (layout, header, encoding) and its Table Schema are.',
        data: { table: termTable.table, idColumn: id, fields: termTable.fields },
      };
      return [omop];
    }
    const label = table.header[termTable.labelColumn];
    const finding: RawFindingOf<TableOfTermsMessages> = {
      messageId: 'terms',
      range: headerCell(termTable.idColumn),
      message: `A table of ontology terms (${termTable.example}, ...), not of people: the checks about people do not apply`,
      detail:
        `${count(termTable.termIds)} of the ${count(termTable.values)} values of column "${id}" are ontology term ids (compact URIs such as ${termTable.example}), ` +
        `column "${label}" names them, and no column holds a person's sex, age, birth date or id. ` +
        'The rows are terms, so the ancestry, phenotype, consent, privacy and outcome checks are not run on this file; the table checks (layout, header, encoding) and its Table Schema are.',
      data: { idColumn: id, labelColumn: label, values: termTable.values, termIds: termTable.termIds, example: termTable.example },
    };
    return [finding];
  },
};
