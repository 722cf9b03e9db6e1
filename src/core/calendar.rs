//! Rest days: weekends, the built-in statutory holiday calendar, and the
//! shop's own holidays and make-up workdays.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use super::input::{parse_date, Settings};
use super::model::Locale;

const TABLE: &str = super::data::HOLIDAYS;

#[derive(Default)]
struct Calendar {
    covered: Vec<(NaiveDate, NaiveDate)>,
    rest: Vec<(NaiveDate, NaiveDate, [&'static str; 3])>,
    work: Vec<(NaiveDate, NaiveDate)>,
}

fn calendar() -> &'static Calendar {
    static C: OnceLock<Calendar> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = Calendar::default();
        for line in TABLE.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            // kind, first day, last day, then the names (zh-CN, zh-TW, en).
            let mut f = line.split('\t');
            let (Some(kind), Some(a), Some(b), Some(cn)) = (f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let (Ok(a), Ok(b)) = (parse_date("", a), parse_date("", b)) else {
                continue;
            };
            let tw = f.next().unwrap_or(cn);
            let en = f.next().unwrap_or(cn);
            match kind {
                "covered" => c.covered.push((a, b)),
                "rest" => c.rest.push((a, b, [cn, tw, en])),
                "work" => c.work.push((a, b)),
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

/// The statutory holiday `day` falls in, if any, named in `locale`.
pub fn holiday_name(day: NaiveDate, locale: Locale) -> Option<&'static str> {
    calendar()
        .rest
        .iter()
        .find(|(a, b, _)| *a <= day && day <= *b)
        .map(|(_, _, n)| n[locale as usize])
}

fn is_makeup_workday(day: NaiveDate) -> bool {
    calendar().work.iter().any(|(a, b)| *a <= day && day <= *b)
}

/// Whether the built-in calendar, or the shop's own lists, cover `day`'s
/// year: outside them only the weekly rest days are known.
pub fn known(day: NaiveDate, s: &Settings) -> bool {
    covers(day) || s.shop_years.contains(&day.year())
}

/// Whether `day` is a rest day for the shop: the shop's lists first (a day
/// the shop names as a campaign date is a workday), then the built-in
/// calendar, then the weekly rest days.
pub fn is_rest_day(day: NaiveDate, s: &Settings) -> bool {
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
    s.rest_days[day.weekday().num_days_from_sunday() as usize]
}
