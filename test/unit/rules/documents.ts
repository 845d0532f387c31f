// Small documents shared by several rule testers. No test lives here.

/** A valid GA4GH Phenopacket v2 (AIRE, PMID 19807739, patient 6, cut down): nothing to report. */
export function phenopacket(): any {
  return {
    id: 'P1',
    subject: { id: 'Patient 1', timeAtLastEncounter: { age: { iso8601duration: 'P4Y' } }, vitalStatus: { status: 'ALIVE' }, sex: 'FEMALE' },
    phenotypicFeatures: [
      { type: { id: 'HP:0001596', label: 'Alopecia' }, excluded: true },
      { type: { id: 'HP:0002728', label: 'Chronic mucocutaneous candidiasis' } },
    ],
    diseases: [{ term: { id: 'OMIM:240300', label: 'Autoimmune polyendocrine syndrome, type I' } }],
    metaData: {
      created: '2025-10-07T05:13:10Z',
      createdBy: 'test',
      resources: [
        { id: 'hp', name: 'human phenotype ontology', url: 'http://purl.obolibrary.org/obo/hp.owl', version: '2025-08-11', namespacePrefix: 'HP', iriPrefix: 'http://purl.obolibrary.org/obo/HP_' },
        { id: 'omim', name: 'OMIM', url: 'https://www.omim.org', version: '06/01/25', namespacePrefix: 'OMIM', iriPrefix: 'https://www.omim.org/entry/' },
      ],
      phenopacketSchemaVersion: '2.0.2',
    },
  };
}

/** A phenopacket as JSON text, after `change` edits a fresh copy. */
export function phenopacketText(change: (p: any) => void = () => undefined): string {
  const p = phenopacket();
  change(p);
  return JSON.stringify(p, null, 2) + '\n';
}

/** A Table Schema as JSON text, two-space indented. */
export function schemaText(fields: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ fields, ...extra }, null, 2) + '\n';
}

/**
 * A recidivism table shaped like ProPublica's COMPAS two-year file, 120 rows: re-offending
 * (is_recid = 1) in 12 of 60 White rows and 48 of 60 Black rows; the new charge
 * (r_charge_desc) and jail entry (r_jail_in) are empty on every is_recid = 0 row. Among the
 * 60 recidivists, r_charge_desc is empty in 2 rows (ids 2 and 4) and r_jail_in in the 20
 * whose index is a multiple of 3 (no jail stay). `third` adds a third value of is_recid
 * (-1, not assessed) on the rows whose index ends in 9; `person` repeats every id once.
 */
export function recidivism(options: { third?: boolean; person?: boolean } = {}): string {
  const rows = [`${options.person ? 'person_id' : 'id'},race,sex,age,diagnosis,is_recid,r_charge_desc,r_jail_in`];
  for (let i = 0; i < 120; i++) {
    const white = i % 2 === 0;
    const recid = white ? i % 10 < 2 : i % 10 < 8;
    const code = options.third && !recid && i % 10 === 9 ? '-1' : recid ? '1' : '0';
    const charge = recid && i !== 1 && i !== 3 ? 'Battery' : '';
    const jail = recid && i % 3 !== 0 ? '2014-01-02' : '';
    const id = options.person ? Math.floor(i / 2) + 1 : i + 1;
    rows.push(`${id},${white ? 'White' : 'Black or African American'},F,40,x,${code},${charge},${jail}`);
  }
  return rows.join('\n') + '\n';
}

/**
 * An OMOP-style PERSON table where gender_source_value recodes gender_concept_id one to one
 * (8532 = F, 8507 = M): White F 12, White M 12, Black F 3, Black M 3, all born in 1970. With
 * `broken`, one 8532 row says M, so the two columns are no longer one attribute.
 */
export function recodedSex(broken = false): string {
  const rows = ['person_id,gender_concept_id,gender_source_value,year_of_birth,race'];
  let id = 1;
  for (const [race, n] of [['White', 12], ['Black', 3]] as const) {
    for (const [concept, source] of [['8532', 'F'], ['8507', 'M']]) {
      for (let i = 0; i < n; i++) rows.push(`${id},${concept},${broken && id === 1 ? 'M' : source},1970,${race}`), id++;
    }
  }
  return rows.join('\n') + '\n';
}
