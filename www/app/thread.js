// The conversation's thread: customer, bot and agent messages in order, and
// the bot's handoff note (with the escalation card) where the handoff
// happened. The markup follows the site profile (site.js): one `.hd-msg`
// per message with its role in `data-role`, its time in <time datetime> and
// its text in `.hd-msg-text`.
//
// Agent and trainer modes show the conversation as the agent meets it: up to
// the handoff, waiting for the first human reply. QA mode reviews what was
// sent, so it shows every message the corpus has.
import { renderCard } from './card.js';
import { el, formatDay, initials, timeElement } from './format.js';

const ROLE_LABEL = { customer: 'Customer', ai: 'AI assistant', agent: 'Agent' };

/** One message element. `author` is the display name. */
function messageElement({ role, text, at }, author) {
  const known = role in ROLE_LABEL ? role : 'customer';
  const msg = el('article', `hd-msg hd-msg--${known}`);
  msg.dataset.role = known;
  const avatar = el('div', 'hd-avatar', known === 'ai' ? 'AI' : initials(author));
  avatar.setAttribute('aria-hidden', 'true');
  const main = el('div', 'hd-msg-main');
  const head = el('header', 'hd-msg-head');
  head.append(el('span', 'hd-author', author));
  if (known !== 'customer') head.append(el('span', `hd-role-tag hd-role-tag--${known}`, known === 'ai' ? 'Bot' : 'Agent'));
  head.append(timeElement(at));
  main.append(head, el('div', 'hd-msg-text', text));
  msg.append(avatar, main);
  return msg;
}

/** The bot's handoff note: a header and the card (`.hd-handoff .hd-card`, see site.js). */
export function handoffNote(card) {
  const note = el('section', 'hd-handoff');
  note.setAttribute('aria-label', 'Escalation card from the AI assistant');
  const head = el('header', 'hd-handoff-head');
  head.append(
    el('span', 'hd-handoff-icon', '⇄'),
    el('strong', null, 'AI assistant'),
    el('span', null, ' handed this conversation to a human'),
  );
  if (card.at) head.append(el('span', 'hd-dot', '·'), timeElement(card.at));
  note.append(head, el('div', 'hd-handoff-label', 'Escalation summary'), renderCard(card));
  return note;
}

/**
 * Fills `container` with the thread of `conv` for `mode`, then the messages
 * `sent` from this page (signed `agent`); `names` gives display names per role.
 */
export function renderThread(container, conv, { mode, names, sent = [], agent = '' }) {
  const shown = mode === 'qa' ? conv.messages : conv.messages.slice(0, conv.firstAgent);
  const nodes = [];
  const first = conv.messages[0]?.at ?? conv.card.at;
  if (first) nodes.push(el('div', 'hd-day', formatDay(first)));
  if (!conv.messages.length) {
    nodes.push(el('p', 'hd-thread-empty', 'No transcript came with this ticket: the card below is all the bot sent.'));
  }
  const noteAfter = conv.messages.length ? conv.handoff : -1;
  if (noteAfter < 0) nodes.push(handoffNote(conv.card));
  shown.forEach((m, i) => {
    nodes.push(messageElement(m, names[m.role] ?? ROLE_LABEL[m.role] ?? 'Customer'));
    if (i === noteAfter) nodes.push(handoffNote(conv.card));
  });
  for (const m of sent) nodes.push(messageElement(m, agent || 'You'));
  container.replaceChildren(...nodes);
}
