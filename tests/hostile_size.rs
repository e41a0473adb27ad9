//! Size: a 1 MB reply and a 1 MB card never panic and stay bounded in time,
//! whatever they repeat (one character, "order #1 ", newlines, `<`, a
//! question, an emoji with a skin tone, a card line…).
//!
//! Time is checked two ways: an absolute ceiling, generous enough for a
//! debug build on a busy machine, and the growth from 256 KB to 1 MB, which
//! is about 4 when the engine is linear and 16 when it is quadratic; the
//! ratio is checked only where the time is long enough to measure. Each run
//! prints its times (`cargo test --release --test hostile_size -- --nocapture`
//! for the numbers the README quotes).

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod targets;

use std::time::{Duration, Instant};

use handoff_coach::{CheckOptions, Context, Phase};

const MB: usize = 1 << 20;

/// Each one repeated to a megabyte.
const UNITS: &[(&str, &str)] = &[
    ("one letter", "a"),
    ("order #1", "order #1 "),
    ("newlines", "\n"),
    ("<", "<"),
    ("spaces", " "),
    ("#", "#"),
    ("digits", "1"),
    ("quotes", "\""),
    ("CRLF", "\r\n"),
    ("NBSP", "\u{A0}"),
    ("emoji + tone", "👋🏽"),
    ("combining", "e\u{301}"),
    ("question", "Hi Sarah, how can I help you today? "),
    ("apology", "I'm so sorry, I apologize. "),
    (
        "ask again",
        "Can you give me your order number and email again? ",
    ),
    ("card line", "Customer: Sarah Chen\n"),
    ("box line", "│ Order #: 12345 │\n"),
    ("html", "<tr><td>Order</td><td>#1</td></tr>"),
    ("json", "{\"order\": \"1\", "),
    ("entity", "&amp;"),
    ("email", "a@b.co "),
];

/// Above this, a megabyte took too long even for a debug build.
const CEILING: Duration = Duration::from_secs(60);

/// `unit` repeated to at least `bytes` bytes.
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// Times `run` on a 256 KB and a 1 MB text of each unit, and fails on a
/// megabyte past the ceiling or time that grows faster than about linearly.
fn bounded(what: &str, run: impl Fn(&str)) {
    let mut slow = Vec::new();
    for (name, unit) in UNITS {
        let time = |bytes| {
            let text = repeated(unit, bytes);
            let start = Instant::now();
            run(&text);
            start.elapsed()
        };
        let mut quarter = time(MB / 4);
        let mut full = time(MB);
        let ratio = |q: Duration, f: Duration| f.as_secs_f64() / q.as_secs_f64().max(1e-6);
        // On a shared machine one slow run can fake a curve: a suspicious
        // ratio is measured once more and the faster of each size kept.
        if full > Duration::from_millis(300) && ratio(quarter, full) > 10.0 {
            quarter = quarter.min(time(MB / 4));
            full = full.min(time(MB));
        }
        let growth = ratio(quarter, full);
        eprintln!("{what} {name:>14}: 256 KB {quarter:>10.1?}, 1 MB {full:>10.1?} (x{growth:.1})");
        // Under 0.3 s the ratio is mostly noise; over it, 16 is quadratic.
        if full > CEILING || (full > Duration::from_millis(300) && growth > 10.0) {
            slow.push(format!(
                "{name}: 1 MB in {full:?}, x{growth:.1} from 256 KB"
            ));
        }
    }
    assert!(slow.is_empty(), "{what} too slow: {slow:#?}");
}

fn card_ctx() -> Context {
    targets::engine().read(
        "Customer: Sarah Chen\nOrder #: 12345\nEmail: sarah@example.com\n\
         Issue: charged twice for March\nSentiment: Frustrated",
    )
}

#[test]
fn a_megabyte_reply_is_linear() {
    let ctx = card_ctx();
    bounded("reply", |reply| {
        let report = targets::engine().check(&ctx, reply, &CheckOptions::default());
        targets::check_report(reply, &report, Phase::First);
    });
}

#[test]
fn a_megabyte_card_is_linear() {
    bounded("card", |card| {
        let ctx = targets::engine().read(card);
        serde_json::to_string(&ctx).expect("a context serialises");
        targets::engine().opening(&ctx, Some("Alex"));
    });
}
