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
///
/// Besides RFC 3339 itself (`2026-03-02T10:15:00.5+01:00`), what ISO 8601
/// and its Temporal profile allow is accepted too, as before: `t` or a space
/// for the `T`, `z` for the `Z`, a time without seconds or minutes, the
/// basic forms without `-` and `:`, a fraction after `,`, offsets with
/// seconds, a leap second (read as the second before it) and `[…]`
/// annotations after the offset. A hand parse rather than a date-time
/// crate: this is all the audit needs from dates, and such a crate's time
/// zone and formatting code would weigh more in the wasm than the audit.
pub fn seconds(at: &str) -> Result<f64, String> {
    const NOT: &str = "not an RFC 3339 timestamp";
    let mut p = Reader(at.trim().as_bytes());
    let year = match p.0.first() {
        Some(&sign @ (b'+' | b'-')) => {
            p.0 = &p.0[1..];
            let year = i64::from(p.digits(6).ok_or(NOT)?);
            if sign == b'-' && year == 0 {
                return Err(NOT.into());
            }
            if sign == b'-' {
                -year
            } else {
                year
            }
        }
        _ => i64::from(p.digits(4).ok_or(NOT)?),
    };
    let extended = p.eat(b"-");
    let month = p.digits(2).ok_or(NOT)?;
    if extended && !p.eat(b"-") {
        return Err(NOT.into());
    }
    let day = p.digits(2).ok_or(NOT)?;
    if p.0.is_empty() {
        return Err("missing time of day".into());
    }
    if !p.eat(b"Tt ") {
        return Err(NOT.into());
    }
    let hour = p.digits(2).ok_or(NOT)?;
    let [minute, second] = p.minutes_seconds().ok_or(NOT)?;
    let mut nanos = 0;
    if second.is_some() && p.eat(b".,") {
        let mut n = 0;
        while let Some(d) = p.digit() {
            if n == 9 {
                return Err(NOT.into());
            }
            nanos = nanos * 10 + d;
            n += 1;
        }
        if n == 0 {
            return Err(NOT.into());
        }
        nanos *= 10u32.pow(9 - n);
    }
    let offset = if p.eat(b"Zz") {
        0
    } else if let Some(&sign @ (b'+' | b'-')) = p.0.first() {
        p.0 = &p.0[1..];
        let hours = p.digits(2).ok_or(NOT)?;
        let [minutes, seconds] = p.minutes_seconds().ok_or(NOT)?;
        let (minutes, seconds) = (minutes.unwrap_or(0), seconds.unwrap_or(0));
        in_range("offset hour", hours, 0, 25)?;
        in_range("offset minute", minutes, 0, 59)?;
        in_range("offset second", seconds, 0, 59)?;
        let offset = i64::from(hours * 3600 + minutes * 60 + seconds);
        if sign == b'-' {
            -offset
        } else {
            offset
        }
    } else if p.0.is_empty() || p.0[0] == b'[' {
        return Err("missing UTC offset".into());
    } else {
        return Err(NOT.into());
    };
    // Annotations (`[Europe/Paris]`, `[u-ca=iso8601]`) add nothing to an
    // instant that already has its offset; only the first may be a zone.
    let mut first = true;
    while p.eat(b"[") {
        let close = p.0.iter().position(|&b| b == b']').ok_or(NOT)?;
        let body = &p.0[..close];
        let body = body.strip_prefix(b"!").unwrap_or(body);
        if body.is_empty() || !(first || body.contains(&b'=')) {
            return Err(NOT.into());
        }
        first = false;
        p.0 = &p.0[close + 1..];
    }
    if !p.0.is_empty() {
        return Err(NOT.into());
    }
    if !(-9999..=9999).contains(&year) {
        return Err("year out of range".into());
    }
    in_range("month", month, 1, 12)?;
    in_range("day", day, 1, days_in_month(year, month))?;
    in_range("hour", hour, 0, 23)?;
    let (minute, second) = (minute.unwrap_or(0), second.unwrap_or(0));
    in_range("minute", minute, 0, 59)?;
    in_range("second", second, 0, 60)?;
    // A leap second is read as the second before it.
    let second = second.min(59);
    let days = days_from_civil(year, month, day);
    let whole = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset;
    // The instants a timestamp of years -9999 to 9999 holds in any offset
    // (jiff's range, which the CLI had): -009999-01-02T01:59:59Z to
    // 9999-12-30T22:00:00.999999999Z.
    let first = days_from_civil(-9999, 1, 2) * 86_400 + 7_199;
    let last = days_from_civil(9999, 12, 30) * 86_400 + 79_200;
    if !(first..=last).contains(&whole) {
        return Err("out of range".into());
    }
    // Whole seconds and the rest toward zero, as a timestamp's parts.
    let nanos = i128::from(whole) * 1_000_000_000 + i128::from(nanos);
    Ok((nanos / 1_000_000_000) as f64 + (nanos % 1_000_000_000) as f64 / 1e9)
}

/// What is left of a timestamp being read.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn digit(&mut self) -> Option<u32> {
        let (&b, rest) = self.0.split_first()?;
        let d = char::from(b).to_digit(10)?;
        self.0 = rest;
        Some(d)
    }

    fn digits(&mut self, n: usize) -> Option<u32> {
        (0..n).try_fold(0, |v, _| Some(v * 10 + self.digit()?))
    }

    /// Eats one of `any_of`, if it comes next.
    fn eat(&mut self, any_of: &[u8]) -> bool {
        match self.0.split_first() {
            Some((b, rest)) if any_of.contains(b) => {
                self.0 = rest;
                true
            }
            _ => false,
        }
    }

    /// The optional minutes and seconds after an hour: `:MM:SS`, `:MM`,
    /// `MMSS`, `MM` or nothing.
    fn minutes_seconds(&mut self) -> Option<[Option<u32>; 2]> {
        let extended = self.eat(b":");
        if !extended && !self.0.first().is_some_and(u8::is_ascii_digit) {
            return Some([None, None]);
        }
        let minutes = self.digits(2)?;
        let more = if extended {
            self.eat(b":")
        } else {
            self.0.first().is_some_and(u8::is_ascii_digit)
        };
        let seconds = if more { Some(self.digits(2)?) } else { None };
        Some([Some(minutes), seconds])
    }
}

fn in_range(what: &str, value: u32, low: u32, high: u32) -> Result<(), String> {
    if (low..=high).contains(&value) {
        Ok(())
    } else {
        Err(format!("{what} out of range"))
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`, exact for every year).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
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

    #[test]
    fn timestamps_name_what_is_wrong() {
        let why = |at: &str| seconds(at).unwrap_err();
        assert_eq!(why("2026-03-02"), "missing time of day");
        assert_eq!(
            why("2026-03-02T10:15:00[Europe/Paris]"),
            "missing UTC offset"
        );
        assert_eq!(why("2026-03-02T24:00:00Z"), "hour out of range");
        assert_eq!(why("2026-03-02T10:60:00Z"), "minute out of range");
        assert_eq!(why("2026-03-02T10:15:61Z"), "second out of range");
        assert_eq!(why("2026-03-02T10:15:00+26:00"), "offset hour out of range");
        assert_eq!(why("2023-02-29T10:15:00Z"), "day out of range");
        assert_eq!(why("9999-12-31T10:15:00Z"), "out of range");
        assert_eq!(
            why("2026-03-02T10:15:00.1234567890Z"),
            "not an RFC 3339 timestamp"
        );
        assert_eq!(seconds("1970-01-01T00:00:00Z"), Ok(0.0));
        assert_eq!(seconds("2024-02-29T00:00:60+00:00"), Ok(1_709_164_859.0));
    }

    /// The CLI parsed timestamps with jiff before: the hand parse accepts
    /// and refuses the same strings, at the same instants, over a grid of
    /// the forms RFC 3339, ISO 8601 and Temporal allow and near misses.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn accepts_and_refuses_what_jiff_did() {
        let dates = [
            "2026-03-02",
            "2024-02-29",
            "2026-02-29",
            "1900-02-29",
            "2000-02-29",
            "1969-12-31",
            "20260302",
            "2026-3-2",
            "2026-0302",
            "202603-02",
            "+002026-03-02",
            "-002026-03-02",
            "-000000-01-01",
            "+010000-01-01",
            "0000-01-01",
            "9999-12-31",
            "9999-12-30",
            "-009999-01-02",
            "-009999-01-01",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
        ];
        let seps = ["T", "t", " ", "_", ""];
        let times = [
            "10:15:00",
            "10:15",
            "10",
            "101500",
            "1015",
            "10:1500",
            "1015:00",
            "10:15:00.5",
            "10:15:00,25",
            "10:15:00.123456789",
            "10:15:00.1234567891",
            "10:15:00.",
            "10:15.5",
            "10.5",
            "10:15:60",
            "23:59:59.999999999",
            "00:00:00",
            "01:59:59",
            "22:00:00",
            "24:00:00",
            "10:60:00",
            "25:00:00",
        ];
        let offsets = [
            "Z",
            "z",
            "+01:00",
            "-01:00",
            "+0100",
            "+01",
            "+01:00:30",
            "+24:00",
            "+23:59",
            "-00:00",
            "+2600",
            "+01:60",
            "+01:00:30:00",
            "",
            " Z",
            "Z[Europe/Paris]",
            "+01:00[Europe/Paris]",
            "[UTC]",
            "[x]",
            "Z[]",
            "Z[a][b]",
            "Z[UTC][u-ca=iso8601]",
            "Z[!UTC]",
        ];
        let mut differ = Vec::new();
        let mut accepted = 0;
        for d in dates {
            for sep in seps {
                for t in times {
                    for o in offsets {
                        let at = format!("{d}{sep}{t}{o}");
                        let jiff = at.trim().parse::<jiff::Timestamp>().map(|ts| {
                            ts.as_second() as f64 + f64::from(ts.subsec_nanosecond()) / 1e9
                        });
                        let ours = seconds(&at);
                        accepted += usize::from(ours.is_ok());
                        if jiff.as_ref().ok() != ours.as_ref().ok() {
                            differ.push(format!("{at:?}: jiff {jiff:?}, ours {ours:?}"));
                        }
                    }
                }
            }
        }
        assert!(
            differ.is_empty(),
            "{} differ:\n{}",
            differ.len(),
            differ[..differ.len().min(20)].join("\n")
        );
        assert!(accepted > 5_000, "{accepted}");
    }
}
