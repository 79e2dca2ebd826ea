//! Dates and times: finds temporal expressions and normalizes them to TIMEX3 values.

mod calendar;

pub use calendar::{Date, Weekday};

use crate::text::Document;
use crate::{Extent, Span};

/// Finds temporal expressions (TODO: first version being written).
pub struct DateTagger {}

impl DateTagger {
    pub fn new() -> DateTagger {
        DateTagger {}
    }

    /// The temporal spans of `document`, with values resolved against `reference` when given.
    pub fn tag(&self, _document: &Document, _reference: Option<Date>) -> Vec<Span> {
        Vec::new()
    }

    /// The date the article states in its dateline or published line, with where it says so.
    pub fn dateline(&self, _document: &Document) -> Option<(Date, Extent)> {
        None
    }
}

impl Default for DateTagger {
    fn default() -> DateTagger {
        DateTagger::new()
    }
}
