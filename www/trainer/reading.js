// Exercise 1, context speed reading: the card stays covered until the clock
// starts; the trainee writes down the name, tier, core issue, what the AI
// tried and the sentiment; the engine reads the same card and grades the
// answers (gradeReading: case and accents do not count, the issue earns
// credit by shared words). The guide's goal is 30 seconds.
import { h } from '../coach/dom.js';
import { scoreLabel } from '../coach/format.js';

export const GOAL_S = 30;

// The answers' labels, in the order the engine grades them.
const LABELS = {
  name: 'Customer name', tier: 'Tier / account', issue: 'Core issue', ai_tried: 'What the AI tried', sentiment: 'Sentiment',
};

export class ReadingExercise {
  constructor(root, { engine, record }) {
    this.root = root;
    this.engine = engine;
    this.record = record;
    this.q = (sel) => root.querySelector(sel);
    this.form = this.q('form');
    this.timer = 0;
    this.startedAt = 0;
    this.q('[data-tr-action="start-reading"]').addEventListener('click', () => this.#start());
    this.q('[data-tr-action="reset-reading"]').addEventListener('click', () => this.show(this.scenario));
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#grade();
    });
    this.ready = Promise.resolve();
  }

  show(scenario) {
    this.scenario = scenario;
    this.#stopClock();
    this.startedAt = 0;
    this.form.reset();
    this.q('#tr-reading-card').hidden = true;
    this.q('#tr-reading-card').textContent = '';
    this.q('#tr-reading-cover').hidden = false;
    this.q('[data-tr-action="grade-reading"]').disabled = true;
    this.q('#tr-reading-result').hidden = true;
    this.#tick(0);
  }

  #start() {
    this.q('#tr-reading-card').textContent = this.scenario.card;
    this.q('#tr-reading-card').hidden = false;
    this.q('#tr-reading-cover').hidden = true;
    this.q('[data-tr-action="grade-reading"]').disabled = false;
    this.startedAt = performance.now();
    this.q('#tr-clock').dataset.state = 'running';
    this.timer = setInterval(() => this.#tick((performance.now() - this.startedAt) / 1000), 100);
    this.form.elements.name.focus();
  }

  #tick(seconds) {
    this.q('#tr-clock-s').textContent = seconds.toFixed(1);
    if (seconds > GOAL_S) this.q('#tr-clock').dataset.over = '';
    else delete this.q('#tr-clock').dataset.over;
  }

  #stopClock() {
    clearInterval(this.timer);
    this.timer = 0;
    this.q('#tr-clock').dataset.state = 'idle';
  }

  async #grade() {
    if (!this.startedAt) return;
    const seconds = Math.round((performance.now() - this.startedAt) / 100) / 10;
    this.#stopClock();
    this.#tick(seconds);
    this.q('#tr-clock').dataset.state = 'done';
    const answers = Object.fromEntries(Object.keys(LABELS).map((k) => [k, this.form.elements[k].value]));
    const context = await this.engine.read(this.scenario.card);
    const grade = await this.engine.gradeReading(context, answers);
    this.startedAt = 0;
    this.q('[data-tr-action="grade-reading"]').disabled = true;
    this.#showGrade(grade, seconds);
    this.record('reading', this.scenario, { seconds, in_time: seconds <= GOAL_S, score: grade.score, fields: grade.fields });
  }

  #showGrade(grade, seconds) {
    const total = scoreLabel(grade.score);
    const inTime = seconds <= GOAL_S;
    const rows = grade.fields.map((f) => {
      const s = scoreLabel(f.score);
      return h('tr', { 'data-tr-field': f.field, 'data-tr-score': f.score ?? null },
        h('th', { scope: 'row' }, LABELS[f.field] ?? f.field),
        h('td', {}, f.given || '—'),
        h('td', {}, f.expected ?? 'not on the card'),
        h('td', { class: 'num' }, f.score === null ? h('span', { class: 'tr-muted' }, 'not graded') : h('span', { class: `tr-score ${s.grade}` }, s.text)));
    });
    const result = this.q('#tr-reading-result');
    result.replaceChildren(
      h('p', { class: 'tr-verdict', 'data-tr-total': grade.score, 'data-tr-seconds': seconds, 'data-tr-in-time': String(inTime) },
        h('span', { class: `tr-score big ${total.grade}` }, total.text),
        ` in ${seconds.toFixed(1)} s — `,
        inTime ? 'within the 30-second goal.' : `over the 30-second goal by ${(seconds - GOAL_S).toFixed(1)} s.`),
      h('table', { class: 'tr-table' },
        h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'You wrote'), h('th', {}, 'The card says'), h('th', { class: 'num' }, 'Score'))),
        h('tbody', {}, rows)),
    );
    result.hidden = false;
  }
}
