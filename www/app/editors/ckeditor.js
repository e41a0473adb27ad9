// CKEditor 5's classic editor with the essentials, bold and italic (GPL
// licence key: no network, no trial banner).
import { loadVendor, paragraphs } from './common.js';
import { REPLY_ATTRIBUTE } from '../site.js';

export async function mount(host, { label, placeholder }) {
  const ck = await loadVendor('ckeditor');
  const wrap = document.createElement('div');
  wrap.className = 'hd-ckeditor';
  const source = document.createElement('div');
  wrap.append(source);
  host.append(wrap);
  const editor = await ck.ClassicEditor.create(source, {
    licenseKey: 'GPL',
    plugins: [ck.Essentials, ck.Paragraph, ck.Bold, ck.Italic],
    toolbar: ['bold', 'italic', '|', 'undo', 'redo'],
    placeholder,
    label,
  });
  // CKEditor re-renders its editable's attributes from its view: set ours
  // there, or the next render would drop them.
  const view = editor.editing.view;
  view.change((writer) => writer.setAttribute(REPLY_ATTRIBUTE, '', view.document.getRoot()));
  const root = editor.model.document.getRoot();
  return {
    kind: 'ckeditor',
    editable: editor.ui.getEditableElement(),
    editor,
    getText: () =>
      Array.from(root.getChildren(), (block) =>
        Array.from(block.getChildren(), (node) => (node.is('$text') ? node.data : '')).join(''),
      ).join('\n'),
    setText(text) {
      editor.model.change((writer) => {
        writer.remove(writer.createRangeIn(root));
        let last = null;
        for (const line of paragraphs(text)) {
          last = writer.createElement('paragraph');
          if (line) writer.appendText(line, last);
          writer.append(last, root);
        }
        writer.setSelection(last, 'end');
      });
    },
    focus: () => view.focus(),
    destroy: () => editor.destroy().then(() => wrap.remove()),
  };
}
