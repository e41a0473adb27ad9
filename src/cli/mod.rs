//! The command line (CONTRACT section 3): argument parsing, files and
//! standard streams, output formats. No rule logic lives here: every answer
//! comes from [`handoff_coach::Engine`].
//!
//! * `mod.rs` declares the commands (clap derive) and maps outcomes to exit
//!   statuses: 0 when it ran, 1 when a pack's own test failed, 2 on bad input.
//! * [`files`] opens what the user named (`-` is standard input) and turns
//!   every problem into one standard-error line that names the file.
//! * [`lines`] splits a stream into lines of bounded length without ever
//!   holding an over-long line whole.
//! * [`check`], [`audit`] and [`pack`] are the commands; [`diagnostic`]
//!   draws a finding under the reply for people, [`style`] colours it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use handoff_coach::{Mode, Phase};

mod audit;
mod check;
mod diagnostic;
mod files;
mod lines;
mod pack;
mod style;

/// What went wrong, as the one standard-error line a command ends with, and
/// the exit status that goes with it.
#[derive(Debug)]
pub struct Failure {
    /// The line, without a trailing newline.
    pub message: String,
    /// The exit status.
    pub status: u8,
}

impl Failure {
    /// Bad input (status 2): a file that cannot be read, a bad pack, bad
    /// arguments.
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            status: 2,
        }
    }
}

/// What a command returns: its exit status, or the failure to report.
pub type Outcome = Result<u8, Failure>;

#[derive(Parser)]
#[command(
    name = "handoff-coach",
    version,
    about = "Coaches the first human message after a support chatbot hands a conversation over.",
    long_about = "Coaches the first human message after a support chatbot hands a conversation over: \
reads the escalation card, checks the agent's reply against the training guide's never-ask and \
always-do rules, and audits whole conversations.\n\n\
Exit status: 0 when it ran (whatever it found), 1 when a pack's own test failed, 2 on bad input.",
    after_help = "Examples:\n  \
handoff-coach check --summary card.txt --reply reply.txt\n  \
handoff-coach audit conversations.jsonl --format csv > qa.csv\n  \
handoff-coach pack check team.toml",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks one reply against the escalation card it answers.
    #[command(after_help = "Examples:\n  \
handoff-coach check --summary card.txt --reply reply.txt\n  \
pbpaste | handoff-coach check --summary card.txt --reply - --agent Alex --format json\n  \
handoff-coach check --summary card.txt --reply last.txt --phase closing --mode trainer")]
    Check(CheckArgs),
    /// Audits whole conversations, one JSON object per line.
    #[command(
        after_help = "Each input line: {\"id\": \"c-1\", \"summary\": \"…card…\", \"messages\": \
[{\"role\": \"customer\"|\"ai\"|\"agent\", \"text\": \"…\", \"at\": \"2026-03-02T10:15:00Z\"}]}\n\
A bad line is reported on standard error and skipped; the others are still audited, \
and the run then exits with status 2.\n\n\
Examples:\n  \
handoff-coach audit conversations.jsonl > audit.jsonl\n  \
zcat export.jsonl.gz | handoff-coach audit - --format csv --pack team.toml > qa.csv"
    )]
    Audit(AuditArgs),
    /// Validates a rule pack or runs its own tests.
    #[command(subcommand)]
    Pack(PackCommand),
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The escalation card (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    summary: PathBuf,
    /// The agent's reply (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    reply: PathBuf,
    /// A rule pack (TOML) to apply.
    #[arg(long, value_name = "FILE")]
    pack: Option<PathBuf>,
    /// Who is coached: how loud a missing checklist item is.
    #[arg(long, value_enum, default_value_t = ModeArg::Agent)]
    mode: ModeArg,
    /// The agent's name, for the ready opening (else the pack's, else `[Agent]`).
    #[arg(long, value_name = "NAME")]
    agent: Option<String>,
    /// Which message of the handoff the reply is.
    #[arg(long, value_enum, default_value_t = PhaseArg::First)]
    phase: PhaseArg,
    /// `text` for people, `json` for tools.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
}

#[derive(clap::Args)]
struct AuditArgs {
    /// The conversations, one JSON object per line (`-` for standard input).
    #[arg(value_name = "FILE.jsonl|-")]
    input: PathBuf,
    /// A rule pack (TOML) to apply: rule changes and QA weights.
    #[arg(long, value_name = "FILE")]
    pack: Option<PathBuf>,
    /// One JSON object per conversation, or one CSV row.
    #[arg(long, value_enum, default_value_t = AuditFormat::Jsonl)]
    format: AuditFormat,
}

#[derive(Subcommand)]
enum PackCommand {
    /// Validates a pack and prints what it changes.
    #[command(after_help = "Example:\n  handoff-coach pack check team.toml")]
    Check {
        /// The pack (TOML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Runs the pack's own [[tests]]; exits 1 if one fails.
    #[command(after_help = "Example:\n  handoff-coach pack test team.toml")]
    Test {
        /// The pack (TOML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ModeArg {
    Agent,
    Trainer,
    Qa,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Mode {
        match m {
            ModeArg::Agent => Mode::Agent,
            ModeArg::Trainer => Mode::Trainer,
            ModeArg::Qa => Mode::Qa,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum PhaseArg {
    First,
    Resolution,
    Closing,
}

impl From<PhaseArg> for Phase {
    fn from(p: PhaseArg) -> Phase {
        match p {
            PhaseArg::First => Phase::First,
            PhaseArg::Resolution => Phase::Resolution,
            PhaseArg::Closing => Phase::Closing,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AuditFormat {
    Jsonl,
    Csv,
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with status 0; usage errors to
            // stderr with status 2, which is also the contract's bad input.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let outcome = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Pack(PackCommand::Check { file }) => pack::check(&file),
        Command::Pack(PackCommand::Test { file }) => pack::test(&file),
    };
    match outcome {
        Ok(status) => ExitCode::from(status),
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(failure.status)
        }
    }
}
