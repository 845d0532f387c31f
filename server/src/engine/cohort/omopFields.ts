// The fields of each OMOP CDM table with a person_id, and which the CDM requires: the
// "isRequired" column of OHDSI/CommonDataModel inst/csv/OMOP_CDMv5.3_Field_Level.csv and
// OMOP_CDMv5.4_Field_Level.csv (the two agree on every field both define; a field only one
// version has is listed with its own version's answer). A few v5.0 fields that v5.3
// renamed or dropped (time_of_birth, visit_start_time, ...) are still written by older ETLs
// (MIMIC-IV's OMOP export keeps time_of_birth); the v5.0.1 DDL declares each of them NULL,
// so they are optional too. Optional fields are empty, or concept 0, in most real CDMs: an
// ETL fills them only when its source has them.
import { omopTableOf } from './omop';

export interface OmopTableFields {
  required: readonly string[];
  optional: readonly string[];
}

/** By CDM table name (lower case). */
export const OMOP_FIELDS: Record<string, OmopTableFields> = {
  person: {
    required: ['person_id', 'gender_concept_id', 'year_of_birth', 'race_concept_id', 'ethnicity_concept_id'],
    optional: ['month_of_birth', 'day_of_birth', 'birth_datetime', 'location_id', 'provider_id', 'care_site_id', 'person_source_value', 'gender_source_value', 'gender_source_concept_id', 'race_source_value', 'race_source_concept_id', 'ethnicity_source_value', 'ethnicity_source_concept_id', 'time_of_birth'],
  },
  observation_period: {
    required: ['observation_period_id', 'person_id', 'observation_period_start_date', 'observation_period_end_date', 'period_type_concept_id'],
    optional: [],
  },
  visit_occurrence: {
    required: ['visit_occurrence_id', 'person_id', 'visit_concept_id', 'visit_start_date', 'visit_end_date', 'visit_type_concept_id'],
    optional: ['visit_start_datetime', 'visit_end_datetime', 'provider_id', 'care_site_id', 'visit_source_value', 'visit_source_concept_id', 'admitting_source_concept_id', 'admitting_source_value', 'discharge_to_concept_id', 'discharge_to_source_value', 'preceding_visit_occurrence_id', 'admitted_from_concept_id', 'admitted_from_source_value', 'discharged_to_concept_id', 'discharged_to_source_value', 'visit_start_time', 'visit_end_time'],
  },
  visit_detail: {
    required: ['visit_detail_id', 'person_id', 'visit_detail_concept_id', 'visit_detail_start_date', 'visit_detail_end_date', 'visit_detail_type_concept_id', 'visit_occurrence_id'],
    optional: ['visit_detail_start_datetime', 'visit_detail_end_datetime', 'provider_id', 'care_site_id', 'visit_detail_source_value', 'visit_detail_source_concept_id', 'admitting_source_value', 'admitting_source_concept_id', 'discharge_to_source_value', 'discharge_to_concept_id', 'preceding_visit_detail_id', 'visit_detail_parent_id', 'admitted_from_concept_id', 'admitted_from_source_value', 'discharged_to_source_value', 'discharged_to_concept_id', 'parent_visit_detail_id'],
  },
  condition_occurrence: {
    required: ['condition_occurrence_id', 'person_id', 'condition_concept_id', 'condition_start_date', 'condition_type_concept_id'],
    optional: ['condition_start_datetime', 'condition_end_date', 'condition_end_datetime', 'condition_status_concept_id', 'stop_reason', 'provider_id', 'visit_occurrence_id', 'visit_detail_id', 'condition_source_value', 'condition_source_concept_id', 'condition_status_source_value'],
  },
  drug_exposure: {
    required: ['drug_exposure_id', 'person_id', 'drug_concept_id', 'drug_exposure_start_date', 'drug_exposure_end_date', 'drug_type_concept_id'],
    optional: ['drug_exposure_start_datetime', 'drug_exposure_end_datetime', 'verbatim_end_date', 'stop_reason', 'refills', 'quantity', 'days_supply', 'sig', 'route_concept_id', 'lot_number', 'provider_id', 'visit_occurrence_id', 'visit_detail_id', 'drug_source_value', 'drug_source_concept_id', 'route_source_value', 'dose_unit_source_value', 'effective_drug_dose', 'dose_unit_concept_id'],
  },
  procedure_occurrence: {
    required: ['procedure_occurrence_id', 'person_id', 'procedure_concept_id', 'procedure_date', 'procedure_type_concept_id'],
    optional: ['procedure_datetime', 'modifier_concept_id', 'quantity', 'provider_id', 'visit_occurrence_id', 'visit_detail_id', 'procedure_source_value', 'procedure_source_concept_id', 'modifier_source_value', 'procedure_end_date', 'procedure_end_datetime', 'qualifier_source_value'],
  },
  device_exposure: {
    required: ['device_exposure_id', 'person_id', 'device_concept_id', 'device_exposure_start_date', 'device_type_concept_id'],
    optional: ['device_exposure_start_datetime', 'device_exposure_end_date', 'device_exposure_end_datetime', 'unique_device_id', 'quantity', 'provider_id', 'visit_occurrence_id', 'visit_detail_id', 'device_source_value', 'device_source_concept_id', 'production_id', 'unit_concept_id', 'unit_source_value', 'unit_source_concept_id'],
  },
  measurement: {
    required: ['measurement_id', 'person_id', 'measurement_concept_id', 'measurement_date', 'measurement_type_concept_id'],
    optional: ['measurement_datetime', 'measurement_time', 'operator_concept_id', 'value_as_number', 'value_as_concept_id', 'unit_concept_id', 'range_low', 'range_high', 'provider_id', 'visit_occurrence_id', 'visit_detail_id', 'measurement_source_value', 'measurement_source_concept_id', 'unit_source_value', 'value_source_value', 'unit_source_concept_id', 'measurement_event_id', 'meas_event_field_concept_id'],
  },
  observation: {
    required: ['observation_id', 'person_id', 'observation_concept_id', 'observation_date', 'observation_type_concept_id'],
    optional: ['observation_datetime', 'value_as_number', 'value_as_string', 'value_as_concept_id', 'qualifier_concept_id', 'unit_concept_id', 'provider_id', 'visit_occurrence_id', 'visit_detail_id', 'observation_source_value', 'observation_source_concept_id', 'unit_source_value', 'qualifier_source_value', 'value_source_value', 'observation_event_id', 'obs_event_field_concept_id', 'observation_time'],
  },
  death: {
    required: ['person_id', 'death_date'],
    optional: ['death_datetime', 'death_type_concept_id', 'cause_concept_id', 'cause_source_value', 'cause_source_concept_id'],
  },
  note: {
    required: ['note_id', 'person_id', 'note_date', 'note_type_concept_id', 'note_class_concept_id', 'note_text', 'encoding_concept_id', 'language_concept_id'],
    optional: ['note_datetime', 'note_title', 'provider_id', 'visit_occurrence_id', 'visit_detail_id', 'note_source_value', 'note_event_id', 'note_event_field_concept_id', 'note_time'],
  },
  specimen: {
    required: ['specimen_id', 'person_id', 'specimen_concept_id', 'specimen_type_concept_id', 'specimen_date'],
    optional: ['specimen_datetime', 'quantity', 'unit_concept_id', 'anatomic_site_concept_id', 'disease_status_concept_id', 'specimen_source_id', 'specimen_source_value', 'unit_source_value', 'anatomic_site_source_value', 'disease_status_source_value', 'specimen_time'],
  },
  payer_plan_period: {
    required: ['payer_plan_period_id', 'person_id', 'payer_plan_period_start_date', 'payer_plan_period_end_date'],
    optional: ['payer_concept_id', 'payer_source_value', 'payer_source_concept_id', 'plan_concept_id', 'plan_source_value', 'plan_source_concept_id', 'sponsor_concept_id', 'sponsor_source_value', 'sponsor_source_concept_id', 'family_source_value', 'stop_reason_concept_id', 'stop_reason_source_value', 'stop_reason_source_concept_id'],
  },
  drug_era: {
    required: ['drug_era_id', 'person_id', 'drug_concept_id', 'drug_era_start_date', 'drug_era_end_date'],
    optional: ['drug_exposure_count', 'gap_days'],
  },
  dose_era: {
    required: ['dose_era_id', 'person_id', 'drug_concept_id', 'unit_concept_id', 'dose_value', 'dose_era_start_date', 'dose_era_end_date'],
    optional: [],
  },
  condition_era: {
    required: ['condition_era_id', 'person_id', 'condition_concept_id', 'condition_era_start_date', 'condition_era_end_date'],
    optional: ['condition_occurrence_count'],
  },
  episode: {
    required: ['episode_id', 'person_id', 'episode_concept_id', 'episode_start_date', 'episode_object_concept_id', 'episode_type_concept_id'],
    optional: ['episode_start_datetime', 'episode_end_date', 'episode_end_datetime', 'episode_parent_id', 'episode_number', 'episode_source_value', 'episode_source_concept_id'],
  },
};

export interface OmopOptionalColumns {
  /** The CDM table the file holds. */
  table: string;
  /** Header indices of the fields the CDM marks optional. */
  columns: number[];
}

/**
 * The optional CDM fields of a file recognised as an OMOP CDM table: its name is a CDM
 * table with a person_id (omop.ts) and its header holds every field the CDM requires of
 * that table, so a person.csv of another design is not taken for one. Columns the CDM
 * does not define are not listed (they are the ETL's own, and are linted as usual).
 */
export function omopOptionalColumns(filePath: string | undefined, header: readonly string[]): OmopOptionalColumns | undefined {
  const table = filePath ? omopTableOf(filePath) : undefined;
  const fields = table ? OMOP_FIELDS[table] : undefined;
  if (!table || !fields) return undefined;
  const keys = header.map((h) => h.trim().toLowerCase());
  if (!fields.required.every((f) => keys.includes(f))) return undefined;
  const optional = new Set(fields.optional);
  const columns = keys.map((k, i) => (optional.has(k) ? i : -1)).filter((i) => i >= 0);
  return { table, columns };
}

/** "PERSON" as the CDM documentation writes table names. */
export function cdmTableName(table: string): string {
  return table.toUpperCase();
}

