//! Checks a [`ChatContext`] field by field and resolves every setting to its
//! default, so the rules downstream work on parsed, trusted values.

use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Utc};

use super::clock;
use super::error::{at, join, Error, ErrorCode};
use super::limits::*;
use super::model::*;
use super::text::{char_count, digits, push_num};

/// A chat message with its time parsed.
#[derive(Clone, Debug)]
pub struct Msg<'a> {
    /// Index in `messages`.
    pub index: usize,
    /// Who wrote it.
    pub from: Role,
    /// What was written.
    pub text: &'a str,
    /// When, if given.
    pub at: Option<DateTime<FixedOffset>>,
}

/// A reminder already sent, with its time parsed.
#[derive(Clone, Debug)]
pub struct Sent<'a> {
    /// When.
    pub at: DateTime<FixedOffset>,
    /// How.
    pub channel: Channel,
    /// Which line, if known.
    pub template_id: Option<&'a str>,
}

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
    /// Phone only from this margin (001 ROI).
    pub phone_min_margin: f64,
    /// Ends of the late-night, morning, afternoon and evening order slots (001).
    pub slots: [NaiveTime; 4],
    /// SMS windows for office workers (001: lunch, before leaving work).
    pub sms_office: Vec<(NaiveTime, NaiveTime)>,
    /// SMS to students and others before this (001: before 22:00).
    pub sms_latest: NaiveTime,
    /// Lead before the time the buyer named.
    pub named_time_lead: Duration,
    /// Years the shop's own holidays/workdays cover (the built-in calendar aside).
    pub shop_years: Vec<i32>,
}

/// A checked context: parsed times, resolved settings, the original beside it.
#[derive(Clone, Debug)]
pub struct Input<'a> {
    /// The context as given.
    pub ctx: &'a ChatContext,
    /// The moment of the suggestion, in the shop's offset.
    pub now: DateTime<FixedOffset>,
    /// The shop's offset, used for every time-of-day rule.
    pub tz: FixedOffset,
    /// Language.
    pub locale: Locale,
    /// When the order was placed, in the shop's offset.
    pub placed_at: DateTime<FixedOffset>,
    /// Last change of terms, in the shop's offset.
    pub terms_changed_at: Option<DateTime<FixedOffset>>,
    /// Explicit close time, in the shop's offset.
    pub explicit_close: Option<DateTime<FixedOffset>>,
    /// Order value.
    pub amount: f64,
    /// Already paid.
    pub paid: bool,
    /// Buyer's name, trimmed, if any.
    pub buyer_name: Option<&'a str>,
    /// Buyer's nick, trimmed, if any.
    pub buyer_nick: Option<&'a str>,
    /// Returning buyer.
    pub returning: bool,
    /// SMS audience.
    pub audience: Option<Audience>,
    /// Form of address.
    pub gender: Option<Gender>,
    /// Messages with parsed times.
    pub messages: Vec<Msg<'a>>,
    /// Sent reminders, oldest first.
    pub reminders: Vec<Sent<'a>>,
    /// Resolved shop settings.
    pub settings: Settings,
    /// Times came in UTC and the shop's offset was assumed: the caller gets
    /// [`utc_note`] before the other warnings.
    pub utc_times: bool,
}

/// The note for times given in UTC.
pub fn utc_note() -> Warning {
    Warning {
        code: "utc_times".into(),
        message:
            "times are given in UTC; the shop's rules use +08:00 (set shop.utcOffset to change)"
                .into(),
        start: None,
        end: None,
        path: None,
    }
}

/// The default shop offset: mainland China.
pub fn default_offset() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("+08:00 is a valid offset")
}

/// Parses an RFC 3339 time with an offset.
pub fn parse_time(path: &str, s: &str) -> Result<DateTime<FixedOffset>, Error> {
    rfc3339(s.trim()).ok_or_else(|| {
        not_a(
            path,
            s,
            " is not a time with an offset: use RFC 3339, e.g. 2026-11-23T14:05:00+08:00",
        )
    })
}

/// RFC 3339 as chrono's `DateTime::parse_from_rfc3339` reads it (same
/// strings accepted, same values), written by hand: chrono's scanner slices
/// strings at run-time offsets, which links the panic formatting of string
/// slicing (and its Unicode tables) into the wasm.
fn rfc3339(s: &str) -> Option<DateTime<FixedOffset>> {
    let b = s.as_bytes();
    let d = |i: usize| -> Option<u32> {
        let c = *b.get(i)?;
        c.is_ascii_digit().then(|| u32::from(c - b'0'))
    };
    let n2 = |i: usize| Some(d(i)? * 10 + d(i + 1)?);
    let lit = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(matches!(b.get(10), Some(b'T' | b't' | b' ')) && lit(13, b':') && lit(16, b':')) {
        return None;
    }
    // The date is what `parse_date` reads (byte 10 is ASCII, so a boundary).
    let day = date(s.get(..10)?)?.0.into();
    let (hour, min, mut sec) = (n2(11)?, n2(14)?, n2(17)?);
    let mut nano = 0;
    if sec == 60 {
        // RFC 3339 allows a leap second.
        sec = 59;
        nano = 1_000_000_000;
    }
    let mut i = 19;
    if lit(19, b'.') {
        i = 20;
        let (mut frac, mut digits) = (0u32, 0u32);
        while let Some(x) = d(i) {
            // Digits past the ninth are read and ignored.
            if digits < 9 {
                frac = frac * 10 + x;
                digits += 1;
            }
            i += 1;
        }
        if digits == 0 {
            return None;
        }
        nano += frac * 10u32.pow(9 - digits);
    }
    if hour > 23 || min > 59 || sec > 59 {
        return None;
    }
    let offset = match b.get(i)? {
        b'Z' | b'z' => {
            i += 1;
            0
        }
        c => {
            // '+', '-' or U+2212 MINUS SIGN.
            let (neg, len) = match c {
                b'+' => (false, 1),
                b'-' => (true, 1),
                _ if b.get(i..i + 3) == Some("\u{2212}".as_bytes()) => (true, 3),
                _ => return None,
            };
            i += len;
            let (h, m) = (n2(i)?, n2(i + 3)?);
            if !lit(i + 2, b':') || m > 59 {
                return None;
            }
            i += 5;
            let secs = (h * 3600 + m * 60) as i32;
            if neg {
                -secs
            } else {
                secs
            }
        }
    };
    if i != b.len() {
        return None;
    }
    let tz = FixedOffset::east_opt(offset)?;
    let secs = i64::from(hour * 3600 + min * 60 + sec);
    clock::moment(tz, day, secs, nano)
}

/// Parses `"HH:MM"`.
pub fn parse_hhmm(path: &str, s: &str) -> Result<NaiveTime, Error> {
    // Hand-written: chrono's format-string parser costs kilobytes of wasm.
    hhmm(s.trim()).ok_or_else(|| not_a(path, s, " is not a time of day: use HH:MM, e.g. 10:00"))
}

fn hhmm(t: &str) -> Option<NaiveTime> {
    let (h, m) = t.split_once(':')?;
    if !(1..=2).contains(&h.len()) || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(uint(h)?, uint(m)?, 0)
}

/// Reads a decimal as `str::parse::<u32>` does: an optional `+`, then
/// digits (written by hand: each `parse` type costs its own copy in wasm).
fn uint(s: &str) -> Option<u32> {
    u32::try_from(digits(s.strip_prefix('+').unwrap_or(s))?).ok()
}

/// Reads a decimal as `str::parse::<i32>` does: an optional sign, then digits.
fn int(s: &str) -> Option<i32> {
    match s.strip_prefix('-') {
        Some(d) if d.starts_with('+') => None,
        Some(d) => i32::try_from(uint(d)?).ok().map(|n| -n),
        None => i32::try_from(uint(s)?).ok(),
    }
}

/// Parses `"YYYY-MM-DD"` to its day number (see [`clock`]).
pub fn parse_date(path: &str, s: &str) -> Result<clock::Day, Error> {
    date(s.trim()).ok_or_else(|| not_a(path, s, " is not a date: use YYYY-MM-DD, e.g. 2026-10-01"))
}

fn date(s: &str) -> Option<clock::Day> {
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

/// Formats a time as RFC 3339 with its offset and no fraction.
pub fn format_time(t: DateTime<FixedOffset>) -> String {
    let secs = t.offset().local_minus_utc();
    let sign = if secs < 0 { "-" } else { "+" };
    let secs = u64::from(secs.unsigned_abs());
    let (y, m, d) = clock::civil(clock::day(&t));
    let sod = clock::sod(&t);
    let mut out = String::new();
    if y < 0 {
        out.push('-');
    }
    for &(n, width, sep) in &[
        (y.unsigned_abs(), 4, "-"),
        (m.into(), 2, "-"),
        (d.into(), 2, "T"),
        (sod as u64 / 3600, 2, ":"),
        (sod as u64 / 60 % 60, 2, ":"),
        (sod as u64 % 60, 2, sign),
        (secs / 3600, 2, ":"),
        (secs % 3600 / 60, 2, ""),
    ] {
        push_num(&mut out, n, width);
        out.push_str(sep);
    }
    out
}

/// Parses a UTC offset such as `"+08:00"`.
pub fn parse_offset(path: &str, s: &str) -> Result<FixedOffset, Error> {
    offset(s.trim()).ok_or_else(|| not_a(path, s, " is not a UTC offset: use ±HH:MM, e.g. +08:00"))
}

fn offset(s: &str) -> Option<FixedOffset> {
    let (sign, rest) = match s.strip_prefix('+') {
        Some(r) => (1, r),
        None => (-1, s.strip_prefix('-')?),
    };
    let (h, m) = rest.split_once(':')?;
    let (h, m) = (int(h)?, int(m)?);
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// Pushes the first `n` characters of `s`, and `…` if there were more.
#[inline(never)]
pub(crate) fn push_clipped(out: &mut String, s: &str, n: usize) {
    let mut chars = s.chars();
    out.extend(chars.by_ref().take(n));
    if chars.next().is_some() {
        out.push('…');
    }
}

/// "`<s>` is not …": a text that does not read as a time, date or offset.
#[inline(never)]
fn not_a(path: &str, s: &str, rest: &str) -> Error {
    let mut message = String::from("`");
    // At most 40 characters of what was given.
    push_clipped(&mut message, s, 40);
    message.push('`');
    message.push_str(rest);
    Error::new(ErrorCode::InvalidTime, path, message)
}

#[inline(never)]
fn too_large(path: &str, what: &str, max: usize) -> Error {
    let mut message = String::from(what);
    message.push_str(" exceeds the limit of ");
    push_num(&mut message, max as u64, 1);
    message.push_str(": send less");
    Error::new(ErrorCode::TooLarge, path, message)
}

fn check_chars(path: &str, s: &str, max: usize) -> Result<(), Error> {
    if char_count(s) > max {
        return Err(too_large(path, "text length", max));
    }
    Ok(())
}

fn check_len(path: &str, len: usize, max: usize) -> Result<(), Error> {
    if len > max {
        return Err(too_large(path, "number of entries", max));
    }
    Ok(())
}

/// The path of field `field` of element `i` of the array at `list`.
#[inline(never)]
fn elem(list: &str, i: usize, field: &str) -> String {
    join(&at(list, i), field)
}

/// An `invalid_value` error: `what` then `hint`.
#[inline(never)]
fn invalid(path: &str, what: &str, hint: &str) -> Error {
    let mut message = String::from(what);
    message.push_str(hint);
    Error::new(ErrorCode::InvalidValue, path, message)
}

fn number(path: &str, v: f64, min: f64, max: f64, hint: &str) -> Result<f64, Error> {
    if !v.is_finite() {
        return Err(invalid(path, "must be a finite number: ", hint));
    }
    if v < min || v > max {
        return Err(invalid(path, "out of range: ", hint));
    }
    Ok(v)
}

fn short(path: &str, s: &Option<String>) -> Result<Option<String>, Error> {
    Ok(short_ref(path, s)?.map(str::to_string))
}

fn short_ref<'a>(path: &str, s: &'a Option<String>) -> Result<Option<&'a str>, Error> {
    match s {
        Some(s) => {
            check_chars(path, s, MAX_SHORT_CHARS)?;
            let t = s.trim();
            Ok((!t.is_empty()).then_some(t))
        }
        None => Ok(None),
    }
}

// A plain list rather than a set: the lists are short (at most MAX_LIST) and
// only ever asked `contains`/`is_empty`; a BTreeSet costs kilobytes of wasm.
fn dates(path: &str, v: &[String]) -> Result<Vec<clock::Day>, Error> {
    check_len(path, v.len(), MAX_LIST)?;
    let mut out = Vec::with_capacity(v.len());
    for (i, d) in v.iter().enumerate() {
        out.push(parse_date(&at(path, i), d)?);
    }
    Ok(out)
}

/// A time read at `path`, moved to the shop's offset.
#[inline(never)]
fn time_in(path: &str, s: &str, tz: FixedOffset) -> Result<DateTime<FixedOffset>, Error> {
    Ok(parse_time(path, s)?.with_timezone(&tz))
}

/// True when an RFC 3339 string carries an explicit non-UTC offset.
fn has_local_offset(s: &str) -> bool {
    let s = s.trim();
    !(s.ends_with('Z') || s.ends_with('z') || s.ends_with("+00:00") || s.ends_with("-00:00"))
}

/// `Shop::default()` built once at compile time rather than on every read.
static NO_SHOP: Shop = Shop {
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
    order_slots: None,
    sms_office_windows: None,
    sms_latest: None,
    named_time_lead_minutes: None,
};

impl<'a> Input<'a> {
    /// Checks `ctx`; `clock` is used when `ctx.now` is absent.
    pub fn read(ctx: &'a ChatContext, clock: Option<DateTime<Utc>>) -> Result<Self, Error> {
        let shop: &'a Shop = ctx.shop.as_ref().unwrap_or(&NO_SHOP);
        let settings = read_settings(shop)?;

        let placed_raw = parse_time("order.placedAt", &ctx.order.placed_at)?;
        let now_raw = match (&ctx.now, clock) {
            (Some(s), _) => parse_time("now", s)?,
            (None, Some(c)) => c.fixed_offset(),
            (None, None) => {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    "now",
                    "`now` is required here: pass the current time as RFC 3339",
                ))
            }
        };

        let mut utc_times = false;
        let tz = if let Some(off) = &shop.utc_offset {
            parse_offset("shop.utcOffset", off)?
        } else if ctx.now.as_deref().is_some_and(has_local_offset) {
            *now_raw.offset()
        } else if has_local_offset(&ctx.order.placed_at) {
            *placed_raw.offset()
        } else {
            utc_times = true;
            default_offset()
        };

        static NO_BUYER: Buyer = Buyer {
            name: None,
            nick: None,
            returning: None,
            audience: None,
            gender: None,
        };
        let buyer: &'a Buyer = ctx.buyer.as_ref().unwrap_or(&NO_BUYER);
        let order = &ctx.order;
        // Filled in field by field on one value: an early return then drops
        // that one value, not every partial result (see `read_settings`).
        let mut inp = Input {
            ctx,
            now: now_raw.with_timezone(&tz),
            tz,
            locale: ctx.locale.unwrap_or_default(),
            placed_at: placed_raw.with_timezone(&tz),
            terms_changed_at: None,
            explicit_close: None,
            amount: 0.0,
            paid: order.paid.unwrap_or(false),
            buyer_name: None,
            buyer_nick: None,
            returning: buyer.returning.unwrap_or(false),
            audience: buyer.audience,
            gender: buyer.gender,
            messages: Vec::new(),
            reminders: Vec::new(),
            settings,
            utc_times,
        };
        inp.amount = number(
            "order.amount",
            order.amount,
            0.0,
            MAX_AMOUNT,
            "give the order value in yuan, 0 or more",
        )?;
        if let Some(s) = &order.terms_changed_at {
            inp.terms_changed_at = Some(time_in("order.termsChangedAt", s, tz)?);
        }
        if let Some(s) = &order.closes_at {
            inp.explicit_close = Some(time_in("order.closesAt", s, tz)?);
        }
        check_len("order.items", order.items.len(), MAX_ITEMS)?;
        for (i, item) in order.items.iter().enumerate() {
            check_chars(
                &elem("order.items", i, "title"),
                &item.title,
                MAX_SHORT_CHARS,
            )?;
            if let Some(q) = item.quantity {
                number(
                    &elem("order.items", i, "quantity"),
                    q,
                    0.0,
                    MAX_AMOUNT,
                    "use a count of 0 or more",
                )?;
            }
            if let Some(pr) = item.price {
                number(
                    &elem("order.items", i, "price"),
                    pr,
                    0.0,
                    MAX_AMOUNT,
                    "use a price in yuan, 0 or more",
                )?;
            }
        }
        short_ref("order.id", &order.id)?;

        inp.buyer_name = short_ref("buyer.name", &buyer.name)?;
        inp.buyer_nick = short_ref("buyer.nick", &buyer.nick)?;

        check_len("messages", ctx.messages.len(), MAX_MESSAGES)?;
        let mut total = 0usize;
        inp.messages.reserve_exact(ctx.messages.len());
        for (i, m) in ctx.messages.iter().enumerate() {
            let n = char_count(&m.text);
            if n > MAX_MESSAGE_CHARS {
                return Err(too_large(
                    &elem("messages", i, "text"),
                    "text length",
                    MAX_MESSAGE_CHARS,
                ));
            }
            total += n;
            if total > MAX_CHAT_CHARS {
                return Err(too_large("messages", "total chat length", MAX_CHAT_CHARS));
            }
            let at = match &m.at {
                Some(s) => Some(time_in(&elem("messages", i, "at"), s, tz)?),
                None => None,
            };
            inp.messages.push(Msg {
                index: i,
                from: m.from,
                text: &m.text,
                at,
            });
        }

        check_len("reminders", ctx.reminders.len(), MAX_REMINDERS)?;
        inp.reminders.reserve_exact(ctx.reminders.len());
        for (i, r) in ctx.reminders.iter().enumerate() {
            inp.reminders.push(Sent {
                at: time_in(&elem("reminders", i, "at"), &r.at, tz)?,
                channel: r.channel,
                template_id: short_ref(&elem("reminders", i, "templateId"), &r.template_id)?,
            });
        }
        super::sort::sort_by_key(&mut inp.reminders, |r| r.at);
        Ok(inp)
    }

    /// The buyer messages, oldest first.
    pub fn buyer_messages(&self) -> impl Iterator<Item = &Msg<'a>> {
        self.messages.iter().filter(|m| m.from == Role::Buyer)
    }

    /// The order's items.
    pub fn items(&self) -> &'a [Item] {
        &self.ctx.order.items
    }
}

/// The settings of a shop that sets nothing (defaults from the seeds): copied
/// as one value rather than built field by field on every read.
const DEFAULT_SETTINGS: Settings = Settings {
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
    slots: [hm(6, 0), hm(12, 0), hm(17, 0), hm(22, 0)],
    sms_office: Vec::new(),
    sms_latest: hm(22, 0),
    named_time_lead: Duration::minutes(10),
    shop_years: Vec::new(),
};

// Settings are filled in field by field on one value: an early return then
// drops that one value instead of every partial result built so far (each
// such drop ladder costs wasm). The checks run in the order of the fields.
fn read_settings(shop: &Shop) -> Result<Settings, Error> {
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
                let mut message = String::new();
                push_num(&mut message, u64::from(*d), 1);
                message.push_str(" is not a weekday: use 0 (Sunday) to 6 (Saturday)");
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    at("shop.restDays", i),
                    message,
                ));
            }
            st.rest_days[*d as usize] = true;
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
    check_len("shop.templates", shop.templates.len(), MAX_TEMPLATES)?;
    for (i, t) in shop.templates.iter().enumerate() {
        check_chars(
            &elem("shop.templates", i, "text"),
            &t.text,
            MAX_TEMPLATE_CHARS,
        )?;
        check_chars(&elem("shop.templates", i, "id"), &t.id, MAX_SHORT_CHARS)?;
    }
    super::lines::check_templates(&shop.templates)?;
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
    st.slots = order_slots(&shop.order_slots)?;
    st.sms_office = sms_windows(&shop.sms_office_windows)?;
    if let Some(t) = &shop.sms_latest {
        st.sms_latest = parse_hhmm("shop.smsLatest", t)?;
    }
    // The years of the shop's own dates (each read above).
    for &list in &[&st.holidays, &st.workdays] {
        for d in list {
            st.shop_years.push(clock::civil(d.0.into()).0 as i32);
        }
    }
    Ok(st)
}

const fn hm(h: u32, m: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(h, m, 0) {
        Some(t) => t,
        None => NaiveTime::MIN,
    }
}

fn opt_number(
    path: &str,
    v: Option<f64>,
    min: f64,
    max: f64,
    hint: &str,
) -> Result<Option<f64>, Error> {
    v.map(|v| number(path, v, min, max, hint)).transpose()
}

fn order_slots(v: &Option<Vec<String>>) -> Result<[NaiveTime; 4], Error> {
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
    for (i, t) in v.iter().enumerate() {
        out[i] = parse_hhmm(&at("shop.orderSlots", i), t)?;
        if i > 0 && out[i] <= out[i - 1] {
            return Err(bad());
        }
    }
    Ok(out)
}

fn sms_windows(v: &Option<Vec<String>>) -> Result<Vec<(NaiveTime, NaiveTime)>, Error> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_reads_what_chrono_reads() {
        let base = [
            "2026-11-24T14:05:00+08:00",
            "2026-11-24t14:05:00Z",
            "2026-11-24 14:05:00z",
            "2026-11-24T14:05:00-00:00",
            "2026-11-24T14:05:00\u{2212}05:30",
            "2026-11-24T14:05:00.123+08:00",
            "2026-11-24T14:05:00.1234567891234+08:00",
            "2026-11-24T14:05:00.+08:00",
            "2026-11-24T23:59:60+08:00",
            "2026-11-24T23:59:60.5Z",
            "2026-02-29T10:00:00+08:00",
            "2028-02-29T10:00:00+08:00",
            "2026-11-24T24:00:00+08:00",
            "2026-11-24T14:60:00+08:00",
            "2026-11-24T14:05:00+24:00",
            "2026-11-24T14:05:00+23:59",
            "2026-11-24T14:05:00+08:60",
            "2026-11-24T14:05:00+0800",
            "2026-11-24T14:05:00+08",
            "2026-11-24T14:05:00+08:00 ",
            "2026-11-24T14:05:00",
            "2026-11-24",
            "0000-01-01T00:00:00+23:59",
            "9999-12-31T23:59:59-23:59",
            "2026-13-01T00:00:00Z",
            "2026-1-01T00:00:00Z",
            "２026-11-24T14:05:00Z",
            "2026-11-24T14:05:00Zé",
            "",
        ];
        let mut cases: Vec<String> = base.iter().map(|s| s.to_string()).collect();
        // Every one-byte change and truncation of a valid time.
        let valid = "2026-11-24T14:05:09.25+08:30";
        for i in 0..valid.len() {
            cases.push(format!("{}{}", &valid[..i], &valid[i + 1..]));
            for c in [
                "0", "9", "5", "6", ":", "-", "+", "Z", ".", " ", "T", "x", "é",
            ] {
                cases.push(format!("{}{c}{}", &valid[..i], &valid[i + 1..]));
                cases.push(format!("{}{c}{}", &valid[..i], &valid[i..]));
            }
        }
        for c in &cases {
            assert_eq!(rfc3339(c), DateTime::parse_from_rfc3339(c).ok(), "{c:?}");
        }
    }

    #[test]
    fn format_time_writes_what_chrono_writes() {
        for c in [
            "2026-11-24T14:05:09+08:00",
            "2026-01-02T03:04:05-05:30",
            "0000-01-01T00:00:00+23:59",
            "9999-12-31T23:59:59-23:59",
            "2026-11-24T00:00:00+00:00",
        ] {
            let t = DateTime::parse_from_rfc3339(c).unwrap();
            assert_eq!(format_time(t), t.to_rfc3339(), "{c}");
        }
    }

    #[test]
    fn dates_are_four_two_two_digits() {
        let want = chrono::NaiveDate::from_ymd_opt(2026, 10, 1)
            .map(|d| chrono::Datelike::num_days_from_ce(&d));
        assert_eq!(date("2026-10-01"), want.map(clock::Day));
        for bad in [
            "2026-1-01",
            "+026-10-01",
            "2026-10-011",
            "2026-10-0-",
            "2026-02-30",
            "2026/10/01",
            "２026-10-01",
            "",
        ] {
            assert_eq!(date(bad), None, "{bad:?}");
        }
    }

    fn ctx() -> ChatContext {
        ChatContext {
            now: Some("2026-11-24T15:00:00+08:00".into()),
            order: Order {
                placed_at: "2026-11-24T14:30:00+08:00".into(),
                amount: 99.0,
                ..Order::default()
            },
            ..ChatContext::default()
        }
    }

    #[test]
    fn defaults_follow_the_seeds() {
        let c = ctx();
        let i = Input::read(&c, None).unwrap();
        assert_eq!(i.settings.close_after_hours, 72.0);
        assert_eq!(
            i.settings.quiet_before,
            NaiveTime::from_hms_opt(10, 0, 0).unwrap()
        );
        assert!(i.settings.rest_days[0] && i.settings.rest_days[6]);
        assert_eq!(i.settings.hidden_reminder_after, Duration::minutes(10));
        assert_eq!(i.tz, default_offset());
    }

    #[test]
    fn bad_time_names_the_field() {
        let mut c = ctx();
        c.order.placed_at = "yesterday".into();
        let e = Input::read(&c, None).unwrap_err();
        assert_eq!((e.code(), e.path()), ("invalid_time", "order.placedAt"));
    }

    #[test]
    fn message_time_path_has_index() {
        let mut c = ctx();
        c.messages = vec![
            Message {
                from: Role::Buyer,
                text: "在吗".into(),
                at: None,
            },
            Message {
                from: Role::Buyer,
                text: "在吗".into(),
                at: Some("14:00".into()),
            },
        ];
        let e = Input::read(&c, None).unwrap_err();
        assert_eq!(e.path(), "messages[1].at");
    }

    #[test]
    fn negative_amount_is_rejected() {
        let mut c = ctx();
        c.order.amount = -1.0;
        assert_eq!(Input::read(&c, None).unwrap_err().code(), "invalid_value");
        c.order.amount = f64::NAN;
        assert_eq!(Input::read(&c, None).unwrap_err().path(), "order.amount");
    }

    #[test]
    fn now_is_required_without_a_clock() {
        let mut c = ctx();
        c.now = None;
        assert_eq!(Input::read(&c, None).unwrap_err().path(), "now");
        let clock = DateTime::parse_from_rfc3339("2026-11-24T07:00:00Z")
            .unwrap()
            .to_utc();
        let i = Input::read(&c, Some(clock)).unwrap();
        assert_eq!(format_time(i.now), "2026-11-24T15:00:00+08:00");
    }

    #[test]
    fn utc_times_fall_back_to_china_time_with_a_note() {
        let mut c = ctx();
        c.now = Some("2026-11-24T07:00:00Z".into());
        c.order.placed_at = "2026-11-24T06:30:00Z".into();
        let i = Input::read(&c, None).unwrap();
        assert_eq!(format_time(i.placed_at), "2026-11-24T14:30:00+08:00");
        assert!(i.utc_times);
        assert_eq!(utc_note().code, "utc_times");
    }

    #[test]
    fn too_many_messages_is_too_large() {
        let mut c = ctx();
        c.messages = vec![
            Message {
                from: Role::Buyer,
                text: "x".into(),
                at: None
            };
            MAX_MESSAGES + 1
        ];
        assert_eq!(Input::read(&c, None).unwrap_err().code(), "too_large");
    }
}
