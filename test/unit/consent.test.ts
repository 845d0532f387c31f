// Consent: the DUO vocabulary, column detection, the cell format, each consent rule on
// the shared fixtures, the intended-use mapping term by term, the clock, streamed files,
// caps, and the schema rules.
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lintDatasetFile, lintDocument, type DatasetAnalysis, type Finding, type LoadedPolicy, type StructuredAnalysis } from '../../server/src/engine';
import { localDate } from '../../server/src/engine/consent/clock';
import { readCodesCell } from '../../server/src/engine/consent/codesCell';
import { consentRoleOf, detectConsentColumns } from '../../server/src/engine/consent/detectColumns';
import { DUO_TERMS, OBSOLETE_DUO_TERMS, duoTerm } from '../../server/src/engine/consent/duo';
import type { Purpose } from '../../server/src/engine/policy/policy';
import { scopeConflicts } from '../../server/src/engine/consent/purposes';
import { rowTerms } from '../../server/src/engine/consent/rowTerms';
import { withdrawalDate } from '../../server/src/engine/consent/status';
import { FIXTURES, TODAY, type ConsentFixture } from './consentFixtures';
import { byCode, fullText, lint as lintUntimed, noPolicy, policyFrom, realdataDir, tempDir, type LintArgs } from './helpers';

const CONSENT_RULES = ['consent-field-missing', 'consent-value-missing', 'consent-value-invalid', 'consent-withdrawn', 'consent-scope-mismatch'];

/** Lints under the fixtures' "today", injected into the analysis. */
function lint(text: string, args: LintArgs = {}): DatasetAnalysis {
  return lintUntimed(text, { ...args, options: { today: TODAY, ...args.options } });
}

function fixture(name: string): ConsentFixture {
  const f = FIXTURES.find((x) => x.name === name);
  assert.ok(f, `no fixture ${name}`);
  return f;
}

function lintFixture(f: ConsentFixture): DatasetAnalysis {
  return lint(f.text, { policy: f.policy ? policyFrom(f.policy) : noPolicy(), path: f.path });
}

const summaries = (a: DatasetAnalysis, code: string) => byCode(a.findings, code).filter((f) => f.data.kind === 'summary');
const cells = (a: DatasetAnalysis, code: string) => byCode(a.findings, code).filter((f) => f.data.kind === 'cell');
/** The text a finding's range covers, on one line. */
const covered = (text: string, f: Finding) => text.split(/\r?\n/)[f.range.start.line].slice(f.range.start.character, f.range.end.character);

describe('DUO vocabulary', () => {
  test('25 current terms: 5 permissions, 18 modifiers, the 2 parent classes; 2 obsolete', () => {
    assert.equal(DUO_TERMS.length, 25);
    assert.equal(DUO_TERMS.filter((t) => t.kind === 'permission').length, 5);
    assert.equal(DUO_TERMS.filter((t) => t.kind === 'modifier').length, 18);
    assert.deepEqual(OBSOLETE_DUO_TERMS.map((t) => t.id), ['DUO:0000005', 'DUO:0000014']);
    assert.equal(duoTerm('NPUNCU')?.id, 'DUO:0000018', 'DUO:0000018 is NPUNCU; NPU is DUO:0000045');
    assert.equal(duoTerm('NPU')?.id, 'DUO:0000045');
    assert.equal(duoTerm('CC')?.kind, 'modifier', 'CC is a modifier, not a permission');
  });

  test('the table matches EBISPOT/DUO duo.csv term for term (id, shorthand, label)', (t) => {
    const file = path.join(realdataDir, 'duo.csv');
    if (!existsSync(file)) return t.skip(`realdata folder absent: ${file}`);
    const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8').trim(), { skipEmptyLines: true }).data.slice(1);
    const rows = parsed.map(([id, shorthand, label]) => ({ id, shorthand: shorthand || undefined, label }));
    assert.equal(rows.length, 25);
    const ours = new Map(DUO_TERMS.map((x) => [x.id, x]));
    for (const row of rows) {
      const term = ours.get(row.id);
      assert.ok(term, `${row.id} missing from the table`);
      assert.equal(term.shorthand, row.shorthand, row.id);
      assert.equal(term.label, row.label, row.id);
    }
  });
});

describe('consent columns by header name or policy', () => {
  test('roles by header', () => {
    const roles: Record<string, string | undefined> = {
      consent: 'codes', Consent: 'codes', consent_code: 'codes', consent_codes: 'codes', dbgap_consent_group: 'codes', data_use: 'codes',
      data_use_permission: 'codes', data_use_modifiers: 'codes', dataUsePermission: 'codes', duo: 'codes', duo_terms: 'codes',
      consent_status: 'status', ConsentStatus: 'status', 'consent state': 'status', informed_consent: 'status', informed_consent_given: 'status',
      consented: 'status', consent_ehr: 'status', withdrawal_status: 'status',
      withdrawal_date: 'withdrawal', date_of_withdrawal: 'withdrawal', consent_withdrawn_date: 'withdrawal', withdrawn_on: 'withdrawal',
      withdrawn: 'withdrawnFlag', consent_withdrawn: 'withdrawnFlag', is_withdrawn: 'withdrawnFlag',
      consent_date: undefined, consent_form_version: undefined, informed_consent_date: undefined, id: undefined, race: undefined, consultant: undefined,
    };
    for (const [header, role] of Object.entries(roles)) assert.equal(consentRoleOf(header), role, header);
  });

  test('policy names replace guessing for their role; absent names are reported', () => {
    const policy = policyFrom('consent:\n  column: dul\n  statusColumn: state\n  withdrawalColumn: gone\n').policy.consent;
    const { columns, missingNamed } = detectConsentColumns(['id', 'consent', 'dul', 'state', 'withdrawn'], policy);
    assert.deepEqual(columns.map((c) => [c.name, c.role]), [['dul', 'codes'], ['state', 'status']]);
    assert.deepEqual(missingNamed, [{ key: 'consent.withdrawalColumn', name: 'gone' }]);
  });
});

describe('the codes cell format', () => {
  const none = new Set<string>();
  const valid = (value: string) => {
    const cell = readCodesCell(value, none);
    assert.equal(cell.state, 'valid', value);
    return cell as Extract<typeof cell, { state: 'valid' }>;
  };

  test('ids, shorthands and separators ; | , + with spaces', () => {
    for (const v of ['HMB;NPU', 'DUO:0000006|DUO:0000045', 'HMB, NPU', 'HMB + NPU', ' HMB ; NPU ']) {
      assert.deepEqual(valid(v).terms.map((t) => t.shorthand), ['HMB', 'NPU'], v);
    }
  });

  test('DS carries a MONDO id as DS-MONDO:x, DS:MONDO:x or a separate code', () => {
    assert.deepEqual(valid('DS-MONDO:0005148').dsDiseases, ['MONDO:0005148']);
    assert.deepEqual(valid('DS:MONDO:0005148;IRB').dsDiseases, ['MONDO:0005148']);
    assert.deepEqual(valid('DUO:0000007|MONDO:0005148').looseDiseases, ['MONDO:0005148']);
  });

  test('near misses carry their correction, keeping separators', () => {
    const cases: [string, string | undefined][] = [
      ['DUO:42', 'DUO:0000042'], ['hmb', 'HMB'], ['duo_0000006', 'DUO:0000006'], ['hmb|npu', 'HMB|NPU'], ['HMB NPU', 'HMB;NPU'],
      ['HMB-IRB-NPU', 'HMB;IRB;NPU'], ['GRU-CC', 'GRU;CC'], ['DUO:0000005', 'DUO:0000042;DUO:0000043'], ['general research use', 'GRU'],
      ['ds-mondo:0005148', 'DS-MONDO:0005148'], ['DS;mondo_0005148', 'DS;MONDO:0005148'], ['RU', undefined], ['YES', undefined], ['DS-CVD', undefined],
    ];
    for (const [value, suggestion] of cases) {
      const cell = readCodesCell(value, none);
      assert.equal(cell.state, 'invalid', value);
      assert.equal((cell as { suggestion?: string }).suggestion, suggestion, value);
    }
  });

  test('policy-allowed values pass whole or as codes', () => {
    const allowed = new Set(['local-biobank-v2']);
    assert.equal(readCodesCell('LOCAL-BIOBANK-V2', allowed).state, 'local');
    assert.equal(readCodesCell('HMB;local-biobank-v2', allowed).state, 'valid');
  });
});

// consent-field-missing: test/unit/rules/consent-field-missing.test.ts.

describe('consent-value-missing', () => {
  const f = fixture('missing values');
  const a = lintFixture(f);

  test('a header summary with the count, the markers and the first rows', () => {
    const [s] = summaries(a, 'consent-value-missing');
    assert.equal(s.severity, 'error');
    assert.equal(covered(f.text, s), 'consent');
    assert.equal(s.data.rows, 3);
    for (const part of ['3 of 6 rows (50%)', 'column "consent"', 'empty 1', '"NA" 1', '"unknown" 1', 'lines 3, 4 and 6', 'data.quarantine.csv']) {
      assert.ok(fullText(s).includes(part), `lacks ${part}: ${fullText(s)}`);
    }
  });

  test('each offending cell positioned', () => {
    assert.deepEqual(cells(a, 'consent-value-missing').map((c) => [c.range.start.line, covered(f.text, c)]), [[2, ''], [3, 'NA'], [5, 'unknown']]);
  });

  test('an empty modifiers column beside a permission is not missing consent', () => {
    const t = lintFixture(fixture('TSV with a comment above the header and blank lines'));
    assert.deepEqual(byCode(t.findings, 'consent-value-missing'), []);
    assert.deepEqual(summaries(t, 'consent-value-invalid').map((x) => x.data.reason), ['no-permission']);
  });

  test('cells are capped at 100; the summary counts all', () => {
    const text = 'id,consent\n' + Array.from({ length: 250 }, (_, i) => `${i},`).join('\n') + '\n';
    const big = lint(text);
    assert.equal(cells(big, 'consent-value-missing').length, 100);
    const [s] = summaries(big, 'consent-value-missing');
    assert.equal(s.data.rows, 250);
    assert.match(fullText(s), /250 of 250 rows \(100%\).*the first 100 are marked/);
  });
});

describe('consent-value-invalid', () => {
  const f = fixture('invalid values and near misses');
  const a = lintFixture(f);
  const byValue = (v: string) => summaries(a, 'consent-value-invalid').find((x) => x.data.value === v)!;

  test('one summary per distinct value, with reason and suggestion', () => {
    const got = summaries(a, 'consent-value-invalid').map((x) => [x.data.value, x.data.reason, x.data.suggestion, x.data.rows]);
    assert.deepEqual(got, [
      ['hmb', 'unknown', 'HMB', 2], ['DUO:42', 'unknown', 'DUO:0000042', 1], ['duo_0000006', 'unknown', 'DUO:0000006', 1],
      ['GRU-CC', 'obsolete', 'GRU;CC', 1], ['DUO:0000005', 'obsolete', 'DUO:0000042;DUO:0000043', 1], ['RU', 'obsolete', undefined, 1],
      ['DUO:0000001', 'class', undefined, 1], ['YES', 'unknown', undefined, 1], ['HMB NPU', 'unknown', 'HMB;NPU', 1],
      ['HMB-IRB-NPU', 'unknown', 'HMB;IRB;NPU', 1], ['NPU', 'no-permission', undefined, 1], ['HMB;GRU', 'several-permissions', undefined, 1],
      ['GRU;MONDO:0005148', 'disease-without-ds', undefined, 1], ['ds-mondo:0005148', 'unknown', 'DS-MONDO:0005148', 1],
    ]);
    assert.ok(summaries(a, 'consent-value-invalid').every((x) => x.severity === 'error'));
  });

  test('messages say what is wrong and what to write', () => {
    assert.match(fullText(byValue('hmb')), /"hmb" in column "consent" \(2 rows, first at lines 2 and 15\) is not valid consent: .*neither a DUO term.* Did you mean "HMB"\?/);
    assert.match(fullText(byValue('GRU-CC')), /obsolete DUO term.*Did you mean "GRU;CC"\?/);
    assert.match(fullText(byValue('NPU')), /modifiers \("NPU"\) but no permission/);
    assert.match(fullText(byValue('HMB;GRU')), /2 permissions \("HMB", "GRU"\)/);
  });

  test('every invalid cell is positioned on the cell', () => {
    const got = cells(a, 'consent-value-invalid');
    assert.equal(got.length, 15);
    assert.ok(got.every((c) => covered(f.text, c) === c.data.value), JSON.stringify(got.map((c) => [covered(f.text, c), c.data.value])));
  });

  test('a status that is no consent state', () => {
    const s = lintFixture(fixture('status, flag and withdrawal dates'));
    const [x] = summaries(s, 'consent-value-invalid');
    assert.deepEqual([x.data.value, x.data.reason, x.data.column], ['maybe', 'status-unknown', 'consent_status']);
  });

  test('values the policy allows are not reported', () => {
    const p = lint('id,consent\n1,biobank-local\n2,GRU\n', { policy: policyFrom('consent:\n  allowed: [biobank-local]\n') });
    assert.deepEqual(byCode(p.findings, 'consent-value-invalid'), []);
  });
});

describe('consent-withdrawn', () => {
  const f = fixture('status, flag and withdrawal dates');
  const a = lintFixture(f);

  test('statuses, policy values, flags, dates on or before today, unreadable dates', () => {
    const got = summaries(a, 'consent-withdrawn').map((x) => [x.data.column, x.data.reason, x.data.rows]);
    assert.deepEqual(got, [
      ['consent', 'withdrawn', 1],
      ['consent_status', 'withdrawn', 5],
      ['consent_status', 'not-in-force', 1],
      ['consent_status', 'not-given', 1],
      ['withdrawal_date', 'withdrawal-date', 3],
      ['withdrawal_date', 'withdrawal-recorded', 1],
      ['withdrawn', 'withdrawn', 1],
    ]);
    const dates = summaries(a, 'consent-withdrawn').find((x) => x.data.reason === 'withdrawal-date')!;
    assert.match(dates.detail ?? '', /^3 of 16 rows \(18\.8%\) have a withdrawal date on or before today \(2025-06-15\) in column "withdrawal_date", first at lines 10, 11 and 17\./);
    const status = summaries(a, 'consent-withdrawn').find((x) => x.data.column === 'consent_status' && x.data.reason === 'withdrawn')!;
    assert.match(fullText(status), /"withdrawn" 1, "revoked" 1, "rejected" 1, "inactive" 1, "opted out" 1/);
  });

  test('the withdrawn cells are positioned; a future date and an active status are not', () => {
    const lines = cells(a, 'consent-withdrawn').map((c) => c.range.start.line + 1);
    assert.deepEqual(lines, [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 17]);
    const date = cells(a, 'consent-withdrawn').find((c) => c.range.start.line === 9)!;
    assert.equal(covered(f.text, date), '2020-01-31');
    assert.match(fullText(date), /withdrawal dated 2020-01-31, on or before today \(2025-06-15\)/);
  });

  test('today is the clock injected into the analysis, and the analysis carries it', () => {
    const earlier = lint(f.text, { policy: f.policy ? policyFrom(f.policy) : noPolicy(), path: f.path, options: { today: new Date(2019, 0, 1) } });
    assert.equal(summaries(earlier, 'consent-withdrawn').find((x) => x.data.reason === 'withdrawal-date'), undefined);
    assert.equal(localDate(earlier.today), '2019-01-01');
    assert.equal(localDate(lintFixture(f).today), '2025-06-15');
  });

  test('withdrawal dates: formats, today counts, day/month ambiguity resolves early', () => {
    const today = TODAY;
    assert.equal(localDate(today), '2025-06-15');
    const cases: [string, string][] = [
      ['2025-06-15', 'past'], ['2025-06-16', 'future'], ['20250614', 'past'], ['2025/07/01', 'future'], ['15.06.2025', 'past'],
      ['12/25/2025', 'future'], ['06/07/2025', 'past'], ['2025-06-15T11:00:00', 'past'], ['2025-06-15T13:00:00', 'future'],
      ['2025-02-30', 'unreadable'], ['soon', 'unreadable'],
    ];
    for (const [value, state] of cases) assert.equal(withdrawalDate(value, today).state, state, value);
  });
});

describe('consent-scope-mismatch: each DUO restriction of the mapping', () => {
  const conflicts = (codes: string, purposes: Purpose[]) => {
    const cell = readCodesCell(codes, new Set());
    assert.equal(cell.state, 'valid', codes);
    const v = cell as Extract<typeof cell, { state: 'valid' }>;
    return scopeConflicts(rowTerms(v.terms, [...v.dsDiseases, ...v.looseDiseases]), purposes).map((c) => `${c.purpose}:${c.terms.join('+')}`);
  };
  const X = 'MONDO:0005148';
  const table: [string, Purpose[], string[]][] = [
    ['HMB', ['ancestry-research'], ['ancestry-research:HMB']],
    ['GRU;NPOA', ['ancestry-research'], ['ancestry-research:NPOA']],
    ['DS-MONDO:0005148', ['ancestry-research', { disease: X }], ['ancestry-research:DS']],
    ['GRU;NPU', ['commercial'], ['commercial:NPU']],
    ['GRU;NCU', ['commercial'], ['commercial:NCU']],
    ['GRU;NPUNCU', ['commercial'], ['commercial:NPUNCU']],
    ['GRU;NMDS', ['methods-development'], ['methods-development:NMDS']],
    ['DS-MONDO:0005148', ['methods-development', { disease: X }], ['methods-development:DS']],
    ['DS-MONDO:0004975', [{ disease: X }], [`disease ${X}:DS`]],
    ['DS', [{ disease: X }], [`disease ${X}:DS`]],
    ['DS-MONDO:0005148', ['health-research'], ['health-research:DS']],
    ['GRU;GSO', ['non-genetic'], ['non-genetic:GSO']],
    ['POA', ['health-research'], ['health-research:POA']],
    ['POA', ['methods-development', 'commercial'], ['methods-development:POA', 'commercial:POA']],
    ['GRU', ['clinical-care'], ['clinical-care:CC']],
    // Permitted combinations.
    ['GRU', ['ancestry-research', 'methods-development', 'commercial', 'genetic', 'non-genetic', 'health-research'], []],
    ['NRES', ['ancestry-research', 'methods-development', 'commercial', 'clinical-care'], []],
    ['POA', ['ancestry-research', 'genetic', 'commercial'], []],
    ['HMB', ['methods-development', 'health-research', 'commercial', 'genetic'], []],
    ['DS-MONDO:0005148', [{ disease: X }, 'health-research', 'commercial'], []],
    ['GRU;GSO', ['genetic'], []],
    ['GRU;NPU', ['health-research'], []],
    ['GRU;CC', ['clinical-care'], []],
  ];
  for (const [codes, purposes, expected] of table) {
    test(`${codes} with ${purposes.map((p) => (typeof p === 'string' ? p : p.disease)).join(', ')}`, () => {
      assert.deepEqual(conflicts(codes, purposes), expected);
    });
  }
});

describe('consent-scope-mismatch on datasets', () => {
  test('one summary per (terms, purpose) with count, first rows, purpose and reason; cells positioned', () => {
    const f = fixture('ancestry research');
    const a = lintFixture(f);
    const s = summaries(a, 'consent-scope-mismatch');
    assert.deepEqual(s.map((x) => [x.data.terms, x.data.purpose, x.data.rows]), [['HMB', 'ancestry-research', 3], ['GRU;NPOA', 'ancestry-research', 1], ['DS-MONDO:0005148', 'ancestry-research', 1]]);
    assert.match(s[0].detail ?? '', /^3 rows with consent "HMB" \(first at lines 2, 8 and 9\) do not permit the declared use "ancestry-research" \(intendedUse\): HMB \(DUO:0000006\) .*does not include the study of population origins or ancestry/);
    assert.ok(s.every((x) => x.severity === 'error'));
    assert.deepEqual(cells(a, 'consent-scope-mismatch').map((c) => [c.range.start.line + 1, covered(f.text, c)]), [[2, 'HMB'], [3, 'GRU;NPOA'], [4, 'DS-MONDO:0005148'], [8, 'HMB'], [9, 'HMB']]);
  });

  test('id-style cells group with shorthand cells of the same terms', () => {
    const a = lintFixture(fixture('commercial use'));
    assert.deepEqual(summaries(a, 'consent-scope-mismatch').map((x) => [x.data.terms, x.data.rows]), [['GRU;NPU', 1], ['GRU;NCU', 2], ['GRU;NPUNCU', 1]]);
  });

  test('no intendedUse, no scope check', () => {
    const a = lint('id,consent\n1,HMB;NPOA;NPU;NMDS\n');
    assert.deepEqual(byCode(a.findings, 'consent-scope-mismatch'), []);
  });

  test('rows that are missing, invalid or withdrawn are not also scope-checked', () => {
    const a = lint('id,consent,consent_status\n1,hmb,active\n2,HMB,withdrawn\n3,HMB,active\n', { policy: policyFrom('intendedUse: ancestry-research\n') });
    assert.deepEqual(summaries(a, 'consent-scope-mismatch').map((x) => x.data.rows), [1]);
  });
});

describe('every fixture', () => {
  for (const f of FIXTURES) {
    test(`${f.name}: consent findings are errors (field-missing a warning), each with its numbers in data`, () => {
      const a = lintFixture(f);
      for (const x of a.findings.filter((y) => CONSENT_RULES.includes(y.code))) {
        assert.equal(x.severity, x.code === 'consent-field-missing' ? 'warning' : 'error', x.message);
        if (x.data.kind === 'summary') assert.equal(typeof x.data.rows, 'number');
      }
    });
  }
});

describe('streamed files', () => {
  test('lintDatasetFile (the CLI on large files) finds the same rows, positioned by line', async (t) => {
    const f = fixture('status, flag and withdrawal dates');
    const file = path.join(tempDir(t), 'data.csv');
    writeFileSync(file, f.text);
    const loaded: LoadedPolicy = policyFrom(f.policy);
    const streamed = await lintDatasetFile(file, undefined, loaded, { today: TODAY });
    const inMemory = lint(f.text, { policy: loaded, path: file });
    const key = (x: Finding) => `${x.code}@${x.range.start.line}:${x.range.start.character}-${x.range.end.character}|${fullText(x)}`;
    const pick = (a: DatasetAnalysis) => a.findings.filter((x) => CONSENT_RULES.includes(x.code)).map(key);
    assert.deepEqual(pick(streamed), pick(inMemory));
    assert.equal(streamed.table.rows.length, 0);
  });
});

describe('schema rules', () => {
  const lintSchema = (text: string, file = '/virtual/project/data.schema.json', policy = noPolicy()) => {
    const a = lintDocument(file, text, undefined, { policy, read: () => undefined, workspaceRoot: '/virtual/project' });
    assert.ok(a && a.kind !== 'dataset' && a.kind !== 'policy');
    return a as StructuredAnalysis;
  };
  const coveredIn = (text: string, f: Finding) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character);

  test('consent-field-missing on a schema without a consent field, on its fields key', () => {
    const text = '{\n  "fields": [\n    {"name": "id", "type": "integer"}\n  ]\n}\n';
    const [f] = byCode(lintSchema(text).findings, 'consent-field-missing');
    assert.equal(f.severity, 'warning');
    assert.equal(coveredIn(text, f), '"fields"');
    assert.match(fullText(f), /No consent field: none of the 1 fields/);
  });

  test('schema-consent-not-required and schema-consent-unconstrained on an optional free-text consent field', () => {
    const text = '{\n  "fields": [\n    {"name": "id"},\n    {"name": "consent", "type": "string"},\n    {"name": "consent_status", "constraints": {"required": false}}\n  ]\n}\n';
    const a = lintSchema(text);
    assert.deepEqual(byCode(a.findings, 'consent-field-missing'), []);
    const notRequired = byCode(a.findings, 'schema-consent-not-required');
    assert.deepEqual(notRequired.map((f) => [f.data.field, coveredIn(text, f)]), [['consent', '"consent"'], ['consent_status', '"constraints"']]);
    assert.match(fullText(notRequired[1]), /"consent_status" is optional \(constraints\.required is false\)/);
    const unconstrained = byCode(a.findings, 'schema-consent-unconstrained');
    assert.deepEqual(unconstrained.map((f) => f.data.field), ['consent'], 'a status field is not expected to hold DUO terms');
    assert.ok([...notRequired, ...unconstrained].every((f) => f.severity === 'warning'));
  });

  test('a required consent field with an enum or pattern passes; YAML too', () => {
    const yaml = 'fields:\n  - name: consent\n    type: string\n    constraints:\n      required: true\n      enum: [GRU, HMB]\n  - name: data_use_modifiers\n    constraints:\n      required: true\n      pattern: "^[A-Z;]*$"\n';
    const a = lintSchema(yaml, '/virtual/project/data.schema.yaml');
    assert.deepEqual(a.findings.filter((f) => f.code.includes('consent')), []);
  });

  test('the jcoin schema (real data) has no consent field', (t) => {
    const file = path.join(realdataDir, 'jcoin_table-schema-baseline.json');
    if (!existsSync(file)) return t.skip(`realdata folder absent: ${file}`);
    const a = lintSchema(readFileSync(file, 'utf8'), file);
    assert.equal(byCode(a.findings, 'consent-field-missing').length, 1);
  });
});
