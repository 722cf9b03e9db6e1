//! Table tests of the decision engine: conversation state, close deadline,
//! timing, channel, tone, `why` and `remark`. Every case cites the seed file
//! and rule it checks (seeds live in the shared folder beside the repo).

mod common;

use common::*;
use cuifu::core::timing::Occasion;
use cuifu::{Action, Channel, ReasonCode as R, Tone};
use serde_json::{json, Value};

struct Case {
    cite: &'static str,
    now: &'static str,
    placed: &'static str,
    amount: f64,
    extra: Value,
    chat: Chat,
    action: Action,
    send: Option<&'static str>,
    occasion: Occasion,
    /// The reminder after a reply, when the case checks it.
    follow: Option<Option<&'static str>>,
}

fn case(
    cite: &'static str,
    now: &'static str,
    placed: &'static str,
    chat: Chat,
    action: Action,
    send: Option<&'static str>,
    occasion: Occasion,
) -> Case {
    Case {
        cite,
        now,
        placed,
        amount: 99.0,
        extra: json!({}),
        chat,
        action,
        send,
        occasion,
        follow: None,
    }
}

/// Checks the reminder planned after the reply too.
fn then(mut c: Case, follow: Option<&'static str>) -> Case {
    c.follow = Some(follow);
    c
}

/// A question answered now (002), with the reminder planned after it.
fn answered(
    cite: &'static str,
    now: &'static str,
    placed: &'static str,
    follow: Option<&'static str>,
) -> Case {
    then(
        case(
            cite,
            now,
            placed,
            ASKED,
            Action::Hold,
            Some(now),
            Occasion::Answer,
        ),
        follow,
    )
}

fn with(mut c: Case, extra: Value) -> Case {
    c.extra = extra;
    c
}

fn big(mut c: Case) -> Case {
    c.amount = 263.0;
    c
}

fn reminders(list: &[(&str, &str)]) -> Value {
    Value::Array(
        list.iter()
            .map(|(at, ch)| json!({"at": t(at), "channel": ch}))
            .collect(),
    )
}

fn check(cases: Vec<Case>) {
    for c in cases {
        let ctx = ctx(c.now, c.placed, c.amount, c.extra.clone());
        let out = run(&ctx, &c.chat);
        assert_eq!(
            out.timing.action, c.action,
            "{}: action; why {:?}",
            c.cite, out.why
        );
        assert_eq!(
            out.send().as_deref(),
            c.send.map(t).as_deref(),
            "{}: sendAt; why {:?}",
            c.cite,
            out.why
        );
        assert_eq!(out.timing.occasion, c.occasion, "{}: occasion", c.cite);
        if let Some(f) = c.follow {
            assert_eq!(
                out.timing.follow_up.map(cuifu::core::input::format_time),
                f.map(t),
                "{}: followUpAt; why {:?}",
                c.cite,
                out.why
            );
        }
    }
}

use Action::{Hold, Schedule, SendNow, Stop};
use Occasion as O;

/// A consulted buyer whose question is still open.
const ASKED: Chat = Chat {
    question: true,
    ..CONSULTED
};

#[test]
fn timing_rules() {
    check(vec![
        // seed 001 把握时机: 拍下后10分钟还未付款 → 旺旺核对地址, 隐形催付.
        case(
            "001 +10min address check",
            "2026-11-24 14:31",
            "2026-11-24 14:30",
            CONSULTED,
            Schedule,
            Some("2026-11-24 14:40"),
            O::AddressCheck,
        ),
        // seed 001 上午单 当日12点前 + seed 000/003 不在早上10点前 (domain worked example 08:40).
        case(
            "001 morning slot, 000 not before 10:00",
            "2026-11-24 08:41",
            "2026-11-24 08:40",
            SILENT,
            Schedule,
            Some("2026-11-24 10:00"),
            O::First,
        ),
        // seed 000/003 不在午休时间 (domain worked example 12:20, consulted).
        case(
            "000 lunch break → 13:30",
            "2026-11-24 12:21",
            "2026-11-24 12:20",
            CONSULTED,
            Schedule,
            Some("2026-11-24 13:30"),
            O::AddressCheck,
        ),
        // seed 001 下午单 当日17点前; 16:55 is too close → the evening slot (domain worked example).
        case(
            "001 afternoon slot missed → evening",
            "2026-11-24 16:56",
            "2026-11-24 16:55",
            CONSULTED,
            Schedule,
            Some("2026-11-24 17:05"),
            O::AddressCheck,
        ),
        // seed 001 傍晚单 22点前.
        case(
            "001 evening slot",
            "2026-11-24 19:01",
            "2026-11-24 19:00",
            SILENT,
            Schedule,
            Some("2026-11-24 19:10"),
            O::First,
        ),
        // seed 001 半夜单 次日10点以后 + seed 000 休息日: Friday 23:10 → Monday 10:00 (domain worked example).
        case(
            "001 late night + 000 weekend",
            "2026-11-20 23:11",
            "2026-11-20 23:10",
            SILENT,
            Schedule,
            Some("2026-11-23 10:00"),
            O::First,
        ),
        // seed 002 24小时支付时间: Friday 23:10 closes Saturday 23:10 → least-bad Saturday 10:00 (warning checked below).
        with(
            case(
                "002 24 h window → least-bad Saturday 10:00",
                "2026-11-20 23:11",
                "2026-11-20 23:10",
                SILENT,
                Schedule,
                Some("2026-11-21 10:00"),
                O::First,
            ),
            json!({"shop": {"closeAfterHours": 24}}),
        ),
        // Never in the past: the agent looks at a morning order at 15:00 (001 上午单, already late).
        case(
            "never in the past",
            "2026-11-24 15:00",
            "2026-11-24 09:00",
            SILENT,
            SendNow,
            Some("2026-11-24 15:00"),
            O::First,
        ),
        // seed 000/003 休息日 with the 2026 calendar: 国庆节 Oct 1–7 (domain.md).
        with(
            case(
                "000 rest days: 国庆节",
                "2026-09-30 23:01",
                "2026-09-30 23:00",
                SILENT,
                Schedule,
                Some("2026-10-08 10:00"),
                O::First,
            ),
            json!({"shop": {"closeAfterHours": 240}}),
        ),
        // domain.md 2026 make-up workdays: Sat Oct 10 and Sun Sep 20 are workdays.
        case(
            "make-up workday Sat 10/10",
            "2026-10-09 23:01",
            "2026-10-09 23:00",
            SILENT,
            Schedule,
            Some("2026-10-10 10:00"),
            O::First,
        ),
        case(
            "make-up workday Sun 9/20",
            "2026-09-19 23:01",
            "2026-09-19 23:00",
            SILENT,
            Schedule,
            Some("2026-09-20 10:00"),
            O::First,
        ),
        // shop.holidays / shop.workdays / shop.restDays override the calendar (000/003 休息日 is the shop's).
        with(
            case(
                "shop.holidays",
                "2026-11-24 23:01",
                "2026-11-24 23:00",
                SILENT,
                Schedule,
                Some("2026-11-26 10:00"),
                O::First,
            ),
            json!({"shop": {"holidays": ["2026-11-25"]}}),
        ),
        with(
            case(
                "shop.workdays",
                "2026-11-20 23:11",
                "2026-11-20 23:10",
                SILENT,
                Schedule,
                Some("2026-11-21 10:00"),
                O::First,
            ),
            json!({"shop": {"workdays": ["2026-11-21"]}}),
        ),
        with(
            case(
                "shop.restDays",
                "2026-11-20 23:11",
                "2026-11-20 23:10",
                SILENT,
                Schedule,
                Some("2026-11-21 10:00"),
                O::First,
            ),
            json!({"shop": {"restDays": [0]}}),
        ),
        // seed 001 活动催付 (双十一): first wave 10:00, second wave 13:00.
        with(
            case(
                "001 campaign first wave",
                "2026-11-11 09:01",
                "2026-11-11 09:00",
                SILENT,
                Schedule,
                Some("2026-11-11 10:00"),
                O::CampaignWave,
            ),
            json!({"shop": {"campaign": {"name": "双11", "waves": ["10:00", "13:00"], "dates": ["2026-11-11"]}}}),
        ),
        with(
            case(
                "001 campaign second wave",
                "2026-11-11 10:31",
                "2026-11-11 10:30",
                CONSULTED,
                Schedule,
                Some("2026-11-11 13:00"),
                O::CampaignWave,
            ),
            json!({"shop": {"campaign": {"name": "双11", "waves": ["10:00", "13:00"], "dates": ["2026-11-11"]}}}),
        ),
        with(
            case(
                "001 campaign: other days follow the usual rules",
                "2026-11-12 09:01",
                "2026-11-12 09:00",
                SILENT,
                Schedule,
                Some("2026-11-12 10:00"),
                O::First,
            ),
            json!({"shop": {"campaign": {"waves": ["10:00", "13:00"], "dates": ["2026-11-11"]}}}),
        ),
        // Last chance (shop.lastChanceHours, default 3) for the last reminder the cap allows.
        with(
            case(
                "last chance 3 h before close",
                "2026-11-23 17:00",
                "2026-11-23 14:30",
                CONSULTED,
                Schedule,
                Some("2026-11-26 11:30"),
                O::LastChance,
            ),
            // A shop without SMS: an unanswered IM would move it to the
            // earliest SMS slot (see sms_follows_an_unanswered_im).
            json!({"reminders": reminders(&[("2026-11-23 14:40", "im")]), "shop": {"sms": false}}),
        ),
        with(
            case(
                "last chance moved out of lunch",
                "2026-11-23 17:00",
                "2026-11-23 15:30",
                CONSULTED,
                Schedule,
                Some("2026-11-26 13:30"),
                O::LastChance,
            ),
            json!({"reminders": reminders(&[("2026-11-23 15:40", "im")]), "shop": {"sms": false}}),
        ),
        with(
            case(
                "last chance never at night: the evening before",
                "2026-11-23 12:00",
                "2026-11-23 01:00",
                SILENT,
                Schedule,
                Some("2026-11-25 21:30"),
                O::LastChance,
            ),
            json!({"reminders": reminders(&[("2026-11-23 10:00", "im")]), "shop": {"sms": false}}),
        ),
        with(
            case(
                "lastChanceHours 6",
                "2026-11-23 17:00",
                "2026-11-23 14:30",
                CONSULTED,
                Schedule,
                Some("2026-11-26 10:00"),
                O::LastChance,
            ),
            json!({"shop": {"lastChanceHours": 6, "sms": false}, "reminders": reminders(&[("2026-11-23 14:40", "im")])}),
        ),
        // seed 001 频率不可过高: minimum gap (shop.minGapMinutes, default 120) before a big order's second reminder.
        big(with(
            case(
                "001 minimum gap 120 min",
                "2026-11-24 15:00",
                "2026-11-24 14:30",
                CONSULTED,
                Schedule,
                Some("2026-11-24 16:40"),
                O::FollowUp,
            ),
            json!({"shop": {"avgOrderValue": 80}, "reminders": reminders(&[("2026-11-24 14:40", "im")])}),
        )),
        big(with(
            case(
                "minGapMinutes 30",
                "2026-11-24 15:00",
                "2026-11-24 14:30",
                CONSULTED,
                Schedule,
                Some("2026-11-24 15:10"),
                O::FollowUp,
            ),
            json!({"shop": {"avgOrderValue": 80, "minGapMinutes": 30}, "reminders": reminders(&[("2026-11-24 14:40", "im")])}),
        )),
        // seed 001 频率不可过高 / 大单可进行二次催付: cap 2 for ordinary orders, one more for big ones.
        with(
            case(
                "cap: ordinary order, 2 sent",
                "2026-11-24 18:00",
                "2026-11-24 14:30",
                CONSULTED,
                Stop,
                None,
                O::None,
            ),
            json!({"reminders": reminders(&[("2026-11-24 14:40", "im"), ("2026-11-24 16:40", "im")])}),
        ),
        big(with(
            case(
                "cap: big order gets a third (last chance)",
                "2026-11-24 18:00",
                "2026-11-24 14:30",
                CONSULTED,
                Schedule,
                Some("2026-11-27 11:30"),
                O::LastChance,
            ),
            json!({"shop": {"avgOrderValue": 80}, "reminders": reminders(&[("2026-11-24 14:40", "im"), ("2026-11-24 16:40", "phone")])}),
        )),
        with(
            case(
                "maxReminders 1",
                "2026-11-24 18:00",
                "2026-11-24 14:30",
                CONSULTED,
                Stop,
                None,
                O::None,
            ),
            json!({"shop": {"maxReminders": 1}, "reminders": reminders(&[("2026-11-24 14:40", "im")])}),
        ),
        // Conversation state.
        with(
            case(
                "paid → stop",
                "2026-11-24 15:00",
                "2026-11-24 14:30",
                SILENT,
                Stop,
                None,
                O::None,
            ),
            json!({"order": {"paid": true}}),
        ),
        case(
            "004 after the close → stop",
            "2026-11-28 15:00",
            "2026-11-24 14:30",
            SILENT,
            Stop,
            None,
            O::None,
        ),
        case(
            "000 拍下不想要了: don't force",
            "2026-11-24 15:00",
            "2026-11-24 14:30",
            Chat {
                declined: true,
                ..because(R::ChangedMind)
            },
            Stop,
            None,
            O::None,
        ),
        // seed 000 but only hesitating (再考虑一下): space first
        // (shop.hesitationHours, default 3), then one gentle reminder, no more.
        case(
            "000 hesitating: space, then one reminder",
            "2026-11-24 15:00",
            "2026-11-24 14:30",
            because(R::ChangedMind),
            Schedule,
            Some("2026-11-24 18:00"),
            O::First,
        ),
        with(
            case(
                "000 hesitating, already reminded → stop",
                "2026-11-24 18:00",
                "2026-11-24 14:30",
                because(R::ChangedMind),
                Stop,
                None,
                O::None,
            ),
            json!({"reminders": reminders(&[("2026-11-24 14:40", "im")])}),
        ),
        // 明天付 resolves to 10:00: ten minutes before would be quiet time (000), so at 10:00 itself.
        case(
            "001 named 10:00 tomorrow, lead in quiet hours → 10:00",
            "2026-11-24 14:31",
            "2026-11-24 14:30",
            Chat {
                named: Some("2026-11-25 10:00"),
                ..CONSULTED
            },
            Schedule,
            Some("2026-11-25 10:00"),
            O::BuyerNamedTime,
        ),
        // seed 001 发工资了再买 as a payday signal beside another reason.
        case(
            "001 payday signal",
            "2026-11-24 14:31",
            "2026-11-24 14:30",
            Chat {
                payday: true,
                ..because(R::PriceBargain)
            },
            Schedule,
            Some("2026-11-27 11:30"),
            O::LastChance,
        ),
        case(
            "buyer asked not to be contacted",
            "2026-11-24 15:00",
            "2026-11-24 14:30",
            Chat {
                stop: true,
                ..CONSULTED
            },
            Stop,
            None,
            O::None,
        ),
        // seed 002 买家等待客服回复: answer first (hold) and now; seeds
        // 000/003 keep quiet hours, lunch and rest days for reminders (催付);
        // seed 001's order-time slots (下午单 17:00 前) put the reminder after
        // the answer inside the order's slot: 20 minutes before it ends.
        then(
            case(
                "002 open question → hold now; 001 下午单 → remind 16:40",
                "2026-11-24 14:31",
                "2026-11-24 14:30",
                ASKED,
                Hold,
                Some("2026-11-24 14:31"),
                O::Answer,
            ),
            Some("2026-11-24 16:40"),
        ),
        // seed 001 上午单 12:00 前: answered at 10:50, reminded at 11:40.
        answered(
            "001 上午单 answered 10:50 → remind 11:40",
            "2026-11-24 10:50",
            "2026-11-24 10:31",
            Some("2026-11-24 11:40"),
        ),
        // seed 001 傍晚单 22:00 前: answered at 20:05, reminded at 21:40,
        // not the next morning.
        answered(
            "001 傍晚单 answered 20:05 → remind 21:40",
            "2026-11-24 20:05",
            "2026-11-24 19:40",
            Some("2026-11-24 21:40"),
        ),
        // Little room left in the slot: shop.answerFollowUpMinutes (default
        // 30) after the answer, while 10 minutes of the slot are left.
        answered(
            "001 下午单 answered 16:20 → remind 16:50",
            "2026-11-24 16:20",
            "2026-11-24 16:05",
            Some("2026-11-24 16:50"),
        ),
        // No room with a longer wait: the minimum gap in the usual hours.
        with(
            answered(
                "answerFollowUpMinutes 60 at 16:20 → the gap, 18:20",
                "2026-11-24 16:20",
                "2026-11-24 16:05",
                Some("2026-11-24 18:20"),
            ),
            json!({"shop": {"answerFollowUpMinutes": 60}}),
        ),
        then(
            case(
                "002 open question at night → answer now, remind at 10:00",
                "2026-11-24 23:00",
                "2026-11-24 22:30",
                ASKED,
                Hold,
                Some("2026-11-24 23:00"),
                O::Answer,
            ),
            Some("2026-11-25 10:00"),
        ),
        // The seeds are silent on answering at night: shop.answerAtNight
        // false holds the answer till quietBefore.
        then(
            with(
                case(
                    "answerAtNight false → answer at 10:00",
                    "2026-11-24 23:00",
                    "2026-11-24 22:30",
                    ASKED,
                    Hold,
                    Some("2026-11-25 10:00"),
                    O::Answer,
                ),
                json!({"shop": {"answerAtNight": false}}),
            ),
            Some("2026-11-25 13:30"),
        ),
        then(
            case(
                "002 open question in lunch → answer now, remind after lunch",
                "2026-11-24 12:10",
                "2026-11-24 11:30",
                ASKED,
                Hold,
                Some("2026-11-24 12:10"),
                O::Answer,
            ),
            Some("2026-11-24 14:10"),
        ),
        // A Saturday evening question (000/003 rest days): answered now,
        // the reminder on Monday.
        then(
            case(
                "open question on a rest day → answer now, remind Monday",
                "2026-11-21 20:30",
                "2026-11-21 20:05",
                ASKED,
                Hold,
                Some("2026-11-21 20:30"),
                O::Answer,
            ),
            Some("2026-11-23 10:00"),
        ),
        // seed 001 忘记密码: 帮助买家了解找回密码的方法，主动热情，跟踪催付 — a
        // buyer who sorts it out after work is checked on just after, not
        // before they are home.
        case(
            "001 forgot password, home at 18:00 → check in 18:10",
            "2026-11-24 15:20",
            "2026-11-24 14:50",
            Chat {
                code: R::ForgotPassword,
                named: Some("2026-11-24 18:00"),
                ..CONSULTED
            },
            Schedule,
            Some("2026-11-24 18:10"),
            O::BuyerNamedTime,
        ),
        // seed 001 了解买家方便充值时间,提前再次催付: the buyer's own time, shopp.namedTimeLeadMinutes before.
        case(
            "001 buyer named 20:00 → 19:50",
            "2026-11-24 14:31",
            "2026-11-24 14:30",
            Chat {
                code: R::InsufficientBalance,
                named: Some("2026-11-24 20:00"),
                ..CONSULTED
            },
            Schedule,
            Some("2026-11-24 19:50"),
            O::BuyerNamedTime,
        ),
        // seed 001 了解买家方便充值时间: a time after the close is answered at
        // once with a kind question (can you pay before the close?) ...
        case(
            "001 named time after the close → ask kindly now",
            "2026-11-24 14:31",
            "2026-11-24 14:30",
            Chat {
                named: Some("2026-11-28 20:00"),
                ..CONSULTED
            },
            SendNow,
            Some("2026-11-24 14:31"),
            O::NamedAfterClose,
        ),
        // ... in allowed hours (000/003: not in the lunch break) ...
        case(
            "001 named time after the close, asked at lunch → 13:30",
            "2026-11-24 12:31",
            "2026-11-24 12:30",
            Chat {
                named: Some("2026-11-28 20:00"),
                ..CONSULTED
            },
            Schedule,
            Some("2026-11-24 13:30"),
            O::NamedAfterClose,
        ),
        // ... and once asked, one last reminder before the close.
        with(
            case(
                "001 named time after the close, already asked → last chance",
                "2026-11-24 15:00",
                "2026-11-24 14:30",
                Chat {
                    named: Some("2026-11-28 20:00"),
                    ..CONSULTED
                },
                Schedule,
                Some("2026-11-27 11:30"),
                O::LastChance,
            ),
            json!({"reminders": [{"at": t("2026-11-24 14:40"), "channel": "im"}]}),
        ),
        case(
            "named time passed → usual rules",
            "2026-11-24 14:31",
            "2026-11-24 14:30",
            Chat {
                named: Some("2026-11-24 14:00"),
                ..CONSULTED
            },
            Schedule,
            Some("2026-11-24 14:40"),
            O::AddressCheck,
        ),
        // seed 001 余额不足 without a time (发工资了再买): one reminder before the close.
        case(
            "001 payday, no time → before close",
            "2026-11-24 14:31",
            "2026-11-24 14:30",
            because(R::InsufficientBalance),
            Schedule,
            Some("2026-11-27 11:30"),
            O::LastChance,
        ),
        // seed 001 script: 20分钟如未支付 系统将关闭交易 (explicit closesAt).
        with(
            case(
                "001 flash sale closes in 20 min",
                "2026-11-24 14:31",
                "2026-11-24 14:30",
                CONSULTED,
                Schedule,
                Some("2026-11-24 14:40"),
                O::LastChance,
            ),
            json!({"order": {"closesAt": t("2026-11-24 14:50")}}),
        ),
        // Settings move the rules.
        with(
            case(
                "quietBefore 09:00",
                "2026-11-24 08:41",
                "2026-11-24 08:40",
                SILENT,
                Schedule,
                Some("2026-11-24 09:00"),
                O::First,
            ),
            json!({"shop": {"quietBefore": "09:00"}}),
        ),
        with(
            case(
                "lunchBreak [] (none)",
                "2026-11-24 12:21",
                "2026-11-24 12:20",
                CONSULTED,
                Schedule,
                Some("2026-11-24 12:30"),
                O::AddressCheck,
            ),
            json!({"shop": {"lunchBreak": []}}),
        ),
        with(
            case(
                "orderSlots: evening ends 21:00",
                "2026-11-24 21:31",
                "2026-11-24 21:30",
                SILENT,
                Schedule,
                Some("2026-11-25 10:00"),
                O::First,
            ),
            json!({"shop": {"orderSlots": ["06:00", "12:00", "17:00", "21:00"]}}),
        ),
        with(
            case(
                "hiddenReminderMinutes 30",
                "2026-11-24 14:31",
                "2026-11-24 14:30",
                CONSULTED,
                Schedule,
                Some("2026-11-24 15:00"),
                O::AddressCheck,
            ),
            json!({"shop": {"hiddenReminderMinutes": 30}}),
        ),
        with(
            case(
                "every day a rest day → least-bad",
                "2026-11-24 14:31",
                "2026-11-24 14:30",
                CONSULTED,
                Schedule,
                Some("2026-11-24 14:40"),
                O::AddressCheck,
            ),
            json!({"shop": {"restDays": [0, 1, 2, 3, 4, 5, 6]}}),
        ),
        // domain.md: 2027 is not covered → weekends + shop lists only (warning checked below).
        case(
            "2027 falls back to weekends",
            "2026-12-31 23:01",
            "2026-12-31 23:00",
            SILENT,
            Schedule,
            Some("2027-01-01 10:00"),
            O::First,
        ),
    ]);
}

fn warned(now: &str, placed: &str, extra: Value, chat: Chat, code: &str) -> bool {
    run(&ctx(now, placed, 99.0, extra), &chat).warned(code)
}

#[test]
fn warnings_say_why_a_rule_gave_way() {
    // seed 002 24 h window: no allowed moment before Saturday 23:10.
    assert!(warned(
        "2026-11-20 23:11",
        "2026-11-20 23:10",
        json!({"shop": {"closeAfterHours": 24}}),
        SILENT,
        "no_allowed_time"
    ));
    assert!(!warned(
        "2026-11-20 23:11",
        "2026-11-20 23:10",
        json!({}),
        SILENT,
        "no_allowed_time"
    ));
    // domain.md: the 2027 notice is not available.
    assert!(warned(
        "2026-12-31 23:01",
        "2026-12-31 23:00",
        json!({}),
        SILENT,
        "calendar_not_covered"
    ));
    assert!(!warned(
        "2026-12-31 23:01",
        "2026-12-31 23:00",
        json!({"shop": {"holidays": ["2027-01-01"]}}),
        SILENT,
        "calendar_not_covered"
    ));
    // seed 001 second wave 13:00 vs seed 000 lunch break: the shop's wave wins, with a warning.
    let camp =
        json!({"shop": {"campaign": {"waves": ["10:00", "13:00"], "dates": ["2026-11-11"]}}});
    assert!(warned(
        "2026-11-11 10:31",
        "2026-11-11 10:30",
        camp,
        CONSULTED,
        "wave_in_rest_time"
    ));
    let camp = json!({"shop": {"lunchBreak": ["11:30", "12:30"], "campaign": {"waves": ["10:00", "13:00"], "dates": ["2026-11-11"]}}});
    assert!(!warned(
        "2026-11-11 10:31",
        "2026-11-11 10:30",
        camp,
        CONSULTED,
        "wave_in_rest_time"
    ));
    let late = Chat {
        named: Some("2026-11-28 20:00"),
        ..CONSULTED
    };
    assert!(warned(
        "2026-11-24 14:31",
        "2026-11-24 14:30",
        json!({}),
        late,
        "named_time_after_close"
    ));
    // The buyer's 23:30 with no allowed moment left before a 23:59 close:
    // their own time, with a warning.
    let night = Chat {
        named: Some("2026-11-24 23:30"),
        ..CONSULTED
    };
    assert!(warned(
        "2026-11-24 21:50",
        "2026-11-24 21:40",
        json!({"order": {"closesAt": t("2026-11-24 23:59")}}),
        night,
        "named_time_in_rest"
    ));
}

// seed 001 提前再次催付 inside 000/003's allowed hours: a buyer time in rest
// time is reminded shortly before it when an allowed moment is there (up to
// 30 minutes before, or the lead itself: 12:05 → 11:55), else checked on at
// the first allowed moment after it: a reminder an hour or more ahead
// pre-empts the buyer's own plan (12:30 → 13:30 after lunch, not 11:30;
// 23:30 → the next morning, not 21:30; 08:00 → 10:00). No warning.
// When nothing allowed is left after the buyer's time before the close, the
// day they named is theirs: a rest day does not move the reminder off it
// (Saturday 10:00 with the order closing Sunday: Saturday 10:00, with the
// `named_time_in_rest` warning), while quiet hours still do.
#[test]
fn a_named_time_in_rest_time_is_reminded_inside_allowed_hours() {
    for (named, want, warning) in [
        ("2026-11-24 23:30", "2026-11-25 10:00", None),
        ("2026-11-25 08:00", "2026-11-25 10:00", None),
        ("2026-11-24 12:30", "2026-11-24 13:30", None),
        ("2026-11-24 12:05", "2026-11-24 11:55", None),
        (
            "2026-11-28 10:00",
            "2026-11-28 10:00",
            Some("named_time_in_rest"),
        ),
        (
            "2026-11-28 23:00",
            "2026-11-28 21:30",
            Some("named_time_in_rest"),
        ),
    ] {
        let chat = Chat {
            named: Some(named),
            ..CONSULTED
        };
        let shop = json!({"shop": {"closeAfterHours": 120}});
        let out = run(
            &ctx("2026-11-24 10:31", "2026-11-24 10:30", 99.0, shop),
            &chat,
        );
        assert_eq!(
            out.send().as_deref(),
            Some(t(want).as_str()),
            "{named}: {:?}",
            out.why
        );
        let codes: Vec<&str> = out
            .timing
            .warnings
            .iter()
            .map(|w| w.code.as_str())
            .collect();
        assert_eq!(codes, warning.into_iter().collect::<Vec<_>>(), "{named}");
        assert_eq!(out.timing.occasion, O::BuyerNamedTime);
    }
}

#[test]
fn close_deadline() {
    let close = |extra: Value| {
        let c = ctx("2026-11-21 10:00", "2026-11-20 10:00", 99.0, extra);
        run(&c, &SILENT).timing.closes_at
    };
    let at = |s: &str| cuifu::core::input::parse_time("", &t(s)).unwrap();
    // seed 004: 自拍下或最后修改交易条件之时起三天内 (default closeAfterHours 72).
    assert_eq!(close(json!({})), at("2026-11-23 10:00"));
    // seed 004: a change of terms restarts the timer.
    assert_eq!(
        close(json!({"order": {"termsChangedAt": t("2026-11-21 09:30")}})),
        at("2026-11-24 09:30")
    );
    // seed 002: 24小时支付时间 is the setting.
    assert_eq!(
        close(json!({"shop": {"closeAfterHours": 24}})),
        at("2026-11-21 10:00")
    );
    // Explicit closesAt (flash sale) overrides.
    assert_eq!(
        close(json!({"order": {"closesAt": t("2026-11-21 12:00")}})),
        at("2026-11-21 12:00")
    );
}

fn channel_of(amount: f64, extra: Value, chat: Chat) -> Channel {
    run(
        &ctx("2026-11-24 15:00", "2026-11-24 14:30", amount, extra),
        &chat,
    )
    .channel
}

#[test]
fn channel_rules() {
    let avg = json!({"shop": {"avgOrderValue": 80}});
    // seed 000 未询单: 金额比较大打电话, 金额比较小用旺旺 — with
    // shop.phoneFirst; by default seed 001's IM address check comes first
    // (拍下后10分钟…旺旺…核对地址) and the call follows.
    assert_eq!(
        channel_of(
            300.0,
            json!({"shop": {"avgOrderValue": 80, "phoneFirst": true}}),
            SILENT
        ),
        Channel::Phone,
        "000 big silent → phone"
    );
    assert_eq!(
        channel_of(300.0, avg.clone(), SILENT),
        Channel::Im,
        "001 big silent → IM address check first"
    );
    assert_eq!(
        channel_of(
            300.0,
            json!({"shop": {"avgOrderValue": 80},
                   "reminders": reminders(&[("2026-11-24 14:40", "im")])}),
            SILENT
        ),
        Channel::Phone,
        "001 big silent, after IM → phone"
    );
    assert_eq!(
        channel_of(60.0, avg.clone(), SILENT),
        Channel::Im,
        "000 small silent → IM"
    );
    // seed 001 催付ROI: 充值类产品利润较低,不适宜电话催单.
    assert_eq!(
        channel_of(
            300.0,
            json!({"shop": {"avgOrderValue": 80, "margin": 0.05}}),
            SILENT
        ),
        Channel::Im,
        "001 low margin never phone"
    );
    // seed 001 旺旺核对地址: a consulted big order starts on IM, where the buyer is.
    assert_eq!(
        channel_of(300.0, avg.clone(), CONSULTED),
        Channel::Im,
        "consulted big → IM first"
    );
    // Returning buyers trust the shop (001 老顾客): IM first even for a big silent order.
    assert_eq!(
        channel_of(
            300.0,
            json!({"shop": {"avgOrderValue": 80}, "buyer": {"returning": true}}),
            SILENT
        ),
        Channel::Im,
        "returning big → IM first"
    );
    // No average order value: nothing counts as big.
    assert_eq!(
        channel_of(3000.0, json!({}), SILENT),
        Channel::Im,
        "unknown average → IM"
    );
    // bigOrderFactor setting (default 2).
    assert_eq!(
        channel_of(
            263.0,
            json!({"shop": {"avgOrderValue": 80, "bigOrderFactor": 4}}),
            SILENT
        ),
        Channel::Im,
        "bigOrderFactor 4"
    );
    // seed 001 大单不要用同一种方法重复催付.
    let sent = |list: &[(&str, &str)], shop: Value| {
        let mut v = json!({"reminders": reminders(list), "shop": {"avgOrderValue": 80}});
        v["shop"]
            .as_object_mut()
            .unwrap()
            .extend(shop.as_object().unwrap().clone());
        v
    };
    let im = [("2026-11-24 10:10", "im")];
    assert_eq!(
        channel_of(300.0, sent(&im, json!({})), CONSULTED),
        Channel::Phone,
        "001 IM used → phone"
    );
    let both = [("2026-11-24 10:10", "im"), ("2026-11-24 12:10", "phone")];
    assert_eq!(
        channel_of(300.0, sent(&both, json!({})), CONSULTED),
        Channel::Sms,
        "001 IM+phone used → SMS"
    );
    // seed 001 活动催付: 挑选大单采用电话催单.
    let camp = json!({"shop": {"avgOrderValue": 80, "campaign": {"waves": ["10:00", "16:00"], "dates": ["2026-11-24"]}}});
    assert_eq!(
        channel_of(300.0, camp, CONSULTED),
        Channel::Phone,
        "001 campaign big → phone"
    );
    // A hold is answered on IM.
    assert_eq!(channel_of(300.0, avg, ASKED), Channel::Im, "hold → IM");
}

#[test]
fn sms_windows_by_audience() {
    // seed 001 短信: 上班族(午休、下班前), 学生及其他(晚上10点前).
    // A big, low-margin order whose IM reminder went at 14:40: the follow-up is due 16:40.
    let base = |audience: &str| {
        json!({"shop": {"avgOrderValue": 80, "margin": 0.05}, "buyer": {"audience": audience},
               "reminders": reminders(&[("2026-11-24 14:40", "im")])})
    };
    let office = run(
        &ctx(
            "2026-11-24 15:00",
            "2026-11-24 14:30",
            300.0,
            base("office"),
        ),
        &CONSULTED,
    );
    assert_eq!(office.channel, Channel::Sms);
    assert_eq!(
        office.send().unwrap(),
        t("2026-11-24 17:00"),
        "office: before leaving work"
    );
    let student = run(
        &ctx(
            "2026-11-24 15:00",
            "2026-11-24 14:30",
            300.0,
            base("student"),
        ),
        &CONSULTED,
    );
    assert_eq!(student.channel, Channel::Sms);
    assert_eq!(
        student.send().unwrap(),
        t("2026-11-24 16:40"),
        "student: any time before 22:00"
    );
    // Office lunch window (12:00–13:30) is the seed's own SMS time.
    let mut lunch = base("office");
    lunch["reminders"] = reminders(&[("2026-11-24 10:10", "im")]);
    let at_lunch = run(
        &ctx("2026-11-24 12:05", "2026-11-24 10:00", 300.0, lunch),
        &CONSULTED,
    );
    assert_eq!(at_lunch.channel, Channel::Sms);
    assert_eq!(at_lunch.send().unwrap(), t("2026-11-24 12:10"));
    // A big order's last chance after IM and a call: SMS, at the office
    // lunch break of the closing day when its own hour (13:30) has no SMS
    // window before the 16:20 close (001: 不重复同一种方式; 短信 午休).
    let mut last = base("office");
    last["reminders"] = reminders(&[("2026-11-24 16:35", "im"), ("2026-11-25 10:30", "phone")]);
    let out = run(
        &ctx("2026-11-27 10:20", "2026-11-24 16:20", 300.0, last),
        &SILENT,
    );
    assert_eq!(out.channel, Channel::Sms, "{:?}", out.why);
    assert_eq!(out.send().unwrap(), t("2026-11-27 12:00"), "{:?}", out.why);
    // Every usable method used on a big order → stop (001).
    let mut done = base("office");
    done["reminders"] = reminders(&[("2026-11-24 10:10", "im"), ("2026-11-24 12:10", "sms")]);
    let out = run(
        &ctx("2026-11-24 15:00", "2026-11-24 10:00", 300.0, done),
        &CONSULTED,
    );
    assert_eq!(out.timing.action, Stop, "{:?}", out.why);
}

fn tone_of(amount: f64, extra: Value, chat: Chat) -> Tone {
    run(
        &ctx("2026-11-24 15:00", "2026-11-24 14:30", amount, extra),
        &chat,
    )
    .tone
}

#[test]
fn tone_rules() {
    // seed 001 老顾客催付: 催付要委婉亲切.
    assert_eq!(
        tone_of(99.0, json!({"buyer": {"returning": true}}), CONSULTED),
        Tone::Gentle
    );
    // seed 002 老人家/刚接触网购的年轻人 支付遇到问题: help warmly.
    assert_eq!(
        tone_of(99.0, json!({}), because(R::NoviceBuyer)),
        Tone::Warm
    );
    assert_eq!(
        tone_of(99.0, json!({}), because(R::ForgotPassword)),
        Tone::Warm
    );
    // seed 001 对商品存在疑虑: 告知优势, 相关服务保障.
    assert_eq!(
        tone_of(99.0, json!({}), because(R::ProductDoubt)),
        Tone::Reassuring
    );
    // seed 004/001 电话: X先生/女士 → formal.
    assert_eq!(
        tone_of(
            300.0,
            json!({"shop": {"avgOrderValue": 80, "phoneFirst": true}}),
            SILENT
        ),
        Tone::Formal
    );
    // Close within hours (001 script: 20分钟如未支付…) → urgent.
    assert_eq!(
        tone_of(
            99.0,
            json!({"order": {"closesAt": t("2026-11-24 16:00")}}),
            CONSULTED
        ),
        Tone::Urgent
    );
    // seed 001 活动期间库存紧张 → urgent.
    let stock = json!({"shop": {"campaign": {"waves": ["16:00"], "limitedStock": true}}});
    assert_eq!(tone_of(99.0, stock, CONSULTED), Tone::Urgent);
    // Payment trouble beats urgency: help, don't press.
    assert_eq!(
        tone_of(
            99.0,
            json!({"order": {"closesAt": t("2026-11-24 16:00")}}),
            because(R::PaymentTrouble)
        ),
        Tone::Warm
    );
    // seed 002 语言尽量俏皮可爱 (IM default).
    assert_eq!(tone_of(99.0, json!({}), CONSULTED), Tone::Playful);
    assert_eq!(
        tone_of(99.0, json!({}), because(R::PriceBargain)),
        Tone::Playful
    );
}

fn why_of(now: &str, placed: &str, locale: &str, chat: Chat) -> Vec<String> {
    run(&ctx(now, placed, 99.0, json!({"locale": locale})), &chat).why
}

#[test]
fn why_names_the_rule_in_each_locale() {
    let w = why_of("2026-11-24 12:21", "2026-11-24 12:20", "zh-CN", CONSULTED);
    assert!(
        w.contains(&"下午单，17:00 前催付；午休不打扰，顺延到 13:30。".to_string()),
        "{w:?}"
    );
    assert!(w[0].contains("核对收货地址"), "{w:?}");
    let w = why_of("2026-11-24 12:21", "2026-11-24 12:20", "zh-TW", CONSULTED);
    assert!(
        w.contains(&"下午單，17:00 前催付；午休不打擾，順延到 13:30。".to_string()),
        "{w:?}"
    );
    let w = why_of("2026-11-24 12:21", "2026-11-24 12:20", "en", CONSULTED);
    assert!(
        w.contains(
            &"Afternoon order: remind before 17:00; not in the lunch break: moved to 13:30 (UTC+8)."
                .to_string()
        ),
        "{w:?}"
    );
    // 16:55 → evening slot, explained (domain worked example).
    let w = why_of("2026-11-24 16:56", "2026-11-24 16:55", "zh-CN", CONSULTED);
    assert!(
        w.contains(&"下午单本该 17:00 前催付，来不及了；17:05 发送。".to_string()),
        "{w:?}"
    );
    // Late-night Friday order → Monday (domain worked example).
    let w = why_of("2026-11-20 23:11", "2026-11-20 23:10", "zh-CN", SILENT);
    assert!(
        w.contains(
            &"半夜单，次日 10:00 后催付；休息日不打扰，顺延到 11/23（周一） 10:00。".to_string()
        ),
        "{w:?}"
    );
    let w = why_of("2026-11-20 23:11", "2026-11-20 23:10", "en", SILENT);
    assert!(w.contains(&"Late-night order: remind after 10:00 the next day; not on rest days: moved to 10:00 on Mon 11/23 (UTC+8).".to_string()), "{w:?}");
    // Statutory holidays are named.
    let w = run(
        &ctx(
            "2026-09-30 23:01",
            "2026-09-30 23:00",
            99.0,
            json!({"shop": {"closeAfterHours": 240}}),
        ),
        &SILENT,
    )
    .why;
    assert!(
        w.iter()
            .any(|s| s.contains("国庆节放假，顺延到 10/8（周四） 10:00")),
        "{w:?}"
    );
    // The address check found late (seed 001 护肤品 example: 看到你上午拍了…) drops "10 分钟后".
    let w = why_of("2026-11-24 15:00", "2026-11-24 09:00", "zh-CN", CONSULTED);
    assert_eq!(w[0], "询单后未付款：先核对收货地址，隐形催付。", "{w:?}");
    // One sentence per decision: occasion, time, channel, tone; no float noise.
    let w = why_of("2026-11-24 14:31", "2026-11-24 14:30", "zh-CN", CONSULTED);
    assert_eq!(w.len(), 4, "{w:?}");
    assert!(
        w.iter().all(|s| !s.is_empty() && !s.contains("0000")),
        "{w:?}"
    );
}

#[test]
fn remark_records_the_result() {
    use cuifu::core::explain::remark;
    use cuifu::core::input::Input;
    let c = ctx("2026-11-24 14:31", "2026-11-24 14:30", 99.0, json!({}));
    let input = Input::read(&c, None).unwrap();
    let a = analysis(&because(R::PriceBargain));
    let timing = cuifu::core::timing::plan(&input, &a);
    let line = cuifu::Line {
        text: "…".into(),
        template_id: "x".into(),
        angle: "benefit".into(),
    };
    assert_eq!(
        remark(
            &input,
            &a,
            &timing,
            Channel::Im,
            std::slice::from_ref(&line)
        ),
        "11/24 14:40 旺旺催付（第1次）：买家议价，首次提醒 + 优惠说明；待付款"
    );
    let c = ctx(
        "2026-11-24 14:31",
        "2026-11-24 14:30",
        99.0,
        json!({"locale": "en", "order": {"paid": true}}),
    );
    let input = Input::read(&c, None).unwrap();
    let a = analysis(&CONSULTED);
    let timing = cuifu::core::timing::plan(&input, &a);
    assert_eq!(
        remark(&input, &a, &timing, Channel::Im, &[]),
        "11/24 14:31 no reminder: paid"
    );
}

#[test]
fn rank_orders_by_value_at_risk_and_time_left() {
    // seed 001 挑选订单: 按拍下时间催, 按订单金额催.
    let now = "2026-11-24 15:00";
    let contexts = vec![
        ctx(now, "2026-11-24 13:00", 50.0, json!({})), // 50 yuan, ~70 h left
        ctx(now, "2026-11-24 13:00", 300.0, json!({})), // 300 yuan, ~70 h left
        ctx(now, "2026-11-21 16:00", 100.0, json!({})), // 100 yuan, 1 h left
        ctx(
            now,
            "2026-11-24 13:00",
            1000.0,
            json!({"order": {"paid": true}}),
        ),
    ];
    let ranked = cuifu::rank_orders(&contexts, None).unwrap();
    let order: Vec<usize> = ranked.iter().map(|r| r.index).collect();
    assert_eq!(order, vec![2, 1, 0, 3]);
    assert_eq!(ranked[3].action, Stop);
    assert_eq!(
        cuifu::rank_orders(&contexts, None).unwrap(),
        ranked,
        "deterministic"
    );
}

#[test]
fn new_settings_move_the_rules() {
    let big = |shop: Value, audience: &str, amount: f64| {
        let mut v = json!({"shop": {"avgOrderValue": 80}, "buyer": {"audience": audience},
                           "reminders": reminders(&[("2026-11-24 14:40", "im")])});
        v["shop"]
            .as_object_mut()
            .unwrap()
            .extend(shop.as_object().unwrap().clone());
        run(
            &ctx("2026-11-24 15:00", "2026-11-24 14:30", amount, v),
            &CONSULTED,
        )
    };
    let big_im = |shop: Value, audience: &str| big(shop, audience, 300.0);
    // phoneMinMargin (001 ROI): 0.3 margin pays by default (0.15), not at 0.5.
    assert_eq!(
        big_im(json!({"margin": 0.3}), "other").channel,
        Channel::Phone
    );
    let o = big_im(json!({"margin": 0.3, "phoneMinMargin": 0.5}), "other");
    assert_eq!(
        (o.channel, o.send().unwrap()),
        (Channel::Sms, t("2026-11-24 16:40"))
    );
    // phoneMinProfit (001 ROI): a thin margin on a big amount still pays
    // for a call (6,880 yuan at 12% is 825 yuan), unless the shop asks more.
    let laptop = |shop: Value| {
        let mut v = json!({"avgOrderValue": 450, "margin": 0.12});
        v.as_object_mut()
            .unwrap()
            .extend(shop.as_object().unwrap().clone());
        big(v, "other", 6880.0).channel
    };
    assert_eq!(laptop(json!({})), Channel::Phone);
    assert_ne!(laptop(json!({"phoneMinProfit": 1000})), Channel::Phone);
    // smsOfficeWindows (001 上班族: 午休、下班前) as a setting.
    let o = big_im(
        json!({"margin": 0.05, "smsOfficeWindows": ["18:30-19:00"]}),
        "office",
    );
    assert_eq!(
        (o.channel, o.send().unwrap()),
        (Channel::Sms, t("2026-11-24 18:30"))
    );
    // smsLatest (001 学生及其他: 晚上10点前): a 16:00 limit pushes to the next workday.
    let o = big_im(json!({"margin": 0.05, "smsLatest": "16:00"}), "student");
    assert_eq!(
        (o.channel, o.send().unwrap()),
        (Channel::Sms, t("2026-11-25 10:00"))
    );
    // maxRemindersBig: a big order's cap of 2 makes the second reminder the last chance.
    let o = big_im(json!({"maxRemindersBig": 2}), "other");
    assert_eq!(o.timing.occasion, Occasion::LastChance);
    // namedTimeLeadMinutes (001 提前再次催付): 30 minutes before the buyer's 20:00.
    let chat = Chat {
        named: Some("2026-11-24 20:00"),
        ..CONSULTED
    };
    let c = ctx(
        "2026-11-24 14:31",
        "2026-11-24 14:30",
        99.0,
        json!({"shop": {"namedTimeLeadMinutes": 30}}),
    );
    assert_eq!(run(&c, &chat).send().unwrap(), t("2026-11-24 19:30"));
}

#[test]
fn bad_settings_name_the_field() {
    let err = |shop: Value| {
        let c = ctx(
            "2026-11-24 14:31",
            "2026-11-24 14:30",
            99.0,
            json!({"shop": shop}),
        );
        let e = cuifu::suggest(&c).unwrap_err();
        (e.code().to_string(), e.path().to_string())
    };
    let want = |code: &str, path: &str| (code.to_string(), path.to_string());
    assert_eq!(
        err(json!({"orderSlots": ["06:00", "12:00", "17:00"]})),
        want("invalid_value", "shop.orderSlots")
    );
    assert_eq!(
        err(json!({"orderSlots": ["06:00", "17:00", "12:00", "22:00"]})),
        want("invalid_value", "shop.orderSlots")
    );
    assert_eq!(
        err(json!({"orderSlots": ["06:00", "noon", "17:00", "22:00"]})),
        want("invalid_time", "shop.orderSlots[1]")
    );
    assert_eq!(
        err(json!({"smsOfficeWindows": ["18:00-17:00"]})),
        want("invalid_value", "shop.smsOfficeWindows[0]")
    );
    assert_eq!(
        err(json!({"smsOfficeWindows": ["lunch"]})),
        want("invalid_value", "shop.smsOfficeWindows[0]")
    );
    assert_eq!(
        err(json!({"smsLatest": "25:00"})),
        want("invalid_time", "shop.smsLatest")
    );
    assert_eq!(
        err(json!({"bigOrderFactor": 0.5})),
        want("invalid_value", "shop.bigOrderFactor")
    );
    assert_eq!(
        err(json!({"phoneMinMargin": 2})),
        want("invalid_value", "shop.phoneMinMargin")
    );
}

// seed 002 买家等待客服回复: once the agent has sent a line after the
// question (recorded as a reminder), the question no longer holds the order.
/// The suggestion for a context written as JSON.
fn suggest_json(ctx: Value) -> cuifu::Suggestion {
    let ctx: cuifu::ChatContext = serde_json::from_value(ctx).expect("context");
    cuifu::suggest(&ctx).expect("suggestion")
}

#[test]
fn a_reminder_after_the_question_answers_it() {
    let with = |reminders: serde_json::Value| -> cuifu::Suggestion {
        suggest_json(json!({
            "now": "2026-11-24T15:00:00+08:00",
            "order": {"placedAt": "2026-11-24T14:30:00+08:00", "amount": 99},
            "messages": [{"from": "buyer", "text": "这个会起球吗?", "at": "2026-11-24T14:40:00+08:00"}],
            "reminders": reminders
        }))
    };
    assert_eq!(with(serde_json::json!([])).action, cuifu::Action::Hold);
    let after = with(serde_json::json!([{"at": "2026-11-24T14:50:00+08:00", "channel": "im"}]));
    assert_ne!(after.action, cuifu::Action::Hold);
    let send_at = after.send_at.expect("a time");
    assert!(send_at.as_str() >= "2026-11-24T16:50:00+08:00", "{send_at}");
    // A reminder sent before the question does not answer it.
    let before = with(serde_json::json!([{"at": "2026-11-24T14:35:00+08:00", "channel": "im"}]));
    assert_eq!(before.action, cuifu::Action::Hold);
}

// seed 002 (快速响应) and the W1 review (w28): a choice asked without a
// question mark (穿44还是45) is a question: answered now, the reminder
// after it; 还是没到 says something, it asks nothing.
#[test]
fn a_choice_between_two_is_a_question_answered_first() {
    let with = |text: &str| -> cuifu::Suggestion {
        suggest_json(json!({
            "now": "2026-04-28T19:22:00+08:00",
            "order": {"placedAt": "2026-04-28T19:15:00+08:00", "amount": 129},
            "messages": [{"from": "buyer", "text": text, "at": "2026-04-28T19:20:00+08:00"}]
        }))
    };
    let s = with("脚长27公分 穿44还是45 脚有点宽");
    assert_eq!(s.action, cuifu::Action::Hold, "{:?}", s.why);
    assert!(s.follow_up_at.is_some(), "{:?}", s.why);
    assert_ne!(with("还是没想好 晚点再说").action, cuifu::Action::Hold);
}

// The X1 review (x12): "已经付了" said before this order was placed is
// about another order: this one is still reminded after the answer.
#[test]
fn paid_said_before_the_order_was_placed_is_about_another_order() {
    let with = |said_at: &str| -> cuifu::Suggestion {
        suggest_json(json!({
            "now": "2026-03-05T11:10:00+08:00",
            "order": {"placedAt": "2026-03-05T10:50:00+08:00", "amount": 239},
            "messages": [
                {"from": "buyer", "text": "我昨天拍了那条预售的工装裤 已经付了", "at": said_at},
                {"from": "buyer", "text": "这个外套能跟它一起发吗", "at": "2026-03-05T10:58:00+08:00"}
            ]
        }))
    };
    assert!(with("2026-03-05T10:45:00+08:00").follow_up_at.is_some());
    // Said after it, the buyer means this order: no reminder planned.
    assert!(with("2026-03-05T10:55:00+08:00").follow_up_at.is_none());
}

// seed 001 活动催付: on a campaign day the waves are batch sends (软件批量催单)
// to every unpaid order; one that went out after the buyer's question did
// not answer it, so the answer goes now and the next wave follows.
#[test]
fn a_campaign_wave_does_not_answer_a_question() {
    let s = suggest_json(json!({
        "now": "2026-12-12T10:40:00+08:00",
        "order": {"placedAt": "2026-12-12T08:55:00+08:00", "amount": 399},
        "messages": [{"from": "buyer", "text": "有赠品吗？", "at": "2026-12-12T09:10:00+08:00"}],
        "reminders": [{"at": "2026-12-12T10:00:00+08:00", "channel": "im"}],
        "shop": {"gifts": ["帆布袋"], "campaign": {"name": "双12", "waves": ["10:00", "13:00"]}}
    }));
    assert_eq!(s.action, cuifu::Action::Hold, "{:?}", s.why);
    assert_eq!(
        s.follow_up_at.as_deref(),
        Some("2026-12-12T13:00:00+08:00"),
        "{:?}",
        s.why
    );
    assert!(
        s.lines.first().is_some_and(|l| l.text.contains("帆布袋")),
        "{:?}",
        s.lines
    );
}

#[test]
fn a_buyer_who_named_the_cause_gets_help_not_an_address_check() {
    // seed 000 询单: 在聊天记录里了解买家未付款的原因 and answer it; seed 001
    // 忘记密码 → 帮助买家了解找回密码的方法; 心存不满 → 态度亲切. An address
    // check would talk past what the buyer just said.
    for code in [
        R::ForgotPassword,
        R::PaymentSystemIssue,
        R::ServiceUnhappy,
        R::PriceBargain,
        R::ComparingShops,
    ] {
        let c = ctx("2026-11-24 14:00", "2026-11-24 13:40", 99.0, json!({}));
        let out = run(&c, &because(code));
        assert_eq!(out.timing.occasion, O::First, "{code:?}: {:?}", out.why);
        assert!(!out.why[0].contains("先核对"), "{code:?}: {:?}", out.why);
    }
    // No cause given: the hidden address-check reminder stays (001).
    let c = ctx("2026-11-24 14:00", "2026-11-24 13:40", 99.0, json!({}));
    assert_eq!(run(&c, &CONSULTED).timing.occasion, O::AddressCheck);
}

#[test]
fn the_last_chance_why_names_the_real_lead() {
    // seed 001 script: 20分钟如未支付,系统将关闭交易 — a flash sale closing at
    // 14:20 is reminded minutes ahead, and `why` must not claim "3 hours".
    let c = ctx(
        "2026-11-24 14:00",
        "2026-11-24 13:58",
        39.0,
        json!({"order": {"closesAt": t("2026-11-24 14:20")}}),
    );
    let out = run(&c, &SILENT);
    assert_eq!(out.timing.occasion, O::LastChance);
    assert!(out.why[0].contains("12 分钟"), "{:?}", out.why);
    assert!(!out.why[0].contains("小时"), "{:?}", out.why);
}

#[test]
fn tone_reason_matches_the_tone() {
    // seed 002 等待客服回复: answer fast. The tone sentence for a waiting
    // buyer speaks of the wait, not of anger at the service (that is
    // 心存不满, seed 001, a different reason).
    let c = ctx(
        "2026-11-24 14:00",
        "2026-11-24 13:40",
        99.0,
        json!({"locale": "zh-TW"}),
    );
    let wait = run(&c, &because(R::WaitingReply));
    assert_eq!(wait.tone, Tone::Warm);
    let said = wait.why.last().cloned().unwrap_or_default();
    assert!(said.contains("等回覆"), "{said}");
    assert!(!said.contains("情緒"), "{said}");
    // seed 004 快递到达时间随便承诺: a shipping question is no "doubt".
    let ship = run(&c, &because(R::DeliveryQuestion));
    let said = ship.why.last().cloned().unwrap_or_default();
    assert!(said.contains("出貨") && !said.contains("顧慮"), "{said}");
    let angry = run(&c, &because(R::ServiceUnhappy));
    assert!(angry.why.last().is_some_and(|w| w.contains("情緒")));
}

#[test]
fn a_big_order_with_no_new_method_says_so() {
    // seed 001 大单不要用同一种方法重复催付: when IM and phone are used and SMS
    // has no office window before the close (11:40, before the lunch break
    // of its last day), IM comes back, and `why` says so instead of
    // claiming a new method.
    let c = ctx(
        "2026-11-27 10:30",
        "2026-11-24 11:40",
        899.0,
        json!({
            "buyer": {"audience": "office"},
            "shop": {"avgOrderValue": 150, "margin": 0.4},
            "reminders": reminders(&[("2026-11-24 12:00", "im"), ("2026-11-25 11:00", "phone")]),
        }),
    );
    let out = run(&c, &SILENT);
    assert_eq!(out.channel, Channel::Im, "{:?}", out.why);
    let w = &out.why[out.why.len() - 2];
    assert!(w.contains("没有新方式"), "{w}");
    assert!(!w.contains("不重复"), "{w}");
}

#[test]
fn formal_tone_reason_fits_the_channel() {
    // seed 001 短信: 前七个字出现买家的名字; 电话: X先生/X女士 (004 称呼). The
    // tone sentence for an SMS speaks of the name first, not of 先生/女士.
    let c = ctx(
        "2026-11-24 15:00",
        "2026-11-24 09:40",
        899.0,
        json!({
            "buyer": {"audience": "office"},
            "shop": {"avgOrderValue": 150, "margin": 0.4, "maxRemindersBig": 4},
            "reminders": reminders(&[("2026-11-24 10:00", "im"), ("2026-11-24 11:00", "phone")]),
        }),
    );
    let out = run(&c, &SILENT);
    assert_eq!((out.channel, out.tone), (Channel::Sms, Tone::Formal));
    let said = out.why.last().cloned().unwrap_or_default();
    assert!(
        said.contains("称呼买家") && !said.contains("先生"),
        "{said}"
    );
}

#[test]
fn a_last_chance_moved_earlier_says_brought_forward() {
    // seed 000/003 不在早上10点前: an order closing at 09:40 gets its last
    // chance the evening before; `why` says 提前到 (earlier), never 顺延到.
    let c = ctx(
        "2026-11-25 15:00",
        "2026-11-24 09:40",
        99.0,
        json!({"reminders": reminders(&[("2026-11-24 10:00", "im")]), "shop": {"sms": false}}),
    );
    let out = run(&c, &SILENT);
    assert_eq!(out.timing.occasion, O::LastChance, "{:?}", out.why);
    assert_eq!(out.send().as_deref(), Some(t("2026-11-26 21:30").as_str()));
    assert!(
        out.why.iter().any(|w| w.contains("提前到")),
        "{:?}",
        out.why
    );
    assert!(!out.why.iter().any(|w| w.contains("顺延")), "{:?}", out.why);
}

/// The whole pipeline for a buyer who wrote `text` at `said`.
fn said(now: &str, placed: &str, said: &str, text: &str, extra: Value) -> cuifu::Suggestion {
    let mut v = json!({"messages": [{"from": "buyer", "text": text, "at": t(said)}]});
    if let (Value::Object(a), Value::Object(b)) = (&mut v, extra) {
        a.extend(b);
    }
    cuifu::suggest(&ctx(now, placed, 99.0, v)).expect("suggestion")
}

// seed 001 余额不足: 了解买家方便充值时间 — a time said as "after" (中午过后,
// after 3pm) is the earliest moment, not a deadline to remind before; the
// lunch break then moves it on (000/003).
#[test]
fn a_time_said_as_after_is_not_reminded_before() {
    for (now, placed, at, words, want) in [
        (
            "2026-11-24 21:30",
            "2026-11-24 21:00",
            "2026-11-24 21:20",
            "信用卡账单明天结 等明天中午过后再付",
            "2026-11-25 13:30",
        ),
        (
            "2026-11-24 10:30",
            "2026-11-24 10:00",
            "2026-11-24 10:20",
            "I'll pay after 3pm",
            "2026-11-24 15:00",
        ),
    ] {
        let s = said(now, placed, at, words, json!({}));
        assert_eq!(
            s.follow_up_at.as_deref(),
            Some(t(want).as_str()),
            "{words}: {:?}",
            s.why
        );
    }
}

// seed 001 余额不足: 了解买家方便充值时间,提前再次催付 — a question asked in
// the same turn as the time (周五发工资 能先留着吗) is answered by the reply to
// that time, and the reminder waits for it, not the next morning.
#[test]
fn a_time_named_beside_a_question_is_waited_for() {
    let v = json!({"messages": [
        {"from": "buyer", "text": "这个月钱花完了 周五发工资", "at": t("2026-11-24 21:08")},
        {"from": "buyer", "text": "能先帮我留着吗", "at": t("2026-11-24 21:09")},
    ]});
    let s = cuifu::suggest(&ctx("2026-11-24 21:20", "2026-11-24 21:00", 99.0, v)).unwrap();
    assert_eq!(s.send_at.as_deref(), Some(t("2026-11-24 21:20").as_str()));
    assert_eq!(
        s.follow_up_at.as_deref(),
        Some(t("2026-11-27 10:00").as_str()),
        "{:?}",
        s.why
    );
    assert!(
        s.lines.iter().all(|l| l.angle != "deadline"),
        "{:?}",
        s.lines
    );
}

// seed 001 余额不足: 了解买家方便充值时间,提前再次催付 — the time the buyer
// named, through the whole pipeline, reminded `namedTimeLeadMinutes` before.
// seed 001 了解买家方便充值时间,提前再次催付: the time the buyer says
// they pay, read as they write it — beside another day word, as a guess
// with 吧, in chat English, two weeks on, or asking to hold the order.
#[test]
fn the_time_said_with_paying_is_the_one_read() {
    // (placed, now, said, expected reminder)
    for (placed, now, text, follow) in [
        // 今天 is the rent; 明早 is when they pay.
        (
            "2026-12-08 18:30",
            "2026-12-08 18:50",
            "今天交房租把卡的日限额用完了 转不了 明早再付可以吗",
            "2026-12-09 10:00",
        ),
        // The W1 review (w04): 今晚0点到6点 is the bank's upgrade, said
        // beside 暂停快捷支付; 明早再付 is when they pay (10:00, after the
        // night).
        (
            "2026-06-02 00:18",
            "2026-06-02 00:27",
            "刚收到邮储短信 说今晚0点到6点系统升级 暂停快捷支付 那我明早再付 单子不会没了吧",
            "2026-06-02 10:00",
        ),
        // A guess with 吧 is said, not asked.
        (
            "2026-11-17 16:20",
            "2026-11-17 16:45",
            "钱就到 估计明天下午三点前吧 到了马上付",
            "2026-11-18 14:50",
        ),
        // 明天再弄 on a Friday evening: sorting it out is paying; the
        // weekend is rest (000/003), so Monday at 10:00.
        (
            "2026-11-20 18:00",
            "2026-11-20 18:20",
            "新卡在家里 我现在在外面 明天再弄行吗",
            "2026-11-23 10:00",
        ),
        // tmrw, and 11am stays in the morning.
        (
            "2026-11-24 16:30",
            "2026-11-24 16:45",
            "should be able to pay tmrw around 11am",
            "2026-11-25 10:50",
        ),
    ] {
        let s = said(now, placed, now, text, json!({}));
        assert_eq!(
            s.follow_up_at.as_deref(),
            Some(t(follow).as_str()),
            "{text}: {:?}",
            s.why
        );
    }
    // 下下周一 is the Monday after next: after a 72-hour close, a kind note.
    let s = said(
        "2026-11-20 11:05",
        "2026-11-20 10:40",
        "2026-11-20 11:05",
        "公积金提取要审核 说是下下周一到账 订单能给我留着吗",
        json!({}),
    );
    assert!(
        s.warnings
            .iter()
            .any(|w| w.code == "named_time_after_close"),
        "{:?}",
        s.warnings
    );
}

#[test]
fn a_named_time_schedules_the_reminder_shortly_before_it() {
    let s = said(
        "2026-11-24 14:36",
        "2026-11-24 14:30",
        "2026-11-24 14:35",
        "下午4点付",
        json!({}),
    );
    // Said a minute ago and not yet answered: a reply now, the reminder
    // before their time after it.
    assert_eq!(s.send_at.as_deref(), Some(t("2026-11-24 14:36").as_str()));
    assert_eq!(
        s.follow_up_at.as_deref(),
        Some(t("2026-11-24 15:50").as_str())
    );
    assert!(
        s.why.iter().any(|w| w.contains("“下午4点付”")),
        "{:?}",
        s.why
    );
    // 30 minutes with the setting.
    let s = said(
        "2026-11-24 14:36",
        "2026-11-24 14:30",
        "2026-11-24 14:35",
        "下午4点付",
        json!({"shop": {"namedTimeLeadMinutes": 30}}),
    );
    assert_eq!(
        s.follow_up_at.as_deref(),
        Some(t("2026-11-24 15:30").as_str())
    );
    // 周五 (a Friday before the close): the lead would fall before 10:00, so
    // the buyer's day at 10:00 itself (000/003: not before 10:00).
    let s = said(
        "2026-11-24 14:36",
        "2026-11-24 14:30",
        "2026-11-24 14:35",
        "周五再付",
        json!({}),
    );
    assert_eq!(
        s.follow_up_at.as_deref(),
        Some(t("2026-11-27 10:00").as_str())
    );
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    // 15号发工资 with a 30-day window: on the 15th, in allowed hours.
    let s = said(
        "2026-11-24 14:36",
        "2026-11-24 14:30",
        "2026-11-24 14:35",
        "15号发工资再付",
        json!({"shop": {"closeAfterHours": 720}}),
    );
    let at = s.follow_up_at.expect("a time");
    assert!(at.starts_with("2026-12-15T"), "{at}; {:?}", s.why);
    assert!(!s
        .warnings
        .iter()
        .any(|w| w.code == "named_time_after_close"));
    // "when" joining two clauses does not make the day a question: Friday
    // 2026-11-27 evening, paid on Monday, reminded Monday at 10:00.
    let s = said(
        "2026-11-27 19:30",
        "2026-11-27 19:00",
        "2026-11-27 19:10",
        "will pay monday when i get paid lol",
        json!({}),
    );
    assert_eq!(
        s.follow_up_at.as_deref(),
        Some(t("2026-11-30 10:00").as_str()),
        "{:?}",
        s.why
    );
}

#[test]
fn a_time_said_as_a_moment_of_the_day_schedules_the_reminder_before_it() {
    // seed 001 了解买家方便付款时间，提前再次催付: "when I get home", "after
    // dinner like 8ish" name an evening hour; the reminder comes shortly
    // before it, not at the last hour before quiet time.
    for (text, when) in [
        ("开车呢 到家再付哈", "2026-11-24 18:50"),
        ("ill pay after dinner", "2026-11-24 19:50"),
        ("ill pay like 8ish", "2026-11-24 19:50"),
        ("吃完晚饭付", "2026-11-24 19:50"),
        ("晚上等娃睡了我再付", "2026-11-24 20:50"),
        // The hour in a short clause after the paying.
        ("I'll pay after the gym, like 8pm", "2026-11-24 19:50"),
    ] {
        let s = said(
            "2026-11-24 17:25",
            "2026-11-24 17:05",
            "2026-11-24 17:08",
            text,
            json!({}),
        );
        assert_eq!(
            s.follow_up_at.as_deref(),
            Some(t(when).as_str()),
            "{text}: {:?}",
            s.why
        );
    }
}

// seed 001 了解买家方便充值时间 + seed 004 three-day close: a payday after the
// close warns, the plan says so kindly, and the top line asks whether paying
// before the close suits them, without quoting words the buyer did not say.
#[test]
fn a_named_time_after_the_close_is_answered_kindly() {
    for (locale, word) in [("zh-CN", "方便"), ("zh-TW", "方便"), ("en", "order again")] {
        let s = said(
            "2026-11-24 14:36",
            "2026-11-24 14:30",
            "2026-11-24 14:35",
            "15号发工资再付",
            // The lines follow the buyer's language: set it, as a shop would
            // for a buyer it knows.
            json!({"locale": locale, "buyer": {"locale": locale}}),
        );
        assert!(
            s.warnings
                .iter()
                .any(|w| w.code == "named_time_after_close"),
            "{locale}: {:?}",
            s.warnings
        );
        assert_eq!(s.action, SendNow, "{locale}: {:?}", s.why);
        assert!(s.why[0].contains("15号发工资再付"), "{locale}: {:?}", s.why);
        let top = &s.lines[0];
        // The line for a time after the close: the shop's own (`ib.late`, for
        // money) or the general one (`named_late`).
        assert!(
            top.template_id.ends_with("named_late") || top.template_id == "ib.late",
            "{locale}: {top:?}"
        );
        assert_eq!(top.angle, "deadline", "{locale}: {top:?}");
        assert!(top.text.contains(word), "{locale}: {}", top.text);
        assert_eq!(s.lint_pressure(), 0, "{locale}: {}", top.text);
    }
}

trait Pressure {
    fn lint_pressure(&self) -> usize;
}

impl Pressure for cuifu::Suggestion {
    /// Lint findings of the top line (pressure, promises, extreme words).
    fn lint_pressure(&self) -> usize {
        cuifu::lint(&self.lines[0].text, &cuifu::LintOptions::default())
            .expect("lint")
            .len()
    }
}

// seed 001 活动催付: 上午10点第一波, 下午1点第二波 — after an IM in the first
// wave the next reminder is the second wave (not the evening last chance);
// a big order is called within a wave and never gets the same method twice.
#[test]
fn campaign_reminders_follow_the_waves() {
    let shop = json!({"campaign": {"name": "双11", "waves": ["10:00", "13:00"], "dates": ["2026-11-11"]},
                      "closeAfterHours": 24, "avgOrderValue": 100, "margin": 0.4});
    let mut extra = json!({"shop": shop, "reminders": reminders(&[("2026-11-11 10:00", "im")])});
    let c = ctx("2026-11-11 10:05", "2026-11-11 00:20", 99.0, extra.clone());
    let out = run(&c, &SILENT);
    assert_eq!(out.send().as_deref(), Some(t("2026-11-11 13:00").as_str()));
    assert_eq!(out.timing.occasion, O::CampaignWave, "{:?}", out.why);
    assert_eq!(out.channel, Channel::Im);
    // A big order (899 ≥ 2 × 100): the second wave by phone.
    let c = ctx("2026-11-11 10:05", "2026-11-11 00:20", 899.0, extra.clone());
    let out = run(&c, &SILENT);
    assert_eq!(out.send().as_deref(), Some(t("2026-11-11 13:00").as_str()));
    assert_eq!(out.channel, Channel::Phone, "{:?}", out.why);
    // Called in the first wave: the second wave is not a second call.
    extra["reminders"] = reminders(&[("2026-11-11 10:00", "phone")]);
    let c = ctx("2026-11-11 10:05", "2026-11-11 00:20", 899.0, extra);
    let out = run(&c, &SILENT);
    assert_eq!(out.send().as_deref(), Some(t("2026-11-11 13:00").as_str()));
    assert_ne!(out.channel, Channel::Phone, "{:?}", out.why);
}

// seed 001 匹配工具: IM is missed while the buyer is offline; SMS reaches
// them, at the seed's times (office workers at lunch or before leaving work,
// students and others before 22:00), never for a shop without SMS.
#[test]
fn sms_follows_an_unanswered_im() {
    let im = reminders(&[("2026-11-24 14:40", "im")]);
    let go = |now: &str, extra: Value| -> (Channel, Option<String>, Vec<String>) {
        let mut v = json!({"reminders": im.clone()});
        if let (Value::Object(a), Value::Object(b)) = (&mut v, extra) {
            a.extend(b);
        }
        let s = cuifu::suggest(&ctx(now, "2026-11-24 14:30", 99.0, v)).expect("suggestion");
        (s.channel, s.send_at, s.why)
    };
    // Offline since yesterday's IM: the last reminder goes by SMS in the
    // earliest fitting slot (students and others: now, before 22:00), not
    // held to the last hours before the close, and in a calm tone.
    let (ch, at, why) = go("2026-11-25 15:00", json!({}));
    assert_eq!(ch, Channel::Sms, "{why:?}");
    assert_eq!(at.as_deref(), Some(t("2026-11-25 15:00").as_str()));
    assert!(why.iter().any(|w| w.contains("改发短信")), "{why:?}");
    assert!(!why.iter().any(|w| w.contains("最后一次")), "{why:?}");
    // An office worker: before leaving work today (001 上班族 午休、下班前).
    let (ch, at, _) = go("2026-11-25 15:00", json!({"buyer": {"audience": "office"}}));
    assert_eq!(ch, Channel::Sms);
    assert_eq!(at.as_deref(), Some(t("2026-11-25 17:00").as_str()));
    // Before noon: the lunch slot of the same day, not a later one.
    let (ch, at, _) = go("2026-11-25 11:40", json!({"buyer": {"audience": "office"}}));
    assert_eq!(ch, Channel::Sms);
    assert_eq!(at.as_deref(), Some(t("2026-11-25 12:00").as_str()));
    // A third reminder allowed: the follow-up goes once 3 h have passed.
    let (ch, at, why) = go("2026-11-24 15:00", json!({"shop": {"maxReminders": 3}}));
    assert_eq!(ch, Channel::Sms, "{why:?}");
    assert_eq!(at.as_deref(), Some(t("2026-11-24 17:40").as_str()));
    // The setting: 5 h.
    let (_, at, _) = go(
        "2026-11-24 15:00",
        json!({"shop": {"maxReminders": 3, "smsAfterHours": 5}}),
    );
    assert_eq!(at.as_deref(), Some(t("2026-11-24 19:40").as_str()));
    // The buyer wrote after the IM: not unanswered, IM again.
    let wrote =
        json!({"messages": [{"from": "buyer", "text": "好的", "at": t("2026-11-24 15:10")}]});
    assert_eq!(go("2026-11-25 15:00", wrote).0, Channel::Im);
    // A shop without SMS never sends one, nor does any shop to a buyer who
    // opted out (回T退订).
    for no in [
        json!({"shop": {"sms": false}}),
        json!({"buyer": {"smsOptOut": true}}),
    ] {
        assert_eq!(go("2026-11-25 15:00", no).0, Channel::Im);
    }
    assert_eq!(
        go("2026-11-25 15:00", json!({"buyer": {"smsOptOut": false}})).0,
        Channel::Sms
    );
}

// seed 001 大单不要用同一种方法重复催付: a big order that had IM and a call,
// in a shop without SMS, has no method left.
#[test]
fn a_big_order_without_sms_stops_when_im_and_phone_are_used() {
    let extra = json!({
        "shop": {"avgOrderValue": 80, "margin": 0.4, "sms": false, "maxRemindersBig": 5},
        "reminders": reminders(&[("2026-11-24 14:40", "im"), ("2026-11-24 17:00", "phone")])
    });
    let s = cuifu::suggest(&ctx(
        "2026-11-25 10:00",
        "2026-11-24 14:30",
        263.0,
        extra.clone(),
    ))
    .expect("suggestion");
    assert_eq!(s.action, Stop, "{:?}", s.why);
    let mut with_sms = extra;
    with_sms["shop"]["sms"] = json!(true);
    let s = cuifu::suggest(&ctx(
        "2026-11-25 10:00",
        "2026-11-24 14:30",
        263.0,
        with_sms,
    ))
    .expect("suggestion");
    assert_eq!(s.channel, Channel::Sms, "{:?}", s.why);
}

// seed 000/003 休息日不催付 vs seed 001 下午单当日17点前: a Saturday 14:30
// order waits for Monday 10:00 (before the close on Tuesday), and the why
// says the rest day moved it, not that 17:00 was missed; when the order
// closes before Monday, the rest day gives way (the least-bad moment).
#[test]
fn rest_days_never_push_the_first_reminder_past_the_close() {
    let s = cuifu::suggest(&ctx(
        "2026-11-28 14:31",
        "2026-11-28 14:30",
        99.0,
        json!({}),
    ))
    .expect("suggestion");
    assert_eq!(s.send_at.as_deref(), Some(t("2026-11-30 10:00").as_str()));
    assert!(s.send_at.as_deref() < Some(s.closes_at.as_str()));
    assert!(s.why.iter().all(|w| !w.contains("来不及")), "{:?}", s.why);
    assert!(
        s.why.iter().any(|w| w.contains("休息日不打扰")),
        "{:?}",
        s.why
    );
    let s = cuifu::suggest(&ctx(
        "2026-11-28 14:31",
        "2026-11-28 14:30",
        99.0,
        json!({"shop": {"closeAfterHours": 24}}),
    ))
    .expect("suggestion");
    assert_eq!(s.send_at.as_deref(), Some(t("2026-11-28 14:40").as_str()));
    assert!(s.warnings.iter().any(|w| w.code == "no_allowed_time"));
    // Really too late (the agent looks at 17:30): then it says so.
    let s = cuifu::suggest(&ctx(
        "2026-11-24 17:30",
        "2026-11-24 14:30",
        99.0,
        json!({}),
    ))
    .expect("suggestion");
    assert!(s.why.iter().any(|w| w.contains("来不及")), "{:?}", s.why);
}

// The headline says 发送 for a first reminder and 再发 only for a repeat.
#[test]
fn is_repeat_tells_a_first_reminder_from_a_repeat() {
    let first = cuifu::suggest(&ctx(
        "2026-11-24 14:31",
        "2026-11-24 14:30",
        99.0,
        json!({}),
    ))
    .expect("suggestion");
    assert!(!first.is_repeat);
    let again = cuifu::suggest(&ctx(
        "2026-11-24 17:00",
        "2026-11-24 14:30",
        99.0,
        json!({"reminders": reminders(&[("2026-11-24 14:40", "im")])}),
    ))
    .expect("suggestion");
    assert!(again.is_repeat);
}

#[test]
fn sms_settings_are_checked() {
    let err = |shop: Value| {
        let e = cuifu::suggest(&ctx(
            "2026-11-24 14:31",
            "2026-11-24 14:30",
            99.0,
            json!({"shop": shop}),
        ))
        .expect_err("invalid");
        (e.code().to_string(), e.path().to_string())
    };
    for v in [json!(-1), json!(1000)] {
        let (code, path) = err(json!({"smsAfterHours": v}));
        assert_eq!(
            (code.as_str(), path.as_str()),
            ("invalid_value", "shop.smsAfterHours")
        );
    }
}

// domain.md "the last-chance reminder lands a few hours before the close
// inside allowed hours" (004 three-day close, 000/003 not before 10:00): an
// order closing at 10:41 is reminded the evening before, not at 10:00 with
// 41 minutes left — and no line then says "还有41分钟".
#[test]
fn the_last_chance_leaves_hours_not_minutes() {
    let chat = json!({"messages": [
        {"from": "buyer", "text": "卡里钱不够", "at": t("2026-11-24 10:43")},
        {"from": "agent", "text": "可以的亲,给您留着哦~", "at": t("2026-11-24 10:45")}
    ]});
    let s = cuifu::suggest(&ctx("2026-11-24 11:05", "2026-11-24 10:41", 99.0, chat))
        .expect("suggestion");
    assert_eq!(s.reason.code, R::InsufficientBalance);
    assert_eq!(s.send_at.as_deref(), Some(t("2026-11-26 21:30").as_str()));
    assert!(
        s.lines.iter().all(|l| !l.text.contains("分钟")),
        "{:?}",
        s.lines
    );
    // Closing at 12:41, 10:00 still leaves 2 h 41 min: remind then.
    let c = ctx(
        "2026-11-24 15:00",
        "2026-11-24 12:41",
        99.0,
        json!({"reminders": reminders(&[("2026-11-24 12:51", "im")]), "shop": {"sms": false}}),
    );
    let out = run(&c, &SILENT);
    assert_eq!(out.send().as_deref(), Some(t("2026-11-27 10:00").as_str()));
    assert_eq!(out.timing.occasion, O::LastChance);
}

// seed 001 结果备注: the remark names what was done, once.
#[test]
fn remark_for_a_time_after_the_close() {
    let s = said(
        "2026-11-24 14:36",
        "2026-11-24 14:30",
        "2026-11-24 14:35",
        "15号发工资再付",
        json!({}),
    );
    assert!(s.remark.contains("问能否关单前付款"), "{}", s.remark);
    assert!(!s.remark.contains("关单提醒"), "{}", s.remark);
}

/// The half-width marks a Chinese `why` must not hold outside the buyer's
/// quoted words (“…”, 「…」) and clock times (13:30): professional Chinese
/// text uses ，。：？！；.
fn half_width(s: &str) -> Option<char> {
    let chars: Vec<char> = s.chars().collect();
    let mut quoted = false;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '“' | '「' => quoted = true,
            '”' | '」' => quoted = false,
            _ if quoted => {}
            ':' => {
                let digit = |j: Option<usize>| {
                    j.and_then(|j| chars.get(j))
                        .is_some_and(|c| c.is_ascii_digit())
                };
                if !(digit(i.checked_sub(1)) && digit(Some(i + 1))) {
                    return Some(c);
                }
            }
            ',' | '?' | '!' | ';' => return Some(c),
            _ => {}
        }
    }
    None
}

/// Every fixture at several moments (open questions at night, rest days,
/// reminders sent, the buyer waiting), in each locale.
fn why_sweep(locale: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir("tests/fixtures")
        .expect("tests/fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).expect("fixture");
        let base: Value = serde_json::from_str(&text).expect("fixture json");
        for (now, sent) in [
            (None, false),
            (Some("2026-11-24 23:40"), false),
            (Some("2026-11-28 12:10"), true),
            (Some("2026-11-25 11:40"), true),
        ] {
            let mut v = base.clone();
            v["locale"] = json!(locale);
            if let Some(n) = now {
                v["now"] = json!(t(n));
                v["order"]["placedAt"] = json!(t("2026-11-24 09:30"));
                v.as_object_mut().map(|o| o.remove("closesAt"));
                if let Some(o) = v["order"].as_object_mut() {
                    o.remove("closesAt");
                }
            }
            if sent {
                v["reminders"] = reminders(&[("2026-11-24 10:00", "im")]);
            }
            let Ok(c) = serde_json::from_value::<cuifu::ChatContext>(v) else {
                continue;
            };
            if let Ok(s) = cuifu::suggest(&c) {
                out.extend(s.why);
            }
        }
    }
    out
}

// Issue: professional Chinese scripts use full-width punctuation (seed 001
// writes its sample lines half-width; the lint flags that): every Chinese
// `why` sentence is written with ，：；？！.
#[test]
fn chinese_why_is_full_width() {
    for locale in ["zh-CN", "zh-TW"] {
        let why = why_sweep(locale);
        assert!(why.len() > 100, "{locale}: {} sentences", why.len());
        for w in &why {
            assert_eq!(half_width(w), None, "{locale}: {w}");
        }
    }
    assert_eq!(half_width("买家说“好的,明天”:10:00 提醒。"), Some(':'));
    assert_eq!(half_width("买家说“好的,明天”：10:00 提醒。"), None);
}

// A reader of the English `why` may not sit in the shop's time zone: every
// moment it names carries the zone.
#[test]
fn english_why_names_the_time_zone() {
    let why = why_sweep("en");
    let timed: Vec<&String> = why
        .iter()
        .filter(|w| {
            w.contains("tomorrow")
                || w.contains("Send at")
                || w.contains("moved to")
                || w.contains("closes at")
                || w.contains("in waves")
        })
        .collect();
    assert!(timed.len() > 10, "{why:?}");
    for w in timed {
        assert!(w.contains("UTC+8)"), "{w}");
    }
}

/// The send moment and the reminder planned after a reply.
fn moments(out: &Out) -> (Option<String>, Option<String>) {
    let f = out.timing.follow_up.map(cuifu::core::input::format_time);
    (out.send(), f)
}

// Seeds 000/003 (千万不要在早上10钟前、午休时间、休息日里进行催付) keep rest time
// for reminders (催付); seed 002 answers a waiting buyer fast. A buyer who
// complains or asks for help gets the reply now, in the lunch break too, and
// the reminder after it keeps every rule.
#[test]
fn a_waiting_buyer_is_answered_now() {
    // (now, the buyer's words and when, reason, shop, action, reply, reminder)
    let cases = [
        // An angry buyer at 12:10: reply now, the reminder after lunch and the gap.
        (
            ("2026-11-24 12:10", "问了一上午没人理", "2026-11-24 11:58"),
            R::ServiceUnhappy,
            json!({}),
            SendNow,
            ("2026-11-24 12:10", "2026-11-24 14:10"),
        ),
        // A forgotten password on a Saturday night: help now, remind on Monday.
        (
            ("2026-11-21 23:30", "密码忘了", "2026-11-21 23:20"),
            R::ForgotPassword,
            json!({}),
            SendNow,
            ("2026-11-21 23:30", "2026-11-23 10:00"),
        ),
        // Online banking down for maintenance at night (001 支付宝网银升级:
        // 了解升级完成时间，主动告知顾客): answered now, checked on the next
        // morning from 10:00, before the close.
        (
            (
                "2026-11-23 21:40",
                "网银在升级 凌晨两点后才能用",
                "2026-11-23 21:32",
            ),
            R::PaymentSystemIssue,
            json!({}),
            SendNow,
            ("2026-11-23 21:40", "2026-11-24 10:00"),
        ),
        // A payment that keeps failing (001 付款遇到问题): help now, a later
        // check-in, the gap after the help (20:30 + 2 h is quiet time).
        (
            ("2026-11-23 20:30", "付款一直失败", "2026-11-23 20:12"),
            R::PaymentTrouble,
            json!({}),
            SendNow,
            ("2026-11-23 20:30", "2026-11-24 10:00"),
        ),
        // shop.answerAtNight false: the reply waits for quietBefore (the
        // weekend does not delay it), the reminder the gap later.
        (
            ("2026-11-21 23:30", "密码忘了", "2026-11-21 23:20"),
            R::ForgotPassword,
            json!({"answerAtNight": false}),
            Schedule,
            ("2026-11-22 10:00", "2026-11-23 10:00"),
        ),
    ];
    for ((now, text, at), code, shop, action, (reply, follow)) in cases {
        let c = ctx(
            now,
            "2026-11-21 20:20",
            99.0,
            json!({"shop": shop, "messages": [{"from": "buyer", "text": text, "at": t(at)}]}),
        );
        let out = run(&c, &because(code));
        assert_eq!(out.timing.action, action, "{:?}", out.why);
        assert!(out.timing.reply);
        assert_eq!(
            moments(&out),
            (Some(t(reply)), Some(t(follow))),
            "{:?}",
            out.why
        );
    }
    // The agent spoke last: nobody is waiting, the usual rules hold.
    let c = ctx(
        "2026-11-24 12:10",
        "2026-11-24 09:20",
        99.0,
        json!({"messages": [
            {"from": "buyer", "text": "密码忘了", "at": t("2026-11-24 11:50")},
            {"from": "agent", "text": "在支付宝里点忘记密码就能找回哦", "at": t("2026-11-24 11:55")}
        ]}),
    );
    let out = run(&c, &because(R::ForgotPassword));
    assert!(!out.timing.reply && out.timing.follow_up.is_none());
    assert_eq!(out.send().as_deref(), Some(t("2026-11-24 13:30").as_str()));
}

// Seed 000 (不要咄咄逼人, don't force the buyer): a buyer thinking it over
// gets space, shop.hesitationHours (default 3) after they said so.
#[test]
fn hesitation_gets_space() {
    let thinking = json!({"messages": [
        {"from": "buyer", "text": "我再想想", "at": t("2026-12-07 14:50")}
    ]});
    let at = |extra: Value| {
        let mut v = thinking.clone();
        if let (Value::Object(a), Value::Object(b)) = (&mut v, extra) {
            a.extend(b);
        }
        let c = ctx("2026-12-07 15:10", "2026-12-07 14:30", 99.0, v);
        run(&c, &because(R::ChangedMind)).send()
    };
    assert_eq!(at(json!({})), Some(t("2026-12-07 17:50")));
    assert_eq!(
        at(json!({"shop": {"hesitationHours": 1}})),
        Some(t("2026-12-07 15:50"))
    );
    // Space that runs into the night: the next allowed moment.
    assert_eq!(
        at(json!({"shop": {"hesitationHours": 8}})),
        Some(t("2026-12-08 10:00"))
    );
    for v in [json!(-1), json!(73)] {
        let e = cuifu::suggest(&ctx(
            "2026-11-24 14:31",
            "2026-11-24 14:30",
            99.0,
            json!({"shop": {"hesitationHours": v}}),
        ))
        .expect_err("out of range");
        assert_eq!(
            (e.code(), e.path()),
            ("invalid_value", "shop.hesitationHours")
        );
    }
    // Once reminded, a buyer still not wanting it is left alone (000), and a
    // stop never plans a later reminder.
    let c = ctx(
        "2026-12-07 18:10",
        "2026-12-07 14:30",
        99.0,
        json!({"reminders": reminders(&[("2026-12-07 17:50", "im")])}),
    );
    let out = run(&c, &because(R::ChangedMind));
    assert_eq!(out.timing.action, Stop);
    assert_eq!((out.send(), out.timing.follow_up), (None, None));
}

// Seed 001 活动催付 (上午10点第一波, 下午1点第二波): a campaign the shop set
// without dates runs on a Saturday too (12.12 in 2026): after an IM in the
// 10:00 wave the next reminder is the 13:00 wave, not an SMS days later.
#[test]
fn the_next_reminder_goes_to_the_next_wave() {
    let s = cuifu::suggest(&ctx(
        "2026-12-12 10:40",
        "2026-12-12 08:55",
        99.0,
        json!({
            "reminders": reminders(&[("2026-12-12 10:00", "im")]),
            "shop": {"campaign": {"name": "12.12", "waves": ["10:00", "13:00"]}}
        }),
    ))
    .expect("suggestion");
    assert_eq!(s.send_at, Some(t("2026-12-12 13:00")), "{:?}", s.why);
    assert_eq!(s.channel, Channel::Im, "{:?}", s.why);
}
