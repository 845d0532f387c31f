// GA4GH Phenopacket v2 rules: the real phenopacket-store file lints clean (its 16 excluded
// features are observations, not missing values), and a corrupted copy built here gets
// each problem at the exact key or value.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lintDocument, type Finding } from '../../server/src/engine';
import { lintStructured } from '../../server/src/engine/documents/lintStructured';
import { byCode, fullText, noPolicy, realdataDir } from './helpers';

const REAL = path.join(realdataDir, 'phenopacket_AIRE_PMID_19807739_Patient_6.json');
const env = { policy: noPolicy(), read: () => undefined };

function lintText(text: string, file = '/virtual/project/patient.json'): Finding[] {
  const a = lintDocument(file, text, undefined, env);
  assert.ok(a, 'classified');
  assert.equal(a.kind, 'phenopacket');
  return a.findings;
}

/** The text a range covers (single-line ranges). */
function covered(text: string, f: Finding): string {
  const line = text.split(/\r?\n/)[f.range.start.line];
  assert.equal(f.range.end.line, f.range.start.line, `${f.code} spans one line`);
  return line.slice(f.range.start.character, f.range.end.character);
}

/** A small, valid packet: the shape of the phenopacket-store files. */
function minimalPacket(): any {
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
      externalReferences: [{ id: 'PMID:19807739', description: 'a citation, not a term' }],
    },
  };
}

describe('the real phenopacket (phenopacket-store, AIRE, PMID 19807739, patient 6)', () => {
  test('no findings: 16 excluded features are observed absences, every prefix has a resource', (t) => {
    if (!existsSync(REAL)) { t.skip(`realdata file absent: ${REAL}`); return; }
    const text = readFileSync(REAL, 'utf8');
    const packet = JSON.parse(text);
    assert.equal(packet.phenotypicFeatures.filter((f: any) => f.excluded === true).length, 16);
    assert.deepEqual(lintText(text, REAL), []);
  });

  test('a corrupted copy: each problem positioned on its key or value', (t) => {
    if (!existsSync(REAL)) { t.skip(`realdata file absent: ${REAL}`); return; }
    const packet = JSON.parse(readFileSync(REAL, 'utf8'));
    delete packet.metaData.created;
    delete packet.subject.sex;
    packet.phenotypicFeatures[2].type.id = 'HP:12345';
    delete packet.phenotypicFeatures[0].type; // excluded, and now without its term
    packet.phenotypicFeatures[5].type.id = 'MONDO:0005148';
    packet.diseases[0].term.id = 'OMIM:24030';
    packet.metaData.resources = packet.metaData.resources.filter((r: any) => r.namespacePrefix !== 'GENO');
    const text = JSON.stringify(packet, null, 2);
    const findings = lintText(text);
    const summary = findings.map((f) => [f.code, covered(text, f)]);
    assert.deepEqual(summary, [
      ['phenopacket-recommended-missing', '"subject"'],
      ['phenopacket-field-missing', '{'],
      ['phenopacket-term-invalid', '"HP:12345"'],
      ['phenopacket-resource-missing', '"MONDO:0005148"'],
      ['phenopacket-term-invalid', '"MONDO:0005148"'],
      ['phenopacket-resource-missing', '"GENO:0000136"'],
      ['phenopacket-term-invalid', '"OMIM:24030"'],
      ['phenopacket-field-missing', '"metaData"'],
    ]);
    const byField = Object.fromEntries(byCode(findings, 'phenopacket-field-missing').map((f) => [f.data.field, f]));
    assert.deepEqual(Object.keys(byField).sort(), ['metaData.created', 'phenotypicFeatures[0].type']);
    assert.equal(byField['phenotypicFeatures[0].type'].severity, 'error');
    assert.match(byField['metaData.created'].message, /Required field metaData\.created is missing from metaData/);
    const lines = text.split('\n');
    assert.match(lines[byField['phenotypicFeatures[0].type'].range.start.line + 1], /"excluded": true/);
    const terms = byCode(findings, 'phenopacket-term-invalid');
    assert.deepEqual(terms.map((f) => [f.data.id, f.data.suggestion ?? null]), [['HP:12345', 'HP:0012345'], ['MONDO:0005148', null], ['OMIM:24030', 'OMIM:024030']]);
    assert.match(fullText(terms[1]), /a phenotypic feature's type must be an HPO term, not MONDO/);
    const geno = byCode(findings, 'phenopacket-resource-missing').find((f) => f.data.prefix === 'GENO')!;
    assert.match(fullText(geno), /Prefix "GENO" is used by 1 term \(first: GENO:0000136\) but metaData\.resources has no Resource with namespacePrefix "GENO" \(declared: HGNC, HP, OMIM, SO\)/);
    const subject = byCode(findings, 'phenopacket-recommended-missing')[0];
    assert.equal(subject.severity, 'information');
    assert.deepEqual(subject.data.missing, ['subject.sex']);
  });
});

describe('phenopacket rules on small packets', () => {
  test('a valid packet, all features excluded: nothing reported', () => {
    const p = minimalPacket();
    p.phenotypicFeatures.forEach((f: any) => { f.excluded = true; });
    assert.deepEqual(lintText(JSON.stringify(p, null, 2)), []);
  });

  test('no id, no metaData: required fields reported at the document start; no resource findings without a resources list', () => {
    const p = minimalPacket();
    delete p.id;
    delete p.metaData;
    const text = JSON.stringify(p, null, 2);
    const f = lintText(text);
    assert.deepEqual(f.map((x) => [x.code, x.data.field ?? x.data.missing]), [
      ['phenopacket-field-missing', 'id'],
      ['phenopacket-field-missing', 'metaData'],
    ]);
    assert.equal(f[0].range.start.line, 0);
  });

  test('empty resources, missing createdBy and schema version', () => {
    const p = minimalPacket();
    p.metaData.resources = [];
    delete p.metaData.createdBy;
    p.metaData.phenopacketSchemaVersion = '';
    const fields = byCode(lintText(JSON.stringify(p, null, 2)), 'phenopacket-field-missing').map((x) => x.data.field).sort();
    assert.deepEqual(fields, ['metaData.createdBy', 'metaData.phenopacketSchemaVersion', 'metaData.resources']);
  });

  test('no subject, no features: recommended, as information', () => {
    const p = minimalPacket();
    delete p.subject;
    delete p.phenotypicFeatures;
    const f = lintText(JSON.stringify(p, null, 2));
    assert.deepEqual(f.map((x) => [x.code, x.severity, x.data.missing]), [
      ['phenopacket-recommended-missing', 'information', ['subject']],
      ['phenopacket-recommended-missing', 'information', ['phenotypicFeatures']],
    ]);
  });

  test('snake_case keys (the proto field names) are read too', () => {
    // classify.ts recognises camelCase packets by shape; the rules themselves read both.
    const p = minimalPacket();
    p.meta_data = p.metaData;
    delete p.metaData;
    p.meta_data.phenopacket_schema_version = p.meta_data.phenopacketSchemaVersion;
    delete p.meta_data.phenopacketSchemaVersion;
    p.phenotypic_features = p.phenotypicFeatures;
    delete p.phenotypicFeatures;
    assert.deepEqual(lintStructured('/virtual/project/p.json', JSON.stringify(p, null, 2), 'phenopacket', noPolicy(), env).findings, []);
    delete p.meta_data.created;
    const f = lintStructured('/virtual/project/p.json', JSON.stringify(p, null, 2), 'phenopacket', noPolicy(), env).findings;
    assert.deepEqual(f.map((x) => x.data.field), ['meta_data.created']);
  });

  test('YAML phenopacket: a malformed HPO id positioned on its value', () => {
    const yaml = [
      'id: P1',
      'subject:',
      '  id: Patient 1',
      '  sex: FEMALE',
      '  vitalStatus: {status: ALIVE}',
      '  timeAtLastEncounter: {age: {iso8601duration: P4Y}}',
      'phenotypicFeatures:',
      '  - type: {id: "HP_0001596", label: Alopecia}',
      '    excluded: true',
      'metaData:',
      '  created: "2025-10-07T05:13:10Z"',
      '  createdBy: test',
      '  phenopacketSchemaVersion: 2.0.2',
      '  resources:',
      '    - {id: hp, namespacePrefix: HP, name: hpo, url: x, version: "1", iriPrefix: y}',
      '',
    ].join('\n');
    const f = lintText(yaml, '/virtual/project/patient.yaml');
    assert.deepEqual(f.map((x) => [x.code, covered(yaml, x)]), [['phenopacket-term-invalid', '"HP_0001596"']]);
    assert.match(fullText(f[0]), /did you mean HP:0001596\? The feature is excluded \(observed absent\), which still needs a valid term\./);
  });

  test('a syntax error: one phenopacket-invalid finding and nothing else', () => {
    const text = JSON.stringify(minimalPacket(), null, 2).replace('"createdBy": "test",', '"createdBy": "test",,');
    const f = lintText(text);
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['phenopacket-invalid', 'error']]);
  });
});
