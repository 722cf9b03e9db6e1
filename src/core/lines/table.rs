//! The built-in template table (`src/data/templates/`), read once.

use std::sync::LazyLock;

use super::fill::{self, Seg};
use crate::core::model::{Channel, Locale, ReasonCode, Tone};
use crate::core::timing::Occasion;

const TABLE: &str = super::super::data::TEMPLATES;

/// One template (or fragment) of the table.
#[derive(Clone, Debug, Default)]
pub struct Template {
    /// Stable id, reported as `templateId`; fragments start with `@`.
    pub id: &'static str,
    /// 1-9, higher is offered first.
    pub prio: u8,
    /// help, benefit, deadline, check, answer, door_open, thanks, sorry.
    pub angle: &'static str,
    /// Comma-separated channels.
    pub channels: &'static str,
    /// `*` or occasion letters.
    pub occasions: &'static str,
    /// `*` or comma-separated reason codes.
    pub reasons: &'static str,
    /// Text per locale (zh-CN, zh-TW, en); empty when missing.
    pub texts: [&'static str; 3],
    /// `reasons` as a set: bit `i` for `ReasonCode::ALL[i]`.
    reason_set: u32,
    /// `channels` as a set ([`channel_bit`]).
    channel_set: u8,
    /// `occasions` as a set of their letters ([`letter_bit`]).
    occasion_set: u32,
    /// `texts` read into their parts ([`fill::compile`]); `None` when
    /// missing or malformed.
    programs: [Option<Vec<Seg<'static>>>; 3],
}

impl Template {
    /// The text for `locale`, if the table has one.
    pub fn text(&self, locale: Locale) -> Option<&'static str> {
        let t = self.texts.get(locale_index(locale)).copied().unwrap_or("");
        (!t.is_empty()).then_some(t)
    }

    /// The text for `locale` read into its parts, if the table has one
    /// and it is well formed.
    pub fn program(&self, locale: Locale) -> Option<&[Seg<'static>]> {
        self.programs
            .get(locale_index(locale))
            .and_then(Option::as_deref)
    }

    /// Whether this is a fragment rather than an offered line.
    pub fn is_fragment(&self) -> bool {
        self.id.starts_with('@')
    }

    /// Whether the template is for `channel`.
    pub fn has_channel(&self, channel: Channel) -> bool {
        self.channel_set & channel_bit(channel) != 0
    }

    /// Whether the template fits `reason`; `*` fits every reason but changed_mind.
    pub fn has_reason(&self, reason: ReasonCode) -> bool {
        self.reason_set & reason_bit(reason) != 0
    }

    /// Whether the template fits `occasion`.
    pub fn has_occasion(&self, occasion: Occasion) -> bool {
        self.occasion_set & letter_bit(occasion_letter(occasion)) != 0
    }
}

fn channel_bit(c: Channel) -> u8 {
    match c {
        Channel::Im => 1,
        Channel::Sms => 2,
        Channel::Phone => 4,
    }
}

/// The set of a row's channels column (`im,sms`).
fn channel_set(channels: &str) -> u8 {
    [Channel::Im, Channel::Sms, Channel::Phone]
        .into_iter()
        .filter(|c| channels.split(',').any(|n| n == c.as_str()))
        .fold(0, |set, c| set | channel_bit(c))
}

/// Bit of an occasion letter (a-z); 0 for any other character.
fn letter_bit(letter: char) -> u32 {
    match letter {
        'a'..='z' => 1 << (letter as u32 - 'a' as u32),
        _ => 0,
    }
}

/// The set of a row's occasions column (`*`: all of them).
fn occasion_set(occasions: &str) -> u32 {
    if occasions == "*" {
        return u32::MAX;
    }
    occasions.chars().fold(0, |set, l| set | letter_bit(l))
}

/// The table letter of an occasion.
pub fn occasion_letter(o: Occasion) -> char {
    match o {
        Occasion::First | Occasion::None => 'f',
        Occasion::AddressCheck => 'a',
        Occasion::FollowUp => 'u',
        Occasion::LastChance => 'l',
        Occasion::CampaignWave => 'c',
        Occasion::BuyerNamedTime => 'n',
        Occasion::NamedReply => 'r',
        Occasion::Answer => 'q',
        Occasion::NamedAfterClose => 'k',
    }
}

fn reason_bit(r: ReasonCode) -> u32 {
    ReasonCode::ALL
        .iter()
        .position(|c| *c == r)
        .map_or(0, |i| 1 << i)
}

/// The set of a row's reasons column (`*`: every reason but changed_mind;
/// `-a,b`: every reason but changed_mind, a and b).
fn reason_set(reasons: &str) -> u32 {
    let listed = |list: &str| {
        list.split(',')
            .filter_map(|r| ReasonCode::ALL.iter().find(|c| c.as_str() == r))
            .fold(0, |set, r| set | reason_bit(*r))
    };
    let all_but_changed_mind = ReasonCode::ALL
        .iter()
        .filter(|r| **r != ReasonCode::ChangedMind)
        .fold(0, |set, r| set | reason_bit(*r));
    match reasons.strip_prefix('-') {
        _ if reasons == "*" => all_but_changed_mind,
        Some(but) => all_but_changed_mind & !listed(but),
        None => listed(reasons),
    }
}

fn locale_index(l: Locale) -> usize {
    match l {
        Locale::ZhCn => 0,
        Locale::ZhTw => 1,
        Locale::En => 2,
    }
}

/// Every template and fragment, in table order.
pub fn templates() -> &'static [Template] {
    &TABLE_READ.templates
}

/// The table as read.
struct Table {
    /// Templates and fragments, in table order (the files of
    /// `src/data/templates/`).
    templates: Vec<Template>,
    /// Fragment names (`hi` for `@hi.im.playful`), each once, in table order.
    names: Vec<&'static str>,
    /// For each name of `names`: its fragments' channel and tone (a part
    /// left out is `""`) and place in `templates`.
    fragments: Vec<Vec<(&'static str, &'static str, usize)>>,
}

/// The table, read on first use.
static TABLE_READ: LazyLock<Table> = LazyLock::new(parse);

/// The place of fragment name `name` (`hi`) among the table's fragment
/// names, which [`fragment`] takes.
pub fn fragment_id(name: &str) -> Option<usize> {
    TABLE_READ.names.iter().position(|n| *n == name)
}

/// The fragment of name `id` ([`fragment_id`]) for `channel` and `tone`:
/// `@name.channel.tone`, else `@name.channel`, else `@name`.
pub fn fragment(id: usize, channel: Channel, tone: Tone) -> Option<&'static Template> {
    let (ch, tone) = (channel.as_str(), tone.as_str());
    let list = TABLE_READ.fragments.get(id)?;
    let wanted = [(ch, tone), (ch, ""), ("", "")];
    let i = wanted
        .iter()
        .find_map(|&(c, t)| list.iter().find(|f| f.0 == c && f.1 == t).map(|f| f.2))?;
    templates().get(i)
}

/// Reads the table as `build.rs` embeds it: the rows, then the text lines
/// of each language in row order (`cn …` lines, `tw …`, `en …`; every row
/// has one line per language, so a text line's place says whose it is).
fn parse() -> Table {
    let table = TABLE;
    let mut out: Vec<Template> = Vec::new();
    // Text lines read so far.
    let mut k = 0;
    for line in table.lines() {
        // An indented text line (`build.rs` indents by one space): a
        // two-letter language tag, a space, the text.
        if let Some(body) = line.strip_prefix(' ') {
            let rows = out.len().max(1);
            let slot = out
                .get_mut(k % rows)
                .and_then(|t| t.texts.get_mut(k / rows));
            if let Some(slot) = slot {
                *slot = body.get(3..).unwrap_or("");
            }
            k += 1;
            continue;
        }
        let mut f = line.split_whitespace();
        let id = f.next().unwrap_or_default();
        // One digit, 1-9.
        let prio = match f.next().map(str::as_bytes) {
            Some([d @ b'0'..=b'9']) => d - b'0',
            _ => 0,
        };
        let (angle, channels, occasions) = (
            f.next().unwrap_or(""),
            f.next().unwrap_or(""),
            f.next().unwrap_or("*"),
        );
        let reasons = f.next().unwrap_or("*");
        out.push(Template {
            id,
            prio,
            angle,
            channels,
            occasions,
            reasons,
            texts: [""; 3],
            reason_set: reason_set(reasons),
            channel_set: channel_set(channels),
            occasion_set: occasion_set(occasions),
            programs: [None, None, None],
        });
    }
    let mut names: Vec<&'static str> = Vec::new();
    let mut fragments: Vec<Vec<(&'static str, &'static str, usize)>> = Vec::new();
    for (i, t) in out.iter().enumerate() {
        if let Some(id) = t.id.strip_prefix('@') {
            let mut parts = id.splitn(3, '.');
            let name = parts.next().unwrap_or("");
            let channel = parts.next().unwrap_or("");
            let tone = parts.next().unwrap_or("");
            let k = names.iter().position(|n| *n == name).unwrap_or_else(|| {
                names.push(name);
                fragments.push(Vec::new());
                names.len() - 1
            });
            if let Some(list) = fragments.get_mut(k) {
                list.push((channel, tone, i));
            }
        }
    }
    let id = |name: &str| names.iter().position(|n| *n == name);
    for t in &mut out {
        for (program, text) in t.programs.iter_mut().zip(t.texts) {
            *program = (!text.is_empty())
                .then(|| fill::compile(text, true, &id))
                .flatten();
        }
    }
    Table {
        templates: out,
        names,
        fragments,
    }
}
