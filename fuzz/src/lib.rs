//! The bodies of the fuzz targets, and the invariants they assert.
//!
//! Each target calls the public API exactly as a front end does (the command
//! line and the wasm boundary): text in, plain values out, then serialised to
//! JSON as both front ends do. Beyond "no panic", each asserts what every
//! front end relies on: a span is a UTF-16 range on character boundaries
//! inside the text it points into, a score is a number in 0..=1, a finding
//! names a rule that exists, a pack error points inside the pack.
//!
//! This file is compiled twice: as the `handoff_coach_fuzz` library the
//! libFuzzer binaries in `fuzz_targets/` call, and, included by path, by
//! `tests/fuzz_replay.rs` and `tests/hostile_*.rs`, so that a plain
//! `cargo test` on stable replays the saved corpora through the same code.
//! It may therefore use only `handoff_coach`, `serde_json` and `std`.

use std::sync::OnceLock;

use handoff_coach::audit::{self, Role};
use handoff_coach::rules::{self, Kind};
use handoff_coach::span::{byte_of_unit, utf16_len};
use handoff_coach::{CheckOptions, Context, Engine, Finding, Mode, Pack, Phase, Report};

/// Every phase, for targets that try them all.
pub const PHASES: [Phase; 3] = [Phase::First, Phase::Resolution, Phase::Closing];
/// Every mode, for targets that try them all.
pub const MODES: [Mode; 3] = [Mode::Agent, Mode::Trainer, Mode::Qa];

/// The reply the `card` target checks against every card it reads: it asks
/// for known things, blames the bot, apologises twice and does most of the
/// checklist, so most rules look at the card's context.
pub const CARD_REPLY: &str = "Hi Sarah, I'm Alex. I can see you were charged twice for \
order #12345. Could you tell me your order number and email again? Sorry the bot couldn't help, \
I'm so sorry, I apologize. Let me check, it'll take about 2 minutes. How can I help you today?";

/// The engine with the built-in rules, built once per process (patterns are
/// compiled once per engine, as the front ends do).
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::default)
}

/// Fuzz input as text. Invalid UTF-8 becomes U+FFFD, which is what a
/// browser's lone surrogates become at the wasm boundary.
fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// `card`: an escalation card through `Engine::read`; the context must
/// survive the JSON round trip the extension puts it through (read → page →
/// check); then a fixed reply is checked against it in every phase and the
/// opening is built, with and without an agent's name.
pub fn card(data: &[u8]) {
    let card = text(data);
    let engine = engine();
    let ctx = engine.read(&card);
    let json = serde_json::to_string(&ctx).expect("a context serialises");
    let back: Context = serde_json::from_str(&json).expect("a context deserialises");
    assert_eq!(back, ctx, "context JSON round trip");
    for phase in PHASES {
        let opts = CheckOptions {
            phase,
            ..CheckOptions::default()
        };
        let report = engine.check(&ctx, CARD_REPLY, &opts);
        check_report(CARD_REPLY, &report, phase);
    }
    let unsigned = engine.opening(&ctx, None);
    let signed = engine.opening(&ctx, Some("Alex"));
    assert!(!unsigned.text.trim().is_empty(), "empty opening");
    if !card.contains("[Agent]") {
        assert!(
            !signed.text.contains("[Agent]"),
            "a signed opening has a placeholder: {:?}",
            signed.text
        );
    }
    // The opening is text an agent sends: it goes through the rules too.
    let report = engine.check(&ctx, &signed.text, &CheckOptions::default());
    check_report(&signed.text, &report, Phase::First);
}

/// `reply`: arbitrary reply text and arbitrary context fields (see
/// [`reply_input`] for the layout) through `Engine::check` in every phase
/// and every mode.
pub fn reply(data: &[u8]) {
    let input = text(data);
    let (reply, ctx, agent) = reply_input(&input);
    let engine = engine();
    for phase in PHASES {
        for mode in MODES {
            let opts = CheckOptions {
                phase,
                mode,
                agent: agent.clone(),
            };
            let report = engine.check(&ctx, reply, &opts);
            check_report(reply, &report, phase);
        }
    }
    engine.opening(&ctx, agent.as_deref());
}

/// Splits a `reply` input into the reply, a context and an agent name.
///
/// The input is NUL-separated parts: the reply, then `customer_name`,
/// `first_name`, `account`, `escalation_reason`, `sentiment`, `priority`,
/// `summary`, `issue`, `requested_outcome`, then `order_numbers`, `emails`
/// and `ai_tried` one per line, `details` as `label: value` lines, a flags
/// part (`v` sets `vip`, `h` sets `after_hours`, digits give `ai_attempts`)
/// and the agent's name. Missing or empty parts are unknown. A plain,
/// readable layout rather than `arbitrary`'s, so the corpus can be seeded
/// from labelled cards and replies and stays legible when a crash is found.
pub fn reply_input(input: &str) -> (&str, Context, Option<String>) {
    let mut parts = input.split('\0');
    let reply = parts.next().unwrap_or("");
    let mut next = || parts.next().unwrap_or("");
    let one = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let list = |s: &str| {
        s.lines()
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    };
    let mut ctx = Context {
        customer_name: one(next()),
        first_name: one(next()),
        account: one(next()),
        escalation_reason: one(next()),
        sentiment: one(next()),
        priority: one(next()),
        summary: one(next()),
        issue: one(next()),
        requested_outcome: one(next()),
        order_numbers: list(next()),
        emails: list(next()),
        ai_tried: list(next()),
        ..Context::default()
    };
    for line in next().lines() {
        if let Some((label, value)) = line.split_once(':') {
            ctx.details
                .insert(label.to_string(), value.trim().to_string());
        }
    }
    let flags = next();
    ctx.vip = flags.contains('v');
    ctx.after_hours = flags.contains('h');
    let digits: String = flags.chars().filter(char::is_ascii_digit).take(9).collect();
    ctx.ai_attempts = digits.parse().ok();
    let agent = one(next());
    (reply, ctx, agent)
}

/// The `reply` input that [`reply_input`] reads back as `reply`, `ctx` and
/// `agent` (used to seed the corpus from labelled replies).
pub fn reply_seed(reply: &str, ctx: &Context, agent: Option<&str>) -> String {
    let one = |s: &Option<String>| s.clone().unwrap_or_default();
    let details: Vec<String> = ctx
        .details
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    let mut flags = String::new();
    if ctx.vip {
        flags.push('v');
    }
    if ctx.after_hours {
        flags.push('h');
    }
    if let Some(n) = ctx.ai_attempts {
        flags.push_str(&n.to_string());
    }
    [
        reply.to_string(),
        one(&ctx.customer_name),
        one(&ctx.first_name),
        one(&ctx.account),
        one(&ctx.escalation_reason),
        one(&ctx.sentiment),
        one(&ctx.priority),
        one(&ctx.summary),
        one(&ctx.issue),
        one(&ctx.requested_outcome),
        ctx.order_numbers.join("\n"),
        ctx.emails.join("\n"),
        ctx.ai_tried.join("\n"),
        details.join("\n"),
        flags,
        agent.unwrap_or_default().to_string(),
    ]
    .join("\0")
}

/// `pack`: arbitrary TOML through `Pack::parse`. A refused pack must say
/// where, inside the text; an accepted one is built into an engine, which
/// runs the pack's own tests and checks a reply with it.
pub fn pack(data: &[u8]) {
    let src = text(data);
    match Pack::parse(&src) {
        Err(e) => {
            let lines = src.split('\n').count();
            assert!(
                e.line >= 1 && e.line <= lines && e.column >= 1,
                "pack error outside the pack: line {} column {} of {lines} lines: {}",
                e.line,
                e.column,
                e.message
            );
            assert!(!e.message.is_empty(), "pack error without a message");
        }
        Ok(pack) => {
            pack.describe();
            serde_json::to_string(&pack).expect("a pack serialises");
            let engine = Engine::new(pack);
            for result in engine.run_pack_tests() {
                result.passed();
            }
            for phase in PHASES {
                let opts = CheckOptions {
                    phase,
                    ..CheckOptions::default()
                };
                let out =
                    engine.check_card("Customer: Sarah Chen\nOrder #: 12345", CARD_REPLY, &opts);
                check_findings(CARD_REPLY, &out.findings, Some(&engine));
                check_score(out.score);
            }
        }
    }
}

/// `audit_line`: arbitrary bytes as one line of an audit file, as the
/// command line reads it (`line_text`, `parse_line`, `Engine::audit`). An
/// audited line's findings must point into their own message.
pub fn audit_line(data: &[u8]) {
    let Ok(line) = audit::line_text(data) else {
        return;
    };
    if audit::is_blank(line) {
        return;
    }
    let conv = match audit::parse_line(line) {
        Ok(conv) => conv,
        Err(e) => {
            assert!(!e.message.is_empty(), "line error without a message");
            return;
        }
    };
    let engine = engine();
    let audited = engine.audit(&conv);
    serde_json::to_string(&audited).expect("an audit serialises");
    assert_eq!(audited.id, conv.id);
    if let Some(score) = audited.score {
        check_score(score);
    }
    if let Some(u) = audited.metrics.context_utilization {
        check_score(u);
    }
    if let Some(t) = audited.metrics.time_to_first_response_s {
        assert!(t.is_finite(), "time to first response {t}");
    }
    for m in &audited.messages {
        let message = conv
            .messages
            .get(m.index)
            .unwrap_or_else(|| panic!("message index {} out of range", m.index));
        assert_eq!(message.role, Role::Agent, "findings on a non-agent message");
        check_findings(&message.text, &m.findings, None);
    }
}

/// What every report must satisfy: spans inside the reply on character
/// boundaries, known rules, a score in 0..=1, a checklist of `phase`'s
/// items only.
pub fn check_report(reply: &str, report: &Report, phase: Phase) {
    check_findings(reply, &report.findings, None);
    check_score(report.score);
    for (id, _) in &report.checklist.0 {
        let info = rules::info(id).unwrap_or_else(|| panic!("unknown checklist item {id}"));
        assert_eq!(
            info.kind,
            Kind::Checklist(phase),
            "{id} in the {phase:?} checklist"
        );
    }
}

/// A score (or a share) is a finite number in 0..=1.
pub fn check_score(score: f64) {
    assert!(
        score.is_finite() && (0.0..=1.0).contains(&score),
        "score {score}"
    );
}

/// Every finding names a rule that exists (a built-in one, or one of
/// `engine`'s pack when given), has both offsets or neither, and its
/// offsets are UTF-16 code units on character boundaries inside `text`.
pub fn check_findings(text: &str, findings: &[Finding], engine: Option<&Engine>) {
    let mut ends = Vec::with_capacity(findings.len() * 2);
    for f in findings {
        let custom = engine.is_some_and(|e| e.pack().custom.iter().any(|c| c.id == f.rule));
        let info = rules::info(&f.rule);
        assert!(
            info.is_some() || custom || (engine.is_none() && f.rule.starts_with("custom.")),
            "unknown rule {}",
            f.rule
        );
        match (f.start, f.end) {
            (Some(start), Some(end)) => {
                assert!(start <= end, "{}: span {start}..{end} backwards", f.rule);
                assert!(
                    info.map_or(true, |i| i.kind == Kind::Phrase),
                    "{}: a checklist item with a span",
                    f.rule
                );
                ends.extend([start, end]);
            }
            (None, None) => assert!(
                info.is_some_and(|i| matches!(i.kind, Kind::Checklist(_))),
                "{}: a phrase finding without a span",
                f.rule
            ),
            _ => panic!("{}: half a span {:?}..{:?}", f.rule, f.start, f.end),
        }
    }
    check_units(text, &ends);
}

/// Each of `units` is a UTF-16 offset of a character boundary of `text`
/// (0 and the length included). The way back through `byte_of_unit` must
/// land on the same offset: a unit inside a surrogate pair would not.
/// One pass over `text` for all of them, so a 1 MB reply with many findings
/// stays cheap.
pub fn check_units(text: &str, units: &[usize]) {
    let len = utf16_len(text);
    let mut sorted = units.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut wanted = sorted.iter().copied().peekable();
    let mut unit = 0;
    for c in text.chars().chain(std::iter::once('\0')) {
        while let Some(&u) = wanted.peek() {
            if u > unit {
                break;
            }
            assert_eq!(
                u, unit,
                "offset {u} inside a character (text of {len} units)"
            );
            wanted.next();
        }
        unit += c.len_utf16();
    }
    if let Some(u) = wanted.next() {
        panic!("offset {u} past the end ({len} units)");
    }
    // The way back, as a browser's offsets come in: spot-check a few so a
    // long text with many findings stays linear.
    for &u in sorted.iter().take(16) {
        let byte = byte_of_unit(text, u);
        assert_eq!(utf16_len(&text[..byte]), u, "byte_of_unit({u}) disagrees");
    }
}
