//! The card reader against the labelled corpus (`../shared/corpus/`): every
//! `expect` field of every card, and the context of conv04 built from its
//! card and its customer's messages.
//!
//! The corpus labels only what is certain, so every listed field must match
//! exactly: lists in order of first appearance, `null` where a field is
//! certainly unknown. All mismatches are reported together, with the count.

use handoff_coach::context::Reader;
use handoff_coach::Context;
use serde_json::Value;

fn corpus(file: &str) -> Vec<Value> {
    let path = format!("{}/../shared/corpus/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line"))
        .collect()
}

/// Compares every field of `expect` with `ctx`; returns (matched, total,
/// mismatch descriptions).
fn compare(id: &str, ctx: &Context, expect: &Value) -> (usize, usize, Vec<String>) {
    let got = serde_json::to_value(ctx).expect("context serializes");
    let mut matched = 0;
    let mut misses = Vec::new();
    let fields = expect.as_object().expect("expect is an object");
    for (field, want) in fields {
        let have = got.get(field).unwrap_or(&Value::Null);
        if have == want {
            matched += 1;
        } else {
            misses.push(format!("{id}.{field}: want {want}, got {have}"));
        }
    }
    (matched, fields.len(), misses)
}

#[test]
fn every_card_field_the_corpus_labels() {
    let reader = Reader::new();
    let (mut matched, mut total, mut misses) = (0, 0, Vec::new());
    for card in corpus("cards.jsonl") {
        let id = card["id"].as_str().expect("id");
        let ctx = reader.read(card["card"].as_str().expect("card"));
        let (m, t, mut x) = compare(id, &ctx, &card["expect"]);
        matched += m;
        total += t;
        misses.append(&mut x);
    }
    println!("corpus context accuracy: {matched}/{total} expect fields");
    assert!(total >= 250, "the corpus has its labels ({total})");
    assert!(
        misses.is_empty(),
        "{matched}/{total} fields match; mismatches:\n{}",
        misses.join("\n")
    );
}

#[test]
fn conversation_context_learned_from_customer_messages() {
    let reader = Reader::new();
    let mut checked = 0;
    for conv in corpus("conversations.jsonl") {
        let Some(expect) = conv["expect"].get("context") else {
            continue;
        };
        let mut ctx = reader.read(conv["summary"].as_str().unwrap_or(""));
        for m in conv["messages"].as_array().expect("messages") {
            if m["role"] == "customer" {
                reader.learn(&mut ctx, m["text"].as_str().unwrap_or(""));
            }
        }
        let id = conv["id"].as_str().expect("id");
        let (_, _, misses) = compare(id, &ctx, expect);
        assert!(misses.is_empty(), "{}", misses.join("\n"));
        checked += 1;
    }
    assert!(checked >= 1, "conv04 carries an expected context");
}

#[test]
fn conv04_order_is_unknown_until_the_customer_gives_it() {
    // CONTRACT 6.4: the audit learns message by message, so what the card
    // lacks is unknown before the customer's message that reveals it.
    let reader = Reader::new();
    let conv = corpus("conversations.jsonl")
        .into_iter()
        .find(|c| c["id"] == "conv04")
        .expect("conv04");
    let mut ctx = reader.read(conv["summary"].as_str().expect("summary"));
    assert!(ctx.order_numbers.is_empty());
    reader.learn(
        &mut ctx,
        conv["messages"][0]["text"].as_str().expect("text"),
    );
    assert_eq!(ctx.order_numbers, vec!["100235"]);
    reader.learn(&mut ctx, "I already gave it to the bot. 100235.");
    assert_eq!(ctx.order_numbers, vec!["100235"], "no duplicates");
}

#[test]
fn conv13_name_and_email_are_learned_from_the_answer() {
    let reader = Reader::new();
    let conv = corpus("conversations.jsonl")
        .into_iter()
        .find(|c| c["id"] == "conv13")
        .expect("conv13");
    let mut ctx = reader.read(conv["summary"].as_str().expect("summary"));
    assert_eq!(ctx.customer_name, None);
    assert!(ctx.emails.is_empty());
    for m in conv["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .take(4)
    {
        if m["role"] == "customer" {
            reader.learn(&mut ctx, m["text"].as_str().unwrap_or(""));
        }
    }
    assert_eq!(
        ctx.customer_name, None,
        "nothing named before the agent asked"
    );
    reader.learn(
        &mut ctx,
        conv["messages"][5]["text"].as_str().expect("answer"),
    );
    assert_eq!(ctx.customer_name.as_deref(), Some("Dana Whitfield"));
    assert_eq!(ctx.first_name.as_deref(), Some("Dana"));
    assert_eq!(ctx.emails, vec!["dana.w@example.com"]);
}

#[test]
fn conv05_dates_and_prices_are_not_learned_as_orders() {
    // "I cancelled on the 28th", "$17.99": what a customer says about when
    // and how much is not an order number (it would count as a known field
    // the agent never used).
    let reader = Reader::new();
    let conv = corpus("conversations.jsonl")
        .into_iter()
        .find(|c| c["id"] == "conv05")
        .expect("conv05");
    let mut ctx = reader.read(conv["summary"].as_str().expect("summary"));
    for m in conv["messages"].as_array().expect("messages") {
        if m["role"] == "customer" {
            reader.learn(&mut ctx, m["text"].as_str().unwrap_or(""));
        }
    }
    assert!(ctx.order_numbers.is_empty(), "{:?}", ctx.order_numbers);
}
