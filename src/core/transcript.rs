//! Turns chat text copied from a seller IM window into messages.
//!
//! Three copy formats are read, and may be mixed:
//!
//! 1. A header line with the sender and the time, then the message on the
//!    following line(s):
//!    `tb_lili 2026-11-24 14:05:12`, `tb_lili(2026-11-24 14:05:12)`,
//!    `tb_lili（14:05）`, `tb_lili 14:05`, optionally ending in a colon. Lines under a header form one
//!    message; a blank line starts a new message from the same sender.
//! 2. One message per line with the time in brackets:
//!    `[14:05] tb_lili: 有M码吗` or `【2026-11-24 14:05】tb_lili：有M码吗`
//!    (ASCII or full-width colon). A bracket line without a colon,
//!    `[14:05] tb_lili`, is a header as in 1.
//! 3. `nick: message` without a time, only outside a header block.
//!
//! A header whose time has no date, no seconds and no brackets (`我明天 14:05`)
//! could be a sentence: inside a message block it is taken as a header only
//! when its nick was already seen or is an agent nick, or a blank line comes
//! before it.
//!
//! Who speaks: a nick is the agent's when it equals one of
//! `options.agentNicks`, or when it is a sub-account nick `shop:agent` (the
//! only nicks with a colon inside) and its shop or agent part equals one, or
//! when no agent nick is given at all and it is a sub-account nick. `系统`,
//! `系统消息`, `system` are system messages. Everyone else is the buyer.
//!
//! Times become RFC 3339 with `options.offset` (default `+08:00`); a time
//! without a date takes the last date seen above it (the next day when its
//! hour is 12 or more before the last one: the chat went past midnight), else
//! `options.date`, else it stays unset. Lines that fit no format are reported in `unparsed`
//! with their 1-based line number, never guessed.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike};

use super::error::{Error, ErrorCode};
use super::input::{default_offset, format_time, parse_date, parse_offset};
use super::limits::{MAX_MESSAGES, MAX_TRANSCRIPT_CHARS};
use super::model::{Message, Role, Transcript, TranscriptOptions, UnparsedLine};

/// Longest nick accepted, in characters.
const MAX_NICK_CHARS: usize = 64;

// Every multi-character pattern has this one type, so the string searches
// are compiled once (each array length or closure would be its own copy).
type Pat = fn(char) -> bool;
const COLON: Pat = |c| matches!(c, ':' | '：');
const SPACE: Pat = char::is_whitespace;
const OPEN: Pat = |c| matches!(c, '(' | '（' | '[' | '【');
const PAREN: Pat = |c| matches!(c, '(' | '（');
const CLOSE: Pat = |c| matches!(c, ')' | '）');
const SENTENCE: Pat = |c| matches!(c, '，' | '。' | '？' | '！' | '?' | '!' | '\t');
const DATE_SEP: Pat = |c| matches!(c, '-' | '/' | '.');
const JUNK: Pat =
    |c| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200e}' | '\u{200f}');

/// Reads pasted chat text; see the module documentation for the formats.
///
/// # Errors
/// `too_large` over [`MAX_TRANSCRIPT_CHARS`] characters or [`MAX_MESSAGES`]
/// messages; `invalid_time` for a bad `options.offset` or `options.date`.
pub fn read(text: &str, options: &TranscriptOptions) -> Result<Transcript, Error> {
    if text.len() > MAX_TRANSCRIPT_CHARS && text.chars().count() > MAX_TRANSCRIPT_CHARS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "text",
            format!("pasted text is longer than {MAX_TRANSCRIPT_CHARS} characters: paste one conversation"),
        ));
    }
    let offset = match options.offset.as_deref() {
        Some(s) => parse_offset("options.offset", s)?,
        None => default_offset(),
    };
    let date = match options.date.as_deref() {
        Some(s) => Some(parse_date("options.date", s)?),
        None => None,
    };
    let agents: Vec<&str> = options
        .agent_nicks
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    let mut r = Reader {
        out: Transcript::default(),
        agents,
        offset,
        last_date: date,
        last_time: None,
        seen: Vec::new(),
        header: None,
        body: String::new(),
        blank_before: true,
    };
    for (i, raw) in text.split('\n').enumerate() {
        r.line(i + 1, raw)?;
    }
    r.flush()?;
    Ok(r.out)
}

/// The sender and time of the message block being read.
struct Header {
    from: Role,
    at: Option<String>,
}

struct Reader<'a> {
    out: Transcript,
    agents: Vec<&'a str>,
    offset: FixedOffset,
    /// The date of the last dated time, else `options.date`.
    last_date: Option<NaiveDate>,
    /// The hour of the last time read.
    last_time: Option<u32>,
    /// Nicks seen in headers and lines so far.
    seen: Vec<String>,
    header: Option<Header>,
    body: String,
    blank_before: bool,
}

impl Reader<'_> {
    fn line(&mut self, number: usize, raw: &str) -> Result<(), Error> {
        let line = clean(raw);
        if line.is_empty() {
            self.flush()?;
            self.blank_before = true;
            return Ok(());
        }
        let blank_before = std::mem::replace(&mut self.blank_before, false);
        if let Some((stamp, rest)) = bracketed(line) {
            self.flush()?;
            let rest = rest.trim();
            match split_nick(rest, &self.agents) {
                Some((nick, msg)) => {
                    let from = self.role(nick);
                    let at = self.time(&stamp);
                    self.header = None;
                    self.push(from, msg.trim(), at)?;
                }
                None if nick_ok(rest) => {
                    let from = self.role(rest);
                    let at = self.time(&stamp);
                    self.header = Some(Header { from, at });
                }
                None => self.unparsed(number, raw),
            }
            return Ok(());
        }
        if let Some((nick, stamp, strong)) = header(line) {
            let known = self.seen.iter().any(|s| s == nick) || self.is_agent(nick);
            if strong || self.header.is_none() || blank_before || known {
                self.flush()?;
                let from = self.role(nick);
                let at = self.time(&stamp);
                self.header = Some(Header { from, at });
                return Ok(());
            }
        }
        if self.header.is_some() {
            if !self.body.is_empty() {
                self.body.push('\n');
            }
            self.body.push_str(line);
            return Ok(());
        }
        match split_nick(line, &self.agents).filter(|(_, m)| !m.trim().is_empty()) {
            Some((nick, msg)) => {
                let from = self.role(nick);
                self.push(from, msg.trim(), None)
            }
            None => {
                self.unparsed(number, raw);
                Ok(())
            }
        }
    }

    /// Ends the message being collected under the current header.
    fn flush(&mut self) -> Result<(), Error> {
        if self.body.is_empty() {
            return Ok(());
        }
        let text = std::mem::take(&mut self.body);
        let (from, at) = match &self.header {
            Some(h) => (h.from, h.at.clone()),
            None => return Ok(()),
        };
        self.push(from, &text, at)
    }

    fn push(&mut self, from: Role, text: &str, at: Option<String>) -> Result<(), Error> {
        if text.is_empty() {
            return Ok(());
        }
        if self.out.messages.len() >= MAX_MESSAGES {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "text",
                format!(
                    "pasted text has more than {MAX_MESSAGES} messages: paste one conversation"
                ),
            ));
        }
        self.out.messages.push(Message {
            from,
            text: text.to_string(),
            at,
        });
        Ok(())
    }

    fn unparsed(&mut self, line: usize, raw: &str) {
        self.out.unparsed.push(UnparsedLine {
            line,
            text: raw.trim_end_matches('\r').to_string(),
        });
    }

    fn is_agent(&self, nick: &str) -> bool {
        is_agent(nick, &self.agents)
    }

    /// The role of `nick`, remembering it (and the buyer's nick).
    fn role(&mut self, nick: &str) -> Role {
        if !self.seen.iter().any(|s| s == nick) && self.seen.len() < 64 {
            self.seen.push(nick.to_string());
        }
        if matches!(
            nick,
            "系统" | "系统消息" | "系統" | "系統訊息" | "system" | "System"
        ) {
            Role::System
        } else if self.is_agent(nick) {
            Role::Agent
        } else {
            if self.out.buyer_nick.is_none() {
                self.out.buyer_nick = Some(nick.to_string());
            }
            Role::Buyer
        }
    }

    /// The RFC 3339 time of a stamp, when its date is known.
    fn time(&mut self, stamp: &Stamp) -> Option<String> {
        let mut day = stamp.date.or(self.last_date)?;
        // A time-only line well before the last one is past midnight.
        if stamp.date.is_none() && self.last_time.is_some_and(|t| stamp.time.hour() + 12 < t) {
            day = day.succ_opt()?;
        }
        self.last_date = Some(day);
        self.last_time = Some(stamp.time.hour());
        let local = day.and_time(stamp.time);
        let t = self.offset.from_local_datetime(&local).single()?;
        Some(format_time(t))
    }
}

/// A line without its line ending, surrounding spaces, byte-order mark or zero-width spaces.
fn clean(raw: &str) -> &str {
    raw.trim_matches(JUNK)
}

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
    let spaced = shop.ends_with(SPACE) || agent.starts_with(SPACE);
    let ok = !spaced && nick_ok(shop) && nick_ok(agent) && !agent.contains(COLON);
    ok.then_some((shop, agent))
}

/// A plausible nick: short, no brackets at its start, not a sentence.
fn nick_ok(nick: &str) -> bool {
    let n = nick.chars().count();
    (1..=MAX_NICK_CHARS).contains(&n) && !nick.starts_with(OPEN) && !nick.contains(SENTENCE)
}

/// Splits `nick: message` (ASCII or full-width colon). A sub-account nick
/// `shop:agent` keeps its inner colon: a known agent nick wins, then a colon
/// that is full-width or followed by a space, then the first colon.
fn split_nick<'t>(line: &'t str, agents: &[&str]) -> Option<(&'t str, &'t str)> {
    let colons: Vec<(usize, char)> = line
        .char_indices()
        .filter(|&(_, c)| COLON(c))
        .take(8)
        .collect();
    let at = |i: usize, c: char| (line[..i].trim(), &line[i + c.len_utf8()..]);
    let known = |(i, c): &&(usize, char)| !agents.is_empty() && is_agent(at(*i, *c).0, agents);
    let pick = colons
        .iter()
        .rev()
        .find(known)
        .or_else(|| {
            colons.iter().find(|(i, c)| {
                *c == '：' || at(*i, *c).1.starts_with(SPACE) || at(*i, *c).1.is_empty()
            })
        })
        .or(colons.first())?;
    let (nick, msg) = at(pick.0, pick.1);
    if !nick_ok(nick) || nick.chars().all(|c| c.is_ascii_digit()) || msg.starts_with("//") {
        return None;
    }
    Some((nick, msg))
}

/// A time read from a header or a bracket.
struct Stamp {
    date: Option<NaiveDate>,
    time: NaiveTime,
}

/// `[stamp] rest` or `【stamp】rest`.
fn bracketed(line: &str) -> Option<(Stamp, &str)> {
    let (close, rest) = if let Some(r) = line.strip_prefix('[') {
        (']', r)
    } else {
        ('】', line.strip_prefix('【')?)
    };
    let (inner, after) = rest.split_once(close)?;
    Some((stamp(inner)?, after))
}

/// A header line: `nick 2026-11-24 14:05:12`, `nick(14:05)`, `nick 14:05`.
/// Returns the nick, the stamp, and whether it is surely a header (a date,
/// seconds or brackets) rather than a sentence ending in a time.
fn header(line: &str) -> Option<(&str, Stamp, bool)> {
    // Some windows end the header with a colon: `tb_lili(14:05:12):`.
    let line = line.trim_end_matches(COLON).trim_end();
    if line.ends_with(CLOSE) {
        let (nick, inside) = line.trim_end_matches(CLOSE).rsplit_once(PAREN)?;
        let nick = nick.trim();
        let s = stamp(inside)?;
        return nick_ok(nick).then_some((nick, s, true));
    }
    let (before, clock) = line.rsplit_once(SPACE)?;
    let time = clock_of(clock)?;
    let before = before.trim_end();
    if day_of(before).is_some() {
        return None;
    }
    let (nick, date) = match before.rsplit_once(SPACE) {
        Some((nick, day)) => match day_of(day) {
            Some(d) => (nick.trim_end(), Some(d)),
            None => (before, None),
        },
        None => (before, None),
    };
    let nick = nick.trim_end_matches(COLON).trim_end();
    if !nick_ok(nick) {
        return None;
    }
    let strong = date.is_some() || time.1;
    Some((nick, Stamp { date, time: time.0 }, strong))
}

/// `14:05`, `14:05:12`, `2026-11-24 14:05:12`, `2026/11/24 14:05`.
fn stamp(s: &str) -> Option<Stamp> {
    let s = s.trim();
    let (date, clock) = match s.split_once(SPACE) {
        Some((d, c)) => (Some(day_of(d)?), c.trim()),
        None => (None, s),
    };
    let (time, _) = clock_of(clock)?;
    Some(Stamp { date, time })
}

/// `H:MM`, `HH:MM` or `HH:MM:SS`; the flag says whether seconds were given.
fn clock_of(s: &str) -> Option<(NaiveTime, bool)> {
    let mut parts = s.split(':');
    let h = num(parts.next()?, 1, 2)?;
    let m = num(parts.next()?, 2, 2)?;
    let sec = match parts.next() {
        Some(p) => Some(num(p, 2, 2)?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((
        NaiveTime::from_hms_opt(h, m, sec.unwrap_or(0))?,
        sec.is_some(),
    ))
}

/// `2026-11-24`, `2026/11/24`, `2026.11.24` (month and day may have one digit).
fn day_of(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split(DATE_SEP);
    let y = num(parts.next()?, 4, 4)?;
    let m = num(parts.next()?, 1, 2)?;
    let d = num(parts.next()?, 1, 2)?;
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// An ASCII number of `min..=max` digits.
fn num(s: &str, min: usize, max: usize) -> Option<u32> {
    if (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_and_days() {
        assert_eq!(clock_of("9:05").map(|t| t.1), Some(false), "one-digit hour");
        assert!(clock_of("24:00").is_none());
        assert!(clock_of("12:5").is_none());
        assert!(day_of("2026-2-30").is_none());
        assert!(day_of("2026/11/24").is_some());
    }
}
