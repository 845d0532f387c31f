// privacy-geography: Safe Harbor item B, geography smaller than a state: street
// addresses, cities, counties, coordinates, postal codes, and ZIP codes beyond their
// first three digits (or any ZIP-3 area of 20,000 people or fewer, which must be 000).
// `data.kind` is the category (zip, postal-code, address, city, county, coordinates).
import { count } from '../../format';
import { RESTRICTED_ZIP3 } from '../../privacy/zip3';
import type { ColumnVerdict } from '../../privacy/verdicts';
import type { PrivacyScanState } from '../../privacy/scan';
import type { DatasetRule } from '../rule';
import { moveHint, safeHarborItem, sampleShare, sentence, shareOf, verdictData, verdictFindings, type VerdictData } from './common';

const RESTRICTED_TEXT = `the ${RESTRICTED_ZIP3.size} three-digit areas of 20,000 people or fewer must be 000`;

function zipMessage(v: ColumnVerdict, state: PrivacyScanState, datasetPath: string): { message: string; detail: string } {
  const e = state.evidence[v.index];
  if (v.trait === 'zip3') {
    return {
      message: `"${v.column}": ${count(e.restrictedZips)} ZIP-3 ${e.restrictedZips === 1 ? 'code in an area' : 'codes in areas'} of 20,000 people or fewer; Safe Harbor requires 000`,
      detail: `Column "${v.column}" holds ZIP-3 areas, ${count(e.restrictedZips)} of them in areas of 20,000 people or fewer; ${safeHarborItem('B')} requires those to be 000. Replace them with 000 with the quick fix.`,
    };
  }
  return {
    message: `"${v.column}" holds 5-digit ZIP codes (${shareOf(e.zipsToGeneralise, e.nonEmpty)}); Safe Harbor allows only 3 digits`,
    detail: `${sampleShare(e.zipsToGeneralise, e.nonEmpty, 'values')} are 5-digit ZIP codes. ${safeHarborItem('B')} allows only the first three digits, and ${RESTRICTED_TEXT}` +
      ` (${count(e.restrictedZips)} here). Generalise to ZIP-3 with the quick fix, or ${moveHint(datasetPath)}.`,
  };
}

export type PrivacyGeographyMessages = {
  zip5: VerdictData & { kind: string; [fact: string]: unknown };
  'zip3-restricted': VerdictData & { kind: string; [fact: string]: unknown };
  geography: VerdictData & { kind: string; [fact: string]: unknown };
};

export const privacyGeography: DatasetRule<PrivacyGeographyMessages> = {
  id: 'privacy-geography',
  defaultSeverity: 'warning',
  description: 'Geography smaller than a state (street address, city, county, coordinates, postal codes, ZIP codes beyond 3 digits or restricted ZIP-3 areas; Safe Harbor item B).',
  fixable: true,
  appliesTo: ['dataset'],
  messages: {
    zip5: 'Five-digit ZIP codes (Safe Harbor keeps three).',
    'zip3-restricted': 'ZIP-3 codes of areas under 20,000 people.',
    geography: 'Geography smaller than a state (address, city, county, coordinates, postal code).',
  },
  check(context) {
    return verdictFindings<PrivacyGeographyMessages>(context, 'geography', (v, state) => {
      const e = state.evidence[v.index];
      const text = v.key === 'zip'
        ? zipMessage(v, state, context.path)
        : {
          message: `"${v.column}" holds geography smaller than a state (${v.category.label}); Safe Harbor removes it`,
          detail: `${sentence(sampleShare(v.matched, v.sampled))} fit ${v.category.label}, geography smaller than a state. ` +
            `${safeHarborItem('B')} removes it; ${moveHint(context.path)}.`,
        };
      return {
        messageId: v.trait === 'zip3' ? 'zip3-restricted' : v.key === 'zip' ? 'zip5' : 'geography',
        ...text,
        data: { ...verdictData(v, context.path), kind: v.trait === 'zip3' ? 'zip3-restricted' : v.key === 'zip' ? 'zip5' : v.category.id, zips: e.zipsToGeneralise, restricted: e.restrictedZips, nonEmpty: e.nonEmpty },
      };
    });
  },
};
