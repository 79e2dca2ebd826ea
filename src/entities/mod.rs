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
        let context = Context::new(document, &self.lexicon);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    /// The project's sample article (a copy, so the tests need nothing outside the crate).
    const SAMPLE: &str = include_str!("../../www/sample.txt");

    fn entity<'a>(layer: &'a EntityLayer, name: &str) -> &'a Entity {
        layer
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name:?}"))
    }

    #[test]
    fn sample_golden_facts() {
        let doc = Document::new(SAMPLE);
        let layer = EntityRecognizer::new().recognize(&doc);
        let kinds = [
            ("Trump", Kind::Person),
            ("Vladimir Putin", Kind::Person),
            ("Marco Rubio", Kind::Person),
            ("Karoline Leavitt", Kind::Person),
            ("Volodymyr Zelenskyy", Kind::Person),
            ("Narendra Modi", Kind::Person),
            ("Budapest", Kind::Place),
            ("Ukraine", Kind::Place),
            ("Kyiv", Kind::Place),
            ("Russia", Kind::Place),
            ("India", Kind::Place),
            ("Moscow", Kind::Place),
            ("Alaska", Kind::Place),
            ("White House", Kind::Organization),
            ("Russian", Kind::Misc),
            ("Ukrainian", Kind::Misc),
        ];
        for (name, kind) in kinds {
            assert_eq!(entity(&layer, name).kind, kind, "{name}");
        }
        let putin = entity(&layer, "Vladimir Putin");
        let texts: Vec<&str> = putin
            .mentions
            .iter()
            .map(|m| &SAMPLE[m.start..m.end])
            .collect();
        assert_eq!(
            texts,
            [
                "Putin",
                "Vladimir Putin",
                "Putin",
                "Putin",
                "Putin",
                "Putin"
            ]
        );
        assert_eq!(entity(&layer, "Trump").mentions.len(), 11);
    }

    #[test]
    fn ids_follow_first_mention_and_spans_match_mentions() {
        let doc = Document::new(SAMPLE);
        let layer = EntityRecognizer::new().recognize(&doc);
        for (id, entity) in layer.entities.iter().enumerate() {
            assert_eq!(entity.id, id);
        }
        let firsts: Vec<usize> = layer.entities.iter().map(|e| e.mentions[0].start).collect();
        assert!(firsts.windows(2).all(|w| w[0] < w[1]));
        assert!(layer.spans.windows(2).all(|w| w[0].end <= w[1].start));
        let mention_count: usize = layer.entities.iter().map(|e| e.mentions.len()).sum();
        assert_eq!(layer.spans.len(), mention_count);
        for span in &layer.spans {
            let entity = &layer.entities[span.entity.unwrap()];
            assert_eq!(span.kind, entity.kind);
            assert!(entity.mentions.contains(&Extent {
                start: span.start,
                end: span.end
            }));
        }
        assert_eq!(layer.spans[0].text, "Trump");
        assert_eq!(layer.spans[0].entity, Some(0));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let recognizer = EntityRecognizer::new();
        let long = "Alpha Beta of the Gamma and Delta & ".repeat(2_000);
        let inputs = [
            "",
            " \r\n ",
            "😀 Ünïcode Ökonom 😀",
            "A\r\nB\r\nC",
            "of the and de",
            "NATO (",
            "( NATO )",
            long.as_str(),
        ];
        for input in inputs {
            let layer = recognizer.recognize(&Document::new(input));
            assert!(layer.spans.windows(2).all(|w| w[0].end <= w[1].start));
        }
    }
}
