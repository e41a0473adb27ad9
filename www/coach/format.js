// How scores and audit numbers read on screen, the same in the reply panel,
// the QA overlay and on the QA page. Labels are UI words; the values are
// always the engine's.

/** The metrics (CONTRACT §2) in the engine's order: name, label, how a value reads. */
export const METRICS = [
  ['time_to_first_response_s', 'Time to first response', (v) => formatSeconds(v)],
  ['context_utilization', 'Context utilization', (v) => `${Math.round(v * 100)}%`],
  ['repeat_questions', 'Repeat questions', String],
  ['customer_repeated', 'Customer had to repeat', (v) => (v ? 'yes' : 'no')],
];

/** "42 s", "1 min 18.5 s", "8 h 17 min". */
export function formatSeconds(s) {
  if (s < 60) return `${+s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${+(s - m * 60).toFixed(1)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A score as a percentage and its grade (good ≥ 80 %, fair ≥ 50 %, else poor), as the reply panel grades. */
export function scoreLabel(score) {
  if (score === null || score === undefined) return { text: 'n/a', grade: '' };
  const pct = Math.round(score * 100);
  return { text: `${pct}%`, grade: pct >= 80 ? 'good' : pct >= 50 ? 'fair' : 'poor' };
}
