import { lines, ruleTester } from './harness';

const ICD9 = ['250.83', '428.0', '414.01', 'E932', '38', '276'];
const ICD10 = ['J45.909', 'E11.9', 'I10', 'N18.3', 'C4A.0'];

/** 100 rows per site; site A codes in ICD-9-CM, site B in ICD-10 (or both alike). */
function sites(differ: boolean): string {
  const rows = ['id,site,diagnosis'];
  for (let i = 0; i < 200; i++) {
    const site = i < 100 ? 'A' : 'B';
    const codes = !differ ? (i % 2 ? ICD9 : ICD10) : site === 'A' ? ICD9 : ICD10;
    rows.push(`${i + 1},${site},${codes[i % codes.length]}`);
  }
  return lines(...rows);
}

/** ICD-9-CM at both sites, with its dots at A and without them at B (as CMS and MIMIC-III write it). */
function dotsBySite(): string {
  const dotted = ['250.83', '428.0', 'V45.81', 'E878.1', 'V05.3', '401.9'];
  const bare = ['25083', '4280', 'V4581', 'E8781', 'V053', '4019'];
  const rows = ['id,site,diagnosis'];
  for (let i = 0; i < 200; i++) rows.push(`${i + 1},${i < 100 ? 'A' : 'B'},${(i < 100 ? dotted : bare)[i % 6]}`);
  return lines(...rows);
}

ruleTester('phenotype-recording-differs', {
  valid: [
    { name: 'the same mix at every site', text: sites(false) },
    { name: 'ICD-9-CM with dots at one site and without at the other is one code system', text: dotsBySite() },
  ],
  invalid: [
    {
      name: 'ICD-9-CM at one site, ICD-10 at the other',
      text: sites(true),
      findings: [{
        messageId: 'differs',
        range: [0, 8, 0, 17],
        data: { column: 'diagnosis', grouping: 'site', groupingKind: 'site', recorded: 'code system', classes: ['ICD-9-CM', 'ICD-10'], highGroup: 'A', lowGroup: 'B', difference: 1, df: 1, tablesTested: 1 },
      }],
    },
  ],
});
