//! The 结果备注 remark: what the agent notes on the order after the
//! suggestion (sentences from [`say`](super::say)).

use super::clock;

use super::input::Input;
use super::model::{Action, Channel, Line, Locale, ReasonCode};
use super::reason::Analysis;
use super::say::*;
use super::timing::{Occasion, Stop, Timing};

/// Occasion names, in the order of `Occasion`.
const OCCASIONS: &str = "\
首次提醒||first reminder\n\
核对地址|核對地址|address check\n\
再次跟进|再次跟進|follow-up\n\
关单前提醒|關單前提醒|last-chance reminder\n\
活动波次|活動波次|campaign wave\n\
按约定时间提醒|按約定時間提醒|at the buyer's time\n\
回应买家说的付款时间|回應買家說的付款時間|reply to the buyer's time\n\
答疑||answer\n\
问能否关单前付款|問能否關單前付款|ask about paying before the close\n\
||";

fn occasion_name(o: Occasion, loc: Locale) -> &'static str {
    row(OCCASIONS, o as usize, loc)
}

/// Angle names: `angle|zh-CN|zh-TW|en`.
const ANGLES: &str = "\
help|付款帮助|付款協助|payment help\n\
benefit|优惠说明|優惠說明|offer\n\
deadline|关单提醒|關單提醒|close time\n\
check|核对地址|核對地址|address check\n\
answer|答疑||answer\n\
door_open|礼貌留客|禮貌留客|door left open\n\
sorry|致歉收手|致歉收手|apology, no more reminders";

fn angle_name(angle: &str, loc: Locale) -> &'static str {
    for i in 0..7 {
        let r = part(ANGLES, '\n', i);
        if let Some(rest) = r.strip_prefix(angle).and_then(|x| x.strip_prefix('|')) {
            return t3(loc, rest);
        }
    }
    ""
}

/// The short label of why nothing is sent, for the remark.
fn stop_name(stop: Stop, loc: Locale) -> String {
    let (row, n) = match stop {
        Stop::Paid => ("已付款||paid", 0),
        Stop::Closed => ("订单已关闭|~|order closed", 0),
        Stop::Asked => (
            "买家要求别再联系|買家要求別再聯繫|buyer asked for no contact",
            0,
        ),
        Stop::ChangedMind => ("买家不想要了|~|buyer changed their mind", 0),
        Stop::Cap(n) => ("已催 {} 次，到上限||reminded {} times, the cap", n),
        Stop::Methods => (
            "大单各方式都已催过|~|every method used for this big order",
            0,
        ),
        Stop::Deciding => ("买家还在考虑|買家還在考慮|buyer still deciding", 0),
    };
    trf(loc, row, &[&n.to_string()])
}

/// The 结果备注 line to record on the order, e.g.
/// `11/24 14:30 旺旺催付（第1次）：买家议价，核对地址 + 优惠说明；待付款`.
pub fn remark(
    input: &Input,
    analysis: &Analysis,
    timing: &Timing,
    channel: Channel,
    lines: &[Line],
) -> String {
    let loc = input.locale;
    let at = timing.send_at.unwrap_or(input.now);
    let stamp = [&md(&at), " ", &hms(clock::sod(&at))].concat();
    let reason =
        if analysis.reason.code == ReasonCode::ChangedMind && analysis.signals.declined.is_none() {
            t3(loc, "还在考虑|還在考慮|thinking it over")
        } else {
            reason_name(analysis.reason.code, loc)
        };
    if timing.action == Action::Stop {
        let why = timing.stop.map(|s| stop_name(s, loc)).unwrap_or_default();
        return trf(loc, "{} 停止催付：{}||{} no reminder: {}", &[&stamp, &why]);
    }
    // An answer, or a reply to a buyer waiting for one: not a reminder yet.
    if timing.action == Action::Hold || timing.reply {
        return trf(
            loc,
            "{} 先答复买家（{}），再轻轻提醒付款；待付款|{} 先回覆買家（{}），再輕輕提醒付款；待付款|{} answer the buyer first ({}), then a gentle reminder; awaiting payment",
            &[&stamp, reason],
        );
    }
    let mut what = occasion_name(timing.occasion, loc).to_string();
    if let Some(l) = lines.first() {
        let a = angle_name(&l.angle, loc);
        let same = matches!(
            (timing.occasion, l.angle.as_str()),
            (Occasion::LastChance | Occasion::NamedAfterClose, "deadline")
                | (Occasion::Answer, "answer")
        );
        if !a.is_empty() && a != what.as_str() && !same {
            what.push_str(" + ");
            what.push_str(a);
        }
    }
    let n = (input.reminders.len() + 1).to_string();
    let ch = channel_name(channel, loc);
    trf(
        loc,
        "{} {}催付（第{}次）：{}，{}；待付款||{} {} reminder #{}: {}; {}; awaiting payment",
        &[&stamp, ch, &n, reason, &what],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn angles_are_named() {
        assert_eq!(angle_name("door_open", Locale::ZhCn), "礼貌留客");
        assert_eq!(angle_name("shop", Locale::ZhCn), "");
    }
}
