// Small DOM helpers the coach's own UI is built with. Every piece of page
// or engine text goes in through `textContent` (here: string children), never
// through markup, so nothing a card or a reply says can become HTML.

/**
 * Creates `<tag>` with `attrs` (strings; `null`/`undefined`/`false` skip the
 * attribute; keys starting with "on" add listeners) and `children`
 * (nodes or strings, which become text nodes).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
}

/**
 * Creates one of the coach's host elements (`handoff-coach-panel` …) with an
 * open shadow root holding `css`. A content script has no `customElements`
 * registry (it is null in an extension's isolated world), so a host is a
 * plain element with a valid custom-element name, driven by its controller;
 * the page gets exactly the same element.
 */
export function shadowHost(name, css) {
  const host = document.createElement(name);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  return { host, root };
}

/**
 * Where the viewport of `el`'s document sits in the viewport of `doc` (the
 * document the coach draws in): what to add to `el`'s client rects to place
 * something beside it. Zero for an element of `doc` itself; for the body of
 * an editor in a frame, the frame's content box, frame within frame.
 */
export function frameOffset(el, doc = document) {
  let x = 0;
  let y = 0;
  let win = el.ownerDocument?.defaultView;
  while (win && win.document !== doc) {
    const frame = win.frameElement;
    if (!frame) break;
    const r = frame.getBoundingClientRect();
    const cs = frame.ownerDocument.defaultView.getComputedStyle(frame);
    x += r.left + frame.clientLeft + (parseFloat(cs.paddingLeft) || 0);
    y += r.top + frame.clientTop + (parseFloat(cs.paddingTop) || 0);
    win = frame.ownerDocument.defaultView;
  }
  return { x, y };
}

/** `rect` (a client rect) moved by `offset` (from `frameOffset`). */
export function shiftRect(rect, { x, y }) {
  if (!x && !y) return rect;
  const { left, top, width, height } = rect;
  return { left: left + x, top: top + y, right: left + x + width, bottom: top + y + height, width, height, x: left + x, y: top + y };
}

/** Whether `el` takes up room on screen (not display:none, not detached). */
export function isShown(el) {
  return el.isConnected && el.getClientRects().length > 0;
}

/** `node` or its shadow host chain contains an element of the coach's own. */
export function isOwn(node) {
  for (let n = node; n; n = n.parentNode || n.host) {
    if (n.nodeType === 1 && n.localName.startsWith('handoff-coach-')) return true;
  }
  return false;
}
