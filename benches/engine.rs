//! Criterion benchmarks of the engine's hot paths: reading the guide's card,
//! linting a 2,000-character reply, building an engine. Targets and the last
//! figures are in the README.

use criterion::{criterion_group, criterion_main, Criterion};
use handoff_coach::{CheckOptions, Engine};
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
    c.bench_function("build an engine", |b| {
        b.iter(|| black_box(Engine::default()))
    });
}

criterion_group!(engine, benches);
criterion_main!(engine);
