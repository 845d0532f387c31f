// Reads a policy file with source positions (yaml / jsonc-parser), validates it against
// the shipped JSON Schema, and turns every problem into a positioned config-invalid
// finding. An invalid key falls back to its default until it is fixed; the rest applies.
import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../../schemas/cohortlint.schema.json';
import { internalErrorFinding } from '../isolation';
import { policySchemaPathFindings } from '../schema/policySchemaPaths';
import { parseStructured, type StructuredDocument } from '../structured/structuredDocument';
import type { Finding, Range } from '../types';
import { defaultPolicy, policyFromObject, type Policy } from './policy';
import { errorSegments, validPart } from './validPart';

/** What stays in force while a value is invalid: that key's default, or nothing of a list entry. */
function fallbackNote(error: ErrorObject, path: (string | number)[]): string {
  if (error.keyword === 'additionalProperties') return 'It is ignored; the rest of the policy applies.';
  if (path.length === 0) return 'Defaults apply until this is fixed.';
  if (typeof path[path.length - 1] === 'number') return 'This entry is left out until it is fixed; the rest of the policy applies.';
  return 'This key takes its default until it is fixed; the rest of the policy applies.';
}

export interface LoadedPolicy {
  path?: string;
  findings: Finding[];
  policy: Policy;
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** config-invalid's messages about the policy file itself (rules/outcome/outcomeConfigInvalid.ts declares them). */
type PolicyMessageId = 'parse' | 'key' | 'schema-path';

function configFinding(messageId: PolicyMessageId, range: Range, message: string, detail: string | undefined, data: object = {}): Finding {
  // A remote schema is a valid wish Cohort Lint cannot honour offline: a warning, not an error.
  return { code: 'config-invalid', messageId, severity: 'problem' in data && data.problem === 'remote' ? 'warning' : 'error', range, message, ...(detail ? { detail } : {}), data: { ...data } };
}

/** A verdict's length at most: a parser's or the schema's own text past it is cut at a word, and stated whole in the detail. */
const VERDICT_CHARS = 110;

/** `text` cut at a word to at most VERDICT_CHARS characters ("…" marks the cut), and whether it was cut. */
function clip(text: string): { text: string; cut: boolean } {
  if (text.length <= VERDICT_CHARS) return { text, cut: false };
  const head = text.slice(0, VERDICT_CHARS - 1);
  const space = head.lastIndexOf(' ');
  return { text: `${(space > VERDICT_CHARS / 2 ? head.slice(0, space) : head).replace(/[\s,;:]+$/, '')}…`, cut: true };
}

/** A parse error: its verdict says the defaults apply when that fits; the detail has the parser's text whole. */
function parseFinding(message: string, range: Range): Finding {
  const withConsequence = `${message}: defaults apply`;
  if (withConsequence.length <= VERDICT_CHARS) return configFinding('parse', range, withConsequence, 'Defaults apply until this is fixed.');
  return configFinding('parse', range, clip(message).text, `${message}. Defaults apply until this is fixed.`);
}

/** The schema error as a verdict (no closing period) and, when the verdict leaves something out, all of it. */
function describe(error: ErrorObject): { verdict: string; whole?: string } {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the policy';
  if (error.keyword === 'additionalProperties') return { verdict: `Unknown key "${(error.params as any).additionalProperty}" in ${where}` };
  if (error.keyword === 'enum') {
    const allowed = (error.params as any).allowedValues as unknown[];
    const whole = `${where} must be one of: ${allowed.join(', ')}`;
    return whole.length <= VERDICT_CHARS ? { verdict: whole } : { verdict: `${where} must be one of its ${allowed.length} allowed values`, whole };
  }
  const whole = `${where} ${error.message ?? 'is invalid'}`;
  const clipped = clip(whole);
  return clipped.cut ? { verdict: clipped.text, whole } : { verdict: whole };
}

/** Keeps only the most useful error per location (anyOf/oneOf produce several). */
function schemaFindings(errors: ErrorObject[], doc: StructuredDocument): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  // A value that fits none of a key's alternatives (anyOf) draws an error per alternative;
  // when one alternative got deeper (intendedUse.disease's pattern), that error is the
  // useful one and the shallower ones at its ancestors are noise.
  const alternativeNoise = new Set(['type', 'enum', 'anyOf', 'oneOf', 'if', 'const']);
  const deeper = (error: ErrorObject) => errors.some((other) => other.instancePath.startsWith(`${error.instancePath}/`));
  for (const error of errors) {
    if (alternativeNoise.has(error.keyword) && deeper(error)) continue;
    const path = errorSegments(error);
    const key = path.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    const range = doc.locate(path, error.keyword === 'additionalProperties' ? 'key' : 'value');
    const { verdict, whole } = describe(error);
    findings.push(configFinding('key', range, verdict, `${whole ? `${whole}. ` : ''}${fallbackNote(error, path)}`, { path: key }));
  }
  return findings;
}

/**
 * Loads the policy at `policyPath` (defaults when there is none). `workspaceRoot` bounds
 * the schema paths its `schema:` map may name: one outside is reported, never read.
 */
export function loadPolicy(policyPath: string | undefined, read: (p: string) => string | undefined, workspaceRoot?: string): LoadedPolicy {
  if (!policyPath) return { findings: [], policy: defaultPolicy() };
  const text = read(policyPath);
  if (text === undefined) return { path: policyPath, findings: [], policy: defaultPolicy() };
  try {
    return readPolicy(policyPath, text, read, workspaceRoot);
  } catch (error) {
    return { path: policyPath, findings: [internalErrorFinding('read this policy file', error, 'the defaults apply to its datasets')], policy: defaultPolicy() };
  }
}

function readPolicy(policyPath: string, text: string, read: (p: string) => string | undefined, workspaceRoot: string | undefined): LoadedPolicy {
  const doc = parseStructured(policyPath, text);
  if (doc.parseErrors.length > 0) {
    const findings = doc.parseErrors.map((e) => parseFinding(e.message, e.range));
    return { path: policyPath, findings, policy: defaultPolicy() };
  }
  const raw = doc.value === null || doc.value === undefined ? {} : doc.value;
  // Only what the schema rejects falls back to its default; every valid key still applies.
  const valid = validPart(raw, validate);
  const findings = schemaFindings(valid.errors, doc);
  const policy = valid.value ? policyFromObject(valid.value as Record<string, any>) : defaultPolicy();
  const pathFindings = policySchemaPathFindings(policyPath, doc, policy.schemas, read, workspaceRoot)
    .map((f) => configFinding('schema-path', f.range, f.message, f.detail, f.data));
  return { path: policyPath, findings: [...findings, ...pathFindings], policy };
}
