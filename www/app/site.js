// The site profile of the demo helpdesk: where the coach finds the
// escalation card, the reply box and the thread's messages. It is the same
// shape a rule pack's `[[sites]]` entry gives the extension for a real
// helpdesk (CONTRACT §4: CSS selectors `card`, `reply`, `thread`, and the
// optional `send`, `agent`, `customer`, `ai`, `time`, `text`): where the send
// button is (the send guard) and how to read each thread message's author
// role, time and text (QA mode).
//
// This is the one place those selectors are written; the page's markup
// (thread.js, card.js, the editors) follows them, and nothing else in the
// page queries the DOM by them.

export const SITE = Object.freeze({
  // The card's own text: the body of the bot's handoff note, without the
  // note's header ("Handed off by AI assistant · 10:13").
  card: '.hd-handoff .hd-card',
  // The editable element of whichever reply box is mounted: the <textarea>,
  // the contenteditable <div>, ProseMirror's view.dom, Quill's .ql-editor or
  // CKEditor's editable root. Every editor adapter marks it the same way.
  reply: '[data-hd-reply]',
  // The composer's send button.
  send: '#hd-send',
  // One element per message, in thread order. The handoff note is not one.
  thread: '.hd-thread .hd-msg',
  // Each message's role (`customer`, `ai` or `agent`, as in an audit line)
  // is in its `data-role`; its time in a <time datetime>; its text in one
  // element.
  agent: '[data-role="agent"]',
  ai: '[data-role="ai"]',
  customer: '[data-role="customer"]',
  time: 'time[datetime]',
  text: '.hd-msg-text',
});

/** The attribute every editor adapter puts on its editable element (see SITE.reply). */
export const REPLY_ATTRIBUTE = 'data-hd-reply';
