// Per-group rates from a confusion matrix, with Fairlearn's definitions
// (fairlearn/metrics/_base_metrics.py and sklearn.metrics, as MetricFrame applies them per
// group): selection rate = P(ŷ=1), TPR = TP/(TP+FN), FPR = FP/(FP+TN), FNR = FN/(TP+FN),
// PPV (precision) = TP/(TP+FP), accuracy = (TP+TN)/n, base rate = P(y=1). Each share
// carries its 95% Wilson interval. One difference: where a denominator is 0 (a group
// with no positives has no TPR), sklearn returns 0 with a warning; here the rate is
// undefined and left out of every gap, so no verdict rests on it.
import { wilsonInterval } from '../stats';

export interface Share {
  count: number;
  of: number;
  /** Undefined when `of` is 0. */
  value?: number;
  low?: number;
  high?: number;
}

export interface Confusion { tp: number; fp: number; tn: number; fn: number }

export interface Rates {
  n: number;
  baseRate: Share;
  selectionRate: Share;
  tpr: Share;
  fpr: Share;
  fnr: Share;
  ppv: Share;
  accuracy: Share;
}

export function share(count: number, of: number): Share {
  if (of <= 0) return { count, of };
  const { low, high } = wilsonInterval(count, of);
  return { count, of, value: count / of, low, high };
}

export function ratesOf(m: Confusion): Rates {
  const n = m.tp + m.fp + m.tn + m.fn;
  return {
    n,
    baseRate: share(m.tp + m.fn, n),
    selectionRate: share(m.tp + m.fp, n),
    tpr: share(m.tp, m.tp + m.fn),
    fpr: share(m.fp, m.fp + m.tn),
    fnr: share(m.fn, m.tp + m.fn),
    ppv: share(m.tp, m.tp + m.fp),
    accuracy: share(m.tp + m.tn, n),
  };
}

export type RateName = Exclude<keyof Rates, 'n'>;

