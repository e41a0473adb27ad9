//! One reading of a reply: its sentences, its clauses, and an ASCII
//! lower-case copy, made once per check and shared by every rule family.
//!
//! Rules mostly ask local questions: is this match inside a question, does
//! its clause start here, what are the two words before it, is it negated.
//! Answering them from one [`Reply`] keeps every family on the same idea of
//! where a sentence ends (so "Ms. O'Brien" or "$29.00" never split one), and
//! splits the text once rather than once per rule.
//!
//! All positions are byte offsets into the reply, always on character
//! boundaries; nothing here slices at an offset it has not checked.

/// One sentence: `start..end` in bytes, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Ends with a question mark (possibly followed by emoji or quotes).
    pub question: bool,
}

/// A reply, split once.
pub(crate) struct Reply<'a> {
    /// The reply as given.
    pub text: &'a str,
    /// `text` with ASCII letters lower-cased: same length, same offsets, so
    /// keyword checks can run on it without folding per call.
    pub lower: String,
    pub sentences: Vec<Sentence>,
    /// `text` folded for comparison ([`crate::text::fold`]), made on first
    /// use: only name checks need it, and folding is the costliest step.
    folded: std::cell::OnceCell<String>,
    /// Which of the rules' patterns match somewhere in `lower`, when the
    /// reply was scanned ([`super::scan`]); `None`: any may.
    scan: Option<Vec<bool>>,
    /// Where each byte of `lower` is, made on first use: the patterns that
    /// search the whole of `lower` ([`super::scan::Rx`]) find the places to
    /// try from it instead of each reading every byte.
    index: std::cell::OnceCell<crate::pattern::Index>,
}

/// Words that stop a period from ending a sentence ("Ms. Chen", "e.g. this").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "eg", "ie", "approx",
    "inc", "ltd", "jr", "sr", "a.m", "p.m", "no", "co", "dept", "ext",
];

/// Emoji and pictographs: in chat they often stand where a full stop would.
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F | 0x200D | 0x23E9..=0x23FA)
}

/// Characters that end a clause inside a sentence.
fn is_clause_mark(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”' | '…'
    ) || is_emoji(c)
}

/// Filler words that may open a clause before its real first word
/// ("So, tell me…", "Okay and what's…", "Hi Sarah, tell me…").
const OPENERS: &[&str] = &[
    "so", "and", "but", "ok", "okay", "now", "also", "then", "first", "hi", "hey", "hello",
    "great", "sure", "right", "well", "anyway", "please", "just", "quick", "quickly", "oh",
    "alright", "cool", "perfect", "thanks", "again",
];

impl<'a> Reply<'a> {
    /// Splits `text` into sentences.
    pub fn new(text: &'a str) -> Reply<'a> {
        Reply {
            text,
            lower: lower_case(text),
            sentences: split(text),
            folded: std::cell::OnceCell::new(),
            scan: None,
            index: std::cell::OnceCell::new(),
        }
    }

    /// Records which patterns of the rules' set match (index: slot).
    pub(super) fn set_scan(&mut self, matched: Vec<bool>) {
        self.scan = Some(matched);
    }

    /// Whether the pattern in `slot` of the rules' set may match somewhere
    /// in `lower`: false only when a scan says it does not.
    pub fn may_match(&self, slot: usize) -> bool {
        self.scan
            .as_ref()
            .map_or(true, |m| m.get(slot).copied().unwrap_or(false))
    }

    /// The index of [`Reply::lower`], for searches of all of it.
    pub fn lower_index(&self) -> &crate::pattern::Index {
        self.index
            .get_or_init(|| crate::pattern::Index::new(&self.lower))
    }

    /// The reply folded for comparison (case, diacritics, apostrophes,
    /// whitespace): [`crate::text::fold`], made on first use.
    pub fn folded(&self) -> &str {
        self.folded.get_or_init(|| crate::text::fold(self.text))
    }

    /// Whether folding the reply keeps its words as [`Reply::lower`] has
    /// them: every character that is not ASCII is neither a letter, a digit
    /// nor a combining mark (dashes, quotes, emoji), so folding changes only
    /// what stands between words. Then a word of ASCII letters and digits
    /// that is not in `lower` is not in [`Reply::folded`] either, and the
    /// costliest step of a check can be skipped.
    pub fn folds_to_lower_words(&self) -> bool {
        self.text.is_ascii()
            || self
                .text
                .chars()
                .all(|c| c.is_ascii() || !(c.is_alphanumeric() || crate::text::is_mark(c)))
    }

    /// Index of the sentence holding byte `pos` (the last one that starts at
    /// or before it).
    pub fn sentence_at(&self, pos: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.start <= pos);
        i.checked_sub(1).and_then(|i| self.sentences.get(i))
    }

    /// The sentence's text.
    pub fn sentence_text(&self, s: &Sentence) -> &'a str {
        self.text.get(s.start..s.end).unwrap_or("")
    }

    /// Whether byte `pos` lies in a question.
    pub fn in_question(&self, pos: usize) -> bool {
        self.sentence_at(pos).is_some_and(|s| s.question)
    }

    /// Byte where the clause holding `pos` starts: just after the last
    /// clause mark before `pos` in its sentence, else the sentence start.
    pub fn clause_start(&self, pos: usize) -> usize {
        let Some(s) = self.sentence_at(pos) else {
            return 0;
        };
        let pos = floor(self.text, pos.clamp(s.start, s.end));
        let head = &self.text[s.start..pos];
        let mut at = s.start;
        if let Some((i, c)) = head.char_indices().rev().find(|&(_, c)| is_clause_mark(c)) {
            at = s.start + i + c.len_utf8();
        }
        if let Some(i) = head.rfind(" - ") {
            at = at.max(s.start + i + 3);
        }
        at
    }

    /// Byte where the clause holding `pos` ends (exclusive).
    pub fn clause_end(&self, pos: usize) -> usize {
        let Some(s) = self.sentence_at(pos) else {
            return self.text.len();
        };
        let pos = floor(self.text, pos.clamp(s.start, s.end));
        let tail = &self.text[pos..s.end];
        let mut end = s.end;
        if let Some((i, _)) = tail.char_indices().find(|&(_, c)| is_clause_mark(c)) {
            end = pos + i;
        }
        if let Some(i) = tail.find(" - ") {
            end = end.min(pos + i);
        }
        end
    }

    /// Whether `pos` lies inside quotes opened in its sentence: words the
    /// agent quotes are someone else's ("You said the bot kept asking
    /// \"what seems to be the issue?\"", "You wrote 'sorry if this is
    /// silly'"). Double quotes, straight or curly, pair up; a single one
    /// opens only at a word's start and closes only at a word's end, so an
    /// apostrophe inside a word ("isn't") or after one ("customers'") never
    /// opens a quote.
    pub fn in_quotes(&self, pos: usize) -> bool {
        let start = self.sentence_at(pos).map_or(0, |s| s.start);
        let before = self.text.get(start..floor(self.text, pos)).unwrap_or("");
        let straight = before.matches('"').count();
        if straight % 2 == 1 || before.matches('“').count() > before.matches('”').count() {
            return true;
        }
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut single = false;
        for (i, c) in before.char_indices() {
            if matches!(c, '\'' | '‘' | '’') {
                let prev = before[..i].chars().next_back();
                let next = self.text[start + i + c.len_utf8()..].chars().next();
                if c != '’' && !word(prev) && word(next) {
                    single = true;
                } else if word(prev) && !word(next) {
                    single = false;
                }
            }
        }
        single
    }

    /// Up to `n` ASCII words just before `pos` in its clause, nearest first,
    /// lower-cased ("give me about 2 minutes" at "2" gives `["about", "me", "give"]`).
    pub fn words_before(&self, pos: usize, n: usize) -> Vec<&str> {
        let start = self.clause_start(pos);
        let pos = floor(self.text, pos.max(start));
        self.lower[start..pos]
            .rsplit(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .take(n)
            .collect()
    }

    /// Whether one of the `n` words before `pos` in its clause negates what
    /// follows ("no need to apologise", "you don't need anything else"):
    /// the one list of negating words for the rules that look back a few
    /// words (the rules that read a whole sentence prefix have patterns).
    pub fn negated_within(&self, pos: usize, n: usize) -> bool {
        self.words_before(pos, n).iter().any(|w| {
            matches!(
                *w,
                "no" | "not"
                    | "never"
                    | "nothing"
                    | "dont"
                    | "don't"
                    | "don’t"
                    | "needn't"
                    | "needn’t"
                    | "won't"
                    | "won’t"
            )
        })
    }

    /// Up to `n` ASCII words just after `pos` in its clause, lower-cased.
    pub fn words_after(&self, pos: usize, n: usize) -> Vec<&str> {
        let end = self.clause_end(pos);
        let pos = floor(self.text, pos.min(end));
        self.lower[pos..end]
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .take(n)
            .collect()
    }

    /// Whether `pos` starts its clause, allowing filler openers before it
    /// ("Hi Sarah, tell me…", "Okay so what happened?").
    pub fn starts_clause(&self, pos: usize) -> bool {
        let start = self.clause_start(pos);
        let pos = floor(self.text, pos.max(start));
        let head = &self.lower[start..pos];
        let mut words = head
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .peekable();
        // A greeting may carry a name: "Hi Sarah tell me" is rare enough that
        // only fillers are skipped; "Hi Sarah, …" already has its comma.
        words.all(|w| OPENERS.contains(&w))
            && !head.chars().any(|c| c.is_alphanumeric() && !c.is_ascii())
    }

    /// The lower-cased text of `start..end`, or "" when the range is not on
    /// character boundaries.
    pub fn lower_slice(&self, start: usize, end: usize) -> &str {
        self.lower.get(start..end).unwrap_or("")
    }
}

/// `text` with ASCII letters lower-cased and every Unicode space (NBSP, thin,
/// narrow, ideographic…) written as as many ASCII spaces as it has bytes:
/// rich-text editors put NBSPs between words, and the patterns' `\s` is
/// ASCII. Every offset stays the same.
fn lower_case(text: &str) -> String {
    let mut bytes = text.as_bytes().to_ascii_lowercase();
    if !text.is_ascii() {
        for (i, c) in text.char_indices() {
            if !c.is_ascii() && c.is_whitespace() {
                if let Some(b) = bytes.get_mut(i..i + c.len_utf8()) {
                    b.fill(b' ');
                }
            }
        }
    }
    // Only whole characters were replaced, by ASCII: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_ascii_lowercase())
}

/// Word characters for the ASCII word helpers: letters, digits, apostrophes.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\'' || c == '’'
}

/// The largest character boundary at or below `pos`.
pub(crate) fn floor(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// Splits `text` into trimmed sentences.
fn split(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Both emoji checks below look past the emoji; cached per sentence and
    // per run of emoji so that a reply of a million emoji stays linear.
    let mut sentence_has_text = false;
    let mut run: Option<(usize, bool)> = None; // (end of the run, a capital follows)
    while i < bytes.len() {
        let b = bytes[i];
        // Only marks, line breaks, quotes and non-ASCII characters can end a
        // sentence: everything else is skipped a byte at a time.
        if b.is_ascii_alphanumeric()
            || (b < 0x80 && !matches!(b, b'.' | b'!' | b'?' | b'\n' | b'\r' | b'"' | b'\'' | b')'))
        {
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            i += 1;
            continue;
        };
        let end = i + c.len_utf8();
        let next = text.get(end..).and_then(|t| t.chars().next());
        let boundary = match c {
            '\n' | '\r' => true,
            '.' | '!' | '?' | '…' => {
                // A run of marks ends together ("?!", "..."), and closing
                // quotes or brackets belong to the sentence they close.
                if matches!(
                    next,
                    Some('.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')')
                ) {
                    false
                } else {
                    let ends = next.map_or(true, |n| n.is_whitespace() || is_emoji(n));
                    ends && !(c == '.' && abbreviation_before(text, i))
                }
            }
            '"' | '”' | '’' | '\'' | ')' => {
                let prev = text[..i].chars().next_back();
                matches!(prev, Some('.' | '!' | '?' | '…'))
                    && next.map_or(true, char::is_whitespace)
            }
            // "Alex here 😊 Can you…": an emoji before a capital ends a sentence.
            c if is_emoji(c) && {
                sentence_has_text = sentence_has_text || !text[start..i].trim().is_empty();
                sentence_has_text
            } =>
            {
                let rest = &text[end..];
                let capital_follows = match run {
                    Some((run_end, capital)) if end <= run_end => capital,
                    _ => {
                        let after =
                            rest.trim_start_matches(|c: char| c.is_whitespace() || is_emoji(c));
                        let capital = after.starts_with(|c: char| c.is_uppercase());
                        run = Some((text.len() - after.len(), capital));
                        capital
                    }
                };
                rest.starts_with(char::is_whitespace) && capital_follows
            }
            _ => false,
        };
        if boundary {
            push(text, &mut out, start, end);
            start = end;
            sentence_has_text = false;
        }
        i = end;
    }
    push(text, &mut out, start, text.len());
    out
}

fn abbreviation_before(text: &str, dot: usize) -> bool {
    let head = &text[..dot];
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[word_start..];
    // A single letter ("J. Smith") is an initial, not the end of a sentence.
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
        || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
}

fn push(text: &str, out: &mut Vec<Sentence>, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let s = start + lead;
    let question = trimmed
        .trim_end_matches(|c: char| {
            is_emoji(c) || c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')')
        })
        .ends_with('?');
    out.push(Sentence {
        start: s,
        end: s + trimmed.len(),
        question,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        let r = Reply::new(t);
        r.sentences.iter().map(|s| r.sentence_text(s)).collect()
    }

    #[test]
    fn splits_on_marks_lines_and_emoji() {
        assert_eq!(
            texts("Hi Sarah! I'm Alex. Ready?"),
            vec!["Hi Sarah!", "I'm Alex.", "Ready?"]
        );
        assert_eq!(
            texts("Hi Sarah! Alex here 😊 Can you?"),
            vec!["Hi Sarah!", "Alex here 😊", "Can you?"]
        );
        assert_eq!(texts("one\r\ntwo"), vec!["one", "two"]);
    }

    #[test]
    fn keeps_abbreviations_numbers_and_emails_whole() {
        assert_eq!(
            texts("Good afternoon Ms. O'Brien, hi. $29.00 to ren.t@example.jp now."),
            vec![
                "Good afternoon Ms. O'Brien, hi.",
                "$29.00 to ren.t@example.jp now."
            ]
        );
    }

    #[test]
    fn questions_are_marked() {
        let r = Reply::new("Is that right? 🙂 Yes. \"Really?\"");
        let q: Vec<bool> = r.sentences.iter().map(|s| s.question).collect();
        assert_eq!(q, vec![true, false, true]);
    }

    #[test]
    fn clause_helpers() {
        let t = "Hi Sarah, tell me what happened — give me about 2 minutes.";
        let r = Reply::new(t);
        let tell = t.find("tell").unwrap();
        assert!(r.starts_clause(tell));
        assert!(!r.starts_clause(t.find("what").unwrap()));
        let two = t.find('2').unwrap();
        assert_eq!(r.words_before(two, 3), vec!["about", "me", "give"]);
        assert_eq!(r.clause_start(two), t.find("give").unwrap() - 1);
        assert_eq!(&t[tell..r.clause_end(tell)], "tell me what happened ");
    }

    #[test]
    fn negation_is_read_a_few_words_back_in_either_apostrophe() {
        for (text, word) in [
            ("No need to apologise.", "apologise"),
            ("You don’t need anything else.", "anything"),
            ("You won't need anything else.", "anything"),
            ("Never apologise for asking.", "apologise"),
        ] {
            let r = Reply::new(text);
            assert!(r.negated_within(text.find(word).unwrap(), 4), "{text}");
        }
        for (text, word, n) in [
            ("I need to apologise for the delay.", "apologise", 4),
            ("Is there anything else?", "anything", 4),
            // Further back than asked: not this phrase's negation.
            ("Not sure, but is there anything else?", "anything", 2),
            // Another clause: "no" answers something else.
            ("No, sorry about that.", "sorry", 4),
        ] {
            let r = Reply::new(text);
            assert!(!r.negated_within(text.find(word).unwrap(), n), "{text}");
        }
    }

    #[test]
    fn unicode_spaces_read_as_spaces_at_the_same_offsets() {
        let t = "I'm\u{A0}Alex,\u{202F}ok\u{3000}é";
        let r = Reply::new(t);
        assert_eq!(r.lower.len(), t.len());
        assert_eq!(r.lower, "i'm  alex,   ok   é");
    }

    #[test]
    fn never_panics_inside_characters() {
        let t = "é😊 x, y";
        let r = Reply::new(t);
        for i in 0..=t.len() + 2 {
            let _ = (
                r.clause_start(i),
                r.clause_end(i),
                r.words_before(i, 2),
                r.starts_clause(i),
            );
        }
    }

    #[test]
    fn quoted_words_in_double_or_single_quotes() {
        let at = |text: &str, word: &str| Reply::new(text).in_quotes(text.find(word).unwrap());
        assert!(at("You said \"what is the issue?\" twice.", "issue"));
        assert!(!at("You said \"hi\" and then the issue.", "issue"));
        assert!(at("You wrote 'sorry if this is silly' earlier.", "sorry"));
        assert!(at("You wrote ‘sorry if this is silly’ earlier.", "sorry"));
        assert!(!at("You wrote 'hi' and I'm sorry for the wait.", "sorry"));
        assert!(!at("It isn't your fault, and I'm sorry.", "sorry"));
        assert!(!at("The customers' orders are late, sorry.", "sorry"));
    }
}
