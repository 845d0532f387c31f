// Lints a dataset document and keeps the result per uri and version, so hovers and code
// actions are answered from the same analysis the diagnostics came from. The engine can
// throw on input nobody foresaw; that must cost one diagnostic, never the server.
import { basename, dirname, resolve } from 'node:path';
import type { Diagnostic, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisFailedDiagnostic, toDiagnostic } from './diagnosticMapping';
import type { EditSpans } from './editSpans';
import type { DocumentAnalysis, DocumentKind, Engine, Fix, LoadedPolicy } from './engine';
import { editorDecoding } from './editorDecoding';
import { describeError, type Logger } from './log';
import type { PolicyStore } from './policies';
import type { SettingsStore } from './settings';
import { staleView, type StaleView } from './staleView';
import { uriToPath, type WorkspaceFiles } from './workspaceFiles';

export interface AnalysisEntry {
  uri: string;
  version: number;
  languageId?: string;
  /** Bumped whenever settings or a policy changed: older entries are stale whatever their version. */
  generation: number;
  /** Undefined when the engine failed on the document. */
  analysis?: DocumentAnalysis;
  policy?: LoadedPolicy;
  diagnostics: Diagnostic[];
  /** Quick fixes computed for this analysis, by finding: the light bulb asks on every cursor move. */
  fixes?: Map<string, Fix[]>;
}

interface LintJob {
  version: number;
  generation: number;
  done: Promise<AnalysisEntry | undefined>;
}

/** Work done between two yields to the event loop: short enough that a hover waits little. */
const SLICE_MS = 15;
/**
 * Lines past which a document's first lint profiles its rows in one pass, as the CLI does,
 * and its blocks for fast edits (profile/blocks.ts) are built afterwards, in the background:
 * building them costs the first diagnostics about a third more (on the 101,766-row diabetes
 * file, 3.4 s instead of 2.4 s), and the user reads before typing.
 */
const BLOCKS_LATER_LINES = 20_000;

/** Kinds whose diagnostics this store delivers; policy files are published by the PolicyStore. */
const LINTED_KINDS = new Set<DocumentKind>(['dataset', 'tableSchema', 'dataPackage', 'phenopacket']);

export class AnalysisStore {
  private readonly entries = new Map<string, AnalysisEntry>();
  private readonly kinds = new Map<string, { version: number; kind: DocumentKind | undefined }>();
  /** Per uri, the lint in progress (see settled). */
  private readonly jobs = new Map<string, LintJob>();
  /** Per uri, the analysis whose blocks are being built in the background (see prepareBlocks). */
  private readonly preparing = new Map<string, AnalysisEntry>();
  private currentGeneration = 0;

  constructor(
    private readonly engine: Engine,
    private readonly policies: PolicyStore,
    private readonly settings: SettingsStore,
    private readonly log: Logger,
    private readonly files: WorkspaceFiles,
    /** Where the client's changes were, so a splice need not compare texts (none: they are compared). */
    private readonly editSpans?: EditSpans,
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

  /**
   * The analysis of the document as it is now, linted in slices that let other requests
   * (hovers, completion, cancellation) through between them. Undefined when the document
   * changed (or settings or a policy did) before it was done: that work is dropped, and
   * the newer version's is what counts. When only settings or a policy changed meanwhile,
   * the document is linted again under them.
   */
  async settled(doc: TextDocument): Promise<AnalysisEntry | undefined> {
    const version = doc.version;
    for (;;) {
      const generation = this.currentGeneration;
      const entry = await this.lintOnce(doc);
      // Only settings or a policy moved on (the document did not, and is still open): the
      // newer lint is the answer. A request that waited must not come back empty-handed.
      if (entry || doc.version !== version || this.currentGeneration === generation || !this.files.isOpen(doc)) return entry;
    }
  }

  private lintOnce(doc: TextDocument): Promise<AnalysisEntry | undefined> {
    const cached = this.fresh(doc);
    if (cached) return Promise.resolve(cached);
    const running = this.jobs.get(doc.uri);
    if (running && running.version === doc.version && running.generation === this.currentGeneration) return running.done;
    const job: LintJob = { version: doc.version, generation: this.currentGeneration, done: Promise.resolve(undefined) };
    this.jobs.set(doc.uri, job);
    job.done = this.run(doc, job);
    return job.done;
  }

  /**
   * The analysis a hover or code action at `positions` answers from without waiting: the
   * current version's when it is done, else the last finished one seen through a
   * StaleView (staleView.ts) when every position maps into it. Otherwise (no analysis yet,
   * a position inside the edit) the current one, once it is done.
   */
  async forRequest(doc: TextDocument, positions: Position[]): Promise<{ entry: AnalysisEntry; view?: StaleView } | undefined> {
    const cached = this.fresh(doc);
    if (cached) return { entry: cached };
    const latest = this.entries.get(doc.uri);
    const view = latest && latest.generation === this.currentGeneration ? staleView(latest, doc) : undefined;
    if (view && positions.every((p) => view.toAnalysed(p) !== undefined)) return { entry: latest!, view };
    const entry = await this.settled(doc);
    return entry && { entry };
  }

  private fresh(doc: TextDocument): AnalysisEntry | undefined {
    const cached = this.entries.get(doc.uri);
    return cached && cached.version === doc.version && cached.generation === this.currentGeneration ? cached : undefined;
  }

  private async run(doc: TextDocument, job: LintJob): Promise<AnalysisEntry | undefined> {
    const uri = doc.uri;
    const stale = () => this.jobs.get(uri) !== job || doc.version !== job.version || this.currentGeneration !== job.generation;
    this.preparing.delete(uri);
    const before = this.entries.get(uri);
    const firstOfLarge = doc.lineCount > BLOCKS_LATER_LINES && !(before?.languageId === doc.languageId && before.analysis?.kind === 'dataset');
    try {
      const entry = await sliced(this.lintSteps(doc, !firstOfLarge), stale);
      if (entry) {
        this.entries.set(uri, entry);
        if (firstOfLarge && entry.analysis?.kind === 'dataset') void this.prepareBlocks(doc, entry);
      }
      return entry;
    } finally {
      if (this.jobs.get(uri) === job) this.jobs.delete(uri);
    }
  }

  /**
   * Builds the profile blocks of `entry` (linted in one pass) in the background, so the
   * next edit re-profiles only the rows it touched: over its table, under its policy and
   * schema, nothing else redone (engine profileBlocksSteps), so the findings and the published
   * diagnostics are the ones already there. Dropped when anything newer starts.
   */
  private async prepareBlocks(doc: TextDocument, entry: AnalysisEntry): Promise<void> {
    const uri = doc.uri;
    this.preparing.set(uri, entry);
    const stale = () => this.preparing.get(uri) !== entry || this.entries.get(uri) !== entry || this.jobs.has(uri) || doc.version !== entry.version || this.currentGeneration !== entry.generation;
    try {
      await new Promise((resume) => setImmediate(resume));
      if (stale()) return;
      const started = performance.now();
      const analysis = entry.analysis;
      if (analysis?.kind !== 'dataset' || !entry.policy) return;
      const blocks = await sliced(this.engine.profileBlocksSteps(analysis, entry.policy), stale);
      if (!blocks) return;
      analysis.profileBlocks = blocks;
      this.log.info(`Prepared ${basename(uriToPath(uri) ?? uri)} v${entry.version} for edits in ${Math.round(performance.now() - started)} ms.`);
    } catch (error) {
      this.log.error(`Preparing a document for edits failed.\n${describeError(error)}`);
    } finally {
      if (this.preparing.get(uri) === entry) this.preparing.delete(uri);
    }
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
    this.jobs.delete(uri);
  }

  /**
   * Lints the document as it is when called: a later change to it does not reach this work.
   * `keepBlocks`: profile the rows in blocks the next version reuses (else in one pass).
   */
  private *lintSteps(doc: TextDocument, keepBlocks = true): Generator<void, AnalysisEntry> {
    const path = uriToPath(doc.uri);
    const name = basename(path ?? doc.uri);
    const text = doc.getText();
    const { rules, maxProblems } = this.settings.current;
    const started = performance.now();
    const base = { uri: doc.uri, version: doc.version, generation: this.currentGeneration, languageId: doc.languageId };
    // The table of the version linted before: an edit of a few rows is spliced into it.
    const before = this.entries.get(doc.uri);
    const previous = before?.languageId === doc.languageId && before.analysis?.kind === 'dataset' ? before.analysis : undefined;
    const previousTable = previous?.table;
    const unchangedEnds = previous && before ? this.editSpans?.since(doc.uri, before.version, doc.version) : undefined;
    if (before) this.editSpans?.forgetBefore(doc.uri, before.version);
    try {
      const policy = this.policies.forDataset(path);
      const analysis = yield* this.engine.lintDocumentSteps(path ?? doc.uri, text, doc.languageId, {
        policy,
        read: this.files.read,
        workspaceRoot: path ? this.files.rootFor(path) : undefined,
        options: { ruleSeverity: rules, maxProblems },
        decoding: editorDecoding(path, text),
        openText: (file) => this.files.openDocumentAt(file)?.getText(),
        previousTable,
        previousProfile: previous?.profileBlocks,
        unchangedEnds,
        // The next version's lint reuses this one's blocks of unchanged rows.
        keepBlocks,
      });
      if (!analysis) return { ...base, diagnostics: [] };
      const diagnostics = analysis.findings.map((finding) => toDiagnostic(finding, this.engine, doc.uri));
      const spliced = previousTable && analysis.kind === 'dataset' && analysis.table.rows !== previousTable.rows && analysis.table.header === previousTable.header;
      this.log.info(`Linted ${name} v${base.version}${spliced ? ' (edit spliced into the table)' : ''} in ${Math.round(performance.now() - started)} ms: ${summarise(analysis)}.`);
      return { ...base, analysis, policy, diagnostics };
    } catch (error) {
      this.log.error(`Could not analyse ${name} v${base.version} (${text.length} characters).\n${describeError(error)}`);
      return { ...base, diagnostics: [analysisFailedDiagnostic(this.engine, doc.uri)] };
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

/**
 * Runs `steps` to the end, yielding to the event loop every SLICE_MS so requests get
 * through; undefined (and the steps ended) as soon as `stale` says the work is moot.
 */
async function sliced<T>(steps: Generator<void, T>, stale: () => boolean): Promise<T | undefined> {
  for (let sliceStart = performance.now(); ;) {
    const next = steps.next();
    if (next.done) return stale() ? undefined : next.value;
    // Slices are small; yielding after each would spend more time queueing than working.
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await new Promise((resume) => setImmediate(resume));
    if (stale()) {
      steps.return(undefined as never);
      return undefined;
    }
    sliceStart = performance.now();
  }
}
