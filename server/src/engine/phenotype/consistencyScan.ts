// One pass over the rows for the recording-consistency rules (coding, units, formats,
// plausibility, recording by group or site). Per phenotype column it counts code-system
// shapes, date formats, numbers on a log scale and values outside each unit's plausible
// range; per grouping column (a site column, each ancestry column) it cross-tabulates
// those classes by group. Everything is counts, capped maps and capped line lists, so a
// streamed file costs the same memory as a small one. Values are read once per distinct
// value per column (memoised), since clinical columns repeat values.
import { bump } from '../counts';
import { labelKey } from '../ancestry/labelKey';
import type { MissingMarkers } from '../missing';
import { perSetup, setupMarkers } from '../rules/perSetup';
import type { ScanSetup } from '../rules/rule';
import { codeShape, namesCodes, shapeOf, systemInHeader, type CodeSystemId } from './codeSystems';
import { columnRoles } from './columnRoles';
import { readDate } from './dateFormats';
import { spellingMix } from './spellings';
import { inRange, quantityOfHeader, readMeasurement, unitNamed, type QuantityColumn } from './quantities';

/** Log-scale bins per decade for the value histogram (about 1.2% wide). */
export const BINS_PER_DECADE = 200;
export const MEMO_LIMIT = 5000;
/** Rows after which columns with nothing to find stop being scanned. */
export const SNIFF_ROWS = 1000;
export const SHAPES_KEPT = 5;
export const LINES_KEPT = 20;
/** A grouping with more groups than this (a free-text column) is not cross-tabulated. */
export const MAX_GROUPS = 50;
/** A column with more classes than this in one grouping stops being cross-tabulated. */
export const MAX_CLASSES = 64;

/** Header names of a site column (labelKey), when the policy names none. */
const SITE_KEYS = new Set([
  'site', 'siteid', 'sitename', 'sitecode', 'studysite', 'recruitmentsite', 'centre', 'center', 'centreid', 'centerid', 'centrename', 'centername',
  'assessmentcentre', 'assessmentcenter', 'recruitmentcentre', 'hospital', 'hospitalid', 'hospitalname', 'clinic', 'clinicid', 'source', 'datasource', 'institution', 'facility',
]);

export interface CodeTally {
  candidates: CodeSystemId[];
  plainNumber: boolean;
  count: number;
  /** Up to SHAPES_KEPT shapes (`V99`, `999.99`) with counts: examples that name no value. */
  shapes: Map<string, number>;
}

export interface OutsideTally {
  below: number;
  above: number;
  /** Of those, values exactly 0 (below every range that excludes 0): a missing code, when they are all of them. */
  zeros: number;
  /** 0-based lines of the first values outside, up to LINES_KEPT. */
  lines: number[];
}

interface ValueFacts {
  codeKey?: string;
  checkFailed?: CodeSystemId;
  codeLike: boolean;
  shape?: string;
  dateKey?: string;
  number?: number;
  band: boolean;
  unitId?: string;
  /** The class the value is cross-tabulated under (classOf). */
  classKey?: string;
}

export interface ColumnTally {
  index: number;
  name: string;
  namedCodes: boolean;
  headerSystem?: CodeSystemId;
  quantity?: QuantityColumn;
  nonMissing: number;
  codes: Map<string, CodeTally>;
  codeLike: number;
  checkFailed: Map<CodeSystemId, number>;
  /** Date format id, or `?/` (`?.`, `?-`) for a day/month/year value either order reads. */
  dates: Map<string, number>;
  dateLike: number;
  numbers: number;
  bands: number;
  /** Positive numbers by log bin (Math.round(log10(v) × BINS_PER_DECADE)). */
  histogram: Map<number, number>;
  /** Numbers written with a unit after them (`170 cm`), by unit id. */
  unitsInValues: Map<string, number>;
  /** Per unit id of the quantity, and `*` for outside every unit's range. */
  outside: Map<string, OutsideTally>;
  memo: Map<string, ValueFacts>;
  /** Per grouping: per group id (Grouping.ids), class key → rows. Undefined once dropped. */
  byGroup: (Map<string, number>[] | undefined)[];
  /** No longer scanned: after SNIFF_ROWS nothing in it can be coded, dated, measured or cross-tabulated. */
  dropped: boolean;
}

export interface Grouping {
  index: number;
  name: string;
  kind: 'site' | 'ancestry';
  dropped: boolean;
  /** Group value → id (the index into each column's byGroup table). */
  ids: Map<string, number>;
  /** Group values by id. */
  groups: string[];
}

export interface ConsistencyState {
  setup: ScanSetup;
  header: readonly string[];
  /** 1 for the columns scanned: phenotype columns other than the site column. */
  eligible: Uint8Array;
  /** Per column, its tally once it has a value (undefined before, and for columns not scanned). */
  columns: (ColumnTally | undefined)[];
  groupings: Grouping[];
  markers: MissingMarkers[];
  /** The current row's group id per grouping, -1 for none (reused, not reallocated per row). */
  groupScratch: number[];
  rows: number;
  /** A block after the first (ScanSetup): its columns are not sniffed, the merge does it where one pass would. */
  deferSniff: boolean;
  /**
   * For a block after the first: 1 for the columns the first block's sniff dropped, which
   * this state does not tally (most columns of a wide file: scanning them in every
   * re-profiled block cost most of this scan's time). Its counts of them are unknown, so
   * merging it where such a column is not dropped replays its rows (consistencyAbsorb.ts).
   */
  skipped?: Uint8Array;
}

function siteColumn(header: readonly string[], named: string | undefined): number {
  if (named !== undefined) return header.findIndex((h) => labelKey(h) === labelKey(named));
  return header.findIndex((h) => SITE_KEYS.has(labelKey(h)));
}

export function beginConsistency(setup: ScanSetup, first?: ConsistencyState): ConsistencyState {
  const deferSniff = setup.block === true && setup.firstBlock !== true;
  return {
    setup, header: setup.header, eligible: new Uint8Array(0), columns: [], groupings: [], markers: [], groupScratch: [], rows: 0, deferSniff,
    skipped: deferSniff && first ? droppedBy(first) : undefined,
  };
}

/** The columns a first block's sniff dropped, or undefined when it dropped none (or did not sniff). */
function droppedBy(first: ConsistencyState): Uint8Array | undefined {
  if (first.deferSniff || first.rows < SNIFF_ROWS) return undefined;
  let skipped: Uint8Array | undefined;
  first.columns.forEach((column, i) => {
    if (column?.dropped) (skipped ??= new Uint8Array(first.header.length))[i] = 1;
  });
  return skipped;
}

/**
 * Column roles, groupings and missing markers, worked out at the first row: a file with
 * a header and no rows (or a header of half a million names) costs nothing more.
 */
export function prepare(state: ConsistencyState): void {
  const { header, ancestryColumns } = state.setup;
  const { site, eligible } = perSetup(state.setup, scannedColumns);
  state.groupings = [
    ...(site >= 0 ? [{ index: site, name: header[site], kind: 'site' as const, dropped: false, ids: new Map(), groups: [] }] : []),
    ...ancestryColumns.filter((i) => i !== site).map((i) => ({ index: i, name: header[i], kind: 'ancestry' as const, dropped: false, ids: new Map(), groups: [] })),
  ];
  state.eligible = eligible;
  state.columns = header.map(() => undefined);
  state.markers = setupMarkers(state.setup);
  state.groupScratch = state.groupings.map(() => -1);
}

/** The site column and the columns scanned, the same for every block (rules/perSetup.ts): never changed. */
function scannedColumns({ header, policy, ancestryColumns }: ScanSetup): { site: number; eligible: Uint8Array } {
  const roles = columnRoles(header, policy, ancestryColumns);
  const site = siteColumn(header, policy.phenotype.siteColumn);
  const eligible = new Uint8Array(header.length);
  for (const i of roles.phenotype) if (i !== site) eligible[i] = 1;
  return { site, eligible };
}

type HeaderFacts = Pick<ColumnTally, 'namedCodes' | 'headerSystem' | 'quantity'>;

/** Per column index, what its name says (read at its first tally, shared by every block's). */
const headerFacts = (_setup: ScanSetup) => new Map<number, HeaderFacts>();

/** A column's tally, made at its first value: a header of half a million names with no rows costs nothing. */
export function tallyFor(state: ConsistencyState, index: number): ColumnTally {
  const name = state.header[index];
  const byColumn = perSetup(state.setup, headerFacts);
  let named = byColumn.get(index);
  if (!named) byColumn.set(index, (named = { namedCodes: namesCodes(name), headerSystem: systemInHeader(name), quantity: quantityOfHeader(name) }));
  const tally: ColumnTally = {
    index, name, ...named,
    nonMissing: 0, codes: new Map(), codeLike: 0, checkFailed: new Map(), dates: new Map(), dateLike: 0,
    numbers: 0, bands: 0, histogram: new Map(), unitsInValues: new Map(), outside: new Map(), memo: new Map(),
    byGroup: state.groupings.map(() => []), dropped: false,
  };
  state.columns[index] = tally;
  return tally;
}

function factsOf(column: ColumnTally, value: string): ValueFacts {
  const known = column.memo.get(value);
  if (known) return known;
  const shape = codeShape(value);
  const facts: ValueFacts = { codeLike: shape.candidates.length > 0 && !shape.plainNumber, checkFailed: shape.checkFailed, band: false };
  if (shape.candidates.length > 0) {
    const key = shape.candidates.join('|') + (shape.plainNumber ? '#' : '');
    facts.codeKey = key;
    let tally = column.codes.get(key);
    if (!tally) column.codes.set(key, (tally = { candidates: shape.candidates, plainNumber: shape.plainNumber, count: 0, shapes: new Map() }));
    facts.shape = shapeOf(value);
    if (!tally.shapes.has(facts.shape) && tally.shapes.size < SHAPES_KEPT) tally.shapes.set(facts.shape, 0);
  }
  const date = readDate(value);
  if (date) facts.dateKey = date.format ?? `?${date.separator}`;
  const measured = readMeasurement(value);
  if (measured.kind === 'number') {
    const unit = measured.unitText !== undefined && column.quantity ? unitNamed(column.quantity.quantity, measured.unitText) : undefined;
    if (measured.unitText === undefined || unit) facts.number = measured.value;
    facts.unitId = unit?.id;
  } else if (measured.kind === 'band') facts.band = true;
  facts.classKey = classOf(column, facts, value);
  if (column.memo.size < MEMO_LIMIT) column.memo.set(value, facts);
  return facts;
}

function outsideTally(column: ColumnTally, key: string): OutsideTally {
  let tally = column.outside.get(key);
  if (!tally) column.outside.set(key, (tally = { below: 0, above: 0, zeros: 0, lines: [] }));
  return tally;
}

function countOutside(column: ColumnTally, value: number, line: number): void {
  const units = column.quantity!.quantity.units;
  let outsideAll = true;
  let low = true;
  for (const unit of units) {
    // `*` is outside every unit a column may be in unstated; a unit used only when shown
    // (age in days) has its own tally and no say in `*`.
    const assumed = !unit.whenShown;
    if (inRange(unit, value)) { if (assumed) outsideAll = false; continue; }
    const tally = outsideTally(column, unit.id);
    if (value < unit.low) tally.below++; else { tally.above++; if (assumed) low = false; }
    if (value === 0) tally.zeros++;
    if (tally.lines.length < LINES_KEPT) tally.lines.push(line);
  }
  if (!outsideAll) return;
  const all = outsideTally(column, '*');
  if (low) all.below++; else all.above++;
  if (value === 0) all.zeros++;
  if (all.lines.length < LINES_KEPT) all.lines.push(line);
}

export function binOf(value: number): number {
  return Math.round(Math.log10(value) * BINS_PER_DECADE);
}

/** The class a value is cross-tabulated under: its code-system shape, date format, size bin, or the value. */
function classOf(column: ColumnTally, facts: ValueFacts, value: string): string {
  if (facts.codeKey !== undefined) return `c:${facts.codeKey}`;
  if (facts.dateKey !== undefined) return `d:${facts.dateKey}`;
  if (facts.number !== undefined && column.quantity && facts.number > 0) return `n:${binOf(facts.number)}`;
  return `v:${value}`;
}

/** The row's group id in grouping `g`, -1 when missing or the grouping was dropped. */
function groupId(state: ConsistencyState, g: number, values: readonly string[]): number {
  const grouping = state.groupings[g];
  if (grouping.dropped) return -1;
  const value = values[grouping.index] ?? '';
  const known = grouping.ids.get(value);
  if (known !== undefined) return known;
  if (state.markers[grouping.index].match(value) !== undefined) return -1;
  if (grouping.groups.length >= MAX_GROUPS) { grouping.dropped = true; return -1; }
  grouping.ids.set(value, grouping.groups.length);
  grouping.groups.push(value);
  return grouping.groups.length - 1;
}

/**
 * After SNIFF_ROWS rows, a column goes on being scanned only when something here can come
 * of it: a code, date or quantity column, or a category column already spelled several
 * ways (whose spellings may differ by group). A category whose second spelling first
 * appears later is still reported by phenotype-format-mixed (from the profile), but not
 * tested by group.
 */
function worthScanning(column: ColumnTally): boolean {
  if (column.namedCodes || column.quantity || column.codeLike > 0 || column.dateLike > 0) return true;
  return column.memo.size <= MAX_CLASSES && spellingMix(column.name, [...column.memo.keys()].map((v) => [v, 1])) !== undefined;
}

export function consistencyRow(state: ConsistencyState, values: readonly string[], line: number): void {
  if (state.rows === 0) prepare(state);
  const groups = state.groupScratch;
  let grouped = false;
  for (let g = 0; g < groups.length; g++) {
    groups[g] = groupId(state, g, values);
    grouped ||= groups[g] >= 0;
  }
  const sniff = ++state.rows === SNIFF_ROWS && !state.deferSniff;
  const { skipped } = state;
  for (let i = 0; i < state.columns.length; i++) {
    if (state.eligible[i] === 0 || (skipped !== undefined && skipped[i] === 1)) continue;
    let column = state.columns[i];
    if (column?.dropped) continue;
    if (column && sniff && !worthScanning(column)) { column.dropped = true; continue; }
    const value = values[i] ?? '';
    if (state.markers[i].match(value) !== undefined) continue;
    column ??= tallyFor(state, i);
    column.nonMissing++;
    const facts = factsOf(column, value);
    if (facts.codeKey !== undefined) {
      const tally = column.codes.get(facts.codeKey)!;
      tally.count++;
      const seen = tally.shapes.get(facts.shape!);
      if (seen !== undefined) tally.shapes.set(facts.shape!, seen + 1);
    }
    if (facts.codeLike) column.codeLike++;
    if (facts.checkFailed) bump(column.checkFailed, facts.checkFailed);
    if (facts.dateKey !== undefined) { column.dateLike++; bump(column.dates, facts.dateKey); }
    if (facts.band) column.bands++;
    if (facts.number !== undefined) {
      column.numbers++;
      if (facts.unitId) bump(column.unitsInValues, facts.unitId);
      if (column.quantity) {
        if (facts.number > 0) bump(column.histogram, binOf(facts.number));
        countOutside(column, facts.number, line);
      }
    }
    if (!grouped) continue;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      const table = column.byGroup[g];
      if (group < 0 || !table) continue;
      const row = (table[group] ??= new Map());
      const key = facts.classKey!;
      const seen = row.get(key);
      if (seen !== undefined) row.set(key, seen + 1);
      else if (row.size >= MAX_CLASSES) column.byGroup[g] = undefined;
      else row.set(key, 1);
    }
  }
}
