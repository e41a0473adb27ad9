// The QA overlay of one conversation: a fixed, click-through
// <handoff-coach-qa> host (open shadow root) laid over the page, never
// inside it. It holds a badge beside each agent message (its findings, in a
// popover on click) and the audit card: the QA checklist, the metrics, the
// QA score, and the conversation as JSON or CSV. It shows the engine's
// answer and nothing it made up. CONTRACT §5 hooks:
//
//   host      data-hc-score (the QA score; absent when null)
//   checklist data-hc-qa="qa.used-name" data-hc-ok="true|false" (absent: n/a)
//   badges    data-hc-message="N" (N: the message's index in the conversation)
//             with data-hc-rules (the rules found, space-separated)
//   metrics   data-hc-metric="<name>" data-hc-value="<number|true|false>" (absent: null)
//   actions   data-hc-action="copy-json" | "download-csv"
import { h, shadowHost } from '../dom.js';
import { QA_CSS } from '../styles.js';
import { METRICS, scoreLabel } from '../format.js';

const SEVERITIES = ['error', 'warning', 'hint'];

/** The scroll box that clips `el` (its nearest scrolling ancestor), or null for the viewport. */
function clipOf(el) {
  for (let n = el?.parentElement; n && n !== document.documentElement; n = n.parentElement) {
    const { overflowY } = getComputedStyle(n);
    if ((overflowY === 'auto' || overflowY === 'scroll') && n.scrollHeight > n.clientHeight) return n;
  }
  return null;
}

export class QaOverlay {
  /** `actions`: `{ copyJson(), downloadCsv() }`. */
  constructor(actions) {
    this.actions = actions;
    const { host, root } = shadowHost('handoff-coach-qa', QA_CSS);
    this.host = host;
    this.root = root;
    this.layer = h('div', { class: 'layer' });
    this.badges = []; // {el: message element, badge, pop}
    this.open = null; // the badge whose findings are shown
    this.#buildCard();
    root.append(this.layer, this.card);
    this.host.hidden = true;
  }

  #buildCard() {
    this.titleEl = h('button', { class: 'title', type: 'button', 'aria-expanded': 'true',
      onclick: () => this.setCollapsed(!this.card.classList.contains('collapsed')) }, 'QA audit');
    this.scoreEl = h('span', { class: 'score', title: 'QA score of this conversation' }, '–');
    this.checklistEl = h('ul', { class: 'qa' });
    this.metricsEl = h('dl');
    this.statusEl = h('p', { class: 'status', role: 'status' });
    this.noticeEl = h('p', { class: 'notice', hidden: true });
    this.card = h('section', { class: 'card', role: 'complementary', 'aria-label': 'QA audit of this conversation' },
      h('header', {}, this.titleEl, this.scoreEl),
      h('div', { class: 'body' },
        this.noticeEl,
        h('h3', {}, 'QA checklist'), this.checklistEl,
        h('h3', {}, 'Metrics'), this.metricsEl,
        h('div', { class: 'actions' },
          h('button', { class: 'action', type: 'button', 'data-hc-action': 'copy-json', onclick: () => this.actions.copyJson() }, 'Copy as JSON'),
          h('button', { class: 'action', type: 'button', 'data-hc-action': 'download-csv', onclick: () => this.actions.downloadCsv() }, 'Download CSV')),
        this.statusEl));
  }

  setCollapsed(collapsed) {
    this.card.classList.toggle('collapsed', collapsed);
    this.titleEl.setAttribute('aria-expanded', String(!collapsed));
    this.place();
  }

  setStatus(text) {
    this.statusEl.textContent = text;
  }

  /**
   * Shows one audit (`out`: the engine's `auditLine` answer) of
   * `conversation`, whose messages are `elements` on the page; `labels`
   * maps QA item ids to their explanations (the guide's words).
   */
  show(out, conversation, elements, labels) {
    if (!out || !conversation) {
      this.host.hidden = true;
      return;
    }
    this.host.hidden = false;
    if (out.error) {
      // The page gave a conversation the reader refuses (a time it cannot read…).
      this.noticeEl.hidden = false;
      this.noticeEl.textContent = `This conversation cannot be audited: ${out.error.text}`;
      this.host.removeAttribute('data-hc-score');
      this.scoreEl.textContent = '–';
      this.checklistEl.replaceChildren();
      this.metricsEl.replaceChildren();
      this.#badges([], conversation, elements);
      return;
    }
    this.noticeEl.hidden = true;
    const { audit } = out;
    const score = scoreLabel(audit.score);
    if (audit.score === null) this.host.removeAttribute('data-hc-score');
    else this.host.setAttribute('data-hc-score', String(audit.score));
    this.scoreEl.textContent = score.text;
    this.scoreEl.className = `score ${score.grade}`;
    this.checklistEl.replaceChildren(...Object.entries(audit.qa).map(([id, ok]) => {
      const e = labels.get(id);
      return h('li', { 'data-hc-qa': id, 'data-hc-ok': ok === null ? null : String(ok),
        title: ok === null ? 'Cannot tell from this conversation' : e?.why ?? null }, e?.title ?? id);
    }));
    this.metricsEl.replaceChildren(...METRICS.flatMap(([name, label, format]) => {
      const v = audit.metrics[name];
      return [h('dt', {}, label),
        h('dd', { 'data-hc-metric': name, 'data-hc-value': v === null ? null : String(v) }, v === null ? '—' : format(v))];
    }));
    this.#badges(audit.messages, conversation, elements);
    this.place();
  }

  /** One badge per agent message, with its findings. */
  #badges(judged, conversation, elements) {
    for (const b of this.badges) {
      b.badge.remove();
      b.pop.remove();
    }
    this.open = null;
    this.badges = judged.map(({ index, findings }) => {
      const text = conversation.messages[index]?.text ?? '';
      const worst = SEVERITIES.find((s) => findings.some((f) => f.severity === s)) ?? 'ok';
      const rules = [...new Set(findings.map((f) => f.rule))];
      const pop = h('div', { class: 'pop', hidden: true, role: 'dialog', 'aria-label': `Findings of message ${index + 1}` },
        h('h4', {}, findings.length ? `${findings.length} finding${findings.length > 1 ? 's' : ''}` : 'Nothing to fix'),
        h('ul', {}, findings.map((f) => h('li', { 'data-hc-rule': f.rule, 'data-hc-severity': f.severity },
          h('div', { class: 'rule' }, `${f.severity} · ${f.rule}`),
          f.start !== null && f.end !== null ? h('p', {}, h('q', {}, text.slice(f.start, f.end))) : null,
          h('p', {}, f.message)))));
      const badge = h('button', {
        class: `badge ${worst}`, type: 'button', 'data-hc-message': String(index),
        'data-hc-rules': rules.join(' '), 'aria-expanded': 'false',
        title: findings.length ? rules.join(', ') : 'Nothing to fix',
        onclick: () => this.#toggle(entry),
      }, findings.length ? `${worst === 'error' ? '✗' : '!'} ${findings.length}` : '✓');
      const entry = { el: elements[index], badge, pop };
      this.layer.append(badge, pop);
      return entry;
    });
  }

  #toggle(entry) {
    const opening = this.open !== entry;
    if (this.open) {
      this.open.pop.hidden = true;
      this.open.badge.setAttribute('aria-expanded', 'false');
    }
    this.open = opening ? entry : null;
    if (opening) {
      entry.pop.hidden = false;
      entry.badge.setAttribute('aria-expanded', 'true');
    }
    this.place();
  }

  /** Follows the page: each badge on its message's top right, clipped to the thread's scroll box. */
  place() {
    if (this.host.hidden) return;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const scroller = clipOf(this.badges[0]?.el);
    const clip = scroller?.getBoundingClientRect() ?? { left: 0, top: 0, right: vw, bottom: vh };
    for (const b of this.badges) {
      const r = b.el?.isConnected ? b.el.getBoundingClientRect() : null;
      const w = b.badge.offsetWidth || 40;
      const visible = r && r.height > 0 && r.bottom > clip.top && r.top + 4 < clip.bottom;
      b.badge.hidden = !visible;
      if (!visible) {
        b.pop.hidden = true;
        continue;
      }
      const left = Math.min(r.right, clip.right) - w - 6;
      const top = Math.max(r.top, clip.top) + 6;
      b.badge.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
      if (this.open === b) {
        b.pop.hidden = false;
        const pw = b.pop.offsetWidth || 320;
        b.pop.style.left = `${Math.max(4, Math.min(left + w - pw, vw - pw - 4))}px`;
        b.pop.style.top = `${Math.round(top + b.badge.offsetHeight + 4)}px`;
      }
    }
    // The card: beside the thread, on its left where there is room (the
    // reply panel floats on the right of the reply box), else on its right,
    // else over the thread's top right.
    const box = scroller?.getBoundingClientRect() ?? this.badges[0]?.el?.parentElement?.getBoundingClientRect() ?? clip;
    const w = this.card.offsetWidth || 280;
    let left = box.right - w - 8;
    if (box.left - 16 >= w) left = box.left - 8 - w;
    else if (box.right + 16 + w <= vw) left = box.right + 8;
    this.card.style.left = `${Math.round(Math.max(8, left))}px`;
    this.card.style.top = `${Math.round(Math.max(8, Math.min(box.top + 8, vh - 120)))}px`;
  }

  destroy() {
    this.host.remove();
  }
}
