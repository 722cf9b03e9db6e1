//! The phrase matching the engine relies on (`text::phrases`, aho-corasick
//! leftmost-longest and ASCII case-insensitive), and what it means for the
//! tables: every phrase can be found, and a longer phrase wins over the
//! shorter one inside it (`最低价` over `最`, `运费险` over `运费`).
#![cfg(not(target_arch = "wasm32"))]

use cuifu::core::data;
use cuifu::core::model::LintOptions;
use cuifu::core::text::phrases;

fn hits(patterns: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
    phrases(patterns)
        .find_iter(text)
        .map(|h| (h.pattern().as_usize(), h.start(), h.end()))
        .collect()
}

#[test]
fn earliest_start_wins_then_longest() {
    // "bcd" is longer but starts later than "ab".
    assert_eq!(hits(&["bcd", "ab"], "abcd"), [(1, 0, 2)]);
    assert_eq!(hits(&["a", "abc", "ab"], "abcab"), [(1, 0, 3), (2, 3, 5)]);
    // A longer phrase that fails part way leaves the shorter hit.
    assert_eq!(hits(&["abcd", "ab"], "abcx"), [(1, 0, 2)]);
    assert_eq!(hits(&["最", "最低价"], "全网最低价"), [(1, 6, 15)]);
}

#[test]
fn non_overlapping_left_to_right() {
    assert_eq!(hits(&["aa"], "aaaaa"), [(0, 0, 2), (0, 2, 4)]);
    assert_eq!(hits(&["不", "不要"], "不要不"), [(1, 0, 6), (0, 6, 9)]);
}

#[test]
fn ascii_case_folds_and_duplicates_report_the_first() {
    assert_eq!(hits(&["x", "ok", "OK", "ok"], "Ok"), [(1, 0, 2)]);
    assert_eq!(hits(&["Best"], "the BEST"), [(0, 4, 8)]);
    // Only ASCII folds: the normaliser has lowered the rest already.
    assert_eq!(hits(&["ÄB"], "äb"), []);
}

/// The phrases of a resolved table (`[heading]` lines and, in the reason
/// table, the `[=]` combination rows are not phrases).
fn table(src: &str) -> Vec<&str> {
    let mut head = "";
    let mut out = Vec::new();
    for line in src.lines() {
        if let Some(h) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            head = h;
        } else if head != "=" {
            out.push(line.split('\t').next().unwrap_or(line));
        }
    }
    out
}

#[test]
fn every_phrase_of_the_tables_is_found_whole() {
    for (name, src) in [("reasons", data::REASONS), ("lint", data::LINT)] {
        let list = table(src);
        assert!(list.len() > 50, "{name}: {} phrases", list.len());
        let m = phrases(&list);
        for p in &list {
            assert!(
                !p.is_empty(),
                "{name}: an empty phrase would match everywhere"
            );
            let found: Vec<(usize, usize)> =
                m.find_iter(*p).map(|h| (h.start(), h.end())).collect();
            assert_eq!(found, [(0, p.len())], "{name}: {p}");
        }
    }
}

#[test]
fn the_lint_flags_the_longest_word() {
    let w = cuifu::core::lint("全网最低价，最好的面料", &LintOptions::default()).unwrap();
    let spans: Vec<(usize, usize)> = w
        .iter()
        .map(|w| (w.start.unwrap(), w.end.unwrap()))
        .collect();
    // `全网最低价` whole, not `最`; `最好` with the word it makes.
    assert_eq!(spans, [(0, 5), (6, 8)]);
}
