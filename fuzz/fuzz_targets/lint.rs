//! `lint` on any text: the first byte picks the options. Spans must lie
//! inside the text, on UTF-16 boundaries, and in order.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (flags, text) = cuifu_fuzz::flags_and_text(data);
    let options = cuifu_fuzz::lint_options(flags, &text);
    if let Ok(warnings) = cuifu::lint(&text, &options) {
        let units: Vec<u16> = text.encode_utf16().collect();
        for w in &warnings {
            if let (Some(start), Some(end)) = (w.start, w.end) {
                assert!(start <= end && end <= units.len(), "span {start}..{end} outside the text");
                assert!(String::from_utf16(&units[start..end]).is_ok(), "span {start}..{end} splits a character");
            }
        }
    }
});
