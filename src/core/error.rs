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
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error(Box::new(Inner {
            code,
            path: path.into(),
            message: message.into(),
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
