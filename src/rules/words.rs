//! Content words: how a reply is compared with what the context says the
//! problem is.
//!
//! "Does the reply name the issue?" cannot be a list of phrases: every card
//! describes its own problem. So both sides are reduced to the same content
//! words, folded ([`crate::text::fold`]), stripped of function words and of
//! the words every card and every reply share (customer, order, account…),
//! lightly stemmed ("charged", "charges" and "charge" are one word), and a
//! few everyday synonyms are given a shared concept ("charged twice" ~
//! "double charge" ~ "duplicate"). A reply names the issue when it shares
//! one such word with the context.

use std::ops::Range;

use crate::context::Context;
use crate::text::{fold, is_mark};

/// Words that never carry the issue: function words, the labels cards are
/// made of, greetings, the people involved, moods and times. Sorted, so a
/// lookup is a binary search.
const STOP: &[&str] = &[
    "about",
    "account",
    "after",
    "again",
    "agent",
    "ago",
    "ai",
    "all",
    "already",
    "also",
    "and",
    "angry",
    "annoyed",
    "another",
    "anxious",
    "any",
    "are",
    "asap",
    "ask",
    "asked",
    "assistant",
    "attempt",
    "back",
    "been",
    "before",
    "being",
    "bot",
    "both",
    "but",
    "buyer",
    "caller",
    "calm",
    "can",
    "card",
    "channel",
    "chat",
    "chatbot",
    "check",
    "client",
    "come",
    "company",
    "contact",
    "conversation",
    "could",
    "created",
    "customer",
    "day",
    "detail",
    "did",
    "does",
    "doing",
    "done",
    "each",
    "email",
    "escalated",
    "escalation",
    "even",
    "every",
    "explained",
    "faq",
    "few",
    "for",
    "from",
    "frustrated",
    "frustrating",
    "furious",
    "get",
    "give",
    "going",
    "good",
    "got",
    "guest",
    "had",
    "happy",
    "has",
    "have",
    "help",
    "her",
    "here",
    "high",
    "him",
    "his",
    "hour",
    "how",
    "human",
    "issue",
    "its",
    "just",
    "know",
    "label",
    "let",
    "like",
    "look",
    "low",
    "made",
    "make",
    "many",
    "may",
    "member",
    "minute",
    "month",
    "more",
    "most",
    "much",
    "must",
    "name",
    "need",
    "neutral",
    "new",
    "normal",
    "not",
    "note",
    "now",
    "number",
    "offered",
    "one",
    "only",
    "order",
    "other",
    "our",
    "out",
    "over",
    "own",
    "passenger",
    "patient",
    "person",
    "plan",
    "player",
    "please",
    "policy",
    "priority",
    "problem",
    "product",
    "provided",
    "quoted",
    "really",
    "reason",
    "request",
    "requested",
    "right",
    "sad",
    "said",
    "same",
    "say",
    "says",
    "second",
    "see",
    "seller",
    "sentiment",
    "shared",
    "she",
    "shopper",
    "should",
    "since",
    "some",
    "sorry",
    "source",
    "standard",
    "still",
    "subscriber",
    "such",
    "summary",
    "support",
    "sure",
    "take",
    "team",
    "tenant",
    "than",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "this",
    "those",
    "ticket",
    "tier",
    "time",
    "today",
    "tomorrow",
    "tonight",
    "too",
    "traveler",
    "traveller",
    "tried",
    "trouble",
    "two",
    "upset",
    "urgent",
    "user",
    "very",
    "via",
    "wait",
    "want",
    "wants",
    "was",
    "way",
    "week",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "worried",
    "would",
    "year",
    "yes",
    "yet",
    "you",
    "your",
    "yours",
];

/// Everyday synonyms that should count as the same word. Keys are stems;
/// values are concept markers that cannot collide with a word.
const CONCEPTS: &[(&str, &str)] = &[
    ("bil", "#charge"),
    ("broken", "#damaged"),
    ("cancel", "#cancel"),
    ("cancellation", "#cancel"),
    ("charg", "#charge"),
    ("compromis", "#hacked"),
    ("crack", "#damaged"),
    ("cut", "#dropping"),
    ("damag", "#damaged"),
    ("debit", "#charge"),
    ("defect", "#damaged"),
    ("defectiv", "#damaged"),
    ("disconnect", "#dropping"),
    ("doubl", "#twice"),
    ("drop", "#dropping"),
    ("dropout", "#dropping"),
    ("duplicat", "#twice"),
    ("exchang", "#replace"),
    ("fail", "#fail"),
    ("failur", "#fail"),
    ("fault", "#damaged"),
    ("hack", "#hacked"),
    ("hijack", "#hacked"),
    ("lost", "#missing"),
    ("miss", "#missing"),
    ("refund", "#refund"),
    ("reimburs", "#refund"),
    ("replac", "#replace"),
    ("replacement", "#replace"),
    ("shatter", "#damaged"),
    ("smash", "#damaged"),
    ("swap", "#replace"),
    ("twic", "#twice"),
];

/// Stems that, negated ("never arrived", "not received"), mean "missing".
const ARRIVALS: &[&str] = &["arriv", "deliver", "reach", "receiv", "show", "turn"];

/// Lightly stems a folded, lower-case word: plural, -ed, -ing, -y and a
/// final -e go, and a doubled last consonant becomes single, so "charged",
/// "charges" and "charge" meet, as do "stopped" and "stops".
#[cfg(test)]
pub(crate) fn stem(word: &str) -> String {
    let mut out = String::new();
    stem_into(word, &mut out);
    out
}

/// [`stem`] into a reused buffer.
fn stem_into(word: &str, s: &mut String) {
    s.clear();
    let word = word.trim_end_matches(['\'', '’']);
    s.push_str(
        word.strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word),
    );
    let n = if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    };
    if n > 4 && s.ends_with("ies") {
        s.truncate(s.len() - 3);
        s.push('y');
    } else if n > 6 && (s.ends_with("nsion") || s.ends_with("nsions")) {
        // "suspension" meets "suspended", "extension" "extend".
        s.truncate(s.rfind("sion").unwrap_or(s.len()));
        s.push('d');
    } else if n > 5 && s.ends_with("ing") {
        s.truncate(s.len() - 3);
    } else if n > 4
        && (s.ends_with("ed")
            || ["ches", "shes", "sses", "xes"]
                .iter()
                .any(|e| s.ends_with(e)))
    {
        s.truncate(s.len() - 2);
    } else if n > 3 && s.ends_with('s') && !["ss", "us", "is"].iter().any(|e| s.ends_with(e)) {
        s.pop();
    }
    if s.len() > 4 && s.ends_with('y') {
        s.pop();
    }
    if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    let b = s.as_bytes();
    let doubled =
        b.len() > 3 && b[b.len() - 1] == b[b.len() - 2] && b[b.len() - 1].is_ascii_alphabetic();
    if doubled && !matches!(b[b.len() - 1], b'a' | b'e' | b'i' | b'o' | b'u') {
        s.pop();
    }
}

/// Byte-wise order of short words, inline: the tables are searched for
/// every word of every check, and a call into `memcmp` per comparison costs
/// more than the comparison.
fn order(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Where each first letter's words start in [`STOP`] (index 26 is the end),
/// worked out at compile time, so a lookup searches only one letter's words.
const STOP_LETTERS: [usize; 27] = letter_starts(STOP);

const fn letter_starts(words: &[&str]) -> [usize; 27] {
    let mut out = [0; 27];
    let mut letter = 0;
    let mut i = 0;
    while letter < 26 {
        while i < words.len() && words[i].as_bytes()[0] < b'a' + letter as u8 {
            i += 1;
        }
        out[letter] = i;
        letter += 1;
    }
    out[26] = words.len();
    out
}

fn is_stop(word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    if !first.is_ascii_lowercase() {
        return false;
    }
    let letter = usize::from(first - b'a');
    let words = STOP
        .get(STOP_LETTERS[letter]..STOP_LETTERS[letter + 1])
        .unwrap_or(&[]);
    words.binary_search_by(|s| order(s, word)).is_ok()
}

fn concept(stem: &str) -> Option<&'static str> {
    CONCEPTS
        .binary_search_by(|(k, _)| order(k, stem))
        .ok()
        .map(|i| CONCEPTS[i].1)
}

/// Calls `f` with the byte range and the stem of every content word of
/// `text`, and again with a concept marker where the stem has one.
pub(crate) fn content_words(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    walk(text, true, &|_| true, &mut |r, s| {
        f(r, s);
        false
    });
}

/// Whether `text` has a content word at all (read up to the first one).
pub(crate) fn has_content_word(text: &str) -> bool {
    let mut found = false;
    walk(text, true, &|_| true, &mut |_, _| {
        found = true;
        true
    });
    found
}

/// Whether `text` shares a content word with `terms`, outside the ranges
/// `skip` rejects. Stop words need no lookup here: `terms` has none.
pub(crate) fn shares_term(
    text: &str,
    terms: &Terms,
    mut skip: impl FnMut(&Range<usize>) -> bool,
) -> bool {
    if terms.is_empty() {
        return false;
    }
    let mut found = false;
    walk(text, false, &|word| terms.may_start(word), &mut |r, s| {
        found = terms.contains(s) && !skip(&r);
        found
    });
    found
}

/// The content words of `text` (as [`content_words`] gives them) that are
/// words of `terms`. A word whose first letters no term's have is turned
/// away before it is stemmed, as [`shares_term`] does: a reply is mostly
/// such words, and stemming them was most of the walk.
pub(crate) fn term_words(text: &str, terms: &Terms, mut f: impl FnMut(Range<usize>, &str)) {
    if terms.is_empty() {
        return;
    }
    walk(text, true, &|word| terms.may_start(word), &mut |r, s| {
        if terms.contains(s) {
            f(r, s);
        }
        false
    });
}

/// The walk behind [`content_words`], [`shares_term`] and [`term_words`]:
/// `f` returns true to stop early. A word (folded, without an apostrophe)
/// that `keep` turns away is not stemmed nor given to `f`: [`shares_term`]
/// and [`term_words`] know from a word's first two letters that it cannot
/// be one of the issue's.
///
/// The callbacks are trait objects: a generic walk is instantiated again for
/// every closure a caller passes, and the wasm carried a copy per caller.
fn walk(
    text: &str,
    drop_stop_words: bool,
    keep: &dyn Fn(&str) -> bool,
    f: &mut dyn FnMut(Range<usize>, &str) -> bool,
) {
    // Words are short: one allocation each for the whole walk.
    let mut buf = String::with_capacity(32);
    let mut stemmed = String::with_capacity(32);
    // Words since the last negation ("never", "not", "n't"), to read
    // "never arrived" as "missing"; `None` when no negation is near.
    let mut since_negation: Option<usize> = None;
    for (range, word) in tokens(text) {
        buf.clear();
        if word.is_ascii() {
            // One copy and an in-place lower-casing: no per-char push.
            buf.push_str(word);
            buf.make_ascii_lowercase();
        } else {
            buf.push_str(&fold(word));
        }
        if matches!(buf.as_str(), "not" | "never" | "no")
            || buf.ends_with("n't")
            || buf.ends_with("n’t")
        {
            since_negation = Some(0);
            continue;
        }
        since_negation = since_negation.map(|n| n + 1).filter(|&n| n <= 3);
        if buf.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        // Two letters are too short for a word, unless written in capitals
        // as an acronym ("TV", "US 10").
        if buf.len() < 3 && !(word.len() == 2 && word.bytes().all(|b| b.is_ascii_uppercase())) {
            continue;
        }
        // Stemming only takes letters off the end, so without an
        // apostrophe (where "x's" leaves "x") the stem starts as the word.
        if !buf.contains(['\'', '’']) && !keep(&buf) {
            continue;
        }
        if drop_stop_words && is_stop(&buf) {
            continue;
        }
        // "I'm", "you're", "it's", "let's": a pronoun and its verb, never
        // what an issue is about (a card quoting "I'm fuming").
        if drop_stop_words
            && buf.find(['\'', '’']).is_some_and(|i| {
                matches!(
                    &buf[..i],
                    "i" | "you" | "we" | "they" | "he" | "she" | "it" | "that" | "there" | "let"
                )
            })
        {
            continue;
        }
        stem_into(&buf, &mut stemmed);
        if drop_stop_words && stemmed != buf && is_stop(&stemmed) {
            continue;
        }
        if since_negation.is_some()
            && ARRIVALS.contains(&stemmed.as_str())
            && f(range.clone(), "#missing")
        {
            return;
        }
        if let Some(c) = concept(&stemmed) {
            if f(range.clone(), c) {
                return;
            }
        }
        if f(range, &stemmed) {
            return;
        }
    }
}

/// Words of `text`: runs of letters, digits, combining marks and inner
/// apostrophes, with their byte ranges. ASCII is read byte by byte; the
/// Unicode tables are consulted only for other characters.
pub(crate) fn tokens(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let bytes = text.as_bytes();
    // The length of the character at `i` when it is a word character (a
    // letter, a digit or a combining mark), else 0; 0 past the end too.
    let word_len = move |i: usize| -> usize {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphanumeric() => 1,
            Some(&b) if b >= 0x80 => text
                .get(i..)
                .and_then(|t| t.chars().next())
                .filter(|&c| c.is_alphanumeric() || is_mark(c))
                .map_or(0, char::len_utf8),
            _ => 0,
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        // To the next word character: ASCII separators a byte at a time,
        // other characters whole.
        loop {
            let b = *bytes.get(i)?;
            if b.is_ascii_alphanumeric() {
                break;
            }
            if b < 0x80 {
                i += 1;
                continue;
            }
            let c = text.get(i..)?.chars().next()?;
            if c.is_alphanumeric() || is_mark(c) {
                break;
            }
            i += c.len_utf8();
        }
        let start = i;
        loop {
            // ASCII letters and digits, the bulk of every word, first.
            while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            let n = word_len(i);
            if n > 0 {
                i += n;
                continue;
            }
            // An apostrophe inside a word ("didn't", "O’Brien") belongs to it.
            let apostrophe = match bytes.get(i) {
                Some(b'\'') => 1,
                Some(0xE2) if text.get(i..).is_some_and(|t| t.starts_with('’')) => 3,
                _ => 0,
            };
            if apostrophe > 0 && word_len(i + apostrophe) > 0 {
                i += apostrophe;
            } else {
                break;
            }
        }
        Some((start..i, text.get(start..i).unwrap_or("")))
    })
}

/// The content words of what the context says the problem is: its issue,
/// summary, escalation reason and wanted outcome. Built for every check, so
/// the words share one buffer instead of one allocation each.
#[derive(Debug, Clone, Default)]
pub(crate) struct Terms {
    text: String,
    /// Sorted, distinct `start..end` ranges of `text`.
    words: Vec<(u32, u32)>,
    /// One bit per pair of first letters ([`start_bit`]) a reply's word can
    /// have and still meet one of `words`: their own, and for a concept
    /// marker those of the stems that carry it.
    starts: [u64; 12],
}

/// The bit of a word's first two bytes in [`Terms::starts`]: 27 classes
/// each (a letter, or anything else, the end included), 729 bits.
fn start_bit(word: &str) -> usize {
    let class = |b: Option<&u8>| match b {
        Some(&b) if b.is_ascii_lowercase() => usize::from(b - b'a'),
        _ => 26,
    };
    let b = word.as_bytes();
    class(b.first()) * 27 + class(b.get(1))
}

impl Terms {
    /// The issue's words for `ctx`.
    pub fn of_issue(ctx: &Context) -> Terms {
        let fields = [
            &ctx.issue,
            &ctx.summary,
            &ctx.escalation_reason,
            &ctx.requested_outcome,
        ];
        // Stems are no longer than their words, and few have a concept
        // marker too: room for about all of them at once, rather than a
        // buffer that doubles as it fills.
        let len: usize = fields.iter().copied().flatten().map(String::len).sum();
        let mut t = Terms {
            text: String::with_capacity(len),
            words: Vec::with_capacity(len / 4),
            starts: [0; 12],
        };
        for field in fields.into_iter().flatten() {
            content_words(field, |_, s| {
                let start = t.text.len() as u32;
                t.text.push_str(s);
                t.words.push((start, t.text.len() as u32));
            });
        }
        // The customer's own name is not the issue, even when a prose card
        // tells it ("Sarah was charged twice"): greeting them is not naming it.
        // Their words go in the same buffer, after the issue's.
        let mut names = Vec::new();
        for name in [&ctx.first_name, &ctx.customer_name].into_iter().flatten() {
            content_words(name, |_, s| {
                let start = t.text.len() as u32;
                t.text.push_str(s);
                names.push((start, t.text.len() as u32));
            });
        }
        let text = &t.text;
        let word = |&(a, b): &(u32, u32)| text.get(a as usize..b as usize).unwrap_or("");
        // Sorted as Strings (byte-wise, as `order` compares): the one sort
        // of strings the wasm already has (see `rules::in_order` on why the
        // number of sort instantiations matters), then packed again.
        let mut kept: Vec<String> = t
            .words
            .iter()
            .filter(|w| !names.iter().any(|n| word(n) == word(w)))
            .map(|w| word(w).to_string())
            .collect();
        kept.sort_unstable();
        kept.dedup();
        t.text.clear();
        t.words.clear();
        for w in &kept {
            let start = t.text.len() as u32;
            t.text.push_str(w);
            t.words.push((start, t.text.len() as u32));
        }
        let mut starts = [0u64; 12];
        let mut mark = |w: &str| {
            let bit = start_bit(w);
            starts[bit / 64] |= 1 << (bit % 64);
        };
        for w in &kept {
            if w.starts_with('#') {
                // A marker is met through the stems that carry it.
                CONCEPTS
                    .iter()
                    .filter(|(_, marker)| *marker == w)
                    .for_each(|(stem, _)| mark(stem));
                if w == "#missing" {
                    ARRIVALS.iter().for_each(|stem| mark(stem));
                }
            } else {
                mark(w);
            }
        }
        t.starts = starts;
        t
    }

    /// Whether a word that starts as `word` does may meet one of the
    /// issue's words (false: it cannot).
    fn may_start(&self, word: &str) -> bool {
        let bit = start_bit(word);
        self.starts[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether the context has any issue word at all.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `stem` is one of the issue's words.
    pub fn contains(&self, stem: &str) -> bool {
        let word = |&(a, b): &(u32, u32)| self.text.get(a as usize..b as usize).unwrap_or("");
        self.words
            .binary_search_by(|w| order(word(w), stem))
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(
            STOP.windows(2).all(|w| w[0] < w[1]),
            "STOP must be sorted and unique"
        );
        assert!(
            CONCEPTS.windows(2).all(|w| w[0].0 < w[1].0),
            "CONCEPTS must be sorted and unique"
        );
    }

    #[test]
    fn stop_words_are_found_through_their_letter() {
        for w in STOP {
            assert!(is_stop(w), "{w}");
        }
        for w in ["zebra", "charg", "", "Über", "1st"] {
            assert!(!is_stop(w), "{w}");
        }
    }

    #[test]
    fn stems_meet() {
        for (a, b) in [
            ("charged", "charges"),
            ("charge", "charging"),
            ("stopped", "stops"),
            ("delivery", "delivered"),
            ("cancelled", "cancel"),
            ("profiles", "profile"),
            ("damaged", "damage"),
            ("billed", "bill"),
            ("suspension", "suspended"),
            ("extensions", "extend"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} ~ {b}");
        }
        assert_ne!(stem("delivery"), stem("dispatch"));
    }

    fn words(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        content_words(text, |_, s| v.push(s.to_string()));
        v
    }

    #[test]
    fn content_words_skip_stop_words_and_numbers() {
        assert_eq!(
            words("Customer: Sarah, order 12345 — the lamp arrived"),
            vec!["sarah", "lamp", "arriv"]
        );
        assert!(words("Watch the TV app").contains(&"tv".to_string()));
        assert!(words("the US 10").contains(&"us".to_string()));
        assert!(!words("with us").contains(&"us".to_string()));
    }

    #[test]
    fn synonyms_share_a_concept() {
        let a = words("charged twice for March");
        let b = words("the double charge");
        assert!(a.contains(&"#twice".to_string()) && b.contains(&"#twice".to_string()));
        assert!(words("it never arrived").contains(&"#missing".to_string()));
        assert!(words("parcel not received").contains(&"#missing".to_string()));
        assert!(!words("it arrived").contains(&"#missing".to_string()));
    }

    #[test]
    fn folds_diacritics_and_nfd() {
        assert_eq!(words("Zoë"), words("Zoe\u{0308}"));
        let mut ranges = Vec::new();
        content_words("é café", |r, _| ranges.push(r));
        assert_eq!(ranges, vec![3..8]);
    }
}
