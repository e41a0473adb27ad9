//! A TOML reader for packs: the text into a tree of values, each with its
//! byte range.
//!
//! Why not the `toml` crate: it was a third of the wasm engine's size (its
//! parser, its own value tree in `BTreeMap`s, date-time parsing), for files
//! of a few dozen lines. This reader keeps only what a pack needs: TOML 1.1
//! syntax in full (every kind of string and escape, integers in every base,
//! floats, arrays, inline tables, dotted keys, `[tables]` and `[[arrays of
//! tables]]` with TOML's rules against defining one twice), tables kept as
//! small vectors in document order, and date-times recognised by their
//! shape but neither checked nor read (no pack key takes one, so one is
//! only ever refused). Floats are read by [`text::decimal`].
//! Its tests compare it with the `toml` crate (a dev-dependency).

use std::ops::Range;

use super::doc::{problem, Read};
use crate::text;

/// A value and where it is in the text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Node {
    pub(super) at: Range<usize>,
    pub(super) value: Value,
}

/// A TOML value.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    /// A date, a time or both: recognised, never read.
    Datetime,
    Array(Array),
    Table(Table),
}

/// An array; `of_tables` when `[[headers]]` made it, so that the next one
/// may add to it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Array {
    pub(super) items: Vec<Node>,
    of_tables: bool,
}

/// A table: its keys in document order.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Table {
    pub(super) entries: Vec<(Key, Node)>,
    made: Made,
}

/// How a table came to be, which decides what may still add to it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Made {
    /// On the way to a header's table (`a` of `[a.b]`): a header may still
    /// define it.
    OnTheWay,
    /// By its own header.
    Header,
    /// By dotted keys (`a.b = 1`).
    Dotted,
    /// Inline (`{ … }`): closed.
    Inline,
}

/// A key and where it is.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Key {
    pub(super) name: String,
    pub(super) at: Range<usize>,
}

impl Table {
    fn new(made: Made) -> Table {
        Table {
            entries: Vec::new(),
            made,
        }
    }

    /// The value under `name`.
    pub(super) fn get(&self, name: &str) -> Option<&Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| v)
    }

    fn get_mut(&mut self, name: &str) -> Option<&mut Node> {
        self.entries
            .iter_mut()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| v)
    }
}

/// How deep arrays and inline tables may nest: far beyond any pack, and
/// shallow enough that no input can exhaust the stack.
const MAX_DEPTH: usize = 64;

/// Parses a whole document into its root table.
pub(super) fn parse(src: &str) -> Read<Table> {
    let mut p = Parser {
        src,
        pos: if src.starts_with('\u{FEFF}') { 3 } else { 0 },
        depth: 0,
        inline: 0,
    };
    let mut root = Table::new(Made::Header);
    // The table key/value lines go into: a path from the root (an array
    // of tables stands for its last table).
    let mut current: Vec<String> = Vec::new();
    loop {
        p.skip_blank_lines()?;
        match p.peek() {
            None => break,
            Some(b'[') => current = p.header(&mut root)?,
            Some(_) => {
                let Some(table) = walk(&mut root, &current) else {
                    return p.fail("no table for this key");
                };
                p.key_value(table)?;
            }
        }
        p.end_of_line()?;
    }
    Ok(root)
}

/// The table at `path`: made by `header`, so always there.
fn walk<'t>(table: &'t mut Table, path: &[String]) -> Option<&'t mut Table> {
    let Some((first, rest)) = path.split_first() else {
        return Some(table);
    };
    let next = match &mut table.get_mut(first)?.value {
        Value::Table(t) => t,
        Value::Array(a) => match &mut a.items.last_mut()?.value {
            Value::Table(t) => t,
            _ => return None,
        },
        _ => return None,
    };
    walk(next, rest)
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    /// Inside an inline table, where TOML 1.1 lets newlines and comments
    /// stand wherever spaces may.
    inline: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.src.as_bytes().get(self.pos + ahead).copied()
    }

    fn rest(&self) -> &str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn fail<T>(&self, message: impl Into<String>) -> Read<T> {
        Err(problem(self.pos..self.pos + 1, message))
    }

    /// What is at the current position, for a message.
    fn found(&self) -> String {
        match self.rest().chars().next() {
            None => "the end of the file".to_string(),
            Some('\n') | Some('\r') => "the end of the line".to_string(),
            Some(c) => format!("`{c}`"),
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn skip_comment(&mut self) -> Read<()> {
        if self.peek() == Some(b'#') {
            while let Some(c) = self.rest().chars().next() {
                if c == '\n' || (c == '\r' && self.peek_at(1) == Some(b'\n')) {
                    break;
                }
                if is_control(c) {
                    return self.fail("control character in a comment");
                }
                self.pos += c.len_utf8();
            }
        }
        Ok(())
    }

    /// A newline, `\n` or `\r\n`, if one is here.
    fn newline(&mut self) -> bool {
        if self.peek() == Some(b'\n') {
            self.pos += 1;
            true
        } else if self.rest().starts_with("\r\n") {
            self.pos += 2;
            true
        } else {
            false
        }
    }

    fn skip_blank_lines(&mut self) -> Read<()> {
        loop {
            self.skip_spaces();
            self.skip_comment()?;
            if !self.newline() {
                return Ok(());
            }
        }
    }

    /// Spaces, comments and newlines, as arrays and inline tables allow.
    fn skip_layout(&mut self) -> Read<()> {
        self.skip_blank_lines()
    }

    /// The blanks between the parts of a key/value pair.
    fn gap(&mut self) -> Read<()> {
        if self.inline > 0 {
            self.skip_layout()
        } else {
            self.skip_spaces();
            Ok(())
        }
    }

    fn end_of_line(&mut self) -> Read<()> {
        self.skip_spaces();
        self.skip_comment()?;
        if self.newline() || self.peek().is_none() {
            Ok(())
        } else {
            self.fail(format!(
                "expected the end of the line, found {}",
                self.found()
            ))
        }
    }

    fn expect(&mut self, c: u8, what: &str) -> Read<()> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            self.fail(format!("expected {what}, found {}", self.found()))
        }
    }

    /// A `[table]` or `[[array of tables]]` header: makes its table and
    /// returns its path.
    fn header(&mut self, root: &mut Table) -> Read<Vec<String>> {
        let start = self.pos;
        let array = self.rest().starts_with("[[");
        self.pos += if array { 2 } else { 1 };
        self.skip_spaces();
        let keys = self.dotted_key()?;
        self.skip_spaces();
        if array {
            if !self.rest().starts_with("]]") {
                return self.fail(format!(
                    "expected `]]` to close the header, found {}",
                    self.found()
                ));
            }
            self.pos += 2;
        } else {
            self.expect(b']', "`]` to close the header")?;
        }
        let at = start..self.pos;
        let Some((last, path)) = keys.split_last() else {
            return Err(problem(at, "empty header"));
        };
        let mut table = root;
        for key in path {
            table = enter(table, key, Made::OnTheWay, true)?;
        }
        match table.entries.iter_mut().find(|(k, _)| k.name == last.name) {
            None => {
                let value = if array {
                    Value::Array(Array {
                        items: vec![Node {
                            at: at.clone(),
                            value: Value::Table(Table::new(Made::Header)),
                        }],
                        of_tables: true,
                    })
                } else {
                    Value::Table(Table::new(Made::Header))
                };
                table.entries.push((last.clone(), Node { at, value }));
            }
            Some((key, node)) => match &mut node.value {
                Value::Array(a) if array && a.of_tables => a.items.push(Node {
                    at,
                    value: Value::Table(Table::new(Made::Header)),
                }),
                Value::Table(t) if !array && t.made == Made::OnTheWay => {
                    // Defined at last: by this header, here.
                    t.made = Made::Header;
                    node.at = at;
                    key.at = last.at.clone();
                }
                _ => {
                    return Err(problem(
                        last.at.clone(),
                        format!("`{}` is defined twice", last.name),
                    ))
                }
            },
        }
        Ok(keys.into_iter().map(|k| k.name).collect())
    }

    /// `key = value` (the key maybe dotted) into `table`. Tables the dots
    /// make are open to more dotted keys, also inside an inline table: what
    /// closes them to the rest of the document is the inline table itself.
    fn key_value(&mut self, table: &mut Table) -> Read<()> {
        let keys = self.dotted_key()?;
        self.gap()?;
        self.expect(b'=', "`=` after a key")?;
        self.gap()?;
        let value = self.value()?;
        let Some((last, path)) = keys.split_last() else {
            return self.fail("expected a key");
        };
        let mut table = table;
        for key in path {
            table = enter(table, key, Made::Dotted, false)?;
        }
        if table.get(&last.name).is_some() {
            return Err(problem(
                last.at.clone(),
                format!("`{}` is defined twice", last.name),
            ));
        }
        table.entries.push((last.clone(), value));
        Ok(())
    }

    /// One key or more joined by dots.
    fn dotted_key(&mut self) -> Read<Vec<Key>> {
        let mut keys = vec![self.key()?];
        loop {
            self.skip_spaces();
            if self.peek() != Some(b'.') {
                return Ok(keys);
            }
            self.pos += 1;
            self.skip_spaces();
            keys.push(self.key()?);
        }
    }

    fn key(&mut self) -> Read<Key> {
        let start = self.pos;
        let name = match self.peek() {
            Some(q @ (b'"' | b'\'')) => self.string(q, false)?,
            _ => {
                let bare = self
                    .rest()
                    .bytes()
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
                    .count();
                if bare == 0 {
                    return self.fail(format!("expected a key, found {}", self.found()));
                }
                self.pos += bare;
                self.src[start..self.pos].to_string()
            }
        };
        Ok(Key {
            name,
            at: start..self.pos,
        })
    }

    fn value(&mut self) -> Read<Node> {
        let start = self.pos;
        let value = match self.peek() {
            Some(q @ (b'"' | b'\'')) => Value::String(self.string(q, true)?),
            Some(b'[') => self.nested(Self::array)?,
            Some(b'{') => self.nested(Self::inline_table)?,
            _ => self.scalar()?,
        };
        Ok(Node {
            at: start..self.pos,
            value,
        })
    }

    fn nested(&mut self, read: fn(&mut Self) -> Read<Value>) -> Read<Value> {
        if self.depth >= MAX_DEPTH {
            return self.fail("arrays and tables nested too deeply");
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Read<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_layout()?;
            if self.peek() == Some(b']') {
                break;
            }
            items.push(self.value()?);
            self.skip_layout()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => break,
                _ => {
                    return self.fail(format!(
                        "expected `,` or `]` in an array, found {}",
                        self.found()
                    ))
                }
            }
        }
        self.pos += 1;
        Ok(Value::Array(Array {
            items,
            of_tables: false,
        }))
    }

    fn inline_table(&mut self) -> Read<Value> {
        self.inline += 1;
        let table = self.inline_entries();
        self.inline -= 1;
        table
    }

    fn inline_entries(&mut self) -> Read<Value> {
        self.pos += 1;
        let mut table = Table::new(Made::Inline);
        loop {
            self.skip_layout()?;
            if self.peek() == Some(b'}') {
                break;
            }
            self.key_value(&mut table)?;
            self.skip_layout()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => break,
                _ => {
                    return self.fail(format!(
                        "expected `,` or `}}` in an inline table, found {}",
                        self.found()
                    ))
                }
            }
        }
        self.pos += 1;
        Ok(Value::Table(table))
    }

    /// A string: basic (`"…"`, escapes read) when `quote` is `"`, literal
    /// (`'…'`, taken as written) when it is `'`; the multi-line form of
    /// either (`"""…"""`, `'''…'''`) where `multi` allows it.
    fn string(&mut self, quote: u8, multi: bool) -> Read<String> {
        let start = self.pos;
        let basic = quote == b'"';
        let q = char::from(quote);
        let triple: String = [q; 3].iter().collect();
        let multi = multi && self.rest().starts_with(triple.as_str());
        self.pos += if multi { 3 } else { 1 };
        if multi {
            self.newline();
        }
        let mut out = String::new();
        loop {
            let Some(c) = self.rest().chars().next() else {
                return Err(problem(start..start + 1, "unclosed string"));
            };
            match c {
                c if c == q && !multi => {
                    self.pos += 1;
                    return Ok(out);
                }
                c if c == q => {
                    if self.closes_multi(quote, &mut out)? {
                        return Ok(out);
                    }
                }
                '\\' if basic => self.escape(multi, &mut out)?,
                '\n' | '\r' if multi => {
                    if !self.newline() {
                        return self.fail("bare carriage return in a string");
                    }
                    out.push('\n');
                }
                c if is_control(c) => {
                    return self.fail(if c == '\n' || c == '\r' {
                        format!("unclosed string (a newline needs `{triple}`)")
                    } else if basic {
                        format!("control character {c:?} in a string (write it escaped)")
                    } else {
                        format!("control character {c:?} in a string")
                    })
                }
                c => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// At a quote in a multi-line string: whether it closes the string
    /// (three quotes, of up to five: the others belong to the text).
    fn closes_multi(&mut self, quote: u8, out: &mut String) -> Read<bool> {
        let run = self.rest().bytes().take_while(|&b| b == quote).count();
        if run < 3 {
            for _ in 0..run {
                out.push(char::from(quote));
            }
            self.pos += run;
            return Ok(false);
        }
        if run > 5 {
            return self.fail("too many quotes closing a string");
        }
        for _ in 3..run {
            out.push(char::from(quote));
        }
        self.pos += run;
        Ok(true)
    }

    fn escape(&mut self, multi: bool, out: &mut String) -> Read<()> {
        let at = self.pos;
        self.pos += 1;
        let Some(c) = self.rest().chars().next() else {
            return Err(problem(at..at + 1, "unclosed string"));
        };
        self.pos += c.len_utf8();
        let simple = match c {
            'b' => Some('\u{8}'),
            't' => Some('\t'),
            'n' => Some('\n'),
            'f' => Some('\u{c}'),
            'r' => Some('\r'),
            'e' => Some('\u{1b}'),
            '"' => Some('"'),
            '\\' => Some('\\'),
            _ => None,
        };
        if let Some(c) = simple {
            out.push(c);
            return Ok(());
        }
        let digits = match c {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            ' ' | '\t' | '\n' | '\r' if multi => {
                // A line-ending backslash: the newline and the blanks after
                // it go, but only if a newline follows the backslash.
                self.pos -= 1;
                self.skip_spaces();
                if !self.newline() {
                    return Err(problem(at..at + 1, "`\\` at the end of a line must end it"));
                }
                while matches!(self.peek(), Some(b' ' | b'\t')) || self.newline() {
                    self.skip_spaces();
                }
                return Ok(());
            }
            _ => return Err(problem(at..self.pos, format!("unknown escape `\\{c}`"))),
        };
        let hex = self.rest().get(..digits).unwrap_or("");
        let code = (hex.len() == digits && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(hex, 16).ok())
            .flatten();
        match code.and_then(char::from_u32) {
            Some(c) => {
                out.push(c);
                self.pos += digits;
                Ok(())
            }
            None => Err(problem(
                at..self.pos,
                format!("`\\{c}` needs {digits} hex digits of a Unicode scalar value"),
            )),
        }
    }

    /// A boolean, a number or a date-time.
    fn scalar(&mut self) -> Read<Value> {
        let start = self.pos;
        let word =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-' | b'.' | b':');
        let mut len = self.rest().bytes().take_while(|&b| word(b)).count();
        // "1979-05-27 07:32:00": a date, a space, a time.
        let rest = self.rest().as_bytes();
        if len == 10
            && is_date(&rest[..10])
            && rest.get(10) == Some(&b' ')
            && rest.get(11).is_some_and(u8::is_ascii_digit)
        {
            len = 11 + rest[11..].iter().take_while(|&&b| word(b)).count();
        }
        let token = &self.src[start..start + len];
        self.pos += len;
        let at = start..self.pos;
        let value = match token {
            "true" => Some(Value::Boolean(true)),
            "false" => Some(Value::Boolean(false)),
            "" => None,
            t if is_datetime(t) => Some(Value::Datetime),
            t => integer(t).or_else(|| float(t)),
        };
        match value {
            Some(v) => Ok(v),
            None if token.is_empty() => {
                self.fail(format!("expected a value, found {}", self.found()))
            }
            None if digits(token.trim_start_matches(['+', '-']), 10)
                .is_some_and(|d| d.len() == 1 || !d.starts_with('0')) =>
            {
                Err(problem(
                    at,
                    format!("integer {token} does not fit in 64 bits"),
                ))
            }
            None => Err(problem(at, format!("`{token}` is not a TOML value"))),
        }
    }
}

/// Into the table under `key` of `table`, making it (as `made`) when it is
/// not there. A header (`header`) may also go through an array of tables
/// (into its last table) and a table dotted keys made; dotted keys may not
/// go into a table a header defined.
fn enter<'t>(table: &'t mut Table, key: &Key, made: Made, header: bool) -> Read<&'t mut Table> {
    let i = match table.entries.iter().position(|(k, _)| k.name == key.name) {
        Some(i) => i,
        None => {
            let node = Node {
                at: key.at.clone(),
                value: Value::Table(Table::new(made)),
            };
            table.entries.push((key.clone(), node));
            table.entries.len() - 1
        }
    };
    let inner = match &mut table.entries[i].1.value {
        Value::Table(t) if t.made != Made::Inline && (header || t.made != Made::Header) => Some(t),
        Value::Array(a) if header && a.of_tables => match a.items.last_mut() {
            Some(Node {
                value: Value::Table(t),
                ..
            }) => Some(t),
            _ => None,
        },
        _ => None,
    };
    inner.ok_or_else(|| {
        problem(
            key.at.clone(),
            format!("`{}` is already a value, not a table to add to", key.name),
        )
    })
}

/// A character TOML allows in strings and comments only escaped: the C0
/// controls but tab, and DEL.
fn is_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

/// `YYYY-MM-DD`.
fn is_date(b: &[u8]) -> bool {
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// A date, a time (`HH:MM`…) or both, by shape.
fn is_datetime(t: &str) -> bool {
    let b = t.as_bytes();
    let time = |b: &[u8]| b.len() >= 5 && b[2] == b':' && b[..2].iter().all(u8::is_ascii_digit);
    b.get(..10).is_some_and(is_date) || time(b)
}

/// Digits with single `_` between them, of `radix`.
fn digits(t: &str, radix: u32) -> Option<String> {
    let ok = !t.is_empty()
        && !t.starts_with('_')
        && !t.ends_with('_')
        && !t.contains("__")
        && t.chars().all(|c| c == '_' || c.is_digit(radix));
    ok.then(|| t.replace('_', ""))
}

fn integer(t: &str) -> Option<Value> {
    let radix = match t.get(..2) {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 10,
    };
    let (sign, body) = if radix == 10 {
        match t.as_bytes().first() {
            Some(b'-') => ("-", &t[1..]),
            Some(b'+') => ("", &t[1..]),
            _ => ("", t),
        }
    } else {
        ("", &t[2..])
    };
    let body = digits(body, radix)?;
    if radix == 10 && body.len() > 1 && body.starts_with('0') {
        return None;
    }
    i64::from_str_radix(&format!("{sign}{body}"), radix)
        .ok()
        .map(Value::Integer)
}

fn float(t: &str) -> Option<Value> {
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    if unsigned == "inf" || unsigned == "nan" {
        return text::decimal(t).map(Value::Float);
    }
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    if fraction.is_none() && exponent.is_none() {
        return None;
    }
    let whole = digits(whole, 10)?;
    if whole.len() > 1 && whole.starts_with('0') {
        return None;
    }
    let mut plain = format!("{}{whole}", if t.starts_with('-') { "-" } else { "" });
    if let Some(f) = fraction {
        plain = format!("{plain}.{}", digits(f, 10)?);
    }
    if let Some(e) = exponent {
        let (sign, e) = match e.as_bytes().first() {
            Some(b'-') => ("-", &e[1..]),
            Some(b'+') => ("", &e[1..]),
            _ => ("", e),
        };
        plain = format!("{plain}e{sign}{}", digits(e, 10)?);
    }
    text::decimal(&plain).map(Value::Float)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(src: &str, key: &str) -> Value {
        parse(src).unwrap().get(key).unwrap().value.clone()
    }

    #[test]
    fn strings_of_every_kind() {
        let s = |src: &str| match value(src, "s") {
            Value::String(s) => s,
            v => panic!("{v:?}"),
        };
        assert_eq!(
            s(r#"s = "a\tb\n\"q\" \u00e9 \U0001F600 \x41 \e""#),
            "a\tb\n\"q\" é 😀 A \u{1b}"
        );
        assert_eq!(s("s = 'C:\\path'"), "C:\\path");
        assert_eq!(
            s("s = \"\"\"\nline one\nline two\"\"\""),
            "line one\nline two"
        );
        assert_eq!(s("s = \"\"\"a \\\n    b\"\"\""), "a b");
        assert_eq!(s("s = \"\"\"\"quoted\"\"\"\"\""), "\"quoted\"\"");
        assert_eq!(s("s = '''\r\nraw \\n'''"), "raw \\n");
        assert_eq!(s("s = ''''one''''"), "'one'");
    }

    #[test]
    fn numbers_and_the_rest() {
        assert_eq!(value("n = +1_000", "n"), Value::Integer(1000));
        assert_eq!(value("n = 0xdead_BEEF", "n"), Value::Integer(0xdead_beef));
        assert_eq!(value("n = 0o755", "n"), Value::Integer(0o755));
        assert_eq!(value("n = 0b1010", "n"), Value::Integer(10));
        assert_eq!(
            value("n = -9223372036854775808", "n"),
            Value::Integer(i64::MIN)
        );
        assert_eq!(value("n = 6.25e-1", "n"), Value::Float(0.625));
        assert_eq!(value("n = -inf", "n"), Value::Float(f64::NEG_INFINITY));
        assert_eq!(value("b = true", "b"), Value::Boolean(true));
        assert_eq!(value("d = 1979-05-27 07:32:00Z", "d"), Value::Datetime);
        assert_eq!(value("d = 07:32:00", "d"), Value::Datetime);
    }

    #[test]
    fn refusals_say_what_and_where() {
        let e = |src: &str| parse(src).unwrap_err();
        let p = e("a = 1\na = 2\n");
        assert_eq!(
            (p.at.start, p.message.as_str()),
            (6, "`a` is defined twice")
        );
        let p = e("[t]\n[t]\n");
        assert_eq!(
            (p.at.start, p.message.as_str()),
            (5, "`t` is defined twice")
        );
        let p = e("a = 01");
        assert_eq!(
            (p.at, p.message.as_str()),
            (4..6, "`01` is not a TOML value")
        );
        let p = e("a = 99999999999999999999");
        assert!(p.message.contains("64 bits"), "{p:?}");
        let p = e("a = \"open\nb = 1");
        assert!(p.message.starts_with("unclosed string"), "{p:?}");
        let p = e("a = \"\\q\"");
        assert_eq!((p.at, p.message.as_str()), (5..7, "unknown escape `\\q`"));
        let p = e("a = [1 2]");
        assert_eq!(p.at.start, 7);
        let p = e("a = 1 b = 2");
        assert_eq!(p.at.start, 6);
        let deep = format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(e(&deep).message.contains("nested too deeply"));
    }
}

/// The reader against the `toml` crate: the same documents accepted, the
/// same values at the same places, the same documents refused.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod conformance {
    use super::*;
    use ::toml::de::{DeTable, DeValue};

    /// A document as sorted text: keys with their spans, scalars with
    /// theirs (tables and arrays without: where a table "is" differs
    /// between readers and no message points at one).
    fn ours(t: &Table) -> String {
        let mut entries: Vec<String> = t
            .entries
            .iter()
            .map(|(k, v)| format!("{:?}@{:?}={}", k.name, k.at, our_node(v)))
            .collect();
        entries.sort();
        format!("{{{}}}", entries.join(","))
    }

    fn our_node(n: &Node) -> String {
        match &n.value {
            Value::String(s) => format!("{s:?}@{:?}", n.at),
            Value::Integer(i) => format!("{i}@{:?}", n.at),
            Value::Float(f) => format!("{}@{:?}", float_text(*f), n.at),
            Value::Boolean(b) => format!("{b}@{:?}", n.at),
            Value::Datetime => format!("datetime@{:?}", n.at),
            Value::Array(a) => {
                let items: Vec<String> = a.items.iter().map(our_node).collect();
                format!("[{}]", items.join(","))
            }
            Value::Table(t) => ours(t),
        }
    }

    fn theirs(t: &DeTable<'_>) -> String {
        let mut entries: Vec<String> = t
            .iter()
            .map(|(k, v)| format!("{:?}@{:?}={}", k.get_ref(), k.span(), their_node(v)))
            .collect();
        entries.sort();
        format!("{{{}}}", entries.join(","))
    }

    fn their_node(n: &::toml::Spanned<DeValue<'_>>) -> String {
        let at = n.span();
        match n.get_ref() {
            DeValue::String(s) => format!("{s:?}@{at:?}"),
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(i) => format!("{i}@{at:?}"),
                Err(_) => "out of range".to_string(),
            },
            DeValue::Float(f) => format!("{}@{at:?}", float_text(f.as_str().parse().unwrap())),
            DeValue::Boolean(b) => format!("{b}@{at:?}"),
            DeValue::Datetime(_) => format!("datetime@{at:?}"),
            DeValue::Array(a) => {
                let items: Vec<String> = a.iter().map(their_node).collect();
                format!("[{}]", items.join(","))
            }
            DeValue::Table(t) => theirs(t),
        }
    }

    /// A float to 14 significant digits: this reader's floats may be an
    /// ulp or two off where toml's are exact (see `text::decimal`).
    fn float_text(f: f64) -> String {
        if f.is_nan() {
            "nan".to_string()
        } else {
            format!("{f:.13e}")
        }
    }

    /// Both readers' view of `src`: the tree, or where it was refused.
    fn both(src: &str) -> (Result<String, usize>, Result<String, usize>) {
        let mine = parse(src).map(|t| ours(&t)).map_err(|p| p.at.start);
        let reference = DeTable::parse(src)
            .map(|t| theirs(t.get_ref()))
            .map_err(|e| e.span().map_or(0, |s| s.start));
        let reference = match reference {
            // A 64-bit overflow is refused by this reader, read as text by
            // toml.
            Ok(t) if t.contains("out of range") => Err(0),
            // Date-times are recognised by shape, not checked: a bad one is
            // refused by toml as it is read, and by every pack key here.
            Err(_) if mine.as_ref().is_ok_and(|t| t.contains("datetime")) => mine.clone(),
            r => r,
        };
        (mine, reference)
    }

    const VALID: &[&str] = &[
        "",
        "# only a comment\n",
        "\u{FEFF}a = 1",
        "a = 1\r\nb = 'two'\r\n",
        "a.b.c = 1\na.b.d = 2\na.e = 3",
        "\"quoted key\" = 1\n'literal key' = 2\n\"\" = 3",
        "a . b = 1",
        "[t]\nx = 1\n[t.u]\ny = 2\n[v.w]\n[v]\nz = 3",
        "[[a]]\nx = 1\n[[a]]\nx = 2\n[a.b]\ny = 3\n[[a.c]]\nz = 4",
        "[fruit]\napple.color = 'red'\n[fruit.apple.texture]\nsmooth = true",
        "a = [1, 2, 3,]\nb = [\n  1, # one\n  'two',\n  [3.5, \"four\"],\n  { five = 5 },\n]\nc = []",
        "t = { a = 1, b.c = 2, d = { e = [] } }\nu = {}",
        "t = {\n  a = 1, # 1.1: newlines and comments\n  b = 2,\n}",
        "s = \"\\u00E9\\U0001F600\\b\\f\\r\\\\\\x7F\\e\"",
        "s = \"\"\"\n\n  two blank lines above\\\n    joined \\\n\n  here\"\"\"",
        "s = '''\nkeep \\ this'''\nt = '''''five quotes'''''",
        "s = \"\"\"\"\"\"\"\"",
        "i = [0, -0, +0, 1_2_3, 0x1_0] ",
        "i = [0xDEADbeef, 0o01234567, 0b1101, -9223372036854775808, 9223372036854775807]",
        "f = [0.0, -0.0, +1.5, 1e10, 1E-10, 6.626e-34, 1_000.000_1, 5e+22, inf, -inf, +inf, nan, -nan]",
        "d = [1979-05-27T07:32:00Z, 1979-05-27T00:32:00.999999-07:00, 1979-05-27 07:32:00, 1979-05-27, 07:32:00, 07:32]",
        "b = [true, false]\n",
        "a = 1 # trailing\n\n\n[t] # header comment\n",
        "[a.'b.c'.\"d\"]\nx = 1",
        "key = \"value\"\t\t# tabs\n\t[ tab . header ]\n\tx = 1",
        "name = \"acme\"\n[agent]\nname = \"Alex\"\n[rules.\"never-ask.generic-opener\"]\nseverity = \"error\"\nphrases = [\"what brings you here\"]\n[[custom]]\nid = \"custom.x\"\n[qa]\nweights = { \"qa.used-name\" = 2.5 }",
    ];

    const INVALID: &[&str] = &[
        "a",
        "a =",
        "a = 1 b = 2",
        "= 1",
        "a = 1\na = 2",
        "a = {}\na.b = 1",
        "[t]\n[t]",
        "a = 1\n[a]",
        "[a]\nb = 1\n[a.b]",
        "a = [1]\n[[a]]",
        "[[a]]\n[a]",
        "a.b = 1\n[a]",
        "[a",
        "[[a]",
        "[a]]",
        "[]",
        "a = \"open",
        "a = \"line\nbreak\"",
        "a = 'open",
        "a = \"\"\"open",
        "a = \"\\q\"",
        "a = \"\\u12\"",
        "a = \"\\uD800\"",
        "a = \"\\U00110000\"",
        "a = \"\\x4\"",
        "a = \"ctrl \u{1} char\"",
        "a = \"\"\"\\ x\"\"\"",
        "a = \"\"\"\"\"\"\"\"\"",
        "a = 01",
        "a = 1__0",
        "a = _1",
        "a = 1_",
        "a = +0x1",
        "a = 0X1",
        "a = 0x_1",
        "a = .5",
        "a = 5.",
        "a = 1e",
        "a = 1.e5",
        "a = 03.14",
        "a = Inf",
        "a = truee",
        "a = [1 2]",
        "a = [1,,2]",
        "a = { b = 1 c = 2 }",
        "a = { b = 1, b = 2 }",
        "a = 99999999999999999999",
        "a = 1\rb = 2",
        "# bad \u{7} comment",
        "bare key! = 1",
    ];

    #[test]
    fn reads_what_toml_reads() {
        for src in VALID {
            let (mine, reference) = both(src);
            assert!(reference.is_ok(), "toml refuses {src:?}: {reference:?}");
            assert_eq!(mine, reference, "{src:?}");
        }
    }

    #[test]
    fn refuses_what_toml_refuses() {
        for src in INVALID {
            let (mine, reference) = both(src);
            assert!(reference.is_err(), "toml reads {src:?}");
            assert!(mine.is_err(), "read {src:?}: {mine:?}");
        }
    }

    #[test]
    fn agrees_with_toml_on_damaged_documents() {
        // Every valid document with each one character cut out, replaced by
        // a character that matters to TOML, or with one inserted: both read
        // it the same, or both refuse it.
        let mut disagreements = Vec::new();
        let marks = [
            "", "\"", "'", "[", "]", "{", "}", "=", ".", ",", "#", "\n", " ", "\\", "0", "_", "e",
            "-", ":",
        ];
        for src in VALID {
            for i in (0..=src.len()).filter(|&i| src.is_char_boundary(i)) {
                let end = src[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                for (mark, cut) in marks.iter().flat_map(|m| [(m, end), (m, i)]) {
                    let doc = format!("{}{mark}{}", &src[..i], &src[cut..]);
                    let (mine, reference) = both(&doc);
                    if mine.is_ok() != reference.is_ok() || (mine.is_ok() && mine != reference) {
                        disagreements
                            .push(format!("{doc:?}\n  ours: {mine:?}\n  toml: {reference:?}"));
                    }
                }
            }
        }
        assert!(
            disagreements.is_empty(),
            "{} disagreements, e.g.\n{}",
            disagreements.len(),
            disagreements[..disagreements.len().min(15)].join("\n")
        );
    }
}
