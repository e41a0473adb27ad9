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
//! one prefix, not sixty-four. Likewise every ASCII space is compared as a
//! space, so `\s` is one prefix, not six: that keeps "can you " one
//! prefix of eight bytes where six spaces would have made too many to
//! keep, and "can see" is then turned away before the Pike VM is asked.
//!
//! For a reply searched by many patterns, the places at a word boundary
//! are sorted by their bytes once ([`Index`]), with the eight bytes at each
//! read as one word: a pattern that opens with `\b` then visits only the
//! places of its first bytes and compares one word per prefix.
//!
//! The reading is an over-approximation: anything it does not follow
//! (negated classes, `.`, `\W`) stands for "any byte from here on", which
//! can only let more positions through. A pattern that can match the empty
//! string, or start with any byte, gets no table at all.

/// How many leading bytes of a match are collected.
const DEPTH: usize = 8;
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
    deep: Vec<Deep>,
    /// The bytes a match may start with (those `first` lets through), each
    /// with the range of `deep` that starts with it ([`Starts::deep_of`]).
    firsts: Vec<(u8, usize, usize)>,
}

/// A prefix as a test of the first [`DEPTH`] bytes of a place, read as one
/// little-endian word: its bytes (`value`, zero past `len`) are those of
/// the text where `mask` has them, and the text has `len` bytes left.
#[derive(Debug, Clone, Copy)]
struct Deep {
    value: u64,
    mask: u64,
    len: usize,
}

impl Deep {
    fn of(x: &Prefix) -> Deep {
        let len = usize::from(x.len);
        Deep {
            value: u64::from_le_bytes(x.bytes),
            mask: if len == DEPTH {
                u64::MAX
            } else {
                (1 << (8 * len)) - 1
            },
            len,
        }
    }

    fn first(&self) -> u8 {
        self.value as u8
    }
}

/// The ASCII spaces, as `\s` has them.
const SPACES: &[u8] = b"\t\n\x0B\x0C\r ";

/// `b`, or a space for any of [`SPACES`]: how prefixes and text are
/// compared.
fn space(b: u8) -> u8 {
    match b {
        b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => b' ',
        b => b,
    }
}

/// Where each byte of one text is, at its word boundaries: the places a
/// pattern that opens with `\b` may start at are then found by visiting
/// its first bytes' places ([`Starts::all`]) rather than every byte of the
/// text.
#[derive(Debug, Clone)]
pub(crate) struct Index {
    /// The text it was made of (its address and length), to refuse others.
    text: (usize, usize),
    /// `at[start[b]..start[b + 1]]`: the places of byte `b` that are at a
    /// word boundary, in order (where patterns whose every branch opens
    /// with `\b` may start: most of them).
    start: Vec<usize>,
    at: Vec<usize>,
    /// The first [`DEPTH`] bytes at each place, lower-cased, spaces made
    /// one, read as one little-endian word (zeros past the end): what
    /// [`Starts::deep_match`] compares, read once for all patterns.
    words: Vec<u64>,
    /// The text has no ASCII capital: lower-casing changes nothing, and
    /// `words` serve patterns that do not ignore case too.
    lower: bool,
}

impl Index {
    /// Sorts the places of `text` at a word boundary by their bytes (a
    /// counting sort: two reads of the text), and reads the word at each.
    pub(crate) fn new(text: &str) -> Index {
        let b = text.as_bytes();
        let n = b.len();
        // (A continuation byte of UTF-8 is never at a word boundary: no
        // match starts inside a character.)
        let mut bound = vec![false; n];
        let mut word = false;
        for i in 0..n {
            let w = is_word(b[i]);
            bound[i] = i == 0 || w != word;
            word = w;
        }
        // From the end: the word at `i` is the one at `i + 1` moved up a
        // byte, with byte `i` first.
        let mut words = vec![0u64; n];
        let mut w = 0u64;
        for i in (0..n).rev() {
            w = (w << 8) | u64::from(space(b[i].to_ascii_lowercase()));
            words[i] = w;
        }
        let (start, at) = sort_places(b, &bound);
        Index {
            text: (text.as_ptr() as usize, n),
            start,
            at,
            words,
            lower: !b.iter().any(u8::is_ascii_uppercase),
        }
    }

    /// The index, if it was made of `text` (the same string in memory).
    pub(crate) fn of(&self, text: &str) -> Option<&Index> {
        (self.text == (text.as_ptr() as usize, text.len())).then_some(self)
    }

    /// The places of byte `b` at a word boundary, in order.
    fn places(&self, b: u8) -> &[usize] {
        let b = usize::from(b);
        &self.at[self.start[b]..self.start[b + 1]]
    }
}

/// The places `i` of `b` that are `kept[i]`, sorted by their bytes (a
/// counting sort): `at[start[c]..start[c + 1]]` are those of byte `c`, in
/// order.
fn sort_places(b: &[u8], kept: &[bool]) -> (Vec<usize>, Vec<usize>) {
    let mut start = vec![0; 257];
    for i in 0..b.len() {
        if kept[i] {
            start[usize::from(b[i]) + 1] += 1;
        }
    }
    for c in 0..256 {
        start[c + 1] += start[c];
    }
    let mut next = start.clone();
    let mut at = vec![0; start[256]];
    for i in 0..b.len() {
        if kept[i] {
            let k = &mut next[usize::from(b[i])];
            at[*k] = i;
            *k += 1;
        }
    }
    (start, at)
}

/// Whether byte `i` of `b` is at an ASCII word boundary (or starts `b`):
/// where a pattern whose every branch opens with `\b` may start.
fn at_boundary(b: &[u8], i: usize) -> bool {
    i == 0 || is_word(b[i - 1]) != is_word(b[i])
}

/// An ASCII word byte, as `\b` sees them.
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
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
        // Whitespace is compared as one byte, a space, in prefixes and
        // text alike: `\s` is one prefix, not six, and longer prefixes fit
        // under the cap.
        for x in &mut prefixes {
            if p.ci {
                x.bytes.make_ascii_lowercase();
            }
            x.bytes.iter_mut().for_each(|b| *b = space(*b));
        }
        prefixes = tidy(prefixes);
        let mut starts = Starts {
            first: [0; 256],
            second: Vec::new(),
            at_boundary: p.bounded,
            fold: p.ci,
            deep: Vec::new(),
            firsts: Vec::new(),
        };
        // The bytes compared as `b`: both cases of a letter, when the
        // pattern ignores case; every ASCII space for a space.
        let cases = |b: u8| -> Vec<u8> {
            if b == b' ' {
                SPACES.to_vec()
            } else if p.ci && b.is_ascii_alphabetic() {
                vec![b, b ^ 0x20]
            } else {
                vec![b]
            }
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
            starts.deep = prefixes.iter().map(Deep::of).collect();
        }
        starts.firsts = (0..=u8::MAX)
            .filter(|&b| starts.first[usize::from(b)] != 0)
            .map(|b| {
                let deep = starts.deep_of(b);
                (b, deep.start, deep.end)
            })
            .collect();
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
        let mut i = from;
        while i < b.len() {
            if self.first[usize::from(b[i])] != 0 && self.may_start(b, i) {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// Every byte of `b` where a match may start, in order: what
    /// [`Starts::next`] finds (outside characters' continuation bytes).
    /// When every branch opens with `\b`, they are found through `index`
    /// (made of `b`), which lists the places at a word boundary of each
    /// first byte, so no other byte is read.
    pub(super) fn all(&self, b: &[u8], index: &Index) -> Vec<usize> {
        // Each first byte's places are in order, but several must be
        // merged: they are marked in a bit set and read off it in order
        // (no sort, which would cost the wasm build more code).
        if !self.at_boundary {
            // Few patterns: they read the text (and no match starts inside
            // a character).
            let mut out = Vec::new();
            let mut at = 0;
            while let Some(i) = self.next(b, at) {
                if !(0x80..0xC0).contains(&b[i]) {
                    out.push(i);
                }
                at = i + 1;
            }
            return out;
        }
        let mut marks = vec![0u64; b.len() / 64 + 1];
        // The index's words are this pattern's reading of the text unless
        // the pattern heeds case and the text has capitals.
        let words = (self.fold || index.lower).then_some(&index.words);
        for &(first, from, to) in &self.firsts {
            let deep = &self.deep[from..to];
            for &i in index.places(first) {
                // The table first: it turns most places away, and cheaply.
                if !self.table(b, i) {
                    continue;
                }
                let deep_ok = self.deep.is_empty()
                    || match words {
                        Some(words) => deep_word(deep, words[i], b.len() - i),
                        None => self.deep_match(deep, &b[i..]),
                    };
                if deep_ok {
                    marks[i / 64] |= 1 << (i % 64);
                }
            }
        }
        let mut out = Vec::new();
        for (k, &word) in marks.iter().enumerate() {
            let mut word = word;
            while word != 0 {
                out.push(k * 64 + word.trailing_zeros() as usize);
                word &= word - 1;
            }
        }
        out
    }

    /// Whether a match may start at byte `i` of `b`.
    pub(super) fn may_start(&self, b: &[u8], i: usize) -> bool {
        self.table(b, i)
            && (!self.at_boundary || at_boundary(b, i))
            && (self.deep.is_empty() || self.deep_match(&self.deep[self.deep_of(b[i])], &b[i..]))
    }

    /// Whether the table of the first two bytes lets byte `i` of `b`
    /// through.
    fn table(&self, b: &[u8], i: usize) -> bool {
        match self.first[usize::from(b[i])] {
            0 => false,
            ANY => true,
            k => match b.get(i + 1) {
                Some(&b1) => {
                    self.second[usize::from(k - 1)][usize::from(b1 >> 6)] & (1 << (b1 & 63)) != 0
                }
                None => false,
            },
        }
    }

    /// Where in `deep` the prefixes that start with byte `first` (as
    /// compared) are.
    fn deep_of(&self, first: u8) -> std::ops::Range<usize> {
        let b0 = self.fold(first);
        let from = self.deep.partition_point(|x| x.first() < b0);
        from..from + self.deep[from..].partition_point(|x| x.first() == b0)
    }

    fn fold(&self, c: u8) -> u8 {
        space(if self.fold { c.to_ascii_lowercase() } else { c })
    }

    /// Whether `text` starts with one of `deep`: its first [`DEPTH`] bytes (as
    /// compared) read as one word, and each prefix one masked comparison.
    fn deep_match(&self, deep: &[Deep], text: &[u8]) -> bool {
        let n = text.len().min(DEPTH);
        let mut word = [0; DEPTH];
        for k in 0..n {
            word[k] = self.fold(text[k]);
        }
        deep_word(deep, u64::from_le_bytes(word), text.len())
    }
}

/// Whether one of `deep` begins a place whose word is `word` (as the
/// prefixes are compared) with `left` bytes from there to the end.
fn deep_word(deep: &[Deep], word: u64, left: usize) -> bool {
    for x in deep {
        if x.len <= left && word & x.mask == x.value {
            return true;
        }
    }
    false
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
            b's' => vec![b' '],
            b'n' => vec![b'\n'],
            b't' => vec![b'\t'],
            b'r' => vec![b'\r'],
            b'f' => vec![0x0C],
            b'v' => vec![0x0B],
            // `\x22`: an ASCII byte by its code (escapes of other bytes
            // were made characters by `utf8_escapes`, or are not read).
            b'x' => {
                let hex = self.s.get(self.i..self.i + 2)?;
                let v = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                if !v.is_ascii() {
                    return None;
                }
                self.i += 2;
                vec![v]
            }
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
    fn spaces_compare_as_one_and_prefixes_reach_past_them() {
        // Eight bytes: "can you" is a place, "can see" is not, and any
        // ASCII space stands for `\s`.
        assert_eq!(
            starts(
                r"\b(?:can|will)\s+(?:you|u)\b",
                "can see, can\tyou, will\n u"
            ),
            vec![9, 18]
        );
        // A literal space is any space too (more places, never fewer).
        assert_eq!(starts(r"a b", "a\rb a b"), vec![0, 4]);
    }

    #[test]
    fn ascii_byte_escapes_are_read() {
        assert_eq!(starts(r"(?:'|\x22)x", "'x \"x ax"), vec![0, 3]);
        // Past ASCII, or not hex: no table.
        for src in [r"\xE9", r"\x{22}", r"\xZZ"] {
            assert!(Starts::of(src, false).is_none(), "{src}");
        }
    }

    #[test]
    fn no_table_where_it_cannot_narrow() {
        for src in [
            r"a?", r"\b", r".x", r"[^a]b", r"\w+ing", r"(?x)a", r"a|", r"\Wq",
        ] {
            assert!(Starts::of(src, false).is_none(), "{src}");
        }
    }

    /// The places [`Starts::all`] finds through an index are those of
    /// reading every byte with [`Starts::may_start`].
    fn all_is_every_place(src: &str, ci: bool, text: &str) {
        let s = Starts::of(src, ci).expect("a table");
        let b = text.as_bytes();
        let read: Vec<usize> = (0..b.len())
            .filter(|&i| text.is_char_boundary(i) && s.may_start(b, i))
            .collect();
        assert_eq!(s.all(b, &Index::new(text)), read, "{src:?} on {text:?}");
    }

    const SOURCES: &[(&str, bool)] = &[
        (r"\b(?:order|your\b)", false),
        (r"(?:'|’)ll\b", false),
        (r"\s+from\s+", false),
        (r"x[0-9a]?", true),
        (r"\b(?:Order|booking)\s+id|é", true),
        (r"\bno|not", false),
    ];

    #[test]
    fn index_finds_the_places_reading_finds() {
        for &(src, ci) in SOURCES {
            for text in [
                "",
                "o",
                "order your Order, ORDER yours; booking\tid é X1 xa",
                "we’ll I'll from  from\nfrom é😀x no snot not_no",
            ] {
                all_is_every_place(src, ci, text);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn index_finds_the_places_reading_finds_anywhere(
            text in "[ a-zA-Z0-9_'’é😀\t\n.,#-]{0,60}|(?:order|your|from|ll|no|not|id| |\t)*",
            which in 0..SOURCES.len(),
        ) {
            let (src, ci) = SOURCES[which];
            all_is_every_place(src, ci, &text);
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
