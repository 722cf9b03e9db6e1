//! The public contract: what callers pass in and what they get back.
//!
//! Field names are camelCase on the wire, times are RFC 3339 strings with an
//! offset, money is yuan. Times stay strings here so that a bad one can be
//! reported with the exact path of the field; [`crate::core::input`] parses
//! and checks everything before any rule runs.

use serde::{Deserialize, Serialize};
#[cfg(feature = "wasm")]
use tsify::Tsify;

/// Language of the lines and explanations.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Simplified Chinese (mainland).
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// Traditional Chinese (Taiwan usage).
    #[serde(rename = "zh-TW")]
    ZhTw,
    /// English, for cross-border shops.
    #[serde(rename = "en")]
    En,
}

/// Who wrote a chat message.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The buyer.
    Buyer,
    /// The shop's customer-service agent.
    Agent,
    /// The platform (order notices, price changes).
    System,
}

/// Who the buyer is, for SMS timing.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Office workers: SMS at lunch or before leaving work.
    Office,
    /// Students: SMS before 22:00.
    Student,
    /// Anyone else: SMS before 22:00.
    Other,
}

/// How a reminder reaches the buyer.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// The shop's instant messenger (旺旺/千牛): free, emoji, low intrusion.
    Im,
    /// A text message: short, one message, no emoji.
    Sms,
    /// A phone call: best contact, highest cost and intrusion.
    Phone,
}

/// The voice of the lines.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    /// Light and cute (亲~), the IM default.
    Playful,
    /// Caring and helpful, for novices and payment trouble.
    Warm,
    /// Calm, with facts and guarantees, for doubts.
    Reassuring,
    /// Soft and thankful, for returning buyers.
    Gentle,
    /// Polite and complete, for SMS and phone.
    Formal,
    /// Time matters: the order closes soon or stock is short.
    Urgent,
}

/// What the agent should do now.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Send a reminder now.
    SendNow,
    /// Send at `sendAt`.
    Schedule,
    /// Don't remind yet: answer the buyer first, or wait for the time they named.
    Hold,
    /// Don't remind at all.
    Stop,
}

/// The most likely cause of non-payment.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    /// Not enough money or balance, waiting for salary.
    InsufficientBalance,
    /// Forgot or locked payment password.
    ForgotPassword,
    /// Doesn't know how to pay.
    NoviceBuyer,
    /// Payment page, bank or Alipay failing or upgrading.
    PaymentSystemIssue,
    /// Some other payment difficulty.
    PaymentTrouble,
    /// Wants a lower price, discount or coupon.
    PriceBargain,
    /// Disputes postage.
    ShippingFee,
    /// Doubts quality, size, fit, authenticity or use.
    ProductDoubt,
    /// Found it cheaper or better elsewhere, comparing.
    ComparingShops,
    /// Waiting for the agent's answer.
    WaitingReply,
    /// Unhappy with the service or attitude.
    ServiceUnhappy,
    /// Wants several orders merged or postage combined.
    OrderMerge,
    /// Asks about gifts, activities, offers.
    GiftOrPromo,
    /// Asks when it ships or arrives.
    DeliveryQuestion,
    /// Ordered by mistake, no longer wants it.
    ChangedMind,
    /// Placed the order without chatting.
    SilentOrder,
    /// Chatted, but nothing shows the cause.
    Unknown,
}

impl ReasonCode {
    /// Every code, in declaration order.
    pub const ALL: [ReasonCode; 17] = [
        ReasonCode::InsufficientBalance,
        ReasonCode::ForgotPassword,
        ReasonCode::NoviceBuyer,
        ReasonCode::PaymentSystemIssue,
        ReasonCode::PaymentTrouble,
        ReasonCode::PriceBargain,
        ReasonCode::ShippingFee,
        ReasonCode::ProductDoubt,
        ReasonCode::ComparingShops,
        ReasonCode::WaitingReply,
        ReasonCode::ServiceUnhappy,
        ReasonCode::OrderMerge,
        ReasonCode::GiftOrPromo,
        ReasonCode::DeliveryQuestion,
        ReasonCode::ChangedMind,
        ReasonCode::SilentOrder,
        ReasonCode::Unknown,
    ];

    /// The snake_case code, as on the wire.
    pub fn as_str(self) -> &'static str {
        self.wire()
    }

    /// Parses a snake_case code.
    pub fn parse(s: &str) -> Option<ReasonCode> {
        ReasonCode::from_wire(s)
    }
}

impl Channel {
    /// The lowercase code, as on the wire.
    pub fn as_str(self) -> &'static str {
        self.wire()
    }

    /// Parses a lowercase code.
    pub fn parse(s: &str) -> Option<Channel> {
        Channel::from_wire(s)
    }
}

impl Tone {
    /// Every tone.
    pub const ALL: [Tone; 6] = [
        Tone::Playful,
        Tone::Warm,
        Tone::Reassuring,
        Tone::Gentle,
        Tone::Formal,
        Tone::Urgent,
    ];

    /// The lowercase code, as on the wire.
    pub fn as_str(self) -> &'static str {
        self.wire()
    }

    /// Parses a lowercase code.
    pub fn parse(s: &str) -> Option<Tone> {
        Tone::from_wire(s)
    }
}

impl Locale {
    /// The BCP 47 tag, as on the wire.
    pub fn as_str(self) -> &'static str {
        self.wire()
    }

    /// Parses a tag.
    pub fn parse(s: &str) -> Option<Locale> {
        Locale::from_wire(s)
    }
}

/// Everything cuifu knows about one unpaid order and its chat.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ChatContext {
    /// The moment of the suggestion (RFC 3339); default: the current time.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
    /// Language of `why` and `remark`, and of the lines when the buyer has
    /// written nothing (the lines follow the buyer's language); default `"zh-CN"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The moment the lines are worded for (RFC 3339): relative words such as
    /// 明天 or 还有20分钟 are computed from it; default `sendAt`. A panel
    /// inserting a line now passes the current time.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines_at: Option<String>,
    /// The unpaid order.
    pub order: Order,
    /// Who bought.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer: Option<Buyer>,
    /// The chat so far, oldest first.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<Message>,
    /// Reminders already sent for this order.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reminders: Vec<SentReminder>,
    /// The shop's settings.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop: Option<Shop>,
}

/// The order the buyer placed but has not paid.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    /// When the buyer placed the order (RFC 3339).
    pub placed_at: String,
    /// Order value in yuan (≥ 0).
    pub amount: f64,
    /// The seller's last change of price or terms (restarts the close timer).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms_changed_at: Option<String>,
    /// Explicit close time (flash sales); overrides the computed one.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
    /// What was ordered.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
    /// Already paid.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<bool>,
    /// The shipping address on the order, for the address check (核对地址,
    /// 001); without it the line leaves a slot for the agent to paste it.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The shop's order number, if known (for the remark and ranking).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// One line of the order.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// Product title as the shop lists it.
    pub title: String,
    /// How many.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<f64>,
    /// Unit price in yuan.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
    /// What the shop knows about the item, to answer the buyer's questions.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<ItemFacts>,
}

/// A fact about an item: a text, a list of texts, or a number (stock).
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(untagged)]
pub enum FactValue {
    /// One text, e.g. `"浙江义乌"`.
    Text(String),
    /// Several texts, e.g. `["黑色", "灰色"]`.
    List(Vec<String>),
    /// A number, e.g. a stock count.
    Number(f64),
}

// Read by a visitor on the JSON type rather than `#[serde(untagged)]`,
// which buffers every value first.
impl<'de> Deserialize<'de> for FactValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FactValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, a list of strings or a number")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FactValue, E> {
                Ok(FactValue::Text(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<FactValue, E> {
                Ok(FactValue::Number(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<FactValue, E> {
                Ok(FactValue::Number(v as f64))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<FactValue, E> {
                Ok(FactValue::Number(v as f64))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<FactValue, A::Error> {
                let mut out = Vec::new();
                while let Some(t) = a.next_element::<String>()? {
                    out.push(t);
                }
                Ok(FactValue::List(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// Facts about an item the lines may state to answer a question.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ItemFacts {
    /// Colours on offer, e.g. `["黑色", "灰色"]` (`colors` is read too).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, alias = "colors", skip_serializing_if = "Option::is_none")]
    pub colours: Option<FactValue>,
    /// Sizes on offer, e.g. `["S", "M", "L"]`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sizes: Option<FactValue>,
    /// Stock: a count (0 is sold out) or a text such as `"现货"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock: Option<FactValue>,
    /// The size chart, entries separated by `;`, e.g. `"S 155-160cm 90-100斤;M 160-167cm 100-115斤"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_chart: Option<FactValue>,
    /// Where it is made, e.g. `"浙江义乌"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<FactValue>,
}

/// How the shop ships, to answer delivery questions without promising a date.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Shipping {
    /// The courier, e.g. `"中通"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    /// When orders leave, e.g. `"16:00前付款当天发"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatch: Option<String>,
    /// Where parcels leave from, e.g. `"浙江杭州"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ships_from: Option<String>,
}

/// One of the shop's own answers, e.g. keywords `["顺丰", "sf"]` with the
/// text `"可以发顺丰，补差价12元就行"`.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ShopAnswer {
    /// Words of the question, matched in the buyer's words regardless of
    /// case, width and traditional or simplified characters.
    pub keywords: Vec<String>,
    /// The answer, in the buyer's language, as the agent would write it.
    pub text: String,
}

/// The buyer, as far as the shop knows.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Buyer {
    /// Real name or how the buyer likes to be addressed (e.g. 王丽).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Platform nickname.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nick: Option<String>,
    /// Has bought here before.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returning: Option<bool>,
    /// Who the buyer is, for SMS timing.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    /// `"male"` / `"female"` when known, for 先生/女士 on the phone.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// The language of the lines, overriding the one read from the buyer's messages.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The buyer asked for no SMS (回T退订 / replied STOP): never an SMS
    /// reminder to them, whatever the shop's `sms`; default `false`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_opt_out: Option<bool>,
}

/// Form of address on the phone.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// 先生 / Mr.
    Male,
    /// 女士 / Ms.
    Female,
}

/// One chat message.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    /// Who wrote it.
    pub from: Role,
    /// What was written.
    pub text: String,
    /// When it was sent (RFC 3339).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// A reminder that was already sent for this order.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SentReminder {
    /// When it was sent (RFC 3339).
    pub at: String,
    /// How it was sent.
    pub channel: Channel,
    /// Which line was used, if known.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_id: Option<String>,
}

/// A promotion day's reminder waves.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Campaign {
    /// Name for the lines (e.g. 双11).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Wave times, `"HH:MM"` (e.g. `["10:00", "13:00"]`).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waves: Vec<String>,
    /// Days the campaign runs, `"YYYY-MM-DD"`; empty means every day.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<String>,
    /// Stock is really short during the campaign (allows an urgent tone).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limited_stock: Option<bool>,
}

/// A line the shop wrote itself, with `{placeholder}` slots.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ShopTemplate {
    /// Stable id, reported back as `templateId`.
    pub id: String,
    /// The text, e.g. `"{name}您好,您在{shop}拍的{item}还没付款哦"`.
    pub text: String,
    /// Only for this channel.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// Only for this reason.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ReasonCode>,
    /// Only for this locale.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
}

/// The shop's settings; every field is optional and has a default.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Shop {
    /// Shop name for the lines.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Typical order value, to tell big orders.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_order_value: Option<f64>,
    /// Gross margin 0..1, for channel ROI.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<f64>,
    /// Unpaid orders close this long after order/terms change; default 72.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_after_hours: Option<f64>,
    /// No reminders before this time of day, `"HH:MM"`; default `"10:00"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiet_before: Option<String>,
    /// No reminders after this time of day, `"HH:MM"`; default `"22:00"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiet_after: Option<String>,
    /// No reminders inside, `["HH:MM", "HH:MM"]`; default `["12:00", "13:30"]`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lunch_break: Option<Vec<String>>,
    /// Weekdays that are rest days (0 = Sunday); default `[6, 0]`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_days: Option<Vec<u8>>,
    /// Extra rest days, `"YYYY-MM-DD"`, on top of the built-in calendar.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<String>,
    /// Make-up workdays, `"YYYY-MM-DD"`, on top of the built-in calendar.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workdays: Vec<String>,
    /// A promotion day's reminder waves.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<Campaign>,
    /// Gifts the shop really offers.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gifts: Vec<String>,
    /// A coupon or discount the shop really offers.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon: Option<String>,
    /// The shop offers 7-day no-reason returns.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seven_day_return: Option<bool>,
    /// The shop ships on the day of payment.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_day_shipping: Option<bool>,
    /// How the shop ships (courier, dispatch time, ships-from).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping: Option<Shipping>,
    /// The shop's own answers to questions buyers ask (keyword replies): when
    /// the buyer's open question holds one of an answer's `keywords`, the
    /// first line answers with its `text`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<ShopAnswer>,
    /// Link to put in IM lines.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_link: Option<String>,
    /// Opt-out suffix for SMS (e.g. `回T退订`).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_opt_out: Option<String>,
    /// The shop's own lines, `{placeholder}` syntax.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<ShopTemplate>,
    /// Cap on reminders per order; default by order size (2 small, 3 big).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_reminders: Option<u32>,
    /// Minimum minutes between two reminders; default 120.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_gap_minutes: Option<u32>,
    /// Minutes after the order for the hidden address-check reminder; default 10.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden_reminder_minutes: Option<u32>,
    /// Hours before the close for the last-chance reminder; default 3.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_chance_hours: Option<f64>,
    /// The shop's UTC offset, e.g. `"+08:00"`; default: the offset of `now`, else of `order.placedAt`, else +08:00.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset: Option<String>,
    /// Agent's name for phone scripts (e.g. 乐乐).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_name: Option<String>,
    /// Cap on reminders for a big order; default `maxReminders` + 1 (001: a big order may get a second reminder).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_reminders_big: Option<u32>,
    /// An order is big from this multiple of `avgOrderValue`; default 2.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub big_order_factor: Option<f64>,
    /// Phone calls only when `margin` is at least this (001 ROI); default 0.15.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_min_margin: Option<f64>,
    /// A call also pays when the order's profit (`amount` × `margin`) reaches this many yuan, however thin the margin (001 ROI: a 6,880 yuan laptop at 12% is worth a call, a phone top-up at 2% is not); default 300.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_min_profit: Option<f64>,
    /// Order-time slots (001), `"HH:MM"`: ends of late night, morning, afternoon, evening; default `["06:00", "12:00", "17:00", "22:00"]`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_slots: Option<Vec<String>>,
    /// SMS windows for office workers, `"HH:MM-HH:MM"` (001: lunch, before leaving work); default `["12:00-13:30", "17:00-18:00"]`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_office_windows: Option<Vec<String>>,
    /// SMS to students and others before this time (001); default `"22:00"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_latest: Option<String>,
    /// Minutes before the time the buyer named to remind them (001: 提前再次催付); default 10.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named_time_lead_minutes: Option<u32>,
    /// Whether the shop sends SMS reminders at all; default `true` (`false`:
    /// never SMS, e.g. no SMS account or no consent).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<bool>,
    /// Hours an IM reminder may go unanswered (the buyer has not written
    /// since) before the next reminder goes by SMS (001: IM is missed while the
    /// buyer is offline); default 3.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_after_hours: Option<f64>,
    /// Whether the reply to a buyer who writes during quiet hours (before
    /// `quietBefore` or after `quietAfter`) goes at once; default `true`: the
    /// seeds keep quiet hours, the lunch break and rest days for reminders
    /// (000/003) and say nothing against answering a buyer who is online and
    /// waiting. `false`: the reply waits for `quietBefore`. Lunch breaks and
    /// rest days never delay a reply; the reminder after it keeps every rule.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_at_night: Option<bool>,
    /// Whether a big silent order (no chat before ordering) is phoned for
    /// its first reminder. The seeds differ: 000 says a big amount can get a
    /// call (金额比较大的可以打电话咨询); 001 contacts every unpaid order on IM
    /// first, with an address check (拍下后10分钟…旺旺…核对地址). Default
    /// `false`: IM first, the call for the follow-up; `true`: call first.
    /// Campaign waves call big orders either way (001).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_first: Option<bool>,
    /// Hours of space after a buyer says they will think it over (我再想想)
    /// before one gentle reminder (000: don't force the buyer); from 0 to 72,
    /// default 3. The reminder still comes before the close, at an allowed
    /// moment.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hesitation_hours: Option<f64>,
    /// Whether a buyer who says after a reminder that they are still
    /// thinking it over (还在考虑, will let you know) gets another
    /// reminder. Default `false`: the one gentle reminder after the space
    /// has gone, so no more are planned and the reply says take your time
    /// (000: don't force the buyer; 001: never too often).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remind_still_deciding: Option<bool>,
    /// Whether a time the buyer named for paying late in the evening, after
    /// `quietAfter` on a working day (晚上十点半下班再付), is reminded
    /// `namedTimeLeadMinutes` before it that evening, as the buyer said
    /// they will be up and paying then. Default `false`: the quiet hours of
    /// 000/003 hold and the reminder goes at the first allowed moment after
    /// it, the next morning (supervisors differ here: one wants no late
    /// ping, another the reminder just before the buyer's own time).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named_time_late_evening: Option<bool>,
    /// After an answer to the buyer's question, the least minutes before the
    /// reminder that follows it inside the order's time slot (001: a
    /// morning order is reminded before 12:00, an afternoon one before
    /// 17:00, an evening one before 22:00); default 30. That reminder goes
    /// 20 minutes before the slot ends (or this long after the answer, if
    /// later, while 10 minutes of the slot are left); with less room, after
    /// the minimum gap in the usual hours.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_follow_up_minutes: Option<u32>,
    /// Whether the reminder after an answer is planned when the answer is
    /// still the agent's to find (the line holds a 【…】 slot for the buyer's
    /// question). Default `true`: 001 reminds after an answer within the
    /// order's time slot, and supervisors reviewing the lines wanted that
    /// reminder in most such chats. `false`: no reminder is planned with
    /// that reply, for shops whose answers often decide whether the buyer
    /// buys at all (does it fit, does it reach my town); the suggestion made
    /// after the agent has answered plans it. A campaign wave is planned
    /// either way (001).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_open_answer: Option<bool>,
}

/// Evidence for the reason: which buyer message, and the words.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// Index into `messages`.
    pub message_index: usize,
    /// The buyer's words that show the reason.
    pub text: String,
    /// UTF-16 offset of `text` in the message.
    pub start: usize,
    /// UTF-16 end offset of `text` in the message.
    pub end: usize,
}

/// Why the buyer has not paid, with how sure cuifu is.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    /// The most likely cause.
    pub code: ReasonCode,
    /// 0..1; low when the evidence is weak.
    pub confidence: f64,
    /// The buyer's words that show it.
    pub evidence: Vec<Evidence>,
    /// Other concerns the buyer's open messages show (several in one
    /// message, or one per message), most likely first; empty for
    /// `unknown` and `silent_order`.
    pub others: Vec<ReasonCode>,
}

/// One candidate reminder line.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// The text to send.
    pub text: String,
    /// Which template it came from (shop templates keep their own id).
    pub template_id: String,
    /// The angle it takes: `"help"`, `"benefit"`, `"deadline"`, `"check"`, `"answer"`, `"door_open"`, `"thanks"` (a paid order), `"sorry"` (an apology to a buyer who asked for no more reminders), `"reorder"` (the order closed unpaid and the buyer wrote), or `"shop"` for the shop's own templates.
    #[cfg_attr(
        feature = "wasm",
        tsify(
            type = r#""help" | "benefit" | "deadline" | "check" | "answer" | "door_open" | "thanks" | "sorry" | "reorder" | "shop""#
        )
    )]
    pub angle: String,
}

/// A problem found in a context or a line.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// Stable code: lint findings (`extreme_word` … `missing_name_sms`), timing
    /// notes (`no_allowed_time` …), `phone_invalid` (a mobile number in the
    /// address with a digit too few or too many), `utc_times`, or `unknown_field` for a
    /// field cuifu ignored.
    #[cfg_attr(
        feature = "wasm",
        tsify(
            type = r#""extreme_word" | "delivery_promise" | "pressure" | "argue" | "too_long_sms" | "missing_name_sms" | "rude" | "halfwidth_punct" | "sms_emoji" | "sms_link" | "sms_signature" | "sms_opt_out" | "no_allowed_time" | "calendar_not_covered" | "named_time_after_close" | "named_time_in_rest" | "wave_in_rest_time" | "phone_invalid" | "utc_times" | "unknown_field""#
        )
    )]
    pub code: String,
    /// What is wrong and what to do, in the locale.
    pub message: String,
    /// UTF-16 start offset in the linted text.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// UTF-16 end offset in the linted text.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// JSON path of the field it is about (`unknown_field`: a field cuifu
    /// does not know, ignored; check its spelling).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// The advice for one unpaid order.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// Send now, send later, hold, or stop.
    pub action: Action,
    /// When to send (RFC 3339); null for `stop`.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub send_at: Option<String>,
    /// When the reply goes out at `sendAt` to a buyer who is waiting for
    /// one (a question, a complaint, a request for help): the reminder
    /// planned after it by the rest-time rules (RFC 3339); null when there
    /// is no reply first, or no allowed moment is left before the close.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub follow_up_at: Option<String>,
    /// When the order closes unpaid (RFC 3339).
    pub closes_at: String,
    /// The most likely cause of non-payment.
    pub reason: Reason,
    /// How to reach the buyer.
    pub channel: Channel,
    /// The voice of the lines.
    pub tone: Tone,
    /// Candidate lines, best first.
    pub lines: Vec<Line>,
    /// Problems in the context or the lines.
    pub warnings: Vec<Warning>,
    /// Each decision explained in a sentence, in the locale.
    pub why: Vec<String>,
    /// The note to record on the order (结果备注).
    pub remark: String,
    /// Whether a reminder was already sent for this order (`reminders` is not
    /// empty): a headline says 再发 / "send again" only then.
    pub is_repeat: bool,
}

/// Options for [`crate::lint`].
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LintOptions {
    /// The channel the line is for; `"sms"` adds the SMS checks.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// Language of the warning messages; default `"zh-CN"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The buyer's name, so `missing_name_sms` can check it.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_name: Option<String>,
    /// A marketing SMS (offers sent to many buyers): with `channel` `"sms"`, adds `sms_signature` (the shop name in 【】) and `sms_opt_out` (回T退订 / Reply STOP); default `false`, a reminder about the buyer's own order.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketing: Option<bool>,
    /// Whether `halfwidth_punct` flags half-width `, ? : ! ;` next to Chinese (seed 001 itself writes them); default `true`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_width: Option<bool>,
}

/// Options for [`crate::parse_transcript`].
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TranscriptOptions {
    /// Nicks of the shop's agents; lines by them become `agent` messages.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agent_nicks: Vec<String>,
    /// Offset for times without one, e.g. `"+08:00"` (default).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<String>,
    /// Date for times without one, `"YYYY-MM-DD"`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `parseTranscript` drops lines it can't read instead of throwing `unparsed_lines`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_unparsed: Option<bool>,
}

/// What `parseTranscript` made of the pasted text.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Transcript {
    /// The messages it recognised, oldest first.
    pub messages: Vec<Message>,
    /// The buyer's nick, when one was seen.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_nick: Option<String>,
    /// Lines it could not parse, with their 1-based line number.
    pub unparsed: Vec<UnparsedLine>,
}

/// A pasted line that was not understood.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct UnparsedLine {
    /// 1-based line number in the pasted text.
    pub line: usize,
    /// The line as pasted.
    pub text: String,
}

/// One order's place in the reminder queue.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RankedOrder {
    /// Index into the list passed in.
    pub index: usize,
    /// Higher first: value at risk weighed by time left.
    pub priority: f64,
    /// When to send (RFC 3339); null for `stop`.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub send_at: Option<String>,
    /// What to do with it.
    pub action: Action,
    /// When the order closes (RFC 3339).
    pub closes_at: String,
    /// Its reason code.
    pub reason: ReasonCode,
}

/// A unit enum with a fixed string form on the wire (the serde name).
pub trait WireName: Copy + Sized + 'static {
    /// Every value.
    const ALL: &'static [Self];
    /// The string form of every value, in the order of `ALL`.
    const WIRES: &'static [&'static str];
    /// The string form.
    fn wire(self) -> &'static str;
    /// Parses the string form.
    fn from_wire(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.wire() == s)
    }
}

macro_rules! wire_names {
    ($($ty:ident { $($variant:ident => $name:literal),* $(,)? })*) => {$(
        impl WireName for $ty {
            const ALL: &'static [Self] = &[$($ty::$variant),*];
            const WIRES: &'static [&'static str] = &[$($name),*];
            fn wire(self) -> &'static str {
                match self { $($ty::$variant => $name),* }
            }
        }
    )*};
}

wire_names! {
    Locale { ZhCn => "zh-CN", ZhTw => "zh-TW", En => "en" }
    Role { Buyer => "buyer", Agent => "agent", System => "system" }
    Audience { Office => "office", Student => "student", Other => "other" }
    Gender { Male => "male", Female => "female" }
    Channel { Im => "im", Sms => "sms", Phone => "phone" }
    Tone {
        Playful => "playful", Warm => "warm", Reassuring => "reassuring",
        Gentle => "gentle", Formal => "formal", Urgent => "urgent",
    }
    Action { SendNow => "send_now", Schedule => "schedule", Hold => "hold", Stop => "stop" }
    ReasonCode {
        InsufficientBalance => "insufficient_balance", ForgotPassword => "forgot_password",
        NoviceBuyer => "novice_buyer", PaymentSystemIssue => "payment_system_issue",
        PaymentTrouble => "payment_trouble", PriceBargain => "price_bargain",
        ShippingFee => "shipping_fee", ProductDoubt => "product_doubt",
        ComparingShops => "comparing_shops", WaitingReply => "waiting_reply",
        ServiceUnhappy => "service_unhappy", OrderMerge => "order_merge",
        GiftOrPromo => "gift_or_promo", DeliveryQuestion => "delivery_question",
        ChangedMind => "changed_mind", SilentOrder => "silent_order", Unknown => "unknown",
    }
}
