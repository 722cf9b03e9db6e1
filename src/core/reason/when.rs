//! When the buyer said they would pay (晚上8点付, 明天付, 周五, 等会儿,
//! tonight), resolved to a moment in the shop's offset. The words are in
//! `src/data/times.tsv`, one phrase a row (`phrase<TAB>value`, value 0 when
//! left out) under a `[kind]` heading: `day` (days from today), `part` (part
//! of the day, its default hour; a clock hour after one of 12 or later reads
//! as afternoon), `week` (weekday, 0 = Sunday), `rel` (minutes from the
//! moment said), `pay` (verbs of paying, or of deciding then: 再说, 再定; a
//! named time counts only with one,
//! or with a `rel` word; 1 when the verb itself asks leave: 留到), `clock`
//! (hour marker after a number; 12 = pm, 1 = am), `date` (day of the month after a
//! number), `ask` (asking leave: 可以吗; a time in a question counts only
//! with a verb of paying that asks leave), `then` (到时候, till then: the
//! time is in the message before), `again` (ordering anew: order again,
//! 重新拍, which names no time to pay this order). This file only reads numbers and does
//! the calendar arithmetic.

use crate::core::clock::{self, Time, DAY};

use aho_corasick::AhoCorasick;

use super::super::text::digits;
use super::super::text::lower_case_phrases;
use super::norm::Norm;

const TABLE: &str = super::super::data::TIMES;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Day,
    Part,
    Week,
    Rel,
    Pay,
    Clock,
    Date,
    Ask,
    Then,
    /// Ordering anew (order again, 重新拍): the longer match hides the verb
    /// of paying inside it, so no time is named for paying this order.
    Again,
    /// A day gone by (昨天晚上就转账了): the time words of its clause say
    /// when something was done, not when the buyer will pay.
    Past,
}

const KINDS: [Kind; 11] = [
    Kind::Day,
    Kind::Part,
    Kind::Week,
    Kind::Rel,
    Kind::Pay,
    Kind::Clock,
    Kind::Date,
    Kind::Ask,
    Kind::Then,
    Kind::Again,
    Kind::Past,
];

pub struct Times {
    matcher: AhoCorasick,
    kinds: Vec<(Kind, i64)>,
}

/// The time words, read once with the phrase table ([`super::rules::rules`]).
fn times() -> &'static Times {
    &super::rules::rules().times
}

/// Reads `times.tsv`.
pub(super) fn read_times() -> Times {
    let mut pats = Vec::new();
    let mut kinds = Vec::new();
    let mut kind = None;
    // `build.rs` leaves only headings and rows, trimmed.
    for line in TABLE.lines() {
        if let Some(h) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            // `build.rs` writes each kind as its index in this list.
            kind = digits(h).and_then(|k| KINDS.get(k as usize)).copied();
            continue;
        }
        let Some(k) = kind else { continue };
        let mut f = line.split('\t');
        pats.push(f.next().unwrap_or(""));
        kinds.push((k, f.next().and_then(digits).unwrap_or(0)));
    }
    // Read on normalised text only, which has no capital letters: the
    // case-sensitive matcher finds the same words and builds faster.
    Times {
        matcher: lower_case_phrases(&pats),
        kinds,
    }
}

/// The time words of `n` in order, each with its kind and value.
fn words(n: &Norm) -> impl Iterator<Item = (aho_corasick::Match, (Kind, i64))> + '_ {
    let t = times();
    t.matcher
        .find_iter(&n.text)
        .filter_map(|h| Some((h, *t.kinds.get(h.pattern().as_usize())?)))
}

/// The time words of one normalised message, found in one pass and read
/// by [`named`], [`refers_back`] and [`pays_later`]; the buffer is kept
/// from message to message.
#[derive(Default)]
pub struct Words(Vec<(aho_corasick::Match, (Kind, i64))>);

impl Words {
    /// The time words of `n`, in place of what this held.
    pub fn read(&mut self, n: &Norm) {
        self.0.clear();
        self.0.extend(words(n));
    }

    /// Whether the message has no time word.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The time words of `n`.
    pub fn new(n: &Norm) -> Words {
        let mut w = Words::default();
        w.read(n);
        w
    }
}

/// Whether the message of `w` pays at a time said before (到时候再付可以吗,
/// can u hold the order till then): a `then` word and a verb of paying.
pub fn refers_back(w: &Words) -> bool {
    let (mut then, mut pay) = (false, false);
    for (_, (kind, _)) in &w.0 {
        then |= *kind == Kind::Then;
        pay |= *kind == Kind::Pay;
    }
    then && pay
}

/// Whether `n` (its time words `w`) says the buyer will pay (a verb of
/// paying, not 不付/没付), with no time of its own: 回来再付, which a short
/// message after it can give the hour of (大概7点多吧).
pub fn pays_later(n: &Norm, w: &Words) -> bool {
    let mut pay = false;
    for (h, (kind, _)) in &w.0 {
        match kind {
            Kind::Pay => pay |= !matches!(n.before(h.start()), Some('不' | '没' | '别')),
            Kind::Ask | Kind::Then => {}
            _ => return false,
        }
    }
    pay
}

/// Whether `text` asks to keep the order (能帮我留到明天吗, can u hold it
/// for me): a verb of paying that asks leave by itself.
pub fn asks_to_hold(text: &str) -> bool {
    words(&Norm::new(text)).any(|(_, w)| w == (Kind::Pay, 1))
}

/// [`refers_back`] for a text as written.
pub fn pays_then(text: &str) -> bool {
    refers_back(&Words::new(&Norm::new(text)))
}

/// A named time: the moment and the normalised span that named it.
#[derive(Clone, Copy)]
pub struct Said {
    pub at: Time,
    pub start: usize,
    pub end: usize,
    /// Said as "after" the time (中午过后, 下午3点以后): not before it.
    pub after: bool,
    /// A day was named (明天, 周日, 15号), not only an hour.
    pub day_named: bool,
    /// Only a time of day was named (9点多, 晚上), no day.
    pub hour_only: bool,
}

impl Said {
    /// The hour said in a message right after one that named the day
    /// (礼拜天晚上回台北再付款 / 大概9点多到家 到时候再刷卡): that day at this
    /// hour, when it is still to come.
    pub fn on_day_of(&self, earlier: &Said) -> Option<Time> {
        if !(self.hour_only && earlier.day_named) {
            return None;
        }
        let t = earlier.at.date_naive().and_time(self.at.time());
        let t = t.and_local_timezone(*self.at.offset()).single()?;
        (t > self.at).then_some(t)
    }
}

fn cn_digit(c: char) -> Option<i64> {
    match c {
        '两' => Some(2),
        '十' => Some(10),
        _ => "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as i64),
    }
}

/// The number written just before `pos` (digits, or Chinese numerals up to
/// 九十九), with its normalised start and whether it was the lone word 一.
fn number_before(n: &Norm, orig: &str, pos: usize) -> Option<(i64, usize, bool)> {
    let head = n.text.get(..pos)?;
    if let Some(s) = head.trim_end_matches(' ').strip_suffix('#').map(str::len) {
        let (os, oe) = n.orig_span(s, s + 1);
        let v = digits(orig.get(os..oe)?)?;
        return Some((v, s, false));
    }
    // Up to three numerals, last first: 八, 十二, 二十四.
    let mut buf = [(0usize, 0i64); 3];
    let mut len = 0;
    for (slot, (i, c)) in buf.iter_mut().zip(head.char_indices().rev()) {
        let Some(d) = cn_digit(c) else { break };
        *slot = (i, d);
        len += 1;
    }
    let d = |k: usize| buf.get(k).map_or(0, |p| p.1);
    let (v, used) = match (len, d(0), d(1), d(2)) {
        (3.., a, 10, c) if a < 10 && c < 10 => (c * 10 + a, 3),
        (2.., 10, b, _) if b < 10 => (b * 10, 2),
        (2.., a, 10, _) => (10 + a, 2),
        (1.., a, _, _) => (a, 1),
        _ => return None,
    };
    let start = buf.get(used - 1).map_or(pos, |p| p.0);
    Some((v, start, used == 1 && v == 1))
}

fn number_after(n: &Norm, orig: &str, pos: usize) -> Option<i64> {
    if n.at(pos) != Some('#') {
        return None;
    }
    let (os, oe) = n.orig_span(pos, pos + 1);
    digits(orig.get(os..oe)?)
}

/// `h:m` (clamped to a time of day) on day number `day`, in `base`'s offset.
fn at(base: &Time, day: i64, h: i64, m: i64) -> Option<Time> {
    clock::on_day(base, day, h.clamp(0, 23) * 3600 + m.clamp(0, 59) * 60)
}

/// Words after a time that rule it out (周末不算, 明天不行, 今晚没空).
const RULED_OUT: [&str; 7] = ["不算", "不行", "不方便", "没空", "没时间", "不在", "不可以"];

/// Words of buying somewhere else (不然我周末去好市多买): the time said
/// with them is when the buyer would buy there, not when they pay here.
const ELSEWHERE: [&str; 12] = [
    "去别家",
    "别家买",
    "去好市多",
    "好市多买",
    "去超市",
    "超市买",
    "去实体店",
    "实体店买",
    "去商场",
    "商场买",
    "去外面买",
    "elsewhere",
];

/// The most characters of a clause that only adds the hour to the clause
/// of paying before it (12点半左右).
const SHORT_CLAUSE: usize = 6;
/// Before this second of the day (05:00), "tomorrow" is the day that has
/// already begun: the buyer has not slept yet.
const SMALL_HOURS_END: i64 = 5 * 3600;
/// Words of the goods reaching the buyer: a time in their clause is when
/// the goods are needed (周六前能到吗, reach my flat by Friday 18th), not
/// when the buyer pays, unless the clause pays too.
const ARRIVAL: [&str; 14] = [
    "能到",
    "送到",
    "寄到",
    "到货",
    "要用",
    "到得了",
    "reach",
    "arrive",
    "get here",
    "get to me",
    "delivered",
    "deliver it",
    "need it by",
    "in time for",
];

/// The same for an English clause, in words.
const SHORT_WORDS: usize = 3;

/// Words of paying at a time the clause names (明早再付, 周五才付款).
const PAY_THEN: [&str; 12] = [
    "再付",
    "再支付",
    "再转账",
    "再结账",
    "才付",
    "就付",
    "再买",
    "再拍",
    "再下单",
    "到时付",
    "时候付",
    "再pay",
];

/// Whether clause `c` of `n` holds one of `words`.
fn clause_has(n: &Norm, c: usize, words: &[&str]) -> bool {
    let (cs, ce) = n.clause_span(c);
    n.text
        .get(cs..ce)
        .is_some_and(|t| words.iter().any(|w| t.contains(w)))
}

/// The time named in `n` (the message `orig`, its time words `w`), counted
/// from `base`; `questions` marks clauses that ask rather than say;
/// `pay_said` is true when the message speaks of pay day; `default_hour`
/// stands for a day named without an hour.
pub fn named(
    n: &Norm,
    w: &Words,
    orig: &str,
    base: Time,
    questions: &[bool],
    pay_said: bool,
    default_hour: i64,
) -> Option<Said> {
    let (mut day, mut part, mut week, mut rel, mut date) = (None, None, None, None, None);
    let mut clock: Option<(i64, i64, i64)> = None; // hour, minute, 12 pm / 1 am / 0
    let mut span: Option<(usize, usize)> = None;
    // No time word, no time (most messages).
    if w.0.is_empty() {
        return None;
    }
    let mut pays: Vec<(usize, usize)> = Vec::new();
    let mut hits = w.0.clone();
    // A date mark names a day only after its number (31st, 15号; not the
    // "st" of first).
    hits.retain(|(h, (k, _))| *k != Kind::Date || number_before(n, orig, h.start()).is_some());
    // I'll order again later: a new order then, no time to pay this one.
    if hits.iter().any(|(_, (k, _))| *k == Kind::Again) {
        return None;
    }
    // 我昨天晚上就转账了: the time words of a clause that names a day gone
    // by say when it was done.
    let past: Vec<usize> = hits
        .iter()
        .filter(|(_, (k, _))| *k == Kind::Past)
        .map(|(h, _)| n.clause(h.start()))
        .collect();
    if !past.is_empty() {
        hits.retain(|(h, (k, _))| *k == Kind::Pay || !past.contains(&n.clause(h.start())));
    }
    // The time said with paying wins over one said of something else
    // (今天交房租把卡的日限额用完了 转不了 明早再付可以吗: 明早, not 今天):
    // when a time word shares a clause with a verb of paying, or sits in
    // the clause before one, the time words of other clauses go.
    let pay_clauses: Vec<usize> = hits
        .iter()
        .filter(|(_, (k, _))| *k == Kind::Pay)
        .map(|(h, _)| n.clause(h.start()))
        .collect();
    // A short clause right after it that only adds the hour (中午吃饭的时候付
    // 12点半左右) belongs to it too.
    let short = |c: usize| {
        let (cs, ce) = n.clause_span(c);
        // English takes more letters for as much: like 10:30pm is short.
        n.text.get(cs..ce).is_some_and(|t| {
            let t = t.trim();
            t.chars().count() <= SHORT_CLAUSE
                || t.is_ascii() && t.split_whitespace().count() <= SHORT_WORDS
        })
    };
    let near_pay = |pos: usize| {
        let c = n.clause(pos);
        pay_clauses
            .iter()
            .any(|&p| p == c || p == c + 1 || c == p + 1 && short(c))
    };
    let is_time = |k: Kind| {
        matches!(
            k,
            Kind::Day | Kind::Part | Kind::Week | Kind::Date | Kind::Clock
        )
    };
    let arrival = |pos: usize| {
        let c = n.clause(pos);
        !pay_clauses.contains(&c) && clause_has(n, c, &ARRIVAL)
    };
    hits.retain(|(h, (k, _))| !is_time(*k) || !arrival(h.start()));
    if hits
        .iter()
        .any(|(h, (k, _))| is_time(*k) && near_pay(h.start()))
    {
        hits.retain(|(h, (k, _))| !is_time(*k) || near_pay(h.start()));
    }
    // A day named with the paying itself wins over one in the clause
    // before (我明天要回高雄投票 禮拜天晚上回台北再付款: Sunday).
    let day_level = |k: Kind| matches!(k, Kind::Day | Kind::Week | Kind::Date);
    let in_pay = |pos: usize| pay_clauses.contains(&n.clause(pos));
    if hits
        .iter()
        .any(|(h, (k, _))| day_level(*k) && in_pay(h.start()))
    {
        hits.retain(|(h, (k, _))| !day_level(*k) || in_pay(h.start()));
    }
    // A time in the clause that says the buyer will pay then (那我明早再付)
    // wins over one said of something else near a word of paying (邮储
    // 今晚0点到6点系统升级 暂停快捷支付 那我明早再付: 明早).
    // The clause before it and a short one after it (中午吃饭的时候再付
    // 12点半) belong to it, as for any word of paying.
    let says_then = |c: usize| clause_has(n, c, &PAY_THEN);
    let intent = |pos: usize| {
        let c = n.clause(pos);
        says_then(c) || says_then(c + 1) || c > 0 && says_then(c - 1) && short(c)
    };
    if hits
        .iter()
        .any(|(h, (k, _))| is_time(*k) && intent(h.start()))
    {
        hits.retain(|(h, (k, _))| !is_time(*k) || intent(h.start()));
    }
    // 不然我周末去好市多买: a time of buying elsewhere.
    let elsewhere = |pos: usize| clause_has(n, n.clause(pos), &ELSEWHERE);
    hits.retain(|(h, (k, _))| !(is_time(*k) || *k == Kind::Pay) || !elsewhere(h.start()));
    // A time asked about (今天拍今天能发不) is not one named for paying,
    // unless the question asks leave to pay then (明天付可以吗, 能帮我留到
    // 明天吗); a verb of paying asked about still counts (下周一批下来
    // 到时候再付可以吗).
    let in_clause = |c: usize, kind: Kind, v: Option<i64>| {
        hits.iter()
            .any(|(h, (k, x))| *k == kind && v.is_none_or(|v| *x == v) && n.clause(h.start()) == c)
    };
    // A time said with 吧 (估计明天下午三点前吧, 明天吧) is a guess or a
    // proposal, not a question.
    let guessed = |c: usize| {
        let (cs, ce) = n.clause_span(c);
        let t = n.text.get(cs..ce).unwrap_or("").trim_end();
        t.ends_with('吧') && !t.contains(['?', '吗'])
    };
    let asked = |pos: usize| {
        let c = n.clause(pos);
        let leave = in_clause(c, Kind::Pay, Some(1))
            || in_clause(c, Kind::Pay, None) && in_clause(c, Kind::Ask, None);
        questions.get(c).copied().unwrap_or(false) && !leave && !guessed(c)
    };
    // A time ruled out (周末不算, 明天不行) is not the one named for paying.
    let ruled_out = |e: usize| {
        let rest = n.text.get(e..).unwrap_or("").trim_start();
        RULED_OUT.iter().any(|w| rest.starts_with(w))
    };
    for &(h, (kind, v)) in &hits {
        if kind != Kind::Pay && asked(h.start()) {
            continue;
        }
        if is_time(kind) && ruled_out(h.end()) {
            continue;
        }
        let mut s = h.start();
        match kind {
            Kind::Ask | Kind::Then | Kind::Again | Kind::Past => continue,
            Kind::Pay => {
                if !matches!(n.before(h.start()), Some('不' | '没' | '别')) {
                    pays.push((h.start(), h.end()));
                }
                continue;
            }
            // The first word of each kind names the time; a later one
            // (能帮我留到明天吗 今天卡里没钱了) neither changes it nor
            // widens the words quoted.
            Kind::Day if day.is_some() => continue,
            Kind::Part if part.is_some() => continue,
            Kind::Week if week.is_some() => continue,
            Kind::Rel if rel.is_some() => continue,
            // A span that has passed (等了一个小时, 都一个小时了没人回) is
            // the wait, not a time to pay.
            Kind::Rel if past_span(n, h.start(), h.end()) => continue,
            Kind::Date if date.is_some() => continue,
            Kind::Day => day = Some(v),
            Kind::Part => part = Some(v),
            Kind::Week => {
                // 下周一 is next week's, 下下周一 the week after's.
                let before = n.text.get(..h.start()).unwrap_or("");
                let next = if before.ends_with("下下") {
                    2
                } else {
                    i64::from(before.ends_with('下'))
                };
                week = Some((v, next));
            }
            Kind::Rel => rel = Some(v),
            Kind::Date => {
                let Some((d, ns, _)) = number_before(n, orig, h.start()) else {
                    continue;
                };
                if !matches!(d, 1..=31) {
                    continue;
                }
                s = ns;
                date = Some(d);
            }
            Kind::Clock => {
                let Some((hour, ns, lone_one)) = number_before(n, orig, h.start()) else {
                    continue;
                };
                let mut e = h.end();
                let mut minute = 0;
                if n.at(e) == Some('半') {
                    minute = 30;
                    e += '半'.len_utf8();
                } else if let Some(m) = number_after(n, orig, e) {
                    minute = m;
                    e += 1;
                    if n.at(e) == Some('分') {
                        e += '分'.len_utf8();
                    }
                }
                // 一点 is "a little" unless it reads as a clock time.
                if lone_one && minute == 0 && part.is_none() && n.at(e) != Some('钟') {
                    continue;
                }
                if !matches!(hour, 0..=24) || !matches!(minute, 0..60) || clock.is_some() {
                    continue;
                }
                clock = Some((hour, minute, v));
                s = ns;
                span = Some(span.map_or((s, e), |(a, b)| (a.min(s), b.max(e))));
                continue;
            }
        }
        span = Some(span.map_or((s, h.end()), |(a, b)| (a.min(s), b.max(h.end()))));
    }
    let (mut start, mut end) = span?;
    // 中午过后 / 3点以后 / after 3pm: the time is the earliest, not a deadline.
    let rest = n.text.get(end..).unwrap_or("");
    let after = ["过后", "以后", "之后", "后"]
        .iter()
        .any(|w| rest.starts_with(w))
        || n.text.get(..start).is_some_and(|h| h.ends_with("after "));
    // The words run on to the verb in the same clause: 明天付, 晚上8点再拍.
    let clause = n.clause(start);
    for &(s, e) in &pays {
        if n.clause(s) == clause {
            start = start.min(s);
            end = end.max(e);
        }
    }
    // Paying must be said of the time: in its clause or the next one
    // (明天吧 到时候再拍), not in an earlier one (给我妈买的 她下周六大寿).
    // A short clause that only adds the hour after paying (I'll pay, like
    // 10:30pm; 回来再付 大概7点) counts too.
    let pay_near = pays.iter().any(|&(s, _)| {
        let c = n.clause(s);
        (clause..=clause + 1).contains(&c) || c + 1 == clause && short(clause)
    });
    if !(pay_said || pay_near) && rel.is_none() {
        return None;
    }
    let today = clock::day(&base);
    let mut d = today;
    let mut fixed_day = true;
    if let Some(dm) = date {
        let mut c = today;
        for _ in 0..62 {
            if i64::from(clock::civil(c).2) == dm {
                break;
            }
            c += 1;
        }
        d = c;
    } else if let Some(off) = day {
        // 明天中午醒来再付, said at 1 a.m.: the day after their sleep,
        // which has already begun.
        let off = if off == 1 && clock::sod(&base) < SMALL_HOURS_END {
            0
        } else {
            off
        };
        d = today.saturating_add(off);
    } else if let Some((w, next)) = week {
        let now_w = clock::weekday(today) as i64;
        // 下周一 is the Monday of next week (weeks start on Monday): from a
        // Wednesday, five days on, not twelve.
        let from_monday = |x: i64| (x + 6).rem_euclid(7);
        let ahead = if next > 0 {
            7 * next - from_monday(now_w) + from_monday(w)
        } else {
            (w - now_w).rem_euclid(7)
        };
        d = today + ahead;
    } else {
        fixed_day = false;
    }
    let moment = match (clock, part) {
        (Some((h, m, marker)), p) => {
            // 11am stays in the morning when the hour has passed today.
            let (pm, am) = (marker == 12, marker == 1);
            let mut h = h;
            if (pm || p.is_some_and(|p| p >= 12)) && h < 12 {
                h += 12;
            }
            let mut t = at(&base, d, h, m)?;
            if !fixed_day && t <= base && p.is_none() && !pm && !am && h < 12 {
                t = at(&base, d, h + 12, m)?;
            }
            if !fixed_day && t <= base {
                t = clock::checked_shift(t, DAY)?;
            }
            t
        }
        (None, Some(p)) => {
            let mut t = at(&base, d, p, 0)?;
            if !fixed_day && t <= base {
                t = clock::checked_shift(t, DAY)?;
            }
            t
        }
        (None, None) => match rel {
            Some(mins) if !fixed_day => clock::checked_shift(base, mins.checked_mul(60)?)?,
            _ if d == today => base.max(at(&base, d, 20, 0)?),
            _ => at(&base, d, default_hour, 0)?,
        },
    };
    Some(Said {
        at: moment,
        start,
        end,
        after,
        day_named: fixed_day,
        hour_only: !fixed_day && rel.is_none() && (clock.is_some() || part.is_some()),
    })
}

/// Whether the span word at `start..end` speaks of time gone by: after 了
/// or 都 (等了一个小时, 都一个小时), or followed by 了 / 没 (一个小时了,
/// 一个小时没人回).
fn past_span(n: &Norm, start: usize, end: usize) -> bool {
    matches!(n.before(start), Some('了' | '都'))
        || n.text
            .get(end..)
            .is_some_and(|rest| rest.starts_with(['了', '没', '沒']))
}

#[cfg(test)]
mod then_tests {
    #[test]
    fn time_words_are_in_lower_case() {
        // The matcher is case-sensitive, as normalised text is in lower
        // case: a word with a capital letter would never match.
        for line in super::TABLE.lines().filter(|l| !l.starts_with('[')) {
            assert!(!line.bytes().any(|b| b.is_ascii_uppercase()), "{line}");
        }
    }

    #[test]
    fn a_message_that_pays_then_points_back() {
        assert!(super::pays_then("到时候再付行不"));
        assert!(super::pays_then("can u hold the order till then? thx"));
        // Deciding then (到时候再说) names the time as paying then does.
        assert!(super::pays_then("到时候再说"));
        assert!(!super::pays_then("到时候发个照片给我"));
    }
}
