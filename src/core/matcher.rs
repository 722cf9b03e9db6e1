//! Phrase matching over the keyword tables, shared by the reason detector
//! and the lint.
//!
//! Uses aho-corasick's non-contiguous NFA directly rather than the
//! `AhoCorasick` wrapper: the wrapper dispatches to every automaton kind at
//! run time, which keeps all of them (DFA, packed searchers) in the wasm
//! binary; one concrete kind keeps only what is used.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::noncontiguous::NFA;
use aho_corasick::{Input, MatchKind};

/// One hit: which pattern, where (byte offsets into the searched text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index of the pattern in the list given to [`Matcher::new`].
    pub pattern: usize,
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
}

/// A set of phrases, matched leftmost-longest and ASCII-case-insensitively.
pub struct Matcher {
    nfa: Option<NFA>,
}

impl Matcher {
    /// Builds a matcher; an empty or unbuildable list matches nothing.
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Matcher {
        let nfa = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(patterns)
            .ok();
        Matcher { nfa }
    }

    /// Non-overlapping hits in `text`, left to right.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Hit> + 'a {
        self.nfa
            .as_ref()
            .and_then(|nfa| nfa.try_find_iter(Input::new(text)).ok())
            .into_iter()
            .flatten()
            .map(|m| Hit {
                pattern: m.pattern().as_usize(),
                start: m.start(),
                end: m.end(),
            })
    }
}

/// Reads a `code<TAB>phrase` table: `#` starts a comment line, blank lines are skipped.
pub fn read_table(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim(), b.trim()))
}

/// UTF-16 length of `s`: the offsets JS strings use.
pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftmost_longest_and_case_insensitive() {
        let m = Matcher::new(&["最", "最低价", "Best"]);
        let hits: Vec<Hit> = m.find_iter("全网最低价 the BEST").collect();
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].pattern, 1);
        assert_eq!(hits[1].pattern, 2);
    }

    #[test]
    fn empty_matches_nothing() {
        let m = Matcher::new::<&str>(&[]);
        assert_eq!(m.find_iter("anything").count(), 0);
    }
}
