// What the reason evaluations (tests/eval_real.rs, tests/eval_blind.rs,
// tests/reasons_fresh.rs) share: the order context each chat is placed in,
// and the scoring protocol of the labelled data: the prediction is
// `reason.code` with `unknown` standing for `none`, a prediction is right
// when it is one of the item's codes; per code precision, recall and F1,
// macro-F1 over the codes present (`none` left out), accuracy, and the
// false-alarm rate (share of `none` items predicted as any other code).
#![allow(dead_code)]

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
#[derive(Default, Clone, Copy)]
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

/// The label a predicted code is scored as: `unknown` stands for `none`.
pub fn scored(code: &str) -> &str {
    match code {
        "unknown" => "none",
        c => c,
    }
}

/// The figures of one scored set.
#[derive(Clone, Copy, Debug)]
pub struct Figures {
    pub total: usize,
    pub right: usize,
    pub macro_f1: f64,
    pub none_total: usize,
    pub false_alarms: usize,
}

impl Figures {
    pub fn accuracy(&self) -> f64 {
        ratio(self.right, self.total)
    }
    pub fn false_alarm_rate(&self) -> f64 {
        ratio(self.false_alarms, self.none_total)
    }
    /// Fails below `min_f1` macro-F1 or above `max_fa` false alarms.
    pub fn assert_within(&self, min_f1: f64, max_fa: f64) {
        assert!(
            self.macro_f1 >= min_f1,
            "macro-F1 {:.3} below {min_f1}",
            self.macro_f1
        );
        assert!(
            self.false_alarm_rate() <= max_fa,
            "false alarms {:.3} above {max_fa}",
            self.false_alarm_rate()
        );
    }
}

/// Predictions tallied against labels.
#[derive(Default)]
pub struct Tally {
    /// Per code, in order of first appearance.
    counts: Vec<(String, Count)>,
    total: usize,
    right: usize,
    none_total: usize,
    false_alarms: usize,
}

impl Tally {
    fn slot(&mut self, name: &str) -> &mut Count {
        let i = match self.counts.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                self.counts.push((name.to_string(), Count::default()));
                self.counts.len() - 1
            }
        };
        &mut self.counts[i].1
    }

    /// Adds one item: its accepted codes (first = best; labels are read
    /// through [`scored`] too) and the predicted code. Returns whether the
    /// prediction is right.
    pub fn add(&mut self, codes: &[&str], predicted: &str) -> bool {
        let pred = scored(predicted);
        let gold: Vec<&str> = codes.iter().map(|c| scored(c)).collect();
        let first = gold.first().copied().unwrap_or("none");
        let ok = gold.contains(&pred);
        self.total += 1;
        if ok {
            self.right += 1;
            self.slot(pred).tp += 1;
        } else {
            self.slot(first).fn_ += 1;
            self.slot(pred).fp += 1;
        }
        if codes.contains(&"none") {
            self.none_total += 1;
            if pred != "none" {
                self.false_alarms += 1;
            }
        }
        ok
    }

    /// The aggregate figures.
    pub fn figures(&self) -> Figures {
        let (mut sum, mut present) = (0.0, 0usize);
        for (name, c) in &self.counts {
            if c.tp + c.fn_ > 0 && name != "none" {
                sum += f1(c).2;
                present += 1;
            }
        }
        Figures {
            total: self.total,
            right: self.right,
            macro_f1: if present == 0 {
                0.0
            } else {
                sum / present as f64
            },
            none_total: self.none_total,
            false_alarms: self.false_alarms,
        }
    }

    /// Prints the per-code table and the aggregate figures under `name`.
    pub fn print(&self, name: &str) -> Figures {
        let mut rows: Vec<&(String, Count)> = self.counts.iter().collect();
        rows.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let fig = self.figures();
        println!("{name}: {} items, {} right", fig.total, fig.right);
        println!(
            "  {:<22} {:>5} {:>6} {:>6} {:>6}",
            "code", "supp", "prec", "rec", "f1"
        );
        for (code, c) in rows {
            let (p, r, f) = f1(c);
            println!(
                "  {code:<22} {:>5} {p:>6.3} {r:>6.3} {f:>6.3}",
                c.tp + c.fn_
            );
        }
        println!(
            "  macro-F1 {:.3}, accuracy {:.3}, false alarms on none {}/{} = {:.3}",
            fig.macro_f1,
            fig.accuracy(),
            fig.false_alarms,
            fig.none_total,
            fig.false_alarm_rate()
        );
        fig
    }
}
