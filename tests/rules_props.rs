//! Any reply, however strange, is checked without a panic, and every span
//! the rules hand out is a valid UTF-16 range on character boundaries of
//! that reply: what a browser's `Range` and `selectionStart` need.

use handoff_coach::span::{byte_of_unit, utf16_len, Utf16Mapper};
use handoff_coach::{CheckOptions, Context, Engine, Mode, Phase};
use proptest::prelude::*;

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::from_pack_toml(
            r#"
[rules."never-ask.generic-opener"]
phrases = ["what brings you here"]
[rules."always.set-timeline"]
phrases = ["hang tight"]
[[custom]]
id = "custom.no-promise"
message = "Don't promise."
phrases = ["guarantee", "ça marche"]
"#,
        )
        .expect("pack is valid")
    })
}

fn rules() -> &'static handoff_coach::rules::Rules {
    static RULES: std::sync::OnceLock<handoff_coach::rules::Rules> = std::sync::OnceLock::new();
    RULES.get_or_init(|| handoff_coach::rules::Rules::new(engine().pack()))
}

/// Pieces that stress offsets and splitting: emoji (also ZWJ sequences and
/// flags), combining marks, right-to-left text, CRLF, NBSP, U+FFFD, and the
/// words the rules look for, so patterns actually match near them.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z ,.!?'’-]{0,12}",
        1 => Just("👩‍👩‍👧".to_string()),
        1 => Just("🇫🇷🙂😅🎉".to_string()),
        1 => Just("e\u{0301}\u{0308}".to_string()),
        1 => Just("שלום مرحبا".to_string()),
        1 => Just("\r\n".to_string()),
        1 => Just("\u{00A0}".to_string()),
        1 => Just("\u{FFFD}".to_string()),
        1 => Just("Zoe\u{0308}".to_string()),
        1 => any::<char>().prop_map(String::from),
        2 => prop::sample::select(vec![
            "How can I help you today?", "Can you tell me your order number", "Sorry the bot couldn't help",
            "I'm so sorry, I apologize", "I'm Alex", "Alex here", "give me 2 minutes", "I've read your chat",
            "Could you walk me through what happened again?", "What's your email?", "I understand this is frustrating",
            "Is there anything else?", "Thanks for your patience", "Let me check", "Ms. Chen", "guarantee", "ça marche",
            "hang tight", "what brings you here", "Who am I speaking with?", "could you send it over?",
        ]).prop_map(String::from),
    ]
}

fn reply() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|p| p.concat())
}

fn context() -> impl Strategy<Value = Context> {
    (
        prop::option::of("[A-Za-zÀ-ÿ\u{0308}]{1,8}"),
        prop::option::of(".{0,40}"),
        prop::bool::ANY,
    )
        .prop_map(|(name, issue, upset)| Context {
            first_name: name.clone(),
            customer_name: name.map(|n| format!("{n} O’Brien")),
            issue,
            order_numbers: vec!["12345".into()],
            emails: vec!["a@b.co".into()],
            account: Some("Pro Plan".into()),
            sentiment: upset.then(|| "frustrated".into()),
            ..Context::default()
        })
}

fn phase() -> impl Strategy<Value = Phase> {
    prop::sample::select(vec![Phase::First, Phase::Resolution, Phase::Closing])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_are_utf16_ranges_on_character_boundaries(
        text in reply(),
        ctx in context(),
        phase in phase(),
        trainer in prop::bool::ANY,
    ) {
        let opts = CheckOptions {
            phase,
            mode: if trainer { Mode::Trainer } else { Mode::Agent },
            agent: Some("Alex".into()),
        };
        let report = engine().check(&ctx, &text, &opts);
        let len = utf16_len(&text);
        for f in &report.findings {
            match (f.start, f.end) {
                (Some(start), Some(end)) => {
                    prop_assert!(start <= end && end <= len, "{} {start}..{end} of {len}", f.rule);
                    for unit in [start, end] {
                        // On a boundary: back to bytes and to units again lands
                        // on the same unit (not inside a surrogate pair).
                        let byte = byte_of_unit(&text, unit);
                        prop_assert!(text.is_char_boundary(byte));
                        prop_assert_eq!(Utf16Mapper::new(&text).unit(byte), unit, "{} at {}", f.rule, unit);
                    }
                }
                (None, None) => prop_assert!(report.checklist.get(&f.rule) == Some(Some(false)), "{}", f.rule),
                _ => prop_assert!(false, "half a span on {}", f.rule),
            }
        }
        prop_assert!((0.0..=1.0).contains(&report.score));
        // The audit's reading of a message never panics either.
        let _ = rules().signals(&ctx, &text, &opts);
    }

    #[test]
    fn any_string_at_all(text in any::<String>(), ctx in context()) {
        for phase in [Phase::First, Phase::Closing] {
            let opts = CheckOptions { phase, ..CheckOptions::default() };
            let report = engine().check(&ctx, &text, &opts);
            let len = utf16_len(&text);
            for f in &report.findings {
                if let (Some(start), Some(end)) = (f.start, f.end) {
                    prop_assert!(start <= end && end <= len);
                }
            }
        }
    }
}
