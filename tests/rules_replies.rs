//! Whole first messages on cards of our own, read by the card reader: good
//! ones come out clean (every applicable item true, no finding), bad ones
//! with exactly the findings a QA lead would mark. Every rule at once, so a
//! pattern that fires where it should not shows up here.

mod rules_support;

use std::collections::BTreeSet;

use handoff_coach::{CheckOptions, Phase};
use rules_support::engine;

const STREAMING: &str = "Subscriber: Dmitri Volkov\nPlan: Premium 4K (annual)\nEmail: dmitri.v@example.ru\n\
Reason: App logs out every time the TV restarts\nAI attempts: 3 (cleared cache, reinstalled app, reset password)\n\
Sentiment: Irritated\nSummary: Customer's living-room TV app signs him out after every restart. He wants it to stay signed in.";

const SHOP: &str = "<dl><dt>Customer</dt><dd>Amélie Dubois</dd><dt>Order</dt><dd>#FR-88231</dd>\
<dt>Issue</dt><dd>Blender arrived with a cracked jug</dd><dt>Customer wants</dt><dd>Replacement jug</dd>\
<dt>Sentiment</dt><dd>Calm</dd></dl>";

const BANK: &str = "Customer: Kofi Mensah\nAccount: Business Current (since 2018)\nReason: Card declined abroad\n\
Sentiment: Anxious\nSummary: Kofi's business card was declined twice in Lisbon today. He needs it working before a supplier dinner tonight.";

/// The spanned findings and the missing items of `reply` on `card`.
fn judge(card: &str, reply: &str) -> BTreeSet<String> {
    let ctx = engine().read(card);
    let opts = CheckOptions {
        phase: Phase::First,
        agent: Some("Rosa".into()),
        ..CheckOptions::default()
    };
    engine()
        .check(&ctx, reply, &opts)
        .findings
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

fn set(rules: &[&str]) -> BTreeSet<String> {
    rules.iter().map(|r| r.to_string()).collect()
}

#[test]
fn good_first_messages_come_out_clean() {
    for (card, reply) in [
        (
            STREAMING,
            "Hi Dmitri, I'm Rosa from the TV team. I've read through your chat — the app signs you out every time the \
             TV restarts, even after the cache clear and the reinstall. I completely understand how irritating that \
             is. I'm going to check your device sessions now; give me about 3 minutes.",
        ),
        (
            STREAMING,
            "Hello Dmitri! Rosa here. I can see the TV app keeps logging you out after each restart, and I know how \
             annoying that gets. Let me look at the sign-in tokens on your account — back to you within 5 minutes.",
        ),
        (
            SHOP,
            "Bonjour Amélie, I'm Rosa. I've got the details from your chat: the blender from order FR-88231 arrived \
             with a cracked jug. I'll send a replacement jug today and email you the tracking in about 10 minutes.",
        ),
        (
            BANK,
            "Hi Kofi, this is Rosa from business banking. I see your card was declined twice in Lisbon and you need \
             it for tonight. I'm checking the fraud hold on it right now — give me two minutes.",
        ),
    ] {
        assert_eq!(judge(card, reply), set(&[]), "{reply}");
    }
}

#[test]
fn bad_first_messages_get_the_findings_they_earn() {
    for (card, reply, want) in [
        (
            STREAMING,
            "Hello! How can I help you today?",
            &[
                "never-ask.generic-opener",
                "always.use-name",
                "always.introduce-self",
                "always.acknowledge-issue",
                "always.reference-context",
                "always.state-action",
                "always.set-timeline",
                "tone.empathy-missing",
            ][..],
        ),
        (
            STREAMING,
            "Hi Dmitri, I'm Rosa. Sorry, sorry — the bot is useless with TVs. Could you walk me through what happens \
             again? And which plan are you on?",
            &[
                "avoid.blame-ai",
                "avoid.over-apologize",
                "always.acknowledge-issue",
                "always.reference-context",
                "never-ask.explain-again",
                "never-ask.known-detail",
                "always.state-action",
                "always.set-timeline",
                "tone.empathy-missing",
            ][..],
        ),
        (
            SHOP,
            "Hi Amélie, Rosa here. What's your order number so I can look into the jug? One moment.",
            &["never-ask.order-number", "always.reference-context", "always.state-action"][..],
        ),
        (
            BANK,
            "Hi, I'm Rosa. I've read your chat about the declined card. Can you confirm your name and account type? \
             I'll sort it shortly.",
            &["never-ask.known-detail", "always.use-name", "always.set-timeline"][..],
        ),
    ] {
        assert_eq!(judge(card, reply), set(want), "{reply}");
    }
}
