// The extension's service worker: it hosts the engine (real wasm: a
// content script cannot run WebAssembly on a page whose CSP lacks
// 'wasm-unsafe-eval', which is most helpdesks), answers one port per tab,
// and keeps the coach registered on exactly the sites the user enabled.
//
// Chrome stops this worker after 30 s idle. Everything it needs is rebuilt
// from chrome.storage when it starts again (the engine is warmed at once,
// with the imported pack), and the content scripts reconnect by themselves
// (extension/shared/port-client.js).
//
// No network: the only fetch is the engine's own .wasm file from the
// extension package.
import init, { Engine, csvHeader, explain, limits, validatePack } from './pkg/handoff_coach.js';
import { loadSettings } from './shared/settings.js';

const CONTENT_SCRIPT_ID = 'coach';
const MENU_ID = 'use-as-card';

// Engines that run on the built-in rules although a pack is stored, each
// with why (packInfo says it, and the options page shows it).
const fallbacks = new WeakMap();
const wasmReady = init();
let engine = buildEngine();

/**
 * The engine with the stored pack. A pack that no longer loads (an older
 * version stored another shape, or a rule it names is gone) is never
 * half-applied: the engine falls back to the built-in rules and remembers why.
 */
async function buildEngine() {
  await wasmReady;
  const { pack } = await chrome.storage.local.get('pack');
  if (pack === undefined || pack === '') return new Engine(null);
  let why;
  if (typeof pack !== 'string') {
    why = 'it was stored by an older version of Handoff Coach, in a shape this version does not read';
  } else {
    try {
      return new Engine(pack);
    } catch (err) {
      why = `it no longer loads${err.line ? ` (line ${err.line}, column ${err.column})` : ''}: ${err.message}`;
    }
  }
  console.warn('handoff-coach: the stored rule pack is not used:', why);
  const fallback = new Engine(null);
  fallbacks.set(fallback, why);
  return fallback;
}

// What a port may ask. Arguments are plain data; the answers too.
const OPS = {
  read: (e, card) => e.read(String(card ?? '')),
  check: (e, context, reply, options) => e.check(context, String(reply ?? ''), options),
  opening: (e, context, agent) => e.opening(context, agent || undefined),
  explain: (_e, id) => explain(String(id ?? '')),
  auditLine: (e, line) => e.auditLine(String(line ?? '')),
  csvHeader: () => csvHeader(),
  limits: () => limits(),
  packInfo: (e) => ({ ...e.packInfo(), problem: fallbacks.get(e) ?? null }),
  packTests: (e) => e.packTests(),
  validatePack: (_e, text) => validatePack(String(text ?? '')),
};

// Who may call: this extension's own content scripts ('coach') and pages
// ('options'). Web pages cannot reach the worker at all (the manifest has no
// externally_connectable) and other extensions land in onConnectExternal,
// which nobody hears; the check says so here too, in case either changes.
const PORT_NAMES = new Set(['coach', 'options']);

chrome.runtime.onConnect.addListener((port) => {
  if (port.sender?.id !== chrome.runtime.id || !PORT_NAMES.has(port.name)) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener(async (msg) => {
    // A content script typing over its channel: the message itself is what
    // keeps this worker awake.
    if (msg?.op === 'ping') return;
    const reply = msg?.op === 'channel' ? { id: msg.id, value: channelToken(port) } : await answer(msg);
    try {
      port.postMessage(reply);
    } catch {
      // The tab went away while we worked.
    }
  });
});

// Direct lines from content scripts (extension/content/channel.js): a
// MessagePort arrives through the relay page with a token this worker gave
// out over a runtime port, which only this extension's own scripts can
// open. Each token opens one line, within a minute; a port without one (a
// web page that framed the relay itself) is closed unanswered.
//
// Calls come in over the line, answers go back over the runtime port that
// asked for the token. Measured under typing load on 2 cores: a message on a
// line reaches this worker in ~0.4 ms where a runtime port's takes ~1.4, but
// one on a line back to the page waits ~10 ms for the page's main thread,
// which runs it after the keystroke's frame; a runtime port's is run first.
const TOKEN_TTL_MS = 60_000;
const tokens = new Map();

function channelToken(port) {
  const token = crypto.randomUUID();
  tokens.set(token, port);
  setTimeout(() => tokens.delete(token), TOKEN_TTL_MS);
  return token;
}

self.addEventListener('message', (event) => {
  const line = event.ports?.[0];
  if (!line) return;
  const token = event.data?.token;
  const back = tokens.get(token);
  if (event.origin !== self.location.origin || !back) {
    line.close();
    return;
  }
  tokens.delete(token);
  // The tab's content script went (closed, navigated, cut off): so does its line.
  back.onDisconnect.addListener(() => line.close());
  line.onmessage = async ({ data }) => {
    const reply = await answer(data);
    try {
      back.postMessage(reply);
    } catch {
      // The tab went away while we worked; its line goes with it.
      line.close();
    }
  };
  line.postMessage({ ready: true });
});

/**
 * The answer to one port message, `{id, op, args}`: `{id, value}` or
 * `{id, error}`. A message of another shape is answered with an error (id
 * null when it has none), never dropped and never thrown: the worker serves
 * every tab, and the next good message must still work.
 */
async function answer(msg) {
  const id = Number.isSafeInteger(msg?.id) ? msg.id : null;
  try {
    if (id === null || typeof msg.op !== 'string' || !(msg.args === undefined || Array.isArray(msg.args))) {
      throw new Error('bad request: expected {id: integer, op: string, args: array}');
    }
    if (!Object.hasOwn(OPS, msg.op)) throw new Error(`unknown operation: ${msg.op}`);
    return { id, value: OPS[msg.op](await engine, ...(msg.args ?? [])) };
  } catch (err) {
    return { id, error: { message: String(err?.message ?? err), line: err?.line, column: err?.column } };
  }
}

/**
 * Registers the content script (and the context menu) on the enabled sites
 * the user granted: a site only in settings, or only granted, gets nothing.
 * With `inject`, tabs already open there get the coach now: after an
 * update or reload their old content scripts are cut off.
 */
async function syncSites({ inject = false } = {}) {
  const { sites } = await loadSettings();
  const granted = [];
  for (const pattern of sites) {
    if (await chrome.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const [current] = await chrome.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  const same = current && current.matches.length === granted.length && current.matches.every((m) => granted.includes(m));
  if (!same) {
    if (current) await chrome.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    if (granted.length) {
      await chrome.scripting.registerContentScripts([{
        id: CONTENT_SCRIPT_ID, matches: granted, js: ['content.js'], runAt: 'document_start', allFrames: false,
      }]);
    }
  }
  if (granted.length && (inject || !same)) await injectIntoOpenTabs(granted);
  await chrome.contextMenus.removeAll();
  if (granted.length) {
    chrome.contextMenus.create({
      id: MENU_ID, title: 'Use as escalation card', contexts: ['selection'], documentUrlPatterns: granted,
    });
  }
}

/** Tabs already open on a newly enabled site get the coach without a reload. */
async function injectIntoOpenTabs(patterns) {
  const tabs = await chrome.tabs.query({ url: patterns });
  for (const tab of tabs) {
    chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] }).catch(() => {});
  }
}

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ID || !tab?.id) return;
  chrome.tabs.sendMessage(tab.id, { type: 'use-card', text: info.selectionText ?? '' }, { frameId: info.frameId ?? 0 })
    .catch(() => {});
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if ('pack' in changes) {
    const old = engine;
    engine = buildEngine();
    // Freed a moment later: a call that already holds it finishes first.
    setTimeout(() => old.then((e) => e.free()).catch(() => {}), 1000);
  }
  if ('settings' in changes) syncSites().catch((err) => console.warn('handoff-coach:', err.message));
});

chrome.permissions.onAdded.addListener(() => syncSites());
chrome.permissions.onRemoved.addListener(() => syncSites());
chrome.runtime.onInstalled.addListener(() => syncSites({ inject: true }));
chrome.runtime.onStartup.addListener(() => syncSites());
