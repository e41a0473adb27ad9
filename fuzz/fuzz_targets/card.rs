//! Fuzz target `card`: see `handoff_coach_fuzz::card` for what it feeds and asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| handoff_coach_fuzz::card(data));
