// What the reason evaluations (tests/eval_real.rs, tests/reasons_fresh.rs)
// share: the order context each chat is placed in, and per-code scoring
// (true/false positives and misses, then precision, recall and F1).

use cuifu::{ChatContext, Message, Order};

/// The context every evaluated chat is placed in: an order of 99 placed at
/// 14:30, read at 15:00.
pub fn order_with(messages: Vec<Message>) -> ChatContext {
    ChatContext {
        now: Some("2026-11-24T15:00:00+08:00".into()),
        order: Order {
            placed_at: "2026-11-24T14:30:00+08:00".into(),
            amount: 99.0,
            ..Order::default()
        },
        messages,
        ..ChatContext::default()
    }
}

/// Hits and misses of one code.
#[derive(Default)]
pub struct Count {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Precision, recall and F1 of `c`.
pub fn f1(c: &Count) -> (f64, f64, f64) {
    let p = ratio(c.tp, c.tp + c.fp);
    let r = ratio(c.tp, c.tp + c.fn_);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}
