//! A buyer waiting for a reply gets it now (seed 002); quiet hours, the lunch
//! break and rest days are for reminders (000/003), so the reminder after it
//! keeps them. A hesitating buyer gets space first (000).

use super::*;
use crate::core::input::Msg;

/// The buyer wrote last, after the last reminder, with a request or a
/// complaint the agent has not answered (help with paying, a wait, the
/// service, the wrong variant ordered): the reply cannot wait for rest time.
pub(super) fn waits_for_reply(input: &Input, analysis: &Analysis) -> bool {
    use ReasonCode as R;
    (matches!(
        analysis.reason.code,
        R::ForgotPassword
            | R::PaymentTrouble
            | R::PaymentSystemIssue
            | R::NoviceBuyer
            | R::WaitingReply
            | R::ServiceUnhappy
    ) || analysis.reason.code == R::ChangedMind && analysis.signals.said.redo)
        && buyer_last_at(input).is_some()
}

/// The buyer's last word, after the last reminder and not yet answered,
/// names a time for paying that is still ahead and before the close
/// (好的 等我15号发工资再付): the agent says it suits them now, and the
/// reminder goes shortly before that time. A time after the close has its
/// own reply (`NamedAfterClose`).
pub(super) fn named_unanswered(input: &Input, analysis: &Analysis, close: Time) -> bool {
    named_last(input, analysis).is_some_and(|at| at < close)
}

/// The time the buyer named in their last turn (their messages since the
/// agent last wrote, the last one after the last reminder), not yet answered, when it is still ahead (before or after the close).
/// A question asked in the same breath (周五发工资 能先留着吗) is answered by
/// the reply to that time, not as an open question.
pub(super) fn named_last(input: &Input, analysis: &Analysis) -> Option<Time> {
    let nt = analysis.signals.named_time.as_ref()?;
    buyer_last(input)?;
    // The buyer's last turn: their messages since anyone else wrote.
    let in_turn = input
        .messages
        .iter()
        .rev()
        .take_while(|m| m.from != Role::Agent)
        .any(|m| m.from == Role::Buyer && m.index == nt.message_index);
    (nt.at > input.now && in_turn).then_some(nt.at)
}

/// When the buyer's own word, the last of the chat and later than the last
/// reminder, was written (`now` when it has no time); `None` when the agent
/// spoke last.
pub(super) fn buyer_last_at(input: &Input) -> Option<Time> {
    buyer_last(input).map(|(_, at)| at)
}

/// The buyer's own word that ends the chat, later than the last reminder,
/// with when it was written (`now` when it has no time).
fn buyer_last<'i>(input: &'i Input) -> Option<(&'i Msg<'i>, Time)> {
    let last = input
        .messages
        .iter()
        .rev()
        .find(|m| m.from != Role::System)?;
    if last.from != Role::Buyer {
        return None;
    }
    let at = last.at.unwrap_or(input.now);
    input
        .reminders
        .last()
        .is_none_or(|r| r.at < at)
        .then_some((last, at))
}

/// The buyer is thinking it over (我再想想: `changed_mind` without a plain
/// no), naming no time: when they last wrote (`now` without a time).
pub(super) fn hesitating(input: &Input, analysis: &Analysis) -> Option<Time> {
    let sig = &analysis.signals;
    // 我再想想 is hesitation whatever cause came with it (said.tsv: 太贵了
    // 我再考虑一下): space first, then a gentle word (000).
    let thinking = analysis.signals.said.thinking;
    if !(analysis.reason.code == ReasonCode::ChangedMind || thinking)
        || sig.declined.is_some()
        || sig.said.redo
        || sig.named_time.is_some()
    {
        return None;
    }
    let said = input
        .messages
        .iter()
        .rev()
        .find(|m| m.from == Role::Buyer)
        .and_then(|m| m.at);
    Some(said.unwrap_or(input.now))
}

/// When the reply to a waiting buyer goes out: now, or with
/// `answerAtNight: false` at the end of the quiet hours (never later than
/// the close). Lunch breaks and rest days never delay it.
pub(super) fn reply_moment(p: &Plan) -> Time {
    if p.s.answer_at_night {
        return p.now;
    }
    next_ok(p.now, p.close, p.s, 2, &mut Trail::default()).unwrap_or(p.now)
}

/// The earliest reminder after a reply at `reply`: the minimum gap later,
/// and never at the reply itself (a gap of 0).
pub(super) fn after_reply(p: &Plan, reply: Time) -> Time {
    add(reply, p.s.min_gap.max(Duration::minutes(1)))
}

impl Plan<'_> {
    /// Why the reply goes at `reply`: now, or when quiet hours end.
    pub(super) fn reply_why(&mut self, reply: Time) {
        if reply > self.now {
            let (qb, w) = (hhmm(self.s.quiet_before), self.when(reply));
            self.say(
                "店铺设定夜里不回复：{} 上班就回复，{} 发送。|店鋪設定夜裡不回覆：{} 上班就回覆，{} 發送。|The shop holds replies at night: reply when work starts at {}, {}.",
                &[&qb, &w],
            );
        }
    }

    /// The reminder after the reply, or why there is none.
    pub(super) fn follow_up_why(&mut self, follow: Option<Time>, trail: &Trail) {
        match follow {
            Some(f) => {
                let m = self.moment(f, trail);
                self.say(
                    "之后的提醒：{}。|之後的提醒：{}。|The reminder after it: {}.",
                    &[&m],
                );
            }
            None => {
                let c = self.when(self.close);
                self.say(
                    "订单 {} 关闭前没有合适的时段再提醒，回复时顺带提一下关单时间。|訂單 {} 關閉前沒有合適的時段再提醒，回覆時順帶提一下關單時間。|No usual hours are left before the close at {}: mention it in the reply.",
                    &[&c],
                );
            }
        }
    }
}

/// How long before the end of the order's time slot the reminder after an
/// answer goes: shortly before the slot's deadline (001), so the buyer has
/// had time with the answer.
const SLOT_LEAD_MINUTES: i64 = 20;
/// ... and at least this long before it ends, else the next usual moment.
const SLOT_LEAST_MINUTES: i64 = 10;

/// The reminder after an answer within the order's own time slot (001:
/// 上午单 before 12:00, 下午单 before 17:00, 傍晚单 before 22:00), when no
/// reminder went out yet and the slot still has room: 20 minutes before the
/// slot ends or `shop.answerFollowUpMinutes` after the reply, whichever is
/// later, as long as that is 10 minutes before the slot ends, at an allowed
/// moment before the close. The slot's end with it.
fn in_slot(p: &Plan, input: &Input, reply: Time) -> Option<(Time, NaiveTime)> {
    if !input.reminders.is_empty() {
        return None;
    }
    let placed = input.placed_at;
    let slot = super::usual::slot_of(clock::sod(&placed), p.s);
    let end =
        *p.s.slots
            .get(slot as usize)
            .filter(|_| slot != super::usual::Slot::Night)?;
    let slot_end = at(placed, end);
    let f = add(slot_end, -clock::minutes(SLOT_LEAD_MINUTES)).max(add(reply, p.s.answer_follow_up));
    let ok = clock::day(&reply) == clock::day(&placed)
        && f <= add(slot_end, -clock::minutes(SLOT_LEAST_MINUTES))
        && f < p.close
        && is_allowed(f, p.s);
    ok.then_some((f, end))
}

/// An open question is answered first (002: answer fast): the answer goes
/// now (quiet hours, lunch and rest days are for reminders, 000/003), and
/// the reminder after it keeps the usual hours, or is the next campaign
/// wave on a campaign day. A reminder recorded after
/// the question was the agent's reply to it, unless it went out with a
/// campaign wave (a batch send answers nobody's question).
pub(super) fn answer_first(p: &mut Plan, input: &Input, analysis: &Analysis) -> Option<Timing> {
    if !question_open(input, analysis, p.s) {
        return None;
    }
    p.say(
        "买家的问题还没回复：先回答，付款的提醒放到之后。|買家的問題還沒回覆：先回答，付款的提醒放到之後。|The buyer's question is unanswered: answer it now, and remind about payment later.",
        &[],
    );
    let reply = reply_moment(p);
    p.reply_why(reply);
    if super::spent(input) {
        super::spent_why(p, input);
        let mut t = p.done(Occasion::Answer, Action::Hold, Some(reply));
        t.reply = true;
        return Some(t);
    }
    // The reminder after the answer: the minimum gap later, in the usual hours.
    let mut trail = Trail::default();
    // On a campaign day the reminder after it is the next wave (001).
    let after = after_reply(p, reply);
    let wave = super::usual::wave(after, p.close, p.s);
    let after_answer_why = wave.is_none().then_some(p.why.len());
    let follow = match wave {
        Some(w) => {
            let at = p.when(w);
            p.say(
                "之后的提醒跟活动的下一波一起发：{}。|之後的提醒跟活動的下一波一起發：{}。|The reminder after it goes out with the next campaign wave: {}.",
                &[&at],
            );
            super::usual::warn_wave_in_rest(p, w);
            Some(w)
        }
        None => match in_slot(p, input, reply) {
            Some((f, end)) => {
                let (m, e) = (p.when(f), hhmm(end));
                p.say(
                    "之后的提醒：{}，在这一单的时段（{} 前）里。|之後的提醒：{}，在這一單的時段（{} 前）裡。|The reminder after it: {}, within the order's time slot (before {}).",
                    &[&m, &e],
                );
                Some(f)
            }
            None => {
                let f = next_ok(after, p.close, p.s, 0, &mut trail);
                p.follow_up_why(f, &trail);
                f
            }
        },
    };
    let mut t = p.done(Occasion::Answer, Action::Hold, Some(reply));
    t.follow_up = follow;
    t.after_answer_why = after_answer_why;
    t.reply = true;
    Some(t)
}

/// The buyer's open question came after the last reminder (a reminder is
/// the agent's reply to what was asked before it), unless that reminder
/// went out with a campaign wave.
pub(super) fn question_open(input: &Input, analysis: &Analysis, s: &Settings) -> bool {
    analysis.signals.open_question.is_some_and(|i| {
        let asked = input
            .messages
            .iter()
            .find(|m| m.index == i)
            .and_then(|m| m.at);
        // Reminders are oldest first: the last one is the latest.
        input
            .reminders
            .iter()
            .rfind(|r| !super::usual::wave_send(r.at, s))
            .is_none_or(|r| asked.is_none_or(|a| r.at < a))
    })
}
