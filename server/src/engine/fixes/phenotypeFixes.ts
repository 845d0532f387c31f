// Quick fixes of the phenotype rules, by rule and message.
import { missingMarkerMixed } from '../rules/phenotype/missingMarkerMixed';
import { phenotypeFieldMissing } from '../rules/phenotype/phenotypeFieldMissing';
import { phenotypeFormatMixed } from '../rules/phenotype/phenotypeFormatMixed';
import type { Fix } from '../types';
import { markSafeForFixAll } from './fixAllSafe';
import { addColumnFix } from './phenotype/addColumn';
import { addSchemaFieldFix } from './phenotype/addSchemaField';
import { normaliseMarkersFix } from './phenotype/normaliseMarkers';
import { rewriteFormatsFix } from './phenotype/rewriteFormats';
import { ruleFixes } from './ruleFixes';

const listed = (fix: Fix | undefined): Fix[] => (fix ? [fix] : []);

export const PHENOTYPE_FIXES = Object.fromEntries([
  ruleFixes(phenotypeFieldMissing, {
    missingColumn: (analysis, { data }) => (analysis.kind === 'dataset' ? listed(addColumnFix(analysis, data.newColumn)) : []),
    missingField: (analysis, { data }) => (analysis.kind === 'tableSchema' ? listed(addSchemaFieldFix(analysis, data.requirement, data.newField)) : []),
  }),
  ruleFixes(missingMarkerMixed, {
    // Missing stays missing, written one way: no value is lost or invented.
    mixed: markSafeForFixAll((analysis, { data }, context) => (analysis.kind === 'dataset'
      ? listed(normaliseMarkersFix(analysis, data.columnIndex, Object.keys(data.markers), context.policy.policy.phenotype.missingValue, context.mergeEdits))
      : [])),
  }),
  ruleFixes(phenotypeFormatMixed, {
    date: (analysis, finding) => (analysis.kind === 'dataset' ? listed(rewriteFormatsFix(analysis, finding)) : []),
    category: (analysis, finding) => (analysis.kind === 'dataset' ? listed(rewriteFormatsFix(analysis, finding)) : []),
  }),
]);
