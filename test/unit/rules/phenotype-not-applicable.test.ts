import { lines, ruleTester } from './harness';

/** 120 rows; relapsed is 1 in every third row, and relapse_date is filled exactly there (or, `randomGaps`, also empty at random). */
function relapse(randomGaps = false): string {
  const rows = ['id,race,sex,age,diagnosis,relapsed,relapse_date'];
  for (let i = 0; i < 120; i++) {
    const relapsed = i % 3 === 0 ? 1 : 0;
    const date = randomGaps ? (i % 4 === 0 ? '' : '2021-01-01') : relapsed ? '2021-01-01' : '';
    rows.push(`${i + 1},White,F,50,x,${relapsed},${date}`);
  }
  return lines(...rows);
}

ruleTester('phenotype-not-applicable', {
  valid: [
    { name: 'a column missing at random is not structural', text: relapse(true) },
  ],
  invalid: [
    {
      name: 'relapse_date empty exactly when relapsed = 0',
      text: relapse(),
      findings: [{ messageId: 'notApplicable', range: [0, 35, 0, 47], severity: 'information', data: { kind: 'condition', column: 'relapse_date', condition: 'relapsed', values: ['0'], rowsWhen: 80, emptyWhen: 80, empty: 80, columns: ['relapse_date'] } }],
    },
  ],
});
