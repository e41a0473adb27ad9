//! Names: the customer's name from a labelled value, from prose, or from
//! what a customer says, and the first name an agent greets with.
//!
//! A name keeps what makes it the customer's: diacritics, straight or curly
//! apostrophes as written, hyphens, any script. What only sits next to it is
//! dropped: an email, a shop or company in parentheses, a " - VIP" tail.
//! "Chen, Sarah" stays as written (CONTRACT 1: "as written on the card")
//! and greets as Sarah. A value that stands in for a missing name ("(guest
//! checkout — name not captured)", "Guest user", "Unknown", "N/A", "—") is
//! no name at all.
//!
//! Prose names a customer differently: as the subject of the first sentence
//! ("Marek bought…", "Sarah was charged… She…"). Capitalised words are not
//! enough on their own ("Projector will not power on"): the word after the
//! name must be a verb a person does (or a job title set off by a comma:
//! "Dr. Helmut Brandt, CTO at…"), and a verb that things also do ("was",
//! "has") needs a "she" or "he" further on. A note's heading may name whom
//! it is about without a verb: "Conversation with Aleksander Nowak", "VIP!!
//! Anika — …" ([`Names::topic`]).

use super::chars::{listed, without_asides};
use super::labels;
use crate::pattern::Pattern;
use crate::text::fold;

/// What a labelled name value turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NameValue {
    /// A name, cleaned.
    Name(String),
    /// A stand-in for a missing name.
    Placeholder,
    /// Something else (an email, a number): a detail, not a name.
    NotAName,
}

/// Words before a name that are a title, not the name.
const TITLES: &str = concat!(
    "mr mrs ms miss mx dr prof sir dame lady lord rev fr mme mlle herr frau sr sra srta ",
    "mister madam doctor professor",
);

/// Words a labelled name never starts with: greetings and pronouns of a
/// line of chat that a "Customer:" label put in front of.
const NOT_A_NAME_START: &str = concat!(
    "hi hello hey dear thanks thank i im we it its this that the a an my our your yes no ok ",
    "okay please",
);

/// Words after "Last," that are not a first name.
const SUFFIXES: &str = "jr sr ii iii iv phd md esq vip";

/// Job titles: "Henrik Sørensen, COO" is no "Last, First"; "Dr. Helmut
/// Brandt, CTO at …" in prose is a person, set off by the title.
const JOB_TITLES: &str = concat!(
    "ceo coo cto cfo cmo cio cpo vp svp evp director manager founder cofounder owner president ",
    "chair head lead partner admin administrator",
);

/// Sentence openings that are never a customer's name (nor is a role word:
/// "Customer", "Buyer", see [`not_a_name`]).
const NOT_NAMES: &str = concat!(
    "the a an she he they we i it this that these those our your their his her my bot ai ",
    "assistant chatbot agent after before when while since today yesterday hi hello dear ",
    "please note summary update escalated escalation new someone nobody yes no thanks thank ",
    "ok okay sure sorry great hey good fine sounds perfect done got works morning afternoon ",
    "evening bye cool order january february march april may june july august september ",
    "october november december monday tuesday wednesday thursday friday saturday sunday",
);

/// Verbs that follow a person who is the subject of a sentence.
const PERSON_VERBS: &str = concat!(
    "was is has had would can't cannot couldn't didn't doesn't isn't wasn't hasn't received ",
    "got lost left sent moved noticed opened returned reached",
);

/// Verbs only a person does: no pronoun needed to trust the name before them.
const HUMAN_VERBS: &str = concat!(
    "says said wants wanted bought ordered paid called contacted tried asked asks emailed ",
    "messaged wrote writes complained claims claimed placed purchased subscribed booked ",
    "requested explained mentioned signed upgraded downgraded cancelled canceled needs ",
    "reports reported disputes disputed",
);

/// The patterns of names, compiled once.
#[derive(Debug, Clone)]
pub(crate) struct Names {
    placeholder: Pattern,
    pronoun: Pattern,
    intro: Pattern,
}

impl Names {
    /// Compiles the patterns.
    pub(crate) fn new() -> Names {
        Names {
            // Over folded text: "—" is "-" there, and every letter is in
            // lower case, so the pattern is compiled for lower case.
            placeholder: Pattern::lowercase(
                r"\A(?:unknown|n/?a|none|null|nil|undefined|anonymous|anon|guest|visitor|customer|user|client|tbd|tbc|redacted|hidden|private|not set|no name|[-?.*_ ]+)\z|\A(?:user|customer|visitor|guest|client)[ #_-]*\d+\z|\b(?:valued|dear) (?:customer|client|guest)\b|\b(?:unknown|anonymous|guest|visitor|redacted|unnamed|no name|not (?:captured|provided|given|available|known|set|collected|shared|recorded))\b",
            )
            .expect("built-in pattern"),
            pronoun: Pattern::new(r"\b(?:she|he|her|him|his|hers)\b").expect("built-in pattern"),
            intro: Pattern::new(r"\b(?:my name is|my name's|name is|name:|this is|i'm|i’m|i am|call me)\s+")
                .expect("built-in pattern"),
        }
    }

    /// Reads a labelled name value.
    pub(crate) fn clean(&self, value: &str) -> NameValue {
        let v = value.trim().trim_matches(['"', '\'', '“', '”']).trim();
        if v.is_empty() {
            return NameValue::Placeholder;
        }
        // "(guest checkout — name not captured)": a remark, not a name.
        if (v.starts_with('(') && v.ends_with(')')) || (v.starts_with('[') && v.ends_with(']')) {
            return NameValue::Placeholder;
        }
        // A bot or a team is not the customer: an email forwarded by
        // "Shopbot Assistant <bot@…>" or sent to "Support Team".
        if v.split(|c: char| !c.is_alphanumeric()).any(is_bot_word) {
            return NameValue::NotAName;
        }
        let mut s = without_asides_or_emails(v);
        // A sentence is not a name: "Customer: Hi, my order hasn't come"
        // is a transcript line.
        let first_word = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if s.split_whitespace().count() > 6 || listed(NOT_A_NAME_START, first_word) {
            return NameValue::NotAName;
        }
        // What follows a spaced dash, bar, slash, bullet or symbol is not
        // the name: "Sarah Chen - VIP", "Sarah Chen | Gold", "Ngozi Adeyemi
        // ⭐ VIP".
        let cut = s.char_indices().find(|&(i, c)| {
            let mark = matches!(c, '-' | '–' | '—' | '|' | '/' | '·' | '•')
                || (!c.is_ascii() && !c.is_alphanumeric() && c != '’');
            c == ';' || (mark && s[..i].ends_with(' '))
        });
        if let Some((i, _)) = cut {
            s.truncate(i);
        }
        let s = s
            .trim()
            .trim_matches(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '.')));
        if !s.chars().any(char::is_alphabetic) {
            // Only an email under a "Contact" label: a detail, not a name.
            return if v.contains('@') {
                NameValue::NotAName
            } else {
                NameValue::Placeholder
            };
        }
        if self.placeholder.is_match(&fold(s)) {
            return NameValue::Placeholder;
        }
        // "Chen, Sarah" stays as written (first_name reads it); after any
        // other comma comes something that is not the name.
        let name = match (s.split_once(','), last_first(s)) {
            (Some(_), Some(_)) | (None, _) => s.split_whitespace().collect::<Vec<_>>().join(" "),
            (Some((before, _)), None) => before.trim().to_string(),
        };
        if name.contains(|c: char| c.is_ascii_digit() || c == '@')
            || name.split_whitespace().count() > 5
        {
            return NameValue::NotAName;
        }
        NameValue::Name(name)
    }

    /// The customer's name as the subject of the first sentence of `text`
    /// ("Sarah was charged…", "Marek bought…", "Customer Sarah Chen says…").
    pub(crate) fn in_prose(&self, text: &str) -> Option<String> {
        // Sentences end where prose says so, not at the dot of an email
        // ("Marco Rossi (marco.rossi@example.it) says…").
        let sentences: Vec<&str> = text
            .lines()
            .flat_map(super::prose::sentences)
            .take(3)
            .collect();
        // The subject of one of the first sentences: a handover note may
        // open with a greeting ("Hi team — handing this one over. Marco
        // Rossi says…"); the name still needs a person's verb after it.
        for sentence in &sentences {
            let words: Vec<&str> = sentence.split_whitespace().collect();
            if let Some(name) = self.subject(text, &words, 0, false) {
                return Some(name);
            }
            // After a heading's colon or dash: "Quick note: Daniel Okafor
            // got in touch about…", "Escalated by Helpbot — Hannah is…".
            let heading_end = |w: &&str| {
                w.ends_with(':') || matches!(*w, "—" | "–" | "-" | "➜" | "→" | "|" | "·")
            };
            if let Some(colon) = words.iter().take(8).position(heading_end) {
                if let Some(name) = self.subject(text, &words, colon + 1, false) {
                    return Some(name);
                }
            }
        }
        // An appositive may come a little later: "Hi team. Customer Jane
        // Doe is asking…".
        let words: Vec<&str> = sentences
            .iter()
            .flat_map(|s| s.split_whitespace())
            .collect();
        // "The customer, Sarah Chen, …", "customer Jane Doe (jane@x.io) is
        // asking…", "The customer (Sarah) was…"
        let role = |w: &str| labels::is_role(fold(w).trim_matches(|c: char| !c.is_alphanumeric()));
        (0..words.len())
            .filter(|&i| role(words[i]))
            .find_map(|i| self.subject(text, &words, i + 1, true))
    }

    /// The name that starts at `words[start]` when a person's verb follows
    /// it (past a parenthesised aside), or, `after_role`, when a role word
    /// ("customer") comes right before it.
    fn subject(
        &self,
        text: &str,
        words: &[&str],
        start: usize,
        after_role: bool,
    ) -> Option<String> {
        let mut at = start;
        while at < words.len() && at - start < 3 && is_name_word(words[at]) {
            let last = words[at].ends_with([',', ')']) || possessive(words[at]);
            at += 1;
            if last {
                break;
            }
        }
        if at == start || not_a_name(words[start]) {
            return None;
        }
        // A title is kept as written: "Dr. Helmut Brandt".
        let name: Vec<&str> = words[start..at]
            .iter()
            .map(|w| {
                if listed(TITLES, w) {
                    w.trim_end_matches(',')
                } else {
                    bare(w)
                }
            })
            .collect();
        // The verb comes after an aside: "Jane Doe (jane@doe.com) is asking".
        let mut k = at;
        if words.get(k).is_some_and(|w| w.starts_with('(')) {
            while k < words.len() && !words[k].ends_with(')') {
                k += 1;
            }
            k += 1;
        }
        let next = words.get(k).map(|w| fold(w)).unwrap_or_default();
        let next2 = words.get(k + 1).map(|w| fold(w)).unwrap_or_default();
        let human = listed(HUMAN_VERBS, &next)
            || (next == "would" && matches!(next2.as_str(), "like" | "prefer"))
            || possessive(words[at - 1]);
        let person = listed(PERSON_VERBS, &next);
        let set_off = words[at - 1].ends_with([',', ')']) || words[start].starts_with('(');
        // "Dr. Helmut Brandt, CTO at Brandt Maschinenbau": only a person
        // holds a job.
        let employed = words[at - 1].ends_with(',') && listed(JOB_TITLES, &next);
        let trusted = human
            || employed
            || (person && self.pronoun.is_match(text))
            || (after_role && (person || set_off));
        trusted.then(|| name.join(" "))
    }

    /// The person a note's heading is about: the name after a VIP tag
    /// ("VIP!! Anika — booking…", "[VIP] Marta · order 3321") or after the
    /// word for the conversation ("Intercom · Conversation with Aleksander
    /// Nowak-Wiśniewski", "Chat with Lena Fischer"). The name must fill its
    /// part of the heading, up to a dash, a dot, a comma or the end, so that
    /// a topic is not read as one ("VIP lounge…", "Chat with Fin AI Agent",
    /// "Chat with Billing about a refund").
    pub(crate) fn topic(&self, text: &str) -> Option<String> {
        if let Some(rest) = labels::after_vip_tag(text) {
            return name_alone(rest);
        }
        let words: Vec<&str> = text.split_whitespace().take(12).collect();
        let with = (1..words.len()).find(|&i| {
            fold(words[i]) == "with"
                && listed(
                    "conversation chat call thread session messages messaging",
                    &fold(bare(words[i - 1])),
                )
        })?;
        name_alone(&words[with + 1..].join(" "))
    }

    /// A name introduced in words: "my name is Dana", "this is Dana
    /// Whitfield", "The customer's name is Mrs. Olusegun Bankole-Adeyemi".
    pub(crate) fn introduced(&self, message: &str) -> Option<String> {
        for r in self.intro.find_iter(message) {
            let intro = fold(&message[r.clone()]);
            let explicit = intro.contains("name") || intro.contains("call");
            let words: Vec<&str> = message[r.end..].split_whitespace().take(4).collect();
            let mut name = Vec::new();
            for (i, w) in words.iter().enumerate() {
                // "Mrs. Olusegun Bankole-Adeyemi": a title is kept as written
                // and its full stop does not end the name.
                if listed(TITLES, w) {
                    name.push(w.trim_end_matches(','));
                    continue;
                }
                let ok = if explicit && i == 0 {
                    w.starts_with(char::is_alphabetic)
                } else {
                    is_name_word(w)
                };
                if !ok || not_a_name(w) {
                    break;
                }
                name.push(bare(w));
                if w.ends_with([',', '.', '!', ';']) {
                    break;
                }
            }
            let after = words.get(name.len()).map(|w| fold(w)).unwrap_or_default();
            let ends = name.last().is_some_and(|_| {
                let last = words[name.len() - 1];
                last.ends_with([',', '.', '!', ';'])
                    || matches!(after.as_str(), "" | "here" | "from" | "and" | "-")
            });
            if name.iter().any(|w| !listed(TITLES, w)) && (explicit || ends) {
                return Some(name.join(" "));
            }
        }
        None
    }

    /// The name in a customer's answer to "What's your name?": introduced
    /// ("It's Fiona Grant.", "my name is Dana"), or the answer is only a
    /// name ("Olusegun Bakare", "I told your bot. Olusegun Bakare.").
    pub(crate) fn answer(&self, message: &str) -> Option<String> {
        if let Some(name) = self.introduced(message).or_else(|| self.given(message)) {
            return Some(name);
        }
        let last = super::prose::sentences(message).last().copied()?;
        let bare = last.trim().trim_end_matches(['.', '!']);
        let bare = ["it's ", "it’s ", "its ", "it is "]
            .iter()
            .find_map(|p| {
                bare.get(..p.len())
                    .filter(|h| h.eq_ignore_ascii_case(p))
                    .map(|_| &bare[p.len()..])
            })
            .unwrap_or(bare);
        let words: Vec<&str> = bare.split_whitespace().collect();
        ((1..=3).contains(&words.len()) && words.iter().all(|w| is_name_word(w) && !not_a_name(w)))
            .then(|| words.join(" "))
    }

    /// A customer's own words quoted on a card ("Customer said: \"Hi, this is
    /// Maya. …\"", "Opening message: \"Hello! Kofi here — …\""): the name
    /// they introduce themselves with. Only in quotes, and only on a line
    /// that says whose words they are.
    pub(crate) fn quoted(&self, line: &str) -> Option<String> {
        let lower = line.to_ascii_lowercase();
        if !["customer", "said", "wrote", "message", "quote"]
            .iter()
            .any(|w| lower.contains(w))
        {
            return None;
        }
        let open = line.find(['"', '“'])?;
        // Past the quote mark, whichever width it is ('“' is three bytes).
        let inner = line[open..].strip_prefix(['"', '“']).unwrap_or("");
        let inner = &inner[..inner.find(['"', '”']).unwrap_or(inner.len())];
        self.introduced(inner).or_else(|| here(inner))
    }

    /// A name that a customer gives: introduced ([`Names::introduced`]),
    /// or on its own as an answer ("Dana Whitfield, dana.w@example.com").
    pub(crate) fn given(&self, message: &str) -> Option<String> {
        if let Some(name) = self.introduced(message) {
            return Some(name);
        }
        // An answer: the first part of the message is a name and nothing
        // else, next to an email or a phone number that shows it is one.
        let has_contact =
            message.contains('@') || message.chars().filter(char::is_ascii_digit).count() >= 7;
        if !has_contact {
            return None;
        }
        let first = message
            .split([',', ';', '\n', '/', '|'])
            .next()?
            .trim()
            .trim_end_matches(['.', '!']);
        // "Marta Silva marta.silva@gmail.com · Lisbon": up to the address.
        let words: Vec<&str> = first
            .split_whitespace()
            .take_while(|w| !w.contains('@') && !w.starts_with(['<', '(']))
            .collect();
        let only_name = (1..=3).contains(&words.len())
            && words.iter().all(|w| is_name_word(w) && !not_a_name(w));
        only_name.then(|| words.join(" "))
    }
}

/// The name that `text` opens with when it is all of its part of a
/// heading: one to four name words (a surname's particles between them),
/// then the end, a comma, an aside or a separating mark ("Anika — booking",
/// "Marta · order", "Jane Doe (jane@x.io)"); `None` when more words follow
/// ("Fin AI Agent", "Billing about a refund").
fn name_alone(text: &str) -> Option<String> {
    const PARTICLES: &str = "van der den de da di du la le von bin al el dos das del della ter";
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    let mut name = Vec::new();
    let mut ended = false;
    for (i, w) in words.iter().enumerate() {
        let particle = i > 0 && listed(PARTICLES, w);
        if name.len() == 4 || !(particle || (is_name_word(w) && !not_a_name(w))) {
            break;
        }
        name.push(bare(w));
        if w.ends_with([',', ':', ';']) {
            ended = true;
            break;
        }
    }
    let next = words.get(name.len()).copied().unwrap_or("");
    let ended = ended
        || next.is_empty()
        || next.starts_with(['(', '<'])
        || matches!(next, "—" | "–" | "-" | "·" | "•" | "|" | "/" | "→");
    let last_is_particle = name.last().is_some_and(|w| listed(PARTICLES, w));
    (ended && !name.is_empty() && !last_is_particle).then(|| name.join(" "))
}

/// A word that names a bot, a system or a team, not a person.
fn is_bot_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    listed(
        "bot chatbot assistant helpdesk noreply no-reply support team automated system notifications",
        &w,
    ) || (w.len() > 4 && w.ends_with("bot") && !listed("talbot abbot cabot", &w))
}

/// "Kofi here — my order…", "Hello! Kofi here.": a name that opens its
/// sentence (after a greeting) and is followed by "here".
fn here(text: &str) -> Option<String> {
    super::prose::sentences(text).into_iter().find_map(|s| {
        let words: Vec<&str> = s.split_whitespace().collect();
        let start = words
            .iter()
            .position(|w| !listed("hi hello hey hiya", w.trim_end_matches([',', '!'])))?;
        let name = words.get(start)?;
        let after = words.get(start + 1)?;
        (after.trim_end_matches([',', '.', '!', '—', '-']) == "here"
            && is_name_word(name)
            && !not_a_name(name))
        .then(|| bare(name).to_string())
    })
}

/// Whether a bot's or agent's message asks for the customer's name.
pub(crate) fn asks_name(message: &str) -> bool {
    let lower = message.to_ascii_lowercase();
    (lower.contains("name") && (lower.contains('?') || lower.contains("please")))
        || lower.contains("who am i speaking")
        || lower.contains("who am i talking")
        || lower.contains("who am i chatting")
}

/// What an agent greets with: the name without a title, the first word of
/// it, in normal case if the card shouted it. An initial alone is none.
pub(crate) fn first_name(name: &str) -> Option<String> {
    let given = last_first(name).map_or(name, |(_, first)| first);
    let word = given
        .split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .find(|w| !listed(TITLES, w))?;
    if word.trim_end_matches('.').chars().count() < 2 {
        return None;
    }
    // A name written all in capitals or all in lower case is greeted in
    // the usual case: "SARAH" and "sarah" are "Sarah".
    let shouted = word.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !word.chars().any(char::is_lowercase);
    let whispered = !name.chars().any(char::is_uppercase) && word.chars().any(char::is_lowercase);
    if !shouted && !whispered {
        return Some(word.to_string());
    }
    // "MEI-LING" -> "Mei-Ling": capitals after a hyphen or apostrophe too.
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.push(crate::text::capital(c));
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    Some(out)
}

/// A word that can be part of a name: it starts with a letter that is not
/// lower case (capitals, or scripts without case) and holds only letters,
/// hyphens, apostrophes and a final comma or possessive.
fn is_name_word(word: &str) -> bool {
    let w = bare(word);
    w.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !w.ends_with('.')
}

/// Whether `word` opens a sentence without being anyone's name: a role
/// ("Customer"), a pronoun, a greeting, a month…
fn not_a_name(word: &str) -> bool {
    let word = fold(bare(word));
    // "Tracking hasn't updated", "Shipping was delayed": a gerund is a
    // thing that happens, not a person.
    let gerund = word.len() >= 7 && word.ends_with("ing");
    // "Admin reports all licences suspended": a job is not a name.
    labels::is_role(&word)
        || listed(NOT_NAMES, &word)
        || listed(THINGS, &word)
        || listed(JOB_TITLES, &word)
        || gerund
}

/// What a support case is about, which opens many a summary's sentence as
/// a name would ("Delivery was missed", "Refund hasn't arrived") but never
/// names the customer.
const THINGS: &str = concat!(
    "delivery payment refund parcel package shipment account subscription login password ",
    "app device product item card invoice charge transfer website site service internet ",
    "router phone laptop screen printer email update reservation flight room plan price bill ",
    "balance deposit withdrawal transaction purchase replacement return exchange warranty ",
    "installation connection wifi tv camera courier driver carrier checkout cart basket ",
    "coupon voucher discount promo order booking ticket",
);

/// "Chen, Sarah": the family and the given name of a name written family
/// name first, if it is one ("Sarah Chen, VIP" and "Chen, Jr." are not).
fn last_first(name: &str) -> Option<(&str, &str)> {
    // "Chen, Sarah"; an airline's "ADEYEMI/FOLASADE MRS" (no spaces).
    let (last, first) = name.split_once(',').or_else(|| {
        name.split_once('/')
            .filter(|(l, f)| !l.ends_with(' ') && !f.starts_with(' '))
    })?;
    let (last, first) = (last.trim(), first.trim());
    let first_word = first.split_whitespace().next().unwrap_or("");
    (name_words(last, 2)
        && name_words(first, 3)
        && !listed(SUFFIXES, first_word)
        && !listed(JOB_TITLES, first_word)
        && !first.contains(','))
    .then_some((last, first))
}

/// Whether every word of `s` (at most `max` of them) is a name word or a
/// surname's particle ("van der Berg", "da Silva").
fn name_words(s: &str, max: usize) -> bool {
    const PARTICLES: &str =
        "van der den de da di du la le von bin bint al el y dos das del della ter ten zu";
    let n = s.split_whitespace().count();
    (1..=max + 2).contains(&n)
        && s.split_whitespace()
            .all(|w| is_name_word(w) || listed(PARTICLES, w))
        && s.split_whitespace().any(is_name_word)
}

fn possessive(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']);
    w.ends_with("'s") || w.ends_with("’s")
}

/// The word without surrounding punctuation or a possessive "'s".
fn bare(word: &str) -> &str {
    let w =
        word.trim_matches(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.')));
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    w.trim_end_matches(['\'', '’', '.'])
}

/// `text` without parenthesised or bracketed asides and without email
/// addresses (also in angle brackets).
fn without_asides_or_emails(text: &str) -> String {
    let plain = without_asides(text);
    let words: Vec<&str> = plain
        .split_whitespace()
        .filter(|w| !w.contains('@'))
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(v: &str) -> NameValue {
        Names::new().clean(v)
    }

    fn n(s: &str) -> NameValue {
        NameValue::Name(s.to_string())
    }

    #[test]
    fn labelled_values() {
        assert_eq!(name("Siobhán O’Brien"), n("Siobhán O’Brien"));
        assert_eq!(name("Chen, Sarah"), n("Chen, Sarah"));
        assert_eq!(first_name("Chen, Sarah").as_deref(), Some("Sarah"));
        assert_eq!(name("van der Berg, Anna"), n("van der Berg, Anna"));
        assert_eq!(first_name("van der Berg, Anna").as_deref(), Some("Anna"));
        assert_eq!(
            name("Tom Becker (shop: Becker Bikes & Parts)"),
            n("Tom Becker")
        );
        assert_eq!(name("Sarah Chen <sarah@example.com>"), n("Sarah Chen"));
        assert_eq!(name("Sarah Chen, VIP"), n("Sarah Chen"));
        assert_eq!(name("Ngozi Adeyemi  ⭐ VIP"), n("Ngozi Adeyemi"));
        assert_eq!(name("王小明"), n("王小明"));
        for p in [
            "(guest checkout — name not captured)",
            "Guest user",
            "Unknown",
            "N/A",
            "—",
            "-",
            "",
            "anonymous",
        ] {
            assert_eq!(name(p), NameValue::Placeholder, "{p}");
        }
        assert_eq!(name("visitor 48213"), NameValue::Placeholder);
        assert_eq!(name("User 4821"), NameValue::Placeholder);
        assert_eq!(name("marek.k@example.com"), NameValue::NotAName);
        assert_eq!(name("Order 4821"), NameValue::NotAName);
        assert_eq!(name("Hi, my order hasn't arrived"), NameValue::NotAName);
        assert_eq!(
            name("I was charged twice for the same thing today"),
            NameValue::NotAName
        );
        assert_eq!(name("Valued Customer"), NameValue::Placeholder);
    }

    #[test]
    fn first_names() {
        assert_eq!(first_name("Mr. Raymond Oduya").as_deref(), Some("Raymond"));
        assert_eq!(first_name("Dr Zoë Lefèvre").as_deref(), Some("Zoë"));
        assert_eq!(first_name("MEI-LING WU").as_deref(), Some("Mei-Ling"));
        assert_eq!(first_name("J. Smith"), None);
        assert_eq!(first_name("sarah chen").as_deref(), Some("Sarah"));
        assert_eq!(first_name("Анна Петрова").as_deref(), Some("Анна"));
        assert_eq!(
            first_name("ADEYEMI/FOLASADE MRS").as_deref(),
            Some("Folasade")
        );
        assert_eq!(first_name("Anna Lee / Support").as_deref(), Some("Anna"));
    }

    #[test]
    fn prose_subjects() {
        let names = Names::new();
        assert_eq!(
            names
                .in_prose("Sarah was charged twice. She sounds frustrated.")
                .as_deref(),
            Some("Sarah")
        );
        assert_eq!(
            names.in_prose("Marek bought a vacuum.").as_deref(),
            Some("Marek")
        );
        assert_eq!(
            names
                .in_prose("Customer Sarah Chen says the box was empty.")
                .as_deref(),
            Some("Sarah Chen")
        );
        assert_eq!(
            names.in_prose("Guest user (not signed in) says their card was charged."),
            None
        );
        assert_eq!(
            names.in_prose("Projector will not power on out of the box."),
            None
        );
        assert_eq!(names.in_prose("Parcel was lost in transit."), None);
        assert_eq!(names.in_prose("March invoice bills 60 seats."), None);
    }

    #[test]
    fn a_job_title_sets_a_name_off() {
        let names = Names::new();
        let note = "PRIORITY ESCALATION for a key account: Dr. Helmut Brandt, CTO at Brandt Maschinenbau. Their server rejected the licences.";
        let name = names.in_prose(note);
        assert_eq!(name.as_deref(), Some("Dr. Helmut Brandt"));
        assert_eq!(first_name(&name.unwrap()).as_deref(), Some("Helmut"));
        assert_eq!(
            names.in_prose("Update: Acme Support, a team at the mall."),
            None
        );
    }

    #[test]
    fn headings_name_whom_they_are_about() {
        let names = Names::new();
        let topic = |t: &str| names.topic(t);
        assert_eq!(
            topic("Intercom · Conversation with Aleksander Nowak-Wiśniewski").as_deref(),
            Some("Aleksander Nowak-Wiśniewski")
        );
        assert_eq!(
            topic("Chat with Mateus van der Berg (mateus@x.io)").as_deref(),
            Some("Mateus van der Berg")
        );
        assert_eq!(
            topic("VIP!! Anika — booking BK-9912 double-booked. Furious.").as_deref(),
            Some("Anika")
        );
        assert_eq!(
            topic("[VIP] Marta · order 3321 · wants refund").as_deref(),
            Some("Marta")
        );
        assert_eq!(topic("Conversation with Fin AI Agent"), None);
        assert_eq!(topic("Chat with Billing about a refund"), None);
        assert_eq!(topic("VIP lounge access was refused — Tom"), None);
        assert_eq!(topic("[VIP] Refund · order 3321"), None);
        assert_eq!(topic("Sarah Chen — order 3321"), None, "no tag, no 'with'");
    }

    #[test]
    fn names_customers_give() {
        let names = Names::new();
        assert_eq!(
            names.given("Dana Whitfield, dana.w@example.com").as_deref(),
            Some("Dana Whitfield")
        );
        assert_eq!(
            names
                .given("Hi, my name is dana and my order is 1234")
                .as_deref(),
            Some("dana")
        );
        assert_eq!(
            names.given("This is Priya from Acme.").as_deref(),
            Some("Priya")
        );
        assert_eq!(names.given("Yes, that works. Thanks."), None);
        assert_eq!(names.given("I'm frustrated, this is the third time"), None);
        assert_eq!(names.given("Thanks!"), None);
        assert_eq!(
            names
                .given("The customer's name is Mrs. Olusegun Bankole-Adeyemi.")
                .as_deref(),
            Some("Mrs. Olusegun Bankole-Adeyemi")
        );
        assert_eq!(names.given("Not Received"), None);
        assert_eq!(
            names.given("I'm annoyed. This is Dana Whitfield."),
            Some("Dana Whitfield".to_string())
        );
    }
}
