// The recording-consistency rules on the real public files in ../shared/realdata: the UCI
// diabetes diagnosis columns are ICD-9-CM (their V and E codes are no mix), its age and
// weight are bands, and no file gets a consistency finding. Expected counts are computed
// here by splitting the CSV text, independently of the engine.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lintDatasetFile, type DatasetAnalysis } from '../../server/src/engine';
import { codingOf } from '../../server/src/engine/phenotype/codingOfColumn';
import { consistencyScan } from '../../server/src/engine/rules/phenotype/consistency';
import { lint, noPolicy, realdataDir } from './helpers';

type Ctx = { skip(message?: string): void };
const RULES = ['phenotype-coding-mixed', 'phenotype-units-mixed', 'phenotype-format-mixed', 'phenotype-implausible', 'phenotype-recording-differs'];

function realFile(t: Ctx, name: string): string | undefined {
  const file = path.join(realdataDir, name);
  if (!existsSync(file)) { t.skip(`realdata file absent: ${file}`); return undefined; }
  return file;
}

describe('UCI diabetes (diabetic_data.csv): coding and bands', () => {
  let cached: DatasetAnalysis | undefined;
  const analysed = (file: string) => (cached ??= lint(readFileSync(file, 'utf8'), { path: file }));
  test('diag_1, diag_2, diag_3 read as ICD-9-CM, V and E codes counted as ambiguous, no mix; streamed the same', async (t) => {
    const file = realFile(t, 'diabetic_data.csv');
    if (!file) return;
    const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
    const header = lines[0].split(',');
    const rows = lines.slice(1).map((l) => l.split(','));
    const analysis = analysed(file);
    const streamed = await lintDatasetFile(file, undefined, noPolicy());
    for (const a of [analysis, streamed]) {
      const state = a.scans.get(consistencyScan)!;
      for (const name of ['diag_1', 'diag_2', 'diag_3']) {
        const i = header.indexOf(name);
        const values = rows.map((r) => r[i]).filter((v) => v !== '?');
        // V01–V91 codes and E800–E909 codes fit ICD-10 too (V45, E87.8 without its dot).
        const ambiguous = values.filter((v) => /^V\d\d/.test(v) || /^E(8\d\d|90\d)/.test(v)).length;
        const coding = codingOf(state.columns[i]!, undefined)!;
        assert.equal(coding.primary, 'ICD-9-CM', name);
        assert.deepEqual(coding.systems.map((s) => [s.system, s.count]), [['ICD-9-CM', values.length]], name);
        assert.equal(coding.ambiguous, ambiguous, name);
        assert.ok(ambiguous > 1000, `${name}: ${ambiguous} V/E codes`);
        assert.deepEqual(coding.others, []);
      }
      assert.equal(a.findings.filter((f) => RULES.includes(f.code)).length, 0, a.findings.filter((f) => RULES.includes(f.code)).map((f) => f.message).join('\n'));
    }
  });

  test('age and weight are bands ([70-80), >200): read as bands, not numbers', (t) => {
    const file = realFile(t, 'diabetic_data.csv');
    if (!file) return;
    const analysis = analysed(file);
    const state = analysis.scans.get(consistencyScan)!;
    const age = state.columns[analysis.table.header.indexOf('age')]!;
    assert.equal(age.quantity?.quantity.id, 'age');
    assert.equal(age.bands, 101766);
    assert.equal(age.numbers, 0);
    const weight = state.columns[analysis.table.header.indexOf('weight')]!;
    assert.equal(weight.bands, 101766 - 98569, 'every weight that is not "?" is a band');
    assert.equal(weight.numbers, 0);
  });
});

describe('every file in ../shared/realdata: no consistency finding', () => {
  test('the CSV/TSV files (each checked for what would be a true finding)', async (t) => {
    if (!existsSync(realdataDir)) { t.skip(`realdata folder absent: ${realdataDir}`); return; }
    const tables = readdirSync(realdataDir).filter((f) => /\.(csv|tsv|panel)$/.test(f));
    assert.ok(tables.length >= 5);
    for (const name of tables) {
      const file = path.join(realdataDir, name);
      const analysis = name.endsWith('.panel')
        ? lint(readFileSync(file, 'utf8'), { path: file, languageId: 'tsv' })
        : await lintDatasetFile(file, undefined, noPolicy());
      const found = analysis.findings.filter((f) => RULES.includes(f.code));
      assert.deepEqual(found.map((f) => f.message), [], name);
    }
  });

  test('Synthea: BIRTHDATE and DEATHDATE are ISO dates in one format; GENDER M/F in one style', (t) => {
    const file = realFile(t, 'synthea_patients.csv');
    if (!file) return;
    const analysis = lint(readFileSync(file, 'utf8'), { path: file });
    const state = analysis.scans.get(consistencyScan)!;
    const birth = state.columns[analysis.table.header.indexOf('BIRTHDATE')]!;
    assert.deepEqual([...birth.dates], [['YYYY-MM-DD', 115]]);
    const gender = analysis.profile.columns[analysis.table.header.indexOf('GENDER')];
    assert.deepEqual([...gender.values.keys()].sort(), ['F', 'M']);
  });
});
