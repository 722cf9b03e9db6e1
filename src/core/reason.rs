//! Reads the chat: why the buyer hasn't paid, and what the conversation says
//! about reminding at all (a stop request, an open question, a named time).

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset};

use super::input::Input;
use super::matcher::{read_table, utf16_len, Matcher};
use super::model::{Evidence, Reason, ReasonCode, Role};

const TABLE: &str = include_str!("../data/reasons.tsv");
const STOP_PHRASES: &[&str] = &[
    "别再发了",
    "別再發了",
    "不要催",
    "别催",
    "別催",
    "不要再发",
    "不要再發",
    "stop messaging",
];

/// What the chat says beyond the reason.
#[derive(Clone, Debug, Default)]
pub struct Signals {
    /// The buyer asked not to be contacted (别再发了 / 不要催): message index.
    pub stop_request: Option<usize>,
    /// A buyer question the agent has not answered yet: message index.
    pub open_question: Option<usize>,
    /// A time the buyer named for paying (晚上8点付 / 明天付).
    pub named_time: Option<NamedTime>,
    /// The buyer chatted before or after ordering (询单), as opposed to a silent order.
    pub consulted: bool,
}

/// A time the buyer said they would pay.
#[derive(Clone, Debug)]
pub struct NamedTime {
    /// The message that named it.
    pub message_index: usize,
    /// The moment, in the shop's offset.
    pub at: DateTime<FixedOffset>,
    /// The words.
    pub text: String,
}

/// The reason and the signals.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Why the buyer hasn't paid.
    pub reason: Reason,
    /// What else the chat says.
    pub signals: Signals,
}

struct Table {
    matcher: Matcher,
    codes: Vec<ReasonCode>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let (codes, pats): (Vec<ReasonCode>, Vec<&str>) = read_table(TABLE)
            .filter_map(|(code, phrase)| Some((ReasonCode::parse(code)?, phrase)))
            .unzip();
        Table {
            matcher: Matcher::new(&pats),
            codes,
        }
    })
}

/// Reads the chat of `input`.
pub fn analyze(input: &Input) -> Analysis {
    let m = table();
    let mut signals = Signals {
        consulted: input.buyer_messages().next().is_some(),
        ..Signals::default()
    };
    let mut best: Option<(f64, ReasonCode, Vec<Evidence>)> = None;
    let buyer_count = input.buyer_messages().count();
    for (rank, msg) in input.buyer_messages().enumerate() {
        if STOP_PHRASES.iter().any(|p| msg.text.contains(p)) {
            signals.stop_request = Some(msg.index);
        }
        // Later messages weigh more.
        let recency = 0.6 + 0.4 * (rank + 1) as f64 / buyer_count as f64;
        for hit in m.matcher.find_iter(msg.text) {
            let code = m.codes[hit.pattern];
            let ev = Evidence {
                message_index: msg.index,
                text: msg.text[hit.start..hit.end].to_string(),
                start: utf16_len(&msg.text[..hit.start]),
                end: utf16_len(&msg.text[..hit.end]),
            };
            match &mut best {
                Some((score, c, evs)) if *c == code => {
                    *score += 0.1 * recency;
                    evs.push(ev);
                }
                Some((score, _, _)) if *score >= recency => {}
                _ => best = Some((recency, code, vec![ev])),
            }
        }
    }
    if let Some(last_buyer) = input.messages.iter().rposition(|m| m.from == Role::Buyer) {
        let answered = input.messages[last_buyer + 1..]
            .iter()
            .any(|m| m.from == Role::Agent);
        let text = input.messages[last_buyer].text;
        if !answered && (text.contains('?') || text.contains('？') || text.contains('吗')) {
            signals.open_question = Some(input.messages[last_buyer].index);
        }
    }
    let reason = match best {
        Some((score, code, evidence)) => Reason {
            code,
            confidence: (score * 0.8).min(0.95),
            evidence,
        },
        None if !signals.consulted => Reason {
            code: ReasonCode::SilentOrder,
            confidence: 0.9,
            evidence: Vec::new(),
        },
        None => Reason {
            code: ReasonCode::Unknown,
            confidence: 0.3,
            evidence: Vec::new(),
        },
    };
    Analysis { reason, signals }
}
