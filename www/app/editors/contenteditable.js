// A plain contenteditable reply box, as many in-house helpdesks build it:
// one <div> per paragraph, as Chromium makes them on Enter.
import { markEditable, paragraphs } from './common.js';

export function mount(host, { label, placeholder }) {
  const el = document.createElement('div');
  el.className = 'hd-contenteditable';
  el.contentEditable = 'true';
  el.setAttribute('role', 'textbox');
  el.setAttribute('aria-multiline', 'true');
  el.dataset.placeholder = placeholder;
  el.spellcheck = true;
  markEditable(el, label);
  host.append(el);
  return {
    kind: 'contenteditable',
    editable: el,
    // innerText is what the agent sees: block boundaries and <br> as "\n".
    getText: () => el.innerText.replace(/\n$/, ''),
    setText(text) {
      const blocks = paragraphs(text).map((line) => {
        const div = document.createElement('div');
        if (line) div.textContent = line;
        else div.append(document.createElement('br'));
        return div;
      });
      el.replaceChildren(...(text ? blocks : []));
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
    },
    focus: () => el.focus(),
    destroy: () => el.remove(),
  };
}
