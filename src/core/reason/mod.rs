//! Reads the chat: why the buyer hasn't paid, and what the conversation says
//! about reminding at all (a stop request, an open question, a named time).
//!
//! Every buyer message is normalised ([`norm`]) and matched against the
//! phrase table (`src/data/reasons.tsv`, [`rules`]). A few generic
//! mechanisms turn hits into a reason:
//! - negation: a negation word just before a phrase cancels it in a
//!   statement (不贵 is not 贵), but not in a question (不包邮吗 still asks
//!   about postage);
//! - groups that must meet in one clause (花呗 + 用不了 → payment system);
//! - pings (在吗) count as waiting only when repeated, after the buyer's own
//!   unanswered message, or at the end of a message after the agent spoke:
//!   one opening 在吗 is a greeting;
//! - paid / after-sales talk keeps only changed_mind, service_unhappy and
//!   waiting_reply;
//! - an agent message after a buyer message answers it: its pings and its
//!   question no longer make the buyer wait; a bare 好的 / 谢谢 right after
//!   the answer settles the questions about the goods and terms;
//! - in one clause the narrower topic wins: price words about the postage
//!   (运费太贵) dispute the postage, postage in a merge request asks for
//!   the merge;
//! - later buyer messages weigh more; a bare unanswered question with no
//!   cause is `waiting_reply` with low confidence.

pub mod features;
pub mod model;
mod norm;
pub(crate) mod rules;
mod when;

use std::cmp::Reverse;

use chrono::{DateTime, FixedOffset, Timelike};

use super::input::Input;
use super::model::{Evidence, Reason, ReasonCode, Role};
use super::text::utf16_len;
use norm::Norm;
use rules::{rules, Found, Role as R};

pub use norm::fold;

/// What the chat says beyond the reason.
#[derive(Clone, Debug, Default)]
pub struct Signals {
    /// The buyer asked not to be contacted (别再发了 / 不要催 / 别打电话了 /
    /// stop messaging me): index of the latest such message.
    pub stop_request: Option<usize>,
    /// The latest buyer question (or ping) the agent has not answered after
    /// it: message index.
    pub open_question: Option<usize>,
    /// A time the buyer named for paying (晚上8点付 / 明天付 / 周五 / 等会儿),
    /// resolved in the shop's offset from the moment the buyer said it
    /// (the message's `at`, else `now`).
    pub named_time: Option<NamedTime>,
    /// The buyer chatted before or after ordering (询单), as opposed to a silent order.
    pub consulted: bool,
    /// The buyer said plainly they no longer want the order (拍错了 / 不要了 /
    /// 取消订单), as opposed to hesitating (再看看 / 考虑一下), which is also
    /// `changed_mind` but leaves the door open: message index.
    pub declined: Option<usize>,
    /// The buyer waits for pay day (发工资了再买) without naming a clock
    /// time: message index. When they name a date too (15号发工资),
    /// `named_time` carries it.
    pub payday: Option<usize>,
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

/// Weight of a later hit of a code already seen, relative to its best hit.
const MORE: f64 = 0.3;
/// (wider, narrower): in a clause showing both, the narrower one stands.
const NARROWER: [(ReasonCode, ReasonCode); 2] = [
    (ReasonCode::PriceBargain, ReasonCode::ShippingFee),
    (ReasonCode::ShippingFee, ReasonCode::OrderMerge),
];
/// Evidence items kept.
const MAX_EVIDENCE: usize = 5;

#[derive(Default)]
struct Score {
    best: f64,
    sum: f64,
    last: usize,
    evidence: Vec<Evidence>,
}

impl Score {
    fn value(&self) -> f64 {
        self.best + MORE * (self.sum - self.best)
    }
}

#[derive(Clone, Copy)]
struct Cand {
    code: ReasonCode,
    weight: u8,
    start: usize,
    end: usize,
}

fn evidence(n: &Norm, text: &str, index: usize, start: usize, end: usize) -> Evidence {
    let (s, e) = n.orig_span(start, end);
    Evidence {
        message_index: index,
        text: text.get(s..e).unwrap_or("").to_string(),
        start: utf16_len(text.get(..s).unwrap_or("")),
        end: utf16_len(text.get(..e).unwrap_or("")),
    }
}

/// Gap allowed between a negation word and the phrase it negates.
fn near(n: &Norm, end: usize, start: usize) -> bool {
    let gap = n.text.get(end..start).unwrap_or("x x x x x x x x x");
    let chars = gap.chars().count();
    chars <= 2 || (gap.is_ascii() && chars <= 8)
}

/// Questions about the goods and the terms: paid or after-sales talk
/// (退货, 已付款) shows they are not why this order is unpaid.
fn pre_sale(code: ReasonCode) -> bool {
    matches!(
        code,
        ReasonCode::NoviceBuyer
            | ReasonCode::PriceBargain
            | ReasonCode::ShippingFee
            | ReasonCode::ProductDoubt
            | ReasonCode::ComparingShops
            | ReasonCode::OrderMerge
            | ReasonCode::GiftOrPromo
            | ReasonCode::DeliveryQuestion
    )
}

/// Reads the chat of `input`.
pub fn analyze(input: &Input) -> Analysis {
    let r = rules();
    let sp = rules::SPECIAL;
    let msgs = &input.messages;
    let buyer_total = input.buyer_messages().count();
    let mut signals = Signals {
        consulted: buyer_total > 0,
        ..Signals::default()
    };
    let mut scores: Vec<(ReasonCode, Score)> = Vec::new();
    let mut plain: Option<Evidence> = None;
    let mut seen = 0usize;
    let mut agent_spoke = false;
    let mut agent_post = false;
    // A message before the last agent message has been answered.
    let last_agent = msgs.iter().rposition(|x| x.from == Role::Agent);
    // One buffer for the normalised message and one for its hits.
    let mut n = Norm::default();
    let mut hits = Vec::new();
    for (pos, m) in msgs.iter().enumerate() {
        if m.from != Role::Buyer {
            if m.from == Role::Agent {
                agent_spoke = true;
                n.read(m.text);
                r.find(&n, &mut hits);
                agent_post = r.any(&hits, sp.post);
            }
            continue;
        }
        let later = buyer_total.saturating_sub(seen + 1);
        seen += 1;
        let recency = 1.0 / (1.0 + 0.5 * later as f64);
        let answered = last_agent.is_some_and(|a| a > pos);
        let after_buyer = pos > 0 && msgs.get(pos - 1).is_some_and(|p| p.from == Role::Buyer);
        n.read(m.text);
        r.find(&n, &mut hits);
        let hits = &hits;
        let n = &n;
        let qs = r.questions(n, hits);
        let question = |f: &Found| qs.get(f.clause).copied().unwrap_or(false);
        let negated = |f: &Found| {
            !question(f)
                && hits.iter().any(|g| {
                    g.clause == f.clause
                        && g.end <= f.start
                        && r.is(g, sp.neg)
                        && near(n, g.end, f.start)
                })
        };
        let asks_any = qs.iter().any(|q| *q);
        let mut live: Vec<Found> = Vec::new();
        for f in hits {
            if !negated(f) {
                live.push(*f);
            }
        }
        let has = |g: u8| r.any(&live, g);
        if has(sp.stop) {
            signals.stop_request = Some(m.index);
        }
        let payday = has(sp.payday);
        if payday {
            signals.payday = Some(m.index);
        }
        let post = has(sp.post) || agent_post;
        let topic = has(sp.topic);

        let mut cands: Vec<Cand> = Vec::new();
        for f in &live {
            for role in r.roles(f) {
                if let R::Code(code, w) = *role {
                    cands.push(Cand {
                        code,
                        weight: w,
                        start: f.start,
                        end: f.end,
                    });
                }
            }
        }
        for c in &r.combos {
            for a in &live {
                if !r.is(a, c.a) {
                    continue;
                }
                let other = match c.b {
                    Some(b) => live
                        .iter()
                        .find(|g| g.clause == a.clause && g.start != a.start && r.is(g, b))
                        .map(|g| (g.start, g.end)),
                    None => (question(a) || qs.get(a.clause + 1).copied().unwrap_or(false))
                        .then_some((a.start, a.end)),
                };
                if let Some((s, e)) = other {
                    cands.push(Cand {
                        code: c.code,
                        weight: c.weight,
                        start: a.start.min(s),
                        end: a.end.max(e),
                    });
                    break;
                }
            }
        }
        // Pings: only a real wait, not an opening greeting. A message of
        // question marks alone (`??`) pings too.
        // (count, first start, last) of the pings.
        let mut pings: (usize, usize, Option<&Found>) = (0, 0, None);
        for f in &live {
            if r.is(f, sp.ping) {
                if pings.0 == 0 {
                    pings.1 = f.start;
                }
                pings = (pings.0 + 1, pings.1, Some(f));
            }
        }
        let marks = n.text.chars().any(|c| c == '?')
            && !n.text.chars().any(crate::core::text::is_letter_or_digit);
        if marks && (after_buyer || agent_spoke) {
            cands.push(Cand {
                code: ReasonCode::WaitingReply,
                weight: 2,
                start: 0,
                end: n.text.len(),
            });
        }
        if let (count, first, Some(last)) = pings {
            let tail = n.text.get(last.end..).unwrap_or("");
            let at_end = !tail.chars().any(crate::core::text::is_letter_or_digit);
            if count >= 2 || after_buyer || (agent_spoke && at_end) {
                cands.push(Cand {
                    code: ReasonCode::WaitingReply,
                    weight: if count >= 2 { 3 } else { 2 },
                    start: first,
                    end: last.end,
                });
            }
        }
        // In one clause, the narrower topic wins: price words about the
        // postage (运费太贵) dispute the postage, postage in a merge request
        // (两单合并运费) asks for the merge.
        // `narrow[2 * k + j]`: clause `k` shows the narrower code of `NARROWER[j]`.
        let mut narrow = Vec::new();
        for k in 0..n.clauses() {
            for (_, code) in &NARROWER {
                narrow.push(
                    cands
                        .iter()
                        .any(|c| c.code == *code && n.clause(c.start) == k),
                );
            }
        }
        let keep = has(sp.keep);
        let mut kept: Vec<Cand> = Vec::new();
        for c in &cands {
            let k = 2 * n.clause(c.start);
            let wider = NARROWER.iter().enumerate().any(|(j, (code, _))| {
                c.code == *code && narrow.get(k + j).copied().unwrap_or(false)
            });
            if !(wider
                || (answered && c.code == ReasonCode::WaitingReply)
                || (post && pre_sale(c.code))
                || (keep && c.code == ReasonCode::ChangedMind))
            {
                kept.push(*c);
            }
        }
        let cands = kept;
        if cands
            .iter()
            .any(|c| c.code == ReasonCode::ChangedMind && c.weight >= 3)
        {
            signals.declined = Some(m.index);
        }
        // 好的 / 谢谢 right after the agent's answer settles what was asked
        // about the goods and terms before.
        let after_agent = pos > 0 && msgs.get(pos - 1).is_some_and(|p| p.from == Role::Agent);
        if after_agent && cands.is_empty() && !asks_any && has(sp.ack) {
            // Cleared, not removed: a cleared score has no evidence, which
            // `decide` skips, and a later hit fills it again like a new one.
            for (code, s) in scores.iter_mut() {
                if pre_sale(*code) {
                    *s = Score::default();
                }
            }
        }
        let asks = asks_any || pings.0 > 0 || marks;
        if !answered && asks {
            signals.open_question = Some(m.index);
            // A bare question waits for an answer when it ends the message
            // as one: a question mark or particle, or a short clause.
            let k = qs.iter().rposition(|q| *q).unwrap_or(0);
            let (s, e) = n.clause_span(k);
            let clause = n.text.get(s..e).unwrap_or("");
            let ends_as_question = clause.chars().count() <= 12
                || clause
                    .trim_end_matches(|c| ",.!~… ".contains(c))
                    .ends_with(|c| "?吗么嘛呢".contains(c));
            plain = (cands.is_empty() && !post && !topic && pings.0 == 0 && ends_as_question)
                .then(|| evidence(n, m.text, m.index, s, e));
        } else {
            plain = None;
        }
        for c in &cands {
            let v = f64::from(c.weight) * recency;
            let i = match scores.iter().position(|(code, _)| *code == c.code) {
                Some(i) => i,
                None => {
                    scores.push((c.code, Score::default()));
                    scores.len() - 1
                }
            };
            if let Some((_, s)) = scores.get_mut(i) {
                s.best = s.best.max(v);
                s.sum += v;
                s.last = pos;
                if s.evidence.len() < MAX_EVIDENCE {
                    s.evidence
                        .push(evidence(n, m.text, m.index, c.start, c.end));
                }
            }
        }
        let base = m.at.unwrap_or(input.now);
        let default_hour = i64::from(input.settings.quiet_before.hour());
        if let Some(said) = when::named(n, m.text, base, &qs, payday, default_hour) {
            let ev = evidence(n, m.text, m.index, said.start, said.end);
            signals.named_time = Some(NamedTime {
                message_index: m.index,
                at: said.at,
                text: ev.text,
            });
        }
    }
    // The latest word wins: a pay day said after a named time replaces it.
    if signals.payday > signals.named_time.as_ref().map(|t| t.message_index) {
        signals.named_time = None;
    }
    Analysis {
        reason: decide(scores, plain, signals.consulted),
        signals,
    }
}

fn decide(
    mut scores: Vec<(ReasonCode, Score)>,
    plain: Option<Evidence>,
    consulted: bool,
) -> Reason {
    // Best first; ties go to the later message, then to the code listed
    // first: the keys differ (one entry per code), so the order of `scores`
    // does not count. A score without evidence was cleared (see `analyze`).
    let key = |(code, s): &(ReasonCode, Score)| (s.value(), s.last, Reverse(*code));
    let mut best: Option<usize> = None;
    for (i, x) in scores.iter().enumerate() {
        if !x.1.evidence.is_empty()
            && best
                .and_then(|b| scores.get(b))
                .is_none_or(|b| key(x) > key(b))
        {
            best = Some(i);
        }
    }
    let mut second: f64 = 0.0;
    for (i, (_, s)) in scores.iter().enumerate() {
        if Some(i) != best {
            second = second.max(s.value());
        }
    }
    match best.and_then(|b| scores.get_mut(b)) {
        Some((code, best)) => {
            let v = best.value();
            // 1 vague word → 0.4, one explicit phrase → 0.67, more → up to 0.95.
            let base = v / (v + 1.5);
            let conf = base * (1.0 - 0.35 * (second / v.max(0.01)).min(1.0));
            Reason {
                code: *code,
                confidence: round2(conf.clamp(0.15, 0.95)),
                evidence: std::mem::take(&mut best.evidence),
            }
        }
        None if !consulted => Reason {
            code: ReasonCode::SilentOrder,
            confidence: 0.9,
            evidence: Vec::new(),
        },
        None => match plain {
            Some(ev) => Reason {
                code: ReasonCode::WaitingReply,
                confidence: 0.35,
                evidence: vec![ev],
            },
            None => Reason {
                code: ReasonCode::Unknown,
                confidence: 0.3,
                evidence: Vec::new(),
            },
        },
    }
}

fn round2(x: f64) -> f64 {
    ((x * 100.0 + 0.5) as i64) as f64 / 100.0
}
