//! The WebAssembly facade: convert in, call the core, convert out.
//!
//! Every failure leaves as a JS `Error` named `CuifuError` with `code`,
//! `path` and a message that says what to fix.

#[cfg(target_arch = "wasm32")]
mod alloc;
#[doc(hidden)]
pub mod from_js;
mod js;
#[doc(hidden)]
pub mod to_js;

use tsify::Ts;
use wasm_bindgen::prelude::*;

use crate::core::error::{Error, ErrorCode};
use crate::core::model::*;
use from_js::Val;
use to_js::ToJs;

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

/// A panic is a bug, never the caller's fault: it leaves as a JS `Error`
/// saying so, with the panic message and where it happened (a console hook
/// crate costs 1 KB gzip more). The module keeps working for later calls; a
/// second panic in the same instance traps with a bare `RuntimeError`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(start, skip_typescript)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let mut msg = String::from("cuifu internal error, please report it: ");
        msg.push_str(info.payload_as_str().unwrap_or("panic"));
        if let Some(at) = info.location() {
            msg.push_str(" at ");
            msg.push_str(at.file());
            msg.push(':');
            msg.push_str(&at.line().to_string());
        }
        wasm_bindgen::throw_str(&msg)
    }));
}

fn js_error(e: &Error) -> JsValue {
    // The `Display` form, put together without the formatting machinery.
    let mut message = String::from(e.path());
    if !message.is_empty() {
        message.push_str(": ");
    }
    message.push_str(e.message());
    let err: JsValue = js_sys::Error::new(&message).into();
    let props: &js::Props = err.unchecked_ref();
    props.set("name", "CuifuError".into());
    props.set("code", e.code().into());
    props.set("path", e.path().into());
    err
}

/// The result of an export, its error made a `CuifuError` (one copy for
/// every export).
#[inline(never)]
fn out(r: Result<JsValue, Error>) -> Result<JsValue, JsValue> {
    r.map_err(|e| js_error(&e))
}

fn text_arg(value: JsValue, path: &str) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidType,
            path,
            "expected a string: pass the text to check",
        )
    })
}

fn read_opt<T: Default>(
    value: Option<JsValue>,
    root: &str,
    f: fn(Val) -> Result<T, Error>,
) -> Result<T, Error> {
    match value {
        Some(v) if !v.is_null_or_undefined() => f(Val::new(v, root)),
        _ => Ok(T::default()),
    }
}

fn transcript_args(
    text: JsValue,
    options: Option<Ts<TranscriptOptions>>,
) -> Result<(String, TranscriptOptions), Error> {
    let text = text_arg(text, "text")?;
    let opts = read_opt(
        options.map(Into::into),
        "options",
        from_js::transcript_options,
    )?;
    Ok((text, opts))
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
    out(suggest_value(context)).map(Ts::new_unchecked)
}

fn suggest_value(context: Ts<ChatContext>) -> Result<JsValue, Error> {
    let ctx = from_js::chat_context(Val::new(context.into(), ""))?;
    Ok(crate::core::suggest_at(&ctx, clock())?.to_js())
}

/// Checks a reminder line for 极限词, delivery promises, pressure, arguing and SMS rules; spans are UTF-16 offsets.
///
/// @throws {CuifuError} when `text` is not a string or is too long.
#[wasm_bindgen(js_name = lint, unchecked_return_type = "Warning[]")]
pub fn lint_line(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<LintOptions>>,
) -> Result<JsValue, JsValue> {
    out(lint_value(text, options))
}

fn lint_value(text: JsValue, options: Option<Ts<LintOptions>>) -> Result<JsValue, Error> {
    let text = text_arg(text, "text")?;
    let opts = read_opt(options.map(Into::into), "options", from_js::lint_options)?;
    Ok(crate::core::lint(&text, &opts)?.to_js())
}

/// Turns chat text copied from a seller IM window into messages.
///
/// @throws {CuifuError} `unparsed_lines` when a line can't be read (unless `skipUnparsed`), `too_large`.
#[wasm_bindgen(js_name = parseTranscript, unchecked_return_type = "Message[]")]
pub fn parse_transcript(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<TranscriptOptions>>,
) -> Result<JsValue, JsValue> {
    out(transcript_args(text, options)
        .and_then(|(text, opts)| crate::core::parse_transcript(&text, &opts))
        .map(|m| m.to_js()))
}

/// Reads chat text copied from a seller IM window: the messages, the buyer's nick, and the lines it could not read.
///
/// @throws {CuifuError} `too_large` when the text is over the limit.
#[wasm_bindgen(js_name = readTranscript)]
pub fn read_transcript(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<TranscriptOptions>>,
) -> Result<Ts<Transcript>, JsValue> {
    out(transcript_args(text, options)
        .and_then(|(text, opts)| crate::core::read_transcript(&text, &opts))
        .map(|t| t.to_js()))
    .map(Ts::new_unchecked)
}

/// Ranks unpaid orders by value at risk and time left, best first.
///
/// @throws {CuifuError} for the first invalid context, its index leading the path (`[3].order.placedAt`).
#[wasm_bindgen(js_name = rankOrders, unchecked_return_type = "RankedOrder[]")]
pub fn rank_orders(
    #[wasm_bindgen(unchecked_param_type = "ChatContext[]")] contexts: JsValue,
) -> Result<JsValue, JsValue> {
    out(rank_value(contexts))
}

fn rank_value(contexts: JsValue) -> Result<JsValue, Error> {
    let contexts = Val::new(contexts, "");
    let Some(len) = contexts.array_len() else {
        return Err(Error::new(
            ErrorCode::InvalidType,
            "",
            "expected an array of chat contexts",
        ));
    };
    if len as usize > crate::core::limits::MAX_RANK_ORDERS {
        // The core says the same: stop before reading them all.
        return Err(Error::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "more than {} orders: rank them in batches",
                crate::core::limits::MAX_RANK_ORDERS
            ),
        ));
    }
    let ctxs = from_js::chat_contexts(contexts)?;
    Ok(crate::core::rank_orders(&ctxs, clock())?.to_js())
}

/// Checks shop templates (`{placeholder}` syntax) before saving them; returns nothing when they are valid.
///
/// @throws {CuifuError} `invalid_template` with the path `shop.templates[i].text` and the character position.
#[wasm_bindgen(js_name = checkTemplates)]
pub fn check_templates(
    #[wasm_bindgen(unchecked_param_type = "ShopTemplate[]")] templates: JsValue,
) -> Result<(), JsValue> {
    out(check_value(templates)).map(drop)
}

fn check_value(templates: JsValue) -> Result<JsValue, Error> {
    let templates = Val::new(templates, "shop.templates");
    if templates
        .array_len()
        .is_some_and(|n| n as usize > crate::core::limits::MAX_TEMPLATES)
    {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "shop.templates",
            "too many templates: keep the ones you use",
        ));
    }
    let list = from_js::shop_templates(templates)?;
    crate::core::check_templates(&list)?;
    Ok(JsValue::UNDEFINED)
}

/// The version of this package.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}
