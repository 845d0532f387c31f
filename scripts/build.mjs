// Builds the shipped bundles (client, server, CLI) and transpiles the tests one file to
// one file, so Mocha and node:test load them without a bundler's module wrapper.
import { build } from 'esbuild';
import { readdirSync, statSync, rmSync, chmodSync, cpSync } from 'node:fs';
import { join } from 'node:path';

// mainFields prefers ESM builds: jsonc-parser's UMD build hides its requires from the bundler.
const common = { bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

function tsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

rmSync('out', { recursive: true, force: true });
// The transpiled (unbundled) engine requires the policy schema by relative path.
cpSync('schemas', 'out/schemas', { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/dist/server.js' }),
  // DuckDB is the CLI's optional SQL engine: loaded at run time when installed, never bundled.
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['@duckdb/node-api'] }),
  // Tests import engine sources directly, so those are transpiled alongside them.
  build({
    // The client's policy template has no vscode import, so a unit test can load it.
    entryPoints: [...tsFiles('test'), ...tsFiles('server/src'), ...tsFiles('common'), 'client/src/policyTemplate.ts'],
    outdir: 'out', outbase: '.', bundle: false, platform: 'node', target: 'node20', format: 'cjs',
    sourcemap: true, logLevel: 'warning',
  }),
]);
chmodSync('server/dist/cli.js', 0o755);
