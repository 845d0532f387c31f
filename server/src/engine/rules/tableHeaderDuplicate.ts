// table-header-duplicate: two or more columns under one name. A policy or a Table Schema
// finds a column by its name, so it means only the first of them (and the Table Schema
// specification says names should be unique); pandas and R's read.csv rename the repeats
// (decile_score.1), so the file means different things to different readers. ProPublica's
// COMPAS file (compas-scores-two-years.csv) repeats decile_score and priors_count. A row
// scan tells whether the repeats hold the first column's values (a copy) or not (two
// variables under one name).
import { count } from '../format';
import type { DatasetRule, RawFindingOf, RowScan } from './rule';

export type TableHeaderDuplicateMessages = {
  duplicate: {
    column: string;
    /** 0-based indices of every column with this name, the first one first. */
    columnIndices: number[];
    /** Rows compared, and rows where a repeat differs from the first column. */
    rows: number;
    differingRows: number;
  };
};

interface DuplicateState {
  /** Per repeated name: the indices of its columns, and per later column the rows where it differs. */
  groups: { name: string; indices: number[]; differing: number[] }[];
  rows: number;
}

const duplicateScan: RowScan<DuplicateState> = {
  begin({ header }) {
    const byName = new Map<string, number[]>();
    header.forEach((name, index) => {
      const key = name.trim();
      // Unnamed columns are another matter (table-header-trailing-fields, table-malformed).
      if (key === '') return;
      const list = byName.get(key);
      if (list) list.push(index); else byName.set(key, [index]);
    });
    const groups = [...byName].filter(([, indices]) => indices.length > 1).map(([name, indices]) => ({ name, indices, differing: indices.slice(1).map(() => 0) }));
    return { groups, rows: 0 };
  },
  row(state, values) {
    if (state.groups.length === 0) return;
    state.rows++;
    for (const group of state.groups) {
      const first = (values[group.indices[0]] ?? '').trim();
      for (let k = 1; k < group.indices.length; k++) if ((values[group.indices[k]] ?? '').trim() !== first) group.differing[k - 1]++;
    }
  },
};

const ordinal = (index: number) => `column ${index + 1}`;

/** "columns 12 and 40", "columns 3, 5 and 9" (1-based, as a spreadsheet counts them). */
function columnList(indices: readonly number[]): string {
  const n = indices.map((i) => String(i + 1));
  return `columns ${n.length === 2 ? n.join(' and ') : `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`}`;
}

const TIMES = ['', 'once', 'twice'];

export const tableHeaderDuplicate: DatasetRule<TableHeaderDuplicateMessages> = {
  id: 'table-header-duplicate',
  defaultSeverity: 'warning',
  description: 'Two or more columns with the same name: rules, policies and schemas read only the first; other tools rename the rest.',
  fixable: false,
  appliesTo: ['dataset'],
  messages: {
    duplicate: 'A column name that more than one column carries, and whether the repeats hold the first column\'s values.',
  },
  scan: duplicateScan,
  check({ scans, headerCell }) {
    const state = scans.get(duplicateScan);
    if (!state) return [];
    const findings: RawFindingOf<TableHeaderDuplicateMessages>[] = [];
    for (const group of state.groups) {
      const differingRows = Math.max(0, ...group.differing);
      const where = columnList(group.indices);
      const same = differingRows === 0;
      findings.push({
        messageId: 'duplicate',
        // On the first repeat: the first column keeps its name for every reader.
        range: headerCell(group.indices[1]),
        message: `Column name "${group.name}" is used ${TIMES[group.indices.length] ?? `${group.indices.length} times`} (${where})` + (same ? ', with the same values' : ', with different values'),
        detail:
          `${where[0].toUpperCase()}${where.slice(1)} are ${group.indices.length === 2 ? 'both' : 'all'} named "${group.name}". A policy or Table Schema that names "${group.name}" means only the first (${ordinal(group.indices[0])}); ` +
          `the Table Schema specification says field names should be unique, and pandas and R rename the repeats ("${group.name}.1"), so the file means different things to different readers. ` +
          (same
            ? `The repeats hold the same value as the first in all ${count(state.rows)} rows: a copy, which can be renamed or dropped in the source.`
            : `A repeat differs from the first in ${count(differingRows)} of ${count(state.rows)} rows: these are different variables under one name; give each its own name.`),
        data: { column: group.name, columnIndices: group.indices, rows: state.rows, differingRows },
      });
    }
    return findings;
  },
};
