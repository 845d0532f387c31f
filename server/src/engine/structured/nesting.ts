// How deeply a JSON or YAML text nests, measured on the text before any parser sees it.
// Both parsers recurse per level: jsonc-parser overflows the stack near 10,000 levels
// (reading the value, near 3,000), and yaml aborts the whole process (out of memory in a
// regular expression) near 10,000, which no try/catch can survive. A deeper text is
// reported as a positioned parse problem instead; real schemas, packages, phenopackets and
// policies nest a few dozen levels at most.

export const MAX_NESTING = 256;

export interface TooDeep {
  /** Offset of the opening bracket (or the line) that went past the limit. */
  offset: number;
  limit: number;
}

/** JSON with comments: brackets outside strings and comments. */
function jsonTooDeep(text: string, limit: number): TooDeep | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return { offset: i, limit };
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

const QUOTE_CAN_OPEN_AFTER = new Set(['', ':', '-', '?', '[', '{', ',']);

/**
 * YAML: block nesting by indentation (a stack of the indents still open, each `- ` on a
 * line one more level) plus flow nesting by brackets outside quoted scalars and comments.
 * An estimate that can only over-count structure inside plain scalars, which would need
 * hundreds of brackets in them to matter.
 */
function yamlTooDeep(text: string, limit: number): TooDeep | undefined {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text[i] === ' ') i++;
    const blank = i === lineEnd || text[i] === '#' || text[i] === '\r';
    if (!blank && flow === 0) {
      let indent = i - lineStart;
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // `- - - a`: each dash opens a sequence one level deeper on the same line.
      while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        i += 2;
        while (text[i] === ' ') i++;
        indent = i - lineStart;
        indents.push(indent);
      }
      if (indents.length > limit) return { offset: lineStart, limit };
    }
    let previous = '';
    for (; i < lineEnd; i++) {
      const ch = text[i];
      if (ch === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      if ((ch === '"' || ch === "'") && QUOTE_CAN_OPEN_AFTER.has(previous)) {
        // A quoted scalar may run over several lines; skip to its closing quote.
        let j = i + 1;
        for (; j < text.length; j++) {
          if (ch === '"' && text[j] === '\\') j++;
          else if (text[j] === ch) {
            if (ch === "'" && text[j + 1] === "'") j++;
            else break;
          }
        }
        i = j;
        if (i >= lineEnd) {
          lineEnd = text.indexOf('\n', i);
          if (lineEnd === -1) lineEnd = text.length;
        }
        previous = ch;
        continue;
      }
      if (ch === '[' || ch === '{') {
        if (indents.length + ++flow > limit) return { offset: i, limit };
      } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      if (ch !== ' ' && ch !== '\t') previous = ch;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

export function nestingTooDeep(text: string, format: 'json' | 'yaml', limit = MAX_NESTING): TooDeep | undefined {
  return format === 'json' ? jsonTooDeep(text, limit) : yamlTooDeep(text, limit);
}
