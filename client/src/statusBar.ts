// The active file's Cohort Lint findings in the status bar; a click opens the Problems view.
import {
  DiagnosticSeverity, StatusBarAlignment, TabInputText, languages, window,
  type Disposable, type StatusBarItem, type TextEditor, type Uri,
} from 'vscode';

const source = 'cohort-lint';
const linted = new Set(['csv', 'tsv']);
const policyFile = /(^|[\\/])(cohortlint\.ya?ml|\.cohortlint\.json)$/;

export class FindingsStatus implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[];
  private enabled = true;
  private shown = false;

  /** `fromDisk`: whether a file no editor document exists for was linted from disk (over 50 MB). */
  constructor(private readonly fromDisk: (uri: Uri) => boolean = () => false) {
    this.item = window.createStatusBarItem('cohortLint.status', StatusBarAlignment.Right, 100);
    this.item.name = 'Cohort Lint';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [
      window.onDidChangeActiveTextEditor(() => this.update()),
      window.tabGroups.onDidChangeTabs(() => this.update()),
      languages.onDidChangeDiagnostics((event) => {
        const active = (window.activeTextEditor?.document.uri ?? this.shownFromDisk())?.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
    ];
    this.update();
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.update();
  }

  /** What the status bar shows, when it shows anything. */
  get text(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  update(): void {
    const editor = window.activeTextEditor;
    const diskFile = editor ? undefined : this.shownFromDisk();
    const uri = editor?.document.uri ?? diskFile;
    if (!this.enabled || !uri || (editor && !this.concerns(editor))) {
      this.item.hide();
      this.shown = false;
      return;
    }
    const counts = [0, 0, 0, 0];
    for (const diagnostic of languages.getDiagnostics(uri)) {
      if (diagnostic.source === source) counts[diagnostic.severity]++;
    }
    const [errors, warnings, information, hints] = [
      counts[DiagnosticSeverity.Error], counts[DiagnosticSeverity.Warning],
      counts[DiagnosticSeverity.Information], counts[DiagnosticSeverity.Hint],
    ];
    this.item.text = `$(checklist) Cohort Lint${diskFile ? ' (linted from disk)' : ''} $(error) ${errors} $(warning) ${warnings}`;
    this.item.tooltip = `Cohort Lint in this file: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ` +
      `${information} information, ${plural(hints, 'hint')}. ` +
      (diskFile ? 'Linted from the file on disk: VS Code does not give extensions files over 50 MB, so unsaved edits are not seen. ' : '') +
      'Click to open the Problems view.';
    this.item.show();
    this.shown = true;
  }

  /** The active tab's file when no editor document exists for it and it was linted from disk. */
  private shownFromDisk(): Uri | undefined {
    const input = window.tabGroups.activeTabGroup.activeTab?.input;
    return input instanceof TabInputText && this.fromDisk(input.uri) ? input.uri : undefined;
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
