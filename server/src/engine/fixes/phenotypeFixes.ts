// Quick fixes of the phenotype rules, by rule id.
import { markSafeForFixAll } from './fixAllSafe';
import type { FixProvider } from './fixProvider';
import { addColumnFix } from './phenotype/addColumn';
import { addSchemaFieldFix } from './phenotype/addSchemaField';
import { normaliseMarkersFix } from './phenotype/normaliseMarkers';
import { rewriteFormatsFix } from './phenotype/rewriteFormats';

const addMissingField: FixProvider = (analysis, finding) => {
  const data = (finding.data ?? {}) as Record<string, unknown>;
  if (analysis.kind === 'dataset' && typeof data.newColumn === 'string') {
    const fix = addColumnFix(analysis, data.newColumn);
    return fix ? [fix] : [];
  }
  if (analysis.kind === 'tableSchema' && typeof data.newField === 'string' && typeof data.requirement === 'string') {
    const fix = addSchemaFieldFix(analysis, data.requirement, data.newField);
    return fix ? [fix] : [];
  }
  return [];
};

const normaliseMarkers: FixProvider = (analysis, finding, context) => {
  if (analysis.kind !== 'dataset') return [];
  const data = (finding.data ?? {}) as Record<string, unknown>;
  const columnIndex = typeof data.columnIndex === 'number' ? data.columnIndex : analysis.table.header.indexOf(String(data.column));
  if (columnIndex < 0 || !data.markers || typeof data.markers !== 'object') return [];
  const fix = normaliseMarkersFix(analysis, columnIndex, Object.keys(data.markers), context.policy.policy.phenotype.missingValue, context.mergeEdits);
  return fix ? [fix] : [];
};

const rewriteFormats: FixProvider = (analysis, finding) => {
  if (analysis.kind !== 'dataset') return [];
  const fix = rewriteFormatsFix(analysis, (finding.data ?? {}) as Record<string, unknown>);
  return fix ? [fix] : [];
};

export const PHENOTYPE_FIXES: Record<string, FixProvider> = {
  'phenotype-field-missing': addMissingField,
  // Missing stays missing, written one way: no value is lost or invented.
  'missing-marker-mixed': markSafeForFixAll(normaliseMarkers),
  'phenotype-format-mixed': rewriteFormats,
};
