//! Checks a reminder line for words that break the Advertising Law, promises
//! that backfire, pressure and arguing (004).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::error::{Error, ErrorCode};
use super::limits::MAX_LINT_CHARS;
use super::model::{LintOptions, Warning};

const TABLE: &str = include_str!("../data/lint.tsv");

struct Matcher {
    ac: AhoCorasick,
    codes: Vec<&'static str>,
}

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let (codes, pats): (Vec<&'static str>, Vec<&'static str>) = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .unzip();
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("the lint table builds");
        Matcher { ac, codes }
    })
}

fn message(code: &str) -> &'static str {
    match code {
        "extreme_word" => "极限词违反广告法,容易被投诉处罚:换成具体、可证明的说法",
        "delivery_promise" => "不要承诺到货时间:改成“付款后尽快安排发货”",
        "pressure" => "语气在施压,买家会反感:改成提醒和帮忙",
        "argue" => "这是在和买家争辩:换成理解和帮助的说法",
        _ => "请检查这段话",
    }
}

/// Checks `text`; spans are UTF-16 offsets.
pub fn lint(text: &str, _options: &LintOptions) -> Result<Vec<Warning>, Error> {
    if text.chars().count() > MAX_LINT_CHARS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "text",
            format!("text is longer than {MAX_LINT_CHARS} characters: lint one line at a time"),
        ));
    }
    let m = matcher();
    Ok(m
        .ac
        .find_iter(text)
        .map(|hit| {
            let code = m.codes[hit.pattern().as_usize()];
            Warning {
                code: code.into(),
                message: message(code).into(),
                start: Some(text[..hit.start()].encode_utf16().count()),
                end: Some(text[..hit.end()].encode_utf16().count()),
            }
        })
        .collect())
}
