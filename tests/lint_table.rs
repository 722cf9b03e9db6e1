//! The lint table (`tests/lint_table.tsv`): lines agents write in zh-CN,
//! zh-TW and English, violations and clean look-alikes, each with the
//! warnings it must get. Fails with the list of every mismatch.

use cuifu::{lint, Channel, LintOptions};

const TABLE: &str = include_str!("lint_table.tsv");

/// Reads the options column: `-`, or `sms`, `im`, `name=…`, `marketing`,
/// `halfwidth-off` joined by commas.
fn options(col: &str) -> LintOptions {
    let mut o = LintOptions::default();
    for opt in col.split(',').filter(|s| *s != "-") {
        match opt.split_once('=') {
            Some(("name", name)) => o.buyer_name = Some(name.to_string()),
            _ => match opt {
                "sms" => o.channel = Some(Channel::Sms),
                "im" => o.channel = Some(Channel::Im),
                "marketing" => o.marketing = Some(true),
                "halfwidth-off" => o.full_width = Some(false),
                _ => panic!("unknown option {opt:?} in tests/lint_table.tsv"),
            },
        }
    }
    o
}

/// `code=span` pairs, sorted.
fn expected(col: &str) -> Vec<String> {
    let mut v: Vec<String> = col
        .split(';')
        .filter(|s| *s != "-")
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

#[test]
fn every_line_of_the_table_gets_its_warnings() {
    let mut mismatches = Vec::new();
    // (locale, passed, rows)
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (n, row) in TABLE.lines().enumerate() {
        if row.starts_with('#') || row.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = row.split('\t').collect();
        let [locale, opts, text, want] = cols[..] else {
            panic!("tests/lint_table.tsv:{}: 4 tab-separated columns", n + 1);
        };
        let units: Vec<u16> = text.encode_utf16().collect();
        let warnings = lint(text, &options(opts)).expect("lint");
        let mut got: Vec<String> = warnings
            .iter()
            .map(|w| {
                let (s, e) = (w.start.unwrap(), w.end.unwrap());
                assert!(s <= e && e <= units.len(), "{text}: span {s}..{e}");
                format!("{}={}", w.code, String::from_utf16(&units[s..e]).unwrap())
            })
            .collect();
        got.sort();
        let pass = got == expected(want);
        if !pass {
            mismatches.push(format!(
                "  line {}: [{locale}] {text:?}\n    want {want}\n    got  {}",
                n + 1,
                if got.is_empty() {
                    "-".to_string()
                } else {
                    got.join(";")
                }
            ));
        }
        match counts.iter_mut().find(|c| c.0 == locale) {
            Some(c) => {
                c.1 += usize::from(pass);
                c.2 += 1;
            }
            None => counts.push((locale, usize::from(pass), 1)),
        }
    }
    let summary: Vec<String> = counts
        .iter()
        .map(|(l, p, r)| format!("{l} {p}/{r}"))
        .collect();
    println!("lint table: {}", summary.join(", "));
    let rows: usize = counts.iter().map(|c| c.2).sum();
    assert!(rows >= 150, "the table has {rows} lines, fewer than 150");
    assert!(
        mismatches.is_empty(),
        "lint table ({}): {} mismatches\n{}",
        summary.join(", "),
        mismatches.len(),
        mismatches.join("\n")
    );
}
