//! Snapshot of the candidate lines for each scenario in `tests/fixtures/`,
//! on every channel, so every wording change is reviewed.
//! Update: `INSTA_UPDATE=always cargo test --test snapshots`, then review the diff.

#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;

use cuifu::core::input::Input;
use cuifu::core::{lines, lint, plan, reason, timing};
use cuifu::{Channel, ChatContext, LintOptions};

fn render(ctx: &ChatContext) -> String {
    let input = Input::read(ctx, None).expect("fixture reads");
    let analysis = reason::analyze(&input);
    let timing = timing::plan(&input, &analysis);
    let mut out = String::new();
    writeln!(
        out,
        "reason: {}  occasion: {:?}  action: {:?}",
        analysis.reason.code.as_str(),
        timing.occasion,
        timing.action
    )
    .unwrap();
    for channel in [Channel::Im, Channel::Sms, Channel::Phone] {
        let (tone, _) = plan::tone(&input, &analysis, &timing, channel);
        let req = lines::Request {
            input: &input,
            reason: analysis.reason.code,
            channel,
            tone,
            analysis: &analysis,
            timing: &timing,
        };
        let lines = lines::candidates(&req).expect("lines");
        writeln!(out, "\n[{} {}]", channel.as_str(), tone.as_str()).unwrap();
        for l in lines {
            writeln!(
                out,
                "{} ({}):\n  {}",
                l.template_id,
                l.angle,
                l.text.replace('\n', "\n  ")
            )
            .unwrap();
            if !l.template_id.starts_with("shop.") {
                let opts = LintOptions {
                    channel: Some(channel),
                    buyer_name: ctx
                        .buyer
                        .as_ref()
                        .and_then(|b| b.name.clone())
                        .filter(|n| l.text.contains(n.as_str())),
                    ..LintOptions::default()
                };
                let mut w = lint::lint(&l.text, &opts).unwrap();
                // Without the buyer's name an SMS can only say 亲 (seed 001: the name first).
                w.retain(|w| w.code != "missing_name_sms" || opts.buyer_name.is_some());
                assert!(w.is_empty(), "{}: {:?}", l.text, w);
            }
        }
    }
    out
}

#[test]
fn scenario_lines() {
    insta::glob!("fixtures/*.json", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let ctx: ChatContext = serde_json::from_str(&text).unwrap();
        insta::assert_snapshot!(render(&ctx));
    });
}
