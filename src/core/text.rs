//! Small text helpers shared by the engine: what counts as a letter or a
//! digit in the chats read here, numbers written in ASCII digits only, and
//! the UTF-16 offsets JS strings use, and the matcher of the phrase tables.

use aho_corasick::{AhoCorasick, MatchKind};

/// A letter of a name or word: Latin, kana, Hangul or a CJK ideograph (the
/// scripts of the chats read here; Greek or Cyrillic letters, symbols such
/// as `×` and emoji are not part of a name).
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c as u32,
            0xC0..=0x24F          // Latin-1 supplement and extended letters
            | 0x3040..=0x30FF     // kana
            | 0x3400..=0x4DBF     // CJK extension A
            | 0x4E00..=0x9FFF     // CJK unified ideographs
            | 0xAC00..=0xD7AF     // Hangul syllables
            | 0xF900..=0xFAFF     // CJK compatibility ideographs
            | 0x20000..=0x2FFFF)  // CJK extensions B+
            && c != '×'
            && c != '÷'
}

/// A letter outside ASCII: in the chats read here, a Chinese character
/// (or kana, Hangul, an accented Latin letter).
pub fn is_han(c: char) -> bool {
    !c.is_ascii() && is_letter(c)
}

/// A digit, ASCII or full-width.
/// An emoji or a part of one (variation selector, joiner).
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F | 0x200D | 0x2B00..=0x2BFF)
}

pub fn is_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '０'..='９')
}

/// A letter or a digit (ASCII or full-width).
pub fn is_letter_or_digit(c: char) -> bool {
    is_letter(c) || is_digit(c)
}

/// A number written in ASCII digits only (no sign), if it fits.
pub fn digits(s: &str) -> Option<i64> {
    s.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| s.parse().ok())
        .flatten()
}

/// Byte offset just after the first `n` chars of `s` (its length when it
/// has fewer).
pub fn char_end(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// `s` cut to its first `n` chars.
pub fn head(s: &str, n: usize) -> &str {
    s.get(..char_end(s, n)).unwrap_or(s)
}

/// A matcher for a phrase table: hits are leftmost-longest (of phrases
/// starting at the same place the longest wins, and of identical ones the
/// first), non-overlapping, and ASCII case-insensitive (the tables are
/// written in lower case).
#[allow(
    clippy::expect_used,
    reason = "built once from the embedded tables, which every test run builds: \
              aho-corasick fails only past limits they are far below"
)]
pub fn phrases<P: AsRef<[u8]>>(patterns: &[P]) -> AhoCorasick {
    matcher(patterns, true)
}

/// [`phrases`] for text that is already in lower case (the normalised
/// chat messages): case-sensitive, which builds in about half the time.
pub fn lower_case_phrases<P: AsRef<[u8]>>(patterns: &[P]) -> AhoCorasick {
    matcher(patterns, false)
}

#[allow(
    clippy::expect_used,
    reason = "built once from the embedded tables, which every test run builds: \
              aho-corasick fails only past limits they are far below"
)]
fn matcher<P: AsRef<[u8]>>(patterns: &[P], ascii_case_insensitive: bool) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(ascii_case_insensitive)
        .build(patterns)
        .expect("the embedded phrase tables are far below aho-corasick's limits")
}

/// A matcher that reports every phrase found, overlaps included (standard
/// match semantics).
#[allow(
    clippy::expect_used,
    reason = "built once from the embedded tables, which every test run builds: \
              aho-corasick fails only past limits they are far below"
)]
fn overlapping(patterns: &[String], ascii_case_insensitive: bool) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(ascii_case_insensitive)
        .build(patterns)
        .expect("the embedded phrase tables are far below aho-corasick's limits")
}

/// Phrase groups in one automaton: which groups have a phrase anywhere
/// in a text, ASCII case-insensitive.
pub struct PhraseGroups {
    matcher: AhoCorasick,
    /// The group of each phrase, by pattern index.
    group_of: Vec<usize>,
    count: usize,
}

impl PhraseGroups {
    /// Groups of phrases; a group's index is its place in `groups`. One
    /// automaton for all of them, built once: a table of many small groups
    /// (the answer topics) costs one build, not one per group. ASCII
    /// case-insensitive.
    pub fn new<'a, G, P>(groups: G) -> PhraseGroups
    where
        G: IntoIterator<Item = P>,
        P: IntoIterator<Item = &'a str>,
    {
        PhraseGroups::build(groups, true)
    }

    /// [`PhraseGroups::new`] for text with no capital letters (folded
    /// text): the phrases are put in lower case and matched as they are,
    /// which finds the same and builds in about half the time (the answer
    /// topics: 1.4 against 0.55 ms natively).
    pub fn lower_case<'a, G, P>(groups: G) -> PhraseGroups
    where
        G: IntoIterator<Item = P>,
        P: IntoIterator<Item = &'a str>,
    {
        PhraseGroups::build(groups, false)
    }

    fn build<'a, G, P>(groups: G, ascii_case_insensitive: bool) -> PhraseGroups
    where
        G: IntoIterator<Item = P>,
        P: IntoIterator<Item = &'a str>,
    {
        let mut words: Vec<String> = Vec::new();
        let mut group_of: Vec<usize> = Vec::new();
        let mut count = 0;
        for (g, group) in groups.into_iter().enumerate() {
            for w in group.into_iter().filter(|w| !w.is_empty()) {
                words.push(w.to_ascii_lowercase());
                group_of.push(g);
            }
            count = g + 1;
        }
        PhraseGroups {
            matcher: overlapping(&words, ascii_case_insensitive),
            group_of,
            count,
        }
    }

    /// Marks in `seen` (indexed by group) the groups with a phrase in
    /// `text`; the others are left as they were.
    pub fn mark(&self, text: &str, seen: &mut [bool]) {
        // Most texts hold none of the phrases: a search that stops at the
        // first hit tells so in about 35 ns against 55 ns for the
        // overlapping one (what the buyer said, read on every message).
        if !self.matcher.is_match(text) {
            return;
        }
        for m in self.matcher.find_overlapping_iter(text) {
            if let Some(s) = self
                .group_of
                .get(m.pattern().as_usize())
                .and_then(|g| seen.get_mut(*g))
            {
                *s = true;
            }
        }
    }

    /// The groups with a phrase in `text`, in index order.
    pub fn found(&self, text: &str) -> Vec<usize> {
        let mut seen = vec![false; self.count];
        self.mark(text, &mut seen);
        seen.iter()
            .enumerate()
            .filter_map(|(i, s)| s.then_some(i))
            .collect()
    }

    /// The first group (by index) with a phrase in `text`.
    pub fn first(&self, text: &str) -> Option<usize> {
        self.matcher
            .find_overlapping_iter(text)
            .filter_map(|m| self.group_of.get(m.pattern().as_usize()).copied())
            .min()
    }

    /// Whether any phrase is in `text`.
    pub fn any(&self, text: &str) -> bool {
        self.matcher.is_match(text)
    }
}

/// Pushes the first `n` characters of `s`, and `…` if there were more.
pub fn push_clipped(out: &mut String, s: &str, n: usize) {
    let mut chars = s.chars();
    out.extend(chars.by_ref().take(n));
    if chars.next().is_some() {
        out.push('…');
    }
}

/// UTF-16 length of `s`: the offsets JS strings use.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        for c in ['a', 'Z', 'é', '王', '麗', 'の', '한'] {
            assert!(is_letter(c), "{c}");
        }
        for c in ['1', ' ', ',', '。', '~', '😊', '×', '#'] {
            assert!(!is_letter(c), "{c}");
        }
        assert!(is_letter_or_digit('7') && is_letter_or_digit('７'));
    }

    #[test]
    fn reads_ascii_digits_only() {
        for (s, want) in [
            ("0", Some(0)),
            ("12", Some(12)),
            ("９", None),
            ("", None),
            ("+1", None),
            ("-1", None),
            ("99999999999999999999", None),
            ("1a", None),
        ] {
            assert_eq!(digits(s), want, "{s}");
        }
    }

    #[test]
    fn char_ends_and_utf16() {
        assert_eq!(char_end("亲您好", 2), 6);
        assert_eq!(char_end("ab", 5), 2);
        assert_eq!(head("a😊b", 2), "a😊");
        assert_eq!(utf16_len("a😊b"), 4);
    }
}
