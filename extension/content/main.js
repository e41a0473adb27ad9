// The content script: the shared DOM layer (www/coach/) on a helpdesk page,
// with the engine reached over a port to the service worker. Bundled into
// one classic script (content scripts cannot be modules) by scripts/bundle.mjs.
//
// It is registered at document_start on the sites the user enabled, so it
// can announce itself before a page's own coach starts (www/coach/handshake.js),
// and begins looking for the card and the reply box once the DOM is there.
//
// The page is not trusted: nothing it posts or dispatches starts, stops or
// steers this script. It hears only the extension (runtime messages whose
// sender is this extension) and, once cut off, the announcement of its own
// successor, which matters only then.
import { startCoach } from '../../www/coach/coach.js';
import { h, shadowHost } from '../../www/coach/dom.js';
import { siteFor, matchesPattern } from '../../www/coach/find.js';
import { announceExtension, watchForExtension } from '../../www/coach/handshake.js';
import { NOTICE_CSS } from '../../www/coach/styles.js';
import { portEngine } from '../shared/port-client.js';
import { openChannel } from './channel.js';
import { loadSettings } from '../shared/settings.js';

const NO_CARD_HINT = 'No escalation card found. Select the card\u2019s text and choose \u201cUse as escalation card\u201d from the right-click menu.';
const RELOAD_HINT = 'Handoff Coach was updated, reloaded or turned off. Reload this tab to coach this reply again; what you typed stays as it is.';

const alive = () => Boolean(chrome.runtime?.id);

async function main() {
  const unannounce = announceExtension(document, alive);
  let coach = null;
  let notice = null;
  let gone = false;
  // Reloaded, updated or turned off, the extension cuts this script off: it
  // stops coaching (the reply is never touched) and says plainly what to do
  // where its panel was. A reloaded extension injects a new copy, which
  // announces itself: then this one leaves the page to it, notice and all.
  const leave = () => {
    if (gone) return;
    gone = true;
    unannounce();
    const where = coach?.sessions()[0]?.panel.host.getBoundingClientRect();
    coach?.stop();
    coach = null;
    notice = reloadNotice(where);
  };
  const unwatch = watchForExtension(() => {
    if (alive()) return; // this copy's own answer, or a page imitating one
    leave();
    notice?.remove();
    unwatch();
  });
  const engine = portEngine('coach', { onGone: leave, channel: openChannel });
  let settings = await loadSettings();
  const { ui } = await chrome.storage.local.get('ui');
  let info = await engine.packInfo();
  const limits = await engine.limits();
  await domReady();

  const enabledHere = () => settings.sites.some((p) => matchesPattern(p, location.href));
  let pendingCard = null;
  const start = () => {
    if (gone) return;
    coach = startCoach({
      engine,
      limits,
      mode: settings.mode,
      agent: settings.agent, // else the engine signs with the pack's agent
      sendGuard: settings.sendGuard,
      site: siteFor(info.pack.sites, location.href),
      collapsed: Boolean(ui?.collapsed),
      onCollapse: (collapsed) => chrome.storage.local.set({ ui: { collapsed } }),
      noCardHint: NO_CARD_HINT,
    });
    if (pendingCard !== null) coach.useCard(pendingCard);
  };
  if (enabledHere()) start();

  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area !== 'local') return;
    if (changes.settings) {
      settings = await loadSettings();
      if (!enabledHere()) {
        coach?.stop();
        coach = null;
        return;
      }
      if (!coach) start();
      else coach.setSettings({ mode: settings.mode, agent: settings.agent, sendGuard: settings.sendGuard });
    }
    if (changes.pack && coach) {
      info = await engine.packInfo();
      coach.setSite(siteFor(info.pack.sites, location.href));
      coach.relint();
    }
  });

  // "Use as escalation card": the selection as the page has it keeps its
  // line breaks, which the menu's selectionText flattens.
  chrome.runtime.onMessage.addListener((msg, sender) => {
    if (sender?.id !== chrome.runtime.id || msg?.type !== 'use-card') return;
    const selected = String(getSelection() ?? '').trim();
    pendingCard = selected || msg.text;
    coach?.useCard(pendingCard);
  });
}

function domReady() {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
}

/** The notice a cut-off copy leaves where its panel was (`where`: that rect, if any). */
function reloadNotice(where) {
  const { host, root } = shadowHost('handoff-coach-notice', NOTICE_CSS);
  host.setAttribute('data-hc-state', 'reload');
  root.append(h('div', { class: 'notice', role: 'alert' }, h('p', {}, RELOAD_HINT),
    h('button', { type: 'button', 'aria-label': 'Dismiss', onclick: () => host.remove() }, '\u00d7')));
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  host.style.left = `${Math.round(Math.min(Math.max(8, where?.left ?? vw), vw - 348))}px`;
  host.style.top = `${Math.round(Math.min(Math.max(8, where?.top ?? vh), vh - 96))}px`;
  document.documentElement.append(host);
  return host;
}

// Injected twice into one page (registered, and into a tab that was open when
// the site was enabled), both copies share this extension's isolated world:
// the second finds the first's mark there and stops. A reloaded or updated
// extension gets a new world, so its copy starts. The page cannot see or set
// the mark, so it cannot keep the coach away by imitating it.
const STARTED = Symbol.for('handoff-coach:content-script');
if (!globalThis[STARTED]) {
  globalThis[STARTED] = true;
  main().catch((err) => console.warn('handoff-coach: the coach did not start:', err?.message ?? err));
}
