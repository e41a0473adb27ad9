//! What a good first message always does (CONTRACT section 2, "Always do"):
//! use the name, introduce yourself, name the issue, show the chat was read,
//! say what you are doing, say how long it takes.
//!
//! Each item is read as a signal from the reply, never as a list of
//! sentences: an introduction is "I'm" + a capitalised name (not "I'm
//! happy"), a timeline is an amount of time the agent commits to (not the
//! "20 minutes" the customer already waited), the issue is named when the
//! reply shares a content word with what the context says the problem is
//! ([`super::words`]). The same signals serve the audit of later messages.

use std::ops::Range;

use crate::pattern::Pattern;
use crate::text::{find_words, fold};

use super::known::Known;
use super::pat;
use super::scan::{Patterns, Rx};
use super::sentences::Reply;
use super::words::{shares_term, term_words};
use super::Signals;

/// Capitalised words that follow "I'm" or "this is" without being a name.
const NOT_NAMES: &[&str] = &[
    "a",
    "able",
    "about",
    "afraid",
    "all",
    "also",
    "an",
    "anything",
    "at",
    "available",
    "aware",
    "back",
    "certain",
    "click",
    "completely",
    "confident",
    "currently",
    "delighted",
    "everyone",
    "everything",
    "friday",
    "from",
    "glad",
    "going",
    "happy",
    "help",
    "here",
    "i",
    "i'm",
    "im",
    "in",
    "it",
    "it's",
    "i’m",
    "just",
    "looking",
    "march",
    "monday",
    "not",
    "nothing",
    "now",
    "on",
    "only",
    "our",
    "out",
    "over",
    "pleased",
    "ready",
    "really",
    "right",
    "saturday",
    "sign",
    "so",
    "someone",
    "something",
    "sorry",
    "still",
    "sunday",
    "sure",
    "terribly",
    "that",
    "that's",
    "the",
    "there",
    "this",
    "thursday",
    "totally",
    "truly",
    "tuesday",
    "unable",
    "very",
    "we",
    "we're",
    "wednesday",
    "what",
    "where",
    "with",
    "you",
    "you're",
    "your",
];

/// Words after a name that show "this is X" / "it's X" introduces someone.
const AFTER_NAME: &[&str] = &[
    "from", "with", "here", "at", "on", "in", "of", "and", "for", "speaking",
];

/// Where an agent works, in "Alex from support" or "Alex from the
/// billing team".
const TEAMS: &[&str] = &[
    "accounts",
    "billing",
    "care",
    "customer",
    "desk",
    "escalations",
    "help",
    "helpdesk",
    "operations",
    "ops",
    "returns",
    "sales",
    "service",
    "services",
    "shipping",
    "success",
    "support",
    "team",
    "tech",
    "technical",
];

/// Capitalised words that open "… from the team" without being a name
/// ("Greetings from the support team").
const GREETINGS: &[&str] = &[
    "best",
    "cheers",
    "greetings",
    "hello",
    "hey",
    "hi",
    "love",
    "news",
    "regards",
    "thanks",
    "update",
    "updates",
    "warm",
    "word",
];

/// Titles that may stand before a surname ("Ms. O'Brien").
const TITLES: &[&str] = &[
    "dr", "frau", "herr", "madam", "miss", "mlle", "mme", "mr", "mrs", "ms", "mx", "prof", "sir",
];

/// Whether `word` (lower case) is one of [`TITLES`]. Every word of a reply
/// is asked, so the longer ones (no title has more than five letters) are
/// turned away before the list is read.
fn is_title(word: &str) -> bool {
    word.len() <= 5 && TITLES.contains(&word)
}

/// Words that make "I'm …ing" a state rather than an action.
const NOT_ACTIONS: &[&str] = &[
    "according",
    "anything",
    "assuming",
    "being",
    "concerning",
    "considering",
    "during",
    "evening",
    "everything",
    "feeling",
    "guessing",
    "having",
    "hoping",
    "including",
    "loving",
    "missing",
    "morning",
    "nothing",
    "pending",
    "regarding",
    "seeing",
    "something",
    "thing",
    "thinking",
    "willing",
    "wondering",
];

/// Words before a duration that make it something the agent commits to.
const TIME_LEADS: &[&str] = &[
    "me", "us", "in", "within", "inside", "under", "take", "takes", "taking", "need", "needs",
    "allow", "expect", "gimme",
];

/// Words before a duration that make it the past or the problem ("waited
/// 20 minutes", "stop after 10 minutes", "every 10 minutes").
const TIME_PAST: &[&str] = &[
    "after", "already", "at", "been", "each", "every", "last", "lasted", "past", "since", "spent",
    "than", "took", "waited", "waiting",
];

/// Words allowed between a lead and a duration ("give me about 2 minutes").
const TIME_QUALIFIERS: &[&str] = &[
    "a",
    "about",
    "an",
    "another",
    "approx",
    "approximately",
    "around",
    "further",
    "just",
    "literally",
    "max",
    "maximum",
    "maybe",
    "more",
    "next",
    "no",
    "only",
    "perhaps",
    "roughly",
    "than",
    "the",
    "to",
    "up",
    "less",
];

/// The first-message patterns, compiled once per engine.
#[derive(Debug, Clone)]
pub(crate) struct Always {
    intro: Rx,
    here: Rx,
    from_team: Rx,
    chatting: Rx,
    role: Rx,
    affiliation: Rx,
    read_chat: Rx,
    read_bare: Rx,
    meanwhile: Rx,
    i_see: Rx,
    let_me: Rx,
    will: Rx,
    doing: Rx,
    in_place: Rx,
    ongoing: Rx,
    on_it: Rx,
    done: Rx,
    duration: Rx,
    deadline: Rx,
    day: Rx,
    future: Pattern,
}

/// What the first-message items found in one reply.
#[derive(Debug, Clone, Default)]
pub(crate) struct Found {
    pub introduces_self: bool,
    pub uses_name: bool,
    pub names_issue: bool,
    pub mentions_order: bool,
    pub references_context: bool,
    pub states_action: bool,
    pub narrates_action: bool,
    pub sets_timeline: bool,
}

impl Always {
    pub fn new(p: &mut Patterns) -> Always {
        // A name: one run of anything but spaces and punctuation, so "Élodie"
        // or a "[Agent]" placeholder count as well as "Alex".
        const NAME: &str = r"\[?[^\s,.!?;:()\[\]]+\]?";
        Always {
            intro: p.add(&format!(
                r"\b(?:i'm|i’m|im|i am|my name is|my name's|my name’s|myself|this is|it's|it’s|its)\s+{NAME}"
            )),
            // "Tom here", "Kerry speaking"
            // …and "Karthik this side", as Indian English introduces.
            here: p.add(r"\b(?:here|speaking|this\s+side)\b"),
            // " from ", the word before it read in `introductions` (a
            // pattern that starts with any letter would try every word).
            from_team: p.add(r"\s+from\s+"),
            chatting: p.add(&format!(
                concat!(r"\b(?:you're|you’re|youre|you are|you(?:'|’)ve\s+been|you\s+have\s+been)\s+(?:now\s+)?(?:chatting|speaking|talking|connected|through|transferred|put\s+through|passed)\s+(?:with|to)\s+{NAME}",
                // "you've got Ana from support"
                r"|\byou(?:(?:'|’)ve|\s+have)?\s+got\s+{NAME}"),
                NAME = NAME
            )),
            role: p.add(
                r"\b(?:specialist|agent|advisor|adviser|representative|rep|manager|supervisor|technician|engineer|consultant|expert|coordinator|officer)\b",
            ),
            affiliation: p.add(
                r"\b(?:i'm|i’m|im|i am|we're|we’re|we are)\s+(?:with|from|on|in|part\s+of)\s+(?:the|our)\b",
            ),
            read_chat: p.add(concat!(
                r"\b(?:i(?:(?:'|’)ve|\s+have)?|ive)\s+(?:already\s+|just\s+|now\s+|also\s+|fully\s+|carefully\s+)?",
                r"(?:read|re-?read|reviewed|saw|gone\s+(?:over|through)|went\s+(?:over|through)|looked\s+(?:over|through|at)|been\s+through|caught\s+up\s+on|skimmed|seen|got|have|had\s+a\s+(?:quick\s+|good\s+|proper\s+)?(?:look|read|squiz|peek|glance|scan)|pulled\s+up|scanned|checked|studied)\b",
                r"[^.!?\n]{0,60}?\b(?:chat|conversation|exchange|notes?|transcript|details|everything|messages?|summary|full\s+picture|history|thread|context|hand-?off|handover|what\s+you\s+(?:told|said|shared|wrote))\b",
                // "I've read the ticket our assistant raised": a ticket or a
                // case, when a reading verb says so ("I have a ticket open"
                // reads nothing).
                r"|\bi(?:(?:'|’)ve|\s+have)?\s+(?:already\s+|just\s+|now\s+)?(?:read|re-?read|reviewed|gone\s+(?:over|through)|went\s+(?:over|through)|looked\s+(?:over|through)|skimmed)\s+(?:the|your)\s+(?:\w+\s+)?(?:ticket|case)\b",
                r"|\b(?:from|in)\s+your\s+(?:chat|conversation|messages)\b",
                // "I've gone through what happened with your order": what
                // happened is the chat, when a reading verb says so.
                r"|\bi(?:(?:'|’)ve|\s+have)?\s+(?:already\s+|just\s+|now\s+|also\s+|fully\s+|carefully\s+)?(?:read\s+(?:up\s+on|about)|reviewed|gone\s+(?:over|through)|went\s+(?:over|through)|looked\s+(?:over|through)|caught\s+up\s+on)\s+(?:exactly\s+)?what\s+(?:happened|went\s+wrong|(?:has|had)\s+been\s+going\s+on)\b",
                r"|\b(?:from|in)\s+(?:the|your)\s+(?:chat|conversation)\s+(?:with|you\s+had)\b",
                r"|\byour\s+(?:chat|conversation|messages)\s+(?:with|to)\s+(?:our|the)\s+(?:assistant|bot|ai|chatbot|virtual\s+(?:assistant|agent))\b",
                r"|\bfollowing\s+up\s+(?:on|about|from)\s+(?:your|the)\s+(?:chat|conversation|ticket|message|request|case)\b",
                r"|\bpicking\s+(?:this\s+|it\s+)?up\s+(?:from|where)\b",
                r"|\b(?:our|the)\s+(?:assistant|bot|ai|chatbot|virtual\s+assistant)\s+(?:let\s+(?:us|me)\s+know|passed\s+(?:on|along)|told\s+(?:me|us)|mentioned|noted|flagged|explained\s+that|shared|summari[sz]ed)",
                // What the bot did, told by one who read it: "our bot sent you
                // the bill breakdown", "the assistant already tried a reset".
                r"|\b(?:our|the)\s+(?:assistant|bot|chatbot|virtual\s+assistant)\s+(?:has\s+|had\s+)?(?:already\s+)?(?:sent|gave|shared|tried|suggested|offered|walked\s+you|checked|logged|opened|created|ran|went\s+through|reset|resent|issued|recommended)\b",
                r"|\byou(?:(?:'|’)ve)?\s+(?:told|mentioned(?:\s+to)?|explained(?:\s+to)?|said\s+to|described(?:\s+to)?|shared\s+with|gave)\s+(?:our|the)\s+(?:assistant|bot|ai|chatbot)\b",
                r"|\b(?:as|like)\s+you\s+(?:told|mentioned|explained|said)\b",
                r"|\b(?:(?:it|that)\s+)?looks\s+like\s+(?:you|(?:the|our)\s+(?:assistant|bot|ai|chatbot|virtual\s+assistant))\b|\baccording\s+to\s+(?:your|the)\s+(?:chat|conversation|notes|summary|messages|transcript)\b",
                r"|\b(?:the|your|(?:our|the)\s+(?:assistant|bot|ai|chatbot)(?:'|’)s)\s+(?:notes|summary|transcript|chat(?:\s+history)?|conversation|messages|case\s+notes)\s+(?:say|says|show|shows|mention|mentions)\b",
                // "You said 'nobody came to the door'": quoting them back.
                r"|\byou\s+(?:said|wrote|mentioned|told\s+(?:us|our\s+\w+))\s*[:,]?\s*(?:'|\x22|“|‘)",
                // …or in their own words: "You said you've been waiting an hour".
                r"|\byou\s+(?:said|wrote|mentioned)\s+(?:that\s+)?(?:you|your)\b",
                r"|\b(?:our|the)\s+(?:\w+\s+)?(?:assistant|bot|chatbot)\s+(?:passed|handed)\s+(?:\w+\s+){0,4}?(?:on\s+|over\s+|along\s+)?to\s+(?:me|us)\b",
                r"|\b(?:our|the)\s+\w+\s+(?:assistant|bot)\s+(?:did|got|took|collected|captured|noted|logged)\b",
                r"|\bi\s+(?:understand|know|noticed|gather|hear|heard)\s+(?:that\s+)?you(?:(?:'|’)ve|\s+have|\s+had|\s+were|(?:'|’)d\s+like|\s+would\s+like|\s+need|\s+want|\s+ordered|\s+bought|\s+cancelled|\s+paid|\s+asked|\s+tried|\s+already)\b",
            )),
            read_bare: p.add(concat!(
                r"\b(?:(?:read|re-?read)(?:\s+(?:through|over|up\s+on))?|saw|seen|reviewed|gone\s+(?:over|through)|went\s+(?:over|through)|looked\s+(?:over|through)|caught\s+up\s+on|skimmed|scanned)\s+",
                r"(?:your|ur|yr|the|our|this|all|everything)\b[^.!?\n]{0,40}?\b(?:chat|conversation|notes|transcript|messages|summary|history|thread)\b",
            )),
            i_see: p.add(r"\bsee\b"),
            meanwhile: p.add(r"\bwhile\s+(?:i|we)\s+(?:quickly\s+|just\s+|now\s+)?[a-z]+"),
            let_me: p.add(
                r"\b(?:lemme|let(?:\s+me|\s+us|(?:'|’)s))\s+(?:just\s+|quickly\s+|first\s+|now\s+)?\w+|\bi(?:(?:'|’)d|\s+would)\s+like\s+to\s+\w+",
            ),
            // "ill" is "I'll" typed without its apostrophe ("ill call the
            // shop now"), when nothing makes it the adjective.
            will: p.add(r"(?:(?:'|’)ll|\bill|\bwill|\bshall|\bgoing\s+to|\bgonna|\babout\s+to)\s+\w+(?:\s+\w+)?"),
            doing: p.add(
                r"\b(?:i'm|i’m|im|i am|we're|we’re|we are)\s+(?:now\s+|just\s+|already\s+|currently\s+|also\s+|actively\s+|personally\s+|still\s+)?(?:\w+-)?\w+ing\b(?:\s+\w+)?",
            ),
            in_place: p.add(
                r"\b(?:i'm|i’m|im|i am)\s+(?:now\s+|currently\s+|still\s+)?(?:in|on|into|inside)\s+(?:your|the)\b",
            ),
            ongoing: p.add(concat!(
                r"\b(?:still\s+|now\s+|currently\s+|just\s+)?(?:\w+-)?\w+ing\s+(?:it|this|that|them|those|these|everything|all|your|the|with|on|into|through|now|over|back|up|out|down|off|a|an)\b|\b(?:still|currently)\s+(?:on|in|with)\s+(?:the|your)\b",
                // "Checking 88120-B now": an id right after the verb.
                r"|\b\w+ing\s+#?[a-z]*[-_]?\d[\w-]*",
            )),
            on_it: p.add(concat!(
                r"\b(?:i(?:'|’)?m|i\s+am|we(?:'|’)?re|we\s+are)\s+(?:already\s+|now\s+)?on\s+(?:it|the\s+(?:phone|line|call|case))\b",
                r"|\bleave\s+(?:it|this|that)\s+with\s+(?:me|us)\b",
                // "An assessor visit is being booked now", "Refund's going
                // through now": what is being done, in the passive.
                r"|\b(?:is|are|(?:'|’)s)\s+(?:now\s+)?being\s+(?:\w+ed|done|made|sent|set\s+up|paid|built|rebuilt|lifted|reset)\b",
                r"|(?:(?:'|’)s|\bis|\bare)\s+going\s+(?:through|in|out|ahead)\s+(?:now|right\s+now|as\s+we\s+speak)\b",
                // "Fraud claim for the £1,249 charge going in now".
                r"|\bgoing\s+(?:in|through|out)\s+(?:now|right\s+now|as\s+we\s+speak)\b",
                // "Give me a couple of minutes to fix INV-30917."
                r"|\bgive\s+(?:me|us)\s+(?:a\s+|an\s+|\w+\s+){0,4}?(?:sec(?:ond)?s?|min(?:ute)?s?|moments?|ticks?|hours?)\s+to\s+(?:fix|sort|check|look|get|process|review|correct|finish|confirm|update|book|arrange|pull|set)\b",
            )),
            done: p.add(
                r"\b(?:i've|i’ve|ive|we've|we’ve|i have|we have)\s+(?:just\s+|now\s+|already\s+|also\s+|successfully\s+|personally\s+)?\w+",
            ),
            duration: p.add(
                r"\b(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|moments?|jiffy|ticks?)\b",
            ),
            deadline: p.add(concat!(
                r"\b(?:by|before|until|no\s+later\s+than)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:day|today|business|week|tomorrow|month)",
                r"|eod|cob|close\s+of\s+business|noon|midday|midnight|tonight|tomorrow|this\s+(?:afternoon|evening|morning)",
                r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday",
                r"|\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2})",
                r"|\bend\s+of\s+(?:the\s+)?(?:business\s+)?day\b|\b(?:eod|cob)\b",
                // "back in 5", "back in 10!": minutes, in chat.
                r"|\bback\s+(?:to\s+you\s+)?in\s+\d{1,3}\b",
                r"|\bwithin\s+(?:the\s+next\s+)?\d{1,3}\s*(?:h|hrs?|mins?|d)\b",
                r"|\b(?:well\s+)?before\s+your\s+(?:checkout|check-in|flight|departure|appointment|trip|visit|meeting|deadline|event|match|stay)\b",
            )),
            day: p.add(concat!(
                r"\b(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week)",
                r"|(?:on|by|before)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
                r"|(?:on|by|before)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*",
                r"|(?:on|by|before)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?)\b",
            )),
            future: pat(r"\b(?:will|(?:'|’)ll|going\s+to|shall)\b"),
        }
    }

    /// Reads every first-message signal of `reply`.
    /// Reads the first-message signals of `reply` that `want` holds true
    /// (`acknowledges_issue` needs the issue's words and the order numbers);
    /// the others are false.
    pub fn find(&self, reply: &Reply, known: &Known, agent: Option<&str>, want: &Signals) -> Found {
        let issue_words = want.names_issue || want.acknowledges_issue;
        let order = want.mentions_order_number || want.acknowledges_issue;
        // The agent's own words ("I'm Alex from Billing") are not the issue.
        let (introduces_self, own_words) = if want.introduces_self || issue_words {
            self.introduction(reply, agent)
        } else {
            (false, Vec::new())
        };
        let (states_action, narrates_action) = if want.states_action || want.narrates_action {
            self.actions(reply)
        } else {
            (false, false)
        };
        Found {
            introduces_self,
            uses_name: want.uses_name && uses_name(reply, known),
            names_issue: issue_words && self.names_issue(reply, known, &own_words),
            mentions_order: order && known.orders.iter().any(|o| mentions_order(reply, o)),
            references_context: want.references_context && self.references_context(reply),
            states_action,
            narrates_action,
            sets_timeline: want.sets_timeline && self.sets_timeline(reply),
        }
    }

    /// Whether the agent says who they are, and the spans that describe the
    /// agent ("Dev from Returns", "I'm with the billing team"), which must
    /// not count as naming the customer's issue.
    fn introduction(&self, reply: &Reply, agent: Option<&str>) -> (bool, Vec<Range<usize>>) {
        let (text, lower) = (reply.text, reply.lower.as_str());
        let mut own = Vec::new();
        let agent = agent.map(fold).filter(|a| !a.is_empty());
        let is_agent = |name: &str| {
            agent
                .as_deref()
                .is_some_and(|a| fold(name.trim_matches(['[', ']'])) == a)
        };
        let introduce = |name: Range<usize>, own: &mut Vec<Range<usize>>| {
            own.push(name.start..self.own_words_end(reply, name.end));
        };
        // A reply typed all in lower case ("hi renee, sam here from
        // support") capitalises no name either: there a word that is not a
        // common one stands in for a capitalised one.
        let casual = !text
            .split_whitespace()
            .filter(|w| !w.contains(|c: char| c.is_ascii_digit()))
            .any(|w| w.contains(char::is_uppercase));
        let looks_like_name = |word: &str| looks_like_name(word) || (casual && casual_name(word));
        let mut introduced = false;
        for m in self.intro.find_in(reply) {
            // The name is the match's last word: "i'm alex", "this is jordan".
            let name = last_word(lower, &m);
            let word = &text[name.clone()];
            let form = &lower[m.clone()];
            let next = reply.words_after(name.end, 2);
            // "this is Helena Ward from Private Banking": a surname may
            // come between the name and what follows it.
            let surname = next.first().is_some_and(|_| {
                let rest = text[name.end..].trim_start();
                rest.chars().next().is_some_and(char::is_uppercase)
            });
            let follows = match (next.first(), next.get(1)) {
                (None, _) => true,
                (Some(w), _) if AFTER_NAME.contains(w) => true,
                (Some(_), after) if surname => after.map_or(true, |w| AFTER_NAME.contains(w)),
                _ => false,
            };
            let ok = if form.starts_with("myself") {
                // "Hello Priya, myself Rohit": an introduction in Indian
                // English, when it opens its clause.
                looks_like_name(word) && reply.starts_clause(m.start)
            } else if form.starts_with("my") {
                !is_not_name(word)
            } else if form.starts_with('i') {
                // In lower case, "im sam from support" but not "im new to this".
                // "hey hannah im jake from Orbit": a lower-case name with
                // what follows a name ("from…") is one even in a reply
                // that capitalises its company.
                (if casual {
                    looks_like_name(word) && follows
                } else {
                    looks_like_name(word) || (follows && casual_name(word) && !next.is_empty())
                }) || is_agent(word)
            } else {
                (looks_like_name(word) && follows) || is_agent(word)
            };
            if ok {
                introduced = true;
                introduce(name, &mut own);
            }
        }
        for m in self.here.find_in(reply) {
            // "Tom here", "Alex here 😊": the word before "here", opening its clause.
            let head = &text[..m.start];
            let trimmed = head.trim_end();
            if trimmed.len() == head.len() {
                continue;
            }
            let start = trimmed
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace() || ",.!?;:()".contains(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let word = &text[start..trimmed.len()];
            // "Helena Ward here": the first name may open the clause.
            let first = text[..start].trim_end();
            let first_start = first
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace() || ",.!?;:()".contains(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let full_name = first.len() < start
                && looks_like_name(&text[first_start..first.len()])
                && reply.starts_clause(first_start);
            if !word.is_empty()
                && (looks_like_name(word) || is_agent(word))
                && (reply.starts_clause(start) || full_name)
            {
                introduced = true;
                introduce(start..trimmed.len(), &mut own);
            }
        }
        for m in self.from_team.find_in(reply) {
            // "Alex from support.", "Hi there, Alex from the billing team":
            // a name opening its clause, then where the agent works and
            // nothing more ("Sarah from billing will call you" is someone
            // else).
            let Some(name) = word_before(lower, m.start) else {
                continue;
            };
            let word = &text[name.clone()];
            if !(looks_like_name(word) || is_agent(word))
                || GREETINGS.contains(&lower[name.clone()].as_ref())
                || !reply.starts_clause(name.start)
            {
                continue;
            }
            let tail: Vec<&str> = reply
                .lower_slice(m.end, reply.clause_end(m.end))
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .collect();
            // "Irina from card security here": whatever the team's name,
            // "X from Y here" introduces X.
            let (tail, here) = match tail.split_last() {
                Some((&"here", rest)) => (rest, true),
                _ => (&tail[..], false),
            };
            let team = here
                || tail
                    .iter()
                    .any(|w| TEAMS.contains(&w.trim_end_matches(['.', '!'])));
            let company = tail.len() == 1 && text[m.end..].starts_with(char::is_uppercase);
            if (1..=3).contains(&tail.len()) && (team || company) {
                introduced = true;
                introduce(name, &mut own);
            }
        }
        for m in self.chatting.find_in(reply) {
            let name = last_word(lower, &m);
            if looks_like_name(&text[name.clone()]) || is_agent(&text[name.clone()]) {
                introduced = true;
                introduce(name, &mut own);
            }
        }
        for m in self.role.find_in(reply) {
            // "I'm your billing specialist": a role noun led by "I'm your/the".
            let before = reply.words_before(m.start, 6);
            let lead = before
                .iter()
                .position(|w| matches!(*w, "your" | "the"))
                .filter(|&k| k <= 3);
            let by_me = lead.is_some_and(|k| {
                matches!(
                    (before.get(k + 1), before.get(k + 2)),
                    (Some(&("i'm" | "i’m" | "im")), _) | (Some(&"am"), Some(&"i"))
                )
            });
            if by_me {
                introduced = true;
                own.push(m.start..reply.clause_end(m.end));
            }
        }
        for m in self.affiliation.find_in(reply) {
            own.push(m.start..reply.clause_end(m.end));
        }
        if let Some(sign) = signature(reply) {
            introduced = true;
            own.push(sign);
        }
        if let Some(a) = agent.as_deref() {
            introduced |= contains_folded_words(reply, a);
        }
        (introduced, own)
    }

    /// Where the words about the agent that follow a name end: through
    /// "from the billing team" or ", a senior member of our team".
    fn own_words_end(&self, reply: &Reply, after_name: usize) -> usize {
        let rest = reply.lower_slice(after_name, reply.text.len());
        let trimmed = rest.trim_start_matches([' ', ',']);
        let skipped = rest.len() - trimmed.len();
        const TAILS: &[&str] = &[
            "from ",
            "with ",
            "on the ",
            "in the ",
            "at ",
            "of ",
            "here from ",
            "here with ",
            "a ",
            "an ",
            "one of ",
            "part of ",
            "and i'm with ",
            "and i am with ",
        ];
        if TAILS.iter().any(|t| trimmed.starts_with(t)) {
            let at = after_name + skipped;
            reply.clause_end(at + 1).max(at)
        } else {
            after_name
        }
    }

    /// Whether the reply names the issue (its words or its outcome) outside
    /// the agent's `own` words.
    fn names_issue(&self, reply: &Reply, known: &Known, own: &[Range<usize>]) -> bool {
        let own_words = |r: &Range<usize>| own.iter().any(|o| o.start <= r.start && r.end <= o.end);
        if !shares_term(reply.text, &known.terms, own_words) {
            return false;
        }
        if !reply.sentences.iter().any(|s| s.question) {
            return true;
        }
        // A question names the issue only with two of its words: "the
        // serial number on the vacuum?" or "what happened with the
        // parcel?" names the thing, and asks what the problem is.
        let mut named = false;
        // Per question, the first word of the issue it used.
        let mut asked: Vec<(usize, usize)> = Vec::new();
        term_words(reply.text, &known.terms, |r, _| {
            if named || own_words(&r) {
                return;
            }
            // "…to reach you at once the downgrade goes through?", "…so I
            // can look into the jug?": the issue in a clause of its own, not
            // in what is asked.
            let subordinate = |s: &super::sentences::Sentence| {
                reply
                    .lower_slice(s.start, r.start)
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| {
                        matches!(
                            w,
                            "once" | "when" | "after" | "until" | "while" | "since" | "so"
                        )
                    })
            };
            match reply
                .sentence_at(r.start)
                .filter(|s| s.question && !subordinate(s))
            {
                None => named = true,
                Some(s) => match asked.iter().find(|(at, _)| *at == s.start) {
                    Some(&(_, word)) => named = word != r.start,
                    None => asked.push((s.start, r.start)),
                },
            }
        });
        named
    }

    fn references_context(&self, reply: &Reply) -> bool {
        if self.read_chat.matches(reply) {
            return true;
        }
        // Without the "I've": "Went through your chat…", "Read your
        // messages to the bot" — the reading verb opening its clause.
        // A request to read ("Please read the notes I sent") is not one.
        if self.read_bare.find_in(reply).any(|m| {
            reply.starts_clause(m.start)
                && !reply.in_question(m.start)
                && !reply
                    .words_before(m.start, 3)
                    .iter()
                    .any(|w| matches!(*w, "please" | "pls" | "kindly" | "just"))
        }) {
            return true;
        }
        // "I can see…" shows the chat was read, unless it is a purpose or a
        // condition ("so I can see which one is missing").
        const NOT_YET: &[&str] = &[
            "so", "that", "to", "then", "once", "until", "when", "if", "before", "where",
        ];
        self.i_see.find_in(reply).any(|m| {
            let before = reply.words_before(m.start, 4);
            let mut subject = before
                .iter()
                .copied()
                .skip_while(|w| matches!(*w, "can" | "now" | "already"));
            let after = reply.words_after(m.end, 1);
            subject.next() == Some("i")
                && !subject.next().is_some_and(|w| NOT_YET.contains(&w))
                && !after
                    .first()
                    .is_some_and(|w| matches!(*w, "if" | "whether"))
        })
    }

    /// Whether the reply says what the agent will do next, and whether it
    /// narrates what they are doing or have done.
    fn actions(&self, reply: &Reply) -> (bool, bool) {
        let doing_it = |followers: &[&str]| {
            // A clause that opens with what the agent is doing: "Checking that
            // for you now", "Looking into it".
            self.ongoing.find_in(reply).any(|m| {
                let words: Vec<&str> = reply
                    .lower_slice(m.start, m.end)
                    .split_whitespace()
                    .collect();
                let verb = words.iter().position(|w| w.ends_with("ing"));
                let next = verb.and_then(|i| words.get(i + 1)).copied().unwrap_or("");
                let verb = verb.and_then(|i| words.get(i)).copied().unwrap_or("");
                reply.starts_clause(m.start)
                    && !NOT_ACTIONS.contains(&verb)
                    && (followers.is_empty() || followers.contains(&next))
            })
        };
        // "checking the roaming charges now", "tracing the wire now": a
        // clause that opens on what is being done, now.
        let doing_now = || {
            self.ongoing.find_in(reply).any(|m| {
                let clause = reply.lower_slice(m.start, reply.clause_end(m.end));
                let verb = clause
                    .split_whitespace()
                    .find(|w| w.ends_with("ing"))
                    .unwrap_or("");
                reply.starts_clause(m.start)
                    && !NOT_ACTIONS.contains(&verb)
                    && (clause.contains(" now") || clause.contains("as we speak"))
            })
        };
        // "dmitri - on it.", "On it!"
        let bare_on_it = || {
            reply.sentences.iter().any(|s| {
                reply
                    .lower_slice(s.start, s.end)
                    .split([',', ';', ':', '-', '—', '–'])
                    .map(|c| c.trim().trim_end_matches(['.', '!']).trim())
                    .any(|c| matches!(c, "on it" | "on it now" | "on it already"))
            })
        };
        let states = self.will_do(reply)
            || self.on_it.matches(reply)
            || doing_it(&[
                "it", "this", "that", "them", "your", "now", "into", "through",
            ])
            || doing_now()
            || bare_on_it();
        let narrates = states
            || self.did_something(reply)
            || (reply.lower.contains("now") || reply.lower.contains("as we speak"))
                && self.in_place.find_in(reply).any(|m| {
                    let clause = reply.lower_slice(m.start, reply.clause_end(m.end));
                    clause.contains("now") || clause.contains("as we speak")
                })
            || doing_it(&[]);
        (states, narrates)
    }

    /// "Let me…", "I'll…", "I'm going to…", "we're refunding…".
    fn will_do(&self, reply: &Reply) -> bool {
        let lower = reply.lower.as_str();
        let words = |m: &Range<usize>| lower[m.clone()].split_whitespace().collect::<Vec<_>>();
        let let_me = || {
            self.let_me.find_in(reply).any(|m| {
                // "Let me know", "I'd like to ask…": words, not an action.
                let last = words(&m).last().copied();
                if last == Some("start") {
                    // "Let me start by issuing a credit" acts; "let me
                    // start by saying sorry" only talks.
                    let next = reply.lower_slice(m.end, reply.clause_end(m.end));
                    let mut next = next.split_whitespace();
                    return !matches!(
                        (next.next(), next.next()),
                        (Some("by" | "with"), Some(w)) if matches!(
                            w,
                            "saying" | "apologising" | "apologizing" | "thanking" | "asking"
                                | "an" | "a" | "my" | "the"
                        )
                    );
                }
                !matches!(
                    last,
                    Some(
                        "know"
                            | "apologise"
                            | "apologize"
                            | "say"
                            | "be"
                            | "ask"
                            | "thank"
                            | "assure"
                            | "reassure"
                            | "confirm"
                            | "remind"
                            | "hear"
                    )
                )
            })
        };
        let will = || {
            self.will.find_in(reply).any(|m| {
                // Only the agent's own future counts: "I'll", "we will", not "you'll".
                let before = reply.words_before(m.start, 2);
                let w = words(&m);
                let (mine, first, second) = match w.first().copied().unwrap_or("") {
                    "going" | "about" => (
                        matches!(
                            (before.first(), before.get(1)),
                            (Some(&("i'm" | "i’m" | "im" | "we're" | "we’re")), _)
                                | (Some(&("am" | "are")), Some(&("i" | "we")))
                        ),
                        w.get(2).copied().unwrap_or(""),
                        w.get(3).copied().unwrap_or(""),
                    ),
                    // "gonna check the logs", "im gonna call them".
                    "gonna" => (
                        reply.starts_clause(m.start)
                            || matches!(
                                before.first(),
                                Some(&("i'm" | "i’m" | "im" | "we're" | "we’re" | "were"))
                            ),
                        w.get(1).copied().unwrap_or(""),
                        w.get(2).copied().unwrap_or(""),
                    ),
                    // "I was ill last week", "feeling ill": the adjective.
                    "ill" => (
                        !before.first().is_some_and(|b| {
                            matches!(
                                *b,
                                "was"
                                    | "am"
                                    | "is"
                                    | "are"
                                    | "were"
                                    | "be"
                                    | "been"
                                    | "feel"
                                    | "feeling"
                                    | "felt"
                                    | "fell"
                                    | "get"
                                    | "got"
                                    | "very"
                                    | "so"
                                    | "really"
                                    | "quite"
                                    | "seriously"
                                    | "too"
                            )
                        }) && !matches!(
                            w.get(1).copied().unwrap_or(""),
                            "and"
                                | "for"
                                | "with"
                                | "since"
                                | "last"
                                | "again"
                                | "today"
                                | "yesterday"
                                | "so"
                                | "too"
                                | "all"
                                | "at"
                                | "in"
                                | "on"
                        ),
                        w.get(1).copied().unwrap_or(""),
                        w.get(2).copied().unwrap_or(""),
                    ),
                    // "'ll": the word before the apostrophe is the subject;
                    // "I've picked up the ticket and will sort it": the
                    // sentence's own "I" carries over "and".
                    _ => (
                        matches!(before.first(), Some(&("i" | "we")))
                            // "will check ur bill after": chat drops the "I".
                            || (w.first() == Some(&"will")
                                && reply.starts_clause(m.start)
                                && !matches!(
                                    w.get(1).copied(),
                                    Some("you" | "u" | "ya" | "they" | "it" | "he" | "she" | "we" | "i" | "that" | "this" | "there")
                                ))
                            || (before.first() == Some(&"and") && {
                                let s = reply.sentence_at(m.start).map_or(0, |s| s.start);
                                let head = reply.lower_slice(s, m.start).trim_start();
                                ["i ", "i'", "i’", "we "]
                                    .iter()
                                    .any(|p| head.starts_with(p))
                            }),
                        w.get(1).copied().unwrap_or(""),
                        w.get(2).copied().unwrap_or(""),
                    ),
                };
                mine && match first {
                    "not" | "need" | "want" | "require" | "" => false,
                    "be" => !matches!(
                        second,
                        "happy"
                            | "glad"
                            | "here"
                            | "around"
                            | "available"
                            | "able"
                            | "sure"
                            | "in"
                            | "more"
                    ),
                    _ => true,
                }
            })
        };
        let doing = || {
            self.doing.find_in(reply).any(|m| {
                let w = words(&m);
                let verb = w.iter().position(|x| x.ends_with("ing"));
                let next = verb.and_then(|i| w.get(i + 1)).copied();
                let verb = verb.and_then(|i| w.get(i)).copied().unwrap_or("");
                // "I'm going to…" is the future (`will`); "I'm going through…" is doing.
                !NOT_ACTIONS.contains(&verb)
                    && next != Some("forward")
                    && !(verb == "going" && next == Some("to"))
            })
        };
        // "Give me two minutes while I process the refund": the agent's
        // own action, told as what fills the wait.
        let meanwhile = || {
            self.meanwhile.find_in(reply).any(|m| {
                !matches!(
                    words(&m).last().copied(),
                    Some(
                        "was"
                            | "am"
                            | "have"
                            | "had"
                            | "can"
                            | "could"
                            | "wait"
                            | "waited"
                            | "know"
                            | "understand"
                            | "think"
                            | "see"
                            | "hope"
                            | "appreciate"
                    )
                )
            })
        };
        let_me() || will() || doing() || meanwhile()
    }

    /// Whether the agent says they have done something ("I've refunded…").
    pub fn did_something(&self, reply: &Reply) -> bool {
        self.done.find_in(reply).any(|m| {
            let verb = reply
                .lower_slice(m.start, m.end)
                .rsplit(|c: char| c.is_ascii_whitespace())
                .next()
                .unwrap_or("");
            is_done_verb(verb)
        })
    }

    fn sets_timeline(&self, reply: &Reply) -> bool {
        if self.deadline.matches(reply) {
            return true;
        }
        if self.duration.find_in(reply).any(|m| commits_to(reply, m)) {
            return true;
        }
        // "today" or "tomorrow" is a deadline when the agent promises
        // something for it ("I'll get it out today"), not in "What brings you
        // here today?".
        self.day.find_in(reply).any(|m| {
            let start = reply.clause_start(m.start);
            let end = reply.clause_end(m.end);
            self.future.is_match(reply.lower_slice(start, end))
        })
    }
}

/// Whether the word after "I've" is something done ("refunded", "sent"),
/// not a state ("read", "noticed", "got").
pub(crate) fn is_done_verb(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "brought", "built", "done", "found", "given", "made", "paid", "put", "rebuilt", "resent",
        "reset", "run", "sent", "set", "taken", "written",
    ];
    const STATES: &[&str] = &[
        "enjoyed", "hoped", "learned", "liked", "loved", "needed", "noticed", "realised",
        "realized", "tried", "waited", "wanted", "wondered",
    ];
    (word.len() > 4 && word.ends_with("ed") && !STATES.contains(&word)) || IRREGULAR.contains(&word)
}

/// Number words that can count minutes, hours or days.
/// Sorted: searched with `binary_search` (a test checks the order).
const AMOUNTS: &[&str] = &[
    "a", "an", "couple", "eight", "eleven", "few", "fifteen", "five", "forty", "four", "half",
    "next", "nine", "ninety", "one", "quarter", "seven", "several", "six", "sixty", "ten",
    "thirty", "three", "twelve", "twenty", "two",
];

/// Whether the time unit at `unit` ("minutes", "moment", "hour") is an
/// amount of time the agent commits to: "give me 2 minutes", "within the
/// hour", "Two minutes!" — not "waited 20 minutes", "after 10 minutes", "a
/// 30-day window" or "at the moment".
fn commits_to(reply: &Reply, unit: Range<usize>) -> bool {
    // "a 30-day window", "1,000/min": a unit joined to a number is a size or
    // a rate, not an amount of time.
    if unit.start > 0
        && matches!(
            reply.lower.as_bytes().get(unit.start - 1),
            Some(b'-' | b'/')
        )
    {
        return false;
    }
    let after = reply.words_after(unit.end, 1);
    if after
        .first()
        .is_some_and(|w| matches!(*w, "ago" | "old" | "late" | "later" | "earlier" | "long"))
    {
        return false;
    }
    let hour = reply.lower_slice(unit.start, unit.end).starts_with('h');
    let is_amount = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit())
            || AMOUNTS.binary_search(&w).is_ok()
            || (hour && w == "the")
    };
    let before = reply.words_before(unit.start, 10);
    let mut words = before
        .iter()
        .copied()
        .skip_while(|w| {
            matches!(
                *w,
                "business" | "working" | "more" | "extra" | "further" | "full"
            )
        })
        .peekable();
    // The amount itself: "2", "2–3", "a couple of", "a few", "the" (hour).
    let mut amount = false;
    while let Some(&w) = words.peek() {
        if is_amount(w) {
            amount = true;
        } else if !matches!(w, "or" | "to" | "of") {
            break;
        }
        words.next();
    }
    if !amount {
        return false;
    }
    let mut words = words.skip_while(|w| TIME_QUALIFIERS.contains(w));
    match words.next() {
        // Nothing but qualifiers before it in its clause: "Two minutes!",
        // "— about 5 minutes."
        None => true,
        // "I'll update you every 10 minutes" is a promise; "it stops every
        // 10 minutes" is the problem.
        Some("every" | "each") => {
            let clause =
                reply.lower_slice(reply.clause_start(unit.start), reply.clause_end(unit.end));
            ["i'll", "i’ll", "i will", "we'll", "we’ll", "we will"]
                .iter()
                .any(|f| clause.contains(f))
        }
        Some(w) if TIME_PAST.contains(&w) => false,
        // "in two hours" is a promise with a future or an outcome in its
        // clause ("I'll have it in two hours", "done in 5 minutes"), not in
        // "…with a client demo in two hours", which is the customer's day.
        Some("in") => {
            let clause =
                reply.lower_slice(reply.clause_start(unit.start), reply.clause_end(unit.end));
            // "tracking in 10 minutes", "confirmation in 10 minutes": a
            // clause of a thing and when it comes, no past in it.
            let head: Vec<&str> = clause
                .split(" in ")
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            let telegraphic = (1..=2).contains(&head.len())
                && head.iter().all(|w| {
                    w.bytes().all(|b| b.is_ascii_alphabetic())
                        && !w.ends_with("ed")
                        && !matches!(*w, "was" | "were" | "is" | "it" | "that" | "this")
                });
            clause.starts_with("in ")
                || telegraphic
                || clause
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '’'))
                    .any(|w| {
                        matches!(
                            w,
                            "will"
                                | "should"
                                | "going"
                                | "let"
                                | "give"
                                | "back"
                                | "done"
                                | "ready"
                                | "sorted"
                                | "fixed"
                                | "expect"
                                | "arrive"
                                | "arrives"
                                | "lands"
                                | "land"
                                | "shows"
                                | "show"
                                | "appear"
                                | "appears"
                                | "hear"
                                | "be"
                                | "complete"
                                | "finished"
                                | "take"
                                | "takes"
                                | "allow"
                        ) || w.ends_with("'ll")
                            || w.ends_with("’ll")
                    })
        }
        Some(w) if TIME_LEADS.contains(&w) => true,
        // "bear with me for a minute", "hang on for a moment"
        Some("for") => words
            .next()
            .is_some_and(|w| matches!(w, "me" | "us" | "on" | "tight" | "wait" | "hold")),
        Some(_) => false,
    }
}

/// Where the reply is signed, if it is: a name on the last line, after a
/// sign-off ("Kind regards," / "Daniel Osei | Customer Relations") or a
/// dash ("— Kasia, Identity team"). The span covers the signature, which
/// names the agent and their team, not the customer's issue.
fn signature(reply: &Reply) -> Option<Range<usize>> {
    const SIGN_OFFS: &[&str] = &[
        "regards",
        "kind regards",
        "best regards",
        "warm regards",
        "best",
        "best wishes",
        "thanks",
        "many thanks",
        "thank you",
        "cheers",
        "sincerely",
        "yours sincerely",
        "yours",
        "warmly",
        "all the best",
        "speak soon",
        "talk soon",
        "take care",
    ];
    let text = reply.text.trim_end();
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len() + 1;
            Some((start, line))
        })
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let name_at = |at: usize, line: &str| -> Option<Range<usize>> {
        let body =
            line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '-'));
        let lead = line.len() - body.len();
        let words: Vec<&str> = body
            .split(['|', ',', '/', '·'])
            .next()?
            .split_whitespace()
            .collect();
        ((1..=3).contains(&words.len()) && words.iter().all(|w| looks_like_name(w)))
            .then(|| at + lead..at + line.trim_end().len())
    };
    let &(at, last) = lines.last()?;
    // "— Kasia, Identity team" closing the last line: a few words after the
    // dash, and no sentence of their own.
    if let Some(dash) = last.rfind(['—', '–']) {
        let signed = &last[dash..];
        let short = signed.split_whitespace().count() <= 6
            && !signed
                .trim_end()
                .trim_end_matches(['.', '!'])
                .contains(['.', '!', '?']);
        if let Some(r) = name_at(at + dash, signed).filter(|_| short) {
            return Some(r);
        }
    }
    // A sign-off, then the name on the next line (a team may follow).
    let k = lines.iter().rposition(|(_, l)| {
        let l = l
            .trim()
            .trim_end_matches([',', '.', '!'])
            .to_ascii_lowercase();
        SIGN_OFFS.contains(&l.as_str())
    })?;
    let &(at, line) = lines.get(k + 1)?;
    (lines.len() - k <= 3).then_some(())?;
    name_at(at, line)
}

/// Whether `word` reads as a name: it starts with a capital and is not a
/// word that often follows "I'm".
fn looks_like_name(word: &str) -> bool {
    let bare = word.trim_matches(['[', ']']);
    // "This is Frustrating": a long -ing word is a feeling, not a name.
    let feeling = bare.len() >= 7 && bare.to_ascii_lowercase().ends_with("ing");
    bare.chars().next().is_some_and(char::is_uppercase) && !is_not_name(bare) && !feeling
}

/// Whether a lower-case `word` may be a name in a reply typed all in lower
/// case: letters only, not a word that opens "… here" or follows "its" /
/// "im" as often as a name does.
fn casual_name(word: &str) -> bool {
    const COMMON: &[&str] = &[
        "all", "almost", "also", "always", "and", "anyone", "away", "back", "busy", "but", "click",
        "come", "done", "everyone", "fine", "free", "go", "good", "great", "he", "hello", "help",
        "hey", "hi", "im", "info", "late", "more", "new", "nobody", "none", "not", "nothing",
        "now", "off", "ok", "okay", "online", "over", "right", "same", "she", "so", "someone",
        "start", "stay", "still", "tap", "thanks", "there", "they", "tho", "too", "wait", "we",
        "were", "yes", "you", "youre",
    ];
    (2..=15).contains(&word.len())
        && word.chars().all(|c| c.is_alphabetic())
        && !is_not_name(word)
        && !COMMON.contains(&word)
        && !word.ends_with("ing")
}

fn is_not_name(word: &str) -> bool {
    NOT_NAMES
        .binary_search(&word.to_ascii_lowercase().as_str())
        .is_ok()
}

/// The last whitespace-separated word of match `m` in `lower`.
fn last_word(lower: &str, m: &Range<usize>) -> Range<usize> {
    let start = lower
        .get(m.clone())
        .and_then(|t| t.rfind(|c: char| c.is_ascii_whitespace()))
        .map_or(m.start, |i| m.start + i + 1);
    start..m.end
}

/// Whether `reply` uses the customer's first name, full name, or a title
/// with their surname, compared without case and diacritics.
pub(crate) fn uses_name(reply: &Reply, known: &Known) -> bool {
    if reply.text.contains('@') {
        // "I'll send it to daniela.ruiz@example.com" names no one: read the
        // reply without its addresses.
        let masked: String = reply
            .text
            .split_inclusive(char::is_whitespace)
            .map(|w| if w.contains('@') { " " } else { w })
            .collect();
        let masked = Reply::new(&masked);
        return known
            .names
            .iter()
            .any(|n| contains_folded_words(&masked, n))
            || titled(&masked, known);
    }
    if known.names.iter().any(|n| {
        if WORD_NAMES.binary_search(&n.as_str()).is_ok() {
            addressed_by(reply, n)
        } else {
            contains_folded_words(reply, n)
        }
    }) {
        return true;
    }
    titled(reply, known) || greeted_by_a_name(reply, known)
}

/// Whether a greeting opens on any one of the customer's names ("Hi Yuki"
/// for "TANAKA Yuki", "Hi Lan" for "Nguyễn Thị Lan"): a card may give the
/// family name first, and which one is the given name is not always clear.
fn greeted_by_a_name(reply: &Reply, known: &Known) -> bool {
    const OPENERS: &[&str] = &[
        "hi",
        "hello",
        "hey",
        "dear",
        "morning",
        "afternoon",
        "evening",
    ];
    let Some(full) = known.context().customer_name.as_deref() else {
        return false;
    };
    let full = fold(&strip_title(full));
    let parts: Vec<&str> = full
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| p.chars().count() >= 2 && WORD_NAMES.binary_search(p).is_err())
        .collect();
    if parts.len() < 2 {
        return false; // one name: uses_name has looked for it already
    }
    let folded = reply.folded();
    parts.iter().any(|part| {
        let mut from = 0;
        while let Some(at) = folded.get(from..).and_then(|h| find_words(h, part)) {
            let at = from + at;
            from = at + part.len();
            let before = folded[..at]
                .trim_end_matches(|c: char| c.is_whitespace() || c == ',')
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            // "Good evening, O'Brien family" greets a household.
            let after = folded[from..]
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("");
            if OPENERS.contains(&before)
                && !matches!(after, "family" | "household" | "team" | "residence")
            {
                return true;
            }
        }
        false
    })
}

/// First names that are also everyday words ("your bill", "the grace
/// period", "I will"). Sorted: searched with `binary_search`.
const WORD_NAMES: &[&str] = &[
    "amber", "april", "art", "august", "bill", "chase", "crystal", "daisy", "dawn", "faith",
    "frank", "grace", "grant", "holly", "hope", "hunter", "iris", "ivy", "jack", "jade", "joy",
    "june", "lily", "mark", "may", "olive", "pat", "pearl", "penny", "rich", "rose", "ruby",
    "sandy", "sky", "sue", "summer", "violet", "will",
];

/// Whether `reply` calls the customer `name` (one of [`WORD_NAMES`]) rather
/// than using the word: written with a capital inside a sentence ("thanks,
/// Bill"), or, in any case, after a greeting ("hello bill") or before a
/// comma or an exclamation ("Grace, your refund…").
fn addressed_by(reply: &Reply, name: &str) -> bool {
    let mut from = 0;
    while let Some(at) = reply.lower.get(from..).and_then(|h| find_words(h, name)) {
        let at = from + at;
        from = at + name.len();
        let capital = reply.text[at..].starts_with(|c: char| c.is_ascii_uppercase());
        let opens = reply.sentence_at(at).map_or(true, |s| {
            reply
                .lower_slice(s.start, at)
                .trim_start_matches(|c: char| !c.is_ascii_alphanumeric())
                .is_empty()
        });
        let before = reply.words_before(at, 1);
        let greeted = matches!(
            before.first().copied(),
            Some(
                "hi" | "hello"
                    | "hey"
                    | "dear"
                    | "thanks"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "sorry"
                    | "ok"
                    | "okay"
                    | "yo"
            )
        ) || reply.lower_slice(0, at).trim_end().ends_with("thank you");
        let vocative = reply.lower[from..].starts_with([',', '!']);
        if (capital && !opens) || greeted || vocative {
            return true;
        }
    }
    false
}

/// Whether `reply` calls the customer by a title and their surname.
fn titled(reply: &Reply, known: &Known) -> bool {
    if known.surnames.is_empty() {
        return false;
    }
    // A title must stand before the surname: when folding keeps the
    // reply's words, a reply without one as a word has none folded either.
    if reply.folds_to_lower_words()
        && !reply
            .lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(is_title)
    {
        return false;
    }
    known.surnames.iter().any(|surname| {
        let hay = reply.folded();
        let mut from = 0;
        while let Some(at) = hay.get(from..).and_then(|h| find_words(h, surname)) {
            let at = from + at;
            let before = hay[..at].trim_end().trim_end_matches('.');
            let title = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if is_title(title) {
                return true;
            }
            from = at + surname.len();
        }
        false
    })
}

/// Whether the folded `needle` occurs in `reply` as whole words. A one-word
/// ASCII needle is first looked for in the lower-cased reply as it is, which
/// spares folding the whole reply in the common case.
fn contains_folded_words(reply: &Reply, needle: &str) -> bool {
    let plain = needle.is_ascii() && !needle.contains(' ');
    if plain && find_words(&reply.lower, needle).is_some() {
        return true;
    }
    if plain && reply.text.is_ascii() {
        return false;
    }
    if needle.bytes().all(|b| b.is_ascii_alphanumeric()) && reply.folds_to_lower_words() {
        return false;
    }
    find_words(reply.folded(), needle).is_some()
}

pub(crate) fn strip_title(name: &str) -> String {
    let name = name.trim();
    let first = name.split_whitespace().next().unwrap_or("");
    let bare = crate::text::lower(first.trim_end_matches('.'));
    if TITLES.contains(&bare.as_str()) && name.split_whitespace().count() > 1 {
        name[first.len()..].trim().to_string()
    } else {
        name.to_string()
    }
}

/// The folded surnames a title may stand before: everything after the
/// first name ("Ní Bhriain", "van der Berg") and its last word ("Berg"), or
/// what stands before the comma of "Chen, Sarah". Empty for a single name.
pub(crate) fn surnames(name: &str) -> Vec<String> {
    let name = strip_title(name);
    let mut out = Vec::new();
    match name.split_once(',') {
        Some((last, _)) => out.push(fold(last)),
        None => {
            // Every run of words to the end after the first: "Ms El
            // Idrissi" for Fatima Zahra El Idrissi, "Sra. García López".
            let words: Vec<&str> = name.split_whitespace().collect();
            for from in 1..words.len() {
                out.push(fold(&words[from..].join(" ")));
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out.dedup();
    out
}

/// Whether `reply` quotes order number `order` (as [`Known::orders`] holds
/// it: trimmed, without `#`, lower case) as a whole token.
pub(crate) fn mentions_order(reply: &Reply, order: &str) -> bool {
    if order.is_empty() {
        return false;
    }
    let hay = &reply.lower;
    let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| h.find(order)) {
        let at = from + i;
        let end = at + order.len();
        let before = hay[..at].chars().next_back();
        let mut rest = hay[end..].chars();
        let after = rest.next();
        // "12345-B" is another number; "12345-" before a space is not.
        let joined = after == Some('-') && part(rest.next());
        if !part(before) && !part(after) && !joined {
            return true;
        }
        from = end;
    }
    false
}

/// The word that ends at byte `end` of the lower-cased `text`: letters,
/// apostrophes and hyphens, from a letter that starts a word (as
/// `\b[a-z][a-z'-]*` would find it); `None` when none ends there.
fn word_before(text: &str, end: usize) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let run = b[..end]
        .iter()
        .rposition(|&c| !(c.is_ascii_lowercase() || c == b'\'' || c == b'-'))
        .map_or(0, |i| i + 1);
    let is_word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    (run..end)
        .find(|&i| b[i].is_ascii_lowercase() && (i == 0 || !is_word(b[i - 1])))
        .map(|start| start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Context;

    #[test]
    fn the_word_before_is_found_as_a_word_pattern_would() {
        fn before(text: &str) -> Option<&str> {
            let end = text.find(" from").expect("a from");
            word_before(text, end).map(|r| &text[r])
        }
        assert_eq!(before("hi, alex from billing"), Some("alex"));
        assert_eq!(before("jean-luc from sales"), Some("jean-luc"));
        assert_eq!(before("'bob from sales"), Some("bob"));
        assert_eq!(before("o'neil from sales"), Some("o'neil"));
        // No word starts there: a digit runs into it, or nothing is before.
        assert_eq!(before("x2bob from sales"), None);
        assert_eq!(before("zoë from sales"), None);
        assert_eq!(before(" from sales"), None);
    }

    fn found(text: &str, ctx: &Context, agent: Option<&str>) -> Found {
        Always::new(&mut Patterns::default()).find(
            &Reply::new(text),
            &Known::new(ctx.clone()),
            agent,
            &Signals::ALL,
        )
    }

    fn ctx() -> Context {
        Context {
            first_name: Some("Siobhán".into()),
            customer_name: Some("Siobhán O’Brien".into()),
            issue: Some("Refund not received for the returned jacket".into()),
            order_numbers: vec!["20931".into()],
            ..Context::default()
        }
    }

    #[test]
    fn introductions_and_near_misses() {
        let c = Context::default();
        for yes in [
            "Hi, I'm Élodie from billing.",
            "Marta here, picking this up.",
            "Hi Ananya, Karthik this side. Your invoice — noted.",
            "You're speaking with Kwame today.",
            "my name's jo and I'll help",
            "It's Sam from the returns desk.",
            "Alex from support.",
            "Hi there, Alex from the billing team here.",
            "Hey Priya — Jo from Acme.",
            "I'm your billing specialist for today.",
        ] {
            assert!(found(yes, &c, None).introduces_self, "{yes}");
        }
        for no in [
            "I'm happy to look into it.",
            "I'm here for you.",
            "This is frustrating, I know.",
            "Click here to sign in.",
            "Sarah from billing will call you tomorrow.",
            "Greetings from the support team!",
            "Updates from the warehouse team.",
        ] {
            assert!(!found(no, &c, None).introduces_self, "{no}");
        }
        assert!(found("hi, alex on the case", &c, Some("Alex")).introduces_self);
    }

    #[test]
    fn names_with_titles_diacritics_and_apostrophes() {
        let c = ctx();
        assert!(found("Hello siobhan,", &c, None).uses_name);
        assert!(found("Good evening Ms O'Brien.", &c, None).uses_name);
        assert!(!found("Good evening, O'Brien family.", &c, None).uses_name);
        assert!(!found("Hello there,", &c, None).uses_name);
        let family_first = Context {
            customer_name: Some("TANAKA Yuki".into()),
            first_name: Some("TANAKA".into()),
            ..Context::default()
        };
        assert!(found("Hi Yuki, Ben here.", &family_first, None).uses_name);
        assert!(!found("Hi there, Yuki is a lovely name.", &family_first, None).uses_name);
        let particle = Context {
            customer_name: Some("Fatima Zahra El Idrissi".into()),
            first_name: Some("Fatima".into()),
            ..Context::default()
        };
        assert!(found("Dear Ms El Idrissi, Owen here.", &particle, None).uses_name);
        assert!(!found("Dear Ms El, Owen here.", &particle, None).uses_name);
        let soren = Context {
            customer_name: Some("Søren Lund".into()),
            first_name: Some("Søren".into()),
            ..Context::default()
        };
        assert!(found("Hi Soren, Astrid here.", &soren, None).uses_name);
    }

    #[test]
    fn the_agents_team_is_not_the_issue() {
        let c = Context {
            issue: Some("Return of damaged boots".into()),
            ..Context::default()
        };
        assert!(!found("This is Kim from Returns. Can I have your name?", &c, None).names_issue);
        assert!(found("This is Kim. I see the boots arrived broken.", &c, None).names_issue);
        // The customer's own words on the card ("I'm fuming") make no
        // issue word of "I'm": an agent who says "I'm Tom" names nothing.
        let quoted = Context {
            issue: Some("Charged for Pro after I cancelled on the 2nd — I'm fuming".into()),
            ..Context::default()
        };
        assert!(!found("Hi Léa, I'm Tom. What can I do for you?", &quoted, None).names_issue);
        assert!(found("I'm Tom. I see you were charged for Pro.", &quoted, None).names_issue);
        // Nor does the word a card uses for the customer ("Player bought…").
        let player = Context {
            issue: Some("Player bought a crystals pack that never arrived".into()),
            ..Context::default()
        };
        let hello = "Thank you for contacting Starfall Player Support. How can I help?";
        assert!(!found(hello, &player, None).names_issue);
        assert!(found("I see the crystals never arrived.", &player, None).names_issue);
    }

    #[test]
    fn order_numbers_are_whole_tokens() {
        let c = Context {
            order_numbers: vec![" #20931".into()],
            ..Context::default()
        };
        assert!(found("About #20931-B and 209310, not 20931.", &c, None).mentions_order);
        assert!(!found("About #20931-B and 209310", &c, None).mentions_order);
    }

    #[test]
    fn word_lists_searched_by_bisection_are_sorted() {
        for list in [AMOUNTS, NOT_NAMES, WORD_NAMES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn timelines_commit_to_a_time() {
        let c = Context::default();
        assert!(
            found(
                "I'm sending the pins today; tracking in 10 minutes.",
                &c,
                None
            )
            .sets_timeline
        );
        assert!(
            found(
                "I'm reinstating your room now; confirmation in 10 minutes.",
                &c,
                None
            )
            .sets_timeline
        );
        assert!(
            !found(
                "Your parcel, delivered in 3 days last time, was late.",
                &c,
                None
            )
            .sets_timeline
        );
        let c = Context::default();
        for yes in [
            "Hang on for a sec or two.",
            "Expect an update in 15 minutes.",
            "I'll have it fixed by end of day.",
            "Back to you before 3pm.",
            "It usually takes under a minute.",
            "I'll send the label tomorrow.",
            // Every number word counts ("few" and "five" were missed once).
            "I'll have an answer for you in five minutes.",
            "You'll see the email in a few minutes.",
        ] {
            assert!(found(yes, &c, None).sets_timeline, "{yes}");
        }
        for no in [
            "Your app crashes every 5 minutes.",
            "You've been waiting 40 minutes, I know.",
            "The jacket arrived 3 days ago.",
            "I'll sort it soon.",
            "Right away!",
            "Is there anything else today?",
        ] {
            assert!(!found(no, &c, None).sets_timeline, "{no}");
        }
    }

    #[test]
    fn actions_and_narration() {
        let c = Context::default();
        assert!(found("Let's get this sorted.", &c, None).states_action);
        assert!(!found("Let me know when you're back.", &c, None).states_action);
        assert!(!found("I won't ask again.", &c, None).states_action);
        assert!(found("We're issuing the credit now.", &c, None).states_action);
        for acting in [
            "Refunding those now, one moment.",
            "Checking 88120-B now, 10 minutes please.",
            "Fixing INV-552019 now, give me 5 minutes.",
            "Fraud claim for the charge going in now — 3 minutes.",
            "Refund is going through now; give me 60 seconds.",
        ] {
            assert!(found(acting, &c, None).states_action, "{acting}");
        }
        let n = found("Still digging through your invoices.", &c, None);
        assert!(n.narrates_action && n.states_action);
        let done = found("I've escalated it to the carrier.", &c, None);
        assert!(
            done.narrates_action && !done.states_action,
            "done is narration, not what comes next"
        );
        assert!(!found("Regarding the refund, it went out.", &c, None).states_action);
        assert!(!found("Billing on your account looks right.", &c, None).states_action);
        assert!(found("Give me two minutes while I process the refund.", &c, None).states_action);
        assert!(!found("Thanks for waiting while I was away.", &c, None).states_action);
    }

    #[test]
    fn reading_the_chat() {
        let c = Context::default();
        assert!(found("I've skimmed the transcript.", &c, None).references_context);
        for yes in [
            "Went through your chat with our assistant.",
            "Read your messages to the bot; the charge is on us.",
            "Hi Sarah, caught up on the conversation already.",
            "Sorry your chat with the bot went in circles.",
            "Looks like you got billed twice in March.",
        ] {
            assert!(found(yes, &c, None).references_context, "{yes}");
        }
        assert!(!found("Please read the notes I sent.", &c, None).references_context);
        assert!(found("As you told our assistant, the app froze.", &c, None).references_context);
        assert!(!found("Send it over so I can see which one it is.", &c, None).references_context);
        assert!(!found("I haven't read the chat yet.", &c, None).references_context);
        for yes in [
            "I've read the ticket our assistant raised overnight.",
            "I've gone through the handoff from our assistant.",
            "I've read your message and I understand.",
            "You said you've been waiting an hour at the desk.",
        ] {
            assert!(found(yes, &c, None).references_context, "{yes}");
        }
        for no in [
            "I have a ticket open with the warehouse.",
            "I've raised a case with the courier.",
        ] {
            assert!(!found(no, &c, None).references_context, "{no}");
        }
        assert!(
            found(
                "I've gone through what happened with your March bill.",
                &c,
                None
            )
            .references_context
        );
        assert!(!found("I have no idea what happened yet.", &c, None).references_context);
    }
}
