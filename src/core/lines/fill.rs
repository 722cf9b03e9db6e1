//! The filler for `{key}` placeholders and `[a|b]` groups (syntax
//! documented in `src/data/templates.txt`).

use std::borrow::Cow;

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
    fn fact(&self, key: &str, depth: u8) -> Option<Cow<'_, str>> {
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
            "hi" => self.fragment("hi", depth).map(Cow::Owned),
            // A line break, for the branches of a phone script.
            "br" => Some(Cow::Borrowed("\n")),
            "item" if self.channel == Channel::Sms => {
                self.facts.item_sms.as_deref().map(Cow::Borrowed)
            }
            _ => self.facts.get(key).map(Cow::Borrowed),
        }
    }

    pub fn fragment(&self, name: &str, depth: u8) -> Option<String> {
        if depth > 3 {
            return None;
        }
        let ch = self.channel.as_str();
        // `@name.channel.tone`, else `@name.channel`, else `@name`.
        let parts = ["@", name, ".", ch, ".", self.tone.as_str()];
        for &n in &[6, 4, 2] {
            if let Some(t) = table::find(&parts.get(..n)?.concat()) {
                return render(t.text(self.locale)?, self, true, depth + 1);
            }
        }
        None
    }

    fn resolve(&self, key: &str, depth: u8) -> Option<Cow<'_, str>> {
        if let Some(name) = key.strip_prefix('@') {
            return self.fragment(name, depth).map(Cow::Owned);
        }
        if let Some(k) = key.strip_prefix('?') {
            return self.fact(k, depth).map(|_| Cow::Borrowed(""));
        }
        if let Some(k) = key.strip_prefix('!') {
            return match self.fact(k, depth) {
                Some(_) => None,
                None => Some(Cow::Borrowed("")),
            };
        }
        self.fact(key, depth)
    }
}

/// Fills `text`; `None` when a fact outside a group is unknown or the
/// text is malformed. `groups` turns on `[a|b]`.
pub fn render(text: &str, env: &Env, groups: bool, depth: u8) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    // The next `{` (or `[`): ASCII, so a byte scan finds it.
    while let Some(i) = rest
        .as_bytes()
        .iter()
        .position(|&c| c == b'{' || (groups && c == b'['))
    {
        out.push_str(rest.get(..i)?);
        let tail = rest.get(i..)?;
        if let Some(group) = tail.strip_prefix('[') {
            let end = group.find(']')?;
            if let Some(s) = group
                .get(..end)?
                .split('|')
                .find_map(|alt| render(alt, env, false, depth))
            {
                out.push_str(&s);
            }
            rest = group.get(end + 1..)?;
        } else {
            let body = tail.get(1..)?;
            let end = body.find('}')?;
            out.push_str(&env.resolve(body.get(..end)?, depth)?);
            rest = body.get(end + 1..)?;
        }
    }
    out.push_str(rest);
    Some(out)
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
