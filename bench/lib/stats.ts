/** Percentile by linear interpolation between closest ranks (the same as numpy's default). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export interface Summary {
  count: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): Summary {
  const mean = values.reduce((sum, v) => sum + v, 0) / (values.length || 1);
  return {
    count: values.length,
    min: values.length ? Math.min(...values) : Number.NaN,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : Number.NaN,
    mean: values.length ? mean : Number.NaN,
  };
}

/** Rounds every number in a summary to `digits` decimals, for JSON output. */
export function rounded<T extends object>(summary: T, digits = 2): T {
  const factor = 10 ** digits;
  return Object.fromEntries(
    Object.entries(summary).map(([k, v]) => [
      k,
      typeof v === 'number' ? Math.round(v * factor) / factor : v,
    ]),
  ) as T;
}

/**
 * The median of `combine(a[i], b[i])` over samples measured in pairs (the same round, back to
 * back), e.g. ours ÷ bare: less sensitive to background load that drifts between rounds.
 */
export function pairedMedian(
  a: readonly number[],
  b: readonly number[],
  combine: (a: number, b: number) => number,
): number {
  if (a.length !== b.length) throw new Error(`unpaired samples: ${a.length} and ${b.length}`);
  return percentile(
    a.map((value, i) => combine(value, b[i])),
    50,
  );
}
