//! Direct quotations, with their speaker and cue verb.

use crate::text::Document;
use crate::Span;

/// Finds quotations (TODO: first version being written).
pub struct QuoteFinder {}

impl QuoteFinder {
    pub fn new() -> QuoteFinder {
        QuoteFinder {}
    }

    /// Quote spans of `document`; speakers that are entity mentions (in `entity_spans`) get
    /// their entity id.
    pub fn find(&self, _document: &Document, _entity_spans: &[Span]) -> Vec<Span> {
        Vec::new()
    }
}

impl Default for QuoteFinder {
    fn default() -> QuoteFinder {
        QuoteFinder::new()
    }
}
