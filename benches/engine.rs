//! Native benchmarks of the engine through its public Rust API.
//!
//! The contexts come from `bench/contexts.mjs` (seeded, the same ones the Node
//! benchmark gives the package and its plain-JS peer), read as JSON:
//!
//!     cargo bench --bench engine
//!
//! `rank_orders` of 10,000 contexts runs only when the engine's limit allows
//! that many; otherwise the bench says so and skips it.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::process::Command;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use cuifu::{ChatContext, LintOptions, TranscriptOptions};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Fixture {
    chats: BTreeMap<usize, Vec<ChatContext>>,
    rank: Vec<ChatContext>,
    lint: String,
    transcript: String,
    transcript_options: TranscriptOptions,
}

fn fixture() -> Fixture {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/contexts.mjs");
    let out = Command::new("node")
        .arg(script)
        .output()
        .unwrap_or_else(|e| panic!("node must be on PATH to generate the bench contexts: {e}"));
    assert!(
        out.status.success(),
        "node bench/contexts.mjs failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("bench/contexts.mjs wrote contexts the engine reads")
}

fn benches(c: &mut Criterion) {
    let f = fixture();

    let mut g = c.benchmark_group("suggest");
    for (n, ctxs) in &f.chats {
        for ctx in ctxs {
            cuifu::suggest_at(ctx, None).expect("every bench context is valid");
        }
        let mut i = 0;
        g.bench_with_input(BenchmarkId::new("messages", n), ctxs, |b, ctxs| {
            b.iter(|| {
                i = (i + 1) % ctxs.len();
                cuifu::suggest_at(black_box(&ctxs[i]), None)
            })
        });
    }
    g.finish();

    let lint_options = LintOptions::default();
    c.bench_function("lint", |b| {
        b.iter(|| cuifu::lint(black_box(&f.lint), &lint_options))
    });
    c.bench_function("read_transcript/40 messages", |b| {
        b.iter(|| cuifu::read_transcript(black_box(&f.transcript), &f.transcript_options))
    });

    let mut g = c.benchmark_group("rank_orders");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for n in [1_000, 10_000] {
        let batch = &f.rank[..n];
        if let Err(e) = cuifu::rank_orders(batch, None) {
            eprintln!("rank_orders/{n}: skipped, the engine refuses {n} contexts: {e:?}");
            continue;
        }
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("orders", n), batch, |b, batch| {
            b.iter(|| cuifu::rank_orders(black_box(batch), None))
        });
    }
    g.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
