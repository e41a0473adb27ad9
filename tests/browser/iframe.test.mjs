// An editor in a frame (TinyMCE, CKEditor 4's classic editor, Froala's
// iframe mode): the demo helpdesk's "iframe" reply box is a same-origin
// <iframe> whose body is the editable. With the real extension on the
// strict-CSP route, and with the page's own coach: the card is read from the
// page while the reply is typed in the frame, the underline is painted in
// the frame on the right words, the panel and the hover card sit beside the
// frame in the page, Accept goes through the frame's own undo stack, and the
// text is exactly what was typed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, panelState, waitForPanel } from './harness.mjs';

const OPENER = 'Hi! How can I help you today?';

let withExtension;
let pageOnly;
before(async () => {
  withExtension = await launch(); // the test origin granted, as a user grants it
  pageOnly = await launch({ extension: false });
});
after(async () => {
  await withExtension?.close();
  await pageOnly?.close();
});

const frameBody = (page) => page.frameLocator('iframe.hd-iframe-editor').locator('body');

/** The reply as the frame's editable holds it, read without the coach. */
function replyText(page) {
  return page.evaluate(() => window.helpdesk.reply.getText());
}

/** What each highlight of the coach covers in the frame's document. */
function highlighted(page) {
  return page.evaluate(() => {
    const registry = document.querySelector('iframe.hd-iframe-editor').contentWindow.CSS.highlights;
    return Object.fromEntries([...registry.keys()].map((name) => [name, [...registry.get(name)].map((r) => r.toString())]));
  });
}

/**
 * The frame's highlights once `name` holds something: the panel and the
 * frame's highlights are drawn by separate steps, so on a loaded machine the
 * panel can show a finding a moment before the frame paints it.
 */
async function highlightedOnce(page, name, timeout = 3000) {
  const until = Date.now() + timeout;
  for (;;) {
    const now = await highlighted(page);
    if (now[name]?.length || Date.now() > until) return now;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function open(b, path) {
  const page = await b.open(path);
  await frameBody(page).waitFor();
  await waitForPanel(page, (s) => s.fields.first_name === 'Sarah', { timeout: 10_000 });
  return page;
}

for (const [name, path, browser] of [
  ['the extension, strict CSP', '/strict/?editor=iframe&c=conv01', () => withExtension],
  ['the page coach', '/?editor=iframe&c=conv01', () => pageOnly],
]) {
  test(`${name}: a reply typed in a frame is read, underlined in the frame, and the panel sits beside it`, async () => {
    const page = await open(browser(), path);
    const body = frameBody(page);
    await body.click();
    await body.pressSequentially(OPENER);
    const state = await waitForPanel(page, (s) => s.findings.some((f) => f.rule === 'never-ask.generic-opener'));
    const opener = state.findings.find((f) => f.rule === 'never-ask.generic-opener');
    assert.deepEqual([opener.start, opener.end], [4, 18], 'UTF-16 offsets of "How can I help"');
    assert.deepEqual((await highlightedOnce(page, 'handoff-coach-error'))['handoff-coach-error'], ['How can I help'], 'painted in the frame, on those words');
    assert.equal(await replyText(page), OPENER, 'the reply is exactly what was typed');

    const boxes = await page.evaluate(() => {
      const frame = document.querySelector('iframe.hd-iframe-editor').getBoundingClientRect();
      const panel = document.querySelector('handoff-coach-panel').shadowRoot.querySelector('.panel').getBoundingClientRect();
      return { frame: { left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom }, panel: { left: panel.left, right: panel.right, top: panel.top, bottom: panel.bottom } };
    });
    const beside = boxes.panel.left >= boxes.frame.right - 1 || boxes.panel.right <= boxes.frame.left + 1;
    const level = boxes.panel.top < boxes.frame.bottom && boxes.panel.bottom > boxes.frame.top;
    assert.ok(beside && level, `the panel is beside the frame: ${JSON.stringify(boxes)}`);

    // Ticks as the right words are typed in the frame.
    await body.press('Control+End');
    await body.pressSequentially(' Sarah, I am Alex.');
    await waitForPanel(page, (s) => s.checklist['always.use-name'] === 'true' && s.checklist['always.introduce-self'] === 'true');
    await page.close();
  });
}

test('the extension, strict CSP: the hover card opens at the words in the frame, and Accept is undone by Ctrl+Z', async () => {
  const page = await open(withExtension, '/strict/?editor=iframe&c=conv01');
  const body = frameBody(page);
  await body.click();
  await body.pressSequentially(OPENER);
  await waitForPanel(page, (s) => s.findings.some((f) => f.rule === 'never-ask.generic-opener'));
  // The words' place in the page: the frame's offset plus their rect in the frame.
  const words = await page.evaluate(() => {
    const frame = document.querySelector('iframe.hd-iframe-editor');
    const [range] = frame.contentWindow.CSS.highlights.get('handoff-coach-error');
    const r = range.getBoundingClientRect();
    const f = frame.getBoundingClientRect();
    return { x: f.left + frame.clientLeft + r.left + r.width / 2, y: f.top + frame.clientTop + r.top + r.height / 2, bottom: f.top + frame.clientTop + r.bottom, left: f.left + frame.clientLeft + r.left };
  });
  await page.mouse.move(words.x, words.y);
  const card = page.locator('handoff-coach-overlay .card');
  await card.waitFor();
  const at = await card.boundingBox();
  assert.ok(Math.abs(at.y - words.bottom) < 40 && Math.abs(at.x - words.left) < 40,
    `the card opens at the words (card ${JSON.stringify(at)}, words ${JSON.stringify(words)})`);
  const suggestion = await card.locator('.suggestion').textContent();
  await card.getByRole('button', { name: 'Accept' }).click();
  await page.waitForFunction((s) => window.helpdesk.reply.getText().includes(s), suggestion);
  const accepted = await replyText(page);
  assert.equal(accepted, `Hi! ${suggestion} you today?`, 'the words were replaced by the suggestion');
  await body.click();
  await body.press('Control+z');
  await page.waitForFunction((t) => window.helpdesk.reply.getText() === t, OPENER);
  const state = await panelState(page);
  assert.ok(state.findings.some((f) => f.rule === 'never-ask.generic-opener'), 'after Ctrl+Z the opener is back and flagged again');
  await page.close();
});
