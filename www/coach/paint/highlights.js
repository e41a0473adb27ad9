// Underlines for contenteditable reply boxes (plain, ProseMirror, Quill,
// CKEditor 5) through the CSS Custom Highlight API: ranges over the editor's
// own text nodes, painted by the browser. Nothing is added to the editor's
// DOM, so no editor ever sees a foreign node, and the underlines scroll,
// wrap and transform with the text by themselves.
//
// Highlights are registered per document under one name per severity; the
// `::highlight()` styles that draw them are installed once per document
// (they must live in the page's style scope, where the text is).

import { sameSpans } from '../spans.js';

const SEVERITIES = ['error', 'warning', 'hint'];
const NAME = (severity) => `handoff-coach-${severity}`;

const STYLE = `
::highlight(handoff-coach-error) { text-decoration: underline wavy #d93025; text-decoration-skip-ink: none; text-underline-offset: 3px; background-color: rgb(217 48 37 / 0.08); }
::highlight(handoff-coach-warning) { text-decoration: underline wavy #c26401; text-decoration-skip-ink: none; text-underline-offset: 3px; background-color: rgb(242 153 0 / 0.10); }
::highlight(handoff-coach-hint) { text-decoration: underline dotted #1a73e8; text-decoration-skip-ink: none; text-underline-offset: 3px; }
`;

const registries = new WeakMap();
const styled = new WeakSet();

/**
 * The highlights of `el`'s document, one per severity, created on first
 * use, and the styles that draw them in `el`'s tree (the document, or the
 * shadow root a web-component composer lives in: styles do not cross it).
 */
function registry(el) {
  const doc = el.ownerDocument;
  let reg = registries.get(doc);
  if (!reg) {
    reg = {};
    for (const s of SEVERITIES) {
      reg[s] = new doc.defaultView.Highlight(); // the frame's own, for an editor in a frame
      doc.defaultView.CSS.highlights.set(NAME(s), reg[s]);
    }
    registries.set(doc, reg);
  }
  const tree = el.getRootNode();
  if (!styled.has(tree)) {
    // A constructed sheet: not an element in the page, and not subject to
    // the page's style-src (helpdesks often forbid inline styles).
    const sheet = new doc.defaultView.CSSStyleSheet();
    sheet.replaceSync(STYLE);
    tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, sheet];
    styled.add(tree);
  }
  return reg;
}

/** Whether this browser can paint highlights at all. */
export function highlightsSupported() {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

export class HighlightPainter {
  /** Paints over `field` (an editable field with `model()`). */
  constructor(field) {
    this.field = field;
    this.reg = registry(field.element);
    this.ranges = new Map(); // span -> Range
  }

  /**
   * Shows `spans` (`{start, end, severity}`, UTF-16 offsets into the field's
   * text). The same spans again keep their ranges while each still covers
   * its words (live ranges follow the edits around them; one whose text an
   * editor re-rendered collapses, and is made again).
   */
  show(spans) {
    const model = this.field.model();
    const old = [...this.ranges];
    const kept = sameSpans(spans, old.map(([span]) => span))
      && old.every(([span, range]) => range.toString() === model.text.slice(span.start, span.end));
    if (kept) {
      this.ranges = new Map(spans.map((span, i) => [span, old[i][1]]));
      return;
    }
    this.#clear();
    for (const span of spans) {
      if (!(span.end > span.start)) continue;
      const range = model.range(span.start, span.end);
      if (range.collapsed) continue;
      this.ranges.set(span, range);
      this.reg[span.severity]?.add(range);
    }
  }

  /** Highlights follow the text by themselves. */
  frame() {}

  /** The client rects of `span` (for hit testing and the hover card). */
  rectsOf(span) {
    const range = this.ranges.get(span);
    return range ? [...range.getClientRects()].filter((r) => r.width > 0) : [];
  }

  destroy() {
    this.#clear();
  }

  #clear() {
    for (const [span, range] of this.ranges) this.reg[span.severity]?.delete(range);
    this.ranges.clear();
  }
}
