//! Every stage on four inputs, in one run: a real flow, generated 1 MB and 10 MB valid
//! flows, and a 1 MB flow with 10,000 findings. The reference is
//! `serde_json::from_slice::<Value>` (what merely reading the JSON costs). The fastest
//! peer, jsonschema-rs, runs too: serde_json's parse plus the generated 7.3 schema
//! (structure only; `is_valid` on valid flows, every error on the flow with findings).
//! Besides criterion's own report, a plain table prints best-of-N throughput per stage and
//! the ratios of the whole `validate` to the reference and to the peer.
//!
//! The real flow is the largest of `../shared/corpus/real` (or `$WAFLOW_CORPUS`) when
//! present, else testdata/examples/valid-survey.json.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "support/flowgen.rs"]
mod flowgen;

struct Input {
    name: &'static str,
    text: String,
    /// Whether every stage runs (a flow with schema errors skips the rules, as Meta does).
    valid: bool,
}

fn real_flow() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = std::env::var_os("WAFLOW_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus/real"));
    let mut best: Option<(u64, PathBuf)> = None;
    for entry in ignore_walk(&corpus) {
        let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
        let ok = std::fs::read(&entry).ok().is_some_and(|b| {
            waflow::validate_bytes(&b)
                .errors()
                .iter()
                .all(|f| f.rule == Some("frozen-version"))
        });
        if ok && best.as_ref().is_none_or(|(l, _)| len > *l) {
            best = Some((len, entry));
        }
    }
    best.and_then(|(_, p)| std::fs::read_to_string(p).ok())
        .unwrap_or_else(|| {
            std::fs::read_to_string(root.join("testdata/examples/valid-survey.json"))
                .expect("example")
        })
}

fn ignore_walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    out
}

fn inputs() -> Vec<Input> {
    // 10 MB is Meta's cap; the generator overshoots its target by at most one screen.
    let ten = flowgen::flow(10 * 1024 * 1024 - 200 * 1024);
    assert!(ten.len() <= 10 * 1024 * 1024, "{} bytes", ten.len());
    vec![
        Input {
            name: "real",
            text: real_flow(),
            valid: true,
        },
        Input {
            name: "1mb",
            text: flowgen::flow(1024 * 1024),
            valid: true,
        },
        Input {
            name: "10mb",
            text: ten,
            valid: true,
        },
        Input {
            name: "10k_findings",
            text: flowgen::with_findings(10_000),
            valid: false,
        },
    ]
}

/// jsonschema-rs with waflow's generated 7.3 schema, compiled once (as a long-running
/// program would).
fn peer() -> jsonschema::Validator {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/flow-json-7.3.schema.json");
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).expect("schema")).expect("schema JSON");
    jsonschema::validator_for(&schema).expect("the 7.3 schema compiles")
}

/// The peer's whole job on one document: its own parse, then the schema.
fn peer_check(peer: &jsonschema::Validator, text: &str, valid: bool) -> usize {
    let doc = serde_json::from_slice::<serde_json::Value>(text.as_bytes()).unwrap();
    if valid {
        usize::from(!peer.is_valid(&doc))
    } else {
        peer.iter_errors(&doc).count()
    }
}

fn stages(c: &mut Criterion) {
    let v = waflow::FlowVersion::parse("7.3").expect("7.3");
    let peer = peer();
    let mut table = Vec::new();
    for input in inputs() {
        let text = &input.text;
        let report = waflow::validate(text);
        if input.valid {
            assert!(
                report
                    .errors()
                    .iter()
                    .all(|f| f.rule == Some("frozen-version")),
                "{} must be valid: {:?}",
                input.name,
                report.errors().first()
            );
        } else {
            assert!(
                report.errors().len() >= 10_000,
                "{}: {} findings",
                input.name,
                report.errors().len()
            );
        }
        let version = report.version().unwrap_or(v);
        if input.valid {
            assert_eq!(
                peer_check(&peer, text, true),
                0,
                "{}: the peer agrees",
                input.name
            );
        }
        let arena = waflow::internals::syntax::Arena::for_text(text);
        let tree =
            waflow::internals::syntax::parse(text, &arena, &Default::default()).expect("parses");
        let mut group = c.benchmark_group(input.name);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(if text.len() > 5_000_000 { 10 } else { 30 });
        group.measurement_time(Duration::from_secs(6));
        group.bench_function("serde_json_value", |b| {
            b.iter(|| {
                serde_json::from_slice::<serde_json::Value>(black_box(text.as_bytes())).unwrap()
            })
        });
        group.bench_function("span_parse", |b| {
            b.iter(|| {
                // The arena is part of the parse: made and freed in each iteration.
                let arena = waflow::internals::syntax::Arena::for_text(text);
                let parsed =
                    waflow::internals::syntax::parse(black_box(text), &arena, &Default::default());
                black_box(parsed.map(|p| p.depth).unwrap_or_default())
            })
        });
        group.bench_function("schema_stage", |b| {
            b.iter(|| {
                waflow::internals::schema_check_tree(
                    black_box(text),
                    black_box(&tree.root),
                    version,
                )
            })
        });
        group.bench_function("rule_stage", |b| {
            b.iter(|| {
                waflow::internals::rules_check_tree(black_box(text), black_box(&tree.root), version)
            })
        });
        group.bench_function("validate", |b| b.iter(|| waflow::validate(black_box(text))));
        group.bench_function("peer_jsonschema_rs", |b| {
            b.iter(|| peer_check(&peer, black_box(text), input.valid))
        });
        group.finish();
        table.push(row(&input, &tree.root, version, &peer));
    }
    print_table(&table);
}

struct Row {
    name: &'static str,
    bytes: usize,
    serde: Duration,
    parse: Duration,
    schema: Duration,
    rules: Duration,
    validate: Duration,
    /// jsonschema-rs: serde_json parse + the generated schema.
    peer: Duration,
}

fn best(f: &dyn Fn()) -> Duration {
    (0..12)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn row(
    input: &Input,
    root: &waflow::internals::syntax::Node<'_>,
    v: waflow::FlowVersion,
    peer: &jsonschema::Validator,
) -> Row {
    let text = input.text.as_str();
    Row {
        name: input.name,
        bytes: text.len(),
        serde: best(&|| {
            drop(black_box(
                serde_json::from_slice::<serde_json::Value>(text.as_bytes()).unwrap(),
            ))
        }),
        parse: best(&|| {
            let arena = waflow::internals::syntax::Arena::for_text(text);
            let parsed = waflow::internals::syntax::parse(text, &arena, &Default::default());
            black_box(parsed.map(|p| p.depth).unwrap_or_default());
        }),
        schema: best(&|| {
            drop(black_box(waflow::internals::schema_check_tree(
                text, root, v,
            )))
        }),
        rules: best(&|| {
            drop(black_box(waflow::internals::rules_check_tree(
                text, root, v,
            )))
        }),
        validate: best(&|| drop(black_box(waflow::validate(text)))),
        peer: best(&|| {
            black_box(peer_check(peer, text, input.valid));
        }),
    }
}

#[allow(clippy::print_stderr)]
fn print_table(rows: &[Row]) {
    let mbs = |bytes: usize, d: Duration| bytes as f64 / d.as_secs_f64() / 1e6;
    eprintln!("\ninput          bytes    serde_json   span parse  schema stage  rule stage    validate   validate/serde  jsonschema-rs   validate/jsonschema-rs");
    for r in rows {
        eprintln!(
            "{:<12} {:>9} {:>8.0} MB/s {:>7.0} MB/s {:>8.0} MB/s {:>7.0} MB/s {:>7.0} MB/s   {:>11.2}x  {:>8.0} MB/s   {:.2}x",
            r.name,
            r.bytes,
            mbs(r.bytes, r.serde),
            mbs(r.bytes, r.parse),
            mbs(r.bytes, r.schema),
            mbs(r.bytes, r.rules),
            mbs(r.bytes, r.validate),
            r.serde.as_secs_f64() / r.validate.as_secs_f64(),
            mbs(r.bytes, r.peer),
            r.peer.as_secs_f64() / r.validate.as_secs_f64()
        );
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
