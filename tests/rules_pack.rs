//! What a rule pack does to the rules (CONTRACT section 4), and the score.

use handoff_coach::{CheckOptions, Context, Engine, Mode, Phase, Severity};

fn ctx() -> Context {
    Context {
        first_name: Some("Sarah".into()),
        customer_name: Some("Sarah Chen".into()),
        order_numbers: vec!["12345".into()],
        issue: Some("charged twice for March".into()),
        sentiment: Some("frustrated".into()),
        ..Context::default()
    }
}

fn engine(pack: &str) -> Engine {
    Engine::from_pack_toml(pack).expect("pack is valid")
}

#[test]
fn severity_override_and_off() {
    let e = engine(
        r#"
[rules."never-ask.generic-opener"]
severity = "hint"
[rules."avoid.blame-ai"]
severity = "off"
[rules."always.set-timeline"]
severity = "off"
[rules."always.use-name"]
severity = "warning"
"#,
    );
    let report = e.check(
        &ctx(),
        "How can I help? Sorry the bot couldn't help.",
        &CheckOptions::default(),
    );
    let opener = report
        .findings
        .iter()
        .find(|f| f.rule == "never-ask.generic-opener")
        .expect("opener");
    assert_eq!(opener.severity, Severity::Hint);
    assert!(
        !report.findings.iter().any(|f| f.rule == "avoid.blame-ai"),
        "off: no finding"
    );
    assert!(
        report.checklist.get("always.set-timeline").is_none(),
        "off: gone from the checklist too"
    );
    assert!(!report
        .findings
        .iter()
        .any(|f| f.rule == "always.set-timeline"));
    let name = report
        .findings
        .iter()
        .find(|f| f.rule == "always.use-name")
        .expect("missing name");
    assert_eq!(
        name.severity,
        Severity::Warning,
        "the pack's severity beats agent mode's hint"
    );
    let trainer = e.check(
        &ctx(),
        "Hi",
        &CheckOptions {
            mode: Mode::Trainer,
            ..CheckOptions::default()
        },
    );
    let name = trainer
        .findings
        .iter()
        .find(|f| f.rule == "always.use-name")
        .expect("missing name");
    assert_eq!(
        name.severity,
        Severity::Error,
        "trainer mode still raises missing items to error"
    );
}

#[test]
fn extra_phrases_fire_phrase_rules_and_satisfy_checklist_rules() {
    let e = engine(
        r#"
[rules."never-ask.generic-opener"]
phrases = ["what brings you here"]
[rules."always.set-timeline"]
phrases = ["hang tight"]
[rules."tone.empathy-missing"]
phrases = ["that's rough"]
"#,
    );
    let reply = "Hi Sarah, WHAT brings you  here? Hang tight, that's rough.";
    let report = e.check(&ctx(), reply, &CheckOptions::default());
    let opener = report
        .findings
        .iter()
        .find(|f| f.rule == "never-ask.generic-opener")
        .expect("phrase fires");
    assert_eq!((opener.start, opener.end), (Some(10), Some(31)));
    assert_eq!(
        report.checklist.get("always.set-timeline"),
        Some(Some(true))
    );
    assert_eq!(
        report.checklist.get("tone.empathy-missing"),
        Some(Some(true))
    );
    // Negated, the phrase does not ask.
    let report = e.check(
        &ctx(),
        "No need to tell me what brings you here.",
        &CheckOptions::default(),
    );
    assert!(!report
        .findings
        .iter()
        .any(|f| f.rule == "never-ask.generic-opener"));
}

#[test]
fn custom_rules_fire_on_whole_words_with_their_message() {
    let e = engine(
        r#"
[[custom]]
id = "custom.no-refund-promise"
severity = "error"
message = "Don't promise a refund before billing approves it."
suggestion = "I'll ask billing about a refund right away."
phrases = ["guarantee a refund", "money back"]

[[custom]]
id = "custom.silenced"
severity = "off"
message = "Never seen."
phrases = ["hello"]
"#,
    );
    let report = e.check(
        &ctx(),
        "Hello! I GUARANTEE a refund, money-back or moneyback.",
        &CheckOptions::default(),
    );
    let hits: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "custom.no-refund-promise")
        .collect();
    assert_eq!(hits.len(), 1, "whole words only: {hits:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    assert_eq!(
        hits[0].message,
        "Don't promise a refund before billing approves it."
    );
    assert_eq!(
        hits[0].suggestion.as_deref(),
        Some("I'll ask billing about a refund right away.")
    );
    assert!(!report.findings.iter().any(|f| f.rule == "custom.silenced"));
}

#[test]
fn the_pack_tests_of_the_contract_example_pass() {
    let e = engine(
        r#"
[[custom]]
id = "custom.no-refund-promise"
severity = "warning"
message = "Don't promise a refund before billing approves it."
phrases = ["guarantee a refund", "you will definitely get your money back"]

[[tests]]
card = "Customer: Sarah Chen\nOrder #: 12345"
reply = "Can you guarantee a refund?"
fires = ["custom.no-refund-promise"]
silent = ["never-ask.order-number"]
"#,
    );
    assert!(
        e.run_pack_tests().iter().all(|t| t.passed()),
        "{:?}",
        e.run_pack_tests()
    );
}

#[test]
fn the_score_follows_the_readme_formula() {
    let e = Engine::default();
    let ctx = ctx();
    // Everything right: 7/7, no findings.
    let good = "Hi Sarah, I'm Alex. I've read your chat about the double charge in March, and I understand how \
                frustrating that is. Let me refund it now — give me 2 minutes.";
    let report = e.check(&ctx, good, &CheckOptions::default());
    assert_eq!(report.findings, vec![], "{:?}", report.findings);
    assert_eq!(report.score, 1.0);
    // "How can I help you today?": 0/7 satisfied, one error (−0.25) → clamp to 0.
    let report = e.check(&ctx, "How can I help you today?", &CheckOptions::default());
    assert_eq!(report.score, 0.0);
    // 6/7 satisfied (no timeline), one warning (blame-ai, −0.10): 0.857 − 0.10 = 0.76.
    let blame = "Hi Sarah, I'm Alex. I've read your chat about the double charge in March, and I understand how \
                 frustrating that is; our bot was useless there. Let me refund it now.";
    let report = e.check(&ctx, blame, &CheckOptions::default());
    assert_eq!(report.score, 0.76, "{:?}", report.findings);
    // A closing: 4 items.
    let opts = CheckOptions {
        phase: Phase::Closing,
        ..CheckOptions::default()
    };
    let report = e.check(&ctx, "I've refunded the extra charge. Thanks!", &opts);
    assert_eq!(report.score, 0.5);
}
