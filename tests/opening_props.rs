//! The ready opening, checked against its own context as a first message:
//! no never-ask or avoid finding, every applicable first-message checklist
//! item true (tone.empathy-missing included), and no placeholder for what
//! the context knows (`[Agent]` only without an agent name). Over every
//! corpus card as the reader reads it, and over generated contexts.

mod rules_support;

use rules_support::engine;

use handoff_coach::opening::Script;
use handoff_coach::{CheckOptions, Context, Engine, Opening};
use proptest::prelude::*;

/// What is wrong with `opening` for `ctx`, if anything.
fn problems(engine: &Engine, ctx: &Context, agent: Option<&str>, opening: &Opening) -> Vec<String> {
    let opts = CheckOptions {
        agent: agent.map(String::from),
        ..CheckOptions::default()
    };
    let report = engine.check(ctx, &opening.text, &opts);
    let mut out = Vec::new();
    for f in &report.findings {
        if f.rule.starts_with("never-ask.") || f.rule.starts_with("avoid.") {
            out.push(format!("{} fires on {:?}", f.rule, f.start.zip(f.end)));
        }
    }
    for (item, value) in &report.checklist.0 {
        if *value == Some(false) {
            out.push(format!("{item} is missing"));
        }
    }
    if report.checklist.0.len() != 7 {
        out.push(format!(
            "checklist has {} items, not the first message's 7",
            report.checklist.0.len()
        ));
    }
    // Placeholders: "[Agent]" only when no agent is known, nothing else.
    let mut rest = opening.text.as_str();
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').map_or(rest.len(), |c| open + c + 1);
        let placeholder = &rest[open..close];
        if placeholder != "[Agent]" || agent.is_some() {
            out.push(format!("placeholder {placeholder}"));
        }
        rest = &rest[close..];
    }
    if agent.is_none() && !opening.text.contains("[Agent]") {
        out.push("no [Agent] placeholder without an agent name".into());
    }
    out
}

fn cards() -> Vec<(String, String)> {
    rules_support::corpus("cards.jsonl")
        .into_iter()
        .map(|v| {
            (
                v["id"].as_str().unwrap_or("?").to_string(),
                v["card"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn every_corpus_card_gets_an_opening_that_passes_its_own_check() {
    let engine = engine();
    let mut failures = Vec::new();
    let mut scripts = std::collections::BTreeSet::new();
    for (id, card) in cards() {
        let ctx = engine.read(&card);
        for agent in [Some("Alex"), None] {
            let opening = engine.opening(&ctx, agent);
            scripts.insert(format!("{:?}", opening.script));
            for p in problems(engine, &ctx, agent, &opening) {
                failures.push(format!("{id} ({agent:?}): {p}\n    {}", opening.text));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The corpus has cards for every script.
    assert_eq!(scripts.len(), 5, "scripts seen: {scripts:?}");
}

#[test]
fn scripts_follow_the_documented_precedence_on_the_corpus() {
    let engine = engine();
    let script = |id: &str| {
        let card = cards()
            .into_iter()
            .find(|(i, _)| i == id)
            .map(|(_, c)| c)
            .unwrap_or_default();
        engine.opening(&engine.read(&card), Some("Alex")).script
    };
    assert_eq!(
        script("c15"),
        Script::AfterHours,
        "after-hours and frustrated"
    );
    assert_eq!(script("c13"), Script::Vip, "enterprise tier and frustrated");
    assert_eq!(script("c01"), Script::Frustrated, "the guide's card");
    assert_eq!(
        script("c06"),
        Script::Complex,
        "warranty claim needs human approval"
    );
    assert_eq!(script("c22"), Script::Standard);
}

/// Names as people write them: accents, hyphens, apostrophes, scripts
/// without capitals.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{1,9}",
        "[ÉÅØÇÑ][a-zéèñüöå]{2,7}",
        "[A-Z][a-z]{1,5}-[A-Z][a-z]{1,5}",
        "O'[A-Z][a-z]{2,6}",
        "[李王张刘陈]{1,2}",
        "[a-z]{3,7}",
    ]
}

/// Issue lines built from a support vocabulary, including words an opening
/// must not repeat (the bot, apologies, questions).
fn issue() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "charged",
        "twice",
        "refund",
        "parcel",
        "missing",
        "damaged",
        "lamp",
        "invoice",
        "seats",
        "login",
        "locked",
        "password",
        "subscription",
        "cancelled",
        "renewal",
        "warranty",
        "headphones",
        "replacement",
        "delivery",
        "address",
        "stream",
        "stops",
        "app",
        "error",
        "payout",
        "hold",
        "price",
        "increase",
        "profiles",
        "deleted",
        "bot",
        "couldn't",
        "help",
        "sorry",
        "won't",
        "work",
        "the",
        "a",
        "for",
        "on",
        "after",
        "and",
        "not",
        "received",
    ]);
    (prop::collection::vec(words, 1..10), prop::bool::ANY)
        .prop_map(|(w, question)| format!("{}{}", w.join(" "), if question { "?" } else { "" }))
}

fn context() -> impl Strategy<Value = Context> {
    (
        (
            prop::option::of(name()),
            prop::option::of(name()),
            prop::option::of(issue()),
            prop::option::of(issue()),
        ),
        (
            prop::option::of(issue()),
            prop::option::of(issue()),
            prop::collection::vec("[A-Z]{0,3}-?[0-9]{4,8}", 0..3),
        ),
        (
            prop::option::of(prop::sample::select(vec![
                "frustrated",
                "angry",
                "Upset",
                "annoyed",
                "irritated",
                "furious",
                "calm",
                "neutral",
                "worried",
            ])),
            prop::bool::ANY,
            prop::bool::ANY,
            prop::option::of(0u32..5),
            prop::option::of("[A-Z][a-z]{2,8} plan"),
        ),
    )
        .prop_map(
            |(
                (first, last, issue, reason),
                (summary, outcome, orders),
                (sentiment, vip, after_hours, tries, account),
            )| {
                Context {
                    customer_name: first.as_ref().map(|f| match &last {
                        Some(l) => format!("{f} {l}"),
                        None => f.clone(),
                    }),
                    first_name: first,
                    issue,
                    escalation_reason: reason,
                    summary: summary.map(|s| format!("Customer says {s}. Bot offered the FAQ.")),
                    requested_outcome: outcome,
                    order_numbers: orders,
                    sentiment: sentiment.map(String::from),
                    vip,
                    after_hours,
                    ai_attempts: tries,
                    account,
                    emails: vec!["someone@example.com".into()],
                    ..Context::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn generated_contexts_get_openings_that_pass_their_own_check(
        ctx in context(),
        agent in prop::option::of(name()),
        company in prop::option::of("[A-Z][a-z]{3,9}"),
    ) {
        let opening = handoff_coach::opening::build(&ctx, agent.as_deref(), company.as_deref());
        let problems = problems(engine(), &ctx, agent.as_deref(), &opening);
        prop_assert!(problems.is_empty(), "{problems:?}\n{}\n{ctx:?}", opening.text);
    }
}
