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
