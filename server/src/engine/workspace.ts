// The workspace boundary: which files Cohort Lint may read, and write, for a project.
// Decided on real paths (symbolic links resolved), so a link inside the workspace to a
// file outside it counts as outside; and by path segments, so a folder named `..data`
// is inside (`path.relative` gives "..data/x", which merely starts with "..").
import { lstatSync, realpathSync } from 'node:fs';
import * as path from 'node:path';

/** Whether `filePath` is `folder` or lies below it, comparing the paths as written. */
export function isWithin(filePath: string, folder: string): boolean {
  const rel = path.relative(path.resolve(folder), path.resolve(filePath));
  return rel === '' || (!path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`));
}

/**
 * The path with every symbolic link resolved. A path that does not exist (yet) keeps its
 * missing tail under the real path of its nearest existing ancestor.
 */
export function realPath(filePath: string): string {
  let existing = path.resolve(filePath);
  const tail: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync.native(existing), ...tail);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(filePath);
      tail.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

/** Whether a file is inside the workspace, following symbolic links; true when there is no workspace to bound it. */
export function insideWorkspace(filePath: string, workspaceRoot: string | undefined): boolean {
  if (!workspaceRoot) return true;
  return isWithin(filePath, workspaceRoot) && isWithin(realPath(filePath), realPath(workspaceRoot));
}

/** Whether the path itself is a symbolic link (a fix never writes through one). */
export function isSymbolicLink(filePath: string): boolean {
  try {
    return lstatSync(filePath).isSymbolicLink();
  } catch {
    return false;
  }
}
