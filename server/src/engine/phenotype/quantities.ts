// Clinical quantities a column can hold, their units and the range of values plausible in
// each. Ranges are OHDSI Data Quality Dashboard's plausibleValueLow/High thresholds
// (OHDSI/DataQualityDashboard, inst/csv/OMOP_CDMv5.4_Concept_Level.csv at commit 9c8ed4b,
// the last version with measurement ranges; later versions replaced them by lists of
// plausible unit concepts). Where DQD's row is wrong or missing, the range is the DQD
// range of the quantity's first unit converted, and the deviation is named:
// - height in inches: DQD gives 2–275, its centimetre range relabelled; converted 20–250 cm;
// - temperature in °F: DQD's row carries the unit "Farad" and 36–71; converted 34–45 °C;
// - BMI low 10, not DQD's 16: DSM-5 grades anorexia nervosa with BMI < 15 as extreme, so
//   values of 10–16 are recorded in real patients;
// - age 0–120 years (no DQD row: DQD checks year of birth ≥ 1850); the oldest verified
//   human lived 122 years; in days the same 120 years (43,830 days), a unit used only when
//   stated or shown by the values: GDC clinical files write age_at_diagnosis in days;
// - glucose and HbA1c: DQD's rows disagree with each other (glucose mg/dL 1–300 in blood,
//   50–500 fasting, 1–1100 post-load); the widest DQD range is used and converted.
import { headerWords } from './identifiers';

export interface UnitSpec {
  id: string;
  /** Spellings in values and unit columns (compared lower-case, spaces removed). */
  spellings: string[];
  low: number;
  high: number;
  /** Converts a value in this unit to the quantity's first unit. */
  toBase(value: number): number;
  /**
   * Never assumed for a column that states no unit: used when the header or the policy names
   * it, or when the values show it (shownUnit in declaredUnit.ts). An age of 130 is an error
   * in years, not an infant's age in days, unless the whole column is in days.
   */
  whenShown?: true;
}

export interface Quantity {
  id: string;
  /** Header words (headerWords) any of which names the quantity. */
  words: string[];
  units: UnitSpec[];
  /** Where the range comes from, for messages. */
  source: string;
}

const DQD = 'OHDSI DQD plausibleValueLow/High';
/** The mean Julian year. */
const DAYS_PER_YEAR = 365.25;
const linear = (factor: number) => (v: number) => v * factor;

export const QUANTITIES: readonly Quantity[] = [
  { id: 'age', words: ['age'], source: 'judgement: the oldest verified human lived 122 years', units: [
    { id: 'years', spellings: ['y', 'yr', 'yrs', 'year', 'years'], low: 0, high: 120, toBase: (v) => v },
    { id: 'days', spellings: ['d', 'day', 'days'], low: 0, high: 120 * DAYS_PER_YEAR, toBase: (v) => v / DAYS_PER_YEAR, whenShown: true },
  ] },
  { id: 'height', words: ['height', 'stature'], source: DQD, units: [
    { id: 'cm', spellings: ['cm', 'centimeter', 'centimeters', 'centimetre', 'centimetres'], low: 20, high: 250, toBase: (v) => v },
    { id: 'in', spellings: ['in', 'inch', 'inches', '"'], low: 20 / 2.54, high: 250 / 2.54, toBase: linear(2.54) },
    { id: 'm', spellings: ['m', 'meter', 'meters', 'metre', 'metres'], low: 0.2, high: 2.5, toBase: linear(100) },
  ] },
  { id: 'weight', words: ['weight', 'bodyweight'], source: DQD, units: [
    { id: 'kg', spellings: ['kg', 'kgs', 'kilogram', 'kilograms'], low: 2, high: 500, toBase: (v) => v },
    { id: 'lb', spellings: ['lb', 'lbs', 'pound', 'pounds'], low: 4, high: 1000, toBase: linear(0.45359237) },
  ] },
  { id: 'bmi', words: ['bmi'], source: `${DQD} (low 10: DSM-5 extreme anorexia is BMI < 15)`, units: [
    { id: 'kg/m2', spellings: ['kg/m2', 'kg/m²', 'kgm2'], low: 10, high: 100, toBase: (v) => v },
  ] },
  { id: 'temperature', words: ['temperature', 'temp'], source: DQD, units: [
    { id: '°C', spellings: ['c', '°c', 'degc', 'celsius'], low: 34, high: 45, toBase: (v) => v },
    { id: '°F', spellings: ['f', '°f', 'degf', 'fahrenheit'], low: 34 * 1.8 + 32, high: 45 * 1.8 + 32, toBase: (v) => (v - 32) / 1.8 },
  ] },
  // Glucose: 180.16 g/mol, so 1 mmol/L = 18.016 mg/dL.
  { id: 'glucose', words: ['glucose', 'glu', 'fpg'], source: DQD, units: [
    { id: 'mg/dL', spellings: ['mg/dl', 'mgdl'], low: 1, high: 1100, toBase: (v) => v },
    { id: 'mmol/L', spellings: ['mmol/l', 'mmoll', 'mm'], low: 1 / 18.016, high: 1100 / 18.016, toBase: linear(18.016) },
  ] },
  // HbA1c: the IFCC–NGSP master equation, IFCC (mmol/mol) = 10.929 × (NGSP % − 2.15).
  { id: 'hba1c', words: ['hba1c', 'a1c', 'glycohemoglobin', 'ghb'], source: DQD, units: [
    { id: '%', spellings: ['%', 'percent', 'pct'], low: 3, high: 20, toBase: (v) => v },
    { id: 'mmol/mol', spellings: ['mmol/mol', 'mmolmol'], low: 10.929 * (3 - 2.15), high: 10.929 * (20 - 2.15), toBase: (v) => v / 10.929 + 2.15 },
  ] },
  { id: 'systolic', words: ['sbp', 'systolic'], source: DQD, units: [
    { id: 'mmHg', spellings: ['mmhg'], low: 10, high: 250, toBase: (v) => v },
  ] },
  { id: 'diastolic', words: ['dbp', 'diastolic'], source: DQD, units: [
    { id: 'mmHg', spellings: ['mmhg'], low: 30, high: 200, toBase: (v) => v },
  ] },
  // A blood pressure the header does not say is systolic or diastolic (Pima `BloodPressure`,
  // Cleveland `trestbps`, `resting_BP`): plausible when either range allows it. `bp` alone
  // is not one: in genomic files it is a base-pair position.
  { id: 'blood pressure', words: ['bloodpressure', 'restingbp', 'trestbps'], source: `${DQD} (systolic and diastolic ranges together)`, units: [
    { id: 'mmHg', spellings: ['mmhg'], low: 10, high: 250, toBase: (v) => v },
  ] },
  { id: 'heart rate', words: ['pulse', 'heartrate'], source: DQD, units: [
    { id: '/min', spellings: ['bpm', '/min', 'beats/min'], low: 10, high: 500, toBase: (v) => v },
  ] },
];

function unitKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** The unit of `quantity` a spelling names (`cm`, `Inches`, `mg/dL`), if any. */
export function unitNamed(quantity: Quantity, text: string): UnitSpec | undefined {
  const key = unitKey(text);
  return quantity.units.find((u) => u.spellings.includes(key) || unitKey(u.id) === key);
}

// Abbreviations left out on purpose: `ht` (hypertension), `wt` (wild type), `hr` (hours,
// hazard ratio), `bg` (background) mean other things as often as height, weight, heart rate
// and blood glucose.
/** Words that make a header about something else: `age_group`, `height_percentile`, `weight_change`. */
const NOT_A_MEASURE = new Set([
  'group', 'band', 'range', 'category', 'cat', 'class', 'percentile', 'centile', 'zscore', 'z', 'sds', 'change', 'delta', 'diff', 'flag', 'unit', 'units', 'source', 'date', 'time', 'method', 'status', 'result', 'test',
  // A condition or its treatment, often 0/1: `high_blood_pressure`, `blood_pressure_medication`, `bp_treated`.
  'high', 'low', 'medication', 'medications', 'med', 'meds', 'treatment', 'treated', 'history', 'hx', 'told', 'diagnosed', 'yn',
]);

export interface QuantityColumn {
  quantity: Quantity;
  /** The unit the header states (`height_cm`, `Weight (lb)`). */
  unit?: UnitSpec;
}

/** The quantity a header names and the unit it states: `height_cm` → height in cm. */
export function quantityOfHeader(header: string): QuantityColumn | undefined {
  const words = headerWords(header.replace(/°/g, 'deg'));
  if (words.some((w) => NOT_A_MEASURE.has(w))) return undefined;
  const joined = words.join('');
  // Two-word names (`blood_pressure_mmHg`, `resting_BP`) by adjacent pairs.
  const pairs = words.slice(1).map((w, i) => words[i] + w);
  const quantity = QUANTITIES.find((q) => q.words.some((w) => words.includes(w) || pairs.includes(w) || joined === w));
  if (!quantity) return undefined;
  const unit = words.filter((w) => !quantity.words.includes(w)).map((w) => unitNamed(quantity, w.replace(/^deg/, '°'))).find((u) => u !== undefined);
  return { quantity, unit };
}

/** The quantity a units column beside it serves: `height_unit`, `Weight units`. */
export function quantityOfUnitsHeader(header: string): Quantity | undefined {
  const words = headerWords(header);
  const last = words[words.length - 1];
  if (last !== 'unit' && last !== 'units' || words.length < 2) return undefined;
  const rest = words.slice(0, -1);
  return QUANTITIES.find((q) => q.words.some((w) => rest.includes(w)));
}

export function inRange(unit: UnitSpec, value: number): boolean {
  return value >= unit.low && value <= unit.high;
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const WITH_UNIT = /^([-+]?(?:\d+\.?\d*|\.\d+))\s*([a-zA-Z°%µ"/][a-zA-Z0-9°%µ/²]*)$/;
/** Bands and bounds, not measurements: `[70-80)`, `(0, 10]`, `70-80`, `>200`, `80+`. */
const BAND = /^(?:[[(]\s*-?\d+(?:\.\d+)?\s*[-,–]\s*-?\d+(?:\.\d+)?\s*[\])]|\d+(?:\.\d+)?\s*[-–]\s*\d+(?:\.\d+)?|[<>]=?\s*-?\d+(?:\.\d+)?|\d+(?:\.\d+)?\s*\+)$/;

export type MeasuredValue =
  | { kind: 'number'; value: number; unitText?: string }
  | { kind: 'band' }
  | { kind: 'other' };

/** How a cell reads as a measurement: a number (with the unit written after it, if any), a band, or neither. */
export function readMeasurement(raw: string): MeasuredValue {
  const value = raw.trim();
  if (NUMBER.test(value)) return { kind: 'number', value: Number(value) };
  if (BAND.test(value)) return { kind: 'band' };
  const m = WITH_UNIT.exec(value);
  if (m) return { kind: 'number', value: Number(m[1]), unitText: m[2] };
  return { kind: 'other' };
}
