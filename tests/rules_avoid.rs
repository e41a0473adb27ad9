//! Avoid rules on replies of our own: blaming or disparaging the bot
//! (apologising for it included, CONTRACT 6.1) fires, a neutral mention
//! does not; two apologies fire, one does not, a negated one is none.

mod rules_support;

use rules_support::engine;

use handoff_coach::{CheckOptions, Context, Phase};

fn fired(reply: &str, rule: &str) -> Vec<String> {
    let ctx = Context {
        first_name: Some("Priya".into()),
        ..Context::default()
    };
    let mut out = Vec::new();
    for phase in [Phase::First, Phase::Resolution, Phase::Closing] {
        let opts = CheckOptions {
            phase,
            ..CheckOptions::default()
        };
        let units: Vec<u16> = reply.encode_utf16().collect();
        for f in engine()
            .check(&ctx, reply, &opts)
            .findings
            .into_iter()
            .filter(|f| f.rule == rule)
        {
            let words = String::from_utf16_lossy(&units[f.start.unwrap_or(0)..f.end.unwrap_or(0)]);
            if phase == Phase::First {
                out.push(words);
            }
        }
    }
    out
}

#[test]
fn blaming_the_bot_in_other_words() {
    for (reply, words) in [
        (
            "Apologies — the automated assistant clearly got it wrong.",
            "assistant clearly got it wrong",
        ),
        (
            "Our chat bot isn't very good with refunds, so here I am.",
            "bot isn't very good",
        ),
        (
            "The AI sent you round in circles, which isn't okay.",
            "AI sent you round in circles",
        ),
        (
            "I'm sorry our virtual assistant wasted your time.",
            "virtual assistant wasted your time",
        ),
        (
            "Unfortunately the bot failed to help with this one.",
            "bot failed to help",
        ),
        ("Sorry about the bot — let's fix this properly.", "bot"),
    ] {
        let got = fired(reply, "avoid.blame-ai");
        assert_eq!(got.len(), 1, "{reply}: {got:?}");
        assert!(
            got[0].contains(words),
            "{reply}: {got:?} should cover {words:?}"
        );
    }
}

#[test]
fn neutral_mentions_of_the_bot() {
    for reply in [
        "Our assistant passed your photos on, so I can see the damage.",
        "The bot logged your case as urgent, which helps.",
        "As you told our AI, the app crashes on start.",
        "Our assistant can't issue refunds, so it handed you to me.",
        "I can't help noticing the assistant flagged two charges.",
        "Your AI summary says the charge was on 2 May.",
        "Ai, thanks for waiting — I'm Tom.",
    ] {
        assert_eq!(
            fired(reply, "avoid.blame-ai"),
            Vec::<String>::new(),
            "{reply}"
        );
    }
}

#[test]
fn apologies_pile_up_from_two() {
    for reply in [
        "Sorry for the wait. Apologies again for the mix-up.",
        "I deeply apologise, and I'm sorry this happened.",
        "We regret the error and we're sorry you had to chase it.",
        "Sorry, sorry!",
    ] {
        let got = fired(reply, "avoid.over-apologize");
        assert_eq!(got.len(), 1, "{reply}: {got:?}");
    }
    for reply in [
        "I'm sorry this happened. Let me fix it now.",
        "No need to apologise for the photos — sorry it arrived broken.",
        "Don't be sorry, you did everything right.",
        "Thanks for your patience — I've sorted it.",
    ] {
        assert_eq!(
            fired(reply, "avoid.over-apologize"),
            Vec::<String>::new(),
            "{reply}"
        );
    }
}

#[test]
fn messages_speak_the_guides_words() {
    let ctx = Context::default();
    let report = engine().check(
        &ctx,
        "Sorry the bot couldn't help. So sorry again!",
        &CheckOptions::default(),
    );
    let blame = report
        .findings
        .iter()
        .find(|f| f.rule == "avoid.blame-ai")
        .expect("blame");
    assert!(blame
        .message
        .contains("Blaming AI undermines customer confidence in your company."));
    assert_eq!(
        blame.suggestion.as_deref(),
        Some("I'm glad you reached out, let's get this sorted.")
    );
    let sorry = report
        .findings
        .iter()
        .find(|f| f.rule == "avoid.over-apologize")
        .expect("apologies");
    assert!(sorry.message.contains("Action beats apology."));
    assert_eq!(
        sorry.suggestion.as_deref(),
        Some("I understand this is frustrating. Here's what I can do...")
    );
}

#[test]
fn more_ways_to_blame_the_bot() {
    for reply in [
        "Sorry, the bot isn't built for hotel changes.",
        "Our bot's not the sharpest, I'm afraid.",
        "The assistant made a mistake there.",
        "That's the bot's fault, not yours.",
        "Don't blame yourself, blame the bot.",
        "The AI misunderstood your request.",
    ] {
        assert_eq!(fired(reply, "avoid.blame-ai").len(), 1, "{reply}");
    }
    // Without an apology, what the bot is built for is a neutral fact.
    assert_eq!(
        fired(
            "The bot isn't built for hotel changes, so I'll take it.",
            "avoid.blame-ai"
        ),
        Vec::<String>::new()
    );
}
