// A side file (the identifiers file) is written only where writing cannot escape the
// workspace: never through a symbolic link, whose target may be anywhere (a link to a
// file outside the workspace would receive the identifiers). Checked on the real file
// system, since the edit is applied there by the editor.
import { lstatSync } from 'node:fs';

/** True when nothing is at the path, or a regular file (not a link) is. */
export function isWritableSideFile(filePath: string): boolean {
  try {
    return !lstatSync(filePath).isSymbolicLink();
  } catch {
    return true;
  }
}
