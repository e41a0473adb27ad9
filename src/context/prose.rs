//! Prose: the issue, the requested outcome and the customer's mood, read
//! from a summary or a free-prose card in its own words.
//!
//! A bot's summary tells the story in a few kinds of sentence: what went
//! wrong ("Customer was charged twice for March."), what the customer wants
//! ("Wants full refund."), what the bot did ("AI provided standard refund
//! policy."), and that a person was asked for ("Customer requested human.").
//! The issue is the first clause that says something went wrong, without its
//! subject and auxiliaries ("charged twice for March"); the outcome is the
//! object of the first "wants / would like / needs / asks for" that is not a
//! request for a human ("full refund"). Both are cut at the end of their
//! clause and kept to one short line. Sentences led by the bot are skipped.
//!
//! The priority is read where the text says it in passing ("Priority:
//! high.", "a high-priority ticket").
//!
//! The mood is read only where the text says how the customer feels ("She
//! sounds frustrated", "Customer is annoyed", "expressed frustration", "an
//! angry buyer", "says he is \"absolutely livid\"": the card quoting the
//! customer's word); a negated feeling ("is not upset") says nothing.

use super::chars::{is_symbol, listed, without_asides};
use crate::pattern::Pattern;

/// Feelings a note may state in a word of their own.
const LONE_FEELINGS: &str =
    "angry furious frustrated annoyed upset irritated livid anxious worried";

/// What a summary tells: the customer's issue and the outcome they want.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Story<T> {
    /// The issue.
    pub issue: T,
    /// The requested outcome.
    pub outcome: T,
}

/// Longest issue or outcome line, in words.
const MAX_WORDS: usize = 18;

/// The patterns of summaries, compiled once.
#[derive(Debug, Clone)]
pub(crate) struct Prose {
    subject: Pattern,
    auxiliary: Pattern,
    bot: Pattern,
    wants: Pattern,
    not_outcome: Pattern,
    clause_end: Pattern,
    problem: Pattern,
    withheld: Pattern,
    feeling: Pattern,
    priority: Pattern,
}

impl Prose {
    /// Compiles the patterns.
    pub(crate) fn new() -> Prose {
        let p = |src: &str| Pattern::new(src).expect("built-in pattern");
        Prose {
            subject: p(
                r"\A(?:(?:(?:the\s+|a\s+|an\s+)?(?:customer|client|user|buyer|caller|subscriber|member|shopper|guest user|guest|end user|account holder)\b|she\b|he\b|they\b)(?:\s*\([^)]*\))?\s*,?\s*)?(?:(?:also\s+|now\s+)?(?:says|said|reports|reported|claims|claimed|explains|explained|mentions|mentioned|states|stated|writes|wrote|complains|complained|notes|noted)(?:\s+that)?\s+)?",
            ),
            auxiliary: p(
                r"\A(?:was|is|were|are|has been|have been|had been|got|gets|keeps getting|kept getting)\s+",
            ),
            bot: p(
                r"\A\W*(?:the\s+|our\s+)?(?:bot|ai|assistant|chatbot|virtual assistant|agent|system|we)\b",
            ),
            wants: p(
                r"\b(?:wants?|wanted|would (?:like|prefer|rather)|(?:'|’)d (?:like|prefer|rather)|asks? for|asked for|is asking for|requests?|requested|requesting|needs?|needed|expects?|is expecting|is hoping for|hopes? for|hoping for|is looking for|demands?|demanded)\b(?:\s+to\b)?\s*",
            ),
            not_outcome: p(
                r"\A(?:a |an |the |to )?(?:(?:speak|talk|chat) (?:to|with) |be (?:transferred|connected|escalated) (?:to )?)?(?:a |an |the )?(?:human|person|agent|representative|rep|real person|live agent|live person|someone|somebody|manager|supervisor|help|assistance|escalation)\b",
            ),
            clause_end: p(
                r"[,;.!?](?:\s|$)|\s(?:-|–|—)\s|\b(?:but|because|since|so|as|while|although|though|before|which|who)\b|\band (?:asked|asks|says|said|is|was|has|had|also|then|would|wants|needs|she|he|they|the customer)\b",
            ),
            problem: p(concat!(
                r"\b(?:not|never|no longer|cannot|can(?:'|’)t|won(?:'|’)t|didn(?:'|’)t|doesn(?:'|’)t|isn(?:'|’)t|hasn(?:'|’)t|haven(?:'|’)t|wasn(?:'|’)t|couldn(?:'|’)t|charged|billed|overcharged|twice|double|duplicate|missing|lost|broken|broke|damaged|cracked|defective|faulty|failed|fails|failing|stopped|stops|wrong|incorrect|late|delayed|stuck|error|locked|declined|disappeared|removed|deleted|on hold|still|but|without|crash\w*|froze|frozen|freezes|leak\w*|dead|expired|unable|refused|rejected|cancel+ed|overdue|empty|nothing|chipped|scratched|dented|torn|ripped|stained|smashed|shattered|bent|spoiled|mouldy|moldy|wet|errors?",
                r"|dropp\w*|drops|disconnect\w*|cuts?\s+out|keeps|outage|down|slow|blank|flicker\w*|overheat\w*|hack\w*|hijack\w*",
                r"|compromised|blocked|banned|suspended|stolen|unauthori[sz]ed|glitch\w*|unresponsive|intermittent\w*)\b",
            )),
            // A detail the customer did not give ("did not give a name",
            // "hasn't shared their order number"): what the card lacks, not
            // what went wrong for them.
            withheld: p(concat!(
                r"(?i)(?:\b(?:not|never|declined\s+to|refused\s+to)|n(?:'|’)t)\s+(?:yet\s+)?",
                r"(?:give|given|provide|provided|share|shared|say|said|state|stated|mention|mentioned|supply|supplied|confirm|confirmed)\s+",
                r"(?:(?:their|his|her|a|an|the|any)\s+)?(?:(?:full|first|last|order|account|phone|booking)\s+)?",
                r"(?:name|e-?mail|number|details|address|phone|account|reference)\b",
            )),
            // Run on an ASCII-lower-cased copy (see `sentiment`).
            feeling: Pattern::lowercase(
                r"\b(?:(?:is|was|seems?|seemed|sounds?|sounded|appears?|appeared|feels?|felt|looks?|looked|got|getting|became|becoming|been|am|are|were|remains|remained|(?:'|’)s|(?:'|’)m|(?:'|’)re)\s+(?:(?:\x22|“|‘|')\s*)?(?:(?:very|really|extremely|quite|increasingly|rather|pretty|so|visibly|clearly|understandably|now|also|still|getting|more|a bit|a little|somewhat|slightly|highly|incredibly|absolutely)\s+)*(frustrated|angry|annoyed|upset|furious|irritated|livid|anxious|worried|confused|disappointed|stressed|impatient|sad|unhappy|happy|calm|nervous|panicked|exasperated|fed up|fuming|outraged|distressed|concerned)|(frustrated|angry|annoyed|upset|furious|irritated|livid|anxious|worried|confused|disappointed|impatient|unhappy)\s+(?:customer|buyer|user|caller|client|shopper|subscriber|seller)|(?:expressed|expresses|expressing|showing|shows|showed|voiced|voices|voicing|in)\s+(?:(?:some|a lot of|great|real|growing|increasing|clear|visible|strong|considerable|mounting)\s+)*(frustration|anger|annoyance|irritation|fury|anxiety|worry|confusion|disappointment|distress|outrage|impatience))\b",
            )
            .expect("built-in pattern"),
            // Run on an ASCII-lower-cased copy (see `priority`).
            priority: Pattern::lowercase(
                r"\bpriority\s*(?::|is|-|–|—)\s*(critical|urgent|high|medium|normal|low)\b|\b(critical|urgent|high|medium|normal|low)[- ]priority\b",
            )
            .expect("built-in pattern"),
        }
    }

    /// The issue and the requested outcome told in `text`, each only when
    /// asked for (a card's label may already give it). The issue is the
    /// first clause that says something went wrong, without its subject
    /// (`name` is the customer's, so "Sarah was charged…" loses "Sarah"
    /// too); the outcome is the object of the first "wants", "would like",
    /// "needs"… that is not a request for a person.
    pub(crate) fn story(
        &self,
        text: &str,
        name: Option<&str>,
        want: Story<bool>,
    ) -> Story<Option<String>> {
        let mut found = Story {
            issue: None,
            outcome: None,
        };
        // No outcome without a "wants…", no issue without a problem word: one
        // search of the whole text each can rule out reading it sentence by
        // sentence. A sentence or clause is cut only next to punctuation or
        // a space, so a word found in one is found in the whole text too.
        let want = Story {
            issue: want.issue && self.problem.is_match(text),
            outcome: want.outcome && self.wants.is_match(text),
        };
        for sentence in sentences(text) {
            let need_issue = want.issue && found.issue.is_none();
            let need_outcome = want.outcome && found.outcome.is_none();
            if !need_issue && !need_outcome {
                break;
            }
            if self.bot.is_match(sentence) {
                // Led by the bot: only a later clause can be the customer's.
                for clause in clauses(sentence).into_iter().skip(1) {
                    if need_outcome && found.outcome.is_none() && !self.bot.is_match(clause) {
                        found.outcome = self.wanted(clause);
                    }
                }
                continue;
            }
            // "Wants a refund; says it was a gift": the sentence is about the
            // outcome, and what follows only explains it.
            let about_outcome = need_issue && {
                let lead = self.strip_subject(sentence, name);
                self.wants.find(lead).is_some_and(|r| r.start == 0)
            };
            for (i, clause) in clauses(sentence).into_iter().enumerate() {
                if i > 0 && self.bot.is_match(clause) {
                    continue;
                }
                let first_want = self.wants.find(clause);
                if found.outcome.is_none() && need_outcome && first_want.is_some() {
                    found.outcome = self.wanted(clause);
                }
                if found.issue.is_some() || !need_issue || about_outcome {
                    continue;
                }
                let problem = first_want.map_or(clause, |r| clause[..r.start].trim_end());
                if self.problem.is_match(problem) && !self.withheld.is_match(problem) {
                    let line = one_line(self.strip_subject(main_clause(problem), name));
                    if !line.is_empty() {
                        found.issue = Some(line);
                    }
                }
            }
        }
        found
    }

    /// The object of the first "wants…" in `clause` that is not a request
    /// for a person, as one short line without a leading article.
    fn wanted(&self, clause: &str) -> Option<String> {
        for r in self.wants.find_iter(clause) {
            let object = &clause[r.end..];
            if object.is_empty() || self.not_outcome.is_match(object) {
                continue;
            }
            let end = self
                .clause_end
                .find(object)
                .map_or(object.len(), |e| e.start);
            let object = object[..end].trim();
            let object = ["a ", "an ", "the "]
                .iter()
                .find_map(|a| {
                    object
                        .get(..a.len())
                        .filter(|s| s.eq_ignore_ascii_case(a))
                        .map(|_| &object[a.len()..])
                })
                .unwrap_or(object);
            let line = one_line(object);
            if !line.is_empty() {
                return Some(line);
            }
        }
        None
    }

    /// The customer's feeling where `text` says it, as an adjective.
    pub(crate) fn sentiment(&self, text: &str) -> Option<String> {
        // Lower-cased at the same offsets: a case-sensitive search skips
        // to the feeling words' letters, where one without case reads every
        // byte, and the word comes out in lower case.
        let lower = text.to_ascii_lowercase();
        let Some(groups) = self.feeling.captures(&lower) else {
            // A note's one-word sentence: "…wants a refund. Angry."
            return sentences(text).into_iter().find_map(|s| {
                let word = s.trim().trim_end_matches(['.', '!']).trim();
                listed(LONE_FEELINGS, word).then(|| word.to_ascii_lowercase())
            });
        };
        let word = groups
            .iter()
            .skip(1)
            .flatten()
            .next()
            .and_then(|r| lower.get(r.clone()))?;
        let adjective = match word {
            "frustration" => "frustrated",
            "anger" => "angry",
            "annoyance" => "annoyed",
            "irritation" => "irritated",
            "fury" => "furious",
            "anxiety" => "anxious",
            "worry" => "worried",
            "confusion" => "confused",
            "disappointment" => "disappointed",
            "distress" => "distressed",
            "outrage" => "outraged",
            "impatience" => "impatient",
            // "I'm fed up" is the frustration CONTRACT 6.6 names.
            "fed up" => "frustrated",
            // "I'm fuming" is the anger CONTRACT 6.6 names.
            "fuming" => "furious",
            other => other,
        };
        Some(adjective.to_string())
    }

    /// The escalation's priority where `text` says it in passing ("…a full
    /// refund. Priority: high.", "a high-priority ticket"), lower-case.
    pub(crate) fn priority(&self, text: &str) -> Option<String> {
        let lower = text.to_ascii_lowercase();
        let groups = self.priority.captures(&lower)?;
        let word = groups.iter().skip(1).flatten().next()?;
        lower.get(word.clone()).map(str::to_string)
    }

    /// `clause` without a customer subject, a reporting verb ("says that")
    /// and an auxiliary: "Customer says she was never notified" -> "never
    /// notified".
    fn strip_subject<'t>(&self, clause: &'t str, name: Option<&str>) -> &'t str {
        let mut s = clause.trim();
        for _ in 0..2 {
            if let Some(owned) = name.and_then(|n| owned_by(s, n)) {
                return owned;
            }
            if let Some(rest) = name.and_then(|n| strip_name(s, n)) {
                s = without_aside(rest);
            }
            match self.subject.find(s) {
                Some(r) if r.end > 0 => {
                    // "Customer's CSV export fails": the subject is the
                    // export, and the issue is what is said of it.
                    if let Some(owned) = after_possessive(&s[r.end..]) {
                        return owned;
                    }
                    s = without_aside(&s[r.end..]);
                }
                _ => break,
            }
        }
        if let Some(r) = self.auxiliary.find(s) {
            s = &s[r.end..];
        }
        s
    }
}

/// Whether `line` is a card's title that names the handoff itself ("Crisp
/// — MagicReply handoff", "LiveChat · ChatBot transfer", "Bot handoff —
/// Freddy AI"): a few words, no sentence, in segments of which one ends in
/// a word for the handoff. A title says where the card comes from, never
/// the customer's problem, so it is no part of the story.
pub(crate) fn is_title(line: &str) -> bool {
    const HANDOFF: &str = "handoff hand-off handover hand-over transfer escalation takeover";
    let line = line.trim();
    line.split_whitespace().count() <= 8
        && !line.contains(['.', ',', ';', '!', '?', '"', '“', ':'])
        && line
            .split(['—', '–', '·', '|', '•', '➜', '→', '»'])
            .flat_map(|segment| segment.split(" - "))
            .any(|segment| {
                segment
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| listed(HANDOFF, w))
            })
}

/// What follows a possessive `'s` at the start of `text` ("'s CSV export
/// fails" -> "CSV export fails"), if it starts with one.
fn after_possessive(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("'s")
        .or_else(|| text.strip_prefix("\u{2019}s"))?;
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim_start())
}

/// `text` without a parenthesised aside at its start: "(jane@doe.com) is
/// asking" -> "is asking".
fn without_aside(text: &str) -> &str {
    match text.strip_prefix('(').and_then(|t| t.split_once(')')) {
        Some((_, rest)) => rest.trim_start_matches([',', ' ']),
        None => text,
    }
}

/// `text` after a leading full or first name, if it starts with one.
/// What the customer's `'s` owns, where `text` starts with their full or
/// first name and a possessive: "Dana's export fails" -> "export fails".
fn owned_by<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    let first = name.split_whitespace().next().unwrap_or(name);
    [name, first]
        .into_iter()
        .find_map(|n| text.strip_prefix(n).and_then(after_possessive))
}

fn strip_name<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    let mut candidates = vec![name];
    if let Some(first) = name.split_whitespace().next() {
        candidates.push(first);
    }
    candidates.into_iter().find_map(|n| {
        let rest = text.strip_prefix(n)?;
        rest.starts_with(|c: char| c.is_whitespace() || c == ',')
            .then(|| rest.trim_start_matches([',', ' ']))
    })
}

/// A clause without a leading subordinate clause: "After switching plans
/// by mistake, the profiles disappeared" -> "the profiles disappeared".
fn main_clause(clause: &str) -> &str {
    let first = clause
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let subordinate = matches!(
        first.as_str(),
        "after"
            | "before"
            | "when"
            | "since"
            | "while"
            | "although"
            | "though"
            | "because"
            | "despite"
            | "following"
            | "once"
            | "if"
    );
    match clause.split_once(", ") {
        Some((_, main)) if subordinate && main.split_whitespace().count() >= 2 => main,
        _ => clause,
    }
}

/// Words a full stop follows without ending the sentence.
const ABBREVIATIONS: &str = "mr mrs ms mx dr prof st no vs approx e.g i.e etc inc ltd jr sr co";

/// The sentences of `text`: they end at `.`, `!` or `?` before a space and
/// something that is not a lower-case word, except after a title, an
/// initial or a common abbreviation.
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'.' | b'!' | b'?')
            || bytes.get(i + 1).is_some_and(|n| !n.is_ascii_whitespace())
        {
            continue;
        }
        let word = text[start..i]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let abbreviation = b == b'.'
            && ((word.chars().count() == 1 && word.chars().all(char::is_uppercase))
                || listed(ABBREVIATIONS, word));
        let next = text[i + 1..].trim_start().chars().next();
        if abbreviation || next.is_some_and(char::is_lowercase) {
            continue;
        }
        let s = text[start..=i].trim();
        if !s.is_empty() {
            out.push(s);
        }
        start = i + 1;
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// The clauses of a sentence: parts between semicolons and spaced dashes.
fn clauses(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in sentence.char_indices() {
        let cut = match c {
            ';' => sentence[i + 1..].starts_with(' ').then_some(1),
            '-' | '–' | '—' => {
                let spaced =
                    sentence[..i].ends_with(' ') && sentence[i + c.len_utf8()..].starts_with(' ');
                spaced.then_some(c.len_utf8())
            }
            _ => None,
        };
        if let Some(len) = cut {
            if i >= start {
                out.push(sentence[start..i].trim());
            }
            start = i + len;
        }
    }
    out.push(sentence[start..].trim());
    out
}

/// `text` as one short line: parenthesised asides, trailing punctuation,
/// emoji and dangling conjunctions dropped, snake_case spaced, at most
/// [`MAX_WORDS`] words (cut at a comma or "and" where one is near the end).
pub(crate) fn one_line(text: &str) -> String {
    let plain = without_asides(text);
    let spaced = !plain.contains(' ') && plain.contains('_');
    let plain = if spaced {
        plain.replace('_', " ")
    } else {
        plain
    };
    let mut words: Vec<&str> = plain.split_whitespace().collect();
    if words.len() > MAX_WORDS {
        let keep = (4..MAX_WORDS)
            .rev()
            .find(|&i| words[i - 1].ends_with(',') || words[i] == "and");
        words.truncate(keep.unwrap_or(MAX_WORDS));
    }
    while words.last().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "and" | "or" | "but" | "that" | "so"
        )
    }) {
        words.pop();
    }
    let line = words.join(" ");
    let trailing = |c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?') || is_symbol(c)
    };
    let leading = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':') || is_symbol(c);
    line.trim_end_matches(trailing)
        .trim_start_matches(leading)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOTH: Story<bool> = Story {
        issue: true,
        outcome: true,
    };

    #[test]
    fn splits_sentences_not_abbreviations_or_decimals() {
        assert_eq!(
            sentences("Mr. Oduya paid $588.00 twice. Wants a refund! ok? Fine"),
            vec![
                "Mr. Oduya paid $588.00 twice.",
                "Wants a refund! ok?",
                "Fine"
            ]
        );
    }

    #[test]
    fn guide_summary() {
        let p = Prose::new();
        let s = "Customer was charged twice for March. Wants full refund. AI provided standard refund policy. Customer requested human.";
        let story = p.story(s, None, BOTH);
        assert_eq!(story.issue.as_deref(), Some("charged twice for March"));
        assert_eq!(story.outcome.as_deref(), Some("full refund"));
    }

    #[test]
    fn a_possessive_subject_keeps_what_it_owns() {
        let p = Prose::new();
        for (summary, name) in [
            (
                "Customer's CSV export of Q2 invoices fails with a timeout.",
                None,
            ),
            (
                "The customer\u{2019}s CSV export of Q2 invoices fails with a timeout.",
                None,
            ),
            (
                "Dana's CSV export of Q2 invoices fails with a timeout.",
                Some("Dana"),
            ),
        ] {
            let story = p.story(summary, name, BOTH);
            assert_eq!(
                story.issue.as_deref(),
                Some("CSV export of Q2 invoices fails with a timeout"),
                "{summary}"
            );
        }
    }

    #[test]
    fn issue_and_outcome_in_other_words() {
        let p = Prose::new();
        let s = "Customer says she was never notified of the March price increase ($22.99 → $25.99) and wants the old price honoured for 3 months.";
        assert_eq!(
            p.story(s, None, BOTH).issue.as_deref(),
            Some("never notified of the March price increase")
        );
        assert_eq!(
            p.story(s, None, BOTH).outcome.as_deref(),
            Some("old price honoured for 3 months")
        );
        let s = "Sarah was charged twice for order #12345 — once on 2 March. She wants the extra charge refunded.";
        assert_eq!(
            p.story(s, Some("Sarah"), BOTH).issue.as_deref(),
            Some("charged twice for order #12345")
        );
        // A detail not given is not the issue: the next clause that says
        // what went wrong is.
        let s = "Web chat escalated by EnergyBot. The customer did not give a name. Their parcel never arrived.";
        assert_eq!(
            p.story(s, None, BOTH).issue.as_deref(),
            Some("Their parcel never arrived")
        );
        let s = "Customer hasn't shared their order number; the courier did not leave the parcel.";
        assert_eq!(
            p.story(s, None, BOTH).issue.as_deref(),
            Some("the courier did not leave the parcel")
        );
        let s = "Customer wants to return boots (size 43); says they were never worn. Bot quoted the policy.";
        assert_eq!(p.story(s, None, BOTH).issue, None);
        assert_eq!(
            p.story(s, None, BOTH).outcome.as_deref(),
            Some("return boots")
        );
        assert_eq!(
            p.story(
                "Bot explained refunds; customer asked for a person.",
                None,
                BOTH
            )
            .outcome,
            None
        );
        let s = "Buyer ordered a record 19 days ago; seller has not shipped. Wants a replacement, not a refund.";
        assert_eq!(
            p.story(s, None, BOTH).issue.as_deref(),
            Some("seller has not shipped")
        );
        assert_eq!(
            p.story(s, None, BOTH).outcome.as_deref(),
            Some("replacement")
        );
    }

    #[test]
    fn feelings_said_in_words() {
        let p = Prose::new();
        assert_eq!(
            p.sentiment("She sounds frustrated.").as_deref(),
            Some("frustrated")
        );
        assert_eq!(
            p.sentiment("Customer is annoyed and wants…").as_deref(),
            Some("annoyed")
        );
        assert_eq!(
            p.sentiment("The buyer expressed growing frustration.")
                .as_deref(),
            Some("frustrated")
        );
        assert_eq!(
            p.sentiment("An angry customer called.").as_deref(),
            Some("angry")
        );
        assert_eq!(p.sentiment("I’m furious!").as_deref(), Some("furious"));
        assert_eq!(p.sentiment("Customer is not upset, just curious."), None);
        assert_eq!(p.sentiment("The frustrating bot"), None);
        // The card quoting the customer's own word for it.
        assert_eq!(
            p.sentiment("He wants it back and says he is \"absolutely livid\".")
                .as_deref(),
            Some("livid")
        );
        assert_eq!(
            p.sentiment("She says she's “fuming”.").as_deref(),
            Some("furious")
        );
    }

    #[test]
    fn priority_said_in_passing() {
        let p = Prose::new();
        let said = |t: &str| p.priority(t);
        assert_eq!(
            said("They want a full refund. Priority: high.").as_deref(),
            Some("high")
        );
        assert_eq!(
            said("A high-priority ticket about a late parcel.").as_deref(),
            Some("high")
        );
        assert_eq!(said("Priority is Urgent").as_deref(), Some("urgent"));
        assert_eq!(said("Wants priority shipping refunded."), None);
        assert_eq!(said("Her priority is getting the parcel."), None);
    }

    #[test]
    fn titles_name_the_handoff() {
        for t in [
            "Crisp — MagicReply handoff",
            "LiveChat · ChatBot transfer",
            "Bot handoff — Freddy AI",
            "Escalation",
            "Web chat | Bot hand-off",
        ] {
            assert!(is_title(t), "{t}");
        }
        for t in [
            "Handoff ➜ Dana, order #30412, wants a refund.",
            "Charged twice after the plan transfer, wants a refund",
            "Asked for a transfer of her balance to the new account then left",
            "Refund — wants it today",
        ] {
            assert!(!is_title(t), "{t}");
        }
    }

    #[test]
    fn one_line_keeps_it_short() {
        assert_eq!(
            one_line("Double-charged for a gift card (2 × $50) 😕"),
            "Double-charged for a gift card"
        );
        assert_eq!(one_line("buyer_seller_dispute"), "buyer seller dispute");
        let long = "one two three four five, six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen x y z";
        assert_eq!(one_line(long), "one two three four five");
    }
}
