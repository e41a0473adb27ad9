// The overlay over one reply box: a fixed, click-through
// <handoff-coach-overlay> host whose shadow root holds the underline boxes
// of a textarea (see paint/boxes.js) and the hover card of a finding:
// its message, its suggestion and an Accept button.
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
