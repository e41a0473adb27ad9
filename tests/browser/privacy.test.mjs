// Privacy, with the real extension: every page the coach has (popup,
// options), the demo helpdesk in its three modes and with every reply box,
// and the fixture pages, each used as an agent would, while every request
// of every page and of the service worker is watched. Anything not for the
// test server or this extension's own package fails the test. The manifest
// asks for no host by default, and nothing is kept in synced storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION, ROOT, launch, waitForPanel } from './harness.mjs';

let b;
const requests = [];
let workers; // the watch on the extension's service worker
before(async () => {
  b = await launch();
  // Every request of the context's pages and frames, from here on (after setup).
  b.context.on('request', (r) => requests.push(r.url()));
  workers = await watchWorkers();
});

/**
 * Watches the network of the extension's service worker, whose requests
 * Playwright's request events do not show: DevTools' Network domain on the
 * worker's own target, reached through a tab's DevTools session. `attach()`
 * takes up a worker started since (Chrome stops and starts it at will).
 */
async function watchWorkers() {
  const tab = await b.context.newPage();
  const cdp = await b.context.newCDPSession(tab);
  const attached = new Map(); // sessionId -> targetId
  let n = 0;
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    if (m.method === 'Network.requestWillBeSent') requests.push(m.params.request.url);
  });
  cdp.on('Target.detachedFromTarget', (e) => attached.delete(e.sessionId));
  const watching = (targetId) => [...attached.values()].includes(targetId);
  const send = (sessionId, method, params = {}) => cdp.send('Target.sendMessageToTarget',
    { sessionId, message: JSON.stringify({ id: ++n, method, params }) });
  return {
    async attach() {
      const { targetInfos } = await cdp.send('Target.getTargets');
      for (const t of targetInfos) {
        if (t.type !== 'service_worker' || !t.url.startsWith(`chrome-extension://${b.extensionId}/`) || watching(t.targetId)) continue;
        const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
        attached.set(sessionId, t.targetId);
        await send(sessionId, 'Network.enable');
      }
    },
    /** Has every watched worker fetch `url`: proof that the watch sees the worker's requests. */
    async probe(url) {
      for (const sessionId of attached.keys()) {
        await send(sessionId, 'Runtime.evaluate', { expression: `fetch(${JSON.stringify(url)}).then((r) => r.text())`, awaitPromise: true });
      }
    },
    close: () => tab.close(),
  };
}
after(async () => {
  await workers.close();
  await b.close();
});

/** What a request may be for: the test server, this extension's own files, or inline data. */
function allowed(url) {
  return url.startsWith(`${b.origin}/`) || url.startsWith(`chrome-extension://${b.extensionId}/`) || /^(data|blob):/.test(url);
}

async function visit(url, act) {
  await workers.attach();
  const page = await b.open(url);
  try {
    await act?.(page);
  } catch (err) {
    err.message = `${url}: ${err.message}`;
    throw err;
  } finally {
    await page.close();
  }
}

test('the manifest asks for no site by default and for nothing it does not use', () => {
  for (const file of [path.join(ROOT, 'extension', 'manifest.json'), path.join(EXTENSION, 'manifest.json')]) {
    const text = fs.readFileSync(file, 'utf8');
    const m = JSON.parse(text);
    assert.ok(!text.includes('<all_urls>'), `${file}: no <all_urls>`);
    assert.deepEqual(m.host_permissions ?? [], [], 'no host permission until the user grants one');
    assert.equal(m.content_scripts, undefined, 'no content script on any site by default');
    assert.equal(m.externally_connectable, undefined, 'no page or other extension can connect');
    // One file is web-accessible, the relay that hands the content script's
    // line to the worker, and only through the per-session URL: a page
    // cannot load it, or tell the extension is there, by its id.
    assert.deepEqual(m.web_accessible_resources, [
      { resources: ['relay/relay.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ], 'pages can load none of the extension\u2019s files by its id');
    assert.deepEqual([...m.permissions].sort(), ['contextMenus', 'scripting', 'storage']);
    const csp = m.content_security_policy.extension_pages;
    assert.doesNotMatch(csp, /https?:|\*/, 'no remote code');
    assert.match(csp, /connect-src 'self'/, 'the worker and the extension pages can connect to the package only');
  }
});

test('every page, every mode: no request leaves for anywhere but the test server and the extension itself', async () => {
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup/popup.html`);
  await popup.locator('#summary').filter({ hasText: 'Runs on' }).waitFor();
  await popup.close();
  const options = await b.options();
  await options.locator('#pack-current').filter({ hasText: 'built-in rules' }).waitFor();
  await options.fill('#agent', 'Robin');
  await options.locator('#agent').blur();
  await b.settingsStored(options, { agent: 'Robin' });
  await options.close();

  const typeInto = (selector) => async (page) => {
    await waitForPanel(page, (s) => s.count >= 1);
    await page.locator(selector).click();
    await page.keyboard.type('Hi, how can I help you today?');
    await waitForPanel(page, (s) => s.findings.some((f) => f.rule === 'never-ask.generic-opener'));
  };
  for (const mode of ['agent', 'trainer', 'qa']) {
    for (const prefix of ['/', '/strict/']) {
      await visit(`${prefix}?mode=${mode}&editor=textarea&c=conv02`, typeInto('[data-hd-reply]'));
    }
  }
  for (const editor of ['contenteditable', 'prosemirror', 'quill', 'ckeditor']) {
    await visit(`/strict/?editor=${editor}&c=conv01`, typeInto('[data-hd-reply]'));
  }
  // The editor in a frame: its document is the coach's to read too, and no more.
  await visit('/strict/?editor=iframe&c=conv01', typeInto('iframe.hd-iframe-editor'));
  // Pages another branch adds to the demo site are walked once they are here.
  for (const extra of ['trainer', 'qa', 'bench']) {
    if (fs.existsSync(path.join(ROOT, 'www', extra, 'index.html'))) {
      await visit(`/${extra}/`, (page) => page.waitForLoadState('networkidle'));
    }
  }
  for (const query of ['box=textarea', 'box=contenteditable', 'box=model', 'box=input', 'box=textarea&card=dl', 'box=textarea&wrap=transformed']) {
    await visit(`/strict/fixtures/desk.html?${query}`, typeInto('#reply'));
  }
  // Pages whose card the coach does not take up without a site profile: loaded, looked over, left.
  for (const query of ['card=hostile', 'card=huge', 'card=none']) {
    await visit(`/strict/fixtures/desk.html?box=textarea&${query}`, (page) => page.waitForTimeout(300));
  }

  const outside = [...new Set(requests.filter((u) => !allowed(u)))];
  assert.deepEqual(outside, [], 'requests for anywhere else');
  assert.deepEqual(b.outside, []);
  const probe = `chrome-extension://${b.extensionId}/manifest.json`;
  await workers.attach();
  await workers.probe(probe);
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(requests.includes(probe), 'the worker\u2019s own requests are seen by the watch');
  assert.ok(requests.includes(`${b.origin}/data/conversations.json`), 'the demo\u2019s data came from the page\u2019s own origin');
  assert.deepEqual(b.pageErrors.map(String), []);
});

test('settings and packs are kept in local storage only: nothing in synced storage', async () => {
  const sw = await b.worker();
  const [synced, local] = await sw.evaluate(async () => [await chrome.storage.sync.get(null), await chrome.storage.local.get(null)]);
  assert.deepEqual(synced, {});
  assert.equal(local.settings.agent, 'Robin', 'the settings changed above are in local storage');
});
