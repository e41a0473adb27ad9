//! The closing (CONTRACT section 2, "Closing"): say what was done, what
//! happens next, ask if there is anything else, thank the customer; and,
//! for the audit, whether the agent checked the fix with the customer.
//!
//! "What was done" is a resolution verb in the past ("I've refunded", "has
//! been reversed", "your replacement shipped") — not a vague "all sorted",
//! and not the problem in the past tense ("you were charged twice"). "What
//! happens next" is a future or a promise ("you'll see it in 3–5 days",
//! "once the warehouse scans them…", "you can keep it").

use super::always::Always;
use super::scan::{Patterns, Rx};
use super::sentences::Reply;
use super::Signals;

/// The closing patterns, compiled once per engine.
#[derive(Debug, Clone)]
pub(crate) struct Close {
    resolved: Rx,
    next: Rx,
    anything_else: Rx,
    thanks: Rx,
    appreciate: Rx,
    confirm: Rx,
    finished: Rx,
}

/// What the closing items found in one reply.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Found {
    pub summarizes: bool,
    pub next_steps: bool,
    pub anything_else: bool,
    pub thanks: bool,
    pub confirms_resolution: bool,
}

/// Words before a resolution word that say it is not done yet: promised,
/// negated, conditional or still to come ("will be refunded", "once that's
/// done", "not sorted", "to get it fixed").
const NOT_DONE: &[&str] = &[
    "to", "will", "be", "not", "never", "can", "could", "would", "should", "once", "when", "if",
    "after", "until", "hasn't", "haven't", "wasn't", "isn't", "aren't", "weren't", "didn't",
    "won't", "get", "getting",
];

/// Whether `word` says what follows is not done yet (see [`NOT_DONE`]).
fn not_done(word: &str) -> bool {
    NOT_DONE.contains(&word) || word.ends_with("'ll") || word.ends_with("’ll")
}

impl Close {
    pub fn new(p: &mut Patterns) -> Close {
        Close {
            resolved: p.add(concat!(
                r"\b(?:refund|revers|releas|approv|shipp|cancell?|issu|appli|fix|resolv|restor|process|credit|updat|replac|lift|clear|remov",
                r"|book|arrang|correct|void|redirect|reissu|unlock|reinstat|waiv|adjust|escalat|expedit|reactivat|activat|renew|unblock",
                r"|repair|dispatch|transferr|reserv|honou?r|redeliver|collect|install|reinstall|fitt|test|reconnect|enabl|disabl|switch|add",
                r"|upgrad|downgrad|merg|sync|rebook|rerout|swapp|reconfigur|restart|reboot|patch|verifi|rais|chang|mov",
                r"|accept|complet|submitt|post|lodg|confirm|refil|finish|email|attach|e-mail|mail|text)(?:ed|d)\b",
                r"|\b(?:has|have)\s+agreed\s+to\b|\b(?:gone|went|pushed|put)\s+through\b",
                // Where it now is: "in the post", "ready to download",
                // "back with her watch history".
                r"|\b(?:is|are)\s+(?:now\s+)?(?:in\s+the\s+(?:post|mail)|ready\s+(?:to|in|for|at|on)|back\s+(?:with|in|to\s+normal))\b",
                // Sent on its way: "went out by express", "is on the express van".
                r"|\b(?:went|gone)\s+out\s+(?:by|with|via|today|this|yesterday|earlier|first|in\s+the|to\s+you)\b",
                r"|\b(?:is|are)\s+(?:now\s+)?on\s+(?:the|a|its|their)\s+(?:\w+\s+)?(?:van|truck|lorry)\b",
                r"|\b(?:sent|paid|set\s+up|rolled\s+back)\b|\b(?:i|we)\s+(?:just\s+|also\s+|already\s+)?(?:reset|resent|rebuilt)\b",
                // A state the fix brought: "SSO is back on", "all 120 users
                // have signed in", "the clinic has added a note".
                r"|\b(?:is|are)\s+(?:now\s+)?(?:back\s+(?:on|up|online|in)|working\s+again|live\s+again)\b",
                r"|\b(?:has|have)\s+(?:now\s+)?(?:added|signed\s+in|logged\s+in|gone\s+through|cleared)\b",
                // Where things now stand: "the duplicate charge is gone", "a
                // return label is in your inbox", "the credit is on your
                // account", "out for delivery tomorrow", "now has a card".
                r"|\b(?:is|are)\s+(?:now\s+)?(?:gone|in\s+your\s+(?:inbox|account)|on\s+your\s+account|out\s+for\s+delivery|on\s+(?:its|their)\s+way|live|active)\b",
                r"|\b(?:has|have)\s+been\s+delivered\b|\bnow\s+(?:has|have|shows?)\b",
            )),
            next: p.add(concat!(
                r"\b(?:will|won(?:'|’)t|going\s+to|should|can\s+go\s+ahead|its\s+way|their\s+way|the\s+way\s+to\s+you",
                r"|once|next|from\s+(?:now|then|here)|going\s+forward|you\s+can|within|expect|tomorrow|tonight|later\s+today)\b|(?:'|’)ll\b",
                // "The switch takes effect on 3 June", "€85 goes back to your
                // card in 5–7 days", "Just show this number at the counter".
                r"|\b(?:takes?|taking)\s+effect\b|\bkicks?\s+in\b",
                r"|\bin\s+(?:\d+(?:\s*(?:-|–|to)\s*\d+)?|a\s+few|a\s+couple(?:\s+of)?|one|two|three|four|five|seven|ten)\s+(?:business\s+|working\s+)?(?:days?|hours?|weeks?|minutes?)\b",
                r"|\b(?:just|simply)\s+(?:show|bring|present|quote|use|keep|take)\b",
                // "The link stays live for 7 days."
                r"|\bstays?\s+(?:live|open|active|valid|available|on)\s+(?:for|until|till)\b",
                // What happens next, in the present: "Check-in opens three hours
                // before departure", "Bundle comes back after the restart".
                r"|\b(?:opens|arrives|arriving|ships|lands|comes\s+back|goes\s+(?:out|live|back)|starts|resumes|reopens|renews|reaches\s+you)\b[^.!?\n]{0,40}?\b(?:after|before|on|at|in|by|from|today|tomorrow|tonight|next|this\s+(?:week|afternoon|evening)",
                r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                // "booked for Tuesday 8-10am", "your bank may take 3-5 days".
                r"|\b(?:booked|scheduled|arranged|set)\s+for\s+(?:today|tomorrow|tonight|next|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)",
                r"|\b(?:may|might|can|could)\s+take\s+(?:up\s+to\s+)?(?:\d|a\s+few|a\s+couple|one|two|three|several)",
                // "If it cuts out again, reply to this email": what to do next.
                r"|\bif\s+(?:it|this|that|anything|the\s+\w+)\s+[^.?!\n]{0,60}?\b(?:reply|contact|message|call|reach\s+out|let\s+(?:me|us)\s+know|get\s+in\s+touch|get\s+back)\b",
            )),
            anything_else: p.add(concat!(
                r"\b(?:anything|something)\s+(?:else|more|further)\b|\bany\s+(?:other|more|further)\s+(?:questions?|issues?|problems?|concerns?|help)\b",
                r"|\bany\s+questions\b|\belse\s+(?:i|we)\s+can\b|\b(?:how|what)\s+else\s+(?:can|could|may)\s+(?:i|we)\b",
                r"|\blet\s+(?:me|us)\s+know\s+if\s+(?:you\s+(?:need|have|want)|there(?:(?:'|’)s|\s+is)|anything)\b",
                r"|\b(?:don(?:'|’)?t|do\s+not)\s+hesitate\s+to\b|\bfeel\s+free\s+to\s+(?:reach|ask|contact|get\s+in\s+touch|message|reply|come\s+back)\b",
                r"|\bhere\s+(?:if|whenever)\s+you\s+need\b",
                r"|\bhow\s+(?:can|could|may)\s+(?:i|we)\s+help\s+(?:further|more|you\s+further)\b",
            )),
            // A thing named as finished: "the refund for order 4471 is done",
            // "Refund done:", "your exchange is complete" (not "it's all
            // sorted", "it was delivered in 3 days last time":
            // [`Close::finished_something`]).
            finished: p.add(r"\b(?:done|complete|completed|sorted|finali[sz]ed|delivered|all\s+set)\b"),
            // Thanks in the customer's language count too (CONTRACT 6.11).
            thanks: p.add(concat!(
                r"\b(?:thank\s+you|thanks|thx|many\s+thanks|cheers|ty|tysm|ta\s+for",
                r"|obrigad[oa]|merci|gracias|danke|grazie|arigato|dankjewel|dank\s+je|kiitos|spasibo|shukran|mahalo|asante)\b",
            )),
            appreciate: p.add(
                r"\b(?:appreciate|grateful\s+for)\s+(?:your|you|all\s+your|the\s+patience|it)\b",
            ),
            confirm: p.add(concat!(
                r"\b(?:does|did|do|will|would|is|has)\s+(?:that|this|it|everything|(?:your|the|that|this)\s+(?:\w+\s+)?\w+)\s+(?:now\s+)?",
                r"(?:resolve|solve|fix|sort|work|help|clear|answer|cover|take\s+care|look|do\s+the\s+trick|settle|show|charge|load|sync|connect|print|play|open|suit|match|put\s+(?:it|things|this|that|everything)\s+right|arrived|come\s+through|reached\s+you|turned\s+up|shown\s+up)",
                // "Can you try it?", "Could one of your users try signing in?"
                r"|\b(?:can|could|would)\s+(?:you|one\s+of\s+your\s+\w+|your\s+\w+)\s+(?:please\s+)?(?:try|test)\s+(?:it|that|this|again|now|\w+ing|the\s+\w+|logging|signing)\b",
                r"|\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:confirm|check|verify)\s+(?:(?:that|this|it)\s+)?(?:on|from|at)\s+your\s+(?:side|end)\b",
                r"|\b(?:tell\s+me|let\s+me\s+know)\s+(?:if|whether)\b",
                // "Can you see the refund pending?", "…check you can join a
                // match?", "…check all 18,000 rows are there?"
                r"|\bcan\s+you\s+(?:now\s+)?see\s+(?:the|your|it|them)\b",
                r"|\bcheck\s+(?:if|whether|that|you\s+can|it(?:(?:'|’)s)?|they|all|everything|the\s+\w+[^.?!\n]{0,40}?\b(?:there|showing|shows|works?|working|gone|unlocked|back|in))\b",
                r"|\bconfirm\s+(?:that\s+)?(?:the|it|they|everything)\s+[^.?!\n]{0,40}?\b(?:gone|fixed|working|works|back|resolved|there)\b",
                r"|\b(?:is|was)\s+that\s+(?:everything|all)\s+you\s+(?:needed|wanted|were\s+after)\b",
                r"|\b(?:is|are)\s+(?:it|they|your\s+\w+|the\s+\w+)\s+(?:now\s+|still\s+)?\w+ing\s+(?:now|again|properly|normally|ok|okay|fine)\b",
                r"|\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:confirm|check|verify|test|try|make\s+sure|let\s+me\s+know)\b[^.?!\n]{0,80}?\b",
                r"(?:works?|working|right|back|fixed|resolved|correct|looks?|plays?|shows?|showing|arriv\w*|see|received|through|sorted|ok|okay|let\s+me\s+know|match(?:es)?|(?:log|sign|get)\s+in|access|open)\b",
                // "Could you ask one user to log in and confirm?"
                r"|\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:ask|get)\s+(?:one\s+of\s+your\s+\w+|a\s+\w+|one\s+\w+|someone|your\s+\w+)\s+to\s+(?:try|test|check|confirm|log\s+in|sign\s+in)\b",
                r"|\b(?:are|were)\s+you\s+(?:now\s+)?able\s+to\s+(?:log\s+in|sign\s+in|access|see|use|stream|play|open|download|get\s+in)\b",
                r"|\blet\s+me\s+know\s+(?:if|whether|once|when)\s+(?:it|that|this|everything|they|the\s+\w+)\s+(?:works?|worked|plays?|is|are|comes?|shows?|arrives?|helps?|does|looks?)",
                r"|\b(?:is|are)\s+(?:(?:it|that|this)\s+)?(?:it|that|everything|they|all)\s+(?:all\s+|now\s+|still\s+)?(?:working|fixed|resolved|sorted|back|ok|okay|showing|right|good|normal)\b",
                // "Can you check the display for me?", "…check the folders open?"
                r"|\bcheck\s+(?:the|your)\s+\w+\s+(?:for\s+(?:me|us)|now|again|opens?|loads?)\s*\?",
            )),
        }
    }

    /// Reads the closing signals of `reply` that `want` holds true (the
    /// others are false); `always` supplies "I've done…".
    pub fn find(&self, reply: &Reply, always: &Always, want: &Signals) -> Found {
        Found {
            summarizes: want.summarizes
                && (always.did_something(reply)
                    || self.resolved_something(reply)
                    || self.finished_something(reply)),
            next_steps: want.next_steps && self.next_steps(reply),
            anything_else: want.anything_else && self.offers_more(reply),
            thanks: want.thanks && self.thanks_customer(reply),
            confirms_resolution: want.confirms_resolution
                && self.confirm.find_in(reply).any(|m| {
                    reply.in_question(m.start)
                        || reply.lower_slice(m.start, m.end).starts_with("let me know")
                }),
        }
    }

    /// A resolution verb in the past that is not negated, promised or
    /// conditional ("has been reversed", not "will be reversed").
    fn resolved_something(&self, reply: &Reply) -> bool {
        self.resolved
            .find_in(reply)
            .any(|m| !reply.words_before(m.start, 2).iter().any(|w| not_done(w)))
    }

    /// Something named as finished: a word before "done" that is not a
    /// pronoun or "all" ("Refund done", "the exchange is complete", not
    /// "it's done", "all sorted", "once that's done").
    fn finished_something(&self, reply: &Reply) -> bool {
        // Pronouns and helpers, never the thing itself (words that say
        // "not done yet" are refused before this: `not_done`).
        const VAGUE: &[&str] = &[
            "it",
            "it's",
            "it’s",
            "its",
            "that",
            "that's",
            "that’s",
            "thats",
            "this",
            "everything",
            "we're",
            "you're",
            "i'm",
            "we",
            "you",
            "i",
            "have",
            "has",
            "had",
            "been",
            "being",
            "got",
            "nearly",
            "almost",
            "well",
            "just",
            "job",
        ];
        self.finished.find_in(reply).any(|m| {
            // "You're all set: a Compact at Oriente, no extra charge": what
            // was done follows the colon.
            let spelled_out = reply.lower[m.end..]
                .trim_start()
                .strip_prefix(':')
                .is_some_and(|rest| {
                    rest.split(['\n', '.', '!', '?'])
                        .next()
                        .is_some_and(|r| r.split_whitespace().nth(2).is_some())
                });
            if spelled_out {
                return true;
            }
            let before = reply.words_before(m.start, 3);
            // The nearest word that is not a verb of being names the thing.
            let thing = before
                .iter()
                .find(|w| !matches!(**w, "is" | "are" | "was" | "were" | "now" | "all"));
            thing.is_some_and(|w| !VAGUE.contains(w)) && !before.iter().any(|w| not_done(w))
        })
    }

    /// An offer of more help: "anything else?", not "you don't need to do
    /// anything else".
    fn offers_more(&self, reply: &Reply) -> bool {
        self.anything_else
            .find_in(reply)
            .any(|m| reply.in_question(m.start) || !reply.negated_within(m.start, 4))
    }

    fn next_steps(&self, reply: &Reply) -> bool {
        self.next.find_in(reply).any(|m| {
            // "That should be it", "I'll be happy to…": a future with nothing in it.
            let after = reply.words_after(m.end, 2);
            let does_it = after.first() == Some(&"do")
                && after.get(1).is_some_and(|w| matches!(*w, "it" | "the"));
            let empty = does_it
                || after.first() == Some(&"be")
                    && after.get(1).map_or(true, |w| {
                        matches!(
                            *w,
                            "it" | "all"
                                | "fine"
                                | "good"
                                | "ok"
                                | "okay"
                                | "everything"
                                | "sorted"
                                | "done"
                                | "set"
                                | "happy"
                                | "glad"
                        )
                    });
            !empty
        })
    }

    fn thanks_customer(&self, reply: &Reply) -> bool {
        let thanked = self.thanks.find_in(reply).any(|m| {
            let before = reply.words_before(m.start, 1);
            let after = reply.words_after(m.end, 2);
            // "thanks to our warehouse team" thanks someone else.
            let to_others = after.first() == Some(&"to")
                && !after.get(1).is_some_and(|w| matches!(*w, "you" | "your"));
            before.first() != Some(&"no") && !to_others
        });
        thanked || self.appreciate.matches(reply)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Found {
        Close::new(&mut Patterns::default()).find(
            &Reply::new(text),
            &Always::new(&mut Patterns::default()),
            &Signals::ALL,
        )
    }

    #[test]
    fn summaries_say_what_was_done() {
        assert!(found("We've waived the fee and extended your trial.").summarizes);
        assert!(found("Your booking was redirected to the new hotel.").summarizes);
        assert!(!found("You were charged twice, which I can see.").summarizes);
        assert!(found("Tomás, you're all set: a Compact at Oriente, no extra charge.").summarizes);
        assert!(!found("You're all set!").summarizes);
        assert!(!found("Done: thanks.").summarizes);
        assert!(!found("Glad it's all sorted!").summarizes);
        assert!(!found("The refund will be processed tomorrow.").summarizes);
        assert!(found("I rolled back the change and all users can sign in.").summarizes);
        assert!(found("The hotfix is installed and tested.").summarizes);
        assert!(found("I reset your password.").summarizes);
        assert!(!found("Please reset your password from the login page.").summarizes);
        assert!(found("Sam, the refund for order 4471 is done — $38 back.").summarizes);
        assert!(found("Refund done: €140 back to your card.").summarizes);
        assert!(found("Crystals delivered. GG!").summarizes);
        assert!(found("Photo accepted ✅").summarizes);
        assert!(found("Your kit went out by express this afternoon.").summarizes);
        assert!(found("Done ✅ The kit is on the express van.").summarizes);
        assert!(!found("Glad it's all sorted!").summarizes);
        assert!(!found("Once that's done, you'll get an email.").summarizes);
        assert!(!found("It's done.").summarizes);
        for did in [
            "The revised invoice has been emailed to you.",
            "Refund's gone through.",
            "The hotel has agreed to refund the difference.",
            "Your export has finished.",
            "The replacement pins are in the post.",
            "The archive is ready in Settings.",
            "Léa's profile is back with her watch history.",
            "Your refund has been pushed through today.",
        ] {
            assert!(found(did).summarizes, "{did}");
        }
        assert!(!found("The refund isn't done yet.").summarizes);
        assert!(!found("The refund will be done tomorrow.").summarizes);
    }

    #[test]
    fn next_steps_look_ahead() {
        assert!(found("Expect the courier between 9 and 12.").next_steps);
        assert!(
            found("From now on, renewals go to your new card — you can change it any time.")
                .next_steps
        );
        assert!(!found("That should be everything. Take care!").next_steps);
        assert!(!found("Priscilla, that should do it! Let me know if that works.").next_steps);
        assert!(found("The download link stays live for 7 days.").next_steps);
        assert!(!found("Can I help with anything else?").next_steps);
        assert!(found("The switch takes effect on 3 June.").next_steps);
        assert!(found("The €85 goes back to your card in 5–7 days.").next_steps);
        assert!(found("Your laptop ships back tomorrow.").next_steps);
        assert!(found("The kit is on the van, arriving Thursday.").next_steps);
        assert!(!found("It was delivered in 3 days last time, sorry.").summarizes);
        assert!(
            found("If it ever cuts out again, reply here and it comes straight to me.").next_steps
        );
    }

    #[test]
    fn anything_else_and_thanks() {
        assert!(found("Feel free to reach out if the screen flickers again.").anything_else);
        assert!(!found("Nothing else will be charged.").anything_else);
        assert!(
            !found("You don't need to do anything else — just show your passport.").anything_else
        );
        assert!(!found("No need to do anything else on your side.").anything_else);
        assert!(found("Don't hesitate to ask if you need anything else.").anything_else);
        assert!(found("That's all sorted. How else can I help?").anything_else);
        assert!(found("What else can we do for you?").anything_else);
        assert!(found("Cheers for your patience, Ana.").thanks);
        assert!(found("We're grateful for your patience.").thanks);
        assert!(!found("It shipped, thanks to the warehouse crew.").thanks);
        assert!(!found("No thanks needed.").thanks);
        assert!(found("Obrigado for your patience!").thanks);
        assert!(found("Merci, and have a good trip!").thanks);
    }

    #[test]
    fn confirming_the_fix_with_the_customer() {
        assert!(found("Is it working on your side now?").confirms_resolution);
        assert!(found("Could you try logging in and tell me if it works?").confirms_resolution);
        assert!(found("Let me know if the credit shows up.").confirms_resolution);
        assert!(!found("The duplicate charge has been reversed.").confirms_resolution);
        assert!(!found("Can you confirm your email?").confirms_resolution);
        assert!(found("I've rolled it back. Can you confirm on your side?").confirms_resolution);
        assert!(found("Does your app show the credit now?").confirms_resolution);
        assert!(found("Done. Can you try it?").confirms_resolution);
        assert!(found("Could one of your users try signing in?").confirms_resolution);
        assert!(found("Is it charging now?").confirms_resolution);
        assert!(found("Sent. Can you confirm you can open it?").confirms_resolution);
        assert!(found("Is it normal at your tap now?").confirms_resolution);
        assert!(found("Could you ask one user to log in and confirm?").confirms_resolution);
        assert!(!found("Could you ask your bank for the statement?").confirms_resolution);
        assert!(found("Does that settle it?").confirms_resolution);
        assert!(!found("Can you try to find the receipt?").confirms_resolution);
        assert!(found("Can you refresh and check they now show as members?").confirms_resolution);
        assert!(
            found("Can you create an event and check it only appears once?").confirms_resolution
        );
        assert!(!found("Can you check the order number on your receipt?").confirms_resolution);
        assert!(found("Has it arrived?").confirms_resolution);
        assert!(found("Does that put things right?").confirms_resolution);
        assert!(found("Is that everything sorted for you?").confirms_resolution);
        for asked in [
            "Can you confirm your team can log in?",
            "Has the confirmation email arrived?",
            "Does that time work for you?",
            "I've booked you in for Thursday. Does that suit you?",
            "Can you confirm that matches your statement?",
        ] {
            assert!(found(asked).confirms_resolution, "{asked}");
        }
        assert!(found("Can you check the display for me?").confirms_resolution);
        assert!(
            found("Done — you're back on Pro. Can you check the folders open?").confirms_resolution
        );
        assert!(
            !found("Can you check the order number on your receipt for me?").confirms_resolution
        );
    }
}
