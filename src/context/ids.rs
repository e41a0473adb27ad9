//! Identifiers: order numbers and email addresses, wherever a card or a
//! customer writes them.
//!
//! An order number is recognised by what introduces it, never by its shape
//! alone: a labelled order value ("Orders: #100234, #100235"), a purchase
//! word in running text ("order #12345", "invoice INV-2026-0311", "booking
//! ref ABC123"), or a `#` code later in the same sentence ("Order #100234
//! arrived; #100235 did not"). Whatever the shape, the candidate must look
//! like an identifier (it has a digit, no spaces, no currency) and not like
//! a date, a price or an amount of time. Words before the purchase word that
//! make it someone else's number ("ticket reference", "payment
//! confirmation", "VAT number") rule it out (CONTRACT 6.3).

use super::chars::{listed, names_any, without_asides};
use crate::pattern::Pattern;

/// Words that make the identifier after them not a purchase's.
const NOT_PURCHASE: &str = concat!(
    "ticket case tracking conversation chat transaction payment bank rma return account ",
    "customer vat tax serial support phone card member membership zip postcode pin cvv call ",
    "text passport licence license ending ends key token suffix digits characters imei mac ",
    "policy claim",
);

/// Words between a purchase word and its identifier: "order number is …",
/// "booking ref: …".
const FILLERS: &str = "number numbers no nos num nr id ids ref reference code is was #";

/// What follows a number that makes it an amount, not an identifier.
const UNITS: &str = concat!(
    "day days hour hours week weeks month months year years minute minutes mins item items ",
    "pcs pieces units times seats gb mb kg lbs %",
);

/// At most this many order numbers or emails are kept from one card: more
/// is not a card but a dump of something else, and the lists stay small.
pub(crate) const MAX_IDS: usize = 64;

/// The patterns of identifiers, compiled once.
#[derive(Debug, Clone)]
pub(crate) struct Ids {
    purchase: Pattern,
    email: Pattern,
}

impl Ids {
    /// Compiles the patterns.
    pub(crate) fn new() -> Ids {
        Ids {
            // Run on an ASCII-lower-cased copy (see `in_text`).
            purchase: Pattern::lowercase(
                r"\b(?:orders?|bookings?|reservations?|confirmation|invoices?|purchases?|pnr)\b",
            )
            .expect("built-in pattern"),
            email: Pattern::new(
                r"[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,}",
            )
            .expect("built-in pattern"),
        }
    }

    /// The email addresses in `text`, added to `out` in order, once each.
    pub(crate) fn emails(&self, text: &str, out: &mut Vec<String>) {
        // Most messages have no address: no search then.
        if !text.contains('@') {
            return;
        }
        for r in self.email.find_iter(text) {
            push_unique(out, &text[r]);
        }
    }

    /// The order numbers of a labelled order value ("#100234, #100235",
    /// "12345 (placed 2 March)", "A-1 and A-2"): identifiers from the start,
    /// joined by commas or "and", up to the first word that is not one.
    pub(crate) fn in_value(&self, value: &str, out: &mut Vec<String>) {
        // A list written in brackets ("[UA-7710, UA-7712]", YAML's and
        // Python's) is the value itself, not an aside to it.
        let value = value.trim();
        let value = value
            .strip_prefix('[')
            .and_then(|v| v.strip_suffix(']'))
            .unwrap_or(value);
        let value = without_asides(value);
        // "6 6 0 4 1 9 8 → 6604198": what the value was read as, after an
        // arrow, is the number as written.
        let value = match value
            .rsplit_once(['→', '⇒'])
            .or_else(|| value.rsplit_once("->"))
        {
            Some((_, read)) if !read.trim().is_empty() => read.to_string(),
            _ => value,
        };
        // "4471 2290": digit groups a single space apart, with nothing
        // between them, are one number as a customer reads it out.
        if spaced_digits(&value) {
            push_unique(out, value.trim().trim_start_matches('#'));
            return;
        }
        let mut found = false;
        for token in value.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '&' | '+'))
        {
            if token.is_empty()
                || ["and", "or", "/"]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(token))
            {
                continue;
            }
            match id_token(token) {
                Some(id) => {
                    push_unique(out, id);
                    found = true;
                }
                None if found => break,
                None if listed(FILLERS, token) => {}
                None => break,
            }
        }
    }

    /// The order numbers that running text introduces with a purchase word,
    /// and the `#` codes later in the same sentence.
    pub(crate) fn in_text(&self, text: &str, out: &mut Vec<String>) {
        // Every identifier has a digit ([`id_token`]): text without one
        // holds none, and most of a customer's messages have none.
        if !has_digit(text) {
            return;
        }
        // Where the current line starts, and how far "#" codes were read:
        // both move forward only, so a long card costs one pass.
        let (mut line_start, mut searched) = (0, 0);
        let mut hashed_to = 0;
        // The words are looked for in lower case, at the same offsets: a
        // case-sensitive search can skip to the words' letters, where one
        // without case reads every byte.
        let lower = text.to_ascii_lowercase();
        for m in self.purchase.find_iter(&lower) {
            if let Some(n) = text[searched..m.start].rfind('\n') {
                line_start = searched + n + 1;
            }
            searched = m.start;
            if listed(NOT_PURCHASE, word_before(text, line_start, m.start)) {
                continue;
            }
            let mut rest = &text[m.end..];
            let mut first = true;
            loop {
                let (token, after) = next_token(rest);
                if token.is_empty() {
                    break;
                }
                // `listed` compares without ASCII case: no lower-case copy.
                let word = token.trim_end_matches(['.', ':']);
                if first
                    && (listed(FILLERS, word)
                        || token.chars().all(|c| matches!(c, ':' | '-' | '=')))
                {
                    rest = after;
                    continue;
                }
                if !first
                    && ["and", "or", "&", "/", ","]
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(word))
                {
                    rest = after;
                    continue;
                }
                match id_token(token).filter(|_| !followed_by_unit(after)) {
                    Some(id) => push_unique(out, id),
                    None => break,
                }
                first = false;
                if !after.trim_start().starts_with([',', '&', '/'])
                    && !starts_with_word(after, &["and", "or"])
                {
                    break;
                }
                rest = after.trim_start().trim_start_matches([',', '&', '/']);
            }
            // "#" codes in the rest of the sentence belong to the same
            // purchase words: "Order #100234 arrived; #100235 did not".
            if m.end >= hashed_to {
                hashed_to = sentence_end(text, m.end);
                self.hashed(&text[m.end..hashed_to], out);
            }
        }
    }

    /// `#` codes in `text` (one sentence) that are not a ticket's or a
    /// case's.
    fn hashed(&self, text: &str, out: &mut Vec<String>) {
        let mut from = 0;
        while out.len() < MAX_IDS {
            let Some(i) = text[from..].find('#').map(|n| from + n) else {
                break;
            };
            from = i + 1;
            if listed(NOT_PURCHASE, word_before(text, 0, i)) {
                continue;
            }
            let (token, _) = next_token(&text[i..]);
            if let Some(id) = id_token(token) {
                push_unique(out, id);
            }
        }
    }

    /// Identifiers a customer gives on their own, as the answer to a
    /// question ("It's 100235", "I already gave it to the bot. 100235."):
    /// in a short message, a long number or a code with letters and digits
    /// that nothing marks as a phone, card, ticket or amount.
    pub(crate) fn answered(&self, text: &str, out: &mut Vec<String>) {
        // An identifier has a digit; a long message is not an answer; one
        // about phones holds a number that is not an order's. Cheapest first.
        if !has_digit(text) || text.split_whitespace().nth(15).is_some() || text.contains('+') {
            return;
        }
        if names_any("phone call mobile cell whatsapp text sms", text) {
            return;
        }
        // The two words before a token: "card ends 4242", "ticket 12345", "key
        // ending 7f3a".
        let mut previous = ["", ""];
        let mut rest = text;
        loop {
            let (token, after) = next_token(rest);
            if token.is_empty() {
                break;
            }
            let long_enough = |id: &str| {
                if id.chars().all(|c| c.is_ascii_digit()) {
                    (5..=12).contains(&id.len())
                } else {
                    id.len() >= 4 && id.chars().any(|c| c.is_ascii_alphabetic())
                }
            };
            if let Some(id) = id_token(token).filter(|id| long_enough(id)) {
                if !previous.iter().any(|p| listed(NOT_PURCHASE, p)) && !followed_by_unit(after) {
                    push_unique(out, id);
                }
            }
            previous.swap(0, 1);
            previous[1] = token.trim_matches(|c: char| !c.is_alphanumeric());
            rest = after;
        }
    }
}

/// Whether `text` has an ASCII digit, which every identifier has.
fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// Adds `id` unless it is there already (compared without ASCII case).
pub(crate) fn push_unique(out: &mut Vec<String>, id: &str) {
    if out.len() < MAX_IDS && !out.iter().any(|o| o.eq_ignore_ascii_case(id)) {
        out.push(id.to_string());
    }
}

/// The word before byte `at` on the same line (from `line_start`), without
/// punctuation, as written (its readers compare without ASCII case, so it
/// is never copied); only the last few bytes are looked at, so a long run
/// without spaces costs nothing.
fn word_before(text: &str, line_start: usize, at: usize) -> &str {
    let mut from = at.saturating_sub(32).max(line_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let word = text[from..at].split_whitespace().next_back().unwrap_or("");
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The next whitespace-separated token on the same line, and what follows
/// it.
fn next_token(text: &str) -> (&str, &str) {
    let trimmed = text.trim_start();
    if text[..text.len() - trimmed.len()].contains('\n') {
        return ("", trimmed);
    }
    let text = trimmed;
    // No identifier is longer than this: a longer run is cut, not searched.
    let mut limit = text.len().min(64);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let end = text[..limit]
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .unwrap_or(limit);
    let end = if end == 0 && !text.is_empty() {
        text.chars().next().map_or(0, char::len_utf8)
    } else {
        end
    };
    (&text[..end], &text[end..])
}

fn starts_with_word(text: &str, words: &[&str]) -> bool {
    let (token, _) = next_token(text);
    words.iter().any(|w| token.eq_ignore_ascii_case(w))
}

fn followed_by_unit(after: &str) -> bool {
    let (token, _) = next_token(after);
    listed(UNITS, token.trim_end_matches(['.', ',', '!', '?']))
}

/// Whether `value` is only digit groups a single space apart ("4471 2290",
/// "12 345 678"): one number, not a list (a list has commas or "and").
fn spaced_digits(value: &str) -> bool {
    let v = value.trim().trim_start_matches('#');
    v.contains(' ')
        && !v.contains("  ")
        && v.split(' ')
            .all(|g| (2..=6).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
        && v.bytes().filter(u8::is_ascii_digit).count() >= 6
}

/// Where the sentence that contains byte `from` ends.
fn sentence_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => return i,
            b'.' | b'!' | b'?' if !matches!(bytes.get(i + 1), Some(b) if !b.is_ascii_whitespace()) => {
                return i
            }
            _ => {}
        }
        i += 1;
    }
    text.len()
}

/// The identifier in `token`, if it is one: without a leading `#` or
/// trailing punctuation, with a digit, made of letters, digits and `-_/.`,
/// and not a date, a decimal amount or a bare year.
pub(crate) fn id_token(token: &str) -> Option<&str> {
    // Quotes, brackets and code marks around it are not part of it:
    // "`#NG-77103`", "[UA-7710, UA-7712]".
    let token = token.trim_start_matches(['(', '"', '\'', '“', '‘', '`', '[', '{']);
    let hashed = token.starts_with('#');
    let id = token
        .trim_start_matches('#')
        .trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    let ok = (3..=40).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && id.chars().any(|c| c.is_ascii_digit());
    if !ok {
        return None;
    }
    let groups: Vec<&str> = id.split(['-', '/', '.']).collect();
    let all_digits = groups
        .iter()
        .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()));
    // 2026-03-02, 03/04/2026, 12.05.26; not 123-4567890-1234567 nor an
    // order's 2026/03/1187 (a year first is followed by a month and a day).
    let date = all_digits
        && groups.len() == 3
        && groups[1].len() <= 2
        && match (groups[0].len(), groups[2].len()) {
            (4, day) => day <= 2,
            (first, year) => first <= 2 && matches!(year, 2 | 4),
        };
    let decimal = all_digits && groups.len() == 2 && id.contains('.');
    let year =
        !hashed && id.len() == 4 && (id.starts_with("19") || id.starts_with("20")) && all_digits;
    // A number with a unit or an ordinal after it: "28th", "24h", "10am",
    // "5GB", "3x".
    let digits = id.chars().take_while(char::is_ascii_digit).count();
    let suffix = &id[digits..];
    let quantity = !hashed
        && digits > 0
        && (1..=4).contains(&suffix.len())
        && suffix.chars().all(|c| c.is_ascii_alphabetic());
    (!date && !decimal && !year && !quantity).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_ids(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Ids::new().in_text(text, &mut out);
        out
    }

    #[test]
    fn purchase_words_introduce_ids() {
        assert_eq!(
            text_ids("Sarah was charged twice for order #12345 — once on 2 March, $79.99 each."),
            vec!["12345"]
        );
        assert_eq!(
            text_ids("Customer placed two orders on 26 Feb. Order #100234 arrived; #100235 shows in transit."),
            vec!["100234", "100235"]
        );
        assert_eq!(
            text_ids("March invoice INV-2026-0311 bills 60 seats"),
            vec!["INV-2026-0311"]
        );
        assert_eq!(
            text_ids("robot vacuum (order KV-310554) 14 months ago"),
            vec!["KV-310554"]
        );
        assert_eq!(
            text_ids("orders #1001, #1002 and 1003 arrived"),
            vec!["1001", "1002", "1003"]
        );
        assert_eq!(text_ids("booking reference is ABC123."), vec!["ABC123"]);
    }

    #[test]
    fn other_numbers_are_not_orders() {
        assert!(text_ids(
            "VAT number (GB 284 5532 19), invoice before Friday, order shipped 14 days ago"
        )
        .is_empty());
        assert!(text_ids("ticket reference 4521 and payment confirmation 99812").is_empty());
        assert!(text_ids("order 2026-03-02 of $79.99, ordered 100 units").is_empty());
        assert_eq!(
            text_ids("Amazon order 123-4567890-1234567 arrived"),
            vec!["123-4567890-1234567"]
        );
        assert!(text_ids("Order arrived. Ticket #4521 is open").is_empty());
    }

    #[test]
    fn labelled_values_and_answers() {
        let ids = Ids::new();
        let mut out = Vec::new();
        ids.in_value(
            "#100234, #100235 (both March) and A-1 shipped 2026-03-02",
            &mut out,
        );
        assert_eq!(out, vec!["100234", "100235", "A-1"]);
        let mut out = Vec::new();
        ids.in_value("6 6 0 4 1 9 8 → 6604198", &mut out);
        assert_eq!(out, vec!["6604198"]);
        let mut out = Vec::new();
        ids.answered("I already gave it to the bot. 100235.", &mut out);
        assert_eq!(out, vec!["100235"]);
        let mut out = Vec::new();
        ids.answered("I cancelled on the 28th, at 10am. Person please.", &mut out);
        assert!(out.is_empty(), "{out:?}");
        let mut out = Vec::new();
        ids.answered("My card ends 12345, I waited 20000 minutes", &mut out);
        assert!(out.is_empty());
        ids.answered("Call me at 5550100 please", &mut out);
        assert!(out.is_empty());
        ids.answered("I cancelled on the 28th. Waited 24h, since 10am.", &mut out);
        assert!(out.is_empty());
        ids.answered("Order is A-99812, call me on +1 555 010 0100", &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn emails_once_each_in_order() {
        let mut out = Vec::new();
        Ids::new().emails("a.b@x.io, mailto:C@y.co.uk. Again A.B@X.IO.", &mut out);
        assert_eq!(out, vec!["a.b@x.io", "C@y.co.uk"]);
    }
}
