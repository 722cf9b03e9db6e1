//! Checks a reminder line for words that break the Advertising Law
//! (极限词), delivery promises that backfire, pressure and arguing (004),
//! and, for SMS, the length and the name at the start (001).

use super::error::{Error, ErrorCode};
use super::limits::MAX_LINT_CHARS;
use super::model::{Channel, LintOptions, Locale, Warning};
use super::say::{t3, trf};
use super::text::{char_end, digits, head, is_digit, phrases, utf16_len};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

mod rules;

/// ASCII and full-width digits, and the space.
const DIGITS_SPACE: &str = "0123456789０１２３４５６７８９ ";

const TABLE: &str = super::data::LINT;

/// Words that, after a `promise` word, make it a delivery promise.
const ARRIVALS: [&str; 10] = [
    "到货", "到貨", "送达", "送達", "收到", "到达", "到達", "到手", "就到", "能到",
];

/// How far after 保证/确保 an arrival word still counts, in characters.
const PROMISE_WINDOW: usize = 8;

/// Characters in the SMS start that must hold the buyer's name (001: 前七个字).
const SMS_NAME_CHARS: usize = 7;

// Kinds of the table's phrases: `build.rs` writes each `[kind]` heading of
// `lint.tsv` as its index, in this order.
const EXTREME: u8 = 0;
const CLAIM: u8 = 1;
// 2: `ok`, words that look like a flagged one but are fine.
const DELIVERY: u8 = 3;
const PROMISE: u8 = 4;
const PRESSURE: u8 = 5;
const ARGUE: u8 = 6;

/// The word table, read (see [`read_table`]).
struct Table {
    matcher: AhoCorasick,
    /// The kind of each phrase.
    kinds: Vec<u8>,
}

/// The lint's words (`lint.tsv`), read on first use.
static WORDS: LazyLock<Table> = LazyLock::new(read_table);

fn table() -> &'static Table {
    &WORDS
}

/// Reads `lint.tsv`.
fn read_table() -> Table {
    // `[kind]` heads the phrases below it.
    let (mut kinds, mut pats) = (Vec::new(), Vec::new());
    let mut kind = u8::MAX;
    // `build.rs` leaves only headings and phrases, trimmed.
    for line in TABLE.lines() {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(head) => kind = digits(head).map_or(u8::MAX, |k| k as u8),
            None => {
                kinds.push(kind);
                pats.push(line);
            }
        }
    }
    Table {
        matcher: phrases(&pats),
        kinds,
    }
}

/// Characters one SMS holds: 70 when the text needs Unicode (any Chinese),
/// 160 when every character is in the GSM 7-bit alphabet (plain English).
pub fn sms_limit(text: &str) -> usize {
    let gsm = text
        .chars()
        .all(|c| c == '\n' || matches!(c, ' '..='~') && !"[]{}\\^~|`".chars().any(|x| x == c));
    if gsm {
        160
    } else {
        70
    }
}

fn is_break(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || "，。！？；：、～…「」『』（）【】“”‘’—"
            .chars()
            .any(|x| x == c)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The explanation of each warning code of the word table, one
/// `zh-CN|zh-TW|en` row (see [`t3`]); `{}` is the word. `lint` picks a row by
/// its index.
const MESSAGES: [(&str, &str); 4] = [
    (
        "extreme_word",
        concat!(
            "「{}」是极限词，违反广告法，容易被投诉处罚：换成具体、可证明的说法", "|",
            "「{}」是誇大的極限用語，違反廣告法規，容易被檢舉處罰：改用具體、可證明的說法", "|",
            "\"{}\" is an absolute claim (极限词) banned by the Advertising Law: use a specific, provable statement",
        ),
    ),
    (
        "delivery_promise",
        concat!(
            "「{}」在承诺到货时间，快递一延误就会被投诉：改成“付款后尽快安排发货”", "|",
            "「{}」在保證到貨時間，物流一延誤就會被客訴：改成「付款後盡快安排出貨」", "|",
            "\"{}\" promises a delivery date; any courier delay turns it into a complaint: say \"we'll ship as soon as it's paid\"",
        ),
    ),
    (
        "pressure",
        concat!(
            "「{}」是在给买家施压，容易招来反感和投诉：改成提醒和帮忙", "|",
            "「{}」是在對買家施壓，容易引起反感和客訴：改成提醒和協助", "|",
            "\"{}\" pressures the buyer and invites complaints: remind and offer help instead",
        ),
    ),
    (
        "argue",
        concat!(
            "「{}」像在和买家争辩、指责买家：换成理解和帮忙的说法", "|",
            "「{}」像在跟買家爭辯、責怪買家：換成體諒和協助的說法", "|",
            "\"{}\" argues with or blames the buyer: show understanding and offer help",
        ),
    ),
];

const TOO_LONG: &str =
    concat!(
    "短信有{}个字，超过一条的{}字，会被拆成多条：精简成一条", "|",
    "簡訊有{}個字，超過一則的{}字，會被拆成多則：精簡成一則", "|",
    "the SMS has {} characters, over the {} of one message, so it would be split: cut it to one",
);

const NAME_MISSING: &str = concat!(
    "短信前7个字里没有买家的名字「{}」：把称呼放到开头，买家一眼就知道是发给自己的", "|",
    "簡訊前7個字裡沒有買家的名字「{}」：把稱呼放在開頭，買家一看就知道是給自己的", "|",
    "the buyer's name \"{}\" is not in the first 7 characters: start with it so the buyer sees it is for them",
);

const NO_ADDRESS: &str = concat!(
    "短信开头没有买家的名字:前7个字里写上名字(“亲”不算名字)",
    "|",
    "簡訊開頭沒有買家的名字:前7個字裡寫上名字(「親」不算名字)",
    "|",
    "the SMS does not start with the buyer's name: put it in the first 7 characters (\"Dear customer\" is no name)",
);

/// UTF-16 offsets of byte offsets of one text, counted on from the last
/// one asked: the warnings come left to right, so the text is counted once.
struct Utf16<'a> {
    text: &'a str,
    byte: usize,
    units: usize,
}

impl<'a> Utf16<'a> {
    fn new(text: &'a str) -> Self {
        Utf16 {
            text,
            byte: 0,
            units: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            (self.byte, self.units) = (0, 0);
        }
        self.units += utf16_len(self.text.get(self.byte..byte).unwrap_or(""));
        crate::core::work::scanned(byte.saturating_sub(self.byte));
        self.byte = byte;
        self.units
    }

    fn warning(&mut self, code: &str, message: String, start: usize, end: usize) -> Warning {
        Warning {
            code: code.into(),
            message,
            start: Some(self.at(start)),
            end: Some(self.at(end)),
            path: None,
        }
    }
}

fn sms_checks(text: &str, options: &LintOptions, loc: Locale, out: &mut Vec<Warning>) {
    let n = text.chars().count();
    let limit = sms_limit(text);
    if n > limit {
        let start = char_end(text, limit);
        let message = trf(loc, TOO_LONG, &[&n.to_string(), &limit.to_string()]);
        out.push(Utf16::new(text).warning("too_long_sms", message, start, text.len()));
    }
    let name = options
        .buyer_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let window = |k: usize| head(text, k);
    let (ok, message) = match name {
        Some(name) => {
            let k = SMS_NAME_CHARS.max(name.chars().count());
            (window(k).contains(name), trf(loc, NAME_MISSING, &[name]))
        }
        None => (
            rules::has_address(window(SMS_NAME_CHARS)),
            t3(loc, NO_ADDRESS).to_string(),
        ),
    };
    if !ok {
        let end = char_end(text, SMS_NAME_CHARS);
        out.push(Utf16::new(text).warning("missing_name_sms", message, 0, end));
    }
}

/// Checks `text`; spans are UTF-16 offsets.
///
/// # Errors
/// `too_large` when the text is over [`MAX_LINT_CHARS`].
pub fn lint(text: &str, options: &LintOptions) -> Result<Vec<Warning>, Error> {
    if text.chars().count() > MAX_LINT_CHARS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "text",
            format!("text is longer than {MAX_LINT_CHARS} characters: lint one line at a time"),
        ));
    }
    let loc = options.locale.unwrap_or_default();
    let t = table();
    let mut out = Vec::new();
    let mut utf16 = Utf16::new(text);
    // End of the last flagged span: a promise reaches past its own hit.
    let mut covered = 0;
    for hit in t.matcher.find_iter(text) {
        let Some(&kind) = t.kinds.get(hit.pattern().as_usize()) else {
            continue;
        };
        if hit.start() < covered {
            continue;
        }
        let after = text.get(hit.end()..).unwrap_or("");
        let next = after.chars().next();
        // The row of `MESSAGES` and the span.
        let (row, start, end) = match kind {
            CLAIM => {
                if !next.is_none_or(|c| c == '的' || is_break(c)) {
                    continue;
                }
                (0, hit.start(), hit.end())
            }
            PROMISE => {
                let window = head(after, PROMISE_WINDOW);
                let window = window
                    .get(..window.find(is_break).unwrap_or(window.len()))
                    .unwrap_or(window);
                let mut end = usize::MAX;
                for a in &ARRIVALS {
                    if let Some(i) = window.find(a) {
                        end = end.min(i + a.len());
                    }
                }
                if end == usize::MAX {
                    continue;
                }
                (1, hit.start(), hit.end() + end)
            }
            DELIVERY => {
                // Take in the number: 24 小时送达.
                let before = text.get(..hit.start()).unwrap_or("");
                let run = before.trim_end_matches(|c| DIGITS_SPACE.contains(c)).len();
                let start = text
                    .get(run..hit.start())
                    .unwrap_or("")
                    .find(is_digit)
                    .map_or(hit.start(), |i| run + i);
                (1, start, hit.end())
            }
            EXTREME if text.get(hit.start()..hit.end()) == Some("最") => {
                // Show the word it makes: 最美, 最强.
                let end = match next {
                    Some(c) if is_han(c) => hit.end() + c.len_utf8(),
                    _ => hit.end(),
                };
                (0, hit.start(), end)
            }
            EXTREME => (0, hit.start(), hit.end()),
            PRESSURE => (2, hit.start(), hit.end()),
            ARGUE => (3, hit.start(), hit.end()),
            // `ok` words.
            _ => continue,
        };
        let Some((code, m)) = MESSAGES.get(row) else {
            continue;
        };
        covered = end;
        let word = text.get(start..end).unwrap_or("");
        out.push(utf16.warning(code, trf(loc, m, &[word]), start, end));
    }
    rules::check(text, options, loc, &mut out);
    if options.channel == Some(Channel::Sms) {
        sms_checks(text, options, loc, &mut out);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(String, usize, usize)> {
        // The word table only: these texts keep half-width punctuation.
        let opts = LintOptions {
            full_width: Some(false),
            ..LintOptions::default()
        };
        lint(text, &opts)
            .unwrap()
            .into_iter()
            .map(|w| (w.code, w.start.unwrap(), w.end.unwrap()))
            .collect()
    }

    #[test]
    fn ordinary_words_pass() {
        assert!(codes("最近好吗?最后一天活动,最好今天付款,最多3件,第一次来").is_empty());
    }

    #[test]
    fn claims_are_flagged() {
        assert_eq!(codes("质量最好!")[0].0, "extreme_word");
        assert_eq!(codes("最好的面料")[0].0, "extreme_word");
        assert_eq!(codes("全网最低价"), vec![("extreme_word".into(), 0, 5)]);
        assert_eq!(codes("我们最美"), vec![("extreme_word".into(), 2, 4)]);
    }

    #[test]
    fn promises_need_an_arrival_word() {
        assert_eq!(codes("保证明天到货")[0], ("delivery_promise".into(), 0, 6));
        assert!(codes("保证质量,收到不满意可退").is_empty());
        assert_eq!(codes("24 小时送达")[0], ("delivery_promise".into(), 0, 7));
    }

    #[test]
    fn too_long_names_the_limit() {
        let err = lint(&"x".repeat(MAX_LINT_CHARS + 1), &LintOptions::default()).unwrap_err();
        assert!(err.message().contains(&MAX_LINT_CHARS.to_string()));
    }

    #[test]
    fn sms_limit_depends_on_encoding() {
        assert_eq!(sms_limit("你好"), 70);
        assert_eq!(sms_limit("Hi Emma, your order"), 160);
    }
}
