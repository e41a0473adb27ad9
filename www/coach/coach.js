// The coach on a page: watches the page (a single-page app whose cards and
// reply boxes come, change and go without a page load), keeps one Session
// per reply box, and drives them all from one animation-frame loop.
//
// The coach knows nothing about where the engine runs. It is handed an
// engine with this shape, every method returning a promise of plain data
// (the wasm `Engine`'s methods, CONTRACT §1 and §3 shapes, UTF-16 offsets):
//
//   engine.read(cardText)                 → context
//   engine.check(context, reply, options) → {findings, checklist, score}
//   engine.opening(context, agent)        → {script, text}
//
// The extension passes one that talks to its service worker over a port
// (extension/content/), the demo pages one with the wasm in the page
// (./page.js). Everything the agent sees comes from those answers.
import { cardText, findCards, findReplyBoxes, nearestCard, pickComposer } from './find.js';
import { Session } from './session.js';

const SCAN_INTERVAL_MS = 250;

/**
 * Starts coaching `doc`. Options:
 *   engine      the engine (above)
 *   mode        'agent' | 'trainer' | 'qa'
 *   agent       the agent's name ('' when unknown)
 *   site        `{card, reply, thread}` CSS selectors, or null for heuristics
 *   collapsed   whether panels start collapsed; `onCollapse(bool)` remembers it
 *   noCardHint  what the panel says when no card is found
 *   onError     hears engine errors (the coach keeps retrying)
 * Returns `{ stop(), setSettings({mode, agent}), setSite(site), useCard(text),
 * relint(), sessions() }`.
 */
export function startCoach({
  engine, mode = 'agent', agent = '', site = null, doc = document,
  collapsed = false, onCollapse = () => {}, noCardHint = 'No escalation card found on this page.',
  onError = (err) => console.warn('handoff-coach:', err?.message ?? err),
}) {
  const sessions = new Map(); // editable element -> Session
  let manualCard = null;
  let manualUrl = null;
  let stopped = false;
  let scanTimer = 0;
  let lastScan = 0;
  let raf = 0;

  const shared = {
    engine,
    settings: { mode, agent },
    collapsed,
    noCardHint,
    onError,
    setCollapsed(value) {
      shared.collapsed = value;
      for (const s of sessions.values()) s.setCollapsed(value);
      onCollapse(value);
    },
  };

  function scan() {
    scanTimer = 0;
    lastScan = performance.now();
    if (stopped) return;
    if (manualUrl !== null && manualUrl !== doc.location?.href) manualCard = null; // a new page, a new card
    const replies = findReplyBoxes(doc, site);
    const cards = manualCard === null ? findCards(doc, site) : [];
    let targets;
    if (site?.reply) {
      targets = replies;
    } else if (cards.length || manualCard !== null) {
      // Without a profile, only a page with a card gets a coach, and only
      // on the one editable that looks like its composer.
      const focused = replies.find((el) => el === doc.activeElement);
      const pick = manualCard !== null && focused ? focused : pickComposer(replies, cards[0]);
      targets = pick ? [pick] : [];
    } else {
      targets = [];
    }
    for (const [el, session] of sessions) {
      if (!targets.includes(el)) {
        session.destroy();
        sessions.delete(el);
      }
    }
    for (const el of targets) {
      let session = sessions.get(el);
      if (!session) {
        session = new Session(el, shared);
        sessions.set(el, session);
      }
      const card = manualCard ?? (cards.length ? cardText(nearestCard(cards, el)) : null);
      session.setCard(card || null);
    }
    if (sessions.size && !raf) raf = requestAnimationFrame(tick);
  }

  function scheduleScan() {
    if (scanTimer || stopped) return;
    const wait = Math.max(0, SCAN_INTERVAL_MS - (performance.now() - lastScan));
    scanTimer = setTimeout(scan, wait);
  }

  function tick(now) {
    raf = 0;
    if (stopped || sessions.size === 0) return;
    for (const s of sessions.values()) s.frame(now);
    raf = requestAnimationFrame(tick);
  }

  // Typing in a reply box mutates the page too; that is the session's
  // business, not a reason to look for cards again.
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      let inReply = false;
      for (const el of sessions.keys()) {
        if (el.contains(r.target)) {
          inReply = true;
          break;
        }
      }
      if (!inReply) {
        scheduleScan();
        return;
      }
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  const onFocus = () => manualCard !== null && scheduleScan();
  doc.addEventListener('focusin', onFocus);
  scan();

  return {
    stop() {
      stopped = true;
      observer.disconnect();
      doc.removeEventListener('focusin', onFocus);
      clearTimeout(scanTimer);
      cancelAnimationFrame(raf);
      for (const s of sessions.values()) s.destroy();
      sessions.clear();
    },
    setSettings(settings) {
      Object.assign(shared.settings, settings);
      for (const s of sessions.values()) s.applySettings();
    },
    setSite(next) {
      site = next;
      scan();
    },
    /** The agent's own pick of the card text (the "Use as escalation card" menu). */
    useCard(text) {
      manualCard = text?.trim() ? text : null;
      manualUrl = doc.location?.href ?? null;
      scan();
    },
    /** Checks every reply again (the engine changed, e.g. a new rule pack). */
    relint() {
      for (const s of sessions.values()) s.refresh();
    },
    sessions: () => [...sessions.values()],
  };
}
