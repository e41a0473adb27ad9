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
//   engine.explain(ruleId)                → {title, why, bad, good, source} | null
//   engine.auditLine(line)                → {audit, row} | {error}   (QA mode)
//   engine.csvHeader()                    → the columns of `row`        (QA mode)
//
// and the sizes it coaches live, `{reply, card}` in UTF-16 code units (the
// wasm `limits()`), handed to startCoach as `limits`. `engine.remote` is
// true when the engine runs on another thread: a keystroke's check is then
// sent as soon as its text is in the DOM (see fields/editable.js).
//
// The extension passes one that talks to its service worker over a port
// (extension/content/), the demo pages one with the wasm in the page
// (./page.js). Everything the agent sees comes from those answers.
import { cardText, findCards, findReplyBoxes, nearestCard, pickComposer, searchRoots } from './find.js';
import { isOwn, isShown } from './dom.js';
import { QaView } from './qa/index.js';
import { Session } from './session.js';

const SCAN_INTERVAL_MS = 250;
// Looking for cards by their markers walks the page's text (~10 ms on a busy
// page): it is redone when nodes came or went, or this long after the last
// time (a card shown by a class change adds no node); text changes alone only
// re-read the cards already found.
const CARD_SEARCH_MAX_AGE_MS = 2000;
// The frame loop follows the reply boxes while anything happens (input,
// scrolling, resizing, pointer, page mutations, a check in flight) and for
// this long after; then it sleeps until the next event, so an idle tab costs
// nothing. Polling while awake (rather than only listening) is what keeps
// underlines on boxes that CSS transitions and transforms move.
const AWAKE_MS = 1000;
const WAKE_EVENTS = ['scroll', 'input', 'keydown', 'pointerdown', 'pointermove', 'focusin', 'selectionchange',
  'transitionrun', 'animationstart'];

/**
 * Starts coaching `doc`. Options:
 *   engine      the engine (above)
 *   mode        'agent' | 'trainer' | 'qa'
 *   agent       the agent's name ('' when unknown)
 *   sendGuard   ask once before a reply with errors is sent (off by default)
 *   site        a site profile (a pack's `[[sites]]` entry: `{card, reply,
 *               thread, send, agent, customer, ai, time, text}` CSS
 *               selectors, each optional), or null for heuristics
 *   limits      the engine's `{reply, card}` (longer replies are not sent, the
 *               panel says why); null: no limit
 *   collapsed   whether panels start collapsed; `onCollapse(bool)` remembers it
 *   noCardHint  what the panel says when no card is found
 *   onError     hears engine errors (the coach keeps retrying)
 * In QA mode, where the site profile names the thread, the conversation on
 * the page is audited too (./qa/).
 * Returns `{ stop(), setSettings({mode, agent, sendGuard}), setSite(site),
 * useCard(text), relint(), sessions(), qa() }`.
 */
export function startCoach({
  engine, limits = null, mode = 'agent', agent = '', sendGuard = false, site = null, doc = document,
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
  let wokeAt = 0;
  let cards = [];
  let cardsFoundAt = -Infinity;
  let nodesChanged = true;
  let qa = null; // the QA overlay, in QA mode on a page whose thread the profile names

  function wake() {
    wokeAt = performance.now();
    if (!raf && !stopped && sessions.size) raf = requestAnimationFrame(tick);
  }

  const shared = {
    engine,
    settings: { mode, agent, sendGuard },
    site,
    explanations: new Map(), // rule id -> promise of its explanation, asked once per page
    /** The explanations of `ids` (the guide's words), as a Map; null for an id without one. */
    explain(ids) {
      return Promise.all(ids.map((id) => {
        if (!shared.explanations.has(id)) {
          shared.explanations.set(id, Promise.resolve(engine.explain?.(id)).then((e) => e ?? null, () => {
            shared.explanations.delete(id); // asked again next time
            return null;
          }));
        }
        return shared.explanations.get(id).then((e) => [id, e]);
      })).then((pairs) => new Map(pairs));
    },
    limits,
    collapsed,
    noCardHint,
    onError,
    wake,
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
    if (manualUrl !== null && manualUrl !== doc.location?.href) {
      manualCard = null; // a new page, a new card
      manualUrl = null;
      nodesChanged = true;
    }
    const roots = searchRoots(doc);
    for (const root of roots) {
      if (root === doc || observed.has(root)) continue;
      observed.add(root); // what changes in a shadow root or a frame is news too
      observer.observe(root, OBSERVED);
      // A frame that loads a new document (an editor building itself)
      // changes nothing the observer sees in this one.
      const frame = root.nodeType === Node.DOCUMENT_NODE ? root.defaultView?.frameElement : null;
      if (frame && !observed.has(frame)) {
        observed.add(frame);
        frame.addEventListener('load', () => {
          nodesChanged = true;
          scheduleScan();
        });
      }
    }
    const replies = findReplyBoxes(roots, site);
    const stale = nodesChanged || lastScan - cardsFoundAt > CARD_SEARCH_MAX_AGE_MS || !cards.every(isShown);
    if (manualCard !== null) cards = [];
    else if (stale) {
      cards = findCards(roots, site);
      cardsFoundAt = lastScan;
    }
    nodesChanged = false;
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
        resizes.unobserve(el);
      }
    }
    for (const el of targets) {
      let session = sessions.get(el);
      if (!session) {
        session = new Session(el, shared);
        sessions.set(el, session);
        resizes.observe(el);
      }
      const card = manualCard ?? (cards.length ? cardText(nearestCard(cards, el)) : null);
      session.setCard(card || null);
    }
    if (shared.settings.mode === 'qa' && site?.thread) {
      qa ??= new QaView(shared, doc);
      qa.scan(roots, site, (el) => manualCard ?? (cards.length ? cardText(nearestCard(cards, el)) : null));
    } else if (qa) {
      qa.destroy();
      qa = null;
    }
    wake();
  }

  function scheduleScan() {
    if (scanTimer || stopped) return;
    const wait = Math.max(0, SCAN_INTERVAL_MS - (performance.now() - lastScan));
    scanTimer = setTimeout(scan, wait);
  }

  function tick(now) {
    raf = 0;
    if (stopped || sessions.size === 0) return;
    let busy = false;
    for (const s of sessions.values()) busy = s.frame(now) || busy;
    if (busy || now - wokeAt < AWAKE_MS) raf = requestAnimationFrame(tick);
  }

  // Typing in a reply box mutates the page too; that is the session's
  // business, not a reason to look for cards again. Nor are the coach's own
  // elements moving about.
  const observer = new MutationObserver((records) => {
    let news = false;
    for (const r of records) {
      if (isOwn(r.target) || [...sessions.keys()].some((el) => el.contains(r.target))) continue;
      news = true;
      if (r.type === 'childList') nodesChanged = true;
    }
    if (!news) return;
    wake();
    scheduleScan();
  });
  // Attributes too: a view shown by a class or style change adds no node.
  const OBSERVED = { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['class', 'style', 'hidden', 'open'] };
  const observed = new WeakSet();
  observer.observe(doc.documentElement, OBSERVED);
  const resizes = new ResizeObserver(wake);
  const onFocus = () => manualCard !== null && scheduleScan();
  doc.addEventListener('focusin', onFocus);
  const listen = { capture: true, passive: true };
  for (const type of WAKE_EVENTS) doc.addEventListener(type, wake, listen);
  doc.defaultView.addEventListener('resize', wake, listen);
  scan();

  return {
    stop() {
      stopped = true;
      observer.disconnect();
      resizes.disconnect();
      doc.removeEventListener('focusin', onFocus);
      for (const type of WAKE_EVENTS) doc.removeEventListener(type, wake, listen);
      doc.defaultView.removeEventListener('resize', wake, listen);
      clearTimeout(scanTimer);
      cancelAnimationFrame(raf);
      for (const s of sessions.values()) s.destroy();
      sessions.clear();
      qa?.destroy();
      qa = null;
    },
    setSettings(settings) {
      Object.assign(shared.settings, settings);
      for (const s of sessions.values()) s.applySettings();
      scan(); // QA mode comes and goes with the mode
    },
    setSite(next) {
      site = next;
      shared.site = next;
      nodesChanged = true;
      scan();
    },
    /** The agent's own pick of the card text (the "Use as escalation card" menu). */
    useCard(text) {
      manualCard = text?.trim() ? text : null;
      manualUrl = doc.location?.href ?? null;
      nodesChanged = true;
      scan();
    },
    /** Checks every reply again (the engine changed, e.g. a new rule pack). */
    relint() {
      for (const s of sessions.values()) s.refresh();
      qa?.refresh();
    },
    sessions: () => [...sessions.values()],
    qa: () => qa,
  };
}
