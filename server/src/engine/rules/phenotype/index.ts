// Phenotype rules on datasets, and on Table Schemas (required fields).
import type { StructuredRule } from '../../documents/structuredRule';
import type { DatasetRule } from '../rule';
import { missingMarkerMixed } from './missingMarkerMixed';
import { phenotypeCodingMixed } from './phenotypeCodingMixed';
import { phenotypeFieldMissing } from './phenotypeFieldMissing';
import { phenotypeFormatMixed } from './phenotypeFormatMixed';
import { phenotypeImplausible } from './phenotypeImplausible';
import { phenotypeMissingnessDisparity } from './phenotypeMissingnessDisparity';
import { phenotypeNotApplicable } from './phenotypeNotApplicable';
import { phenotypeRecordingDiffers } from './phenotypeRecordingDiffers';
import { phenotypeTermInvalid } from './phenotypeTermInvalid';
import { phenotypeUnitsMixed } from './phenotypeUnitsMixed';
import { phenotypeValuesMissing } from './phenotypeValuesMissing';

export const PHENOTYPE_DATASET_RULES: DatasetRule[] = [
  phenotypeFieldMissing,
  phenotypeValuesMissing,
  phenotypeMissingnessDisparity,
  phenotypeNotApplicable,
  missingMarkerMixed,
  phenotypeTermInvalid,
  phenotypeCodingMixed,
  phenotypeUnitsMixed,
  phenotypeFormatMixed,
  phenotypeImplausible,
  phenotypeRecordingDiffers,
];
export const PHENOTYPE_SCHEMA_RULES: StructuredRule[] = [phenotypeFieldMissing];
