// Expands the PATH arguments: a file is linted whatever its extension (a `.panel` file is
// still a table); a folder is searched recursively for datasets, policy files and JSON or
// YAML documents (which are linted only when they are schemas, packages or phenopackets).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { cohortFilesOf, isPolicyFile, isStructuredPath } from '../engine';

const DATASET_EXTENSIONS = ['.csv', '.tsv', '.tab', '.parquet'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode']);

export interface InputFile {
  path: string;
  /** The folder argument it was found under, or its own folder for a file argument. */
  root: string;
  /** Named on the command line rather than found in a folder. */
  given?: boolean;
}

function walk(dir: string, root: string, out: InputFile[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, root, out);
    } else if (entry.isFile() && (DATASET_EXTENSIONS.includes(path.extname(entry.name).toLowerCase()) || isPolicyFile(entry.name) || isStructuredPath(entry.name))) {
      out.push({ path: full, root });
    }
  }
}

/** Throws with a one-line reason when a PATH does not exist. */
export function collectFiles(paths: string[]): InputFile[] {
  const files: InputFile[] = [];
  for (const given of paths) {
    const full = path.resolve(given);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) throw new Error(`no such file or folder: ${given}`);
    if (stat.isDirectory()) walk(full, full, files);
    else {
      files.push({ path: full, root: path.dirname(full), given: true });
      // A Data Package named alone brings the tables of the cohort it defines.
      if (/^datapackage\.(json|ya?ml)$/i.test(path.basename(full))) files.push(...packageTables(full, files));
    }
  }
  return files;
}

function packageTables(descriptor: string, listed: InputFile[]): InputFile[] {
  const read = (file: string): string | undefined => {
    try { return readFileSync(file, 'utf8'); } catch { return undefined; }
  };
  const root = path.dirname(descriptor);
  return cohortFilesOf(descriptor, read, root)
    .filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile() && !listed.some((f) => f.path === file))
    .map((file) => ({ path: file, root }));
}
