//! Tests of the dates layer that look inside it: extents on odd input, datelines, where rules
//! are tried. What the layer finds in sentences (forms, types, values) is in the golden cases of
//! `tests/golden/dates.json`, run by the Rust and the JS tests alike.

mod datelines;
mod matching;
mod robustness;

use super::*;

const THURSDAY: &str = "2025-10-16";

/// One tagger for all tests: building one compiles every pattern.
fn tagger() -> &'static DateTagger {
    static TAGGER: std::sync::OnceLock<DateTagger> = std::sync::OnceLock::new();
    TAGGER.get_or_init(DateTagger::new)
}
