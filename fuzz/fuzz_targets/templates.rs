//! Shop templates: `checkTemplates` on one template per line of the text,
//! then a `suggest` that renders them for every channel the flags allow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (flags, text) = cuifu_fuzz::flags_and_text(data);
    let templates: Vec<cuifu::ShopTemplate> = text
        .split('\n')
        .enumerate()
        .map(|(i, t)| cuifu::ShopTemplate {
            id: format!("t{i}"),
            text: t.to_string(),
            channel: match (flags >> 2) & 3 {
                1 => Some(cuifu::Channel::Im),
                2 => Some(cuifu::Channel::Sms),
                3 => Some(cuifu::Channel::Phone),
                _ => None,
            },
            reason: None,
            locale: cuifu_fuzz::locale(flags),
        })
        .collect();
    let checked = cuifu::check_templates(&templates);
    let role = if flags & 16 == 16 { cuifu::Role::Agent } else { cuifu::Role::Buyer };
    let mut ctx = cuifu_fuzz::rendering_context(text.lines().next().unwrap_or(""), role);
    ctx.locale = cuifu_fuzz::locale(flags);
    if let Some(shop) = ctx.shop.as_mut() {
        shop.templates = templates;
    }
    let suggested = cuifu::suggest(&ctx);
    // The same templates are accepted by both, or refused by both.
    assert_eq!(checked.is_ok(), suggested.is_ok(), "{checked:?} / {:?}", suggested.as_ref().err());
});
