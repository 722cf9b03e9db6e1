//! Property tests of the decision engine over random contexts: the send time
//! is never in the past, never at or after the close, and never in quiet
//! hours, the lunch break or a rest day unless a warning says why (or the
//! seed itself allows it: SMS to office workers at lunch, 001). The same
//! input gives the same output, and nothing panics.

mod common;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use cuifu::core::input::{format_time, Input};
use cuifu::core::plan;
use cuifu::core::reason::{Analysis, NamedTime, Signals};
use cuifu::core::timing::{self, Block};
use cuifu::{Action, Audience, Channel, ChatContext, Reason, ReasonCode};
use proptest::prelude::*;
use serde_json::{json, Value};

fn base() -> DateTime<FixedOffset> {
    let tz = FixedOffset::east_opt(8 * 3600).unwrap();
    let d = NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    tz.from_local_datetime(&d).single().unwrap()
}

fn at(minutes: i64) -> DateTime<FixedOffset> {
    base() + Duration::minutes(minutes)
}

fn hm(minute_of_day: u32) -> String {
    format!("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60)
}

#[derive(Debug, Clone)]
struct World {
    now: i64,
    placed_ago: i64,
    amount: u32,
    avg: Option<u32>,
    margin: Option<u8>,
    close_hours: u16,
    explicit_close: Option<i64>,
    terms_after: Option<i64>,
    paid: bool,
    reminders: Vec<(u16, u8)>,
    audience: u8,
    returning: bool,
    quiet: Option<(u32, u32)>,
    lunch: Option<(u32, u32)>,
    rest_days: Option<Vec<u8>>,
    campaign: Option<(Vec<u32>, bool, bool)>,
    code: usize,
    consulted: bool,
    stop: bool,
    question: bool,
    named: Option<i64>,
    sms_off: bool,
    buyer_wrote: Option<u16>,
}

fn world() -> impl Strategy<Value = World> {
    (
        (
            0i64..(800 * 1440),
            0i64..(5 * 1440),
            0u32..3000,
            proptest::option::of(30u32..400),
            proptest::option::of(0u8..=100),
            prop_oneof![Just(24u16), Just(72u16), 1u16..300],
            proptest::option::of(-120i64..6000),
            proptest::option::of(0i64..3000),
            proptest::bool::weighted(0.05),
        ),
        (
            proptest::collection::vec((0u16..4000, 0u8..3), 0..4),
            0u8..4,
            any::<bool>(),
            proptest::option::of((6 * 60u32..11 * 60, 19 * 60u32..24 * 60)),
            proptest::option::of((11 * 60u32..13 * 60, 0u32..150)),
            proptest::option::of(proptest::collection::vec(0u8..7, 0..7)),
            proptest::option::of((
                proptest::collection::vec(0u32..1440, 1..4),
                any::<bool>(),
                any::<bool>(),
            )),
        ),
        (
            0usize..17,
            any::<bool>(),
            proptest::bool::weighted(0.1),
            proptest::bool::weighted(0.2),
            proptest::option::of(-600i64..6000),
            proptest::bool::weighted(0.2),
            proptest::option::of(0u16..4000),
        ),
    )
        .prop_map(|(a, b, c)| World {
            now: a.0,
            placed_ago: a.1,
            amount: a.2,
            avg: a.3,
            margin: a.4,
            close_hours: a.5,
            explicit_close: a.6,
            terms_after: a.7,
            paid: a.8,
            reminders: b.0,
            audience: b.1,
            returning: b.2,
            quiet: b.3,
            lunch: b.4,
            rest_days: b.5,
            campaign: b.6,
            code: c.0,
            consulted: c.1,
            stop: c.2,
            question: c.3,
            named: c.4,
            sms_off: c.5,
            buyer_wrote: c.6,
        })
}

fn context(w: &World) -> ChatContext {
    let now = at(w.now);
    let placed = at(w.now - w.placed_ago);
    let mut shop = json!({"closeAfterHours": w.close_hours, "sms": !w.sms_off});
    if let Some(a) = w.avg {
        shop["avgOrderValue"] = json!(a);
    }
    if let Some(m) = w.margin {
        shop["margin"] = json!(f64::from(m) / 100.0);
    }
    if let Some((b, a)) = w.quiet {
        shop["quietBefore"] = json!(hm(b));
        shop["quietAfter"] = json!(hm(a.min(23 * 60 + 59)));
    }
    if let Some((s, len)) = w.lunch {
        shop["lunchBreak"] = json!([hm(s), hm(s + len)]);
    }
    if let Some(r) = &w.rest_days {
        let mut r = r.clone();
        r.sort_unstable();
        r.dedup();
        shop["restDays"] = json!(r);
    }
    if let Some((waves, dated, stock)) = &w.campaign {
        let waves: Vec<String> = waves.iter().map(|m| hm(*m)).collect();
        let dates: Vec<String> = if *dated {
            vec![format_time(now)[..10].to_string()]
        } else {
            Vec::new()
        };
        shop["campaign"] =
            json!({"name": "双11", "waves": waves, "dates": dates, "limitedStock": stock});
    }
    let mut order = json!({"placedAt": format_time(placed), "amount": w.amount, "paid": w.paid});
    if let Some(c) = w.explicit_close {
        order["closesAt"] = json!(format_time(now + Duration::minutes(c)));
    }
    if let Some(t) = w.terms_after {
        order["termsChangedAt"] = json!(format_time(placed + Duration::minutes(t)));
    }
    let channels = ["im", "sms", "phone"];
    let reminders: Vec<Value> = w
        .reminders
        .iter()
        .map(|(m, c)| {
            let t = placed + Duration::minutes(i64::from(*m) % (w.placed_ago + 1));
            json!({"at": format_time(t), "channel": channels[usize::from(*c) % 3]})
        })
        .collect();
    let audience = ["office", "student", "other"]
        .get(usize::from(w.audience))
        .copied();
    // A buyer message some minutes after the order (none after `now`).
    let messages: Vec<Value> = w
        .buyer_wrote
        .map(|m| placed + Duration::minutes(i64::from(m) % (w.placed_ago + 1)))
        .map(|t| json!({"from": "buyer", "text": "嗯", "at": format_time(t)}))
        .into_iter()
        .collect();
    let v = json!({
        "now": format_time(now),
        "order": order,
        "buyer": {"returning": w.returning, "audience": audience},
        "reminders": reminders,
        "messages": messages,
        "shop": shop,
    });
    serde_json::from_value(v).expect("valid context")
}

fn analysis(w: &World) -> Analysis {
    Analysis {
        reason: Reason {
            code: ReasonCode::ALL[w.code],
            confidence: 0.7,
            evidence: Vec::new(),
            others: Vec::new(),
        },
        signals: Signals {
            stop_request: w.stop.then_some(0),
            open_question: w.question.then_some(0),
            named_time: w.named.map(|m| NamedTime {
                message_index: 0,
                at: at(w.now + m),
                text: "明天付".into(),
                after: false,
            }),
            consulted: w.consulted,
            declined: (w.stop && w.code.is_multiple_of(2)).then_some(0),
            payday: (w.question && w.code.is_multiple_of(3)).then_some(0),
            said: Default::default(),
        },
    }
}

type Decision = (
    Action,
    Option<String>,
    Channel,
    cuifu::Tone,
    Vec<String>,
    Vec<String>,
);

fn decide<'a>(ctx: &'a ChatContext, a: &Analysis) -> (Decision, Input<'a>, timing::Timing) {
    let input = Input::read(ctx, None).expect("valid input");
    let mut t = timing::plan(&input, a);
    let (ch, cw) = plan::channel(&input, a, &mut t);
    let (tone, tw) = plan::tone(&input, a, &t, ch);
    let mut why = t.why.clone();
    why.push(cw);
    why.push(tw);
    let warnings = t.warnings.iter().map(|w| w.code.clone()).collect();
    (
        (
            t.action,
            t.send_at.map(format_time),
            ch,
            tone,
            why,
            warnings,
        ),
        input,
        t,
    )
}

const EXCUSES: [&str; 3] = ["no_allowed_time", "named_time_in_rest", "wave_in_rest_time"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn send_time_respects_every_rule_or_says_why(w in world()) {
        let ctx = context(&w);
        let a = analysis(&w);
        let (d, input, t) = decide(&ctx, &a);
        let (d2, _, _) = decide(&ctx, &a);
        prop_assert_eq!(&d, &d2, "same input, same output");
        let (action, _, channel, _, why, warnings) = d;
        prop_assert!(!why.iter().any(|s| s.contains("NaN") || s.contains("inf")));
        if action == Action::Stop {
            // A stop never plans a reminder later.
            prop_assert!(t.send_at.is_none() && t.follow_up.is_none());
            return Ok(());
        }
        let at = t.send_at.expect("a send time unless stop");
        prop_assert!(at >= input.now, "never in the past: {} < {}", format_time(at), format_time(input.now));
        prop_assert!(at < t.closes_at, "never at or after the close: {} ≥ {}", format_time(at), format_time(t.closes_at));
        if action == Action::SendNow {
            prop_assert_eq!(at, input.now);
        }
        // A reply to a waiting buyer goes at once (000/003 rest time is for
        // reminders); the reminder after it keeps every rule.
        let send = if t.reply {
            prop_assert!(t.follow_up.is_none_or(|f| f > at), "the follow-up comes after the reply");
            let Some(f) = t.follow_up else { return Ok(()) };
            f
        } else {
            prop_assert!(t.follow_up.is_none());
            at
        };
        let s = &input.settings;
        let time = send.time();
        let blocked = timing::block(send, s);
        // Independent of `block`: the raw quiet hours and lunch break.
        let raw = time < s.quiet_before || time >= s.quiet_after || (s.lunch.0 <= time && time < s.lunch.1);
        prop_assert!(blocked.is_some() || !raw);
        if let Some(b) = blocked {
            // "Unless the deadline requires it": a least-bad moment (or the
            // buyer's own time in rest time) only when nothing allowed is
            // left from it to the close.
            if !warnings.iter().any(|c| c == "wave_in_rest_time")
                && warnings.iter().any(|c| EXCUSES.contains(&c.as_str()))
            {
                prop_assert!(
                    timing::next_allowed(send, t.closes_at, s).is_none(),
                    "{} blocked by {:?} though {:?} is allowed before the close",
                    format_time(send), b, timing::next_allowed(send, t.closes_at, s).map(format_time)
                );
            }
            let excused = warnings.iter().any(|c| EXCUSES.contains(&c.as_str()))
                // seed 001: SMS to office workers at lunch.
                || (channel == Channel::Sms && input.audience == Some(Audience::Office) && b == Block::Lunch);
            prop_assert!(excused, "{} blocked by {:?} without a warning; why {:?}", format_time(send), b, why);
        }
    }
}

const PHRASES: [&str; 14] = [
    "在吗?",
    "能便宜点吗",
    "晚上8点付",
    "明天付",
    "发工资了再买",
    "别再发了",
    "拍错了不想要了",
    "密码忘了",
    "质量怎么样?",
    "好的",
    "😀😀",
    "",
    "ok thanks, I'll pay tomorrow",
    "不是不想买,就是有点贵",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn whole_pipeline_is_deterministic_and_total(
        w in world(),
        chat in proptest::collection::vec((0usize..PHRASES.len(), 0u8..3), 0..6),
        locale in 0usize..3,
    ) {
        let mut ctx = context(&w);
        ctx.locale = Some([cuifu::Locale::ZhCn, cuifu::Locale::ZhTw, cuifu::Locale::En][locale]);
        ctx.messages = chat
            .iter()
            .map(|(p, r)| cuifu::Message {
                from: [cuifu::Role::Buyer, cuifu::Role::Agent, cuifu::Role::System][usize::from(*r)],
                text: PHRASES[*p].into(),
                at: None,
            })
            .collect();
        let a = cuifu::suggest(&ctx).expect("valid context");
        let b = cuifu::suggest(&ctx).expect("valid context");
        prop_assert_eq!(&a, &b);
        prop_assert!(!a.remark.is_empty());
        prop_assert!(a.why.iter().all(|s| !s.is_empty()));
        // Never words the buyer did not say: every quote in a `why`
        // sentence about the buyer is taken from a buyer message (clipped
        // with …).
        for w in a.why.iter().filter(|w| w.contains("买家") || w.contains("The buyer")) {
            for quote in w.split('“').skip(1).filter_map(|q| q.split_once('”')).map(|q| q.0) {
                let quote = quote.trim_end_matches('…');
                prop_assert!(
                    ctx.messages.iter().any(|m| m.from == cuifu::Role::Buyer && m.text.contains(quote)),
                    "“{}” is not the buyer's: {:?}", quote, w
                );
            }
        }
        match a.action {
            Action::Stop => prop_assert!(a.send_at.is_none()),
            _ => {
                let send = a.send_at.as_deref().expect("send time");
                // Same offset throughout, so RFC 3339 strings compare as times.
                prop_assert!(send >= format_time(at(w.now)).as_str());
                prop_assert!(send < a.closes_at.as_str());
                prop_assert!(!a.lines.is_empty());
            }
        }
    }

    #[test]
    fn rank_is_deterministic(ws in proptest::collection::vec(world(), 0..6)) {
        let contexts: Vec<ChatContext> = ws.iter().map(context).collect();
        let a = cuifu::rank_orders(&contexts, None).expect("valid contexts");
        let b = cuifu::rank_orders(&contexts, None).expect("valid contexts");
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.len(), contexts.len());
        for pair in a.windows(2) {
            prop_assert!(pair[0].priority >= pair[1].priority);
        }
        // Orders to stop come last.
        let first_stop = a.iter().position(|r| r.action == Action::Stop).unwrap_or(a.len());
        prop_assert!(a[first_stop..].iter().all(|r| r.action == Action::Stop));
    }
}

/// A first reminder for an order placed minutes ago, where the order-time
/// slot decides (001).
fn fresh_order() -> impl Strategy<Value = World> {
    world().prop_map(|mut w| {
        w.placed_ago %= 180;
        w.reminders.clear();
        w.explicit_close = None;
        w
    })
}

/// An unpaid order with one IM reminder and nothing else to wait for,
/// where SMS may take over (001).
fn after_one_im() -> impl Strategy<Value = World> {
    (world(), any::<u16>(), any::<bool>()).prop_map(|(mut w, at, off)| {
        w.reminders = vec![(at, 0)];
        w.paid = false;
        w.stop = false;
        w.question = false;
        w.named = None;
        w.sms_off = off;
        w
    })
}

/// The why's sentence `row` holds `want` right after `head` whenever it holds `head`.
fn says_after(why: &[String], head: &str, want: &str) -> Result<(), TestCaseError> {
    for w in why {
        let mut rest = w.as_str();
        while let Some(i) = rest.find(head) {
            rest = &rest[i + head.len()..];
            prop_assert!(
                rest.starts_with(want),
                "“{}” should name {} after “{}”",
                w,
                want,
                head
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    /// Every time a `why` sentence states is true for the moment it
    /// describes: the send moment is `sendAt`, the close is `closesAt`, both
    /// worded from `now`; "来不及了" only when the slot's end had passed,
    /// "before 17:00" only for a moment before it on the order's day.
    #[test]
    fn why_states_true_times(w in prop_oneof![world(), fresh_order()]) {
        let ctx = context(&w);
        let a = analysis(&w);
        let (d, input, t) = decide(&ctx, &a);
        let why = d.4;
        let now = input.now;
        let when = |x| cuifu::core::say::when(x, now, cuifu::Locale::ZhCn);
        let close = when(t.closes_at);
        says_after(&why, "订单 ", &close)?;
        says_after(&why, "订单已在 ", &close)?;
        // After a reply to a waiting buyer, the moments named are the
        // reminder's after it.
        let Some(send) = (if t.reply { t.follow_up } else { t.send_at }) else { return Ok(()) };
        let sw = when(send);
        for head in ["顺延到 ", "提前到 ", "关单前 ", "按短信时段，"] {
            says_after(&why, head, &sw)?;
        }
        for s in &why {
            // Professional Chinese text: full-width ，：；？！ outside the
            // buyer's quoted words and clock times.
            let bare: String = s.split('“').enumerate().map(|(i, p)| if i == 0 { p } else { p.split_once('”').map_or("", |x| x.1) }).collect();
            let b: Vec<char> = bare.chars().collect();
            for (i, c) in b.iter().enumerate() {
                let clock = *c == ':' && i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(|d| d.is_ascii_digit());
                prop_assert!(!",:;?!".contains(*c) || clock, "half-width {} in “{}”", c, s);
            }
            if s.contains("现在发送") {
                prop_assert!(send <= now, "“{}” but sendAt {}", s, format_time(send));
            } else if let Some(i) = s.find(" 发送") {
                prop_assert!(s[..i].ends_with(&sw), "“{}” should name {}", s, sw);
            }
            if let Some(i) = s.find("提前约 ") {
                let lead = cuifu::core::say::span(t.closes_at - send, cuifu::Locale::ZhCn);
                prop_assert!(s[i + "提前约 ".len()..].starts_with(&lead), "“{}” should say {}", s, lead);
            }
        }
        // The order-time slot (001): "before 17:00" and "too late" are facts.
        let placed = input.placed_at;
        let st = &input.settings;
        for s in &why {
            let Some(i) = s.find(" 前催付") else { continue };
            let hm = &s[i.saturating_sub(5)..i];
            let Ok(end) = chrono::NaiveTime::parse_from_str(hm, "%H:%M") else { continue };
            let end_at = placed.date_naive().and_time(end).and_local_timezone(*placed.offset()).single().unwrap();
            let mut from = now.max(placed + st.hidden_reminder_after);
            if t.reply {
                from = from.max(t.send_at.unwrap_or(now) + st.min_gap);
            }
            if s[i..].starts_with(" 前催付，来不及了") {
                prop_assert!(from >= end_at, "“{}” though {} is before {}", s, format_time(from), hm);
            } else if !s[..i].ends_with(&format!("本该 {hm}")) {
                prop_assert!(send < end_at, "“{}” but sendAt {}", s, format_time(send));
            }
        }
    }

    /// SMS (001): never for a shop without it; for an order that is not big,
    /// only after an IM reminder the buyer left unanswered for smsAfterHours.
    #[test]
    fn sms_only_where_the_rules_allow(w in prop_oneof![world(), after_one_im()]) {
        let ctx = context(&w);
        let a = analysis(&w);
        let (d, input, t) = decide(&ctx, &a);
        if d.2 != Channel::Sms {
            return Ok(());
        }
        prop_assert!(input.settings.sms, "SMS for a shop without it");
        if !input.is_big() {
            let last = input.reminders.last().expect("an earlier reminder");
            prop_assert_eq!(last.channel, Channel::Im);
            let send = t.send_at.expect("a time");
            prop_assert!(send >= last.at + input.settings.sms_after);
            prop_assert!(input.messages.iter().all(|m| m.at.is_some_and(|a| a < last.at)));
        } else {
            prop_assert!(!input.reminders.iter().any(|r| r.channel == Channel::Sms), "a big order never gets SMS twice");
        }
    }
}
