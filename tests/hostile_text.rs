//! Text that breaks naive offsets, in replies and cards: zero-width joiners,
//! combining marks, right-to-left text, emoji sequences with skin tones and
//! flags, CRLF, NBSP, U+FFFD where a browser had a lone surrogate.
//!
//! Beyond "no panic" and "spans on character boundaries" (the checks of the
//! fuzz targets, shared with them), each test says where a finding must land:
//! the hostile text moves the words, never what the coach says about them.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod targets;

use handoff_coach::span::{byte_of_unit, utf16_len};
use handoff_coach::{CheckOptions, Context, Engine, Finding, Phase, Report};

/// Strings that are each one hostile thing.
const HOSTILE: &[(&str, &str)] = &[
    ("flag", "🇫🇷"),
    ("two flags", "🇯🇵🇺🇸"),
    ("skin tone", "👋🏽"),
    ("ZWJ family", "👨\u{200D}👩\u{200D}👧\u{200D}👦"),
    ("ZWJ profession with tone", "👩🏾\u{200D}💻"),
    ("keycap", "1\u{FE0F}\u{20E3}"),
    ("combining marks", "e\u{301}\u{302}\u{303}"),
    ("Arabic", "مرحبا بك"),
    ("Hebrew", "שלום"),
    ("RTL override", "\u{202E}abc\u{202C}"),
    ("RTL and LTR marks", "\u{200F}\u{200E}"),
    ("zero-width space", "\u{200B}"),
    ("zero-width joiner", "\u{200D}"),
    ("NBSP", "\u{A0}"),
    ("BOM", "\u{FEFF}"),
    ("replacement", "\u{FFFD}"),
    ("CRLF", "\r\n"),
    ("lone CR", "\r"),
    ("tab", "\t"),
    ("CJK", "你好"),
    ("astral math", "𝕳𝖊𝖑𝖑𝖔"),
];

fn engine() -> &'static Engine {
    targets::engine()
}

fn card_ctx() -> Context {
    engine().read("Customer: Sarah Chen\nOrder #: 12345\nIssue: charged twice for March\nSentiment: Frustrated")
}

fn check(ctx: &Context, reply: &str) -> Report {
    let report = engine().check(ctx, reply, &CheckOptions::default());
    targets::check_report(reply, &report, Phase::First);
    report
}

/// The words a finding underlines, through the way back from UTF-16.
fn underlined<'a>(reply: &'a str, f: &Finding) -> &'a str {
    let start = byte_of_unit(reply, f.start.expect("a span"));
    let end = byte_of_unit(reply, f.end.expect("a span"));
    &reply[start..end]
}

/// The findings with a span, as (rule, underlined words).
fn marks<'a>(reply: &'a str, report: &Report) -> Vec<(String, &'a str)> {
    report
        .findings
        .iter()
        .filter(|f| f.start.is_some())
        .map(|f| (f.rule.clone(), underlined(reply, f)))
        .collect()
}

#[test]
fn generic_opener_after_flag_and_rtl_is_underlined_exactly() {
    let ctx = card_ctx();
    let reply = "🇫🇷 مرحبا! How can I help you today?";
    let report = check(&ctx, reply);
    let opener = report
        .findings
        .iter()
        .find(|f| f.rule == "never-ask.generic-opener")
        .expect("the generic opener fires");
    assert_eq!(underlined(reply, opener), "How can I help");
    // In UTF-16: the flag is 4 units, the Arabic word 5, "! " 2, space 1.
    assert_eq!(opener.start, Some(4 + 1 + 5 + 2));
    assert_eq!(opener.end, Some(4 + 1 + 5 + 2 + "How can I help".len()));
}

/// Every hostile string, before, inside the whitespace of and after a reply
/// that trips several phrase rules, leaves the same rules on the same words.
#[test]
fn hostile_text_moves_spans_not_findings() {
    let ctx = card_ctx();
    let plain = "Hi Sarah. Sorry the bot couldn't help. Can you give me your order number? \
                 How can I help you today?";
    let expected = marks(plain, &check(&ctx, plain));
    assert!(
        expected.len() >= 3,
        "the plain reply trips the rules: {expected:?}"
    );
    for (what, h) in HOSTILE {
        for reply in [
            format!("{h} {plain}"),
            format!("{plain} {h}"),
            format!("{h}{plain}{h}"),
            plain.replace(". ", &format!(". {h} ")),
        ] {
            let got = marks(&reply, &check(&ctx, &reply));
            assert_eq!(got, expected, "{what}: {reply:?}");
        }
    }
}

/// Sentence and word separators a contenteditable or a paste produces
/// (NBSP for a doubled space, CRLF from Windows, a line separator) stand for
/// plain spaces and line breaks.
#[test]
fn editor_whitespace_is_whitespace() {
    let ctx = card_ctx();
    let plain = "Hi Sarah, I'm Alex. Can you give me your order number? How can I help you today?";
    let expected = marks(plain, &check(&ctx, plain));
    // Between words: NBSP and tabs. A line break ends a sentence, so CRLF
    // and the line separator go where the sentences end.
    for (what, from, sep) in [
        ("NBSP", " ", "\u{A0}"),
        ("tab", " ", "\t"),
        ("CRLF", ". ", ".\r\n"),
        ("CRLF after ?", "? ", "?\r\n"),
        ("line separator", ". ", ".\u{2028}"),
    ] {
        let reply = plain.replace(from, sep);
        let got: Vec<(String, String)> = marks(&reply, &check(&ctx, &reply))
            .into_iter()
            .map(|(r, w)| (r, w.replace(sep, from)))
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(r, w)| (r.clone(), w.to_string()))
            .collect();
        assert_eq!(got, want, "{what}: {reply:?}");
    }
}

/// A name in NFD, with an emoji or an RTL mark glued to it, still counts as
/// the customer's name; spans after it stay on the right words.
#[test]
fn names_next_to_hostile_text() {
    let ctx = engine().read("Customer: Zoë Ångström\nOrder #: 12345");
    for reply in [
        "Hi Zoe\u{308} 👋🏽, I'm Alex. What's your order number?",
        "Hi \u{200F}Zoë\u{200F}, I'm Alex. What's your order number?",
        "Hi Zoë🇸🇪, I'm Alex. What's your order number?",
    ] {
        let report = check(&ctx, reply);
        assert_eq!(
            report.checklist.get("always.use-name"),
            Some(Some(true)),
            "{reply:?}"
        );
        let ask = report
            .findings
            .iter()
            .find(|f| f.rule == "never-ask.order-number")
            .unwrap_or_else(|| panic!("order number asked: {reply:?}"));
        assert!(
            underlined(reply, ask).contains("order number"),
            "{reply:?}: {:?}",
            underlined(reply, ask)
        );
    }
}

/// A card read with hostile text around its values gives the same context:
/// CRLF line ends, a BOM, NBSP after the colon, trailing emoji and marks.
#[test]
fn hostile_cards_read_the_same() {
    let plain =
        "Customer: Sarah Chen\nOrder #: 12345\nEmail: sarah@example.com\nSentiment: Frustrated";
    let want = engine().read(plain);
    assert_eq!(want.first_name.as_deref(), Some("Sarah"));
    for (what, card) in [
        ("CRLF", plain.replace('\n', "\r\n")),
        ("BOM", format!("\u{FEFF}{plain}")),
        ("NBSP after the colon", plain.replace(": ", ":\u{A0}")),
        ("trailing spaces", plain.replace('\n', "  \n")),
        ("zero-width spaces", plain.replace('\n', "\u{200B}\n")),
    ] {
        let got = engine().read(&card);
        assert_eq!(got.customer_name, want.customer_name, "{what}");
        assert_eq!(got.first_name, want.first_name, "{what}");
        assert_eq!(got.order_numbers, want.order_numbers, "{what}");
        assert_eq!(got.emails, want.emails, "{what}");
        assert_eq!(got.sentiment, want.sentiment, "{what}");
    }
}

/// Every hostile string as a whole card, as a value on a card, and as a whole
/// reply: no panic, and every check of the fuzz targets holds.
#[test]
fn hostile_strings_everywhere() {
    for (_, h) in HOSTILE {
        let many = h.repeat(50);
        for card in [
            h.to_string(),
            many.clone(),
            format!("Customer: {h}\nOrder #: {h}12345{h}\nIssue: {h}"),
            format!("<dl><dt>{h}</dt><dd>{h}</dd></dl>"),
            format!("{{\"customer\": \"{h}\", \"order\": \"{h}\"}}"),
            format!("┌──┐\n│ Customer: {h} │\n└──┘"),
        ] {
            targets::card(card.as_bytes());
        }
        for reply in [h.to_string(), many.clone(), format!("{h}?{h}.{h}!{h}")] {
            targets::reply(reply.as_bytes());
            targets::reply(targets::reply_seed(&reply, &card_ctx(), Some(h)).as_bytes());
        }
    }
}

/// A browser's lone surrogate arrives as U+FFFD (one UTF-16 unit, as the
/// surrogate was), so the offsets the page gets still fit its own string.
#[test]
fn lone_surrogates_keep_offsets() {
    // A lone high surrogate first, as a cut emoji leaves it.
    let units: Vec<u16> = std::iter::once(0xD83D)
        .chain("Hi Sarah. How can I help you today?".encode_utf16())
        .collect();
    let reply = String::from_utf16_lossy(&units);
    assert_eq!(utf16_len(&reply), units.len());
    let report = check(&card_ctx(), &reply);
    let opener = report
        .findings
        .iter()
        .find(|f| f.rule == "never-ask.generic-opener")
        .expect("the generic opener fires");
    let (start, end) = (opener.start.unwrap(), opener.end.unwrap());
    assert_eq!(
        String::from_utf16_lossy(&units[start..end]),
        "How can I help"
    );
}
