//! What the coach says: why each finding matters, in the guide's own words
//! where it has them, and a better line built from the context.
//!
//! Suggestions quote what the context knows (the order number, the email,
//! the issue, the agent's name) so accepting one fixes the reply for real;
//! a bracketed placeholder appears only for what the context does not know.
//! The ready opening ([`crate::opening`]) builds its lines from the same
//! helpers, so both say the same thing the same way.

use crate::context::Context;

use super::known::Known;
use super::never_ask::Asked;
use super::words::{has_content_word, tokens};

/// The guide's "why" for never-ask questions about the problem.
pub(crate) const WHY_ASK: &str =
    "Customer already explained to AI. Asking again signals you didn't read.";
/// The guide's "why" for asking for collected details.
pub(crate) const WHY_COLLECTED: &str = "AI already collected this info. Use it.";

/// The message and suggestion of a never-ask finding.
pub(crate) fn never_ask(asked: Asked, known: &Known) -> (String, Option<String>) {
    let ctx = known.context();
    match asked {
        Asked::Problem => (
            format!("Asking what's wrong. {WHY_ASK}"),
            Some(match known.issue_phrase() {
                // The guide's "I see you're having [issue], let me help.", with the
                // issue as the card says it (a clause or a noun phrase alike).
                Some(p) => format!("I see you're having trouble — {p}. Let me help."),
                None => "I see you're having [issue], let me help.".to_string(),
            }),
        ),
        Asked::Story => (
            format!("Asking them to explain again. {WHY_ASK}"),
            Some(match known.issue_phrase() {
                Some(p) => format!("I've read through your chat — {p}. Let me take it from here."),
                None => "I've read through your chat, so let me take it from here.".to_string(),
            }),
        ),
        Asked::Order => {
            (
                format!("Asking for the order number. {WHY_COLLECTED}"),
                Some(order_line(&ctx.order_numbers).unwrap_or_else(|| {
                    "I see your order is #[order], let me check on that.".into()
                })),
            )
        }
        Asked::Email => (
            format!("Asking for their email. {WHY_COLLECTED}"),
            ctx.emails
                .first()
                .map(|e| format!("I have your email as {e} — I'll use that.")),
        ),
        Asked::Name => (
            format!("Asking for their name. {WHY_COLLECTED}"),
            greeting_name(ctx).map(|n| format!("Hi {n},")),
        ),
        Asked::Plan => (
            format!("Asking for their plan. {WHY_COLLECTED}"),
            ctx.account
                .as_deref()
                .map(|a| format!("I can see you're on {}.", a.trim())),
        ),
        Asked::Detail(i) => {
            let detail = ctx.details.iter().nth(i);
            let label = detail.map_or("detail".to_string(), |(k, _)| crate::text::lower(k.trim()));
            (
                format!("Asking for their {label}. {WHY_COLLECTED}"),
                detail.map(|(k, v)| {
                    format!(
                        "I have your {} as {}.",
                        crate::text::lower(k.trim()),
                        v.trim()
                    )
                }),
            )
        }
    }
}

/// Message and suggestion for blaming the bot (guide, Mistake 2).
pub(crate) fn blame_ai() -> (String, Option<String>) {
    (
        "Blaming the AI. Blaming AI undermines customer confidence in your company.".into(),
        Some("I'm glad you reached out, let's get this sorted.".into()),
    )
}

/// Message and suggestion for piled-up apologies (guide, Mistake 4).
pub(crate) fn over_apologize(count: usize) -> (String, Option<String>) {
    (
        format!("{count} apologies in one message. Action beats apology. Focus on solving."),
        Some("I understand this is frustrating. Here's what I can do...".into()),
    )
}

/// Message and suggestion for a missing checklist item.
pub(crate) fn missing(id: &str, known: &Known, agent: Option<&str>) -> (String, Option<String>) {
    let ctx = known.context();
    let (message, suggestion): (&str, Option<String>) = match id {
        "always.use-name" => ("Name: use theirs.", greeting_name(ctx).map(|n| format!("Hi {n}!"))),
        "always.introduce-self" => ("Yours: introduce yourself.", Some(format!("I'm {}.", agent.unwrap_or("[Agent]")))),
        "always.acknowledge-issue" => (
            "Acknowledgment: show you know their issue.",
            known.issue_phrase().map(|p| format!("I see the issue — {p}.")).or_else(|| order_line(&ctx.order_numbers)),
        ),
        "always.reference-context" => (
            "Show you read the AI conversation: the customer already explained to AI.",
            Some("I've got the details from your chat.".into()),
        ),
        "always.state-action" => ("Action: tell them what you're doing.", Some(format!("Let me {}.", known.action_phrase()))),
        "always.set-timeline" => (
            "Timeline: set expectations. Silence after AI interaction feels like another failure.",
            Some("This will take me about 2 minutes to check. I'll update you as I go.".into()),
        ),
        "tone.empathy-missing" => (
            "Tone: the customer is upset; acknowledge the feeling. An apology alone is not an acknowledgement.",
            Some("I understand this is frustrating.".into()),
        ),
        "close.summarize" => ("Before closing: summarize what was done.", Some("To recap, here's what I've done: [what you did].".into())),
        "close.next-steps" => ("Before closing: explain what happens next.", Some("Here's what happens next: [next step].".into())),
        "close.anything-else" => ("Before closing: ask if there's anything else.", Some("Is there anything else I can help with?".into())),
        "close.thank" => (
            "Before closing: thank them for their patience with the handoff.",
            Some(match greeting_name(ctx) {
                Some(n) => format!("Thanks for your patience with the handoff, {n}!"),
                None => "Thanks for your patience with the handoff!".into(),
            }),
        ),
        _ => ("Missing.", None),
    };
    (message.to_string(), suggestion)
}

/// The name to greet with: the first name, else the full name.
pub(crate) fn greeting_name(ctx: &Context) -> Option<String> {
    [&ctx.first_name, &ctx.customer_name]
        .into_iter()
        .flatten()
        .map(|n| n.trim())
        .find(|n| !n.is_empty())
        .map(String::from)
}

/// "I see your order is #12345, let me check on that." for the known
/// order numbers; `None` when there are none.
pub(crate) fn order_line(orders: &[String]) -> Option<String> {
    let orders: Vec<String> = orders
        .iter()
        .map(|o| o.trim().trim_start_matches('#'))
        .filter(|o| !o.is_empty())
        .map(|o| format!("#{o}"))
        .collect();
    match orders.as_slice() {
        [] => None,
        [one] => Some(format!("I see your order is {one}, let me check on that.")),
        [rest @ .., last] => Some(format!(
            "I see your orders {} and {last}, let me check on those.",
            rest.join(", ")
        )),
    }
}

/// What the card's reference number is a number of: the first kind of
/// reference the card's own words name ("hotel booking shows the wrong
/// dates" -> "booking"), else what travel words imply ("flight change
/// fee" -> "booking"), else what the number's own prefix says ("INV-2291"
/// -> "invoice"), else "order".
fn reference_noun(ctx: &Context) -> &'static str {
    /// Things one books rather than orders.
    const BOOKED: &[&str] = &[
        "flight", "hotel", "trip", "stay", "room", "seat", "cabin", "tour",
    ];
    /// Common prefixes of reference numbers, and what they number.
    const PREFIXES: &[(&str, &str)] = &[
        ("bk", "booking"),
        ("bkg", "booking"),
        ("res", "reservation"),
        ("rsv", "reservation"),
        ("inv", "invoice"),
    ];
    const KINDS: &[&str] = &[
        "order",
        "booking",
        "reservation",
        "invoice",
        "subscription",
        "ticket",
        "claim",
        "shipment",
        "case",
    ];
    let texts = [
        &ctx.issue,
        &ctx.escalation_reason,
        &ctx.requested_outcome,
        &ctx.summary,
    ];
    let first_of = |kinds: &[&str], noun: Option<&'static str>| {
        texts.into_iter().flatten().find_map(|text| {
            let lower = text.to_ascii_lowercase();
            lower
                .split(|c: char| !c.is_ascii_alphabetic())
                .find_map(|w| {
                    let w = w.strip_suffix('s').unwrap_or(w);
                    kinds.iter().position(|k| *k == w)
                })
                .map(|i| noun.unwrap_or(KINDS[i]))
        })
    };
    let by_prefix = || {
        let number = ctx.order_numbers.first()?.trim().trim_start_matches('#');
        let head: String = number
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        PREFIXES
            .iter()
            .find(|(p, _)| *p == head)
            .map(|(_, noun)| *noun)
    };
    first_of(KINDS, None)
        .or_else(|| first_of(BOOKED, Some("booking")))
        .or_else(by_prefix)
        .unwrap_or("order")
}

/// What the agent will do, from what the context knows.
pub(crate) fn action_phrase(ctx: &Context) -> String {
    if let Some(o) = ctx
        .order_numbers
        .iter()
        .map(|o| o.trim().trim_start_matches('#'))
        .find(|o| !o.is_empty())
    {
        return format!("pull up {} #{o} and get this fixed", reference_noun(ctx));
    }
    // The wanted outcome, as the card says it when it can be said.
    let outcome = ctx
        .requested_outcome
        .as_deref()
        .map(|o| o.trim().trim_end_matches(['.', '!', '?']));
    if let Some(o) = outcome
        .map(|o| {
            if quotable(o) {
                o.to_string()
            } else {
                scrubbed(o)
            }
        })
        .filter(|o| quotable(o))
    {
        return outcome_action(&sentence_case_lower(&o));
    }
    "pull up your account and get this fixed".to_string()
}

/// Verbs a wanted outcome may start with ("know what the charge is for").
const OUTCOME_VERBS: &[&str] = &[
    "be",
    "cancel",
    "change",
    "check",
    "confirm",
    "downgrade",
    "find",
    "get",
    "have",
    "keep",
    "know",
    "make",
    "move",
    "receive",
    "restore",
    "return",
    "see",
    "speak",
    "stop",
    "switch",
    "talk",
    "understand",
    "upgrade",
];

/// Past participles without "-ed" or "-en" that end a wanted outcome
/// ("replacement sent", "fee paid back", "account set up").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "sent", "paid", "done", "made", "set", "put", "kept", "sold", "held", "built", "bought",
    "brought", "found", "cut", "shut", "reset", "rebuilt", "resent", "redone",
];

/// What the agent will do about a wanted outcome, in words that fit its
/// shape: "get your full refund sorted", "get your charge refunded", "help
/// you move to Basic".
fn outcome_action(o: &str) -> String {
    let words: Vec<&str> = o.split_whitespace().collect();
    let first = words
        .first()
        .map(|w| crate::text::lower(w))
        .unwrap_or_default();
    let last = words
        .last()
        .map(|w| crate::text::lower(w))
        .unwrap_or_default();
    let noun = [
        "the ", "a ", "an ", "my ", "your ", "his ", "her ", "their ",
    ]
    .iter()
    .find_map(|a| o.strip_prefix(a))
    .unwrap_or(o);
    if OUTCOME_VERBS.contains(&first.as_str()) {
        match o.split_once(' ') {
            Some(("know", rest)) => format!("help you find out {rest}"),
            _ => format!("help you {o}"),
        }
    } else if last.ends_with("ed")
        || last.ends_with("en")
        || IRREGULAR_PARTICIPLES.contains(&last.as_str())
        || words.contains(&"back")
    {
        format!("get your {noun}")
    } else if words.len() <= 6 {
        format!("get your {noun} sorted")
    } else {
        "pull up your account and get this fixed".to_string()
    }
}

/// One short line saying what the problem is, addressed to the customer:
/// the issue, else the escalation reason, else a sentence of the summary,
/// else the wanted outcome — the first that can be quoted to them as it is
/// (see [`quotable`]). `None` when the context knows none of them.
pub(crate) fn issue_phrase<'c>(ctx: &'c Context) -> Option<String> {
    // A field of several sentences ("Both orders were charged but only one
    // arrived. This is the third time I'm asking!!") says its problem first.
    let field = |f: &'c Option<String>| {
        let f = f.as_deref().map(str::trim)?;
        Some(sentences(f).next().unwrap_or(f))
    };
    let candidates: Vec<&str> = field(&ctx.issue)
        .into_iter()
        .chain(field(&ctx.escalation_reason))
        .chain(ctx.summary.as_deref().into_iter().flat_map(sentences))
        .chain(field(&ctx.requested_outcome))
        .collect();
    // A whole line, else one of its clauses, else its words without the
    // ones that cannot be said ("Bot couldn't fix the printer" → "couldn't
    // fix the printer").
    let raw = candidates
        .iter()
        .flat_map(|&c| std::iter::once(c).chain(clauses(c)))
        .find(|c| quotable(c))
        .map(str::to_string)
        .or_else(|| candidates.iter().map(|c| scrubbed(c)).find(|c| quotable(c)))?;
    let raw = raw
        .trim()
        .trim_end_matches(['.', '!', '?', ';', ':', ','])
        .trim();
    let first = ctx.first_name.as_deref().unwrap_or("").trim();
    let first = crate::text::lower(first);
    Some(sentence_case_lower(&to_customer(
        &shorten(raw, 140),
        &first,
    )))
}

/// The clauses of a line, split at punctuation and "but".
fn clauses(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', ';', ':', '—', '–', '(', ')'])
        .flat_map(|c| c.split(" but "))
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

/// `s` without the words that cannot be said and without brackets.
fn scrubbed(s: &str) -> String {
    tokens(s)
        .map(|(_, w)| w)
        .filter(|w| !unsayable(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words a ready line must not repeat from the card: the bot, apologies.
/// Compared without ASCII case: no other character lower-cases into one of
/// these words (the Kelvin sign, the one that lower-cases to ASCII, makes a
/// `k`, which none has), so this is their lower-cased comparison.
fn unsayable(word: &str) -> bool {
    [
        "bot",
        "bots",
        "chatbot",
        "ai",
        "assistant",
        "sorry",
        "apologise",
        "apologize",
        "apologies",
        "apology",
    ]
    .iter()
    .any(|u| u.eq_ignore_ascii_case(word))
}

/// The sentences of a card's summary, trimmed, as slices of it.
fn sentences(s: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut ends = s.char_indices().filter_map(move |(i, c)| {
        let end = i + c.len_utf8();
        (matches!(c, '.' | '!' | '?') && s[end..].chars().next().map_or(true, char::is_whitespace))
            .then_some(end)
    });
    let mut done = false;
    std::iter::from_fn(move || {
        // Each sentence to its mark, then what follows the last one.
        let end = match ends.next() {
            Some(end) => end,
            None if !done => {
                done = true;
                s.len()
            }
            None => return None,
        };
        let sentence = s.get(start..end).unwrap_or("");
        start = end;
        Some(sentence.trim())
    })
    .filter(|x| !x.is_empty())
}

/// Whether a card's line can be quoted to the customer: it has a content
/// word, and no bot, apology, inner question or bracket in it — a ready line
/// must not blame the bot or apologise because the card did ("Bot couldn't
/// help"), and brackets would read as a placeholder.
fn quotable(s: &str) -> bool {
    let inner_question = s.trim_end().trim_end_matches('?').contains('?');
    !inner_question
        && !s.contains(['[', ']'])
        && has_content_word(s)
        && !tokens(s).any(|(_, w)| unsayable(w))
}

/// Cuts `s` to at most `max` characters at a word boundary.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut
        .rfind([',', ';'])
        .or_else(|| cut.rfind(' '))
        .unwrap_or(cut.len());
    cut[..at].trim_end().to_string()
}

/// Lower-cases a sentence-case first word ("Parcel marked delivered" →
/// "parcel marked delivered") but leaves names and codes ("Vela X2").
fn sentence_case_lower(s: &str) -> String {
    let mut words = s.split(' ');
    let first = words.next().unwrap_or("");
    let second = words.next();
    let sentence_case = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(|c| !c.is_uppercase())
        && first.chars().count() > 1
        && second.map_or(true, |w| {
            w.chars().next().is_some_and(|c| !c.is_uppercase())
        });
    if !sentence_case {
        return s.to_string();
    }
    let mut chars = first.chars();
    let head: String = chars
        .next()
        .map(|c| c.to_lowercase().collect())
        .unwrap_or_default();
    format!(
        "{head}{}",
        &s[first.chars().next().map_or(0, char::len_utf8)..]
    )
}

/// Turns a card's third person into the second ("Customer was charged
/// twice" → "you were charged twice", "her password" → "your password").
fn to_customer(s: &str, first_name: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    let bare: Vec<String> = words
        .iter()
        .map(|w| crate::text::lower(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')))
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let pair = bare.get(..2).map(|w| w.join(" "));
    let mut i = match (pair.as_deref(), bare.first().map(String::as_str)) {
        (Some("the customer" | "the buyer" | "the seller" | "guest user"), _) => 2,
        (_, Some("customer" | "buyer" | "seller" | "user" | "subscriber")) => 1,
        // A prose card may open with the customer's name: "Sarah was charged…".
        (_, Some(w)) if !first_name.is_empty() && w == first_name => 1,
        _ => 0,
    };
    // A card line with no subject ("wants to downgrade", "was charged twice")
    // is about the customer: it gets one.
    let subjectless = i == 0
        && bare.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "wants"
                    | "needs"
                    | "says"
                    | "asks"
                    | "asked"
                    | "reports"
                    | "reported"
                    | "claims"
                    | "was"
                    | "is"
                    | "has"
                    | "hasn't"
                    | "wasn't"
                    | "isn't"
                    | "can't"
                    | "cannot"
                    | "didn't"
                    | "doesn't"
            )
        });
    let mut verb_next = i > 0 || subjectless;
    let mut first_person_verb = false;
    if verb_next {
        out.push("you".into());
    }
    while let (Some(word), Some(b)) = (words.get(i), bare.get(i)) {
        // "customer still says": an adverb waits with the verb after it.
        let adverb = b.ends_with("ly")
            || matches!(
                b.as_str(),
                "always" | "also" | "still" | "just" | "never" | "already" | "now"
            );
        let swap = if first_person_verb && !adverb {
            // After "I" only "was" and "am" change: "I cancelled" stays.
            first_person_verb = false;
            match b.as_str() {
                "was" => Some("were".to_string()),
                "wasn't" => Some("weren't".to_string()),
                "am" => Some("are".to_string()),
                _ => None,
            }
        } else if verb_next && adverb {
            None
        } else if verb_next {
            verb_next = false;
            Some(second_person(b))
        } else {
            match b.as_str() {
                "she" | "he" => {
                    verb_next = true;
                    Some("you".to_string())
                }
                "they" => Some("you".to_string()),
                "they're" | "they’re" => Some("you're".to_string()),
                "her" | "his" | "their" => Some("your".to_string()),
                // "the hotel cancelled Ingrid's room" → "…cancelled your room".
                w if !first_name.is_empty()
                    && w.strip_suffix("'s")
                        .or_else(|| w.strip_suffix("’s"))
                        .is_some_and(|name| name == first_name) =>
                {
                    Some("your".to_string())
                }
                "herself" | "himself" | "themselves" | "myself" => Some("yourself".to_string()),
                // The customer's own words quoted on the card: "I was
                // billed for a plan I cancelled" → "you were billed…".
                "i" => {
                    first_person_verb = true;
                    Some("you".to_string())
                }
                "i'm" | "i’m" => Some("you're".to_string()),
                "i've" | "i’ve" => Some("you've".to_string()),
                "i'd" | "i’d" => Some("you'd".to_string()),
                "i'll" | "i’ll" => Some("you'll".to_string()),
                "my" => Some("your".to_string()),
                "me" => Some("you".to_string()),
                "mine" => Some("yours".to_string()),
                _ => None,
            }
        };
        out.push(match swap {
            Some(w) if !b.is_empty() => {
                word.replacen(b.as_str(), &w, 1)
                    .replacen(&capitalised(b), &w, 1)
            }
            _ => word.to_string(),
        });
        i += 1;
    }
    out.join(" ")
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| std::iter::once(crate::text::capital(f)).chain(c).collect())
        .unwrap_or_default()
}

/// The second-person form of a third-person verb ("was" → "were").
fn second_person(verb: &str) -> String {
    match crate::text::lower(verb).as_str() {
        "was" => "were".into(),
        "is" => "are".into(),
        "has" => "have".into(),
        "wasn't" => "weren't".into(),
        "isn't" => "aren't".into(),
        "hasn't" => "haven't".into(),
        "doesn't" => "don't".into(),
        "does" => "do".into(),
        // Sliced from the lower-cased word the suffix was found in, whose
        // byte length may differ from the original's.
        v if v.len() > 3 && v.ends_with("ies") => format!("{}y", &v[..v.len() - 3]),
        v if v.len() > 2 && v.ends_with('s') && !v.ends_with("ss") => v[..v.len() - 1].to_string(),
        _ => verb.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_lines_speak_to_the_customer() {
        let ctx = |summary: &str| Context {
            summary: Some(summary.into()),
            ..Context::default()
        };
        assert_eq!(
            issue_phrase(&ctx(
                "Customer was charged twice for March. Wants full refund."
            ))
            .unwrap(),
            "you were charged twice for March"
        );
        assert_eq!(
            issue_phrase(&ctx(
                "Customer reset her password twice and still gets locked out."
            ))
            .unwrap(),
            "you reset your password twice and still gets locked out"
        );
        assert_eq!(
            issue_phrase(&ctx("Vela X2 stopped charging.")).unwrap(),
            "Vela X2 stopped charging"
        );
        let issue = Context {
            issue: Some("Parcel marked delivered but not received".into()),
            ..Context::default()
        };
        assert_eq!(
            issue_phrase(&issue).unwrap(),
            "parcel marked delivered but not received"
        );
        assert_eq!(issue_phrase(&Context::default()), None);
    }

    #[test]
    fn suggestions_quote_the_context() {
        let ctx = Context {
            order_numbers: vec!["100234".into(), "#100235".into()],
            emails: vec!["g@example.com".into()],
            ..Context::default()
        };
        let known = Known::new(ctx.clone());
        assert_eq!(
            never_ask(Asked::Order, &known).1.unwrap(),
            "I see your orders #100234 and #100235, let me check on those."
        );
        assert!(never_ask(Asked::Email, &known)
            .1
            .unwrap()
            .contains("g@example.com"));
        assert!(never_ask(Asked::Problem, &Known::new(Context::default()))
            .1
            .unwrap()
            .contains("[issue]"));
        assert_eq!(
            action_phrase(&ctx),
            "pull up order #100234 and get this fixed"
        );
        assert_eq!(
            missing("always.introduce-self", &known, Some("Kai"))
                .1
                .unwrap(),
            "I'm Kai."
        );
    }

    #[test]
    fn third_person_lines_become_second_person() {
        let ctx = |summary: &str| Context {
            summary: Some(summary.into()),
            ..Context::default()
        };
        for (card, line) in [
            (
                "Guest says their card was charged and they don't know why.",
                "guest says your card was charged and you don't know why",
            ),
            ("Customer still wants a refund.", "you still want a refund"),
            // The customer's own words, quoted on the card.
            (
                "I was billed for a plan I cancelled in January",
                "you were billed for a plan you cancelled in January",
            ),
            (
                "My parcel never came and I'm fed up. Third time asking!!",
                "your parcel never came and you're fed up",
            ),
            ("Wants to downgrade.", "you want to downgrade"),
            ("Bot couldn't fix the printer.", "couldn't fix the printer"),
            (
                "See [View Full Conversation]. Parcel is late.",
                "parcel is late",
            ),
        ] {
            assert_eq!(issue_phrase(&ctx(card)).as_deref(), Some(line), "{card}");
        }
    }

    #[test]
    fn actions_name_the_kind_of_reference() {
        let ctx = |issue: &str| Context {
            order_numbers: vec!["HX-88231".into()],
            issue: Some(issue.into()),
            ..Context::default()
        };
        assert_eq!(
            action_phrase(&ctx("hotel booking shows the wrong dates")),
            "pull up booking #HX-88231 and get this fixed"
        );
        assert_eq!(
            action_phrase(&ctx("charged twice on two invoices")),
            "pull up invoice #HX-88231 and get this fixed"
        );
        assert_eq!(
            action_phrase(&ctx("charged twice")),
            "pull up order #HX-88231 and get this fixed"
        );
        // Travel words, then the number's own prefix, say what it numbers.
        assert_eq!(
            action_phrase(&ctx("flight change fee charged after a cancellation")),
            "pull up booking #HX-88231 and get this fixed"
        );
        let numbered = |number: &str| Context {
            order_numbers: vec![number.into()],
            issue: Some("charged twice".into()),
            ..Context::default()
        };
        assert_eq!(
            action_phrase(&numbered("INV-2291")),
            "pull up invoice #INV-2291 and get this fixed"
        );
        assert_eq!(
            action_phrase(&numbered("BK-77Q2X")),
            "pull up booking #BK-77Q2X and get this fixed"
        );
        assert_eq!(
            action_phrase(&numbered("ORD-5521")),
            "pull up order #ORD-5521 and get this fixed"
        );
    }

    #[test]
    fn actions_fit_the_wanted_outcome() {
        for (outcome, action) in [
            ("Full refund", "get your full refund sorted"),
            ("charge refunded", "get your charge refunded"),
            ("a replacement sent", "get your replacement sent"),
            ("Access back tonight", "get your access back tonight"),
            (
                "know what the charge is for",
                "help you find out what the charge is for",
            ),
            (
                "move to Basic at renewal",
                "help you move to Basic at renewal",
            ),
            ("sorry sorry", "pull up your account and get this fixed"),
        ] {
            let c = Context {
                requested_outcome: Some(outcome.into()),
                ..Context::default()
            };
            assert_eq!(action_phrase(&c), action, "{outcome}");
        }
    }
}
