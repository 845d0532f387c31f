// Rules: messages and data payloads, severities from policy and settings,
// acknowledgements and the maxProblems cap. Per-rule cases: test/unit/rules/<rule-id>.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ALL_RULES, hoverAt } from '../../server/src/engine';
import { DATASET_RULES, STRUCTURED_RULES } from '../../server/src/engine/rules';
import { byCode, fullText, groupsCsv, lint, policyFrom } from './helpers';

// 100 rows: EUR 75, AFR 20, EAS 5 against custom shares EUR 0.5, AFR 0.3, EAS 0.2.
// Wilson intervals (scipy binomtest(k, 100).proportion_ci(method='wilson')):
//   20/100 -> 0.13337-0.28883: upper bound >= 0.8 x 0.3 = 0.24, so uncertain
//    5/100 -> 0.02154-0.11175: upper bound <  0.8 x 0.2 = 0.16, so clear
const CUSTOM = 'ancestry:\n  reference:\n    EUR: 0.5\n    AFR: 0.3\n    EAS: 0.2\n';
const TEXT = groupsCsv('super_pop', { EUR: 75, AFR: 20, EAS: 5 });

describe('ancestry-underrepresented', () => {
  const a = lint(TEXT, { policy: policyFrom(CUSTOM) });
  const under = byCode(a.findings, 'ancestry-underrepresented');
  const find = (group: string) => under.find((f) => f.data.group === group)!;

  test('flags exactly the groups whose ratio is below minRatio', () => {
    assert.deepEqual(under.map((f) => f.data.group).sort(), ['AFR', 'EAS']);
    assert.ok(under.every((f) => f.severity === 'warning'));
  });

  test('sits on the ancestry header cell', () => {
    assert.deepEqual(find('EAS').range, { start: { line: 0, character: 3 }, end: { line: 0, character: 12 } });
  });

  test('the message gives n, N, share, reference and its share, ratio, interval and a clear verdict', () => {
    const m = fullText(find('EAS'));
    for (const part of ['EAS', '"super_pop"', '5 of 100 rows', '(5%)', 'vs 20%', 'reference custom (policy file)', 'ratio 0.25 < 0.8', '95% Wilson interval 2.15%–11.2%', '0.8 × 20% = 16%', 'clearly under-represented']) {
      assert.ok(m.includes(part), `message lacks ${JSON.stringify(part)}: ${m}`);
    }
    assert.ok(!m.includes('uncertain'));
  });

  test('an interval reaching the threshold gives the uncertain verdict', () => {
    const m = fullText(find('AFR'));
    for (const part of ['20 of 100 rows', '(20%)', 'vs 30%', 'ratio 0.667 < 0.8', '13.3%–28.9%', '0.8 × 30% = 24%', 'uncertain at this sample size']) {
      assert.ok(m.includes(part), `message lacks ${JSON.stringify(part)}: ${m}`);
    }
    assert.ok(!m.includes('clearly'));
  });

  test('data payload carries the numbers', () => {
    const d = find('EAS').data;
    for (const key of ['group', 'column', 'count', 'total', 'share', 'reference', 'referenceShare', 'ratio', 'ciLow', 'ciHigh']) {
      assert.ok(key in d, `data lacks ${key}`);
    }
    assert.equal(d.group, 'EAS');
    assert.equal(d.column, 'super_pop');
    assert.equal(d.count, 5);
    assert.equal(d.total, 100);
    assert.equal(d.share, 0.05);
    assert.equal(d.reference, 'custom');
    assert.equal(d.referenceShare, 0.2);
    assert.ok(Math.abs((d.ratio as number) - 0.25) < 1e-12);
    // 1e-3 tolerance: the exact default-z comparison is in stats.test.ts.
    assert.ok(Math.abs((d.ciLow as number) - 0.021543679154367973) < 1e-3);
    assert.ok(Math.abs((d.ciHigh as number) - 0.11175046923191914) < 1e-3);
    assert.equal(d.clear, true);
    assert.equal(find('AFR').data.clear, false);
  });

  test('a built-in reference chosen by vocabulary is named with why', () => {
    const b = lint(groupsCsv('super_pop', { EUR: 100, AFR: 60, EAS: 60, SAS: 60, AMR: 60 }));
    const eas = byCode(b.findings, 'ancestry-underrepresented').find((f) => f.data.group === 'EAS')!;
    assert.match(fullText(eas), /reference global \(UN World Population Prospects 2019, year 2020\), chosen for 1000 Genomes super-populations/);
  });

  test('minRatio from the policy moves the threshold', () => {
    const b = lint(TEXT, { policy: policyFrom(CUSTOM + '  minRatio: 0.5\n') });
    assert.deepEqual(byCode(b.findings, 'ancestry-underrepresented').map((f) => f.data.group), ['EAS']);
  });
});

describe('ancestry-group-small', () => {
  test('default minCount 50', () => {
    const a = lint(TEXT, { policy: policyFrom(CUSTOM) });
    const small = byCode(a.findings, 'ancestry-group-small');
    assert.deepEqual(small.map((f) => f.data.group).sort(), ['AFR', 'EAS']);
    assert.ok(small.every((f) => f.severity === 'information' && f.data.minCount === 50));
  });

  test('minCount from the policy', () => {
    const a = lint(TEXT, { policy: policyFrom(CUSTOM + '  minCount: 10\n') });
    const small = byCode(a.findings, 'ancestry-group-small');
    assert.deepEqual(small.map((f) => [f.data.group, f.data.count, f.data.minCount]), [['EAS', 5, 10]]);
    assert.match(fullText(small[0]), /EAS has only 5 rows in column "super_pop" \(5% of 100 rows with a value\), fewer than the minimum of 10/);
  });

  test('applies to the groups of a UK coding, compared with ons-2021', () => {
    const a = lint(groupsCsv('ethnicity', { 1001: 60, 4002: 3 }));
    // UK Biobank coding 1001 had no reference before ons-2021 existed; the small group is reported either way.
    assert.equal(a.ancestry[0].reference?.id, 'ons-2021');
    assert.deepEqual(byCode(a.findings, 'ancestry-group-small').map((f) => f.data.group), ['Black or Black British']);
  });

  test('labels no vocabulary knows (national origins) are profiled in the hover, not reported one by one', () => {
    const a = lint(groupsCsv('ancestry', { alpha: 60, beta: 3 }));
    assert.deepEqual(byCode(a.findings, 'ancestry-group-small'), []);
    assert.match(hoverAt(a, a.headerCell(1).start)!, /\| "beta" \| 3 \| — \| \*\*not mapped\*\*/);
  });
});

describe('severity', () => {
  const under = (policyText: string, settings?: Record<string, any>) =>
    byCode(lint(TEXT, { policy: policyFrom(CUSTOM + policyText), options: { ruleSeverity: settings } }).findings, 'ancestry-underrepresented');

  test('policy rules: off removes, error raises', () => {
    assert.equal(under('rules:\n  ancestry-underrepresented: off\n').length, 0);
    const raised = under('rules:\n  ancestry-underrepresented: error\n');
    assert.equal(raised.length, 2);
    assert.ok(raised.every((f) => f.severity === 'error'));
  });

  test('settings override the policy', () => {
    const back = under('rules:\n  ancestry-underrepresented: off\n', { 'ancestry-underrepresented': 'hint' });
    assert.equal(back.length, 2);
    assert.ok(back.every((f) => f.severity === 'hint'));
    assert.equal(under('rules:\n  ancestry-underrepresented: error\n', { 'ancestry-underrepresented': 'off' }).length, 0);
  });

  test('other rules keep their defaults', () => {
    const a = lint(TEXT, { policy: policyFrom(CUSTOM + 'rules:\n  ancestry-underrepresented: off\n') });
    assert.ok(byCode(a.findings, 'ancestry-group-small').every((f) => f.severity === 'information'));
  });
});

describe('acknowledged findings', () => {
  const ack = CUSTOM + 'acknowledged:\n  - rule: ancestry-underrepresented\n    column: Super Pop\n    group: eas\n    reason: pilot cohort, EAS recruitment under way\n';
  const a = lint(TEXT, { policy: policyFrom(ack) });
  const under = byCode(a.findings, 'ancestry-underrepresented');

  test('become hints that quote the reason', () => {
    const eas = under.find((f) => f.data.group === 'EAS')!;
    assert.equal(eas.severity, 'hint');
    assert.ok(eas.message.endsWith('Acknowledged in cohortlint.yaml: "pilot cohort, EAS recruitment under way"'), eas.message);
    assert.equal(eas.data.acknowledged, 'pilot cohort, EAS recruitment under way');
  });

  test('only the acknowledged group and rule', () => {
    assert.equal(under.find((f) => f.data.group === 'AFR')!.severity, 'warning');
    assert.ok(byCode(a.findings, 'ancestry-group-small').every((f) => f.severity === 'information'));
  });
});

describe('maxProblems', () => {
  const lines = ['id,super_pop,age'];
  for (let i = 0; i < 10; i++) lines.push(`${i},EUR`);
  for (let i = 0; i < 5; i++) lines.push(`x${i},AFR,40`);
  const text = lines.join('\n') + '\n';

  test('caps the findings, keeping the most severe', () => {
    const all = lint(text).findings;
    assert.ok(all.length > 12, `expected many findings, got ${all.length}`);
    const capped = lint(text, { options: { maxProblems: 3 } }).findings;
    assert.equal(capped.length, 3);
    assert.ok(capped.every((f) => f.severity === 'error'));
    const twelve = lint(text, { options: { maxProblems: 12 } }).findings;
    assert.equal(twelve.length, 12);
    assert.equal(twelve.filter((f) => f.severity === 'error').length, 10);
  });

  test('0 means no limit', () => {
    assert.equal(lint(text, { options: { maxProblems: 0 } }).findings.length, lint(text).findings.length);
  });

  test('findings come back in document order', () => {
    const capped = lint(text, { options: { maxProblems: 12 } }).findings;
    const keys = capped.map((f) => f.range.start.line * 1e6 + f.range.start.character);
    assert.deepEqual(keys, [...keys].sort((x, y) => x - y));
  });
});

test('a rule id defined for several document kinds has one severity and fixability', () => {
  // ruleById keeps the first definition, so a second one that disagrees would be reported
  // under metadata it does not have.
  const seen = new Map<string, { defaultSeverity: string; fixable: boolean }>();
  for (const rule of [...DATASET_RULES, ...STRUCTURED_RULES]) {
    const meta = { defaultSeverity: rule.defaultSeverity, fixable: rule.fixable };
    const first = seen.get(rule.id);
    if (first) assert.deepEqual(meta, first, rule.id);
    else seen.set(rule.id, meta);
  }
  for (const list of [DATASET_RULES, STRUCTURED_RULES]) {
    const ids = list.map((r) => r.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'an id twice in one list');
  }
  for (const rule of ALL_RULES) assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.defaultSeverity), rule.id);
});
