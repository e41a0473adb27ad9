// The demo helpdesk: wires the inbox, the thread, the details, the reply box
// and the coach together. Everything the page shows comes from
// data/conversations.json (derived from the corpus by scripts/demo-data.mjs)
// and from the URL's settings (settings.js).
//
// The reply box kind is fixed for a page load (switching reloads: each
// editor is a different page's worth of code); the coach's mode and the
// agent's name switch live, and the URL follows so a reload keeps them.
//
// For tests and the benchmark the page exposes `window.helpdesk`:
// { settings, site, reply (the mounted reply box, see editors/index.js),
//   ready (a promise, resolved once the reply box is mounted and the coach
//   has started or given up), coach (its handle, or null), open(id) }.
import { startCoach, statusIn } from './coach.js';
import { renderDetails } from './details.js';
import { mountEditor } from './editors/index.js';
import { renderInbox, markOpen, displayName } from './inbox.js';
import { EDITORS, EDITOR_LABELS, readSettings, settingsQuery } from './settings.js';
import { SITE } from './site.js';
import { renderThread } from './thread.js';

const $ = (id) => document.getElementById(id);
const settings = readSettings(location.search);
const helpdesk = { settings, site: SITE, reply: null, coach: null, open: null };
window.helpdesk = helpdesk;

async function main() {
  const data = await fetch(new URL('../data/conversations.json', import.meta.url)).then((r) => r.json());
  const { conversations } = data;
  const byId = new Map(conversations.map((c) => [c.id, c]));
  const sent = new Map(); // conversation id -> messages sent from this page
  const list = $('hd-queue');
  const thread = $('hd-thread');
  let conv = null;

  function render() {
    renderThread(thread, conv, {
      mode: settings.mode,
      names: { customer: displayName(conv), ai: 'AI assistant', agent: 'Agent' },
      sent: sent.get(conv.id) ?? [],
      agent: settings.agent,
    });
    renderDetails($('hd-details'), conv, settings);
    scrollThread();
  }

  // The card is what the agent reads first: show the handoff note from its
  // top, unless this page has sent messages since, which come last.
  function scrollThread() {
    const note = thread.querySelector('.hd-handoff');
    if (note && !sent.get(conv.id)?.length) thread.scrollTop = note.offsetTop - 12;
    else thread.scrollTop = thread.scrollHeight;
  }

  function open(id, { push = false } = {}) {
    conv = byId.get(id) ?? conversations[0];
    settings.conversation = conv.id;
    if (push) history.pushState(null, '', settingsQuery(settings));
    markOpen(list, conv.id);
    $('hd-conv-title').textContent = displayName(conv);
    $('hd-conv-sub').textContent = `${conv.id} · ${conv.messages.length ? 'Web chat' : 'Ticket'} · escalated by AI assistant`;
    render();
    helpdesk.reply?.setText('');
  }
  helpdesk.open = open;

  // Mode and agent name: live, and kept in the URL.
  function change(changes) {
    Object.assign(settings, changes);
    history.replaceState(null, '', settingsQuery(settings));
    helpdesk.coach?.setSettings({ mode: settings.mode, agent: settings.agent, sendGuard: settings.sendGuard });
    render();
  }

  const editor = $('hd-editor');
  editor.replaceChildren(
    ...EDITORS.map((kind) => {
      const o = document.createElement('option');
      o.value = kind;
      o.textContent = EDITOR_LABELS[kind];
      o.selected = kind === settings.editor;
      return o;
    }),
  );
  editor.addEventListener('change', () => {
    location.search = settingsQuery({ ...settings, editor: editor.value });
  });
  for (const input of document.querySelectorAll('input[name="hd-mode"]')) {
    input.checked = input.value === settings.mode;
    input.addEventListener('change', () => input.checked && change({ mode: input.value }));
  }
  const guard = $('hd-guard');
  guard.checked = settings.sendGuard;
  guard.addEventListener('change', () => change({ sendGuard: guard.checked }));
  const agent = $('hd-agent');
  agent.value = settings.agent;
  agent.addEventListener('change', () => change({ agent: agent.value.trim() }));

  $('hd-queue-count').textContent = String(conversations.length);
  renderInbox(list, conversations, (id) => settingsQuery({ ...settings, conversation: id }));
  list.addEventListener('click', (event) => {
    const a = event.target.closest('a.hd-qi');
    if (!a || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(a.dataset.conversation, { push: true });
  });
  window.addEventListener('popstate', () => open(readSettings(location.search).conversation));
  open(settings.conversation);

  const host = $('hd-reply-host');
  try {
    helpdesk.reply = await mountEditor(settings.editor, host, { label: 'Reply to the customer', placeholder: 'Write your reply…' });
  } catch (err) {
    host.textContent = `This reply box could not load: ${err.message}`;
    host.classList.add('hd-reply-error');
    throw err;
  }
  scrollThread();

  function send() {
    const text = helpdesk.reply.getText().trim();
    if (!text) return;
    if (!sent.has(conv.id)) sent.set(conv.id, []);
    sent.get(conv.id).push({ role: 'agent', text, at: new Date().toISOString() });
    render();
    helpdesk.reply.setText('');
    helpdesk.reply.focus();
  }
  $('hd-send').addEventListener('click', send);
  $('hd-composer').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  });

  helpdesk.coach = await startCoach({
    mode: settings.mode, agent: settings.agent, sendGuard: settings.sendGuard, site: SITE, onStatus: statusIn($('hd-coach-status')),
  });
}

helpdesk.ready = main().catch((err) => {
  console.error('demo helpdesk:', err);
  document.body.dataset.error = err.message;
});
