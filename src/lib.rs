//! handoff-coach: coaching the first human message after a support chatbot
//! hands a conversation over.
//!
//! The rules come from a training guide: never make the customer repeat
//! themselves, use what the bot collected, set expectations, narrate, confirm.
//! This crate is the whole of the product's logic. The command line, the
//! browser extension and the demo pages are thin front ends over one
//! [`Engine`], so all three give the same answer for the same input.
//!
//! # How data flows
//!
//! ```text
//! card text ──► Reader::read ──► Context ──┐
//!                                          ├─► Rules::check(phase, mode) ──► Report
//! reply text ──────────────────────────────┘
//! Context ──► opening::build ──► Opening
//! Conversation ──► Auditor::run (Rules::signals per agent message) ──► Audit
//! Pack (TOML) ──► Pack::parse ──► Engine (compiled rules + pack) ── used by all of the above
//! ```
//!
//! # Map
//!
//! * [`context`] reads escalation cards of every shape into a [`Context`].
//! * [`rules`] holds every rule, compiles them once, and checks a reply.
//! * [`pack`] reads and validates TOML rule packs.
//! * [`opening`] builds the ready first message.
//! * [`audit`] scores whole conversations.
//! * [`grade`] grades a trainee's reading of a card against the engine's.
//! * [`span`] is the one place where byte offsets become UTF-16 offsets.
//! * [`text`] folds case, diacritics and apostrophes for comparison.
//! * [`pattern`] compiles and runs every regular expression, in one dialect.
//!
//! The core does no I/O and never panics on any input; the command line
//! (`src/cli/`) and the wasm boundary (`src/wasm.rs`) sit outside it.
#![deny(missing_docs)]

pub mod audit;
pub mod context;
pub mod grade;
pub mod opening;
pub mod pack;
pub mod pattern;
pub mod rules;
pub mod span;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

use serde::Serialize;

pub use audit::{Audit, Conversation};
pub use context::Context;
pub use opening::Opening;
pub use pack::{Pack, PackError};
pub use rules::{CheckOptions, Finding, Mode, Phase, Report, Severity};

/// Everything `check --format json` prints (CONTRACT section 3).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckOutput {
    /// What was read from the card.
    pub context: Context,
    /// What the coach says about the reply.
    pub findings: Vec<Finding>,
    /// The phase's checklist.
    pub checklist: rules::Checklist,
    /// The reply's score.
    pub score: f64,
    /// The ready opening for this context.
    pub opening: Opening,
}

/// The outcome of one of a pack's own tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackTestResult {
    /// 1-based line of the test in the pack.
    pub line: usize,
    /// Rules listed in `fires` that did not fire.
    pub missed: Vec<String>,
    /// Rules listed in `silent` that fired.
    pub unexpected: Vec<String>,
}

impl PackTestResult {
    /// Whether the test passed.
    pub fn passed(&self) -> bool {
        self.missed.is_empty() && self.unexpected.is_empty()
    }
}

/// One coach: the rules compiled with one pack's changes. Build it once and
/// reuse it for every card, keystroke and conversation.
#[derive(Debug, Clone)]
pub struct Engine {
    pack: Pack,
    reader: &'static context::Reader,
    rules: rules::Rules,
    auditor: &'static audit::Auditor,
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new(Pack::default())
    }
}

impl Engine {
    /// An engine with `pack`'s changes applied to the built-in rules.
    ///
    /// What does not depend on the pack (the card reader, the built-in
    /// rules, the audit's patterns) is compiled once per process and shared
    /// by every engine: compiling it is most of an engine's cost (tens of
    /// milliseconds natively), and a pack only adds its own rules on top.
    pub fn new(pack: Pack) -> Engine {
        static READER: std::sync::OnceLock<context::Reader> = std::sync::OnceLock::new();
        static AUDITOR: std::sync::OnceLock<audit::Auditor> = std::sync::OnceLock::new();
        Engine {
            rules: rules::Rules::new(&pack),
            pack,
            reader: READER.get_or_init(context::Reader::new),
            auditor: AUDITOR.get_or_init(audit::Auditor::new),
        }
    }

    /// An engine from a pack's TOML text; a bad pack is refused whole.
    pub fn from_pack_toml(src: &str) -> Result<Engine, PackError> {
        Pack::parse(src).map(Engine::new)
    }

    /// The pack this engine was built with.
    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    /// Reads an escalation card.
    pub fn read(&self, card: &str) -> Context {
        self.reader.read(card)
    }

    /// Checks `reply` against `ctx`.
    pub fn check(&self, ctx: &Context, reply: &str, opts: &CheckOptions) -> Report {
        self.rules.check(ctx, reply, &self.with_agent(opts))
    }

    /// The ready opening for `ctx`, signed by `agent`, else the pack's agent,
    /// else `[Agent]`.
    pub fn opening(&self, ctx: &Context, agent: Option<&str>) -> Opening {
        let agent = agent.or(self.pack.agent.as_deref());
        opening::build(ctx, agent, self.pack.company.as_deref())
    }

    /// Reads `card`, checks `reply` and builds the opening: what `check`
    /// prints.
    pub fn check_card(&self, card: &str, reply: &str, opts: &CheckOptions) -> CheckOutput {
        let context = self.read(card);
        let report = self.check(&context, reply, opts);
        let opening = self.opening(&context, opts.agent.as_deref());
        CheckOutput {
            context,
            findings: report.findings,
            checklist: report.checklist,
            score: report.score,
            opening,
        }
    }

    /// Audits one conversation.
    pub fn audit(&self, conv: &Conversation) -> Audit {
        self.auditor
            .run(self.reader, &self.rules, &self.pack.qa, conv)
    }

    /// Runs the pack's own `[[tests]]`.
    pub fn run_pack_tests(&self) -> Vec<PackTestResult> {
        self.pack
            .tests
            .iter()
            .map(|t| {
                let opts = CheckOptions {
                    phase: t.phase,
                    ..CheckOptions::default()
                };
                let out = self.check_card(&t.card, &t.reply, &opts);
                let fired = |id: &String| out.findings.iter().any(|f| &f.rule == id);
                PackTestResult {
                    line: t.line,
                    missed: t.fires.iter().filter(|id| !fired(id)).cloned().collect(),
                    unexpected: t.silent.iter().filter(|id| fired(id)).cloned().collect(),
                }
            })
            .collect()
    }

    /// `opts` with the pack's agent name filled in when the caller gave none.
    fn with_agent(&self, opts: &CheckOptions) -> CheckOptions {
        let mut opts = opts.clone();
        if opts.agent.is_none() {
            opts.agent = self.pack.agent.clone();
        }
        opts
    }
}
