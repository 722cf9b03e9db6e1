//! Sentence builders in zh-CN, zh-TW and English, shared by every part that
//! writes for the agent (`why`, warnings, the remark, the lint).
//!
//! A sentence is one `zh-CN|zh-TW|en` string (see [`t3`] and [`trf`]), so
//! each call site names one string rather than three; word tables are such
//! rows, one a line (see [`row`]).

use std::sync::LazyLock;

use chrono::{DateTime, Duration, FixedOffset, NaiveTime};

use super::clock;
use super::model::{Channel, Locale, ReasonCode, Warning};

/// `tpl` with each `{}` replaced by the next of `args`.
pub fn fill(tpl: &str, args: &[&str]) -> String {
    fill_in(tpl, args, false)
}

/// Simplified characters of the sentences here and their traditional
/// forms, in pairs: the `~` of a sentence row (see [`trf`]).
const TRADITIONAL: &str = "\
“「”」个個临臨为為么麼买買于於亲親价價优優体體余餘关關内內别別务務动動势勢单單\
压壓发發后後够夠头頭对對尽盡帮幫库庫应應张張强強态態扰擾择擇换換撑撐时時机機来來\
样樣气氣没沒润潤点點热熱爱愛犹猶现現电電着著礼禮离離种種紧緊约約绕繞给給绪緒虑慮\
虽雖规規订訂让讓讲講设設话話该該语語说說谢謝账帳费費轻輕过過还還这這进進适適选選\
钟鐘钱錢铺鋪闭閉问問间間难難静靜顺順顾顧额額";

/// [`TRADITIONAL`] as (simplified, traditional) pairs sorted by the
/// simplified form, the first pair of each kept, read once.
static PAIRS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    let mut it = TRADITIONAL.chars();
    let mut pairs = Vec::new();
    while let (Some(s), Some(t)) = (it.next(), it.next()) {
        pairs.push((s, t));
    }
    // Stable: of pairs with the same simplified form, the first stays first.
    pairs.sort_by_key(|p| p.0);
    pairs.dedup_by_key(|p| p.0);
    pairs
});

/// `c` in traditional form, if [`TRADITIONAL`] lists it.
fn traditional(c: char) -> char {
    PAIRS
        .binary_search_by_key(&c, |p| p.0)
        .ok()
        .and_then(|i| PAIRS.get(i))
        .map_or(c, |p| p.1)
}

/// Appends `s`, in traditional characters if `tw`.
fn push_text(out: &mut String, s: &str, tw: bool) {
    if tw {
        out.extend(s.chars().map(traditional));
    } else {
        out.push_str(s);
    }
}

/// [`fill`], writing the text of `tpl` (not the arguments) in traditional
/// characters if `tw`.
fn fill_in(tpl: &str, args: &[&str], tw: bool) -> String {
    let mut out = String::with_capacity(tpl.len() + 24);
    let mut pieces = tpl.split("{}");
    push_text(&mut out, pieces.next().unwrap_or(""), tw);
    let mut args = args.iter();
    for piece in pieces {
        let arg = args.next().copied().unwrap_or("");
        // No space between two non-ASCII characters ("顺延到 明天" → "顺延到明天").
        let mut end = out.chars().rev();
        if arg.chars().next().is_some_and(|c| !c.is_ascii())
            && end.next() == Some(' ')
            && end.next().is_some_and(|c| !c.is_ascii())
        {
            out.pop();
        }
        out.push_str(arg);
        push_text(&mut out, piece, tw);
    }
    out
}

/// `HH:MM` of a time of day.
pub fn hhmm(t: NaiveTime) -> String {
    hms(super::clock::secs(t))
}

/// `HH:MM` of `s` seconds since midnight (`0 <= s < 86,400`).
pub fn hms(s: i64) -> String {
    format!("{:02}:{:02}", s / 3600, s / 60 % 60)
}

/// The sentence for `loc` with its `{}` slots filled. `row` is as for
/// [`t3`], and its zh-TW part may be `~`: the zh-CN text written in
/// traditional characters (see [`TRADITIONAL`]).
pub fn trf(loc: Locale, row: &'static str, args: &[&str]) -> String {
    let text = t3(loc, row);
    if text == "~" {
        return fill_in(part(row, '|', 0), args, true);
    }
    fill(text, args)
}

/// Part `k` of `s`, counting parts separated by `sep`; `""` past the end.
pub fn part(s: &'static str, sep: char, k: usize) -> &'static str {
    s.split(sep).nth(k).unwrap_or("")
}

/// The part of `row` (`zh-CN|zh-TW|en`) for `loc`; an empty zh-TW part is
/// the zh-CN one. One string per sentence keeps each call site small.
pub fn t3(loc: Locale, row: &'static str) -> &'static str {
    match part(row, '|', loc as usize) {
        "" => part(row, '|', 0),
        p => p,
    }
}

/// Row `i` of a table of `zh-CN|zh-TW|en` lines, for `loc`.
pub fn row(table: &'static str, i: usize, loc: Locale) -> &'static str {
    t3(loc, part(table, '\n', i))
}

const WEEKDAYS: &str = "\
周日|週日|Sun\n\
周一|週一|Mon\n\
周二|週二|Tue\n\
周三|週三|Wed\n\
周四|週四|Thu\n\
周五|週五|Fri\n\
周六|週六|Sat";

/// The weekday of `t`: 周一 / 週一 / Mon.
pub fn weekday(t: &DateTime<FixedOffset>, loc: Locale) -> &'static str {
    row(WEEKDAYS, clock::weekday(clock::day(t)), loc)
}

/// `M/D` of a time, e.g. `11/24`.
pub fn md(t: &DateTime<FixedOffset>) -> String {
    let (_, month, day) = clock::civil(clock::day(t));
    format!("{month}/{day}")
}

/// A moment as seen from `now`: `13:30`, `明天 10:00`, `11/30(周一) 10:00`
/// (en `13:30`, `10:00 tomorrow`, `10:00 on Mon 11/30`).
pub fn when(t: DateTime<FixedOffset>, now: DateTime<FixedOffset>, loc: Locale) -> String {
    let hm = hms(clock::sod(&t));
    match clock::days_after(&now, &t) {
        0 => hm,
        1 => trf(loc, "明天 {}||{} tomorrow", &[&hm]),
        _ => {
            let wd = weekday(&t, loc);
            let d = md(&t);
            if loc == Locale::En {
                fill("{} on {} {}", &[&hm, wd, &d])
            } else {
                fill("{}（{}） {}", &[&d, wd, &hm])
            }
        }
    }
}

/// A duration: `10 分钟`, `2 小时`, `1 小时 30 分钟`, `3 天` (en `10 min`, `2 h`, `3 days`).
pub fn span(d: Duration, loc: Locale) -> String {
    let m = d.num_minutes().max(0);
    let (h, mm) = (m / 60, m % 60);
    let (hs, ms) = (h.to_string(), mm.to_string());
    if h >= 48 && mm == 0 && h % 24 == 0 {
        let ds = (h / 24).to_string();
        trf(loc, "{} 天||{} days", &[&ds])
    } else if h == 0 {
        trf(loc, "{} 分钟|~|{} min", &[&ms])
    } else if mm == 0 {
        trf(loc, "{} 小时|~|{} h", &[&hs])
    } else {
        trf(loc, "{} 小时 {} 分钟|~|{} h {} min", &[&hs, &ms])
    }
}

/// `s` with an ASCII first letter in upper case (the English sentences
/// start with ASCII letters).
pub fn capital(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(f) = out.get_mut(..1) {
        f.make_ascii_uppercase();
    }
    out
}

/// Whole yuan, rounded.
pub fn yuan(x: f64) -> String {
    (x.max(0.0).round() as i64).to_string()
}

/// One decimal, rounded, e.g. `3.3`.
pub fn tenths(x: f64) -> String {
    let n = (x.max(0.0) * 10.0).round() as i64;
    format!("{}.{}", n / 10, n % 10)
}

/// A percentage, rounded, e.g. `8` for 0.08.
pub fn pct(x: f64) -> String {
    ((x.max(0.0) * 100.0).round() as i64).to_string()
}

/// The separator of a list of words: `、` (Chinese) or `, ` (English).
pub fn list_sep(loc: Locale) -> &'static str {
    t3(loc, "、||, ")
}

/// Appends `word` to the list in `out`, after `sep` unless `out` is empty.
pub fn push_item(out: &mut String, sep: &str, word: &str) {
    if !out.is_empty() {
        out.push_str(sep);
    }
    out.push_str(word);
}

/// A warning with no text range.
pub fn warning(code: &str, message: String) -> Warning {
    Warning {
        code: code.into(),
        message,
        start: None,
        path: None,
        end: None,
    }
}

const CHANNELS: &str = "\
旺旺||IM\n\
短信|簡訊|SMS\n\
电话|電話|phone";

/// The channel's name in the locale.
pub fn channel_name(c: Channel, loc: Locale) -> &'static str {
    row(CHANNELS, c as usize, loc)
}

const REASONS: &str = "\
余额不足|餘額不足|low balance\n\
忘记密码|忘記密碼|forgot password\n\
不会付款|不會付款|new to paying\n\
支付系统问题|支付系統問題|payment system down\n\
付款遇到困难|付款遇到困難|payment trouble\n\
买家议价|買家議價|bargaining\n\
邮费异议|運費異議|postage\n\
对商品有疑虑|對商品有疑慮|product doubts\n\
货比三家|貨比三家|comparing shops\n\
等客服回复|等客服回覆|awaiting reply\n\
对服务不满|對服務不滿|unhappy with service\n\
要合并订单|要合併訂單|merge orders\n\
问赠品活动|問贈品活動|asks about offers\n\
问发货时间|問出貨時間|asks about shipping\n\
不想要了||changed mind\n\
静默下单|靜默下單|silent order\n\
原因不明||cause unknown";

/// A short label of the reason, for the remark.
pub fn reason_name(c: ReasonCode, loc: Locale) -> &'static str {
    row(REASONS, c as usize, loc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_in_order_and_tolerates_missing_args() {
        assert_eq!(fill("{} 和 {}", &["a", "b"]), "a 和 b");
        assert_eq!(fill("{} 和 {}", &["a"]), "a 和 ");
        assert_eq!(fill("无", &["a"]), "无");
        assert_eq!(fill("顺延到 {}", &["明天 10:00"]), "顺延到明天 10:00");
        assert_eq!(fill("顺延到 {}", &["13:30"]), "顺延到 13:30");
        assert_eq!(fill("moved to {}", &["明天"]), "moved to 明天");
    }

    #[test]
    fn tilde_rows_convert_the_sentence_not_the_arguments() {
        let row = "买家说“{}”|~|The buyer said “{}”";
        assert_eq!(trf(Locale::ZhTw, row, &["发"]), "買家說「发」");
        assert_eq!(trf(Locale::ZhCn, row, &["发"]), "买家说“发”");
        assert_eq!(trf(Locale::En, row, &["x"]), "The buyer said “x”");
    }

    #[test]
    fn traditional_pairs_are_whole_and_unique() {
        let chars: Vec<char> = TRADITIONAL.chars().collect();
        assert_eq!(chars.len() % 2, 0);
        let simplified: Vec<char> = chars.iter().step_by(2).copied().collect();
        for (i, c) in simplified.iter().enumerate() {
            assert!(!simplified[i + 1..].contains(c), "{c} twice");
            assert_ne!(traditional(*c), *c);
        }
        assert_eq!(traditional('王'), '王');
    }

    #[test]
    fn rows_pick_the_locale() {
        assert_eq!(t3(Locale::ZhTw, "明天||tomorrow"), "明天");
        assert_eq!(t3(Locale::En, "明天||tomorrow"), "tomorrow");
        assert_eq!(t3(Locale::ZhTw, "短信|簡訊|SMS"), "簡訊");
        assert_eq!(row(CHANNELS, 2, Locale::En), "phone");
        assert_eq!(row(CHANNELS, 9, Locale::En), "");
    }

    #[test]
    fn numbers_are_rounded() {
        assert_eq!(tenths(3.2875), "3.3");
        assert_eq!(tenths(2.0), "2.0");
        assert_eq!(yuan(262.6), "263");
        assert_eq!(pct(0.08), "8");
        assert_eq!(span(Duration::minutes(90), Locale::ZhCn), "1 小时 30 分钟");
        assert_eq!(span(Duration::hours(72), Locale::En), "3 days");
        assert_eq!(span(Duration::minutes(10), Locale::ZhTw), "10 分鐘");
    }
}
