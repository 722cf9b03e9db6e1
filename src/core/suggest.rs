//! The pipeline for one checked input: the reason, the timing, the channel
//! and tone, the lines, and the remark.

use super::error::Error;
use super::explain;
use super::input::{self, format_time, Input};
use super::lines;
use super::model::*;
use super::plan;
use super::reason;
use super::timing;

/// Why, when and over which channel: what ranking orders needs, without
/// the lines.
pub(crate) struct Decision {
    pub analysis: reason::Analysis,
    pub timing: timing::Timing,
    pub channel: Channel,
    pub channel_why: String,
}

/// The reason, the timing and the channel (which can move the moment into
/// an SMS window).
pub(crate) fn decide(input: &Input) -> Decision {
    let analysis = reason::analyze(input);
    let mut timing = timing::plan(input, &analysis);
    let (channel, channel_why) = plan::channel(input, &analysis, &mut timing);
    Decision {
        analysis,
        timing,
        channel,
        channel_why,
    }
}

/// The suggestion for a checked input.
pub(crate) fn suggest_input(input: &Input) -> Result<Suggestion, Error> {
    let Decision {
        analysis,
        mut timing,
        channel,
        channel_why,
    } = decide(input);
    let (tone, tone_why) = plan::tone(input, &analysis, &timing, channel);
    let req = lines::Request {
        input,
        reason: analysis.reason.code,
        channel,
        tone,
        analysis: &analysis,
        timing: &timing,
    };
    let lines = if timing.action != Action::Stop {
        lines::candidates(&req)?
    } else {
        let im = lines::Request {
            channel: Channel::Im,
            ..req
        };
        // 000: a buyer who changed their mind still gets a polite goodbye
        // that leaves the door open.
        let goodbye = |r: &lines::Request| -> Result<Vec<Line>, Error> {
            Ok(lines::candidates(r)?
                .into_iter()
                .filter(|l| l.angle == "door_open")
                .collect())
        };
        // The buyer wrote since the agent last did: there is something to answer.
        let buyer_wrote = input
            .since_agent()
            .iter()
            .any(|m| m.from == crate::core::model::Role::Buyer);
        // The buyer declined since the agent last wrote.
        let since = input.since_agent().first().map_or(usize::MAX, |m| m.index);
        let declined_now = analysis.signals.declined.is_some_and(|d| d >= since);
        match timing.stop {
            // still deciding tbh, will let you know: take your time, no
            // more reminders (000: don't force the buyer).
            Some(timing::Stop::ChangedMind | timing::Stop::Deciding) => goodbye(&im)?,
            // 这单不用管了 别再发消息了: one thank-you to what they just said,
            // then nothing more.
            // 面试挂了 不要了 别再发了: a decline since the agent last wrote
            // is answered the same way, never with "pay when it suits you".
            Some(timing::Stop::Asked)
                if analysis.reason.code == ReasonCode::ChangedMind || declined_now =>
            {
                goodbye(&im)?
            }
            // 你们有完没完 再催就不要了: the buyer who asked for no more
            // reminders, and wrote since the agent last did, gets an apology
            // and the word that no more will come (000: 顾及买家情绪).
            // A wish the agent already acknowledged (别催了 … 好的不打扰您了)
            // and a question since: the answer alone (stop.answer).
            Some(timing::Stop::Asked) if buyer_wrote => {
                let acknowledged = analysis.signals.stop_request.is_some_and(|s| s < since);
                let (after, sorry): (Vec<Line>, Vec<Line>) = lines::sorry(&im)?
                    .into_iter()
                    .partition(|l| l.template_id == "stop.answer");
                if acknowledged && !after.is_empty() {
                    after
                } else {
                    sorry
                }
            }
            // 刚付了: the buyer who says they paid is thanked (000: 感谢);
            // 拍错了 不要了 after paying is after-sales, not a thank-you.
            // A decline the agent already answered (先不要了 … 还是没忍住
            // 刚付了) is taken back by the payment.
            Some(timing::Stop::Paid)
                if buyer_wrote
                    && analysis.reason.code != ReasonCode::ServiceUnhappy
                    && !declined_now
                    && analysis.signals.stop_request.is_none() =>
            {
                // paid.answer speaks only when it answers: a slot from a
                // paid buyer's chatter (哈哈还是没忍住) is no thank-you; a
                // slot for a question (贺卡能帮我写…吗) is the agent's to fill.
                lines::thanks(&im)?
                    .into_iter()
                    .filter(|l| !(l.template_id == "paid.answer" && chatter_slot(&l.text)))
                    .collect()
            }
            // 我那个订单怎么没了 还能付吗: the buyer who writes after the
            // order closed is told so, and how to order again (000: 体谅).
            Some(timing::Stop::Closed)
                if buyer_wrote
                    && analysis.reason.code != ReasonCode::ChangedMind
                    && analysis.signals.declined.is_none()
                    && analysis.signals.stop_request.is_none() =>
            {
                lines::reorder(&im)?
            }
            _ => Vec::new(),
        }
    };
    if !input.settings.follow_up_open_answer
        && lines
            .first()
            .is_some_and(|l| lines::answer::has_question_slot(&l.text))
    {
        timing::wait_for_answer(&mut timing, input.locale);
    }
    let remark = explain::remark(input, &analysis, &timing, channel, &lines);
    let mut why = timing.why;
    if timing.action != Action::Stop {
        why.push(channel_why);
        why.push(tone_why);
    }
    // The note from reading the input comes first.
    let mut warnings = timing.warnings;
    if input.utc_times {
        warnings.insert(0, input::utc_note());
    }
    Ok(Suggestion {
        action: timing.action,
        send_at: timing.send_at.map(format_time),
        follow_up_at: timing.follow_up.map(format_time),
        closes_at: format_time(timing.closes_at),
        reason: analysis.reason,
        channel,
        tone,
        lines,
        warnings,
        why,
        remark,
        is_repeat: !input.reminders.is_empty(),
    })
}

/// Whether a line holds a slot for words that ask nothing plainly (哈哈
/// 还是没忍住), not for a question (贺卡能帮我写吗, can you gift wrap it?).
fn chatter_slot(text: &str) -> bool {
    text.split('【').skip(1).any(|rest| {
        let slot = rest.split('】').next().unwrap_or("");
        ![
            "吗",
            "嗎",
            "?",
            "？",
            "能不能",
            "可不可以",
            "有没有",
            "有沒有",
        ]
        .iter()
        .any(|w| slot.contains(w))
    })
}
