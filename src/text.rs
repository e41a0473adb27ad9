//! Text helpers shared by the context reader and the rules: folding for
//! comparison, word-boundary search over folded text, capitals
//! ([`capital`], without core's upper-case table), and reading decimal
//! numbers ([`decimal`], in `number`).
//!
//! Names and phrases are compared the way a person reads them: without case,
//! without diacritics ("Zoe" is "Zoë", also when the reply spells it in NFD),
//! and with straight and curly apostrophes as one ("O'Brien" is "O’Brien").
//! That folding lives here so the card reader, the rules and the audit agree.
//!
//! Taking diacritics off needs two facts from Unicode: which characters are
//! combining marks, and what each precomposed character is made of (its
//! canonical decomposition, as NFD gives it). Both are in [`table`], a
//! compact table generated from the `unicode-normalization` crate by this
//! module's tests, which also check it against that crate for every
//! character. The crate itself stays out of the build: its tables are many
//! times larger than what folding needs, and the wasm has a size budget.
//!
//! For the same budget the table leaves out the CJK Compatibility
//! Ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F): half its entries, each an
//! arbitrary mapping to a unified ideograph, for characters kept only for
//! round trips with legacy encodings (input methods type the unified ones).
//! They fold to themselves, so "豈" (U+F900) and "豈" (U+8C48) differ.
//! Latin, Greek, Cyrillic, every other script's precomposed letters, and
//! punctuation fold as NFD makes them.

mod number;
mod table;

pub use number::decimal;
use table::{
    DECOMPOSED, DECOMPOSED_ASTRAL, DECOMPOSED_MARK, MARKS, SECOND, UPPER_OFFSETS, UPPER_PAIRS,
};

/// Folds `text` for comparison: canonical decomposition (NFD), combining
/// marks dropped, lower case, typographic apostrophes and dashes made plain,
/// the letters with a stroke NFD keeps whole (ø ł đ ð ı) made plain, runs of
/// whitespace made one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut push = |c: char| {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => '-',
            // Letters whose stroke is no combining mark, so that NFD keeps
            // them whole, though a name is written without it as often
            // ("Søren" / "Soren", "Łukasz" / "Lukasz").
            'ø' | 'Ø' => 'o',
            'ł' | 'Ł' => 'l',
            'đ' | 'Đ' | 'ð' | 'Ð' => 'd',
            'ı' => 'i',
            c => c,
        };
        if c.is_whitespace() {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            return;
        }
        space = false;
        if c.is_ascii() {
            // What `to_lowercase` gives ASCII, without its iterator.
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    };
    for c in text.chars() {
        // ASCII decomposes to itself and is no mark: only other characters
        // pay for the table (replies are mostly ASCII, and the audit folds
        // every one).
        if c.is_ascii() {
            push(c);
        } else {
            without_marks(c, &mut push);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Whether `c` is a combining mark (General_Category Mn, Mc or Me): the
/// accents NFD separates from their letters, and the vowel signs of many
/// scripts.
pub fn is_mark(c: char) -> bool {
    let c = u32::from(c);
    // Nothing below U+0300 is a mark: ASCII and Latin-1 never search.
    c >= 0x300
        && MARKS
            .binary_search_by(|&(first, last)| {
                if last < c {
                    std::cmp::Ordering::Less
                } else if first > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

/// The one character that `base` followed by the combining `mark` composes
/// into (as NFC would), if Unicode has one: `e` and U+0301 are `é`.
pub fn compose(base: char, mark: char) -> Option<char> {
    let mark = SECOND.iter().position(|&m| m == mark)? as u32 + 1;
    let base = u32::from(base);
    rows()
        .find(|&(_, first, m)| first == base && m == mark)
        .and_then(|(c, _, _)| char::from_u32(c))
}

/// `c`'s canonical decomposition, if it has one: a first part, and the
/// part NFC composes it with (a combining mark, or in a few scripts a second
/// letter), if any.
fn parts(c: char) -> Option<(char, Option<char>)> {
    let c = u32::from(c);
    if c < 0xC0 {
        return None;
    }
    let (first, mark) = row(c)?;
    let second = mark.checked_sub(1).and_then(|i| SECOND.get(i as usize));
    Some((char::from_u32(first)?, second.copied()))
}

/// `c`'s row of the decomposition table: its first part, and 1 + the index
/// in [`SECOND`] of the part NFC composes it with (0: none). The table is
/// split by size (see [`table`]): 16-bit characters, the rest.
fn row(c: u32) -> Option<(u32, u32)> {
    match u16::try_from(c) {
        Ok(c) => {
            let i = DECOMPOSED.binary_search_by_key(&c, |&(c, _)| c).ok()?;
            let (_, first) = DECOMPOSED.get(i)?;
            Some((u32::from(*first), u32::from(*DECOMPOSED_MARK.get(i)?)))
        }
        Err(_) => {
            let i = DECOMPOSED_ASTRAL
                .binary_search_by_key(&c, |&(c, _)| c)
                .ok()?;
            let (_, parts) = DECOMPOSED_ASTRAL.get(i)?;
            Some((parts & 0x1F_FFFF, parts >> 21))
        }
    }
}

/// Every row of the decomposition table: the character, its first part,
/// 1 + the index of its second (0: none).
fn rows() -> impl Iterator<Item = (u32, u32, u32)> {
    let small = DECOMPOSED
        .iter()
        .zip(DECOMPOSED_MARK)
        .map(|(&(c, first), &m)| (u32::from(c), u32::from(first), u32::from(m)));
    let astral = DECOMPOSED_ASTRAL
        .iter()
        .map(|&(c, parts)| (c, parts & 0x1F_FFFF, parts >> 21));
    small.chain(astral)
}

// Hangul syllables decompose by arithmetic, not by table (Unicode 3.12).
const HANGUL_FIRST: u32 = 0xAC00;
const HANGUL_COUNT: u32 = 11_172;
const JAMO_L: u32 = 0x1100;
const JAMO_V: u32 = 0x1161;
const JAMO_T: u32 = 0x11A7;

/// Hands `emit` what is left of `c` after NFD without its combining marks:
/// the base letter of a precomposed character (both letters of the few
/// that are made of two), the jamo of a Hangul syllable, nothing for a
/// mark, else `c` itself.
fn without_marks(c: char, emit: &mut impl FnMut(char)) {
    let s = u32::from(c).wrapping_sub(HANGUL_FIRST);
    if s < HANGUL_COUNT {
        let jamo = [
            Some(JAMO_L + s / (21 * 28)),
            Some(JAMO_V + s % (21 * 28) / 28),
            (s % 28 != 0).then(|| JAMO_T + s % 28),
        ];
        jamo.into_iter()
            .flatten()
            .filter_map(char::from_u32)
            .for_each(emit);
        return;
    }
    match parts(c) {
        Some((first, second)) => {
            without_marks(first, emit);
            if let Some(second) = second {
                without_marks(second, emit);
            }
        }
        None if is_mark(c) => {}
        None => emit(c),
    }
}

/// The capital of `c`, as `char::to_uppercase` makes it when that is one
/// character; `c` itself when it is more (ß, ŉ, ǰ, the Greek letters with
/// a subscript iota, the ligatures ﬀ to ﬗ: never the first letter of a
/// name).
///
/// Core's table of capitals is 12 KB of the wasm, so the capital is found
/// the other way round, through the lower-case table folding needs anyway:
/// it is the upper-case letter at one of the few distances a case pair
/// spans ([`table::UPPER_OFFSETS`], most common first) whose lower case is
/// `c`. The few letters whose capital lower-cases to another letter (final
/// sigma, dotless i, long s…) are listed whole ([`table::UPPER_PAIRS`]).
pub fn capital(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    if let Some(&(_, upper)) = UPPER_PAIRS.iter().find(|&&(lower, _)| lower == c) {
        return upper;
    }
    let lowers_to_c = |u: char| {
        let mut lower = u.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    };
    UPPER_OFFSETS
        .iter()
        .filter_map(|&d| char::from_u32(u32::from(c).checked_add_signed(d)?))
        .find(|&u| u.is_uppercase() && lowers_to_c(u))
        .unwrap_or(c)
}

/// `s` in lower case, character by character. Unlike `str::to_lowercase`
/// it knows no word-final sigma, which no label, name or message here
/// needs; and its 4 KB of special cases stay out of the wasm.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().flat_map(char::to_lowercase).collect()
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
        assert_eq!(fold("ǗNGSTRÖM \u{212B}"), "ungstrom a");
        assert_eq!(fold("한"), "\u{1112}\u{1161}\u{11AB}");
    }

    #[test]
    fn cjk_compatibility_ideographs_fold_to_themselves() {
        // Left out of the table (see the module docs): NFD would make
        // U+F900 U+8C48, and U+2F800 U+4E3D.
        assert_eq!(fold("\u{F900}"), "\u{F900}");
        assert_eq!(fold("\u{2F800}\u{301}"), "\u{2F800}");
        assert_eq!(fold("\u{8C48}"), "\u{8C48}");
    }

    #[test]
    fn marks_and_composition() {
        assert!(is_mark('\u{301}') && is_mark('\u{93F}') && !is_mark('e') && !is_mark('é'));
        assert_eq!(compose('e', '\u{301}'), Some('é'));
        assert_eq!(compose('C', '\u{327}'), Some('Ç'));
        assert_eq!(compose('q', '\u{301}'), None);
    }

    #[test]
    fn whole_words_only() {
        assert!(contains_words("Hi Zoe, I'm Karim", "Zoë"));
        assert!(!contains_words("Hi Anna", "Ann"));
        assert!(contains_words("Ms. O'Brien", "O’Brien"));
        assert!(contains_words("Sarah's order", "Sarah"));
    }
}

/// The table and the folding checked against `unicode-normalization` for
/// every character, and the generator of [`table`].
#[cfg(all(test, not(target_arch = "wasm32")))]
mod generated {
    use super::*;
    use unicode_normalization::char::{
        compose as nfc_pair, decompose_canonical, is_combining_mark,
    };
    use unicode_normalization::UnicodeNormalization;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    /// Inclusive ranges of the characters for which `f` holds.
    fn ranges(f: impl Fn(char) -> bool) -> Vec<(u32, u32)> {
        let mut out: Vec<(u32, u32)> = Vec::new();
        for c in every_char().filter(|&c| f(c)) {
            let c = u32::from(c);
            match out.last_mut() {
                Some((_, last)) if *last + 1 == c => *last = c,
                _ => out.push((c, c)),
            }
        }
        out
    }

    /// The source of `text/table.rs`.
    fn generate() -> String {
        let marks = ranges(is_combining_mark);
        // Every character NFD changes (Hangul aside), with the first part of
        // its decomposition and, when it is a primary composite (NFC makes
        // it again from two parts), the mark that follows.
        let mut second: Vec<char> = Vec::new();
        let mut decomposed: Vec<(u32, u32)> = Vec::new();
        for c in every_char() {
            if (0xAC00..0xAC00 + 11_172).contains(&u32::from(c))
                || is_combining_mark(c)
                || cjk_compatibility(c)
            {
                continue;
            }
            let mut nfd = Vec::new();
            decompose_canonical(c, |d| nfd.push(d));
            if nfd == [c] {
                continue;
            }
            let (rest, last) = nfd.split_at(nfd.len() - 1);
            let first: Vec<char> = rest.iter().copied().nfc().collect();
            let parts = match (first.as_slice(), last[0]) {
                ([first], mark) if nfc_pair(*first, mark) == Some(c) => {
                    let i = second.iter().position(|&m| m == mark).unwrap_or_else(|| {
                        second.push(mark);
                        second.len() - 1
                    });
                    u32::from(*first) | (i as u32 + 1) << 21
                }
                _ => {
                    // Not made again by NFC (a singleton or an exclusion):
                    // only its base letter is kept, with no mark to compose.
                    let bases: Vec<char> =
                        nfd.into_iter().filter(|&d| !is_combining_mark(d)).collect();
                    assert_eq!(bases.len(), 1, "{c:?} has one base");
                    u32::from(bases[0])
                }
            };
            decomposed.push((u32::from(c), parts));
        }
        assert!(second.len() < 2048, "mark indexes fit in 11 bits");

        // Capitals (see `capital`): the distance from each lower-case letter
        // to its one-letter capital when that lower-cases back to it, most
        // common first; the other one-letter capitals whole.
        let mut offsets: Vec<(i64, usize)> = Vec::new();
        let mut pairs: Vec<(char, char)> = Vec::new();
        for c in every_char().filter(|c| !c.is_ascii()) {
            let upper: Vec<char> = c.to_uppercase().collect();
            let &[u] = upper.as_slice() else { continue };
            if u == c {
                continue;
            }
            if u.to_lowercase().eq([c]) {
                let d = i64::from(u32::from(u)) - i64::from(u32::from(c));
                match offsets.iter_mut().find(|(o, _)| *o == d) {
                    Some((_, n)) => *n += 1,
                    None => offsets.push((d, 1)),
                }
            } else {
                pairs.push((c, u));
            }
        }
        offsets.sort_by_key(|&(d, n)| (std::cmp::Reverse(n), d));

        let mut out = String::new();
        let (major, minor, patch) = unicode_normalization::UNICODE_VERSION;
        out.push_str(&format!(
            "//! Generated from unicode-normalization (Unicode {major}.{minor}.{patch}) and\n\
             //! the case mappings of Rust's `char` by\n\
             //! `text::generated::table_is_up_to_date`: do not edit. To write it again:\n\
             //! `REGENERATE_TEXT_TABLE=1 cargo test --lib text::generated`.\n\n"
        ));
        let list = |out: &mut String, doc: &str, decl: &str, items: Vec<String>| {
            out.push_str(&format!(
                "{doc}\n#[rustfmt::skip]\npub(super) const {decl} = &[\n"
            ));
            for line in items.chunks(8) {
                out.push_str(&format!("    {},\n", line.join(", ")));
            }
            out.push_str("];\n");
        };
        list(
            &mut out,
            "/// Combining marks (General_Category Mn, Mc, Me): sorted inclusive ranges.",
            "MARKS: &[(u32, u32)]",
            marks
                .iter()
                .map(|(a, b)| format!("(0x{a:X}, 0x{b:X})"))
                .collect(),
        );
        out.push('\n');
        // Split by size: most characters and their first parts fit in 16
        // bits, and the mark index in 8 (5 bytes a row instead of 8).
        type Rows = Vec<(u32, u32)>;
        let (small, astral): (Rows, Rows) = decomposed.iter().partition(|&&(c, _)| c <= 0xFFFF);
        for &(c, parts) in &small {
            assert!(
                parts & 0x1F_FFFF <= 0xFFFF,
                "{c:X}'s first part fits in 16 bits"
            );
            assert!(parts >> 21 <= 0xFF, "mark indexes fit in 8 bits");
        }
        list(
            &mut out,
            "/// Characters below U+10000 NFD changes (Hangul syllables aside), sorted,\n\
             /// with the first part of the decomposition.",
            "DECOMPOSED: &[(u16, u16)]",
            small
                .iter()
                .map(|(a, b)| format!("(0x{a:X}, 0x{:X})", b & 0x1F_FFFF))
                .collect(),
        );
        out.push('\n');
        list(
            &mut out,
            "/// For each row of [`DECOMPOSED`]: 1 + the index in [`SECOND`] of the mark NFC\n\
             /// composes it with (0: NFC never makes it).",
            "DECOMPOSED_MARK: &[u8]",
            small.iter().map(|(_, b)| (b >> 21).to_string()).collect(),
        );
        out.push('\n');
        list(
            &mut out,
            "/// Characters from U+10000 NFD changes, sorted: the low 21 bits are the first\n\
             /// part of the decomposition, the bits above 1 + the index in [`SECOND`] of the\n\
             /// mark NFC composes it with (0: NFC never makes it).",
            "DECOMPOSED_ASTRAL: &[(u32, u32)]",
            astral
                .iter()
                .map(|(a, b)| format!("(0x{a:X}, 0x{b:X})"))
                .collect(),
        );
        out.push('\n');
        list(
            &mut out,
            "/// The second parts of [`DECOMPOSED`] (marks, and a few letters), in order\n/// of first use.",
            "SECOND: &[char]",
            second
                .iter()
                .map(|m| format!("'\\u{{{:X}}}'", u32::from(*m)))
                .collect(),
        );
        out.push('\n');
        list(
            &mut out,
            "/// From a lower-case letter to its capital (`char::to_uppercase` of this Rust):\n\
             /// the distances, most common first, where the capital lower-cases back.",
            "UPPER_OFFSETS: &[i32]",
            offsets.iter().map(|(d, _)| d.to_string()).collect(),
        );
        out.push('\n');
        list(
            &mut out,
            "/// Lower-case letters and their one-letter capitals that lower-case to\n\
             /// another letter.",
            "UPPER_PAIRS: &[(char, char)]",
            pairs
                .iter()
                .map(|(l, u)| {
                    format!(
                        "('\\u{{{:X}}}', '\\u{{{:X}}}')",
                        u32::from(*l),
                        u32::from(*u)
                    )
                })
                .collect(),
        );
        out
    }

    #[test]
    fn table_is_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/text/table.rs");
        let want = generate();
        if std::env::var_os("REGENERATE_TEXT_TABLE").is_some() {
            std::fs::write(path, &want).expect("write the table");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "{path} is stale: REGENERATE_TEXT_TABLE=1 cargo test --lib text::generated"
        );
    }

    /// The CJK Compatibility Ideographs, which the table leaves out (see
    /// the module docs).
    fn cjk_compatibility(c: char) -> bool {
        matches!(u32::from(c), 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
    }

    /// What folding was when `unicode-normalization` did it, CJK
    /// compatibility ideographs kept as they are. They are starters that
    /// decompose to one starter, so NFD never reorders across them: the
    /// text between them is normalized on its own.
    fn reference(text: &str) -> String {
        let mut nfd = String::new();
        let mut run = String::new();
        for c in text.chars() {
            if cjk_compatibility(c) {
                nfd.extend(run.nfd());
                run.clear();
                nfd.push(c);
            } else {
                run.push(c);
            }
        }
        nfd.extend(run.nfd());
        let mut out = String::new();
        let mut space = false;
        for c in nfd.chars().filter(|&c| !is_combining_mark(c)) {
            let c = match c {
                '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => '-',
                'ø' | 'Ø' => 'o',
                'ł' | 'Ł' => 'l',
                'đ' | 'Đ' | 'ð' | 'Ð' => 'd',
                'ı' => 'i',
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

    #[test]
    fn capital_agrees_with_to_uppercase_for_every_char() {
        for c in every_char() {
            let upper: Vec<char> = c.to_uppercase().collect();
            let want = match upper.as_slice() {
                &[u] => u,
                _ => c,
            };
            assert_eq!(capital(c), want, "{c:?}");
        }
    }

    #[test]
    fn marks_agree_for_every_char() {
        for c in every_char() {
            assert_eq!(is_mark(c), is_combining_mark(c), "{c:?}");
        }
    }

    #[test]
    fn fold_agrees_for_every_char() {
        let mut s = String::new();
        for c in every_char() {
            s.clear();
            s.push('x');
            s.push(c);
            assert_eq!(fold(&s), reference(&s), "{c:?}");
        }
    }

    #[test]
    fn compose_agrees_for_every_pair_nfc_knows() {
        let mut composed = 0;
        for (c, first, _) in rows() {
            assert!(char::from_u32(c).is_some());
            for &mark in SECOND {
                let base = char::from_u32(first).expect("a char");
                assert_eq!(
                    compose(base, mark),
                    nfc_pair(base, mark),
                    "{base:?} {mark:?}"
                );
                composed += usize::from(compose(base, mark).is_some());
            }
        }
        for base in ('A'..='Z').chain('a'..='z') {
            for &mark in SECOND {
                assert_eq!(
                    compose(base, mark),
                    nfc_pair(base, mark),
                    "{base:?} {mark:?}"
                );
            }
        }
        assert!(composed > 1000, "{composed}");
    }

    #[test]
    fn fold_agrees_on_mixed_text() {
        // Marks in every order after every kind of base, and real words.
        let samples = [
            "Zoë Ångström ǘ \u{212B} 한국어 가 힣 e\u{301}\u{327}\u{308} \u{344}\u{F73}",
            "\u{1E69}\u{323}\u{307} q\u{307}\u{323} \u{958}\u{93C} \u{FB1D} \u{2ADC} \u{1D15E}",
            "  Ω\u{2126} \u{F900} \u{2F800} ﬁ ＡＢＣ \u{A0} \u{2003} Ǆ ǅ İ ß ẞ",
        ];
        for s in samples {
            assert_eq!(fold(s), reference(s), "{s:?}");
        }
        // Each decomposable character followed by marks of several classes.
        for (c, _, _) in rows() {
            let c = char::from_u32(c).expect("a char");
            let s = format!("{c}\u{316}\u{301}\u{334}{c}");
            assert_eq!(fold(&s), reference(&s), "{s:?}");
        }
    }
}
