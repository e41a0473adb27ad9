//! Rule packs: one TOML file that changes what the coach says, read the same
//! way by the command line and by the extension (CONTRACT section 4).
//!
//! A pack is read in two steps. `toml` and serde turn the text into raw
//! values, keeping the position of every value that can still be wrong
//! ([`toml::Spanned`]); then [`Pack::parse`] checks each of those against the
//! engine (rule ids, severities, selectors, match patterns, weights). Every
//! error names the line and column it was found at, and a pack with any
//! error yields no [`Pack`] at all: nothing of a bad pack is ever applied.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::rules::{self, Phase, Severity};

/// A pack that failed to read: where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackError {
    /// 1-based line of the offending text.
    pub line: usize,
    /// 1-based column (in characters) of the offending text.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for PackError {}

/// A severity as a pack writes it: one of the three, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Setting {
    /// Report with this severity.
    On(Severity),
    /// Never report.
    Off,
}

/// A pack's changes to one built-in rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RuleChange {
    /// New severity, or off.
    pub severity: Option<Setting>,
    /// Phrases matched in addition to the built-in patterns.
    pub phrases: Vec<String>,
}

/// A team's own rule: fires where one of its phrases occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomRule {
    /// Starts with `custom.`.
    pub id: String,
    /// How loud it is; `Off` keeps it in the pack but silent.
    pub severity: Setting,
    /// What the agent is told.
    pub message: String,
    /// Where it fires (case-insensitive, whole words).
    pub phrases: Vec<String>,
    /// An optional better wording.
    pub suggestion: Option<String>,
}

/// Where the extension finds things on one helpdesk (CSS selectors).
///
/// `card`, `reply` and `thread` locate the three parts of a conversation
/// page. The rest is optional and only sharpens what the coach would
/// otherwise guess: `send` is the helpdesk's send button (the send guard
/// asks before it sends a reply with errors; without it the coach looks
/// for a Send / submit button near the reply box), and `agent`, `customer`,
/// `ai`, `time` and `text` say how to read one message of the `thread` for
/// the QA overlay: a message element that matches `agent` (else `ai`, else
/// `customer`) has that role; one that matches none is the customer's, or,
/// when `customer` is given, no message at all (a system note, left out).
/// Its time is the `datetime` (else the text) of the element `time` selects
/// in it, and its text that of the element `text` selects (else the whole
/// message).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Site {
    /// A Chrome match pattern, e.g. `https://*.example-desk.com/*`.
    #[serde(rename = "match")]
    pub matches: String,
    /// The escalation card.
    pub card: Option<String>,
    /// The reply box.
    pub reply: Option<String>,
    /// Each message of the thread (QA mode).
    pub thread: Option<String>,
    /// The helpdesk's send button.
    pub send: Option<String>,
    /// What a message element of the agent's matches.
    pub agent: Option<String>,
    /// What a message element of the customer's matches.
    pub customer: Option<String>,
    /// What a message element of the bot's matches.
    pub ai: Option<String>,
    /// Within a message, the element holding its time.
    pub time: Option<String>,
    /// Within a message, the element holding its text.
    pub text: Option<String>,
}

/// One of the pack's own examples, run by `pack test`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackTest {
    /// The escalation card text.
    pub card: String,
    /// The reply to check.
    pub reply: String,
    /// The phase the reply is checked as.
    pub phase: Phase,
    /// Rules that must fire.
    pub fires: Vec<String>,
    /// Rules that must stay silent.
    pub silent: Vec<String>,
    /// 1-based line where the test starts in the pack, to point at it.
    pub line: usize,
}

/// How the QA score weighs the `qa.*` items.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QaWeights {
    /// Weight per item; items not named weigh 1.
    pub weights: BTreeMap<String, f64>,
    /// Items that set the QA score to 0 when false.
    pub critical: Vec<String>,
}

impl QaWeights {
    /// The weight of `item` (1 unless the pack says otherwise).
    pub fn weight(&self, item: &str) -> f64 {
        self.weights.get(item).copied().unwrap_or(1.0)
    }
}

/// A validated rule pack. [`Pack::default`] is the empty pack: the built-in
/// rules unchanged.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Pack {
    /// The pack's name.
    pub name: Option<String>,
    /// The agent's name, used by the ready opening.
    pub agent: Option<String>,
    /// The company's name, used by the after-hours opening.
    pub company: Option<String>,
    /// Changes to built-in rules, by id.
    pub rules: BTreeMap<String, RuleChange>,
    /// The team's own rules.
    pub custom: Vec<CustomRule>,
    /// Where the extension finds things on the team's helpdesks.
    pub sites: Vec<Site>,
    /// The pack's own examples.
    pub tests: Vec<PackTest>,
    /// QA score weights.
    pub qa: QaWeights,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    name: Option<String>,
    agent: Option<RawAgent>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, RawRule>,
    #[serde(default)]
    custom: Vec<RawCustom>,
    #[serde(default)]
    sites: Vec<RawSite>,
    #[serde(default)]
    tests: Vec<Spanned<RawTest>>,
    qa: Option<RawQa>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgent {
    name: Option<String>,
    company: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    severity: Option<Spanned<String>>,
    #[serde(default)]
    phrases: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCustom {
    id: Spanned<String>,
    severity: Option<Spanned<String>>,
    message: Spanned<String>,
    phrases: Spanned<Vec<Spanned<String>>>,
    suggestion: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    #[serde(rename = "match")]
    matches: Spanned<String>,
    card: Option<Spanned<String>>,
    reply: Option<Spanned<String>>,
    thread: Option<Spanned<String>>,
    send: Option<Spanned<String>>,
    agent: Option<Spanned<String>>,
    customer: Option<Spanned<String>>,
    ai: Option<Spanned<String>>,
    time: Option<Spanned<String>>,
    text: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTest {
    card: String,
    reply: String,
    phase: Option<Spanned<String>>,
    #[serde(default)]
    fires: Vec<Spanned<String>>,
    #[serde(default)]
    silent: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQa {
    #[serde(default)]
    weights: BTreeMap<Spanned<String>, Spanned<f64>>,
    #[serde(default)]
    critical: Vec<Spanned<String>>,
}

/// Checks the parts of a pack that TOML itself cannot, keeping the source to
/// turn byte offsets into lines and columns.
struct Checker<'a> {
    src: &'a str,
}

impl Checker<'_> {
    fn error(&self, at: Range<usize>, message: impl Into<String>) -> PackError {
        let (line, column) = line_column(self.src, at.start);
        PackError {
            line,
            column,
            message: message.into(),
        }
    }

    fn setting(&self, raw: &Spanned<String>) -> Result<Setting, PackError> {
        match raw.get_ref().as_str() {
            "error" => Ok(Setting::On(Severity::Error)),
            "warning" => Ok(Setting::On(Severity::Warning)),
            "hint" => Ok(Setting::On(Severity::Hint)),
            "off" => Ok(Setting::Off),
            other => Err(self.error(
                raw.span(),
                format!("bad severity \"{other}\" (expected error, warning, hint or off)"),
            )),
        }
    }

    fn phrases(&self, raw: &[Spanned<String>]) -> Result<Vec<String>, PackError> {
        raw.iter()
            .map(|p| {
                let text = p.get_ref().trim();
                if text.is_empty() {
                    Err(self.error(p.span(), "empty phrase"))
                } else {
                    Ok(text.to_string())
                }
            })
            .collect()
    }

    fn selector(&self, raw: &Option<Spanned<String>>) -> Result<Option<String>, PackError> {
        let Some(raw) = raw else { return Ok(None) };
        match selector_problem(raw.get_ref()) {
            None => Ok(Some(raw.get_ref().trim().to_string())),
            Some(why) => Err(self.error(
                raw.span(),
                format!("bad selector \"{}\": {why}", raw.get_ref()),
            )),
        }
    }

    fn rule_id(&self, raw: &Spanned<String>, custom: &[CustomRule]) -> Result<String, PackError> {
        let id = raw.get_ref();
        if rules::info(id).is_some() || custom.iter().any(|c| &c.id == id) {
            Ok(id.clone())
        } else {
            Err(self.error(raw.span(), format!("unknown rule id \"{id}\"")))
        }
    }

    fn qa_item(&self, raw: &Spanned<String>) -> Result<String, PackError> {
        let id = raw.get_ref();
        if rules::QA_ITEMS.contains(&id.as_str()) {
            Ok(id.clone())
        } else {
            Err(self.error(
                raw.span(),
                format!(
                    "unknown QA item \"{id}\" (expected one of {})",
                    rules::QA_ITEMS.join(", ")
                ),
            ))
        }
    }
}

impl Pack {
    /// Reads and validates a pack. On any error nothing is returned, so
    /// nothing of a bad pack can be applied.
    pub fn parse(src: &str) -> Result<Pack, PackError> {
        let raw: RawPack = toml::from_str(src).map_err(|e| {
            let at = e.span().unwrap_or(0..0);
            let (line, column) = line_column(src, at.start);
            PackError {
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })?;
        let check = Checker { src };

        let mut custom = Vec::with_capacity(raw.custom.len());
        for c in &raw.custom {
            let id = c.id.get_ref();
            if !id.starts_with("custom.") || id.len() == "custom.".len() {
                return Err(check.error(
                    c.id.span(),
                    format!("custom rule id \"{id}\" must start with \"custom.\""),
                ));
            }
            if custom.iter().any(|other: &CustomRule| &other.id == id) {
                return Err(check.error(
                    c.id.span(),
                    format!("custom rule \"{id}\" is defined twice"),
                ));
            }
            if c.message.get_ref().trim().is_empty() {
                return Err(check.error(c.message.span(), "empty message"));
            }
            let phrases = check.phrases(c.phrases.get_ref())?;
            if phrases.is_empty() {
                return Err(check.error(
                    c.phrases.span(),
                    format!("custom rule \"{id}\" has no phrases"),
                ));
            }
            let severity = match &c.severity {
                Some(s) => check.setting(s)?,
                None => Setting::On(Severity::Warning),
            };
            custom.push(CustomRule {
                id: id.clone(),
                severity,
                message: c.message.get_ref().trim().to_string(),
                phrases,
                suggestion: c.suggestion.clone(),
            });
        }

        let mut changes = BTreeMap::new();
        for (id, rule) in &raw.rules {
            if rules::info(id.get_ref()).is_none() {
                return Err(check.error(id.span(), format!("unknown rule id \"{}\"", id.get_ref())));
            }
            let severity = rule
                .severity
                .as_ref()
                .map(|s| check.setting(s))
                .transpose()?;
            let phrases = check.phrases(&rule.phrases)?;
            changes.insert(id.get_ref().clone(), RuleChange { severity, phrases });
        }

        let mut sites = Vec::with_capacity(raw.sites.len());
        for s in &raw.sites {
            if let Some(why) = match_pattern_problem(s.matches.get_ref()) {
                return Err(check.error(
                    s.matches.span(),
                    format!("bad match pattern \"{}\": {why}", s.matches.get_ref()),
                ));
            }
            sites.push(Site {
                matches: s.matches.get_ref().trim().to_string(),
                card: check.selector(&s.card)?,
                reply: check.selector(&s.reply)?,
                thread: check.selector(&s.thread)?,
                send: check.selector(&s.send)?,
                agent: check.selector(&s.agent)?,
                customer: check.selector(&s.customer)?,
                ai: check.selector(&s.ai)?,
                time: check.selector(&s.time)?,
                text: check.selector(&s.text)?,
            });
        }

        let mut tests = Vec::with_capacity(raw.tests.len());
        for t in &raw.tests {
            let (line, _) = line_column(src, t.span().start);
            let t = t.get_ref();
            let phase = match &t.phase {
                None => Phase::First,
                Some(p) => match p.get_ref().as_str() {
                    "first" => Phase::First,
                    "resolution" => Phase::Resolution,
                    "closing" => Phase::Closing,
                    other => {
                        return Err(check.error(
                            p.span(),
                            format!(
                                "bad phase \"{other}\" (expected first, resolution or closing)"
                            ),
                        ))
                    }
                },
            };
            let ids = |list: &[Spanned<String>]| -> Result<Vec<String>, PackError> {
                list.iter().map(|id| check.rule_id(id, &custom)).collect()
            };
            tests.push(PackTest {
                card: t.card.clone(),
                reply: t.reply.clone(),
                phase,
                fires: ids(&t.fires)?,
                silent: ids(&t.silent)?,
                line,
            });
        }

        let mut qa = QaWeights::default();
        if let Some(raw_qa) = &raw.qa {
            for (item, weight) in &raw_qa.weights {
                let item = check.qa_item(item)?;
                let w = *weight.get_ref();
                if !w.is_finite() || w < 0.0 {
                    return Err(check.error(
                        weight.span(),
                        format!("weight {w} must be a number of 0 or more"),
                    ));
                }
                qa.weights.insert(item, w);
            }
            for item in &raw_qa.critical {
                qa.critical.push(check.qa_item(item)?);
            }
        }

        let (agent, company) = match raw.agent {
            Some(a) => (non_empty(a.name), non_empty(a.company)),
            None => (None, None),
        };
        Ok(Pack {
            name: non_empty(raw.name),
            agent,
            company,
            rules: changes,
            custom,
            sites,
            tests,
            qa,
        })
    }

    /// What this pack changes, one line each, for `pack check` and the
    /// extension's options page.
    pub fn describe(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(name) = &self.name {
            lines.push(format!("pack \"{name}\""));
        }
        if let Some(agent) = &self.agent {
            lines.push(format!("agent name: {agent}"));
        }
        if let Some(company) = &self.company {
            lines.push(format!("company: {company}"));
        }
        for (id, change) in &self.rules {
            match change.severity {
                Some(Setting::Off) => lines.push(format!("{id}: off")),
                Some(Setting::On(s)) => lines.push(format!("{id}: severity {}", severity_name(s))),
                None => {}
            }
            if !change.phrases.is_empty() {
                lines.push(format!("{id}: {} extra phrase(s)", change.phrases.len()));
            }
        }
        for c in &self.custom {
            let sev = match c.severity {
                Setting::Off => "off",
                Setting::On(s) => severity_name(s),
            };
            lines.push(format!(
                "{}: custom rule, {sev}, {} phrase(s)",
                c.id,
                c.phrases.len()
            ));
        }
        for s in &self.sites {
            lines.push(format!("site {}", s.matches));
        }
        for (item, w) in &self.qa.weights {
            lines.push(format!("{item}: QA weight {w}"));
        }
        for item in &self.qa.critical {
            lines.push(format!("{item}: critical"));
        }
        if !self.tests.is_empty() {
            lines.push(format!("{} test(s)", self.tests.len()));
        }
        if lines.is_empty() || (lines.len() == 1 && self.name.is_some()) {
            lines.push("changes nothing: the built-in rules apply as they are".to_string());
        }
        lines
    }
}

/// The lower-case name of a severity, as packs and JSON write it.
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "hint",
    }
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// 1-based line and column (in characters) of byte offset `at` in `src`.
fn line_column(src: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    let before = &src[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Why `sel` is not a usable CSS selector, or `None` when it looks fine.
///
/// A syntax check only: brackets and quotes balance, no character that can
/// never appear in a selector, no dangling combinator. The extension also
/// asks the browser itself (`querySelector`) before it imports a pack.
fn selector_problem(sel: &str) -> Option<&'static str> {
    let sel = sel.trim();
    if sel.is_empty() {
        return Some("empty");
    }
    let mut depth: Vec<char> = Vec::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in sel.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        if c == '\\' {
            escaped = true;
            continue;
        }
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '[' | '(' => depth.push(c),
            ']' if depth.pop() != Some('[') => return Some("unbalanced ]"),
            ')' if depth.pop() != Some('(') => return Some("unbalanced )"),
            '{' | '}' | ';' | '<' | '`' => return Some("character not allowed in a selector"),
            _ => {}
        }
    }
    if quote.is_some() {
        return Some("unclosed quote");
    }
    if !depth.is_empty() {
        return Some("unclosed bracket");
    }
    if sel.ends_with(['>', '+', '~', ',']) || sel.starts_with(['>', '+', '~', ',']) {
        return Some("dangling combinator");
    }
    if sel.contains(",,") {
        return Some("empty selector in a list");
    }
    None
}

/// Why `pattern` is not a Chrome match pattern, or `None` when it is one.
fn match_pattern_problem(pattern: &str) -> Option<&'static str> {
    let pattern = pattern.trim();
    if pattern == "<all_urls>" {
        return None;
    }
    let Some((scheme, rest)) = pattern.split_once("://") else {
        return Some("expected scheme://host/path");
    };
    if !matches!(scheme, "http" | "https" | "*" | "file") {
        return Some("scheme must be http, https, file or *");
    }
    let Some((host, _path)) = rest.split_once('/') else {
        return Some("missing path (end with /*)");
    };
    if scheme != "file" && host.is_empty() {
        return Some("missing host");
    }
    let lone_or_leading = host == "*"
        || host
            .strip_prefix("*.")
            .is_some_and(|rest| !rest.contains('*'));
    if host.contains('*') && !lone_or_leading {
        return Some("* in the host must be alone or lead (*.example.com)");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = r##"
name = "acme-support"

[agent]
name = "Alex"

[rules."never-ask.generic-opener"]
severity = "error"
phrases = ["what brings you here"]

[rules."avoid.blame-ai"]
severity = "off"

[[custom]]
id = "custom.no-refund-promise"
severity = "warning"
message = "Don't promise a refund before billing approves it."
phrases = ["guarantee a refund", "you will definitely get your money back"]

[[sites]]
match = "https://*.example-desk.com/*"
card = ".escalation-summary"
reply = "#reply-editor"
thread = ".conversation .message"

[[tests]]
card = "Customer: Sarah Chen\nOrder #: 12345"
reply = "Can you guarantee a refund?"
fires = ["custom.no-refund-promise"]
silent = ["never-ask.order-number"]

[qa]
weights = { "qa.no-repeat-questions" = 3, "qa.used-name" = 1 }
critical = ["qa.no-repeat-questions"]
"##;

    #[test]
    fn reads_the_contract_example() {
        let p = Pack::parse(FULL).unwrap();
        assert_eq!(p.name.as_deref(), Some("acme-support"));
        assert_eq!(p.agent.as_deref(), Some("Alex"));
        assert_eq!(p.rules["avoid.blame-ai"].severity, Some(Setting::Off));
        assert_eq!(
            p.rules["never-ask.generic-opener"].phrases,
            vec!["what brings you here"]
        );
        assert_eq!(p.custom[0].id, "custom.no-refund-promise");
        assert_eq!(p.sites[0].reply.as_deref(), Some("#reply-editor"));
        assert_eq!(p.tests[0].fires, vec!["custom.no-refund-promise"]);
        assert_eq!(p.tests[0].line, 26, "the [[tests]] header");
        assert_eq!(p.qa.weight("qa.no-repeat-questions"), 3.0);
        assert_eq!(p.qa.weight("qa.tone-matched"), 1.0);
        assert_eq!(p.qa.critical, vec!["qa.no-repeat-questions"]);
    }

    fn err(src: &str) -> PackError {
        Pack::parse(src).expect_err("pack should be refused")
    }

    #[test]
    fn unknown_rule_id_names_line_and_column() {
        let e = err("name = \"x\"\n\n[rules.\"never-ask.typo\"]\nseverity = \"off\"\n");
        assert_eq!((e.line, e.column), (3, 8));
        assert!(
            e.message.contains("unknown rule id \"never-ask.typo\""),
            "{e}"
        );
    }

    #[test]
    fn bad_severity() {
        let e = err("[rules.\"avoid.blame-ai\"]\nseverity = \"loud\"\n");
        assert_eq!((e.line, e.column), (2, 12));
        assert!(e.message.contains("bad severity \"loud\""));
    }

    #[test]
    fn unknown_key() {
        let e = err("name = \"x\"\ncolour = \"red\"\n");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("colour"), "{e}");
    }

    #[test]
    fn bad_selector() {
        let e = err("[[sites]]\nmatch = \"https://desk.example.com/*\"\ncard = \"div[class=x\"\n");
        assert_eq!((e.line, e.column), (3, 8));
        assert!(e.message.contains("bad selector"), "{e}");
    }

    #[test]
    fn a_site_may_say_how_to_read_its_messages_and_where_send_is() {
        let p = Pack::parse(concat!(
            "[[sites]]\nmatch = \"https://desk.example.com/*\"\nthread = \".msg\"\n",
            "agent = \".msg.from-agent\"\ncustomer = \".msg.from-customer\"\nai = \"[data-bot]\"\n",
            "time = \"time\"\ntext = \".body\"\nsend = \"button.send\"\n",
        ))
        .unwrap();
        let s = &p.sites[0];
        assert_eq!(s.agent.as_deref(), Some(".msg.from-agent"));
        assert_eq!(s.customer.as_deref(), Some(".msg.from-customer"));
        assert_eq!(s.ai.as_deref(), Some("[data-bot]"));
        assert_eq!(s.time.as_deref(), Some("time"));
        assert_eq!(s.text.as_deref(), Some(".body"));
        assert_eq!(s.send.as_deref(), Some("button.send"));
        assert_eq!(s.card, None);
        let e = err("[[sites]]\nmatch = \"https://desk.example.com/*\"\nsend = \"button[\"\n");
        assert_eq!((e.line, e.column), (3, 8));
        assert!(e.message.contains("bad selector"), "{e}");
        let e = err("[[sites]]\nmatch = \"https://desk.example.com/*\"\nauthor = \".a\"\n");
        assert_eq!(e.line, 3, "{e}");
    }

    #[test]
    fn bad_match_pattern() {
        let e = err("[[sites]]\nmatch = \"desk.example.com\"\n");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("bad match pattern"));
    }

    #[test]
    fn custom_id_must_start_with_custom() {
        let e = err("[[custom]]\nid = \"mine\"\nmessage = \"m\"\nphrases = [\"p\"]\n");
        assert_eq!(e.line, 2);
    }

    #[test]
    fn test_may_name_its_own_custom_rule_but_not_an_unknown_one() {
        let e = err("[[tests]]\ncard = \"\"\nreply = \"\"\nfires = [\"custom.nope\"]\n");
        assert_eq!((e.line, e.column), (4, 10));
    }

    #[test]
    fn qa_items_and_weights_are_checked() {
        let e = err("[qa]\nweights = { \"qa.speed\" = 2 }\n");
        assert_eq!(e.line, 2);
        let e = err("[qa]\nweights = { \"qa.used-name\" = -1 }\n");
        assert!(e.message.contains("0 or more"));
    }

    #[test]
    fn syntax_error_has_a_position() {
        let e = err("name = \"x\"\n[rules\n");
        assert_eq!(e.line, 2);
    }

    #[test]
    fn empty_pack_changes_nothing() {
        let p = Pack::parse("").unwrap();
        assert_eq!(p, Pack::default());
        assert_eq!(
            p.describe(),
            vec!["changes nothing: the built-in rules apply as they are"]
        );
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("é=1\nab", 5), (2, 1));
        assert_eq!(line_column("é=1", 2), (1, 2));
    }
}
