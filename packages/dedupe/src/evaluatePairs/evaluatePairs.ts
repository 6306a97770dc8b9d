/** Pairwise precision, recall and F1. */
export interface PairMetrics {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function metrics(tp: number, predicted: number, actual: number): PairMetrics {
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = actual === 0 ? 1 : tp / actual;
  return {
    truePositives: tp,
    falsePositives: predicted - tp,
    falseNegatives: actual - tp,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

function key(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Compares predicted pairs with true pairs (order inside a pair does not matter).
 * @param predicted - predicted matching pairs of ids
 * @param truth - true matching pairs of ids
 * @returns precision, recall and F1
 * @example
 * evaluatePairs([["1", "2"], ["3", "4"]], [["2", "1"]]).precision //=> 0.5
 */
export function evaluatePairs(predicted: Iterable<readonly [unknown, unknown]>, truth: Iterable<readonly [unknown, unknown]>): PairMetrics {
  const truthSet = new Set<string>();
  for (const [a, b] of truth) if (String(a) !== String(b)) truthSet.add(key(String(a), String(b)));
  const seen = new Set<string>();
  let tp = 0;
  for (const [a, b] of predicted) {
    if (String(a) === String(b)) continue;
    const k = key(String(a), String(b));
    if (seen.has(k)) continue;
    seen.add(k);
    if (truthSet.has(k)) tp++;
  }
  return metrics(tp, seen.size, truthSet.size);
}

/**
 * Pairwise precision, recall and F1 of a clustering against true entities: every two records in one
 * predicted cluster form a predicted pair, every two records of one entity a true pair.
 * @param predicted - cluster id of each record id
 * @param truth - entity id of each record id
 * @returns precision, recall and F1
 * @example
 * evaluateClusters(new Map([["1", "a"], ["2", "a"], ["3", "b"]]), new Map([["1", "x"], ["2", "x"], ["3", "x"]])).recall //=> 1/3
 */
export function evaluateClusters(predicted: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>): PairMetrics {
  const pairs = (n: number): number => (n * (n - 1)) / 2;
  const size = (m: Iterable<string>): Map<string, number> => {
    const out = new Map<string, number>();
    for (const v of m) out.set(v, (out.get(v) ?? 0) + 1);
    return out;
  };
  const both = new Map<string, number>();
  for (const [id, c] of predicted) {
    const t = truth.get(id);
    if (t === undefined) continue;
    const k = `${c}\u0000${t}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let tp = 0;
  for (const n of both.values()) tp += pairs(n);
  let pred = 0;
  for (const n of size([...predicted.entries()].filter(([id]) => truth.has(id)).map(([, c]) => c)).values()) pred += pairs(n);
  let actual = 0;
  for (const n of size(truth.values()).values()) actual += pairs(n);
  return metrics(tp, pred, actual);
}
