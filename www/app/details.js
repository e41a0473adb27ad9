// The details side bar: what the helpdesk itself knows about the
// conversation (not what the coach reads from the card: that is the coach's
// panel).
import { el, formatDay, formatTime } from './format.js';
import { displayName } from './inbox.js';
import { EDITOR_LABELS } from './settings.js';

function row(dl, label, value) {
  dl.append(el('dt', null, label), el('dd', null, value || '—'));
}

export function renderDetails(container, conv, settings) {
  const who = el('dl', 'hd-props');
  row(who, 'Requester', displayName(conv));
  row(who, 'Channel', conv.messages.length ? 'Web chat' : 'Ticket from the AI assistant');
  const conversation = el('dl', 'hd-props');
  row(conversation, 'ID', conv.id);
  row(conversation, 'Status', 'Open · escalated by bot');
  const start = conv.messages[0]?.at;
  row(conversation, 'Started', start ? `${formatDay(start)} ${formatTime(start)}` : '');
  row(conversation, 'Handed off', conv.card.at ? formatTime(conv.card.at) : '');
  row(conversation, 'Messages', String(conv.messages.length));
  row(conversation, 'Assignee', settings.agent || 'Unassigned');
  const workspace = el('dl', 'hd-props');
  row(workspace, 'Reply box', EDITOR_LABELS[settings.editor]);
  row(workspace, 'Coach mode', settings.mode);
  row(workspace, 'Source', conv.source);
  container.replaceChildren(
    el('h2', 'hd-side-title', 'Customer'), who,
    el('h2', 'hd-side-title', 'Conversation'), conversation,
    el('h2', 'hd-side-title', 'Workspace'), workspace,
  );
}
