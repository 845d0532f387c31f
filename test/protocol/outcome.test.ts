// Outcome findings over a real connection: a cohort whose model outputs are joined from
// a second table, an error-disparity diagnostic with its numbers, the group table hover on
// the label header, and a relint when the predictions table is edited.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { diagnosticText, hoverText, modes, serverPerSuite } from './harness';

const POLICY = 'outcome:\n  label: diagnosis\n  prediction: model_call\n  predictions: predictions.csv\n  join: participant_id\n';

/** 100 White rows with 10% false positives, 100 Black rows with 40%; the rest correct. */
function cohortAndPredictions(): { cohort: string; predictions: string } {
  const cohort = ['participant_id,race,diagnosis'];
  const predictions = ['participant_id,model_call'];
  let id = 0;
  for (const [race, falsePositives] of [['White', 10], ['Black', 40]] as const) {
    for (let i = 0; i < 100; i++) {
      const key = `P${String(id++).padStart(4, '0')}`;
      const positive = i < 50;
      cohort.push(`${key},${race},${positive ? 'yes' : 'no'}`);
      predictions.push(`${key},${positive || i - 50 < falsePositives ? 'yes' : 'no'}`);
    }
  }
  return { cohort: cohort.join('\n') + '\n', predictions: predictions.join('\n') + '\n' };
}

const errorFindings = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'outcome-error-disparity');

for (const mode of modes) {
  describe(`outcomes (${mode.name})`, () => {
    const session = serverPerSuite({ pull: mode.pull });
    const ws = session.ws;

    it('reports which error falls on which group, and hovers the group table on the label header', async () => {
      const { cohort, predictions } = cohortAndPredictions();
      ws.write('cohortlint.yaml', POLICY);
      ws.write('predictions.csv', predictions);
      const uri = await session.client.open(ws.write('cohort.csv', cohort), cohort);
      const items = await session.client.diagnostics(uri, (ds) => errorFindings(ds).length > 0, 'outcome-error-disparity');
      const [d] = errorFindings(items);
      assert.equal(d.severity, 2, 'warning');
      assert.match(d.codeDescription?.href ?? '', /outcome-error-disparity\.md$/);
      assert.match(diagnosticText(d), /false positives \(false positive rate\): Black or African American 80(\.0)?% \(40 of 50; 95% CI [\d.]+%–[\d.]+%\) vs White 20(\.0)?% \(10 of 50;/);
      const data = d.data as { groups: { group: string; confusion: Record<string, number> }[]; fprDifference: number };
      assert.deepEqual(data.groups.find((g) => g.group === 'White')!.confusion, { tp: 50, fp: 10, tn: 40, fn: 0 });
      assert.ok(Math.abs(data.fprDifference - 0.6) < 1e-12);
      assert.doesNotMatch(diagnosticText(d), /P0\d{3}/, 'no participant ids in the message');
      // The outputs live in predictions.csv, so the finding sits on the label header.
      const header = cohort.slice(0, cohort.indexOf('\n'));
      assert.equal(d.range.start.character, header.indexOf('diagnosis'));

      const hover = hoverText(await session.client.hover(uri, { line: 0, character: header.indexOf('diagnosis') + 2 }));
      assert.match(hover, /outcome "diagnosis" by group/);
      assert.match(hover, /\| White \| 100 \| 50(\.0)?% \([\d.]+%–[\d.]+%\) \| 60(\.0)?% /);
      assert.match(hover, /from "predictions\.csv" joined on "participant_id"/);
    });

    it('relints the cohort when the open predictions table is edited', async () => {
      const { cohort, predictions } = cohortAndPredictions();
      ws.write('cohortlint.yaml', POLICY);
      const predictionsUri = await session.client.open(ws.write('predictions.csv', predictions), predictions);
      const uri = await session.client.open(ws.write('cohort2.csv', cohort), cohort);
      await session.client.diagnostics(uri, (ds) => errorFindings(ds).length > 0, 'the disparity first');
      // Every call made equal to the label: the disparity goes.
      const corrected = cohort.split('\n').map((line, i) => {
        if (i === 0) return 'participant_id,model_call';
        if (line === '') return line;
        const [key, , label] = line.split(',');
        return `${key},${label}`;
      }).join('\n');
      await session.client.change(predictionsUri, corrected);
      await session.client.diagnostics(uri, (ds) => errorFindings(ds).length === 0, 'the disparity gone after the predictions change');
    });
  });
}
