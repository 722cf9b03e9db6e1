//! Dates and times as chat windows print them.

use chrono::{Datelike, NaiveDate, NaiveTime};

/// The date part of a stamp.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Day {
    /// `2026-11-24`, `2026年11月24日`, `24/11/2026`.
    Full(NaiveDate),
    /// `11-24`, `11/24`, `11月24日`: the year comes from the context.
    NoYear(u32, u32),
    /// `今天` 0, `昨天` -1, `前天` -2: relative to `options.date`.
    Relative(i64),
}

/// A time read from a line, with or without its date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Stamp {
    pub day: Option<Day>,
    pub time: NaiveTime,
    /// Seconds were given: surely a stamp, not a sentence ending in a time.
    pub secs: bool,
}

impl Stamp {
    /// A date or seconds: not a sentence that happens to end in `14:05`.
    pub fn strong(&self) -> bool {
        self.day.is_some() || self.secs
    }
}

fn num(s: &str, min: usize, max: usize) -> Option<u32> {
    let ok = (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| s.parse().ok()).flatten()
}

/// `H:MM`, `HH:MM` or `HH:MM:SS`.
pub(super) fn clock(s: &str) -> Option<(NaiveTime, bool)> {
    let parts: Vec<&str> = s.split(':').collect();
    let (h, m, sec) = match parts[..] {
        [h, m] => (h, m, None),
        [h, m, sec] => (h, m, Some(num(sec, 2, 2)?)),
        _ => return None,
    };
    let time = NaiveTime::from_hms_opt(num(h, 1, 2)?, num(m, 2, 2)?, sec.unwrap_or(0))?;
    Some((time, sec.is_some()))
}

/// A date on its own: `2026-11-24`, `2026/11/24`, `2026.11.24`,
/// `24/11/2026`, `11-24`, `11/24`, `2026年11月24日`, `11月24日`, `今天`, `昨天`,
/// `前天`; a trailing comma is allowed.
pub(super) fn day(s: &str) -> Option<Day> {
    let s = s.trim_end_matches([',', '，']);
    match s {
        "今天" => return Some(Day::Relative(0)),
        "昨天" => return Some(Day::Relative(-1)),
        "前天" => return Some(Day::Relative(-2)),
        _ => {}
    }
    if let Some(rest) = s.strip_suffix('日').or_else(|| s.strip_suffix('号')) {
        let (year, md) = match rest.split_once('年') {
            Some((y, md)) => (Some(num(y, 4, 4)?), md),
            None => (None, rest),
        };
        let (m, d) = md.split_once('月')?;
        return ymd(year, num(m, 1, 2)?, num(d, 1, 2)?);
    }
    let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    match parts[..] {
        [y, m, d] if y.len() == 4 => ymd(Some(num(y, 4, 4)?), num(m, 1, 2)?, num(d, 1, 2)?),
        [d, m, y] if y.len() == 4 && sep != '-' => {
            ymd(Some(num(y, 4, 4)?), num(m, 1, 2)?, num(d, 1, 2)?)
        }
        [m, d] if sep != '.' => ymd(None, num(m, 1, 2)?, num(d, 1, 2)?),
        _ => None,
    }
}

fn ymd(year: Option<u32>, m: u32, d: u32) -> Option<Day> {
    match year {
        Some(y) => NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).map(Day::Full),
        // A leap year, so that 02-29 is a day some year has.
        None => NaiveDate::from_ymd_opt(2024, m, d).map(|_| Day::NoYear(m, d)),
    }
}

/// A whole string that is a stamp: `14:05`, `2026-11-24 14:05:12`,
/// `24/11/2026, 14:05`, `11月24日 14:05`, `11月24日14:05`, `昨天 14:05`.
pub(super) fn stamp(s: &str) -> Option<Stamp> {
    let s = s.trim();
    let (day_part, clock_part) = match s.rsplit_once(char::is_whitespace) {
        Some((d, c)) => (Some(d.trim_end()), c),
        None => match s.split_once(['日', '号']) {
            Some((d, c)) if !c.is_empty() => (Some(&s[..d.len() + '日'.len_utf8()]), c),
            _ => (None, s),
        },
    };
    let (time, secs) = clock(clock_part)?;
    let day = match day_part {
        Some(d) => Some(day(d)?),
        None => None,
    };
    Some(Stamp { day, time, secs })
}

/// The date of `day`, given the date of the paste (`options.date`) and the
/// last full date read above it. A date without a year takes the year of the
/// last full date, else of `base`, and is never after `base` (a chat is not
/// in the future: `12-31` pasted on 2027-01-02 is 2026-12-31).
pub(super) fn resolve(
    day: Day,
    base: Option<NaiveDate>,
    last: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match day {
        Day::Full(d) => Some(d),
        Day::Relative(n) => base?.checked_add_signed(chrono::TimeDelta::try_days(n)?),
        Day::NoYear(m, d) => {
            if let Some(last) = last {
                return NaiveDate::from_ymd_opt(last.year(), m, d);
            }
            let base = base?;
            match NaiveDate::from_ymd_opt(base.year(), m, d) {
                Some(date) if date <= base => Some(date),
                _ => NaiveDate::from_ymd_opt(base.year() - 1, m, d),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_and_days() {
        assert_eq!(clock("9:05").map(|t| t.1), Some(false), "one-digit hour");
        assert_eq!(clock("09:05:07").map(|t| t.1), Some(true));
        assert!(clock("24:00").is_none());
        assert!(clock("12:5").is_none());
        assert!(clock("12:05:").is_none());
        assert!(clock("12:05:07:01").is_none());
        assert!(day("2026-2-30").is_none());
        assert!(day("2026/11/24").is_some());
        assert_eq!(day("11-24"), Some(Day::NoYear(11, 24)));
        assert_eq!(day("02-29"), Some(Day::NoYear(2, 29)));
        assert_eq!(day("11月24日"), Some(Day::NoYear(11, 24)));
        assert!(matches!(day("24/11/2026,"), Some(Day::Full(_))));
        assert!(day("3.5").is_none());
        assert!(day("13-01").is_none());
        assert!(stamp("11月24日14:05").is_some());
        assert!(stamp("2026年11月24日 14:05:12").is_some_and(|s| s.secs));
        assert!(stamp("我明天 14:05").is_none());
    }

    #[test]
    fn a_year_is_never_in_the_future() {
        let base = NaiveDate::from_ymd_opt(2027, 1, 2);
        let d = resolve(Day::NoYear(12, 31), base, None);
        assert_eq!(d, NaiveDate::from_ymd_opt(2026, 12, 31));
        let d = resolve(Day::NoYear(1, 1), base, None);
        assert_eq!(d, NaiveDate::from_ymd_opt(2027, 1, 1));
        assert_eq!(resolve(Day::NoYear(1, 1), None, None), None);
    }
}
