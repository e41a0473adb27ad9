//! The `handoff-coach` command line: a thin front end over the library's
//! [`handoff_coach::Engine`]. See `src/cli/` for the commands.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
