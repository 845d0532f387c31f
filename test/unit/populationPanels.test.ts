// Population-genetics sample sheets: HGDP and SGDP labels rolled up to the 1000 Genomes
// super-population of their region; a sheet's Region column read beside its populations,
// which are then assessed through it. Fixture: test/fixtures/realformats/sgdp_metainformation.txt,
// in the layout of SGDP's 10_24_2014_SGDP_metainformation_update.txt (tab-separated; 300
// samples of 35 populations in 7 regions).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { hoverAt } from '../../server/src/engine';
import { detectAncestryColumns } from '../../server/src/engine/ancestry/detectColumns';
import { byCode, groupsCsv, lint, repoRoot } from './helpers';

const sgdp = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'realformats', 'sgdp_metainformation.txt'), 'utf8');

describe('HGDP-CEPH labels', () => {
  test('regions and populations roll up to super-populations; the hover shows the panel', () => {
    const a = lint(groupsCsv('population', { AFRICA: 100, EUROPE: 150, EAST_ASIA: 200, Yoruba: 20, French: 30, Han: 40, Kalash: 25, AMERICA: 60 }));
    const col = a.ancestry[0];
    assert.equal(col.vocabulary?.id, 'continental');
    assert.equal(col.groups.find((g) => g.group === 'AFR')!.count, 120);
    assert.equal(col.groups.find((g) => g.group === 'SAS')!.count, 25);
    assert.match(hoverAt(a, a.headerCell(1).start)!, /HGDP-CEPH and SGDP regions and populations/);
  });

  test('MIDDLE_EAST and OCEANIA are not rolled up into any group: no group is absent while they remain', () => {
    const a = lint(groupsCsv('population', { AFRICA: 100, EUROPE: 150, EAST_ASIA: 200, CENTRAL_SOUTH_ASIA: 180, AMERICA: 60, MIDDLE_EAST: 40, OCEANIA: 20 }));
    assert.deepEqual(a.ancestry[0].unmapped.map((u) => u.value), ['MIDDLE_EAST', 'OCEANIA']);
    assert.deepEqual(byCode(a.findings, 'ancestry-group-absent'), []);
  });
});

describe('an SGDP sample sheet', () => {
  const a = lint(sgdp, { path: '/virtual/project/sgdp_metainformation.txt', languageId: 'tsv' });

  test('Region is an ancestry column beside Population_ID, and not alone', () => {
    assert.deepEqual(a.ancestry.map((x) => x.column), ['Population_ID', 'Region']);
    assert.deepEqual(detectAncestryColumns(['id', 'Region', 'age'], undefined), []);
  });

  test('the populations are assessed through the region: no finding on Population_ID, none per population', () => {
    const populationFindings = a.findings.filter((f) => f.code.startsWith('ancestry-') && f.data.column === 'Population_ID');
    assert.deepEqual(populationFindings.map((f) => f.code), []);
    assert.deepEqual(byCode(a.findings, 'ancestry-group-small').filter((f) => !['AFR', 'AMR', 'EAS', 'SAS', 'EUR'].includes(String(f.data.group))), []);
  });

  test('the regions without a super-population keep the reference from being chosen, and the finding says why', () => {
    const region = a.ancestry.find((x) => x.column === 'Region')!;
    assert.equal(region.vocabulary?.id, 'continental');
    assert.equal(region.vocabularyShare, 192 / 300);
    const [unchecked] = byCode(a.findings, 'ancestry-representation-unchecked');
    assert.equal(unchecked.data.column, 'Region');
    assert.equal(unchecked.data.kind, 'minority-vocabulary');
  });
});
