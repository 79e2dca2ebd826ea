//! Named entities: people, organizations, places and other proper names, grouped per entity.

use crate::text::Document;
use crate::{Entity, Span};

/// Entity mentions (spans with `entity` set) and the entities they belong to.
#[derive(Clone, Debug, Default)]
pub struct EntityLayer {
    pub spans: Vec<Span>,
    pub entities: Vec<Entity>,
}

/// Finds entity mentions (TODO: first version being written).
pub struct EntityRecognizer {}

impl EntityRecognizer {
    pub fn new() -> EntityRecognizer {
        EntityRecognizer {}
    }

    pub fn recognize(&self, _document: &Document) -> EntityLayer {
        EntityLayer::default()
    }
}

impl Default for EntityRecognizer {
    fn default() -> EntityRecognizer {
        EntityRecognizer::new()
    }
}
