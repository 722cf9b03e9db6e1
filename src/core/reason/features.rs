//! Features of the statistical reason model ([`super::model`]): one code
//! path for the trainer (`tools/train-reasons`) and for inference, so the
//! shipped weights always meet the features they were trained on.
//!
//! A message is normalised ([`normalise`]): full-width forms → ASCII,
//! traditional → simplified (the engine's [`super::fold`], `src/data/fold.tsv`), ASCII lower case, every
//! run of digits as one `0`, every run of white space or control characters
//! as one space, framed by a start and an end mark. Its grams
//! ([`for_each_gram`]) are the character 1–3-grams of that text (the marks
//! count in 2- and 3-grams, so `在吗` at the end differs from `在吗` inside)
//! and the ASCII words (English). A message's vector ([`Vocab::vector`]) is
//! the set of its grams found in the vocabulary, each worth `1/√n` for `n`
//! grams found (unit length), so long and short messages weigh alike.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasher;

use foldhash::fast::FixedState;

pub use super::gram_escape::{escape, unescape, END, START};

/// One character of a message, folded; `None` for white space and controls.
fn fold_char(c: char) -> Option<char> {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if c.is_whitespace() || c.is_control() {
        return None;
    }
    Some(super::fold(c.to_ascii_lowercase()))
}

/// The normalised message, framed by [`START`] and [`END`].
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(START);
    let mut last = START;
    for c in text.chars() {
        let next = match fold_char(c) {
            None => ' ',
            Some(d) if d.is_ascii_digit() => '0',
            Some(d) => d,
        };
        let repeat = next == last && (next == ' ' || next == '0');
        let leading_space = next == ' ' && last == START;
        if !(repeat || leading_space) {
            out.push(next);
            last = next;
        }
    }
    if last == ' ' {
        out.pop();
    }
    out.push(END);
    out
}

/// Whether a message is written without Chinese (or other East Asian)
/// characters: English, pinyin, emoji. The model keeps a threshold of its
/// own for such messages.
pub fn is_latin(text: &str) -> bool {
    !text.chars().any(|c| {
        matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
    })
}

/// A feature of a normalised message: a slice of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gram<'a> {
    /// One to three consecutive characters.
    Chars(&'a str),
    /// A maximal run of ASCII letters and digits.
    Word(&'a str),
}

/// Calls `f` with every gram of a normalised message, in order, repeats
/// included. No allocation.
pub fn for_each_gram<'a>(norm: &'a str, mut f: impl FnMut(Gram<'a>)) {
    // Byte offsets of the last three characters' starts.
    let mut starts = [0usize; 3];
    let mut seen = 0usize;
    let mut word: Option<usize> = None;
    for (at, c) in norm.char_indices() {
        let end = at + c.len_utf8();
        starts = [starts[1], starts[2], at];
        seen += 1;
        for n in 1..=seen.min(3) {
            let from = starts.get(3 - n).copied().unwrap_or(at);
            if n == 1 && (c == START || c == END || c == ' ') {
                continue;
            }
            if let Some(g) = norm.get(from..end) {
                f(Gram::Chars(g));
            }
        }
        let alnum = c.is_ascii_alphanumeric();
        match (alnum, word) {
            (true, None) => word = Some(at),
            (false, Some(from)) => {
                if let Some(w) = norm.get(from..at) {
                    f(Gram::Word(w));
                }
                word = None;
            }
            _ => {}
        }
    }
}

/// A sorted list of grams as one text and the span of each in it:
/// `start << 8 | length` in bytes (a gram is at most 255 bytes, the text
/// at most 16 MiB), so a lookup is a binary search over plain integers.
#[derive(Clone, Debug, Default)]
pub struct Grams {
    text: Cow<'static, str>,
    spans: Cow<'static, [u32]>,
}

impl Grams {
    /// The list of the grams of `text` at `spans`. `None` unless every
    /// span lies in the text and the grams ascend.
    pub fn new(text: Cow<'static, str>, spans: Cow<'static, [u32]>) -> Option<Grams> {
        let g = Grams { text, spans };
        let mut last: Option<&str> = None;
        for &s in g.spans.iter() {
            let here = g.at(s)?;
            if last.is_some_and(|l| l >= here) {
                return None;
            }
            last = Some(here);
        }
        Some(g)
    }

    fn of(list: &[&str]) -> Option<Grams> {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(list.len());
        for g in list {
            spans.push(span(text.len(), g.len())?);
            text.push_str(g);
        }
        Grams::new(Cow::Owned(text), Cow::Owned(spans))
    }

    /// The gram of a span.
    fn at(&self, span: u32) -> Option<&str> {
        let start = (span >> 8) as usize;
        self.text.get(start..start + (span & 0xFF) as usize)
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.spans
            .binary_search_by(|&s| self.at(s).unwrap_or("").cmp(key))
            .ok()
    }
}

/// The span of `len` bytes at `start`, as [`Grams`] keeps it; `None` past
/// its bounds.
pub fn span(start: usize, len: usize) -> Option<u32> {
    let start = u32::try_from(start).ok().filter(|s| *s < 1 << 24)?;
    let len = u32::try_from(len).ok().filter(|l| *l <= 0xFF)?;
    Some(start << 8 | len)
}

/// The grams the model knows: character grams and words in two sorted
/// lists; a gram's row is its position, the words after the characters.
/// A hash index finds a row in one probe (a binary search over the strings
/// took a third of `rankOrders`); the sorted lists answer when two grams
/// share a hash. Both hashes are foldhash's with a fixed seed (SipHash,
/// twice, took a sixth of `rankOrders`).
#[derive(Clone, Debug, Default)]
pub struct Vocab {
    chars: Grams,
    words: Grams,
    index: HashMap<u64, u32, FixedState>,
    collisions: bool,
}

fn key(gram: Gram) -> u64 {
    FixedState::with_seed(0).hash_one(gram)
}

impl Vocab {
    /// A vocabulary from grams in row order (row = position): the
    /// character grams first, then the words, each list in ascending byte
    /// order (as the trainer writes them). `None` when out of order or
    /// repeated.
    pub fn new<'a>(grams: impl IntoIterator<Item = Gram<'a>>) -> Option<Vocab> {
        let (mut chars, mut words) = (Vec::new(), Vec::new());
        for g in grams {
            match g {
                Gram::Chars(s) if words.is_empty() => chars.push(s),
                Gram::Chars(_) => return None,
                Gram::Word(s) => words.push(s),
            }
        }
        Some(Vocab::from_lists(Grams::of(&chars)?, Grams::of(&words)?))
    }

    /// A vocabulary of the character grams and the words.
    pub fn from_lists(chars: Grams, words: Grams) -> Vocab {
        let mut v = Vocab {
            chars,
            words,
            index: HashMap::default(),
            collisions: false,
        };
        let mut index = HashMap::with_capacity_and_hasher(v.len(), FixedState::with_seed(0));
        for row in (0u32..).take(v.len()) {
            if let Some(g) = v.gram(row) {
                v.collisions |= index.insert(key(g), row).is_some();
            }
        }
        v.index = index;
        v
    }

    /// The gram of a row.
    fn gram(&self, row: u32) -> Option<Gram<'_>> {
        let row = row as usize;
        match row.checked_sub(self.chars.len()) {
            None => Some(Gram::Chars(self.chars.at(*self.chars.spans.get(row)?)?)),
            Some(w) => Some(Gram::Word(self.words.at(*self.words.spans.get(w)?)?)),
        }
    }

    /// How many grams.
    pub fn len(&self) -> usize {
        self.chars.len() + self.words.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row of a gram.
    pub fn row(&self, gram: Gram) -> Option<u32> {
        let hit = self.index.get(&key(gram)).copied();
        if let Some(row) = hit.filter(|r| self.gram(*r) == Some(gram)) {
            return Some(row);
        }
        if !self.collisions {
            return None;
        }
        let (list, key, first) = match gram {
            Gram::Chars(s) => (&self.chars, s, 0),
            Gram::Word(s) => (&self.words, s, self.chars.len()),
        };
        u32::try_from(first + list.position(key)?).ok()
    }

    /// The message's features: the distinct rows of its grams, in order of
    /// first occurrence,
    /// and the value each has (`1/√n`, 0 when none is known).
    pub fn vector(&self, text: &str) -> (Vec<u32>, f64) {
        let norm = normalise(text);
        let mut rows = Vec::new();
        for_each_gram(&norm, |g| {
            if let Some(r) = self.row(g) {
                // A message has tens of grams: a scan beats a set.
                if !rows.contains(&r) {
                    rows.push(r);
                }
            }
        });
        let value = if rows.is_empty() {
            0.0
        } else {
            1.0 / (rows.len() as f64).sqrt()
        };
        (rows, value)
    }
}
