// Spans over the reply text (`{start, end, severity}`, UTF-16 offsets): how
// they are carried over an edit before the engine's next answer, and when two
// lists of them are the same, so that the painters keep what they drew.

/** `spans` carried over an edit (see diff.js): moved when after it, dropped when touched by it. */
export function carrySpans(spans, region) {
  const delta = region.newEnd - region.oldEnd;
  const out = [];
  for (const span of spans) {
    if (span.end < region.start) out.push(span);
    else if (span.start > region.oldEnd) out.push({ ...span, start: span.start + delta, end: span.end + delta });
  }
  return out;
}

/** Whether two lists of spans cover the same offsets with the same severities. */
export function sameSpans(a, b) {
  return a.length === b.length
    && a.every((s, i) => s.start === b[i].start && s.end === b[i].end && s.severity === b[i].severity);
}
