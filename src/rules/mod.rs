//! The rules: what a reply must never ask, what it should avoid, what the
//! first message and the closing must do (CONTRACT section 2).
//!
//! Each family lives in its own file; [`RULES`] lists every built-in rule once,
//! with its id, its kind and its default severity. A rule pack
//! ([`crate::pack`]) can switch a rule off, change its severity, add phrases
//! and add `custom.*` rules; [`Rules::new`] compiles all of it once, so the
//! same compiled rules serve every keystroke.
//!
//! Checking a reply has two steps. [`Rules::signals`] reads the reply once and
//! says what it does (uses the name, sets a timeline, asks for a known detail
//! …); [`Rules::check`] turns those signals into the findings, checklist and
//! score of one phase. The audit reuses the signals of every agent message.

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::pack::Pack;

/// Which message of the handoff a reply is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// The agent's first message after the handoff.
    #[default]
    First,
    /// Any message between the first and the closing.
    Resolution,
    /// The message that wraps the conversation up.
    Closing,
}

/// Who is being coached, which decides how loud a missing item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Live hints while typing: a missing checklist item is a hint.
    #[default]
    Agent,
    /// Strict coaching: a missing checklist item is an error.
    Trainer,
    /// Quality review: a missing checklist item is a warning.
    Qa,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed.
    Error,
    /// Should be fixed.
    Warning,
    /// Worth a look.
    Hint,
}

/// What a rule is, which decides when it applies and how it is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Fires on words of the reply, in every phase, with a span.
    Phrase,
    /// A checklist item of one phase: reported without a span when missing.
    Checklist(Phase),
}

/// A built-in rule: its stable id, its kind and its default severity.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// The stable id (CONTRACT section 2).
    pub id: &'static str,
    /// When it applies and how it is reported.
    pub kind: Kind,
    /// Severity before mode and pack.
    pub severity: Severity,
}

const fn phrase(id: &'static str, severity: Severity) -> RuleInfo {
    RuleInfo {
        id,
        kind: Kind::Phrase,
        severity,
    }
}

const fn item(id: &'static str, phase: Phase) -> RuleInfo {
    RuleInfo {
        id,
        kind: Kind::Checklist(phase),
        severity: Severity::Hint,
    }
}

/// Every built-in rule, once. Order is report order.
pub const RULES: &[RuleInfo] = &[
    phrase("never-ask.generic-opener", Severity::Error),
    phrase("never-ask.order-number", Severity::Error),
    phrase("never-ask.explain-again", Severity::Error),
    phrase("never-ask.known-detail", Severity::Error),
    phrase("avoid.blame-ai", Severity::Warning),
    phrase("avoid.over-apologize", Severity::Warning),
    item("always.use-name", Phase::First),
    item("always.introduce-self", Phase::First),
    item("always.acknowledge-issue", Phase::First),
    item("always.reference-context", Phase::First),
    item("always.state-action", Phase::First),
    item("always.set-timeline", Phase::First),
    RuleInfo {
        id: "tone.empathy-missing",
        kind: Kind::Checklist(Phase::First),
        severity: Severity::Warning,
    },
    item("close.summarize", Phase::Closing),
    item("close.next-steps", Phase::Closing),
    item("close.anything-else", Phase::Closing),
    item("close.thank", Phase::Closing),
];

/// The QA checklist items of one conversation (CONTRACT section 2).
pub const QA_ITEMS: &[&str] = &[
    "qa.used-name",
    "qa.referenced-ai",
    "qa.no-repeat-questions",
    "qa.set-expectations",
    "qa.narrated-actions",
    "qa.confirmed-resolution",
    "qa.tone-matched",
];

/// The built-in rule with this id.
pub fn info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

/// How to check one reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckOptions {
    /// Which message of the handoff this is.
    pub phase: Phase,
    /// Who is being coached.
    pub mode: Mode,
    /// The agent's name, when known: it helps recognise a self-introduction.
    pub agent: Option<String>,
}

/// One thing the coach says about a reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's id.
    pub rule: String,
    /// How serious it is, after mode and pack.
    pub severity: Severity,
    /// First UTF-16 code unit of the offending words; `None` for a missing
    /// checklist item.
    pub start: Option<usize>,
    /// One past the last UTF-16 code unit; `None` for a missing checklist item.
    pub end: Option<usize>,
    /// Why it matters, in the guide's words where it has them.
    pub message: String,
    /// A better wording built from the context, where one can be built.
    pub suggestion: Option<String>,
}

/// The checklist of one phase: each item `Some(true)` (satisfied),
/// `Some(false)` (missing) or `None` (not applicable), in [`RULES`] order.
/// Serialises as a JSON object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checklist(pub Vec<(String, Option<bool>)>);

impl Checklist {
    /// The value of item `id`: `None` when the item is not in this checklist.
    pub fn get(&self, id: &str) -> Option<Option<bool>> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| *v)
    }
}

impl Serialize for Checklist {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// The result of checking one reply.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Every finding, spans first in reply order, then missing items.
    pub findings: Vec<Finding>,
    /// The phase's checklist.
    pub checklist: Checklist,
    /// Share of the checklist satisfied, less what the findings cost (README).
    pub score: f64,
}

/// What one message does, read once; the checklist of any phase and the QA
/// items of a conversation are built from these.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Signals {
    /// Greets with the customer's first name, full name or title + surname.
    pub uses_name: bool,
    /// Says who the agent is.
    pub introduces_self: bool,
    /// Names the customer's issue, order number or wanted outcome.
    pub acknowledges_issue: bool,
    /// Shows that the bot conversation was read.
    pub references_context: bool,
    /// Says what the agent is doing next.
    pub states_action: bool,
    /// Gives an amount of time or a deadline.
    pub sets_timeline: bool,
    /// Plainly acknowledges the customer's feeling.
    pub shows_empathy: bool,
    /// Says what was done (closing).
    pub summarizes: bool,
    /// Says what happens next (closing).
    pub next_steps: bool,
    /// Asks whether there is anything else, or invites more.
    pub anything_else: bool,
    /// Thanks the customer.
    pub thanks: bool,
    /// Checks with the customer that the fix worked for them.
    pub confirms_resolution: bool,
    /// Breezy or jokey in a way that does not match an upset customer.
    pub casual_tone: bool,
}

/// The compiled rules of one engine: built-ins plus a pack's changes.
#[derive(Debug, Clone)]
pub struct Rules {
    pack: Pack,
}

impl Rules {
    /// Compiles the built-in rules with `pack`'s changes applied. The pack is
    /// already validated, so this cannot fail.
    pub fn new(pack: &Pack) -> Rules {
        Rules { pack: pack.clone() }
    }

    /// What `reply` does, against `ctx`.
    pub fn signals(&self, ctx: &Context, reply: &str, opts: &CheckOptions) -> Signals {
        let _ = (ctx, reply, opts, &self.pack);
        Signals::default()
    }

    /// Findings, checklist and score of `reply` as the message of `opts.phase`.
    pub fn check(&self, ctx: &Context, reply: &str, opts: &CheckOptions) -> Report {
        let _ = self.signals(ctx, reply, opts);
        Report {
            findings: Vec::new(),
            checklist: Checklist::default(),
            score: 0.0,
        }
    }
}
