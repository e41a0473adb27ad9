// The benchmark page measures what it says: with the page's coach, a key's
// latency ends when the coach has drawn that key; with no coach (the floor
// row of scripts/bench-browser.mjs), no coach runs at all and a key's
// latency ends once the reply box has taken it, for a textarea (an `input`
// event) and for CKEditor 5 (which fires none: its own DOM mutations), or,
// for the `idle` row, once the editor has finished handling it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let b;
before(async () => {
  b = await launch({ extension: false });
});
after(async () => {
  assert.deepEqual(b.outside, []);
  assert.deepEqual(b.pageErrors.map(String), []);
  await b.close();
});

/** Opens the bench page, pastes its reply, types `keys` keys; resolves to the latencies and the page. */
async function typeKeys(query, keys) {
  const page = await b.open(`/bench/?${query}`);
  await page.evaluate(() => window.benchReady);
  assert.equal(await page.evaluate(() => window.bench.prefill()), true, 'the pasted reply was taken');
  const typed = await page.evaluate(() => window.bench.data.typed.slice(0, 8));
  const latencies = [];
  for (const ch of typed.slice(0, keys)) {
    await page.evaluate(() => window.bench.arm());
    await page.keyboard.type(ch);
    latencies.push(await page.evaluate(() => window.bench.result()));
  }
  return { page, latencies, typed: typed.slice(0, keys) };
}

const plausible = (ms) => Number.isFinite(ms) && ms > 0 && ms < 2000;

test('with the page coach, each key is timed to the coach drawing it', async () => {
  const { page, latencies, typed } = await typeKeys('editor=textarea&transport=page', 4);
  assert.ok(latencies.every(plausible), `latencies: ${latencies}`);
  assert.equal(await page.locator('handoff-coach-panel').count(), 1, 'the coach ran');
  const text = await page.evaluate(() => window.bench.reply.getText());
  assert.ok(text.endsWith(typed), 'the keys reached the reply');
  await page.close();
});

for (const [editor, transport] of [['textarea', 'none'], ['ckeditor', 'none'], ['ckeditor', 'idle']]) {
  const until = transport === 'none' ? 'the box taking it' : 'the editor done with it';
  test(`with no coach, a ${editor} key is timed to ${until}, and no coach runs`, async () => {
    const { page, latencies, typed } = await typeKeys(`editor=${editor}&transport=${transport}`, 4);
    assert.ok(latencies.every(plausible), `latencies: ${latencies}`);
    assert.equal(await page.locator('handoff-coach-panel').count(), 0, 'no coach on the floor row');
    const text = await page.evaluate(() => window.bench.reply.getText());
    assert.ok(text.endsWith(typed), `the keys reached the reply: …${JSON.stringify(text.slice(-20))}`);
    // Armed with no key sent: nothing to time (no stale draw is taken).
    await page.evaluate(() => window.bench.arm());
    assert.equal(await page.evaluate(() => window.bench.result()), null);
    await page.close();
  });
}
