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
