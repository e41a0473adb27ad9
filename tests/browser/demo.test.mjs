// The demo helpdesk (www/index.html) as a helpdesk: every reply box kind
// mounts, takes what is typed and sends it; cards are shown as the bot sent
// them and never as markup; the site profile finds what it names; the page
// keeps working where its CSP forbids the in-page engine; nothing is fetched
// from anywhere but the page's own origin.
//
// What the coach says on this page is tested with the coach
// (tests/browser/*.test.mjs of the DOM layer); here the coach only has to
// start, stand down, and follow the page's switches.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, launch, waitForPanel } from './harness.mjs';

const EDITORS = ['textarea', 'contenteditable', 'prosemirror', 'quill', 'ckeditor'];
const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, 'www', 'data', 'conversations.json'), 'utf8')).conversations;
const conversation = (id) => DATA.find((c) => c.id === id);

/** Opens the demo with `query` and waits until the page has set up. */
async function openDemo(b, query, prefix = '/') {
  const page = await b.open(`${prefix}${query}`);
  await page.evaluate(() => window.helpdesk.ready);
  assert.equal(await page.evaluate(() => document.body.dataset.error ?? null), null);
  return page;
}

describe('the demo helpdesk, with the page coach', () => {
  let b;
  before(async () => {
    b = await launch({ extension: false });
  });
  after(async () => {
    assert.deepEqual(b.outside, [], 'requests left the page origin');
    assert.deepEqual(b.pageErrors.map(String), []);
    await b.close();
  });

  test('the data holds at least eight conversations in every card shape', () => {
    assert.ok(DATA.length >= 8);
    const shapes = new Set(DATA.map((c) => c.card.display));
    assert.deepEqual([...shapes].sort(), ['code', 'html', 'mono', 'text']);
    for (const tag of ['<dl>', '<table', '<ul>']) assert.ok(DATA.some((c) => c.card.text.includes(tag)), tag);
  });

  for (const editor of EDITORS) {
    test(`the ${editor} reply box takes typed text and Send posts it`, async () => {
      const page = await openDemo(b, `?editor=${editor}&c=conv02&agent=Robin`);
      const box = page.locator('[data-hd-reply]');
      assert.equal(await box.count(), 1);
      assert.equal(await page.locator('#hd-reply-host').getAttribute('data-editor'), editor);
      await box.click();
      await page.keyboard.type('Hi Marcus, Robin here.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('One moment.');
      assert.equal(await page.evaluate(() => window.helpdesk.reply.getText()), 'Hi Marcus, Robin here.\nOne moment.');
      await waitForPanel(page, (s) => s.count === 1 && s.mode === 'agent');
      const before = await page.locator('.hd-msg').count();
      await page.locator('#hd-send').click();
      const sent = page.locator('.hd-msg').last();
      assert.equal(await page.locator('.hd-msg').count(), before + 1);
      assert.equal(await sent.getAttribute('data-role'), 'agent');
      assert.equal(await sent.locator('.hd-msg-text').textContent(), 'Hi Marcus, Robin here.\nOne moment.');
      assert.ok(!Number.isNaN(Date.parse(await sent.locator('time').getAttribute('datetime'))));
      assert.equal(await page.evaluate(() => window.helpdesk.reply.getText()), '');
      await page.close();
    });
  }

  test('cards are shown in their shapes, HTML rebuilt from a safe subset', async () => {
    const page = await openDemo(b, '?c=conv01');
    const card = page.locator('.hd-handoff .hd-card');
    assert.equal(await card.count(), 1);
    assert.equal(await card.locator('pre').textContent(), conversation('conv01').card.text);

    await page.evaluate(() => window.helpdesk.open('conv07'));
    assert.equal(await card.locator('pre > code').textContent(), conversation('conv07').card.text);

    for (const [id, tags] of [['card-c05', ['dl', 'dt', 'dd']], ['card-c06', ['table', 'tr', 'th', 'td']], ['conv08', ['ul', 'li', 'b']]]) {
      await page.evaluate((cid) => window.helpdesk.open(cid), id);
      for (const tag of tags) assert.ok((await card.locator(tag).count()) > 0, `${id} has <${tag}>`);
      const attributes = await card.evaluate((el) => [...el.querySelectorAll('*')].flatMap((n) => n.getAttributeNames()));
      assert.deepEqual(attributes, [], `${id}: no attribute of the card's own markup survives`);
    }
    // Entities decoded, as the customer would read them.
    await page.evaluate(() => window.helpdesk.open('card-c05'));
    assert.match(await card.textContent(), /Aoife O'Connor/);
    await page.close();
  });

  test('hostile card markup stays inert text', async () => {
    const page = await openDemo(b, '?c=conv01');
    const out = await page.evaluate(async () => {
      const { renderCard } = await import('/app/card.js');
      window.hit = false;
      const el = renderCard({
        display: 'html',
        text: '<div onclick="window.hit=true"><img src=x onerror="window.hit=true"><script>window.hit=true</script>'
          + '<b style="color:red">Name:</b> <a href="javascript:window.hit=true">Eve</a><iframe src="/"></iframe>'
          + '<table><tr><td colspan="2" onmouseover="x">wide</td></tr></table></div>',
      });
      document.body.append(el);
      el.querySelector('td')?.dispatchEvent(new MouseEvent('mouseover'));
      await new Promise((r) => setTimeout(r, 50));
      const html = el.innerHTML;
      el.remove();
      return { hit: window.hit, html, text: el.textContent };
    });
    assert.equal(out.hit, false);
    assert.equal(out.html, '<div><b>Name:</b> Eve<table><tbody><tr><td colspan="2">wide</td></tr></tbody></table></div>');
    assert.equal(out.text, 'Name: Evewide');
    await page.close();
  });

  test('the site profile finds the card, the reply box and the thread with roles and times', async () => {
    for (const [mode, count] of [['agent', (c) => c.firstAgent], ['qa', (c) => c.messages.length]]) {
      const page = await openDemo(b, `?c=conv05&mode=${mode}`);
      const found = await page.evaluate(() => {
        const { card, reply, thread, agent, ai, time, text } = window.helpdesk.site;
        return {
          cards: document.querySelectorAll(card).length,
          replies: document.querySelectorAll(reply).length,
          messages: [...document.querySelectorAll(thread)].map((m) => ({
            role: m.matches(agent) ? 'agent' : m.matches(ai) ? 'ai' : 'customer',
            at: m.querySelector(time)?.dateTime,
            text: m.querySelector(text)?.textContent,
          })),
        };
      });
      const conv = conversation('conv05');
      assert.equal(found.cards, 1);
      assert.equal(found.replies, 1);
      assert.equal(found.messages.length, count(conv), mode);
      found.messages.forEach((m, i) => {
        assert.equal(m.role, conv.messages[i].role);
        assert.equal(Date.parse(m.at), Date.parse(conv.messages[i].at));
        assert.equal(m.text, conv.messages[i].text);
      });
      await page.close();
    }
  });

  test('mode and agent name switch live and stay in the URL', async () => {
    const page = await openDemo(b, '?editor=quill&c=conv01&mode=agent&agent=Alex');
    await page.locator('[data-hd-reply]').click();
    await page.keyboard.type('Hi Sarah');
    await waitForPanel(page, (s) => s.mode === 'agent');
    await page.locator('label:has(input[value="trainer"])').click();
    await waitForPanel(page, (s) => s.mode === 'trainer');
    await page.locator('#hd-agent').fill('Priya');
    await page.locator('#hd-agent').press('Enter');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('mode'), 'trainer');
    assert.equal(url.searchParams.get('agent'), 'Priya');
    assert.equal(await page.evaluate(() => window.helpdesk.reply.getText()), 'Hi Sarah');
    await page.locator('label:has(input[value="qa"])').click();
    assert.equal(await page.locator('.hd-thread .hd-msg').count(), conversation('conv01').messages.length);
    await page.close();
  });

  test('the strict-CSP route keeps working and says the coach waits for the extension', async () => {
    const page = await b.open('/strict/?editor=ckeditor&c=card-c06');
    const violations = [];
    page.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
    await page.reload();
    await page.evaluate(() => window.helpdesk.ready);
    await page.locator('#hd-coach-status').filter({ hasText: 'waiting for the extension' }).waitFor();
    assert.equal(await page.locator('handoff-coach-panel').count(), 0);
    await page.locator('[data-hd-reply]').click();
    await page.keyboard.type('Hello Daniel');
    assert.equal(await page.evaluate(() => window.helpdesk.reply.getText()), 'Hello Daniel');
    assert.equal(await page.locator('.hd-card table').count(), 1);
    assert.deepEqual(violations.filter((v) => !/wasm|WebAssembly/i.test(v)), []);
    await page.close();
  });
});

describe('the demo helpdesk, with the extension', () => {
  let b;
  before(async () => {
    b = await launch();
  });
  after(async () => {
    assert.deepEqual(b.outside, []);
    await b.close();
  });

  test('the page coach stands down and the page says the extension coaches', async () => {
    for (const prefix of ['/', '/strict/']) {
      const page = await openDemo(b, '?c=conv01&editor=prosemirror', prefix);
      await page.locator('#hd-coach-status').filter({ hasText: 'running in the extension' }).waitFor();
      await waitForPanel(page, (s) => s.count === 1);
      await page.close();
    }
  });

  test("without the page's site profile, the extension reads the card and not the page around it", async () => {
    // The extension finds the card by its own heuristics here (no pack names
    // this site), so the page's chrome around the card must not read as one.
    const page = await openDemo(b, '?c=card-c05&editor=textarea', '/strict/');
    const s = await waitForPanel(page, (st) => st.fields.customer_name === "Aoife O'Connor");
    assert.equal(s.fields.order_numbers, 'W-20417');
    assert.equal(s.fields.sentiment, 'upset');
    for (const [name, value] of Object.entries(s.fields)) {
      assert.doesNotMatch(value, /transcript|handed this conversation|escalation summary/i, name);
    }
    await page.close();
  });
});
