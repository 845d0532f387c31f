// Reads a policy file with source positions (yaml / jsonc-parser), validates it against
// the shipped JSON Schema, and turns every problem into a positioned config-invalid
// finding. An invalid policy leaves the defaults in force until it is fixed.
import Ajv, { type ErrorObject } from 'ajv';
import * as jsonc from 'jsonc-parser';
import { LineCounter, isNode, parseDocument } from 'yaml';
import schema from '../../../../schemas/cohortlint.schema.json';
import { LineIndex } from '../table/lineIndex';
import type { Finding, Range } from '../types';
import { defaultPolicy, policyFromObject, type Policy } from './policy';

export interface LoadedPolicy {
  path?: string;
  findings: Finding[];
  policy: Policy;
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Where a value lives in the policy file, by its path of keys and indices. */
type Locate = (pathInDoc: (string | number)[], preferKey: boolean) => Range | undefined;

function configFinding(range: Range, message: string, data: Record<string, unknown> = {}): Finding {
  return { code: 'config-invalid', severity: 'error', range, message, data };
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the policy';
  if (error.keyword === 'additionalProperties') return `Unknown key "${(error.params as any).additionalProperty}" in ${where}.`;
  if (error.keyword === 'enum') return `${where} must be one of: ${((error.params as any).allowedValues as unknown[]).join(', ')}.`;
  return `${where} ${error.message ?? 'is invalid'}.`;
}

function errorPath(error: ErrorObject): (string | number)[] {
  const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const numeric = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (error.keyword === 'additionalProperties') numeric.push((error.params as any).additionalProperty);
  return numeric;
}

/** Keeps only the most useful error per location (anyOf/oneOf produce several). */
function schemaFindings(raw: unknown, locate: Locate, whole: Range): Finding[] {
  if (validate(raw)) return [];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const error of validate.errors ?? []) {
    const path = errorPath(error);
    const key = path.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    const range = locate(path, error.keyword === 'additionalProperties') ?? whole;
    findings.push(configFinding(range, `${describe(error)} Defaults apply until this is fixed.`, { path: key }));
  }
  return findings;
}

function loadYaml(text: string, lines: LineIndex): { raw?: unknown; findings: Finding[]; locate: Locate } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, prettyErrors: false });
  const locate: Locate = (pathInDoc, preferKey) => {
    for (let n = pathInDoc.length; n >= 0; n--) {
      const sub = pathInDoc.slice(0, n);
      if (preferKey && n === pathInDoc.length && n > 0) {
        const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
        const pair = (parent as any)?.items?.find((item: any) => isNode(item.key) && (item.key as any).value === sub[sub.length - 1]);
        if (pair?.key?.range) return lines.range(pair.key.range[0], pair.key.range[1]);
      }
      const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
      if (isNode(node) && node.range) return lines.range(node.range[0], node.range[1]);
    }
    return undefined;
  };
  if (doc.errors.length > 0) {
    return {
      findings: doc.errors.map((e) => configFinding(lines.range(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)), `YAML error: ${e.message.split('\n')[0]}. Defaults apply until this is fixed.`)),
      locate,
    };
  }
  return { raw: doc.toJS() ?? {}, findings: [], locate };
}

function loadJson(text: string, lines: LineIndex): { raw?: unknown; findings: Finding[]; locate: Locate } {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true });
  const locate: Locate = (pathInDoc, preferKey) => {
    if (!tree) return undefined;
    for (let n = pathInDoc.length; n >= 0; n--) {
      const node = jsonc.findNodeAtLocation(tree, pathInDoc.slice(0, n));
      if (!node) continue;
      const target = preferKey && n === pathInDoc.length && node.parent?.type === 'property' ? node.parent.children![0] : node;
      return lines.range(target.offset, target.offset + target.length);
    }
    return undefined;
  };
  if (errors.length > 0) {
    return {
      findings: errors.map((e) => configFinding(lines.range(e.offset, e.offset + Math.max(1, e.length)), `JSON error: ${jsonc.printParseErrorCode(e.error)}. Defaults apply until this is fixed.`)),
      locate,
    };
  }
  return { raw: tree ? jsonc.getNodeValue(tree) : {}, findings: [], locate };
}

export function loadPolicy(policyPath: string | undefined, read: (p: string) => string | undefined): LoadedPolicy {
  if (!policyPath) return { findings: [], policy: defaultPolicy() };
  const text = read(policyPath);
  if (text === undefined) return { path: policyPath, findings: [], policy: defaultPolicy() };
  const lines = new LineIndex(text);
  const whole = lines.range(0, Math.min(text.length, lines.lineEnd(0)));
  const parsed = policyPath.endsWith('.json') ? loadJson(text, lines) : loadYaml(text, lines);
  if (parsed.findings.length > 0) return { path: policyPath, findings: parsed.findings, policy: defaultPolicy() };
  const raw = parsed.raw === null || parsed.raw === undefined ? {} : parsed.raw;
  const findings = schemaFindings(raw, parsed.locate, whole);
  if (findings.length > 0) return { path: policyPath, findings, policy: defaultPolicy() };
  return { path: policyPath, findings: [], policy: policyFromObject(raw as Record<string, any>) };
}
