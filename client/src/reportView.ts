// "Cohort Lint: Show Report": the reviewer's report of the active dataset in a webview.
// The server builds the page from the analysis behind the diagnostics (cohortLint/report);
// this view only shows it, under a Content-Security-Policy with a fresh nonce, turns a
// click on a finding into "reveal this line", and logs any request the policy refused.
import { randomBytes } from 'node:crypto';
import {
  Range, Selection, TextEditorRevealType, Uri, ViewColumn, commands, window, workspace,
  type Disposable, type LogOutputChannel, type WebviewPanel,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const REPORT_REQUEST = 'cohortLint/report';

/** What the webview's script reports. */
type ViewMessage =
  | { type: 'reveal'; line: number; character: number }
  | { type: 'cspViolation'; directive: string; blockedURI: string }
  | { type: 'rendered'; groups: Record<string, string>[] };

/** The open report, as the tests (and nothing else) read it through the extension's API. */
export interface ReportViewState {
  readonly panel?: WebviewPanel;
  readonly uri?: string;
  /** The report model the page was rendered from (plain data). */
  readonly model?: unknown;
  /** Chart groups as the rendered page holds them (data-* attributes read from its DOM). */
  readonly rendered?: Record<string, string>[];
  /** Requests the page's Content-Security-Policy refused. */
  readonly violations: { directive: string; blockedURI: string }[];
}

export class ReportView implements Disposable {
  private panel?: WebviewPanel;
  private state: { uri?: string; model?: unknown; rendered?: Record<string, string>[]; violations: { directive: string; blockedURI: string }[] } = { violations: [] };

  constructor(private readonly client: () => LanguageClient | undefined, private readonly output: LogOutputChannel) {}

  get current(): ReportViewState {
    return { panel: this.panel, ...this.state };
  }

  register(): Disposable {
    return commands.registerCommand('cohortLint.showReport', (uri?: string | Uri) => this.show(uri));
  }

  /** Opens (or refreshes) the report of `uri`, else of the active editor's document. */
  async show(target?: string | Uri): Promise<boolean> {
    const uri = target ? target.toString() : window.activeTextEditor?.document.uri.toString();
    const client = this.client();
    if (!uri || !client) {
      void window.showInformationMessage('Cohort Lint: open a CSV or TSV dataset to see its report.');
      return false;
    }
    const panel = this.panel ?? this.createPanel();
    const nonce = randomBytes(16).toString('base64');
    const answer = await client.sendRequest<{ html?: string; model?: unknown; error?: string }>(REPORT_REQUEST, { uri, nonce, cspSource: panel.webview.cspSource });
    if (!answer.html) {
      void window.showInformationMessage(`Cohort Lint: ${answer.error ?? 'no report for this document.'}`);
      return false;
    }
    this.state = { uri, model: answer.model, rendered: undefined, violations: [] };
    panel.title = `Report: ${uri.slice(uri.lastIndexOf('/') + 1)}`;
    panel.webview.html = answer.html;
    panel.reveal(undefined, true);
    return true;
  }

  private createPanel(): WebviewPanel {
    // Scripts on (the page's one nonce'd script); no local resources: the page is self-contained.
    const panel = window.createWebviewPanel('cohortLint.report', 'Cohort Lint Report', { viewColumn: ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
    panel.webview.onDidReceiveMessage((message: ViewMessage) => this.received(message));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.state = { violations: [] };
    });
    this.panel = panel;
    return panel;
  }

  private received(message: ViewMessage): void {
    if (message.type === 'rendered') this.state.rendered = message.groups;
    else if (message.type === 'cspViolation') {
      this.state.violations.push({ directive: message.directive, blockedURI: message.blockedURI });
      this.output.warn(`The report view refused a request (${message.directive}): ${message.blockedURI}`);
    } else if (message.type === 'reveal' && this.state.uri) void this.reveal(this.state.uri, message.line, message.character);
  }

  private async reveal(uri: string, line: number, character: number): Promise<void> {
    const doc = await workspace.openTextDocument(Uri.parse(uri));
    const editor = await window.showTextDocument(doc, { viewColumn: ViewColumn.One, preserveFocus: false });
    const at = new Range(line, character, line, character);
    editor.selection = new Selection(at.start, at.start);
    editor.revealRange(at, TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
