//! A finding drawn under the reply, the way rustc and ripgrep show a
//! problem: a `line:column` pointer, the reply's lines with a gutter, and a
//! caret line under the offending words.
//!
//! Findings carry UTF-16 offsets (what the browser uses); they are turned
//! back into byte offsets only through [`handoff_coach::span`]. Carets are
//! counted in terminal columns, not characters: a CJK character or an emoji
//! takes two columns, a combining mark none, a tab is shown as four spaces,
//! so the carets sit under the words whatever the reply holds.

use handoff_coach::span::byte_of_unit;
use handoff_coach::Finding;
use unicode_width::UnicodeWidthStr;

use super::style::Style;

/// How many lines of a span that crosses lines are drawn before the rest is
/// elided.
const MAX_LINES: usize = 4;

/// The reply a finding points into, with its name and where its lines start.
pub struct Source<'a> {
    name: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    /// `text`, called `name` in `--> name:line:column`.
    pub fn new(name: &'a str, text: &'a str) -> Source<'a> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            name,
            text,
            line_starts,
        }
    }

    /// 0-based line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= at)
            .saturating_sub(1)
    }

    /// Byte range of line `n`, without its `\n` or `\r\n`.
    fn line(&self, n: usize) -> (usize, usize) {
        let start = self.line_starts[n];
        let mut end = self
            .line_starts
            .get(n + 1)
            .map_or(self.text.len(), |next| next - 1);
        if self.text[start..end].ends_with('\r') {
            end -= 1;
        }
        (start, end)
    }
}

/// How `s` is shown: tabs as four spaces, other control characters as
/// U+FFFD, so nothing in a reply can move the terminal's cursor.
fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' => "    ".to_string(),
            c if c.is_control() => '\u{FFFD}'.to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// Terminal columns of `s` as [`visible`] shows it.
fn columns(s: &str) -> usize {
    visible(s).width()
}

/// Draws `f` (a finding with a span) into `out`.
pub fn render(out: &mut String, src: &Source<'_>, f: &Finding, style: Style) {
    let sev = handoff_coach::pack::severity_name(f.severity);
    out.push_str(&format!(
        "{}{} {}\n",
        style.severity(f.severity, &format!("{sev}[")),
        style.severity(f.severity, &format!("{}]:", f.rule)),
        style.bold(&f.message)
    ));
    let (Some(start), Some(end)) = (f.start, f.end) else {
        push_suggestion(out, f, "", style);
        return;
    };
    let start = byte_of_unit(src.text, start);
    let end = byte_of_unit(src.text, end).max(start);
    let first = src.line_of(start);
    // A span that ends right after a newline ends on the line before.
    let last = src.line_of(end.saturating_sub(1).max(start));
    let shown = (last - first + 1).min(MAX_LINES);
    let width = (first + shown).to_string().len();
    let pad = " ".repeat(width);
    let (line_start, _) = src.line(first);
    let column = src.text[line_start..start].chars().count() + 1;
    out.push_str(&format!(
        "{pad}{} {}:{}:{column}\n",
        style.gutter("-->"),
        src.name,
        first + 1
    ));
    out.push_str(&format!("{pad} {}\n", style.gutter("|")));
    for n in first..first + shown {
        let (ls, le) = src.line(n);
        let from = start.clamp(ls, le);
        let to = end.clamp(ls, le);
        let number = format!("{:>width$}", n + 1);
        out.push_str(&format!(
            "{} {}\n",
            style.gutter(&format!("{number} |")),
            visible(&src.text[ls..le])
        ));
        let carets = "^".repeat(columns(&src.text[from..to]).max(1));
        let lead = " ".repeat(columns(&src.text[ls..from]));
        out.push_str(&format!(
            "{pad} {} {lead}{}\n",
            style.gutter("|"),
            style.severity(f.severity, &carets)
        ));
    }
    if last + 1 > first + shown {
        out.push_str(&format!("{pad} {} …\n", style.gutter("|")));
    }
    push_suggestion(out, f, &pad, style);
}

fn push_suggestion(out: &mut String, f: &Finding, pad: &str, style: Style) {
    if let Some(s) = &f.suggestion {
        let mut lines = s.lines();
        let first = lines.next().unwrap_or_default();
        out.push_str(&format!("{pad} {} {first}\n", style.bold("= suggestion:")));
        for more in lines {
            out.push_str(&format!("{pad}                {more}\n"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use handoff_coach::span::Utf16Mapper;
    use handoff_coach::Severity;

    /// A finding on the first occurrence of `words` in `text`.
    fn on(text: &str, words: &str) -> Finding {
        let at = text.find(words).expect("words in text");
        let span = Utf16Mapper::new(text).span(at, at + words.len());
        Finding {
            rule: "never-ask.order-number".into(),
            severity: Severity::Error,
            start: Some(span.start),
            end: Some(span.end),
            message: "The card already has it.".into(),
            suggestion: Some("I can see order 12345.".into()),
        }
    }

    fn draw(text: &str, f: &Finding) -> Vec<String> {
        let mut out = String::new();
        render(&mut out, &Source::new("reply.txt", text), f, Style::plain());
        out.lines().map(str::to_string).collect()
    }

    /// The caret line's carets: (leading columns, number of carets).
    fn carets(lines: &[String], row: usize) -> (usize, usize) {
        let line = &lines[row];
        let body = &line[line.find('|').unwrap() + 2..];
        let lead = body.chars().take_while(|&c| c == ' ').count();
        (lead, body.chars().filter(|&c| c == '^').count())
    }

    #[test]
    fn points_at_line_and_column_with_carets_under_the_words() {
        let text = "Hi Sarah!\nWhat is your order number?";
        let lines = draw(text, &on(text, "your order number"));
        assert_eq!(
            lines[0],
            "error[never-ask.order-number]: The card already has it."
        );
        assert_eq!(lines[1], " --> reply.txt:2:9");
        assert_eq!(lines[3], "2 | What is your order number?");
        assert_eq!(carets(&lines, 4), (8, 17));
        assert_eq!(lines[5], "  = suggestion: I can see order 12345.");
    }

    #[test]
    fn wide_and_non_bmp_characters_take_their_columns() {
        // "😡" is two UTF-16 units and two columns; "界" one unit, two columns;
        // "é" in NFD is two characters and one column.
        let text = "😡 世界 Cafe\u{301}: your order number?";
        let lines = draw(text, &on(text, "your order number"));
        assert_eq!(lines[1], " --> reply.txt:1:13", "column counts characters");
        let before = "😡 世界 Cafe\u{301}: ";
        assert_eq!(carets(&lines, 4), (before.width(), 17));
        assert_eq!(before.width(), 2 + 1 + 4 + 1 + 4 + 2);
        // The carets under an emoji cover both of its columns.
        let emoji = draw(text, &on(text, "😡"));
        assert_eq!(carets(&emoji, 4), (0, 2));
    }

    #[test]
    fn tabs_and_control_characters_cannot_shift_the_carets() {
        let text = "\tplease\x1b[2J send your order number";
        let lines = draw(text, &on(text, "your order number"));
        assert!(!lines[3].contains('\x1b'));
        // Tab: four columns; ESC: one replacement character; "[2J" as it is.
        assert_eq!(
            carets(&lines, 4),
            (4 + "please".len() + 1 + "[2J send ".len(), 17)
        );
    }

    #[test]
    fn a_span_across_lines_underlines_each_line() {
        let text = "Could you\r\nexplain again?";
        let lines = draw(text, &on(text, "you\r\nexplain"));
        assert_eq!(lines[3], "1 | Could you");
        assert_eq!(carets(&lines, 4), (6, 3));
        assert_eq!(lines[5], "2 | explain again?");
        assert_eq!(carets(&lines, 6), (0, 7));
    }

    #[test]
    fn an_empty_span_still_gets_one_caret() {
        let text = "abc";
        let mut f = on(text, "b");
        f.end = f.start;
        assert_eq!(carets(&draw(text, &f), 4), (1, 1));
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let text = "short";
        let mut f = on(text, "short");
        f.start = Some(3);
        f.end = Some(99);
        assert_eq!(carets(&draw(text, &f), 4), (3, 2));
    }
}
