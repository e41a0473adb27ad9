// The <textarea> / <input> adapter: the value is the text, offsets are the
// value's own UTF-16 offsets.
import { BoxPainter } from '../paint/boxes.js';
import { insertAsTyped } from './edit.js';
import { typedText } from './expected.js';

/**
 * The field of a `<textarea>` or `<input>`. `early`: announce at
 * `beforeinput` the text a typed character is about to make (see
 * expected.js), for an engine on another thread.
 */
export function textField(el, { early = false } = {}) {
  let last = el.value;
  let onChange = () => {};
  let onExpect = () => {};
  const changed = () => {
    if (el.value === last) return;
    last = el.value;
    onChange();
  };
  el.addEventListener('input', changed);
  const before = (event) => {
    const data = typedText(event, el.localName === 'textarea');
    const start = el.selectionStart;
    const end = el.selectionEnd;
    if (data === null || start === null || end === null) return;
    if (el.maxLength >= 0 && el.value.length - (end - start) + data.length > el.maxLength) return;
    onExpect(el.value.slice(0, start) + data + el.value.slice(end));
  };
  if (early) el.addEventListener('beforeinput', before);
  return {
    kind: el.localName,
    element: el,
    text: () => el.value,
    watch(cb) {
      onChange = cb;
    },
    expect(cb) {
      onExpect = cb;
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
      el.removeEventListener('beforeinput', before);
    },
  };
}
