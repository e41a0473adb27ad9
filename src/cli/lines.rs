//! Splitting a stream into numbered lines, in batches, with a cap on the
//! length of one line.
//!
//! An audit file can be any size and come from a pipe, so it is never read
//! whole: lines are read into a batch (one buffer, bounded in bytes and in
//! lines) that is handed on and dropped once audited. A line longer than the
//! cap is not kept either: its first bytes are dropped as soon as it is
//! known to be too long and the rest is skipped up to the next newline, so
//! a 10 MB line costs no more memory than a short one.

use std::io::{self, BufRead, Read};
use std::ops::Range;

/// One line of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the stream.
    pub number: usize,
    /// Its bytes in the batch, or how long it was when it was too long.
    pub body: Body,
}

/// What a [`Line`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// The line's bytes in [`Batch::data`], without `\n` or `\r\n`.
    Text(Range<usize>),
    /// The line was longer than the cap: this many bytes, not kept.
    TooLong(usize),
}

/// Consecutive lines sharing one buffer.
#[derive(Debug, Default)]
pub struct Batch {
    /// Every kept line's bytes, one after the other.
    pub data: Vec<u8>,
    /// The lines, in stream order.
    pub lines: Vec<Line>,
}

impl Batch {
    /// The bytes of a [`Body::Text`] range.
    pub fn bytes(&self, range: &Range<usize>) -> &[u8] {
        self.data.get(range.clone()).unwrap_or_default()
    }
}

/// Numbered lines of a stream, at most `limit` bytes each.
pub struct Lines<R> {
    inner: R,
    limit: usize,
    number: usize,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `inner`; longer ones than `limit` bytes come back as
    /// [`Body::TooLong`].
    pub fn new(inner: R, limit: usize) -> Lines<R> {
        Lines {
            inner,
            limit,
            number: 0,
        }
    }

    /// The next batch: lines until the batch holds `max_bytes` bytes or
    /// `max_lines` lines, or the stream ends. `None` at the end.
    pub fn next_batch(&mut self, max_bytes: usize, max_lines: usize) -> io::Result<Option<Batch>> {
        let mut batch = Batch::default();
        while batch.data.len() < max_bytes && batch.lines.len() < max_lines {
            match self.read_line(&mut batch.data)? {
                Some(line) => batch.lines.push(line),
                None => break,
            }
        }
        Ok((!batch.lines.is_empty()).then_some(batch))
    }

    /// Appends the next line to `data`.
    fn read_line(&mut self, data: &mut Vec<u8>) -> io::Result<Option<Line>> {
        let start = data.len();
        // Never more than limit + 1 bytes of one line: one byte past the cap
        // is enough to know the line is too long.
        let read = (&mut self.inner)
            .take(self.limit as u64 + 1)
            .read_until(b'\n', data)?;
        if read == 0 {
            return Ok(None);
        }
        self.number += 1;
        let ended = data.last() == Some(&b'\n');
        let mut end = data.len() - usize::from(ended);
        if end - start > self.limit {
            data.truncate(start);
            let rest = if ended { 0 } else { self.skip_line()? };
            return Ok(Some(Line {
                number: self.number,
                body: Body::TooLong(end - start + rest),
            }));
        }
        if end > start && data[end - 1] == b'\r' {
            end -= 1;
        }
        Ok(Some(Line {
            number: self.number,
            body: Body::Text(start..end),
        }))
    }

    /// Skips to just past the next newline; returns how many bytes of the
    /// line were skipped (not counting the newline).
    fn skip_line(&mut self) -> io::Result<usize> {
        let mut skipped = 0;
        loop {
            let buf = match self.inner.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok(skipped);
            }
            match buf.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    self.inner.consume(i + 1);
                    return Ok(skipped + i);
                }
                None => {
                    let n = buf.len();
                    self.inner.consume(n);
                    skipped += n;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], limit: usize, max_bytes: usize) -> Vec<(usize, Result<Vec<u8>, usize>)> {
        let mut lines = Lines::new(input, limit);
        let mut out = Vec::new();
        while let Some(batch) = lines.next_batch(max_bytes, 3).unwrap() {
            assert!(batch.lines.len() <= 3);
            for l in &batch.lines {
                out.push((
                    l.number,
                    match &l.body {
                        Body::Text(r) => Ok(batch.bytes(r).to_vec()),
                        Body::TooLong(n) => Err(*n),
                    },
                ));
            }
        }
        out
    }

    #[test]
    fn numbers_lines_and_drops_line_endings() {
        let got = all(b"a\r\n\nbc\nlast", 100, 1000);
        let want: Vec<(usize, Result<Vec<u8>, usize>)> = vec![
            (1, Ok(b"a".to_vec())),
            (2, Ok(vec![])),
            (3, Ok(b"bc".to_vec())),
            (4, Ok(b"last".to_vec())),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn empty_input_has_no_lines() {
        assert!(all(b"", 10, 10).is_empty());
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_whole_and_reading_goes_on() {
        let mut input = b"ok\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', 10_000));
        input.extend(b"\nafter\n");
        let got = all(&input, 8, 1000);
        assert_eq!(
            got,
            vec![
                (1, Ok(b"ok".to_vec())),
                (2, Err(10_000)),
                (3, Ok(b"after".to_vec()))
            ]
        );
        // Exactly at the limit is fine, one past is not.
        assert_eq!(
            all(b"12345678\n", 8, 100),
            vec![(1, Ok(b"12345678".to_vec()))]
        );
        assert_eq!(all(b"123456789", 8, 100), vec![(1, Err(9))]);
    }

    #[test]
    fn a_too_long_line_is_never_held_in_memory() {
        // A reader with a small buffer: the batch may never grow past the
        // cap, however long the line.
        let input = vec![b'y'; 1 << 20];
        let mut lines = Lines::new(io::BufReader::with_capacity(4096, &input[..]), 1000);
        let batch = lines.next_batch(usize::MAX, usize::MAX).unwrap().unwrap();
        assert_eq!(
            batch.lines,
            vec![Line {
                number: 1,
                body: Body::TooLong(1 << 20)
            }]
        );
        assert!(
            batch.data.capacity() <= 4 * 1001,
            "capacity {}",
            batch.data.capacity()
        );
    }

    #[test]
    fn batches_are_bounded_in_bytes() {
        let input = b"aaaa\nbbbb\ncccc\n";
        let mut lines = Lines::new(&input[..], 100);
        let first = lines.next_batch(6, 100).unwrap().unwrap();
        assert_eq!(first.lines.len(), 2, "stops once 6 bytes are held");
        assert_eq!(
            lines.next_batch(6, 100).unwrap().unwrap().lines[0].number,
            3
        );
        assert!(lines.next_batch(6, 100).unwrap().is_none());
    }
}
