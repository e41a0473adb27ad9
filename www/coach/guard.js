// The send guard (opt-in, off by default): when the reply still has errors,
// the first press of the helpdesk's send button, or of the key that sends,
// is held back once and the coach says what is left; the second press sends.
// The coach never edits or blocks the text itself, and the agent can always
// send.
//
// What counts as a send:
//   * a click on the reply box's send button (../find.js `sendButtonAt`: the
//     site profile's `send` selector, else a Send / submit button in the
//     composer);
//   * Ctrl/⌘+Enter in the reply box, and plain Enter where Enter sends
//     (`enterSends`: a one-line input, or `enterkeyhint="send"`).
// The guard listens before the page does (capture phase on the window), so
// the helpdesk never sees the press it held back.
import { frameOffset, shiftRect } from './dom.js';
import { enterSends, sendButtonAt } from './find.js';

export class SendGuard {
  /**
   * `host`: `{ element (the reply box), site(), enabled(), errors() (the
   * live report's error findings), ask(errors, anchorRect), dismiss() }`.
   */
  constructor(host) {
    this.host = host;
    this.asked = false;
    // The reply box's window, and the coach's when the box is in a frame
    // (its send button is usually outside the frame).
    this.wins = [...new Set([host.element.ownerDocument.defaultView, window])];
    this.onKey = (e) => this.#key(e);
    this.onClick = (e) => this.#click(e);
    for (const win of this.wins) {
      win.addEventListener('keydown', this.onKey, true);
      win.addEventListener('click', this.onClick, true);
    }
  }

  #key(e) {
    if (e.key !== 'Enter' || e.isComposing || e.shiftKey || e.altKey) return;
    if (!e.composedPath().includes(this.host.element)) return;
    if (!(e.ctrlKey || e.metaKey) && !enterSends(this.host.element)) return;
    this.#attempt(e, this.host.element);
  }

  #click(e) {
    const button = sendButtonAt(e.composedPath()[0], this.host.element, this.host.site());
    if (button) this.#attempt(e, button);
  }

  #attempt(e, anchor) {
    if (this.asked || !this.host.enabled()) return;
    const errors = this.host.errors();
    if (!errors.length) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    this.asked = true;
    this.host.ask(errors, shiftRect(anchor.getBoundingClientRect(), frameOffset(anchor)));
  }

  /** The reply was sent or cleared: the next reply is asked about again. */
  reset() {
    this.asked = false;
    this.host.dismiss();
  }

  destroy() {
    for (const win of this.wins) {
      win.removeEventListener('keydown', this.onKey, true);
      win.removeEventListener('click', this.onClick, true);
    }
  }
}
