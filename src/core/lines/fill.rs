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

/// What a `{key}` names.
#[derive(Clone, Copy, Debug)]
pub enum Key<'a> {
    /// A fact ([`Facts::get`]) and its `HIDE_*` bit (0: never hidden).
    Fact(&'a str, u8),
    /// `br`: a line break, for the branches of a phone script.
    Br,
    /// `item`: on SMS its short form.
    Item,
    /// A fragment (`@name`, and `hi`) by its place among the table's
    /// fragment names ([`table::fragment_id`]); `None` for a name the table
    /// lacks.
    Fragment(Option<usize>),
}

/// One part of a text read by [`compile`].
#[derive(Clone, Debug)]
pub enum Seg<'a> {
    /// Text as written; `true` when it starts with one full stop (not
    /// `..`) right after a value: a value that ends a sentence itself
    /// (Slow Brew Co.) takes it.
    Text(&'a str, bool),
    /// `{key}`: its value; no line when it is unknown.
    Value(Key<'a>),
    /// `{?key}` (`true`) and `{!key}` (`false`): nothing; no line unless
    /// the key is known (`true`) or unknown (`false`).
    Known(Key<'a>, bool),
    /// `[a|b]`: the first alternative whose facts are all known, else
    /// nothing; `None` for a malformed alternative, never taken.
    Group(Vec<Option<Vec<Seg<'a>>>>),
}

/// The key of a `{…}` body (without its `?` or `!`); `fragment` finds a
/// fragment name's place.
fn key<'a>(key: &'a str, fragment: &dyn Fn(&str) -> Option<usize>) -> Key<'a> {
    match key.strip_prefix('@') {
        Some(name) => Key::Fragment(fragment(name)),
        None => match key {
            "hi" => Key::Fragment(fragment("hi")),
            "br" => Key::Br,
            "item" => Key::Item,
            "time" => Key::Fact(key, HIDE_TIME),
            "shop" => Key::Fact(key, HIDE_SHOP),
            _ => Key::Fact(key, 0),
        },
    }
}

/// Reads `text` into its parts, once for every rendering; `None` when it
/// is malformed (then it renders no line). `groups` turns on `[a|b]`;
/// `fragment` finds a fragment name's place ([`table::fragment_id`]).
pub fn compile<'a>(
    text: &'a str,
    groups: bool,
    fragment: &dyn Fn(&str) -> Option<usize>,
) -> Option<Vec<Seg<'a>>> {
    let marks: &[u8] = if groups { b"{[" } else { b"{" };
    let mut out = Vec::new();
    let mut rest = text;
    // The text read last ended a `{key}`.
    let mut after_key = false;
    let text_seg = |t: &'a str, after_key: bool| {
        Seg::Text(t, after_key && t.starts_with('.') && !t.starts_with(".."))
    };
    while let Some(i) = find_any(rest, marks) {
        let head = rest.get(..i)?;
        if !head.is_empty() {
            out.push(text_seg(head, after_key));
        }
        let tail = rest.get(i..)?;
        if let Some(group) = tail.strip_prefix('[') {
            let end = find_any(group, b"]")?;
            let mut alts = group.get(..end)?;
            let mut read = Vec::new();
            loop {
                let (alt, more) = match find_any(alts, b"|") {
                    Some(k) => (alts.get(..k)?, alts.get(k + 1..)),
                    None => (alts, None),
                };
                read.push(compile(alt, false, fragment));
                match more {
                    Some(m) => alts = m,
                    None => break,
                }
            }
            out.push(Seg::Group(read));
            rest = group.get(end + 1..)?;
            after_key = false;
        } else {
            let body = tail.get(1..)?;
            let end = find_any(body, b"}")?;
            let k = body.get(..end)?;
            out.push(if let Some(k) = k.strip_prefix('?') {
                Seg::Known(key(k, fragment), true)
            } else if let Some(k) = k.strip_prefix('!') {
                Seg::Known(key(k, fragment), false)
            } else {
                Seg::Value(key(k, fragment))
            });
            rest = body.get(end + 1..)?;
            after_key = true;
        }
    }
    if !rest.is_empty() {
        out.push(text_seg(rest, after_key));
    }
    Some(out)
}

impl Env<'_> {
    /// The value of a fact key ([`Facts::get`]), honouring [`Env::hide`];
    /// `None` for a fragment.
    fn fact(&self, key: Key) -> Option<&str> {
        match key {
            Key::Fact(k, hidden) => (self.hide & hidden == 0)
                .then(|| self.facts.get(k))
                .flatten(),
            Key::Br => Some("\n"),
            Key::Item if self.hide & HIDE_ITEM != 0 => None,
            Key::Item if self.channel == Channel::Sms => self.facts.item_sms.as_deref(),
            Key::Item => self.facts.get("item"),
            Key::Fragment(_) => None,
        }
    }

    /// The fragment `@name` for this channel and tone, rendered.
    pub fn fragment(&self, name: &str, depth: u8) -> Option<String> {
        let mut out = String::new();
        self.put_fragment(&mut out, table::fragment_id(name), depth)?;
        Some(out)
    }

    /// Appends the fragment `id`: `@name.channel.tone`, else
    /// `@name.channel`, else `@name`.
    fn put_fragment(&self, out: &mut String, id: Option<usize>, depth: u8) -> Option<()> {
        if depth > 3 {
            return None;
        }
        let t = table::fragment(id?, self.channel, self.tone)?;
        put(out, t.program(self.locale)?, self, depth + 1)
    }

    /// Whether `key` has a value: a fragment is rendered at the end of
    /// `out` and cut off again.
    fn known(&self, out: &mut String, key: Key, depth: u8) -> bool {
        match key {
            Key::Fragment(id) => {
                let mark = out.len();
                let known = self.put_fragment(out, id, depth).is_some();
                out.truncate(mark);
                known
            }
            _ => self.fact(key).is_some(),
        }
    }

    /// Appends the value of `key`; `None` when it is unknown.
    fn put(&self, out: &mut String, key: Key, depth: u8) -> Option<()> {
        match key {
            Key::Fragment(id) => self.put_fragment(out, id, depth),
            _ => {
                out.push_str(self.fact(key)?);
                Some(())
            }
        }
    }
}

/// Fills `text`; `None` when a fact outside a group is unknown or the
/// text is malformed. `groups` turns on `[a|b]`.
pub fn render(text: &str, env: &Env, groups: bool, depth: u8) -> Option<String> {
    render_parts(&compile(text, groups, &table::fragment_id)?, env, depth)
}

/// Fills a text read by [`compile`]; `None` when a fact outside a group is
/// unknown.
pub fn render_parts(parts: &[Seg], env: &Env, depth: u8) -> Option<String> {
    let mut out = String::with_capacity(128);
    put(&mut out, parts, env, depth)?;
    Some(out)
}

/// The byte offset of the first of `marks` in `s` (all ASCII, so a byte
/// scan finds them).
fn find_any(s: &str, marks: &[u8]) -> Option<usize> {
    s.bytes().position(|c| marks.contains(&c))
}

/// Appends `parts` filled to `out`; on `None`, `out` may hold part of it
/// (callers that go on truncate it).
fn put(out: &mut String, parts: &[Seg], env: &Env, depth: u8) -> Option<()> {
    for part in parts {
        match part {
            Seg::Text(t, dot) => {
                // A value that ends a sentence itself (Slow Brew Co.) takes
                // the template's full stop.
                let t = if *dot && out.ends_with('.') {
                    t.get(1..)?
                } else {
                    t
                };
                out.push_str(t);
            }
            Seg::Value(k) => env.put(out, *k, depth)?,
            Seg::Known(k, want) => {
                if env.known(out, *k, depth) != *want {
                    return None;
                }
            }
            Seg::Group(alts) => {
                // The first alternative whose facts are all known, written
                // in place; a failed one is cut off again.
                let mark = out.len();
                for alt in alts {
                    match alt {
                        Some(a) if put(out, a, env, depth).is_some() => break,
                        _ => out.truncate(mark),
                    }
                }
            }
        }
    }
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
