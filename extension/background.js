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
import init, { Engine, validatePack } from './pkg/handoff_coach.js';
import { loadSettings } from './shared/settings.js';

const CONTENT_SCRIPT_ID = 'coach';
const MENU_ID = 'use-as-card';

const wasmReady = init();
let engine = buildEngine();

/** The engine with the stored pack (a pack that no longer loads is dropped, never half-applied). */
async function buildEngine() {
  await wasmReady;
  const { pack } = await chrome.storage.local.get('pack');
  if (pack) {
    try {
      return new Engine(pack);
    } catch (err) {
      console.warn('handoff-coach: the stored rule pack no longer loads; using the built-in rules:', err.message);
    }
  }
  return new Engine(null);
}

// What a port may ask. Arguments are plain data; the answers too.
const OPS = {
  read: (e, card) => e.read(String(card ?? '')),
  check: (e, context, reply, options) => e.check(context, String(reply ?? ''), options),
  opening: (e, context, agent) => e.opening(context, agent || undefined),
  packInfo: (e) => e.packInfo(),
  packTests: (e) => e.packTests(),
  validatePack: (_e, text) => validatePack(String(text ?? '')),
};

chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener(async ({ id, op, args }) => {
    let reply;
    try {
      if (!Object.hasOwn(OPS, op)) throw new Error(`unknown operation: ${op}`);
      reply = { id, value: OPS[op](await engine, ...(Array.isArray(args) ? args : [])) };
    } catch (err) {
      reply = { id, error: { message: String(err?.message ?? err), line: err?.line, column: err?.column } };
    }
    try {
      port.postMessage(reply);
    } catch {
      // The tab went away while we worked.
    }
  });
});

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
