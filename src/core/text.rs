//! Small text helpers shared by the engine: decimal numbers, letters,
//! trimming, digits and byte-wise search, written by hand where `str`
//! methods or `format!` would link far more wasm.

/// Appends `n` in decimal with at least `width` digits (zero-padded).
/// The one number writer: a `format!` site costs far more wasm.
pub fn push_num(out: &mut String, n: u64, width: u32) {
    if n >= 10 || width > 1 {
        push_num(out, n / 10, width.saturating_sub(1));
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// `n` in decimal.
pub fn num(n: i64) -> String {
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    push_num(&mut out, n.unsigned_abs(), 1);
    out
}

/// The number of chars in `s`: `str::chars().count()` links a
/// kilobyte of unrolled counting code.
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| b & 0xC0 != 0x80).count()
}

/// A letter of a name or word: Latin, kana, Hangul or a CJK ideograph.
///
/// Used instead of `char::is_alphabetic`, whose full Unicode table costs
/// kilobytes of wasm; these ranges cover the scripts of the chats read here.
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

/// A digit, ASCII or full-width.
pub fn is_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '０'..='９')
}

/// A letter or a digit (ASCII or full-width).
pub fn is_letter_or_digit(c: char) -> bool {
    is_letter(c) || is_digit(c)
}

/// Whether `c` is one of the chars of `set`.
fn in_set(c: char, set: &str) -> bool {
    set.chars().any(|x| x == c)
}

/// `s` without its trailing chars from `set`.
#[inline(never)]
pub fn trim_end_in<'a>(s: &'a str, set: &str) -> &'a str {
    let mut t = s;
    while let Some(c) = t.chars().next_back() {
        if !in_set(c, set) {
            break;
        }
        t = t.get(..t.len() - c.len_utf8()).unwrap_or("");
    }
    t
}

/// Whether `s` ends with one of the chars of `set`.
pub fn ends_in(s: &str, set: &str) -> bool {
    s.chars().next_back().is_some_and(|c| in_set(c, set))
}

/// A number written in ASCII digits only (no sign), if it fits.
#[inline(never)]
pub fn digits(s: &str) -> Option<i64> {
    if s.is_empty() {
        return None;
    }
    let mut v: i64 = 0;
    for b in s.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    Some(v)
}

/// Byte offset of the first `needle` in `hay`.
///
/// Compares bytes: a whole UTF-8 needle can only match at a char boundary,
/// so the offset is always one. Smaller in wasm than `str::find(&str)`.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(0);
    }
    hay.as_bytes().windows(n.len()).position(|w| w == n)
}

/// Byte offset of the first char of `s` that `f` accepts, like `str::find`
/// with a predicate: one copy for every predicate.
#[inline(never)]
pub fn find_char(s: &str, f: fn(char) -> bool) -> Option<usize> {
    s.char_indices().find(|&(_, c)| f(c)).map(|(i, _)| i)
}

/// Whether `needle` occurs in `hay` (see [`find`]).
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// The pieces of `s` between `sep` bytes, like `str::split` with an ASCII
/// char but without a final empty piece (as `str::lines` leaves out the
/// end of a last line): `split("a\nb\n", b'\n')` gives `a`, `b`. An ASCII
/// separator only ever sits on a char boundary. One small iterator for
/// every table reader instead of std's searchers.
pub fn split(s: &str, sep: u8) -> Split<'_> {
    Split { rest: s, sep }
}

/// The lines of an embedded table (`\n`-separated, see [`split`]).
pub fn lines(s: &str) -> Split<'_> {
    split(s, b'\n')
}

/// See [`split`].
pub struct Split<'a> {
    rest: &'a str,
    sep: u8,
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.rest;
        if s.is_empty() {
            return None;
        }
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() && b[i] != self.sep {
            i += 1;
        }
        self.rest = s.get(i + 1..).unwrap_or("");
        s.get(..i)
    }
}

/// The words of `s` between runs of Unicode whitespace, like
/// `str::split_whitespace`, without its searcher.
pub fn words(s: &str) -> Words<'_> {
    Words(s)
}

/// See [`words`].
pub struct Words<'a>(&'a str);

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.0.trim_start();
        if s.is_empty() {
            return None;
        }
        let end = s
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(s.len(), |(i, _)| i);
        self.0 = s.get(end..).unwrap_or("");
        s.get(..end)
    }
}

/// Byte offset just after the first `n` chars of `s` (its length when it
/// has fewer).
pub fn char_end(s: &str, n: usize) -> usize {
    let mut left = n;
    for (i, b) in s.bytes().enumerate() {
        if b & 0xC0 != 0x80 {
            if left == 0 {
                return i;
            }
            left -= 1;
        }
    }
    s.len()
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
    fn counts_chars() {
        for s in ["", "a", "亲~", "😊好的 ok", "é\u{301}", "\u{10FFFF}x"] {
            assert_eq!(char_count(s), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn numbers() {
        for n in [0, 7, 10, 70, 160, 1234, -5, i64::MAX, i64::MIN] {
            assert_eq!(num(n), n.to_string());
        }
        let mut s = String::new();
        push_num(&mut s, 5, 2);
        assert_eq!(s, "05");
    }

    #[test]
    fn trims_and_reads_digits() {
        assert_eq!(trim_end_in("好的,, ", ", "), "好的");
        assert_eq!(trim_end_in(",,", ","), "");
        assert!(ends_in("有吗", "?吗") && !ends_in("", "?"));
        for s in [
            "0",
            "12",
            "９",
            "",
            "+1",
            "-1",
            "99999999999999999999",
            "1a",
        ] {
            assert_eq!(
                digits(s),
                s.parse::<i64>()
                    .ok()
                    .filter(|_| s.bytes().all(|b| b.is_ascii_digit())),
                "{s}"
            );
        }
    }

    #[test]
    fn finds_like_str() {
        for (h, n) in [
            ("亲,您好", "您好"),
            ("abc", ""),
            ("", "a"),
            ("王先生", "先"),
            ("a", "ab"),
            ("您好您好", "好"),
        ] {
            assert_eq!(find(h, n), h.find(n), "{h} {n}");
            assert_eq!(contains(h, n), h.contains(n));
        }
    }

    #[test]
    fn splits_like_str() {
        for s in ["", "a", "a\n", "a\nb", "a\n\nb\n", "\n", "\n\n", "亲\n您好"] {
            let mine: Vec<&str> = lines(s).collect();
            assert_eq!(mine, s.lines().collect::<Vec<_>>(), "{s:?}");
            let mine: Vec<&str> = split(s, b'\n').collect();
            let mut std: Vec<&str> = s.split('\n').collect();
            if std.last() == Some(&"") {
                std.pop();
            }
            assert_eq!(mine, std, "{s:?}");
        }
        for s in [
            "",
            " ",
            "a b",
            "  羽绒服\u{3000}女 2026\t新款  ",
            "x\u{a0}y\n",
        ] {
            let mine: Vec<&str> = words(s).collect();
            assert_eq!(mine, s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn char_ends() {
        for s in ["", "ab", "亲您好", "a😊b"] {
            for n in 0..5 {
                let want = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
                assert_eq!(char_end(s, n), want, "{s} {n}");
            }
        }
    }
}
