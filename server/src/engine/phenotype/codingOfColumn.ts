// Which code system a column is in, from the shapes its row scan counted. Shapes that
// several systems allow (`V45`, `E878`) go to the system the column's unambiguous values
// support most; a second system counts only on values no other system allows, and only
// with at least MIN_OTHER_VALUES of them making MIN_OTHER_SHARE of the coded values. A
// system with a check digit (SNOMED CT, LOINC) counts only where most values of its shape
// pass the check: otherwise they are numbers that happen to pass.
import { codeSystemNamed, type CodeSystemId } from './codeSystems';
import type { ColumnTally } from './consistencyScan';

export const MIN_OTHER_VALUES = 5;
export const MIN_OTHER_SHARE = 0.01;
/** Share of a check-digit system's shape matches that must pass the check. */
export const MIN_CHECK_PASS = 0.9;
/** Share of an unnamed column's values that must look like codes (not plain numbers). */
export const MIN_CODE_LIKE = 0.5;

export interface SystemCount {
  system: CodeSystemId;
  /** Values read as this system (ambiguous ones included when assigned to it). */
  count: number;
  /** Values whose shape only this system allows. */
  unambiguous: number;
  /** How its values look (digits as 9), most common first. */
  shapes: string[];
}

export interface ColumnCoding {
  column: string;
  columnIndex: number;
  /** The system most values are in, or the policy's. */
  primary: CodeSystemId;
  declared?: CodeSystemId;
  systems: SystemCount[];
  /** Values more than one system allows, read as the system they were assigned to. */
  ambiguous: number;
  coded: number;
  nonMissing: number;
  /** Systems other than the primary with strong enough evidence (or any, when declared). */
  others: SystemCount[];
  /** The system each shape class of the scan (ColumnTally.codes key) was read as. */
  assigned: Map<string, CodeSystemId>;
}

function declaredSystem(policyMap: Record<string, string> | undefined, column: string): CodeSystemId | undefined {
  if (!policyMap) return undefined;
  const key = Object.keys(policyMap).find((k) => k.toLowerCase() === column.toLowerCase());
  return key === undefined ? undefined : codeSystemNamed(policyMap[key]);
}

/** The column's coding, or undefined when it is not a code column. */
export function codingOf(tally: ColumnTally, policyMap: Record<string, string> | undefined): ColumnCoding | undefined {
  const declared = declaredSystem(policyMap, tally.name);
  const named = tally.namedCodes || declared !== undefined;
  if (tally.nonMissing === 0 || (!named && tally.codeLike < MIN_CODE_LIKE * tally.nonMissing)) return undefined;
  const checked = (system: CodeSystemId): boolean => {
    const failed = tally.checkFailed.get(system) ?? 0;
    const passed = [...tally.codes.values()].filter((c) => c.candidates.includes(system)).reduce((n, c) => n + c.count, 0);
    return passed > 0 && passed >= MIN_CHECK_PASS * (passed + failed);
  };
  const usable = [...tally.codes]
    .map(([key, c]) => ({ ...c, key, candidates: c.candidates.filter((s) => (s !== 'SNOMED CT' && s !== 'LOINC') || checked(s)) }))
    // Plain numbers are ICD-9-CM only where the header says codes.
    .filter((c) => c.candidates.length > 0 && (!c.plainNumber || named));
  // Nothing but one-digit numbers (`heart_disease` of 0/1, a severity 1–4): a flag or a
  // scale under a disease name, not ICD-9-CM codes 001–009 with their zeros dropped. Every
  // shape is kept below SHAPES_KEPT, so one shape `9` means every value had one digit.
  if (!declared && usable.length > 0 && usable.every((c) => c.plainNumber && c.shapes.size === 1 && c.shapes.has('9'))) return undefined;
  const support = new Map<CodeSystemId, number>();
  for (const c of usable) if (c.candidates.length === 1) support.set(c.candidates[0], (support.get(c.candidates[0]) ?? 0) + c.count);
  const bySupport = (a: CodeSystemId, b: CodeSystemId) => (support.get(b) ?? 0) - (support.get(a) ?? 0);
  const strongest = [...support.keys()].sort(bySupport)[0];
  // With only ambiguous values (every one `V45`-like), the header's system, else the first candidate.
  const candidates = usable.flatMap((c) => c.candidates);
  const header = tally.headerSystem !== undefined && candidates.includes(tally.headerSystem) ? tally.headerSystem : undefined;
  const primary = declared ?? strongest ?? header ?? candidates[0];
  if (primary === undefined) return undefined;

  const systems = new Map<CodeSystemId, SystemCount & { shapeCounts: Map<string, number> }>();
  let ambiguous = 0;
  const assignedByKey = new Map<string, CodeSystemId>();
  for (const c of usable) {
    const assigned = c.candidates.includes(primary) ? primary : [...c.candidates].sort(bySupport)[0];
    assignedByKey.set(c.key, assigned);
    if (c.candidates.length > 1) ambiguous += c.count;
    let s = systems.get(assigned);
    if (!s) systems.set(assigned, (s = { system: assigned, count: 0, unambiguous: 0, shapes: [], shapeCounts: new Map() }));
    s.count += c.count;
    if (c.candidates.length === 1) s.unambiguous += c.count;
    for (const [shape, n] of c.shapes) s.shapeCounts.set(shape, (s.shapeCounts.get(shape) ?? 0) + n);
  }
  const coded = [...systems.values()].reduce((n, s) => n + s.count, 0);
  const list = [...systems.values()]
    .map(({ shapeCounts, ...s }) => ({ ...s, shapes: [...shapeCounts].sort((a, b) => b[1] - a[1]).map(([shape]) => shape) }))
    .sort((a, b) => b.count - a.count);
  const others = list.filter((s) => s.system !== primary && (declared !== undefined
    ? s.count > 0
    : s.unambiguous >= MIN_OTHER_VALUES && s.unambiguous >= MIN_OTHER_SHARE * coded));
  return { column: tally.name, columnIndex: tally.index, primary, declared, systems: list, ambiguous, coded, nonMissing: tally.nonMissing, others, assigned: assignedByKey };
}
