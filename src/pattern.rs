//! Patterns: the one way rules and the card reader compile and run regular
//! expressions.
//!
//! Every pattern is compiled here, once per engine, with the same dialect:
//! case-insensitive, ASCII classes (`\b`, `\w`, `\s`, `\d` are ASCII), ASCII
//! case folding, multi-line anchors, and `.`, negated classes and `\W \S \D`
//! match one whole character. That dialect keeps Unicode tables out of the
//! wasm build (see the README's size section) and is all the English phrases
//! of the rules need; anything that must understand non-ASCII text (names
//! with diacritics, say) is compared through [`crate::text::fold`] instead.
//!
//! # Two engines, one dialect
//!
//! The dialect is run by one of two regex crates, chosen when the crate is
//! built (the `fast-regex` feature, which the CLI turns on):
//!
//! - [`regex`](https://docs.rs/regex) for native builds: its literal
//!   prefilters and lazy DFA are what the CLI's throughput rests on.
//! - [`regex_lite`](https://docs.rs/regex-lite) for the wasm build: about a
//!   tenth of the code (a parser and a Pike VM), which is what keeps the wasm
//!   under its size budget.
//!
//! `regex_lite` speaks this dialect as it is. `regex` runs it over the UTF-8
//! bytes of the text with Unicode off, where `.` would match one *byte*; so
//! [`full`] rewrites `.`, negated classes and `\W \S \D` to match one
//! character, which makes counted repetitions (`[^.!?]{0,60}`) count the same
//! characters in both. The unit tests compile every built-in pattern with
//! both engines and compare every match over the corpus and hostile text.
//!
//! Ranges are byte offsets on character boundaries, so slicing the text with
//! them can never panic.

use std::fmt;
use std::ops::Range;

#[cfg(feature = "fast-regex")]
use full as engine;
#[cfg(not(feature = "fast-regex"))]
use lite as engine;

/// Why a pattern does not compile (the regex engine's own message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// A compiled pattern in the crate's dialect.
#[derive(Debug, Clone)]
pub struct Pattern(engine::Regex);

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

/// The first character boundary of `text` at or after `at`.
fn next_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

impl Pattern {
    /// Compiles `src`. Built-in patterns are constants, so their callers may
    /// `expect` success; the unit tests compile every one of them.
    pub fn new(src: &str) -> Result<Pattern, Error> {
        #[cfg(test)]
        record(src, true);
        engine::Regex::new(src, true).map(Pattern)
    }

    /// Compiles `src` (written in lower case) for text that is already ASCII
    /// lower-cased with [`str::to_ascii_lowercase`], which keeps every
    /// offset. In this dialect case-insensitivity is ASCII-only anyway, so
    /// the matches are those of [`Pattern::new`] on the original text; but
    /// compiled case-sensitively, `regex` can use its literal prefilters,
    /// which makes keyword-led patterns several times faster, and
    /// `regex_lite` has fewer alternatives to follow per character. The
    /// rules run every keystroke, so they use this.
    pub fn lowercase(src: &str) -> Result<Pattern, Error> {
        #[cfg(test)]
        record(src, false);
        engine::Regex::new(src, false).map(Pattern)
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
                let words: Vec<String> = p.split_whitespace().map(engine::escape).collect();
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
            // Matches nothing: an empty list of phrases never fires. (No
            // position is both a word boundary and not one.)
            r"\b\B".to_string()
        } else {
            alternatives.join("|")
        };
        Pattern::new(&src).expect("escaped phrases always compile")
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    /// The first match, as a byte range on character boundaries.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.find_at(text, 0)
    }

    /// The first match at or after byte `from` (moved forward onto a
    /// character boundary); what comes before `from` still counts for `\b`.
    pub fn find_at(&self, text: &str, from: usize) -> Option<Range<usize>> {
        self.0
            .find_at(text, next_boundary(text, from))
            .map(|r| on_boundaries(text, r))
    }

    /// Every non-overlapping match, as byte ranges on character boundaries.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        self.0.find_iter(text).map(move |r| on_boundaries(text, r))
    }

    /// [`Pattern::is_match`] on the text `index` was made of: the same
    /// answer, found without reading the text byte by byte where the
    /// engine would (see [`Index`]).
    pub fn is_match_indexed(&self, text: &str, index: &Index) -> bool {
        self.0.is_match_indexed(text, &index.0)
    }

    /// [`Pattern::find_iter`] on the text `index` was made of: the same
    /// matches (see [`Index`]).
    pub fn find_iter_indexed<'t>(
        &'t self,
        text: &'t str,
        index: &Index,
    ) -> impl Iterator<Item = Range<usize>> + 't {
        self.0
            .find_iter_indexed(text, &index.0)
            .map(move |r| on_boundaries(text, r))
    }

    /// The byte ranges of the first match's groups (index 0 is the whole
    /// match); `None` for a group that did not take part.
    pub fn captures(&self, text: &str) -> Option<Vec<Option<Range<usize>>>> {
        self.captures_iter(text).next()
    }

    /// Every match's groups, as [`Pattern::captures`] gives them.
    pub fn captures_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = Vec<Option<Range<usize>>>> + 't {
        self.0.captures_iter(text).map(move |groups| {
            groups
                .into_iter()
                .map(|g| g.map(|r| on_boundaries(text, r)))
                .collect()
        })
    }
}

/// Where each byte of a text is, made once for a text that many patterns
/// search whole ([`Pattern::find_iter_indexed`]).
///
/// With `regex_lite` (the wasm build), a pattern whose matches can only
/// start with certain bytes otherwise reads the whole text, byte by byte,
/// to find the places to try; a reply is searched by a hundred patterns per
/// check, and those reads were a third of its time. With the index, a
/// pattern whose every branch opens with `\b` (most of them) visits only
/// the word boundaries that hold one of its first bytes; the few others
/// still read the text. The places, and so the matches, are the same.
/// `regex` finds its places with its own prefilters: there the index is
/// empty and costs nothing.
///
/// An index knows its text by address and length only: searched with
/// another string (one elsewhere, or shorter), it is not used and the
/// search reads the text instead. It cannot tell its own text from a new
/// one of the same length put where the old one was freed, so it must live
/// no longer than its text: [`crate::rules`] keeps each reply's beside the
/// reply's lower-cased text, in the same struct.
#[derive(Debug, Clone)]
pub struct Index(engine::Index);

impl Index {
    /// The index of `text`.
    pub fn new(text: &str) -> Index {
        Index(engine::Index::new(text))
    }
}

/// Several patterns, to learn which of them match before running any of
/// them one by one.
#[derive(Debug, Clone)]
pub struct PatternSet(engine::Set);

impl PatternSet {
    /// Whether [`PatternSet::matches`] is one pass over the text, cheaper
    /// than trying the patterns one by one. With `regex-lite` (the wasm
    /// build) it is not: a set there is its patterns tried in turn, so a
    /// caller that only uses a set to skip searches should not build one.
    pub const ONE_PASS: bool = cfg!(feature = "fast-regex");

    /// Compiles `sources` in the crate's dialect.
    pub fn new<S: AsRef<str>>(sources: &[S]) -> Result<PatternSet, Error> {
        #[cfg(test)]
        sources.iter().for_each(|s| record(s.as_ref(), true));
        engine::Set::new(sources, true).map(PatternSet)
    }

    /// Compiles `sources` (written in lower case) for ASCII lower-cased
    /// text, as [`Pattern::lowercase`] does one pattern: the same matches
    /// as [`PatternSet::new`] on such text, and a smaller automaton, which
    /// is what a set that runs over every reply spends its time in.
    pub fn lowercase<S: AsRef<str>>(sources: &[S]) -> Result<PatternSet, Error> {
        #[cfg(test)]
        sources.iter().for_each(|s| record(s.as_ref(), false));
        engine::Set::new(sources, false).map(PatternSet)
    }

    /// Indexes of the patterns that match somewhere in `text`.
    pub fn matches(&self, text: &str) -> Vec<usize> {
        self.0.matches(text)
    }
}

/// The native engine: `regex` over the text's bytes, Unicode off, with the
/// one-character rewrite of [`per_char`].
#[cfg(feature = "fast-regex")]
mod full {
    use std::ops::Range;

    use regex::bytes::{Regex as Bytes, RegexBuilder, RegexSet, RegexSetBuilder};

    use super::Error;

    pub(super) use regex::escape;

    /// One character that is not ASCII, whole (its UTF-8 bytes). Case
    /// folding stays off inside: Unicode folding of ASCII would otherwise
    /// take the Kelvin sign and the long s out of it.
    const NON_ASCII: &str = r"(?u-i:[^\x00-\x7F])";

    /// `src` with `.`, negated classes `[^…]` and `\W \S \D` matching one
    /// whole character instead of one byte: the ASCII part stays a byte
    /// class, any non-ASCII character is taken whole. Only the native engine
    /// needs it (`regex_lite` reads the text by character already).
    pub(super) fn per_char(src: &str) -> String {
        let b = src.as_bytes();
        let mut out = String::with_capacity(src.len() + 64);
        // `src[last..i]` is copied as it is; `i` and `last` only ever stop
        // on ASCII bytes, so the slices are on character boundaries.
        let mut last = 0;
        let mut i = 0;
        while i < b.len() {
            let (end, ascii_class) = match b[i] {
                b'\\' => match b.get(i + 1) {
                    Some(c @ (b'W' | b'S' | b'D')) => {
                        (i + 2, format!("[^\\{}", char::from(c.to_ascii_lowercase())))
                    }
                    _ => {
                        i += 2;
                        continue;
                    }
                },
                b'.' => (i + 1, r"[^\n".to_string()),
                b'[' => {
                    let end = class_end(b, i);
                    if b.get(i + 1) != Some(&b'^') || b.get(end - 1) != Some(&b']') {
                        i = end;
                        continue;
                    }
                    (end, src[i..end - 1].to_string())
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.push_str(&src[last..i]);
            out.push_str("(?:");
            out.push_str(&ascii_class);
            out.push_str(r"\x80-\xFF]|");
            out.push_str(NON_ASCII);
            out.push(')');
            last = end;
            i = end;
        }
        out.push_str(&src[last..]);
        out
    }

    /// The index just past the class that opens at `b[open]` (`[`), nested
    /// classes and escapes included; the end of `b` if it never closes.
    fn class_end(b: &[u8], open: usize) -> usize {
        let mut i = open + 1;
        if b.get(i) == Some(&b'^') {
            i += 1;
        }
        // A `]` first in a class is a literal.
        if b.get(i) == Some(&b']') {
            i += 1;
        }
        while let Some(&c) = b.get(i) {
            match c {
                b'\\' => i += 2,
                b'[' => i = class_end(b, i),
                b']' => return i + 1,
                _ => i += 1,
            }
        }
        b.len()
    }

    fn error(e: regex::Error) -> Error {
        Error(e.to_string())
    }

    /// `regex` needs no index: it has prefilters of its own.
    #[derive(Debug, Clone)]
    pub(super) struct Index;

    impl Index {
        pub(super) fn new(_text: &str) -> Index {
            Index
        }
    }

    /// A compiled pattern.
    #[derive(Debug, Clone)]
    pub(super) struct Regex(Bytes);

    impl Regex {
        pub(super) fn new(src: &str, case_insensitive: bool) -> Result<Regex, Error> {
            RegexBuilder::new(&per_char(src))
                .unicode(false)
                .case_insensitive(case_insensitive)
                .multi_line(true)
                .build()
                .map(Regex)
                .map_err(error)
        }

        pub(super) fn is_match(&self, text: &str) -> bool {
            self.0.is_match(text.as_bytes())
        }

        pub(super) fn find_at(&self, text: &str, from: usize) -> Option<Range<usize>> {
            self.0.find_at(text.as_bytes(), from).map(|m| m.range())
        }

        pub(super) fn find_iter<'t>(
            &'t self,
            text: &'t str,
        ) -> impl Iterator<Item = Range<usize>> + 't {
            self.0.find_iter(text.as_bytes()).map(|m| m.range())
        }

        pub(super) fn is_match_indexed(&self, text: &str, _: &Index) -> bool {
            self.is_match(text)
        }

        pub(super) fn find_iter_indexed<'t>(
            &'t self,
            text: &'t str,
            _: &Index,
        ) -> impl Iterator<Item = Range<usize>> + 't {
            self.find_iter(text)
        }

        pub(super) fn captures_iter<'t>(
            &'t self,
            text: &'t str,
        ) -> impl Iterator<Item = Vec<Option<Range<usize>>>> + 't {
            self.0
                .captures_iter(text.as_bytes())
                .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect())
        }
    }

    /// Patterns run together in one pass.
    #[derive(Debug, Clone)]
    pub(super) struct Set(RegexSet);

    impl Set {
        pub(super) fn new<S: AsRef<str>>(
            sources: &[S],
            case_insensitive: bool,
        ) -> Result<Set, Error> {
            RegexSetBuilder::new(sources.iter().map(|s| per_char(s.as_ref())))
                .unicode(false)
                .case_insensitive(case_insensitive)
                .multi_line(true)
                .build()
                .map(Set)
                .map_err(error)
        }

        pub(super) fn matches(&self, text: &str) -> Vec<usize> {
            self.0.matches(text.as_bytes()).into_iter().collect()
        }
    }
}

#[cfg(any(test, not(feature = "fast-regex")))]
mod starts;

/// The small engine of the wasm build: `regex_lite`, which reads the text by
/// character and knows only ASCII classes and ASCII case folding, which is
/// this dialect as it is, once [`utf8_escapes`] has turned byte escapes into
/// the characters they spell. Compiled in native tests too, to compare it
/// with [`full`] (which is all they use of it).
#[cfg(any(test, not(feature = "fast-regex")))]
#[cfg_attr(feature = "fast-regex", allow(dead_code, unused_imports))]
mod lite {
    use std::borrow::Cow;
    use std::ops::Range;
    use std::sync::OnceLock;

    use regex_lite::RegexBuilder;

    pub(super) use super::starts::Index;
    use super::starts::Starts;
    use super::Error;

    pub(super) use regex_lite::escape;

    /// A compiled pattern: `regex_lite`'s own search, or where [`Starts`]
    /// can tell where matches begin, anchored forms that try one place at a
    /// time.
    #[derive(Debug, Clone)]
    pub(super) enum Regex {
        Plain(regex_lite::Regex),
        Anchored(Box<Anchored>),
    }

    /// The pattern anchored one character in (`\A(?s:.)`), so that a try at
    /// byte `p` runs on the text from the character before `p`, and `\b` and
    /// `^` still see that character; and anchored at the start of the text,
    /// for a try at byte 0, compiled the first time one is needed (most texts
    /// do not start where a given pattern can, and compiling every pattern
    /// twice more would double the time it takes to build an engine).
    #[derive(Debug, Clone)]
    pub(super) struct Anchored {
        starts: Starts,
        src: String,
        case_insensitive: bool,
        after_one: regex_lite::Regex,
        at_start: OnceLock<Option<regex_lite::Regex>>,
    }

    /// `src` with each run of `\xHH` escapes that spells a UTF-8 character
    /// (`\xE2\x80\x99`, the UTF-8 of `’`) written as that character. Over
    /// bytes, as `regex` runs the dialect, such a run matches the character;
    /// `regex_lite` would read each escape as a character of its own
    /// (U+00E2, ...). Escapes that spell no character are left as they are.
    pub(super) fn utf8_escapes(src: &str) -> Cow<'_, str> {
        if !src.contains("\\x") {
            return Cow::Borrowed(src);
        }
        let b = src.as_bytes();
        let high_byte = |i: usize| -> Option<u8> {
            let hex = src.get(i + 2..i + 4)?;
            let v = u8::from_str_radix(hex, 16).ok()?;
            (b.get(i..i + 2) == Some(b"\\x") && v >= 0x80).then_some(v)
        };
        let mut out = String::with_capacity(src.len());
        // `last` and `i` stop only on ASCII bytes (`\\`), so on boundaries.
        let (mut last, mut i) = (0, 0);
        while i < b.len() {
            if b[i] != b'\\' {
                i += 1;
                continue;
            }
            let (mut bytes, mut end) = (Vec::new(), i);
            while let Some(v) = high_byte(end) {
                bytes.push(v);
                end += 4;
            }
            match std::str::from_utf8(&bytes) {
                Ok(chars) if !chars.is_empty() => {
                    out.push_str(&src[last..i]);
                    out.push_str(chars);
                    last = end;
                    i = end;
                }
                // Any other escape, `\\` itself included, is two bytes.
                _ => i += 2,
            }
        }
        out.push_str(&src[last..]);
        Cow::Owned(out)
    }

    fn build(src: &str, case_insensitive: bool) -> Result<regex_lite::Regex, Error> {
        RegexBuilder::new(src)
            .case_insensitive(case_insensitive)
            .multi_line(true)
            .build()
            .map_err(|e| Error(e.to_string()))
    }

    impl Anchored {
        fn at_start(&self) -> Option<&regex_lite::Regex> {
            // It compiles: `after_one`, the same pattern behind one more
            // atom, did.
            self.at_start
                .get_or_init(|| build(&format!(r"\A(?:{})", self.src), self.case_insensitive).ok())
                .as_ref()
        }

        /// The match of the first place at or after `from` where one
        /// starts, as the unanchored search would find it: leftmost first,
        /// and every place a match can start is tried.
        fn find_at(&self, text: &str, from: usize) -> Option<Range<usize>> {
            self.first(text, self.places(text, from), Self::find)
        }

        /// [`Anchored::find_at`] where `places` are, in order, every place
        /// in `text` a match may start ([`Starts::all`]).
        fn find_among(&self, text: &str, places: &[usize], from: usize) -> Option<Range<usize>> {
            let places = &places[places.partition_point(|&p| p < from)..];
            self.first(text, places.iter().copied(), Self::find)
        }

        fn find(re: &regex_lite::Regex, tail: &str, p: usize, q: usize) -> Option<Range<usize>> {
            re.find(tail).map(|m| p..q + m.end())
        }

        fn captures_at(&self, text: &str, from: usize) -> Option<Vec<Option<Range<usize>>>> {
            self.first(text, self.places(text, from), |re, tail, p, q| {
                re.captures(tail).map(|c| {
                    c.iter()
                        .enumerate()
                        .map(|(i, g)| {
                            // The whole match starts at `p`, after the
                            // character read for context.
                            g.map(|m| (if i == 0 { p } else { q + m.start() })..q + m.end())
                        })
                        .collect()
                })
            })
        }

        /// The places at or after `from` where a match may start, read off
        /// the text byte by byte.
        fn places<'t>(&'t self, text: &'t str, from: usize) -> impl Iterator<Item = usize> + 't {
            let mut at = from;
            std::iter::from_fn(move || {
                let p = self.starts.next(text.as_bytes(), at)?;
                at = p + 1;
                Some(p)
            })
        }

        /// Tries `attempt(regex, text[q..], p, q)` at each place `p` of
        /// `places`, in turn, `q` being where the anchored regex starts
        /// reading.
        fn first<T>(
            &self,
            text: &str,
            places: impl Iterator<Item = usize>,
            attempt: impl Fn(&regex_lite::Regex, &str, usize, usize) -> Option<T>,
        ) -> Option<T> {
            for p in places {
                if !text.is_char_boundary(p) {
                    continue;
                }
                let (re, q) = match text[..p].char_indices().next_back() {
                    None => match self.at_start() {
                        Some(re) => (re, 0),
                        None => continue,
                    },
                    Some((q, _)) => (&self.after_one, q),
                };
                if let Some(found) = attempt(re, &text[q..], p, q) {
                    return Some(found);
                }
            }
            None
        }
    }

    impl Regex {
        pub(super) fn new(src: &str, case_insensitive: bool) -> Result<Regex, Error> {
            let src = utf8_escapes(src);
            Ok(match Starts::of(&src, case_insensitive) {
                Some(starts) => Regex::Anchored(Box::new(Anchored {
                    starts,
                    after_one: build(&format!(r"\A(?s:.)(?:{src})"), case_insensitive)?,
                    src: src.into_owned(),
                    case_insensitive,
                    at_start: OnceLock::new(),
                })),
                None => Regex::Plain(build(&src, case_insensitive)?),
            })
        }

        pub(super) fn is_match(&self, text: &str) -> bool {
            match self {
                Regex::Anchored(a) => a.find_at(text, 0).is_some(),
                Regex::Plain(re) => re.is_match(text),
            }
        }

        pub(super) fn find_at(&self, text: &str, from: usize) -> Option<Range<usize>> {
            match self {
                Regex::Anchored(a) => a.find_at(text, from),
                Regex::Plain(re) => re.find_at(text, from).map(|m| m.range()),
            }
        }

        /// [`Regex::is_match`], the places to try taken from `index`.
        pub(super) fn is_match_indexed(&self, text: &str, index: &Index) -> bool {
            match (self, index.of(text)) {
                (Regex::Anchored(a), Some(index)) => a
                    .find_among(text, &a.starts.all(text.as_bytes(), index), 0)
                    .is_some(),
                _ => self.is_match(text),
            }
        }

        /// [`Regex::find_iter`], the places to try taken from `index`.
        pub(super) fn find_iter_indexed<'t>(
            &'t self,
            text: &'t str,
            index: &Index,
        ) -> Box<dyn Iterator<Item = Range<usize>> + 't> {
            match (self, index.of(text)) {
                (Regex::Anchored(a), Some(index)) => {
                    let places = a.starts.all(text.as_bytes(), index);
                    let mut from = 0;
                    Box::new(std::iter::from_fn(move || {
                        let r = a.find_among(text, &places, from)?;
                        from = r.end;
                        Some(r)
                    }))
                }
                _ => self.find_iter(text),
            }
        }

        // Anchored matches are never empty (a table needs a first byte), so
        // the next search starts where the last match ended.
        pub(super) fn find_iter<'t>(
            &'t self,
            text: &'t str,
        ) -> Box<dyn Iterator<Item = Range<usize>> + 't> {
            match self {
                Regex::Anchored(a) => {
                    let mut from = 0;
                    Box::new(std::iter::from_fn(move || {
                        let r = a.find_at(text, from)?;
                        from = r.end;
                        Some(r)
                    }))
                }
                Regex::Plain(re) => Box::new(re.find_iter(text).map(|m| m.range())),
            }
        }

        pub(super) fn captures_iter<'t>(
            &'t self,
            text: &'t str,
        ) -> Box<dyn Iterator<Item = Vec<Option<Range<usize>>>> + 't> {
            match self {
                Regex::Anchored(a) => {
                    let mut from = 0;
                    Box::new(std::iter::from_fn(move || {
                        let groups = a.captures_at(text, from)?;
                        from = groups.first().cloned().flatten()?.end;
                        Some(groups)
                    }))
                }
                Regex::Plain(re) => Box::new(
                    re.captures_iter(text)
                        .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect()),
                ),
            }
        }
    }

    /// `regex_lite` has no set: each pattern is asked in turn. The only set
    /// holds two patterns run once per card, so one pass would not pay.
    #[derive(Debug, Clone)]
    pub(super) struct Set(Vec<Regex>);

    impl Set {
        pub(super) fn new<S: AsRef<str>>(
            sources: &[S],
            case_insensitive: bool,
        ) -> Result<Set, Error> {
            sources
                .iter()
                .map(|s| Regex::new(s.as_ref(), case_insensitive))
                .collect::<Result<_, _>>()
                .map(Set)
        }

        pub(super) fn matches(&self, text: &str) -> Vec<usize> {
            (0..self.0.len())
                .filter(|&i| self.0[i].is_match(text))
                .collect()
        }
    }
}

// The patterns compiled on this thread, kept in tests only: the engine
// comparison below builds an `Engine` and so learns every built-in pattern
// without a list of them to keep up to date.
#[cfg(test)]
thread_local! {
    static COMPILED: std::cell::RefCell<Vec<(String, bool)>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
fn record(src: &str, case_insensitive: bool) {
    COMPILED.with(|c| c.borrow_mut().push((src.to_string(), case_insensitive)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_ascii_words() {
        let p = Pattern::new(r"\bhow can i help\b").unwrap();
        assert_eq!(p.find("Hi, HOW can I help?"), Some(4..18));
        assert!(!p.is_match("somehow can i helpers"));
        // ASCII folding only: the Kelvin sign is not a K.
        assert!(!Pattern::new("k").unwrap().is_match("\u{212A}"));
    }

    #[test]
    fn ascii_classes() {
        let p = Pattern::new(r"\w+").unwrap();
        assert_eq!(p.find_iter("né_1").collect::<Vec<_>>(), vec![0..1, 3..5]);
        assert!(!Pattern::new(r"\s").unwrap().is_match("a\u{A0}b"));
        assert!(!Pattern::new(r"\d").unwrap().is_match("٣"));
    }

    #[test]
    fn dot_and_negated_classes_take_one_character() {
        // "é" is two bytes and "😀" four: they still count as one each.
        assert_eq!(Pattern::new(r"x.").unwrap().find("xé"), Some(0..3));
        assert_eq!(Pattern::new(r"x.{2}y").unwrap().find("xé😀y"), Some(0..8));
        assert_eq!(
            Pattern::new(r"a[^.!?]{0,3}b").unwrap().find("aééb aéééb"),
            Some(0..6)
        );
        assert!(!Pattern::new(r"a[^.!?]{0,3}b").unwrap().is_match("aééééb"));
        assert_eq!(Pattern::new(r"\S{2}").unwrap().find("ü😀"), Some(0..6));
        assert_eq!(Pattern::new(r"\W").unwrap().find("aé"), Some(1..3));
    }

    #[test]
    fn byte_escapes_spell_utf8_characters() {
        let p = Pattern::new(r"i(?:'|\xE2\x80\x99)ve\b").unwrap();
        assert_eq!(p.find("So I’ve said"), Some(3..9));
        assert!(p.is_match("I've") && !p.is_match("Iâve"));
        assert_eq!(lite::utf8_escapes(r"a\xC3\xA9\\xC3"), r"aé\\xC3");
        assert_eq!(lite::utf8_escapes(r"\xC3\x41\x41"), r"\xC3\x41\x41");
        assert_eq!(lite::utf8_escapes(r"\xE2\x80"), r"\xE2\x80");
    }

    #[test]
    fn phrases_match_whole_words_case_insensitively() {
        let p = Pattern::phrases(&["guarantee a refund", "money back"]);
        assert_eq!(p.find("Can you GUARANTEE a  refund?"), Some(8..27));
        assert!(!p.is_match("guarantee a refundable"));
        assert!(!Pattern::phrases::<&str>(&[]).is_match("anything ÿ😀 \n"));
        assert!(Pattern::phrases(&["a.b (c)", "#vip"]).is_match("x A.B (C) y"));
        assert!(!Pattern::phrases(&["a.b"]).is_match("axb"));
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
    fn find_at_keeps_what_comes_before() {
        let p = Pattern::new(r"\bchew\b").unwrap();
        assert_eq!(p.find_at("eschew chew", 2), Some(7..11));
        // An offset inside "é" moves forward to the next character.
        assert_eq!(Pattern::new("b").unwrap().find_at("éb", 1), Some(2..3));
        assert_eq!(p.find_at("chew", 99), None);
    }

    #[test]
    fn captures_give_group_ranges() {
        let p = Pattern::new(r"(a)(x)?(b)").unwrap();
        assert_eq!(
            p.captures("zab"),
            Some(vec![Some(1..3), Some(1..2), None, Some(2..3)])
        );
        assert_eq!(p.captures_iter("ab ab").count(), 2);
        assert!(p.captures("zz").is_none());
    }

    #[test]
    fn indexed_searches_match_like_plain_ones() {
        let p = Pattern::lowercase(r"\b(?:order|ref)\s*#?\d+|’s\b").unwrap();
        let text = "order 12, ref#3 and reorder 4: bob’s order 5";
        let index = Index::new(text);
        let plain: Vec<_> = p.find_iter(text).collect();
        assert_eq!(plain.len(), 4);
        assert_eq!(p.find_iter_indexed(text, &index).collect::<Vec<_>>(), plain);
        assert!(p.is_match_indexed(text, &index));
        // Another text than the index's own is searched as it is.
        let other = text.replace("order", "ORDER").to_ascii_lowercase();
        assert_eq!(
            p.find_iter_indexed(&other, &index).collect::<Vec<_>>(),
            p.find_iter(&other).collect::<Vec<_>>()
        );
        assert!(!p.is_match_indexed("reorder", &index));
    }

    #[test]
    fn set_reports_which_match() {
        let s = PatternSet::new(&[r"\bsorry\b", r"\bthanks\b", r"\bbot\b"]).unwrap();
        assert_eq!(s.matches("Sorry, the bot"), vec![0, 2]);
    }

    #[test]
    fn bad_patterns_are_errors_not_panics() {
        for src in ["(", "[a", "a{2,1}", r"\p{L}", "(?z)"] {
            assert!(Pattern::new(src).is_err(), "{src}");
        }
        assert!(PatternSet::new(&["ok", "("]).is_err());
    }

    #[cfg(feature = "fast-regex")]
    #[test]
    fn per_char_rewrites_only_what_takes_one_byte() {
        use super::full::per_char;
        let one = |ascii: &str| format!(r"(?:{ascii}\x80-\xFF]|(?u-i:[^\x00-\x7F]))");
        assert_eq!(per_char(r"a\.b[.x]c"), r"a\.b[.x]c");
        assert_eq!(per_char("a.b"), format!("a{}b", one(r"[^\n")));
        assert_eq!(per_char(r"[^\]a]+"), format!("{}+", one(r"[^\]a")));
        assert_eq!(per_char(r"[^]a]"), one("[^]a"));
        assert_eq!(per_char(r"[^[:alpha:]x]"), one("[^[:alpha:]x"));
        assert_eq!(
            per_char(r"\S\W\D\s"),
            format!(r"{}{}{}\s", one(r"[^\s"), one(r"[^\w"), one(r"[^\d"))
        );
        // Unterminated: left for the regex parser to refuse.
        assert_eq!(per_char("[^a"), "[^a");
        assert_eq!(per_char("é.’"), format!("é{}’", one(r"[^\n")));
    }

    /// Every text of the labelled corpus (all string values of every line).
    #[cfg(feature = "fast-regex")]
    fn corpus_texts() -> Vec<String> {
        fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
                serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
                _ => {}
            }
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
        let mut out = Vec::new();
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|e| e.expect("corpus entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        files.sort();
        assert!(files.len() >= 3, "the corpus is in {dir}");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("corpus file");
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                // bad.jsonl holds lines that are meant not to parse: as text.
                match serde_json::from_str::<serde_json::Value>(line) {
                    Ok(v) => strings(&v, &mut out),
                    Err(_) => out.push(line.to_string()),
                }
            }
        }
        out
    }

    /// Texts made to catch the two engines out: non-ASCII letters, marks,
    /// emoji and spaces where patterns count characters, Unicode case
    /// pairs, line ends, and empty or degenerate text.
    #[cfg(feature = "fast-regex")]
    fn hostile_texts(corpus: &[String]) -> Vec<String> {
        let mut out: Vec<String> = [
            "",
            " ",
            "\n",
            "\r\n\r\n",
            "é",
            "e\u{301}",
            "😀",
            "\u{A0}\u{2003}\u{3000}",
            "\u{212A}elvin \u{17F}ure \u{130}stanbul \u{131} ǅ ß ẞ",
            "Could you confirm ééééééééééééééééééééééééééééééééééééééé your order number?",
            "Could you confirm 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 your order number?",
            "If anything ççççççççççççççççççççççççççççç çççççççç comes up, let me know.",
            "ＨＩ ｔｈｅｒｅ， ｏｒｄｅｒ ＃１２３４",
            "order #１２３ — ref: ÄB-12 / nº 5 — Zoë O’Brien (she/her)",
            "I\u{2019}m sorry\u{2026} thanks!!! ??? ... ,,, ;;",
            "As I’ve already told your bot, I’m sure I’ve just said it: you’ll, \
             we’ll, I’ll, won’t, can’t, don’t, didn’t, it’s, that’s, we’re, they’ve",
            "line one\rline two\u{2028}line three\u{85}four",
            "\u{200B}\u{200D}\u{FEFF}zero\u{200B}width",
            "مرحبا order 42 שלום",
            "a\u{0}b\u{7F}c\u{80}d\u{FFFF}e\u{10FFFF}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // The corpus again with typographic apostrophes, with non-ASCII
        // letters and stops, with emoji and marks between the words, and
        // with no-break spaces: the same phrases, where counted gaps now
        // differ in bytes and in characters.
        for text in corpus {
            out.push(text.replace('\'', "’"));
            out.push(
                text.chars()
                    .map(|c| match c {
                        'e' => 'é',
                        'O' => 'Ö',
                        '.' => '。',
                        c => c,
                    })
                    .collect(),
            );
            out.push(text.replace(' ', " 😀 ").replace('a', "a\u{308}"));
            out.push(text.replace(' ', "\u{A0}"));
        }
        out.push(corpus.concat());
        out
    }

    /// The heart of the two-engine design: every built-in pattern, compiled
    /// by both engines, finds the same matches with the same groups, at
    /// every start, on every corpus text and on hostile ones.
    #[cfg(feature = "fast-regex")]
    #[test]
    fn both_engines_agree_on_every_built_in_pattern() {
        COMPILED.with(|c| c.borrow_mut().clear());
        // Each part compiled here, on this thread: an engine would share
        // what another test's engine already compiled.
        let _parts = (
            crate::rules::BuiltIn::new(),
            crate::context::Reader::new(),
            crate::audit::Auditor::new(),
        );
        let patterns = COMPILED.with(|c| c.take());
        assert!(patterns.len() > 50, "only {} patterns seen", patterns.len());
        let corpus = corpus_texts();
        assert!(corpus.len() > 500, "only {} corpus texts", corpus.len());
        let mut texts = hostile_texts(&corpus);
        texts.extend(corpus);
        let lowered: Vec<String> = texts.iter().map(|t| t.to_ascii_lowercase()).collect();
        texts.extend(lowered);
        texts.sort();
        texts.dedup();

        let mut compared = 0usize;
        for (src, ci) in &patterns {
            let full = full::Regex::new(src, *ci).unwrap_or_else(|e| panic!("{src}: {e}"));
            let lite = lite::Regex::new(src, *ci).unwrap_or_else(|e| panic!("{src}: {e}"));
            for text in &texts {
                let a: Vec<_> = full
                    .captures_iter(text)
                    .map(|g| {
                        g.into_iter()
                            .map(|r| r.map(|r| on_boundaries(text, r)))
                            .collect::<Vec<_>>()
                    })
                    .collect();
                let b: Vec<_> = lite.captures_iter(text).collect();
                assert_eq!(a, b, "pattern {src:?} (ci {ci}) on {text:?}");
                assert_eq!(
                    full.is_match(text),
                    lite.is_match(text),
                    "{src:?} on {text:?}"
                );
                // With the text's index, the same matches.
                let index = lite::Index::new(text);
                assert_eq!(
                    lite.find_iter_indexed(text, &index).collect::<Vec<_>>(),
                    a.iter()
                        .map(|g| g[0].clone().expect("group 0"))
                        .collect::<Vec<_>>(),
                    "indexed {src:?} on {text:?}"
                );
                assert_eq!(
                    lite.is_match_indexed(text, &index),
                    !a.is_empty(),
                    "indexed {src:?} on {text:?}"
                );
                compared += a.len();
                // Starts after the first match's start and mid-text: what is
                // before still counts for `\b` and `^`.
                for from in [1, text.len() / 2] {
                    let from = next_boundary(text, from);
                    assert_eq!(
                        full.find_at(text, from).map(|r| on_boundaries(text, r)),
                        lite.find_at(text, from),
                        "{src:?} from {from} on {text:?}"
                    );
                }
            }
        }
        assert!(compared > 1000, "only {compared} matches compared");
    }
}
