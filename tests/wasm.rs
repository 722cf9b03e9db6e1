//! Boundary tests in Node (`cargo test --target wasm32-unknown-unknown --test wasm`).
#![cfg(target_arch = "wasm32")]

#[path = "common/wasm_cases.rs"]
mod wasm_cases;
