//! Native benchmark: MB/s per layer and for all layers, and how analysis time grows with the
//! text (10 KB, 100 KB, 1 MB, 10 MB). Texts are the dev corpora (`../shared/corpus/*_dev.jsonl`)
//! joined into one long article, repeated and cut to size. Prints; asserts nothing about time.
//!
//! ```sh
//! cargo run --release --example bench              # the full tables
//! cargo run --release --example bench -- --smoke   # a second: 10 KB, one round (CI)
//! cargo run --release --example bench -- --only 10000000   # one 10 MB analysis (for /usr/bin/time -v)
//! ```

use std::time::Instant;

use newsmark::{Analyzer, Layer, Options};

fn corpus_text() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut text = String::new();
    for name in [
        "conll_dev.jsonl",
        "gum_news_dev.jsonl",
        "timebank_dev.jsonl",
        "quotes_polnear_dev.jsonl",
    ] {
        let Ok(jsonl) = std::fs::read_to_string(dir.join(name)) else {
            continue;
        };
        for line in jsonl.lines() {
            if let Ok(doc) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = doc["text"].as_str() {
                    text.push_str(t);
                    text.push_str("\n\n");
                }
            }
        }
    }
    if text.is_empty() {
        // No corpus next to the checkout: a synthetic article.
        text = "WASHINGTON (Reuters) - “We will meet in Budapest next week,” President Donald \
                Trump said on Thursday, two hours after Vladimir Putin called him.\n\n"
            .repeat(100);
    }
    text
}

/// `base` repeated and cut (on a char boundary) to `size` bytes.
fn sized(base: &str, size: usize) -> String {
    let mut text = base.repeat(size / base.len() + 1);
    let mut end = size;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// Seconds for one analysis, best of `rounds` after a warm-up.
fn time(analyzer: &Analyzer, text: &str, options: &Options, rounds: usize) -> f64 {
    std::hint::black_box(analyzer.analyze_with(text, options));
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(analyzer.analyze_with(text, options));
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let smoke = args.iter().any(|a| a == "--smoke");
    let analyzer = Analyzer::new(Options::default());
    let base = corpus_text();
    if let Some(i) = args.iter().position(|a| a == "--only") {
        let size: usize = args[i + 1].parse().expect("--only takes a size in bytes");
        let text = sized(&base, size);
        let start = Instant::now();
        let analysis = analyzer.analyze(&text);
        println!(
            "{} bytes: {} spans in {:.3} s",
            text.len(),
            analysis.spans.len(),
            start.elapsed().as_secs_f64()
        );
        return;
    }
    let layer_sets: [(&str, Vec<Layer>); 5] = [
        ("text only", vec![]),
        ("entities", vec![Layer::Entities]),
        ("dates", vec![Layer::Dates]),
        ("quotes (+entities)", vec![Layer::Quotes]),
        ("all layers", Layer::ALL.to_vec()),
    ];
    let sizes: &[usize] = if smoke {
        &[10_000]
    } else {
        &[10_000, 100_000, 1_000_000, 10_000_000]
    };
    let mb = |bytes: usize, secs: f64| bytes as f64 / 1e6 / secs;

    println!("corpus text: {} bytes", base.len());
    let per_layer_size = if smoke { 10_000 } else { 1_000_000 };
    println!("\nMB/s per layer ({per_layer_size} bytes of corpus text, best of 5):");
    let text = sized(&base, per_layer_size);
    for (name, layers) in &layer_sets {
        let options = Options {
            layers: layers.clone(),
            ..Options::default()
        };
        let secs = time(&analyzer, &text, &options, if smoke { 1 } else { 5 });
        println!("  {name:<20} {:>8.2} MB/s", mb(text.len(), secs));
    }

    println!("\nall layers by size (best of 3; linear growth keeps s/MB flat):");
    println!(
        "  {:>10} {:>10} {:>10} {:>10}",
        "bytes", "seconds", "MB/s", "s per MB"
    );
    for &size in sizes {
        let text = sized(&base, size);
        let rounds = if smoke || size >= 10_000_000 { 1 } else { 3 };
        let secs = time(&analyzer, &text, &Options::default(), rounds);
        println!(
            "  {:>10} {:>10.4} {:>10.2} {:>10.4}",
            text.len(),
            secs,
            mb(text.len(), secs),
            secs / (text.len() as f64 / 1e6)
        );
    }
}
