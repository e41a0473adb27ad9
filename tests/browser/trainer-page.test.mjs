// The trainer page (www/trainer/): the guide's four exercises end to end
// with the engine in the page, each checked against the engine's own
// answers as the command line gives them (`check`, `audit`) or against what
// a fair grader must say; the scenario file replaced from the picker; the
// session's results downloaded. No request leaves the page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, launch, waitForPanel } from './harness.mjs';

const CLI = path.join(ROOT, 'target', 'release', 'handoff-coach');
const SET = JSON.parse(fs.readFileSync(path.join(ROOT, 'www', 'trainer', 'scenarios.json'), 'utf8'));
const scenario = (id) => SET.scenarios.find((s) => s.id === id);

/** `handoff-coach check --format json` for `reply` on `card`. */
function cliCheck(card, reply, args = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-trainer-'));
  try {
    fs.writeFileSync(path.join(dir, 'card.txt'), card);
    fs.writeFileSync(path.join(dir, 'reply.txt'), reply);
    return JSON.parse(execFileSync(CLI, ['check', '--summary', path.join(dir, 'card.txt'), '--reply', path.join(dir, 'reply.txt'), '--format', 'json', ...args], { encoding: 'utf8' }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `handoff-coach audit` of a scenario's conversation. */
function cliAudit(s) {
  const line = JSON.stringify({ id: s.id, summary: s.card, messages: s.conversation });
  return JSON.parse(execFileSync(CLI, ['audit', '-'], { input: `${line}\n`, encoding: 'utf8' }));
}

describe('the trainer page', () => {
  let b;
  let page;
  before(async () => {
    b = await launch({ extension: false });
    page = await b.open('/trainer/');
    await page.evaluate(() => window.trainer.ready);
  });
  after(async () => {
    assert.deepEqual(b.outside, [], 'no request left the page');
    assert.deepEqual(b.pageErrors.map(String), []);
    await b.close();
  });

  const pick = (id) => page.locator('#tr-scenario').selectOption(id);
  const tab = (name) => page.locator(`[data-tr-tab="${name}"]`).click();

  test('1 · speed reading: the card hidden until the clock starts; answers graded fairly against the engine\'s reading', async () => {
    await pick('vip-damaged');
    await tab('reading');
    const ex = page.locator('[data-tr-exercise="reading"]');
    assert.equal(await ex.locator('#tr-reading-card').isVisible(), false, 'covered before the clock starts');
    assert.ok(await ex.locator('[data-tr-action="grade-reading"]').isDisabled());
    await ex.locator('[data-tr-action="start-reading"]').click();
    assert.equal(await ex.locator('#tr-reading-card').textContent(), scenario('vip-damaged').card);
    await page.waitForFunction(() => Number(document.querySelector('#tr-clock-s').textContent) > 0, null, { timeout: 2000 });
    // Case and accents do not count; the issue earns credit by shared words; a blank earns nothing.
    await ex.locator('[name=name]').fill('zoe martinez');
    await ex.locator('[name=tier]').fill('enterprise');
    await ex.locator('[name=issue]').fill('espresso machine arrived cracked');
    await ex.locator('[name=sentiment]').fill('ANGRY');
    await ex.locator('[data-tr-action="grade-reading"]').click();
    const verdict = ex.locator('.tr-verdict');
    await verdict.waitFor();
    const fields = Object.fromEntries(await ex.locator('[data-tr-field]').evaluateAll((rows) => rows.map((r) => [r.dataset.trField, r.dataset.trScore === undefined ? null : Number(r.dataset.trScore)])));
    assert.equal(fields.name, 1, 'Zoë Martínez = zoe martinez');
    assert.equal(fields.sentiment, 1, 'ANGRY = angry');
    assert.ok(fields.issue > 0.5 && fields.issue <= 1, `the issue by shared words: ${fields.issue}`);
    assert.ok(fields.tier > 0 && fields.tier <= 1, `the tier by shared words: ${fields.tier}`);
    assert.equal(fields.ai_tried, 0, 'left blank');
    const mean = Math.round(((1 + 1 + fields.issue + fields.tier + 0) / 5) * 100) / 100;
    assert.equal(Number(await verdict.getAttribute('data-tr-total')), mean, 'the mean of the fields');
    assert.equal(await verdict.getAttribute('data-tr-in-time'), 'true');
    const seconds = Number(await verdict.getAttribute('data-tr-seconds'));
    assert.ok(seconds > 0 && seconds < 30, `timed: ${seconds} s`);

    // A wrong name is not full marks.
    await ex.locator('[data-tr-action="reset-reading"]').click();
    await ex.locator('[data-tr-action="start-reading"]').click();
    await ex.locator('[name=name]').fill('Sarah Chen');
    await ex.locator('[data-tr-action="grade-reading"]').click();
    await verdict.waitFor();
    assert.ok(Number(await ex.locator('[data-tr-field="name"]').getAttribute('data-tr-score')) < 1);
    const results = await page.evaluate(() => window.trainer.results().filter((r) => r.exercise === 'reading'));
    assert.equal(results.length, 2);
    assert.equal(results[0].scenario, 'vip-damaged');
    assert.equal(results[0].score, mean);
  });

  test('2 · first message: the real coach in trainer mode scores it live (missing items are errors, with the guide\'s words); the ready opening is the engine\'s', async () => {
    await pick('double-charge');
    await tab('opening');
    const card = scenario('double-charge').card;
    assert.equal(await page.locator('#tr-opening-card').textContent(), card);
    const bad = 'Hi, how can I help you today?';
    await page.locator('#tr-reply').fill(bad);
    // The coach reads the new card when it appears; a lint before that has
    // the last card's context (or none), so wait for this card's name too.
    const thisCard = (s) => s.fields.customer_name === 'Sarah Chen';
    const first = await waitForPanel(page, (s) => thisCard(s) && s.mode === 'trainer' && s.findings.some((f) => f.rule === 'never-ask.generic-opener'));
    const always = first.findings.filter((f) => f.rule.startsWith('always.'));
    assert.ok(always.length >= 3, 'the missing items are findings');
    assert.ok(always.every((f) => f.severity === 'error'), 'trainer mode: every missing always-do item is an error');
    assert.equal(Number(first.score), cliCheck(card, bad, ['--mode', 'trainer']).score, 'the CLI\'s score');
    const explained = await page.evaluate(() => [...document.querySelector('handoff-coach-panel').shadowRoot.querySelectorAll('[data-hc-explain]')].map((e) => e.dataset.hcExplain));
    assert.ok(explained.includes('never-ask.generic-opener'), 'the guide\'s why, bad and good');

    const better = 'Hi Sarah, I\'m Alex. I can see from your chat that you were charged twice for March. I\'m refunding the duplicate charge now; give me 2 minutes.';
    await page.locator('#tr-reply').fill(better);
    const second = await waitForPanel(page, (s) => thisCard(s) && Number(s.score) > Number(first.score));
    assert.equal(Number(second.score), cliCheck(card, better, ['--mode', 'trainer', '--agent', 'Alex']).score, 'the CLI\'s score, as it moves');

    await page.locator('[data-tr-action="reveal-opening"]').click();
    await page.locator('#tr-ready-opening:not([hidden])').waitFor();
    assert.equal(await page.locator('#tr-ready-opening').textContent(), cliCheck(card, bad, ['--agent', 'Alex']).opening.text);

    await page.locator('[data-tr-action="save-opening"]').click();
    await page.locator('#tr-opening-status[data-tr-score]').waitFor();
    const saved = await page.evaluate(() => window.trainer.results().at(-1));
    assert.equal(saved.exercise, 'opening');
    assert.equal(saved.text, better);
    assert.equal(saved.score, Number(second.score));
    assert.equal(saved.opening_revealed, true);

    // Another scenario empties the box; the coach follows the new card.
    await pick('locked-out');
    assert.equal(await page.locator('#tr-reply').inputValue(), '');
    await page.locator('#tr-reply').fill('Hi Tom');
    await waitForPanel(page, (s) => s.fields.customer_name === 'Tom Becker');
  });

  test('3 · role-play: the persona and its lines for one, the card for the other; the debrief checklist is the guide\'s QA list', async () => {
    await pick('export-failing');
    await tab('roleplay');
    const s = scenario('export-failing');
    assert.equal(await page.locator('[data-tr-persona="who"]').textContent(), s.persona.who);
    assert.equal(await page.locator('[data-tr-persona="wants"]').textContent(), s.persona.wants);
    assert.deepEqual(await page.locator('#tr-persona-lines [data-tr-line]').allTextContents(), s.persona.lines);
    assert.equal(await page.locator('#tr-roleplay-card').textContent(), s.card);
    const items = await page.locator('[data-tr-debrief]').evaluateAll((els) => els.map((e) => e.dataset.trDebrief));
    const qaItems = Object.keys(cliAudit(scenario('double-charge')).qa);
    assert.deepEqual(items, qaItems, 'one checkbox per QA item');
    const labels = await page.locator('#tr-debrief-items label').allTextContents();
    assert.ok(labels.some((l) => l.includes('Agent used customer name')), 'in the guide\'s words');

    await page.locator('[data-tr-debrief="qa.used-name"]').check();
    await page.locator('[data-tr-debrief="qa.set-expectations"]').check();
    await page.locator('#tr-debrief-notes').fill('Named the export problem at once.');
    await page.locator('[data-tr-action="save-debrief"]').click();
    await page.locator('#tr-debrief-status').filter({ hasText: 'Saved' }).waitFor();
    const saved = await page.evaluate(() => window.trainer.results().at(-1));
    assert.equal(saved.exercise, 'roleplay');
    assert.equal(saved.scenario, 'export-failing');
    assert.deepEqual(Object.entries(saved.checklist).filter(([, v]) => v).map(([k]) => k), ['qa.used-name', 'qa.set-expectations']);
    assert.equal(saved.notes, 'Named the export problem at once.');
  });

  test('4 · mistake spotting: graded against the audit\'s per-message findings (the CLI\'s), each verdict explained', async () => {
    const s = scenario('vip-damaged');
    const audit = cliAudit(s);
    const erred = audit.messages.filter((m) => m.findings.some((f) => f.severity !== 'hint')).map((m) => m.index);
    const agents = s.conversation.map((m, i) => (m.role === 'agent' ? i : -1)).filter((i) => i >= 0);
    const fine = agents.filter((i) => !erred.includes(i));
    assert.ok(erred.length >= 1, 'the scenario has a faulty message');
    await pick('vip-damaged');
    await tab('spotting');
    assert.deepEqual(await page.locator('button[data-tr-message]').evaluateAll((els) => els.map((e) => Number(e.dataset.trMessage))), agents, 'only agent messages are clickable');
    // Spot the first faulty message, miss the others, and raise one false alarm if there is a fine message.
    await page.locator(`button[data-tr-message="${erred[0]}"]`).click();
    if (fine.length) await page.locator(`button[data-tr-message="${fine[0]}"]`).click();
    await page.locator('[data-tr-action="check-spotting"]').click();
    await page.locator('#tr-spot-result .tr-verdict').waitFor();
    const verdicts = Object.fromEntries(await page.locator('[data-tr-verdict]').evaluateAll((els) => els.map((e) => [Number(e.dataset.trIndex), e.dataset.trVerdict])));
    const want = Object.fromEntries(agents.map((i) => {
      const marked = i === erred[0] || i === fine[0];
      return [i, erred.includes(i) ? (marked ? 'hit' : 'missed') : (marked ? 'false-alarm' : 'ok')];
    }));
    assert.deepEqual(verdicts, want);
    const right = Object.values(want).filter((v) => v === 'hit' || v === 'ok').length;
    assert.equal(Number(await page.locator('#tr-spot-result .tr-verdict').getAttribute('data-tr-total')), right / agents.length);
    // Each faulty message lists the audit's findings for it.
    for (const i of erred) {
      const rules = await page.locator(`li[data-tr-index="${i}"] [data-tr-rule]`).evaluateAll((els) => els.map((e) => e.dataset.trRule));
      const m = audit.messages.find((x) => x.index === i);
      assert.deepEqual(rules, m.findings.filter((f) => f.severity !== 'hint').map((f) => f.rule), `message ${i}`);
    }
    const saved = await page.evaluate(() => window.trainer.results().at(-1));
    assert.equal(saved.exercise, 'spotting');
    assert.equal(saved.qa_score, audit.score);
  });

  test('a scenario file of one\'s own replaces the set (a bad one is refused, saying why); the results download as JSON', async () => {
    const input = page.locator('input[data-tr-action="load-scenarios"]');
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "handoff-coach trainer scenarios 1", "scenarios": [{"id": "x"}]}') });
    await page.locator('#tr-load-status[data-ok="false"]').filter({ hasText: 'scenarios[0].title' }).waitFor();
    assert.equal(await page.locator('#tr-scenario option').count(), SET.scenarios.length, 'the set in use is kept');

    const own = {
      format: 'handoff-coach trainer scenarios 1',
      title: 'Our team',
      scenarios: [{ id: 'ours', title: 'Late parcel', card: 'Customer: Ana Lima\nSentiment: Worried\nAI Summary: Parcel #P-1200 is a week late. Customer wants a new delivery date.' }],
    };
    await input.setInputFiles({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
    await page.locator('#tr-load-status[data-ok="true"]').waitFor();
    assert.deepEqual(await page.locator('#tr-scenario option').allTextContents(), ['Late parcel']);
    await tab('spotting');
    assert.ok(await page.locator('[data-tr-action="check-spotting"]').isDisabled(), 'nothing to spot without a conversation');
    await tab('roleplay');
    assert.equal(await page.locator('#tr-roleplay-card').textContent(), own.scenarios[0].card);
    await tab('reading');
    await page.locator('[data-tr-action="start-reading"]').click();
    await page.locator('[data-tr-exercise="reading"] [name=name]').fill('ana lima');
    await page.locator('[data-tr-action="grade-reading"]').click();
    assert.equal(await page.locator('[data-tr-field="name"]').getAttribute('data-tr-score'), '1');

    await page.locator('#tr-trainee').fill('Jo');
    const count = (await page.evaluate(() => window.trainer.results())).length;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-tr-action="download-results"]').click()]);
    const results = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(results.format, 'handoff-coach trainer results 1');
    assert.equal(results.trainee, 'Jo');
    assert.equal(results.results.length, count);
    assert.deepEqual([...new Set(results.results.map((r) => r.exercise))].sort(), ['opening', 'reading', 'roleplay', 'spotting']);
    assert.equal(results.results.at(-1).scenario, 'ours');
  });
});
