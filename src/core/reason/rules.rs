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
//! goods and terms asked before), `@none` (blocks a shorter phrase inside it
//! and means nothing: 运费险 is not postage, 能不能 is not a negation).

use std::sync::OnceLock;

use super::super::matcher::Matcher;
use super::super::model::ReasonCode;
use super::super::sort::sort_by_key;
use super::super::text::{digits, ends_in, trim_end_in};
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
}

pub struct Rules {
    pub matcher: Matcher,
    pub roles: Vec<Vec<Role>>,
    pub questions: Matcher,
    pub combos: Vec<Combo>,
    pub special: Special,
    /// Traditional → simplified (`fold.tsv`), for the normaliser.
    pub fold: Vec<(char, char)>,
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

fn weight(w: Option<&str>) -> u8 {
    w.and_then(|w| digits(w.trim()))
        .map_or(2, |w| w.clamp(1, 3) as u8)
}

fn id(name: &'static str, groups: &mut Vec<&'static str>) -> u8 {
    match groups.iter().position(|g| *g == name) {
        Some(i) => i as u8,
        None => {
            groups.push(name);
            (groups.len() - 1) as u8
        }
    }
}

/// The phrase table with the folding and time tables: one cache for the
/// tables of the reason detector.
pub fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(build)
}

/// The heading a table row sits under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    Group(&'static str),
    Code(ReasonCode, u8),
}

/// The table's rows with their headings; rows under an unknown heading are skipped.
fn rows() -> Vec<(Head, &'static str)> {
    let mut head = None;
    let mut out = Vec::new();
    for line in TABLE.lines().map(str::trim) {
        // `# ` starts a comment; `#` alone in a phrase stands for a number.
        if line.is_empty() || line.starts_with("# ") {
            continue;
        }
        if let Some(h) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            head = match h.strip_prefix('@') {
                Some(g) => Some(Head::Group(g)),
                None => {
                    let (c, w) = h.split_once(' ').unwrap_or((h, "2"));
                    ReasonCode::parse(c).map(|c| Head::Code(c, weight(Some(w))))
                }
            };
            continue;
        }
        if let Some(h) = head {
            out.push((h, line));
        }
    }
    out
}

fn build() -> Rules {
    let mut groups: Vec<&'static str> = Vec::new();
    let mut entries: Vec<(&str, Role)> = Vec::new();
    let mut qs: Vec<&str> = Vec::new();
    let mut combos = Vec::new();
    for (head, phrase) in rows() {
        match head {
            Head::Group("q") => qs.push(phrase),
            Head::Group(g) => entries.push((phrase, Role::Group(id(g, &mut groups)))),
            Head::Code(code, w) => match phrase.strip_prefix('@') {
                Some(pair) => {
                    let (a, b) = pair.split_once('+').unwrap_or((pair, "?"));
                    let a = id(a, &mut groups);
                    let b = b.strip_prefix('@').map(|b| id(b, &mut groups));
                    combos.push(Combo {
                        code,
                        a,
                        b,
                        weight: w,
                    });
                }
                None => entries.push((phrase, Role::Code(code, w))),
            },
        }
    }
    let mut rows = entries;
    let special = Special {
        neg: id("neg", &mut groups),
        ping: id("ping", &mut groups),
        stop: id("stop", &mut groups),
        post: id("post", &mut groups),
        topic: id("topic", &mut groups),
        payday: id("payday", &mut groups),
        keep: id("keep", &mut groups),
        notq: id("notq", &mut groups),
        ack: id("ack", &mut groups),
    };
    sort_by_key(&mut rows, |r| *r);
    rows.dedup();
    let mut pats: Vec<&str> = Vec::new();
    let mut roles: Vec<Vec<Role>> = Vec::new();
    for (p, r) in rows {
        if pats.last() == Some(&p) {
            if let Some(last) = roles.last_mut() {
                last.push(r);
            }
        } else {
            pats.push(p);
            roles.push(vec![r]);
        }
    }
    Rules {
        matcher: Matcher::new(&pats),
        roles,
        questions: Matcher::new(&qs),
        combos,
        special,
        fold: super::norm::read_fold(),
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
    /// Hits of the phrase table in `n`, left to right.
    pub fn find(&self, n: &Norm) -> Vec<Found> {
        let mut out = Vec::new();
        for h in self.matcher.find_iter(&n.text) {
            if at_word_bounds(n, h.start, h.end) {
                out.push(Found {
                    pattern: h.pattern,
                    start: h.start,
                    end: h.end,
                    clause: n.clause(h.start),
                });
            }
        }
        out
    }

    /// Which clauses of `n` are questions.
    pub fn questions(&self, n: &Norm) -> Vec<bool> {
        let mut q = vec![false; n.clauses()];
        for (k, slot) in q.iter_mut().enumerate() {
            let (s, e) = n.clause_span(k);
            let t = n.text.get(s..e).unwrap_or("");
            let t = trim_end_in(t, ",.!;~…、 \n");
            *slot = t.chars().any(|c| c == '?' || c == '吗') || ends_in(t, "么嘛呢吧不没");
        }
        // 好几次, 几乎, 没什么: a question word inside a word that does not ask.
        let found = self.find(n);
        for h in self.questions.find_iter(&n.text) {
            let inside = found
                .iter()
                .any(|f| f.start <= h.start && h.end <= f.end && self.is(f, self.special.notq));
            if at_word_bounds(n, h.start, h.end) && !inside {
                if let Some(slot) = q.get_mut(n.clause(h.start)) {
                    *slot = true;
                }
            }
        }
        q
    }

    /// The roles of a hit.
    pub fn roles(&self, f: &Found) -> &[Role] {
        self.roles.get(f.pattern).map_or(&[], Vec::as_slice)
    }

    /// Does the hit belong to group `g`.
    pub fn is(&self, f: &Found, g: u8) -> bool {
        self.roles(f).contains(&Role::Group(g))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_clean() {
        let mut seen: Vec<(Head, &str)> = Vec::new();
        let lines = TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with("# "));
        let headings = lines.clone().filter(|l| l.starts_with('[')).count();
        let all = rows();
        assert_eq!(
            all.len() + headings,
            lines.count(),
            "a row under an unknown heading"
        );
        for (head, phrase) in all {
            if !phrase.starts_with('@') {
                // Written as the normaliser leaves text, or it could never match.
                assert_eq!(Norm::new(phrase).text, phrase, "{head:?} {phrase}");
            }
            assert!(
                !seen.contains(&(head, phrase)),
                "duplicate row {head:?} {phrase}"
            );
            seen.push((head, phrase));
        }
        let r = rules();
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
