//! Auditing one whole conversation: where the handoff was, which phase each
//! agent message is, the QA checklist, the QA score and the metrics
//! (CONTRACT sections 2 and 3).
//!
//! Also the one reader of the audit line format, so the command line and the
//! browser's QA page reject the same lines with the same words.

use serde::Serialize;

use crate::context::Context;
use crate::rules::{Finding, Phase};

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
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Who wrote it.
    pub role: Role,
    /// What they wrote.
    pub text: String,
    /// When, as seconds since the Unix epoch (fractions kept), if known.
    pub at: Option<f64>,
}

/// One conversation, as one line of an audit file.
#[derive(Debug, Clone, PartialEq)]
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

/// Reads one line of an audit file.
pub fn parse_line(line: &str) -> Result<Conversation, LineError> {
    let _ = line;
    Err(LineError { field: None, message: "not implemented".into() })
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

/// Audits `conv`: reads its card with `reader` (and learns from the
/// customer's messages as they come), judges each agent message with
/// `rules`, weighs the QA score with `qa`.
pub fn run(
    reader: &crate::context::Reader,
    rules: &crate::rules::Rules,
    qa: &crate::pack::QaWeights,
    conv: &Conversation,
) -> Audit {
    let _ = (reader, rules, qa);
    Audit {
        id: conv.id.clone(),
        context: Context::default(),
        qa: crate::rules::Checklist::default(),
        score: None,
        metrics: Metrics::default(),
        messages: Vec::new(),
    }
}
