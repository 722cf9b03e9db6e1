//! What the buyer said about their situation beyond the reason code (a card
//! limit, no card or wallet to pay with, still thinking it over, a bank
//! upgrade, a day they need it by), read from
//! `src/data/said.tsv` so that a line can answer it rather than ask again.

use std::sync::LazyLock;

use crate::core::input::Input;
use crate::core::model::Role;

/// The flags of `said.tsv`, in its row order.
pub const FLAGS: [&str; 5] = ["cardLimit", "noMethod", "thinking", "upgrade", "rushed"];

/// `(flag index, words)` of each row.
static TABLE: LazyLock<Vec<(usize, Vec<&'static str>)>> = LazyLock::new(|| {
    crate::core::data::SAID
        .lines()
        .filter_map(|l| {
            let (flag, words) = l.split_once('\t')?;
            let i = FLAGS.iter().position(|f| *f == flag)?;
            Some((i, words.split('|').filter(|w| !w.is_empty()).collect()))
        })
        .collect()
});

/// What the buyer said since the agent last wrote, flag by flag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Said {
    /// Their card's limit stops the payment.
    pub card_limit: bool,
    /// They have no card or wallet to pay with.
    pub no_method: bool,
    /// They are still thinking it over (我再想想).
    pub thinking: bool,
    /// Their bank or payment system is being upgraded or maintained.
    pub upgrade: bool,
    /// They need the item by a day (周六要用).
    pub rushed: bool,
}

/// Which flags the buyer's messages since the agent last wrote set.
pub fn said(input: &Input) -> Said {
    let [card_limit, no_method, thinking, upgrade, rushed] = flags(input);
    Said {
        card_limit,
        no_method,
        thinking,
        upgrade,
        rushed,
    }
}

fn flags(input: &Input) -> [bool; FLAGS.len()] {
    let mut out = [false; FLAGS.len()];
    for m in input.since_agent() {
        if m.from != Role::Buyer {
            continue;
        }
        let text = m.text.to_lowercase();
        for (i, words) in TABLE.iter() {
            if words.iter().any(|w| text.contains(w)) {
                if let Some(flag) = out.get_mut(*i) {
                    *flag = true;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_names_a_known_flag() {
        assert_eq!(TABLE.len(), FLAGS.len());
        assert!(TABLE.iter().all(|(_, w)| w.len() >= 5));
    }
}
