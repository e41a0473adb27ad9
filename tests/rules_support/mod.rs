//! What the rules and opening tests share: one engine per test binary
//! (building one compiles every pattern) and the shared corpus's lines.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use handoff_coach::Engine;
use serde_json::Value;

/// The default engine, built once.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::default)
}

/// Every line of a `.jsonl` file of the shared corpus
/// (`../shared/corpus/` beside the crate).
pub fn corpus(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line is JSON"))
        .collect()
}
