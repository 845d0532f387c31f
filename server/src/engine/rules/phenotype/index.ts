// Phenotype rules on datasets, and on Table Schemas (required fields).
import type { StructuredRule } from '../../documents/structuredRule';
import type { DatasetRule } from '../rule';
import { missingMarkerMixed } from './missingMarkerMixed';
import { phenotypeFieldMissing } from './phenotypeFieldMissing';
import { phenotypeFieldMissingSchema } from './phenotypeFieldMissingSchema';
import { phenotypeMissingnessDisparity } from './phenotypeMissingnessDisparity';
import { phenotypeNotApplicable } from './phenotypeNotApplicable';
import { phenotypeTermInvalid } from './phenotypeTermInvalid';
import { phenotypeValuesMissing } from './phenotypeValuesMissing';

export const PHENOTYPE_DATASET_RULES: DatasetRule[] = [
  phenotypeFieldMissing,
  phenotypeValuesMissing,
  phenotypeMissingnessDisparity,
  phenotypeNotApplicable,
  missingMarkerMixed,
  phenotypeTermInvalid,
];
export const PHENOTYPE_SCHEMA_RULES: StructuredRule[] = [phenotypeFieldMissingSchema];
