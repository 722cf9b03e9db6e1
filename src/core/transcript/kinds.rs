//! Lines that are not anyone's message: dividers the windows draw between
//! days or between read and new messages, and notices from the platform.

use super::stamp::{self, Day};
use super::{Pat, COLON, WS};

/// Divider phrases, with or without dashes around them.
const DIVIDERS: &[&str] = &[
    "以下为新消息",
    "以下是新消息",
    "以上为历史消息",
    "以上是历史消息",
    "以下为历史消息",
    "查看更多消息",
    "查看更多历史消息",
    "以上为全部消息",
    "暂无更多消息",
];

/// Chars that draw a divider line.
const DASH: Pat = |c| {
    matches!(
        c,
        '-' | '—' | '–' | '─' | '━' | '=' | '＝' | '_' | '－' | '*' | '·'
    ) || c.is_whitespace()
};

/// A divider line, with the date it names when it names one.
#[derive(Debug, PartialEq)]
pub(super) enum Divider {
    Plain,
    Dated(Day),
}

/// `-------- 以下为新消息 --------`, `—— 昨天 ——`, `——以上为历史消息——`,
/// `———— 2026-11-24 星期二 ————`, a row of dashes, or a bare date line
/// `2026-11-24` / `11月24日`.
pub(super) fn divider(line: &str) -> Option<Divider> {
    let inner = line.trim_matches(DASH);
    let marks = |s: &str| s.chars().filter(|&c| DASH(c) && !c.is_whitespace()).count();
    // Slices through `get`: no slicing panic code in the wasm.
    let left = marks(line.get(..line.len() - line.trim_start_matches(DASH).len())?);
    let right = marks(line.get(line.trim_end_matches(DASH).len()..)?);
    if inner.is_empty() {
        return (left >= 4).then_some(Divider::Plain);
    }
    if DIVIDERS.contains(&inner) {
        return Some(Divider::Plain);
    }
    // A date, maybe followed by its weekday.
    let date = match inner.split_once(WS) {
        Some((d, w)) if weekday(w.trim()) => stamp::day(d),
        _ => stamp::day(inner),
    };
    if let Some(d) = date {
        return Some(Divider::Dated(d));
    }
    let short = inner.chars().count() <= 24;
    (left >= 2 && right >= 2 && short).then_some(Divider::Plain)
}

fn weekday(w: &str) -> bool {
    let day = w
        .strip_prefix("星期")
        .or_else(|| w.strip_prefix("周"))
        .or_else(|| w.strip_prefix("礼拜"));
    day.is_some_and(|d| matches!(d, "一" | "二" | "三" | "四" | "五" | "六" | "日" | "天"))
}

/// Nicks that are the platform speaking.
pub(super) fn system_nick(nick: &str) -> bool {
    matches!(
        nick,
        "系统" | "系统消息" | "系统提示" | "系统通知" | "系統" | "系統訊息" | "system" | "System"
    )
}

/// Tags in brackets that open a platform notice: `[订单]…`, `【系统消息】…`.
const TAGS: &[&str] = &[
    "订单",
    "系统",
    "系统消息",
    "系统提示",
    "交易",
    "物流",
    "通知",
    "提示",
    "售后",
    "退款",
];

/// How platform notices begin when they have no tag.
const NOTICES: &[&str] = &[
    "买家已拍下",
    "买家已付款",
    "买家已下单",
    "买家已确认收货",
    "买家申请退款",
    "订单已关闭",
    "交易已关闭",
    "订单已取消",
    "会话已转接",
    "当前会话已转接",
    "会话已结束",
    "客服已接入",
    "对方已撤回一条消息",
    "你撤回了一条消息",
    "您撤回了一条消息",
];

const QUESTION: Pat = |c| matches!(c, '?' | '？' | '吗');

/// A platform notice: its text as the system message, or `None`.
pub(super) fn system(line: &str) -> Option<&str> {
    for (open, close) in [('[', ']'), ('【', '】')] {
        if let Some((tag, _)) = line.strip_prefix(open).and_then(|r| r.split_once(close)) {
            if TAGS.contains(&tag) {
                return Some(line);
            }
        }
    }
    // A question is someone asking, not the platform telling.
    let question = line.contains(QUESTION);
    if !question && NOTICES.iter().any(|n| line.starts_with(n)) {
        return Some(line);
    }
    let (nick, text) = line.split_once(COLON)?;
    let text = text.trim();
    (system_nick(nick.trim()) && !text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dividers() {
        for d in [
            "-------- 以下为新消息 --------",
            "——以上为历史消息——",
            "以下为新消息",
            "—— 昨天 ——",
            "---------------",
            "===== 2026-11-24 星期二 =====",
            "11月24日",
            "---- 对方正在输入 ----",
        ] {
            assert!(divider(d).is_some(), "{d}");
        }
        for d in ["-_-", "好的--", "—— 那就这样吧", "明天再说", "--a", "14:05"] {
            assert!(divider(d).is_none(), "{d}");
        }
        assert_eq!(
            divider("—— 昨天 ——"),
            Some(Divider::Dated(Day::Relative(-1)))
        );
    }

    #[test]
    fn notices() {
        assert_eq!(
            system("[订单]订单号 123 待付款"),
            Some("[订单]订单号 123 待付款")
        );
        assert_eq!(
            system("系统消息：买家已拍下，待付款"),
            Some("买家已拍下，待付款")
        );
        assert_eq!(system("买家已拍下，待付款"), Some("买家已拍下，待付款"));
        assert_eq!(system("[图片]"), None);
        assert_eq!(system("交易已关闭了吗？"), None);
        assert_eq!(system("买家已付款吗"), None);
        assert_eq!(system("tb_lili: 在吗"), None);
    }
}
