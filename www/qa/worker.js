// A QA page worker: one wasm engine, auditing the batches of lines the page
// sends it (../qa/lines.js) off the page's thread. Several run at once, one
// per core. Messages in: `{id, op, ...}`; out: `{id, value}` or `{id, error}`.
//
//   batch    {bytes, first}  → {rows: [[line, cells]], bad: [[line, reason]]}
//   open     {bytes}         → {conversation, audit} | {error} | null (one line again, for the drill-down)
//   columns  {}              → {header, titles}  (the CSV columns; the guide's name of each QA item)
//   tooLong  {length}        → the reason a line that long is refused
import init, { Engine, csvHeader, explain, lineTooLong } from '../gen/pkg/handoff_coach.js';

const engine = init().then(() => new Engine(null));

const OPS = {
  batch: (e, { bytes, first }) => e.auditBatch(new Uint8Array(bytes), first),
  open: (e, { bytes }) => e.openLine(new Uint8Array(bytes)),
  columns: () => {
    const header = csvHeader();
    return { header, titles: Object.fromEntries(header.map((id) => [id, explain(id)?.title ?? null])) };
  },
  tooLong: (_e, { length }) => lineTooLong(length),
};

self.onmessage = async ({ data }) => {
  const { id, op } = data;
  try {
    if (!Object.hasOwn(OPS, op)) throw new Error(`unknown operation: ${op}`);
    self.postMessage({ id, value: OPS[op](await engine, data) });
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};
