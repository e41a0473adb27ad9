//! The audit line format (CONTRACT §3 and §6.13): one conversation as one
//! JSON object per line.
//!
//! This is the only reader of that format. The command line and the browser's
//! QA page both call [`parse_line`], so they accept the same lines and refuse
//! the same lines with the same words: each [`LineError`] names the field as a
//! JSON path (`messages[1].role`) and says what is wrong and, where it can,
//! why (`invalid timestamp "2026-02-30T09:01:00Z" (day out of range)`).
//!
//! The line is deserialised in one pass (no generic JSON tree), into shapes
//! that remember what kind of value stood where a wanted one was missing;
//! the checks that follow are what know the path of every value, and they
//! are where the error wording lives.

use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::{Conversation, LineError, Message, Role};

/// The longest line an audit reader accepts, in bytes. A conversation is a
/// few kilobytes; a line past this is refused without being held in memory
/// whole (see the command line's line reader), so one runaway line cannot
/// make an audit's memory grow with it.
pub const MAX_LINE_BYTES: usize = 4 << 20;

const BOM: char = '\u{FEFF}';

impl LineError {
    /// An error about the line as a whole (no field to name).
    pub fn whole(message: impl Into<String>) -> LineError {
        LineError {
            field: None,
            message: message.into(),
        }
    }

    /// An error about the field at JSON path `field`.
    pub fn at(field: impl Into<String>, message: impl Into<String>) -> LineError {
        LineError {
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// The error for a line longer than [`MAX_LINE_BYTES`]; `seen` is how
    /// many bytes it had when the reader stopped counting.
    pub fn too_long(seen: usize) -> LineError {
        LineError::whole(format!(
            "line too long ({seen} bytes; the limit is {} bytes)",
            MAX_LINE_BYTES
        ))
    }
}

/// Whether `line` holds nothing to read (only whitespace and maybe a
/// byte-order mark): such lines are skipped, not refused.
pub fn is_blank(line: &str) -> bool {
    line.trim_matches(|c: char| c == BOM || c.is_whitespace())
        .is_empty()
}

/// The text of one raw line of bytes, or why it is not UTF-8 (with the
/// 1-based column, in characters, of the first bad byte).
pub fn line_text(bytes: &[u8]) -> Result<&str, LineError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // The prefix is valid by definition; count its characters.
        let column = std::str::from_utf8(good).map_or(0, |s| s.chars().count()) + 1;
        let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
        LineError::whole(format!(
            "invalid UTF-8 (byte 0x{byte:02x} at column {column})"
        ))
    })
}

/// One raw line of an audit file (without its `\n`), as every reader takes
/// it (the command line and the browser's QA page): refused when longer than
/// [`MAX_LINE_BYTES`] or not UTF-8, skipped (`Ok(None)`) when blank, else
/// read by [`parse_line`].
pub fn read_line(bytes: &[u8]) -> Result<Option<Conversation>, LineError> {
    if bytes.len() > MAX_LINE_BYTES {
        return Err(LineError::too_long(bytes.len()));
    }
    let text = line_text(bytes)?;
    if is_blank(text) {
        return Ok(None);
    }
    parse_line(text).map(Some)
}

/// Reads one line of an audit file into a [`Conversation`].
///
/// A leading byte-order mark and a trailing `\r` or `\n` are tolerated,
/// unknown keys are ignored. `id` (a string) and `messages` (an array) are
/// required; `summary` and each message's `at` may be missing or null. A
/// timestamp must be RFC 3339 with an offset and a real calendar date.
pub fn parse_line(line: &str) -> Result<Conversation, LineError> {
    let (text, bom) = match line.strip_prefix(BOM) {
        Some(rest) => (rest, 1),
        None => (line, 0),
    };
    if is_blank(text) {
        return Err(LineError::whole("empty line"));
    }
    let raw: Got<RawLine> = serde_json::from_str(text).map_err(|e| json_error(text, &e, bom))?;
    let raw = match raw {
        Got::Value(raw) => raw,
        other => {
            return Err(LineError::whole(format!(
                "expected a JSON object, got {}",
                other.kind()
            )))
        }
    };
    let id = raw.id.required(&Field::Top("id"))?;
    let summary = raw.summary.optional(&Field::Top("summary"))?;
    let messages = match raw.messages {
        Got::Value(messages) => messages,
        other => return Err(other.problem(&Field::Top("messages"), "array")),
    };
    let messages = messages
        .into_iter()
        .enumerate()
        .map(|(i, m)| message(i, m))
        .collect::<Result<_, _>>()?;
    Ok(Conversation {
        id,
        summary,
        messages,
    })
}

fn message(i: usize, raw: Got<RawMessage>) -> Result<Message, LineError> {
    let raw = match raw {
        Got::Value(raw) => raw,
        other => return Err(other.problem(&Field::Message(i, None), "object")),
    };
    let field = |name| Field::Message(i, Some(name));
    let role = match raw.role.required(&field("role"))?.as_str() {
        "customer" => Role::Customer,
        "ai" => Role::Ai,
        "agent" => Role::Agent,
        other => {
            return Err(LineError::at(
                field("role").to_string(),
                format!(
                    "unknown role {} (expected customer, ai or agent)",
                    quoted(other)
                ),
            ))
        }
    };
    let text = raw.text.required(&field("text"))?;
    let at = match raw.at.optional(&field("at"))? {
        None => None,
        Some(at) => Some(seconds(&at).map_err(|why| {
            LineError::at(
                field("at").to_string(),
                format!("invalid timestamp {} ({why})", quoted(&at)),
            )
        })?),
    };
    Ok(Message { role, text, at })
}

/// Where a value sits in the line, as error messages name it. Built for
/// every field but only written out for a bad one, so a good line costs no
/// formatting.
enum Field {
    /// A key of the line's object.
    Top(&'static str),
    /// `messages[i]`, or a key of it.
    Message(usize, Option<&'static str>),
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Field::Top(key) => f.write_str(key),
            Field::Message(i, None) => write!(f, "messages[{i}]"),
            Field::Message(i, Some(key)) => write!(f, "messages[{i}].{key}"),
        }
    }
}

// The line is deserialised in one pass into the shapes below. Every value is
// a `Got`: what was wanted, or which JSON kind came instead, or that the key
// was missing. That keeps serde's speed (no generic JSON tree is built) and
// leaves the wording of every error to this module, in the order the fields
// are checked above, whatever order the keys come in.

/// A value as found: the wanted shape, or what was there instead.
#[derive(Debug, Default)]
enum Got<T> {
    /// The key is absent.
    #[default]
    Missing,
    /// `null`.
    Null,
    /// Some other kind of JSON value: its name.
    Wrong(&'static str),
    /// The wanted shape.
    Value(T),
}

impl<T> Got<T> {
    /// The JSON kind this stands for, as error messages name it.
    fn kind(&self) -> &'static str {
        match self {
            Got::Missing => "nothing",
            Got::Null => "null",
            Got::Wrong(kind) => kind,
            Got::Value(_) => "the wanted kind",
        }
    }

    /// The error for a value that is not a `want`.
    fn problem(&self, field: &Field, want: &str) -> LineError {
        match self {
            Got::Missing => LineError::at(field.to_string(), "required field missing"),
            other => LineError::at(
                field.to_string(),
                format!("expected {want}, got {}", other.kind()),
            ),
        }
    }
}

impl Got<String> {
    /// A field that must be a string: missing is its own error, and null is
    /// a wrong kind (the key is there, its value is not a string).
    fn required(self, field: &Field) -> Result<String, LineError> {
        match self {
            Got::Value(s) => Ok(s),
            other => Err(other.problem(field, "string")),
        }
    }

    /// A field that may be missing or null.
    fn optional(self, field: &Field) -> Result<Option<String>, LineError> {
        match self {
            Got::Value(s) => Ok(Some(s)),
            Got::Missing | Got::Null => Ok(None),
            other => Err(other.problem(field, "string")),
        }
    }
}

#[derive(Deserialize)]
struct RawLine {
    #[serde(default)]
    id: Got<String>,
    #[serde(default)]
    summary: Got<String>,
    #[serde(default)]
    messages: Got<Vec<Got<RawMessage>>>,
}

#[derive(Deserialize)]
struct RawMessage {
    #[serde(default)]
    role: Got<String>,
    #[serde(default)]
    text: Got<String>,
    #[serde(default)]
    at: Got<String>,
}

/// How a wanted shape is read from the JSON value found in its place; each
/// shape takes the one kind it wants and leaves the rest to [`Got`].
trait Shape: Sized {
    fn from_string(_: String) -> Option<Self> {
        None
    }

    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        IgnoredAny::deserialize(MapAccessDeserializer::new(map)).map(|_| None)
    }
}

impl Shape for String {
    fn from_string(s: String) -> Option<Self> {
        Some(s)
    }
}

impl<T: Shape> Shape for Vec<Got<T>> {
    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element::<Got<T>>()? {
            items.push(item);
        }
        Ok(Some(items))
    }
}

impl Shape for RawLine {
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        RawLine::deserialize(MapAccessDeserializer::new(map)).map(Some)
    }
}

impl Shape for RawMessage {
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        RawMessage::deserialize(MapAccessDeserializer::new(map)).map(Some)
    }
}

impl<'de, T: Shape> Deserialize<'de> for Got<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(GotVisitor(PhantomData))
    }
}

struct GotVisitor<T>(PhantomData<T>);

impl<'de, T: Shape> Visitor<'de> for GotVisitor<T> {
    type Value = Got<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Got<T>, E> {
        Ok(Got::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Got<T>, E> {
        Ok(Got::Null)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Got<T>, E> {
        Ok(Got::Wrong("boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Got<T>, E> {
        Ok(Got::Wrong("number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Got<T>, E> {
        Ok(Got::Wrong("number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Got<T>, E> {
        Ok(Got::Wrong("number"))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Got<T>, E> {
        self.visit_string(s.to_string())
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Got<T>, E> {
        Ok(T::from_string(s).map_or(Got::Wrong("string"), Got::Value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Got<T>, A::Error> {
        Ok(T::from_seq(seq)?.map_or(Got::Wrong("array"), Got::Value))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Got<T>, A::Error> {
        Ok(T::from_map(map)?.map_or(Got::Wrong("object"), Got::Value))
    }
}

/// `s` in double quotes, shortened so one error stays one readable line.
fn quoted(s: &str) -> String {
    const MAX: usize = 60;
    let mut out: String = s.chars().take(MAX).collect();
    if s.chars().nth(MAX).is_some() {
        out.push('…');
    }
    serde_json::to_string(&out).unwrap_or(out)
}

/// Seconds since the Unix epoch (fractions kept) of an RFC 3339 timestamp,
/// or why it is not one. The parse is a real calendar parse: 30 February
/// has the shape of a date but is refused.
pub fn seconds(at: &str) -> Result<f64, String> {
    let ts: jiff::Timestamp = at
        .trim()
        .parse()
        .map_err(|e: jiff::Error| timestamp_reason(&e.to_string()))?;
    Ok(ts.as_second() as f64 + f64::from(ts.subsec_nanosecond()) / 1e9)
}

/// A short reason from jiff's error chain: the out-of-range part when there
/// is one ("day out of range"), else what was missing.
fn timestamp_reason(jiff: &str) -> String {
    if let Some(rest) = jiff.split("parameter '").nth(1) {
        if let Some(name) = rest.split('\'').next() {
            return format!("{name} out of range");
        }
    }
    if jiff.contains("offset") {
        "missing UTC offset".into()
    } else if jiff.contains("time component") {
        "missing time of day".into()
    } else {
        "not an RFC 3339 timestamp".into()
    }
}

/// A JSON syntax error with its column in characters of the original line.
fn json_error(text: &str, e: &serde_json::Error, bom: usize) -> LineError {
    let message = e.to_string();
    // serde_json appends " at line L column C"; the line is always 1 here and
    // the column is given in characters below, so the suffix goes.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    let (what, column) = if e.classify() == serde_json::error::Category::Eof {
        let open = match message {
            m if m.contains("object") => " (object not closed)",
            m if m.contains("list") => " (array not closed)",
            m if m.contains("string") => " (string not closed)",
            _ => " (value expected)",
        };
        (
            format!("unexpected end of line{open}"),
            text.chars().count() + 1,
        )
    } else {
        // serde_json's column is the 1-based byte column of the offending
        // byte; count the characters before it instead.
        let mut at = e.column().saturating_sub(1).min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        (message.to_string(), text[..at].chars().count() + 1)
    };
    LineError::whole(format!("invalid JSON: {what} at column {}", column + bom))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &str) -> String {
        parse_line(line)
            .expect_err("line should be refused")
            .to_string()
    }

    #[test]
    fn reads_a_good_line_and_ignores_unknown_keys() {
        let c = parse_line(
            r#"{"id":"c-1","summary":"Customer: Sarah","extra":[1],"messages":[{"role":"customer","text":"hi","at":"2026-03-02T10:15:00.5+01:00","x":1},{"role":"agent","text":"hello"}]}"#,
        )
        .unwrap();
        assert_eq!(c.id, "c-1");
        assert_eq!(c.summary.as_deref(), Some("Customer: Sarah"));
        assert_eq!(c.messages.len(), 2);
        assert_eq!(c.messages[0].role, Role::Customer);
        assert_eq!(c.messages[0].at, Some(1_772_442_900.5));
        assert_eq!(c.messages[1].at, None);
    }

    #[test]
    fn tolerates_bom_crlf_and_null_optionals() {
        let c = parse_line("\u{FEFF}{\"id\":\"a\",\"summary\":null,\"messages\":[{\"role\":\"ai\",\"text\":\"t\",\"at\":null}]}\r")
            .unwrap();
        assert_eq!(c.summary, None);
        assert_eq!(c.messages[0].at, None);
    }

    #[test]
    fn names_the_field_and_the_kinds() {
        assert_eq!(err(r#"{"id":"a"}"#), "messages: required field missing");
        assert_eq!(err(r#"{"messages":[]}"#), "id: required field missing");
        assert_eq!(
            err(r#"{"id":7,"messages":[]}"#),
            "id: expected string, got number"
        );
        assert_eq!(
            err(r#"{"id":"a","summary":["x"],"messages":[]}"#),
            "summary: expected string, got array"
        );
        assert_eq!(
            err(r#"{"id":"a","messages":{}}"#),
            "messages: expected array, got object"
        );
        assert_eq!(
            err(r#"{"id":"a","messages":["hi"]}"#),
            "messages[0]: expected object, got string"
        );
        assert_eq!(
            err(r#"{"id":"a","messages":[{"role":"customer","text":null}]}"#),
            "messages[0].text: expected string, got null"
        );
        assert_eq!(
            err(r#"{"id":"a","messages":[{"role":"customer"}]}"#),
            "messages[0].text: required field missing"
        );
        assert_eq!(
            err(r#"{"id":"a","messages":[{"role":"agent","text":""},{"role":"bot","text":""}]}"#),
            r#"messages[1].role: unknown role "bot" (expected customer, ai or agent)"#
        );
        assert_eq!(err(r#"[1]"#), "expected a JSON object, got array");
        assert_eq!(err("null"), "expected a JSON object, got null");
        assert_eq!(err("\"c-1\""), "expected a JSON object, got string");
        assert_eq!(
            err(r#"{"id":null,"messages":[]}"#),
            "id: expected string, got null"
        );
        assert_eq!(
            err(r#"{"id":"a","messages":null}"#),
            "messages: expected array, got null"
        );
        assert_eq!(
            err(r#"{"id":"a","messages":[{"role":true,"text":""}]}"#),
            "messages[0].role: expected string, got boolean"
        );
        assert_eq!(
            err(r#"{"id":"a","messages":[{"role":"ai","text":"","at":{"t":1}}]}"#),
            "messages[0].at: expected string, got object"
        );
        assert_eq!(err("  "), "empty line");
    }

    #[test]
    fn fields_are_checked_in_one_order_whatever_the_key_order() {
        // The id is checked before the messages even when it comes last.
        assert_eq!(
            err(r#"{"messages":[{"role":"bot","text":""}],"id":5}"#),
            "id: expected string, got number"
        );
        assert_eq!(
            err(r#"{"messages":[{"text":"","role":"bot"}],"summary":1,"id":"a"}"#),
            "summary: expected string, got number"
        );
    }

    #[test]
    fn deeply_nested_values_cost_no_stack() {
        // Values that are skipped are skipped without recursion, so nesting
        // as deep as a line allows cannot overflow the stack.
        let deep = "[".repeat(200_000) + &"]".repeat(200_000);
        assert!(parse_line(&format!(r#"{{"id":"a","x":{deep},"messages":[]}}"#)).is_ok());
        assert_eq!(
            err(&format!(r#"{{"id":"a","messages":[{deep}]}}"#)),
            "messages[0]: expected object, got array"
        );
        assert_eq!(
            err(&format!(r#"{{"id":{deep},"messages":[]}}"#)),
            "id: expected string, got array"
        );
    }

    #[test]
    fn timestamps_need_a_real_calendar_date_and_an_offset() {
        let line = |at: &str| {
            format!(r#"{{"id":"a","messages":[{{"role":"agent","text":"x","at":"{at}"}}]}}"#)
        };
        assert_eq!(
            err(&line("2026-02-30T09:01:00Z")),
            r#"messages[0].at: invalid timestamp "2026-02-30T09:01:00Z" (day out of range)"#
        );
        assert!(err(&line("2026-03-01T09:01:00")).ends_with("(missing UTC offset)"));
        assert!(err(&line("2026-13-01T09:01:00Z")).ends_with("(month out of range)"));
        assert!(err(&line("yesterday")).ends_with("(not an RFC 3339 timestamp)"));
        // Mixed offsets and fractions: conv05's 78.5 s.
        let a = seconds("2026-03-05T22:58:12.250Z").unwrap();
        let b = seconds("2026-03-05T23:59:30.750+01:00").unwrap();
        assert_eq!(b - a, 78.5);
    }

    #[test]
    fn json_errors_give_a_column_in_characters() {
        assert_eq!(err(r#"{"a" 1}"#), "invalid JSON: expected `:` at column 6");
        assert_eq!(
            err(r#"{"é": tru}"#),
            "invalid JSON: expected ident at column 10"
        );
        assert_eq!(
            err(r#"{"a": 1"#),
            "invalid JSON: unexpected end of line (object not closed) at column 8"
        );
        assert_eq!(
            err("\u{FEFF}{\"a\" 1}"),
            "invalid JSON: expected `:` at column 7"
        );
    }

    #[test]
    fn invalid_utf8_names_the_column() {
        let e = line_text(b"{\"id\": \"\xc3\xa9\xff\"}").unwrap_err();
        assert_eq!(e.to_string(), "invalid UTF-8 (byte 0xff at column 10)");
        assert_eq!(line_text(b"ok").unwrap(), "ok");
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        let role = "r".repeat(500);
        let e = err(&format!(
            r#"{{"id":"a","messages":[{{"role":"{role}","text":""}}]}}"#
        ));
        assert!(e.len() < 200, "{e}");
    }
}
