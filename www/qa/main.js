// The QA page: audits an exported audit file in the browser, as
// `handoff-coach audit` does, and shows it as a sortable table, charts,
// the skipped lines with their reasons, and a drill-down into each
// conversation with its findings marked where they are.
//
// The file is streamed in batches of whole lines (./lines.js) to a pool of
// workers (./worker.js, one engine each, one per core), so a large file
// neither fills memory nor freezes the page; results come back as the CLI's
// CSV cells (`auditBatch`), which the table, the charts and the download all
// read. Everything is built with textContent. Nothing leaves the browser.
//
// For tests and measurement the page exposes `window.qaPage`:
// { ready (the workers' engines loaded), audit(file) → the run's summary }.
import { h as el } from '../coach/dom.js';
import { METRICS, formatSeconds, scoreLabel } from '../coach/format.js';
import { csvText, saveFile } from '../coach/qa/files.js';
import { bars, columns } from './charts.js';
import { batches } from './lines.js';

const $ = (id) => document.getElementById(id);
const WORKERS = Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2));
const IN_FLIGHT_PER_WORKER = 2;

/** Workers, each with its engine, and calls to whichever is least busy. */
class Pool {
  constructor(size) {
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
      const entry = { w, busy: 0 };
      w.onmessage = ({ data }) => {
        const call = this.calls.get(data.id);
        if (!call) return;
        this.calls.delete(data.id);
        entry.busy--;
        if ('error' in data) call.reject(new Error(data.error));
        else call.resolve(data.value);
      };
      w.onerror = (e) => {
        for (const call of this.calls.values()) call.reject(new Error(e.message || 'a worker failed'));
        this.calls.clear();
      };
      return entry;
    });
    this.calls = new Map();
    this.seq = 0;
  }

  get busy() {
    return this.workers.reduce((n, w) => n + w.busy, 0);
  }

  call(op, data = {}, transfer = []) {
    const entry = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = ++this.seq;
    entry.busy++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      entry.w.postMessage({ id, op, ...data }, transfer);
    });
  }
}

const pool = new Pool(WORKERS);
const ready = pool.call('columns');
let columnsInfo = null; // {header, titles}
let run = null; // the current run: {file, records, bad, ...}
let generation = 0;

ready.then((info) => {
  columnsInfo = info;
  $('qa-engine').dataset.state = 'running';
  $('qa-engine').textContent = `engine: ready (${WORKERS} workers)`;
}, (err) => {
  $('qa-engine').dataset.state = 'error';
  $('qa-engine').textContent = `engine: did not start (${err.message})`;
});

// ---- reading and auditing ----

/** The value a CSV cell stands for: '' is null, 'true'/'false' booleans, else a number. */
function cellValue(cell) {
  if (cell === '') return null;
  if (cell === 'true') return true;
  if (cell === 'false') return false;
  return Number(cell);
}

async function audit(file) {
  const mine = ++generation;
  const started = performance.now();
  await ready;
  const { header } = columnsInfo;
  run = { file, header, records: [], bad: [], done: false };
  showProgress(0, 'Reading…');
  $('qa-results').hidden = true;
  const pending = new Set();
  let audited = 0;
  const track = (promise) => {
    pending.add(promise);
    promise.finally(() => pending.delete(promise));
  };
  for await (const batch of batches(file)) {
    if (mine !== generation) return null;
    if (batch.tooLong) {
      const { line, length } = batch.tooLong;
      track(pool.call('tooLong', { length }).then((text) => run.bad.push([line, text])));
      continue;
    }
    const { bytes, first, offset, starts } = batch;
    const end = offset + bytes.length;
    track(pool.call('batch', { bytes: bytes.buffer, first }, [bytes.buffer]).then((out) => {
      if (mine !== generation) return;
      for (const [line, cells] of out.rows) {
        const i = line - first;
        const from = offset + starts[i];
        const to = i + 1 < starts.length ? offset + starts[i + 1] - 1 : end;
        run.records.push({ line, cells, values: cells.map(cellValue), from, to });
      }
      run.bad.push(...out.bad);
      audited = Math.max(audited, end);
      showProgress(audited / (file.size || 1), `${run.records.length.toLocaleString()} conversations audited…`);
    }));
    // Backpressure: read on only while every worker has work queued.
    while (pool.busy >= WORKERS * IN_FLIGHT_PER_WORKER) await Promise.race(pending);
  }
  await Promise.all(pending);
  if (mine !== generation) return null;
  run.records.sort((a, b) => a.line - b.line);
  run.bad.sort((a, b) => a[0] - b[0]);
  run.done = true;
  const auditEnd = performance.now();
  render(run);
  const ms = performance.now() - started;
  const summary = summaryLine(file.name, run.records.length, run.bad.length);
  $('qa-done').textContent = `${summary} in ${(ms / 1000).toFixed(2)} s.`;
  $('qa-done').dataset.hcElapsedMs = String(Math.round(ms));
  showProgress(1, summary);
  return { audited: run.records.length, bad: run.bad.length, ms, auditMs: auditEnd - started };
}

/** The command line's closing words for a run. */
function summaryLine(name, audited, skipped) {
  const s = (n) => (n === 1 ? '' : 's');
  return skipped
    ? `${name}: ${audited} conversation${s(audited)} audited, ${skipped} bad line${s(skipped)} skipped`
    : `${name}: ${audited} conversation${s(audited)} audited`;
}

function showProgress(share, text) {
  document.querySelector('.qa-progress').hidden = false;
  $('qa-progress').value = share;
  $('qa-progress-text').textContent = text;
}

// ---- what the page shows ----

const column = (name) => run.header.indexOf(name);
const qaColumns = () => run.header.filter((h) => h.startsWith('qa.'));

function render(r) {
  $('qa-results').hidden = false;
  renderSummary(r);
  renderCharts(r);
  renderBad(r);
  renderTable(r);
}

function median(values) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function renderSummary(r) {
  const scores = r.records.map((x) => x.values[1]).filter((v) => v !== null);
  const ttfr = r.records.map((x) => x.values[column('time_to_first_response_s')]).filter((v) => v !== null);
  $('qa-count').textContent = r.records.length.toLocaleString();
  $('qa-mean').textContent = scores.length ? scoreLabel(scores.reduce((a, b) => a + b, 0) / scores.length).text : '–';
  const med = median(ttfr);
  $('qa-ttfr').textContent = med === null ? '–' : formatSeconds(med);
  $('qa-bad-count').textContent = String(r.bad.length);
}

const TTFR_BINS = [
  ['< 30 s', 30, 'good'], ['30–60 s', 60, 'good'], ['1–2 min', 120, 'fair'], ['2–5 min', 300, 'fair'],
  ['5–15 min', 900, 'poor'], ['15–60 min', 3600, 'poor'], ['> 1 h', Infinity, 'poor'],
];

function renderCharts(r) {
  const scoreBins = Array.from({ length: 10 }, (_, i) => ({
    label: `${i * 10}${i === 9 ? '–100' : ''}`, count: 0, kind: i >= 8 ? 'good' : i >= 5 ? 'fair' : 'poor',
  }));
  let none = 0;
  for (const x of r.records) {
    const s = x.values[1];
    if (s === null) none++;
    else scoreBins[Math.min(9, Math.floor(s * 10))].count++;
  }
  scoreBins.push({ label: 'n/a', count: none, kind: 'none' });
  $('qa-chart-scores').replaceChildren(columns('Conversations per QA score (%)', scoreBins));

  const items = qaColumns().map((id) => {
    const i = column(id);
    const judged = r.records.map((x) => x.values[i]).filter((v) => v !== null);
    const passed = judged.filter(Boolean).length;
    return { label: columnsInfo.titles[id] ?? id, share: judged.length ? passed / judged.length : null, note: `(${passed} of ${judged.length})` };
  });
  $('qa-chart-items').replaceChildren(bars('Share of conversations passing each QA item', items));

  const t = column('time_to_first_response_s');
  const ttfr = TTFR_BINS.map(([label, , kind]) => ({ label, count: 0, kind }));
  for (const x of r.records) {
    const v = x.values[t];
    if (v !== null) ttfr[TTFR_BINS.findIndex(([, upTo]) => v < upTo)].count++;
  }
  $('qa-chart-ttfr').replaceChildren(columns('Conversations per time to first response', ttfr));
}

function renderBad(r) {
  $('qa-bad').hidden = r.bad.length === 0;
  $('qa-bad-lines').replaceChildren(...r.bad.map(([line, text]) =>
    el('li', { 'data-hc-bad-line': line }, el('strong', {}, `line ${line}`), `: ${text}`)));
}

// The table: one row per conversation; sorting moves the rows, never rebuilds them.
let sortState = { index: -1, dir: 1 };

function headerLabel(name) {
  if (name === 'id') return 'Conversation';
  if (name === 'score') return 'QA score';
  const metric = METRICS.find(([m]) => m === name);
  if (metric) return metric[1];
  return name.replace(/^qa\./, '').replace(/-/g, ' ');
}

function cellView(name, value, cell) {
  if (name === 'id') return el('td', {}, el('button', { type: 'button', class: 'qa-open', 'data-open': '' }, cell));
  if (name === 'score') {
    const { text, grade } = scoreLabel(value);
    return el('td', { class: 'num' }, el('span', { class: `qa-score ${grade}` }, text));
  }
  if (name.startsWith('qa.')) {
    return el('td', { class: 'qa-cell', 'data-hc-qa': name, 'data-hc-ok': value === null ? null : String(value) },
      value === null ? '–' : value ? '✓' : '✗');
  }
  const metric = METRICS.find(([m]) => m === name);
  return el('td', { class: 'num' }, value === null ? '—' : metric ? metric[2](value) : cell);
}

function renderTable(r) {
  const head = el('tr', {}, r.header.map((name, i) => el('th', {
    scope: 'col', title: columnsInfo.titles[name] ?? null, 'aria-sort': 'none',
  }, el('button', { type: 'button', onclick: () => sortBy(i) }, headerLabel(name)))));
  $('qa-table').tHead.replaceChildren(head);
  const body = $('qa-table').tBodies[0];
  const rows = r.records.map((rec) => {
    const tr = el('tr', { 'data-hc-conversation': rec.cells[0], 'data-hc-score': rec.cells[1] || null, 'data-line': rec.line },
      r.header.map((name, i) => cellView(name, rec.values[i], rec.cells[i])));
    rec.tr = tr;
    return tr;
  });
  body.replaceChildren(...rows);
  sortState = { index: -1, dir: 1 };
}

function sortBy(index) {
  const dir = sortState.index === index ? -sortState.dir : index === 0 ? 1 : -1;
  sortState = { index, dir };
  const key = (rec) => {
    const v = rec.values[index];
    return index === 0 ? rec.cells[0] : v === null ? -Infinity : Number(v);
  };
  const sorted = [...run.records].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : a.line - b.line) * dir;
  });
  $('qa-table').tBodies[0].append(...sorted.map((rec) => rec.tr));
  $('qa-table').tHead.querySelectorAll('th').forEach((th, i) => {
    th.setAttribute('aria-sort', i !== index ? 'none' : dir > 0 ? 'ascending' : 'descending');
  });
}

// ---- the drill-down ----

/** The text of a message with its findings' spans marked. */
function markedText(text, findings) {
  const spans = findings.filter((f) => f.start !== null && f.end !== null && f.end > f.start)
    .sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue; // one mark per place
    out.push(text.slice(at, f.start));
    out.push(el('mark', { class: f.severity, 'data-hc-rule': f.rule, 'data-hc-start': f.start, 'data-hc-end': f.end, title: f.message },
      text.slice(f.start, f.end)));
    at = f.end;
  }
  out.push(text.slice(at));
  return out;
}

async function openConversation(rec) {
  const bytes = await run.file.slice(rec.from, rec.to).arrayBuffer();
  const opened = await pool.call('open', { bytes }, [bytes]);
  if (!opened || opened.error) return;
  const { conversation, audit: a } = opened;
  const judged = new Map(a.messages.map((m) => [m.index, m]));
  $('qa-drill-title').textContent = `${conversation.id} · line ${rec.line}`;
  const { text, grade } = scoreLabel(a.score);
  $('qa-drill-score').textContent = `QA ${text}`;
  $('qa-drill-score').className = `qa-score ${grade}`;
  const when = (s) => (s === null ? '' : new Date(s * 1000).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, ' UTC'));
  $('qa-drill-messages').replaceChildren(...conversation.messages.map((m, i) => {
    const j = judged.get(i);
    return el('li', { class: `qa-msg ${m.role}`, 'data-hc-message': i },
      el('div', { class: 'qa-msg-head' }, el('strong', {}, m.role === 'ai' ? 'AI assistant' : m.role === 'agent' ? 'Agent' : 'Customer'),
        j ? el('span', { class: 'qa-phase' }, `${j.phase} message`) : null, el('time', {}, when(m.at))),
      el('p', { class: 'qa-msg-text' }, markedText(m.text, j?.findings ?? [])),
      j?.findings.length ? el('ul', { class: 'qa-findings' }, j.findings.map((f) =>
        el('li', { 'data-hc-rule': f.rule, 'data-hc-severity': f.severity },
          el('span', { class: 'qa-rule' }, `${f.severity} · ${f.rule}`), ` ${f.message}`))) : null);
  }));
  $('qa-drill-qa').replaceChildren(...Object.entries(a.qa).map(([id, ok]) =>
    el('li', { 'data-hc-qa': id, 'data-hc-ok': ok === null ? null : String(ok) }, columnsInfo.titles[id] ?? id)));
  $('qa-drill-metrics').replaceChildren(...METRICS.flatMap(([name, label, format]) => {
    const v = a.metrics[name];
    return [el('dt', {}, label), el('dd', { 'data-hc-metric': name }, v === null ? '—' : format(v))];
  }));
  $('qa-drill').showModal();
}

// ---- wiring ----

$('qa-table').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-open]');
  if (!button) return;
  const line = Number(button.closest('tr').dataset.line);
  const rec = run.records.find((r) => r.line === line);
  if (rec) openConversation(rec);
});
$('qa-drill').addEventListener('click', (e) => {
  if (e.target.closest('[data-close]') || e.target === $('qa-drill')) $('qa-drill').close();
});
$('qa-csv').addEventListener('click', () => {
  if (!run?.done) return;
  const name = run.file.name.replace(/\.[^.]*$/, '') || 'audit';
  saveFile(`${name}-audit.csv`, csvText(run.header, run.records.map((r) => r.cells)), 'text/csv');
});

const input = document.querySelector('input[data-hc-action="load-transcripts"]');
input.addEventListener('change', () => {
  const [file] = input.files;
  if (file) audit(file);
});
const drop = $('qa-drop');
for (const type of ['dragenter', 'dragover']) {
  document.addEventListener(type, (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
}
for (const type of ['dragleave', 'drop']) document.addEventListener(type, () => drop.classList.remove('over'));
document.addEventListener('drop', (e) => {
  e.preventDefault();
  const [file] = e.dataTransfer?.files ?? [];
  if (file) audit(file);
});

window.qaPage = { ready, audit };
