//! Markup: HTML cards become the same lines as text cards, and character
//! references are decoded everywhere.
//!
//! A card given as HTML (a helpdesk's widget copied as markup, a `<dl>`, a
//! `<table>`, a `<ul>` of `<b>Label:</b> value`) is turned into lines the
//! line reader already understands: block elements end lines, a definition's
//! term and description or a row's cells are separated by a tab (the line
//! reader's cell separator), source whitespace collapses as a browser
//! collapses it, and scripts, styles and comments disappear. Tags never reach
//! a value, and neither do entities: [`decode_entities`] handles named
//! references by rule (`&eacute;` is `e` with an acute accent) rather than
//! with the full HTML table, which would weigh more than the whole reader.

use std::borrow::Cow;

use super::chars::listed;

/// Element names that make a text HTML when they appear as tags. Anything
/// else in angle brackets (`<sarah@example.com>`, `size < 10`) is text.
const HTML_ELEMENTS: &str = concat!(
    "html body div p br span b strong i em u ul ol li dl dt dd table thead tbody tfoot tr th ",
    "td h1 h2 h3 h4 h5 h6 a section article header footer label small hr pre code blockquote ",
    "font img time mark abbr style script",
);

/// How a tag shapes the text around it.
enum Break {
    /// Inline formatting: nothing.
    None,
    /// A word boundary between adjacent runs (`<span>A</span><span>B</span>`).
    Space,
    /// A cell boundary: a tab, the line reader's cell separator.
    Cell,
    /// A new line.
    Line,
    /// A new paragraph (a blank line), which ends a block of wrapped lines.
    Paragraph,
}

fn break_of(name: &str, closing: bool) -> Break {
    match name {
        "td" | "th" | "dd" if !closing => Break::Cell,
        "label" | "dt" if closing => Break::Cell,
        "br" | "li" | "tr" | "dt" | "div" | "section" | "article" | "header" | "footer" => {
            Break::Line
        }
        "p" | "ul" | "ol" | "dl" | "table" | "hr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        | "blockquote" | "pre" => Break::Paragraph,
        "span" | "b" | "strong" | "font" | "label" | "td" | "th" | "dd" => Break::Space,
        _ => Break::None,
    }
}

/// The element name of the tag that starts at `s` (just after `<`, and
/// after `/` for a closing tag), lower-cased, if it is one.
fn tag_name(s: &str) -> Option<String> {
    let end = s
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(s.len());
    let name = s.get(..end)?;
    let next = s[end..].chars().next();
    let ends_name = matches!(next, None | Some('>' | '/')) || next.is_some_and(char::is_whitespace);
    (!name.is_empty() && name.as_bytes()[0].is_ascii_alphabetic() && ends_name)
        .then(|| name.to_ascii_lowercase())
}

/// Elements that never make a text HTML on their own: they hold no text, so
/// a card whose only "tags" are these is a plain card quoting a customer who
/// typed markup (`Customer: Zoë <img src=x onerror=…>`), and reading it as
/// HTML would drop what they wrote.
const NOT_ALONE: &str = "img script style";

/// Whether `card` is markup: it has a tag of a known HTML element that holds
/// text.
pub(crate) fn is_html(card: &str) -> bool {
    let mut rest = card;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name = tag_name(rest.strip_prefix('/').unwrap_or(rest));
        if name.is_some_and(|n| listed(HTML_ELEMENTS, &n) && !listed(NOT_ALONE, &n)) {
            return true;
        }
    }
    false
}

/// Where the tag that starts at byte 0 of `s` (a `<`) ends: one past its
/// `>`, skipping `>` inside quoted attribute values.
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// The text of an HTML card, as lines the line reader understands.
pub(crate) fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut pending: Option<Break> = None;
    // An inline element closed with nothing but tags since: a next one
    // opening right away is a cell of its own, as in
    // `<span class="label">Customer</span><span>Sarah</span>`.
    let mut inline_closed = false;
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        if rest.starts_with('<') {
            let closing = rest[1..].starts_with('/');
            let name_at = if closing { &rest[2..] } else { &rest[1..] };
            if let Some(name) = tag_name(name_at).filter(|_| !rest[1..].starts_with(['!', '?'])) {
                let end = tag_end(rest);
                rest = &rest[end..];
                if !closing && (name == "script" || name == "style") {
                    rest = find_ascii_ci(rest, &format!("</{name}")).map_or("", |i| &rest[i..]);
                    continue;
                }
                let inline = matches!(
                    name.as_str(),
                    "span" | "b" | "strong" | "label" | "font" | "em" | "i"
                );
                if inline && !closing && inline_closed {
                    pending = Some(stronger(pending, Break::Cell));
                }
                inline_closed = inline && closing;
                pending = Some(stronger(pending, break_of(&name, closing)));
                continue;
            }
            if rest[1..].starts_with(['!', '?']) {
                // A doctype or processing instruction.
                rest = &rest[tag_end(rest)..];
                continue;
            }
        }
        // A run of text up to the next tag: whitespace collapses.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
        let run = &rest[..end];
        rest = &rest[end..];
        for c in decode_entities(run).chars() {
            if c.is_whitespace() {
                pending = Some(stronger(pending, Break::Space));
            } else {
                flush(&mut out, pending.take());
                out.push(c);
                inline_closed = false;
            }
        }
    }
    out
}

/// Byte offset of the first occurrence of the ASCII `needle` in `hay`,
/// ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The stronger of two breaks (a paragraph beats a line beats a cell…).
fn stronger(a: Option<Break>, b: Break) -> Break {
    let rank = |b: &Break| match b {
        Break::None => 0,
        Break::Space => 1,
        Break::Cell => 2,
        Break::Line => 3,
        Break::Paragraph => 4,
    };
    match a {
        Some(a) if rank(&a) >= rank(&b) => a,
        _ => b,
    }
}

fn flush(out: &mut String, pending: Option<Break>) {
    if out.is_empty() {
        return;
    }
    match pending {
        None | Some(Break::None) => {}
        Some(Break::Space) => {
            if !out.ends_with([' ', '\n', '\t']) {
                out.push(' ');
            }
        }
        Some(Break::Cell) => out.push('\t'),
        Some(Break::Line) => out.push('\n'),
        Some(Break::Paragraph) => out.push_str("\n\n"),
    }
}

/// `text` with its character references decoded: `&#39;`, `&#x27;`, the
/// common named ones, and accented letters by rule. An unknown name is
/// dropped rather than shown; a bare `&` (as in "AT&T") stays.
pub(crate) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let body_len = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len() - 1, |n| n);
        let body = &rest[1..1 + body_len];
        if body.is_empty() || !rest[1 + body_len..].starts_with(';') || body_len > 32 {
            out.push('&');
            rest = &rest[1..];
            continue;
        }
        rest = &rest[body_len + 2..];
        if let Some(num) = body.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            out.push(code.and_then(char::from_u32).unwrap_or('\u{fffd}'));
        } else {
            named(body, &mut out);
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Appends the character of a named reference (nothing for an unknown one).
fn named(name: &str, out: &mut String) {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "times" => '×',
        "divide" => '÷',
        "rarr" => '→',
        "larr" => '←',
        "szlig" => 'ß',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "eth" => 'ð',
        "ETH" => 'Ð',
        "thorn" => 'þ',
        "THORN" => 'Þ',
        "iexcl" => '¡',
        "iquest" => '¿',
        _ => return accented(name, out),
    };
    out.push(c);
}

/// `&eacute;`, `&Ouml;`, `&ntilde;`, `&ccedil;`…: a base letter and an
/// accent name, composed into one character.
fn accented(name: &str, out: &mut String) {
    let mut chars = name.chars();
    let Some(base) = chars.next().filter(char::is_ascii_alphabetic) else {
        return;
    };
    let mark = match chars.as_str() {
        "acute" => '\u{301}',
        "grave" => '\u{300}',
        "circ" => '\u{302}',
        "tilde" => '\u{303}',
        "uml" => '\u{308}',
        "ring" => '\u{30a}',
        "cedil" => '\u{327}',
        "caron" => '\u{30c}',
        _ => return,
    };
    match crate::text::compose(base, mark) {
        Some(c) => out.push(c),
        None => out.extend([base, mark]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_numeric_named_and_accented_references() {
        assert_eq!(
            decode_entities("O&#39;Connor &amp; O&#x27;Brien"),
            "O'Connor & O'Brien"
        );
        assert_eq!(
            decode_entities("&ldquo;Hi&rdquo;&nbsp;Zo&euml; Ren&eacute;e"),
            "“Hi” Zoë Renée"
        );
        assert_eq!(
            decode_entities("AT&T & co &unknownthing; x"),
            "AT&T & co  x"
        );
        assert_eq!(decode_entities("&#99999999999;"), "\u{fffd}");
    }

    #[test]
    fn markup_a_customer_typed_is_text() {
        assert!(!is_html(
            "Customer: Zoë <img src=x onerror=alert(1)>\nOrder #: 1"
        ));
        assert!(!is_html(
            "Issue: pasted <script>alert(1)</script> into the form"
        ));
        assert!(is_html(
            "<dl><dt>Customer</dt><dd>Zoë <img src=x></dd></dl>"
        ));
    }

    #[test]
    fn html_becomes_lines_and_cells() {
        let t = html_to_text("<dl>\n <dt>Customer</dt><dd>Aoife</dd>\n <dt>Order</dt><dd>#W-1</dd></dl><p>Note &amp; more</p>");
        assert_eq!(t, "Customer\tAoife\nOrder\t#W-1\n\nNote & more");
        let t = html_to_text(
            "<ul><li><b>Customer:</b> Mei-Ling Wu</li></ul><script>var x = '<li>';</script>",
        );
        assert_eq!(t, "Customer: Mei-Ling Wu");
        let t = html_to_text("<div><span class=\"k\">Customer</span> <span>Fran&ccedil;ois</span></div><p>Hi <b>there</b> you</p>");
        assert_eq!(t, "Customer\tFrançois\n\nHi there you");
        assert!(!is_html("Customer: Sarah <sarah@example.com>"));
        assert!(is_html("<table><tr><td>x</td></tr></table>"));
    }
}
