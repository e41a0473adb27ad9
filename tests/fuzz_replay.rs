//! Replays every saved fuzz input through the fuzz targets' own code, so a
//! plain `cargo test` on stable (CI has no cargo fuzz) keeps every fixed
//! crash fixed and every corpus input passing.
//!
//! Two folders per target, both committed:
//!
//! * `fuzz/corpus/<target>/`: the corpus the fuzzers grew, minimised
//!   (`scripts/fuzz` runs `cargo fuzz cmin` after each run);
//! * `fuzz/regressions/<target>/`: every input that once crashed or hung a
//!   target, kept even if the corpus is minimised away from it.
//!
//! The targets' bodies are in `fuzz/src/lib.rs`, included here by path.
//! `seed_corpora` (ignored: `scripts/fuzz seed` runs it) writes the seed
//! inputs from the labelled corpus in `../shared/corpus/` and the packs in
//! this crate's tests.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod targets;

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use handoff_coach::Engine;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files of `dir`, sorted, or none when it does not exist.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `target` on every saved input of `name`; fails naming each input
/// that panics, after trying them all.
fn replay(name: &str, target: fn(&[u8])) {
    let start = Instant::now();
    let mut count = 0;
    let mut failed = Vec::new();
    for kind in ["corpus", "regressions"] {
        for file in files(&fuzz_dir().join(kind).join(name)) {
            let data = fs::read(&file).expect("read a saved input");
            count += 1;
            if panic::catch_unwind(AssertUnwindSafe(|| target(&data))).is_err() {
                failed.push(file.display().to_string());
            }
        }
    }
    assert!(failed.is_empty(), "{name}: inputs that panic: {failed:#?}");
    assert!(count > 0, "{name}: no saved inputs (run scripts/fuzz seed)");
    eprintln!("{name}: {count} inputs in {:?}", start.elapsed());
}

#[test]
fn card() {
    replay("card", targets::card);
}

#[test]
fn reply() {
    replay("reply", targets::reply);
}

#[test]
fn pack() {
    replay("pack", targets::pack);
}

#[test]
fn audit_line() {
    replay("audit_line", targets::audit_line);
}

/// `reply_seed` and `reply_input` are each other's inverse on the fields a
/// seed carries, so a seed means what it was written from.
#[test]
fn reply_layout_round_trips() {
    let ctx = Engine::default().read(
        "Customer: Sarah Chen\nOrder #: 12345\nEmail: sarah@example.com\nSentiment: Frustrated\n\
         Tier: Enterprise\nAI Attempts: 3\nPhone: +1 555 0100",
    );
    let seed = targets::reply_seed("Hi Sarah!", &ctx, Some("Alex"));
    let (reply, back, agent) = targets::reply_input(&seed);
    assert_eq!(reply, "Hi Sarah!");
    assert_eq!(back, ctx);
    assert_eq!(agent.as_deref(), Some("Alex"));
}

/// The checks the targets make can fail: a span inside a surrogate pair,
/// past the end, or backwards is caught.
#[test]
fn span_checks_catch_bad_offsets() {
    let text = "a😊b";
    targets::check_units(text, &[0, 1, 3, 4]);
    for bad in [2, 5] {
        let caught = panic::catch_unwind(|| targets::check_units(text, &[bad]));
        assert!(caught.is_err(), "offset {bad} accepted");
    }
}

/// Writes the seed corpora (`scripts/fuzz seed`): cards and conversation
/// summaries for `card`, every labelled reply with its card's context for
/// `reply`, conversations and bad lines for `audit_line`, the packs of the
/// pack tests for `pack`.
#[test]
#[ignore = "writes fuzz/corpus: run through scripts/fuzz seed"]
fn seed_corpora() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus");
    let jsonl = |file: &str| -> Vec<serde_json::Value> {
        fs::read_to_string(shared.join(file))
            .expect("the shared corpus")
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    };
    let str_of = |v: &serde_json::Value, key: &str| v[key].as_str().unwrap_or("").to_string();
    let write = |target: &str, name: &str, data: &[u8]| {
        let dir = fuzz_dir().join("corpus").join(target);
        fs::create_dir_all(&dir).expect("corpus folder");
        fs::write(dir.join(format!("seed-{name}")), data).expect("write a seed");
    };

    let engine = Engine::default();
    let cards = jsonl("cards.jsonl");
    for c in &cards {
        write("card", &str_of(c, "id"), str_of(c, "card").as_bytes());
    }
    let guide = fs::read(root.join("tests/data/guide-card.txt")).expect("guide card");
    write("card", "guide", &guide);
    for r in jsonl("replies.jsonl") {
        let card_id = str_of(&r, "card_id");
        let card = cards
            .iter()
            .find(|c| str_of(c, "id") == card_id)
            .map(|c| str_of(c, "card"))
            .unwrap_or_default();
        let ctx = engine.read(&card);
        let agent = (str_of(&r, "id").ends_with(['0', '5'])).then_some("Alex");
        let seed = targets::reply_seed(&str_of(&r, "reply"), &ctx, agent);
        write("reply", &str_of(&r, "id"), seed.as_bytes());
    }
    let conversations = fs::read_to_string(shared.join("conversations.jsonl")).expect("corpus");
    for (i, line) in conversations.lines().enumerate() {
        write("audit_line", &format!("conv{:02}", i + 1), line.as_bytes());
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
            write(
                "card",
                &format!("conv{:02}", i + 1),
                str_of(&v, "summary").as_bytes(),
            );
        }
    }
    let bad = fs::read(shared.join("bad.jsonl")).expect("corpus");
    for (i, line) in bad.split(|&b| b == b'\n').enumerate() {
        write("audit_line", &format!("bad{}", i + 1), line);
    }
    // The CONTRACT's example pack, and the packs written in the pack tests
    // (every raw string with a `=`).
    let contract = fs::read_to_string(root.join("../shared/spec/CONTRACT.md")).expect("contract");
    for (i, block) in contract.split("```toml").skip(1).enumerate() {
        let toml = block.split("```").next().unwrap_or("");
        write("pack", &format!("contract-{i}"), toml.as_bytes());
    }
    for file in ["tests/rules_pack.rs", "tests/cli_pack.rs"] {
        let src = fs::read_to_string(root.join(file)).expect("pack tests");
        for (i, block) in src.split("r#\"").skip(1).enumerate() {
            let toml = block.split("\"#").next().unwrap_or("");
            if toml.contains('=') {
                let stem = Path::new(file).file_stem().and_then(|s| s.to_str());
                write(
                    "pack",
                    &format!("{}-{i}", stem.unwrap_or("pack")),
                    toml.as_bytes(),
                );
            }
        }
    }
}
