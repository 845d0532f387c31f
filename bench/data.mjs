// Locates the real data file and generates the ~1M-row file from it: the header once, then
// the source's data rows COPIES times, stream-written so no 190 MB string is ever built.
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

export const COPIES = 10;

export function sourcePath(repoRoot) {
  return path.resolve(repoRoot, '..', 'shared', 'realdata', 'diabetic_data.csv');
}

function splitHeader(buf) {
  const end = buf.indexOf(0x0a); // '\n' (the file is CRLF; the '\r' stays with the header)
  if (end < 0) throw new Error('source has no data rows');
  let body = buf.subarray(end + 1);
  // A last row without a line break would glue onto the next copy's first row.
  if (body.length && body[body.length - 1] !== 0x0a) body = Buffer.concat([body, Buffer.from('\r\n')]);
  return { header: buf.subarray(0, end + 1), body };
}

function isFresh(src, dest, expectedSize) {
  if (!existsSync(dest)) return false;
  const d = statSync(dest);
  return d.size === expectedSize && d.mtimeMs >= statSync(src).mtimeMs;
}

/** Returns { path, generated } for the large file, (re)writing it only if missing or stale. */
export async function ensureLargeFile(src, dataDir) {
  const dest = path.join(dataDir, `diabetic_data_x${COPIES}.csv`);
  const { header, body } = splitHeader(readFileSync(src)); // 19 MB in; the 190 MB out is streamed
  if (isFresh(src, dest, header.length + COPIES * body.length)) return { path: dest, generated: false };

  mkdirSync(dataDir, { recursive: true });
  const tmp = `${dest}.tmp-${process.pid}`; // renamed at the end, so an interrupted run never looks fresh
  const out = createWriteStream(tmp);
  const write = async (chunk) => { if (!out.write(chunk)) await once(out, 'drain'); };
  await write(header);
  for (let i = 0; i < COPIES; i++) await write(body);
  out.end();
  await once(out, 'finish');
  renameSync(tmp, dest);
  return { path: dest, generated: true };
}

/** The large file as Parquet (all columns text, as the CSV reads), written by DuckDB when stale. */
export async function ensureParquetFile(csvPath) {
  const dest = csvPath.replace(/\.csv$/, '.parquet');
  if (existsSync(dest) && statSync(dest).mtimeMs >= statSync(csvPath).mtimeMs) return { path: dest, generated: false };
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const tmp = `${dest}.tmp-${process.pid}`;
  await connection.run(`COPY (SELECT * FROM read_csv('${csvPath.replaceAll("'", "''")}', header = true, all_varchar = true)) TO '${tmp.replaceAll("'", "''")}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
  renameSync(tmp, dest);
  return { path: dest, generated: true };
}
