//! Tone: acknowledging a frustrated customer's feeling, and noticing a reply
//! too breezy for one.
//!
//! An acknowledgement (CONTRACT 6.6) names the feeling *and* shows the agent
//! registers it, in one sentence: "I understand this is frustrating", "I know
//! this has been a hassle", "that sounds infuriating", "This is frustrating,
//! I know". An apology alone ("I'm sorry about that") names no feeling, so it
//! is not one. Breeziness is counted from laughter, "oops", doubled
//! exclamation marks and party emoji: two such markers make a reply casual.

use crate::pattern::Pattern;

use super::pat;
use super::scan::{Patterns, Rx};
use super::sentences::Reply;

/// Sentiments that call for an acknowledgement (CONTRACT 6.6), as stems so
/// "very frustrated" or "Angry 😡" count too.
const UPSET: &[&str] = &[
    "frustrat",
    "angr",
    "anger",
    "upset",
    "annoy",
    "irritat",
    "furious",
    "livid",
    "fuming",
    "outraged",
    "exasperat",
    "incens",
    "enraged",
];

/// Emoji that read as light-hearted in a support reply.
const PARTY_EMOJI: &[char] = &[
    '😀', '😁', '😂', '😄', '😅', '😆', '😜', '😝', '😎', '😬', '🙃', '🙄', '🤣', '🤪', '🤷', '🥳',
    '🎉', '✨', '🔥', '💯',
];

/// Whether `sentiment` is one the first message must acknowledge.
pub(crate) fn needs_empathy(sentiment: Option<&str>) -> bool {
    sentiment.is_some_and(|s| {
        let s = crate::text::lower(s);
        UPSET.iter().any(|u| {
            s.split(|c: char| !c.is_alphabetic())
                .any(|w| w.starts_with(u))
        })
    })
}

/// The tone patterns, compiled once per engine.
#[derive(Debug, Clone)]
pub(crate) struct Tone {
    feeling: Rx,
    registers: Pattern,
    casual: Rx,
}

impl Tone {
    pub fn new(p: &mut Patterns) -> Tone {
        Tone {
            feeling: p.add(concat!(
                r"\b(?:frustrat\w*|frustat\w*|annoy\w*|infuriat\w*|upset\w*|angry|anger|irritat\w*|maddening|aggravat\w*|exasperat\w*|furious|livid|fuming|mad",
                r"|stress(?:ful|ed|ing)?|worr(?:y|ied|ying|isome)|disappoint\w*|hassle|nightmare|fed\s+up|distressing|unsettling",
                r"|pain|nuisance|headache|ordeal|inconvenien\w*)\b"
            )),
            registers: pat(concat!(
                r"\bi\s+(?:completely\s+|totally\s+|fully\s+|really\s+|absolutely\s+|definitely\s+|can\s+|do\s+|can\s+only\s+|can\s+totally\s+)*",
                r"(?:understand|know|get|see|imagine|appreciate|hear|realise|realize|recogni[sz]e)\b",
                r"|\bunderstandabl[ey]\b|\bno\s+wonder\b|\bmakes?\s+(?:total\s+|complete\s+|perfect\s+)?sense\b",
                r"|\bmust\s+(?:be|have\s+been|feel)\b|\bsounds?\b|\bof\s+course\s+you\b|\bevery\s+right\b",
                r"|\bcan(?:'|’)?t\s+(?:be|have\s+been)\s+(?:easy|fun)\b|\b(?:i(?:'|’)?m|i\s+am)\s+not\s+surprised\b",
                // "That's so frustrating!", "What a hassle", "I'd be furious too".
                r"|\bthat(?:(?:'|’)s|\s+is|\s+was|(?:'|’)s\s+been|\s+has\s+been)\b|\bwhat\s+an?\b|\bi(?:(?:'|’)d|\s+would)\s+be\b",
                r"|\bthis\s+(?:has\s+been|must\s+be|is\s+(?:so|really|such))\b",
                // "…and completely understand why you're angry".
                r"|\b(?:completely\s+|totally\s+|fully\s+|really\s+)?understand\s+(?:why|how|that)\b",
                // "Nine days without your bag is really frustrating", "being
                // called a thief is upsetting", "would make anyone upset".
                r"|\b(?:is|was|(?:'|’)s|has\s+been|would\s+be)\s+(?:so\s+|really\s+|incredibly\s+|genuinely\s+|very\s+|truly\s+|deeply\s+)?(?:upsetting|frustrating|annoying|infuriating|maddening|stressful|worrying|distressing)\b",
                r"|\bwould\s+(?:make\s+anyone|frustrate\s+anyone|annoy\s+anyone|upset\s+anyone)\b",
            )),
            casual: p.add(concat!(
                r"\b(?:haha\w*|hehe\w*|lol|lmao|rofl|oops|whoops|oopsie|yikes|ugh|meh|no\s+worries|no\s+biggie|my\s+bad",
                r"|hey\s+hey|heya|hiya|what(?:'|’)?s\s+up|all\s+good|wooo*|yay|omg)\b|!!",
            )),
        }
    }

    /// Whether one sentence both names a feeling and registers it.
    pub fn acknowledges_feeling(&self, reply: &Reply) -> bool {
        self.feeling.find_in(reply).any(|m| {
            let Some(s) = reply.sentence_at(m.start) else {
                return false;
            };
            self.registers.is_match(reply.lower_slice(s.start, s.end))
        })
    }

    /// Whether the reply reads as breezy: two or more light-hearted markers.
    pub fn casual(&self, reply: &Reply) -> bool {
        let words = self.casual.find_in(reply).take(2).count();
        let emoji = reply
            .text
            .chars()
            // Every party emoji is beyond ASCII: letters are not looked up.
            .filter(|c| !c.is_ascii() && PARTY_EMOJI.contains(c))
            .take(2)
            .count();
        words + emoji >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acknowledges(text: &str) -> bool {
        Tone::new(&mut Patterns::default()).acknowledges_feeling(&Reply::new(text))
    }

    #[test]
    fn acknowledgements_need_a_feeling_and_a_listener() {
        for yes in [
            "That sounds really stressful.",
            "No wonder you're fed up after three tries.",
            "I can only imagine how annoying that double charge was.",
            "You must be exasperated by now.",
            "What a hassle this has been, I get it.",
            "I've read the chat and completely understand why you're angry.",
            "Nine days without your bag is really frustrating.",
            "Being called a thief is upsetting, and I'm sorry.",
            "That would make anyone upset.",
            "I understand why your frustated.",
            "That's a real pain, I get it.",
        ] {
            assert!(acknowledges(yes), "{yes}");
        }
        for no in [
            "I'm so sorry about that.",
            "Sorry for the frustration.",
            "I understand your invoice shows 60 seats.",
            "I know. Frustrating.",
            "The frustrating part is the courier's tracking.",
        ] {
            assert!(!acknowledges(no), "{no}");
        }
    }

    #[test]
    fn sentiments_that_need_empathy() {
        for s in [
            "frustrated",
            "Angry 😡",
            "very annoyed",
            "IRRITATED",
            "upset",
            "furious",
        ] {
            assert!(needs_empathy(Some(s)), "{s}");
        }
        for s in ["calm", "anxious", "worried", "sad", "neutral"] {
            assert!(!needs_empathy(Some(s)), "{s}");
        }
        assert!(!needs_empathy(None));
    }

    #[test]
    fn breezy_replies() {
        let t = Tone::new(&mut Patterns::default());
        assert!(t.casual(&Reply::new("Haha oops 😅 ok let me look!")));
        assert!(t.casual(&Reply::new("Fixed it!! 🥳")));
        assert!(!t.casual(&Reply::new("All sorted 🎉 Thanks for your patience!")));
        assert!(!t.casual(&Reply::new("Hi Jess 👋 give me 2 minutes ⏱️")));
    }
}
