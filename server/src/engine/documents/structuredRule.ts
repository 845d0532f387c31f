// Rules over JSON/YAML documents (Table Schemas, Data Packages, Phenopackets): the same
// contract as dataset rules, reading a positioned document instead of a table.
import type { Policy } from '../policy/policy';
import type { RawFinding, RuleMeta } from '../rules/rule';
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

export interface StructuredRule extends RuleMeta {
  appliesTo: 'tableSchema' | 'dataPackage' | 'phenopacket' | 'structured';
  /** The kinds of document this rule reads. */
  kinds: DocumentKind[];
  check(context: StructuredContext): RawFinding[];
}
