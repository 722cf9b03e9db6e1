//! How a gram is written in the model file (`src/data/reason-model.tsv`):
//! the marks that frame a normalised message and the escapes that keep a
//! gram on one field of a tab-separated line. `build.rs` includes this file
//! too, to turn the model file into Rust tables, so it uses nothing of the
//! crate.

/// Marks the start of a normalised message.
pub const START: char = '\u{2}';
/// Marks the end of a normalised message.
pub const END: char = '\u{3}';

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
