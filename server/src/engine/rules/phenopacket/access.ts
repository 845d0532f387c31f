// Reading a Phenopacket v2 document as JSON or YAML. Protobuf's JSON mapping writes
// lowerCamelCase keys (metaData, phenotypicFeatures), and parsers also accept the
// proto's snake_case names (meta_data), so both are read; findings name the key as written.
import type { DocPath, StructuredDocument } from '../../structured/structuredDocument';
import type { Range } from '../../types';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function snake(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The key under which `camel` (or its snake_case form) is written in `object`, if any. */
export function keyOf(object: Json, camel: string): string | undefined {
  if (camel in object) return camel;
  const s = snake(camel);
  return s in object ? s : undefined;
}

export function field(object: Json, camel: string): unknown {
  const key = keyOf(object, camel);
  return key === undefined ? undefined : object[key];
}

/** A present, non-empty value: absent keys, null and "" all count as not given. */
export function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** The first line of the node at `path`: an object's `{` line, not all of its lines. */
export function firstLine(doc: StructuredDocument, path: DocPath): Range {
  const range = doc.locate(path, path.length > 0 && typeof path[path.length - 1] === 'string' ? 'key' : 'value');
  if (range.end.line === range.start.line) return range;
  const lineEnd = doc.lines.lineEnd(range.start.line) - doc.lines.lineStart(range.start.line);
  return { start: range.start, end: { line: range.start.line, character: lineEnd } };
}

/** A CURIE's prefix: `HP` of `HP:0001250`. */
export function curiePrefix(id: string): string | undefined {
  return /^([A-Za-z][A-Za-z0-9_.-]*):\S/.exec(id)?.[1];
}

export interface TermUse {
  id: string;
  /** Path of the id value. */
  path: DocPath;
}

/**
 * Every ontology term the document uses: OntologyClass objects ({id, label}) anywhere, and
 * gene descriptors' valueId. External references ({id, reference, description}) are
 * citations, not terms, and need no resource.
 */
export function termUses(value: unknown, path: DocPath = []): TermUse[] {
  const uses: TermUse[] = [];
  const visit = (node: unknown, at: DocPath): void => {
    if (Array.isArray(node)) { node.forEach((item, i) => visit(item, [...at, i])); return; }
    if (!isObject(node)) return;
    if (typeof node.id === 'string' && typeof node.label === 'string') uses.push({ id: node.id, path: [...at, 'id'] });
    const valueIdKey = keyOf(node, 'valueId');
    if (valueIdKey && typeof node[valueIdKey] === 'string') uses.push({ id: node[valueIdKey] as string, path: [...at, valueIdKey] });
    for (const [key, child] of Object.entries(node)) {
      if (key === 'externalReferences' || key === 'external_references') continue;
      visit(child, [...at, key]);
    }
  };
  visit(value, path);
  return uses;
}
