// A code column beside its label column is one ancestry attribute. The shape is that of the
// IGSR data portal's sample sheet (igsr_samples.tsv): "Population code" / "Population name"
// and "Superpopulation code" / "Superpopulation name", where the HGDP and SGDP samples have
// empty codes and their region in the name. The fixture is built here, never copied.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt, lintDataset } from '../../server/src/engine';
import { labelPartners } from '../../server/src/engine/ancestry/pairedColumns';
import { sqlUnsupported } from '../../server/src/engine/sql/plan';
import { byCode, lint, noPolicy } from './helpers';

const HEADER = ['Sample name', 'Sex', 'Biosample ID', 'Population code', 'Population name', 'Superpopulation code', 'Superpopulation name', 'Population elastic ID', 'Data collections'];

interface Block { n: number; pop: string; popName: string; sup: string; supName: string; collections?: string }

/** 1000 Genomes rows with codes; HGDP/SGDP rows with empty codes and their names. */
const BLOCKS: Block[] = [
  { n: 700, pop: 'YRI', popName: 'Yoruba', sup: 'AFR', supName: 'African Ancestry' },
  { n: 700, pop: 'GBR', popName: 'British', sup: 'EUR', supName: 'European Ancestry' },
  { n: 150, pop: 'CHB', popName: 'Han Chinese', sup: 'EAS', supName: 'East Asian Ancestry' },
  { n: 150, pop: 'PJL', popName: 'Punjabi', sup: 'SAS', supName: 'South Asian Ancestry' },
  { n: 200, pop: 'PEL', popName: 'Peruvian', sup: 'AMR', supName: 'American Ancestry' },
  // The HGDP and SGDP samples: no code, ancestry in the name, and no data collection listed.
  { n: 300, pop: '', popName: 'Han', sup: '', supName: 'East Asia (HGDP)', collections: '' },
  { n: 250, pop: '', popName: 'Balochi', sup: '', supName: 'Central South Asia (HGDP)', collections: '' },
  { n: 40, pop: '', popName: 'Druze', sup: '', supName: 'Middle East (HGDP)', collections: '' },
  { n: 6, pop: '', popName: 'Mbuti,Mbuti', sup: '', supName: 'Africa (SGDP),Africa (HGDP)', collections: '' },
  { n: 4, pop: '', popName: 'Mozabite', sup: '', supName: 'Middle East (HGDP),Africa (SGDP)', collections: '' },
];

function igsrSheet(blocks: Block[] = BLOCKS): string {
  const lines = [HEADER.join('\t')];
  let id = 0;
  for (const b of blocks) {
    for (let i = 0; i < b.n; i++, id++) {
      const code = b.pop || b.popName.split(',')[0];
      lines.push([`S${id}`, id % 2 ? 'male' : 'female', `SAME${id}`, b.pop, b.popName, b.sup, b.supName, code, b.collections ?? '1000 Genomes phase 3 release'].join('\t'));
    }
  }
  return lines.join('\n') + '\n';
}

const tsv = { path: '/virtual/project/igsr_samples.tsv', languageId: 'tsv' };
const ROWS = BLOCKS.reduce((n, b) => n + b.n, 0);

function group(a: ReturnType<typeof lint>, column: string, name: string): number {
  return a.ancestry.find((x) => x.column === column)!.groups.find((g) => g.group === name)?.count ?? 0;
}

describe('code and label columns of one ancestry attribute', () => {
  const a = lint(igsrSheet(), tsv);

  test('the pairs are found by their shared stem; OMOP concept ids and other ids are not paired', () => {
    assert.deepEqual(labelPartners(HEADER, [3, 5]), [{ code: 3, label: 4 }, { code: 5, label: 6 }]);
    assert.deepEqual(labelPartners(['id', 'pop_code', 'pop_name'], [1]), [{ code: 1, label: 2 }]);
    assert.deepEqual(labelPartners(['id', 'ancestry_id', 'ancestry_label'], [2]), [{ code: 1, label: 2 }]);
    assert.deepEqual(labelPartners(['person_id', 'race_concept_id', 'race_source_value'], [1, 2]), []);
    // Neither column is an ancestry column: no pair.
    assert.deepEqual(labelPartners(['site_code', 'site_name'], []), []);
  });

  test('one assessment per attribute, on the code column', () => {
    assert.deepEqual(a.ancestry.map((x) => x.column), ['Population code', 'Superpopulation code']);
  });

  test('a row has ancestry when either column has it: no "no value in Superpopulation code" finding', () => {
    assert.deepEqual(byCode(a.findings, 'ancestry-values-missing'), []);
    const sup = a.ancestry.find((x) => x.column === 'Superpopulation code')!;
    assert.equal(sup.missing, 0);
    assert.equal(sup.total, ROWS);
  });

  test('the group is read from the name where the code is empty (IGSR names of HGDP and SGDP regions)', () => {
    assert.equal(group(a, 'Superpopulation code', 'EAS'), 150 + 300);
    assert.equal(group(a, 'Superpopulation code', 'SAS'), 150 + 250);
    assert.equal(group(a, 'Superpopulation code', 'AFR'), 700 + 6);
    const unmapped = a.ancestry.find((x) => x.column === 'Superpopulation code')!.unmapped;
    assert.deepEqual(unmapped, [{ value: 'Middle East (HGDP)', count: 40 }, { value: 'Middle East (HGDP),Africa (SGDP)', count: 4 }]);
    // Population names: HGDP's Han is EAS, Balochi SAS; Mbuti listed twice is still AFR.
    assert.equal(group(a, 'Population code', 'EAS'), 150 + 300);
    assert.equal(group(a, 'Population code', 'AFR'), 700 + 6);
  });

  test('neither column gets a phenotype-values-missing or missingness-disparity finding', () => {
    const onPair = (code: string) => byCode(a.findings, code).filter((f) => HEADER.slice(3, 7).includes(String(f.data.column)));
    assert.deepEqual(onPair('phenotype-values-missing'), []);
    assert.deepEqual(onPair('phenotype-missingness-disparity'), []);
  });

  test('an empty label beside a code is not missing either', () => {
    const blocks = BLOCKS.map((b) => (b.sup === 'AFR' ? { ...b, supName: '' } : b));
    const b = lint(igsrSheet(blocks), tsv);
    const names = ['Superpopulation name', 'Superpopulation code'];
    assert.deepEqual(b.findings.filter((f) => names.includes(String(f.data.column)) && /missing|disparity/.test(f.code)).map((f) => f.code), []);
  });

  test('a row with neither counts as missing', () => {
    const b = lint(igsrSheet([...BLOCKS, { n: 900, pop: '', popName: '', sup: '', supName: '' }]), tsv);
    const missing = byCode(b.findings, 'ancestry-values-missing').map((f) => [f.data.column, f.data.missing]);
    assert.deepEqual(missing, [['Population code', 900], ['Superpopulation code', 900]]);
  });

  test('a label read in place of an empty code is no nonstandard label of the code column', () => {
    const b = lint(igsrSheet([...BLOCKS, { n: 20, pop: '', popName: 'Sardinian', sup: '', supName: 'European Ancestry' }]), tsv);
    assert.deepEqual(byCode(b.findings, 'ancestry-label-nonstandard').filter((f) => f.data.column === 'Superpopulation code'), []);
    assert.equal(group(b, 'Superpopulation code', 'EUR'), 720);
  });

  test('the hover says the label column was read, and for how many rows', () => {
    const hover = hoverAt(a, a.headerCell(5).start)!;
    assert.match(hover, /Read with its label column "Superpopulation name" as one attribute: 600 rows have no value here/);
  });

  test('an open document (profiled in blocks) and a one-off lint count the same', () => {
    const text = igsrSheet();
    const once = lintDataset(tsv.path, text, tsv.languageId, noPolicy(), {}, { oneOff: true });
    const groups = (x: typeof a) => x.ancestry.map((y) => [y.column, y.missing, y.groups.map((g) => [g.group, g.count])]);
    assert.deepEqual(groups(once), groups(a));
    assert.deepEqual(once.profile.filledFromLabel, a.profile.filledFromLabel);
  });

  test('the SQL profile says it cannot read the pair as one', () => {
    assert.match(sqlUnsupported(HEADER, noPolicy().policy) ?? '', /code and its label/);
  });
});

describe('a sheet of one super-population (the EUR rows alone)', () => {
  test('the other groups are still absent', () => {
    const a = lint(igsrSheet([{ n: 670, pop: 'GBR', popName: 'British', sup: 'EUR', supName: 'European Ancestry' }]), tsv);
    const absent = byCode(a.findings, 'ancestry-group-absent').filter((f) => f.data.column === 'Superpopulation code').map((f) => f.data.group).sort();
    assert.deepEqual(absent, ['AFR', 'AMR', 'EAS', 'SAS']);
    assert.deepEqual(byCode(a.findings, 'ancestry-values-missing'), []);
  });
});
