//! The buyer's own time (001: 了解买家方便充值时间，提前再次催付) and a buyer
//! waiting for money.

use super::*;

/// A reminder at most this long before the buyer's own time is "shortly
/// before" it; earlier than that it would pre-empt their plan.
const SHORTLY_MINUTES: i64 = 30;

/// The time the buyer named (001: remind shortly before the top-up time;
/// check in just after it when they sort out a payment problem then), or the
/// close when their time is after it.
pub(super) fn at_named_time(
    p: &mut Plan,
    input: &Input,
    analysis: &Analysis,
    earliest: Time,
) -> Option<Timing> {
    let nt = analysis.signals.named_time.as_ref()?;
    let (s, now, close) = (p.s, p.now, p.close);
    let said = clip(nt.text.trim(), 20);
    if nt.at > now && nt.at < close {
        // 明早8点半到公司付 你到时候提醒我一下: the buyer asked for the
        // reminder at their time; their word outweighs quiet hours, lunch
        // and rest days.
        if analysis.signals.said.remind_me && !nt.after {
            let at_s = p.when(nt.at);
            p.say(
                "买家说“{}”，请我们到时提醒：{} 提醒。|買家說「{}」，請我們到時提醒：{} 提醒。|The buyer said “{}” and asked to be reminded then: remind at {}.",
                &[&said, &at_s],
            );
            return Some(p.send(Occasion::BuyerNamedTime, nt.at));
        }
        // The day the buyer named is theirs when no allowed moment is left
        // after their time before the close: then a rest day does not move
        // the reminder off it (周日晚上7点落地就付, closing Sunday 21:00:
        // Sunday 19:00, not Friday). Quiet hours and lunch still do, and
        // other days keep every block.
        let theirs = next_allowed(nt.at, close, s).is_none();
        let level = |t: &Time| u8::from(theirs && clock::day(t) == clock::day(&nt.at));
        let ok = |t: Time| block_at(t, s, level(&t)).is_none();
        let next = |from: Time| {
            next_ok(from, close, s, 1, &mut Trail::default())
                .filter(|t| level(t) == 1)
                .or_else(|| next_allowed(from, close, s))
        };
        // Help with paying (001 忘记密码: 跟踪催付; 网银升级: 了解升级完成时间):
        // the buyer sorts it out at their time, so check in just after it.
        use ReasonCode as R;
        let help = matches!(
            analysis.reason.code,
            R::ForgotPassword | R::PaymentTrouble | R::PaymentSystemIssue | R::NoviceBuyer
        );
        // 中午过后再刷: not before their time, the first usual moment from it.
        if nt.after && !help {
            if let Some(t) = next(nt.at) {
                let (at_s, w) = (p.when(nt.at), p.when(t));
                p.say(
                    "买家说“{}”：{} 之后才方便，{} 提醒。|買家說「{}」：{} 之後才方便，{} 提醒。|The buyer said “{}”: not before {}, so remind at {}.",
                    &[&said, &at_s, &w],
                );
                warn_if_rest(p, t);
                return Some(p.send(Occasion::BuyerNamedTime, t));
            }
        }
        if let Some(t) = next(add(nt.at, s.named_time_lead)).filter(|_| help) {
            let (at_s, w) = (p.when(nt.at), p.when(t));
            p.say(
                "买家说“{}”：到 {} 才方便处理，{} 再跟进，看看是否顺利。|買家說「{}」：到 {} 才方便處理，{} 再跟進，看看是否順利。|The buyer said “{}”: they can sort it out at {}; check in at {} to see that it went well.",
                &[&said, &at_s, &w],
            );
            warn_if_rest(p, t);
            return Some(p.send(Occasion::BuyerNamedTime, t));
        }
        let lead_at = add(nt.at, -s.named_time_lead);
        let early = lead_at.max(now);
        // 晚上十点半下班再付: a working day's evening time after the quiet
        // hours begin is the buyer's own word that they are up and paying
        // then; the reminder goes shortly before it that evening, not the
        // next morning (`shop.namedTimeLateEvening`).
        if s.named_time_late_evening
            && !nt.after
            && block_at(early, s, 0) == Some(Block::Late)
            && !calendar::is_rest_day(clock::date(&early), s)
            && clock::day(&early) == clock::day(&nt.at)
            && clock::sod(&nt.at) >= clock::secs(s.quiet_after)
        {
            let (at_s, w) = (p.when(nt.at), p.when(early));
            p.say(
                "买家说“{}”：{} 是买家自己定的晚上时间，{} 提醒。|買家說「{}」：{} 是買家自己定的晚上時間，{} 提醒。|The buyer said “{}”: {} is an evening time they chose themselves, so remind at {}.",
                &[&said, &at_s, &w],
            );
            return Some(p.send(Occasion::BuyerNamedTime, early));
        }
        // Inside allowed hours: the lead, else the time itself (明天付 →
        // 10:00), else an allowed moment shortly before it, else the first
        // one after it (晚上11点付 → the next morning, 早上8点付 → 10:00):
        // a reminder long before their time pre-empts their own plan. The
        // latest moment before it only when none is left after it before
        // the close, and then only on the same day; the buyer's own time
        // when none is left at all.
        let t = if ok(early) {
            early
        } else if ok(nt.at) {
            nt.at
        } else {
            let before = prev_ok(early, now, s, 1).filter(|b| level(b) == 1 || ok(*b));
            let after = next(nt.at);
            // A moment the day before is no reminder "before" their time
            // (明天再弄 said on a Friday: not that evening, but Monday).
            let before = before.filter(|b| clock::day(b) == clock::day(&nt.at) || after.is_none());
            let shortly = |b: &Time| clock::since(&nt.at, b) <= Duration::minutes(SHORTLY_MINUTES);
            match (before, after) {
                // Shortly before their time (12:20 → 11:59 before lunch).
                (Some(b), _) if shortly(&b) => b,
                // Long before it, a reminder pre-empts their own plan (中午
                // 12点半付 is not reminded at 11:50, 晚上11点付 not at 21:30):
                // the first moment after it checks in instead (13:30, the
                // next morning).
                (_, Some(a)) => a,
                (Some(b), None) => b,
                (None, a) => a.unwrap_or(early),
            }
        };
        // The cap leaves only a reminder before their time (001: 提前再次催
        // 付): a check-in after it (12:30 in the lunch break → 13:30) would
        // be one reminder more than the shop allows.
        if super::spent(input) && t > nt.at {
            super::spent_why(p, input);
            return Some(p.done(Occasion::BuyerNamedTime, Action::Hold, None));
        }
        let (at_s, lead) = (p.when(nt.at), span(s.named_time_lead, p.loc));
        if t == nt.at {
            p.say(
                "买家说“{}”：{} 提醒。|~|The buyer said “{}”: remind at {}.",
                &[&said, &at_s],
            );
        } else if t == lead_at {
            p.say(
                "买家说“{}”：{} 前 {}提醒。|~|The buyer said “{}”: remind {} before {}.",
                &if p.loc == Locale::En {
                    [said.as_str(), lead.as_str(), at_s.as_str()]
                } else {
                    [said.as_str(), at_s.as_str(), lead.as_str()]
                },
            );
        } else if t == now {
            p.say(
                "买家说“{}”：{} 快到了，现在提醒。|~|The buyer said “{}”: {} is close, remind now.",
                &[&said, &at_s],
            );
        } else if ok(t) {
            let w = p.when(t);
            p.say(
                "买家说“{}”：{} 不在可提醒的时段，改在 {} 提醒。|買家說「{}」：{} 不在可提醒的時段，改在 {} 提醒。|The buyer said “{}”: {} is outside the hours for reminders, so remind at {}.",
                &[&said, &at_s, &w],
            );
        } else {
            let w = p.when(t);
            p.say(
                "买家说“{}”：{} 提醒。|~|The buyer said “{}”: remind at {}.",
                &[&said, &w],
            );
        }
        warn_if_rest(p, t);
        return Some(p.send(Occasion::BuyerNamedTime, t));
    }
    if nt.at >= close {
        let c = p.when(close);
        p.warn(
            "named_time_after_close",
            "买家说的时间（“{}”）在关单后，订单 {} 关闭：请买家提前付款或到时重拍。|買家說的時間（「{}」）在關單後，訂單 {} 關閉：請買家提前付款或到時重新下單。|The buyer's time (“{}”) is after the close at {}: ask them to pay earlier or reorder then.",
            &[&said, &c],
        );
        // Asked already when a reminder went out after the buyer named the
        // time (or, with no message times, at all): then one last reminder.
        let said_at = input.messages.get(nt.message_index).and_then(|m| m.at);
        let asked = input
            .reminders
            .last()
            .is_some_and(|r| said_at.is_none_or(|a| r.at >= a));
        if asked {
            p.say(
                "买家说的“{}”在关单后，已经问过能否提前付款：关单前再轻轻提醒一次。|買家說的「{}」在關單後，已經問過能否提前付款：關單前再輕輕提醒一次。|The buyer's time (“{}”) is after the close and they were asked about paying earlier: one gentle reminder before the close.",
                &[&said],
            );
            return Some(p.last_chance_done(earliest));
        }
        let mut trail = Trail::default();
        let t = p.find(earliest, &mut trail);
        p.say(
            "买家说“{}”，但订单 {} 就关闭：客气地问一句能否在关单前付款，不方便也没关系，到时可以重新拍。|買家說「{}」，但訂單 {} 就關閉：客氣地問一句能否在關單前付款，不方便也沒關係，到時可以重新下單。|The buyer said “{}”, but the order closes at {}: kindly ask whether paying before then suits them; if not, they can order again later.",
            &[&said, &c],
        );
        let m = p.moment(t, &trail);
        p.moment_alone(&m);
        return Some(p.send(Occasion::NamedAfterClose, t));
    }
    p.say(
        "买家说的“{}”已过，还没付款，按常规跟进。|~|The buyer's time (“{}”) has passed unpaid: follow up as usual.",
        &[&said],
    );
    None
}

/// A reminder at the buyer's own time outside the usual hours says so.
fn warn_if_rest(p: &mut Plan, t: Time) {
    if !is_allowed(t, p.s) {
        let w = p.when(t);
        p.warn(
            "named_time_in_rest",
            "{} 是买家自己约的时间，虽在休息时段也按约提醒。|~|{} is the buyer's own time: remind then, though outside usual hours.",
            &[&w],
        );
    }
}

/// A buyer still thinking it over or waiting for money: one reminder before
/// the close, or a question about when the money comes.
pub(super) fn while_waiting(
    p: &mut Plan,
    input: &Input,
    analysis: &Analysis,
    earliest: Time,
) -> Option<Timing> {
    // Waiting for money with no time named (001: remind before the close).
    let broke = analysis.reason.code == ReasonCode::InsufficientBalance
        || analysis.signals.payday.is_some();
    // The buyer's word is the last one and nothing was sent yet: ask when
    // the money comes (001: 了解买家方便充值时间,提前再次催付) instead of
    // leaving it unanswered for days.
    let mut buyer_last = false;
    for m in &input.messages {
        if m.from != Role::System {
            buyer_last = m.from == Role::Buyer;
        }
    }
    if broke && analysis.signals.named_time.is_none() && buyer_last && input.reminders.is_empty() {
        let mut trail = Trail::default();
        let t = p.find(earliest, &mut trail);
        p.say(
            "买家钱还没到位：先问问什么时候方便付款，到时再提醒。|~|Short of money: ask when paying suits them, remind then.",
            &[],
        );
        let m = p.moment(t, &trail);
        p.moment_alone(&m);
        return Some(p.send(Occasion::First, t));
    }
    if broke && analysis.signals.named_time.is_none() {
        return Some(p.once_before_close(
            earliest,
            "买家在等钱到账，没读到具体时间：关单前 {} 提醒一次。|買家在等錢到帳，沒讀到具體時間：關單前 {} 提醒一次。|The buyer is waiting for money and no time was read from the chat: one reminder before the close, at {}.",
        ));
    }
    None
}
