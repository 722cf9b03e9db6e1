//! When to remind: the conversation state (stop, hold, the buyer's own time),
//! the close deadline, the allowed hours, and the moment to send.
//!
//! Every rule is a shop setting with the seeds' default (see `Settings`):
//! order-time slots and the +10 min address check (001), no reminders before
//! 10:00, in the lunch break or on rest days (000/003), campaign waves (001),
//! the close after three days (004; 002 speaks of 24 h), a last-chance
//! reminder, a minimum gap and a cap. When no allowed moment exists before
//! the close, the least-bad one is picked and a warning says so.

use chrono::{DateTime, Duration, FixedOffset, NaiveTime};

use super::calendar;
use super::clock;
use super::input::{Input, Settings};
use super::model::{Action, Channel, Locale, ReasonCode, Role, Warning};
use super::reason::Analysis;
use super::say::{
    capital, hhmm, hms, list_sep, push_item, reason_name, row, span, t3, trf, warning,
};

type Time = DateTime<FixedOffset>;

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
    /// The buyer named a time after the close: ask kindly whether paying
    /// before the close suits them (001: 了解买家方便充值时间).
    NamedAfterClose,
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
    /// The reminder planned after a reply that goes out at `send_at` to a
    /// buyer who is waiting for one; `None` otherwise.
    pub follow_up: Option<DateTime<FixedOffset>>,
    /// `send_at` is a reply to a waiting buyer: the rest-time rules hold for
    /// `follow_up`, and the moments `why` names are the follow-up's.
    pub reply: bool,
    /// When the order closes unpaid.
    pub closes_at: DateTime<FixedOffset>,
    /// One sentence per decision.
    pub why: Vec<String>,
    /// Problems to show.
    pub warnings: Vec<Warning>,
}

/// Why no reminder goes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// The order is paid.
    Paid,
    /// The order has closed.
    Closed,
    /// The buyer asked not to be contacted (别再发了).
    Asked,
    /// The buyer ordered by mistake or no longer wants it (000: don't force).
    ChangedMind,
    /// The cap of reminders is reached (n sent).
    Cap(usize),
    /// A big order has had every usable method once (001).
    Methods,
}

/// Why a moment is not allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// Before `quietBefore` (000/003: never before 10:00).
    Early,
    /// At or after `quietAfter`.
    Late,
    /// In the lunch break (000/003).
    Lunch,
    /// A rest day: weekend, statutory holiday or shop holiday (000/003).
    Rest,
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
    add(
        start,
        clock::minutes((input.settings.close_after_hours * 60.0).round() as i64),
    )
}

/// The reminder cap for this order: big orders get one more (001).
pub fn cap(input: &Input) -> usize {
    let s = &input.settings;
    if input.is_big() {
        s.max_reminders_big as usize
    } else {
        s.max_reminders.unwrap_or(2) as usize
    }
}

/// How many methods a big order can still get (001: never the same one
/// twice): phone only where the margin pays, SMS only if the shop sends it.
pub fn methods_left(input: &Input) -> usize {
    let usable = |c: Channel| match c {
        Channel::Phone => input.phone_pays(),
        Channel::Sms => input.sms_ok(),
        Channel::Im => true,
    };
    [Channel::Im, Channel::Sms, Channel::Phone]
        .into_iter()
        .filter(|c| usable(*c) && !input.used(*c))
        .count()
}

/// Why no reminder should go out, if so.
pub fn stop_reason(input: &Input, analysis: &Analysis, close: Time) -> Option<Stop> {
    let n = input.reminders.len();
    if input.paid {
        Some(Stop::Paid)
    } else if input.now >= close {
        Some(Stop::Closed)
    } else if analysis.signals.stop_request.is_some() {
        Some(Stop::Asked)
    } else if analysis.signals.declined.is_some()
        || (analysis.reason.code == ReasonCode::ChangedMind && n > 0)
    {
        // Ordered by mistake or no longer wants it (拍错了, 不要了, pls
        // cancel): stop at once (000: don't force a buyer who changed their
        // mind). A buyer only thinking it over (再考虑一下) gets space
        // (`hesitationHours`) and one gentle reminder at most.
        Some(Stop::ChangedMind)
    } else if n >= cap(input) {
        Some(Stop::Cap(n))
    } else if input.is_big() && methods_left(input) == 0 {
        Some(Stop::Methods)
    } else {
        None
    }
}

/// `t + d` (a span of whole seconds, as every setting's is), or `t` if that
/// overflows.
pub(crate) fn add(t: Time, d: Duration) -> Time {
    clock::shift(t, d.num_seconds())
}

/// The moment `time` on the day of `day_of` (`day_of` if that does not exist).
pub(crate) fn at(day_of: Time, time: NaiveTime) -> Time {
    clock::at_secs(day_of, clock::secs(time))
}

/// What keeps `t` from being allowed; `level` relaxes rest days (1), then
/// the lunch break (2), then quiet hours (3).
fn block_at(t: Time, s: &Settings, level: u8) -> Option<Block> {
    let time = clock::sod(&t);
    let secs = clock::secs;
    if level < 3 && time < secs(s.quiet_before) {
        Some(Block::Early)
    } else if level < 3 && time >= secs(s.quiet_after) {
        Some(Block::Late)
    } else if level < 2 && secs(s.lunch.0) <= time && time < secs(s.lunch.1) {
        Some(Block::Lunch)
    } else if level < 1 && calendar::is_rest_day(clock::date(&t), s) {
        Some(Block::Rest)
    } else {
        None
    }
}

/// What keeps `t` from being allowed, if anything.
pub fn block(t: DateTime<FixedOffset>, s: &Settings) -> Option<Block> {
    block_at(t, s, 0)
}

/// Whether reminding at `t` respects quiet hours, the lunch break and rest days (000/003).
pub fn is_allowed(t: DateTime<FixedOffset>, s: &Settings) -> bool {
    block(t, s).is_none()
}

/// The blocks met on the way to an allowed moment, for the explanation.
#[derive(Default)]
struct Trail {
    /// In the order met; each at most once.
    blocks: [Option<Block>; 4],
    holiday: Option<clock::Day>,
    /// Moved earlier (a last chance before a blocked close), not later.
    earlier: bool,
}

fn next_ok(from: Time, limit: Time, s: &Settings, level: u8, trail: &mut Trail) -> Option<Time> {
    let mut t = from;
    for _ in 0..2_000 {
        if t >= limit {
            return None;
        }
        let Some(b) = block_at(t, s, level) else {
            return Some(t);
        };
        if let Some(slot) = trail
            .blocks
            .iter_mut()
            .find(|x| x.is_none() || **x == Some(b))
        {
            *slot = Some(b);
        }
        t = match b {
            Block::Early => at(t, s.quiet_before),
            Block::Lunch => at(t, s.lunch.1),
            Block::Late | Block::Rest => {
                let day = clock::date(&t);
                if b == Block::Rest
                    && trail.holiday.is_none()
                    && calendar::holiday_name(day, Locale::ZhCn).is_some()
                {
                    trail.holiday = Some(day);
                }
                at(clock::add_days(t, 1), s.quiet_before)
            }
        };
    }
    None
}

/// The first allowed moment at or after `from`, if one exists before `limit`.
pub fn next_allowed(
    from: DateTime<FixedOffset>,
    limit: DateTime<FixedOffset>,
    s: &Settings,
) -> Option<DateTime<FixedOffset>> {
    next_ok(from, limit, s, 0, &mut Trail::default())
}

/// The latest allowed moment at or before `target` and not before `floor`;
/// stepping back out of a blocked period lands 30 minutes before it ends.
fn prev_allowed(target: Time, floor: Time, s: &Settings) -> Option<Time> {
    let back = -1800;
    let mut t = target;
    for _ in 0..2_000 {
        if t < floor {
            return None;
        }
        let Some(b) = block(t, s) else {
            return Some(t);
        };
        t = match b {
            Block::Late => clock::shift(at(t, s.quiet_after), back),
            Block::Lunch => clock::shift(at(t, s.lunch.0), back),
            Block::Early | Block::Rest => {
                clock::shift(at(clock::add_days(t, -1), s.quiet_after), back)
            }
        };
    }
    None
}

/// Order-time slots (001): 上午单, 下午单, 傍晚单, 半夜单.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Night,
    Morning,
    Afternoon,
    Evening,
}

const SLOT_NAMES: &str = "\
半夜单|半夜單|Late-night order\n\
上午单|上午單|Morning order\n\
下午单|下午單|Afternoon order\n\
傍晚单|傍晚單|Evening order";

fn slot_of(t: i64, s: &Settings) -> Slot {
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
fn wave(from: Time, close: Time, s: &Settings) -> Option<Time> {
    let c = s.campaign.as_ref()?;
    let day = clock::date(&from);
    // Without dates the campaign runs while the shop keeps it set, rest
    // days included (12.12 may fall on a Saturday).
    if !c.dates.is_empty() && !c.dates.contains(&day) {
        return None;
    }
    let now = clock::sod(&from);
    let w = c.waves.iter().find(|w| clock::secs(**w) >= now)?;
    let t = at(from, *w);
    (t >= from && t < close).then_some(t)
}

struct Plan<'a> {
    loc: Locale,
    s: &'a Settings,
    now: Time,
    close: Time,
    why: Vec<String>,
    warnings: Vec<Warning>,
}

impl Plan<'_> {
    fn say(&mut self, row: &'static str, args: &[&str]) {
        self.why.push(trf(self.loc, row, args));
    }

    /// The moment as a sentence of its own.
    fn moment_alone(&mut self, m: &str) {
        let m = capital(m);
        self.say("{}。||{}.", &[&m]);
    }

    fn when(&self, t: Time) -> String {
        when(t, self.now, self.loc)
    }

    fn done(&mut self, occasion: Occasion, action: Action, send_at: Option<Time>) -> Timing {
        if let Some(t) = send_at {
            if let Some(w) = self.calendar_note(t) {
                self.warnings.push(w);
            }
        }
        Timing {
            occasion,
            action,
            send_at,
            follow_up: None,
            reply: false,
            closes_at: self.close,
            why: std::mem::take(&mut self.why),
            warnings: std::mem::take(&mut self.warnings),
        }
    }

    /// Sends at `t`: now if it is not later than now, else scheduled.
    fn send(&mut self, occasion: Occasion, t: Time) -> Timing {
        let action = action_for(t, self.now);
        self.done(occasion, action, Some(t))
    }

    /// A warning when the days looked at lie outside the built-in calendar.
    fn calendar_note(&self, until: Time) -> Option<Warning> {
        let mut day = clock::date(&self.now);
        let last = clock::date(&until);
        for _ in 0..400 {
            if day > last {
                return None;
            }
            if !calendar::known(day, self.s) {
                let y = clock::civil(day.0.into()).0.to_string();
                return Some(warning(
                    "calendar_not_covered",
                    trf(
                        self.loc,
                        "内置节假日表没有 {} 年，只按周末和店铺设置判断休息日；请在 shop.holidays/workdays 补上当年安排。|內建節假日表沒有 {} 年，只按週末和店鋪設定判斷休息日；請在 shop.holidays/workdays 補上當年安排。|No built-in holidays for {}: only weekends and shop.holidays/workdays count; add that year's dates.",
                        &[&y],
                    ),
                ));
            }
            day.0 += 1;
        }
        None
    }

    /// "; 午休不打扰,顺延到 13:30", "; 17:05 发送" or "; 现在发送".
    fn moment(&self, t: Time, trail: &Trail) -> String {
        let w = self.when(t);
        if trail.blocks[0].is_none() {
            return if t <= self.now {
                trf(self.loc, "现在发送|~|send now", &[])
            } else {
                trf(self.loc, "{} 发送|~|send at {}", &[&w])
            };
        }
        let (qb, qa) = (hhmm(self.s.quiet_before), hhmm(self.s.quiet_after));
        let holiday = trail
            .holiday
            .and_then(|d| calendar::holiday_name(d, self.loc));
        let mut joined = String::new();
        for b in trail.blocks.iter().flatten() {
            let part = match b {
                Block::Early => trf(self.loc, "{} 前不打扰|~|nothing before {}", &[&qb]),
                Block::Late => trf(self.loc, "{} 后不打扰|~|nothing after {}", &[&qa]),
                Block::Lunch => trf(self.loc, "午休不打扰|~|not in the lunch break", &[]),
                Block::Rest => match holiday {
                    Some(h) => trf(self.loc, "{}放假||{} holiday", &[h]),
                    None => trf(self.loc, "休息日不打扰|~|not on rest days", &[]),
                },
            };
            push_item(&mut joined, t3(self.loc, "，||, "), &part);
        }
        if trail.earlier {
            return trf(
                self.loc,
                "{}，提前到 {}||{}: brought forward to {}",
                &[&joined, &w],
            );
        }
        trf(self.loc, "{}，顺延到 {}|~|{}: moved to {}", &[&joined, &w])
    }

    /// The allowed moment from `from`, else the least-bad one with a warning.
    fn find(&mut self, from: Time, trail: &mut Trail) -> Time {
        if let Some(t) = next_ok(from, self.close, self.s, 0, trail) {
            return t;
        }
        let mut pick = self.now;
        'search: for k in 0..2 {
            let start = if k == 0 { from } else { self.now };
            for level in 1..=3 {
                if let Some(t) = next_ok(start, self.close, self.s, level, &mut Trail::default()) {
                    pick = t;
                    break 'search;
                }
            }
        }
        self.least_bad(pick, from);
        trail.blocks = [None; 4];
        pick
    }

    fn least_bad(&mut self, t: Time, wanted: Time) {
        let (qb, qa) = (hhmm(self.s.quiet_before), hhmm(self.s.quiet_after));
        let what = match block(t, self.s) {
            Some(Block::Rest) => trf(self.loc, "是休息日||is a rest day", &[]),
            Some(Block::Early) => trf(self.loc, "早于 {}|~|is before {}", &[&qb]),
            Some(Block::Late) => trf(self.loc, "晚于 {}|~|is after {}", &[&qa]),
            Some(Block::Lunch) => trf(self.loc, "在午休时间|~|is in the lunch break", &[]),
            None if t < wanted => {
                let gap = span(self.s.min_gap, self.loc);
                trf(
                    self.loc,
                    "离上次提醒不到 {}|~|is less than {} after the last reminder",
                    &[&gap],
                )
            }
            None => String::new(),
        };
        let (w, c) = (self.when(t), self.when(self.close));
        self.warnings.push(warning(
            "no_allowed_time",
            trf(
                self.loc,
                "关单（{}）前没有合适的催付时间：{} {}，这是打扰最少的选择。|~|No allowed moment before the close ({}): {} {}, the least-bad choice.",
                &[&c, &w, &what],
            ),
        ));
    }

    /// The last-chance moment: `lead` before the close inside allowed hours,
    /// or later while at least half the lead is left (a few hours before the
    /// close, not minutes: an order closing at 10:41 is not reminded at 10:00
    /// when the evening before is allowed); else the latest allowed moment
    /// before that; else an allowed moment up to 30 minutes before the
    /// close; else the first one after `from`.
    fn last_chance(&mut self, from: Time, trail: &mut Trail) -> Time {
        let lead = self.s.last_chance_before;
        let target = add(self.close, -lead).max(from);
        let half = add(self.close, -(lead / 2));
        let cut = clock::shift(self.close, -1800);
        next_ok(target, half, self.s, 0, trail)
            .or_else(|| {
                let t = prev_allowed(target, from, self.s).filter(|t| *t < self.close);
                trail.earlier = t.is_some_and(|t| t < target);
                t
            })
            .or_else(|| next_ok(target, cut, self.s, 0, trail))
            .unwrap_or_else(|| self.find(from, trail))
    }

    /// The last-chance reminder from `from`, with its lead and moment explained.
    fn last_chance_done(&mut self, from: Time) -> Timing {
        let mut trail = Trail::default();
        let t = self.last_chance(from, &mut trail);
        self.last_chance_why(t);
        let m = self.moment(t, &trail);
        self.moment_alone(&m);
        self.send(Occasion::LastChance, t)
    }

    /// One reminder before the close, explained by a sentence whose `{}` is its time.
    fn once_before_close(&mut self, from: Time, row: &'static str) -> Timing {
        let mut trail = Trail::default();
        let t = self.last_chance(from, &mut trail);
        let w = self.when(t);
        self.say(row, &[&w]);
        self.send(Occasion::LastChance, t)
    }

    /// Names the real lead: a flash sale's 12 minutes, not the usual 3 hours.
    fn last_chance_why(&mut self, t: Time) {
        let s = last_chance_sentence(self.close, t, self.now, self.loc);
        self.why.push(s);
    }
}

/// The last-chance sentence for a reminder at `t`, read at `now`: the close
/// and the real lead (a flash sale's 12 minutes, not the usual 3 hours).
pub fn last_chance_sentence(close: Time, t: Time, now: Time, loc: Locale) -> String {
    let c = when(close, now, loc);
    let lead = span(clock::since(&close, &t), loc);
    trf(
        loc,
        "关单前最后一次提醒：订单 {} 关闭，提前约 {}提醒。|~|Last reminder before the order closes at {}, about {} ahead.",
        &[&c, &lead],
    )
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

/// The moment `t` worded from `now` for a `why` sentence; in English with
/// the time zone ("21:30 tomorrow (UTC+8)"), as the reader may not be in
/// the shop's.
pub fn when(t: Time, now: Time, loc: Locale) -> String {
    let w = super::say::when(t, now, loc);
    if loc != Locale::En {
        return w;
    }
    let secs = t.offset().local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let (h, m) = (secs.abs() / 3600, secs.abs() % 3600 / 60);
    if m == 0 {
        format!("{w} (UTC{sign}{h})")
    } else {
        format!("{w} (UTC{sign}{h}:{m:02})")
    }
}

/// Send now if `t` is not later than `now`, else schedule.
pub(crate) fn action_for(t: Time, now: Time) -> Action {
    if t <= now {
        Action::SendNow
    } else {
        Action::Schedule
    }
}

fn clip(s: &str, n: usize) -> String {
    let mut out = String::new();
    super::text::push_clipped(&mut out, s, n);
    out
}

/// A cause the buyer told the agent, which an address check would talk past
/// (000 询单: read the chat for the cause — postage, gift, price — and answer
/// it; 001: payment help, an apology, benefits for doubts).
fn helps_first(code: ReasonCode) -> bool {
    !matches!(code, ReasonCode::Unknown | ReasonCode::SilentOrder)
}

/// Decides the action and moment for `input`.
pub fn plan(input: &Input, analysis: &Analysis) -> Timing {
    let s = &input.settings;
    let mut p = Plan {
        loc: input.locale,
        s,
        now: input.now,
        close: closes_at(input),
        why: Vec::new(),
        warnings: Vec::new(),
    };
    if let Some(stop) = stop_reason(input, analysis, p.close) {
        stop_why(&mut p, stop);
        return p.done(Occasion::None, Action::Stop, None);
    }
    if let Some(t) = answer_first(&mut p, input, analysis) {
        return t;
    }
    let mut earliest = match input.reminders.last() {
        Some(last) => p.now.max(add(last.at, s.min_gap)),
        None => p.now,
    };
    let waiting = waits_for_reply(input, analysis);
    if waiting {
        let reply = reply_moment(&p);
        p.say(
            "买家在等回复：先回复，不让买家干等；下面说的是回复之后的催付提醒。|買家在等回覆：先回覆，不讓買家乾等；下面說的是回覆之後的催付提醒。|The buyer is waiting for a reply: reply first, without keeping them waiting; what follows is about the reminder after it.",
            &[],
        );
        p.reply_why(reply);
        earliest = earliest.max(add(reply, s.min_gap));
    }
    let mut space = false;
    if let Some(at) = hesitating(input, analysis) {
        let until = add(at, s.hesitation);
        if until > earliest && s.hesitation > Duration::zero() {
            earliest = until;
            space = true;
            let h = span(s.hesitation, p.loc);
            p.say(
                "买家还在考虑：先给 {}的时间，不马上追着催。|買家還在考慮：先給 {}的時間，不馬上追著催。|The buyer is thinking it over: give them {} before a reminder.",
                &[&h],
            );
        }
    }
    let mut t = at_named_time(&mut p, input, analysis, earliest)
        .or_else(|| while_waiting(&mut p, input, analysis, earliest))
        .unwrap_or_else(|| usual(&mut p, input, analysis, earliest, space));
    if waiting && t.action != Action::Stop {
        t.follow_up = t.send_at;
        t.send_at = Some(reply_moment(&p));
        t.action = action_for(reply_moment(&p), p.now);
        t.reply = true;
    }
    t
}

/// The buyer wrote last, after the last reminder, with a request or a
/// complaint the agent has not answered (help with paying, a wait, the
/// service): the reply cannot wait for rest time.
fn waits_for_reply(input: &Input, analysis: &Analysis) -> bool {
    use ReasonCode as R;
    matches!(
        analysis.reason.code,
        R::ForgotPassword
            | R::PaymentTrouble
            | R::PaymentSystemIssue
            | R::NoviceBuyer
            | R::WaitingReply
            | R::ServiceUnhappy
    ) && buyer_last_at(input).is_some()
}

/// When the buyer's own word, the last of the chat and later than the last
/// reminder, was written (`now` when it has no time); `None` when the agent
/// spoke last.
fn buyer_last_at(input: &Input) -> Option<Time> {
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
        .then_some(at)
}

/// The buyer is thinking it over (我再想想: `changed_mind` without a plain
/// no), naming no time: when they last wrote (`now` without a time).
fn hesitating(input: &Input, analysis: &Analysis) -> Option<Time> {
    let sig = &analysis.signals;
    if analysis.reason.code != ReasonCode::ChangedMind
        || sig.declined.is_some()
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
fn reply_moment(p: &Plan) -> Time {
    if p.s.answer_at_night {
        return p.now;
    }
    next_ok(p.now, p.close, p.s, 2, &mut Trail::default()).unwrap_or(p.now)
}

impl Plan<'_> {
    /// Why the reply goes at `reply`: now, or when quiet hours end.
    fn reply_why(&mut self, reply: Time) {
        if reply > self.now {
            let (qb, w) = (hhmm(self.s.quiet_before), self.when(reply));
            self.say(
                "店铺设定夜里不回复：{} 上班就回复，{} 发送。|店鋪設定夜裡不回覆：{} 上班就回覆，{} 發送。|The shop holds replies at night: reply when work starts at {}, {}.",
                &[&qb, &w],
            );
        }
    }

    /// The reminder after the reply, or why there is none.
    fn follow_up_why(&mut self, follow: Option<Time>, trail: &Trail) {
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

/// An open question is answered first (002: answer fast): the answer goes
/// now (quiet hours, lunch and rest days are for reminders, 000/003), and
/// the reminder after it keeps the usual hours. A reminder recorded after
/// the question was the agent's reply to it.
fn answer_first(p: &mut Plan, input: &Input, analysis: &Analysis) -> Option<Timing> {
    let question_open = analysis.signals.open_question.is_some_and(|i| {
        let asked = input
            .messages
            .iter()
            .find(|m| m.index == i)
            .and_then(|m| m.at);
        // Reminders are oldest first: the last one is the latest.
        input
            .reminders
            .last()
            .is_none_or(|r| asked.is_none_or(|a| r.at < a))
    });
    if !question_open {
        return None;
    }
    p.say(
        "买家的问题还没回复：先回答，回答时再轻轻提醒付款。|買家的問題還沒回覆：先回答，回答時再輕輕提醒付款。|The buyer's question is unanswered: answer first, then remind gently.",
        &[],
    );
    let reply = reply_moment(p);
    p.reply_why(reply);
    // The reminder after the answer: the minimum gap later, in the usual hours.
    let mut trail = Trail::default();
    let follow = next_ok(add(reply, p.s.min_gap), p.close, p.s, 0, &mut trail);
    p.follow_up_why(follow, &trail);
    let mut t = p.done(Occasion::Answer, Action::Hold, Some(reply));
    t.follow_up = follow;
    t.reply = true;
    Some(t)
}

/// The time the buyer named (001: remind shortly before the top-up time),
/// or the close when their time is after it.
fn at_named_time(
    p: &mut Plan,
    input: &Input,
    analysis: &Analysis,
    earliest: Time,
) -> Option<Timing> {
    let nt = analysis.signals.named_time.as_ref()?;
    let (s, now, close) = (p.s, p.now, p.close);
    let said = clip(nt.text.trim(), 20);
    if nt.at > now && nt.at < close {
        let lead_at = add(nt.at, -s.named_time_lead);
        let early = lead_at.max(now);
        // Inside allowed hours: the lead, else the time itself (明天付 →
        // 10:00), else the nearer of the latest allowed moment before it and
        // the first one after (晚上11点付 → 21:30, 早上8点付 → 10:00); the
        // buyer's own time only when none is left before the close.
        let t = if is_allowed(early, s) {
            early
        } else if is_allowed(nt.at, s) {
            nt.at
        } else {
            let before = prev_allowed(early, now, s);
            let after = next_allowed(nt.at, close, s);
            match (before, after) {
                (Some(b), Some(a)) if clock::since(&a, &nt.at) < clock::since(&nt.at, &b) => a,
                (Some(b), _) => b,
                (None, a) => a.unwrap_or(early),
            }
        };
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
        } else if is_allowed(t, s) {
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
        if !is_allowed(t, s) {
            let w = p.when(t);
            p.warnings.push(warning(
                "named_time_in_rest",
                trf(
                    p.loc,
                    "{} 是买家自己约的时间，虽在休息时段也按约提醒。|~|{} is the buyer's own time: remind then, though outside usual hours.",
                    &[&w],
                ),
            ));
        }
        return Some(p.send(Occasion::BuyerNamedTime, t));
    }
    if nt.at >= close {
        let c = p.when(close);
        p.warnings.push(warning(
            "named_time_after_close",
            trf(
                p.loc,
                "买家说的时间（“{}”）在关单后，订单 {} 关闭：请买家提前付款或到时重拍。|買家說的時間（「{}」）在關單後，訂單 {} 關閉：請買家提前付款或到時重新下單。|The buyer's time (“{}”) is after the close at {}: ask them to pay earlier or reorder then.",
                &[&said, &c],
            ),
        ));
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

/// A buyer still thinking it over or waiting for money: one reminder before
/// the close, or a question about when the money comes.
fn while_waiting(
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

/// The usual reminder: the first allowed moment (or campaign wave) after the
/// gap since the last one and, for a first reminder, the hidden-reminder
/// delay and the order's time slot; then why.
fn usual(p: &mut Plan, input: &Input, analysis: &Analysis, earliest: Time, space: bool) -> Timing {
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
    } else if consulted && !helps_first(analysis.reason.code) {
        Occasion::AddressCheck
    } else {
        Occasion::First
    };

    occasion_why(p, input, analysis, occasion, t);
    if waved && !is_allowed(t, s) {
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
fn occasion_why(p: &mut Plan, input: &Input, analysis: &Analysis, occasion: Occasion, t: Time) {
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

fn stop_why(p: &mut Plan, stop: Stop) {
    let (row, arg) = match stop {
        Stop::Paid => ("订单已付款，不用再催。|~|The order is paid: no reminder.", String::new()),
        Stop::Closed => (
            "订单已在 {} 关闭，不再催付。|~|The order closed at {}: no reminder.",
            p.when(p.close),
        ),
        Stop::Asked => (
            "买家说了别再发，尊重买家，不再催付。|~|The buyer asked not to be contacted: respect it.",
            String::new(),
        ),
        Stop::ChangedMind => (
            "买家不想要了：不强求，礼貌回应，留个好印象。|~|The buyer changed their mind: don't push; stay polite and leave the door open.",
            String::new(),
        ),
        Stop::Cap(n) => (
            "已催 {} 次，到上限了，不再催。||Already reminded {} times, the cap: no more.",
            n.to_string(),
        ),
        Stop::Methods => (
            "大单每种方式只催一次，能用的都用过了。|~|Big order: every usable method has been used once.",
            String::new(),
        ),
    };
    p.say(row, &[&arg]);
}
