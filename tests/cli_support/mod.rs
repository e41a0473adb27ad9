//! What the command-line tests share: the binary, the shared corpus, and
//! scratch files under Cargo's per-target temporary folder.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use assert_cmd::Command;

/// The built `handoff-coach` binary.
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_handoff-coach"));
    cmd.env_remove("NO_COLOR");
    cmd
}

/// A file of the shared corpus (`../shared/corpus/` beside the crate).
pub fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name)
}

/// A fresh scratch file holding `bytes`.
pub fn scratch(name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "cli-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("scratch file");
    path
}

/// Standard output or error as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// The corpus's conversations as the audit reads them (every line, with its
/// extra `expect` and `note` keys, which the audit ignores).
pub fn conversations() -> Vec<serde_json::Value> {
    std::fs::read_to_string(corpus("conversations.jsonl"))
        .expect("conversations.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line"))
        .collect()
}
