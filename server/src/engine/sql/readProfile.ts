// The result of profileQuery back into the TableProfile the rules read, the same object the
// JavaScript ProfileBuilder builds (values and groups in the order first seen).
import { bump } from '../counts';
import { CONDITION_VALUE_CAP, type ConditionColumn, type MissingnessSketch } from '../profile/missingnessSketch';
import type { AncestryConflicts, ParticipantProfile } from '../profile/participants';
import type { GroupTally, TableProfile } from '../profile/profile';
import { planFingerprint } from './fingerprint';
import type { ProfilePlan } from './plan';

export interface ProfileRow {
  part: string;
  col: number | null;
  grp: string | null;
  grp2: string | null;
  val: string | null;
  n: number | null;
  first: number | null;
}

const byFirst = (a: ProfileRow, b: ProfileRow) => (a.first ?? 0) - (b.first ?? 0);
const missingIn = (pattern: string) => [...pattern].flatMap((bit, i) => (bit === '1' ? [i] : []));

/** The header a result was computed for (its `column` rows). */
export function resultHeader(rows: ProfileRow[]): string[] {
  return rows.filter((r) => r.part === 'column').sort((a, b) => a.col! - b.col!).map((r) => r.val ?? '');
}

function tallyOf(tallies: Map<string, GroupTally>, group: string): GroupTally {
  let tally = tallies.get(group);
  if (!tally) tallies.set(group, (tally = { rows: 0, missingPerColumn: new Map() }));
  return tally;
}

function addPattern(tally: GroupTally, pattern: string, n: number): void {
  tally.rows += n;
  for (const i of missingIn(pattern)) bump(tally.missingPerColumn, i, n);
}

function sketchOf(width: number, part: (name: string) => ProfileRow[]): MissingnessSketch {
  const bothMissing = new Uint32Array(width * width);
  for (const r of part('pattern').filter((r) => r.col === -1)) {
    const idx = missingIn(r.val!);
    for (let a = 0; a < idx.length; a++) for (let b = a + 1; b < idx.length; b++) bothMissing[idx[a] * width + idx[b]] += r.n!;
  }
  const conditions: (ConditionColumn | undefined)[] = Array.from({ length: width }, () => undefined);
  const byColumn = new Map<number, ProfileRow[]>();
  for (const r of part('condition')) byColumn.set(r.col!, [...byColumn.get(r.col!) ?? [], r]);
  for (const [d, rows] of byColumn) {
    const firstSeen = new Map<string, number>();
    for (const r of rows) firstSeen.set(r.grp!, Math.min(firstSeen.get(r.grp!) ?? Infinity, r.first!));
    const values = [...firstSeen.keys()].sort((a, b) => firstSeen.get(a)! - firstSeen.get(b)!);
    const code = new Map(values.map((v, k) => [v, k]));
    const condition: ConditionColumn = { values, rows: new Uint32Array(CONDITION_VALUE_CAP), missing: new Uint32Array(width * CONDITION_VALUE_CAP) };
    for (const r of rows) {
      const k = code.get(r.grp!)!;
      condition.rows[k] += r.n!;
      for (const c of missingIn(r.val!)) condition.missing[c * CONDITION_VALUE_CAP + k] += r.n!;
    }
    conditions[d] = condition;
  }
  return { width, bothMissing, conditions };
}

function participantsOf(plan: ProfilePlan, rowCount: number, rows: ProfileRow[]): ParticipantProfile | undefined {
  const who = plan.participant;
  if (!who) return undefined;
  const all = rows.filter((r) => r.col === -1);
  const count = all.reduce((s, r) => s + r.n!, 0);
  if (count === rowCount) return undefined;
  const width = plan.columns.length;
  const missing = new Uint32Array(width);
  for (const r of all) [...r.val!].forEach((bit, i) => { if (bit === '0') missing[i] += r.n!; });
  const groups = new Map<number, Map<string, GroupTally>>();
  const ancestryMissing = new Map<number, number>();
  const conflicts = new Map<number, AncestryConflicts>();
  plan.ancestryColumns.forEach((a, k) => {
    const tallies = new Map<string, GroupTally>();
    const pairs = new Map<string, [string, string, number]>();
    let none = 0;
    let conflicted = 0;
    const firstOfPair = new Map<string, number>();
    // Participants in the order they first appear, as the JavaScript tracker numbers them.
    for (const r of rows.filter((x) => x.col === k).sort(byFirst)) {
      if (r.grp === null) { none += r.n!; continue; }
      const tally = tallyOf(tallies, r.grp);
      tally.rows += r.n!;
      [...r.val!].forEach((bit, i) => { if (bit === '0') bump(tally.missingPerColumn, i, r.n!); });
      if (r.grp2 !== null) {
        conflicted += r.n!;
        const key = JSON.stringify([r.grp, r.grp2]);
        const pair = pairs.get(key) ?? [r.grp, r.grp2, 0];
        firstOfPair.set(key, Math.min(firstOfPair.get(key) ?? Infinity, r.first!));
        pair[2] += r.n!;
        pairs.set(key, pair);
      }
    }
    groups.set(a, tallies);
    ancestryMissing.set(a, none);
    conflicts.set(a, { participants: conflicted, pairs: [...pairs.entries()].sort(([kx, x], [ky, y]) => y[2] - x[2] || firstOfPair.get(kx)! - firstOfPair.get(ky)!).map(([, pair]) => pair).slice(0, 1000) });
  });
  return { column: plan.columns[who.index].name, columnIndex: who.index, noun: who.noun, count, rows: rowCount, groups, missing, ancestryMissing, conflicts };
}

export function readProfile(plan: ProfilePlan, rows: ProfileRow[]): TableProfile {
  const fingerprint = rows.find((r) => r.part === 'plan')?.val;
  if (fingerprint !== planFingerprint(plan)) {
    throw new Error(`these results were computed for another header or policy (plan ${fingerprint ?? 'missing'}, expected ${planFingerprint(plan)}): print the queries again with cohort-lint sql and rerun them`);
  }
  const parts = new Map<string, ProfileRow[]>();
  for (const r of rows) parts.set(r.part, [...parts.get(r.part) ?? [], r]);
  const part = (name: string) => parts.get(name) ?? [];
  const all = part('pattern').filter((r) => r.col === -1);
  const rowCount = all.reduce((s, r) => s + r.n!, 0);
  const columns: TableProfile['columns'] = plan.columns.map((c) => ({ index: c.index, name: c.name, missing: 0, missingByMarker: new Map(), values: new Map(), valuesTruncated: false }));
  for (const r of [...part('marker')].sort(byFirst)) {
    columns[r.col!].missing += r.n!;
    columns[r.col!].missingByMarker.set(r.val!, r.n!);
  }
  for (const r of [...part('value')].sort(byFirst)) columns[r.col!].values.set(r.val!, r.n!);
  for (const r of part('distinct')) columns[r.col!].valuesTruncated = r.n! > plan.columns[r.col!].cap;
  const groups = new Map<number, Map<string, GroupTally>>();
  const groupMissing = new Map<number, Map<string, number>>();
  plan.ancestryColumns.forEach((a, k) => {
    const tallies = new Map<string, GroupTally>();
    const byGroup = part('pattern').filter((r) => r.col === k).sort(byFirst);
    for (const r of byGroup) addPattern(tallyOf(tallies, r.grp!), r.val!, r.n!);
    groups.set(a, tallies);
    groupMissing.set(a, new Map(columns[a].missingByMarker));
  });
  return {
    rowCount, columns, groups, groupMissing,
    missingness: sketchOf(plan.columns.length, part),
    participants: participantsOf(plan, rowCount, part('participant')),
  };
}
