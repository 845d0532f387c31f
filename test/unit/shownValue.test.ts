// Values that could identify someone never reach a message, a hover or a JSON field:
// cells quoted by consent-value-invalid (a shifted row puts an SSN or an email into the
// consent column) and ancestry group labels outside every known vocabulary. Short codes
// and known labels are still shown, so the messages stay useful.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { hoverAt } from '../../server/src/engine/hover';
import { isSafeToShow, withheldBecause } from '../../server/src/engine/privacy/shownValue';
import { labelText } from '../../server/src/engine/privacy/shownLabel';
import { byCode, cliPath, fullText, lint, tempDir } from './helpers';

const SECRETS = ['999-23-2392', 'jane.doe@example.org', '(617) 555-0142', '4111111111111111', 'Freeman822 Kessler503', '1968-07-31'];

describe('is this value safe to show', () => {
  for (const value of SECRETS) {
    test(`withheld: ${value}`, () => assert.equal(isSafeToShow(value), false, `${value}: ${JSON.stringify(withheldBecause(value))}`));
  }
  for (const value of ['GRU', 'HMB-XYZ', 'DUO:42', 'yes please', 'White', 'Caucasian', 'opted out', '12', 'NA']) {
    test(`shown: ${value}`, () => assert.equal(isSafeToShow(value), true, JSON.stringify(withheldBecause(value))));
  }
  test('long values are withheld, whatever they hold', () => assert.deepEqual(withheldBecause('x'.repeat(40)), { reason: 'long' }));
  test('a label of a known vocabulary is shown even when it looks like a name', () => {
    assert.equal(labelText('African American'), 'African American');
    assert.equal(labelText('Indigenous American'), 'Indigenous American', 'words of group labels (HANCESTRO)');
    assert.match(labelText('Mary Smith'), /not shown: it may be a name/);
  });
});

/** The consent column of rows 2 and 3 holds what belongs in the next columns: the row lost a field. */
const SHIFTED = ['id,consent,ssn,email', '1,GRU,x,y', '2,999-23-2392,jane.doe@example.org,', '3,jane.doe@example.org,,', '4,HMB,x,y', '5,GRUU,x,y'].join('\n') + '\n';

describe('consent-value-invalid never quotes an identifier-shaped cell', () => {
  const analysis = lint(SHIFTED);
  const invalid = byCode(analysis.findings, 'consent-value-invalid');

  test('each invalid value is still reported, at its cell and in a summary', () => {
    assert.equal(invalid.filter((f) => f.data.kind === 'summary').length, 3);
    assert.equal(invalid.filter((f) => f.data.kind === 'cell').length, 3);
  });
  test('messages and data name the column, not the value', () => {
    for (const f of invalid) {
      const out = fullText(f) + JSON.stringify(f.data);
      for (const secret of ['999-23-2392', 'jane.doe@example.org']) assert.ok(!out.includes(secret), `${secret} in ${out}`);
    }
    const withheld = invalid.filter((f) => f.data.value === undefined);
    assert.equal(withheld.length, 4);
    for (const f of withheld) assert.match(fullText(f), /value in column "consent" \(not shown: it has the shape of (an SSN|an email address)\)/);
  });
  test('a short code is still quoted, with its correction', () => {
    const near = invalid.find((f) => f.data.kind === 'summary' && f.data.value === 'GRUU');
    assert.ok(near, 'the near miss keeps its value');
    assert.match(near.message, /"GRUU"/);
  });
  test('nor does the CLI, in text, JSON or SARIF', (t) => {
    const dir = tempDir(t);
    writeFileSync(path.join(dir, 'shifted.csv'), SHIFTED);
    for (const format of ['text', 'json', 'sarif']) {
      const r = spawnSync(process.execPath, [cliPath, '--format', format, 'shifted.csv'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.ok(r.stdout.includes('consent-value-invalid'), `${format}: ${r.stdout.slice(0, 300)}`);
      for (const secret of ['999-23-2392', 'jane.doe@example.org']) assert.ok(!(r.stdout + r.stderr).includes(secret), `${format} printed ${secret}`);
    }
  });
});

describe('ancestry labels outside every vocabulary are shown only when safe', () => {
  const lines = ['id,race,bmi'];
  let id = 1;
  const add = (race: string, n: number) => { for (let i = 0; i < n; i++) lines.push(`${id},${race},${id++ % 3 === 0 ? '' : '25'}`); };
  add('White', 80); add('Black or African American', 60); add('123-45-6789', 2); add('Freeman822 Kessler503', 3); add('Mestizo', 4);
  const text = lines.join('\n') + '\n';
  const analysis = lint(text);
  const out = (value: unknown) => JSON.stringify(value);

  test('labels nothing maps are named when safe and withheld otherwise', () => {
    const [unmapped] = byCode(analysis.findings, 'ancestry-labels-unmapped');
    assert.ok(unmapped, out(analysis.findings.map((f) => f.code)));
    assert.match(fullText(unmapped), /a label not shown/);
    for (const secret of ['123-45-6789', 'Freeman822', 'Kessler503']) assert.ok(!out(analysis.findings).includes(secret), `${secret} in findings`);
  });
  test('nor do the ancestry and phenotype hovers', () => {
    const header = analysis.table.header;
    for (const column of ['race', 'bmi']) {
      const hover = hoverAt(analysis, analysis.headerCell(header.indexOf(column)).start);
      assert.ok(hover?.includes('White'), `${column} hover: ${hover}`);
      for (const secret of ['123-45-6789', 'Freeman822']) assert.ok(!hover!.includes(secret), `${secret} in the ${column} hover`);
    }
  });
});
