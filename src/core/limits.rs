//! Explicit limits on input size. Anything larger is rejected with `too_large`.

/// Messages in one chat.
pub const MAX_MESSAGES: usize = 1_000;
/// Characters in one message.
pub const MAX_MESSAGE_CHARS: usize = 4_000;
/// Characters over all messages of one chat.
pub const MAX_CHAT_CHARS: usize = 200_000;
/// Reminders already sent for one order.
pub const MAX_REMINDERS: usize = 100;
/// Items in one order.
pub const MAX_ITEMS: usize = 200;
/// Characters in a short text field (names, titles, shop name, coupon, link).
pub const MAX_SHORT_CHARS: usize = 500;
/// Shop templates.
pub const MAX_TEMPLATES: usize = 200;
/// The shop's own answers (`shop.answers`).
pub const MAX_ANSWERS: usize = 200;
/// Keywords of one of the shop's answers.
pub const MAX_ANSWER_KEYWORDS: usize = 50;
/// Characters in one shop template.
pub const MAX_TEMPLATE_CHARS: usize = 1_000;
/// Entries in `holidays`, `workdays`, `gifts`, campaign waves or dates.
pub const MAX_LIST: usize = 1_000;
/// Characters of text passed to `lint`.
pub const MAX_LINT_CHARS: usize = 10_000;
/// Characters of text passed to `parseTranscript`.
pub const MAX_TRANSCRIPT_CHARS: usize = 200_000;
/// Contexts passed to `rankOrders` at once.
pub const MAX_RANK_ORDERS: usize = 10_000;
/// Largest order amount or price accepted, in yuan.
pub const MAX_AMOUNT: f64 = 1.0e9;
