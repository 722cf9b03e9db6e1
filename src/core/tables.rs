//! The embedded tables as the engine reads them, each built once on first
//! use: the phrase and time words of the reason detector, the reply
//! templates and the lint's words.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::lines::{table, Template};
use super::lint;
use super::reason::rules::{self, Rules};

/// Phrases and time words (`reasons.tsv`, `times.tsv`).
pub(crate) static RULES: LazyLock<Rules> = LazyLock::new(rules::build);
/// Templates and fragments, in table order (`templates.txt`).
pub(crate) static TEMPLATES: LazyLock<Vec<Template>> = LazyLock::new(table::parse);
/// The index in [`TEMPLATES`] of each id (the first row of an id).
pub(crate) static TEMPLATE_IDS: LazyLock<HashMap<&'static str, usize>> = LazyLock::new(|| {
    let mut ids = HashMap::new();
    for (i, t) in TEMPLATES.iter().enumerate() {
        ids.entry(t.id).or_insert(i);
    }
    ids
});
/// The lint's words (`lint.tsv`).
pub(crate) static LINT: LazyLock<lint::Table> = LazyLock::new(lint::read_table);
