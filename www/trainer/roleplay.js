// Exercise 3, role-play: one trainee plays the customer from the scenario's
// persona (who, mood, wants, the lines in order), the other receives the
// handoff with only the card; then both debrief against the guide's QA
// checklist (the engine's QA items and their titles, so the list is the
// one the audit grades) and save what worked.
import { h } from '../coach/dom.js';

export class RoleplayExercise {
  constructor(root, { engine, record }) {
    this.root = root;
    this.record = record;
    this.q = (sel) => root.querySelector(sel);
    this.ready = (async () => {
      const ids = (await engine.csvHeader()).filter((id) => id.startsWith('qa.'));
      this.items = await Promise.all(ids.map(async (id) => ({ id, title: (await engine.explain(id))?.title ?? id })));
    })();
    this.q('#tr-debrief').addEventListener('submit', (e) => {
      e.preventDefault();
      this.#save();
    });
  }

  show(scenario) {
    this.scenario = scenario;
    const p = scenario.persona ?? {};
    for (const key of ['who', 'mood', 'wants']) {
      this.q(`[data-tr-persona="${key}"]`).textContent = p[key] || '—';
    }
    const lines = p.lines ?? [];
    this.q('#tr-persona-lines').replaceChildren(...(lines.length
      ? lines.map((line) => h('li', { 'data-tr-line': '' }, line))
      : [h('li', { class: 'tr-muted' }, 'This scenario has no lines: improvise from the card.')]));
    this.q('#tr-roleplay-card').textContent = scenario.card;
    this.q('#tr-debrief-items').replaceChildren(...this.items.map(({ id, title }) =>
      h('li', {}, h('label', {}, h('input', { type: 'checkbox', 'data-tr-debrief': id }), ` ${title}`))));
    this.q('#tr-debrief-notes').value = '';
    this.q('#tr-debrief-status').textContent = '';
  }

  #save() {
    const checked = Object.fromEntries([...this.root.querySelectorAll('[data-tr-debrief]')].map((box) => [box.dataset.trDebrief, box.checked]));
    const done = Object.values(checked).filter(Boolean).length;
    this.record('roleplay', this.scenario, { checklist: checked, notes: this.q('#tr-debrief-notes').value.trim() });
    this.q('#tr-debrief-status').textContent = `Saved: ${done} of ${this.items.length} went well.`;
  }
}
