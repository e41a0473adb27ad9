// Small display helpers the inbox, thread and details share.

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

function valid(iso) {
  const d = iso ? new Date(iso) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/** "10:12" in the viewer's time zone, or "" for a missing or bad time. */
export function formatTime(iso) {
  const d = valid(iso);
  return d ? TIME.format(d) : '';
}

/** "Mon, 2 Mar 2026", or "". */
export function formatDay(iso) {
  const d = valid(iso);
  return d ? DAY.format(d) : '';
}

/** Up to two initials for an avatar: "Sarah Chen" gives "SC", null gives "?". */
export function initials(name) {
  const words = String(name ?? '').split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length) return '?';
  const first = (w) => w.match(/\p{L}/u)[0].toUpperCase();
  return words.length === 1 ? first(words[0]) : first(words[0]) + first(words[words.length - 1]);
}

/** A <time> element: the display text, and the machine-readable moment in `datetime`. */
export function timeElement(iso, text = formatTime(iso)) {
  const el = document.createElement('time');
  if (iso) el.dateTime = iso;
  el.textContent = text;
  return el;
}

/** document.createElement with a class and text, the only way this page makes text nodes. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}
