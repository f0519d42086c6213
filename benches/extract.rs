//! Throughput of the whole text pipeline (decode → document → segments → extractors →
//! pack JSON) on one thread, over the bundled corpus, reported in MB/s; and the text
//! loader alone.
//!
//! `cargo bench --bench extract`. The end-to-end batch (files, threads, index) is
//! measured by `scripts/bench.sh`, which also gives the speed-up with `--jobs`.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use councilpack::extract::{PackContext, extract_pack};
use councilpack::pack::{Format, Source};
use councilpack::rules::RuleBook;

fn corpus() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let mut files = Vec::new();
    for council in std::fs::read_dir(&root).expect("corpora/") {
        for f in std::fs::read_dir(council.expect("entry").path()).expect("council folder") {
            let p = f.expect("entry").path();
            let bytes = std::fs::read(&p).expect("pack");
            files.push((p, bytes));
        }
    }
    files.sort();
    files
}

fn bench(c: &mut Criterion) {
    let book = RuleBook::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).expect("rules");
    let files = corpus();
    let total: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    let mut group = c.benchmark_group("text_pipeline");
    group.throughput(Throughput::Bytes(total));
    group.sample_size(20);
    group.bench_function("corpus_one_thread", |b| {
        b.iter(|| {
            let mut out = 0usize;
            for (path, bytes) in &files {
                let loaded =
                    councilpack::load::load(path, bytes, &book.default.html).expect("loads");
                let source = Source {
                    path: path.display().to_string(),
                    sha256: String::new(),
                    format: Format::Text,
                    bytes: bytes.len() as u64,
                    pages: None,
                };
                let pack = extract_pack(
                    &loaded.doc,
                    source,
                    &book,
                    &PackContext::default(),
                    loaded.warnings,
                );
                out += councilpack::output::pack_json(&pack).expect("json").len();
            }
            out
        })
    });
    // The text loader alone (decode → normalised document), the first stage of every
    // text pack and a fifth of its cost (issue #3).
    group.bench_function("text_loader_one_thread", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|(path, bytes)| {
                    let loaded =
                        councilpack::load::load(path, bytes, &book.default.html).expect("loads");
                    loaded.doc.lines.len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
