// One hostile file never aborts a CLI run: every file is linted, each bad one gets a
// positioned finding from the rule for its kind, the exit code is 1 (findings), not 2,
// and the YAML library prints nothing on stderr. Each input here once stopped the run
// with exit 2 and no findings at all (or, 10,000-deep YAML, aborted the process).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { cliPath, groupsCsv, tempDir } from './helpers';

interface Row { file: string; code: string; range: { start: { line: number; character: number } }; message: string }

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(file: string, text: string | Buffer): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const GOOD = groupsCsv('super_pop', { EUR: 100, AFR: 60, EAS: 60, SAS: 60, AMR: 60 });

describe('CLI per-file isolation', () => {
  before(() => assert.ok(existsSync(cliPath), `${cliPath} missing: run npm run build first`));

  test('every file is linted and each hostile one gets its own positioned finding', (t) => {
    const dir = tempDir(t);
    write(path.join(dir, 'good.csv'), GOOD);
    // A sibling schema whose enum and missingValues hold objects that cannot become text.
    write(path.join(dir, 'coerce.csv'), GOOD);
    write(path.join(dir, 'coerce.schema.json'), '{"fields": [{"name": "id"}, {"name": "super_pop", "constraints": {"enum": [{"toString": 1}]}}], "missingValues": [{"__proto__": null}]}');
    write(path.join(dir, 'deep.schema.json'), `{"fields": [], "x": ${'['.repeat(3000)}${']'.repeat(3000)}}`);
    write(path.join(dir, 'deep.schema.yaml'), `fields: []\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    write(path.join(dir, 'alias.schema.yaml'), 'fields:\n  - name: id\n    type: *missing\n');
    // A collection as a mapping key makes yaml warn on stderr unless told not to.
    write(path.join(dir, 'keys.schema.yaml'), 'fields:\n  - name: id\n? [a, b]\n: 1\n');
    // A harmless policy reusing one anchor 150 times, in a sub-project.
    const reasons = Array.from({ length: 150 }, (_, i) => `  - { rule: ancestry-group-absent, column: super_pop, group: g${i}, reason: ${i === 0 ? '&why reviewed' : '*why'} }`);
    write(path.join(dir, 'sub', 'cohortlint.yaml'), `acknowledged:\n${reasons.join('\n')}\n`);
    write(path.join(dir, 'sub', 'data.csv'), GOOD);

    const r = run(dir, '--format', 'json', '.');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '', 'nothing on stderr');
    const rows = JSON.parse(r.stdout) as Row[];
    const of = (name: string) => rows.filter((f) => path.relative(dir, f.file) === name);
    for (const name of ['good.csv', 'coerce.csv', path.join('sub', 'data.csv')]) assert.ok(of(name).some((f) => f.code === 'ancestry-underrepresented'), `${name} linted`);
    assert.ok(!rows.some((f) => f.code === 'internal-error'), rows.filter((f) => f.code === 'internal-error').map((f) => `${f.file}: ${f.message}`).join('\n'));
    assert.deepEqual(of(path.join('sub', 'cohortlint.yaml')), [], 'the policy with 150 aliases is valid');
    assert.ok(of('coerce.schema.json').some((f) => f.code === 'schema-invalid' && /missingValues item 1/.test(f.message)));
    const deepJson = of('deep.schema.json');
    assert.deepEqual(deepJson.map((f) => f.code), ['schema-invalid']);
    assert.ok(deepJson[0].range.start.character > 256);
    assert.deepEqual(of('deep.schema.yaml').map((f) => f.code), ['schema-invalid']);
    const alias = of('alias.schema.yaml');
    assert.deepEqual(alias.map((f) => [f.code, f.range.start.line]), [['schema-invalid', 2]]);
    assert.match(alias[0].message, /alias "\*missing"/);
  });

  test('a file that cannot be read is exit 2 on stderr, after the others were linted', (t) => {
    if (process.platform !== 'linux') return t.skip('needs /proc');
    const dir = tempDir(t);
    write(path.join(dir, 'good.csv'), GOOD);
    // Reading /proc/self/mem from its start fails with EIO.
    const r = run(dir, '--format', 'json', 'good.csv', '/proc/self/mem');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^cohort-lint: cannot read \/proc\/self\/mem: EIO\n$/);
    const rows = JSON.parse(r.stdout) as Row[];
    assert.ok(rows.some((f) => f.file.endsWith('good.csv')), 'good.csv was still linted');
  });
});
