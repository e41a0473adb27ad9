//! What the user named on the command line: files, or standard input for
//! `-`. Every problem becomes one [`Failure`] line that names the file (and,
//! inside a file, the line and column), with exit status 2.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use handoff_coach::{Engine, Pack};

use super::Failure;

/// How standard input is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether `path` means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The name messages use for `path`: as the user typed it.
pub fn name(path: &Path) -> String {
    if is_stdin(path) {
        STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    }
}

/// An I/O error in a few plain words, without Rust's "(os error 2)".
pub fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory, not a file".into(),
        io::ErrorKind::InvalidData => "not valid UTF-8".into(),
        _ => {
            let text = e.to_string();
            match text.split_once(" (os error") {
                Some((plain, _)) => plain.to_string(),
                None => text,
            }
        }
    }
}

/// Opens `path` for reading as a stream (standard input for `-`). A
/// directory is refused here, before any read, with its own words.
pub fn open(path: &Path) -> Result<Box<dyn Read + Send>, Failure> {
    if is_stdin(path) {
        return Ok(Box::new(io::stdin()));
    }
    let fail = |e: &io::Error| Failure::input(format!("{}: {}", name(path), describe(e)));
    let file = File::open(path).map_err(|e| fail(&e))?;
    if file.metadata().map_err(|e| fail(&e))?.is_dir() {
        return Err(Failure::input(format!(
            "{}: is a directory, not a file",
            name(path)
        )));
    }
    Ok(Box::new(file))
}

/// Reads the whole of `path` as text: a card, a reply or a pack. A leading
/// byte-order mark is dropped; bytes that are not UTF-8 are refused with the
/// line and column where they start.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    open(path)?
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::input(format!("{}: {}", name(path), describe(&e))))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let good = std::str::from_utf8(good).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        Failure::input(format!("{}:{line}:{column}: invalid UTF-8", name(path)))
    })?;
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Reads and validates a rule pack: `FILE:LINE:COLUMN: why` when it is bad.
pub fn pack(path: &Path) -> Result<Pack, Failure> {
    let src = read_text(path)?;
    Pack::parse(&src).map_err(|e| {
        Failure::input(format!(
            "{}:{}:{}: {}",
            name(path),
            e.line,
            e.column,
            e.message
        ))
    })
}

/// The engine for an optional `--pack FILE`.
pub fn engine(pack_path: Option<&Path>) -> Result<Engine, Failure> {
    Ok(match pack_path {
        Some(path) => Engine::new(pack(path)?),
        None => Engine::default(),
    })
}
