//! What the buyer said about their situation beyond the reason code (a card
//! limit, no card or wallet to pay with, still thinking it over, a bank
//! upgrade, a day they need it by), read from
//! `src/data/said.tsv` so that a line can answer it rather than ask again.

use std::sync::LazyLock;

use crate::core::input::Input;
use crate::core::model::Role;
use crate::core::text::PhraseGroups;

/// The flags of `said.tsv`, in its row order.
pub const FLAGS: [&str; 24] = [
    "cardLimit",
    "cardBlocked",
    "noMethod",
    "thinking",
    "upgrade",
    "rushed",
    "business",
    "callMe",
    "imOnly",
    "redo",
    "grief",
    "ownLink",
    "remindMe",
    "scam",
    "voice",
    "onCondition",
    "noQin",
    "appeal",
    "goodNews",
    "setback",
    "decides",
    "image",
    "askToAsk",
    "notNow",
];

/// Flags that hold from the message that says them until the chat ends,
/// not only until the agent writes again: a wish about how to be contacted
/// (有事旺旺说) stands after the agent's "收到".
const STANDING: [&str; 1] = ["imOnly"];

/// The phrases of each flag, one group per flag (a flag's rows joined),
/// matched in lower-cased text (built in about half the time of an ASCII
/// case-insensitive matcher).
static TABLE: LazyLock<PhraseGroups> = LazyLock::new(|| table(false));

/// The standing flags' words alone, under the same group indices: the
/// messages before the agent last wrote are read for these only.
static STANDING_TABLE: LazyLock<PhraseGroups> = LazyLock::new(|| table(true));

/// The words of every flag (of the [`STANDING`] ones with `standing_only`),
/// a group per flag of [`FLAGS`].
fn table(standing_only: bool) -> PhraseGroups {
    let mut groups: Vec<Vec<&'static str>> = vec![Vec::new(); FLAGS.len()];
    for l in crate::core::data::SAID.lines() {
        let Some((flag, words)) = l.split_once('\t') else {
            continue;
        };
        if let Some(g) = FLAGS
            .iter()
            .position(|f| *f == flag && (!standing_only || STANDING.contains(f)))
            .and_then(|i| groups.get_mut(i))
        {
            g.extend(words.split('|'));
        }
    }
    if standing_only {
        PhraseGroups::new(groups)
    } else {
        PhraseGroups::lower_case(groups)
    }
}

/// What the buyer said since the agent last wrote, flag by flag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Said {
    /// Their card's limit stops the payment.
    pub card_limit: bool,
    /// Their card cannot pay at all, as they said (expired, frozen, not
    /// open for online payments, not accepted).
    pub card_blocked: bool,
    /// They have no card or wallet to pay with.
    pub no_method: bool,
    /// They are still thinking it over (我再想想).
    pub thinking: bool,
    /// Their bank or payment system is being upgraded or maintained.
    pub upgrade: bool,
    /// They need the item by a day (周六要用).
    pub rushed: bool,
    /// They buy for a company (专票, 公司报销).
    pub business: bool,
    /// They ask to be phoned (给我打个电话).
    pub call_me: bool,
    /// They asked to be contacted on IM only (有事旺旺说, 别给我打电话),
    /// anywhere in the chat.
    pub im_only: bool,
    /// The order is the wrong variant and they want the right one (拍成了
    /// 大人的 我要110码的): a re-order, not a decline.
    pub redo: bool,
    /// They lost someone, a person or a pet (豆豆昨天走了, 家里老人去世了):
    /// condolences, not selling.
    pub grief: bool,
    /// They found the item cheaper in another listing of this shop (你家另一个
    /// 链接才69): the agent checks the two listings, no "the price can't change".
    pub own_link: bool,
    /// They asked to be reminded at their time (你到时候提醒我一下).
    pub remind_me: bool,
    /// They report a caller posing as the shop (说是你们客服 要我去ATM).
    pub scam: bool,
    /// They object to being called 亲 (能不能别一口一个亲).
    pub no_qin: bool,
    /// Their payment account is restricted and they appealed (账户有风险被
    /// 限制付款了 我提交申诉了): it clears in its own time.
    pub appeal: bool,
    /// They cancel because of good news (进面了 用不上了): congratulate.
    pub good_news: bool,
    /// They cancel because of bad news (签证没下来): be sorry first.
    pub setback: bool,
    /// They put off deciding till a time or a person (等周六我妈过来看看
    /// 再说): deciding then is fine, paying is not what they said.
    pub decides: bool,
    /// They sent a picture ([图片]) and few words beside it (这个 ？？): the
    /// agent looks before answering.
    pub image: bool,
    /// They mean to ask but have not said what (有人吗 想问下): a message
    /// of their turn ends with the words.
    pub ask_to_ask: bool,
    /// They ask not to be messaged now (现在不要发消息 会吵醒): no reply
    /// goes now.
    pub not_now: bool,
    /// Their turn since the agent last wrote is voice messages only
    /// ([语音] 0'41''): listen and answer, nothing to read.
    pub voice_only: bool,
    /// They asked for IM only since the agent last wrote (刚才是你们打的电话吧
    /// 以后别打电话了), not only earlier in the chat.
    pub im_only_now: bool,
    /// They say they have paid since the agent last wrote (我早上已经付了,
    /// I paid already) while the order shows unpaid: the agent checks with
    /// them, and no payment reminder is planned until then. Set by the
    /// reason analysis from its paid statements, not from `said.tsv`.
    pub paid_said: bool,
}

/// Which flags the buyer's messages since the agent last wrote set.
pub fn said(input: &Input) -> Said {
    let (out, recent, voice_only) = flags(input);
    let [card_limit, card_blocked, no_method, thinking, upgrade, rushed, business, call_me, im_only, redo, grief, own_link, remind_me, scam, _voice, on_condition, no_qin, appeal, good_news, setback, decides, image, ask, not_now] =
        out;
    Said {
        card_limit,
        card_blocked,
        no_method,
        // 不便宜我再看看: the condition is what they wait for.
        thinking: thinking && !on_condition,
        upgrade,
        rushed,
        business,
        call_me,
        im_only,
        redo,
        grief,
        own_link,
        remind_me,
        scam,
        no_qin,
        appeal,
        good_news,
        setback,
        // 等25号对完发票再说…还是会付啦: they said they will pay.
        decides: decides
            && !input.since_agent().iter().any(|m| {
                m.from == crate::core::model::Role::Buyer
                    && (m.text.contains('付') || m.text.to_lowercase().contains("pay"))
            }),
        image,
        ask_to_ask: ask && ends_asking_to_ask(input),
        not_now,
        voice_only,
        // The reason analysis sets it.
        paid_said: false,
        im_only_now: FLAGS
            .iter()
            .position(|f| *f == "imOnly")
            .and_then(|i| recent.get(i))
            .is_some_and(|b| *b),
    }
}

/// A buyer message since the agent last wrote ends with the askToAsk
/// words (有人吗 想问下～), not with the question itself (想问下有黑色吗).
fn ends_asking_to_ask(input: &Input) -> bool {
    static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        crate::core::data::SAID
            .lines()
            .filter_map(|l| l.strip_prefix("askToAsk\t"))
            .flat_map(|w| w.split('|'))
            .collect()
    });
    input
        .since_agent()
        .iter()
        .filter(|m| m.from == Role::Buyer)
        .any(|m| {
            let t = m
                .text
                .trim_end_matches(|c: char| !c.is_alphanumeric() || "呢啊呀哈哦吧嘛".contains(c))
                .to_lowercase();
            WORDS.iter().any(|w| t.ends_with(w))
        })
}

/// The flags that hold (a standing one anywhere, the others since the agent
/// last wrote), the flags found since the agent last wrote, and whether
/// every buyer message since then is a voice message.
fn flags(input: &Input) -> ([bool; FLAGS.len()], [bool; FLAGS.len()], bool) {
    let mut out = [false; FLAGS.len()];
    let mut now = [false; FLAGS.len()];
    let recent = input.messages.len() - input.since_agent().len();
    let voice = FLAGS.iter().position(|f| *f == "voice");
    let image = FLAGS.iter().position(|f| *f == "image");
    let (mut turn, mut voiced) = (0usize, 0usize);
    // A message of its own beside the picture (鸿蒙的淘宝点付款就白屏 …
    // [图片]): the words are read, the picture only shows them.
    let mut worded = false;
    for (n, m) in input.messages.iter().enumerate() {
        if m.from != Role::Buyer {
            continue;
        }
        // The standing flags hold wherever they were said; the others
        // only since the agent last wrote, where every flag is read.
        if n >= recent {
            let mut here = [false; FLAGS.len()];
            TABLE.mark(&m.text.to_lowercase(), &mut here);
            turn += 1;
            voiced += usize::from(voice.and_then(|v| here.get(v)).is_some_and(|b| *b));
            let pictured = image.and_then(|v| here.get(v)).is_some_and(|b| *b);
            let letters = m.text.chars().filter(|c| c.is_alphanumeric()).count();
            worded |= !pictured && letters > 4;
            for (a, b) in now.iter_mut().zip(here) {
                *a |= b;
            }
        } else {
            STANDING_TABLE.mark(m.text, &mut out);
        }
    }
    if worded {
        if let Some(b) = image.and_then(|v| now.get_mut(v)) {
            *b = false;
        }
    }
    for (o, n) in out.iter_mut().zip(now) {
        *o |= n;
    }
    (out, now, turn > 0 && voiced == turn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_names_a_known_flag() {
        let rows: Vec<&str> = crate::core::data::SAID.lines().collect();
        assert_eq!(rows.len(), FLAGS.len());
        assert!(rows.iter().all(|l| l
            .split_once('\t')
            .is_some_and(|(f, w)| FLAGS.contains(&f) && w.split('|').count() >= 5)));
    }
}
