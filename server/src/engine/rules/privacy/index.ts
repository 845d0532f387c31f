// Privacy rules on datasets, and on Table Schemas (identifier fields).
import type { StructuredRule } from '../../documents/structuredRule';
import type { DatasetRule } from '../rule';
import { privacyDate } from './privacyDate';
import { privacyDirectIdentifier } from './privacyDirectIdentifier';
import { privacyGeography } from './privacyGeography';
import { privacyQuasiIdentifier } from './privacyQuasiIdentifier';
import { privacySchemaIdentifier } from './privacySchemaIdentifier';
import { privacySmallCell } from './privacySmallCell';
import { privacySpecialCategory } from './privacySpecialCategory';

/** privacy-direct-identifier comes first: its row scan builds the state the others read. */
export const PRIVACY_DATASET_RULES: DatasetRule[] = [privacyDirectIdentifier, privacyDate, privacyGeography, privacyQuasiIdentifier, privacySmallCell, privacySpecialCategory];
export const PRIVACY_SCHEMA_RULES: StructuredRule[] = [privacySchemaIdentifier];
