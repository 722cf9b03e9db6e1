//! The shop's settings, each checked and resolved to its value or its
//! default (defaults from the seeds).

use chrono::{Duration, NaiveTime};

use super::checks::*;
use super::times::*;
use crate::core::clock;
use crate::core::error::{at, Error, ErrorCode};
use crate::core::limits::*;
use crate::core::model::*;

/// A campaign's waves, parsed.
#[derive(Clone, Debug, Default)]
pub struct CampaignSettings {
    /// Name for the lines.
    pub name: Option<String>,
    /// Wave times of day, sorted.
    pub waves: Vec<NaiveTime>,
    /// Days it runs (day numbers, see [`clock`]), as given; empty means every day.
    pub dates: Vec<clock::Day>,
    /// Stock is really short.
    pub limited_stock: bool,
}

impl CampaignSettings {
    /// Whether the campaign runs at `t`: on one of its dates, or every day
    /// when it has none (it runs while the shop keeps it set, rest days
    /// included: 12.12 may fall on a Saturday).
    pub fn runs_at(&self, t: &clock::Time) -> bool {
        self.dates.is_empty() || self.dates.contains(&clock::date(t))
    }
}

/// Every shop setting, resolved to its value or default (defaults from the seeds).
#[derive(Clone, Debug)]
pub struct Settings {
    /// Shop name for the lines.
    pub shop_name: Option<String>,
    /// Typical order value.
    pub avg_order_value: Option<f64>,
    /// Gross margin 0..1.
    pub margin: Option<f64>,
    /// Hours until an unpaid order closes (004: three days; 002 speaks of 24 h).
    pub close_after_hours: f64,
    /// No reminders before (000/003: never before 10:00).
    pub quiet_before: NaiveTime,
    /// No reminders after (001: evening orders before 22:00; SMS before 22:00).
    pub quiet_after: NaiveTime,
    /// Lunch break (000/003: never in the lunch break).
    pub lunch: (NaiveTime, NaiveTime),
    /// Rest weekdays, indexed by days from Sunday (000/003: never on rest days).
    pub rest_days: [bool; 7],
    /// Extra rest days (day numbers, see [`clock`]).
    pub holidays: Vec<clock::Day>,
    /// Make-up workdays (day numbers).
    pub workdays: Vec<clock::Day>,
    /// Campaign waves (001: Double 11, 10:00 and 13:00).
    pub campaign: Option<CampaignSettings>,
    /// Gifts the shop really offers.
    pub gifts: Vec<String>,
    /// Coupon the shop really offers.
    pub coupon: Option<String>,
    /// 7-day no-reason return.
    pub seven_day_return: bool,
    /// Same-day shipping.
    pub same_day_shipping: bool,
    /// Payment link for IM.
    pub payment_link: Option<String>,
    /// SMS opt-out suffix.
    pub sms_opt_out: Option<String>,
    /// Cap on reminders, if the shop set one.
    pub max_reminders: Option<u32>,
    /// Minimum gap between reminders.
    pub min_gap: Duration,
    /// Delay of the hidden address-check reminder (001: 10 minutes).
    pub hidden_reminder_after: Duration,
    /// Lead of the last-chance reminder before the close.
    pub last_chance_before: Duration,
    /// Agent's name for phone scripts.
    pub agent_name: Option<String>,
    /// Cap on reminders for a big order (default: the ordinary cap + 1).
    pub max_reminders_big: u32,
    /// Big order from this multiple of the average order value.
    pub big_order_factor: f64,
    /// Phone only from this margin (001 ROI)…
    pub phone_min_margin: f64,
    /// …or from this profit on the order, in yuan.
    pub phone_min_profit: f64,
    /// Ends of the late-night, morning, afternoon and evening order slots (001).
    pub slots: [NaiveTime; 4],
    /// SMS windows for office workers (001: lunch, before leaving work).
    pub sms_office: Vec<(NaiveTime, NaiveTime)>,
    /// SMS to students and others before this (001: before 22:00).
    pub sms_latest: NaiveTime,
    /// Lead before the time the buyer named.
    pub named_time_lead: Duration,
    /// The shop sends SMS reminders (`shop.sms`, default true).
    pub sms: bool,
    /// An IM reminder unanswered this long makes the next one an SMS (default 3 h).
    pub sms_after: Duration,
    /// A reply to a waiting buyer goes at once in quiet hours (default true).
    pub answer_at_night: bool,
    /// A big silent order is phoned first (000) instead of an IM first (001).
    pub phone_first: bool,
    /// Space after a buyer's own last word before a reminder (default 3 h).
    pub hesitation: Duration,
    /// Remind a buyer who is still deciding after a reminder
    /// (`shop.remindStillDeciding`).
    pub remind_still_deciding: bool,
    /// Remind before a buyer's own late-evening time that evening
    /// (`shop.namedTimeLateEvening`).
    pub named_time_late_evening: bool,
    /// After an answer, the least time before the reminder that follows it
    /// within the order's time slot (`shop.answerFollowUpMinutes`).
    pub answer_follow_up: Duration,
    /// Plan the reminder after a reply whose answer the agent must still
    /// find (`shop.followUpOpenAnswer`).
    pub follow_up_open_answer: bool,
    /// Years the shop's own holidays/workdays cover (the built-in calendar aside).
    pub shop_years: Vec<i32>,
}

/// `Shop::default()` built once at compile time rather than on every read.
pub(crate) static NO_SHOP: Shop = Shop {
    name: None,
    avg_order_value: None,
    margin: None,
    close_after_hours: None,
    quiet_before: None,
    quiet_after: None,
    lunch_break: None,
    rest_days: None,
    holidays: Vec::new(),
    workdays: Vec::new(),
    campaign: None,
    gifts: Vec::new(),
    coupon: None,
    seven_day_return: None,
    same_day_shipping: None,
    shipping: None,
    answers: Vec::new(),
    payment_link: None,
    sms_opt_out: None,
    templates: Vec::new(),
    max_reminders: None,
    min_gap_minutes: None,
    hidden_reminder_minutes: None,
    last_chance_hours: None,
    utc_offset: None,
    agent_name: None,
    max_reminders_big: None,
    big_order_factor: None,
    phone_min_margin: None,
    phone_min_profit: None,
    order_slots: None,
    sms_office_windows: None,
    sms_latest: None,
    named_time_lead_minutes: None,
    sms: None,
    sms_after_hours: None,
    answer_at_night: None,
    phone_first: None,
    hesitation_hours: None,
    remind_still_deciding: None,
    named_time_late_evening: None,
    answer_follow_up_minutes: None,
    follow_up_open_answer: None,
};

/// The settings of a shop that sets nothing (defaults from the seeds): copied
/// as one value rather than built field by field on every read.
pub(crate) const DEFAULT_SETTINGS: Settings = Settings {
    shop_name: None,
    avg_order_value: None,
    margin: None,
    close_after_hours: 72.0,
    quiet_before: hm(10, 0),
    quiet_after: hm(22, 0),
    lunch: (hm(12, 0), hm(13, 30)),
    rest_days: [true, false, false, false, false, false, true],
    holidays: Vec::new(),
    workdays: Vec::new(),
    campaign: None,
    gifts: Vec::new(),
    coupon: None,
    seven_day_return: false,
    same_day_shipping: false,
    payment_link: None,
    sms_opt_out: None,
    max_reminders: None,
    min_gap: Duration::minutes(120),
    hidden_reminder_after: Duration::minutes(10),
    last_chance_before: Duration::minutes(180),
    agent_name: None,
    max_reminders_big: 3,
    big_order_factor: 2.0,
    phone_min_margin: 0.15,
    phone_min_profit: 300.0,
    slots: [hm(6, 0), hm(12, 0), hm(17, 0), hm(22, 0)],
    sms_office: Vec::new(),
    sms_latest: hm(22, 0),
    named_time_lead: Duration::minutes(10),
    sms: true,
    sms_after: Duration::minutes(180),
    answer_at_night: true,
    phone_first: false,
    hesitation: Duration::minutes(180),
    remind_still_deciding: false,
    named_time_late_evening: false,
    answer_follow_up: Duration::minutes(30),
    follow_up_open_answer: true,
    shop_years: Vec::new(),
};

/// The settings of the shop of `ctx`, checked and defaulted.
///
/// # Errors
/// The first invalid shop field.
pub fn shop_settings(ctx: &ChatContext) -> Result<Settings, Error> {
    read_settings(ctx.shop.as_ref().unwrap_or(&NO_SHOP))
}

/// The shop's settings, each checked and defaulted; the checks run in the
/// order of the fields, so the first bad one is reported.
pub(crate) fn read_settings(shop: &Shop) -> Result<Settings, Error> {
    let mut st = DEFAULT_SETTINGS;
    st.seven_day_return = shop.seven_day_return.unwrap_or(false);
    st.same_day_shipping = shop.same_day_shipping.unwrap_or(false);
    st.max_reminders = shop.max_reminders;
    st.min_gap = clock::minutes(i64::from(shop.min_gap_minutes.unwrap_or(120)));
    st.hidden_reminder_after =
        clock::minutes(i64::from(shop.hidden_reminder_minutes.unwrap_or(10)));
    st.max_reminders_big = shop
        .max_reminders_big
        .unwrap_or(shop.max_reminders.unwrap_or(2).saturating_add(1));
    st.named_time_lead = clock::minutes(i64::from(
        shop.named_time_lead_minutes.unwrap_or(10).min(24 * 60),
    ));
    st.shop_name = short("shop.name", &shop.name)?;
    st.avg_order_value = opt_number(
        "shop.avgOrderValue",
        shop.avg_order_value,
        0.01,
        MAX_AMOUNT,
        "give the typical order value in yuan, above 0",
    )?;
    st.margin = opt_number(
        "shop.margin",
        shop.margin,
        0.0,
        1.0,
        "give the gross margin as a share from 0 to 1, e.g. 0.35",
    )?;
    if let Some(v) = opt_number(
        "shop.closeAfterHours",
        shop.close_after_hours,
        0.1,
        24.0 * 30.0,
        "give hours from 0.1 to 720, e.g. 72",
    )? {
        st.close_after_hours = v;
    }
    if let Some(s) = &shop.quiet_before {
        st.quiet_before = parse_hhmm("shop.quietBefore", s)?;
    }
    if let Some(s) = &shop.quiet_after {
        st.quiet_after = parse_hhmm("shop.quietAfter", s)?;
    }
    if st.quiet_after <= st.quiet_before {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "shop.quietAfter",
            "must be later than shop.quietBefore: reminders need an allowed window each day",
        ));
    }
    match shop.lunch_break.as_deref() {
        Some([]) => st.lunch = (NaiveTime::MIN, NaiveTime::MIN),
        Some([a, b]) => {
            let a = parse_hhmm("shop.lunchBreak[0]", a)?;
            let b = parse_hhmm("shop.lunchBreak[1]", b)?;
            if b < a {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    "shop.lunchBreak",
                    "the end must not be before the start, e.g. [\"12:00\", \"13:30\"]",
                ));
            }
            st.lunch = (a, b);
        }
        Some(_) => {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "shop.lunchBreak",
                "give a start and an end, e.g. [\"12:00\", \"13:30\"], or [] for none",
            ))
        }
        None => {}
    }
    if let Some(v) = &shop.rest_days {
        check_len("shop.restDays", v.len(), 7)?;
        st.rest_days = [false; 7];
        for (i, d) in v.iter().enumerate() {
            if *d > 6 {
                let message = format!("{d} is not a weekday: use 0 (Sunday) to 6 (Saturday)");
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    at("shop.restDays", i),
                    message,
                ));
            }
            if let Some(rest) = st.rest_days.get_mut(usize::from(*d)) {
                *rest = true;
            }
        }
    }
    st.holidays = dates("shop.holidays", &shop.holidays)?;
    st.workdays = dates("shop.workdays", &shop.workdays)?;
    if let Some(c) = &shop.campaign {
        check_len("shop.campaign.waves", c.waves.len(), MAX_LIST)?;
        let mut camp = CampaignSettings {
            name: None,
            waves: Vec::with_capacity(c.waves.len()),
            dates: Vec::new(),
            limited_stock: c.limited_stock.unwrap_or(false),
        };
        for (i, w) in c.waves.iter().enumerate() {
            let t = parse_hhmm(&at("shop.campaign.waves", i), w)?;
            // Placed in order as read, once each (a sort costs its own copy).
            let k = camp.waves.iter().take_while(|x| **x < t).count();
            if camp.waves.get(k) != Some(&t) {
                camp.waves.insert(k, t);
            }
        }
        camp.name = short("shop.campaign.name", &c.name)?;
        camp.dates = dates("shop.campaign.dates", &c.dates)?;
        st.campaign = Some(camp);
    }
    check_len("shop.gifts", shop.gifts.len(), MAX_LIST)?;
    for (i, g) in shop.gifts.iter().enumerate() {
        check_chars(&at("shop.gifts", i), g, MAX_SHORT_CHARS)?;
        let t = g.trim();
        if !t.is_empty() {
            st.gifts.push(t.to_string());
        }
    }
    check_len("shop.answers", shop.answers.len(), MAX_ANSWERS)?;
    for (i, a) in shop.answers.iter().enumerate() {
        let path = at("shop.answers", i);
        check_len(
            &format!("{path}.keywords"),
            a.keywords.len(),
            MAX_ANSWER_KEYWORDS,
        )?;
        for (k, w) in a.keywords.iter().enumerate() {
            check_chars(&at(&format!("{path}.keywords"), k), w, MAX_SHORT_CHARS)?;
        }
        if a.keywords.iter().all(|w| w.trim().is_empty()) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("{path}.keywords"),
                "no keyword: give the words of the question, e.g. [\"顺丰\"]",
            ));
        }
        check_chars(&format!("{path}.text"), &a.text, MAX_TEMPLATE_CHARS)?;
        if a.text.trim().is_empty() {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("{path}.text"),
                "empty: write the answer the agent would give",
            ));
        }
    }
    super::templates::check_templates(&shop.templates)?;
    if let Some(v) = opt_number(
        "shop.lastChanceHours",
        shop.last_chance_hours,
        0.0,
        24.0 * 30.0,
        "give hours before the close, e.g. 3",
    )? {
        st.last_chance_before = clock::minutes((v * 60.0).round() as i64);
    }
    st.coupon = short("shop.coupon", &shop.coupon)?;
    st.payment_link = short("shop.paymentLink", &shop.payment_link)?;
    st.sms_opt_out = short("shop.smsOptOut", &shop.sms_opt_out)?;
    st.agent_name = short("shop.agentName", &shop.agent_name)?;
    if let Some(v) = opt_number(
        "shop.bigOrderFactor",
        shop.big_order_factor,
        1.0,
        1000.0,
        "give a multiple of the average order value from 1, e.g. 2",
    )? {
        st.big_order_factor = v;
    }
    if let Some(v) = opt_number(
        "shop.phoneMinMargin",
        shop.phone_min_margin,
        0.0,
        1.0,
        "give a share from 0 to 1, e.g. 0.15",
    )? {
        st.phone_min_margin = v;
    }
    if let Some(v) = opt_number(
        "shop.phoneMinProfit",
        shop.phone_min_profit,
        0.0,
        10_000_000.0,
        "give the profit in yuan that pays for a call, e.g. 300",
    )? {
        st.phone_min_profit = v;
    }
    st.slots = order_slots(&shop.order_slots)?;
    st.sms_office = sms_windows(&shop.sms_office_windows)?;
    if let Some(t) = &shop.sms_latest {
        st.sms_latest = parse_hhmm("shop.smsLatest", t)?;
    }
    st.sms = shop.sms.unwrap_or(true);
    if let Some(v) = opt_number(
        "shop.smsAfterHours",
        shop.sms_after_hours,
        0.0,
        24.0 * 30.0,
        "give the hours an IM reminder may go unanswered before SMS, from 0 to 720, e.g. 3",
    )? {
        st.sms_after = clock::minutes((v * 60.0).round() as i64);
    }
    st.answer_at_night = shop.answer_at_night.unwrap_or(true);
    st.phone_first = shop.phone_first.unwrap_or(false);
    st.follow_up_open_answer = shop.follow_up_open_answer.unwrap_or(true);
    st.remind_still_deciding = shop.remind_still_deciding.unwrap_or(false);
    st.named_time_late_evening = shop.named_time_late_evening.unwrap_or(false);
    if let Some(v) = opt_number(
        "shop.hesitationHours",
        shop.hesitation_hours,
        0.0,
        72.0,
        "give the hours of space after a buyer says they will think it over, from 0 to 72, e.g. 3",
    )? {
        st.hesitation = clock::minutes((v * 60.0).round() as i64);
    }
    if let Some(v) = shop.answer_follow_up_minutes {
        st.answer_follow_up = clock::minutes(i64::from(v.min(24 * 60)));
    }
    // The years of the shop's own dates (each read above).
    for &list in &[&st.holidays, &st.workdays] {
        for d in list {
            st.shop_years.push(clock::civil(d.0.into()).0 as i32);
        }
    }
    Ok(st)
}

pub(crate) const fn hm(h: u32, m: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(h, m, 0) {
        Some(t) => t,
        None => NaiveTime::MIN,
    }
}

pub(crate) fn order_slots(v: &Option<Vec<String>>) -> Result<[NaiveTime; 4], Error> {
    let Some(v) = v else {
        return Ok(const { [hm(6, 0), hm(12, 0), hm(17, 0), hm(22, 0)] });
    };
    let bad = || {
        Error::new(
            ErrorCode::InvalidValue,
            "shop.orderSlots",
            "give four increasing times: ends of late night, morning, afternoon and evening, e.g. [\"06:00\", \"12:00\", \"17:00\", \"22:00\"]",
        )
    };
    if v.len() != 4 {
        return Err(bad());
    }
    let mut out = [NaiveTime::MIN; 4];
    let mut before = None;
    for ((i, t), slot) in v.iter().enumerate().zip(out.iter_mut()) {
        let t = parse_hhmm(&at("shop.orderSlots", i), t)?;
        if before.is_some_and(|b| t <= b) {
            return Err(bad());
        }
        (*slot, before) = (t, Some(t));
    }
    Ok(out)
}

pub(crate) fn sms_windows(v: &Option<Vec<String>>) -> Result<Vec<(NaiveTime, NaiveTime)>, Error> {
    let Some(v) = v else {
        return Ok(vec![(hm(12, 0), hm(13, 30)), (hm(17, 0), hm(18, 0))]);
    };
    check_len("shop.smsOfficeWindows", v.len(), 24)?;
    let mut out = Vec::with_capacity(v.len());
    for (i, w) in v.iter().enumerate() {
        let p = at("shop.smsOfficeWindows", i);
        let bad = || {
            Error::new(
                ErrorCode::InvalidValue,
                p.as_str(),
                "give a start and a later end, e.g. \"17:00-18:00\"",
            )
        };
        let (a, b) = w.split_once('-').ok_or_else(bad)?;
        let (a, b) = (parse_hhmm(&p, a)?, parse_hhmm(&p, b)?);
        if b <= a {
            return Err(bad());
        }
        out.push((a, b));
    }
    Ok(out)
}
