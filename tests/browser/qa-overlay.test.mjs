// QA mode on the demo helpdesk: the conversation read from the page and
// audited by the engine shows, over the page and never inside it, the same
// QA items, score, metrics and per-message findings that
// `handoff-coach audit` prints for the same conversation of the corpus:
// with the engine in the page, and through the real extension (a rule pack's
// site profile telling it where the thread is) on the strict-CSP route.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, launch } from './harness.mjs';

const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'conversations.jsonl');
const CLI = path.join(ROOT, 'target', 'release', 'handoff-coach');
const DEMO = JSON.parse(fs.readFileSync(path.join(ROOT, 'www', 'data', 'conversations.json'), 'utf8')).conversations;

/** What `handoff-coach audit` says about every corpus conversation, by id. */
function cliAudits() {
  const out = execFileSync(CLI, ['audit', CORPUS], { encoding: 'utf8' });
  return new Map(out.trim().split('\n').map((l) => JSON.parse(l)).map((a) => [a.id, a]));
}

/** The overlay's hooks once it shows an audit of a conversation with `messages` messages. */
async function overlayState(page) {
  await page.waitForFunction(() => {
    const host = document.querySelector('handoff-coach-qa');
    return host && !host.hidden && host.shadowRoot.querySelectorAll('[data-hc-qa]').length > 0;
  });
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('handoff-coach-qa');
    const host = hosts[0];
    const r = host.shadowRoot;
    return {
      hosts: hosts.length,
      parent: host.parentElement === document.documentElement,
      score: host.dataset.hcScore === undefined ? null : Number(host.dataset.hcScore),
      qa: Object.fromEntries([...r.querySelectorAll('[data-hc-qa]')].map((e) => [e.dataset.hcQa, e.dataset.hcOk === undefined ? null : e.dataset.hcOk === 'true'])),
      metrics: Object.fromEntries([...r.querySelectorAll('[data-hc-metric]')].map((e) => {
        const v = e.dataset.hcValue;
        return [e.dataset.hcMetric, v === undefined ? null : v === 'true' ? true : v === 'false' ? false : Number(v)];
      })),
      badges: Object.fromEntries([...r.querySelectorAll('[data-hc-message]')].map((e) => [e.dataset.hcMessage, e.dataset.hcRules.split(' ').filter(Boolean).sort()])),
    };
  });
}

/** The overlay must say exactly what the CLI says. */
function assertSame(state, cli, id) {
  assert.equal(state.hosts, 1, `${id}: one overlay`);
  assert.ok(state.parent, `${id}: the overlay is the coach's own element, not inside the helpdesk's`);
  assert.deepEqual(state.qa, cli.qa, `${id}: QA items`);
  assert.equal(state.score, cli.score, `${id}: QA score`);
  assert.deepEqual(state.metrics, cli.metrics, `${id}: metrics`);
  const badges = Object.fromEntries(cli.messages.map((m) => [String(m.index), [...new Set(m.findings.map((f) => f.rule))].sort()]));
  assert.deepEqual(state.badges, badges, `${id}: a badge per agent message, with its findings`);
}

const CONVERSATIONS = DEMO.filter((c) => c.messages.length).map((c) => c.id);

describe('the QA overlay with the engine in the page', () => {
  let b;
  let cli;
  before(async () => {
    cli = cliAudits();
    b = await launch({ extension: false });
  });
  after(async () => {
    assert.deepEqual(b.outside, [], 'no request left the page');
    assert.deepEqual(b.pageErrors.map(String), []);
    await b.close();
  });

  test('every corpus conversation of the demo: the same QA items, score, metrics and findings as `handoff-coach audit`', async () => {
    assert.equal(CONVERSATIONS.length, 15);
    const page = await b.open('/');
    for (const id of CONVERSATIONS) {
      await page.goto(`${b.origin}/?c=${id}&mode=qa`);
      await page.evaluate(() => window.helpdesk.ready);
      assertSame(await overlayState(page), cli.get(id), id);
    }
    // The helpdesk's own elements carry nothing of the coach's.
    const touched = await page.evaluate(() => [...document.querySelectorAll('.hd-thread *')]
      .filter((el) => [...el.attributes].some((a) => a.name.startsWith('data-hc-'))).length);
    assert.equal(touched, 0);
    await page.close();
  });

  test('a message sent from the page is audited at once; a card-only ticket has no overlay; other modes none', async () => {
    const page = await b.open('/?c=conv02&mode=qa');
    await page.evaluate(() => window.helpdesk.ready);
    const before = await overlayState(page);
    assert.equal(before.qa['qa.used-name'], false);
    const count = await page.locator('.hd-msg').count();
    await page.locator('[data-hd-reply]').fill('Thanks Marcus, is there anything else I can help with?');
    await page.locator('#hd-send').click();
    await page.waitForFunction((n) => {
      const r = document.querySelector('handoff-coach-qa').shadowRoot;
      return r.querySelector(`[data-hc-message="${n}"]`);
    }, count);
    const afterSend = await overlayState(page);
    assert.ok(afterSend.badges[String(count)], 'the new message has its badge');
    assert.equal(afterSend.qa['qa.used-name'], true, 'the new message uses the name');

    await page.evaluate(() => window.helpdesk.open('card-c05'));
    await page.waitForFunction(() => document.querySelector('handoff-coach-qa')?.hidden !== false);
    await page.locator('label:has(input[value="agent"])').click();
    await page.waitForFunction(() => !document.querySelector('handoff-coach-qa'));
    await page.close();
  });

  test('badges follow their messages and hide when scrolled out; findings open on click; CSV and JSON come from the engine', async () => {
    const page = await b.open('/?c=conv02&mode=qa');
    await page.evaluate(() => window.helpdesk.ready);
    await overlayState(page);
    const geometry = () => page.evaluate(() => {
      const r = document.querySelector('handoff-coach-qa').shadowRoot;
      return [...r.querySelectorAll('[data-hc-message]')].map((badge) => {
        const msg = document.querySelectorAll('.hd-thread .hd-msg')[Number(badge.dataset.hcMessage)].getBoundingClientRect();
        const b = badge.getBoundingClientRect();
        const thread = document.querySelector('.hd-thread').getBoundingClientRect();
        const inView = msg.bottom > thread.top && msg.top + 4 < thread.bottom;
        return { hidden: badge.hidden, inView, onIt: b.top >= msg.top && b.top < msg.bottom && b.right <= msg.right + 1 && b.left >= msg.left };
      });
    });
    const check = async () => {
      for (const g of await geometry()) {
        assert.equal(g.hidden, !g.inView);
        if (!g.hidden) assert.ok(g.onIt, 'the badge sits on its message');
      }
    };
    await check();
    await page.locator('.hd-thread').evaluate((t) => { t.scrollTop = t.scrollHeight; });
    await page.waitForTimeout(100);
    await check();
    await page.locator('.hd-thread').evaluate((t) => { t.scrollTop = 0; });
    await page.waitForTimeout(100);
    await check();

    // The first agent message asks for the order number: its badge opens its findings.
    const cli = cliAudits().get('conv02');
    const first = cli.messages[0];
    await page.locator('.hd-thread').evaluate((t, i) => document.querySelectorAll('.hd-thread .hd-msg')[i].scrollIntoView(), first.index);
    await page.waitForTimeout(100);
    const badge = page.locator(`handoff-coach-qa >> [data-hc-message="${first.index}"]`);
    await badge.click();
    const shown = await page.locator('handoff-coach-qa >> .pop:not([hidden]) [data-hc-rule]').evaluateAll((els) => els.map((e) => e.dataset.hcRule));
    assert.deepEqual(shown, first.findings.map((f) => f.rule));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('handoff-coach-qa >> [data-hc-action="download-csv"]').click(),
    ]);
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split('\n');
    const want = execFileSync(CLI, ['audit', '--format', 'csv', '-'], {
      input: fs.readFileSync(CORPUS, 'utf8').split('\n').find((l) => l.includes('"id": "conv02"')),
      encoding: 'utf8',
    }).trim().split('\n');
    assert.equal(csv[0], want[0], 'the CLI\'s header');
    assert.deepEqual(csv[1].split(',').slice(1), want[1].split(',').slice(1), 'the CLI\'s cells (the id is the page\'s address)');

    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.origin });
    await page.locator('handoff-coach-qa >> [data-hc-action="copy-json"]').click();
    await page.locator('handoff-coach-qa >> .status').filter({ hasText: 'Copied' }).waitFor();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.deepEqual(copied.qa, cli.qa);
    assert.deepEqual(copied.metrics, cli.metrics);
    await page.close();
  });
});

describe('the QA overlay through the extension', () => {
  let b;
  let cli;
  before(async () => {
    cli = cliAudits();
    b = await launch();
    // A team's pack tells the extension where things are on this helpdesk.
    const pack = [
      'name = "relay-desk"',
      '[[sites]]',
      'match = "http://127.0.0.1/*"',
      'card = ".hd-handoff .hd-card"',
      'reply = "[data-hd-reply]"',
      'send = "#hd-send"',
      'thread = ".hd-thread .hd-msg"',
      'agent = \'[data-role="agent"]\'',
      'ai = \'[data-role="ai"]\'',
      'customer = \'[data-role="customer"]\'',
      'time = "time[datetime]"',
      'text = ".hd-msg-text"',
    ].join('\n');
    const options = await b.options();
    await options.locator('#pack-file').setInputFiles({ name: 'relay.toml', mimeType: 'text/plain', buffer: Buffer.from(pack) });
    await options.locator('#pack-status').filter({ hasText: 'imported' }).waitFor();
    await options.locator('#mode').selectOption('qa');
    await b.settingsStored(options, { mode: 'qa' });
    await options.close();
  });
  after(async () => {
    assert.deepEqual(b.outside, [], 'no request left the browser');
    await b.close();
  });

  test('on the strict-CSP route (no engine in the page): the same numbers as `handoff-coach audit`', async () => {
    const page = await b.open('/strict/');
    for (const id of CONVERSATIONS) {
      await page.goto(`${b.origin}/strict/?c=${id}&mode=qa`);
      await page.evaluate(() => window.helpdesk.ready);
      assertSame(await overlayState(page), cli.get(id), id);
    }
    assert.equal(await page.locator('#hd-coach-status').textContent(), 'coach: running in the extension');
    await page.close();
  });
});
