//! Normalises a chat message for matching, keeping the way back to the
//! buyer's own words: full-width → half-width, traditional → simplified
//! (fold.tsv), ASCII lower case, no spaces inside CJK text, every run of
//! digits as `#`, platform placeholders (`[数字x]`, `[姓名x]`, `#E-s[数字x]`)
//! and emoji reduced, clause breaks at punctuation and at spaces between words.

/// Traditional → simplified, sorted by traditional form (`fold.tsv`).
const FOLD: &[(char, char)] = super::super::data::FOLD;

/// A normalised message.
#[derive(Default)]
pub struct Norm {
    /// The normalised text.
    pub text: String,
    /// For each normalised char: its byte offset here, ascending.
    at: Vec<usize>,
    /// For each normalised char: the byte span it came from in the original.
    src: Vec<(usize, usize)>,
    /// Byte offsets (in `text`) where a new clause starts, ascending.
    breaks: Vec<usize>,
}

/// The first and last traditional form of [`FOLD`] (it is sorted).
const FOLD_LO: u32 = match FOLD.first() {
    Some(p) => p.0 as u32,
    None => 0,
};
const FOLD_HI: u32 = match FOLD.last() {
    Some(p) => p.0 as u32,
    None => 0,
};

/// One bit per char from `FOLD_LO` to `FOLD_HI`: set when [`FOLD`] has it.
/// Most chars of a chat have no traditional form, and this answers that
/// without the binary search.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
static FOLDS: [u64; ((FOLD_HI - FOLD_LO) / 64 + 1) as usize] = {
    let mut bits = [0u64; ((FOLD_HI - FOLD_LO) / 64 + 1) as usize];
    let mut i = 0;
    while i < FOLD.len() {
        let k = FOLD[i].0 as u32 - FOLD_LO;
        bits[(k / 64) as usize] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

/// Traditional → simplified for the characters the tables use.
pub fn fold(c: char) -> char {
    let k = (c as u32).wrapping_sub(FOLD_LO);
    let listed = FOLDS
        .get((k / 64) as usize)
        .is_some_and(|w| w & (1 << (k % 64)) != 0);
    if !listed {
        return c;
    }
    let m = FOLD;
    match m.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => m.get(i).map_or(c, |p| p.1),
        Err(_) => c,
    }
}

/// Full-width forms → ASCII, ideographic space → space.
fn half(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

fn is_break(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | '!' | '?' | ';' | '~' | '\n' | '。' | '、' | '…' | '，' | '！' | '？' | '；'
    )
}

/// Length in bytes of a platform placeholder at the start of `s`, and what
/// it stands for.
fn placeholder(s: &str) -> Option<(usize, &'static str)> {
    if let Some(rest) = s.strip_prefix("#E-s") {
        // Emoji code: `#E-s21` or `#E-s[数字x]`.
        let n = if rest.starts_with('[') {
            rest.find(']').map_or(0, |i| i + 1)
        } else {
            rest.bytes().take_while(u8::is_ascii_alphanumeric).count()
        };
        return Some((4 + n, ""));
    }
    let inner = s.strip_prefix('[')?;
    let end = inner.find(']')?;
    let name = inner.get(..end)?;
    if !name.ends_with('x') || name.chars().count() > 6 {
        return None;
    }
    let kind = if name.starts_with("数字") || name.starts_with("金额") {
        "#"
    } else if name.starts_with("地址") {
        "地址"
    } else {
        "_"
    };
    Some((end + 2, kind))
}

impl Norm {
    /// Normalises `orig`.
    pub fn new(orig: &str) -> Norm {
        let mut n = Norm::default();
        n.read(orig);
        n
    }

    /// Normalises `orig` in place of what this held, keeping the buffers
    /// (one `Norm` serves every message of a chat).
    pub fn read(&mut self, orig: &str) {
        self.text.clear();
        self.at.clear();
        self.src.clear();
        self.breaks.clear();
        let n = self;
        let mut token = 0usize; // chars since the last break or space
                                // The end of the current run of spaces and the char after it: each
                                // run is scanned once, however long.
        let mut run: (usize, Option<char>) = (0, None);
        let mut i = 0;
        while i < orig.len() {
            let rest = orig.get(i..).unwrap_or("");
            let Some(c0) = rest.chars().next() else { break };
            if c0 == '#' || c0 == '[' {
                if let Some((len, kind)) = placeholder(rest) {
                    let len = len.min(rest.len());
                    if kind.is_empty() {
                        n.brk();
                        token = 0;
                    }
                    for c in kind.chars() {
                        if c == '#' && n.text.ends_with('#') {
                            continue;
                        }
                        n.push(c, i, i + len);
                        token += 1;
                    }
                    i += len;
                    continue;
                }
            }
            let w = c0.len_utf8();
            let c = if c0.is_ascii() {
                c0.to_ascii_lowercase()
            } else {
                fold(half(c0).to_ascii_lowercase())
            };
            if c.is_whitespace() && c != '\n' {
                let prev = n.text.chars().next_back();
                if run.0 <= i {
                    let after = rest.get(w..).unwrap_or("");
                    let end = after
                        .char_indices()
                        .find(|&(_, x)| !half(x).is_whitespace());
                    run = match end {
                        Some((k, x)) => (i + w + k, Some(half(x))),
                        None => (orig.len(), None),
                    };
                    crate::core::work::scanned(run.0.saturating_sub(i));
                }
                let next = run.1;
                let ascii_pair = prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '#')
                    && next.is_some_and(|x| x.is_ascii_alphanumeric());
                if ascii_pair {
                    if !n.text.ends_with(' ') {
                        n.push(' ', i, i + w);
                    }
                } else if token >= 2 {
                    n.brk();
                    token = 0;
                }
                i += w;
                continue;
            }
            if crate::core::text::is_emoji(c) {
                n.brk();
                token = 0;
                i += w;
                continue;
            }
            if c.is_ascii_digit() {
                if !n.text.ends_with('#') {
                    n.push('#', i, i + w);
                } else if let Some(last) = n.src.last_mut() {
                    last.1 = i + w;
                }
                token += 1;
                i += w;
                continue;
            }
            n.push(c, i, i + w);
            token += 1;
            if is_break(c) {
                n.brk();
                token = 0;
            }
            i += w;
        }
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        self.at.push(self.text.len());
        self.src.push((start, end));
        self.text.push(c);
    }

    fn brk(&mut self) {
        if self.breaks.last() != Some(&self.text.len()) {
            self.breaks.push(self.text.len());
        }
    }

    /// The clause the normalised byte offset `pos` falls in.
    pub fn clause(&self, pos: usize) -> usize {
        below(&self.breaks, pos.saturating_add(1))
    }

    /// Byte span of clause `k` in the normalised text.
    pub fn clause_span(&self, k: usize) -> (usize, usize) {
        let start = if k == 0 {
            0
        } else {
            self.breaks.get(k - 1).copied().unwrap_or(self.text.len())
        };
        let end = self.breaks.get(k).copied().unwrap_or(self.text.len());
        (start, end.max(start))
    }

    /// Number of clauses.
    pub fn clauses(&self) -> usize {
        self.breaks.len() + 1
    }

    /// The original byte span behind the normalised span `start..end`.
    pub fn orig_span(&self, start: usize, end: usize) -> (usize, usize) {
        let a = below(&self.at, start);
        let b = below(&self.at, end);
        let os = self.src.get(a).map_or(0, |s| s.0);
        let oe = b
            .checked_sub(1)
            .and_then(|j| self.src.get(j))
            .map_or(os, |s| s.1);
        (os, oe.max(os))
    }

    /// Normalised char before byte offset `pos`.
    pub fn before(&self, pos: usize) -> Option<char> {
        self.text.get(..pos).and_then(|s| s.chars().next_back())
    }

    /// Normalised char at byte offset `pos`.
    pub fn at(&self, pos: usize) -> Option<char> {
        self.text.get(pos..).and_then(|s| s.chars().next())
    }
}

/// How many items of the ascending `v` are below `x`: one binary search
/// for clause breaks and char offsets alike.
fn below(v: &[usize], x: usize) -> usize {
    v.partition_point(|b| *b < x)
}

/// Is `c` a CJK ideograph (used to decide word boundaries).
pub fn cjk(c: char) -> bool {
    is_cjk(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_script_and_spaces() {
        let n = Norm::new("餘 額 不 足，ＯＫ Now");
        assert_eq!(n.text, "余额不足,ok now");
        let n = Norm::new("在吗 在吗");
        assert_eq!(n.text, "在吗在吗");
        assert_eq!(n.clauses(), 2);
    }

    #[test]
    fn each_traditional_form_folds_one_way() {
        let m = FOLD;
        assert!(
            m.windows(2).all(|w| w[0].0 != w[1].0),
            "a form listed twice"
        );
        assert_eq!(
            Norm::new("轉帳 帳戶 會不會起毛球").text,
            "转账账户会不会起毛球"
        );
    }

    #[test]
    fn the_fold_bits_agree_with_the_table() {
        for &(t, simple) in FOLD {
            assert_eq!(fold(t), simple, "{t}");
        }
        for c in ['a', '余', '额', '吗', '😊', '\u{3000}', '\u{10FFFF}'] {
            let listed = FOLD.iter().any(|p| p.0 == c);
            assert_eq!(fold(c) != c, listed, "{c}");
        }
    }

    #[test]
    fn placeholders_and_digits() {
        let n = Norm::new("买[数字x]的东西#E-s[数字x]收我12元[姓名x]");
        assert_eq!(n.text, "买#的东西收我#元_");
        let (s, e) = n.orig_span(n.text.find("收我").unwrap(), n.text.len());
        assert_eq!(
            &"买[数字x]的东西#E-s[数字x]收我12元[姓名x]"[s..e],
            "收我12元[姓名x]"
        );
    }
}
