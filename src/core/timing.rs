//! When to remind: the close deadline, the allowed hours, and the moment to send.

use chrono::{DateTime, Duration, FixedOffset, NaiveTime, TimeZone};

use super::calendar;
use super::input::{format_time, Input, Settings};
use super::model::{Action, ReasonCode, Warning};
use super::reason::Analysis;
use super::text::{hhmm, tr};

/// What the planned reminder is for; the lines adapt to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occasion {
    /// The first ordinary reminder in the order-time slot (001).
    First,
    /// The hidden reminder ~10 minutes after ordering: confirm the address (001).
    AddressCheck,
    /// A later reminder after the minimum gap.
    FollowUp,
    /// The last-chance reminder a few hours before the close.
    LastChance,
    /// A campaign wave (001: Double 11, 10:00 and 13:00).
    CampaignWave,
    /// Just before the time the buyer named for paying.
    BuyerNamedTime,
    /// Answer the buyer's open question first.
    Answer,
    /// Nothing to send.
    None,
}

/// When to send, and why.
#[derive(Clone, Debug)]
pub struct Timing {
    /// What the reminder is for.
    pub occasion: Occasion,
    /// What to do.
    pub action: Action,
    /// When; `None` for stop.
    pub send_at: Option<DateTime<FixedOffset>>,
    /// When the order closes unpaid.
    pub closes_at: DateTime<FixedOffset>,
    /// One sentence per decision.
    pub why: Vec<String>,
    /// Problems to show.
    pub warnings: Vec<Warning>,
}

/// The close deadline: explicit, else max(placedAt, termsChangedAt) + closeAfterHours (004).
pub fn closes_at(input: &Input) -> DateTime<FixedOffset> {
    if let Some(t) = input.explicit_close {
        return t;
    }
    let start = match input.terms_changed_at {
        Some(t) if t > input.placed_at => t,
        _ => input.placed_at,
    };
    start + Duration::minutes((input.settings.close_after_hours * 60.0).round() as i64)
}

/// Whether reminding at `t` respects quiet hours, the lunch break and rest days (000/003).
pub fn is_allowed(t: DateTime<FixedOffset>, s: &Settings) -> bool {
    let time = t.time();
    !calendar::is_rest_day(t.date_naive(), s)
        && time >= s.quiet_before
        && time < s.quiet_after
        && !(s.lunch.0 <= time && time < s.lunch.1)
}

fn at_time(day_of: DateTime<FixedOffset>, time: NaiveTime) -> DateTime<FixedOffset> {
    let naive = day_of.date_naive().and_time(time);
    day_of
        .offset()
        .from_local_datetime(&naive)
        .single()
        .unwrap_or(day_of)
}

/// The first allowed moment at or after `from`, if one exists before `limit`.
pub fn next_allowed(
    from: DateTime<FixedOffset>,
    limit: DateTime<FixedOffset>,
    s: &Settings,
) -> Option<DateTime<FixedOffset>> {
    let mut t = from;
    for _ in 0..1_000 {
        if t >= limit {
            return None;
        }
        let time = t.time();
        if calendar::is_rest_day(t.date_naive(), s) || time >= s.quiet_after {
            t = at_time(t + Duration::days(1), s.quiet_before);
        } else if time < s.quiet_before {
            t = at_time(t, s.quiet_before);
        } else if s.lunch.0 <= time && time < s.lunch.1 {
            t = at_time(t, s.lunch.1);
        } else {
            return Some(t);
        }
    }
    None
}

/// Decides the action and moment for `input`.
pub fn plan(input: &Input, analysis: &Analysis) -> Timing {
    let loc = input.locale;
    let s = &input.settings;
    let close = closes_at(input);
    let mut why = Vec::new();
    let mut warnings = Vec::new();
    let stop = |why: Vec<String>, warnings: Vec<Warning>| Timing {
        occasion: Occasion::None,
        action: Action::Stop,
        send_at: None,
        closes_at: close,
        why,
        warnings,
    };

    if input.paid {
        why.push(
            tr(
                loc,
                "订单已付款,不用再催。",
                "訂單已付款,不用再催。",
                "The order is paid: no reminder needed.",
            )
            .into(),
        );
        return stop(why, warnings);
    }
    if input.now >= close {
        why.push(
            tr(
                loc,
                "订单已过关闭时间,不再催付。",
                "訂單已過關閉時間,不再催付。",
                "The order has already closed: no reminder.",
            )
            .into(),
        );
        return stop(why, warnings);
    }
    if analysis.signals.stop_request.is_some() {
        why.push(
            tr(
                loc,
                "买家说了不要再催,尊重买家,不再联系。",
                "買家說了不要再催,尊重買家,不再聯繫。",
                "The buyer asked not to be contacted: respect it.",
            )
            .into(),
        );
        return stop(why, warnings);
    }
    if analysis.reason.code == ReasonCode::ChangedMind {
        why.push(
            tr(
                loc,
                "买家不想要了,不强求,礼貌留个好印象。",
                "買家不想要了,不強求,禮貌留個好印象。",
                "The buyer changed their mind: don't push, leave the door open.",
            )
            .into(),
        );
        return stop(why, warnings);
    }
    let cap = s.max_reminders.unwrap_or(2) as usize;
    if input.reminders.len() >= cap {
        why.push(match loc {
            super::model::Locale::ZhCn => {
                format!("已催过 {} 次,达到上限,不再催。", input.reminders.len())
            }
            super::model::Locale::ZhTw => {
                format!("已催過 {} 次,達到上限,不再催。", input.reminders.len())
            }
            super::model::Locale::En => format!(
                "Already reminded {} times, the cap: no more.",
                input.reminders.len()
            ),
        });
        return stop(why, warnings);
    }

    let mut earliest = input.now;
    if let Some(last) = input.reminders.last() {
        earliest = earliest.max(last.at + s.min_gap);
    }
    let send_at = match next_allowed(earliest, close, s) {
        Some(t) => t,
        None => {
            warnings.push(Warning {
                code: "no_allowed_time".into(),
                message: tr(
                    loc,
                    "关单前没有合适的催付时间,只能选一个打扰最少的时间。",
                    "關單前沒有合適的催付時間,只能選一個打擾最少的時間。",
                    "No allowed moment before the order closes: this is the least-bad one.",
                )
                .into(),
                start: None,
                end: None,
            });
            earliest.min(close - Duration::minutes(30)).max(input.now)
        }
    };
    if analysis.signals.open_question.is_some() {
        why.push(
            tr(
                loc,
                "买家的问题还没回复,先回答再轻轻提醒付款。",
                "買家的問題還沒回覆,先回答再輕輕提醒付款。",
                "The buyer's question is unanswered: answer first, then remind gently.",
            )
            .into(),
        );
        return Timing {
            occasion: Occasion::Answer,
            action: Action::Hold,
            send_at: Some(send_at),
            closes_at: close,
            why,
            warnings,
        };
    }
    let action = if send_at <= input.now {
        Action::SendNow
    } else {
        Action::Schedule
    };
    why.push(match loc {
        super::model::Locale::ZhCn => format!(
            "{} 发送,避开休息时间,在 {} 关单前。",
            hhmm(&send_at),
            format_time(close)
        ),
        super::model::Locale::ZhTw => format!(
            "{} 發送,避開休息時間,在 {} 關單前。",
            hhmm(&send_at),
            format_time(close)
        ),
        super::model::Locale::En => format!(
            "Send at {}, outside rest hours, before the close at {}.",
            hhmm(&send_at),
            format_time(close)
        ),
    });
    Timing {
        occasion: if input.reminders.is_empty() {
            Occasion::First
        } else {
            Occasion::FollowUp
        },
        action,
        send_at: Some(send_at),
        closes_at: close,
        why,
        warnings,
    }
}
