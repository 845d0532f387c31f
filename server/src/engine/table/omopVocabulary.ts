// The OMOP CDM's standardized vocabulary tables, by their fields: what Athena downloads
// (CONCEPT.csv, CONCEPT_RELATIONSHIP.csv, ... tab-delimited) and what a CDM folder ships
// beside its person tables (OHDSI Eunomia's GiBleed). Their rows are concepts and the
// relations between them; no row is a person. The fields are those of OHDSI/CommonDataModel
// inst/csv/OMOP_CDMv5.4_Field_Level.csv (v5.3 has the same ones for these tables); a header
// is a table's when it has every signature field, whatever the file is called or the case
// of its header. The signatures are fields no person table has (concept_class_id,
// descendant_concept_id, concept_synonym_name), so a person table carrying concept ids
// (gender_concept_id) is never one.

import { matchSignature } from './fieldSignature';

/** Per vocabulary table, the fields that together say a header is it. */
const SIGNATURES: readonly (readonly [string, readonly string[]])[] = [
  ['concept', ['concept_id', 'concept_name', 'domain_id', 'vocabulary_id', 'concept_class_id', 'concept_code']],
  ['vocabulary', ['vocabulary_id', 'vocabulary_name', 'vocabulary_concept_id']],
  ['domain', ['domain_id', 'domain_name', 'domain_concept_id']],
  ['concept_class', ['concept_class_id', 'concept_class_name', 'concept_class_concept_id']],
  ['concept_relationship', ['concept_id_1', 'concept_id_2', 'relationship_id']],
  ['relationship', ['relationship_id', 'relationship_name', 'reverse_relationship_id']],
  ['concept_synonym', ['concept_id', 'concept_synonym_name', 'language_concept_id']],
  ['concept_ancestor', ['ancestor_concept_id', 'descendant_concept_id', 'min_levels_of_separation', 'max_levels_of_separation']],
  ['source_to_concept_map', ['source_code', 'source_vocabulary_id', 'target_concept_id', 'target_vocabulary_id']],
  ['drug_strength', ['drug_concept_id', 'ingredient_concept_id', 'amount_value', 'numerator_value', 'denominator_value']],
];

export interface OmopVocabularyMatch {
  table: string;
  idColumn: number;
  fields: number;
}

/** The vocabulary table a header is (every signature field present, any case), if any. */
export function omopVocabularyOf(header: readonly string[]): OmopVocabularyMatch | undefined {
  const match = matchSignature(header, SIGNATURES, ([, fields]) => fields);
  return match && { table: match.entry[0], idColumn: match.idColumn, fields: match.fields };
}
