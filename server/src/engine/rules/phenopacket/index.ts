// GA4GH Phenopacket v2 rules.
import type { StructuredRule } from '../../documents/structuredRule';
import { phenopacketFieldMissing } from './phenopacketFieldMissing';
import { phenopacketInvalid } from './phenopacketInvalid';
import { phenopacketRecommendedMissing } from './phenopacketRecommendedMissing';
import { phenopacketResourceMissing } from './phenopacketResourceMissing';
import { phenopacketTermInvalid } from './phenopacketTermInvalid';

export { PHENOPACKET_PARSE_RULE_ID } from './ids';

export const PHENOPACKET_RULES: StructuredRule[] = [
  phenopacketInvalid,
  phenopacketFieldMissing,
  phenopacketResourceMissing,
  phenopacketTermInvalid,
  phenopacketRecommendedMissing,
];
