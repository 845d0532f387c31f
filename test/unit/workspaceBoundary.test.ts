// The workspace boundary on a real file system, built at test time: symbolic links are
// resolved before deciding what is inside, a folder named `..data` is inside, no fix
// writes through a link, and a remote schema is reported as not fetched.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { findPolicyFile, fixesFor, insideWorkspace, isWithin, lintDocument, loadPolicy, type DatasetAnalysis } from '../../server/src/engine';
import { artifactLocation } from '../../server/src/cli/sarif';
import { byCode, fullText, tempDir } from './helpers';

const DATASET = 'id,race,consent\n1,White,GRU\n2,Asian,\n3,White,GRU\n';
const SCHEMA = JSON.stringify({ fields: [{ name: 'id' }, { name: 'race', constraints: { enum: ['Asian'] } }, { name: 'consent' }] });

function write(file: string, text: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const read = (p: string): string | undefined => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
};

function lintAt(file: string, root: string) {
  const policy = loadPolicy(findPolicyFile(file, root, (p) => read(p) !== undefined), read, root);
  return { policy, analysis: lintDocument(file, read(file)!, undefined, { policy, read, workspaceRoot: root })! };
}

/** A workspace folder and a folder beside it ("outside"), both real paths. */
function layout(t: { after(fn: () => void): void }) {
  const base = tempDir(t);
  const ws = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  mkdirSync(ws);
  mkdirSync(outside);
  return { ws, outside };
}

describe('workspace boundary', () => {
  test('path segments: "..data" is inside, "../data" is not', () => {
    assert.equal(isWithin('/w/..data/x.csv', '/w'), true);
    assert.equal(isWithin('/w/...', '/w'), true);
    assert.equal(isWithin('/w/../data/x.csv', '/w'), false);
    assert.equal(isWithin('/w', '/w'), true);
    assert.equal(isWithin('/wx/a', '/w'), false);
    assert.deepEqual(artifactLocation('/w/..data/x.csv', '/w'), { uri: '..data/x.csv', uriBaseId: 'SRCROOT' });
  });

  test('a dataset in "..data" gets its policy and its sibling schema', (t) => {
    const { ws } = layout(t);
    write(path.join(ws, 'cohortlint.yaml'), 'rules:\n  ancestry-group-small: error\n');
    const file = write(path.join(ws, '..data', 'cohort.csv'), DATASET);
    write(path.join(ws, '..data', 'cohort.schema.json'), SCHEMA);
    const { policy, analysis } = lintAt(file, ws);
    assert.equal(policy.path, path.join(ws, 'cohortlint.yaml'));
    assert.ok(byCode(analysis.findings, 'ancestry-group-small').every((f) => f.severity === 'error'));
    assert.ok(byCode(analysis.findings, 'schema-data-mismatch').length > 0, 'checked against the schema');
  });

  test('a sibling schema that is a link to a file outside the workspace is not read', (t) => {
    const { ws, outside } = layout(t);
    const target = write(path.join(outside, 'secret.json'), SCHEMA);
    const file = write(path.join(ws, 'cohort.csv'), DATASET);
    symlinkSync(target, path.join(ws, 'cohort.schema.json'));
    assert.equal(insideWorkspace(path.join(ws, 'cohort.schema.json'), ws), false);
    const { analysis } = lintAt(file, ws);
    assert.equal((analysis as DatasetAnalysis).schema, undefined);
    assert.deepEqual(byCode(analysis.findings, 'schema-data-mismatch'), []);
    // A link that stays inside is followed.
    const inside = write(path.join(ws, 'schemas', 'cohort.json'), SCHEMA);
    const other = write(path.join(ws, 'other.csv'), DATASET);
    symlinkSync(inside, path.join(ws, 'other.schema.json'));
    assert.ok(byCode(lintAt(other, ws).analysis.findings, 'schema-data-mismatch').length > 0);
  });

  test('a Data Package descriptor that is a link to one outside is not read', (t) => {
    const { ws, outside } = layout(t);
    const pkg = { name: 'p', resources: [{ name: 'cohort', path: 'cohort.csv', schema: JSON.parse(SCHEMA) }] };
    symlinkSync(write(path.join(outside, 'datapackage.json'), JSON.stringify(pkg)), path.join(ws, 'datapackage.json'));
    const { analysis } = lintAt(write(path.join(ws, 'cohort.csv'), DATASET), ws);
    assert.equal((analysis as DatasetAnalysis).schema, undefined);
    // The same descriptor as a plain file in the workspace describes the dataset.
    rmSync(path.join(ws, 'datapackage.json'));
    write(path.join(ws, 'datapackage.json'), JSON.stringify(pkg));
    assert.equal((lintAt(path.join(ws, 'cohort.csv'), ws).analysis as DatasetAnalysis).schema?.descriptorPath, path.join(ws, 'datapackage.json'));
  });

  test('a policy file that is a link to one outside is not used; the policy\'s schema map is bounded by real paths', (t) => {
    const { ws, outside } = layout(t);
    const file = write(path.join(ws, 'cohort.csv'), DATASET);
    symlinkSync(write(path.join(outside, 'cohortlint.yaml'), 'rules:\n  ancestry-group-small: off\n'), path.join(ws, 'cohortlint.yaml'));
    assert.equal(findPolicyFile(file, ws, (p) => read(p) !== undefined), undefined);

    const { ws: ws2, outside: out2 } = layout(t);
    symlinkSync(out2, path.join(ws2, 'linked'));
    write(path.join(out2, 'cohort.schema.json'), SCHEMA);
    write(path.join(ws2, 'cohort.csv'), DATASET);
    const policy = loadPolicy(write(path.join(ws2, 'cohortlint.yaml'), 'schema:\n  cohort.csv: linked/cohort.schema.json\n'), read, ws2);
    assert.equal(policy.findings.length, 1);
    assert.equal(policy.findings[0].data.problem, 'outside');
  });

  test('a remote schema in the policy is "not fetched" (a warning), not a missing file', (t) => {
    const { ws } = layout(t);
    const policy = loadPolicy(write(path.join(ws, 'cohortlint.yaml'), 'schema:\n  cohort.csv: https://example.org/cohort.schema.json\n'), read, ws);
    assert.equal(policy.findings.length, 1);
    const [f] = policy.findings;
    assert.equal(f.code, 'config-invalid');
    assert.equal(f.severity, 'warning');
    assert.equal(f.data.problem, 'remote');
    assert.match(f.message, /remote schemas are not fetched/);
    assert.deepEqual(f.range.start, { line: 1, character: 14 });
  });

  test('a remote schema in a Data Package is a warning on the resource, and the dataset is linted without it', (t) => {
    const { ws } = layout(t);
    const descriptor = write(path.join(ws, 'datapackage.json'), JSON.stringify({ name: 'p', resources: [{ name: 'cohort', path: 'cohort.csv', schema: 'https://example.org/cohort.schema.json' }] }, null, 2));
    const pkg = lintDocument(descriptor, read(descriptor)!, undefined, { policy: loadPolicy(undefined, read), read, workspaceRoot: ws })!;
    const remote = pkg.findings.filter((f) => f.data.kind === 'schema-remote');
    assert.deepEqual(remote.map((f) => [f.code, f.severity, f.range.start.line]), [['schema-invalid', 'warning', 6]]);
    assert.match(fullText(remote[0]), /remote schemas are not fetched/);
    const { analysis } = lintAt(write(path.join(ws, 'cohort.csv'), DATASET), ws);
    assert.equal((analysis as DatasetAnalysis).schema, undefined);
  });

  test('the quarantine fix never writes through a link: the next free name is used', (t) => {
    const { ws, outside } = layout(t);
    const file = write(path.join(ws, 'cohort.csv'), DATASET);
    const victim = write(path.join(outside, 'victim.csv'), 'id,race,consent\n');
    symlinkSync(victim, path.join(ws, 'cohort.quarantine.csv'));
    // A dangling link would create its target outside the workspace.
    symlinkSync(path.join(outside, 'nothing-yet.csv'), path.join(ws, 'cohort.quarantine-2.csv'));
    const { policy, analysis } = lintAt(file, ws);
    const finding = analysis.findings.find((f) => f.code === 'consent-value-missing' && f.range.start.line > 0)!;
    const move = fixesFor(analysis, finding, policy, read).find((f) => f.title.startsWith('Move '));
    assert.ok(move, 'still offered');
    assert.equal(move.changes[0].path, path.join(ws, 'cohort.quarantine-3.csv'));
    assert.equal(move.changes[0].create, true);
  });

  test('a fix that would edit the policy file through a link is not offered', (t) => {
    const { ws } = layout(t);
    const real = write(path.join(ws, 'config', 'policy.yaml'), 'rules:\n  ancestry-group-small: warning\n');
    // Enough rows that no one in a 12% group is improbable, so the absence is reported.
    const rows = Array.from({ length: 60 }, (_, i) => `${i + 1},${i % 20 === 0 ? 'Asian' : 'White'},GRU`);
    const file = write(path.join(ws, 'cohort.csv'), `id,race,consent\n${rows.join('\n')}\n`);
    const acknowledgements = () => {
      const { policy, analysis } = lintAt(file, ws);
      const absent = analysis.findings.find((f) => f.code === 'ancestry-group-absent')!;
      return fixesFor(analysis, absent, policy, read).filter((f) => f.changes.some((c) => c.path !== file));
    };
    write(path.join(ws, 'cohortlint.yaml'), readFileSync(real, 'utf8'));
    assert.ok(acknowledgements().length > 0, 'offered for a plain policy file');
    rmSync(path.join(ws, 'cohortlint.yaml'));
    symlinkSync(real, path.join(ws, 'cohortlint.yaml'));
    assert.deepEqual(acknowledgements().map((f) => f.title), []);
  });
});
