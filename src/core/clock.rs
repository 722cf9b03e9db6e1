//! Calendar arithmetic on plain integers. A moment keeps its fixed offset, so
//! its local date and time of day are the epoch seconds shifted by that
//! offset: day numbers and seconds replace chrono's date and duration types
//! in the engine (each chrono call links kilobytes of wasm). A date is its
//! day number, counted as chrono's `num_days_from_ce` counts.

use chrono::{DateTime, FixedOffset, TimeDelta, Timelike};

/// A moment with the offset it was written in.
pub type Time = DateTime<FixedOffset>;

/// Seconds in a day.
pub const DAY: i64 = 86_400;
/// The day number of 1970-01-01.
const EPOCH_DAY: i64 = 719_163;
/// A date as its day number, counted as chrono's `num_days_from_ce` counts
/// (a type of its own: comparing lists of plain integers costs more wasm).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub i32);

/// The day numbers of chrono's first and last dates.
pub const MIN_DAY: i64 = -95_746_129;
/// See [`MIN_DAY`].
pub const MAX_DAY: i64 = 95_745_399;

/// Seconds since the epoch on the wall clock of `t`'s offset.
fn local(t: &Time) -> i64 {
    t.timestamp() + i64::from(t.offset().local_minus_utc())
}

/// The day number of `t`'s local date, counted as chrono's
/// `num_days_from_ce` counts (0001-01-01 is day 1).
pub fn day(t: &Time) -> i64 {
    local(t).div_euclid(DAY) + EPOCH_DAY
}

/// Seconds since local midnight of `t` (a leap second counts as the second
/// before it, as chrono's time of day compares).
pub fn sod(t: &Time) -> i64 {
    local(t).rem_euclid(DAY)
}

/// Seconds since midnight of a time of day written as `HH:MM`.
pub fn secs(t: chrono::NaiveTime) -> i64 {
    t.num_seconds_from_midnight().into()
}

/// The weekday of day number `d`, 0 for Sunday.
pub fn weekday(d: i64) -> usize {
    d.rem_euclid(7) as usize
}

/// `t` moved by `s` seconds as chrono's `checked_add_signed` moves it (a
/// leap second is left as chrono leaves it), or `None` if that leaves
/// chrono's range; on integers.
pub fn checked_shift(t: Time, s: i64) -> Option<Time> {
    const NANOS: u32 = 1_000_000_000;
    let ts = t.timestamp();
    let mut secs = ts.rem_euclid(DAY);
    let mut frac = t.timestamp_subsec_nanos();
    if frac >= NANOS {
        if s == 0 {
            return Some(t);
        }
        frac -= NANOS;
        if s < 0 {
            secs += 1;
        }
    }
    utc(
        *t.offset(),
        (ts - ts.rem_euclid(DAY)).checked_add(secs.checked_add(s)?)?,
        frac,
    )
}

/// `t + d` for a span `d` of whole seconds, as [`checked_shift`] moves it
/// (the engine's spans are whole minutes).
pub fn checked_add(t: Time, d: TimeDelta) -> Option<Time> {
    checked_shift(t, d.num_seconds())
}

/// The moment `secs` seconds and `nano` nanoseconds after the epoch, shown
/// at offset `off`, if chrono holds it.
#[inline(never)]
fn utc(off: FixedOffset, secs: i64, nano: u32) -> Option<Time> {
    DateTime::from_timestamp(secs, nano).map(|u| u.with_timezone(&off))
}

/// `t` moved by `s` seconds, or `t` if that leaves chrono's range.
pub fn shift(t: Time, s: i64) -> Time {
    checked_shift(t, s).unwrap_or(t)
}

/// `t` moved by whole days.
pub fn add_days(t: Time, n: i64) -> Time {
    // Past the clamp every shift leaves chrono's range.
    shift(t, n.clamp(-4 * MAX_DAY, 4 * MAX_DAY) * DAY)
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
    // Two days past chrono's dates no offset brings a moment back into its
    // range; inside, nothing overflows.
    if !(MIN_DAY - 2..=MAX_DAY + 2).contains(&d) || !(0..=DAY).contains(&s) {
        return None;
    }
    utc(
        off,
        (d - EPOCH_DAY) * DAY + s - i64::from(off.local_minus_utc()),
        nano,
    )
}

/// The day number of `y-m-d`, if that date exists and lies in chrono's range.
pub fn ymd(y: i64, m: u32, d: u32) -> Option<i64> {
    // Wider than chrono's years: inside, nothing overflows.
    if !(-300_000..=300_000).contains(&y) {
        return None;
    }
    // Years counted from March, so that the leap day ends a year. A month or
    // day past its end lands on another date, which reads back differently.
    let y0 = if m <= 2 { y - 1 } else { y };
    let (era, yoe) = (y0.div_euclid(400), y0.rem_euclid(400));
    let doy = (153 * ((i64::from(m) + 9) % 12) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let n = era * 146_097 + doe - 719_468 + EPOCH_DAY;
    (civil(n) == (y, m, d)).then_some(n)
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

/// `a - b` as chrono subtracts (a leap second counts once), on integers.
pub fn since(a: &Time, b: &Time) -> TimeDelta {
    const NANOS: i64 = 1_000_000_000;
    let (ta, tb) = (a.timestamp(), b.timestamp());
    let fa = i64::from(a.timestamp_subsec_nanos());
    let fb = i64::from(b.timestamp_subsec_nanos());
    let (sa, sb) = (ta.rem_euclid(DAY), tb.rem_euclid(DAY));
    let mut secs = ta - tb;
    if sa > sb && fb >= NANOS {
        secs += 1;
    } else if sa < sb && fa >= NANOS {
        secs -= 1;
    }
    let frac = fa - fb;
    TimeDelta::new(secs + frac.div_euclid(NANOS), frac.rem_euclid(NANOS) as u32)
        .unwrap_or(TimeDelta::MAX)
}

/// `m` minutes (the longest span chrono holds if that is more).
pub fn minutes(m: i64) -> TimeDelta {
    TimeDelta::try_seconds(m.saturating_mul(60)).unwrap_or(TimeDelta::MAX)
}

/// The day number of `t`'s local date (chrono's first or last date past its
/// range).
pub fn date(t: &Time) -> Day {
    Day(day(t).clamp(MIN_DAY, MAX_DAY) as i32)
}

/// Year, month (1-12) and day of month of day number `d` (0000-01-01
/// for a day number out of chrono's range).
pub fn civil(d: i64) -> (i64, u32, u32) {
    if !(MIN_DAY..=MAX_DAY).contains(&d) {
        return (0, 1, 1);
    }
    // Years counted from March, as in `ymd`; in range, it all fits in 32 bits.
    let z = (d - EPOCH_DAY + 719_468) as i32;
    let (era, doe) = (z.div_euclid(146_097), z.rem_euclid(146_097) as u32);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = i64::from(era) * 400 + i64::from(yoe) + i64::from(m <= 2);
    (y, m, doy - (153 * mp + 2) / 5 + 1)
}

/// Hour and minute of `t`'s local time of day.
pub fn hm(t: &Time) -> (u32, u32) {
    let s = sod(t);
    ((s / 3600) as u32, (s / 60 % 60) as u32)
}

/// Day number `d` minus that of `t` (0: the same local day).
pub fn days_after(t: &Time, d: &Time) -> i64 {
    day(d) - day(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate, TimeZone};

    fn offsets() -> [FixedOffset; 4] {
        [-11 * 3600, 0, 8 * 3600, 14 * 3600 - 60].map(|s| FixedOffset::east_opt(s).unwrap())
    }

    #[test]
    fn dates_agree_with_chrono() {
        for off in offsets() {
            // Every 7h13m from 1899 to 2101: each day, each time of day class.
            let mut ts = -2_240_524_800_i64;
            while ts < 4_133_980_800 {
                let t = off.timestamp_opt(ts, 0).unwrap();
                let d = t.date_naive();
                assert_eq!(day(&t), i64::from(d.num_days_from_ce()), "{t}");
                assert_eq!(i64::from(date(&t).0), day(&t));
                assert_eq!(
                    weekday(day(&t)),
                    d.weekday().num_days_from_sunday() as usize
                );
                assert_eq!(civil(day(&t)), (d.year().into(), d.month(), d.day()), "{t}");
                assert_eq!(sod(&t), i64::from(t.time().num_seconds_from_midnight()));
                assert_eq!(hm(&t), (t.hour(), t.minute()));
                ts += 7 * 3600 + 13 * 60;
            }
        }
    }

    #[test]
    fn dates_are_read_as_chrono_reads_them() {
        for y in (-2..=2)
            .chain(1590..=2110)
            .chain([9999, 262_142, 262_143, 262_144, -262_144, -262_145])
        {
            for m in 0..=13 {
                for d in 0..=32 {
                    let want = i32::try_from(y)
                        .ok()
                        .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
                        .map(|d| Day(d.num_days_from_ce()));
                    assert_eq!(date_of(y, m, d), want, "{y}-{m}-{d}");
                }
            }
        }
        assert_eq!(date_of(i64::MAX, 1, 1), None);
        assert_eq!(date_of(i64::MIN, 1, 1), None);
        // The ends of chrono's range, and past them.
        let (min, max) = (NaiveDate::MIN, NaiveDate::MAX);
        assert_eq!(MIN_DAY, i64::from(min.num_days_from_ce()));
        assert_eq!(MAX_DAY, i64::from(max.num_days_from_ce()));
        for (d, c) in [(MIN_DAY, min), (MAX_DAY, max)] {
            assert_eq!(civil(d), (c.year().into(), c.month(), c.day()));
        }
        for d in [MIN_DAY - 1, MAX_DAY + 1, i64::MIN, i64::MAX] {
            assert_eq!(civil(d), (0, 1, 1));
        }
        // Every 997th day across the range, and each side of every day from
        // 1599 to 1601 (the 400-year cycle).
        let (first, last) = (MIN_DAY as i32, MAX_DAY as i32);
        for n in (first..=last)
            .step_by(997)
            .chain(583_700..584_500)
            .chain([last])
        {
            let c = NaiveDate::from_num_days_from_ce_opt(n).unwrap();
            assert_eq!(
                civil(n.into()),
                (c.year().into(), c.month(), c.day()),
                "{c}"
            );
        }
        // A local date past chrono's range stays at its first or last date.
        let late = DateTime::<chrono::Utc>::MAX_UTC.with_timezone(&offsets()[3]);
        assert!(day(&late) > MAX_DAY);
        assert_eq!(i64::from(date(&late).0), MAX_DAY);
        let early = DateTime::<chrono::Utc>::MIN_UTC.with_timezone(&offsets()[0]);
        assert!(day(&early) < MIN_DAY);
        assert_eq!(i64::from(date(&early).0), MIN_DAY);
    }

    #[test]
    fn moments_agree_with_chrono() {
        let times = ["00:00", "09:30", "12:00", "23:59"]
            .map(|s| crate::core::input::parse_hhmm("", s).unwrap());
        for off in offsets() {
            let mut ts = -2_240_524_800_i64;
            while ts < 4_133_980_800 {
                let t = off.timestamp_opt(ts, 500).unwrap();
                for time in times {
                    let naive = t.date_naive().and_time(time);
                    let want = off.from_local_datetime(&naive).single().unwrap_or(t);
                    assert_eq!(at_secs(t, secs(time)), want, "{t} {time}");
                }
                assert_eq!(add_days(t, -1), t - TimeDelta::days(1));
                assert_eq!(shift(t, 1800), t + TimeDelta::minutes(30));
                ts += 11 * 3600 + 7 * 60;
            }
        }
        // Differences, leap seconds included.
        let moments: Vec<Time> = [
            "2016-12-31T23:59:60.5+00:00",
            "2016-12-31T23:59:59.25+08:00",
            "2017-01-01T00:00:00Z",
            "2017-01-01T07:59:60.999+08:00",
            "1969-12-31T23:59:59.75-11:00",
            "2026-05-01T09:30:00.000000001+14:00",
        ]
        .iter()
        .map(|s| crate::core::input::parse_time("", s).unwrap())
        .collect();
        for a in &moments {
            for b in &moments {
                assert_eq!(since(a, b), *a - *b, "{a} - {b}");
            }
        }
        assert_eq!(minutes(90), TimeDelta::minutes(90));
        let spans = [-86_400_001, -1_500, -1, 0, 1, 999, 1_000, 1_800_000_123];
        for a in &moments {
            for n in spans {
                let d = TimeDelta::seconds(n);
                assert_eq!(checked_shift(*a, n), a.checked_add_signed(d), "{a} + {d}");
                assert_eq!(checked_add(*a, d), a.checked_add_signed(d), "{a} + {d}");
            }
        }
        // Days near and past the ends of chrono's range, built as chrono builds them.
        for off in offsets() {
            let days = [MIN_DAY - 3, MIN_DAY - 2, MIN_DAY - 1, MIN_DAY, MAX_DAY];
            for d in days
                .into_iter()
                .chain([MAX_DAY + 1, MAX_DAY + 2, MAX_DAY + 3])
            {
                for s in [0, 3600, 86_399, DAY] {
                    let utc = i128::from(d - EPOCH_DAY) * i128::from(DAY) + i128::from(s)
                        - i128::from(off.local_minus_utc());
                    let want = i64::try_from(utc)
                        .ok()
                        .and_then(|u| DateTime::from_timestamp(u, 0))
                        .map(|u| u.with_timezone(&off));
                    assert_eq!(moment(off, d, s, 0), want, "{d} {s} {off}");
                }
            }
            assert_eq!(moment(off, i64::MAX, 0, 0), None);
            assert_eq!(moment(off, i64::MIN, 0, 0), None);
        }
        // Out of range: unchanged, as chrono's checked arithmetic leaves it.
        let max = DateTime::<chrono::Utc>::MAX_UTC.fixed_offset();
        assert_eq!(shift(max, 60), max);
        assert_eq!(add_days(max, i64::MAX), max);
        let t = moments[0];
        for n in [
            i64::MIN,
            -5 * MAX_DAY,
            -4 * MAX_DAY,
            4 * MAX_DAY,
            5 * MAX_DAY,
            i64::MAX,
        ] {
            assert_eq!(add_days(t, n), t, "{n}");
        }
    }
}
