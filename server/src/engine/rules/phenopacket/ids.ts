/** The rule that reports a phenopacket that does not parse. */
export const PHENOPACKET_PARSE_RULE_ID = 'phenopacket-invalid';
