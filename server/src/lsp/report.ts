// The reviewer's report in the editor: a `cohortLint/report` request that answers the
// report page (and its model) for a dataset from the same analysis its diagnostics came
// from, and a code lens on the header line ("Report · 13 warnings · 5 groups") that
// opens it. The page is rendered here, where the analysis is; the client only shows it.
import type { CodeLens, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStore } from './analyses';
import type { Engine } from './engine';
import { describeError, type Logger } from './log';
import type { SettingsStore } from './settings';

export const REPORT_REQUEST = 'cohortLint/report';
export const SHOW_REPORT_COMMAND = 'cohortLint.showReport';

export interface ReportParams {
  uri: string;
  /** For the page's Content-Security-Policy and its one script. */
  nonce: string;
  /** The webview's source (webview.cspSource). */
  cspSource: string;
}

/**
 * The webview's bridge, run under the page's nonce: a click on a finding's line asks the
 * extension to reveal it, and a request the CSP refused is reported (the output channel
 * logs it), so a blocked load is never silent.
 */
const WEBVIEW_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.reveal') : null;
    if (!link) return;
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', line: Number(link.dataset.line), character: Number(link.dataset.character) });
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    vscode.postMessage({ type: 'cspViolation', directive: event.violatedDirective, blockedURI: event.blockedURI });
  });
  const groups = [...document.querySelectorAll('svg[data-chart] [data-group]')].map((g) => ({ chart: g.closest('svg').dataset.chart, ...g.dataset }));
  vscode.postMessage({ type: 'rendered', groups });
})();`;

export function registerReport(connection: Connection, documents: TextDocuments<TextDocument>, engine: Engine, analyses: AnalysisStore, settings: SettingsStore, log: Logger): void {
  connection.onRequest(REPORT_REQUEST, async (params: ReportParams) => {
    await settings.ready();
    const doc = documents.get(params.uri);
    if (!doc || !settings.current.enable || !analyses.isLinted(doc)) return { error: 'Open a CSV or TSV dataset to see its report.' };
    // The lint under way (or done) for this version, not a second one beside it.
    const analysis = (await analyses.settled(doc))?.analysis;
    if (!analysis || analysis.kind !== 'dataset') return { error: 'The report covers datasets (CSV, TSV); this document is not one.' };
    try {
      const model = engine.buildReport(analysis);
      const html = engine.renderHtml(model, { nonce: params.nonce, cspSource: params.cspSource, suppressSmallCells: false, link: () => '#', script: WEBVIEW_SCRIPT });
      return { model, html };
    } catch (error) {
      log.error(`The report failed.\n${describeError(error)}`);
      return { error: 'The report could not be built; see the Cohort Lint output.' };
    }
  });

  connection.onCodeLens(async ({ textDocument }): Promise<CodeLens[]> => {
    await settings.ready();
    const doc = documents.get(textDocument.uri);
    if (!doc || !settings.current.enable || !analyses.isLinted(doc)) return [];
    // VS Code asks for lenses on open and after each edit: they wait for the lint already
    // under way (a second one, not sliced, held every request for as long as a whole lint).
    const analysis = (await analyses.settled(doc))?.analysis;
    if (!analysis || analysis.kind !== 'dataset' || !analysis.table.headerRow) return [];
    const line = analysis.table.lines.positionAt(analysis.table.headerRow.start).line;
    const count = (severity: string) => analysis.findings.filter((f) => f.severity === severity).length;
    const groups = analysis.ancestry[0]?.groups.filter((g) => g.count > 0).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const parts = ['Report', ...(count('error') > 0 ? [plural(count('error'), 'error')] : []), plural(count('warning'), 'warning'), ...(groups !== undefined ? [plural(groups, 'group')] : [])];
    return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title: parts.join(' · '), command: SHOW_REPORT_COMMAND, arguments: [doc.uri] } }];
  });
}
