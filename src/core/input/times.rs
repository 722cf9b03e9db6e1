//! The time formats of the input: RFC 3339 moments, `HH:MM` times of day,
//! `YYYY-MM-DD` dates and `±HH:MM` offsets, read (and moments written) with
//! chrono.

use chrono::{DateTime, FixedOffset, NaiveTime, Offset, SecondsFormat, Utc};

use super::checks::not_a;
use crate::core::clock;
use crate::core::error::Error;
use crate::core::model::Warning;
use crate::core::text::digits;

/// The note for times given in UTC.
pub fn utc_note() -> Warning {
    Warning {
        code: "utc_times".into(),
        message:
            "times are given in UTC; the shop's rules use +08:00 (set shop.utcOffset to change)"
                .into(),
        start: None,
        path: None,
        end: None,
    }
}

/// The default shop offset: mainland China.
pub fn default_offset() -> FixedOffset {
    // `east_opt` is None only beyond ±24 hours.
    FixedOffset::east_opt(8 * 3600).unwrap_or(Utc.fix())
}

/// Parses an RFC 3339 time with an offset.
pub fn parse_time(path: &str, s: &str) -> Result<DateTime<FixedOffset>, Error> {
    read_time(|| path.to_string(), s)
}

/// [`parse_time`] with the path written only when the time is bad (a
/// message's path costs more than reading its time).
fn read_time(path: impl FnOnce() -> String, s: &str) -> Result<DateTime<FixedOffset>, Error> {
    rfc3339(s.trim()).ok_or_else(|| {
        not_a(
            &path(),
            s,
            " is not a time with an offset: use RFC 3339, e.g. 2026-11-23T14:05:00+08:00",
        )
    })
}

/// RFC 3339, and the years past 9999 (or before 0) that chrono's RFC 3339
/// writer spells with a sign (`+10000-01-01T00:00:00+08:00`), so that every
/// time [`format_time`] writes reads back.
pub(crate) fn rfc3339(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).ok().or_else(|| {
        signed_year(s).then(|| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f%:z").ok())?
    })
}

/// Whether `s` starts with a year as chrono's RFC 3339 writer spells one
/// outside 0000 to 9999: a sign, then four digits or more without a
/// leading zero past four.
pub(crate) fn signed_year(s: &str) -> bool {
    let Some(rest) = s.strip_prefix(['+', '-']) else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let year = rest.get(..digits).and_then(|d| d.parse::<i64>().ok());
    let year = if s.starts_with('-') {
        year.map(|y| -y)
    } else {
        year
    };
    rest.as_bytes().get(digits) == Some(&b'-')
        && (digits == 4 || (digits > 4 && !rest.starts_with('0')))
        && year.is_some_and(|y| !(0..=9999).contains(&y))
}

/// Parses `"HH:MM"`.
pub fn parse_hhmm(path: &str, s: &str) -> Result<NaiveTime, Error> {
    hhmm(s.trim()).ok_or_else(|| not_a(path, s, " is not a time of day: use HH:MM, e.g. 10:00"))
}

pub(crate) fn hhmm(t: &str) -> Option<NaiveTime> {
    let (h, m) = t.split_once(':')?;
    if !(1..=2).contains(&h.len()) || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Parses `"YYYY-MM-DD"` to its day number (see [`clock`]).
pub fn parse_date(path: &str, s: &str) -> Result<clock::Day, Error> {
    date(s.trim()).ok_or_else(|| not_a(path, s, " is not a date: use YYYY-MM-DD, e.g. 2026-10-01"))
}

pub(crate) fn date(s: &str) -> Option<clock::Day> {
    // What `splitn(3, '-')` into parts of 4, 2 and 2 digits accepts.
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let num = |from: usize, to: usize| digits(s.get(from..to)?);
    clock::date_of(
        num(0, 4)?,
        u32::try_from(num(5, 7)?).ok()?,
        u32::try_from(num(8, 10)?).ok()?,
    )
}

/// Formats a time as RFC 3339 with its offset and no fraction (a leap
/// second as `:60`, a year past 9999 with its sign).
pub fn format_time(t: DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Parses a UTC offset such as `"+08:00"`.
pub fn parse_offset(path: &str, s: &str) -> Result<FixedOffset, Error> {
    offset(s.trim()).ok_or_else(|| not_a(path, s, " is not a UTC offset: use ±HH:MM, e.g. +08:00"))
}

pub(crate) fn offset(s: &str) -> Option<FixedOffset> {
    let (sign, rest) = match s.strip_prefix('+') {
        Some(r) => (1, r),
        None => (-1, s.strip_prefix('-')?),
    };
    let (h, m) = rest.split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// A time read at `path`, moved to the shop's offset.
pub(crate) fn time_in(
    path: impl FnOnce() -> String,
    s: &str,
    tz: FixedOffset,
) -> Result<DateTime<FixedOffset>, Error> {
    Ok(read_time(path, s)?.with_timezone(&tz))
}

/// True when an RFC 3339 string carries an explicit non-UTC offset.
pub(crate) fn has_local_offset(s: &str) -> bool {
    let s = s.trim();
    !(s.ends_with('Z') || s.ends_with('z') || s.ends_with("+00:00") || s.ends_with("-00:00"))
}
