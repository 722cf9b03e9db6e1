//! Scores the reason detector on real, hand-labelled buyer messages kept
//! beside the repository (`../shared/data/`, evaluation only: never copied
//! here). Skips when the data is absent.
//!
//! Each item is scored as the data's README says: a context with the
//! agent's previous message (if any) and the buyer's message, `suggest`,
//! `unknown` standing for `none`, any listed code counting as right.
//! Run `cargo test --test eval_real -- --nocapture` for the report.

use std::collections::HashMap;
use std::path::PathBuf;

use cuifu::{suggest, ChatContext, Message, Role};
use serde_json::Value;

const MIN_MACRO_F1: f64 = 0.84;
const MAX_FALSE_ALARMS: f64 = 0.10;

/// `shared/` sits beside the repository (or beside the folder of work trees).
fn data_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let near = root.join("../shared/data");
    let far = root.join("../../shared/data");
    if !near.exists() && far.exists() {
        far
    } else {
        near
    }
}

fn read_jsonl(path: &PathBuf) -> Option<Vec<Value>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect(),
    )
}

fn context(prev: Option<&str>, text: &str) -> ChatContext {
    let mut messages = Vec::new();
    if let Some(p) = prev {
        messages.push(Message {
            from: Role::Agent,
            text: p.to_string(),
            at: Some("2026-11-24T14:40:00+08:00".into()),
        });
    }
    messages.push(Message {
        from: Role::Buyer,
        text: text.to_string(),
        at: Some("2026-11-24T14:41:00+08:00".into()),
    });
    order_with(messages)
}

#[path = "common/score.rs"]
mod score;
use score::{order_with, Figures, Tally};

/// Scores the items of `labels` (`{id, codes}` lines) found in `utts`.
fn score(name: &str, utts: &HashMap<&str, &Value>, labels: &[Value]) -> Figures {
    let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
    let mut tally = Tally::default();
    // Mean confidence of right and wrong reasons (unknown left out).
    let (mut conf_right, mut n_right, mut conf_wrong, mut n_wrong) = (0.0, 0, 0.0, 0);
    for l in labels {
        let (Some(id), Some(codes)) = (l["id"].as_str(), l["codes"].as_array()) else {
            continue;
        };
        let Some(u) = utts.get(id) else { continue };
        let codes: Vec<&str> = codes.iter().filter_map(Value::as_str).collect();
        if codes.is_empty() {
            continue;
        }
        let ctx = context(
            u["prev_seller_text"].as_str(),
            u["text"].as_str().unwrap_or(""),
        );
        let s = suggest(&ctx).expect("a valid context");
        let ok = tally.add(&codes, s.reason.code.as_str());
        if s.reason.code.as_str() != "unknown" {
            if ok {
                conf_right += s.reason.confidence;
                n_right += 1;
            } else {
                conf_wrong += s.reason.confidence;
                n_wrong += 1;
            }
        }
        if verbose && !ok {
            println!(
                "  miss {id}: {} → {} ({:.2})",
                codes.join("|"),
                s.reason.code.as_str(),
                s.reason.confidence,
            );
        }
    }
    let fig = tally.print(name);
    println!(
        "  mean confidence: right {:.2} ({n_right}), wrong {:.2} ({n_wrong})",
        conf_right / f64::from(n_right.max(1)),
        conf_wrong / f64::from(n_wrong.max(1))
    );
    fig
}

#[test]
fn real_buyer_messages() {
    let dir = data_dir();
    let (Some(utts), Some(labels)) = (
        read_jsonl(&dir.join("utterances.jsonl")),
        read_jsonl(&dir.join("dev-labels.jsonl")),
    ) else {
        println!("eval_real: skipped, no data at {}", dir.display());
        return;
    };
    let by_id: HashMap<&str, &Value> = utts
        .iter()
        .filter_map(|u| Some((u["id"].as_str()?, u)))
        .collect();
    // Other labelled items (`*-labels.jsonl` beside the dev labels, or the
    // file `EVAL_EXTRA_LABELS` names) are scored for the record; only the
    // dev labels are asserted.
    let mut others: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.ends_with("-labels.jsonl") && n != "dev-labels.jsonl")
                })
                .collect()
        })
        .unwrap_or_default();
    others.sort();
    others.extend(std::env::var_os("EVAL_EXTRA_LABELS").map(PathBuf::from));
    for path in others {
        if let Some(items) = read_jsonl(&path) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            score(&format!("eval_real {name}"), &by_id, &items);
        }
    }
    let fig = score("eval_real dev-labels", &by_id, &labels);
    fig.assert_within(MIN_MACRO_F1, MAX_FALSE_ALARMS);
}
