// Phenotype concepts a genomic training dataset should carry, each recognised by the
// header names people actually use for it. The default required set is sex, age and
// diagnosis: FinnGen adjusts every association for age and sex [S47], and a model of a
// disease needs the diagnosis (../shared/docs/domain.md, section C, "Covariates").
// Which spellings count is judgement, written down here so it can be reviewed.
import { labelKey } from '../ancestry/labelKey';
import { codebookConcept, variableStem } from '../codebooks/variables';
import type { ColumnProfile } from '../profile/profile';
import { mayBeDiagnosis, recordsCondition } from './diseaseColumns';
import { recordsSex } from './sexIndicator';

export interface Concept {
  /** The name the policy uses (`phenotype.required: [sex, age, diagnosis]`). */
  name: string;
  /** What a message calls it. */
  label: string;
  /** A few of the header names it is recognised by, for messages and docs. */
  examples: string[];
  /** The column or field name a quick fix adds. */
  column: string;
  /** True when a header (compared without case, spaces or punctuation) names this concept. */
  matches(header: string): boolean;
  /** True when a column answers it by its name and values together (`Diabetes` of Yes/No). */
  matchesValues?(header: string, column: ColumnProfile): boolean;
  /** A column that may hold it but may as well hold something else (`Outcome` of 0/1): named in the message, never taken for it. */
  candidate?(header: string, column: ColumnProfile): boolean;
}

function concept(name: string, label: string, examples: string[], patterns: RegExp[], column = name): Concept {
  // Codebook variables (NHANES RIAGENDR, UK Biobank `31-0.0`) name their concept too, and a UK
  // Biobank title keeps its meaning with its instance suffix (`Sex-0.0`) (codebooks/variables.ts).
  return { name, label, examples, column, matches: (header) => { const k = labelKey(variableStem(header).stem); return k.length > 0 && (patterns.some((p) => p.test(k)) || codebookConcept(header) === name); } };
}

// Patterns run on labelKey(header): lower case, letters and digits only (`Age_at_Diagnosis`
// becomes `ageatdiagnosis`), so separators and case never matter.
const SEX_QUALIFIER = '(atbirth|assignedatbirth|conceptid|sourcevalue|sourceconceptid|id|code|cd|identity|selfreported|reported|inferred|genetic|condensed|mf|category|cat)';

export const SEX = concept('sex', 'sex', ['sex', 'gender', 'sex_at_birth', 'gender_concept_id', 'GENDER'], [
  new RegExp(`^(sex|gender)${SEX_QUALIFIER}*$`),
  /^(biological|birth|reported|selfreported|genetic|inferred|karyotypic|chromosomal|phenotypic|assigned|patient|subject|participant|donor|individual|person|claimed)(sex|gender)$/,
  /^is(fe)?male$/,
]);

export const AGE = concept('age', 'age', ['age', 'age_at_diagnosis', 'year_of_birth', 'birth_date', 'BIRTHDATE', 'dob'], [
  // `age` and `age_at_*`, `age_years`, `age_group`; not `agent` or `ageing`.
  /^age(at[a-z0-9]*|in(years|months|days|yrs)|years?|yrs?|months?|days?|group|band|bin|bucket|category|cat|range|y|yr|now|current)?$/,
  /^(patient|subject|participant|donor|individual|person|current|baseline|enrollment|enrolment|recruitment|calculated|derived)age(years?|yrs?|group|band|category|cat|range)?$/,
  // A birth date or year gives the age at any date; Phenopackets call it timeAtLastEncounter.
  /^(yearofbirth|birthyear|yob|birthdate|dateofbirth|dob|birthdatetime|birthday|monthofbirth|timeatlastencounter)$/,
]);

export const DIAGNOSIS = concept('diagnosis', 'diagnosis', ['diagnosis', 'diag_1', 'icd10', 'condition', 'disease', 'phenotype', 'hpo_terms', 'mondo_id'], [
  // Anything starting with an ontology or coding-system name: diag_1, icd10_code, hpo_terms, mondo_id.
  /^(diag|icd|hpo|mondo|omim|orpha)/,
  /^(dx\d*|primarydx|diagnoses)$/,
  /^(primary|secondary|admission|discharge|principal|main|final)diagnos[ie]s[a-z0-9]*$/,
  /^conditions?(conceptid|sourcevalue|sourceconceptid|code|codes|name|label|term|terms)?$/,
  /^(diseases?|disorders?)(conceptid|code|codes|name|label|term|terms|status|type|id|present|flag|yn|indicator|class|category|subtype|group)?$/,
  // One named disease: heart_disease, chronic_kidney_disease, liver_disorder; not a
  // relative's (family_history_heart_disease) nor a count (number_of_diseases).
  /^(?!family|fh|parent|mother|father|sibling|maternal|paternal|relative|number|num|count|total)[a-z0-9]+(diseases?|disorders?)$/,
  /^phenotypes?(code|codes|term|terms|label|status|id)?$/,
  // PLINK's affection status and case/control labels are the diagnosis of a GWAS cohort.
  /^(affection|affectionstatus|casecontrol|casecontrolstatus|casestatus|cancertype|tumou?rtype)$/,
]);
// A column named for one condition with yes/no or 0/1 values (NHANES `Diabetes`, the stroke
// dataset's `hypertension`) records it; a generic target of 0/1 (`Outcome`) may (diseaseColumns.ts).
DIAGNOSIS.matchesValues = recordsCondition;
DIAGNOSIS.candidate = mayBeDiagnosis;
// A column named for one sex with yes/no values (Framingham's `male`, Obermeyer's `dem_female`) records the sex (sexIndicator.ts).
SEX.matchesValues = recordsSex;

/** Concepts a policy may also require by name; not required unless listed. */
export const OPTIONAL_CONCEPTS: Concept[] = [
  concept('bmi', 'BMI', ['bmi', 'body_mass_index'], [/^(bmi|bodymassindex)([a-z0-9]*)$/]),
  concept('height', 'height', ['height', 'height_cm', 'standing_height'], [/^(standing)?height(cm|m|in|inches)?$/]),
  concept('weight', 'weight', ['weight', 'weight_kg', 'body_weight'], [/^(body)?weight(kg|lb|lbs|g)?$/]),
  concept('site', 'site or centre', ['site', 'centre', 'assessment_centre'], [/^(site|sitename|sitecode|centre|center|assessmentcentre|assessmentcenter|recruitmentsite|recruitmentcentre|collectionsite|studysite|hospital)$/]),
  concept('batch', 'genotyping or sequencing batch', ['batch', 'genotyping_batch', 'plate'], [/^(batch|genotypingbatch|sequencingbatch|batchid|plate|plateid|genotypingarray|array)$/]),
  concept('vital_status', 'vital status', ['vital_status', 'deceased', 'death_date'], [/^(vitalstatus|deceased|dead|died|deathdate|dateofdeath|deathdatetime)$/]),
];

export const DEFAULT_REQUIRED: Concept[] = [SEX, AGE, DIAGNOSIS];

const BY_NAME = new Map([...DEFAULT_REQUIRED, ...OPTIONAL_CONCEPTS].map((c) => [labelKey(c.name), c]));
// `gender` in `required` means the sex concept, as the header synonyms do.
BY_NAME.set('gender', SEX);

export function conceptByName(name: string): Concept | undefined {
  return BY_NAME.get(labelKey(name));
}

/** A requirement: a concept (matched by synonyms) or one column named in the policy. */
export interface Requirement {
  /** As written in the policy, or the concept's name for the default set. */
  name: string;
  kind: 'concept' | 'column';
  label: string;
  /** What a quick fix adds. */
  column: string;
  examples: string[];
  matches(header: string): boolean;
  matchesValues?(header: string, column: ColumnProfile): boolean;
  candidate?(header: string, column: ColumnProfile): boolean;
}

function fromConcept(c: Concept): Requirement {
  return { name: c.name, kind: 'concept', label: c.label, column: c.column, examples: c.examples, matches: c.matches, matchesValues: c.matchesValues, candidate: c.candidate };
}

function fromColumn(name: string): Requirement {
  const key = labelKey(name);
  return { name, kind: 'column', label: `column "${name}"`, column: name, examples: [name], matches: (header) => labelKey(header) === key };
}

/** The requirements in effect: `phenotype.required` (concept names or column names), else sex, age and diagnosis. */
export function requirements(required: string[] | undefined): Requirement[] {
  if (required === undefined) return DEFAULT_REQUIRED.map(fromConcept);
  return required.map((name) => {
    const c = conceptByName(name);
    return c ? { ...fromConcept(c), name } : fromColumn(name);
  });
}
