//! Patterns: the one way rules and the card reader compile and run regular
//! expressions.
//!
//! Every pattern is compiled here, once per engine, with the same dialect:
//! case-insensitive, ASCII classes (`\b`, `\w`, `\s`, `\d` are ASCII), run over
//! the UTF-8 bytes of the text. That dialect keeps Unicode tables out of the
//! wasm build (see the README's size section) and is all the English phrases
//! of the rules need; anything that must understand non-ASCII text (names with
//! diacritics, say) is compared through [`crate::text::fold`] instead.
//!
//! A byte regex could in principle start or end a match inside a multi-byte
//! character; [`Pattern`] only ever hands out ranges moved onto character
//! boundaries, so slicing the text with them can never panic.

use std::ops::Range;

use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// A compiled pattern in the crate's dialect.
#[derive(Debug, Clone)]
pub struct Pattern(Regex);

fn builder(src: &str) -> RegexBuilder {
    let mut b = RegexBuilder::new(src);
    b.unicode(false).case_insensitive(true).multi_line(true);
    b
}

/// Moves `r` onto character boundaries of `text` (start back, end forward).
fn on_boundaries(text: &str, r: Range<usize>) -> Range<usize> {
    let mut start = r.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = r.end.min(text.len()).max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

impl Pattern {
    /// Compiles `src`. Built-in patterns are constants, so their callers may
    /// `expect` success; the unit tests compile every one of them.
    pub fn new(src: &str) -> Result<Pattern, regex::Error> {
        builder(src).build().map(Pattern)
    }

    /// Compiles `src` (written in lower case) for text that is already ASCII
    /// lower-cased with [`str::to_ascii_lowercase`], which keeps every
    /// offset. In this dialect case-insensitivity is ASCII-only anyway, so
    /// the matches are those of [`Pattern::new`] on the original text; but
    /// compiled case-sensitively, the regex engine can use its literal
    /// prefilters, which makes keyword-led patterns several times faster.
    /// The rules run every keystroke, so they use this.
    pub fn lowercase(src: &str) -> Result<Pattern, regex::Error> {
        let mut b = builder(src);
        b.case_insensitive(false);
        b.build().map(Pattern)
    }

    /// A pattern that matches any of `phrases` literally, case-insensitively,
    /// as whole words (rule packs' extra phrases and custom rules).
    pub fn phrases<S: AsRef<str>>(phrases: &[S]) -> Pattern {
        let is_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        let alternatives: Vec<String> = phrases
            .iter()
            .map(|p| p.as_ref().trim())
            .filter(|p| !p.is_empty())
            .map(|p| {
                let words: Vec<String> = p.split_whitespace().map(regex::escape).collect();
                // A word boundary only where the phrase itself starts or ends
                // with a word character: "#vip" or "refund!" still match.
                let open = if is_word(p.chars().next()) { r"\b" } else { "" };
                let close = if is_word(p.chars().next_back()) {
                    r"\b"
                } else {
                    ""
                };
                format!("{open}{}{close}", words.join(r"\s+"))
            })
            .collect();
        let src = if alternatives.is_empty() {
            // Matches nothing: an empty list of phrases never fires.
            r"[^\x00-\xFF]".to_string()
        } else {
            alternatives.join("|")
        };
        Pattern::new(&src).expect("escaped phrases always compile")
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text.as_bytes())
    }

    /// The first match, as a byte range on character boundaries.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.0
            .find(text.as_bytes())
            .map(|m| on_boundaries(text, m.range()))
    }

    /// The first match at or after byte `from`.
    pub fn find_at(&self, text: &str, from: usize) -> Option<Range<usize>> {
        self.0
            .find_at(text.as_bytes(), from.min(text.len()))
            .map(|m| on_boundaries(text, m.range()))
    }

    /// Every non-overlapping match, as byte ranges on character boundaries.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        self.0
            .find_iter(text.as_bytes())
            .map(move |m| on_boundaries(text, m.range()))
    }

    /// The byte ranges of the first match's groups (index 0 is the whole
    /// match); `None` for a group that did not take part.
    pub fn captures(&self, text: &str) -> Option<Vec<Option<Range<usize>>>> {
        self.0.captures(text.as_bytes()).map(|c| {
            c.iter()
                .map(|g| g.map(|m| on_boundaries(text, m.range())))
                .collect()
        })
    }

    /// Every match's groups, as [`Pattern::captures`] gives them.
    pub fn captures_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = Vec<Option<Range<usize>>>> + 't {
        self.0.captures_iter(text.as_bytes()).map(move |c| {
            c.iter()
                .map(|g| g.map(|m| on_boundaries(text, m.range())))
                .collect()
        })
    }
}

/// Several patterns run in one pass over the text, to learn which of them
/// match before running any of them one by one.
#[derive(Debug, Clone)]
pub struct PatternSet(RegexSet);

impl PatternSet {
    /// Compiles `sources` in the crate's dialect.
    pub fn new<S: AsRef<str>>(sources: &[S]) -> Result<PatternSet, regex::Error> {
        RegexSetBuilder::new(sources.iter().map(AsRef::as_ref))
            .unicode(false)
            .case_insensitive(true)
            .multi_line(true)
            .build()
            .map(PatternSet)
    }

    /// Indexes of the patterns that match somewhere in `text`.
    pub fn matches(&self, text: &str) -> Vec<usize> {
        self.0.matches(text.as_bytes()).into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_ascii_words() {
        let p = Pattern::new(r"\bhow can i help\b").unwrap();
        assert_eq!(p.find("Hi, HOW can I help?"), Some(4..18));
        assert!(!p.is_match("somehow can i helpers"));
    }

    #[test]
    fn ranges_land_on_character_boundaries() {
        // `.` in the ASCII dialect is one byte: a match could cut "é" in two.
        let p = Pattern::new(r"x.").unwrap();
        let text = "xé";
        let r = p.find(text).unwrap();
        assert_eq!(&text[r], "xé");
    }

    #[test]
    fn phrases_match_whole_words_case_insensitively() {
        let p = Pattern::phrases(&["guarantee a refund", "money back"]);
        assert_eq!(p.find("Can you GUARANTEE a  refund?"), Some(8..27));
        assert!(!p.is_match("guarantee a refundable"));
        assert!(!Pattern::phrases::<&str>(&[]).is_match("anything"));
    }

    #[test]
    fn lowercase_matches_like_new_on_lowered_text() {
        let text = "Hi, HOW can I help? Ça va";
        let lower = text.to_ascii_lowercase();
        let a = Pattern::new(r"\bhow can i help\b|va\b").unwrap();
        let b = Pattern::lowercase(r"\bhow can i help\b|va\b").unwrap();
        assert_eq!(
            a.find_iter(text).collect::<Vec<_>>(),
            b.find_iter(&lower).collect::<Vec<_>>()
        );
        assert!(
            !b.is_match("HOW CAN I HELP"),
            "case-sensitive on text that was not lowered"
        );
    }

    #[test]
    fn set_reports_which_match() {
        let s = PatternSet::new(&[r"\bsorry\b", r"\bthanks\b", r"\bbot\b"]).unwrap();
        assert_eq!(s.matches("Sorry, the bot"), vec![0, 2]);
    }
}
