//! The engine is one-way: each module of `src/core` uses only modules on its
//! own layer or below, in the order of the pipeline (see ARCHITECTURE.md).
//! This reads the sources and fails on the first use of a module above.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// Bottom first. Modules on one layer may use each other.
const LAYERS: &[&[&str]] = &[
    // Shared helpers: limits, embedded tables, text, moments and dates,
    // errors, the public model, sentences in three locales.
    &[
        "limits", "data", "text", "clock", "error", "model", "say", "work",
    ],
    &["lint"],
    &["input"],
    &["transcript"],
    &["calendar"],
    &["reason"],
    &["timing"],
    &["plan"],
    &["lines"],
    &["explain"],
    &["suggest"],
    &["rank"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level modules `code` names through `crate::core::`, or through
/// `super::` when `up` of them lead to `src/core` (a nested module needs two).
fn uses(code: &str, up: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find(['c', 's']) {
        let tail = &rest[i..];
        let (prefix_len, top) = if tail.starts_with("crate::core::") {
            ("crate::core::".len(), true)
        } else if tail.starts_with("super::") && !rest[..i].ends_with("super::") {
            let mut n = 0;
            while tail[n * 7..].starts_with("super::") {
                n += 1;
            }
            (n * 7, n == up)
        } else {
            rest = &rest[i + 1..];
            continue;
        };
        let after = &tail[prefix_len..];
        if top {
            if let Some(group) = after.strip_prefix('{') {
                // `{a, b::c, d::{e, f}}`: the first name of each item.
                let mut depth = 0;
                let mut item_start = true;
                let mut name = String::new();
                for c in group.chars() {
                    let ident = c.is_alphanumeric() || c == '_';
                    if ident && item_start {
                        name.push(c);
                        continue;
                    }
                    if !name.is_empty() {
                        out.push(std::mem::take(&mut name));
                        item_start = false;
                    }
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => item_start = true,
                        _ => {}
                    }
                }
                if !name.is_empty() {
                    out.push(name);
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.push(name);
            }
        }
        rest = &tail[prefix_len..];
    }
    out
}

/// The code of a source file without comments and without its tests.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn visit(dir: &Path, out: &mut Vec<(String, usize, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            visit(&path, out);
            continue;
        }
        let rel = path.strip_prefix("src/core").unwrap();
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        // `super::` leads to `src/core` from a top-level file or a
        // directory's `mod.rs`; from a file inside a directory it takes two.
        let up = if parts.len() == 1 || parts.last().is_some_and(|p| p == "mod") {
            1
        } else {
            2
        };
        out.push((parts[0].clone(), up, fs::read_to_string(&path).unwrap()));
    }
}

#[test]
fn no_module_uses_one_above_it() {
    let mut files = Vec::new();
    visit(Path::new("src/core"), &mut files);
    assert!(files.len() > 20);
    let mut bad = Vec::new();
    for (module, up, text) in &files {
        if module == "mod" {
            continue; // The facade re-exports the entry points.
        }
        let own = layer(module).unwrap_or_else(|| panic!("{module} is on no layer: add it"));
        for used in uses(&code(text), *up) {
            match layer(&used) {
                Some(l) if l > own => bad.push(format!("{module} uses {used}")),
                _ => {}
            }
        }
    }
    assert!(bad.is_empty(), "uses against the pipeline: {bad:?}");
}

#[test]
fn the_reader_sees_uses() {
    let found = uses(
        "use super::{clock, lines::{a, b}, model::*};\nlet x = crate::core::timing::plan(); super::super::reason::x; super::sibling",
        1,
    );
    assert_eq!(found, ["clock", "lines", "model", "timing", "sibling"]);
    let nested = uses("use super::norm::Norm; use super::super::input::Input;", 2);
    assert_eq!(nested, ["input"]);
}
