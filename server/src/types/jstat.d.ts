// The subset of jStat (no bundled types) that the engine uses.
declare module 'jstat' {
  const jStat: {
    chisquare: { cdf(x: number, df: number): number };
    normal: { inv(p: number, mean: number, sd: number): number };
    gammaln(x: number): number;
  };
  export default jStat;
}
