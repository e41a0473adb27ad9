//! Reading escalation cards: turning whatever the bot platform shows into a
//! [`Context`] (CONTRACT section 1).
//!
//! Cards come in many shapes: label/value lines, boxes drawn with line
//! characters, HTML lists and tables, JSON dumps, free prose. The reader
//! first flattens every shape into the same two things, labelled pairs and
//! prose, and then maps labels to fields through one synonym table, so a new
//! shape never needs its own list of labels.
//!
//! Unknown fields stay `None` or empty: nothing is guessed from nothing.
//!
//! # Map
//!
//! ```text
//! card ─► flatten (markup → lines | dump) ─► [Pair | Prose] ─► fields (labels, names, ids, prose) ─► Context
//! customer message ─► learn (ids, names) ─► Context, added to
//! ```
//!
//! * `flatten` is the only module that knows about shapes; `markup`
//!   turns HTML into lines, `dump` reads JSON-like dumps, `lines` reads
//!   every line-based shape.
//! * `labels` is the one synonym table from a label to a field.
//! * `chars` decides what decoration inside a value is (emoji, asides).
//! * `fields` fills the context from pairs and prose; `names`, `ids`
//!   and `prose` each own one kind of value (names, identifiers, the
//!   summary's sentences) and are shared with [`Reader::learn`].

mod chars;
mod dump;
mod fields;
mod flatten;
mod ids;
mod labels;
mod lines;
mod markup;
mod names;
mod prose;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What the engine knows about the customer and their problem.
///
/// Field names and types are fixed by the CONTRACT (section 1); they are the
/// JSON the CLI prints and the objects the extension receives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Context {
    /// The customer's name as written on the card.
    pub customer_name: Option<String>,
    /// What an agent should greet the customer with (no title).
    pub first_name: Option<String>,
    /// Plan, tier or tenure, as written.
    pub account: Option<String>,
    /// A high-value customer (CONTRACT 6.2).
    pub vip: bool,
    /// Why the bot escalated.
    pub escalation_reason: Option<String>,
    /// How many times the bot tried.
    pub ai_attempts: Option<u32>,
    /// What the bot already tried.
    pub ai_tried: Vec<String>,
    /// Lower-case sentiment word, from the card or the customer's words.
    pub sentiment: Option<String>,
    /// Lower-case priority.
    pub priority: Option<String>,
    /// The AI summary text.
    pub summary: Option<String>,
    /// Order, booking, reservation, confirmation and invoice numbers, as the
    /// customer reads them back (no leading `#`), in order of appearance.
    pub order_numbers: Vec<String>,
    /// Email addresses on the card, in order of appearance.
    pub emails: Vec<String>,
    /// One short line: the core problem.
    pub issue: Option<String>,
    /// What the customer wants.
    pub requested_outcome: Option<String>,
    /// The bot created a ticket outside staffed hours.
    pub after_hours: bool,
    /// Every other labelled value on the card, label as written.
    pub details: BTreeMap<String, String>,
}

/// The card reader: its patterns are compiled once, when the engine is built,
/// and reused for every card.
#[derive(Debug, Clone)]
pub struct Reader {
    ids: ids::Ids,
    names: names::Names,
    prose: prose::Prose,
    signals: fields::Signals,
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}

impl Reader {
    /// Compiles the reader's patterns.
    pub fn new() -> Reader {
        Reader {
            ids: ids::Ids::new(),
            names: names::Names::new(),
            prose: prose::Prose::new(),
            signals: fields::Signals::new(),
        }
    }

    /// Reads an escalation card of any shape.
    pub fn read(&self, card: &str) -> Context {
        fields::fill(self, &flatten::flatten(card))
    }

    /// Adds what a customer's message reveals (order numbers, emails, a name
    /// they give) to `ctx`, so that a later question for it counts as a
    /// repeat (CONTRACT 6.4). Never overwrites what the card said.
    pub fn learn(&self, ctx: &mut Context, customer_text: &str) {
        self.learn_after(ctx, None, customer_text);
    }

    /// [`Reader::learn`], knowing the message the customer answered: a
    /// bare name ("Olusegun Bakare", "It's Fiona Grant.") answers "Can I
    /// take your name?", a number "What phone number should the driver
    /// call?". A plan named as theirs ("Your Solo plan includes…", "I'm on
    /// the Pro plan") is their account, whoever says it.
    pub fn learn_after(&self, ctx: &mut Context, asked: Option<&str>, customer_text: &str) {
        if ctx.customer_name.is_none() && asked.is_some_and(names::asks_name) {
            if let Some(name) = self.names.answer(customer_text) {
                ctx.first_name = ctx.first_name.take().or_else(|| names::first_name(&name));
                ctx.customer_name = Some(name);
            }
        }
        if ctx.account.is_none() {
            ctx.account = plan_in(customer_text);
        }
        let phone = asked
            .is_some_and(asks_phone)
            .then(|| phone_in(customer_text))
            .flatten();
        if let Some(phone) = phone {
            if !ctx.details.keys().any(|k| asks_phone(k)) {
                ctx.details.insert("Phone".to_string(), phone.to_string());
            }
            return;
        }
        self.ids.in_text(customer_text, &mut ctx.order_numbers);
        // A bare code given as an answer is an order number unless the
        // card knows it as something else ("Serial: VX2-88K-19023").
        let mut answered = Vec::new();
        self.ids.answered(customer_text, &mut answered);
        for id in answered {
            let detail = ctx.details.values().any(|v| v.contains(id.as_str()));
            if !detail {
                ids::push_unique(&mut ctx.order_numbers, &id);
            }
        }
        self.ids.emails(customer_text, &mut ctx.emails);
        if ctx.customer_name.is_none() {
            if let Some(name) = self.names.given(customer_text) {
                if ctx.first_name.is_none() {
                    ctx.first_name = names::first_name(&name);
                }
                ctx.customer_name = Some(name);
            }
        }
    }
}

/// Whether `text` asks about, or labels, a phone number.
fn asks_phone(text: &str) -> bool {
    chars::names_any("phone mobile cell whatsapp", text)
}

/// The phone number an answer gives: the first run of digits, spaces and
/// `+ - ( ) .` that holds seven digits or more ("11 98765 4321").
fn phone_in(text: &str) -> Option<&str> {
    let part = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.');
    let mut from = 0;
    while let Some(start) = text[from..].find(|c: char| c.is_ascii_digit() || c == '+') {
        let start = from + start;
        let len = text[start..]
            .find(|c: char| !part(c))
            .unwrap_or(text.len() - start);
        let run = text[start..start + len].trim_end_matches([' ', '-', '.', '(']);
        if run.bytes().filter(u8::is_ascii_digit).count() >= 7 {
            return Some(run);
        }
        from = start + len.max(1);
    }
    None
}

/// The plan a chat message names as the customer's: "Your Solo plan
/// includes 1 user", "my Family Plus subscription", "I'm on the Pro plan".
/// One or two capitalised words before the plan word, owned by "your" or
/// "my" or after "on the"; "Would you like the Team plan?" offers one.
fn plan_in(text: &str) -> Option<String> {
    const PLAN_WORDS: &str = "plan subscription tier membership";
    let plan_word = |w: &str| {
        chars::listed(
            PLAN_WORDS,
            w.trim_end_matches(|c: char| !c.is_alphanumeric()),
        )
    };
    // Every customer and bot message of an audit comes here: most name no
    // plan, and are turned away before their words are gathered.
    if !text.split_whitespace().any(plan_word) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let is = |i: usize, w: &str| words[i].eq_ignore_ascii_case(w);
    for (i, w) in words.iter().enumerate() {
        if !plan_word(w) {
            continue;
        }
        for n in [1, 2] {
            let Some(owner) = i.checked_sub(n + 1) else {
                continue;
            };
            let name = &words[owner + 1..i];
            let capital = name.iter().all(|x| {
                x.chars().next().is_some_and(char::is_uppercase)
                    && x.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '+' | '-'))
            });
            let owned = is(owner, "your")
                || is(owner, "my")
                || (is(owner, "the") && owner > 0 && is(owner - 1, "on"));
            if capital && owned {
                return Some(name.join(" "));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_or_a_phone_told_in_the_chat_is_learnt() {
        let reader = Reader::new();
        let mut ctx = reader.read("Reason: Can't add a second user");
        reader.learn_after(
            &mut ctx,
            None,
            "Your Solo plan includes 1 user. Upgrading to Team adds 5.",
        );
        assert_eq!(ctx.account.as_deref(), Some("Solo"));
        reader.learn_after(&mut ctx, None, "I'm on the Pro plan now.");
        assert_eq!(ctx.account.as_deref(), Some("Solo"), "never overwritten");
        for (text, plan) in [
            ("I'm on the Family Plus plan.", Some("Family Plus")),
            ("Would you like the Team plan?", None),
            ("Your plan renews monthly.", None),
        ] {
            assert_eq!(plan_in(text).as_deref(), plan, "{text}");
        }
        let mut ctx = reader.read("Order: BR-99120");
        reader.learn_after(
            &mut ctx,
            Some("What phone number should the driver call?"),
            "11 98765 4321",
        );
        assert_eq!(
            ctx.details.get("Phone").map(String::as_str),
            Some("11 98765 4321")
        );
        assert_eq!(ctx.order_numbers, ["BR-99120"], "a phone is no order");
        let mut ctx = reader.read("Order: BR-99120");
        reader.learn_after(&mut ctx, Some("Which order is it?"), "It's 55120");
        assert!(ctx.details.is_empty());
        assert_eq!(
            phone_in("call me on +44 (0)20 7946 0000."),
            Some("+44 (0)20 7946 0000")
        );
        assert_eq!(phone_in("order 12345 please"), None);
    }

    #[test]
    fn a_name_given_when_asked_is_learnt() {
        let reader = Reader::new();
        let mut ctx = reader.read("Issue: Direct debit taken twice");
        reader.learn_after(
            &mut ctx,
            Some("Sorry! Can I take your name?"),
            "Olusegun Bakare",
        );
        assert_eq!(ctx.customer_name.as_deref(), Some("Olusegun Bakare"));
        assert_eq!(ctx.first_name.as_deref(), Some("Olusegun"));
        let mut ctx = reader.read("Issue: Meter blank");
        reader.learn_after(&mut ctx, Some("May I take your name?"), "It's Fiona Grant.");
        assert_eq!(ctx.customer_name.as_deref(), Some("Fiona Grant"));
        let mut ctx = reader.read("Issue: Meter blank");
        reader.learn_after(&mut ctx, Some("Which meter is it?"), "Kitchen Wall");
        assert_eq!(ctx.customer_name, None, "not asked for a name");
        reader.learn_after(
            &mut ctx,
            Some("What's your name?"),
            "it is broken, not blank",
        );
        assert_eq!(ctx.customer_name, None, "no name in the answer");
    }

    #[test]
    fn a_code_the_card_knows_as_something_else_is_not_learnt_as_an_order() {
        let reader = Reader::new();
        let mut ctx =
            reader.read("Customer: Mia Hoffmann\nSerial: VX2-88K-19023\nIssue: Won't charge");
        reader.learn(&mut ctx, "scroll up. VX2-88K-19023");
        assert!(ctx.order_numbers.is_empty(), "{:?}", ctx.order_numbers);
        reader.learn(&mut ctx, "It's 100235");
        assert_eq!(ctx.order_numbers, ["100235"]);
    }
}
