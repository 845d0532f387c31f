// Multi-table cohorts: a Data Package whose foreignKeys link participants, consent and
// phenotypes (test/fixtures/cohort/package), and the policy's `cohort` key (the OMOP and
// MIMIC folders are in cohortFolders.test.ts). Asserts on codes and data; key values must
// never reach a finding.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lintDatasetFile, loadPolicy, withCohortFindings, type Finding } from '../../server/src/engine';
import { policyCompletions, policyHoverAt } from '../../server/src/engine/policy/assist';
import { cohortFindings, lintIn, read, rowLines, summaries, tempDir } from './cohortHelpers';
import { byCode, cliPath, fullText, realdataDir, repoRoot } from './helpers';

const FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'cohort', 'package');
function copyFixture(): string {
  const dir = tempDir();
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** Key values of the fixture: none may appear in any cohort finding. */
function assertNoKeys(findings: Finding[]): void {
  for (const f of cohortFindings(findings)) assert.doesNotMatch(JSON.stringify(f), /P\d\d/, `${f.code} shows no participant key`);
}

describe('Data Package cohort: participants, consent and phenotypes in three tables', () => {
  test('phenotypes: withdrawn, out-of-scope and invalid consent follow the participant; orphan rows; no "missing" for an event table', () => {
    const findings = lintIn(FIXTURE, 'phenotypes.csv');
    const consent = summaries(findings, 'cohort-consent-unusable');
    const byReason = Object.fromEntries(consent.map((f) => [f.data.reason, f]));
    assert.deepEqual(Object.keys(byReason).sort(), ['invalid', 'scope', 'withdrawn']);
    // P03 (withdrawn) has two phenotype rows; one participant.
    assert.equal(byReason.withdrawn.data.rows, 2);
    assert.equal(byReason.withdrawn.data.participants, 1);
    assert.equal(byReason.withdrawn.data.totalRows, 13);
    assert.deepEqual(byReason.withdrawn.data.sources, ['consent.csv']);
    assert.equal(byReason.withdrawn.severity, 'error');
    assert.equal(byReason.scope.severity, 'error');
    assert.equal(byReason.invalid.severity, 'warning');
    assert.deepEqual(rowLines(findings, 'cohort-consent-unusable', 'withdrawn'), [5, 6]);
    assert.deepEqual(rowLines(findings, 'cohort-consent-unusable', 'scope'), [8]);
    assert.deepEqual(rowLines(findings, 'cohort-consent-unusable', 'invalid'), [10]);

    const [orphans] = summaries(findings, 'cohort-key-orphan');
    assert.deepEqual({ rows: orphans.data.rows, keys: orphans.data.keys, participants: orphans.data.participants }, { rows: 2, keys: 1, participants: 10 });
    assert.deepEqual(rowLines(findings, 'cohort-key-orphan'), [13, 14]);
    // P08 has no phenotype rows and P01 has two: both normal in an event table.
    assert.equal(byCode(findings, 'cohort-participant-missing').length, 0);
    // Consent (consent.csv), ancestry, sex and birth year (participants.csv) reach this table through the key.
    assert.equal(byCode(findings, 'consent-field-missing').length, 0);
    assert.equal(byCode(findings, 'ancestry-column-missing').length, 0);
    assert.deepEqual(byCode(findings, 'phenotype-field-missing').map((f) => f.data.requirement), []);
    assertNoKeys(findings);
  });

  test('row findings sit on the key cell', () => {
    const findings = lintIn(FIXTURE, 'phenotypes.csv');
    const row = byCode(findings, 'cohort-key-orphan').find((f) => f.data.kind === 'row')!;
    assert.deepEqual(row.range, { start: { line: 12, character: 0 }, end: { line: 12, character: 3 } });
    const summary = summaries(findings, 'cohort-key-orphan')[0];
    assert.deepEqual(summary.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'participant_id'.length } });
  });

  test('consent: the participant without a consent row and the orphan consent row', () => {
    const findings = lintIn(FIXTURE, 'consent.csv');
    const [missing] = byCode(findings, 'cohort-participant-missing');
    assert.deepEqual({ kind: missing.data.kind, missing: missing.data.missing, participants: missing.data.participants }, { kind: 'table', missing: 1, participants: 10 });
    assert.deepEqual(rowLines(findings, 'cohort-key-orphan'), [11]);
    // Its own consent cells are the consent rules' findings, not repeated as cohort ones.
    assert.equal(byCode(findings, 'cohort-consent-unusable').length, 0);
    assert.ok(byCode(findings, 'consent-withdrawn').length > 0);
    assertNoKeys(findings);
  });

  test('participants: rows of participants with unusable consent, and the one missing from consent.csv', () => {
    const findings = lintIn(FIXTURE, 'participants.csv');
    assert.deepEqual(rowLines(findings, 'cohort-consent-unusable'), [4, 6, 8]);
    const [summary] = summaries(findings, 'cohort-participant-missing');
    assert.deepEqual({ rows: summary.data.rows, table: summary.data.table }, { rows: 1, table: 'consent.csv' });
    assert.deepEqual(rowLines(findings, 'cohort-participant-missing'), [11]);
    assert.equal(byCode(findings, 'cohort-key-orphan').length, 0, 'the participants table has no orphans by definition');
    assertNoKeys(findings);
  });

  test('the descriptor: no consent or ancestry field missing on schemas of resources whose cohort has them in another resource', () => {
    const findings = lintIn(FIXTURE, 'datapackage.json');
    assert.equal(byCode(findings, 'consent-field-missing').length, 0);
    assert.equal(byCode(findings, 'schema-ancestry-field-missing').length, 0);
  });

  test('without the consent resource, the participants table says no table of the cohort records consent, and no cohort consent finding is made', () => {
    const dir = copyFixture();
    const descriptor = JSON.parse(readFileSync(path.join(dir, 'datapackage.json'), 'utf8'));
    descriptor.resources = descriptor.resources.filter((r: { name: string }) => r.name !== 'consent');
    writeFileSync(path.join(dir, 'datapackage.json'), JSON.stringify(descriptor, null, 2));
    const findings = lintIn(dir, 'phenotypes.csv');
    assert.equal(byCode(findings, 'cohort-consent-unusable').length, 0);
    assert.equal(byCode(findings, 'consent-field-missing').length, 0, 'said once for the cohort, on participants.csv');
    assert.deepEqual(byCode(lintIn(dir, 'participants.csv'), 'consent-field-missing').map((f) => f.message), ['No consent column in any table of the cohort (2 tables)']);
    assert.equal(byCode(findings, 'ancestry-column-missing').length, 0, 'ancestry is still in participants.csv');
    assert.equal(summaries(findings, 'cohort-key-orphan')[0].data.rows, 2, 'still a cohort: orphans are found');
    const descriptor2 = lintIn(dir, 'datapackage.json');
    assert.ok(byCode(descriptor2, 'consent-field-missing').length >= 2);
    assert.equal(byCode(descriptor2, 'schema-ancestry-field-missing').length, 0);
  });

  test('a sibling table edited on disk is read again', () => {
    const dir = copyFixture();
    assert.equal(rowLines(lintIn(dir, 'phenotypes.csv'), 'cohort-consent-unusable', 'withdrawn').length, 2);
    const consentFile = path.join(dir, 'consent.csv');
    writeFileSync(consentFile, readFileSync(consentFile, 'utf8').replace('P01,GRU,active', 'P01,GRU,withdrawn'));
    const later = new Date(Date.now() + 5000);
    utimesSync(consentFile, later, later);
    assert.deepEqual(rowLines(lintIn(dir, 'phenotypes.csv'), 'cohort-consent-unusable', 'withdrawn'), [2, 3, 5, 6]);
  });

  test('a table of the cohort without the key column gets one finding saying so', () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, 'phenotypes.csv'), 'subject,hba1c_percent\nP01,5.1\n');
    const [f] = byCode(lintIn(dir, 'phenotypes.csv'), 'cohort-key-orphan');
    assert.equal(f.data.kind, 'key-column-missing');
    assert.equal(f.data.rows, 1);
  });

  test('a composite key (two fields) joins as a whole', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'people.csv'), 'site,subject,race\nA,1,White\nB,1,Asian\n');
    writeFileSync(path.join(dir, 'labs.csv'), 'site,subject,ldl\nA,1,3.1\nB,1,2.9\nA,2,3.3\n');
    writeFileSync(path.join(dir, 'datapackage.json'), JSON.stringify({
      profile: 'tabular-data-package',
      resources: [
        { name: 'people', path: 'people.csv', schema: { fields: [{ name: 'site' }, { name: 'subject' }, { name: 'race' }], primaryKey: ['site', 'subject'] } },
        { name: 'labs', path: 'labs.csv', schema: { fields: [{ name: 'site' }, { name: 'subject' }, { name: 'ldl' }], foreignKeys: [{ fields: ['site', 'subject'], reference: { resource: 'people', fields: ['site', 'subject'] } }] } },
      ],
    }));
    assert.deepEqual(rowLines(lintIn(dir, 'labs.csv'), 'cohort-key-orphan'), [4]);
  });

  test('foreign keys of every wrong shape link nothing and break nothing', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.csv'), 'id,x\n1,2\n');
    writeFileSync(path.join(dir, 'b.csv'), 'id,y\n1,2\n');
    const bad = [null, 3, 'id', { fields: 5 }, { fields: 'id', reference: null }, { fields: ['id', 'y'], reference: { resource: 'a', fields: 'id' } }, { fields: 'id', reference: { resource: 'nowhere', fields: 'id' } }, { fields: [], reference: { resource: 'a', fields: [] } }];
    writeFileSync(path.join(dir, 'datapackage.json'), JSON.stringify({
      profile: 'tabular-data-package',
      resources: [{ name: 'a', path: 'a.csv', schema: { fields: [{ name: 'id' }, { name: 'x' }] } }, { name: 'b', path: 'b.csv', schema: { fields: [{ name: 'id' }, { name: 'y' }], foreignKeys: bad } }, { name: 'c', path: ['../c.csv'] }],
    }));
    for (const name of ['a.csv', 'b.csv', 'datapackage.json']) {
      const findings = lintIn(dir, name);
      assert.equal(cohortFindings(findings).length, 0, name);
      assert.equal(byCode(findings, 'internal-error').length, 0, name);
    }
  });

  test('participants above samples above assays: participants is the participants table, even when samples is referred to more', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'participants.csv'), 'participant_id,race\nA,White\nB,Asian\n');
    writeFileSync(path.join(dir, 'samples.csv'), 'sample_id,participant_id\nS1,A\nS2,B\nS3,Z\n');
    writeFileSync(path.join(dir, 'rna.csv'), 'sample_id,tpm\nS1,1\n');
    writeFileSync(path.join(dir, 'dna.csv'), 'sample_id,depth\nS2,30\n');
    const toSamples = { fields: 'sample_id', reference: { resource: 'samples', fields: 'sample_id' } };
    writeFileSync(path.join(dir, 'datapackage.json'), JSON.stringify({
      profile: 'tabular-data-package',
      resources: [
        { name: 'participants', path: 'participants.csv', schema: { fields: [{ name: 'participant_id' }, { name: 'race' }] } },
        { name: 'samples', path: 'samples.csv', schema: { fields: [{ name: 'sample_id' }, { name: 'participant_id' }], foreignKeys: [{ fields: 'participant_id', reference: { resource: 'participants', fields: 'participant_id' } }] } },
        { name: 'rna', path: 'rna.csv', schema: { fields: [{ name: 'sample_id' }, { name: 'tpm' }], foreignKeys: [toSamples] } },
        { name: 'dna', path: 'dna.csv', schema: { fields: [{ name: 'sample_id' }, { name: 'depth' }], foreignKeys: [toSamples] } },
      ],
    }));
    assert.deepEqual(rowLines(lintIn(dir, 'samples.csv'), 'cohort-key-orphan'), [4]);
    assert.equal(cohortFindings(lintIn(dir, 'rna.csv')).length, 0, 'rna joins samples, not participants');
  });

  test('foreign keys between tables that do not list people (cities to countries) are not a cohort', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'countries.csv'), 'code,name\nFR,France\n');
    writeFileSync(path.join(dir, 'cities.csv'), 'city,country\nParis,FR\nRome,IT\n');
    writeFileSync(path.join(dir, 'datapackage.json'), JSON.stringify({
      profile: 'tabular-data-package',
      resources: [
        { name: 'countries', path: 'countries.csv', schema: { fields: [{ name: 'code' }, { name: 'name' }], primaryKey: 'code' } },
        { name: 'cities', path: 'cities.csv', schema: { fields: [{ name: 'city' }, { name: 'country' }], foreignKeys: [{ fields: 'country', reference: { resource: 'countries', fields: 'code' } }] } },
      ],
    }));
    assert.equal(cohortFindings(lintIn(dir, 'cities.csv')).length, 0);
  });

  test('a self-reference links no tables', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'people.csv'), 'id,parent_id\n1,\n2,1\n3,9\n');
    writeFileSync(path.join(dir, 'datapackage.json'), JSON.stringify({
      profile: 'tabular-data-package',
      resources: [{ name: 'people', path: 'people.csv', schema: { fields: [{ name: 'id' }, { name: 'parent_id' }], foreignKeys: [{ fields: 'parent_id', reference: { resource: '', fields: 'id' } }] } }],
    }));
    assert.equal(cohortFindings(lintIn(dir, 'people.csv')).length, 0);
  });

  test('a streamed table gives the same cross-table findings as the document', async () => {
    const file = path.join(FIXTURE, 'phenotypes.csv');
    const policy = loadPolicy(path.join(FIXTURE, 'cohortlint.yaml'), read, FIXTURE);
    const streamed = withCohortFindings(await lintDatasetFile(file, undefined, policy), { policy, read, workspaceRoot: FIXTURE, streamed: true });
    const strip = (fs: Finding[]) => cohortFindings(fs).map((f) => ({ code: f.code, line: f.range.start.line, data: f.data }));
    assert.deepEqual(strip(streamed.findings), strip(lintIn(FIXTURE, 'phenotypes.csv')));
  });
});

describe('the policy\'s cohort key', () => {
  function policyFolder(policy: string): string {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cohortlint.yaml'), policy);
    writeFileSync(path.join(dir, 'people.csv'), 'participant_id,race\nA1,White\nA2,Asian\nA3,Black or African American\n');
    writeFileSync(path.join(dir, 'samples.csv'), 'pid,sample\nA1,S1\nA1,S2\nA2,S3\n');
    writeFileSync(path.join(dir, 'visits.csv'), 'participant_id,visit\nA1,1\nA4,1\n');
    return dir;
  }

  test('joins tables named differently, and everyParticipant makes a table cover everyone', () => {
    const dir = policyFolder('cohort:\n  participants: people.csv\n  key: participant_id\n  join:\n    - table: samples.csv\n      key: pid\n      everyParticipant: true\n    - visits.csv\n');
    const [missing] = byCode(lintIn(dir, 'samples.csv'), 'cohort-participant-missing');
    assert.equal(missing.data.missing, 1);
    assert.equal(missing.data.reason, 'cohort.join sets everyParticipant');
    const visits = lintIn(dir, 'visits.csv');
    assert.deepEqual(rowLines(visits, 'cohort-key-orphan'), [3]);
    assert.equal(byCode(visits, 'cohort-participant-missing').length, 0, 'visits is an event table');
    // people.csv has the ancestry column; no table has sex, so every table keeps that finding.
    assert.equal(byCode(visits, 'ancestry-column-missing').length, 0);
    assert.ok(byCode(visits, 'phenotype-field-missing').some((f) => f.data.requirement === 'sex'));
    assert.deepEqual(rowLines(lintIn(dir, 'people.csv'), 'cohort-participant-missing'), [4]);
  });

  test('an invalid value costs only that value: the entry stays, without it', () => {
    const dir = policyFolder('cohort:\n  participants: people.csv\n  key: participant_id\n  join:\n    - table: samples.csv\n      key: pid\n      everyParticipant: maybe\n    - visits.csv\n');
    const policy = loadPolicy(path.join(dir, 'cohortlint.yaml'), read, dir);
    assert.ok(byCode(policy.findings, 'config-invalid').length > 0);
    assert.deepEqual(policy.policy.cohort?.join, [{ table: 'samples.csv', key: 'pid' }, { table: 'visits.csv' }]);
    assert.deepEqual(rowLines(lintIn(dir, 'visits.csv'), 'cohort-key-orphan'), [3]);
    assert.equal(byCode(lintIn(dir, 'samples.csv'), 'cohort-participant-missing').length, 0, 'everyParticipant fell back to its default');
  });

  test('an entry that is not a table costs only that entry', () => {
    const dir = policyFolder('cohort:\n  participants: people.csv\n  key: participant_id\n  join:\n    - 42\n    - visits.csv\n');
    const policy = loadPolicy(path.join(dir, 'cohortlint.yaml'), read, dir);
    assert.ok(byCode(policy.findings, 'config-invalid').length > 0);
    assert.deepEqual(policy.policy.cohort?.join, [{ table: 'visits.csv' }]);
    assert.deepEqual(rowLines(lintIn(dir, 'visits.csv'), 'cohort-key-orphan'), [3]);
  });

  test('a table outside the workspace is never read', () => {
    const outside = tempDir();
    writeFileSync(path.join(outside, 'people.csv'), 'participant_id\nA1\n');
    const dir = policyFolder('');
    const participants = path.relative(dir, path.join(outside, 'people.csv')).split(path.sep).join('/');
    writeFileSync(path.join(dir, 'cohortlint.yaml'), `cohort:\n  participants: ${participants}\n  key: participant_id\n  join: [visits.csv]\n`);
    assert.equal(cohortFindings(lintIn(dir, 'visits.csv')).length, 0);
  });
});

describe('the cohort key in the policy editor', () => {
  const completions = (text: string): string[] => {
    const offset = text.indexOf('|');
    const before = text.slice(0, offset).split('\n');
    return policyCompletions('/ws/cohortlint.yaml', text.replace('|', ''), { line: before.length - 1, character: before[before.length - 1].length }).map((c) => c.label).sort();
  };

  test('completes cohort at the top level and its keys inside it, from the JSON Schema', () => {
    assert.ok(completions('|').includes('cohort'));
    assert.deepEqual(completions('cohort:\n  |'), ['join', 'key', 'participants']);
    assert.ok(completions('cohort:\n  participants: p.csv\n  key: id\n  join:\n    - table: c.csv\n      |').includes('everyParticipant'));
  });

  test('hover documents the key', () => {
    assert.match(policyHoverAt('/ws/cohortlint.yaml', 'cohort:\n  key: participant_id\n', { line: 1, character: 3 }) ?? '', /participant key column/);
  });
});

describe('the CLI on a cohort', () => {
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [cliPath, '--format', 'json', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, findings: JSON.parse(r.stdout) as (Finding & { file: string })[] };
  };
  const crossTable = (fs: (Finding & { file: string })[]) => fs.filter((f) => f.code.startsWith('cohort-'))
    .map((f) => `${path.basename(f.file)}:${f.range.start.line + 1} ${f.code} ${f.data.kind}`).sort();

  test('datapackage.json alone lints its tables, with the same cross-table findings as the folder', () => {
    const alone = cli(path.join(FIXTURE, 'datapackage.json'));
    const folder = cli(FIXTURE);
    assert.equal(alone.code, 1, 'withdrawn consent is an error');
    assert.deepEqual(new Set(alone.findings.map((f) => path.basename(f.file))), new Set(['datapackage.json', 'participants.csv', 'consent.csv', 'phenotypes.csv']));
    assert.deepEqual(crossTable(alone.findings), crossTable(folder.findings));
    assert.ok(crossTable(alone.findings).includes('phenotypes.csv:5 cohort-consent-unusable row'));
    assert.ok(crossTable(alone.findings).includes('consent.csv:1 cohort-participant-missing table'));
  });

  test('the realdata folder (no Data Package, no OMOP tables) forms no cohort', (t) => {
    if (!existsSync(realdataDir)) { t.skip(`realdata folder absent: ${realdataDir}`); return; }
    const { findings } = cli(realdataDir);
    assert.ok(findings.length > 0);
    assert.deepEqual(crossTable(findings), []);
  });
});

describe('real data: the UCI diabetes encounters as an event table of a cohort', () => {
  const source = path.join(realdataDir, 'diabetic_data.csv');

  /** participants.csv (one row per patient_nbr, with race) in a temp folder, and a policy joining the encounters to it. */
  function cohortOver(encounters: string, dropPatients: number): { dir: string; dropped: number } {
    const dir = tempDir();
    const lines = readFileSync(encounters, 'utf8').split(/\r?\n/).slice(1).filter((l) => l !== '');
    const race = new Map<string, string>();
    for (const line of lines) {
      const [, patient, value] = line.split(',', 3);
      if (!race.has(patient)) race.set(patient, value);
    }
    const kept = [...race].slice(dropPatients);
    const droppedKeys = new Set([...race.keys()].slice(0, dropPatients));
    const dropped = lines.filter((l) => droppedKeys.has(l.split(',', 2)[1])).length;
    writeFileSync(path.join(dir, 'participants.csv'), ['patient_nbr,race', ...kept.map(([p, r]) => `${p},${r}`)].join('\n') + '\n');
    const join = path.relative(dir, encounters).split(path.sep).join('/');
    writeFileSync(path.join(dir, 'cohortlint.yaml'), `cohort:\n  participants: participants.csv\n  key: patient_nbr\n  join: [${JSON.stringify(join)}]\n`);
    return { dir, dropped };
  }

  async function lintEncounters(dir: string): Promise<Finding[]> {
    const policy = loadPolicy(path.join(dir, 'cohortlint.yaml'), read, '/');
    const analysis = await lintDatasetFile(source, undefined, policy);
    return withCohortFindings(analysis, { policy, read, workspaceRoot: '/', streamed: true }).findings;
  }

  test('101,766 encounters of 71,518 patients: repeated patients are normal, none is missing, none is an orphan', async (t) => {
    if (!existsSync(source)) { t.skip(`realdata file absent: ${source}`); return; }
    const { dir } = cohortOver(source, 0);
    assert.deepEqual(cohortFindings(await lintEncounters(dir)), []);
  });

  test('patients left out of the participants table: exactly their encounters are orphans', async (t) => {
    if (!existsSync(source)) { t.skip(`realdata file absent: ${source}`); return; }
    const { dir, dropped } = cohortOver(source, 25);
    const [summary] = summaries(await lintEncounters(dir), 'cohort-key-orphan');
    assert.deepEqual({ rows: summary.data.rows, keys: summary.data.keys, totalRows: summary.data.totalRows }, { rows: dropped, keys: 25, totalRows: 101_766 });
    assert.doesNotMatch(fullText(summary), /\d{6,}/, 'no patient number in the message');
  });
});
