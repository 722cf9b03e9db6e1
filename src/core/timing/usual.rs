//! The usual reminder: order-time slots (001), campaign waves (001), the
//! follow-up gap and the first reminder's occasion.

use super::*;

/// Order-time slots (001): 上午单, 下午单, 傍晚单, 半夜单.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    Night,
    Morning,
    Afternoon,
    Evening,
}

pub(super) const SLOT_NAMES: &str = "\
半夜单|半夜單|Late-night order\n\
上午单|上午單|Morning order\n\
下午单|下午單|Afternoon order\n\
傍晚单|傍晚單|Evening order";

pub(super) fn slot_of(t: i64, s: &Settings) -> Slot {
    let [night, morning, afternoon, evening] = s.slots.map(clock::secs);
    if t < night || t >= evening {
        Slot::Night
    } else if t < morning {
        Slot::Morning
    } else if t < afternoon {
        Slot::Afternoon
    } else {
        Slot::Evening
    }
}

/// The campaign wave at or after `from` on the same day, if the day is a campaign day.
pub(super) fn wave(from: Time, close: Time, s: &Settings) -> Option<Time> {
    let c = s.campaign.as_ref().filter(|c| c.runs_at(&from))?;
    let now = clock::sod(&from);
    let w = c.waves.iter().find(|w| clock::secs(**w) >= now)?;
    let t = at(from, *w);
    (t >= from && t < close).then_some(t)
}

/// A wave the shop set in rest time goes out as set, with a warning.
pub(super) fn warn_wave_in_rest(p: &mut Plan, t: Time) {
    if is_allowed(t, p.s) {
        return;
    }
    let w = hms(clock::sod(&t));
    p.warnings.push(warning(
        "wave_in_rest_time",
        trf(
            p.loc,
            "活动波次 {} 在午休或休息时段，按店铺设定照发。|~|Campaign wave {} is in rest time: sent as the shop set it.",
            &[&w],
        ),
    ));
}

/// Whether a reminder sent at `t` went out with a campaign wave (within a
/// quarter of an hour of a wave time on a campaign day): a batch send to
/// every unpaid order (001 活动催付: 软件批量催单), not a reply to anyone.
pub(super) fn wave_send(t: Time, s: &Settings) -> bool {
    let Some(c) = s.campaign.as_ref().filter(|c| c.runs_at(&t)) else {
        return false;
    };
    let sod = clock::sod(&t);
    c.waves
        .iter()
        .any(|w| (clock::secs(*w) - sod).abs() <= 15 * 60)
}

/// The follow-up sentence after `k` reminders: its number and the gap.
pub fn follow_up_sentence(k: usize, min_gap: Duration, loc: Locale) -> String {
    let (n, gap) = ((k + 1).to_string(), span(min_gap, loc));
    trf(
        loc,
        "第 {} 次提醒，距上次至少隔 {}。||Reminder #{}, at least {} after the last one.",
        &[&n, &gap],
    )
}

/// The usual reminder: the first allowed moment (or campaign wave) after the
/// gap since the last one and, for a first reminder, the hidden-reminder
/// delay and the order's time slot; then why.
pub(super) fn usual(
    p: &mut Plan,
    input: &Input,
    analysis: &Analysis,
    earliest: Time,
    space: bool,
) -> Timing {
    let (s, close) = (p.s, p.close);
    let k = input.reminders.len();
    // On a campaign day the next reminder goes to the next wave (001: 10:00,
    // then 13:00), even when it is the last one the cap allows.
    if k > 0 && k + 1 >= cap(input) && wave(earliest, close, s).is_none() {
        return p.last_chance_done(earliest);
    }
    let mut trail = Trail::default();

    let consulted = analysis.signals.consulted;
    let placed = input.placed_at;
    let slot = slot_of(clock::sod(&placed), s);
    let mut from = earliest;
    if k == 0 {
        from = from.max(add(placed, s.hidden_reminder_after));
        if slot == Slot::Night {
            let day = if clock::sod(&placed) >= clock::secs(s.slots[3]) {
                clock::add_days(placed, 1)
            } else {
                placed
            };
            from = from.max(at(day, s.quiet_before));
        }
    }
    let (t, waved) = match wave(from, close, s) {
        Some(w) => (w, true),
        None => {
            let t = p.find(from, &mut trail);
            match wave(t, close, s) {
                Some(w) => (w, true),
                None => (t, false),
            }
        }
    };

    let occasion = if clock::since(&close, &t) <= s.last_chance_before {
        Occasion::LastChance
    } else if waved {
        Occasion::CampaignWave
    } else if k > 0 {
        Occasion::FollowUp
    } else if consulted && !helps_first(analysis.reason.code) && !analysis.signals.said.thinking {
        // 我再考虑下: no address-check chase on a buyer thinking it over (000).
        Occasion::AddressCheck
    } else {
        Occasion::First
    };

    occasion_why(p, input, analysis, occasion, t);
    if waved {
        warn_wave_in_rest(p, t);
    }
    let m = p.moment(t, &trail);
    if k == 0 && !waved && !space && occasion != Occasion::LastChance {
        let name = row(SLOT_NAMES, slot as usize, p.loc);
        let qb = hhmm(s.quiet_before);
        let rule = match slot {
            Slot::Night => trf(
                p.loc,
                "{}，次日 {} 后催付|{}，隔天 {} 後催付|{}: remind after {} the next day",
                &[name, &qb],
            ),
            _ => {
                let end = s
                    .slots
                    .get(slot as usize)
                    .copied()
                    .unwrap_or(NaiveTime::MIN);
                let e = hhmm(end);
                let slot_end = at(placed, end);
                if clock::day(&t) == clock::day(&placed) && clock::sod(&t) < clock::secs(end) {
                    trf(p.loc, "{}，{} 前催付||{}: remind before {}", &[name, &e])
                } else if from < slot_end {
                    // Time was left, but rest time (a rest day, the lunch
                    // break) filled it: the moment sentence says which.
                    trf(p.loc, "{}本该 {} 前催付|~|{}: due before {}", &[name, &e])
                } else {
                    trf(
                        p.loc,
                        "{}本该 {} 前催付，来不及了|~|{}: the {} deadline is missed",
                        &[name, &e],
                    )
                }
            }
        };
        p.say("{}；{}。||{}; {}.", &[&rule, &m]);
    } else {
        p.moment_alone(&m);
    }
    p.send(occasion, t)
}

/// Why this occasion: the last chance, the campaign's waves, the follow-up
/// gap, the address check or the buyer's own cause.
pub(super) fn occasion_why(
    p: &mut Plan,
    input: &Input,
    analysis: &Analysis,
    occasion: Occasion,
    t: Time,
) {
    let s = p.s;
    let (k, placed, consulted) = (
        input.reminders.len(),
        input.placed_at,
        analysis.signals.consulted,
    );
    match occasion {
        Occasion::LastChance => p.last_chance_why(t),
        Occasion::CampaignWave => {
            let c = s.campaign.as_ref();
            let name = c.and_then(|c| c.name.as_deref()).unwrap_or("");
            let mut waves = String::new();
            for w in c.map_or(&[][..], |c| &c.waves) {
                push_item(&mut waves, list_sep(p.loc), &hhmm(*w));
            }
            if p.loc == Locale::En {
                waves = [&waves, ", ", &zone(t)].concat();
            }
            let name_en;
            let name = if p.loc != Locale::En {
                name
            } else if name.is_empty() {
                "Campaign day"
            } else {
                name_en = [name, " campaign day"].concat();
                &name_en
            };
            p.say(
                "{}活动日按波次集中催付（{}）。|~|{}: reminders go out in waves ({}).",
                &[name, &waves],
            );
        }
        Occasion::FollowUp => p.why.push(follow_up_sentence(k, s.min_gap, p.loc)),
        Occasion::AddressCheck if clock::since(&t, &placed) > clock::minutes(s.hidden_reminder_after.num_minutes() + 30) => p
            .say(
                "询单后未付款：先核对收货地址，隐形催付。|詢問後未付款：先核對收件地址，委婉提醒。|Consulted but unpaid: confirm the address as a soft reminder.",
                &[],
            ),
        Occasion::AddressCheck => {
            let d = span(s.hidden_reminder_after, p.loc);
            p.say(
                "询单后未付款：拍下 {}后先核对收货地址，隐形催付。|詢問後未付款：下單 {}後先核對收件地址，委婉提醒。|Consulted but unpaid: {} after ordering, confirm the address as a soft reminder.",
                &[&d],
            );
        }
        // Thinking it over: the hesitation sentence says why (not "不想要了").
        _ if analysis.reason.code == ReasonCode::ChangedMind || analysis.signals.said.thinking => {}
        _ if consulted => {
            let r = reason_name(analysis.reason.code, p.loc);
            p.say(
                "买家说了原因（{}）：先回应这一点，不用核对地址绕着催。|~|The buyer named the cause ({}): answer it first, no address check.",
                &[r],
            );
        }
        _ => p.say(
            "静默下单：先友好地提醒一下，不直接催买家付款。|靜默下單：先友善地提醒一下，不直接催買家付款。|Silent order: a friendly check-in, not a blunt request to pay.",
            &[],
        ),
    }
}
