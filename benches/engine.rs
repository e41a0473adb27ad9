//! Criterion benchmarks of the engine's hot paths: reading the guide's card,
//! linting a 2,000-character reply, building an engine, and the steps of an
//! audit (what the rules work out from a context once, judging one agent
//! message against it, auditing one whole conversation). Targets and the
//! last figures are in the README.

use criterion::{criterion_group, criterion_main, Criterion};
use handoff_coach::rules::{Known, Rules};
use handoff_coach::{CheckOptions, Engine, Mode, Pack, Phase};
use std::hint::black_box;

const GUIDE_CARD: &str = include_str!("../tests/data/guide-card.txt");

fn long_reply() -> String {
    let base =
        "Hi Sarah, I'm Alex from the billing team, and I've read through everything in your chat. \
I understand how frustrating it is to be charged twice for March. Let me pull up your account now. \
Give me about 2 minutes and I'll update you as I go. ";
    let mut reply = String::new();
    while reply.chars().count() < 2000 {
        reply.push_str(base);
    }
    reply.chars().take(2000).collect()
}

fn benches(c: &mut Criterion) {
    let engine = Engine::default();
    let ctx = engine.read(GUIDE_CARD);
    let reply = long_reply();
    let opts = CheckOptions::default();
    c.bench_function("read the guide's card", |b| {
        b.iter(|| engine.read(black_box(GUIDE_CARD)))
    });
    c.bench_function("lint a 2,000-character reply", |b| {
        b.iter(|| engine.check(black_box(&ctx), black_box(&reply), &opts))
    });
    // The built-ins are compiled once per process (by `Engine::default()`
    // above) and shared: a later engine, one per pack, costs this.
    c.bench_function("build an engine (built-ins already compiled)", |b| {
        b.iter(|| black_box(Engine::default()))
    });

    let rules = Rules::new(&Pack::default());
    c.bench_function("know the guide card's context", |b| {
        b.iter(|| Known::new(black_box(ctx.clone())))
    });
    let known = Known::new(ctx.clone());
    let qa = CheckOptions {
        phase: Phase::Resolution,
        mode: Mode::Qa,
        agent: None,
    };
    c.bench_function("judge one agent message", |b| {
        b.iter(|| rules.judge(&known, black_box(AGENT_MESSAGE), &qa))
    });
    let conversation = handoff_coach::audit::parse_line(CONVERSATION).expect("a valid line");
    c.bench_function("audit one conversation", |b| {
        b.iter(|| engine.audit(black_box(&conversation)))
    });
}

/// A resolution message of the length and kind the audit sees most.
const AGENT_MESSAGE: &str =
    "I'm looking at your account now… I've refunded the duplicate charge. You'll see it back on your card in 3–5 business days.";

/// One conversation as `benches/audit.rs` generates them: a card, the bot,
/// a first message that asks again, the fix and the closing.
const CONVERSATION: &str = r#"{"id":"bench-3","summary":"Customer: Björn Müller\nOrder #: SO-230441\nAccount: Pro Plan (2 years)\nEscalation reason: Charged twice for March\nAI attempts: 2\nSentiment: Frustrated\nPriority: High\nAI summary: I've been charged twice for March on my plan. I want the extra charge refunded. The bot said: Duplicate charges are usually reversed automatically within 5–10 business days.","messages":[{"role":"customer","text":"I've been charged twice for March on my plan. I want the extra charge refunded. Order SO-230441.","at":"2026-03-08T01:28:00Z"},{"role":"ai","text":"I'm sorry to hear that! Duplicate charges are usually reversed automatically within 5–10 business days. Is there anything else I can help with?","at":"2026-03-08T01:28:03Z"},{"role":"customer","text":"That doesn't help. I want to talk to a person, please.","at":"2026-03-08T01:29:10Z"},{"role":"ai","text":"Connecting you with a member of our team now — they'll be with you shortly.","at":"2026-03-08T01:29:12Z"},{"role":"agent","text":"Hello! What's your order number?","at":"2026-03-08T01:30:40Z"},{"role":"customer","text":"As I already told the bot: I've been charged twice for March on my plan. I want the extra charge refunded. Order SO-230441.","at":"2026-03-08T01:31:00Z"},{"role":"agent","text":"Thanks. Let me check order SO-230441 for you, one moment.","at":"2026-03-08T01:31:30Z"},{"role":"agent","text":"I'm looking at your account now… I've refunded the duplicate charge. You'll see it back on your card in 3–5 business days.","at":"2026-03-08T01:33:00Z"},{"role":"agent","text":"Does that resolve everything for you?","at":"2026-03-08T01:34:00Z"},{"role":"customer","text":"Yes, that works. Thank you!","at":"2026-03-08T01:34:30Z"},{"role":"agent","text":"You're welcome, Björn — thanks for your patience with the handoff. Have a great day!","at":"2026-03-08T01:34:45Z"}]}"#;

criterion_group!(engine, benches);
criterion_main!(engine);
