//! The pure Rust engine. Nothing here knows about JavaScript.
//!
//! No panic reaches the caller: outside tests, the engine may not unwrap,
//! expect, index or slice (it uses `get`), or panic.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod calendar;
pub mod clock;
pub mod data;
pub mod error;
pub mod explain;
pub mod input;
pub mod limits;
pub mod lines;
pub mod lint;
pub mod model;
pub mod plan;
pub mod rank;
pub mod reason;
pub mod say;
mod suggest;
pub mod text;
pub mod timing;
pub mod transcript;
pub mod work;

use chrono::{DateTime, Utc};

use error::{Error, ErrorCode};
use input::Input;
use model::*;

/// Suggests the next reminder for one unpaid order.
///
/// `ctx.now` is required here; use [`suggest_at`] to supply a clock reading.
///
/// # Errors
/// A [`Error`] naming the field when the context is invalid.
pub fn suggest(ctx: &ChatContext) -> Result<Suggestion, Error> {
    suggest_at(ctx, None)
}

/// Like [`suggest`], with `clock` standing in for `ctx.now` when it is absent.
///
/// # Errors
/// A [`Error`] naming the field when the context is invalid.
pub fn suggest_at(ctx: &ChatContext, clock: Option<DateTime<Utc>>) -> Result<Suggestion, Error> {
    let input = Input::read(ctx, clock)?;
    suggest::suggest_input(&input)
}

/// Checks the shop's own templates with the limits `suggest` applies:
/// their number and sizes, known placeholders, balanced braces.
///
/// # Errors
/// `too_large` at `shop.templates` or `shop.templates[i].text`/`.id`;
/// `invalid_template` at `shop.templates[i].text` with the character position.
pub fn check_templates(templates: &[ShopTemplate]) -> Result<(), Error> {
    lines::check_templates(templates)
}

/// Checks a reminder line for 极限词, delivery promises, pressure and arguing.
///
/// # Errors
/// `too_large` when the text is over [`limits::MAX_LINT_CHARS`].
pub fn lint(text: &str, options: &LintOptions) -> Result<Vec<Warning>, Error> {
    lint::lint(text, options)
}

/// Reads chat text copied from a seller IM window, reporting lines it could not read.
///
/// # Errors
/// `too_large` when the text is over [`limits::MAX_TRANSCRIPT_CHARS`].
pub fn read_transcript(text: &str, options: &TranscriptOptions) -> Result<Transcript, Error> {
    transcript::read(text, options)
}

/// The messages of chat text copied from a seller IM window.
///
/// # Errors
/// `unparsed_lines` when a line can't be read (unless `options.skipUnparsed`), `too_large`.
pub fn parse_transcript(text: &str, options: &TranscriptOptions) -> Result<Vec<Message>, Error> {
    let t = transcript::read(text, options)?;
    if let (Some(first), false) = (t.unparsed.first(), options.skip_unparsed.unwrap_or(false)) {
        let lines: Vec<String> = t
            .unparsed
            .iter()
            .take(10)
            .map(|u| u.line.to_string())
            .collect();
        let message = format!(
            "line {} could not be read (lines {}): paste whole messages with their sender and time, or pass skipUnparsed",
            first.line,
            lines.join(", ")
        );
        return Err(Error::new(ErrorCode::UnparsedLines, "text", message));
    }
    Ok(t.messages)
}

/// Ranks unpaid orders: value at risk and time left decide who gets reminded first.
///
/// # Errors
/// The first invalid context, with its index in the path (`[3].order.placedAt`).
pub fn rank_orders(
    contexts: &[ChatContext],
    clock: Option<DateTime<Utc>>,
) -> Result<Vec<RankedOrder>, Error> {
    rank::rank(contexts, clock)
}
