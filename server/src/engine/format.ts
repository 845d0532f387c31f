// Number formatting shared by messages and hovers, fixed to en-US so output does not
// depend on the machine's locale.
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A share as a percentage with enough decimals to stay informative for small shares. */
export function percent(share: number): string {
  const pct = share * 100;
  if (pct !== 0 && Math.abs(pct) < 1) return `${pct.toPrecision(2)}%`;
  return `${pct.toFixed(1)}%`;
}

export function ratio(r: number): string {
  return r.toFixed(2);
}

export function pValue(p: number): string {
  if (p < 1e-15) return '< 1e-15';
  if (p < 0.001) return p.toExponential(2);
  return p.toFixed(3);
}

export function statistic(x: number): string {
  return x >= 1000 ? x.toFixed(0) : x.toFixed(2);
}

/** "1 row", "2 rows". */
export function rows(n: number): string {
  return `${count(n)} ${n === 1 ? 'row' : 'rows'}`;
}
