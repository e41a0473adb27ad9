//! Dumps: a bot platform's JSON, a Python `repr` of a dict, a JavaScript
//! object literal or a Ruby hash, read as labelled pairs.
//!
//! One tolerant parser reads all of them: keys in double, single or no
//! quotes, `:` `=` or `=>` between key and value, `True`/`None` as well as
//! `true`/`null`, trailing commas. Every scalar becomes a pair labelled with
//! its dotted path as written (`customer.name`), and the keys around it are
//! kept, so the synonym table can read "name" under "customer" as the
//! customer's name ([`super::labels::meaning_in`]). An array of scalars
//! (`orders`, `ai_actions`) is one pair with one part per element.
//!
//! Anything that does not parse to its closing bracket is not a dump: the
//! caller reads it as lines instead, so a truncated dump still yields its
//! `"key": "value"` lines.

use super::flatten::Pair;
use super::labels::meaning_in;
use super::markup::decode_entities;

/// Nesting deeper than this is not a card: give up rather than recurse.
const MAX_DEPTH: usize = 48;

/// Parses the dump that starts at the beginning of `text` (with `{` or `[`),
/// returning its pairs and how many bytes it used, or, when it is not a
/// dump, how far the parser read before it gave up.
pub(crate) fn parse(text: &str) -> Result<(Vec<Pair>, usize), usize> {
    let mut p = Parser {
        s: text,
        pos: 0,
        path: Vec::new(),
        out: Vec::new(),
    };
    p.ws();
    if !p.s[p.pos..].starts_with(['{', '[']) {
        return Err(p.pos);
    }
    match p.value("", 0) {
        Some(_) => Ok((p.out, p.pos)),
        None => Err(p.pos),
    }
}

struct Parser<'a> {
    s: &'a str,
    pos: usize,
    /// Keys of the objects around the current value, outermost first.
    path: Vec<String>,
    out: Vec<Pair>,
}

/// A parsed value, as far as the caller needs to know.
enum Value {
    /// A string, number or boolean, as text.
    Scalar(String),
    /// `null`, `None`, `nil`: nothing known.
    Null,
    /// An object or array, already emitted as pairs.
    Nested,
}

impl<'a> Parser<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Skips whitespace and `#` / `//` comments.
    fn ws(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.starts_with("//") || trimmed.starts_with('#') {
                self.pos += trimmed.find('\n').unwrap_or(trimmed.len());
            } else {
                return;
            }
        }
    }

    fn value(&mut self, key: &str, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match self.peek()? {
            '{' => {
                self.bump();
                self.object(key, depth)?;
                Some(Value::Nested)
            }
            '[' | '(' => {
                let close = if self.bump()? == '[' { ']' } else { ')' };
                self.array(key, close, depth)?;
                Some(Value::Nested)
            }
            '"' | '\'' | '`' => self.string().map(Value::Scalar),
            _ => {
                let end = self
                    .rest()
                    .find([',', '}', ']', ')', '\n'])
                    .unwrap_or(self.rest().len());
                let word = self.rest()[..end].trim();
                self.pos += end;
                if word.is_empty() {
                    return None;
                }
                Some(match word {
                    "null" | "None" | "nil" | "undefined" | "NULL" => Value::Null,
                    "True" | "TRUE" => Value::Scalar("true".into()),
                    "False" | "FALSE" => Value::Scalar("false".into()),
                    _ => Value::Scalar(word.to_string()),
                })
            }
        }
    }

    fn object(&mut self, outer_key: &str, depth: usize) -> Option<()> {
        if !outer_key.is_empty() {
            self.path.push(outer_key.to_string());
        }
        // The object's own scalars, for a field written as a name and a
        // value (below).
        let mut scalars: Vec<(String, String)> = Vec::new();
        loop {
            self.ws();
            match self.peek()? {
                '}' => {
                    self.bump();
                    break;
                }
                ',' | ';' => {
                    self.bump();
                    continue;
                }
                _ => {}
            }
            let key = self.key()?;
            self.ws();
            let rest = self.rest();
            if rest.starts_with("=>") {
                self.pos += 2;
            } else if rest.starts_with([':', '=']) {
                self.pos += 1;
            } else {
                return None;
            }
            if let Value::Scalar(v) = self.value(&key, depth + 1)? {
                self.emit(&key, vec![v.clone()]);
                if scalars.len() < 8 {
                    scalars.push((key, v));
                }
            }
        }
        // `{"title": "Order number", "value": "DE-20045"}`: helpdesks write
        // their custom fields as objects of a name and a value; the name is
        // the value's label.
        let named = |keys: &[&str]| {
            scalars
                .iter()
                .find(|(k, _)| keys.iter().any(|n| k.eq_ignore_ascii_case(n)))
                .map(|(_, v)| v.clone())
        };
        if scalars.len() <= 4 {
            if let (Some(label), Some(value)) = (
                named(&["title", "name", "label", "key", "field", "attribute"]),
                named(&["value", "val", "content", "answer"]),
            ) {
                self.emit(&label, vec![value]);
            }
        }
        if !outer_key.is_empty() {
            self.path.pop();
        }
        Some(())
    }

    fn array(&mut self, key: &str, close: char, depth: usize) -> Option<()> {
        let mut items = Vec::new();
        loop {
            self.ws();
            match self.peek()? {
                c if c == close => {
                    self.bump();
                    break;
                }
                ',' => {
                    self.bump();
                    continue;
                }
                _ => {}
            }
            let before = self.pos;
            if let Value::Scalar(v) = self.value(key, depth + 1)? {
                items.push(v);
            }
            if self.pos == before {
                return None;
            }
        }
        if !items.is_empty() {
            self.emit(key, items);
        }
        Some(())
    }

    fn key(&mut self) -> Option<String> {
        match self.peek()? {
            '"' | '\'' | '`' => self.string(),
            ':' => {
                // A Ruby symbol key (`:name => …`).
                self.bump();
                self.key()
            }
            _ => {
                let end = self
                    .rest()
                    .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '$' | '.')))
                    .unwrap_or(self.rest().len());
                if end == 0 {
                    return None;
                }
                let key = self.rest()[..end].to_string();
                self.pos += end;
                Some(key)
            }
        }
    }

    /// A quoted string, its escapes decoded.
    fn string(&mut self) -> Option<String> {
        let quote = self.bump()?;
        let mut out = String::new();
        loop {
            match self.bump()? {
                c if c == quote => return Some(out),
                '\\' => match self.bump()? {
                    'n' | 'r' | 't' => out.push(' '),
                    'u' => {
                        let unit = self.hex(4)?;
                        let c =
                            if (0xD800..0xDC00).contains(&unit) && self.rest().starts_with("\\u") {
                                self.pos += 2;
                                let low = self.hex(4)?;
                                char::from_u32(
                                    0x10000
                                        + ((unit - 0xD800) << 10)
                                        + (low.wrapping_sub(0xDC00) & 0x3FF),
                                )
                            } else {
                                char::from_u32(unit)
                            };
                        out.push(c.unwrap_or('\u{fffd}'));
                    }
                    'x' => out.push(self.hex(2).and_then(char::from_u32).unwrap_or('\u{fffd}')),
                    c => out.push(c),
                },
                c => out.push(c),
            }
        }
    }

    fn hex(&mut self, digits: usize) -> Option<u32> {
        let s = self.rest().get(..digits)?;
        let v = u32::from_str_radix(s, 16).ok()?;
        self.pos += digits;
        Some(v)
    }

    fn emit(&mut self, key: &str, parts: Vec<String>) {
        let parts: Vec<String> = parts
            .iter()
            .map(|p| decode_entities(p).trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() || key.is_empty() {
            return;
        }
        let mut label = self.path.join(".");
        if !label.is_empty() {
            label.push('.');
        }
        label.push_str(key);
        let meaning = meaning_in(&self.path, key);
        let list = parts.len() > 1;
        self.out.push(Pair {
            label,
            meaning,
            parts,
            list,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, Vec<String>)> {
        parse(text)
            .map(|(p, _)| p.into_iter().map(|p| (p.label, p.parts)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn reads_nested_json() {
        let got = pairs(
            r#"{"customer": {"name": "Priya Raman", "vip": true}, "orders": ["A-1", "A-2"], "n": null}"#,
        );
        assert_eq!(
            got,
            vec![
                ("customer.name".to_string(), vec!["Priya Raman".to_string()]),
                ("customer.vip".to_string(), vec!["true".to_string()]),
                (
                    "orders".to_string(),
                    vec!["A-1".to_string(), "A-2".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn reads_python_repr_and_ruby_hashes() {
        let got = pairs("{'customer': {'first': 'Chlo\\xe9', 'ok': True}, :tier => \"gold\"}");
        assert_eq!(
            got[0],
            ("customer.first".to_string(), vec!["Chloé".to_string()])
        );
        assert_eq!(got[1].1, vec!["true".to_string()]);
        assert_eq!(got[2], ("tier".to_string(), vec!["gold".to_string()]));
    }

    #[test]
    fn decodes_unicode_escapes_and_arrays_of_objects() {
        let got = pairs(r#"{"orders": [{"id": "A\u00e9"}, {"id": "\ud83d\ude00"}]}"#);
        assert_eq!(got[0], ("orders.id".to_string(), vec!["Aé".to_string()]));
        assert_eq!(got[1].1, vec!["😀".to_string()]);
    }

    #[test]
    fn custom_fields_of_a_name_and_a_value_are_pairs() {
        let got = pairs(
            r#"{"custom_fields": [{"title": "Order number", "value": "DE-1"}, {"id": 7, "name": "Customer sentiment", "value": "angry"}]}"#,
        );
        assert!(got.contains(&(
            "custom_fields.Order number".to_string(),
            vec!["DE-1".to_string()]
        )));
        assert!(got.contains(&(
            "custom_fields.Customer sentiment".to_string(),
            vec!["angry".to_string()]
        )));
    }

    #[test]
    fn refuses_what_does_not_close() {
        assert!(parse(r#"{"customer": {"name": "Priya""#).is_err());
        assert!(parse(&"[".repeat(10_000)).is_err());
        assert!(parse("not a dump").is_err());
    }
}
