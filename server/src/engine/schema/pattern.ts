// Table Schema `pattern` constraints, matched in time linear in the cell. JavaScript's
// RegExp backtracks: `(a+)+` against 30 "a" and a "!" took 38 s and doubles with each
// character, and a schema comes with the data, so it is untrusted input. RE2's automaton
// (re2js, a pure JavaScript port: no native build, no download) never backtracks. It has
// no lookaround and no backreferences; neither has the XML Schema regular-expression
// language Table Schema patterns are written in, so a pattern using them is reported
// instead of being run.
import { RE2JS } from 're2js';

export type TablePattern =
  | { ok: true; matches(value: string): boolean }
  | { ok: false; kind: 'invalid' | 'unsupported'; reason: string };

const cache = new Map<string, TablePattern>();
const CACHE_LIMIT = 1000;

function compile(pattern: string): TablePattern {
  try {
    const re = RE2JS.compile(pattern);
    // Table Schema patterns are implicitly anchored: the whole value must match.
    return { ok: true, matches: (value) => re.matches(value) };
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    try {
      new RegExp(pattern);
    } catch (jsError) {
      return { ok: false, kind: 'invalid', reason: (jsError as Error).message.replace(/^Invalid regular expression: /, '') };
    }
    return { ok: false, kind: 'unsupported', reason };
  }
}

/** The compiled pattern (cached: a schema's patterns are compiled once per lint). */
export function tablePattern(pattern: string): TablePattern {
  let compiled = cache.get(pattern);
  if (!compiled) {
    compiled = compile(pattern);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}
