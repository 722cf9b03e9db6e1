// Boundary checks shared by the Node and the browser wasm test binaries:
// only what can differ across the JS boundary (JSON text ↔ JS values, the
// error object, the clock); the logic itself is tested natively.

use cuifu::wasm::{lint_line, rank_orders, suggest_reminder, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn json(s: &str) -> JsValue {
    js_sys::JSON::parse(s).expect("test JSON parses")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).expect("property read")
}

const CONTEXT: &str = r#"{"now":"2026-11-24T15:00:00+08:00",
  "order":{"placedAt":"2026-11-24T14:30:00+08:00","amount":99},
  "messages":[{"from":"buyer","text":"能便宜点吗","at":"2026-11-24T14:41:00+08:00"}]}"#;

#[wasm_bindgen_test]
fn suggest_round_trips_through_js_objects() {
    let out: JsValue = suggest_reminder(json(CONTEXT)).expect("valid context");
    let reason = get(&out, "reason");
    assert_eq!(
        get(&reason, "code").as_string().as_deref(),
        Some("price_bargain")
    );
    assert!(js_sys::Array::is_array(&get(&out, "lines")));
    assert_eq!(
        get(&out, "closesAt").as_string().as_deref(),
        Some("2026-11-27T14:30:00+08:00")
    );
}

#[wasm_bindgen_test]
fn stop_has_null_send_at() {
    let ctx = CONTEXT.replace("\"amount\":99", "\"amount\":99,\"paid\":true");
    let out: JsValue = suggest_reminder(json(&ctx)).expect("valid context");
    assert!(get(&out, "sendAt").is_null());
}

#[wasm_bindgen_test]
fn errors_are_cuifu_errors_with_code_and_path() {
    let bad = CONTEXT.replace("\"buyer\",\"text\"", "\"customer\",\"text\"");
    let err = suggest_reminder(json(&bad)).expect_err("bad role");
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "name").as_string().as_deref(), Some("CuifuError"));
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("invalid_value")
    );
    assert_eq!(
        get(&err, "path").as_string().as_deref(),
        Some("messages[0].from")
    );
    // The module keeps working after a bad call.
    assert!(suggest_reminder(json(CONTEXT)).is_ok());
}

#[wasm_bindgen_test]
fn missing_now_reads_the_js_clock() {
    let ctx = CONTEXT.replace("\"now\":\"2026-11-24T15:00:00+08:00\",", "");
    assert!(suggest_reminder(json(&ctx)).is_ok());
}

#[wasm_bindgen_test]
fn lint_offsets_are_utf16() {
    let out = lint_line(JsValue::from_str("😀全网最低"), None).expect("lints");
    let first = js_sys::Array::from(&out).get(0);
    assert_eq!(get(&first, "start").as_f64(), Some(2.0));
    assert_eq!(get(&first, "end").as_f64(), Some(6.0));
    let err = lint_line(JsValue::from_f64(1.0), None).expect_err("not a string");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("invalid_type")
    );
}

#[wasm_bindgen_test]
fn rank_orders_takes_an_array() {
    let arr = json(&format!("[{CONTEXT},{CONTEXT}]"));
    let out = rank_orders(arr).expect("ranks");
    assert_eq!(js_sys::Array::from(&out).length(), 2);
    let err = rank_orders(JsValue::from_str("x")).expect_err("not an array");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("invalid_type")
    );
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn answers_equal_serde_json_of_the_engine() {
    let text = include_str!("../data/full_context.json");
    let ctx: cuifu::ChatContext = serde_json::from_str(text).expect("serde reads it");
    let out = suggest_reminder(json(text)).expect("valid");
    let written = js_sys::JSON::stringify(&out).expect("stringify");
    let a: serde_json::Value = serde_json::from_str(&String::from(written)).expect("json");
    let b = serde_json::to_value(cuifu::suggest(&ctx).expect("valid")).expect("serde writes it");
    assert_eq!(a, b);
}

#[wasm_bindgen_test]
fn unknown_fields_are_warnings_with_their_path() {
    let ctx = CONTEXT.replace("\"amount\":99", "\"amount\":99,\"amout\":1");
    let out = suggest_reminder(json(&ctx)).expect("still answers");
    let warnings = js_sys::Array::from(&get(&out, "warnings"));
    let w = warnings
        .iter()
        .find(|w| get(w, "code").as_string().as_deref() == Some("unknown_field"))
        .expect("an unknown_field warning");
    assert_eq!(get(&w, "path").as_string().as_deref(), Some("order.amout"));
}

#[wasm_bindgen_test]
fn a_cycle_is_a_cuifu_error() {
    let v = json(CONTEXT);
    js_sys::Reflect::set(&v, &"self".into(), &v).expect("set");
    let err = suggest_reminder(v).expect_err("cycle");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("invalid_input")
    );
    assert!(suggest_reminder(json(CONTEXT)).is_ok());
}
