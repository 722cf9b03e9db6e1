//! Shared pieces of the fuzz targets: a fixed clock, and inputs that put
//! valid times into structure-aware contexts so the fuzzer reaches past the
//! input checks into the rules.

use arbitrary::Arbitrary;
use chrono::{DateTime, Duration, FixedOffset, Offset, TimeZone, Utc};
use cuifu::{ChatContext, LintOptions, Locale, Role, TranscriptOptions};

/// The clock every target passes for an absent `now`.
pub fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 7, 0, 0)
        .single()
        .unwrap_or_default()
}

/// RFC 3339 with the offset, as the engine reads it.
fn rfc3339(minutes: i64, offset: &FixedOffset) -> String {
    let t = clock() + Duration::minutes(minutes);
    t.with_timezone(offset).to_rfc3339()
}

/// Times for a context, in minutes around the fixed clock: `now`, how long
/// before it the order was placed, and one step per message and reminder.
#[derive(Arbitrary, Debug)]
pub struct Times {
    now: i32,
    placed_before_now: u16,
    steps: Vec<i16>,
    offset_quarter_hours: i8,
    close_after_placed: Option<i16>,
}

impl Times {
    /// Writes the times into `ctx`, leaving the other fields as generated.
    pub fn apply(&self, ctx: &mut ChatContext) {
        let q = i32::from(self.offset_quarter_hours).clamp(-56, 56);
        let offset = FixedOffset::east_opt(q * 900).unwrap_or(Utc.fix());
        // Within about ±4 years of the clock.
        let now = i64::from(self.now) % (4 * 366 * 1440);
        let placed = now - i64::from(self.placed_before_now);
        ctx.now = Some(rfc3339(now, &offset));
        ctx.order.placed_at = rfc3339(placed, &offset);
        if let Some(c) = self.close_after_placed {
            ctx.order.closes_at = Some(rfc3339(placed + i64::from(c), &offset));
        }
        let mut step = self.steps.iter().cycle();
        let mut at = placed;
        for m in ctx.messages.iter_mut() {
            at += i64::from(*step.next().unwrap_or(&1));
            m.at = Some(rfc3339(at, &offset));
        }
        for r in ctx.reminders.iter_mut() {
            at += i64::from(*step.next().unwrap_or(&1));
            r.at = rfc3339(at, &offset);
        }
    }
}

/// A generated context, with valid times unless the fuzzer chose otherwise.
#[derive(Arbitrary, Debug)]
pub struct Context {
    pub ctx: ChatContext,
    pub times: Option<Times>,
}

impl Context {
    /// The context with its times applied.
    pub fn build(mut self) -> ChatContext {
        if let Some(t) = &self.times {
            t.apply(&mut self.ctx);
        }
        self.ctx
    }
}

/// Splits raw bytes into a flags byte and text, so that plain text files
/// (transcripts, lint lines, templates) seed the text targets.
pub fn flags_and_text(data: &[u8]) -> (u8, String) {
    match data.split_first() {
        Some((f, rest)) => (*f, String::from_utf8_lossy(rest).into_owned()),
        None => (0, String::new()),
    }
}

/// Lint options chosen by the flag bits.
pub fn lint_options(flags: u8, text: &str) -> LintOptions {
    LintOptions {
        channel: (flags & 1 == 1).then_some(cuifu::Channel::Sms),
        locale: locale(flags >> 1),
        buyer_name: (flags & 8 == 8).then(|| text.chars().take(3).collect()),
        marketing: (flags & 16 == 16).then_some(flags & 32 == 32),
        full_width: (flags & 64 == 64).then_some(flags & 128 == 128),
    }
}

/// Transcript options chosen by the flag bits.
pub fn transcript_options(flags: u8) -> TranscriptOptions {
    const NICKS: [&str; 4] = ["小美", "shop:客服", "a:b", "tb_lili"];
    TranscriptOptions {
        agent_nicks: NICKS
            .iter()
            .enumerate()
            .filter(|(i, _)| flags & (1 << i) != 0)
            .map(|(_, n)| (*n).to_string())
            .collect(),
        offset: (flags & 16 == 16).then(|| "-03:30".to_string()),
        date: (flags & 32 == 32).then(|| "2026-02-28".to_string()),
        skip_unparsed: Some(flags & 64 == 64),
    }
}

/// One of the locales, or none, by two bits.
pub fn locale(bits: u8) -> Option<Locale> {
    match bits & 3 {
        0 => None,
        1 => Some(Locale::ZhCn),
        2 => Some(Locale::ZhTw),
        _ => Some(Locale::En),
    }
}

/// A small valid context that reaches the line rendering; `role` picks who
/// wrote the chat's one message.
pub fn rendering_context(text: &str, role: Role) -> ChatContext {
    let mut ctx: ChatContext = serde_json::from_str(
        r#"{
          "now": "2026-11-24T15:00:00+08:00",
          "order": { "placedAt": "2026-11-24T14:30:00+08:00", "amount": 299,
                     "items": [{ "title": "保温杯" }] },
          "buyer": { "name": "王丽", "audience": "office" },
          "shop": { "name": "小暖生活馆", "coupon": "满99减10", "gifts": ["杯套"],
                    "paymentLink": "https://example.com/pay", "smsOptOut": "回T退订",
                    "margin": 0.4, "agentName": "乐乐" }
        }"#,
    )
    .unwrap_or_default();
    ctx.messages.push(cuifu::Message {
        from: role,
        text: text.to_string(),
        at: Some("2026-11-24T14:41:00+08:00".into()),
    });
    ctx
}
