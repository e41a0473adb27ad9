//! `handoff-coach pack check` and `pack test`: a rule pack validated
//! ([`handoff_coach::Pack::parse`], [`handoff_coach::Pack::describe`]) and
//! its own `[[tests]]` run ([`handoff_coach::Engine::run_pack_tests`]).

use std::path::Path;

use handoff_coach::Engine;

use super::check::write_stdout;
use super::files;
use super::Outcome;

/// `pack check FILE`: prints what the pack changes; a bad pack is one
/// `FILE:LINE:COLUMN: why` line and status 2.
pub fn check(path: &Path) -> Outcome {
    let pack = files::pack(path)?;
    let mut text = format!("{}: valid pack\n", files::name(path));
    for line in pack.describe() {
        text.push_str(&format!("  {line}\n"));
    }
    write_stdout(text.as_bytes())?;
    Ok(0)
}

/// `pack test FILE`: runs the pack's tests; status 1 if one fails, naming
/// the test's line and the rules it missed or fired unexpectedly.
pub fn test(path: &Path) -> Outcome {
    let name = files::name(path);
    let engine = Engine::new(files::pack(path)?);
    let results = engine.run_pack_tests();
    let mut text = String::new();
    let failed: Vec<_> = results.iter().filter(|r| !r.passed()).collect();
    for r in &failed {
        let mut why = Vec::new();
        if !r.missed.is_empty() {
            why.push(format!("did not fire: {}", r.missed.join(", ")));
        }
        if !r.unexpected.is_empty() {
            why.push(format!(
                "fired but should stay silent: {}",
                r.unexpected.join(", ")
            ));
        }
        text.push_str(&format!(
            "{name}:{}: test failed: {}\n",
            r.line,
            why.join("; ")
        ));
    }
    let summary = match (results.len(), failed.len()) {
        (0, _) => format!("{name}: no tests"),
        (n, 0) => format!("{name}: {n} test{} passed", if n == 1 { "" } else { "s" }),
        (n, f) => format!(
            "{name}: {f} of {n} test{} failed",
            if n == 1 { "" } else { "s" }
        ),
    };
    text.push_str(&summary);
    text.push('\n');
    write_stdout(text.as_bytes())?;
    Ok(if failed.is_empty() { 0 } else { 1 })
}
