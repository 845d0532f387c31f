// The engine's public surface: what the LSP wiring, the CLI and the tests use.
export type { Finding, Fix, Position, Range, Severity, SeverityOrOff, TextEdit } from './types';
export type { LintOptions, DatasetAnalysis, DatasetEnvironment } from './lintDataset';
export type { DocumentAnalysis, DocumentEnvironment, PolicyAnalysis } from './lintDocument';
export type { StructuredAnalysis } from './documents/lintStructured';
export type { DocumentKind } from './documents/classify';
export type { LoadedPolicy } from './policy/loadPolicy';
export type { RuleMeta } from './rules/rule';

export { lintDataset, lintDatasetFile, profileBlocksSteps } from './lintDataset';
export { lintParquetFile, PARQUET_FILE } from './lintParquet';
export { datasetSchema, lintDocument, lintDocumentSteps } from './lintDocument';
export { withCohortFindings } from './cohort/lintCohort';
export { cohortFilesOf } from './cohort/discover';
export { internalErrorFinding, INTERNAL_ERROR } from './isolation';
export { decodeBytes, type DecodeReport } from './table/decode';
export { classifyDocument, isStructuredPath } from './documents/classify';
export { findDatasetSchema } from './schema/findDatasetSchema';
export { outcomeInputsFor } from './outcome/predictions';
export { loadPolicy } from './policy/loadPolicy';
export { policyFileFindings } from './finish';
export { findPolicyFile, isPolicyFile } from './policy/findPolicyFile';
export { policyCompletions, policyHoverAt, type PolicyCompletion } from './policy/assist';
export { hoverAt } from './hover';
export { buildReport, type ReportModel } from './report/model';
export { renderHtml } from './report/renderHtml';
export { renderMarkdown } from './report/renderMarkdown';
export { fixesFor } from './fixes';
export { fixAllFor } from './fixes/fixAll';
export { turnOffRuleFix } from './fixes/turnOffRule';
export { docsUrl } from './docs';
export { insideWorkspace, isSymbolicLink, isWithin } from './workspace';
export { ALL_RULES, ruleById } from './rules';
export { ownRegistryProblems as registryProblems } from './registry';

/** Reads a file's text or returns undefined when it does not exist. */
export type ReadFile = (absolutePath: string) => string | undefined;
