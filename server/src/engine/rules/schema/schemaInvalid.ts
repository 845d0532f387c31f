import type { StructuredRule } from '../../documents/structuredRule';
import type { RawFindingOf } from '../rule';
import { dataPackageProblems } from './dataPackageProblems';
import { schemasIn } from './schemasInDocument';
import { tableSchemaFindings, toFindings } from './tableSchemaProblems';

export type SchemaInvalidMessages = {
  parse: { errors: number };
  invalid: { kind: string; path: (string | number)[]; line: number; [extra: string]: unknown };
};

export const schemaInvalid: StructuredRule<SchemaInvalidMessages> = {
  id: 'schema-invalid',
  defaultSeverity: 'error',
  description: 'A Table Schema or Data Package descriptor that does not parse or breaks the Frictionless specification (unknown type, bad constraints, duplicate names, $ref, unusable schema path).',
  fixable: false,
  appliesTo: ['tableSchema', 'dataPackage'],
  messages: {
    parse: 'The document does not parse as JSON/YAML.',
    invalid: 'The Table Schema or Data Package does not follow the specification.',
  },
  checkDocument(context) {
    const findings: RawFindingOf<SchemaInvalidMessages>[] = [];
    if (context.kind === 'dataPackage') findings.push(...toFindings(context.doc, dataPackageProblems(context)));
    for (const schema of schemasIn(context)) findings.push(...tableSchemaFindings(context.doc, schema));
    return findings;
  },
};
