//! Spans: the one place where byte offsets become UTF-16 offsets.
//!
//! Inside the core every position is a byte offset into a `&str`, because that
//! is what `regex` and slicing speak. Every position that leaves the core (the
//! CLI's JSON, the wasm boundary, the DOM hooks) is a UTF-16 code-unit offset,
//! because that is what a browser's `selectionStart`, `Range` and
//! `String.prototype.slice` use. The conversion lives here and nowhere else.
//!
//! A [`Span`] is half-open: `start` is the first code unit, `end` is one past
//! the last. Both always sit on a character boundary, since they are converted
//! from byte offsets that are themselves on `char` boundaries.

use serde::Serialize;

/// A half-open range of UTF-16 code units: `start..end`, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First UTF-16 code unit of the span.
    pub start: usize,
    /// One past the last UTF-16 code unit of the span.
    pub end: usize,
}

/// Length of `text` in UTF-16 code units.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// Converts byte offsets of one text to UTF-16 offsets.
///
/// Offsets asked for in ascending order cost one pass over the text in total:
/// the mapper remembers where it stopped. Asking for an earlier offset starts
/// again from the beginning, which is correct, only slower. ASCII text, the
/// common case, maps one to one without scanning at all.
pub struct Utf16Mapper<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Mapper<'a> {
    /// A mapper over `text`.
    pub fn new(text: &'a str) -> Self {
        Utf16Mapper {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            unit: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte`.
    ///
    /// A byte offset inside a character is first moved back to the start of
    /// that character, and one past the end is clamped to the end, so a span
    /// that comes out of here always lands on character boundaries.
    pub fn unit(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += utf16_len(&self.text[self.byte..byte]);
        self.byte = byte;
        self.unit
    }

    /// The UTF-16 span of the byte range `start..end`.
    pub fn span(&mut self, start: usize, end: usize) -> Span {
        let start = self.unit(start);
        let end = self.unit(end).max(start);
        Span { start, end }
    }
}

/// The byte offset of UTF-16 offset `unit` in `text` (the way back, used by
/// tests and by callers that receive a browser's offsets). A unit offset in
/// the middle of a surrogate pair moves back to the start of that character.
pub fn byte_of_unit(text: &str, unit: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        let next = units + c.len_utf16();
        if next > unit {
            return i;
        }
        units = next;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let mut m = Utf16Mapper::new("hello world");
        assert_eq!(m.span(6, 11), Span { start: 6, end: 11 });
    }

    #[test]
    fn counts_surrogate_pairs_and_multibyte() {
        // "😊" is 4 bytes and 2 units, "é" is 2 bytes and 1 unit.
        let text = "😊 é x";
        let x = text.find('x').unwrap();
        let mut m = Utf16Mapper::new(text);
        assert_eq!(m.unit(x), 5);
        assert_eq!(
            &text.encode_utf16().collect::<Vec<_>>()[5..6],
            &[u16::from(b'x')]
        );
    }

    #[test]
    fn going_back_restarts_correctly() {
        let text = "ä😊b😊c";
        let mut m = Utf16Mapper::new(text);
        let c = text.find('c').unwrap();
        let b = text.find('b').unwrap();
        assert_eq!(m.unit(c), 6);
        assert_eq!(m.unit(b), 3);
    }

    #[test]
    fn inside_a_character_moves_back() {
        let text = "a😊b";
        let mut m = Utf16Mapper::new(text);
        assert_eq!(m.unit(2), 1);
        assert_eq!(m.unit(99), 4);
    }

    #[test]
    fn byte_of_unit_round_trips() {
        let text = "x😊é🇫🇷y";
        for (b, _) in text.char_indices() {
            let u = Utf16Mapper::new(text).unit(b);
            assert_eq!(byte_of_unit(text, u), b);
        }
        assert_eq!(byte_of_unit(text, 2), 1, "inside a surrogate pair");
    }
}
