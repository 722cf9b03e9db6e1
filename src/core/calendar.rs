//! Rest days: weekends, the built-in statutory holiday calendar, and the
//! shop's own holidays and make-up workdays.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use super::input::{parse_date, Settings};

const TABLE: &str = include_str!("../data/holidays.tsv");

#[derive(Default)]
struct Calendar {
    covered: Vec<(NaiveDate, NaiveDate)>,
    rest: Vec<(NaiveDate, NaiveDate, &'static str)>,
    work: Vec<(NaiveDate, NaiveDate, &'static str)>,
}

fn calendar() -> &'static Calendar {
    static C: OnceLock<Calendar> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = Calendar::default();
        for line in TABLE.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 4 {
                continue;
            }
            let (Ok(a), Ok(b)) = (parse_date("", f[1]), parse_date("", f[2])) else {
                continue;
            };
            match f[0] {
                "covered" => c.covered.push((a, b)),
                "rest" => c.rest.push((a, b, f[3])),
                "work" => c.work.push((a, b, f[3])),
                _ => {}
            }
        }
        c
    })
}

/// Whether the built-in calendar knows the holidays of `day`'s year.
pub fn covers(day: NaiveDate) -> bool {
    calendar()
        .covered
        .iter()
        .any(|(a, b)| *a <= day && day <= *b)
}

/// The statutory holiday `day` falls in, if any.
pub fn holiday_name(day: NaiveDate) -> Option<&'static str> {
    calendar()
        .rest
        .iter()
        .find(|(a, b, _)| *a <= day && day <= *b)
        .map(|(_, _, n)| *n)
}

fn is_makeup_workday(day: NaiveDate) -> bool {
    calendar()
        .work
        .iter()
        .any(|(a, b, _)| *a <= day && day <= *b)
}

/// Whether `day` is a rest day for the shop: the shop's lists first, then
/// the built-in calendar, then the weekly rest days.
pub fn is_rest_day(day: NaiveDate, s: &Settings) -> bool {
    if s.workdays.contains(&day) {
        return false;
    }
    if s.holidays.contains(&day) {
        return true;
    }
    if holiday_name(day).is_some() {
        return true;
    }
    if is_makeup_workday(day) {
        return false;
    }
    s.rest_days[day.weekday().num_days_from_sunday() as usize]
}
