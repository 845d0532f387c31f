// consent-field-missing on a dataset: no column records consent. Its row scan is the
// consent pass every consent rule reads (see consent/scan.ts).
import { consentScan } from '../../consent/scan';
import type { DatasetRule } from '../rule';
import { consentState } from './common';

export const consentFieldMissing: DatasetRule = {
  id: 'consent-field-missing',
  defaultSeverity: 'warning',
  description: 'No consent column (data) or consent field (Table Schema): whether each row may be used for the intended purpose cannot be checked.',
  fixable: true,
  appliesTo: 'dataset',
  scan: consentScan,
  check(context) {
    const { table } = context;
    const state = consentState(context);
    // A table without data rows is table-malformed's to report: nothing here to assess.
    if (!state || !table.headerRow || table.header.length === 0 || state.rows === 0) return [];
    const { missingNamed } = state.evaluator.detected;
    const range = table.lines.range(table.headerRow.start, table.headerRow.end);
    const findings = missingNamed.map(({ key, name }) => ({
      range,
      message: `The policy names "${name}" as a consent column (${key}), and the header has no such column: consent is not checked there.`,
      data: { kind: 'policy-column', policyKey: key, column: name, columns: table.header.length },
    }));
    if (!state.evaluator.recordsConsent && missingNamed.length === 0) {
      findings.push({
        range,
        message:
          `No consent column: none of the ${table.header.length} columns is named like consent, consent_status, informed_consent, data_use or duo, ` +
          'and the policy names none (consent.column). Whether each row may be used for the intended purpose cannot be checked; ' +
          'add a column of DUO codes (GRU, HMB, DS-MONDO:..., POA, NRES, with modifiers such as NPU or IRB) or name yours in the policy.',
        data: { kind: 'no-column', policyKey: '', column: '', columns: table.header.length },
      });
    }
    return findings;
  },
};
