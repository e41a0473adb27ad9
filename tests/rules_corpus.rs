//! The labelled corpus (`../shared/corpus/replies.jsonl`) against the rules:
//! every `must_fire` present, every `must_not_fire` absent, every
//! `checklist` value equal, every `span_hints` entry overlapped by a finding
//! of its rule. Prints the pass rate per rule; fails below 97% for any rule
//! and on any miss at all (the corpus is a floor, not the target).
//!
//! Contexts come from the card reader, with the card's labelled `expect`
//! fields laid over what it read (the labels are certain; the reader may
//! still be in progress), and the card's text as `summary` where neither
//! has one.

mod rules_support;

use std::collections::BTreeMap;

use handoff_coach::{CheckOptions, Context, Phase};
use rules_support::{corpus, engine};
use serde_json::Value;

/// The context of every card, by id: what the reader read, with the
/// card's labelled fields laid over it when `labelled`.
fn contexts(labelled: bool) -> BTreeMap<String, Context> {
    let engine = engine();
    corpus("cards.jsonl")
        .into_iter()
        .map(|card| {
            let text = card["card"].as_str().expect("card text");
            let mut ctx = serde_json::to_value(engine.read(text)).expect("context serialises");
            if let (Some(ctx), Some(expect), true) =
                (ctx.as_object_mut(), card["expect"].as_object(), labelled)
            {
                for (k, v) in expect {
                    ctx.insert(k.clone(), v.clone());
                }
                if ctx.get("summary").map_or(true, Value::is_null) {
                    ctx.insert("summary".into(), Value::String(text.to_string()));
                }
            }
            let id = card["id"].as_str().expect("card id").to_string();
            (
                id,
                serde_json::from_value(ctx).expect("context deserialises"),
            )
        })
        .collect()
}

fn phase(s: &str) -> Phase {
    match s {
        "resolution" => Phase::Resolution,
        "closing" => Phase::Closing,
        _ => Phase::First,
    }
}

#[derive(Default)]
struct Tally {
    checks: usize,
    misses: Vec<String>,
}

/// Checks every reply against the contexts, prints the pass rate per rule
/// and returns what failed: misses, and rules under `floor`.
fn run(contexts: &BTreeMap<String, Context>, floor: f64) -> Vec<String> {
    let engine = engine();
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut note = |rule: &str, ok: bool, what: String| {
        let t = tally.entry(rule.to_string()).or_default();
        t.checks += 1;
        if !ok {
            t.misses.push(what);
        }
    };
    for r in corpus("replies.jsonl") {
        let id = r["id"].as_str().expect("id");
        let ctx = &contexts[r["card_id"].as_str().expect("card_id")];
        let reply = r["reply"].as_str().expect("reply");
        let opts = CheckOptions {
            phase: phase(r["phase"].as_str().unwrap_or("first")),
            ..CheckOptions::default()
        };
        let report = engine.check(ctx, reply, &opts);
        let fired = |rule: &str| report.findings.iter().any(|f| f.rule == rule);
        let ids = |key: &str| {
            r[key]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
        };
        for rule in ids("must_fire") {
            note(rule, fired(rule), format!("{id}: {rule} should fire"));
        }
        for rule in ids("must_not_fire") {
            note(rule, !fired(rule), format!("{id}: {rule} should not fire"));
        }
        for (rule, want) in r["checklist"].as_object().into_iter().flatten() {
            let got = report.checklist.get(rule);
            note(
                rule,
                got == Some(want.as_bool()),
                format!("{id}: checklist {rule} = {got:?}, want {want}"),
            );
        }
        for hint in r["span_hints"].as_array().into_iter().flatten() {
            let rule = hint["rule"].as_str().expect("hint rule");
            let (start, end) = (
                hint["start"].as_u64().unwrap_or(0) as usize,
                hint["end"].as_u64().unwrap_or(0) as usize,
            );
            let hit = report.findings.iter().any(|f| {
                f.rule == rule
                    && matches!((f.start, f.end), (Some(s), Some(e)) if s < end && start < e)
            });
            note(
                rule,
                hit,
                format!(
                    "{id}: no {rule} finding over {start}..{end} ({:?})",
                    hint["text"]
                ),
            );
        }
    }

    let mut failed = Vec::new();
    println!("{:<28} {:>6} {:>6}", "rule", "checks", "pass");
    for (rule, t) in &tally {
        let rate = 1.0 - t.misses.len() as f64 / t.checks as f64;
        println!("{rule:<28} {:>6} {:>5.1}%", t.checks, rate * 100.0);
        for m in &t.misses {
            println!("    {m}");
        }
        if rate < floor {
            failed.push(format!("{rule}: {:.1}%", rate * 100.0));
        }
    }
    failed
}

#[test]
fn every_labelled_reply() {
    let contexts = contexts(true);
    let failed = run(&contexts, 1.0);
    assert!(failed.is_empty(), "corpus misses:\n{}", failed.join("\n"));
}

/// The same replies with contexts from the card reader alone, as the
/// command line and the extension see them: the floor is 97% per rule.
#[test]
fn every_reply_through_the_reader() {
    let contexts = contexts(false);
    let failed = run(&contexts, 0.97);
    assert!(
        failed.is_empty(),
        "rules under 97% through the reader:\n{}",
        failed.join("\n")
    );
}

/// A suggestion, accepted as it stands, does not make the mistake it fixes
/// or another one: checked as a reply of its own, no never-ask or avoid
/// finding.
#[test]
fn suggestions_do_not_repeat_the_mistake() {
    let contexts = contexts(false);
    let engine = engine();
    let mut bad = Vec::new();
    let mut seen = 0;
    for r in corpus("replies.jsonl") {
        let ctx = &contexts[r["card_id"].as_str().expect("card_id")];
        let reply = r["reply"].as_str().expect("reply");
        let phase = phase(r["phase"].as_str().unwrap_or("first"));
        let opts = CheckOptions {
            phase,
            ..CheckOptions::default()
        };
        for f in engine.check(ctx, reply, &opts).findings {
            let Some(suggestion) = f.suggestion.as_deref() else {
                continue;
            };
            seen += 1;
            for g in engine.check(ctx, suggestion, &opts).findings {
                if g.rule.starts_with("never-ask.") || g.rule.starts_with("avoid.") {
                    bad.push(format!(
                        "{}: {} suggests {suggestion:?}, which fires {}",
                        r["id"], f.rule, g.rule
                    ));
                }
            }
        }
    }
    assert!(seen > 100, "only {seen} suggestions");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
