//! When to remind: the conversation state (stop, hold, the buyer's own time),
//! the close deadline, the allowed hours, and the moment to send.
//!
//! Every rule is a shop setting with the seeds' default (see `Settings`):
//! order-time slots and the +10 min address check (001), no reminders before
//! 10:00, in the lunch break or on rest days (000/003), campaign waves (001),
//! the close after three days (004; 002 speaks of 24 h), a last-chance
//! reminder, a minimum gap and a cap. When no allowed moment exists before
//! the close, the least-bad one is picked and a warning says so. Rest time
//! is for reminders: a reply to a waiting buyer goes now, and the reminder
//! after it keeps every rule (`reply`).

use chrono::{DateTime, Duration, FixedOffset, NaiveTime};

use super::calendar;
use super::clock;
use super::input::{Input, Settings};
use super::model::{Action, Channel, Locale, ReasonCode, Role, Warning};
use super::reason::Analysis;
use super::say::{
    capital, hhmm, hms, list_sep, push_item, reason_name, row, span, t3, trf, warning,
};

mod hours;
mod last_chance;
mod named;
mod reply;
mod usual;

pub use hours::{block, is_allowed, next_allowed, Block};
pub use last_chance::last_chance_sentence;
pub use usual::follow_up_sentence;

use hours::{block_at, next_ok, prev_allowed, prev_ok, Trail};
use named::{at_named_time, while_waiting};
use reply::{
    after_reply, answer_first, hesitating, named_last, named_unanswered, question_open,
    reply_moment, waits_for_reply,
};
use usual::usual;

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
    /// The buyer just named their time for paying (15号发工资再付): say it
    /// suits, now; the reminder before their time follows (001:
    /// 了解买家方便充值时间，提前再次催付).
    NamedReply,
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
    /// The first `why` sentence about `follow_up` when it is the usual
    /// reminder after an answer (not a campaign wave): what
    /// [`wait_for_answer`] takes back.
    pub after_answer_why: Option<usize>,
    /// When the order closes unpaid.
    pub closes_at: DateTime<FixedOffset>,
    /// One sentence per decision.
    pub why: Vec<String>,
    /// Problems to show.
    pub warnings: Vec<Warning>,
    /// Why no reminder goes out, when that is the action for this reason.
    pub stop: Option<Stop>,
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
    /// The buyer still thinks it over after a reminder: their one gentle
    /// reminder has gone (000, 001; `shop.remindStillDeciding`).
    Deciding,
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
    } else if still_deciding(input, analysis) {
        Some(Stop::Deciding)
    } else if owes_reply(input, analysis, close) {
        // The cap is on reminders: a buyer who wrote after the last one and
        // waits for an answer gets it (002: 及时回复), with no reminder
        // after it, or only the one before a time they named (001).
        None
    } else if n >= cap(input) {
        Some(Stop::Cap(n))
    } else if input.is_big() && methods_left(input) == 0 {
        Some(Stop::Methods)
    } else {
        None
    }
}

/// The buyer says they are still thinking it over (还在考虑, will let you
/// know) in their turn after a reminder, naming no time and asking
/// nothing else: the one gentle reminder a hesitating buyer gets has gone.
fn still_deciding(input: &Input, analysis: &Analysis) -> bool {
    let sig = &analysis.signals;
    let Some(last) = input.reminders.last() else {
        return false;
    };
    !input.settings.remind_still_deciding
        && sig.said.thinking
        && sig.named_time.is_none()
        && !question_open(input, analysis, &input.settings)
        && matches!(
            analysis.reason.code,
            ReasonCode::Unknown | ReasonCode::ChangedMind
        )
        && input
            .since_agent()
            .iter()
            .any(|m| m.from == Role::Buyer && m.at.is_none_or(|a| a >= last.at))
}

/// Whether no reminder is left (the cap, or every method of a big order).
fn spent(input: &Input) -> bool {
    input.reminders.len() >= cap(input) || input.is_big() && methods_left(input) == 0
}

/// The reminders are spent but the buyer wrote after the last one and
/// waits for an answer, or just named their time for paying.
fn owes_reply(input: &Input, analysis: &Analysis, close: Time) -> bool {
    spent(input)
        && (waits_for_reply(input, analysis)
            || named_unanswered(input, analysis, close)
            || question_open(input, analysis, &input.settings))
}

/// Says the reminders are spent, so the reply goes alone.
fn spent_why(p: &mut Plan, input: &Input) {
    let n = input.reminders.len().to_string();
    p.say(
        "已催 {} 次，到上限了：只回复买家，之后不再安排提醒。|已催 {} 次，到上限了：只回覆買家，之後不再安排提醒。|Already reminded {} times, the cap: reply only, no reminder after it.",
        &[&n],
    );
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

    /// A warning with its message in the locale.
    fn warn(&mut self, code: &'static str, row: &'static str, args: &[&str]) {
        let message = trf(self.loc, row, args);
        self.warnings.push(warning(code, message));
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
            after_answer_why: None,
            closes_at: self.close,
            why: std::mem::take(&mut self.why),
            warnings: std::mem::take(&mut self.warnings),
            stop: None,
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
}

/// The moment `t` worded from `now` for a `why` sentence; in English with
/// the time zone ("21:30 tomorrow (UTC+8)"), as the reader may not be in
/// the shop's.
pub fn when(t: Time, now: Time, loc: Locale) -> String {
    let w = super::say::when(t, now, loc);
    if loc != Locale::En {
        return w;
    }
    format!("{w} ({})", zone(t))
}

/// The time zone of `t`: "UTC+8", "UTC+5:30", "UTC-3".
pub(crate) fn zone(t: Time) -> String {
    let secs = t.offset().local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let (h, m) = (secs.abs() / 3600, secs.abs() % 3600 / 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
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
        let mut t = p.done(Occasion::None, Action::Stop, None);
        t.stop = Some(stop);
        return t;
    }
    if analysis.signals.said.voice_only {
        return reply_only(&mut p, VOICE_WHY);
    }
    if analysis.signals.said.paid_said {
        return reply_only(&mut p, PAID_WHY);
    }
    // 拍错了 我要豆腐砂: the buyer orders the right one again; this order
    // is left to close, never chased.
    if analysis.signals.said.redo && analysis.reason.code == ReasonCode::ChangedMind {
        return reply_only(&mut p, REDO_WHY);
    }
    if asks_to_ask(analysis) {
        return reply_only(&mut p, ASK_WHY);
    }
    if named_last(input, analysis).is_none() {
        if let Some(t) = answer_first(&mut p, input, analysis) {
            return t;
        }
    }
    let mut earliest = match input.reminders.last() {
        Some(last) => p.now.max(add(last.at, s.min_gap)),
        None => p.now,
    };
    let named_now = named_unanswered(input, analysis, p.close);
    // 现在不要发消息 会吵醒: no reply now; the reminder keeps to their time.
    let waiting = !analysis.signals.said.not_now && (waits_for_reply(input, analysis) || named_now);
    if waiting {
        let reply = reply_moment(&p);
        p.say(
            "买家在等回复：先回复，不让买家干等；下面说的是回复之后的催付提醒。|買家在等回覆：先回覆，不讓買家乾等；下面說的是回覆之後的催付提醒。|The buyer is waiting for a reply: reply first, without keeping them waiting; what follows is about the reminder after it.",
            &[],
        );
        p.reply_why(reply);
        // The reminders are spent: the reply only, unless the buyer named
        // their time (001: 提前再次催付).
        if spent(input) && !named_now {
            spent_why(&mut p, input);
            let mut t = p.send(Occasion::FollowUp, reply);
            t.reply = true;
            return t;
        }
        earliest = earliest.max(after_reply(&p, reply));
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
        let reply = reply_moment(&p);
        // A least-bad pick no later than the reply is no reminder after it.
        t.follow_up = t.send_at.filter(|f| *f > reply);
        t.send_at = Some(reply);
        t.action = action_for(reply, p.now);
        t.reply = true;
        if named_now && t.occasion == Occasion::BuyerNamedTime {
            t.occasion = Occasion::NamedReply;
        }
    }
    t
}

/// The reply now and no reminder planned after it, with the sentence of
/// `why` that says what the reply waits to learn: what a turn of voice
/// messages only said (002: reply fast, never beside the point), or what a
/// buyer who means to ask wants to know (有人吗 想问下).
fn reply_only(p: &mut Plan, row: &'static str) -> Timing {
    p.say(row, &[]);
    let reply = reply_moment(p);
    p.reply_why(reply);
    let mut t = p.done(Occasion::Answer, Action::Hold, Some(reply));
    t.reply = true;
    t
}

/// Why a turn of voice messages only gets the reply alone.
const VOICE_WHY: &str = "买家发的是语音：先听语音、按内容回复（听不了就请买家打字说），弄清楚说了什么之前不排付款提醒。|買家傳的是語音：先聽語音、依內容回覆（聽不了就請買家打字），弄清楚說了什麼之前不排付款提醒。|The buyer sent voice messages: listen and answer them (or ask them to type it); no payment reminder is planned until you know what they said.";

/// Why a buyer who says they have paid gets the reply alone: the order
/// still shows unpaid, so the payment may be under way, on another order or
/// account, or not made; a reminder would tell them they did not pay.
const PAID_WHY: &str = "买家说已经付款了，订单却还显示待付款：先回复、请买家发付款记录帮他核对（可能还在处理，或付到了别的订单、别的账号），别说买家没付，核对清楚之前不排付款提醒。|買家說已經付款了，訂單卻還顯示待付款：先回覆、請買家傳付款紀錄幫他核對（可能還在處理，或付到了別的訂單、別的帳號），別說買家沒付，核對清楚之前不排付款提醒。|The buyer says they have paid, but the order still shows unpaid: reply now and ask for the payment record to check it (it may still be processing, or have gone to another order or account); don't say they didn't pay, and plan no payment reminder until it is checked.";

/// Why a buyer who ordered the wrong variant gets the reply alone.
const REDO_WHY: &str = "买家拍错了款式或尺码、要重新拍：先回复，帮买家拍对的那款；拍错的这单不付会自动关闭，不再催付这单。|買家下錯了款式或尺寸、要重新下單：先回覆，幫買家下對的那款；下錯的這筆不付會自動取消，不再催付這筆。|The buyer ordered the wrong variant and will order again: reply now and help them order the right one; this order closes by itself if unpaid, so it gets no reminder.";

/// Why a buyer who means to ask gets the reply alone.
const ASK_WHY: &str = "买家想问问题但还没说问什么：先回复、请买家说说想了解什么，知道问题并答完之前不排付款提醒。|買家想問問題但還沒說問什麼：先回覆、請買家說說想了解什麼，知道問題並回答之前不排付款提醒。|The buyer wants to ask something but hasn't said what: reply now and ask what they'd like to know; no payment reminder is planned until the question is known and answered.";

/// The buyer means to ask but has not said what (有人吗 想问下 … 人呢), and
/// their messages show nothing else: waiting (or a hello) is all they said.
pub fn asks_to_ask(analysis: &Analysis) -> bool {
    analysis.signals.said.ask_to_ask
        && matches!(
            analysis.reason.code,
            ReasonCode::WaitingReply | ReasonCode::Unknown
        )
        && analysis.reason.others.is_empty()
}

/// Takes back the reminder planned after an answer when the answer is
/// still the agent's to find and the shop says so (`shop.followUpOpenAnswer`
/// false): it can decide whether the buyer buys at all, and the suggestion
/// made once the agent has answered plans the reminder.
pub fn wait_for_answer(t: &mut Timing, loc: Locale) {
    let Some(k) = t.after_answer_why.take() else {
        return;
    };
    if t.follow_up.take().is_none() {
        return;
    }
    t.why.truncate(k);
    t.why.push(trf(
        loc,
        "答案还要客服先查清楚，它可能决定买家买不买：这次只回复，不排付款提醒；答复发出后再看买家怎么说。|答案還要客服先查清楚，它可能決定買家買不買：這次只回覆，不排付款提醒；答覆發出後再看買家怎麼說。|The answer is still yours to find, and it may decide whether the buyer buys: reply only, with no payment reminder planned; once you have answered, see what the buyer says.",
        &[],
    ));
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
        Stop::Deciding => (
            "买家催过一次后还在考虑：不再催，回一句不着急、想好了随时找我。|買家提醒過一次後還在考慮：不再催，回一句不急、想好了隨時找我。|The buyer is still deciding after a reminder: no more reminders; reply that there's no rush and they can message any time.",
            String::new(),
        ),
    };
    p.say(row, &[&arg]);
}
