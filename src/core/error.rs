//! Typed errors: a stable code, the JSON path of the offending field, and a
//! message that says what to fix.

use std::fmt;

/// What went wrong, as a stable code.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// A required field is absent.
    MissingField,
    /// A field has the wrong JSON type (e.g. a string where a number belongs).
    InvalidType,
    /// A field has the right type but a value outside what is allowed.
    InvalidValue,
    /// A time is not RFC 3339 with an offset, or not a valid `HH:MM` / date.
    InvalidTime,
    /// The input is larger than the documented limits.
    TooLarge,
    /// A shop template has an unknown placeholder or unbalanced braces.
    InvalidTemplate,
    /// Pasted chat text has lines that could not be read.
    UnparsedLines,
    /// The input could not be read at all.
    InvalidInput,
    /// The package was called before `init()` finished (set by the JS entry).
    NotInitialized,
    /// A bug inside cuifu; the instance refuses every later call.
    Internal,
}

impl ErrorCode {
    /// The snake_case code seen by callers.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MissingField => "missing_field",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::InvalidTime => "invalid_time",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::InvalidTemplate => "invalid_template",
            ErrorCode::UnparsedLines => "unparsed_lines",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotInitialized => "not_initialized",
            ErrorCode::Internal => "internal",
        }
    }
}

/// A caller error: bad input, never an internal failure.
///
/// Boxed, so that a `Result` carrying it stays one word wider than its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    code: ErrorCode,
    path: String,
    message: String,
}

impl Error {
    /// A new error at `path` (a JSON path such as `order.placedAt` or `messages[3].from`).
    ///
    /// The message quotes at most [`MAX_QUOTED`] characters of a value
    /// (serde quotes the caller's whole value) and is at most
    /// [`MAX_MESSAGE`] characters long.
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error(Box::new(Inner {
            code,
            path: path.into(),
            message: clip(message.into()),
        }))
    }

    /// The stable code, e.g. `"invalid_time"`.
    pub fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorCode {
        self.0.code
    }

    /// The JSON path of the offending field; empty for the whole input.
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// What is wrong and how to fix it.
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.0.path.is_empty() {
            f.write_str(&self.0.path)?;
            f.write_str(": ")?;
        }
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {}

/// Characters of a quoted value an error message keeps.
pub const MAX_QUOTED: usize = 60;
/// Characters an error message keeps.
pub const MAX_MESSAGE: usize = 1_000;

/// Shortens each quoted stretch (between `` ` `` or `"`) of `message` to
/// [`MAX_QUOTED`] characters and the whole to [`MAX_MESSAGE`], marking
/// each cut with `…`.
fn clip(message: String) -> String {
    if message.len() <= MAX_QUOTED {
        return message;
    }
    let mut out = String::with_capacity(message.len().min(4 * MAX_MESSAGE));
    // The open quote and the characters of the quoted stretch so far.
    let mut quote: Option<(char, usize)> = None;
    let mut written = 0;
    for c in message.chars() {
        quote = match (quote, c) {
            (Some((q, _)), c) if c == q => None,
            (Some((q, k)), _) => Some((q, k + 1)),
            (None, '`' | '"') => Some((c, 0)),
            (None, _) => None,
        };
        let keep = match quote {
            Some((_, k)) if k == MAX_QUOTED + 1 => '…',
            Some((_, k)) if k > MAX_QUOTED + 1 => continue,
            _ => c,
        };
        if written == MAX_MESSAGE {
            out.push('…');
            break;
        }
        out.push(keep);
        written += 1;
    }
    out
}

/// Joins a parent path and a field name: `join("order", "placedAt")` is `order.placedAt`.
pub(crate) fn join(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_string()
    } else {
        format!("{parent}.{field}")
    }
}

/// The path of element `i` of the array at `parent`: `at("messages", 3)` is `messages[3]`.
pub(crate) fn at(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// Classifies a serde message and puts the path where the caller looks for it.
///
/// serde reports a missing field at its parent with the name in the message,
/// so the name is moved into the path.
pub fn from_serde(path: &str, message: &str) -> Error {
    let path = if path == "." { "" } else { path };
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        return Error::new(
            ErrorCode::MissingField,
            join(path, field),
            format!("`{field}` is required: add it"),
        );
    }
    // serde_json on a lone UTF-16 surrogate, written by `JSON.stringify` as
    // `\ud800`: "lone leading surrogate in hex escape", "unexpected end of
    // hex escape".
    if message.contains("surrogate") || message.contains("hex escape") {
        return Error::new(
            ErrorCode::InvalidValue,
            path,
            "the text has a lone UTF-16 surrogate (half a character, e.g. a cut emoji): \
             pass well-formed text (String.prototype.toWellFormed())",
        );
    }
    let code = if message.starts_with("invalid type") {
        ErrorCode::InvalidType
    } else if message.starts_with("unknown variant") || message.starts_with("invalid value") {
        ErrorCode::InvalidValue
    } else {
        ErrorCode::InvalidInput
    };
    Error::new(code, path, message.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_lone_surrogate_is_an_invalid_value_that_says_so() {
        for m in [
            "lone leading surrogate in hex escape",
            "unexpected end of hex escape",
        ] {
            let e = super::from_serde("messages[0].text", m);
            assert_eq!((e.code(), e.path()), ("invalid_value", "messages[0].text"));
            assert!(e.message().contains("toWellFormed"));
        }
    }

    #[test]
    fn messages_clip_what_they_quote() {
        let long = "x".repeat(1_000_000);
        let e = super::from_serde(
            "locale",
            &format!("unknown variant `{long}`, expected one of `zh-CN`, `zh-TW`, `en`"),
        );
        let m = e.message();
        assert!(m.chars().count() < 150, "{m}");
        assert!(
            m.starts_with(&format!("unknown variant `{}…`", "x".repeat(60))),
            "{m}"
        );
        assert!(m.ends_with("expected one of `zh-CN`, `zh-TW`, `en`"), "{m}");
        let e = super::from_serde(
            "order.amount",
            &format!("invalid type: string \"{long}\", expected f64"),
        );
        assert!(
            e.message().ends_with("…\", expected f64"),
            "{}",
            e.message()
        );
        // An unclosed quote, or no quote at all, is cut at the message limit.
        let e = super::Error::new(super::ErrorCode::InvalidInput, "", format!("`{long}"));
        assert!(e.message().chars().count() <= 62);
        let e = super::Error::new(super::ErrorCode::InvalidInput, "", long.clone());
        assert_eq!(e.message().chars().count(), super::MAX_MESSAGE + 1);
        let short = "`zh-CN` is fine";
        assert_eq!(
            super::Error::new(super::ErrorCode::InvalidInput, "", short).message(),
            short
        );
    }

    use super::*;

    #[test]
    fn missing_field_moves_into_path() {
        let e = from_serde("order", "missing field `placedAt`");
        assert_eq!(e.code(), "missing_field");
        assert_eq!(e.path(), "order.placedAt");
    }

    #[test]
    fn unknown_variant_is_invalid_value() {
        let e = from_serde(
            "messages[3].from",
            "unknown variant `customer`, expected one of `buyer`, `agent`, `system`",
        );
        assert_eq!(e.code(), "invalid_value");
        assert_eq!(e.path(), "messages[3].from");
        assert!(e
            .to_string()
            .starts_with("messages[3].from: unknown variant"));
    }

    #[test]
    fn root_path_is_empty() {
        let e = from_serde(".", "invalid type: null, expected struct ChatContext");
        assert_eq!(e.code(), "invalid_type");
        assert_eq!(e.path(), "");
    }
}
