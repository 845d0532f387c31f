// The throwaway world one e2e run lives in: a workspace holding copies of the real data
// (copied at run time, never committed) and private folders for the editor's state, so a
// run neither reads nor leaves anything in the user's own profile.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const realDataDir = path.resolve(repoRoot, '..', 'shared', 'realdata');
export const realDataFiles = [
  'integrated_call_samples_v3.20130502.ALL.panel',
  'diabetic_data.csv',
  'jcoin_table-schema-baseline.json',
  'jcoin_baseline.yaml',
  'phenopacket_AIRE_PMID_19807739_Patient_6.json',
  'synthea_patients.csv',
  'duo.csv',
];
export const suiteEntry = path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');
/** Environment variable naming the JSON file the suite writes its results to. */
export const resultsEnvVar = 'COHORT_LINT_E2E_RESULTS';
/** Set to 1 for the Restricted Mode pass: the suite then runs only that test. */
export const restrictedEnvVar = 'COHORT_LINT_E2E_RESTRICTED';

export interface Scratch {
  root: string;
  workspace: string;
  userData: string;
  extensions: string;
  resultsFile: string;
  /** XDG_* and TMPDIR pointing into the scratch folder. */
  env: Record<string, string>;
}

/** Names of the real-data files that are not there, so the caller can skip visibly. */
export function missingRealData(): string[] {
  return realDataFiles.filter((name) => !fs.existsSync(path.join(realDataDir, name)));
}

/**
 * `restricted`: workspace trust on and the folder not trusted (Restricted Mode), for the
 * pass that checks Cohort Lint still lints there (launch-restricted.ts).
 */
export function createScratch({ restricted = false }: { restricted?: boolean } = {}): Scratch {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-lint-e2e-'));
  const dir = (...parts: string[]) => {
    const p = path.join(root, ...parts);
    fs.mkdirSync(p, { recursive: true });
    return p;
  };
  const workspace = dir('workspace');
  for (const name of realDataFiles) {
    const target = path.join(workspace, name);
    fs.copyFileSync(path.join(realDataDir, name), target);
    // The originals are read-only; the tests edit the copies.
    fs.chmodSync(target, 0o644);
  }
  writeParquetFixture(path.join(dir('workspace', 'parquet'), 'cohort.parquet'));
  fs.writeFileSync(
    path.join(dir('workspace', '.vscode'), 'settings.json'),
    JSON.stringify({ 'files.associations': { '*.panel': 'tsv' } }, null, 2) + '\n',
  );
  const userData = dir('user-data');
  // Keep the window quiet: no welcome page, update checks or telemetry competing with the
  // suite. And behave like desktop VS Code: in a browser (code-server) files.autoSave
  // defaults to afterDelay, which would save the tests' unsaved edits to disk.
  fs.writeFileSync(
    path.join(dir('user-data', 'User'), 'settings.json'),
    JSON.stringify(
      {
        'files.autoSave': 'off',
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'security.workspace.trust.enabled': restricted,
        // Restricted Mode without the start-up dialog asking to trust the folder.
        'security.workspace.trust.startupPrompt': 'never',
        'git.enabled': false,
      },
      null,
      2,
    ) + '\n',
  );
  return {
    root,
    workspace,
    userData,
    extensions: dir('extensions'),
    resultsFile: path.join(root, 'results.json'),
    env: {
      XDG_CONFIG_HOME: dir('xdg', 'config'),
      XDG_DATA_HOME: dir('xdg', 'data'),
      XDG_CACHE_HOME: dir('xdg', 'cache'),
      TMPDIR: dir('tmp'),
    },
  };
}

/** 30 participants; row 5 has no consent. Written at run time, so no binary is committed. */
function writeParquetFixture(file: string): void {
  const ids = Array.from({ length: 30 }, (_, i) => `P${i}`);
  fs.writeFileSync(file, Buffer.from(parquetWriteBuffer({ columnData: [
    { name: 'participant_id', type: 'STRING', data: ids },
    { name: 'race', type: 'STRING', data: ids.map((_, i) => ['White', 'Black', 'Asian'][i % 3]) },
    { name: 'consent', type: 'STRING', data: ids.map((_, i) => (i === 4 ? null : 'GRU')) },
  ] })));
}

export function removeScratch(scratch: Scratch): void {
  fs.rmSync(scratch.root, { recursive: true, force: true });
}
