//! Checks a reminder line for words that break the Advertising Law, promises
//! that backfire, pressure and arguing (004).

use std::sync::OnceLock;

use super::error::{Error, ErrorCode};
use super::limits::MAX_LINT_CHARS;
use super::matcher::{read_table, utf16_len, Matcher};
use super::model::{LintOptions, Warning};

const TABLE: &str = include_str!("../data/lint.tsv");

struct Table {
    matcher: Matcher,
    codes: Vec<&'static str>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let (codes, pats): (Vec<&'static str>, Vec<&'static str>) = read_table(TABLE).unzip();
        Table {
            matcher: Matcher::new(&pats),
            codes,
        }
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
    let m = table();
    Ok(m.matcher
        .find_iter(text)
        .map(|hit| {
            let code = m.codes[hit.pattern];
            Warning {
                code: code.into(),
                message: message(code).into(),
                start: Some(utf16_len(&text[..hit.start])),
                end: Some(utf16_len(&text[..hit.end])),
            }
        })
        .collect())
}
