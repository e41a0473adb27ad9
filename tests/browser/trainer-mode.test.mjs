// Trainer mode and the send guard, on the demo helpdesk (engine in the page)
// and through the real extension: every missing step of the first message
// is an error with the guide's why, bad and good example beside it, the
// score moves as the trainee types; the send guard (off by default) holds a
// reply with errors back once, on Ctrl+Enter and on the Send button, and
// the second press sends.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, launch, waitForPanel } from './harness.mjs';

const GUIDE = fs.readFileSync(path.resolve(ROOT, '..', 'shared', 'guide', 'handoff-training-guide.txt'), 'utf8').replace(/\n/g, ' ');

async function openDemo(b, query, prefix = '/') {
  const page = await b.open(`${prefix}${query}`);
  await page.evaluate(() => window.helpdesk.ready);
  return page;
}

/** The trainer-mode explanation of each finding in the panel. */
function explanations(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelector('handoff-coach-panel').shadowRoot
    .querySelectorAll('[data-hc-explain]')].map((e) => [e.dataset.hcExplain, {
    why: e.querySelector('.why').textContent, bad: e.querySelector('.bad').textContent, good: e.querySelector('.good').textContent,
  }])));
}

const sent = (page) => page.locator('.hd-thread .hd-msg[data-role="agent"]').count();
const guardShown = (page) => page.evaluate(() => [...document.querySelectorAll('handoff-coach-overlay')]
  .some((o) => o.shadowRoot.querySelector('[data-hc-guard]')));

/** Types a reply with an error (a generic opener) and waits for the coach to flag it. */
async function typeFaultyReply(page) {
  await page.locator('[data-hd-reply]').click();
  await page.keyboard.type('Hello! How can I help you today?');
  await waitForPanel(page, (s) => s.findings.some((f) => f.rule === 'never-ask.generic-opener'));
}

describe('trainer mode and the send guard, engine in the page', () => {
  let b;
  before(async () => {
    b = await launch({ extension: false });
  });
  after(async () => {
    assert.deepEqual(b.outside, [], 'no request left the page');
    assert.deepEqual(b.pageErrors.map(String), []);
    await b.close();
  });

  test('every missing always.* item is an error, explained in the guide\'s words; the score moves as the trainee types', async () => {
    const page = await openDemo(b, '?c=conv01&mode=trainer&agent=Alex');
    await page.locator('[data-hd-reply]').click();
    await page.keyboard.type('Hi');
    let s = await waitForPanel(page, (st) => st.mode === 'trainer' && st.findings.some((f) => f.rule === 'always.set-timeline'));
    const missing = s.findings.filter((f) => f.rule.startsWith('always.'));
    assert.ok(missing.length >= 5, JSON.stringify(missing));
    for (const f of missing) assert.equal(f.severity, 'error', f.rule);
    // The same reply in agent mode: hints.
    await page.locator('label:has(input[value="agent"])').click();
    s = await waitForPanel(page, (st) => st.mode === 'agent' && st.findings.some((f) => f.rule.startsWith('always.')));
    for (const f of s.findings.filter((x) => x.rule.startsWith('always.'))) assert.equal(f.severity, 'hint', f.rule);
    await page.locator('label:has(input[value="trainer"])').click();
    await waitForPanel(page, (st) => st.mode === 'trainer' && st.findings.every((f) => !f.rule.startsWith('always.') || f.severity === 'error'));

    await page.waitForFunction(() => document.querySelector('handoff-coach-panel').shadowRoot.querySelector('[data-hc-explain="always.set-timeline"]'));
    const ex = await explanations(page);
    assert.match(ex['always.set-timeline'].why, /Silence after AI interaction feels like another failure\./);
    assert.ok(GUIDE.includes(ex['always.set-timeline'].good.replace(/^✓ /, '')), ex['always.set-timeline'].good);
    assert.ok(GUIDE.includes(ex['always.set-timeline'].bad.replace(/^✗ /, '')), ex['always.set-timeline'].bad);
    for (const f of s.findings) assert.ok(ex[f.rule], `${f.rule} is explained`);

    // The score rises as the missing items are written, and says by how much.
    const before = Number((await waitForPanel(page, () => true)).score);
    await page.locator('[data-hd-reply]').press('End');
    await page.keyboard.type(' Sarah! I\'m Alex, and I\'ve got the details from your chat. I see you were charged twice in March. Let me pull up your account. Give me 30 seconds.');
    // Typing is over when keyboard.type resolves, but the panel may still show
    // a check of a prefix: wait for the whole reply's (every item written).
    s = await waitForPanel(page, (st) => Number(st.score) > before + 0.5 && !st.findings.some((f) => f.rule.startsWith('always.')));
    const change = await page.evaluate(() => document.querySelector('handoff-coach-panel').shadowRoot.querySelector('[data-hc-score-change]')?.dataset.hcScoreChange);
    assert.ok(Number(change) > 0, `the last change is shown: ${change}`);
    assert.equal(s.findings.filter((f) => f.rule.startsWith('always.')).length, 0);
    await page.close();
  });

  test('the send guard is off by default: a reply with errors is sent at once', async () => {
    const page = await openDemo(b, '?c=conv01&mode=trainer');
    assert.equal(await page.locator('#hd-guard').isChecked(), false);
    const n = await sent(page);
    await typeFaultyReply(page);
    await page.keyboard.press('Control+Enter');
    assert.equal(await sent(page), n + 1);
    assert.equal(await guardShown(page), false);
    await page.close();
  });

  test('the send guard asks once on Ctrl+Enter and on Send; the second press sends; a clean reply is never held', async () => {
    const page = await openDemo(b, '?c=conv01&mode=agent');
    await page.locator('#hd-guard').check();
    assert.equal(new URL(page.url()).searchParams.get('guard'), '1');
    const n = await sent(page);

    await typeFaultyReply(page);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('handoff-coach-overlay')].some((o) => o.shadowRoot.querySelector('[data-hc-guard]')));
    assert.equal(await sent(page), n, 'held back once');
    assert.equal(await page.evaluate(() => window.helpdesk.reply.getText()), 'Hello! How can I help you today?', 'the text is untouched');
    await page.keyboard.press('Control+Enter');
    assert.equal(await sent(page), n + 1, 'the second press sends');
    await page.waitForFunction(() => ![...document.querySelectorAll('handoff-coach-overlay')].some((o) => o.shadowRoot.querySelector('[data-hc-guard]')));

    // A new reply is asked about again, this time on the button.
    await typeFaultyReply(page);
    await page.locator('#hd-send').click();
    assert.equal(await guardShown(page), true);
    assert.equal(await sent(page), n + 1);
    const lead = await page.evaluate(() => [...document.querySelectorAll('handoff-coach-overlay')]
      .map((o) => o.shadowRoot.querySelector('[data-hc-guard]')).find(Boolean).textContent);
    assert.match(lead, /still has \d+ errors?/);
    await page.locator('#hd-send').click();
    assert.equal(await sent(page), n + 2);

    // No errors: nothing to ask.
    await page.locator('[data-hd-reply]').click();
    await page.keyboard.type('Hi Sarah, I\'m Alex. I\'ve got the details from your chat.');
    await waitForPanel(page, (s) => s.findings.every((f) => f.severity !== 'error') && s.checklist['always.use-name'] === 'true');
    await page.locator('#hd-send').click();
    assert.equal(await sent(page), n + 3);
    assert.equal(await guardShown(page), false);
    await page.close();
  });
});

describe('trainer mode and the send guard through the extension', () => {
  let b;
  before(async () => {
    b = await launch();
  });
  after(async () => {
    assert.deepEqual(b.outside, [], 'no request left the browser');
    await b.close();
  });

  test('trainer mode from the popup, explanations over the port; the send guard switched on in the options', async () => {
    const options = await b.options();
    assert.equal(await options.locator('#send-guard').isChecked(), false, 'off by default');
    await options.locator('#send-guard').check();
    await b.settingsStored(options, { sendGuard: true });
    await options.close();
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup/popup.html`);
    assert.equal(await popup.locator('#send-guard').isChecked(), true);
    await popup.locator('input[name=mode][value=trainer]').check();
    await popup.close();

    const page = await openDemo(b, '?c=conv01&editor=textarea', '/strict/');
    await page.locator('[data-hd-reply]').click();
    await page.keyboard.type('How can I help you today?');
    const s = await waitForPanel(page, (st) => st.mode === 'trainer' && st.findings.some((f) => f.rule === 'always.use-name'));
    assert.ok(s.findings.filter((f) => f.rule.startsWith('always.')).every((f) => f.severity === 'error'));
    await page.waitForFunction(() => document.querySelector('handoff-coach-panel').shadowRoot.querySelector('[data-hc-explain="never-ask.generic-opener"]'));
    const ex = await explanations(page);
    assert.match(ex['never-ask.generic-opener'].why, /Customer already explained to AI\. Asking again signals you didn't read\./);

    const n = await sent(page);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('handoff-coach-overlay')].some((o) => o.shadowRoot.querySelector('[data-hc-guard]')));
    assert.equal(await sent(page), n);
    await page.locator('#hd-send').click();
    assert.equal(await sent(page), n + 1);
    await page.close();
  });
});
