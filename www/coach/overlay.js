// The overlay over one reply box: a fixed, click-through
// <handoff-coach-overlay> host whose shadow root holds the underline boxes
// of a textarea (see paint/boxes.js), the hover card of a finding (its
// message, its suggestion and an Accept button) and the send guard's
// question (see guard.js), `data-hc-guard`.
import { h, shadowHost } from './dom.js';
import { OVERLAY_CSS } from './styles.js';

export class Overlay {
  constructor() {
    const { host, root } = shadowHost('handoff-coach-overlay', OVERLAY_CSS);
    this.host = host;
    this.layer = h('div', { class: 'layer' });
    root.append(this.layer);
    this.card = null;
    this.cardFinding = null;
    this.hideTimer = 0;
    this.guard = null;
  }

  /**
   * Asks before a send (the send guard): what is still wrong with the reply
   * (`errors`, its error findings) and that a second press sends, beside
   * `anchor` (the client rect of the send button or the reply box).
   */
  showGuard(errors, anchor, onKeepEditing) {
    this.hideGuard();
    const shown = errors.slice(0, 3);
    this.guard = h('div', { class: 'guard', role: 'alertdialog', 'aria-label': 'Send this reply?', 'data-hc-guard': String(errors.length) },
      h('p', { class: 'lead' }, `This reply still has ${errors.length} error${errors.length > 1 ? 's' : ''}:`),
      h('ul', {}, shown.map((f) => h('li', { 'data-hc-rule': f.rule }, f.message))),
      errors.length > shown.length ? h('p', {}, `…and ${errors.length - shown.length} more in the coach's panel.`) : null,
      h('p', {}, 'Press send again to send it anyway.'),
      h('button', { type: 'button', 'data-hc-action': 'keep-editing', onclick: () => onKeepEditing() }, 'Keep editing'));
    this.layer.append(this.guard);
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const w = this.guard.offsetWidth;
    const gh = this.guard.offsetHeight;
    const above = anchor.top - 8 - gh;
    this.guard.style.left = `${Math.max(4, Math.min(anchor.right - w, vw - w - 4))}px`;
    this.guard.style.top = `${above >= 4 ? above : Math.min(anchor.bottom + 8, vh - gh - 4)}px`;
  }

  hideGuard() {
    this.guard?.remove();
    this.guard = null;
  }

  /** Shows the hover card of `finding` next to `rects` (client rects of its words). */
  showCard(finding, rects, onAccept) {
    clearTimeout(this.hideTimer);
    if (this.cardFinding === finding) return;
    this.hideCard(true);
    const anchor = rects[0];
    if (!anchor) return;
    this.cardFinding = finding;
    this.card = h('div', { class: `card ${finding.severity}`, role: 'dialog', 'aria-label': finding.rule },
      h('p', { class: 'rule' }, finding.rule),
      h('p', { class: 'message' }, finding.message),
      finding.suggestion ? h('p', { class: 'suggestion' }, finding.suggestion) : null,
      finding.suggestion ? h('button', { type: 'button', onclick: () => onAccept(finding) }, 'Accept') : null);
    // Moving from the words onto the card must not close it.
    this.card.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
    this.card.addEventListener('mouseleave', () => this.hideCard());
    this.layer.append(this.card);
    const vh = document.documentElement.clientHeight;
    const vw = document.documentElement.clientWidth;
    const ch = this.card.offsetHeight;
    const cw = this.card.offsetWidth;
    const below = anchor.bottom + 6;
    const top = below + ch <= vh ? below : Math.max(4, anchor.top - 6 - ch);
    this.card.style.left = `${Math.max(4, Math.min(anchor.left, vw - cw - 4))}px`;
    this.card.style.top = `${top}px`;
  }

  /** Hides the hover card (after a short grace period unless `now`). */
  hideCard(now = false) {
    clearTimeout(this.hideTimer);
    const hide = () => {
      this.card?.remove();
      this.card = null;
      this.cardFinding = null;
    };
    if (now) hide();
    else this.hideTimer = setTimeout(hide, 250);
  }

  destroy() {
    clearTimeout(this.hideTimer);
    this.host.remove();
  }
}
