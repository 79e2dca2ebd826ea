//! Named entities: people, organizations, places and other proper names, grouped per entity.
//!
//! First version, rule based: [`chunk`] finds capitalized name runs and the kind clues each
//! carries, [`group`] joins the mentions of one entity and lets all of them vote on its kind.
//! A trained tagger can later replace the chunker while grouping and the output stay.

mod chunk;
mod context;
mod evidence;
mod group;
mod lexicon;

use crate::text::Document;
use crate::{Entity, Extent, Span};

use chunk::{Chunker, Mention, Patterns};
use context::Context;
use group::Group;
use lexicon::Lexicon;

/// Entity mentions (spans with `entity` set) and the entities they belong to.
#[derive(Clone, Debug, Default)]
pub struct EntityLayer {
    pub spans: Vec<Span>,
    pub entities: Vec<Entity>,
}

/// Finds entity mentions; holds the word lists and patterns, built once.
pub struct EntityRecognizer {
    lexicon: Lexicon,
    patterns: Patterns,
}

impl EntityRecognizer {
    pub fn new() -> EntityRecognizer {
        EntityRecognizer {
            lexicon: Lexicon::new(),
            patterns: Patterns::new(),
        }
    }

    pub fn recognize(&self, document: &Document) -> EntityLayer {
        let context = Context::new(document);
        let mentions = Chunker::new(document, &self.lexicon, &self.patterns, &context).mentions();
        let groups = group::group(document, &mentions);
        layer(document, &mentions, &groups)
    }
}

impl Default for EntityRecognizer {
    fn default() -> EntityRecognizer {
        EntityRecognizer::new()
    }
}

/// Builds the public result: groups are already in order of first mention, so a group's index
/// is its entity id.
fn layer(document: &Document, mentions: &[Mention], groups: &[Group]) -> EntityLayer {
    let mut spans = Vec::with_capacity(mentions.len());
    let mut entities = Vec::with_capacity(groups.len());
    for (id, group) in groups.iter().enumerate() {
        let kind = group.kind();
        for &m in &group.mentions {
            let mut span = Span::new(document.text, mentions[m].start, mentions[m].end, kind);
            span.entity = Some(id);
            spans.push(span);
        }
        entities.push(Entity {
            id,
            kind,
            name: longest_name(document, mentions, group),
            mentions: group
                .mentions
                .iter()
                .map(|&m| Extent {
                    start: mentions[m].start,
                    end: mentions[m].end,
                })
                .collect(),
        });
    }
    spans.sort_by_key(|span| span.start);
    EntityLayer { spans, entities }
}

/// The longest name the text uses for the entity (the first of equals).
fn longest_name(document: &Document, mentions: &[Mention], group: &Group) -> String {
    let texts = group
        .mentions
        .iter()
        .map(|&m| &document.text[mentions[m].start..mentions[m].end]);
    texts
        .rev()
        .max_by_key(|text| text.chars().count())
        .unwrap_or_default()
        .to_string()
}
