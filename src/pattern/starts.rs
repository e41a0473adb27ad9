//! Where a match of a pattern can start, worked out from its source: the
//! first bytes of every match. `regex_lite` has no literal prefilter, and
//! its Pike VM pays for every alternative of a rule's long phrase list at
//! every position of the text; with this, it runs only where a match can
//! begin, anchored there, and most positions cost one table lookup.
//!
//! Two tests, cheap first: a table of the first two bytes rules out most
//! places at once; where it lets one through, the text must also start with
//! one of the longer prefixes (up to [`DEPTH`] bytes). The second test is
//! what keeps common words out: "the" lets the table through for
//! `the\s+ref`, "there" does not get past the prefix `the r`. An attempt
//! that fails costs the Pike VM a start-up and a closure over every
//! alternative, many times the price of comparing a few bytes.
//!
//! Case-insensitive patterns keep their prefixes in lower case and compare
//! them with the text's bytes lower-cased, so that a word of six letters is
//! one prefix, not sixty-four.
//!
//! The reading is an over-approximation: anything it does not follow
//! (negated classes, `.`, `\W`) stands for "any byte from here on", which
//! can only let more positions through. A pattern that can match the empty
//! string, or start with any byte, gets no table at all.

/// How many leading bytes of a match are collected.
const DEPTH: usize = 4;
/// Past this many prefixes, they are cut shorter (down to first bytes only)
/// until they are no more than this.
const CAP: usize = 400;

/// One possible beginning of a match: up to [`DEPTH`] bytes, and whether the
/// part read so far can end there (`whole`: what follows it adds bytes);
/// when it cannot, anything may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Prefix {
    // In this order: sorted, prefixes are sorted by their bytes.
    bytes: [u8; DEPTH],
    len: u8,
    whole: bool,
}

impl Prefix {
    const EMPTY: Prefix = Prefix {
        len: 0,
        bytes: [0; DEPTH],
        whole: true,
    };

    fn bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// The first `len` bytes of `self`, anything following.
    fn cut(self, len: usize) -> Prefix {
        if usize::from(self.len) <= len {
            return self;
        }
        let mut bytes = [0; DEPTH];
        bytes[..len].copy_from_slice(&self.bytes[..len]);
        Prefix {
            len: len as u8,
            bytes,
            whole: false,
        }
    }

    /// `self` followed by `bytes`, cut to [`DEPTH`]. A full prefix is never
    /// whole: nothing more is collected, so anything may follow it.
    fn push(mut self, bytes: &[u8]) -> Prefix {
        for &b in bytes {
            if usize::from(self.len) == DEPTH {
                break;
            }
            self.bytes[usize::from(self.len)] = b;
            self.len += 1;
        }
        self.whole &= usize::from(self.len) < DEPTH;
        self
    }
}

/// The possible beginnings of a match of part of a pattern.
type Prefixes = Vec<Prefix>;

/// Where matches of one pattern can start.
#[derive(Debug, Clone)]
pub(super) struct Starts {
    /// Per first byte: 0 no match starts with it, [`ANY`] any byte may
    /// follow, else 1 + the index in `second` of the bytes that may follow.
    first: [u8; 256],
    second: Vec<[u64; 4]>,
    /// Every branch opens with `\b`: a match starts only at a word boundary.
    at_boundary: bool,
    /// Compare the text lower-cased (the prefixes are).
    fold: bool,
    /// The prefixes, sorted by their bytes (`tidy`), when some are longer
    /// than the table's two bytes; empty when the table says it all.
    deep: Vec<Prefix>,
}

const ANY: u8 = u8::MAX;

impl Starts {
    /// The table of `src` (in `regex_lite`'s syntax, byte escapes already
    /// made characters), or `None` when it would not narrow the search.
    pub(super) fn of(src: &str, case_insensitive: bool) -> Option<Starts> {
        let mut p = Reader {
            s: src.as_bytes(),
            i: 0,
            ci: case_insensitive,
            depth: 0,
            bounded: true,
            skip: 0,
        };
        let mut prefixes = p.alternation()?;
        if p.i != p.s.len() || prefixes.iter().any(|x| x.len == 0) {
            return None;
        }
        // Case-insensitive anywhere counts as everywhere (more places,
        // never fewer): every prefix in lower case.
        if p.ci {
            for x in &mut prefixes {
                x.bytes.make_ascii_lowercase();
            }
            prefixes = tidy(prefixes);
        }
        let mut starts = Starts {
            first: [0; 256],
            second: Vec::new(),
            at_boundary: p.bounded,
            fold: p.ci,
            deep: Vec::new(),
        };
        // Both cases of a letter, when the pattern ignores case.
        let cases = |b: u8| {
            [
                b,
                if p.ci && b.is_ascii_alphabetic() {
                    b ^ 0x20
                } else {
                    b
                },
            ]
        };
        for x in &prefixes {
            let bytes = x.bytes();
            for b0 in cases(bytes[0]) {
                let b0 = usize::from(b0);
                match (bytes.get(1), starts.first[b0]) {
                    (_, ANY) => {}
                    (None, _) => starts.first[b0] = ANY,
                    (Some(&b1), k) => {
                        if k == 0 {
                            if starts.second.len() >= usize::from(ANY - 1) {
                                return None;
                            }
                            starts.second.push([0; 4]);
                            starts.first[b0] = starts.second.len() as u8;
                        }
                        for b1 in cases(b1) {
                            starts.add(b0, b1);
                        }
                    }
                }
            }
        }
        if prefixes.iter().any(|x| x.len > 2) {
            starts.deep = prefixes;
        }
        // Letters that let any byte follow, or many pairs, make almost
        // every word a place to try: the plain search is cheaper then
        // (unless only word starts are tried).
        let open: f64 = (b'a'..=b'z')
            .chain(b'A'..=b'Z')
            .map(|b| match starts.first[usize::from(b)] {
                0 => 0.0,
                ANY => 1.0,
                k => {
                    let set = &starts.second[usize::from(k - 1)];
                    f64::from(set.iter().map(|w| w.count_ones()).sum::<u32>()) / 26.0
                }
            })
            .sum();
        (open <= if starts.at_boundary { 12.0 } else { 4.0 }).then_some(starts)
    }

    fn add(&mut self, b0: usize, b1: u8) {
        let set = &mut self.second[usize::from(self.first[b0] - 1)];
        set[usize::from(b1 >> 6)] |= 1 << (b1 & 63);
    }

    /// The first byte at or after `from` of `b` where a match may start.
    /// Most bytes start nothing: the loop asks the first-byte table alone,
    /// and only the bytes it lets through get the other tests.
    pub(super) fn next(&self, b: &[u8], from: usize) -> Option<usize> {
        (from..b.len()).find(|&i| self.first[usize::from(b[i])] != 0 && self.may_start(b, i))
    }

    /// Whether a match may start at byte `i` of `b`.
    pub(super) fn may_start(&self, b: &[u8], i: usize) -> bool {
        let table = match self.first[usize::from(b[i])] {
            0 => false,
            ANY => true,
            k => b.get(i + 1).is_some_and(|&b1| {
                self.second[usize::from(k - 1)][usize::from(b1 >> 6)] & (1 << (b1 & 63)) != 0
            }),
        };
        let word = |i: usize| {
            b.get(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
        };
        table
            && !(self.at_boundary && i > 0 && word(i - 1) == word(i))
            && (self.deep.is_empty() || self.deep_match(&b[i..]))
    }

    /// Whether `text` starts with one of the prefixes.
    fn deep_match(&self, text: &[u8]) -> bool {
        let fold = |c: u8| if self.fold { c.to_ascii_lowercase() } else { c };
        let b0 = fold(text[0]);
        let from = self.deep.partition_point(|x| x.bytes[0] < b0);
        self.deep[from..]
            .iter()
            .take_while(|x| x.bytes[0] == b0)
            .any(|x| {
                let want = x.bytes();
                text.len() >= want.len() && want.iter().zip(text).all(|(&w, &c)| w == fold(c))
            })
    }
}

/// Anything at all: no narrowing from here on.
fn anything() -> Prefixes {
    vec![Prefix {
        whole: false,
        ..Prefix::EMPTY
    }]
}

/// Matches only the empty string (an assertion, or an empty group).
fn empty() -> Prefixes {
    vec![Prefix::EMPTY]
}

/// `a` followed by `b`.
fn then(a: Prefixes, b: &Prefixes) -> Prefixes {
    if a.iter().all(|x| !x.whole) {
        return a;
    }
    if a.iter().filter(|x| x.whole).count() * b.len() > CAP {
        // Too many to list: `a`, then anything (fewer bytes, never fewer
        // places).
        return open(&a);
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        if !x.whole {
            out.push(x);
            continue;
        }
        out.extend(b.iter().map(|y| {
            let z = x.push(y.bytes());
            Prefix {
                whole: z.whole && y.whole,
                ..z
            }
        }));
    }
    tidy(out)
}

/// `a`, where anything may follow.
fn open(a: &Prefixes) -> Prefixes {
    a.iter().map(|&x| Prefix { whole: false, ..x }).collect()
}

/// `p` sorted by bytes, without repeats, and cut shorter until there are
/// no more than [`CAP`] (shorter prefixes: fewer of them, never fewer places).
fn tidy(mut p: Prefixes) -> Prefixes {
    let sort = |p: &mut Prefixes| {
        p.sort_unstable();
        p.dedup();
    };
    sort(&mut p);
    let mut depth = DEPTH;
    while p.len() > CAP && depth > 1 {
        depth -= 1;
        p.iter_mut().for_each(|x| *x = x.cut(depth));
        sort(&mut p);
    }
    p
}

/// A reader of the pattern syntax, just deep enough to collect prefixes;
/// `None` for anything it does not know.
struct Reader<'a> {
    s: &'a [u8],
    i: usize,
    ci: bool,
    /// Groups open around the current place.
    depth: usize,
    /// Every top-level branch so far opens with `\b`.
    bounded: bool,
    /// Inside a part whose prefixes no longer matter (what precedes it has
    /// already been given "anything may follow"): read, not collected.
    skip: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let yes = self.peek() == Some(c);
        self.i += usize::from(yes);
        yes
    }

    fn alternation(&mut self) -> Option<Prefixes> {
        let mut out = self.sequence()?;
        while self.eat(b'|') {
            out.extend(self.sequence()?);
        }
        Some(if self.skip > 0 { empty() } else { tidy(out) })
    }

    fn sequence(&mut self) -> Option<Prefixes> {
        if self.depth == 0 && !self.s[self.i..].starts_with(b"\\b") {
            self.bounded = false;
        }
        let mut acc = empty();
        let skip = self.skip;
        while let Some(c) = self.peek() {
            if c == b'|' || c == b')' {
                break;
            }
            if self.skip == skip && acc.iter().all(|x| !x.whole) {
                self.skip += 1;
            }
            let atom = self.atom()?;
            let atom = self.repeat(atom)?;
            if self.skip == 0 {
                acc = then(acc, &atom);
            }
        }
        self.skip = skip;
        Some(acc)
    }

    fn repeat(&mut self, atom: Prefixes) -> Option<Prefixes> {
        let (min, many) = match self.peek() {
            Some(b'?') => (0, false),
            Some(b'*') => (0, true),
            Some(b'+') => (1, true),
            Some(b'{') => {
                let close = self.s[self.i..].iter().position(|&c| c == b'}')?;
                let body = std::str::from_utf8(&self.s[self.i + 1..self.i + close]).ok()?;
                let (low, high) = body.split_once(',').unwrap_or((body, body));
                let low: u32 = low.trim().parse().ok()?;
                let high = high.trim();
                let many = high.is_empty() || high.parse::<u32>().ok()? > 1;
                self.i += close;
                (low, many)
            }
            _ => return Some(atom),
        };
        self.i += 1;
        self.eat(b'?');
        if self.skip > 0 {
            return Some(atom);
        }
        // Past the first copy, further copies only add bytes: "anything
        // may follow" covers them.
        let rest = if many { open(&atom) } else { Vec::new() };
        let mut out = match min {
            0 => [empty(), atom].concat(),
            _ => then(atom, &[empty(), rest.clone()].concat()),
        };
        out.extend(if min == 0 { rest } else { Vec::new() });
        Some(tidy(out))
    }

    fn atom(&mut self) -> Option<Prefixes> {
        let c = self.peek()?;
        self.i += 1;
        match c {
            b'(' => self.group(),
            b'[' => self.class(),
            b'.' => Some(anything()),
            b'^' | b'$' => Some(empty()),
            b'\\' => self.escape(),
            b'*' | b'+' | b'?' | b'{' => None,
            _ => {
                // A literal character, whole (UTF-8 continuation bytes
                // included).
                let start = self.i - 1;
                while self.peek().is_some_and(|b| b & 0xC0 == 0x80) {
                    self.i += 1;
                }
                Some(self.literal(&self.s[start..self.i]))
            }
        }
    }

    /// A literal's prefix (in either case, if the pattern ignores case:
    /// [`Starts::of`] lower-cases them all).
    fn literal(&self, bytes: &[u8]) -> Prefixes {
        if self.skip > 0 {
            return empty();
        }
        vec![Prefix::EMPTY.push(bytes)]
    }

    fn group(&mut self) -> Option<Prefixes> {
        if self.eat(b'?') {
            if self.eat(b'P') || self.peek() == Some(b'<') {
                self.eat(b'<');
                let close = self.s[self.i..].iter().position(|&c| c == b'>')?;
                self.i += close + 1;
            } else {
                let end = self.s[self.i..]
                    .iter()
                    .position(|&c| c == b':' || c == b')')?;
                let flags = &self.s[self.i..self.i + end];
                if !flags.iter().all(|c| b"imsuUR-".contains(c)) {
                    return None;
                }
                // Case-insensitive anywhere counts as everywhere: more
                // prefixes, never fewer.
                self.ci |= flags.contains(&b'i');
                self.i += end + 1;
                if self.s[self.i - 1] == b')' {
                    return Some(empty());
                }
            }
        }
        self.depth += 1;
        let inner = self.alternation()?;
        self.depth -= 1;
        self.eat(b')').then_some(inner)
    }

    fn escape(&mut self) -> Option<Prefixes> {
        let c = self.peek()?;
        self.i += 1;
        let bytes: Vec<u8> = match c {
            b'b' | b'B' | b'A' | b'z' => return Some(empty()),
            b'W' | b'S' | b'D' => return Some(anything()),
            b'w' => (0..128u8)
                .filter(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .collect(),
            b'd' => (b'0'..=b'9').collect(),
            b's' => b"\t\n\x0B\x0C\r ".to_vec(),
            b'n' => vec![b'\n'],
            b't' => vec![b'\t'],
            b'r' => vec![b'\r'],
            b'f' => vec![0x0C],
            b'v' => vec![0x0B],
            c if c.is_ascii_punctuation() || c == b' ' => vec![c],
            _ => return None,
        };
        Some(bytes.iter().map(|&b| Prefix::EMPTY.push(&[b])).collect())
    }

    /// A bracketed class: one byte per ASCII member, the UTF-8 of others;
    /// negated classes may start with anything.
    fn class(&mut self) -> Option<Prefixes> {
        let negated = self.eat(b'^');
        let mut out: Prefixes = Vec::new();
        let mut first = true;
        loop {
            let c = self.peek()?;
            if c == b']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            if c == b'[' {
                return None;
            }
            let item = if c == b'\\' {
                self.i += 1;
                let e = self.escape()?;
                if e == empty() || e == anything() {
                    return None;
                }
                e
            } else {
                let start = self.i;
                self.i += 1;
                while self.peek().is_some_and(|b| b & 0xC0 == 0x80) {
                    self.i += 1;
                }
                let lit = self.s[start..self.i].to_vec();
                if self.peek() == Some(b'-') && self.s.get(self.i + 1).is_some_and(|&b| b != b']') {
                    self.i += 1;
                    let high = self.peek()?;
                    self.i += 1;
                    if lit.len() != 1 || !high.is_ascii() || high == b'\\' || high < lit[0] {
                        return None;
                    }
                    (lit[0]..=high).map(|b| Prefix::EMPTY.push(&[b])).collect()
                } else {
                    vec![Prefix::EMPTY.push(&lit)]
                }
            };
            for x in item {
                out.extend(self.literal(x.bytes()));
            }
        }
        if negated {
            return Some(anything());
        }
        Some(if self.skip > 0 { empty() } else { tidy(out) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(src: &str, text: &str) -> Vec<usize> {
        let s = Starts::of(src, false).expect("a table");
        (0..text.len())
            .filter(|&i| s.may_start(text.as_bytes(), i))
            .collect()
    }

    #[test]
    fn first_two_bytes_of_every_branch() {
        assert_eq!(
            starts(r"\b(?:refund|approv\w+)", "a refund, approve, rx"),
            vec![2, 10]
        );
        assert_eq!(starts(r"(?:'|’)ll\b", "i'll we’ll"), vec![1, 7]);
        assert_eq!(starts(r"x[0-9a]?", "x xa"), vec![0, 2]);
        assert_eq!(starts(r"no\.?\s*\d", "no.1 on"), vec![0]);
        assert_eq!(
            starts(r"(?P<a>ab){2,}|c(?:d)*e", "ab ce cde"),
            vec![0, 3, 6]
        );
    }

    #[test]
    fn longer_prefixes_rule_out_common_words() {
        // "or", "ore" and "you" pass the two-byte table; only "orde…"
        // and "your" begin a match.
        assert_eq!(
            starts(r"\b(?:order|your\b)", "or, ore, order; you, your"),
            vec![9, 21]
        );
        // A prefix longer than what is left of the text cannot match.
        assert_eq!(starts(r"order", "an ord"), Vec::<usize>::new());
    }

    #[test]
    fn case_insensitive_prefixes_compare_folded() {
        let s = Starts::of(r"(?:Order|booking)\s+id", true).expect("a table");
        for t in ["order id", "ORDER id", "Booking ID", "bOoKiNg\tid"] {
            assert!(s.may_start(t.as_bytes(), 0), "{t}");
        }
        for t in ["orbit", "boom id", "Bo"] {
            assert!(!s.may_start(t.as_bytes(), 0), "{t}");
        }
        // Case-insensitive only in a group still folds the whole pattern.
        let s = Starts::of(r"AB(?i:c)", false).expect("a table");
        assert!(s.may_start(b"abc", 0) && s.may_start(b"ABC", 0));
    }

    #[test]
    fn a_leading_word_boundary_is_kept() {
        assert_eq!(starts(r"\bno|\bnot", "no snot not_no"), vec![0, 8]);
        assert_eq!(starts(r"\bno|not", "no snot"), vec![0, 4]);
    }

    #[test]
    fn no_table_where_it_cannot_narrow() {
        for src in [
            r"a?", r"\b", r".x", r"[^a]b", r"\w+ing", r"(?x)a", r"a|", r"\Wq",
        ] {
            assert!(Starts::of(src, false).is_none(), "{src}");
        }
    }

    #[test]
    fn case_insensitive_takes_both_cases() {
        let s = Starts::of("ab", true).expect("a table");
        for t in ["ab", "Ab", "aB", "AB"] {
            assert!(s.may_start(t.as_bytes(), 0), "{t}");
        }
    }
}
