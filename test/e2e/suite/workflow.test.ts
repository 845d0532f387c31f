// The workflow commands in a real VS Code: Lint Workspace (closed files into the Problems
// panel, progress that Cancel stops), Fix All and fix on save (safe fixes only), "Turn
// off <rule>" and "Show documentation" beside the quick fixes, Open Policy File (created
// commented when absent) and Restart Server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension, applyCodeAction, closeAllEditors, codeActionsAt, codeOf, describeDiagnostics, diagnosticText, lintDiagnostics,
  waitFor, waitForDiagnostics, withCode, workspaceUri,
} from './helpers';

interface LintWorkspaceResult { files: number; linted: number; findings: number; streamed: number; cancelled: boolean }

/** Two nonstandard race labels, two missing markers in bmi, rows without consent. */
function cohortCsv(rows = 120): string {
  const lines = ['id,race,sex,age,bmi,diagnosis,consent'];
  for (let i = 0; i < rows; i++) {
    const race = ['Caucasian', 'AfricanAmerican', 'Asian', 'White'][i % 4];
    const bmi = i % 7 === 0 ? 'NA' : i % 11 === 0 ? '?' : String(20 + (i % 10));
    lines.push(`p${i},${race},${i % 2 ? 'F' : 'M'},${30 + (i % 40)},${bmi},E11,${i % 13 === 0 ? '' : 'GRU'}`);
  }
  return `${lines.join('\n')}\n`;
}

const folder = 'workflow';
const policy = () => workspaceUri('cohortlint.yaml');

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(`${folder}/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function show(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await activateExtension();
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

async function removePolicy(): Promise<void> {
  await vscode.workspace.fs.delete(policy()).then(undefined, () => undefined);
}

async function saveIfDirty(uri: vscode.Uri): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save();
}

suite('w workflow commands', () => {
  suiteSetup(async () => {
    await activateExtension();
    await removePolicy();
  });

  teardown(async () => {
    await closeAllEditors();
    await removePolicy();
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration('editor', { languageId: 'csv' })
      .update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
  });

  test('Lint Workspace puts files nobody opened into the Problems panel, a large one streamed', async () => {
    const closedCsv = await write('never-opened.csv', cohortCsv());
    // Over the 8 MiB past which a file is streamed from disk rather than read whole.
    const large = await write('large.csv', cohortCsv(300_000));
    assert.ok((await vscode.workspace.fs.stat(large)).size > 8 * 1024 * 1024);
    const closedSchema = await write('never-opened.schema.json', JSON.stringify({ fields: [{ name: 'id', type: 'string' }, { name: 'age', type: 'integer' }] }, null, 2));
    const result = await vscode.commands.executeCommand<LintWorkspaceResult>('cohortLint.lintWorkspace');
    assert.equal(result.cancelled, false);
    assert.ok(result.streamed >= 1, JSON.stringify(result));
    await waitForDiagnostics(large, 'findings of the streamed file', (ds) => withCode(ds, 'consent-value-missing').length > 0 && withCode(ds, 'ancestry-label-nonstandard').length > 0);
    // The three files above at least: a file an earlier test opened may still be open in
    // VS Code, and then keeps its editor's findings instead (checked below either way).
    assert.ok(result.linted >= 3 && result.files >= 10, JSON.stringify(result));
    await waitForDiagnostics(closedCsv, 'consent and label findings of a closed dataset', (ds) =>
      withCode(ds, 'consent-value-missing').length > 0 && withCode(ds, 'ancestry-label-nonstandard').length > 0);
    await waitForDiagnostics(closedSchema, 'schema findings of a closed Table Schema', (ds) => withCode(ds, 'schema-ancestry-field-missing').length > 0);
    await waitForDiagnostics(workspaceUri('diabetic_data.csv'), 'findings of the diabetes table', (ds) => withCode(ds, 'ancestry-label-nonstandard').length > 0);
    await waitForDiagnostics(workspaceUri('integrated_call_samples_v3.20130502.ALL.panel'), 'findings of the panel (tsv by association)', (ds) => ds.length > 0);
    for (const name of ['synthea_patients.csv', 'duo.csv', 'jcoin_baseline.yaml', 'jcoin_table-schema-baseline.json']) {
      await waitForDiagnostics(workspaceUri(name), `findings of ${name}`, (ds) => ds.length > 0);
    }
    const total = vscode.languages.getDiagnostics().reduce((n, [, ds]) => n + ds.filter((d) => d.source === 'cohort-lint').length, 0);
    assert.ok(total >= result.findings, `${total} cohort-lint diagnostics in the Problems panel, ${result.findings} reported`);
  });

  test('Lint Workspace: Cancel in its progress notification stops the run', async () => {
    const many = (i: number) => `many/${String(i).padStart(2, '0')}.csv`;
    for (let i = 0; i < 80; i++) await write(many(i), cohortCsv(40));
    let settled: LintWorkspaceResult | undefined;
    const run = Promise.resolve(vscode.commands.executeCommand<LintWorkspaceResult>('cohortLint.lintWorkspace')).then((r) => { settled = r; return r; });
    // Files nobody linted before: the first one's findings show the run is under way.
    await waitForDiagnostics(workspaceUri(`${folder}/${many(0)}`), 'the run to reach the new files', (ds) => ds.length > 0);
    // The newest notification is the run's progress; its primary action is Cancel.
    await waitFor(async () => {
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      return settled !== undefined;
    }, 'the run to end after Cancel');
    const result = await run;
    assert.equal(result.cancelled, true, JSON.stringify(result));
    assert.ok(result.linted > 0 && result.linted < result.files, JSON.stringify(result));
    assert.deepEqual(lintDiagnostics(workspaceUri(`${folder}/${many(79)}`)), [], 'the last file was never reached');
  });

  test('Fix All applies label and marker normalisation only; consent rows stay', async () => {
    const doc = await show(await write('fixall.csv', cohortCsv()));
    await waitForDiagnostics(doc.uri, 'label and marker findings', (ds) => withCode(ds, 'missing-marker-mixed').length > 0 && withCode(ds, 'ancestry-label-nonstandard').length > 0);
    const lines = doc.lineCount;
    assert.equal(await vscode.commands.executeCommand<boolean>('cohortLint.fixAll'), true);
    assert.ok(!/Caucasian|AfricanAmerican/.test(doc.getText()));
    assert.ok(!/,NA,|,\?,/.test(doc.getText()));
    assert.equal(doc.lineCount, lines, 'no row moved or removed');
    await waitForDiagnostics(doc.uri, 'only the findings no safe fix touches', (ds) =>
      withCode(ds, 'ancestry-label-nonstandard').length === 0 && withCode(ds, 'missing-marker-mixed').length === 0
      && withCode(ds, 'consent-value-missing').length > 0);
    assert.equal(await vscode.commands.executeCommand<boolean>('cohortLint.fixAll'), false, 'nothing left');
  });

  test('fix on save: editor.codeActionsOnSave with source.fixAll.cohortLint', async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'csv' })
      .update('codeActionsOnSave', { 'source.fixAll.cohortLint': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    const doc = await show(await write('onsave.csv', cohortCsv()));
    await waitForDiagnostics(doc.uri, 'label findings', (ds) => withCode(ds, 'ancestry-label-nonstandard').length > 0);
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.replace(new vscode.Range(1, 0, 1, 2), 'q0'));
    assert.ok(await doc.save());
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri));
    assert.ok(onDisk.startsWith('id,race,sex,age,bmi,diagnosis,consent\nq0,White,'), onDisk.slice(0, 80));
    assert.ok(!/Caucasian|AfricanAmerican/.test(onDisk));
    assert.ok(/,GRU\n/.test(onDisk) && /,E11,\n/.test(onDisk), 'consent values, and rows without one, untouched');
  });

  test('"Turn off <rule> in cohortlint.yaml" creates the policy and the finding goes', async () => {
    const doc = await show(await write('turnoff.csv', cohortCsv()));
    const [label] = withCode(await waitForDiagnostics(doc.uri, 'a label finding', (ds) => withCode(ds, 'ancestry-label-nonstandard').length > 0), 'ancestry-label-nonstandard');
    const actions = await codeActionsAt(doc.uri, label.range);
    const turnOff = actions.find((a) => a.title === 'Turn off ancestry-label-nonstandard in cohortlint.yaml');
    assert.ok(turnOff, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title.startsWith('Replace "')), 'beside the quick fix');
    await applyCodeAction(turnOff);
    await saveIfDirty(policy());
    await waitForDiagnostics(doc.uri, 'ancestry-label-nonstandard turned off', (ds) => withCode(ds, 'ancestry-label-nonstandard').length === 0 && ds.length > 0);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(policy()));
    assert.match(text, /rules:\n {2}ancestry-label-nonstandard: "off"/);
  });

  test('"Show documentation for <rule>" opens the rule\'s page', async () => {
    const doc = await show(await write('docs.csv', cohortCsv()));
    const [marker] = withCode(await waitForDiagnostics(doc.uri, 'a marker finding', (ds) => withCode(ds, 'missing-marker-mixed').length > 0), 'missing-marker-mixed');
    const actions = await codeActionsAt(doc.uri, marker.range);
    const showDocs = actions.find((a) => a.title === 'Show documentation for missing-marker-mixed');
    assert.ok(showDocs, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    await applyCodeAction(showDocs);
    const page = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('/docs/rules/missing-marker-mixed.md')),
      'the rule page in an editor', { state: () => vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).join(', ') || 'no editors' });
    assert.match(page.document.getText(), /^# missing-marker-mixed/);
  });

  test('Open Policy File creates a commented cohortlint.yaml once, then opens the same file', async () => {
    await closeAllEditors();
    const created = await vscode.commands.executeCommand<vscode.Uri>('cohortLint.openPolicyFile');
    assert.equal(created?.toString(), policy().toString());
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === policy().toString() && vscode.window.activeTextEditor, 'the policy in the active editor');
    assert.match(editor.document.getText(), /^# Cohort Lint policy/);
    // The template is valid: no config-invalid once the server has read it (its other checks ran).
    const doc = await show(await write('policy-check.csv', cohortCsv(20)));
    await waitForDiagnostics(doc.uri, 'the dataset linted under the new policy', (ds) => ds.length > 0);
    assert.deepEqual(withCode(lintDiagnostics(policy()), 'config-invalid'), [], describeDiagnostics(policy()));
    // Edited by hand, it is opened as it is, never overwritten.
    await vscode.workspace.fs.writeFile(policy(), new TextEncoder().encode('# mine\nrules: {}\n'));
    await closeAllEditors();
    await vscode.commands.executeCommand('cohortLint.openPolicyFile');
    await waitFor(() => vscode.window.activeTextEditor?.document.getText().startsWith('# mine') && true, 'the hand-edited policy opened');
  });

  test('Restart Server starts a new server, which lints again', async () => {
    const ext = await activateExtension();
    const api = ext.exports as { serverStarts: number };
    const before = api.serverStarts;
    const doc = await show(await write('restart.csv', cohortCsv(40)));
    await waitForDiagnostics(doc.uri, 'findings before the restart', (ds) => ds.length > 0);
    assert.equal(await vscode.commands.executeCommand<boolean>('cohortLint.restartServer'), true);
    assert.equal(api.serverStarts, before + 1);
    // Edited after the restart: only the new server can answer for this version.
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), 'p999,Caucasian,F,40,NA,E11,\n'));
    await waitForDiagnostics(doc.uri, 'findings from the new server', (ds) => ds.some((d) => codeOf(d) === 'consent-value-missing' && /\b41\b/.test(diagnosticText(d))), 30_000);
  });
});
