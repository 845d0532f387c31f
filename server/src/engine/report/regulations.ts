// The regulation map: which rule areas bear on which rule of law or policy, with a short
// why and a link. It says what a finding helps a reviewer look at; it never says a
// dataset complies with anything.
export interface RegulationEntry {
  id: string;
  name: string;
  citation: string;
  url: string;
  /** Why Cohort Lint's findings bear on it, in a sentence. */
  why: string;
  /** Rule-id prefixes whose findings are relevant. */
  areas: string[];
}

export const REGULATIONS: RegulationEntry[] = [
  {
    id: 'hipaa-safe-harbor', name: 'HIPAA Privacy Rule, Safe Harbor de-identification', citation: '45 CFR §164.514(b)(2)',
    url: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.514',
    why: 'Safe Harbor lists 18 identifiers to remove (names, geography below a state, dates except the year, ages over 89, record numbers, ...); the privacy rules point at columns that hold them.',
    areas: ['privacy-direct-identifier', 'privacy-date', 'privacy-geography', 'privacy-quasi-identifier', 'privacy-small-cell'],
  },
  {
    id: 'gdpr-art-9', name: 'GDPR, special categories of personal data', citation: 'Regulation (EU) 2016/679, Art. 9',
    url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
    why: 'Racial or ethnic origin, genetic and health data are special categories, processed only under an Art. 9(2) condition such as explicit consent; the privacy and consent rules show where they are and what consent the rows carry.',
    areas: ['privacy-special-category', 'consent-'],
  },
  {
    id: 'fda-diversity-action-plans', name: 'FDA Diversity Action Plans', citation: 'FDORA 2022 (Consolidated Appropriations Act, 2023), §3601–3602; draft guidance June 2024',
    url: 'https://www.fda.gov/regulatory-information/search-fda-guidance-documents/diversity-action-plans-improve-enrollment-participants-underrepresented-populations-clinical-studies',
    why: 'Phase 3 and pivotal studies set enrollment goals by race, ethnicity, sex and age group; representation and inclusion findings compare a dataset with a reference or a plan.',
    areas: ['ancestry-', 'inclusion-'],
  },
  {
    id: 'gmlp-3', name: 'Good Machine Learning Practice, guiding principle 3', citation: 'FDA, Health Canada, MHRA (2021), principle 3',
    url: 'https://www.fda.gov/medical-devices/software-medical-device-samd/good-machine-learning-practice-medical-device-development-guiding-principles',
    why: 'Clinical study participants and data sets should be representative of the intended patient population; the representation, missingness and outcome rules measure how far a dataset is from that.',
    areas: ['ancestry-', 'phenotype-', 'outcome-'],
  },
  {
    id: 'eu-ai-act-art-10', name: 'EU AI Act, data and data governance', citation: 'Regulation (EU) 2024/1689, Art. 10',
    url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
    why: 'Training data of high-risk systems must be examined for possible biases and be sufficiently representative; the ancestry, missingness-by-group and outcome rules are such an examination, for the columns they read.',
    areas: ['ancestry-', 'phenotype-missingness-disparity', 'outcome-'],
  },
  {
    id: 'nih-inclusion', name: 'NIH Inclusion Policy (women, minorities, across the lifespan)', citation: 'NIH Grants Policy Statement 4.1.15; Inclusion Enrollment Report',
    url: 'https://grants.nih.gov/policy-and-compliance/policy-topics/inclusion',
    why: 'NIH-funded studies report planned and actual enrollment by race, ethnicity and sex; the inclusion table below is built in that shape from the dataset\'s participants.',
    areas: ['inclusion-'],
  },
];
