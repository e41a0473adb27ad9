//! Text helpers shared by the context reader and the rules: folding for
//! comparison, and word-boundary search over folded text.
//!
//! Names and phrases are compared the way a person reads them: without case,
//! without diacritics ("Zoe" is "Zoë", also when the reply spells it in NFD),
//! and with straight and curly apostrophes as one ("O'Brien" is "O’Brien").
//! That folding lives here so the card reader, the rules and the audit agree.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds `text` for comparison: NFD, combining marks dropped, lower case,
/// typographic apostrophes and dashes made plain, runs of whitespace made one
/// space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Whether `needle` occurs in `haystack` as whole words, after folding both.
/// Word characters are letters, digits and apostrophes inside a word, so
/// "Ann" is not found in "Anna" and "Sarah" is found in "Sarah's".
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    let hay = fold(haystack);
    let needle = fold(needle);
    find_words(&hay, &needle).is_some()
}

/// Byte offset of the first whole-word occurrence of `needle` in `hay`; both
/// are expected to be folded already.
pub fn find_words(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        if !is_word(before) && !is_word(after) {
            return Some(at);
        }
        from = at + needle.chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_apostrophes() {
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("Zoe\u{0308}"), "zoe");
        assert_eq!(fold("Siobhán O’Brien"), "siobhan o'brien");
        assert_eq!(fold("  a \n b  "), "a b");
    }

    #[test]
    fn whole_words_only() {
        assert!(contains_words("Hi Zoe, I'm Karim", "Zoë"));
        assert!(!contains_words("Hi Anna", "Ann"));
        assert!(contains_words("Ms. O'Brien", "O’Brien"));
        assert!(contains_words("Sarah's order", "Sarah"));
    }
}
