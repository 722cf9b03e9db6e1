//! A count of the text the engine scans ahead or again: the look-ahead over a
//! run of spaces in the normaliser and the UTF-16 counting of lint offsets.
//! The linear-cost tests read it (doubling a run must not quadruple it); it
//! costs one thread-local addition per scan.

use std::cell::Cell;

thread_local! {
    static SCANNED: Cell<u64> = const { Cell::new(0) };
}

/// Records `bytes` of text scanned.
pub fn scanned(bytes: usize) {
    let _ = SCANNED.try_with(|c| c.set(c.get().saturating_add(bytes as u64)));
}

/// The bytes recorded on this thread so far.
pub fn total() -> u64 {
    SCANNED.try_with(Cell::get).unwrap_or(0)
}
