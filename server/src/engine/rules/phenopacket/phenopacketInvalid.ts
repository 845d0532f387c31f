// A phenopacket that is not valid JSON/YAML: reported once by lintStructured (the first
// syntax error, with how many follow), and nothing else is checked. This entry gives the
// rule its metadata, docs page and severity settings.
import type { StructuredRule } from '../../documents/structuredRule';
import { PHENOPACKET_PARSE_RULE_ID } from './ids';

export type PhenopacketInvalidMessages = {
  parse: { errors: number };
};

export const phenopacketInvalid: StructuredRule<PhenopacketInvalidMessages> = {
  id: PHENOPACKET_PARSE_RULE_ID,
  defaultSeverity: 'error',
  description: 'The Phenopacket is not valid JSON or YAML; nothing else in it is checked until it parses.',
  fixable: false,
  appliesTo: ['phenopacket'],
  messages: {
    parse: 'The document does not parse as JSON/YAML.',
  },
  checkDocument: () => [],
};
