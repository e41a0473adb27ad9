// Quill 2 with the Snow theme and a small toolbar, as Help Scout-style
// composers use it.
import { loadVendor, markEditable } from './common.js';

export async function mount(host, { label, placeholder }) {
  const { default: Quill } = await loadVendor('quill');
  const wrap = document.createElement('div');
  wrap.className = 'hd-quill';
  const container = document.createElement('div');
  wrap.append(container);
  host.append(wrap);
  const quill = new Quill(container, {
    theme: 'snow',
    placeholder,
    modules: { toolbar: [['bold', 'italic', 'link'], [{ list: 'ordered' }, { list: 'bullet' }]] },
  });
  markEditable(quill.root, label);
  return {
    kind: 'quill',
    editable: quill.root,
    quill,
    // Quill's text always ends with the last line's "\n".
    getText: () => quill.getText().replace(/\n$/, ''),
    setText(text) {
      quill.setText(text, 'user');
      quill.setSelection(quill.getLength(), 0, 'user');
    },
    focus: () => quill.focus(),
    destroy: () => wrap.remove(),
  };
}
