//! Checks a [`ChatContext`] field by field and resolves every setting to its
//! default, so the rules downstream work on parsed, trusted values: the
//! time formats in [`times`], single-field checks in [`checks`], the shop's
//! settings in [`settings`] and its own templates in [`templates`].

mod checks;
mod settings;
mod templates;
mod times;

use std::rc::Rc;

use chrono::{DateTime, FixedOffset, Utc};

use checks::*;
use settings::NO_SHOP;
pub use settings::{shop_settings, CampaignSettings, Settings};
pub use templates::{check_templates, SHOP_KEYS};
pub use times::{
    default_offset, format_time, parse_date, parse_hhmm, parse_offset, parse_time, utc_note,
};
use times::{has_local_offset, time_in};

use super::error::{Error, ErrorCode};
use super::limits::*;
use super::model::*;

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
    /// Messages with parsed times, in time order (see [`Msg::index`]).
    pub messages: Vec<Msg<'a>>,
    /// Sent reminders, oldest first.
    pub reminders: Vec<Sent<'a>>,
    /// Resolved shop settings (shared by the orders of one shop).
    pub settings: Rc<Settings>,
    /// Times came in UTC and the shop's offset was assumed: the caller gets
    /// [`utc_note`] before the other warnings.
    pub utc_times: bool,
}

impl Input<'_> {
    // What the order itself says, for the timing and the plan.

    /// A big order: at least `bigOrderFactor` times the shop's average (001, 000).
    pub fn is_big(&self) -> bool {
        let s = &self.settings;
        s.avg_order_value
            .is_some_and(|avg| self.amount >= s.big_order_factor * avg)
    }

    /// Whether the margin pays for a call (001 ROI: 电话成本较高，要考虑产品
    /// 利润空间是否划算): a margin of `phoneMinMargin`, or a profit on the
    /// order of `phoneMinProfit` yuan; unknown margin counts as paying (000).
    pub fn phone_pays(&self) -> bool {
        let s = &self.settings;
        s.margin
            .is_none_or(|m| m >= s.phone_min_margin || self.amount * m >= s.phone_min_profit)
    }

    /// A mainland mobile number in `order.address` with a digit too few or
    /// too many (1382766431: ten digits): no call or SMS can reach it.
    /// Masked numbers (150****3378) and other digit runs (house numbers,
    /// postcodes) are not judged.
    pub fn bad_phone(&self) -> Option<&str> {
        let address = self.ctx.order.address.as_deref()?;
        address
            .split(|c: char| !(c.is_ascii_digit() || c == '*'))
            .find(|run| run.starts_with('1') && matches!(run.len(), 10 | 12) && !run.contains('*'))
    }

    /// Whether an SMS may go to this buyer: the shop sends SMS (`shop.sms`)
    /// and the buyer has not opted out (`buyer.smsOptOut`).
    pub fn sms_ok(&self) -> bool {
        self.settings.sms
            && self
                .ctx
                .buyer
                .as_ref()
                .is_none_or(|b| b.sms_opt_out != Some(true))
    }

    pub fn used(&self, c: Channel) -> bool {
        self.reminders.iter().any(|r| r.channel == c)
    }

    /// How many methods a big order can still get (001: never the same one twice).
    pub fn methods_left(&self) -> usize {
        [Channel::Im, Channel::Sms, Channel::Phone]
            .iter()
            .filter(|c| !self.used(**c) && (**c != Channel::Phone || self.phone_pays()))
            .count()
    }
}

impl<'a> Input<'a> {
    /// Checks `ctx`; `clock` is used when `ctx.now` is absent.
    pub fn read(ctx: &'a ChatContext, clock: Option<DateTime<Utc>>) -> Result<Self, Error> {
        Self::read_with(ctx, clock, Rc::new(shop_settings(ctx)?))
    }

    /// [`Input::read`] with the shop's settings already read (by
    /// [`shop_settings`], from this context or one with the same shop).
    pub fn read_with(
        ctx: &'a ChatContext,
        clock: Option<DateTime<Utc>>,
        settings: Rc<Settings>,
    ) -> Result<Self, Error> {
        let shop: &'a Shop = ctx.shop.as_ref().unwrap_or(&NO_SHOP);

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

        // A clock a little behind the shop's is read as it is; a day or more
        // before the order is a wrong clock or a wrong order.
        if placed_raw.signed_duration_since(now_raw) > chrono::TimeDelta::days(1) {
            return Err(Error::new(
                ErrorCode::InvalidTime,
                "now",
                "`now` is more than a day before order.placedAt: pass the current time, or check the order's time",
            ));
        }

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
            locale: None,
            sms_opt_out: None,
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
            inp.terms_changed_at = Some(time_in(|| "order.termsChangedAt".into(), s, tz)?);
        }
        if let Some(s) = &order.closes_at {
            inp.explicit_close = Some(time_in(|| "order.closesAt".into(), s, tz)?);
        }
        check_len("order.items", order.items.len(), MAX_ITEMS)?;
        for (i, item) in order.items.iter().enumerate() {
            check_chars(("order.items", i, "title"), &item.title, MAX_SHORT_CHARS)?;
            if let Some(q) = item.quantity {
                number(
                    ("order.items", i, "quantity"),
                    q,
                    0.0,
                    MAX_AMOUNT,
                    "use a count of 0 or more",
                )?;
            }
            if let Some(pr) = item.price {
                number(
                    ("order.items", i, "price"),
                    pr,
                    0.0,
                    MAX_AMOUNT,
                    "use a price in yuan, 0 or more",
                )?;
            }
        }
        short_ref("order.id", &order.id)?;
        short_ref("order.address", &order.address)?;

        inp.buyer_name = short_ref("buyer.name", &buyer.name)?;
        inp.buyer_nick = short_ref("buyer.nick", &buyer.nick)?;

        check_len("messages", ctx.messages.len(), MAX_MESSAGES)?;
        let mut total = 0usize;
        inp.messages.reserve_exact(ctx.messages.len());
        for (i, m) in ctx.messages.iter().enumerate() {
            let n = m.text.chars().count();
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
                Some(s) => Some(time_in(|| elem("messages", i, "at"), s, tz)?),
                None => None,
            };
            inp.messages.push(Msg {
                index: i,
                from: m.from,
                text: &m.text,
                at,
            });
        }

        // Time order: a message without `at` stays after the one before it;
        // `index` keeps each message's place in `messages`.
        let mut last = None;
        let keys: Vec<_> = inp
            .messages
            .iter()
            .map(|m| {
                last = m.at.or(last);
                last
            })
            .collect();
        if !keys.is_sorted() {
            let mut keyed: Vec<_> = keys.into_iter().zip(inp.messages.drain(..)).collect();
            keyed.sort_by_key(|(k, _)| *k);
            inp.messages = keyed.into_iter().map(|(_, m)| m).collect();
        }

        check_len("reminders", ctx.reminders.len(), MAX_REMINDERS)?;
        inp.reminders.reserve_exact(ctx.reminders.len());
        for (i, r) in ctx.reminders.iter().enumerate() {
            inp.reminders.push(Sent {
                at: time_in(|| elem("reminders", i, "at"), &r.at, tz)?,
                channel: r.channel,
                template_id: short_ref(("reminders", i, "templateId"), &r.template_id)?,
            });
        }
        inp.reminders.sort_by_key(|r| r.at);
        Ok(inp)
    }

    /// The messages after the agent's last one (all of them when the agent
    /// has not written): what the buyer said that is still open.
    pub fn since_agent(&self) -> &[Msg<'a>] {
        let from = self
            .messages
            .iter()
            .rposition(|m| m.from == Role::Agent)
            .map_or(0, |i| i + 1);
        self.messages.get(from..).unwrap_or(&[])
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

#[cfg(test)]
mod tests {
    use super::times::*;
    use super::*;
    use crate::core::clock;
    use chrono::{Duration, NaiveTime};

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
        for c in cases.iter().filter(|c| !signed_year(c)) {
            assert_eq!(rfc3339(c), DateTime::parse_from_rfc3339(c).ok(), "{c:?}");
        }
    }

    #[test]
    fn written_times_read_back() {
        let off = FixedOffset::east_opt(8 * 3600).unwrap();
        let leap = clock::moment(off, 739_579, 86_399, 1_000_000_000).unwrap();
        let far = clock::moment(off, clock::ymd(10_000, 1, 1).unwrap(), 3600, 0).unwrap();
        let before = clock::moment(off, clock::ymd(-1, 12, 31).unwrap(), 0, 0).unwrap();
        for t in [leap, far, before] {
            let s = format_time(t);
            assert_eq!(parse_time("now", &s).ok(), Some(t), "{s}");
        }
        assert_eq!(format_time(leap), "2025-11-24T23:59:60+08:00");
        assert_eq!(format_time(far), "+10000-01-01T01:00:00+08:00");
        assert_eq!(format_time(before), "-0001-12-31T00:00:00+08:00");
        // Only the spelling chrono writes: four digits for years in range.
        for bad in [
            "+2026-11-24T00:00:00Z",
            "+010000-01-01T00:00:00Z",
            "-026-11-24T00:00:00Z",
        ] {
            assert!(parse_time("now", bad).is_err(), "{bad}");
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
