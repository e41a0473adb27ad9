// The shared DOM layer on its own (www/coach/), driven by a scripted engine
// (fixtures/fake-engine.js) so that every offset, box and range is known in
// advance and the layer is tested whatever the rules say. No extension here:
// the fixture page starts the coach itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, panelState, waitForPanel } from './harness.mjs';

let b;
before(async () => {
  b = await launch({ extension: false });
});
after(async () => {
  assert.deepEqual(b.pageErrors.map(String), [], 'no page errors');
  assert.deepEqual(b.outside, [], 'no request left the test server');
  await b.close();
});

async function openDesk(query) {
  const page = await b.open(`/fixtures/desk.html?coach=fake&${query}`);
  await page.waitForFunction(() => document.querySelector('handoff-coach-panel'));
  return page;
}

/** Waits until the fake engine has checked exactly the reply box's current text. */
async function settled(page) {
  await page.waitForFunction(() => {
    const el = document.getElementById('reply');
    const text = 'value' in el ? el.value : null;
    const last = window.fake.calls.texts.at(-1);
    const host = document.querySelector('handoff-coach-panel');
    const busy = host.shadowRoot.querySelector('.panel').getAttribute('aria-busy') === 'true';
    return !busy && (text === null || last === text);
  });
  // The frame after the answer has drawn it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Every visible underline box of a textarea, with the offset the browser
 * itself finds under the box's centre (caretPositionFromPoint understands
 * wrapping, scrolling and transforms, so it is an independent judge).
 */
function boxesWithCaret(page) {
  return page.evaluate(() => {
    const root = document.querySelector('handoff-coach-overlay').shadowRoot;
    const clip = root.querySelector('.clip').getBoundingClientRect();
    return [...root.querySelectorAll('.box')].map((box) => {
      const r = box.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const inside = x > clip.left && x < clip.right && y > clip.top && y < clip.bottom;
      const pos = inside ? document.caretPositionFromPoint(x, y) : null;
      return { inside, node: pos?.offsetNode?.id ?? null, offset: pos?.offset ?? null, width: r.width, cls: box.className };
    }).filter((b) => b.inside);
  });
}

/** Asserts that every visible box lies over one of the current findings' words. */
async function assertAligned(page, label) {
  const state = await panelState(page);
  const spans = state.findings.filter((f) => f.start !== null);
  const boxes = await boxesWithCaret(page);
  assert.ok(boxes.length > 0, `${label}: some underline is visible`);
  for (const box of boxes) {
    assert.equal(box.node, 'reply', `${label}: the box is over the reply box`);
    assert.ok(spans.some((s) => box.offset >= s.start && box.offset <= s.end),
      `${label}: box over offset ${box.offset} is inside a finding (${JSON.stringify(spans)})`);
  }
  return boxes;
}

const LONG = `Hi 😊 Sarah, how can I help? Sorry!\n${'A line of filler text that wraps and scrolls.\n'.repeat(8)}What is your order number?`;

for (const wrap of ['', 'transformed', 'fixed']) {
  test(`textarea${wrap ? ` in a ${wrap} container` : ''}: underlines stay on the words while typing, scrolling and resizing`, async () => {
    const page = await openDesk(`box=textarea${wrap ? `&wrap=${wrap}` : ''}`);
    const reply = page.locator('#reply');
    await reply.fill(LONG.slice(0, -10));
    await reply.press('End');
    await reply.pressSequentially(LONG.slice(-10));
    await settled(page);
    assert.equal(await reply.inputValue(), LONG, 'the text is exactly what was typed');
    await assertAligned(page, 'after typing (scrolled to the end)');

    await reply.evaluate((el) => { el.scrollTop = 0; });
    await settled(page);
    const top = await assertAligned(page, 'scrolled to the top');
    assert.ok(top.some((box) => box.cls.includes('error')), 'the opener near the top is underlined');

    await reply.evaluate((el) => { el.style.width = '300px'; el.style.height = '200px'; });
    await settled(page);
    await assertAligned(page, 'resized (the text wraps differently)');
    await page.setViewportSize({ width: 1000, height: 700 });
    await settled(page);
    await assertAligned(page, 'window resized');
    assert.equal(await reply.inputValue(), LONG, 'scrolling and resizing changed nothing in the text');
    await page.close();
  });
}

test('textarea: an edit before the underlines moves them with their words', async () => {
  // The mirror that measures a textarea's underlines takes each edit in
  // place (only the changed characters); text typed above the findings, or
  // deleted there, must leave every underline on its words.
  const page = await openDesk('box=textarea');
  const reply = page.locator('#reply');
  await reply.fill(LONG);
  await settled(page);
  await assertAligned(page, 'before the edit');
  await reply.press('Control+Home');
  await reply.pressSequentially('Thanks for waiting! ');
  await settled(page);
  await assertAligned(page, 'after typing at the top');
  for (let i = 0; i < 8; i++) await reply.press('Delete');
  await reply.press('Control+End');
  await reply.press('Backspace');
  await reply.pressSequentially('?');
  await settled(page);
  await assertAligned(page, 'after deleting at the top and editing the end');
  // What the underlines are measured on is the reply, character for character.
  const mirrored = await page.evaluate(() =>
    document.querySelector('handoff-coach-overlay').shadowRoot.querySelector('.mirror').textContent);
  assert.equal(mirrored, await reply.inputValue(), 'the measuring mirror holds the reply exactly');
  // Delete removes a character at a time, the emoji as one.
  assert.equal(await reply.inputValue(), `Thanks for waiting! ${[...LONG].slice(8).join('')}`, 'the text is exactly what was typed');
  await page.close();
});

test('textarea: lines typed, joined and pasted above the underlines; a first-line indent', async () => {
  // The mirror keeps the text a block per line and changes only the lines an
  // edit touched: new lines, lines joined by a deletion and pasted lines
  // must leave every underline on its words, and so must text-indent, which
  // only the first line of a textarea has.
  const page = await openDesk('box=textarea');
  const reply = page.locator('#reply');
  await reply.fill(LONG);
  await settled(page);
  await assertAligned(page, 'before the edits');
  const mirrored = () => page.evaluate(() =>
    document.querySelector('handoff-coach-overlay').shadowRoot.querySelector('.mirror').textContent);
  await reply.press('Control+Home');
  await reply.pressSequentially('Thanks for waiting.');
  await reply.press('Enter');
  await reply.press('Enter');
  await settled(page);
  await assertAligned(page, 'after two new lines at the top');
  await reply.press('Backspace');
  await reply.press('Backspace');
  await reply.press('Backspace');
  await settled(page);
  await assertAligned(page, 'after joining the first lines');
  await reply.press('ArrowDown');
  await page.keyboard.insertText('Pasted one.\nPasted two, a longer line that wraps in the box more than once, and more.\n');
  await settled(page);
  await assertAligned(page, 'after pasting lines in the middle');
  assert.equal(await mirrored(), await reply.inputValue(), 'the measuring mirror holds the reply exactly');
  await reply.evaluate((el) => { el.style.textIndent = '12em'; });
  await settled(page);
  await assertAligned(page, 'with a first-line indent');
  await reply.press('Control+End');
  await reply.press('Enter');
  await reply.pressSequentially('What is your email?');
  await settled(page);
  await assertAligned(page, 'typing a new last line, indented');
  // Up to the last underline, character for character (after it the mirror
  // may wait for the next answer: nothing there is measured).
  const last = Math.max(...(await panelState(page)).findings.filter((f) => f.end !== null).map((f) => f.end));
  assert.equal((await mirrored()).slice(0, last), (await reply.inputValue()).slice(0, last), 'the mirror holds the reply exactly, indent and all');
  await page.close();
});

test('input: one-line reply boxes are underlined too', async () => {
  const page = await openDesk('box=input');
  await page.locator('#reply').pressSequentially('Hi Sarah 😊 how can I help?');
  await settled(page);
  const boxes = await assertAligned(page, 'input');
  assert.equal(boxes.length, 1);
  await page.close();
});

// Each structure as the editors build it, the text the engine must be sent,
// and the words the highlight must cover.
const STRUCTURES = [
  ['Chromium divs, an empty line, emoji', '<div>Hi 😊 Sarah,</div><div><br></div><div>how can I help?</div>',
    'Hi 😊 Sarah,\n\nhow can I help?', ['how can I help']],
  ['text with <br>s and inline markup', 'Hi<br>How can I <b>help</b> you? Sorry<br><br>',
    'Hi\nHow can I help you? Sorry\n', ['How can I help', 'Sorry']],
  ['ProseMirror paragraphs and trailing break', '<p>Frühstück? How can I help</p><p><br class="ProseMirror-trailingBreak"></p>',
    'Frühstück? How can I help\n', ['Frühstück', 'How can I help']],
  ['CKEditor 5 inline filler and filler <br>', '<p>sorry\u2060\u2060\u2060\u2060\u2060\u2060\u2060 again</p><p><br data-cke-filler="true"></p>',
    'sorry again\n', ['sorry']],
  ['Quill list with its UI span', '<p>your order number</p><ol><li data-list="bullet"><span class="ql-ui" contenteditable="false"></span>how can i help</li></ol>',
    'your order number\nhow can i help', ['order number', 'how can i help']],
  ['no-break spaces and a surrogate pair inside a span', '<p>😊😊&nbsp;&nbsp;how can\u00a0I help</p>',
    '😊😊  how can I help', ['how can\u00a0I help']],
];

for (const [name, html, text, covered] of STRUCTURES) {
  test(`contenteditable text model: ${name}`, async () => {
    const page = await openDesk('box=contenteditable');
    const original = await page.evaluate((h) => {
      const el = document.getElementById('reply');
      el.innerHTML = h;
      return el.innerHTML;
    }, html);
    await page.waitForFunction((t) => window.fake.calls.texts.at(-1) === t, text);
    await settled(page);
    const got = await page.evaluate(() => ({
      html: document.getElementById('reply').innerHTML,
      ranges: ['error', 'warning', 'hint'].flatMap((s) => [...CSS.highlights.get(`handoff-coach-${s}`)].map((r) => r.toString())),
    }));
    assert.deepEqual(got.ranges.sort(), [...covered].sort(), 'the highlights cover exactly the flagged words');
    assert.equal(got.html, original, 'the editor\u2019s DOM is untouched');
    await page.close();
  });
}

test('a keystroke is checked at once; a burst of edits in one frame costs one more check', async () => {
  const page = await openDesk('box=textarea');
  await page.locator('#reply').focus();
  await settled(page);
  const before = await page.evaluate(() => window.fake.calls.check);
  const atOnce = await page.evaluate(() => {
    const n = window.fake.calls.check;
    document.execCommand('insertText', false, 'a');
    return window.fake.calls.check - n; // before any frame has run
  });
  assert.equal(atOnce, 1, 'the first edit of a frame is sent without waiting for the frame');
  await settled(page);
  const mid = await page.evaluate(() => window.fake.calls.check);
  await page.evaluate(() => {
    for (let i = 0; i < 40; i++) document.execCommand('insertText', false, 'b');
  });
  await settled(page);
  const calls = await page.evaluate(() => window.fake.calls);
  assert.ok(calls.check - mid <= 2, `forty edits in one task are at most two checks (${calls.check - mid})`);
  assert.equal(calls.texts.at(-1), `a${'b'.repeat(40)}`, 'the last check saw the last text');
  assert.ok(calls.check - before <= 3);
  await page.close();
});

test('an idle page costs no frames; any activity wakes the coach', async () => {
  const page = await openDesk('box=textarea');
  await page.locator('#reply').pressSequentially('sorry');
  await settled(page);
  await page.waitForTimeout(1300);
  const idle = await page.evaluate(async () => {
    const before = window.frames;
    await new Promise((r) => setTimeout(r, 500));
    return window.frames - before;
  });
  assert.equal(idle, 0, 'no frame is asked for while nothing happens');
  await page.locator('#reply').evaluate((el) => { el.style.width = '400px'; });
  await page.waitForFunction(() => window.frames > 0);
  const woke = await page.evaluate(async () => {
    const before = window.frames;
    await new Promise((r) => setTimeout(r, 200));
    return window.frames - before;
  });
  assert.ok(woke > 3, `a resize wakes the frame loop (${woke} frames)`);
  await assertAligned(page, 'after waking');
  await page.close();
});

test('an edit hides the span it touches until the next check and moves the spans after it', async () => {
  const page = await openDesk('box=textarea');
  const reply = page.locator('#reply');
  await reply.pressSequentially('sorry, how can I help');
  await settled(page);
  assert.equal((await boxesWithCaret(page)).length, 2);
  await page.evaluate(() => { window.fake.delay = 800; });
  await reply.evaluate((el) => el.setSelectionRange(3, 3));
  await page.keyboard.type('r');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const during = await boxesWithCaret(page);
  assert.equal(during.length, 1, 'the touched span is hidden while the check is pending');
  assert.ok(during[0].offset >= 8 && during[0].offset <= 22, `the later span moved with the edit (caret ${during[0].offset})`);
  await page.evaluate(() => { window.fake.delay = 0; });
  await settled(page);
  assert.equal((await panelState(page)).findings.filter((f) => f.start !== null).length, 1, '"sorrry" is no longer flagged');
  await page.close();
});

for (const align of ['left', 'center']) {
  test(`textarea, ${align}-aligned: typing after every underline keeps them on their words while the check is pending`, async () => {
    // Left-aligned, text after the last underline cannot move it, so the
    // measuring mirror is not laid out again until the answer; centred, the
    // line's words move as it fills, and the underlines are measured again.
    const page = await openDesk('box=textarea');
    const reply = page.locator('#reply');
    await reply.evaluate((el, a) => { el.style.textAlign = a; }, align);
    await reply.pressSequentially('sorry, how can I help ');
    await settled(page);
    assert.equal((await boxesWithCaret(page)).length, 2);
    await page.evaluate(() => { window.fake.delay = 800; });
    await reply.press('End');
    await page.keyboard.type('you today');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.locator('handoff-coach-panel').evaluate((h) => h.shadowRoot.querySelector('.panel').getAttribute('aria-busy')), 'true', 'the check is still pending');
    const during = await boxesWithCaret(page);
    assert.equal(during.length, 2, 'both underlines are still drawn');
    const spans = [[0, 5], [7, 21]];
    during.forEach((box, i) => assert.ok(box.offset >= spans[i][0] && box.offset <= spans[i][1], `box ${i} over its words (caret ${box.offset})`));
    const mirrored = () => page.evaluate(() =>
      document.querySelector('handoff-coach-overlay').shadowRoot.querySelector('.mirror').textContent);
    if (align === 'left') assert.equal(await mirrored(), 'sorry, how can I help ', 'the mirror waited');
    else assert.equal(await mirrored(), 'sorry, how can I help you today', 'centred: measured again');
    await page.evaluate(() => { window.fake.delay = 0; });
    await settled(page);
    await assertAligned(page, 'after the answer');
    await page.close();
  });
}

test('typing before the findings moves their offsets in the panel in place; a click and Accept act on where the words are now', async () => {
  const page = await openDesk('box=textarea');
  const reply = page.locator('#reply');
  await reply.pressSequentially('Sorry, how can I help?');
  await settled(page);
  const opener = page.locator('handoff-coach-panel [data-hc-rule="never-ask.generic-opener"]');
  assert.equal(await opener.getAttribute('data-hc-start'), '7');
  await opener.evaluate((li) => { li.dataset.test = 'kept'; });
  await reply.evaluate((el) => el.setSelectionRange(0, 0));
  await page.keyboard.type('Hi! ');
  await settled(page);
  const f = (await panelState(page)).findings.find((x) => x.rule === 'never-ask.generic-opener');
  assert.deepEqual([f.start, f.end], [11, 25], 'the offsets moved with the words');
  assert.equal(await opener.getAttribute('data-test'), 'kept', 'the item was updated in place, not built again');
  await opener.click();
  assert.equal(await reply.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd)), 'how can I help',
    'a click selects the words where they are now');
  await opener.locator('[data-hc-action="accept"]').click();
  await page.waitForFunction(() => document.getElementById('reply').value.includes('charged'));
  assert.equal(await reply.inputValue(), 'Hi! Sorry, I can see you were charged twice?', 'Accept replaced the words where they are now');
  await page.close();
});

for (const remote of [true, false]) {
  test(`a rich editor's keystroke, engine ${remote ? 'on another thread: checked before' : 'in the page: checked after'} the editor's own handling of the key`, async () => {
    const page = await openDesk(`box=contenteditable&editorwork=15${remote ? '&remote=1' : ''}`);
    await page.locator('#reply').click();
    // A key each 50 ms: each meets the coach with no check of its own in flight.
    await page.keyboard.type('Hello', { delay: 50 });
    await settled(page);
    const events = await page.evaluate(() => window.deskEvents);
    const check = events.indexOf('check Hello');
    const editor = events.indexOf('editor Hello');
    assert.ok(check >= 0 && editor >= 0, `the last key was checked and seen by the editor: ${JSON.stringify(events)}`);
    if (remote) assert.ok(check < editor, `the check went before the editor's observer ran: ${JSON.stringify(events)}`);
    else assert.ok(check > editor, `the check ran after the editor's observer: ${JSON.stringify(events)}`);
    await page.close();
  });
}

// With the engine on another thread the check of a typed character leaves at
// its beforeinput, a guess of the text it will make (fields/expected.js);
// the answer counts only if the reply then holds exactly that text.
for (const box of ['textarea', 'contenteditable']) {
  test(`${box}, engine on another thread: a typed character's check leaves before the browser edits the reply`, async () => {
    const page = await openDesk(`box=${box}&remote=1`);
    await page.evaluate(() => {
      window.deskEvents = [];
      const el = document.getElementById('reply');
      const text = () => ('value' in el ? el.value : el.textContent);
      // Capturing on the window: logged before any listener on the box.
      window.addEventListener('input', () => window.deskEvents.push(`input ${text()}`), true);
    });
    await page.locator('#reply').click();
    // A key each 50 ms, as fast typing (each meets the coach in a new frame).
    await page.keyboard.type('Hello', { delay: 50 });
    await settled(page);
    const events = await page.evaluate(() => window.deskEvents);
    const check = events.indexOf('check Hello');
    const input = events.indexOf('input Hello');
    assert.ok(check >= 0 && input >= 0, `the last key was checked: ${JSON.stringify(events)}`);
    assert.ok(check < input, `its check left before its input event: ${JSON.stringify(events)}`);
    assert.equal(events.filter((e) => e === 'check Hello').length, 1, 'one check for the key, not a second at its input');
    await page.close();
  });

  test(`${box}, engine on another thread: a guess the page makes wrong costs a check, never a wrong answer`, async () => {
    const page = await openDesk(`box=${box}&remote=1`);
    // The page's own editor turns every "!" into nothing: the guess "Hi!"
    // is wrong, and what is drawn must be the check of "Hi".
    await page.evaluate(() => {
      document.getElementById('reply').addEventListener('beforeinput', (e) => e.data === '!' && e.preventDefault());
    });
    await page.locator('#reply').click();
    await page.keyboard.type('Hi!', { delay: 50 });
    await settled(page);
    const { texts, text } = await page.evaluate(() => {
      const el = document.getElementById('reply');
      return { texts: window.fake.calls.texts, text: 'value' in el ? el.value : el.textContent };
    });
    assert.equal(text, 'Hi');
    assert.ok(texts.includes('Hi!'), `the guess was sent: ${JSON.stringify(texts)}`);
    assert.equal(texts.at(-1), 'Hi', 'and then the reply as it is');
    await page.close();
  });
}

// `model` is an editor that owns its DOM and takes edits only as beforeinput
// events (fixtures/model-editor.js), like editors the coach has never seen.
for (const box of ['textarea', 'contenteditable', 'model']) {
  test(`${box}: Accept and Insert opening go through the undo stack`, async () => {
    const page = await openDesk(`box=${box}`);
    const reply = page.locator('#reply');
    const text = () => reply.evaluate((el) => window.modelEditor?.getText()
      ?? ('value' in el ? el.value : el.innerText.replace(/\n$/, '')));
    // An edit may take the editor a turn or two (a DOM edit it drops is
    // then sent as a beforeinput event).
    const becomes = async (want, why) => {
      for (let i = 0; i < 80 && (await text()) !== want; i++) await page.waitForTimeout(25);
      assert.equal(await text(), want, why);
    };
    const panel = page.locator('handoff-coach-panel');

    await panel.locator('[data-hc-action="insert-opening"]').click();
    await becomes("Hi Sarah, I'm Alex. Let me look at this now.", 'Insert opening');
    await reply.focus();
    await page.keyboard.press('Control+z');
    await becomes('', 'Ctrl+Z undoes Insert opening');

    await reply.pressSequentially('Hi Sarah, how can I help?');
    await settled(page);
    await panel.locator('[data-hc-rule="never-ask.generic-opener"] [data-hc-action="accept"]').click();
    await becomes('Hi Sarah, I can see you were charged twice?', 'Accept');
    await settled(page);
    assert.equal((await panelState(page)).findings.filter((f) => f.rule === 'never-ask.generic-opener').length, 0);
    await reply.focus();
    await page.keyboard.press('Control+z');
    await becomes('Hi Sarah, how can I help?', 'Ctrl+Z undoes Accept');
    await page.close();
  });
}

test('the hover card shows the finding and accepts it', async () => {
  const page = await openDesk('box=contenteditable');
  await page.locator('#reply').pressSequentially('Hello, how can I help?');
  await settled(page);
  const spot = await page.evaluate(() => {
    const [range] = CSS.highlights.get('handoff-coach-error');
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(spot.x, spot.y);
  const card = page.locator('handoff-coach-overlay .card');
  await card.waitFor();
  assert.match(await card.textContent(), /flagged "how can i help"/);
  await card.getByRole('button', { name: 'Accept' }).click();
  assert.equal(await page.locator('#reply').innerText(), 'Hello, I can see you were charged twice?');
  await page.close();
});

test('the panel: fields the agent can correct, a checklist that ticks, a new card is a new context', async () => {
  const page = await openDesk('box=textarea');
  let state = await waitForPanel(page, (s) => s.fields.first_name === 'Sarah');
  assert.equal(state.fields.customer_name, 'Sarah Chen');
  assert.equal(state.mode, 'agent');
  await page.locator('#reply').pressSequentially('Hi there');
  state = await waitForPanel(page, (s) => s.checklist['always.use-name'] === 'false');
  await page.locator('#reply').pressSequentially(', Sarah');
  await waitForPanel(page, (s) => s.checklist['always.use-name'] === 'true');
  assert.equal(state.score, '0');

  // The agent corrects the name the card gave.
  const field = page.locator('handoff-coach-panel [data-hc-field="first_name"]');
  await field.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Sally');
  await page.keyboard.press('Enter');
  await waitForPanel(page, (s) => s.fields.first_name === 'Sally' && s.checklist['always.use-name'] === 'false');
  assert.equal(await page.evaluate(() => window.fake.calls.contexts.at(-1).first_name), 'Sally');
  await page.locator('handoff-coach-panel .opening p').filter({ hasText: 'Hi Sally' }).waitFor();
  assert.equal(await page.locator('#reply').inputValue(), 'Hi there, Sarah', 'editing the panel never touches the reply');

  // A new conversation (a single-page app swaps the card) resets the context.
  await page.click('#next');
  await waitForPanel(page, (s) => s.fields.customer_name === 'Marcus Webb' && s.fields.order_numbers === '55123');
  await page.close();
});

test('while a new card is being read, no check runs against the last customer\'s context', async () => {
  const page = await openDesk('box=textarea');
  await waitForPanel(page, (s) => s.fields.first_name === 'Sarah');
  await page.locator('#reply').pressSequentially('Hi there');
  await settled(page);
  const reads = await page.evaluate(() => {
    window.fake.readDelay = 400;
    return window.fake.calls.read;
  });
  await page.click('#next');
  // The coach has seen the new card and is reading it (slowly): type now.
  // (Checks before that, of the emptied box, had the last card's context.)
  await page.waitForFunction((n) => window.fake.calls.read > n, reads);
  const before = await page.evaluate(() => window.fake.calls.contexts.length);
  await page.locator('#reply').pressSequentially('Hi Marcus');
  await waitForPanel(page, (s) => s.fields.customer_name === 'Marcus Webb' && s.checklist['always.use-name'] === 'true');
  const names = await page.evaluate((n) => window.fake.calls.contexts.slice(n).map((c) => c.first_name ?? null), before);
  assert.ok(names.length > 0, 'the reply was checked after the card was read');
  assert.deepEqual([...new Set(names)], ['Marcus'], 'every check after the swap had the new card\'s context');
  await page.close();
});

test('a site profile: the reply selector may name a wrapper; the visible editable in it is coached', async () => {
  const page = await openDesk('box=contenteditable&site=1');
  await page.locator('#reply').click();
  await page.keyboard.type('Sorry, Sarah!');
  await waitForPanel(page, (s) => s.findings.some((f) => f.rule === 'avoid.over-apologize') && s.fields.first_name === 'Sarah');
  assert.equal(await page.locator('handoff-coach-panel').count(), 1);
  await page.close();
});

test('a <dl> card is found by its markers; no card means no coach until the agent picks one', async () => {
  const page = await openDesk('box=textarea&card=dl');
  await waitForPanel(page, (s) => s.fields.customer_name === "Aoife O'Connor");
  await page.close();

  const bare = await b.open('/fixtures/desk.html?coach=fake&box=textarea&card=none');
  await bare.waitForFunction(() => window.coach);
  await bare.waitForTimeout(300);
  assert.equal(await bare.locator('handoff-coach-panel').count(), 0, 'no card, no profile: the page is left alone');
  await bare.evaluate(() => window.coach.useCard('Customer: Zed Zulu\nOrder #: 4242'));
  await waitForPanel(bare, (s) => s.fields.customer_name === 'Zed Zulu' && s.fields.order_numbers === '4242');
  await bare.close();
});

for (const box of ['textarea', 'contenteditable']) {
  test(`${box} in an open shadow root (a web-component composer) is coached too`, async () => {
    const page = await openDesk(`box=${box}&shadow=1`);
    const reply = page.locator('desk-composer #reply'); // Playwright pierces open shadow roots
    await reply.click();
    await page.keyboard.type('Hi Sarah, how can I help?');
    await waitForPanel(page, (s) => s.findings.some((f) => f.rule === 'never-ask.generic-opener'));
    if (box === 'textarea') {
      const boxes = await page.evaluate(() => {
        const root = document.querySelector('handoff-coach-overlay').shadowRoot;
        return [...root.querySelectorAll('.box')].map((b) => {
          const r = b.getBoundingClientRect();
          const shadowRoots = [window.replyBox.getRootNode()];
          const pos = document.caretPositionFromPoint(r.left + r.width / 2, r.top + r.height / 2, { shadowRoots });
          return pos?.offsetNode === window.replyBox ? pos.offset : null;
        });
      });
      assert.equal(boxes.length, 1);
      assert.ok(boxes[0] >= 10 && boxes[0] <= 24, `the box lies over the question (offset ${boxes[0]})`);
    } else {
      const covered = await page.evaluate(() => [...CSS.highlights.get('handoff-coach-error')].map((r) => r.toString()));
      assert.deepEqual(covered, ['how can I help']);
      const styled = await page.evaluate(() => window.replyBox.getRootNode().adoptedStyleSheets.length);
      assert.equal(styled, 1, 'the highlight styles are in the shadow root, where the text is');
    }
    await page.locator('handoff-coach-panel [data-hc-rule="never-ask.generic-opener"] [data-hc-action="accept"]').click();
    const text = () => reply.evaluate((el) => ('value' in el ? el.value : el.innerText.replace(/\n$/, '')));
    for (let i = 0; i < 80 && (await text()) !== 'Hi Sarah, I can see you were charged twice?'; i++) await page.waitForTimeout(25);
    assert.equal(await text(), 'Hi Sarah, I can see you were charged twice?');
    await page.close();
  });
}

test('a reply box that is hidden takes its panel and underlines with it; shown again, they come back', async () => {
  const page = await openDesk('box=textarea');
  await page.locator('#reply').pressSequentially('Sorry!');
  await settled(page);
  // The underline layer is made with the first underline, a frame after the panel's report.
  await page.waitForFunction(() => document.querySelector('handoff-coach-overlay'));
  const visible = () => page.evaluate(() => ['handoff-coach-panel', 'handoff-coach-overlay']
    .map((n) => document.querySelector(n).getClientRects().length > 0));
  assert.deepEqual(await visible(), [true, true]);
  await page.locator('#composer').evaluate((el) => { el.style.display = 'none'; });
  await page.waitForFunction(() => document.querySelector('handoff-coach-panel').hidden);
  assert.deepEqual(await visible(), [false, false]);
  await page.locator('#composer').evaluate((el) => { el.style.display = ''; });
  await page.waitForFunction(() => !document.querySelector('handoff-coach-panel').hidden);
  assert.deepEqual(await visible(), [true, true]);
  await page.close();
});
