// Consent fixtures shared by the consent unit tests: small datasets, each with the policy
// it is linted under, covering every consent rule and every DUO restriction of the
// intended-use mapping. No test lives here.

/** The date the tests' consent clock reads: withdrawal dates are compared with it. */
export const TODAY = new Date(2025, 5, 15, 12, 0, 0); // 2025-06-15, local time

export interface ConsentFixture {
  name: string;
  text: string;
  /** Policy YAML; empty for the defaults. */
  policy: string;
  path?: string;
}

const csv = (lines: string[], eol = '\n', trailing = true) => lines.join(eol) + (trailing ? eol : '');

export const FIXTURES: ConsentFixture[] = [
  {
    name: 'missing values',
    policy: '',
    text: csv(['id,consent', '1,GRU', '2,', '3,NA', '4,HMB', '5,unknown', '6,GRU']),
  },
  {
    name: 'invalid values and near misses',
    policy: '',
    text: csv([
      'id,consent', '1,hmb', '2,DUO:42', '3,duo_0000006', '4,GRU-CC', '5,DUO:0000005', '6,RU', '7,DUO:0000001', '8,YES',
      '9,HMB NPU', '10,HMB-IRB-NPU', '11,NPU', '12,HMB;GRU', '13,GRU;MONDO:0005148', '14,hmb', '15,GRU', '16,ds-mondo:0005148',
    ]),
  },
  {
    name: 'status, flag and withdrawal dates',
    policy: 'consent:\n  withdrawnValues: [opted out]\n',
    text: csv([
      'id,consent,consent_status,withdrawal_date,withdrawn',
      '1,GRU,active,,no',
      '2,GRU,withdrawn,,',
      '3,GRU,revoked,,',
      '4,GRU,rejected,,',
      '5,GRU,inactive,,',
      '6,GRU,draft,,',
      '7,GRU,no,,',
      '8,GRU,opted out,,',
      '9,GRU,active,2020-01-31,',
      '10,GRU,active,2025-06-15,',
      '11,GRU,active,2025-06-16,',
      '12,GRU,active,soon,',
      '13,GRU,active,,yes',
      '14,withdrawn,active,,',
      '15,GRU,maybe,,',
      '16,GRU,Active,31/12/2024,',
    ]),
  },
  {
    name: 'ancestry research',
    policy: 'intendedUse: ancestry-research\n',
    text: csv(['id,consent', '1,HMB', '2,GRU;NPOA', '3,DS-MONDO:0005148', '4,GRU', '5,POA', '6,NRES', '7,HMB', '8,HMB']),
  },
  {
    name: 'commercial use',
    policy: 'intendedUse: [commercial, { disease: MONDO:0005148 }]\n',
    text: csv(['id,consent', '1,GRU;NPU', '2,GRU;NCU', '3,GRU;NPUNCU', '4,GRU', '5,DUO:0000042|DUO:0000046', '6,DS-MONDO:0005148']),
  },
  {
    name: 'methods development',
    policy: 'intendedUse: methods-development\n',
    text: csv(['id,consent', '1,GRU;NMDS', '2,DS:MONDO:0005148', '3,HMB', '4,GRU', '5,POA']),
  },
  {
    name: 'disease-specific use',
    policy: 'intendedUse:\n  - disease: MONDO:0005148\n  - health-research\n',
    text: csv(['id,consent', '1,DS-MONDO:0005148', '2,DS-MONDO:0004975', '3,DS', '4,"DS,MONDO:0005148"', '5,HMB', '6,POA']),
  },
  {
    name: 'non-genetic and genetic use',
    policy: 'intendedUse: [non-genetic, genetic]\n',
    text: csv(['id,consent', '1,GRU;GSO', '2,GRU', '3,DS-MONDO:0005148', '4,POA']),
  },
  {
    name: 'clinical care',
    policy: 'intendedUse: clinical-care\n',
    text: csv(['id,consent', '1,GRU', '2,GRU;CC', '3,NRES', '4,HMB|CC']),
  },
  {
    name: 'CRLF, quoted cells and no trailing line break',
    policy: 'intendedUse: commercial\n',
    text: csv(['"id","note","consent"', '1,"a, b",GRU', '2,"say ""hi""",', '3,"two\r\nlines",GRU;NPU', '4,plain,GRU', '5,last,withdrawn'], '\r\n', false),
  },
  {
    name: 'TSV with a comment above the header and blank lines',
    policy: '',
    path: '/virtual/project/data.tsv',
    text: '# exported 2024\nid\tdata_use_permission\tdata_use_modifiers\n1\tHMB\tNPU\n\n2\t\tIRB\n3\tGRU\t\n\n',
  },
  {
    name: 'every row unusable',
    policy: '',
    text: csv(['id,consent', '1,', '2,nope']),
  },
];
