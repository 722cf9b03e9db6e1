//! Picking the right language for a sentence.

use super::model::Locale;

/// The sentence for `locale`, given the same sentence in zh-CN, zh-TW and English.
pub fn tr<'a>(locale: Locale, zh_cn: &'a str, zh_tw: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::ZhCn => zh_cn,
        Locale::ZhTw => zh_tw,
        Locale::En => en,
    }
}

/// `HH:MM` of a time.
pub fn hhmm<T: chrono::Timelike>(t: &T) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}
