// Shows an escalation card the way the bot platform sent it: text with its
// line breaks, a box drawn with characters in a fixed-width font, a data dump
// as code, and HTML as HTML.
//
// Card text is data, never markup: text goes in with textContent, and an
// HTML card is parsed by DOMParser (an inert document: no script runs, no
// image loads) and rebuilt here element by element from a small safe subset
// (structure and emphasis, no attributes, no links, no media). Anything else
// is dropped with its content (script, style, iframe...) or unwrapped to its
// text (unknown elements).
import { el } from './format.js';

const KEEP = new Set([
  'div', 'p', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'ul', 'ol', 'li',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'b', 'strong', 'i', 'em', 'u',
  'small', 'code', 'pre', 'br', 'hr', 'blockquote',
]);
const DROP = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math', 'head', 'title', 'link', 'meta', 'img', 'video', 'audio', 'form', 'input', 'button', 'select', 'textarea']);
// Table cells may keep their span, as a number: layout, not content.
const SPANS = ['colspan', 'rowspan'];

function copySafe(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.append(document.createTextNode(node.data));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const tag = node.localName;
      if (DROP.has(tag)) continue;
      if (!KEEP.has(tag)) {
        copySafe(node, to);
        continue;
      }
      const copy = document.createElement(tag);
      for (const name of SPANS) {
        const n = Number.parseInt(node.getAttribute(name) ?? '', 10);
        if ((tag === 'td' || tag === 'th') && n > 1 && n < 100) copy.setAttribute(name, String(n));
      }
      copySafe(node, copy);
      to.append(copy);
    }
  }
}

/** The safe DOM of an HTML card, in a fragment of this document. */
export function safeHtml(source) {
  const parsed = new DOMParser().parseFromString(String(source), 'text/html');
  const out = document.createDocumentFragment();
  copySafe(parsed.body, out);
  return out;
}

/**
 * The card's element: `.hd-card` (the element the site profile points the
 * coach at), shaped by `card.display` (`text`, `mono`, `code` or `html`).
 */
export function renderCard(card) {
  const display = ['text', 'mono', 'code', 'html'].includes(card.display) ? card.display : 'text';
  const box = el('div', `hd-card hd-card--${display}`);
  if (display === 'html') {
    box.append(safeHtml(card.text));
  } else if (display === 'code') {
    const pre = el('pre');
    pre.append(el('code', null, card.text));
    box.append(pre);
  } else if (display === 'mono') {
    box.append(el('pre', null, card.text));
  } else {
    box.textContent = card.text;
  }
  return box;
}
