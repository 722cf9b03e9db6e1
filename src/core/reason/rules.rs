//! The phrase table (`src/data/reasons.tsv`) read into one matcher: each
//! distinct phrase carries its roles (a reason code with a weight, or a
//! group), plus the group combinations.
//!
//! Phrases are written as the normaliser leaves text: simplified characters
//! (traditional ones are folded through `fold.tsv`), half-width, lower case,
//! no spaces between CJK characters, every run of digits as `#`. One
//! phrase a row, under a heading:
//!
//! | heading | rows under it |
//! | --- | --- |
//! | `[code weight]` | phrases that show `code`; weight 1 = vague, 2 = clear, 3 = explicit |
//! | `[@group]` | the words of a group |
//!
//! Under a code heading, a row `@a+@b` means both groups in one clause, and
//! `@a+?` means `a` in a question (or just before one).
//!
//! A phrase may appear in several rows with different roles. Groups the
//! detector reads itself: `@neg` (a negation just before a phrase cancels it
//! in a statement), `@q` (question words; clauses ending in ? 吗 么 嘛 呢 吧
//! are questions too), `@ping` (在吗: a ping, not a cause, unless repeated or
//! after the agent spoke), `@stop` (do not contact me), `@post` (paid or
//! after-sales talk, in the buyer's message or the agent's one before it:
//! questions about goods and terms there are not why the order is unpaid),
//! `@topic` (other service topics: no waiting_reply for a bare question about
//! them), `@payday` (waits for pay day), `@keep` (wants to keep the order: no
//! changed_mind in that message), `@notq` (holds a question word but does
//! not ask: 好几次, 几乎), `@ack` (好的 / 谢谢 / ok: said right after the
//! agent's answer, with nothing else, it settles the questions about the
//! goods and terms asked before), `@done` (付了, paid: paid talk like
//! `@post` when it closes a clause that does not ask, set a condition or
//! put it off: 我付了 你们什么时候发, not 包邮我就付了 or 付了之后多久发),
//! `@praise` (不错, 很喜欢: a clause that praises without asking is no
//! doubt about the goods), `@other` (快递员, 不是你们的问题: anger at a
//! third party or cleared of the shop is not anger at the service),
//! `@solved` (解决了, 找回来了: a payment problem the buyer says is over is
//! not why the order is unpaid), `@sent` (the agent's word that the
//! parcel went out or arrived, or a return asked about: a 不要了 after it
//! is a return, not a changed mind),
//! `@none` (blocks a shorter phrase inside it and means nothing: 运费险 is
//! not postage, 能不能 is not a negation).
//!
//! `build.rs` resolves the table before it is embedded: each distinct
//! phrase once, under a block of all its roles, with fixed ids for the
//! groups above (see [`SPECIAL`]).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::super::model::ReasonCode;
use super::super::text::digits;
use super::super::text::lower_case_phrases;
use super::norm::{cjk, Norm};

const TABLE: &str = super::super::data::REASONS;

/// What a matched phrase means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Shows a reason, with a weight 1..=3.
    Code(ReasonCode, u8),
    /// Belongs to a group.
    Group(u8),
}

/// Two groups in one clause show a reason; `b == None` means "and the
/// clause is a question".
#[derive(Clone, Copy, Debug)]
pub struct Combo {
    pub code: ReasonCode,
    pub a: u8,
    pub b: Option<u8>,
    pub weight: u8,
}

/// Group ids the detector reads directly.
#[derive(Clone, Copy, Debug, Default)]
pub struct Special {
    pub neg: u8,
    pub ping: u8,
    pub stop: u8,
    pub post: u8,
    pub topic: u8,
    pub payday: u8,
    pub keep: u8,
    pub notq: u8,
    pub ack: u8,
    pub done: u8,
    pub praise: u8,
    pub other: u8,
    pub solved: u8,
    pub sent: u8,
}

pub struct Rules {
    pub matcher: AhoCorasick,
    /// The roles of each block of the table.
    pub roles: Vec<Vec<Role>>,
    /// The block of each phrase (an index into `roles`).
    pub block_of: Vec<usize>,
    /// The groups of each block below 128, one bit each (what [`Rules::is`] asks).
    pub groups: Vec<u128>,
    pub questions: AhoCorasick,
    pub combos: Vec<Combo>,
    /// The time words (`times.tsv`).
    pub times: super::when::Times,
}

/// One hit in a normalised message.
#[derive(Clone, Copy, Debug)]
pub struct Found {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
    pub clause: usize,
}

/// Group ids fixed by `build.rs` for the groups the detector reads.
pub const SPECIAL: Special = Special {
    neg: 0,
    ping: 1,
    stop: 2,
    post: 3,
    topic: 4,
    payday: 5,
    keep: 6,
    notq: 7,
    ack: 8,
    done: 9,
    praise: 10,
    other: 11,
    solved: 12,
    sent: 13,
};

/// A role token of the resolved table: `code:weight` or `@group`.
fn role(token: &str) -> Option<Role> {
    let small = |s: &str| digits(s).and_then(|v| u8::try_from(v).ok());
    match token.strip_prefix('@') {
        Some(g) => Some(Role::Group(small(g)?)),
        None => {
            let (code, w) = token.split_once(':')?;
            Some(Role::Code(ReasonCode::parse(code)?, small(w)?))
        }
    }
}

/// The phrase table with the time table: one cache for the
/// tables of the reason detector.
pub fn rules() -> &'static Rules {
    &RULES
}

/// Phrases and time words (`reasons.tsv`, `times.tsv`), read on first use.
static RULES: LazyLock<Rules> = LazyLock::new(build);

/// Reads the table as `build.rs` resolved it: `[roles]` blocks of phrases
/// (each phrase once, with all its roles), the `[?]` question words and the
/// `[=]` combination rows `code:weight a b`.
fn build() -> Rules {
    let mut pats: Vec<&str> = Vec::new();
    let mut roles: Vec<Vec<Role>> = Vec::new();
    let mut block_of: Vec<usize> = Vec::new();
    let mut qs: Vec<&str> = Vec::new();
    let mut combos = Vec::new();
    let mut head = "";
    // The block of the phrases under this heading, if it has roles.
    let mut block = None;
    for line in TABLE.lines() {
        if let Some(h) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            head = h;
            let mut list = Vec::new();
            for token in h.split(' ') {
                if let Some(r) = role(token) {
                    list.push(r);
                }
            }
            block = (!list.is_empty()).then_some(roles.len());
            if block.is_some() {
                roles.push(list);
            }
            continue;
        }
        match head {
            "?" => qs.push(line),
            "=" => {
                let mut f = line.split(' ');
                let (Some(Role::Code(code, weight)), Some(a), Some(b)) =
                    (f.next().and_then(role), f.next().and_then(digits), f.next())
                else {
                    continue;
                };
                combos.push(Combo {
                    code,
                    a: a as u8,
                    b: digits(b).map(|b| b as u8),
                    weight,
                });
            }
            _ => {
                if let Some(b) = block {
                    pats.push(line);
                    block_of.push(b);
                }
            }
        }
    }
    let groups = roles
        .iter()
        .map(|list| {
            list.iter().fold(0u128, |m, r| match r {
                Role::Group(g) => m | 1u128.checked_shl((*g).into()).unwrap_or(0),
                Role::Code(..) => m,
            })
        })
        .collect();
    Rules {
        groups,
        matcher: lower_case_phrases(&pats),
        roles,
        block_of,
        questions: lower_case_phrases(&qs),
        combos,
        times: super::when::read_times(),
    }
}

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Drops hits of ASCII words inside longer words ("hi" in "this").
fn at_word_bounds(n: &Norm, start: usize, end: usize) -> bool {
    let first = n.at(start);
    let last = n.before(end);
    let bad_start = word_char(first) && word_char(n.before(start));
    let bad_end = word_char(last) && word_char(n.at(end));
    !(bad_start || bad_end) || first.is_some_and(cjk)
}

impl Rules {
    /// Hits of the phrase table in `n`, left to right, into `out` (cleared
    /// first).
    pub fn find(&self, n: &Norm, out: &mut Vec<Found>) {
        out.clear();
        for h in self.matcher.find_iter(&n.text) {
            if at_word_bounds(n, h.start(), h.end()) {
                out.push(Found {
                    pattern: h.pattern().as_usize(),
                    start: h.start(),
                    end: h.end(),
                    clause: n.clause(h.start()),
                });
            }
        }
    }

    /// Which clauses of `n` are questions.
    /// `hits` are [`Rules::find`]'s hits in `n`.
    pub fn questions(&self, n: &Norm, hits: &[Found]) -> Vec<bool> {
        let mut q = Vec::with_capacity(n.clauses());
        for k in 0..n.clauses() {
            let (s, e) = n.clause_span(k);
            let t = n.text.get(s..e).unwrap_or("");
            let t = t.trim_end_matches(|c| {
                matches!(c, ',' | '.' | '!' | ';' | '~' | '…' | '、' | ' ' | '\n')
            });
            q.push(
                t.contains(['?', '吗'])
                    || t.ends_with(['么', '嘛', '呢', '吧', '不', '没'])
                    || a_not_a(t)
                    || a_or_b(t),
            );
        }
        // 好几次, 几乎, 没什么: a question word inside a word that does not ask.
        for h in self.questions.find_iter(&n.text) {
            let inside = hits
                .iter()
                .any(|f| f.start <= h.start() && h.end() <= f.end && self.is(f, SPECIAL.notq));
            // pay monday when i get paid: `when` after the clause's first
            // word joins two clauses rather than asking.
            let (cs, _) = n.clause_span(n.clause(h.start()));
            let joins = n.text.get(h.start()..h.end()) == Some("when")
                && n.text
                    .get(cs..h.start())
                    .is_some_and(|head| !head.trim().is_empty());
            if at_word_bounds(n, h.start(), h.end()) && !inside && !joins {
                if let Some(slot) = q.get_mut(n.clause(h.start())) {
                    *slot = true;
                }
            }
        }
        q
    }

    /// The roles of a hit.
    pub fn roles(&self, f: &Found) -> &[Role] {
        self.block_of
            .get(f.pattern)
            .and_then(|&b| self.roles.get(b))
            .map_or(&[], Vec::as_slice)
    }

    /// Does one of `hits` belong to group `g`. Not inlined: the detector
    /// asks it of many groups.
    pub fn any(&self, hits: &[Found], g: u8) -> bool {
        hits.iter().any(|f| self.is(f, g))
    }

    /// Does the hit belong to group `g`.
    pub fn is(&self, f: &Found, g: u8) -> bool {
        match (self.block_of.get(f.pattern), 1u128.checked_shl(g.into())) {
            (Some(&b), Some(bit)) => self.groups.get(b).is_some_and(|m| m & bit != 0),
            _ => self
                .roles(f)
                .iter()
                .any(|r| matches!(r, Role::Group(x) if *x == g)),
        }
    }
}

/// A choice asked without a question mark: 穿44还是45, 要黑色还是白色
/// (not 还是没到, 还是不要了, 还是算了: 还是 as "still" or "rather").
fn a_or_b(t: &str) -> bool {
    t.split_once("还是").is_some_and(|(a, b)| {
        let b = b.trim_start();
        !a.trim().is_empty()
            && b.chars().count() >= 1
            && ![
                "不",
                "没",
                "要",
                "会",
                "觉得",
                "算了",
                "先",
                "很",
                "挺",
                "有点",
                "想",
                "那",
                "这",
                "得",
                "用",
                "一样",
                "老样子",
            ]
            .iter()
            .any(|w| b.starts_with(w))
    })
}

/// A Chinese A-not-A question: 起不起球, 有没有货, 能不能便宜, 会不会小.
fn a_not_a(t: &str) -> bool {
    // Runs for every clause of every buyer message: no allocation.
    let mut cs = t.chars();
    let (mut a, mut not) = (cs.next(), cs.next());
    for b in cs {
        if let (Some(x), Some('不' | '没')) = (a, not) {
            if x == b && !x.is_ascii() && x != '不' && x != '没' {
                return true;
            }
        }
        (a, not) = (not, Some(b));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_clean() {
        let mut head = "";
        for line in TABLE.lines() {
            if let Some(h) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                head = h;
                // Every role names a known code or a group: no row is lost.
                if h != "?" && h != "=" {
                    for token in h.split(' ') {
                        assert!(role(token).is_some(), "unknown heading {token}");
                    }
                }
            } else if head != "=" {
                // Written as the normaliser leaves text, or it could never match.
                assert_eq!(Norm::new(line).text, line, "[{head}] {line}");
            }
        }
        let r = rules();
        assert_eq!(
            r.combos.len(),
            TABLE.lines().skip_while(|l| *l != "[=]").count() - 1
        );
        for code in ReasonCode::ALL {
            if matches!(code, ReasonCode::SilentOrder | ReasonCode::Unknown) {
                continue;
            }
            let direct = r
                .roles
                .iter()
                .flatten()
                .any(|x| matches!(x, Role::Code(c, _) if *c == code));
            assert!(direct, "no phrase for {}", code.as_str());
        }
    }
}
