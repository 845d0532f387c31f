// The part of an ancestry column's hover that shows how it was read: each raw label with
// its rows, the group it counts in and the coding it was recognised in; the groups its
// coding cannot express or may count in "Other"; and, for one variable in two columns, which one carries the
// findings and whether the two agree.
import { count } from '../format';
import { isShownLabel, labelText } from '../privacy/shownLabel';
import { lostRows, type ConceptPairState } from '../rules/ancestryConceptUnmapped';
import type { AncestryAssessment } from './assess';
import { catchAllBound } from './catchAll';
import type { LabelReading } from './labelReading';
import { markdownLiteral as cell } from '../markdown';

/** Rows of the mapping table; past this, one line says how many more labels there are. */
const MAX_LABEL_ROWS = 30;

function readAs(r: LabelReading): string {
  switch (r.kind) {
    case 'canonical': return `${r.coding?.name ?? 'vocabulary'} label`;
    case 'synonym': return `synonym (${r.coding?.name ?? 'vocabulary'})`;
    case 'subgroup': return `code or subgroup, rolled up (${r.coding?.name ?? 'vocabulary'})`;
    case 'policy': return 'policy (ancestry.labels)';
    case 'unmapped': return '**not mapped**: counted in no group';
  }
}

export interface ReportedElsewhere {
  /** The column of the same variable (concept id / source value, code / label) that carries the findings. */
  paired?: AncestryAssessment;
  /** A column that groups the rows identically (1000 Genomes pop and super_pop). */
  same?: AncestryAssessment;
  /** The label column of this code column, and the rows whose empty code was read from it. */
  label?: { column: string; rows: number };
}

export function mappingSection(a: AncestryAssessment, elsewhere: ReportedElsewhere, pairs: ConceptPairState | undefined): string[] {
  // With a repeating participant id, labels are counted in participants, as the groups are.
  const unit = a.unit?.noun ?? 'rows';
  const lines: string[] = ['', '**How each label was read**', '', `| raw label | ${unit} | counts in | read as |`, '|---|---:|---|---|'];
  for (const r of a.readings.slice(0, MAX_LABEL_ROWS)) {
    const group = r.group === undefined ? '—' : r.countedIn ? `${cell(r.countedIn)} (as ${cell(r.group)})` : cell(r.group);
    const raw = isShownLabel(r.value, r.kind !== 'unmapped') ? JSON.stringify(r.value) : labelText(r.value);
    lines.push(`| ${cell(raw)} | ${count(r.rows)} | ${group} | ${readAs(r)} |`);
  }
  for (const [marker, n] of a.missingByMarker) lines.push(`| ${cell(marker === '(empty)' ? '(empty)' : JSON.stringify(marker))} | ${count(n)}${a.unit ? ' rows' : ''} | — | missing (not a group) |`);
  if (a.readings.length > MAX_LABEL_ROWS) lines.push('', `… and ${count(a.readings.length - MAX_LABEL_ROWS)} more labels.`);
  if (a.notCollected.length > 0) {
    lines.push('', `Not collected by this coding (no code for it, so not called absent): ${a.notCollected.map((n) => `${cell(n.group)} (${cell(n.coding)})`).join(', ')}.`);
  }
  const unlabelled = a.groups.flatMap((g) => { const bound = catchAllBound(a, g); return bound ? [{ group: g.group, bound }] : []; });
  if (unlabelled.length > 0) {
    const { bound } = unlabelled[0];
    lines.push('', `No label for ${unlabelled.map((u) => cell(u.group)).join(', ')}: they may be counted in ${cell(bound.group)} (${count(bound.count)} ${unit}), so none is called absent.`);
  }
  if (!a.vocabulary && a.readings.length > 0) lines.push('', 'No vocabulary recognises these labels: the column is profiled here, not checked group by group.');
  if (elsewhere.label) {
    const { column, rows } = elsewhere.label;
    lines.push('', `Read with its label column "${cell(column)}" as one attribute: ${count(rows)} ${rows === 1 ? 'row has' : 'rows have'} no value here, so ${rows === 1 ? 'its' : 'their'} label from "${cell(column)}" is read (in the table above); a row is missing only when both are empty.`);
  }
  if (elsewhere.paired) {
    lines.push('', `Same variable as column "${cell(elsewhere.paired.column)}", which places more rows in a group: the representation findings are reported there.`);
  } else if (elsewhere.same) {
    lines.push('', `Groups the rows exactly as column "${cell(elsewhere.same.column)}" does: the representation findings are reported there.`);
  }
  const pair = pairs?.pairs.find((p) => p.concept === a.columnIndex || p.source === a.columnIndex);
  if (pair) {
    const disagree = [...pair.disagree.values()].reduce((x, y) => x + y, 0);
    const lost = lostRows(pair);
    const examples = [...pair.disagree].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([k, n]) => `${cell(k)}: ${count(n)}`).join(', ');
    lines.push(
      '',
      `Concept id and source value: agree on ${count(pair.agree)} rows where both name a group` +
        (disagree > 0 ? `, disagree on ${count(disagree)} (${examples})` : ', disagree on none') +
        (lost > 0 ? `; ${count(lost)} rows have concept 0 but a source value naming a group (ancestry-concept-unmapped)` : '') + '.',
    );
  }
  return lines;
}
