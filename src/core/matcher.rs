//! Phrase matching over the keyword tables, shared by the reason detector
//! and the lint.
//!
//! Why a hand-written matcher and not the aho-corasick crate: aho-corasick
//! measured about 20 KB of the gzipped wasm (122.6 KB with it, 102.5 KB
//! without) against a budget of 80 KB, and the texts searched here are chat
//! messages and reminder lines, short enough that walking a trie from each
//! character costs no more than an automaton. The semantics stay
//! aho-corasick's (`MatchKind::LeftmostLongest`, ASCII case-insensitive,
//! non-overlapping): `tests/matcher.rs` compares every hit list with
//! aho-corasick itself, a dev-dependency, over the data tables and random
//! pattern sets.
//!
//! The trie's edges live in one open-addressing hash table keyed by
//! (node, byte), so a step costs one multiply and usually one probe.
//! Patterns are lowercased (ASCII only) when the trie is built, text bytes
//! when they are looked up. Work is bounded by the text length times the
//! longest pattern.

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
    /// Edge slots: `(parent + 1) << 8 | byte`, or 0 when free. A power of
    /// two long, with more slots than edges, so a probe always ends.
    keys: Vec<u64>,
    /// The child node of the edge in the same slot (`u64` like `keys`:
    /// one vector type, one copy of its code).
    next: Vec<u64>,
    /// Per node (0 is the root): 1 + the lowest index of the patterns
    /// ending there, or 0.
    ends: Vec<usize>,
}

/// Fibonacci hashing: the multiply spreads the low bits of a key upwards.
const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

fn edge(node: usize, byte: u8) -> u64 {
    ((node as u64 + 1) << 8) | u64::from(byte.to_ascii_lowercase())
}

impl Matcher {
    /// Builds a matcher. Identical patterns (up to ASCII case) report the
    /// lowest index; empty patterns never match (aho-corasick would report
    /// empty hits). Every hit starts and ends on a character boundary, even
    /// for patterns that are not UTF-8.
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Matcher {
        build(patterns.len(), &|i| {
            patterns.get(i).map_or(&[][..], AsRef::as_ref)
        })
    }

    /// Non-overlapping hits in `text`, left to right.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Hit> + 'a {
        Hits {
            matcher: self,
            text: text.as_bytes(),
            at: 0,
        }
    }

    /// The slot that holds `key`, or the free slot where it would go.
    fn slot(&self, key: u64) -> Option<usize> {
        let mask = self.keys.len().wrapping_sub(1);
        let mut i = (key.wrapping_mul(MIX) >> 32) as usize & mask;
        for _ in 0..self.keys.len() {
            match self.keys.get(i) {
                Some(&k) if k == key || k == 0 => return Some(i),
                _ => i = (i + 1) & mask,
            }
        }
        None
    }

    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        let key = edge(node, byte);
        let i = self.slot(key)?;
        if self.keys.get(i) == Some(&key) {
            self.next.get(i).map(|&n| n as usize)
        } else {
            None
        }
    }
}

/// Builds the matcher of `count` patterns, pattern `i` being `pattern(i)`
/// (no list to collect, and one copy whatever the pattern type).
fn build<'a>(count: usize, pattern: &dyn Fn(usize) -> &'a [u8]) -> Matcher {
    // Edges ≤ pattern bytes; half as many slots again keeps probes short.
    let bytes = (0..count).fold(0usize, |n, i| n.saturating_add(pattern(i).len()));
    let slots = bytes
        .saturating_add(bytes / 2)
        .saturating_add(1)
        .checked_next_power_of_two()
        .unwrap_or(1);
    let mut m = Matcher {
        keys: vec![0; slots],
        next: vec![0; slots],
        ends: vec![0],
    };
    for index in 0..count {
        let pattern = pattern(index);
        if pattern.is_empty() {
            continue;
        }
        let mut node = 0;
        for &byte in pattern {
            let key = edge(node, byte);
            let Some(i) = m.slot(key) else { return m };
            if let (Some(k), Some(n)) = (m.keys.get_mut(i), m.next.get_mut(i)) {
                if *k == 0 {
                    *k = key;
                    *n = m.ends.len() as u64;
                    m.ends.push(0);
                }
                node = *n as usize;
            }
        }
        if let Some(end @ 0) = m.ends.get_mut(node) {
            *end = index + 1;
        }
    }
    m
}

struct Hits<'a> {
    matcher: &'a Matcher,
    text: &'a [u8],
    /// Where the next search starts.
    at: usize,
}

impl Iterator for Hits<'_> {
    type Item = Hit;

    fn next(&mut self) -> Option<Hit> {
        while let Some(&first) = self.text.get(self.at) {
            let start = self.at;
            self.at += 1;
            // Continuation bytes sit inside a character.
            if first & 0xC0 == 0x80 {
                continue;
            }
            let (mut node, mut end, mut best) = (0, start, None);
            while let Some(&byte) = self.text.get(end) {
                let Some(n) = self.matcher.child(node, byte) else {
                    break;
                };
                node = n;
                end += 1;
                // Only on a character boundary (for patterns not UTF-8).
                let boundary = self.text.get(end).is_none_or(|&b| b & 0xC0 != 0x80);
                match self.matcher.ends.get(node) {
                    Some(&p) if p > 0 && boundary => best = Some((p - 1, end)),
                    _ => {}
                }
            }
            if let Some((pattern, end)) = best {
                self.at = end;
                return Some(Hit {
                    pattern,
                    start,
                    end,
                });
            }
        }
        None
    }
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
        assert_eq!(m.find_iter("").count(), 0);
        let m = Matcher::new(&["", ""]);
        assert_eq!(m.find_iter("anything 什么").count(), 0);
    }

    fn hits(patterns: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        Matcher::new(patterns)
            .find_iter(text)
            .map(|h| (h.pattern, h.start, h.end))
            .collect()
    }

    #[test]
    fn earliest_start_wins_then_longest() {
        // "bcd" is longer but starts later than "ab".
        assert_eq!(hits(&["bcd", "ab"], "abcd"), [(1, 0, 2)]);
        assert_eq!(hits(&["a", "abc", "ab"], "abcab"), [(1, 0, 3), (2, 3, 5)]);
        // A longer pattern that fails part way leaves the shorter hit.
        assert_eq!(hits(&["abcd", "ab"], "abcx"), [(1, 0, 2)]);
    }

    #[test]
    fn non_overlapping_left_to_right() {
        assert_eq!(hits(&["aa"], "aaaaa"), [(0, 0, 2), (0, 2, 4)]);
        assert_eq!(hits(&["不", "不要"], "不要不"), [(1, 0, 6), (0, 6, 9)]);
    }

    #[test]
    fn duplicates_report_the_lowest_index() {
        assert_eq!(hits(&["x", "ok", "OK", "ok"], "Ok"), [(1, 0, 2)]);
        assert_eq!(hits(&["OK", "ok"], "oK"), [(0, 0, 2)]);
    }

    #[test]
    fn case_folds_ascii_only() {
        assert_eq!(hits(&["ÄB"], "äb"), []);
        assert_eq!(hits(&["Äb"], "ÄB"), [(0, 0, 3)]);
    }

    #[test]
    fn hits_stay_on_character_boundaries() {
        // Not UTF-8: a byte from inside a character never matches.
        let m = Matcher::new(&[&b"\x80"[..], &[0xe4][..]]);
        assert_eq!(m.find_iter("不").count(), 0);
        for h in Matcher::new(&["要", "不要"]).find_iter("不要要") {
            assert!("不要要".is_char_boundary(h.start) && "不要要".is_char_boundary(h.end));
        }
    }
}
