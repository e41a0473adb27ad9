//! Grading a trainee's reading of an escalation card against the engine's
//! (the guide's Exercise 1, "Context Speed Reading": name and tier, core
//! issue, what the AI tried, sentiment).
//!
//! The comparison is fair to a person typing against a clock: case,
//! diacritics, apostrophes and punctuation do not count ("zoe" is "Zoë"),
//! and free-text answers earn partial credit by the words they share with
//! the card. The issue is compared as the rules compare a reply with the
//! issue (content-word stems and concepts, so "charges" meets "charged" and
//! "refunded" meets "money back"); the tier and the bot's attempts, short
//! labels made of exactly the words the rules' issue matching leaves out
//! ("FAQ", "plan", "offered help"), by their plain words, a word meeting its
//! longer forms ("offer", "offered"). A field the card does not hold is not
//! graded, so an answer is never marked wrong against nothing.

use serde::{Deserialize, Serialize};

use crate::rules::{content_words, needs_empathy};
use crate::text::fold;
use crate::Context;

/// What the trainee wrote for each field; any may be left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Reading {
    /// The customer's name.
    pub name: String,
    /// Their plan, tier or tenure.
    pub tier: String,
    /// The core issue, in a few words.
    pub issue: String,
    /// What the bot already tried.
    pub ai_tried: String,
    /// How the customer feels.
    pub sentiment: String,
}

/// One field's grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldGrade {
    /// `name`, `tier`, `issue`, `ai_tried` or `sentiment`.
    pub field: &'static str,
    /// What the card says, as the engine read it; `None` when it says nothing.
    pub expected: Option<String>,
    /// What the trainee wrote.
    pub given: String,
    /// 0..1, or `None` when the card holds nothing to grade against.
    pub score: Option<f64>,
}

/// The grade of one reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadingGrade {
    /// Each field, in the order of [`Reading`].
    pub fields: Vec<FieldGrade>,
    /// Mean of the graded fields (1.0 when none could be graded), rounded to
    /// 2 decimals.
    pub score: f64,
}

/// How many of the issue's words an answer must name for full credit: "one
/// short line: the core problem" is a few words, not the whole summary.
const ISSUE_WORDS: usize = 3;

/// Grades `answers` against `ctx` (the card as the engine read it).
pub fn grade_reading(ctx: &Context, answers: &Reading) -> ReadingGrade {
    let name = ctx.customer_name.clone().or_else(|| ctx.first_name.clone());
    let tier = ctx
        .account
        .clone()
        .or_else(|| ctx.vip.then(|| "VIP".to_string()));
    let issue = ctx
        .issue
        .clone()
        .or_else(|| ctx.escalation_reason.clone())
        .or_else(|| ctx.summary.clone());
    let tried = (!ctx.ai_tried.is_empty()).then(|| ctx.ai_tried.join("; "));
    let fields = vec![
        grade("name", name, &answers.name, |e, g| name_score(ctx, e, g)),
        grade("tier", tier, &answers.tier, |e, g| {
            let expected = label_words(e);
            shared_words(&expected, &label_words(g), expected.len().min(2))
        }),
        grade("issue", issue, &answers.issue, |_, g| issue_score(ctx, g)),
        grade("ai_tried", tried, &answers.ai_tried, |_, g| {
            tried_score(&ctx.ai_tried, g)
        }),
        grade(
            "sentiment",
            ctx.sentiment.clone(),
            &answers.sentiment,
            sentiment_score,
        ),
    ];
    let graded: Vec<f64> = fields.iter().filter_map(|f| f.score).collect();
    let score = if graded.is_empty() {
        1.0
    } else {
        graded.iter().sum::<f64>() / graded.len() as f64
    };
    ReadingGrade {
        fields,
        score: round2(score),
    }
}

fn grade(
    field: &'static str,
    expected: Option<String>,
    given: &str,
    score: impl Fn(&str, &str) -> f64,
) -> FieldGrade {
    let expected = expected.filter(|e| !e.trim().is_empty());
    let score = expected.as_deref().map(|e| {
        if same_text(e, given) {
            1.0
        } else if plain(given).is_empty() {
            0.0
        } else {
            round2(score(e, given).clamp(0.0, 1.0))
        }
    });
    FieldGrade {
        field,
        expected,
        given: given.trim().to_string(),
        score,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `s` folded (case, diacritics, apostrophes) with punctuation made space:
/// what a person means by "the same words".
fn plain(s: &str) -> String {
    fold(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two answers say the same thing, up to case, diacritics and
/// punctuation.
pub fn same_text(a: &str, b: &str) -> bool {
    let a = plain(a);
    !a.is_empty() && a == plain(b)
}

/// The content words (stems) of `s`, folded first so diacritics do not
/// split a word.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    content_words(&plain(s), |_, w| out.push(w.to_string()));
    out.sort_unstable();
    out.dedup();
    out
}

/// Words too common to say that two labels are about the same thing.
const FUNCTION_WORDS: &[&str] = &[
    "and", "are", "but", "for", "from", "had", "has", "have", "her", "his", "its", "not", "our",
    "she", "that", "the", "their", "them", "they", "this", "was", "were", "with", "you", "your",
];

/// The words of a short label ("Pro Plan (2 years)", "provided billing
/// FAQ"): folded, three letters or more, function words left out.
fn label_words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = plain(s)
        .split(' ')
        .filter(|w| w.chars().count() >= 3 && !FUNCTION_WORDS.contains(w))
        .map(String::from)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether two words are one: equal, or one the other's longer form
/// ("offer", "offered") once both have four letters or more.
fn meet(a: &str, b: &str) -> bool {
    a == b || (a.len().min(b.len()) >= 4 && (a.starts_with(b) || b.starts_with(a)))
}

/// Partial credit for `given` against `expected` (words or stems): an
/// F-score of precision (how much of the answer is on the card) and recall
/// against `needed` words (full credit once that many are named).
fn shared_words(expected: &[String], given: &[String], needed: usize) -> f64 {
    if expected.is_empty() || given.is_empty() || needed == 0 {
        return 0.0;
    }
    let matched = given
        .iter()
        .filter(|g| expected.iter().any(|e| meet(e, g)))
        .count();
    if matched == 0 {
        return 0.0;
    }
    let recall = (matched as f64 / needed as f64).min(1.0);
    let precision = matched as f64 / given.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

/// The first name, the full name, or a part of it (the surname alone earns
/// half): what an agent would greet with.
fn name_score(ctx: &Context, expected: &str, given: &str) -> f64 {
    if ctx
        .first_name
        .as_deref()
        .is_some_and(|f| same_text(f, given))
    {
        return 1.0;
    }
    let parts: Vec<String> = plain(expected).split(' ').map(String::from).collect();
    let given = plain(given);
    let shared = given
        .split(' ')
        .filter(|g| parts.iter().any(|p| p == g))
        .count();
    if shared == 0 {
        0.0
    } else {
        (shared as f64 / parts.len().max(1) as f64).max(0.5)
    }
}

/// The issue: its own words if the card labels one, else those of the
/// escalation reason and the summary; any of the issue's words (outcome
/// included) counts as on the card.
fn issue_score(ctx: &Context, given: &str) -> f64 {
    let primary = [&ctx.issue, &ctx.escalation_reason, &ctx.summary]
        .into_iter()
        .flatten()
        .map(|s| words(s))
        .find(|w| !w.is_empty())
        .unwrap_or_default();
    let mut all = primary.clone();
    for field in [
        &ctx.issue,
        &ctx.escalation_reason,
        &ctx.summary,
        &ctx.requested_outcome,
    ]
    .into_iter()
    .flatten()
    {
        all.extend(words(field));
    }
    all.sort_unstable();
    all.dedup();
    let given = words(given);
    let needed = primary.len().clamp(1, ISSUE_WORDS);
    shared_words(&all, &given, needed)
}

/// What the bot tried: the share of its attempts the answer names (by a
/// shared word each).
fn tried_score(tried: &[String], given: &str) -> f64 {
    let given = label_words(given);
    let named = tried
        .iter()
        .filter(|t| {
            label_words(t)
                .iter()
                .any(|w| given.iter().any(|g| meet(w, g)))
        })
        .count();
    named as f64 / tried.len().max(1) as f64
}

/// The sentiment: the same word, or half for the same kind of feeling (both
/// upset, as the tone rule groups them, or both not).
fn sentiment_score(expected: &str, given: &str) -> f64 {
    if needs_empathy(Some(expected)) == needs_empathy(Some(given)) {
        0.5
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    const GUIDE_CARD: &str = include_str!("../tests/data/guide-card.txt");

    fn reading(name: &str, tier: &str, issue: &str, tried: &str, sentiment: &str) -> Reading {
        Reading {
            name: name.into(),
            tier: tier.into(),
            issue: issue.into(),
            ai_tried: tried.into(),
            sentiment: sentiment.into(),
        }
    }

    fn field(g: &ReadingGrade, name: &str) -> Option<f64> {
        g.fields.iter().find(|f| f.field == name).unwrap().score
    }

    #[test]
    fn a_perfect_reading_of_the_guide_card_scores_full_marks() {
        let ctx = Engine::default().read(GUIDE_CARD);
        let g = grade_reading(
            &ctx,
            &reading(
                "sarah chen",
                "PRO plan, 2 years",
                "Charged twice for March",
                "billing FAQ, offered help",
                "FRUSTRATED",
            ),
        );
        for f in &g.fields {
            assert_eq!(f.score, Some(1.0), "{f:?}");
        }
        assert_eq!(g.score, 1.0);
    }

    #[test]
    fn partial_answers_earn_partial_credit() {
        let ctx = Engine::default().read(GUIDE_CARD);
        let g = grade_reading(
            &ctx,
            &reading("Chen", "Pro", "billing problem", "FAQ", "angry"),
        );
        assert_eq!(field(&g, "name"), Some(0.5), "the surname alone");
        let tier = field(&g, "tier").unwrap();
        assert!(tier > 0.5 && tier < 1.0, "{tier}");
        let issue = field(&g, "issue").unwrap();
        assert!(issue > 0.0 && issue < 1.0, "{issue}");
        assert_eq!(field(&g, "ai_tried"), Some(0.5), "one of two attempts");
        assert_eq!(
            field(&g, "sentiment"),
            Some(0.5),
            "upset, not the same word"
        );
        assert!(g.score > 0.3 && g.score < 0.8, "{}", g.score);
    }

    #[test]
    fn wrong_and_empty_answers_score_nothing() {
        let ctx = Engine::default().read(GUIDE_CARD);
        let g = grade_reading(
            &ctx,
            &reading("Marcus", "", "password reset", "nothing", "calm"),
        );
        for name in ["name", "tier", "issue", "ai_tried", "sentiment"] {
            assert_eq!(field(&g, name), Some(0.0), "{name}");
        }
        assert_eq!(g.score, 0.0);
    }

    #[test]
    fn diacritics_case_and_punctuation_do_not_count() {
        let ctx = Engine::default().read("Customer: Zoë O’Brien\nSentiment: Angry");
        let g = grade_reading(&ctx, &reading("zoe o'brien", "", "", "", "angry!"));
        assert_eq!(field(&g, "name"), Some(1.0));
        assert_eq!(field(&g, "sentiment"), Some(1.0));
        let g = grade_reading(&ctx, &reading("ZOE", "", "", "", ""));
        assert_eq!(
            field(&g, "name"),
            Some(1.0),
            "the first name is what an agent greets with"
        );
    }

    #[test]
    fn what_the_card_does_not_say_is_not_graded() {
        let ctx = Engine::default().read("Customer: Mei Wu");
        let g = grade_reading(&ctx, &reading("Mei", "gold", "", "", ""));
        assert_eq!(field(&g, "tier"), None);
        assert_eq!(field(&g, "ai_tried"), None);
        assert_eq!(field(&g, "sentiment"), None);
        assert_eq!(g.score, 1.0, "only the name is graded");
        let g = grade_reading(&Context::default(), &Reading::default());
        assert_eq!(g.score, 1.0);
        assert!(g.fields.iter().all(|f| f.score.is_none()));
    }

    #[test]
    fn an_answer_that_dumps_the_whole_card_is_not_a_short_issue() {
        let ctx = Engine::default().read(GUIDE_CARD);
        let dump =
            "customer sarah chen account pro plan complex billing issue charged twice march \
                    full refund standard refund policy frustrated priority high human";
        let short = grade_reading(&ctx, &reading("", "", "charged twice for March", "", ""));
        let long = grade_reading(&ctx, &reading("", "", dump, "", ""));
        assert!(field(&long, "issue") < field(&short, "issue"));
    }
}
