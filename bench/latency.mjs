// `npm run build && node bench/latency.mjs`: what a user editing a large dataset waits for,
// measured from outside over the language server's own protocol (stdio, pushed
// diagnostics), on ../shared/realdata/diabetic_data.csv. Prints p50/p95 (and max) of:
//   first diagnostics   didOpen -> the first publishDiagnostics (one per run, LATENCY_OPENS runs)
//   prepared for edits  didOpen -> the server's log that the blocks edits reuse are built (in
//                       the background after the first diagnostics; edits are timed after it)
//   edit -> diagnostics a one-cell change, a row inserted or deleted, sent as an incremental
//                       didChange -> publishDiagnostics for that version, minus the debounce
//   hover / code action requests on an idle server (the race header, a data cell, the
//                       Caucasian label finding: automatic and explicit triggers)
//   hover while linting a hover sent just after the debounce ended, while the server re-lints
// Env: LATENCY_EDITS (default 40), LATENCY_REQUESTS (default 30), LATENCY_OPENS (default 3),
// LATENCY_SEED. Prints a skip line when the file is absent. Figures only: nothing is asserted.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sourcePath } from './data.mjs';
import { quantile } from './measure.mjs';

const require = createRequire(import.meta.url);
const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification, HoverRequest, CodeActionRequest, ShutdownRequest, ExitNotification,
} = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverScript = path.join(repoRoot, 'server', 'dist', 'server.js');
const DEBOUNCE_MS = 200; // server/src/lsp/diagnostics.ts debounceMs
const EDITS = Number(process.env.LATENCY_EDITS ?? 40);
const REQUESTS = Number(process.env.LATENCY_REQUESTS ?? 30);
const OPENS = Number(process.env.LATENCY_OPENS ?? 3);
let seed = Number(process.env.LATENCY_SEED ?? 12);

/** Deterministic (mulberry32), so runs before and after a change edit the same places. */
function random() {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (n) => Math.floor(random() * n);

function row(name, xs) {
  const f = (x) => `${x.toFixed(0).padStart(6)} ms`;
  console.log(`${name.padEnd(28)} n=${String(xs.length).padStart(3)}  p50 ${f(quantile(xs, 0.5))}  p95 ${f(quantile(xs, 0.95))}  max ${f(Math.max(...xs))}`);
}

class Server {
  constructor(root) {
    this.child = spawn(process.execPath, [...(process.env.LATENCY_NODE_ARGS ? process.env.LATENCY_NODE_ARGS.split(' ') : []), serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.waiters = [];
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const at = performance.now();
      this.waiters = this.waiters.filter((w) => !(w.uri === params.uri && w.version === params.version && (w.resolve({ at, params }), true)));
    });
    this.connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.logs = [];
    this.logWaiters = [];
    this.connection.onNotification('window/logMessage', ({ message }) => {
      const at = performance.now();
      this.logs.push({ at, message });
      this.logWaiters = this.logWaiters.filter((w) => !(w.pattern.test(message) && (w.resolve(at), true)));
    });
    this.connection.listen();
    this.root = root;
  }

  /** When a log line matching `pattern` arrived (at once if one has). */
  logged(pattern) {
    const seen = this.logs.find((l) => pattern.test(l.message));
    return seen ? Promise.resolve(seen.at) : new Promise((resolve) => this.logWaiters.push({ pattern, resolve }));
  }

  async initialize() {
    const rootUri = pathToFileURL(this.root).href;
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source'] } }, dataSupport: true, resolveSupport: { properties: ['edit'] } },
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  published(uri, version) {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  async stop() {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    this.connection.dispose();
  }
}

async function timed(promise) {
  const t = performance.now();
  const result = await promise;
  return { ms: performance.now() - t, result };
}

/** One random edit of the kinds a person makes, as the incremental change an editor sends. */
function randomEdit(doc) {
  const lines = doc.lineCount - 1; // the last line may be empty
  const line = 1 + pick(lines - 1);
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const kind = pick(10);
  if (kind === 0) return { kind: 'insert row', range: { start: { line, character: 0 }, end: { line, character: 0 } }, text };
  if (kind === 1) return { kind: 'delete row', range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' };
  // A character typed into a cell: one of the race cells (findings move) or a count.
  const cells = text.split(',');
  const column = kind < 5 ? 2 : 12 + pick(6);
  const character = cells.slice(0, column).join(',').length + 1;
  const replacement = column === 2 ? (cells[2] === 'Caucasian' ? 'White' : 'Caucasian') : String(pick(10));
  const end = column === 2 ? character + cells[2].length : character + 1;
  return { kind: 'change cell', range: { start: { line, character }, end: { line, character: end } }, text: replacement };
}

async function main() {
  const file = sourcePath(repoRoot);
  if (!existsSync(file)) {
    console.log(`skip: ${file} absent`);
    return;
  }
  if (!existsSync(serverScript)) throw new Error(`${serverScript} absent: run npm run build first`);
  const original = readFileSync(file, 'utf8');
  const startLoad = loadavg()[0].toFixed(1);
  const uri = pathToFileURL(file).href;
  const opens = [];
  const prepared = [];
  let server;
  for (let i = 0; i < OPENS; i++) {
    server = new Server(path.dirname(file));
    await server.initialize();
    const published = server.published(uri, 1);
    const t = performance.now();
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'csv', version: 1, text: original } });
    const { at } = await published;
    opens.push(at - t);
    // A large document's edit blocks are built after its first diagnostics, in the
    // background; edits are timed once they are there, as a user reads before typing.
    prepared.push(await server.logged(/^Prepared .* for edits/) - t);
    if (i < OPENS - 1) await server.stop();
  }

  let doc = TextDocument.create(uri, 'csv', 1, original);
  const edits = [];
  const hoversDuringLint = [];
  const byKind = new Map();
  for (let i = 0; i < EDITS; i++) {
    const edit = randomEdit(doc);
    const version = doc.version + 1;
    doc = TextDocument.update(doc, [{ range: edit.range, text: edit.text }], version);
    const published = server.published(uri, version);
    const t = performance.now();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version }, contentChanges: [{ range: edit.range, text: edit.text }],
    });
    // Every fourth edit: a hover sent as the debounce ends, while the server lints.
    if (i % 4 === 0) {
      await new Promise((done) => setTimeout(done, DEBOUNCE_MS + 5));
      const { ms } = await timed(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 40 } }));
      hoversDuringLint.push(ms);
    }
    const { at } = await published;
    const ms = Math.max(0, at - t - DEBOUNCE_MS);
    edits.push(ms);
    byKind.set(edit.kind, [...byKind.get(edit.kind) ?? [], ms]);
  }

  // Idle requests against the last version.
  const { params } = await (async () => {
    const version = doc.version + 1;
    const published = server.published(uri, version);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    doc = TextDocument.update(doc, [{ range, text: '' }], version);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: '' }] });
    return published;
  })();
  const header = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  const raceAt = header.indexOf('race') + 1;
  const hovers = [];
  const cellHovers = [];
  for (let i = 0; i < REQUESTS; i++) {
    hovers.push((await timed(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: raceAt } }))).ms);
    cellHovers.push((await timed(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1 + pick(doc.lineCount - 2), character: 3 } }))).ms);
  }
  const label = params.diagnostics.find((d) => d.code === 'ancestry-label-nonstandard' && d.message.includes('Caucasian'));
  const automatic = [];
  const explicit = [];
  if (label) {
    for (let i = 0; i < REQUESTS; i++) {
      const request = (triggerKind) => server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: label.range, context: { diagnostics: [label], triggerKind } });
      automatic.push((await timed(request(2))).ms);
      explicit.push((await timed(request(1))).ms);
    }
  }
  await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  await server.stop();

  console.log(`diabetic_data.csv: ${doc.lineCount - 1} lines, ${(original.length / 1e6).toFixed(1)} MB; ${EDITS} edits (debounce ${DEBOUNCE_MS} ms not counted)`);
  // Figures scale with what else the machine runs: say how busy it was.
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores (at start: ${startLoad})`);
  row('first diagnostics', opens);
  row('prepared for edits', prepared);
  row('edit -> diagnostics', edits);
  for (const [kind, xs] of byKind) row(`  ${kind}`, xs);
  row('hover (race header)', hovers);
  row('hover (data cell)', cellHovers);
  row('hover while linting', hoversDuringLint);
  if (label) {
    row('code action (automatic)', automatic);
    row('code action (explicit)', explicit);
  } else console.log('code actions: no ancestry-label-nonstandard finding for Caucasian');
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
