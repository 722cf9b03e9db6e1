//! The WebAssembly facade: JSON in, call the core, JSON out.
//!
//! Values cross the boundary as JSON text: the argument is serialised by
//! `JSON.stringify` (a caught import, so a throwing getter, a Proxy, a cycle
//! or a BigInt gives a `CuifuError` and never unwinds through wasm), its
//! length is checked before it is copied in, and serde reads it; a chat
//! context that fails is read again with `serde_path_to_error` for the JSON
//! path of the bad field (valid input, the usual case, is read once without
//! the tracking, which made long chats twice as slow). Measured in Node (release build, same
//! contexts) against `serde-wasm-bindgen`: JSON text was 10–20% faster from
//! 20 messages up (43 vs 48 µs at 20, 1.22 vs 1.43 ms at 1,000).
//!
//! Every failure leaves as a JS `Error` named `CuifuError` with `code`,
//! `path` and a message that says what to fix.

mod read;

use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::error::{Error, ErrorCode};
use crate::core::model::*;
use read::{read_arg, Arg};

#[wasm_bindgen(typescript_custom_section)]
const CUIFU_ERROR: &'static str = r#"
/** What every function of this package throws on bad input. */
export interface CuifuError extends Error {
    name: "CuifuError";
    /** Stable code. */
    code: "missing_field" | "invalid_type" | "invalid_value" | "invalid_time" | "too_large" | "invalid_template" | "unparsed_lines" | "invalid_input" | "not_initialized" | "internal";
    /** JSON path of the offending field, e.g. "order.placedAt" or "messages[3].from"; "" for the whole input. */
    path: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The options argument of `lint`.
    #[wasm_bindgen(typescript_type = "LintOptions")]
    pub type LintOptionsArg;
    /// The options argument of `parseTranscript` and `readTranscript`.
    #[wasm_bindgen(typescript_type = "TranscriptOptions")]
    pub type TranscriptOptionsArg;

    /// The `TextDecoder` of browsers and Node, for UTF-16.
    type TextDecoder;
    #[wasm_bindgen(constructor)]
    fn new(label: &str) -> TextDecoder;
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, units: &[u16]) -> js_sys::JsString;
    /// `JSON.parse` of a JS string (js-sys's takes a Rust `&str`).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

thread_local! {
    static UTF16: TextDecoder = TextDecoder::new("utf-16le");
}

/// Set by the panic hook: a panic is a bug, and the instance may be left in
/// a broken state, so every later call refuses with `internal`.
static FAILED: AtomicBool = AtomicBool::new(false);

#[wasm_bindgen(start, skip_typescript)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        FAILED.store(true, Ordering::SeqCst);
        console_error_panic_hook::hook(info);
    }));
}

fn alive() -> Result<(), Error> {
    if FAILED.load(Ordering::SeqCst) {
        return Err(Error::new(
            ErrorCode::Internal,
            "",
            "cuifu failed inside (a bug, reported on the console): reload the page or create a new instance",
        ));
    }
    Ok(())
}

fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("CuifuError");
    let obj: &JsValue = err.as_ref();
    // Setting data properties on a fresh Error cannot fail.
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code().into());
    let _ = js_sys::Reflect::set(obj, &"path".into(), &e.path().into());
    err.into()
}

/// The answer as a JS value, or the error as a `CuifuError`.
///
/// The JSON text leaves wasm as UTF-16: JS strings are UTF-16, and Node's
/// UTF-8 decoder took 10 times as long on Chinese text (13 µs against
/// 1.1 µs for 1.6 KB), more than `JSON.parse` itself.
fn answer<T: Serialize>(r: Result<T, Error>) -> Result<JsValue, JsValue> {
    let text = r
        .and_then(|v| {
            serde_json::to_string(&v).map_err(|e| {
                Error::new(
                    ErrorCode::Internal,
                    "",
                    format!("could not write the answer: {e}"),
                )
            })
        })
        .map_err(|e| js_error(&e))?;
    json_parse(&UTF16.with(|d| d.decode(&utf16(&text))))
}

/// `text` as UTF-16 code units. JSON is mostly ASCII (keys, marks,
/// numbers): its runs are widened byte by byte, which the compiler turns
/// into a tight loop, and only the rest goes through `encode_utf16`.
fn utf16(text: &str) -> Vec<u16> {
    let mut units: Vec<u16> = Vec::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (head, tail) = rest.split_at(ascii);
        units.extend(head.bytes().map(u16::from));
        let other = tail
            .char_indices()
            .find(|(_, c)| c.is_ascii())
            .map_or(tail.len(), |(i, _)| i);
        let (head, tail) = tail.split_at(other);
        units.extend(head.encode_utf16());
        rest = tail;
    }
    units
}

fn text_arg(value: &JsValue, path: &str, max_chars: usize) -> Result<String, Error> {
    let Some(s) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(Error::new(
            ErrorCode::InvalidType,
            path,
            "expected a string: pass the text to check",
        ));
    };
    // UTF-16 units bound the characters from above: refuse before copying.
    if s.length() as usize > max_chars {
        return Err(Error::new(
            ErrorCode::TooLarge,
            path,
            format!("more than {max_chars} characters: shorten it"),
        ));
    }
    Ok(String::from(s))
}

fn clock() -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
}

/// Suggests the next payment reminder for one unpaid order: action, time, channel, tone, lines and why.
///
/// ```javascript
/// const s = suggest({ order: { placedAt: '2026-11-24T14:30:00+08:00', amount: 99 } });
/// console.log(s.action, s.sendAt, s.lines[0].text);
/// ```
///
/// @throws {CuifuError} when the context is invalid.
#[wasm_bindgen(js_name = suggest, unchecked_return_type = "Suggestion")]
pub fn suggest_reminder(
    #[wasm_bindgen(unchecked_param_type = "ChatContext")] context: JsValue,
) -> Result<JsValue, JsValue> {
    answer(alive().and_then(|()| {
        let (ctx, unknown) =
            read::parse::<ChatContext>(&read::json_text(&context, Arg::Context)?, "")?;
        // The clock only stands in for a `now` the context lacks.
        let now = if ctx.now.is_none() { clock() } else { None };
        let mut s = crate::core::suggest_at(&ctx, now)?;
        s.warnings
            .extend(unknown.into_iter().map(read::unknown_field));
        Ok(s)
    }))
}

/// Checks a reminder line for 极限词, delivery promises, pressure, arguing and SMS rules; spans are UTF-16 offsets.
///
/// @throws {CuifuError} when `text` is not a string or is too long.
#[wasm_bindgen(js_name = lint, unchecked_return_type = "Warning[]")]
pub fn lint_line(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<LintOptionsArg>,
) -> Result<JsValue, JsValue> {
    answer(alive().and_then(|()| {
        let text = text_arg(&text, "text", read::MAX_TEXT_ARG)?;
        let opts: LintOptions = read::options(options.map(Into::into))?;
        crate::core::lint(&text, &opts)
    }))
}

fn transcript_args(
    text: &JsValue,
    options: Option<TranscriptOptionsArg>,
) -> Result<(String, TranscriptOptions), Error> {
    alive()?;
    let text = text_arg(text, "text", read::MAX_TEXT_ARG)?;
    Ok((text, read::options(options.map(Into::into))?))
}

/// Turns chat text copied from a seller IM window into messages.
///
/// @throws {CuifuError} `unparsed_lines` when a line can't be read (unless `skipUnparsed`), `too_large`.
#[wasm_bindgen(js_name = parseTranscript, unchecked_return_type = "Message[]")]
pub fn parse_transcript(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<TranscriptOptionsArg>,
) -> Result<JsValue, JsValue> {
    answer(
        transcript_args(&text, options)
            .and_then(|(text, opts)| crate::core::parse_transcript(&text, &opts)),
    )
}

/// Reads chat text copied from a seller IM window: the messages, the buyer's nick, and the lines it could not read.
///
/// @throws {CuifuError} `too_large` when the text is over the limit.
#[wasm_bindgen(js_name = readTranscript, unchecked_return_type = "Transcript")]
pub fn read_transcript(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<TranscriptOptionsArg>,
) -> Result<JsValue, JsValue> {
    answer(
        transcript_args(&text, options)
            .and_then(|(text, opts)| crate::core::read_transcript(&text, &opts)),
    )
}

/// Ranks unpaid orders by value at risk and time left, best first.
///
/// @throws {CuifuError} for the first invalid context, its index leading the path (`[3].order.placedAt`).
#[wasm_bindgen(js_name = rankOrders, unchecked_return_type = "RankedOrder[]")]
pub fn rank_orders(
    #[wasm_bindgen(unchecked_param_type = "ChatContext[]")] contexts: JsValue,
) -> Result<JsValue, JsValue> {
    answer(alive().and_then(|()| {
        let text = read::json_text(&contexts, Arg::Contexts)?;
        let items = read::elements(&text, "")?;
        if items.len() > crate::core::limits::MAX_RANK_ORDERS {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "",
                format!(
                    "more than {} orders: rank them in batches",
                    crate::core::limits::MAX_RANK_ORDERS
                ),
            ));
        }
        let ctxs = items
            .iter()
            .enumerate()
            .map(|(i, raw)| Ok(read::parse::<ChatContext>(raw.get(), &format!("[{i}]"))?.0))
            .collect::<Result<Vec<_>, Error>>()?;
        crate::core::rank_orders(&ctxs, clock())
    }))
}

/// Checks shop templates (`{placeholder}` syntax) before saving them; returns nothing when they are valid.
///
/// @throws {CuifuError} `invalid_template` with the path `shop.templates[i].text` and the character position.
#[wasm_bindgen(js_name = checkTemplates)]
pub fn check_templates(
    #[wasm_bindgen(unchecked_param_type = "ShopTemplate[]")] templates: JsValue,
) -> Result<(), JsValue> {
    alive()
        .and_then(|()| {
            let (list, _) = read_arg::<Vec<ShopTemplate>>(&templates, Arg::Templates)?;
            if list.len() > crate::core::limits::MAX_TEMPLATES {
                return Err(Error::new(
                    ErrorCode::TooLarge,
                    "shop.templates",
                    "too many templates: keep the ones you use",
                ));
            }
            crate::core::check_templates(&list)
        })
        .map_err(|e| js_error(&e))
}

/// The version of this package.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}

/// Panics, to test that the next call says the instance failed.
#[cfg(feature = "test-panic")]
#[wasm_bindgen(js_name = testPanic, skip_typescript)]
pub fn test_panic() {
    panic!("test panic");
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn utf16_is_encode_utf16(s in "\\PC*") {
            prop_assert_eq!(super::utf16(&s), s.encode_utf16().collect::<Vec<u16>>());
        }
    }

    #[test]
    fn utf16_of_mixed_text() {
        for s in ["", "abc", "中文", "a中b文c", "😀x", "{\"a\":\"亲～\"}\n"] {
            assert_eq!(super::utf16(s), s.encode_utf16().collect::<Vec<u16>>());
        }
    }
}
