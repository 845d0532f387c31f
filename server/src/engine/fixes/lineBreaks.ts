// Line-break helpers for fixes that move rows between files.

/** Length of the line break starting at `offset` (0 when there is none). */
export function breakAt(text: string, offset: number): number {
  if (text.startsWith('\r\n', offset)) return 2;
  return text[offset] === '\n' || text[offset] === '\r' ? 1 : 0;
}

/** Length of the line break ending at `offset` (0 when there is none). */
export function breakBefore(text: string, offset: number): number {
  if (offset >= 2 && text.startsWith('\r\n', offset - 2)) return 2;
  return offset >= 1 && (text[offset - 1] === '\n' || text[offset - 1] === '\r') ? 1 : 0;
}

/** The file's line break: the one after its first line, else `fallback`. */
export function lineBreakOf(text: string, fallback = '\n'): string {
  const nl = text.indexOf('\n');
  if (nl < 0) return fallback;
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}
