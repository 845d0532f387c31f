// Quick fix of schema-ancestry-unconstrained: add the enum with the vocabulary's canonical
// labels, or rewrite a nonstandard enum to them, editing only the enum's text so the
// schema's comments and layout survive.
import type { SchemaAncestryUnconstrainedMessages } from '../../rules/schema/schemaAncestryUnconstrained';
import { setFieldEnum } from '../../structured/edits';
import type { MessageFix } from '../ruleFixes';

export const ancestryEnumFix: MessageFix<SchemaAncestryUnconstrainedMessages, 'no-enum' | 'nonstandard-enum'> = (analysis, { data }) => {
  if (analysis.kind !== 'tableSchema' && analysis.kind !== 'dataPackage') return [];
  const { labels } = data;
  if (!data.fixable || !labels) return [];
  let edits;
  try {
    edits = setFieldEnum(analysis.doc, data.fieldPath, labels);
  } catch {
    return []; // the document changed shape since the finding (the path is no longer a field)
  }
  if (edits.length === 0) return [];
  const title = data.kind === 'nonstandard-enum'
    ? `Use the canonical labels in the enum of "${data.field}" (${data.replacements.length} replaced)`
    : `Constrain "${data.field}" to the ${labels.length} canonical labels`;
  return [{ title, changes: [{ path: analysis.path, edits }], isPreferred: true }];
};
