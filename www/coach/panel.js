// The hint panel: a <handoff-coach-panel> host with an open shadow root,
// one per reply box, floating beside it. It shows what the engine returned
// and nothing it made up: the context read from the card (each field
// editable by the agent), the checklist, the score, the findings and the
// ready opening. In trainer mode each finding also says why it matters,
// with the guide's bad and good example (the engine's `explain`), and the
// score shows how it moved with the last edit. The CONTRACT §5 hooks live
// here and only here:
//
//   host       data-hc-mode, data-hc-score, data-hc-state (absent while
//              coaching; "too-long": the reply is over the engine's live limit)
//   fields     data-hc-field="<context field>" (text = the value)
//   checklist  data-hc-check="<id>" data-hc-ok="true|false" (absent: not applicable)
//   findings   data-hc-rule, data-hc-severity, data-hc-start, data-hc-end
//              (trainer mode: data-hc-explain with .why, .bad, .good inside)
//   actions    data-hc-action="accept" (per finding), data-hc-action="insert-opening"
import { h, shadowHost } from './dom.js';
import { scoreLabel } from './format.js';
import { PANEL_CSS } from './styles.js';

// How each context field (CONTRACT §1) is shown and edited. Labels are UI
// words; the values always come from the engine or the agent.
const FIELDS = [
  ['customer_name', 'Customer', 'text'],
  ['first_name', 'Greet as', 'text'],
  ['order_numbers', 'Orders', 'list'],
  ['issue', 'Issue', 'text'],
  ['requested_outcome', 'Wants', 'text'],
  ['sentiment', 'Sentiment', 'text'],
  ['account', 'Account', 'text'],
  ['vip', 'VIP', 'bool'],
  // Shown under "More".
  ['emails', 'Emails', 'list'],
  ['priority', 'Priority', 'text'],
  ['escalation_reason', 'Escalated for', 'text'],
  ['ai_attempts', 'AI attempts', 'number'],
  ['ai_tried', 'AI tried', 'list'],
  ['summary', 'Summary', 'text'],
  ['after_hours', 'After hours', 'bool'],
  ['details', 'Other', 'details'],
];
const MAIN_FIELDS = 8;

// How long the panel may show the answer for an earlier text before its
// lists are dimmed (aria-busy says at once that an answer is coming).
const STALE_MS = 300;

const PHASES = [['first', 'First reply'], ['resolution', 'Follow-up'], ['closing', 'Closing']];

/** The value of a field as text (what its hook element holds). */
export function fieldText(kind, value) {
  if (value === null || value === undefined) return '';
  if (kind === 'list') return value.join(', ');
  if (kind === 'details') return Object.entries(value).map(([k, v]) => `${k}: ${v}`).join('\n');
  return String(value);
}

/** The agent's text for a field, back as the context value. */
function parseField(kind, text) {
  const t = text.trim();
  switch (kind) {
    case 'list':
      return t.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
    case 'bool':
      return /^(true|yes|y|1)$/i.test(t);
    case 'number': {
      const n = Number.parseInt(t, 10);
      return Number.isFinite(n) && n >= 0 ? n : null;
    }
    case 'details':
      return Object.fromEntries(
        t.split('\n').map((line) => line.split(/:(.*)/s)).filter(([k, v]) => k.trim() && v !== undefined)
          .map(([k, v]) => [k.trim(), v.trim()]),
      );
    default:
      return t === '' ? null : t;
  }
}

/** A checklist id as words: "always.set-timeline" → "Set timeline". */
function itemLabel(id) {
  const words = id.replace(/^[^.]*\./, '').replace(/-missing$/, '').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export class Panel {
  /**
   * `actions`: `{ editField(name, value), resetFields(), accept(finding),
   * insertOpening(), focusFinding(finding), setPhase(phase), setCollapsed(bool) }`.
   */
  constructor(actions) {
    this.actions = actions;
    const { host, root } = shadowHost('handoff-coach-panel', PANEL_CSS);
    this.host = host;
    this.root = root;
    this.fieldEls = new Map();
    this.mode = null;
    this.report = null; // the report shown
    this.checklistKey = null; // what the checklist shows, as a string
    this.items = []; // the findings shown: {li, key (what it shows but its offsets), finding}
    this.busySince = null; // when the reply changed under the report shown (performance.now()), or null
    this.stale = false; // the lists are dimmed
    this.explanations = new Map(); // rule id -> {title, why, bad, good, source} | null
    this.#build();
  }

  #build() {
    const a = this.actions;
    this.titleEl = h('button', { class: 'title', type: 'button', 'aria-expanded': 'true',
      onclick: () => a.setCollapsed(!this.collapsed) }, 'Handoff coach');
    this.modeEl = h('span', { class: 'mode' });
    this.scoreEl = h('span', { class: 'score', title: 'Score of this reply' }, '–');
    this.meterEl = h('span', { class: 'fill' });
    this.changeEl = h('span', { class: 'change', 'aria-live': 'polite' });
    this.progressEl = h('div', { class: 'progress', title: 'Score of this reply, as you type' },
      h('div', { class: 'meter' }, this.meterEl), this.changeEl);
    this.phaseEl = h('select', { 'aria-label': 'Which message this is', onchange: () => a.setPhase(this.phaseEl.value) },
      PHASES.map(([value, label]) => h('option', { value }, label)));
    this.noticeEl = h('div', { class: 'notice', role: 'status' });
    this.stateEl = h('div', { class: 'notice', role: 'status' });

    const rows = FIELDS.map(([name, label, kind]) => {
      const dd = this.#fieldEl(name, kind);
      this.fieldEls.set(name, { el: dd, kind });
      return [h('dt', {}, label), dd];
    });
    this.resetEl = h('button', { class: 'reset', type: 'button', hidden: true, onclick: () => a.resetFields() }, 'Reset to the card');
    this.checklistEl = h('ul');
    this.findingsEl = h('ul');
    this.openingEl = h('p');
    this.insertEl = h('button', { class: 'primary', type: 'button', 'data-hc-action': 'insert-opening',
      onclick: () => a.insertOpening() }, 'Insert opening');

    this.panelEl = h('div', { class: 'panel', role: 'complementary', 'aria-label': 'Handoff coach', 'aria-busy': 'false' },
      h('header', {}, this.titleEl, this.modeEl, this.scoreEl, this.phaseEl),
      this.progressEl,
      h('div', { class: 'body' },
        this.noticeEl,
        this.stateEl,
        h('section', { class: 'context' }, h('h3', {}, 'From the card'),
          h('dl', {}, rows.slice(0, MAIN_FIELDS)),
          h('details', {}, h('summary', {}, 'More'), h('dl', {}, rows.slice(MAIN_FIELDS))),
          this.resetEl),
        h('section', { class: 'checklist' }, h('h3', {}, 'Checklist'), this.checklistEl),
        h('section', { class: 'findings' }, h('h3', {}, 'Findings'), this.findingsEl),
        h('section', { class: 'opening' }, h('h3', {}, 'Ready opening'), this.openingEl, this.insertEl)));
    this.root.append(this.panelEl);
  }

  /** The element showing one context field; the agent edits it in place. */
  #fieldEl(name, kind) {
    if (kind === 'bool') {
      const el = h('dd', { 'data-hc-field': name, role: 'switch', tabindex: '0', 'aria-checked': 'false' });
      const flip = () => this.actions.editField(name, el.textContent !== 'true');
      el.addEventListener('click', flip);
      el.addEventListener('keydown', (e) => {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          flip();
        }
      });
      return el;
    }
    const el = h('dd', { 'data-hc-field': name, contenteditable: 'plaintext-only', spellcheck: 'false',
      title: 'Click to correct what was read from the card' });
    let before = '';
    el.addEventListener('focus', () => {
      before = el.textContent;
    });
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !(e.shiftKey && (kind === 'details' || kind === 'text'))) {
        e.preventDefault();
        el.blur();
      } else if (e.key === 'Escape') {
        el.textContent = before;
        el.blur();
      }
      e.stopPropagation(); // the helpdesk's shortcuts are not for us
    });
    el.addEventListener('blur', () => {
      if (el.textContent !== before) this.actions.editField(name, parseField(kind, el.textContent));
    });
    return el;
  }

  get collapsed() {
    return this.panelEl.classList.contains('collapsed');
  }

  setCollapsed(collapsed) {
    this.panelEl.classList.toggle('collapsed', collapsed);
    this.titleEl.setAttribute('aria-expanded', String(!collapsed));
  }

  setMode(mode) {
    this.host.setAttribute('data-hc-mode', mode);
    this.modeEl.textContent = mode;
    this.panelEl.classList.toggle('trainer', mode === 'trainer');
    if (mode === this.mode) return;
    this.mode = mode;
    this.#redraw();
  }

  /** Adds explanations (rule id -> the guide's why, bad and good); trainer mode shows them. */
  setExplanations(explanations) {
    let news = false;
    for (const [id, e] of explanations) {
      if (this.explanations.get(id) === e) continue;
      this.explanations.set(id, e);
      news = true;
    }
    if (news && this.mode === 'trainer') this.#redraw();
  }

  /** Rebuilds the lists of the report shown (what they show around it changed). */
  #redraw() {
    this.checklistKey = null;
    this.items = [];
    if (this.report) this.setReport(this.report);
  }

  setPhase(phase) {
    this.phaseEl.value = phase;
  }

  setNotice(text) {
    this.noticeEl.textContent = text ?? '';
  }

  /** Why the reply is not coached right now (`state`: the host's data-hc-state), or null while it is. */
  setState(state, text = '') {
    if (state) this.host.setAttribute('data-hc-state', state);
    else this.host.removeAttribute('data-hc-state');
    this.stateEl.textContent = state ? text : '';
  }

  /** Shows the context; `edited` names the fields the agent changed. */
  setContext(ctx, edited) {
    for (const [name, { el, kind }] of this.fieldEls) {
      if (el === this.root.activeElement) continue; // never under the agent's cursor
      const text = fieldText(kind, ctx?.[name]);
      if (el.textContent !== text) el.textContent = text;
      if (kind === 'bool') el.setAttribute('aria-checked', text);
      el.classList.toggle('edited', edited.has(name));
    }
    this.resetEl.hidden = edited.size === 0;
  }

  /** Shows a report: checklist, findings, score (all as the engine gave them). */
  setReport(report) {
    this.#setBusy(false);
    const before = this.report?.score;
    this.report = report;
    if (!report) {
      this.checklistKey = null;
      this.items = [];
      this.host.removeAttribute('data-hc-score');
      this.scoreEl.textContent = '–';
      this.meterEl.style.width = '0';
      this.changeEl.textContent = '';
      this.checklistEl.replaceChildren();
      this.findingsEl.replaceChildren();
      return;
    }
    this.host.setAttribute('data-hc-score', String(report.score));
    const { text, grade } = scoreLabel(report.score);
    if (this.scoreEl.textContent !== text) {
      this.scoreEl.textContent = text;
      this.scoreEl.className = `score ${grade}`;
      this.meterEl.style.width = text;
      this.meterEl.className = `fill ${grade}`;
    }
    if (before !== undefined && before !== report.score) {
      const delta = Math.round(report.score * 100) - Math.round(before * 100);
      this.changeEl.textContent = delta ? `${delta > 0 ? '▲ +' : '▼ −'}${Math.abs(delta)}` : '';
      this.changeEl.className = `change ${delta > 0 ? 'up' : 'down'}`;
      this.changeEl.setAttribute('data-hc-score-change', String(delta));
    }
    // Most keystrokes change neither list: a rebuilt list is a new layout and
    // paint of the panel while the agent types. A list is rebuilt only where
    // what it shows changed; a keystroke before the findings only moves their
    // offsets, which are set on the items in place.
    // A missing item's finding says why it matters: its message is the item's tooltip.
    const why = report.findings.filter((f) => f.start === null).map((f) => [f.rule, f.message]);
    const checklistKey = JSON.stringify([report.checklist, why]);
    if (checklistKey !== this.checklistKey) {
      this.checklistKey = checklistKey;
      const whyOf = new Map(why);
      this.checklistEl.replaceChildren(...Object.entries(report.checklist ?? {}).map(([id, ok]) =>
        h('li', { 'data-hc-check': id, 'data-hc-ok': ok === null ? null : String(ok),
          title: ok === null ? 'Not applicable here' : whyOf.get(id) ?? null }, itemLabel(id))));
    }
    let rebuilt = report.findings.length !== this.items.length || !this.findingsEl.firstChild;
    this.items = report.findings.map((f, i) => {
      const key = JSON.stringify([f.rule, f.severity, f.message, f.suggestion ?? null, f.start === null || f.end === null]);
      const item = this.items[i];
      if (item?.key !== key) {
        rebuilt = true;
        return this.#findingItem(f, key);
      }
      if (f.start !== item.finding.start) item.li.setAttribute('data-hc-start', String(f.start));
      if (f.end !== item.finding.end) item.li.setAttribute('data-hc-end', String(f.end));
      item.finding = f;
      return item;
    });
    if (rebuilt) {
      this.findingsEl.replaceChildren(...(this.items.length ? this.items.map((item) => item.li)
        : [h('li', { class: 'none' }, 'Nothing to fix.')]));
    }
  }

  /**
   * A finding's list item, `{li, key, finding}`: what it shows is fixed by
   * `key`; its offsets and `finding` (what its buttons act on) follow the
   * reports that show the same finding elsewhere in the reply.
   */
  #findingItem(f, key) {
    const item = { key, finding: f };
    const spanned = f.start !== null && f.end !== null;
    const li = h('li', {
      'data-hc-rule': f.rule, 'data-hc-severity': f.severity,
      'data-hc-start': spanned ? String(f.start) : null, 'data-hc-end': spanned ? String(f.end) : null,
      tabindex: spanned ? '0' : null,
    },
    h('div', { class: 'rule' }, `${f.severity} · ${f.rule}`),
    h('p', { class: 'message' }, f.message),
    f.suggestion ? h('p', { class: 'suggestion' }, f.suggestion) : null,
    this.mode === 'trainer' ? this.#explanationEl(f.rule) : null,
    f.suggestion ? h('button', { type: 'button', 'data-hc-action': 'accept',
      onclick: (e) => {
        e.stopPropagation();
        this.actions.accept(item.finding);
      } }, spanned ? 'Accept' : 'Add') : null);
    if (spanned) {
      li.addEventListener('click', () => this.actions.focusFinding(item.finding));
      li.addEventListener('keydown', (e) => e.key === 'Enter' && e.target === li && this.actions.focusFinding(item.finding));
    }
    item.li = li;
    return item;
  }

  /** The guide's why, bad and good for a rule, or null when it has none (a pack's own rule). */
  #explanationEl(rule) {
    const e = this.explanations.get(rule);
    if (!e) return null;
    return h('div', { class: 'explain', 'data-hc-explain': rule, title: `From the guide: ${e.source}` },
      h('p', { class: 'why' }, h('strong', {}, `${e.title}. `), e.why),
      h('p', { class: 'bad' }, h('span', { 'aria-label': 'Not this:' }, '✗ '), e.bad),
      h('p', { class: 'good' }, h('span', { 'aria-label': 'But this:' }, '✓ '), e.good));
  }

  /** The reply changed since the report shown: it is about to be replaced. */
  setBusy() {
    this.#setBusy(true);
  }

  /**
   * `aria-busy` changes twice a keystroke, so no style depends on it (a
   * style that did would be worked out again twice a keystroke, in the
   * middle of the check). The lists are dimmed by a class, and only once
   * the answer is slow: `frame` looks.
   */
  #setBusy(busy) {
    if (busy === (this.busySince !== null)) return;
    this.busySince = busy ? performance.now() : null;
    this.panelEl.setAttribute('aria-busy', String(busy));
    if (!busy && this.stale) {
      this.stale = false;
      this.panelEl.classList.remove('stale');
    }
  }

  /** Called once per animation frame: dims the lists when the answer is slow in coming. */
  frame(now) {
    if (this.stale || this.busySince === null || now - this.busySince < STALE_MS) return;
    this.stale = true;
    this.panelEl.classList.add('stale');
  }

  setOpening(opening) {
    this.openingEl.textContent = opening?.text ?? '';
    this.insertEl.disabled = !opening?.text;
  }

  /**
   * Floats the panel beside `anchor` (the reply box's client rect): right of
   * it if there is room, else left, with its bottom at the box's bottom and
   * growing upwards (reply boxes sit low on the screen); else above or below
   * the box, whichever has more room.
   */
  place(anchor) {
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const w = this.panelEl.offsetWidth || 340;
    const h = this.panelEl.offsetHeight || 400;
    const gap = 8;
    let left;
    let top;
    let maxHeight;
    if (anchor.right + gap + w <= vw - gap) left = anchor.right + gap;
    else if (anchor.left - gap - w >= gap) left = anchor.left - gap - w;
    if (left !== undefined) {
      maxHeight = vh - 2 * gap;
      const height = Math.min(h, maxHeight);
      top = Math.max(gap, Math.min(Math.max(anchor.bottom, anchor.top + height) - height, vh - gap - height));
    } else {
      left = Math.max(gap, Math.min(anchor.right - w, vw - w - gap));
      const above = anchor.top - 2 * gap;
      const below = vh - anchor.bottom - 2 * gap;
      maxHeight = Math.max(120, Math.max(above, below));
      top = above >= below ? Math.max(gap, anchor.top - gap - Math.min(h, maxHeight)) : anchor.bottom + gap;
    }
    const style = this.host.style;
    style.left = `${Math.round(left)}px`;
    style.top = `${Math.round(top)}px`;
    style.setProperty('--hc-max-height', `${Math.round(maxHeight)}px`);
  }

  /** The panel's rendered size, as a key that changes when it does. */
  size() {
    return `${this.panelEl.offsetWidth}x${this.panelEl.offsetHeight}`;
  }

  setVisible(visible) {
    this.host.hidden = !visible;
  }

  destroy() {
    this.host.remove();
  }
}
