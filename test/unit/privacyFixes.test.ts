// Privacy quick fixes lose nothing. The move-identifiers fix: on random tables
// (fast-check), joining the dataset and the identifiers file on the pseudonym gives
// exactly the original rows, the dataset keeps no identifier, the random study id is the
// only link, and undo restores the text. The generalising fixes change only the cells
// they name. A symbolic link in the identifiers file's place is never written through.
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixesFor, type DatasetAnalysis, type Fix, type LoadedPolicy } from '../../server/src/engine';
import { moveIdentifiersFix } from '../../server/src/engine/fixes/privacy/moveIdentifiers';
import { privacyScan } from '../../server/src/engine/privacy/scan';
import { parseTable } from '../../server/src/engine/table/parse';
import { applyEdits, byCode, lint, noPolicy, policyFrom, tempDir } from './helpers';

const MOVE_RULES = ['privacy-direct-identifier', 'privacy-date', 'privacy-geography'];

function table(text: string) {
  const t = parseTable(text, ',');
  return { header: t.header, rows: t.rows.map((r) => { const v = [...r.values]; while (v.length < t.header.length) v.push(''); return v; }) };
}

function moveFix(a: DatasetAnalysis, policy: LoadedPolicy, files: Record<string, string> = {}): Fix | undefined {
  const finding = a.findings.find((f) => MOVE_RULES.includes(f.code));
  if (!finding) return undefined;
  return fixesFor(a, finding, policy, (p) => files[p]).find((f) => f.title.startsWith('Move '));
}

/** Applies the fix; returns both texts. */
function apply(a: DatasetAnalysis, fix: Fix): { dataset: string; identifiers: string; identifiersPath: string } {
  assert.equal(fix.changes.length, 2, 'one edit with two files');
  const [side, data] = fix.changes;
  assert.equal(side.create, true);
  assert.equal(data.path, a.path);
  return { dataset: applyEdits(a.table.text, data.edits), identifiers: applyEdits('', side.edits), identifiersPath: side.path };
}

/** Original rows rebuilt from both files joined on `key`, by header name. */
function joined(dataset: string, identifiers: string, key: string, originalHeader: string[]): string[][] {
  const d = table(dataset);
  const s = table(identifiers);
  assert.equal(s.header[0], key, 'the identifiers file is keyed by the pseudonym');
  const dk = d.header.indexOf(key);
  assert.ok(dk >= 0, 'the dataset keeps the pseudonym');
  const bySide = new Map<string, string[]>();
  for (const row of s.rows) {
    assert.ok(!bySide.has(row[0]), `pseudonym ${row[0]} twice in the identifiers file`);
    bySide.set(row[0], row);
  }
  assert.equal(bySide.size, d.rows.length, 'one identifiers row per dataset row');
  return d.rows.map((row) => {
    const other = bySide.get(row[dk]);
    assert.ok(other, `no identifiers row for ${row[dk]}`);
    return originalHeader.map((name) => {
      const i = d.header.indexOf(name);
      if (i >= 0 && name !== key) return row[i];
      if (i >= 0) return row[i];
      return other[s.header.indexOf(name)];
    });
  });
}

describe('move-identifiers fix', () => {
  const text = 'participant,ssn,sex,email,bmi\n1,999-11-2222,F,a@example.org,22\n2,999-33-4444,M,"b@example.org",31\n3,,F,c@example.org,\n';

  test('a random study id links the files; the dataset keeps no identifier', () => {
    const a = lint(text);
    const fix = moveFix(a, noPolicy())!;
    assert.match(fix.title, /^Move 2 identifier columns \(ssn, email\) to data\.identifiers\.csv, keyed by a new random study_id column$/);
    const out = apply(a, fix);
    const d = table(out.dataset);
    assert.deepEqual(d.header, ['study_id', 'participant', 'sex', 'bmi']);
    assert.ok(d.rows.every((r) => /^[0-9a-f]{16}$/.test(r[0])), 'random hex ids');
    assert.equal(new Set(d.rows.map((r) => r[0])).size, 3);
    assert.ok(!out.dataset.includes('999-') && !out.dataset.includes('@example.org'));
    assert.equal(out.identifiers.split('\n')[0], 'study_id,ssn,email');
    assert.ok(out.identifiers.includes('"b@example.org"'), 'cells copied verbatim, quotes kept');
    assert.deepEqual(joined(out.dataset, out.identifiers, 'study_id', table(text).header), table(text).rows);
    const again = lint(out.dataset);
    assert.deepEqual(again.findings.filter((f) => MOVE_RULES.includes(f.code)), []);
  });

  test('keyed by the policy pseudonym when it is unique per row', () => {
    const policy = policyFrom('privacy:\n  pseudonym: participant\n');
    const a = lint(text, { policy });
    const fix = moveFix(a, policy)!;
    assert.match(fix.title, /keyed by the pseudonym participant$/);
    const out = apply(a, fix);
    assert.equal(out.dataset.split('\n')[0], 'participant,sex,bmi');
    assert.deepEqual(joined(out.dataset, out.identifiers, 'participant', table(text).header), table(text).rows);
  });

  test('a repeated pseudonym (one person, several rows) gets a study id per row instead', () => {
    const policy = policyFrom('privacy:\n  pseudonym: participant\n');
    const a = lint(text.replace('\n2,', '\n1,'), { policy });
    assert.match(moveFix(a, policy)!.title, /keyed by a new random study_id column$/);
  });

  test('an existing identifiers file is never overwritten: the next free name', () => {
    const a = lint(text);
    const out = apply(a, moveFix(a, noPolicy(), { '/virtual/project/data.identifiers.csv': 'x\n' })!);
    assert.equal(out.identifiersPath, '/virtual/project/data.identifiers-2.csv');
  });

  test('never writes through a symbolic link in the identifiers file\'s place', (t) => {
    const dir = tempDir(t);
    mkdirSync(path.join(dir, 'outside'));
    writeFileSync(path.join(dir, 'outside', 'target.csv'), '');
    mkdirSync(path.join(dir, 'ws'));
    symlinkSync(path.join(dir, 'outside', 'target.csv'), path.join(dir, 'ws', 'data.identifiers.csv'));
    const a = lint(text, { path: path.join(dir, 'ws', 'data.csv') });
    const state = a.scans.get(privacyScan)!;
    const fix = moveIdentifiersFix(a, state, () => undefined)!;
    assert.equal(fix.changes[0].path, path.join(dir, 'ws', 'data.identifiers-2.csv'));
  });

  test('property (fast-check): joining both files on the pseudonym gives exactly the original rows', () => {
    const plain = ['a', 'b c', 'x,y', 'say "hi"', 'two\nlines', '', ' lead', '1.5'];
    const encode = (v: string, always: boolean) => (always || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const arb = fc.record({
      rows: fc.array(fc.record({ ssn: fc.integer({ min: 0, max: 999_999_999 }), email: fc.boolean(), note: fc.constantFrom(...plain), sex: fc.constantFrom('F', 'M', ''), quote: fc.boolean(), pid: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 15 }),
      eol: fc.constantFrom('\n', '\r\n'),
      trailing: fc.boolean(),
      pseudonym: fc.boolean(),
      order: fc.constantFrom('ssn-first', 'ssn-last'),
    });
    fc.assert(fc.property(arb, (t) => {
      const header = t.order === 'ssn-first' ? ['ssn', 'pid', 'note', 'sex', 'email'] : ['pid', 'note', 'sex', 'email', 'ssn'];
      const lines = [header.join(',')];
      t.rows.forEach((r, i) => {
        const ssn = String(r.ssn).padStart(9, '0');
        const cells: Record<string, string> = {
          ssn: `${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}`, pid: `P${i}-${r.pid}`, note: encode(r.note, r.quote), sex: r.sex, email: r.email ? encode(`p${i}@example.org`, r.quote) : '',
        };
        lines.push(header.map((h) => cells[h]).join(','));
      });
      const text = lines.join(t.eol) + (t.trailing ? t.eol : '');
      const policy = t.pseudonym ? policyFrom('privacy:\n  pseudonym: pid\n') : noPolicy();
      const a = lint(text, { policy });
      const fix = moveFix(a, policy);
      assert.ok(fix, 'the ssn column is reported and movable');
      const out = apply(a, fix);
      const key = t.pseudonym ? 'pid' : 'study_id';
      const original = table(text);
      assert.deepEqual(joined(out.dataset, out.identifiers, key, original.header), original.rows);
      const kept = table(out.dataset);
      assert.ok(!kept.header.includes('ssn'), 'the dataset has no ssn column');
    }), { numRuns: 300 });
  });
});

describe('generalising fixes', () => {
  const people = (header: string, cells: string[]) => ['participant_id,sex,' + header, ...cells.map((c, i) => `P${i},${i % 2 ? 'F' : 'M'},${c}`)].join('\n') + '\n';
  const fixOf = (text: string, code: string, title: RegExp) => {
    const a = lint(text);
    const [finding] = byCode(a.findings, code);
    assert.ok(finding, `${code} reported`);
    const fix = fixesFor(a, finding, noPolicy(), () => undefined).find((f) => title.test(f.title));
    assert.ok(fix, `a fix matching ${title}`);
    return { a, fix, result: applyEdits(a.table.text, fix.changes[0].edits) };
  };

  test('dates to the year, whatever the layout; other cells untouched', () => {
    const { fix, result } = fixOf(people('birth_date', ['1968-07-31', '07/31/1970', '"1980-01-02T10:00:00Z"', '', '1990', '19920304']), 'privacy-date', /year/);
    assert.equal(fix.title, 'Keep only the year of 4 cells in "birth_date"');
    assert.equal(result, people('birth_date', ['1968', '1970', '1980', '', '1990', '1992']));
  });

  test('ZIP-5 to ZIP-3, restricted areas to 000', () => {
    const { result } = fixOf(people('zip', ['02451', '03601', '02451-1234', '', '89012']), 'privacy-geography', /ZIP-3/);
    assert.equal(result, people('zip', ['024', '000', '024', '', '000']));
  });

  test('ages over 89 to 90+', () => {
    const ages = Array.from({ length: 30 }, (_, i) => String(70 + i));
    const { fix, result } = fixOf(people('age', ages), 'privacy-date', /90\+/);
    assert.equal(fix.title, 'Aggregate 10 cells over 89 in "age" to 90+');
    assert.equal(result, people('age', ages.map((a) => (Number(a) >= 90 ? '90+' : a))));
  });
});
