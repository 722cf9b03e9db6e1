//! The few JS operations the facade needs, imported directly: property
//! reads and writes with a string key, which skip `Reflect`'s exception
//! wrapper where nothing can throw and a JS string per key.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Any JS value whose properties are read or written.
    pub type Props;

    /// `this[key]`; a throwing getter or proxy trap gives `Err`.
    #[wasm_bindgen(method, structural, indexing_getter, catch)]
    pub fn get(this: &Props, key: &str) -> Result<JsValue, JsValue>;

    /// `this[key] = value` on an object of ours (cannot throw).
    #[wasm_bindgen(method, structural, indexing_setter)]
    pub fn set(this: &Props, key: &str, value: JsValue);

}
