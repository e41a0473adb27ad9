//! Lines: box-drawn cards, `Label: value` lines, dotted leaders, bullets,
//! markdown and HTML tables, indented blocks, all read as pairs and prose.
//!
//! Each line is first stripped of what only decorates it (box frames and
//! border rows, bullets, emoji before a label, `===` around a heading,
//! markdown emphasis, "[View Full Conversation]" links), then split into a
//! label and a value at the first separator: a colon, a spaced dash, a run of
//! leader dots, two or more spaces, or a tab / box bar between cells.
//!
//! What counts as a label is where shapes differ most, and where a reader
//! goes wrong most: "Sarah was charged twice — once on 2 March" is not a
//! label and a value. So a label the synonym table knows may use any
//! separator, while an unknown one ("Channel", "Serial number") must be short
//! and plain and use a colon or a leader. A line without a separator can
//! still be a pair when it ends in an identifier ("Order ID A-99812",
//! "Ticket #4521").
//!
//! Unlabelled lines are continuation or prose. A label with nothing after it
//! ("AI Summary:") opens a block that the following lines fill, one part per
//! line, up to a blank line; a wrapped free-text value (a summary, a reason)
//! takes the lines right below it; an empty label with more indented pairs
//! below it is their parent (`customer:` / `  name: …`); anything else is
//! prose.

use std::borrow::Cow;

use super::chars::{is_symbol, listed, unquoted};
use super::flatten::{Item, Pair};
use super::labels::{self, Field, Meaning};
use super::markup::decode_entities;
use super::prose::is_title;

/// How deep indented blocks nest (`customer:` / `  name:`).
const MAX_NESTING: usize = 8;

/// The line reader's state between lines.
#[derive(Debug, Default)]
pub(crate) struct Lines {
    items: Vec<Item>,
    /// The pair that the next unlabelled lines continue.
    open: Option<Open>,
    /// Labels with no value, which more indented pairs below belong to:
    /// their indent and label.
    parents: Vec<(usize, String)>,
    /// The labels of a table's header row, for the rows below it.
    header: Option<Vec<String>>,
    /// The row on the line before, and how many items there were before
    /// it: a markdown rule under it makes it the header after all.
    last_row: Option<(usize, Vec<String>)>,
    /// The last item is prose that the next unlabelled line continues.
    prose_open: bool,
    /// The last prose line read like a heading.
    heading: bool,
    /// The pair on the line before this one, and whether that line was
    /// framed: a value that wraps ("(FAQ, account" / "settings link)")
    /// continues there.
    last_pair: Option<(usize, bool)>,
    /// A known label was written with a spaced dash ("Name - Sarah"): the
    /// card's plain labels may be too.
    dashed: bool,
    /// Character references are still in the text (it was not HTML, whose
    /// reader decoded them already: decoding twice would turn a written
    /// "&amp;lt;" into "<").
    entities: bool,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    item: usize,
    /// The pair had no value: a block that takes every line to a blank one.
    block: bool,
    /// The pair holds free text (a summary, an issue…): a line that looks
    /// like "Customer says: …" is part of it, not a new pair.
    free_text: bool,
    /// The pair is a chat transcript: every line to a blank one is part of
    /// it, "Customer: …" included.
    transcript: bool,
    /// The label means a one-line field (a name, an order, a priority…)
    /// and stood alone: the next line is its value, and only bullets after
    /// that continue it. Helpdesk side panels stack label and value this
    /// way ("Requester" / "Lucy Hart" / "Priority" / "Normal") without a
    /// blank line between one pair and the next.
    one_line: bool,
    /// The indent of the label's line: a more indented `key: value` under
    /// it is a nested pair, not its value.
    indent: usize,
}

/// How a label was separated from its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Colon,
    /// A run of leader dots: how many, and whether a space comes before
    /// them (a leader, not a "said…" trailing off).
    Dots(usize, bool),
    Dash,
    Spaces,
    Equals,
    /// A table cell or a line that ends in an identifier.
    Cell,
    /// A known label and its value a space apart, in a terse line's
    /// segment: "ord 4471", "wants refund".
    Word,
    /// A value that names its own field, alone in a terse line's segment:
    /// "angry" ([`labels::implied`]).
    Bare,
}

#[derive(Debug, Clone, Copy)]
struct Found<'a> {
    label: &'a str,
    value: &'a str,
    sep: Sep,
}

impl Lines {
    /// A reader for a card's lines; `entities` when its character
    /// references are not decoded yet.
    pub(crate) fn new(entities: bool) -> Lines {
        Lines {
            entities,
            ..Lines::default()
        }
    }

    /// Reads one line of the card (with or without its line break).
    pub(crate) fn line(&mut self, raw: &str) {
        let raw = raw.trim_end_matches(['\n', '\r']);
        for piece in raw.split(['\r', '\u{2028}', '\u{2029}']) {
            self.one_line(piece);
        }
    }

    /// Takes the pairs of a dump that sat between lines.
    pub(crate) fn pairs(&mut self, pairs: Vec<Pair>) {
        self.blank();
        self.items.extend(pairs.into_iter().map(Item::Pair));
    }

    /// The items read, in the card's order.
    pub(crate) fn finish(self) -> Vec<Item> {
        self.items
    }

    fn one_line(&mut self, raw: &str) {
        let decoded = if self.entities {
            decode_entities(raw)
        } else {
            Cow::Borrowed(raw)
        };
        let icon =
            icon_label(decoded.trim_start_matches(|c: char| c.is_whitespace() || is_frame_bar(c)));
        // "|---|---|" under a markdown table's first row: that row was its
        // header, whatever its words ("| Order | Status |"), not a pair.
        let last_row = self.last_row.take();
        if is_markdown_rule(&decoded) {
            // Unless it was a label and its value: "| Customer | Sarah |".
            if let Some((before, cells)) =
                last_row.filter(|(_, cells)| cells.iter().all(|c| column_name(c)))
            {
                self.items.truncate(before);
                self.open = None;
                self.header = Some(cells);
                return;
            }
        }
        let Some((text, indent, bullet, framed)) = strip_decoration(&decoded) else {
            self.blank();
            return;
        };
        let last_pair = self.last_pair.take();
        if self.open.is_some_and(|o| o.transcript) {
            self.text(&text, bullet);
            return;
        }
        if let Some(pairs) = logfmt(&text) {
            for (label, value) in pairs {
                let found = Found {
                    label,
                    value,
                    sep: Sep::Equals,
                };
                self.pair(found, indent, None);
            }
            self.open = None;
            return;
        }
        let joined;
        let cells = split_cells(&text)
            .or_else(|| self.csv_cells(&text))
            .or_else(|| segments(&text));
        if let Some(cells) = cells.as_ref().filter(|_| self.header.is_none()) {
            self.last_row = Some((
                self.items.len(),
                cells.iter().map(|c| c.to_string()).collect(),
            ));
        }
        let text: &str = match cells {
            Some(cells) if self.row(&cells, indent) => return,
            Some(cells) => {
                joined = cells.join(" ");
                &joined
            }
            None => &text,
        };
        let in_free_text = self.open.is_some_and(|o| o.free_text);
        // Under "AI summary:" every line is the summary's until a blank one
        // or a known label; after "Issue: …" on one line, a line of its own
        // that reads as a pair ("Satisfaction risk: High") is one.
        let in_block = self.open.is_some_and(|o| o.free_text && o.block);
        if let Some(open) = self.open.filter(|_| self.awaits_one_line()) {
            // "Tags" / "vip  wholesale": the line under a stacked label is
            // its value, unless it plainly is a pair of its own
            // ("Order: 1234" under a "Customer" left empty, or a nested
            // "  id: 884-1102" under "order:", or
            // "  Name ...... Isabella" under "Contact").
            let own_pair = split_label(text).is_some_and(|f| {
                matches!(f.sep, Sep::Colon | Sep::Dots(_, true))
                    && (indent > open.indent || labels::is_known(f.label))
            }) || (text.split_whitespace().count() <= 4
                && heading_like(text)
                && labels::is_known(text));
            if !own_pair {
                self.text(text, bullet);
                return;
            }
        }
        // A card that writes its labels with dashes ("Name - Beatriz")
        // writes its other labels so too ("Phone - +55 11 …").
        let dashed = self.dashed && !in_free_text;
        let split = split_label(text);
        let found = accepted(split, in_block).or_else(|| {
            split
                .filter(|f| {
                    dashed
                        && f.sep == Sep::Dash
                        && plain_label(f.label)
                        && f.label.split_whitespace().count() <= 2
                })
                .map(|f| (f, None))
        });
        if let Some((found, meaning)) = found {
            self.dashed |= found.sep == Sep::Dash && meaning.is_some();
            self.pair(found, indent, Some(meaning));
            self.last_pair = Some((self.items.len() - 1, framed));
        } else if let Some((found, meaning)) = accepted(label_then_id(text), in_free_text) {
            self.pair(found, indent, Some(meaning));
        } else if let Some(meaning) = (text.split_whitespace().count() <= 4
            && (!in_free_text || heading_like(text)))
        .then(|| labels::meaning(text))
        .flatten()
        {
            // A label on a line of its own ("AI summary", "<label>Notes</label>",
            // "## Summary"): the lines below are its value. Inside free text
            // only one that looks like a heading ("Priority", not "request.").
            self.pair(
                Found {
                    label: text,
                    value: "",
                    sep: Sep::Cell,
                },
                indent,
                Some(Some(meaning)),
            );
        } else if let Some(label) = icon {
            // "👤 Amara Okafor · ⭐ VIP": the icon is the label, up to the
            // next spaced dot or bar; what follows is a line of its own.
            let (value, rest) = split_icon_value(text);
            self.pair(
                Found {
                    label,
                    value,
                    sep: Sep::Cell,
                },
                indent,
                Some(labels::meaning(label)),
            );
            if let Some(rest) = rest {
                self.one_line(rest);
            }
        } else if let Some(item) =
            last_pair.filter(|&(i, was_framed)| self.wraps(i, text, framed && was_framed))
        {
            if let Some(Item::Pair(p)) = self.items.get_mut(item.0) {
                p.parts.push(text.to_string());
            }
            self.last_pair = Some(item);
        } else {
            self.text(text, bullet);
        }
    }

    /// The cells of a comma-separated line that is a CSV header (three or
    /// more known labels) or a row under one (as many cells).
    fn csv_cells<'t>(&self, text: &'t str) -> Option<Vec<&'t str>> {
        if !text.contains(',') {
            return None;
        }
        let cells = split_csv(text);
        let fits = match &self.header {
            Some(header) => header.len() == cells.len(),
            None => cells.len() >= 3 && cells.iter().all(|c| labels::is_known(c)),
        };
        fits.then_some(cells)
    }

    /// Whether a one-line field stands open without its value yet.
    fn awaits_one_line(&self) -> bool {
        self.open.is_some_and(|o| {
            o.one_line
                && matches!(self.items.get(o.item), Some(Item::Pair(p)) if p.parts.is_empty())
        })
    }

    /// Whether `text` is the wrapped rest of pair `item`'s value: the value
    /// left a parenthesis open or ended on a comma, or, in a box, the line
    /// goes on in lower case.
    fn wraps(&self, item: usize, text: &str, boxed: bool) -> bool {
        let Some(Item::Pair(p)) = self.items.get(item) else {
            return false;
        };
        let Some(value) = p.parts.last() else {
            return false;
        };
        let open = value.matches('(').count() > value.matches(')').count();
        open || value.ends_with([',', '-', '/']) || (boxed && text.starts_with(char::is_lowercase))
    }

    /// A table row (cells split by tabs or bars). Returns whether it was one.
    fn row(&mut self, cells: &[&str], indent: usize) -> bool {
        // "Customer: Sarah | Order: 1234" (or "| Order 1234"), and
        // "Customer: Sarah Chen | VIP", where a cell without a label belongs
        // to the pair before it.
        let pairs: Vec<Option<(Found, Option<Meaning>)>> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| cell_pair(c, i > 0))
            .collect();
        if pairs[0].is_some() {
            let mut i = 0;
            while let Some(Some((f, meaning))) = pairs.get(i) {
                let more = pairs[i + 1..].iter().take_while(|p| p.is_none()).count();
                let value: Vec<&str> = std::iter::once(f.value)
                    .chain(cells[i + 1..=i + more].iter().copied())
                    .filter(|v| !v.is_empty())
                    .collect();
                self.pair(
                    Found {
                        value: &value.join(" | "),
                        ..*f
                    },
                    indent,
                    Some(*meaning),
                );
                i += 1 + more;
            }
            self.open = None;
            return true;
        }
        // A header: every cell a known label. Of two, the second must not
        // be a value that is also a label's word ("Customer tier | VIP",
        // "Customer | Guest"): that is a label and its value.
        let value_like = |c: &str| {
            labels::meaning(c)
                .is_some_and(|m| matches!(m.field, Field::Vip | Field::AfterHours | Field::Name))
        };
        if cells.iter().all(|c| labels::is_known(c)) && (cells.len() >= 3 || !value_like(cells[1]))
        {
            self.blank();
            self.header = Some(cells.iter().map(|c| c.to_string()).collect());
            return true;
        }
        if let Some(header) = self.header.take() {
            if header.len() == cells.len() {
                for (label, value) in header.iter().zip(cells) {
                    self.pair(
                        Found {
                            label,
                            value,
                            sep: Sep::Cell,
                        },
                        indent,
                        None,
                    );
                }
                self.open = None;
                self.header = Some(header);
                return true;
            }
        }
        let (label, values) = (cells[0], &cells[1..]);
        // A two-column table's own header: "| Field | Value |".
        let header = ["value", "values", "details", "detail", "info", "data"];
        if cells.len() == 2 && header.iter().any(|h| h.eq_ignore_ascii_case(cells[1])) {
            return true;
        }
        if labels::is_known(label) || plain_label(label) {
            let value = values.join(", ");
            self.pair(
                Found {
                    label,
                    value: &value,
                    sep: Sep::Cell,
                },
                indent,
                None,
            );
            return true;
        }
        false
    }

    /// Adds the pair `found` (and any pairs its value holds); `known` is
    /// the meaning of its label when the caller has already read it.
    fn pair(&mut self, found: Found, indent: usize, known: Option<Option<Meaning>>) {
        self.prose_open = false;
        while self.parents.last().is_some_and(|(at, _)| *at >= indent) {
            self.parents.pop();
        }
        let ancestors: Vec<String> = self.parents.iter().map(|(_, l)| l.clone()).collect();
        // A nested label is written with its parents, as a dump's is.
        let path = |label: &str| {
            let mut p = ancestors.join(".");
            if !p.is_empty() {
                p.push('.');
            }
            p.push_str(label);
            p
        };
        let mut label = clean_label(found.label).to_string();
        let mut rest = found.value;
        let mut known = known.filter(|_| ancestors.is_empty());
        loop {
            let (value, next) = split_more(rest);
            let value = clean_value(value, found.label);
            let meaning = known
                .take()
                .unwrap_or_else(|| labels::meaning_in(&ancestors, &label));
            let field = meaning.map(|m| m.field);
            let transcript = field == Some(Field::Transcript);
            let free_text = transcript
                || matches!(
                    field,
                    Some(
                        Field::Summary
                            | Field::Issue
                            | Field::Outcome
                            | Field::Reason
                            | Field::Tried
                    )
                );
            self.items.push(Item::Pair(Pair {
                label: path(&label),
                meaning,
                parts: if value.is_empty() {
                    Vec::new()
                } else {
                    vec![value.to_string()]
                },
                list: false,
            }));
            let item = self.items.len() - 1;
            self.open = match (value.is_empty(), free_text) {
                (true, _) => Some(Open {
                    item,
                    block: true,
                    free_text,
                    transcript,
                    one_line: field.is_some() && !free_text,
                    indent,
                }),
                (false, true) => Some(Open {
                    item,
                    block: false,
                    free_text,
                    transcript,
                    one_line: false,
                    indent,
                }),
                (false, false) => None,
            };
            match next {
                Some(f) => {
                    label = clean_label(f.label).to_string();
                    rest = f.value;
                }
                None => break,
            }
        }
        // A card nests a few levels at most; deeper indentation is read as
        // siblings, which keeps a pathological card linear.
        if self.open.is_some_and(|o| o.block) && self.parents.len() < MAX_NESTING {
            self.parents.push((indent, label));
        }
    }

    fn text(&mut self, text: &str, bullet: bool) {
        if let Some(open) = self.open {
            if let Some(Item::Pair(p)) = self.items.get_mut(open.item) {
                // A one-line field takes its one line, or a run of bullets.
                let takes = !open.one_line || p.parts.is_empty() || (bullet && p.list);
                if takes {
                    if open.one_line && !bullet && p.parts.is_empty() {
                        self.open = None;
                    }
                    p.parts.push(text.to_string());
                    p.list |= bullet;
                    return;
                }
                self.open = None;
            }
        }
        // A short line without a full stop before a capital is a heading
        // ("Conversation with Lena Fischer" / "Lena is on…"), not the first
        // half of a wrapped sentence.
        let after_heading = self.heading && text.starts_with(char::is_uppercase);
        match self.items.last_mut() {
            Some(Item::Prose(p)) if self.prose_open && !bullet && !after_heading => {
                p.push(' ');
                p.push_str(text);
            }
            _ => self.items.push(Item::Prose(text.to_string())),
        }
        self.prose_open = true;
        self.heading =
            text.split_whitespace().count() <= 8 && !text.ends_with(['.', '!', '?', ',', ';', ':']);
    }

    fn blank(&mut self) {
        // A blank line right under "AI Summary:" does not end its block yet.
        if let Some(open) = self.open {
            if open.block
                && matches!(self.items.get(open.item), Some(Item::Pair(p)) if p.parts.is_empty())
            {
                return;
            }
        }
        self.open = None;
        self.prose_open = false;
        self.header = None;
    }
}

/// The split with its label's meaning, when it is accepted.
fn accepted(found: Option<Found<'_>>, in_free_text: bool) -> Option<(Found<'_>, Option<Meaning>)> {
    let found = found?;
    Some((found, accepts(&found, in_free_text)?))
}

/// Whether a found label/value split is a pair here: a label the table
/// knows may use any separator; an unknown one must be plain and use a colon
/// or leader dots; inside free text only a known label starts a new pair.
/// Returns the label's meaning (`None` inside for an unknown label) when
/// the split is accepted.
fn accepts(found: &Found, in_free_text: bool) -> Option<Option<Meaning>> {
    if found.sep == Sep::Bare {
        return labels::implied(found.value).map(Some);
    }
    if let Some(m) = labels::meaning(found.label) {
        return Some(Some(m));
    }
    let plain = !in_free_text
        && match found.sep {
            Sep::Colon | Sep::Cell => plain_label(found.label),
            Sep::Dots(n, spaced) => n >= 3 && spaced && plain_label(found.label),
            // A lone `queue=Returns_Escalations`.
            Sep::Equals => {
                plain_label(found.label) && !found.label.contains(' ') && !found.value.contains(' ')
            }
            Sep::Dash | Sep::Spaces | Sep::Word | Sep::Bare => false,
        };
    plain.then_some(None)
}

/// A line that reads like a heading: it starts with a capital and has no
/// sentence punctuation.
fn heading_like(text: &str) -> bool {
    text.starts_with(char::is_uppercase) && !text.contains(['.', ',', ';', '!', '?'])
}

/// A label nobody listed may still be one when it reads like one: one to
/// three words, starting with a letter, no sentence punctuation.
fn plain_label(label: &str) -> bool {
    let label = clean_label(label);
    let words = label.split_whitespace().count();
    (1..=3).contains(&words)
        && label.len() <= 40
        && label.chars().next().is_some_and(char::is_alphabetic)
        && !label.contains(|c: char| c.is_ascii_digit())
        && !label.contains([
            ',', ';', ':', '!', '?', '(', ')', '"', '“', '”', '[', ']', '<', '>', '@', '$',
        ])
}

/// The label without what only marks it as one: quotes, emphasis, a
/// trailing colon.
fn clean_label(label: &str) -> &str {
    label
        .trim()
        .trim_end_matches([':', '：'])
        .trim_matches(['"', '\'', '*', '_', '`'])
        .trim()
}

/// The value without quotes that only a JSON-like line put around it; a
/// YAML block indicator (`summary: >`) is no value: the block follows.
fn clean_value<'a>(value: &'a str, label: &str) -> &'a str {
    let value = value.trim();
    if matches!(value, ">" | "|" | ">-" | "|-" | ">+" | "|+") {
        return "";
    }
    let quoted_label = label.trim().starts_with(['"', '\'']);
    if quoted_label {
        let v = value.trim_end_matches(',').trim();
        return v.trim_matches(['"', '\'']).trim();
    }
    value
}

/// Splits `text` at the first separator into a label and a value. Looks no
/// further than a label could be long.
fn split_label(text: &str) -> Option<Found<'_>> {
    const MAX_LABEL: usize = 64;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if i > MAX_LABEL {
            return None;
        }
        let after = &text[i + c.len_utf8()..];
        let (sep, value) = match c {
            ':' => {
                if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
                    // "14:02", "https://…": not a separator.
                    if after.starts_with("//") || after.starts_with(|d: char| d.is_ascii_digit()) {
                        continue;
                    }
                }
                (Sep::Colon, after)
            }
            '：' => (Sep::Colon, after),
            '.' | '…' if i > 0 => {
                let run_end = text[i..]
                    .find(|d: char| d != '.' && d != '…')
                    .map_or(text.len(), |n| i + n);
                let run = &text[i..run_end];
                let dots = run.chars().map(|d| if d == '…' { 3 } else { 1 }).sum();
                // One dot counts when spaced like a leader whose label
                // filled the column: "TransferReason . Caller said…".
                let spaced_one = text[..i].ends_with(' ') && text[run_end..].starts_with(' ');
                if dots < 2 && !spaced_one {
                    continue;
                }
                (Sep::Dots(dots, text[..i].ends_with(' ')), &text[run_end..])
            }
            ' ' => {
                if bytes.get(i + 1) == Some(&b' ') {
                    (Sep::Spaces, after)
                } else if let Some(v) = ["- ", "– ", "— "]
                    .iter()
                    .find_map(|d| after.strip_prefix(d))
                {
                    (Sep::Dash, v)
                } else {
                    continue;
                }
            }
            '=' if i > 0 && !after.starts_with('=') => (Sep::Equals, after),
            _ => continue,
        };
        let label = text[..i].trim();
        if label.is_empty() || label.chars().all(|c| !c.is_alphanumeric()) {
            return None;
        }
        // "*Issue:* Charged twice" (Slack's bold), "__Order:__ 1234": the
        // mark that closes the label's emphasis is not the value's.
        let mut value = value.trim();
        for mark in ["**", "__", "*", "_"] {
            if label.starts_with(mark) {
                if let Some(v) = value.strip_prefix(mark) {
                    value = v.trim_start();
                    break;
                }
            }
        }
        return Some(Found { label, value, sep });
    }
    None
}

/// "Order ID A-99812", "Ticket #4521": a short label and one identifier,
/// with no separator between them.
fn label_then_id(text: &str) -> Option<Found<'_>> {
    let (label, token) = text.trim().rsplit_once(' ')?;
    if !id_like(token) {
        return None;
    }
    let label = label.trim();
    let short =
        label.split_whitespace().count() <= 2 && !label.contains(|c: char| c.is_ascii_digit());
    let known = || labels::meaning(label).is_some_and(|m| m.field == Field::Order);
    ((short && plain_label(label)) || known()).then_some(Found {
        label,
        value: token,
        sep: Sep::Cell,
    })
}

/// Whether `token` reads as an identifier: "A-99812", "#4521", "4471".
fn id_like(token: &str) -> bool {
    let id = token.trim_start_matches('#');
    id.len() >= 3
        && id.chars().any(|c| c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// The pair a table cell or a line's segment holds, with its label's
/// meaning: `Label: value`, `Order ID A-99812`, and, in a cell after the
/// first (`later`), the terse forms [`terse`] reads.
fn cell_pair(cell: &str, later: bool) -> Option<(Found<'_>, Option<Meaning>)> {
    let found = split_label(cell).or_else(|| label_then_id(cell));
    match accepted(found, false) {
        Some(pair) => Some(pair),
        None if later && found.is_none() => accepted(terse(cell), false),
        None => None,
    }
}

/// A terse note's segment that is a pair without a separator: a feeling
/// word alone ("angry"), or a known label a space before its value ("ord
/// 4471", "wants refund", "prio high"). Only for fields whose value cannot
/// be mistaken: an order label needs an identifier after it, and names,
/// flags and free text need a real separator ("VIP customer" is no flag's
/// value, "customer angry" no name).
fn terse(cell: &str) -> Option<Found<'_>> {
    let cell = cell.trim();
    if labels::implied(cell).is_some() {
        return Some(Found {
            label: cell,
            value: cell,
            sep: Sep::Bare,
        });
    }
    // The label is the cell's first word or two: "order number 4471".
    cell.match_indices(' ').take(2).find_map(|(end, _)| {
        let (label, value) = (&cell[..end], cell[end + 1..].trim());
        let field = labels::meaning(label)?.field;
        let fits = match field {
            Field::Order => value.split_whitespace().next().is_some_and(id_like),
            Field::Outcome | Field::Priority | Field::Sentiment => {
                value.chars().any(char::is_alphanumeric)
            }
            _ => false,
        };
        fits.then_some(Found {
            label,
            value,
            sep: Sep::Word,
        })
    })
}

/// The segments of a terse one-line card, split at spaced middle dots,
/// bullets and dashes ("Cust: Sam · ord 4471 · wants refund · angry",
/// "Ticket #88123 — Order #77120 — Customer: Femi Adebayo"), when it reads
/// as a row of pairs: the first segment is a pair whose value is not free
/// text (a summary may well hold " — " and a word that reads as a pair),
/// and at least one other segment is a pair too. Anything else ("Customer:
/// Sarah Chen · sarah@x.io", "Sarah was charged — once") stays one line.
fn segments(text: &str) -> Option<Vec<&str>> {
    if !text.contains(['·', '•', '—', '–']) && !text.contains(" - ") {
        return None;
    }
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let spaced = text[..i].ends_with(' ') && text[i + c.len_utf8()..].starts_with(' ');
        if spaced && matches!(c, '·' | '•' | '—' | '–' | '-') {
            cells.push(text[start..i].trim());
            start = i + c.len_utf8();
        }
    }
    cells.push(text[start..].trim());
    cells.retain(|c| !c.is_empty());
    if cells.len() < 2 {
        return None;
    }
    let (_, first) = cell_pair(cells[0], false)?;
    let free_text = first.is_some_and(|m| {
        matches!(
            m.field,
            Field::Summary
                | Field::Issue
                | Field::Outcome
                | Field::Reason
                | Field::Tried
                | Field::Transcript
        )
    });
    let more = cells[1..].iter().any(|c| cell_pair(c, true).is_some());
    (!free_text && more).then_some(cells)
}

/// A value up to the next embedded pair ("Sarah Chen | Order: 12345"), and
/// that pair: a known label with a colon after a bar, a semicolon, a comma,
/// a bullet or a wide gap.
fn split_more(value: &str) -> (&str, Option<Found<'_>>) {
    for (i, c) in value.char_indices() {
        let gap = match c {
            '|' | ';' | ',' | '·' | '•' => c.len_utf8(),
            ' ' if value[i + 1..].starts_with(' ') => 2,
            _ => continue,
        };
        let rest = value[i + gap..].trim_start();
        if let Some(f) = split_label(rest) {
            let known = labels::is_known(f.label) && plain_or_known_len(f.label);
            // A semicolon ends a value for any label that reads like one:
            // "Reason: renews after cancelling; Account no.: 0044812".
            let after_semicolon = c == ';' && plain_label(f.label);
            if f.sep == Sep::Colon && (known || after_semicolon) {
                return (value[..i].trim_end(), Some(f));
            }
        }
    }
    (value, None)
}

fn plain_or_known_len(label: &str) -> bool {
    label.split_whitespace().count() <= 4
}

/// The cells of a comma-separated line, unquoted; a comma inside double
/// quotes does not split.
fn split_csv(text: &str) -> Vec<&str> {
    let mut cells = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                cells.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    cells.push(&text[start..]);
    cells
        .into_iter()
        .map(|c| c.trim().trim_matches('"').trim())
        .collect()
}

/// A log line of `key=value` pairs (logfmt: `customer="Jonas L" order_id=A-1
/// vip=false`), when every token of the line is one and there are at least
/// three: the keys and the values, unquoted.
fn logfmt(text: &str) -> Option<Vec<(&str, &str)>> {
    if !text.contains('=') {
        return None;
    }
    let mut pairs = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let eq = rest.find('=')?;
        let key = &rest[..eq];
        let key_like = key
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
        if !key_like {
            return None;
        }
        let after = &rest[eq + 1..];
        let (value, next) = match after.strip_prefix('"') {
            Some(quoted) => {
                let end = quoted.find('"')?;
                (&quoted[..end], &quoted[end + 1..])
            }
            None => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        if !(next.is_empty() || next.starts_with(char::is_whitespace)) {
            return None;
        }
        pairs.push((key, value));
        rest = next.trim_start();
    }
    (pairs.len() >= 3).then_some(pairs)
}

/// Splits a row into cells at tabs, box bars and spaced pipes; `None` for a
/// line of one cell.
fn split_cells(text: &str) -> Option<Vec<&str>> {
    if !text.contains(['\t', '│', '┃', '║', '¦', '|']) {
        return None;
    }
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let bar = match c {
            '\t' | '│' | '┃' | '║' | '¦' => true,
            '|' => text[..i].ends_with(' ') || text[i + 1..].starts_with(' '),
            _ => false,
        };
        if bar {
            cells.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    cells.push(&text[start..]);
    let cells: Vec<&str> = cells
        .into_iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    (cells.len() >= 2).then_some(cells)
}

/// Whether a table cell reads as a column's name: a label the synonym
/// table knows, or a word tables name their columns with.
fn column_name(cell: &str) -> bool {
    labels::is_known(cell)
        || listed(
            "status date qty quantity item items product price amount total description value details type number id ref notes",
            cell.trim(),
        )
}

/// A markdown table's rule under its header: "|---|:---:|", "---|---".
fn is_markdown_rule(line: &str) -> bool {
    let t = line.trim();
    t.contains('|')
        && t.contains("--")
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

fn is_box(c: char) -> bool {
    ('\u{2500}'..='\u{257f}').contains(&c) || ('\u{2580}'..='\u{259f}').contains(&c)
}

fn is_frame_bar(c: char) -> bool {
    matches!(c, '│' | '┃' | '║' | '|' | '¦' | '╎' | '┆')
}

/// A line of only border characters: `+-----+`, `├────┤`, `=====`, `|---|---|`.
fn is_border(text: &str) -> bool {
    let mut marks = 0;
    for c in text.chars() {
        if is_box(c)
            || matches!(
                c,
                '+' | '-' | '=' | '_' | '*' | '~' | '#' | '|' | ':' | '.' | '·' | '•'
            )
        {
            marks += 1;
        } else if !c.is_whitespace() {
            return false;
        }
    }
    marks >= 3
}

/// The label an icon stands for when a line opens with one and has no label
/// of its own: helpdesk sidebars write "👤 Amara Okafor", "💬 \"…\"",
/// "📦 A-1001". Only icons whose meaning is plain; the rest are decoration,
/// except before a quotation: "📝 \"Charged after I cancelled\"" quotes
/// the customer, whatever the icon. A speech icon before the card's title
/// ("💬 Crisp — MagicReply handoff") is decoration too: a title is never
/// the customer's words.
fn icon_label(line: &str) -> Option<&'static str> {
    let first = line.chars().next()?;
    let rest = line[first.len_utf8()..]
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FE0F}')
        .trim_end();
    let quoted = rest.len() > 2 && unquoted(rest).len() < rest.len();
    Some(match first {
        '👤' | '🧑' | '🙋' | '👩' | '👨' | '🧍' => "Customer",
        '💬' | '🗨' | '🗣' if !is_title(rest) => "Customer said",
        '📧' | '✉' | '📨' | '📩' => "Email",
        '📦' | '🛒' | '🧾' | '🛍' => "Order",
        '📞' | '☎' | '📱' => "Phone",
        c if is_symbol(c) && quoted => "Customer said",
        _ => return None,
    })
}

/// An icon line's value up to a spaced separator (" · ", " | ", " • ", a
/// wide gap), and the rest after it.
fn split_icon_value(text: &str) -> (&str, Option<&str>) {
    for sep in [" · ", " | ", " • ", "   "] {
        if let Some((value, rest)) = text.split_once(sep) {
            let rest = rest.trim();
            return (value.trim(), (!rest.is_empty()).then_some(rest));
        }
    }
    (text.trim(), None)
}

/// The line without frames, borders, bullets, emoji and emphasis, with its
/// indent, whether it was a list item and whether it was framed; `None` for
/// a blank line.
fn strip_decoration(line: &str) -> Option<(Cow<'_, str>, usize, bool, bool)> {
    let mut s = line.trim_end();
    let trimmed = s.trim_start();
    if trimmed.is_empty() || is_border(trimmed) {
        return None;
    }
    // Frames: "│ Customer: Sarah Chen │", "| Order #: 1 |", and a frame of
    // any mark that closes the line as it opens it: "* Customer: X *".
    let mut framed = false;
    if let Some(inner) = trimmed.strip_prefix(is_frame_bar) {
        let inner = inner.trim_end();
        s = inner.strip_suffix(is_frame_bar).unwrap_or(inner).trim_end();
        framed = true;
    } else if let Some(mark) = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '*' | '#' | '+' | '!' | '~'))
    {
        let inner = &trimmed[mark.len_utf8()..];
        if inner.starts_with(' ') && inner.trim_end().ends_with(mark) && inner.trim().len() > 1 {
            let inner = inner.trim_end();
            s = inner[..inner.len() - mark.len_utf8()].trim_end();
            framed = true;
        }
    }
    let indent = s.len() - s.trim_start().len();
    let mut s = without_timestamp(s.trim());
    // Headings between rules: "=== PRIORITY ESCALATION ===", "## Summary".
    let rule = |c: char| matches!(c, '=' | '~' | '*' | '#' | '-' | '_') || is_box(c);
    if s.chars().take_while(|&c| rule(c)).count() >= 2 || s.starts_with("# ") {
        s = s.trim_start_matches(rule).trim_start();
    }
    if s.chars().rev().take_while(|&c| rule(c)).count() >= 2 {
        s = s.trim_end_matches(rule).trim_end();
    }
    // Bullets and numbered items, then emoji or symbols before a label.
    let mut bullet = false;
    for _ in 0..2 {
        let mut chars = s.chars();
        let first = chars.next()?;
        let bullet_char = matches!(
            first,
            '•' | '·'
                | '▪'
                | '◦'
                | '‣'
                | '●'
                | '○'
                | '■'
                | '□'
                | '►'
                | '▶'
                | '→'
                | '-'
                | '*'
                | '+'
                | '–'
                | '—'
                | '>'
        );
        if bullet_char && chars.as_str().starts_with(char::is_whitespace) {
            s = chars.as_str().trim_start();
            bullet = true;
            continue;
        }
        let digits = s.chars().take_while(char::is_ascii_digit).count();
        if (1..=3).contains(&digits)
            && s[digits..].starts_with([')', '.'])
            && s[digits + 1..].starts_with(' ')
        {
            s = s[digits + 1..].trim_start();
            bullet = true;
            continue;
        }
        break;
    }
    s = s.trim_start_matches(|c: char| is_symbol(c) || c.is_whitespace());
    let s = drop_links(s);
    let s = if s.contains(['*', '_']) && (s.contains("**") || s.contains("__")) {
        Cow::Owned(s.replace("**", "").replace("__", ""))
    } else {
        s
    };
    if s.trim().is_empty() {
        return None;
    }
    Some((s, indent, bullet, framed))
}

/// A log line without its bracketed time stamp: "[2026-03-05 10:41:07]
/// Customer: Dana" is read as "Customer: Dana".
fn without_timestamp(line: &str) -> &str {
    let Some(inner) = line.strip_prefix('[') else {
        return line;
    };
    let Some(end) = inner.find(']') else {
        return line;
    };
    let stamp = &inner[..end];
    let time_like = stamp.bytes().filter(u8::is_ascii_digit).count() >= 4
        && stamp.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '-' | ':' | '/' | '.' | ' ' | 'T' | 'Z' | '+' | ',')
        })
        && stamp.contains(':');
    if time_like {
        inner[end + 1..].trim_start()
    } else {
        line
    }
}

/// The text without "[View Full Conversation]"-style links (and the URL of a
/// markdown link after them), and nothing of a line that is only such a
/// button's words ("View full transcript →"): they name a button, not the
/// customer's case.
fn drop_links(text: &str) -> Cow<'_, str> {
    if is_button(text) {
        return Cow::Borrowed("");
    }
    if text.contains("<http") || text.contains("<mailto:") {
        // Slack's links: "<https://…|Open ticket #66120>" shows its words,
        // "<https://…>" only the address.
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find("<http").or_else(|| rest.find("<mailto:")) {
            let Some(close) = rest[open..].find('>').map(|n| open + n) else {
                break;
            };
            out.push_str(&rest[..open]);
            let link = &rest[open + 1..close];
            if let Some((_, words)) = link.split_once('|') {
                if !is_button(words) {
                    out.push_str(words);
                }
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        let out = out.trim();
        if is_button(out) {
            return Cow::Borrowed("");
        }
        return Cow::Owned(drop_links(out).into_owned());
    }
    if !text.contains('[') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|n| open + n) else {
            break;
        };
        if !is_button(&rest[open + 1..close]) {
            out.push_str(&rest[..=close]);
            rest = &rest[close + 1..];
            continue;
        }
        out.push_str(rest[..open].trim_end());
        rest = &rest[close + 1..];
        if rest.starts_with('(') {
            rest = rest.find(')').map_or("", |n| &rest[n + 1..]);
        }
    }
    out.push_str(rest);
    Cow::Owned(out.trim().to_string())
}

/// A button's words: a few words that open with a verb of looking and name
/// what it opens ("View Full Conversation", "Open transcript", "Show more").
fn is_button(text: &str) -> bool {
    // Read word by word, without collecting: every line and value of a card
    // is asked, and almost none opens with a verb of looking.
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    if !words
        .next()
        .is_some_and(|w| listed("view open see show click expand read", w))
    {
        return false;
    }
    let mut names_what = false;
    for (n, w) in words.enumerate() {
        if n >= 4 {
            return false; // more than five words
        }
        names_what |= listed(
            "conversation transcript chat details ticket more full history thread",
            w,
        );
    }
    names_what
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(card: &str) -> Vec<Item> {
        let mut lines = Lines::new(true);
        for l in card.split_inclusive('\n') {
            lines.line(l);
        }
        lines.finish()
    }

    fn pairs(card: &str) -> Vec<(String, String)> {
        read(card)
            .into_iter()
            .filter_map(|i| match i {
                Item::Pair(p) => Some((p.label.clone(), p.value())),
                Item::Prose(_) => None,
            })
            .collect()
    }

    fn p(l: &str, v: &str) -> (String, String) {
        (l.to_string(), v.to_string())
    }

    #[test]
    fn separators() {
        let got = pairs(
            "Name - Sarah\nOrder #: 12345\nCUSTOMER ........ Chen, Sarah\n• What happened — broke\n👤 Customer: Jess\nOrder ID A-99812\n",
        );
        assert_eq!(
            got,
            vec![
                p("Name", "Sarah"),
                p("Order #", "12345"),
                p("CUSTOMER", "Chen, Sarah"),
                p("What happened", "broke"),
                p("Customer", "Jess"),
                p("Order ID", "A-99812"),
            ]
        );
    }

    #[test]
    fn box_blocks_continue_to_the_blank_line() {
        let card = "┌────┐\n│ Customer: Sarah Chen │\n│ AI Summary: │\n│ Charged twice. Wants │\n│ refund. │\n│ │\n│ [View Full Conversation] │\n└────┘";
        let got = pairs(card);
        assert_eq!(
            got,
            vec![
                p("Customer", "Sarah Chen"),
                p("AI Summary", "Charged twice. Wants refund.")
            ]
        );
        assert!(!read(card)
            .iter()
            .any(|i| matches!(i, Item::Prose(t) if t.contains("View"))));
    }

    #[test]
    fn prose_is_not_a_pair() {
        let items = read("Sarah was charged twice for order #12345 — once on 2 March.\nAFTER-HOURS TICKET (at 23:47, outside)");
        assert_eq!(items.len(), 1);
        assert!(
            matches!(&items[0], Item::Prose(t) if t.starts_with("Sarah") && t.ends_with("outside)"))
        );
    }

    #[test]
    fn tables_rows_and_embedded_pairs() {
        assert_eq!(
            pairs("| Customer | Sarah |\n|---|---|\n| Order | 1234 |"),
            vec![p("Customer", "Sarah"), p("Order", "1234")]
        );
        assert_eq!(
            pairs("Customer\tOrder #\nSarah\t1234"),
            vec![p("Customer", "Sarah"), p("Order #", "1234")]
        );
        assert_eq!(
            pairs("Customer: Sarah Chen | VIP"),
            vec![p("Customer", "Sarah Chen | VIP")]
        );
        assert_eq!(
            pairs("Customer: Sarah Chen | Order: 1234, Mood: angry"),
            vec![
                p("Customer", "Sarah Chen"),
                p("Order", "1234"),
                p("Mood", "angry")
            ]
        );
    }

    #[test]
    fn terse_segments_are_pairs() {
        let items = read("Cust: Sam · ord 4471 · wants refund · angry");
        let got: Vec<(String, Option<Field>, String)> = items
            .iter()
            .filter_map(|i| match i {
                Item::Pair(p) => Some((p.label.clone(), p.meaning.map(|m| m.field), p.value())),
                Item::Prose(_) => None,
            })
            .collect();
        let want = [
            ("Cust", Field::Name, "Sam"),
            ("ord", Field::Order, "4471"),
            ("wants", Field::Outcome, "refund"),
            ("angry", Field::Sentiment, "angry"),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((label, field, value), (l, f, v)) in got.iter().zip(want) {
            assert_eq!((label.as_str(), *field, value.as_str()), (l, Some(f), v));
        }
        assert_eq!(
            pairs("Ticket #88123 — Order #77120 — Customer: Femi Adebayo — sentiment: frustrated"),
            vec![
                p("Ticket", "#88123"),
                p("Order", "#77120"),
                p("Customer", "Femi Adebayo"),
                p("sentiment", "frustrated")
            ]
        );
    }

    #[test]
    fn dots_and_dashes_that_are_not_segments() {
        // The rest is no pair: the value keeps it.
        assert_eq!(
            pairs("Customer: Sarah Chen · sarah@x.io"),
            vec![p("Customer", "Sarah Chen · sarah@x.io")]
        );
        assert_eq!(
            pairs("Reason: Refund wrong — shipping not refunded"),
            vec![p("Reason", "Refund wrong — shipping not refunded")]
        );
        // Free text keeps its dashes, whatever follows them.
        assert_eq!(
            pairs("Summary: Sam wants a refund — order 4471 was late"),
            vec![p("Summary", "Sam wants a refund — order 4471 was late")]
        );
        // No flag, name or bare order word without a separator.
        assert_eq!(
            pairs("Priority: High — VIP customer"),
            vec![p("Priority", "High — VIP customer")]
        );
        assert_eq!(
            pairs("Customer: Sam · order shipped late"),
            vec![p("Customer", "Sam · order shipped late")]
        );
        // Prose with a dash is prose.
        let items = read("Sarah was charged twice — angry");
        assert!(matches!(&items[..], [Item::Prose(_)]), "{items:?}");
    }

    #[test]
    fn indented_blocks_are_parents() {
        let items = read("customer:\n  name: Sarah\n  email: s@x.io\nsummary: hi");
        let Item::Pair(name) = &items[1] else {
            panic!()
        };
        assert_eq!(name.label, "customer.name");
        assert_eq!(name.meaning.map(|m| m.field), Some(Field::Name));
        let Item::Pair(summary) = &items[3] else {
            panic!()
        };
        assert_eq!(summary.label, "summary");
    }
}
