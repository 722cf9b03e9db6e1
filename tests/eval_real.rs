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

const MIN_MACRO_F1: f64 = 0.85;
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
use score::{f1, order_with, Count};

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
    let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
    let mut counts: HashMap<String, Count> = HashMap::new();
    let (mut none_total, mut false_alarms, mut right, mut total) = (0, 0, 0, 0);
    // Mean confidence of right and wrong reasons (unknown left out).
    let (mut conf_right, mut n_right, mut conf_wrong, mut n_wrong) = (0.0, 0, 0.0, 0);
    for l in &labels {
        let (Some(id), Some(codes)) = (l["id"].as_str(), l["codes"].as_array()) else {
            continue;
        };
        let Some(u) = by_id.get(id) else { continue };
        let codes: Vec<&str> = codes.iter().filter_map(Value::as_str).collect();
        let Some(first) = codes.first().copied() else {
            continue;
        };
        let ctx = context(
            u["prev_seller_text"].as_str(),
            u["text"].as_str().unwrap_or(""),
        );
        let s = suggest(&ctx).expect("a valid context");
        let pred = match s.reason.code.as_str() {
            "unknown" => "none",
            c => c,
        };
        total += 1;
        let ok = codes.contains(&pred);
        if pred != "none" {
            if ok {
                conf_right += s.reason.confidence;
                n_right += 1;
            } else {
                conf_wrong += s.reason.confidence;
                n_wrong += 1;
            }
        }
        // The gold code of an item: the prediction when it is listed, else the first.
        let gold = if ok { pred } else { first };
        if ok {
            right += 1;
            counts.entry(gold.into()).or_default().tp += 1;
        } else {
            counts.entry(gold.into()).or_default().fn_ += 1;
            counts.entry(pred.into()).or_default().fp += 1;
        }
        if codes.contains(&"none") {
            none_total += 1;
            if pred != "none" {
                false_alarms += 1;
            }
        }
        if verbose && !ok {
            println!(
                "  miss {id}: {} → {pred} ({:.2}) {:?}",
                codes.join("|"),
                s.reason.confidence,
                s.reason
                    .evidence
                    .iter()
                    .map(|e| &e.text)
                    .collect::<Vec<_>>()
            );
        }
    }
    let mut names: Vec<&String> = counts.keys().collect();
    names.sort_unstable();
    println!("eval_real: {total} labelled messages, {right} right");
    println!(
        "  {:<22} {:>5} {:>6} {:>6} {:>6}",
        "code", "supp", "prec", "rec", "f1"
    );
    let (mut sum_f1, mut present) = (0.0, 0);
    for name in names {
        let c = &counts[name];
        let support = c.tp + c.fn_;
        let (p, r, f) = f1(c);
        println!("  {name:<22} {support:>5} {p:>6.3} {r:>6.3} {f:>6.3}");
        if support > 0 && name != "none" {
            sum_f1 += f;
            present += 1;
        }
    }
    let macro_f1 = if present == 0 {
        0.0
    } else {
        sum_f1 / present as f64
    };
    let fa = if none_total == 0 {
        0.0
    } else {
        false_alarms as f64 / none_total as f64
    };
    println!("  macro-F1 over {present} codes present: {macro_f1:.3}");
    println!("  false alarms on none: {false_alarms}/{none_total} = {fa:.3}");
    if let Some(none) = counts.get("none") {
        let with_none = (sum_f1 + f1(none).2) / (present + 1) as f64;
        println!("  macro-F1 with none as a class: {with_none:.3}");
    }
    println!(
        "  mean confidence: right {:.2} ({n_right}), wrong {:.2} ({n_wrong})",
        conf_right / n_right.max(1) as f64,
        conf_wrong / n_wrong.max(1) as f64
    );
    assert!(
        macro_f1 >= MIN_MACRO_F1,
        "macro-F1 {macro_f1:.3} below {MIN_MACRO_F1}"
    );
    assert!(
        fa <= MAX_FALSE_ALARMS,
        "false alarms {fa:.3} above {MAX_FALSE_ALARMS}"
    );
}
