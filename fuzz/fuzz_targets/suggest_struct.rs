//! `suggest` from structure-aware contexts (`arbitrary` on the model types),
//! mostly with valid times so the rules run.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: cuifu_fuzz::Context| {
    let ctx = input.build();
    if let Ok(s) = cuifu::suggest_at(&ctx, Some(cuifu_fuzz::clock())) {
        // A suggestion's lines pass through the linter without error.
        for line in &s.lines {
            let _ = cuifu::lint(&line.text, &cuifu::LintOptions::default());
        }
    }
});
