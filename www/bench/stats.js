// Percentiles of a list of latencies, shared by the benchmark page and
// scripts/bench-browser.mjs (plain ES module: it runs in both).

/** The q-quantile (0..1) of sorted numbers, nearest-rank; null for none. */
export function quantile(sorted, q) {
  if (!sorted.length) return null;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** {n, p50, p95, max, mean} in the samples' unit, rounded to 0.01. */
export function summarize(samples) {
  const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
  const round = (x) => (x == null ? null : Math.round(x * 100) / 100);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null;
  return {
    n: sorted.length,
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    max: round(sorted.at(-1) ?? null),
    mean: round(mean),
  };
}
