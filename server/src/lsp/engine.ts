// The slice of the engine the LSP wiring uses. Passed in rather than imported in each
// module so a test can run the real wiring over a failing engine.
import type * as EngineModule from '../engine';

export type Engine = Pick<typeof EngineModule,
  'findPolicyFile' | 'loadPolicy' | 'lintDocument' | 'lintDocumentSteps' | 'classifyDocument' | 'hoverAt' | 'fixesFor' | 'isPolicyFile' | 'docsUrl' | 'policyCompletions' | 'policyHoverAt'
  | 'fixAllFor' | 'turnOffRuleFix' | 'lintDatasetFile' | 'findDatasetSchema' | 'registryProblems' | 'policyFileFindings' | 'withCohortFindings' | 'buildReport' | 'renderHtml' | 'lintParquetFile' | 'profileBlocksSteps'>;

export type { DocumentAnalysis, DocumentKind, Finding, Fix, LoadedPolicy, ReadFile, Severity, SeverityOrOff } from '../engine';
