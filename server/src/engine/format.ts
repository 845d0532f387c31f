// Number formatting shared by messages and hovers, fixed to en-US so output does not
// depend on the machine's locale.
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

// Shares, ratios, p-values and statistics are printed to 3 significant figures
// (significant, below): "18.7%", "0.644%", "ratio 0.0088", "p = 0.00128", "χ² = 812".

/** A share as a percentage to 3 significant figures: "18.7%", "2.05%", "0.644%", "100%". */
export function percent(share: number): string {
  return `${significant(share * 100)}%`;
}

export function ratio(r: number): string {
  return significant(r);
}

/** A p-value to 3 significant figures; below 1e-15 (double precision's floor here) as a bound. */
export function pValue(p: number): string {
  if (p < 1e-15) return '< 1e-15';
  return significant(p);
}

export function statistic(x: number): string {
  return significant(x);
}

/** "1 row", "2 rows". */
export function rows(n: number): string {
  return `${count(n)} ${n === 1 ? 'row' : 'rows'}`;
}

/**
 * A number to 3 significant figures, without exponent down to 1e-4 and with thousands
 * separators from 1,000: "0.00128", "0.0088", "27.1", "1,094", "2.46e-8".
 */
export function significant(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const rounded = Number(x.toPrecision(digits));
  const abs = Math.abs(rounded);
  if (abs >= 10 ** digits) return Math.round(x).toLocaleString('en-US');
  if (abs < 1e-4) return rounded.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  // Enough decimals for `digits` significant figures, trailing zeros dropped.
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return rounded.toFixed(Math.min(decimals, 20)).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}
