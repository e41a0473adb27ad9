//! The metrics of one conversation (CONTRACT §2, §6.12): time to the first
//! agent response, how much of the known context the agent used, how many
//! questions the customer had already answered, and whether the customer had
//! to restate something.
//!
//! Each is a small function of the messages and the judged agent messages
//! ([`Turn`]s), so each can be tested with hand-made input.

use crate::context::Context;

use super::{Message, Role, Turn};

/// Seconds from the handoff to the first agent message: the handoff is the
/// last `ai` message before the first agent message, or the first message
/// when the bot never spoke before it. `None` with no agent message or when
/// either time is missing. Rounded to the microsecond, so that differences
/// of epoch seconds held as `f64` read as the timestamps do (78.5, not
/// 78.49999998).
pub fn time_to_first_response(messages: &[Message]) -> Option<f64> {
    let first_agent = messages.iter().position(|m| m.role == Role::Agent)?;
    let before = &messages[..first_agent];
    let handoff = before
        .iter()
        .rev()
        .find(|m| m.role == Role::Ai)
        .or(messages.first())?;
    let seconds = messages[first_agent].at? - handoff.at?;
    Some((seconds * 1e6).round() / 1e6)
}

/// Which of the three context fields the metric counts are known, and
/// whether the agent used them: `None` when not known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// The customer's name.
    pub name: Option<bool>,
    /// An order number.
    pub order_number: Option<bool>,
    /// The issue.
    pub issue: Option<bool>,
}

/// What the agent's messages used of `ctx` (the context at the end of the
/// conversation), from the messages' signals: the name, a known order
/// number quoted, the issue's own words.
pub fn usage(ctx: &Context, turns: &[Turn]) -> Usage {
    let used = |signal: fn(&Turn) -> bool| turns.iter().any(signal);
    Usage {
        name: (ctx.first_name.is_some() || ctx.customer_name.is_some())
            .then(|| used(|t| t.signals.uses_name)),
        order_number: (!ctx.order_numbers.is_empty())
            .then(|| used(|t| t.signals.mentions_order_number)),
        issue: ctx.issue.is_some().then(|| used(|t| t.signals.names_issue)),
    }
}

/// The share of the known fields that were used, 0..1; `None` when none is
/// known.
pub fn context_utilization(usage: &Usage) -> Option<f64> {
    let known: Vec<bool> = [usage.name, usage.order_number, usage.issue]
        .into_iter()
        .flatten()
        .collect();
    if known.is_empty() {
        return None;
    }
    Some(known.iter().filter(|&&used| used).count() as f64 / known.len() as f64)
}

/// Whether the customer had to restate something: after the first agent
/// message they say so (`restated`, e.g. "as I already told the bot"), or
/// they answer an agent message that asked for something already known
/// with something known (`gives_known`: "Scroll up. A-55102." restates the
/// order; "Read the chat, I'll call instead." restates nothing).
pub fn customer_repeated(
    messages: &[Message],
    turns: &[Turn],
    restated: impl Fn(&str) -> bool,
    gives_known: impl Fn(&str) -> bool,
) -> bool {
    let Some(first_agent) = messages.iter().position(|m| m.role == Role::Agent) else {
        return false;
    };
    let asked_known = |index: usize| {
        turns
            .iter()
            .any(|t| t.index == index && t.repeat_questions() > 0)
    };
    let mut answering_a_repeat = false;
    for (i, m) in messages.iter().enumerate().skip(first_agent) {
        match m.role {
            Role::Agent => answering_a_repeat = asked_known(i),
            Role::Customer if (answering_a_repeat && gives_known(&m.text)) || restated(&m.text) => {
                return true
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::test_turn as turn;
    use super::*;
    use crate::rules::Signals;

    fn msg(role: Role, text: &str, at: Option<f64>) -> Message {
        Message {
            role,
            text: text.into(),
            at,
        }
    }

    #[test]
    fn time_runs_from_the_last_ai_message_before_the_first_agent_message() {
        let m = [
            msg(Role::Customer, "", Some(0.0)),
            msg(Role::Ai, "", Some(10.0)),
            msg(Role::Ai, "", Some(20.25)),
            msg(Role::Agent, "", Some(110.75)),
            msg(Role::Ai, "", Some(200.0)),
            msg(Role::Agent, "", Some(300.0)),
        ];
        assert_eq!(time_to_first_response(&m), Some(90.5));
    }

    #[test]
    fn without_a_bot_the_handoff_is_the_first_message() {
        let m = [
            msg(Role::Customer, "", Some(100.0)),
            msg(Role::Agent, "", Some(145.0)),
        ];
        assert_eq!(time_to_first_response(&m), Some(45.0));
    }

    #[test]
    fn missing_times_or_agents_give_none() {
        assert_eq!(
            time_to_first_response(&[msg(Role::Customer, "", Some(1.0))]),
            None
        );
        assert_eq!(
            time_to_first_response(&[msg(Role::Ai, "", None), msg(Role::Agent, "", Some(2.0))]),
            None
        );
        assert_eq!(time_to_first_response(&[]), None);
    }

    #[test]
    fn utilization_counts_only_known_fields() {
        let u = Usage {
            name: Some(false),
            order_number: None,
            issue: Some(true),
        };
        assert_eq!(context_utilization(&u), Some(0.5));
        assert_eq!(context_utilization(&Usage::default()), None);
        let all = Usage {
            name: Some(true),
            order_number: Some(true),
            issue: Some(true),
        };
        assert_eq!(context_utilization(&all), Some(1.0));
    }

    #[test]
    fn usage_counts_only_known_fields_from_the_signals() {
        let ctx = Context {
            first_name: Some("Grace".into()),
            order_numbers: vec!["100235".into()],
            ..Context::default()
        };
        let named = turn(
            1,
            Signals {
                uses_name: true,
                ..Signals::default()
            },
            &[],
        );
        let quoted = turn(
            2,
            Signals {
                mentions_order_number: true,
                names_issue: true,
                ..Signals::default()
            },
            &[],
        );
        assert_eq!(
            usage(&ctx, &[named.clone(), quoted]),
            Usage {
                name: Some(true),
                order_number: Some(true),
                issue: None
            },
            "the issue is not known, so naming it does not count"
        );
        assert_eq!(
            usage(&ctx, &[named]),
            Usage {
                name: Some(true),
                order_number: Some(false),
                issue: None
            }
        );
        assert_eq!(usage(&Context::default(), &[]), Usage::default());
    }

    #[test]
    fn a_customer_answering_a_repeat_question_has_repeated() {
        let m = [
            msg(Role::Customer, "Order 100235 never came.", None),
            msg(Role::Agent, "What's your order number?", None),
            msg(Role::Customer, "100235.", None),
        ];
        let asked = [turn(1, Signals::default(), &["never-ask.order-number"])];
        let known = |t: &str| t.contains("100235");
        assert!(customer_repeated(&m, &asked, |_| false, known));
        let fine = [turn(1, Signals::default(), &["always.set-timeline"])];
        assert!(!customer_repeated(&m, &fine, |_| false, known));
        // An answer that gives nothing known restates nothing.
        let refused = [
            msg(Role::Agent, "What's the problem?", None),
            msg(Role::Customer, "Read the chat. I'll call instead.", None),
        ];
        let asked = [turn(0, Signals::default(), &["never-ask.generic-opener"])];
        assert!(!customer_repeated(&refused, &asked, |_| false, known));
    }

    #[test]
    fn saying_so_after_the_handoff_counts_and_before_it_does_not() {
        let m = [
            msg(Role::Customer, "I already told you", None),
            msg(Role::Agent, "Hi", None),
            msg(Role::Customer, "ok", None),
        ];
        let said = |t: &str| t.contains("already");
        assert!(!customer_repeated(&m, &[], said, |_| true));
        let m2 = [
            msg(Role::Agent, "Hi", None),
            msg(Role::Customer, "I already told you", None),
        ];
        assert!(customer_repeated(&m2, &[], said, |_| true));
        assert!(
            !customer_repeated(&m[..1], &[], said, |_| true),
            "no agent message"
        );
    }
}
