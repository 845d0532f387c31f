// Never echo a value: a file seeded with unique identifier values (and a shifted consent
// cell holding an email) goes through the CLI in every format; none of the values appears
// in what it prints. The server side of the same test is test/protocol/privacy.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cliPath, tempDir } from './helpers';
import { ALL_SEEDED, seededCsv } from './privacyFixtures';

for (const format of ['text', 'json', 'sarif']) {
  test(`the CLI (${format}) prints no seeded identifier value`, (t) => {
    const dir = tempDir(t);
    writeFileSync(path.join(dir, 'seeded.csv'), seededCsv());
    const r = spawnSync(process.execPath, [cliPath, '--format', format, 'seeded.csv'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const out = r.stdout + r.stderr;
    for (const code of ['privacy-direct-identifier', 'privacy-date', 'privacy-geography', 'consent-value-invalid']) assert.ok(out.includes(code), `${code} in the ${format} output`);
    for (const value of ALL_SEEDED) assert.ok(!out.includes(value), `${value} printed (${format})`);
  });
}
