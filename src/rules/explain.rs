//! Why each rule exists, in the training guide's own words: what a trainee
//! sees beside a finding in strict coaching mode, and what the QA overlay
//! names each QA item with.
//!
//! This is rule data, so it lives beside the rules and not in a front end:
//! the panel, the trainer page and the QA overlay all ask [`explain`]. Every
//! text comes from the guide (`handoff-training-guide.txt`): its Common
//! Mistakes (the ❌ / ✅ pairs and their "Why"), the components of a great
//! first message, the resolution and closing steps, the QA checklist and
//! the quick reference card. Where the guide gives a rule no example of its
//! own, the example is written in the guide's style from its own scenario
//! (Sarah, charged twice for March), and [`Explanation::source`] says which
//! part of the guide the rule comes from.

use serde::Serialize;

/// What a rule asks of the agent and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The rule's name in the guide ("Mistake 2: Blaming the AI", "Agent
    /// used customer name").
    pub title: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// What not to write.
    pub bad: &'static str,
    /// What to write instead.
    pub good: &'static str,
    /// Where in the guide it comes from.
    pub source: &'static str,
}

const fn ex(
    title: &'static str,
    why: &'static str,
    bad: &'static str,
    good: &'static str,
    source: &'static str,
) -> Explanation {
    Explanation {
        title,
        why,
        bad,
        good,
        source,
    }
}

// The guide's lines that several rules share.
const WHY_ASK: &str = "Customer already explained to AI. Asking again signals you didn't read.";
const WHY_COLLECTED: &str = "AI already collected this info. Use it.";
const GOOD_OPENING: &str = "Hi Sarah! I'm Alex, and I've got the details from your chat. I see you were charged twice in March and need a refund. Let me pull up your account and get this fixed. Give me 30 seconds to take a look.";
const FIRST_MESSAGE: &str = "Phase 2: Making First Contact — components of a great first message";
const MISTAKE_1: &str = "Common Mistakes — Mistake 1: Asking What's Wrong";
const MISTAKE_3: &str = "Common Mistakes — Mistake 3: Starting from Scratch";
const MISTAKE_4: &str = "Common Mistakes — Mistake 4: Over-Apologizing";
const MISTAKE_5: &str = "Common Mistakes — Mistake 5: Not Setting Expectations";
const CLOSING: &str = "Phase 3: Resolution — before closing";
const QA_LIST: &str = "Measuring Handoff Quality — QA Checklist";

/// The explanation of a rule or QA item, by its id: every built-in rule of
/// [`super::RULES`] and every item of [`super::QA_ITEMS`] has one; anything
/// else (a pack's `custom.*` rule, an unknown id) has none.
pub fn explain(id: &str) -> Option<Explanation> {
    Some(match id {
        "never-ask.generic-opener" => ex(
            "Mistake 1: Asking What's Wrong",
            WHY_ASK,
            "How can I help you?",
            "I see you're having [issue], let me help.",
            MISTAKE_1,
        ),
        "never-ask.order-number" => ex(
            "Mistake 3: Starting from Scratch",
            WHY_COLLECTED,
            "Can you tell me your order number?",
            "I see your order is #12345, let me check on that",
            MISTAKE_3,
        ),
        "never-ask.explain-again" => ex(
            "The Golden Rule: Never make them repeat",
            "The customer is thinking \"I already explained this to the bot\" and \"Please don't make me repeat myself\". Make the transition feel like relief, not frustration.",
            "Can you explain what happened?",
            "I've got the details from your chat. I see you were charged twice in March and need a refund.",
            "Phase 2: Making First Contact — The Golden Rule; Quick Reference Card — Never ask",
        ),
        "never-ask.known-detail" => ex(
            "Mistake 3: Starting from Scratch",
            WHY_COLLECTED,
            "Can you confirm your name and the email on your account?",
            "Hi Sarah! I can see your Pro Plan account from the chat, so let me check on that.",
            MISTAKE_3,
        ),
        "avoid.blame-ai" => ex(
            "Mistake 2: Blaming the AI",
            "Blaming AI undermines customer confidence in your company.",
            "Sorry the bot couldn't help",
            "I'm glad you reached out, let's get this sorted",
            "Common Mistakes — Mistake 2: Blaming the AI",
        ),
        "avoid.over-apologize" => ex(
            "Mistake 4: Over-Apologizing",
            "Action beats apology. Focus on solving.",
            "I'm so sorry, I apologize, this is terrible...",
            "I understand this is frustrating. Here's what I can do...",
            MISTAKE_4,
        ),
        "always.use-name" => ex(
            "Name - Use theirs",
            "The customer is wondering \"Will this person actually help?\" Their name shows a person has their case. QA checks it: \"Agent used customer name\".",
            "Hi, how can I help you today?",
            GOOD_OPENING,
            FIRST_MESSAGE,
        ),
        "always.introduce-self" => ex(
            "Yours - Introduce yourself",
            "The customer is wondering \"Will this person actually help?\" A name of your own makes you that person, not another bot.",
            "Hi Sarah, let me look into that.",
            GOOD_OPENING,
            FIRST_MESSAGE,
        ),
        "always.acknowledge-issue" => ex(
            "Acknowledgment - Show you know their issue",
            "The Golden Rule: never make them repeat. Naming their issue proves they will not have to.",
            "Hi Sarah, I'm Alex. What can I do for you?",
            "I see you were charged twice in March and need a refund.",
            FIRST_MESSAGE,
        ),
        "always.reference-context" => ex(
            "Shows you read the context",
            "Customer already explained to AI: say that you read it. QA checks it: \"Agent referenced AI conversation\".",
            "Hi Sarah, I'm Alex. Let me look into your account.",
            "I've got the details from your chat.",
            "Exercise 2: First Message Practice; QA Checklist — Agent referenced AI conversation",
        ),
        "always.state-action" => ex(
            "Action - Tell them what you're doing",
            "The customer is wondering \"Will this person actually help?\" Say what you are doing about it.",
            "Hi Sarah, I'm Alex. I see you were charged twice in March.",
            "Let me pull up your account and get this fixed.",
            FIRST_MESSAGE,
        ),
        "always.set-timeline" => ex(
            "Timeline - Set expectations",
            "Silence after AI interaction feels like another failure. The customer is thinking \"How long will I wait?\"",
            "[Silence while researching]",
            "This will take me about 2 minutes to check. I'll update you as I go.",
            MISTAKE_5,
        ),
        "tone.empathy-missing" => ex(
            "Tone matched sentiment",
            "Your goal: make the transition feel like relief, not frustration. An apology alone is not an acknowledgement of how they feel.",
            "Hi Sarah, I'm Alex. I'm sorry about that.",
            "I understand this is frustrating. Here's what I can do...",
            "QA Checklist — Tone matched sentiment; Mistake 4: Over-Apologizing",
        ),
        "close.summarize" => ex(
            "Summarize what was done",
            "Before closing, summarize what was done: the customer leaves knowing their problem is solved.",
            "All sorted! Bye.",
            "I've refunded the duplicate March charge.",
            CLOSING,
        ),
        "close.next-steps" => ex(
            "Explain what happens next",
            "Before closing, explain what happens next, so they are not left wondering how long they will wait.",
            "Done on my side.",
            "You'll see the refund on your card in 3–5 business days.",
            CLOSING,
        ),
        "close.anything-else" => ex(
            "Ask if there's anything else",
            "Before closing, ask if there's anything else, so nothing is left for another chat.",
            "OK, closing this chat now.",
            "Is there anything else I can help with?",
            CLOSING,
        ),
        "close.thank" => ex(
            "Thank them for their patience with the handoff",
            "Before closing, thank them for their patience with the handoff: they told their story to a bot first.",
            "Refund done. Bye.",
            "Thanks for your patience with the handoff, Sarah!",
            CLOSING,
        ),
        "qa.used-name" => ex(
            "Agent used customer name",
            "Name - Use theirs.",
            "Hi, how can I help you today?",
            "Hi Sarah! I'm Alex.",
            QA_LIST,
        ),
        "qa.referenced-ai" => ex(
            "Agent referenced AI conversation",
            "Use context from AI: the customer already explained it to the bot.",
            "Hi Sarah, what seems to be the problem?",
            "I've got the details from your chat.",
            QA_LIST,
        ),
        "qa.no-repeat-questions" => ex(
            "Agent didn't ask repeated questions",
            "Never make them repeat. AI already collected this info. Use it.",
            "Can you tell me your order number?",
            "I see your order is #12345, let me check on that",
            QA_LIST,
        ),
        "qa.set-expectations" => ex(
            "Agent set time expectations",
            "Silence after AI interaction feels like another failure.",
            "[Silence while researching]",
            "This will take me about 2 minutes to check. I'll update you as I go.",
            QA_LIST,
        ),
        "qa.narrated-actions" => ex(
            "Agent narrated actions",
            "Narrate what you're doing, and acknowledge the wait.",
            "[Silence while researching]",
            "I'm looking at your March transactions now...",
            QA_LIST,
        ),
        "qa.confirmed-resolution" => ex(
            "Agent confirmed resolution",
            "Confirm resolution: check with the customer that it is fixed for them.",
            "Refund done. Bye.",
            "Can you check that the duplicate charge is gone on your side?",
            QA_LIST,
        ),
        "qa.tone-matched" => ex(
            "Tone matched sentiment",
            "Make the transition feel like relief, not frustration.",
            "Oops, haha, the bot messed up again!! 😂",
            "I understand this is frustrating. Here's what I can do...",
            QA_LIST,
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{QA_ITEMS, RULES};

    #[test]
    fn every_rule_and_qa_item_is_explained() {
        for id in RULES.iter().map(|r| r.id).chain(QA_ITEMS.iter().copied()) {
            let e = explain(id).unwrap_or_else(|| panic!("{id} has no explanation"));
            for (what, text) in [
                ("title", e.title),
                ("why", e.why),
                ("bad", e.bad),
                ("good", e.good),
                ("source", e.source),
            ] {
                assert!(!text.trim().is_empty(), "{id}: empty {what}");
            }
            assert_ne!(e.bad, e.good, "{id}");
        }
        assert_eq!(explain("custom.no-refund-promise"), None);
        assert_eq!(explain("never-ask"), None);
    }

    /// The guide's own examples are quoted as the guide writes them; the
    /// guide is read where the project's shared folder is beside the repo.
    #[test]
    fn the_guide_is_quoted_word_for_word() {
        let guide = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/guide/handoff-training-guide.txt"
        );
        let Ok(guide) = std::fs::read_to_string(guide) else {
            return; // outside the project's workspace: nothing to compare with
        };
        let guide = guide.replace('\n', " ");
        for id in [
            "never-ask.generic-opener",
            "never-ask.order-number",
            "avoid.blame-ai",
            "avoid.over-apologize",
            "always.set-timeline",
        ] {
            let e = explain(id).unwrap();
            // The why opens with the guide's own sentence; it may go on.
            let why = e.why.split_inclusive(". ").next().unwrap_or("").trim_end();
            for quote in [why, e.bad, e.good] {
                assert!(guide.contains(quote), "{id}: not in the guide: {quote}");
            }
        }
        for quote in [GOOD_OPENING, WHY_ASK, WHY_COLLECTED] {
            assert!(guide.contains(quote), "not in the guide: {quote}");
        }
        for id in QA_ITEMS {
            let title = explain(id).unwrap().title;
            assert!(guide.contains(title), "{id}: not in the QA list: {title}");
        }
    }
}
