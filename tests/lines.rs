//! The script library: every line it can produce is clean, diverse, filled
//! with the facts the context gives and nothing else, and fits its channel.

use chrono::DateTime;
use cuifu::core::input::Input;
use cuifu::core::lines::{self, Env, Facts, Request};
use cuifu::core::lint::{lint, sms_limit};
use cuifu::core::reason::{Analysis, NamedTime, Signals};
use cuifu::core::timing::{self, Occasion, Timing};
use cuifu::{
    Action, Buyer, Campaign, Channel, ChatContext, Gender, Item, Line, LintOptions, Locale, Order,
    Reason, ReasonCode, Shop, ShopTemplate, Tone,
};

const LOCALES: [Locale; 3] = [Locale::ZhCn, Locale::ZhTw, Locale::En];
const CHANNELS: [Channel; 3] = [Channel::Im, Channel::Sms, Channel::Phone];
const OCCASIONS: [Occasion; 8] = [
    Occasion::First,
    Occasion::AddressCheck,
    Occasion::FollowUp,
    Occasion::LastChance,
    Occasion::CampaignWave,
    Occasion::BuyerNamedTime,
    Occasion::Answer,
    Occasion::NamedAfterClose,
];

fn full_facts(locale: Locale) -> Facts {
    let zh = locale != Locale::En;
    let s = |cn: &str, en: &str| Some(if zh { cn } else { en }.to_string());
    Facts {
        name: s("王丽", "Emma"),
        sir: s("王女士", "Emma"),
        callee: s("王丽女士", "Emma"),
        time: s("今天上午", "this morning"),
        shop: s("衣见倾心女装", "Maple Studio"),
        item: s("羊绒针织开衫", "Linen Shirt"),
        item_sms: s("羊绒针织开衫", "Linen Shirt"),
        amount: s("263元", "¥263"),
        link: Some("https://shop.example/pay/1".into()),
        gift: s("真丝眼罩一个", "a silk eye mask"),
        coupon: s("满200减20优惠券", "a 10% off coupon"),
        deal: s("243元", "¥243"),
        near: s("满299减30", "¥30 off ¥299"),
        gap: s("36元", "¥36"),
        campaign: s("双11", "Double 11"),
        close: s("今晚10点", "10 pm today"),
        left: s("20分钟", "20 minutes"),
        named: s("今晚8点", "8 pm today"),
        agent: s("乐乐", "Lele"),
        optout: s("回T退订", "Reply STOP to opt out"),
        answer: s("有黑色的。", "Yes, it comes in black."),
        address: s(
            "浙江省杭州市西湖区文三路100号 王丽 138****0000",
            "100 Wensan Rd, Hangzhou, Emma",
        ),
        dispatch: s("付款后48小时内发货", "ships within 48 hours of payment"),
        seven_day_return: true,
        same_day_shipping: true,
        limited_stock: true,
        campaign_on: true,
        returning: true,
        first_time: true,
        hesitating: false,
        redo: false,
        sized: true,
        named_late: false,
        card_limit: false,
        card_blocked: false,
        no_method: false,
        pay_help: false,
        upgrade: false,
        repriced: false,
        waited: true,
        waited_long: true,
        waited_while: true,
        waited_overnight: true,
        rushed: true,
        grief: false,
        own_link: true,
        titled: false,
        quiet: false,
        call_sorry: false,
        remind_me: false,
        scam: false,
        voice: false,
        paid_said: false,
        no_qin: false,
        // With an answer beside it (q.appeal).
        appeal: true,
        good_news: false,
        setback: false,
        decides: false,
        image: false,
        ask_to_ask: false,
        still_deciding: false,
        stopped: false,
        reminded: true,
    }
}

/// Fact sets from everything known to almost nothing, and mixes between.
fn fact_variants(locale: Locale) -> Vec<Facts> {
    let full = full_facts(locale);
    let bare = Facts {
        time: full.time.clone(),
        close: full.close.clone(),
        ..Facts::default()
    };
    let mut v = vec![full.clone(), bare.clone(), Facts::default()];
    // One fact at a time on the bare set, one fact missing from the full set.
    let setters: [fn(&mut Facts, &Facts, bool); 10] = [
        |f, s, on| f.name = if on { s.name.clone() } else { None },
        |f, s, on| f.answer = if on { s.answer.clone() } else { None },
        |f, s, on| {
            f.item = if on { s.item.clone() } else { None };
            f.item_sms = if on { s.item_sms.clone() } else { None };
        },
        |f, s, on| f.shop = if on { s.shop.clone() } else { None },
        |f, s, on| f.time = if on { s.time.clone() } else { None },
        |f, s, on| f.left = if on { s.left.clone() } else { None },
        |f, s, on| f.link = if on { s.link.clone() } else { None },
        |f, s, on| f.optout = if on { s.optout.clone() } else { None },
        |f, s, on| f.agent = if on { s.agent.clone() } else { None },
        |f, s, on| {
            f.campaign = if on { s.campaign.clone() } else { None };
            f.campaign_on = on;
            f.limited_stock = on;
            f.returning = on;
            f.first_time = on;
            f.seven_day_return = on;
            f.same_day_shipping = on;
            f.hesitating = on;
            f.redo = on;
            f.named_late = on;
            f.card_limit = on;
            f.card_blocked = on;
            f.no_method = on;
            f.pay_help = on;
            f.upgrade = on;
            f.repriced = on;
            f.waited = on;
            f.waited_long = on;
            f.waited_while = on;
            f.waited_overnight = on;
            f.rushed = on;
            f.grief = on;
            f.own_link = on;
            f.quiet = on;
            f.call_sorry = on;
            f.remind_me = on;
            f.scam = on;
            f.voice = on;
            f.paid_said = on;
            f.no_qin = on;
            f.appeal = on;
            f.decides = on;
            f.good_news = on;
            f.setback = on;
            f.image = on;
            f.ask_to_ask = on;
            f.still_deciding = on;
            f.stopped = on;
            f.reminded = on;
        },
    ];
    for set in setters {
        let mut a = bare.clone();
        set(&mut a, &full, true);
        v.push(a);
        let mut b = full.clone();
        set(&mut b, &full, false);
        v.push(b);
    }
    let mut long = full.clone();
    long.item = Some("「2026冬季新款加厚羽绒服女中长款韩版宽松外套」".into());
    long.item_sms = None;
    long.shop = Some("北京市朝阳区好运来精品服饰旗舰店".into());
    v.push(long);
    let mut slot = full.clone();
    slot.answer = Some(lines::answer::slot(locale, "有黑色吗") + "。");
    v.push(slot);
    // An answer about how to pay (可以分期吗).
    let mut paying = full.clone();
    paying.pay_help = true;
    paying.answer = Some(lines::answer::slot(locale, "可以分期吗") + "。");
    v.push(paying);
    v
}

fn has_emoji(s: &str) -> bool {
    s.chars()
        .any(|c| c as u32 >= 0x1F000 || ('\u{2600}'..='\u{27BF}').contains(&c))
}

/// What no line may contain: empty slots, template syntax, doubled punctuation.
fn assert_reads_naturally(text: &str, id: &str) {
    for bad in [
        "{",
        "}",
        "[",
        "]",
        "|",
        ",,",
        "，，",
        "  ",
        " ,",
        " ，",
        " .",
        "您好,,",
        "您好，，",
        ",。",
        "，。",
        "。,",
        "。，",
        "~~",
        "..",
        "null",
        "None",
    ] {
        assert!(!text.contains(bad), "{id}: `{bad}` in {text:?}");
    }
    assert_eq!(
        text.trim(),
        text,
        "{id}: surrounding whitespace in {text:?}"
    );
    assert!(!text.starts_with([',', ',', '~']), "{id}: {text:?}");
}

/// Every paragraph of a Chinese line ends as a sentence does (。！？～…),
/// or with a slot, an emoji, a link or the SMS opt-out text.
fn assert_chinese_endings(text: &str, optout: Option<&str>, id: &str) {
    for par in text.split('\n') {
        let last = par.chars().last().unwrap_or('。');
        let ok = "。！？～…】".contains(last)
            || has_emoji(&last.to_string())
            || optout.is_some_and(|o| par.ends_with(o))
            || par
                .rsplit(['：', ' '])
                .next()
                .is_some_and(|w| w.starts_with("https://"));
        assert!(ok, "{id}: a Chinese line without its closing mark: {par:?}");
    }
}

#[test]
fn every_line_the_table_can_produce_passes_lint() {
    let mut rendered = 0;
    for t in lines::templates().iter().filter(|t| !t.is_fragment()) {
        for locale in LOCALES {
            let text = t
                .text(locale)
                .unwrap_or_else(|| panic!("{} has no {} text", t.id, locale.as_str()));
            for channel in CHANNELS.into_iter().filter(|c| t.has_channel(*c)) {
                let mut any = false;
                for tone in Tone::ALL {
                    for facts in fact_variants(locale) {
                        let env = Env {
                            locale,
                            channel,
                            tone,
                            facts: &facts,
                            hide: 0,
                        };
                        let Some(line) = lines::render_line(text, &env, true) else {
                            continue;
                        };
                        any = true;
                        rendered += 1;
                        assert_reads_naturally(&line, t.id);
                        if locale != Locale::En {
                            assert_chinese_endings(&line, facts.optout.as_deref(), t.id);
                        }
                        let opts = LintOptions {
                            channel: Some(channel),
                            locale: Some(locale),
                            buyer_name: facts.sir.clone().filter(|_| channel == Channel::Sms),
                            ..LintOptions::default()
                        };
                        let mut w = lint(&line, &opts).unwrap();
                        // Without the buyer's name an SMS can only say 亲, which
                        // the lint rightly reports (seed 001: the name first).
                        w.retain(|w| w.code != "missing_name_sms" || opts.buyer_name.is_some());
                        assert!(w.is_empty(), "{} {:?}: {line}\n{w:?}", t.id, channel);
                        match channel {
                            Channel::Sms => {
                                // seed 001: 短信 简明扼要、一条说完, no emoji
                                assert!(line.chars().count() <= sms_limit(&line), "{line}");
                                assert!(!has_emoji(&line) && !line.contains(['~', '～']), "{line}");
                                if let Some(o) = &facts.optout {
                                    assert!(line.ends_with(o.as_str()), "{line}");
                                }
                            }
                            Channel::Phone => {
                                // seed 001: 每通电话控制在1分钟内 (about 200 characters
                                // read aloud): the opening and question, then the
                                // longest answer branch.
                                let n = |x: &str| {
                                    if locale == Locale::En {
                                        x.split_whitespace().count() * 2
                                    } else {
                                        x.chars().count()
                                    }
                                };
                                let mut parts = line.split('\n');
                                let opening = parts.next().map_or(0, n);
                                let branch = parts.map(n).max().unwrap_or(0);
                                assert!(
                                    opening + branch <= 180,
                                    "{} too long to read in a minute: {line}",
                                    t.id
                                );
                                assert!(!has_emoji(&line), "{line}");
                            }
                            Channel::Im => {
                                if let Some(l) = &facts.link {
                                    assert!(line.contains(l.as_str()), "{line}");
                                }
                            }
                        }
                    }
                }
                assert!(
                    any,
                    "{} never renders in {} {:?}",
                    t.id,
                    locale.as_str(),
                    channel
                );
            }
        }
    }
    assert!(rendered > 1000, "only {rendered} lines rendered");
}

#[test]
fn the_table_files_are_small() {
    // Files an editor reviews line by line: past this, split one by
    // reason or occasion rather than let it grow.
    for (name, text) in [
        (
            "fragments.txt",
            include_str!("../src/data/templates/fragments.txt"),
        ),
        ("im.txt", include_str!("../src/data/templates/im.txt")),
        (
            "im-reasons.txt",
            include_str!("../src/data/templates/im-reasons.txt"),
        ),
        ("sms.txt", include_str!("../src/data/templates/sms.txt")),
        ("phone.txt", include_str!("../src/data/templates/phone.txt")),
    ] {
        assert!(text.len() <= 48 * 1024, "{name} is {} bytes", text.len());
    }
}

// ---- through the engine ----

fn base_ctx(locale: Locale) -> ChatContext {
    ChatContext {
        now: Some("2026-11-24T15:00:00+08:00".into()),
        locale: Some(locale),
        order: Order {
            placed_at: "2026-11-24T10:20:00+08:00".into(),
            amount: 128.0,
            items: vec![Item {
                title: if locale == Locale::En {
                    "Linen Shirt".into()
                } else {
                    "羊绒针织开衫".into()
                },
                ..Item::default()
            }],
            ..Order::default()
        },
        buyer: Some(Buyer {
            name: Some(
                if locale == Locale::En {
                    "Emma"
                } else {
                    "王丽"
                }
                .into(),
            ),
            gender: Some(Gender::Female),
            ..Buyer::default()
        }),
        shop: Some(Shop {
            name: Some(
                if locale == Locale::En {
                    "Maple Studio"
                } else {
                    "衣见倾心"
                }
                .into(),
            ),
            ..Shop::default()
        }),
        ..ChatContext::default()
    }
}

struct Run {
    reason: ReasonCode,
    channel: Channel,
    tone: Tone,
    occasion: Occasion,
    named: bool,
}

/// Lines for `r`; a `changed_mind` run is a buyer who declined (不要了).
fn run(ctx: &ChatContext, r: &Run) -> Vec<Line> {
    run_declined(ctx, r, (r.reason == ReasonCode::ChangedMind).then_some(0))
}

fn run_declined(ctx: &ChatContext, r: &Run, declined: Option<usize>) -> Vec<Line> {
    let input = Input::read(ctx, None).expect("valid context");
    let named = r.named.then(|| NamedTime {
        message_index: 0,
        at: DateTime::parse_from_rfc3339("2026-11-24T20:00:00+08:00").unwrap(),
        text: "晚上8点付".into(),
        after: false,
    });
    let analysis = Analysis {
        reason: Reason {
            code: r.reason,
            confidence: 0.8,
            evidence: Vec::new(),
            others: Vec::new(),
        },
        signals: Signals {
            named_time: named,
            declined,
            ..Signals::default()
        },
    };
    let timing = Timing {
        occasion: r.occasion,
        action: Action::SendNow,
        send_at: Some(input.now),
        follow_up: None,
        reply: false,
        after_answer_why: None,
        closes_at: timing::closes_at(&input),
        why: Vec::new(),
        warnings: Vec::new(),
        stop: None,
    };
    lines::candidates(&Request {
        input: &input,
        reason: r.reason,
        channel: r.channel,
        tone: r.tone,
        analysis: &analysis,
        timing: &timing,
    })
    .expect("lines")
}

fn plain(channel: Channel) -> Run {
    Run {
        reason: ReasonCode::SilentOrder,
        channel,
        tone: Tone::Warm,
        occasion: Occasion::First,
        named: false,
    }
}

#[test]
fn at_least_three_different_angles_in_every_situation() {
    for locale in LOCALES {
        for bare in [false, true] {
            let mut ctx = base_ctx(locale);
            if bare {
                ctx.buyer = None;
                ctx.shop = None;
                ctx.order.items.clear();
            }
            for reason in ReasonCode::ALL {
                for channel in CHANNELS {
                    for occasion in OCCASIONS {
                        for named in [false, true] {
                            let r = Run {
                                reason,
                                channel,
                                tone: Tone::Warm,
                                occasion,
                                named,
                            };
                            let lines = run(&ctx, &r);
                            let what = format!("{reason:?} {channel:?} {occasion:?} {locale:?}");
                            if reason == ReasonCode::ChangedMind {
                                // seed 000: 不想要了 — don't push; one polite IM reply,
                                // door open; nobody calls or texts a buyer who said no.
                                assert_eq!(lines.is_empty(), channel != Channel::Im, "{what}");
                                assert!(lines.iter().all(|l| l.angle == "door_open"), "{what}");
                                continue;
                            }
                            if occasion == Occasion::Answer {
                                // A reply answers; the general reminders wait
                                // for the reminder after it (002: 答非所问).
                                // With no question to answer here, the usual
                                // lines stand in.
                                assert!(!lines.is_empty(), "{what}");
                                continue;
                            }
                            assert!(lines.len() >= 3, "{what}: {lines:?}");
                            let mut angles: Vec<&str> =
                                lines.iter().map(|l| l.angle.as_str()).collect();
                            angles.dedup();
                            let mut distinct = angles.clone();
                            distinct.sort_unstable();
                            distinct.dedup();
                            assert!(distinct.len() >= 3, "{what}: {angles:?}");
                            for l in &lines {
                                assert_reads_naturally(&l.text, &l.template_id);
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn four_elements_are_filled_when_known() {
    // seed 001: 话术4要素 人物 时间 地点 事情
    let ctx = base_ctx(Locale::ZhCn);
    let lines = run(&ctx, &plain(Channel::Im));
    let help = lines
        .iter()
        .find(|l| l.template_id == "g.help" || l.template_id == "so.soft")
        .expect("a help line");
    // The person by surname and title when the gender is known (seed 010:
    // 你好，张先生), not the full name.
    assert!(help.text.starts_with("王女士"), "{}", help.text);
    assert!(help.text.contains("今天上午"), "{}", help.text);
    assert!(help.text.contains("羊绒针织开衫"), "{}", help.text);
    assert!(
        lines.iter().any(|l| l.text.contains("衣见倾心")),
        "{lines:?}"
    );

    let en = run(&base_ctx(Locale::En), &plain(Channel::Im));
    assert!(en[0].text.starts_with("Hi Emma"), "{}", en[0].text);
    assert!(en.iter().any(|l| l.text.contains("Maple Studio")));
}

#[test]
fn nothing_is_invented() {
    // seed 004: 不诚信 / seed 001: 赠品、优惠 only when the shop really has them
    for locale in LOCALES {
        let ctx = base_ctx(locale);
        for reason in ReasonCode::ALL {
            for channel in CHANNELS {
                for occasion in OCCASIONS {
                    let r = Run {
                        reason,
                        channel,
                        tone: Tone::Playful,
                        occasion,
                        named: false,
                    };
                    for l in run(&ctx, &r) {
                        for word in [
                            "送给您",
                            "赠送",
                            "加贈",
                            "gift",
                            "优惠券",
                            "優惠券",
                            "coupon",
                            "7天",
                            "7-day",
                            "当天",
                            "當天",
                            "same day",
                            "库存",
                            "庫存",
                            "stock",
                            "第一次",
                            "first order",
                            "再次光临",
                            "又来",
                            "coming back",
                            "说",
                            "mentioned",
                        ] {
                            if word == "说" {
                                assert!(!l.text.contains("之前说"), "{}", l.text);
                                continue;
                            }
                            assert!(
                                !l.text.contains(word),
                                "{} invents `{word}`: {}",
                                l.template_id,
                                l.text
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn shop_offers_appear_when_set() {
    let mut ctx = base_ctx(Locale::ZhCn);
    let shop = ctx.shop.as_mut().unwrap();
    shop.gifts = vec!["口水巾一条".into()];
    shop.same_day_shipping = Some(true);
    shop.seven_day_return = Some(true);
    shop.coupon = Some("满100减10优惠券".into());
    let r = Run {
        reason: ReasonCode::ComparingShops,
        ..plain(Channel::Im)
    };
    let lines = run(&ctx, &r);
    // seed 002: 货比三家 — 限时优惠、当日发货
    assert_eq!(lines[0].template_id, "cs.answer");
    assert!(lines[0].text.contains("满100减10优惠券"));
    assert!(lines[0].text.contains("当天就发货"));
    // seed 001: first-time buyer gift
    ctx.buyer.as_mut().unwrap().returning = Some(false);
    let lines = run(&ctx, &plain(Channel::Im));
    assert!(lines.iter().any(|l| l.template_id == "g.first_gift"
        && l.text.contains("第一次")
        && l.text.contains("口水巾一条")));
}

#[test]
fn returning_buyer_is_thanked_and_asked_about_the_last_purchase() {
    // seed 001: 老顾客 1)感谢再次光临 2)询问产品感受 3)催付要委婉亲切
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.buyer.as_mut().unwrap().returning = Some(true);
    let r = Run {
        tone: Tone::Gentle,
        ..plain(Channel::Im)
    };
    let lines = run(&ctx, &r);
    assert_eq!(lines[0].template_id, "g.back");
    assert!(lines[0].text.contains("谢谢您又来"));
    assert!(lines[0].text.contains("上次买的还喜欢吗"));
    assert!(!lines.iter().any(|l| l.text.contains("拍错")));
}

#[test]
fn occasions_lead_with_their_angle() {
    let ctx = base_ctx(Locale::ZhCn);
    let first = |occasion, reason| {
        run(
            &ctx,
            &Run {
                reason,
                occasion,
                named: occasion == Occasion::BuyerNamedTime,
                ..plain(Channel::Im)
            },
        )
        .remove(0)
    };
    // seed 001: 拍下后10分钟 核对地址 隐形催付
    let l = first(Occasion::AddressCheck, ReasonCode::SilentOrder);
    assert_eq!(l.angle, "check");
    assert!(l.text.contains("核对一下收货地址"));
    let l = first(Occasion::LastChance, ReasonCode::Unknown);
    assert_eq!(l.angle, "deadline");
    // seed 001: 余额不足 — 了解买家方便充值时间,提前再次催付
    let l = first(Occasion::BuyerNamedTime, ReasonCode::InsufficientBalance);
    assert!(l.text.contains("今晚8点"), "{}", l.text);
    let l = first(Occasion::First, ReasonCode::InsufficientBalance);
    assert!(l.text.contains("什么时候方便付款"), "{}", l.text);
    // seed 002: 买家等待客服回复 — answer first
    let l = first(Occasion::Answer, ReasonCode::ProductDoubt);
    assert_eq!(l.angle, "answer");
    // seed 001: 新手买家 — guide step by step
    let l = first(Occasion::First, ReasonCode::NoviceBuyer);
    assert!(l.text.contains("“我的订单”"), "{}", l.text);
    // seed 001: 忘记密码 — how to recover it
    let l = first(Occasion::First, ReasonCode::ForgotPassword);
    assert!(l.text.contains("忘记密码"), "{}", l.text);
}

#[test]
fn campaign_wave_mentions_stock_only_when_short() {
    // seed 001: 双十一 活动催付; stock only when the shop says it is short
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.now = Some("2026-11-11T10:00:00+08:00".into());
    ctx.order.placed_at = "2026-11-11T00:30:00+08:00".into();
    ctx.shop.as_mut().unwrap().campaign = Some(Campaign {
        name: Some("双11".into()),
        waves: vec!["10:00".into(), "13:00".into()],
        dates: vec!["2026-11-11".into()],
        limited_stock: Some(false),
    });
    let r = Run {
        occasion: Occasion::CampaignWave,
        ..plain(Channel::Im)
    };
    // The first word on a silent order, even in a wave, thanks the buyer
    // and asks nothing of payment (000: 这里不要直接让买家付款).
    let lines = run(&ctx, &r);
    assert_eq!(lines[0].template_id, "so.campaign");
    assert!(lines[0].text.contains("趁双11拍下"), "{}", lines[0].text);
    assert!(
        lines.iter().all(|l| !l.text.contains("还没付款")),
        "{lines:?}"
    );
    // The next wave, after an IM in the first, reminds.
    ctx.now = Some("2026-11-11T13:00:00+08:00".into());
    ctx.reminders = vec![cuifu::SentReminder {
        at: "2026-11-11T10:00:00+08:00".into(),
        channel: Channel::Im,
        template_id: None,
    }];
    let lines = run(&ctx, &r);
    assert_eq!(lines[0].template_id, "g.campaign");
    assert!(lines[0].text.contains("今天凌晨拍的"), "{}", lines[0].text);
    assert!(!lines.iter().any(|l| l.text.contains("库存")));
    ctx.shop
        .as_mut()
        .unwrap()
        .campaign
        .as_mut()
        .unwrap()
        .limited_stock = Some(true);
    let lines = run(&ctx, &r);
    assert!(lines[0].text.contains("库存"), "{}", lines[0].text);
}

#[test]
fn flash_sale_counts_minutes() {
    // seed 001: 20分钟如未支付,系统将关闭交易
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.order.placed_at = "2026-11-24T14:55:00+08:00".into();
    ctx.order.closes_at = Some("2026-11-24T15:15:00+08:00".into());
    let lines = run(&ctx, &plain(Channel::Im));
    assert_eq!(lines[0].angle, "deadline");
    assert!(lines[0].text.contains("还有15分钟"), "{}", lines[0].text);
}

#[test]
fn sms_rules() {
    // seed 001: 前七个字出现买家的名字; 简明扼要、一条说完; 体现店铺名字或购买商品
    for locale in LOCALES {
        let mut ctx = base_ctx(locale);
        ctx.shop.as_mut().unwrap().sms_opt_out = Some(
            if locale == Locale::En {
                "Reply STOP to opt out"
            } else {
                "回T退订"
            }
            .into(),
        );
        let name = ctx.buyer.as_ref().unwrap().name.clone().unwrap();
        for occasion in OCCASIONS {
            let r = Run {
                occasion,
                ..plain(Channel::Sms)
            };
            for l in run(&ctx, &r) {
                let head: String = l.text.chars().take(7).collect();
                // The name (王女士 when the gender is known) in the first
                // seven characters (seed 001: 前七个字出现买家的名字).
                let surname: String = name.chars().take(1).collect();
                assert!(head.contains(&surname), "{}", l.text);
                assert!(l.text.chars().count() <= sms_limit(&l.text), "{}", l.text);
                if locale != Locale::En {
                    assert!(l.text.chars().count() <= 70, "{}", l.text);
                }
                assert!(l.text.ends_with("回T退订") || l.text.ends_with("opt out"));
                let shop = ctx.shop.as_ref().unwrap().name.clone().unwrap();
                let item = ctx.order.items[0].title.clone();
                assert!(
                    l.text.contains(&shop) || l.text.contains(&item),
                    "{}",
                    l.text
                );
                assert!(!has_emoji(&l.text));
            }
        }
    }
}

#[test]
fn sms_without_a_name_still_addresses_the_buyer() {
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.buyer = None;
    for l in run(&ctx, &plain(Channel::Sms)) {
        assert!(l.text.starts_with("亲，您好，"), "{}", l.text);
    }
}

#[test]
fn phone_script_has_greeting_purpose_help_close() {
    // seed 001: 电话 X先生/X女士, 客服乐乐; seed 003: **先生/**女士
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.shop.as_mut().unwrap().agent_name = Some("乐乐".into());
    let lines = run(&ctx, &plain(Channel::Phone));
    for l in &lines {
        assert!(
            l.text
                .starts_with("您好，请问是王丽女士吗？我是衣见倾心的客服乐乐，"),
            "{}",
            l.text
        );
        // A silent order is called to confirm the order (001: 核对地址),
        // the others name the unpaid order.
        // On a first call (000: 这里不要直接让买家付款) not even that.
        let purpose = match l.template_id.as_str() {
            "p.confirm" => "确认一下订单",
            "p.soft" => "想了解的",
            "p.keep" => "需要我帮您确认的吗",
            _ => "还没付款",
        };
        assert!(l.text.contains(purpose), "{}", l.text);
        // seed 001: the question, then 是 / 否 branches; and what to do
        // when nobody answers.
        // The confirming call has a third branch, for an order placed by
        // mistake (000: 拍错).
        let parts: Vec<&str> = l.text.split('\n').collect();
        let branches = if l.template_id == "p.confirm" { 3 } else { 2 };
        assert!(parts[0].ends_with('？'), "{}", l.text);
        assert_eq!(parts.len(), branches + 2, "{}", l.text);
        assert!(parts[1..].iter().all(|p| p.starts_with("▸ ")), "{}", l.text);
        assert!(
            parts[1..=branches].iter().any(|p| p.ends_with("再见！")),
            "{}",
            l.text
        );
        assert!(parts[branches + 1].starts_with("▸ 没接通："), "{}", l.text);
    }
    ctx.buyer.as_mut().unwrap().gender = Some(Gender::Male);
    assert!(run(&ctx, &plain(Channel::Phone))[0]
        .text
        .contains("王丽先生"));
    let mut tw = base_ctx(Locale::ZhTw);
    tw.buyer.as_mut().unwrap().name = Some("美玲".into());
    assert!(run(&tw, &plain(Channel::Phone))[0]
        .text
        .contains("美玲小姐"));
}

#[test]
fn im_lines_carry_the_payment_link() {
    // seed 002: 在消息中添加付款链接
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.shop.as_mut().unwrap().payment_link = Some("https://shop.example/pay/9".into());
    for l in run(&ctx, &plain(Channel::Im)) {
        assert!(
            l.text.ends_with("付款链接：https://shop.example/pay/9"),
            "{}",
            l.text
        );
    }
    for l in run(&ctx, &plain(Channel::Sms)) {
        assert!(!l.text.contains("https://"), "{}", l.text);
    }
}

#[test]
fn traditional_lines_use_taiwan_words() {
    let ctx = base_ctx(Locale::ZhTw);
    let all: String = CHANNELS
        .iter()
        .flat_map(|c| run(&ctx, &plain(*c)))
        .map(|l| l.text)
        .collect();
    for mainland in ["宝贝", "寶貝", "亲", "親，", "发货", "發貨", "拍的"] {
        assert!(!all.contains(mainland), "`{mainland}` in zh-TW: {all}");
    }
    assert!(all.contains("訂購") && all.contains("出貨"), "{all}");
}

// ---- shop templates ----

fn with_templates(templates: Vec<ShopTemplate>) -> ChatContext {
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.shop.as_mut().unwrap().templates = templates;
    ctx
}

fn tpl(id: &str, text: &str) -> ShopTemplate {
    ShopTemplate {
        id: id.into(),
        text: text.into(),
        ..ShopTemplate::default()
    }
}

#[test]
fn shop_templates_come_first_and_follow_their_filters() {
    let ctx = with_templates(vec![
        tpl("mine", "{hi}您在{shop}拍的{item}还没付款哦,[手工]现做~"),
        ShopTemplate {
            channel: Some(Channel::Sms),
            ..tpl("sms-only", "{name}您好,{shop}提醒您付款。")
        },
        ShopTemplate {
            reason: Some(ReasonCode::PriceBargain),
            ..tpl("bargain-only", "{hi}价格已经很实在啦")
        },
        ShopTemplate {
            locale: Some(Locale::En),
            ..tpl("en-only", "{hi} your order is waiting")
        },
        tpl("needs-gift", "{hi}下单送{gift}"),
    ]);
    let lines = run(&ctx, &plain(Channel::Im));
    assert_eq!(lines[0].template_id, "mine");
    assert_eq!(lines[0].angle, "shop");
    assert_eq!(
        lines[0].text,
        "王女士您好，您在衣见倾心拍的羊绒针织开衫还没付款哦,[手工]现做~"
    );
    let ids: Vec<&str> = lines.iter().map(|l| l.template_id.as_str()).collect();
    for absent in ["sms-only", "bargain-only", "en-only", "needs-gift"] {
        assert!(!ids.contains(&absent), "{ids:?}");
    }
    assert!(lines.len() >= 3);
    let sms = run(&ctx, &plain(Channel::Sms));
    assert_eq!(sms[0].template_id, "mine");
    assert_eq!(sms[1].template_id, "sms-only");
}

#[test]
fn bad_shop_templates_are_rejected_with_the_position() {
    let cases = [
        ("{hi}您好{nmae}", "character 7: unknown placeholder {nmae}"),
        ("您好{name", "character 3: `{` is never closed"),
        ("您好name}", "character 7: `}` without a matching `{`"),
        ("{hi{name}}", "character 4: `{` inside a placeholder"),
    ];
    for (text, want) in cases {
        let ctx = with_templates(vec![tpl("ok", "{hi}好的"), tpl("bad", text)]);
        let e = cuifu::suggest(&ctx).unwrap_err();
        assert_eq!(e.code(), "invalid_template", "{text}");
        assert_eq!(e.path(), "shop.templates[1].text", "{text}");
        assert!(e.message().starts_with(want), "{text}: {}", e.message());
    }
    let e = lines::check_templates(&[tpl(" ", "{hi}")]).unwrap_err();
    assert_eq!(e.path(), "shop.templates[0].id");
    assert!(lines::check_templates(&[tpl("a", "{hi}{name}{shop}{item}{optout}")]).is_ok());
}

#[test]
fn suggest_offers_diverse_lines_with_ids() {
    let s = cuifu::suggest(&base_ctx(Locale::ZhCn)).unwrap();
    assert!(s.lines.len() >= 3);
    let mut angles: Vec<&str> = s.lines.iter().map(|l| l.angle.as_str()).collect();
    angles.sort_unstable();
    angles.dedup();
    assert!(angles.len() >= 3, "{angles:?}");
    assert!(s.lines.iter().all(|l| !l.template_id.is_empty()));
}

#[test]
fn hostile_values_do_not_break_lines() {
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.buyer.as_mut().unwrap().name = Some("{shop}[x|y]".into());
    ctx.shop.as_mut().unwrap().name = Some("店".repeat(400));
    ctx.shop.as_mut().unwrap().sms_opt_out = Some("回T退订".repeat(30));
    ctx.order.items[0].title = "}{".repeat(100);
    for channel in CHANNELS {
        let lines = run(&ctx, &plain(channel));
        if channel != Channel::Sms {
            assert!(lines.len() >= 3, "{channel:?}");
        }
    }
}

#[test]
fn the_table_is_well_formed() {
    let all = lines::templates();
    let keys = [
        "hi",
        "name",
        "sir",
        "callee",
        "time",
        "shop",
        "item",
        "amount",
        "link",
        "gift",
        "coupon",
        "deal",
        "near",
        "gap",
        "campaign",
        "close",
        "left",
        "named",
        "agent",
        "optout",
        "answer",
        "address",
        "dispatch",
        "br",
        "sevenDayReturn",
        "sameDayShipping",
        "limitedStock",
        "campaignDay",
        "returning",
        "firstTime",
        "hesitating",
        "redo",
        "sized",
        "namedLate",
        "cardLimit",
        "cardBlocked",
        "noMethod",
        "payHelp",
        "upgrade",
        "repriced",
        "waited",
        "waitedLong",
        "waitedWhile",
        "waitedOvernight",
        "rushed",
        "grief",
        "ownLink",
        "titled",
        "quiet",
        "callSorry",
        "remindMe",
        "scam",
        "voice",
        "paidSaid",
        "noQin",
        "appeal",
        "decides",
        "goodNews",
        "setback",
        "image",
        "askToAsk",
        "stillDeciding",
        "stopped",
        "reminded",
    ];
    let mut ids: Vec<&str> = all.iter().map(|t| t.id).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids");
    for t in all {
        if !t.is_fragment() {
            assert!((1..=9).contains(&t.prio), "{}", t.id);
            assert!(
                [
                    "help",
                    "benefit",
                    "deadline",
                    "check",
                    "answer",
                    "door_open",
                    "thanks",
                    "sorry",
                    "reorder"
                ]
                .contains(&t.angle),
                "{}",
                t.id
            );
            assert!(
                t.channels.split(',').all(|c| Channel::parse(c).is_some()),
                "{}",
                t.id
            );
            assert!(t.occasions == "*" || t.occasions.chars().all(|c| "faulcnrkq".contains(c)));
            assert!(
                t.reasons == "*"
                    || t.reasons
                        .trim_start_matches('-')
                        .split(',')
                        .all(|r| ReasonCode::parse(r).is_some()),
                "{}",
                t.id
            );
        }
        for locale in LOCALES {
            let text = t
                .text(locale)
                .unwrap_or_else(|| panic!("{} {locale:?}", t.id));
            let (mut brace, mut bracket) = (None::<String>, false);
            for c in text.chars() {
                match (c, &mut brace) {
                    ('{', None) => brace = Some(String::new()),
                    ('}', Some(k)) => {
                        let k = k.trim_start_matches(['?', '!']);
                        let ok = match k.strip_prefix('@') {
                            Some(f) => all.iter().any(|t| {
                                t.id == format!("@{f}") || t.id.starts_with(&format!("@{f}."))
                            }),
                            None => keys.contains(&k),
                        };
                        assert!(ok, "{}: unknown {{{k}}}", t.id);
                        brace = None;
                    }
                    ('{' | '}', _) => panic!("{}: unbalanced braces", t.id),
                    (c, Some(k)) => k.push(c),
                    ('[', None) if !bracket => bracket = true,
                    (']', None) if bracket => bracket = false,
                    ('[' | ']', None) => panic!("{}: unbalanced or nested [ ]", t.id),
                    _ => {}
                }
            }
            assert!(brace.is_none() && !bracket, "{}: unclosed", t.id);
        }
    }
}

#[test]
fn a_hesitating_buyer_gets_room_not_a_goodbye() {
    // seed 000: 犹豫不决的顾客 — suggest, don't hurry; 不要咄咄逼人. A buyer
    // who said 再考虑一下 (changed_mind without declining) gets a gentle
    // reminder in several angles, never "the order will close, don't bother".
    for locale in LOCALES {
        let ctx = base_ctx(locale);
        for channel in CHANNELS {
            let r = Run {
                reason: ReasonCode::ChangedMind,
                channel,
                tone: Tone::Gentle,
                occasion: Occasion::LastChance,
                named: false,
            };
            let lines = run_declined(&ctx, &r, None);
            let what = format!("{channel:?} {locale:?}: {lines:?}");
            assert!(lines.len() >= 3, "{what}");
            assert!(lines.iter().all(|l| l.angle != "door_open"), "{what}");
            if channel == Channel::Im {
                assert_eq!(lines[0].template_id, "cm.think", "{what}");
            }
        }
    }
}

#[test]
fn im_offers_four_lines_without_generic_padding_for_a_named_cause() {
    // seed 001 旺旺催付: free, no length limit — the agent gets four lines to
    // pick from (大众型 / 个性型 templates); seed 004 答非所问: a buyer who
    // said what's wrong never gets the generic "遇到什么问题了?" as filler.
    for locale in LOCALES {
        let ctx = base_ctx(locale);
        let lines = run(&ctx, &plain(Channel::Im));
        assert_eq!(lines.len(), 4, "{locale:?}: {lines:?}");
        let mut ids: Vec<&str> = lines.iter().map(|l| l.template_id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 4, "{locale:?}: {lines:?}");
        let r = Run {
            reason: ReasonCode::ForgotPassword,
            ..plain(Channel::Im)
        };
        let lines = run(&ctx, &r);
        assert_eq!(lines[0].template_id, "fp.steps", "{lines:?}");
        assert!(lines.iter().all(|l| l.template_id != "g.help"), "{lines:?}");
    }
}

#[test]
fn an_sms_that_cannot_fit_still_offers_a_line() {
    // seed 001 短信: 一条说完 — and api.md: at least one line unless the action
    // is stop. An English SMS naming a Chinese shop and buyer goes out as
    // UCS-2 (70 characters); when no form fits, the shortest is offered.
    let mut ctx = base_ctx(Locale::En);
    if let Some(s) = ctx.shop.as_mut() {
        s.name = Some("小棉袄家居".into());
        s.sms_opt_out = Some("回T退订".into());
    }
    if let Some(b) = ctx.buyer.as_mut() {
        b.name = Some("小张".into());
    }
    for occasion in OCCASIONS {
        let r = Run {
            occasion,
            ..plain(Channel::Sms)
        };
        let lines = run(&ctx, &r);
        assert!(!lines.is_empty(), "{occasion:?}");
        assert!(
            lines.iter().all(|l| l.text.starts_with("Hi 小张")),
            "{lines:?}"
        );
    }
}

#[test]
fn named_time_reminder_without_an_item_reads_naturally() {
    // seed 001 话术4要素: name the item when known; when it isn't, the line
    // says "订单", not the filler "宝贝的订单" / "商品的訂單".
    for locale in [Locale::ZhCn, Locale::ZhTw] {
        let mut ctx = base_ctx(locale);
        ctx.order.items.clear();
        let r = Run {
            occasion: Occasion::BuyerNamedTime,
            named: true,
            ..plain(Channel::Im)
        };
        let lines = run(&ctx, &r);
        let named = lines.iter().find(|l| l.template_id == "g.named");
        let text = named.map(|l| l.text.as_str()).unwrap_or("");
        assert!(text.contains("8"), "{lines:?}");
        assert!(
            !text.contains("的订单") && !text.contains("的訂單"),
            "{text}"
        );
    }
}

#[test]
fn offer_question_already_answered_gets_no_let_me_check() {
    // seed 004 答非所问 / seed 002 answer fast: once the agent has answered
    // the buyer's 有赠品吗, the reminder doesn't say "我帮您确认一下,马上回复您";
    // that line is for an open question only.
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.shop = None;
    let r = Run {
        reason: ReasonCode::GiftOrPromo,
        occasion: Occasion::First,
        ..plain(Channel::Im)
    };
    let lines = run(&ctx, &r);
    assert!(
        lines.iter().all(|l| !l.text.contains("确认一下，马上")),
        "{lines:?}"
    );
    let r = Run {
        occasion: Occasion::Answer,
        ..r
    };
    assert_eq!(run(&ctx, &r)[0].template_id, "gp.answer");
}

/// A chat of the buyer's `texts`, in order, and nothing else.
fn said_all(locale: Locale, texts: &[&str]) -> ChatContext {
    let mut ctx = base_ctx(locale);
    ctx.messages = texts
        .iter()
        .map(|t| cuifu::Message {
            from: cuifu::Role::Buyer,
            text: (*t).into(),
            at: None,
        })
        .collect();
    ctx
}

fn said(locale: Locale, text: &str) -> ChatContext {
    let mut ctx = base_ctx(locale);
    ctx.messages = vec![cuifu::Message {
        from: cuifu::Role::Buyer,
        text: text.into(),
        at: None,
    }];
    ctx
}

#[test]
fn a_buyer_who_declined_gets_a_polite_goodbye() {
    // seed 000: 不要咄咄逼人…现在他不购买这款产品,可能日后会购买其他产品 —
    // no reminder, but a polite reply that leaves the door open.
    for (locale, text, shop) in [
        (Locale::ZhCn, "拍错了,这个不要了", "衣见倾心"),
        (Locale::ZhCn, "这款不买了,以后再看看别的", "衣见倾心"),
        // The order itself before 就 is no condition (不包邮就不要了 is).
        (Locale::ZhCn, "这单就不要了 麻烦你们了", "衣见倾心"),
        (Locale::ZhTw, "下錯單了,這個不要了", "衣见倾心"),
        (Locale::En, "I don't want it anymore, sorry", "Maple Studio"),
    ] {
        let s = cuifu::suggest(&said(locale, text)).unwrap();
        assert_eq!(s.action, Action::Stop, "{locale:?}");
        assert_eq!(s.reason.code, ReasonCode::ChangedMind, "{locale:?}");
        assert!(!s.lines.is_empty(), "{locale:?}");
        for l in &s.lines {
            assert_eq!(l.angle, "door_open", "{locale:?}");
            assert!(l.text.contains(shop), "{locale:?}: {}", l.text);
            assert_reads_naturally(&l.text, &l.template_id);
            let w = lint(&l.text, &LintOptions::default()).unwrap();
            assert!(w.is_empty(), "{locale:?}: {} {w:?}", l.text);
        }
    }
}

/// seed 000 (顾及买家情绪): a buyer who cancels because someone died (a
/// pet, a parent) gets condolences and the word that the order needs
/// nothing; never the shop's name as a plug, "祝您生活愉快" or a reminder.
#[test]
fn a_buyer_in_grief_gets_condolences_not_a_plug() {
    for (locale, text, kind) in [
        (
            Locale::ZhCn,
            "不用了 豆豆昨天走了 用不上了 你们帮我取消吧",
            "节哀",
        ),
        (Locale::ZhTw, "不用了 奶奶上週過世了 這個不要了", "節哀"),
        (
            Locale::En,
            "please cancel, my dog passed away last night",
            "sorry",
        ),
    ] {
        let s = cuifu::suggest(&said(locale, text)).unwrap();
        assert_eq!(s.action, Action::Stop, "{text}");
        assert!(s.lines.len() >= 2, "{text}: {:?}", s.lines);
        assert!(
            s.lines[0].text.contains(kind),
            "{text}: {}",
            s.lines[0].text
        );
        for l in &s.lines {
            for plug in [
                "衣见倾心",
                "Maple Studio",
                "愉快",
                "lovely day",
                "welcome back",
            ] {
                assert!(!l.text.contains(plug), "{text}: {}", l.text);
            }
            assert_reads_naturally(&l.text, &l.template_id);
        }
    }
}

/// Issue 13 (`stop` returns the lines the seeds describe): a buyer who writes
/// after the order closed unpaid is told it closed and how to order again,
/// without blame (000: 体谅); with nothing from the buyer, no lines.
#[test]
fn a_buyer_who_writes_after_the_close_is_told_to_order_again() {
    for (locale, text, want) in [
        (
            Locale::ZhCn,
            "诶 我那个订单怎么没了？？昨晚本来想付的 还能付吗",
            "重新拍",
        ),
        (Locale::ZhTw, "我的訂單怎麼不見了 還可以付嗎", "重新下單"),
        (
            Locale::En,
            "where did my order go?? can i still pay",
            "order",
        ),
    ] {
        let mut ctx = said(locale, text);
        ctx.now = Some("2026-11-28T10:20:00+08:00".into());
        let s = cuifu::suggest(&ctx).unwrap();
        assert_eq!(s.action, Action::Stop, "{text}");
        assert!(s.lines.len() >= 2, "{text}: {:?}", s.lines);
        for l in &s.lines {
            assert_eq!(l.angle, "reorder", "{text}");
            assert!(l.text.contains(want), "{text}: {}", l.text);
            assert_reads_naturally(&l.text, &l.template_id);
            let w = lint(&l.text, &LintOptions::default()).unwrap();
            assert!(w.is_empty(), "{text}: {} {w:?}", l.text);
        }
    }
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.now = Some("2026-11-28T10:20:00+08:00".into());
    assert!(cuifu::suggest(&ctx).unwrap().lines.is_empty());
}

/// seed 000 (顾及买家情绪): a buyer who asked for no more reminders and
/// wrote gets an apology and the word that none will follow, never a push.
#[test]
fn a_buyer_who_asks_for_no_more_reminders_gets_an_apology() {
    let push = ["还没付款", "遇到什么问题", "尽快", "抓紧"];
    for (locale, words) in [
        (Locale::ZhCn, "别再发了"),
        (Locale::ZhCn, "你们有完没完 再催就不要了"),
        (Locale::ZhTw, "不要再傳了 很煩"),
        (Locale::En, "stop sending me reminders"),
    ] {
        let s = cuifu::suggest(&said(locale, words)).unwrap();
        assert_eq!(s.action, Action::Stop, "{words}");
        assert!(s.lines.len() >= 3, "{words}: {:?}", s.lines);
        for l in &s.lines {
            assert_eq!(l.angle, "sorry", "{words}");
            assert!(push.iter().all(|p| !l.text.contains(p)), "{}", l.text);
            assert_reads_naturally(&l.text, &l.template_id);
            let w = lint(&l.text, &LintOptions::default()).unwrap();
            assert!(w.is_empty(), "{}: {w:?}", l.text);
        }
    }
}

#[test]
fn other_stops_offer_no_lines() {
    // Paid, and the buyer no longer wants it: after-sales, not a reminder
    // or a thank-you.
    let mut ctx = said(Locale::ZhCn, "拍错了,不要了");
    ctx.order.paid = Some(true);
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.action, Action::Stop);
    assert!(s.lines.is_empty(), "{:?}", s.lines);
    // Closed: past the close time.
    let mut ctx = said(Locale::ZhCn, "拍错了,不要了");
    ctx.now = Some("2026-12-24T15:00:00+08:00".into());
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.action, Action::Stop);
    assert!(s.lines.is_empty(), "{:?}", s.lines);
}

/// A context whose buyer asked `text`, with item facts and shop shipping.
fn asked(locale: Locale, text: &str) -> ChatContext {
    let mut ctx = said(locale, text);
    ctx.order.items[0].facts = Some(cuifu::ItemFacts {
        colours: Some(cuifu::FactValue::List(vec!["黑色".into(), "灰色".into()])),
        sizes: Some(cuifu::FactValue::List(vec![
            "S".into(),
            "M".into(),
            "L".into(),
        ])),
        stock: Some(cuifu::FactValue::Number(12.0)),
        size_chart: Some(cuifu::FactValue::Text(
            "S 155-160cm 90-100斤;M 160-167cm 100-115斤;L 167-172cm 115-130斤".into(),
        )),
        origin: Some(cuifu::FactValue::Text("浙江桐乡".into())),
    });
    ctx.shop.as_mut().unwrap().shipping = Some(cuifu::Shipping {
        carrier: Some("中通".into()),
        dispatch: Some("16:00前付款当天发".into()),
        ships_from: Some("浙江杭州".into()),
    });
    ctx
}

#[test]
fn the_first_line_answers_the_open_question_from_the_facts() {
    for (question, answer) in [
        ("这个有黑色吗", "有黑色的"),
        ("有白色吗", "白色暂时没有，现在有黑色、灰色"),
        ("我165cm 110斤穿M还是L", "您165cm、110斤建议拍M"),
        ("L码还有货吗？", "L码有现货"),
        ("黑色还有货吗", "黑色有现货"),
        ("产地是哪里", "产地是浙江桐乡"),
        ("什么时候发货", "我们从浙江杭州发中通，16:00前付款当天发"),
    ] {
        let s = cuifu::suggest(&asked(Locale::ZhCn, question)).unwrap();
        let top = &s.lines[0].text;
        assert!(top.contains(answer), "{question}: {top}");
        assert!(!top.contains('【'), "{question}: {top}");
    }
}

#[test]
fn a_carrier_question_gets_the_shops_carrier_and_a_slot_for_another() {
    // seed 004: no promises the shop has not made; seed 002: 答非所问 —
    // 能发极兔吗 from a 中通 shop is told what the shop ships by, and whether
    // 极兔 is possible is left to the agent. Its own carrier is a plain yes.
    for (question, slot) in [
        (
            "能发极兔不 我们这中通老丢件",
            Some("【能发极兔不：在这里回答】"),
        ),
        ("可以走顺丰吗", Some("【可以走顺丰吗：在这里回答】")),
        ("是发中通吗", None),
    ] {
        let s = cuifu::suggest(&asked(Locale::ZhCn, question)).unwrap();
        let top = &s.lines[0].text;
        assert!(top.contains("我们从浙江杭州发中通"), "{question}: {top}");
        match slot {
            Some(slot) => assert!(top.contains(slot), "{question}: {top}"),
            None => assert!(!top.contains('【'), "{question}: {top}"),
        }
    }
    // Two questions that both take the shipping sentence say it once, and
    // the answers read as sentences, not a chain of "；".
    let mut ctx = asked(Locale::ZhCn, "发哈尔滨几天能到啊");
    ctx.messages.push(cuifu::Message {
        from: cuifu::Role::Buyer,
        text: "能发极兔不".into(),
        at: None,
    });
    let s = cuifu::suggest(&ctx).unwrap();
    let top = &s.lines[0].text;
    assert_eq!(top.matches("发中通").count(), 1, "{top}");
    assert!(
        top.contains("当天发。【发哈尔滨几天能到啊：在这里回答】。【能发极兔不：在这里回答】。"),
        "{top}"
    );
    assert!(!top.contains('；'), "{top}");
    // Words that hide a carrier's name are no carrier (sf in transfer).
    let s = cuifu::suggest(&asked(
        Locale::En,
        "my transfer should clear, is it in stock?",
    ))
    .unwrap();
    assert!(
        !s.lines[0].text.contains("We ship from"),
        "{}",
        s.lines[0].text
    );
}

#[test]
fn fewer_left_than_ordered_is_not_in_stock() {
    // seed 004: never lie to the buyer — 3 left for an order of 5 is not
    // "有现货" (G1 g05); how many are left, and whether that many will do.
    for (quantity, says) in [
        (None, "这款有现货"),
        (Some(12.0), "这款有现货"),
        (
            Some(13.0),
            "不好意思，这款现在只剩12件，不够您拍的13件～您看先改成12件可以吗？",
        ),
    ] {
        let mut ctx = asked(Locale::ZhCn, "有货吗");
        ctx.order.items[0].quantity = quantity;
        let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
        assert!(top.contains(says), "{quantity:?}: {top}");
    }
}

#[test]
fn a_silent_order_is_neither_guessed_at_nor_asked_to_pay() {
    // seed 000 (静默下单): 这里不要直接让买家付款 — and don't guess what a
    // silent buyer is doing ("是不是还在考虑呀？", G1 g01/g23/g34).
    for loc in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
        let ctx = base_ctx(loc);
        assert!(ctx.messages.is_empty());
        let s = cuifu::suggest(&ctx).unwrap();
        assert_eq!(s.reason.code, ReasonCode::SilentOrder);
        for l in &s.lines {
            for word in [
                "是不是还在考虑",
                "是不是還在考慮",
                "Still thinking",
                "方便的时候付款",
                "方便的時候付款",
                "Pay whenever",
            ] {
                assert!(!l.text.contains(word), "{loc:?}: {}", l.text);
            }
        }
    }
}

#[test]
fn an_offer_question_with_nothing_to_offer_gets_a_slot_not_a_holding_line() {
    // seed 002: reply fast, don't answer beside the question — a shop with
    // no gift, coupon or campaign set leaves the answer to the agent in a
    // slot, not "您问的活动我帮您确认一下，马上回复您" (G1 g15, g25).
    for text in ["有赠品吗", "双11有什么活动吗"] {
        let s = cuifu::suggest(&said(Locale::ZhCn, text)).unwrap();
        assert!(s.lines[0].text.contains('【'), "{text}: {:?}", s.lines);
        for l in &s.lines {
            assert!(!l.text.contains("帮您确认一下"), "{text}: {}", l.text);
            assert!(l.text.chars().count() > 8, "{text}: {}", l.text);
        }
    }
}

#[test]
fn every_question_of_a_message_gets_its_answer_or_a_slot() {
    // seed 002: 答非所问 — 有现货 alone does not answer "can it ship today".
    let s = cuifu::suggest(&asked(Locale::ZhCn, "还有货吗 今天拍今天能发不")).unwrap();
    let top = &s.lines[0].text;
    assert!(top.contains("有现货"), "{top}");
    assert!(top.contains("16:00前付款当天发"), "{top}");
    // A question outside the known topics gets the agent's slot beside
    // the answer the facts give.
    let s = cuifu::suggest(&asked(Locale::ZhCn, "L码还有货吗？可以送到单位前台吗")).unwrap();
    let top = &s.lines[0].text;
    assert!(top.contains("L码有现货"), "{top}");
    assert!(top.contains("【可以送到单位前台吗"), "{top}");
    // A question the answer already speaks of gets no slot of its own.
    let s = cuifu::suggest(&asked(Locale::ZhCn, "什么时候发货？是中通吗")).unwrap();
    let top = &s.lines[0].text;
    assert!(top.contains("发中通"), "{top}");
    assert!(!top.contains('【'), "{top}");
    // The price question the reason's own line answers gets no slot.
    let s = cuifu::suggest(&asked(Locale::ZhCn, "能便宜点吗？有黑色吗")).unwrap();
    assert!(
        s.lines.iter().all(|l| !l.text.contains("【能便宜点吗")),
        "{:?}",
        s.lines
    );
}

#[test]
fn a_shoe_size_is_read_from_a_foot_length_chart() {
    // seed 004: 答非所问 is what an agent must never do — the chart holds
    // the answer to "my foot is 26cm, which size".
    for (locale, question, answer) in [
        (
            Locale::ZhCn,
            "我脚长26cm穿多大的",
            "按尺码表，42码对应260mm，脚长26cm建议拍42",
        ),
        (
            Locale::En,
            "im US 9 usually, which EU size?? my foot is about 26cm",
            "42 is 260mm, so for a 26cm foot I'd suggest 42",
        ),
    ] {
        let mut ctx = asked(locale, question);
        if let Some(f) = ctx.order.items[0].facts.as_mut() {
            f.size_chart = Some(cuifu::FactValue::Text(
                "41 = 255mm, 42 = 260mm, 43 = 265mm (foot length)".into(),
            ));
        }
        let s = cuifu::suggest(&ctx).unwrap();
        let top = &s.lines[0].text;
        assert!(top.contains(answer), "{question}: {top}");
        assert!(!top.contains('【'), "{question}: {top}");
    }
    // How long it takes is the shipping facts, then the agent's part.
    let s = cuifu::suggest(&asked(Locale::ZhCn, "发乌鲁木齐要几天啊")).unwrap();
    let top = &s.lines[0].text;
    assert!(top.contains("我们从浙江杭州发中通"), "{top}");
    assert!(top.contains("【发乌鲁木齐要几天啊：在这里回答】"), "{top}");
}

#[test]
fn a_question_the_facts_cannot_answer_leaves_a_slot() {
    // No claim of an answer that isn't there: the agent fills the slot.
    for (locale, question, slot) in [
        (
            Locale::ZhCn,
            "这个毛衣起不起球啊",
            "【这个毛衣起不起球啊：在这里回答】",
        ),
        (
            Locale::ZhCn,
            "发新疆要加运费吗",
            "【发新疆要加运费吗：在这里回答】",
        ),
        (
            Locale::ZhTw,
            "請問可以寄7-11嗎",
            "【可以寄7-11嗎：在這裡回答】",
        ),
        (
            Locale::ZhTw,
            "要買S還是M啊🐱",
            "【要買S還是M啊：在這裡回答】",
        ),
        (
            Locale::En,
            "are these really waterproof?",
            "【are these really waterproof: answer here】",
        ),
    ] {
        let s = cuifu::suggest(&said(locale, question)).unwrap();
        let top = &s.lines[0].text;
        assert!(top.contains(slot), "{question}: {top}");
    }
    // Arrival days are never promised: the courier is a fact, the days a slot.
    let s = cuifu::suggest(&asked(Locale::ZhCn, "发成都几天到")).unwrap();
    let top = &s.lines[0].text;
    assert!(
        top.contains("中通") && top.contains("【发成都几天到：在这里回答】"),
        "{top}"
    );
    for l in s.lines {
        for banned in ["希望我的解答", "我这就给您解答", "I hope my answer"] {
            assert!(!l.text.contains(banned), "{}", l.text);
        }
    }
}

#[test]
fn no_line_claims_an_answer_it_does_not_give() {
    for t in lines::templates() {
        for locale in LOCALES {
            let text = t.text(locale).unwrap_or("");
            for banned in [
                "希望我的解答",
                "希望我的說明",
                "您问的我这就给您解答",
                "I hope my answer",
                "I'm answering your question",
            ] {
                assert!(!text.contains(banned), "{}: {text}", t.id);
            }
        }
    }
}

#[test]
fn a_named_cause_gets_no_generic_what_went_wrong() {
    for text in ["付款密码忘了", "能便宜点吗", "质量怎么样", "运费太贵了"] {
        let s = cuifu::suggest(&said(Locale::ZhCn, text)).unwrap();
        for l in &s.lines {
            assert!(!l.text.contains("遇到什么问题了"), "{text}: {}", l.text);
        }
    }
}

#[test]
fn the_buyer_is_addressed_by_nick_or_by_sir_never_name_plus_qin() {
    let mut ctx = base_ctx(Locale::ZhCn);
    let b = ctx.buyer.as_mut().unwrap();
    b.name = Some("孙雨".into());
    b.gender = None;
    b.nick = Some("小雨点".into());
    for tone in Tone::ALL {
        let r = Run {
            tone,
            ..plain(Channel::Im)
        };
        for l in run(&ctx, &r) {
            assert!(!l.text.contains("孙雨"), "a nick fits: {}", l.text);
            assert!(!l.text.contains("小雨点亲"), "{}", l.text);
        }
    }
    ctx.buyer.as_mut().unwrap().gender = Some(Gender::Female);
    let lines = run(&ctx, &plain(Channel::Im));
    // 孙女士, not 孙雨女士 (seed 010: 张先生); no playful ～ after a title.
    assert!(
        lines[0].text.starts_with("孙女士您好，"),
        "{}",
        lines[0].text
    );
    for l in lines {
        assert!(!l.text.contains("孙雨亲"), "{}", l.text);
        assert!(!l.text.contains("孙雨女士"), "{}", l.text);
        assert!(!l.text.contains("女士您好～"), "{}", l.text);
    }
}

#[test]
fn the_lines_follow_the_buyers_language() {
    // The UI language is English; the buyer writes Chinese.
    let mut ctx = said(Locale::En, "这个有黑色吗");
    ctx.locale = Some(Locale::En);
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(s.lines[0].text.contains("您"), "{}", s.lines[0].text);
    // Traditional characters: zh-TW lines.
    let s = cuifu::suggest(&said(Locale::ZhCn, "這個有黑色嗎")).unwrap();
    assert!(s.lines[0].text.contains("這裡") || s.lines[0].text.contains("您好"));
    assert!(!s.lines[0].text.contains("这里"), "{}", s.lines[0].text);
    // English from the buyer.
    let s = cuifu::suggest(&said(Locale::ZhCn, "do you have it in black?")).unwrap();
    assert!(s.lines[0].text.is_ascii() || s.lines[0].text.contains("answer here"));
    // buyer.locale overrides what the messages say.
    let mut ctx = said(Locale::ZhCn, "do you have it in black?");
    ctx.buyer.as_mut().unwrap().locale = Some(Locale::ZhCn);
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(
        s.lines[0].text.contains("在这里回答"),
        "{}",
        s.lines[0].text
    );
    // Nothing written: the context's locale.
    let s = cuifu::suggest(&base_ctx(Locale::En)).unwrap();
    let text = &s.lines[0].text;
    // The slot's brackets (【shipping address: paste here】) are the only
    // characters outside ASCII.
    assert!(
        text.chars().all(|c| c.is_ascii() || "【】".contains(c)),
        "{text}"
    );
}

#[test]
fn lines_are_worded_for_lines_at() {
    // Sent on Monday 10:00 but inserted on Saturday: the words are for Saturday.
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.now = Some("2026-11-24T11:00:00+08:00".into());
    ctx.order.placed_at = "2026-11-24T10:20:00+08:00".into();
    // Not the first word on this silent order: that one names no close time.
    ctx.reminders = vec![cuifu::SentReminder {
        at: "2026-11-24T10:55:00+08:00".into(),
        channel: Channel::Im,
        template_id: None,
    }];
    let later = cuifu::suggest(&ctx).unwrap();
    ctx.lines_at = Some("2026-11-27T09:40:00+08:00".into());
    let at = cuifu::suggest(&ctx).unwrap();
    let deadline = |s: &cuifu::Suggestion| {
        s.lines
            .iter()
            .find(|l| l.angle == "deadline")
            .map(|l| l.text.clone())
            .unwrap_or_default()
    };
    assert!(
        deadline(&later).contains("11月27日（周五）上午10点20分"),
        "{}",
        deadline(&later)
    );
    // An SMS may be read later: it names the hour, said for that day.
    assert!(
        deadline(&at).contains("今天上午10点20分"),
        "{}",
        deadline(&at)
    );
    assert_eq!(later.send_at, at.send_at, "only the words change");
    ctx.lines_at = Some("Saturday".into());
    let e = cuifu::suggest(&ctx).unwrap_err();
    assert_eq!(e.path(), "linesAt", "{e:?}");
}

#[test]
fn a_vague_time_is_not_quoted_back() {
    // 我晚点看看 names no time: no "您之前说今天下午4点半付款".
    let mut ctx = said(Locale::ZhCn, "好 我晚点看看");
    ctx.now = Some("2026-11-24T15:00:00+08:00".into());
    let s = cuifu::suggest(&ctx).unwrap();
    for l in &s.lines {
        assert!(!l.text.contains("您之前说"), "{}", l.text);
    }
}

#[test]
fn stop_for_a_changed_mind_offers_three_goodbyes() {
    for locale in LOCALES {
        let text = match locale {
            Locale::En => "I ordered by mistake, I don't want it anymore",
            Locale::ZhTw => "下錯單了,這個不要了",
            Locale::ZhCn => "拍错了,这个不要了",
        };
        let s = cuifu::suggest(&said(locale, text)).unwrap();
        assert_eq!(s.action, Action::Stop);
        assert!(s.lines.len() >= 3, "{locale:?}: {:?}", s.lines);
        let mut ids: Vec<&str> = s.lines.iter().map(|l| l.template_id.as_str()).collect();
        ids.dedup();
        assert_eq!(ids.len(), s.lines.len());
    }
}

#[test]
fn a_payday_after_the_close_is_said_kindly() {
    let text =
        std::fs::read_to_string("tests/review/scenarios/04-payday-after-close.json").unwrap();
    let ctx: ChatContext = serde_json::from_str(&text).unwrap();
    let s = cuifu::suggest(&ctx).unwrap();
    let top = &s.lines[0].text;
    assert_eq!(s.lines[0].template_id, "ib.late", "{top}");
    assert!(top.contains("比您说的25号早一些"), "{top}");
    assert!(top.contains("重新拍下"), "{top}");
}

#[test]
fn item_facts_read_strings_lists_and_numbers() {
    let item: Item = serde_json::from_str(
        r#"{"title":"包","facts":{"colours":["黑色","灰色"],"stock":30,"origin":"浙江","sizeChart":"S 150-160cm"}}"#,
    )
    .unwrap();
    let f = item.facts.unwrap();
    assert_eq!(
        f.colours,
        Some(cuifu::FactValue::List(vec!["黑色".into(), "灰色".into()]))
    );
    assert_eq!(f.stock, Some(cuifu::FactValue::Number(30.0)));
    assert_eq!(f.origin, Some(cuifu::FactValue::Text("浙江".into())));
    assert!(serde_json::from_str::<Item>(r#"{"title":"包","facts":{"stock":true}}"#).is_err());
    assert!(serde_json::from_str::<Item>(r#"{"title":"包","facts":{"sizes":[1]}}"#).is_err());
}

#[test]
fn the_last_reminder_the_cap_allows_names_the_close() {
    // seed 004: the order closes by itself; the last reminder under the
    // cap (default two) says when, instead of a second "any problem?".
    let ctx = |reminders: serde_json::Value| -> ChatContext {
        serde_json::from_value(serde_json::json!({
            "now": "2026-11-25T15:00:00+08:00",
            "order": {"placedAt": "2026-11-24T09:00:00+08:00", "amount": 89,
                      "items": [{"title": "纯棉睡衣套装"}]},
            "buyer": {"nick": "小鱼"},
            "reminders": reminders,
            "shop": {"name": "暖暖家居"}
        }))
        .unwrap()
    };
    let s = cuifu::suggest(&ctx(serde_json::json!([
        {"at": "2026-11-24T10:00:00+08:00", "channel": "im"}
    ])))
    .unwrap();
    assert_eq!(s.lines[0].angle, "deadline", "{:?}", s.lines);
    assert!(s.lines[0].text.contains("自动关闭"), "{:?}", s.lines);
    // The first reminder of the same order does not lead with the close.
    let s = cuifu::suggest(&ctx(serde_json::json!([]))).unwrap();
    assert_ne!(s.lines[0].angle, "deadline", "{:?}", s.lines);
}

#[test]
fn the_shops_own_answers_answer_first() {
    // seed 000 询单: answer what the buyer asked. The shop's keyword answers
    // (`shop.answers`) know what no built-in fact says: a carrier for a fee,
    // a pickup option. Keywords match across case, width and script.
    let answers = vec![
        cuifu::ShopAnswer {
            keywords: vec!["顺丰".into(), "SF".into()],
            text: "可以发顺丰的，补12元差价就行～".into(),
        },
        cuifu::ShopAnswer {
            keywords: vec!["7-11".into(), "超商".into()],
            text: "可以喔，結帳時選7-11取貨就可以了。".into(),
        },
    ];
    for (locale, question, answer) in [
        (
            Locale::ZhCn,
            "能发顺丰吗 要急用",
            "可以发顺丰的，补12元差价就行～",
        ),
        (
            Locale::ZhCn,
            "可以发sf吗？",
            "可以发顺丰的，补12元差价就行～",
        ),
        (
            Locale::ZhTw,
            "可以7-11取貨嗎?",
            "可以喔，結帳時選7-11取貨就可以了。",
        ),
        (
            Locale::ZhTw,
            "能寄超商嗎",
            "可以喔，結帳時選7-11取貨就可以了。",
        ),
    ] {
        let mut ctx = asked(locale, question);
        ctx.shop.as_mut().unwrap().answers = answers.clone();
        let s = cuifu::suggest(&ctx).unwrap();
        let top = &s.lines[0].text;
        assert!(top.contains(answer), "{question}: {top}");
        assert!(!top.contains('【'), "{question}: {top}");
        assert!(!top.contains("～。") && !top.contains("。。"), "{top}");
    }
    // A question no keyword names keeps the built-in answer.
    let mut ctx = asked(Locale::ZhCn, "这个有黑色吗");
    ctx.shop.as_mut().unwrap().answers = answers;
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(top.contains("有黑色的"), "{top}");
}

#[test]
fn the_shops_answers_are_checked() {
    let bad = |answers: serde_json::Value| {
        let mut v = serde_json::to_value(said(Locale::ZhCn, "能发顺丰吗")).unwrap();
        v["shop"]["answers"] = answers;
        let ctx: ChatContext = serde_json::from_value(v).unwrap();
        let e = cuifu::suggest(&ctx).unwrap_err();
        (e.code().to_string(), e.path().to_string())
    };
    let no_keyword = bad(serde_json::json!([{"keywords": [" "], "text": "可以"}]));
    assert_eq!(
        no_keyword,
        ("invalid_value".into(), "shop.answers[0].keywords".into())
    );
    let no_text = bad(serde_json::json!([{"keywords": ["顺丰"], "text": ""}]));
    assert_eq!(
        no_text,
        ("invalid_value".into(), "shop.answers[0].text".into())
    );
    let many: Vec<_> = (0..201)
        .map(|i| serde_json::json!({"keywords": [format!("k{i}")], "text": "好"}))
        .collect();
    assert_eq!(
        bad(serde_json::Value::Array(many)),
        ("too_large".into(), "shop.answers".into())
    );
}

#[test]
fn item_colours_are_read_in_either_spelling() {
    let item: Item =
        serde_json::from_str(r#"{"title":"开衫","facts":{"colors":["黑色","藏青"]}}"#).unwrap();
    assert_eq!(
        item.facts.unwrap().colours,
        Some(cuifu::FactValue::List(vec!["黑色".into(), "藏青".into()]))
    );
}

#[test]
fn no_line_talks_past_an_open_question() {
    // seed 000 询单: the buyer said what they need; "付款这边有什么需要我帮忙的"
    // asks again as if they had not. Nor are the same words offered twice.
    for (locale, question) in [
        (Locale::ZhCn, "这个有黑色吗"),
        (Locale::ZhCn, "这个毛衣起不起球啊"),
        (Locale::ZhTw, "請問可以寄7-11嗎"),
        (Locale::En, "are these waterproof?"),
    ] {
        let s = cuifu::suggest(&asked(locale, question)).unwrap();
        // Replies only: no reminder offered beside the answer.
        assert!(!s.lines.is_empty(), "{question}: {:?}", s.lines);
        assert!(
            s.lines
                .iter()
                .all(|l| l.angle != "deadline" && l.angle != "check"),
            "{question}: {:?}",
            s.lines
        );
        assert!(
            s.lines.iter().all(|l| l.template_id != "g.offer"),
            "{question}: {:?}",
            s.lines
        );
        for (i, l) in s.lines.iter().enumerate() {
            assert!(
                s.lines.iter().skip(i + 1).all(|m| m.text != l.text),
                "{question}: {:?}",
                s.lines
            );
        }
    }
}

#[test]
fn the_address_check_quotes_the_orders_address() {
    // seed 001 核对地址: with the order's address in the context, the line is
    // ready to send; without it, a slot for the agent.
    let silent = |address: Option<&str>| {
        let mut ctx = base_ctx(Locale::ZhCn);
        ctx.messages.clear();
        ctx.order.address = address.map(str::to_string);
        cuifu::suggest(&ctx).unwrap()
    };
    let s = silent(Some("浙江省杭州市西湖区文三路100号 王丽"));
    let check = s.lines.iter().find(|l| l.text.contains("核对一下收货地址"));
    let check = check.expect("an address check");
    assert!(
        check
            .text
            .contains("收货地址：浙江省杭州市西湖区文三路100号 王丽，"),
        "{}",
        check.text
    );
    assert!(!check.text.contains('【'), "{}", check.text);
    let s = silent(None);
    assert!(
        s.lines
            .iter()
            .any(|l| l.text.contains("【收货地址：在这里粘贴】")),
        "{:?}",
        s.lines
    );
    // With the shop's dispatch terms, the check says them (issue 13: use
    // `shop.shipping`; V1 v01: 尽快安排发货 where the shop says 48小时内).
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.messages.clear();
    ctx.shop.get_or_insert_with(Default::default).shipping = Some(cuifu::Shipping {
        dispatch: Some("付款后48小时内发货。".into()),
        ..Default::default()
    });
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(
        s.lines.iter().any(|l| l.text.contains("核对一下收货地址")
            && l.text.ends_with("没问题的话，付款后48小时内发货啦～")),
        "{:?}",
        s.lines
    );
}

#[test]
fn an_answer_covers_what_it_speaks_of_once() {
    // seed 002 答非所问: every question answered, none twice, and no slot
    // for what an answer already says.
    let remote = cuifu::ShopAnswer {
        keywords: vec!["西藏".into(), "拉萨".into(), "偏远".into()],
        text: "西藏地区需要补15元运费哦，拍下后我们给您改价就行～".into(),
    };
    // The keyword names a place; the question is how long: a slot for the
    // days beside the shop's answer. 加多少 asks on about the fee it gives.
    let mut ctx = asked(Locale::ZhCn, "发拉萨要几天啊");
    ctx.messages.push(cuifu::Message {
        from: cuifu::Role::Buyer,
        text: "偏远地区是不是要加邮费 加多少".into(),
        at: None,
    });
    ctx.shop.as_mut().unwrap().answers = vec![remote];
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("需要补15元运费"), "{top}");
    assert!(top.contains("【发拉萨要几天啊"), "{top}");
    assert!(!top.contains("【加多少"), "{top}");

    // 運費要另外算嗎 after the shop's 需要補運費150元: no slot for it.
    let island = cuifu::ShopAnswer {
        keywords: vec!["金門".into(), "離島".into()],
        text: "離島可以寄喔～需要補運費150元，我們幫您改價就好".into(),
    };
    let mut ctx = asked(Locale::ZhTw, "請問可以寄金門嗎");
    ctx.messages.push(cuifu::Message {
        from: cuifu::Role::Buyer,
        text: "運費要另外算嗎".into(),
        at: None,
    });
    ctx.shop.as_mut().unwrap().answers = vec![island];
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("需要補運費150元"), "{top}");
    assert!(!top.contains("【運費"), "{top}");

    // "Does it ship" and "how long" share the shipping sentence: said once.
    let mut ctx = asked(
        Locale::En,
        "does this ship to Kuala Lumpur?? how long n which courier",
    );
    ctx.shop.as_mut().unwrap().shipping = Some(cuifu::Shipping {
        carrier: Some("ZTO Express".into()),
        dispatch: Some("same day if paid before 4pm".into()),
        ships_from: Some("Hangzhou".into()),
    });
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert_eq!(top.matches("We ship from").count(), 1, "{top}");

    // A Chinese line takes full-width brackets from the shop's facts.
    let mut ctx = asked(Locale::ZhCn, "发什么快递");
    ctx.shop
        .as_mut()
        .unwrap()
        .shipping
        .as_mut()
        .unwrap()
        .carrier = Some("德邦物流(大件送货)".into());
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("德邦物流（大件送货）"), "{top}");

    // A fact that ends on its own full stop is not followed by a second one.
    let mut ctx = asked(Locale::ZhCn, "发什么快递 几天能到");
    ctx.shop
        .as_mut()
        .unwrap()
        .shipping
        .as_mut()
        .unwrap()
        .dispatch = Some("付款后3-5天发货。".into());
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(
        top.contains("付款后3-5天发货") && !top.contains("。。"),
        "{top}"
    );
}

#[test]
fn an_answer_after_a_night_or_a_long_wait_says_sorry_first() {
    // seed 002 (a buyer waiting for the agent's answer: answer fast) and the
    // K1 review: a question asked last night and answered in the morning
    // opens with an apology, whatever its reason; one asked a minute ago
    // does not.
    for (asked_at, want) in [
        ("2026-11-23T23:40:00+08:00", Some("昨天没能及时回复您")),
        ("2026-11-24T13:30:00+08:00", Some("回复晚了")),
        ("2026-11-24T14:59:00+08:00", None),
    ] {
        let mut ctx = asked(Locale::ZhCn, "L码还有货吗？");
        ctx.messages[0].at = Some(asked_at.into());
        let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
        assert!(top.contains("L码有现货"), "{top}");
        match want {
            Some(w) => assert!(top.contains(w), "{asked_at}: {top}"),
            None => assert!(!top.contains("不好意思"), "{asked_at}: {top}"),
        }
    }
}

#[test]
fn a_coupon_the_shop_limits_is_never_offered_as_current() {
    // seed 004 (no promise the shop cannot keep) and the L1 review: a coupon
    // whose note limits it to a window or a group (仅限…直播期间下单) may not
    // hold for this order, so no line says the shop has it now.
    let mut ctx = said(
        Locale::ZhCn,
        "昨晚直播间主播说备注口令减30的 我拍的时候忘了备注了 能给我改下价吗",
    );
    ctx.shop.as_mut().unwrap().coupon =
        Some("直播间口令减30（仅限11月23日20:00-24:00直播期间下单）".into());
    let s = cuifu::suggest(&ctx).unwrap();
    for l in &s.lines {
        assert!(!l.text.contains("减30"), "{}", l.text);
    }
    // The same coupon without the limit is offered.
    ctx.shop.as_mut().unwrap().coupon = Some("直播间口令减30".into());
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(
        s.lines.iter().any(|l| l.text.contains("减30")),
        "{:?}",
        s.lines
    );
}

#[test]
fn a_buyer_who_ordered_twice_by_mistake_and_will_pay_is_answered_not_stopped() {
    // seed 000 (don't force a buyer who no longer wants it) applies to a
    // decline; "by mistake … then I'll pay both tonight" is a buyer who pays
    // (L1 review, l36): a reply, not a silent stop.
    let mut ctx = said(
        Locale::En,
        "Hi, I made 2 orders by mistake - the rice cooker and a spare inner pot",
    );
    ctx.messages.push(cuifu::Message {
        from: cuifu::Role::Buyer,
        text: "Can you ship them together and refund the shipping? Then I'll pay both tonight"
            .into(),
        at: None,
    });
    let s = cuifu::suggest(&ctx).unwrap();
    assert_ne!(s.action, Action::Stop);
    assert!(!s.lines.is_empty());
}

#[test]
fn facts_written_in_two_languages_are_said_in_the_lines_language() {
    // Issue 13 (answer from the facts the context gives): `ZTO Express (中通)`
    // answers an English buyer in English and a Chinese one in Chinese;
    // neither gets a slot for what the shop's settings hold.
    for (locale, question, wants, not) in [
        (
            Locale::En,
            "where do u ship from? which courier",
            "We ship from Hohhot, Inner Mongolia by ZTO Express",
            "中通",
        ),
        (
            Locale::ZhCn,
            "从哪里发货 发什么快递",
            "我们从内蒙古呼和浩特发中通",
            "ZTO",
        ),
        (
            Locale::ZhTw,
            "從哪裡寄",
            "我們從內蒙古呼和浩特寄中通",
            "Hohhot",
        ),
    ] {
        let mut ctx = asked(locale, question);
        ctx.shop.as_mut().unwrap().shipping = Some(cuifu::Shipping {
            carrier: Some("ZTO Express (中通)".into()),
            dispatch: None,
            ships_from: Some(
                if locale == Locale::ZhTw {
                    "Hohhot（內蒙古呼和浩特）"
                } else {
                    "Hohhot, Inner Mongolia (内蒙古呼和浩特)"
                }
                .into(),
            ),
        });
        let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
        assert!(top.contains(wants), "{question}: {top}");
        assert!(
            !top.contains(not) && !top.contains('【'),
            "{question}: {top}"
        );
    }
}

#[test]
fn a_yes_or_no_question_the_origin_answers_gets_yes() {
    // Issue 13 (answer from the item facts: origin): 是新疆棉吗 with the
    // origin 新疆阿克苏长绒棉 is a yes in the origin's words; a question the
    // origin does not share two characters with, or one that doubts, keeps
    // its slot for the agent.
    let with_origin = |locale, question: &str, origin: &str| {
        let mut ctx = asked(locale, question);
        ctx.order.items[0].facts.as_mut().unwrap().origin =
            Some(cuifu::FactValue::Text(origin.into()));
        cuifu::suggest(&ctx).unwrap().lines[0].text.clone()
    };
    let top = with_origin(
        Locale::ZhCn,
        "想问下是新疆棉吗",
        "新疆阿克苏长绒棉，南通工厂织造",
    );
    assert!(
        top.contains("是的，新疆阿克苏长绒棉，南通工厂织造"),
        "{top}"
    );
    let top = with_origin(Locale::ZhTw, "是台灣製的嗎", "台灣雲林虎尾");
    assert!(top.contains("是的，產地是台灣雲林虎尾"), "{top}");
    for (question, origin) in [
        ("是山东产的吗", "新疆阿克苏长绒棉"),
        ("不是新疆棉吧", "新疆阿克苏长绒棉"),
    ] {
        let top = with_origin(Locale::ZhCn, question, origin);
        assert!(!top.contains("是的"), "{question}: {top}");
    }
}

#[test]
fn a_question_about_how_to_pay_is_answered_not_probed() {
    // seed 001 (支付宝问题 → 告知解决办法) and E1 e10, e26, e30, e32: a buyer
    // who asks how to pay has not failed to pay; the answer comes first,
    // and no line asks what the payment screen said.
    for (locale, text, wants) in [
        (
            Locale::ZhCn,
            "第一次在淘宝买东西 怎么付钱啊\n我没开支付宝 只有一张学校发的银行卡\n要绑卡吗 会不会乱扣我钱",
            &["没开支付宝也能付", "不会乱扣钱"][..],
        ),
        (
            Locale::ZhCn,
            "信用卡单笔限额5000 付不了啊\n能分两次付吗",
            &["一次付清", "临时提额"][..],
        ),
        (
            Locale::ZhTw,
            "請問可以刷卡分3期0利率嗎\n然後有附記憶卡嗎 還是要另外買",
            &[
                "【可以刷卡分3期0利率嗎：在這裡回答】",
                "【有附記憶卡嗎，還是要另外買：在這裡回答】",
            ][..],
        ),
        (
            Locale::ZhTw,
            "可以改貨到付款嗎 我不太想在網路上刷卡",
            &["【可以改貨到付款嗎：在這裡回答】"][..],
        ),
        (
            Locale::En,
            "i dont have alipay, how do i pay?",
            &["Add bank card"][..],
        ),
        (
            Locale::ZhCn,
            "能用数字人民币付吗\n单位发的补贴在数字人民币app里 支付宝里没几个钱了",
            &["【能用数字人民币付吗：在这里回答】"][..],
        ),
        (
            Locale::ZhCn,
            "刚付了啊 怎么还显示待付款\n别扣我两次钱啊😨",
            &["不会重复扣款", "截个图发我"][..],
        ),
    ] {
        let s = cuifu::suggest(&said(locale, text)).unwrap();
        let top = &s.lines[0].text;
        for w in wants {
            assert!(top.contains(w), "{text}: {top}");
        }
        assert!(!top.contains("【怎么付钱"), "{top}");
        for l in &s.lines {
            for probe in ["提示什么", "什麼提示", "payment screen say", "付款很简单", "付款很簡單"] {
                assert!(!l.text.contains(probe), "{text}: {}", l.text);
            }
            assert_reads_naturally(&l.text, &l.template_id);
        }
    }
}

#[test]
fn a_concern_the_agent_answered_gives_way_to_the_next_question() {
    // "The whole conversation counts" (E1 e39): is this legit → we are an
    // authorised retailer → how do I know the box won't be crushed. The
    // old doubt is settled; the open question gets the first line.
    let mut ctx = said(
        Locale::En,
        "is this legit?? got fakes from another store last yr",
    );
    ctx.messages.push(cuifu::Message {
        from: cuifu::Role::Agent,
        text: "Hi! Yes, we are an authorised retailer and can send you the letter.".into(),
        at: None,
    });
    ctx.messages.push(cuifu::Message {
        from: cuifu::Role::Buyer,
        text: "hmm ok. how do i know the box wont be crushed? i collect the boxes".into(),
        at: None,
    });
    let s = cuifu::suggest(&ctx).unwrap();
    assert_ne!(s.reason.code, ReasonCode::ComparingShops);
    let top = &s.lines[0].text;
    assert!(
        top.contains("【how do i know the box wont be crushed: answer here】"),
        "{top}"
    );
    assert!(s.lines.iter().all(|l| !l.text.contains("shop around")));
}

#[test]
fn paying_then_takes_the_time_said_in_the_message_before() {
    // seed 001 (约定时间 → 到时提醒) and F1 f36: the time in one message,
    // "pay then" in the next. Thursday afternoon is after Thursday 10:20,
    // when the order closes: the line says so kindly, with no slot for the
    // question it answers and no "did something go wrong".
    for (locale, first, second, close) in [
        (
            Locale::ZhCn,
            "周四下午工资才到账",
            "到时候再付可以吗",
            "上午10点20分",
        ),
        (
            Locale::En,
            "hi, my transfer from home should clear thurs afternoon",
            "can u hold the order till then? thx",
            "10:20 am on Nov 26",
        ),
    ] {
        let mut ctx = said(locale, first);
        ctx.order.placed_at = "2026-11-23T10:20:00+08:00".into();
        if locale == Locale::En {
            ctx.buyer.as_mut().unwrap().name = Some("Emma Stone".into());
        }
        ctx.messages.push(cuifu::Message {
            from: cuifu::Role::Buyer,
            text: second.into(),
            at: None,
        });
        let s = cuifu::suggest(&ctx).unwrap();
        let top = &s.lines[0].text;
        assert!(
            ["g.named_late", "ib.late"].contains(&s.lines[0].template_id.as_str()),
            "{top}"
        );
        assert!(top.contains(close), "{top}");
        for l in &s.lines {
            assert!(!l.text.contains('【'), "{}", l.text);
            assert!(!l.text.contains("遇到什么问题"), "{}", l.text);
            assert!(!l.text.contains("go wrong"), "{}", l.text);
            assert!(!l.text.contains("Emma Stone"), "{}", l.text);
        }
        if locale == Locale::En {
            assert!(top.starts_with("Hi Emma!"), "{top}");
        }
    }
}

#[test]
fn an_answer_does_not_ask_for_payment() {
    // seed 002: answer the question (reply fast, don't answer beside it);
    // seed 000/003: no reminders in the quiet hours or the lunch break. The
    // answer stops at the answer at any hour; the reminder comes after it,
    // at followUpAt (the G1 supervisor struck "没问题的话方便时付款就好" from
    // every answer it ended).
    for now in [
        "2026-11-24T15:00:00+08:00",
        "2026-11-24T22:40:00+08:00",
        "2026-11-24T12:30:00+08:00",
    ] {
        for (loc, text, slot) in [
            (
                Locale::ZhCn,
                "这个是纯棉的吗",
                "【这个是纯棉的吗：在这里回答】",
            ),
            (
                Locale::ZhTw,
                "這個是純棉的嗎",
                "【這個是純棉的嗎：在這裡回答】",
            ),
            (
                Locale::En,
                "is this cotton?",
                "【is this cotton: answer here】",
            ),
        ] {
            let mut ctx = said(loc, text);
            ctx.now = Some(now.into());
            let s = cuifu::suggest(&ctx).unwrap();
            // seed 001: the reminder after the answer is planned, even
            // when the answer is the agent's to find (P1: the supervisor
            // wanted it); shop.followUpOpenAnswer false holds it back
            // (O1 o22/o40: the answer decides whether the buyer buys).
            assert!(s.follow_up_at.is_some(), "{now}");
            ctx.shop
                .get_or_insert_with(Default::default)
                .follow_up_open_answer = Some(false);
            let held = cuifu::suggest(&ctx).unwrap();
            assert!(held.follow_up_at.is_none(), "{now}");
            assert_eq!(held.lines, s.lines);
            let top = &s.lines[0].text;
            assert!(top.contains(slot), "{top}");
            for nudge in ["方便时付款", "方便時再付款", "Pay whenever", "no rush"] {
                assert!(!top.contains(nudge), "{now}: {top}");
            }
        }
    }
}

#[test]
fn a_coupon_just_out_of_reach_gets_an_add_on_not_a_refusal() {
    // seed 002 (议价: 不要争辩, 给方案) and F1 f14: 189元 against 满199减20.
    // A small item to add (the agent picks it) reaches the coupon; "the
    // price can't change" is not the answer. Far from the threshold, the
    // coupon is not offered at all.
    for (amount, near) in [(189.0, true), (100.0, false)] {
        let mut ctx = said(Locale::ZhCn, "差10块凑不够满减啊 能直接给我减20吗");
        ctx.order.amount = amount;
        ctx.shop.as_mut().unwrap().coupon = Some("满199减20".into());
        let s = cuifu::suggest(&ctx).unwrap();
        assert!(matches!(
            s.reason.code,
            ReasonCode::PriceBargain | ReasonCode::GiftOrPromo
        ));
        let top = &s.lines[0].text;
        assert_eq!(
            top.contains("差10元就能用店里的满199减20啦～可以再挑件【凑单小物：在这里推荐】"),
            near,
            "{amount}: {top}"
        );
        if near {
            assert!(s.lines.iter().all(|l| !l.text.contains("实在价")));
        }
        for l in &s.lines {
            assert!(!l.text.contains("满199减20") || near, "{}", l.text);
            assert_reads_naturally(&l.text, &l.template_id);
        }
    }
}

#[test]
fn a_buyer_angry_at_the_wait_gets_an_apology_and_the_answer_not_slots() {
    // seed 002 (先道歉，答非所问 is a fault) and seed 001 (22:00 后不打扰):
    // 有人在嗎 and 客服下班了喔 are calls for someone to answer, not
    // questions for a slot; 等了一個小時 is the wait, not a time to pay, so
    // the reminder goes to the next morning, not minutes after the apology.
    let ctx: ChatContext = serde_json::from_value(serde_json::json!({
        "now": "2026-11-26T21:25:00+08:00",
        "order": {"placedAt": "2026-11-26T20:10:00+08:00", "amount": 1590,
            "items": [{"title": "寵物自動餵食器", "quantity": 1, "price": 1590}]},
        "buyer": {"nick": "布丁的媽", "locale": "zh-TW"},
        "shop": {"name": "毛孩好物社", "answers": [
            {"keywords": ["停電"], "text": "停電時可以裝3顆1號電池備用，會照常定時餵食喔"}]},
        "messages": [
            {"from": "buyer", "text": "請問這個停電的時候還會餵嗎", "at": "2026-11-26T20:12:00+08:00"},
            {"from": "buyer", "text": "有人在嗎", "at": "2026-11-26T20:40:00+08:00"},
            {"from": "buyer", "text": "等了一個小時都沒人回 是怎樣 客服下班了喔？", "at": "2026-11-26T21:15:00+08:00"}
        ]
    }))
    .unwrap();
    let s = cuifu::suggest(&ctx).unwrap();
    let top = &s.lines[0].text;
    assert!(top.contains("抱歉") && top.contains("電池"), "{top}");
    assert!(!top.contains('【'), "{top}");
    assert_eq!(
        s.follow_up_at.as_deref(),
        Some("2026-11-27T10:00:00+08:00"),
        "{:?}",
        s.why
    );
    assert!(s.why.iter().all(|w| !w.contains("一個小時")), "{:?}", s.why);
}

#[test]
fn a_request_to_pay_outside_the_platform_is_declined_politely() {
    // Platform rules (seed 004: no promises the shop cannot keep; the
    // platform's guarantee is what protects the buyer): 加微信直接转你 is
    // answered with the shop's plain no and why, not left as a slot.
    for (loc, text, want) in [
        (
            Locale::ZhCn,
            "那我加你微信直接转你 400行不行",
            "只在平台上付款",
        ),
        (Locale::ZhTw, "可以私下交易嗎 我轉帳給你", "只在平台上付款"),
        (
            Locale::En,
            "can i pay you directly by bank transfer to you?",
            "through the platform",
        ),
    ] {
        let s = cuifu::suggest(&said(loc, text)).unwrap();
        let top = &s.lines[0].text;
        assert!(top.contains(want), "{text}: {top}");
        assert!(!top.contains('【'), "{text}: {top}");
    }
    // 微信支付 is a way to pay on the platform, not a transfer outside it.
    let s = cuifu::suggest(&said(Locale::ZhCn, "可以用微信支付吗")).unwrap();
    assert!(
        !s.lines[0].text.contains("只在平台上付款"),
        "{}",
        s.lines[0].text
    );
}

#[test]
fn every_question_the_facts_cannot_answer_gets_its_slot() {
    // seed 002 (答非所问): three questions, none the context answers, get
    // three slots, not one; a complaint about the service or a ping is not
    // a question for a slot, and an English statement with "when" in it
    // asks nothing.
    let s = cuifu::suggest(&said(
        Locale::ZhCn,
        "送老师的 可以帮忙写贺卡吗\n礼盒有手提袋吗？教师节前能到南京吗",
    ))
    .unwrap();
    let top = &s.lines[0].text;
    for slot in [
        "【可以帮忙写贺卡吗",
        "【礼盒有手提袋吗",
        "【教师节前能到南京吗",
    ] {
        assert!(top.contains(slot), "{top}");
    }
    // A gift the shop gives (seed 000: 赠送礼品) is a plain yes.
    let mut ctx = said(
        Locale::ZhCn,
        "送老师的 可以帮忙写贺卡吗\n礼盒有手提袋吗？教师节前能到南京吗",
    );
    ctx.shop.as_mut().unwrap().gifts = vec!["手写贺卡".into()];
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("手写贺卡我们随单送您"), "{top}");
    assert!(!top.contains("【可以帮忙写贺卡吗"), "{top}");
    for slot in ["【礼盒有手提袋吗", "【教师节前能到南京吗"] {
        assert!(top.contains(slot), "{top}");
    }
    let s = cuifu::suggest(&said(Locale::ZhCn, "这个是真丝吗\n什么服务态度 有没有活人")).unwrap();
    let top = &s.lines[0].text;
    assert!(top.contains("【这个是真丝吗"), "{top}");
    assert_eq!(top.matches('【').count(), 1, "{top}");
    let s = cuifu::suggest(&said(
        Locale::En,
        "hey does this run small?\nsorry will pay when it works",
    ))
    .unwrap();
    let top = &s.lines[0].text;
    assert!(top.contains("【does this run small"), "{top}");
    assert_eq!(top.matches('【').count(), 1, "{top}");
}

#[test]
fn english_lines_leave_out_what_the_shop_wrote_in_chinese() {
    // seed 002 (答非所问 / the buyer's language): a buyer who writes
    // English is not sent 浙江杭州, 中通 or a Chinese listing title; what is
    // in English stays.
    let mut ctx = asked(Locale::En, "when do you ship it?");
    ctx.order.items[0].title = "加绒牛仔裤 女 高腰直筒".into();
    let s = cuifu::suggest(&ctx).unwrap();
    for l in &s.lines {
        assert!(
            !l.text
                .chars()
                .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
            "{}: {}",
            l.template_id,
            l.text
        );
    }
    let mut ctx = asked(Locale::En, "when do you ship it?");
    ctx.order.items[0].title = "Fleece jeans".into();
    ctx.shop.as_mut().unwrap().shipping = Some(cuifu::Shipping {
        carrier: Some("ZTO Express".into()),
        dispatch: Some("中午前付款当天发".into()),
        ships_from: Some("Hangzhou".into()),
    });
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(
        top.contains("We ship from Hangzhou by ZTO Express"),
        "{top}"
    );
    assert!(!top.contains("当天"), "{top}");
}

#[test]
fn a_question_beside_a_named_time_is_answered_then_the_time_agreed() {
    // seed 000 询单 (answer what was asked) with seed 001 (约定时间 → 到时提醒):
    // a buyer who says when they will pay and asks something in the same
    // turn gets the answer first, then yes to their time; the clause that
    // only says where they went (我到7-11要缴费) is no question and gets no
    // slot.
    for (locale, texts, answer, time) in [
        (
            Locale::ZhTw,
            [
                "我到7-11要繳費 ibon一直當機",
                "明天早上上班前去全家繳可以嗎？代碼全家也能用嗎",
            ],
            "全家也能繳",
            "明天",
        ),
        (
            Locale::ZhCn,
            [
                "我到7-11要缴费 机器坏了",
                "明天早上去全家缴可以吗？全家也能用吗",
            ],
            "全家也能缴",
            "明天",
        ),
    ] {
        let mut ctx = said_all(locale, &texts);
        ctx.shop.as_mut().unwrap().answers = vec![cuifu::ShopAnswer {
            keywords: vec!["全家".into()],
            text: format!("可以的，代码{answer}～"),
        }];
        let s = cuifu::suggest(&ctx).unwrap();
        let top = &s.lines[0];
        assert_eq!(top.template_id, "q.named", "{}", top.text);
        assert!(top.text.contains(answer), "{}", top.text);
        assert!(top.text.contains(time), "{}", top.text);
        for l in &s.lines {
            assert!(!l.text.contains('【'), "{}", l.text);
        }
    }
}

#[test]
fn facts_answer_origin_sourcing_and_a_size_in_inches() {
    // seed 000 询单 and 002 答非所问: what the context knows is answered, not
    // left as a slot; 好几罐 holds 几 but asks nothing.
    let mut ctx = said(
        Locale::ZhCn,
        "是爱尔兰原装的吗 还是国产的 宝宝喝了好几罐了不敢乱换",
    );
    ctx.order.items[0].facts = Some(cuifu::ItemFacts {
        origin: Some(cuifu::FactValue::Text("爱尔兰原装进口".into())),
        ..cuifu::ItemFacts::default()
    });
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("是爱尔兰原装进口的"), "{top}");
    assert!(!top.contains('【'), "{top}");

    let mut ctx = said(Locale::ZhTw, "是台灣代理還是日本直送？");
    ctx.order.items[0].facts = Some(cuifu::ItemFacts {
        origin: Some(cuifu::FactValue::Text("日本製造".into())),
        ..cuifu::ItemFacts::default()
    });
    ctx.shop.as_mut().unwrap().shipping = Some(cuifu::Shipping {
        ships_from: Some("台北市".into()),
        ..cuifu::Shipping::default()
    });
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(
        top.contains("日本製造") && top.contains("從台北市出貨"),
        "{top}"
    );

    let mut ctx = said(Locale::En, "my son is 7, 120cm, is 18 inch ok?");
    ctx.order.items[0].facts = Some(cuifu::ItemFacts {
        size_chart: Some(cuifu::FactValue::Text(
            "16寸: 105-120cm; 18寸: 115-135cm; 20寸: 130-150cm".into(),
        )),
        ..cuifu::ItemFacts::default()
    });
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("I'd suggest the 18-inch"), "{top}");
    assert!(!top.contains('寸') && !top.contains('【'), "{top}");
}

#[test]
fn anger_without_a_long_wait_is_not_apologised_for_as_a_wait() {
    // seed 002 (态度: 先道歉再说事, never 答非所问): a buyer angry at the
    // reply's tone after a few minutes is told sorry for that, not "让您等了
    // 这么久"; after an hour's wait the apology is for the wait.
    for (at, wait_words) in [
        ("2026-11-24T14:55:00+08:00", false),
        ("2026-11-24T13:30:00+08:00", true),
    ] {
        let mut ctx = said(Locale::ZhCn, "你这什么态度？？问一下都不行 会不会起球啊");
        ctx.messages[0].at = Some(at.into());
        let s = cuifu::suggest(&ctx).unwrap();
        assert_eq!(s.reason.code, ReasonCode::ServiceUnhappy);
        let top = &s.lines[0].text;
        assert!(top.contains("抱歉"), "{top}");
        assert_eq!(top.contains("等了这么久"), wait_words, "{top}");
        assert!(!top.contains("什么态度"), "{top}");
    }
}

#[test]
fn a_wait_since_yesterday_is_said_as_yesterday() {
    // seed 002 (先道歉再说事, and every word true): a buyer who wrote last
    // night and is answered this morning hears 昨天, not 刚才回复晚了.
    let mut ctx = asked(Locale::ZhCn, "在吗？？还有货吗 人呢");
    ctx.now = Some("2026-11-25T10:05:00+08:00".into());
    ctx.messages[0].at = Some("2026-11-24T22:40:00+08:00".into());
    let s = cuifu::suggest(&ctx).unwrap();
    let sorry = s
        .lines
        .iter()
        .find(|l| l.text.contains("没能及时回复"))
        .map(|l| l.text.clone())
        .unwrap_or_default();
    assert!(sorry.contains("昨天"), "{:?}", s.lines);
    assert!(
        s.lines.iter().all(|l| !l.text.contains("刚才回复晚了")),
        "{:?}",
        s.lines
    );
}

#[test]
fn answers_come_in_the_order_the_buyer_asked() {
    // seed 002 (答非所问): every question answered, as the buyer asked them
    // (review round L1, l39: the dye lot first); a colour the item lacks is
    // said plainly with the colours it has.
    let mut ctx = said(
        Locale::En,
        "are all 8 skeins from the same dye lot?\nalso do u have this in a dark green?",
    );
    ctx.order.items[0].facts = Some(cuifu::ItemFacts {
        colours: Some(cuifu::FactValue::List(vec![
            "Oatmeal".into(),
            "Sage".into(),
        ])),
        ..cuifu::ItemFacts::default()
    });
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    let lot = top.find("dye lot").expect("the dye-lot slot");
    let green = top.find("no dark green").expect("the colour answer");
    assert!(lot < green, "{top}");
    assert!(top.contains("Oatmeal and Sage"), "{top}");
    // The shop's own answer too takes the place of the question it answers.
    let mut ctx = said(Locale::ZhCn, "能发顺丰吗？有现货吗？");
    ctx.order.items[0].facts = Some(cuifu::ItemFacts {
        stock: Some(cuifu::FactValue::Number(12.0)),
        ..cuifu::ItemFacts::default()
    });
    let answer = |word: &str, text: &str| cuifu::ShopAnswer {
        keywords: vec![word.into()],
        text: text.into(),
    };
    // The shop's third answer, for the buyer's first question.
    ctx.shop.as_mut().unwrap().answers = vec![
        answer("发票", "可以开电子发票～"),
        answer("尺码", "尺码偏大一码～"),
        answer("顺丰", "可以发顺丰的，补12元差价就行～"),
    ];
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    let sf = top.find("补12元").expect("the shop's answer");
    let stock = top.find("有现货").expect("the stock answer");
    assert!(sf < stock, "{top}");
}

#[test]
fn a_gift_question_is_answered_from_the_shops_gifts() {
    // seed 000 (赠送礼品): 有啥送的没 / does it come in a gift bag gets what
    // the shop gives, in the line's language, not a slot (review round L1:
    // l13, l37).
    let mut ctx = said(Locale::ZhCn, "专柜比你这便宜80多 能开票吗 有啥送的没");
    ctx.shop.as_mut().unwrap().gifts = vec!["同系列小样7ml×3".into(), "化妆包".into()];
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("送您同系列小样7ml×3、化妆包"), "{top}");
    assert!(!top.contains("【有啥送的没"), "{top}");
    let mut ctx = said(
        Locale::En,
        "does it come in a gift bag, it's for his parents",
    );
    ctx.shop.as_mut().unwrap().gifts = vec!["手提礼袋 (gift bag)".into()];
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("gift bag"), "{top}");
    assert!(!top.contains('【') && !top.contains("礼袋"), "{top}");
    // Without gifts, the question keeps its slot.
    let top = cuifu::suggest(&said(Locale::ZhCn, "有啥送的没"))
        .unwrap()
        .lines[0]
        .text
        .clone();
    assert!(top.contains("【有啥送的没"), "{top}");
}

#[test]
fn the_other_half_of_an_answered_question_needs_no_slot() {
    // seed 002 (答非所问 and no empty words): 還是中國代工 after 是法國製的嗎,
    // which the origin answers, is the same question (review round L1, l34).
    let mut ctx = said(Locale::ZhTw, "請問這是法國製的嗎？還是中國代工？");
    ctx.order.items[0].facts = Some(cuifu::ItemFacts {
        origin: Some(cuifu::FactValue::Text("法國".into())),
        ..cuifu::ItemFacts::default()
    });
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("法國") && !top.contains('【'), "{top}");
}

#[test]
fn a_fee_on_its_own_line_is_not_named_as_the_item() {
    // seed 001 (称呼商品, not the listing): 木架防震包装费 is a fee, not goods
    // (review round M1, m10).
    let mut ctx = base_ctx(Locale::ZhCn);
    ctx.order.items = vec![
        Item {
            title: "超白玻璃鱼缸".into(),
            ..Item::default()
        },
        Item {
            title: "木架防震包装费".into(),
            ..Item::default()
        },
    ];
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(
        s.lines.iter().any(|l| l.text.contains("鱼缸")),
        "{:?}",
        s.lines
    );
    assert!(
        s.lines.iter().all(|l| !l.text.contains("包装费")),
        "{:?}",
        s.lines
    );
}

#[test]
fn an_order_the_buyer_disowns_is_not_held() {
    // seed 000 (买家不买了就不要强求): a buyer who says the order is not
    // theirs, or asks to cancel it and order again later, is not told "we'll
    // keep it for you" nor reminded (review round N1: n27, n37).
    for (locale, text) in [
        (
            Locale::ZhCn,
            "？？我没拍过这个 凌晨三点我在睡觉啊\n地址也不是我的 是不是账号被盗了 千万别给我发货",
        ),
        (
            Locale::En,
            "can you just cancel it? I'll order again later when I have time",
        ),
    ] {
        let s = cuifu::suggest(&said(locale, text)).unwrap();
        assert_eq!(s.action, cuifu::Action::Stop, "{text}: {:?}", s.why);
        assert!(s.follow_up_at.is_none(), "{text}");
        assert!(
            s.lines
                .iter()
                .all(|l| !l.text.contains("留着") && !l.text.contains("keep")),
            "{:?}",
            s.lines
        );
    }
}

#[test]
fn a_count_or_a_keep_question_beside_a_time_is_no_slot() {
    // seed 002 (no empty words): 十几页 counts, it asks nothing; "it'll
    // still be there?" beside the time to pay is answered by the line that
    // keeps the order until then (review round N1: n14, n35).
    let top = cuifu::suggest(&said(Locale::ZhCn, "孩子网课一天要打十几页"))
        .unwrap()
        .lines[0]
        .text
        .clone();
    assert!(!top.contains('【'), "{top}");
    let s = cuifu::suggest(&said(
        Locale::En,
        "I'll pay tomorrow morning, thats fine right? it'll still be there?",
    ))
    .unwrap();
    let top = &s.lines[0].text;
    assert!(!top.contains('【') && top.contains("keep"), "{top}");
}

#[test]
fn a_short_follow_up_of_an_answered_question_needs_no_slot() {
    // seed 002 (no empty words): 还要自己买吗 right after 遥控器带电池不,
    // which the shop's answer settles (不用另外买), asks nothing new
    // (review round N1, n01); a new question after it keeps its slot.
    let mut ctx = said(Locale::ZhCn, "遥控器带电池不？还要自己买吗😂");
    ctx.shop.as_mut().unwrap().answers = vec![cuifu::ShopAnswer {
        keywords: vec!["电池".into()],
        text: "遥控器自带一颗纽扣电池，不用另外买～".into(),
    }];
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("纽扣电池") && !top.contains('【'), "{top}");
    ctx.messages[0].text = "遥控器带电池不？能开发票吗".into();
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("【能开发票吗"), "{top}");
}

#[test]
fn a_statement_gets_no_slot_and_a_question_about_the_clause_before_is_one_slot() {
    // seed 004 (答非所问) and the review sets: a slot is for a question the
    // agent must answer; 想下周三前穿上 says what the buyer wants, it asks
    // nothing; 是真的吗 asks about the clause before it.
    let s = cuifu::suggest(&asked(Locale::ZhCn, "今天能发吗 想下周三前穿上")).unwrap();
    let top = &s.lines[0].text;
    assert!(top.contains("我们从浙江杭州发中通"), "{top}");
    assert!(!top.contains("想下周三前穿上"), "{top}");
    let s = cuifu::suggest(&asked(Locale::ZhCn, "看到网上说你们下个月出新款？是真的吗")).unwrap();
    let top = &s.lines[0].text;
    assert!(
        top.contains("【看到网上说你们下个月出新款，是真的吗：在这里回答】"),
        "{top}"
    );
    assert_eq!(top.matches('【').count(), 1, "{top}");
    // 什么意思啊 after a complaint protests; it asks for no fact.
    let s = cuifu::suggest(&asked(Locale::ZhCn, "你不是说包邮吗？什么意思啊")).unwrap();
    assert!(!s.lines[0].text.contains("什么意思"), "{}", s.lines[0].text);
}

#[test]
fn ship_first_pay_later_gets_the_platform_order_of_things() {
    // The platform's escrow: paid first, held by the platform until the
    // buyer confirms delivery (a plain policy answer, no slot).
    for (locale, text, answer) in [
        (
            Locale::ZhCn,
            "这次你先发货 我收到再给你付 行不行",
            "先付款再发货",
        ),
        (Locale::ZhCn, "万一你们不发货 我钱找谁要去", "由平台保管"),
        (
            Locale::En,
            "can you ship it first?",
            "paid first and then shipped",
        ),
    ] {
        let s = cuifu::suggest(&asked(locale, text)).unwrap();
        let top = &s.lines[0].text;
        assert!(top.contains(answer), "{text}: {top}");
        assert!(!top.contains('【'), "{text}: {top}");
    }
}

#[test]
fn a_size_chart_answers_from_the_piece_that_names_the_buyers_size() {
    let chart = |ctx: &mut ChatContext, text: &str| {
        if let Some(f) = ctx.order.items[0].facts.as_mut() {
            f.size_chart = Some(cuifu::FactValue::Text(text.into()));
        }
    };
    // The chart's own words for 75B, no slot beside them.
    let mut ctx = asked(Locale::ZhCn, "我平时穿75B 你家偏大还是偏小啊");
    chart(
        &mut ctx,
        "本款偏小一码：平时75B建议拍80B；下胸围68-72拍70，73-77拍75",
    );
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(top.contains("平时75B建议拍80B"), "{top}");
    assert!(!top.contains("下胸围") && !top.contains('【'), "{top}");
    // Height and weight in different sizes: the larger (178cm fits XL,
    // 190斤 3XL); Cantonese 咩码 asks the size.
    let mut ctx = asked(Locale::ZhCn, "佢178 190斤 平时着XL都好紧 呢件要拍咩码啊");
    chart(
        &mut ctx,
        "XL 175-180cm 145-160斤；2XL 180-185cm 160-180斤；3XL 180-185cm 180-200斤",
    );
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(top.contains("建议拍3XL"), "{top}");
}

#[test]
fn a_size_chart_entry_that_names_what_is_asked_answers_it() {
    // issue 13 (answer from the facts the context gives) and U1 u22: the
    // width asked is in the chart, so its entry answers, with no slot.
    let chart = |ctx: &mut ChatContext, text: &str| {
        if let Some(f) = ctx.order.items[0].facts.as_mut() {
            f.size_chart = Some(cuifu::FactValue::Text(text.into()));
        }
    };
    let mut ctx = asked(Locale::ZhCn, "门幅多宽啊");
    chart(&mut ctx, "门幅（高度方向）2.8米；按长度米数卖");
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(top.contains("门幅（高度方向）2.8米"), "{top}");
    assert!(!top.contains('【') && !top.contains("按长度"), "{top}");
    // Nothing but a common pair (这个, 多宽) or a number shared: a slot.
    for (q, c) in [
        ("这个洗了会缩水吗", "这个尺码偏大；洗涤30度以下"),
        ("is there an english manual", "16 inch: 105-120cm"),
    ] {
        let mut ctx = asked(Locale::ZhCn, q);
        chart(&mut ctx, c);
        let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
        assert!(top.contains('【'), "{q}: {top}");
    }
}

#[test]
fn a_colour_question_beyond_the_listed_names_gets_a_slot() {
    // 黑色是哑光的吗 asks about the black, not whether there is one.
    let top = &cuifu::suggest(&asked(Locale::ZhCn, "黑色是哑光的吗"))
        .unwrap()
        .lines[0]
        .text;
    assert!(top.contains("【黑色是哑光的吗"), "{top}");
    assert!(!top.contains("有黑色的"), "{top}");
    // A listed "sage green" is the "sage" the buyer names; a dye lot is
    // the agent's to check.
    let mut ctx = asked(Locale::En, "any sage ones left?");
    if let Some(f) = ctx.order.items[0].facts.as_mut() {
        f.colours = Some(cuifu::FactValue::List(vec![
            "sage green".into(),
            "sand".into(),
        ]));
    }
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(top.contains("Yes, it comes in sage green"), "{top}");
    ctx.messages[0].text = "can all 12 be from the same colour batch?".into();
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(
        top.contains("【can all 12 be from the same colour batch"),
        "{top}"
    );
}

#[test]
fn a_buyer_who_asks_to_be_reminded_at_their_time_is_reminded_then() {
    // seed 001: 了解买家方便充值时间，提前再次催付 — and the buyer's own
    // request (到时候提醒我一下) outweighs the quiet hours before 10:00.
    let run = |text: &str| {
        let ctx: ChatContext = serde_json::from_value(serde_json::json!({
            "order": {"placedAt": "2026-11-24T21:32:00+08:00", "amount": 268,
                      "items": [{"title": "北欧风 实木床头柜 小户型", "price": 268, "quantity": 1}]},
            "now": "2026-11-24T21:50:00+08:00",
            "messages": [{"from": "buyer", "at": "2026-11-24T21:37:00+08:00", "text": text}]
        }))
        .unwrap();
        cuifu::suggest(&ctx).unwrap()
    };
    let s = run("明早8点半到公司用电脑付 你到时候提醒我一下哈 不然我肯定忘");
    let next = s
        .follow_up_at
        .clone()
        .or(s.send_at.clone())
        .unwrap_or_default();
    assert!(next.starts_with("2026-11-25T08:30"), "{next} {:?}", s.why);
    let top = &s.lines[0].text;
    assert!(top.contains("8点半我在旺旺上提醒您"), "{top}");
    assert!(top.contains("实木床头柜"), "{top}");
    // Without the request, their 08:30 waits for the shop's hours.
    let s = run("明早8点半到公司用电脑付");
    let next = s
        .follow_up_at
        .clone()
        .or(s.send_at.clone())
        .unwrap_or_default();
    assert!(!next.starts_with("2026-11-25T08:30"), "{next}");
    assert!(!s.lines[0].text.contains("提醒您"), "{}", s.lines[0].text);
}

#[test]
fn which_password_is_answered_with_the_alipay_payment_password() {
    // seed 001 (忘记密码): help the buyer through it; a novice asking whether
    // the six digits are the bank card's PIN gets the plain fact, before a
    // wrong guess locks the card.
    for (locale, text, answer) in [
        (
            Locale::ZhCn,
            "叫我输6位数的密码 是不是银行卡那个密码？",
            "支付宝的支付密码，不是银行卡的取款密码",
        ),
        (
            Locale::En,
            "is it my bank pin?",
            "your Alipay payment password, not your bank card PIN",
        ),
    ] {
        let top = &cuifu::suggest(&asked(locale, text)).unwrap().lines[0].text;
        assert!(top.contains(answer), "{text}: {top}");
        assert!(!top.contains('【'), "{text}: {top}");
    }
}

fn from_json(v: serde_json::Value) -> ChatContext {
    serde_json::from_value(v).unwrap()
}

#[test]
fn a_payment_after_an_answered_decline_is_thanked() {
    // seed 000: 感谢 — 先不要了, the agent's 没关系, then 还是没忍住 刚付了:
    // the payment takes the decline back.
    let s = cuifu::suggest(&from_json(serde_json::json!({
        "order": {"placedAt": "2026-12-09T20:15:00+08:00", "amount": 59, "paid": true},
        "now": "2026-12-10T11:25:00+08:00",
        "messages": [
            {"from": "buyer", "text": "想了想家里杯子够多了 先不要了哈"},
            {"from": "agent", "text": "好的亲～没关系，以后有喜欢的随时来哦"},
            {"from": "buyer", "text": "哈哈哈还是没忍住 刚付了😂 今天能发吗"}
        ]
    })))
    .unwrap();
    assert_eq!(s.action, Action::Stop);
    assert!(!s.lines.is_empty());
    assert_eq!(s.lines[0].angle, "thanks", "{:?}", s.lines);
}

#[test]
fn a_cancel_request_beside_a_visa_refusal_is_a_decline() {
    // A work visa refused is no card refused: the buyer asks to cancel.
    let s = cuifu::suggest(&from_json(serde_json::json!({
        "order": {"placedAt": "2026-12-09T19:30:00+08:00", "amount": 399},
        "now": "2026-12-10T11:15:00+08:00",
        "messages": [{"from": "buyer", "text": "Hey, sorry - my work visa renewal got rejected and I have to leave China by the 20th 😞 Please cancel this, I won't need it anymore."}]
    })))
    .unwrap();
    assert_eq!(s.action, Action::Stop);
    assert_eq!(s.reason.code, ReasonCode::ChangedMind);
}

#[test]
fn condolences_open_without_a_greeting_and_say_no_more_calls() {
    // The buyer's family writes that he died and asks for no more calls:
    // no 亲～ before condolences, and the calls stop (said.tsv imOnly).
    let s = cuifu::suggest(&from_json(serde_json::json!({
        "order": {"placedAt": "2026-12-11T20:30:00+08:00", "amount": 1280},
        "now": "2026-12-14T11:10:00+08:00",
        "reminders": [{"at": "2026-12-14T10:15:00+08:00", "channel": "phone"}],
        "messages": [{"from": "buyer", "at": "2026-12-14T11:02:00+08:00",
                      "text": "我是他女儿 我爸周六早上突然走了 这是他之前自己拍的 不用了 也别再打电话了 谢谢"}]
    })))
    .unwrap();
    assert_eq!(s.action, Action::Stop);
    let top = &s.lines[0].text;
    assert!(top.starts_with("听到这个消息"), "{top}");
    assert!(top.contains("不会再打电话"), "{top}");
}

#[test]
fn colours_an_english_line_cannot_say_leave_the_answer_to_the_agent() {
    // 黑色 / 灰色 in the listing: no "there's no black" to an English buyer.
    let mut ctx = asked(Locale::En, "do you have it in grey?");
    if let Some(f) = ctx.order.items[0].facts.as_mut() {
        f.colours = Some(cuifu::FactValue::List(vec!["黑色".into(), "灰色".into()]));
    }
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(top.contains("【do you have it in grey"), "{top}");
    assert!(!top.contains("黑色"), "{top}");
}

#[test]
fn a_mobile_number_with_a_digit_missing_rules_out_calls_and_texts() {
    // seed 001: a big silent order is phoned — unless the number in the
    // address cannot reach anyone (ten digits): IM, the address check
    // first, and a warning to ask for the number.
    let ctx = |address: &str| {
        from_json(serde_json::json!({
            "order": {"placedAt": "2026-11-16T09:20:00+08:00", "amount": 2599, "address": address,
                      "items": [{"title": "扫地机器人", "price": 2599, "quantity": 1}]},
            "now": "2026-11-16T15:40:00+08:00",
            "buyer": {"gender": "female", "name": "刘晓燕"},
            "shop": {"avgOrderValue": 1100, "bigOrderFactor": 2, "margin": 0.25, "name": "极净智能家居"},
            "reminders": [{"at": "2026-11-16T10:05:00+08:00", "channel": "im"}]
        }))
    };
    let s = cuifu::suggest(&ctx(
        "刘晓燕，1382766431，广东省佛山市顺德区新城花园7座1203",
    ))
    .unwrap();
    assert_eq!(s.channel, Channel::Im);
    assert!(
        s.warnings.iter().any(|w| w.code == "phone_invalid"),
        "{:?}",
        s.warnings
    );
    assert_eq!(s.lines[0].angle, "check", "{:?}", s.lines);
    // S1 s02: the check says which digit count is wrong and asks for the
    // right number, so the courier can reach the buyer.
    assert!(
        s.lines[0]
            .text
            .contains("手机号好像少了一位，麻烦您发个正确的号码"),
        "{}",
        s.lines[0].text
    );
    let s = cuifu::suggest(&ctx(
        "刘晓燕，138276643111，广东省佛山市顺德区新城花园7座1203",
    ))
    .unwrap();
    assert!(s.lines[0].text.contains("多了一位"), "{}", s.lines[0].text);
    // Eleven digits, or a masked number, are not judged.
    for address in [
        "刘晓燕，13827664311，广东省佛山市顺德区新城花园7座1203",
        "刘** 138****4311 广东省佛山市顺德区新城花园7座1203",
    ] {
        let s = cuifu::suggest(&ctx(address)).unwrap();
        assert_ne!(s.channel, Channel::Im, "{address}");
        assert!(
            !s.warnings.iter().any(|w| w.code == "phone_invalid"),
            "{address}"
        );
    }
}

#[test]
fn a_caller_posing_as_the_shop_is_named_a_scam_and_never_called_back() {
    // 说是你们客服 要我去ATM解除分期: the reply says it was not the shop
    // and is a scam; no call (打給我 here is the scammer's call, not a wish).
    for (locale, text, answer) in [
        (
            Locale::ZhTw,
            "剛剛有人打給我說是你們客服 說我的訂單被設成分期12期 要我去ATM操作解除 這是真的嗎？？",
            "這通電話不是我們打的",
        ),
        (
            Locale::ZhCn,
            "刚才有个自称客服的打电话给我 说要去ATM解除分期 是真的吗",
            "这通电话不是我们打的",
        ),
    ] {
        let s = cuifu::suggest(&asked(locale, text)).unwrap();
        assert_eq!(s.channel, Channel::Im, "{text}");
        assert!(s.lines[0].text.contains(answer), "{}", s.lines[0].text);
    }
}

#[test]
fn a_size_chart_row_reads_cleanly() {
    // 130：120-130cm with no space names size 130; 身高128 is a child's
    // height and 穿130 the size asked about, not a height.
    let mut ctx = asked(
        Locale::ZhCn,
        "孩子身高128 体重26公斤 穿130会不会小 要不要拍140",
    );
    if let Some(f) = ctx.order.items[0].facts.as_mut() {
        f.size_chart = Some(cuifu::FactValue::Text(
            "120：110-120cm；130：120-130cm，体重22-28kg；140：130-140cm，体重27-34kg".into(),
        ));
    }
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(
        top.contains("按尺码表，130码对应120-130cm、体重22-28kg，您128、26公斤建议拍130"),
        "{top}"
    );
    // English: no doubled commas, no 、.
    let mut ctx = asked(
        Locale::En,
        "I'm 168cm, 58kg - is M right or should I go L to fit a sweater under?",
    );
    if let Some(f) = ctx.order.items[0].facts.as_mut() {
        f.size_chart = Some(cuifu::FactValue::Text(
            "M: 160-165cm, 50-57kg; L: 165-170cm, 56-63kg".into(),
        ));
    }
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(
        top.contains("L is 165-170cm, 56-63kg, so for 168cm, 58kg I'd suggest L"),
        "{top}"
    );
}

#[test]
fn a_remark_about_the_weather_gets_no_slot() {
    // seed 002 (答非所问 is a never-do): 这几天保定都零下了 says what the
    // buyer sees (O1 o10), 会不会冻死 asks; only the question gets a slot.
    let s = cuifu::suggest(&said(Locale::ZhCn, "这几天保定都零下了 鱼路上会不会冻死啊")).unwrap();
    let top = &s.lines[0].text;
    assert!(!top.contains("【这几天"), "{top}");
    assert!(top.contains("【鱼路上会不会冻死啊：在这里回答】"), "{top}");
    // 过几天能到吗 still asks.
    let s = cuifu::suggest(&said(Locale::ZhCn, "过几天能到吗")).unwrap();
    assert!(s.lines[0].text.contains("【"), "{}", s.lines[0].text);
}

#[test]
fn a_returning_buyer_who_asks_is_thanked_for_coming_back() {
    // seed 001 (老顾客: 感谢再次光临, 问上次的宝贝) and O1 o22/o25/o28: the
    // answer to a returning buyer's question opens with thanks.
    for (loc, text, thanks) in [
        (Locale::ZhCn, "这个是纯棉的吗", "谢谢您又来我们店～"),
        (Locale::ZhTw, "這個是純棉的嗎", "謝謝您再次光臨～"),
        (Locale::En, "is this cotton?", "Thanks for coming back!"),
    ] {
        let mut ctx = said(loc, text);
        let plain = cuifu::suggest(&ctx).unwrap();
        assert!(
            !plain.lines[0].text.contains(thanks),
            "{}",
            plain.lines[0].text
        );
        ctx.buyer.get_or_insert_with(Default::default).returning = Some(true);
        let s = cuifu::suggest(&ctx).unwrap();
        let top = &s.lines[0].text;
        assert!(top.contains(thanks), "{top}");
        assert_eq!(s.lines[0].angle, "answer", "{top}");
    }
}

#[test]
fn voice_messages_are_listened_to_before_any_reminder() {
    // seed 002 (及时回复, 不要答非所问) and O1 o17: a turn of voice messages
    // only is answered now (listened to, or the buyer asked to type it),
    // and no payment reminder is planned until the agent knows what was said.
    for (loc, texts, word) in [
        (Locale::ZhCn, vec!["[语音] 0'41''", "[语音] 0'18''"], "语音"),
        (Locale::ZhTw, vec!["[語音] 12\""], "語音"),
        (Locale::En, vec!["[Voice message] 0:09"], "voice message"),
    ] {
        let mut ctx = said_all(loc, &texts);
        let s = cuifu::suggest(&ctx).unwrap();
        assert_eq!(s.action, cuifu::Action::Hold, "{loc:?}");
        assert!(s.follow_up_at.is_none(), "{loc:?}");
        assert!(s.lines.len() >= 2, "{loc:?}");
        for l in &s.lines[..2] {
            assert!(l.text.contains(word), "{}", l.text);
        }
        // A voice message beside a written question: the question is read.
        ctx.messages.push(cuifu::Message {
            from: cuifu::Role::Buyer,
            text: "有黑色吗？".into(),
            at: None,
        });
        let s = cuifu::suggest(&ctx).unwrap();
        assert!(!s.lines[0].text.contains(word), "{}", s.lines[0].text);
    }
}

#[test]
fn a_buyer_who_says_they_paid_is_helped_to_check_not_reminded() {
    // domain (a paid order gets no reminder) and U1 u34: a buyer who says
    // the order is paid while it shows unpaid is asked for the payment
    // record, never told it is unpaid, and no reminder is planned.
    for (loc, text, word) in [
        (Locale::ZhCn, "我早上已经付了啊", "付款记录"),
        (Locale::ZhTw, "我昨天晚上就轉帳了", "轉帳明細"),
        (Locale::En, "I paid already this morning", "screenshot"),
    ] {
        let s = cuifu::suggest(&said(loc, text)).unwrap();
        assert_eq!(s.action, cuifu::Action::Hold, "{text}");
        assert!(s.follow_up_at.is_none(), "{text}");
        assert!(s.lines.len() >= 2, "{text}");
        assert!(s.lines[0].text.contains(word), "{}", s.lines[0].text);
        for l in &s.lines {
            for unpaid in ["没付款", "還沒付款", "unpaid", "关闭", "關閉"] {
                assert!(!l.text.contains(unpaid), "{}", l.text);
            }
        }
    }
    // Not a claim that this order is paid: a habit, a click, another order.
    for text in [
        "密码忘了 一直都是指纹付的",
        "我点付款了 出来个网商银行让我开户",
        "我上周拍过一个抱枕 付过了 还没发",
    ] {
        let s = cuifu::suggest(&said(Locale::ZhCn, text)).unwrap();
        assert!(
            !s.lines.iter().any(|l| l.text.contains("付款记录")),
            "{text}: {:?}",
            s.lines
        );
    }
}

#[test]
fn a_goodbye_says_sorry_for_reminders_only_when_some_went_out() {
    // seed 000 (顾及买家情绪) and U1 u25: 这单先别催 before any reminder
    // is met with "no rush" (and congratulations for a birth), not an
    // apology for reminders never sent.
    let mut ctx = said(Locale::ZhCn, "老婆突然要生了 在医院 这单先别催 过两天再说");
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.action, cuifu::Action::Stop);
    let top = &s.lines[0].text;
    assert!(top.contains("恭喜") && top.contains("不着急"), "{top}");
    for l in &s.lines {
        assert!(
            !l.text.contains("打扰") && !l.text.contains("提醒"),
            "{}",
            l.text
        );
    }
    // After a reminder, the apology stands.
    ctx.reminders = vec![cuifu::SentReminder {
        at: "2026-11-24T14:00:00+08:00".into(),
        channel: cuifu::Channel::Im,
        template_id: None,
    }];
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(
        s.lines.iter().any(|l| l.text.contains("打扰")),
        "{:?}",
        s.lines
    );
}

#[test]
fn a_buyer_who_objects_to_qin_gets_a_plain_register() {
    // seed 000 (顾及买家情绪) and O1 o15: 能不能别一口一个亲 is no question
    // to fill in but a wish: a short apology, no 亲 and no playful ～.
    let mut ctx = said(
        Locale::ZhCn,
        "能不能别一口一个亲 听着别扭。另外这包是头层牛皮还是二层皮？",
    );
    ctx.buyer.get_or_insert_with(Default::default).name = Some("周志明".into());
    ctx.buyer.get_or_insert_with(Default::default).gender = Some(cuifu::Gender::Male);
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.tone, cuifu::Tone::Formal);
    for l in &s.lines {
        assert!(
            !l.text.contains('亲') && !l.text.contains('～'),
            "{}",
            l.text
        );
        assert!(!l.text.contains("【能不能别"), "{}", l.text);
    }
    let top = &s.lines[0].text;
    assert!(top.contains("不好意思，之前的称呼让您不舒服了。"), "{top}");
    assert!(top.contains("头层牛皮还是二层皮"), "{top}");
}

#[test]
fn a_stop_request_with_a_question_gets_the_answer_too() {
    // seed 000 (顾及买家情绪: stop) and 002 (不要答非所问) with P1 p40:
    // "stop sending reminders, and does it come with batteries?" gets the
    // apology and the shop's answer, with no reminder after it.
    let mut ctx = said(
        Locale::En,
        "Please stop sending me reminders. Also, does it come with batteries?",
    );
    ctx.shop.get_or_insert_with(Default::default).answers = vec![cuifu::ShopAnswer {
        keywords: vec!["batteries".into()],
        text: "Yes, 2 AAA batteries are included.".into(),
    }];
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.action, cuifu::Action::Stop);
    let top = &s.lines[0].text;
    assert_eq!(s.lines[0].angle, "sorry", "{top}");
    assert!(top.contains("won't get any more"), "{top}");
    assert!(top.contains("2 AAA batteries are included"), "{top}");
}

/// A chat of (from the buyer?, text) turns.
fn turns(locale: Locale, turns: &[(bool, &str)]) -> ChatContext {
    let mut ctx = asked(locale, "");
    ctx.messages = turns
        .iter()
        .map(|(buyer, text)| cuifu::Message {
            from: if *buyer {
                cuifu::Role::Buyer
            } else {
                cuifu::Role::Agent
            },
            text: (*text).into(),
            at: None,
        })
        .collect();
    ctx
}

#[test]
fn plain_questions_get_plain_answers_and_remarks_get_none() {
    // 002: 回答买家的问题，不要答非所问 — a balance question is answered (no
    // top-up needed), 孩子等着穿呢 asks nothing, and 发票谁开 asks (谁).
    for (text, has, slot) in [
        (
            "支付宝里一分钱都没有 是不是要先往里面充钱才能付啊？我银行卡里有钱的 孩子等着穿呢",
            "不用先充值",
            None,
        ),
        ("你们是正品吗 发票谁开", "", Some("发票谁开")),
        ("余额宝里的钱能直接付吗", "余额宝里的钱能直接付", None),
    ] {
        let top = cuifu::suggest(&asked(Locale::ZhCn, text)).unwrap().lines[0]
            .text
            .clone();
        assert!(top.contains(has), "{top}");
        assert!(!top.contains("等着穿"), "{top}");
        match slot {
            Some(q) => assert!(top.contains(&format!("【{q}")), "{top}"),
            None => assert!(!top.contains('【'), "{top}"),
        }
    }
}

#[test]
fn a_paid_buyer_asking_for_no_price_in_the_gift_parcel_gets_a_yes() {
    // 000: 感谢 — and 002: the request in the same breath is answered.
    let mut ctx = said(
        Locale::ZhCn,
        "付好了～ 这个是送闺蜜的生日礼物 包裹里别放发货单和价格哈 拜托拜托🙏",
    );
    ctx.order.paid = Some(true);
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.action, Action::Stop);
    let top = &s.lines[0].text;
    assert!(
        top.contains("谢谢") && top.contains("不放发货单和价格"),
        "{top}"
    );
}

#[test]
fn a_question_after_an_acknowledged_stop_gets_the_answer_alone() {
    // 000: 顾及买家情绪 — the wish was heard already (好的不打扰您了); a
    // question the next day is answered with no second apology and no
    // deadline (002: 不要答非所问).
    let ctx = turns(
        Locale::ZhCn,
        &[
            (false, "亲，昨晚拍的杯子还没付款哦～"),
            (true, "知道了 别催了 想好了我自己会付"),
            (false, "好的亲，不打扰您了～"),
            (true, "这个能装热牛奶吗 会不会不好洗"),
        ],
    );
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.action, Action::Stop);
    let top = &s.lines[0].text;
    assert!(top.contains("【这个能装热牛奶吗"), "{top}");
    assert!(!top.contains("抱歉") && !top.contains("前都可以"), "{top}");
    // Said in the same turn, the apology comes first (stop.sorry.answer).
    let ctx = said(Locale::ZhCn, "别催了 想好了我自己会付 这个能装热牛奶吗");
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(
        top.contains("抱歉") && top.contains("【这个能装热牛奶吗"),
        "{top}"
    );
}

#[test]
fn a_condition_on_the_price_is_no_thinking_it_over() {
    // 000: 了解买家原因，对症下药 — 便宜了我就马上付 不便宜我再看看别家
    // waits for the answer on the price, now, not for 3 hours of space.
    let s = cuifu::suggest(&said(
        Locale::ZhCn,
        "我看评价里有人说找客服便宜了10块 我也要！便宜了我就马上付 不便宜我再看看别家",
    ))
    .unwrap();
    assert_ne!(s.action, Action::Schedule);
    assert!(!s.lines[0].text.contains("慢慢考虑"), "{}", s.lines[0].text);
}

#[test]
fn size_charts_answer_foot_lengths_room_widths_and_their_notes() {
    // 002: 回答买家的问题 — 脚长23.5 with no unit, the chart's note for
    // 脚背高, and a balcony 2米1 wide against a rack's chart in metres.
    let mut ctx = turns(
        Locale::ZhCn,
        &[
            (true, "我妈脚长23.5 平时穿37的 我拍了38 会不会大了啊"),
            (true, "她脚背有点高 冬天还要穿厚袜子"),
        ],
    );
    if let Some(f) = ctx.order.items[0].facts.as_mut() {
        f.sizes = Some(cuifu::FactValue::List(
            ["37", "38", "39"].iter().map(|s| (*s).into()).collect(),
        ));
        f.size_chart = Some(cuifu::FactValue::Text(
            "37=230mm, 38=235mm, 39=240mm（按脚长选码，脚宽或脚背高建议大一码）".into(),
        ));
    }
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(
        top.contains("38码对应235mm，脚长23.5cm建议拍38；表上也注明脚宽或脚背高建议大一码"),
        "{top}"
    );
    let mut ctx = asked(Locale::ZhCn, "阳台宽2米1 装1.8的够吗 还是要2.4的");
    if let Some(f) = ctx.order.items[0].facts.as_mut() {
        f.sizes = Some(cuifu::FactValue::List(
            ["1.5米", "1.8米", "2.4米"]
                .iter()
                .map(|s| (*s).into())
                .collect(),
        ));
        f.size_chart = Some(cuifu::FactValue::Text(
            "1.5米：阳台宽1.6-2.0米；1.8米：阳台宽2.0-2.6米；2.4米：阳台宽2.6米以上".into(),
        ));
    }
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(
        top.contains("1.8米对应阳台宽2.0-2.6米，2米1的话建议选1.8米"),
        "{top}"
    );
    // 指围54mm: the chart's entry of that very length.
    let mut ctx = asked(Locale::ZhCn, "我量了指围54mm 拍几号合适啊");
    if let Some(f) = ctx.order.items[0].facts.as_mut() {
        f.sizes = Some(cuifu::FactValue::List(
            ["13号", "14号", "15号"]
                .iter()
                .map(|s| (*s).into())
                .collect(),
        ));
        f.size_chart = Some(cuifu::FactValue::Text(
            "13号=指围53mm，14号=54mm，15号=55mm".into(),
        ));
    }
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(top.contains("按尺码表，54mm对应14号，建议拍14号"), "{top}");
    // 1米65 is 165cm.
    let top = &cuifu::suggest(&asked(Locale::ZhCn, "我1米65 110斤穿M还是L"))
        .unwrap()
        .lines[0]
        .text;
    assert!(top.contains("您1米65、110斤建议拍M"), "{top}");
}

#[test]
fn a_question_the_agent_only_put_on_hold_is_still_open() {
    // 002: 不要答非所问 — 稍等 帮您转接 and asking again for what the buyer
    // said answer nothing: the size question is answered now.
    let ctx = turns(
        Locale::ZhCn,
        &[
            (true, "我165cm 110斤 穿M还是L"),
            (false, "亲，稍等哦，帮您转接尺码专员～"),
            (true, "？"),
            (false, "您好亲亲，请问您身高体重多少呢？"),
            (true, "我最开始就说了啊！！你们能不能看看聊天记录"),
        ],
    );
    let top = &cuifu::suggest(&ctx).unwrap().lines[0].text;
    assert!(top.contains("您165cm、110斤建议拍M"), "{top}");
    assert!(!top.contains("【"), "{top}");
}

#[test]
fn a_buyer_who_asks_to_be_reminded_is_told_it_will_be_done() {
    // 001: 了解买家方便的时间，提前再次催付 — 你那时候提醒我一下好吗 gets
    // yes, not a slot.
    let s = cuifu::suggest(&asked(
        Locale::ZhTw,
        "請問有現貨嗎 我現在要去接小孩 明天中午12點半再付 你那時候提醒我一下好嗎",
    ))
    .unwrap();
    let top = &s.lines[0].text;
    assert!(!top.contains('【'), "{top}");
    assert!(top.contains("提醒您"), "{top}");
}

#[test]
fn an_account_under_appeal_waits_and_the_close_is_told() {
    // 001: 了解买家原因，对症下药 — an account restricted pending an appeal
    // is waited for (no screenshot asked), and 会不会自己关掉 is told when.
    let s = cuifu::suggest(&turns(
        Locale::ZhCn,
        &[
            (
                true,
                "付不了 支付宝说我账户有风险被限制付款了 我提交申诉了 说要1到3个工作日",
            ),
            (true, "你们这个订单会不会自己关掉啊"),
        ],
    ))
    .unwrap();
    let top = &s.lines[0].text;
    assert!(
        top.contains("申诉") && top.contains("前付款都可以"),
        "{top}"
    );
    assert!(!top.contains("截图") && !top.contains('【'), "{top}");
    assert!(
        s.lines.iter().all(|l| !l.text.contains("截个图")),
        "{:?}",
        s.lines
    );
}

#[test]
fn a_picture_with_nothing_to_read_is_looked_at() {
    // 002: 及时回复, 不要答非所问 — [图片] 这个 ？？ asks about the picture:
    // no payment reminder, a slot to answer after looking.
    let s = cuifu::suggest(&turns(
        Locale::ZhCn,
        &[(true, "[图片]"), (true, "这个"), (true, "？？")],
    ))
    .unwrap();
    let top = &s.lines[0].text;
    assert!(
        top.contains("收到您发的图片了，【看完图片在这里回复】"),
        "{top}"
    );
    assert!(!top.contains("付款"), "{top}");
    // A message of its own beside the picture is read, not the picture.
    let s = cuifu::suggest(&turns(
        Locale::ZhCn,
        &[
            (true, "鸿蒙的淘宝点付款就白屏 一直转圈圈"),
            (true, "[图片]"),
        ],
    ))
    .unwrap();
    assert!(!s.lines[0].text.contains("图片"), "{}", s.lines[0].text);
}

#[test]
fn a_cause_told_before_jiu_is_no_condition() {
    // 000: a buyer who no longer wants the order is not chased; 所以 before
    // 就 gives the cause (抽到一台一模一样的), so the leaving is a decision,
    // not a condition (不包邮就不要了 is one).
    let s = cuifu::suggest(&said(
        Locale::ZhTw,
        "不好意思～我們公司今天尾牙 我竟然抽到一台一模一樣的氣炸鍋😂 所以這台就不用了 謝謝你們喔",
    ))
    .unwrap();
    assert_eq!(s.reason.code, ReasonCode::ChangedMind);
}

#[test]
fn a_buyer_past_the_cap_who_names_a_lunch_time_gets_no_check_in_after_it() {
    // seed 001: 提前再次催付 — past the cap only a reminder before their own
    // time is left; 12:30 falls in the lunch break, so the first allowed
    // moment (13:30) would come after it: a reminder more, and none is planned.
    let ctx: ChatContext = serde_json::from_value(serde_json::json!({
        "now": "2026-12-02T09:30:00+08:00",
        "order": {"placedAt": "2026-11-30T20:40:00+08:00", "amount": 899,
                  "items": [{"title": "Ergonomic Mesh Office Chair"}]},
        "buyer": {"nick": "Priya"},
        "reminders": [
            {"at": "2026-11-30T21:05:00+08:00", "channel": "im"},
            {"at": "2026-12-01T14:00:00+08:00", "channel": "im"}
        ],
        "messages": [
            {"from": "agent", "text": "Hi Priya, a gentle reminder that your chair order is still waiting for payment.", "at": "2026-12-01T14:00:00+08:00"},
            {"from": "buyer", "text": "sorry been swamped. I'll pay at lunch today, like 12:30", "at": "2026-12-02T09:20:00+08:00"}
        ]
    }))
    .unwrap();
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.follow_up_at, None, "{:?}", s.why);
    assert!(!s.lines.is_empty());
}

#[test]
fn a_day_named_with_a_question_is_the_time_to_pay_and_the_close_is_told_once() {
    // seed 001: 了解买家方便的时间，提前再次催付 — 6号付来得及不 asks leave to
    // pay on the 6th, so the reminder goes that day; 不会关单吧 is told when
    // the order closes, once in the line.
    let ctx: ChatContext = serde_json::from_value(serde_json::json!({
        "now": "2026-12-03T21:20:00+08:00",
        "order": {"placedAt": "2026-12-03T21:00:00+08:00", "amount": 1299,
                  "items": [{"title": "头戴式无线降噪耳机"}]},
        "messages": [
            {"from": "buyer", "text": "我信用卡5号出账单 6号再刷能多一个月免息哈哈", "at": "2026-12-03T21:08:00+08:00"},
            {"from": "buyer", "text": "6号付来得及不 不会关单吧", "at": "2026-12-03T21:09:00+08:00"}
        ]
    }))
    .unwrap();
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(
        s.follow_up_at
            .as_deref()
            .is_some_and(|f| f.starts_with("2026-12-06")),
        "{:?}",
        s.follow_up_at
    );
    let top = &s.lines[0].text;
    assert!(!top.contains('【'), "{top}");
    assert_eq!(top.matches("晚上9点前").count(), 1, "{top}");
}

#[test]
fn a_buyer_typing_pinyin_gets_chinese_lines() {
    // seed 001 (对症下药, in the buyer's own language): zfb bang ka bang bu
    // shang a is 支付宝绑卡绑不上啊, Chinese in Latin letters; English stays
    // English.
    let mut ctx = said(Locale::ZhCn, "zfb bang ka bang bu shang a");
    ctx.messages.push(cuifu::Message {
        from: cuifu::Role::Buyer,
        text: "yzm yi zhi bu dui".into(),
        at: None,
    });
    let s = cuifu::suggest(&ctx).unwrap();
    for l in &s.lines {
        assert!(
            l.text
                .chars()
                .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
            "{}",
            l.text
        );
        assert!(!l.text.contains("Hi"), "{}", l.text);
    }
    // A Chinese sentence with English words in it is Chinese.
    let s = cuifu::suggest(&said(
        Locale::En,
        "这个charger支持PD吗 my laptop is 65W的 can it charge full speed",
    ))
    .unwrap();
    assert!(!s.lines[0].text.starts_with("Hi"), "{}", s.lines[0].text);
    let s = cuifu::suggest(&said(Locale::ZhCn, "can you ship to Canada?")).unwrap();
    assert!(
        s.lines[0].text.is_ascii() || s.lines[0].text.contains("Hi"),
        "{}",
        s.lines[0].text
    );
}

#[test]
fn a_safety_question_is_left_to_the_agent_never_answered_by_a_gift() {
    // seed 002 (答非所问) and no invented facts: whether the essential oil
    // harms a cat is for the agent to answer truthfully; the gift of oil in
    // shop.gifts does not answer it ("可以的").
    let mut ctx = said(
        Locale::ZhCn,
        "家里有两只猫 这个香薰机用精油对猫有没有影响啊 看网上说有些精油猫会中毒",
    );
    ctx.shop.get_or_insert_with(Default::default).gifts = vec!["10ml精油3瓶".into()];
    let s = cuifu::suggest(&ctx).unwrap();
    let top = &s.lines[0].text;
    assert!(top.contains("【"), "{top}");
    assert!(top.contains("对猫有没有影响"), "{top}");
    assert!(!top.contains("可以的"), "{top}");
    // An allergy question in English gets its slot beside the answer the
    // shop gives to the other question.
    let mut ctx = said(
        Locale::En,
        "does the hotpot base contain sesame? my bf is allergic\nalso is it very spicy",
    );
    ctx.shop.get_or_insert_with(Default::default).answers = vec![cuifu::ShopAnswer {
        keywords: vec!["spicy".into()],
        text: "This one is mild, about half the heat of our classic base.".into(),
    }];
    let s = cuifu::suggest(&ctx).unwrap();
    let top = &s.lines[0].text;
    assert!(
        top.contains("【does the hotpot base contain sesame"),
        "{top}"
    );
    assert!(top.contains("mild"), "{top}");
}

#[test]
fn a_buyer_who_decides_at_a_named_time_is_not_told_they_will_pay() {
    // seed 001 (了解买家方便的时间，提前再次催付) and no words the buyer did
    // not say: 等周六我妈过来看看再说 names Saturday for deciding; the
    // reminder goes then, and the reply says deciding then is fine.
    let ctx: ChatContext = serde_json::from_value(serde_json::json!({
        "now": "2026-12-17T14:50:00+08:00",
        "order": {"placedAt": "2026-12-17T14:30:00+08:00", "amount": 2680,
                  "items": [{"title": "科技布沙发小户型 直排三人位 燕麦色"}]},
        "messages": [
            {"from": "buyer", "text": "我再想想 等周六我妈过来让她看看再说", "at": "2026-12-17T14:42:00+08:00"}
        ]
    }))
    .unwrap();
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(
        s.follow_up_at
            .as_deref()
            .is_some_and(|f| f.starts_with("2026-12-19"))
            || s.send_at
                .as_deref()
                .is_some_and(|f| f.starts_with("2026-12-19")),
        "{:?} {:?}",
        s.send_at,
        s.follow_up_at
    );
    let top = &s.lines[0].text;
    assert!(top.contains("再定"), "{top}");
    assert!(
        !top.contains("付款没问题") && !top.contains("付就好"),
        "{top}"
    );
    // Saying they will pay then keeps the paying words (还是会付啦).
    let ctx: ChatContext = serde_json::from_value(serde_json::json!({
        "now": "2026-11-23T21:10:00+08:00",
        "order": {"placedAt": "2026-11-23T21:00:00+08:00", "amount": 890},
        "messages": [
            {"from": "buyer", "text": "我等25号对完发票再说 没中的话还是会付啦", "at": "2026-11-23T21:05:00+08:00"}
        ]
    }))
    .unwrap();
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(!s.lines[0].text.contains("再定"), "{}", s.lines[0].text);
}

#[test]
fn an_english_payday_after_the_close_is_read() {
    // seed 001 (了解买家方便充值时间): "paid on the 31st" names the 31st,
    // after the close on the 24th: a warning, and a line that says so kindly.
    let ctx: ChatContext = serde_json::from_value(serde_json::json!({
        "now": "2026-12-21T20:45:00+08:00",
        "locale": "en",
        "order": {"placedAt": "2026-12-21T20:30:00+08:00", "amount": 268},
        "messages": [
            {"from": "buyer", "text": "I get paid on the 31st, can you keep it till then?", "at": "2026-12-21T20:36:00+08:00"}
        ]
    }))
    .unwrap();
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(
        s.warnings
            .iter()
            .any(|w| w.code == "named_time_after_close"),
        "{:?}",
        s.warnings
    );
    assert!(s.lines[0].text.contains("Dec 24"), "{}", s.lines[0].text);
}

#[test]
fn slots_quote_whole_questions() {
    // seed 002 (答非所问): the other half of a question (还是要我下山去拿)
    // shares its slot; an English slot quotes the piece that asks; 有冇啡色
    // asks, and 咖啡色 is listed.
    let s = cuifu::suggest(&said(Locale::ZhTw, "黑貓會送到山上嗎？還是要我下山去拿")).unwrap();
    let top = &s.lines[0].text;
    assert_eq!(top.matches('【').count(), 1, "{top}");
    assert!(top.contains("還是要我下山去拿"), "{top}");
    let s = cuifu::suggest(&said(
        Locale::En,
        "Bought this same tea from u in spring for 168, why 198 now??",
    ))
    .unwrap();
    assert!(s.lines[0].text.contains("why 198"), "{}", s.lines[0].text);
    let mut ctx = said(Locale::ZhCn, "有冇啡色啊 我老公唔钟意黑色");
    ctx.order.items = serde_json::from_value(serde_json::json!([{
        "title": "男士真皮短款钱包 黑色", "price": 168,
        "facts": {"colours": ["黑色", "咖啡色", "深蓝"]}
    }]))
    .unwrap();
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(s.lines[0].text.contains("有咖啡色"), "{}", s.lines[0].text);
}

#[test]
fn plain_questions_about_the_agent_arrival_and_a_colour_get_what_the_context_holds() {
    // seed 002 (答非所问): 你是真人还是机器人 is answered plainly, not left
    // as a slot; 明天能到南京吗 gets the shipping facts and that the courier
    // decides the day (no promise, and since the U1 review no slot for it);
    // 有没有墨绿色 names 墨绿色, not 绿色.
    let mut ctx = said(Locale::ZhCn, "你是真人还是机器人");
    ctx.messages.push(cuifu::Message {
        from: cuifu::Role::Buyer,
        text: "问你个事 这个有没有墨绿色的".into(),
        at: None,
    });
    ctx.order.items = serde_json::from_value(serde_json::json!([{
        "title": "加绒冲锋衣男 黑色 XL", "price": 359,
        "facts": {"colours": ["黑色", "深灰", "藏青"]}
    }]))
    .unwrap();
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("真人客服") && !top.contains('【'), "{top}");
    assert!(top.contains("墨绿色暂时没有"), "{top}");
    let mut ctx = said(Locale::ZhCn, "想周六给儿子过生日 明天能到南京吗");
    ctx.shop = serde_json::from_value(serde_json::json!({
        "name": "童趣小车",
        "shipping": {"carrier": "韵达快递", "dispatch": "当天17点前付款当天发，之后次日发", "shipsFrom": "浙江平湖"}
    }))
    .unwrap();
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(
        top.contains("浙江平湖") && top.contains("没法跟您打包票") && !top.contains('【'),
        "{top}"
    );
}

#[test]
fn a_buyer_who_cancels_for_news_is_congratulated_or_comforted_first() {
    // seed 000 (顾及买家情绪；不要咄咄逼人，留个口子): 进面了 用不上了 gets
    // congratulations, a denied visa gets sympathy and no "lovely day".
    let s = cuifu::suggest(&said(
        Locale::ZhCn,
        "不用了 我省考进面了 这套真题用不上了 别再发了哈",
    ))
    .unwrap();
    assert_eq!(s.action, Action::Stop);
    assert!(
        s.lines.iter().all(|l| l.text.starts_with("恭喜")),
        "{:?}",
        s.lines
    );
    let s = cuifu::suggest(&said(
        Locale::En,
        "pls cancel this. my work visa got denied so I'm not moving after all",
    ))
    .unwrap();
    assert_eq!(s.action, Action::Stop);
    for l in &s.lines {
        assert!(l.text.starts_with("I'm sorry to hear that"), "{}", l.text);
        assert!(!l.text.contains("lovely day"), "{}", l.text);
    }
}

#[test]
fn a_nick_that_ends_in_a_form_of_address_is_how_the_buyer_is_greeted() {
    // seed 004 (称呼 “**先生”/“**女士”), the form the buyer gives: 二幼-陈老师
    // is 陈老师您好, not 亲.
    let mut ctx = said(Locale::ZhCn, "数量多能不能便宜点");
    ctx.buyer = serde_json::from_value(serde_json::json!({"nick": "二幼-陈老师"})).unwrap();
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(
        s.lines[0].text.starts_with("陈老师您好"),
        "{}",
        s.lines[0].text
    );
    // A nick that is only the form of address, or a long one, is not a name.
    ctx.buyer = serde_json::from_value(serde_json::json!({"nick": "abc-老师"})).unwrap();
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(
        !s.lines[0].text.starts_with("老师您好"),
        "{}",
        s.lines[0].text
    );
}

/// A chat where the agent sent one IM reminder at 14:00 and the buyer
/// answered it with `texts` at 14:30 (`now` 15:00).
fn answered_reminder(locale: Locale, texts: &[&str]) -> ChatContext {
    let mut ctx = base_ctx(locale);
    let reminder = if locale == Locale::En {
        "Hi Emma, just checking in on the shirt you ordered this morning."
    } else {
        "您好～看到您上午拍的开衫还没付款，有问题随时跟我说～"
    };
    ctx.messages = vec![cuifu::Message {
        from: cuifu::Role::Agent,
        text: reminder.into(),
        at: Some("2026-11-24T14:00:00+08:00".into()),
    }];
    ctx.messages.extend(texts.iter().map(|t| cuifu::Message {
        from: cuifu::Role::Buyer,
        text: (*t).into(),
        at: Some("2026-11-24T14:30:00+08:00".into()),
    }));
    ctx.reminders = vec![cuifu::SentReminder {
        at: "2026-11-24T14:00:00+08:00".into(),
        channel: Channel::Im,
        template_id: None,
    }];
    ctx
}

#[test]
fn a_decline_beside_a_stop_request_gets_the_goodbye_not_pay_later() {
    // seed 000 (不要咄咄逼人; a buyer who no longer wants it is left a good
    // impression) and S1 s12: 面试挂了 西装用不上了 不要了 别再发了 is a
    // decline (挂了 is the interview, not a payment system that is down):
    // sorry to hear it, the order needs nothing, never "pay when it suits
    // you".
    let ctx = answered_reminder(Locale::ZhCn, &["面试挂了 西装用不上了 不要了 别再发了"]);
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.action, Action::Stop);
    assert_eq!(s.reason.code, ReasonCode::ChangedMind);
    assert!(!s.lines.is_empty());
    assert!(s.lines[0].text.contains("遗憾"), "{}", s.lines[0].text);
    for l in &s.lines {
        assert_eq!(l.angle, "door_open", "{}", l.text);
        assert!(!l.text.contains("再付"), "{}", l.text);
    }
    // A stop request alone after one reminder: sorry the reminders
    // bothered them, never "too many".
    let ctx = answered_reminder(Locale::ZhCn, &["别再发了 我自己会看着办"]);
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.action, Action::Stop);
    assert!(
        s.lines.iter().all(|l| !l.text.contains("太多")),
        "{:?}",
        s.lines
    );
}

#[test]
fn a_buyer_who_means_to_ask_is_asked_what_and_not_reminded() {
    // seed 002 (及时回复; 不要答非所问) and S1 s28: 有人吗 想问下 … 人呢 says
    // nothing yet to answer: sorry for the wait, what would they like to
    // know, no payment word, and no reminder until the question is known.
    for (loc, texts, what) in [
        (
            Locale::ZhCn,
            vec!["有人吗 想问下", "？", "人呢 再不回我就取消了"],
            "您想了解什么",
        ),
        (Locale::ZhTw, vec!["在嗎 想問一下～"], "您想了解什麼"),
        (
            Locale::En,
            vec!["hello? quick question"],
            "What would you like to know",
        ),
    ] {
        let s = cuifu::suggest(&said_all(loc, &texts)).unwrap();
        assert_eq!(s.action, Action::Hold, "{loc:?}");
        // One hello shows no reason yet; pings after it are waiting.
        assert!(
            matches!(
                s.reason.code,
                ReasonCode::WaitingReply | ReasonCode::Unknown
            ),
            "{loc:?}"
        );
        assert!(s.follow_up_at.is_none(), "{loc:?}");
        let top = &s.lines[0].text;
        assert!(top.contains(what), "{top}");
        for w in ["付款", "pay"] {
            assert!(!top.contains(w), "{top}");
        }
        assert_reads_naturally(top, &s.lines[0].template_id);
    }
    // The question said with it is answered instead.
    let s = cuifu::suggest(&said(Locale::ZhCn, "想问下有黑色吗")).unwrap();
    assert!(
        !s.lines[0].text.contains("您想了解什么"),
        "{}",
        s.lines[0].text
    );
}

#[test]
fn a_buyer_still_deciding_after_a_reminder_is_not_reminded_again() {
    // seed 000 (不要咄咄逼人) and 001 (催付不宜太频繁), S1 s38: a buyer who
    // answers a reminder with "still deciding, will let you know" has had
    // the one gentle reminder a hesitating buyer gets: stop, with a
    // no-rush word; `shop.remindStillDeciding` keeps reminding.
    for (loc, text, word) in [
        (Locale::ZhCn, "还在考虑 想好了跟你说", "不再打扰"),
        (Locale::ZhTw, "我再考慮一下喔", "不再打擾"),
        (
            Locale::En,
            "still deciding tbh. will let you know",
            "won't send any more",
        ),
    ] {
        let mut ctx = answered_reminder(loc, &[text]);
        let s = cuifu::suggest(&ctx).unwrap();
        assert_eq!(s.action, Action::Stop, "{loc:?}");
        assert!(s.send_at.is_none() && s.follow_up_at.is_none(), "{loc:?}");
        assert!(s.lines[0].text.contains(word), "{}", s.lines[0].text);
        assert_eq!(s.lines[0].angle, "door_open");
        ctx.shop
            .get_or_insert_with(Default::default)
            .remind_still_deciding = Some(true);
        let s = cuifu::suggest(&ctx).unwrap();
        assert_ne!(s.action, Action::Stop, "{loc:?}");
        assert!(
            s.lines.iter().all(|l| !l.text.contains(word)),
            "{:?}",
            s.lines
        );
    }
    // Hesitation before any reminder gets space and one reminder.
    let s = cuifu::suggest(&said(Locale::ZhCn, "我再考虑一下")).unwrap();
    assert_ne!(s.action, Action::Stop);
    // A question beside it is answered, not met with a stop.
    let ctx = answered_reminder(Locale::ZhCn, &["还在考虑 这个会起球吗"]);
    assert_ne!(cuifu::suggest(&ctx).unwrap().action, Action::Stop);
}

#[test]
fn a_day_the_goods_are_needed_by_is_not_a_day_to_pay() {
    // seed 004 (不要承诺到货时间) and S1 s37: "if it can't reach my flat by
    // Friday 27th I'll cancel, check before I pay" names when the goods
    // are needed, not when the buyer pays: no "paying on Friday is fine",
    // no reminder planned for that day.
    for (loc, text) in [
        (
            Locale::En,
            "If it can't reach my flat by Friday 27th I'll have to cancel, so could you please check before I pay?",
        ),
        (Locale::ZhCn, "周五前能到吗？到不了我就不买了，你先帮我问问再付"),
    ] {
        let s = cuifu::suggest(&said(loc, text)).unwrap();
        for l in &s.lines {
            assert!(
                !l.text.contains("Paying on") && !l.text.contains("周五付款"),
                "{}",
                l.text
            );
        }
        assert!(
            s.why.iter().all(|w| !w.contains("Friday 27th") && !w.contains("买家说“周五")),
            "{:?}",
            s.why
        );
    }
    // Money due by a time is still a time to pay (明早9点前到账 到了我就付).
    let s = cuifu::suggest(&said(
        Locale::ZhCn,
        "钱明早9点前到账 到了我就付 别给我关了哈",
    ))
    .unwrap();
    assert!(s.why.iter().any(|w| w.contains("9点")), "{:?}", s.why);
}

#[test]
fn confirming_receipt_is_told_apart_from_paying() {
    // seed 002 (老年人/新手: 一步一步引导) and S1 s05: 是不是点确认收货就付钱了
    // 我怕点错了 is a new buyer's question and a worry, not an order made by
    // mistake: the two steps told apart, no goodbye.
    let ctx = said_all(
        Locale::ZhCn,
        &[
            "你好 我买了这个 是不是点那个确认收货就付钱了",
            "我怕点错了 钱没了 东西也没有",
        ],
    );
    let s = cuifu::suggest(&ctx).unwrap();
    assert_ne!(s.action, Action::Stop);
    assert_ne!(s.reason.code, ReasonCode::ChangedMind);
    let top = &s.lines[0].text;
    assert!(top.contains("“确认收货”不是付款"), "{top}");
    assert!(!top.contains('【'), "{top}");
    assert_reads_naturally(top, &s.lines[0].template_id);
}

#[test]
fn an_invoice_for_more_than_was_paid_is_declined_kindly() {
    // seed 004 (不能说谎) and S1 s22: 多开点好报销 asks for an invoice above
    // the amount paid: only the amount paid, kindly.
    for (loc, text, word) in [
        (
            Locale::ZhCn,
            "发票能多开点吗 回去好报销",
            "只能按实付金额开",
        ),
        (Locale::ZhTw, "發票可以開高一點嗎", "只能依實付金額開立"),
        (
            Locale::En,
            "could you inflate the invoice a bit for my expenses?",
            "amount actually paid",
        ),
    ] {
        let s = cuifu::suggest(&said(loc, text)).unwrap();
        assert!(
            s.lines[0].text.contains(word),
            "{loc:?}: {}",
            s.lines[0].text
        );
    }
}

#[test]
fn a_doorstep_wish_is_noted_on_the_order() {
    // seed 000 (顾及买家情绪) and S1 s11: a paid buyer's 放门口 别敲门 is
    // noted on the order, said in the thank-you.
    let mut ctx = said(
        Locale::ZhCn,
        "付好啦 快递到了放门口就行 千万别敲门 宝宝要睡觉",
    );
    ctx.order.paid = Some(true);
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.action, Action::Stop);
    assert!(s.lines[0].text.contains("备注"), "{}", s.lines[0].text);
}

#[test]
fn a_late_evening_time_waits_for_morning_unless_the_shop_says_otherwise() {
    // seeds 000/003 (休息时间不催) with S1 s21 and L1 l38, which disagree:
    // 晚上十点半下班再付 is reminded at 10:00 the next day by default, and
    // shortly before 22:30 that evening with `shop.namedTimeLateEvening`.
    let mut ctx = said(
        Locale::ZhCn,
        "我在超市收银 上班不能看手机 晚上十点半下班再付哈",
    );
    let s = cuifu::suggest(&ctx).unwrap();
    let next = |s: &cuifu::Suggestion| s.follow_up_at.clone().or(s.send_at.clone());
    assert_eq!(next(&s).as_deref(), Some("2026-11-25T10:00:00+08:00"));
    ctx.shop
        .get_or_insert_with(Default::default)
        .named_time_late_evening = Some(true);
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(next(&s).as_deref(), Some("2026-11-24T22:20:00+08:00"));
    // A buyer who asks to be reminded at 凌晨一点半 is, quiet hours or not.
    let ctx = said(
        Locale::ZhCn,
        "我在酒吧上班 凌晨一点半才下班 到时候你旺旺提醒我一下 不然我肯定忘了",
    );
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(next(&s).as_deref(), Some("2026-11-25T01:30:00+08:00"));
    assert!(s.lines[0].text.contains("凌晨1点半"), "{}", s.lines[0].text);
}

#[test]
fn a_price_question_in_other_words_gets_the_shop_coupon() {
    // seed 001 (议价不成功: 优惠券/改价) with S1 s07 and s36: 我下单怎么还是
    // 原价 and "any chance you can do 100?" ask for the price the shop's
    // coupon gives: the coupon as a price change on the order placed,
    // refreshed and paid, never a slot.
    for (loc, text, coupon, word) in [
        (
            Locale::ZhCn,
            "群里说粉丝有专享价的 我下单怎么还是原价",
            "粉丝群专享：满100减10",
            "刷新一下订单就能付",
        ),
        (
            Locale::En,
            "our limit is 100 and this is 128, any chance you can do 100?",
            "¥8 off orders of ¥100 or more",
            "refresh the order",
        ),
    ] {
        let mut ctx = said(loc, text);
        ctx.shop.get_or_insert_with(Default::default).coupon = Some(coupon.into());
        let s = cuifu::suggest(&ctx).unwrap();
        let top = &s.lines[0].text;
        assert!(top.contains(word), "{top}");
        assert!(!top.contains('【'), "{top}");
    }
}

#[test]
fn a_girth_in_the_size_chart_range_picks_the_size() {
    // seed 000 (了解顾客需求, 推荐合适的) with S1 s09: 头围56 M还是L against
    // M：头围55-57cm；L：头围57-59cm is M; at a shared bound (57) the larger,
    // as a snug size is the one buyers return.
    for (text, size) in [("头围56 M还是L啊？", "M码"), ("头围57戴哪个码", "L码")] {
        let mut ctx = said(Locale::ZhCn, text);
        ctx.order.items[0].facts = Some(cuifu::ItemFacts {
            size_chart: Some(cuifu::FactValue::Text(
                "M：头围55-57cm；L：头围57-59cm；XL：头围59-61cm".into(),
            )),
            ..Default::default()
        });
        let s = cuifu::suggest(&ctx).unwrap();
        let top = &s.lines[0].text;
        assert!(top.contains(&format!("建议拍{size}")), "{top}");
        assert!(!top.contains('【'), "{top}");
    }
}

#[test]
fn a_shop_template_that_breaks_the_musts_is_not_offered() {
    // seed 004 (极限词 are against the Advertising Law) and 000 (不要咄咄
    // 逼人) with T1 t19: a shop's own template saying 全网最低价 … 赶紧付款吧
    // is left out; the shop's clean one leads.
    let ctx = with_templates(vec![
        tpl("pdd1", "亲，全网最低价9.9包邮，错过等一年！赶紧付款吧"),
        tpl("pdd2", "亲，您拍的{item}还没付款哦，有问题随时找我"),
    ]);
    let s = cuifu::suggest(&ctx).unwrap();
    assert!(
        s.lines.iter().all(|l| l.template_id != "pdd1"),
        "{:?}",
        s.lines
    );
    assert_eq!(s.lines[0].template_id, "pdd2");
}

#[test]
fn a_buyer_asleep_gets_no_message_now_and_tomorrow_is_after_their_sleep() {
    // seed 000/003 (休息时间不打扰) with T1 t33: at 1 a.m. 明天中午醒来再付
    // 现在不要传讯息给我 会吵醒 means noon of the day already begun, and no
    // reply goes now.
    let mut ctx = said_all(
        Locale::ZhTw,
        &[
            "抱歉 喝了點酒手滑下單了",
            "那個喇叭我是真的想要 明天中午醒來再付 現在不要傳訊息給我 會吵醒",
        ],
    );
    ctx.now = Some("2026-11-26T01:30:00+08:00".into());
    ctx.order.placed_at = "2026-11-26T01:15:00+08:00".into();
    for m in &mut ctx.messages {
        m.at = Some("2026-11-26T01:23:00+08:00".into());
    }
    let s = cuifu::suggest(&ctx).unwrap();
    assert_ne!(s.action, Action::SendNow);
    let at = s.send_at.clone().unwrap_or_default();
    assert!(at.as_str() >= "2026-11-26T11:00:00+08:00", "{at}");
    assert!(at.as_str() < "2026-11-27T00:00:00+08:00", "{at}");
}

#[test]
fn an_angry_decline_is_a_stop_with_an_apology() {
    // seed 000 (不要咄咄逼人; 顾及买家情绪) with T1 t32: 被这样一直催 不想买了
    // 取消吧 is anger and a decline, no condition a reply can meet: stop,
    // a sincere apology and no more contact, never "还有想了解的".
    for (loc, text, word) in [
        (
            Locale::ZhCn,
            "被你们这样一直催 烦死了 不想买了 取消吧",
            "不会再打扰您",
        ),
        (Locale::ZhTw, "被這樣一直催 不想買了 取消吧", "不會再打擾您"),
    ] {
        let s = cuifu::suggest(&answered_reminder(loc, &[text])).unwrap();
        assert_eq!(s.action, Action::Stop, "{loc:?}");
        assert!(s.lines[0].text.contains(word), "{}", s.lines[0].text);
        assert!(
            s.lines.iter().all(|l| !l.text.contains("想了解")),
            "{:?}",
            s.lines
        );
    }
    // A condition said in anger (不给减我就不要了) is still a condition.
    let s = cuifu::suggest(&answered_reminder(
        Locale::ZhCn,
        &["你们这不是耍人吗 不给减我就不要了"],
    ))
    .unwrap();
    assert_ne!(s.action, Action::Stop);
}

#[test]
fn a_coupon_the_order_does_not_reach_is_said_with_what_it_lacks() {
    // seed 004 (never promise what the shop does not give) and the U1
    // review (u31): 滿1000折100 on a 750 order is no price cut yet; the
    // line says what the order lacks.
    let mut ctx = said(Locale::ZhTw, "一次買30包 可以算便宜一點嗎");
    ctx.order.amount = 750.0;
    ctx.shop.as_mut().unwrap().coupon = Some("全館滿1000折100（客服改價）".into());
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("還差250元"), "{top}");
    assert!(!top.contains("改好價格"), "{top}");
    // Reached, the price is changed.
    ctx.order.amount = 1200.0;
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(!top.contains("還差"), "{top}");
}

#[test]
fn a_buyer_who_asks_for_a_promised_arrival_date_is_told_none_is_given() {
    // seed 004 / domain: no delivery promises; the U1 review (u31): 12/17前
    // 一定要收到 可以保證嗎 gets that no date can be promised, and the
    // dispatch, not a slot.
    let mut ctx = said(Locale::ZhTw, "12/17前一定要收到 可以保證嗎");
    ctx.shop.as_mut().unwrap().shipping = Some(cuifu::Shipping {
        carrier: Some("黑貓宅急便".into()),
        dispatch: Some("平日下午3點前付款當天出貨".into()),
        ships_from: None,
    });
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("沒辦法跟您保證"), "{top}");
    assert!(top.contains("下午3點前付款當天出貨"), "{top}");
    assert!(!top.contains('【'), "{top}");
    let ctx = said(Locale::ZhCn, "15号前能保证到吗");
    let top = cuifu::suggest(&ctx).unwrap().lines[0].text.clone();
    assert!(top.contains("没法跟您保证"), "{top}");
}

#[test]
fn an_arrival_by_a_day_is_answered_with_the_dispatch_and_no_promise() {
    // seed 004 / domain: no delivery promises; the U1 review (u10, u19): a
    // buyer asking whether it arrives by a day, with the dispatch in the
    // context, is told the dispatch and that the courier decides the day;
    // how many days it takes, or a check asked for, is the agent's to say.
    let shipping = cuifu::Shipping {
        carrier: Some("圆通速递".into()),
        dispatch: Some("16:00前付款当天发货".into()),
        ships_from: Some("广东深圳".into()),
    };
    let top = |locale, text: &str| {
        let mut ctx = said(locale, text);
        ctx.shop.as_mut().unwrap().shipping = Some(shipping.clone());
        cuifu::suggest(&ctx).unwrap().lines[0].text.clone()
    };
    let t = top(Locale::ZhCn, "那周六能到上海吗");
    assert!(t.contains("没法跟您打包票") && !t.contains('【'), "{t}");
    let t = top(Locale::ZhCn, "发成都几天到");
    assert!(t.contains('【') && !t.contains("打包票"), "{t}");
    let t = top(
        Locale::En,
        "could you check it arrives by Friday before I pay?",
    );
    assert!(t.contains('【') && !t.contains("promise"), "{t}");
}

#[test]
fn a_buyer_who_will_pay_and_asks_for_no_more_reminders_is_not_reminded() {
    // seed 000 (不要咄咄逼人) and the W1 review (w19): 我自己会付的 不用一直提醒
    // stops the reminders; the reply apologises and promises no more.
    for (locale, text) in [
        (Locale::ZhCn, "知道了 我自己会付的 不用一直提醒 谢谢"),
        (Locale::ZhTw, "我自己會付 不用一直提醒"),
        (Locale::En, "I'll pay it myself, no need to remind me"),
    ] {
        let s = cuifu::suggest(&said(locale, text)).unwrap();
        assert_eq!(s.action, Action::Stop, "{text}");
        assert!(s.send_at.is_none(), "{text}");
    }
}

#[test]
fn a_colloquial_empty_card_is_a_short_balance_not_a_question() {
    // The W1 review (w01): 卡里没几个子了 is insufficient_balance, and 几
    // inside 没几个 asks nothing, so the line has no slot for it.
    let s = cuifu::suggest(&said(
        Locale::ZhCn,
        "钱都垫修车上了 卡里没几个子了 明天理赔到账就付",
    ))
    .unwrap();
    assert_eq!(s.reason.code, ReasonCode::InsufficientBalance);
    assert!(
        s.lines.iter().all(|l| !l.text.contains('【')),
        "{:?}",
        s.lines
    );
}

fn answered(locale: Locale, text: &str, keywords: &[&str], answer: &str) -> String {
    let mut ctx = said(locale, text);
    ctx.shop.as_mut().unwrap().answers = vec![cuifu::ShopAnswer {
        keywords: keywords.iter().map(|k| (*k).to_string()).collect(),
        text: answer.into(),
    }];
    ctx.shop.as_mut().unwrap().shipping = Some(cuifu::Shipping {
        carrier: Some("顺丰".into()),
        dispatch: Some("15:00前付款当天发出".into()),
        ships_from: Some("云南昆明".into()),
    });
    cuifu::suggest(&ctx).unwrap().lines[0].text.clone()
}

#[test]
fn a_shop_answer_that_says_when_it_arrives_is_not_said_again() {
    // seed 002 (答非所问 / 机械回复) and the W1 review (w29), V1 (v02): the
    // shop's own arrival answer is the answer; the shipping sentence would
    // repeat the dispatch and the courier's say.
    let t = answered(
        Locale::ZhCn,
        "发北京周五能到不",
        &["能到不", "几天到"],
        "亲，发北京一般次日送达，具体以顺丰为准哦。",
    );
    assert!(t.contains("次日送达") && !t.contains("打包票"), "{t}");
    assert!(!t.starts_with("亲，亲") && !t.contains('【'), "{t}");
    // 亲别着急 in the shop's answer after the greeting: one 亲.
    let t = answered(
        Locale::ZhCn,
        "密码忘了咋整",
        &["密码"],
        "亲别着急，支付密码可以自己重置哦。",
    );
    assert!(!t.contains("亲，亲") && t.contains("别着急"), "{t}");
}

#[test]
fn a_follow_up_that_asks_how_then_is_one_question_with_the_clause_before() {
    // The W1 review (w34, w39): 這樣怎麼付 / who pays that after the cause
    // asks about it; the answer to the cause is the answer, with no slot
    // repeating it.
    let t = answered(
        Locale::ZhTw,
        "ATM轉帳超過非約定轉帳限額 一天只能轉3萬 這樣怎麼付",
        &["非約定", "限額"],
        "非約定轉帳一天上限3萬，這筆可以改用信用卡付款喔。",
    );
    assert!(t.contains("信用卡") && !t.contains('【'), "{t}");
    let t = answered(
        Locale::En,
        "will i get hit with import duty in the US? who pays that",
        &["import duty", "tariff"],
        "For the US we ship DDP: duties are included, nothing extra to pay.",
    );
    assert!(t.contains("DDP") && !t.contains('【'), "{t}");
    // "will pay once it's lifted" says when, it asks nothing.
    let s = cuifu::suggest(&said(
        Locale::En,
        "paypal says my account is limited pending review. will pay once it's lifted",
    ))
    .unwrap();
    assert!(
        s.lines.iter().all(|l| !l.text.contains("will pay once")),
        "{:?}",
        s.lines
    );
}

#[test]
fn a_buyer_who_paid_and_asks_something_gets_the_answer_with_the_thanks() {
    // seed 000 (感谢) and the W1 review (w20): 付好了 贺卡能帮我写"…"吗 is
    // thanked and the card question answered (from the shop's answer, the
    // quoted words one clause), not a thank-you that ignores it.
    let t = answered(
        Locale::ZhCn,
        "付好了 贺卡能帮我写“老婆 十周年快乐 爱你的阿斌”吗",
        &["贺卡"],
        "可以的，贺卡免费手写，您发来的内容我们照着写好。",
    );
    assert!(t.contains("贺卡免费手写") && !t.contains('【'), "{t}");
    // Without the shop's answer, the agent gets a slot for the question.
    let s = cuifu::suggest(&said(Locale::ZhCn, "付好了 贺卡能帮我写几个字吗")).unwrap();
    assert!(
        s.lines[0].text.contains("【贺卡能帮我写几个字吗"),
        "{:?}",
        s.lines
    );
}

#[test]
fn a_counter_offer_after_the_agent_said_the_price_is_answered_by_the_bargain_lines() {
    // seed 003 (议价: 优惠券、赠品) and the W1 review (w06): 1800行不行 after
    // the agent's 实价 gets the shop's coupon or gift, not a slot.
    let mut ctx = base_ctx(Locale::ZhCn);
    let m = |from, text: &str| cuifu::Message {
        from,
        text: text.into(),
        at: None,
    };
    ctx.messages = vec![
        m(cuifu::Role::Buyer, "这个2100能少点不"),
        m(cuifu::Role::Agent, "亲，这支是检测过的实价啦"),
        m(cuifu::Role::Buyer, "1800行不行 别家也就1800左右"),
    ];
    ctx.order.amount = 2100.0;
    ctx.shop.as_mut().unwrap().coupon = Some("满2000减60".into());
    let s = cuifu::suggest(&ctx).unwrap();
    assert_eq!(s.reason.code, ReasonCode::PriceBargain);
    assert!(!s.lines[0].text.contains('【'), "{:?}", s.lines);
}

#[test]
fn words_that_ask_nothing_open_no_slot() {
    // seed 002 (答非所问) and the X1 review (x08, x09, x23): a worry said
    // (但还是有点担心), a nudge (问你们呢) and a decision left to someone
    // else (付不付老板定) are not questions to answer.
    for text in [
        "我先拍下了 但还是有点担心",
        "问你们呢 装不装",
        "我是前台 帮老板拍的 付不付老板定",
    ] {
        let s = cuifu::suggest(&said(Locale::ZhCn, text)).unwrap();
        for bad in ["【但还是有点担心", "【问你们呢", "【付不付老板定"] {
            assert!(
                s.lines.iter().all(|l| !l.text.contains(bad)),
                "{text}: {:?}",
                s.lines
            );
        }
    }
}

#[test]
fn a_buyer_who_asks_whether_the_order_is_cancelled_is_told_when_it_closes() {
    // seed 001 (订单关闭时间) and the X1 review (x29): 不會被取消吧 asks to
    // keep the order, it does not cancel it; the line says until when.
    let s = cuifu::suggest(&said(
        Locale::ZhTw,
        "悠遊付裡面只剩兩百多 下班去7-11儲值完再付 不會被取消吧",
    ))
    .unwrap();
    assert_ne!(s.reason.code, ReasonCode::ChangedMind);
    assert_ne!(s.action, Action::Stop);
    assert!(s.lines[0].text.contains("前付款都可以"), "{:?}", s.lines);
}

#[test]
fn a_buyer_who_will_get_in_touch_is_not_chased() {
    // seed 000 (不要咄咄逼人) and the X1 review (x23): 有消息我会找你们.
    let s = cuifu::suggest(&said(
        Locale::ZhCn,
        "付不付老板定 他出差了 有消息我会找你们",
    ))
    .unwrap();
    assert_eq!(s.action, Action::Stop);
    assert!(s.send_at.is_none());
}

#[test]
fn the_shop_answer_does_not_say_qin_twice() {
    // The X1 review (x07, x28): 亲～可以的亲 is a seam.
    let t = answered(
        Locale::ZhCn,
        "发中通的话那15块能去掉吗",
        &["中通"],
        "可以的亲，发中通就不用补那15元啦",
    );
    assert!(t.contains("可以的，发中通") && !t.contains("的亲"), "{t}");
}

#[test]
fn a_time_of_buying_elsewhere_is_no_time_to_pay() {
    // The X1 review (x31): 不然我週末去好市多買 says when the buyer would buy
    // elsewhere; the line answers the discount question, it does not warn
    // that the order closes before "the time the buyer named".
    let s = cuifu::suggest(&said(
        Locale::ZhTw,
        "我剛剛看好市多一樣的大包裝比較便宜耶 你們有什麼優惠嗎 不然我週末去好市多買",
    ))
    .unwrap();
    for l in &s.lines {
        assert!(!l.text.contains("比您說的時間"), "{}", l.text);
    }
    assert!(
        s.warnings
            .iter()
            .all(|w| w.code != "named_time_after_close"),
        "{:?}",
        s.warnings
    );
}

#[test]
fn an_answer_after_a_wait_of_twenty_minutes_says_sorry() {
    // seed 002 (回复要及时) and the X1 review (x09, x13, x28): an answer
    // 23 to 50 minutes after the question says sorry for the slow reply;
    // one after a few minutes does not.
    let top = |at: &str| {
        let mut ctx = asked(Locale::ZhCn, "这件有黑色吗");
        ctx.messages[0].at = Some(at.into());
        cuifu::suggest(&ctx).unwrap().lines[0].text.clone()
    };
    let late = top("2026-11-24T14:30:00+08:00");
    assert!(late.contains("回复晚了"), "{late}");
    let quick = top("2026-11-24T14:55:00+08:00");
    assert!(!quick.contains("回复晚了"), "{quick}");
}
