// The <textarea> / <input> adapter: the value is the text, offsets are the
// value's own UTF-16 offsets.
import { BoxPainter } from '../paint/boxes.js';
import { insertAsTyped } from './edit.js';

export function textField(el) {
  let last = el.value;
  let onChange = () => {};
  const changed = () => {
    if (el.value === last) return;
    last = el.value;
    onChange();
  };
  el.addEventListener('input', changed);
  return {
    kind: el.localName,
    element: el,
    text: () => el.value,
    watch(cb) {
      onChange = cb;
    },
    // Frameworks set `value` without an input event (a reply sent, a draft restored).
    poll: changed,
    replace(start, end, text) {
      el.focus();
      el.setSelectionRange(start, end);
      if (!insertAsTyped(el.ownerDocument, text)) {
        // No execCommand: the standard way, announced like typing.
        el.setRangeText(text, start, end, 'end');
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
      }
      changed();
    },
    select(start, end) {
      el.focus();
      el.setSelectionRange(start, end);
    },
    painter: (layer) => new BoxPainter(el, layer),
    destroy() {
      el.removeEventListener('input', changed);
    },
  };
}
