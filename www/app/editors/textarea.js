// The plain <textarea> reply box: what most helpdesks started with.
import { markEditable } from './common.js';

export function mount(host, { label, placeholder }) {
  const el = document.createElement('textarea');
  el.className = 'hd-textarea';
  el.rows = 6;
  el.placeholder = placeholder;
  el.spellcheck = true;
  markEditable(el, label);
  host.append(el);
  return {
    kind: 'textarea',
    editable: el,
    getText: () => el.value,
    setText(text) {
      // setRangeText keeps the browser's undo stack; the input event is what
      // a keystroke would fire.
      el.setRangeText(text, 0, el.value.length, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
    },
    focus: () => el.focus(),
    destroy: () => el.remove(),
  };
}
