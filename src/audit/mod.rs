//! Auditing one whole conversation: where the handoff was, which phase each
//! agent message is, the QA checklist, the QA score and the metrics
//! (CONTRACT sections 2, 3 and 6.12).
//!
//! An audit has two halves, kept apart so each can be tested on its own:
//!
//! * [`Auditor::run`] walks the conversation once. It grows the context as
//!   the customer and the bot reveal things, so a question counts as a repeat
//!   only when its answer was known before it was asked (§6.4), and judges
//!   each agent message with the engine's rules in its phase (§6.7): that
//!   gives one [`Turn`] per agent message, its [`Signals`] and findings.
//! * [`qa`] and [`metrics`] derive the QA items, the QA score and the
//!   metrics from those turns and a few facts. They never look at text
//!   through the rules, so they can be checked with hand-made turns.
//!
//! [`input`] is the one reader of the audit line format, so the command line
//! and the browser's QA page refuse the same lines with the same words;
//! [`row`] is the one writer of an audit as a table row (the CSV columns).

use serde::Serialize;

use crate::context::{Context, Reader};
use crate::pack::QaWeights;
use crate::pattern::Pattern;
use crate::rules::{CheckOptions, Finding, Known, Mode, Phase, Rules, Signals};

pub mod input;
pub mod metrics;
pub mod qa;
pub mod row;

pub use input::{is_blank, line_text, parse_line, read_line, MAX_LINE_BYTES};

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The customer.
    Customer,
    /// The bot.
    Ai,
    /// The human agent.
    Agent,
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Message {
    /// Who wrote it.
    pub role: Role,
    /// What they wrote.
    pub text: String,
    /// When, as seconds since the Unix epoch (fractions kept), if known.
    pub at: Option<f64>,
}

/// One conversation, as one line of an audit file (and, serialised, as the
/// QA page shows it: `at` in seconds since the epoch).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conversation {
    /// The conversation's id.
    pub id: String,
    /// The escalation card text, if any.
    pub summary: Option<String>,
    /// Every message, in the order given.
    pub messages: Vec<Message>,
}

/// Why one audit line was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineError {
    /// JSON path of the offending field (`messages[1].role`), or `None` for
    /// the whole line.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The metrics of one conversation (CONTRACT section 2).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metrics {
    /// Seconds from the handoff to the first agent message.
    pub time_to_first_response_s: Option<f64>,
    /// Share of the known fields among name, order number and issue that the
    /// agent's messages use.
    pub context_utilization: Option<f64>,
    /// Never-ask findings over all agent messages.
    pub repeat_questions: usize,
    /// The customer had to restate something.
    pub customer_repeated: bool,
}

/// The findings of one agent message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageFindings {
    /// 0-based index over all messages of the conversation.
    pub index: usize,
    /// Which phase the message was judged as.
    pub phase: Phase,
    /// What the coach found in it.
    pub findings: Vec<Finding>,
}

/// The audit of one conversation: one line of `audit` output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audit {
    /// The conversation's id.
    pub id: String,
    /// What was known at the end of the conversation.
    pub context: Context,
    /// Each `qa.*` item: true, false or null.
    pub qa: crate::rules::Checklist,
    /// Weighted share of the non-null qa items that are true; null when all are.
    pub score: Option<f64>,
    /// The metrics.
    pub metrics: Metrics,
    /// Findings per agent message.
    pub messages: Vec<MessageFindings>,
}

/// One agent message as the audit judged it.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// 0-based index over all messages of the conversation.
    pub index: usize,
    /// The phase it was judged as.
    pub phase: Phase,
    /// What it does.
    pub signals: Signals,
    /// What the rules found in it.
    pub findings: Vec<Finding>,
}

impl Turn {
    /// How many never-ask findings it has (after §6.5 left one per span).
    pub fn repeat_questions(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.rule.starts_with("never-ask."))
            .count()
    }
}

/// The phase of the `nth` (0-based) of `count` agent messages (§6.7): the
/// first is the first; the last is the closing when there are two or more;
/// the rest are resolution.
pub fn phase_of(nth: usize, count: usize) -> Phase {
    if nth == 0 {
        Phase::First
    } else if nth + 1 == count {
        Phase::Closing
    } else {
        Phase::Resolution
    }
}

/// The audit's own patterns, compiled once per engine.
#[derive(Debug, Clone)]
pub struct Auditor {
    /// A customer saying they already gave something ("as I already told the
    /// bot", "like I told the bot", "I already gave it to the bot").
    restated: Pattern,
}

impl Default for Auditor {
    fn default() -> Self {
        Auditor::new()
    }
}

/// "I already told", "I've already given", "as I said", "like I told the
/// bot", "I told your bot everything", "for the third time": the ways a
/// customer says they are repeating themselves. Past tense of giving or
/// telling, anchored by "already", "as/like I" or the bot as the listener.
const RESTATED: &str = concat!(
    r"\b(?:as|like)\s+i(?:\s+have|'ve|\xE2\x80\x99ve)?\s+(?:already\s+|just\s+)?",
    r"(?:told|said|explained|mentioned|wrote|gave|sent|typed|provided|stated)\b",
    r"|\bi(?:\s+have|'ve|\xE2\x80\x99ve)?\s+(?:literally\s+|really\s+|actually\s+)?(?:already|just)\s+",
    r"(?:told|said|explained|mentioned|wrote|gave|given|sent|typed|provided|answered|stated)\b",
    r"|\b(?:told|gave|given|explained|said|sent)\s+(?:(?:it|this|that|everything|all(?:\s+of\s+(?:it|this|that))?)\s+)?",
    r"(?:to\s+)?(?:the|your|ur)\s+(?:chat\s*)?(?:bot|ai|assistant|virtual\s+agent)\b",
    r"|\bfor\s+the\s+(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+time\b",
    // "The bot just said Solo": pointing at where it was already said.
    r"|\b(?:the|your)\s+(?:chat\s*)?(?:bot|assistant|ai)\s+(?:just\s+|already\s+)(?:said|told\s+you|asked)\b",
    // "I said this already", "I've told you that before".
    r"|\bi(?:\s+have|'ve|\xE2\x80\x99ve)?\s+(?:said|told\s+(?:you|them|your\s+bot|the\s+bot)|explained|mentioned|written|wrote|given|gave)\s+(?:(?:this|that|it|all\s+(?:of\s+)?(?:this|that))\s+)?(?:already|earlier|twice)\b|\bi(?:\s+have|'ve|\xE2\x80\x99ve)?\s+(?:said|told\s+you|explained)\s+(?:this|that|it)\s+before\s*(?:[.!?,]|$)",
    // Complaints about having to say it again.
    r"|\brepeat(?:ing)?\s+myself\b|\bhow\s+many\s+times\b",
    r"|\bi\s+keep\s+(?:telling|saying|explaining|repeating)\b",
    r"|\b(?:have|need|got)\s+to\s+(?:explain|say|tell\s+you)\s+(?:(?:it|this|that)(?:\s+all)?|everything|all\s+(?:of\s+)?(?:it|this|that))\s+(?:again|twice)\b",
);

impl Auditor {
    /// Whether the customer says they are repeating themselves: a
    /// [`RESTATED`] form not negated in its sentence ("glad I don't have to
    /// repeat everything I told the bot!" restates nothing).
    fn restates(&self, text: &str) -> bool {
        const NOT: &[&str] = &[
            "don't",
            "don’t",
            "dont",
            "didn't",
            "didn’t",
            "do not",
            "did not",
            "no need",
            "not have to",
            "not to have to",
            "never have to",
            "won't have to",
            "won’t have to",
            "without",
        ];
        self.restated.find_iter(text).any(|m| {
            let sentence = text[..m.start]
                .rfind(['.', '!', '?', '\n'])
                .map_or(0, |i| i + 1);
            let before = text[sentence..m.start].to_lowercase();
            !NOT.iter().any(|n| before.contains(n)) && !before.trim_end().ends_with("not to")
        })
    }

    /// Compiles the audit's patterns.
    pub fn new() -> Auditor {
        Auditor {
            restated: Pattern::new(RESTATED).expect("the built-in pattern compiles"),
        }
    }

    /// Audits `conv`: reads its card with `reader`, learns from the customer's
    /// and the bot's messages as they come, judges each agent message with
    /// `rules` in its phase and weighs the QA score with `weights`.
    pub fn run(
        &self,
        reader: &Reader,
        rules: &Rules,
        weights: &QaWeights,
        conv: &Conversation,
    ) -> Audit {
        self.audit(reader, rules, weights, conv, false)
    }

    /// [`Auditor::run`]; with `every_signal`, each agent message is read for
    /// every signal, not only for those still open (the tests compare both).
    fn audit(
        &self,
        reader: &Reader,
        rules: &Rules,
        weights: &QaWeights,
        conv: &Conversation,
        every_signal: bool,
    ) -> Audit {
        let mut ctx = reader.read(conv.summary.as_deref().unwrap_or(""));
        let agents = conv
            .messages
            .iter()
            .filter(|m| m.role == Role::Agent)
            .count();
        let mut turns: Vec<Turn> = Vec::with_capacity(agents);
        let mut upset = false;
        // What the rules work out from the context, shared by the agent
        // messages until a customer or bot message changes the context.
        let mut known: Option<Known> = None;
        // What the agent's messages so far showed.
        let mut seen = Signals::default();
        for (index, m) in conv.messages.iter().enumerate() {
            match m.role {
                // The bot's messages can carry details too (it may read back
                // an order it looked up); the agent's never teach the context
                // about the customer ("I'm Alex" is not the customer's name).
                Role::Customer | Role::Ai => {
                    let asked = index
                        .checked_sub(1)
                        .and_then(|i| conv.messages.get(i))
                        .filter(|p| p.role != Role::Customer && m.role == Role::Customer)
                        .map(|p| p.text.as_str());
                    reader.learn_after(&mut ctx, asked, &m.text);
                }
                Role::Agent => {
                    if known.as_ref().is_some_and(|k| !k.is_of(&ctx)) {
                        known = None;
                    }
                    let known = known.get_or_insert_with(|| Known::new(ctx.clone()));
                    let phase = phase_of(turns.len(), agents);
                    if phase == Phase::First {
                        upset = known.upset();
                    }
                    let opts = CheckOptions {
                        phase,
                        mode: Mode::Qa,
                        agent: None,
                    };
                    let want = if every_signal {
                        Signals::ALL
                    } else {
                        still_open(&seen)
                    };
                    let (signals, report) = rules.judge_some(known, &m.text, &opts, &want);
                    seen = seen.or(&signals);
                    let findings = report.findings;
                    turns.push(Turn {
                        index,
                        phase,
                        signals,
                        findings,
                    });
                }
            }
        }

        let facts = qa::Facts {
            name_known: ctx.first_name.is_some() || ctx.customer_name.is_some(),
            chat_to_read: conv
                .summary
                .as_deref()
                .is_some_and(|s| !s.trim().is_empty())
                || conv.messages.iter().any(|m| m.role == Role::Ai),
            upset,
        };
        let items = qa::items(&turns, &facts);
        let metrics = Metrics {
            time_to_first_response_s: metrics::time_to_first_response(&conv.messages),
            context_utilization: metrics::context_utilization(&metrics::usage(&ctx, &turns)),
            repeat_questions: turns.iter().map(Turn::repeat_questions).sum(),
            customer_repeated: metrics::customer_repeated(
                &conv.messages,
                &turns,
                |t| self.restates(t),
                |t| known.as_ref().is_some_and(|k| k.restates(t)),
            ),
        };
        Audit {
            id: conv.id.clone(),
            context: ctx,
            score: qa::score(&items, weights),
            qa: items,
            metrics,
            messages: turns
                .into_iter()
                .map(|t| MessageFindings {
                    index: t.index,
                    phase: t.phase,
                    findings: t.findings,
                })
                .collect(),
        }
    }
}

/// The signals a later agent message must still be read for, once the
/// earlier ones showed `seen`: the QA items ([`qa::items`]) and the context
/// use ([`metrics::usage`]) ask whether *any* message does something, so
/// once one did, no later message can change the answer. Its own phase's
/// checklist is read besides ([`Rules::judge_some`]); the first message's
/// empathy is in that checklist.
pub fn still_open(seen: &Signals) -> Signals {
    let acted = seen.states_action || seen.narrates_action;
    Signals {
        uses_name: !seen.uses_name,
        references_context: !seen.references_context,
        sets_timeline: !seen.sets_timeline,
        states_action: !acted,
        narrates_action: !acted,
        confirms_resolution: !seen.confirms_resolution,
        summarizes: !seen.confirms_resolution && !seen.summarizes,
        casual_tone: !seen.casual_tone,
        mentions_order_number: !seen.mentions_order_number,
        names_issue: !seen.names_issue,
        ..Signals::default()
    }
}

/// A hand-made judged agent message, for the tests of the derivations.
#[cfg(test)]
pub(crate) fn test_turn(index: usize, signals: Signals, rules: &[&str]) -> Turn {
    let finding = |rule: &&str| Finding {
        rule: rule.to_string(),
        severity: crate::rules::Severity::Error,
        start: None,
        end: None,
        message: String::new(),
        suggestion: None,
    };
    Turn {
        index,
        phase: Phase::First,
        signals,
        findings: rules.iter().map(finding).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Engine, Pack};

    #[test]
    fn phases_follow_the_agent_messages() {
        assert_eq!(phase_of(0, 1), Phase::First);
        assert_eq!(
            (phase_of(0, 2), phase_of(1, 2)),
            (Phase::First, Phase::Closing)
        );
        let three: Vec<Phase> = (0..3).map(|n| phase_of(n, 3)).collect();
        assert_eq!(three, [Phase::First, Phase::Resolution, Phase::Closing]);
    }

    #[test]
    fn restating_is_recognised_in_its_many_forms() {
        let a = Auditor::new();
        for said in [
            "Seriously? As I already told the bot, I was charged twice.",
            "Like I told the bot, my bill went up.",
            "I already gave it to the bot. 100235.",
            "I already told the bot everything 🙄",
            "it's 100235 — as I already told your bot.",
            "I’ve already explained this twice",
            "For the third time, it's order 5521",
            "like i said, the parcel never came",
            "again?? I literally just explained it",
            "Do I have to repeat myself again?",
            "I said this already. The TV never shipped.",
            "I've told you that before",
            "How many times do I need to say this",
            "I keep telling you people it's broken",
            "So I have to explain it all again?",
            "The bot just said Solo.",
        ] {
            assert!(a.restates(said), "{said}");
        }
        for fresh in [
            "Yes, that works. Thanks.",
            "I told my husband about it and he agrees",
            "I keep the receipts in a drawer",
            "You may have to explain it to the courier",
            "The bot was helpful, thanks",
            "Dana Whitfield, dana.w@example.com",
            "I already have an account",
            "I said yes",
            "I told them before the trip",
            "Great, glad I don't have to repeat everything I told the bot!",
            "So nice not to have to explain it all again to the bot.",
            "The bot said I could get a refund.",
        ] {
            assert!(!a.restates(fresh), "{fresh}");
        }
    }

    #[test]
    fn every_agent_message_is_judged_in_its_phase_at_its_index() {
        let conv = parse_line(
            r#"{"id":"c","messages":[{"role":"customer","text":"hi"},{"role":"agent","text":"a"},{"role":"ai","text":"b"},{"role":"agent","text":"c"},{"role":"agent","text":"d"}]}"#,
        )
        .unwrap();
        let audit = Engine::default().audit(&conv);
        let judged: Vec<(usize, Phase)> =
            audit.messages.iter().map(|m| (m.index, m.phase)).collect();
        assert_eq!(
            judged,
            [
                (1, Phase::First),
                (3, Phase::Resolution),
                (4, Phase::Closing)
            ]
        );
        assert_eq!(audit.id, "c");
        let keys: Vec<&str> = audit.qa.0.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, crate::rules::QA_ITEMS);
    }

    #[test]
    fn reading_only_open_signals_changes_no_audit() {
        let engine = Engine::default();
        let (reader, rules) = (crate::context::Reader::new(), Rules::new(&Pack::default()));
        let weights = QaWeights::default();
        let auditor = Auditor::new();
        let corpus = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/conversations.jsonl"
        );
        let text = std::fs::read_to_string(corpus).unwrap_or_default();
        // Hand-made ones too, where a later message is the first to show a
        // signal, and a message shows one an earlier message showed.
        let made = [
            r#"{"id":"a","summary":"Customer: Sarah Chen\nOrder: 12345\nIssue: charged twice\nSentiment: angry","messages":[{"role":"customer","text":"I was charged twice"},{"role":"agent","text":"Hello, how can I help?"},{"role":"agent","text":"Hi Sarah, I'm Alex. I see the double charge on order 12345; I'll refund it in 2 minutes."},{"role":"agent","text":"I've refunded it. Does that fix it? Thanks, Sarah!"},{"role":"agent","text":"Anything else? haha lol"}]}"#,
            r#"{"id":"b","summary":"Dana Whitfield wrote about order A-77: parcel never arrived. Sounds frustrated.","messages":[{"role":"agent","text":"I've sent a replacement, Dana."},{"role":"agent","text":"Ms Whitfield, it arrives tomorrow. Is that working now?"},{"role":"agent","text":"Thank you!"}]}"#,
        ];
        let mut audited = 0;
        for line in text.lines().chain(made) {
            let Ok(conv) = parse_line(line) else { continue };
            let lazy = auditor.audit(&reader, &rules, &weights, &conv, false);
            let full = auditor.audit(&reader, &rules, &weights, &conv, true);
            assert_eq!(lazy, full, "{line}");
            assert_eq!(lazy, engine.audit(&conv));
            audited += 1;
        }
        assert!(audited >= 2 + 10, "the corpus was read: {audited}");
    }

    #[test]
    fn a_signal_seen_is_no_longer_open() {
        let all = still_open(&Signals::default());
        assert!(all.uses_name && all.names_issue && all.confirms_resolution);
        let seen = Signals {
            uses_name: true,
            narrates_action: true,
            confirms_resolution: true,
            ..Signals::default()
        };
        let open = still_open(&seen);
        assert!(!open.uses_name && !open.states_action && !open.narrates_action);
        assert!(!open.confirms_resolution && !open.summarizes);
        assert!(open.sets_timeline && open.casual_tone && open.mentions_order_number);
    }

    #[test]
    fn no_agent_message_leaves_qa_and_response_time_null() {
        let conv = parse_line(
            r#"{"id":"c","summary":"Customer: Mei","messages":[{"role":"customer","text":"hi","at":"2026-03-08T01:28:00Z"},{"role":"ai","text":"ticket created","at":"2026-03-08T01:28:03Z"}]}"#,
        )
        .unwrap();
        let audit = Engine::default().audit(&conv);
        assert!(audit.qa.0.iter().all(|(_, v)| v.is_none()));
        assert_eq!(audit.score, None);
        assert_eq!(audit.metrics.time_to_first_response_s, None);
        assert_eq!(audit.metrics.repeat_questions, 0);
        assert!(!audit.metrics.customer_repeated);
        assert!(audit.messages.is_empty());
    }
}
