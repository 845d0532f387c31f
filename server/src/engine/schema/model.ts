// Frictionless Table Schema (specs.frictionlessdata.io/table-schema), as the engine
// reads it: what a dataset is checked against, and what schema rules inspect.

export interface TableSchemaConstraints {
  required?: boolean;
  unique?: boolean;
  enum?: unknown[];
  pattern?: string;
  minimum?: number | string;
  maximum?: number | string;
  minLength?: number;
  maxLength?: number;
}

export interface TableSchemaField {
  name: string;
  type?: string;
  format?: string;
  title?: string;
  description?: string;
  constraints?: TableSchemaConstraints;
  /** Per-field missing values (Table Schema v2); overrides the schema's. */
  missingValues?: string[];
  /** Boolean fields: the strings that mean true / false (defaults in schema/valueChecks.ts). */
  trueValues?: string[];
  falseValues?: string[];
  /** Number fields: decimal and group separators; bareNumber false allows text around the number. */
  decimalChar?: string;
  groupChar?: string;
  bareNumber?: boolean;
  /** Index in the schema's `fields` array, to position findings. */
  index: number;
}

export interface TableSchema {
  /** Absolute path of the schema file (or the Data Package holding it inline). */
  path: string;
  /** Where the schema sits inside that file: [] for a schema file, ['resources', i, 'schema'] inline. */
  pointer: (string | number)[];
  fields: TableSchemaField[];
  /** Values that mean missing when validating against the schema; Table Schema's default is [""]. */
  missingValues: string[];
  /**
   * The missingValues the schema itself declares, if any. Only a declared list replaces
   * the clinical markers (`?`, `NA`, ...) that profiling counts: the spec's implicit [""]
   * would silently make them data.
   */
  declaredMissingValues?: string[];
  primaryKey?: string | string[];
  /**
   * The Data Package descriptor that named this schema for the dataset (its resource's
   * `path`), when the schema came from one; `path` is then the schema file, or the
   * descriptor itself for an inline schema.
   */
  descriptorPath?: string;
}
