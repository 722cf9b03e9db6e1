// Per-code scoring shared by the reason evaluations (tests/eval_real.rs,
// tests/reasons_fresh.rs): true/false positives and misses, then
// precision, recall and F1.

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
