//! Scores the reason detector on the frozen blind sets
//! (`tests/eval/blind/{zh-CN,zh-TW,en}.jsonl`, see `tests/eval/README.md`):
//! messages written by writers who never saw the detector. Each set was
//! held out until its first scores; all ten are tuning data now (see the
//! README), and a fresh set is the held-out figure. Only aggregate figures
//! are printed, never a message.
//!
//! Each item is scored like the real labelled data: a context with the
//! item's `history` (earlier buyer and agent turns) and the buyer's message,
//! `suggest`, `unknown` standing for `none` (in the labels too: a buyer who
//! holds back without saying why shows no reason), any listed code right.
//! `cargo test --test eval_blind -- --nocapture` prints the tables.
//!
//! The asserted floors are the figures the detector reached when they were
//! set, less a margin of about two points, so that a regression fails (the
//! goals are macro-F1 ≥ 0.85 and false alarms on `none` ≤ 10%).

use std::path::PathBuf;

use cuifu::{suggest, ChatContext, Message, Role};
use serde_json::Value;

#[path = "common/score.rs"]
mod score;
use score::{order_with, Figures, Tally};

/// Floors for the first blind sets: their score on 2026-12-07 after the
/// work against false alarms (macro-F1 0.857, false alarms 2/101 = 0.020),
/// less a margin (before: 0.77 and 0.15).
const MIN_MACRO_F1: f64 = 0.83;
const MAX_FALSE_ALARMS: f64 = 0.05;

/// Floors for the second blind sets: their latest score (2026-12-06, the
/// second: macro-F1 0.872, false alarms 2/77 = 0.026), less a margin.
const MIN_MACRO_F1_2: f64 = 0.85;
const MAX_FALSE_ALARMS_2: f64 = 0.08;

/// Floors for the third blind sets: their first score (2026-12-06:
/// macro-F1 0.844, false alarms 5/75 = 0.067), less a margin.
const MIN_MACRO_F1_3: f64 = 0.82;
const MAX_FALSE_ALARMS_3: f64 = 0.09;

/// Floors for the sixth blind sets (real-chat style): their score after
/// the sixth training batch (2026-12-06: macro-F1 0.816, false alarms
/// 25/139 = 0.180; before it 0.806 and 0.209), less a margin. Both short
/// of the goals.
/// Raised on 2026-12-07 after the work against false alarms (0.852,
/// 15/139 = 0.108).
const MIN_MACRO_F1_6: f64 = 0.83;
const MAX_FALSE_ALARMS_6: f64 = 0.13;

/// Floors for the seventh blind sets (real-chat style): their first score
/// (2026-12-07: macro-F1 0.823, false alarms 17/141 = 0.121), less a
/// margin. Both short of the goals.
/// Raised on 2026-12-07 after the work against false alarms (0.857,
/// 6/141 = 0.043).
const MIN_MACRO_F1_7: f64 = 0.83;
const MAX_FALSE_ALARMS_7: f64 = 0.07;

/// Floors for the eighth blind sets (real-chat style): their first score
/// (2026-12-07, the detector that scored blind-7: macro-F1 0.826, false
/// alarms 41/189 = 0.217), less a margin. Both short of the goals.
/// Raised on 2026-12-07 after the work against false alarms (0.860,
/// 21/189 = 0.111).
const MIN_MACRO_F1_8: f64 = 0.84;
const MAX_FALSE_ALARMS_8: f64 = 0.14;

/// Floors for the ninth blind sets (real-chat style): first score
/// (2026-12-07, the detector with the model's no-reason veto: macro-F1
/// 0.907, false alarms 18/129 = 0.140). Tuning data since: its score after
/// the work against false alarms (0.918, 10/129 = 0.078), less a margin.
const MIN_MACRO_F1_9: f64 = 0.90;
const MAX_FALSE_ALARMS_9: f64 = 0.10;

/// Floors for the tenth blind sets (hard look-alikes of no reason): first
/// score (2026-12-07, the same detector: macro-F1 0.779, false alarms
/// 98/563 = 0.174). Tuning data since: its score after the work against
/// false alarms (0.794, 70/563 = 0.124), less a margin. Both short of the
/// goals.
const MIN_MACRO_F1_10: f64 = 0.78;
const MAX_FALSE_ALARMS_10: f64 = 0.14;

/// Floors for the eleventh blind sets: their second score (2026-12-07,
/// after the work against false alarms: macro-F1 0.886, false alarms
/// 21/163 = 0.129; the first, 0.884 and 0.147), less a margin. False alarms
/// short of the goal. Tuning data since blind-12's first score: its score
/// after the `@sent` work (2026-12-07: 0.903, 8/163 = 0.049), less a
/// margin.
const MIN_MACRO_F1_11: f64 = 0.88;
const MAX_FALSE_ALARMS_11: f64 = 0.07;

/// Floors for the twelfth blind sets: their first score (2026-12-07, the
/// detector that scored blind-11 twice: macro-F1 0.850, false alarms
/// 21/149 = 0.141), less a margin. False alarms short of the goal.
/// Scores 2 and 3 (2026-12-07, after the `@sent` work): 0.854, 18/149 =
/// 0.121. Tuning data since blind-13's first score: its score after the
/// work on settled concerns (0.875, 5/149 = 0.034), less a margin.
const MIN_MACRO_F1_12: f64 = 0.86;
const MAX_FALSE_ALARMS_12: f64 = 0.06;

/// Floors for the thirteenth blind sets: their first score (2026-12-07,
/// the detector that scored blind-12 five times: macro-F1 0.882, false
/// alarms 16/153 = 0.105), less a margin. False alarms just short of the
/// goal. Score 2 (after the work on settled concerns): 0.886, 13/153 =
/// 0.085.
const MIN_MACRO_F1_13: f64 = 0.87;
const MAX_FALSE_ALARMS_13: f64 = 0.11;

/// Floors for the fourth blind sets: their first score (2026-12-06:
/// macro-F1 0.868, false alarms 3/77 = 0.039), less a margin.
const MIN_MACRO_F1_4: f64 = 0.84;
const MAX_FALSE_ALARMS_4: f64 = 0.07;

/// Floors for the fifth blind sets: their first score (2026-12-06:
/// macro-F1 0.913, false alarms 6/70 = 0.086), less a margin.
const MIN_MACRO_F1_5: f64 = 0.89;
const MAX_FALSE_ALARMS_5: f64 = 0.11;

const SETS: [&str; 3] = ["zh-CN", "zh-TW", "en"];

fn at(i: usize) -> String {
    format!("2026-11-24T14:40:{:02}+08:00", i.min(59))
}

/// The item's chat: its history, then the message, one second apart before
/// 14:41.
fn context(item: &Value) -> ChatContext {
    let mut messages: Vec<Message> = Vec::new();
    if let Some(history) = item["history"].as_array() {
        for h in history {
            let from = match h["from"].as_str() {
                Some("agent") => Role::Agent,
                _ => Role::Buyer,
            };
            messages.push(Message {
                from,
                text: h["text"].as_str().unwrap_or("").to_string(),
                at: Some(at(messages.len())),
            });
        }
    }
    messages.push(Message {
        from: Role::Buyer,
        text: item["text"].as_str().unwrap_or("").to_string(),
        at: Some("2026-11-24T14:41:00+08:00".into()),
    });
    order_with(messages)
}

fn score(dir: &str, set: &str, all: &mut Tally) -> Figures {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/eval")
        .join(dir)
        .join(format!("{set}.jsonl"));
    let text = std::fs::read_to_string(&path).expect("the blind set is part of the repository");
    let mut tally = Tally::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let item: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{set}.jsonl line {}: {e}", n + 1));
        let codes: Vec<&str> = item["codes"]
            .as_array()
            .map(|c| c.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        assert!(!codes.is_empty(), "{set}.jsonl line {}: no codes", n + 1);
        let s = suggest(&context(&item)).expect("a valid context");
        tally.add(&codes, s.reason.code.as_str());
        all.add(&codes, s.reason.code.as_str());
    }
    tally.print(&format!("eval_{dir} {set}"))
}

/// Scores the three locales of the blind set in `dir` together, at least
/// 300 items, against its floors.
fn held_out(dir: &str, min_macro_f1: f64, max_false_alarms: f64) {
    let mut all = Tally::default();
    for set in SETS {
        score(dir, set, &mut all);
    }
    let fig = all.print(&format!("eval_{dir} all"));
    assert!(fig.total >= 300, "{dir} holds {} items", fig.total);
    fig.assert_within(min_macro_f1, max_false_alarms);
}

#[test]
fn blind_sets() {
    held_out("blind", MIN_MACRO_F1, MAX_FALSE_ALARMS);
}

/// The second blind set (`tests/eval/blind-2/`), the held-out figure from
/// 2026-12-06 on: written by a new writer, never read for tuning.
#[test]
fn blind_sets_2() {
    held_out("blind-2", MIN_MACRO_F1_2, MAX_FALSE_ALARMS_2);
}

/// The third blind set (`tests/eval/blind-3/`), the held-out figure from
/// 2026-12-06 on, after blind-2 had been scored three times: written by
/// another new writer, never read for tuning.
#[test]
fn blind_sets_3() {
    held_out("blind-3", MIN_MACRO_F1_3, MAX_FALSE_ALARMS_3);
}

/// The fourth blind set (`tests/eval/blind-4/`), the held-out figure for
/// the detector from 2026-12-06 on, after blind-3's one score: written by
/// another new writer, never read for tuning.
#[test]
fn blind_sets_4() {
    held_out("blind-4", MIN_MACRO_F1_4, MAX_FALSE_ALARMS_4);
}

/// The fifth blind set (`tests/eval/blind-5/`), the held-out figure for
/// the detector from 2026-12-06 on, after blind-4's one score: written by
/// another new writer, never read for tuning.
#[test]
fn blind_sets_5() {
    held_out("blind-5", MIN_MACRO_F1_5, MAX_FALSE_ALARMS_5);
}

/// The sixth blind set (`tests/eval/blind-6/`): turns in the style of real
/// shop chats (fragments after the agent's line, after-sales, a third
/// `none`), written by another new writer, never read for tuning.
#[test]
fn blind_sets_6() {
    held_out("blind-6", MIN_MACRO_F1_6, MAX_FALSE_ALARMS_6);
}

/// The seventh blind set (`tests/eval/blind-7/`): real-chat style like
/// blind-6, by another new writer, never read for tuning.
#[test]
fn blind_sets_7() {
    held_out("blind-7", MIN_MACRO_F1_7, MAX_FALSE_ALARMS_7);
}

/// The eighth blind set (`tests/eval/blind-8/`): real-chat style like
/// blind-6 and blind-7, by another new writer, never read for tuning.
#[test]
fn blind_sets_8() {
    held_out("blind-8", MIN_MACRO_F1_8, MAX_FALSE_ALARMS_8);
}

/// The ninth blind set (`tests/eval/blind-9/`): real-chat style like
/// blind-6 to blind-8, by another new writer; scored once held out, tuning
/// data from 2026-12-07 on.
#[test]
fn blind_sets_9() {
    held_out("blind-9", MIN_MACRO_F1_9, MAX_FALSE_ALARMS_9);
}

/// The tenth blind set (`tests/eval/blind-10/`): 1,142 turns written as an
/// eighth training batch (half hard look-alikes of no reason, forty or
/// more for each weak code), by a writer who never saw the detector, then
/// kept out of training and scored instead; scored once held out, tuning
/// data from 2026-12-07 on (never trained on).
#[test]
fn blind_sets_10() {
    held_out("blind-10", MIN_MACRO_F1_10, MAX_FALSE_ALARMS_10);
}

/// The eleventh blind set (`tests/eval/blind-11/`): real-chat style with a
/// third hard look-alikes of no reason, by another new writer, never read
/// for tuning.
#[test]
fn blind_sets_11() {
    held_out("blind-11", MIN_MACRO_F1_11, MAX_FALSE_ALARMS_11);
}

/// The twelfth blind set (`tests/eval/blind-12/`): real-chat style with a
/// third hard look-alikes of no reason, by another new writer, never read
/// for tuning.
#[test]
fn blind_sets_12() {
    held_out("blind-12", MIN_MACRO_F1_12, MAX_FALSE_ALARMS_12);
}

/// The thirteenth blind set (`tests/eval/blind-13/`): real-chat style with a
/// third hard look-alikes of no reason, by another new writer, never read
/// for tuning.
#[test]
fn blind_sets_13() {
    held_out("blind-13", MIN_MACRO_F1_13, MAX_FALSE_ALARMS_13);
}
