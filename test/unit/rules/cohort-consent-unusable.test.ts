import { cohortTable } from './cohort';
import { ruleTester } from './harness';

const row = (line: number, reason: string, severity: 'error' | 'warning') => ({ messageId: 'row', range: [line - 1, 0, line - 1, 3] as [number, number, number, number], severity, data: { reason, line, sources: ['consent.csv'] } });

ruleTester('cohort-consent-unusable', {
  valid: [
    { ...cohortTable('consent.csv', 'the consent table itself: its own consent rules report there') },
  ],
  invalid: [
    {
      ...cohortTable('phenotypes.csv', 'phenotype rows of withdrawn, out-of-scope and invalid-consent participants'),
      findings: [
        { messageId: 'summary', range: [0, 0, 0, 14], severity: 'error', data: { reason: 'withdrawn', rows: 2, totalRows: 13, participants: 1 } },
        { messageId: 'summary', range: [0, 0, 0, 14], severity: 'error', data: { reason: 'scope', rows: 1, totalRows: 13, participants: 1 } },
        { messageId: 'summary', range: [0, 0, 0, 14], severity: 'warning', data: { reason: 'invalid', rows: 1, totalRows: 13, participants: 1 } },
        row(5, 'withdrawn', 'error'), row(6, 'withdrawn', 'error'), row(8, 'scope', 'error'), row(10, 'invalid', 'warning'),
      ],
    },
  ],
});
