//! The compliance lint: every code, simplified and traditional, positive and
//! negative, with UTF-16 spans (what JS string indices use).

use cuifu::{lint, Channel, LintOptions, Locale, Warning};

fn check(text: &str) -> Vec<Warning> {
    lint(text, &LintOptions::default()).unwrap()
}

fn codes(text: &str) -> Vec<String> {
    check(text).into_iter().map(|w| w.code).collect()
}

/// The flagged text of each warning, cut out with the UTF-16 offsets.
fn spans(text: &str) -> Vec<(String, String)> {
    let units: Vec<u16> = text.encode_utf16().collect();
    check(text)
        .into_iter()
        .map(|w| {
            let (s, e) = (w.start.unwrap(), w.end.unwrap());
            (w.code, String::from_utf16(&units[s..e]).unwrap())
        })
        .collect()
}

fn one(text: &str, code: &str, word: &str) {
    assert_eq!(
        spans(text),
        vec![(code.to_string(), word.to_string())],
        "{text}"
    );
}

#[test]
fn extreme_words() {
    // seed 004: 极限词 如最、第一、最佳 违反广告法
    one("亲，这是全网最低价哦", "extreme_word", "全网最低价");
    one("親，這是全網最低價喔", "extreme_word", "全網最低價");
    one("我们家销量第一", "extreme_word", "第一");
    one("唯一正品渠道", "extreme_word", "唯一");
    one("頂級面料", "extreme_word", "頂級");
    one("国家级工艺", "extreme_word", "国家级");
    one("100%纯棉", "extreme_word", "100%");
    one("絕對正品", "extreme_word", "絕對");
    one("这是最佳选择", "extreme_word", "最佳");
    one("送礼首选", "extreme_word", "首选");
    one("萬能清潔劑", "extreme_word", "萬能");
    one("我们最美", "extreme_word", "最美");
    one("The lowest price online", "extreme_word", "lowest price");
}

#[test]
fn ordinary_words_are_not_claims() {
    for text in [
        "最近天气冷，注意保暖",
        "今天是活动最后一天",
        "最後一天囉",
        "最好今天付款，我们好安排发货",
        "您最好先量一下尺寸",
        "最多可以买3件",
        "最少买一件",
        "您是第一次来我们店吧",
        "付款后第一时间给您发货",
        "第一步打开我的订单",
        "最晚明天告诉我就行",
    ] {
        assert!(codes(text).is_empty(), "{text}: {:?}", check(text));
    }
}

#[test]
fn claims_depend_on_what_follows() {
    one("质量最好！", "extreme_word", "最好");
    one("最好的面料", "extreme_word", "最好");
    one("这款最好看", "extreme_word", "最好看");
    one("我们家优惠最大", "extreme_word", "最大");
    assert!(codes("最大码可以穿到140斤").is_empty());
}

#[test]
fn delivery_promises() {
    // seed 004: 快递到达时间随便承诺； seed 001's own 明天就可以收到 must be flagged
    one(
        "亲支付后我们就马上安排发货啦，明天就可以收到了呢",
        "delivery_promise",
        "明天就可以收到",
    );
    one("明天就到", "delivery_promise", "明天就到");
    one("保证后天到货", "delivery_promise", "保证后天到货");
    one("保證三天內送達", "delivery_promise", "保證三天內送達");
    one("24 小时送达", "delivery_promise", "24 小时送达");
    one("48小時送達", "delivery_promise", "48小時送達");
    one("顺丰次日达", "delivery_promise", "次日达");
    one(
        "It arrives tomorrow!",
        "delivery_promise",
        "arrives tomorrow",
    );
    for text in [
        "付款后我们会尽快安排发货",
        "保证质量，收到不满意可以退",
        "我们保证是正品",
        "付款後盡快出貨",
        "付款后当天发货",
    ] {
        assert!(codes(text).is_empty(), "{text}: {:?}", check(text));
    }
}

#[test]
fn pressure() {
    one("再不付款就取消订单了", "pressure", "再不付");
    one("再不付款就取消", "pressure", "再不付");
    one("這是最後通牒", "pressure", "最後通牒");
    one("最后通牒：今天必须付", "pressure", "最后通牒");
    one("不付款就关闭订单", "pressure", "不付款就");
    one("赶紧付款吧", "pressure", "赶紧付");
    one("趕快付款", "pressure", "趕快付");
    one("后果自负", "pressure", "后果自负");
    one("This is your final warning", "pressure", "final warning");
    for text in [
        "订单会在今晚10点自动关闭",
        "需要的话记得在这之前付款",
        "有问题随时找我",
    ] {
        assert!(codes(text).is_empty(), "{text}");
    }
}

#[test]
fn arguing() {
    // seed 004: 爭辯
    one("爱买不买", "argue", "爱买不买");
    one("愛買不買", "argue", "愛買不買");
    one("那你自己看着办吧", "argue", "你自己看着办");
    one("你自己看著辦", "argue", "你自己看著辦");
    one("是你自己没看清楚", "argue", "是你自己没看");
    one("嫌贵别买", "argue", "嫌贵别买");
    one("Take it or leave it.", "argue", "Take it or leave it");
    for text in ["理解您的顾虑", "您看什么时候方便付款", "不着急，您慢慢看"]
    {
        assert!(codes(text).is_empty(), "{text}");
    }
}

#[test]
fn spans_are_utf16_with_emoji_before() {
    // 🎁 and 😊 are two UTF-16 units each: offsets must count them so.
    let text = "🎁😊亲，全网最低价！";
    let w = check(text);
    assert_eq!(w.len(), 1);
    assert_eq!((w[0].start, w[0].end), (Some(6), Some(11)));
    let text = "亲~🎁 明天就到哦 👍 爱买不买";
    let w = check(text);
    assert_eq!(w[0].code, "delivery_promise");
    assert_eq!((w[0].start, w[0].end), (Some(5), Some(9)));
    assert_eq!(w[1].code, "argue");
    assert_eq!((w[1].start, w[1].end), (Some(14), Some(18)));
    assert_eq!(
        spans(text),
        vec![
            ("delivery_promise".into(), "明天就到".into()),
            ("argue".into(), "爱买不买".into())
        ]
    );
}

fn sms(text: &str, name: Option<&str>) -> Vec<Warning> {
    lint(
        text,
        &LintOptions {
            channel: Some(Channel::Sms),
            buyer_name: name.map(str::to_string),
            ..LintOptions::default()
        },
    )
    .unwrap()
}

#[test]
fn sms_length() {
    // seed 001: 短信 简明扼要、一条说完 (one message: 70 characters with Chinese)
    let ok = format!("王丽您好，{}", "好".repeat(65));
    assert_eq!(ok.chars().count(), 70);
    assert!(sms(&ok, Some("王丽")).is_empty());
    let long = format!("{ok}啊");
    let w = sms(&long, Some("王丽"));
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].code, "too_long_sms");
    assert_eq!((w[0].start, w[0].end), (Some(70), Some(71)));
    // The suffix counts too.
    let with_suffix = format!("{}回T退订", "王丽您好，".repeat(14));
    assert_eq!(sms(&with_suffix, Some("王丽"))[0].code, "too_long_sms");
    // Plain English fits the 160 characters of one GSM message.
    let en = format!("Hi Emma, {}", "a".repeat(150));
    assert!(sms(&en, Some("Emma")).is_empty());
    assert_eq!(
        sms(&format!("{en}aaa"), Some("Emma"))[0].code,
        "too_long_sms"
    );
    // Without channel sms, length is not checked.
    assert!(check(&long).is_empty());
}

#[test]
fn sms_name_in_the_first_seven_characters() {
    // seed 001: 前七个字出现买家的名字
    assert!(sms("王丽您好，您拍的开衫还未付款。", Some("王丽")).is_empty());
    assert!(sms("您好，您在小店拍的王丽同款还未付款", Some("王丽"))
        .iter()
        .any(|w| w.code == "missing_name_sms"));
    let w = sms("您好，您在衣见倾心拍的开衫还未付款。王丽", Some("王丽"));
    assert_eq!(w[0].code, "missing_name_sms");
    assert_eq!((w[0].start, w[0].end), (Some(0), Some(7)));
    assert!(sms("亲爱的王丽您好", Some("王丽")).is_empty());
    // No name given: the start must still address the buyer.
    // 亲 or 亲爱的顾客 is no name (issue 13: "亲," passed without one).
    assert_eq!(
        sms("亲，您好，您拍的开衫还未付款。", None)[0].code,
        "missing_name_sms"
    );
    assert_eq!(
        sms("親愛的顧客您好，您訂購的商品尚未付款。", None)[0].code,
        "missing_name_sms"
    );
    assert_eq!(
        sms("Dear customer, your order is unpaid.", None)[0].code,
        "missing_name_sms"
    );
    assert!(sms("張小姐，您訂購的商品尚未付款。", None).is_empty());
    assert!(sms("王丽您好，您拍的开衫还未付款。", None).is_empty());
    assert!(sms("Hi Emma, your order is unpaid.", None).is_empty());
    assert_eq!(
        sms("您好，您拍的开衫还未付款。", None)[0].code,
        "missing_name_sms"
    );
    assert_eq!(
        sms("Hi, your order is unpaid.", None)[0].code,
        "missing_name_sms"
    );
    assert_eq!(
        sms("您在衣见倾心拍的开衫还未付款。", None)[0].code,
        "missing_name_sms"
    );
}

#[test]
fn messages_follow_the_locale() {
    let msg = |locale| {
        lint(
            "全网最低价",
            &LintOptions {
                locale: Some(locale),
                ..LintOptions::default()
            },
        )
        .unwrap()
        .remove(0)
        .message
    };
    assert!(msg(Locale::ZhCn).contains("极限词"));
    assert!(msg(Locale::ZhTw).contains("極限用語"));
    assert!(msg(Locale::En).contains("Advertising Law"));
    assert!(msg(Locale::ZhCn).contains("全网最低价"));
}

#[test]
fn clean_text_and_limits() {
    assert!(check("").is_empty());
    assert!(check("亲，看到您今天上午拍的开衫还没付款，需要帮忙随时跟我说~").is_empty());
    let e = lint(&"好".repeat(10_001), &LintOptions::default()).unwrap_err();
    assert_eq!((e.code(), e.path()), ("too_large", "text"));
}

#[cfg(not(target_arch = "wasm32"))]
mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn spans_stay_inside_the_text(text in "[最第一保证明天到小时24 亲王丽您好😀🎁a-z，。！]{0,60}", sms in any::<bool>()) {
            let opts = LintOptions {
                channel: sms.then_some(Channel::Sms),
                buyer_name: sms.then(|| "王丽".to_string()),
                ..LintOptions::default()
            };
            let len = text.encode_utf16().count();
            for w in lint(&text, &opts).unwrap() {
                let (s, e) = (w.start.unwrap(), w.end.unwrap());
                prop_assert!(s <= e && e <= len);
                prop_assert!(!w.message.is_empty());
            }
        }

        #[test]
        fn any_template_text_is_checked_without_panic(text in "\\PC{0,40}") {
            let t = cuifu::ShopTemplate { id: "x".into(), text, ..Default::default() };
            let _ = cuifu::core::lines::check_templates(&[t]);
        }
    }
}

#[test]
fn built_in_chinese_templates_use_full_width_punctuation() {
    // Issue 13: professional scripts use full-width ，？：！ in Chinese lines.
    let mut bad = Vec::new();
    for t in cuifu::core::lines::templates() {
        for locale in [Locale::ZhCn, Locale::ZhTw] {
            let Some(text) = t.text(locale) else { continue };
            let w = check(text);
            if !w.is_empty() {
                let codes: Vec<&str> = w.iter().map(|w| w.code.as_str()).collect();
                bad.push(format!("{} {}: {text}  {codes:?}", t.id, locale.as_str()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} template texts:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn sms_emoji_links_and_marketing() {
    let marketing = |text: &str| {
        lint(
            text,
            &LintOptions {
                channel: Some(Channel::Sms),
                buyer_name: Some("王丽".into()),
                marketing: Some(true),
                ..LintOptions::default()
            },
        )
        .unwrap()
    };
    let codes_of = |w: Vec<Warning>| w.into_iter().map(|w| w.code).collect::<Vec<_>>();
    // seed 001: 短信 无表情; links only in IM (002).
    assert_eq!(
        codes_of(sms("王丽您好，付款后尽快发货👍🏻", Some("王丽"))),
        ["sms_emoji"]
    );
    assert!(codes("王丽您好，付款后尽快发货👍🏻").is_empty());
    assert_eq!(
        spans("亲，付款链接：https://m.tb.cn/x 😊").len(),
        0,
        "IM keeps emoji and links"
    );
    assert_eq!(
        codes_of(marketing("王丽您好，全场满99减10")),
        ["sms_signature", "sms_opt_out"]
    );
    let w = marketing("王丽您好，全场满99减10");
    assert_eq!((w[0].start, w[0].end), (Some(0), Some(0)));
    assert_eq!((w[1].start, w[1].end), (Some(13), Some(13)));
    assert!(marketing("王丽您好，全场满99减10，回T退订【小暖】").is_empty());
    // Not marketing: a reminder about the buyer's own order needs neither.
    assert!(sms("王丽您好，您的订单还未付款", Some("王丽")).is_empty());
}

#[test]
fn lint_stays_linear() {
    // 10,000 characters full of hits: every pattern runs once over the text.
    let text = "保证明天送到,最好!".repeat(1000);
    let w = check(&text);
    // Per repeat: the promise, 最好, and the half-width , and !.
    assert_eq!(w.len(), 4000);
    let mut end = 0;
    for w in &w {
        assert!(w.start.unwrap() >= end, "overlap at {:?}", w.start);
        end = w.end.unwrap();
    }
    assert_eq!(end, text.encode_utf16().count());
}

/// Many warnings in one text once took time quadratic in their number
/// (`'最'.repeat(10000)`: a fifth of a second). Every 最 makes a word with
/// the next one, so each pair is one warning, spans in UTF-16 units.
#[test]
fn many_warnings_in_one_text() {
    let text = "最".repeat(10_000);
    let w = check(&text);
    assert_eq!(w.len(), 5_000);
    assert!(w.iter().all(|w| w.code == "extreme_word"));
    for (k, w) in w.iter().enumerate() {
        assert_eq!((w.start, w.end), (Some(2 * k), Some(2 * k + 2)));
    }
    // Astral characters count two units each, before and between the words.
    let text = "😊最美😊".repeat(2_000);
    let w = check(&text);
    assert_eq!(w.len(), 2_000);
    assert_eq!(
        (w[1999].start, w[1999].end),
        (Some(6 * 1999 + 2), Some(6 * 1999 + 4))
    );
    let sms = LintOptions {
        channel: Some(Channel::Sms),
        ..LintOptions::default()
    };
    let w = lint(&"最好".repeat(100), &sms).unwrap();
    assert_eq!(w.last().map(|w| (w.start, w.end)), Some((Some(0), Some(7))));
}
