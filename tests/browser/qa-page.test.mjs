// The QA page (www/qa/): an audit file picked or dropped is audited in the
// browser, in workers, and shows what `handoff-coach audit` says about the
// same file: every good conversation with the CLI's score and QA items, every
// bad line with its number and the CLI's reason, the CLI's CSV, and a
// drill-down with each finding marked where the CLI puts it. The engine is
// the page's own (no extension); no request leaves the page.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, launch } from './harness.mjs';

const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const CLI = path.join(ROOT, 'target', 'release', 'handoff-coach');
const INPUT = 'input[type=file][data-hc-action="load-transcripts"]';

/** What the CLI says about `file`: audits by id, bad lines `[line, reason]`, the CSV text. */
function cli(file) {
  const json = spawnSync(CLI, ['audit', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const audits = new Map(json.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((a) => [a.id, a]));
  const prefix = `${file}:`;
  const bad = json.stderr.trim().split('\n')
    .filter((l) => l.startsWith(prefix) && /^\d+: /.test(l.slice(prefix.length)))
    .map((l) => {
      const rest = l.slice(prefix.length);
      const colon = rest.indexOf(': ');
      return [Number(rest.slice(0, colon)), rest.slice(colon + 2)];
    });
  const csv = spawnSync(CLI, ['audit', '--format', 'csv', file], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout;
  return { audits, bad, csv };
}

/** The page's table, bad lines and charts, read from its hooks. */
function pageState(page) {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('#qa-table tbody tr[data-hc-conversation]')].map((tr) => ({
      id: tr.dataset.hcConversation,
      score: tr.dataset.hcScore === undefined ? null : Number(tr.dataset.hcScore),
      qa: Object.fromEntries([...tr.querySelectorAll('[data-hc-qa]')].map((td) => [td.dataset.hcQa, td.dataset.hcOk === undefined ? null : td.dataset.hcOk === 'true'])),
    }));
    const bad = [...document.querySelectorAll('[data-hc-bad-line]')].map((li) => [Number(li.dataset.hcBadLine), li.textContent]);
    const chart = (id) => [...document.querySelectorAll(`#${id} svg [data-count]`)].map((g) => Number(g.dataset.count));
    return {
      rows, bad,
      charts: { scores: chart('qa-chart-scores'), ttfr: chart('qa-chart-ttfr'), items: document.querySelectorAll('#qa-chart-items svg .bar').length },
      progress: document.querySelector('#qa-progress').value,
    };
  });
}

/** Downloads the page's CSV; resolves to its text. */
async function downloadCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#qa-csv').click()]);
  return fs.readFileSync(await download.path(), 'utf8');
}

describe('the QA page', () => {
  let b;
  let page;
  let dir;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-qa-page-'));
    b = await launch({ extension: false });
    page = await b.open('/qa/');
    await page.evaluate(() => window.qaPage.ready);
  });
  after(async () => {
    assert.deepEqual(b.outside, [], 'no request left the page');
    assert.deepEqual(b.pageErrors.map(String), []);
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('conversations.jsonl + bad.jsonl: every good conversation with the CLI\'s score and QA items, every bad line with its number and reason, the CLI\'s CSV', async () => {
    const text = fs.readFileSync(path.join(CORPUS, 'conversations.jsonl'), 'utf8') + fs.readFileSync(path.join(CORPUS, 'bad.jsonl'), 'utf8');
    const file = path.join(dir, 'corpus.jsonl');
    fs.writeFileSync(file, text);
    const want = cli(file);
    assert.equal(want.audits.size, 15);
    assert.equal(want.bad.length, 8);

    await page.setInputFiles(INPUT, { name: 'corpus.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
    await page.locator('#qa-done[data-hc-elapsed-ms]').waitFor();
    const got = await pageState(page);

    assert.deepEqual(got.rows.map((r) => r.id), [...want.audits.keys()], 'every good conversation, in file order');
    for (const row of got.rows) {
      const a = want.audits.get(row.id);
      assert.equal(row.score, a.score, `${row.id}: score`);
      assert.deepEqual(row.qa, a.qa, `${row.id}: QA items`);
    }
    assert.deepEqual(got.bad.map(([n]) => n), want.bad.map(([n]) => n), 'bad lines by number');
    for (const [[n, shown], [, reason]] of got.bad.map((x, i) => [x, want.bad[i]])) {
      assert.equal(shown, `line ${n}: ${reason}`, `line ${n}: the CLI's reason`);
    }
    // Charts: a column per score bin adding up to every conversation, a bar per QA item.
    assert.equal(got.charts.scores.reduce((a, b) => a + b, 0), 15);
    const withTtfr = [...want.audits.values()].filter((a) => a.metrics.time_to_first_response_s !== null).length;
    assert.equal(got.charts.ttfr.reduce((a, b) => a + b, 0), withTtfr);
    assert.equal(got.charts.items, Object.keys(want.audits.get('conv01').qa).length);
    assert.equal(got.progress, 1);

    assert.equal(await downloadCsv(page), want.csv, 'the CSV is the CLI\'s, byte for byte');
  });

  test('sorting by a column moves the rows; the drill-down marks each finding where the CLI puts it', async () => {
    const scores = () => page.locator('#qa-table tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.hcScore)));
    const header = page.locator('#qa-table thead th').nth(1);
    await header.locator('button').click();
    const down = await scores();
    assert.deepEqual(down, [...down].sort((a, b) => b - a), 'highest score first');
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    await header.locator('button').click();
    const up = await scores();
    assert.deepEqual(up, [...up].sort((a, b) => a - b), 'then lowest first');
    assert.equal(up.length, 15);

    // The conversation with the most findings.
    const want = cli(path.join(dir, 'corpus.jsonl')).audits;
    const count = (a) => a.messages.reduce((n, m) => n + m.findings.length, 0);
    const worst = [...want.values()].sort((a, b) => count(b) - count(a))[0];
    assert.ok(count(worst) > 0);
    await page.locator(`tr[data-hc-conversation="${worst.id}"] button[data-open]`).click();
    await page.locator('#qa-drill[open] [data-hc-message]').first().waitFor();
    const shown = await page.locator('#qa-drill').evaluate((d) => [...d.querySelectorAll('[data-hc-message]')].map((li) => ({
      index: Number(li.dataset.hcMessage),
      rules: [...li.querySelectorAll('.qa-findings [data-hc-rule]')].map((f) => f.dataset.hcRule),
      marks: [...li.querySelectorAll('mark[data-hc-rule]')].map((m) => ({ rule: m.dataset.hcRule, start: Number(m.dataset.hcStart), end: Number(m.dataset.hcEnd), text: m.textContent })),
      text: li.querySelector('.qa-msg-text').textContent,
    })));
    const conv = JSON.parse(fs.readFileSync(path.join(CORPUS, 'conversations.jsonl'), 'utf8').split('\n').find((l) => l.includes(`"${worst.id}"`)));
    assert.equal(shown.length, conv.messages.length, 'every message');
    shown.forEach((m, i) => assert.equal(m.text, conv.messages[i].text, `message ${i}: its text, whole`));
    for (const judged of worst.messages) {
      const m = shown.find((s) => s.index === judged.index);
      assert.deepEqual(m.rules, judged.findings.map((f) => f.rule), `message ${judged.index}: the CLI's findings`);
      for (const mark of m.marks) {
        const f = judged.findings.find((x) => x.rule === mark.rule && x.start === mark.start && x.end === mark.end);
        assert.ok(f, `message ${judged.index}: ${mark.rule} marked at ${mark.start}..${mark.end}, as the CLI says`);
        assert.equal(mark.text, conv.messages[judged.index].text.slice(f.start, f.end));
      }
    }
    const spans = worst.messages.flatMap((m) => m.findings).filter((f) => f.start !== null);
    assert.ok(spans.length === 0 || shown.some((m) => m.marks.length), 'findings with a span are marked');
    const qa = await page.locator('#qa-drill-qa [data-hc-qa]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.hcQa, e.dataset.hcOk === undefined ? null : e.dataset.hcOk === 'true'])));
    assert.deepEqual(qa, worst.qa);
    await page.locator('#qa-drill [data-close]').click();
    assert.equal(await page.locator('#qa-drill[open]').count(), 0);
  });

  test('10,000 conversations with blank and bad lines among them: streamed through the workers, the CLI\'s CSV, the page responsive', async (t) => {
    const lines = fs.readFileSync(path.join(CORPUS, 'conversations.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const out = [];
    for (let i = 0; i < 10_000; i++) {
      const c = lines[i % lines.length];
      out.push(JSON.stringify({ ...c, id: `big-${i}` }));
      if (i === 4321) out.push('', '   ', '{"id": "broken", "summary": 1}');
    }
    const text = `${out.join('\n')}\n`;
    const file = path.join(dir, 'big.jsonl');
    fs.writeFileSync(file, text);
    const want = cli(file);
    assert.equal(want.audits.size, 10_000);
    assert.equal(want.bad.length, 1);

    // Built in the page (a File, as the picker gives one); the longest gap
    // between timer ticks while the workers audit says whether the page froze.
    const run = await page.evaluate(async (body) => {
      const file = new File([body], 'big.jsonl');
      const ticks = [];
      const timer = setInterval(() => ticks.push(performance.now()), 20);
      const started = performance.now();
      const result = await window.qaPage.audit(file);
      clearInterval(timer);
      const auditEnd = started + result.auditMs;
      let gap = 0;
      for (let i = 1; i < ticks.length && ticks[i] <= auditEnd; i++) gap = Math.max(gap, ticks[i] - ticks[i - 1]);
      return { ...result, gap };
    }, text);
    t.diagnostic(`10,000 conversations (${(text.length / 1e6).toFixed(1)} MB): audited in ${Math.round(run.auditMs)} ms, shown in ${Math.round(run.ms)} ms; longest pause of the page while auditing ${Math.round(run.gap)} ms`);
    assert.equal(run.audited, 10_000);
    assert.equal(run.bad, 1);
    // The target is 5 s on this 2-core machine; the bound leaves room for a machine busy with other work.
    assert.ok(run.ms < 15_000, `audited in ${run.ms} ms`);
    assert.ok(run.gap < 1000, `the page paused ${run.gap} ms while the workers audited`);

    const got = await pageState(page);
    assert.deepEqual(got.bad, want.bad.map(([n, r]) => [n, `line ${n}: ${r}`]));
    assert.equal(got.rows.length, 10_000);
    assert.equal(await downloadCsv(page), want.csv, 'the CSV is the CLI\'s, byte for byte');
  });
});

// Keeps the CLI honest about being there: a missing build fails loudly here, not as a timeout.
execFileSync(CLI, ['--version']);
