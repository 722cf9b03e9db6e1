//! Embeds the data tables of `src/data/` without their comment lines: the
//! comments document the tables for editors and need not ship in the wasm.
//! A comment is a line that is `#` alone or starts with `# ` (after
//! indentation); rows such as `#折` (a number, then 折) are data.
//!
//! The holiday calendar (`holidays.tsv`) becomes a Rust table of day numbers
//! (`holidays.rs`), so the wasm needs no date parsing for it.

use std::{env, fs, path::PathBuf};

const TABLES: [&str; 6] = [
    "reasons.tsv",
    "times.tsv",
    "fold.tsv",
    "lint.tsv",
    "holidays.tsv",
    "templates.txt",
];

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in TABLES {
        let src = format!("src/data/{name}");
        println!("cargo:rerun-if-changed={src}");
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let kept: String = text
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                t != "#" && !t.starts_with("# ")
            })
            .flat_map(|l| [l, "\n"])
            .collect();
        if name == "holidays.tsv" {
            let rs = holidays(&kept);
            fs::write(out.join("holidays.rs"), rs).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        fs::write(out.join(name), kept).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// `kind<TAB>first<TAB>last<TAB>zh-CN<TAB>zh-TW<TAB>en` rows as
/// `(kind, first, last, names)`, days counted as chrono's `num_days_from_ce`.
fn holidays(text: &str) -> String {
    let mut rs = String::from("&[\n");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 4, "holidays.tsv: short row {line:?}");
        let kind = match f[0] {
            "covered" => 0,
            "rest" => 1,
            "work" => 2,
            k => panic!("holidays.tsv: unknown kind {k:?}"),
        };
        let name = |i: usize| f.get(i).copied().unwrap_or(f[3]);
        let names = if kind == 1 {
            [f[3], name(4), name(5)]
        } else {
            ["", "", ""]
        };
        rs.push_str(&format!(
            "    ({kind}, {}, {}, {names:?}),\n",
            day(f[1]),
            day(f[2])
        ));
    }
    rs.push(']');
    rs
}

/// `YYYY-MM-DD` as days from 0001-01-01 (day 1), like chrono's `num_days_from_ce`.
fn day(s: &str) -> i64 {
    let p: Vec<i64> = s
        .split('-')
        .map(|x| {
            x.parse()
                .unwrap_or_else(|_| panic!("holidays.tsv: bad date {s:?}"))
        })
        .collect();
    let (y, m, d) = match p[..] {
        [y, m, d] => (y, m, d),
        _ => panic!("holidays.tsv: bad date {s:?}"),
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let len = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    assert!(
        (1..=12).contains(&m) && d >= 1 && d <= len[(m - 1) as usize],
        "holidays.tsv: bad date {s:?}"
    );
    // Days from civil (H. Hinnant), then from 1970-01-01 to 0001-01-01.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468 + 719_163
}
