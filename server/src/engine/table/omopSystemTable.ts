// The OMOP CDM's tables about the health system and the CDM itself, not about persons:
// CARE_SITE, LOCATION, PROVIDER, COST, FACT_RELATIONSHIP, NOTE_NLP, CDM_SOURCE, METADATA,
// COHORT_DEFINITION, EPISODE_EVENT, and the results schema's COHORT and COHORT_ATTRIBUTE
// (each row a person's membership of a cohort, the person's details in PERSON). None has a person_id (OHDSI/CommonDataModel
// inst/csv/OMOP_CDMv5.4_Field_Level.csv; v5.3 has the same fields for these tables), so a
// CDM folder's cohort does not join them, and "no ancestry column" or "no consent column"
// on a table of care sites is noise. A header is a table's when it has every signature
// field (any case) and no person_id; the signatures are fields no person table has.

import { matchSignature } from './fieldSignature';

export interface OmopSystemTableMatch {
  /** The CDM table, lower case (`care_site`). */
  table: string;
  /** What its rows are, for the message. */
  rowsAre: string;
  /** The first signature field, where the finding sits. */
  idColumn: number;
  /** How many signature fields the header has (all of them). */
  fields: number;
}

const SIGNATURES: readonly (readonly [string, string, readonly string[]])[] = [
  ['care_site', 'care sites', ['care_site_id', 'care_site_name', 'place_of_service_concept_id']],
  ['location', 'places (addresses)', ['location_id', 'address_1', 'city', 'state', 'zip']],
  ['provider', 'health-care providers', ['provider_id', 'provider_name', 'npi', 'dea', 'specialty_concept_id']],
  ['cost', 'costs of recorded events', ['cost_id', 'cost_event_id', 'cost_domain_id']],
  ['fact_relationship', 'relations between records', ['domain_concept_id_1', 'fact_id_1', 'domain_concept_id_2', 'fact_id_2', 'relationship_concept_id']],
  ['note_nlp', 'terms found in clinical notes', ['note_nlp_id', 'note_id', 'lexical_variant']],
  ['cdm_source', 'a description of the CDM instance', ['cdm_source_name', 'cdm_source_abbreviation', 'cdm_holder']],
  ['metadata', 'metadata about the CDM instance', ['metadata_concept_id', 'metadata_type_concept_id', 'name']],
  ['cohort_definition', 'cohort definitions', ['cohort_definition_id', 'cohort_definition_name', 'definition_type_concept_id']],
  ['episode_event', 'links between episodes and events', ['episode_id', 'event_id', 'episode_event_field_concept_id']],
  // The results schema's cohort tables: which persons (subject_id is a person_id) a cohort
  // definition selected and when; the persons' own details are in PERSON.
  ['cohort_attribute', 'attributes of persons\' cohort memberships (subject_id names a PERSON row)', ['cohort_definition_id', 'subject_id', 'cohort_start_date', 'attribute_definition_id']],
  ['cohort', 'memberships of persons in cohorts (subject_id names a PERSON row)', ['cohort_definition_id', 'subject_id', 'cohort_start_date', 'cohort_end_date']],
];

/** The CDM system table a header is, if any. */
export function omopSystemTableOf(header: readonly string[]): OmopSystemTableMatch | undefined {
  if (header.some((name) => name.trim().toLowerCase() === 'person_id')) return undefined;
  const match = matchSignature(header, SIGNATURES, ([, , fields]) => fields);
  return match && { table: match.entry[0], rowsAre: match.entry[1], idColumn: match.idColumn, fields: match.fields };
}
