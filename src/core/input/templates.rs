//! The check of the shop's own templates: known placeholders, balanced
//! braces, an id and a text.

use super::checks::{check_chars, check_len, elem};
use crate::core::error::{Error, ErrorCode};
use crate::core::limits::{MAX_SHORT_CHARS, MAX_TEMPLATES, MAX_TEMPLATE_CHARS};
use crate::core::model::ShopTemplate;

/// Placeholders a shop template may use.
pub const SHOP_KEYS: [&str; 17] = [
    "hi", "name", "sir", "callee", "time", "shop", "item", "amount", "link", "gift", "coupon",
    "campaign", "close", "left", "named", "agent", "optout",
];

fn bad(i: usize, field: &str, message: String) -> Error {
    Error::new(
        ErrorCode::InvalidTemplate,
        format!("shop.templates[{i}].{field}"),
        message,
    )
}

/// `character N: ` and the rest of the message.
fn at_char(pos: usize, rest: &[&str]) -> String {
    format!("character {pos}: {}", rest.concat())
}

/// Checks the shop's templates: their number and sizes, known placeholders,
/// balanced braces. `suggest` and `checkTemplates` both check through here.
///
/// # Errors
/// `too_large` over [`MAX_TEMPLATES`] templates or a text over
/// [`MAX_TEMPLATE_CHARS`] (an id over [`MAX_SHORT_CHARS`]) characters;
/// `invalid_template` at `shop.templates[i].text` (or `.id`), with the
/// 1-based character position and what is wrong.
pub fn check_templates(templates: &[ShopTemplate]) -> Result<(), Error> {
    check_len("shop.templates", templates.len(), MAX_TEMPLATES)?;
    for (i, t) in templates.iter().enumerate() {
        check_chars(
            &elem("shop.templates", i, "text"),
            &t.text,
            MAX_TEMPLATE_CHARS,
        )?;
        check_chars(&elem("shop.templates", i, "id"), &t.id, MAX_SHORT_CHARS)?;
    }
    for (i, t) in templates.iter().enumerate() {
        if t.id.trim().is_empty() {
            return Err(bad(
                i,
                "id",
                "the id is empty: give each template an id (it is reported back as templateId)"
                    .into(),
            ));
        }
        if t.text.trim().is_empty() {
            return Err(bad(
                i,
                "text",
                "the text is empty: write the line to send".into(),
            ));
        }
        // The open placeholder: its 1-based character position and the
        // byte offset of its key.
        let mut open: Option<(usize, usize)> = None;
        // Bytes: the braces are ASCII, and `pos` counts the chars so far.
        let mut pos = 0;
        for (at, c) in t.text.bytes().enumerate() {
            if c & 0xC0 != 0x80 {
                pos += 1;
            }
            match (c, open) {
                (b'{', Some(_)) => {
                    return Err(bad(
                        i,
                        "text",
                        at_char(
                            pos,
                            &["`{` inside a placeholder: close the first one with `}`"],
                        ),
                    ))
                }
                (b'{', None) => open = Some((pos, at + 1)),
                (b'}', None) => {
                    return Err(bad(
                        i,
                        "text",
                        at_char(
                            pos,
                            &["`}` without a matching `{`: remove it or open a placeholder"],
                        ),
                    ))
                }
                (b'}', Some((start, from))) => {
                    let key = t.text.get(from..at).unwrap_or("");
                    if !SHOP_KEYS.contains(&key) {
                        let keys = SHOP_KEYS.join("}, {");
                        return Err(bad(
                            i,
                            "text",
                            at_char(
                                start,
                                &["unknown placeholder {", key, "}: use one of {", &keys, "}"],
                            ),
                        ));
                    }
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((start, _)) = open {
            return Err(bad(
                i,
                "text",
                at_char(
                    start,
                    &["`{` is never closed: end the placeholder with `}`"],
                ),
            ));
        }
    }
    Ok(())
}
