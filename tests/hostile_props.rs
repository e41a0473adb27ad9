//! Property tests with hostile text: replies and cards built from pieces that
//! break naive offsets (surrogate pairs, joiners, combining marks,
//! right-to-left text, CRLF, NBSP, U+FFFD) mixed with the phrases the rules
//! look for, so the hostile characters sit right next to the findings.
//!
//! Every generated text goes through the fuzz targets' own checks (spans on
//! character boundaries inside the text, known rules, scores in 0..=1, in
//! every phase and mode). And a hostile sentence put between the sentences of
//! a reply must not move what is found in them, only where.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod targets;

use handoff_coach::span::byte_of_unit;
use handoff_coach::{CheckOptions, Context, Report};
use proptest::prelude::*;

/// Pieces that break naive offsets.
const HOSTILE: &[&str] = &[
    "🇫🇷",
    "👋🏽",
    "👨\u{200D}👩\u{200D}👧",
    "e\u{301}",
    "\u{308}",
    "مرحبا",
    "שלום",
    "\u{202E}",
    "\u{200F}",
    "\u{200B}",
    "\u{200D}",
    "\u{FE0F}",
    "\u{A0}",
    "\u{FEFF}",
    "\u{FFFD}",
    "\r\n",
    "\r",
    "𝕳",
    "你好",
];

/// Pieces the rules and the card reader look for.
const WORDS: &[&str] = &[
    "How can I help you today?",
    "What's your order number?",
    "order #12345",
    "Sarah",
    "Hi Sarah,",
    "I'm Alex.",
    "I'm so sorry",
    "the bot couldn't help",
    "Let me check",
    "2 minutes",
    "Can you explain what happened again?",
    "email",
    "Customer:",
    "Order #:",
    "\n",
    " ",
    ". ",
    "?",
    "<td>",
    "&amp;",
    "\"",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(HOSTILE).prop_map(String::from),
        3 => prop::sample::select(WORDS).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|p| p.concat())
}

fn ctx() -> Context {
    targets::engine().read(
        "Customer: Sarah Chen\nOrder #: 12345\nEmail: sarah@example.com\n\
         Issue: charged twice for March\nSentiment: Frustrated",
    )
}

/// (rule, underlined words) of the findings with a span.
fn marks(reply: &str, report: &Report) -> Vec<(String, String)> {
    report
        .findings
        .iter()
        .filter_map(|f| {
            let start = byte_of_unit(reply, f.start?);
            let end = byte_of_unit(reply, f.end?);
            Some((f.rule.clone(), reply[start..end].to_string()))
        })
        .collect()
}

/// Replies that each trip a few phrase rules, one sentence per entry.
const REPLIES: &[&[&str]] = &[
    &[
        "Hi Sarah.",
        "Sorry the bot couldn't help.",
        "Can you give me your order number?",
        "How can I help you today?",
    ],
    &[
        "Hello!",
        "Could you walk me through what happened again?",
        "I'm so sorry, I apologize, this is terrible.",
    ],
    &[
        "I'm Alex.",
        "What's the email on the account?",
        "What seems to be the issue?",
        "Let me check, it'll take 2 minutes.",
    ],
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Any mix of hostile pieces and rule words as a reply, with the card's
    /// context or with hostile context fields: every check of the `reply`
    /// target holds in every phase and mode.
    #[test]
    fn hostile_replies_keep_every_invariant(reply in text(), field in text()) {
        targets::reply(targets::reply_seed(&reply, &ctx(), Some("Alex")).as_bytes());
        let mut hostile = ctx();
        hostile.first_name = Some(field.clone());
        hostile.order_numbers.push(field.clone());
        hostile.issue = Some(field);
        targets::reply(targets::reply_seed(&reply, &hostile, None).as_bytes());
    }

    /// Any mix as a card, as a card's values, and in HTML: every check of the
    /// `card` target holds.
    #[test]
    fn hostile_cards_keep_every_invariant(card in text(), value in text()) {
        targets::card(card.as_bytes());
        targets::card(format!("Customer: {value}\nOrder #: {value}\nIssue: {value}\n{card}").as_bytes());
        targets::card(format!("<dl><dt>Customer</dt><dd>{value}</dd></dl>{card}").as_bytes());
    }

    /// A hostile piece as a sentence of its own between a reply's sentences
    /// moves the findings, never changes them.
    #[test]
    fn hostile_sentences_move_findings_only(
        which in 0..REPLIES.len(),
        at in 0usize..5,
        hostile in prop::collection::vec(prop::sample::select(HOSTILE), 1..4),
    ) {
        // Only pieces without letters: a word in any script (你好, שלום, or 𝕳,
        // which folds to the ASCII H) before "What's the email…" is a word of
        // that sentence, and an ask is recognised at a sentence's start or
        // after a known lead-in ("Hi", "OK so"), not after any word.
        prop_assume!(!hostile.concat().chars().any(char::is_alphabetic));
        let sentences = REPLIES[which];
        let plain = sentences.join(" ");
        let at = at.min(sentences.len());
        let mut parts: Vec<String> = sentences.iter().map(|s| s.to_string()).collect();
        parts.insert(at, hostile.concat());
        let reply = parts.join(" ");
        let ctx = ctx();
        let opts = CheckOptions::default();
        let want = marks(&plain, &targets::engine().check(&ctx, &plain, &opts));
        let got = marks(&reply, &targets::engine().check(&ctx, &reply, &opts));
        prop_assert_eq!(got, want, "{:?}", reply);
    }
}
