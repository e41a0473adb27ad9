//! Never-ask rules on cards and replies of our own (not the corpus):
//! paraphrases fire, negations and quoted-back values do not, a question
//! for something the context does not hold does not, and where two rules
//! match the same words the more specific one stays.

mod rules_support;

use rules_support::engine;

use handoff_coach::{CheckOptions, Context, Finding, Phase};

const HOTEL: &str = "Guest: Ingrid Holm\n\
Email: ingrid.holm@example.no\n\
Booking reference: BK-55210\n\
Membership: Gold (since 2019)\n\
Phone: +47 912 34 567\n\
Reason: Room cancelled by the hotel without notice\n\
Sentiment: Angry\n\
Summary: The hotel cancelled Ingrid's room for 14 May two days before arrival. She wants a comparable room or a full refund.";

const GUEST: &str =
    "Visitor (not logged in) says a $9.99 charge from APPSTORE*FOTO appeared this morning. \
Bot could not find an account. Customer is irritated.";

fn check(ctx: &Context, reply: &str, phase: Phase) -> Vec<Finding> {
    let opts = CheckOptions {
        phase,
        ..CheckOptions::default()
    };
    engine().check(ctx, reply, &opts).findings
}

fn never_ask(ctx: &Context, reply: &str) -> Vec<(String, String)> {
    check(ctx, reply, Phase::First)
        .into_iter()
        .filter(|f| f.rule.starts_with("never-ask."))
        .map(|f| {
            let units: Vec<u16> = reply.encode_utf16().collect();
            let words = String::from_utf16_lossy(&units[f.start.unwrap_or(0)..f.end.unwrap_or(0)]);
            (f.rule, words)
        })
        .collect()
}

fn hotel() -> Context {
    engine().read(HOTEL)
}

#[test]
fn the_reader_holds_what_these_tests_rely_on() {
    let c = hotel();
    assert_eq!(c.order_numbers, vec!["BK-55210"]);
    assert_eq!(c.emails, vec!["ingrid.holm@example.no"]);
    assert_eq!(c.first_name.as_deref(), Some("Ingrid"));
}

#[test]
fn asking_for_the_held_booking_reference_fires_in_many_words() {
    let c = hotel();
    for reply in [
        "Could you send me your booking reference?",
        "What's the reservation number on your confirmation?",
        "Please share the booking number so I can look.",
        "I'll need your booking ref before I can do anything.",
        "Mind pasting the confirmation number here?",
        "Do you have your booking number handy?",
        "Which booking number is this about?",
    ] {
        let found = never_ask(&c, reply);
        assert_eq!(found.len(), 1, "{reply}: {found:?}");
        assert_eq!(found[0].0, "never-ask.order-number", "{reply}");
    }
}

#[test]
fn quoting_negating_or_planning_around_the_reference_does_not() {
    let c = hotel();
    for reply in [
        "I have your booking BK-55210 open — is that the stay on 14 May?",
        "No need to find your booking number, I already have it.",
        "You won't have to send the booking reference again.",
        "I need to check booking number BK-55210 with the hotel first.",
        "I'll look up the booking number against the hotel's records.",
        "The booking reference is on its way to the hotel now.",
    ] {
        assert_eq!(never_ask(&c, reply), vec![], "{reply}");
    }
}

#[test]
fn a_reference_the_context_does_not_hold_may_be_asked_for() {
    let c = engine().read(GUEST);
    assert!(c.order_numbers.is_empty());
    for reply in [
        "Do you have an order number from the receipt email?",
        "What email did you use to sign up, if any?",
        "Could you tell me your name so I can search?",
    ] {
        assert_eq!(never_ask(&c, reply), vec![], "{reply}");
    }
}

#[test]
fn known_details_fire_each_on_its_own_words() {
    let c = hotel();
    let found = never_ask(
        &c,
        "Can you confirm your email and the phone number on the booking?",
    );
    assert_eq!(
        found,
        vec![
            (
                "never-ask.known-detail".to_string(),
                "Can you confirm your email".to_string()
            ),
            (
                "never-ask.known-detail".to_string(),
                "phone number".to_string()
            ),
        ]
    );
    let found = never_ask(&c, "Who am I chatting with today?");
    assert_eq!(found.len(), 1, "{found:?}");
    let found = never_ask(&c, "Which membership tier are you on?");
    assert_eq!(found.len(), 1, "{found:?}");
    // An email address for something else, or the inbox, is not the detail.
    assert_eq!(
        never_ask(&c, "Can you check your email for the new voucher?"),
        vec![]
    );
    assert_eq!(
        never_ask(&c, "What's the name of the hotel you'd prefer instead?"),
        vec![]
    );
}

#[test]
fn explaining_again_in_other_words() {
    let c = hotel();
    for reply in [
        "Can you describe what happened with the room?",
        "Would you mind going over the cancellation once more?",
        "Please fill me in on the whole situation.",
        "Tell me again what the hotel said.",
        "Could you give me a quick rundown of the problem?",
        "What exactly happened?",
    ] {
        let found = never_ask(&c, reply);
        assert_eq!(found.len(), 1, "{reply}: {found:?}");
        assert_eq!(found[0].0, "never-ask.explain-again", "{reply}");
    }
    for reply in [
        "I'm not going to make you go over it again.",
        "Let me explain what I can do next.",
        "Could you describe the room you'd like instead now?",
        "I'll walk you through the refund steps.",
        "Tell me which dates work for a new room.",
    ] {
        assert_eq!(never_ask(&c, reply), vec![], "{reply}");
    }
}

#[test]
fn generic_openers_and_their_look_alikes() {
    let c = hotel();
    for reply in [
        "Hello! How may we help?",
        "Hi Ingrid, what can I help you with?",
        "What seems to be the trouble?",
        "So, what's going on?",
        "What are you reaching out about today?",
        "Hey! Is there anything I can help you with?",
    ] {
        let found = never_ask(&c, reply);
        assert_eq!(found.len(), 1, "{reply}: {found:?}");
        assert_eq!(found[0].0, "never-ask.generic-opener", "{reply}");
    }
    for reply in [
        "Is there anything else I can help with?",
        "How else can I help today?",
        "I know what the problem is: the hotel overbooked.",
        "Here's what's going on with your booking.",
    ] {
        assert_eq!(never_ask(&c, reply), vec![], "{reply}");
    }
    // Later in the conversation "anything I can help with" means "anything else".
    let closing = check(&c, "Is there anything I can help you with?", Phase::Closing);
    assert!(!closing.iter().any(|f| f.rule == "never-ask.generic-opener"));
}

#[test]
fn one_finding_per_span_the_more_specific_rule_wins() {
    let c = hotel();
    // (Not "tell me what happened with the booking number": that asks
    // about the booking, not for its number.)
    let found = never_ask(&c, "Can you tell me the booking number again?");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "never-ask.order-number");
    let found = never_ask(&c, "Could you walk me through what's wrong again?");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "never-ask.explain-again");
}

#[test]
fn never_ask_applies_in_every_phase() {
    let c = hotel();
    for phase in [Phase::Resolution, Phase::Closing] {
        let found = check(&c, "Before I finish: what's your booking number?", phase);
        assert!(
            found.iter().any(|f| f.rule == "never-ask.order-number"),
            "{phase:?}"
        );
    }
}

#[test]
fn suggestions_use_what_the_context_holds() {
    let c = hotel();
    let findings = check(
        &c,
        "What's your booking number? And which email should I use?",
        Phase::First,
    );
    let order = findings
        .iter()
        .find(|f| f.rule == "never-ask.order-number")
        .expect("order finding");
    assert_eq!(
        order.suggestion.as_deref(),
        Some("I see your order is #BK-55210, let me check on that.")
    );
    assert!(order
        .message
        .contains("AI already collected this info. Use it."));
    let email = findings
        .iter()
        .find(|f| f.rule == "never-ask.known-detail")
        .expect("email finding");
    assert!(email
        .suggestion
        .as_deref()
        .unwrap_or("")
        .contains("ingrid.holm@example.no"));
    let opener = check(&c, "How can I help you today?", Phase::First);
    let opener = opener
        .iter()
        .find(|f| f.rule == "never-ask.generic-opener")
        .expect("opener");
    assert!(opener
        .message
        .contains("Customer already explained to AI. Asking again signals you didn't read."));
    let suggestion = opener.suggestion.as_deref().unwrap_or("");
    assert!(
        suggestion.contains("cancelled your room for 14 May"),
        "{suggestion}"
    );
}

#[test]
fn bare_and_roundabout_requests() {
    let c = hotel();
    for (reply, rule) in [
        ("Booking number?", "never-ask.order-number"),
        ("Booking reference, please.", "never-ask.order-number"),
        ("And your email?", "never-ask.known-detail"),
        (
            "Would you be able to share your booking reference?",
            "never-ask.order-number",
        ),
        (
            "Are you able to send me the booking number?",
            "never-ask.order-number",
        ),
        ("What should I call you?", "never-ask.known-detail"),
        (
            "Mind explaining what went wrong?",
            "never-ask.explain-again",
        ),
        (
            "Can you remind me what the issue was?",
            "never-ask.explain-again",
        ),
    ] {
        let found = never_ask(&c, reply);
        assert_eq!(found.len(), 1, "{reply}: {found:?}");
        assert_eq!(found[0].0, rule, "{reply}");
    }
    for reply in [
        "Booking BK-55210?",
        "Email sent, please check.",
        "Is the booking number right now?",
    ] {
        assert_eq!(never_ask(&c, reply), vec![], "{reply}");
    }
}

#[test]
fn a_message_or_a_new_choice_is_not_the_known_detail() {
    let c = hotel();
    for reply in [
        "Can you confirm you received the email with the voucher?",
        "Did you get the email I just sent?",
        "Which membership tier would you like to switch to?",
        "What name would you like on the new booking?",
        "Can you describe the room you'd like instead?",
    ] {
        assert_eq!(never_ask(&c, reply), vec![], "{reply}");
    }
    for reply in [
        "Could you check the booking number on your receipt?",
        "What email should the voucher go to?",
    ] {
        assert_eq!(never_ask(&c, reply).len(), 1, "{reply}");
    }
}

#[test]
fn rich_text_spaces_are_spaces() {
    // Editors put NBSPs and narrow spaces between words.
    let c = hotel();
    assert_eq!(never_ask(&c, "What's your booking\u{A0}number?").len(), 1);
    assert_eq!(never_ask(&c, "How\u{A0}can\u{202F}I help?").len(), 1);
}

#[test]
fn which_order_without_a_number_and_other_words_for_a_phone() {
    let c = hotel();
    for reply in [
        "What booking was this regarding?",
        "Hi Ingrid, which reservation is it?",
    ] {
        let found = never_ask(&c, reply);
        assert_eq!(found.len(), 1, "{reply}: {found:?}");
        assert_eq!(found[0].0, "never-ask.order-number", "{reply}");
    }
    // A new choice, or a booking the card does not hold, is fine.
    assert_eq!(
        never_ask(&c, "Which booking would you like to move to next week?"),
        vec![]
    );
    assert_eq!(
        never_ask(&engine().read(GUEST), "What order was this?"),
        vec![]
    );
    for reply in [
        "Can I take a contact number in case we get cut off?",
        "What's the best number to reach you on?",
        "Could I grab your mobile?",
    ] {
        let found = never_ask(&c, reply);
        assert_eq!(found.len(), 1, "{reply}: {found:?}");
        assert_eq!(found[0].0, "never-ask.known-detail", "{reply}");
    }
}
