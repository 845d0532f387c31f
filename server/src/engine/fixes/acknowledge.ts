// "Acknowledge in policy file": appends {rule, column, group, reason} to the policy's
// `acknowledged` list, creating cohortlint.yaml when there is none. Edits are minimal
// insertions, so the author's comments and layout stay as they were.
import * as jsonc from 'jsonc-parser';
import * as path from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import type { LoadedPolicy } from '../policy/loadPolicy';
import { LineIndex } from '../table/lineIndex';
import type { Fix, TextEdit } from '../types';
import { NEW_POLICY_FILE_NAME } from '../../../../common/policyFiles';

export const REASON_PLACEHOLDER = 'TODO: say why this is acceptable for the intended use';

export interface AcknowledgementEntry {
  rule: string;
  column: string;
  group: string;
  reason: string;
}

function yamlScalar(value: string): string {
  return JSON.stringify(value);
}

function yamlItem(entry: AcknowledgementEntry, indent: string, eol: string): string {
  return [
    `${indent}- rule: ${entry.rule}`,
    `${indent}  column: ${yamlScalar(entry.column)}`,
    `${indent}  group: ${yamlScalar(entry.group)}`,
    `${indent}  reason: ${yamlScalar(entry.reason)}`,
  ].join(eol);
}

function insertAt(lines: LineIndex, offset: number, newText: string): TextEdit {
  const position = lines.positionAt(offset);
  return { range: { start: position, end: position }, newText };
}

function yamlEdits(text: string, entry: AcknowledgementEntry): TextEdit[] {
  const lines = new LineIndex(text);
  // Keep the file's own line endings, so a CRLF file stays CRLF.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(text);
  const list = doc.get('acknowledged', true);
  if (list === undefined) {
    const separator = text.length === 0 || text.endsWith('\n') ? '' : eol;
    return [insertAt(lines, text.length, `${separator}acknowledged:${eol}${yamlItem(entry, '  ', eol)}${eol}`)];
  }
  if (isSeq(list) && !list.flow && list.items.length > 0 && list.range) {
    const first = list.items[0] as { range?: [number, number, number] };
    const firstLine = lines.positionAt(first.range?.[0] ?? list.range[0]).line;
    const indent = /^(\s*)-/.exec(text.slice(lines.lineStart(firstLine), lines.lineEnd(firstLine)))?.[1] ?? '  ';
    const last = list.items[list.items.length - 1] as { range?: [number, number, number] };
    const lastLine = lines.positionAt(Math.max((last.range?.[1] ?? list.range[1]) - 1, 0)).line;
    return [insertAt(lines, lines.lineEnd(lastLine), `${eol}${yamlItem(entry, indent, eol)}`)];
  }
  // An empty, flow-style or null list: only the list's own text is replaced, by a flow
  // list (JSON is valid YAML), so comments and line endings around it stay untouched.
  const existing = isSeq(list) ? (list.toJSON() as unknown[]) : [];
  const flow = JSON.stringify([...existing, entry]);
  const range = (list as { range?: [number, number, number] } | null)?.range;
  if (!range || range[0] === range[1]) {
    const keyEnd = text.search(/^acknowledged:/m) + 'acknowledged:'.length;
    return [insertAt(lines, keyEnd, ` ${flow}`)];
  }
  return [{ range: lines.range(range[0], range[1]), newText: flow }];
}

function jsonEdits(text: string, entry: AcknowledgementEntry): TextEdit[] {
  const lines = new LineIndex(text);
  const tree = jsonc.parseTree(text);
  const exists = tree ? jsonc.findNodeAtLocation(tree, ['acknowledged'])?.type === 'array' : false;
  const edits = exists
    ? jsonc.modify(text, ['acknowledged', -1], entry, { formattingOptions: { insertSpaces: true, tabSize: 2 } })
    : jsonc.modify(text.trim() === '' ? '{}' : text, ['acknowledged'], [entry], { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  if (text.trim() === '') return [{ range: lines.range(0, text.length), newText: jsonc.applyEdits('{}', edits) }];
  return edits.map((e) => ({ range: lines.range(e.offset, e.offset + e.length), newText: e.content }));
}

export function acknowledgeFix(
  entry: AcknowledgementEntry,
  loaded: LoadedPolicy,
  read: (p: string) => string | undefined,
  newPolicyDir: string,
): Fix {
  const title = `Acknowledge ${entry.group} in "${entry.column}" in the policy file`;
  const existing = loaded.path ? read(loaded.path) : undefined;
  if (loaded.path && existing !== undefined) {
    const edits = loaded.path.endsWith('.json') ? jsonEdits(existing, entry) : yamlEdits(existing, entry);
    return { title, changes: [{ path: loaded.path, edits }] };
  }
  const target = path.join(newPolicyDir, NEW_POLICY_FILE_NAME);
  const content = `# Cohort Lint policy. Acknowledged findings are shown as hints that quote their reason.\nacknowledged:\n${yamlItem(entry, '  ', '\n')}\n`;
  return { title, changes: [{ path: target, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] }] };
}
