// Lints a dataset document and keeps the result per uri and version, so hovers and code
// actions are answered from the same analysis the diagnostics came from. The engine can
// throw on input nobody foresaw; that must cost one diagnostic, never the server.
import { basename, dirname, resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisFailedDiagnostic, toDiagnostic } from './diagnosticMapping';
import type { DocumentAnalysis, DocumentKind, Engine, Fix, LoadedPolicy } from './engine';
import { editorDecoding } from './editorDecoding';
import { describeError, type Logger } from './log';
import type { PolicyStore } from './policies';
import type { SettingsStore } from './settings';
import { uriToPath, type WorkspaceFiles } from './workspaceFiles';

export interface AnalysisEntry {
  uri: string;
  version: number;
  /** Bumped whenever settings or a policy changed: older entries are stale whatever their version. */
  generation: number;
  /** Undefined when the engine failed on the document. */
  analysis?: DocumentAnalysis;
  policy?: LoadedPolicy;
  diagnostics: Diagnostic[];
  /** Quick fixes computed for this analysis, by finding: the light bulb asks on every cursor move. */
  fixes?: Map<string, Fix[]>;
}

/** Kinds whose diagnostics this store delivers; policy files are published by the PolicyStore. */
const LINTED_KINDS = new Set<DocumentKind>(['dataset', 'tableSchema', 'dataPackage', 'phenopacket']);

export class AnalysisStore {
  private readonly entries = new Map<string, AnalysisEntry>();
  private readonly kinds = new Map<string, { version: number; kind: DocumentKind | undefined }>();
  private currentGeneration = 0;

  constructor(
    private readonly engine: Engine,
    private readonly policies: PolicyStore,
    private readonly settings: SettingsStore,
    private readonly log: Logger,
    private readonly files: WorkspaceFiles,
  ) {}

  get generation(): number {
    return this.currentGeneration;
  }

  /** What kind of document this is (cached per version: classifying reads the text). */
  kindOf(doc: TextDocument): DocumentKind | undefined {
    const cached = this.kinds.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.kind;
    let kind: DocumentKind | undefined;
    try {
      kind = this.engine.classifyDocument(uriToPath(doc.uri) ?? doc.uri, doc.getText(), doc.languageId);
    } catch (error) {
      this.log.error(`Could not classify a document.\n${describeError(error)}`);
    }
    this.kinds.set(doc.uri, { version: doc.version, kind });
    return kind;
  }

  /** Datasets, Table Schemas, Data Packages and Phenopackets get diagnostics, hovers and fixes. */
  isLinted(doc: TextDocument): boolean {
    const kind = this.kindOf(doc);
    const linted = kind !== undefined && LINTED_KINDS.has(kind);
    // Edited into something we do not lint: its last analysis (a whole table, maybe) can go.
    if (!linted) this.entries.delete(doc.uri);
    return linted;
  }

  /** The analysis of the document as it is now, linting it if needed. */
  current(doc: TextDocument): AnalysisEntry {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === this.currentGeneration) return cached;
    const entry = this.lint(doc);
    this.entries.set(doc.uri, entry);
    return entry;
  }

  /** Files that described a linted dataset (its schema, its data package, its predictions table): their changes relint. */
  schemaSources(): Set<string> {
    const sources = new Set<string>();
    for (const entry of this.entries.values()) {
      const schema = entry.analysis?.kind === 'dataset' ? entry.analysis.schema : undefined;
      if (schema?.path) sources.add(resolve(schema.path));
      if (schema?.descriptorPath) sources.add(resolve(schema.descriptorPath));
      // The other tables of its cohort: their keys and consent change its findings.
      if (entry.analysis?.kind === 'dataset') for (const table of entry.analysis.cohortTables ?? []) sources.add(resolve(table));
      // outcome.predictions: the dataset's model outputs live in that table.
      const predictions = entry.analysis?.kind === 'dataset' ? entry.policy?.policy.outcome?.predictions : undefined;
      if (predictions && entry.policy?.path) sources.add(resolve(dirname(entry.policy.path), predictions));
    }
    return sources;
  }

  /** Settings or a policy changed: every analysis must be redone. */
  invalidateAll(): void {
    this.currentGeneration++;
    this.entries.clear();
  }

  drop(uri: string): void {
    this.entries.delete(uri);
    this.kinds.delete(uri);
  }

  private lint(doc: TextDocument): AnalysisEntry {
    const path = uriToPath(doc.uri);
    const name = basename(path ?? doc.uri);
    const { rules, maxProblems } = this.settings.current;
    const started = performance.now();
    const base = { uri: doc.uri, version: doc.version, generation: this.currentGeneration };
    try {
      const policy = this.policies.forDataset(path);
      const analysis = this.engine.lintDocument(path ?? doc.uri, doc.getText(), doc.languageId, {
        policy,
        read: this.files.read,
        workspaceRoot: path ? this.files.rootFor(path) : undefined,
        options: { ruleSeverity: rules, maxProblems },
        decoding: editorDecoding(path, doc.getText()),
        openText: (file) => this.files.openDocumentAt(file)?.getText(),
      });
      if (!analysis) return { ...base, diagnostics: [] };
      const diagnostics = analysis.findings.map((finding) => toDiagnostic(finding, this.engine));
      this.log.info(`Linted ${name} v${doc.version} in ${Math.round(performance.now() - started)} ms: ${summarise(analysis)}.`);
      return { ...base, analysis, policy, diagnostics };
    } catch (error) {
      this.log.error(`Could not analyse ${name} v${doc.version} (${doc.lineCount} lines, ${doc.getText().length} characters).\n${describeError(error)}`);
      return { ...base, diagnostics: [analysisFailedDiagnostic(this.engine)] };
    }
  }
}

/** Counts per code and the columns concerned: never a row value. */
function summarise(analysis: DocumentAnalysis): string {
  const byCode = new Map<string, number>();
  const columns = new Set<string>();
  for (const finding of analysis.findings) {
    byCode.set(finding.code, (byCode.get(finding.code) ?? 0) + 1);
    // Findings about a missing column name none ('').
    if (typeof finding.data?.column === 'string' && finding.data.column !== '') columns.add(finding.data.column);
  }
  const codes = [...byCode].map(([code, n]) => `${code} ${n}`).join(', ');
  const cols = columns.size ? `; columns: ${[...columns].join(', ')}` : '';
  return `${analysis.findings.length} findings${codes ? ` (${codes})` : ''}${cols}`;
}
