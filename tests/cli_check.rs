//! `handoff-coach check` through the real binary: JSON exactly as the
//! library gives it, the text report for people, standard input, and bad
//! input (CONTRACT §3).

mod cli_support;

use cli_support::{bin, corpus, scratch, text};
use handoff_coach::{CheckOptions, Engine, Mode, Phase};
use serde_json::Value;

const CARD: &str = include_str!("data/guide-card.txt");

fn json(stdout: &[u8]) -> Value {
    serde_json::from_slice(stdout).expect("one JSON object")
}

#[test]
fn json_is_exactly_the_engines_check_output() {
    let reply = "Hi Sarah, I'm Alex. What's your order number? How can I help you today? 😊";
    let card = scratch("card.txt", CARD);
    let reply_file = scratch("reply.txt", reply);
    for (phase, mode) in [
        ("first", "agent"),
        ("closing", "trainer"),
        ("resolution", "qa"),
    ] {
        let out = bin()
            .args([
                "check", "--format", "json", "--phase", phase, "--mode", mode, "--agent", "Jo",
            ])
            .arg("--summary")
            .arg(&card)
            .arg("--reply")
            .arg(&reply_file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let phase: Phase = serde_json::from_value(Value::from(phase)).unwrap();
        let mode: Mode = serde_json::from_value(Value::from(mode)).unwrap();
        let opts = CheckOptions {
            phase,
            mode,
            agent: Some("Jo".into()),
        };
        let want = serde_json::to_value(Engine::default().check_card(CARD, reply, &opts)).unwrap();
        let got = json(&out.stdout);
        assert_eq!(got, want);
        let keys: Vec<&str> = got
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 5, "{keys:?}");
        for key in ["context", "findings", "checklist", "score", "opening"] {
            assert!(keys.contains(&key), "{key}");
        }
    }
}

#[test]
fn either_file_may_be_standard_input() {
    let card = scratch("card.txt", CARD);
    let reply = scratch("reply.txt", "Hi Sarah!");
    let from_files = bin()
        .args(["check", "--format", "json", "--summary"])
        .arg(&card)
        .arg("--reply")
        .arg(&reply)
        .output();
    let want = json(&from_files.unwrap().stdout);
    let out = bin()
        .args(["check", "--format", "json", "--summary", "-", "--reply"])
        .arg(&reply)
        .write_stdin(CARD)
        .output()
        .unwrap();
    assert_eq!(json(&out.stdout), want);
    let out = bin()
        .args(["check", "--format", "json", "--reply", "-", "--summary"])
        .arg(&card)
        .write_stdin("Hi Sarah!")
        .output()
        .unwrap();
    assert_eq!(json(&out.stdout), want);
}

#[test]
fn both_from_standard_input_is_refused() {
    let out = bin()
        .args(["check", "--summary", "-", "--reply", "-"])
        .write_stdin("x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1);
    assert!(
        stderr.contains("--summary and --reply cannot both be \"-\""),
        "{stderr}"
    );
}

#[test]
fn missing_files_directories_and_bad_utf8_are_one_line_and_exit_2() {
    let card = scratch("card.txt", CARD);
    let bad = scratch("latin1.txt", b"Hi Zo\xeb,\nthanks \xff");
    let missing = corpus("no-such-reply.txt");
    let dir = corpus("");
    for (reply, want) in [
        (
            &missing,
            format!("{}: no such file or directory", missing.display()),
        ),
        (
            &dir,
            format!("{}: is a directory, not a file", dir.display()),
        ),
        (&bad, format!("{}:1:6: invalid UTF-8", bad.display())),
    ] {
        let out = bin()
            .args(["check", "--summary"])
            .arg(&card)
            .arg("--reply")
            .arg(reply)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        assert_eq!(text(&out.stderr), want + "\n");
    }
}

#[test]
fn an_empty_reply_is_not_bad_input() {
    let out = bin()
        .args(["check", "--format", "json", "--summary"])
        .arg(scratch("card.txt", CARD))
        .arg("--reply")
        .arg(scratch("empty.txt", ""))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(json(&out.stdout)["findings"].is_array());
}

#[test]
fn a_bad_pack_names_its_line_and_column() {
    let pack = scratch(
        "pack.toml",
        "name = \"x\"\n\n[rules.\"never-ask.typo\"]\nseverity = \"off\"\n",
    );
    let out = bin()
        .args(["check", "--summary"])
        .arg(scratch("card.txt", CARD))
        .arg("--reply")
        .arg(scratch("reply.txt", "Hi"))
        .arg("--pack")
        .arg(&pack)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}:3:8: unknown rule id \"never-ask.typo\"\n",
            pack.display()
        )
    );
}

#[test]
fn the_pack_agent_signs_the_opening_unless_the_command_line_names_one() {
    let pack = scratch("pack.toml", "[agent]\nname = \"Priya\"\n");
    let run = |extra: &[&str]| {
        let out = bin()
            .args(["check", "--format", "json", "--summary"])
            .arg(scratch("card.txt", CARD))
            .arg("--reply")
            .arg(scratch("reply.txt", "Hi"))
            .arg("--pack")
            .arg(&pack)
            .args(extra)
            .output()
            .unwrap();
        json(&out.stdout)["opening"]["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let engine = Engine::new(handoff_coach::Pack::parse("[agent]\nname = \"Priya\"\n").unwrap());
    let ctx = engine.read(CARD);
    assert_eq!(run(&[]), engine.opening(&ctx, None).text);
    assert_eq!(
        run(&["--agent", "Sam"]),
        engine.opening(&ctx, Some("Sam")).text
    );
}

/// The text report says the same as the JSON: every finding with a span is
/// drawn at its line and column, every checklist item is listed, then the
/// score and the opening; and there is no colour when stdout is not a
/// terminal.
#[test]
fn text_is_the_same_answer_for_people() {
    let reply = "Hi there!\n\tWhat's your order number? 😊 And how can I help you today?";
    let reply_file = scratch("reply.txt", reply);
    let card = scratch("card.txt", CARD);
    let args = |format: &str| {
        let mut cmd = bin();
        cmd.args(["check", "--format", format, "--summary"])
            .arg(&card)
            .arg("--reply")
            .arg(&reply_file);
        cmd
    };
    let report = json(&args("json").output().unwrap().stdout);
    let out = args("text").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let shown = text(&out.stdout);
    assert!(!shown.contains('\x1b'), "no colour in a pipe");
    for f in report["findings"].as_array().unwrap() {
        let head = format!(
            "{}[{}]: {}",
            f["severity"].as_str().unwrap(),
            f["rule"].as_str().unwrap(),
            f["message"].as_str().unwrap()
        );
        if let Some(start) = f["start"].as_u64() {
            assert!(shown.contains(&head), "{head}");
            let byte = handoff_coach::span::byte_of_unit(reply, start as usize);
            let line = reply[..byte].matches('\n').count() + 1;
            let column = reply[..byte].rsplit('\n').next().unwrap().chars().count() + 1;
            assert!(
                shown.contains(&format!("--> {}:{line}:{column}\n", reply_file.display())),
                "{head} at {line}:{column}"
            );
        } else {
            assert!(shown.contains(&format!("✗ {}", f["rule"].as_str().unwrap())));
        }
    }
    for (id, value) in report["checklist"].as_object().unwrap() {
        let mark = match value.as_bool() {
            Some(true) => "✓",
            Some(false) => "✗",
            None => "n/a",
        };
        assert!(shown.contains(&format!("{mark} {id}")), "{mark} {id}");
    }
    assert!(shown.contains(&format!(
        "score: {:.2}\n",
        report["score"].as_f64().unwrap()
    )));
    let opening = &report["opening"];
    assert!(shown.contains(&format!(
        "ready opening ({})\n",
        opening["script"].as_str().unwrap()
    )));
    for line in opening["text"].as_str().unwrap().lines() {
        assert!(shown.contains(&format!("  {line}\n")));
    }
}

/// A custom rule of a pack fires where its phrase is, and the text report
/// underlines exactly the phrase, after a wide emoji and a tab.
#[test]
fn a_custom_rule_is_underlined_under_its_words() {
    let pack = scratch(
        "pack.toml",
        "[[custom]]\nid = \"custom.no-refund-promise\"\nseverity = \"warning\"\nmessage = \"Don't promise a refund.\"\nphrases = [\"guarantee a refund\"]\n",
    );
    let reply = "Hi Sarah 😊\n\tI can guarantee a refund today.";
    let out = bin()
        .args(["check", "--summary"])
        .arg(scratch("card.txt", CARD))
        .arg("--reply")
        .arg(scratch("reply.txt", reply))
        .arg("--pack")
        .arg(&pack)
        .output()
        .unwrap();
    let shown = text(&out.stdout);
    assert!(
        shown.contains("warning[custom.no-refund-promise]: Don't promise a refund.\n"),
        "{shown}"
    );
    assert!(shown.contains("reply.txt:2:8\n"), "{shown}");
    assert!(
        shown.contains("2 |     I can guarantee a refund today.\n"),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("  | {}^^^^^^^^^^^^^^^^^^\n", " ".repeat(4 + 6))),
        "{shown}"
    );
}

#[test]
fn help_has_an_example_per_command_and_version_is_the_crates() {
    for cmd in [
        &["--help"][..],
        &["check", "--help"],
        &["audit", "--help"],
        &["pack", "check", "--help"],
        &["pack", "test", "--help"],
    ] {
        let out = bin().args(cmd).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let help = text(&out.stdout);
        assert!(help.contains("Example"), "{cmd:?}: {help}");
        assert!(help.contains("handoff-coach "), "{cmd:?}");
    }
    let out = bin().arg("--version").output().unwrap();
    assert_eq!(
        text(&out.stdout),
        format!("handoff-coach {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_usage_error_is_bad_input() {
    let out = bin().args(["check", "--summary", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args([
            "check",
            "--summary",
            "a",
            "--reply",
            "b",
            "--format",
            "yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
