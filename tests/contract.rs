//! The contract fixtures stay complete: `tests/data/full_context.json` sets
//! every input field the public TypeScript surface declares, so the wasm
//! boundary test that reads it (tests/common/wasm_cases.rs) covers them all.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

fn interface_fields(dts: &str, name: &str) -> BTreeSet<String> {
    let start = dts
        .find(&format!("export interface {name} {{"))
        .unwrap_or_else(|| panic!("interface {name} in tests/api.d.ts"));
    let body = &dts[start..];
    let end = body.find("\n}").expect("interface end");
    body[..end]
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.starts_with("/**") && !l.starts_with('*') && !l.is_empty())
        .filter_map(|l| l.split([':', '?']).next())
        .map(|f| f.trim().to_string())
        .collect()
}

fn keys(v: &serde_json::Value) -> BTreeSet<String> {
    v.as_object().expect("an object").keys().cloned().collect()
}

#[test]
fn full_context_sets_every_declared_field() {
    let dts = include_str!("api.d.ts");
    let full: serde_json::Value =
        serde_json::from_str(include_str!("data/full_context.json")).expect("fixture parses");
    let shop = &full["shop"];
    let cases = [
        ("ChatContext", &full),
        ("Order", &full["order"]),
        ("Item", &full["order"]["items"][0]),
        ("Buyer", &full["buyer"]),
        ("Message", &full["messages"][0]),
        ("SentReminder", &full["reminders"][0]),
        ("Shop", shop),
        ("Campaign", &shop["campaign"]),
        ("ShopTemplate", &shop["templates"][0]),
        ("ShopAnswer", &shop["answers"][0]),
    ];
    for (name, value) in cases {
        let declared = interface_fields(dts, name);
        assert!(!declared.is_empty(), "{name} has fields");
        let present = keys(value);
        let missing: Vec<_> = declared.difference(&present).collect();
        assert!(missing.is_empty(), "{name}: fixture lacks {missing:?}");
    }
}

#[test]
fn full_context_is_valid() {
    let ctx: cuifu::ChatContext =
        serde_json::from_str(include_str!("data/full_context.json")).expect("fixture parses");
    cuifu::suggest(&ctx).expect("fixture is a valid context");
}
