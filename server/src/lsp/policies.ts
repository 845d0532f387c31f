// Which policy file governs a dataset, its loaded form (cached until the file changes),
// and the diagnostics in the policy file itself. Those are always pushed, in pull mode
// too: a policy file can be wrong while closed, and pull covers open documents only.
import { resolve } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { analysisFailedDiagnostic, toDiagnostic } from './diagnosticMapping';
import type { Engine, LoadedPolicy } from './engine';
import { describeError, type Logger } from './log';
import type { SettingsStore } from './settings';
import type { WorkspaceFiles } from './workspaceFiles';

const defaultsKey = '';

export class PolicyStore {
  private readonly cache = new Map<string, LoadedPolicy>();
  /** Policy files we published diagnostics for, to clear them when the file goes away. */
  private readonly published = new Set<string>();
  /** What each loaded policy file reported, to publish again when the settings change. */
  private readonly reports = new Map<string, { policyPath: string; loaded: LoadedPolicy; failed: boolean }>();

  constructor(
    private readonly connection: Connection,
    private readonly engine: Engine,
    private readonly files: WorkspaceFiles,
    private readonly log: Logger,
    private readonly settings: Pick<SettingsStore, 'ready' | 'current'>,
  ) {}

  isPolicyFile(path: string | undefined): boolean {
    if (path === undefined) return false;
    try {
      return this.engine.isPolicyFile(path);
    } catch {
      return false;
    }
  }

  /** The policy for a dataset at this path (undefined: not a file, defaults apply). May throw. */
  forDataset(datasetPath: string | undefined): LoadedPolicy {
    let policyPath: string | undefined;
    if (datasetPath !== undefined) {
      try {
        policyPath = this.engine.findPolicyFile(datasetPath, this.files.rootFor(datasetPath), this.files.exists);
      } catch (error) {
        this.log.error(`Policy lookup failed; defaults apply.\n${describeError(error)}`);
      }
    }
    return this.load(policyPath);
  }

  load(policyPath: string | undefined): LoadedPolicy {
    const key = policyPath === undefined ? defaultsKey : resolve(policyPath);
    const cached = this.cache.get(key);
    if (cached) return cached;
    let loaded: LoadedPolicy;
    let failed = false;
    try {
      loaded = this.engine.loadPolicy(policyPath, this.files.read, policyPath ? this.files.rootFor(policyPath) : undefined);
    } catch (error) {
      failed = true;
      this.log.error(`Could not load the policy file; defaults apply.\n${describeError(error)}`);
      // The defaults need no file; should even they fail, the dataset's lint reports it.
      loaded = { ...this.engine.loadPolicy(undefined, this.files.read), path: policyPath };
    }
    this.cache.set(key, loaded);
    if (policyPath !== undefined) this.publish(policyPath, loaded, failed);
    return loaded;
  }

  /** Forgets a policy file's loaded form (or all of them); the next lint reloads it. */
  invalidate(policyPath?: string): void {
    if (policyPath === undefined) this.cache.clear();
    else this.cache.delete(resolve(policyPath));
  }

  /** Reloads a changed policy file, republishing its diagnostics, or forgets it when it is gone. */
  reload(policyPath: string): void {
    if (!this.files.exists(policyPath)) return this.forget(policyPath);
    this.invalidate(policyPath);
    this.load(policyPath);
  }

  /** Clears the diagnostics of a policy file that no longer exists. */
  forget(policyPath: string): void {
    this.invalidate(policyPath);
    const key = resolve(policyPath);
    this.reports.delete(key);
    if (this.published.delete(key)) {
      void this.connection.sendDiagnostics({ uri: this.files.uriFor(policyPath), diagnostics: [] });
    }
  }

  /** Publishes every loaded policy file's diagnostics again (the settings changed). */
  republish(): void {
    for (const key of this.reports.keys()) this.send(key);
  }

  private publish(policyPath: string, loaded: LoadedPolicy, failed: boolean): void {
    const key = resolve(policyPath);
    this.reports.set(key, { policyPath, loaded, failed });
    // The settings can turn config-invalid off or change its severity: wait for the first.
    void this.settings.ready().then(() => this.send(key));
  }

  private send(key: string): void {
    const report = this.reports.get(key);
    if (!report) return;
    const { policyPath, loaded, failed } = report;
    let diagnostics;
    const open = this.files.openDocumentAt(policyPath);
    const uri = open?.uri ?? this.files.uriFor(policyPath);
    try {
      diagnostics = failed
        ? [analysisFailedDiagnostic(this.engine, uri, 'policy file')]
        : this.engine.policyFileFindings(loaded, { ruleSeverity: this.settings.current.rules, maxProblems: this.settings.current.maxProblems }).map((finding) => toDiagnostic(finding, this.engine, uri));
    } catch (error) {
      this.log.error(`Could not report on the policy file.\n${describeError(error)}`);
      diagnostics = [analysisFailedDiagnostic(this.engine, uri, 'policy file')];
    }
    if (diagnostics.length === 0 && !this.published.has(key)) return;
    if (diagnostics.length > 0) this.published.add(key);
    else this.published.delete(key);
    void this.connection.sendDiagnostics({ uri, version: open?.version, diagnostics });
  }
}
