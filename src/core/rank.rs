//! Picking orders (挑选订单, 001): who to remind first.

use chrono::{DateTime, Utc};

use super::error::{Error, ErrorCode};
use super::input::{format_time, Input};
use super::limits::MAX_RANK_ORDERS;
use super::model::{Action, ChatContext, RankedOrder};

/// Ranks `contexts`, best first.
pub fn rank(
    contexts: &[ChatContext],
    clock: Option<DateTime<Utc>>,
) -> Result<Vec<RankedOrder>, Error> {
    if contexts.len() > MAX_RANK_ORDERS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "",
            format!("more than {MAX_RANK_ORDERS} orders: rank them in batches"),
        ));
    }
    let mut out = Vec::with_capacity(contexts.len());
    for (i, ctx) in contexts.iter().enumerate() {
        let prefix = |e: Error| {
            let path = if e.path().is_empty() {
                format!("[{i}]")
            } else {
                format!("[{i}].{}", e.path())
            };
            Error::new(e.kind(), path, e.message().to_string())
        };
        let input = Input::read(ctx, clock).map_err(prefix)?;
        let (s, analysis) = super::suggest_input(&input).map_err(prefix)?;
        let hours_left =
            ((super::timing::closes_at(&input) - input.now).num_minutes() as f64 / 60.0).max(0.1);
        let priority = if s.action == Action::Stop {
            0.0
        } else {
            input.amount.max(1.0) * analysis.reason.confidence.max(0.3) / hours_left.sqrt()
        };
        out.push(RankedOrder {
            index: i,
            priority,
            send_at: s.send_at,
            action: s.action,
            closes_at: format_time(super::timing::closes_at(&input)),
            reason: analysis.reason.code,
        });
    }
    out.sort_unstable_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then(a.index.cmp(&b.index))
    });
    Ok(out)
}
