import type { StructuredRule } from '../../documents/structuredRule';
import type { RawFinding } from '../rule';
import { dataPackageProblems } from './dataPackageProblems';
import { schemasIn } from './schemasInDocument';
import { tableSchemaFindings, toFindings } from './tableSchemaProblems';

export const schemaInvalid: StructuredRule = {
  id: 'schema-invalid',
  defaultSeverity: 'error',
  description: 'A Table Schema or Data Package descriptor that does not parse or breaks the Frictionless specification (unknown type, bad constraints, duplicate names, $ref, unusable schema path).',
  fixable: false,
  appliesTo: 'tableSchema',
  kinds: ['tableSchema', 'dataPackage'],
  check(context) {
    const findings: RawFinding[] = [];
    if (context.kind === 'dataPackage') findings.push(...toFindings(context.doc, dataPackageProblems(context)));
    for (const schema of schemasIn(context)) findings.push(...tableSchemaFindings(context.doc, schema));
    return findings;
  },
};
