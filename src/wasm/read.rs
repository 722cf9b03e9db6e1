//! Reads a JS argument as JSON text through serde: the path of a bad field
//! from `serde_path_to_error`, the paths of unknown fields from
//! `serde_ignored`.

use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::error::{from_serde, Error, ErrorCode};
use crate::core::model::Warning;

/// UTF-16 units of a text argument (`lint`, transcripts) copied into wasm at
/// most; the core's own, lower limits then give the exact message.
pub const MAX_TEXT_ARG: usize = 1_000_000;

/// What an argument is: where its paths start and how long its JSON may be.
#[derive(Clone, Copy)]
pub enum Arg {
    /// One chat context (`suggest`).
    Context,
    /// Many contexts (`rankOrders`); paths start with the index.
    Contexts,
    /// Shop templates (`checkTemplates`).
    Templates,
    /// An options object.
    Options,
}

impl Arg {
    fn root(self) -> &'static str {
        match self {
            Arg::Context | Arg::Contexts => "",
            Arg::Templates => "shop.templates",
            Arg::Options => "options",
        }
    }

    /// UTF-16 units of JSON text accepted: far above any context within the
    /// documented limits, and checked before the text is copied into wasm.
    fn max_json(self) -> usize {
        match self {
            Arg::Context | Arg::Templates => 8_000_000,
            Arg::Contexts => 32_000_000,
            Arg::Options => 100_000,
        }
    }
}

/// Reads `value` as a `T`, with the paths of the fields it ignored.
///
/// # Errors
/// As [`json_text`] and [`parse`].
pub fn read_arg<T: DeserializeOwned>(value: &JsValue, arg: Arg) -> Result<(T, Vec<String>), Error> {
    parse(&json_text(value, arg)?, arg.root())
}

/// The JSON text of `value`, its length checked before it is copied into
/// wasm.
///
/// # Errors
/// `invalid_input` when `JSON.stringify` throws (a getter, a Proxy, a cycle,
/// a BigInt), `too_large` over [`Arg::max_json`].
pub fn json_text(value: &JsValue, arg: Arg) -> Result<String, Error> {
    let root = arg.root();
    // A caught import: whatever the caller's value throws comes back here.
    let json = js_sys::JSON::stringify(value).map_err(|_| {
        Error::new(
            ErrorCode::InvalidInput,
            root,
            "JSON.stringify failed on it (a getter or Proxy threw, a cycle, a BigInt, or too large): pass plain data",
        )
    })?;
    // `undefined`, functions and symbols have no JSON: read them as null.
    let json: Option<&js_sys::JsString> = json.dyn_ref();
    let len = json.map_or(0, |s| s.length() as usize);
    if len > arg.max_json() {
        return Err(Error::new(
            ErrorCode::TooLarge,
            root,
            format!(
                "{len} characters of JSON, over {}: send less",
                arg.max_json()
            ),
        ));
    }
    Ok(json.map_or_else(|| "null".to_string(), String::from))
}

/// Reads JSON `text` as a `T`, with the paths of the fields it ignored;
/// `root` leads every path. Valid input, the usual case, is read once
/// without tracking the path (the tracking made a long chat's reading twice
/// as slow); only bad input is read again, with the path tracked, to say
/// where it is bad. Every argument goes through these two readers (the
/// options and the shop templates had a third of their own, reading with
/// both trackers at once: 1.4 KB of gzip in the wasm).
///
/// # Errors
/// serde's error at the path of the field.
pub fn parse<T: DeserializeOwned>(text: &str, root: &str) -> Result<(T, Vec<String>), Error> {
    let mut unknown = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let fast =
        serde_ignored::deserialize(&mut de, |p| unknown.push(with_root(root, &json_path(&p))));
    match fast {
        Ok(value) => Ok((value, unknown)),
        Err(e) => {
            // Where: read again with the path tracked (unknown fields do not
            // matter on the way to an error).
            let mut de = serde_json::Deserializer::from_str(text);
            match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Err(e) => Err(bad_field(root, &e.path().to_string(), &e.into_inner())),
                Ok(_) => Err(bad_field(root, "", &e)),
            }
        }
    }
}

/// serde's error `e` at `path` (under `root`) as the contract's error, with
/// what to do about it.
fn bad_field(root: &str, path: &str, e: &serde_json::Error) -> Error {
    let path = with_root(root, path);
    let message = e.to_string();
    // serde_json adds where in the text: the path says it better.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    let err = from_serde(&path, message);
    let hint = match err.kind() {
        ErrorCode::InvalidType => ": give it the type of the TypeScript declaration",
        ErrorCode::InvalidValue => ": use one of the values allowed",
        _ => "",
    };
    Error::new(err.kind(), err.path(), format!("{}{hint}", err.message()))
}

/// The elements of a JSON array, each as its own text, so that each is read
/// through the same deserializer as a single value (one copy of the
/// contract's readers in the binary, not one more for arrays).
///
/// # Errors
/// `invalid_type` when `text` is not an array.
pub fn elements<'a>(
    text: &'a str,
    root: &str,
) -> Result<Vec<&'a serde_json::value::RawValue>, Error> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        Error::new(
            ErrorCode::InvalidType,
            root,
            format!("{message}: pass an array"),
        )
    })
}

/// An optional options argument; absent, `undefined` or `null` is the default.
///
/// # Errors
/// As [`read_arg`].
pub fn options<T: DeserializeOwned + Default>(value: Option<JsValue>) -> Result<T, Error> {
    match value {
        Some(v) if !v.is_null_or_undefined() => Ok(read_arg(&v, Arg::Options)?.0),
        _ => Ok(T::default()),
    }
}

fn with_root(root: &str, path: &str) -> String {
    let path = if path == "." { "" } else { path };
    match (root.is_empty(), path.is_empty(), path.starts_with('[')) {
        (true, _, _) => path.to_string(),
        (_, true, _) => root.to_string(),
        (_, _, true) => format!("{root}{path}"),
        _ => format!("{root}.{path}"),
    }
}

/// The path in the form errors use: `messages[2].foo`.
fn json_path(p: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match p {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", json_path(parent)),
        Path::Map { parent, key } => {
            let parent = json_path(parent);
            if parent.is_empty() {
                key.clone()
            } else {
                format!("{parent}.{key}")
            }
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => json_path(parent),
    }
}

/// The warning for a field cuifu does not know (it was ignored).
pub fn unknown_field(path: String) -> Warning {
    Warning {
        code: "unknown_field".to_string(),
        message: format!("`{path}` is not a field cuifu knows and was ignored: check its spelling"),
        start: None,
        end: None,
        path: Some(path),
    }
}
