//! `handoff-coach audit`: whole conversations, one per line, streamed.
//!
//! Three stages run at once, joined by channels that hold at most one batch
//! each, so memory stays flat whatever the input's size:
//!
//! ```text
//! reader thread ──batch──► rayon (every core audits the batch's lines) ──results──► writer thread
//! ```
//!
//! The reader splits the stream into batches ([`super::lines`]); the main
//! thread audits a batch's lines in parallel and collects the results in
//! input order; the writer prints them (stdout) and the bad lines (stderr,
//! one line each: `FILE:LINE: field: what`), while the next batch is read and
//! audited. Nothing here judges a conversation: that is
//! [`handoff_coach::Engine::audit`].

use std::io::{self, BufReader, BufWriter, Write};
use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::sync_channel;

use handoff_coach::audit::{self, LineError, MAX_LINE_BYTES};
use handoff_coach::{Audit, Engine};
use rayon::prelude::*;

use super::files;
use super::lines::{Batch, Body, Line, Lines};
use super::{AuditArgs, AuditFormat, Failure, Outcome};

/// A batch is cut at this many bytes of input…
const BATCH_BYTES: usize = 1 << 20;
/// …or this many lines, whichever comes first: enough work to keep every
/// core busy, small enough that three batches in flight stay a few MB.
const BATCH_LINES: usize = 2048;
/// A worker audits a batch's lines this many at a time, printing their JSON
/// into one buffer: one allocation per run of lines instead of one per
/// conversation (and per doubling), freed by the writer in one go.
const RUN_LINES: usize = 32;

/// What became of one run of lines: their JSON lines, back to back, and
/// what became of each line, in order.
struct Part {
    json: Vec<u8>,
    done: Vec<Done>,
}

/// What became of one line.
enum Done {
    /// A blank line: skipped without a word.
    Blank,
    /// An audited conversation, ready to print.
    Audited(Printed),
    /// A bad line and why.
    Bad(usize, LineError),
}

/// One conversation's output.
enum Printed {
    /// A JSON line, newline included: this range of its [`Part`]'s buffer.
    Json(Range<usize>),
    /// A CSV record.
    Row(Vec<String>),
}

/// Runs `audit`.
pub fn run(args: AuditArgs) -> Outcome {
    let engine = files::engine(args.pack.as_deref())?;
    let name = files::name(&args.input);
    let input = files::open(&args.input)?;
    let mut lines = Lines::new(BufReader::with_capacity(1 << 16, input), MAX_LINE_BYTES);
    let format = args.format;
    // A panic is reported as the line it happened on (see `audit_line`), not
    // as a multi-line message in the middle of the others.
    panic::set_hook(Box::new(|_| {}));

    std::thread::scope(|scope| {
        let (batches, batches_rx) = sync_channel::<io::Result<Batch>>(1);
        let (results, results_rx) = sync_channel::<Vec<Part>>(1);

        scope.spawn(move || loop {
            match lines.next_batch(BATCH_BYTES, BATCH_LINES) {
                Ok(Some(batch)) => {
                    if batches.send(Ok(batch)).is_err() {
                        return;
                    }
                }
                Ok(None) => return,
                Err(e) => {
                    let _ = batches.send(Err(e));
                    return;
                }
            }
        });

        let name_ref = &name;
        let writer = scope.spawn(move || write_all(results_rx, format, name_ref));

        let mut read_error = None;
        for batch in batches_rx {
            let batch = match batch {
                Ok(batch) => batch,
                Err(e) => {
                    read_error = Some(e);
                    break;
                }
            };
            let done: Vec<Part> = batch
                .lines
                .par_chunks(RUN_LINES)
                .map(|lines| {
                    let mut part = Part {
                        // A JSON audit line is two or three kB; under
                        // malloc's mmap threshold (128 kB) for a full run.
                        json: Vec::with_capacity(lines.len() * 3072),
                        done: Vec::with_capacity(lines.len()),
                    };
                    for line in lines {
                        let done = audit_line(&engine, &batch, line, format, &mut part.json);
                        part.done.push(done);
                    }
                    part
                })
                .collect();
            drop(batch);
            if results.send(done).is_err() {
                break; // the writer stopped: its reason is reported below
            }
        }
        drop(results);

        let tally = writer.join().unwrap_or_else(|payload| {
            Err(Failure::input(format!(
                "handoff-coach: {}",
                internal_error(payload.as_ref())
            )))
        })?;
        if let Some(e) = read_error {
            return Err(Failure::input(format!(
                "{name}: cannot read: {}",
                files::describe(&e)
            )));
        }
        if tally.skipped > 0 {
            eprintln!(
                "{name}: {} conversation{} audited, {} bad line{} skipped",
                tally.audited,
                plural(tally.audited),
                tally.skipped,
                plural(tally.skipped)
            );
            return Ok(2);
        }
        Ok(0)
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Audits one line (on a rayon worker); a JSON line goes at the end of
/// `json`.
fn audit_line(
    engine: &Engine,
    batch: &Batch,
    line: &Line,
    format: AuditFormat,
    json: &mut Vec<u8>,
) -> Done {
    let range = match &line.body {
        Body::Text(range) => range,
        Body::TooLong(len) => return Done::Bad(line.number, LineError::too_long(*len)),
    };
    let conv = match audit::read_line(batch.bytes(range)) {
        Ok(Some(conv)) => conv,
        Ok(None) => return Done::Blank,
        Err(e) => return Done::Bad(line.number, e),
    };
    // The core never panics by design; if it ever does, one conversation is
    // lost, reported like a bad line, and the other lines are still audited.
    let start = json.len();
    match panic::catch_unwind(AssertUnwindSafe(|| {
        print(&engine.audit(&conv), format, &mut *json)
    })) {
        Ok(printed) => Done::Audited(printed),
        Err(payload) => {
            // Nothing half-printed stays behind.
            json.truncate(start);
            Done::Bad(
                line.number,
                LineError::whole(internal_error(payload.as_ref())),
            )
        }
    }
}

/// The one line that reports a panic, from its payload.
fn internal_error(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown cause");
    // One line, and a short one: a panic message may quote the whole text.
    let what: String = what
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(200)
        .collect();
    format!("internal error, conversation not audited (please report it): {what}")
}

/// Prints `audit`: a JSON line at the end of `json`, or a CSV record.
fn print(audit: &Audit, format: AuditFormat, json: &mut Vec<u8>) -> Printed {
    match format {
        AuditFormat::Jsonl => {
            let start = json.len();
            // Serialising plain data with string keys cannot fail.
            if serde_json::to_writer(&mut *json, audit).is_err() {
                json.truncate(start);
            }
            json.push(b'\n');
            Printed::Json(start..json.len())
        }
        AuditFormat::Csv => Printed::Row(audit::row::cells(audit)),
    }
}

/// How many lines were audited and skipped.
#[derive(Default)]
struct Tally {
    audited: usize,
    skipped: usize,
}

/// Where results go: JSON lines, or CSV records through the csv crate.
enum Sink<W: Write> {
    Jsonl(W),
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> Sink<W> {
    fn new(out: W, format: AuditFormat) -> io::Result<Sink<W>> {
        Ok(match format {
            AuditFormat::Jsonl => Sink::Jsonl(out),
            AuditFormat::Csv => {
                let mut csv = csv::Writer::from_writer(out);
                csv.write_record(audit::row::header())
                    .map_err(io::Error::from)?;
                Sink::Csv(Box::new(csv))
            }
        })
    }

    /// Prints one result; a JSON line is `printed`'s range of `json`.
    fn print(&mut self, printed: Printed, json: &[u8]) -> io::Result<()> {
        match (self, printed) {
            (Sink::Jsonl(out), Printed::Json(range)) => {
                out.write_all(json.get(range).unwrap_or_default())
            }
            (Sink::Csv(csv), Printed::Row(row)) => csv.write_record(&row).map_err(io::Error::from),
            // Each format prints its own kind; `print` never mixes them.
            _ => Ok(()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Jsonl(out) => out.flush(),
            Sink::Csv(csv) => csv.flush(),
        }
    }
}

/// The writer stage: prints every result in input order, and each bad line
/// on standard error.
fn write_all(
    results: std::sync::mpsc::Receiver<Vec<Part>>,
    format: AuditFormat,
    name: &str,
) -> Result<Tally, Failure> {
    let mut tally = Tally::default();
    let mut written = || -> io::Result<()> {
        let mut sink = Sink::new(
            BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            format,
        )?;
        for part in results.iter().flatten() {
            for d in part.done {
                match d {
                    Done::Blank => {}
                    Done::Audited(printed) => {
                        tally.audited += 1;
                        sink.print(printed, &part.json)?;
                    }
                    Done::Bad(number, e) => {
                        tally.skipped += 1;
                        // What was printed so far goes out first, so that
                        // both streams read in order on a terminal.
                        sink.flush()?;
                        let _ = writeln!(io::stderr().lock(), "{name}:{number}: {e}");
                    }
                }
            }
        }
        sink.flush()
    };
    match written() {
        Ok(()) => Ok(tally),
        // Whoever reads our output stopped reading (`| head`): not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(tally),
        Err(e) => Err(Failure::input(format!(
            "handoff-coach: cannot write the output: {}",
            files::describe(&e)
        ))),
    }
}
