// Quick fix of schema-ancestry-unconstrained: add the enum with the vocabulary's canonical
// labels, or rewrite a nonstandard enum to them, editing only the enum's text so the
// schema's comments and layout survive.
import type { FixProvider } from '../fixProvider';
import { setFieldEnum } from '../../structured/edits';

export const ancestryEnumFix: FixProvider = (analysis, finding) => {
  if (analysis.kind !== 'tableSchema' && analysis.kind !== 'dataPackage') return [];
  const data = (finding.data ?? {}) as Record<string, unknown>;
  if (data.fixable !== true || !Array.isArray(data.fieldPath) || !Array.isArray(data.labels)) return [];
  const field = String(data.field);
  const labels = data.labels as unknown[];
  let edits;
  try {
    edits = setFieldEnum(analysis.doc, data.fieldPath as (string | number)[], labels);
  } catch {
    return []; // the document changed shape since the finding (the path is no longer a field)
  }
  if (edits.length === 0) return [];
  const title = data.kind === 'nonstandard-enum'
    ? `Use the canonical labels in the enum of "${field}" (${(data.replacements as unknown[]).length} replaced)`
    : `Constrain "${field}" to the ${labels.length} canonical labels`;
  return [{ title, changes: [{ path: analysis.path, edits }], isPreferred: true }];
};
