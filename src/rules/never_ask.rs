//! Never ask (CONTRACT section 2): questions the customer already answered
//! for the bot.
//!
//! A never-ask finding needs two things: the reply *asks* (a request form —
//! "can you tell me", "could I get", "what's your", "please send" — that is
//! not negated: "no need to dig out your order number"), and what it asks
//! for is something the context *holds*. Asking for an order number the card
//! does not have, or quoting the known one back ("this is about order 12345,
//! right?"), is fine. Explaining-again and the generic opener are about the
//! problem itself, which the context always holds.
//!
//! Where two rules match the same words, one finding remains: the more
//! specific rule (CONTRACT 6.5, [`PRIORITY`]).

use std::collections::BTreeMap;
use std::ops::Range;

use crate::context::Context;
use crate::pattern::Pattern;
use crate::text::{find_words, fold};

use super::always::mentions_order;
use super::known::Known;
use super::pat;
use super::scan::{Patterns, Rx};
use super::sentences::{Reply, Sentence};
use super::words::{content_words, tokens};

/// The never-ask rules, most specific first (CONTRACT 6.5).
pub(crate) const PRIORITY: &[&str] = &[
    "never-ask.order-number",
    "never-ask.known-detail",
    "never-ask.explain-again",
    "never-ask.generic-opener",
];

/// What a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asked {
    /// An order, booking, invoice… number.
    Order,
    /// The customer's name.
    Name,
    /// Their email address.
    Email,
    /// Their plan, tier or subscription.
    Plan,
    /// The value of `details[label]`; the index is into `ctx.details` order.
    Detail(usize),
    /// What happened (explain-again).
    Story,
    /// What the problem is or how to help (generic opener).
    Problem,
}

/// One never-ask finding before severities and messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ask {
    pub rule: &'static str,
    pub span: Range<usize>,
    pub asked: Asked,
}

/// The never-ask patterns, compiled once per engine.
#[derive(Debug, Clone)]
pub(crate) struct NeverAsk {
    request: Rx,
    interrogative: Rx,
    /// A question that offers the answers ("Are you on the monthly or the
    /// annual plan?"): it asks which, like "which plan are you on?".
    choice: Rx,
    imperative: Rx,
    who: Rx,
    negation: Pattern,
    target: Rx,
    cut: Pattern,
    explain: Rx,
    explain_object: Pattern,
    /// "What order was this?": asks which order with no "number".
    which_order: Rx,
    what_happened: Rx,
    present: Pattern,
    generic: Rx,
    generic_question: Rx,
    anything: Rx,
    closing_words: Pattern,
}

/// Verbs that make what follows a message or a thing, not a detail asked for.
const RECEIVED: &[&str] = &[
    "received", "receive", "got", "get", "see", "seen", "open", "opened", "read", "find", "found",
    "spot", "spotted", "noticed",
];

/// Words that make a question about a plan or a name a new choice.
const CHOICE: &[&str] = &[
    "would you like",
    "you'd like",
    "do you want",
    "prefer",
    "instead",
    "switch to",
    "move to",
    "change to",
    "upgrade to",
    "downgrade to",
    " new ",
];

/// Words before a name that make it something else's name.
const NOT_PERSON: &[&str] = &[
    "account", "brand", "business", "company", "device", "display", "domain", "file", "model",
    "network", "pet", "plan", "product", "shop", "store", "street", "user", "wifi",
];

impl NeverAsk {
    pub fn new(p: &mut Patterns) -> NeverAsk {
        NeverAsk {
            request: p.add(concat!(
                r"\b(?:(?:can|could|would|will)\s+(?:you|u)|(?:are|were)\s+you\s+able\s+to|(?:if|chance)\s+you\s+(?:could|can|would))\s+(?:please\s+|just\s+|kindly\s+|quickly\s+|also\s+|first\s+|maybe\s+|be\s+able\s+to\s+)*",
                r"(?:re-?)?(?:tell|give|send|share|confirm|provide|paste|type|let\s+me\s+know|remind|check|find|look\s+up|dig\s+out|grab|pass|drop|post|enter|verify|spell|read|write|list|forward|reply\s+with|include|double-check|flick|pop|shoot|ping|text|message|fire\s+over|chuck|quote)\b(?:\s+(?:me|us))?(?:\s+(?:again|of|with))?",
                r"|\b(?:can|could|may|might)\s+(?:i|we)\s+(?:please\s+|just\s+|also\s+|quickly\s+|first\s+)*(?:get|have|take|grab|ask\s+for|ask|confirm|check|trouble\s+you\s+for|borrow|verify|know)\b",
                r"|\b(?:(?:would|do)\s+you\s+)?mind\s+\w+ing\b",
                r"|\b(?:please|pls|kindly)\s+(?:\w+\s+)?(?:re-?)?(?:send|share|give|tell|provide|confirm|paste|enter|type|reply\s+with|let\s+me\s+know|drop|verify|remind|write|flick|pop|shoot|ping|text|message)\b(?:\s+(?:me|us))?",
                r"|\b(?:i|we)(?:(?:'|’)ll|\s+will|(?:'|’)d|\s+would)?\s+(?:just\s+|also\s+|first\s+|still\s+|only\s+)?(?:need|require)\b(?:\s+you\s+to\s+(?:send|give|share|confirm|provide|tell)(?:\s+(?:me|us))?)?",
                r"|\bdo\s+you\s+(?:have|know|remember|happen\s+to\s+have)\b",
                // A request put as the condition of the agent's next step:
                // "as soon as you pop your booking reference in", "once
                // you've sent me the order number" (not "after you
                // confirmed it", which tells what they did).
                r"|\b(?:once|as\s+soon\s+as|when|after)\s+you\s+(?:re-?)?(?:send|give|share|provide|confirm|paste|type|pop|drop|enter)\b(?:\s+(?:me|us))?",
                r"|\b(?:once|as\s+soon\s+as|when|after)\s+you(?:(?:'|’)ve|\s+have)\s+(?:re-?)?(?:sent|given|shared|provided|confirmed|pasted|typed|popped|dropped|entered)\b(?:\s+(?:me|us))?",
            )),
            interrogative: p.add(r"\b(?:what|which|whats)\b(?:(?:'|’)s|\s+is|\s+was|\s+are|\s+were)?"),
            choice: p.add(
                r"\b(?:are|were)\s+you\s+(?:currently\s+|still\s+)?(?:on|using|with|playing\s+on)\b",
            ),
            imperative: p.add(
                r"\b(?:re-?)?(?:tell|give|send|share|confirm|provide|paste|remind|drop|type|reply\s+with|let\s+me\s+know|verify|enter|pop)\b(?:\s+(?:me|us))?",
            ),
            who: p.add(
                r"\bwho\s+(?:am\s+i|do\s+i\s+have\s+the\s+pleasure\s+of)\s+(?:speaking|talking|chatting)\b|\bwhat\s+(?:should|shall|can|do)\s+i\s+call\s+you\b|\bhow\s+(?:should|shall|do)\s+i\s+address\s+you\b",
            ),
            negation: pat(concat!(
                r"\b(?:no\s+need\s+(?:to|for)|there(?:(?:'|’)s|\s+is)\s+no\s+need",
                r"|(?:don(?:'|’)?t|do\s+not|won(?:'|’)?t|will\s+not|shouldn(?:'|’)?t|needn(?:'|’)?t)\s+(?:need|have\s+to|ask|make|bother|worry)",
                r"|not\s+going\s+to\s+(?:ask|make)|never\s+(?:ask|make)|without\s+(?:asking|needing|making)|no\s+longer\s+need)\b"
            )),
            // What can be asked for, one alternative per kind (see `kind_of`).
            target: p.add(concat!(
                r"\b(?:order|booking|reservation|confirmation|invoice|bill|purchase)s?\s*(?:or\s+\w+\s+)?",
                r"(?:(?:number|no\.?|num|id|ref(?:erence)?|code)s?\b|#(?:\s|$|[?.,!]))",
                r"|\b(?:your|the)\s+ref(?:erence)?(?:\s+(?:number|no\.?|code))?\b|\b(?:your\s+|the\s+)?pnr\b",
                // A sales or purchase order: "the SO number", "PO #".
                r"|\b(?:so|po|sales\s+order|purchase\s+order)\s+(?:number|#)",
                r"|\bnumber\s+of\s+(?:the|your|that)\s+(?:order|booking|reservation|purchase|invoice)\b",
                r"|\be-?mails?(?:\s+address(?:es)?)?\b",
                r"|\b(?:(?:full|first|last|sur|given|family)\s*)?names?\b",
                r"|\b(?:plan|tier|tariff|subscription|package|membership|account\s+type|account\s+level)s?\b",
                r"|\b(?:type|kind|sort)\s+of\s+(?:account|plan|subscription|membership)\b",
            )),
            cut: pat(concat!(
                r"\s(?:so|to|because|since|then|before|after|when|if|while|which|that|as)\s|\sand\s+(?:i|we)\b",
                // "…your order ID for the jacket, I check with seller": a new subject.
                r"|,\s*(?:i|we)(?:(?:'|’)(?:ll|m|d|ve))?\s",
            )),
            explain: p.add(concat!(
                r"\b(?:(?:re-?)?explain(?:ing)?|describ(?:e|ing)|walk(?:ing)?\s+(?:me|us)\s+through|talk(?:ing)?\s+(?:me|us)\s+through",
                r"|run(?:ning)?\s+(?:me|us)\s+through|take\s+(?:me|us)\s+through|go(?:ing)?\s+(?:over|through)|(?:re-?)?tell(?:ing)?\s+(?:me|us)|remind(?:ing)?\s+(?:me|us)",
                r"|fill(?:ing)?\s+(?:me|us)\s+in|recap|summari[sz]e|repeat|elaborate|clarify|hear",
                r"|start(?:ing)?\s+(?:again\s+|over\s+)?from\s+the\s+(?:beginning|start|top)",
                r"|give\s+(?:me|us)\s+(?:a\s+|an\s+|some\s+|the\s+)?(?:quick\s+|brief\s+|short\s+)?(?:rundown|run-down|overview|summary|recap|brief|background))\b",
            )),
            explain_object: pat(concat!(
                r"\b(?:again|once\s+more|one\s+more\s+time|from\s+the\s+(?:beginning|start|top)|in\s+your\s+own\s+words|all\s+over",
                r"|what\s+(?:exactly\s+)?(?:happened|has\s+happened|(?:'|’)s\s+happened|went\s+wrong|occurred)",
                r"|the\s+(?:whole\s+)?(?:problem|issue|situation|story|thing|background)|(?:your|the)\s+(?:problem|issue|situation|experience)",
                r"|it\s+all|everything|the\s+details|more\s+about)\b",
            )),
            // "Which order…", and "which (one) of your (two) bookings…".
            which_order: p.add(
                r"\b(?:what|which)\s+(?:(?:one\s+)?of\s+(?:your|the|these|those)\s+(?:\w+\s+){0,2})?(?:order|booking|reservation|purchase|invoice)s?\b",
            ),
            what_happened: p.add(
                r"\bwhat\s+(?:exactly\s+)?(?:happened|went\s+wrong|has\s+happened|(?:'|’)s\s+happened)\b",
            ),
            present: pat(r"\b(?:now|currently|at\s+the\s+moment|right\s+now|these\s+days)\b"),
            generic: p.add(concat!(
                r"\bhow\s+(?:can|may|could|might|shall)\s+(?:i|we)\s+(?:help|assist|be\s+of\s+(?:help|assistance|service)|support|serve)\b",
                r"|\bwhat\s+(?:can|could)\s+(?:i|we)\s+(?:do\s+for\s+you|help(?:\s+you)?\s+with|assist(?:\s+you)?\s+with|sort(?:\s+out)?\s+for\s+you|fix\s+for\s+you)\b",
                r"|\bwhat\s+brings\s+you\b",
                r"|\bwhat\s+(?:are|were)\s+you\s+(?:contacting|writing|reaching\s+out|chatting|calling|getting\s+in\s+touch)\s+(?:to\s+)?(?:us\s+)?(?:about|for|regarding)\b",
                r"|\bwhat\s+(?:would\s+you\s+like|do\s+you\s+want)\s+(?:help|assistance)\s+with\b",
                r"|\b(?:tell\s+(?:me|us)|let\s+(?:me|us)\s+know)\s+(?:what(?:(?:'|’)s|\s+is|\s+has)\s+(?:been\s+)?(?:going\s+on|wrong|up|happening|the\s+(?:problem|issue|matter))|how\s+(?:i|we)\s+can\s+help|what\s+(?:i|we)\s+can\s+do\s+for\s+you)\b",
                // "Please let me know how I can help you today"
                r"|\blet\s+(?:me|us)\s+know\s+how\s+(?:i|we)\s+(?:can|may|could|might)\s+(?:help|assist)\b",
                // "Please tell me your query", "tell me what is your problem":
                // what the problem is, asked for the first time.
                r"|\b(?:tell|share\s+with)\s+(?:me|us)\s+(?:about\s+)?(?:what\s+(?:is\s+|(?:'|’)s\s+)?)?(?:your|the)\s+(?:query|question|concern|problem|issue|request)\b",
                r"|\bwhat\s+(?:can|could)\s+(?:i|we)\s+do\s+for\s+(?:ya|u|y'all)\b",
            )),
            generic_question: p.add(concat!(
                r"\bwhat(?:\s+exactly|\s+precisely)?(?:(?:'|’)s|\s+is|\s+seems\s+to\s+be|\s+was)\s+(?:exactly\s+)?(?:the\s+|your\s+|this\s+)?(?:issue|problem|trouble|matter|concern|question|query)\b",
                r"|\bwhat(?:(?:'|’)s|\s+is|\s+seems\s+to\s+be)\s+(?:going\s+on|wrong|up|happening|the\s+matter)\b",
                r"|\bwhat\s+(?:do|did|can)\s+you\s+need\b",
                r"|\bwhat(?:(?:'|’)s|\s+is)\s+(?:this|it)\s+(?:about|regarding)\b",
            )),
            anything: p.add(r"\b(?:is\s+there\s+)?(?:anything|something)\s+(?:i|we)\s+can\s+(?:help|assist|do)\b"),
            closing_words: pat(r"\b(?:else|further|more|other|additional)\b"),
        }
    }

    /// Every never-ask finding of `reply` against `ctx`, one per span.
    pub fn find(&self, reply: &Reply, known: &Known, first: bool) -> Vec<Ask> {
        let mut asks = Vec::new();
        self.details(reply, known, &mut asks);
        self.explain_again(reply, known, &mut asks);
        self.generic_opener(reply, first, &mut asks);
        // A question the agent quotes ("the bot kept asking \"what seems to
        // be the issue?\"") is reported, not asked.
        asks.retain(|a| !reply.in_quotes(a.span.start));
        resolve(asks)
    }

    /// Whether the verb at `pos` continues an earlier request of its
    /// sentence: "Could you send your order number and *describe* the issue
    /// again?" asks twice, though only the first verb has the "could you".
    /// The verb follows "and", "or" or "plus" (softeners such as "then" or
    /// "please" may come between), and before that the sentence asks: a
    /// request form, or an imperative or explain verb opening a clause or
    /// asked politely ("could you describe…").
    fn coordinated(&self, reply: &Reply, pos: usize) -> bool {
        const SOFTENERS: &[&str] = &[
            "then", "please", "also", "just", "kindly", "maybe", "quickly",
        ];
        let before = reply.words_before(pos, 4);
        let k = before.iter().take_while(|w| SOFTENERS.contains(w)).count();
        if !matches!(before.get(k), Some(&("and" | "or" | "plus"))) {
            return false;
        }
        let Some(sentence) = reply.sentence_at(pos) else {
            return false;
        };
        let head = reply.lower_slice(sentence.start, super::sentences::floor(reply.text, pos));
        self.request.is_match(head)
            || [&self.imperative, &self.explain].iter().any(|p| {
                p.find_iter(head).any(|m| {
                    let at = sentence.start + m.start;
                    reply.starts_clause(at) || polite_start(reply, at).is_some()
                })
            })
    }

    /// Whether the sentence text before `pos` negates asking.
    pub fn negated(&self, reply: &Reply, pos: usize) -> bool {
        let start = reply.sentence_at(pos).map_or(0, |s| s.start);
        self.negation
            .is_match(reply.lower_slice(start, super::sentences::floor(reply.text, pos)))
    }

    /// Requests for an order number, name, email, plan or card detail.
    fn details(&self, reply: &Reply, known: &Known, out: &mut Vec<Ask>) {
        let ctx = known.context();
        let mut leads: Vec<(Range<usize>, bool)> = Vec::new();
        // A reply that names nothing that can be asked for asks for nothing.
        self.which_order(reply, known, out);
        let nothing_to_ask = ctx.details.is_empty() && !self.target.matches(reply);
        if nothing_to_ask {
            self.who_asks(reply, ctx, out);
            return;
        }
        for m in self.request.find_in(reply) {
            // "I need to look up your order": needing to do something is not a request.
            let after = reply.words_after(m.end, 1);
            let lead = reply.lower_slice(m.start, m.end);
            if (lead.ends_with("need") || lead.ends_with("require")) && after.first() == Some(&"to")
            {
                continue;
            }
            leads.push((m, false));
        }
        for m in self.interrogative.find_in(reply) {
            if reply.in_question(m.start) && reply.starts_clause(m.start) {
                leads.push((m, true));
            }
        }
        for m in self.choice.find_in(reply) {
            let offers = reply
                .sentence_at(m.start)
                .is_some_and(|s| s.question && reply.lower_slice(m.end, s.end).contains(" or "));
            if offers && reply.starts_clause(m.start) {
                leads.push((m, true));
            }
        }
        for m in self.imperative.find_in(reply) {
            if reply.starts_clause(m.start) || self.coordinated(reply, m.start) {
                leads.push((m, false));
            }
        }
        // "Order number?", "Your email, please." ask with no verb at all;
        // "the email on file is…?" leaves them the rest to fill in.
        for s in &reply.sentences {
            let unfinished = s.question && {
                let t = reply.sentence_text(s).trim_end();
                t.ends_with("…?") || t.ends_with("...?")
            };
            if unfinished {
                // From its last clause: "Just to double-check, | the email on file is…?"
                let body = reply
                    .sentence_text(s)
                    .trim_end()
                    .trim_end_matches(['?', '…', '.']);
                let at = reply.clause_start(s.start + body.len().saturating_sub(1));
                leads.push((at..at, false));
            } else if self.is_fragment(reply, known, s) {
                leads.push((s.start..s.start, false));
            }
        }
        super::in_order(&mut leads, |(m, _)| [m.start, 0, 0]);
        for (lead, short) in leads {
            if self.negated(reply, lead.start) {
                continue;
            }
            let Some(sentence) = reply.sentence_at(lead.start).copied() else {
                continue;
            };
            // Nothing that can be asked for anywhere in the sentence: no need
            // to look closer.
            if !self
                .target
                .is_match(reply.lower_slice(sentence.start, sentence.end))
                && ctx.details.is_empty()
            {
                continue;
            }
            let region = object_region(reply, &self.cut, &lead, &sentence, short);
            let mut targets = self.targets(reply, ctx, region.clone());
            if targets.is_empty()
                && starts_with_pronoun(reply.lower_slice(region.start, region.end))
            {
                // "The courier needs the order number — could you send it over?"
                if let Some(t) = self.targets(reply, ctx, sentence.start..lead.start).pop() {
                    targets.push(t);
                }
            }
            // "Can you check your email?" asks them to look at their inbox,
            // not for the address.
            let lead_text = reply.lower_slice(lead.start, lead.end);
            let inbox = ["check", "read", "open"]
                .iter()
                .any(|v| lead_text.ends_with(v));
            // "Could you check it's showing on your shop page?" asks them to
            // look at something, not for it.
            let looking = lead_text.ends_with("check")
                && reply.words_after(lead.end, 1).first().is_some_and(|w| {
                    matches!(
                        *w,
                        "it's" | "it’s" | "its" | "it" | "that" | "if" | "whether" | "you"
                    )
                });
            if looking {
                continue;
            }
            // Offering the known value among others ("Are you on the monthly
            // or the annual plan?") still asks which it is.
            let offers = self.choice.is_match(lead_text);
            let mut first = true;
            for (asked, span) in heads(reply, region.start, targets) {
                if !holds(ctx, asked) || !offers && quoted(reply, known, asked, &sentence) {
                    continue;
                }
                if inbox
                    && asked == Asked::Email
                    && !reply.lower_slice(span.start, span.end).contains("address")
                {
                    continue;
                }
                // "Can you confirm you received the email?": the thing is the
                // object of another verb, a message rather than the detail.
                let between = reply.lower_slice(region.start.min(span.start), span.start);
                if between
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| RECEIVED.contains(&w))
                {
                    continue;
                }
                // "Which plan would you like to switch to?" asks for a new
                // choice, not the one the context holds.
                let object = reply.lower_slice(span.end, region.end.max(span.end));
                let whole = reply.lower_slice(sentence.start, sentence.end);
                let someone_else = ["recipient", "someone else", "a friend"]
                    .iter()
                    .any(|c| whole.contains(c));
                // "…just share *their* email address": someone else's.
                let theirs = reply
                    .words_before(span.start, 2)
                    .iter()
                    .any(|w| matches!(*w, "their" | "his" | "her"));
                if theirs {
                    continue;
                }
                if (matches!(asked, Asked::Plan | Asked::Name)
                    && CHOICE.iter().any(|c| object.contains(c)))
                    || (matches!(asked, Asked::Name | Asked::Email) && someone_else)
                {
                    continue;
                }
                let span = if span.start < lead.start {
                    span.start..lead.end
                } else if first {
                    lead.start..span.end
                } else {
                    span
                };
                out.push(Ask {
                    rule: rule_of(asked),
                    span,
                    asked,
                });
                first = false;
            }
        }
        self.listed(reply, known, out);
        self.who_asks(reply, ctx, out);
    }

    /// A request that lists what it needs on the lines after it ("To sort
    /// out the refund I just need:\n- your order number\n- a photo"): each
    /// item that names a thing the context holds asks for it, the item
    /// being the span.
    fn listed(&self, reply: &Reply, known: &Known, out: &mut Vec<Ask>) {
        let ctx = known.context();
        let mut sentences = reply.sentences.iter().peekable();
        while let Some(s) = sentences.next() {
            let text = reply.sentence_text(s);
            let asks = text.trim_end().ends_with(':') && {
                let lower = reply.lower_slice(s.start, s.end);
                (self.request.is_match(lower) || self.imperative.is_match(lower))
                    && !self.negated(reply, s.end)
            };
            if !asks {
                continue;
            }
            while let Some(item) =
                sentences.next_if(|i| list_item(reply.sentence_text(i)).is_some())
            {
                let marker = list_item(reply.sentence_text(item)).unwrap_or(0);
                let region = item.start + marker..item.end;
                let Some(&(asked, _)) = heads(
                    reply,
                    region.start,
                    self.targets(reply, ctx, region.clone()),
                )
                .iter()
                .find(|(asked, _)| holds(ctx, *asked)) else {
                    continue;
                };
                if !quoted(reply, known, asked, item) {
                    out.push(Ask {
                        rule: rule_of(asked),
                        span: region,
                        asked,
                    });
                }
            }
        }
    }

    /// Whether sentence `s` is a bare request for a thing ("Order number?",
    /// "And your email, please.", "hi henrik, booking ref pls?"): a question
    /// or a "please", a short one, with nothing but fillers and the
    /// customer's name beside what it names.
    fn is_fragment(&self, reply: &Reply, known: &Known, s: &Sentence) -> bool {
        const FILLERS: &[&str] = &[
            "a", "also", "an", "and", "again", "finally", "first", "hey", "hi", "last", "lastly",
            "more", "oh", "ok", "okay", "one", "or", "please", "pls", "plus", "quick", "so",
            "sorry", "thanks", "the", "then", "thing", "too", "you", "your",
        ];
        let lower = reply.lower_slice(s.start, s.end);
        if !(s.question || lower.contains("please") || lower.contains("pls")) || lower.len() > 60 {
            return false;
        }
        let mut named = false;
        let mut at = 0;
        let mut others = Vec::new();
        for t in self.target.find_iter(lower) {
            named = true;
            others.push(&lower[at..t.start]);
            at = t.end;
        }
        others.push(&lower[at..]);
        named
            && others
                .iter()
                .flat_map(|o| o.split(|c: char| !c.is_ascii_alphanumeric()))
                .filter(|w| !w.is_empty())
                .all(|w| FILLERS.contains(&w) || known.names.iter().any(|n| n == w))
    }

    /// "What order was this regarding?", "Which booking is it?": a question
    /// that opens on which purchase it is asks for its number.
    fn which_order(&self, reply: &Reply, known: &Known, out: &mut Vec<Ask>) {
        let ctx = known.context();
        for m in self.which_order.find_in(reply) {
            let Some(sentence) = reply.sentence_at(m.start).copied() else {
                continue;
            };
            // "Which plan would you like to switch to?" asks for a choice.
            let object = reply.lower_slice(m.end, reply.clause_end(m.end).max(m.end));
            if sentence.question
                && reply.starts_clause(m.start)
                && !CHOICE.iter().any(|c| object.contains(c))
                && holds(ctx, Asked::Order)
                && !self.negated(reply, m.start)
                && !quoted(reply, known, Asked::Order, &sentence)
            {
                out.push(Ask {
                    rule: rule_of(Asked::Order),
                    span: m.start..reply.clause_end(m.end).max(m.end),
                    asked: Asked::Order,
                });
            }
        }
    }

    /// "Who am I speaking with?" asks for the name.
    fn who_asks(&self, reply: &Reply, ctx: &Context, out: &mut Vec<Ask>) {
        for m in self.who.find_in(reply) {
            if holds(ctx, Asked::Name) && !self.negated(reply, m.start) {
                out.push(Ask {
                    rule: "never-ask.known-detail",
                    span: m,
                    asked: Asked::Name,
                });
            }
        }
    }

    /// What `region` asks for, in order.
    fn targets(
        &self,
        reply: &Reply,
        ctx: &Context,
        region: Range<usize>,
    ) -> Vec<(Asked, Range<usize>)> {
        let Some(text) = reply.lower.get(region.clone()) else {
            return Vec::new();
        };
        let mut found: Vec<(Asked, Range<usize>)> = Vec::new();
        for r in self.target.find_iter(text) {
            let kind = kind_of(&text[r.clone()]);
            // Their surname, when the card gave one name only, is unknown.
            let matched = &text[r.clone()];
            let whole_name = |n: &Option<String>| {
                n.as_deref()
                    .is_some_and(|n| n.split_whitespace().nth(1).is_some())
            };
            if kind == Asked::Name
                && ["sur", "last", "family"]
                    .iter()
                    .any(|p| matched.starts_with(p))
                && !whole_name(&ctx.customer_name)
            {
                continue;
            }
            // A plan the card gave under a label of its own ("Product:",
            // "Package:") is that detail.
            // So is one whose value names a plan ("Line: Mobile, Family Plan").
            let kind = match kind {
                Asked::Plan if ctx.account.is_none() => ctx
                    .details
                    .iter()
                    .position(|(label, value)| {
                        let has = |text: &str, words: &[&str]| {
                            let text = fold(text);
                            words.iter().any(|p| find_words(&text, p).is_some())
                        };
                        has(label, PLAN_LABELS) || has(value, PLAN_WORDS)
                    })
                    .map_or(kind, Asked::Detail),
                _ => kind,
            };
            let r = region.start + r.start..region.start + r.end;
            // "the account name" or "the name of the product" is not theirs.
            if kind == Asked::Name {
                let before = reply.words_before(r.start, 1);
                let after = reply.words_after(r.end, 1);
                if before.first().is_some_and(|w| NOT_PERSON.contains(w))
                    || after.first() == Some(&"of")
                {
                    continue;
                }
            }
            found.push((kind, r));
        }
        if !ctx.details.is_empty() {
            let original = reply.text.get(region.clone()).unwrap_or("");
            for (i, label) in ctx.details.keys().enumerate() {
                if let Some(r) = find_label(original, label) {
                    found.push((
                        Asked::Detail(i),
                        region.start + r.start..region.start + r.end,
                    ));
                }
            }
            super::in_order(&mut found, |(_, r)| [r.start, 0, 0]);
            // A card label that is also a built-in kind ("Email", "Disputed
            // order #") is one target, of the built-in kind: it names the
            // more specific rule (CONTRACT 6.5).
            let mut kept: Vec<(Asked, Range<usize>)> = Vec::with_capacity(found.len());
            for (kind, r) in found {
                match kept.last_mut() {
                    Some(last) if r.start < last.1.end => {
                        if matches!(last.0, Asked::Detail(_)) && !matches!(kind, Asked::Detail(_)) {
                            *last = (kind, r);
                        }
                    }
                    _ => kept.push((kind, r)),
                }
            }
            found = kept;
        }
        found
    }

    fn explain_again(&self, reply: &Reply, known: &Known, out: &mut Vec<Ask>) {
        for verb in self.explain.find_in(reply) {
            // "I'd love to hear in your own words what happened": hearing is
            // asked for by the one who would hear it.
            let hearing = reply.lower_slice(verb.start, verb.end) == "hear"
                && reply.words_before(verb.start, 1).first() == Some(&"to");
            // A request: "can you / could you / please / I'd like you to"
            // before the verb, or the verb opening its clause ("Tell me…").
            let Some(whole) = polite_start(reply, verb.start)
                .map(|start| start..verb.end)
                .or_else(|| {
                    (hearing
                        || reply.starts_clause(verb.start)
                        || self.coordinated(reply, verb.start))
                    .then(|| verb.clone())
                })
            else {
                continue;
            };
            if self.negated(reply, whole.start) {
                continue;
            }
            let Some(sentence) = reply.sentence_at(whole.start).copied() else {
                continue;
            };
            let region = object_region(reply, &self.cut, &whole, &sentence, false);
            let object = reply.lower_slice(region.start, region.end);
            // "Tell me…" asks for something specific ("tell me your email",
            // "tell me which card"); it asks for the story again only with
            // words that say so ("tell me what happened", "…again").
            let said = reply.lower_slice(verb.start, verb.end);
            let telling = said.starts_with("tell") || said.starts_with("remind");
            let end = if let Some(m) = self.explain_object.find(object) {
                // "Tell me your problem" asks what it is (the generic
                // opener); only "again", "what happened"… ask for the story.
                // ("Remind me what the issue was" asks for it again.)
                let story = !said.starts_with("tell")
                    || !matches!(
                        object
                            .get(m.clone())
                            .and_then(|o| o.split_whitespace().last()),
                        Some("problem" | "issue" | "matter" | "situation")
                    );
                story.then_some(region.start + m.end)
            } else if telling || hearing {
                None
            } else if object.trim().is_empty() || starts_with_pronoun(object) {
                Some(region.start.max(whole.end))
            } else if !self.present.is_match(object) && !CHOICE.iter().any(|c| object.contains(c)) {
                let mut last = None;
                content_words(reply.text.get(region.clone()).unwrap_or(""), |r, stem| {
                    if known.terms.contains(stem) {
                        last = Some(region.start + r.end);
                    }
                });
                last
            } else {
                None
            };
            if let Some(end) = end {
                out.push(Ask {
                    rule: "never-ask.explain-again",
                    span: whole.start..end.max(whole.end),
                    asked: Asked::Story,
                });
            }
        }
        // "What happened here? Let me check the login history": a question
        // the agent answers themselves asks nothing of the customer.
        let before = out.len();
        self.opening_questions(reply, &self.what_happened, Asked::Story, out);
        let answered = |at: usize| {
            let next = reply.sentences.iter().find(|s| s.start > at);
            next.is_some_and(|s| {
                let lower = reply.lower_slice(s.start, s.end);
                [
                    "let me",
                    "i'll",
                    "i’ll",
                    "i will",
                    "i'm going to",
                    "i’m going to",
                    "i'm checking",
                    "i’m checking",
                ]
                .iter()
                .any(|lead| lower.starts_with(lead))
            })
        };
        let mut k = before;
        while k < out.len() {
            if answered(out[k].span.start) {
                out.remove(k);
            } else {
                k += 1;
            }
        }
    }

    /// A finding for each match of `p` that opens a clause of a question
    /// and is not negated ("So what happened?", "What's the problem?").
    fn opening_questions(&self, reply: &Reply, p: &Rx, asked: Asked, out: &mut Vec<Ask>) {
        for m in p.find_in(reply) {
            if reply.in_question(m.start)
                && reply.starts_clause(m.start)
                && !self.negated(reply, m.start)
            {
                out.push(Ask {
                    rule: rule_of(asked),
                    span: m,
                    asked,
                });
            }
        }
    }

    fn generic_opener(&self, reply: &Reply, first: bool, out: &mut Vec<Ask>) {
        let closing = |m: &Range<usize>| {
            reply.sentence_at(m.start).is_some_and(|s| {
                self.closing_words
                    .is_match(reply.lower_slice(s.start, s.end))
            })
        };
        for m in self.generic.find_in(reply) {
            if !closing(&m) && !self.negated(reply, m.start) {
                out.push(Ask {
                    rule: "never-ask.generic-opener",
                    span: m,
                    asked: Asked::Problem,
                });
            }
        }
        self.opening_questions(reply, &self.generic_question, Asked::Problem, out);
        // "Is there anything I can help with?" opens a conversation only in
        // the first message; later it means "anything else".
        if first {
            for m in self.anything.find_in(reply) {
                if reply.in_question(m.start) && !closing(&m) && !self.negated(reply, m.start) {
                    out.push(Ask {
                        rule: "never-ask.generic-opener",
                        span: m,
                        asked: Asked::Problem,
                    });
                }
            }
        }
    }
}

/// Where a polite request that ends at `verb` starts ("could you please
/// *explain*"), if one does.
fn polite_start(reply: &Reply, verb: usize) -> Option<usize> {
    const SOFTENERS: &[&str] = &[
        "please", "just", "quickly", "briefly", "kindly", "maybe", "also", "pls",
    ];
    let before = reply.words_before(verb, 8);
    let mut k = before.iter().take_while(|w| SOFTENERS.contains(w)).count();
    let asks = match (
        before.get(k).copied(),
        before.get(k + 1).copied(),
        before.get(k + 2).copied(),
    ) {
        (Some("you" | "u"), Some("can" | "could" | "would" | "will"), _) => Some(k + 1),
        (Some("to"), Some("you"), Some("like" | "need" | "want")) => Some(k + 3),
        (Some("mind"), Some("you"), Some("would" | "do")) => Some(k + 2),
        (Some("mind"), _, _) => Some(k),
        _ if k > 0 && matches!(before.get(k - 1), Some(&("please" | "kindly" | "pls"))) => {
            Some(k - 1)
        }
        _ => None,
    }?;
    k = asks;
    // Walk back over the words to the byte where the request starts.
    let clause = reply.clause_start(verb);
    let head = reply.lower_slice(clause, verb);
    let mut seen = 0;
    let mut at = head.len();
    for (i, sep) in
        head.rmatch_indices(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '’'))
    {
        let after = i + sep.len();
        if after < at {
            seen += 1;
            if seen > k {
                return Some(clause + after);
            }
        }
        at = i;
    }
    Some(clause)
}

/// Which kind of thing a `target` match names.
fn kind_of(words: &str) -> Asked {
    if words.contains("mail") {
        Asked::Email
    } else if words.contains("name") {
        Asked::Name
    } else if [
        // "the number of the order"
        "number of",
        "order",
        "booking",
        "reservation",
        "confirmation",
        "invoice",
        "bill",
        "purchase",
        "your",
        "the ref",
        "pnr",
        "so ",
        "po ",
        "sales order",
    ]
    .iter()
    .any(|w| words.starts_with(w))
    {
        Asked::Order
    } else {
        Asked::Plan
    }
}

/// The never-ask rule for a kind of question.
fn rule_of(asked: Asked) -> &'static str {
    match asked {
        Asked::Order => "never-ask.order-number",
        Asked::Story => "never-ask.explain-again",
        Asked::Problem => "never-ask.generic-opener",
        _ => "never-ask.known-detail",
    }
}

/// Card labels under which a plan may be given when the card has no
/// account field: "product" and "service", then the [`PLAN_WORDS`].
const PLAN_LABELS: &[&str] = &[
    "product",
    "service",
    "package",
    "plan",
    "tariff",
    "subscription",
    "tier",
    "bundle",
    "membership",
];

/// Words that make a detail's value a plan ("Line: Mobile, Family Plan");
/// a value naming a product or a service is not one.
const PLAN_WORDS: &[&str] = PLAN_LABELS.split_at(2).1;

/// Whether the context holds what `asked` asks for.
fn holds(ctx: &Context, asked: Asked) -> bool {
    let some = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
    match asked {
        Asked::Order => ctx.order_numbers.iter().any(|o| !o.trim().is_empty()),
        Asked::Name => some(&ctx.first_name) || some(&ctx.customer_name),
        Asked::Email => ctx.emails.iter().any(|e| !e.trim().is_empty()),
        Asked::Plan => some(&ctx.account),
        Asked::Detail(_) | Asked::Story | Asked::Problem => true,
    }
}

/// Whether the sentence quotes the known value back ("order 12345, right?"),
/// which confirms rather than asks.
fn quoted(reply: &Reply, known: &Known, asked: Asked, s: &Sentence) -> bool {
    let ctx = known.context();
    let lower = reply.lower_slice(s.start, s.end);
    let folded = || fold(reply.sentence_text(s));
    let has_words = |v: &str| {
        let v = fold(v);
        !v.is_empty() && find_words(&folded(), &v).is_some()
    };
    match asked {
        Asked::Order => {
            let sentence = Reply::new(reply.sentence_text(s));
            known.orders.iter().any(|o| mentions_order(&sentence, o))
        }
        Asked::Email => ctx
            .emails
            .iter()
            .any(|e| !e.is_empty() && lower.contains(&e.to_ascii_lowercase())),
        Asked::Name => [&ctx.first_name, &ctx.customer_name]
            .into_iter()
            .flatten()
            .any(|n| has_words(n)),
        Asked::Plan => ctx.account.as_deref().is_some_and(|a| {
            let mut first = None;
            content_words(a, |_, w| {
                if first.is_none() && !w.starts_with('#') {
                    first = Some(w.to_string());
                }
            });
            first.is_some_and(|w| {
                let mut hit = false;
                content_words(reply.sentence_text(s), |_, x| hit |= x == w);
                hit
            })
        }),
        Asked::Detail(i) => ctx.details.values().nth(i).is_some_and(|v| has_words(v)),
        Asked::Story | Asked::Problem => false,
    }
}

/// Where the object of a request lies: after the lead, to the end of the
/// sentence or the first subordinate clause ("your email *so* I can…"); for
/// "what/which" only the few words that name the thing ("what *email*
/// should I use").
fn object_region(
    reply: &Reply,
    cut: &Pattern,
    lead: &Range<usize>,
    s: &Sentence,
    short: bool,
) -> Range<usize> {
    let start = lead.end.min(s.end);
    let mut end = s.end;
    let rest = reply.lower_slice(start, end);
    // "the best number to reach you": "to" there belongs to what is asked.
    let number_to =
        |c: &Range<usize>| rest[c.clone()].trim() == "to" && rest[..c.start].ends_with("number");
    // "the SO number": a sales order, not "so" starting a clause.
    let sales_order = |c: &Range<usize>| {
        let next = rest[c.end..].trim_start();
        rest[c.clone()].trim() == "so" && (next.starts_with("number") || next.starts_with('#'))
    };
    if let Some(c) = cut
        .find_iter(rest)
        .find(|c| !rest[..c.start].trim().is_empty() && !number_to(c) && !sales_order(c))
    {
        end = start + c.start;
    }
    if short {
        // About five words: "what's the order reference for the parcel";
        // four more after "and" / "or": "what's your order number and the
        // email on the account" asks for both.
        let mut words = 0;
        let mut limit = 5;
        let text = reply.lower_slice(start, end);
        for (i, c) in text.char_indices() {
            if c == ' ' {
                words += 1;
                let next = text[i + 1..].split(' ').next().unwrap_or("");
                if matches!(next, "and" | "or" | "plus") && limit == 5 && words <= 5 {
                    limit = words + 4;
                }
                if words > limit {
                    end = start + i;
                    break;
                }
            }
        }
    }
    start..end
}

/// The length of a list item's marker ("- ", "• ", "2) "), if `line` is
/// one. ("2. " is not seen here: the sentence splitter ends a sentence at
/// its full stop.)
fn list_item(line: &str) -> Option<usize> {
    let body = match line.strip_prefix(['-', '•', '*', '·', '–', '▪', '◦']) {
        Some(rest) => rest,
        None => {
            let n = line.bytes().take_while(u8::is_ascii_digit).count();
            if !(1..=2).contains(&n) {
                return None;
            }
            line[n..].strip_prefix(')')?
        }
    };
    let rest = body.trim_start();
    (rest.len() < body.len() && !rest.is_empty()).then(|| line.len() - rest.len())
}

fn starts_with_pronoun(object: &str) -> bool {
    let first = object.split_whitespace().next().unwrap_or("");
    matches!(
        first.trim_matches(|c: char| !c.is_alphanumeric()),
        "it" | "that" | "them" | "this" | "those" | "these"
    )
}

/// Keeps the targets that are asked for, dropping those that only qualify
/// another ("the email *on your account*"): a later target counts only when
/// a conjunction, not a preposition, joins it to the one before.
///
/// The first target is asked for too, unless a noun of its own comes before
/// it with a preposition ("the *model* of your phone", "a photo of the
/// email"): then what is asked for is that noun, not the target.
fn heads(
    reply: &Reply,
    from: usize,
    targets: Vec<(Asked, Range<usize>)>,
) -> Vec<(Asked, Range<usize>)> {
    const PREPOSITIONS: &[&str] = &[
        "on", "in", "for", "from", "of", "under", "with", "at", "about", "to", "by", "into",
    ];
    const CONJUNCTIONS: &[&str] = &["and", "or", "plus", "also", "&"];
    // Words that may stand before a preposition without being the thing
    // asked for ("send me over your…", "tell us again of…").
    const NOT_NOUNS: &[&str] = &[
        "me", "us", "you", "it", "again", "please", "just", "over", "across", "back", "quickly",
        "here", "now", "also", "know", "let", "up", "which", "what", "one", "any", "all", "each",
        "some", "both", "either", "none", "rest", "copy",
        // "the name of the account holder", "what type of cover": the
        // thing's own attribute, which asks for the thing.
        "name", "number", "type", "kind", "sort", "details", "detail", "address", "id", "email",
    ];
    let mut out: Vec<(Asked, Range<usize>)> = Vec::new();
    let qualified = targets.first().is_some_and(|(_, span)| {
        let words: Vec<&str> = reply
            .lower_slice(from.min(span.start), span.start)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words.windows(2).any(|w| {
            PREPOSITIONS.contains(&w[1])
                && w[1] != "to"
                && !NOT_NOUNS.contains(&w[0])
                && !PREPOSITIONS.contains(&w[0])
        })
    });
    let mut last_end = if qualified { Some(from) } else { None };
    for (asked, span) in targets {
        let head = match last_end {
            None => true,
            Some(end) => {
                let between = reply.lower_slice(end, span.start);
                let words: Vec<&str> = between
                    .split(|c: char| !c.is_alphanumeric() && c != '&')
                    .filter(|w| !w.is_empty())
                    .collect();
                let conj = words.iter().rposition(|w| CONJUNCTIONS.contains(w));
                let prep = words.iter().rposition(|w| PREPOSITIONS.contains(w));
                match (conj, prep) {
                    (Some(c), Some(p)) => c > p,
                    (Some(_), None) => true,
                    (None, _) => between.contains(','),
                }
            }
        };
        last_end = Some(span.end);
        if head {
            out.push((asked, span));
        }
    }
    out
}

/// Where the words of `label` (a card's own label: "Phone", "Serial
/// number") occur in `text`, compared folded, word by word; a trailing
/// "number"/"id" on the label is optional in the text.
fn find_label(text: &str, label: &str) -> Option<Range<usize>> {
    const TAILS: &[&str] = &["number", "no", "id", "code", "ref", "address"];
    // Other words for a phone: "Phone" on the card is asked for as "a
    // contact number" or "your mobile".
    const PHONE: &[&str] = &["phone", "mobile", "cell", "telephone", "tel", "cellphone"];
    // A label word cut short ("Cust. no.", "Acct", "Org") is asked for in
    // full: marked by its full stop, or one of the usual short forms.
    const SHORT: &[&str] = &["cust", "acct", "org", "dept", "addr", "amt", "qty", "reg"];
    let mut want: Vec<(String, bool)> = tokens(label)
        .map(|(r, w)| {
            let w = fold(w);
            let short = label[r.end..].starts_with('.') || SHORT.contains(&w.as_str());
            (w, short)
        })
        .collect();
    // "Address on file", "Phone on record": where the card keeps it.
    if want.len() > 2
        && want[want.len() - 2].0 == "on"
        && matches!(
            want[want.len() - 1].0.as_str(),
            "file" | "record" | "account"
        )
    {
        want.truncate(want.len() - 2);
    }
    while want.len() > 1
        && want
            .last()
            .is_some_and(|(w, _)| TAILS.contains(&w.as_str()))
    {
        want.pop();
    }
    if want.is_empty() {
        return None;
    }
    // Whether the question's word `h` is the label's word `w`: the same, its
    // plural, or, for a short form, a word three letters longer or more that
    // spells it in order ("cust" in "customer", not in "custom"; "acct" in
    // "account").
    let same = |h: &str, (w, short): &(String, bool)| {
        h == w
            || h.strip_suffix('s') == Some(w.as_str())
            || *short && h.len() >= w.len() + 3 && h.bytes().next() == w.bytes().next() && {
                let mut rest = h.chars();
                w.chars().all(|c| rest.any(|d| d == c))
            }
    };
    let have: Vec<(Range<usize>, String)> = tokens(text).map(|(r, w)| (r, fold(w))).collect();
    // "DOB" on the card, "date of birth" or "birthday" in the question.
    if want.len() == 1 && matches!(want[0].0.as_str(), "dob" | "birthday" | "birthdate") {
        let at = have.iter().enumerate().find(|(i, (_, w))| {
            matches!(w.as_str(), "dob" | "birthday" | "birthdate")
                || (w == "date"
                    && have.get(i + 1).is_some_and(|(_, n)| n == "of")
                    && have.get(i + 2).is_some_and(|(_, n)| n == "birth"))
        });
        if let Some((i, (r, w))) = at {
            let end = if w == "date" {
                have[i + 2].0.end
            } else {
                r.end
            };
            return Some(r.start..end);
        }
    }
    if want.len() == 1 && PHONE.contains(&want[0].0.as_str()) {
        let phone = have.iter().enumerate().find(|(i, (_, w))| {
            let next = |k: usize| have.get(i + k).map_or("", |(_, n)| n.as_str());
            PHONE.contains(&w.as_str())
                || (matches!(w.as_str(), "contact" | "callback" | "call") && next(1) == "number")
                // "the best number to reach you on"
                || (w == "number"
                    && next(1) == "to"
                    && matches!(next(2), "reach" | "call" | "contact" | "text" | "ring"))
        });
        if let Some((i, (r, w))) = phone {
            let end = match have.get(i + 1) {
                Some((n, t)) if t == "number" || !PHONE.contains(&w.as_str()) => n.end,
                _ => r.end,
            };
            return Some(r.start..end);
        }
    }
    let (at, last) = match have
        .windows(want.len())
        .position(|win| win.iter().zip(&want).all(|((_, h), w)| same(h, w)))
    {
        Some(at) => (at, at + want.len() - 1),
        // "Meter serial" on the card, "the serial number on your meter" in
        // the question: a two-word label turned round, a few words apart.
        None if want.len() == 2 => {
            let at = have.iter().position(|(_, h)| same(h, &want[1]))?;
            let far = have[at + 1..]
                .iter()
                .take(4)
                .position(|(_, h)| same(h, &want[0]))?;
            (at, at + 1 + far)
        }
        None => return None,
    };
    let start = have.get(at).map_or(0, |(r, _)| r.start);
    // "phone" on the card, "phone number" in the question: one target.
    let last = if have
        .get(last + 1)
        .is_some_and(|(_, w)| TAILS.contains(&w.as_str()))
    {
        last + 1
    } else {
        last
    };
    Some(start..have.get(last).map_or(start, |(r, _)| r.end))
}

/// One finding per span: where never-ask findings overlap, the more
/// specific rule's finding stays (CONTRACT 6.5); for one rule, the earliest
/// and then the longest.
pub(crate) fn resolve(mut asks: Vec<Ask>) -> Vec<Ask> {
    let rank = |rule: &str| {
        PRIORITY
            .iter()
            .position(|r| *r == rule)
            .unwrap_or(PRIORITY.len())
    };
    // The more specific rule first, then the earlier and the longer span.
    super::in_order(&mut asks, |a| {
        [rank(a.rule), a.span.start, usize::MAX - a.span.end]
    });
    // The kept spans never overlap, so in (start, end) order their ends rise
    // too: of those that start before a new span ends, only the last can
    // reach into it. One lookup per ask, not a scan of all kept (a long
    // reply of questions made that quadratic: a 1 MB reply took minutes).
    let mut kept: BTreeMap<(usize, usize, usize), Ask> = BTreeMap::new();
    for (order, a) in asks.into_iter().enumerate() {
        let overlaps = kept
            .range(..(a.span.end, 0, 0))
            .next_back()
            .is_some_and(|(_, k)| a.span.start < k.span.end);
        if !overlaps {
            kept.insert((a.span.start, a.span.end, order), a);
        }
    }
    // Reply order; among spans that start together (only empty ones can),
    // the order they were kept in.
    let mut kept: Vec<((usize, usize, usize), Ask)> = kept.into_iter().collect();
    super::in_order(&mut kept, |((start, _, order), _)| [*start, *order, 0]);
    kept.into_iter().map(|(_, a)| a).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        let mut details = std::collections::BTreeMap::new();
        details.insert("Phone".to_string(), "+44 20 7946 0000".to_string());
        details.insert("Serial number".to_string(), "SN-4410".to_string());
        Context {
            first_name: Some("Ingrid".into()),
            customer_name: Some("Ingrid Holm".into()),
            account: Some("Premium annual".into()),
            emails: vec!["ingrid@example.no".into()],
            order_numbers: vec!["BK-5521".into()],
            issue: Some("Hotel booking cancelled without notice".into()),
            details,
            ..Context::default()
        }
    }

    fn rules(text: &str, ctx: &Context) -> Vec<&'static str> {
        NeverAsk::new(&mut Patterns::default())
            .find(&Reply::new(text), &Known::new(ctx.clone()), true)
            .into_iter()
            .map(|a| a.rule)
            .collect()
    }

    #[test]
    fn paraphrased_requests_for_known_things_fire() {
        let c = ctx();
        for (text, rule) in [
            (
                "Mind sharing your booking reference?",
                "never-ask.order-number",
            ),
            (
                "Please send me the reservation number.",
                "never-ask.order-number",
            ),
            (
                "I'll need your booking number before I can look.",
                "never-ask.order-number",
            ),
            ("Who am I speaking with today?", "never-ask.known-detail"),
            (
                "Do you remember which email you signed up with?",
                "never-ask.known-detail",
            ),
            ("Which subscription are you on?", "never-ask.known-detail"),
            (
                "Could you give me the phone number on file?",
                "never-ask.known-detail",
            ),
            ("What's the serial on the device?", "never-ask.known-detail"),
            (
                "Are you on the monthly or the annual plan?",
                "never-ask.known-detail",
            ),
            // The card's own value among the options ("Premium annual").
            (
                "Are you on the premium or the basic plan?",
                "never-ask.known-detail",
            ),
            (
                "Before we start, what's the bill reference?",
                "never-ask.order-number",
            ),
            (
                "I'll chase it as soon as you pop your booking reference in here.",
                "never-ask.order-number",
            ),
            (
                "Once you've sent me the booking number I can rebook you.",
                "never-ask.order-number",
            ),
            (
                "Which of your bookings did the cancellation hit?",
                "never-ask.order-number",
            ),
            (
                "Which of your three recent bookings was it?",
                "never-ask.order-number",
            ),
            (
                "Which one of your two reservations is this about?",
                "never-ask.order-number",
            ),
            ("hi ingrid, booking ref pls?", "never-ask.order-number"),
            (
                "Could you quote the serial number for me?",
                "never-ask.known-detail",
            ),
            ("Which tariff are you on now?", "never-ask.known-detail"),
            (
                "I'd love to hear in your own words what happened.",
                "never-ask.explain-again",
            ),
            ("What can I sort out for you?", "never-ask.generic-opener"),
            (
                "What seems to be wrong with the booking?",
                "never-ask.generic-opener",
            ),
            (
                "Would you mind explaining once more what went wrong?",
                "never-ask.explain-again",
            ),
            (
                "Run me through the whole thing, please.",
                "never-ask.explain-again",
            ),
            ("So what happened?", "never-ask.explain-again"),
            ("How can we assist?", "never-ask.generic-opener"),
            ("Tell me what's going on.", "never-ask.generic-opener"),
            (
                "What are you contacting us about?",
                "never-ask.generic-opener",
            ),
            (
                "Could you flick me the order number?",
                "never-ask.order-number",
            ),
            (
                "Please write me your order number.",
                "never-ask.order-number",
            ),
            (
                "Could you read me the reference on your confirmation?",
                "never-ask.order-number",
            ),
            (
                "May I know your good name please?",
                "never-ask.known-detail",
            ),
            (
                "So if you could send me the booking number that'd help.",
                "never-ask.order-number",
            ),
            (
                "Any chance you could tell me the booking number?",
                "never-ask.order-number",
            ),
            ("Can I have your PNR please?", "never-ask.order-number"),
            (
                "What is the SO number for the order?",
                "never-ask.order-number",
            ),
            (
                "Could you let me know what's been going on with your booking?",
                "never-ask.generic-opener",
            ),
            (
                "So just tell me what I can do for you today.",
                "never-ask.generic-opener",
            ),
            (
                "Can you start from the beginning and tell me what happened?",
                "never-ask.explain-again",
            ),
        ] {
            assert_eq!(rules(text, &c), vec![rule], "{text}");
        }
        assert!(rules(
            "Should I send a copy to your finance team? If so, just share their email address.",
            &c
        )
        .is_empty());
        assert!(rules(
            "You said the bot kept asking \"what seems to be the problem?\" — not me.",
            &c
        )
        .is_empty());
        assert_eq!(
            rules(
                "Before I ship it, what's your booking number and the email on the account?",
                &c
            ),
            ["never-ask.order-number", "never-ask.known-detail"]
        );
        // Not asked: a thing qualified by the known one, a new clause after
        // the ask, a surname when the card gave one name.
        let mut one_name = c.clone();
        one_name.customer_name = Some("Ingrid".into());
        for (text, rule, ctx) in [
            ("Could you tell me the model of your phone?", None, &c),
            (
                "Could you send your booking number for the hotel, I check with phone support.",
                Some("never-ask.order-number"),
                &c,
            ),
            ("Could I have your surname and postcode?", None, &one_name),
            (
                "Could I have your surname and postcode?",
                Some("never-ask.known-detail"),
                &c,
            ),
        ] {
            assert_eq!(
                rules(text, ctx),
                rule.into_iter().collect::<Vec<_>>(),
                "{text}"
            );
        }
        let mut product = c.clone();
        product.account = None;
        product
            .details
            .insert("Product".into(), "Fibre 500 + router".into());
        assert_eq!(
            rules("What broadband package did you order?", &product),
            ["never-ask.known-detail"]
        );
    }

    #[test]
    fn a_request_that_lists_what_it_needs_asks_for_each_item() {
        let c = ctx();
        let text = "To sort it out I just need:\n- your order number\n- a photo of the box\n• the email on the account";
        let reply = Reply::new(text);
        let known = Known::new(c.clone());
        let asks = NeverAsk::new(&mut Patterns::default()).find(&reply, &known, true);
        let spans: Vec<(&str, &str)> = asks
            .iter()
            .map(|a| (a.rule, &text[a.span.clone()]))
            .collect();
        assert_eq!(
            spans,
            [
                ("never-ask.order-number", "your order number"),
                ("never-ask.known-detail", "the email on the account")
            ]
        );
        // Not asked: a list that tells, or a request someone negated.
        assert!(rules(
            "Here is what I did:\n- checked your order number\n- refunded it",
            &c
        )
        .is_empty());
        assert!(rules("No need to send me:\n- your order number", &c).is_empty());
    }

    #[test]
    fn a_card_label_is_asked_for_in_full_turned_round_or_through_its_value() {
        let card = |pairs: &[(&str, &str)]| Context {
            details: pairs
                .iter()
                .map(|(l, v)| (l.to_string(), v.to_string()))
                .collect(),
            ..Context::default()
        };
        let asks = |text: &str, c: &Context| -> Vec<(usize, usize)> {
            NeverAsk::new(&mut Patterns::default())
                .find(&Reply::new(text), &Known::new(c.clone()), true)
                .into_iter()
                .filter(|a| a.rule == "never-ask.known-detail")
                .map(|a| (a.span.start, a.span.end))
                .collect()
        };
        // Short forms: by their full stop, or the usual ones.
        let c = card(&[("Cust. no.", "0081-774-2201"), ("Org", "Northwind")]);
        for (text, want) in [
            (
                "Could I have your customer number please?",
                "customer number",
            ),
            ("Which organisation are you with?", "organisation"),
        ] {
            let got = asks(text, &c);
            assert!(
                got.iter().any(|&(s, e)| text[s..e].contains(want)),
                "{text}: {got:?}"
            );
        }
        // A longer word that only starts the same is not a short form.
        assert_eq!(asks("Which custom colour did you pick?", &c), vec![]);
        // A label word that folds to nothing (a lone accent) is no short form.
        let odd = card(&[("\u{301}.", "x"), ("e\u{301}.", "y")]);
        assert_eq!(
            asks("Could I have your customer number please?", &odd),
            vec![]
        );
        // A two-word label turned round, a few words apart.
        let meter = card(&[("Meter serial", "E17Z 045821")]);
        let text = "Could you read me the serial number on your meter?";
        let got = asks(text, &meter);
        assert!(
            got.iter()
                .any(|&(s, e)| text[s..e].contains("serial number on your meter")),
            "{got:?}"
        );
        assert_eq!(asks("Could you read me the serial number?", &meter), vec![]);
        // A plan given under a label of its own kind ("Line:") is known
        // through its value; a value that names no plan says nothing.
        let line = card(&[("Line", "Mobile, Family Plan (4 lines)")]);
        assert_eq!(asks("Which plan are you on?", &line).len(), 1);
        assert!(PLAN_WORDS.contains(&"plan") && !PLAN_WORDS.contains(&"service"));
        let other = card(&[("Line", "Mobile, 4 handsets")]);
        assert_eq!(asks("Which plan are you on?", &other), vec![]);
    }

    #[test]
    fn quoting_negating_or_asking_the_unknown_is_fine() {
        let c = ctx();
        for text in [
            "Your booking is BK-5521 — is that the one?",
            "You won't need to send your booking number; I have it.",
            "No need to repeat your email, I've got ingrid@example.no.",
            "Could you send a photo of the damage?",
            "Which room type would you like instead?",
            "I need to check the booking number against our system.",
            "Let me know if anything else comes up.",
            "Is there anything else I can help with?",
            "I'll tell you what happened on our side.",
            "Could you describe what you see on the screen now?",
            "Ingrid Holm, is that the name on the booking?",
            "Even after you confirmed the booking number in the app, it was declined.",
            "What's your billing address like on the new card?",
            "Are you on the premium plan now? I can see it on the booking.",
            "Are you still with us, or shall I send this by email?",
            // Naming the card's number among the options quotes it.
            "Which of your bookings was it — BK-5521 or BK-5530?",
            "hi ingrid, photo pls?",
            "I'd love to hear what you think of the new room.",
            "I hear you, that sounds awful.",
        ] {
            assert_eq!(rules(text, &c), Vec::<&str>::new(), "{text}");
        }
        let none = Context::default();
        assert_eq!(
            rules("What's your order number and email?", &none),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn two_details_are_two_findings_on_their_own_words() {
        let c = ctx();
        let text = "Can you share your email address and booking number?";
        let asks = NeverAsk::new(&mut Patterns::default()).find(
            &Reply::new(text),
            &Known::new(c.clone()),
            true,
        );
        let words: Vec<&str> = asks.iter().map(|a| &text[a.span.clone()]).collect();
        assert_eq!(
            words,
            vec!["Can you share your email address", "booking number"]
        );
        assert_eq!(asks[1].rule, "never-ask.order-number");
    }

    #[test]
    fn a_request_carries_over_and_to_the_next_verb() {
        let c = ctx();
        for (text, want) in [
            (
                "Could you send your booking number and describe the issue again?",
                vec!["never-ask.order-number", "never-ask.explain-again"],
            ),
            (
                "Could you describe what happened and send me your booking number?",
                vec!["never-ask.explain-again", "never-ask.order-number"],
            ),
            (
                "Please confirm your email and then walk me through the problem once more.",
                vec!["never-ask.known-detail", "never-ask.explain-again"],
            ),
            // A "re-" verb asks as much as the verb.
            (
                "Can you resend the booking number?",
                vec!["never-ask.order-number"],
            ),
        ] {
            assert_eq!(rules(text, &c), want, "{text}");
        }
        // Only a request carries over: a statement's "and" does not ask,
        // nor does a request for something the context does not hold.
        for text in [
            "I can see your booking and I will send you the details.",
            "Could you restart the app and send me a screenshot?",
            "Could you check your inbox and confirm you received the email?",
            "Can you try again and tell me if it works?",
        ] {
            assert_eq!(rules(text, &c), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn a_qualifier_is_not_asked_for() {
        let c = ctx();
        assert_eq!(
            rules("Can you confirm the email on your subscription?", &c),
            vec!["never-ask.known-detail"]
        );
        let asks = NeverAsk::new(&mut Patterns::default()).find(
            &Reply::new("Can you confirm the email on your subscription?"),
            &Known::new(c.clone()),
            true,
        );
        assert_eq!(asks[0].asked, Asked::Email);
    }

    #[test]
    fn the_more_specific_rule_wins_a_span() {
        let asks = vec![
            Ask {
                rule: "never-ask.generic-opener",
                span: 0..10,
                asked: Asked::Problem,
            },
            Ask {
                rule: "never-ask.explain-again",
                span: 5..20,
                asked: Asked::Story,
            },
            Ask {
                rule: "never-ask.known-detail",
                span: 30..40,
                asked: Asked::Email,
            },
        ];
        let kept: Vec<&str> = resolve(asks).into_iter().map(|a| a.rule).collect();
        assert_eq!(
            kept,
            vec!["never-ask.explain-again", "never-ask.known-detail"]
        );
    }

    /// `resolve` keeps what comparing every pair keeps: overlapping,
    /// nested, touching and empty spans of several rules.
    #[test]
    fn resolve_agrees_with_comparing_every_pair() {
        let naive = |mut asks: Vec<Ask>| {
            let rank = |r: &str| PRIORITY.iter().position(|p| *p == r);
            asks.sort_by_key(|a| (rank(a.rule), a.span.start, std::cmp::Reverse(a.span.end)));
            let mut kept: Vec<Ask> = Vec::new();
            for a in asks {
                if !kept
                    .iter()
                    .any(|k| k.span.start < a.span.end && a.span.start < k.span.end)
                {
                    kept.push(a);
                }
            }
            kept.sort_by_key(|a| a.span.start);
            kept.into_iter()
                .map(|a| (a.rule, a.span))
                .collect::<Vec<_>>()
        };
        // A small deterministic generator: every case differs, none is random.
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % n) as usize
        };
        for _ in 0..500 {
            let asks: Vec<Ask> = (0..next(12))
                .map(|_| {
                    let start = next(40);
                    Ask {
                        rule: PRIORITY[next(PRIORITY.len() as u64)],
                        span: start..start + next(9),
                        asked: Asked::Problem,
                    }
                })
                .collect();
            let want = naive(asks.clone());
            let got: Vec<_> = resolve(asks)
                .into_iter()
                .map(|a| (a.rule, a.span))
                .collect();
            assert_eq!(got, want);
        }
    }
}
