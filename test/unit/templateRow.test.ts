// A ROBOT template's directive row (second header row) is not data.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { isTemplateDirectiveRow } from '../../server/src/engine/table/templateRow';
import { lint, realdataDir } from './helpers';

const TEMPLATE = [
  'ID,Label,EthnicGroup',
  "ID,A rdfs:label,SC 'partially overlaps ' some %",
  'HANCESTRO:0846,Native American,Indigenous American',
  'HANCESTRO:0847,Example,European',
  '',
].join('\n');

test('the directive row is recognised, and only when its first cell is ID and most cells are directives', () => {
  assert.equal(isTemplateDirectiveRow(['ID', 'A rdfs:label', "SC 'partially overlaps ' some %"]), true);
  assert.equal(isTemplateDirectiveRow(['ID', 'TYPE', 'A definition', 'A has_exact_synonym SPLIT=|']), true);
  assert.equal(isTemplateDirectiveRow(['ID', 'Alice', 'European']), false);
  assert.equal(isTemplateDirectiveRow(['HANCESTRO:0846', 'A rdfs:label', 'SC %']), false);
});

test('the directive row is neither a row nor a group', () => {
  const a = lint(TEMPLATE);
  assert.equal(a.table.rows.length, 2);
  const counted = a.ancestry[0].groups.filter((g) => g.count > 0).map((g) => [g.group, g.count]);
  assert.deepEqual(counted.sort(), [['EUR', 1], ['Indigenous American', 1]]);
});

test('the HANCESTRO template file: one row per term, the directive row is not one', (t) => {
  const file = path.join(realdataDir, 'hancestro_ethnicities_Feb2025.csv');
  if (!existsSync(file)) return t.skip(`realdata folder absent: ${file} not found`);
  const text = readFileSync(file, 'utf8');
  const a = lint(text, { path: '/virtual/hancestro.csv' });
  // Every term row starts a line with its HANCESTRO id (counted independently of the parser).
  const terms = text.split(/\r?\n/).filter((line) => line.startsWith('HANCESTRO:')).length;
  assert.equal(a.table.rows.length, terms);
  assert.ok(a.ancestry.every((x) => x.groups.every((g) => !g.group.includes('%'))));
});
