// The plain value of a parsed YAML document, with alias expansion bounded. yaml counts
// each alias times what it expands to (`maxAliasCount`, 100 by default, which a policy
// reusing one anchor 101 times already exceeds); the bound here is far above any real
// file yet stops "billion laughs" documents. An alias that cannot be expanded is a
// positioned problem, not an exception.
import { isAlias, visit, type Alias, type Document } from 'yaml';
import type { LineIndex } from '../table/lineIndex';
import type { ParseProblem } from './structuredDocument';

export const MAX_ALIAS_EXPANSION = 10_000;

function aliases(doc: Document): Alias[] {
  const found: Alias[] = [];
  visit(doc, { Alias: (_key, node) => { found.push(node); } });
  return found;
}

/** Where to put the problem: the first unresolved alias, else the first use of the most used anchor. */
function culprit(doc: Document): Alias | undefined {
  const all = aliases(doc);
  const unresolved = all.find((a) => a.resolve(doc) === undefined);
  if (unresolved) return unresolved;
  const uses = new Map<string, number>();
  for (const a of all) uses.set(a.source, (uses.get(a.source) ?? 0) + 1);
  let best: Alias | undefined;
  for (const a of all) if (!best || uses.get(a.source)! > uses.get(best.source)!) best = a;
  return best;
}

export function yamlValue(doc: Document, lines: LineIndex): { value: unknown; problem?: ParseProblem } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }) ?? undefined };
  } catch (error) {
    const alias = culprit(doc);
    const range = alias?.range ? lines.range(alias.range[0], alias.range[1]) : lines.range(0, Math.min(1, lines.lineEnd(0)));
    const unresolved = alias !== undefined && isAlias(alias) && alias.resolve(doc) === undefined;
    const message = unresolved
      ? `YAML alias "*${alias.source}" has no anchor "&${alias.source}" before it`
      : /alias/i.test(error instanceof Error ? error.message : '')
        ? `YAML aliases expand to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} nodes, which Cohort Lint does not read (a resource exhaustion guard); write the repeated part out or use fewer aliases`
        : 'YAML document could not be read into values';
    return { value: undefined, problem: { range, message } };
  }
}
