// What kind of document a file is, so each gets its own rules: datasets by language or
// extension; JSON/YAML by name, then by shape (a Table Schema's `fields` array of named
// objects, a Phenopacket's metaData and phenotypicFeatures).
import * as path from 'node:path';
import { isPolicyFile } from '../policy/findPolicyFile';

export type DocumentKind = 'dataset' | 'policy' | 'tableSchema' | 'dataPackage' | 'phenopacket';

const DATASET_EXTENSIONS = /\.(csv|tsv|tab)$/i;
const STRUCTURED_EXTENSIONS = /\.(json|ya?ml)$/i;

export function isStructuredPath(filePath: string): boolean {
  return STRUCTURED_EXTENSIONS.test(filePath);
}

/** Cheap checks on the text, so unrelated JSON/YAML files are never parsed. */
function shapeOf(text: string): DocumentKind | undefined {
  const head = text.slice(0, 200_000);
  // Phenopackets in protobuf JSON (camelCase) or in the schema's own snake_case names.
  if (/["']?phenotypic(Features|_features)["']?\s*:/.test(head)
    || (/["']?meta(Data|_data)["']?\s*:/.test(head) && /["']?phenopacket(SchemaVersion|_schema_version)["']?\s*:/.test(head))) return 'phenopacket';
  if (/["']?resources["']?\s*:/.test(head) && /["']?(schema|path)["']?\s*:/.test(head) && /["']?profile["']?\s*:\s*["']?(tabular-)?data-(package|resource)/.test(head)) return 'dataPackage';
  if ((/["']fields["']\s*:\s*\[/.test(head) || /^[ \t]*fields[ \t]*:/m.test(head)) && /["']?name["']?\s*:/.test(head)) return 'tableSchema';
  return undefined;
}

export function classifyDocument(filePath: string, text: string, languageId?: string): DocumentKind | undefined {
  const base = path.basename(filePath).toLowerCase();
  if (isPolicyFile(filePath)) return 'policy';
  if (languageId === 'csv' || languageId === 'tsv' || DATASET_EXTENSIONS.test(base)) return 'dataset';
  if (!STRUCTURED_EXTENSIONS.test(base)) return undefined;
  if (/^datapackage\.(json|ya?ml)$/.test(base)) return 'dataPackage';
  if (/\.schema\.(json|ya?ml)$/.test(base) || base === 'tableschema.json') return 'tableSchema';
  return shapeOf(text);
}
