// Completion and hover in the policy file itself (cohortlint.yaml, .cohortlint.json),
// driven by the same JSON Schema that validates it, so an editor needs no YAML or JSON
// extension to guide the author: keys, rule ids, reference names and severities.
import * as jsonc from 'jsonc-parser';
import schema from '../../../../schemas/cohortlint.schema.json';
import { REFERENCES } from '../ancestry/references';
import { docsUrl } from '../docs';
import { ruleById } from '../rules';
import { LineIndex } from '../table/lineIndex';
import type { Position } from '../types';

export interface PolicyCompletion {
  label: string;
  kind: 'key' | 'value';
  detail?: string;
  documentation?: string;
  /** Text to insert (a key gets its colon). */
  insertText: string;
}

type Schema = Record<string, any>;
type KeyPath = (string | number)[];

function resolveRef(node: Schema | undefined): Schema | undefined {
  if (node && typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/definitions/', '');
    return { ...(schema as Schema).definitions?.[name], ...node, $ref: undefined };
  }
  return node;
}

/** The subschema describing the value at `path`. */
function schemaAt(path: KeyPath): Schema | undefined {
  let node: Schema | undefined = schema as Schema;
  for (const key of path) {
    node = resolveRef(node);
    if (!node) return undefined;
    // A value of several shapes (a path or an object): descend into the shape that has the key.
    const part = typeof key === 'number' ? 'items' : 'properties';
    if (!node[part] && Array.isArray(node.anyOf)) node = resolveRef(node.anyOf.find((alt: Schema) => resolveRef(alt)?.[part])) ?? node;
    if (typeof key === 'number') node = node.items;
    else node = node.properties?.[key] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return resolveRef(node);
}

function enumValues(node: Schema | undefined): string[] {
  if (!node) return [];
  const values = [...(node.enum ?? []), ...(node.then?.enum ?? [])];
  for (const alt of node.anyOf ?? []) values.push(...enumValues(resolveRef(alt)));
  return values.filter((v): v is string => typeof v === 'string');
}

function describeValue(path: KeyPath, value: string): string | undefined {
  if (path[path.length - 1] === 'reference') return REFERENCES.find((r) => r.id === value)?.label;
  if (path[path.length - 1] === 'rule') return ruleById(value)?.description;
  return undefined;
}

function keyCompletions(path: KeyPath, present: Set<string>, format: 'yaml' | 'json'): PolicyCompletion[] {
  const at = schemaAt(path);
  const node = at?.properties || !Array.isArray(at?.anyOf) ? at : resolveRef(at!.anyOf.find((alt: Schema) => resolveRef(alt)?.properties));
  if (!node?.properties) return [];
  return Object.entries(node.properties as Record<string, Schema>)
    .filter(([key]) => !present.has(key) && key !== '$schema')
    .map(([key, sub]) => {
      const rule = path.length === 1 && path[0] === 'rules' ? ruleById(key) : undefined;
      return {
        label: key,
        kind: 'key' as const,
        detail: rule ? `rule (default ${rule.defaultSeverity})` : undefined,
        documentation: rule ? `${rule.description}\n\n[Docs](${docsUrl(key)})` : resolveRef(sub)?.description,
        insertText: format === 'json' ? `"${key}": ` : `${key}: `,
      };
    });
}

function valueCompletions(path: KeyPath, format: 'yaml' | 'json'): PolicyCompletion[] {
  return enumValues(schemaAt(path)).map((value) => ({
    label: value,
    kind: 'value' as const,
    documentation: describeValue(path, value),
    insertText: format === 'json' ? `"${value}"` : value,
  }));
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** A YAML line's key and where its content starts (after `- ` on a list item line). */
function yamlLine(line: string): { content: number; item: boolean; key?: string } {
  const item = /^(\s*)-\s+/.exec(line);
  const content = item ? item[0].length : indentOf(line);
  const key = /^([\w$.-]+)\s*:/.exec(line.slice(content))?.[1];
  return { content, item: item !== null, key };
}

/**
 * The key path of the mapping that holds the cursor's line in a YAML document, found
 * from the lines above with less indentation. Enough for a policy file's block style.
 */
function yamlContext(lines: string[], lineNo: number, column: number): { path: KeyPath; key?: string; atValue: boolean; present: Set<string> } {
  const current = yamlLine(lines[lineNo].slice(0, column));
  const typed = lines[lineNo].slice(current.content, column);
  const atValue = current.key !== undefined && typed.includes(':');
  const path: KeyPath = current.item ? [0] : [];
  const present = new Set<string>();
  let want = current.item ? indentOf(lines[lineNo]) : current.content;
  let sameLevel = !current.item;
  for (let i = lineNo - 1; i >= 0; i--) {
    const line = lines[i];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const info = yamlLine(line);
    if (sameLevel && info.content === current.content && info.key) present.add(info.key);
    if (info.item && info.content <= want && indentOf(line) < want) {
      // The cursor is inside this list item: the item, then the list's own key above.
      if (sameLevel && info.content === current.content) sameLevel = false;
      path.unshift(0);
      want = indentOf(line);
      continue;
    }
    if (indentOf(line) < want && info.key) {
      sameLevel = false;
      path.unshift(info.key);
      want = indentOf(line);
    }
    if (want === 0) break;
  }
  return { path, key: atValue ? current.key : undefined, atValue, present };
}

export function policyCompletions(path: string, text: string, position: Position): PolicyCompletion[] {
  if (path.endsWith('.json')) {
    const offset = new LineIndex(text).offsetAt(position);
    const location = jsonc.getLocation(text, offset);
    const keyPath = location.path.filter((p) => p !== '') as KeyPath;
    if (location.isAtPropertyKey) return keyCompletions(keyPath.slice(0, -1), new Set(), 'json');
    return valueCompletions(keyPath, 'json');
  }
  const lines = text.split(/\r?\n/);
  if (position.line >= lines.length) return keyCompletions([], new Set(), 'yaml');
  const context = yamlContext(lines, position.line, position.character);
  if (context.atValue && context.key !== undefined) return valueCompletions([...context.path, context.key], 'yaml');
  return keyCompletions(context.path, context.present, 'yaml');
}

/** Markdown for the key or value under the cursor: its description, or the rule's. */
export function policyHoverAt(path: string, text: string, position: Position): string | undefined {
  const lines = text.split(/\r?\n/);
  const line = lines[position.line];
  if (line === undefined) return undefined;
  const word = /[\w$.:-]+/g;
  let hit: string | undefined;
  for (let m = word.exec(line); m; m = word.exec(line)) {
    if (position.character >= m.index && position.character <= m.index + m[0].length) hit = m[0].replace(/:$/, '').replace(/^"|"$/g, '');
  }
  if (!hit) return undefined;
  const rule = ruleById(hit);
  if (rule) return `**${rule.id}** (default ${rule.defaultSeverity})\n\n${rule.description}\n\n[Docs](${docsUrl(rule.id)})`;
  const reference = REFERENCES.find((r) => r.id === hit);
  if (reference) return `**${reference.id}**: ${reference.label}`;
  let keyPath: KeyPath;
  if (path.endsWith('.json')) {
    keyPath = jsonc.getLocation(text, new LineIndex(text).offsetAt(position)).path.filter((p) => p !== '') as KeyPath;
  } else {
    const context = yamlContext(lines, position.line, line.length);
    keyPath = context.key !== undefined ? [...context.path, context.key] : context.path;
  }
  const node = schemaAt(keyPath);
  const description = node?.description;
  if (!description) return undefined;
  const defaults = node.default !== undefined ? `\n\nDefault: \`${JSON.stringify(node.default)}\`` : '';
  return `**${keyPath.filter((k) => typeof k === 'string').join('.')}**\n\n${description}${defaults}`;
}
