// Exercise 4, mistake spotting: the scenario's conversation is shown; the
// trainee marks the agent messages that make a handoff mistake, then the
// engine audits the conversation (auditLine, the command line's own line
// reader) and its per-message findings are the answer: an agent message
// erred when it has an error or a warning (hints are only suggestions).
// Each agent message then says whether it was spotted, and why it erred in
// the guide's words.
import { h } from '../coach/dom.js';
import { scoreLabel } from '../coach/format.js';
import { auditLineOf } from './scenarios.js';

const ERRED = new Set(['error', 'warning']);
const WHO = { customer: 'Customer', ai: 'AI assistant', agent: 'Agent' };
const VERDICTS = {
  hit: 'Spotted: this message erred.',
  missed: 'Missed: this message erred.',
  'false-alarm': 'This message was fine.',
  ok: 'Rightly left alone.',
};

export class SpottingExercise {
  constructor(root, { engine, record }) {
    this.root = root;
    this.engine = engine;
    this.record = record;
    this.q = (sel) => root.querySelector(sel);
    this.q('[data-tr-action="check-spotting"]').addEventListener('click', () => this.#check());
    this.q('[data-tr-action="reset-spotting"]').addEventListener('click', () => this.show(this.scenario));
    this.q('#tr-spot-thread').addEventListener('click', (e) => {
      const button = e.target.closest('button[data-tr-message]');
      if (!button || this.checked) return;
      button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
    });
    this.ready = Promise.resolve();
  }

  show(scenario) {
    this.scenario = scenario;
    this.checked = false;
    const messages = scenario.conversation ?? [];
    this.q('#tr-spot-card').textContent = scenario.card;
    this.q('#tr-spot-result').hidden = true;
    this.q('[data-tr-action="check-spotting"]').disabled = !messages.some((m) => m.role === 'agent');
    this.q('#tr-spot-thread').replaceChildren(...(messages.length
      ? messages.map((m, i) => h('li', { class: `tr-msg ${m.role}`, 'data-tr-index': i },
        m.role === 'agent'
          ? h('button', { type: 'button', class: 'tr-msg-body', 'data-tr-message': i, 'aria-pressed': 'false' },
            h('span', { class: 'tr-who' }, WHO[m.role]), h('span', { class: 'tr-text' }, m.text))
          : h('div', { class: 'tr-msg-body' }, h('span', { class: 'tr-who' }, WHO[m.role]), h('span', { class: 'tr-text' }, m.text))))
      : [h('li', { class: 'tr-muted' }, 'This scenario has no conversation to review; pick another.')]));
  }

  async #check() {
    const out = await this.engine.auditLine(auditLineOf(this.scenario));
    const result = this.q('#tr-spot-result');
    if (out.error) {
      result.replaceChildren(h('p', { class: 'tr-error' }, `The conversation could not be audited: ${out.error.text}`));
      result.hidden = false;
      return;
    }
    this.checked = true;
    const judged = new Map(out.audit.messages.map((m) => [m.index, m.findings.filter((f) => ERRED.has(f.severity))]));
    const titles = new Map();
    for (const f of [...judged.values()].flat()) {
      if (!titles.has(f.rule)) titles.set(f.rule, await this.engine.explain(f.rule));
    }
    let right = 0;
    const verdicts = {};
    for (const button of this.root.querySelectorAll('button[data-tr-message]')) {
      const index = Number(button.dataset.trMessage);
      const findings = judged.get(index) ?? [];
      const erred = findings.length > 0;
      const marked = button.getAttribute('aria-pressed') === 'true';
      const verdict = erred ? (marked ? 'hit' : 'missed') : (marked ? 'false-alarm' : 'ok');
      if (marked === erred) right++;
      verdicts[index] = { marked, erred, rules: findings.map((f) => f.rule) };
      const li = button.closest('li');
      li.dataset.trVerdict = verdict;
      li.querySelector('.tr-why')?.remove();
      li.append(h('div', { class: 'tr-why' }, h('strong', {}, VERDICTS[verdict]),
        findings.length ? h('ul', {}, findings.map((f) => {
          const e = titles.get(f.rule);
          return h('li', { 'data-tr-rule': f.rule, 'data-tr-severity': f.severity },
            h('span', { class: 'tr-rule' }, e?.title ?? f.rule), ` — ${f.message}`,
            e?.why && !f.message.includes(e.why) ? h('div', { class: 'tr-muted' }, `Why: ${e.why}`) : null);
        })) : null));
    }
    const total = Object.keys(verdicts).length;
    const score = total ? right / total : 1;
    const s = scoreLabel(score);
    result.replaceChildren(h('p', { class: 'tr-verdict', 'data-tr-total': score },
      h('span', { class: `tr-score big ${s.grade}` }, s.text),
      ` ${right} of ${total} agent messages judged right. The conversation's QA score: ${scoreLabel(out.audit.score).text}.`));
    result.hidden = false;
    this.record('spotting', this.scenario, { score, messages: verdicts, qa_score: out.audit.score });
  }
}
