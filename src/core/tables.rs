//! The embedded tables as the engine reads them, built once on first use:
//! the phrase and time words of the reason detector, the reply templates
//! and the lint's words. One cache for all three, because each `OnceLock`
//! type links its own copy of the once-only machinery.

use std::sync::OnceLock;

use super::lines::{table, Template};
use super::lint;
use super::reason::rules::{self, Rules};

/// Every table, read.
pub(crate) struct Tables {
    /// Phrases and time words (`reasons.tsv`, `times.tsv`).
    pub rules: Rules,
    /// Templates and fragments, in table order (`templates.txt`).
    pub templates: Vec<Template>,
    /// The lint's words (`lint.tsv`).
    pub lint: lint::Table,
}

/// The tables, read on the first call.
pub(crate) fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| Tables {
        rules: rules::build(),
        templates: table::parse(),
        lint: lint::read_table(),
    })
}
