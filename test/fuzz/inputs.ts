// Generated hostile and odd inputs for the fuzz tests (CLI and server): CSV/TSV garbage,
// every line-break kind, quotes, byte order marks, binary bytes, huge fields, wide
// headers, Table Schemas, Data Packages, Phenopackets and policies with odd values.
// Deterministic: the same seed gives the same files. No test lives here.

/** mulberry32: a small, fast, seedable generator (uniform in [0, 1)). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  constructor(readonly next: () => number) {}
  int(n: number): number { return Math.floor(this.next() * n); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(items: readonly T[]): T { return items[this.int(items.length)]; }
  times<T>(n: number, make: (i: number) => T): T[] { return Array.from({ length: n }, (_, i) => make(i)); }
}

export interface FuzzFile {
  /** File name inside its folder. */
  name: string;
  content: string | Buffer;
  kind: string;
}

const BREAKS = ['\n', '\r\n', '\r'];
/** A generated table stops growing past this many characters (the fuzz stays fast). */
const MAX_TABLE_CHARS = 300_000;
const HEADERS = ['id', 'race', 'ethnicity', 'ancestry', 'super_pop', 'sex', 'age', 'diagnosis', 'hpo_terms', 'consent', 'duo_codes', 'consent_status', 'withdrawal_date', 'bmi', 'email', 'ssn', 'note', 'race_white', 'race_black', '#IID', ''];
const VALUES = ['White', 'Black', 'Asian', 'Caucasian', 'AFR', 'EUR', 'NA', '?', '', 'unknown', 'GRU', 'HMB', 'HMB;NPU', 'DUO:0000042', 'withdrawn', '2020-01-01', 'HP:0001250', 'HP:12', 'MONDO:0005148', '42', '-9', '1.5e3', 'yes', 'no', 'é', '🧬', '\uFFFD', '\u0000', 'toString', '__proto__', 'constructor'];
const GARBAGE = [',', ',', '"', '""', '\r', '\n', '\r\n', '\t', ';', '|', 'a', 'b', '1', ' ', '#', '\uFEFF', '\uFFFD', '\u0000', '\u2028', 'é', '🧬', '\\', "'", 'race', 'White'];

function breakFor(g: Gen, mode: string): string {
  return mode === 'mixed' ? g.pick(BREAKS) : mode;
}

function cell(g: Gen, delimiter: string): string {
  let v = g.chance(0.1) ? g.times(g.int(4) + 1, () => g.pick(GARBAGE)).join('') : g.pick(VALUES);
  if (g.chance(0.001)) v = 'x'.repeat(g.int(200_000));
  const needs = /["\r\n]/.test(v) || v.includes(delimiter);
  if (needs || g.chance(0.1)) {
    // Sometimes badly quoted: no closing quote, or a stray quote after it.
    const body = v.replace(/"/g, '""');
    return g.chance(0.05) ? `"${body}` : g.chance(0.05) ? `"${body}"x` : `"${body}"`;
  }
  return v;
}

function table(g: Gen, delimiter: string): string {
  const wide = g.chance(0.05);
  const width = wide ? 200 + g.int(3000) : 1 + g.int(8);
  const header = g.times(width, () => (g.chance(0.2) ? g.pick(['race', 'ancestry', 'population']) : g.pick(HEADERS)));
  const mode = g.pick([...BREAKS, 'mixed']);
  const rows = wide ? g.int(20) : g.int(g.chance(0.1) ? 2000 : 40);
  const lines = [header.join(delimiter)];
  let size = 0;
  for (let r = 0; r < rows && size < MAX_TABLE_CHARS; r++) {
    const w = g.chance(0.1) ? g.int(width + 3) : width;
    lines.push(g.times(w, () => cell(g, delimiter)).join(delimiter));
    size += lines[lines.length - 1].length;
  }
  let text = '';
  lines.forEach((l, i) => { text += (i > 0 ? breakFor(g, mode) : '') + l; });
  if (g.chance(0.7)) text += breakFor(g, mode);
  if (g.chance(0.1)) text = `# comment line${breakFor(g, mode)}#another${breakFor(g, mode)}${text}`;
  return text;
}

function garbage(g: Gen): string {
  return g.times(g.int(3000), () => g.pick(GARBAGE)).join('');
}

function binary(g: Gen): Buffer {
  const b = Buffer.alloc(g.int(5000));
  for (let i = 0; i < b.length; i++) b[i] = g.int(256);
  return b;
}

/** An odd JSON value: numbers, strings, nulls, arrays and objects, keys that shadow Object's. */
function oddValue(g: Gen, depth = 0): unknown {
  const r = g.int(depth > 3 ? 6 : 9);
  switch (r) {
    case 0: return g.pick([0, -1, 1e308, -0.5, 1.5, 42]);
    case 1: return g.pick(['', 'string', 'integer', 'number', 'date', 'boolean', 'any', '(a+)+', '[a-', '(?=x)x', '\\d{3}', 'HP:\\d{7}']);
    case 2: return null;
    case 3: return g.chance(0.5);
    case 4: return g.pick(VALUES);
    case 5: return g.pick(['race', 'consent', 'age', 'sex', 'id']);
    case 6: return g.times(g.int(5), () => oddValue(g, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = g.int(5); i > 0; i--) o[g.pick(['name', 'type', 'format', 'constraints', 'enum', 'pattern', 'required', 'missingValues', 'fields', 'primaryKey', 'valueOf', 'hasOwnProperty', 'x'])] = oddValue(g, depth + 1);
      return o;
    }
  }
}

function schema(g: Gen): string {
  const fields = g.times(g.int(8), () => ({
    name: g.chance(0.9) ? g.pick(HEADERS) : oddValue(g),
    ...(g.chance(0.7) ? { type: g.pick(['string', 'integer', 'number', 'boolean', 'date', 'any', 'year', 'geopoint', 'nope', 3]) } : {}),
    ...(g.chance(0.5) ? { constraints: g.chance(0.7) ? { enum: g.times(g.int(6), () => g.pick(VALUES)), pattern: g.pick(['(a+)+', '[A-Z]+', 'HP:\\d{7}', '(?=x)', '(\\d)\\1', '[a-', '.*', '(a|aa)*b']), required: g.chance(0.5), minimum: g.pick([0, '1', -5]) } : oddValue(g) } : {}),
  }));
  const value: Record<string, unknown> = g.chance(0.9) ? { fields } : (oddValue(g) as Record<string, unknown>);
  if (g.chance(0.3) && value && typeof value === 'object') value.missingValues = g.times(g.int(4), () => g.pick(VALUES));
  const text = JSON.stringify(value, null, g.chance(0.5) ? 2 : 0);
  return g.chance(0.1) ? text.slice(0, g.int(text.length)) : text;
}

function yamlScalar(g: Gen): string {
  return g.pick(['0.8', '-1', '2', 'yes', 'null', '~', '"x"', '[race, ethnicity]', '{a: 1}', '1e999', "'?'", 'GRU', '[GRU, HMB]', '""']);
}

function policy(g: Gen): string {
  const lines: string[] = [];
  if (g.chance(0.8)) lines.push('ancestry:', `  column: ${g.pick(['race', '[race, ethnicity]', '3', 'null', '""'])}`, `  minRatio: ${yamlScalar(g)}`, `  minCount: ${yamlScalar(g)}`);
  if (g.chance(0.5)) lines.push(`  reference: ${g.pick(['us-census-2020', 'gnomad-v4', 'nope', '{White: 0.5, Asian: 2}', '[1, 2]'])}`);
  if (g.chance(0.5)) lines.push('phenotype:', `  required: ${g.pick(['[sex, age]', '[]', 'sex', '[1, null]'])}`, `  maxMissing: ${yamlScalar(g)}`, `  missingValue: ${yamlScalar(g)}`);
  if (g.chance(0.5)) lines.push('consent:', `  column: ${yamlScalar(g)}`, `  withdrawnValues: ${yamlScalar(g)}`);
  if (g.chance(0.4)) lines.push(`intendedUse: ${g.pick(['ancestry-research', 'commercial', 'nope', '[a]', '3'])}`);
  if (g.chance(0.4)) lines.push(`missingValues: ${g.pick(['[NA, ?]', '[]', 'NA', '[{a: 1}]'])}`);
  if (g.chance(0.4)) lines.push('rules:', `  ${g.pick(['ancestry-group-small', 'table-malformed', 'nope'])}: ${g.pick(['off', 'error', 'loud', '3'])}`);
  if (g.chance(0.3)) lines.push(`schema: ${g.pick(['{data.csv: data.schema.json}', '{x.csv: https://example.invalid/s.json}', '{a.csv: ../../etc/passwd}', '3'])}`);
  if (g.chance(0.3)) lines.push('acknowledged:', `  - {rule: ${g.pick(['ancestry-group-absent', 'x'])}, column: race, group: ${g.pick(VALUES)}, reason: ${g.pick(['"ok"', '', '3'])}}`);
  let text = lines.join(g.pick(BREAKS)) + '\n';
  if (g.chance(0.1)) text = text.replace(/:/g, g.pick(['', '::', ': :']));
  if (g.chance(0.05)) text = `\t${text}`;
  return text;
}

function phenopacket(g: Gen): string {
  const value = {
    id: g.chance(0.8) ? 'p1' : oddValue(g),
    subject: g.chance(0.7) ? { id: 's1', sex: g.pick(['MALE', 'FEMALE', 3, null]) } : oddValue(g),
    phenotypicFeatures: g.times(g.int(4), () => ({ type: g.chance(0.7) ? { id: g.pick(['HP:0001250', 'HP:12', 'MONDO:0005148', '']), label: 'x' } : oddValue(g) })),
    metaData: g.chance(0.7) ? { created: '2021-01-01T00:00:00Z', createdBy: 'x', phenopacketSchemaVersion: '2.0', resources: g.times(g.int(3), () => ({ namespacePrefix: g.pick(['HP', 'MONDO', 'x', 1]) })) } : oddValue(g),
  };
  return JSON.stringify(value, null, 1);
}

function dataPackage(g: Gen): string {
  return JSON.stringify({
    resources: g.times(g.int(4), () => ({
      path: g.pick(['data.csv', 'table-0.csv', '../outside.csv', ['a.csv', 'b.csv'], 3, null, '/etc/passwd']),
      schema: g.chance(0.5) ? g.pick(['data.schema.json', 'nope.json', 'https://example.invalid/x.json']) : g.chance(0.5) ? { fields: [{ name: 'race', constraints: { enum: ['White'] } }] } : oddValue(g),
    })),
  });
}

/** One folder's worth of files, `count` of them, of mixed kinds. */
export function folder(g: Gen, count: number): FuzzFile[] {
  const files: FuzzFile[] = [];
  if (g.chance(0.5)) files.push({ name: 'cohortlint.yaml', content: policy(g), kind: 'policy' });
  for (let i = 0; i < count; i++) {
    const kind = g.chance(0.02) ? 'huge-field' : g.pick(['csv', 'csv', 'csv', 'tsv', 'garbage', 'binary', 'bom', 'utf16', 'schema', 'schema-yaml', 'phenopacket', 'datapackage']);
    const base = i === 0 ? 'data' : `table-${i}`;
    let content: string | Buffer;
    let name = `${base}.csv`;
    switch (kind) {
      case 'tsv': name = `${base}.tsv`; content = table(g, '\t'); break;
      case 'garbage': content = garbage(g); break;
      case 'binary': content = binary(g); break;
      case 'bom': content = `\uFEFF${table(g, ',')}`; break;
      case 'utf16': content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table(g, ','), 'utf16le')]); break;
      case 'schema': name = `${base}.schema.json`; content = schema(g); break;
      case 'schema-yaml': name = `${base}.schema.yaml`; content = schema(g); break;
      case 'phenopacket': name = `${base}.phenopacket.json`; content = phenopacket(g); break;
      case 'datapackage': name = 'datapackage.json'; content = dataPackage(g); break;
      case 'huge-field': content = `id,note\n1,${'y'.repeat(100_000 + g.int(400_000))}\n2,"${'z\r\n'.repeat(g.int(5000))}"\n`; break;
      default: content = table(g, ',');
    }
    files.push({ name, content, kind });
  }
  return files;
}

/** A document text for the server fuzz: a table or a policy/schema, small enough to lint often. */
export function documentText(g: Gen): { name: string; text: string } {
  const kind = g.pick(['csv', 'csv', 'csv', 'tsv', 'garbage', 'schema', 'policy', 'phenopacket']);
  switch (kind) {
    case 'tsv': return { name: 'doc.tsv', text: table(g, '\t').slice(0, 200_000) };
    case 'garbage': return { name: 'doc.csv', text: garbage(g) };
    case 'schema': return { name: 'doc.schema.json', text: schema(g) };
    case 'policy': return { name: 'cohortlint.yaml', text: policy(g) };
    case 'phenopacket': return { name: 'doc.phenopacket.json', text: phenopacket(g) };
    default: return { name: 'doc.csv', text: table(g, ',').slice(0, 200_000) };
  }
}

/** Text to insert by a random edit: breaks, quotes, delimiters, values. */
export function editText(g: Gen): string {
  return g.times(g.int(6), () => g.pick([...GARBAGE, ...VALUES, '\r\n', '\r', '\n', ',"', '"\r"'])).join('');
}
