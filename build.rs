//! Embeds the data tables of `src/data/` without their comment lines: the
//! comments document the tables for editors and are not embedded.
//! A comment is a line that is `#` alone or starts with `# ` (after
//! indentation); rows such as `#折` (a number, then 折) are data.
//!
//! The holiday calendar (`holidays.tsv`) becomes a Rust table of day numbers
//! (`holidays.rs`), so the engine needs no date parsing for it; the folding
//! table (`fold.tsv`) becomes a sorted Rust table of char pairs (`fold.rs`).
//!
//! The phrase table (`reasons.tsv`) is resolved here: each distinct phrase
//! gets all its roles (see [`reasons`]), so the engine only reads blocks.

use std::{env, fs, path::PathBuf};

#[path = "src/core/reason/gram_escape.rs"]
#[allow(dead_code)]
mod gram_escape;

const TABLES: [&str; 13] = [
    "pinyin.tsv",
    "address.tsv",
    "questions.tsv",
    "titles.tsv",
    "carriers.tsv",
    "surnames.tsv",
    "reasons.tsv",
    "said.tsv",
    "times.tsv",
    "fold.tsv",
    "lint.tsv",
    "holidays.tsv",
    "templates.txt",
];

/// The template table, one file per channel after the shared fragments,
/// joined in this order into the embedded `templates.txt`.
const TEMPLATE_FILES: [&str; 5] = [
    "fragments.txt",
    "im.txt",
    "im-reasons.txt",
    "sms.txt",
    "phone.txt",
];

/// A source file's text, rebuilt when it changes.
fn read(src: &str) -> String {
    println!("cargo:rerun-if-changed={src}");
    let mut text = fs::read_to_string(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let model = "src/data/reason-model.tsv";
    println!("cargo:rerun-if-changed={model}");
    println!("cargo:rerun-if-changed=src/core/reason/gram_escape.rs");
    let text = fs::read_to_string(model).unwrap_or_else(|e| panic!("{model}: {e}"));
    fs::write(out.join("reason_model.rs"), reason_model(&text))
        .unwrap_or_else(|e| panic!("{model}: {e}"));
    for name in TABLES {
        let text = if name == "templates.txt" {
            TEMPLATE_FILES
                .iter()
                .map(|f| read(&format!("src/data/templates/{f}")))
                .collect()
        } else {
            read(&format!("src/data/{name}"))
        };
        let kept: String = text
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                t != "#" && !t.starts_with("# ")
            })
            .flat_map(|l| [indent(l), l.trim_start(), "\n"])
            .collect();
        let kept = match name {
            "reasons.tsv" => reasons(&kept),
            "fold.tsv" => fold(&kept),
            "times.tsv" => kinds(name, &kept, &TIME_KINDS),
            "lint.tsv" => kinds(name, &kept, &LINT_KINDS),
            "templates.txt" => templates(&kept),
            _ => kept,
        };
        if name == "fold.tsv" {
            let rs = fold_rs(&kept);
            fs::write(out.join("fold.rs"), rs).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        if name == "holidays.tsv" {
            let rs = holidays(&kept);
            fs::write(out.join("holidays.rs"), rs).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        fs::write(out.join(name), kept).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// One space for an indented line (readers only ask whether a line is
/// indented), else nothing.
fn indent(line: &str) -> &'static str {
    if line.starts_with(char::is_whitespace) && !line.trim().is_empty() {
        " "
    } else {
        ""
    }
}

/// The kinds of `times.tsv`, in the order of `Kind` in
/// `src/core/reason/when.rs`.
const TIME_KINDS: [&str; 11] = [
    "day", "part", "week", "rel", "pay", "clock", "date", "ask", "then", "again", "past",
];

/// The kinds of `lint.tsv`, in the order of the kind constants in
/// `src/core/lint.rs`.
const LINT_KINDS: [&str; 7] = [
    "extreme_word",
    "claim",
    "ok",
    "delivery_promise",
    "promise",
    "pressure",
    "argue",
];

/// A table with each `[kind]` heading as the kind's index in `list`
/// (`[0]` for its first kind); an unknown kind is an error. Rows are
/// trimmed, each tab-separated field too (a row holds at most two), and
/// empty rows and rows starting with `#` left out, so the engine reads the
/// table as it is.
fn kinds(name: &str, text: &str, list: &[&str]) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(h) => {
                let k = list.iter().position(|x| *x == h);
                let k = k.unwrap_or_else(|| panic!("{name}: unknown kind [{h}]"));
                out.push_str(&format!("[{k}]"));
            }
            None => {
                let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
                assert!(
                    fields.len() <= 2,
                    "{name}: more than two fields in {line:?}"
                );
                out.push_str(&fields.join("\t"));
            }
        }
        out.push('\n');
    }
    out
}

/// `fold.tsv` rows (simplified, then its traditional forms) as one line of
/// (traditional, simplified) char pairs, stably sorted by the traditional
/// form ([`fold_rs`] makes it the Rust table the normaliser binary-searches).
fn fold(text: &str) -> String {
    let mut pairs: Vec<(char, char)> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut cs = line.chars().filter(|c| *c != '\t');
        let Some(s) = cs.next() else { continue };
        pairs.extend(cs.map(|t| (t, s)));
    }
    pairs.sort_by_key(|p| p.0);
    pairs.iter().flat_map(|&(t, s)| [t, s]).collect()
}

/// The pairs of [`fold`] as a Rust table of `(traditional, simplified)`.
fn fold_rs(pairs: &str) -> String {
    let cs: Vec<char> = pairs.chars().collect();
    let mut rs = String::from("&[\n");
    for p in cs.chunks(2) {
        if let [t, s] = p {
            rs.push_str(&format!("    ({t:?}, {s:?}),\n"));
        }
    }
    rs.push(']');
    rs
}

/// `templates.txt` with its rows first, then the text lines grouped by
/// language (every `cn` line in row order, then `tw`, then `en`): texts of
/// one language side by side compress better. Every row gets exactly one
/// line per language (a bare tag when it has no text), so the reader places
/// a text line by its position alone.
fn templates(text: &str) -> String {
    let mut rows = String::new();
    let mut texts: [Vec<&str>; 3] = Default::default();
    for line in text.lines() {
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if body.len() == line.len() {
            rows.push_str(body);
            rows.push('\n');
            texts.iter_mut().for_each(|t| t.push(""));
            continue;
        }
        let (tag, t) = body.split_once(' ').unwrap_or((body, ""));
        let Some(i) = ["cn", "tw", "en"].iter().position(|x| *x == tag) else {
            continue;
        };
        if let Some(slot) = texts[i].last_mut() {
            *slot = t.trim_end();
        }
    }
    for (tag, list) in ["cn", "tw", "en"].iter().zip(&texts) {
        for t in list {
            rows.push_str(format!(" {tag} {t}").trim_end());
            rows.push('\n');
        }
    }
    rows
}

/// Groups the detector reads by a fixed id, in this order (see
/// `src/core/reason/rules.rs`); other groups follow in order of appearance.
const SPECIAL: [&str; 14] = [
    "neg", "ping", "stop", "post", "topic", "payday", "keep", "notq", "ack", "done", "praise",
    "other", "solved", "sent",
];

/// `reasons.tsv` (phrases under `[code weight]` / `[@group]` headings,
/// `@a+@b` / `@a+?` combination rows under code headings) resolved to:
/// `[roles]` blocks of phrases, where roles are `code:weight` and `@id`
/// tokens and every distinct phrase appears once, under the block of all
/// its roles; a `[?]` block of question words; a `[=]` block of combination
/// rows `code:weight a b`, with `b` a group id or `?`.
/// A duplicate row is an error.
fn reasons(text: &str) -> String {
    let mut groups: Vec<String> = SPECIAL.iter().map(|g| g.to_string()).collect();
    let mut id = |g: &str| match groups.iter().position(|x| x == g) {
        Some(i) => i,
        None => {
            groups.push(g.to_string());
            groups.len() - 1
        }
    };
    let mut head: Option<String> = None;
    let mut seen: Vec<(String, String)> = Vec::new();
    // Phrases in order of appearance with their roles.
    let mut phrases: Vec<(String, Vec<String>)> = Vec::new();
    let mut questions: Vec<String> = Vec::new();
    let mut combos = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with("# ") {
            continue;
        }
        if let Some(h) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            head = Some(match h.strip_prefix('@') {
                Some(g) => format!("@{g}"),
                None => {
                    let (c, w) = h.split_once(' ').unwrap_or((h, "2"));
                    let w = w.trim().parse::<u8>().map_or(2, |w| w.clamp(1, 3));
                    format!("{c}:{w}")
                }
            });
            continue;
        }
        let Some(h) = head.clone() else { continue };
        let row = (h.clone(), line.to_string());
        assert!(
            !seen.contains(&row),
            "reasons.tsv: duplicate row {h} {line}"
        );
        seen.push(row);
        if h == "@q" {
            questions.push(line.to_string());
            continue;
        }
        let role = match h.strip_prefix('@') {
            Some(g) => format!("@{}", id(g)),
            None => match line.strip_prefix('@') {
                Some(pair) => {
                    let (a, b) = pair.split_once('+').unwrap_or((pair, "?"));
                    let b = match b.strip_prefix('@') {
                        Some(b) => id(b).to_string(),
                        None => "?".to_string(),
                    };
                    combos.push_str(&format!("{h} {} {b}\n", id(a)));
                    continue;
                }
                None => h,
            },
        };
        match phrases.iter_mut().find(|(p, _)| p == line) {
            Some((_, roles)) => roles.push(role),
            None => phrases.push((line.to_string(), vec![role])),
        }
    }
    // Blocks by role set, in order of first appearance; phrases sorted in
    // a block (the matcher takes the longest hit, so order does not count,
    // and sorted phrases compress better).
    let mut blocks: Vec<(String, Vec<String>)> = Vec::new();
    for (phrase, roles) in phrases {
        let key = roles.join(" ");
        match blocks.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(phrase),
            None => blocks.push((key, vec![phrase])),
        }
    }
    blocks.push(("?".to_string(), questions));
    let mut out = String::new();
    for (key, mut list) in blocks {
        list.sort();
        out.push_str(&format!("[{key}]\n"));
        for phrase in list {
            out.push_str(&phrase);
            out.push('\n');
        }
    }
    out.push_str(&format!("[=]\n{combos}"));
    out
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

/// The reason model file (`reason-model.tsv`, see `src/core/reason/model.rs`)
/// as Rust constants: the header values, the grams unescaped and the weights
/// as `i8`, so the engine reads nothing at start. The engine's own reader
/// (`Model::parse`) checks the same file in the tests; here a malformed file
/// stops the build.
fn reason_model(text: &str) -> String {
    let mut rs = String::from("// Generated by build.rs from src/data/reason-model.tsv.\n");
    let (mut chars, mut words, mut weights) = (Vec::new(), Vec::new(), Vec::new());
    let mut classes = 0;
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |what: &str| -> ! { panic!("reason-model.tsv line {}: {what}", i + 1) };
        let (key, rest) = line.split_once('\t').unwrap_or_else(|| bad("no tab"));
        let floats = || -> Vec<f64> {
            rest.split(' ')
                .map(|v| v.parse().unwrap_or_else(|_| bad("not a number")))
                .collect()
        };
        match key {
            "classes" => {
                classes = rest.split(' ').count();
                rs.push_str(&format!("pub const CLASSES: &str = {rest:?};\n"));
            }
            "scale" | "temperature" | "others" => {
                let [v] = floats()[..] else {
                    bad("expected one number")
                };
                rs.push_str(&format!("pub const {}: f64 = {v:?};\n", key.to_uppercase()));
            }
            "threshold" => {
                let [a, b] = floats()[..] else {
                    bad("expected two numbers")
                };
                rs.push_str(&format!(
                    "pub const THRESHOLD: [f64; 2] = [{a:?}, {b:?}];\n"
                ));
            }
            "bias" => rs.push_str(&format!("pub const BIAS: &[f64] = &{:?};\n", floats())),
            "c" | "w" => {
                let (gram, values) = rest.split_once('\t').unwrap_or_else(|| bad("no weights"));
                let gram = gram_escape::unescape(gram).unwrap_or_else(|| bad("bad escape"));
                let row: Vec<i8> = values
                    .split(' ')
                    .map(|v| v.parse().unwrap_or_else(|_| bad("a weight is not an i8")))
                    .collect();
                if row.len() != classes {
                    bad("as many weights as classes, after `classes`");
                }
                weights.extend(row);
                if key == "c" { &mut chars } else { &mut words }.push(gram);
            }
            _ => bad("unknown key"),
        }
    }
    for list in [&chars, &words] {
        assert!(
            list.windows(2).all(|w| w[0] < w[1]),
            "reason-model.tsv: grams must be sorted and distinct"
        );
    }
    // Each list as one text and the span of each gram in it, `start << 8 |
    // length` (see `Grams` in src/core/reason/features.rs).
    for (name, list) in [("CHAR", &chars), ("WORD", &words)] {
        let mut text = String::new();
        let mut spans = Vec::new();
        for g in list.iter() {
            assert!(
                g.len() <= 0xFF && text.len() < 1 << 24,
                "reason-model.tsv: a gram over 255 bytes or grams over 16 MiB"
            );
            spans.push((text.len() as u32) << 8 | g.len() as u32);
            text.push_str(g);
        }
        rs.push_str(&format!("pub const {name}S: &str = {text:?};\n"));
        rs.push_str(&format!("pub const {name}_SPANS: &[u32] = &{spans:?};\n"));
    }
    rs.push_str(&format!("pub const WEIGHTS: &[i8] = &{weights:?};\n"));
    rs
}
