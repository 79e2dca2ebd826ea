//! Fuzzes `Analyzer::analyze_with` over arbitrary text and options, checking the invariants of
//! `tests/invariants` on every result. Run (stable toolchain), with the dictionary of adversarial
//! pieces (names sharing a first word, quote marks, dates, bidi controls, BOM, NUL, ...):
//! `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run analyze -- -dict=dict/analyze.dict -max_total_time=1800`
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsmark::{Analyzer, Date, Layer, Options};

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| Analyzer::new(Options::default()))
}

fuzz_target!(|data: &[u8]| {
    // Byte 0: which layers (bits 0-2) and whether there is a reference date (bit 3);
    // bytes 1-3: the date; the rest: the text (lossily decoded, so every input is useful).
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let (date_bytes, text) = rest.split_at(rest.len().min(3));
    let layers = Layer::ALL
        .into_iter()
        .enumerate()
        .filter(|(i, _)| flags & (1 << i) != 0)
        .map(|(_, layer)| layer)
        .collect();
    let reference_date = match date_bytes {
        [y, m, d] if flags & 8 != 0 => {
            Date::new(1900 + i32::from(*y), u32::from(m % 12) + 1, u32::from(d % 31) + 1)
        }
        _ => None,
    };
    let options = Options {
        reference_date,
        layers,
    };
    let text = String::from_utf8_lossy(text);
    let analysis = analyzer().analyze_with(&text, &options);
    invariants::check(&text, &options, &analysis);
});
