// The wiring: the server and its two routes, the page's own engine (wasm in
// the page) where the CSP allows it, the extension's service worker and its
// registration, and the handshake that leaves one coach per page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HAS_DEMO, launch, panelState } from './harness.mjs';

let plain; // Chromium without the extension
let withExt; // Chromium with it
before(async () => {
  plain = await launch({ extension: false });
  withExt = await launch();
});
after(async () => {
  for (const b of [plain, withExt]) {
    assert.deepEqual(b.outside, [], 'no request left the test server');
    assert.deepEqual(b.pageErrors.map(String), [], 'no page errors');
    await b.close();
  }
});

test('the server serves the pages, and /strict/ with a CSP that forbids wasm in the page', async () => {
  const page = await fetch(`${plain.origin}/fixtures/desk.html`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy'), /'wasm-unsafe-eval'/);
  const strict = await fetch(`${plain.origin}/strict/fixtures/desk.html`);
  assert.equal(strict.status, 200);
  assert.equal(strict.headers.get('content-security-policy'), "default-src 'self'; script-src 'self'");
  const wasm = await fetch(`${plain.origin}/gen/pkg/handoff_coach_bg.wasm`);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal((await fetch(`${plain.origin}/../package.json`)).status, 404);
  if (HAS_DEMO) assert.equal((await fetch(`${plain.origin}/`)).status, 200);
});

test('the page coach loads the wasm engine in the page and remembers its collapsed panel', async () => {
  const page = await plain.open('/fixtures/desk.html?box=textarea&coach=page');
  await page.locator('#coach-status').filter({ hasText: 'running' }).waitFor();
  await page.waitForFunction(() => document.querySelector('handoff-coach-panel')?.shadowRoot.querySelector('.opening p').textContent.includes('Alex'));
  const state = await panelState(page);
  assert.equal(state.count, 1);
  assert.equal(state.mode, 'agent');
  await page.locator('handoff-coach-panel .title').click();
  await page.reload();
  await page.locator('handoff-coach-panel .title[aria-expanded="false"]').waitFor();
  await page.close();
});

test('on the strict route the page coach cannot start, and says so', async () => {
  const page = await plain.open('/strict/fixtures/desk.html?box=textarea&coach=page');
  await page.locator('#coach-status').filter({ hasText: 'unavailable' }).waitFor();
  assert.equal(await page.locator('handoff-coach-panel').count(), 0);
  await page.close();
});

test('the extension: its service worker runs the engine and the coach is registered on the test origin', async () => {
  const sw = await withExt.worker();
  const scripts = await sw.evaluate(() => chrome.scripting.getRegisteredContentScripts());
  assert.deepEqual(scripts.map((s) => [s.id, s.matches, s.runAt]), [['coach', ['http://127.0.0.1/*'], 'document_start']]);
  const granted = await sw.evaluate(() => chrome.permissions.getAll());
  assert.deepEqual(granted.origins, ['http://127.0.0.1/*'], 'host access only where the user enabled it');
  assert.deepEqual(granted.permissions.sort(), ['contextMenus', 'scripting', 'storage']);
});

test('with the extension present the page coach stands down: one coach, the extension\u2019s', async () => {
  const page = await withExt.open('/fixtures/desk.html?box=textarea&coach=page');
  await page.locator('#coach-status').filter({ hasText: 'extension' }).waitFor();
  await page.waitForFunction(() => document.querySelector('handoff-coach-panel'));
  await page.waitForTimeout(300);
  assert.equal((await panelState(page)).count, 1);
  await page.close();
});

test('the demo helpdesk runs the coach in the page', { skip: !HAS_DEMO && 'the demo helpdesk is not on this branch yet' }, async () => {
  const page = await plain.open('/');
  await page.waitForFunction(() => document.querySelector('handoff-coach-panel'));
  assert.equal((await panelState(page)).count, 1);
  await page.close();
});
