//! The audit reads each agent message once with `Rules::judge`, against a
//! `Known` shared by the conversation's messages; that must give exactly
//! what `Rules::signals` and `Rules::check` give apart, for every reply of
//! the corpus, in every phase and mode.

use handoff_coach::context::Reader;
use handoff_coach::rules::{Known, Rules};
use handoff_coach::{CheckOptions, Mode, Pack, Phase};
use serde_json::Value;

fn corpus(name: &str) -> Vec<Value> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    std::fs::read_to_string(path)
        .expect("corpus file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line"))
        .collect()
}

#[test]
fn judge_is_signals_and_check_in_one_read() {
    let cards: Vec<Value> = corpus("cards.jsonl");
    let card = |id: &Value| {
        cards
            .iter()
            .find(|c| &c["id"] == id)
            .map(|c| c["card"].as_str().unwrap())
            .unwrap()
    };
    let reader = Reader::new();
    let rules = Rules::new(&Pack::default());
    let mut compared = 0;
    for r in corpus("replies.jsonl") {
        let ctx = reader.read(card(&r["card_id"]));
        let reply = r["reply"].as_str().unwrap();
        // One `Known` for every phase and mode, as an audit shares one
        // across a conversation's messages.
        let known = Known::new(ctx.clone());
        for phase in [Phase::First, Phase::Resolution, Phase::Closing] {
            for mode in [Mode::Agent, Mode::Qa] {
                let opts = CheckOptions {
                    phase,
                    mode,
                    agent: Some("Alex".into()),
                };
                let (signals, report) = rules.judge(&known, reply, &opts);
                assert_eq!(
                    signals,
                    rules.signals(&ctx, reply, &opts),
                    "{} {phase:?}",
                    r["id"]
                );
                assert_eq!(
                    report,
                    rules.check(&ctx, reply, &opts),
                    "{} {phase:?}",
                    r["id"]
                );
                compared += 1;
            }
        }
    }
    assert!(compared >= 600, "{compared}");
}
