//! Which channel and which tone.

use super::input::Input;
use super::model::{Channel, ReasonCode, Tone};
use super::reason::Analysis;
use super::text::tr;

/// Picks the channel: IM by default, phone for big orders where the margin pays (001, 000).
pub fn channel(input: &Input, analysis: &Analysis) -> (Channel, String) {
    let loc = input.locale;
    let s = &input.settings;
    let big = s
        .avg_order_value
        .is_some_and(|avg| input.amount >= 3.0 * avg);
    let margin_ok = s.margin.is_none_or(|m| m >= 0.2);
    if big && margin_ok && analysis.reason.code == ReasonCode::SilentOrder {
        return (
            Channel::Phone,
            tr(
                loc,
                "大额静默订单,利润够,打电话更有效。",
                "大額靜默訂單,利潤夠,打電話更有效。",
                "A big silent order with enough margin: a call works best.",
            )
            .into(),
        );
    }
    (
        Channel::Im,
        tr(
            loc,
            "旺旺免费、打扰小,先用旺旺。",
            "旺旺免費、打擾小,先用旺旺。",
            "IM is free and low-intrusion: use it first.",
        )
        .into(),
    )
}

/// Picks the tone from the reason, the buyer and the channel.
pub fn tone(input: &Input, analysis: &Analysis, channel: Channel) -> (Tone, String) {
    let loc = input.locale;
    let t = if channel != Channel::Im {
        Tone::Formal
    } else if input.returning {
        Tone::Gentle
    } else {
        match analysis.reason.code {
            ReasonCode::NoviceBuyer
            | ReasonCode::ForgotPassword
            | ReasonCode::PaymentTrouble
            | ReasonCode::PaymentSystemIssue
            | ReasonCode::InsufficientBalance => Tone::Warm,
            ReasonCode::ProductDoubt | ReasonCode::ServiceUnhappy => Tone::Reassuring,
            _ => Tone::Playful,
        }
    };
    let why = match t {
        Tone::Formal => tr(
            loc,
            "短信和电话用正式、礼貌的语气。",
            "簡訊和電話用正式、禮貌的語氣。",
            "SMS and phone call for a formal, polite tone.",
        ),
        Tone::Gentle => tr(
            loc,
            "老顾客,语气委婉亲切。",
            "老顧客,語氣委婉親切。",
            "A returning buyer: gentle and thankful.",
        ),
        Tone::Warm => tr(
            loc,
            "买家付款有困难,语气热情、帮忙为主。",
            "買家付款有困難,語氣熱情、幫忙為主。",
            "The buyer has trouble paying: warm and helpful.",
        ),
        Tone::Reassuring => tr(
            loc,
            "买家有顾虑,先讲保障让人放心。",
            "買家有顧慮,先講保障讓人放心。",
            "The buyer has doubts: reassure with facts.",
        ),
        Tone::Urgent => tr(
            loc,
            "快关单了,提醒时间。",
            "快關單了,提醒時間。",
            "The order closes soon: mention the time.",
        ),
        Tone::Playful => tr(
            loc,
            "旺旺上俏皮可爱一点,不显得像机器人。",
            "旺旺上俏皮可愛一點,不顯得像機器人。",
            "On IM, light and friendly, never robotic.",
        ),
    };
    (t, why.into())
}
