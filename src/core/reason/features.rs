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

/// Marks the start of a normalised message.
pub const START: char = '\u{2}';
/// Marks the end of a normalised message.
pub const END: char = '\u{3}';

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

/// Writes a gram's text for the model file: `\s` for a space, `\<` and `\>`
/// for the marks, `\\` for a backslash.
pub fn escape(gram: &str) -> String {
    let mut out = String::with_capacity(gram.len());
    for c in gram.chars() {
        match c {
            ' ' => out.push_str("\\s"),
            START => out.push_str("\\<"),
            END => out.push_str("\\>"),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out
}

/// Reads what [`escape`] wrote; `None` for an unknown escape.
pub fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            's' => ' ',
            '<' => START,
            '>' => END,
            '\\' => '\\',
            _ => return None,
        });
    }
    Some(out)
}

/// The grams the model knows, each with its row number: character grams
/// and words in two sorted lists.
#[derive(Clone, Debug, Default)]
pub struct Vocab {
    chars: Vec<(Box<str>, u32)>,
    words: Vec<(Box<str>, u32)>,
}

impl Vocab {
    /// A vocabulary from grams in row order (row = position): the
    /// character grams first, then the words, each list in ascending byte
    /// order (as the trainer writes them). `None` when out of order or
    /// repeated.
    pub fn new<'a>(grams: impl IntoIterator<Item = Gram<'a>>) -> Option<Vocab> {
        let mut v = Vocab::default();
        for (row, g) in (0u32..).zip(grams) {
            let (list, s) = match g {
                Gram::Chars(s) if v.words.is_empty() => (&mut v.chars, s),
                Gram::Chars(_) => return None,
                Gram::Word(s) => (&mut v.words, s),
            };
            if list.last().is_some_and(|(last, _)| **last >= *s) {
                return None;
            }
            list.push((s.into(), row));
        }
        Some(v)
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
        let (list, key) = match gram {
            Gram::Chars(s) => (&self.chars, s),
            Gram::Word(s) => (&self.words, s),
        };
        let i = list.binary_search_by(|(g, _)| (**g).cmp(key)).ok()?;
        list.get(i).map(|p| p.1)
    }

    /// The message's features: the distinct rows of its grams, in order of
    /// first occurrence,
    /// and the value each has (`1/√n`, 0 when none is known).
    pub fn vector(&self, text: &str) -> (Vec<u32>, f64) {
        let norm = normalise(text);
        let mut rows = Vec::new();
        let mut seen = vec![false; self.len()];
        for_each_gram(&norm, |g| {
            if let Some(r) = self.row(g) {
                if let Some(s) = seen.get_mut(r as usize).filter(|s| !**s) {
                    *s = true;
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
