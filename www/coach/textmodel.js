// The text model of a contenteditable reply box: the plain text the engine
// is sent, and the way back from its UTF-16 offsets to DOM positions.
//
// One model serves plain contenteditable, ProseMirror, Quill and CKEditor 5,
// because all four end up as the same DOM shapes: block elements for lines,
// text nodes, <br> for soft breaks, and a few placeholders. The model is what
// the agent sees, line for line:
//
//   * every leaf block (<p>, <div>, <li>, <h1>…) is one line; lines are
//     joined by "\n" (an empty paragraph is an empty line);
//   * <br> inside a line is "\n", except a trailing <br> that only holds an
//     empty line open (ProseMirror's trailing break, Quill's <p><br></p>,
//     CKEditor's data-cke-filler, and Chromium's own);
//   * zero-width characters the editors insert to park the caret (CKEditor's
//     inline filler U+2060, Quill's cursor U+FEFF, U+200B) are left out;
//   * a no-break space is sent as a space (same length, so offsets hold);
//   * markup whitespace between blocks (source indentation) is left out
//     where the editable does not preserve whitespace.
//
// Offsets are UTF-16 code units, like every JavaScript string, so a text
// node's data maps one to one onto the model.

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);

// Elements whose content is never part of the reply text.
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg']);

const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/;

function isBlock(node) {
  return node.nodeType === 1 && BLOCKS.has(node.nodeName);
}

/** Whether `br` only holds its line open: nothing visible follows it in its block. */
function isTrailingBreak(br) {
  for (let n = br; n; n = n.parentNode) {
    if (isBlock(n) || n.isContentEditable === false) break;
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      if (s.nodeType === 3 && s.data.replace(ZERO_WIDTH, '') !== '') return false;
      if (s.nodeType === 1 && !isBlock(s)) return false;
      if (isBlock(s)) return true;
    }
    if (n.parentNode && isBlock(n.parentNode)) break;
  }
  return true;
}

/**
 * A snapshot of an editable's text. `text` is what the engine checks;
 * `segments` map it back: `{node, offset, start, length}` for a run of a
 * text node, `{node: null, start, length: 1}` for a line break the DOM
 * expresses with structure.
 */
export class TextModel {
  constructor(root) {
    this.root = root;
    this.segments = [];
    this.text = '';
    const preserve = /^(pre|break-spaces)/.test(getComputedStyle(root).whiteSpace);
    this.#build(root, preserve);
  }

  #build(root, preserve) {
    const parts = [];
    let length = 0;
    let started = false; // a line has begun
    let needBreak = false; // the next content starts a new line
    const push = (node, offset, data) => {
      if (needBreak) {
        this.segments.push({ node: null, start: length, length: 1 });
        parts.push('\n');
        length += 1;
        needBreak = false;
      }
      if (node === null && data === '\n') {
        this.segments.push({ node: null, start: length, length: 1 });
      } else {
        this.segments.push({ node, offset, start: length, length: data.length });
      }
      parts.push(data);
      length += data.length;
      started = true;
    };
    const text = (node) => {
      let data = node.data;
      if (!preserve && /^\s*$/.test(data) && /\n/.test(data)) return; // markup indentation
      if (!preserve) data = data.replace(/[\n\t\r]/g, ' ');
      data = data.replace(/\u00A0/g, ' ');
      // Split around zero-width characters so they map to nothing.
      let from = 0;
      for (let i = 0; i <= data.length; i++) {
        if (i === data.length || ZERO_WIDTH.test(data[i])) {
          if (i > from) push(node, from, data.slice(from, i));
          from = i + 1;
        }
      }
    };
    const walk = (parent) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 3) {
          text(node);
        } else if (node.nodeType !== 1 || SKIPPED.has(node.nodeName)) {
          continue;
        } else if (node.nodeName === 'BR') {
          if (!isTrailingBreak(node)) push(null, 0, '\n');
          else started = true; // an empty line held open still counts as a line
        } else if (isBlock(node)) {
          if (started) needBreak = true;
          const before = length;
          const hadBreak = needBreak;
          walk(node);
          const leaf = !Array.prototype.some.call(node.children, isBlock);
          if (leaf && length === before && hadBreak === needBreak) {
            // An empty line (<p><br></p>): it is a line of its own.
            if (needBreak) {
              this.segments.push({ node: null, start: length, length: 1 });
              parts.push('\n');
              length += 1;
              needBreak = false;
            }
            started = true;
          }
          needBreak = true;
        } else {
          walk(node);
        }
      }
    };
    walk(root);
    this.text = parts.join('');
  }

  /** Index of the first segment that ends after `offset` (binary search). */
  #segmentAt(offset) {
    let lo = 0;
    let hi = this.segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segments[mid];
      if (s.start + s.length <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The DOM position of `offset`: `[node, nodeOffset]`. `affinity` says
   * which side wins at a boundary: 'forward' (a range's start: the next
   * text) or 'backward' (a range's end: the text before).
   */
  position(offset, affinity) {
    const segs = this.segments;
    if (!segs.some((s) => s.node)) return [this.#firstLine(), 0];
    offset = Math.max(0, Math.min(offset, this.text.length));
    let i = this.#segmentAt(offset);
    if (affinity === 'backward') {
      // The end of the text run that finishes at or contains offset.
      let j = Math.min(i, segs.length - 1);
      if (segs[j].start >= offset && j > 0) j -= 1;
      for (; j >= 0; j--) {
        const s = segs[j];
        if (s.node) return [s.node, s.offset + Math.min(s.length, Math.max(0, offset - s.start))];
      }
      return [this.root, 0];
    }
    for (; i < segs.length; i++) {
      const s = segs[i];
      if (s.node) return [s.node, s.offset + Math.max(0, offset - s.start)];
    }
    const last = segs.findLast((s) => s.node);
    return [last.node, last.offset + last.length];
  }

  /**
   * Where typing starts in an editable without text: inside its first line
   * (`<p><br></p>`), not before it. Editors map only positions inside their
   * blocks to their own model, and ignore an edit anywhere else.
   */
  #firstLine() {
    let el = this.root;
    for (let child = el.firstElementChild; child && isBlock(child); child = el.firstElementChild) el = child;
    return el;
  }

  /**
   * The offset in `text` of the DOM position `[node, nodeOffset]`, or null
   * when it is not inside a text run the model holds (an element boundary,
   * a zero-width caret filler): the way from the DOM to the model, which
   * only the text positions need.
   */
  offsetOf(node, nodeOffset) {
    if (node?.nodeType !== 3) return null;
    for (const s of this.segments) {
      if (s.node === node && nodeOffset >= s.offset && nodeOffset <= s.offset + s.length) {
        return s.start + nodeOffset - s.offset;
      }
    }
    return null;
  }

  /** A live DOM Range over `start..end` (UTF-16 offsets into `text`). */
  range(start, end) {
    const range = this.root.ownerDocument.createRange();
    const [sn, so] = this.position(start, 'forward');
    range.setStart(sn, so);
    // An end that lands before the start (a span over a line break alone)
    // collapses the range, as the DOM does: there is nothing to draw.
    if (end > start) range.setEnd(...this.position(end, 'backward'));
    return range;
  }
}
