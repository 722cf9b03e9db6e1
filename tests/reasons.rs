//! The reason detector and the conversation signals, table-driven.
//! Cases cite the seed a rule comes from (../shared/seeds/000..003).

use cuifu::core::input::{format_time, Input};
use cuifu::core::reason::{analyze, Analysis};
use cuifu::{ChatContext, Message, Order, ReasonCode, Role};

const NOW: &str = "2026-11-24T15:00:00+08:00"; // a Tuesday

fn msg(from: Role, text: &str) -> Message {
    Message {
        from,
        text: text.into(),
        at: None,
    }
}

fn ctx_at(now: &str, msgs: &[(Role, &str)]) -> ChatContext {
    ChatContext {
        now: Some(now.into()),
        order: Order {
            placed_at: "2026-11-24T09:30:00+08:00".into(),
            amount: 99.0,
            ..Order::default()
        },
        messages: msgs.iter().map(|(r, t)| msg(*r, t)).collect(),
        ..ChatContext::default()
    }
}

fn run_at(now: &str, msgs: &[(Role, &str)]) -> Analysis {
    let ctx = ctx_at(now, msgs);
    let input = Input::read(&ctx, None).expect("valid context");
    analyze(&input)
}

fn run(msgs: &[(Role, &str)]) -> Analysis {
    run_at(NOW, msgs)
}

fn buyer(text: &str) -> Analysis {
    run(&[(Role::Buyer, text)])
}

use Role::{Agent as A, Buyer as B};

/// Each text, alone from the buyer, shows no reason.
fn no_reason(texts: &[&str]) {
    for text in texts {
        assert_eq!(buyer(text).reason.code, ReasonCode::Unknown, "{text}");
    }
}

fn code(s: &str) -> ReasonCode {
    ReasonCode::parse(s).expect("a reason code")
}

#[test]
fn every_code_in_three_languages() {
    // (code, simplified, traditional, English)
    let cases: &[(&str, &str, &str, &str)] = &[
        // seed 001: 客观原因 支付宝余额不足 — ask when they can top up.
        (
            "insufficient_balance",
            "这个月钱不够了，过几天再说",
            "餘額不足，晚點再付",
            "Sorry, not enough money on my card",
        ),
        // seed 001: 客观原因 忘记密码.
        (
            "forgot_password",
            "支付密码忘了怎么办",
            "我忘記密碼了",
            "I forgot my password",
        ),
        // seed 001 / 000: 新手买家, 不懂得操作.
        (
            "novice_buyer",
            "我不会付款，能教我吗",
            "第一次網購，不知道怎麼付",
            "How do I pay for this?",
        ),
        // seed 001: 支付宝网银升级.
        (
            "payment_system_issue",
            "支付宝一直显示系统繁忙",
            "網銀升級了付不了",
            "The payment page shows an error",
        ),
        // seed 000: 付款时遇到困难.
        (
            "payment_trouble",
            "付款有问题",
            "一直收不到驗證碼",
            "I have trouble paying",
        ),
        // seed 001: 议价不成功 (那就不能再便宜点了吗).
        (
            "price_bargain",
            "那就不能再便宜点了吗",
            "太貴了，可以打個折嗎",
            "Can you give me a discount?",
        ),
        // seed 000: 邮费没有达成一致.
        (
            "shipping_fee",
            "包邮吗",
            "運費怎麼這麼貴",
            "Is there free shipping?",
        ),
        // seed 001: 还有疑虑.
        (
            "product_doubt",
            "质量怎么样",
            "這個是正品嗎",
            "Is it genuine?",
        ),
        // seed 001: 另寻商家 (比别人家的贵); seed 003: 貨比三家.
        (
            "comparing_shops",
            "为什么你家这个比别人家的贵",
            "我再貨比三家",
            "I found it cheaper elsewhere",
        ),
        // seed 002: 买家等待客服回复.
        (
            "waiting_reply",
            "人呢？",
            "有人在嗎",
            "Hello? Anyone there?",
        ),
        // seed 001: 心存不满 / 服务未完善.
        (
            "service_unhappy",
            "你们客服态度太差了",
            "服務很差，我要投訴",
            "Your service is terrible, I want to complain",
        ),
        // seed 001: 多笔订单,合并修改邮费.
        (
            "order_merge",
            "两个订单能合并吗",
            "可以一起寄嗎",
            "Can you combine my orders?",
        ),
        // seed 000: 礼品没有达成一致; seed 001: 赠优惠券、赠品.
        (
            "gift_or_promo",
            "有赠品吗",
            "現在有什麼活動",
            "Is there a free gift?",
        ),
        // seed 001: 发货时间.
        (
            "delivery_question",
            "什么时候发货",
            "幾天能到",
            "When will it ship?",
        ),
        // seed 000: 拍错了 / 拍下产品之后不想要了.
        (
            "changed_mind",
            "拍错了，不要了",
            "我不想要了",
            "I ordered by mistake",
        ),
    ];
    for (c, zh, tw, en) in cases {
        for text in [zh, tw, en] {
            let a = buyer(text);
            assert_eq!(a.reason.code, code(c), "{text}");
            assert!(!a.reason.evidence.is_empty(), "{text}: evidence");
        }
    }
}

#[test]
fn silent_and_unknown() {
    // seed 000 / 001: 未询单 (静默下单) — no buyer message at all.
    let a = run(&[]);
    assert_eq!(a.reason.code, ReasonCode::SilentOrder);
    assert!(!a.signals.consulted);
    // An agent's hidden reminder alone is not a conversation.
    let a = run(&[(A, "亲，核对一下地址哦")]);
    assert_eq!(a.reason.code, ReasonCode::SilentOrder);
    // Chatted, but nothing shows a cause.
    for text in ["好的", "謝謝", "ok thanks", "嗯嗯 😊"] {
        let a = buyer(text);
        assert_eq!(a.reason.code, ReasonCode::Unknown, "{text}");
        assert!(a.signals.consulted);
        assert!(a.reason.confidence < 0.5);
    }
}

#[test]
fn negation_cancels_statements_not_questions() {
    let cases: &[(&str, &str)] = &[
        ("这个不贵", "unknown"),
        ("價格不貴", "unknown"),
        ("it's not expensive", "unknown"),
        ("不是不想买，是钱不够", "insufficient_balance"),
        ("价格不贵，就是不会付款", "novice_buyer"),
        ("质量没问题，就是太贵了", "price_bargain"),
        // A negated question still asks: 不包邮吗 is about postage.
        ("不包邮吗？", "shipping_fee"),
        ("没有优惠吗", "price_bargain"),
        // A-not-A questions are not negations.
        ("能不能用花呗", "novice_buyer"),
    ];
    for (text, c) in cases {
        assert_eq!(buyer(text).reason.code, code(c), "{text}");
    }
}

#[test]
fn pings_greeting_versus_waiting() {
    // Labelling rule: one opening 在吗 is a greeting.
    let a = buyer("在吗");
    assert_eq!(a.reason.code, ReasonCode::Unknown);
    assert_eq!(a.signals.open_question, Some(0));
    // The model, which reads pings as waiting, does not overrule that for a
    // ping alone; urgency, 还在吗 or whether anyone is there at all wait.
    for text in ["在不", "在?", "在不在呀亲", "hello?"] {
        assert_eq!(buyer(text).reason.code, ReasonCode::Unknown, "{text}");
    }
    for text in ["在不在 急", "有人在嗎", "hello??"] {
        assert_eq!(buyer(text).reason.code, ReasonCode::WaitingReply, "{text}");
    }
    // seed 002: repeated pings are a buyer waiting for an answer.
    assert_eq!(buyer("在吗 在吗").reason.code, ReasonCode::WaitingReply);
    let a = run(&[(B, "在吗"), (B, "在吗？")]);
    assert_eq!(a.reason.code, ReasonCode::WaitingReply);
    assert_eq!(a.reason.evidence[0].message_index, 1);
    // A ping after the agent already spoke checks whether anyone is there.
    let a = run(&[(A, "亲，在的"), (B, "你好在吗")]);
    assert_eq!(a.reason.code, ReasonCode::WaitingReply);
    // A complaint of no reply.
    assert_eq!(
        buyer("问了半天都没人回").reason.code,
        ReasonCode::WaitingReply
    );
}

#[test]
fn a_cause_in_the_content_wins_over_waiting() {
    // api.md: an unanswered 质量怎么样 is product_doubt.
    assert_eq!(buyer("质量怎么样？").reason.code, ReasonCode::ProductDoubt);
    // A bare question with no cause shows no reason: unknown, answered
    // first (the open question).
    let a = buyer("你们几点下班？");
    assert_eq!(a.reason.code, ReasonCode::Unknown);
    assert_eq!(a.signals.open_question, Some(0));
}

#[test]
fn an_agent_answer_resolves_the_wait() {
    let a = run(&[(B, "在吗"), (B, "在吗"), (A, "在的亲，请问有什么可以帮您")]);
    assert_eq!(a.reason.code, ReasonCode::Unknown);
    assert_eq!(a.signals.open_question, None);
    let a = run(&[(B, "你们几点下班？"), (A, "晚上十点哦")]);
    assert_eq!(a.reason.code, ReasonCode::Unknown);
    // The cause stays when the agent answers: the doubt is still why.
    let a = run(&[(B, "质量怎么样？"), (A, "质量很好的亲")]);
    assert_eq!(a.reason.code, ReasonCode::ProductDoubt);
    assert_eq!(a.signals.open_question, None);
    // ... until the buyer takes the answer (好的 / 謝謝 / ok thanks) and says no more.
    for ack in ["好的 谢谢", "好喔 了解", "ok thanks"] {
        let a = run(&[(B, "质量怎么样？"), (A, "质量很好的亲"), (B, ack)]);
        assert_eq!(a.reason.code, ReasonCode::Unknown, "{ack}");
    }
    // A taken answer settles only what came before it.
    let a = run(&[(B, "包邮吗"), (A, "包邮的"), (B, "好的，那有赠品吗")]);
    assert_eq!(a.reason.code, ReasonCode::GiftOrPromo);
    // Question marks alone after an unanswered question are a ping.
    let a = run(&[(B, "这款有黑色吗"), (B, "??")]);
    assert_eq!(a.reason.code, ReasonCode::WaitingReply);
    assert_eq!(a.signals.open_question, Some(1));
}

#[test]
fn the_latest_messages_weigh_most() {
    let a = run(&[
        (B, "太贵了"),
        (A, "亲，已经是最低价了"),
        (B, "什么时候发货"),
    ]);
    assert_eq!(a.reason.code, ReasonCode::DeliveryQuestion);
    let a = run(&[(B, "什么时候发货"), (A, "今天就发"), (B, "还是太贵了")]);
    assert_eq!(a.reason.code, ReasonCode::PriceBargain);
}

#[test]
fn after_sales_talk_is_not_a_cause() {
    // Labelling rule: returns after delivery are not changed_mind, and
    // questions inside after-sales talk are not why an order is unpaid.
    for text in [
        "退货的运费谁出？",
        "已经付款了，什么时候发货",
        "收到货了，质量不错",
    ] {
        assert_eq!(buyer(text).reason.code, ReasonCode::Unknown, "{text}");
    }
    // An agent talking about a return makes the buyer's postage question one too.
    let a = run(&[(A, "亲，不合适可以退的"), (B, "那运费谁出")]);
    assert_eq!(a.reason.code, ReasonCode::Unknown);
    // Complaints still count.
    assert_eq!(
        buyer("退款申请了三天了，客服态度太差").reason.code,
        ReasonCode::ServiceUnhappy
    );
    // Clicked by mistake but wants to keep the order: not changed_mind.
    assert_ne!(buyer("点错了，别取消").reason.code, ReasonCode::ChangedMind);
    // After the agent's word that the parcel went out or arrived, the
    // buyer's talk is about a paid order: 不要了 is a return, a coupon or
    // a parcel question is no reason this order is unpaid.
    for (agent, text) in [
        (
            "亲 包裹显示已签收，宝贝还满意吗？",
            "颜色跟图片差太多了 不要了 退货吧",
        ),
        ("包裹已送達，有問題再跟我們說喔", "不要了 可以退貨嗎"),
        ("亲 是要申请退货退款吗？", "不要了"),
        (
            "亲 您的包裹已经发出啦，单号123",
            "优惠券怎么领的 我同事也想买",
        ),
        ("亲，已经为您发货了哦", "有没有运费险"),
        (
            "Your parcel has been delivered. Hope you like it!",
            "the freebie was missing",
        ),
    ] {
        let a = run(&[(A, agent), (B, text)]);
        assert_eq!(a.reason.code, ReasonCode::Unknown, "{agent} / {text}");
    }
    // Said paid after it: the buyer has paid (traditional script too).
    for text in [
        "不用了谢谢 付过了",
        "上次那单拍错了 已经退了 这单没问题的 付了",
    ] {
        assert_ne!(buyer(text).reason.code, ReasonCode::ChangedMind, "{text}");
    }
    let a = run(&[
        (A, "感謝您的付款！我們會盡快出貨～"),
        (B, "7-11店到店大概幾天會到"),
    ]);
    assert_eq!(a.reason.code, ReasonCode::Unknown);
    assert_eq!(
        buyer("已发货 为啥查不到物流").reason.code,
        ReasonCode::Unknown
    );
    // Paid first (another order), then declining this one: still a
    // changed mind.
    for text in [
        "小程序付过了 这个不用了",
        "我用另一个号已经拍了付过了 这单是重复的 不用管",
    ] {
        assert_eq!(buyer(text).reason.code, ReasonCode::ChangedMind, "{text}");
    }
    // A return offered before paying is no such word: 不要了 after it is
    // still a changed mind, and so is one after a reminder.
    for agent in ["亲，不合适可以退的", "亲 订单还没付款哦 付款后当天发货"]
    {
        let a = run(&[(A, agent), (B, "那还是不要了")]);
        assert_eq!(a.reason.code, ReasonCode::ChangedMind, "{agent}");
    }
}

#[test]
fn spacing_width_and_placeholders() {
    assert_eq!(
        buyer("余 额 不 足").reason.code,
        ReasonCode::InsufficientBalance
    );
    assert_eq!(
        buyer("ＷＨＥＮ ＷＩＬＬ ＩＴ ＳＨＩＰ？").reason.code,
        ReasonCode::DeliveryQuestion
    );
    let text = "我买了[数字x]件，运费怎么算#E-s[数字x]";
    let a = buyer(text);
    assert_eq!(a.reason.code, ReasonCode::ShippingFee);
    let ev = &a.reason.evidence[0];
    assert_eq!(ev.text, "运费");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(String::from_utf16_lossy(&utf16[ev.start..ev.end]), "运费");
    assert_eq!(buyer("[姓名x]你好 #E-s21").reason.code, ReasonCode::Unknown);
}

#[test]
fn evidence_points_into_the_message() {
    let text = "亲，😊太贵了";
    let a = run(&[(A, "您好"), (B, text)]);
    let ev = &a.reason.evidence[0];
    assert_eq!((ev.message_index, ev.text.as_str()), (1, "太贵"));
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(String::from_utf16_lossy(&utf16[ev.start..ev.end]), "太贵");
}

#[test]
fn confidence_follows_the_evidence() {
    let strong = buyer("余额不足，钱不够，发工资再买").reason.confidence;
    let clear = buyer("太贵了").reason.confidence;
    let vague = buyer("能减吗还是送").reason.confidence;
    let old = run(&[(B, "太贵了"), (B, "好的"), (B, "嗯嗯")])
        .reason
        .confidence;
    assert!(strong > clear, "{strong} > {clear}");
    assert!(clear > old, "{clear} > {old}");
    let weak = buyer("减").reason.confidence;
    assert!(clear > weak && weak < 0.5, "{clear} > {weak}");
    assert!(vague < strong);
    for c in [strong, clear, vague, old, weak] {
        assert!((0.0..=1.0).contains(&c));
    }
}

#[test]
fn stop_requests() {
    for text in [
        "别再发了",
        "不要催了好吗",
        "别再打扰我了，烦",
        "別再發了",
        "Please stop messaging me",
    ] {
        assert_eq!(buyer(text).signals.stop_request, Some(0), "{text}");
    }
    let a = run(&[(B, "好的"), (A, "亲记得付款哦"), (B, "知道了，不要再催了")]);
    assert_eq!(a.signals.stop_request, Some(2));
    assert_eq!(buyer("催一下发货").signals.stop_request, None);
    // Not wanting calls is a wish about the channel (the `imOnly` flag of
    // `said.tsv`), not a request to stop.
    assert_eq!(buyer("别打电话了，旺旺说").signals.stop_request, None);
}

#[test]
fn open_question_is_the_latest_unanswered() {
    let a = run(&[
        (B, "有现货吗"),
        (A, "有的"),
        (B, "好的"),
        (B, "那什么时候发？"),
    ]);
    assert_eq!(a.signals.open_question, Some(3));
    let a = run(&[(B, "有现货吗"), (A, "有的")]);
    assert_eq!(a.signals.open_question, None);
    // An A-not-A question asks without 吗 (002: answer the buyer first).
    for q in ["这个毛衣起不起球啊", "有没有大一码的", "能不能便宜点呀"] {
        assert_eq!(run(&[(B, q)]).signals.open_question, Some(0), "{q}");
    }
    let a = run(&[(B, "有现货吗"), (A, "有的"), (B, "好的")]);
    assert_eq!(a.signals.open_question, None);
}

fn named(now: &str, text: &str) -> Option<String> {
    run_at(now, &[(B, text)])
        .signals
        .named_time
        .map(|t| format_time(t.at))
}

#[test]
fn named_times_resolve_in_the_shop_offset() {
    let morning = "2026-11-24T10:00:00+08:00";
    let cases: &[(&str, &str, Option<&str>)] = &[
        (NOW, "晚上8点付", Some("2026-11-24T20:00:00+08:00")),
        (NOW, "明天付", Some("2026-11-25T10:00:00+08:00")),
        (morning, "下午三点付款", Some("2026-11-24T15:00:00+08:00")),
        (morning, "三点半再拍", Some("2026-11-24T15:30:00+08:00")),
        // seed 001 phone script: 我等下会上线支付的.
        (NOW, "我等下會上線支付的", Some("2026-11-24T15:30:00+08:00")),
        (NOW, "等会儿付", Some("2026-11-24T15:30:00+08:00")),
        (NOW, "明天晚上8點付", Some("2026-11-25T20:00:00+08:00")),
        (NOW, "周五再拍", Some("2026-11-27T10:00:00+08:00")),
        // 下周: the week after this one, which starts on Monday (NOW is a
        // Tuesday: 下周一 is six days on, 下周日 twelve).
        (NOW, "下周一再付", Some("2026-11-30T10:00:00+08:00")),
        (NOW, "下周日再付", Some("2026-12-06T10:00:00+08:00")),
        (
            "2026-11-29T15:00:00+08:00",
            "下周一再付",
            Some("2026-11-30T10:00:00+08:00"),
        ),
        (NOW, "I'll pay tonight", Some("2026-11-24T20:00:00+08:00")),
        (
            NOW,
            "will pay tomorrow morning",
            Some("2026-11-25T09:00:00+08:00"),
        ),
        (NOW, "pay at 9pm", Some("2026-11-24T21:00:00+08:00")),
        (NOW, "15号发工资再买", Some("2026-12-15T10:00:00+08:00")),
        // Questions and "a little" are not named times.
        (NOW, "明天能到吗", None),
        (NOW, "便宜一点吧", None),
        (NOW, "明天不买了", None),
        (NOW, "好的", None),
        // A day that is not for paying: buying was said of something else.
        (NOW, "给我妈买的 她下周六60大寿", None),
        (
            NOW,
            "明天晚上，到时候再拍",
            Some("2026-11-25T20:00:00+08:00"),
        ),
        // Asking leave to pay then names the time; asking whether it can
        // ship then does not (seed 001: 了解买家方便充值时间).
        (NOW, "明天付可以吗", Some("2026-11-25T10:00:00+08:00")),
        (
            NOW,
            "能帮我留到明天吗 今天卡里没钱了",
            Some("2026-11-25T10:00:00+08:00"),
        ),
        (
            NOW,
            "公司报销要下周一才批下来 到时候再付可以吗",
            Some("2026-11-30T10:00:00+08:00"),
        ),
        (
            NOW,
            "my mom's paying, she's back friday. can u hold it till then?",
            Some("2026-11-27T10:00:00+08:00"),
        ),
        (NOW, "还有货吗 今天拍今天能发不", None),
        (NOW, "明天拍明天能到吗", None),
    ];
    for (now, text, want) in cases {
        assert_eq!(named(now, text).as_deref(), *want, "{text}");
    }
}

#[test]
fn a_named_time_counts_from_when_it_was_said() {
    let mut ctx = ctx_at(NOW, &[(B, "明天付")]);
    ctx.messages[0].at = Some("2026-11-23T21:00:00+08:00".into());
    let input = Input::read(&ctx, None).unwrap();
    let t = analyze(&input).signals.named_time.unwrap();
    assert_eq!(format_time(t.at), "2026-11-24T10:00:00+08:00");
    assert_eq!((t.message_index, t.text.as_str()), (0, "明天付"));
}

#[test]
fn payday_without_a_clock_time() {
    // seed 001: 了解买家方便充值时间,提前再次催付 — pay day has no hour.
    let a = buyer("发工资了再买");
    assert_eq!(a.signals.payday, Some(0));
    assert!(a.signals.named_time.is_none());
    assert_eq!(a.reason.code, ReasonCode::InsufficientBalance);
    assert_eq!(buyer("I'll buy it when I get paid").signals.payday, Some(0));
}

#[test]
fn never_panics_on_odd_text() {
    let long = "在吗".repeat(500);
    for text in [
        "",
        " ",
        "[",
        "[数字x",
        "#E-s",
        "#E-s[",
        "]]]]",
        "\u{200D}\u{FE0F}",
        "１２３４５６７８９０点付",
        "99999999999999999999点付",
        "十十十点付",
        "8:",
        ":30付",
        "号号号",
        "31号付",
        long.as_str(),
    ] {
        let _ = buyer(text);
        let _ = run(&[(A, text), (B, text), (A, text)]);
    }
}

#[test]
fn declined_versus_hesitating() {
    // seed 000: 拍下产品之后不想要了 — don't force; hesitation leaves the door open.
    let a = buyer("拍错了，不要了");
    assert_eq!(a.reason.code, ReasonCode::ChangedMind);
    assert_eq!(a.signals.declined, Some(0));
    // Holding back without a cause is `unknown` (the labelling rules: "我再
    // 想想"), read as thinking it over.
    let a = buyer("我再考虑一下");
    assert_eq!(a.reason.code, ReasonCode::Unknown);
    assert_eq!(a.signals.declined, None);
    assert!(a.signals.said.thinking);
}

#[test]
fn traditional_phrases_fold_to_simplified() {
    // seed 003 is seed 000 in traditional characters.
    assert_eq!(
        buyer("甚麼時候發貨？").reason.code,
        ReasonCode::DeliveryQuestion
    );
    assert_eq!(
        buyer("這個質量怎麼樣").reason.code,
        ReasonCode::ProductDoubt
    );
    assert_eq!(
        buyer("帳戶餘額不夠").reason.code,
        ReasonCode::InsufficientBalance
    );
    // seed 003 speaks Taiwan usage: 起毛球, 免運, 超商取貨, 刷卡, 轉帳 (帳 folds to 账).
    let cases: &[(&str, &str)] = &[
        ("這個會不會起毛球啊?", "product_doubt"),
        ("洗了會不會縮水", "product_doubt"),
        ("有免運嗎", "shipping_fee"),
        ("運費太貴了", "shipping_fee"),
        ("可以超商取貨嗎", "delivery_question"),
        ("信用卡刷卡被拒絕", "payment_trouble"),
        ("網銀一直當機", "payment_system_issue"),
        ("月底領薪水再買", "insufficient_balance"),
        ("我忘記密碼了，要重設", "forgot_password"),
        ("下單錯了", "changed_mind"),
        ("我考慮一下", "unknown"),
        ("客服態度很爛", "service_unhappy"),
        ("兩筆訂單可以合併嗎", "order_merge"),
    ];
    for (text, want) in cases {
        assert_eq!(buyer(text).reason.code, code(want), "{text}");
    }
}

#[test]
fn english_buyer_words() {
    let cases: &[(&str, &str)] = &[
        ("does it run small?", "product_doubt"),
        ("is shipping free?", "shipping_fee"),
        ("I found it cheaper on ebay", "comparing_shops"),
        ("my card keeps getting declined", "payment_trouble"),
        (
            "I don't have enough money till Friday",
            "insufficient_balance",
        ),
        ("forgot my PIN", "forgot_password"),
        ("where is the pay button?", "novice_buyer"),
        ("can you combine my orders", "order_merge"),
        ("is it authentic?", "product_doubt"),
        // Praise and negation are no cause.
        ("not expensive at all", "unknown"),
        ("thanks, already paid", "unknown"),
    ];
    for (text, want) in cases {
        assert_eq!(buyer(text).reason.code, code(want), "{text}");
    }
}

#[test]
fn praise_is_no_doubt() {
    no_reason(&[
        "上次买的很好用",
        "很便宜，不错",
        "這個很好吃",
        "不贵，挺划算",
    ]);
    // A question word inside a word that does not ask (好几次, 没什么).
    for text in ["在你家买了好几次了", "没什么问题"] {
        let a = buyer(text);
        assert_eq!(a.reason.code, ReasonCode::Unknown, "{text}");
        assert_eq!(a.signals.open_question, None, "{text}");
    }
    // Asking still counts.
    assert_eq!(buyer("好用吗").reason.code, ReasonCode::ProductDoubt);
    assert_eq!(buyer("划算吗").reason.code, ReasonCode::PriceBargain);
}

#[test]
fn chinese_numeral_hours() {
    let morning = "2026-11-24T09:00:00+08:00";
    let cases: &[(&str, &str)] = &[
        ("十点付", "2026-11-24T10:00:00+08:00"),
        ("十二点付", "2026-11-24T12:00:00+08:00"),
        ("晚上十一点付", "2026-11-24T23:00:00+08:00"),
        ("二十点付", "2026-11-24T20:00:00+08:00"),
        ("两点付", "2026-11-24T14:00:00+08:00"),
        ("晚上八点半付", "2026-11-24T20:30:00+08:00"),
        ("8:45付款", "2026-11-24T20:45:00+08:00"),
    ];
    for (text, want) in cases {
        assert_eq!(named(morning, text).as_deref(), Some(*want), "{text}");
    }
}

#[test]
fn common_typos() {
    // 在 typed for 再 is everywhere in shop chats: 我在看看 = 我再看看.
    let a = buyer("好的我在看看");
    assert_eq!(a.reason.code, ReasonCode::Unknown);
    assert!(a.signals.said.thinking);
    assert_eq!(buyer("优惠卷怎么领").reason.code, ReasonCode::PriceBargain);
    assert_ne!(buyer("你在说什么").reason.code, ReasonCode::ChangedMind);
}

#[cfg(not(target_arch = "wasm32"))]
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    const POOL: &[&str] = &[
        "在吗",
        "人呢",
        "不",
        "没",
        "贵",
        "便宜点",
        "运费",
        "包邮",
        "质量",
        "拍错",
        "不要了",
        "吗",
        "?",
        "？",
        "，",
        " ",
        "\n",
        "[数字x]",
        "[姓名x]",
        "#E-s",
        "[",
        "]",
        "#",
        "1",
        "12",
        "8",
        "点",
        "半",
        "号",
        "明天",
        "晚上",
        "周五",
        "等会儿",
        "付",
        "买",
        "发工资",
        "十",
        "二",
        "一",
        "别再发了",
        "😊",
        "\u{200D}",
        "Ａ",
        "a",
        "pay",
        "tonight",
        "not",
        "don't",
        "花呗",
        "用不了",
        "密码",
        "忘",
        "退货",
        "已付款",
        "餘額",
        "不足",
        ":",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(0..POOL.len(), 0..24)
            .prop_map(|ix| ix.into_iter().map(|i| POOL[i]).collect::<String>())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn evidence_is_a_slice_of_the_message(a in text(), b in text(), agent_between in any::<bool>()) {
            let mut msgs = vec![(B, a.as_str())];
            if agent_between {
                msgs.push((A, "好的亲"));
            }
            msgs.push((B, b.as_str()));
            let out = run(&msgs);
            prop_assert!((0.0..=1.0).contains(&out.reason.confidence));
            for ev in &out.reason.evidence {
                let m = msgs[ev.message_index].1;
                let utf16: Vec<u16> = m.encode_utf16().collect();
                prop_assert!(ev.start <= ev.end && ev.end <= utf16.len());
                prop_assert_eq!(String::from_utf16_lossy(&utf16[ev.start..ev.end]), ev.text.clone());
            }
        }
    }
}

#[test]
fn hesitating_after_a_failed_bargain_is_still_the_price() {
    // seed 001: 议价不成功 — the buyer who says 我再看看 after the price talk
    // has not changed their mind; the price is why.
    let a = run(&[
        (B, "在吗"),
        (A, "在的亲"),
        (B, "能便宜点吗"),
        (A, "已经是活动价了"),
        (B, "那我再看看吧"),
    ]);
    assert_eq!(a.reason.code, ReasonCode::PriceBargain);
    assert_eq!(a.signals.declined, None);
}

#[test]
fn confirming_the_address_is_not_a_cause() {
    // seed 001: 拍下后10分钟 核对地址 (hidden reminder) — the buyer's yes is no reason.
    let a = run(&[(A, "亲，跟您核对一下地址：上海市XX路8号"), (B, "地址没错")]);
    assert_eq!(a.reason.code, ReasonCode::Unknown);
}

#[test]
fn a_payment_that_keeps_failing_is_trouble_paying() {
    // seed 001: 客观原因 付款遇到问题 — paying, then 失败 in the same clause.
    for text in [
        "付款的时候一直失败",
        "支付总是失败怎么办",
        "付款的時候一直失敗",
        "I tried paying but it failed",
    ] {
        assert_eq!(
            buyer(text).reason.code,
            ReasonCode::PaymentTrouble,
            "{text}"
        );
    }
}

#[test]
fn a_stock_question_is_about_the_goods() {
    // seed 001: 商品疑虑 — asking whether the item is in stock.
    for text in ["有现货吗", "还有货吗", "還有現貨嗎", "Is it in stock?"] {
        assert_eq!(buyer(text).reason.code, ReasonCode::ProductDoubt, "{text}");
    }
    // Stock tied to shipping stays a delivery question.
    assert_eq!(
        buyer("什么时候有货").reason.code,
        ReasonCode::DeliveryQuestion
    );
}

#[test]
fn english_fabric_questions_are_doubts() {
    for text in ["Is the fabric see-through?", "Is this shirt see through?"] {
        assert_eq!(buyer(text).reason.code, ReasonCode::ProductDoubt, "{text}");
    }
}

#[test]
fn praising_the_colour_is_no_doubt() {
    for text in ["这个颜色好看", "這個顏色好看", "款式很喜欢"] {
        assert_ne!(buyer(text).reason.code, ReasonCode::ProductDoubt, "{text}");
    }
    // Asking about the colour still is.
    assert_eq!(buyer("什么颜色好看").reason.code, ReasonCode::ProductDoubt);
}

#[test]
fn cancelling_an_after_sales_request_is_no_change_of_mind() {
    // What is cancelled is the return, not the order.
    for text in [
        "麻烦把退货申请取消掉 我不退了",
        "please cancel the refund request, i'll keep it",
    ] {
        assert_ne!(buyer(text).reason.code, ReasonCode::ChangedMind, "{text}");
    }
    // A mistake named beside saying it is paid, with a request after it.
    assert_ne!(
        buyer("拍错颜色了 已经付款了 能帮我改成黑色吗").reason.code,
        ReasonCode::ChangedMind
    );
    // Still a decline without them.
    assert_eq!(
        buyer("拍错颜色了 不要了").reason.code,
        ReasonCode::ChangedMind
    );
}

#[test]
fn paid_and_asking_about_shipping_is_after_sales() {
    // Already paid: the shipping question is after-sales, not why the order is unpaid.
    for text in [
        "付款了不能发货吗",
        "付了款怎么还没发货",
        "付過款了什麼時候發貨",
    ] {
        let c = buyer(text).reason.code;
        assert!(
            !matches!(
                c,
                ReasonCode::DeliveryQuestion | ReasonCode::ProductDoubt | ReasonCode::ShippingFee
            ),
            "{text}: {c:?}"
        );
    }
    // About to pay is not paid.
    assert_eq!(
        buyer("我去付款了，什么时候发货").reason.code,
        ReasonCode::DeliveryQuestion
    );
}

#[test]
fn asked_again_without_a_straight_answer_is_unhappy() {
    // seed 001: 服务不满 — repeated questions, no answer to the point.
    for text in [
        "问你三次了都不回答重点",
        "問你三次了都不回答重點",
        "问了好几次都没回答我的问题",
    ] {
        assert_eq!(
            buyer(text).reason.code,
            ReasonCode::ServiceUnhappy,
            "{text}"
        );
    }
}

/// Long runs of spaces once took time quadratic in their length (50
/// messages of 4,000 spaces: seconds per suggestion). A run reads as one
/// space: between ASCII words it is kept, inside Chinese text it breaks the
/// clause, however long it is.
#[test]
fn long_runs_of_spaces_read_as_one() {
    let wide = |s: &str| s.replace(' ', &" ".repeat(3_980));
    for text in ["能 便宜点吗", "cheaper please", "在吗 在吗", "a b"] {
        let short = run(&[(Role::Buyer, text)]);
        let long = run(&vec![(Role::Buyer, &*wide(text)); 50]);
        let few = run(&vec![(Role::Buyer, text); 50]);
        assert_eq!(long.reason.code, few.reason.code, "{text}");
        assert_eq!(
            long.reason
                .evidence
                .first()
                .map(|e| e.text.replace(' ', "")),
            few.reason.evidence.first().map(|e| e.text.replace(' ', "")),
            "{text}"
        );
        assert_eq!(
            short.signals.open_question.is_some(),
            long.signals.open_question.is_some()
        );
    }
    let spaces = run(&vec![(Role::Buyer, &*" ".repeat(4_000)); 50]);
    let space = run(&vec![(Role::Buyer, " "); 50]);
    assert_eq!(spaces.reason.code, space.reason.code);
    assert!(spaces.reason.evidence.is_empty() && space.reason.evidence.is_empty());
}

#[test]
fn a_threat_to_leave_on_a_condition_is_the_condition() {
    // Issue 12: never changed_mind (which stops reminding) when the buyer
    // leaves only if a condition fails.
    for (text, c) in [
        (
            "发北京多久能到?周六要用的,来不及我就不买了",
            "delivery_question",
        ),
        ("没有赠品就算了", "gift_or_promo"),
        ("不包邮就不要了", "shipping_fee"),
    ] {
        let a = buyer(text);
        assert_eq!(a.reason.code, code(c), "{text}");
        assert_eq!(a.signals.declined, None, "{text}");
    }
    // A plain change of mind stays one.
    assert_eq!(buyer("那就不要了").reason.code, ReasonCode::ChangedMind);
    assert_eq!(buyer("拍错了，不要了").reason.code, ReasonCode::ChangedMind);
}

#[test]
fn anger_at_being_ignored_is_the_service() {
    let a = run(&[(B, "有黑色吗"), (B, "问了一上午没人理")]);
    assert_eq!(a.reason.code, ReasonCode::ServiceUnhappy);
    assert_eq!(a.reason.evidence[0].message_index, 1);
    assert!(a.reason.others.contains(&ReasonCode::ProductDoubt));
    assert_eq!(
        buyer("你们客服态度这么差").reason.code,
        ReasonCode::ServiceUnhappy
    );
    // A bare repeated ping is waiting.
    assert_eq!(
        run(&[(B, "在吗"), (B, "人呢")]).reason.code,
        ReasonCode::WaitingReply
    );
}

#[test]
fn the_latest_unresolved_concern_decides() {
    // The agent answered the postage; the buyer's next question is the reason.
    let a = run(&[(B, "包邮吗"), (A, "亲，满99包邮的"), (B, "什么时候能发货")]);
    assert_eq!(a.reason.code, ReasonCode::DeliveryQuestion);
    assert_eq!(a.reason.evidence[0].message_index, 2);
    // Thanks after the answer settles it.
    let a = run(&[(B, "包邮吗"), (A, "亲，满99包邮的"), (B, "好的谢谢")]);
    assert_eq!(a.reason.code, ReasonCode::Unknown);
    // A state is not settled by an answer: the balance is still short.
    let a = run(&[(B, "余额不够了"), (A, "好的亲"), (B, "嗯嗯")]);
    assert_eq!(a.reason.code, ReasonCode::InsufficientBalance);
}

#[test]
fn several_concerns_give_a_primary_and_the_others() {
    let a = buyer("能便宜点吗？另外什么时候发货");
    assert_ne!(a.reason.code, ReasonCode::Unknown);
    let both = [ReasonCode::PriceBargain, ReasonCode::DeliveryQuestion];
    assert!(both.contains(&a.reason.code), "{:?}", a.reason.code);
    assert!(
        a.reason.others.iter().any(|c| both.contains(c)),
        "{:?}",
        a.reason.others
    );
    assert!(!a.reason.others.contains(&a.reason.code));
}

#[test]
fn a_long_chat_reads_only_the_open_messages() {
    // 1,000 messages: the model reads at most the last few open ones.
    let mut msgs: Vec<(Role, &str)> = Vec::new();
    for _ in 0..499 {
        msgs.push((B, "这个质量怎么样"));
        msgs.push((A, "亲，质量很好的"));
    }
    msgs.push((B, "好的"));
    msgs.push((B, "运费能便宜点吗"));
    let start = std::time::Instant::now();
    let a = run(&msgs);
    assert_eq!(a.reason.code, ReasonCode::ShippingFee);
    assert_eq!(a.reason.evidence[0].message_index, 999);
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
}

/// Asserts the reason of each single buyer message.
fn reads(cases: &[(&str, &str)]) {
    for (want, text) in cases {
        assert_eq!(buyer(text).reason.code, code(want), "{text}");
    }
}

#[test]
fn a_paid_statement_is_no_reason_but_a_plan_to_pay_is() {
    reads(&[
        ("unknown", "我付了 你们几号能发出来"),
        ("unknown", "钱付了哈 帮我发韵达"),
        ("unknown", "我昨天就付了 怎么还没发"),
        ("unknown", "paid! pls ship with the fast courier"),
        ("unknown", "i've paid, when does it ship?"),
        // A condition or a plan: the question still stands.
        ("shipping_fee", "包邮我就付了"),
        ("delivery_question", "付了之后几天能到"),
        ("delivery_question", "if i pay now when does it ship?"),
        // Under way is not done: the balance is still short.
        ("insufficient_balance", "已经在转了 卡里钱不够"),
    ]);
}

#[test]
fn after_sales_and_idle_questions_are_no_reason() {
    reads(&[
        ("unknown", "物流卡在广州三天了 帮我催催"),
        ("unknown", "支付宝怎么查账单 随便问问"),
        ("unknown", "方便加个微信吗 发图给你"),
        ("unknown", "买来送人的 包装好看点"),
        ("unknown", "门上的密码锁装好了 挺顺手"),
        ("forgot_password", "支付密码锁了 明天才能付"),
        ("gift_or_promo", "有赠品吗"),
    ]);
}

#[test]
fn praise_is_no_doubt_about_the_goods() {
    reads(&[
        ("unknown", "面料摸着很舒服 尺码也正好"),
        ("unknown", "同事推荐我来的"),
        ("product_doubt", "尺码偏小吗"),
        ("product_doubt", "好用吗"),
        // An explicit doubt beside the praise stands.
        ("product_doubt", "质量不错 就是不知道会不会起球"),
    ]);
}

#[test]
fn anger_at_a_third_party_and_solved_troubles_are_no_reason() {
    reads(&[
        ("unknown", "快递员态度好差 不过不关你们事"),
        ("service_unhappy", "客服态度好差"),
        ("unknown", "花呗额度不够的事解决了 已经付好了"),
        ("unknown", "密码找回来了 刚付完"),
        ("insufficient_balance", "额度不够 等下个月"),
    ]);
}

/// The buyer's own means failing (a declined card, a limit, a verification
/// the buyer cannot pass, 花呗 not opened, an expired 超商代碼) is payment
/// trouble; a failure of the platform or the bank for everyone stays a
/// system issue, and a named system cause wins over a bare failure.
#[test]
fn own_means_failing_is_payment_trouble() {
    reads(&[
        ("payment_trouble", "my card got declined"),
        ("payment_trouble", "the bank declined my payment again"),
        ("payment_trouble", "bank rejected it"),
        ("payment_trouble", "it says insufficient limit"),
        ("payment_trouble", "can't verify the OTP"),
        ("payment_trouble", "my visa doesn't work"),
        ("payment_trouble", "paypal wont accept my card"),
        ("payment_trouble", "face verification keeps failing"),
        ("payment_trouble", "hit my daily limit, card wont go thru"),
        ("payment_trouble", "花呗还没开通"),
        ("payment_trouble", "信用卡被拒了"),
        ("payment_trouble", "验证码发到旧手机号了"),
        ("payment_trouble", "刷脸一直不通过"),
        ("payment_trouble", "储蓄卡单笔限额不够这单"),
        ("payment_trouble", "超商代碼過期了"),
        ("payment_trouble", "我的金融卡不能刷"),
        ("payment_system_issue", "系统繁忙付不了"),
        ("payment_system_issue", "支付宝在升级"),
        ("payment_system_issue", "card declined, gateway error"),
        ("payment_system_issue", "付款失败 服务器错误"),
        ("payment_system_issue", "你们链接是不是坏了 我朋友也付不了"),
        // A check the buyer passed is no trouble.
        ("unknown", "人脸识别一次就过了 已经付好了"),
    ]);
}

/// Leaving because of the service is anger at the service, and a mistake on
/// an order the buyer says they paid is after-sales: neither is a change of
/// mind. A plain decline still is one.
#[test]
fn leaving_over_the_service_or_after_paying_is_no_changed_mind() {
    reads(&[
        ("service_unhappy", "说话这么不客气 不想买了"),
        ("service_unhappy", "问点事推三阻四的 不买了"),
        ("service_unhappy", "回复这么慢 我不要了"),
        ("service_unhappy", "這種服務 我不買了"),
        ("unknown", "已经付了 颜色拍错了 能帮我换成黑色吗"),
        ("changed_mind", "我在你们小程序已经下单付过了 这个不用了"),
        ("changed_mind", "颜色拍错了 不要了"),
        ("changed_mind", "不好意思 不想买了"),
    ]);
}

/// Labelling rule: repeated pings or a complaint of no reply are
/// waiting_reply; anger at being ignored or at the agent's attitude is
/// service_unhappy (zh-CN, zh-TW and English alike), and so is anger at
/// being reminded too often.
#[test]
fn anger_at_being_ignored_is_no_ping() {
    reads(&[
        ("waiting_reply", "在吗在吗"),
        ("waiting_reply", "有人吗??"),
        ("waiting_reply", "还没回"),
        ("service_unhappy", "问了半天没人理"),
        ("service_unhappy", "你们客服都死了吗"),
        ("service_unhappy", "什么态度啊你"),
        ("service_unhappy", "机器人回复有意思吗"),
        ("service_unhappy", "一直催 烦不烦啊"),
        ("service_unhappy", "消息看了也不回 已读不回是吧"),
        ("service_unhappy", "说了好几遍了 你们到底有没有看我发的"),
        ("service_unhappy", "等了一个钟才回我一句 还是废话"),
        ("service_unhappy", "已讀不回喔 很忙齁"),
        ("service_unhappy", "講話那麼兇幹嘛"),
        ("service_unhappy", "ur cs is useless"),
        ("service_unhappy", "this is the worst service i've had"),
        ("service_unhappy", "left on read again, great"),
        (
            "service_unhappy",
            "stop sending me templates and read my message",
        ),
        ("service_unhappy", "u keep rushing me, so pushy"),
    ]);
}

/// Labelling rule: a bare question waits for an answer only when nothing in
/// it names a cause; the model's clear leaning to one names it (a cause in
/// the content wins over waiting_reply).
#[test]
fn a_bare_question_with_a_subject_is_no_wait() {
    for text in ["会员有啥福利", "有没有尝鲜价"] {
        assert_ne!(buyer(text).reason.code, ReasonCode::WaitingReply, "{text}");
    }
    assert_eq!(
        run(&[(B, "请问一下"), (B, "人呢")]).reason.code,
        ReasonCode::WaitingReply
    );
}

/// Labelling rule: holding back without saying why shows no reason
/// (`unknown`); a leaving after a fact told (家里已经买了 所以就不要了) is a
/// decision, not a condition, so it stays changed_mind.
#[test]
fn hesitation_is_no_changed_mind_and_a_told_fact_no_condition() {
    reads(&[
        ("unknown", "有点犹豫 晚上跟老公商量下"),
        ("unknown", "let me think about it first"),
        ("unknown", "maybe later, busy now"),
        ("changed_mind", "家里已经买了一个 所以就不要了"),
        ("changed_mind", "单位年底已经发了一台 我就不买了"),
        ("delivery_question", "周五前到不了的话就不要了"),
    ]);
}

#[test]
fn an_hour_said_right_after_the_day_is_that_days_hour() {
    // seed 001 (约定时间 → 到时提醒) and the U1 review (u30): 禮拜天晚上回台北
    // 再付款, then 大概9點多到家 到時候再刷卡 a minute later, is Sunday 21:00,
    // not tomorrow's.
    let mut ctx = ctx_at(
        "2026-11-27T22:40:00+08:00",
        &[
            (B, "老闆 我明天要回高雄投票 禮拜天晚上回台北再付款喔"),
            (B, "大概9點多到家 到時候再刷卡"),
        ],
    );
    ctx.messages[0].at = Some("2026-11-27T22:16:00+08:00".into());
    ctx.messages[1].at = Some("2026-11-27T22:17:00+08:00".into());
    let input = Input::read(&ctx, None).expect("valid context");
    let at = analyze(&input)
        .signals
        .named_time
        .map(|t| format_time(t.at));
    assert_eq!(at.as_deref(), Some("2026-11-29T21:00:00+08:00"));
    // An hour alone, with no day before it, is the next such hour.
    assert_eq!(
        named("2026-11-27T22:40:00+08:00", "大概9点多到家 到时候再刷卡").as_deref(),
        Some("2026-11-28T21:00:00+08:00")
    );
}

#[test]
fn woken_by_a_reminder_is_anger_and_buying_elsewhere_a_decline() {
    // seed 000 (顾及买家情绪) and the U1 review (u40): an SMS that woke the
    // buyer is anger at the shop's contact; "I'll just buy it elsewhere"
    // declines the order, unless it is a condition (if …).
    let a = buyer("Your text message woke me up at 3am. Please don't contact me again, I'll just buy it elsewhere.");
    assert_eq!(a.reason.code, ReasonCode::ServiceUnhappy);
    assert!(a.signals.stop_request.is_some());
    assert_eq!(
        buyer("ok I'll just buy it elsewhere").reason.code,
        ReasonCode::ChangedMind
    );
    assert_ne!(
        buyer("if no free shipping I'll buy it elsewhere")
            .reason
            .code,
        ReasonCode::ChangedMind
    );
    assert_eq!(
        buyer("半夜发消息把我吵醒了").reason.code,
        ReasonCode::ServiceUnhappy
    );
}

#[test]
fn a_time_in_a_clause_about_a_day_gone_by_is_no_time_to_pay() {
    // seed 001 (约定时间 → 到时提醒: only a time the buyer gives for paying)
    // and the U1 review (u34): 我昨天晚上就轉帳了 says when it was done;
    // 昨天客服说今天付明天就到 quotes the agent.
    let now = "2026-12-02T10:30:00+08:00";
    for text in [
        "我昨天晚上就轉帳了啊！！是不是你們系統有問題",
        "昨天客服说今天付明天就到 真的明天能到吗",
        "I paid last night already",
    ] {
        assert_eq!(named(now, text), None, "{text}");
    }
    // A day gone by in another clause leaves the time to pay.
    assert_eq!(
        named(now, "昨天忘了 今天晚上8点付").as_deref(),
        Some("2026-12-02T20:00:00+08:00")
    );
}

#[test]
fn paid_or_solved_with_nothing_else_settles_the_concerns_before() {
    // domain: a paid order gets no reminder; issue 12 (a concern the chat
    // has settled is resolved). A buyer who says it is paid, or that the
    // trouble is over, has no reason left, neither in the rules nor in the
    // model's reading of the messages before.
    use Role::{Agent, Buyer};
    for chat in [
        vec![
            (Buyer, "能再便宜点吗"),
            (Agent, "亲 给您申请了一张3元券 领一下哈"),
            (Buyer, "领到了 付啦"),
        ],
        vec![
            (Buyer, "付款页面一直转圈打不开"),
            (Agent, "亲 清一下缓存再试试哦"),
            (Buyer, "可以了 谢谢 已付"),
        ],
        vec![
            (Buyer, "支付密码忘记了 我去找回一下"),
            (Buyer, "找回来了 付好了"),
        ],
        vec![
            (Buyer, "forgot my pin, one sec"),
            (Buyer, "reset done, paid"),
        ],
    ] {
        let a = run(&chat);
        assert_eq!(a.reason.code, ReasonCode::Unknown, "{chat:?}");
    }
    // 可以 as a condition still makes it a plan.
    assert_ne!(
        run(&[(Buyer, "能包邮吗"), (Buyer, "包邮的话可以付了")])
            .reason
            .code,
        ReasonCode::Unknown
    );
}

#[test]
fn the_agents_word_that_the_order_is_paid_makes_the_talk_after_sales() {
    // domain: a paid order gets no reminder; issue 12 (after-sales talk is
    // no reason): after 您的订单已付款, 不要了 is about a gift or an add-on.
    use Role::{Agent, Buyer};
    for chat in [
        [
            (Agent, "亲 您的订单已付款 赠品会一起发出哦"),
            (Buyer, "赠品不要了 家里有"),
        ],
        [
            (Agent, "親 您的訂單已付款 加購第二件打8折喔"),
            (Buyer, "不用了 一件就好"),
        ],
    ] {
        assert_eq!(run(&chat).reason.code, ReasonCode::Unknown, "{chat:?}");
    }
    // Questions about an earlier purchase are after-sales too.
    no_reason(&[
        "买的那个电饭煲说明书找不到了 有电子版吗",
        "quality is great, will buy again",
        "how do i return this one, too big",
        "courier says nobody home, can u resend",
    ]);
}
