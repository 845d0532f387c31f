// Acceptance: an EHR extract in the shape of MIMIC-IV admissions (written into the
// workspace at test time) with "CATEGORY - SUBGROUP" race labels: the labels nothing maps
// are named (with the policy-mapping fix offered), no group is called absent, and the
// race header's hover shows how every raw label was read.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeActionsAt, describeDiagnostics, diagnosticText, hoverText, showFile, waitFor, waitForDiagnostics, withCode, workspaceUri } from './helpers';

const folder = 'reading-e2e';
const datasetName = `${folder}/admissions.csv`;
const header = 'subject_id,hadm_id,admittime,dischtime,race,hospital_expire_flag';
const races: [string, number][] = [
  ['WHITE', 60], ['BLACK/AFRICAN AMERICAN', 15], ['HISPANIC/LATINO - CUBAN', 6], ['ASIAN - KOREAN', 5], ['PORTUGUESE', 4], ['UNABLE TO OBTAIN', 3],
];

function dataset(): string {
  const lines = [header];
  let id = 10000032;
  for (const [race, n] of races) for (let i = 0; i < n; i++, id++) lines.push(`${id},${20000000 + id},2180-05-06 22:23:00,2180-05-07 17:15:00,${race},0`);
  return lines.join('\n') + '\n';
}

suite('reading an EHR extract', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(workspaceUri(datasetName), new TextEncoder().encode(dataset()));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true }).then(undefined, () => undefined);
  });

  test('unmapped labels named with a mapping fix, no absent group, and the hover lists how each label was read', async () => {
    const doc = await showFile(datasetName, 'csv');
    const uri = doc.uri;
    const diagnostics = await waitForDiagnostics(uri, 'ancestry-labels-unmapped', (ds) => withCode(ds, 'ancestry-labels-unmapped').length > 0);
    const [unmapped] = withCode(diagnostics, 'ancestry-labels-unmapped');
    assert.match(diagnosticText(unmapped), /"PORTUGUESE" \(4\)/, describeDiagnostics(uri));
    assert.equal(withCode(diagnostics, 'ancestry-group-absent').length, 0, `a group was called absent: ${describeDiagnostics(uri)}`);

    const actions = await codeActionsAt(uri, unmapped.range);
    assert.ok(
      actions.some((a) => a.title === 'Count "PORTUGUESE" as White (ancestry.labels in the policy file)'),
      `no mapping fix; offered: ${actions.map((a) => a.title).join(' | ') || 'none'}`,
    );

    const column = header.split(',').indexOf('race');
    const start = header.split(',').slice(0, column).reduce((n, cell) => n + cell.length + 1, 0);
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, start + 1));
      const t = hoverText(hovers ?? []);
      return t.includes('How each label was read') && t;
    }, 'the label mapping in the hover on the race header');
    assert.match(text, /\| "HISPANIC\/LATINO - CUBAN" \| 6 \| Hispanic or Latino \| code or subgroup, rolled up/, text);
    assert.match(text, /\| "ASIAN - KOREAN" \| 5 \| Asian \|/, text);
    assert.match(text, /\| "PORTUGUESE" \| 4 \| — \| \*\*not mapped\*\*/, text);
    assert.match(text, /\| "UNABLE TO OBTAIN" \| 3 \| — \| missing \(not a group\) \|/, text);
  });
});
