// Where each rule's docs page lives. The pages ship with the extension (docs/rules), so
// links work offline; the server makes no network requests. COHORT_LINT_DOCS_BASE can
// point them at a published copy instead.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let cachedBase: string | undefined;

function docsBase(): string {
  if (cachedBase) return cachedBase;
  const fromEnv = process.env.COHORT_LINT_DOCS_BASE;
  if (fromEnv) return (cachedBase = fromEnv.endsWith('/') ? fromEnv : `${fromEnv}/`);
  // The bundle sits in server/dist, the transpiled tests deeper in out/: walk up to the
  // folder that holds docs/rules.
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'docs', 'rules'))) break;
    dir = path.dirname(dir);
  }
  return (cachedBase = pathToFileURL(path.join(dir, 'docs', 'rules')).href + '/');
}

export function docsUrl(ruleId: string): string {
  return `${docsBase()}${ruleId}.md`;
}
