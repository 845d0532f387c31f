// Standard variable names of the major cohort codebooks and exports, read as the concept
// they hold (sources in docs/references.md, "Codebooks and exports"):
// - NHANES demographics (DEMO files): RIAGENDR gender, RIDAGEYR / RIDAGEMN age in years /
//   months at screening, RIDEXAGM age in months at the exam, RIDRETH1 / RIDRETH3 race and
//   Hispanic origin; and the variables the codebook records for a subgroup only (below);
// - UK Biobank showcase fields, written `<field>-<instance>.<array>` (`21000-0.0`) or by
//   title (`Ethnic background-0.0`) in the showcase's CSV and tab exports, `f.<field>.<instance>.<array>`
//   (`f.21000.0.0`) in the tab file ukbconv writes for R, `<title>_f<field>_<instance>_<array>`
//   (`ethnic_background_f21000_0_0`) once ukbtools has named it, and
//   `participant.p<field>_i<instance>_a<array>` (`p21000_i0`) from the Research Analysis
//   Platform's table exporter: 31 sex, 22001 genetic sex, 34 year of birth, 21022 age
//   at recruitment, 21003 age when attended the assessment centre, 21000 ethnic background;
// - HL7 FHIR US Core extensions in flattened exports: us-core-race, us-core-ethnicity,
//   us-core-birthsex;
// - the American Community Survey's PUMS (and Folktables, built from it): RAC1P race, AGEP
//   age in years;
// - population-genetics sample sheets: Population_ID (SGDP), Superpopulation code and
//   Population code (1000 Genomes) are read by detectColumns.ts.
import { labelKey } from '../ancestry/labelKey';

export type CodebookConcept = 'ancestry' | 'sex' | 'age';

/** A UK Biobank instance and array suffix: `-0.0`, `-2.1`. */
const UKB_INSTANCE = /-(\d+)\.(\d+)$/;

/**
 * The other spellings of a UK Biobank field with its instance and array: ukbconv's R tab
 * file (`f.21000.0.0`), ukbtools' names (`ethnic_background_f21000_0_0`, the title kept
 * as the stem), the Research Analysis Platform's (`participant.p21000_i0`, `p6142_i0_a1`).
 * A RAP name counts with its `participant.` prefix or an instance: a bare `p31` could be
 * anything.
 */
const R_TAB = /^f\.(\d+)\.(\d+)\.(\d+)$/;
const UKBTOOLS = /^([a-z0-9_]*)_f(\d+)_(\d+)_(\d+)$/i;
const RAP = /^(participant\.)?p(\d+)(?:_i(\d+))?(?:_a(\d+))?$/;

/** A field, instance and array read from a header of one of the UK Biobank spellings. */
export interface UkbField { field: string; instance: number; array: number; stem: string }

/** The UK Biobank field, instance and array a header names, in any of its export spellings. */
export function ukbField(header: string): UkbField | undefined {
  const trimmed = header.trim();
  const m = UKB_INSTANCE.exec(trimmed);
  if (m) {
    const stem = trimmed.slice(0, m.index);
    return /^\d+$/.test(stem) ? { field: stem, instance: Number(m[1]), array: Number(m[2]), stem } : undefined;
  }
  if (!/^(f\.|participant\.|p\d)|_f\d/.test(trimmed)) return undefined;
  const r = R_TAB.exec(trimmed);
  if (r) return { field: r[1], instance: Number(r[2]), array: Number(r[3]), stem: r[1] };
  const t = UKBTOOLS.exec(trimmed);
  if (t) return { field: t[2], instance: Number(t[3]), array: Number(t[4]), stem: t[1] };
  const p = RAP.exec(trimmed);
  if (p && (p[1] !== undefined || p[3] !== undefined)) return { field: p[2], instance: Number(p[3] ?? 0), array: Number(p[4] ?? 0), stem: p[2] };
  return undefined;
}

/** The header without a UK Biobank instance suffix, and the instance (0 when none). */
export function variableStem(header: string): { stem: string; instance: number } {
  const m = UKB_INSTANCE.exec(header.trim());
  if (m) return { stem: header.trim().slice(0, m.index), instance: Number(m[1]) * 1000 + Number(m[2]) };
  const field = ukbField(header);
  return field ? { stem: field.stem, instance: field.instance * 1000 + field.array } : { stem: header, instance: 0 };
}

/** By labelKey of the stem. UK Biobank field ids count only with their instance suffix. */
const NAMES: Record<string, CodebookConcept> = {
  riagendr: 'sex', ridageyr: 'age', ridagemn: 'age', ridexagm: 'age', ridreth1: 'ancestry', ridreth3: 'ancestry',
  uscorerace: 'ancestry', uscoreethnicity: 'ancestry', uscorebirthsex: 'sex',
  ethnicbackground: 'ancestry', geneticsex: 'sex', yearofbirth: 'age', ageatrecruitment: 'age', agewhenattendedassessmentcentre: 'age',
  populationid: 'ancestry',
  rac1p: 'ancestry', agep: 'age',
};

const UKB_FIELDS: Record<string, CodebookConcept> = { 21000: 'ancestry', 31: 'sex', 22001: 'sex', 34: 'age', 21022: 'age', 21003: 'age' };

/**
 * Every name above contains one of these (a field id starts with a digit): other headers are
 * answered without labelKey, which matters for headers of hundreds of thousands of columns.
 */
const MAY_BE_CODEBOOK = /^\s*\d|^\s*f\.\d|_f\d|^\s*(participant\.)?p\d|rid|riag|core|ethnic|genetic|birth|recruit|attended|population|rac1p|agep/i;

/** The concept a codebook or export names this header as, if any. */
export function codebookConcept(header: string): CodebookConcept | undefined {
  if (!MAY_BE_CODEBOOK.test(header)) return undefined;
  const trimmed = header.trim();
  const field = ukbField(trimmed);
  if (field && (UKB_FIELDS[field.field] || /^\d+$/.test(field.stem))) return UKB_FIELDS[field.field];
  const { stem } = variableStem(trimmed);
  const key = labelKey(stem);
  if (NAMES[key]) return NAMES[key];
  // Flattened FHIR: `Patient.extension.us-core-race.ombCategory`, `us_core_race_text`.
  for (const name of ['uscorerace', 'uscoreethnicity', 'uscorebirthsex']) if (key.includes(name)) return NAMES[name];
  return undefined;
}

/** A codebook variable recorded only for part of the sample: empty elsewhere by design. */
export interface SubgroupVariable {
  variable: string;
  /** What it holds, as the codebook names it. */
  description: string;
  /** Who it is recorded for, as the codebook's target group says. */
  appliesTo: string;
  source: string;
}

const DEMO = 'NHANES DEMO codebook (2017-2018 DEMO_J, https://wwwn.cdc.gov/Nchs/Nhanes/2017-2018/DEMO_J.htm)';

/**
 * NHANES DEMO variables whose codebook target is a subgroup (docs/references.md 40): the
 * cell is empty for everyone else because the question does not apply, not because an
 * answer is missing (../shared/docs/domain.md, structural missingness).
 */
const SUBGROUP_VARIABLES: Record<string, SubgroupVariable> = {
  ridagemn: { variable: 'RIDAGEMN', description: 'age in months at screening', appliesTo: 'ages 24 months or younger', source: DEMO },
  ridexagm: { variable: 'RIDEXAGM', description: 'age in months at the exam', appliesTo: 'ages 0 to 19 years at the exam', source: DEMO },
  dmdeduc2: { variable: 'DMDEDUC2', description: 'education level, adults', appliesTo: 'ages 20 years and over', source: DEMO },
  dmdeduc3: { variable: 'DMDEDUC3', description: 'education level, children and youth', appliesTo: 'ages 6 to 19 years', source: DEMO },
  ridexprg: { variable: 'RIDEXPRG', description: 'pregnancy status at the exam', appliesTo: 'women aged 20 to 44 years', source: DEMO },
};

/** The subgroup a codebook records this column's variable for, if the codebook restricts it. */
export function subgroupVariable(header: string): SubgroupVariable | undefined {
  if (!/rid|dmd/i.test(header)) return undefined;
  return SUBGROUP_VARIABLES[labelKey(variableStem(header.trim()).stem)];
}
