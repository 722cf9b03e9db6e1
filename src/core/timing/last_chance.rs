//! The last-chance reminder a few hours before the close.

use super::*;

impl Plan<'_> {
    /// The last-chance moment: `lead` before the close inside allowed hours,
    /// or later while at least half the lead is left (a few hours before the
    /// close, not minutes: an order closing at 10:41 is not reminded at 10:00
    /// when the evening before is allowed); else the latest allowed moment
    /// before that; else an allowed moment up to 30 minutes before the
    /// close; else the first one after `from`.
    pub(super) fn last_chance(&mut self, from: Time, trail: &mut Trail) -> Time {
        let lead = self.s.last_chance_before;
        let target = add(self.close, -lead).max(from);
        let half = add(self.close, -(lead / 2));
        let cut = clock::shift(self.close, -1800);
        next_ok(target, half, self.s, 0, trail)
            .or_else(|| {
                let t = prev_allowed(target, from, self.s).filter(|t| *t < self.close);
                trail.earlier = t.is_some_and(|t| t < target);
                t
            })
            .or_else(|| next_ok(target, cut, self.s, 0, trail))
            .unwrap_or_else(|| self.find(from, trail))
    }

    /// The last-chance reminder from `from`, with its lead and moment explained.
    pub(super) fn last_chance_done(&mut self, from: Time) -> Timing {
        let mut trail = Trail::default();
        let t = self.last_chance(from, &mut trail);
        self.last_chance_why(t);
        let m = self.moment(t, &trail);
        self.moment_alone(&m);
        self.send(Occasion::LastChance, t)
    }

    /// One reminder before the close, explained by a sentence whose `{}` is its time.
    pub(super) fn once_before_close(&mut self, from: Time, row: &'static str) -> Timing {
        let mut trail = Trail::default();
        let t = self.last_chance(from, &mut trail);
        let w = self.when(t);
        self.say(row, &[&w]);
        self.send(Occasion::LastChance, t)
    }

    /// Names the real lead: a flash sale's 12 minutes, not the usual 3 hours.
    pub(super) fn last_chance_why(&mut self, t: Time) {
        let s = last_chance_sentence(self.close, t, self.now, self.loc);
        self.why.push(s);
    }
}

/// The last-chance sentence for a reminder at `t`, read at `now`: the close
/// and the real lead (a flash sale's 12 minutes, not the usual 3 hours).
pub fn last_chance_sentence(close: Time, t: Time, now: Time, loc: Locale) -> String {
    let c = when(close, now, loc);
    let lead = span(clock::since(&close, &t), loc);
    trf(
        loc,
        "关单前最后一次提醒：订单 {} 关闭，提前约 {}提醒。|~|Last reminder before the order closes at {}, about {} ahead.",
        &[&c, &lead],
    )
}
