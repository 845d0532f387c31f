// Reads one cell of a consent-codes column. The cell format (docs/rules/consent-value-invalid.md):
// one or more codes separated by `;`, `|`, `,` (quote the cell in a CSV) or `+`, with
// optional spaces around the separators; a code is a DUO id (`DUO:0000042`) or its
// shorthand (`GRU`); DS names its disease as `DS-MONDO:0005148`, `DS:MONDO:0005148`, or
// a separate `MONDO:0005148` code in the same row. Values the policy allows
// (`consent.allowed`) are accepted as the whole cell or as one of its codes.
import { duoById, duoByLabel, duoByShorthandIgnoringCase, duoTerm, DS_ID, type DuoTerm } from './duo';

export type TokenKind = 'term' | 'disease' | 'local' | 'unknown' | 'obsolete' | 'class';

export interface CodeToken {
  text: string;
  kind: TokenKind;
  term?: DuoTerm;
  /** A MONDO id: a DS token's own disease, or a disease code on its own. */
  disease?: string;
  /** The text that would make an unknown or obsolete token valid (a near miss). */
  suggestion?: string;
}

export type InvalidReason = 'unknown' | 'obsolete' | 'class';

export type CodesCell =
  | { state: 'valid'; terms: DuoTerm[]; dsDiseases: string[]; looseDiseases: string[]; hasLocal: boolean }
  | { state: 'local' }
  | { state: 'invalid'; reason: InvalidReason; bad: string[]; suggestion?: string };

const SEPARATOR = /\s*[;|,+]\s*/g;
const MONDO = /^MONDO:\d{7}$/;
const DS_WITH_DISEASE = /^DS[-:](MONDO:\d{7})$/;

function pad(digits: string): string {
  return `DUO:${digits.padStart(7, '0')}`;
}

/** What a token should read, when it is one small slip away from a valid code. */
function nearMiss(text: string, join: string): string | undefined {
  const id = /^duo[\s:_-]*0*(\d{1,7})$/i.exec(text);
  if (id) {
    const term = duoById(pad(id[1]));
    if (!term || term.kind === 'class') return undefined;
    return term.replacedBy ? (term.replacedBy.length ? term.replacedBy.join(join) : undefined) : term.id;
  }
  const ds = /^(?:ds|duo[:_]?0*7)[\s:_-]*mondo[\s:_-]*(\d{7})$/i.exec(text);
  if (ds) return /^duo/i.test(text) ? `${DS_ID}${join}MONDO:${ds[1]}` : `DS-MONDO:${ds[1]}`;
  const mondo = /^mondo[\s:_-]*(\d{7})$/i.exec(text);
  if (mondo) return `MONDO:${mondo[1]}`;
  const term = duoByShorthandIgnoringCase(text) ?? duoByLabel(text);
  if (term) {
    if (!term.replacedBy) return term.shorthand ?? term.id;
    return term.replacedBy.length ? term.replacedBy.map((r) => duoById(r)!.shorthand).join(join) : undefined;
  }
  // dbGaP-style "HMB-IRB-NPU" or "HMB NPU": every part a code of its own.
  const parts = text.split(/[\s-]+/).filter(Boolean);
  if (parts.length < 2) return undefined;
  const fixed = parts.map((p) => (duoTerm(p) && !duoTerm(p)!.replacedBy ? p : nearMiss(p, join)));
  return fixed.every((p): p is string => p !== undefined) ? fixed.join(join) : undefined;
}

export function readToken(text: string, allowed: ReadonlySet<string>, join = ';'): CodeToken {
  if (allowed.has(text.toLowerCase())) return { text, kind: 'local' };
  if (MONDO.test(text)) return { text, kind: 'disease', disease: text };
  const ds = DS_WITH_DISEASE.exec(text);
  if (ds) return { text, kind: 'term', term: duoById(DS_ID), disease: ds[1] };
  const term = duoTerm(text);
  if (term?.kind === 'class') return { text, kind: 'class', term };
  if (term?.replacedBy) {
    const style = (id: string) => (text.startsWith('DUO:') ? id : duoById(id)!.shorthand!);
    return { text, kind: 'obsolete', term, suggestion: term.replacedBy.length ? term.replacedBy.map(style).join(join) : undefined };
  }
  if (term) return { text, kind: 'term', term };
  return { text, kind: 'unknown', suggestion: nearMiss(text, join) };
}

/** The codes of a cell with the text between them, so a corrected cell keeps its separators. */
export function splitCodes(value: string): { codes: string[]; separators: string[] } {
  const trimmed = value.trim();
  const codes: string[] = [];
  const separators: string[] = [];
  let at = 0;
  for (const m of trimmed.matchAll(SEPARATOR)) {
    codes.push(trimmed.slice(at, m.index));
    separators.push(m[0]);
    at = m.index! + m[0].length;
  }
  codes.push(trimmed.slice(at));
  return { codes, separators };
}

/** Reads a non-missing codes cell. `allowed` holds the policy's local values, lower-cased. */
export function readCodesCell(value: string, allowed: ReadonlySet<string>): CodesCell {
  if (allowed.has(value.trim().toLowerCase())) return { state: 'local' };
  const { codes, separators } = splitCodes(value);
  const join = separators.find((s) => s.trim() !== ',')?.trim() || ';';
  const tokens = codes.map((code) => (code === '' ? undefined : readToken(code, allowed, join)));
  const present = tokens.filter((t): t is CodeToken => t !== undefined);
  const bad = present.filter((t) => t.kind === 'unknown' || t.kind === 'obsolete' || t.kind === 'class');
  if (bad.length > 0) {
    const reason: InvalidReason = bad.some((t) => t.kind === 'class') ? 'class' : bad.some((t) => t.kind === 'unknown') ? 'unknown' : 'obsolete';
    const fixable = bad.every((t) => t.suggestion !== undefined);
    const suggestion = fixable
      ? codes.map((code, i) => (tokens[i]?.suggestion ?? code) + (separators[i] ?? '')).join('')
      : undefined;
    return { state: 'invalid', reason, bad: bad.map((t) => t.text), suggestion };
  }
  if (present.length > 0 && present.every((t) => t.kind === 'local')) return { state: 'local' };
  const terms: DuoTerm[] = [];
  for (const t of present) if (t.term && !terms.includes(t.term)) terms.push(t.term);
  return {
    state: 'valid',
    terms,
    dsDiseases: present.filter((t) => t.kind === 'term' && t.disease).map((t) => t.disease!),
    looseDiseases: present.filter((t) => t.kind === 'disease').map((t) => t.disease!),
    hasLocal: present.some((t) => t.kind === 'local'),
  };
}
