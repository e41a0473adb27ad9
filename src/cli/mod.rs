//! The command line (CONTRACT section 3): argument parsing, files and
//! standard streams, output formats. No rule logic lives here.

/// Runs the command line and returns the exit status.
pub fn main() -> i32 {
    eprintln!("handoff-coach: not built yet");
    2
}
