//! `handoff-coach pack check` and `pack test` through the real binary
//! (CONTRACT §4).

mod cli_support;

use cli_support::{bin, scratch, text};

/// The contract's example pack, without its tests.
const PACK: &str = r#"name = "acme-support"

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

[qa]
weights = { "qa.no-repeat-questions" = 3, "qa.used-name" = 1 }
critical = ["qa.no-repeat-questions"]
"#;

#[test]
fn pack_check_prints_what_a_good_pack_changes() {
    let path = scratch("acme.toml", PACK);
    let out = bin().args(["pack", "check"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    let pack = handoff_coach::Pack::parse(PACK).unwrap();
    let mut want = format!("{}: valid pack\n", path.display());
    for line in pack.describe() {
        want.push_str(&format!("  {line}\n"));
    }
    assert_eq!(shown, want);
    assert!(shown.contains("avoid.blame-ai: off"));
}

#[test]
fn pack_check_refuses_a_bad_pack_with_line_and_column() {
    for (src, at, words) in [
        (
            "[rules.\"avoid.blame-ai\"]\nseverity = \"loud\"\n",
            "2:12",
            "bad severity \"loud\"",
        ),
        ("name = \"x\"\ncolour = \"red\"\n", "2:", "colour"),
        (
            "[[sites]]\nmatch = \"https://desk.example.com/*\"\ncard = \"div[class=x\"\n",
            "3:8",
            "bad selector",
        ),
    ] {
        let path = scratch("bad.toml", src);
        let out = bin().args(["pack", "check"]).arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{src}");
        assert!(out.stdout.is_empty());
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with(&format!("{}:{at}", path.display())),
            "{stderr}"
        );
        assert!(stderr.contains(words), "{stderr}");
    }
}

#[test]
fn pack_check_of_a_missing_file_is_bad_input() {
    let out = bin()
        .args(["pack", "check", "/nonexistent/pack.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "/nonexistent/pack.toml: no such file or directory\n"
    );
}

#[test]
fn pack_test_names_the_failing_tests_line_and_what_was_missed() {
    // The first test passes whatever the rules (nothing must fire on a
    // plain thank-you); the second cannot pass (a rule that the pack itself
    // switched off must fire).
    let src = format!(
        "{PACK}\n[[tests]]\ncard = \"Customer: Sarah Chen\"\nreply = \"Thanks, Sarah.\"\nsilent = [\"avoid.blame-ai\"]\n\n[[tests]]\ncard = \"Customer: Sarah Chen\"\nreply = \"The bot is useless.\"\nfires = [\"avoid.blame-ai\"]\n"
    );
    let second = src
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "[[tests]]")
        .nth(1)
        .unwrap()
        .0
        + 1;
    let path = scratch("tests.toml", &src);
    let out = bin().args(["pack", "test"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let shown = text(&out.stdout);
    assert_eq!(
        shown,
        format!(
            "{p}:{second}: test failed: did not fire: avoid.blame-ai\n{p}: 1 of 2 tests failed\n",
            p = path.display()
        )
    );
}

#[test]
fn pack_test_passes_and_says_so() {
    let src = format!(
        "{PACK}\n[[tests]]\ncard = \"\"\nreply = \"Thanks!\"\nsilent = [\"avoid.blame-ai\"]\n"
    );
    let path = scratch("ok.toml", &src);
    let out = bin().args(["pack", "test"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        format!("{}: 1 test passed\n", path.display())
    );
    let none = scratch("none.toml", PACK);
    let out = bin().args(["pack", "test"]).arg(&none).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), format!("{}: no tests\n", none.display()));
}

#[test]
fn pack_test_of_a_bad_pack_is_bad_input_not_a_failed_test() {
    let path = scratch(
        "bad.toml",
        "[[tests]]\ncard = \"\"\nreply = \"\"\nfires = [\"custom.nope\"]\n",
    );
    let out = bin().args(["pack", "test"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with(&format!("{}:4:10: ", path.display())));
}
