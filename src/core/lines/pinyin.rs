//! Chinese typed in Latin letters: pinyin (zfb bang ka bang bu shang a) and
//! pinyin initials (yzm). The words are read against `pinyin.tsv`.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::core::data::PINYIN;

struct Table {
    syllables: HashSet<&'static str>,
    /// Words that never count as pinyin on their own: English words of
    /// consonants only (pls) or that are pinyin too (can, you).
    neutral: HashSet<&'static str>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table {
        syllables: HashSet::new(),
        neutral: HashSet::new(),
    };
    for line in PINYIN.lines() {
        match line.strip_prefix('!') {
            Some(words) => t.neutral.extend(words.split_whitespace()),
            None => t.syllables.extend(line.split_whitespace()),
        }
    }
    t
});

/// The longest pinyin syllable, in letters.
const LONGEST: usize = 6;

/// Whether `word` (lowercase ASCII letters) is one or more pinyin
/// syllables run together (bangbushang).
fn syllables(word: &str) -> bool {
    let t = &*TABLE;
    // reach[i]: the first i letters split into syllables.
    let mut reach = vec![true];
    for end in 1..=word.len() {
        let ok = (end.saturating_sub(LONGEST)..end).any(|start| {
            reach.get(start).copied().unwrap_or(false)
                && word
                    .get(start..end)
                    .is_some_and(|s| t.syllables.contains(s))
        });
        reach.push(ok);
    }
    reach.last().copied().unwrap_or(false)
}

/// Whether the Latin words of `text` are Chinese typed in Latin letters:
/// none of them is an English word, and at least one is pinyin (two words
/// or more, or initials such as zfb for 支付宝). Single letters (a size
/// M) and the table's neutral words count for neither.
pub fn is_pinyin(text: &str) -> bool {
    let t = &*TABLE;
    let (mut words, mut evidence, mut initials) = (0usize, 0usize, false);
    for word in text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_ascii_lowercase();
        words += 1;
        if word.len() == 1 || t.neutral.contains(word.as_str()) {
            continue;
        }
        if !word.contains(['a', 'e', 'i', 'o', 'u', 'v']) {
            initials = true;
        } else if !syllables(&word) {
            return false;
        }
        evidence += 1;
    }
    evidence > 0 && (words >= 2 || initials)
}

#[cfg(test)]
mod tests {
    use super::is_pinyin;

    #[test]
    fn pinyin_and_initials_are_chinese() {
        for text in [
            "zfb bang ka bang bu shang a",
            "yzm yi zhi bu dui",
            "zm ban",
            "nihao zai ma",
            "wo xiang yao hei se de",
        ] {
            assert!(is_pinyin(text), "{text}");
        }
    }

    #[test]
    fn english_is_not_pinyin() {
        for text in [
            "hello?",
            "hi",
            "ok",
            "pls",
            "thx",
            "Can you ship to Canada?",
            "is it in stock",
            "I want size M",
            "can you",
            "how long to Sydney",
            "",
            "好的",
        ] {
            assert!(!is_pinyin(text), "{text}");
        }
    }
}
