// The hover on a field's name in a Table Schema (or an inline Data Package schema): its
// type and constraints, and what Cohort Lint reads it as: an ancestry field with its
// vocabulary, or one of a set of per-group yes/no fields read together as one variable.
import { vocabularyForField } from '../ancestry/canonicalLabels';
import type { HoverProvider } from '../hover';
import { schemaAncestry, schemasIn } from '../rules/schema/schemasInDocument';
import type { Position, Range } from '../types';
import { markdownCell as cell } from '../markdown';

function inside(range: Range, p: Position): boolean {
  if (p.line < range.start.line || p.line > range.end.line) return false;
  if (p.line === range.start.line && p.character < range.start.character) return false;
  return !(p.line === range.end.line && p.character > range.end.character);
}

export const schemaFieldHover: HoverProvider = (analysis, position) => {
  if (analysis.kind !== 'tableSchema' && analysis.kind !== 'dataPackage') return undefined;
  for (const schema of schemasIn(analysis)) {
    const field = schema.fields.find((f) => inside(analysis.doc.locate([...f.path, 'name'], 'value'), position));
    if (!field) continue;
    const lines = [`**Cohort Lint: field "${cell(field.name)}"**`, ''];
    const type = typeof field.value.type === 'string' ? field.value.type : 'string (the default)';
    const constraints = field.value.constraints && typeof field.value.constraints === 'object' ? Object.keys(field.value.constraints as object) : [];
    lines.push(`Type ${cell(type)}; ${constraints.length > 0 ? `constraints: ${constraints.map(cell).join(', ')}` : 'no constraints'}.`);
    const ancestry = schemaAncestry(schema, analysis.policy);
    const member = ancestry.indicators?.members.find((m) => m.index === field.index);
    if (member && ancestry.indicators) {
      const { members, vocabulary } = ancestry.indicators;
      lines.push('', `One of ${members.length} per-group yes/no fields read together as one ancestry variable (${vocabulary.name}); a row's group is the field marked yes, "Two or more races" when several are:`, '');
      lines.push('| field | group |', '|---|---|');
      for (const m of members) lines.push(`| ${cell(m.name)}${m.index === field.index ? ' ◀' : ''} | ${cell(m.group)} |`);
    } else if (ancestry.fields.some((f) => f.index === field.index)) {
      const enumValues = (field.value.constraints as { enum?: unknown } | undefined)?.enum;
      const vocabulary = vocabularyForField(field.name, Array.isArray(enumValues) ? enumValues : undefined);
      lines.push('', `An ancestry field: its values are read in the ${vocabulary.name}${Array.isArray(enumValues) ? ` (its enum lists ${enumValues.length} values)` : ' (no enum constrains them)'}.`);
    }
    return lines.join('\n');
  }
  return undefined;
};
