// JSON and YAML documents with source positions: the policy file, Table Schemas, Data
// Package descriptors and Phenopackets all need a finding to sit on the exact key or
// value, so they share this one parse (jsonc-parser for JSON, yaml for YAML).
import * as jsonc from 'jsonc-parser';
import { isNode, isMap, isSeq, parseDocument, type Document } from 'yaml';
import { LineIndex } from '../table/lineIndex';
import type { Range } from '../types';
import { jsonValue } from './jsonValue';
import { nestingTooDeep } from './nesting';
import { safeText } from './safeText';
import { yamlValue } from './yamlValue';

export type DocPath = (string | number)[];

export interface ParseProblem {
  range: Range;
  message: string;
}

export interface StructuredDocument {
  format: 'json' | 'yaml';
  text: string;
  lines: LineIndex;
  /** The parsed value; undefined when the text has syntax errors. */
  value: unknown;
  parseErrors: ParseProblem[];
  /** Offsets of the node at `path` (its key's when `target` is 'key'), or undefined. */
  span(path: DocPath, target?: 'key' | 'value'): { start: number; end: number } | undefined;
  /** The range of the node at `path`, or of its nearest existing ancestor (the whole document at worst). */
  locate(path: DocPath, target?: 'key' | 'value'): Range;
}

export function formatOf(path: string): 'json' | 'yaml' {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
}

function jsonDocument(text: string, lines: LineIndex): Omit<StructuredDocument, 'locate'> {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const parseErrors = errors.map((e) => ({
    range: lines.range(e.offset, e.offset + Math.max(1, e.length)),
    message: `JSON syntax error: ${jsonc.printParseErrorCode(e.error)}`,
  }));
  return {
    format: 'json', text, lines, parseErrors,
    value: errors.length === 0 && tree ? jsonValue(tree) : undefined,
    span(path, target = 'value') {
      if (!tree) return undefined;
      const node = path.length === 0 ? tree : jsonc.findNodeAtLocation(tree, path);
      if (!node) return undefined;
      const chosen = target === 'key' && node.parent?.type === 'property' ? node.parent.children![0] : node;
      return { start: chosen.offset, end: chosen.offset + chosen.length };
    },
  };
}

function yamlNodeAt(doc: Document, path: DocPath, target: 'key' | 'value'): { range?: [number, number, number] } | undefined {
  if (path.length === 0) return doc.contents as { range?: [number, number, number] } | undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isNode(item.key) && safeText((item.key as { value?: unknown }).value) === String(last));
    if (!pair) return undefined;
    return (target === 'key' ? pair.key : pair.value) as { range?: [number, number, number] } | undefined;
  }
  if (isSeq(parent) && typeof last === 'number') return parent.items[last] as { range?: [number, number, number] } | undefined;
  return undefined;
}

function yamlDocument(text: string, lines: LineIndex): Omit<StructuredDocument, 'locate'> {
  // logLevel 'error': the library's warnings (collection keys, unknown tags) would go to stderr.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const parseErrors = doc.errors.map((e) => ({
    range: lines.range(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
    message: `YAML syntax error: ${e.message.split('\n')[0]}`,
  }));
  // Aliases that cannot be expanded (unresolved, or expanding past the bound) are parse problems too.
  const read = parseErrors.length === 0 ? yamlValue(doc, lines) : { value: undefined };
  if (read.problem) parseErrors.push(read.problem);
  return {
    format: 'yaml', text, lines, parseErrors,
    value: read.value,
    span(path, target = 'value') {
      const node = yamlNodeAt(doc, path, target);
      if (!node?.range) return undefined;
      return { start: node.range[0], end: node.range[1] };
    },
  };
}

/** A text nested past the limit is never handed to a parser (see nesting.ts). */
function tooDeepDocument(format: 'json' | 'yaml', text: string, lines: LineIndex, offset: number, limit: number): Omit<StructuredDocument, 'locate'> {
  return {
    format, text, lines, value: undefined,
    parseErrors: [{ range: lines.range(offset, offset + 1), message: `${format === 'json' ? 'JSON' : 'YAML'} nested more than ${limit} levels deep here; Cohort Lint reads at most ${limit} levels` }],
    span: () => undefined,
  };
}

export function parseStructured(path: string, text: string): StructuredDocument {
  const lines = new LineIndex(text);
  const format = formatOf(path);
  const deep = nestingTooDeep(text, format);
  const base = deep ? tooDeepDocument(format, text, lines, deep.offset, deep.limit)
    : format === 'yaml' ? yamlDocument(text, lines) : jsonDocument(text, lines);
  return {
    ...base,
    locate(docPath, target = 'value') {
      for (let n = docPath.length; n >= 0; n--) {
        const span = base.span(docPath.slice(0, n), n === docPath.length ? target : 'value');
        if (span) return lines.range(span.start, span.end);
      }
      return lines.range(0, Math.min(text.length, lines.lineEnd(0)));
    },
  };
}
