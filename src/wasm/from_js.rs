//! Reads JS values into the contract types, naming the JSON path of every
//! bad field.
//!
//! Written by hand rather than through serde: the derived visitors cost
//! tens of kilobytes of wasm, while one small reader per field kind serves
//! every struct. `tests/common/wasm_cases.rs` checks that this reader and the
//! serde derive agree on a context that sets every field.

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

/// The wire names of `T`, comma-separated.
fn wires<T: WireName>() -> String {
    let mut out = String::new();
    for v in T::ALL {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(v.wire());
    }
    out
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
        let s = self
            .value
            .as_string()
            .ok_or_else(|| self.wrong(&format!("one of {}", wires::<T>())))?;
        T::from_wire(&s).ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                self.path,
                format!("\"{s}\" is not allowed: use one of {}", wires::<T>()),
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

// Each struct is read into a literal whose fields are evaluated in order;
// the first error is kept in `e` and every later read is skipped, so the
// caller sees the same first error as with `?` after each field, without
// a branch and a drop of everything read so far at every field (which
// bloats the wasm).
// Readers are passed as `fn` pointers, not closures: one copy of each helper
// per result type instead of one per field keeps the wasm small.
type Failed = Option<Error>;

#[inline(never)]
fn keep<T>(e: &mut Failed, r: R<T>) -> Option<T> {
    match r {
        Ok(x) => Some(x),
        Err(err) => {
            *e = Some(err);
            None
        }
    }
}

#[inline(never)]
fn opt<T>(e: &mut Failed, v: &Val, key: &str, f: fn(Val) -> R<T>) -> Option<T> {
    if e.is_some() {
        return None;
    }
    let r = v.opt(key).map(f).transpose();
    keep(e, r).flatten()
}

#[inline(never)]
fn opt_list<T>(e: &mut Failed, v: &Val, key: &str, f: fn(Val) -> R<T>) -> Vec<T> {
    if e.is_some() {
        return Vec::new();
    }
    let r = match v.opt(key) {
        Some(x) => x.list(f),
        None => Ok(Vec::new()),
    };
    keep(e, r).unwrap_or_default()
}

#[inline(never)]
fn req<T: Default>(e: &mut Failed, v: &Val, key: &str, f: fn(Val) -> R<T>) -> T {
    if e.is_some() {
        return T::default();
    }
    let r = v.req(key).and_then(f);
    keep(e, r).unwrap_or_default()
}

fn done<T>(e: Failed, out: T) -> R<T> {
    match e {
        Some(err) => Err(err),
        None => Ok(out),
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

fn strings(e: &mut Failed, v: &Val, key: &str) -> Vec<String> {
    opt_list(e, v, key, Val::string)
}

/// Reads a [`ChatContext`].
pub fn chat_context(v: Val) -> R<ChatContext> {
    let v = v.object()?;
    let e = &mut None;
    let out = ChatContext {
        now: opt(e, &v, "now", Val::string),
        locale: opt(e, &v, "locale", Val::name),
        order: req(e, &v, "order", order),
        buyer: opt(e, &v, "buyer", buyer),
        messages: opt_list(e, &v, "messages", message),
        reminders: opt_list(e, &v, "reminders", sent_reminder),
        shop: opt(e, &v, "shop", shop),
    };
    done(e.take(), out)
}

fn order(v: Val) -> R<Order> {
    let v = v.object()?;
    let e = &mut None;
    let out = Order {
        placed_at: req(e, &v, "placedAt", Val::string),
        amount: req(e, &v, "amount", Val::number),
        terms_changed_at: opt(e, &v, "termsChangedAt", Val::string),
        closes_at: opt(e, &v, "closesAt", Val::string),
        items: opt_list(e, &v, "items", item),
        paid: opt(e, &v, "paid", Val::boolean),
        id: opt(e, &v, "id", Val::string),
    };
    done(e.take(), out)
}

fn item(v: Val) -> R<Item> {
    let v = v.object()?;
    let e = &mut None;
    let out = Item {
        title: req(e, &v, "title", Val::string),
        quantity: opt(e, &v, "quantity", Val::number),
        price: opt(e, &v, "price", Val::number),
    };
    done(e.take(), out)
}

fn buyer(v: Val) -> R<Buyer> {
    let v = v.object()?;
    let e = &mut None;
    let out = Buyer {
        name: opt(e, &v, "name", Val::string),
        nick: opt(e, &v, "nick", Val::string),
        returning: opt(e, &v, "returning", Val::boolean),
        audience: opt(e, &v, "audience", Val::name),
        gender: opt(e, &v, "gender", Val::name),
    };
    done(e.take(), out)
}

/// Reads a [`Message`].
pub fn message(v: Val) -> R<Message> {
    let v = v.object()?;
    Ok(Message {
        from: v.req("from")?.name()?,
        text: v.req("text")?.string()?,
        at: v.opt("at").map(Val::string).transpose()?,
    })
}

fn sent_reminder(v: Val) -> R<SentReminder> {
    let v = v.object()?;
    Ok(SentReminder {
        at: v.req("at")?.string()?,
        channel: v.req("channel")?.name()?,
        template_id: v.opt("templateId").map(Val::string).transpose()?,
    })
}

fn campaign(v: Val) -> R<Campaign> {
    let v = v.object()?;
    let e = &mut None;
    let out = Campaign {
        name: opt(e, &v, "name", Val::string),
        waves: strings(e, &v, "waves"),
        dates: strings(e, &v, "dates"),
        limited_stock: opt(e, &v, "limitedStock", Val::boolean),
    };
    done(e.take(), out)
}

/// Reads a [`ShopTemplate`].
pub fn shop_template(v: Val) -> R<ShopTemplate> {
    let v = v.object()?;
    let e = &mut None;
    let out = ShopTemplate {
        id: req(e, &v, "id", Val::string),
        text: req(e, &v, "text", Val::string),
        channel: opt(e, &v, "channel", Val::name),
        reason: opt(e, &v, "reason", Val::name),
        locale: opt(e, &v, "locale", Val::name),
    };
    done(e.take(), out)
}

fn shop(v: Val) -> R<Shop> {
    let v = v.object()?;
    let e = &mut None;
    let out = Shop {
        name: opt(e, &v, "name", Val::string),
        avg_order_value: opt(e, &v, "avgOrderValue", Val::number),
        margin: opt(e, &v, "margin", Val::number),
        close_after_hours: opt(e, &v, "closeAfterHours", Val::number),
        quiet_before: opt(e, &v, "quietBefore", Val::string),
        quiet_after: opt(e, &v, "quietAfter", Val::string),
        lunch_break: opt(e, &v, "lunchBreak", string_list),
        rest_days: opt(e, &v, "restDays", weekday_list),
        holidays: strings(e, &v, "holidays"),
        workdays: strings(e, &v, "workdays"),
        campaign: opt(e, &v, "campaign", campaign),
        gifts: strings(e, &v, "gifts"),
        coupon: opt(e, &v, "coupon", Val::string),
        seven_day_return: opt(e, &v, "sevenDayReturn", Val::boolean),
        same_day_shipping: opt(e, &v, "sameDayShipping", Val::boolean),
        payment_link: opt(e, &v, "paymentLink", Val::string),
        sms_opt_out: opt(e, &v, "smsOptOut", Val::string),
        templates: opt_list(e, &v, "templates", shop_template),
        max_reminders: opt(e, &v, "maxReminders", count),
        min_gap_minutes: opt(e, &v, "minGapMinutes", count),
        hidden_reminder_minutes: opt(e, &v, "hiddenReminderMinutes", count),
        last_chance_hours: opt(e, &v, "lastChanceHours", Val::number),
        utc_offset: opt(e, &v, "utcOffset", Val::string),
        agent_name: opt(e, &v, "agentName", Val::string),
        max_reminders_big: opt(e, &v, "maxRemindersBig", count),
        big_order_factor: opt(e, &v, "bigOrderFactor", Val::number),
        phone_min_margin: opt(e, &v, "phoneMinMargin", Val::number),
        order_slots: opt(e, &v, "orderSlots", string_list),
        sms_office_windows: opt(e, &v, "smsOfficeWindows", string_list),
        sms_latest: opt(e, &v, "smsLatest", Val::string),
        named_time_lead_minutes: opt(e, &v, "namedTimeLeadMinutes", count),
    };
    done(e.take(), out)
}

/// Reads [`LintOptions`].
pub fn lint_options(v: Val) -> R<LintOptions> {
    let v = v.object()?;
    let e = &mut None;
    let out = LintOptions {
        channel: opt(e, &v, "channel", Val::name),
        locale: opt(e, &v, "locale", Val::name),
        buyer_name: opt(e, &v, "buyerName", Val::string),
    };
    done(e.take(), out)
}

/// Reads [`TranscriptOptions`].
pub fn transcript_options(v: Val) -> R<TranscriptOptions> {
    let v = v.object()?;
    let e = &mut None;
    let out = TranscriptOptions {
        agent_nicks: strings(e, &v, "agentNicks"),
        offset: opt(e, &v, "offset", Val::string),
        date: opt(e, &v, "date", Val::string),
        skip_unparsed: opt(e, &v, "skipUnparsed", Val::boolean),
    };
    done(e.take(), out)
}
