// The one entry point for any document: classify it, then lint it as a dataset, a
// policy file or a JSON/YAML document (Table Schema, Data Package, Phenopacket).
import { withCohortFindings } from './cohort/lintCohort';
import { withoutCoveredSchemaFindings } from './cohort/packageCovered';
import { classifyDocument, type DocumentKind } from './documents/classify';
import { lintStructured, type StructuredAnalysis } from './documents/lintStructured';
import { policyFileFindings } from './finish';
import { lintDatasetSteps, type DatasetAnalysis, type LintOptions } from './lintDataset';
import { drain } from './steps';
import type { Table } from './table/parse';
import type { ProfileBlocks } from './profile/blocks';
import type { UnchangedEnds } from './table/reparse';
import { loadPolicy, type LoadedPolicy } from './policy/loadPolicy';
import { internalError } from './isolation';
import { outcomeInputsFor } from './outcome/predictions';
import { findDatasetSchema } from './schema/findDatasetSchema';
import type { TableSchema } from './schema/model';
import type { DecodeReport } from './table/decode';
import type { Finding } from './types';

export interface PolicyAnalysis {
  kind: 'policy';
  path: string;
  findings: Finding[];
}

export type DocumentAnalysis = DatasetAnalysis | StructuredAnalysis | PolicyAnalysis;

export interface DocumentEnvironment {
  /** The policy that applies to this document (for a policy file: unused). */
  policy: LoadedPolicy;
  read: (absolutePath: string) => string | undefined;
  workspaceRoot?: string;
  options?: LintOptions;
  /** The kind when the caller already knows it (a `.panel` file named on the command line). */
  kind?: DocumentKind;
  /** What decoding the file's bytes found, when the caller had them (the CLI does; an editor's text is already decoded). */
  decoding?: DecodeReport;
  /** The text of a file open in the editor (a sibling table of a cohort), undefined for others. */
  openText?: (absolutePath: string) => string | undefined;
  /** A dataset's table parsed from an earlier version of this text (see DatasetEnvironment). */
  previousTable?: Table;
  /** That earlier version's profile blocks (see DatasetEnvironment). */
  previousProfile?: ProfileBlocks;
  /** What the edits since previousTable's text left alone at its ends (see DatasetEnvironment). */
  unchangedEnds?: UnchangedEnds;
  /**
   * Keep a dataset's profile blocks with its analysis, for the next version's lint to reuse
   * (an editor splicing edits in: lsp/analyses.ts). Otherwise the document is linted once
   * (the CLI, a workspace lint) and its rows are profiled in one pass (DatasetEnvironment.oneOff).
   */
  keepBlocks?: boolean;
}

/** Lints any document Cohort Lint knows; undefined for documents it does not (plain JSON, say). */
export function lintDocument(path: string, text: string, languageId: string | undefined, environment: DocumentEnvironment): DocumentAnalysis | undefined {
  return drain(lintDocumentSteps(path, text, languageId, environment));
}

/** lintDocument in steps (see steps.ts): a dataset yields while it is parsed and profiled. */
export function* lintDocumentSteps(path: string, text: string, languageId: string | undefined, environment: DocumentEnvironment): Generator<void, DocumentAnalysis | undefined> {
  const kind = environment.kind ?? classifyDocument(path, text, languageId);
  const { policy, read, workspaceRoot, options } = environment;
  switch (kind) {
    case undefined:
      return undefined;
    case 'dataset': {
      const { schema, findings } = datasetSchema(path, policy, read, workspaceRoot, options);
      const outcome = outcomeInputsFor(path, policy, read, workspaceRoot);
      const analysis = yield* lintDatasetSteps(path, text, languageId, policy, options, { schema, findings, decoding: environment.decoding, outcome, previousTable: environment.previousTable, previousProfile: environment.previousProfile, unchangedEnds: environment.unchangedEnds, oneOff: !environment.keepBlocks });
      return withCohortFindings(analysis, { policy, read, workspaceRoot, options, openText: environment.openText });
    }
    case 'policy':
      return { kind: 'policy', path, findings: policyFileFindings(loadPolicy(path, (p) => (p === path ? text : read(p)), workspaceRoot), options) };
    default:
      return withoutCoveredSchemaFindings(lintStructured(path, text, kind, policy, { read, workspaceRoot }, options), policy.policy, read, workspaceRoot);
  }
}

/**
 * The dataset's Table Schema. Should finding or reading it fail, the dataset is linted
 * without one (every rule that does not need it still runs) and the failure is reported.
 */
export function datasetSchema(
  path: string, policy: LoadedPolicy, read: DocumentEnvironment['read'], workspaceRoot: string | undefined, options: LintOptions = {},
): { schema?: TableSchema; findings: Finding[] } {
  try {
    return { schema: findDatasetSchema(path, policy, read, workspaceRoot), findings: [] };
  } catch (error) {
    const skipped = 'the dataset was checked without a Table Schema, so schema-data-mismatch and the schema\'s types and missing values were not applied';
    return { findings: internalError('read the Table Schema for this dataset', error, skipped, { policy: policy.policy, policyPath: policy.path, ruleSeverity: options.ruleSeverity }) };
  }
}
