// SARIF 2.1.0 output, with every rule's metadata in tool.driver.rules so code-scanning
// UIs can show its description and docs link.
import * as path from 'node:path';
import { ALL_RULES, docsUrl } from '../engine';
import type { FileFinding } from './lintFiles';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function toSarif(findings: FileFinding[], version: string, cwd: string): object {
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cohort-lint',
          version,
          informationUri: docsUrl('README').replace(/README\.md$/, ''),
          rules: ALL_RULES.map((rule) => ({
            id: rule.id,
            shortDescription: { text: rule.description },
            helpUri: docsUrl(rule.id),
            defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
          })),
        },
      },
      results: findings.map((f) => ({
        ruleId: f.code,
        ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: path.relative(cwd, f.file).split(path.sep).join('/') },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        }],
        properties: f.data,
      })),
    }],
  };
}
