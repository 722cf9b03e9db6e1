//! The filler for `{key}` placeholders and `[a|b]` groups (syntax
//! documented in `src/data/templates/fragments.txt`).

use super::facts::Facts;
use super::table;
use crate::core::model::{Channel, Locale, Tone};

/// Hide the order time (to shorten an SMS).
pub const HIDE_TIME: u8 = 1;
/// Hide the item (to shorten an SMS).
pub const HIDE_ITEM: u8 = 2;
/// Hide the shop name (to shorten an SMS).
pub const HIDE_SHOP: u8 = 4;

/// What a text is rendered for.
#[derive(Clone, Copy, Debug)]
pub struct Env<'a> {
    /// Language.
    pub locale: Locale,
    /// Channel (picks fragments and the SMS item title).
    pub channel: Channel,
    /// Tone (picks fragments such as the greeting).
    pub tone: Tone,
    /// The facts.
    pub facts: &'a Facts,
    /// `HIDE_*` bits: facts treated as unknown.
    pub hide: u8,
}

impl Env<'_> {
    /// The fact `key` ([`Facts::get`]), honouring [`Env::hide`]; `hi` is
    /// not a fact (see [`Env::put`]).
    fn fact(&self, key: &str) -> Option<&str> {
        let hidden = match key {
            "time" => HIDE_TIME,
            "item" => HIDE_ITEM,
            "shop" => HIDE_SHOP,
            _ => 0,
        };
        if self.hide & hidden != 0 {
            return None;
        }
        match key {
            // A line break, for the branches of a phone script.
            "br" => Some("\n"),
            "item" if self.channel == Channel::Sms => self.facts.item_sms.as_deref(),
            _ => self.facts.get(key),
        }
    }

    /// The fragment `@name` for this channel and tone, rendered.
    pub fn fragment(&self, name: &str, depth: u8) -> Option<String> {
        let mut out = String::new();
        self.put_fragment(&mut out, name, depth)?;
        Some(out)
    }

    /// Appends the fragment `@name`: `@name.channel.tone`, else
    /// `@name.channel`, else `@name`.
    fn put_fragment(&self, out: &mut String, name: &str, depth: u8) -> Option<()> {
        if depth > 3 {
            return None;
        }
        let t = table::fragment(name, self.channel, self.tone)?;
        put(out, t.text(self.locale)?, self, true, depth + 1)
    }

    /// Whether `key` (a fact, `hi` or `@fragment`) has a value.
    fn known(&self, key: &str, depth: u8) -> bool {
        match key.strip_prefix('@') {
            Some(name) => self.fragment(name, depth).is_some(),
            None if key == "hi" => self.fragment("hi", depth).is_some(),
            None => self.fact(key).is_some(),
        }
    }

    /// Appends the value of `{key}`; `None` when it is unknown.
    fn put(&self, out: &mut String, key: &str, depth: u8) -> Option<()> {
        if let Some(k) = key.strip_prefix('?') {
            return self.known(k, depth).then_some(());
        }
        if let Some(k) = key.strip_prefix('!') {
            return (!self.known(k, depth)).then_some(());
        }
        match key.strip_prefix('@') {
            Some(name) => self.put_fragment(out, name, depth),
            None if key == "hi" => self.put_fragment(out, "hi", depth),
            None => {
                out.push_str(self.fact(key)?);
                Some(())
            }
        }
    }
}

/// Fills `text`; `None` when a fact outside a group is unknown or the
/// text is malformed. `groups` turns on `[a|b]`.
pub fn render(text: &str, env: &Env, groups: bool, depth: u8) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 32);
    put(&mut out, text, env, groups, depth)?;
    Some(out)
}

/// The byte offset of the first of `marks` in `s` (all ASCII, so a byte
/// scan finds them).
fn find_any(s: &str, marks: &[u8]) -> Option<usize> {
    s.bytes().position(|c| marks.contains(&c))
}

/// Appends `text` filled to `out`; on `None`, `out` may hold part of it
/// (callers that go on truncate it).
fn put(out: &mut String, text: &str, env: &Env, groups: bool, depth: u8) -> Option<()> {
    let marks: &[u8] = if groups { b"{[" } else { b"{" };
    let mut rest = text;
    while let Some(i) = find_any(rest, marks) {
        out.push_str(rest.get(..i)?);
        let tail = rest.get(i..)?;
        if let Some(group) = tail.strip_prefix('[') {
            let end = find_any(group, b"]")?;
            // The first alternative whose facts are all known, written in
            // place; a failed one is cut off again.
            let mut alts = group.get(..end)?;
            let mark = out.len();
            loop {
                let (alt, more) = match find_any(alts, b"|") {
                    Some(k) => (alts.get(..k)?, alts.get(k + 1..)),
                    None => (alts, None),
                };
                if put(out, alt, env, false, depth).is_some() {
                    break;
                }
                out.truncate(mark);
                match more {
                    Some(m) => alts = m,
                    None => break,
                }
            }
            rest = group.get(end + 1..)?;
        } else {
            let body = tail.get(1..)?;
            let end = find_any(body, b"}")?;
            env.put(out, body.get(..end)?, depth)?;
            rest = body.get(end + 1..)?;
            // A value that ends a sentence itself (Slow Brew Co.) takes the
            // template's full stop.
            if out.ends_with('.') && rest.starts_with('.') && !rest.starts_with("..") {
                rest = rest.get(1..)?;
            }
        }
    }
    out.push_str(rest);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(f: &Facts) -> Env<'_> {
        Env {
            locale: Locale::ZhCn,
            channel: Channel::Im,
            tone: Tone::Warm,
            facts: f,
            hide: 0,
        }
    }

    #[test]
    fn groups_take_the_first_known_alternative() {
        let mut f = Facts::default();
        let e = env(&f);
        assert_eq!(
            render("您[{time}]拍的[{item}|宝贝]", &e, true, 0).as_deref(),
            Some("您拍的宝贝")
        );
        assert_eq!(render("拍的{item}", &e, true, 0), None);
        f.item = Some("推车".into());
        f.time = Some("今天上午".into());
        let e = env(&f);
        assert_eq!(
            render("您[{time}]拍的[{item}|宝贝]", &e, true, 0).as_deref(),
            Some("您今天上午拍的推车")
        );
        assert_eq!(render("{!item}x", &e, true, 0), None);
        assert_eq!(render("{?item}x", &e, true, 0).as_deref(), Some("x"));
    }

    #[test]
    fn a_value_ending_in_a_full_stop_takes_the_templates() {
        let f = Facts {
            shop: Some("Slow Brew Co.".into()),
            ..Facts::default()
        };
        assert_eq!(
            render("Welcome back at {shop}. Bye...", &env(&f), true, 0).as_deref(),
            Some("Welcome back at Slow Brew Co. Bye...")
        );
    }

    #[test]
    fn values_are_not_expanded_again() {
        let f = Facts {
            name: Some("{shop}[x]".into()),
            ..Facts::default()
        };
        assert_eq!(
            render("{name}您好", &env(&f), true, 0).as_deref(),
            Some("{shop}[x]您好")
        );
    }

    #[test]
    fn shop_text_keeps_brackets() {
        let f = Facts::default();
        assert_eq!(
            render("[限时]好价", &env(&f), false, 0).as_deref(),
            Some("[限时]好价")
        );
    }
}
