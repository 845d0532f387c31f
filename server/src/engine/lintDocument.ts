// The one entry point for any document: classify it, then lint it as a dataset, a
// policy file or a JSON/YAML document (Table Schema, Data Package, Phenopacket).
import { classifyDocument, type DocumentKind } from './documents/classify';
import { lintStructured, type StructuredAnalysis } from './documents/lintStructured';
import { lintDataset, type DatasetAnalysis, type LintOptions } from './lintDataset';
import { loadPolicy, type LoadedPolicy } from './policy/loadPolicy';
import { outcomeInputsFor } from './outcome/predictions';
import { findDatasetSchema } from './schema/findDatasetSchema';
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
}

/** Lints any document Cohort Lint knows; undefined for documents it does not (plain JSON, say). */
export function lintDocument(path: string, text: string, languageId: string | undefined, environment: DocumentEnvironment): DocumentAnalysis | undefined {
  const kind = environment.kind ?? classifyDocument(path, text, languageId);
  const { policy, read, workspaceRoot, options } = environment;
  switch (kind) {
    case undefined:
      return undefined;
    case 'dataset':
      return lintDataset(path, text, languageId, policy, options, {
        schema: findDatasetSchema(path, policy, read, workspaceRoot),
        outcome: outcomeInputsFor(path, policy, read, workspaceRoot),
      });
    case 'policy':
      return { kind: 'policy', path, findings: loadPolicy(path, (p) => (p === path ? text : read(p)), workspaceRoot).findings };
    default:
      return lintStructured(path, text, kind, policy, { read, workspaceRoot }, options);
  }
}
