//! cuifu (催付): suggests the payment reminder an e-commerce agent should send
//! for an unpaid order — the line, the moment, the tone, the channel, and why.
//!
//! The engine is pure Rust ([`core`]); `wasm` is a thin WebAssembly facade
//! for the npm package, behind the default cargo feature `wasm` (a Rust caller
//! sets `default-features = false` to leave wasm-bindgen out). Everything runs locally: no clock is read by the
//! engine and no data leaves the caller's machine.
//!
//! ```
//! let ctx: cuifu::ChatContext = cuifu::ChatContext {
//!     now: Some("2026-11-24T15:00:00+08:00".into()),
//!     order: cuifu::Order {
//!         placed_at: "2026-11-24T14:30:00+08:00".into(),
//!         amount: 99.0,
//!         ..Default::default()
//!     },
//!     ..Default::default()
//! };
//! let s = cuifu::suggest(&ctx).unwrap();
//! assert_eq!(s.reason.code, cuifu::ReasonCode::SilentOrder);
//! assert!(!s.lines.is_empty());
//! ```

#![forbid(unsafe_code)]

pub mod core;
#[cfg(feature = "wasm")]
pub mod wasm;

pub use crate::core::error::{Error, ErrorCode};
pub use crate::core::model::*;
pub use crate::core::{
    check_templates, lint, parse_transcript, rank_orders, read_transcript, suggest, suggest_at,
};

/// The crate version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
