//! Which channel and which tone.
//!
//! Channel (001, 000): IM is free and least intrusive, so it is the default;
//! a big order (`bigOrderFactor` × `avgOrderValue`) may get a call where the
//! margin pays for it (`phoneMinMargin`; never for low-margin goods) and never
//! gets the same method twice; SMS goes out only inside its audience windows,
//! never for a shop that turned it off (`shop.sms: false`), and for any order
//! once an IM reminder has gone unanswered for `smsAfterHours` (001: IM is
//! missed while the buyer is offline; SMS reaches them).

use chrono::{DateTime, FixedOffset};

use super::calendar;
use super::clock;
use super::input::Input;
use super::model::{Action, Audience, Channel, ReasonCode, Role, Tone};
use super::reason::Analysis;
use super::say::{
    capital, channel_name, hhmm, list_sep, pct, push_item, span, t3, tenths, trf, yuan,
};
use super::timing::{self, at, when, Occasion, Timing};

type Time = DateTime<FixedOffset>;

/// The first moment at or after `from` inside the SMS window of the buyer's
/// audience (001: office workers at lunch or before leaving work; students
/// and others before 22:00), on a workday and before `close`.
pub fn sms_time(input: &Input, from: Time, close: Time) -> Option<Time> {
    let s = &input.settings;
    let office = input.audience == Some(Audience::Office);
    let others = [(s.quiet_before, s.sms_latest)];
    let windows: &[_] = if office { &s.sms_office } else { &others };
    let mut day = from;
    for _ in 0..60 {
        if day >= close {
            return None;
        }
        if !calendar::is_rest_day(clock::date(&day), s) {
            for (a, b) in windows {
                let start = at(day, *a).max(from);
                let end = at(day, *b).min(close);
                // Office windows are the seed's own times (lunch included);
                // for everyone else the usual quiet hours and lunch apply.
                let t = if office {
                    Some(start).filter(|t| {
                        *t < end
                            && matches!(timing::block(*t, s), None | Some(timing::Block::Lunch))
                    })
                } else {
                    timing::next_allowed(start, end, s)
                };
                if let Some(t) = t {
                    return Some(t);
                }
            }
        }
        day = clock::add_days(at(day, chrono::NaiveTime::MIN), 1);
    }
    None
}

/// Whether the buyer has written since `t`; a buyer message without a time
/// counts as written since (nothing shows it came before).
fn buyer_wrote_since(input: &Input, t: Time) -> bool {
    input
        .messages
        .iter()
        .any(|m| m.from == Role::Buyer && m.at.is_none_or(|a| a >= t))
}

/// The moment an IM reminder counts as unanswered (001: IM is missed while
/// the buyer is offline): the last reminder went by IM, the buyer has not
/// written since, and the shop sends SMS; `smsAfterHours` after that IM.
pub fn im_unanswered_from(input: &Input) -> Option<Time> {
    let s = &input.settings;
    let last = input.reminders.last()?;
    if !input.sms_ok() || last.channel != Channel::Im || buyer_wrote_since(input, last.at) {
        return None;
    }
    clock::checked_add(last.at, s.sms_after)
}

/// Moves the reminder into the SMS window from `from` when the occasion
/// allows it: a movable one (its moment sentence is the last `why`) anywhere
/// before the close, any other only at its own moment. Returns whether SMS fits.
fn into_sms_window(input: &Input, timing: &mut Timing, from: Time, movable: bool) -> bool {
    let planned = timing.send_at.unwrap_or(input.now);
    match sms_time(input, from, timing.closes_at) {
        Some(t) if t == planned || movable => {
            if t != planned {
                // The moment sentence is the last one for a movable occasion;
                // a last chance names its lead just before it.
                timing.why.pop();
                let loc = input.locale;
                let lead = |at| timing::last_chance_sentence(timing.closes_at, at, input.now, loc);
                if timing.why.last() == Some(&lead(planned)) {
                    // Moved out of the last hours before the close: an
                    // ordinary follow-up now, not a last chance.
                    let s = &input.settings;
                    let new = if clock::since(&timing.closes_at, &t) > s.last_chance_before {
                        timing.occasion = Occasion::FollowUp;
                        timing::follow_up_sentence(input.reminders.len(), s.min_gap, loc)
                    } else {
                        lead(t)
                    };
                    timing.why.pop();
                    timing.why.push(new);
                }
                let w = capital(&when(t, input.now, loc));
                timing.why.push(trf(
                    loc,
                    "按短信时段，{} 发送。|按簡訊時段，{} 發送。|{}, in the SMS window.",
                    &[&w],
                ));
            }
            timing.send_at = Some(t);
            timing.action = timing::action_for(t, input.now);
            true
        }
        _ => false,
    }
}

/// Whether the occasion's moment may move into an SMS window (its moment
/// sentence is the last `why`).
fn movable(o: Occasion) -> bool {
    matches!(
        o,
        Occasion::First | Occasion::FollowUp | Occasion::AddressCheck | Occasion::LastChance
    )
}

/// When SMS goes out to this buyer: "before 22:00", or at lunch or before
/// leaving work (001).
fn sms_when(input: &Input) -> String {
    let loc = input.locale;
    if input.audience == Some(Audience::Office) {
        trf(
            loc,
            "上班族在午休或下班前发|~|sent at lunch or before the end of work",
            &[],
        )
    } else {
        let l = hhmm(input.settings.sms_latest);
        trf(loc, "{} 前发|~|before {}", &[&l])
    }
}

/// SMS for an order that is not big, once an IM reminder has gone
/// unanswered past `smsAfterHours` (001); the reason, if so.
fn sms_after_im(input: &Input, analysis: &Analysis, timing: &mut Timing) -> Option<String> {
    if input.used(Channel::Sms)
        || analysis.signals.said.im_only
        || !movable(timing.occasion) && timing.occasion != Occasion::CampaignWave
    {
        return None;
    }
    let unanswered = im_unanswered_from(input)?;
    let planned = timing.send_at?;
    let movable = movable(timing.occasion);
    // The earliest SMS slot once IM has gone unanswered and the minimum gap
    // has passed (001: the office lunch break or before leaving work), not a
    // last chance held back to the close; a campaign wave keeps its moment,
    // and so does a reminder timed to the buyer's money or their own time.
    let s = &input.settings;
    let sig = &analysis.signals;
    let timed = sig.named_time.is_some()
        || sig.payday.is_some()
        || analysis.reason.code == ReasonCode::InsufficientBalance;

    let gap_over = input
        .reminders
        .last()
        .and_then(|r| clock::checked_add(r.at, s.min_gap))
        .unwrap_or(input.now);
    let from = if movable && timed {
        planned.max(unanswered)
    } else if movable {
        unanswered.max(gap_over).max(input.now)
    } else {
        planned
    };
    if from < unanswered || !into_sms_window(input, timing, from, movable) {
        return None;
    }
    let loc = input.locale;
    let gap = span(input.settings.sms_after, loc);
    Some(trf(
        loc,
        "上次旺旺提醒后买家没有回复，发送时已超过 {}：旺旺容易错过，改发短信，{}。|上次旺旺提醒後買家沒有回覆，發送時已超過 {}：旺旺容易錯過，改發簡訊，{}。|No reply since the last IM reminder, over {} by the time it goes out: IM is easily missed, so SMS this time, {}.",
        &[&gap, &sms_when(input)],
    ))
}

/// Picks the channel; for SMS it moves `timing.send_at` into the SMS window.
pub fn channel(input: &Input, analysis: &Analysis, timing: &mut Timing) -> (Channel, String) {
    let loc = input.locale;
    let s = &input.settings;
    let bad_phone = input.bad_phone();
    match timing.action {
        Action::Stop => return (Channel::Im, String::new()),
        // 1382766431 in the address: a call or a text cannot reach it.
        _ if bad_phone.is_some() => {
            let number = bad_phone.unwrap_or_default();
            let digits = number.len().to_string();
            timing.warnings.push(super::say::warning(
                "phone_invalid",
                trf(
                    loc,
                    "收货地址里的手机号 {} 只有 {} 位：电话和短信都联系不上，先在旺旺上请买家核对号码。|收件地址裡的手機號碼 {} 只有 {} 位：電話和簡訊都聯絡不到，先在聊天裡請買家確認號碼。|The phone number in the address, {}, has {} digits: no call or text can reach it. Ask the buyer on IM to check it.",
                    &[number, &digits],
                ),
            ));
            return (
                Channel::Im,
                trf(
                    loc,
                    "手机号位数不对，打不了电话也发不了短信：用旺旺。|手機號碼位數不對，打不了電話也發不了簡訊：用聊天訊息。|The phone number is malformed, so no call or SMS: use IM.",
                    &[],
                ),
            );
        }
        // 给我打个电话: the buyer asked for a call, so the answer is one
        // (004: 电话 — 一步一步帮客户), whatever it costs.
        _ if analysis.signals.said.call_me && !analysis.signals.said.scam => {
            return (
                Channel::Phone,
                trf(
                    loc,
                    "买家请你打电话：打过去，一步一步帮买家。|買家請你打電話：打過去，一步一步幫買家。|The buyer asked for a call: phone them and help step by step.",
                    &[],
                ),
            )
        }
        Action::Hold => {
            return (
                Channel::Im,
                trf(
                    loc,
                    "在旺旺上直接回答买家。|~|Answer on IM, where the buyer asked.",
                    &[],
                ),
            )
        }
        // A reply to a buyer waiting for one goes where they wrote.
        _ if timing.reply => return (
            Channel::Im,
            trf(
                loc,
                "在旺旺上直接回复买家。|在旺旺上直接回覆買家。|Reply on IM, where the buyer wrote.",
                &[],
            ),
        ),
        _ => {}
    }
    let amt = yuan(input.amount);
    if !input.is_big() {
        if let Some(why) = sms_after_im(input, analysis, timing) {
            return (Channel::Sms, why);
        }
        let why = match s.avg_order_value {
            Some(avg) => trf(
                loc,
                "{} 元不算大单（客单价 {} 元），用免费、打扰少的旺旺。|~|{} yuan is not a big order (average {}): use IM, free and least intrusive.",
                &[&amt, &yuan(avg)],
            ),
            None => trf(loc, "旺旺免费、打扰少，先用旺旺。|~|IM is free and least intrusive: use it.", &[]),
        };
        return (Channel::Im, why);
    }

    let ratio = s
        .avg_order_value
        .map_or(String::new(), |a| tenths(input.amount / a));
    let first = input.reminders.is_empty();
    let wave = timing.occasion == Occasion::CampaignWave;
    let silent = !analysis.signals.consulted;
    let order = if wave || (first && silent && !input.returning && s.phone_first) {
        [Channel::Phone, Channel::Im, Channel::Sms]
    } else if first {
        [Channel::Im, Channel::Phone, Channel::Sms]
    } else {
        [Channel::Phone, Channel::Sms, Channel::Im]
    };
    let planned = timing.send_at.unwrap_or(input.now);
    // SMS is never first (IM is unused then): start from the minimum gap, so
    // the office lunch window (001) is not lost to the general lunch rule.
    let earliest = input
        .reminders
        .last()
        .and_then(|r| clock::checked_add(r.at, s.min_gap))
        .map_or(input.now, |t| t.max(input.now));
    let movable = matches!(
        timing.occasion,
        Occasion::First | Occasion::FollowUp | Occasion::AddressCheck
    );
    let mut pick = None;
    for &c in &order {
        if input.used(c)
            || (c == Channel::Phone && !input.phone_pays())
            || (c == Channel::Sms && !input.sms_ok())
            || (c != Channel::Im && (analysis.signals.said.im_only || analysis.signals.said.scam))
        {
            continue;
        }
        if c == Channel::Sms {
            // A last chance may go out earlier the same day, at the office
            // lunch break (001), when its own hour has no SMS window.
            let last = timing.occasion == Occasion::LastChance;
            let from = if movable {
                earliest.min(planned)
            } else {
                planned
            };
            let same_day = earliest
                .max(at(planned, chrono::NaiveTime::MIN))
                .min(planned);
            if !(into_sms_window(input, timing, from, movable)
                || last && into_sms_window(input, timing, same_day, true))
            {
                continue;
            }
        }
        pick = Some(c);
        break;
    }
    let c = pick.unwrap_or(Channel::Im);
    let mut names = String::new();
    for c in [Channel::Im, Channel::Sms, Channel::Phone] {
        if input.used(c) {
            push_item(&mut names, list_sep(loc), channel_name(c, loc));
        }
    }
    let margin_note = match s.margin {
        Some(m) if !input.phone_pays() => trf(
            loc,
            "，毛利 {}% 不够打电话|~|; a {}% margin doesn't pay for a call",
            &[&pct(m)],
        ),
        _ => String::new(),
    };
    let why = if analysis.signals.said.im_only {
        trf(
            loc,
            "买家说过有事在旺旺上联系：不打电话、不发短信，只用旺旺。|買家說過有事在旺旺上聯絡：不打電話、不傳簡訊，只用旺旺。|The buyer asked to be reached on IM: no call and no SMS, IM only.",
            &[],
        )
    } else if c == Channel::Phone && wave {
        trf(loc, "活动日大单用电话催，每通控制在 1 分钟内。|~|Campaign day, big order: call, under a minute per call.", &[])
    } else if c == Channel::Phone && first {
        trf(
            loc,
            "大额静默订单（{} 元，约客单价的 {} 倍），利润够：打电话问问，别直接催付款。|~|Big silent order ({} yuan, {}× the average) with margin to spare: call to ask, don't demand payment.",
            &[&amt, &ratio],
        )
    } else if first {
        let because = if silent && !input.returning && !input.phone_pays() {
            t3(
                loc,
                "毛利低，不打电话|毛利低，不打電話|the margin doesn't pay for a call",
            )
        } else if silent && !input.returning {
            t3(
                loc,
                "静默下单用核对地址的方式隐形催付，不贸然打电话|靜默下單用核對地址的方式隱形催付，不貿然打電話|a silent order gets a discreet address check before any call",
            )
        } else if input.returning {
            t3(
                loc,
                "老顾客信任店铺|老顧客信任店鋪|a returning buyer trusts the shop",
            )
        } else {
            t3(
                loc,
                "买家在旺旺上聊过|買家在旺旺上聊過|the buyer chatted on IM",
            )
        };
        trf(
            loc,
            "大单（{} 元，约客单价的 {} 倍）先用旺旺，{}；跟进时换别的方式。|~|Big order ({} yuan, {}× the average): IM first, {}; switch method for the follow-up.",
            &[&amt, &ratio, because],
        )
    } else if input.used(c) {
        // Nothing new is left (SMS had no window before the close, or the
        // margin rules out a call): say so instead of "never the same twice".
        let sms = if input.used(Channel::Sms) || !input.sms_ok() {
            ""
        } else {
            t3(
                loc,
                "，短信时段在关单前排不上|，簡訊時段在關單前排不上|; no SMS window before the close",
            )
        };
        trf(
            loc,
            "大单（{} 元）没有新方式可换：{}已用过{}{}，仍用{}，换个说法。|~|Big order ({} yuan), no new method left: {} used{}{}; {} again, reworded.",
            &[
                &amt,
                &names,
                &margin_note,
                sms,
                channel_name(c, loc),
            ],
        )
    } else {
        let extra = match c {
            Channel::Phone => trf(loc, "，利润撑得起电话成本|~|, the margin pays for it", &[]),
            Channel::Sms => [t3(loc, "，||, "), &sms_when(input)].concat(),
            Channel::Im => String::new(),
        };
        trf(
            loc,
            "大单（{} 元）不重复同一种方式：{}已用过{}，这次用{}{}。|大單（{} 元）不重複同一種方式：{}已用過{}，這次用{}{}。|Big order ({} yuan) never gets the same method twice: {} used{}, so {} this time{}.",
            &[
                &amt,
                &names,
                &margin_note,
                channel_name(c, loc),
                &extra,
            ],
        )
    };
    (c, why)
}

/// Picks the tone from the reason, the buyer, the time left and the channel.
///
/// Order: payment trouble → warm (help beats pressure); close within
/// `lastChanceHours` or campaign stock → urgent; doubts → reassuring;
/// returning buyer → gentle (001); phone/SMS → formal; else IM → playful (002).
pub fn tone(
    input: &Input,
    analysis: &Analysis,
    timing: &Timing,
    channel: Channel,
) -> (Tone, String) {
    let loc = input.locale;
    let s = &input.settings;
    let send = timing.send_at.unwrap_or(input.now);
    let soon = timing.occasion == Occasion::LastChance
        || clock::since(&timing.closes_at, &send) <= s.last_chance_before;
    let stock = s
        .campaign
        .as_ref()
        .is_some_and(|c| c.limited_stock && c.runs_at(&send));
    use ReasonCode as R;
    let code = analysis.reason.code;
    let (t, why): (Tone, String) = match code {
        _ if analysis.signals.said.no_qin => (
            Tone::Formal,
            trf(loc, "买家不喜欢被叫“亲”：先简短致歉，称呼姓名或“您”，语气平实，不加～。|買家不喜歡被叫「親」：先簡短致歉，稱呼姓名或「您」，語氣平實，不加～。|The buyer dislikes being called 亲: a short apology, their name or 您, plain wording.", &[]),
        ),
        c if c != R::ChangedMind && analysis.signals.said.business => (
            Tone::Formal,
            trf(loc, "买家为公司采购：语气正式、用语规范，少用语气词。|買家為公司採購：語氣正式、用語規範，少用語氣詞。|A company purchase: formal and precise, no chatty asides.", &[]),
        ),
        // The wrong variant ordered: help with the right one (000: 体谅).
        _ if analysis.signals.said.redo && code == R::ChangedMind => (
            Tone::Warm,
            trf(loc, "买家拍错了款式或尺码：这单不用付，帮买家重新拍对的那款。|買家下錯了款式或尺寸：這筆不用付，幫買家重新下對的那款。|The buyer ordered the wrong variant: this order needs no payment; help them order the right one.", &[]),
        ),
        // 我再考虑一下 (said.tsv) whatever the cause: no pressure (000).
        _ if code == R::ChangedMind || analysis.signals.said.thinking => (
            Tone::Gentle,
            trf(loc, "买家还在犹豫：不施压，语气委婉，给足余地。|~|The buyer is hesitating: no pressure, gentle, leave room.", &[]),
        ),
        R::NoviceBuyer
        | R::ForgotPassword
        | R::PaymentTrouble
        | R::PaymentSystemIssue
        | R::InsufficientBalance => (
            Tone::Warm,
            trf(loc, "买家付款有困难：语气热情，以帮忙为主，不施压。|~|The buyer has trouble paying: warm and helpful, no pressure.", &[]),
        ),
        R::WaitingReply => (
            Tone::Warm,
            trf(loc, "买家在等回复：先为久等道歉，答完再提付款。|買家在等回覆：先為久等道歉，答完再提付款。|The buyer is waiting: apologise, answer, then mention payment.", &[]),
        ),
        R::ServiceUnhappy => (
            Tone::Warm,
            trf(loc, "买家对服务有情绪：态度亲切、用语得体，先道歉再说事。|~|The buyer is unhappy with the service: kind and polite, apologise first.", &[]),
        ),
        _ if soon => {
            let c = when(timing.closes_at, input.now, loc);
            (
                Tone::Urgent,
                trf(
                    loc,
                    "订单 {} 就关闭：语气紧一些，说清关单时间。|~|The order closes at {}: be brief and clear about the time.",
                    &[&c],
                ),
            )
        }
        _ if stock => (
            Tone::Urgent,
            trf(loc, "活动库存紧张：提醒尽快付款，别说过头。|~|Campaign stock is short: ask to pay soon, without overstating.", &[]),
        ),
        R::DeliveryQuestion => (
            Tone::Reassuring,
            trf(loc, "买家问发货：说清发货安排，不承诺到货日期。|買家問出貨：說清出貨安排，不承諾到貨日期。|The buyer asks about shipping: explain it, promise no delivery date.", &[]),
        ),
        R::ProductDoubt => (
            Tone::Reassuring,
            trf(loc, "买家有顾虑：先讲保障和优势，让买家放心。|~|The buyer has doubts: lead with guarantees and strengths.", &[]),
        ),
        _ if input.returning => (
            Tone::Gentle,
            trf(loc, "老顾客：先感谢再次光临，问问上次用得怎样，委婉提醒。|~|Returning buyer: thank them for coming back, ask about the last purchase, remind gently.", &[]),
        ),
        _ if channel == Channel::Sms => (
            Tone::Formal,
            trf(loc, "短信用正式、礼貌的语气，开头就称呼买家。|簡訊用正式、禮貌的語氣，開頭就稱呼買家。|SMS: formal and polite, the buyer's name first.", &[]),
        ),
        _ if channel == Channel::Phone => (
            Tone::Formal,
            trf(loc, "电话用正式、礼貌的语气，称呼“X先生/X女士”。|電話用正式、禮貌的語氣，稱呼「X先生/X小姐」。|Calls: formal and polite, Mr./Ms. with the surname.", &[]),
        ),
        _ => (
            Tone::Playful,
            trf(loc, "旺旺上俏皮可爱一点（亲~），别像机器人。|~|On IM, light and friendly, never robotic.", &[]),
        ),
    };
    (t, why)
}
