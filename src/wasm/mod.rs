//! The WebAssembly facade: convert in, call the core, convert out.
//!
//! Every failure leaves as a JS `Error` named `CuifuError` with `code`,
//! `path` and a message that says what to fix.

mod from_js;

use serde::de::DeserializeOwned;
use serde::Serialize;
use tsify::Ts;
use wasm_bindgen::prelude::*;

use crate::core::error::{Error, ErrorCode};
use crate::core::model::*;

#[wasm_bindgen(typescript_custom_section)]
const CUIFU_ERROR: &'static str = r#"
/** What every function of this package throws on bad input. */
export interface CuifuError extends Error {
    name: "CuifuError";
    /** Stable code. */
    code: "missing_field" | "invalid_type" | "invalid_value" | "invalid_time" | "too_large" | "invalid_template" | "unparsed_lines" | "invalid_input";
    /** JSON path of the offending field, e.g. "order.placedAt" or "messages[3].from"; "" for the whole input. */
    path: string;
}
"#;

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(start, skip_typescript)]
fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("CuifuError");
    let obj: &JsValue = err.as_ref();
    // Setting plain data properties on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code().into());
    let _ = js_sys::Reflect::set(obj, &"path".into(), &e.path().into());
    err.into()
}

fn from_js<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, JsValue> {
    from_js::from_js(value, root).map_err(|e| js_error(&e))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(&Error::new(ErrorCode::InvalidInput, "", e.to_string())))
}

fn text_arg(value: JsValue, path: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        js_error(&Error::new(
            ErrorCode::InvalidType,
            path,
            "expected a string: pass the text to check",
        ))
    })
}

fn options<T: DeserializeOwned + Default>(value: JsValue, root: &str) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js(value, root)
    }
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
#[wasm_bindgen(js_name = suggest)]
pub fn suggest_reminder(context: Ts<ChatContext>) -> Result<Ts<Suggestion>, JsValue> {
    let ctx: ChatContext = from_js(context.js_value().clone(), "")?;
    let s = crate::core::suggest_at(&ctx, clock()).map_err(|e| js_error(&e))?;
    Ok(Ts::new_unchecked(to_js(&s)?))
}

/// Checks a reminder line for 极限词, delivery promises, pressure, arguing and SMS rules; spans are UTF-16 offsets.
///
/// @throws {CuifuError} when `text` is not a string or is too long.
#[wasm_bindgen(js_name = lint, unchecked_return_type = "Warning[]")]
pub fn lint_line(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<LintOptions>>,
) -> Result<JsValue, JsValue> {
    let text = text_arg(text, "text")?;
    let opts: LintOptions = options_of(options, "options")?;
    to_js(&crate::core::lint(&text, &opts).map_err(|e| js_error(&e))?)
}

/// Turns chat text copied from a seller IM window into messages.
///
/// @throws {CuifuError} `unparsed_lines` when a line can't be read (unless `skipUnparsed`), `too_large`.
#[wasm_bindgen(js_name = parseTranscript, unchecked_return_type = "Message[]")]
pub fn parse_transcript(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<TranscriptOptions>>,
) -> Result<JsValue, JsValue> {
    let text = text_arg(text, "text")?;
    let opts: TranscriptOptions = options_of(options, "options")?;
    to_js(&crate::core::parse_transcript(&text, &opts).map_err(|e| js_error(&e))?)
}

/// Reads chat text copied from a seller IM window: the messages, the buyer's nick, and the lines it could not read.
///
/// @throws {CuifuError} `too_large` when the text is over the limit.
#[wasm_bindgen(js_name = readTranscript)]
pub fn read_transcript(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<TranscriptOptions>>,
) -> Result<Ts<Transcript>, JsValue> {
    let text = text_arg(text, "text")?;
    let opts: TranscriptOptions = options_of(options, "options")?;
    let t = crate::core::read_transcript(&text, &opts).map_err(|e| js_error(&e))?;
    Ok(Ts::new_unchecked(to_js(&t)?))
}

/// Ranks unpaid orders by value at risk and time left, best first.
///
/// @throws {CuifuError} for the first invalid context, its index leading the path (`[3].order.placedAt`).
#[wasm_bindgen(js_name = rankOrders, unchecked_return_type = "RankedOrder[]")]
pub fn rank_orders(
    #[wasm_bindgen(unchecked_param_type = "ChatContext[]")] contexts: JsValue,
) -> Result<JsValue, JsValue> {
    if !js_sys::Array::is_array(&contexts) {
        return Err(js_error(&Error::new(
            ErrorCode::InvalidType,
            "",
            "expected an array of chat contexts",
        )));
    }
    let len = js_sys::Array::from(&contexts).length() as usize;
    if len > crate::core::limits::MAX_RANK_ORDERS {
        return Err(js_error(&Error::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "more than {} orders: rank them in batches",
                crate::core::limits::MAX_RANK_ORDERS
            ),
        )));
    }
    let ctxs: Vec<ChatContext> = from_js(contexts, "")?;
    to_js(&crate::core::rank_orders(&ctxs, clock()).map_err(|e| js_error(&e))?)
}

/// The version of this package.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}

fn options_of<T: tsify::Tsify + DeserializeOwned + Default>(
    value: Option<Ts<T>>,
    root: &str,
) -> Result<T, JsValue> {
    match value {
        Some(v) => options(v.js_value().clone(), root),
        None => Ok(T::default()),
    }
}
