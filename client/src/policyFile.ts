// "Open Policy File": the policy that governs the active file (the nearest cohortlint.yaml,
// cohortlint.yml or .cohortlint.json from its folder up to its workspace folder), else the
// workspace folder's; when there is none, a commented cohortlint.yaml is created there.
import { Uri, window, workspace, type WorkspaceFolder } from 'vscode';
import { policyFileName, policyTemplate } from './policyTemplate';
import { POLICY_FILE_NAMES } from '../../common/policyFiles';

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The nearest policy file from `dir` up to `root` (both inside the same folder). */
async function nearestPolicy(dir: Uri, root: Uri): Promise<Uri | undefined> {
  for (let current = dir; ; current = Uri.joinPath(current, '..')) {
    for (const name of POLICY_FILE_NAMES) {
      const candidate = Uri.joinPath(current, name);
      if (await exists(candidate)) return candidate;
    }
    if (current.path === root.path || !current.path.startsWith(root.path) || current.path === '/') return undefined;
  }
}

function folderOfActiveFile(): { folder: WorkspaceFolder; dir: Uri } | undefined {
  const active = window.activeTextEditor?.document.uri;
  const folder = active && workspace.getWorkspaceFolder(active);
  if (active && folder) return { folder, dir: Uri.joinPath(active, '..') };
  const first = workspace.workspaceFolders?.[0];
  return first ? { folder: first, dir: first.uri } : undefined;
}

/** Opens (creating if needed) the policy file; returns its URI, or undefined without a folder. */
export async function openPolicyFile(): Promise<Uri | undefined> {
  const where = folderOfActiveFile();
  if (!where) {
    void window.showWarningMessage('Cohort Lint: open a folder first; the policy file lives in the workspace.');
    return undefined;
  }
  let uri = await nearestPolicy(where.dir, where.folder.uri);
  if (!uri) {
    uri = Uri.joinPath(where.folder.uri, policyFileName);
    await workspace.fs.writeFile(uri, new TextEncoder().encode(policyTemplate));
  }
  await window.showTextDocument(await workspace.openTextDocument(uri), { preview: false });
  return uri;
}
