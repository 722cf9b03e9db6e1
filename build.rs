//! Embeds the data tables of `src/data/` without their comment lines: the
//! comments document the tables for editors and need not ship in the wasm.
//! A comment is a line that is `#` alone or starts with `# ` (after
//! indentation); rows such as `#折` (a number, then 折) are data.

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
        fs::write(out.join(name), kept).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
