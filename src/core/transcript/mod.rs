//! Turns chat text copied from a seller IM window into messages.
//!
//! Line shapes, which may be mixed in one paste:
//!
//! 1. A header with the sender and the time, the message on the following
//!    line(s): `tb_lili 2026-11-24 14:05:12`, `tb_lili 11-24 14:05:12`,
//!    `tb_lili 11月24日 14:05`, `tb_lili(2026-11-24 14:05:12):`,
//!    `tb_lili（14:05）`, `2026-11-24 14:05:12 tb_lili`, `[14:05] tb_lili`.
//!    Lines under a header form one message; a blank line starts a new
//!    message from the same sender.
//! 2. The sender on one line and the time alone on the next, then the
//!    message (`tb_lili` / `14:05` / `在吗`).
//! 3. One message per line: `[14:05] tb_lili: 有M码吗`,
//!    `【2026-11-24 14:05】tb_lili：有M码吗`, `[24/11/2026, 14:05] Li: hi`,
//!    `24/11/2026, 14:05 - Li: hi`, `tb_lili(14:05): 有M码吗`, and
//!    `nick: message` without a time (it takes the time of a time line above).
//! 4. Dividers, never part of a message: `-------- 以下为新消息 --------`,
//!    `——以上为历史消息——`, `—— 昨天 ——`, a date alone (`11月24日`). A divider
//!    naming a day sets the date of the times below it.
//! 5. Platform notices (`[订单]…`, `买家已拍下，待付款`, `系统消息：…`) become
//!    `system` messages.
//!
//! A header whose time has no date, no seconds and no brackets (`我明天 14:05`)
//! could be a sentence: inside a message it is a header only when its nick is
//! one already seen or an agent's, or a blank line comes before it.
//!
//! Who speaks: a nick is the agent's when it equals one of
//! `options.agentNicks`, or when it is a sub-account nick `shop:agent` and its
//! shop or agent part equals one, or when no agent nick is given and it is a
//! sub-account nick. Every other nick is the buyer's; when two different
//! nicks would be the buyer, the reader cannot tell who the buyer is and
//! says so (an error on `options.agentNicks`) rather than guess.
//!
//! Dates: a time without a date takes the date above it (the next day when its
//! hour is 12 or more before the last one: the chat went past midnight), else
//! `options.date`; a date without a year takes the year of the last full date
//! above it, else of `options.date` (never a day after `options.date`);
//! `昨天`/`今天` count from `options.date`. With none of these the time is left
//! unset. Times use `options.offset` (default `+08:00`). Lines that fit no
//! shape are reported in `unparsed` with their 1-based line number.

mod kinds;
mod stamp;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::error::{Error, ErrorCode};
use super::input::{default_offset, format_time, parse_offset};
use super::limits::{MAX_MESSAGES, MAX_TRANSCRIPT_CHARS};
use super::model::{Message, Role, Transcript, TranscriptOptions, UnparsedLine};
use kinds::Divider;
use stamp::{Day, Stamp};

/// Longest nick accepted, in characters.
const MAX_NICK_CHARS: usize = 64;
/// Most spaces a stamp spans (`24/11/2026, 2:05 PM` has 2), with room for doubled spaces.
const STAMP_WORDS: usize = 6;
/// Longest nick on a line of its own (shape 2), in characters.
const MAX_NICK_LINE_CHARS: usize = 32;

/// What one pasted line became.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineUse {
    /// Empty or only spaces.
    Blank,
    /// Part of the message at this index of `messages`.
    Body(usize),
    /// A sender and/or time line.
    Header,
    /// A divider between days or between read and new messages.
    Divider,
    /// Reported in `unparsed`.
    Unparsed,
}

/// Reads pasted chat text; see the module documentation for the formats.
///
/// # Errors
/// `too_large` over [`MAX_TRANSCRIPT_CHARS`] characters or [`MAX_MESSAGES`]
/// messages; `invalid_time` for a bad `options.offset` or `options.date`;
/// `missing_field` / `invalid_value` on `options.agentNicks` when more than
/// one nick could be the buyer.
pub fn read(text: &str, options: &TranscriptOptions) -> Result<Transcript, Error> {
    read_lines(text, options).map(|(t, _)| t)
}

/// [`read`], with what each line of `text` (split at `\n`) became.
///
/// # Errors
/// As [`read`].
pub fn read_lines(
    text: &str,
    options: &TranscriptOptions,
) -> Result<(Transcript, Vec<LineUse>), Error> {
    if text.len() > MAX_TRANSCRIPT_CHARS && text.chars().count() > MAX_TRANSCRIPT_CHARS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "text",
            "pasted text is longer than 200000 characters: paste one conversation",
        ));
    }
    let offset = match options.offset.as_deref() {
        Some(s) => parse_offset("options.offset", s)?,
        None => default_offset(),
    };
    let base = match options.date.as_deref() {
        Some(s) => Some(parse_day(s)?),
        None => None,
    };
    let agents: Vec<&str> = options
        .agent_nicks
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    let lines: Vec<&str> = text.split('\n').collect();
    let mut r = Reader {
        out: Transcript::default(),
        uses: vec![LineUse::Blank; lines.len()],
        agents,
        offset,
        base,
        last_full: None,
        day: base,
        last_time: None,
        header: None,
        body: String::new(),
        body_lines: Vec::new(),
        blank_before: true,
        floating: None,
        buyers: Vec::new(),
    };
    let mut i = 0;
    while i < lines.len() {
        i += r.line(i, &lines)?;
    }
    r.flush()?;
    r.decide()?;
    Ok((r.out, r.uses))
}

/// `options.date`: `YYYY-MM-DD`.
fn parse_day(s: &str) -> Result<NaiveDate, Error> {
    let t = s.trim();
    let shaped = t.len() == 10 && t.get(4..5) == Some("-") && t.get(7..8) == Some("-");
    let day = match stamp::day(t).filter(|_| shaped) {
        Some(Day::Full(d)) => Some(d),
        _ => None,
    };
    day.ok_or_else(|| {
        let mut message = String::from("`");
        message.extend(s.chars().take(40));
        message.push_str("` is not a date: use YYYY-MM-DD, e.g. 2026-11-24");
        Error::new(ErrorCode::InvalidTime, "options.date", message)
    })
}

/// The sender and time of the message block being read.
struct Header {
    from: Role,
    at: Option<String>,
}

struct Reader<'a> {
    out: Transcript,
    uses: Vec<LineUse>,
    agents: Vec<&'a str>,
    offset: FixedOffset,
    /// `options.date`.
    base: Option<NaiveDate>,
    /// The last full date (with a year) read.
    last_full: Option<NaiveDate>,
    /// The date of times read without one.
    day: Option<NaiveDate>,
    /// The last time read.
    last_time: Option<NaiveTime>,
    header: Option<Header>,
    body: String,
    body_lines: Vec<usize>,
    blank_before: bool,
    /// The time of a time line with no sender, for the `nick: text` lines below it.
    floating: Option<String>,
    /// Nicks that are neither an agent's nor the platform's, in order seen.
    buyers: Vec<String>,
}

impl Reader<'_> {
    /// Reads line `i`; returns how many lines it used.
    fn line(&mut self, i: usize, lines: &[&str]) -> Result<usize, Error> {
        let Some(&raw) = lines.get(i) else {
            return Ok(1);
        };
        let line = clean(raw);
        if line.is_empty() {
            self.flush()?;
            self.blank_before = true;
            return Ok(1);
        }
        let blank_before = std::mem::replace(&mut self.blank_before, false);
        if let Some((st, rest)) = bracketed(line) {
            self.flush()?;
            self.header = None;
            let rest = rest.trim();
            if rest.is_empty() {
                self.floating = self.time(&st);
                self.mark(i, LineUse::Header);
            } else if let Some((nick, msg)) = split_nick(rest, &self.agents) {
                let from = self.role(nick);
                let at = self.time(&st);
                self.push(from, msg.trim(), at, &[i])?;
            } else if nick_ok(rest) {
                self.open(rest, &st, &[i]);
            } else {
                self.unparsed(i, raw);
            }
            return Ok(1);
        }
        if let Some(d) = kinds::divider(line) {
            self.flush()?;
            self.header = None;
            self.floating = None;
            if let Divider::Dated(day) = d {
                self.day = self.resolve(day);
                self.last_time = None;
            }
            self.mark(i, LineUse::Divider);
            return Ok(1);
        }
        if let Some(text) = kinds::system(line) {
            self.flush()?;
            self.header = None;
            self.push(Role::System, text, None, &[i])?;
            return Ok(1);
        }
        if let Some(st) = stamp::stamp(line) {
            // A time alone, under no sender: the time of the lines below.
            self.flush()?;
            self.header = None;
            self.floating = self.time(&st);
            self.mark(i, LineUse::Header);
            return Ok(1);
        }
        if let Some(h) = header(line) {
            let known = self.buyers.iter().any(|b| b == h.nick) || is_agent(h.nick, &self.agents);
            if h.strong || self.header.is_none() || blank_before || known {
                self.flush()?;
                match h.text {
                    Some(text) => {
                        self.header = None;
                        let from = self.role(h.nick);
                        let at = self.time(&h.stamp);
                        self.push(from, text, at, &[i])?;
                    }
                    None => self.open(h.nick, &h.stamp, &[i]),
                }
                return Ok(1);
            }
        }
        // Shape 2: a sender alone, then a time alone.
        if let Some(st) = lines.get(i + 1).and_then(|n| stamp::stamp(clean(n))) {
            if let Some(nick) = nick_line(line) {
                self.flush()?;
                self.open(nick, &st, &[i, i + 1]);
                return Ok(2);
            }
        }
        if self.header.is_some() {
            if !self.body.is_empty() {
                self.body.push('\n');
            }
            self.body.push_str(line);
            self.body_lines.push(i);
            return Ok(1);
        }
        match split_nick(line, &self.agents).filter(|(_, m)| !m.trim().is_empty()) {
            Some((nick, msg)) => {
                let from = self.role(nick);
                let at = self.floating.clone();
                self.push(from, msg.trim(), at, &[i])?;
            }
            None => self.unparsed(i, raw),
        }
        Ok(1)
    }

    /// Starts a message block under `nick` at `st`, read from `lines`.
    fn open(&mut self, nick: &str, st: &Stamp, lines: &[usize]) {
        let from = self.role(nick);
        let at = self.time(st);
        self.header = Some(Header { from, at });
        self.floating = None;
        for &l in lines {
            self.mark(l, LineUse::Header);
        }
    }

    /// Ends the message being collected under the current header.
    fn flush(&mut self) -> Result<(), Error> {
        if self.body.is_empty() {
            return Ok(());
        }
        let text = std::mem::take(&mut self.body);
        let lines = std::mem::take(&mut self.body_lines);
        let (from, at) = match &self.header {
            Some(h) => (h.from, h.at.clone()),
            None => return Ok(()),
        };
        self.push(from, &text, at, &lines)
    }

    fn push(
        &mut self,
        from: Role,
        text: &str,
        at: Option<String>,
        lines: &[usize],
    ) -> Result<(), Error> {
        if text.is_empty() {
            for &l in lines {
                self.mark(l, LineUse::Header);
            }
            return Ok(());
        }
        if self.out.messages.len() >= MAX_MESSAGES {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "text",
                "pasted text has more than 1000 messages: paste one conversation",
            ));
        }
        for &l in lines {
            self.mark(l, LineUse::Body(self.out.messages.len()));
        }
        self.out.messages.push(Message {
            from,
            text: text.to_string(),
            at,
        });
        Ok(())
    }

    /// Records what line `i` became.
    fn mark(&mut self, i: usize, use_: LineUse) {
        if let Some(u) = self.uses.get_mut(i) {
            *u = use_;
        }
    }

    fn unparsed(&mut self, i: usize, raw: &str) {
        self.mark(i, LineUse::Unparsed);
        self.out.unparsed.push(UnparsedLine {
            line: i + 1,
            text: raw.strip_suffix('\r').unwrap_or(raw).to_string(),
        });
    }

    /// The role of `nick`, remembering the nicks that would be the buyer.
    fn role(&mut self, nick: &str) -> Role {
        if kinds::system_nick(nick) {
            Role::System
        } else if is_agent(nick, &self.agents) {
            Role::Agent
        } else {
            if !self.buyers.iter().any(|b| b == nick) {
                self.buyers.push(nick.to_string());
            }
            Role::Buyer
        }
    }

    /// One buyer, or an error naming the nicks it could be.
    fn decide(&mut self) -> Result<(), Error> {
        if self.buyers.len() > 1 {
            let mut message = String::from("cannot tell the buyer from the shop: ");
            for (k, b) in self.buyers.iter().take(5).enumerate() {
                if k > 0 {
                    message.push_str(", ");
                }
                message.push_str(b);
            }
            message.push_str(" are not known agents: list the shop's nicks in options.agentNicks");
            let code = if self.agents.is_empty() {
                ErrorCode::MissingField
            } else {
                ErrorCode::InvalidValue
            };
            return Err(Error::new(code, "options.agentNicks", message));
        }
        self.out.buyer_nick = self.buyers.pop();
        Ok(())
    }

    fn resolve(&mut self, day: Day) -> Option<NaiveDate> {
        if let Day::Full(d) = day {
            self.last_full = Some(d);
        }
        stamp::resolve(day, self.base, self.last_full)
    }

    /// The RFC 3339 time of a stamp, when its date is known.
    fn time(&mut self, st: &Stamp) -> Option<String> {
        let date = match st.day {
            Some(day) => self.resolve(day),
            None => {
                // A time-only line well before the last one is past midnight.
                let late = self
                    .last_time
                    .is_some_and(|t| st.time.hour() + 12 < t.hour());
                match self.day {
                    Some(d) if late => d.succ_opt(),
                    d => d,
                }
            }
        };
        self.day = date;
        self.last_time = Some(st.time);
        let local = NaiveDateTime::new(date?, st.time);
        let at = local.and_local_timezone(self.offset).single()?;
        Some(format_time(at))
    }
}

/// A line without its line ending, surrounding spaces or byte-order mark.
fn clean(raw: &str) -> &str {
    raw.trim().trim_start_matches('\u{feff}').trim()
}

/// A char class. Every search goes through this one type, so that each
/// `str` search method is in the wasm once.
pub(super) type Pat = fn(char) -> bool;
pub(super) const WS: Pat = char::is_whitespace;
pub(super) const COLON: Pat = |c| matches!(c, ':' | '：');
const DIGIT: Pat = |c| c.is_ascii_digit();
const OPEN: Pat = |c| matches!(c, '(' | '（' | '[' | '【');
const OPEN_PAREN: Pat = |c| matches!(c, '(' | '（');
const CLOSE_PAREN: Pat = |c| matches!(c, ')' | '）');
const SENTENCE: Pat = |c| matches!(c, '，' | '。' | '？' | '！' | '?' | '!' | '\t');

fn is_agent(nick: &str, agents: &[&str]) -> bool {
    if agents.contains(&nick) {
        return true;
    }
    match sub_account(nick) {
        Some((shop, agent)) => {
            agents.is_empty() || agents.contains(&shop) || agents.contains(&agent)
        }
        None => false,
    }
}

/// `shop:agent`: one colon with no space around it and a short name on each side.
fn sub_account(nick: &str) -> Option<(&str, &str)> {
    let (shop, agent) = nick.split_once(COLON)?;
    let spaced = shop.ends_with(WS) || agent.starts_with(WS);
    let ok = !spaced && nick_ok(shop) && nick_ok(agent) && !agent.contains(COLON);
    ok.then_some((shop, agent))
}

/// A plausible nick: short, no brackets at its start, not a sentence.
fn nick_ok(nick: &str) -> bool {
    let n = nick.chars().count();
    (1..=MAX_NICK_CHARS).contains(&n) && !nick.starts_with(OPEN) && !nick.contains(SENTENCE)
}

/// A sender on a line of its own: a short nick, maybe ending in a colon.
fn nick_line(line: &str) -> Option<&str> {
    let nick = line.trim_end_matches(COLON).trim_end();
    let short = nick.chars().count() <= MAX_NICK_LINE_CHARS;
    let colon_free = !nick.contains(COLON) || sub_account(nick).is_some();
    (short && colon_free && nick_ok(nick) && stamp::day(nick).is_none()).then_some(nick)
}

/// Splits `nick: message` (ASCII or full-width colon). A sub-account nick
/// `shop:agent` keeps its inner colon: a known agent nick wins, then a colon
/// that is full-width or followed by a space, then the first colon.
fn split_nick<'t>(line: &'t str, agents: &[&str]) -> Option<(&'t str, &'t str)> {
    let mut first = None;
    let mut spaced = None;
    let mut known = None;
    for (i, c) in line.char_indices().filter(|&(_, c)| COLON(c)).take(8) {
        let (nick, msg) = (line.get(..i)?, line.get(i + c.len_utf8()..)?);
        if nick.ends_with(DIGIT) && msg.starts_with(DIGIT) {
            continue; // the colon of a time, `14:05`
        }
        let nick = nick.trim();
        first = first.or(Some((nick, msg)));
        if spaced.is_none() && (c == '：' || msg.is_empty() || msg.starts_with(WS)) {
            spaced = Some((nick, msg));
        }
        if !agents.is_empty() && is_agent(nick, agents) {
            known = Some((nick, msg));
        }
    }
    let (nick, msg) = known.or(spaced).or(first)?;
    let digits = nick.chars().all(|c| c.is_ascii_digit());
    (nick_ok(nick) && !digits && !msg.starts_with("//")).then_some((nick, msg))
}

/// `[stamp] rest` or `【stamp】rest`.
fn bracketed(line: &str) -> Option<(Stamp, &str)> {
    let (inner, rest) = match line.strip_prefix('[') {
        Some(r) => r.split_once(']')?,
        None => line.strip_prefix('【')?.split_once('】')?,
    };
    Some((stamp::stamp(inner)?, rest))
}

/// A header line read.
struct Head<'t> {
    nick: &'t str,
    stamp: Stamp,
    /// A date, seconds, or brackets: surely a header, not a sentence.
    strong: bool,
    /// The message, when it is on the same line.
    text: Option<&'t str>,
}

/// `nick 2026-11-24 14:05:12`, `nick 11月24日 14:05`, `nick(14:05)`,
/// `nick(14:05): text`, `2026-11-24 14:05:12 nick`,
/// `24/11/2026, 14:05 - nick: text`; a trailing colon is allowed.
fn header(line: &str) -> Option<Head<'_>> {
    let line = line.trim_end_matches(COLON).trim_end();
    if line.starts_with(DIGIT) {
        return time_first(line);
    }
    // `nick(stamp)`, maybe with the message after a colon.
    if let Some((left, right)) = line.rsplit_once(CLOSE_PAREN) {
        let right = right.trim_start();
        let text = match right.strip_prefix(COLON) {
            Some(t) if !t.trim().is_empty() => Some(t.trim()),
            _ if right.is_empty() => None,
            _ => return None,
        };
        let (nick, inside) = left.rsplit_once(OPEN_PAREN)?;
        let nick = nick.trim();
        let stamp = stamp::stamp(inside)?;
        return nick_ok(nick).then_some(Head {
            nick,
            stamp,
            strong: true,
            text,
        });
    }
    // `nick stamp`: the stamp is the longest run of the last words that reads as one.
    let (stamp, nick) = split_stamp(line, true)?;
    let nick = nick.trim_end().trim_end_matches(COLON).trim_end();
    if stamp::day(nick).is_some() {
        return None;
    }
    let strong = stamp.strong();
    nick_ok(nick).then_some(Head {
        nick,
        stamp,
        strong,
        text: None,
    })
}

/// Splits `line` at a space into a stamp and the rest: the stamp is the
/// longest run of words at its end (`at_end`) or at its start that reads as one.
fn split_stamp(line: &str, at_end: bool) -> Option<(Stamp, &str)> {
    let spaces = line.match_indices(WS).map(|(k, _)| k);
    let cuts: Vec<usize> = if at_end {
        spaces.rev().take(STAMP_WORDS).collect()
    } else {
        spaces.take(STAMP_WORDS).collect()
    };
    cuts.iter().rev().find_map(|&k| {
        let (a, b) = line.split_at_checked(k)?;
        let (st, rest) = if at_end { (b, a) } else { (a, b) };
        Some((stamp::stamp(st)?, rest))
    })
}

/// `2026-11-24 14:05:12 nick`, `14:05:12 nick`, `24/11/2026, 14:05 - nick: text`:
/// a header only with a date or seconds, or with a message after the nick.
fn time_first(line: &str) -> Option<Head<'_>> {
    let (stamp, rest) = split_stamp(line, false)?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("- ").unwrap_or(rest).trim_start();
    let whole = rest.trim_end_matches(COLON).trim_end();
    let one_line = sub_account(whole)
        .is_none()
        .then(|| split_nick(rest, &[]))
        .flatten();
    if let Some((nick, msg)) = one_line.filter(|(_, m)| !m.trim().is_empty()) {
        return Some(Head {
            nick,
            stamp,
            strong: true,
            text: Some(msg.trim()),
        });
    }
    let nick = rest.trim_end_matches(COLON).trim_end();
    (stamp.strong() && nick_ok(nick)).then_some(Head {
        nick,
        stamp,
        strong: true,
        text: None,
    })
}
