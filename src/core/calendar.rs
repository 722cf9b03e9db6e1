//! Rest days: weekends, the built-in statutory holiday calendar, and the
//! shop's own holidays and make-up workdays. Days are day numbers (see
//! [`clock`](super::clock)).

use super::clock::{self, Day};
use super::input::Settings;
use super::model::Locale;

const TABLE: &[(u8, i32, i32, [&str; 3])] = super::data::HOLIDAYS;
const COVERED: u8 = 0;
const REST: u8 = 1;
const WORK: u8 = 2;

/// The first row of `kind` around `day`.
fn row(day: Day, kind: u8) -> Option<&'static [&'static str; 3]> {
    TABLE
        .iter()
        .find(|r| r.0 == kind && r.1 <= day.0 && day.0 <= r.2)
        .map(|r| &r.3)
}

/// Whether the built-in calendar knows the holidays of `day`'s year.
pub fn covers(day: Day) -> bool {
    row(day, COVERED).is_some()
}

/// The statutory holiday `day` falls in, if any, named in `locale`.
pub fn holiday_name(day: Day, locale: Locale) -> Option<&'static str> {
    row(day, REST).and_then(|n| n.get(locale as usize).copied())
}

fn is_makeup_workday(day: Day) -> bool {
    row(day, WORK).is_some()
}

/// Whether the built-in calendar, or the shop's own lists, cover `day`'s
/// year: outside them only the weekly rest days are known.
pub fn known(day: Day, s: &Settings) -> bool {
    covers(day)
        || s.shop_years
            .contains(&(clock::civil(day.0.into()).0 as i32))
}

/// Whether `day` is a rest day for the shop: the shop's lists first (a day
/// the shop names as a campaign date is a workday), then the built-in
/// calendar, then the weekly rest days.
pub fn is_rest_day(day: Day, s: &Settings) -> bool {
    if s.workdays.contains(&day) || s.campaign.as_ref().is_some_and(|c| c.dates.contains(&day)) {
        return false;
    }
    if s.holidays.contains(&day) {
        return true;
    }
    if holiday_name(day, Locale::ZhCn).is_some() {
        return true;
    }
    if is_makeup_workday(day) {
        return false;
    }
    s.rest_days
        .get(clock::weekday(day.0.into()))
        .copied()
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::input::parse_date;

    #[test]
    fn table_matches_the_source_file() {
        let src = include_str!("../data/holidays.tsv");
        let rows: Vec<&str> = src
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        assert_eq!(rows.len(), TABLE.len());
        for (line, row) in rows.iter().zip(TABLE) {
            let f: Vec<&str> = line.split('\t').collect();
            let day = |s: &str| parse_date("", s).unwrap().0;
            assert_eq!((day(f[1]), day(f[2])), (row.1, row.2), "{line}");
            if f[0] == "rest" {
                assert_eq!(row.3, [f[3], f[4], f[5]]);
            }
        }
        let national = parse_date("", "2026-10-07").unwrap();
        assert_eq!(holiday_name(national, Locale::En), Some("National Day"));
        assert!(covers(national) && !covers(parse_date("", "2027-01-01").unwrap()));
    }
}
