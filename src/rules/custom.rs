//! A rule pack's share of the rules: severities and `off`, extra phrases for
//! built-in rules, and a team's own `custom.*` rules, compiled once when the
//! engine is built.
//!
//! Extra phrases go through [`Pattern::phrases`] (case-insensitive, whole
//! words), like custom rules. For a phrase rule they fire with a span; for a
//! checklist rule they count as satisfying it.

use std::ops::Range;

use crate::pack::{Pack, Setting};
use crate::pattern::Pattern;

use super::RULES;

/// One compiled custom rule.
#[derive(Debug, Clone)]
pub(crate) struct Custom {
    pub id: String,
    pub setting: Setting,
    pub message: String,
    pub suggestion: Option<String>,
    pattern: Pattern,
}

/// What a pack changes, compiled.
#[derive(Debug, Clone, Default)]
pub(crate) struct PackRules {
    // A few entries: a vector, not a BTreeMap (whose code each key and
    // value type adds to the wasm again).
    settings: Vec<(&'static str, Setting)>,
    phrases: Vec<(&'static str, Pattern)>,
    pub custom: Vec<Custom>,
}

impl PackRules {
    pub fn new(pack: &Pack) -> PackRules {
        let mut out = PackRules::default();
        for (id, change) in &pack.rules {
            // The pack is validated, so every id is a built-in one; an
            // unknown id is simply ignored rather than trusted.
            let Some(rule) = RULES.iter().find(|r| r.id == id) else {
                continue;
            };
            if let Some(setting) = change.severity {
                out.settings.push((rule.id, setting));
            }
            if !change.phrases.is_empty() {
                out.phrases
                    .push((rule.id, Pattern::phrases(&change.phrases)));
            }
        }
        out.custom = pack
            .custom
            .iter()
            .map(|c| Custom {
                id: c.id.clone(),
                setting: c.severity,
                message: c.message.clone(),
                suggestion: c.suggestion.clone(),
                pattern: Pattern::phrases(&c.phrases),
            })
            .collect();
        out
    }

    /// The pack's setting for built-in rule `id`, if it names one.
    pub fn setting(&self, id: &str) -> Option<Setting> {
        self.settings
            .iter()
            .find(|(rule, _)| *rule == id)
            .map(|&(_, s)| s)
    }

    /// Whether the pack switches built-in rule `id` off.
    pub fn is_off(&self, id: &str) -> bool {
        self.setting(id) == Some(Setting::Off)
    }

    /// Where the pack's extra phrases for `id` occur in `text`.
    pub fn phrase_hits<'t>(
        &'t self,
        id: &'t str,
        text: &'t str,
    ) -> impl Iterator<Item = Range<usize>> + 't {
        self.phrases
            .iter()
            .filter(move |(rule, _)| *rule == id)
            .flat_map(move |(_, p)| p.find_iter(text))
    }

    /// Whether one of the pack's extra phrases for `id` occurs in `text`.
    pub fn has_phrase(&self, id: &str, text: &str) -> bool {
        self.phrase_hits(id, text).next().is_some()
    }

    /// Every built-in rule the pack gave extra phrases, in pack order.
    pub fn phrase_rules(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.phrases.iter().map(|(id, _)| *id)
    }

    /// Where each custom rule that is not off fires in `text`.
    pub fn custom_hits<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (&'t Custom, Range<usize>)> + 't {
        self.custom
            .iter()
            .filter(|c| c.setting != Setting::Off)
            .flat_map(move |c| c.pattern.find_iter(text).map(move |r| (c, r)))
    }
}
