import { canonicalLabelsFor, rewriteEnum, vocabularyForField } from '../../ancestry/canonicalLabels';
import type { DocPath } from '../../structured/structuredDocument';
import type { StructuredRule } from '../../documents/structuredRule';
import { NUMERIC_TYPES } from '../../schema/fieldTypes';
import type { RawFindingOf } from '../rule';
import { firstLineOf, schemaAncestry, schemasIn, type SchemaField } from './schemasInDocument';

function constraintsOf(field: SchemaField): Record<string, unknown> | undefined {
  const c = field.value.constraints;
  return c && typeof c === 'object' && !Array.isArray(c) ? (c as Record<string, unknown>) : undefined;
}

function quoted(values: string[], max = 8): string {
  const shown = values.slice(0, max).map((v) => `"${v}"`).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

export type SchemaAncestryUnconstrainedMessages = {
  'no-enum': { kind: 'no-enum'; field: string; fieldPath: DocPath; labels: unknown[] | undefined; fixable: boolean; [fact: string]: unknown };
  'nonstandard-enum': { kind: 'nonstandard-enum'; field: string; fieldPath: DocPath; labels: unknown[]; replacements: unknown[]; fixable: true; [fact: string]: unknown };
  'indicator-unconstrained': { kind: 'indicator-unconstrained'; field: string; fieldPath: DocPath; group: string; members: string[]; fixable: false };
};

export const schemaAncestryUnconstrained: StructuredRule<SchemaAncestryUnconstrainedMessages> = {
  id: 'schema-ancestry-unconstrained',
  defaultSeverity: 'information',
  description: 'An ancestry field with no enum constraint, or whose enum uses nonstandard labels (synonyms of a vocabulary\'s canonical labels).',
  fixable: true,
  appliesTo: ['tableSchema', 'dataPackage'],
  messages: {
    'no-enum': 'An ancestry field with no enum.',
    'nonstandard-enum': 'An ancestry field whose enum uses non-canonical labels.',
    'indicator-unconstrained': 'A per-group indicator field that is not constrained to yes/no.',
  },
  checkDocument(context) {
    const { doc, policy } = context;
    const findings: RawFindingOf<SchemaAncestryUnconstrainedMessages>[] = [];
    for (const schema of schemasIn(context)) {
      const ancestry = schemaAncestry(schema, policy);
      for (const field of ancestry.fields) {
        const type = typeof field.value.type === 'string' ? field.value.type : undefined;
        const enumValues = constraintsOf(field)?.enum;
        if (enumValues !== undefined && !Array.isArray(enumValues)) continue; // schema-invalid reports it
        // Table Schema v2 `categories` constrain the values as an enum does; their labels are not rewritten here.
        if (enumValues === undefined && Array.isArray(field.value.categories)) continue;
        const vocabulary = vocabularyForField(field.name, enumValues);
        // A numeric field (race_concept_id) holds codes: an enum of labels would not fit it.
        const fixable = !NUMERIC_TYPES.has(type ?? '');
        if (enumValues === undefined) {
          const labels = canonicalLabelsFor(field.name, vocabulary);
          findings.push({
            messageId: 'no-enum',
            range: doc.locate([...field.path, 'name'], 'value'),
            message: `${schema.where}Ancestry field "${field.name}" has no enum constraint: any text passes`,
            detail:
              `Any text passes, so one group can be written several ways ("Caucasian", "white", "W") or mistyped into a group of its own. ` +
              (fixable ? `Constrain it to the ${labels.length} canonical labels of the ${vocabulary.name}: ${quoted(labels)}.` : `Constrain it to the codes its values may take.`),
            data: { kind: 'no-enum', field: field.name, fieldPath: field.path, vocabulary: vocabulary.id, labels: fixable ? labels : undefined, fixable },
          });
          continue;
        }
        const rewrite = rewriteEnum(enumValues, vocabulary);
        if (rewrite.replacements.length === 0) continue;
        const n = rewrite.replacements.length;
        const first = rewrite.replacements[0];
        findings.push({
          messageId: 'nonstandard-enum',
          range: firstLineOf(doc, [...field.path, 'constraints', 'enum'], 'key'),
          message: `${schema.where}Ancestry field "${field.name}" has ${n} nonstandard enum label${n === 1 ? '' : 's'}` +
            (n === 1 ? ` ("${first.value}" for "${first.canonical}")` : `, e.g. "${first.value}" for "${first.canonical}"`),
          detail:
            `The enum uses ${n} nonstandard label${n === 1 ? '' : 's'} of the ${vocabulary.name} (${enumValues.length} values in all): ` +
            `${rewrite.replacements.map((r) => `"${r.value}" (canonical: "${r.canonical}")`).join(', ')}. Data that follows the schema inherits them, so the same group is spelt differently across datasets.`,
          data: { kind: 'nonstandard-enum', field: field.name, fieldPath: field.path, vocabulary: vocabulary.id, replacements: rewrite.replacements, labels: rewrite.values, unknown: rewrite.unknown, fixable: true },
        });
      }
      // Per-group yes/no fields: each must admit only yes or no.
      const indicators = ancestry.indicators;
      for (const member of indicators?.members ?? []) {
        const field = schema.fields.find((f) => f.index === member.index)!;
        const type = typeof field.value.type === 'string' ? field.value.type : undefined;
        if (type === 'boolean' || Array.isArray(constraintsOf(field)?.enum)) continue;
        findings.push({
          messageId: 'indicator-unconstrained',
          range: doc.locate([...field.path, 'name'], 'value'),
          message: `${schema.where}Yes/no ancestry field "${field.name}" (${member.group}) is not constrained to yes or no`,
          detail:
            `Field "${field.name}" is one of ${indicators!.members.length} per-group yes/no fields read together as one ancestry variable (${indicators!.label}; this one: ${member.group}), ` +
            `but it is ${type ? `of type ${type}` : 'untyped'} with no enum, so values other than yes and no pass. Declare it boolean (with trueValues and falseValues) or give it an enum.`,
          data: { kind: 'indicator-unconstrained', field: field.name, fieldPath: field.path, group: member.group, members: indicators!.members.map((m) => m.name), fixable: false },
        });
      }
    }
    return findings;
  },
};
