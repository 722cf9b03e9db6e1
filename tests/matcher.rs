//! The phrase matcher against aho-corasick, its oracle: the same hit lists
//! (pattern, start, end) for leftmost-longest, ASCII case-insensitive,
//! non-overlapping search, over the pattern lists the data tables give and
//! over random pattern sets. Empty patterns are the one deliberate
//! difference: aho-corasick reports empty hits (inside characters too), the
//! matcher never matches them, so the oracle runs without them.
#![cfg(not(target_arch = "wasm32"))]

use aho_corasick::{AhoCorasick, MatchKind};
use cuifu::core::data;
use cuifu::core::matcher::Matcher;
use proptest::prelude::*;
use serde_json::Value;

fn ours(matcher: &Matcher, text: &str) -> Vec<(usize, usize, usize)> {
    matcher
        .find_iter(text)
        .map(|h| (h.pattern, h.start, h.end))
        .collect()
}

/// aho-corasick over the non-empty patterns, with their indices in the full list.
struct Oracle {
    ac: AhoCorasick,
    kept: Vec<usize>,
}

impl Oracle {
    fn new(patterns: &[&str]) -> Oracle {
        let kept: Vec<usize> = (0..patterns.len())
            .filter(|&i| !patterns[i].is_empty())
            .collect();
        let list: Vec<&str> = kept.iter().map(|&i| patterns[i]).collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&list)
            .unwrap();
        Oracle { ac, kept }
    }

    fn hits(&self, text: &str) -> Vec<(usize, usize, usize)> {
        self.ac
            .find_iter(text)
            .map(|m| (self.kept[m.pattern().as_usize()], m.start(), m.end()))
            .collect()
    }
}

fn same(patterns: &[&str], text: &str) -> Result<(), TestCaseError> {
    let want = Oracle::new(patterns).hits(text);
    prop_assert_eq!(ours(&Matcher::new(patterns), text), want);
    Ok(())
}

fn check(name: &str, patterns: &[&str], texts: &[String]) -> usize {
    let (matcher, oracle) = (Matcher::new(patterns), Oracle::new(patterns));
    let mut hits = 0;
    for text in texts {
        let want = oracle.hits(text);
        assert_eq!(ours(&matcher, text), want, "{name}: {text:?}");
        hits += want.len();
    }
    hits
}

/// Rows of a table that are phrases, not `[heading]`s; `tab` keeps only
/// what precedes a tab.
fn phrases(table: &'static str) -> Vec<&'static str> {
    table
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('['))
        .map(|l| l.split('\t').next().unwrap_or(l).trim())
        .collect()
}

/// The lists the call sites build: reason phrases, question words (the
/// `[?]` block of the table as `build.rs` embeds it; `[=]` holds
/// combination rows, not phrases), time words and lint words.
fn tables() -> Vec<(&'static str, Vec<&'static str>)> {
    let mut reasons = Vec::new();
    let mut questions = Vec::new();
    let mut head = "";
    for line in data::REASONS.lines() {
        if let Some(h) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            head = h;
        } else if head == "?" {
            questions.push(line);
        } else if head != "=" && !line.is_empty() {
            reasons.push(line);
        }
    }
    let all: Vec<&str> = [&reasons, &questions]
        .into_iter()
        .flatten()
        .copied()
        .chain(phrases(data::TIMES))
        .chain(phrases(data::LINT))
        .collect();
    vec![
        ("reasons", reasons),
        ("questions", questions),
        ("times", phrases(data::TIMES)),
        ("lint", phrases(data::LINT)),
        ("all", all),
    ]
}

fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        Value::Object(o) => o.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// Template lines and every string of the test fixtures (chats, items, shops).
fn realistic_texts() -> Vec<String> {
    let mut texts: Vec<String> = data::TEMPLATES
        .lines()
        .map(str::trim)
        .filter_map(|l| l.split_once(' ').map(|(_, t)| t.to_string()))
        .collect();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            strings(&v, &mut texts);
        }
    }
    texts
}

/// The phrases themselves, run together in a scrambled order with ASCII
/// case flipped every other time, then each phrase alone and uppercased.
fn phrase_texts(patterns: &[&str]) -> Vec<String> {
    let n = patterns.len();
    let mut texts = Vec::new();
    for step in [1, 7, 13, 31] {
        let mut s = String::new();
        for k in 0..n {
            let p = patterns[(k * step + step / 2) % n];
            if k % 2 == 1 {
                s.push_str(&p.to_ascii_uppercase());
            } else {
                s.push_str(p);
            }
            if k % 5 == 0 {
                s.push(' ');
            }
        }
        texts.push(s);
    }
    texts.extend(patterns.iter().map(|p| p.to_ascii_uppercase()));
    texts.extend(patterns.windows(3).map(|w| w.concat()));
    texts
}

#[test]
fn tables_on_realistic_texts() {
    let texts = realistic_texts();
    assert!(texts.len() > 300, "{} texts", texts.len());
    let mut total = 0;
    for (name, patterns) in tables() {
        assert!(patterns.len() > 30, "{name}: {} phrases", patterns.len());
        total += check(name, &patterns, &texts);
    }
    assert!(total > 1000, "{total} hits");
}

#[test]
fn tables_on_their_own_phrases() {
    for (name, patterns) in tables() {
        let texts = phrase_texts(&patterns);
        let hits = check(name, &patterns, &texts);
        assert!(hits > patterns.len(), "{name}: {hits} hits");
    }
}

/// A few characters that share prefixes, in both cases, wide and narrow.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a", "A", "b", "B", "k", "K", " ", "不", "要", "不要", "好", "é", "É",
    ])
}

fn word(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..=max).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_sets_agree_with_the_oracle(
        patterns in prop::collection::vec(word(4), 0..10),
        text in word(40),
    ) {
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        same(&patterns, &text)?;
    }

    #[test]
    fn patterns_built_from_the_text_agree(
        text in word(30),
        cuts in prop::collection::vec((0usize..30, 1usize..6), 1..8),
    ) {
        // Slices of the text itself, so hits are frequent and overlap.
        let chars: Vec<char> = text.chars().collect();
        let owned: Vec<String> = cuts
            .iter()
            .map(|&(at, len)| {
                let at = at.min(chars.len());
                chars[at..(at + len).min(chars.len())].iter().collect::<String>().to_ascii_uppercase()
            })
            .collect();
        let patterns: Vec<&str> = owned.iter().map(String::as_str).collect();
        same(&patterns, &text)?;
    }
}
