//! Flattening: every shape of card becomes the same two things, labelled
//! pairs and prose, in the order the card shows them.
//!
//! The shapes differ only in how they write a label next to a value, so
//! this is the only place that knows about shapes: HTML is first turned into
//! lines ([`super::markup`]), a dump that opens on a line of its own is read
//! by [`super::dump`], and everything else, box, leader, bullet or plain
//! line, by [`super::lines`]. What comes out knows nothing of where it came
//! from, which is what lets [`super::fields`] fill the context one way for
//! all of them.

use std::borrow::Cow;

use super::labels::Meaning;
use super::{dump, lines, markup};

/// A labelled value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pair {
    /// The label as written (nested ones with their parents' labels:
    /// `customer.name`).
    pub label: String,
    /// What the label means, read once where the pair is found, from the
    /// label and the labels of the objects or indented blocks around it.
    pub meaning: Option<Meaning>,
    /// The value: one entry per source line or list element.
    pub parts: Vec<String>,
    /// The parts are a list's items (an array, bullets), not the lines of
    /// wrapped text.
    pub list: bool,
}

impl Pair {
    /// The value on one line: wrapped lines joined by single spaces, a
    /// list's items by commas.
    pub fn value(&self) -> String {
        let mut out = String::with_capacity(self.parts.iter().map(|p| p.len() + 2).sum());
        for part in &self.parts {
            if self.list && !out.is_empty() {
                out.push(',');
            }
            for word in part.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
        out
    }
}

/// One thing a card says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    /// A labelled value.
    Pair(Pair),
    /// A paragraph, heading or note without a label.
    Prose(String),
}

/// The card's pairs and prose, in the card's order.
pub(crate) fn flatten(card: &str) -> Vec<Item> {
    let starts_dump = card.trim_start().starts_with(['{', '[']);
    let html = !starts_dump && markup::is_html(card);
    let text: Cow<str> = if html {
        Cow::Owned(markup::html_to_text(card))
    } else {
        Cow::Borrowed(card)
    };
    let mut reader = lines::Lines::new(!html);
    let mut rest: &str = &text;
    // A failed attempt at a dump tells how far it looked; no new attempt
    // starts before that, so a card of many broken brackets stays linear.
    let mut looked_to = 0;
    while !rest.is_empty() {
        let trimmed = rest.trim_start_matches([' ', '\t']);
        let at = text.len() - trimmed.len();
        if trimmed.starts_with(['{', '[']) && at >= looked_to {
            match dump::parse(trimmed) {
                Ok((pairs, used)) if !pairs.is_empty() => {
                    reader.pairs(pairs);
                    rest = &trimmed[used..];
                    continue;
                }
                Ok(_) => {}
                Err(looked) => looked_to = at + looked,
            }
        }
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        reader.line(&rest[..end]);
        rest = &rest[end..];
    }
    reader.finish()
}
