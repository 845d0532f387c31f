// Findings that say a table lacks something, read cohort-wide. A table of a cohort need
// not hold what another table of the cohort holds for the same participants: ancestry in
// participants.csv answers for phenotypes.csv (joined on the key), consent in consent.csv
// for every table. So on a cohort table these are dropped when another table of the
// cohort has what they miss:
//   ancestry-column-missing       when another table has an ancestry column;
//   consent-field-missing         ("no consent column") when another table records consent;
//   phenotype-field-missing       per required concept, when another table has its column.
// A cohort where no table has it keeps the finding on every table, except "no consent
// column": consent is the participant's, not the table's, so a cohort where no table
// records it says so once, on its participants table (OMOP's PERSON), not on every table.
import { detectAncestryColumns } from '../ancestry/detectColumns';
import { columnRoles } from '../phenotype/columnRoles';
import type { Policy } from '../policy/policy';
import type { Finding } from '../types';
import type { TableFacts } from './facts';

export interface CoveredElsewhere {
  ancestry: boolean;
  consent: boolean;
  /** On a related table when no table records consent: the participants table reports it for the cohort. */
  consentOnParticipants?: boolean;
  /** Required phenotype concepts (requirement names) another table answers. */
  requirements: Set<string>;
}

export const NOTHING_COVERED: CoveredElsewhere = { ancestry: false, consent: false, requirements: new Set() };

/** What the other tables of the cohort (readable, with the key) hold. */
export function coveredBy(others: TableFacts[], policy: Policy): CoveredElsewhere {
  const covered: CoveredElsewhere = { ancestry: false, consent: false, requirements: new Set() };
  for (const facts of others) {
    if (!facts.readable || !facts.keyAt || !facts.header) continue;
    const header = [...facts.header];
    const ancestry = detectAncestryColumns(header, policy.ancestry.columns);
    covered.ancestry ||= ancestry.length > 0;
    covered.consent ||= facts.recordsConsent;
    for (const match of columnRoles(header, policy, ancestry).required) if (match.columns.length > 0) covered.requirements.add(match.requirement.name);
  }
  return covered;
}

export function isCovered(finding: Finding, covered: CoveredElsewhere): boolean {
  switch (finding.code) {
    case 'ancestry-column-missing': return covered.ancestry;
    case 'consent-field-missing': return (covered.consent || covered.consentOnParticipants === true) && finding.data.kind === 'no-column';
    case 'phenotype-field-missing': return covered.requirements.has(String(finding.data.requirement));
    default: return false;
  }
}
