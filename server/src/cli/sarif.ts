// SARIF 2.1.0 output (OASIS), checked by Microsoft's SARIF validator (sarif-multitool,
// test/unit/sarif.test.ts): every rule's metadata in tool.driver.rules (id, a friendly
// name, descriptions, help and its docs link), artifact URIs relative to SRCROOT (the
// working directory) and percent-encoded, UTF-16 columns as LSP positions are, and the
// invocation's outcome.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES, isWithin, type RuleMeta } from '../engine';
import { ruleDocsUrl } from './docsLinks';
import type { FileFinding } from './lintFiles';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** "consent-value-missing" -> "ConsentValueMissing": SARIF's friendly rule name. */
export function friendlyName(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

const TARGET_TEXT = { dataset: 'CSV/TSV datasets', cohort: 'the tables of a multi-table cohort', policy: 'the policy file', tableSchema: 'Table Schemas', dataPackage: 'Data Packages', phenopacket: 'Phenopackets', any: 'any file Cohort Lint reads' } as const;

function appliesToText(rule: RuleMeta): string {
  const names = rule.appliesTo.map((target) => TARGET_TEXT[target]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
}

function ruleDescriptor(rule: RuleMeta, docsBase: string | undefined) {
  // A public page when a docs base is configured (docsLinks.ts); never a local file:// path.
  const helpUri = ruleDocsUrl(docsBase, rule.id);
  const page = helpUri ?? `docs/rules/${rule.id}.md in the Cohort Lint package`;
  const description = sentence(rule.description);
  return {
    id: rule.id,
    name: friendlyName(rule.id),
    shortDescription: { text: description },
    fullDescription: { text: `${description} Applies to ${appliesToText(rule)}; default severity ${rule.defaultSeverity}${rule.fixable ? '; quick fixes are offered in the editor' : ''}.` },
    help: {
      text: `${description} What it reports, why, how to fix and how to configure it: ${page}`,
      markdown: helpUri
        ? `${description} [What it reports, why, how to fix and how to configure it](${helpUri}).`
        : `${description} What it reports, why, how to fix and how to configure it: \`${page}\`.`,
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: [rule.id.split('-')[0]] },
  };
}

/** A file as a URI reference: relative to SRCROOT when inside the working directory, else an absolute file URL. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  if (relative === '' || !isWithin(file, cwd)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

function region(f: FileFinding) {
  const start = f.range.start;
  const end = f.range.end;
  // A finding on an empty cell is an insertion point: a region one column wide keeps it visible.
  const sameSpot = end.line === start.line && end.character <= start.character;
  return {
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: sameSpot ? start.line + 1 : end.line + 1,
    endColumn: sameSpot ? start.character + 2 : end.character + 1,
  };
}

export interface SarifInvocation {
  startTimeUtc?: string;
  endTimeUtc?: string;
}

/** `docsBase`: the public http(s) base of the rule pages (sarifDocsBase), or none. */
export function toSarif(findings: FileFinding[], version: string, cwd: string, invocation: SarifInvocation = {}, docsBase?: string): object {
  const informationUri = ruleDocsUrl(docsBase, 'README');
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cohort-lint',
          fullName: 'Cohort Lint',
          version,
          semanticVersion: version,
          ...(informationUri ? { informationUri } : {}),
          rules: ALL_RULES.map((rule) => ruleDescriptor(rule, docsBase)),
        },
      },
      invocations: [{ executionSuccessful: true, ...invocation }],
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
      columnKind: 'utf16CodeUnits',
      results: findings.map((f) => ({
        ruleId: f.code,
        ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
        level: LEVEL[f.severity],
        // The verdict is the message's first sentence, which SARIF viewers show as its
        // summary (SARIF 2.1.0 §3.11.4); the arithmetic follows, since a CI log has no hover.
        message: { text: f.detail ? `${sentence(f.message)} ${sentence(f.detail)}` : sentence(f.message) },
        locations: [{
          physicalLocation: {
            artifactLocation: artifactLocation(f.file, cwd),
            region: region(f),
          },
        }],
        // The message id goes in the property bag, not message.id: SARIF's message.id looks a
        // template up in the rule's messageStrings, and ours are computed sentences, not
        // templates, so a viewer that prefers the lookup would show a generic string.
        properties: { messageId: f.messageId, ...f.data },
      })),
    }],
  };
}
