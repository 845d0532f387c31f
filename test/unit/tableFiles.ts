// Shared by the Parquet and SQL-profile tests: the example and real-data tables they
// compare engines on, and writing a parsed table to Parquet (pure JavaScript, so no
// binary fixture is committed). No test lives here.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { datasetSchema, findPolicyFile, loadPolicy, type DatasetAnalysis, type Finding, type LoadedPolicy } from '../../server/src/engine';
import { realdataDir, repoRoot } from './helpers';

export interface TableFile {
  file: string;
  policy: LoadedPolicy;
  schemaEnv: ReturnType<typeof datasetSchema>;
}

const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);

function tableFile(file: string, root: string): TableFile {
  const policy = loadPolicy(findPolicyFile(file, root, existsSync), read, root);
  return { file, policy, schemaEnv: datasetSchema(file, policy, read, root) };
}

export const examplesDir = path.join(repoRoot, 'examples');

export function exampleTables(): TableFile[] {
  return readdirSync(examplesDir).filter((n) => /\.(csv|tsv)$/.test(n)).map((n) => tableFile(path.join(examplesDir, n), examplesDir));
}

/** Real-data tables (README.md says what each is); empty when the folder is absent. */
export function realdataTables(): TableFile[] {
  if (!existsSync(realdataDir)) return [];
  return readdirSync(realdataDir).filter((n) => /\.(csv|tsv|panel)$/.test(n)).map((n) => tableFile(path.join(realdataDir, n), realdataDir));
}

/** True when every data row is one line right under a header on line 0: line n is row n. */
export function rowsAreLines(analysis: DatasetAnalysis): boolean {
  const { table } = analysis;
  if (!table.headerRow || table.lines.positionAt(table.headerRow.start).line !== 0) return false;
  return table.rows.every((row, i) => table.lines.positionAt(row.start).line === i + 1 && table.lines.positionAt(row.end).line === i + 1);
}

/** The parsed table's cells written to Parquet as text columns (empty cells as null). */
export function writeParquet(analysis: DatasetAnalysis, out: string): void {
  const { header, rows } = analysis.table;
  const columnData = header.map((name, i) => ({ name, type: 'STRING' as const, data: rows.map((r) => (r.values[i] ?? '') === '' ? null : r.values[i]) }));
  writeFileSync(out, Buffer.from(parquetWriteBuffer({ columnData })));
}

/** Findings on the text of a CSV header, which a Parquet file or a warehouse table has not. */
const CSV_TEXT_ONLY = new Set(['table-header-trailing-fields']);

/**
 * A finding without its file: what must agree between engines. Header findings are compared
 * by where they start (the column's cell, or the header's start: a CSV header's trailing
 * delimiters lengthen the header's span); row findings by their row (a file read without
 * its text marks the row, not the cell).
 */
export function comparable(findings: Finding[], rename: [RegExp, string][] = []): string[] {
  return findings.filter((f) => !CSV_TEXT_ONLY.has(f.code)).map((f) => {
    const range = f.range.start.line === 0 ? { header: f.range.start.character } : { row: f.range.start.line };
    let text = JSON.stringify({ code: f.code, severity: f.severity, range, message: f.message, detail: f.detail, data: f.data });
    for (const [from, to] of rename) text = text.replaceAll(from, to);
    return text;
  });
}
