//! The wasm boundary: the [`Engine`] as a JavaScript class.
//!
//! Everything crosses as plain data: strings in, plain objects out (through
//! serde as JSON, then `JSON.parse`: maps become objects, `None` becomes
//! `null`; objects in through `serde_wasm_bindgen`, which reads a lone
//! surrogate as U+FFFD where JSON text would be refused), and
//! every offset in them is already UTF-16 (see [`crate::span`]). No rule,
//! pattern or message lives here; this file only converts.
//!
//! Strings from JavaScript may hold lone surrogates; wasm-bindgen turns each
//! into U+FFFD, which is also one UTF-16 code unit, so offsets still line up
//! with the JavaScript string.
//!
//! The sizes the browser coaches live are fixed here, once ([`limits`]): a
//! page can hold a card or a reply of any size, and the service worker that
//! hosts this engine answers every tab, so one pasted megabyte must not stall
//! them all. The DOM layer asks for them and never sends more.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{audit, grade, rules, span, CheckOptions, Context, Engine, Pack};

/// Longest reply checked live, in UTF-16 code units (what a browser's
/// `value.length` counts). A first message is a few hundred characters; ten
/// times the longest the corpus holds still answers within a keystroke.
const LIVE_REPLY_LIMIT: usize = 20_000;

/// How much of a card is read, in UTF-16 code units: a card is a screenful;
/// an element the page calls a card that holds more is read from its start.
const CARD_LIMIT: usize = 20_000;

/// `value` as a plain JavaScript value: written as JSON here, read by
/// `JSON.parse`. That is the shape `serde_wasm_bindgen`'s JSON-compatible
/// serializer made (objects, arrays, numbers, strings, `null`), in less
/// code: serde_json's writer is in the build for the audit already, where
/// a JavaScript serializer is instantiated again for every type. No value
/// sent holds a NaN or an infinity, which JSON would write as `null`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    js_sys::JSON::parse(&json)
}

fn from_js<T: serde::de::DeserializeOwned + Default>(
    value: JsValue,
    what: &str,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_sys::Error::new(&format!("{what}: {e}")).into())
}

/// Why an audit line was refused: where, what, and the whole reason as the
/// command line prints it after `FILE:LINE: `.
#[derive(Serialize)]
struct Refusal {
    field: Option<String>,
    message: String,
    text: String,
}

impl From<audit::LineError> for Refusal {
    fn from(e: audit::LineError) -> Refusal {
        let text = e.to_string();
        Refusal {
            field: e.field,
            message: e.message,
            text,
        }
    }
}

/// `{error: {field, message, text}}` for a refused audit line.
fn refused(e: audit::LineError) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Refused {
        error: Refusal,
    }
    to_js(&Refused {
        error: Refusal::from(e),
    })
}

/// A pack error as a JavaScript `Error` that also carries `line` and `column`.
fn pack_error(e: &crate::PackError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let _ = js_sys::Reflect::set(&err, &"line".into(), &(e.line as u32).into());
    let _ = js_sys::Reflect::set(&err, &"column".into(), &(e.column as u32).into());
    err.into()
}

/// The coaching engine, built once per pack and reused for every keystroke.
#[wasm_bindgen(js_name = Engine)]
pub struct WasmEngine {
    inner: Engine,
}

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// An engine with the built-in rules, or with `pack` (TOML text) applied.
    /// A bad pack throws an `Error` with `line` and `column`.
    #[wasm_bindgen(constructor)]
    pub fn new(pack: Option<String>) -> Result<WasmEngine, JsValue> {
        let inner = match pack.as_deref().filter(|p| !p.trim().is_empty()) {
            None => Engine::default(),
            Some(src) => Engine::from_pack_toml(src).map_err(|e| pack_error(&e))?,
        };
        Ok(WasmEngine { inner })
    }

    /// Reads an escalation card into a context object: its first
    /// [`limits`]`().card` UTF-16 code units.
    pub fn read(&self, card: &str) -> Result<JsValue, JsValue> {
        to_js(
            &self
                .inner
                .read(&card[..span::byte_of_unit(card, CARD_LIMIT)]),
        )
    }

    /// Checks `reply` against a context object (as `read` returns it, maybe
    /// edited by the agent). `options`: `{phase, mode, agent}`, all optional.
    /// A reply longer than [`limits`]`().reply` throws an `Error` with
    /// `length` and `limit` (UTF-16 code units), unchecked.
    pub fn check(
        &self,
        context: JsValue,
        reply: &str,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let length = span::utf16_len(reply);
        if length > LIVE_REPLY_LIMIT {
            let err = js_sys::Error::new(&format!(
                "reply too long to check live: {length} UTF-16 code units, the limit is {LIVE_REPLY_LIMIT}"
            ));
            let _ = js_sys::Reflect::set(&err, &"length".into(), &(length as u32).into());
            let _ = js_sys::Reflect::set(&err, &"limit".into(), &(LIVE_REPLY_LIMIT as u32).into());
            return Err(err.into());
        }
        let ctx: Context = from_js(context, "context")?;
        let opts: CheckOptions = from_js(options, "options")?;
        to_js(&self.inner.check(&ctx, reply, &opts))
    }

    /// The ready opening for a context object, signed by `agent` (else the
    /// pack's agent, else `[Agent]`).
    pub fn opening(&self, context: JsValue, agent: Option<String>) -> Result<JsValue, JsValue> {
        let ctx: Context = from_js(context, "context")?;
        to_js(&self.inner.opening(&ctx, agent.as_deref()))
    }

    /// Audits one line of an audit file (the QA overlay builds one from the
    /// page): `{audit, row}` (`row`: the cells `audit --format csv` prints,
    /// under [`csv_header`]'s columns) or `{error: {field, message, text}}`
    /// with the same words the command line uses.
    #[wasm_bindgen(js_name = auditLine)]
    pub fn audit_line(&self, line: &str) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Audited<'a> {
            audit: &'a audit::Audit,
            row: Vec<String>,
        }
        match audit::parse_line(line) {
            Ok(conv) => {
                let audit = self.inner.audit(&conv);
                to_js(&Audited {
                    row: audit::row::cells(&audit),
                    audit: &audit,
                })
            }
            Err(e) => refused(e),
        }
    }

    /// Audits a batch of whole lines of an audit file (raw bytes, lines
    /// ending in `\n`, the first of them line `first`, 1-based), each as
    /// `handoff-coach audit` reads a line: `{rows: [[line, cells]], bad:
    /// [[line, text]]}`, blank lines skipped. `cells` are the CSV row (see
    /// [`csv_header`]); `text` is the reason the command line prints.
    #[wasm_bindgen(js_name = auditBatch)]
    pub fn audit_batch(&self, bytes: &[u8], first: u32) -> Result<JsValue, JsValue> {
        #[derive(Serialize, Default)]
        struct Batch {
            rows: Vec<(usize, Vec<String>)>,
            bad: Vec<(usize, String)>,
        }
        let mut out = Batch::default();
        let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        for (i, line) in body.split(|&b| b == b'\n').enumerate() {
            let number = first as usize + i;
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            match audit::read_line(line) {
                Ok(Some(conv)) => out
                    .rows
                    .push((number, audit::row::cells(&self.inner.audit(&conv)))),
                Ok(None) => {}
                Err(e) => out.bad.push((number, e.to_string())),
            }
        }
        to_js(&out)
    }

    /// One line of an audit file opened for reading (raw bytes, without its
    /// `\n`): `{conversation, audit}`, `{error}`, or `null` for a blank line.
    /// The conversation's times are seconds since the epoch.
    #[wasm_bindgen(js_name = openLine)]
    pub fn open_line(&self, bytes: &[u8]) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Opened<'a> {
            conversation: &'a audit::Conversation,
            audit: &'a audit::Audit,
        }
        let line = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        match audit::read_line(line) {
            Ok(None) => Ok(JsValue::NULL),
            Ok(Some(conversation)) => to_js(&Opened {
                audit: &self.inner.audit(&conversation),
                conversation: &conversation,
            }),
            Err(e) => refused(e),
        }
    }

    /// The pack this engine runs with (name, agent, sites, …) and what it
    /// changes, one line each.
    #[wasm_bindgen(js_name = packInfo)]
    pub fn pack_info(&self) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Info<'a> {
            pack: &'a Pack,
            changes: Vec<String>,
        }
        let pack = self.inner.pack();
        to_js(&Info {
            pack,
            changes: pack.describe(),
        })
    }

    /// Runs the pack's own tests: one `{line, missed, unexpected}` each.
    #[wasm_bindgen(js_name = packTests)]
    pub fn pack_tests(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.run_pack_tests())
    }
}

/// Validates a pack without keeping it: `{ok: true, pack, changes, tests}`
/// (`pack` as `packInfo` shows it, so the options page can check the sites'
/// selectors with the browser itself) or `{ok: false, error: {line, column,
/// message}}`.
#[wasm_bindgen(js_name = validatePack)]
pub fn validate_pack(src: &str) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Valid<'a> {
        ok: bool,
        pack: &'a Pack,
        changes: Vec<String>,
        tests: Vec<crate::PackTestResult>,
    }
    #[derive(Serialize)]
    struct Invalid {
        ok: bool,
        error: crate::PackError,
    }
    match Pack::parse(src) {
        Ok(pack) => {
            let changes = pack.describe();
            let engine = Engine::new(pack);
            let tests = engine.run_pack_tests();
            to_js(&Valid {
                ok: true,
                pack: engine.pack(),
                changes,
                tests,
            })
        }
        Err(error) => to_js(&Invalid { ok: false, error }),
    }
}

/// Why a rule or QA item exists, in the training guide's words: `{title,
/// why, bad, good, source}`, or `null` for an id without one (a pack's own
/// rule).
#[wasm_bindgen]
pub fn explain(id: &str) -> Result<JsValue, JsValue> {
    match rules::explain(id) {
        Some(e) => to_js(&e),
        None => Ok(JsValue::NULL),
    }
}

/// Grades a trainee's reading of a card (`{name, tier, issue, ai_tried,
/// sentiment}`, all optional strings) against a context object as `read`
/// returns it: `{fields: [{field, expected, given, score}], score}`.
#[wasm_bindgen(js_name = gradeReading)]
pub fn grade_reading(context: JsValue, answers: JsValue) -> Result<JsValue, JsValue> {
    let ctx: Context = from_js(context, "context")?;
    let answers: grade::Reading = from_js(answers, "answers")?;
    to_js(&grade::grade_reading(&ctx, &answers))
}

/// The columns of an audited conversation as a table row (`audit --format
/// csv`'s header): id, score, each QA item, each metric.
#[wasm_bindgen(js_name = csvHeader)]
pub fn csv_header() -> Vec<String> {
    audit::row::header()
}

/// The longest line an audit reader takes, in bytes.
#[wasm_bindgen(js_name = maxLineBytes)]
pub fn max_line_bytes() -> u32 {
    audit::MAX_LINE_BYTES as u32
}

/// The reason a line of `length` bytes is refused as too long, as the
/// command line words it (for a reader that stopped keeping the line).
#[wasm_bindgen(js_name = lineTooLong)]
pub fn line_too_long(length: f64) -> String {
    audit::LineError::too_long(length as usize).to_string()
}

/// The sizes coached live, in UTF-16 code units: `{reply, card}` (see the
/// module docs). Longer replies are not checked; cards are read from their
/// start up to `card`.
#[wasm_bindgen]
pub fn limits() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Limits {
        reply: usize,
        card: usize,
    }
    to_js(&Limits {
        reply: LIVE_REPLY_LIMIT,
        card: CARD_LIMIT,
    })
}

/// The crate's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Talc instead of the default dlmalloc: some 2 KB smaller in the wasm
/// (README "Size"), and quick at the many small strings a check makes.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
