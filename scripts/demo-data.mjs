// Derives the demo helpdesk's inbox (www/data/conversations.json) from the
// labelled corpus, so the page shows real corpus text and nothing invented.
//
//   node scripts/demo-data.mjs [--corpus DIR]    (default: ../shared/corpus)
//
// The output is committed: the page must work from the repository alone, and
// CI does not need the corpus to serve it. Run this again when the corpus
// changes.
//
// What it takes:
//   * every conversation of conversations.jsonl (customer / bot / agent
//     messages and the bot's escalation card);
//   * the cards of cards.jsonl whose shape no conversation shows (HTML <dl>
//     and <table>, prose, dotted leaders, bullets, a Python-repr dump...),
//     as handoffs whose transcript was not attached, as happens when a bot
//     hands over by e-mail or ticket.
//   * for the browser benchmark (www/bench/), www/data/bench.json: the
//     guide's card and a 2,000-character first reply made of corpus replies
//     to it, the faulty ones first (so there are highlights to draw) and the
//     long good one after, split into what is pasted and what is typed.
// What it adds is only presentation: which way the bot platform shows the
// card (`display`), where the handoff sits in the thread, and the requester's
// name where the corpus labels it (never parsed here: reading cards is the
// engine's job).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'www', 'data', 'conversations.json');
const BENCH_OUT = path.join(ROOT, 'www', 'data', 'bench.json');

function corpusDir(argv) {
  const i = argv.indexOf('--corpus');
  return i >= 0 ? path.resolve(argv[i + 1]) : path.resolve(ROOT, '..', 'shared', 'corpus');
}

function readJsonl(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

// How a bot platform would show this card: HTML it sent as markup, a data
// dump as code, a box drawn with characters in a fixed-width font, anything
// else as text with its line breaks.
function display(card) {
  const t = card.trim();
  if (/^<[a-z][^>]*>/i.test(t) && /<\/[a-z]+>\s*$/i.test(t)) return 'html';
  if (/^[{[]/.test(t) && /[}\]]$/.test(t)) return 'code';
  if (/[┌│└├]|^\+-{3,}|\.{4,}/m.test(t)) return 'mono';
  return 'text';
}

// CONTRACT §3: the handoff is the last `ai` message before the first
// `agent` message (or, with no agent message, the last `ai` message; with
// no `ai` message at all, the first message).
function handoffIndex(messages) {
  const firstAgent = messages.findIndex((m) => m.role === 'agent');
  const before = firstAgent < 0 ? messages : messages.slice(0, firstAgent);
  const lastAi = before.map((m) => m.role).lastIndexOf('ai');
  return lastAi >= 0 ? lastAi : 0;
}

// The cards whose shape the conversations do not already show, in the order
// the inbox lists them.
const CARD_ONLY = ['c05', 'c06', 'c08', 'c17', 'c24', 'c27', 'c28', 'c29'];

function build(dir) {
  const cards = readJsonl(path.join(dir, 'cards.jsonl'));
  const byText = new Map(cards.map((c) => [c.card, c]));
  const byId = new Map(cards.map((c) => [c.id, c]));
  const requester = (card) => card?.expect?.customer_name ?? card?.expect?.first_name ?? null;

  const out = readJsonl(path.join(dir, 'conversations.jsonl')).map((conv) => {
    const labelled = byText.get(conv.summary);
    const handoff = handoffIndex(conv.messages);
    const firstAgent = conv.messages.findIndex((m) => m.role === 'agent');
    return {
      id: conv.id,
      requester: requester(labelled),
      card: { text: conv.summary ?? '', display: display(conv.summary ?? ''), at: conv.messages[handoff]?.at ?? null },
      handoff,
      firstAgent: firstAgent < 0 ? conv.messages.length : firstAgent,
      messages: conv.messages.map(({ role, text, at }) => ({ role, text, at: at ?? null })),
      source: `conversations.jsonl ${conv.id}${labelled ? ` (card ${labelled.id})` : ''}`,
    };
  });

  for (const id of CARD_ONLY) {
    const card = byId.get(id);
    if (!card) throw new Error(`cards.jsonl has no ${id}`);
    out.push({
      id: `card-${id}`,
      requester: requester(card),
      card: { text: card.card, display: display(card.card), at: null },
      handoff: -1,
      firstAgent: 0,
      messages: [],
      source: `cards.jsonl ${id} (${card.format}), transcript not attached`,
    });
  }
  return out;
}

// The benchmark's reply: BENCH_LENGTH characters in all, the last
// BENCH_TYPED of them typed key by key. The typed part is kept to printable
// ASCII on one line, so every character is one real keystroke in every
// editor (no Enter, no list autoformat, no IME path).
const BENCH_CARD = 'c01';
const BENCH_REPLIES = ['r002', 'r006', 'r007', 'r003', 'r004', 'r010'];
const BENCH_LENGTH = 2000;
const BENCH_TYPED = 200;

function buildBench(dir) {
  const card = readJsonl(path.join(dir, 'cards.jsonl')).find((c) => c.id === BENCH_CARD);
  const replies = new Map(readJsonl(path.join(dir, 'replies.jsonl')).map((r) => [r.id, r.reply]));
  const text = BENCH_REPLIES.map((id) => replies.get(id) ?? '').join('\n\n');
  const prefill = text.slice(0, BENCH_LENGTH - BENCH_TYPED);
  const typed = text
    .slice(prefill.length)
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '-')
    .slice(0, BENCH_TYPED);
  if (!card || prefill.length + typed.length !== BENCH_LENGTH) throw new Error('the corpus is too short for the benchmark reply');
  return { card: { text: card.card, display: display(card.card) }, prefill, typed, source: `cards.jsonl ${BENCH_CARD}, replies.jsonl ${BENCH_REPLIES.join(' ')}` };
}

const conversations = build(corpusDir(process.argv));
const bench = buildBench(corpusDir(process.argv));
fs.writeFileSync(BENCH_OUT, `${JSON.stringify({ generated_by: 'scripts/demo-data.mjs', ...bench }, null, 1)}\n`);
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(
  OUT,
  `${JSON.stringify({ generated_by: 'scripts/demo-data.mjs', conversations }, null, 1)}\n`,
);
const shapes = conversations.reduce((n, c) => ({ ...n, [c.card.display]: (n[c.card.display] ?? 0) + 1 }), {});
console.log(`wrote ${path.relative(ROOT, OUT)}: ${conversations.length} conversations, cards shown as ${JSON.stringify(shapes)}`);
