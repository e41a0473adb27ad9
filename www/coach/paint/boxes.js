// Underlines for <textarea> and <input>: their text has no DOM ranges, so
// it is laid out a second time in a hidden mirror that copies the field's
// computed style and width, measured there, and drawn as boxes in the
// coach's fixed overlay.
//
// Geometry is kept in two steps so that scrolling and moving stay cheap:
//   1. local rects: each span's boxes in the field's own untransformed
//      border-box coordinates, measured in the mirror (redone only when the
//      text, the spans, the field's width or its font change);
//   2. client rects: local rects minus the field's scroll, mapped through
//      its bounding box (which folds in every ancestor's translate and
//      scale, so fixed and transformed containers are followed), clipped to
//      the field's padding box.
// `frame()` runs once per animation frame and redoes only what changed.

import { editRegion } from '../diff.js';
import { frameOffset } from '../dom.js';

/** Style properties the mirror copies so that it wraps exactly like the field. */
const COPIED = [
  'boxSizing', 'width', 'height',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'borderTopStyle', 'borderRightStyle', 'borderBottomStyle', 'borderLeftStyle',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch',
  'fontKerning', 'fontFeatureSettings', 'fontVariationSettings', 'fontOpticalSizing',
  'lineHeight', 'letterSpacing', 'wordSpacing', 'textTransform', 'textIndent', 'textAlign',
  'textRendering', 'tabSize', 'direction', 'writingMode', 'wordBreak', 'overflowWrap',
  'whiteSpace', 'hyphens', 'unicodeBidi',
];

export class BoxPainter {
  /** Paints over `field` (a textarea or input) into `layer` (an element of the overlay). */
  constructor(field, layer) {
    this.field = field;
    this.layer = layer;
    this.clip = document.createElement('div');
    this.clip.className = 'clip';
    this.mirror = document.createElement('div');
    this.mirror.className = 'mirror';
    this.mirror.setAttribute('aria-hidden', 'true');
    layer.append(this.clip, this.mirror);
    this.spans = [];
    this.local = []; // per span: rects in field coordinates
    this.styleKey = ''; // what the mirror's copied style was taken from
    this.value = null; // the text the mirror holds
    this.measured = false; // this.local is up to date
    this.clientKey = '';
    this.boxes = [];
  }

  /** Shows `spans` (`{start, end, severity}`, UTF-16 offsets into the field's value). */
  show(spans) {
    this.spans = spans;
    this.measured = false;
    this.frame();
  }

  /** Follows the field: remeasures or moves the boxes if anything changed. */
  frame() {
    const el = this.field;
    if (!el.isConnected || el.getClientRects().length === 0) {
      this.clip.hidden = true;
      this.clientKey = '';
      return;
    }
    this.clip.hidden = false;
    const cs = getComputedStyle(el);
    const styleKey = [el.offsetWidth, el.offsetHeight, el.clientWidth, el.scrollHeight > el.clientHeight, cs.font,
      cs.lineHeight, cs.letterSpacing, cs.paddingLeft, cs.paddingTop, cs.textIndent].join('\u0001');
    if (styleKey !== this.styleKey) {
      this.styleKey = styleKey;
      this.#copyStyle(cs);
      this.measured = false;
    }
    // With nothing to underline the mirror holds no text: laying out a long
    // reply a second time on every keystroke is what would freeze the page.
    const value = this.spans.length ? el.value : '';
    if (value !== this.value) {
      // A keystroke changes a character or two of a long reply: change
      // those in the mirror's text node rather than replace it, so that
      // layout can keep the shaping of the rest.
      const node = this.mirror.firstChild;
      if (node?.nodeType === Node.TEXT_NODE && this.value && value) {
        const edit = editRegion(this.value, value);
        node.replaceData(edit.start, edit.oldEnd - edit.start, value.slice(edit.start, edit.newEnd));
      } else {
        this.mirror.textContent = value;
      }
      this.value = value;
      this.measured = false;
    }
    if (!this.measured) {
      this.measured = true;
      this.#measure();
      this.clientKey = '';
    }
    const r = el.getBoundingClientRect();
    const off = frameOffset(el);
    const clientKey = [r.left, r.top, r.width, r.height, el.scrollLeft, el.scrollTop, this.local.length, off.x, off.y].join(',');
    if (clientKey !== this.clientKey) {
      this.clientKey = clientKey;
      this.#place(r, off);
    }
  }

  /** The client rects of `span` as last drawn (for hit testing and the hover card). */
  rectsOf(span) {
    const i = this.spans.indexOf(span);
    if (i < 0 || !this.toClient) return [];
    const clip = this.clipRect;
    return this.local[i]
      .map((l) => this.toClient(l))
      .filter((c) => c.right > clip.left && c.left < clip.right && c.bottom > clip.top && c.top < clip.bottom);
  }

  destroy() {
    this.clip.remove();
    this.mirror.remove();
  }

  /** Gives the mirror the field's box and text style (only when they change: restyling costs a layout). */
  #copyStyle(cs) {
    const el = this.field;
    const m = this.mirror;
    for (const p of COPIED) m.style[p] = cs[p];
    m.style.width = `${el.offsetWidth}px`;
    m.style.height = `${el.offsetHeight}px`;
    m.style.borderColor = 'transparent';
    const single = el.localName === 'input';
    m.style.whiteSpace = single ? 'pre' : 'pre-wrap';
    if (single) {
      // An input centres its one line vertically in its content box.
      const inner = el.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
      m.style.lineHeight = `${Math.max(inner, 0)}px`;
    }
    // A visible scrollbar narrows the text: give the mirror the same one.
    const scrolls = !single && el.scrollHeight > el.clientHeight && cs.overflowY !== 'hidden';
    m.style.overflowY = scrolls ? 'scroll' : 'hidden';
    m.style.overflowX = 'hidden';
  }

  /** Measures every span in the mirror, in the field's own coordinates. */
  #measure() {
    const m = this.mirror;
    const text = this.value;
    const node = m.firstChild;
    const origin = m.getBoundingClientRect();
    const range = document.createRange();
    this.local = this.spans.map(({ start, end }) => {
      if (!node) return [];
      const s = Math.max(0, Math.min(start, text.length));
      const e = Math.max(s, Math.min(end, text.length));
      range.setStart(node, s);
      range.setEnd(node, e);
      return lineRects(range.getClientRects()).map((q) => ({
        x: q.left - origin.left, y: q.top - origin.top, w: q.width, h: q.height,
      }));
    });
  }

  /** Maps the local rects through the field's current box and draws them. */
  #place(r, off) {
    const el = this.field;
    const sx = el.offsetWidth ? r.width / el.offsetWidth : 1;
    const sy = el.offsetHeight ? r.height / el.offsetHeight : 1;
    const dx = el.scrollLeft;
    const dy = el.scrollTop;
    this.toClient = (l) => {
      const left = r.left + (l.x - dx) * sx;
      const top = r.top + (l.y - dy) * sy;
      return { left, top, right: left + l.w * sx, bottom: top + l.h * sy, width: l.w * sx, height: l.h * sy };
    };
    // Text is visible only inside the padding box.
    const clip = {
      left: r.left + el.clientLeft * sx,
      top: r.top + el.clientTop * sy,
      width: el.clientWidth * sx,
      height: el.clientHeight * sy,
    };
    clip.right = clip.left + clip.width;
    clip.bottom = clip.top + clip.height;
    this.clipRect = clip;
    // Measured in the field's viewport; drawn in the coach's (`off`: they
    // differ for a field in a frame).
    Object.assign(this.clip.style, {
      left: `${clip.left + off.x}px`, top: `${clip.top + off.y}px`, width: `${clip.width}px`, height: `${clip.height}px`,
    });
    let n = 0;
    this.spans.forEach((span, i) => {
      for (const l of this.local[i]) {
        const c = this.toClient(l);
        const box = this.boxes[n] ?? this.clip.appendChild(document.createElement('div'));
        this.boxes[n++] = box;
        box.className = `box ${span.severity}`;
        box.style.transform = `translate(${c.left - clip.left}px, ${c.top - clip.top}px)`;
        box.style.width = `${c.width}px`;
        box.style.height = `${c.height}px`;
      }
    });
    for (const extra of this.boxes.splice(n)) extra.remove();
  }
}

/**
 * One rect per line fragment: a Range's client rects can repeat a line's
 * box for each text run in it; keep the widest of those that share a line.
 */
function lineRects(list) {
  const out = [];
  for (const q of list) {
    if (q.width === 0 && list.length > 1) continue;
    const same = out.find((o) => Math.abs(o.top - q.top) < 1 && Math.abs(o.height - q.height) < 1 && q.left < o.right + 1 && q.right > o.left - 1);
    if (same) {
      const left = Math.min(same.left, q.left);
      const right = Math.max(same.right, q.right);
      Object.assign(same, { left, right, width: right - left });
    } else {
      out.push({ left: q.left, top: q.top, right: q.right, width: q.width, height: q.height });
    }
  }
  return out;
}
