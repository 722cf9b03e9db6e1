//! `rankOrders`: input starting with `[` is a JSON array of contexts (the
//! seeds are the fixtures), anything else builds structure-aware contexts.
//! Every valid batch is ranked whole, each index once.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let contexts: Vec<cuifu::ChatContext> = if data.first() == Some(&b'[') {
        match serde_json::from_slice(data) {
            Ok(c) => c,
            Err(_) => return,
        }
    } else {
        match Vec::<cuifu_fuzz::Context>::arbitrary_take_rest(Unstructured::new(data)) {
            Ok(c) => c.into_iter().map(cuifu_fuzz::Context::build).collect(),
            Err(_) => return,
        }
    };
    if let Ok(ranked) = cuifu::rank_orders(&contexts, Some(cuifu_fuzz::clock())) {
        assert_eq!(ranked.len(), contexts.len());
        let mut seen = vec![false; contexts.len()];
        for r in &ranked {
            assert!(!std::mem::replace(&mut seen[r.index], true), "index {} twice", r.index);
        }
    }
});
