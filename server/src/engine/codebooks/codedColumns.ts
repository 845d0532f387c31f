// Codes whose meaning depends on the variable, decoded from its published codebook. A
// column named RIDRETH3 holds NHANES race/Hispanic origin codes; the same digits elsewhere
// mean something else, so they are read only under that header. Exports write the codes
// as integers (`3`) or, read from SAS transport files, as floats (`3.0`): both are read.
import { NHANES_OTHER_1, NHANES_OTHER_3, type Coding } from '../ancestry/codeSets';
import { labelKey } from '../ancestry/labelKey';
import { OMB } from '../ancestry/omb';
import { variableStem } from './variables';

export interface CodedColumn {
  coding: Coding;
  /** Code -> group (an OMB category or a union of them). */
  codes: Record<string, string>;
}

const nhanes = (variable: string): Coding => ({ id: 'nhanes', name: `NHANES ${variable} codebook (Demographics, DEMO)`, lacks: [], distinctive: true });

/**
 * The American Community Survey's public-use microdata (PUMS) data dictionary, as written in
 * Folktables' ACSIncome, ACSEmployment and the other tasks that replaced UCI Adult.
 */
const acs = (variable: string): Coding => ({ id: 'acs-pums', name: `ACS PUMS ${variable} data dictionary`, lacks: [], distinctive: true });

/**
 * NHANES DEMO codebooks (e.g. 2017-2018 DEMO_J): RIDRETH1 since 1999, RIDRETH3 since 2011.
 * ACS PUMS RAC1P, race alone (Hispanic origin is a separate variable, HISP): 1 White alone,
 * 2 Black or African American alone, 3 American Indian alone, 4 Alaska Native alone,
 * 5 American Indian and Alaska Native tribes specified (or not specified, no other race),
 * 6 Asian alone, 7 Native Hawaiian and Other Pacific Islander alone, 8 Some Other Race
 * alone, 9 Two or More Races.
 */
const CODED: Record<string, CodedColumn> = {
  ridreth1: { coding: nhanes('RIDRETH1'), codes: { 1: OMB.hispanic, 2: OMB.hispanic, 3: OMB.white, 4: OMB.black, 5: NHANES_OTHER_1 } },
  ridreth3: { coding: nhanes('RIDRETH3'), codes: { 1: OMB.hispanic, 2: OMB.hispanic, 3: OMB.white, 4: OMB.black, 6: OMB.asian, 7: NHANES_OTHER_3 } },
  rac1p: {
    coding: acs('RAC1P'),
    codes: { 1: OMB.white, 2: OMB.black, 3: OMB.aian, 4: OMB.aian, 5: OMB.aian, 6: OMB.asian, 7: OMB.nhpi, 8: OMB.other, 9: OMB.multiple },
  },
};

/** The codebook that decodes this column's values, if its header names one. */
export function codedColumn(header: string): CodedColumn | undefined {
  return CODED[labelKey(variableStem(header).stem)];
}

/** `3`, `3.0`, ` 3 ` -> `3`; anything else unchanged. */
function integerCode(value: string): string {
  const m = /^\s*(-?\d+)(?:\.0+)?\s*$/.exec(value);
  return m ? String(Number(m[1])) : value;
}

/** The group a value's code stands for, or undefined. */
export function decodeValue(column: CodedColumn, value: string): string | undefined {
  return column.codes[integerCode(value)];
}
