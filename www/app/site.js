// The site profile of the demo helpdesk: where the coach finds the
// escalation card, the reply box and the thread's messages. It is the same
// shape a rule pack's `[[sites]]` entry gives the extension for a real
// helpdesk (CONTRACT §4: CSS selectors `card`, `reply`, `thread`), plus how
// to read each thread message's author role and time, which QA mode needs.
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
  // One element per message, in thread order. The handoff note is not one.
  thread: '.hd-thread .hd-msg',
  // Within a message: its role (`customer`, `ai` or `agent`, as in an
  // audit line) in an attribute, its time in a <time datetime> element, its
  // text in one element.
  message: Object.freeze({
    role: 'data-role',
    time: 'time[datetime]',
    text: '.hd-msg-text',
  }),
});

/** The attribute every editor adapter puts on its editable element (see SITE.reply). */
export const REPLY_ATTRIBUTE = 'data-hd-reply';
