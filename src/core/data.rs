//! The data tables of `src/data/`, embedded at build time without their
//! comment lines (see `build.rs`). Edit the files in `src/data/`.

/// Buyer phrases by reason (`reasons.tsv`).
pub const REASONS: &str = include_str!(concat!(env!("OUT_DIR"), "/reasons.tsv"));
/// What the buyer said about their situation, as template flags (`said.tsv`).
pub const SAID: &str = include_str!(concat!(env!("OUT_DIR"), "/said.tsv"));
/// Words of buyers' questions: topics, asking words, pings (`questions.tsv`).
pub const QUESTIONS: &str = include_str!(concat!(env!("OUT_DIR"), "/questions.tsv"));
/// Words of Chinese listing titles an agent leaves out when naming the
/// item (`titles.tsv`).
pub const TITLES: &str = include_str!(concat!(env!("OUT_DIR"), "/titles.tsv"));
/// Words that name a time to pay (`times.tsv`).
pub const TIMES: &str = include_str!(concat!(env!("OUT_DIR"), "/times.tsv"));
/// Traditional → simplified folding for matching (`fold.tsv`):
/// `(traditional, simplified)` pairs sorted by the traditional form.
pub const FOLD: &[(char, char)] = include!(concat!(env!("OUT_DIR"), "/fold.rs"));
/// Name endings that are a form of address already (`address.tsv`).
pub const ADDRESS: &str = include_str!(concat!(env!("OUT_DIR"), "/address.tsv"));
/// Carriers a buyer may ask for, one per line, names tab-separated
/// (`carriers.tsv`).
pub const CARRIERS: &str = include_str!(concat!(env!("OUT_DIR"), "/carriers.tsv"));
/// Two-character surnames (`surnames.tsv`).
pub const SURNAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/surnames.tsv"));
/// Pinyin syllables and English words that are not pinyin evidence
/// (`pinyin.tsv`).
pub const PINYIN: &str = include_str!(concat!(env!("OUT_DIR"), "/pinyin.tsv"));
/// Words the lint flags (`lint.tsv`).
pub const LINT: &str = include_str!(concat!(env!("OUT_DIR"), "/lint.tsv"));
/// Statutory holidays and make-up workdays (`holidays.tsv`): `(kind, first
/// day, last day, names zh-CN / zh-TW / en)`, kind 0 = a year the calendar
/// covers, 1 = a holiday, 2 = a make-up workday; days as
/// `Datelike::num_days_from_ce`; only holidays keep their names.
pub const HOLIDAYS: &[(u8, i32, i32, [&str; 3])] =
    include!(concat!(env!("OUT_DIR"), "/holidays.rs"));
/// Reminder line templates (`src/data/templates/*.txt`, joined by build.rs).
pub const TEMPLATES: &str = include_str!(concat!(env!("OUT_DIR"), "/templates.txt"));
/// The reason model (`reason-model.tsv`) as constants: `CLASSES`, `SCALE`,
/// `TEMPERATURE`, `THRESHOLD`, `OTHERS`, `BIAS`, the sorted grams `CHARS`
/// and `WORDS`, and `WEIGHTS` row by row (see `reason::model`).
pub mod reason_model {
    include!(concat!(env!("OUT_DIR"), "/reason_model.rs"));
}
