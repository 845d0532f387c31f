// The row scans of the dataset rules, run once each over every row. A scan is keyed by
// its object, not a rule id: rules that read another rule's facts ask for that scan and
// get its state with its type, and a scan several rules declare runs once.
import type { DatasetRule, RowScan, ScanSetup, ScanStates } from './rule';

export class RowScans implements ScanStates {
  private readonly states = new Map<RowScan<unknown>, unknown>();
  /** Scans that threw, with the error: the rules declaring them are reported, not run. */
  private readonly failed = new Map<RowScan<unknown>, unknown>();

  /**
   * `only`: which of the rules' scans to run (an editor runs those that merge in blocks apart
   * from the others). `first`: the first block's scans, for a later block's (RowScan.begin).
   */
  constructor(rules: readonly DatasetRule[], setup: ScanSetup, only: (scan: RowScan<unknown>) => boolean = () => true, first?: RowScans) {
    for (const rule of rules) {
      for (const scan of [rule.scan, rule.optionalScan] as (RowScan<unknown> | undefined)[]) {
        if (!scan || !only(scan) || this.states.has(scan) || this.failed.has(scan)) continue;
        try {
          this.states.set(scan, scan.begin(setup, first?.get(scan)));
        } catch (error) {
          this.failed.set(scan, error);
        }
      }
    }
  }

  row(values: readonly string[], line: number): void {
    for (const [scan, state] of this.states) {
      if (this.failed.has(scan)) continue;
      try {
        scan.row(state, values, line);
      } catch (error) {
        this.failed.set(scan, error);
      }
    }
  }

  /**
   * Adds the states `block` built over its rows (see RowScan.absorb), as if those rows had
   * been passed to `row`; `rows` replays them with their current lines. A scan that failed
   * on the block fails here too.
   */
  absorb(block: RowScans, lineShift: number, rows: () => Iterable<[readonly string[], number]>): void {
    for (const [scan, state] of this.states) {
      if (this.failed.has(scan)) continue;
      if (block.failed.has(scan)) {
        this.failed.set(scan, block.failed.get(scan));
        continue;
      }
      try {
        if (scan.absorb) scan.absorb(state, block.states.get(scan), lineShift, rows);
        else for (const [values, line] of rows()) scan.row(state, values, line);
      } catch (error) {
        this.failed.set(scan, error);
      }
    }
  }

  get<State>(scan: RowScan<State>): State | undefined {
    const key = scan as RowScan<unknown>;
    return this.failed.has(key) ? undefined : (this.states.get(key) as State | undefined);
  }

  /** The error that stopped this rule's scan, when it did. */
  failure(rule: DatasetRule): { error: unknown } | undefined {
    const scan = rule.scan as RowScan<unknown> | undefined;
    return scan && this.failed.has(scan) ? { error: this.failed.get(scan) } : undefined;
  }
}

/** The states of two sets of scans as one (each scan runs in one of them). */
export function bothScans(a: RowScans, b: RowScans): ScanStates & { failure(rule: DatasetRule): { error: unknown } | undefined } {
  return {
    get: (scan) => a.get(scan) ?? b.get(scan),
    failure: (rule) => a.failure(rule) ?? b.failure(rule),
  };
}
