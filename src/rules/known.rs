//! What the rules work out from a context before they read any reply: the
//! issue's content words, the customer's names folded for comparison, the
//! order numbers as a reply would quote them, whether the customer is upset,
//! and the lines the messages quote from the card.
//!
//! None of that depends on the reply, and all of it costs more than most
//! rules (folding is Unicode normalisation; the issue's words are stemmed
//! and sorted). So it is worked out once per context: once per card while
//! an agent types, and once per conversation in an audit (again only when a
//! customer message teaches the context something), instead of once per
//! reply and rule. The rules read a context only through a [`Known`].

use std::cell::OnceCell;

use crate::context::Context;
use crate::text::fold;

use super::messages;
use super::tone::needs_empathy;
use super::words::Terms;

/// A context and what the rules derive from it, made once and reused for
/// every reply checked against it ([`super::Rules::judge`]).
#[derive(Debug, Clone)]
pub struct Known {
    ctx: Context,
    /// The content words of the issue, summary, reason and wanted outcome.
    pub(crate) terms: Terms,
    /// The customer's first and full name, titles stripped, folded; the
    /// full name left out when it starts with the first name as whole words
    /// (found only where the first name is).
    pub(crate) names: Vec<String>,
    /// The folded surnames a title may stand before ("Ms O'Brien").
    pub(crate) surnames: Vec<String>,
    /// The order numbers as a reply quotes them: trimmed, without `#`,
    /// ASCII lower case; empty ones left out.
    pub(crate) orders: Vec<String>,
    /// The context has a name to greet with.
    pub(crate) named: bool,
    /// The customer is upset enough that the first message must
    /// acknowledge it (CONTRACT 6.6).
    pub(crate) upset: bool,
    /// [`messages::issue_phrase`], made on first use: only a finding's
    /// suggestion needs it.
    issue_phrase: OnceCell<Option<String>>,
    /// [`messages::action_phrase`], made on first use.
    action_phrase: OnceCell<String>,
}

impl Known {
    /// Works out what the rules need of `ctx`.
    pub fn new(ctx: Context) -> Known {
        let mut names: Vec<String> = Vec::new();
        for name in [&ctx.first_name, &ctx.customer_name].into_iter().flatten() {
            let name = fold(&super::always::strip_title(name));
            // "sarah chen" is found only where "sarah" is: once the first
            // name is looked for, the full name that starts with it as a
            // whole word can add nothing.
            let implied = names.iter().any(|n| {
                name.strip_prefix(n.as_str())
                    .is_some_and(|rest| rest.chars().next().map_or(true, |c| !c.is_alphanumeric()))
            });
            if !name.is_empty() && !implied {
                names.push(name);
            }
        }
        let surnames = ctx
            .customer_name
            .as_deref()
            .map(super::always::surnames)
            .unwrap_or_default();
        let orders = ctx
            .order_numbers
            .iter()
            .map(|o| o.trim().trim_start_matches('#').to_ascii_lowercase())
            .filter(|o| !o.is_empty())
            .collect();
        let named = [&ctx.first_name, &ctx.customer_name]
            .into_iter()
            .flatten()
            .any(|n| !n.trim().is_empty());
        Known {
            terms: Terms::of_issue(&ctx),
            names,
            surnames,
            orders,
            named,
            upset: needs_empathy(ctx.sentiment.as_deref()),
            issue_phrase: OnceCell::new(),
            action_phrase: OnceCell::new(),
            ctx,
        }
    }

    /// Whether the customer is upset enough that the first message must
    /// acknowledge it (CONTRACT 6.6).
    pub fn upset(&self) -> bool {
        self.upset
    }

    /// The context this was worked out from.
    pub fn context(&self) -> &Context {
        &self.ctx
    }

    /// Whether this was worked out from a context equal to `ctx`: an audit
    /// keeps its `Known` until the conversation teaches the context
    /// something new.
    pub fn is_of(&self, ctx: &Context) -> bool {
        self.ctx == *ctx
    }

    /// Whether `text` (a customer's message) gives something the context
    /// knows: one of its order numbers, emails or card details, the
    /// customer's name, or a word of the issue. A customer who answers a
    /// question already answered with any of them has repeated themselves.
    pub fn restates(&self, text: &str) -> bool {
        let lower = text.to_ascii_lowercase();
        let given = |v: &String| v.len() >= 4 && lower.contains(&v.to_ascii_lowercase());
        self.orders.iter().any(|o| lower.contains(o.as_str()))
            || self.ctx.emails.iter().any(given)
            || self.ctx.details.values().any(given)
            || super::words::shares_term(text, &self.terms, |_| false)
            || (!self.names.is_empty() && {
                let folded = fold(text);
                self.names
                    .iter()
                    .any(|n| crate::text::find_words(&folded, n).is_some())
            })
    }

    /// One short line saying what the problem is ([`messages::issue_phrase`]).
    pub(crate) fn issue_phrase(&self) -> Option<&str> {
        self.issue_phrase
            .get_or_init(|| messages::issue_phrase(&self.ctx))
            .as_deref()
    }

    /// What the agent will do ([`messages::action_phrase`]).
    pub(crate) fn action_phrase(&self) -> &str {
        self.action_phrase
            .get_or_init(|| messages::action_phrase(&self.ctx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_orders_and_mood_are_prepared_for_comparison() {
        let k = Known::new(Context {
            first_name: Some("Siobhán".into()),
            customer_name: Some("Ms. Siobhán O’Brien".into()),
            order_numbers: vec![" #AB-77 ".into(), "  ".into()],
            sentiment: Some("Very frustrated".into()),
            issue: Some("Charged twice".into()),
            ..Context::default()
        });
        assert_eq!(k.names, ["siobhan"], "the full name starts with the first");
        let other = Known::new(Context {
            first_name: Some("Jo".into()),
            customer_name: Some("Joanna Li".into()),
            ..Context::default()
        });
        assert_eq!(other.names, ["jo", "joanna li"]);
        assert_eq!(k.surnames, ["o'brien"]);
        assert_eq!(k.orders, ["ab-77"]);
        assert!(k.named && k.upset && !k.terms.is_empty());
        assert!(k.is_of(k.context()));
        assert!(!k.is_of(&Context::default()));
        for _ in 0..2 {
            assert_eq!(k.issue_phrase(), Some("charged twice"));
            assert_eq!(k.action_phrase(), messages::action_phrase(k.context()));
        }
    }
}
