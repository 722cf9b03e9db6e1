//! `suggest` from arbitrary bytes read as a JSON `ChatContext`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(ctx) = serde_json::from_slice::<cuifu::ChatContext>(data) {
        let _ = cuifu::suggest_at(&ctx, Some(cuifu_fuzz::clock()));
    }
});
