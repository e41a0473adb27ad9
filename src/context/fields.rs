//! Fields: the flattened card's pairs and prose become a [`Context`].
//!
//! Each pair goes to the field its label means (through the one synonym
//! table); a field given twice keeps the first strong value, and what it
//! does not keep becomes a detail, as does every pair whose label means no
//! field. Values are cleaned per field here: a sentiment or priority is one
//! lower-case word, attempts a number with the tried steps in its
//! parentheses, a name goes through [`super::names`].
//!
//! Some fields come from the whole card rather than from one label: order
//! numbers and emails wherever they are written, after-hours and VIP
//! wherever the card says so. What a card does not say stays empty; the
//! summary's own sentences fill the issue, the outcome and the mood only
//! when no label did (the escalation reason stands in for the issue last).

use std::collections::BTreeMap;

use super::chars::{is_symbol, listed, unquoted, without_quotations};
use super::flatten::{Item, Pair};
use super::labels::{self, Field, Meaning, FEELINGS};
use super::names::{first_name, NameValue};
use super::prose::{is_title, one_line, sentences, Story};
use super::{Context, Reader};
use crate::pattern::{Pattern, PatternSet};

/// The card says the bot's ticket was made while nobody staffed the desk.
const AFTER_HOURS: &str = concat!(
    // "After hours", "after-hours ticket"; not "after hours of use".
    r"\bafter[- ]?hours(?:$|[^\w ]|\s+(?:[^o\s]|o[^f]|of\w))",
    r"|\bout[- ]of[- ](?:office[- ])?hours\b",
    r"|\boutside\s+(?:of\s+)?(?:our\s+|the\s+)?(?:(?:support|business|office|working|opening|operating|staffed|service)\s+)?hours\b",
    // Nobody there: "no agents were online", "nobody was on shift".
    r"|\b(?:nobody|no\s+one|no\s+(?:live\s+)?(?:agents?|staff|humans?|people))\s+(?:(?:were|was|is|are)\s+)?(?:online|available|on\s+(?:shift|duty))\b",
    r"|\bno\s+live\s+(?:agents?|staff|support)\b",
    r"|\b(?:office|support|desk|store|shop|helpdesk|team)\s+(?:(?:is|was|are|were)\s+)?(?:closed|offline)\b",
    r"|\bwe(?:'re|\s+are|\s+were|\s+was)\s+closed\b",
    // "Offline handoff", "queued overnight by the bot".
    r"|\boffline\s+(?:handoff|hand-off|ticket|message)\b",
    r"|\b(?:queued|received|created|opened|logged|submitted|arrived)\s+overnight\b",
);

/// The card calls the customer important (CONTRACT 6.2).
const IMPORTANT: &str = r"\b(?:vip|key|strategic|high[- ]value|important|top[- ]tier|premier|platinum)\s+(?:customer|client|account|member|seller)\b|\[vip\]|\(vip\)|#vip\b|\b(?:enterprise|premier|platinum|vip)\s+(?:plan|tier|account|subscription)\b";

/// The patterns of whole-card signals, compiled once.
#[derive(Debug, Clone)]
pub(crate) struct Signals {
    /// [`AFTER_HOURS`] (0) and [`IMPORTANT`] (1), read in one pass over the
    /// whole card.
    whole_card: PatternSet,
    vip_word: Pattern,
    /// A tier, tag or type that makes a customer VIP.
    vip_tier: Pattern,
    /// How many times the bot tried, told in a sentence about it ("the bot
    /// gave up after 1 try", "Bot: Drift Assist (2 attempts)").
    tries: Pattern,
    /// When the bot made its ticket, and the desk's staffed hours.
    made_at: Pattern,
    staffed: Pattern,
}

impl Signals {
    /// Whether the card says the bot made its ticket at a time outside the
    /// hours it says the desk is staffed ("created 02:14 … desk hours
    /// 9–17"), both read as written, on the hour.
    fn made_after_hours(&self, text: &str) -> bool {
        if !text.contains(':') {
            return false;
        }
        let number =
            |r: Option<std::ops::Range<usize>>| -> Option<u32> { text.get(r?)?.parse().ok() };
        let Some(made) = self.made_at.captures(text) else {
            return false;
        };
        let Some(hours) = self.staffed.captures(text) else {
            return false;
        };
        let group = |g: &Vec<Option<std::ops::Range<usize>>>, i: usize| g.get(i).cloned().flatten();
        let pm = |i: usize| {
            group(&hours, i)
                .and_then(|r| text.get(r))
                .is_some_and(|w| w.eq_ignore_ascii_case("pm"))
        };
        let (Some(h), Some(m), Some(open), Some(close)) = (
            number(group(&made, 1)),
            number(group(&made, 2)),
            number(group(&hours, 1)),
            number(group(&hours, 3)),
        ) else {
            return false;
        };
        let open = if pm(2) && open < 12 { open + 12 } else { open };
        let close = if pm(4) && close < 12 {
            close + 12
        } else {
            close
        };
        let minutes = h * 60 + m;
        h < 24
            && m < 60
            && open < close
            && close <= 24
            && (minutes < open * 60 || minutes >= close * 60)
    }
}

impl Signals {
    /// Compiles the patterns.
    pub(crate) fn new() -> Signals {
        let p = |src: &str| Pattern::new(src).expect("built-in pattern");
        Signals {
            // Run on the card's text ASCII-lower-cased (see `finish`).
            whole_card: PatternSet::lowercase(&[AFTER_HOURS, IMPORTANT])
                .expect("built-in patterns"),
            vip_word: p(r"\bvip\b"),
            vip_tier: p(r"\b(?:vip|enterprise|premier|platinum)\b"),
            // "Ticket created 02:14 … desk hours 9–17": a time the bot made
            // the ticket, and the hours the desk is staffed.
            made_at: p(
                r"\b(?:created|opened|received|logged|submitted|raised)\b[^\n]{0,20}?\b(\d{1,2}):(\d{2})\b",
            ),
            staffed: p(concat!(
                r"\b(?:hours|desk|open|opens|staffed|support|available)\b[^\n\d]{0,20}",
                r"(\d{1,2})(?::\d{2})?\s*(am|pm)?\s*(?:-|–|—|to)\s*(\d{1,2})(?::\d{2})?\s*(am|pm)?",
            )),
            tries: p(concat!(
                r"\b(?:bot|ai|assistant|chatbot|virtual\s+agent)\b[^\n]{0,60}?",
                r"\b(\d{1,2}|one|two|three|four|five|six)\s+(?:failed\s+|unsuccessful\s+)?(?:attempts?|tries|try)\b",
            )),
        }
    }

    /// Whether a value under a label the table does not know marks a VIP:
    /// it starts with "VIP" ("Customer type: VIP customer"), or the label
    /// names a kind and the value is a VIP tier ("Loyalty status:
    /// Platinum").
    fn says_vip(&self, label: &str, value: &str) -> bool {
        const KINDS: &[&str] = &[
            "type", "tier", "level", "status", "segment", "class", "category",
        ];
        let lead = value.trim_start_matches(|c: char| !c.is_alphanumeric());
        let kind = label
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        (lead.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("vip")) && self.mentions_vip(value))
            || (KINDS.iter().any(|k| k.eq_ignore_ascii_case(kind)) && self.vip_tier.is_match(value))
    }

    /// Whether `text` says VIP as a word (a cheap look for the letters
    /// first: most values never mention it).
    fn mentions_vip(&self, text: &str) -> bool {
        text.as_bytes()
            .windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"vip"))
            && self.vip_word.is_match(text)
    }
}

/// One single-valued field's value so far, and the label it came from.
#[derive(Debug, Default)]
struct Slot {
    value: Option<String>,
    label: String,
    weak: bool,
}

/// A labelled value that a field did not keep: it becomes a detail.
type Lost = Option<(String, String)>;

impl Slot {
    /// Offers `value` from `label`: the first strong value wins, a strong
    /// one replaces a weak one. Returns the value not kept, with its label.
    fn offer(&mut self, value: String, weak: bool, label: &str) -> Lost {
        match &self.value {
            None => {
                (self.value, self.label, self.weak) = (Some(value), label.to_string(), weak);
                None
            }
            Some(_) if self.weak && !weak => {
                let old_label = std::mem::replace(&mut self.label, label.to_string());
                self.weak = false;
                self.value.replace(value).map(|v| (old_label, v))
            }
            Some(_) => Some((label.to_string(), value)),
        }
    }
}

/// The context as the card's items fill it, before the summary's sentences
/// and the whole card's text have their say.
#[derive(Debug, Default)]
struct Draft {
    name: Slot,
    first: Slot,
    last: Slot,
    account: Slot,
    reason: Slot,
    summary: Slot,
    issue: Slot,
    outcome: Slot,
    sentiment: Slot,
    priority: Slot,
    attempts: Option<u32>,
    tried: Vec<String>,
    orders: Vec<String>,
    emails: Vec<String>,
    vip: bool,
    after_hours: bool,
    details: BTreeMap<String, String>,
    /// Whether any pair meant a field (a card that is not pure prose).
    labelled: bool,
    /// The card's first item, when it is prose that holds an address: it
    /// may be a contact header.
    header: Option<String>,
    /// A name the customer gives in words the card quotes as theirs.
    said_name: Option<String>,
    /// The customer's words the card quotes ("Customer quote: …").
    said: String,
    /// The chat transcript on the card, if it has one.
    transcript: String,
    /// Every value and paragraph, one per line, in the card's order: read
    /// once at the end for what the whole card says (emails, after hours,
    /// an important customer).
    text: String,
}

impl Draft {
    /// Adds `text` to what the whole card says.
    fn said(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
    }
}

/// Fills a context from the card's items.
pub(crate) fn fill(reader: &Reader, items: &[Item]) -> Context {
    let mut d = Draft::default();
    d.text.reserve(
        items
            .iter()
            .map(|i| if let Item::Prose(p) = i { p.len() } else { 64 })
            .sum(),
    );
    let mut prose: Vec<&str> = Vec::new();
    if let Some(Item::Prose(first)) = items.first() {
        if first.contains('@') {
            d.header = Some(first.clone());
        }
    }
    // A paragraph under a label the table does not know ("Beacon AI:
    // Customer changed phone…", "Kindly note: customer Meena…") is the
    // bot's note under a name of its own: prose to read for the name, the
    // story and the mood, as well as a detail.
    let notes: Vec<Option<String>> = items
        .iter()
        .map(|item| match item {
            Item::Pair(pair) if pair.meaning.is_none() => {
                Some(pair.value()).filter(|v| paragraph(v))
            }
            _ => None,
        })
        .collect();
    for (item, note) in items.iter().zip(&notes) {
        match item {
            Item::Pair(pair) => {
                pair_into(reader, pair, &mut d);
                if let Some(note) = note {
                    prose.push(note);
                }
            }
            Item::Prose(text) => {
                prose.push(text);
                d.said(text);
                // A short heading that says VIP ("⭐ VIP customer"), or a
                // note that a VIP tag opens ("VIP!! Anika — …").
                if (text.split_whitespace().count() <= 6 && reader.signals.mentions_vip(text))
                    || labels::after_vip_tag(text).is_some()
                {
                    d.vip = true;
                }
            }
        }
    }
    finish(reader, d, &prose)
}

fn pair_into(reader: &Reader, pair: &Pair, d: &mut Draft) {
    let value = pair.value();
    if !value.chars().any(|c| c.is_alphanumeric() || is_symbol(c)) {
        // A flag's label on its own says the flag: "Out-of-hours ticket",
        // "VIP".
        match pair.meaning.map(|m| m.field) {
            Some(Field::AfterHours) => d.after_hours = true,
            Some(Field::Vip) => d.vip = true,
            _ => {}
        }
        return;
    }
    d.labelled |= pair.meaning.is_some();
    let Meaning { field, weak } = match pair.meaning {
        Some(m) => m,
        None => {
            // An unknown label may say something too: "After-hours ticket:
            // created at 01:32", "Order #12345: shipped".
            d.text.push_str(&pair.label);
            d.text.push_str(": ");
            d.said(&value);
            d.vip |= reader.signals.says_vip(&pair.label, &value);
            detail(d, &pair.label, value);
            return;
        }
    };
    if field == Field::Order {
        // The labelled numbers join the card's text as "order #…", so one
        // pass over it keeps every order number in the card's order.
        let mut ids = Vec::new();
        reader.ids.in_value(&value, &mut ids);
        for id in &ids {
            if id.contains(' ') {
                // "4471 2290" read as one number: the text would split it.
                super::ids::push_unique(&mut d.orders, id);
                continue;
            }
            d.text.push_str("order #");
            d.said(id);
        }
        if ids.iter().any(|id| id.contains(' ')) {
            return;
        }
        d.said(&value);
        if ids.is_empty() {
            detail(d, &pair.label, value);
        }
        return;
    }
    d.said(&value);
    let label = pair.label.as_str();
    // "- Customer: \"The bag arrived split open…\"": the customer's label
    // over words in quotes is what they said, as "Customer said:" is.
    let speech = field == Field::Name
        && value.trim_start().starts_with(['"', '“', '«'])
        && value.split_whitespace().nth(3).is_some();
    let (field, weak) = if speech {
        (Field::Issue, true)
    } else {
        (field, weak)
    };
    let lost: Lost = match field {
        Field::Name => match reader.names.clean(&value) {
            NameValue::Name(n) => {
                d.vip |= reader.signals.mentions_vip(&value);
                d.name.offer(n, weak, label)
            }
            NameValue::Placeholder => None,
            NameValue::NotAName => Some((label.to_string(), value.clone())),
        },
        Field::FirstName => clean_name(reader, &value).and_then(|n| d.first.offer(n, weak, label)),
        Field::LastName => clean_name(reader, &value).and_then(|n| d.last.offer(n, weak, label)),
        Field::Email => None,
        Field::Account => {
            d.vip |= reader.signals.vip_tier.is_match(&value);
            d.account.offer(value.clone(), weak, label)
        }
        Field::Vip => {
            d.vip |= truthy(&value) || reader.signals.vip_tier.is_match(&value);
            None
        }
        Field::AfterHours => {
            // "Out of hours" over any value but a no says so: "After hours:
            // ticket created 01:32", a badge above its note.
            d.after_hours |= !falsy(&value);
            None
        }
        Field::Tags => {
            d.vip |= reader.signals.vip_tier.is_match(&value);
            Some((label.to_string(), value.clone()))
        }
        Field::Reason => d.reason.offer(trim_value(&value), weak, label),
        Field::Attempts => {
            let (count, tried) = match attempts(&value) {
                // "Handed over by AI Agent (2 attempts: recalculated refund,
                // sent returns policy)": the count ends the label, and the
                // value is the steps.
                (None, _) => match counted(label) {
                    Some(n) => (Some(n), split_list(value.trim_end_matches(')'))),
                    None => (None, Vec::new()),
                },
                found => found,
            };
            if d.attempts.is_none() {
                d.attempts = count;
            }
            for t in tried {
                push_tried(&mut d.tried, t);
            }
            None
        }
        Field::Tried => {
            // "Fin tried: 2 answers (…)": a count first is the attempts.
            let (count, steps) = attempts(&value);
            if count.is_some() {
                d.attempts = d.attempts.or(count);
                for t in steps {
                    push_tried(&mut d.tried, t);
                }
                return;
            }
            for part in &pair.parts {
                for t in split_list(part) {
                    push_tried(&mut d.tried, t);
                }
            }
            None
        }
        // A value without a known word ("Priority escalation — key
        // account") yields to one with it ("Priority: Urgent").
        Field::Sentiment => {
            word(&value, true).and_then(|(w, known)| d.sentiment.offer(w, weak || !known, label))
        }
        Field::Priority => {
            d.vip |= reader.signals.mentions_vip(&value);
            word(&value, false).and_then(|(w, known)| d.priority.offer(w, weak || !known, label))
        }
        Field::Summary => d
            .summary
            .offer(unquoted(value.trim()).to_string(), weak, label),
        Field::Issue => {
            // "Customer said: \"Hi, this is Maya…\"": the customer's own words
            // may introduce them, and say how they feel.
            if weak {
                if d.said_name.is_none() {
                    d.said_name = reader.names.quoted(&format!("said {value}"));
                }
                d.said.push_str(&value);
                d.said.push('\n');
            }
            // An email subject's "Re:" / "Fwd: Re:" is not the issue.
            let mut issue = value.trim_start();
            while let Some(p) = ["re:", "fw:", "fwd:", "aw:", "sv:"].iter().find(|p| {
                issue
                    .get(..p.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(p))
            }) {
                issue = issue[p.len()..].trim_start();
            }
            d.issue.offer(trim_value(issue), weak, label)
        }
        Field::Outcome => d.outcome.offer(trim_value(&value), weak, label),
        Field::Order => None,
        // What was said in the chat: read for identifiers and the mood
        // (as the whole card's text), not a detail of the card.
        Field::Transcript => {
            d.transcript.push_str(&value);
            d.transcript.push('\n');
            // A number given right after the bot asked for the order is the
            // order's ("[bot] Could you share your order number?" /
            // "[Sofia] it's 2024-IT-8812").
            for ask in pair.parts.windows(2) {
                let asked = ask[0].to_ascii_lowercase();
                if asked.contains('?')
                    && ["order", "booking", "reservation", "confirmation", "invoice"]
                        .iter()
                        .any(|w| asked.contains(w))
                {
                    let answer = ask[1]
                        .split_once("] ")
                        .or_else(|| ask[1].split_once(": "))
                        .map_or(ask[1].as_str(), |(_, a)| a);
                    reader.ids.answered(answer, &mut d.orders);
                }
            }
            None
        }
    };
    if let Some((label, value)) = lost {
        detail(d, &label, value);
    }
}

fn finish(reader: &Reader, mut d: Draft, prose: &[&str]) -> Context {
    reader.ids.in_text(&d.text, &mut d.orders);
    reader.ids.emails(&d.text, &mut d.emails);
    let lower = d.text.to_ascii_lowercase();
    let said = reader.signals.whole_card.matches(&lower);
    // "After hours" in the customer's quoted words is what they asked
    // about ("Are you open after hours on Sunday?"), not when the bot
    // made its ticket.
    let after_hours = said.contains(&0)
        && reader
            .signals
            .whole_card
            .matches(&without_quotations(&lower))
            .contains(&0);
    d.after_hours |= after_hours || reader.signals.made_after_hours(&d.text);
    d.vip |= said.contains(&1);
    // The card's title ("LiveChat · ChatBot transfer") says where the card
    // comes from: no part of the summary or the story (names may still be
    // read from it).
    let untitled: Vec<&str> = prose.iter().copied().filter(|p| !is_title(p)).collect();
    let joined_prose = untitled.join(" ");
    // "Problem summary: …" is the issue, and on a card with no summary of
    // its own also the summary: it is the bot's summary text, of the problem.
    if d.summary.value.is_none() && labels::normalize(&d.issue.label).ends_with("summary") {
        d.summary.value.clone_from(&d.issue.value);
    }
    // Pure prose is its own summary; so is a paragraph of it on a card of
    // a few labels ("Tom reports his broadband drops every 10 minutes…" /
    // "Account: Fibre 500"). Otherwise prose (headings, notes) only helps
    // to find the issue, the outcome and the mood.
    if d.summary.value.is_none() && !joined_prose.is_empty() {
        if !d.labelled {
            d.summary.value = Some(joined_prose.clone());
        } else {
            let paragraphs: Vec<&str> = untitled.iter().copied().filter(|p| paragraph(p)).collect();
            if !paragraphs.is_empty() {
                d.summary.value = Some(paragraphs.join(" "));
            }
        }
    }
    let summary = d.summary.value.clone();
    let narrative: String = match &summary {
        Some(s) if s != &joined_prose && !joined_prose.is_empty() => format!("{s} {joined_prose}"),
        Some(s) => s.clone(),
        None => joined_prose.clone(),
    };

    let customer_name = d
        .name
        .value
        .take()
        // "Name: Sarah" with "Surname: Chen" is Sarah Chen.
        .map(|n| match &d.last.value {
            Some(l) if d.first.value.is_none() && !n.contains(' ') => format!("{n} {l}"),
            _ => n,
        })
        .or_else(|| match (&d.first.value, &d.last.value) {
            (Some(f), Some(l)) => Some(format!("{f} {l}")),
            (Some(f), None) => Some(f.clone()),
            _ => None,
        })
        // A heading that says whom the note is about ("Conversation with
        // …", "VIP!! Anika — …") before a sentence's subject, which may be
        // the bot's name ("Fin explained the billing").
        .or_else(|| prose.iter().find_map(|t| reader.names.topic(t)))
        .or_else(|| {
            summary
                .iter()
                .map(String::as_str)
                .chain(prose.iter().copied())
                .find_map(|t| {
                    reader
                        .names
                        .in_prose(t)
                        .or_else(|| reader.names.introduced(t))
                })
        })
        // A contact header: the card opens with a name and its address
        // ("Marta Silva" / "marta.silva@gmail.com · Lisbon"), as chat
        // platforms' side panels do.
        .or_else(|| d.header.as_deref().and_then(|h| reader.names.given(h)))
        // The customer introducing themselves in words the card quotes.
        .or_else(|| d.said_name.take())
        .or_else(|| d.text.lines().find_map(|l| reader.names.quoted(l)));
    let first = d
        .first
        .value
        .clone()
        .and_then(|f| first_name(&f))
        .or_else(|| customer_name.as_deref().and_then(first_name));

    let want = Story {
        issue: d.issue.value.is_none(),
        outcome: d.outcome.value.is_none(),
    };
    let told = reader
        .prose
        .story(&narrative, customer_name.as_deref(), want);
    let issue = d
        .issue
        .value
        .map(|v| short(&v))
        .or(told.issue)
        .or_else(|| d.reason.value.as_deref().map(short));
    let outcome = d.outcome.value.map(|v| short(&v)).or(told.outcome);
    let sentiment = d.sentiment.value.or_else(|| {
        let said = [
            Some(narrative.as_str()),
            issue.as_deref(),
            outcome.as_deref(),
            d.reason.value.as_deref(),
            Some(d.transcript.as_str()),
            Some(d.said.as_str()),
        ];
        said.into_iter()
            .flatten()
            .find_map(|t| reader.prose.sentiment(t))
    });

    Context {
        customer_name,
        first_name: first,
        account: d.account.value,
        vip: d.vip,
        escalation_reason: d.reason.value,
        ai_attempts: d.attempts.or_else(|| {
            let said = reader.signals.tries.captures(&d.text)?;
            let count = said.get(1).cloned().flatten()?;
            attempts(&d.text[count]).0
        }),
        ai_tried: d.tried,
        sentiment,
        priority: d
            .priority
            .value
            .or_else(|| reader.prose.priority(&narrative)),
        summary,
        order_numbers: d.orders,
        emails: d.emails,
        issue,
        requested_outcome: outcome,
        after_hours: d.after_hours,
        details: d.details,
    }
}

/// Whether `text` is a paragraph (a dozen words or more), not a heading
/// or a note of a few words.
fn paragraph(text: &str) -> bool {
    text.split_whitespace().nth(11).is_some()
}

/// Keeps `value` as a detail under `label`, unless the card gave that
/// label already. A nested key is kept under its own name ("phone", as an
/// agent would ask for it) unless that name says nothing alone ("id",
/// "total") or is taken: then under its path ("ticket.id").
fn detail(d: &mut Draft, label: &str, value: String) {
    const VAGUE: &[&str] = &[
        "id",
        "name",
        "type",
        "status",
        "value",
        "total",
        "amount",
        "date",
        "time",
        "code",
        "number",
        "label",
        "text",
        "title",
        "source",
        "created",
        "created_at",
        "updated_at",
        "url",
        "key",
    ];
    let label = label.trim();
    // The last step of a dotted path; "Member no." ends in a full stop,
    // not in an empty step.
    let key = label
        .trim_end_matches('.')
        .rsplit('.')
        .next()
        .filter(|k| !k.is_empty() && !label.ends_with('.'))
        .unwrap_or(label);
    let vague = VAGUE.iter().any(|v| v.eq_ignore_ascii_case(key));
    let label = if key.len() < label.len() && !vague && !d.details.contains_key(key) {
        key
    } else {
        label
    };
    if !label.is_empty() {
        d.details.entry(label.to_string()).or_insert(value);
    }
}

fn clean_name(reader: &Reader, value: &str) -> Option<String> {
    match reader.names.clean(value) {
        NameValue::Name(n) => Some(n),
        _ => None,
    }
}

/// A yes/no value that says yes.
fn truthy(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "true" | "yes" | "y" | "1" | "on" | "x" | "✓" | "✔"
    )
}

/// A yes/no value that says no ("false", "No", "none", "-").
fn falsy(value: &str) -> bool {
    let first = value
        .split(|c: char| c.is_whitespace() || c == ',')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    listed(
        "false no n 0 off none not never null nil n/a na unknown",
        first,
    ) || matches!(first, "✗" | "✘" | "❌")
}

/// A labelled free-text value without trailing emoji and punctuation, and
/// with a machine's `snake_case` spaced out.
fn trim_value(value: &str) -> String {
    let v = unquoted(value.trim());
    let v = v
        .trim_end_matches(|c: char| c.is_whitespace() || is_symbol(c) || c == '.')
        .trim();
    if !v.contains(' ') && v.contains('_') {
        v.replace('_', " ")
    } else {
        v.to_string()
    }
}

/// A labelled issue or outcome as one short line: as written when it is
/// short, else its first sentence, shortened.
fn short(value: &str) -> String {
    if value.split_whitespace().count() <= 20 {
        return value.to_string();
    }
    one_line(sentences(value).first().copied().unwrap_or(value))
}

/// A sentiment or priority value as one lower-case word: the known word
/// when the value holds one ("Negative (frustrated)", "P1 - Urgent"), else
/// its first word; a face emoji alone is read as the feeling it shows, and
/// a bare score between -1 and 1 as negative, neutral or positive. With it,
/// whether the word is one the scale knows (a face and a score are).
fn word(value: &str, feeling: bool) -> Option<(String, bool)> {
    const PRIORITIES: &str = "critical urgent high medium normal low vip";
    let known = if feeling { FEELINGS } else { PRIORITIES };
    let mut words = value
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map(|w| w.trim_matches(['-', '.']))
        .filter(|w| w.chars().any(char::is_alphabetic));
    if let Some(w) = words.clone().find(|w| listed(known, w)) {
        return Some((w.to_ascii_lowercase(), true));
    }
    if feeling && !value.chars().any(char::is_alphabetic) {
        let face = match value.trim().chars().next()? {
            '😡' | '😠' | '🤬' => "angry",
            '😤' | '😩' | '😫' => "frustrated",
            '😞' | '😢' | '😭' | '☹' | '🙁' => "sad",
            '😟' | '😰' | '😨' => "worried",
            '😐' | '😶' => "neutral",
            '🙂' | '😊' | '😀' | '😃' => "happy",
            _ => {
                let score = crate::text::decimal(value.trim())?;
                match score {
                    s if s <= -0.25 => "negative",
                    s if s >= 0.25 => "positive",
                    _ => "neutral",
                }
            }
        };
        return Some((face.to_string(), true));
    }
    let w = crate::text::lower(words.next()?);
    // Scales of their own: "P2", "Sev 1", "negative", "neutral".
    let scale = w.chars().any(|c| c.is_ascii_digit())
        || listed("negative neutral positive mixed sev severity", &w);
    Some((w, scale))
}

/// "2 (provided billing FAQ, offer help)" -> 2 and the two steps; "Two" ->
/// 2; "3 - reset, cable check" -> 3 and two steps.
fn attempts(value: &str) -> (Option<u32>, Vec<String>) {
    let v = value.trim();
    let digits: String = v.chars().take_while(char::is_ascii_digit).collect();
    let (count, rest) = if digits.is_empty() {
        let first = v.split_whitespace().next().unwrap_or("");
        const WORDS: &[&str] = &[
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ];
        match WORDS.iter().position(|w| first.eq_ignore_ascii_case(w)) {
            Some(n) => (u32::try_from(n).ok(), &v[first.len()..]),
            None => (None, v),
        }
    } else {
        (digits.parse().ok(), &v[digits.len()..])
    };
    let rest = rest.trim();
    // The steps: the parenthesised list, or what follows a dash or colon.
    let steps = match (rest.find('('), rest.rfind(')')) {
        (Some(a), Some(b)) if a < b => &rest[a + 1..b],
        _ => rest.trim_start_matches(['-', '–', '—', ':', ' ']),
    };
    let steps = if count.is_some()
        && steps
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with("attempt"))
    {
        ""
    } else {
        steps
    };
    (
        count,
        if count.is_some() {
            split_list(steps)
        } else {
            Vec::new()
        },
    )
}

/// The count that ends a label ("Bot (2 attempts", "after three tries"),
/// if one does.
fn counted(label: &str) -> Option<u32> {
    let mut words = label.split_whitespace().rev();
    let noun = words.next()?;
    if !listed("attempts attempt tries try", noun) {
        return None;
    }
    attempts(words.next()?.trim_start_matches('(')).0
}

/// A list written in a line: "app reinstall, router restart and a reset".
fn split_list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in text.split([',', ';', '\n']) {
        let mut rest = piece;
        // " and " between steps, but only where both sides are steps.
        while let Some(i) = rest.find(" and ").or_else(|| rest.find(" & ")) {
            let (a, b) = (&rest[..i], &rest[i..]);
            let b = b.trim_start_matches([' ', '&']).trim_start_matches("and ");
            if a.split_whitespace().count() >= 1 && b.split_whitespace().count() >= 1 {
                push_step(&mut out, a);
                rest = b;
            } else {
                break;
            }
        }
        push_step(&mut out, rest);
    }
    out
}

fn push_step(out: &mut Vec<String>, step: &str) {
    let mut step = step
        .trim()
        .trim_matches(|c: char| matches!(c, '"' | '\'' | '-' | '•' | '*'))
        .trim();
    // A parenthesis that the list split off its partner: "(FAQ", "help)";
    // "reset link (x2)" keeps its own.
    if step.starts_with('(') && !step.contains(')') {
        step = &step[1..];
    }
    if step.ends_with(')') && !step.contains('(') {
        step = &step[..step.len() - 1];
    }
    let step = trim_value(step);
    let step = step.trim();
    if step.chars().any(char::is_alphanumeric) {
        out.push(step.to_string());
    }
}

fn push_tried(tried: &mut Vec<String>, step: String) {
    if tried.len() < super::ids::MAX_IDS && !tried.iter().any(|t| t.eq_ignore_ascii_case(&step)) {
        tried.push(step);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_and_their_steps() {
        assert_eq!(
            attempts("2 (provided billing FAQ, offer help)"),
            (
                Some(2),
                vec!["provided billing FAQ".to_string(), "offer help".to_string()]
            )
        );
        assert_eq!(attempts("Two"), (Some(2), vec![]));
        assert_eq!(attempts("3 attempts"), (Some(3), vec![]));
        assert_eq!(attempts("several"), (None, vec![]));
        assert_eq!(counted("Handed over by AI Agent (2 attempts"), Some(2));
        assert_eq!(counted("Bot gave up after three tries"), Some(3));
        assert_eq!(counted("Bot attempts"), None);
    }

    #[test]
    fn lists_split_on_commas_and_and() {
        assert_eq!(
            split_list("app reinstall, router restart"),
            vec!["app reinstall", "router restart"]
        );
        assert_eq!(
            split_list("reset and cable check; FAQ"),
            vec!["reset", "cable check", "FAQ"]
        );
        assert_eq!(
            split_list("sent_seller_contact_template"),
            vec!["sent seller contact template"]
        );
        assert_eq!(
            split_list("reset link (x2); unlock"),
            vec!["reset link (x2)", "unlock"]
        );
    }

    #[test]
    fn one_word_values() {
        let word = |v: &str, feeling: bool| super::word(v, feeling).map(|(w, _)| w);
        assert_eq!(word("😡 Angry", true).as_deref(), Some("angry"));
        assert_eq!(
            word("Negative (frustrated)", true).as_deref(),
            Some("frustrated")
        );
        assert_eq!(word("-0.8", true).as_deref(), Some("negative"));
        assert_eq!(word("🔴 High", false).as_deref(), Some("high"));
        assert_eq!(word("P1 - Urgent", false).as_deref(), Some("urgent"));
        assert_eq!(word("P2", false).as_deref(), Some("p2"));
        assert_eq!(word("😡", true).as_deref(), Some("angry"));
        assert_eq!(word("very_frustrated", true).as_deref(), Some("frustrated"));
        assert_eq!(word("Neutral", true).as_deref(), Some("neutral"));
        assert_eq!(
            super::word("key account", false),
            Some(("key".into(), false))
        );
        assert_eq!(super::word("P2", false), Some(("p2".into(), true)));
    }
}
