//! The checks beside the word table: the patterns of `lint_patterns.tsv`
//! (delivery promises, arguing, pressure and rudeness as phrases with a
//! window, not single words), half-width punctuation in Chinese text, and
//! the SMS checks for emoji, links and the signature and opt-out text of
//! marketing messages.
//!
//! Every pattern is compiled once and run once over the text, so the cost
//! stays linear in the text; spans are UTF-16 offsets, inside the text and
//! never overlapping another warning.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::super::model::{Channel, LintOptions, Locale, Warning};
use super::super::say::trf;

const PATTERNS: &str = include_str!("../../data/lint_patterns.tsv");

/// What `{W}` stands for in a pattern: one character inside a clause.
const WINDOW_CHAR: &str = r"[^,，。.!！?？;；:：~～、…\s\x{3000}]";

/// One row of `lint_patterns.tsv`.
struct Rule {
    code: &'static str,
    re: Regex,
    /// Characters that must not follow a match.
    not_before: &'static str,
    /// An English pattern (`(?i)…`): it can only match ASCII letters; the
    /// others are Chinese and need a character outside ASCII.
    english: bool,
}

/// The data rows of `lint_patterns.tsv`: no comments, no blank lines.
fn rows(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    rows(PATTERNS)
        .filter_map(|row| {
            let mut cols = row.split('\t');
            let code = cols.next()?;
            let pattern = cols.next()?;
            let re = Regex::new(&pattern.replace("{W}", WINDOW_CHAR)).ok()?;
            Some(Rule {
                code,
                re,
                not_before: cols.next().unwrap_or(""),
                english: pattern.starts_with("(?i)"),
            })
        })
        .collect()
});

/// Emoji and pictographs (seed 001: 短信 无表情), with their joiners,
/// variation selectors and skin tones.
static EMOJI: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"[\x{1F000}-\x{1FAFF}\x{2600}-\x{27BF}\x{2B50}\x{2B55}\x{2B06}\x{2B07}\x{2B05}\x{231A}\x{231B}\x{23E9}-\x{23FA}\x{3030}\x{303D}\x{3297}\x{3299}][\x{FE0F}\x{200D}\x{20E3}\x{1F3FB}-\x{1F3FF}\x{1F000}-\x{1FAFF}\x{2600}-\x{27BF}]*",
    )
    .ok()
});

/// Web links and bare shop domains.
static LINK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:https?://|www\.)[^\s，。！？、；）】]+|(?:[a-z0-9-]+\.)+(?:com|cn|net|hk|tw|cc|me)(?:/[^\s，。！？、；）】]*)?\b",
    )
    .ok()
});

/// The opt-out text carriers require in marketing SMS.
static OPT_OUT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)回[复覆]?T退[订訂]|退[订訂]回T|拒收[请請]?回[复覆]?R|\breply\s+stop\b|\btext\s+stop\b|\bstop\s+to\s+(?:opt[ -]?out|unsubscribe|end)\b",
    )
    .ok()
});

/// The signature: the shop's name in 【】 (or [] in English).
static SIGNATURE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"【[^【】\s]{1,20}】|\[[^\[\]\n]{1,30}\]").ok());

/// Messages of the codes this module adds, one `zh-CN|zh-TW|en` row each
/// (see [`t3`]); the codes shared with the word table take its messages.
const MESSAGES: [(&str, &str); 6] = [
    (
        "rude",
        concat!(
            "「{}」对买家不礼貌，买家会直接走掉或投诉：换成耐心、客气的说法", "|",
            "「{}」對買家不禮貌，買家會直接離開或客訴：換成耐心、客氣的說法", "|",
            "\"{}\" is rude to the buyer and invites complaints: stay patient and polite",
        ),
    ),
    (
        "halfwidth_punct",
        concat!(
            "中文句子里的半角「{}」：换成全角「{}」", "|",
            "中文句子裡的半形「{}」：換成全形「{}」", "|",
            "half-width \"{}\" in Chinese text: use the full-width \"{}\"",
        ),
    ),
    (
        "sms_emoji",
        concat!(
            "短信里的表情「{}」在很多手机上显示成乱码：删掉", "|",
            "簡訊裡的表情「{}」在很多手機上會顯示成亂碼：刪掉", "|",
            "the emoji \"{}\" shows as garbage on many phones in an SMS: remove it",
        ),
    ),
    (
        "sms_link",
        concat!(
            "短信里的链接「{}」容易被拦截、被当成诈骗：让买家在App的订单里付款", "|",
            "簡訊裡的連結「{}」容易被攔截、被當成詐騙：請買家到App的訂單裡付款", "|",
            "the link \"{}\" gets SMS filtered or taken for a scam: point the buyer to the order in the app",
        ),
    ),
    (
        "sms_signature",
        concat!(
            "营销短信没有签名：在开头写上【店铺名】", "|",
            "行銷簡訊沒有簽名：在開頭寫上【店家名稱】", "|",
            "the marketing SMS has no signature: start it with the shop name in 【】",
        ),
    ),
    (
        "sms_opt_out",
        concat!(
            "营销短信没有退订方式：结尾加上“回T退订”", "|",
            "行銷簡訊沒有退訂方式：結尾加上「回T退訂」", "|",
            "the marketing SMS has no opt-out: end it with \"Reply STOP to opt out\"",
        ),
    ),
];

fn message(loc: Locale, code: &str, args: &[&str]) -> String {
    MESSAGES
        .iter()
        .chain(super::MESSAGES.iter())
        .find(|(c, _)| *c == code)
        .map_or_else(String::new, |(_, m)| trf(loc, m, args))
}

/// A candidate warning, in byte offsets.
struct Hit {
    code: &'static str,
    start: usize,
    end: usize,
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{3000}'..='\u{303f}'
        | '\u{ff00}'..='\u{ffef}')
}

/// The full-width form of the half-width punctuation this lint checks.
fn full_width(c: char) -> Option<char> {
    match c {
        ',' => Some('，'),
        '?' => Some('？'),
        ':' => Some('：'),
        '!' => Some('！'),
        ';' => Some('；'),
        _ => None,
    }
}

/// Half-width `, ? : ! ;` next to Chinese (the supervisor of issue 13:
/// professional scripts use full-width punctuation); not between digits
/// (10:30, 1,000) nor inside English.
fn half_width(text: &str, hits: &mut Vec<Hit>) {
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        // English after a Chinese name: 「羽绒服」! Could you …
        let english_after = next == Some(' ')
            && text
                .get(i + c.len_utf8() + 1..)
                .and_then(|s| s.chars().next())
                .is_some_and(|n| n.is_ascii_alphabetic());
        if full_width(c).is_some()
            && (prev.is_some_and(is_cjk) && !english_after || next.is_some_and(is_cjk))
            && !(prev.is_some_and(|p: char| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()))
        {
            hits.push(Hit {
                code: "halfwidth_punct",
                start: i,
                end: i + c.len_utf8(),
            });
        }
        prev = Some(c);
    }
}

fn find_all(re: &Option<Regex>, code: &'static str, text: &str, hits: &mut Vec<Hit>) {
    if let Some(re) = re {
        hits.extend(re.find_iter(text).map(|m| Hit {
            code,
            start: m.start(),
            end: m.end(),
        }));
    }
}

fn matches(re: &Option<Regex>, text: &str) -> bool {
    re.as_ref().is_some_and(|re| re.is_match(text))
}

/// Adds this module's warnings to `out` (the word table's, sorted by start)
/// and leaves `out` sorted by start.
pub(super) fn check(text: &str, options: &LintOptions, loc: Locale, out: &mut Vec<Warning>) {
    let mut hits = Vec::new();
    // A Chinese line is not searched for English phrases, nor an English
    // line for Chinese ones.
    let (latin, chinese) = (
        text.bytes().any(|b| b.is_ascii_alphabetic()),
        !text.is_ascii(),
    );
    for rule in RULES
        .iter()
        .filter(|r| if r.english { latin } else { chinese })
    {
        for m in rule.re.find_iter(text) {
            let after = text.get(m.end()..).and_then(|s| s.chars().next());
            if after.is_some_and(|c| rule.not_before.contains(c)) {
                continue;
            }
            hits.push(Hit {
                code: rule.code,
                start: m.start(),
                end: m.end(),
            });
        }
    }
    // A setting: seed 001's own scripts use half-width punctuation.
    if options.full_width != Some(false) {
        half_width(text, &mut hits);
    }
    let sms = options.channel == Some(Channel::Sms);
    if sms {
        find_all(&EMOJI, "sms_emoji", text, &mut hits);
        find_all(&LINK, "sms_link", text, &mut hits);
    }
    // Earliest first, then longest; the first of overlapping hits stays.
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut kept: Vec<Warning> = Vec::new();
    // UTF-16 offset of `at`, walking forward once: starts are sorted.
    let (mut units, mut at, mut end) = (0, 0, 0);
    let mut table = 0;
    for h in hits {
        if h.start < end {
            continue;
        }
        units += text
            .get(at..h.start)
            .map_or(0, |s| s.encode_utf16().count());
        at = h.start;
        let start16 = units;
        let end16 = start16
            + text
                .get(h.start..h.end)
                .map_or(0, |s| s.encode_utf16().count());
        // Skip what overlaps a warning of the word table.
        while out
            .get(table)
            .is_some_and(|w| w.end.unwrap_or(0) <= start16)
        {
            table += 1;
        }
        if out.get(table).is_some_and(|w| w.start.unwrap_or(0) < end16) {
            continue;
        }
        end = h.end;
        let word = text.get(h.start..h.end).unwrap_or("");
        let full = word.chars().next().and_then(full_width).map(String::from);
        let args = [word, full.as_deref().unwrap_or("")];
        kept.push(Warning {
            code: h.code.into(),
            message: message(loc, h.code, &args),
            start: Some(start16),
            end: Some(end16),
            path: None,
        });
    }
    out.extend(kept);
    // Marketing SMS (a setting: seed 001's mass templates carry neither).
    if sms && options.marketing == Some(true) {
        let len = text.encode_utf16().count();
        if !matches(&SIGNATURE, text) {
            out.push(empty("sms_signature", loc, 0));
        }
        if !matches(&OPT_OUT, text) {
            out.push(empty("sms_opt_out", loc, len));
        }
    }
    out.sort_by_key(|w| w.start);
}

/// A warning about something missing, at the place it belongs.
fn empty(code: &str, loc: Locale, at: usize) -> Warning {
    Warning {
        code: code.into(),
        message: message(loc, code, &[]),
        start: Some(at),
        end: Some(at),
        path: None,
    }
}

/// Generic ways to address a buyer: they are not the buyer's name.
const GENERIC: [&str; 13] = [
    "亲爱的",
    "親愛的",
    "亲",
    "親",
    "顾客",
    "顧客",
    "客户",
    "客戶",
    "买家",
    "買家",
    "朋友",
    "宝宝",
    "寶寶",
];

/// What follows a name at the start of a line: 王丽您好, 张小姐, 王丽美女.
const TITLES: [&str; 8] = [
    "先生", "女士", "小姐", "同学", "同學", "美女", "您好", "你好",
];

/// English greetings and what after them is not a name.
const GREETINGS: [&str; 3] = ["hi ", "hello ", "dear "];
const NOT_NAMES: [&str; 6] = ["customer", "there", "friend", "buyer", "sir", "madam"];

/// Whether the start of an SMS names the buyer when the name is not known
/// (seed 001: 前七个字出现买家的名字): a name before 您好, 先生/女士/小姐
/// (seed 001: 张小姐), or Hi/Hello/Dear and a name. 亲 or 亲爱的顾客 alone
/// is no name.
pub(super) fn has_address(head: &str) -> bool {
    let mut named = head.to_string();
    for g in GENERIC {
        named = named.replace(g, " ");
    }
    let named_before = |i: usize| {
        let mut before = named.get(..i).unwrap_or("");
        while let Some(t) = TITLES.iter().find(|t| before.ends_with(*t)) {
            before = before.get(..before.len() - t.len()).unwrap_or("");
        }
        before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() && c != '您' && c != '你')
    };
    if TITLES
        .iter()
        .any(|t| named.match_indices(t).any(|(i, _)| named_before(i)))
    {
        return true;
    }
    let lower = head.trim_start().to_lowercase();
    GREETINGS.iter().any(|g| {
        lower.strip_prefix(g).is_some_and(|rest| {
            let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            // The window may cut the word: "Dear cu" is no name.
            !word.is_empty() && !NOT_NAMES.iter().any(|n| n.starts_with(word.as_str()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(RULES.len(), rows(PATTERNS).count());
        assert!(EMOJI.is_some() && LINK.is_some() && OPT_OUT.is_some() && SIGNATURE.is_some());
        for (code, m) in MESSAGES {
            assert_eq!(m.split('|').count(), 3, "{code}");
        }
        for r in RULES.iter() {
            assert!(
                r.code == "rude" || super::super::MESSAGES.iter().any(|(c, _)| *c == r.code),
                "{}",
                r.code
            );
        }
        // The split `check` relies on: a pattern without `(?i)` is Chinese
        // (it names characters outside ASCII, so ASCII text cannot match).
        for row in rows(PATTERNS) {
            let pattern = row.split('\t').nth(1).unwrap_or("");
            assert!(
                pattern.starts_with("(?i)") || !pattern.is_ascii(),
                "{pattern}"
            );
        }
    }

    #[test]
    fn address_needs_a_name() {
        assert!(has_address("王丽您好,您拍"));
        assert!(has_address("张小姐,您订"));
        assert!(has_address("亲爱的王丽您好"));
        assert!(!has_address("亲,您好,您拍"));
        assert!(!has_address("先生您好,您"));
        assert!(!has_address("親愛的顧客您好"));
        assert!(has_address("Hi Emma, your"));
        assert!(!has_address("Dear customer,"));
    }
}
