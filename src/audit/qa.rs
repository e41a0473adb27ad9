//! The QA checklist of one conversation and its score (CONTRACT §2, §3,
//! §6.12), derived from the judged agent messages ([`Turn`]s) alone.
//!
//! Each item is `Some(true)`, `Some(false)`, or `None` where the
//! conversation cannot tell. With no agent message every item is `None`.

use crate::pack::QaWeights;
use crate::rules::{Checklist, QA_ITEMS};

use super::Turn;

/// What the QA items need to know about a conversation beyond its turns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    /// The conversation knows the customer's name (by its end).
    pub name_known: bool,
    /// There was a bot conversation or a card to read.
    pub chat_to_read: bool,
    /// The customer was frustrated or angry when the first agent message was
    /// written (CONTRACT §6.6).
    pub upset: bool,
}

/// The `qa.*` items, in [`QA_ITEMS`] order, keyed by full id.
pub fn items(turns: &[Turn], facts: &Facts) -> Checklist {
    let any = |f: fn(&Turn) -> bool| turns.iter().any(f);
    let value = |id: &str| -> Option<bool> {
        if turns.is_empty() {
            return None;
        }
        match id {
            "qa.used-name" => facts.name_known.then(|| any(|t| t.signals.uses_name)),
            "qa.referenced-ai" => facts
                .chat_to_read
                .then(|| any(|t| t.signals.references_context)),
            "qa.no-repeat-questions" => Some(turns.iter().all(|t| t.repeat_questions() == 0)),
            "qa.set-expectations" => Some(any(|t| t.signals.sets_timeline)),
            "qa.narrated-actions" => Some(any(|t| {
                t.signals.states_action || t.signals.narrates_action
            })),
            // Checking with the customer is what counts; an agent who only
            // states the fix did not confirm it, and a conversation where no
            // fix is stated at all cannot tell.
            "qa.confirmed-resolution" => {
                if any(|t| t.signals.confirms_resolution) {
                    Some(true)
                } else if any(|t| t.signals.summarizes) {
                    Some(false)
                } else {
                    None
                }
            }
            "qa.tone-matched" => {
                let breezy = any(|t| t.signals.casual_tone);
                let acknowledged = turns.first().is_some_and(|t| t.signals.shows_empathy);
                Some(!breezy && (acknowledged || !facts.upset))
            }
            _ => None,
        }
    };
    Checklist(
        QA_ITEMS
            .iter()
            .map(|id| (id.to_string(), value(id)))
            .collect(),
    )
}

/// The QA score: the weighted share of the items that are true among those
/// that are not null; 0 when a critical item is false; `None` when every
/// item is null (or the items that are not null all weigh nothing).
pub fn score(items: &Checklist, weights: &QaWeights) -> Option<f64> {
    let mut total = 0.0;
    let mut met = 0.0;
    for (id, value) in &items.0 {
        let Some(ok) = value else { continue };
        if !ok && weights.critical.iter().any(|c| c == id) {
            return Some(0.0);
        }
        let w = weights.weight(id);
        total += w;
        if *ok {
            met += w;
        }
    }
    (total > 0.0).then(|| met / total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Signals;

    fn turn(signals: Signals, rules: &[&str]) -> Turn {
        super::super::test_turn(0, signals, rules)
    }

    const ALL: Facts = Facts {
        name_known: true,
        chat_to_read: true,
        upset: false,
    };

    #[test]
    fn no_agent_message_makes_every_item_null() {
        let items = items(&[], &ALL);
        assert_eq!(items.0.len(), QA_ITEMS.len());
        assert!(items.0.iter().all(|(_, v)| v.is_none()));
        assert_eq!(score(&items, &QaWeights::default()), None);
    }

    #[test]
    fn items_come_from_any_agent_message() {
        let first = turn(
            Signals {
                uses_name: true,
                sets_timeline: true,
                ..Signals::default()
            },
            &[],
        );
        let later = turn(
            Signals {
                states_action: true,
                references_context: true,
                ..Signals::default()
            },
            &[],
        );
        let items = items(&[first, later], &ALL);
        assert_eq!(items.get("qa.used-name"), Some(Some(true)));
        assert_eq!(items.get("qa.referenced-ai"), Some(Some(true)));
        assert_eq!(items.get("qa.set-expectations"), Some(Some(true)));
        assert_eq!(items.get("qa.narrated-actions"), Some(Some(true)));
        assert_eq!(items.get("qa.no-repeat-questions"), Some(Some(true)));
        assert_eq!(
            items.get("qa.confirmed-resolution"),
            Some(None),
            "no fix stated: cannot tell"
        );
        assert_eq!(items.get("qa.tone-matched"), Some(Some(true)));
    }

    #[test]
    fn unknown_name_and_nothing_to_read_are_null_not_false() {
        let t = turn(Signals::default(), &[]);
        let items = items(
            &[t],
            &Facts {
                name_known: false,
                chat_to_read: false,
                upset: false,
            },
        );
        assert_eq!(items.get("qa.used-name"), Some(None));
        assert_eq!(items.get("qa.referenced-ai"), Some(None));
        assert_eq!(items.get("qa.set-expectations"), Some(Some(false)));
    }

    #[test]
    fn a_never_ask_finding_anywhere_fails_no_repeat_questions() {
        let ok = turn(
            Signals::default(),
            &["avoid.blame-ai", "always.set-timeline"],
        );
        let asks = turn(Signals::default(), &["never-ask.order-number"]);
        assert_eq!(
            items(std::slice::from_ref(&ok), &ALL).get("qa.no-repeat-questions"),
            Some(Some(true))
        );
        assert_eq!(
            items(&[ok, asks], &ALL).get("qa.no-repeat-questions"),
            Some(Some(false))
        );
    }

    #[test]
    fn stating_the_fix_is_not_confirming_it() {
        let stated = turn(
            Signals {
                summarizes: true,
                ..Signals::default()
            },
            &[],
        );
        let asked = turn(
            Signals {
                confirms_resolution: true,
                ..Signals::default()
            },
            &[],
        );
        assert_eq!(
            items(std::slice::from_ref(&stated), &ALL).get("qa.confirmed-resolution"),
            Some(Some(false))
        );
        assert_eq!(
            items(&[stated, asked], &ALL).get("qa.confirmed-resolution"),
            Some(Some(true))
        );
    }

    #[test]
    fn tone_needs_acknowledgement_first_for_an_upset_customer_and_never_breezy() {
        let upset = Facts { upset: true, ..ALL };
        let plain = turn(Signals::default(), &[]);
        let warm = turn(
            Signals {
                shows_empathy: true,
                ..Signals::default()
            },
            &[],
        );
        let breezy = turn(
            Signals {
                casual_tone: true,
                ..Signals::default()
            },
            &[],
        );
        assert_eq!(
            items(std::slice::from_ref(&plain), &upset).get("qa.tone-matched"),
            Some(Some(false))
        );
        assert_eq!(
            items(&[plain.clone(), warm.clone()], &upset).get("qa.tone-matched"),
            Some(Some(false))
        );
        assert_eq!(
            items(&[warm.clone(), plain.clone()], &upset).get("qa.tone-matched"),
            Some(Some(true))
        );
        assert_eq!(
            items(&[warm, breezy.clone()], &upset).get("qa.tone-matched"),
            Some(Some(false))
        );
        assert_eq!(
            items(std::slice::from_ref(&plain), &ALL).get("qa.tone-matched"),
            Some(Some(true))
        );
        assert_eq!(
            items(&[plain, breezy], &ALL).get("qa.tone-matched"),
            Some(Some(false))
        );
    }

    fn checklist(values: &[(&str, Option<bool>)]) -> Checklist {
        Checklist(values.iter().map(|(k, v)| (k.to_string(), *v)).collect())
    }

    #[test]
    fn score_is_the_weighted_share_of_true_among_non_null() {
        let items = checklist(&[
            ("qa.used-name", Some(true)),
            ("qa.no-repeat-questions", Some(false)),
            ("qa.set-expectations", Some(true)),
            ("qa.tone-matched", None),
        ]);
        let equal = QaWeights::default();
        assert!((score(&items, &equal).unwrap() - 2.0 / 3.0).abs() < 1e-12);
        let mut weighted = QaWeights::default();
        weighted
            .weights
            .insert("qa.no-repeat-questions".into(), 3.0);
        assert!((score(&items, &weighted).unwrap() - 2.0 / 5.0).abs() < 1e-12);
        weighted.critical.push("qa.no-repeat-questions".into());
        assert_eq!(score(&items, &weighted), Some(0.0));
        let mut nothing = QaWeights::default();
        for id in QA_ITEMS {
            nothing.weights.insert(id.to_string(), 0.0);
        }
        assert_eq!(score(&items, &nothing), None);
    }

    #[test]
    fn a_critical_item_that_is_null_or_true_changes_nothing() {
        let items = checklist(&[("qa.used-name", None), ("qa.set-expectations", Some(true))]);
        let weights = QaWeights {
            critical: vec!["qa.used-name".into()],
            ..QaWeights::default()
        };
        assert_eq!(score(&items, &weights), Some(1.0));
    }
}
