//! Fuzz target `reply`: see `handoff_coach_fuzz::reply` for what it feeds and asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| handoff_coach_fuzz::reply(data));
