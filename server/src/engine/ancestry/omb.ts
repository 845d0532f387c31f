// The US OMB race and ethnicity categories (1997 SPD 15 and its 2024 revision), as the
// canonical labels every US coding rolls up to.
export const OMB = {
  white: 'White',
  black: 'Black or African American',
  asian: 'Asian',
  aian: 'American Indian or Alaska Native',
  nhpi: 'Native Hawaiian or Other Pacific Islander',
  hispanic: 'Hispanic or Latino',
  mena: 'Middle Eastern or North African',
  multiple: 'Two or more races',
  other: 'Some Other Race',
  notHispanic: 'Not Hispanic or Latino',
} as const;
