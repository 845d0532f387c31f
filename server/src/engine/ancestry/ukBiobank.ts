// UK Biobank field 21000 "Ethnic background", data-coding 1001 [UK Biobank showcase]: six
// top-level groups and their leaf codes (1001 British, 3002 Pakistani, ...), rolled up to
// the top level; -1 (do not know) and -3 (prefer not to answer) are missing ancestry
// (missingAncestry.ts). The reference chosen for it is England and Wales' Census 2021
// (ons-2021, references.ts), whose high-level groups these are, Chinese aside. The ONS
// 2021 high-level labels ("Asian, Asian British or Asian Welsh") are read as these groups.
import { buildVocabulary } from './buildVocabulary';

const UKB = { white: 'White', mixed: 'Mixed', asian: 'Asian or Asian British', black: 'Black or Black British', chinese: 'Chinese', other: 'Other ethnic group' } as const;

const coding = { id: 'ukb-1001', name: 'UK Biobank coding 1001 (field 21000)', lacks: [], distinctive: true } as const;

/** Single-digit top-level codes (1-6) also appear in unrelated numeric codings (NHANES' RIDRETH1). */
const TOP_LEVEL = /^\s*[1-6]\s*$/;

/** ONS Census 2021 high-level ethnic group labels (England and Wales) [domain.md G]. */
const ONS_2021_LABELS = {
  coding: { id: 'ons-2021', name: 'ONS Census 2021 ethnic groups (England and Wales)', lacks: [], distinctive: true },
  codes: {
    [UKB.white]: ['White: English, Welsh, Scottish, Northern Irish or British', 'White British', 'White: Irish', 'White: Other White'],
    [UKB.mixed]: ['Mixed or Multiple ethnic groups', 'Mixed or Multiple'],
    [UKB.asian]: ['Asian, Asian British or Asian Welsh'],
    [UKB.black]: ['Black, Black British, Black Welsh, Caribbean or African'],
    [UKB.other]: ['Other ethnic group: Arab', 'Other ethnic group: Any other ethnic group'],
  },
} as const;

export const UKB_1001 = buildVocabulary({
  id: 'ukb', name: 'UK Biobank ethnic background (coding 1001)', defaultReference: 'ons-2021',
  canonical: Object.values(UKB),
  synonyms: {},
  tables: [{
    coding,
    codes: {
      [UKB.white]: ['1', '1001', '1002', '1003', 'British', 'Irish', 'Any other white background'],
      [UKB.mixed]: ['2', '2001', '2002', '2003', '2004', 'White and Black Caribbean', 'White and Black African', 'White and Asian', 'Any other mixed background'],
      [UKB.asian]: ['3', '3001', '3002', '3003', '3004', 'Indian', 'Pakistani', 'Bangladeshi', 'Any other Asian background'],
      [UKB.black]: ['4', '4001', '4002', '4003', 'Caribbean', 'African', 'Any other Black background'],
      [UKB.chinese]: ['5'],
      [UKB.other]: ['6'],
    },
  }, { coding: ONS_2021_LABELS.coding, codes: Object.fromEntries(Object.entries(ONS_2021_LABELS.codes).map(([k, v]) => [k, [...v]])) }],
  // Only the leaf codes and the coding's own wording identify it; a top-level digit is
  // read as UK Biobank's once the column is known to use this coding.
  identifies: (value) => !TOP_LEVEL.test(value) && UKB_1001.match(value) !== undefined,
});
