// The reviewer's report: the model reads the analysis (its numbers are the assessment's),
// the NIH table on Synthea's patients matches counts made here from the CSV with a
// mapping of our own, the HTML opens in headless Chromium with no console error and no
// request, its CSP blocks a remote one, and inclusion.planned yields a finding per short cell.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Papa from 'papaparse';
import { hoverAt } from '../../server/src/engine';
import { buildReport } from '../../server/src/engine/report/model';
import { renderHtml } from '../../server/src/engine/report/renderHtml';
import { renderMarkdown } from '../../server/src/engine/report/renderMarkdown';
import { chromiumPath, withChromium } from '../chromium';
import { byCode, cliPath, lint, policyFrom, realdataDir, tempDir } from './helpers';

const SYNTHEA = path.join(realdataDir, 'synthea_patients.csv');

function cli(args: string[], cwd: string) {
  return spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
}

/** A cohort: race and ethnicity in separate columns, sex, a consent column, 180 rows. */
function cohortCsv(): string {
  const lines = ['participant_id,race,ethnicity,sex,consent,bmi'];
  for (let i = 0; i < 180; i++) {
    const race = i < 120 ? 'White' : i < 170 ? 'Black or African American' : 'Asian';
    const ethnicity = i % 6 === 0 ? 'Hispanic or Latino' : 'Not Hispanic or Latino';
    lines.push(`P${i},${race},${ethnicity},${i % 2 ? 'F' : 'M'},${i % 30 === 0 ? 'withdrawn' : 'GRU'},${i % 7 === 0 ? '' : 20 + (i % 9)}`);
  }
  return lines.join('\n') + '\n';
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The rows of the HTML table whose caption starts with `caption`, as cell texts. */
function htmlTable(html: string, caption: string): string[][] {
  const start = html.indexOf(`<caption>${caption}`);
  assert.ok(start >= 0, `no table captioned ${caption}`);
  const body = html.slice(start, html.indexOf('</table>', start));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1].replace(/&lt;/g, '<').replace(/&amp;/g, '&')));
}

describe('report model', () => {
  test('its numbers are the analysis\' numbers, and each chart carries them', () => {
    const a = lint(cohortCsv(), { path: '/virtual/project/cohort.csv' });
    const model = buildReport(a);
    const race = model.representation.find((s) => s.column === 'race')!;
    const assessed = a.ancestry.find((x) => x.column === 'race')!;
    for (const g of assessed.groups) {
      const shown = race.groups.find((x) => x.group === g.group)!;
      assert.deepEqual([shown.count, shown.share, shown.ciLow, shown.ciHigh, shown.referenceShare], [g.count, g.share, g.ciLow, g.ciHigh, g.referenceShare]);
    }
    const html = renderHtml(model, { nonce: 'n0nce', suppressSmallCells: false, link: (l) => `#L${l + 1}` });
    for (const g of race.groups.filter((x) => x.count > 0)) {
      const attrs = new RegExp(`data-group="${g.group}" data-share="${g.share}" data-ci-low="${g.ciLow}" data-ci-high="${g.ciHigh}"`);
      assert.match(html, attrs);
    }
    // Under-represented marks follow the rule's findings, not a re-derived ratio.
    const flagged = byCode(a.findings, 'ancestry-underrepresented').filter((f) => f.data.column === 'race').map((f) => f.data.group).sort();
    assert.deepEqual(race.groups.filter((g) => g.under).map((g) => g.group).sort(), flagged);
    // Consent: rows by status × permission, and the rows the quarantine fix would move.
    assert.equal(model.consent?.quarantined, 6);
    assert.equal(model.consent?.table.withdrawn?.none, 6);
    assert.equal(model.consent?.table.usable?.GRU, 174);
    // The missingness heat map is the disparity assessment's.
    const bmi = model.missingness[0].rows.find((r) => r.column === 'bmi')!;
    const tested = a.disparities().columns.find((c) => c.column === 'bmi' && c.ancestryColumn === 'race')!;
    assert.deepEqual(bmi.cells.map((c) => c.share), tested.groups.map((g) => g.share));
    // The regulation map never claims compliance.
    assert.doesNotMatch(html, /\bcomplies\b|\bcompliant\b/i);
    assert.match(html, /not a compliance assessment/);
  });

  test('NIH table: participants, not rows; planned cells short of plan are findings', () => {
    const text = cohortCsv() + 'P0,White,Not Hispanic or Latino,M,GRU,22\n';
    const plan = 'inclusion:\n  planned:\n    Asian:\n      Not Hispanic or Latino: { Female: 20, Male: 20 }\n    White:\n      Not Hispanic or Latino: { Male: 10 }\n';
    const a = lint(text, { policy: policyFrom(plan) });
    const model = buildReport(a);
    const s = model.inclusion!;
    assert.equal(s.unit, 'participants');
    assert.equal(s.total, 180, 'P0 repeats: counted once');
    const short = byCode(a.findings, 'inclusion-enrollment-short').map((f) => [f.data.race, f.data.ethnicity, f.data.sex, f.data.actual, f.data.planned]);
    // Asian rows 170-179: non-Hispanic are those with i % 6 != 0 (171,173,175,177 F; 172,176,178 M... counted here).
    const asian = Array.from({ length: 10 }, (_, k) => 170 + k).filter((i) => i % 6 !== 0);
    const female = asian.filter((i) => i % 2 === 1).length;
    const male = asian.length - female;
    assert.deepEqual(short, [['Asian', 'Not Hispanic or Latino', 'Female', female, 20], ['Asian', 'Not Hispanic or Latino', 'Male', male, 20]]);
    assert.equal(s.shortfalls.length, 2);
    const md = renderMarkdown(model, { suppressSmallCells: true, link: (l) => `cohort.csv#L${l + 1}` });
    assert.match(md, /\| Asian \| <11 \/ 20 \| <11 \/ 20 \|/);
  });

  test('a combined race column (Hispanic is one of its values) fills ethnicity from it', () => {
    const lines = ['race,gender'];
    for (let i = 0; i < 60; i++) lines.push(`${['Caucasian', 'AfricanAmerican', 'Hispanic', 'Other', '?'][i % 5]},${i % 2 ? 'Female' : 'Male'}`);
    const s = buildReport(lint(lines.join('\n') + '\n')).inclusion!;
    assert.equal(s.combined, true);
    const at = (race: string, ethnicity: string) => s.counts[s.races.indexOf(race)][s.ethnicities.indexOf(ethnicity)].reduce((x, y) => x + y, 0);
    assert.equal(at('White', 'Not Hispanic or Latino'), 12);
    assert.equal(at('Unknown or Not Reported', 'Hispanic or Latino'), 12);
    assert.equal(at('Unknown or Not Reported', 'Not Hispanic or Latino'), 12, '"Other" is a race NIH has no row for');
    assert.equal(at('Unknown or Not Reported', 'Unknown/Not Reported'), 12, '"?" says nothing');
    assert.deepEqual(s.unread.filter((u) => u.role === 'race').map((u) => u.value).sort(), ['?', 'Other']);
  });
});

describe('cohort-lint report', () => {
  test('on synthea_patients.csv the HTML NIH table matches counts made here', (t) => {
    if (!existsSync(SYNTHEA)) { t.skip(`realdata file absent: ${SYNTHEA}`); return; }
    const dir = tempDir(t);
    const out = path.join(dir, 'report.html');
    const r = cli(['report', '-o', out, SYNTHEA], dir);
    assert.equal(r.status, 0, r.stderr);
    const html = readFileSync(out, 'utf8');
    // Counted independently: papaparse, and Synthea's own codes (its docs: white, black, asian, native, hawaiian, other).
    const rows = Papa.parse<Record<string, string>>(readFileSync(SYNTHEA, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const RACE: Record<string, string> = { white: 'White', black: 'Black or African American', asian: 'Asian', native: 'American Indian/Alaska Native', hawaiian: 'Native Hawaiian or Other Pacific Islander' };
    const ETH: Record<string, string> = { hispanic: 'Hispanic or Latino', nonhispanic: 'Not Hispanic or Latino' };
    const SEX: Record<string, string> = { F: 'Female', M: 'Male' };
    const expected = new Map<string, number>();
    for (const row of rows) {
      const key = `${RACE[row.RACE] ?? 'Unknown or Not Reported'}|${ETH[row.ETHNICITY] ?? 'Unknown/Not Reported'}|${SEX[row.GENDER] ?? 'Unknown/Not Reported'}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const table = htmlTable(html, 'NIH Inclusion Enrollment Report');
    const header = table[0];
    const races = ['American Indian/Alaska Native', 'Asian', 'Native Hawaiian or Other Pacific Islander', 'Black or African American', 'White', 'More than One Race', 'Unknown or Not Reported'];
    assert.deepEqual(table.slice(1, 8).map((r) => r[0]), races);
    const suppressed = (n: number) => (n >= 1 && n <= 10 ? '<11' : String(n));
    for (const row of table.slice(1, 8)) {
      header.slice(1, 10).forEach((column, i) => {
        const [ethnicity, sex] = column.split(': ');
        assert.equal(row[i + 1], suppressed(expected.get(`${row[0]}|${ethnicity}|${sex}`) ?? 0), `${row[0]} × ${column}`);
      });
    }
    assert.equal(table[table.length - 1][10], String(rows.length), 'grand total');
  });

  test('the HTML opens in headless Chromium offline: no console error, no request, and its CSP blocks a remote one', async (t) => {
    if (!existsSync(chromiumPath)) { t.skip(`no Chromium at ${chromiumPath}`); return; }
    const dir = tempDir(t);
    const data = path.join(dir, 'cohort.csv');
    writeFileSync(data, cohortCsv());
    const out = path.join(dir, 'report.html');
    assert.equal(cli(['report', '-o', out, data], dir).status, 0);
    await withChromium(async (context) => {
      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(e.message));
      const responses: string[] = [];
      const failed: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('response', (r) => responses.push(r.url()));
      page.on('requestfailed', (r) => failed.push(r.url()));
      const url = `file://${out}`;
      await page.goto(url);
      assert.equal(await page.locator('svg[data-chart="representation"] g[data-group]').count() > 0, true);
      assert.ok(await page.locator('section#inclusion table').isVisible());
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, [url]);
      // A remote image added to the page is refused by its Content-Security-Policy.
      // (Page code as a string: the tests are compiled without the DOM's types.)
      const blocked = await page.evaluate<string>(`new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective + ' ' + e.blockedURI));
        const img = document.createElement('img');
        img.src = 'https://example.com/pixel.png';
        document.body.append(img);
      })`);
      assert.match(blocked, /^img-src https:\/\/example\.com/);
      // Playwright sees the attempt; the browser never lets it out: it fails, with no response.
      await waitUntil(() => failed.includes('https://example.com/pixel.png'));
      assert.deepEqual(responses, [url]);
    });
  });

  test('Markdown, and usage errors', (t) => {
    const dir = tempDir(t);
    const data = path.join(dir, 'cohort.csv');
    writeFileSync(data, cohortCsv());
    const md = cli(['report', '--format', 'md', data], dir);
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /^# Cohort Lint report: cohort\.csv/);
    assert.match(md.stdout, /## NIH inclusion enrollment/);
    assert.match(md.stdout, /\[line 1\]\(cohort\.csv#L1\)/);
    assert.equal(cli(['report', '--format', 'pdf', data], dir).status, 2);
    assert.equal(cli(['report'], dir).status, 2);
  });
});

describe('hover layout', () => {
  test('the table comes first; the findings on the header follow, one short line each', () => {
    const a = lint(cohortCsv());
    const race = a.ancestry.find((x) => x.column === 'race')!;
    const at = a.headerCell(race.columnIndex).start;
    const hover = hoverAt(a, at)!;
    const table = hover.indexOf('| group | n | share |');
    const listed = hover.indexOf('**Findings here (');
    assert.ok(table >= 0 && listed > table, hover);
    const here = a.findings.filter((f) => f.range.start.line === at.line && f.range.start.character <= at.character && f.range.end.character >= at.character);
    const lines = hover.slice(listed).split('\n').filter((l) => l.startsWith('- '));
    assert.equal(lines.length, Math.min(here.length, 9));
    for (const line of lines) assert.ok(line.length <= 160, line);
  });
});
