// The report as one self-contained HTML page: inline SVG charts, each followed by its
// numbers as a table, styles inline under a nonce, and a Content-Security-Policy that
// allows nothing else (no remote script, style, image, font or connection). The same page
// serves the VS Code webview (theme colours through --vscode-* variables, and a small
// script that turns finding links into "reveal in the editor") and the CLI's file.
import { count, percent, pValue } from '../format';
import type { ReportFinding, ReportModel } from './model';
import { heatMap, intervalChart, escapeHtml as esc } from './svg';
import { AREA_TITLES, inclusionNotes, inclusionRows, shownCount, shownShare, summaryText, SUPPRESSION_NOTE, title, type RenderOptions } from './text';

export interface HtmlOptions extends RenderOptions {
  nonce: string;
  /** The webview's own source (webview.cspSource), allowed for nothing but what the page needs. */
  cspSource?: string;
  /** Script run under the nonce (the webview's message bridge); none in a file. */
  script?: string;
}

export function contentSecurityPolicy(nonce: string, cspSource?: string): string {
  const self = cspSource ? ` ${cspSource}` : '';
  return [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src data:${self}`, `font-src${self || " 'none'"}`, `connect-src 'none'`, `form-action 'none'`, `base-uri 'none'`].join('; ');
}

const STYLE = `
:root { --fg: var(--vscode-editor-foreground, #1f2328); --bg: var(--vscode-editor-background, #ffffff); --muted: var(--vscode-descriptionForeground, #59636e);
  --accent: var(--vscode-charts-blue, #0969da); --warn: var(--vscode-charts-orange, #bc4c00); --err: var(--vscode-charts-red, #cf222e); --ok: var(--vscode-charts-green, #1a7f37);
  --border: var(--vscode-panel-border, #d0d7de); --link: var(--vscode-textLink-foreground, #0969da); }
@media (prefers-color-scheme: dark) { :root { --fg: var(--vscode-editor-foreground, #e6edf3); --bg: var(--vscode-editor-background, #0d1117); --muted: var(--vscode-descriptionForeground, #9198a1);
  --accent: var(--vscode-charts-blue, #4493f8); --warn: var(--vscode-charts-orange, #db6d28); --err: var(--vscode-charts-red, #f85149); --ok: var(--vscode-charts-green, #3fb950);
  --border: var(--vscode-panel-border, #3d444d); --link: var(--vscode-textLink-foreground, #4493f8); } }
body { color: var(--fg); background: var(--bg); font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 14px); margin: 1.5em; max-width: 80em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; border-bottom: 1px solid var(--border); padding-bottom: .2em; margin-top: 1.8em; } h3 { font-size: 1.05em; }
a { color: var(--link); } .muted, .note, .detail { color: var(--muted); } .detail { font-size: .92em; margin-top: .15em; } .note { font-size: .92em; }
table { border-collapse: collapse; margin: .6em 0 1em; } th, td { border: 1px solid var(--border); padding: .25em .6em; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
nav a { margin-right: 1em; }
.sev-error { color: var(--err); } .sev-warning { color: var(--warn); } .sev-information, .sev-hint { color: var(--accent); }
svg.chart { max-width: 100%; height: auto; font-size: 12px; } svg text { fill: var(--fg); } svg .tick { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--border); stroke-width: 1; } svg .interval { stroke: var(--accent); stroke-width: 3; stroke-linecap: round; }
svg .dot { fill: var(--accent); } svg .under .dot, svg .under .interval { fill: var(--warn); stroke: var(--warn); }
svg .dot.hollow { fill: none; stroke: var(--err); stroke-width: 2; } svg .absent .label { fill: var(--err); }
svg .reference { fill: var(--fg); fill-opacity: .75; } svg .heat { fill: var(--warn); } svg .heat.significant { stroke: var(--err); stroke-width: 2.5; }
svg .structural { fill: var(--muted); fill-opacity: .15; } svg .label.significant { font-weight: bold; }
svg .cell-text { paint-order: stroke; stroke: var(--bg); stroke-width: 3px; }
.legend span { margin-right: 1.2em; } .flag { font-weight: bold; }
`;

function table(header: string[], rows: string[][], numeric: (column: number) => boolean = (c) => c > 0, caption?: string): string {
  const th = header.map((h, i) => `<th scope="col"${numeric(i) ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${numeric(i) ? ' class="num"' : ''}>${c}</td>`)).join('')}</tr>`).join('');
  return `<table>${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function findingList(findings: ReportFinding[], options: HtmlOptions): string {
  if (findings.length === 0) return '<p class="muted">No findings.</p>';
  const items = findings.map((f) => {
    const where = `line ${f.line + 1}`;
    return `<li><span class="sev-${f.severity}">${f.severity}</span> <a href="${esc(f.docs)}">${esc(f.code)}</a> · ` +
      `<a class="reveal" href="${esc(options.link(f.line, f.character))}" data-line="${f.line}" data-character="${f.character}">${where}</a>: ${esc(f.message)}` +
      (f.detail ? `<div class="detail">${esc(f.detail)}</div>` : '') + '</li>';
  });
  return `<ul class="findings">${items.join('')}</ul>`;
}

function representation(model: ReportModel, options: HtmlOptions): string {
  if (model.representation.length === 0) return '<p class="muted">No ancestry, race or ethnicity column was found, so representation was not assessed.</p>';
  return model.representation.map((s) => {
    const rows = s.groups.map((g) => [
      `${esc(g.group)}${g.absent ? ' <span class="flag sev-error">absent</span>' : g.under ? ' <span class="flag sev-warning">under-represented</span>' : g.unobserved ? ' <span class="muted">not observed</span>' : ''}${g.small ? ' <span class="muted">(small)</span>' : ''}`,
      shownCount(g.count, options), shownShare(g.share), `${percent(g.ciLow)}–${percent(g.ciHigh)}`, shownShare(g.referenceShare), g.ratio === undefined ? '—' : g.ratio.toFixed(2),
    ]);
    const gof = s.goodnessOfFit ? `<p class="note">Chi-square goodness of fit: χ² = ${s.goodnessOfFit.statistic.toFixed(1)}, df = ${s.goodnessOfFit.df}, p ${s.goodnessOfFit.pValue < 1e-15 ? '' : '= '}${pValue(s.goodnessOfFit.pValue)}.</p>` : '';
    return `<h3>"${esc(s.column)}"</h3><p class="note">${count(s.total)} ${esc(s.unit)} with a value, ${count(s.missing)} missing. Reference: ${esc(s.reference ?? 'none applies')}. Under-represented below a ratio of ${s.minRatio}; small below ${s.minCount}.</p>` +
      `<figure>${intervalChart(s)}<figcaption class="legend"><span>● share with its 95% Wilson interval</span><span>◆ reference share</span><span class="sev-error">○ absent</span></figcaption></figure>` +
      table(['group', 'n', 'share', '95% interval', 'reference', 'ratio'], rows, undefined, `Numbers behind the chart: "${s.column}"`) + gof;
  }).join('');
}

function missingness(model: ReportModel, options: HtmlOptions): string {
  if (model.missingness.length === 0) return '<p class="muted">No phenotype field was tested for missingness by group (no ancestry column, or no phenotype field with missing values).</p>';
  return model.missingness.map((s) => {
    const rows = s.rows.map((r) => [
      `${esc(r.column)}${r.significant ? ' <span class="flag sev-warning">▲ differs</span>' : ''}`,
      ...s.groups.map((g) => {
        if (r.structural) return 'structural';
        const c = r.cells.find((x) => x.group === g);
        return c ? `${percent(c.share)} (${shownCount(c.missing, options)}/${shownCount(c.rows, options)})` : '—';
      }),
      r.pValue === undefined ? '—' : pValue(r.pValue),
    ]);
    return `<h3>By "${esc(s.ancestryColumn)}"</h3><figure>${heatMap(s)}<figcaption class="legend"><span>darker: more missing</span><span>▲ the group that lacks values most, in a field reported as phenotype-missingness-disparity</span><span>structural: empty where it does not apply</span></figcaption></figure>` +
      table(['field', ...s.groups, 'p'], rows, undefined, `Missing share (missing/${'total'}) by group of "${s.ancestryColumn}"`) +
      (s.threshold !== undefined ? `<p class="note">Reported when the largest-to-smallest ratio reaches phenotype.maxDisparityRatio, the difference of shares reaches phenotype.maxDisparityDifference and p is below the Bonferroni threshold ${s.threshold.toPrecision(3)}.</p>` : '');
  }).join('');
}

function consent(model: ReportModel, options: HtmlOptions): string {
  const c = model.consent;
  if (!c) return '<p class="muted">No consent column: the rows carry no consent terms.</p>';
  const rows = c.statuses.map((s) => [esc(s), ...c.permissions.map((p) => shownCount(c.table[s]?.[p] ?? 0, options))]);
  const width = 420;
  const bars = c.statuses.map((s, i) => {
    const n = c.permissions.reduce((sum, p) => sum + (c.table[s]?.[p] ?? 0), 0);
    const w = c.rows > 0 ? (n / c.rows) * width : 0;
    return `<g data-status="${esc(s)}" data-rows="${n}"><text x="110" y="${18 + i * 24}" text-anchor="end">${esc(s)}</text><rect class="${s === 'usable' ? 'dot' : 'heat'}" x="118" y="${6 + i * 24}" width="${Math.max(1, Math.round(w))}" height="16"/><text class="tick" x="${124 + Math.round(w)}" y="${18 + i * 24}">${percent(c.rows ? n / c.rows : 0)}</text></g>`;
  });
  const svg = `<svg class="chart" role="img" aria-label="Rows by consent status" viewBox="0 0 600 ${c.statuses.length * 24 + 10}" width="600" height="${c.statuses.length * 24 + 10}" data-chart="consent">${bars.join('')}</svg>`;
  return `<p>${count(c.usable)} of ${count(c.rows)} rows have usable consent (columns ${c.columns.map((x) => `"${esc(x)}"`).join(', ')}; withdrawal dates judged on ${c.today}). ` +
    `<strong>${count(c.quarantined)}</strong> rows would be moved to <code>${esc(c.quarantineFile)}</code> by the quarantine fix (none is lost).</p>` +
    `<figure>${svg}</figure>` + table(['status', ...c.permissions.map((p) => (p === 'none' ? 'no permission read' : p))], rows, undefined, 'Rows by consent status and DUO permission');
}

function areas(model: ReportModel, options: HtmlOptions): string {
  return model.areas.map((a) => `<section id="${a.id}"><h2>${esc(a.title)}</h2>` +
    (a.facts ? table(a.facts.header, a.facts.rows.map((r) => r.map(esc)), (i) => a.id === 'outcome' && i > 0, a.facts.caption) : '') +
    findingList(a.findings, options) + '</section>').join('');
}

function inclusion(model: ReportModel, options: HtmlOptions): string {
  const s = model.inclusion;
  if (!s) return '<p class="muted">Not computed: no race or ethnicity column in US categories was found.</p>';
  const { header, rows } = inclusionRows(s, options);
  return table(header, rows.map((r) => r.map(esc)), undefined, 'NIH Inclusion Enrollment Report: race × ethnicity × sex') +
    `<div id="nih-table-notes">${inclusionNotes(s).map((n) => `<p class="note">${esc(n)}</p>`).join('')}</div>` +
    (s.shortfalls.length > 0 ? `<p><strong>${s.shortfalls.length}</strong> planned cells fall short (inclusion-enrollment-short).</p>` : '');
}

function regulations(model: ReportModel): string {
  const rows = model.regulations.map((r) => [`<a href="${esc(r.url)}">${esc(r.name)}</a>`, esc(r.citation), esc(r.why), String(r.findings)]);
  return '<p class="note">What each finding area helps a reviewer look at. This is not a compliance assessment: no finding, and no absence of findings, means a dataset meets any of these.</p>' +
    table(['rule or policy', 'citation', 'why it bears on this dataset', 'related findings'], rows, (i) => i === 3);
}

function datasheet(model: ReportModel): string {
  const headings = [...new Set(model.datasheet.map((e) => e.heading))];
  return '<p class="note">Headings from Gebru et al., "Datasheets for Datasets" (Communications of the ACM, 2021), where the analysis can answer them.</p>' +
    headings.map((h) => `<h3>${esc(h)}</h3><dl>${model.datasheet.filter((e) => e.heading === h).map((e) => `<dt>${esc(e.question)}</dt><dd>${esc(e.answer)}</dd>`).join('')}</dl>`).join('');
}

export function renderHtml(model: ReportModel, options: HtmlOptions): string {
  const sections: [string, string, string][] = [
    ['representation', 'Representation', representation(model, options)],
    ['missingness', 'Missingness by group', missingness(model, options)],
    ['consent', 'Consent', consent(model, options)],
    ['inclusion', 'NIH inclusion enrollment', inclusion(model, options)],
    ['regulations', 'Regulation map', regulations(model)],
    ['datasheet', 'Datasheet', datasheet(model)],
  ];
  const areaHtml = areas(model, options);
  const nav = [...sections.map(([id, name]) => [id, name]), ...model.areas.map((a) => [a.id, a.title]), ['findings', 'All findings']]
    .map(([id, name]) => `<a href="#${id}">${esc(name)}</a>`).join('');
  const byArea = [...new Set(model.findings.map((f) => f.area))].map((area) => `<h3>${esc(AREA_TITLES[area] ?? area)}</h3>${findingList(model.findings.filter((f) => f.area === area), options)}`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options.nonce, options.cspSource)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title(model))}</title><style nonce="${options.nonce}">${STYLE}</style></head>
<body><h1>${esc(title(model))}</h1><p>${esc(summaryText(model))}</p>${options.suppressSmallCells ? `<p class="note">${esc(SUPPRESSION_NOTE)}</p>` : ''}<nav>${nav}</nav>
${sections.slice(0, 4).map(([id, name, html]) => `<section id="${id}"><h2>${esc(name)}</h2>${html}</section>`).join('\n')}
${areaHtml}
${sections.slice(4).map(([id, name, html]) => `<section id="${id}"><h2>${esc(name)}</h2>${html}</section>`).join('\n')}
<section id="findings"><h2>All findings</h2>${byArea || '<p class="muted">No findings.</p>'}</section>
${options.script ? `<script nonce="${options.nonce}">${options.script}</script>` : ''}
</body></html>
`;
}
