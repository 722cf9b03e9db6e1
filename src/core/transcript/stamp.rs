//! Dates and times as chat windows print them.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use super::{Pat, WS};

const COMMA: Pat = |c| matches!(c, ',' | '，');
const DAY_END: Pat = |c| matches!(c, '日' | '号');
/// What may come before a half-day word: a space or the end of a date.
const WORD_END: Pat = |c| c.is_whitespace() || c == '日';

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
    let digits = (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    // At most 4 digits: no overflow.
    digits.then(|| s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
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
    let s = s.trim_end_matches(COMMA);
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

/// Half-day words before a 12-hour clock, and whether they are after noon
/// (`Some(true)`), before (`Some(false)`) or at noon (`None`: 1 to 10 o'clock
/// are after noon, 11 and 12 are not).
const HALVES: &[(&str, Option<bool>)] = &[
    ("上午", Some(false)),
    ("早上", Some(false)),
    ("凌晨", Some(false)),
    ("中午", None),
    ("下午", Some(true)),
    ("晚上", Some(true)),
    ("傍晚", Some(true)),
];

/// A whole string that is a stamp: `14:05`, `2026-11-24 14:05:12`,
/// `24/11/2026, 14:05`, `24/11/2026, 2:05 PM`, `11月24日 14:05`,
/// `11月24日14:05`, `昨天 14:05`, `下午 2:05`, `2026-11-24 下午2:05`.
pub(super) fn stamp(s: &str) -> Option<Stamp> {
    let mut s = s.trim();
    let mut half = None;
    for (mark, pm) in [("AM", false), ("PM", true), ("am", false), ("pm", true)] {
        if let Some(r) = s.strip_suffix(mark).filter(|r| r.ends_with(WS)) {
            s = r.trim_end();
            half = Some(Some(pm));
        }
    }
    let (mut day_part, mut clock_part) = match s.rsplit_once(WS) {
        Some((d, c)) => (Some(d.trim_end()), c),
        None => match s.split_once(DAY_END) {
            Some((d, c)) if !c.is_empty() => (Some(s.get(..d.len() + '日'.len_utf8())?), c),
            _ => (None, s),
        },
    };
    for &(word, pm) in HALVES {
        if half.is_some() {
            break;
        }
        if let Some(c) = clock_part.strip_prefix(word) {
            clock_part = c;
            half = Some(pm);
        } else if let Some(before) = day_part.and_then(|d| d.strip_suffix(word)) {
            // A whole word: `下午 2:05`, `2026-11-24 下午 2:05`, `11月24日下午 2:05`.
            if before.is_empty() || before.ends_with(WORD_END) {
                let d = before.trim_end();
                day_part = (!d.is_empty()).then_some(d);
                half = Some(pm);
            }
        }
    }
    let (mut time, secs) = clock(clock_part)?;
    if let Some(pm) = half {
        time = twelve(time, pm)?;
    }
    let day = match day_part {
        Some(d) => Some(day(d)?),
        None => None,
    };
    Some(Stamp { day, time, secs })
}

/// A 12-hour clock read as 24 hours.
fn twelve(t: NaiveTime, pm: Option<bool>) -> Option<NaiveTime> {
    let h = t.hour();
    let after = match pm {
        Some(pm) => pm,
        None => h < 11,
    };
    let h24 = match (h, after) {
        (13.., _) => return None,
        (12, false) if pm.is_some() => 0,
        (12, _) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    t.with_hour(h24)
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
        let hm = |s: &str| stamp(s).map(|s| (s.time.hour(), s.time.minute()));
        assert_eq!(hm("下午 2:05"), Some((14, 5)));
        assert_eq!(hm("下午2:05"), Some((14, 5)));
        assert_eq!(hm("中午12:30"), Some((12, 30)));
        assert_eq!(hm("中午1:10"), Some((13, 10)));
        assert_eq!(hm("凌晨12:10"), Some((0, 10)));
        assert_eq!(hm("24/11/2026, 2:05 PM"), Some((14, 5)));
        assert_eq!(hm("24/11/2026, 12:05 AM"), Some((0, 5)));
        assert_eq!(hm("2026-11-24 下午 2:05"), Some((14, 5)));
        assert_eq!(hm("11月24日 上午9:05"), Some((9, 5)));
        assert_eq!(hm("下午 14:05"), None);
        assert!(stamp("2026-11-24 下午 2:05").is_some_and(|s| s.day.is_some()));
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
