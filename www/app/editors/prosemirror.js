// ProseMirror with the basic schema, history and the base keymap: the
// editor under many modern helpdesk composers.
import { loadVendor, markEditable, paragraphs } from './common.js';

export async function mount(host, { label, placeholder }) {
  const pm = await loadVendor('prosemirror');
  const { schema } = pm;
  const state = pm.EditorState.create({
    schema,
    plugins: [
      pm.history(),
      pm.keymap({
        'Mod-z': pm.undo,
        'Shift-Mod-z': pm.redo,
        'Mod-y': pm.redo,
        'Mod-b': pm.toggleMark(schema.marks.strong),
        'Mod-i': pm.toggleMark(schema.marks.em),
      }),
      pm.keymap(pm.baseKeymap),
    ],
  });
  const wrap = document.createElement('div');
  wrap.className = 'hd-prosemirror';
  host.append(wrap);
  const view = new pm.EditorView(wrap, {
    state,
    // ProseMirror owns view.dom's attributes: set ours through it, or it
    // would drop them on the next update.
    attributes: { role: 'textbox', 'aria-multiline': 'true', 'data-placeholder': placeholder },
  });
  markEditable(view.dom, label);
  return {
    kind: 'prosemirror',
    editable: view.dom,
    view,
    getText: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n'),
    setText(text) {
      const doc = view.state.doc;
      const blocks = paragraphs(text).map((line) => schema.node('paragraph', null, line ? [schema.text(line)] : []));
      const tr = view.state.tr.replaceWith(0, doc.content.size, blocks);
      view.dispatch(tr.setSelection(pm.TextSelection.atEnd(tr.doc)).scrollIntoView());
    },
    focus: () => view.focus(),
    destroy: () => {
      view.destroy();
      wrap.remove();
    },
  };
}
