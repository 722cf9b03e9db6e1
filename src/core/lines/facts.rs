//! The facts a line may state, read from the context: the four elements
//! (person, time, place, matter: 人物 时间 地点 事情, 001) and what the shop
//! really offers. Anything unknown stays `None`, so no line invents it.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, FixedOffset};
use foldhash::fast::FixedState;

use super::super::model::{Channel, Gender, Locale, ReasonCode};
use super::Request;
use crate::core::clock;
use crate::core::timing::Occasion;

/// Facts for filling templates; `None` is unknown, flags are plain bools.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// Buyer's name (buyer.name, else a short nick).
    pub name: Option<String>,
    /// Written form of address (SMS): 王女士 / 王先生 / 王丽.
    pub sir: Option<String>,
    /// Spoken form of address (phone): [`Facts::sir`], or the full name (王丽)
    /// when the gender is unknown.
    pub callee: Option<String>,
    /// When the order was placed, seen from the send time (今天上午).
    pub time: Option<String>,
    /// Shop name.
    pub shop: Option<String>,
    /// First item title, quoted when long, with 等N件 for more.
    pub item: Option<String>,
    /// A title short enough for one SMS, if there is one.
    pub item_sms: Option<String>,
    /// Order amount (263元 / ¥263).
    pub amount: Option<String>,
    /// Payment link.
    pub link: Option<String>,
    /// A gift the shop really offers.
    pub gift: Option<String>,
    /// A coupon the shop really offers.
    pub coupon: Option<String>,
    /// The order's price with `coupon` taken off (263元 with 满259减10:
    /// 253元), when the coupon says how much.
    pub deal: Option<String>,
    /// A 满X减Y coupon the order falls a little short of (满199减20 for a
    /// 189元 order), with `gap`, what it lacks (10元).
    pub near: Option<String>,
    /// What the order lacks to reach `near` (10元).
    pub gap: Option<String>,
    /// Campaign name on a campaign day.
    pub campaign: Option<String>,
    /// When the order closes (今晚10点).
    pub close: Option<String>,
    /// Time left when under two hours (20分钟).
    pub left: Option<String>,
    /// The time the buyer said they would pay.
    pub named: Option<String>,
    /// Agent's name.
    pub agent: Option<String>,
    /// SMS opt-out suffix.
    pub optout: Option<String>,
    /// The answer to the buyer's open questions (or a slot for the agent).
    pub answer: Option<String>,
    /// The order's shipping address, to check with the buyer.
    pub address: Option<String>,
    /// When orders leave (`shop.shipping.dispatch`: 付款后48小时内发货), in a
    /// Chinese line only, without its closing mark.
    pub dispatch: Option<String>,
    /// The shop offers 7-day returns.
    pub seven_day_return: bool,
    /// The shop ships on the day of payment.
    pub same_day_shipping: bool,
    /// Campaign stock is really short.
    pub limited_stock: bool,
    /// A campaign runs on the send day.
    pub campaign_on: bool,
    /// The buyer has bought here before.
    pub returning: bool,
    /// The buyer is known to be new (buyer.returning is false).
    pub first_time: bool,
    /// The buyer is still thinking it over (再考虑一下), not declining.
    pub hesitating: bool,
    /// The order is the wrong variant and the buyer wants the right one.
    pub redo: bool,
    /// The item comes in sizes or colours (`items[].facts`), so helping
    /// the buyer choose one is an answer.
    pub sized: bool,
    /// The time the buyer named falls after the order closes.
    pub named_late: bool,
    /// The buyer said their card's limit stops the payment (`said.tsv`).
    pub card_limit: bool,
    /// The buyer said their card cannot pay at all: expired, frozen, not
    /// open for online payments (`said.tsv`).
    pub card_blocked: bool,
    /// The buyer said they have no card or wallet to pay with (`said.tsv`).
    pub no_method: bool,
    /// The buyer's bank or payment system is being upgraded (`said.tsv`).
    pub upgrade: bool,
    /// The seller changed the price after the buyer bargained, asked about
    /// postage or merging (`order.termsChangedAt`): the order is ready.
    pub repriced: bool,
    /// The buyer has waited for an answer: their oldest message since the
    /// agent last wrote is [`WAITED_MINUTES`] old or more (or has no time).
    pub waited: bool,
    /// The same wait has lasted [`WAITED_LONG_MINUTES`] or more.
    pub waited_long: bool,
    /// The same wait has lasted [`WAITED_WHILE_MINUTES`] or more: an
    /// answer says sorry for the slow reply.
    pub waited_while: bool,
    /// That oldest message was written yesterday (local day): the reply
    /// says 昨天, not 刚才.
    pub waited_overnight: bool,
    /// The buyer needs the item by a day (`said.tsv`).
    pub rushed: bool,
    /// The buyer lost someone (`said.tsv`): condolences, no selling.
    pub grief: bool,
    /// The buyer found it cheaper in another listing of this shop.
    pub own_link: bool,
    /// `name` is a 先生/女士 form (王女士): no playful ～ after it.
    pub titled: bool,
    /// The answer speaks of how to pay (instalments, cash on delivery, one
    /// payment per order, a bound card is safe, no Alipay needed).
    pub pay_help: bool,
    /// The first word on a silent order, with time to spare: no payment
    /// probe and no close time yet (000: 这里不要直接让买家付款).
    pub quiet: bool,
    /// The buyer, called before, just asked for IM only (刚才是你们打的电话吧
    /// 以后别打电话了): say sorry for the call first.
    pub call_sorry: bool,
    /// The buyer asked to be reminded at their time (到时候提醒我一下):
    /// the reply says it will.
    pub remind_me: bool,
    /// The buyer reports a caller posing as the shop (`said.tsv` scam).
    pub scam: bool,
    /// The buyer's turn is voice messages only (`said.tsv` voice).
    pub voice: bool,
    /// The buyer says they have paid, and the order shows unpaid.
    pub paid_said: bool,
    /// The buyer objects to being called 亲 (`said.tsv` noQin).
    pub no_qin: bool,
    /// The buyer's payment account is restricted pending an appeal
    /// (`said.tsv` appeal): wait for it, no screenshot asked.
    pub appeal: bool,
    /// The buyer cancels for good news (`said.tsv` goodNews): congratulate.
    pub good_news: bool,
    /// The buyer cancels for bad news (`said.tsv` setback): sorry first.
    pub setback: bool,
    /// The buyer puts off deciding till the time they named (`said.tsv`
    /// decides): deciding then is fine.
    pub decides: bool,
    /// The buyer sent a picture since the agent last wrote (`said.tsv`
    /// image): the agent looks at it and answers.
    pub image: bool,
    /// The buyer means to ask but has not said what, and shows nothing
    /// else (`said.tsv` askToAsk): sorry for the wait, what would they
    /// like to know.
    pub ask_to_ask: bool,
    /// The buyer is still deciding after a reminder and no more go out
    /// (`shop.remindStillDeciding` false): take your time.
    pub still_deciding: bool,
    /// No reminder goes out (`stop`): a goodbye, never a reminder.
    pub stopped: bool,
    /// The buyer has been reminded: a reminder was sent, or the agent
    /// wrote of paying. A goodbye says sorry for reminders only then.
    pub reminded: bool,
}

/// A buyer's words that say they have been chased already (别再发了, 别催了,
/// stop texting me), unlike a wish said before any reminder (这单先别催).
const CHASED: [&str; 22] = [
    "别再",
    "不要再",
    "别催了",
    "不要催了",
    "再催",
    "一直发",
    "一直催",
    "老是",
    "天天",
    "又发",
    "又打",
    "有完没完",
    "很烦",
    "很煩",
    "別再",
    "again",
    "keep ",
    "stop texting",
    "stop messaging",
    "stop sending",
    "stop reminding",
    "no more reminders",
];

/// A 满X减Y coupon is within reach when the order lacks at most this share
/// of X (10元 of 199): worth adding a small item for.
pub const NEAR_COUPON_SHARE: f64 = 0.2;

/// Minutes after which a reply is late enough to apologise for (002: 回复
///要及时; a quick reply needs no 久等).
pub const WAITED_MINUTES: i64 = 5;

/// Minutes after which the wait calls for more than 久等: 真的很抱歉，让您
/// 等了这么久 (002: 回复要及时).
pub const WAITED_LONG_MINUTES: i64 = 60;

/// Minutes after which an answer says sorry for the slow reply (不好意思，
/// 回复晚了): the X1 supervisor wanted it after waits of 23 to 50 minutes
/// (002: 回复要及时).
pub const WAITED_WHILE_MINUTES: i64 = 20;

impl Facts {
    /// The value of `{key}`; `Some("")` for a true flag.
    pub fn get(&self, key: &str) -> Option<&str> {
        let text = match key {
            "name" => &self.name,
            "sir" => &self.sir,
            "callee" => &self.callee,
            "time" => &self.time,
            "shop" => &self.shop,
            "item" => &self.item,
            "amount" => &self.amount,
            "link" => &self.link,
            "gift" => &self.gift,
            "coupon" => &self.coupon,
            "deal" => &self.deal,
            "near" => &self.near,
            "gap" => &self.gap,
            "campaign" => &self.campaign,
            "close" => &self.close,
            "left" => &self.left,
            "named" => &self.named,
            "agent" => &self.agent,
            "optout" => &self.optout,
            "answer" => &self.answer,
            "address" => &self.address,
            "dispatch" => &self.dispatch,
            _ => {
                let flag = match key {
                    "sevenDayReturn" => self.seven_day_return,
                    "sameDayShipping" => self.same_day_shipping,
                    "limitedStock" => self.limited_stock,
                    "campaignDay" => self.campaign_on,
                    "returning" => self.returning,
                    "firstTime" => self.first_time,
                    "hesitating" => self.hesitating,
                    "redo" => self.redo,
                    "sized" => self.sized,
                    "namedLate" => self.named_late,
                    "cardLimit" => self.card_limit,
                    "cardBlocked" => self.card_blocked,
                    "payHelp" => self.pay_help,
                    "noMethod" => self.no_method,
                    "upgrade" => self.upgrade,
                    "repriced" => self.repriced,
                    "waited" => self.waited,
                    "waitedLong" => self.waited_long,
                    "waitedWhile" => self.waited_while,
                    "waitedOvernight" => self.waited_overnight,
                    "rushed" => self.rushed,
                    "grief" => self.grief,
                    "ownLink" => self.own_link,
                    "titled" => self.titled,
                    "quiet" => self.quiet,
                    "callSorry" => self.call_sorry,
                    "remindMe" => self.remind_me,
                    "scam" => self.scam,
                    "voice" => self.voice,
                    "paidSaid" => self.paid_said,
                    "noQin" => self.no_qin,
                    "appeal" => self.appeal,
                    "decides" => self.decides,
                    "goodNews" => self.good_news,
                    "setback" => self.setback,
                    "image" => self.image,
                    "askToAsk" => self.ask_to_ask,
                    "stillDeciding" => self.still_deciding,
                    "stopped" => self.stopped,
                    "reminded" => self.reminded,
                    _ => false,
                };
                return flag.then_some("");
            }
        };
        text.as_deref()
    }

    /// Reads the facts of a request, worded in `loc` for the moment `at`
    /// (see [`super::words_at`]).
    pub fn read(req: &Request, loc: Locale, at: DateTime<FixedOffset>) -> Facts {
        let input = req.input;
        let s = &input.settings;
        // A fee on its own line (木架防震包装费, 运费补差价) is no item to name.
        let goods: Vec<_> = input
            .items()
            .iter()
            .filter(|i| !fee_line(&i.title))
            .collect();
        let items = if goods.is_empty() {
            input.items().iter().collect()
        } else {
            goods
        };
        let title = items
            .first()
            .map(|i| i.title.trim())
            .filter(|t| !t.is_empty());
        let more = items.len().saturating_sub(1);
        // An English line does not quote a Chinese title (the order, it).
        let spoken = title
            .filter(|t| readable(loc, t))
            .map(|t| spoken_name(loc, t));
        // 二幼-陈老师: the form of address at the end of a nick.
        let addressed = input.buyer_nick.and_then(address_in_nick);
        let nick = input.buyer_nick.filter(|n| human_nick(n)).or(addressed);
        let formal = input
            .buyer_name
            .filter(|_| loc != Locale::En)
            .and_then(|n| input.gender.map(|g| sir(loc, n, Some(g))));
        // 王丽女士 when the gender is known, else the nick, else the name as given.
        let name = formal
            .clone()
            .or_else(|| nick.map(str::to_string))
            .or_else(|| input.buyer_name.map(|n| given_name(loc, n).to_string()));
        let close = req.timing.closes_at;
        let crate::core::reason::said::Said {
            card_limit,
            card_blocked,
            no_method,
            thinking,
            upgrade,
            rushed,
            business: _,
            call_me: _,
            im_only: _,
            redo,
            grief,
            own_link,
            remind_me,
            scam,
            voice_only,
            paid_said,
            no_qin,
            appeal,
            good_news,
            setback,
            decides,
            image,
            ask_to_ask: _,
            not_now: _,
            im_only_now,
        } = req.analysis.signals.said;
        let campaign_on = s.campaign.as_ref().is_some_and(|c| c.runs_at(&at))
            || req.timing.occasion == Occasion::CampaignWave && s.campaign.is_some();
        let campaign = s.campaign.as_ref().filter(|_| campaign_on);
        let left = left(loc, clock::since(&close, &at).num_minutes());
        let close_said = (close > at).then(|| {
            zoned(
                loc,
                clock(loc, close, at),
                close,
                req.channel == Channel::Sms,
            )
        });
        let (answer, asked) = super::answer::answer(req, loc, close_said.as_deref());
        let (answer, pay_help) = answer.map_or((None, false), |a| (Some(a.text), a.pay_help));
        let oldest = oldest_unanswered(input);
        // Only a buyer who asked something, or called for someone, waits
        // for a reply: 我再想想吧 考完再说 is not kept waiting.
        let wait = waiting(oldest, &input.now).filter(|_| {
            asked
                || matches!(
                    req.reason,
                    ReasonCode::WaitingReply | ReasonCode::ServiceUnhappy
                )
        });
        // 差10块凑不够满减: a coupon within reach, and what the order lacks.
        // A coupon the shop limits to a window or a group in its note
        // (直播间口令减30（仅限11月25日直播期间下单）) may not hold for this
        // order: the lines never offer it as current.
        let offered = s.coupon.as_ref().filter(|c| !limited(c));
        let near = offered.and_then(|c| {
            let min = coupon_threshold(c)?;
            let gap = min - input.amount;
            (gap > 0.0 && gap <= min * NEAR_COUPON_SHARE).then(|| (c.clone(), gap))
        });
        // A coupon the order reaches.
        let coupon = offered
            .cloned()
            .filter(|c| coupon_short(c, input.amount).is_none());
        let quiet = req.reason == ReasonCode::SilentOrder
            && matches!(
                req.timing.occasion,
                Occasion::First | Occasion::AddressCheck | Occasion::CampaignWave
            )
            && input.reminders.is_empty()
            && crate::core::timing::cap(input) > 1
            && left.is_none();
        Facts {
            sir: input.buyer_name.map(|n| sir(loc, n, input.gender)),
            callee: input.buyer_name.map(|n| callee(loc, n, input.gender)),
            name,
            time: Some(placed(loc, input.placed_at, at)),
            shop: s.shop_name.clone(),
            item: spoken.map(|t| {
                let second = items.get(1).map(|i| i.title.as_str());
                item(loc, t, second, more)
            }),
            item_sms: spoken.and_then(|t| short_name(loc, t)),
            amount: Some(money(loc, input.amount)),
            link: s.payment_link.clone(),
            // 手提礼袋 (gift bag): the name the line's language reads.
            gift: s
                .gifts
                .first()
                .and_then(|g| in_locale(loc, g))
                .map(str::to_string),
            // A 满X减Y coupon the order does not reach is not offered.
            coupon: coupon.as_deref().map(spoken_coupon),
            deal: coupon
                .as_deref()
                .and_then(coupon_off)
                .filter(|off| *off < input.amount)
                .map(|off| money(loc, input.amount - off)),
            near: near.as_ref().map(|n| n.0.clone()),
            gap: near.map(|n| money(loc, n.1)),
            campaign: campaign.and_then(|c| c.name.clone()),
            // Said once: an answer that tells it (会不会自己关掉) leaves the
            // close out of the rest of the line.
            close: close_said
                .filter(|c| !answer.as_deref().is_some_and(|a| a.contains(c.as_str()))),
            left,
            named: req
                .analysis
                .signals
                .named_time
                .as_ref()
                .and_then(|n| named(loc, n.at, at, &n.text)),
            agent: s.agent_name.clone(),
            optout: s.sms_opt_out.clone(),
            answer,
            pay_help,
            address: input
                .ctx
                .order
                .address
                .as_deref()
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| with_phone_note(loc, a, input.bad_phone())),
            dispatch: input
                .ctx
                .shop
                .as_ref()
                .and_then(|sh| sh.shipping.as_ref())
                .and_then(|sh| sh.dispatch.as_deref())
                .map(|d| {
                    d.trim()
                        .trim_end_matches(['。', '.', '！', '!', '～', '~', '，', ','])
                })
                .filter(|d| !d.is_empty() && loc != Locale::En && after_paying(d))
                .map(str::to_string),
            seven_day_return: s.seven_day_return,
            same_day_shipping: s.same_day_shipping,
            limited_stock: campaign.is_some_and(|c| c.limited_stock),
            campaign_on,
            returning: input.returning,
            first_time: input
                .ctx
                .buyer
                .as_ref()
                .is_some_and(|b| b.returning == Some(false)),
            named_late: req
                .analysis
                .signals
                .named_time
                .as_ref()
                .is_some_and(|n| n.at > close),
            sized: items
                .iter()
                .filter_map(|i| i.facts.as_ref())
                .any(|f| f.sizes.is_some() || f.size_chart.is_some() || f.colours.is_some()),
            // Not when the decision is to stop (老婆不让买 算了吧 别再发了):
            // that buyer gets the goodbye, not room to think.
            hesitating: (req.reason == ReasonCode::ChangedMind || thinking)
                && !redo
                && req.analysis.signals.declined.is_none()
                && req.timing.action != crate::core::model::Action::Stop,
            redo,
            card_limit,
            card_blocked,
            no_method,
            upgrade,
            rushed,
            grief,
            own_link,
            titled: formal.is_some() || addressed.is_some(),
            quiet,
            call_sorry: im_only_now && input.used(Channel::Phone),
            remind_me: remind_me && req.analysis.signals.named_time.is_some(),
            scam,
            voice: voice_only,
            paid_said,
            no_qin,
            appeal,
            good_news,
            setback,
            decides: decides && req.analysis.signals.named_time.is_some(),
            image,
            // The said flag, when nothing else is shown beside it.
            ask_to_ask: crate::core::timing::asks_to_ask(req.analysis),
            stopped: req.timing.action == crate::core::model::Action::Stop,
            reminded: !input.reminders.is_empty()
                // Lower-cased only where an English word is looked for:
                // this reads every message of the chat.
                || input.messages.iter().any(|m| match m.from {
                    crate::core::model::Role::Agent => {
                        m.text.contains('付') || m.text.to_ascii_lowercase().contains("pay")
                    }
                    crate::core::model::Role::Buyer => {
                        let text = m.text.to_ascii_lowercase();
                        CHASED.iter().any(|w| text.contains(w))
                    }
                    crate::core::model::Role::System => false,
                }),
            still_deciding: req.timing.stop == Some(crate::core::timing::Stop::Deciding),
            waited: wait.is_some_and(|m| m >= WAITED_MINUTES),
            waited_long: wait.is_some_and(|m| m >= WAITED_LONG_MINUTES),
            waited_while: wait.is_some_and(|m| m >= WAITED_WHILE_MINUTES),
            waited_overnight: wait.is_some()
                && oldest
                    .and_then(|m| m.at)
                    .is_some_and(|w| clock::days_after(&w, &input.now) == 1),
            repriced: input.terms_changed_at.is_some()
                && matches!(
                    req.reason,
                    ReasonCode::PriceBargain | ReasonCode::ShippingFee | ReasonCode::OrderMerge
                ),
        }
    }
}

/// The address to check, with a word on its mobile number when it has a
/// digit too many or too few (138571260439): the buyer is asked for the
/// right one, so the courier can reach them.
fn with_phone_note(loc: Locale, address: &str, bad: Option<&str>) -> String {
    let Some(phone) = bad else {
        return address.to_string();
    };
    let note = match (loc, phone.len() > 11) {
        (Locale::ZhCn, true) => "（手机号好像多了一位，麻烦您发个正确的号码，免得快递联系不上）",
        (Locale::ZhCn, false) => "（手机号好像少了一位，麻烦您发个正确的号码，免得快递联系不上）",
        (Locale::ZhTw, true) => "（手機號碼好像多了一碼，麻煩您給個正確的號碼，以免物流聯絡不到您）",
        (Locale::ZhTw, false) => "（手機號碼好像少了一碼，麻煩您給個正確的號碼，以免物流聯絡不到您）",
        (Locale::En, true) => " (the phone number seems to have one digit too many: could you send the right one so the courier can reach you?)",
        (Locale::En, false) => " (the phone number seems to be one digit short: could you send the right one so the courier can reach you?)",
    };
    [address, note].concat()
}

/// A nick that reads like a form of address: short (小雨点, not a handle
/// such as 懒猫不想起床 or 加班狗老王), no digits or symbols.
fn human_nick(n: &str) -> bool {
    let count = n.chars().count();
    (1..=4).contains(&count) && n.chars().all(super::super::text::is_letter)
}

/// A surname and a form of address at the end of a nick that is not a
/// name itself (陈老师 of 二幼-陈老师, 王姐 of tuan_王姐): what the buyer
/// calls themselves.
fn address_in_nick(n: &str) -> Option<&str> {
    let start = n
        .char_indices()
        .rev()
        .take_while(|(_, c)| super::super::text::is_han(*c))
        .last()
        .map(|(i, _)| i)?;
    let tail = n.get(start..)?;
    let bare = crate::core::data::ADDRESS
        .lines()
        .any(|w| !w.is_empty() && tail == w);
    ((2..=4).contains(&tail.chars().count()) && is_address(tail) && !bare && start > 0)
        .then_some(tail)
}

/// The written form of address: 王女士 / 欧阳先生 for a Chinese name
/// (seed 010: 张先生; seed 004: “**先生”/“**女士”), the name with 先生/女士
/// for any other; the name alone in English or without a gender.
fn sir(loc: Locale, name: &str, gender: Option<Gender>) -> String {
    let name = name.trim();
    match gender.filter(|_| loc != Locale::En && !is_address(name)) {
        Some(g) => [surname(name).unwrap_or(name), title(loc, g)].concat(),
        None => name.to_string(),
    }
}

/// A name that is a form of address already (周阿姨, 王姐: `address.tsv`).
fn is_address(name: &str) -> bool {
    crate::core::data::ADDRESS
        .lines()
        .any(|w| !w.is_empty() && name.ends_with(w))
}

fn title(loc: Locale, gender: Gender) -> &'static str {
    match (loc, gender) {
        (_, Gender::Male) => "先生",
        (Locale::ZhTw, Gender::Female) => "小姐",
        (_, Gender::Female) => "女士",
    }
}

/// A bare Chinese name of two to four characters (no 阿姨 or 老师 in it).
fn bare_chinese(name: &str) -> bool {
    (2..=4).contains(&name.chars().count())
        && name.chars().all(super::super::text::is_han)
        && !is_address(name)
}

/// The surname of a bare Chinese name: a two-character one
/// (`surnames.tsv`: 欧阳) or the first character.
fn surname(name: &str) -> Option<&str> {
    if !bare_chinese(name) {
        return None;
    }
    let two = crate::core::data::SURNAMES
        .lines()
        .find(|s| !s.is_empty() && name.starts_with(s) && name.len() > s.len());
    two.or_else(|| name.char_indices().nth(1).and_then(|(i, _)| name.get(..i)))
}

/// How the agent asks for the buyer on the phone: the full name with
/// 先生/女士 when the gender is known (seed 001: 请问是王丽女士吗; seed 004:
/// “**先生”/“**女士”); else the full name alone (请问是王丽吗): a script
/// that says 王丽先生/女士 reads as a slash to the one who sends it (review
/// rounds 5, V1); a name that is a form of address already (周阿姨,
/// `address.tsv`) as it is; in English, Mr/Ms and the family name (Mr
/// Wong).
fn callee(loc: Locale, name: &str, gender: Option<Gender>) -> String {
    let name = name.trim();
    match (loc, gender) {
        _ if is_address(name) => name.to_string(),
        (Locale::En, Some(g)) => english_title(name, g).unwrap_or_else(|| name.to_string()),
        (Locale::En, None) | (_, None) => name.to_string(),
        (_, Some(g)) => [name, title(loc, g)].concat(),
    }
}

/// Mr/Ms and the family name of a Latin full name, as an English call
/// asks for the buyer (Daniel Wong, male: Mr Wong); `None` for a single
/// word or a name in another script.
fn english_title(name: &str, gender: Gender) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let family = words.last().filter(|_| words.len() >= 2)?;
    if !name
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-' || c == '\'')
    {
        return None;
    }
    let title = match gender {
        Gender::Male => "Mr",
        Gender::Female => "Ms",
    };
    Some(format!("{title} {family}"))
}

/// What an agent calls the item in a sentence: a Chinese listing title of
/// space-separated keywords ("加绒牛仔裤 女 高腰直筒", "iPhone 15 磨砂防摔手机壳")
/// is named by its first keyword of three Chinese characters or more, where
/// sellers put the item itself (加绒牛仔裤, 磨砂防摔手机壳, 羽绒服女 of
/// "羽绒服女 2026新款 中长款加厚韩版"), else by its longest Chinese keyword;
/// any other title is kept whole.
pub fn spoken_name(loc: Locale, title: &str) -> &str {
    let title = untagged(title);
    if loc == Locale::En {
        // "Silk pillowcase, champagne": the item before the listing's
        // details; "Desk lamp / 智能台灯": before a slash or Chinese words;
        // "Base layer set (top + leggings)": before a bracket.
        let head = title.split([',', '/', '|', '(']).next().unwrap_or(title);
        let head = head
            .split(|c: char| {
                ('\u{2E80}'..='\u{9FFF}').contains(&c) || ('\u{FF00}'..='\u{FFEF}').contains(&c)
            })
            .next()
            .unwrap_or(head)
            .trim();
        return if head.chars().any(|c| c.is_ascii_alphabetic()) {
            head
        } else {
            title
        };
    }
    let han = |w: &&str| w.chars().filter(|c| !c.is_ascii()).count();
    // A word that only describes (日本製, 原创设计, 法式复古) names no item.
    // A brand in Latin letters before its Chinese name (Philips飛利浦) is
    // not the item either; a word that ends in what the item is
    // (LED护眼台灯, Kindle保护套) is.
    let [_, _, skips, nouns, _] = &*TITLE_ENDINGS;
    let brand = |w: &&str| {
        w.chars().take_while(char::is_ascii_alphabetic).count() >= 3 && !ends_in(nouns, w)
    };
    let words = || {
        title
            .split_whitespace()
            .filter(|w| han(w) >= 2 && !ends_in(skips, w) && !brand(w))
    };
    if let Some(head) = words().find(|w| han(w) >= 3) {
        return named_by_noun(unstuffed(head), title);
    }
    let mut best: Option<&str> = None;
    for w in words() {
        if best.is_none_or(|b| han(&w) > han(&b)) {
            best = Some(w);
        }
    }
    named_by_noun(unstuffed(best.unwrap_or(title)), title)
}

/// Whether a fact written by the shop can go into a line of `loc` as it is:
/// any text in a Chinese line; in an English line, one with no Chinese
/// characters (a buyer who writes English is not sent 浙江杭州 or 中通).
pub fn readable(loc: Locale, text: &str) -> bool {
    loc != Locale::En || !text.chars().any(super::super::text::is_han)
}

/// A shop's fact written in two languages, `ZTO Express (中通)` or
/// `中通快递（ZTO）`, as the line's language reads it: the Chinese part for a
/// Chinese line, the other for an English one; the whole text when it is
/// not written so (`德邦物流（大件送货）`). `None` when an English line
/// cannot read it.
pub fn in_locale(loc: Locale, text: &str) -> Option<&str> {
    let text = text.trim();
    let is_han = |t: &str| t.chars().any(super::super::text::is_han);
    let split = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .or_else(|| text.strip_suffix('）').and_then(|t| t.rsplit_once('（')))
        .map(|(a, b)| (a.trim(), b.trim()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty() && is_han(a) != is_han(b));
    match (loc, split) {
        (Locale::En, Some((a, b))) => Some(if is_han(a) { b } else { a }),
        (_, Some((a, b))) => Some(if is_han(a) { a } else { b }),
        _ => Some(text).filter(|t| readable(loc, t)),
    }
}

/// The rows of `titles.tsv`: prefix, cut, skip, noun and tail words.
static TITLE_WORDS: LazyLock<[Vec<&'static str>; 5]> = LazyLock::new(|| {
    let row = |kind: &str| {
        crate::core::data::TITLES
            .lines()
            .filter_map(|l| l.strip_prefix(kind)?.strip_prefix('\t'))
            .flat_map(|w| w.split('|'))
            .filter(|w| !w.is_empty())
            .collect()
    };
    [
        row("prefix"),
        row("cut"),
        row("skip"),
        row("noun"),
        row("tail"),
    ]
});

/// The rows of [`TITLE_WORDS`] as sets, for [`ends_in`].
static TITLE_ENDINGS: LazyLock<[HashSet<&'static str, FixedState>; 5]> =
    LazyLock::new(|| TITLE_WORDS.clone().map(|row| row.into_iter().collect()));

/// Whether `text` ends with a word of `words`: each of its endings looked
/// up once, not each word compared with its end.
fn ends_in(words: &HashSet<&str, FixedState>, text: &str) -> bool {
    text.char_indices()
        .any(|(i, _)| text.get(i..).is_some_and(|end| words.contains(end)))
}

/// `name` cut to what the item is (`titles.tsv` noun and tail): kept when
/// it ends in a noun; cut after the last noun in it that a describing word
/// follows (体脂秤智能 → 体脂秤); when it holds no noun, the first noun that
/// ends a word of `title` (正版授权 of 正版授权 雷电将军 PVC成品手办 → 手办).
fn named_by_noun<'a>(name: &'a str, title: &'a str) -> &'a str {
    let [_, cuts, _, nouns, tails] = &*TITLE_WORDS;
    let [_, _, _, noun_set, _] = &*TITLE_ENDINGS;
    if ends_in(noun_set, name) {
        return name;
    }
    let long = || nouns.iter().filter(|n| n.chars().count() >= 2);
    let describes = |rest: &str| cuts.iter().chain(tails.iter()).any(|w| rest.starts_with(w));
    let cut = long()
        .filter_map(|n| {
            let end = name.rfind(*n)? + n.len();
            describes(name.get(end..)?).then_some(end)
        })
        .max();
    if let Some(end) = cut {
        return name.get(..end).unwrap_or(name);
    }
    if long().any(|n| name.contains(n)) {
        return name;
    }
    title
        .split_whitespace()
        .find_map(|w| {
            long()
                .filter(|n| w.ends_with(*n))
                .max_by_key(|n| n.len())
                .copied()
        })
        .unwrap_or(name)
}

/// A keyword-stuffed Chinese title (2026冬季新款双面羊绒大衣女中长款高级感…)
/// as an agent says it (双面羊绒大衣): without the words that open it
/// (years, seasons, 新款) and cut before the first word that follows the
/// item (女, 中长款, 高级感), from `titles.tsv`. A short name (8 characters
/// or fewer) stays as it is, and so does one the words would leave too short.
fn unstuffed(name: &str) -> &str {
    let [prefixes, cuts, _, _, _] = &*TITLE_WORDS;
    if name.chars().count() <= 8 {
        return name;
    }
    let mut rest = name;
    while let Some(r) = prefixes.iter().find_map(|p| rest.strip_prefix(p)) {
        rest = r;
    }
    // The first cut word at least two characters in.
    let from = rest.char_indices().nth(2).map_or(rest.len(), |(i, _)| i);
    let end = cuts
        .iter()
        .filter_map(|c| rest.get(from..)?.find(c).map(|i| i + from))
        .min()
        .unwrap_or(rest.len());
    let short = rest.get(..end).unwrap_or(rest);
    if short.chars().count() >= 2 && short.chars().all(super::super::text::is_han) {
        short
    } else {
        name
    }
}

/// A listing title without the shop's tags at its ends (【秒杀】羊绒围巾,
/// [新品] 羊绒围巾 【包邮】): an agent names the item, not the listing's
/// labels. The title as given when nothing else is left.
fn untagged(title: &str) -> &str {
    let mut t = title.trim();
    loop {
        let before = t;
        for (open, close) in [('【', '】'), ('[', ']')] {
            if let Some(rest) = t.strip_prefix(open) {
                if let Some((_, after)) = rest.split_once(close) {
                    t = after.trim_start();
                }
            }
            if let Some(rest) = t.strip_suffix(close) {
                if let Some((head, _)) = rest.rsplit_once(open) {
                    t = head.trim_end();
                }
            }
        }
        if t == before {
            break;
        }
    }
    if t.is_empty() {
        title.trim()
    } else {
        t
    }
}

/// Whether an order line is a fee rather than goods: 木架防震包装费,
/// 补运费, 差价专拍, "shipping fee".
fn fee_line(title: &str) -> bool {
    let t = title.trim();
    // memchr's one-off search of a short text sets up nothing, where
    // `str::contains` prepares a two-way searcher for each word.
    t.ends_with('费')
        || ["差价", "补拍", "专拍"]
            .iter()
            .any(|w| memchr::memmem::find(t.as_bytes(), w.as_bytes()).is_some())
        || t.to_ascii_lowercase().ends_with(" fee")
}

/// The order's items as a line names them: `title` is the first item's
/// [`spoken_name`], `second` the second item's title as listed.
fn item(loc: Locale, title: &str, second: Option<&str>, more: usize) -> String {
    // Two items are named both (纯棉四件套和记忆棉枕头), when short.
    if let (1, Some(b)) = (more, second) {
        let (a, b) = (title, spoken_name(loc, b));
        let short = |t: &str| t.chars().count() <= if loc == Locale::En { 30 } else { 8 };
        if short(a) && short(b) && a != b {
            return match loc {
                Locale::En => [sentence_case(a).as_str(), " and ", &sentence_case(b)].concat(),
                _ => [a, "和", b].concat(),
            };
        }
    }
    let quote = loc != Locale::En && title.chars().count() > 12;
    let (open, close) = match loc {
        _ if !quote => ("", ""),
        Locale::ZhTw => ("「", "」"),
        _ => ("“", "”"),
    };
    // "the silk pillowcase": a capital that only starts the listing goes.
    let lower;
    let title = if loc == Locale::En {
        lower = sentence_case(title);
        lower.as_str()
    } else {
        title
    };
    match (more, loc) {
        (0, _) => [open, title, close].concat(),
        (n, Locale::En) => [title, " and ", &n.to_string(), " more"].concat(),
        (n, _) => [open, title, close, "等", &(n + 1).to_string(), "件"].concat(),
    }
}

/// "Silk pillowcase" → "silk pillowcase" for the middle of a sentence; a
/// title with any other capital (Ceramic Teapot, iPhone case, USB hub)
/// stays as it is.
fn sentence_case(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(c) if c.is_ascii_uppercase() && !chars.clone().any(char::is_uppercase) => {
            format!("{}{}", c.to_ascii_lowercase(), chars.as_str())
        }
        _ => title.to_string(),
    }
}

/// A title short enough for an SMS, as agents say it: a Chinese title is
/// named by its keyword for the item ([`spoken_name`]: 车载吸尘器, not
/// 车载吸尘器 无线大吸力); the whole title, or its leading space-separated
/// words when they still name the item (nothing is cut mid-word).
pub fn short_title(loc: Locale, title: &str) -> Option<String> {
    short_name(loc, spoken_name(loc, title))
}

/// [`short_title`] of a title already named by [`spoken_name`].
fn short_name(loc: Locale, title: &str) -> Option<String> {
    let max = if loc == Locale::En { 30 } else { 12 };
    if title.chars().count() <= max {
        return Some(title.to_string());
    }
    let mut out = String::new();
    for w in title.split_whitespace() {
        let len = out.chars().count() + usize::from(!out.is_empty()) + w.chars().count();
        if len > max || (loc != Locale::En && !out.is_empty()) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    (out.chars().count() >= 2).then_some(out)
}

/// The buyer's oldest message since the agent last wrote, if any.
fn oldest_unanswered<'i>(
    input: &'i crate::core::input::Input<'i>,
) -> Option<&'i crate::core::input::Msg<'i>> {
    use crate::core::model::Role;
    input.since_agent().iter().find(|m| m.from == Role::Buyer)
}

/// How long `oldest` (the buyer's oldest message since the agent last
/// wrote) has waited by `now`, in minutes; `None` when there is none (a
/// message without a time counts as waiting long: the reply cannot be
/// said to be quick).
fn waiting(oldest: Option<&crate::core::input::Msg>, now: &DateTime<FixedOffset>) -> Option<i64> {
    oldest.map(|m| {
        m.at.map_or(i64::MAX, |at| clock::since(now, &at).num_minutes())
    })
}

/// Whether the shop's note on a coupon limits it (仅限…期间, 新客专享,
/// members only, until …): whether this order qualifies is the agent's call.
pub fn limited(coupon: &str) -> bool {
    let lower = coupon.to_lowercase();
    let note = lower.split_once(['（', '(']).map_or("", |(_, rest)| rest);
    [
        "仅限", "僅限", "只限", "限时", "限時", "期间", "期間", "截止", "专享", "專享", "only",
        "until", "members",
    ]
    .iter()
    .any(|w| note.contains(w))
}

/// A coupon as said to the buyer: without the shop's own notes in
/// brackets (满259减10（客服改价） → 满259减10).
pub fn spoken_coupon(coupon: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in coupon.chars() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// The amount at the start of `s` (¥199 → 199), above 0.
fn coupon_number(s: &str) -> Option<f64> {
    let digits: String = s
        .trim_start_matches(['¥', '￥', '$', ' '])
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok().filter(|v: &f64| *v > 0.0)
}

/// What a coupon takes off, when it says so: 满259减10 / 滿500折50 → 10,
/// 50; "¥20 off over ¥199" → 20. Not a share (9折, 10% off).
fn coupon_off(coupon: &str) -> Option<f64> {
    if let Some((_, rest)) = coupon.split_once(['满', '滿']) {
        let (_, off) = rest.split_once(['减', '減', '折'])?;
        return coupon_number(off);
    }
    let lower = coupon.to_lowercase();
    let (before, _) = lower.split_once(" off")?;
    let word = before.rsplit(' ').next()?;
    word.contains(['¥', '$', '￥'])
        .then(|| coupon_number(word))
        .flatten()
}

/// What an order of `amount` lacks to reach the spend a coupon needs, when
/// it says one and the order falls short of it.
pub fn coupon_short(coupon: &str, amount: f64) -> Option<f64> {
    coupon_threshold(coupon)
        .map(|min| min - amount)
        .filter(|short| *short > 0.0)
}

/// The spend a coupon needs, when it says so: 满199减20 / 滿500折50 → 199,
/// 500; "¥20 off over ¥199" → 199.
fn coupon_threshold(coupon: &str) -> Option<f64> {
    if let Some((_, rest)) = coupon.split_once(['满', '滿']) {
        return coupon_number(rest);
    }
    let lower = coupon.to_lowercase();
    ["over ", "orders over ", "spend "].iter().find_map(|w| {
        lower
            .split_once(w)
            .and_then(|(_, rest)| coupon_number(rest))
    })
}

/// Money in yuan, with the cents only when there are any.
pub fn money(loc: Locale, yuan: f64) -> String {
    let cents = (yuan * 100.0).round() as i64;
    let (y, c) = (cents / 100, cents % 100);
    let mut out = String::new();
    if loc == Locale::En {
        out.push('¥');
    }
    out.push_str(&y.to_string());
    if c != 0 {
        out.push_str(&format!(".{:02}", c.unsigned_abs()));
    }
    if loc != Locale::En {
        out.push('元');
    }
    out
}

fn part_zh(hour: u32) -> &'static str {
    match hour {
        0..=4 => "凌晨",
        5..=8 => "早上",
        9..=11 => "上午",
        12 => "中午",
        13..=17 => "下午",
        _ => "晚上",
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn date_en(t: DateTime<FixedOffset>) -> String {
    let (_, month, day) = clock::civil(clock::day(&t));
    let m = MONTHS
        .get((month as usize).saturating_sub(1))
        .copied()
        .unwrap_or("");
    format!("{m} {day}")
}

/// When the order was placed, seen from `at`: 刚刚 / 今天上午 / 昨晚 / 11月20日.
pub fn placed(loc: Locale, placed: DateTime<FixedOffset>, at: DateTime<FixedOffset>) -> String {
    let mins = clock::since(&at, &placed).num_minutes();
    let days = clock::days_after(&placed, &at);
    let h = clock::hm(&placed).0;
    if loc == Locale::En {
        return match (mins, days) {
            (0..30, _) => "just now".into(),
            (_, 0) => match h {
                0..=4 => "early this morning",
                5..=11 => "this morning",
                12..=17 => "this afternoon",
                _ => "this evening",
            }
            .into(),
            (_, 1) => match h {
                0..=11 => "yesterday morning",
                12..=17 => "yesterday afternoon",
                _ => "yesterday evening",
            }
            .into(),
            _ => ["on ", &date_en(placed)].concat(),
        };
    }
    if (0..30).contains(&mins) {
        return if loc == Locale::ZhTw {
            "剛剛"
        } else {
            "刚刚"
        }
        .into();
    }
    let evening = h >= 18;
    match days {
        0 if evening => "今晚".into(),
        1 if evening => "昨晚".into(),
        0 => ["今天", part_zh(h)].concat(),
        1 => ["昨天", part_zh(h)].concat(),
        2 => ["前天", part_zh(h)].concat(),
        _ => month_day(placed, ""),
    }
}

/// A moment seen from `at`: 今晚10点 / 明天上午10点半 / 11月27日下午3点; 10 pm today.
/// An English close time with its zone ("10 am tomorrow (Beijing time)",
/// as sellers in China write it to buyers abroad; "(UTC+5:30)" for another
/// offset; "(UTC+8)" in an SMS, where every letter counts): a buyer abroad
/// reads it in their own zone. Chinese lines keep the shop's clock, as
/// agents write it.
fn zoned(loc: Locale, text: String, t: DateTime<FixedOffset>, short: bool) -> String {
    if loc != Locale::En {
        return text;
    }
    let secs = t.offset().local_minus_utc();
    if secs == 8 * 3600 && !short {
        return format!("{text} (Beijing time)");
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let (h, m) = (secs.abs() / 3600, secs.abs() / 60 % 60);
    if m == 0 {
        format!("{text} (UTC{sign}{h})")
    } else {
        format!("{text} (UTC{sign}{h}:{m:02})")
    }
}

pub fn clock(loc: Locale, t: DateTime<FixedOffset>, at: DateTime<FixedOffset>) -> String {
    let days = clock::days_after(&at, &t);
    let (h, m) = clock::hm(&t);
    if loc == Locale::En {
        let h12 = match h % 12 {
            0 => 12,
            x => x,
        };
        let ampm = if h < 12 { "am" } else { "pm" };
        let mut out = h12.to_string();
        if m != 0 {
            out.push_str(&format!(":{m:02}"));
        }
        out.push(' ');
        out.push_str(ampm);
        out.push(' ');
        match days {
            0 => out.push_str("today"),
            1 => out.push_str("tomorrow"),
            _ => {
                out.push_str("on ");
                out.push_str(&date_en(t));
            }
        }
        return out;
    }
    let tw = loc == Locale::ZhTw;
    // Within the week the weekday too (后天（周六）晚上, 11月23日（周一）下午):
    // a buyer plans by it.
    let day = if (2..=6).contains(&days) {
        let wd = crate::core::say::weekday(&t, loc);
        [&day_zh(tw, t, days, false), "（", wd, "）", part_zh(h)].concat()
    } else {
        day_zh(tw, t, days, true)
    };
    let h12 = if h > 12 { h - 12 } else { h };
    let mut out = day;
    out.push_str(&h12.to_string());
    out.push(if tw { '點' } else { '点' });
    match m {
        0 => {}
        30 => out.push('半'),
        _ => {
            out.push_str(&format!("{m:02}分"));
        }
    }
    out
}

/// The day of `t` (`days` after today), with the part of the day if `part`:
/// 今晚 / 明天上午 / 11月27日下午; without: 今天 / 明天 / 11月27日.
fn day_zh(tw: bool, t: DateTime<FixedOffset>, days: i64, part: bool) -> String {
    let h = clock::hm(&t).0;
    let p = if part { part_zh(h) } else { "" };
    match days {
        0 if part && h >= 18 => "今晚".into(),
        1 if part && h >= 18 => "明晚".into(),
        0 => ["今天", p].concat(),
        1 => ["明天", p].concat(),
        2 => [if tw { "後天" } else { "后天" }, p].concat(),
        _ => month_day(t, p),
    }
}

/// The name an English line greets by: the first of a Latin full name
/// (Hi Daniel!, not Hi Daniel Weber!); a Chinese name stays whole.
fn given_name(loc: Locale, name: &str) -> &str {
    let name = name.trim();
    if loc != Locale::En
        || !name
            .chars()
            .all(|c| c.is_ascii_alphabetic() || " .'-".contains(c))
    {
        return name;
    }
    name.split_whitespace().next().unwrap_or(name)
}

/// 11月27日 followed by `p`.
fn month_day(t: DateTime<FixedOffset>, p: &str) -> String {
    let (_, month, day) = clock::civil(clock::day(&t));
    format!("{month}月{day}日{p}")
}

/// The time the buyer named, no more precise than they were (001: remind
/// at the time they said): 今晚8点 for 晚上8点付, 今天 for 明天付 read the
/// next day, never an hour they didn't give. English reads "at 8 pm today".
///
/// `None` when the words name neither a day nor a clock time (晚点 /
/// 等会儿 / later): a line never says "您之前说今天下午4点半付款" to a buyer
/// who said 我晚点看看.
pub fn named(
    loc: Locale,
    t: DateTime<FixedOffset>,
    at: DateTime<FixedOffset>,
    said: &str,
) -> Option<String> {
    let s = said.to_ascii_lowercase();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十两兩".contains(c);
    let chars: Vec<char> = s.chars().collect();
    // A clock time: a numeral before 点/時, or 8pm / 20:00.
    let hour = chars.windows(2).any(
        |w| matches!(w, [n, '点' | '點' | '时' | '時' | ':' | '：' | 'a' | 'p'] if numeral(*n)),
    );
    let day = [
        "今天", "今晚", "明天", "明早", "明晚", "后天", "後天", "周", "週", "星期", "礼拜", "禮拜",
        "号", "號", "月底", "月初", "today", "tonight", "tomorrow", "day", "weekend", "week",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ]
    .iter()
    .any(|w| s.contains(w));
    if hour {
        let c = clock(loc, t, at);
        return Some(if loc == Locale::En {
            ["at ", &c].concat()
        } else {
            c
        });
    }
    if !day {
        return None;
    }
    let days = clock::days_after(&at, &t);
    // 15号发工资: the day they named, in their words (15号), not 今天 /
    // 明天; the month too when it is four weeks away or more.
    let dated = ["号", "號"].iter().any(|w| s.contains(w)) && days >= 0;
    if dated && loc != Locale::En {
        if days < 28 {
            let mark = if loc == Locale::ZhTw { "號" } else { "号" };
            return Some(format!("{}{mark}", t.day()));
        }
        return Some(month_day(t, ""));
    }
    if loc == Locale::En {
        return Some(match days {
            0 => "today".into(),
            1 => "tomorrow".into(),
            _ => ["on ", &date_en(t)].concat(),
        });
    }
    let part = said.chars().any(|c| matches!(c, '早' | '午' | '晚' | '夜'));
    Some(day_zh(loc == Locale::ZhTw, t, days, part))
}

/// Time left, when under two hours: 20分钟 / 1小时5分钟; 20 minutes.
pub fn left(loc: Locale, minutes: i64) -> Option<String> {
    if !(1..120).contains(&minutes) {
        return None;
    }
    let (h, m) = (minutes / 60, minutes % 60);
    let (hr, mn) = match loc {
        Locale::En => ("1 hour", " minutes"),
        Locale::ZhTw => ("1小時", "分鐘"),
        Locale::ZhCn => ("1小时", "分钟"),
    };
    let mut out = String::new();
    if h > 0 {
        out.push_str(hr);
    }
    if m > 0 {
        if h > 0 && loc == Locale::En {
            out.push(' ');
        }
        out.push_str(&format!("{m}{mn}"));
    }
    Some(out)
}

/// Whether a shop's dispatch terms say when an order leaves after it is
/// paid (付款后48小时内发货, 15:00前付款当天发), which the address check
/// says after 没问题的话; a notice such as 春节2月13日至23日暂停发货 is
/// no such sentence.
fn after_paying(dispatch: &str) -> bool {
    let d = dispatch;
    let paying = d.contains("付款") && ["后", "後", "前"].iter().any(|w| d.contains(w));
    let leaves = [
        "发货", "發貨", "发出", "發出", "出货", "出貨", "制作", "製作",
    ]
    .iter()
    .any(|w| d.contains(w));
    (paying || leaves)
        && !["暂停", "暫停", "停发", "停發"]
            .iter()
            .any(|w| d.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispatch_terms_said_in_the_address_check_say_when_a_paid_order_leaves() {
        // The W1 review (w17): 没问题的话，春节…暂停发货 is a seam.
        for d in [
            "付款后48小时内发货",
            "15:00前付款当天发出",
            "週一至週四下午3點前付款當天出貨，週五至週日不出貨",
        ] {
            assert!(after_paying(d), "{d}");
        }
        for d in [
            "春节2月13日至2月23日暂停发货，2月24日起按付款顺序发出",
            "顺丰包邮",
            "仓库在杭州",
        ] {
            assert!(!after_paying(d), "{d}");
        }
    }

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn coupon_thresholds() {
        assert_eq!(coupon_threshold("满199减20"), Some(199.0));
        assert_eq!(coupon_threshold("滿500折50優惠券"), Some(500.0));
        assert_eq!(coupon_threshold("¥20 off orders over ¥199"), Some(199.0));
        assert_eq!(coupon_threshold("新人券"), None);
    }

    #[test]
    fn coupons_are_said_without_the_shops_notes_and_with_what_they_take_off() {
        // G1 g14: "满259减10（客服改价）" is the shop's note to its agents.
        assert_eq!(spoken_coupon("满259减10（客服改价）"), "满259减10");
        assert_eq!(
            spoken_coupon("10% off orders of 3+ sets (price change by the agent)"),
            "10% off orders of 3+ sets"
        );
        assert_eq!(coupon_off("满259减10（客服改价）"), Some(10.0));
        assert_eq!(coupon_off("滿500折50優惠券"), Some(50.0));
        assert_eq!(coupon_off("¥20 off orders over ¥199"), Some(20.0));
        assert_eq!(coupon_off("10% off orders of 3+ sets"), None);
        assert_eq!(coupon_off("全场9折"), None);
    }

    #[test]
    fn items_are_named_as_agents_say_them() {
        let cn = |t| spoken_name(Locale::ZhCn, t);
        assert_eq!(cn("加绒牛仔裤 女 高腰直筒"), "加绒牛仔裤");
        assert_eq!(cn("iPhone 15 磨砂防摔手机壳"), "磨砂防摔手机壳");
        assert_eq!(cn("手工皂 玫瑰味"), "手工皂");
        assert_eq!(cn("羽绒服女 2026新款 中长款加厚韩版"), "羽绒服");
        // What the item is, not the words after it or a label before it
        // (O1 o01, o03, o04: 正版授权先给您留着, 体脂秤智能, the whole title).
        assert_eq!(cn("体脂秤智能家用精准 充电款 蓝牙连APP"), "体脂秤");
        assert_eq!(
            cn("全遮光窗帘卧室加厚免打孔安装 遮阳隔热 2.0m宽×2.5m高"),
            "全遮光窗帘"
        );
        assert_eq!(
            cn("【现货】正版授权 雷电将军 1/7比例 PVC成品手办 景品礼盒"),
            "手办"
        );
        assert_eq!(cn("双层玻璃杯 茶水分离泡茶杯 380ml"), "双层玻璃杯");
        // A brand before the item (P1 p33), a describing tail (P1 p21).
        assert_eq!(
            spoken_name(Locale::ZhTw, "Philips飛利浦 健康氣炸鍋 HD9252 4.1L"),
            "健康氣炸鍋"
        );
        assert_eq!(cn("阿胶糕即食 红枣枸杞黑芝麻 手工固元膏"), "阿胶糕");
        assert_eq!(cn("LED护眼台灯 学生书桌 国AA级无频闪"), "LED护眼台灯");
        assert_eq!(cn("Kindle保护套 磁吸休眠 超薄"), "Kindle保护套");
        // The kettle only says what the descaler is for.
        assert_eq!(cn("电热水壶除垢剂 柠檬酸"), "电热水壶除垢剂");
        assert_eq!(cn("2026新款 加厚羽绒服"), "加厚羽绒服");
        assert_eq!(cn("羊绒针织开衫"), "羊绒针织开衫");
        // A style or a share that opens the title is not the item (K1 k15, k17).
        assert_eq!(
            cn("北欧ins风陶瓷餐具套装 碗碟家用 4人份16件套 哑光釉"),
            "陶瓷餐具"
        );
        assert_eq!(
            cn("100%山羊绒双面大衣女 中长款 手工缝制 驼色 M"),
            "山羊绒双面大衣"
        );
        assert_eq!(cn("USB-C cable 2m"), "USB-C cable 2m");
        assert_eq!(spoken_name(Locale::ZhTw, "香氛蠟燭 木質調"), "香氛蠟燭");
        // The listing's tags are not the item's name.
        assert_eq!(cn("【秒杀】羊绒围巾"), "羊绒围巾");
        assert_eq!(cn("[新品] 羊绒围巾 女 【包邮】"), "羊绒围巾");
        assert_eq!(cn("【秒杀】"), "【秒杀】");
        assert_eq!(
            spoken_name(Locale::En, "[Sale] Silk scarf, navy"),
            "Silk scarf"
        );
        assert_eq!(
            spoken_name(Locale::En, "Wireless Mouse Silent"),
            "Wireless Mouse Silent"
        );
        for (loc, title, second, more, want) in [
            (
                Locale::ZhCn,
                "北欧布艺沙发 三人位 浅灰",
                None,
                0,
                "北欧布艺沙发",
            ),
            (
                Locale::ZhCn,
                "加绒牛仔裤 女 高腰直筒",
                None,
                1,
                "加绒牛仔裤等2件",
            ),
            (
                Locale::ZhCn,
                "纯棉四件套 1.8m床",
                Some("【热卖】记忆棉枕头 护颈"),
                1,
                "纯棉四件套和记忆棉枕头",
            ),
            (
                Locale::En,
                "Silk pillowcase, champagne",
                Some("Eye mask"),
                1,
                "silk pillowcase and eye mask",
            ),
        ] {
            assert_eq!(
                item(loc, spoken_name(loc, title), second, more),
                want,
                "{title}"
            );
        }
        for (title, want) in [
            (
                "Smart LED desk lamp / 智能护眼台灯 app control",
                "Smart LED desk lamp",
            ),
            ("Crème brûlée mug", "Crème brûlée mug"),
            (
                "Merino wool base layer set (top + leggings)",
                "Merino wool base layer set",
            ),
        ] {
            assert_eq!(spoken_name(Locale::En, title), want);
        }
        // Keyword-stuffed titles, as an agent names the item.
        for (title, want) in [
            (
                "2026冬季新款双面羊绒大衣女中长款高级感赫本风毛呢外套",
                "双面羊绒大衣",
            ),
            ("加厚珊瑚绒睡衣女冬季套装", "珊瑚绒睡衣"),
            ("韩版宽松毛衣女2026秋冬新款外穿", "宽松毛衣"),
            ("网红ins风少女心卡通水杯", "少女心卡通水杯"),
            ("老人加厚保暖棉拖鞋", "老人加厚保暖棉拖鞋"),
            ("88键重锤电钢琴", "88键重锤电钢琴"),
        ] {
            assert_eq!(spoken_name(Locale::ZhCn, title), want, "{title}");
        }
    }

    #[test]
    fn placed_phrases() {
        let now = t("2026-11-24T15:00:00+08:00");
        let cn = |p| placed(Locale::ZhCn, t(p), now);
        assert_eq!(cn("2026-11-24T14:45:00+08:00"), "刚刚");
        assert_eq!(cn("2026-11-24T09:30:00+08:00"), "今天上午");
        assert_eq!(cn("2026-11-23T21:00:00+08:00"), "昨晚");
        assert_eq!(cn("2026-11-22T14:00:00+08:00"), "前天下午");
        assert_eq!(cn("2026-11-20T14:00:00+08:00"), "11月20日");
        assert_eq!(
            placed(Locale::En, t("2026-11-23T21:00:00+08:00"), now),
            "yesterday evening"
        );
    }

    #[test]
    fn clock_phrases() {
        let now = t("2026-11-24T15:00:00+08:00");
        assert_eq!(
            clock(Locale::ZhCn, t("2026-11-24T22:00:00+08:00"), now),
            "今晚10点"
        );
        assert_eq!(
            clock(Locale::ZhTw, t("2026-11-25T10:30:00+08:00"), now),
            "明天上午10點半"
        );
        assert_eq!(
            clock(Locale::ZhCn, t("2026-11-27T15:05:00+08:00"), now),
            "11月27日（周五）下午3点05分"
        );
        // Within the week with the weekday; beyond it the date alone.
        assert_eq!(
            clock(Locale::ZhTw, t("2026-11-26T20:00:00+08:00"), now),
            "後天（週四）晚上8點"
        );
        assert_eq!(
            clock(Locale::ZhCn, t("2026-12-01T10:00:00+08:00"), now),
            "12月1日上午10点"
        );
        assert_eq!(
            clock(Locale::En, t("2026-11-27T15:05:00+08:00"), now),
            "3:05 pm on Nov 27"
        );
        assert_eq!(
            clock(Locale::En, t("2026-11-25T10:30:00+08:00"), now),
            "10:30 am tomorrow"
        );
        assert_eq!(
            clock(Locale::En, t("2026-11-24T12:00:00+08:00"), now),
            "12 pm today"
        );
        let close = t("2026-11-25T10:30:00+08:00");
        assert_eq!(
            zoned(Locale::En, clock(Locale::En, close, now), close, false),
            "10:30 am tomorrow (Beijing time)"
        );
        let ist = t("2026-11-25T10:30:00+05:30");
        assert_eq!(zoned(Locale::En, "x".into(), ist, false), "x (UTC+5:30)");
        assert_eq!(zoned(Locale::En, "x".into(), close, true), "x (UTC+8)");
        assert_eq!(
            zoned(Locale::ZhCn, "明天上午10点半".into(), close, false),
            "明天上午10点半"
        );
    }

    #[test]
    fn named_time_is_no_more_precise_than_the_buyer() {
        // seed 001 余额不足: 了解买家方便充值时间,提前再次催付 — quote the
        // buyer's own time back: 明天付 read the next day is 今天, not 10点.
        let at = t("2026-11-25T10:00:00+08:00");
        let day = t("2026-11-25T10:00:00+08:00");
        let n = |l, t, at, s| named(l, t, at, s).unwrap_or_default();
        assert_eq!(n(Locale::ZhCn, day, at, "明天付"), "今天");
        let pm = t("2026-11-25T14:00:00+08:00");
        assert_eq!(n(Locale::ZhTw, pm, at, "明天下午付"), "今天下午");
        assert_eq!(n(Locale::En, day, at, "tomorrow"), "today");
        let eight = t("2026-11-24T20:00:00+08:00");
        let now = t("2026-11-24T19:50:00+08:00");
        assert_eq!(n(Locale::ZhCn, eight, now, "晚上8点再付"), "今晚8点");
        assert_eq!(n(Locale::En, eight, now, "8pm"), "at 8 pm today");
        // 晚点 names no time: nothing to quote back.
        assert_eq!(named(Locale::ZhCn, pm, at, "我晚点看看"), None);
        assert_eq!(named(Locale::ZhCn, pm, at, "等会儿"), None);
        // 15号 in the buyer's words; the month only when it is far.
        assert_eq!(n(Locale::ZhCn, day, at, "25号发工资再付"), "25号");
        assert_eq!(n(Locale::ZhTw, day, at, "25號發薪水再付"), "25號");
        let far = t("2026-12-25T10:00:00+08:00");
        assert_eq!(n(Locale::ZhCn, far, at, "25号发工资再付"), "12月25日");
    }

    #[test]
    fn english_items_read_as_in_a_sentence() {
        assert_eq!(
            item(
                Locale::En,
                spoken_name(Locale::En, "Silk pillowcase, champagne"),
                None,
                0
            ),
            "silk pillowcase"
        );
        assert_eq!(
            item(
                Locale::En,
                spoken_name(Locale::En, "Ceramic Teapot"),
                None,
                0
            ),
            "Ceramic Teapot"
        );
        assert_eq!(
            item(
                Locale::En,
                spoken_name(Locale::En, "iPhone 15 case"),
                None,
                0
            ),
            "iPhone 15 case"
        );
        let long = "老人加厚保暖防滑棉拖鞋软底";
        assert!(item(Locale::ZhCn, spoken_name(Locale::ZhCn, long), None, 0).starts_with('“'));
        assert!(item(Locale::ZhTw, spoken_name(Locale::ZhTw, long), None, 0).starts_with('「'));
    }

    #[test]
    fn money_and_left() {
        assert_eq!(money(Locale::ZhCn, 263.0), "263元");
        assert_eq!(money(Locale::En, 9.5), "¥9.50");
        assert_eq!(left(Locale::ZhCn, 20).as_deref(), Some("20分钟"));
        assert_eq!(left(Locale::En, 65).as_deref(), Some("1 hour 5 minutes"));
        assert_eq!(left(Locale::ZhCn, 150), None);
    }

    #[test]
    fn short_titles() {
        let cn = |t| short_title(Locale::ZhCn, t);
        assert_eq!(cn("婴儿推车").as_deref(), Some("婴儿推车"));
        assert_eq!(cn("车载吸尘器 无线大吸力").as_deref(), Some("车载吸尘器"));
        assert_eq!(
            cn("羽绒服女 2026新款 中长款加厚韩版").as_deref(),
            Some("羽绒服")
        );
        assert_eq!(
            cn("2026冬季新款加厚羽绒服女中长款韩版宽松外套").as_deref(),
            Some("羽绒服")
        );
        // A style word before the item (北欧风) and 家用 after it name
        // no item.
        assert_eq!(
            cn("北欧风 实木床头柜 小户型 免安装").as_deref(),
            Some("实木床头柜")
        );
        assert_eq!(
            cn("九阳破壁机家用静音加热多功能豆浆机").as_deref(),
            Some("九阳破壁机")
        );
        // A word that only describes is not the item's name.
        assert_eq!(
            cn("日本製 象印 不鏽鋼真空燜燒罐 750ml 奶茶色").as_deref(),
            Some("不鏽鋼真空燜燒罐")
        );
        assert_eq!(
            cn("法式復古 羊毛貝蕾帽 秋冬 畫家帽").as_deref(),
            Some("羊毛貝蕾帽")
        );
        assert_eq!(
            short_title(
                Locale::En,
                "Organic Cotton Baby Romper with Snaps, 0-3 Months"
            )
            .as_deref(),
            Some("Organic Cotton Baby Romper")
        );
    }
}
