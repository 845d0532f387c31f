// A privacy fixture with known equivalence classes, shared by the rule and fix tests. The
// figures it is checked against were computed independently, offline, by this Python
// (python3 3.11, collections.Counter), run on the same combinations:
//
//   rows = [(z, b, s, r) for z, b, s, r, n in COMBOS for _ in range(n)]
//   diabetes = ['yes' if i % 3 == 0 else 'no' for i in range(len(rows))]
//   generalised = [('000' if z[:3] in RESTRICTED else z[:3], b[:4], s, r) for z, b, s, r in rows]
//   c = Counter(generalised); below = [n for n in c.values() if n < 11]
//   -> classes 8, kMin 1, rowsBelowK 29, classesBelowK 5
//   without zip: kMin 1, rowsBelowK 29; without birth_date: kMin 2, rowsBelowK 28;
//   without sex: kMin 1, rowsBelowK 12; without race: kMin 1, rowsBelowK 27
//   Counter(zip(race, sex)): 5 non-empty cells of 3 x 2, 2 with 1-10 people;
//   Counter(zip(race, diabetes)): 6 cells of 3 x 2, 3 with 1-10 people.
export const COMBOS: [string, string, string, string, number][] = [
  ['02451', '1968-07-31', 'F', 'White', 12], ['02452', '1968-01-02', 'F', 'White', 3], ['02139', '1970-05-05', 'M', 'White', 11],
  ['02139', '1970-05-06', 'M', 'Black or African American', 2], ['03601', '1980-03-03', 'F', 'Asian', 4], ['03699', '1980-12-12', 'F', 'Asian', 5],
  ['10001', '1990-01-01', 'M', 'White', 1], ['10001', '1991-01-01', 'M', 'White', 20], ['60601', '1955-06-06', 'F', 'Black or African American', 7],
  ['60601', '1955-06-06', 'M', 'Black or African American', 10],
];

export const K_EXPECTED = {
  rows: 75, classes: 8, kMin: 1, rowsBelowK: 29, classesBelowK: 5, mostContributing: 'birth_date',
  without: { zip: { kMin: 1, rowsBelowK: 29 }, birth_date: { kMin: 2, rowsBelowK: 28 }, sex: { kMin: 1, rowsBelowK: 12 }, race: { kMin: 1, rowsBelowK: 27 } },
};
export const SMALL_EXPECTED = { sex: { cells: 6, smallCells: 2 }, diabetes: { cells: 6, smallCells: 3 } };

/** participant_id, zip, birth_date, sex, race, diabetes: one row per person. */
export function kFixture(): string {
  const lines = ['participant_id,zip,birth_date,sex,race,diabetes'];
  let i = 0;
  for (const [zip, birth, sex, race, n] of COMBOS) {
    for (let j = 0; j < n; j++, i++) lines.push(`P${String(i + 1).padStart(3, '0')},${zip},${birth},${sex},${race},${i % 3 === 0 ? 'yes' : 'no'}`);
  }
  return lines.join('\n') + '\n';
}

/** The seeded-values file (CLI and server tests): unique identifier values that must never be echoed. */
export const SEEDED = {
  ssn: ['123-45-6701', '123-45-6702', '123-45-6703'],
  email: ['zq1.seed@example.org', 'zq2.seed@example.org', 'zq3.seed@example.org'],
  phone: ['(617) 555-0191', '(617) 555-0192', '(617) 555-0193'],
  first: ['Quenbrilla', 'Orvantheo', 'Pemmaruth'],
  address: ['71 Zyxwell Lane', '72 Zyxwell Lane', '73 Zyxwell Lane'],
  birth_date: ['1931-02-27', '1932-03-28', '1933-04-29'],
  zip: ['03601', '02987', '02988'],
};
export const SEEDED_CONSENT = 'zq4.seed@example.org';

export function seededCsv(): string {
  const lines = ['participant_id,consent,ssn,email,phone,first,address,birth_date,zip,sex,race'];
  for (let i = 0; i < 3; i++) {
    lines.push([`P${i + 1}`, 'GRU', SEEDED.ssn[i], SEEDED.email[i], SEEDED.phone[i], SEEDED.first[i], `"${SEEDED.address[i]}"`, SEEDED.birth_date[i], SEEDED.zip[i], i % 2 ? 'F' : 'M', 'White'].join(','));
  }
  // A row that lost its id and consent: every value sits two columns to the left, an email in consent's place.
  lines.push(['123-45-6798', SEEDED_CONSENT, '(617) 555-0194', 'Vashterlow', '"74 Zyxwell Lane"', '1934-05-30', '02989', 'F', 'White'].join(','));
  return lines.join('\n') + '\n';
}

export const ALL_SEEDED = [...Object.values(SEEDED).flat(), SEEDED_CONSENT, '123-45-6798', '(617) 555-0194', 'Vashterlow', '74 Zyxwell Lane', '1934-05-30', '02989'];

