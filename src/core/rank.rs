//! Picking orders (挑选订单, 001): who to remind first.

use std::rc::Rc;

use chrono::{DateTime, FixedOffset, Utc};

use super::clock;
use super::error::{at, join, Error, ErrorCode};
use super::input::{format_time, shop_settings, Input, Settings};
use super::limits::MAX_RANK_ORDERS;
use super::model::{Action, ChatContext, RankedOrder, Shop};

/// Value at risk × urgency (001: pick orders by amount and by order time).
///
/// Value at risk is the amount (at least 1 yuan, so free orders still rank
/// by time). Urgency is `24 / (24 + hours left)`: an order closing in 1 h
/// weighs about 3.8 times one closing in 3 days. An open question the buyer
/// is waiting on counts 1.5 times (002: answer fast). Orders that should not
/// be reminded (`stop`) get 0 and come last. Ties keep the input order.
pub fn priority(input: &Input, action: Action, close: DateTime<FixedOffset>) -> f64 {
    if action == Action::Stop {
        return 0.0;
    }
    let hours_left = (clock::since(&close, &input.now).num_minutes().max(0) as f64) / 60.0;
    let urgency = 24.0 / (24.0 + hours_left);
    let waiting = if action == Action::Hold { 1.5 } else { 1.0 };
    // Round to 1/100 so the value is stable across platforms' float noise.
    (input.amount.max(1.0) * urgency * waiting * 100.0).round() / 100.0
}

/// `e` with the index of its context in front of its path (`[3].order.placedAt`).
fn prefixed(i: usize, e: Error) -> Error {
    let mut path = at("", i);
    if !e.path().is_empty() {
        path = join(&path, e.path());
    }
    Error::new(e.kind(), path, e.message())
}

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
    // The settings of the last shop read: the orders of one shop share them.
    let mut shared: Option<(&Option<Shop>, Rc<Settings>)> = None;
    for (i, ctx) in contexts.iter().enumerate() {
        let prefix = |e: Error| prefixed(i, e);
        let settings = match &shared {
            Some((shop, s)) if **shop == ctx.shop => Rc::clone(s),
            _ => {
                let s = Rc::new(shop_settings(ctx).map_err(prefix)?);
                shared = Some((&ctx.shop, Rc::clone(&s)));
                s
            }
        };
        let input = Input::read_with(ctx, clock, settings).map_err(prefix)?;
        // The lines are not ranked: the reason, the timing and the channel are.
        let d = super::suggest::decide(&input);
        let (action, close) = (d.timing.action, d.timing.closes_at);
        out.push(RankedOrder {
            index: i,
            priority: priority(&input, action, close),
            send_at: d.timing.send_at.map(format_time),
            action,
            closes_at: format_time(close),
            reason: d.analysis.reason.code,
        });
    }
    let stop = |r: &RankedOrder| r.action == Action::Stop;
    // Stable, so ties keep the input order.
    out.sort_by(|a, b| {
        stop(a)
            .cmp(&stop(b))
            .then(b.priority.total_cmp(&a.priority))
    });
    Ok(out)
}
