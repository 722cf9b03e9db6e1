//! Answers to the buyer's open questions, from the facts the context gives
//! (`items[].facts`, `shop.shipping`, `shop.coupon`), and the language the
//! buyer writes in.
//!
//! A question the facts answer gets the answer; one they don't gets a
//! visible slot for the agent (`【有黑色吗：在这里回答】`). Nothing here
//! claims an answer it does not give, and a delivery time is never
//! promised: the courier and the dispatch time are facts, the days in
//! transit are the agent's to fill in.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex_lite::Regex;

use super::{pinyin, Request};
use crate::core::input::{Input, Msg};
use crate::core::model::{FactValue, ItemFacts, Locale, ReasonCode, Role, Shipping, ShopAnswer};
use crate::core::reason::fold;
use crate::core::text::{lower_case_phrases, PhraseGroups};

/// What a question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Topic {
    Stock,
    Colour,
    Size,
    Origin,
    Arrive,
    Ship,
    Price,
    Postage,
    /// Paying or talking outside the platform (加微信转账, 私下交易): the
    /// shop's plain policy is no.
    OffPlatform,
    /// How to pay: instalments, cash on delivery, two payments for one
    /// order, whether a bound card can be charged unasked, no Alipay.
    Pay(PayAsk),
    /// A gift parcel without the packing slip or prices (别放发货单和价格):
    /// a plain yes.
    Discreet,
    /// Whether the unpaid order closes by itself (会不会自己关掉): when.
    Closes,
    /// An invoice for more than was paid (能不能开800 多开点好报销): no,
    /// only the amount paid (the law, and 004: never lie).
    InvoiceMore,
    /// How the parcel is left (放门口 别敲门): noted on the order.
    Doorstep,
    /// Whether a person is answering (你是真人还是机器人): yes, plainly.
    Human,
    /// Whether the goods are safe for a pet, a child, a pregnancy or an
    /// allergy (精油对猫有没有影响): only the shop's own answer or the
    /// agent speaks to it, never a fact or a gift read beside it.
    Safety,
    Other,
}

/// What a payment question asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PayAsk {
    Instalments,
    OnDelivery,
    Split,
    CardSafe,
    NoAlipay,
    Method,
    Shown,
    /// Ship first, pay on receipt (先发货 我收到再付).
    ShipFirst,
    /// Whether the Alipay balance must be topped up first (支付宝里没钱
    /// 是不是要先充值): no, a bank card pays.
    Topup,
    /// Whether money in Yu'e Bao pays directly (余额宝的钱能直接付吗): yes.
    Yuebao,
    /// Which password the payment asks for (是不是银行卡那个密码).
    WhichPassword,
    /// Whether 确认收货 is paying (是不是点确认收货就付钱了): it is not.
    ConfirmReceipt,
}

/// The words of `questions.tsv` of one kind (`topic`, `asking`, `ping`,
/// `nobody`): each row's name and words, in row order.
fn rows(
    kind: &'static str,
) -> impl Iterator<Item = (&'static str, impl Iterator<Item = &'static str>)> {
    crate::core::data::QUESTIONS.lines().filter_map(move |l| {
        let mut cols = l.splitn(3, '\t');
        (cols.next()? == kind).then_some(())?;
        let name = cols.next()?;
        Some((name, cols.next()?.split('|').filter(|w| !w.is_empty())))
    })
}

/// A topic by its name in `questions.tsv`.
fn named_topic(name: &str) -> Option<Topic> {
    Some(match name {
        "off_platform" => Topic::OffPlatform,
        "stock" => Topic::Stock,
        "colour" => Topic::Colour,
        "size" => Topic::Size,
        "origin" => Topic::Origin,
        "arrive" => Topic::Arrive,
        "ship" => Topic::Ship,
        "price" => Topic::Price,
        "postage" => Topic::Postage,
        "pay.instalments" => Topic::Pay(PayAsk::Instalments),
        "pay.on_delivery" => Topic::Pay(PayAsk::OnDelivery),
        "pay.split" => Topic::Pay(PayAsk::Split),
        "pay.card_safe" => Topic::Pay(PayAsk::CardSafe),
        "pay.no_alipay" => Topic::Pay(PayAsk::NoAlipay),
        "pay.method" => Topic::Pay(PayAsk::Method),
        "pay.shown" => Topic::Pay(PayAsk::Shown),
        "pay.ship_first" => Topic::Pay(PayAsk::ShipFirst),
        "pay.which_password" => Topic::Pay(PayAsk::WhichPassword),
        "pay.topup" => Topic::Pay(PayAsk::Topup),
        "pay.yuebao" => Topic::Pay(PayAsk::Yuebao),
        "pay.confirm" => Topic::Pay(PayAsk::ConfirmReceipt),
        "discreet" => Topic::Discreet,
        "invoice_more" => Topic::InvoiceMore,
        "doorstep" => Topic::Doorstep,
        "closes" => Topic::Closes,
        "safety" => Topic::Safety,
        "human" => Topic::Human,
        _ => return None,
    })
}

/// The topics in row order, each with whether it counts only in a clause
/// that asks (`.asked`), and their matcher (group i is topic i).
static TOPICS: LazyLock<(Vec<(Topic, bool)>, PhraseGroups)> = LazyLock::new(|| {
    let mut topics = Vec::new();
    let mut groups: Vec<Vec<&'static str>> = Vec::new();
    for (name, words) in rows("topic") {
        let (name, asked) = match name.strip_suffix(".asked") {
            Some(n) => (n, true),
            None => (name, false),
        };
        if let Some(t) = named_topic(name) {
            topics.push((t, asked));
            groups.push(words.collect());
        }
    }
    (topics, PhraseGroups::lower_case(groups))
});

/// Words that make a clause a question (besides a topic word or `?`)
/// anywhere in it.
static ASKING_WORDS: LazyLock<PhraseGroups> = LazyLock::new(|| {
    PhraseGroups::lower_case(
        rows("asking")
            .filter(|(name, _)| *name == "anywhere")
            .map(|(_, w)| w),
    )
});

/// The words of the `asking` row named `kind`.
fn asking(kind: &str) -> Vec<&'static str> {
    rows("asking")
        .filter(|(name, _)| *name == kind)
        .flat_map(|(_, w)| w)
        .collect()
}

/// Words that hold an asking word but ask nothing (好几罐, 几乎).
static NOT_ASKING: LazyLock<Vec<&'static str>> = LazyLock::new(|| asking("not"));

/// [`NOT_ASKING`] in one automaton: most clauses hold none of its words.
static NOT_ASKING_ANY: LazyLock<AhoCorasick> = LazyLock::new(|| lower_case_phrases(&NOT_ASKING));

/// Whether an [`ASKING_WORDS`] word is in `spaced` once the words of
/// [`NOT_ASKING`] are blanked out, one after the other.
fn asks_anywhere(spaced: &str) -> bool {
    if !NOT_ASKING_ANY.is_match(spaced) {
        return ASKING_WORDS.any(spaced);
    }
    ASKING_WORDS.any(
        &NOT_ASKING
            .iter()
            .fold(spaced.to_string(), |s, w| s.replace(w, " ")),
    )
}

/// Words of a clause that asks nothing, whatever its marks (你这什么态度？？).
static RHETORICAL: LazyLock<Vec<&'static str>> = LazyLock::new(|| asking("rhetorical"));

/// Words that ask nothing when they are the whole clause (什么意思啊).
static ALONE: LazyLock<Vec<&'static str>> = LazyLock::new(|| asking("alone"));

/// Words that, as the whole clause, ask about the clause before them
/// (是真的吗, 行不行, is that true).
static BACK: LazyLock<Vec<&'static str>> = LazyLock::new(|| asking("back"));

/// Whether the folded clause `n` is one of `words` and nothing else but
/// particles and marks.
fn whole(words: &[&str], n: &str) -> bool {
    let core = n
        .trim()
        .trim_end_matches(|c: char| "?!.~～啊呀呢吧哈嘛".contains(c) || c.is_whitespace());
    words
        .iter()
        .any(|w| core == w.trim() || n.trim() == w.trim())
}

/// Words that make a clause a question as its first word (how, can).
static ASKING_FIRST: LazyLock<Vec<&'static str>> = LazyLock::new(|| asking("first"));

/// Words before the question that do not count (also, btw, 请问), each
/// with the fewest characters that must follow it: a conjunction (还有)
/// only before a whole clause.
static LEAD_WORDS: LazyLock<Vec<(&'static str, usize)>> = LazyLock::new(|| {
    rows("lead")
        .flat_map(|(name, w)| w.map(move |w| (w, if name == "join" { 5 } else { 2 })))
        .collect()
});

/// Whether the clause's first word, after any lead words, asks (also do
/// they come with brushes).
fn asks_first(spaced: &str) -> bool {
    let mut head = spaced;
    while let Some(rest) = LEAD_WORDS.iter().find_map(|(w, _)| head.strip_prefix(w)) {
        head = rest;
    }
    ASKING_FIRST.iter().any(|w| {
        head.strip_prefix(w)
            .is_some_and(|rest| !AUXILIARIES.contains(w) || has_subject(rest))
    })
}

/// English modal verbs that ask only with a subject after them: "will it
/// fit" asks, "will pay once it's lifted" and "can do friday" do not.
const AUXILIARIES: [&str; 5] = ["will ", "can ", "could ", "would ", "should "];

/// Whether `rest`, the words after an auxiliary, start with its subject.
fn has_subject(rest: &str) -> bool {
    let word = rest
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("");
    matches!(
        word,
        "i" | "you"
            | "u"
            | "it"
            | "we"
            | "they"
            | "he"
            | "she"
            | "this"
            | "that"
            | "these"
            | "those"
            | "the"
            | "my"
            | "your"
            | "our"
            | "their"
            | "his"
            | "her"
            | "its"
            | "there"
            | "a"
            | "an"
            | "anyone"
            | "someone"
            | "somebody"
            | "any"
            | "all"
            | "both"
            | "one"
            | "shipping"
            | "delivery"
            | "payment"
            | "paypal"
            | "customs"
    ) || word.is_empty()
}

/// Short texts that only ask for attention (在吗 / 人呢 / hello?), not a question.
static PINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| rows("ping").flat_map(|(_, w)| w).collect());

/// Words of a buyer calling for someone to answer.
static NOBODY: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| rows("nobody").flat_map(|(_, w)| w).collect());

/// Words of a question whether the order comes with a gift (有啥送的没).
static GIFT_ASKS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| rows("gift").flat_map(|(_, w)| w).collect());

/// A gift as said in the line's language (手提礼袋 (gift bag) is "gift
/// bag" in English), or as the shop wrote it.
fn gift_said(loc: Locale, gift: &str) -> String {
    super::facts::in_locale(loc, gift)
        .unwrap_or(gift)
        .to_string()
}

/// Folds a text to simplified Chinese and lower case, full-width `？` to `?`:
/// the text the phrase tables of this module read (built with
/// [`PhraseGroups::lower_case`]).
fn norm(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '？' => '?',
            '，' => ',',
            _ => fold(c),
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// One question clause of the buyer's: the words as written, and folded.
struct Clause<'a> {
    said: String,
    /// The whole message: a size question reads the height and weight
    /// the buyer gave in the clause before (我158 48公斤 穿S还是M).
    message: &'a str,
    norm: String,
    asks: bool,
    /// What it asks about.
    topic: Topic,
}

/// A message cut into clauses: after `？！，。；` and line breaks, and at a
/// space after a question particle (起不起球啊 上次买的…). Not at `,` or
/// `.`: English writes both inside one question (12.12).
fn clauses(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev = ' ';
    let han = super::super::text::is_han;
    // Where a quotation opened (贺卡写“老婆 十周年快乐”吗): its spaces and
    // commas are the quoted words', not the buyer's clauses. A quotation
    // left open ends after 40 characters.
    let mut quote: Option<usize> = None;
    for (n, (i, c)) in text.char_indices().enumerate() {
        let end = i + c.len_utf8();
        match c {
            '“' | '「' | '『' => quote = Some(n),
            '”' | '」' | '』' => quote = None,
            '"' => quote = if quote.is_some() { None } else { Some(n) },
            _ if quote.is_some_and(|q| n > q + 40) => quote = None,
            _ => {}
        }
        if quote.is_some() {
            prev = c;
            continue;
        }
        // Chinese buyers use a space as a comma: between two Chinese words
        // it ends a clause (发成都几天到 下周二之前要送人).
        let next_han = || {
            text.get(end..)
                .and_then(|r| r.trim_start().chars().next())
                .is_some_and(han)
        };
        // 有附记忆卡吗 还是要另外买: one question with its alternative.
        let or_next = || {
            text.get(end..).map(str::trim_start).is_some_and(|r| {
                ["还是", "還是", "定系", "定係"]
                    .iter()
                    .any(|w| r.starts_with(w))
            })
        };
        // 这个颜色浅 透不透啊: a short A-not-A after a space asks about
        // what came before it.
        let asks_on = || {
            let next = text.get(end..).unwrap_or("").trim_start();
            let word = next
                .split(|c: char| c.is_whitespace() || "？?！!，。；;".contains(c))
                .next()
                .unwrap_or("");
            word.chars().count() <= 5 && a_not_a(word)
        };
        let cut = matches!(c, '？' | '?' | '！' | '!' | '，' | '。' | '；' | ';' | '\n')
            || c.is_whitespace()
                && (matches!(prev, '吗' | '嗎' | '呢' | '啊' | '吧' | '嘛' | '么' | '麼')
                    || (han(prev) || crate::core::text::is_emoji(prev))
                        && next_han()
                        && !asks_on())
                && !or_next()
            // hmm ok. how do i know…: a sentence ends at a full stop and a
            // space after a word (not 12.12).
            || c.is_whitespace() && prev == '.'
                && text[..i]
                    .trim_end_matches('.')
                    .ends_with(|c: char| c.is_ascii_alphabetic());
        if cut {
            out.push(&text[start..end]);
            start = end;
        }
        prev = c;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Agent lines that answer nothing (稍等, 帮您转接) and a buyer's word that
/// they said it already (我最开始就说了).
static REOPEN: LazyLock<(PhraseGroups, PhraseGroups)> = LazyLock::new(|| {
    let named = |kind: &str| {
        PhraseGroups::lower_case(
            rows("reopen")
                .filter(|(name, _)| *name == kind)
                .map(|(_, w)| w),
        )
    };
    (named("hold"), named("told"))
});

/// The buyer's messages still unanswered: those since the agent last
/// wrote, and before them those the agent's last lines left open: a hold
/// (稍等 帮您转接) answers nothing, and a question for what the buyer says
/// they told already (请问身高体重多少呢？ … 我最开始就说了啊) neither.
fn still_open<'i, 'a>(input: &'i Input<'a>) -> &'i [Msg<'a>] {
    let msgs = &input.messages[..];
    let since = input.since_agent();
    let mut start = msgs.len() - since.len();
    let (hold, told) = &*REOPEN;
    let told_now = since
        .iter()
        .any(|m| m.from == Role::Buyer && told.any(&norm(m.text)));
    // At most a few rounds back: a long chat's old questions were dealt with.
    for _ in 0..3 {
        let before = msgs.get(..start).unwrap_or(&[]);
        let agent_from = before
            .iter()
            .rposition(|m| m.from != Role::Agent)
            .map_or(0, |i| i + 1);
        let agents = before.get(agent_from..).unwrap_or(&[]);
        let empty = |m: &Msg| {
            let n = norm(m.text);
            hold.any(&n) || told_now && (n.contains('?') || n.ends_with(['吗', '呢']))
        };
        if agents.is_empty() || agent_from == 0 || !agents.iter().all(empty) {
            break;
        }
        start = before
            .get(..agent_from)
            .unwrap_or(&[])
            .iter()
            .rposition(|m| m.from == Role::Agent)
            .map_or(0, |i| i + 1);
    }
    msgs.get(start..).unwrap_or(&[])
}

/// The clauses of the buyer's messages since the agent last wrote (and
/// those its last lines left open: [`still_open`]).
fn unanswered<'a>(input: &Input<'a>) -> Vec<Clause<'a>> {
    let mut out = Vec::new();
    let open = still_open(input);
    // The agent's message the buyer answers: 先生？？ after 王先生您好 throws
    // the agent's word back, it asks for no fact.
    let agent = input
        .messages
        .get(..input.messages.len().saturating_sub(open.len()))
        .and_then(<[_]>::last)
        .map(|m| norm(m.text));
    // The sizes of an item with a size chart: a question naming one (装1.8的
    // 够吗 for 1.8米) asks about the size, and the chart answers it.
    let charted: Vec<String> = input
        .items()
        .iter()
        .find_map(|i| i.facts.as_ref())
        .filter(|f| f.size_chart.is_some())
        .map(|f| texts(&f.sizes))
        .unwrap_or_default();
    let topic = |n: &str, asks: bool| match topic(n, asks) {
        Topic::Other if asks && names_size(n, &charted) => Topic::Size,
        t => t,
    };
    for m in open {
        if m.from != Role::Buyer {
            continue;
        }
        for part in clauses(m.text) {
            let trimmed =
                part.trim_matches(|c: char| c.is_whitespace() || "，,。！!；;~～".contains(c));
            let said = trimmed.trim_end_matches(['？', '?']).trim();
            if said.chars().count() < 2 {
                continue;
            }
            let n = norm(trimmed);
            let spaced = [n.as_str(), " "].concat();
            let bare = n.trim_end_matches(['?', '!', '！']);
            let echo =
                bare.chars().count() <= 4 && agent.as_deref().is_some_and(|a| a.contains(bare));
            let asks = !echo
                && !RHETORICAL.iter().any(|w| n.contains(w))
                && !whole(&ALONE, &n)
                && (trimmed.ends_with(['？', '?'])
                    || asks_anywhere(&spaced)
                    || asks_first(&spaced)
                    || n.ends_with('不')
                    || n.ends_with('没')
                    || a_not_a(&n));
            // 看到网上说X40下个月出？是真的吗: the clause before is what
            // is asked about; one question, in the buyer's words.
            if let Some(prev) = out
                .last_mut()
                .filter(|p: &&mut Clause| std::ptr::eq(p.message, m.text) && whole(&BACK, &n))
            {
                let joint = if m.text.is_ascii() { ", " } else { "，" };
                prev.said = [prev.said.as_str(), joint, said].concat();
                prev.norm = norm(&prev.said);
                prev.asks = true;
                prev.topic = topic(&prev.norm, true);
                continue;
            }
            out.push(Clause {
                said: said.to_string(),
                message: m.text,
                topic: topic(&n, asks),
                norm: n,
                asks,
            });
        }
    }
    out
}

/// 起不起球 / 好不好: a verb, 不, the verb again.
fn a_not_a(norm: &str) -> bool {
    let c: Vec<char> = norm.chars().collect();
    c.windows(3)
        .any(|w| matches!(w, [a, '不', b] if a == b && crate::core::text::is_letter(*a)))
}

fn topic(norm: &str, asks: bool) -> Topic {
    // English asks with a question mark or an asking word: "don't want to
    // pay shipping twice" says what the buyer wants, it asks nothing. A
    // trouble paying ("no alipay", "still says unpaid") is answered as said.
    let english = !norm.chars().any(super::super::text::is_han);
    let (topics, matcher) = &*TOPICS;
    let found = matcher.found(norm);
    match found
        .iter()
        .filter_map(|i| topics.get(*i))
        .find(|(t, only_asked)| {
            asks || !(*only_asked || english && !matches!(t, Topic::Pay(_) | Topic::OffPlatform))
        }) {
        Some((t, _)) => *t,
        // do u have this in a dark green?: a colour named in an English
        // question asks about the colours.
        None if asks && english && english_colour(norm).is_some() => Topic::Colour,
        // 可以走顺丰吗: naming a carrier in a question asks how it ships;
        // 我到7-11要缴费 only says where the buyer went.
        None if asks && carrier(norm).is_some() => Topic::Ship,
        None => Topic::Other,
    }
}

/// A colour an English question names, with the word before it when that
/// shades it (dark green, light blue).
fn english_colour(norm: &str) -> Option<String> {
    const COLOURS: [&str; 32] = [
        "black", "white", "grey", "gray", "red", "blue", "green", "yellow", "pink", "purple",
        "brown", "beige", "orange", "navy", "cream", "khaki", "olive", "tan", "camel", "burgundy",
        "maroon", "teal", "mint", "lavender", "silver", "gold", "ivory", "charcoal", "coral",
        "sage", "mustard", "wine",
    ];
    const SHADES: [&str; 6] = ["dark", "light", "pale", "deep", "bright", "baby"];
    let words: Vec<&str> = norm
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let i = words.iter().position(|w| COLOURS.contains(w))?;
    let colour = words.get(i)?;
    Some(match i.checked_sub(1).and_then(|p| words.get(p)) {
        Some(shade) if SHADES.contains(shade) => format!("{shade} {colour}"),
        _ => (*colour).to_string(),
    })
}

/// Whether `s` ends a sentence: on a mark (～, ！, 。) or an emoji (… up
/// to 250°C 🙂, not "🙂.").
fn ends_sentence(s: &str) -> bool {
    s.ends_with(['～', '~', '！', '!', '？', '?', '。', '.'])
        || s.chars()
            .next_back()
            .is_some_and(crate::core::text::is_emoji)
}

/// Where an answer's sentences end (for finding one said before).
const SENTENCE_ENDS: [char; 3] = ['；', ';', '。'];

/// Answers and slots as sentences: each ends on its own mark (～, ！, ？)
/// or gets a full stop; a chain of "；" reads as one run-on sentence.
fn sentences(loc: Locale, parts: &[String]) -> String {
    let en = loc == Locale::En;
    let mut out = String::new();
    for p in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        match (out.is_empty(), ends_sentence(&out), en) {
            (true, _, _) => {}
            (false, true, true) => out.push(' '),
            (false, true, false) => {}
            (false, false, true) => out.push_str(". "),
            (false, false, false) => out.push('。'),
        }
        // ships within 24 hours (a shop's phrase) opens an English sentence.
        let mut chars = p.chars();
        match chars.next() {
            Some(first) if en && first.is_ascii_lowercase() => {
                out.push(first.to_ascii_uppercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(p),
        }
    }
    out
}

/// The carrier a text names (能发极兔不), as its row in `carriers.tsv`.
fn carrier(norm: &str) -> Option<usize> {
    static CARRIERS: LazyLock<PhraseGroups> = LazyLock::new(|| {
        PhraseGroups::lower_case(crate::core::data::CARRIERS.lines().map(|l| l.split('\t')))
    });
    CARRIERS.first(norm)
}

/// Whether a question names a carrier other than the shop's (能发极兔不
/// when the shop ships 中通): the shop's way is said, and whether the
/// other one is possible is the agent's to say.
fn other_carrier(question: &str, shipping: &Shipping) -> bool {
    let Some(asked) = carrier(question) else {
        return false;
    };
    let ours = shipping.carrier.as_deref().map(norm).unwrap_or_default();
    carrier(&ours) != Some(asked)
}

fn texts(v: &Option<FactValue>) -> Vec<String> {
    match v {
        Some(FactValue::Text(t)) => t
            .split(['、', ',', '，', '/', ';', '；'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
        Some(FactValue::List(l)) => l
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        Some(FactValue::Number(n)) => vec![n.to_string()],
        None => Vec::new(),
    }
}

fn text(v: &Option<FactValue>) -> Option<String> {
    match v {
        Some(FactValue::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
        Some(FactValue::List(l)) if !l.is_empty() => Some(l.join("；")),
        _ => None,
    }
}

fn list(loc: Locale, items: &[String]) -> String {
    match (loc, items) {
        // Oatmeal, Sage and Navy.
        (Locale::En, [init @ .., last]) if !init.is_empty() => {
            format!("{} and {last}", init.join(", "))
        }
        _ => items.join(if loc == Locale::En { ", " } else { "、" }),
    }
}

/// One sentence in the three languages, `{}` filled in order.
fn say(loc: Locale, forms: [&str; 3], args: &[&str]) -> String {
    let [cn, tw, en] = forms;
    let mut out = match loc {
        Locale::ZhCn => cn,
        Locale::ZhTw => tw,
        Locale::En => en,
    }
    .to_string();
    for a in args {
        out = out.replacen("{}", a, 1);
    }
    out
}

/// The slot [`slot`] writes, in the three languages.
const SLOT_FORMS: [&str; 3] = [
    "【{}：在这里回答】",
    "【{}：在這裡回答】",
    "【{}: answer here】",
];

/// Whether `text` holds a slot for a buyer's question (what [`slot`]
/// writes), in any of the three languages.
pub fn has_question_slot(text: &str) -> bool {
    SLOT_FORMS
        .iter()
        .filter_map(|f| f.strip_prefix("【{}"))
        .any(|end| text.contains(end))
}

/// The first words of a clause that asks the other half of the question
/// before it (是法国制的吗 还是中国代工).
const OTHER_HALF: [&str; 5] = ["还是", "或是", "或者", "定系", "or "];

/// The longest question a slot quotes: letters in English, characters in
/// Chinese.
const SLOT_LETTERS: usize = 60;
const SLOT_CHARS: usize = 30;

/// The visible slot the agent fills in: 【有黑色吗：在这里回答】.
pub fn slot(loc: Locale, question: &str) -> String {
    // Without emoji (要買S還是M啊🐱): the slot is for the agent.
    let plain: String = question
        .chars()
        .filter(|c| !crate::core::text::is_emoji(*c))
        .collect();
    // The question, not the words around it: 请问 / 然后 / hey / also go.
    let mut question = plain.trim();
    while let Some(rest) = LEAD_WORDS.iter().find_map(|(w, least)| {
        question
            .get(..w.len())
            .filter(|h| h.eq_ignore_ascii_case(w))
            .and_then(|_| question.get(w.len()..))
            .map(|r| r.trim_start_matches([' ', '，', ',']))
            .filter(|r| r.chars().count() >= *least)
    }) {
        question = rest;
    }
    // does it come in a gift bag, it's for his parents: the question, not
    // what follows its comma; bought it in spring for 168, why 198 now: the
    // piece that asks.
    if loc == Locale::En {
        let pieces: Vec<&str> = question.split(", ").collect();
        let asks = |p: &&str| {
            let lower = [" ", p.trim().to_lowercase().as_str(), " "].concat();
            p.trim_end().ends_with('?')
                || asks_first(lower.trim_start())
                || [" will ", " can ", " does ", " do i ", " is it ", " are "]
                    .iter()
                    .any(|w| lower.contains(w))
        };
        // A short asking piece (why 198 now) needs the words before it.
        if let Some(piece) = pieces
            .iter()
            .find(|p| asks(p))
            .or_else(|| pieces.first())
            .filter(|p| p.len() >= 12 && pieces.len() > 1)
        {
            question = piece;
        }
    }
    let q = if loc == Locale::En && question.len() <= SLOT_LETTERS {
        question.to_string()
    } else if loc == Locale::En {
        // Whole words, up to SLOT_LETTERS letters.
        let mut q = String::new();
        for w in question.split_whitespace() {
            if q.len() + w.len() >= SLOT_LETTERS {
                break;
            }
            if !q.is_empty() {
                q.push(' ');
            }
            q.push_str(w);
        }
        q
    } else {
        // A space between two Chinese words is a comma (这个颜色浅 透不透啊).
        let han = crate::core::text::is_han;
        let words: Vec<&str> = question.split_whitespace().collect();
        let mut q = String::new();
        for (i, w) in words.iter().enumerate() {
            if let Some(prev) = i.checked_sub(1).and_then(|p| words.get(p)) {
                let comma =
                    prev.chars().next_back().is_some_and(han) && w.chars().next().is_some_and(han);
                q.push_str(if comma { "，" } else { " " });
            }
            q.push_str(w);
        }
        // Whole clauses when it is long (两个问题 joined by ，).
        if q.chars().count() <= SLOT_CHARS {
            q
        } else {
            let head: String = q.chars().take(SLOT_CHARS).collect();
            match head.rfind('，').filter(|i| *i >= 6) {
                Some(i) => head[..i].to_string(),
                None => head,
            }
        }
    };
    say(loc, SLOT_FORMS, &[&q])
}

/// The pieces of a size chart (cut at `；;。` and line breaks) that name a
/// size the buyer wrote (75B in 我平时穿75B: 本款偏小一码：平时75B建议拍80B),
/// joined; `None` when no piece does.
fn chart_said(chart: &str, message: &str) -> Option<String> {
    let pieces: Vec<&str> = chart
        .split(['；', ';', '。', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // Sizes as the buyer wrote them: letters and digits together, with a
    // digit and a letter (75B, 36C, EU40 is too loose: 2 characters up).
    let named: Vec<String> = message
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| {
            w.len() >= 2
                && w.chars().any(|c| c.is_ascii_digit())
                && w.chars().any(|c| c.is_ascii_alphabetic())
        })
        .map(str::to_ascii_uppercase)
        .collect();
    let names = |p: &str| {
        let up = p.to_ascii_uppercase();
        named.iter().any(|w| {
            up.match_indices(w.as_str()).any(|(i, _)| {
                let before = up.get(..i).and_then(|s| s.chars().next_back());
                let after = up.get(i + w.len()..).and_then(|s| s.chars().next());
                !before.is_some_and(|c| c.is_ascii_alphanumeric())
                    && !after.is_some_and(|c| c.is_ascii_alphanumeric())
            })
        })
    };
    let hit: Vec<&str> = pieces.iter().copied().filter(|p| names(p)).collect();
    if hit.is_empty() {
        return None;
    }
    Some(hit.join("；"))
}

/// A listed size named in `norm`, as written or without its unit (1.8 for
/// 1.8米, 140 for 140码).
fn names_size(norm: &str, sizes: &[String]) -> bool {
    let bare: Vec<String> = sizes
        .iter()
        .map(|s| {
            s.trim_end_matches(|c: char| !c.is_ascii())
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect();
    named_size(norm, sizes).is_some() || named_size(norm, &bare).is_some()
}

/// Words of a body or fit a size chart may give advice for (脚背高建议大一码).
const FIT_WORDS: [&str; 16] = [
    "脚背", "腳背", "脚宽", "腳寬", "脚肥", "腳肥", "肉脚", "肉腳", "腿粗", "肩宽", "肩寬", "胸大",
    "肚子", "厚袜", "厚襪", "宽松",
];

/// The chart's advice (a piece with no number, 脚宽或脚背高建议大一码) on a
/// fit word the buyer used too (她脚背有点高): `said` tells whether they did.
fn chart_note(chart: &str, said: impl Fn(&str) -> bool) -> Option<String> {
    chart
        .split(['（', '）', '(', ')', '；', ';', '。', '，', ','])
        .map(str::trim)
        .find(|p| {
            !p.chars().any(|c| c.is_ascii_digit())
                && FIT_WORDS.iter().any(|w| p.contains(w) && said(w))
        })
        .map(str::to_string)
}

/// The unit said after a chart's size: 码 / 號 for a bare size (M码, 140码),
/// none for one that says its unit already (42码, not 42码码; 1.8米) or in
/// English.
fn size_unit(loc: Locale, size: &str) -> &'static str {
    match loc {
        _ if size.ends_with(|c: char| !c.is_ascii()) => "",
        Locale::ZhCn => "码",
        Locale::ZhTw => "號",
        Locale::En => "",
    }
}

/// A size token (S, M, XL, EU 40, 38) named as a word in `norm`.
fn named_size<'a>(norm: &str, sizes: &'a [String]) -> Option<&'a String> {
    sizes.iter().find(|s| {
        let s = s.to_ascii_lowercase();
        norm.match_indices(&s).any(|(i, _)| {
            let before = norm[..i].chars().next_back();
            let after = norm[i + s.len()..].chars().next();
            let edge = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
            edge(before) && edge(after)
        })
    })
}

#[allow(
    clippy::expect_used,
    reason = "a constant pattern, compiled by every test run"
)]
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d+(?:\.\d+)?)\s*[-~～到]\s*(\d+(?:\.\d+)?)\s*(cm|厘米|公分|斤|kg|公斤|米)?")
        .expect("size-chart pattern")
});
#[allow(
    clippy::expect_used,
    reason = "a constant pattern, compiled by every test run"
)]
static BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d+(?:\.\d+)?)\s*(?:(cm|厘米|公分|斤|kg|公斤)|米(\d{1,2})?)?")
        .expect("body pattern")
});

/// Height (cm) or weight (kg) from a number and its unit; a bare number
/// is a height from 130 to 210.
fn measure(n: f64, unit: &str) -> Option<(bool, f64)> {
    match unit {
        "cm" | "厘米" | "公分" => Some((true, n)),
        "米" => Some((true, n * 100.0)),
        "斤" => Some((false, n / 2.0)),
        "kg" | "公斤" => Some((false, n)),
        _ if (130.0..=210.0).contains(&n) => Some((true, n)),
        _ => None,
    }
}

/// The size the chart gives for the height and weight in the question,
/// with the words the buyer used for them and the chart entry.
fn pick_size(chart: &str, question: &str) -> Option<(String, String, String)> {
    let mut body: Vec<(bool, f64)> = Vec::new();
    let mut said: Vec<String> = Vec::new();
    for c in BODY.captures_iter(question) {
        let mut n: f64 = c.get(1)?.as_str().parse().ok()?;
        let metres = c.get(0)?.as_str().contains('米');
        let unit = c
            .get(2)
            .map_or(if metres { "米" } else { "" }, |m| m.as_str());
        // 1米65, 2米1: metres and the digits after them.
        if let Some(d) = c.get(3) {
            let tail: f64 = d.as_str().parse().ok()?;
            n += tail / 10f64.powi(i32::try_from(d.as_str().len()).unwrap_or(1));
        }
        let start = c.get(0)?.start();
        let before = question.get(..start).unwrap_or("").trim_end();
        // 穿130 / 拍140: a size the buyer names, not a height.
        if unit.is_empty() && before.ends_with(['穿', '拍', '选', '買', '买']) {
            continue;
        }
        // 身高128: a child's height, under the bare-number range.
        let m = match measure(n, unit) {
            None if unit.is_empty() && before.ends_with("身高") && (50.0..130.0).contains(&n) => {
                Some((true, n))
            }
            m => m,
        };
        if let Some(m) = m {
            if !body.iter().any(|b| b.0 == m.0) {
                body.push(m);
                said.push(c.get(0)?.as_str().trim().to_string());
            }
        }
    }
    if body.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    // When no size fits every measure (178cm but 190斤), the largest size
    // one of them fits: a snug size is the one buyers return.
    let mut larger: Option<&str> = None;
    for entry in chart.split([';', '；', '\n']).map(str::trim) {
        let Some(size) = entry.split_whitespace().next() else {
            continue;
        };
        let mut fits = 0;
        for r in RANGE.captures_iter(entry) {
            let (Some(lo), Some(hi)) = (r.get(1), r.get(2)) else {
                continue;
            };
            let (lo, hi): (f64, f64) = (
                lo.as_str().parse().unwrap_or(0.0),
                hi.as_str().parse().unwrap_or(0.0),
            );
            let unit = r.get(3).map_or("", |m| m.as_str());
            let Some((tall, lo_v)) = measure(lo, unit) else {
                continue;
            };
            let hi_v = measure(hi, unit).map_or(hi, |m| m.1);
            if body
                .iter()
                .any(|b| b.0 == tall && (lo_v..=hi_v).contains(&b.1))
            {
                fits += 1;
            }
        }
        // Every measure fits; on a tie (a boundary), the larger size.
        if fits == body.len() && best.is_none_or(|b| fits >= b.0) {
            best = Some((fits, entry));
            let _ = size;
        }
        if fits > 0 {
            larger = Some(entry);
        }
    }
    let entry = best.map(|b| b.1).or(larger)?;
    // 18寸: 115-135cm names its size before the colon (130：120-130cm
    // with no space too).
    let size = entry
        .split(|c: char| c.is_whitespace() || ":：=".contains(c))
        .next()?
        .to_string();
    Some((size, said.join("、"), entry.to_string()))
}

#[allow(
    clippy::expect_used,
    reason = "a constant pattern, compiled by every test run"
)]
static LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d+(?:\.\d+)?)\s*(mm|毫米|cm|厘米|公分)").expect("length pattern")
});

#[allow(
    clippy::expect_used,
    reason = "a constant pattern, compiled by every test run"
)]
static FOOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:脚长|腳長|脚掌|腳掌)[^\d]{0,3}?(\d+(?:\.\d+)?)").expect("foot pattern")
});

/// A length in millimetres when it can be a foot's (200 to 320 mm).
fn foot_mm(n: &str, unit: &str) -> Option<f64> {
    length_mm(n, unit).filter(|mm| (200.0..=320.0).contains(mm))
}

/// A length of [`LENGTH`] (a number, then mm, 毫米, cm, 厘米 or 公分) in
/// millimetres.
fn length_mm(n: &str, unit: &str) -> Option<f64> {
    let n: f64 = n.parse().ok()?;
    Some(if matches!(unit, "mm" | "毫米") {
        n
    } else {
        n * 10.0
    })
}

/// The size whose chart entry (`14号=54mm`) holds the very length the
/// buyer measured (我量了指围54mm), with the buyer's words for it.
fn pick_exact(chart: &str, question: &str) -> Option<(String, String)> {
    let mm = |c: &regex_lite::Captures| length_mm(c.get(1)?.as_str(), c.get(2)?.as_str());
    let (want, said) = LENGTH
        .captures_iter(question)
        .find_map(|c| Some((mm(&c)?, c.get(0)?.as_str().trim().to_string())))?;
    let entry = chart
        .split([';', '；', '\n', ',', '，'])
        .map(str::trim)
        .find(|e| {
            LENGTH
                .captures_iter(e)
                .filter_map(|c| mm(&c))
                .any(|v| (v - want).abs() < 0.01)
                && !RANGE.is_match(e)
        })?;
    Some((size_label(entry, &LENGTH)?, said))
}

/// The size a chart entry names before its measure (`14号=54mm`, `M：头围
/// 55-57cm`): its first word, unless that is the measure (`pattern`) itself.
fn size_label(entry: &str, pattern: &Regex) -> Option<String> {
    entry
        .split(|c: char| c.is_whitespace() || matches!(c, '=' | ':' | '：'))
        .next()
        .filter(|x| !x.is_empty() && !pattern.is_match(x))
        .map(str::to_string)
}

#[allow(
    clippy::expect_used,
    reason = "a constant pattern, compiled by every test run"
)]
static GIRTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(头围|腰围|胸围|臀围|腕围|颈围|頭圍|腰圍|胸圍|臀圍|head|waist|chest|hips?)[^\d]{0,4}?(\d+(?:\.\d+)?)\s*(cm|厘米|公分)?")
        .expect("girth pattern")
});

/// The size whose chart range of a girth (`M：头围55-57cm；L：头围57-59cm`)
/// holds the buyer's (头围56 M还是L): the larger one at a shared bound, as
/// a snug size is the one buyers return; with the buyer's words for it.
fn pick_girth(chart: &str, question: &str) -> Option<(String, String)> {
    let lower = question.to_lowercase();
    let c = GIRTH.captures(&lower)?;
    let (word, n) = (c.get(1)?.as_str(), c.get(2)?.as_str());
    let want: f64 = n.parse().ok()?;
    let unit = c.get(3).map_or("cm", |u| u.as_str());
    let said = [word, n, unit].concat();
    let entry = chart
        .split([';', '；', '\n'])
        .map(str::trim)
        .filter(|e| e.to_lowercase().contains(word))
        .rfind(|e| {
            RANGE.captures(e).is_some_and(|r| {
                let lo = r.get(1).and_then(|x| x.as_str().parse::<f64>().ok());
                let hi = r.get(2).and_then(|x| x.as_str().parse::<f64>().ok());
                matches!((lo, hi), (Some(lo), Some(hi)) if lo <= want && want <= hi)
            })
        })?;
    Some((size_label(entry, &RANGE)?, said))
}

/// The shoe size a foot-length chart (`42 = 260mm, 43 = 265mm`) gives for
/// the foot length in the question (脚长26cm, my foot is about 26cm): the
/// smallest size at least as long, with the words the buyer used and the
/// chart entry.
fn pick_foot(chart: &str, question: &str) -> Option<(String, String, String)> {
    let (foot, said) = LENGTH
        .captures_iter(question)
        .find_map(|c| {
            let mm = foot_mm(c.get(1)?.as_str(), c.get(2)?.as_str())?;
            Some((mm, c.get(0)?.as_str().trim().to_string()))
        })
        // 我妈脚长23.5: a bare number after 脚长 is centimetres (or
        // millimetres from 200 up).
        .or_else(|| {
            let c = FOOT.captures(question)?;
            let n = c.get(1)?.as_str();
            let unit = if n.parse::<f64>().ok()? < 40.0 {
                "cm"
            } else {
                "mm"
            };
            Some((foot_mm(n, unit)?, [n, unit].concat()))
        })?;
    let mut best: Option<(f64, &str)> = None;
    for entry in chart.split([';', '；', '\n', ',', '，']).map(str::trim) {
        let Some(len) = LENGTH
            .captures(entry)
            .and_then(|c| foot_mm(c.get(1)?.as_str(), c.get(2)?.as_str()))
        else {
            continue;
        };
        if len >= foot && best.is_none_or(|b| len < b.0) {
            best = Some((len, entry));
        }
    }
    let (_, entry) = best?;
    let size = entry
        .split(|c: char| c.is_whitespace() || matches!(c, '=' | ':' | '：'))
        .next()
        .filter(|x| !x.is_empty())?
        .to_string();
    Some((size, said, entry.to_string()))
}

/// What the shop's shipping facts say: 我们从浙江杭州发中通，16:00前付款当天发.
fn shipping_sentence(loc: Locale, s: &Shipping) -> Option<String> {
    // An English line leaves out what the shop wrote in Chinese.
    fn kept(loc: Locale, v: &Option<String>) -> Option<&str> {
        // The sentence ends where the line says so: 付款后3-5天发货。 loses its 。
        v.as_deref()
            .and_then(|t| super::facts::in_locale(loc, t))
            .map(|t| t.trim_end_matches(['。', '.', '；', ';', '！', '!', ' ']))
            .filter(|t| !t.is_empty())
    }
    let (from, carrier, dispatch) = (
        kept(loc, &s.ships_from),
        kept(loc, &s.carrier),
        kept(loc, &s.dispatch),
    );
    if from.is_none() && carrier.is_none() && dispatch.is_none() {
        return None;
    }
    // A Chinese line takes full-width brackets: 德邦物流（大件送货）.
    let marks = |t: &str| -> String {
        if loc == Locale::En {
            return t.to_string();
        }
        t.chars()
            .map(|c| match c {
                '(' => '（',
                ')' => '）',
                _ => c,
            })
            .collect()
    };
    let (from, carrier, dispatch) = (from.map(marks), carrier.map(marks), dispatch.map(marks));
    let (from, carrier, dispatch) = (from.as_deref(), carrier.as_deref(), dispatch.as_deref());
    let mut out = String::new();
    if from.is_some() || carrier.is_some() {
        out = match (from, carrier) {
            (Some(f), Some(c)) => say(
                loc,
                ["我们从{}发{}", "我們從{}寄{}", "We ship from {} by {}"],
                &[f, c],
            ),
            (Some(f), None) => say(
                loc,
                ["我们从{}发货", "我們從{}出貨", "We ship from {}"],
                &[f],
            ),
            (None, Some(c)) => say(loc, ["我们发{}", "我們寄{}", "We ship by {}"], &[c]),
            (None, None) => String::new(),
        };
    }
    if let Some(d) = dispatch {
        if out.is_empty() {
            out.push_str(d);
        } else if loc == Locale::En {
            // Mid-sentence after "; ": "orders paid before 16:00 …", but
            // "SF picks up at 5pm" keeps its capitals.
            out.push_str("; ");
            let mut cs = d.chars();
            match (cs.next(), cs.next()) {
                (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
                    out.extend(a.to_lowercase());
                    out.push_str(&d[a.len_utf8()..]);
                }
                _ => out.push_str(d),
            }
        } else {
            out.push('，');
            out.push_str(d);
        }
    }
    Some(out)
}

/// How many of the item with facts the buyer ordered (1 when unsaid).
fn wanted(req: &Request) -> f64 {
    req.input
        .items()
        .iter()
        .find(|i| i.facts.is_some())
        .and_then(|i| i.quantity)
        .unwrap_or(1.0)
}

/// A whole count as written (3, not 3.0).
fn count(n: f64) -> String {
    format!("{}", n.floor())
}

/// The item's colour a folded clause names (黑色还有货吗 → 黑色), by the
/// colour's own words without 色.
fn named_colour<'a>(norm: &str, colours: &'a [String]) -> Option<&'a String> {
    colours.iter().find(|c| {
        let key = self::norm(c);
        let key = key.trim_end_matches('色');
        !key.is_empty() && norm.contains(key)
    })
}

/// The answer to one clause, or its slot.
fn answer_clause(
    loc: Locale,
    c: &Clause,
    f: &ItemFacts,
    req: &Request,
    close: Option<&str>,
) -> String {
    let shop = req.input.ctx.shop.as_ref();
    let sizes = texts(&f.sizes);
    match c.topic {
        // The agent answers for the goods' safety, truthfully.
        Topic::Safety => slot(loc, &c.said),
        // The line goes out from the agent's own hand.
        Topic::Human => say(
            loc,
            [
                "我是真人客服，一直在的",
                "我是真人客服，一直都在喔",
                "Yes, a real person here",
            ],
            &[],
        ),
        // Platform rules: orders are paid and settled on the platform,
        // which protects the buyer; a transfer outside it is declined.
        Topic::OffPlatform => say(
            loc,
            [
                "为了您的资金安全，咱们只在平台上付款哦，有平台担保，售后也有保障",
                "為了您的資金安全，我們只在平台上付款喔，有平台保障，售後也比較安心",
                "Sorry, we only take orders and payment through the platform: it protects you, and after-sales support stays covered",
            ],
            &[],
        ),
        Topic::Stock => match &f.stock {
            // Fewer left than ordered (3 left, 5 ordered): "in stock" would
            // be false; say how many, and ask whether that many will do.
            Some(FactValue::Number(n)) if *n > 0.0 && *n < wanted(req) => {
                let (left, asked) = (count(*n), count(wanted(req)));
                say(
                    loc,
                    [
                        "不好意思，这款现在只剩{}件，不够您拍的{}件～您看先改成{}件可以吗？",
                        "不好意思，這款目前只剩{}件，不夠您訂的{}件～您看先改成{}件可以嗎？",
                        "Sorry, we only have {} left, fewer than the {} you ordered. Would {} work for you for now?",
                    ],
                    &[&left, &asked, &left],
                )
            }
            Some(FactValue::Number(n)) if *n > 0.0 => match named_size(&c.norm, &sizes) {
                Some(s) => say(
                    loc,
                    ["{}码有现货", "{}碼有現貨", "Size {} is in stock"],
                    &[s],
                ),
                None => match named_colour(&c.norm, &texts(&f.colours)) {
                    Some(col) => say(loc, ["{}有现货", "{}有現貨", "{} is in stock"], &[col]),
                    None => say(loc, ["这款有现货", "這款有現貨", "It's in stock"], &[]),
                },
            },
            Some(FactValue::Number(_)) => say(
                loc,
                [
                    "这款暂时没货了",
                    "這款目前沒貨了",
                    "It's out of stock right now",
                ],
                &[],
            ),
            v => match text(v) {
                Some(t) => say(loc, ["库存：{}", "庫存：{}", "Stock: {}"], &[&t]),
                None => slot(loc, &c.said),
            },
        },
        Topic::Colour => {
            let colours = texts(&f.colours);
            // Same dye lot, fading, a colour cast: what the listing's colour
            // names cannot tell; the agent answers.
            const BEYOND_LIST: [&str; 15] = [
                "batch", "shade", "same colo", "fade", "dye lot", "色差", "同一批", "同缸", "掉色",
                "褪色", "偏红", "甩色", "串色", "脱色", "染色",
            ];
            // Colour names an English line cannot say (黑色 to a buyer who
            // writes English): the agent answers in their words.
            let unreadable = colours
                .iter()
                .any(|k| !super::facts::readable(loc, k));
            if colours.is_empty() || unreadable || BEYOND_LIST.iter().any(|w| c.norm.contains(w)) {
                return slot(loc, &c.said);
            }
            // "any sage?" names the listed "sage green" by its colour word.
            let named = english_colour(&c.norm).filter(|_| loc == Locale::En);
            let hit = colours.iter().find(|k| c.norm.contains(&norm(k))).or_else(|| {
                let named = named.as_deref()?;
                colours.iter().find(|k| norm(k).contains(named))
            });
            if let Some(hit) = hit {
                // 黑色是哑光的吗: a question about the colour, not whether
                // there is one; the agent answers it.
                let folded = norm(hit);
                let after = c
                    .norm
                    .find(&folded)
                    .and_then(|i| c.norm.get(i + folded.len()..))
                    .unwrap_or("");
                // 这单燕麦色付了还送吗: the colour ordered names the order;
                // the question is about something else.
                let ordered = !c.norm.contains('有')
                    && req.input.items().iter().any(|i| norm(&i.title).contains(&folded));
                if ordered
                    || ["是", "的是", "会不会", "会", "容易", "掉色", "褪色"]
                        .iter()
                        .any(|w| after.starts_with(w))
                {
                    return slot(loc, &c.said);
                }
                return say(loc, ["有{}的哦", "有{}的喔", "Yes, it comes in {}"], &[hit]);
            }
            let all = list(loc, &colours);
            if let Some(named) = named {
                return say(
                    loc,
                    ["", "", "Sorry, there's no {} in this one; it comes in {}"],
                    &[&named, &all],
                );
            }
            // 有白色吗 / 有没有墨绿色的: the colour they named (up to two
            // characters before 色), when the list lacks it.
            let asked: Option<String> = c.said.find('色').and_then(|i| {
                let mut name: Vec<char> = c.said[..i]
                    .chars()
                    .rev()
                    .take_while(|ch| {
                        crate::core::text::is_han(*ch) && !"有没冇的个么麼啥什这那种是要和或还颜顏".contains(*ch)
                    })
                    .take(2)
                    .collect();
                name.reverse();
                (!name.is_empty()).then(|| name.into_iter().chain(['色']).collect())
            });
            // 有冇啡色: 咖啡色 is listed.
            let listed = asked.as_deref().and_then(|x| {
                let x = norm(x);
                colours.iter().find(|k| norm(k).ends_with(&x))
            });
            if let Some(k) = listed {
                return say(loc, ["有{}的哦", "有{}的喔", "Yes, it comes in {}"], &[k]);
            }
            match asked {
                Some(x) => say(
                    loc,
                    [
                        "{}暂时没有，现在有{}",
                        "{}目前沒有，現在有{}",
                        "{} isn't available; it comes in {}",
                    ],
                    &[&x, &all],
                ),
                None => say(loc, ["颜色有{}", "顏色有{}", "It comes in {}"], &[&all]),
            }
        }
        Topic::Size => {
            let chart = text(&f.size_chart);
            // By height and weight (衣服), else by foot length (鞋).
            // The chart's row as a phrase (S码裙长118cm、建议身高150-158cm),
            // then the size for what the buyer said.
            let by_body = [
                "按尺码表，{}对应{}，您{}建议拍{}",
                "照尺寸表，{}對應{}，您{}建議選{}",
                "Going by the size chart, {} is {}, so for {} I'd suggest {}",
            ];
            // A measure of the room, not the body (阳台宽2米1 for a
            // clothes rack): no 您 before it.
            let by_measure = [
                "按尺码表，{}对应{}，{}的话建议选{}",
                "照尺寸表，{}對應{}，{}的話建議選{}",
                "Going by the size chart, {} is {}, so for {} I'd suggest {}",
            ];
            let by_foot = [
                "按尺码表，{}对应{}，脚长{}建议拍{}",
                "照尺寸表，{}對應{}，腳長{}建議選{}",
                "Going by the size chart, {} is {}, so for a {} foot I'd suggest {}",
            ];
            let picked = chart.as_deref().and_then(|ch| {
                pick_size(ch, c.message)
                    .map(|p| {
                        // 阳台宽2米1: a room in metres against a chart
                        // with no body measure.
                        let body = ["身高", "体重", "身長", "體重", "height", "weight", "斤", "kg"]
                            .iter()
                            .any(|w| p.2.contains(w) || p.1.contains(w));
                        let room = !body && p.1.contains('米');
                        (if room { by_measure } else { by_body }, p)
                    })
                    .or_else(|| pick_foot(ch, c.message).map(|p| (by_foot, p)))
            });
            // 我量了指围54mm: the chart's entry of that very length.
            if let Some((size, said)) = picked
                .is_none()
                .then(|| {
                    chart.as_deref().and_then(|ch| {
                        pick_exact(ch, c.message).or_else(|| pick_girth(ch, c.message))
                    })
                })
                .flatten()
            {
                let named = [size.as_str(), size_unit(loc, &size)].concat();
                return say(
                    loc,
                    [
                        "按尺码表，{}对应{}，建议拍{}",
                        "照尺寸表，{}對應{}，建議選{}",
                        "Going by the size chart, {} is size {}, so I'd suggest {}",
                    ],
                    &[&said, &named, &named],
                );
            }
            if let Some((forms, (size, said, entry))) = picked {
                let sep = if loc == Locale::En { ", " } else { "、" };
                let row = entry
                    .strip_prefix(size.as_str())
                    .unwrap_or(&entry)
                    .trim_start_matches([' ', '=', ':', '：'])
                    .split(|c: char| c.is_whitespace() || ",，".contains(c))
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(sep);
                let said = if loc == Locale::En {
                    said.replace('、', ", ")
                } else {
                    said
                };
                let unit = size_unit(loc, &size);
                // An English line says 18-inch for the chart's 18寸.
                let named = match size.strip_suffix('寸') {
                    Some(n) if loc == Locale::En => ["the ", n, "-inch"].concat(),
                    _ => [size.as_str(), unit].concat(),
                };
                let pick = if loc == Locale::En { &named } else { &size };
                let answer = say(loc, forms, &[&named, &row, &said, pick]);
                // 她脚背有点高 beside the chart's 脚宽或脚背高建议大一码: the
                // chart's advice for what the buyer told.
                return match chart.as_deref().and_then(|ch| {
                    chart_note(ch, |w| req.input.buyer_messages().any(|m| m.text.contains(w)))
                }) {
                    Some(note) => [
                        answer,
                        say(
                            loc,
                            ["；表上也注明{}", "；表上也註明{}", "; the chart also says: {}"],
                            &[&note],
                        ),
                    ]
                    .concat(),
                    None => answer,
                };
            }
            // 我平时穿75B: the chart's words for the size the buyer named
            // (平时75B建议拍80B), else the chart itself; no slot beside it,
            // the chart is the answer the agent reads from.
            match chart {
                Some(ch) => {
                    match chart_said(&ch, c.message) {
                        Some(said) => say(
                            loc,
                            ["按尺码表，{}", "照尺寸表，{}", "Going by the size chart: {}"],
                            &[&said],
                        ),
                        None => say(
                            loc,
                            ["尺码表：{}", "尺寸表：{}", "Size chart: {}"],
                            &[&ch],
                        ),
                    }
                }
                None => slot(loc, &c.said),
            }
        }
        Topic::Origin => match text(&f.origin) {
            Some(o) => {
                // 爱尔兰原装进口 / 日本製造 say how it is made already:
                // 是爱尔兰原装进口的; a place is the 产地.
                let how = MADE.iter().any(|w| o.ends_with(w));
                let mut a = if how {
                    say(loc, ["是{}的哦", "是{}的喔", "It's made in {}"], &[&o])
                } else {
                    say(loc, ["产地是{}", "產地是{}", "It's made in {}"], &[&o])
                };
                // 是台湾代理还是日本直送: where it ships from answers the rest.
                let from = shop
                    .and_then(|s| s.shipping.as_ref())
                    .and_then(|s| s.ships_from.as_deref())
                    .and_then(|f| super::facts::in_locale(loc, f));
                let via = ["代理", "直送", "直邮", "现货", "发货", "从哪"]
                    .iter()
                    .any(|w| c.norm.contains(w));
                if let (Some(f), true) = (from, via) {
                    a = sentences(
                        loc,
                        &[a, say(loc, ["从{}发货", "從{}出貨", "It ships from {}"], &[f])],
                    );
                }
                a
            }
            None => slot(loc, &c.said),
        },
        Topic::Ship => match shop
            .and_then(|s| s.shipping.as_ref())
            .and_then(|s| Some((shipping_sentence(loc, s)?, other_carrier(&c.norm, s))))
        {
            Some((s, true)) => sentences(loc, &[s, slot(loc, &c.said)]),
            Some((s, false)) => s,
            None if req.input.settings.same_day_shipping => say(
                loc,
                [
                    "付款后当天就给您发货",
                    "付款後當天就幫您出貨",
                    "We ship the same day you pay",
                ],
                &[],
            ),
            None => slot(loc, &c.said),
        },
        Topic::Arrive => {
            let shipping = shop.and_then(|s| s.shipping.as_ref());
            let ship = shipping.and_then(|s| shipping_sentence(loc, s));
            // The clause folded to simplified Chinese and lower case.
            let said = &c.norm;
            // 12/17前一定要收到 可以保证吗: no date is promised (the seeds:
            // no delivery promises); that is the answer, with the dispatch.
            if GUARANTEE.iter().any(|w| said.contains(w)) {
                let no_promise = say(
                    loc,
                    [
                        "到货时间要看快递，没法跟您保证具体哪天送到",
                        "到貨時間要看物流，沒辦法跟您保證哪天一定送到",
                        "Delivery time depends on the courier, so I can't promise a date",
                    ],
                    &[],
                );
                return sentences(loc, &[no_promise, ship.unwrap_or_default()]);
            }
            // Asked whether it arrives by a day (周六能到上海吗, by fri?),
            // with the dispatch known, the honest answer is the dispatch and
            // that the courier decides the day (the U1 review: a slot there
            // is one the agent would delete). How many days it takes, or a
            // check asked for first (could you check before I pay), is the
            // agent's to say, in the slot; and a rider in town delivers on a
            // booked slot, so no courier decides.
            let courier = shipping
                .and_then(|s| s.carrier.as_deref())
                .is_none_or(|c| !["同城", "骑手", "騎手", "闪送"].iter().any(|w| c.contains(w)));
            let by_day = courier
                && BY_DAY.iter().any(|w| said.contains(w))
                && !CHECK_FIRST.iter().any(|w| said.contains(w));
            match ship {
                Some(s) if by_day => sentences(loc, &[s, courier_decides(loc)]),
                Some(s) => sentences(loc, &[s, slot(loc, &c.said)]),
                None => slot(loc, &c.said),
            }
        }
        Topic::Pay(ask) => pay_answer(loc, ask).unwrap_or_else(|| slot(loc, &c.said)),
        Topic::Closes => match close {
            Some(at) => say(
                loc,
                [
                    "订单{}前付款都可以，到时还没付，系统才会自动关闭",
                    "訂單{}前付款都可以，到時還沒付款，系統才會自動取消",
                    "The order stays open until {}; only if it's still unpaid by then does the system close it",
                ],
                &[at],
            ),
            None => slot(loc, &c.said),
        },
        Topic::InvoiceMore => say(
            loc,
            [
                "发票只能按实付金额开，没法多开哦，还请您理解～按实付金额开是没问题的",
                "發票只能依實付金額開立，沒辦法多開喔，還請您見諒～依實付金額開是沒問題的",
                "Sorry, an invoice can only show the amount actually paid, so we can't make it out for more; one for the amount paid is no problem",
            ],
            &[],
        ),
        Topic::Doorstep => say(
            loc,
            [
                "好的，我这就在订单上给您备注好，发货时也跟快递说明",
                "好的，我這就幫您在訂單上備註，出貨時也會跟物流說明",
                "Sure, I'll note it on the order and we'll pass it on to the courier",
            ],
            &[],
        ),
        Topic::Discreet => say(
            loc,
            [
                "好的，包裹里不放发货单和价格，我给仓库备注好",
                "好的，包裹裡不放出貨單和價格，我跟倉庫備註好",
                "Sure, we'll leave the packing slip and prices out of the parcel; I'll note it for the warehouse",
            ],
            &[],
        ),
        Topic::Price => match shop
            .and_then(|s| s.coupon.as_deref())
            .filter(|c| !super::facts::limited(c))
            .map(|c| (super::facts::spoken_coupon(c), super::facts::coupon_short(c, req.input.amount)))
        {
            // 滿1000折100 on a 750 order: what the order lacks, not a
            // price cut it does not reach.
            Some((cp, Some(short))) => say(
                loc,
                [
                    "店里现在有{}，这单还差{}，凑够了我帮您按优惠改价",
                    "店裡現在有{}，這筆還差{}，湊到了我幫您依優惠改價格",
                    "We have {} right now; this order is {} short of it, and once it reaches it I'll adjust the price for you",
                ],
                &[&cp, &super::facts::money(loc, short)],
            ),
            Some((cp, None)) => say(
                loc,
                [
                    "店里现在有{}，我帮您把这单按优惠改好价，改好后刷新一下订单就能付，不用重新拍",
                    "店裡現在有{}，我幫您把這筆依優惠改好價格，改好後重新整理訂單就能付款，不用重新下單",
                    "We have {} right now, so I'll adjust your order's price to match; once it's done, just refresh the order and pay, no need to order again",
                ],
                &[&cp],
            ),
            // pb.value answers a plea for a lower price without a coupon;
            // another reason's price question (老顾客没优惠吗) gets a slot.
            None if req.reason == ReasonCode::PriceBargain => String::new(),
            None => slot(loc, &c.said),
        },
        // om.merge answers postage for merged orders.
        Topic::Postage if req.reason == ReasonCode::OrderMerge => String::new(),
        Topic::Postage | Topic::Other => slot(loc, &c.said),
    }
}

/// The entry of the size chart (entries split at `;`, `；` or a line
/// break) that names what the question names (门幅多宽 → 门幅2.8米): the
/// one sharing the longest run of Chinese characters (two or more, not a
/// common pair such as 这个) or of letters and digits with a letter (three
/// or more) with the clause. None when no entry shares one; the rest of
/// the message is not read (雪镜能套进去吗 after 头围56 asks nothing of the
/// head sizes).
fn chart_entry(chart: &str, c: &Clause) -> Option<String> {
    let entries: Vec<&str> = chart
        .split([';', '；', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    let shared = |asked: &str| {
        let asked = norm(asked);
        entries
            .iter()
            .filter_map(|e| {
                let n = shared_run(&asked, &norm(e));
                (n > 0).then_some((n, *e))
            })
            .max_by_key(|(n, _)| *n)
            .map(|(_, e)| e.to_string())
    };
    shared(&c.said)
}

/// The length in characters of the longest run of `a` found in `b` that
/// ties them: two or more Chinese characters, not a common pair, or three
/// or more letters and digits; 0 when there is none.
fn shared_run(a: &str, b: &str) -> usize {
    let han = super::super::text::is_han;
    let mut best = 0;
    for (i, _) in a.char_indices() {
        let Some(rest) = a.get(i..) else {
            continue;
        };
        // The runs from here, longest first.
        let ends: Vec<usize> = rest.char_indices().map(|(j, c)| j + c.len_utf8()).collect();
        for (n, end) in ends.iter().enumerate().rev() {
            let len = n + 1;
            if len <= best {
                break;
            }
            let Some(run) = rest.get(..*end) else {
                continue;
            };
            let all_han = run.chars().all(han);
            let all_word = run.chars().all(|c| c.is_ascii_alphanumeric())
                && run.chars().any(|c| c.is_ascii_alphabetic());
            let ties = (all_han && len >= 2) || (all_word && len >= 3);
            if ties && b.contains(run) && !(len == 2 && COMMON_PAIRS.contains(&run)) {
                best = len;
                break;
            }
        }
    }
    best
}

/// Greetings a shop's quick reply may open with (亲，走顺丰冷运…): the line
/// greets the buyer once, before the answers.
const GREETINGS: [&str; 14] = [
    "亲爱的",
    "亲～",
    "亲~",
    "亲，",
    "亲,",
    "亲 ",
    "親～",
    "親，",
    "您好～",
    "您好，",
    "您好！",
    "你好，",
    "哈囉～",
    "哈囉，",
];

/// A shop's answer without the 亲 that closes its first words (可以的亲，
/// 正版的亲～): the line already greets the buyer, and 亲～可以的亲 says it
/// twice.
fn without_inner_qin(text: &str) -> String {
    let head: String = text.chars().take(10).collect();
    for pat in [
        "的亲", "的親", "哦亲", "哦親", "呢亲", "呢親", "啦亲", "啦親",
    ] {
        if let Some(i) = head.find(pat) {
            let cut = i + pat.len();
            if text
                .get(cut..)
                .is_some_and(|r| r.starts_with(['，', ',', '～', '~', '！', '!', '。']))
            {
                let qin = i + pat.len() - '亲'.len_utf8();
                return [text.get(..qin).unwrap_or(""), text.get(cut..).unwrap_or("")].concat();
            }
        }
    }
    text.to_string()
}

/// A shop's answer without the apology it opens with (真的很抱歉上次漏開了！
/// 上一筆的發票今天就補開), for a line that already says sorry: one
/// apology, not two (W1 w33).
fn without_apology(text: &str) -> &str {
    let Some(end) = text.find(['！', '!', '。', '～', '~']) else {
        return text;
    };
    let (head, rest) = text.split_at(end);
    let rest = rest
        .get(rest.chars().next().map_or(0, char::len_utf8)..)
        .unwrap_or("")
        .trim_start();
    let sorry = ["抱歉", "不好意思", "对不起", "對不起", "sorry", "Sorry"]
        .iter()
        .any(|w| head.contains(w));
    if sorry && head.chars().count() <= 16 && !rest.is_empty() {
        rest
    } else {
        text
    }
}

/// Whether a shop's answer speaks of when the parcel arrives (发北京一般
/// 次日送达, 台中到高雄通常隔天配達, arrives in 3-5 days), not only of
/// whether or how it ships there (可以发拉萨，邮费+10).
fn says_arrival(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    [
        "到", "送达", "送達", "配达", "配達", "次日", "隔天", "arriv", "deliver", " days",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// `text` without the greetings it opens with ([`GREETINGS`], and Hi or
/// Hello before a comma in English).
fn without_greeting(text: &str) -> &str {
    let mut rest = text;
    loop {
        let next = GREETINGS
            .iter()
            .find_map(|g| rest.strip_prefix(g))
            .or_else(|| {
                ["hi, ", "hello, ", "hi! ", "hello! "].iter().find_map(|g| {
                    rest.get(..g.len())
                        .filter(|h| h.eq_ignore_ascii_case(g))
                        .and_then(|_| rest.get(g.len()..))
                })
            });
        // 亲别着急, 亲放心: 亲 run into the sentence is a greeting too (not
        // 亲子款, 亲肤, 亲手).
        let next = next.or_else(|| {
            rest.strip_prefix(['亲', '親']).filter(|r| {
                r.starts_with([
                    '别', '別', '不', '放', '您', '这', '這', '是', '有', '没', '沒', '可', '稍',
                    '请', '請', '已', '在',
                ])
            })
        });
        match next {
            Some(r) if !r.trim().is_empty() => rest = r.trim_start(),
            _ => return rest,
        }
    }
}

/// That the courier decides the day of arrival: said after the dispatch,
/// in place of a date the shop cannot promise.
fn courier_decides(loc: Locale) -> String {
    say(
        loc,
        [
            "具体哪天到要看快递，没法跟您打包票，发出后第一时间把单号发给您",
            "實際哪天到要看物流，沒辦法跟您打包票，寄出後第一時間把單號給您",
            "the day it arrives depends on the courier, so I can't promise one; you'll get the tracking number as soon as it ships",
        ],
        &[],
    )
}

/// Words of an arrival question that names a day (前, 周六, 12号, by fri).
/// Read on folded text (simplified, lower case).
const BY_DAY: [&str; 15] = [
    "前", "号", "周", "星期", "礼拜", "今天", "明天", "后天", "月底", "by ", "before", "until",
    "till ", "tomorrow", "weekend",
];

/// Words of a buyer asking the shop to find out before answering.
const CHECK_FIRST: [&str; 6] = ["check", "confirm", "find out", "查", "确认", "问一下"];

/// Words of a buyer asking for a promise of the arrival date (能保证17号前
///到吗): none is given.
const GUARANTEE: [&str; 4] = ["保证", "担保", "guarantee", "promise"];

/// Words of an origin that say how the item is made or sourced (日本製造,
/// 爱尔兰原装进口), not only where: such an origin is said as it is.
const MADE: [&str; 8] = [
    "进口", "進口", "原装", "原裝", "制造", "製造", "生产", "生產",
];

/// A yes-or-no question the item's origin answers by its own words:
/// 是新疆棉吗 with the origin 新疆阿克苏长绒棉 gets 是的，新疆阿克苏长绒棉.
/// Two Chinese characters in a row must be shared, and a question that
/// doubts (不是…吧, 没有) is left to the agent.
fn confirmed(loc: Locale, question: &str, f: &ItemFacts) -> Option<String> {
    let origin = text(&f.origin).filter(|o| super::facts::readable(loc, o))?;
    let folded: Vec<char> = norm(&origin).chars().collect();
    let shared = folded.windows(2).any(|w| {
        w.iter().all(|c| crate::core::text::is_han(*c))
            && question.contains(&w.iter().collect::<String>())
    });
    let doubts = ["不是", "没有", "没", "不会"]
        .iter()
        .any(|w| question.contains(w));
    let q = question.trim_end_matches(|c: char| !c.is_alphanumeric());
    let asks = q.starts_with('是') || q.contains("是不是") || q.ends_with(['吗', '嘛', '么']);
    // A bare place (台灣雲林虎尾) is the 产地; words that say how it is made
    // (南通工厂织造, 原装进口) speak for themselves.
    let how = MADE
        .iter()
        .chain(&["织造", "織造", "，", ","])
        .any(|w| origin.contains(w));
    let forms = if how {
        ["是的，{}", "是的，{}", "Yes, {}"]
    } else {
        ["是的，产地是{}", "是的，產地是{}", "Yes, it's made in {}"]
    };
    (shared && asks && !doubts).then(|| say(loc, forms, &[&origin]))
}

/// What holds for every order on the platform, whatever the shop: one
/// order is paid in one payment and never charged twice, a bound card is
/// charged only when the buyer confirms, a bank card pays without an
/// Alipay balance. Instalments, cash on delivery and other ways to pay
/// (数字人民币, PayPal) depend on the shop: `None`, a slot.
fn pay_answer(loc: Locale, ask: PayAsk) -> Option<String> {
    let forms = match ask {
        PayAsk::Split => [
            "一笔订单需要一次付清，没法分两次付哦；单笔限额不够的话，可以打银行客服电话申请临时提额，或者换一张限额够的卡",
            "一筆訂單需要一次付清，沒辦法分兩次付喔；單筆額度不夠的話，可以打給銀行客服申請臨時調高額度，或換一張額度夠的卡",
            "An order is paid in one go, so it can't be split into two payments; if it's the card's limit, your bank can usually raise it for a day, or another card with a higher limit will do",
        ],
        PayAsk::CardSafe => [
            "绑了卡也不会乱扣钱的，只有您自己输入支付密码确认的付款才会扣款",
            "綁了卡也不會亂扣款的，只有您自己輸入密碼確認的付款才會扣款",
            "A saved card is only charged when you confirm a payment yourself with your password, never otherwise",
        ],
        PayAsk::NoAlipay => [
            "没开支付宝也能付：付款时选“添加银行卡”，输入卡号和银行预留的手机号，填上验证码就行",
            "沒有支付寶也能付：付款時選「新增銀行卡」，輸入卡號和銀行留的手機號碼，填上驗證碼就可以",
            "No Alipay balance needed: at checkout choose \"Add bank card\", enter the card number and the phone number your bank has, then the code it texts you",
        ],
        PayAsk::Shown => [
            "别担心，一笔订单不会重复扣款的～麻烦看下支付宝账单里有没有这笔付款，截个图发我，我帮您核对",
            "別擔心，一筆訂單不會重複扣款的～麻煩看一下付款紀錄裡有沒有這筆，截個圖給我，我幫您核對",
            "Don't worry, one order is never charged twice. Could you check your payment history for this payment and send me a screenshot? I'll look into it",
        ],
        // The six digits at checkout are the Alipay payment password.
        PayAsk::WhichPassword => [
            "付款时要输的6位数是支付宝的支付密码，不是银行卡的取款密码哦～不记得的话先别再试，在支付宝里点“忘记密码”就能重新设置",
            "付款時要輸入的6位數是支付寶的支付密碼，不是銀行卡的提款密碼喔～不記得的話先別再試，在支付寶裡點「忘記密碼」就能重新設定",
            "The 6-digit password at checkout is your Alipay payment password, not your bank card PIN. If you don't remember it, don't keep trying: tap \"Forgot password\" in Alipay to set a new one",
        ],
        PayAsk::Topup => [
            "不用先充值哦，付款时直接选银行卡就能付；还没绑卡的话，按页面提示添加一张就可以",
            "不用先儲值喔，付款時直接選銀行卡就能付；還沒綁卡的話，照頁面提示新增一張就可以",
            "No need to top up first: you can pay straight from a bank card at checkout, and if none is added yet, the page walks you through adding one",
        ],
        PayAsk::Yuebao => [
            "可以的，余额宝里的钱能直接付，不用先转出来：付款时选“余额宝”，输入支付密码就好",
            "可以的，餘額寶裡的錢能直接付，不用先轉出來：付款時選「餘額寶」，輸入支付密碼就好",
            "Yes, money in Yu'e Bao pays directly, no need to move it out first: choose \"Yu'e Bao\" at checkout and enter your payment password",
        ],
        // Paying and confirming receipt are two steps of the platform's
        // order page (002: guide a new buyer step by step).
        PayAsk::ConfirmReceipt => [
            "点“确认收货”不是付款哦～付款是在“我的订单”里找到这笔待付款的订单，点“付款”；确认收货要等收到货、检查没问题以后再点",
            "點「確認收貨」不是付款喔～付款是在「我的訂單」裡找到這筆待付款的訂單，點「付款」；確認收貨要等收到商品、檢查沒問題以後再點",
            "Confirming receipt isn't paying: to pay, find this order under \"Unpaid\" in My orders and tap \"Pay\"; confirm receipt only after the parcel arrives and you've checked it",
        ],
        // The platform's order of things, and its escrow (平台担保).
        PayAsk::ShipFirst => [
            "平台上的订单都是先付款再发货的哦～您付的钱会先由平台保管，确认收货后才到我们这边，收到有问题也可以随时找我",
            "平台上的訂單都是先付款再出貨的喔～您付的款項會先由平台保管，確認收貨後才會到我們這邊，收到有問題也可以隨時找我",
            "Orders on the platform are paid first and then shipped. Your payment is held by the platform and only reaches us once you confirm delivery, and if anything's wrong when it arrives, just come to me",
        ],
        PayAsk::Instalments | PayAsk::OnDelivery | PayAsk::Method => return None,
    };
    Some(say(loc, forms, &[]))
}

/// Reasons whose own lines answer the question they raise (nb.steps,
/// fp.steps, gp.answer, cs.answer …): a question outside the known topics
/// gets no slot for them.
const OWN_ANSWER: [ReasonCode; 9] = [
    ReasonCode::InsufficientBalance,
    ReasonCode::ForgotPassword,
    ReasonCode::NoviceBuyer,
    ReasonCode::PaymentSystemIssue,
    ReasonCode::PaymentTrouble,
    ReasonCode::PriceBargain,
    ReasonCode::ComparingShops,
    ReasonCode::OrderMerge,
    ReasonCode::GiftOrPromo,
];

/// What the lines say to the buyer's open questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The answers and slots, one sentence.
    pub text: String,
    /// It speaks of how to pay (one payment per order, a bound card is
    /// safe, no Alipay needed, instalments, cash on delivery): the buyer
    /// asked before trying, so the line offers help, it does not ask what
    /// went wrong.
    pub pay_help: bool,
}

/// The answer to the buyer's open questions, and whether the buyer asked
/// anything since the agent last wrote (a question or a call for someone),
/// so that a reply can keep them waiting.
///
/// `close` is when the order closes, as the lines say it (12月3日（周四）晚上
/// 6点05分): the answer to 会不会自己关掉.
pub fn answer(req: &Request, loc: Locale, close: Option<&str>) -> (Option<Answer>, bool) {
    let clauses = unanswered(req.input);
    let asked = clauses.iter().any(|c| c.asks);
    (answer_to(req, loc, &clauses, close), asked)
}

/// The answer to `clauses`, or `None` when nothing is asked: every
/// question about a known topic in the buyer's messages since the agent
/// last wrote (answered from the facts, else a slot), or the first other
/// question as a slot.
fn answer_to(
    req: &Request,
    loc: Locale,
    clauses: &[Clause],
    close: Option<&str>,
) -> Option<Answer> {
    let none = ItemFacts::default();
    let facts = req
        .input
        .items()
        .iter()
        .find_map(|i| i.facts.as_ref())
        .unwrap_or(&none);
    let shop_answers = req
        .input
        .ctx
        .shop
        .as_ref()
        .map_or(&[][..], |s| s.answers.as_slice());
    let mut topics: Vec<Topic> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    // The clause each part answers: the parts are said in the buyer's order.
    let mut at: Vec<usize> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    // Questions outside the known topics, for slots beside the answers.
    let mut others: Vec<(usize, &Clause)> = Vec::new();
    // The message whose last clause got an answer: a short question right
    // after it (偏远地区要加邮费吗 加多少) asks on about the same thing.
    let mut answered: Option<&str> = None;
    let mut pay_help = false;
    for (i, c) in clauses.iter().enumerate() {
        let t = c.topic;
        let follows = answered.is_some_and(|m| std::ptr::eq(m, c.message));
        answered = None;
        // The shop's own answer first: it knows its goods and terms best.
        if let Some(k) = shop_answer(shop_answers, &c.norm) {
            let text = shop_answers.get(k).map_or("", |a| {
                without_greeting(a.text.trim()).trim_end_matches(['。', '.', '；', ';'])
            });
            if !used.contains(&k) {
                used.push(k);
                let text = without_inner_qin(text);
                // The lines of a wait or a grievance say sorry themselves.
                let text = if matches!(
                    req.reason,
                    ReasonCode::ServiceUnhappy | ReasonCode::WaitingReply
                ) {
                    without_apology(&text).to_string()
                } else {
                    text
                };
                parts.push(text);
                at.push(i);
            }
            answered = Some(c.message);
            // The keyword may be a place while the question is how long it
            // takes (发拉萨要几天啊): a topic the answer does not speak of
            // is answered too. Whether and how it ships there, what postage
            // or price it takes, is what such an answer is for (能寄超商嗎).
            // 能到不 with the shop's 发北京一般次日送达: the shop's answer
            // says when it arrives, and the shipping sentence would say it
            // again.
            let kept = matches!(
                t,
                Topic::Other | Topic::Ship | Topic::Postage | Topic::Price
            ) || t == Topic::Arrive && says_arrival(text);
            let speaks = kept || said_in(&c.norm, &[text.to_string()]);
            if speaks || topics.contains(&t) {
                if t != Topic::Other && !topics.contains(&t) {
                    topics.push(t);
                }
                if parts.len() == 3 {
                    break;
                }
                continue;
            }
        }
        // A gift the shop gives (可以写贺卡吗 with 手写贺卡 in `shop.gifts`):
        // yes, it comes with the order.
        // The gift reason's own lines speak of it (own_answer).
        let gifts = &req.input.settings.gifts;
        let gift_lines = req.reason == ReasonCode::GiftOrPromo && own_answer(req);
        if let Some(g) = (c.asks && !gift_lines && t != Topic::Safety)
            .then(|| gift_named(gifts, &c.norm))
            .flatten()
        {
            let a = say(
                loc,
                [
                    "可以的，{}我们随单送您🎁",
                    "可以的，{}我們隨單送您🎁",
                    "Yes, the {} comes with the order 🎁",
                ],
                &[&gift_said(loc, g)],
            );
            if !parts.contains(&a) {
                parts.push(a);
                at.push(i);
            }
            answered = Some(c.message);
            continue;
        }
        // 有啥送的没 / any freebies: what the shop gives with this order.
        if c.asks
            && !gifts.is_empty()
            && !gift_lines
            && GIFT_ASKS.iter().any(|w| c.norm.contains(w))
        {
            let named: Vec<String> = gifts.iter().map(|g| gift_said(loc, g)).collect();
            let a = say(
                loc,
                [
                    "这次下单送您{}🎁",
                    "這次下單送您{}🎁",
                    "This order comes with {} 🎁",
                ],
                &[&list(loc, &named)],
            );
            if !parts.contains(&a) {
                parts.push(a);
                at.push(i);
            }
            answered = Some(c.message);
            continue;
        }
        if !c.asks && t == Topic::Other {
            continue;
        }
        if t == Topic::Other && pays_at_named(req, c) {
            continue;
        }
        if let Some(a) = (t == Topic::Other)
            .then(|| confirmed(loc, &c.norm, facts))
            .flatten()
        {
            if !parts.contains(&a) {
                parts.push(a);
                at.push(i);
            }
            answered = Some(c.message);
            continue;
        }
        if t == Topic::Other {
            let short = c.norm.trim_end_matches('?').chars().count() <= 4;
            // 还是中国代工？ after 是法国制的吗 (answered): the other half of
            // the same question.
            let other_half = OTHER_HALF
                .iter()
                .any(|w| c.norm.trim_start().starts_with(w));
            // 还要自己买吗 after 遥控器带电池不 (answered: 不用另外买): a short
            // "and do I still need to…" asks on about the same thing.
            let asks_on = c.norm.trim_end_matches('?').chars().count() <= 8
                && ["还要", "还得", "还需要", "要不要", "需不需要"]
                    .iter()
                    .any(|w| c.norm.trim_start().starts_with(w));
            if !(ping(c) || covered(req, c) || follows && (short || other_half || asks_on)) {
                // 门幅多宽 with 门幅2.8米 in the size chart: its entry.
                match text(&facts.size_chart).and_then(|ch| chart_entry(&ch, c)) {
                    Some(entry) => {
                        // 螺牙规格：正牙10mm…: an entry with its own label
                        // is said as it is.
                        let labelled = entry
                            .char_indices()
                            .take_while(|(i, _)| *i < 24)
                            .any(|(_, ch)| ch == '：' || ch == ':');
                        let a = if labelled {
                            entry
                        } else {
                            say(
                                loc,
                                ["规格上写着：{}", "規格上寫著：{}", "The spec says: {}"],
                                &[&entry],
                            )
                        };
                        if !parts.contains(&a) {
                            parts.push(a);
                            at.push(i);
                        }
                        answered = Some(c.message);
                    }
                    None => others.push((i, c)),
                }
            }
            continue;
        }
        if topics.contains(&t) {
            continue;
        }
        topics.push(t);
        answered = Some(c.message);
        // Already spoken of by an earlier answer (运费要另外算吗 after the
        // shop's 需要补运费150元).
        if said_in(&c.norm, &parts) {
            continue;
        }
        let mut a = answer_clause(loc, c, facts, req, close);
        // 想下周三前穿上, 这次你先发货: a statement gets an answer the facts
        // give, never a slot (the agent has nothing to answer).
        if !c.asks && a.contains('【') {
            topics.pop();
            answered = None;
            continue;
        }
        // Ship first is the platform's order of things, not help paying.
        pay_help |= matches!(t, Topic::Pay(a) if a != PayAsk::ShipFirst);
        // An answer that repeats an earlier one (the shipping sentence for
        // "does it ship" and again for "how long") keeps only what is new.
        for p in &parts {
            if let Some(rest) = a.strip_prefix(p.as_str()) {
                a = rest
                    .trim_start_matches(['；', ';', '。', '.', '，', ',', ' '])
                    .to_string();
            }
        }
        // ... or a sentence of one (能发极兔不 after 发哈尔滨几天能到: the
        // shipping sentence once).
        let said_before = |piece: &str| {
            parts
                .iter()
                .any(|p| p.split(SENTENCE_ENDS).any(|q| q.trim() == piece.trim()))
        };
        if a.split(SENTENCE_ENDS).any(said_before) {
            let kept: Vec<String> = a
                .split(SENTENCE_ENDS)
                .filter(|piece| !piece.trim().is_empty() && !said_before(piece))
                .map(|piece| piece.trim().to_string())
                .collect();
            a = sentences(loc, &kept);
        }
        if !a.is_empty() {
            parts.push(a);
            at.push(i);
        }
        if parts.len() == 3 {
            break;
        }
    }
    if parts.is_empty() && topics.is_empty() && !own_answer(req) {
        // Nothing the facts answer: a slot for each question (可以写贺卡吗,
        // 有手提袋吗, 教师节前能到南京吗), up to three.
        let (n, first) = clauses
            .iter()
            .enumerate()
            .find(|(_, c)| c.asks && !ping(c) && !pays_at_named(req, c) && !covered(req, c))?;
        parts.push(slot(loc, &first.said));
        at.push(n);
        for (i, c) in others {
            if parts.len() >= 3 {
                break;
            }
            if !std::ptr::eq(c, first) {
                parts.push(slot(loc, &c.said));
                at.push(i);
            }
        }
    } else if !parts.is_empty() {
        // Every question gets its answer or a slot (002: 答非所问): 还有货吗
        // 今天能发不 is not answered by 有现货 alone.
        for (i, c) in others {
            if parts.len() >= 3 {
                break;
            }
            // 怎么付钱啊 beside 没开支付宝: the payment answer says how.
            if !(said_in(&c.norm, &parts) || pay_help && asks_how_to_pay(&c.norm)) {
                parts.push(slot(loc, &c.said));
                at.push(i);
            }
        }
    }
    if parts.is_empty() {
        return None;
    }
    let mut order: Vec<(usize, String)> = at.into_iter().zip(parts).collect();
    order.sort_by_key(|(i, _)| *i);
    // A slot for the other half of the question before it, side by side in
    // one message (黑貓會送到山上嗎？還是要我下山去拿): one question, one slot.
    // Each part: its clause, its text, and the words it quotes if a slot.
    let mut joined: Vec<(usize, String, Option<String>)> = Vec::new();
    for (i, p) in order {
        let Some(c) = clauses.get(i) else { continue };
        let quoted = (p == slot(loc, &c.said)).then(|| c.said.clone());
        let other_half = quoted.is_some()
            && OTHER_HALF
                .iter()
                .any(|w| c.norm.trim_start().starts_with(w));
        if let Some((j, text, Some(words))) = joined.last_mut().filter(|(j, _, words)| {
            other_half
                && words.is_some()
                && *j + 1 == i
                && clauses
                    .get(*j)
                    .is_some_and(|b| std::ptr::eq(b.message, c.message))
        }) {
            let sep = if c.message.is_ascii() { ", " } else { "，" };
            *words = [words.as_str(), sep, c.said.as_str()].concat();
            *text = slot(loc, words);
            *j = i;
            continue;
        }
        joined.push((i, p, quoted));
    }
    let parts: Vec<String> = joined.into_iter().map(|(_, p, _)| p).collect();
    let mut out = sentences(loc, &parts);
    // A shop's answer may end on its own mark (～, ！) or an emoji.
    if !ends_sentence(&out) {
        out.push(if loc == Locale::En { '.' } else { '。' });
    }
    Some(Answer {
        text: out,
        pay_help,
    })
}

/// The shop's gift a folded clause names by its last two Chinese
/// characters, without the count (贺卡 of 手写贺卡, 眼罩 of 真丝眼罩一个), or
/// in English by its last word (bag of "canvas tote bag").
fn gift_named<'g>(gifts: &'g [String], norm: &str) -> Option<&'g str> {
    const COUNT: &str = "0123456789一二两三四五六七八九十个只条片张份套盒包支瓶双对枚";
    gifts.iter().map(String::as_str).find(|g| {
        let folded = self::norm(g);
        // 手提礼袋 (gift bag): either language's name.
        let (outer, inner) = folded.split_once('(').unwrap_or((&folded, ""));
        let english = |s: &str| {
            s.split(|c: char| !c.is_ascii_alphabetic())
                .rfind(|w| !w.is_empty())
                .filter(|w| w.len() >= 3)
                .map(str::to_string)
        };
        let named = [outer, inner].iter().any(|part| {
            let core = part.trim_end_matches(|c: char| COUNT.contains(c) || c.is_whitespace());
            let han: Vec<char> = core
                .chars()
                .filter(|c| crate::core::text::is_han(*c))
                .collect();
            let key = match han.len() {
                0 => english(core),
                1 => None,
                n => Some(han.get(n - 2..).unwrap_or(&[]).iter().collect()),
            };
            key.is_some_and(|k| norm.contains(&k))
        });
        named
    })
}

/// 怎么付 / 要绑卡吗 / how do I pay: a question the steps of a payment
/// answer.
fn asks_how_to_pay(norm: &str) -> bool {
    const HOW: [&str; 9] = [
        "绑卡",
        "怎么付",
        "如何付",
        "怎样付",
        "咋付",
        "怎么支付",
        "how do i pay",
        "how to pay",
        "how can i pay",
    ];
    HOW.iter().any(|h| norm.contains(h))
}

/// Pairs of characters too common to show that an answer speaks of a
/// question, or a chart entry of it (可以, 什么, 多宽 …).
const COMMON_PAIRS: [&str; 24] = [
    "可以", "能不", "是不", "什么", "怎么", "一起", "一下", "请问", "你们", "我们", "这个", "那个",
    "还是", "要不", "不是", "我的", "一个", "不能", "有没", "没有", "多少", "多大", "多宽", "的话",
];

/// Whether the answers already speak of the question `norm` (发德邦吗 after
/// 我们发德邦物流): two of its Chinese characters in a row, or half of its
/// English words of four letters or more, appear in them.
fn said_in(norm: &str, parts: &[String]) -> bool {
    let text = self::norm(&parts.concat());
    let chars: Vec<char> = norm.chars().collect();
    let pair = chars.windows(2).any(|w| {
        w.iter().all(|c| super::super::text::is_han(*c)) && {
            let p: String = w.iter().collect();
            !COMMON_PAIRS.contains(&p.as_str()) && text.contains(&p)
        }
    });
    // English: half the longer words (does the hotpot base contain sesame
    // is not answered by "our classic base").
    let long: Vec<&str> = norm
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 4)
        .collect();
    let shared = long.iter().filter(|w| text.contains(*w)).count();
    pair || shared > 0 && shared * 2 >= long.len()
}

/// Whether the reason's own lines answer what is open: an [`OWN_ANSWER`]
/// reason read from what the buyer said since the agent last wrote. One
/// the agent has replied to (is this legit → we are an authorised
/// retailer) leaves the later question to be answered.
fn own_answer(req: &Request) -> bool {
    let open = req.input.since_agent().first().map_or(0, |m| m.index);
    // A gift or offer question the shop has nothing to answer with (no
    // gift, coupon or campaign set) gets a slot, not a holding line.
    let s = &req.input.settings;
    let nothing_to_offer = req.reason == ReasonCode::GiftOrPromo
        && s.gifts.is_empty()
        && s.coupon.as_deref().is_none_or(super::facts::limited)
        && s.campaign.is_none();
    !nothing_to_offer
        && OWN_ANSWER.contains(&req.reason)
        && req
            .analysis
            .reason
            .evidence
            .iter()
            .all(|e| e.message_index >= open)
}

/// 到时候再付行不 / can u hold the order till then / 明天付可以吗: a
/// question about paying at the time the buyer named, which the line
/// about that time answers.
fn pays_at_named(req: &Request, c: &Clause) -> bool {
    req.analysis.signals.named_time.as_ref().is_some_and(|nt| {
        // can u hold it for me beside the time: the time agreed answers it.
        crate::core::reason::pays_then(&c.said)
            || crate::core::reason::asks_to_hold(&c.said)
            || c.said.contains(nt.text.trim())
            // 你那时候提醒我一下好吗: the reply says it will.
            || req.analysis.signals.said.remind_me
                && ["提醒", "remind", "ping me", "nudge me"]
                    .iter()
                    .any(|w| c.norm.contains(w))
    })
}

/// A bare ping (在吗, 人呢), or a call for someone to answer (有人在吗,
/// 客服下班了吗, 怎么没人回, anyone there): nothing to answer but the wait,
/// which the apology speaks of.
fn ping(c: &Clause) -> bool {
    let n = c.norm.trim_end_matches('?');
    PINGS.contains(&n) || NOBODY.iter().any(|w| n.contains(w))
}

/// A question the reason's own lines answer: for [`OWN_ANSWER`] reasons,
/// the clause holds the evidence (能便宜点吗 is answered by the price line),
/// or the evidence is a whole message the clause is part of.
fn covered(req: &Request, c: &Clause) -> bool {
    own_answer(req)
        && req.analysis.reason.evidence.iter().any(|e| {
            let e = e.text.trim();
            !e.is_empty() && (c.said.contains(e) || e.contains(c.said.as_str()))
        })
        // 这个2100能少点不 … (the agent: 实价) … 1800行不行: the offer since
        // the agent wrote is what the bargaining lines answer.
        || req.reason == ReasonCode::PriceBargain && counter_offer(&c.said)
}

/// A short price offer (1800行不行, 50包邮可以吗, 1800 ok?): the bargaining
/// lines answer it.
fn counter_offer(said: &str) -> bool {
    said.chars().any(|ch| ch.is_ascii_digit()) && said.chars().count() <= 12
}

/// The first of the shop's answers with a keyword in the folded clause.
fn shop_answer(answers: &[ShopAnswer], folded: &str) -> Option<usize> {
    answers.iter().position(|a| {
        a.keywords.iter().any(|k| {
            let k = norm(k.trim());
            !k.is_empty() && folded.contains(&k)
        })
    })
}

/// Chinese words of grammar that a Chinese name quoted in English lacks.
const CHINESE_GRAMMAR: [char; 14] = [
    '的', '吗', '嗎', '呢', '吧', '啊', '嘛', '么', '麼', '我', '你', '这', '這', '了',
];

/// The language of the lines: `buyer.locale`, else the buyer's own
/// writing (Chinese script, traditional or simplified, pinyin, or
/// English), else
/// the context's `locale`.
pub fn line_locale(input: &Input) -> Locale {
    if let Some(l) = input.ctx.buyer.as_ref().and_then(|b| b.locale) {
        return l;
    }
    let (mut han, mut latin, mut traditional) = (0usize, 0usize, 0usize);
    for m in input.buyer_messages() {
        // Pinyin is Chinese in Latin letters; so is a Chinese sentence with
        // English words in it (这个charger支持PD吗 my laptop is 65W的), told
        // by its Chinese grammar words, not a Chinese name in English
        // (is 联想小新 supported?).
        // It only counts Latin letters: a message without them is not read for it.
        let pinyin = m.text.bytes().any(|b| b.is_ascii_alphabetic())
            && (pinyin::is_pinyin(m.text) || m.text.contains(CHINESE_GRAMMAR));
        for c in m.text.chars() {
            if pinyin && c.is_ascii_alphabetic() {
                han += 1;
            } else if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                han += 1;
                if fold(c) != c {
                    traditional += 1;
                }
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
    }
    if han == 0 && latin == 0 {
        return input.locale;
    }
    if han * 2 < latin {
        return Locale::En;
    }
    if traditional > 0 {
        Locale::ZhTw
    } else if han > 0 && input.locale == Locale::ZhTw {
        // Nothing tells the scripts apart (好的): the shop's choice stands.
        Locale::ZhTw
    } else {
        Locale::ZhCn
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_from_the_chart() {
        let chart = "S 155-160cm 90-100斤;M 160-167cm 100-115斤;L 167-172cm 115-130斤";
        let (size, body, _) = pick_size(chart, "我165cm 110斤穿M还是L 怕小").unwrap();
        assert_eq!((size.as_str(), body.as_str()), ("M", "165cm、110斤"));
        let kg = "S 150-160cm 42-50kg;M 160-166cm 50-57kg";
        assert_eq!(pick_size(kg, "我158 48公斤 穿S還是M").unwrap().0, "S");
        assert!(pick_size(chart, "穿M还是L").is_none());
        assert!(pick_size(chart, "我190cm 200斤").is_none());
    }

    #[test]
    fn clauses_end_at_punctuation_and_after_particles() {
        assert_eq!(
            clauses("这个毛衣起不起球啊 上次买的一洗就起"),
            ["这个毛衣起不起球啊 ", "上次买的一洗就起"]
        );
        assert_eq!(
            clauses("any free gift for 12.12?"),
            ["any free gift for 12.12?"]
        );
        // 不能超过200😭 能不能帮我拆: an emoji before the space ends the
        // clause as a Chinese word does.
        assert_eq!(
            clauses("单笔不能超过200😭 能不能帮我拆成两单"),
            ["单笔不能超过200😭 ", "能不能帮我拆成两单"]
        );
        assert_eq!(
            clauses("L码还有货吗？包邮不？"),
            ["L码还有货吗？", "包邮不？"]
        );
        assert_eq!(
            clauses("发成都几天到 下周二之前要送人"),
            ["发成都几天到 ", "下周二之前要送人"]
        );
        assert_eq!(clauses("iPhone 15 手机壳"), ["iPhone 15 手机壳"]);
        assert_eq!(
            clauses("付好了 贺卡能帮我写“老婆 十周年快乐 爱你的阿斌”吗 明天送她公司"),
            [
                "付好了 ",
                "贺卡能帮我写“老婆 十周年快乐 爱你的阿斌”吗 ",
                "明天送她公司"
            ]
        );
        assert_eq!(
            clauses("然後有附記憶卡嗎 還是要另外買"),
            ["然後有附記憶卡嗎 還是要另外買"]
        );
        assert_eq!(
            clauses("hmm ok. how do i know the box wont be crushed?"),
            ["hmm ok. ", "how do i know the box wont be crushed?"]
        );
        assert_eq!(
            clauses("还有这个颜色浅 透不透啊"),
            ["还有这个颜色浅 透不透啊"]
        );
    }

    #[test]
    fn every_question_row_is_known() {
        let lines: Vec<&str> = crate::core::data::QUESTIONS.lines().collect();
        let topics = lines.iter().filter(|l| l.starts_with("topic\t")).count();
        assert_eq!(TOPICS.0.len(), topics, "a topic row names no known topic");
        assert!(lines.iter().all(|l| {
            let kind = l.split('\t').next().unwrap_or("");
            [
                "topic", "asking", "lead", "ping", "nobody", "gift", "reopen",
            ]
            .contains(&kind)
                && l.split('\t').count() == 3
        }));
        assert!(ASKING_FIRST.contains(&"how ") && ASKING_WORDS.any("有没有"));
        for asks in [
            "will it fit",
            "can you ship to perth",
            "could the strap be longer",
            "will u ship today",
            "how long",
        ] {
            assert!(asks_first(asks), "{asks}");
        }
        for says in [
            "will pay once it's lifted",
            "can do friday",
            "would like the blue one",
            "will pay tmr",
        ] {
            assert!(!asks_first(says), "{says}");
        }
        assert!(
            PINGS.contains(&"在吗") && NOBODY.contains(&"有人在") && GIFT_ASKS.contains(&"赠品")
        );
    }

    #[test]
    fn slots_leave_out_the_lead_words() {
        assert_eq!(
            slot(Locale::ZhCn, "请问有黑色吗"),
            "【有黑色吗：在这里回答】"
        );
        assert_eq!(
            slot(Locale::ZhCn, "还有这个颜色浅 透不透啊"),
            "【这个颜色浅，透不透啊：在这里回答】"
        );
        // 还有 asks here: it stays.
        assert_eq!(slot(Locale::ZhCn, "还有货吗"), "【还有货吗：在这里回答】");
        assert_eq!(
            slot(Locale::En, "Hey also does this run small"),
            "【does this run small: answer here】"
        );
    }

    #[test]
    fn topics() {
        assert_eq!(
            topic(&norm("加你微信直接转你行不行"), true),
            Topic::OffPlatform
        );
        assert_eq!(topic(&norm("L码还有货吗"), true), Topic::Stock);
        assert_eq!(topic(&norm("发成都几天到"), true), Topic::Arrive);
        // A shop's quick reply loses its own greeting (V1 v02, v31).
        for (with, without) in [
            ("亲，走顺丰冷运哦。", "走顺丰冷运哦。"),
            ("您好，您好～三聯發票可以開", "三聯發票可以開"),
            ("Hi, yes we ship to KK", "yes we ship to KK"),
            ("亲，", "亲，"),
            ("亲子款有货", "亲子款有货"),
            ("亲别着急，密码可以重置", "别着急，密码可以重置"),
            ("親放心，有現貨", "放心，有現貨"),
            ("亲肤面料", "亲肤面料"),
        ] {
            assert_eq!(without_greeting(with), without, "{with}");
        }
        for (with, without) in [
            (
                "真的很抱歉上次漏開了！上一筆的發票今天就補開",
                "上一筆的發票今天就補開",
            ),
            ("不好意思～", "不好意思～"),
            ("可以开发票。", "可以开发票。"),
        ] {
            assert_eq!(without_apology(with), without, "{with}");
        }
        // 亲～可以的亲 (X1 x07, x28).
        for (with, without) in [
            ("可以的亲，发中通就不用补", "可以的，发中通就不用补"),
            ("正版的亲～出版社授权", "正版的～出版社授权"),
            ("有的親，今天出貨", "有的，今天出貨"),
            ("买一送一的亲子款", "买一送一的亲子款"),
        ] {
            assert_eq!(without_inner_qin(with), without, "{with}");
        }
        // Cantonese (U1 u10).
        assert_eq!(topic(&norm("寄去佛山顺德几耐到啊"), true), Topic::Arrive);
        assert_eq!(topic(&norm("幾時寄出呀"), true), Topic::Ship);
        assert_eq!(topic(&norm("这个有黑色吗"), true), Topic::Colour);
        assert_eq!(topic(&norm("包邮不"), true), Topic::Postage);
        assert_eq!(
            topic(&norm("are these really waterproof"), true),
            Topic::Other
        );
        // A carrier or 快递 counts only in a clause that asks (002: 答非所问
        // is answering what was not asked either).
        assert_eq!(topic(&norm("可以走顺丰吗"), true), Topic::Ship);
        assert_eq!(topic(&norm("我到7-11要缴费"), false), Topic::Other);
        assert_eq!(topic(&norm("发啥快递"), true), Topic::Ship);
        assert_eq!(topic(&norm("别的快递都要去镇上拿"), false), Topic::Other);
        assert_eq!(topic(&norm("今天能发"), false), Topic::Ship);
        assert_eq!(
            topic(&norm("don't want to pay shipping twice"), false),
            Topic::Other
        );
    }
}
