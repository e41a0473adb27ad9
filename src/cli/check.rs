//! `handoff-coach check`: one reply against its card.
//!
//! `--format json` prints exactly [`handoff_coach::CheckOutput`]; `--format
//! text` is the same answer for people: each finding drawn under the reply
//! ([`super::diagnostic`]), the checklist with ✓ / ✗ / n/a, the score and the
//! ready opening.

use std::io::Write;

use handoff_coach::{CheckOptions, CheckOutput, Phase};

use super::diagnostic::{self, Source};
use super::files::{self, is_stdin};
use super::style::Style;
use super::{CheckArgs, CheckFormat, Failure, Outcome};

/// Runs `check`.
pub fn run(args: CheckArgs) -> Outcome {
    if is_stdin(&args.summary) && is_stdin(&args.reply) {
        return Err(Failure::input(
            "handoff-coach: --summary and --reply cannot both be \"-\": only one of them can read standard input",
        ));
    }
    let engine = files::engine(args.pack.as_deref())?;
    let card = files::read_text(&args.summary)?;
    let reply = files::read_text(&args.reply)?;
    let opts = CheckOptions {
        phase: args.phase.into(),
        mode: args.mode.into(),
        agent: args.agent,
    };
    let out = engine.check_card(&card, &reply, &opts);
    let text = match args.format {
        CheckFormat::Json => {
            let mut json = serde_json::to_string_pretty(&out)
                .map_err(|e| Failure::input(format!("handoff-coach: cannot write JSON: {e}")))?;
            json.push('\n');
            json
        }
        CheckFormat::Text => report(
            &out,
            &Source::new(&files::name(&args.reply), &reply),
            opts.phase,
            Style::detect(),
        ),
    };
    write_stdout(text.as_bytes())?;
    Ok(0)
}

/// Writes `bytes` to standard output. A reader that went away (`| head`) is
/// not an error of ours: the run simply stops.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::input(format!(
            "handoff-coach: cannot write the output: {}",
            files::describe(&e)
        ))),
    }
}

/// The text report.
pub fn report(out: &CheckOutput, reply: &Source<'_>, phase: Phase, style: Style) -> String {
    let mut text = String::new();
    let spanned: Vec<_> = out.findings.iter().filter(|f| f.start.is_some()).collect();
    for f in &spanned {
        diagnostic::render(&mut text, reply, f, style);
        text.push('\n');
    }
    // Findings without a span are missing checklist items; they are shown
    // in the checklist. Any other (none today) is still shown on its own.
    let in_checklist = |rule: &str| out.checklist.get(rule).is_some();
    for f in out
        .findings
        .iter()
        .filter(|f| f.start.is_none() && !in_checklist(&f.rule))
    {
        diagnostic::render(&mut text, reply, f, style);
        text.push('\n');
    }
    if spanned.is_empty() {
        text.push_str(&format!(
            "{}\n\n",
            style.good("nothing to fix in the reply's wording")
        ));
    }

    let phase_name = match phase {
        Phase::First => "first message",
        Phase::Resolution => "resolution",
        Phase::Closing => "closing message",
    };
    if out.checklist.0.is_empty() {
        text.push_str(&format!(
            "{} nothing to tick for the {phase_name}\n",
            style.bold("checklist:")
        ));
    } else {
        text.push_str(&format!("{} ({phase_name})\n", style.bold("checklist")));
        let width = out
            .checklist
            .0
            .iter()
            .map(|(id, _)| id.len())
            .max()
            .unwrap_or(0);
        for (id, value) in &out.checklist.0 {
            let missing = out
                .findings
                .iter()
                .find(|f| &f.rule == id && f.start.is_none());
            let line = match (missing, value) {
                (Some(f), _) => {
                    let mut line = format!("  {} {id:width$}  {}", style.bad("✗"), f.message);
                    if let Some(s) = &f.suggestion {
                        line.push_str(&format!("\n      {} {s}", style.dim("suggestion:")));
                    }
                    line
                }
                (None, Some(true)) => format!("  {} {id}", style.good("✓")),
                (None, Some(false)) => format!("  {} {id}", style.bad("✗")),
                (None, None) => format!("  {} {}", style.dim("n/a"), style.dim(id)),
            };
            text.push_str(&line);
            text.push('\n');
        }
    }
    text.push_str(&format!("{} {:.2}\n\n", style.bold("score:"), out.score));
    text.push_str(&format!(
        "{} ({})\n",
        style.bold("ready opening"),
        script_name(&out.opening)
    ));
    for line in out.opening.text.lines() {
        text.push_str(&format!("  {line}\n"));
    }
    text
}

/// The opening's script as the JSON names it (`after-hours`, …).
fn script_name(opening: &handoff_coach::Opening) -> String {
    serde_json::to_value(opening.script)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use handoff_coach::rules::Checklist;
    use handoff_coach::{Context, Finding, Opening, Severity};

    fn finding(rule: &str, span: Option<(usize, usize)>) -> Finding {
        Finding {
            rule: rule.into(),
            severity: Severity::Hint,
            start: span.map(|s| s.0),
            end: span.map(|s| s.1),
            message: format!("message of {rule}"),
            suggestion: Some(format!("suggestion for {rule}")),
        }
    }

    fn output(findings: Vec<Finding>, checklist: &[(&str, Option<bool>)]) -> CheckOutput {
        CheckOutput {
            context: Context::default(),
            findings,
            checklist: Checklist(checklist.iter().map(|(k, v)| (k.to_string(), *v)).collect()),
            score: 0.5,
            opening: Opening {
                script: handoff_coach::opening::Script::AfterHours,
                text: "Hi Sarah, I'm Alex.".into(),
            },
        }
    }

    #[test]
    fn shows_findings_checklist_score_and_opening() {
        let reply = "How can I help you today?";
        let out = output(
            vec![
                finding("never-ask.generic-opener", Some((0, 24))),
                finding("always.set-timeline", None),
            ],
            &[
                ("always.use-name", None),
                ("always.state-action", Some(true)),
                ("always.set-timeline", Some(false)),
            ],
        );
        let text = report(
            &out,
            &Source::new("r.txt", reply),
            Phase::First,
            Style::plain(),
        );
        assert!(text.starts_with(
            "hint[never-ask.generic-opener]: message of never-ask.generic-opener\n --> r.txt:1:1\n"
        ));
        assert!(text.contains("checklist (first message)\n"));
        assert!(text.contains("  n/a always.use-name\n"));
        assert!(text.contains("  ✓ always.state-action\n"));
        assert!(text.contains(
            "  ✗ always.set-timeline  message of always.set-timeline\n      suggestion: suggestion"
        ));
        assert!(text.contains("score: 0.50\n"));
        assert!(
            text.ends_with("ready opening (after-hours)\n  Hi Sarah, I'm Alex.\n"),
            "{text}"
        );
    }

    #[test]
    fn a_resolution_message_has_no_checklist() {
        let text = report(
            &output(vec![], &[]),
            &Source::new("r", "ok"),
            Phase::Resolution,
            Style::plain(),
        );
        assert!(text.contains("nothing to fix in the reply's wording"));
        assert!(text.contains("checklist: nothing to tick for the resolution"));
    }
}
