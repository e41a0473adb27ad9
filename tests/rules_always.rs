//! The first message's checklist on replies of our own: each item's
//! paraphrases satisfy it and its near misses do not; empathy for an upset
//! customer; null where an item does not apply.

mod rules_support;

use rules_support::engine;

use handoff_coach::{CheckOptions, Context, Phase};

const CARD: &str = "Customer: Zoë Ní Bhriain\n\
Plan: Family (since 2021)\n\
Escalation reason: Double charge on renewal\n\
Sentiment: Furious\n\
Summary: Customer was billed $25.99 twice on 3 May for the Family plan renewal. Wants the extra charge refunded.";

fn item(ctx: &Context, reply: &str, id: &str, agent: Option<&str>) -> Option<bool> {
    let opts = CheckOptions {
        phase: Phase::First,
        agent: agent.map(String::from),
        ..CheckOptions::default()
    };
    let report = engine().check(ctx, reply, &opts);
    let value = report
        .checklist
        .get(id)
        .unwrap_or_else(|| panic!("{id} not in the first checklist"));
    // A missing item is also a finding without a span.
    let listed = report
        .findings
        .iter()
        .any(|f| f.rule == id && f.start.is_none());
    assert_eq!(listed, value == Some(false), "{id} in findings iff missing");
    value
}

fn all(id: &str, yes: &[&str], no: &[&str]) {
    let ctx = engine().read(CARD);
    for reply in yes {
        assert_eq!(
            item(&ctx, reply, id, None),
            Some(true),
            "{id} should hold: {reply}"
        );
    }
    for reply in no {
        assert_eq!(
            item(&ctx, reply, id, None),
            Some(false),
            "{id} should be missing: {reply}"
        );
    }
}

#[test]
fn use_name() {
    all(
        "always.use-name",
        &[
            "Hi Zoe!",
            "Hello ZOË,",
            "Hi Zoe\u{0308}, thanks",
            "Good morning Ms Ní Bhriain.",
            "Hi Zoë Ní Bhriain",
        ],
        &["Hi there!", "Hi Zoey!", "Hello, Bhriain team"],
    );
    let apostrophe = Context {
        customer_name: Some("Aoife O’Connor".into()),
        first_name: Some("Aoife".into()),
        ..Context::default()
    };
    assert_eq!(
        item(&apostrophe, "Dear Mrs. O'Connor,", "always.use-name", None),
        Some(true)
    );
    assert_eq!(
        item(&Context::default(), "Hi there!", "always.use-name", None),
        None,
        "no name known"
    );
}

#[test]
fn introduce_self() {
    all(
        "always.introduce-self",
        &[
            "I'm Kwame from billing.",
            "My name's Ines.",
            "Hi, this is Oskar with support.",
            "Marta here, taking over.",
            "You're talking to Dev from Returns.",
            "It's Lena from the payments team.",
            "I'm your billing specialist today.",
        ],
        &[
            "I'm glad you wrote in.",
            "I'm on it.",
            "This is Frustrating, I know.",
            "I'm Sure we can fix it.",
        ],
    );
    let ctx = engine().read(CARD);
    assert_eq!(
        item(
            &ctx,
            "hey, sam on the case",
            "always.introduce-self",
            Some("Sam")
        ),
        Some(true),
        "agent's name"
    );
}

#[test]
fn acknowledge_issue_by_words_synonyms_or_outcome() {
    all(
        "always.acknowledge-issue",
        &[
            "I see the renewal went through twice.",
            "You were charged two times, I know.",
            "I'll get that duplicate payment reversed.",
            "Let me get the extra $25.99 refunded.",
            "That double charge is on me to fix.",
        ],
        &[
            "How are you today?",
            "I'm Kwame from Billing.",
            "Let me look at your account.",
        ],
    );
    let none = Context {
        first_name: Some("Al".into()),
        ..Context::default()
    };
    assert_eq!(
        item(&none, "Hi Al", "always.acknowledge-issue", None),
        None,
        "no issue known"
    );
    let order = Context {
        order_numbers: vec!["#A-1001".into()],
        ..Context::default()
    };
    assert_eq!(
        item(
            &order,
            "I've got order a-1001 here.",
            "always.acknowledge-issue",
            None
        ),
        Some(true)
    );
}

#[test]
fn reference_context() {
    all(
        "always.reference-context",
        &[
            "I've caught up on your conversation with our assistant.",
            "From your chat, the renewal hit twice.",
            "Our assistant flagged the duplicate renewal for me.",
            "As you explained to the bot, it happened on 3 May.",
            "I can see the second charge on 3 May.",
            "Picking this up from where our assistant left off.",
        ],
        // Naming the issue alone is not a sign the chat was read (CONTRACT 6.9).
        &[
            "You were charged twice on 3 May.",
            "Send me a screenshot so I can see it.",
            "I haven't had time to read the chat yet.",
            "I'll see what I can do.",
        ],
    );
}

#[test]
fn state_action() {
    all(
        "always.state-action",
        &[
            "I'll reverse the extra charge.",
            "Let's get that refund moving.",
            "I'm going to raise this with billing.",
            "We're processing the refund as we speak.",
            "I will refund it today.",
        ],
        &[
            "Let me know if that's okay.",
            "I won't ask you to repeat anything.",
            "I'm happy to help.",
            "You'll get an email.",
            "I'll need your card's last four digits.",
        ],
    );
}

#[test]
fn set_timeline() {
    all(
        "always.set-timeline",
        &[
            "Give me a minute or two.",
            "This takes roughly 90 seconds.",
            "Back to you within the hour.",
            "Expect the refund by end of day.",
            "Hang on for a sec.",
            "I'll confirm by 5pm.",
            "Two minutes, tops!",
        ],
        &[
            "The renewal ran 20 minutes apart.",
            "You've waited 45 minutes already.",
            "I'll sort it ASAP.",
            "Working on it straight away.",
            "This is a 12-month plan.",
            "Sorry for the wait at the moment.",
        ],
    );
}

#[test]
fn empathy_for_an_upset_customer() {
    all(
        "tone.empathy-missing",
        &[
            "I completely get how infuriating a double charge is.",
            "That must be really frustrating.",
            "No wonder you're annoyed.",
            "This has been a real hassle, I know.",
        ],
        &[
            "I'm so sorry about this.",
            "Sorry for the frustration.",
            "I understand you were billed twice.",
        ],
    );
    let calm = Context {
        sentiment: Some("worried".into()),
        ..Context::default()
    };
    assert_eq!(
        item(&calm, "Hi", "tone.empathy-missing", None),
        None,
        "worried is not one of the six"
    );
}

#[test]
fn severities_follow_the_mode() {
    let ctx = engine().read(CARD);
    let severity = |mode: handoff_coach::Mode, id: &str| {
        let opts = CheckOptions {
            mode,
            ..CheckOptions::default()
        };
        let report = engine().check(&ctx, "Hi", &opts);
        report
            .findings
            .into_iter()
            .find(|f| f.rule == id)
            .map(|f| f.severity)
    };
    use handoff_coach::{Mode, Severity};
    assert_eq!(
        severity(Mode::Agent, "always.set-timeline"),
        Some(Severity::Hint)
    );
    assert_eq!(
        severity(Mode::Qa, "always.set-timeline"),
        Some(Severity::Warning)
    );
    assert_eq!(
        severity(Mode::Trainer, "always.set-timeline"),
        Some(Severity::Error)
    );
    assert_eq!(
        severity(Mode::Agent, "tone.empathy-missing"),
        Some(Severity::Warning)
    );
    assert_eq!(
        severity(Mode::Trainer, "tone.empathy-missing"),
        Some(Severity::Error)
    );
}

#[test]
fn missing_items_come_with_a_line_to_add() {
    let ctx = engine().read(CARD);
    let report = engine().check(
        &ctx,
        "ok",
        &CheckOptions {
            agent: Some("Kai".into()),
            ..CheckOptions::default()
        },
    );
    let suggestion = |id: &str| {
        report
            .findings
            .iter()
            .find(|f| f.rule == id)
            .and_then(|f| f.suggestion.clone())
            .unwrap_or_default()
    };
    assert_eq!(suggestion("always.use-name"), "Hi Zoë!");
    assert_eq!(suggestion("always.introduce-self"), "I'm Kai.");
    assert!(
        suggestion("always.acknowledge-issue").contains("twice on 3 May"),
        "{}",
        suggestion("always.acknowledge-issue")
    );
    assert!(suggestion("always.set-timeline").contains("2 minutes"));
    assert_eq!(
        suggestion("tone.empathy-missing"),
        "I understand this is frustrating."
    );
}

#[test]
fn more_paraphrases() {
    let ctx = engine().read(CARD);
    for (reply, id) in [
        ("I'll update you every 10 minutes.", "always.set-timeline"),
        ("Please allow 3-5 business days.", "always.set-timeline"),
        ("I'm on it!", "always.state-action"),
        ("Leave it with me.", "always.state-action"),
        ("Checking that for you now.", "always.state-action"),
        (
            "It looks like you were charged twice.",
            "always.reference-context",
        ),
        (
            "According to your chat, it renewed twice.",
            "always.reference-context",
        ),
        (
            "The notes say it renewed twice.",
            "always.reference-context",
        ),
        ("Ugh, that's so frustrating!", "tone.empathy-missing"),
        ("What a hassle for you.", "tone.empathy-missing"),
        ("I'd be furious too.", "tone.empathy-missing"),
    ] {
        assert_eq!(item(&ctx, reply, id, None), Some(true), "{id}: {reply}");
    }
    for (reply, id) in [
        ("Your stream drops every 10 minutes.", "always.set-timeline"),
        ("Regarding the renewal, it went out.", "always.state-action"),
    ] {
        assert_eq!(item(&ctx, reply, id, None), Some(false), "{id}: {reply}");
    }
}

#[test]
fn rich_text_spaces_are_spaces() {
    let ctx = engine().read(CARD);
    assert_eq!(
        item(
            &ctx,
            "Hi Zoë,\u{A0}I'm\u{A0}Kwame.",
            "always.introduce-self",
            None
        ),
        Some(true)
    );
    assert_eq!(
        item(
            &ctx,
            "Give\u{A0}me 2\u{A0}minutes.",
            "always.set-timeline",
            None
        ),
        Some(true)
    );
}

#[test]
fn replies_typed_all_in_lower_case_introduce_and_act_too() {
    all(
        "always.introduce-self",
        &[
            "hi zoe, sam here from support!! so sorry about this",
            "hey, ruth here 🎂 on it now",
            "zoe hi, its rory from billing. i see the double charge",
            "hi zoe im sam, checking the renewal now",
        ],
        &[
            "hi zoe, im new to this so bear with me",
            "hi zoe, still here?",
            "ok here we go, checking now",
        ],
    );
    all(
        "always.state-action",
        &[
            "hi zoe, ill refund the extra charge now",
            "zoe, im going to reverse the second charge",
        ],
        &[
            "I was ill last week, sorry for the slow reply.",
            "She fell ill and missed the renewal reminder.",
        ],
    );
}

#[test]
fn a_question_about_the_product_does_not_name_the_problem() {
    all(
        "always.acknowledge-issue",
        &[
            "Is the renewal charge showing twice on your statement?",
            "I see the double charge on your renewal. Which card was it?",
            "What's the best email to reach you at once the refund goes through?",
        ],
        &[
            "What plan are you on?",
            "Could you tell me more about the renewal?",
        ],
    );
}

#[test]
fn reading_the_chat_in_more_words() {
    all(
        "always.reference-context",
        &[
            "Looks like the assistant already logged the double charge.",
            "Our bot sent you the billing breakdown, I know.",
            "I've checked your chat history.",
            "I've looked at the conversation you had with our bot.",
        ],
        &[
            "The bot is offline today.",
            "Chat history is kept for 30 days.",
        ],
    );
}

#[test]
fn signatures_and_full_names_introduce_the_agent() {
    all(
        "always.introduce-self",
        &[
            "Dear Zoë,\n\nThe second charge is being reversed now.\n\nKind regards,\nDaniel Osei | Billing",
            "Zoë — reversing the second charge now. — Kasia, Billing team",
            "Zoë, this is Helena Ward from Billing.",
            "Zoë, Helena Ward here.",
            "Hi Zoë — Irina from card security here.",
        ],
        &[
            "Zoë — I'm reversing the second charge now.",
            "Kind regards,\nthe Billing team",
            "Thanks for waiting. See you soon.",
        ],
    );
}

#[test]
fn actions_in_the_passive_and_without_a_subject() {
    all(
        "always.state-action",
        &[
            "The second charge is being reversed now.",
            "zoe - on it. checking the renewal charges now",
            "Refund's going through now.",
            "I'm already on the phone to our payments team.",
            "Give me a couple of minutes to fix the renewal.",
            "I'm re-running the renewal now.",
        ],
        &[
            "The charge was taken twice on 3 May.",
            "Your statement shows both charges.",
        ],
    );
}

#[test]
fn timelines_as_days_dates_and_chat_shorthand() {
    all(
        "always.set-timeline",
        &[
            "I'll have the refund confirmed on Thursday.",
            "You'll get the date on Wednesday at the latest.",
            "I'll cancel the extra payment before 15 March.",
            "back in 5",
            "Give me two ticks.",
            "I'll sort it well before your appointment.",
        ],
        &[
            "The limit is back to 1,000/min.",
            "You were charged on Monday.",
            "Your renewal was on 3 May.",
        ],
    );
}
