// A national census is a reference for its own country only (ancestry/nationalReference.ts):
// a table that says where its people live (a country column, or a state column holding a
// country's name as Synthea's UK export does) is compared with that country's census, or
// with none, and says so.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dataCountry } from '../../server/src/engine/ancestry/dataCountry';
import { byCode, fullText, lint, policyFrom } from './helpers';

/** People with a race and an ethnicity column and one geography column `place` (a value per row). */
function people(place: string, places: (i: number) => string, n = 400, race: (i: number) => string = () => 'white'): string {
  const lines = [`id,RACE,ETHNICITY,GENDER,${place}`];
  for (let i = 0; i < n; i++) lines.push(`${i + 1},${race(i)},nonhispanic,${i % 2 ? 'F' : 'M'},${places(i)}`);
  return lines.join('\n') + '\n';
}

const countryOf = (text: string) => dataCountry(lint(text).profile);
const absentGroups = (text: string, policy?: string) => byCode(lint(text, policy ? { policy: policyFrom(policy) } : {}).findings, 'ancestry-group-absent').map((f) => (f.data as { group: string }).group).sort();

describe('where the data is from', () => {
  test('a state column of "UnitedKingdom" (Synthea UK), a country column of codes or names, a UK nation', () => {
    assert.equal(countryOf(people('STATE', () => 'UnitedKingdom'))?.code, 'GB');
    assert.equal(countryOf(people('country', (i) => (i % 2 ? 'GB' : 'GBR')))?.code, 'GB');
    assert.equal(countryOf(people('Country of residence', () => 'United Kingdom'))?.code, 'GB');
    const scotland = countryOf(people('country', () => 'Scotland'));
    assert.deepEqual([scotland?.code, scotland?.nation], ['GB', 'Scotland']);
    assert.equal(countryOf(people('country', (i) => (i % 10 === 0 ? 'France' : 'Canada')))?.code, 'CA');
  });

  test('US states by name or code are the US, not Georgia the country or Gabon (GA)', () => {
    assert.equal(countryOf(people('STATE', () => 'Georgia'))?.code, 'US');
    assert.equal(countryOf(people('state', (i) => ['GA', 'IN', 'CA', 'MA'][i % 4]))?.code, 'US');
    // In a state column, a two-letter code is a state's, never a country's.
    assert.equal(countryOf(people('state', () => 'ON')), undefined);
  });

  test('no country: birth countries, a mix of countries, free text', () => {
    assert.equal(countryOf(people('country_of_birth', () => 'United Kingdom')), undefined);
    assert.equal(countryOf(people('native-country', () => 'United-States')), undefined);
    assert.equal(countryOf(people('country', (i) => ['Canada', 'France', 'Japan'][i % 3])), undefined);
    assert.equal(countryOf(people('location', (i) => `Ward ${i % 7}`)), undefined);
  });
});

describe('the reference follows the country', () => {
  test('US OMB labels in data from the UK are compared with the England and Wales census, and the message says why', () => {
    const text = people('STATE', () => 'UnitedKingdom');
    assert.deepEqual(absentGroups(text), ['Asian or Asian British', 'Black or Black British', 'Mixed', 'Other ethnic group']);
    const a = lint(text);
    const [asian] = byCode(a.findings, 'ancestry-group-absent');
    assert.match(fullText(asian), /ons-2021 .*in data from the United Kingdom \(column "STATE": 400 of 400 rows\)/);
    // Hispanic origin has no counterpart in that census: not compared, and said so.
    const [ethnicity] = byCode(a.findings, 'ancestry-representation-unchecked');
    assert.equal((ethnicity.data as { column: string }).column, 'ETHNICITY');
    assert.equal(ethnicity.severity, 'information');
    assert.match(fullText(ethnicity), /us-census-2020 .* counts another country than the data's, the United Kingdom/);
    assert.equal(byCode(a.findings, 'ancestry-group-unobserved').length, 0);
  });

  test('OMB groups are counted in their ONS counterparts: Black, Asian, two or more races', () => {
    const races = ['white', 'white', 'white', 'white', 'white', 'white', 'white', 'white', 'Black or African American', 'Asian', 'Two or more races', 'Some Other Race'];
    const text = people('country', () => 'UK', 1200, (i) => races[i % races.length]);
    assert.deepEqual(absentGroups(text), []);
    const a = lint(text).ancestry.find((x) => x.column === 'RACE')!;
    const count = (group: string) => a.groups.find((g) => g.group === group)?.count;
    assert.deepEqual([count('White'), count('Black or Black British'), count('Asian or Asian British'), count('Mixed'), count('Other ethnic group')], [800, 100, 100, 100, 100]);
  });

  test('data from a country with no census built in: the US census is withheld, not applied', () => {
    const text = people('country', () => 'Canada');
    assert.deepEqual(absentGroups(text), []);
    const unchecked = byCode(lint(text).findings, 'ancestry-representation-unchecked').map((f) => (f.data as { column: string; kind: string }));
    assert.deepEqual(unchecked.map((d) => [d.column, d.kind]), [['RACE', 'other-country'], ['ETHNICITY', 'other-country']]);
  });

  test('US data, and data that does not say, keep the US census (the checks above are not vacuous)', () => {
    const us = absentGroups(people('STATE', () => 'Massachusetts'));
    assert.ok(us.includes('Black or African American') && us.includes('Hispanic or Latino'), us.join(', '));
    assert.deepEqual(absentGroups(people('site', () => 'UnitedKingdom')), us);
  });

  test('a reference the policy names is used as named', () => {
    const absent = absentGroups(people('STATE', () => 'UnitedKingdom'), 'ancestry:\n  reference: us-census-2020\n');
    assert.ok(absent.includes('Black or African American'), absent.join(', '));
  });
});
