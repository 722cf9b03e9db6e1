//! The checks of single fields and the errors they give: sizes against
//! [`limits`](crate::core::limits), numbers in range, short texts, lists of
//! dates.

use super::times::parse_date;
use crate::core::clock;
use crate::core::error::{at, join, Error, ErrorCode};
use crate::core::limits::*;
use crate::core::text::push_clipped;

/// "`<s>` is not …": a text that does not read as a time, date or offset.
pub(crate) fn not_a(path: &str, s: &str, rest: &str) -> Error {
    let mut message = String::from("`");
    // At most 40 characters of what was given.
    push_clipped(&mut message, s, 40);
    message.push('`');
    message.push_str(rest);
    Error::new(ErrorCode::InvalidTime, path, message)
}

pub(crate) fn too_large(path: &str, what: &str, max: usize) -> Error {
    Error::new(
        ErrorCode::TooLarge,
        path,
        format!("{what} exceeds the limit of {max}: send less"),
    )
}

pub(crate) fn check_chars(path: &str, s: &str, max: usize) -> Result<(), Error> {
    if s.chars().count() > max {
        return Err(too_large(path, "text length", max));
    }
    Ok(())
}

pub(crate) fn check_len(path: &str, len: usize, max: usize) -> Result<(), Error> {
    if len > max {
        return Err(too_large(path, "number of entries", max));
    }
    Ok(())
}

/// The path of field `field` of element `i` of the array at `list`.
pub(crate) fn elem(list: &str, i: usize, field: &str) -> String {
    join(&at(list, i), field)
}

/// An `invalid_value` error: `what` then `hint`.
pub(crate) fn invalid(path: &str, what: &str, hint: &str) -> Error {
    let mut message = String::from(what);
    message.push_str(hint);
    Error::new(ErrorCode::InvalidValue, path, message)
}

pub(crate) fn number(path: &str, v: f64, min: f64, max: f64, hint: &str) -> Result<f64, Error> {
    if !v.is_finite() {
        return Err(invalid(path, "must be a finite number: ", hint));
    }
    if v < min || v > max {
        return Err(invalid(path, "out of range: ", hint));
    }
    Ok(v)
}

pub(crate) fn short(path: &str, s: &Option<String>) -> Result<Option<String>, Error> {
    Ok(short_ref(path, s)?.map(str::to_string))
}

pub(crate) fn short_ref<'a>(path: &str, s: &'a Option<String>) -> Result<Option<&'a str>, Error> {
    match s {
        Some(s) => {
            check_chars(path, s, MAX_SHORT_CHARS)?;
            let t = s.trim();
            Ok((!t.is_empty()).then_some(t))
        }
        None => Ok(None),
    }
}

/// A list of dates, in the order given.
pub(crate) fn dates(path: &str, v: &[String]) -> Result<Vec<clock::Day>, Error> {
    check_len(path, v.len(), MAX_LIST)?;
    let mut out = Vec::with_capacity(v.len());
    for (i, d) in v.iter().enumerate() {
        out.push(parse_date(&at(path, i), d)?);
    }
    Ok(out)
}

pub(crate) fn opt_number(
    path: &str,
    v: Option<f64>,
    min: f64,
    max: f64,
    hint: &str,
) -> Result<Option<f64>, Error> {
    v.map(|v| number(path, v, min, max, hint)).transpose()
}
