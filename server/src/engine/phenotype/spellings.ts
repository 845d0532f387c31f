// Categories written several ways in one column: `Yes`/`yes`/`YES`, and for sex and
// yes/no columns the same answer in different styles (`M` and `male`, `Y` and `yes`).
// Digit codes (`1`/`2` for sex, ISO/IEC 5218; `1`/`0` for yes/no) are a style too, and
// count towards "mixed", but their meaning is a convention the data does not state, so
// they are never rewritten and never the target of a rewrite.
import { headerWords } from './identifiers';

export type Style = 'letter' | 'word' | 'digit' | 'as written';

interface Family {
  /** Normalised spelling → [canonical answer, style]. */
  members: Record<string, [string, Style]>;
  /** Spelling per canonical answer and style, lower case, for a style the column lacks. */
  defaults: Record<string, Partial<Record<Style, string>>>;
}

const SEX: Family = {
  members: { m: ['male', 'letter'], male: ['male', 'word'], man: ['male', 'word'], '1': ['male', 'digit'], f: ['female', 'letter'], female: ['female', 'word'], woman: ['female', 'word'], '2': ['female', 'digit'] },
  defaults: { male: { letter: 'm', word: 'male' }, female: { letter: 'f', word: 'female' } },
};
const YES_NO: Family = {
  members: { y: ['yes', 'letter'], yes: ['yes', 'word'], true: ['yes', 'word'], '1': ['yes', 'digit'], n: ['no', 'letter'], no: ['no', 'word'], false: ['no', 'word'], '0': ['no', 'digit'] },
  defaults: { yes: { letter: 'y', word: 'yes' }, no: { letter: 'n', word: 'no' } },
};
/** Share of a column's values a yes/no reading must cover (other answers make it a category of its own). */
const YES_NO_COVERAGE = 0.9;

export interface Spelling {
  text: string;
  count: number;
  canonical: string;
  style: Style;
}

export interface SpellingMix {
  family?: 'sex' | 'yes/no';
  /** Spellings grouped by the answer they write, most frequent first. */
  answers: { canonical: string; spellings: Spelling[] }[];
  styles: Style[];
  /** Value as written → the dominant spelling it would be rewritten to. */
  rewrites: Record<string, string>;
}

function normal(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

function cased(text: string, like: string): string {
  if (like === like.toUpperCase()) return text.toUpperCase();
  if (like[0] === like[0].toUpperCase()) return text[0].toUpperCase() + text.slice(1);
  return text;
}

function familyFor(header: string, values: [string, number][]): [Family, 'sex' | 'yes/no'] | undefined {
  const words = headerWords(header);
  if (words.includes('sex') || words.includes('gender')) return [SEX, 'sex'];
  const total = values.reduce((n, [, c]) => n + c, 0);
  const covered = values.filter(([v]) => normal(v) in YES_NO.members).reduce((n, [, c]) => n + c, 0);
  const spelledOut = values.some(([v]) => (YES_NO.members[normal(v)]?.[1] ?? 'digit') !== 'digit');
  return total > 0 && covered >= YES_NO_COVERAGE * total && spelledOut ? [YES_NO, 'yes/no'] : undefined;
}

/** The column's spelling mix, or undefined when every answer is written one way in one style. */
export function spellingMix(header: string, values: [string, number][]): SpellingMix | undefined {
  const found = familyFor(header, values);
  const family = found?.[0];
  const byAnswer = new Map<string, Spelling[]>();
  for (const [text, n] of values) {
    const key = normal(text);
    const member = family?.members[key];
    const spelling: Spelling = member ? { text, count: n, canonical: member[0], style: member[1] } : { text, count: n, canonical: key, style: 'as written' };
    const list = byAnswer.get(spelling.canonical) ?? [];
    list.push(spelling);
    byAnswer.set(spelling.canonical, list);
  }
  const answers = [...byAnswer].map(([canonical, spellings]) => ({ canonical, spellings: spellings.sort((a, b) => b.count - a.count) }));
  const familyStyles = new Map<Style, number>();
  for (const a of answers) for (const s of a.spellings) if (s.style !== 'as written') familyStyles.set(s.style, (familyStyles.get(s.style) ?? 0) + s.count);
  const mixed = familyStyles.size >= 2 || answers.some((a) => a.spellings.length >= 2);
  if (!mixed) return undefined;

  // Target style: the commonest style that is not digits, spelled as the column spells it.
  const target = [...familyStyles].filter(([style]) => style !== 'digit').sort((a, b) => b[1] - a[1])[0]?.[0];
  const like = answers.flatMap((a) => a.spellings).filter((sp) => sp.style === target).sort((a, b) => b.count - a.count)[0]?.text;
  const rewrites: Record<string, string> = {};
  for (const a of answers) {
    const writable = a.spellings.filter((sp) => sp.style !== 'digit');
    if (writable.length === 0) continue;
    const member = writable[0].style !== 'as written';
    const fallback = target && like ? family?.defaults[a.canonical]?.[target] : undefined;
    const chosen = member ? writable.find((sp) => sp.style === target)?.text ?? (fallback && cased(fallback, like!)) : writable[0].text;
    if (!chosen) continue;
    for (const sp of writable) if (sp.text !== chosen) rewrites[sp.text] = chosen;
  }
  const total = (a: { spellings: Spelling[] }) => a.spellings.reduce((n, sp) => n + sp.count, 0);
  answers.sort((a, b) => total(b) - total(a));
  return { family: found?.[1], answers, styles: [...familyStyles.keys()], rewrites };
}
