// The e2e launcher for machines that can download VS Code (a contributor's laptop, a
// public CI): @vscode/test-electron fetches a VS Code build and runs the same suite in it.
// Selected by COHORT_LINT_E2E=electron (launch.ts dispatches here); COHORT_LINT_VSCODE_VERSION
// picks the build (default: stable).
import { runTests } from '@vscode/test-electron';
import { printResults, readResults } from './results';
import { createScratch, missingRealData, realDataDir, removeScratch, repoRoot, resultsEnvVar, suiteEntry } from './scratch';

export async function runElectron(): Promise<number> {
  const missing = missingRealData();
  if (missing.length) {
    console.log(`SKIPPED e2e: real data not found in ${realDataDir} (missing: ${missing.join(', ')})`);
    return 0;
  }
  const scratch = createScratch();
  let exitCode: number;
  try {
    exitCode = await runTests({
      version: process.env.COHORT_LINT_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteEntry,
      extensionTestsEnv: { ...scratch.env, [resultsEnvVar]: scratch.resultsFile },
      launchArgs: [
        scratch.workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${scratch.userData}`,
        `--extensions-dir=${scratch.extensions}`,
      ],
    });
  } catch (err) {
    // runTests rejects when VS Code exits non-zero, i.e. when a test failed.
    console.error(`e2e: ${err instanceof Error ? err.message : String(err)}`);
    exitCode = 1;
  }
  const ok = printResults(readResults(scratch.resultsFile)) && exitCode === 0;
  if (ok) removeScratch(scratch);
  else console.log(`e2e: scratch folder kept: ${scratch.root}`);
  return ok ? 0 : 1;
}

if (require.main === module) {
  runElectron().then((code) => process.exit(code), (err) => { console.error(err); process.exit(1); });
}
