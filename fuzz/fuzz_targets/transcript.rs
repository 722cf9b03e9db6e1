//! `readTranscript` and `parseTranscript` on any text: the first byte picks
//! the options. Every unparsed line number is a line of the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (flags, text) = cuifu_fuzz::flags_and_text(data);
    let options = cuifu_fuzz::transcript_options(flags);
    if let Ok(t) = cuifu::read_transcript(&text, &options) {
        let lines = text.split('\n').count();
        assert!(t.unparsed.iter().all(|u| u.line >= 1 && u.line <= lines));
        let parsed = cuifu::parse_transcript(&text, &options);
        if let Ok(messages) = parsed {
            assert_eq!(messages, t.messages);
        }
    }
});
