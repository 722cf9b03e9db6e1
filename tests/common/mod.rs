//! Shared helpers for the decision-engine tests: contexts from JSON and a
//! hand-made chat analysis, so timing is tested apart from reason detection.
#![allow(dead_code)]

use cuifu::core::input::{parse_time, Input};
use cuifu::core::plan;
use cuifu::core::reason::{Analysis, NamedTime, Signals};
use cuifu::core::timing::{self, Timing};
use cuifu::{Channel, ChatContext, Reason, ReasonCode, Tone};
use serde_json::{json, Value};

/// `"2026-11-24 14:30"` → `"2026-11-24T14:30:00+08:00"`.
pub fn t(s: &str) -> String {
    format!("{}:00+08:00", s.replace(' ', "T"))
}

fn merge(a: &mut Value, b: Value) {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                merge(a.entry(k).or_insert(Value::Null), v);
            }
        }
        (a, b) => *a = b,
    }
}

/// A context at `now` for an order placed at `placed`, with `extra` merged in.
pub fn ctx(now: &str, placed: &str, amount: f64, extra: Value) -> ChatContext {
    let mut v = json!({"now": t(now), "order": {"placedAt": t(placed), "amount": amount}});
    merge(&mut v, extra);
    serde_json::from_value(v).expect("valid context")
}

/// What the chat says, as the reason detector would report it.
#[derive(Clone, Debug)]
pub struct Chat {
    pub code: ReasonCode,
    pub consulted: bool,
    pub stop: bool,
    pub question: bool,
    pub named: Option<&'static str>,
    pub declined: bool,
    pub payday: bool,
}

/// No chat at all.
pub const SILENT: Chat = Chat {
    code: ReasonCode::SilentOrder,
    consulted: false,
    stop: false,
    question: false,
    named: None,
    declined: false,
    payday: false,
};

/// A chat that shows no cause.
pub const CONSULTED: Chat = Chat {
    code: ReasonCode::Unknown,
    consulted: true,
    stop: false,
    question: false,
    named: None,
    declined: false,
    payday: false,
};

/// A consulted chat with this reason.
pub fn because(code: ReasonCode) -> Chat {
    Chat { code, ..CONSULTED }
}

pub fn analysis(c: &Chat) -> Analysis {
    Analysis {
        reason: Reason {
            code: c.code,
            confidence: 0.8,
            evidence: Vec::new(),
            others: Vec::new(),
        },
        signals: Signals {
            stop_request: c.stop.then_some(0),
            open_question: c.question.then_some(0),
            named_time: c.named.map(|s| NamedTime {
                message_index: 0,
                at: parse_time("", &t(s)).expect("valid named time"),
                text: "晚上8点付".into(),
                after: false,
            }),
            consulted: c.consulted,
            declined: c.declined.then_some(0),
            payday: c.payday.then_some(0),
            said: Default::default(),
        },
    }
}

/// The engine's decisions for `c` with the chat `chat`.
pub struct Out {
    pub timing: Timing,
    pub channel: Channel,
    pub tone: Tone,
    pub why: Vec<String>,
}

impl Out {
    pub fn send(&self) -> Option<String> {
        self.timing.send_at.map(cuifu::core::input::format_time)
    }

    pub fn warned(&self, code: &str) -> bool {
        self.timing.warnings.iter().any(|w| w.code == code)
    }
}

pub fn run(c: &ChatContext, chat: &Chat) -> Out {
    let input = Input::read(c, None).expect("valid input");
    let a = analysis(chat);
    let mut timing = timing::plan(&input, &a);
    let (channel, cw) = plan::channel(&input, &a, &mut timing);
    let (tone, tw) = plan::tone(&input, &a, &timing, channel);
    let mut why = timing.why.clone();
    why.push(cw);
    why.push(tw);
    Out {
        timing,
        channel,
        tone,
        why,
    }
}
