//! Fuzz target `audit_line`: see `handoff_coach_fuzz::audit_line` for what it feeds and asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| handoff_coach_fuzz::audit_line(data));
