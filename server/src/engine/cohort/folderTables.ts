// The tables of a known layout (OMOP CDM, MIMIC) in the folder of a dataset, by file name.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { insideWorkspace } from '../workspace';

/**
 * Table name -> file, for the files of `datasetPath`'s folder that `tableOf` names, one file
 * per table (the first by name order: PERSON.csv before person.tsv); files outside the
 * workspace are left out. Undefined when the folder cannot be read.
 */
export function folderTables(datasetPath: string, workspaceRoot: string | undefined, tableOf: (file: string) => string | undefined): Map<string, string> | undefined {
  const folder = path.dirname(path.resolve(datasetPath));
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return undefined;
  }
  const found = new Map<string, string>();
  for (const name of names) {
    const file = path.join(folder, name);
    const table = tableOf(file);
    if (table && !found.has(table) && insideWorkspace(file, workspaceRoot ?? folder)) found.set(table, file);
  }
  return found;
}
