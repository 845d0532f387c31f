// Restricted Mode: nothing in a workspace executes (policies, schemas and datasets are
// only read), so the manifest declares untrustedWorkspaces supported and a dataset in an
// untrusted folder is linted. Runs only in the pass with workspace trust on and the folder
// untrusted (COHORT_LINT_E2E_RESTRICTED=1, see ../launch.ts). VS Code enables an extension
// under development whatever it declares, so the declaration itself is proven by the
// packaged pass (npm run test:vsix): with `supported: false` the installed extension is
// disabled there and this test fails on its second assertion.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, panelFile, showFile, waitForDiagnostics, withCode } from './helpers';

suite('r restricted mode', () => {
  test('a dataset in an untrusted folder is linted', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this pass opens the folder untrusted');
    assert.ok(vscode.extensions.getExtension(extensionId), 'the extension is enabled in Restricted Mode');
    const doc = await showFile(panelFile, 'tsv');
    await waitForDiagnostics(doc.uri, 'ancestry findings in Restricted Mode', (ds) => withCode(ds, 'ancestry-underrepresented').length > 0, 60_000);
  });
});
