// The profile of an edited document, merged from blocks of rows of which only those with
// changed rows were profiled again (profile/blocks.ts), equals a profile made in one pass
// over the new rows: every count, and the order of every map (first seen first), with
// distinct-value caps, dropped condition columns and repeated participants (first value,
// first differing value) crossing block boundaries. Random rows and random sequences of
// row inserts, deletes and replacements (fast-check), with tiny blocks and caps so every
// merge path runs, merged in groups of one to four blocks and then as groups; the same for
// the row scans that merge (privacy, inclusion, recording consistency), with
// tables long enough to fill their samples and caps; then the real pipeline on a table
// of several 4,096-row blocks, findings included.
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { describe, test } from 'node:test';
import { DEFAULT_MISSING_MARKERS, MissingMarkers } from '../../server/src/engine/missing';
import { profileInBlocks, type ProfileBlocks, type ProfileSetup } from '../../server/src/engine/profile/blocks';
import { ProfileBuilder, type ProfileOptions, type TableProfile } from '../../server/src/engine/profile/profile';
import { drain } from '../../server/src/engine/steps';
import { lintDataset } from '../../server/src/engine/lintDataset';
import { lintDocument } from '../../server/src/engine/lintDocument';
import { noPolicy } from './helpers';
import { DATASET_RULES } from '../../server/src/engine/rules';
import { RowScans } from '../../server/src/engine/rules/scanStates';
import type { RowScan, ScanSetup } from '../../server/src/engine/rules/rule';
import { privacyScan } from '../../server/src/engine/privacy/scan';
import { inclusionScan } from '../../server/src/engine/inclusion/scan';
import { ParticipantIds } from '../../server/src/engine/profile/participantIds';
import { consistencyScan } from '../../server/src/engine/rules/phenotype/consistency';

const HEADER = ['patient_nbr', 'race', 'age', 'site', 'note'];
const POOLS = [
  ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', '', 'NA'],
  ['White', 'Asian', 'Black', 'Other', 'Hispanic', 'NA', '?', ''],
  // 21 values and 3 missing markers: one more value than a condition column may have (20),
  // so a table holding all of them drops it, one lacking any keeps it.
  Array.from({ length: 24 }, (_, i) => (i < 3 ? ['', 'NA', 'unknown'][i] : String(i))),
  ['A', 'B', 'C', '', 'NA'],
  ['x', 'y', 'z', 'w', 'v', 'u', 't', ''],
];

const ROW = fc.tuple(...POOLS.map((pool) => fc.constantFrom(...pool)), fc.nat({ max: 9 }))
  // One row in ten is short (an unfinished line): missing cells past its end.
  .map(([...cells]) => { const cut = cells.pop() as number; return cut === 0 ? (cells as string[]).slice(0, 3) : (cells as string[]); });

const EDIT = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 6 }), insert: fc.array(ROW, { maxLength: 6 }) });

interface RowEdit { at: number; remove: number; insert: readonly (readonly string[])[] }

/**
 * Calls `visit` with the rows, then with them after each edit in turn (`at` a share of the
 * length). Inserted rows are new arrays; rows left alone keep theirs, as a splice keeps them.
 */
function eachVersion(start: readonly (readonly string[])[], edits: readonly RowEdit[], visit: (rows: (readonly string[])[]) => void): void {
  let rows = [...start];
  visit(rows);
  for (const edit of edits) {
    const at = Math.floor(edit.at * rows.length);
    rows = [...rows.slice(0, at), ...edit.insert.map((r) => [...r]), ...rows.slice(at + edit.remove)];
    visit(rows);
  }
}

/** Maps as ordered entry lists and typed arrays as arrays, so deepStrictEqual checks order too. */
function ordered(value: unknown): unknown {
  if (value instanceof Map) return ['Map', [...value].map(([k, v]) => [ordered(k), ordered(v)])];
  if (ArrayBuffer.isView(value)) return ['Typed', Array.from(value as Uint32Array)];
  if (value instanceof Set) return ['Set', [...value].map(ordered)];
  if (Array.isArray(value)) return value.map(ordered);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ordered(v)]));
  return value;
}

function setupWith(options: ProfileOptions, key: string): ProfileSetup {
  return { key, builder: () => new ProfileBuilder(HEADER, options), profiled: (values) => values };
}

function onePass(rows: readonly (readonly string[])[], setup: ProfileSetup): TableProfile {
  const builder = setup.builder();
  for (const values of rows) builder.addRow(values);
  return builder.finish();
}

describe('profile blocks', () => {
  test('after any sequence of row edits, the merged profile equals one pass over the rows', () => {
    let reused = 0;
    let reusedGroups = 0;
    let replayedCaps = 0;
    fc.assert(fc.property(
      fc.array(ROW, { maxLength: 120, size: 'max' }), fc.array(EDIT, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.boolean(),
      (start, edits, size, group, cap, ancestryCap, participants) => {
        const markers = HEADER.map(() => new MissingMarkers(DEFAULT_MISSING_MARKERS));
        const setup = setupWith({
          markers, ancestryColumns: [1], distinctCap: cap, ancestryDistinctCap: ancestryCap,
          participantColumn: participants ? { index: 0, noun: 'patients' } : undefined,
        }, 'k');
        let previous: ProfileBlocks | undefined;
        eachVersion(start, edits, (rows) => {
          const { profile, blocks } = drain(profileInBlocks(rows, rows.map((_, i) => i + 1), setup, previous, HEADER.length, size, group));
          const before = new Set(previous?.blocks.map((b) => b.builder));
          reused += blocks.blocks.filter((b) => before.has(b.builder)).length;
          const groupsBefore = new Set(previous?.groups.filter((g) => g.blocks.length > 1).map((g) => g.builder));
          reusedGroups += blocks.groups.filter((g) => groupsBefore.has(g.builder)).length;
          assert.deepStrictEqual(ordered(profile), ordered(onePass(rows, setup)));
          if (profile.columns.some((c) => c.valuesTruncated && c.values.size > 0)) replayedCaps++;
          previous = blocks;
        });
      }), { numRuns: 500 });
    // Blocks were reused and caps were reached: the property is not vacuous.
    assert.ok(reused > 1000, `only ${reused} blocks reused`);
    assert.ok(reusedGroups > 300, `only ${reusedGroups} merged groups reused`);
    assert.ok(replayedCaps > 100, `caps reached only ${replayedCaps} times`);
  });

  test('after any sequence of row edits, the merged scan states equal one pass over the rows', () => {
    // Blocks of 1,000 rows or more now and then: the first then sniffs itself and later ones
    // skip the columns it dropped. Enough rows that the privacy evidence's 1,000-value sample fills inside a block, and
    // cell pools past the cross-tabulation's 20 levels and the classes' distinct values.
    const header = ['patient_nbr', 'race', 'gender', 'age', 'zip', 'site', 'birth_date', 'diag_1', 'bmi', 'visit_date', 'smoker'];
    const cell = (pool: string[]) => fc.constantFrom(...pool);
    const row = fc.tuple(
      cell(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', '', 'NA']), cell(['White', 'Asian', 'Black', 'Other', 'Hispanic', 'NA', '?', '']),
      cell(['Male', 'Female', 'Unknown', '', 'NA']), cell(['34', '67', '91', '[90-100)', '[60-70)', '', '?']),
      cell(['02139', '10001', '90210', '03601', '036', '', 'N/A']),
      // 51 sites: one more group than a grouping may have, so cross-tabulating by site stops when all appear.
      fc.integer({ min: 0, max: 51 }).map((n) => (n === 51 ? '' : `S${n}`)), cell(['1950-03-02', '1961-11-30', '', '03/02/1950']),
      // Codes of several shapes and systems, quantities in and out of range, dates in several formats.
      cell(['250.83', 'E11.9', 'V57', '401', 'I10', '', '?', 'E119', '250', 'Z00.0', '12.3']),
      // 65 values: one more class than a group's row may have, so a grouping's table goes when all appear.
      fc.oneof(fc.integer({ min: 10, max: 71 }).map(String), cell(['150', '2', '', 'NA', '27.5 kg/m2'])),
      cell(['2020-01-02', '02/01/2020', '2020-13-01', '1/2/2020', '', 'unknown']),
      // 21 answers: one more level than a cross-tabulated column may have, so its tables go when all appear.
      fc.integer({ min: 0, max: 21 }).map((n) => (n === 21 ? '' : n < 4 ? ['yes', 'Yes', 'no', 'NO'][n] : `former ${n}`)),
    ).map((cells) => cells as string[]);
    const setup: ScanSetup = { header, policy: noPolicy().policy, ancestryColumns: [1], today: new Date('2026-01-01') };
    // Blocks merged number their participants alike (ScanSetup.participantIds); each property run numbers afresh.
    let participantIds = new ParticipantIds();
    const merging = (block: boolean, firstBlock?: boolean, first?: RowScans) => new RowScans(DATASET_RULES, { ...setup, block, firstBlock, participantIds }, (scan) => scan.absorb !== undefined, first);
    const rowsOf = fc.array(row, { maxLength: 2500, size: 'max' });
    const observable = (scans: { get<S>(scan: RowScan<S>): S | undefined }) => {
      const { markers: _m, plan: _p, levels, ...privacy } = scans.get(privacyScan)!;
      // Id numbers differ between the two passes' numberings; how many were counted does not.
      const { counted: _c, ids: _i, seen: _n, ...inclusion } = scans.get(inclusionScan)!;
      // The memo is a cache and the setup, markers and scratch are the same objects' copies.
      const { setup: _s, markers: _k, groupScratch: _g, deferSniff: _d, columns, ...consistency } = scans.get(consistencyScan)!;
      return ordered({
        privacy: { ...privacy, levels: [...levels].map(([c, l]) => [c, l && [...l.index]]) }, inclusion,
        consistency: { ...consistency, columns: columns.map((c) => c && { ...c, memo: undefined }) },
      });
    };
    let crossTabs = 0;
    let hinted = 0;
    fc.assert(fc.property(rowsOf, fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fc.array(row, { maxLength: 30 }) }), { minLength: 1, maxLength: 4 }), fc.oneof(fc.integer({ min: 50, max: 900 }), fc.integer({ min: 1000, max: 1200 })), fc.integer({ min: 1, max: 4 }), (start, edits, size, group) => {
      participantIds = new ParticipantIds();
      const profileSetup = { ...setupWith({ markers: header.map(() => new MissingMarkers(DEFAULT_MISSING_MARKERS)), ancestryColumns: [1] }, 'k'), scans: merging };
      let previous: ProfileBlocks | undefined;
      eachVersion(start, edits, (rows) => {
        const lines = rows.map((_, i) => i + 1);
        const { scans, blocks } = drain(profileInBlocks(rows, lines, profileSetup, previous, header.length, size, group));
        const single = new RowScans(DATASET_RULES, setup, (scan) => scan.absorb !== undefined);
        rows.forEach((values, i) => single.row(values, lines[i]));
        assert.deepStrictEqual(observable(scans!), observable(single));
        if (scans!.get(privacyScan)!.tables.length > 0) crossTabs++;
        // Later blocks that skipped the columns their first block's sniff dropped.
        hinted += blocks.blocks.filter((b) => b.scans?.get(consistencyScan)?.skipped !== undefined).length;
        previous = blocks;
      });
    // Shrinking thousands of rows takes minutes: the first counterexample is reported as found.
    }), { numRuns: 40, endOnFailure: true });
    assert.ok(crossTabs > 10, `cross-tabulations kept only ${crossTabs} times`);
    assert.ok(hinted > 10, `blocks began from their first block's sniff only ${hinted} times`);
  });

  test('blocks of another setup are not reused', () => {
    const rows = [['p1', 'White', '1', 'A', 'x'], ['p1', 'NA', '2', 'B', 'y']];
    const markers = HEADER.map(() => new MissingMarkers(DEFAULT_MISSING_MARKERS));
    const first = drain(profileInBlocks(rows, [1, 2], setupWith({ markers, ancestryColumns: [1] }, 'a'), undefined, HEADER.length, 1));
    const other = setupWith({ markers, ancestryColumns: [] }, 'b');
    const again = drain(profileInBlocks(rows, [1, 2], other, first.blocks, HEADER.length, 1));
    assert.ok(again.blocks.blocks.every((b) => !first.blocks.blocks.some((old) => old.builder === b.builder)));
    assert.deepStrictEqual(ordered(again.profile), ordered(onePass(rows, other)));
  });

  test('an edited 20,000-row dataset: the spliced, block-merged profile equals a fresh lint', () => {
    const race = ['Caucasian', 'AfricanAmerican', 'Asian', 'Hispanic', 'Other', '?'];
    const lines = ['encounter_id,patient_nbr,race,gender,age,A1Cresult,diag_1'];
    for (let i = 0; i < 20_000; i++) {
      lines.push(`${i},${(i * 7919) % 14_000},${race[(i * 31) % 6]},${i % 3 ? 'Female' : 'Male'},[${(i % 10) * 10}-${(i % 10) * 10 + 10}),${['None', '>7', 'Norm', '>8'][i % 4]},${250 + (i % 97)}`);
    }
    let text = lines.join('\n') + '\n';
    const options = { today: new Date('2026-01-01') };
    let before = lintDataset('/virtual/project/diabetic.csv', text, 'csv', noPolicy(), options);
    const edits: [number, string][] = [[9000, '5,77,Asian,Male,[10-20),None,401'], [15000, ''], [4100, 'x,1,Hispanic,Female,[0-10),>7,250\n1,2,Other,Male,?,?,?']];
    for (const [line, replacement] of edits) {
      const at = before.table.lines.lineStart(line);
      const end = before.table.lines.lineStart(line + 1);
      text = text.slice(0, at) + (replacement ? replacement + '\n' : '') + text.slice(end);
      const after = lintDataset('/virtual/project/diabetic.csv', text, 'csv', noPolicy(), options, { previousTable: before.table, previousProfile: before.profileBlocks });
      const fresh = lintDataset('/virtual/project/diabetic.csv', text, 'csv', noPolicy(), options);
      assert.notEqual(after.table.rows, fresh.table.rows);
      const kept = new Set(before.profileBlocks!.blocks.map((b) => b.builder));
      assert.ok(after.profileBlocks!.blocks.filter((b) => kept.has(b.builder)).length >= 3, 'unchanged blocks were reused');
      assert.deepStrictEqual(ordered(after.profile), ordered(fresh.profile));
      // The scans merged by blocks too: every finding is the one a fresh lint makes.
      assert.deepStrictEqual(after.findings, fresh.findings);
      before = after;
    }
  });

  test('a one-off lint profiles in one pass: the profile and findings of the blocks, no blocks kept', () => {
    const race = ['White', 'Black or African American', 'Asian', 'Hispanic', 'Unknown', ''];
    const lines = ['visit_id,participant_id,race,sex,zip,birth_date,site,bmi,diag_1'];
    for (let i = 0; i < 12_000; i++) {
      const bmi = i % 11 === 0 ? '' : String(18 + ((i * 13) % 170) / 10);
      lines.push(`${i},P${(i * 389) % 9000},${race[(i * 7) % 6]},${i % 5 ? 'F' : 'M'},${String(10000 + ((i * 97) % 80000)).padStart(5, '0')},19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10},S${i % 7},${i % 3 === 0 && i % 7 === 0 ? '' : bmi},${i % 4 ? 'E11.' + (i % 10) : '250.0' + (i % 10)}`);
    }
    const text = lines.join('\n') + '\n';
    const environment = { policy: noPolicy(), read: () => undefined, options: { today: new Date('2026-01-01') } };
    const once = lintDocument('/virtual/project/visits.csv', text, 'csv', environment);
    const kept = lintDocument('/virtual/project/visits.csv', text, 'csv', { ...environment, keepBlocks: true });
    assert.ok(once?.kind === 'dataset' && kept?.kind === 'dataset');
    assert.equal(once.profileBlocks, undefined);
    assert.ok(kept.profileBlocks!.blocks.length >= 2, 'the editor\'s lint keeps its blocks');
    assert.deepStrictEqual(ordered(once.profile), ordered(kept.profile));
    assert.deepStrictEqual(once.findings, kept.findings);
    assert.ok(once.findings.length > 0);
  });

  test('what the merging scans work out from the header is worked out once per setup', () => {
    const header = ['patient_nbr', 'race', 'zip', 'bmi', 'site'];
    const setup: ScanSetup = { header, policy: noPolicy().policy, ancestryColumns: [1], today: new Date('2026-01-01') };
    const a = privacyScan.begin({ ...setup, block: true, firstBlock: true });
    const b = privacyScan.begin({ ...setup, block: true });
    assert.equal(a.plan, b.plan);
    assert.equal(a.markers, b.markers);
    // The recording-consistency scan works its columns out at its first row, once per setup too.
    const c = consistencyScan.begin({ ...setup, block: true, firstBlock: true });
    const d = consistencyScan.begin(setup);
    for (const state of [c, d]) consistencyScan.row(state, ['p1', 'White', '02139', '27.5', 'S1'], 1);
    assert.equal(c.eligible, d.eligible);
    assert.equal(c.markers, a.markers);
    assert.equal(c.columns[3]?.quantity, d.columns[3]?.quantity);
    // Another policy (or another header) is another setup.
    assert.notEqual(privacyScan.begin({ ...setup, policy: noPolicy().policy }).plan, a.plan);
    assert.notEqual(privacyScan.begin({ ...setup, header: [...header] }).plan, a.plan);
  });
});
