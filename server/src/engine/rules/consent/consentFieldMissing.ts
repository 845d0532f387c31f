// consent-field-missing: no column of a dataset, or no field of a Table Schema
// (checkDocument), records consent. Its row scan is the
// consent pass every consent rule reads (see consent/scan.ts).
import { consentScan } from '../../consent/scan';
import type { StructuredRule } from '../../documents/structuredRule';
import type { DatasetRule } from '../rule';
import { consentState } from './common';
import { consentFieldsMissingInSchema } from './schemaConsentFieldMissing';

export type ConsentFieldMissingMessages = {
  'policy-column': { kind: 'policy-column'; policyKey: string; column: string; columns: number };
  'no-column': { kind: 'no-column'; policyKey: ''; column: ''; columns: number };
  schema: { kind: 'schema'; pointer: (string | number)[]; fields: number; column: string };
};

export const consentFieldMissing: DatasetRule<ConsentFieldMissingMessages> & StructuredRule<ConsentFieldMissingMessages> = {
  id: 'consent-field-missing',
  defaultSeverity: 'warning',
  description: 'No consent column (data) or consent field (Table Schema): whether each row may be used for the intended purpose cannot be checked.',
  fixable: true,
  appliesTo: ['dataset', 'tableSchema', 'dataPackage'],
  messages: {
    'policy-column': 'The policy names a consent column the header lacks.',
    'no-column': 'No column is named like consent and the policy names none.',
    schema: 'A Table Schema has no consent field.',
  },
  scan: consentScan,
  checkDocument: consentFieldsMissingInSchema,
  check(context) {
    const { table } = context;
    const state = consentState(context);
    // A table without data rows is table-malformed's to report: nothing here to assess.
    if (!state || !table.headerRow || table.header.length === 0 || state.rows === 0) return [];
    const { missingNamed } = state.evaluator.detected;
    const range = table.lines.range(table.headerRow.start, table.headerRow.end);
    const findings: ReturnType<typeof consentFieldMissing.check> = missingNamed.map(({ key, name }) => ({
      messageId: 'policy-column',
      range,
      message: `No consent column "${name}" (named by ${key})`,
      detail: `The policy names "${name}" as a consent column (${key}), and the header has no such column: consent is not checked there.`,
      data: { kind: 'policy-column' as const, policyKey: key, column: name, columns: table.header.length },
    }));
    if (!state.evaluator.recordsConsent && missingNamed.length === 0) {
      findings.push({
        messageId: 'no-column',
        range,
        message: 'No consent column',
        detail:
          `No consent column: none of the ${table.header.length} columns is named like consent, consent_status, informed_consent, data_use or duo, ` +
          'and the policy names none (consent.column). Whether each row may be used for the intended purpose cannot be checked; ' +
          'add a column of DUO codes (GRU, HMB, DS-MONDO:..., POA, NRES, with modifiers such as NPU or IRB) or name yours in the policy.',
        data: { kind: 'no-column', policyKey: '', column: '', columns: table.header.length },
      });
    }
    return findings;
  },
};
