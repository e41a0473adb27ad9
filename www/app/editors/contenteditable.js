// A plain contenteditable reply box, as many in-house helpdesks build it:
// one <div> per paragraph, as Chromium makes them on Enter.
import { markEditable, paragraphs } from './common.js';

// The reply as the agent sees it: one line per paragraph <div>, and text
// before the first one (Chromium leaves the first line bare) as a line of
// its own. Not innerText: it counts an empty paragraph's <br> as two lines.
export function plainText(el) {
  const lines = [];
  let loose = null;
  for (const node of el.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && (node.localName === 'div' || node.localName === 'p')) {
      if (loose !== null) lines.push(loose);
      loose = null;
      lines.push(node.innerText.replace(/\n$/, ''));
    } else {
      loose = (loose ?? '') + (node.nodeName === 'BR' ? '\n' : node.textContent);
    }
  }
  if (loose !== null) lines.push(loose.replace(/\n$/, ''));
  return lines.join('\n');
}

/** Replaces the content of the editable `el` with `text`, one <div> per line. */
export function setParagraphs(el, text) {
  const doc = el.ownerDocument;
  const blocks = paragraphs(text).map((line) => {
    const div = doc.createElement('div');
    if (line) div.textContent = line;
    else div.append(doc.createElement('br'));
    return div;
  });
  el.replaceChildren(...(text ? blocks : []));
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
}

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
    getText: () => plainText(el),
    setText: (text) => setParagraphs(el, text),
    focus: () => el.focus(),
    destroy: () => el.remove(),
  };
}
