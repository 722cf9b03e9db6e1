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
//! Headers may also put the time first, `2026-11-24 14:05:12 tb_lili` or
//! `14:05:12 tb_lili` (with a date or seconds only).
//!
//! A header whose time has no date, no seconds and no brackets (`我明天 14:05`)
//! could be a sentence: inside a message block it is taken as a header only
//! when its nick is the buyer's seen so far or an agent's, or a blank line comes
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

use chrono::{FixedOffset, NaiveTime, Timelike};

use super::clock;
use super::error::{Error, ErrorCode};
use super::input::{default_offset, format_time, parse_date, parse_offset};
use super::limits::{MAX_MESSAGES, MAX_TRANSCRIPT_CHARS};
use super::model::{Message, Role, Transcript, TranscriptOptions, UnparsedLine};

/// Longest nick accepted, in characters.
const MAX_NICK_CHARS: usize = 64;

// Char classes. Searches go through `find`/`cut` below rather than the
// generic `str` pattern methods: one copy of the search code in the wasm.
type Pat = fn(char) -> bool;
const COLON: Pat = |c| matches!(c, ':' | '：');
const SPACE: Pat = char::is_whitespace;
const OPEN: Pat = |c| matches!(c, '(' | '（' | '[' | '【');
const PAREN: Pat = |c| matches!(c, '(' | '（');
const CLOSE: Pat = |c| matches!(c, ')' | '）');
const BRACKET_CLOSE: Pat = |c| matches!(c, ']' | '】');
const SENTENCE: Pat = |c| matches!(c, '，' | '。' | '？' | '！' | '?' | '!' | '\t');
const DATE_SEP: Pat = |c| matches!(c, '-' | '/' | '.');
const TIME_SEP: Pat = |c| c == ':';
const DIGIT: Pat = |c| c.is_ascii_digit();

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
            // Literal rather than format!: no formatting code in the wasm (a test checks the figure).
            "pasted text is longer than 200000 characters: paste one conversation",
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
    let mut agents: Vec<&str> = Vec::new();
    for a in &options.agent_nicks {
        let a = a.trim();
        if !a.is_empty() {
            agents.push(a);
        }
    }
    let mut r = Reader {
        out: Transcript::default(),
        agents,
        offset,
        last_date: date,
        last_time: None,
        header: None,
        body: String::new(),
        blank_before: true,
    };
    for (i, raw) in text.split('\n').enumerate() {
        r.line(i + 1, raw)?;
    }
    r.flush()?;
    r.close_header();
    Ok(r.out)
}

/// The sender and time of the message block being read.
struct Header {
    from: Role,
    at: Option<String>,
    /// Its line number and text, reported as unread if no message follows it.
    line: usize,
    raw: String,
    /// A message was read under it.
    used: bool,
}

struct Reader<'a> {
    out: Transcript,
    agents: Vec<&'a str>,
    offset: FixedOffset,
    /// The date of the last dated time, else `options.date`.
    last_date: Option<clock::Day>,
    /// The hour of the last time read.
    last_time: Option<u32>,
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
                // `[14:05] tb_lili:` with nothing after the colon: a header.
                Some((nick, msg)) if msg.trim().is_empty() => self.open(nick, &stamp, number, raw),
                Some((nick, msg)) => {
                    let from = self.role(nick);
                    let at = self.time(&stamp);
                    self.close_header();
                    self.push(from, msg.trim(), at)?;
                }
                None if nick_ok(rest) => self.open(rest, &stamp, number, raw),
                None => self.unparsed(number, raw),
            }
            return Ok(());
        }
        if let Some((nick, stamp, strong)) = header(line) {
            let known = self.out.buyer_nick.as_deref() == Some(nick) || self.is_agent(nick);
            if strong || self.header.is_none() || blank_before || known {
                self.flush()?;
                self.open(nick, &stamp, number, raw);
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

    /// Starts a message block under `nick` at `stamp`, read from line
    /// `number`.
    fn open(&mut self, nick: &str, stamp: &Stamp, number: usize, raw: &str) {
        self.close_header();
        let from = self.role(nick);
        let at = self.time(stamp);
        self.header = Some(Header {
            from,
            at,
            line: number,
            raw: raw.to_string(),
            used: false,
        });
    }

    /// Ends the block of the current header; a header with no message under
    /// it is reported as unread.
    fn close_header(&mut self) {
        if let Some(h) = self.header.take() {
            if !h.used {
                self.unparsed(h.line, &h.raw);
            }
        }
    }

    /// Ends the message being collected under the current header.
    fn flush(&mut self) -> Result<(), Error> {
        if self.body.is_empty() {
            return Ok(());
        }
        let text = std::mem::take(&mut self.body);
        let (from, at) = match self.header.as_mut() {
            Some(h) => {
                h.used = true;
                (h.from, h.at.clone())
            }
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
                "pasted text has more than 1000 messages: paste one conversation",
            ));
        }
        self.out.messages.push(Message {
            from,
            text: text.to_string(),
            at,
        });
        Ok(())
    }

    /// Reports a line, in line order: a header is reported when its block
    /// ends, before the lines of the block reported already (each block is
    /// passed over once).
    fn unparsed(&mut self, line: usize, raw: &str) {
        let at = self.out.unparsed.partition_point(|u| u.line < line);
        self.out.unparsed.insert(
            at,
            UnparsedLine {
                line,
                text: raw.strip_suffix('\r').unwrap_or(raw).to_string(),
            },
        );
    }

    fn is_agent(&self, nick: &str) -> bool {
        is_agent(nick, &self.agents)
    }

    /// The role of `nick`, remembering the buyer's nick.
    fn role(&mut self, nick: &str) -> Role {
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
            // The next day, within chrono's range.
            if i64::from(day.0) >= clock::MAX_DAY {
                return None;
            }
            day.0 += 1;
        }
        self.last_date = Some(day);
        self.last_time = Some(stamp.time.hour());
        let secs = clock::secs(stamp.time);
        clock::moment(self.offset, day.0.into(), secs, 0).map(format_time)
    }
}

/// The first (with `last`: the last) char of `s` in class `f`, with its byte offset.
fn find(s: &str, f: Pat, last: bool) -> Option<(usize, char)> {
    let mut hit = None;
    for (i, c) in s.char_indices() {
        if f(c) {
            hit = Some((i, c));
            if !last {
                break;
            }
        }
    }
    hit
}

/// `s` split around the char [`find`] returns.
fn cut(s: &str, f: Pat, last: bool) -> Option<(&str, &str)> {
    let (i, c) = find(s, f, last)?;
    Some((s.get(..i)?, s.get(i + c.len_utf8()..)?))
}

fn starts(s: &str, f: Pat) -> bool {
    s.chars().next().is_some_and(f)
}

fn ends(s: &str, f: Pat) -> bool {
    s.chars().next_back().is_some_and(f)
}

/// `s` without one trailing char of class `f`.
fn drop_last(s: &str, f: Pat) -> &str {
    match s.chars().next_back() {
        Some(c) if f(c) => s.get(..s.len() - c.len_utf8()).unwrap_or(s),
        _ => s,
    }
}

/// A line without its line ending, surrounding spaces or byte-order mark.
fn clean(raw: &str) -> &str {
    let s = raw.trim();
    s.strip_prefix('\u{feff}').unwrap_or(s).trim()
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
    let (shop, agent) = cut(nick, COLON, false)?;
    let spaced = ends(shop, SPACE) || starts(agent, SPACE);
    let ok = !spaced && nick_ok(shop) && nick_ok(agent) && find(agent, COLON, false).is_none();
    ok.then_some((shop, agent))
}

/// A plausible nick: short, no brackets at its start, not a sentence.
fn nick_ok(nick: &str) -> bool {
    let n = nick.chars().count();
    (1..=MAX_NICK_CHARS).contains(&n)
        && !starts(nick, OPEN)
        && find(nick, SENTENCE, false).is_none()
}

/// Splits `nick: message` (ASCII or full-width colon). A sub-account nick
/// `shop:agent` keeps its inner colon: a known agent nick wins, then a colon
/// that is full-width or followed by a space, then the first colon.
fn split_nick<'t>(line: &'t str, agents: &[&str]) -> Option<(&'t str, &'t str)> {
    let mut first = None;
    let mut spaced = None;
    let mut known = None;
    let mut colons = 0;
    for (i, c) in line.char_indices() {
        if !COLON(c) {
            continue;
        }
        colons += 1;
        if colons > 8 {
            break;
        }
        let (nick, msg) = (line.get(..i)?, line.get(i + c.len_utf8()..)?);
        if ends(nick, DIGIT) && starts(msg, DIGIT) {
            continue; // the colon of a time, `14:05`
        }
        let nick = nick.trim();
        first = first.or(Some((nick, msg)));
        if spaced.is_none() && (c == '：' || msg.is_empty() || starts(msg, SPACE)) {
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

/// A time read from a header or a bracket.
struct Stamp {
    date: Option<clock::Day>,
    time: NaiveTime,
}

/// `[stamp] rest` or `【stamp】rest`.
fn bracketed(line: &str) -> Option<(Stamp, &str)> {
    let rest = line.strip_prefix('[').or_else(|| line.strip_prefix('【'))?;
    let (inner, after) = cut(rest, BRACKET_CLOSE, false)?;
    Some((stamp(inner)?, after))
}

/// A header line: `nick 2026-11-24 14:05:12`, `nick(14:05)`, `nick 14:05`.
/// Returns the nick, the stamp, and whether it is surely a header (a date,
/// seconds or brackets) rather than a sentence ending in a time.
fn header(line: &str) -> Option<(&str, Stamp, bool)> {
    // Some windows end the header with a colon: `tb_lili(14:05:12):`.
    let line = drop_last(line, COLON).trim_end();
    // Time first: `2026-11-24 14:05:12 tb_lili` or `14:05:12 tb_lili`, only
    // with a date or seconds.
    if let Some((first, rest)) = cut(line, SPACE, false).filter(|_| starts(line, DIGIT)) {
        let date = day_of(first);
        let (clock, nick) = match date {
            Some(_) => cut(rest.trim_start(), SPACE, false)?,
            None => (first, rest),
        };
        let (time, secs) = clock_of(clock)?;
        let nick = drop_last(nick.trim(), COLON).trim_end();
        let strong = date.is_some() || secs;
        return (strong && nick_ok(nick)).then_some((nick, Stamp { date, time }, true));
    }
    if ends(line, CLOSE) {
        let (nick, inside) = cut(drop_last(line, CLOSE), PAREN, true)?;
        let nick = nick.trim();
        let s = stamp(inside)?;
        return nick_ok(nick).then_some((nick, s, true));
    }
    let (before, clock) = cut(line, SPACE, true)?;
    let (time, secs) = clock_of(clock)?;
    let before = before.trim_end();
    if day_of(before).is_some() {
        return None;
    }
    let (nick, date) = match cut(before, SPACE, true) {
        Some((nick, day)) => match day_of(day) {
            Some(d) => (nick.trim_end(), Some(d)),
            None => (before, None),
        },
        None => (before, None),
    };
    let nick = drop_last(nick, COLON).trim_end();
    let strong = date.is_some() || secs;
    nick_ok(nick).then_some((nick, Stamp { date, time }, strong))
}

/// `14:05`, `14:05:12`, `2026-11-24 14:05:12`, `2026/11/24 14:05`.
fn stamp(s: &str) -> Option<Stamp> {
    let s = s.trim();
    let (date, clock) = match cut(s, SPACE, false) {
        Some((d, c)) => (Some(day_of(d)?), c.trim()),
        None => (None, s),
    };
    let (time, _) = clock_of(clock)?;
    Some(Stamp { date, time })
}

/// `H:MM`, `HH:MM` or `HH:MM:SS`; the flag says whether seconds were given.
fn clock_of(s: &str) -> Option<(NaiveTime, bool)> {
    let ([h, m, sec], parts) = numbers(s, TIME_SEP, [(1, 2), (2, 2), (2, 2)])?;
    let time = NaiveTime::from_hms_opt(h, m, sec)?;
    (parts > 1).then_some((time, parts == 3))
}

/// `2026-11-24`, `2026/11/24`, `2026.11.24` (month and day may have one digit).
fn day_of(s: &str) -> Option<clock::Day> {
    let ([y, m, d], parts) = numbers(s, DATE_SEP, [(4, 4), (1, 2), (1, 2)])?;
    clock::date_of(y.into(), m, d).filter(|_| parts == 3)
}

/// Up to three ASCII numbers separated by single `sep` chars, part `k` having
/// `widths[k]` (fewest, most) digits. Returns the numbers and how many there were.
fn numbers(s: &str, sep: Pat, widths: [(u8, u8); 3]) -> Option<([u32; 3], usize)> {
    let mut vals = [0u32; 3];
    let mut part = 0;
    let mut digits = 0u8;
    for c in s.chars() {
        let (min, max) = *widths.get(part)?;
        if let Some(d) = c.to_digit(10) {
            digits += 1;
            let v = vals.get_mut(part)?;
            *v = *v * 10 + d;
            if digits > max {
                return None;
            }
        } else if sep(c) && digits >= min && part < 2 {
            part += 1;
            digits = 0;
        } else {
            return None;
        }
    }
    let (min, _) = *widths.get(part)?;
    (digits >= min && digits > 0).then_some((vals, part + 1))
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
