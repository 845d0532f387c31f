// Rules over a cohort spread across tables (engine/cohort): run on each table of the cohort.
import type { CohortRule } from '../../cohort/context';
import { cohortConsentUnusable } from './cohortConsentUnusable';
import { cohortKeyOrphan } from './cohortKeyOrphan';
import { cohortParticipantMissing } from './cohortParticipantMissing';

export const COHORT_RULES: CohortRule[] = [cohortKeyOrphan, cohortParticipantMissing, cohortConsentUnusable];
