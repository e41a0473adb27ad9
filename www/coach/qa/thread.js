// Reading a helpdesk's conversation out of its page, as one audit line
// (CONTRACT §3): `{id, summary, messages: [{role, text, at}]}`. The site
// profile says where things are (a pack's `[[sites]]` entry, or the demo
// helpdesk's built-in one):
//
//   thread     every message element, in thread order
//   agent      what an agent's message matches        } a message matching none
//   ai         what a bot's message matches           } is the customer's; when
//   customer   what a customer's message matches      } `customer` is given, it
//                                                       is no message at all (a
//                                                       system note) and is left out
//   time       within a message: its time (`datetime`, else the text)
//   text       within a message: its text (else the whole message)
//
// Nothing here judges anything: the conversation goes to the engine's own
// line reader (`auditLine`), the one the command line uses, so the page and
// `handoff-coach audit` give the same answer for the same conversation.

// RFC 3339 with an offset: what an audit line's `at` must be.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function matches(el, selector) {
  if (!selector) return false;
  try {
    return el.matches(selector);
  } catch {
    return false; // a selector this browser rejects matches nothing
  }
}

function query(el, selector) {
  if (!selector) return null;
  try {
    return el.querySelector(selector);
  } catch {
    return null;
  }
}

/** The role of a message element, or null when it is not a message. */
export function roleOf(el, site) {
  if (matches(el, site.agent)) return 'agent';
  if (matches(el, site.ai)) return 'ai';
  if (matches(el, site.customer)) return 'customer';
  return site.customer ? null : 'customer';
}

/**
 * The time of a message as an audit line wants it: the element's
 * `datetime` (else its text) when it already is RFC 3339, else whatever the
 * browser can make of it as an ISO time; null when neither.
 */
export function timeOf(el, site) {
  const t = query(el, site.time);
  if (!t) return null;
  const raw = (t.getAttribute('datetime') || t.textContent || '').trim();
  if (!raw) return null;
  if (RFC3339.test(raw)) return raw;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** The text of a message as the reader sees it. */
function textOf(el, site) {
  const t = query(el, site.text) ?? el;
  return (t.innerText ?? t.textContent ?? '').replace(/\r\n?/g, '\n').trim();
}

/**
 * The conversation on the page: `{conversation, elements}`, the elements
 * of the messages in the conversation's order (index N of one is message N
 * of the other). `cardFor(el)` gives the card text nearest to an element,
 * or null.
 */
export function readConversation(roots, site, cardFor, doc = document) {
  const found = [];
  for (const root of roots) {
    try {
      found.push(...root.querySelectorAll(site.thread));
    } catch {
      return { conversation: null, elements: [] };
    }
  }
  // Thread order is document order, across shadow roots too.
  found.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const elements = [];
  const messages = [];
  for (const el of new Set(found)) {
    // A message inside another (a quoted reply) is part of that one.
    if (elements.some((outer) => outer.contains(el))) continue;
    const role = roleOf(el, site);
    if (!role) continue;
    elements.push(el);
    messages.push({ role, text: textOf(el, site), at: timeOf(el, site) });
  }
  if (!messages.length) return { conversation: null, elements };
  const summary = cardFor(elements[0]);
  return {
    conversation: { id: doc.location?.href ?? 'this page', summary: summary || null, messages },
    elements,
  };
}
