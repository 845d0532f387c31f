// A dataset over 50 MB, which VS Code does not give to extensions: opened in a tab, it is
// linted from disk by the server (streamed) and its findings reach the Problems panel;
// the status bar says they come from the file on disk. The file is generated here, in a
// temporary folder of the test workspace, and deleted afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, describeDiagnostics, diagnosticText, lintDiagnostics, waitFor, waitForDiagnostics, withCode, workspaceUri } from './helpers';

const SYNC_LIMIT_BYTES = 50 * 1024 * 1024;

/** Rows in the shape of the UCI diabetes table: Caucasian (a non-standard label) in most. */
function writeLargeDataset(path: string): { size: number; caucasian: number } {
  const races = ['Caucasian', 'Caucasian', 'Caucasian', 'AfricanAmerican', 'Asian', 'Hispanic', '?'];
  const fd = fs.openSync(path, 'w');
  let caucasian = 0;
  try {
    fs.writeSync(fd, 'encounter_id,patient_nbr,race,gender,age,time_in_hospital,num_lab_procedures,diag_1,readmitted\n');
    let size = 0;
    for (let block = 0; size <= SYNC_LIMIT_BYTES + 1024 * 1024; block++) {
      const lines: string[] = [];
      for (let i = 0; i < 20_000; i++) {
        const n = block * 20_000 + i;
        if (races[n % races.length] === 'Caucasian') caucasian++;
        lines.push(`${1_000_000 + n},${n % 70_000},${races[n % races.length]},${n % 2 ? 'Female' : 'Male'},[${(n % 9) * 10}-${(n % 9) * 10 + 10}),${1 + (n % 14)},${n % 100},250.${n % 90},${n % 3 ? 'NO' : '>30'}`);
      }
      size += fs.writeSync(fd, lines.join('\n') + '\n');
    }
  } finally {
    fs.closeSync(fd);
  }
  return { size: fs.statSync(path).size, caucasian };
}

suite('a dataset over 50 MB', () => {
  const folder = workspaceUri(`large-${process.pid}`);
  const file = vscode.Uri.joinPath(folder, 'large_cohort.csv');

  let written = { size: 0, caucasian: 0 };

  suiteSetup(() => {
    fs.mkdirSync(folder.fsPath, { recursive: true });
    written = writeLargeDataset(file.fsPath);
    console.log(`      generated ${(written.size / 1024 / 1024).toFixed(1)} MiB`);
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
  });

  test('is linted from disk when opened, and the status bar says so', async () => {
    const ext = await activateExtension();
    const api = ext.exports as { statusText: string | undefined };
    const started = Date.now();
    await vscode.commands.executeCommand('vscode.open', file);
    const diagnostics = await waitForDiagnostics(file, 'ancestry-label-nonstandard for Caucasian from the file on disk',
      (ds) => withCode(ds, 'ancestry-label-nonstandard').some((d) => d.message.includes('Caucasian')), 110_000);
    console.log(`      linted from disk in ${Date.now() - started} ms: ${diagnostics.length} findings`);
    // The premise: VS Code gave the extension no document for it, so only the disk copy could be linted.
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === file.toString()), false, 'VS Code synchronised the large file after all');
    // Every row was read: the label's count is the generated one (its text, verdict and related information, is all VS Code shows of the finding).
    assert.ok(written.size > SYNC_LIMIT_BYTES);
    const label = withCode(lintDiagnostics(file), 'ancestry-label-nonstandard').find((d) => d.message.includes('Caucasian'));
    assert.ok(label && diagnosticText(label).includes(`(${written.caucasian.toLocaleString('en-US')} rows)`), describeDiagnostics(file));
    const status = await waitFor(() => (api.statusText?.includes('linted from disk') ? api.statusText : undefined), 'the status bar to say the file was linted from disk', { state: () => String(api.statusText) });
    assert.match(status, /Cohort Lint \(linted from disk\)/);
  });
});
