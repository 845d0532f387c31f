// GA4GH Phenopacket v2 rules.
import type { StructuredRule } from '../../documents/structuredRule';

export const PHENOPACKET_RULES: StructuredRule[] = [];
/** The rule that reports a phenopacket that does not parse. */
export const PHENOPACKET_PARSE_RULE_ID = 'phenopacket-invalid';
