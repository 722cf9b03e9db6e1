//! The allowed hours: quiet hours, the lunch break and rest days (000/003),
//! the next and the latest allowed moment, and how a moment is explained.

use super::*;

/// Why a moment is not allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// Before `quietBefore` (000/003: never before 10:00).
    Early,
    /// At or after `quietAfter`.
    Late,
    /// In the lunch break (000/003).
    Lunch,
    /// A rest day: weekend, statutory holiday or shop holiday (000/003).
    Rest,
}

/// What keeps `t` from being allowed; `level` relaxes rest days (1), then
/// the lunch break (2), then quiet hours (3).
pub(super) fn block_at(t: Time, s: &Settings, level: u8) -> Option<Block> {
    let time = clock::sod(&t);
    let secs = clock::secs;
    if level < 3 && time < secs(s.quiet_before) {
        Some(Block::Early)
    } else if level < 3 && time >= secs(s.quiet_after) {
        Some(Block::Late)
    } else if level < 2 && secs(s.lunch.0) <= time && time < secs(s.lunch.1) {
        Some(Block::Lunch)
    } else if level < 1 && calendar::is_rest_day(clock::date(&t), s) {
        Some(Block::Rest)
    } else {
        None
    }
}

/// What keeps `t` from being allowed, if anything.
pub fn block(t: DateTime<FixedOffset>, s: &Settings) -> Option<Block> {
    block_at(t, s, 0)
}

/// Whether reminding at `t` respects quiet hours, the lunch break and rest days (000/003).
pub fn is_allowed(t: DateTime<FixedOffset>, s: &Settings) -> bool {
    block(t, s).is_none()
}

/// The blocks met on the way to an allowed moment, for the explanation.
#[derive(Default)]
pub(super) struct Trail {
    /// In the order met; each at most once.
    blocks: [Option<Block>; 4],
    holiday: Option<clock::Day>,
    /// Moved earlier (a last chance before a blocked close), not later.
    pub(super) earlier: bool,
}

pub(super) fn next_ok(
    from: Time,
    limit: Time,
    s: &Settings,
    level: u8,
    trail: &mut Trail,
) -> Option<Time> {
    let mut t = from;
    for _ in 0..2_000 {
        if t >= limit {
            return None;
        }
        let Some(b) = block_at(t, s, level) else {
            return Some(t);
        };
        if let Some(slot) = trail
            .blocks
            .iter_mut()
            .find(|x| x.is_none() || **x == Some(b))
        {
            *slot = Some(b);
        }
        t = match b {
            Block::Early => at(t, s.quiet_before),
            Block::Lunch => at(t, s.lunch.1),
            Block::Late | Block::Rest => {
                let day = clock::date(&t);
                if b == Block::Rest
                    && trail.holiday.is_none()
                    && calendar::holiday_name(day, Locale::ZhCn).is_some()
                {
                    trail.holiday = Some(day);
                }
                at(clock::add_days(t, 1), s.quiet_before)
            }
        };
    }
    None
}

/// The first allowed moment at or after `from`, if one exists before `limit`.
pub fn next_allowed(
    from: DateTime<FixedOffset>,
    limit: DateTime<FixedOffset>,
    s: &Settings,
) -> Option<DateTime<FixedOffset>> {
    next_ok(from, limit, s, 0, &mut Trail::default())
}

/// The latest allowed moment at or before `target` and not before `floor`;
/// stepping back out of a blocked period lands 30 minutes before it ends.
pub(super) fn prev_allowed(target: Time, floor: Time, s: &Settings) -> Option<Time> {
    prev_ok(target, floor, s, 0)
}

/// [`prev_allowed`] with the blocks `level` relaxes (see [`block_at`]).
pub(super) fn prev_ok(target: Time, floor: Time, s: &Settings, level: u8) -> Option<Time> {
    let back = -1800;
    let mut t = target;
    for _ in 0..2_000 {
        if t < floor {
            return None;
        }
        let Some(b) = block_at(t, s, level) else {
            return Some(t);
        };
        t = match b {
            Block::Late => clock::shift(at(t, s.quiet_after), back),
            Block::Lunch => clock::shift(at(t, s.lunch.0), back),
            Block::Early | Block::Rest => {
                clock::shift(at(clock::add_days(t, -1), s.quiet_after), back)
            }
        };
    }
    None
}

impl Plan<'_> {
    /// "午休不打扰，顺延到 13:30", "17:05 发送" or "现在发送".
    pub(super) fn moment(&self, t: Time, trail: &Trail) -> String {
        let w = self.when(t);
        if trail.blocks[0].is_none() {
            return if t <= self.now {
                trf(self.loc, "现在发送|~|send now", &[])
            } else {
                trf(self.loc, "{} 发送|~|send at {}", &[&w])
            };
        }
        let (qb, qa) = (hhmm(self.s.quiet_before), hhmm(self.s.quiet_after));
        let holiday = trail
            .holiday
            .and_then(|d| calendar::holiday_name(d, self.loc));
        let mut joined = String::new();
        for b in trail.blocks.iter().flatten() {
            let part = match b {
                Block::Early => trf(self.loc, "{} 前不打扰|~|nothing before {}", &[&qb]),
                Block::Late => trf(self.loc, "{} 后不打扰|~|nothing after {}", &[&qa]),
                Block::Lunch => trf(self.loc, "午休不打扰|~|not in the lunch break", &[]),
                Block::Rest => match holiday {
                    Some(h) => trf(self.loc, "{}放假||{} holiday", &[h]),
                    None => trf(self.loc, "休息日不打扰|~|not on rest days", &[]),
                },
            };
            push_item(&mut joined, t3(self.loc, "，||, "), &part);
        }
        if trail.earlier {
            return trf(
                self.loc,
                "{}，提前到 {}||{}: brought forward to {}",
                &[&joined, &w],
            );
        }
        trf(self.loc, "{}，顺延到 {}|~|{}: moved to {}", &[&joined, &w])
    }

    /// The allowed moment from `from`, else the least-bad one with a warning.
    pub(super) fn find(&mut self, from: Time, trail: &mut Trail) -> Time {
        if let Some(t) = next_ok(from, self.close, self.s, 0, trail) {
            return t;
        }
        let mut pick = self.now;
        'search: for k in 0..2 {
            let start = if k == 0 { from } else { self.now };
            for level in 1..=3 {
                if let Some(t) = next_ok(start, self.close, self.s, level, &mut Trail::default()) {
                    pick = t;
                    break 'search;
                }
            }
        }
        self.least_bad(pick, from);
        trail.blocks = [None; 4];
        pick
    }

    pub(super) fn least_bad(&mut self, t: Time, wanted: Time) {
        let (qb, qa) = (hhmm(self.s.quiet_before), hhmm(self.s.quiet_after));
        let what = match block(t, self.s) {
            Some(Block::Rest) => trf(self.loc, "是休息日||is a rest day", &[]),
            Some(Block::Early) => trf(self.loc, "早于 {}|~|is before {}", &[&qb]),
            Some(Block::Late) => trf(self.loc, "晚于 {}|~|is after {}", &[&qa]),
            Some(Block::Lunch) => trf(self.loc, "在午休时间|~|is in the lunch break", &[]),
            None if t < wanted => {
                let gap = span(self.s.min_gap, self.loc);
                trf(
                    self.loc,
                    "离上次提醒不到 {}|~|is less than {} after the last reminder",
                    &[&gap],
                )
            }
            None => String::new(),
        };
        let (w, c) = (self.when(t), self.when(self.close));
        self.warnings.push(warning(
            "no_allowed_time",
            trf(
                self.loc,
                "关单（{}）前没有合适的催付时间：{} {}，这是打扰最少的选择。|~|No allowed moment before the close ({}): {} {}, the least-bad choice.",
                &[&c, &w, &what],
            ),
        ));
    }
}
