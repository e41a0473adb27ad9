//! What the reader treats as decoration inside a value: emoji and other
//! pictographs, parenthesised or bracketed asides, quotes around all of it
//! and quotations inside it; and how it looks a word up in one of its short
//! word lists.
//!
//! Lines, names, identifiers and one-line issues all drop the same things,
//! so they are decided here once: "Double-charged (2 × $50) 😕" becomes
//! "Double-charged", "Tom Becker (shop: Becker Bikes)" becomes "Tom Becker",
//! "12345 (placed 2 March)" becomes "12345".

/// An emoji or pictograph: not a letter, digit, space or ASCII character,
/// and not punctuation that text uses (quotes, dashes, currency, ellipsis).
pub(crate) fn is_symbol(c: char) -> bool {
    !c.is_ascii()
        && !c.is_alphanumeric()
        && !c.is_whitespace()
        && !matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '«'
                | '»'
                | '„'
                | '‚'
                | '–'
                | '—'
                | '€'
                | '£'
                | '¥'
                | '…'
                | '×'
                | '¿'
                | '¡'
        )
}

/// `text` without its parenthesised and bracketed asides (an unclosed one
/// runs to the end).
pub(crate) fn without_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// `value` without a pair of quotes around all of it ("Customer said:
/// \"I was billed twice\""): quoting the customer is how the card shows
/// their words, not part of them. A value that only starts or ends with a
/// quote, or quotes again inside, is left as it is.
pub(crate) fn unquoted(value: &str) -> &str {
    const PAIRS: &[(char, char)] = &[
        ('"', '"'),
        ('\u{201C}', '\u{201D}'),
        ('\u{AB}', '\u{BB}'),
        ('\'', '\''),
    ];
    PAIRS
        .iter()
        .find_map(|&(open, close)| {
            let inner = value.strip_prefix(open)?.strip_suffix(close)?;
            (!inner.contains([open, close])).then_some(inner.trim())
        })
        .unwrap_or(value)
}

/// `text` without what it quotes (`"…"`, `“…”`, each closed on its line):
/// the customer's own words, which say what they asked, not what the card
/// says ("Question: \"Are you open after hours on Sunday?\"").
pub(crate) fn without_quotations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut rest = line;
        while let Some(open) = rest.find(['"', '“']) {
            let (quote, close) = if rest[open..].starts_with('"') {
                ('"', '"')
            } else {
                ('“', '”')
            };
            let after = &rest[open + quote.len_utf8()..];
            let Some(end) = after.find(close) else {
                break;
            };
            out.push_str(&rest[..open]);
            rest = &after[end + close.len_utf8()..];
        }
        out.push_str(rest);
    }
    out
}

/// Whether any ASCII word of `text` is one of the space-separated `words`
/// ([`listed`]): "What phone number should the driver call?" names "phone".
pub(crate) fn names_any(words: &str, text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| listed(words, w))
}

/// Whether `word`, without a final full stop, is one of the space-separated
/// ASCII `words`, compared without case. The reader's word lists (titles,
/// fillers, units…) are written as one string each: short to read, and
/// nothing to build.
pub(crate) fn listed(words: &str, word: &str) -> bool {
    let want = word.trim_end_matches('.').as_bytes();
    let list = words.as_bytes();
    let Some(&first) = want.first() else {
        return false;
    };
    // Word by word through the list, comparing only words of the right
    // length that start right: these lists are read for every line.
    let mut at = 0;
    while at + want.len() <= list.len() {
        let end = at + want.len();
        if list[at].eq_ignore_ascii_case(&first)
            && !matches!(list.get(end), Some(&b) if b != b' ')
            && list[at..end].eq_ignore_ascii_case(want)
        {
            return true;
        }
        match list[at..].iter().position(|&b| b == b' ') {
            Some(n) => at += n + 1,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_are_taken_out() {
        assert_eq!(
            without_quotations("Asked: \"open after hours?\" Store: Graz"),
            "Asked:  Store: Graz"
        );
        assert_eq!(
            without_quotations("said “after hours” twice"),
            "said  twice"
        );
        assert_eq!(
            without_quotations("an \"unclosed quote\nafter hours"),
            "an \"unclosed quote\nafter hours"
        );
    }

    #[test]
    fn symbols_are_pictographs_not_punctuation() {
        for c in ['😕', '🔒', '\u{fe0f}', '\u{200d}', '✓', '→'] {
            assert!(is_symbol(c), "{c:?}");
        }
        for c in ['a', 'é', '王', ' ', '’', '—', '€', '.', '#'] {
            assert!(!is_symbol(c), "{c:?}");
        }
    }

    #[test]
    fn word_lists() {
        assert!(listed("mr mrs dr", "Dr."));
        assert!(!listed("mr mrs dr", "drs"));
        assert!(!listed("mr mrs dr", ""));
    }

    #[test]
    fn asides_go() {
        assert_eq!(
            without_asides("Tom Becker (shop: Becker [Bikes]) & co"),
            "Tom Becker  & co"
        );
        assert_eq!(without_asides("12345 (placed"), "12345 ");
    }
}
