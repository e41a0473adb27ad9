//! Rule packs: one TOML file that changes what the coach says, read the same
//! way by the command line and by the extension (CONTRACT section 4).
//!
//! A pack is read in one walk over `toml`'s spanned tree of the text
//! (`doc`: typed values with their key paths and positions, and the refusal
//! of unknown keys, missing keys and wrong types); [`Pack::parse`] checks
//! each value against the engine as it takes it (rule ids, severities,
//! selectors, match patterns, weights). Every error names the line and
//! column it was found at, and a pack with any error yields no [`Pack`] at
//! all: nothing of a bad pack is ever applied.

mod doc;
mod toml;

use std::fmt;

use serde::{Serialize, Serializer};

use crate::rules::{self, Phase, Severity};
use doc::{problem, Read, Str, Table};

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

/// A pack's values by rule or QA item id, in id order, as a map would hold
/// them (and serialized as one: an object by id).
///
/// A sorted vector rather than a `BTreeMap`: a pack names a handful of ids,
/// and each `BTreeMap<K, V>` brings its own copy of the tree's code into
/// the wasm, a few KB for every pair of types.
#[derive(Debug, Clone, PartialEq)]
pub struct ById<V>(Vec<(String, V)>);

impl<V> Default for ById<V> {
    fn default() -> Self {
        ById(Vec::new())
    }
}

impl<V> ById<V> {
    /// The value for `id`.
    pub fn get(&self, id: &str) -> Option<&V> {
        self.at(id).ok().map(|i| &self.0[i].1)
    }

    /// Sets the value for `id`; the one it replaces, if any.
    pub fn insert(&mut self, id: String, value: V) -> Option<V> {
        match self.at(&id) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (id, value));
                None
            }
        }
    }

    /// Every id with its value, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(id, v)| (id, v))
    }

    /// How many ids there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn at(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }
}

impl<'a, V> IntoIterator for &'a ById<V> {
    type Item = (&'a String, &'a V);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&'a (String, V)) -> Self::Item>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(id, v)| (id, v))
    }
}

impl<V: Serialize> Serialize for ById<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// How the QA score weighs the `qa.*` items.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QaWeights {
    /// Weight per item; items not named weigh 1.
    pub weights: ById<f64>,
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
    pub rules: ById<RuleChange>,
    /// The team's own rules.
    pub custom: Vec<CustomRule>,
    /// Where the extension finds things on the team's helpdesks.
    pub sites: Vec<Site>,
    /// The pack's own examples.
    pub tests: Vec<PackTest>,
    /// QA score weights.
    pub qa: QaWeights,
}

/// The keys each table of a pack takes; any other key is refused.
const PACK_KEYS: &[&str] = &["name", "agent", "rules", "custom", "sites", "tests", "qa"];
const AGENT_KEYS: &[&str] = &["name", "company"];
const RULE_KEYS: &[&str] = &["severity", "phrases"];
const CUSTOM_KEYS: &[&str] = &["id", "severity", "message", "phrases", "suggestion"];
const SITE_KEYS: &[&str] = &[
    "match", "card", "reply", "thread", "send", "agent", "customer", "ai", "time", "text",
];
const TEST_KEYS: &[&str] = &["card", "reply", "phase", "fires", "silent"];
const QA_KEYS: &[&str] = &["weights", "critical"];

fn setting(raw: &Str<'_>) -> Read<Setting> {
    match raw.text {
        "error" => Ok(Setting::On(Severity::Error)),
        "warning" => Ok(Setting::On(Severity::Warning)),
        "hint" => Ok(Setting::On(Severity::Hint)),
        "off" => Ok(Setting::Off),
        other => Err(problem(
            raw.at.clone(),
            format!("bad severity \"{other}\" (expected error, warning, hint or off)"),
        )),
    }
}

fn phrases(raw: &[Str<'_>]) -> Read<Vec<String>> {
    raw.iter()
        .map(|p| match p.text.trim() {
            "" => Err(problem(p.at.clone(), "empty phrase")),
            text => Ok(text.to_string()),
        })
        .collect()
}

fn selector(raw: Option<Str<'_>>) -> Read<Option<String>> {
    let Some(raw) = raw else { return Ok(None) };
    match selector_problem(raw.text) {
        None => Ok(Some(raw.text.trim().to_string())),
        Some(why) => Err(problem(
            raw.at,
            format!("bad selector \"{}\": {why}", raw.text),
        )),
    }
}

fn rule_id(raw: &Str<'_>, custom: &[CustomRule]) -> Read<String> {
    let id = raw.text;
    if rules::info(id).is_some() || custom.iter().any(|c| c.id == id) {
        Ok(id.to_string())
    } else {
        Err(problem(raw.at.clone(), format!("unknown rule id \"{id}\"")))
    }
}

fn qa_item(raw: &Str<'_>) -> Read<String> {
    let id = raw.text;
    if rules::QA_ITEMS.contains(&id) {
        Ok(id.to_string())
    } else {
        Err(problem(
            raw.at.clone(),
            format!(
                "unknown QA item \"{id}\" (expected one of {})",
                rules::QA_ITEMS.join(", ")
            ),
        ))
    }
}

/// A string the pack may leave out or blank, trimmed.
fn non_empty(raw: Option<Str<'_>>) -> Option<String> {
    raw.map(|s| s.text.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn custom_rule(t: &Table<'_>, custom: &[CustomRule]) -> Read<CustomRule> {
    let id = t.required("id")?.string()?;
    if !id.text.starts_with("custom.") || id.text.len() == "custom.".len() {
        return Err(problem(
            id.at,
            format!("custom rule id \"{}\" must start with \"custom.\"", id.text),
        ));
    }
    if custom.iter().any(|other| other.id == id.text) {
        return Err(problem(
            id.at,
            format!("custom rule \"{}\" is defined twice", id.text),
        ));
    }
    let message = t.required("message")?.string()?;
    if message.text.trim().is_empty() {
        return Err(problem(message.at, "empty message"));
    }
    let listed = t.required("phrases")?;
    let phrases = phrases(&listed.strings()?)?;
    if phrases.is_empty() {
        return Err(problem(
            listed.at(),
            format!("custom rule \"{}\" has no phrases", id.text),
        ));
    }
    let severity = match t.string("severity")? {
        Some(s) => setting(&s)?,
        None => Setting::On(Severity::Warning),
    };
    Ok(CustomRule {
        id: id.text.to_string(),
        severity,
        message: message.text.trim().to_string(),
        phrases,
        suggestion: t.string("suggestion")?.map(|s| s.text.to_string()),
    })
}

fn site(t: &Table<'_>) -> Read<Site> {
    let matches = t.required("match")?.string()?;
    if let Some(why) = match_pattern_problem(matches.text) {
        return Err(problem(
            matches.at,
            format!("bad match pattern \"{}\": {why}", matches.text),
        ));
    }
    // The selectors, in SITE_KEYS' order after `match`: one loop, not nine
    // copies of the same reading.
    let mut found: [Option<String>; 9] = Default::default();
    for (slot, key) in found.iter_mut().zip(SITE_KEYS.iter().skip(1)) {
        *slot = selector(t.string(key)?)?;
    }
    let [card, reply, thread, send, agent, customer, ai, time, text] = found;
    Ok(Site {
        matches: matches.text.trim().to_string(),
        card,
        reply,
        thread,
        send,
        agent,
        customer,
        ai,
        time,
        text,
    })
}

fn pack_test(src: &str, t: &Table<'_>, custom: &[CustomRule]) -> Read<PackTest> {
    let (line, _) = line_column(src, t.at().start);
    let card = t.required("card")?.string()?;
    let reply = t.required("reply")?.string()?;
    let phase = match t.string("phase")? {
        None => Phase::First,
        Some(p) => match p.text {
            "first" => Phase::First,
            "resolution" => Phase::Resolution,
            "closing" => Phase::Closing,
            other => {
                return Err(problem(
                    p.at,
                    format!("bad phase \"{other}\" (expected first, resolution or closing)"),
                ))
            }
        },
    };
    let ids = |key: &str| -> Read<Vec<String>> {
        t.strings(key)?
            .iter()
            .map(|id| rule_id(id, custom))
            .collect()
    };
    Ok(PackTest {
        card: card.text.to_string(),
        reply: reply.text.to_string(),
        phase,
        fires: ids("fires")?,
        silent: ids("silent")?,
        line,
    })
}

fn qa_weights(t: &Table<'_>) -> Read<QaWeights> {
    let mut qa = QaWeights::default();
    if let Some(weights) = t.table("weights")? {
        for (item, weight) in weights.entries() {
            let item = qa_item(&item)?;
            let w = weight.number()?;
            if !w.is_finite() || w < 0.0 {
                return Err(problem(
                    weight.at(),
                    format!("weight {w} must be a number of 0 or more"),
                ));
            }
            qa.weights.insert(item, w);
        }
    }
    for item in t.strings("critical")? {
        qa.critical.push(qa_item(&item)?);
    }
    Ok(qa)
}

/// Reads a pack from its TOML tree, failing at the first problem.
fn read(src: &str) -> Read<Pack> {
    let doc = doc::document(src)?;
    let top = Table::root(&doc).only(PACK_KEYS)?;

    // Custom rules first: a test may name one.
    let mut custom = Vec::new();
    for t in top.tables("custom")? {
        let rule = custom_rule(&t.only(CUSTOM_KEYS)?, &custom)?;
        custom.push(rule);
    }

    let mut changes = ById::default();
    if let Some(table) = top.table("rules")? {
        for (id, rule) in table.entries() {
            if rules::info(id.text).is_none() {
                return Err(problem(id.at, format!("unknown rule id \"{}\"", id.text)));
            }
            let rule = rule.table()?.only(RULE_KEYS)?;
            let severity = rule.string("severity")?.map(|s| setting(&s)).transpose()?;
            let phrases = phrases(&rule.strings("phrases")?)?;
            changes.insert(id.text.to_string(), RuleChange { severity, phrases });
        }
    }

    let sites = top
        .tables("sites")?
        .into_iter()
        .map(|t| site(&t.only(SITE_KEYS)?))
        .collect::<Read<Vec<_>>>()?;
    let tests = top
        .tables("tests")?
        .into_iter()
        .map(|t| pack_test(src, &t.only(TEST_KEYS)?, &custom))
        .collect::<Read<Vec<_>>>()?;
    let qa = match top.table("qa")? {
        Some(t) => qa_weights(&t.only(QA_KEYS)?)?,
        None => QaWeights::default(),
    };
    let (agent, company) = match top.table("agent")? {
        Some(a) => {
            let a = a.only(AGENT_KEYS)?;
            (
                non_empty(a.string("name")?),
                non_empty(a.string("company")?),
            )
        }
        None => (None, None),
    };
    Ok(Pack {
        name: non_empty(top.string("name")?),
        agent,
        company,
        rules: changes,
        custom,
        sites,
        tests,
        qa,
    })
}

impl Pack {
    /// Reads and validates a pack. On any error nothing is returned, so
    /// nothing of a bad pack can be applied.
    pub fn parse(src: &str) -> Result<Pack, PackError> {
        read(src).map_err(|p| {
            let (line, column) = line_column(src, p.at.start);
            PackError {
                line,
                column,
                message: p.message,
            }
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
        assert_eq!(
            p.rules.get("avoid.blame-ai").unwrap().severity,
            Some(Setting::Off)
        );
        assert_eq!(
            p.rules.get("never-ask.generic-opener").unwrap().phrases,
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
    fn a_wrong_type_names_the_key_path_and_what_was_expected() {
        let e = err("[rules.\"avoid.blame-ai\"]\nphrases = [\"x\", 2]\n");
        assert_eq!((e.line, e.column), (2, 17));
        assert_eq!(
            e.message,
            "item 2 of `rules.\"avoid.blame-ai\".phrases` must be a string, not an integer"
        );
        let e = err("[[sites]]\nmatch = \"https://d.example.com/*\"\ncard = 1\n");
        assert_eq!((e.line, e.column), (3, 8));
        assert_eq!(e.message, "`sites.card` must be a string, not an integer");
        let e = err("agent = \"Alex\"\n");
        assert_eq!(e.message, "`agent` must be a table, not a string");
        let e = err("[custom]\nid = \"custom.a\"\n");
        assert_eq!(e.message, "`custom` must be an array, not a table");
    }

    #[test]
    fn a_missing_key_is_named_at_its_table() {
        let e = err("name = \"x\"\n\n[[custom]]\nid = \"custom.a\"\nphrases = [\"p\"]\n");
        assert_eq!((e.line, e.column), (3, 1));
        assert_eq!(e.message, "missing key `custom.message`");
    }

    #[test]
    fn unknown_keys_are_refused_in_every_table() {
        for (src, key) in [
            ("[agent]\nnick = \"b\"\n", "agent.nick"),
            (
                "[rules.\"avoid.blame-ai\"]\nsev = \"off\"\n",
                "rules.\"avoid.blame-ai\".sev",
            ),
            (
                "custom = [{ id = \"custom.a\", message = \"m\", phrases = [\"p\"], x = 1 }]",
                "custom.x",
            ),
            (
                "[[tests]]\ncard = \"\"\nreply = \"\"\nexpect = []\n",
                "tests.expect",
            ),
            ("[qa]\nweight = {}\n", "qa.weight"),
        ] {
            let e = err(src);
            assert!(
                e.message
                    .starts_with(&format!("unknown key `{key}` (expected one of `")),
                "{e}"
            );
        }
    }

    #[test]
    fn weights_take_integers_and_floats_in_any_toml_form() {
        let p = Pack::parse("[qa.weights]\n\"qa.used-name\" = 2.5\n\"qa.tone-matched\" = 0x10\n")
            .unwrap();
        assert_eq!(p.qa.weight("qa.used-name"), 2.5);
        assert_eq!(p.qa.weight("qa.tone-matched"), 16.0);
        for bad in ["nan", "inf", "-0.5", "\"2\"", "99999999999999999999"] {
            let e = err(&format!("[qa]\nweights = {{ \"qa.used-name\" = {bad} }}\n"));
            assert_eq!((e.line, e.column), (2, 30), "{bad}: {e}");
        }
    }

    #[test]
    fn by_id_keeps_id_order_and_serializes_as_an_object() {
        let mut m = ById::default();
        assert_eq!(m.insert("b".to_string(), 2.0), None);
        assert_eq!(m.insert("a".to_string(), 1.0), None);
        assert_eq!(m.insert("b".to_string(), 3.0), Some(2.0));
        assert_eq!(m.get("b"), Some(&3.0));
        assert_eq!(m.get("c"), None);
        let ids: Vec<&String> = m.iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"a":1.0,"b":3.0}"#);
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
