//! Reads JS values into the contract types, naming the JSON path of every
//! bad field.
//!
//! Written by hand rather than through serde: the derived visitors cost
//! tens of kilobytes of wasm, while one small reader per field kind serves
//! every struct. `tests/common/wasm_cases.rs` checks that this reader and the
//! serde derive agree on a context that sets every field.
//!
//! Every reader takes the first error so far (`Failed`) and returns `None`
//! once there is one. A struct is always built, with defaults in place of
//! what could not be read, and thrown away by the caller when an error was
//! kept. Later fields are skipped, so the caller sees the same first error as
//! with `?` after each field; but nothing generic carries a `Result` and no
//! struct needs a drop of everything read so far at each field, which keeps
//! the generic code per field type to a few instructions.

use wasm_bindgen::{JsCast, JsValue};

use super::js::Props;
use crate::core::error::{at, join, Error, ErrorCode};
use crate::core::model::*;

/// A JS value and the JSON path it was found at.
pub struct Val {
    value: JsValue,
    path: String,
}

/// The first error met while reading, if any.
type Failed = Option<Error>;

/// Reads one value of a field; `None` when it failed (the error is kept).
type Read<T> = fn(&mut Failed, Val) -> Option<T>;

fn kind(v: &JsValue) -> &'static str {
    if v.is_null() {
        "null"
    } else if v.is_null_or_undefined() {
        "nothing"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.as_string().is_some() {
        "a string"
    } else if js_sys::Array::is_array(v) {
        "an array"
    } else {
        "an object"
    }
}

impl Val {
    /// The value at the root of an argument; `path` names it in errors.
    pub fn new(value: JsValue, path: &str) -> Self {
        Val {
            value,
            path: path.to_string(),
        }
    }

    /// Keeps the error "expected `expected`, found …" at this value.
    #[inline(never)]
    fn wrong(&self, e: &mut Failed, expected: &str) {
        let mut message = String::from("expected ");
        message.push_str(expected);
        message.push_str(", found ");
        message.push_str(kind(&self.value));
        *e = Some(Error::new(
            ErrorCode::InvalidType,
            self.path.clone(),
            message,
        ));
    }

    fn is_absent(&self) -> bool {
        self.value.is_null_or_undefined()
    }

    /// The number of elements when this is an array.
    pub fn array_len(&self) -> Option<u32> {
        js_sys::Array::is_array(&self.value)
            .then(|| self.value.unchecked_ref::<js_sys::Array>().length())
    }

    /// Element `i` of this array.
    #[inline(never)]
    fn item(&self, i: u32) -> Val {
        Val {
            value: self.value.unchecked_ref::<js_sys::Array>().get(i),
            path: at(&self.path, i as usize),
        }
    }
}

/// Field `key` of `v`, or `None` when absent (an error when `required`) or
/// when an error was already met.
#[inline(never)]
fn field(e: &mut Failed, v: &Val, key: &str, required: bool) -> Option<Val> {
    if e.is_some() {
        return None;
    }
    let value = v
        .value
        .unchecked_ref::<Props>()
        .get(key)
        .unwrap_or(JsValue::UNDEFINED);
    let f = Val {
        value,
        path: join(&v.path, key),
    };
    if !f.is_absent() {
        return Some(f);
    }
    if required {
        let mut message = String::from("`");
        message.push_str(key);
        message.push_str("` is required: add it");
        *e = Some(Error::new(ErrorCode::MissingField, f.path, message));
    }
    None
}

/// A field that may be absent (undefined or null).
#[inline(never)]
fn opt<T>(e: &mut Failed, v: &Val, key: &str, f: Read<T>) -> Option<T> {
    let x = field(e, v, key, false)?;
    f(e, x)
}

/// A field that must be present; the default stands in when it failed.
#[inline(never)]
fn req<T: Default>(e: &mut Failed, v: &Val, key: &str, f: Read<T>) -> T {
    field(e, v, key, true)
        .and_then(|x| f(e, x))
        .unwrap_or_default()
}

/// An optional list field; empty when absent or failed.
#[inline(never)]
fn opt_list<T>(e: &mut Failed, v: &Val, key: &str, f: Read<T>) -> Vec<T> {
    field(e, v, key, false)
        .and_then(|x| list(e, x, f))
        .unwrap_or_default()
}

/// The length of `v` when it is an array; else the error.
#[inline(never)]
fn array(e: &mut Failed, v: &Val) -> Option<u32> {
    match v.array_len() {
        Some(n) => Some(n),
        None => {
            v.wrong(e, "an array");
            None
        }
    }
}

fn list<T>(e: &mut Failed, v: Val, f: Read<T>) -> Option<Vec<T>> {
    let n = array(e, &v)?;
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n {
        out.push(f(e, v.item(i))?);
    }
    Some(out)
}

/// Checks `v` is a plain object.
#[inline(never)]
fn object(e: &mut Failed, v: Val) -> Option<Val> {
    if v.value.is_object() && !js_sys::Array::is_array(&v.value) {
        Some(v)
    } else {
        v.wrong(e, "an object");
        None
    }
}

#[inline(never)]
fn string(e: &mut Failed, v: Val) -> Option<String> {
    let s = v.value.as_string();
    if s.is_none() {
        v.wrong(e, "a string");
    }
    s
}

/// A number (any finite or non-finite value; ranges are checked by the core).
#[inline(never)]
fn number(e: &mut Failed, v: Val) -> Option<f64> {
    let n = v.value.as_f64();
    if n.is_none() {
        v.wrong(e, "a number");
    }
    n
}

#[inline(never)]
fn boolean(e: &mut Failed, v: Val) -> Option<bool> {
    let b = v.value.as_bool();
    if b.is_none() {
        v.wrong(e, "true or false");
    }
    b
}

/// A whole number from 0 to `max`; `range` is the message naming it.
#[inline(never)]
fn whole(e: &mut Failed, v: Val, max: u32, range: &str) -> Option<u32> {
    let Some(n) = v.value.as_f64() else {
        v.wrong(e, "a number");
        return None;
    };
    if n.fract() != 0.0 || n < 0.0 || n > f64::from(max) {
        *e = Some(Error::new(ErrorCode::InvalidValue, v.path, range));
        return None;
    }
    Some(n as u32)
}

fn count(e: &mut Failed, v: Val) -> Option<u32> {
    whole(
        e,
        v,
        u32::MAX,
        "expected a whole number from 0 to 4294967295",
    )
}

fn weekday(e: &mut Failed, v: Val) -> Option<u8> {
    whole(
        e,
        v,
        u32::from(u8::MAX),
        "expected a whole number from 0 to 255",
    )
    .map(|n| n as u8)
}

/// The index in `names` of the string `v`.
#[inline(never)]
fn pick(e: &mut Failed, v: Val, names: &[&str]) -> Option<usize> {
    let mut all = String::new();
    for n in names {
        if !all.is_empty() {
            all.push_str(", ");
        }
        all.push_str(n);
    }
    let Some(s) = v.value.as_string() else {
        let mut expected = String::from("one of ");
        expected.push_str(&all);
        v.wrong(e, &expected);
        return None;
    };
    if let Some(i) = names.iter().position(|n| *n == s) {
        return Some(i);
    }
    let mut message = String::from("\"");
    message.push_str(&s);
    message.push_str("\" is not allowed: use one of ");
    message.push_str(&all);
    *e = Some(Error::new(ErrorCode::InvalidValue, v.path, message));
    None
}

/// Field `key` of `v` as an index in `names` (one copy for every enum).
#[inline(never)]
fn pick_field(e: &mut Failed, v: &Val, key: &str, required: bool, names: &[&str]) -> Option<usize> {
    let x = field(e, v, key, required)?;
    pick(e, x, names)
}

/// A name field of type `T`; `None` when absent or failed.
fn name<T: WireName>(e: &mut Failed, v: &Val, key: &str, required: bool) -> Option<T> {
    let i = pick_field(e, v, key, required, T::WIRES)?;
    T::ALL.get(i).copied()
}

fn string_list(e: &mut Failed, v: Val) -> Option<Vec<String>> {
    list(e, v, string)
}

/// An optional list of strings; empty when absent or failed.
fn strings(e: &mut Failed, v: &Val, key: &str) -> Vec<String> {
    opt(e, v, key, string_list).unwrap_or_default()
}

fn weekday_list(e: &mut Failed, v: Val) -> Option<Vec<u8>> {
    list(e, v, weekday)
}

/// The value read, or the first error.
fn done<T>(e: Failed, out: Option<T>) -> Result<T, Error> {
    let err = first(e);
    match out {
        Some(v) if err.is_none() => Ok(v),
        _ => Err(err.unwrap_or_else(unread)),
    }
}

/// The error kept, if any: moved out of line, which keeps the copy of
/// `done` per result type smaller (measured).
#[inline(never)]
fn first(e: Failed) -> Failed {
    e
}

/// Without a kept error every reader returned a value, so this is never
/// met; it saves building a default value per type.
#[inline(never)]
fn unread() -> Error {
    Error::new(ErrorCode::InvalidInput, "", "could not be read")
}

/// Reads a [`ChatContext`].
///
/// # Errors
/// The first field that can't be read, with its path.
pub fn chat_context(v: Val) -> Result<ChatContext, Error> {
    let e = &mut None;
    let out = context(e, v);
    done(e.take(), out)
}

/// Reads an array of [`ChatContext`]s.
///
/// # Errors
/// The first field that can't be read, with its path (`[3].order.placedAt`).
pub fn chat_contexts(v: Val) -> Result<Vec<ChatContext>, Error> {
    let e = &mut None;
    let out = list(e, v, context);
    done(e.take(), out)
}

/// Reads an array of [`ShopTemplate`]s.
///
/// # Errors
/// The first field that can't be read, with its path.
pub fn shop_templates(v: Val) -> Result<Vec<ShopTemplate>, Error> {
    let e = &mut None;
    let out = list(e, v, template);
    done(e.take(), out)
}

fn context(e: &mut Failed, v: Val) -> Option<ChatContext> {
    let v = object(e, v)?;
    Some(ChatContext {
        now: opt(e, &v, "now", string),
        locale: name(e, &v, "locale", false),
        order: req(e, &v, "order", order),
        buyer: opt(e, &v, "buyer", buyer),
        messages: opt_list(e, &v, "messages", message),
        reminders: opt_list(e, &v, "reminders", sent_reminder),
        shop: opt(e, &v, "shop", shop),
    })
}

fn order(e: &mut Failed, v: Val) -> Option<Order> {
    let v = object(e, v)?;
    Some(Order {
        placed_at: req(e, &v, "placedAt", string),
        amount: req(e, &v, "amount", number),
        terms_changed_at: opt(e, &v, "termsChangedAt", string),
        closes_at: opt(e, &v, "closesAt", string),
        items: opt_list(e, &v, "items", item),
        paid: opt(e, &v, "paid", boolean),
        id: opt(e, &v, "id", string),
    })
}

fn item(e: &mut Failed, v: Val) -> Option<Item> {
    let v = object(e, v)?;
    Some(Item {
        title: req(e, &v, "title", string),
        quantity: opt(e, &v, "quantity", number),
        price: opt(e, &v, "price", number),
    })
}

fn buyer(e: &mut Failed, v: Val) -> Option<Buyer> {
    let v = object(e, v)?;
    Some(Buyer {
        name: opt(e, &v, "name", string),
        nick: opt(e, &v, "nick", string),
        returning: opt(e, &v, "returning", boolean),
        audience: name(e, &v, "audience", false),
        gender: name(e, &v, "gender", false),
    })
}

fn message(e: &mut Failed, v: Val) -> Option<Message> {
    let v = object(e, v)?;
    // `Buyer` only stands in when `from` failed; the message is then dropped.
    Some(Message {
        from: name(e, &v, "from", true).unwrap_or(Role::Buyer),
        text: req(e, &v, "text", string),
        at: opt(e, &v, "at", string),
    })
}

fn sent_reminder(e: &mut Failed, v: Val) -> Option<SentReminder> {
    let v = object(e, v)?;
    // `Im` only stands in when `channel` failed; the reminder is then dropped.
    Some(SentReminder {
        at: req(e, &v, "at", string),
        channel: name(e, &v, "channel", true).unwrap_or(Channel::Im),
        template_id: opt(e, &v, "templateId", string),
    })
}

fn campaign(e: &mut Failed, v: Val) -> Option<Campaign> {
    let v = object(e, v)?;
    Some(Campaign {
        name: opt(e, &v, "name", string),
        waves: strings(e, &v, "waves"),
        dates: strings(e, &v, "dates"),
        limited_stock: opt(e, &v, "limitedStock", boolean),
    })
}

fn template(e: &mut Failed, v: Val) -> Option<ShopTemplate> {
    let v = object(e, v)?;
    Some(ShopTemplate {
        id: req(e, &v, "id", string),
        text: req(e, &v, "text", string),
        channel: name(e, &v, "channel", false),
        reason: name(e, &v, "reason", false),
        locale: name(e, &v, "locale", false),
    })
}

fn shop(e: &mut Failed, v: Val) -> Option<Shop> {
    let v = object(e, v)?;
    Some(Shop {
        name: opt(e, &v, "name", string),
        avg_order_value: opt(e, &v, "avgOrderValue", number),
        margin: opt(e, &v, "margin", number),
        close_after_hours: opt(e, &v, "closeAfterHours", number),
        quiet_before: opt(e, &v, "quietBefore", string),
        quiet_after: opt(e, &v, "quietAfter", string),
        lunch_break: opt(e, &v, "lunchBreak", string_list),
        rest_days: opt(e, &v, "restDays", weekday_list),
        holidays: strings(e, &v, "holidays"),
        workdays: strings(e, &v, "workdays"),
        campaign: opt(e, &v, "campaign", campaign),
        gifts: strings(e, &v, "gifts"),
        coupon: opt(e, &v, "coupon", string),
        seven_day_return: opt(e, &v, "sevenDayReturn", boolean),
        same_day_shipping: opt(e, &v, "sameDayShipping", boolean),
        payment_link: opt(e, &v, "paymentLink", string),
        sms_opt_out: opt(e, &v, "smsOptOut", string),
        templates: opt_list(e, &v, "templates", template),
        max_reminders: opt(e, &v, "maxReminders", count),
        min_gap_minutes: opt(e, &v, "minGapMinutes", count),
        hidden_reminder_minutes: opt(e, &v, "hiddenReminderMinutes", count),
        last_chance_hours: opt(e, &v, "lastChanceHours", number),
        utc_offset: opt(e, &v, "utcOffset", string),
        agent_name: opt(e, &v, "agentName", string),
        max_reminders_big: opt(e, &v, "maxRemindersBig", count),
        big_order_factor: opt(e, &v, "bigOrderFactor", number),
        phone_min_margin: opt(e, &v, "phoneMinMargin", number),
        order_slots: opt(e, &v, "orderSlots", string_list),
        sms_office_windows: opt(e, &v, "smsOfficeWindows", string_list),
        sms_latest: opt(e, &v, "smsLatest", string),
        named_time_lead_minutes: opt(e, &v, "namedTimeLeadMinutes", count),
    })
}

/// Reads [`LintOptions`].
///
/// # Errors
/// The first field that can't be read, with its path.
pub fn lint_options(v: Val) -> Result<LintOptions, Error> {
    let e = &mut None;
    let out = lint_opts(e, v);
    done(e.take(), out)
}

fn lint_opts(e: &mut Failed, v: Val) -> Option<LintOptions> {
    let v = object(e, v)?;
    Some(LintOptions {
        channel: name(e, &v, "channel", false),
        locale: name(e, &v, "locale", false),
        buyer_name: opt(e, &v, "buyerName", string),
        marketing: opt(e, &v, "marketing", boolean),
        full_width: opt(e, &v, "fullWidth", boolean),
    })
}

/// Reads [`TranscriptOptions`].
///
/// # Errors
/// The first field that can't be read, with its path.
pub fn transcript_options(v: Val) -> Result<TranscriptOptions, Error> {
    let e = &mut None;
    let out = transcript_opts(e, v);
    done(e.take(), out)
}

fn transcript_opts(e: &mut Failed, v: Val) -> Option<TranscriptOptions> {
    let v = object(e, v)?;
    Some(TranscriptOptions {
        agent_nicks: strings(e, &v, "agentNicks"),
        offset: opt(e, &v, "offset", string),
        date: opt(e, &v, "date", string),
        skip_unparsed: opt(e, &v, "skipUnparsed", boolean),
    })
}
