//! The pack's TOML document as typed values: each read names the key path
//! and byte range of what it read, so that every refusal can say where it is
//! and what was expected.
//!
//! [`super::toml`] parses the text into a tree of spanned values; this
//! module walks that tree by hand rather than through serde: a derived
//! `Deserialize` for the pack's few tables cost about a quarter of the wasm
//! engine's size (serde's visitors, a deserializer, one instantiation per
//! struct), where this walk is a handful of small functions shared by every
//! table.

use std::ops::Range;

use super::toml::{self as tree, Node, Value};

/// What is wrong with a pack, at a byte range of its text; [`super`] turns
/// the range into a line and a column.
#[derive(Debug)]
pub(super) struct Problem {
    pub(super) at: Range<usize>,
    pub(super) message: String,
}

/// The result of one read.
pub(super) type Read<T> = Result<T, Problem>;

/// A problem at `at`.
pub(super) fn problem(at: Range<usize>, message: impl Into<String>) -> Problem {
    Problem {
        at,
        message: message.into(),
    }
}

/// A string of the pack and where it is.
#[derive(Debug, Clone)]
pub(super) struct Str<'a> {
    pub(super) text: &'a str,
    pub(super) at: Range<usize>,
}

/// Parses `src` into its top-level table; a TOML syntax error (or a key
/// defined twice) is refused with the parser's own words.
pub(super) fn document(src: &str) -> Read<tree::Table> {
    tree::parse(src)
}

/// One table of the pack: its entries, its key path and where it starts
/// (its `[header]`, or the `{` of an inline table).
pub(super) struct Table<'a> {
    path: String,
    at: Range<usize>,
    entries: &'a tree::Table,
}

/// One value of the pack with its key path (and, for an item of an array,
/// its 1-based place in it).
pub(super) struct Entry<'a> {
    path: String,
    item: Option<usize>,
    value: &'a Node,
}

impl<'a> Table<'a> {
    /// The document's top-level table.
    pub(super) fn root(doc: &'a tree::Table) -> Self {
        Table {
            path: String::new(),
            at: 0..0,
            entries: doc,
        }
    }

    /// Where the table starts.
    pub(super) fn at(&self) -> Range<usize> {
        self.at.clone()
    }

    /// The table, once every key in it is one of `known`; an unknown key is
    /// refused at the key itself, with the keys this table takes.
    pub(super) fn only(self, known: &[&str]) -> Read<Self> {
        for (key, _) in &self.entries.entries {
            if !known.contains(&key.name.as_str()) {
                let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                return Err(problem(
                    key.at.clone(),
                    format!(
                        "unknown key `{}` (expected one of {})",
                        self.child(&key.name),
                        list.join(", ")
                    ),
                ));
            }
        }
        Ok(self)
    }

    /// The value under `key`, if the table has one.
    pub(super) fn get(&self, key: &str) -> Option<Entry<'a>> {
        self.entries.get(key).map(|value| Entry {
            path: self.child(key),
            item: None,
            value,
        })
    }

    /// The value under `key`, refused at the table's start when missing.
    pub(super) fn required(&self, key: &str) -> Read<Entry<'a>> {
        self.get(key)
            .ok_or_else(|| problem(self.at(), format!("missing key `{}`", self.child(key))))
    }

    /// The string under `key`, if any.
    pub(super) fn string(&self, key: &str) -> Read<Option<Str<'a>>> {
        self.get(key).map(|e| e.string()).transpose()
    }

    /// The table under `key`, if any.
    pub(super) fn table(&self, key: &str) -> Read<Option<Table<'a>>> {
        self.get(key).map(|e| e.table()).transpose()
    }

    /// The array of strings under `key`; none when the key is missing.
    pub(super) fn strings(&self, key: &str) -> Read<Vec<Str<'a>>> {
        self.get(key).map_or(Ok(Vec::new()), |e| e.strings())
    }

    /// The array of tables under `key` (`[[key]]` headers or an inline
    /// array of tables); none when the key is missing.
    pub(super) fn tables(&self, key: &str) -> Read<Vec<Table<'a>>> {
        let Some(entry) = self.get(key) else {
            return Ok(Vec::new());
        };
        entry.array()?.iter().map(Entry::table).collect()
    }

    /// Every key of the table, in key order, with its value.
    pub(super) fn entries(&self) -> impl Iterator<Item = (Str<'a>, Entry<'a>)> + '_ {
        self.entries.entries.iter().map(|(key, value)| {
            (
                Str {
                    text: &key.name,
                    at: key.at.clone(),
                },
                Entry {
                    path: self.child(&key.name),
                    item: None,
                    value,
                },
            )
        })
    }

    /// The key path of `key` in this table, as TOML writes it.
    fn child(&self, key: &str) -> String {
        let bare = !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        match (self.path.is_empty(), bare) {
            (true, true) => key.to_string(),
            (true, false) => format!("{key:?}"),
            (false, true) => format!("{}.{key}", self.path),
            (false, false) => format!("{}.{key:?}", self.path),
        }
    }
}

impl<'a> Entry<'a> {
    /// Where the value is.
    pub(super) fn at(&self) -> Range<usize> {
        self.value.at.clone()
    }

    /// Refuses the value: it is not `expected`.
    fn not(&self, expected: &str) -> Problem {
        let found = match self.value.value {
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Boolean(_) => "a boolean",
            Value::Datetime => "a date-time",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        };
        problem(
            self.at(),
            format!("{} must be {expected}, not {found}", self.name()),
        )
    }

    /// How a message names the value.
    fn name(&self) -> String {
        match self.item {
            None => format!("`{}`", self.path),
            Some(i) => format!("item {i} of `{}`", self.path),
        }
    }

    /// The value as a string.
    pub(super) fn string(&self) -> Read<Str<'a>> {
        match &self.value.value {
            Value::String(s) => Ok(Str {
                text: s,
                at: self.at(),
            }),
            _ => Err(self.not("a string")),
        }
    }

    /// The value as a number: an integer or a float.
    pub(super) fn number(&self) -> Read<f64> {
        match self.value.value {
            Value::Integer(i) => Ok(i as f64),
            Value::Float(f) => Ok(f),
            _ => Err(self.not("a number")),
        }
    }

    /// The value as a table.
    pub(super) fn table(&self) -> Read<Table<'a>> {
        match &self.value.value {
            Value::Table(entries) => Ok(Table {
                path: self.path.clone(),
                at: self.at(),
                entries,
            }),
            _ => Err(self.not("a table")),
        }
    }

    /// The value as an array: each item named by its key path and its
    /// 1-based place.
    pub(super) fn array(&self) -> Read<Vec<Entry<'a>>> {
        let Value::Array(array) = &self.value.value else {
            return Err(self.not("an array"));
        };
        Ok(array
            .items
            .iter()
            .enumerate()
            .map(|(i, value)| Entry {
                path: self.path.clone(),
                item: Some(i + 1),
                value,
            })
            .collect())
    }

    /// The value as an array of strings.
    pub(super) fn strings(&self) -> Read<Vec<Str<'a>>> {
        self.array()?.iter().map(Entry::string).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T>(src: &str, f: impl FnOnce(Table<'_>) -> Read<T>) -> Read<T> {
        let doc = document(src)?;
        f(Table::root(&doc))
    }

    #[test]
    fn key_paths_quote_what_is_not_a_bare_key() {
        let e = read("[a.\"b.c\"]\nd = 1\n", |t| {
            let b = t.table("a")?.unwrap().table("b.c")?.unwrap();
            b.string("d").map(|_| ())
        })
        .unwrap_err();
        assert_eq!(e.message, "`a.\"b.c\".d` must be a string, not an integer");
        assert_eq!(e.at, 14..15);
    }

    #[test]
    fn unknown_keys_are_refused_at_the_key() {
        let e = read("x = 1\n[t]\nok = 1\nnope = 2\n", |t| {
            t.table("t")?.unwrap().only(&["ok", "fine"]).map(|_| ())
        })
        .unwrap_err();
        assert_eq!(
            e.message,
            "unknown key `t.nope` (expected one of `ok`, `fine`)"
        );
        assert_eq!(e.at, 17..21);
    }

    #[test]
    fn numbers_are_integers_or_floats() {
        let n = |src: &str| read(src, |t| t.required("n")?.number());
        assert_eq!(n("n = 3").unwrap(), 3.0);
        assert_eq!(n("n = 0x10").unwrap(), 16.0);
        assert_eq!(n("n = -2.5e1").unwrap(), -25.0);
        assert_eq!(n("n = 1_000").unwrap(), 1000.0);
        assert!(n("n = nan").unwrap().is_nan());
        assert_eq!(n("n = -inf").unwrap(), f64::NEG_INFINITY);
        assert!(
            n("n = 99999999999999999999").is_err(),
            "TOML integers are 64-bit"
        );
        assert_eq!(
            n("n = \"2\"").unwrap_err().message,
            "`n` must be a number, not a string"
        );
    }

    #[test]
    fn array_items_are_named_by_place() {
        let e = read("p = [\"a\", 2]", |t| t.strings("p").map(|_| ())).unwrap_err();
        assert_eq!(e.message, "item 2 of `p` must be a string, not an integer");
        assert_eq!(e.at, 10..11);
    }

    #[test]
    fn a_missing_key_is_refused_at_its_table() {
        let e = read("[[c]]\na = 1\n", |t| {
            let c = t.tables("c")?;
            c[0].required("b").map(|_| ())
        })
        .unwrap_err();
        assert_eq!(e.message, "missing key `c.b`");
        assert_eq!(e.at.start, 0);
    }
}
