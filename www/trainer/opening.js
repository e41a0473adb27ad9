// Exercise 2, first message practice: the scenario's card and a reply box,
// coached live by the real DOM layer (www/coach/, trainer mode: every
// missing item of the first message is an error, each finding with the
// guide's why, bad and good, the score as it moves). The ready opening
// (the engine's, for this card and this agent) is revealed on demand; an
// attempt is saved with the engine's score for it.
import { startPageCoach } from '../coach/page.js';
import { scoreLabel } from '../coach/format.js';

// Where the coach finds this exercise's card and reply box (a site profile,
// as a rule pack's [[sites]] gives one).
const SITE = { card: '#tr-opening-card', reply: '#tr-reply' };

export class OpeningExercise {
  constructor(root, { engine, record }) {
    this.root = root;
    this.engine = engine;
    this.record = record;
    this.q = (sel) => root.querySelector(sel);
    this.reply = this.q('#tr-reply');
    this.agent = this.q('#tr-agent');
    this.revealed = false;
    this.ready = startPageCoach({ mode: 'trainer', agent: this.agent.value, site: SITE }).then((coach) => {
      this.coach = coach;
    });
    this.agent.addEventListener('input', () => this.coach?.setSettings({ mode: 'trainer', agent: this.agent.value.trim() }));
    this.q('[data-tr-action="reveal-opening"]').addEventListener('click', () => this.#reveal());
    this.q('[data-tr-action="save-opening"]').addEventListener('click', () => this.#save());
  }

  show(scenario) {
    this.scenario = scenario;
    this.q('#tr-opening-card').textContent = scenario.card;
    this.reply.value = '';
    this.reply.dispatchEvent(new Event('input', { bubbles: true }));
    this.q('#tr-ready-opening').hidden = true;
    this.q('#tr-opening-status').textContent = '';
    this.revealed = false;
  }

  #options() {
    return { phase: 'first', mode: 'trainer', agent: this.agent.value.trim() || null };
  }

  async #reveal() {
    const context = await this.engine.read(this.scenario.card);
    const opening = await this.engine.opening(context, this.agent.value.trim() || null);
    const box = this.q('#tr-ready-opening');
    box.textContent = opening.text;
    box.hidden = false;
    this.revealed = true;
  }

  async #save() {
    const text = this.reply.value;
    const context = await this.engine.read(this.scenario.card);
    const report = await this.engine.check(context, text, this.#options());
    this.record('opening', this.scenario, {
      text,
      score: report.score,
      findings: report.findings.map((f) => ({ rule: f.rule, severity: f.severity })),
      opening_revealed: this.revealed,
    });
    const status = this.q('#tr-opening-status');
    status.textContent = `Saved: ${scoreLabel(report.score).text}${this.revealed ? ' (after seeing the ready opening)' : ''}.`;
    status.dataset.trScore = String(report.score);
  }
}
