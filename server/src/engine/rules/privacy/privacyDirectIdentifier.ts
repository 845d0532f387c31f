// privacy-direct-identifier: a column holding one of the HIPAA Safe Harbor identifiers
// that name or contact a person or number them outside the study (names, SSN, record,
// plan and account numbers, licences and passports, phone, fax, email, URL, IP, device
// and vehicle ids, biometrics, photos). Its row scan builds the state every privacy rule reads.
import { privacyScan } from '../../privacy/scan';
import type { ColumnVerdict } from '../../privacy/verdicts';
import type { DatasetRule } from '../rule';
import { moveHint, safeHarborItem, sampleShare, verdictData, verdictFindings, type VerdictData } from './common';

const SHAPE_TEXT: Record<string, string> = {
  'name-token': "look like people's names", ssn: 'have the SSN shape (NNN-NN-NNNN)', 'issuable-ssn': 'are SSNs in issued ranges', email: 'are email addresses',
  phone: 'are phone numbers', ip: 'are IP addresses', url: 'are URLs', card: 'are Luhn-valid card numbers', 'has-digit': 'are numbers or codes with digits',
};

function evidence(v: ColumnVerdict): string {
  const fit = v.trait ? SHAPE_TEXT[v.trait] ?? `fit the ${v.trait} pattern` : 'are not empty';
  return v.by === 'header'
    ? `the header names it and ${sampleShare(v.matched, v.sampled)} ${fit}`
    : `the header does not say so, but ${sampleShare(v.matched, v.sampled)} ${fit}`;
}

export type PrivacyDirectIdentifierMessages = {
  identifier: VerdictData & { [fact: string]: unknown };
};

export const privacyDirectIdentifier: DatasetRule<PrivacyDirectIdentifierMessages> = {
  id: 'privacy-direct-identifier',
  defaultSeverity: 'error',
  description: 'A column holding a HIPAA Safe Harbor direct identifier (name, SSN, record or account number, licence, passport, phone, email, URL, IP, device id, ...), by header and confirmed by its values.',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    identifier: 'A column of direct identifiers (names, record numbers, contacts).',
  },
  scan: privacyScan,
  check(context) {
    return verdictFindings<PrivacyDirectIdentifierMessages>(context, 'direct', (v) => ({
      messageId: 'identifier',
      message: `"${v.column}" is a direct identifier: ${v.category.label} (Safe Harbor item ${v.category.item})`,
      detail: `A direct identifier: ${v.category.label}, ${safeHarborItem(v.category.item)}; ${evidence(v)}. ` +
        `Data with it is not de-identified: ${moveHint(context.path)}, or name it as the study pseudonym (privacy.pseudonym) if it is one.`,
      data: verdictData(v, context.path),
    }));
  },
};
