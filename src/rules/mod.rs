//! The rules: what a reply must never ask, what it should avoid, what the
//! first message and the closing must do (CONTRACT section 2).
//!
//! # Map
//!
//! One file per family, so each can be read, tested and changed alone:
//!
//! * `never_ask` — questions the bot already answered: a request form, for
//!   something the context holds, not negated, not quoted back;
//! * `avoid` — blaming the bot, piling up apologies;
//! * `always` — the first message's checklist (name, introduction, issue,
//!   reading the chat, action, timeline);
//! * `tone` — acknowledging the feeling, and breeziness;
//! * `close` — the closing's checklist, and confirming the fix.
//!
//! Under the families, shared by all of them:
//!
//! * `known` works out once per context what the rules compare replies
//!   with (the issue's words, the names folded, the order numbers), so a
//!   conversation's messages share it ([`Known`]);
//! * `sentences` splits a reply once into sentences and clauses, with an
//!   ASCII-lower-cased copy every pattern runs on;
//! * `words` reduces text to content words (folded, stemmed, with a few
//!   shared concepts) to compare a reply with what the context says the
//!   issue is.
//!
//! And around them: `messages` says why and what to write instead (the ready
//! opening uses its helpers too), `score` turns findings into severities and
//! one number, `custom` compiles what a rule pack adds, `explain` says why
//! each rule exists, in the guide's words, for trainees and reviewers.
//!
//! Every pattern is written in lower case and compiled once, in
//! [`Rules::new`], for the lower-cased reply ([`crate::pattern::Pattern::lowercase`]).
//!
//! # Checking a reply
//!
//! [`RULES`] lists every built-in rule once, with its id, its kind and its
//! default severity. A rule pack ([`crate::pack`]) can switch a rule off,
//! change its severity, add phrases and add `custom.*` rules.
//!
//! [`Rules::signals`] reads the reply once and says what it does (uses the
//! name, sets a timeline, …); [`Rules::check`] adds the findings with a span
//! (never-ask, avoid, custom) and turns the signals the phase needs into its
//! checklist and score. The audit reuses the signals of every agent message.

mod always;
mod avoid;
mod close;
mod custom;
mod explain;
mod known;
mod messages;
mod never_ask;
mod scan;
mod score;
mod sentences;
mod tone;
mod words;

pub use known::Known;
pub(crate) use messages::{action_phrase, greeting_name, issue_phrase};
pub(crate) use tone::needs_empathy;
pub(crate) use words::content_words;

pub use explain::{explain, Explanation};

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::pack::{Pack, Setting};
use crate::pattern::Pattern;
use crate::span::Utf16Mapper;

use never_ask::Ask;
use sentences::Reply;

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
    /// Narrates what the agent is doing or has done ("I'm looking at your
    /// March transactions now", "I've refunded…"), or says what they will do.
    pub narrates_action: bool,
    /// Quotes one of the context's order numbers.
    pub mentions_order_number: bool,
    /// Uses the words of the context's issue, summary, escalation reason or
    /// wanted outcome (the issue itself, without the order number).
    pub names_issue: bool,
}

impl Signals {
    /// Every signal: what [`Rules::signals`] reads.
    pub const ALL: Signals = Signals {
        uses_name: true,
        introduces_self: true,
        acknowledges_issue: true,
        references_context: true,
        states_action: true,
        sets_timeline: true,
        shows_empathy: true,
        summarizes: true,
        next_steps: true,
        anything_else: true,
        thanks: true,
        confirms_resolution: true,
        casual_tone: true,
        narrates_action: true,
        mentions_order_number: true,
        names_issue: true,
    };

    /// The signals the checklist of `phase` is made of: as a set of wanted
    /// signals, all a [`Rules::check`] of that phase reads.
    pub fn of_phase(phase: Phase) -> Signals {
        let mut s = Signals::default();
        for r in RULES.iter().filter(|r| r.kind == Kind::Checklist(phase)) {
            if let Some(flag) = signal_mut(&mut s, r.id) {
                *flag = true;
            }
        }
        s
    }

    /// Each signal true in `self` or in `other`.
    pub fn or(self, other: &Signals) -> Signals {
        Signals {
            uses_name: self.uses_name || other.uses_name,
            introduces_self: self.introduces_self || other.introduces_self,
            acknowledges_issue: self.acknowledges_issue || other.acknowledges_issue,
            references_context: self.references_context || other.references_context,
            states_action: self.states_action || other.states_action,
            sets_timeline: self.sets_timeline || other.sets_timeline,
            shows_empathy: self.shows_empathy || other.shows_empathy,
            summarizes: self.summarizes || other.summarizes,
            next_steps: self.next_steps || other.next_steps,
            anything_else: self.anything_else || other.anything_else,
            thanks: self.thanks || other.thanks,
            confirms_resolution: self.confirms_resolution || other.confirms_resolution,
            casual_tone: self.casual_tone || other.casual_tone,
            narrates_action: self.narrates_action || other.narrates_action,
            mentions_order_number: self.mentions_order_number || other.mentions_order_number,
            names_issue: self.names_issue || other.names_issue,
        }
    }
}

/// Compiles a built-in pattern for [`Reply::lower`] (see
/// [`Pattern::lowercase`]): every rule pattern is written in lower case and
/// runs on the lower-cased reply. Built-in patterns are constants, and
/// `rules::tests::every_built_in_pattern_compiles` builds them all, so this
/// cannot fail at run time.
pub(crate) fn pat(src: &str) -> Pattern {
    assert!(
        !src.bytes().any(|b| b.is_ascii_uppercase()),
        "rule patterns are written in lower case: {src}"
    );
    Pattern::lowercase(src).unwrap_or_else(|e| panic!("built-in pattern does not compile: {e}"))
}

/// The compiled rules of one engine: the built-ins, shared, plus a pack's
/// changes.
#[derive(Debug, Clone)]
pub struct Rules {
    built_in: &'static BuiltIn,
    pack: custom::PackRules,
}

/// The built-in rule families. They do not depend on the pack, so they are
/// compiled once per process and every [`Rules`] shares them: compiling
/// them is most of what building an engine costs (tens of milliseconds
/// natively), and a pack only adds rules of its own.
#[derive(Debug)]
pub(crate) struct BuiltIn {
    never_ask: never_ask::NeverAsk,
    avoid: avoid::Avoid,
    always: always::Always,
    tone: tone::Tone,
    close: close::Close,
    /// Every pattern above that reads whole replies, as one set.
    scan: scan::Scan,
}

impl BuiltIn {
    /// Compiles the built-in rules (see [`BuiltIn::shared`]).
    pub(crate) fn new() -> BuiltIn {
        let mut patterns = scan::Patterns::default();
        BuiltIn {
            never_ask: never_ask::NeverAsk::new(&mut patterns),
            avoid: avoid::Avoid::new(&mut patterns),
            always: always::Always::new(&mut patterns),
            tone: tone::Tone::new(&mut patterns),
            close: close::Close::new(&mut patterns),
            scan: patterns.finish(),
        }
    }

    /// The process's one compiled copy.
    fn shared() -> &'static BuiltIn {
        static SHARED: std::sync::OnceLock<BuiltIn> = std::sync::OnceLock::new();
        SHARED.get_or_init(BuiltIn::new)
    }
}

/// A finding before its severity and offsets leave the core: byte span.
struct Hit {
    rule: String,
    span: std::ops::Range<usize>,
    severity: Severity,
    message: String,
    suggestion: Option<String>,
}

impl Rules {
    /// The built-in rules with `pack`'s changes applied. The pack is
    /// already validated, so this cannot fail.
    pub fn new(pack: &Pack) -> Rules {
        Rules {
            built_in: BuiltIn::shared(),
            pack: custom::PackRules::new(pack),
        }
    }

    /// What `reply` does, against `ctx`.
    pub fn signals(&self, ctx: &Context, reply: &str, opts: &CheckOptions) -> Signals {
        let reply = self.built_in.scan.reply(reply);
        self.read(&Known::new(ctx.clone()), &reply, opts, &Signals::ALL)
    }

    /// Reads the signals of `reply` that `want` holds true (a check on every
    /// keystroke should not pay for the closing's patterns while the agent
    /// types an opening, nor an audit for what an earlier message already
    /// showed); the others stay false.
    fn read(&self, known: &Known, reply: &Reply, opts: &CheckOptions, want: &Signals) -> Signals {
        let agent = opts
            .agent
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty());
        let mut s = Signals::default();
        if want.uses_name
            || want.introduces_self
            || want.acknowledges_issue
            || want.references_context
            || want.states_action
            || want.sets_timeline
            || want.narrates_action
            || want.mentions_order_number
            || want.names_issue
        {
            let first = self.built_in.always.find(reply, known, agent, want);
            s.uses_name = first.uses_name;
            s.introduces_self = first.introduces_self;
            s.acknowledges_issue = first.names_issue || first.mentions_order;
            s.references_context = first.references_context;
            s.states_action = first.states_action;
            s.sets_timeline = first.sets_timeline;
            s.narrates_action = first.narrates_action;
            s.mentions_order_number = first.mentions_order;
            s.names_issue = first.names_issue;
        }
        if want.shows_empathy {
            s.shows_empathy = self.built_in.tone.acknowledges_feeling(reply);
        }
        if want.summarizes
            || want.next_steps
            || want.anything_else
            || want.thanks
            || want.confirms_resolution
        {
            let close = self.built_in.close.find(reply, &self.built_in.always, want);
            s.summarizes = close.summarizes;
            s.next_steps = close.next_steps;
            s.anything_else = close.anything_else;
            s.thanks = close.thanks;
            s.confirms_resolution = close.confirms_resolution;
        }
        if want.casual_tone {
            s.casual_tone = self.built_in.tone.casual(reply);
        }
        // A pack's extra phrases for a checklist rule count as satisfying it.
        for id in self.pack.phrase_rules() {
            if self.pack.has_phrase(id, reply.text) {
                if let Some(flag) = signal_mut(&mut s, id) {
                    *flag = true;
                }
            }
        }
        s
    }

    /// Findings, checklist and score of `reply` as the message of `opts.phase`.
    pub fn check(&self, ctx: &Context, reply: &str, opts: &CheckOptions) -> Report {
        let reply = self.built_in.scan.reply(reply);
        let known = Known::new(ctx.clone());
        let signals = self.read(&known, &reply, opts, &Signals::of_phase(opts.phase));
        self.report(&known, &reply, &signals, opts)
    }

    /// Every signal of `reply` and its [`Report`] as the message of
    /// `opts.phase`, reading the reply once: what the audit needs of each
    /// agent message, at the cost of one [`Rules::signals`] instead of it
    /// and a [`Rules::check`]. The context comes as a [`Known`], so that the
    /// messages of one conversation share what is worked out from it.
    pub fn judge(&self, known: &Known, reply: &str, opts: &CheckOptions) -> (Signals, Report) {
        self.judge_some(known, reply, opts, &Signals::ALL)
    }

    /// [`Rules::judge`], reading only the signals `want` holds true besides
    /// those the checklist of `opts.phase` needs; the others are false. An
    /// audit asks a later message only for what no earlier one showed.
    pub fn judge_some(
        &self,
        known: &Known,
        reply: &str,
        opts: &CheckOptions,
        want: &Signals,
    ) -> (Signals, Report) {
        let reply = self.built_in.scan.reply(reply);
        let want = want.or(&Signals::of_phase(opts.phase));
        let signals = self.read(known, &reply, opts, &want);
        let report = self.report(known, &reply, &signals, opts);
        (signals, report)
    }

    /// The report of a reply whose signals are read.
    fn report(
        &self,
        known: &Known,
        reply: &Reply,
        signals: &Signals,
        opts: &CheckOptions,
    ) -> Report {
        let text = reply.text;
        let mut hits = self.phrase_hits(known, reply, opts.phase);
        in_order(&mut hits, |h| [h.span.start, h.span.end, 0]);

        let agent = opts
            .agent
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty());
        let mut checklist = Vec::new();
        let mut missing = Vec::new();
        for info in RULES
            .iter()
            .filter(|r| r.kind == Kind::Checklist(opts.phase))
        {
            if self.pack.is_off(info.id) {
                continue;
            }
            let value = item_value(info.id, known, signals);
            checklist.push((info.id.to_string(), value));
            if value == Some(false) {
                let (message, suggestion) = messages::missing(info.id, known, agent);
                let severity = score::missing_severity(info, opts.mode, self.pack.setting(info.id));
                missing.push(Finding {
                    rule: info.id.to_string(),
                    severity,
                    start: None,
                    end: None,
                    message,
                    suggestion,
                });
            }
        }

        let mut units = Utf16Mapper::new(text);
        let mut findings: Vec<Finding> = hits
            .into_iter()
            .map(|h| {
                let span = units.span(h.span.start, h.span.end);
                Finding {
                    rule: h.rule,
                    severity: h.severity,
                    start: Some(span.start),
                    end: Some(span.end),
                    message: h.message,
                    suggestion: h.suggestion,
                }
            })
            .collect();
        findings.extend(missing);
        let checklist = Checklist(checklist);
        let score = score::score(&checklist, &findings);
        Report {
            findings,
            checklist,
            score,
        }
    }

    /// Every finding with a span: never-ask, avoid, pack phrases, custom.
    fn phrase_hits(&self, known: &Known, reply: &Reply, phase: Phase) -> Vec<Hit> {
        let ctx = known.context();
        let mut asks = self
            .built_in
            .never_ask
            .find(reply, known, phase == Phase::First);
        for &id in never_ask::PRIORITY {
            for span in self.pack.phrase_hits(id, reply.text) {
                // An order number the context does not hold cannot be asked
                // again, whatever words ask for it.
                let held = id != "never-ask.order-number" || !ctx.order_numbers.is_empty();
                if held && !self.built_in.never_ask.negated(reply, span.start) {
                    let asked = match id {
                        "never-ask.order-number" => never_ask::Asked::Order,
                        "never-ask.explain-again" => never_ask::Asked::Story,
                        "never-ask.generic-opener" => never_ask::Asked::Problem,
                        _ => never_ask::Asked::Detail(usize::MAX),
                    };
                    asks.push(Ask {
                        rule: id,
                        span,
                        asked,
                    });
                }
            }
        }
        let mut hits = Vec::new();
        for ask in never_ask::resolve(asks) {
            let (message, suggestion) = match ask.asked {
                never_ask::Asked::Detail(usize::MAX) => (
                    format!("Asking for a known detail. {}", messages::WHY_COLLECTED),
                    None,
                ),
                asked => messages::never_ask(asked, known),
            };
            self.push(&mut hits, ask.rule, ask.span, message, suggestion);
        }
        let apologies = self.built_in.avoid.apologies(reply);
        let mut blame: Vec<_> = self.built_in.avoid.blame(reply, &apologies);
        blame.extend(self.pack.phrase_hits("avoid.blame-ai", reply.text));
        for span in blame {
            let (message, suggestion) = messages::blame_ai();
            self.push(&mut hits, "avoid.blame-ai", span, message, suggestion);
        }
        let piled = avoid::Avoid::over_apologizes(&apologies)
            .into_iter()
            .chain(self.pack.phrase_hits("avoid.over-apologize", reply.text));
        for span in piled {
            let (message, suggestion) = messages::over_apologize(apologies.len().max(2));
            self.push(&mut hits, "avoid.over-apologize", span, message, suggestion);
        }
        for (rule, span) in self.pack.custom_hits(reply.text) {
            let severity = match rule.setting {
                Setting::On(s) => s,
                Setting::Off => continue,
            };
            hits.push(Hit {
                rule: rule.id.clone(),
                span,
                severity,
                message: rule.message.clone(),
                suggestion: rule.suggestion.clone(),
            });
        }
        hits
    }

    /// Adds a built-in phrase rule's hit, unless the pack switched it off.
    fn push(
        &self,
        hits: &mut Vec<Hit>,
        id: &str,
        span: std::ops::Range<usize>,
        message: String,
        suggestion: Option<String>,
    ) {
        let Some(rule) = info(id) else { return };
        if self.pack.is_off(id) {
            return;
        }
        let severity = score::phrase_severity(rule, self.pack.setting(id));
        hits.push(Hit {
            rule: id.to_string(),
            span,
            severity,
            message,
            suggestion,
        });
    }
}

/// The value of checklist item `id`: `None` when it does not apply.
fn item_value(id: &str, known: &Known, s: &Signals) -> Option<bool> {
    let ctx = known.context();
    match id {
        "always.use-name" if !known.named => None,
        "always.acknowledge-issue"
            if known.terms.is_empty() && ctx.order_numbers.iter().all(|o| o.trim().is_empty()) =>
        {
            None
        }
        "tone.empathy-missing" if !known.upset => None,
        _ => {
            let mut s = *s;
            signal_mut(&mut s, id).map(|v| *v)
        }
    }
}

/// The signal that satisfies checklist item `id`.
fn signal_mut<'s>(s: &'s mut Signals, id: &str) -> Option<&'s mut bool> {
    Some(match id {
        "always.use-name" => &mut s.uses_name,
        "always.introduce-self" => &mut s.introduces_self,
        "always.acknowledge-issue" => &mut s.acknowledges_issue,
        "always.reference-context" => &mut s.references_context,
        "always.state-action" => &mut s.states_action,
        "always.set-timeline" => &mut s.sets_timeline,
        "tone.empathy-missing" => &mut s.shows_empathy,
        "close.summarize" => &mut s.summarizes,
        "close.next-steps" => &mut s.next_steps,
        "close.anything-else" => &mut s.anything_else,
        "close.thank" => &mut s.thanks,
        _ => return None,
    })
}

/// Sorts `items` by `key`, stably (items with equal keys keep their order).
///
/// One sort for every list the rules order, by spans and ranks: each
/// `sort_by_key` on another item type instantiates the standard library's
/// stable sort again, a few KB of the wasm each; here only the keys, with
/// each item's place as the last one, are sorted, always as one type.
pub(crate) fn in_order<T>(items: &mut Vec<T>, key: impl Fn(&T) -> [usize; 3]) {
    let mut keys: Vec<([usize; 3], usize)> =
        items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        keys.iter()
            .filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_order_sorts_by_key_and_keeps_ties_in_place() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        let mut want = items.clone();
        want.sort_by_key(|&(k, _)| k);
        in_order(&mut items, |&(k, _)| [k, 0, 0]);
        assert_eq!(items, want);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn every_built_in_pattern_compiles() {
        let _ = BuiltIn::new();
    }

    #[test]
    fn every_checklist_rule_has_a_signal() {
        for r in RULES
            .iter()
            .filter(|r| matches!(r.kind, Kind::Checklist(_)))
        {
            assert!(
                signal_mut(&mut Signals::default(), r.id).is_some(),
                "{}",
                r.id
            );
        }
    }
}
