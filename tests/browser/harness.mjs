// The one helper every browser test uses: the demo server, Chromium with
// the real unpacked extension, the site granted the way a user grants it,
// and a watch on every request.
//
//   const b = await launch();            // server + Chromium + extension
//   const page = await b.open('/strict/fixtures/desk.html');
//   …
//   assert.deepEqual(b.outside, []);     // nothing left for another host
//   await b.close();
//
// Build first (scripts/test does): dist/extension and www/gen/pkg come from
// scripts/lib.sh's build_all.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION = path.join(ROOT, 'dist', 'extension');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Whether the demo helpdesk (www/index.html) is on this branch yet. */
export const HAS_DEMO = fs.existsSync(path.join(ROOT, 'www', 'index.html'));

/** Starts scripts/serve.mjs on a free port; resolves to `{origin, close()}`. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs'), '--port', '0', '--fixtures'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // A test run that dies must not leave the server behind.
    const orphan = () => child.kill();
    process.once('exit', orphan);
    let out = '';
    const fail = (why) => {
      child.kill();
      reject(new Error(`the demo server did not start: ${why}`));
    };
    const timer = setTimeout(() => fail('no "serving" line in 10 s'), 10_000);
    child.on('exit', (code) => fail(`exited with ${code}`));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.resume();
      resolve({
        origin: m[1],
        close: () => new Promise((done) => {
          process.off('exit', orphan);
          if (child.exitCode !== null) return done();
          child.once('exit', done);
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

/**
 * Starts the server and Chromium. With `extension` (the default) the real
 * unpacked extension is loaded and enabled on the test origin as a user
 * would: site access granted (chrome://extensions' "on specific sites"),
 * then the site's switch in the extension's options page.
 */
export async function launch({ extension = true } = {}) {
  if (extension && !fs.existsSync(path.join(EXTENSION, 'manifest.json'))) {
    throw new Error('dist/extension is missing: build first (scripts/test, or scripts/lib.sh build_all)');
  }
  const server = await startServer();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-browser-'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-dev-shm-usage'];
  if (extension) args.push(`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`);
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args, viewport: { width: 1280, height: 800 },
    });
  } catch (err) {
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
    throw err;
  }

  const b = {
    server,
    context,
    origin: server.origin,
    extensionId: null,
    /** Requests for anything but the test server and the extension's own files. */
    outside: [],
    /** Opens `urlPath` of the test server in a new tab. */
    async open(urlPath) {
      const page = await context.newPage();
      page.setDefaultTimeout(8000); // a coach that is going to answer answers in milliseconds
      page.on('pageerror', (err) => b.pageErrors.push(err));
      await page.goto(server.origin + urlPath);
      return page;
    },
    pageErrors: [],
    /** The extension's service worker (waits for one to run). */
    async worker() {
      const id = b.extensionId;
      const running = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
      return running ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${id}/`) });
    },
    /** Stops every service worker, as Chrome does after 30 s idle. */
    async stopWorkers(page) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    /** The extension's options page. */
    async options() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${b.extensionId}/options/options.html`);
      return page;
    },
    /**
     * Waits until the stored settings hold `want` (e.g. `{mode: 'qa'}`), read
     * in the extension page `page`: a test that closes the options page
     * right after a change must not cut its write short.
     */
    async settingsStored(page, want) {
      await page.waitForFunction(async (w) => {
        const { settings } = await chrome.storage.local.get('settings');
        return Object.entries(w).every(([k, v]) => settings?.[k] === v);
      }, want);
    },
    async close() {
      await context.close().catch(() => {});
      await server.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };

  const allowed = (url) => url.startsWith(`${server.origin}/`) || /^(data|blob|about|chrome|chrome-extension|devtools):/.test(url);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    b.outside.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    if (!allowed(req.url()) && !b.outside.includes(req.url())) b.outside.push(req.url());
  });

  if (extension) {
    try {
      const sw = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 10_000 });
      b.extensionId = new URL(sw.url()).host;
      await enableSite(b, 'http://127.0.0.1/*');
    } catch (err) {
      await b.close();
      throw err;
    }
  }
  return b;
}

/**
 * Enables the coach on `pattern`. Chrome's permission prompt cannot be
 * clicked headless, so access is granted first the way chrome://extensions
 * grants it ("site access: on specific sites"); the options page's own
 * switch then runs its real code path (permissions.request, which finds the
 * access granted, then settings), and the worker registers the coach.
 */
export async function enableSite(b, pattern) {
  const ext = await b.context.newPage();
  await ext.goto('chrome://extensions/');
  await ext.evaluate(([id, p]) => chrome.developerPrivate.addHostPermission(id, p), [b.extensionId, pattern]);
  await ext.close();
  const options = await b.options();
  const box = options.locator(`input[type=checkbox][data-pattern="${pattern}"]`);
  await box.check();
  await options.locator('#sites-status').filter({ hasText: 'The coach runs on' }).waitFor();
  const sw = await b.worker();
  for (let i = 0; i < 100; i++) {
    const scripts = await sw.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    if (scripts.some((s) => s.matches.includes(pattern))) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await options.close();
}

/** The panel's hooks, read from its open shadow root. */
export async function panelState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('handoff-coach-panel');
    if (!host) return null;
    const root = host.shadowRoot;
    const fields = Object.fromEntries([...root.querySelectorAll('[data-hc-field]')].map((el) => [el.dataset.hcField, el.textContent]));
    const checklist = Object.fromEntries([...root.querySelectorAll('[data-hc-check]')].map((el) => [el.dataset.hcCheck, el.dataset.hcOk ?? null]));
    const findings = [...root.querySelectorAll('[data-hc-rule]')].map((el) => ({
      rule: el.dataset.hcRule, severity: el.dataset.hcSeverity,
      start: el.dataset.hcStart === undefined ? null : Number(el.dataset.hcStart),
      end: el.dataset.hcEnd === undefined ? null : Number(el.dataset.hcEnd),
    }));
    return { mode: host.dataset.hcMode, score: host.dataset.hcScore ?? null, fields, checklist, findings, count: document.querySelectorAll('handoff-coach-panel').length };
  });
}

/** Waits until `predicate(panelState)` holds; returns that state. */
export async function waitForPanel(page, predicate, { timeout = 5000 } = {}) {
  const until = Date.now() + timeout;
  let state;
  for (;;) {
    state = await panelState(page);
    if (state && predicate(state)) return state;
    if (Date.now() > until) throw new Error(`panel never reached the expected state; last: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The text the engine would be sent for the reply box `selector`. */
export function replyText(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return 'value' in el ? el.value : el.innerText;
  }, selector);
}
