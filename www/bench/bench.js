// The browser benchmark page: keystroke-to-highlight latency of the coach on
// a 2,000-character reply, in any reply box, with the engine in the page or
// in the extension's service worker.
//
//   bench/?editor=quill&transport=page        the page coach (wasm in the page)
//   strict/bench/?editor=quill&transport=extension
//                                             the extension's coach (the
//                                             strict route keeps the page's
//                                             own engine from starting)
//   bench/?transport=engine                   the engine alone, no DOM
//   bench/?editor=quill&transport=none        the reply box alone, no coach:
//                                             the editor's own share of a key
//   bench/?editor=quill&transport=idle        the same, to the end of the
//                                             editor's handling of the key
//
// One measured keystroke: from the keydown's timestamp (a real key from the
// harness, through CDP) to the moment the coach reports that it has drawn
// the findings for the text that key produced. With no coach (`none`), to
// the first sign that the key's text is in the reply box: what the browser
// and the editor take to deliver a key, the floor under any coach's figure.
// With `idle`, to the first task that can run after that sign: a rich editor
// goes on handling the key after its first DOM change (CKEditor 5 for
// several ms), and an answer from the worker, which arrives as a task, waits
// for it.
// The harness waits for each key to be drawn before it sends the next, so
// keys never overlap.
//
// `window.bench` is the harness's handle:
//   (window.benchReady resolves once the reply box is mounted and, for the
//   page transport, the page coach has started or given up)
//   prefill()             pastes the first part of the reply (one edit); true once it is drawn
//   arm()                 starts waiting for the next draw; call it before sending a key
//   result()              the latency (ms) of the key sent since arm(), or null on timeout
//   engineOnly(runs)      times Engine.check alone over the same growing text
//   data                  the reply and card (data/bench.json)
import { startCoach, statusIn } from '../app/coach.js';
import { mountEditor } from '../app/editors/index.js';
import { EDITORS } from '../app/settings.js';
import { SITE } from '../app/site.js';
import { handoffNote } from '../app/thread.js';
import { summarize } from './stats.js';

// How the bench knows the coach has drawn a lint's results: the coach sets
// the panel host's `data-hc-score` (a CONTRACT §5 hook) each time it shows a
// report, right after it has handed the report's spans to the highlighter,
// so an attribute record for it marks the end of one keystroke's work. (A
// record comes even when the score is unchanged: setting an attribute is a
// mutation whatever its value.) Only contract hooks are used, so the same
// bench times the page's coach and the extension's.
const PANEL = 'handoff-coach-panel';
const SCORE = 'data-hc-score';
const SETTLE_TIMEOUT_MS = 2000;

const params = new URLSearchParams(location.search);
const editor = EDITORS.includes(params.get('editor')) ? params.get('editor') : 'textarea';
const transport = ['page', 'extension', 'engine', 'none', 'idle'].includes(params.get('transport')) ? params.get('transport') : 'page';
const $ = (id) => document.getElementById(id);

// Draw notifications, in order; `result()` takes the first one after the key.
let lastKey = null;
let waiting = null;
let armed = null;
document.addEventListener(
  'keydown',
  (event) => {
    if (event.target instanceof Element && event.target.closest(SITE.reply)) lastKey = event.timeStamp;
  },
  true,
);
function drawn() {
  const at = performance.now();
  // A draw counts for a key only once the key is down: an earlier one is
  // the previous edit's.
  if (waiting && (!waiting.afterKey || lastKey != null)) {
    const { done } = waiting;
    waiting = null;
    done(at);
  }
}
new MutationObserver((records) => {
  if (records.some((r) => r.target.localName === PANEL)) drawn();
}).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: [SCORE] });

/**
 * With no coach, "drawn" is the first sign that the key's text is in the
 * reply box: its `input` event, or a mutation inside it for editors that
 * handle the key themselves and fire none (CKEditor 5). No coach can draw
 * a key before then, so this is the floor under the coach's figures: what
 * the browser and the editor take to deliver a key.
 */
function watchEditorAlone(host, { idle = false } = {}) {
  let posted = false;
  const changed = () => {
    if (!(waiting?.afterKey && lastKey != null)) return;
    if (!idle) {
      drawn();
      return;
    }
    // The highest-priority task there is: it runs as soon as the task that
    // handles the key (and its microtasks) is over.
    if (posted) return;
    posted = true;
    scheduler.postTask(() => {
      posted = false;
      drawn();
    }, { priority: 'user-blocking' });
  };
  host.addEventListener('input', changed, true);
  new MutationObserver(changed).observe(host, { subtree: true, childList: true, characterData: true });
}

/** Resolves to the time of the next draw (after a key, if `afterKey`), or null after the timeout. */
function nextDraw(afterKey = false) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting = null;
      resolve(null);
    }, SETTLE_TIMEOUT_MS);
    waiting = {
      afterKey,
      done: (at) => {
        clearTimeout(timer);
        resolve(at);
      },
    };
  });
}

async function engineOnly(data, runs) {
  const pkg = await import('../gen/pkg/handoff_coach.js');
  await pkg.default();
  const t0 = performance.now();
  const engine = new pkg.Engine();
  const context = engine.read(data.card.text);
  const startMs = performance.now() - t0;
  const full = data.prefill + data.typed;
  const options = { agent: 'Alex' };
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const text = full.slice(0, data.prefill.length + (i % (data.typed.length + 1)));
    const t = performance.now();
    engine.check(context, text, options);
    samples.push(performance.now() - t);
  }
  engine.free?.();
  return { startMs, samples };
}

async function main() {
  const data = await fetch(new URL('../data/bench.json', import.meta.url)).then((r) => r.json());
  $('bench-config').textContent = `reply box: ${editor} · transport: ${transport} · reply: ${data.prefill.length} pasted + ${data.typed.length} typed characters`;
  $('bench-card').append(handoffNote({ ...data.card, at: null }));
  const reply = await mountEditor(editor, $('hd-reply-host'), { label: 'Reply to the customer', placeholder: 'Write your reply…' });

  const bench = {
    data,
    editor,
    transport,
    reply,
    async prefill() {
      reply.focus();
      if (transport === 'none' || transport === 'idle') {
        reply.setText(data.prefill);
        return true;
      }
      const drawn = nextDraw();
      reply.setText(data.prefill);
      reply.focus();
      return (await drawn) != null;
    },
    arm() {
      lastKey = null;
      armed = nextDraw(true);
    },
    async result() {
      const at = await armed;
      return at == null || lastKey == null ? null : at - lastKey;
    },
    engineOnly: (runs = 200) => engineOnly(data, runs),
  };
  window.bench = bench;

  $('bench-engine').addEventListener('click', async () => {
    const { startMs, samples } = await engineOnly(data, 200);
    $('bench-out').textContent = `engine alone: start ${startMs.toFixed(1)} ms; check of ${data.prefill.length}–${data.prefill.length + data.typed.length} characters: ${JSON.stringify(summarize(samples))}`;
  });
  $('bench-type').addEventListener('click', async () => {
    // Synthetic keys (execCommand) for a quick look by hand; the harness
    // sends real ones.
    await bench.prefill();
    const samples = [];
    for (const ch of data.typed) {
      const t = performance.now();
      const drawn = nextDraw();
      document.execCommand('insertText', false, ch);
      const at = await drawn;
      if (at != null) samples.push(at - t);
    }
    $('bench-out').textContent = `typed ${data.typed.length} keys: ${JSON.stringify(summarize(samples))} (ms)`;
  });

  const onStatus = statusIn($('hd-coach-status'));
  if (transport === 'page') {
    bench.coach = await startCoach({ mode: 'agent', agent: 'Alex', site: SITE, onStatus });
  } else if (transport === 'none' || transport === 'idle') {
    watchEditorAlone($('hd-reply-host'), { idle: transport === 'idle' });
    onStatus('running', 'the reply box alone (no coach)');
  } else if (transport === 'extension') {
    onStatus('waiting', 'coach: waiting for the extension');
  } else {
    onStatus('running', 'engine alone (no coach)');
  }
}

window.benchReady = main();
