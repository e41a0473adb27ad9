//! Severity and score: how loud each finding is, and one number per reply.
//!
//! The score, as the README quotes it:
//!
//! `score = clamp(satisfied / applicable − 0.25·E − 0.10·W − 0.05·H, 0, 1)`
//! rounded to 2 decimals, where satisfied / applicable counts the phase's
//! checklist items that are true among those that are not null (1.0 when
//! none applies), and E, W, H count the findings WITH a span (never-ask,
//! avoid, custom) at error, warning and hint severity. Missing items are not
//! charged twice.
//!
//! Severity: a phrase rule (never-ask, avoid, custom) has its default from
//! [`super::RULES`] unless the pack sets one. A missing checklist item is a
//! hint for an agent, a warning in QA and an error for a trainer
//! (`tone.empathy-missing`: a warning in agent and QA mode); a pack's
//! explicit severity wins over that, except that trainer mode still raises
//! every missing item to an error. A rule switched `off` is gone from the
//! findings and the checklist alike.

use crate::pack::Setting;

use super::{Checklist, Finding, Mode, RuleInfo, Severity};

/// The severity of a phrase rule's finding.
pub(crate) fn phrase_severity(info: &RuleInfo, setting: Option<Setting>) -> Severity {
    match setting {
        Some(Setting::On(s)) => s,
        _ => info.severity,
    }
}

/// The severity of a missing checklist item in `mode`.
pub(crate) fn missing_severity(info: &RuleInfo, mode: Mode, setting: Option<Setting>) -> Severity {
    match (mode, setting) {
        (Mode::Trainer, _) => Severity::Error,
        (_, Some(Setting::On(s))) => s,
        _ if info.id == "tone.empathy-missing" => Severity::Warning,
        (Mode::Qa, _) => Severity::Warning,
        _ => Severity::Hint,
    }
}

/// The score of a checklist and its findings (see the module docs).
pub(crate) fn score(checklist: &Checklist, findings: &[Finding]) -> f64 {
    let applicable = checklist.0.iter().filter(|(_, v)| v.is_some()).count();
    let satisfied = checklist.0.iter().filter(|(_, v)| *v == Some(true)).count();
    let base = if applicable == 0 {
        1.0
    } else {
        satisfied as f64 / applicable as f64
    };
    let cost: f64 = findings
        .iter()
        .filter(|f| f.start.is_some())
        .map(|f| match f.severity {
            Severity::Error => 0.25,
            Severity::Warning => 0.10,
            Severity::Hint => 0.05,
        })
        .sum();
    ((base - cost).clamp(0.0, 1.0) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::info;

    fn finding(severity: Severity, spanned: bool) -> Finding {
        Finding {
            rule: "x".into(),
            severity,
            start: spanned.then_some(0),
            end: spanned.then_some(1),
            message: String::new(),
            suggestion: None,
        }
    }

    #[test]
    fn score_follows_the_formula() {
        let list = Checklist(vec![
            ("a".into(), Some(true)),
            ("b".into(), Some(true)),
            ("c".into(), Some(false)),
            ("d".into(), None),
        ]);
        // 2/3 − 0.25 − 0.10, and the missing item's own finding costs nothing.
        let findings = [
            finding(Severity::Error, true),
            finding(Severity::Warning, true),
            finding(Severity::Hint, false),
        ];
        assert_eq!(score(&list, &findings), 0.32);
        assert_eq!(score(&Checklist::default(), &[]), 1.0);
        assert_eq!(
            score(
                &Checklist::default(),
                &vec![finding(Severity::Error, true); 5]
            ),
            0.0
        );
    }

    #[test]
    fn severities_by_mode_and_pack() {
        let name = info("always.use-name").unwrap();
        let tone = info("tone.empathy-missing").unwrap();
        assert_eq!(missing_severity(name, Mode::Agent, None), Severity::Hint);
        assert_eq!(missing_severity(name, Mode::Qa, None), Severity::Warning);
        assert_eq!(missing_severity(name, Mode::Trainer, None), Severity::Error);
        assert_eq!(missing_severity(tone, Mode::Agent, None), Severity::Warning);
        assert_eq!(missing_severity(tone, Mode::Trainer, None), Severity::Error);
        let pack = Some(Setting::On(Severity::Warning));
        assert_eq!(missing_severity(name, Mode::Agent, pack), Severity::Warning);
        assert_eq!(missing_severity(name, Mode::Trainer, pack), Severity::Error);
        let opener = info("never-ask.generic-opener").unwrap();
        assert_eq!(phrase_severity(opener, None), Severity::Error);
        assert_eq!(
            phrase_severity(opener, Some(Setting::On(Severity::Hint))),
            Severity::Hint
        );
    }
}
