//! Moments and dates for the engine's rules, on chrono. A moment keeps the
//! fixed offset it was written in, so its local date and time of day are
//! those at that offset. A date is its day number, counted as chrono's
//! `num_days_from_ce` counts, so that rest-day lists and holiday tables
//! compare as plain integers.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeDelta, Timelike};

/// A moment with the offset it was written in.
pub type Time = DateTime<FixedOffset>;

/// Seconds in a day.
pub const DAY: i64 = 86_400;
/// The day number of chrono's last date.
pub const MAX_DAY: i64 = 95_745_399;
/// A date as its day number, counted as chrono's `num_days_from_ce` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub i32);

/// The day number of `t`'s local date (0001-01-01 is day 1).
pub fn day(t: &Time) -> i64 {
    t.date_naive().num_days_from_ce().into()
}

/// Seconds since local midnight of `t` (a leap second counts as the second
/// before it, as chrono's time of day compares).
pub fn sod(t: &Time) -> i64 {
    t.num_seconds_from_midnight().into()
}

/// Seconds since midnight of a time of day.
pub fn secs(t: NaiveTime) -> i64 {
    t.num_seconds_from_midnight().into()
}

/// The weekday of day number `d`, 0 for Sunday.
pub fn weekday(d: i64) -> usize {
    d.rem_euclid(7) as usize
}

/// `t` moved by `s` seconds, or `None` if that leaves chrono's range.
pub fn checked_shift(t: Time, s: i64) -> Option<Time> {
    t.checked_add_signed(TimeDelta::try_seconds(s)?)
}

/// `t + d`, or `None` if that leaves chrono's range.
pub fn checked_add(t: Time, d: TimeDelta) -> Option<Time> {
    t.checked_add_signed(d)
}

/// `t` moved by `s` seconds, or `t` if that leaves chrono's range.
pub fn shift(t: Time, s: i64) -> Time {
    checked_shift(t, s).unwrap_or(t)
}

/// `t` moved by whole days, or `t` if that leaves chrono's range.
pub fn add_days(t: Time, n: i64) -> Time {
    TimeDelta::try_days(n)
        .and_then(|d| t.checked_add_signed(d))
        .unwrap_or(t)
}

/// The moment `s` seconds after local midnight of day number `d` in `t`'s
/// offset, or `None` if that leaves chrono's range.
pub fn on_day(t: &Time, d: i64, s: i64) -> Option<Time> {
    moment(*t.offset(), d, s, 0)
}

/// The moment `s` seconds (0 to a day) and `nano` nanoseconds (a leap
/// second past 1e9, at :59 only) after local midnight of day number `d` at
/// offset `off`, or `None` if that is not a time chrono holds.
pub fn moment(off: FixedOffset, d: i64, s: i64, nano: u32) -> Option<Time> {
    if !(0..=DAY).contains(&s) {
        return None;
    }
    let date = NaiveDate::from_num_days_from_ce_opt(i32::try_from(d).ok()?)?;
    let midnight = date.and_hms_nano_opt(0, 0, 0, nano % 1_000_000_000)?;
    let local = if nano >= 1_000_000_000 {
        // A leap second: chrono writes it as :59 with a nanosecond past 1e9.
        let t = NaiveTime::from_hms_nano_opt((s / 3600) as u32, (s / 60 % 60) as u32, 59, nano)?;
        (s % 60 == 59).then(|| date.and_time(t))?
    } else {
        midnight.checked_add_signed(TimeDelta::try_seconds(s)?)?
    };
    local
        .checked_sub_offset(off)
        .map(|u| u.and_utc().with_timezone(&off))
}

/// The day number of `y-m-d`, if that date exists and lies in chrono's range.
pub fn ymd(y: i64, m: u32, d: u32) -> Option<i64> {
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some(date.num_days_from_ce().into())
}

/// [`ymd`] as a [`Day`].
pub fn date_of(y: i64, m: u32, d: u32) -> Option<Day> {
    ymd(y, m, d).map(|d| Day(d as i32))
}

/// The moment `s` seconds after local midnight of `t`'s day (`t` itself if
/// that leaves chrono's range).
pub fn at_secs(t: Time, s: i64) -> Time {
    on_day(&t, day(&t), s).unwrap_or(t)
}

/// `a - b`.
pub fn since(a: &Time, b: &Time) -> TimeDelta {
    a.signed_duration_since(b)
}

/// `m` minutes (the longest span chrono holds if that is more).
pub fn minutes(m: i64) -> TimeDelta {
    TimeDelta::try_seconds(m.saturating_mul(60)).unwrap_or(TimeDelta::MAX)
}

/// The day number of `t`'s local date.
pub fn date(t: &Time) -> Day {
    Day(t.date_naive().num_days_from_ce())
}

/// Year, month (1-12) and day of month of day number `d` (0000-01-01
/// for a day number out of chrono's range).
pub fn civil(d: i64) -> (i64, u32, u32) {
    i32::try_from(d)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .map_or((0, 1, 1), |c| (c.year().into(), c.month(), c.day()))
}

/// Hour and minute of `t`'s local time of day.
pub fn hm(t: &Time) -> (u32, u32) {
    (t.hour(), t.minute())
}

/// Day number `d` minus that of `t` (0: the same local day).
pub fn days_after(t: &Time, d: &Time) -> i64 {
    day(d) - day(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn offsets() -> [FixedOffset; 4] {
        [-11 * 3600, 0, 8 * 3600, 14 * 3600 - 60].map(|s| FixedOffset::east_opt(s).unwrap())
    }

    #[test]
    fn local_dates_and_weekdays() {
        for off in offsets() {
            let mut ts = -2_240_524_800_i64;
            while ts < 4_133_980_800 {
                let t = off.timestamp_opt(ts, 0).unwrap();
                let d = t.date_naive();
                assert_eq!(
                    weekday(day(&t)),
                    d.weekday().num_days_from_sunday() as usize
                );
                assert_eq!(civil(day(&t)), (d.year().into(), d.month(), d.day()), "{t}");
                assert_eq!(date_of(d.year().into(), d.month(), d.day()), Some(date(&t)));
                ts += 7 * 3600 + 13 * 60;
            }
        }
        assert_eq!(date_of(2026, 2, 29), None);
        assert_eq!(MAX_DAY, i64::from(NaiveDate::MAX.num_days_from_ce()));
        assert_eq!(civil(i64::MAX), (0, 1, 1));
    }

    #[test]
    fn moments_on_local_days() {
        let off = offsets()[2];
        let t = off.with_ymd_and_hms(2026, 11, 24, 15, 30, 0).unwrap();
        assert_eq!(
            at_secs(t, 10 * 3600),
            off.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap()
        );
        assert_eq!(
            on_day(&t, day(&t) + 1, DAY),
            Some(off.with_ymd_and_hms(2026, 11, 26, 0, 0, 0).unwrap())
        );
        assert_eq!(add_days(t, -1), t - TimeDelta::days(1));
        assert_eq!(add_days(t, i64::MAX), t);
        assert_eq!(shift(t, 1800), t + TimeDelta::minutes(30));
        let max = DateTime::<chrono::Utc>::MAX_UTC.fixed_offset();
        assert_eq!(shift(max, 60), max);
        assert_eq!(moment(off, i64::MAX, 0, 0), None);
        // A leap second only at :59.
        let leap = moment(offsets()[1], day(&t), DAY - 1, 1_000_000_000).unwrap();
        assert_eq!(leap.to_rfc3339(), "2026-11-24T23:59:60+00:00");
        assert_eq!(moment(offsets()[1], day(&t), 60, 1_000_000_000), None);
    }
}
