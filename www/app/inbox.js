// The queue of escalated conversations (left column). Each row is a real
// link (`?c=ID`, keeping the other settings), so it opens in a new tab too;
// a plain click is taken over by main.js to switch without a reload, the way
// helpdesk apps do.
import { el, formatTime, initials } from './format.js';

/** The line the queue shows under the name: the customer's last words before the handoff. */
function preview(conv) {
  const before = conv.messages.slice(0, conv.firstAgent);
  const last = before.filter((m) => m.role === 'customer').pop();
  return last ? last.text : 'Transcript not attached — see the escalation card';
}

export function displayName(conv) {
  return conv.requester ?? 'Chat visitor';
}

/** Fills `list` with one row per conversation; `href(id)` gives each row's link. */
export function renderInbox(list, conversations, href) {
  list.replaceChildren(
    ...conversations.map((conv) => {
      const li = el('li');
      const a = el('a', 'hd-qi');
      a.href = href(conv.id);
      a.dataset.conversation = conv.id;
      const avatar = el('span', 'hd-avatar', initials(conv.requester));
      avatar.setAttribute('aria-hidden', 'true');
      const main = el('span', 'hd-qi-main');
      const top = el('span', 'hd-qi-top');
      top.append(el('span', 'hd-qi-name', displayName(conv)), el('span', 'hd-qi-time', formatTime(conv.card.at)));
      const tags = el('span', 'hd-qi-tags');
      tags.append(el('span', 'hd-tag hd-tag--bot', 'Bot handoff'));
      if (!conv.messages.length) tags.append(el('span', 'hd-tag', 'Card only'));
      main.append(top, el('span', 'hd-qi-preview', preview(conv)), tags);
      a.append(avatar, main);
      li.append(a);
      return li;
    }),
  );
}

/** Marks the open conversation's row. */
export function markOpen(list, id) {
  for (const a of list.querySelectorAll('a.hd-qi')) {
    if (a.dataset.conversation === id) {
      a.setAttribute('aria-current', 'page');
      a.scrollIntoView({ block: 'nearest' });
    } else {
      a.removeAttribute('aria-current');
    }
  }
}
