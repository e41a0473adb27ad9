// Hostile pages, with the real extension on the strict-CSP route: card
// fields, customer messages, replies, findings and suggestions that are
// markup stay text everywhere the coach shows them (panel, hover card,
// opening) and run nothing; a page that imitates the coach's messages
// changes nothing; the service worker answers only its own extension's
// ports, and a message of the wrong shape gets an error, not a dead worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launch, panelState, waitForPanel } from './harness.mjs';

// Every payload would set window.__pwned (or open a dialog) if it ran.
const PAYLOADS = {
  cardName: 'Zoë <img src=x onerror="window.__pwned=1">',
  issue: 'charged twice <svg onload="window.__pwned=2">',
  summary: 'Customer wrote <script>window.__pwned=3</script> twice.',
  reply: 'How can I help you today? <script>window.__pwned=7</script> <svg onload="window.__pwned=8"> <img src=x onerror="window.__pwned=9">',
  name: '<img src=x onerror="window.__pwned=10">',
};

// Where the card is on the fixture and the demo: read as the card's own
// text (a JSON dump keeps its values as written, markup included), not
// whatever a heuristic takes around it.
const PACK = `name = "hostile-pages"

[[sites]]
match = "http://127.0.0.1/strict/fixtures/*"
card = "#handoff"
reply = "#reply"

[[sites]]
match = "http://127.0.0.1/strict/?*"
card = ".hd-handoff .hd-card"
reply = "[data-hd-reply]"
`;

let b;
const dialogs = [];
before(async () => {
  b = await launch();
  b.context.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  const options = await b.options();
  const file = path.join(os.tmpdir(), `hc-${process.pid}-hostile.toml`);
  fs.writeFileSync(file, PACK);
  await options.locator('#pack-file').setInputFiles(file);
  await options.locator('#pack-current').filter({ hasText: 'hostile-pages' }).waitFor();
  await options.close();
});
after(async () => {
  assert.deepEqual(b.outside, []);
  assert.deepEqual(b.pageErrors.map(String), []);
  await b.close();
});

async function open(url) {
  const page = await b.open(url);
  page.on('dialog', (d) => dialogs.push(d.message()));
  return page;
}

/** Nothing ran, and the coach's own roots hold no element a payload names. */
async function assertInert(page) {
  await page.waitForTimeout(150); // an image error or an svg load would have fired by now
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  const found = await page.evaluate(() => [...document.querySelectorAll('*')]
    .filter((el) => el.localName.startsWith('handoff-coach-') && el.shadowRoot)
    .flatMap((el) => [...el.shadowRoot.querySelectorAll('img, svg, script, iframe, object, embed')].map((x) => `${el.localName}: <${x.localName}>`)));
  assert.deepEqual(found, [], 'the coach made no element out of page text');
}

test('no source of the coach, the extension or the demo parses strings as markup', () => {
  // The one way page text reaches the DOM is text (www/coach/dom.js `h`,
  // textContent); the demo's HTML cards go through DOMParser and a rebuilt
  // safe subset (www/app/card.js). Anything else that parses markup is a hole.
  const sink = /\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|createContextualFragment|srcdoc|new Function|\beval\(/;
  const holes = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(m?js|html)$/.test(entry.name)) {
        fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => sink.test(line) && holes.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`));
      }
    }
  };
  for (const dir of ['www/coach', 'www/app', 'extension']) walk(path.join(ROOT, dir));
  assert.deepEqual(holes, []);
});

test('fixture page: markup in the card, the thread and the reply is shown as text and runs nothing', async () => {
  const page = await open('/strict/fixtures/desk.html?box=textarea&card=hostile');
  const state = await waitForPanel(page, (s) => s.fields.issue !== '');
  // The engine keeps what it reads as written; the panel shows exactly that.
  assert.equal(state.fields.issue, PAYLOADS.issue);
  assert.equal(state.fields.summary, PAYLOADS.summary);
  assert.ok(state.fields.details.includes(PAYLOADS.cardName), `details: ${state.fields.details}`);
  const panel = page.locator('handoff-coach-panel');
  await panel.locator('.opening p').filter({ hasText: PAYLOADS.issue }).waitFor();

  await page.locator('#reply').click();
  await page.keyboard.type(PAYLOADS.reply);
  const checked = await waitForPanel(page, (s) => s.findings.some((f) => f.rule === 'never-ask.generic-opener'));
  const opener = checked.findings.find((f) => f.rule === 'never-ask.generic-opener');
  // The suggestion names the issue, payload and all: in the panel and in the hover card.
  await panel.locator(`[data-hc-rule="${opener.rule}"] .suggestion`).filter({ hasText: PAYLOADS.issue }).waitFor();
  const box = await page.evaluate(() => {
    const r = document.querySelector('handoff-coach-overlay').shadowRoot.querySelector('.box.error').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y - 3);
  await page.mouse.move(box.x, box.y);
  const card = page.locator('handoff-coach-overlay .card');
  await card.waitFor();
  assert.ok((await card.locator('.suggestion').textContent()).includes(PAYLOADS.issue), 'the hover card shows the suggestion as text');

  // The agent corrects the name to markup: shown as typed, used as typed.
  const name = panel.locator('[data-hc-field="first_name"]');
  await name.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(PAYLOADS.name);
  await page.keyboard.press('Enter');
  await panel.locator('.opening p').filter({ hasText: `Hi ${PAYLOADS.name}` }).waitFor();
  assert.equal(await name.textContent(), PAYLOADS.name);

  assert.equal(await page.locator('#reply').inputValue(), PAYLOADS.reply, 'the reply is exactly what was typed');
  await assertInert(page);
  await page.close();
});

test('demo helpdesk: a hostile conversation is shown as text by the page and by the coach', async () => {
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'www', 'data', 'conversations.json'), 'utf8'));
  const hostile = {
    id: 'hostile', requester: PAYLOADS.cardName, handoff: 1, firstAgent: 2,
    card: {
      display: 'code', at: '2026-03-03T09:01:12Z',
      text: JSON.stringify({ customer: PAYLOADS.cardName, order_id: '12345', sentiment: 'frustrated', issue: PAYLOADS.issue, summary: PAYLOADS.summary }, null, 2),
    },
    messages: [
      { role: 'customer', text: 'I was charged twice <script>window.__pwned=4</script>', at: '2026-03-03T09:00:00Z' },
      { role: 'ai', text: '<svg onload="window.__pwned=5"> Transferring you.', at: '2026-03-03T09:01:12Z' },
    ],
  };
  await b.context.route('**/data/conversations.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify({ ...data, conversations: [hostile, ...data.conversations] }),
  }));
  try {
    const page = await open('/strict/?c=hostile&editor=contenteditable');
    await page.evaluate(() => window.helpdesk.ready);
    const texts = await page.locator('.hd-msg-text').allTextContents();
    assert.ok(texts.includes(hostile.messages[0].text), 'the page shows the customer message literally');
    const state = await waitForPanel(page, (s) => s.fields.issue !== '');
    assert.equal(state.fields.issue, PAYLOADS.issue);
    await page.locator('[data-hd-reply]').click();
    await page.keyboard.type(PAYLOADS.reply);
    await waitForPanel(page, (s) => s.findings.some((f) => f.rule === 'never-ask.generic-opener'));
    assert.equal(await page.evaluate(() => window.helpdesk.reply.getText()), PAYLOADS.reply);
    await assertInert(page);
    await page.close();
  } finally {
    await b.context.unroute('**/data/conversations.json');
  }
});

test('the page imitating the coach: posted messages and handshake events change nothing', async () => {
  const page = await open('/strict/fixtures/desk.html?box=textarea');
  await waitForPanel(page, (s) => s.fields.first_name === 'Sarah');
  await page.locator('#reply').click();
  await page.keyboard.type('Hi Sarah.');
  const before = await waitForPanel(page, (s) => s.checklist['always.use-name'] === 'true');

  const reached = await page.evaluate(() => {
    const fake = [
      { type: 'use-card', text: 'Customer: Mallory Evil\nOrder #: 666' },
      { id: 1, op: 'read', args: ['Customer: Mallory Evil'] },
      { id: 2, value: { findings: [], checklist: {}, score: 1 } },
      { type: 'settings', mode: 'qa' },
    ];
    for (const msg of fake) window.postMessage(msg, '*');
    // The handshake between the page's own coach and the extension, imitated.
    for (const type of ['handoff-coach:extension-present', 'handoff-coach:probe']) document.dispatchEvent(new Event(type));
    document.dispatchEvent(new CustomEvent('use-card', { detail: 'Customer: Mallory Evil' }));
    // And the extension itself: not reachable from a page (no externally_connectable).
    return typeof globalThis.chrome?.runtime?.connect;
  });
  assert.equal(reached, 'undefined', 'the page has no way to the service worker');
  await page.waitForTimeout(500);
  const after = await panelState(page);
  assert.deepEqual(after, before, 'the panel is exactly as it was');
  assert.equal(await page.locator('#reply').inputValue(), 'Hi Sarah.');
  // And it still coaches.
  await page.keyboard.type(' How can I help you today?');
  await waitForPanel(page, (s) => s.findings.some((f) => f.rule === 'never-ask.generic-opener'));
  await page.close();
});

test('injected into an open tab whose page answers the coach\'s probe, the coach still starts', async () => {
  // Registered at document_start, the content script runs before any page
  // script. Injected later (a site enabled while its tab was open, the
  // extension updated), it must not be kept away by a page that imitates
  // the answer of a copy already there.
  const sw = await b.worker();
  await sw.evaluate(() => chrome.scripting.unregisterContentScripts({ ids: ['coach'] }));
  try {
    const page = await open('/strict/fixtures/desk.html?box=textarea');
    await page.evaluate(() => document.addEventListener('handoff-coach:probe',
      () => document.dispatchEvent(new Event('handoff-coach:extension-present'))));
    await page.waitForTimeout(200);
    assert.equal(await page.locator('handoff-coach-panel').count(), 0, 'no coach before the injection');
    await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'http://127.0.0.1/*/fixtures/desk.html?box=textarea' });
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
    });
    await waitForPanel(page, (s) => s.fields.first_name === 'Sarah');
    await page.locator('#reply').click();
    await page.keyboard.type('How can I help you today?');
    await waitForPanel(page, (s) => s.findings.some((f) => f.rule === 'never-ask.generic-opener'));
    // Injected once more: the copy already there (same isolated world) coaches alone.
    await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'http://127.0.0.1/*/fixtures/desk.html?box=textarea' });
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
    });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('handoff-coach-panel').count(), 1);
    await page.close();
  } finally {
    await sw.evaluate(() => chrome.scripting.registerContentScripts([{
      id: 'coach', matches: ['http://127.0.0.1/*'], js: ['content.js'], runAt: 'document_start', allFrames: false,
    }]));
  }
});

/** Opens a port to the worker from the extension's options page and runs `script` with it. */
async function withPort(name, script) {
  const page = await b.options();
  try {
    return await page.evaluate(([n, src]) => {
      const port = chrome.runtime.connect({ name: n });
      const answers = [];
      let disconnected = false;
      port.onMessage.addListener((m) => answers.push(m));
      port.onDisconnect.addListener(() => { disconnected = true; });
      const until = (pred, ms = 3000) => new Promise((resolve) => {
        const t0 = Date.now();
        const poll = () => (pred() || Date.now() - t0 > ms ? resolve() : setTimeout(poll, 10));
        poll();
      });
      // eslint-disable-next-line no-new-func
      return new Function('port', 'answers', 'until', 'state', `return (async () => { ${src} })()`)(port, answers, until, () => ({ disconnected }));
    }, [name, script]);
  } finally {
    await page.close();
  }
}

test('the worker: a message of the wrong shape gets an error, and the next good one its answer', async () => {
  const result = await withPort('coach', `
    const bad = [null, 'read', 42, [], { op: 'read' }, { id: 'x', op: 'read' }, { id: 1 }, { id: 2, op: 7 },
      { id: 3, op: 'nope' }, { id: 4, op: 'toString' }, { id: 5, op: '__proto__' }, { id: 6, op: 'read', args: 'Customer: x' },
      { id: 7, op: 'check', args: [42, {}, 'not options'] }, { id: 8, op: 'opening', args: ['not a context'] }];
    for (const m of bad) port.postMessage(m);
    port.postMessage({ id: 9, op: 'read', args: ['Customer: Sarah Chen'] });
    await until(() => answers.some((a) => a.id === 9));
    return { answers, ...state() };
  `);
  assert.equal(result.disconnected, false, 'the port stays open');
  const byId = (id) => result.answers.filter((a) => a.id === id);
  assert.equal(byId(null).length, 6, 'each message without an integer id gets an error with id null');
  for (const a of byId(null)) assert.match(a.error.message, /bad request/);
  assert.match(byId(2)[0].error.message, /bad request/);
  for (const id of [3, 4, 5]) assert.match(byId(id)[0].error.message, /unknown operation/, `id ${id}`);
  assert.match(byId(6)[0].error.message, /bad request/);
  for (const id of [7, 8]) assert.ok(byId(id)[0].error?.message, `id ${id}: an error from the engine's boundary`);
  assert.equal(byId(9)[0].value.customer_name, 'Sarah Chen', 'the next good message is answered');
  assert.equal(result.answers.length, 15, 'one answer per message');
});

test('the worker: a direct line opens only with a token it gave out, once, and answers over the runtime port', async () => {
  // Lines come through the relay page, which anything that frames it can
  // post to: the token, asked for over a runtime port, is what counts.
  const result = await withPort('coach', `
    const open = async (token) => {
      const { port1, port2 } = new MessageChannel();
      const heard = [];
      port1.onmessage = (e) => heard.push(e.data);
      (await navigator.serviceWorker.ready).active.postMessage({ token }, [port2]);
      await until(() => heard.length, 1000);
      return { port1, heard };
    };
    const forged = await open('not-a-token');
    const none = await open(undefined);
    port.postMessage({ id: 1, op: 'channel' });
    await until(() => answers.some((a) => a.id === 1));
    const token = answers.find((a) => a.id === 1).value;
    const real = await open(token);
    const again = await open(token);
    real.port1.postMessage({ id: 2, op: 'check', args: [{ first_name: 'Sarah' }, 'How can I help you today?', {}] });
    forged.port1.postMessage({ id: 3, op: 'check', args: [{}, 'How can I help you today?', {}] });
    again.port1.postMessage({ id: 4, op: 'check', args: [{}, 'How can I help you today?', {}] });
    await until(() => answers.some((a) => a.id === 2));
    await new Promise((r) => setTimeout(r, 300));
    return {
      token: typeof token,
      heard: [forged.heard, none.heard, real.heard, again.heard, real.heard.length],
      ids: answers.map((a) => a.id),
      rules: answers.find((a) => a.id === 2)?.value.findings.map((f) => f.rule),
      ...state(),
    };
  `);
  assert.equal(result.token, 'string');
  assert.deepEqual(result.heard.slice(0, 2), [[], []], 'a forged or missing token opens nothing');
  assert.deepEqual(result.heard[2], [{ ready: true }], 'the token it gave out opens a line');
  assert.deepEqual(result.heard[3], [], 'a token opens one line only');
  assert.deepEqual(result.ids, [1, 2], 'the check on the line is answered, over the runtime port; the others never');
  assert.ok(result.rules.includes('never-ask.generic-opener'));
  assert.equal(result.disconnected, false);
});

test('the worker: a port of another name is cut off unanswered', async () => {
  const result = await withPort('not-the-coach', `
    port.postMessage({ id: 1, op: 'read', args: ['Customer: Sarah Chen'] });
    await until(() => state().disconnected || answers.length);
    return { answers, ...state() };
  `);
  assert.deepEqual(result, { answers: [], disconnected: true });
  // One-shot messages have no listener in the worker at all.
  const page = await b.options();
  const oneShot = await page.evaluate(() => chrome.runtime.sendMessage({ id: 1, op: 'read', args: ['x'] }).then(
    (value) => ({ value: value ?? null }), (err) => ({ error: err.message })));
  await page.close();
  assert.ok(oneShot.error || oneShot.value === null, `no answer to a one-shot message: ${JSON.stringify(oneShot)}`);
});
