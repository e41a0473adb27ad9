// The page's settings live in the URL, and only there: `?editor=quill`
// opens the Quill reply box, `?mode=trainer&agent=Alex` starts the coach in
// trainer mode signed "Alex", `?guard=1` switches the send guard on (it is
// off by default), `?c=conv07` opens a conversation. Tests and the
// benchmark open any combination directly, and a reload keeps it.

/** The reply-box kinds the page offers, in the order the switch lists them. */
export const EDITORS = ['textarea', 'contenteditable', 'prosemirror', 'quill', 'ckeditor', 'iframe'];

/** Labels for the switch. */
export const EDITOR_LABELS = {
  textarea: 'Textarea',
  contenteditable: 'Contenteditable',
  prosemirror: 'ProseMirror',
  quill: 'Quill',
  ckeditor: 'CKEditor 5',
  iframe: 'Editor in a frame',
};

/** The coach's modes (CONTRACT §5 `data-hc-mode`). */
export const MODES = ['agent', 'trainer', 'qa'];

const DEFAULTS = { editor: 'textarea', mode: 'agent', agent: 'Alex', sendGuard: false, conversation: null };
const AGENT_MAX = 40;

function oneOf(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

/** The settings a URL's query string asks for; anything unknown falls back to the default. */
export function readSettings(search) {
  const p = new URLSearchParams(search);
  const agent = p.has('agent') ? p.get('agent').trim().slice(0, AGENT_MAX) : DEFAULTS.agent;
  return {
    editor: oneOf(p.get('editor'), EDITORS, DEFAULTS.editor),
    mode: oneOf(p.get('mode'), MODES, DEFAULTS.mode),
    agent,
    sendGuard: p.has('guard') ? p.get('guard') === '1' : DEFAULTS.sendGuard,
    conversation: p.get('c') || DEFAULTS.conversation,
  };
}

/** The query string for `settings` (relative, so it works under /strict/ too). */
export function settingsQuery(settings) {
  const p = new URLSearchParams();
  p.set('editor', settings.editor);
  p.set('mode', settings.mode);
  p.set('agent', settings.agent);
  if (settings.sendGuard) p.set('guard', '1');
  if (settings.conversation) p.set('c', settings.conversation);
  return `?${p}`;
}
