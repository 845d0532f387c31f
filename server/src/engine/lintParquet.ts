// Lints a Parquet file with the same row consumers and rules as a CSV: rows are read one
// row group at a time (bounded memory), and row findings come out by row number (the
// header is line 0, data row n is line n, as in a CSV without multi-line cells).
import { analyse, RowConsumers, type DatasetAnalysis, type DatasetEnvironment, type LintOptions } from './lintDataset';
import { readParquet } from './parquet/readParquet';
import type { LoadedPolicy } from './policy/loadPolicy';
import { headerTable } from './table/headerTable';

export const PARQUET_FILE = /\.parquet$/i;

export async function lintParquetFile(path: string, loaded: LoadedPolicy, options: LintOptions = {}, environment: DatasetEnvironment = {}): Promise<DatasetAnalysis> {
  let consumers: RowConsumers | undefined;
  const today = options.today ?? new Date();
  let rows = 0;
  const { header } = await readParquet(path, ({ header }) => {
    consumers = new RowConsumers(header, loaded, environment, today);
    return (values, rowNumber) => {
      rows++;
      consumers!.row(values, rowNumber);
    };
  });
  const table = headerTable(header, rows === 0 ? [{ kind: header.length === 0 ? 'empty' : 'no-rows', start: 0, end: 0 }] : []);
  return analyse(path, table, consumers ?? new RowConsumers(header, loaded, environment, today), loaded, options, environment);
}
