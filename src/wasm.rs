//! The wasm boundary: the [`Engine`] as a JavaScript class.
//!
//! Everything crosses as plain data: strings in, plain objects out (through
//! serde, JSON-compatible: maps become objects, `None` becomes `null`), and
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

use crate::{audit, span, CheckOptions, Context, Engine, Pack};

/// Longest reply checked live, in UTF-16 code units (what a browser's
/// `value.length` counts). A first message is a few hundred characters; ten
/// times the longest the corpus holds still answers within a keystroke.
const LIVE_REPLY_LIMIT: usize = 20_000;

/// How much of a card is read, in UTF-16 code units: a card is a screenful;
/// an element the page calls a card that holds more is read from its start.
const CARD_LIMIT: usize = 20_000;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
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

    /// Reads `card`, checks `reply` and builds the opening, exactly as
    /// `handoff-coach check --format json` prints it.
    #[wasm_bindgen(js_name = checkCard)]
    pub fn check_card(
        &self,
        card: &str,
        reply: &str,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let opts: CheckOptions = from_js(options, "options")?;
        to_js(&self.inner.check_card(card, reply, &opts))
    }

    /// The ready opening for a context object, signed by `agent` (else the
    /// pack's agent, else `[Agent]`).
    pub fn opening(&self, context: JsValue, agent: Option<String>) -> Result<JsValue, JsValue> {
        let ctx: Context = from_js(context, "context")?;
        to_js(&self.inner.opening(&ctx, agent.as_deref()))
    }

    /// Audits one line of an audit file: `{audit}` or `{error: {field,
    /// message}}` with the same words the command line uses.
    #[wasm_bindgen(js_name = auditLine)]
    pub fn audit_line(&self, line: &str) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        #[serde(rename_all = "lowercase")]
        enum Outcome {
            Audit(audit::Audit),
            Error(audit::LineError),
        }
        match audit::parse_line(line) {
            Ok(conv) => to_js(&Outcome::Audit(self.inner.audit(&conv))),
            Err(e) => to_js(&Outcome::Error(e)),
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
