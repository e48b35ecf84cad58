//! Parser throughput against `serde_json::from_str::<Value>` (what merely reading JSON
//! costs), on a generated 5 MB flow, in one criterion group so both figures print in one
//! run. Target: the span parser at >= 1.5x serde_json's throughput.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "support/flowgen.rs"]
mod flowgen;

fn parse_5mb(c: &mut Criterion) {
    let text = flowgen::flow(5 * 1024 * 1024);
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
    let report = waflow::validate(&text);
    assert!(
        report.is_valid(),
        "the generated flow must be valid: {:?}",
        report.errors().first()
    );
    let tree = waflow::syntax::parse(&text, &Default::default()).unwrap();
    let v = waflow::FlowVersion::parse("7.3").unwrap();
    let mut group = c.benchmark_group("parse_5mb");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(30);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap())
    });
    group.bench_function("waflow_span_parse", |b| {
        b.iter(|| waflow::syntax::parse(black_box(&text), &Default::default()).unwrap())
    });
    group.bench_function("waflow_schema_stage", |b| {
        b.iter(|| waflow::schema::check_tree(black_box(&text), black_box(&tree.root), v))
    });
    group.bench_function("waflow_semantic_stage", |b| {
        b.iter(|| waflow::rules::check_tree(black_box(&text), black_box(&tree.root), v))
    });
    group.bench_function("waflow_validate", |b| {
        b.iter(|| waflow::validate(black_box(&text)))
    });
    group.finish();
    ratio(&text, &tree.root, v);
}

/// The figure the target is about, printed plainly: best-of-N throughput of each.
#[allow(clippy::print_stderr)]
fn ratio(text: &str, root: &waflow::syntax::Node<'_>, v: waflow::FlowVersion) {
    let best = |f: &dyn Fn()| {
        (0..15)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let serde = best(&|| {
        drop(black_box(
            serde_json::from_str::<serde_json::Value>(text).unwrap(),
        ))
    });
    let ours = best(&|| {
        drop(black_box(
            waflow::syntax::parse(text, &Default::default()).unwrap(),
        ))
    });
    let schema = best(&|| drop(black_box(waflow::schema::check_tree(text, root, v))));
    let semantic = best(&|| drop(black_box(waflow::rules::check_tree(text, root, v))));
    let full = best(&|| drop(black_box(waflow::validate(text))));
    let mbs = |d: Duration| text.len() as f64 / d.as_secs_f64() / 1e6;
    eprintln!(
        "schema_5mb: schema stage {:.0} MB/s ({:.1} ms) vs span parse {:.1} ms; whole validate {:.0} MB/s ({:.2}x serde_json's Value)",
        mbs(schema),
        schema.as_secs_f64() * 1e3,
        ours.as_secs_f64() * 1e3,
        mbs(full),
        serde.as_secs_f64() / full.as_secs_f64()
    );
    eprintln!(
        "semantic_5mb: all semantic rules {:.1} ms = {:.2}x the span parse ({:.1} ms)",
        semantic.as_secs_f64() * 1e3,
        semantic.as_secs_f64() / ours.as_secs_f64(),
        ours.as_secs_f64() * 1e3
    );
    eprintln!(
        "parse_5mb: serde_json {:.0} MB/s, waflow span parse {:.0} MB/s: {:.2}x",
        mbs(serde),
        mbs(ours),
        serde.as_secs_f64() / ours.as_secs_f64()
    );
}

criterion_group!(benches, parse_5mb);
criterion_main!(benches);
