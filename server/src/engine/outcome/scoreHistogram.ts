// Score counts per distinct value, in bounded memory. Deciles need the whole score
// distribution, and a streamed file cannot be read twice, so every group keeps a histogram
// of its scores: exact while all groups together hold at most MAX_CELLS distinct (group,
// score) cells, which covers integer scores (COMPAS's 1-10 deciles) and any table an
// editor holds. Past that, every score is rounded to fewer significant digits (6, then
// 5, ... down to 2) and equal keys merge, so decile edges are exact to that rounding; the
// precision used is reported with the figures.

export const MAX_CELLS = 50_000;

/** n rows and how many of them have a positive label, per score value. */
export type ScoreCounts = Map<number, [number, number]>;

export class ScoreHistograms {
  /** Significant digits scores are rounded to; undefined while exact. */
  precision: number | undefined;
  private cells = 0;
  private readonly all: ScoreCounts[] = [];

  create(): ScoreCounts {
    const counts: ScoreCounts = new Map();
    this.all.push(counts);
    return counts;
  }

  add(counts: ScoreCounts, score: number, positive: boolean): void {
    const key = this.precision === undefined ? score : round(score, this.precision);
    const cell = counts.get(key);
    if (cell) { cell[0]++; if (positive) cell[1]++; return; }
    counts.set(key, [1, positive ? 1 : 0]);
    if (++this.cells > MAX_CELLS) this.coarsen();
  }

  private coarsen(): void {
    while (this.cells > MAX_CELLS && (this.precision ?? 7) > 2) {
      this.precision = (this.precision ?? 7) - 1;
      this.cells = 0;
      for (const counts of this.all) {
        const merged: ScoreCounts = new Map();
        for (const [score, [n, positives]] of counts) {
          const key = round(score, this.precision);
          const cell = merged.get(key);
          if (cell) { cell[0] += n; cell[1] += positives; } else merged.set(key, [n, positives]);
        }
        counts.clear();
        for (const [k, v] of merged) counts.set(k, v);
        this.cells += counts.size;
      }
    }
  }
}

function round(x: number, digits: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}
