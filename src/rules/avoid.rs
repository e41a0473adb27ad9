//! Avoid (CONTRACT section 2): blaming the bot and piling up apologies.
//!
//! Blame is read per sentence: a mention of the bot ("our assistant", "the
//! chatbot", "our AI") followed in the same sentence by disparagement
//! ("useless", "dropped the ball", "gave you the wrong info") or by a failure
//! to help ("couldn't help", "hasn't been able to sort it out"). Apologising
//! for the bot is blame too (CONTRACT 6.1), while a neutral mention ("our
//! assistant let us know…") is not. Apologies are counted per message; a
//! negated one ("no need to apologise") is not an apology.

use std::ops::Range;

use crate::pattern::Pattern;

use super::pat;
use super::scan::{Patterns, Rx};
use super::sentences::Reply;

/// The avoid patterns, compiled once per engine.
#[derive(Debug, Clone)]
pub(crate) struct Avoid {
    bot: Rx,
    disparage: Pattern,
    no_help: Pattern,
    failure: Pattern,
    apology: Rx,
    /// Having had to go through something ("you had to deal with all that").
    ordeal: Pattern,
}

impl Avoid {
    pub fn new(p: &mut Patterns) -> Avoid {
        const NOT: &str = r"(?:couldn(?:'|’)?t|could\s+not|can(?:'|’)?t|cannot|wasn(?:'|’)?t\s+able\s+to|was\s+not\s+able\s+to|hasn(?:'|’)?t\s+been\s+able\s+to|has\s+not\s+been\s+able\s+to|isn(?:'|’)?t\s+able\s+to|unable\s+to|failed\s+to|didn(?:'|’)?t|did\s+not|won(?:'|’)?t|doesn(?:'|’)?t|does\s+not)";
        Avoid {
            bot: p.add(concat!(
                r"\b(?:chat\s*bot|bot|ai|assistant|virtual\s+(?:assistant|agent)",
                r"|automated\s+(?:assistant|system|agent|chat|service|replies|responses)|auto-?reply|robot)s?\b"
            )),
            disparage: pat(concat!(
                r"\b(?:useless|hopeless|terrible|awful|rubbish|garbage|trash|stupid|dumb|clueless|pointless|worthless|unhelpful|incompetent",
                r"|not\s+(?:very\s+|that\s+|so\s+|particularly\s+|always\s+)?(?:great|good|smart|helpful|useful|bright|clever)",
                r"|no\s+(?:good|help|use)|bad\s+(?:at|with)|dropped\s+the\s+ball|messed\s+(?:up|it\s+up|this\s+up)|screwed\s+up",
                r"|(?:not|isn(?:'|’)?t|is\s+not|wasn(?:'|’)?t|was\s+not)\s+the\s+(?:sharpest|brightest|smartest|best)|made\s+(?:such\s+)?(?:a\s+|an\s+)?(?:(?:real|total|complete|big|right)\s+)?(?:mistake|error|mess|hash|muddle)",
                r"|(?:wasn(?:'|’)?t|isn(?:'|’)?t|was\s+not|is\s+not|aren(?:'|’)?t|weren(?:'|’)?t)\s+(?:really\s+|quite\s+)?up\s+to\s+(?:it|this|that|the\s+(?:job|task))",
                r"|out\s+of\s+(?:its|their)\s+depth|not\s+cut\s+out\s+for|(?:gets?|getting)\s+(?:[\w-]+\s+){0,4}?wrong",
                r"|(?:got|gets|getting)\s+(?:a\s+bit\s+|rather\s+|very\s+|so\s+)?(?:confused|muddled|stuck|lost|tangled)",
                r"|(?:went|goes|going|go)\s+(?:a?round\s+)?in\s+circles",
                r"|(?:wasn(?:'|’)?t|isn(?:'|’)?t|was\s+not|is\s+not)\s+(?:much|any|a\s+lot\s+of|of\s+much)\s+(?:help|use)",
                r"|misunderstood|misread|misheard|is\s+to\s+blame",
                r"|not\s+(?:much|any|a\s+lot\s+of)\s+(?:help|use)|not\s+up\s+to\s+much|(?:a|such\s+a|bit\s+of\s+a)\s+liability|insulting|tone-?deaf|ridiculous|laughable|embarrassing|unacceptable|(?:a|such\s+a)\s+joke",
                r"|got\s+(?:it|this|that|things|everything)\s+wrong|gave\s+you\s+(?:the\s+|some\s+|a\s+)?(?:wrong|bad|incorrect|inaccurate)",
                r"|(?:wrong|bad|incorrect)\s+(?:info|information|answer|advice)|wasted\s+your\s+time|let\s+you\s+down|failed\s+you|fell\s+short",
                r"|(?:sent|sending|going)\s+(?:you\s+)?(?:round\s+)?in\s+circles|runaround|struggles?\s+with",
                r"|(?:can(?:'|’)?t|cannot|couldn(?:'|’)?t|doesn(?:'|’)?t|didn(?:'|’)?t)\s+(?:handle|understand|deal\s+with)|isn(?:'|’)?t\s+(?:very\s+)?(?:good|great|smart|helpful))\b|(?:'|’)s\s+(?:fault|to\s+blame)\b",
            )),
            no_help: pat(&format!(
                r"\b(?:{NOT}|never)\s+(?:\w+\s+)?(?:help|sort|fix|solve|resolve|answer|work\s+it\s+out|get\s+(?:it|this|that)\s+(?:sorted|fixed|done|right))\b"
            )),
            // Only with an apology: "Sorry, the bot isn't built for this".
            // "Sorry our bot only offered you a voucher".
            failure: pat(&format!(
                r"\b(?:only\s+(?:\w+\s+)?(?:sent|gave|offered|provided|pointed|suggested|linked|shared|told|had)|{NOT}|(?:isn(?:'|’)?t|is\s+not|wasn(?:'|’)?t|was\s+not|aren(?:'|’)?t)\s+(?:really\s+)?(?:built|designed|trained|equipped|programmed|set\s+up|made|able))\b"
            )),
            ordeal: pat(
                r"\b(?:got|get|were|was|been|being)\s+stuck\s+with|\b(?:had|have|having)\s+to\s+(?:go\s+through|deal\s+with|put\s+up\s+with|wrestle\s+with|struggle\s+with|battle\s+with|fight\s+with|go\s+back\s+and\s+forth)|\b(?:went|been|going)\s+through\s+(?:all\s+(?:that|this|of\s+that)|so\s+much|a\s+lot)|\bgoing\s+round\s+in\s+circles\b",
            ),
            apology: p.add(
                r"\b(?:sorry|apolog(?:ise|ize|ies|y|ising|izing|ised|ized)|forgive\s+(?:me|us)|(?:i|we)\s+regret)\b",
            ),
        }
    }

    /// Spans that blame or disparage the bot, one per sentence, given the
    /// reply's `apologies`.
    pub fn blame(&self, reply: &Reply, apologies: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for bot in self.bot.find_in(reply) {
            // "AI" only in capitals: "Ai" is a name, "ai" is not the bot.
            let word = reply.text.get(bot.clone()).unwrap_or("");
            if word
                .to_ascii_lowercase()
                .trim_end_matches('s')
                .ends_with("ai")
                && !word.trim_end_matches('s').ends_with("AI")
            {
                continue;
            }
            let Some(s) = reply.sentence_at(bot.start).copied() else {
                continue;
            };
            if out.iter().any(|o| o.start >= s.start && o.end <= s.end) {
                continue;
            }
            let after = reply.lower.get(bot.end..s.end).unwrap_or("");
            let at = |r: Range<usize>| bot.end + r.start..bot.end + r.end;
            let sorry_here: Vec<&Range<usize>> = apologies
                .iter()
                .filter(|a| a.start >= s.start && a.end <= s.end)
                .collect();
            // The first thing said against the bot after it is named.
            let failure = if sorry_here.is_empty() {
                None
            } else {
                self.failure.find(after)
            };
            let predicate = [
                self.disparage.find(after),
                self.no_help.find(after),
                failure,
            ]
            .into_iter()
            .flatten()
            .min_by_key(|r| r.start)
            .map(at)
            // Words in quotes are someone else's: "You told our assistant
            // this is 'a joke'" reports the customer.
            .filter(|p| !reply.in_quotes(p.start));
            // "Sorry about the bot", "apologies for our assistant".
            let sorry_for_bot = sorry_here.iter().any(|a| {
                let mut between = reply.lower_slice(a.end, bot.start).split_whitespace();
                a.end <= bot.start
                    && matches!(between.next(), Some("about" | "for"))
                    && between.all(|w| matches!(w, "the" | "our" | "that" | "this" | "your"))
            });
            // "So sorry you had to go through all that with the bot": an
            // apology for what the bot put them through.
            let sorry_for_ordeal = sorry_here.iter().any(|a| {
                a.end <= bot.start && {
                    let between = reply.lower_slice(a.end, bot.start);
                    self.ordeal.is_match(between)
                        && reply
                            .words_before(bot.start, 3)
                            .iter()
                            .any(|w| matches!(*w, "with" | "from" | "by"))
                }
            });
            // "Blame the bot": the blame comes before it.
            let blamed = reply.words_before(bot.start, 2).contains(&"blame");
            let Some(pred) =
                predicate.or((sorry_for_bot || sorry_for_ordeal || blamed).then(|| bot.clone()))
            else {
                continue;
            };
            let start = if blamed {
                reply.clause_start(bot.start)
            } else {
                bot.start
            };
            let mut span = start..pred.end;
            for a in &sorry_here {
                // An apology in the same sentence belongs to the blame:
                // "Sorry the bot couldn't help", "…sort it out - I'm sorry about that".
                span.start = span.start.min(a.start);
                span.end = span.end.max(a.end);
            }
            out.push(span);
        }
        out
    }

    /// Every apology that is not negated, in order ("an apology credit" is
    /// a gift, not one).
    pub fn apologies(&self, reply: &Reply) -> Vec<Range<usize>> {
        self.apology
            .find_in(reply)
            .filter(|m| {
                let gift = reply.lower_slice(m.start, m.end).starts_with("apology")
                    && reply.words_after(m.end, 1).first().is_some_and(|w| {
                        matches!(
                            *w,
                            "credit"
                                | "voucher"
                                | "gift"
                                | "discount"
                                | "gesture"
                                | "payment"
                                | "refund"
                                | "code"
                                | "coupon"
                                | "bonus"
                        )
                    });
                // "You wrote 'sorry if this is silly'": the customer's.
                if gift || reply.in_quotes(m.start) {
                    return false;
                }
                !reply.negated_within(m.start, 3)
            })
            .collect()
    }

    /// The stretch that apologises more than once, if `apologies` do.
    pub fn over_apologizes(apologies: &[Range<usize>]) -> Option<Range<usize>> {
        match (apologies.first(), apologies.get(1), apologies.last()) {
            (Some(first), Some(_), Some(last)) => Some(first.start..last.end),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blamed(text: &str) -> Vec<&str> {
        let r = Reply::new(text);
        let a = Avoid::new(&mut Patterns::default());
        a.blame(&r, &a.apologies(&r))
            .into_iter()
            .map(|s| &text[s])
            .collect()
    }

    #[test]
    fn blame_and_disparagement_fire() {
        for text in [
            "Apologies, the automated system messed up your refund.",
            "The chatbot clearly didn't understand what you needed.",
            "Our virtual assistant sent you in circles there.",
            "I'm sorry our AI couldn't sort this out for you.",
            "So sorry about the bot earlier.",
            "Honestly the assistant is not very smart with refunds.",
            "sorry the bot made such a mess of this",
            "So sorry you had to go through all that with the bot.",
            "The virtual assistant gets these cancellations wrong all the time.",
            "The bot clearly wasn't up to this one 🙄",
            "Honestly, our bot isn't the sharpest tool in the shed.",
            "Looks like the automated system got confused by the depot status.",
            "I'm sorry — our virtual assistant went round in circles with you.",
            "I'm sorry that our bot wasn't much help with the seat change.",
            "Freddy got it wrong, to be fair — that bot's a liability.",
            "The bot should have spotted the estimate, it's not up to much.",
            "I'll be honest, the bot's troubleshooting steps never fix this model.",
        ] {
            assert_eq!(blamed(text).len(), 1, "{text}");
        }
        assert_eq!(
            blamed("Sorry the bot couldn't help — it's useless."),
            vec!["Sorry the bot couldn't help"]
        );
    }

    #[test]
    fn neutral_mentions_do_not() {
        for text in [
            "Our assistant passed on your notes, so I'm up to speed.",
            "The bot created ticket 55 for you last night.",
            "I can see the steps our AI already ran with you.",
            "Ai, I'm sorry this took so long.",
            "Our assistant can't process refunds, so it handed you to me.",
            "I can't help noticing the bot logged two charges.",
            "Sorry you had to wait, the bot passed your notes to me.",
            "Sorry for the wait. I see you went through the reset steps with our assistant.",
            "Sorry, I see you went through the reset steps with our assistant.",
            "You told our assistant this is \"a joke\" — and I understand why.",
            "Our assistant never has to fix a billing error: I do that.",
        ] {
            assert!(blamed(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn apologies_are_counted_unless_negated() {
        let a = Avoid::new(&mut Patterns::default());
        let once = Reply::new("No need to apologise! Sorry it arrived broken.");
        assert_eq!(a.apologies(&once).len(), 1);
        assert!(Avoid::over_apologizes(&a.apologies(&once)).is_none());
        let twice = Reply::new("My apologies. We regret the mix-up.");
        assert_eq!(Avoid::over_apologizes(&a.apologies(&twice)), Some(3..23));
    }
}
