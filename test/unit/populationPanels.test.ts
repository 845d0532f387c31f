// Population-genetics sample sheets: HGDP and SGDP labels rolled up to the 1000 Genomes
// super-population of their region; a sheet's Region column read beside its populations,
// which are then assessed through it. Fixture: test/fixtures/realformats/sgdp_metainformation.txt,
// in the layout of SGDP's 10_24_2014_SGDP_metainformation_update.txt (tab-separated; 300
// samples of 35 populations in 7 regions). SGDP_SHEET below is the real sheet's composition:
// every Population_ID with its sample count, by Region (142 populations, 300 samples), as
// counted from 10_24_2014_SGDP_metainformation_update.txt (Mallick et al. 2016).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { hoverAt } from '../../server/src/engine';
import { detectAncestryColumns } from '../../server/src/engine/ancestry/detectColumns';
import { byCode, groupsCsv, lint, repoRoot } from './helpers';

const SGDP_SHEET: Record<string, string> = {
  Africa: 'BantuHerero:2 BantuKenya:2 BantuTswana:2 Biaka:2 Dinka:3 Esan:2 Gambian:2 Igbo:2 Ju_hoan_North:4 Khomani_San:2 Kongo:1 Lemande:2 Luhya:2 Luo:2 Mandenka:3 Masai:2 Mbuti:4 Mende:2 Mozabite:2 Saharawi:2 Somali:1 Yoruba:3',
  America: 'Chane:1 Chipewyan:2 Cree:2 Karitiana:3 Mayan:2 Mixe:3 Mixtec:2 Nahua:2 Piapoco:2 Pima:2 Quechua:3 Surui:2 Zapotec:2',
  CentralAsiaSiberia: 'Aleut:2 Altaian:1 Chukchi:1 Eskimo_Chaplin:1 Eskimo_Naukan:2 Eskimo_Sireniki:2 Even:3 Itelman:1 Kyrgyz:2 Mansi:2 Mongola:2 Tlingit:2 Tubalar:2 Ulchi:2 Yakut:2',
  EastAsia: 'Ami:2 Atayal:1 Burmese:2 Cambodian:2 Dai:4 Daur:2 Han:3 Hezhen:2 Japanese:3 Kinh:2 Korean:2 Lahu:2 Miao:2 Naxi:2 Oroqen:2 She:2 Thai:2 Tu:2 Tujia:2 Uygur:2 Xibo:2 Yi:2',
  Oceania: 'Australian:2 Bougainville:2 Dusun:2 Hawaiian:1 Igorot:2 Maori:1 Papuan:15',
  SouthAsia: 'Balochi:2 Bengali:2 Brahmin:2 Brahui:2 Burusho:2 Hazara:2 Irula:2 Kalash:2 Kapu:2 Kashmiri_Pandit:1 Kharia:1 Khonda_Dora:1 Kurumba:1 Kusunda:2 Madiga:2 Makrani:2 Mala:3 Onge:2 Pathan:2 Punjabi:4 Relli:2 Sherpa:2 Sindhi:2 Tibetan:2 Yadava:2',
  WestEurasia: 'Abkhasian:2 Adygei:2 Albanian:1 Armenian:2 Basque:2 BedouinB:2 Bergamo:2 Bulgarian:2 Chechen:1 Crete:2 Czech:1 Druze:2 English:2 Estonian:2 Finnish:3 French:3 Georgian:2 Greek:2 Hungarian:2 Icelandic:2 Iranian:2 Iraqi_Jew:2 Jordanian:3 Lezgin:2 North_Ossetian:2 Norwegian:1 Orcadian:2 Palestinian:3 Polish:1 Russian:2 Saami:2 Samaritan:1 Sardinian:3 Spanish:2 Tajik:2 Turkish:2 Tuscan:2 Yemenite_Jew:2',
};

/** Population → samples over the whole sheet. */
const sheetCounts = (): Record<string, number> =>
  Object.fromEntries(Object.values(SGDP_SHEET).flatMap((line) => line.split(' ').map((e) => { const [p, n] = e.split(':'); return [p, Number(n)] as const; })));

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

describe('SGDP population names', () => {
  test('the whole sheet\'s populations, without their Region column, roll up by region', () => {
    // By hand from SGDP_SHEET:
    // AFR 45 (49 − Mozabite 2 − Saharawi 2), AMR 28 (all of America), EAS 45 (47 − Uygur 2),
    // SAS 43 (49 − Hazara 2 − Sherpa 2 − Tibetan 2), EUR 43 (the 21 populations of Europe,
    // 41, and Adygei 2, HGDP's EUROPE); unmapped 96: CentralAsiaSiberia 27, Oceania 25, the
    // Caucasus, Near East and Tajik 32, and the 12 above. 204 of 300 mapped = 68%.
    const a = lint(groupsCsv('population', sheetCounts()));
    const col = a.ancestry[0];
    assert.equal(col.vocabulary?.id, 'continental');
    assert.deepEqual(Object.fromEntries(col.groups.filter((g) => g.mapped && g.count > 0).map((g) => [g.group, g.count])), { AFR: 45, AMR: 28, EAS: 45, EUR: 43, SAS: 43 });
    assert.equal(col.unmapped.reduce((n, u) => n + u.count, 0), 96);
    assert.equal(col.vocabularyShare, 204 / 300);
    for (const name of ['Papuan', 'Yakut', 'Druze', 'Armenian', 'Tajik', 'Tibetan', 'Sherpa', 'Saharawi', 'Mozabite']) {
      assert.ok(col.unmapped.some((u) => u.value === name), name);
    }
    // A third of the sheet is in no 1000 Genomes super-population: no reference is chosen.
    assert.equal(col.reference, undefined);
    assert.equal(byCode(a.findings, 'ancestry-representation-unchecked')[0]?.data.kind, 'minority-vocabulary');
  });

  test('names only SGDP has are read as their region\'s group; the hover names the panel and region', () => {
    // By hand: AFR 40 + 30 (Ju_hoan_North, Dinka), AMR 20 + 30 (Mayan, Quechua),
    // EAS 20 + 20 (Korean, Thai), SAS 20 + 10 (Bengali, Kharia), EUR 20 + 20 (English, Icelandic).
    const a = lint(groupsCsv('population', { Ju_hoan_North: 40, Dinka: 30, Mayan: 20, Quechua: 30, Korean: 20, Thai: 20, Bengali: 20, Kharia: 10, English: 20, Icelandic: 20 }));
    const col = a.ancestry[0];
    assert.deepEqual(Object.fromEntries(col.groups.filter((g) => g.mapped && g.count > 0).map((g) => [g.group, g.count])), { AFR: 70, AMR: 50, EAS: 40, EUR: 40, SAS: 30 });
    assert.deepEqual(col.unmapped, []);
    const hover = hoverAt(a, a.headerCell(1).start)!;
    assert.match(hover, /SGDP populations, region Africa/);
    assert.match(hover, /SGDP populations, region WestEurasia/);
  });

  test('"ami" and "Finnish", also gnomAD labels, do not make a gnomAD column a sample sheet', () => {
    const a = lint(groupsCsv('gnomad_group', { nfe: 300, afr: 100, ami: 50, fin: 60 }));
    assert.equal(a.ancestry[0].vocabulary?.id, 'gnomad');
    // A sample sheet's Ami and Finnish still count as EAS and EUR.
    const sheet = lint(groupsCsv('population', { Han: 60, Ami: 60, Finnish: 60, French: 60 }));
    assert.deepEqual(Object.fromEntries(sheet.ancestry[0].groups.filter((g) => g.count > 0).map((g) => [g.group, g.count])), { EAS: 120, EUR: 120 });
  });
});
