// The active file's Cohort Lint findings in the status bar; a click opens the Problems view.
import {
  DiagnosticSeverity, StatusBarAlignment, languages, window,
  type Disposable, type StatusBarItem, type TextEditor,
} from 'vscode';

const source = 'cohort-lint';
const linted = new Set(['csv', 'tsv']);
const policyFile = /(^|[\\/])(cohortlint\.ya?ml|\.cohortlint\.json)$/;

export class FindingsStatus implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[];
  private enabled = true;

  constructor() {
    this.item = window.createStatusBarItem('cohortLint.status', StatusBarAlignment.Right, 100);
    this.item.name = 'Cohort Lint';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [
      window.onDidChangeActiveTextEditor(() => this.update()),
      languages.onDidChangeDiagnostics((event) => {
        const active = window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
    ];
    this.update();
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.update();
  }

  private update(): void {
    const editor = window.activeTextEditor;
    if (!this.enabled || !editor || !this.concerns(editor)) {
      this.item.hide();
      return;
    }
    const counts = [0, 0, 0, 0];
    for (const diagnostic of languages.getDiagnostics(editor.document.uri)) {
      if (diagnostic.source === source) counts[diagnostic.severity]++;
    }
    const [errors, warnings, information, hints] = [
      counts[DiagnosticSeverity.Error], counts[DiagnosticSeverity.Warning],
      counts[DiagnosticSeverity.Information], counts[DiagnosticSeverity.Hint],
    ];
    this.item.text = `$(checklist) Cohort Lint $(error) ${errors} $(warning) ${warnings}`;
    this.item.tooltip = `Cohort Lint in this file: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ` +
      `${information} information, ${plural(hints, 'hint')}. Click to open the Problems view.`;
    this.item.show();
  }

  /**
   * Datasets and policy files always; a JSON/YAML file only once it has findings, as the
   * server alone knows whether it is a schema or a phenopacket (package.json is neither).
   */
  private concerns(editor: TextEditor): boolean {
    const doc = editor.document;
    if (linted.has(doc.languageId) || policyFile.test(doc.uri.path) || /\.(csv|tsv|tab)$/i.test(doc.uri.path)) return true;
    return languages.getDiagnostics(doc.uri).some((diagnostic) => diagnostic.source === source);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
