//! The closing's checklist, the resolution phase's empty one, and the
//! signals the audit reads from later messages (narration, confirming the
//! fix, breeziness), on replies of our own.

mod rules_support;

use rules_support::engine;

use handoff_coach::rules::{Rules, Signals};
use handoff_coach::{CheckOptions, Context, Pack, Phase};

fn closing(reply: &str) -> Vec<(String, Option<bool>)> {
    let ctx = Context {
        first_name: Some("Ana".into()),
        ..Context::default()
    };
    let opts = CheckOptions {
        phase: Phase::Closing,
        ..CheckOptions::default()
    };
    engine().check(&ctx, reply, &opts).checklist.0
}

fn value(reply: &str, id: &str) -> Option<bool> {
    closing(reply)
        .into_iter()
        .find(|(k, _)| k == id)
        .and_then(|(_, v)| v)
}

#[test]
fn the_closing_checklist_has_its_four_items_only() {
    let ids: Vec<String> = closing("Bye").into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        ids,
        vec![
            "close.summarize",
            "close.next-steps",
            "close.anything-else",
            "close.thank"
        ]
    );
    let opts = CheckOptions {
        phase: Phase::Resolution,
        ..CheckOptions::default()
    };
    let report = engine().check(
        &Context::default(),
        "Still checking with the carrier.",
        &opts,
    );
    assert!(report.checklist.0.is_empty(), "resolution has no checklist");
    assert_eq!(report.score, 1.0);
}

#[test]
fn summaries_say_what_was_done() {
    for reply in [
        "We've credited $12 back to your card.",
        "Your subscription was reinstated this morning.",
        "The duplicate payment has now been reversed.",
        "I've set up the exchange at the old price.",
    ] {
        assert_eq!(value(reply, "close.summarize"), Some(true), "{reply}");
    }
    for reply in [
        "All good now!",
        "Glad we got there.",
        "You were billed twice, I know.",
        "It will be refunded tomorrow.",
    ] {
        assert_eq!(value(reply, "close.summarize"), Some(false), "{reply}");
    }
}

#[test]
fn next_steps_look_ahead() {
    for reply in [
        "The refund should land in 3-5 working days.",
        "Once the courier scans it, you'll get a tracking email.",
        "From now on renewals use your new card.",
        "You can keep the old charger.",
    ] {
        assert_eq!(value(reply, "close.next-steps"), Some(true), "{reply}");
    }
    for reply in [
        "That should be all!",
        "Have a lovely evening.",
        "Can I help with anything else?",
    ] {
        assert_eq!(value(reply, "close.next-steps"), Some(false), "{reply}");
    }
}

#[test]
fn anything_else_asks_or_invites() {
    for reply in [
        "Anything more I can do for you?",
        "Let me know if there's anything else.",
        "Don't hesitate to get back to us.",
        "Any other questions, just shout.",
    ] {
        assert_eq!(value(reply, "close.anything-else"), Some(true), "{reply}");
    }
    for reply in [
        "Nothing else will be charged.",
        "Enjoy the rest of your day!",
    ] {
        assert_eq!(value(reply, "close.anything-else"), Some(false), "{reply}");
    }
}

#[test]
fn thanks_to_the_customer_only() {
    for reply in [
        "Many thanks for bearing with me!",
        "Thank you, Ana.",
        "I really appreciate your patience.",
    ] {
        assert_eq!(value(reply, "close.thank"), Some(true), "{reply}");
    }
    for reply in [
        "It arrived thanks to our courier partner.",
        "No thanks needed!",
        "Take care.",
    ] {
        assert_eq!(value(reply, "close.thank"), Some(false), "{reply}");
    }
}

fn signals(reply: &str) -> Signals {
    let rules = Rules::new(&Pack::default());
    let ctx = Context {
        first_name: Some("Ana".into()),
        order_numbers: vec!["88-1202".into()],
        ..Context::default()
    };
    rules.signals(&ctx, reply, &CheckOptions::default())
}

#[test]
fn signals_the_audit_reads() {
    assert!(signals("I'm going through your invoices now.").narrates_action);
    assert!(signals("Still on the phone with the courier.").narrates_action);
    assert!(signals("I've pushed the fix to your account.").narrates_action);
    assert!(!signals("The issue has been resolved.").narrates_action);
    assert!(signals("Can you confirm it works on your side?").confirms_resolution);
    assert!(signals("Is everything working again?").confirms_resolution);
    assert!(!signals("Everything is working again.").confirms_resolution);
    for ask in [
        "Is that all sorted for you now?",
        "Did that do the trick?",
        "Are you able to log in now?",
        "Could you try again and let me know?",
        "Does everything look right on your side?",
    ] {
        assert!(signals(ask).confirms_resolution, "{ask}");
    }
    assert!(
        !signals("Does that sound good?").confirms_resolution,
        "agreeing to a plan is not checking a fix"
    );
    assert!(signals("lol whoops 😅 fixed").casual_tone);
    assert!(!signals("Fixed — thanks for your patience!").casual_tone);
    let s = signals("Order 88-1202 is back in stock, Ana.");
    assert!(s.mentions_order_number && s.uses_name && s.acknowledges_issue);
}

#[test]
fn closings_in_more_words() {
    for (reply, id) in [
        (
            "SSO is back on and all 120 users have signed in.",
            "close.summarize",
        ),
        (
            "The clinic has added a note to your file.",
            "close.summarize",
        ),
        (
            "Check-in opens three hours before departure.",
            "close.next-steps",
        ),
        (
            "The bundle comes back after the 02:00 restart.",
            "close.next-steps",
        ),
        ("How can I help further?", "close.anything-else"),
        ("Ta for waiting!", "close.thank"),
    ] {
        assert_eq!(value(reply, id), Some(true), "{id}: {reply}");
    }
    for (reply, id) in [
        (
            "The store opens tomorrow, but I couldn't reach them.",
            "close.summarize",
        ),
        ("Ta-da, nothing to report.", "close.thank"),
    ] {
        assert_eq!(value(reply, id), Some(false), "{id}: {reply}");
    }
}
