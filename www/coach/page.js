// The coach on the demo pages: the same DOM layer the extension injects
// into helpdesks (./coach.js), with the wasm engine loaded in the page.
//
//   import { startPageCoach } from '/coach/page.js';
//   const coach = await startPageCoach({
//     mode: 'agent',                  // 'agent' | 'trainer' | 'qa'
//     agent: 'Alex',                  // signs the ready opening
//     site: { card, reply, thread, … },  // the page's site profile (optional: heuristics)
//     sendGuard: false,               // ask once before sending a reply with errors
//     pack: tomlText,                 // a rule pack (optional)
//     onStatus: (state) => {},        // 'running' | 'extension'
//   });
//   coach.state                       // 'running', or 'extension' when it stood down
//   coach.setSettings({ mode, agent, sendGuard }); coach.useCard(text); coach.stop();
//
// `pageEngine(pack)` is the same engine for the page's own use (the trainer
// page grades and audits with it).
//
// It rejects when the engine cannot start in this page: a CSP without
// 'wasm-unsafe-eval' (the /strict/ route, most real helpdesks) forbids
// WebAssembly, and only the extension can coach there.
//
// When the extension is present it wins (see ./handshake.js): the page coach
// does not start, or stops as soon as the extension arrives, and its state
// becomes 'extension'.
import { startCoach } from './coach.js';
import { watchForExtension } from './handshake.js';

const UI_KEY = 'handoff-coach:collapsed';

/**
 * An engine with the wasm in this page; the methods return promises like
 * the extension's (see coach.js for the shape), plus `gradeReading` for
 * the trainer page.
 */
export async function pageEngine(pack) {
  const wasm = await import('../gen/pkg/handoff_coach.js');
  await wasm.default(); // fetches handoff_coach_bg.wasm beside the module
  const engine = new wasm.Engine(pack ?? null);
  return {
    read: async (card) => engine.read(card),
    check: async (context, reply, options) => engine.check(context, reply, options),
    opening: async (context, agent) => engine.opening(context, agent ?? undefined),
    explain: async (id) => wasm.explain(id),
    auditLine: async (line) => engine.auditLine(line),
    csvHeader: async () => wasm.csvHeader(),
    gradeReading: async (context, answers) => wasm.gradeReading(context, answers),
    limits: wasm.limits(),
  };
}

function storedCollapsed() {
  try {
    return localStorage.getItem(UI_KEY) === 'true';
  } catch {
    return false; // storage blocked: start expanded
  }
}

function storeCollapsed(value) {
  try {
    localStorage.setItem(UI_KEY, String(value));
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

/** Starts the page coach (see the module comment). */
export async function startPageCoach({ mode = 'agent', agent = '', site = null, pack = null, sendGuard = false, onStatus = () => {} } = {}) {
  let coach = null;
  let extension = false;
  const handle = {
    get state() {
      return extension ? 'extension' : 'running';
    },
    setSettings: (settings) => coach?.setSettings(settings),
    useCard: (text) => coach?.useCard(text),
    stop() {
      unwatch();
      coach?.stop();
      coach = null;
    },
  };
  const unwatch = watchForExtension(() => {
    if (extension) return;
    extension = true;
    coach?.stop();
    coach = null;
    onStatus('extension');
  });
  if (extension) return handle;
  let engine;
  try {
    engine = await pageEngine(pack);
  } catch (err) {
    if (extension) return handle; // the extension arrived meanwhile: nothing is lost
    unwatch();
    throw err;
  }
  if (extension) return handle;
  coach = startCoach({
    engine, mode, agent, site, sendGuard, limits: engine.limits,
    collapsed: storedCollapsed(),
    onCollapse: storeCollapsed,
    noCardHint: 'No escalation card found on this page.',
  });
  onStatus('running');
  return handle;
}
