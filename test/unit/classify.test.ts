// Which rules a document gets depends on its kind, from its name or its shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyDocument } from '../../server/src/engine/documents/classify';

test('datasets by language id or extension, policies by name', () => {
  assert.equal(classifyDocument('/w/a.csv', ''), 'dataset');
  assert.equal(classifyDocument('/w/a.panel', '', 'tsv'), 'dataset');
  assert.equal(classifyDocument('/w/cohortlint.yaml', 'ancestry: {}'), 'policy');
});

test('schemas and data packages by name, then by shape', () => {
  assert.equal(classifyDocument('/w/x.schema.yaml', ''), 'tableSchema');
  assert.equal(classifyDocument('/w/datapackage.json', '{}'), 'dataPackage');
  assert.equal(classifyDocument('/w/baseline.json', '{"fields": [{"name": "id"}]}'), 'tableSchema');
  assert.equal(classifyDocument('/w/package.json', '{"name": "x", "version": "1.0.0"}'), undefined);
});

test('phenopackets in camelCase and in snake_case', () => {
  assert.equal(classifyDocument('/w/p.json', '{"id": "p1", "phenotypicFeatures": []}'), 'phenopacket');
  assert.equal(classifyDocument('/w/p.json', '{"id": "p1", "phenotypic_features": []}'), 'phenopacket');
  assert.equal(classifyDocument('/w/p.yaml', 'id: p1\nmeta_data:\n  phenopacket_schema_version: "2.0"\n'), 'phenopacket');
});
