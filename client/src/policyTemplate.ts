// The policy file "Open Policy File" creates when there is none: every key commented, the
// values written out being the defaults, so creating it changes no finding. No vscode
// import, so a unit test can check it loads without a config-invalid finding.
export { NEW_POLICY_FILE_NAME as policyFileName } from '../../common/policyFiles';

export const policyTemplate = `# Cohort Lint policy: applies to every dataset in this folder and below (the nearest
# policy file from a dataset's folder up to the workspace root wins). Keys left out take
# their defaults; the values written out below are the defaults. Hover a key for its
# documentation; completion offers keys, rule ids, references and severities.

ancestry:
  # The ancestry column(s) by header name; without one they are found by name
  # (race, ethnicity, ancestry, super_pop, ...).
  # column: race
  # The reference population: 1000g, gnomad-v4, us-census-2020, global, ons-2021, or shares
  # such as { EUR: 0.4, AFR: 0.25, EAS: 0.15, SAS: 0.1, AMR: 0.1 }. Without one it is
  # chosen from the labels found, and every message names it.
  # reference: us-census-2020
  minRatio: 0.8    # a group below minRatio x its reference share is under-represented
  minCount: 50     # fewer rows than this is too few for per-group estimates
  maxMissing: 0.2  # share of rows without an ancestry value before it is reported

phenotype:
  # Required concepts or column names (default: sex, age, diagnosis).
  # required: [sex, age, diagnosis]
  maxMissing: 0.2         # share of missing values a phenotype column may have
  maxDisparityRatio: 1.25 # missingness ratio between ancestry groups that is reported
  maxDisparityDifference: 0.05 # and the smallest difference of missing shares (5 points)
  missingValue: ""        # what the missing-marker fix writes for every missing marker

# What the data will be used for; consent-scope-mismatch checks each row's DUO terms
# against it: ancestry-research, methods-development, commercial, genetic, non-genetic,
# health-research, clinical-care, or { disease: MONDO:0005148 }.
# intendedUse: health-research

# Severity per rule id: off | hint | information | warning | error.
rules: {}
  # ancestry-group-small: off

# Reviewed findings, each with its reason (the quick fix "Acknowledge" adds them).
acknowledged: []
`;
