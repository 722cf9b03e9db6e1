//! Candidate reminder lines: the shop's own templates first, then the
//! built-in table (`src/data/templates/`), filled with the facts of the
//! context and picked for different angles (help / benefit / deadline /
//! check / answer).
//!
//! # The table
//! A template is a header line, then one indented text line per locale:
//! ```text
//! id  prio  angle  channels  occasions  reasons
//!   cn zh-CN text
//!   tw zh-TW text (Taiwan usage: 訂單 / 出貨 / 付款 / 7天鑑賞期)
//!   en English text
//! ```
//! - `prio` 1-9, higher is offered first; `angle` is help, benefit,
//!   deadline, check, answer or door_open (offered lines differ in angle).
//! - `channels`: im, sms, phone, comma-separated.
//! - `occasions`: `*` or letters: f first, a address check (核对地址),
//!   u follow-up, l last chance, c campaign wave, n the time the buyer
//!   named, k the buyer named a time after the close, q answer an open
//!   question.
//! - `reasons`: `*` (every reason but changed_mind) or reason codes.
//! - An id starting with `@` is a fragment, used as `{@id}`; `{@x}` takes
//!   `@x.<channel>.<tone>`, else `@x.<channel>`, else `@x`. The greeting
//!   `{hi}` is the fragment `@hi`: tone and channel change it.
//!
//! Text syntax:
//! - `{key}`: a fact; when it is unknown the template is not offered.
//! - `[a|b]`: the first alternative whose facts are all known; if none, nothing.
//! - `{?key}` / `{!key}`: print nothing; need the key known (flag true) /
//!   unknown (flag false).
//!
//! Facts (shop templates use the same `{key}`s, without `[..]`, `?`, `!`,
//! and are offered only when every key in them is known):
//! - `hi` greeting for the channel and tone, with the buyer's name when known
//! - `name` buyer.name, else a short nick; `sir` 王丽女士 / 王丽先生 / 王丽 (SMS);
//!   `callee` the same on the phone, the full name when the gender is unknown
//! - `time` when the order was placed, seen from the send time: 刚刚 / 今天上午 / 昨晚 / 11月20日
//! - `shop`; `item` the first title (等N件 for more; a short title in SMS)
//! - `amount` 263元 / ¥263; `link` shop.paymentLink (appended to IM lines)
//! - `gift` shop.gifts\[0\]; `coupon` one the order reaches (without the
//!   shop's notes in brackets), `deal` the order's price with it taken off; `near` a 满X减Y
//!   coupon the order falls a little short of, `gap` by how much (10元);
//!   `campaign` its name on a campaign day
//! - `close` when the order closes: 今晚10点; `left` time left under 2 hours: 20分钟
//! - `named` the time the buyer said they would pay; `agent`; `optout` (appended to SMS)
//! - flags: sevenDayReturn, sameDayShipping, limitedStock, campaignDay,
//!   returning, firstTime (buyer.returning is false), hesitating (再考虑一下), redo (拍错了 我要110码的),
//!   cardLimit, cardBlocked, noMethod, upgrade (what the buyer said,
//!   `said.tsv`); payHelp
//!   (the answer speaks of how to pay: instalments, cash on delivery, one
//!   payment per order, a bound card, no Alipay); repriced
//!   (the seller changed the price after a bargain, postage or merge request);
//!   waited (the buyer's open message is 5 minutes old or more; waitedLong:
//!   an hour or more; waitedWhile: 20 minutes or more); rushed
//!   (the buyer needs it by a day, `said.tsv`); grief (the buyer lost
//!   someone, `said.tsv`); ownLink (cheaper in another listing of the
//!   shop, `said.tsv`); remindMe (the buyer asked to be reminded at
//!   their time, `said.tsv`); scam (the buyer reports a caller posing as
//!   the shop, `said.tsv`); voice (the buyer's turn is voice messages
//!   only, `said.tsv`); noQin (the buyer objects to being called 亲,
//!   `said.tsv`: an apology, and no ～ in the lines); appeal (the buyer's
//!   payment account is restricted pending an appeal, `said.tsv`); goodNews
//!   and setback (the buyer cancels for good or bad news, `said.tsv`); decides
//!   (the buyer puts off deciding till the time they named, `said.tsv`); image
//!   (the buyer sent a picture, `said.tsv`); askToAsk (the buyer means to
//!   ask but has not said what, `said.tsv`); stillDeciding (still deciding
//!   after a reminder, and no more go out); stopped (no reminder goes out:
//!   a goodbye); quiet (the first word on a
//!   silent order with time to spare: no payment probe, no close time)

pub mod answer;
pub mod facts;
pub mod fill;
pub mod pinyin;
pub mod table;

use std::cmp::Reverse;

use chrono::{DateTime, FixedOffset};

use super::error::Error;
use super::input::{parse_time, Input};
use super::lint::sms_limit;
use super::model::{Channel, Line, Locale, ReasonCode, ShopTemplate, Tone};
use super::reason::Analysis;
use super::timing::{Occasion, Timing};

pub use crate::core::input::{check_templates, SHOP_KEYS};
pub use answer::line_locale;
pub use facts::Facts;
pub use fill::{render, Env};
use fill::{render_parts, Seg};
pub use table::{templates, Template};

/// What the lines are for.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    /// The checked context.
    pub input: &'a Input<'a>,
    /// The reason found.
    pub reason: ReasonCode,
    /// The channel chosen.
    pub channel: Channel,
    /// The tone chosen.
    pub tone: Tone,
    /// What the chat says (evidence, open question, named time).
    pub analysis: &'a Analysis,
    /// When and why (occasion, close time, send time).
    pub timing: &'a Timing,
}

/// Ways an SMS is shortened until it fits one message, in order.
/// The last one names neither shop nor item: only for a shop name too long
/// for any SMS.
const SMS_FITS: [u8; 6] = [
    0,
    fill::HIDE_TIME,
    fill::HIDE_ITEM,
    fill::HIDE_TIME | fill::HIDE_ITEM,
    fill::HIDE_TIME | fill::HIDE_SHOP,
    fill::HIDE_TIME | fill::HIDE_SHOP | fill::HIDE_ITEM,
];

/// Adds what every line of the channel carries: the payment link on IM,
/// the opt-out suffix on SMS.
fn finish(mut text: String, env: &Env) -> String {
    let f = env.facts;
    match env.channel {
        Channel::Im => {
            if let Some(link) = f.link.as_deref().filter(|l| !text.contains(l)) {
                match env.fragment("link", 0) {
                    Some(l) => {
                        text.push('\n');
                        text.push_str(&l);
                    }
                    None => {
                        text.push('\n');
                        text.push_str(link);
                    }
                }
            }
        }
        Channel::Sms => {
            if let Some(o) = f.optout.as_deref().filter(|o| !text.contains(o)) {
                if env.locale == Locale::En {
                    text.push(' ');
                }
                text.push_str(o);
            }
        }
        Channel::Phone => {}
    }
    text
}

/// Renders one text for the channel; SMS drops the order time, the item or
/// the shop name until the message fits, and gives up if it never does.
pub fn render_line(text: &str, env: &Env, groups: bool) -> Option<String> {
    let parts = fill::compile(text, groups, &table::fragment_id)?;
    render_line_after(&parts, env, &greeting(env))
}

/// The greeting alone as a line of `env`'s channel (what a line says when
/// every part of it fell away); `None` on SMS, where no line is checked
/// against it.
fn greeting(env: &Env) -> Option<String> {
    if env.channel == Channel::Sms {
        return None;
    }
    env.fragment("hi", 0).map(|h| finish(h, env))
}

/// [`render_line`] of a text read into its parts, with the [`greeting`]
/// of `env` already rendered: the lines of one choice share it.
fn render_line_after(parts: &[Seg], env: &Env, hi: &Option<String>) -> Option<String> {
    if env.channel != Channel::Sms {
        // A line whose every part fell away but the greeting says nothing.
        return render_parts(parts, env, 0)
            .map(|t| finish(t, env))
            .filter(|t| hi.as_deref().is_none_or(|h| t.trim() != h.trim()));
    }
    SMS_FITS.iter().find_map(|&hide| {
        let e = Env { hide, ..*env };
        render_parts(parts, &e, 0)
            .map(|t| finish(t, &e))
            .filter(|t| t.chars().count() <= sms_limit(t))
    })
}

fn shop_template_fits(t: &ShopTemplate, req: &Request, loc: Locale) -> bool {
    t.channel.is_none_or(|c| c == req.channel)
        && t.reason.is_none_or(|r| r == req.reason)
        && t.locale.is_none_or(|l| l == loc)
}

/// The moment the lines are worded for: `linesAt`, else the send time
/// (never before `now`).
///
/// # Errors
/// `invalid_time` for a malformed `linesAt`.
pub fn words_at(req: &Request) -> Result<DateTime<FixedOffset>, Error> {
    let input = req.input;
    match input.ctx.lines_at.as_deref() {
        Some(s) => Ok(parse_time("linesAt", s)?.with_timezone(&input.tz)),
        None => Ok(req.timing.send_at.unwrap_or(input.now).max(input.now)),
    }
}

/// What the table's lines are chosen from.
struct Choice<'a> {
    req: &'a Request<'a>,
    facts: &'a Facts,
    env: &'a Env<'a>,
    order: &'a [u8; 5],
    bonus: &'a [i32; 5],
    /// Lines already offered (the shop's own).
    have: usize,
}

impl Choice<'_> {
    /// The table's lines for this request, best first; with `reply`, only
    /// those a reply may carry ([`fits_reply`]).
    fn pick(&self, reply: bool) -> Vec<(&'static Template, String)> {
        let (req, facts, env, loc) = (self.req, self.facts, self.env, self.env.locale);
        // `bounded`: SMS lines must fit one message. When none does (an English
        // SMS naming a Chinese shop goes out as UCS-2, 70 characters), the
        // shortest forms are offered rather than nothing.
        let bare = Env {
            hide: SMS_FITS.last().copied().unwrap_or_default(),
            ..*env
        };
        // The templates that fit, best score first (the table order breaks
        // ties: the sort is stable). A template is rendered only when the
        // choice below reaches it: most never are.
        let mut fitting: Vec<(i32, &'static Template, Option<&'static [Seg<'static>]>)> =
            Vec::new();
        for t in templates() {
            // The set lookups first: most templates are for other
            // channels, reasons or occasions.
            let fits = t.has_channel(req.channel)
                // A buyer still thinking it over gets the usual lines
                // (000: leave room, don't push), not the goodbye.
                && (t.has_reason(req.reason)
                    || facts.hesitating
                        && (t.has_reason(ReasonCode::Unknown)
                            || t.has_reason(ReasonCode::ChangedMind)))
                && t.has_occasion(req.timing.occasion)
                && !t.is_fragment()
                && t.angle != "thanks"
                && t.angle != "sorry"
                && t.angle != "reorder"
                // No address-check chase on a buyer thinking it over (000).
                && !(facts.hesitating && t.angle == "check" && req.channel == Channel::Im)
                && (!reply || fits_reply(t, facts, req.reason));
            if !fits || t.text(loc).is_none() {
                continue;
            }
            let src = t.program(loc);
            let letter = angle_letter(t.angle);
            let b = self
                .order
                .iter()
                .position(|a| *a == letter)
                .and_then(|p| self.bonus.get(p))
                .copied()
                .unwrap_or(0);
            fitting.push((i32::from(t.prio) * 10 + b, t, src));
        }
        fitting.sort_by_key(|(score, _, _)| Reverse(*score));

        let target: usize = if req.channel == Channel::Im { 4 } else { 3 };
        let want = target.saturating_sub(self.have).max(1);
        // Too few angles: fill with the next best lines, up to three; with no
        // known cause, up to the channel's count (IM offers four: 001 大众型 /
        // 个性型). A named cause gets no generic "遇到什么问题了?" padding.
        let open = matches!(req.reason, ReasonCode::SilentOrder | ReasonCode::Unknown);
        let fill_to = if open { target } else { 3 };
        let hi = greeting(env);
        let mut picked = pick(&fitting, want, fill_to - fill_to.min(self.have), |src| {
            render_line_after(src?, env, &hi)
        });
        if picked.is_empty() && self.have == 0 && req.channel == Channel::Sms {
            picked = pick(&fitting, want, fill_to, |src| {
                render_parts(src?, &bare, 0).map(|x| finish(x, &bare))
            });
        }
        picked
    }
}

/// A reply (an answer to the buyer's question, or to the time they named)
/// is a reply: its alternatives answer, they do not remind. The general
/// reminders of every occasion (a deadline, a check, a benefit) are left
/// for the reminder after it (002: 答非所问; 000: don't push), except the
/// close when under two hours are left, and what the order comes with when
/// the buyer asks about the price or offers.
fn fits_reply(t: &Template, facts: &Facts, reason: ReasonCode) -> bool {
    t.occasions != "*"
        || match t.angle {
            "deadline" => facts.left.is_some(),
            "check" => false,
            // 能便宜点吗 / 别家更便宜: what the order comes with is the answer.
            "benefit" => matches!(
                reason,
                ReasonCode::PriceBargain | ReasonCode::ComparingShops | ReasonCode::GiftOrPromo
            ),
            _ => true,
        }
}

/// The letter of a table angle in [`angle_order`]: help, benefit,
/// deadline, check, answer; 0 for the others.
fn angle_letter(angle: &str) -> u8 {
    match angle {
        "help" => b'h',
        "benefit" => b'b',
        "deadline" => b'd',
        "check" => b'c',
        "answer" => b'a',
        _ => 0,
    }
}

/// Angles (as [`angle_letter`]s) in the order this situation wants them,
/// and whether the first one must lead (an explicit occasion or little
/// time left).
fn angle_order(req: &Request, facts: &Facts) -> ([u8; 5], bool) {
    let urgent = facts.left.is_some() || req.tone == Tone::Urgent;
    let (mut order, explicit) = match req.timing.occasion {
        // Still thinking it over (000: leave room): help, no address check;
        // a question asked beside it is answered first (002: 答非所问).
        _ if facts.hesitating && facts.answer.is_some() => (*b"ahbdc", true),
        _ if facts.hesitating => (*b"hbadc", true),
        Occasion::AddressCheck => (*b"cahbd", true),
        // A phone number in the address with a digit too few: the address
        // check asks the buyer to look at it.
        _ if req.input.bad_phone().is_some() => (*b"cahbd", true),
        Occasion::LastChance => (*b"dhbac", true),
        Occasion::CampaignWave => (*b"dbhac", true),
        Occasion::BuyerNamedTime => (*b"hdbac", true),
        // A question asked beside the time: its answer leads.
        Occasion::NamedReply if facts.answer.is_some() => (*b"ahdbc", true),
        Occasion::NamedReply => (*b"hdbac", true),
        Occasion::NamedAfterClose => (*b"dhbac", true),
        Occasion::Answer => (*b"ahbdc", true),
        Occasion::FollowUp => (*b"hbdac", false),
        _ if req.reason == ReasonCode::SilentOrder => (*b"chbda", false),
        _ => (*b"habdc", false),
    };
    // The last reminder the cap allows says when the order closes (004:
    // the close; 001: the reminder before it).
    let last =
        !req.timing.reply && req.input.reminders.len() + 1 >= crate::core::timing::cap(req.input);
    let lead = urgent || facts.campaign_on || last;
    if lead && req.timing.occasion != Occasion::Answer {
        // The deadline first, the others in their order (every order
        // holds each angle once).
        let mut rest = order.iter().filter(|a| **a != b'd');
        let mut lead = [b'd'; 5];
        for slot in lead.iter_mut().skip(1) {
            if let Some(&a) = rest.next() {
                *slot = a;
            }
        }
        order = lead;
    }
    (order, explicit || urgent)
}

/// The lines to offer from `fitting` (best first), each rendered by `draw`
/// only when the choice reaches it: first the best line of each angle, up
/// to `want`; then, while fewer than `fill_to`, the next best of any angle.
/// In score order.
fn pick(
    fitting: &[(i32, &'static Template, Option<&'static [Seg<'static>]>)],
    want: usize,
    fill_to: usize,
    draw: impl Fn(Option<&'static [Seg<'static>]>) -> Option<String>,
) -> Vec<(&'static Template, String)> {
    // Each template's line once drawn (`None`: not yet; `Some(None)`: no
    // line, a fact it needs is unknown), and whether it is taken.
    let mut drawn: Vec<(Option<Option<String>>, bool)> = vec![(None, false); fitting.len()];
    let mut angles: Vec<&str> = Vec::new();
    // Two templates may read the same for a context: offered once.
    let mut seen: Vec<String> = Vec::new();
    let mut fresh = |line: &Option<String>| match line {
        Some(l) if !seen.contains(l) => {
            seen.push(l.clone());
            true
        }
        _ => false,
    };
    let mut added = 0;
    for ((_, t, src), (text, taken)) in fitting.iter().zip(drawn.iter_mut()) {
        if added >= want {
            break;
        }
        if !angles.contains(&t.angle) && fresh(text.get_or_insert_with(|| draw(*src))) {
            *taken = true;
            angles.push(t.angle);
            added += 1;
        }
    }
    for ((_, _, src), (text, taken)) in fitting.iter().zip(drawn.iter_mut()) {
        if added >= fill_to {
            break;
        }
        if !*taken && fresh(text.get_or_insert_with(|| draw(*src))) {
            *taken = true;
            added += 1;
        }
    }
    fitting
        .iter()
        .zip(drawn)
        .filter_map(|((_, t, _), (text, taken))| Some((*t, text.flatten().filter(|_| taken)?)))
        .collect()
}

/// The thank-you lines for a buyer who has paid and wrote since the agent
/// last did (刚付了): thanks and what happens next, on IM, best first.
pub fn thanks(req: &Request) -> Result<Vec<Line>, Error> {
    by_angle(req, "thanks")
}

/// The apology to a buyer who asked for no more reminders (再催就不要了,
/// 别再发了) and wrote since the agent last did: sorry, no more reminders,
/// pay whenever suits them; on IM, best first.
pub fn sorry(req: &Request) -> Result<Vec<Line>, Error> {
    by_angle(req, "sorry")
}

/// The word to a buyer who wrote after the order closed unpaid (我那个订单
/// 怎么没了): it closed, and ordering again is how to buy; on IM, best first.
pub fn reorder(req: &Request) -> Result<Vec<Line>, Error> {
    by_angle(req, "reorder")
}

/// What the lint finds that no line may say (004: 极限词, delivery
/// promises; 000: pressure, arguing, rudeness): a shop's own template that
/// says it (全网最低价，错过等一年！赶紧付款吧) is not offered.
fn forbidden(line: &str, loc: Locale) -> bool {
    let options = crate::core::model::LintOptions {
        locale: Some(loc),
        ..Default::default()
    };
    crate::core::lint::lint(line, &options).is_ok_and(|found| {
        found.iter().any(|w| {
            matches!(
                w.code.as_str(),
                "extreme_word" | "delivery_promise" | "pressure" | "argue" | "rude"
            )
        })
    })
}

/// The lines of one angle that is offered on its own (`thanks`, `sorry`,
/// `reorder`).
fn by_angle(req: &Request, angle: &str) -> Result<Vec<Line>, Error> {
    let input = req.input;
    let loc = line_locale(input);
    let facts = Facts::read(req, loc, words_at(req)?);
    let env = Env {
        locale: loc,
        channel: Channel::Im,
        tone: req.tone,
        facts: &facts,
        hide: 0,
    };
    let mut out: Vec<Line> = Vec::new();
    for t in templates().iter().filter(|t| t.angle == angle) {
        let Some(text) = t
            .program(loc)
            .and_then(|src| render_line_after(src, &env, &greeting(&env)))
        else {
            continue;
        };
        if !out.iter().any(|l| l.text == text) {
            out.push(Line {
                text,
                template_id: t.id.into(),
                angle: t.angle.into(),
            });
        }
    }
    Ok(out)
}

/// At least three lines for `req` (one polite line when the buyer changed
/// their mind), best first, in different angles.
///
/// # Errors
/// `invalid_template` when a shop template is malformed.
pub fn candidates(req: &Request) -> Result<Vec<Line>, Error> {
    let input = req.input;
    let shop_templates: &[ShopTemplate] = input
        .ctx
        .shop
        .as_ref()
        .map(|s| s.templates.as_slice())
        .unwrap_or(&[]);
    check_templates(shop_templates)?;
    let loc = line_locale(input);
    let facts = Facts::read(req, loc, words_at(req)?);
    let env = Env {
        locale: loc,
        channel: req.channel,
        tone: req.tone,
        facts: &facts,
        hide: 0,
    };
    let mut out: Vec<Line> = Vec::new();
    if req.reason != ReasonCode::ChangedMind {
        for t in shop_templates {
            if !shop_template_fits(t, req, loc) {
                continue;
            }
            if out.len() >= 3 {
                break;
            }
            if let Some(text) = render_line(&t.text, &env, false).filter(|l| !forbidden(l, loc)) {
                out.push(Line {
                    text,
                    template_id: t.id.clone(),
                    angle: "shop".into(),
                });
            }
        }
    }

    let (order, explicit) = angle_order(req, &facts);
    let bonus: [i32; 5] = if explicit {
        [70, 35, 15, 5, 0]
    } else {
        [30, 20, 10, 5, 0]
    };
    // The message at the send time is a reply (to a question, to a time
    // the buyer named); when no reply line fits, the usual lines stand.
    // A call or a text is a reminder in itself: only IM replies are narrowed.
    let reply = req.channel == Channel::Im
        && (req.timing.reply
            || matches!(req.timing.occasion, Occasion::Answer | Occasion::NamedReply));
    let choice = Choice {
        req,
        facts: &facts,
        env: &env,
        order: &order,
        bonus: &bonus,
        have: out.len(),
    };
    let mut picked = choice.pick(reply);
    if picked.is_empty() && reply {
        picked = choice.pick(false);
    }
    out.extend(picked.into_iter().map(|(t, text)| Line {
        text,
        template_id: t.id.into(),
        angle: t.angle.into(),
    }));
    // 能不能别一口一个亲: a plain register, no playful ～.
    if req.analysis.signals.said.no_qin {
        for l in &mut out {
            l.text = plain_register(&l.text);
        }
    }
    Ok(out)
}

/// `text` without the playful ～ a buyer who objects to 亲 does not want:
/// ending a sentence it becomes a full stop, after another mark it goes.
fn plain_register(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '～' {
            if !out.ends_with(['。', '！', '？', '，', '：', '；']) {
                out.push('。');
            }
        } else {
            out.push(c);
        }
    }
    out
}
