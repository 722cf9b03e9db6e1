//! Candidate reminder lines.

use super::error::Error;
use super::input::Input;
use super::model::{Channel, Line, Locale, ReasonCode, Tone};
use super::reason::Analysis;
use super::timing::Timing;

/// What the lines are for.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    /// The checked context.
    pub input: &'a Input<'a>,
    /// The reason found.
    pub reason: ReasonCode,
    /// The channel chosen.
    pub channel: Channel,
    /// The tone chosen.
    pub tone: Tone,
    /// What the chat says (evidence, open question, named time).
    pub analysis: &'a Analysis,
    /// When and why (occasion, close time, send time).
    pub timing: &'a Timing,
}

fn item_title<'a>(input: &'a Input) -> Option<&'a str> {
    input
        .items()
        .first()
        .map(|i| i.title.trim())
        .filter(|t| !t.is_empty())
}

/// At least three lines for `req`, best first.
pub fn candidates(req: &Request) -> Result<Vec<Line>, Error> {
    let input = req.input;
    let item = item_title(input);
    let mut out = Vec::new();
    let mut push = |id: &str, angle: &str, text: String| {
        out.push(Line {
            text,
            template_id: id.into(),
            angle: angle.into(),
        })
    };
    match input.locale {
        Locale::ZhCn => {
            let what = item
                .map(|t| format!("拍的「{t}」"))
                .unwrap_or_else(|| "拍下的宝贝".into());
            push(
                "basic.help.zh-CN",
                "help",
                format!("亲,看到您{what}还没付款,是付款遇到什么问题了吗?需要的话我随时帮您~"),
            );
            push(
                "basic.check.zh-CN",
                "check",
                "亲,跟您核对一下收货地址,地址没问题的话,付款后我们就尽快安排发货啦~".into(),
            );
            push(
                "basic.deadline.zh-CN",
                "deadline",
                "亲,订单还在为您保留,超时未付系统会自动关闭哦,喜欢的话别错过~".into(),
            );
        }
        Locale::ZhTw => {
            let what = item
                .map(|t| format!("下單的「{t}」"))
                .unwrap_or_else(|| "下單的商品".into());
            push(
                "basic.help.zh-TW",
                "help",
                format!("您好,看到您{what}還沒付款,是付款遇到什麼問題嗎?需要的話我隨時幫您~"),
            );
            push(
                "basic.check.zh-TW",
                "check",
                "您好,跟您確認一下收件地址,地址沒問題的話,付款後我們就盡快安排出貨喔~".into(),
            );
            push(
                "basic.deadline.zh-TW",
                "deadline",
                "您好,訂單還幫您保留著,逾時未付系統會自動取消喔,喜歡的話別錯過~".into(),
            );
        }
        Locale::En => {
            let what = item
                .map(|t| format!("your {t}"))
                .unwrap_or_else(|| "your order".into());
            push("basic.help.en", "help", format!("Hi! I noticed {what} hasn't been paid yet. Did anything go wrong at checkout? Happy to help."));
            push("basic.check.en", "check", "Hi! Just checking your shipping address. If it looks right, we'll get your order ready as soon as payment comes through.".into());
            push("basic.deadline.en", "deadline", "Hi! We're still holding your order, but unpaid orders close automatically after a while. Don't miss out if you still want it!".into());
        }
    }
    Ok(out)
}
