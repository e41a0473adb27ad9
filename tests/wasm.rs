//! The engine as the browser runs it: compiled to wasm, called through the
//! wasm-bindgen boundary in headless Chromium (`scripts/test` runs these with
//! wasm-bindgen-test-runner). These check what only the boundary can get
//! wrong: plain objects out, UTF-16 offsets, errors as JavaScript errors.
#![cfg(target_arch = "wasm32")]

use handoff_coach::{Engine, Pack};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_bad_pack_is_refused_with_its_position() {
    let err = Pack::parse("[rules.\"avoid.nope\"]\nseverity = \"off\"\n").unwrap_err();
    assert_eq!((err.line, err.column), (1, 8));
}

#[wasm_bindgen_test]
fn the_engine_builds_in_the_browser() {
    let engine = Engine::default();
    assert!(engine.pack().rules.is_empty());
}
