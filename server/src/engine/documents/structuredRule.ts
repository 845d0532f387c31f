// Rules over JSON/YAML documents (Table Schemas, Data Packages, Phenopackets): the same
// contract as dataset rules, reading a positioned document instead of a table.
import type { Policy } from '../policy/policy';
import type { MessageTypes, RawFindingOf, RuleMeta } from '../rules/rule';
import type { StructuredDocument } from '../structured/structuredDocument';
import type { DocumentKind } from './classify';

export interface StructuredContext {
  path: string;
  kind: DocumentKind;
  doc: StructuredDocument;
  policy: Policy;
  /** Reads another file (a Data Package's schema path), undefined when absent. */
  read: (absolutePath: string) => string | undefined;
  /** The workspace root when known: files outside it are never read. */
  workspaceRoot?: string;
}

/**
 * `appliesTo` names the document kinds it reads. A rule that also reads datasets is one
 * object with both `check` (the dataset's) and `checkDocument`.
 */
export interface StructuredRule<M extends MessageTypes = any> extends RuleMeta<M> {
  checkDocument(context: StructuredContext): RawFindingOf<M>[];
}
