//! newsmark: named entities, direct quotations and dates in news text.
//!
//! The core is pure Rust with no WebAssembly or web types: build an [`Analyzer`] once, then call
//! [`Analyzer::analyze`] on each text. Offsets in the result are **byte** offsets into the text;
//! the WebAssembly binding (`wasm/`) converts them to UTF-16 once, at the boundary, and the CLI
//! to code points (see [`offsets`]).
//!
//! ```
//! use newsmark::{Analyzer, Date, Kind, Options};
//!
//! let analyzer = Analyzer::new(Options {
//!     reference_date: Some("2025-10-16".parse::<Date>().unwrap()),
//!     ..Options::default()
//! });
//! let analysis = analyzer.analyze("Trump said he would meet Putin in Budapest on Friday.");
//! let friday = analysis.spans.iter().find(|s| s.text == "Friday").unwrap();
//! assert_eq!(friday.kind, Kind::Date);
//! assert_eq!(friday.value.as_deref(), Some("2025-10-17"));
//! ```

/// An embedded data file of `src/` (`$path` relative to it), as `build.rs` copies it: without
/// the comment lines that document it in the repository.
macro_rules! data_file {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $path))
    };
}

pub mod dates;
pub mod entities;
pub mod html;
pub mod offsets;
pub mod quotes;
pub mod text;

mod analysis;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{
    Analysis, Analyzer, Entity, Error, Extent, Kind, Layer, Options, QuoteKind, ReferenceDate,
    ReferenceSource, Span, Speaker,
};
pub use dates::Date;
