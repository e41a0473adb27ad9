// Underlines for <textarea> and <input>: their text has no DOM ranges, so
// it is laid out a second time in a hidden mirror that copies the field's
// computed style and width, measured there, and drawn as boxes in the
// coach's fixed overlay.
//
// Geometry is kept in two steps so that scrolling and moving stay cheap:
//   1. local rects: each span's boxes in the field's own untransformed
//      border-box coordinates, measured in the mirror (redone only when the
//      text, the spans, the field's width or its font change; the mirror
//      holds the text a block per line, so that after a keystroke layout
//      redoes that line's block, not the whole reply);
//   2. client rects: local rects minus the field's scroll, mapped through
//      its bounding box (which folds in every ancestor's translate and
//      scale, so fixed and transformed containers are followed), clipped to
//      the field's padding box.
// `frame()` runs once per animation frame and redoes only what changed.
//
// Typing after every underline (the common case: a reply is written from
// its start to its end) moves none of them when lines are laid from the
// left: the mirror then waits for the next `show()` instead of being laid
// out again on every keystroke, in the frame that the check's answer, on
// its way, would otherwise wait behind.

import { editRegion } from '../diff.js';
import { frameOffset } from '../dom.js';
import { sameSpans } from '../spans.js';

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
    this.lines = []; // that text cut after each "\n": the mirror's blocks, in order
    this.starts = []; // where each line starts in the text
    this.oneBlock = false; // the whole text in one block (see #setText)
    this.measured = false; // this.local is up to date
    this.fromLeft = false; // lines are laid from the left (see #unmoved)
    this.clientKey = '';
    this.boxes = [];
  }

  /**
   * Shows `spans` (`{start, end, severity}`, UTF-16 offsets into the field's
   * value). The same spans again (a keystroke's answer usually finds what the
   * last one did) keep what was measured, unless the text moved them.
   */
  show(spans) {
    if (!sameSpans(spans, this.spans)) {
      this.measured = false;
      this.clientKey = '';
    }
    this.spans = spans;
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
      cs.lineHeight, cs.letterSpacing, cs.paddingLeft, cs.paddingTop, cs.textIndent, cs.textAlign, cs.direction].join('\u0001');
    if (styleKey !== this.styleKey) {
      this.styleKey = styleKey;
      this.#copyStyle(cs);
      this.measured = false;
    }
    // With nothing to underline the mirror holds no text: laying out a long
    // reply a second time on every keystroke is what would freeze the page.
    const value = this.spans.length ? el.value : '';
    if (value !== this.value && !(this.measured && this.#unmoved(value))) {
      this.#setText(value);
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

  /**
   * Puts `value` in the mirror, a block per line (each line with its "\n"),
   * changing only the lines that changed; within a line that changed alone
   * (a keystroke), only its changed characters, so that layout keeps the
   * shaping of the rest. Lines wrap alike in one block or in several: a
   * forced break starts a new paragraph for line breaking and bidi either
   * way. Not so `text-indent`, which indents the first line of every block:
   * with one, the text stays in one block.
   */
  #setText(value) {
    const lines = !value ? [] : this.oneBlock ? [value] : value.split(/(?<=\n)/);
    const old = this.lines;
    const blocks = this.mirror.children;
    let head = 0;
    while (head < lines.length && head < old.length && lines[head] === old[head]) head++;
    let tail = 0;
    while (tail < lines.length - head && tail < old.length - head
      && lines[lines.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
    const removed = old.length - head - tail;
    const added = lines.length - head - tail;
    if (removed === 1 && added === 1) {
      const node = blocks[head].firstChild;
      const edit = editRegion(old[head], lines[head]);
      node.replaceData(edit.start, edit.oldEnd - edit.start, lines[head].slice(edit.start, edit.newEnd));
    } else {
      for (let i = 0; i < removed; i++) blocks[head].remove();
      const next = blocks[head] ?? null;
      for (const line of lines.slice(head, head + added)) {
        const block = document.createElement('div');
        block.textContent = line;
        this.mirror.insertBefore(block, next);
      }
    }
    this.lines = lines;
    let at = 0;
    this.starts = lines.map((line) => (at += line.length) - line.length);
  }

  /**
   * Whether the spans, measured in the mirror's text, keep their boxes in
   * `value`: it differs from that text only after a break opportunity past
   * the last span (so the words the spans sit in stay on their lines), and
   * lines start at the left (left-aligned, left to right: nothing later on
   * a line moves what comes before it; centred, right-aligned or justified
   * lines shift as they fill).
   */
  #unmoved(value) {
    if (!this.fromLeft) return false;
    const last = this.spans.reduce((end, s) => Math.max(end, s.end), 0);
    const { start } = editRegion(this.value, value);
    return start > last && /\s/.test(this.value.slice(last, start));
  }

  /** The index of the line that holds offset `at` (the last line for the text's end). */
  #lineAt(at) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
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
    this.fromLeft = cs.direction === 'ltr' && (cs.textAlign === 'start' || cs.textAlign === 'left');
    const oneBlock = cs.textIndent !== '0px';
    if (oneBlock !== this.oneBlock) {
      this.oneBlock = oneBlock;
      this.mirror.replaceChildren();
      this.lines = [];
      this.value = null; // laid out again, the other way
    }
  }

  /** Measures every span in the mirror, in the field's own coordinates. */
  #measure() {
    const m = this.mirror;
    const { lines, starts } = this;
    const length = this.value.length;
    const origin = m.getBoundingClientRect();
    const range = document.createRange();
    this.local = this.spans.map(({ start, end }) => {
      if (!lines.length) return [];
      const s = Math.max(0, Math.min(start, length));
      const e = Math.max(s, Math.min(end, length));
      // The span's part in each line it covers.
      const rects = [];
      const first = this.#lineAt(s);
      for (let i = first; i < lines.length && (i === first || starts[i] < e); i++) {
        const node = m.children[i].firstChild;
        range.setStart(node, Math.max(0, s - starts[i]));
        range.setEnd(node, Math.min(lines[i].length, e - starts[i]));
        rects.push(...range.getClientRects());
      }
      return lineRects(rects).map((q) => ({
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
