// Faults, with the real extension: the service worker stopped between
// keystrokes, in the middle of a check and in the middle of a pack import;
// a stored pack of an older shape; the extension reloaded, and turned off,
// under an open tab. Each ends with the coach working again or saying what
// to do, and the agent's text exactly as typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, waitForPanel } from './harness.mjs';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  assert.deepEqual(b.outside, []);
  assert.deepEqual(b.pageErrors.map(String), []);
  await b.close();
});

const DESK = '/strict/fixtures/desk.html?box=textarea';

async function openDesk() {
  const page = await b.open(DESK);
  await waitForPanel(page, (s) => s.fields.first_name === 'Sarah');
  await page.locator('#reply').click();
  return page;
}

/** Waits until the panel shows the answer for the reply as it is now. */
async function answered(page) {
  await page.waitForFunction(() => document.querySelector('handoff-coach-panel')
    ?.shadowRoot.querySelector('.panel').getAttribute('aria-busy') === 'false');
  return waitForPanel(page, () => true);
}

/**
 * Keeps the worker's thread busy for `ms` from now: a message sent meanwhile
 * waits in its queue, unanswered, as a check or an import does while the
 * worker is stopped under it.
 */
async function stall(ms) {
  const sw = await b.worker();
  await sw.evaluate((t) => {
    setTimeout(() => {
      const until = Date.now() + t;
      while (Date.now() < until) { /* busy */ }
    }, 0);
  }, ms);
}

/** Marks the running worker's global scope: a worker started since has no mark. */
async function markWorker() {
  await (await b.worker()).evaluate(() => { self.__marked = true; });
}

async function workerIsNew() {
  for (let i = 0; i < 20; i++) {
    try {
      return await (await b.worker()).evaluate(() => self.__marked !== true);
    } catch {
      await new Promise((r) => setTimeout(r, 50)); // the handle of a stopped worker
    }
  }
  throw new Error('no running worker');
}

test('the worker stopped between keystrokes and during a check: the answer comes, the text is intact', async () => {
  const page = await openDesk();
  await page.keyboard.type('Hi Sarah. ');
  await answered(page);
  await markWorker();
  await b.stopWorkers(page);
  await page.keyboard.type('How can I help');
  let state = await answered(page);
  assert.ok(state.findings.some((f) => f.rule === 'never-ask.generic-opener'), 'stopped between keystrokes: the next one is answered');
  assert.ok(await workerIsNew(), 'the keystroke started the worker again');
  await markWorker();

  // A check in flight when the worker stops: it never answers; the port closes, the check is sent again.
  await stall(3000);
  await page.keyboard.type(' you today?');
  assert.equal(await page.locator('handoff-coach-panel .panel').getAttribute('aria-busy'), 'true', 'a check is in flight');
  await b.stopWorkers(page);
  const stoppedAt = Date.now();
  state = await answered(page);
  const ms = Date.now() - stoppedAt;
  const f = state.findings.find((x) => x.rule === 'never-ask.generic-opener');
  assert.ok(f, 'the check sent again was answered');
  assert.equal(await page.locator('#reply').inputValue(), 'Hi Sarah. How can I help you today?');
  assert.ok(await workerIsNew(), 'the check was answered by a worker started again');
  console.log(`# answer ${ms} ms after the worker was stopped mid-check`);
  await page.close();
});

test('a slow answer dims the lists after a moment; a quick one never does; the answer undims them', async () => {
  const page = await openDesk();
  const dimmed = () => page.evaluate(() => {
    const root = document.querySelector('handoff-coach-panel').shadowRoot;
    return ['.findings', '.checklist'].map((s) => Number(getComputedStyle(root.querySelector(s)).opacity) < 1);
  });
  await page.keyboard.type('Hi Sarah. How can I help');
  await answered(page);
  assert.deepEqual(await dimmed(), [false, false], 'quick answers: never dimmed');

  await stall(1500);
  const typedAt = Date.now();
  await page.keyboard.type(' you');
  assert.equal(await page.locator('handoff-coach-panel .panel').getAttribute('aria-busy'), 'true', 'busy at once');
  assert.deepEqual(await dimmed(), [false, false], 'not dimmed at once');
  await page.waitForFunction(() => {
    const root = document.querySelector('handoff-coach-panel').shadowRoot;
    return Number(getComputedStyle(root.querySelector('.findings')).opacity) < 1;
  });
  assert.ok(Date.now() - typedAt >= 250, `dimmed ${Date.now() - typedAt} ms after the key, not before 300 ms`);
  const state = await answered(page);
  assert.ok(state.findings.some((f) => f.rule === 'never-ask.generic-opener'));
  assert.deepEqual(await dimmed(), [false, false], 'the answer undims the lists');
  await page.close();
});

test('the worker stopped while a pack is being imported: the import completes', async () => {
  const options = await b.options();
  const file = path.join(os.tmpdir(), `hc-${process.pid}-midway.toml`);
  fs.writeFileSync(file, 'name = "midway"\n\n[[custom]]\nid = "custom.zebra"\nmessage = "No zebras."\nphrases = ["zebra crossing"]\n');
  await stall(3000);
  await options.locator('#pack-file').setInputFiles(file);
  await options.locator('#pack-status').filter({ hasText: 'Checking' }).waitFor();
  await b.stopWorkers(options);
  await options.locator('#pack-status').filter({ hasText: 'midway.toml imported' }).waitFor({ timeout: 15_000 });
  await options.locator('#pack-current').filter({ hasText: 'midway' }).waitFor();
  const page = await openDesk();
  await page.keyboard.type('Mind the zebra crossing.');
  await waitForPanel(page, (s) => s.findings.some((x) => x.rule === 'custom.zebra'));
  assert.equal(await page.locator('#reply').inputValue(), 'Mind the zebra crossing.');
  await options.locator('#pack-remove').click();
  await options.locator('#pack-current').filter({ hasText: 'Using the built-in rules.' }).waitFor();
  await options.close();
  await page.close();
});

test('a stored pack of an older shape: the built-in rules, and the options page says why', async () => {
  const sw = await b.worker();
  for (const [stored, why] of [
    [{ name: 'acme', rules: { 'avoid.blame-ai': { severity: 'off' } } }, /stored by an older version/],
    ['name = "acme"\n\n[rules."never-ask.retired-rule"]\nseverity = "off"\n', /no longer loads \(line 3, column \d+\).*never-ask\.retired-rule/],
  ]) {
    await sw.evaluate((pack) => chrome.storage.local.set({ pack }), stored);
    const options = await b.options();
    const current = options.locator('#pack-current[data-problem="true"]');
    await current.waitFor();
    const said = await current.textContent();
    assert.match(said, /^The stored rule pack is not used: /);
    assert.match(said, why);
    assert.match(said, /The built-in rules are in use; import the pack again\.$/);
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup/popup.html`);
    await popup.locator('#summary').filter({ hasText: 'built-in rules' }).waitFor();
    await popup.close();

    const page = await openDesk();
    await page.keyboard.type('Sorry the bot couldn\u2019t help. How can I help you today?');
    const state = await answered(page);
    assert.ok(state.findings.some((x) => x.rule === 'never-ask.generic-opener'), 'the built-in rules coach');
    await page.close();
    await options.locator('#pack-remove').click();
    await options.locator('#pack-current').filter({ hasText: 'Using the built-in rules.' }).waitFor();
    await options.close();
  }
});

// Reloading an unpacked extension needs developer mode (without it this
// Chromium disables it as an "unsupported developer extension"), as it does
// for a person at chrome://extensions.
async function extensionsPage(fn, arg) {
  const page = await b.context.newPage();
  await page.goto('chrome://extensions/');
  const value = await page.evaluate(fn, arg);
  await page.close();
  return value;
}

test('the extension reloaded under an open tab: the new copy takes over, the text is untouched', async () => {
  await extensionsPage(() => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }));
  const page = await openDesk();
  await page.keyboard.type('Hi Sarah, I\u2019m Alex.');
  await answered(page);
  const sw = await b.worker();
  await sw.evaluate(() => chrome.runtime.reload()).catch(() => {}); // the worker goes with it
  // The new worker injects a new copy into the open tab; the old one leaves it the page.
  await page.waitForFunction(() => document.querySelectorAll('handoff-coach-panel').length === 1
    && !document.querySelector('handoff-coach-notice'), null, { timeout: 10_000 });
  await page.locator('#reply').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' How can I help you today?');
  const state = await waitForPanel(page, (s) => s.findings.some((f) => f.rule === 'never-ask.generic-opener'));
  assert.equal(state.count, 1, 'one panel');
  assert.equal(await page.locator('#reply').inputValue(), 'Hi Sarah, I\u2019m Alex. How can I help you today?');
  await page.close();
});

test('the extension turned off under an open tab: the coach says to reload it, and never touches the text', async () => {
  const page = await openDesk();
  await page.keyboard.type('Hi Sarah.');
  await answered(page);
  const id = b.extensionId;
  await extensionsPage((x) => chrome.management.setEnabled(x, false), id);
  const notice = page.locator('handoff-coach-notice[data-hc-state="reload"]');
  await notice.waitFor({ timeout: 5000 });
  assert.match(await notice.locator('p').textContent(), /Reload this tab/);
  assert.equal(await page.locator('handoff-coach-panel').count(), 0, 'the cut-off coach stopped');
  await page.locator('#reply').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Still typing.');
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#reply').inputValue(), 'Hi Sarah. Still typing.', 'the text is the agent\u2019s alone');
  assert.equal(await page.locator('handoff-coach-notice').count(), 1);

  // Turned on again, a reload of the tab brings the coach back, as the notice says.
  await extensionsPage((x) => chrome.management.setEnabled(x, true), id);
  await b.worker();
  await page.reload();
  await waitForPanel(page, (s) => s.fields.first_name === 'Sarah');
  assert.equal(await page.locator('handoff-coach-notice').count(), 0);
  await page.close();
});
