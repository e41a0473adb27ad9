// The content script: the shared DOM layer (www/coach/) on a helpdesk page,
// with the engine reached over a port to the service worker. Bundled into
// one classic script (content scripts cannot be modules) by scripts/bundle.mjs.
//
// It is registered at document_start on the sites the user enabled, so it
// can announce itself before a page's own coach starts (www/coach/handshake.js),
// and begins looking for the card and the reply box once the DOM is there.
import { startCoach } from '../../www/coach/coach.js';
import { siteFor, matchesPattern } from '../../www/coach/find.js';
import { announceExtension, watchForExtension } from '../../www/coach/handshake.js';
import { portEngine } from '../shared/port-client.js';
import { loadSettings } from '../shared/settings.js';

const NO_CARD_HINT = 'No escalation card found. Select the card\u2019s text and choose \u201cUse as escalation card\u201d from the right-click menu.';

async function main() {
  const unannounce = announceExtension(document, () => Boolean(chrome.runtime?.id));
  let coach = null;
  // Reloaded or updated, the extension starts a new content script; this
  // one must leave the page to it.
  const engine = portEngine('coach', {
    onGone: () => {
      unannounce();
      coach?.stop();
      coach = null;
    },
  });
  let settings = await loadSettings();
  const { ui } = await chrome.storage.local.get('ui');
  let info = await engine.packInfo();
  await domReady();

  const enabledHere = () => settings.sites.some((p) => matchesPattern(p, location.href));
  let pendingCard = null;
  const start = () => {
    coach = startCoach({
      engine,
      mode: settings.mode,
      agent: settings.agent, // else the engine signs with the pack's agent
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
      else coach.setSettings({ mode: settings.mode, agent: settings.agent });
    }
    if (changes.pack && coach) {
      info = await engine.packInfo();
      coach.setSite(siteFor(info.pack.sites, location.href));
      coach.relint();
    }
  });

  // "Use as escalation card": the selection as the page has it keeps its
  // line breaks, which the menu's selectionText flattens.
  chrome.runtime.onMessage.addListener((msg) => {
    if (msg?.type !== 'use-card') return;
    const selected = String(getSelection() ?? '').trim();
    pendingCard = selected || msg.text;
    coach?.useCard(pendingCard);
  });
}

function domReady() {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
}

/** Whether a live copy of this content script already coaches the page (it answers the probe). */
function alreadyHere() {
  let here = false;
  watchForExtension(() => {
    here = true;
  })();
  return here;
}

// Injected twice (registered, and into a tab that was open when the site was
// enabled), the second copy stops here. After an update, the old copy no
// longer answers, so the new one starts.
if (!alreadyHere()) main().catch((err) => console.warn('handoff-coach: the coach did not start:', err?.message ?? err));
