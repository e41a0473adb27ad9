//! One pass over a reply for every rule pattern that reads it whole, so
//! that the patterns that cannot match are not run at all.
//!
//! Most of a reply's patterns find nothing: a first message thanks no one,
//! a closing introduces no one. Run one by one, forty patterns are forty
//! searches of the reply, each paying its own start-up. The rules' patterns
//! are also compiled together into one [`PatternSet`]; [`Scan::reply`]
//! runs it once and the [`Reply`] it makes remembers which patterns match
//! somewhere. A pattern that does not is skipped ([`Rx::find_in`] gives
//! nothing without searching), and one that does runs as before, so what
//! matches never changes: the set only ever skips a search whose answer it
//! already knows to be empty.
//!
//! Only searches of the whole lower-cased reply are skipped. A pattern run
//! over a slice (a sentence, a clause) can match there and nowhere in the
//! whole reply, since a slice's edge is a word boundary the reply may not
//! have; such searches go to the [`Pattern`] itself ([`Rx`] dereferences to
//! it), and patterns only ever run on slices are plain [`Pattern`]s made
//! with [`super::pat`].

use std::ops::{Deref, Range};

use crate::pattern::{Pattern, PatternSet};

use super::pat;
use super::sentences::Reply;

/// A rule pattern that reads whole replies, and its place in the set.
#[derive(Debug, Clone)]
pub(crate) struct Rx {
    pattern: Pattern,
    slot: usize,
}

impl Rx {
    /// Every match in the lower-cased reply; none, without a search, when
    /// the reply's scan says the pattern matches nowhere.
    pub fn find_in<'r>(&'r self, reply: &'r Reply) -> Box<dyn Iterator<Item = Range<usize>> + 'r> {
        if reply.may_match(self.slot) {
            Box::new(
                self.pattern
                    .find_iter_indexed(&reply.lower, reply.lower_index()),
            )
        } else {
            Box::new(std::iter::empty())
        }
    }

    /// Whether the pattern matches anywhere in the lower-cased reply.
    pub fn matches(&self, reply: &Reply) -> bool {
        reply.may_match(self.slot)
            && self
                .pattern
                .is_match_indexed(&reply.lower, reply.lower_index())
    }
}

/// Slices of a reply are searched with the pattern itself.
impl Deref for Rx {
    type Target = Pattern;

    fn deref(&self) -> &Pattern {
        &self.pattern
    }
}

/// The sources of the patterns that read whole replies, gathered while the
/// rule families compile them.
#[derive(Debug, Default)]
pub(crate) struct Patterns {
    sources: Vec<String>,
}

impl Patterns {
    /// Compiles `src` like [`pat`] and gives it a place in the set.
    pub fn add(&mut self, src: &str) -> Rx {
        let pattern = pat(src);
        self.sources.push(src.to_string());
        Rx {
            pattern,
            slot: self.sources.len() - 1,
        }
    }

    /// Compiles the set of every pattern added.
    pub fn finish(self) -> Scan {
        // Built-in patterns all compile one by one (`pat` checked each), and
        // a set of them compiles too; should it ever not, every pattern
        // simply runs (`None`).
        // Where a set is not one pass (the wasm build), asking it first
        // would only run every pattern twice: then every pattern runs.
        Scan {
            set: PatternSet::ONE_PASS
                .then(|| PatternSet::lowercase(&self.sources).ok())
                .flatten(),
            len: self.sources.len(),
        }
    }
}

/// The set of every pattern that reads whole replies.
#[derive(Debug, Clone)]
pub(crate) struct Scan {
    set: Option<PatternSet>,
    /// How many patterns the set holds.
    len: usize,
}

impl Scan {
    /// Splits `text` into a [`Reply`] and learns which patterns match it.
    pub fn reply<'a>(&self, text: &'a str) -> Reply<'a> {
        let mut reply = Reply::new(text);
        if let Some(set) = &self.set {
            // Lower-case patterns on lower-cased text, as each pattern runs.
            let mut matched = vec![false; self.len];
            for i in set.matches(&reply.lower) {
                if let Some(m) = matched.get_mut(i) {
                    *m = true;
                }
            }
            reply.set_scan(matched);
        }
        reply
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_the_scan_rules_out_is_not_run_and_others_are() {
        let mut p = Patterns::default();
        let thanks = p.add(r"\bthanks\b");
        let sorry = p.add(r"\bsorry\b");
        let scan = p.finish();
        let reply = scan.reply("Sorry, Sarah! Sorry again.");
        assert!(!thanks.matches(&reply));
        assert_eq!(thanks.find_in(&reply).count(), 0);
        assert!(sorry.matches(&reply));
        assert_eq!(sorry.find_in(&reply).collect::<Vec<_>>(), [0..5, 14..19]);
        // Unscanned, every pattern runs.
        let plain = Reply::new("thanks");
        assert!(thanks.matches(&plain));
    }
}
