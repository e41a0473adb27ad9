// Finding the escalation card and the reply box on a page the coach has
// never seen, in this order:
//
//   1. a site profile: CSS selectors `{card, reply, thread}` (a rule pack's
//      `[[sites]]` entry whose `match` fits the URL, or what the demo page
//      passes in);
//   2. heuristics: the card is the block whose text carries the markers bot
//      platforms put on a handoff ("Escalated", "AI Summary", "Escalation
//      Reason", "handoff", "transferred" …) and the most label/value lines;
//      the reply box is the editable that looks like a composer and sits
//      nearest to that card;
//   3. the agent: select the card's text and pick "Use as escalation card"
//      (the extension's context menu, or `coach.useCard(text)`).
//
// Nothing here decides what the card says: `cardText` only lays the card out
// as the agent sees it, and the engine reads that text.
import { editableOf, isEditableRoot, isTextControl } from './fields/index.js';
import { isOwn, isShown } from './dom.js';

// Words bot platforms put on a handoff. They only locate the block; the
// engine reads what is in it.
const MARKERS = /\b(escalat\w*|ai summary|handoff|hand-off|handed (?:off|over)|transferred|ai attempts|bot summary|chatbot)\b/gi;
// "Label: value" / "Label - value" lines, the other sign of a card.
const LABEL_LINE = /^[^\p{L}\p{N}\n]{0,4}\p{L}[^:\n]{0,30}(?::|\s-\s|\s\.{2,}\s)\s*\S/gmu;
const COMPOSER = /reply|respond|response|message|compose|answer|write|chat|comment/i;
// What a send button says (its text, label, title or value).
const SEND_LABEL = /^\s*(send|submit)\b/i;
// How far above the reply box a send button found by its label may be: the
// composer around it (rich editors nest their editable a few levels deep).
const COMPOSER_DEPTH = 8;
const MAX_CARD_CHARS = 6000;

/**
 * Whether `url` fits a Chrome match pattern (`https://*.desk.com/*`,
 * `<all_urls>`); the pack validated the pattern's shape already.
 */
export function matchesPattern(pattern, url) {
  if (pattern === '<all_urls>') return /^(https?|file):/.test(url);
  const m = /^(\*|https?|file):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m;
  const uScheme = u.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(uScheme) : scheme !== uScheme) return false;
  if (host !== '*' && host !== '') {
    const bare = host.replace(/:\d+$/, '');
    if (bare.startsWith('*.')) {
      const base = bare.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
    } else if (u.hostname !== bare) {
      return false;
    }
  }
  const glob = new RegExp(`^${path.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(u.pathname + u.search);
}

/** The first of a pack's `[[sites]]` whose `match` fits `url`, or null. */
export function siteFor(sites, url) {
  return (sites ?? []).find((s) => s.match && matchesPattern(s.match, url)) ?? null;
}

/**
 * Where to look: the document, every open shadow root in it (helpdesks
 * built from web components put their composer in one), and the document
 * of every same-origin frame (TinyMCE, CKEditor 4 and Froala put the
 * editable in a frame of its own), the coach's own hosts left out. A
 * cross-origin frame's document is out of reach, and out of scope.
 */
export function searchRoots(doc) {
  const roots = [doc];
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i];
    const walker = (root.ownerDocument ?? root).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.shadowRoot && !n.localName.startsWith('handoff-coach-')) roots.push(n.shadowRoot);
      if (n.localName === 'iframe' || n.localName === 'frame') {
        const inner = frameDocument(n);
        if (inner && !roots.includes(inner)) roots.push(inner);
      }
    }
  }
  return roots;
}

/** The document of `frame` when this script may read it (same origin, loaded), else null. */
export function frameDocument(frame) {
  try {
    const inner = frame.contentDocument;
    return inner?.documentElement ? inner : null;
  } catch {
    return null; // some browsers throw for a cross-origin frame
  }
}

function all(roots, selector) {
  if (!selector) return [];
  try {
    return roots.flatMap((root) => [...root.querySelectorAll(selector)]);
  } catch {
    return []; // a selector this browser rejects finds nothing
  }
}

/** The reply boxes in `roots`: the profile's, else the composer-like editables. */
export function findReplyBoxes(roots, site) {
  if (site?.reply) {
    return [...new Set(all(roots, site.reply).map(editableOf).filter((el) => el && isShown(el)))];
  }
  return all(roots, 'textarea, input:not([type]), input[type=text], [contenteditable]')
    .filter((el) => (isTextControl(el) || isEditableRoot(el)) && usable(el));
}

function usable(el) {
  if (el.disabled || el.readOnly || isOwn(el) || !isShown(el)) return false;
  const r = el.getBoundingClientRect();
  if (r.width < 120 || r.height < 20) return false;
  // A one-line input is a reply box only when it says so (else: search, subject…).
  return el.localName !== 'input' || COMPOSER.test(describe(el));
}

/** What an editable says about itself: placeholder, label, name, id, class. */
function describe(el) {
  return [el.getAttribute('placeholder'), el.getAttribute('aria-label'), el.getAttribute('data-placeholder'),
    el.getAttribute('name'), el.id, el.className, el.closest('label')?.textContent]
    .filter(Boolean).join(' ');
}

/** The escalation cards in `roots`: the profile's, else the blocks that look like one. */
export function findCards(roots, site) {
  if (site?.card) {
    const found = all(roots, site.card).filter(isShown);
    if (found.length) return found;
  }
  return roots.flatMap(heuristicCards);
}

function markerCount(text) {
  return new Set((text.match(MARKERS) ?? []).map((m) => m.toLowerCase())).size;
}

function cardScore(el) {
  const text = el.innerText ?? '';
  if (text.length > MAX_CARD_CHARS) return -Infinity;
  const labels = (text.match(LABEL_LINE) ?? []).length;
  return markerCount(text) * 3 + Math.min(labels, 12) - text.length / 600;
}

function heuristicCards(root) {
  const body = root.body ?? root; // a document, or a shadow root
  if (!body) return [];
  // Elements holding a marker in their own text.
  const starts = new Set();
  const walker = (root.ownerDocument ?? root).createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    MARKERS.lastIndex = 0;
    if (MARKERS.test(n.data) && n.parentElement && !isOwn(n.parentElement)) starts.add(n.parentElement);
  }
  // From each, the ancestor that best looks like a card: never one holding
  // a reply box (that is the whole conversation view), never the page.
  // Starts share ancestors: each is scored once (innerText costs a layout walk).
  const scores = new Map();
  const scoreOf = (el) => {
    if (!scores.has(el)) scores.set(el, cardScore(el));
    return scores.get(el);
  };
  const best = new Map();
  for (const start of starts) {
    let top = null;
    let topScore = -Infinity;
    for (let el = start; el && el !== body; el = el.parentElement) {
      if (el.textContent.length > MAX_CARD_CHARS) break; // cheap, and never shorter than innerText
      if (el.isContentEditable || el.querySelector('textarea, [contenteditable]')) break;
      const score = scoreOf(el);
      if (score > topScore) {
        top = el;
        topScore = score;
      }
    }
    // Two markers, or one and two labelled lines: a lone "transferred" in
    // the thread is not a card.
    if (top && isShown(top) && topScore >= 5) best.set(top, topScore);
  }
  // Drop a candidate that sits inside another one, and the also-rans: a
  // queue of escalations or a details side bar has a marker or two too.
  const top = Math.max(...best.values());
  const cards = [...best.keys()].filter((el) => best.get(el) >= top / 2
    && ![...best.keys()].some((o) => o !== el && o.contains(el)));
  return cards.sort((a, b) => best.get(b) - best.get(a));
}

/** How many ancestors `a` and `b` share (deeper = closer in the page). */
function sharedDepth(a, b) {
  const chain = new Set();
  for (let n = a; n; n = n.parentNode) chain.add(n);
  let depth = 0;
  for (let n = b; n; n = n.parentNode) if (chain.has(n)) depth++;
  return depth;
}

/** The card nearest to `reply` in the page, or null. */
export function nearestCard(cards, reply) {
  let best = null;
  let bestDepth = -1;
  for (const card of cards) {
    const d = sharedDepth(card, reply);
    if (d > bestDepth) {
      best = card;
      bestDepth = d;
    }
  }
  return best;
}

/**
 * Without a profile: of the editables, the one that looks most like the
 * composer for `card` (says "reply"/"message", sits nearest, is largest).
 */
export function pickComposer(candidates, card) {
  let best = null;
  let bestScore = -Infinity;
  for (const el of candidates) {
    const r = el.getBoundingClientRect();
    const score = (COMPOSER.test(describe(el)) ? 50 : 0) + (card ? sharedDepth(card, el) * 5 : 0)
      + Math.min(r.width * r.height, 200000) / 20000;
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The card's text as the agent sees it, line by line (`innerText`), with
 * label/value structure that only layout expresses written out: a <dl>'s
 * terms and definitions and a table's header and data cells become
 * "Label: value" lines, the form every card reader understands.
 */
export function cardText(el) {
  if (!el.querySelector('dl, table')) return clean(el.innerText ?? el.textContent ?? '');
  const lines = [];
  let inline = '';
  const flush = () => {
    if (inline.trim()) lines.push(inline.replace(/\s+/g, ' ').trim());
    inline = '';
  };
  const cell = (c) => (c.innerText ?? c.textContent ?? '').replace(/\s+/g, ' ').trim();
  const visit = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        inline += child.data;
      } else if (child.nodeType !== 1 || !isShown(child)) {
        continue;
      } else if (child.localName === 'dl') {
        flush();
        definitionLines(child, cell, lines);
      } else if (child.localName === 'table') {
        flush();
        tableLines(child, cell, lines);
      } else if (child.querySelector('dl, table')) {
        flush();
        visit(child);
      } else if (getComputedStyle(child).display.startsWith('inline')) {
        inline += child.innerText ?? '';
      } else {
        flush();
        lines.push(...clean(child.innerText ?? '').split('\n'));
      }
    }
  };
  visit(el);
  flush();
  return lines.filter((l) => l.trim()).join('\n');
}

function definitionLines(dl, cell, lines) {
  let label = null;
  for (const item of dl.querySelectorAll('dt, dd')) {
    if (item.localName === 'dt') label = cell(item);
    else lines.push(label ? `${label}: ${cell(item)}` : cell(item));
  }
}

function tableLines(table, cell, lines) {
  const rows = [...table.rows];
  const head = rows[0] && [...rows[0].cells].every((c) => c.localName === 'th') && rows[0].cells.length > 2
    ? [...rows[0].cells].map(cell)
    : null;
  for (const row of head ? rows.slice(1) : rows) {
    const cells = [...row.cells].map(cell);
    if (head) cells.forEach((c, i) => c && lines.push(`${head[i] ?? ''}: ${c}`));
    else if (cells.length === 2) lines.push(`${cells[0]}: ${cells[1]}`);
    else lines.push(cells.filter(Boolean).join(' | '));
  }
}

function clean(text) {
  return text.replace(/\r\n?/g, '\n').replace(/[^\S\n]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** How many levels above `reply` its nearest common ancestor with `el` is (shadow hosts crossed). */
function levelsUp(reply, el) {
  let depth = 0;
  // A reply box in a frame is as far from the button as its frame is.
  for (let n = reply; n; n = n.parentNode || n.host || n.defaultView?.frameElement, depth++) {
    if (n.contains?.(el)) return depth;
  }
  return Infinity;
}

/**
 * The send button of `reply` that a click on `target` pressed, or null: the
 * site profile's `send` element; else a button that says Send / Submit (its
 * text, label, title or value), or a submit button of the reply's own form,
 * in the composer around the reply box.
 */
export function sendButtonAt(target, reply, site) {
  let el;
  try {
    el = target?.closest?.(site?.send || 'button, [role=button], input[type=submit], input[type=button]');
  } catch {
    return null; // a selector this browser rejects finds nothing
  }
  if (!el || el.contains(reply)) return null;
  if (site?.send) return el; // the profile says so
  const says = [el.getAttribute('aria-label'), el.getAttribute('title'), el.value, el.textContent]
    .some((t) => t && SEND_LABEL.test(t));
  const submits = el.type === 'submit' && el.form?.contains(reply);
  if (!says && !submits) return null;
  return levelsUp(reply, el) <= COMPOSER_DEPTH ? el : null;
}

/**
 * Whether plain Enter sends from `reply` (Ctrl/⌘+Enter always does): a
 * one-line input, or a box that says so with `enterkeyhint="send"`.
 */
export function enterSends(reply) {
  if (reply.localName === 'input') return true;
  const hint = reply.closest('[enterkeyhint]')?.getAttribute('enterkeyhint');
  return hint?.toLowerCase() === 'send';
}
