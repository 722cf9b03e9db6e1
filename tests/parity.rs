//! The shipped package must answer exactly as the Rust engine does: the
//! wasm in `pkg/` goes through wasm-bindgen, a hand-written JS boundary and
//! wasm-opt, and none of those may change an answer.
//!
//! This test runs the engine natively on about 4,400 inputs (every fixture at
//! several moments, with and without earlier reminders, in every locale, plus
//! broken contexts, a lint of every suggested line, rankings and transcripts)
//! and writes inputs and answers to `target/tmp/parity.json`.
//! `tests/js/parity.test.mjs` replays them against `pkg/` and compares.

use std::fs;
use std::path::Path;

use chrono::{DateTime, Duration};
use cuifu::{ChatContext, Error, LintOptions, TranscriptOptions};
use serde_json::{json, Value};

/// Where the JS test finds the cases (`CARGO_TARGET_DIR/tmp/parity.json`).
fn out_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("parity.json")
}

fn answer<T: serde::Serialize>(r: Result<T, Error>) -> Value {
    match r {
        Ok(v) => json!({ "ok": v }),
        Err(e) => {
            json!({ "error": { "code": e.code(), "path": e.path(), "message": e.message() } })
        }
    }
}

fn fixtures() -> Vec<Value> {
    let mut names: Vec<_> = fs::read_dir("tests/fixtures")
        .expect("tests/fixtures")
        .map(|e| e.expect("fixture entry").path())
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| serde_json::from_str(&fs::read_to_string(p).expect("fixture")).expect("JSON"))
        .collect()
}

fn shifted(t: &str, minutes: i64) -> String {
    let t = DateTime::parse_from_rfc3339(t).expect("fixture time") + Duration::minutes(minutes);
    t.to_rfc3339()
}

/// Each fixture at several moments, with earlier reminders, in every locale.
fn contexts() -> Vec<Value> {
    let mut out = Vec::new();
    for base in fixtures() {
        let now = base["now"].as_str().expect("fixtures set now").to_string();
        for dm in [-180, 0, 45, 300, 1200, 3000, 4200, 4800] {
            for reminders in 0..3 {
                for locale in [None, Some("zh-TW"), Some("en")] {
                    let mut c = base.clone();
                    c["now"] = json!(shifted(&now, dm));
                    match reminders {
                        1 => {
                            c["reminders"] =
                                json!([{"at": shifted(&now, dm - 90), "channel": "im"}])
                        }
                        2 => {
                            c["reminders"] = json!([
                                {"at": shifted(&now, dm - 26 * 60), "channel": "im"},
                                {"at": shifted(&now, dm - 180), "channel": "sms"}
                            ])
                        }
                        _ => {}
                    }
                    if let Some(l) = locale {
                        c["locale"] = json!(l);
                    }
                    out.push(c);
                }
            }
        }
    }
    out
}

/// Broken copies of a valid context that serde still reads, so that the
/// engine itself refuses them: each must fail the same way in JS. (Wrong
/// types and unknown names are refused by the JS reader with its own
/// wording, which tests/js/api.test.mjs checks.)
fn broken(base: &Value) -> Vec<Value> {
    let edits: [(&str, Value); 5] = [
        ("/order/placedAt", json!("yesterday")),
        ("/order/amount", json!(-5)),
        ("/now", json!("2026-11-24 15:00")),
        ("/shop", json!({"quietBefore": "25:00"})),
        ("/shop", json!({"restDays": [7]})),
    ];
    edits
        .into_iter()
        .map(|(ptr, v)| {
            let mut c = base.clone();
            let (parent, key) = ptr.rsplit_once('/').expect("pointer");
            let obj = if parent.is_empty() {
                &mut c
            } else {
                c.pointer_mut(parent).expect("parent exists")
            };
            obj[key] = v;
            c
        })
        .collect()
}

fn transcript(ctx: &Value) -> String {
    let mut text = String::new();
    for m in ctx["messages"].as_array().into_iter().flatten() {
        let who = if m["from"] == "agent" {
            "小美"
        } else {
            "tb_buyer"
        };
        let at = m["at"].as_str().unwrap_or("2026-11-24T10:00:00+08:00");
        text.push_str(&format!("{who} {} {}\n", &at[..10], &at[11..19]));
        text.push_str(m["text"].as_str().unwrap_or(""));
        text.push('\n');
    }
    text
}

#[test]
fn writes_the_cases_the_package_must_match() {
    let mut cases = Vec::new();
    let contexts = contexts();
    for c in &contexts {
        let ctx: ChatContext = serde_json::from_value(c.clone()).expect("valid context");
        let r = cuifu::suggest(&ctx);
        // Lint every suggested line as the panel does when it is edited.
        if let Ok(s) = &r {
            for line in &s.lines {
                let opts = json!({"channel": s.channel, "locale": c.get("locale"), "buyerName": c["buyer"]["name"]});
                let lo: LintOptions = serde_json::from_value(opts.clone()).expect("lint options");
                cases.push(json!({"fn": "lint", "args": [line.text, opts], "want": answer(cuifu::lint(&line.text, &lo))}));
            }
        }
        cases.push(json!({"fn": "suggest", "args": [c], "want": answer(r)}));
    }
    for c in contexts.iter().step_by(9) {
        for b in broken(c) {
            let ctx: ChatContext = serde_json::from_value(b.clone()).expect("serde reads it");
            cases.push(json!({"fn": "suggest", "args": [b], "want": answer(cuifu::suggest(&ctx))}));
        }
    }
    for batch in contexts.chunks(40) {
        let ctxs: Vec<ChatContext> = batch
            .iter()
            .map(|c| serde_json::from_value(c.clone()).expect("valid context"))
            .collect();
        cases.push(json!({"fn": "rankOrders", "args": [batch], "want": answer(cuifu::rank_orders(&ctxs, None))}));
    }
    for c in contexts.iter().step_by(24) {
        let text = transcript(c);
        let opts = json!({"agentNicks": ["小美"]});
        let o: TranscriptOptions = serde_json::from_value(opts.clone()).expect("options");
        cases.push(json!({"fn": "readTranscript", "args": [text, opts], "want": answer(cuifu::read_transcript(&text, &o))}));
    }
    let n = |f: &str| cases.iter().filter(|c| c["fn"] == f).count();
    assert!(
        n("suggest") > 1000 && n("lint") > 1000 && n("rankOrders") > 10 && n("readTranscript") > 10
    );
    // Some inputs must be refused, or the error side is not compared at all.
    assert!(
        cases
            .iter()
            .filter(|c| c["want"].get("error").is_some())
            .count()
            > 50
    );
    fs::write(out_path(), serde_json::to_string(&cases).expect("JSON")).expect("write parity.json");
}
