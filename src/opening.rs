//! The ready opening: the guide's script that fits the context, filled from
//! it, so an agent can start from a first message that already does
//! everything the checklist asks.
//!
//! # Which script
//!
//! The first that applies, in this order:
//!
//! 1. `after-hours` — the bot created a ticket outside staffed hours: the
//!    agent is following up, so that frame comes before anything else;
//! 2. `vip` — a high-value customer gets the senior, personal version;
//! 3. `frustrated` — the customer is frustrated, angry, upset, annoyed,
//!    irritated or furious (CONTRACT 6.6);
//! 4. `complex` — the escalation needs human judgement (an exception, an
//!    approval, a dispute, something the bot cannot do);
//! 5. `standard` — the guide's good opening.
//!
//! # How it is filled
//!
//! Every script is the guide's, adjusted where the guide's own rules say
//! otherwise: each one names the customer, introduces the agent, shows the
//! chat was read, names the issue, says what happens next and how long it
//! takes. The frustrated script acknowledges the feeling instead of
//! apologising for the bot (CONTRACT 6.1), and an after-hours or VIP opening
//! for an upset customer acknowledges it too. The issue, the action and the
//! name come from the context through the same helpers the suggestions use
//! ([`crate::rules`]), so both speak alike. The only placeholder is
//! `[Agent]`, when no agent name is known; a line the context cannot fill is
//! left out rather than written as `[issue]`.

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::rules::{action_phrase, greeting_name, issue_phrase, needs_empathy};

/// Which of the guide's scripts an opening follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Script {
    /// The guide's good opening.
    Standard,
    /// The customer is frustrated or angry.
    Frustrated,
    /// The issue needed human judgement.
    Complex,
    /// A high-value customer.
    Vip,
    /// Following up on a ticket the bot created out of hours.
    AfterHours,
}

/// A ready first message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opening {
    /// The script it follows.
    pub script: Script,
    /// The message.
    pub text: String,
}

/// Words in an escalation reason or issue that mean a person has to decide.
const JUDGEMENT: &[&str] = &[
    "complex",
    "judgement",
    "judgment",
    "approval",
    "approve",
    "exception",
    "human",
    "manual",
    "dispute",
    "investigat",
    "outside",
    "override",
    "policy",
    "claim",
    "review",
];

/// Which script fits `ctx` (see the module docs for the order).
pub fn script_for(ctx: &Context) -> Script {
    if ctx.after_hours {
        Script::AfterHours
    } else if ctx.vip {
        Script::Vip
    } else if needs_empathy(ctx.sentiment.as_deref()) {
        Script::Frustrated
    } else if needs_judgement(ctx) {
        Script::Complex
    } else {
        Script::Standard
    }
}

/// Whether the escalation needs a person's judgement: its reason or issue
/// says so, the bot said it cannot do it, or it tried three times.
fn needs_judgement(ctx: &Context) -> bool {
    let stated = [&ctx.escalation_reason, &ctx.issue]
        .into_iter()
        .flatten()
        .any(|s| {
            let s = crate::text::lower(s);
            JUDGEMENT.iter().any(|w| s.contains(w))
        });
    let bot_cannot = ctx.summary.as_deref().is_some_and(|s| {
        let s = crate::text::lower(s);
        [
            "bot can't",
            "bot cannot",
            "bot couldn't",
            "bot could not",
            "ai can't",
            "ai cannot",
            "ai couldn't",
        ]
        .iter()
        .any(|p| s.contains(p))
    });
    stated || bot_cannot || ctx.ai_attempts.is_some_and(|n| n >= 3)
}

/// Builds the opening for `ctx`, signed by `agent` (`[Agent]` when unknown)
/// and, for the after-hours script, from `company` when known.
pub fn build(ctx: &Context, agent: Option<&str>, company: Option<&str>) -> Opening {
    let script = script_for(ctx);
    let name = greeting_name(ctx).unwrap_or_else(|| "there".to_string());
    let agent = agent
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .unwrap_or("[Agent]");
    // "— the issue" after a line that shows the chat was read.
    let issue = issue_phrase(ctx)
        .map(|p| format!(" — {p}"))
        .unwrap_or_default();
    let action = action_phrase(ctx);
    // The frustrated script already says "I want to get this fixed for you"
    // (the guide's words): its action is only what the agent does.
    let frustrated_action = action
        .strip_suffix(" and get this fixed")
        .unwrap_or(&action);
    let upset = needs_empathy(ctx.sentiment.as_deref());
    let feeling = if upset {
        " I understand how frustrating this has been."
    } else {
        ""
    };
    let text = match script {
        Script::Standard => format!(
            "Hi {name}! I'm {agent}, and I've got the details from your chat{issue}. Let me {action}. \
             Give me 30 seconds to take a look."
        ),
        Script::Frustrated => format!(
            "Hi {name}, I'm {agent}. I've read through everything from your chat{issue}, and I understand how \
             frustrating this has been. I want to get this fixed for you: let me {frustrated_action} — give me about 2 minutes. \
             Sound good?"
        ),
        Script::Complex => {
            let seeing = issue_phrase(ctx).map(|p| format!(" Here's what I'm seeing: {p}.")).unwrap_or_default();
            format!(
                "Hi {name}, I'm {agent}. I've got the full picture from your conversation. This one definitely needs \
                 human eyes on it, so you're in the right place.{seeing} Let me dig into this properly. Give me just \
                 a moment to {action}."
            )
        }
        Script::Vip => format!(
            "Hi {name}, I'm {agent}, a senior member of our support team. I wanted to personally ensure your issue \
             gets resolved. I've read through your conversation{issue}.{feeling} This should have been handled \
             better, and I'm going to make sure we get it right. Let me {action} — give me about 2 minutes."
        ),
        Script::AfterHours => {
            let from = company
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(|c| format!(" from {c}"))
                .unwrap_or_default();
            // The issue has a sentence of its own, away from the assistant:
            // "our assistant… — printer won't work" must not read as blame.
            format!(
                "Hi {name}, I'm {agent}{from}. I'm following up on the chat you had with our assistant, which \
                 created a priority ticket for you. I've reviewed the conversation{issue}.{feeling} I'm ready to \
                 help: I'm going to {action}, and it'll take me about 5 minutes. Are you available for me to dive in \
                 now?"
            )
        }
    };
    Opening { script, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        Context {
            first_name: Some("Sarah".into()),
            customer_name: Some("Sarah Chen".into()),
            issue: Some("charged twice for March".into()),
            sentiment: Some("frustrated".into()),
            ..Context::default()
        }
    }

    #[test]
    fn precedence_follows_the_docs() {
        let mut c = ctx();
        assert_eq!(script_for(&c), Script::Frustrated);
        c.vip = true;
        assert_eq!(script_for(&c), Script::Vip);
        c.after_hours = true;
        assert_eq!(script_for(&c), Script::AfterHours);
        let calm = Context {
            escalation_reason: Some("Warranty claim needs human approval".into()),
            ..Context::default()
        };
        assert_eq!(script_for(&calm), Script::Complex);
        assert_eq!(script_for(&Context::default()), Script::Standard);
    }

    #[test]
    fn frustrated_acknowledges_instead_of_apologising() {
        let o = build(&ctx(), Some("Alex"), None);
        assert!(
            o.text.contains("I understand how frustrating"),
            "{}",
            o.text
        );
        assert!(!o.text.to_lowercase().contains("sorry"), "{}", o.text);
        assert!(o.text.contains("charged twice for March"));
    }

    #[test]
    fn placeholders_only_for_what_is_unknown() {
        assert!(build(&ctx(), None, None).text.contains("[Agent]"));
        let o = build(&ctx(), Some("Alex"), None);
        assert!(!o.text.contains('['), "{}", o.text);
        let bare = build(&Context::default(), Some("Alex"), None);
        assert!(!bare.text.contains('['), "{}", bare.text);
        assert!(bare.text.starts_with("Hi there!"));
    }

    #[test]
    fn after_hours_names_the_company_when_known() {
        let c = Context {
            after_hours: true,
            ..ctx()
        };
        assert!(build(&c, Some("Ines"), Some("StreamMax"))
            .text
            .starts_with("Hi Sarah, I'm Ines from StreamMax."));
    }
}
