//! Chinese sentences the engine writes for the agent (`why`, the remark,
//! warnings) use full-width punctuation (`，：；？！（）`), as professional
//! scripts do; the buyer's own words quoted in them are left as written.

use std::fs;
use std::path::PathBuf;

use cuifu::ChatContext;
use serde_json::Value;

/// The text outside quotes (“…”, 「…」): what the engine itself wrote.
fn own_words(s: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '“' | '「' => depth += 1,
            '”' | '」' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The half-width marks in `s` that Chinese text should write full-width;
/// a colon between digits (17:00) and ASCII words (shop.holidays, URLs) are fine.
fn half_width(s: &str) -> Vec<char> {
    let own = own_words(s);
    let chars: Vec<char> = own.chars().collect();
    let mut bad = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        let digits =
            before.is_some_and(|b| b.is_ascii_digit()) && after.is_some_and(|a| a.is_ascii_digit());
        let ascii_around = before.is_some_and(|b| b.is_ascii_alphanumeric())
            && after.is_some_and(|a| a.is_ascii_alphanumeric() || a == ' ');
        match c {
            ':' if !digits && !ascii_around => bad.push(c),
            ',' | ';' | '?' | '!' | '(' | ')' if !ascii_around => bad.push(c),
            _ => {}
        }
    }
    bad
}

fn scenarios() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/review/scenarios");
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("the review scenarios") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|x| x == "json") {
            let text = fs::read_to_string(&path).expect("a scenario");
            let mut v: Value = serde_json::from_str(&text).expect("scenario JSON");
            if let Some(o) = v.as_object_mut() {
                o.remove("scenario");
            }
            out.push((path.display().to_string(), v));
        }
    }
    assert!(out.len() >= 40);
    out
}

#[test]
fn chinese_why_remark_and_warnings_use_full_width_punctuation() {
    let mut checked = 0;
    for (name, v) in scenarios() {
        for locale in ["zh-CN", "zh-TW"] {
            let mut v = v.clone();
            v["locale"] = Value::from(locale);
            let ctx: ChatContext = serde_json::from_value(v).expect("a context");
            let Ok(s) = cuifu::suggest(&ctx) else {
                continue;
            };
            let texts = s
                .why
                .iter()
                .chain(std::iter::once(&s.remark))
                .chain(s.warnings.iter().map(|w| &w.message));
            for t in texts {
                let bad = half_width(t);
                assert!(bad.is_empty(), "{name} ({locale}): {bad:?} in {t:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 300, "{checked}");
}

#[test]
fn the_check_finds_half_width_marks() {
    assert_eq!(half_width("下午单,17:00 前催付;顺延"), vec![',', ';']);
    assert!(half_width("下午单，17:00 前催付；买家说“好的,明天”。").is_empty());
    assert!(half_width("请在 shop.holidays 补上").is_empty());
    assert_eq!(half_width("先用旺旺(亲~)"), vec!['(', ')']);
}
