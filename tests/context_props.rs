//! The card reader never panics and stays linear: arbitrary Unicode cards
//! (and arbitrary mixes of the shapes' own punctuation) always come back,
//! quickly, and a megabyte of the worst repetitions takes about ten times
//! as long as a hundred kilobytes of them, not a hundred times.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use handoff_coach::context::Reader;
use proptest::prelude::*;

/// Pieces that steer the reader into every shape: frames, separators,
/// brackets, markup, entities, purchase words, names, feelings.
const PIECES: &[&str] = &[
    "│",
    "┌──┐",
    "|",
    "+---+",
    ":",
    " - ",
    " — ",
    "....",
    "\t",
    "\n",
    "\n\n",
    "  ",
    "•",
    "- ",
    "* ",
    "👤",
    "😡",
    "{",
    "}",
    "[",
    "]",
    "'",
    "\"",
    "(",
    ")",
    "<",
    ">",
    "<b>",
    "</b>",
    "<td>",
    "<dt>",
    "<dd>",
    "<p>",
    "<!--",
    "-->",
    "<script>",
    "&",
    "&#39;",
    "&#x",
    "&amp;",
    "&eacute;",
    ";",
    "#",
    "@",
    "=>",
    "Customer",
    "Customer:",
    "Order #:",
    "Order ID",
    "order",
    "invoice",
    "Summary:",
    "AI Summary:",
    "Name - ",
    "Sarah",
    "Zoë",
    "王小明",
    "O’Brien",
    "was charged",
    "wants",
    "She",
    "sounds frustrated",
    "after hours",
    "VIP",
    "12345",
    "A-99812",
    "x@y.io",
    "2026-03-02",
    "$9.99",
    ".",
    "é",
    "\u{301}",
    "\u{200d}",
    "\u{feff}",
    "\r",
    "\u{2028}",
    "customer:\n  name:",
    "True",
    "None",
    "\\u00e9",
    "\\ud83d",
];

/// One reader for every case: compiling its patterns is what an engine does
/// once, not per card.
fn reader() -> &'static Reader {
    static READER: OnceLock<Reader> = OnceLock::new();
    READER.get_or_init(Reader::new)
}

fn shaped() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_string),
            any::<String>()
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode_never_panics(card in any::<String>()) {
        let reader = reader();
        let started = Instant::now();
        let mut ctx = reader.read(&card);
        reader.learn(&mut ctx, &card);
        prop_assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn shaped_noise_never_panics(card in shaped(), message in shaped()) {
        let reader = reader();
        let started = Instant::now();
        let mut ctx = reader.read(&card);
        let known = ctx.order_numbers.clone();
        reader.learn(&mut ctx, &message);
        prop_assert!(started.elapsed() < Duration::from_secs(1));
        // What the card said stays, first and in its order.
        prop_assert_eq!(&ctx.order_numbers[..known.len()], &known[..]);
        // Every value is text a person can read: no markup, no NUL.
        for s in ctx.customer_name.iter().chain(ctx.first_name.iter()) {
            prop_assert!(!s.trim().is_empty());
        }
    }
}

/// Texts that repeat what could make a reader quadratic.
fn worst_cases() -> Vec<(&'static str, &'static str)> {
    vec![
        ("guide card", include_str!("data/guide-card.txt")),
        ("purchase words", "order #1a order order, invoice and "),
        ("purchase words without spaces", "-order-#12a"),
        ("open brackets", "[{"),
        ("open tags", "<a '"),
        ("ampersands", "&amp&#"),
        ("hashes", "#x#1"),
        ("deepening blocks", "k:\n "),
        ("distinct ids", "Order: A-1000\n"),
        ("emails", "a.b@c.de "),
        ("labels", "Label: value\n"),
        ("wants", "Customer wants a person wants "),
        ("block lines", "Customer was charged twice. Wants full\n"),
        ("html rows", "<tr><th>Customer</th><td>Sarah</td></tr>"),
        (
            "json",
            "{\"customer\": {\"name\": \"Sarah\", \"orders\": [\"A-1\", {\"id\": 2}]}}, ",
        ),
        ("dots", "Customer said... "),
        ("commas", "Customer: a, b; c | d, "),
    ]
}

/// The shorter of two runs of `read` and `learn` on `card`: the machine is
/// shared, so one run can be slow for reasons that are not the reader's.
fn time_read(reader: &Reader, card: &str) -> Duration {
    (0..2)
        .map(|_| {
            let started = Instant::now();
            let mut ctx = reader.read(card);
            reader.learn(&mut ctx, card);
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn ten_times_the_text_takes_about_ten_times_as_long() {
    // A debug build is many times slower: it scales smaller texts. Times
    // below the floor are noise on a shared machine, not a measure.
    let (small, floor) = if cfg!(debug_assertions) {
        (4_000, 10)
    } else {
        (100_000, 2)
    };
    let reader = Reader::new();
    for (name, unit) in worst_cases() {
        let (small_card, big_card) = (
            unit.repeat(small / unit.len() + 1),
            unit.repeat(10 * small / unit.len() + 1),
        );
        // A quadratic reader is a hundred times slower every time; a busy
        // machine only some of the time: the best of three attempts counts.
        let mut ratio = f64::INFINITY;
        for _ in 0..3 {
            let t_small = time_read(&reader, &small_card).max(Duration::from_millis(floor));
            let t_big = time_read(&reader, &big_card);
            ratio = ratio.min(t_big.as_secs_f64() / t_small.as_secs_f64());
            if ratio < 40.0 {
                break;
            }
        }
        println!(
            "{name}: {} KB, ten times that (best ratio x{ratio:.1})",
            small / 1000
        );
        assert!(
            ratio < 40.0,
            "{name}: ten times the text took {ratio:.0} times as long"
        );
    }
}

#[test]
fn a_megabyte_card_takes_well_under_seconds() {
    // The limit is for a release build; a debug build checks the common
    // shape only, with room for being many times slower.
    let (limit, cases) = if cfg!(debug_assertions) {
        (10, 1)
    } else {
        (1, 2)
    };
    let reader = Reader::new();
    for (name, unit) in [worst_cases()[0], worst_cases()[10]]
        .into_iter()
        .take(cases)
    {
        let card = unit.repeat(1_000_000 / unit.len() + 1);
        let took = time_read(&reader, &card);
        println!("{name}: 1 MB in {took:?}");
        assert!(
            took < Duration::from_secs(limit),
            "{name}: 1 MB took {took:?}"
        );
    }
}
