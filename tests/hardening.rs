//! Hardening: the cost of every operation grows linearly with each input
//! dimension, measured by counting allocations and allocated bytes in this
//! test binary and the text the engine scans ahead or again
//! (`cuifu::core::work`), never by wall-clock; the input contract's fixes;
//! and a property test of the lint spans (the transcript reader's accounting
//! of every line is a property test in tests/transcript.rs).
//!
//! Doubling one dimension (messages, characters per message, runs of
//! whitespace, warnings per lint text, templates, orders, transcript lines)
//! may at most about double the count; a quadratic step would quadruple it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use cuifu::{ChatContext, LintOptions, ShopTemplate, TranscriptOptions};
use proptest::prelude::*;
use serde_json::json;

/// Counts the allocations and allocated bytes of the current thread, so
/// that tests running in parallel do not disturb each other's figures.
struct Counting;

thread_local! {
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
}

fn record(size: usize) {
    // `try_with`: allocations during thread teardown are not counted.
    let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
    let _ = BYTES.try_with(|c| c.set(c.get() + size as u64));
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counters are thread-local cells that never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(layout.size());
        // SAFETY: same layout, as the caller guarantees for `alloc`.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record(new_size);
        // SAFETY: `ptr` came from `System` with this layout.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations, allocated bytes and bytes scanned ahead or again, of one call.
#[derive(Debug, Clone, Copy)]
struct Cost {
    allocs: u64,
    bytes: u64,
    scanned: u64,
}

fn cost(f: impl FnOnce()) -> Cost {
    let (a0, b0, s0) = (
        ALLOCS.with(Cell::get),
        BYTES.with(Cell::get),
        cuifu::core::work::total(),
    );
    f();
    Cost {
        allocs: ALLOCS.with(Cell::get) - a0,
        bytes: BYTES.with(Cell::get) - b0,
        scanned: cuifu::core::work::total() - s0,
    }
}

/// Runs `op` at size `n` and `2n` (after a warm-up that fills the lazily
/// built tables) and checks that neither count more than about doubles.
/// Also checks that the dimension is really used: the larger input costs
/// more, so the test cannot pass by ignoring it.
fn linear(what: &str, n: usize, op: impl Fn(usize)) -> Cost {
    op(n);
    let small = cost(|| op(n));
    let large = cost(|| op(2 * n));
    let ratio = |a: u64, b: u64| b as f64 / a.max(1) as f64;
    let (ra, rb, rs) = (
        ratio(small.allocs, large.allocs),
        ratio(small.bytes, large.bytes),
        ratio(small.scanned, large.scanned),
    );
    println!(
        "{what}: n={n} {small:?} → 2n {large:?}: ×{ra:.2} allocations, ×{rb:.2} bytes, ×{rs:.2} scanned"
    );
    assert!(
        ra <= 2.3 && rb <= 2.3 && rs <= 2.3,
        "{what}: doubling the input multiplied allocations by {ra:.2}, bytes by {rb:.2}, scanned text by {rs:.2}"
    );
    assert!(
        large.bytes > small.bytes,
        "{what}: the larger input cost no more than the smaller: the dimension is not exercised"
    );
    large
}

fn context(messages: Vec<(&str, String)>, templates: Vec<ShopTemplate>) -> ChatContext {
    let messages: Vec<_> = messages
        .into_iter()
        .enumerate()
        .map(|(i, (from, text))| {
            json!({"from": from, "text": text,
                   "at": format!("2026-11-24T14:{:02}:{:02}+08:00", 31 + i / 60 % 28, i % 60)})
        })
        .collect();
    let mut ctx: ChatContext = serde_json::from_value(json!({
        "now": "2026-11-24T15:00:00+08:00",
        "order": {"placedAt": "2026-11-24T14:30:00+08:00", "amount": 299,
                  "items": [{"title": "保温杯"}]},
        "buyer": {"name": "王丽"},
        "messages": messages,
        "shop": {"name": "小暖生活馆", "coupon": "满99减10", "gifts": ["杯套"]}
    }))
    .expect("valid context");
    if let Some(shop) = ctx.shop.as_mut() {
        shop.templates = templates;
    }
    ctx
}

const CHAT: [&str; 6] = [
    "在吗?这个保温杯能便宜点吗",
    "亲,已经是活动价了哦",
    "那我晚上8点发工资了再付",
    "好的亲,不着急",
    "is there free shipping? I'll pay tomorrow",
    "質量怎麼樣?會不會漏水",
];

fn chat(n: usize) -> Vec<(&'static str, String)> {
    (0..n)
        .map(|i| {
            let from = if i % 2 == 0 { "buyer" } else { "agent" };
            (from, CHAT[i % CHAT.len()].to_string())
        })
        .collect()
}

fn suggest(ctx: &ChatContext) {
    let s = cuifu::suggest(ctx).expect("valid context");
    assert!(!s.lines.is_empty() || s.action == cuifu::Action::Stop);
}

#[test]
fn suggest_is_linear_in_messages() {
    linear("suggest, messages", 250, |n| {
        suggest(&context(chat(n), vec![]))
    });
}

#[test]
fn suggest_is_linear_in_characters_per_message() {
    linear("suggest, characters per message", 1000, |n| {
        let text: String = "能不能便宜点,包邮吗?".chars().cycle().take(n).collect();
        suggest(&context(vec![("buyer", text); 10], vec![]))
    });
}

#[test]
fn suggest_is_linear_in_runs_of_whitespace() {
    // The regression input: 50 messages of 4,000 spaces (2n), also between
    // words (at most 4,000 characters a message).
    let c = linear("suggest, runs of whitespace", 1995, |n| {
        let text = format!("ok{}pay", " ".repeat(n));
        suggest(&context(vec![("buyer", text); 50], vec![]))
    });
    // Each run is looked across once: about its length, not its square.
    assert!(c.scanned >= 50 * 3990 && c.scanned < 2 * 50 * 4000, "{c:?}");
    let c = linear("suggest, whitespace only", 2000, |n| {
        suggest(&context(vec![("buyer", " ".repeat(n)); 50], vec![]))
    });
    assert!(c.scanned >= 50 * 4000 && c.scanned < 2 * 50 * 4000, "{c:?}");
}

#[test]
fn lint_is_linear_in_warnings() {
    // The regression input: '最' × 10,000 (2n), the longest text lint takes.
    let count = |n: usize| {
        cuifu::lint(&"最".repeat(n), &LintOptions::default())
            .expect("within the limit")
            .len()
    };
    println!(
        "warnings for 最 × 5,000 and × 10,000: {} and {}",
        count(5000),
        count(10000)
    );
    let c = linear("lint, 最 × n", 5000, |n| {
        count(n);
    });
    // Offsets are counted once over the text, not from its start per warning.
    let len = "最".repeat(10_000).len() as u64;
    assert!(c.scanned >= len / 2 && c.scanned <= len, "{c:?}");
    // Many distinct warnings, each with its own span.
    let many = |n: usize| "最好的,全网第一!".repeat(n / 9);
    let w = |n: usize| {
        cuifu::lint(&many(n), &LintOptions::default())
            .expect("ok")
            .len()
    };
    assert!(
        w(10_000) >= 2 * w(5_000) - 2 && w(5_000) > 500,
        "the warnings grow with the text"
    );
    linear("lint, warnings per text", 5000, |n| {
        w(n);
    });
    let sms = LintOptions {
        channel: Some(cuifu::Channel::Sms),
        buyer_name: Some("王丽".into()),
        ..LintOptions::default()
    };
    linear("lint, sms", 5000, |n| {
        cuifu::lint(&many(n), &sms).expect("ok");
    });
}

fn templates(n: usize) -> Vec<ShopTemplate> {
    (0..n)
        .map(|i| ShopTemplate {
            id: format!("own{i}"),
            text: format!("{{name}}您好,您在{{shop}}拍的{{item}}还没付款哦,{{coupon}}还能用~ {i}"),
            ..ShopTemplate::default()
        })
        .collect()
}

#[test]
fn templates_are_linear() {
    linear("checkTemplates, templates", 100, |n| {
        let t = templates(n);
        cuifu::check_templates(&t).expect("valid templates");
    });
    linear("suggest, templates", 100, |n| {
        suggest(&context(chat(4), templates(n)))
    });
}

#[test]
fn rank_orders_is_linear_in_orders() {
    let ctx = context(chat(4), vec![]);
    linear("rankOrders, orders", 500, |n| {
        let all: Vec<ChatContext> = (0..n)
            .map(|i| {
                let mut c = ctx.clone();
                c.order.amount = (i % 97) as f64 * 10.0;
                c
            })
            .collect();
        let ranked = cuifu::rank_orders(&all, None).expect("valid contexts");
        assert_eq!(ranked.len(), n);
    });
}

#[test]
fn transcript_is_linear_in_lines() {
    // At most 1,000 messages a transcript.
    linear("readTranscript, lines", 500, |n| {
        let text: String = (0..n)
            .map(|i| {
                format!(
                    "[2026-11-24 14:{:02}] {}: 在吗,能便宜点吗\n",
                    i % 60,
                    if i % 2 == 0 { "tb_lili" } else { "小美" }
                )
            })
            .collect();
        let options = TranscriptOptions {
            agent_nicks: vec!["小美".into()],
            ..TranscriptOptions::default()
        };
        let t = cuifu::read_transcript(&text, &options).expect("within the limits");
        assert_eq!(t.messages.len(), n);
    });
}

/// UTF-16 length of a string.
fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    // Lint spans lie inside the text, start and end on UTF-16 character
    // boundaries (never inside a surrogate pair), and do not overlap.
    #[test]
    fn lint_spans_are_inside_on_boundaries_and_apart(
        text in "(最好|第一|全网|包邮|明天到|保证|不付就|😀|亲|,|!| |[a-z]|\\PC){0,60}",
        sms in any::<bool>(),
    ) {
        let options = LintOptions {
            channel: sms.then_some(cuifu::Channel::Sms),
            buyer_name: sms.then(|| "王丽".into()),
            ..LintOptions::default()
        };
        let warnings = cuifu::lint(&text, &options).expect("short text");
        let units: Vec<u16> = text.encode_utf16().collect();
        let spans: Vec<(usize, usize)> = warnings
            .iter()
            .filter_map(|w| Some((w.start?, w.end?)))
            .collect();
        for &(s, e) in &spans {
            prop_assert!(s <= e && e <= units.len(), "span {}..{} outside {}", s, e, units.len());
            prop_assert!(String::from_utf16(&units[s..e]).is_ok(), "span {}..{} splits a pair", s, e);
            prop_assert!(String::from_utf16(&units[..s]).is_ok(), "start {} splits a pair", s);
        }
        // Word warnings do not overlap; the SMS checks mark a stretch of
        // the text (its head, or all of it) and may cover a word.
        let mut words: Vec<(usize, usize)> = warnings
            .iter()
            .filter(|w| !w.code.ends_with("_sms"))
            .filter_map(|w| Some((w.start?, w.end?)))
            .collect();
        words.sort_unstable();
        for pair in words.windows(2) {
            prop_assert!(pair[0].1 <= pair[1].0, "spans {:?} and {:?} overlap", pair[0], pair[1]);
        }
        prop_assert_eq!(utf16_len(&text), units.len());
    }
}

// The input contract's fixes (the package's side is in
// tests/js/hardening.test.mjs).

fn timed(from: &str, text: &str, minute: u32) -> serde_json::Value {
    json!({"from": from, "text": text, "at": format!("2026-11-24T14:{minute:02}:00+08:00")})
}

fn chat_context(messages: Vec<serde_json::Value>) -> ChatContext {
    serde_json::from_value(json!({
        "now": "2026-11-24T15:00:00+08:00",
        "order": {"placedAt": "2026-11-24T14:30:00+08:00", "amount": 99},
        "messages": messages
    }))
    .expect("valid context")
}

#[test]
fn messages_out_of_time_order_are_read_in_time_order() {
    let ordered = [
        timed("buyer", "能便宜点吗", 41),
        timed("agent", "亲,已经是最低价了", 45),
        timed("buyer", "好的,我晚上8点付", 50),
    ];
    let a = cuifu::suggest(&chat_context(ordered.to_vec())).expect("valid");
    let shuffled = vec![ordered[2].clone(), ordered[0].clone(), ordered[1].clone()];
    let b = cuifu::suggest(&chat_context(shuffled)).expect("valid");
    assert_eq!(
        (a.action, &a.send_at, a.reason.code),
        (b.action, &b.send_at, b.reason.code)
    );
    // Evidence points into the messages as passed: the last one is now first.
    let at = |s: &cuifu::Suggestion| {
        s.reason
            .evidence
            .iter()
            .map(|e| e.message_index)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        at(&a).iter().map(|i| (i + 1) % 3).collect::<Vec<_>>(),
        at(&b),
        "{:?} / {:?}",
        a.reason,
        b.reason
    );
    // A message without a time stays after the one before it.
    let untimed = json!({"from": "buyer", "text": "在吗"});
    let c = chat_context(vec![ordered[2].clone(), untimed, ordered[0].clone()]);
    cuifu::suggest(&c).expect("valid");
}

#[test]
fn now_more_than_a_day_before_the_order_is_invalid_time() {
    let mut c = chat_context(vec![]);
    c.now = Some("2026-11-23T14:29:00+08:00".into());
    let e = cuifu::suggest(&c).expect_err("a day before");
    assert_eq!((e.code(), e.path()), ("invalid_time", "now"));
    c.now = Some("2026-11-24T14:25:00+08:00".into());
    cuifu::suggest(&c).expect("a clock a little behind");
    c.now = Some("2031-11-24T14:25:00+08:00".into());
    let s = cuifu::suggest(&c).expect("years later");
    assert_eq!(s.action, cuifu::Action::Stop);
}

#[test]
fn check_templates_applies_the_limits_of_suggest() {
    let one = |id: &str, text: String| {
        vec![ShopTemplate {
            id: id.into(),
            text,
            ..ShopTemplate::default()
        }]
    };
    for (templates, path) in [
        (one("a", "x".repeat(1_001)), "shop.templates[0].text"),
        (one("a", "x".repeat(5_000_006)), "shop.templates[0].text"),
        (one(&"i".repeat(501), "您好".into()), "shop.templates[0].id"),
        (templates(201), "shop.templates"),
    ] {
        let a = cuifu::check_templates(&templates).expect_err("too large");
        let mut c = chat_context(vec![]);
        c.shop = Some(cuifu::Shop {
            templates,
            ..cuifu::Shop::default()
        });
        let b = cuifu::suggest(&c).expect_err("too large");
        assert_eq!((a.code(), a.path()), ("too_large", path));
        assert_eq!((b.code(), b.path()), ("too_large", path));
    }
    cuifu::check_templates(&one("a", "您好{name},".repeat(100))).expect("within the limits");
}
