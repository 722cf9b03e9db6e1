//! Reads JS values into the contract types, naming the JSON path of every
//! bad field.
//!
//! Written by hand rather than through serde: the derived visitors cost
//! tens of kilobytes of wasm, while one small reader per field kind serves
//! every struct. `tests/common/wasm_cases.rs` checks that this reader and the
//! serde derive agree on a context that sets every field.

// Field-by-field assignment is deliberate here (see below).
#![allow(clippy::field_reassign_with_default)]

use wasm_bindgen::{JsCast, JsValue};

use crate::core::error::{join, Error, ErrorCode};
use crate::core::model::*;

/// A JS value and the JSON path it was found at.
pub struct Val {
    value: JsValue,
    path: String,
}

type R<T> = Result<T, Error>;

fn kind(v: &JsValue) -> &'static str {
    if v.is_undefined() {
        "nothing"
    } else if v.is_null() {
        "null"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.is_string() {
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

    #[inline(never)]
    fn wrong(&self, expected: &str) -> Error {
        Error::new(
            ErrorCode::InvalidType,
            self.path.clone(),
            format!("expected {expected}, found {}", kind(&self.value)),
        )
    }

    fn is_absent(&self) -> bool {
        self.value.is_undefined() || self.value.is_null()
    }

    /// Checks this is a plain object.
    pub fn object(self) -> R<Val> {
        if self.value.is_object() && !js_sys::Array::is_array(&self.value) {
            Ok(self)
        } else {
            Err(self.wrong("an object"))
        }
    }

    #[inline(never)]
    fn field(&self, key: &str) -> Val {
        let value = js_sys::Reflect::get(&self.value, &JsValue::from_str(key))
            .unwrap_or(JsValue::UNDEFINED);
        Val {
            value,
            path: join(&self.path, key),
        }
    }

    /// A field that may be absent (undefined or null).
    #[inline(never)]
    pub fn opt(&self, key: &str) -> Option<Val> {
        let v = self.field(key);
        (!v.is_absent()).then_some(v)
    }

    /// A field that must be present.
    #[inline(never)]
    pub fn req(&self, key: &str) -> R<Val> {
        let v = self.field(key);
        if v.is_absent() {
            Err(Error::new(
                ErrorCode::MissingField,
                v.path,
                format!("`{key}` is required: add it"),
            ))
        } else {
            Ok(v)
        }
    }

    /// A string.
    #[inline(never)]
    pub fn string(self) -> R<String> {
        self.value.as_string().ok_or_else(|| self.wrong("a string"))
    }

    /// A number (any finite or non-finite value; ranges are checked by the core).
    #[inline(never)]
    pub fn number(self) -> R<f64> {
        self.value.as_f64().ok_or_else(|| self.wrong("a number"))
    }

    /// A whole number from 0 to `max`.
    #[inline(never)]
    pub fn whole(self, max: u32) -> R<u32> {
        let n = self.value.as_f64().ok_or_else(|| self.wrong("a number"))?;
        if n.fract() != 0.0 || n < 0.0 || n > f64::from(max) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                self.path,
                format!("expected a whole number from 0 to {max}"),
            ));
        }
        Ok(n as u32)
    }

    /// A boolean.
    #[inline(never)]
    pub fn boolean(self) -> R<bool> {
        self.value
            .as_bool()
            .ok_or_else(|| self.wrong("true or false"))
    }

    /// One of the wire names of `T`.
    #[inline(never)]
    pub fn name<T: WireName>(self) -> R<T> {
        let s = self.value.as_string().ok_or_else(|| {
            let names: Vec<&str> = T::ALL.iter().map(|v| v.wire()).collect();
            self.wrong(&format!("one of {}", names.join(", ")))
        })?;
        T::from_wire(&s).ok_or_else(|| {
            let names: Vec<&str> = T::ALL.iter().map(|v| v.wire()).collect();
            Error::new(
                ErrorCode::InvalidValue,
                self.path,
                format!("\"{s}\" is not allowed: use one of {}", names.join(", ")),
            )
        })
    }

    /// An array, each element read by `f`.
    #[inline(never)]
    pub fn list<T>(self, f: fn(Val) -> R<T>) -> R<Vec<T>> {
        if !js_sys::Array::is_array(&self.value) {
            return Err(self.wrong("an array"));
        }
        let array: js_sys::Array = self.value.unchecked_into();
        let mut out = Vec::with_capacity(array.length() as usize);
        for i in 0..array.length() {
            out.push(f(Val {
                value: array.get(i),
                path: format!("{}[{i}]", self.path),
            })?);
        }
        Ok(out)
    }

    /// The number of elements when this is an array.
    pub fn array_len(&self) -> Option<u32> {
        js_sys::Array::is_array(&self.value)
            .then(|| self.value.unchecked_ref::<js_sys::Array>().length())
    }
}

// Structs are assigned field by field: an early return then drops one value,
// not a copy of every field built so far (which bloats the wasm).
// Readers are passed as `fn` pointers, not closures: one copy of each helper
// per result type instead of one per field keeps the wasm small.
#[inline(never)]
fn opt<T>(v: &Val, key: &str, f: fn(Val) -> R<T>) -> R<Option<T>> {
    v.opt(key).map(f).transpose()
}

#[inline(never)]
fn opt_list<T>(v: &Val, key: &str, f: fn(Val) -> R<T>) -> R<Vec<T>> {
    match v.opt(key) {
        Some(x) => x.list(f),
        None => Ok(Vec::new()),
    }
}

fn count(v: Val) -> R<u32> {
    v.whole(u32::MAX)
}

fn weekday(v: Val) -> R<u8> {
    v.whole(u32::from(u8::MAX)).map(|n| n as u8)
}

fn string_list(v: Val) -> R<Vec<String>> {
    v.list(Val::string)
}

fn weekday_list(v: Val) -> R<Vec<u8>> {
    v.list(weekday)
}

fn strings(v: &Val, key: &str) -> R<Vec<String>> {
    opt_list(v, key, Val::string)
}

/// Reads a [`ChatContext`].
pub fn chat_context(v: Val) -> R<ChatContext> {
    let v = v.object()?;
    let mut out = ChatContext::default();
    out.now = opt(&v, "now", Val::string)?;
    out.locale = opt(&v, "locale", Val::name)?;
    out.order = order(v.req("order")?)?;
    out.buyer = opt(&v, "buyer", buyer)?;
    out.messages = opt_list(&v, "messages", message)?;
    out.reminders = opt_list(&v, "reminders", sent_reminder)?;
    out.shop = opt(&v, "shop", shop)?;
    Ok(out)
}

fn order(v: Val) -> R<Order> {
    let v = v.object()?;
    let mut out = Order::default();
    out.placed_at = v.req("placedAt")?.string()?;
    out.amount = v.req("amount")?.number()?;
    out.terms_changed_at = opt(&v, "termsChangedAt", Val::string)?;
    out.closes_at = opt(&v, "closesAt", Val::string)?;
    out.items = opt_list(&v, "items", item)?;
    out.paid = opt(&v, "paid", Val::boolean)?;
    out.id = opt(&v, "id", Val::string)?;
    Ok(out)
}

fn item(v: Val) -> R<Item> {
    let v = v.object()?;
    let mut out = Item::default();
    out.title = v.req("title")?.string()?;
    out.quantity = opt(&v, "quantity", Val::number)?;
    out.price = opt(&v, "price", Val::number)?;
    Ok(out)
}

fn buyer(v: Val) -> R<Buyer> {
    let v = v.object()?;
    let mut out = Buyer::default();
    out.name = opt(&v, "name", Val::string)?;
    out.nick = opt(&v, "nick", Val::string)?;
    out.returning = opt(&v, "returning", Val::boolean)?;
    out.audience = opt(&v, "audience", Val::name)?;
    out.gender = opt(&v, "gender", Val::name)?;
    Ok(out)
}

/// Reads a [`Message`].
pub fn message(v: Val) -> R<Message> {
    let v = v.object()?;
    Ok(Message {
        from: v.req("from")?.name()?,
        text: v.req("text")?.string()?,
        at: opt(&v, "at", Val::string)?,
    })
}

fn sent_reminder(v: Val) -> R<SentReminder> {
    let v = v.object()?;
    Ok(SentReminder {
        at: v.req("at")?.string()?,
        channel: v.req("channel")?.name()?,
        template_id: opt(&v, "templateId", Val::string)?,
    })
}

fn campaign(v: Val) -> R<Campaign> {
    let v = v.object()?;
    let mut out = Campaign::default();
    out.name = opt(&v, "name", Val::string)?;
    out.waves = strings(&v, "waves")?;
    out.dates = strings(&v, "dates")?;
    out.limited_stock = opt(&v, "limitedStock", Val::boolean)?;
    Ok(out)
}

/// Reads a [`ShopTemplate`].
pub fn shop_template(v: Val) -> R<ShopTemplate> {
    let v = v.object()?;
    let mut out = ShopTemplate::default();
    out.id = v.req("id")?.string()?;
    out.text = v.req("text")?.string()?;
    out.channel = opt(&v, "channel", Val::name)?;
    out.reason = opt(&v, "reason", Val::name)?;
    out.locale = opt(&v, "locale", Val::name)?;
    Ok(out)
}

fn shop(v: Val) -> R<Shop> {
    let v = v.object()?;
    let mut out = Shop::default();
    out.name = opt(&v, "name", Val::string)?;
    out.avg_order_value = opt(&v, "avgOrderValue", Val::number)?;
    out.margin = opt(&v, "margin", Val::number)?;
    out.close_after_hours = opt(&v, "closeAfterHours", Val::number)?;
    out.quiet_before = opt(&v, "quietBefore", Val::string)?;
    out.quiet_after = opt(&v, "quietAfter", Val::string)?;
    out.lunch_break = opt(&v, "lunchBreak", string_list)?;
    out.rest_days = opt(&v, "restDays", weekday_list)?;
    out.holidays = strings(&v, "holidays")?;
    out.workdays = strings(&v, "workdays")?;
    out.campaign = opt(&v, "campaign", campaign)?;
    out.gifts = strings(&v, "gifts")?;
    out.coupon = opt(&v, "coupon", Val::string)?;
    out.seven_day_return = opt(&v, "sevenDayReturn", Val::boolean)?;
    out.same_day_shipping = opt(&v, "sameDayShipping", Val::boolean)?;
    out.payment_link = opt(&v, "paymentLink", Val::string)?;
    out.sms_opt_out = opt(&v, "smsOptOut", Val::string)?;
    out.templates = opt_list(&v, "templates", shop_template)?;
    out.max_reminders = opt(&v, "maxReminders", count)?;
    out.min_gap_minutes = opt(&v, "minGapMinutes", count)?;
    out.hidden_reminder_minutes = opt(&v, "hiddenReminderMinutes", count)?;
    out.last_chance_hours = opt(&v, "lastChanceHours", Val::number)?;
    out.utc_offset = opt(&v, "utcOffset", Val::string)?;
    out.agent_name = opt(&v, "agentName", Val::string)?;
    out.max_reminders_big = opt(&v, "maxRemindersBig", count)?;
    out.big_order_factor = opt(&v, "bigOrderFactor", Val::number)?;
    out.phone_min_margin = opt(&v, "phoneMinMargin", Val::number)?;
    out.order_slots = opt(&v, "orderSlots", string_list)?;
    out.sms_office_windows = opt(&v, "smsOfficeWindows", string_list)?;
    out.sms_latest = opt(&v, "smsLatest", Val::string)?;
    out.named_time_lead_minutes = opt(&v, "namedTimeLeadMinutes", count)?;
    Ok(out)
}

/// Reads [`LintOptions`].
pub fn lint_options(v: Val) -> R<LintOptions> {
    let v = v.object()?;
    Ok(LintOptions {
        channel: opt(&v, "channel", Val::name)?,
        locale: opt(&v, "locale", Val::name)?,
        buyer_name: opt(&v, "buyerName", Val::string)?,
    })
}

/// Reads [`TranscriptOptions`].
pub fn transcript_options(v: Val) -> R<TranscriptOptions> {
    let v = v.object()?;
    Ok(TranscriptOptions {
        agent_nicks: strings(&v, "agentNicks")?,
        offset: opt(&v, "offset", Val::string)?,
        date: opt(&v, "date", Val::string)?,
        skip_unparsed: opt(&v, "skipUnparsed", Val::boolean)?,
    })
}
