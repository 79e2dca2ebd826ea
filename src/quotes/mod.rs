//! Direct quotations, with their speaker and cue verb.
//!
//! First version, rule based: [`marks`] pairs quotation marks paragraph by paragraph,
//! [`speaker`] reads the attribution around each quotation. A quotation with no attribution of
//! its own continues the speaker of the one before it in the same paragraph (`“…,” said Caddell.
//! “…”`), or of the one before an unclosed paragraph it continues.

mod marks;
mod speaker;

use crate::text::Document;
use crate::{Kind, Span, Speaker};

use marks::Quotation;
use speaker::{Attribution, Attributor, Lists};

/// Finds quotations; holds the cue and pronoun lists, built once.
pub struct QuoteFinder {
    lists: Lists,
}

impl QuoteFinder {
    pub fn new() -> QuoteFinder {
        QuoteFinder {
            lists: Lists::new(),
        }
    }

    /// Quote spans of `document`; speakers that are entity mentions (in `entity_spans`) get
    /// their entity id.
    pub fn find(&self, document: &Document, entity_spans: &[Span]) -> Vec<Span> {
        let attributor = Attributor::new(document, &self.lists, entity_spans);
        let mut spans = Vec::new();
        let mut previous: Option<(Quotation, Attribution)> = None;
        for quotation in marks::quotations(document.text) {
            let own = attributor.attribute(quotation.start, quotation.end);
            let attribution = own.or_else(|| continued(document.text, &previous, &quotation));
            spans.push(span(document.text, &quotation, attribution.as_ref()));
            previous = attribution.map(|a| (quotation, a));
        }
        spans
    }
}

impl Default for QuoteFinder {
    fn default() -> QuoteFinder {
        QuoteFinder::new()
    }
}

/// The previous quotation's attribution, when this one goes on from it: same paragraph, or the
/// previous one ran unclosed to the end of its paragraph.
fn continued(
    text: &str,
    previous: &Option<(Quotation, Attribution)>,
    quotation: &Quotation,
) -> Option<Attribution> {
    let (before, attribution) = previous.as_ref()?;
    let between = &text[before.end..quotation.start];
    let same_paragraph = !between.contains('\n');
    let next_paragraph = !before.closed && between.trim().is_empty();
    (same_paragraph || next_paragraph).then(|| attribution.clone())
}

fn span(text: &str, quotation: &Quotation, attribution: Option<&Attribution>) -> Span {
    let mut span = Span::new(text, quotation.start, quotation.end, Kind::Quote);
    if let Some(attribution) = attribution {
        let speaker = attribution.speaker;
        span.speaker = Some(Speaker {
            start: speaker.start,
            end: speaker.end,
            text: text[speaker.start..speaker.end].to_string(),
            entity: speaker.entity,
        });
        span.cue = Some(attribution.cue.clone());
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityRecognizer;

    /// Quotations of `text` as (quote, speaker, cue), with entities recognized first.
    fn quotes(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let doc = Document::new(text);
        let entities = EntityRecognizer::new().recognize(&doc);
        QuoteFinder::new()
            .find(&doc, &entities.spans)
            .into_iter()
            .map(|s| (s.text, s.speaker.map(|p| p.text), s.cue))
            .collect()
    }

    fn quote(
        text: &str,
        speaker: Option<&str>,
        cue: Option<&str>,
    ) -> (String, Option<String>, Option<String>) {
        (
            text.to_string(),
            speaker.map(String::from),
            cue.map(String::from),
        )
    }

    #[test]
    fn sample_quotes_are_trumps_and_link_his_entity() {
        let text = "President Trump said Thursday he plans to meet with Russian President \
                    Vladimir Putin in Budapest.\n“I believe great progress was made with today’s \
                    telephone conversation,” Trump wrote in a social media post.\n“I actually \
                    believe that the Success in the Middle East will help,” Trump wrote.";
        let doc = Document::new(text);
        let entities = EntityRecognizer::new().recognize(&doc);
        let trump = entities
            .entities
            .iter()
            .find(|e| e.name == "Trump")
            .unwrap()
            .id;
        let found = QuoteFinder::new().find(&doc, &entities.spans);
        assert_eq!(found.len(), 2);
        for span in &found {
            assert_eq!(span.kind, Kind::Quote);
            assert_eq!(span.cue.as_deref(), Some("wrote"));
            let speaker = span.speaker.as_ref().unwrap();
            assert_eq!(
                (speaker.text.as_str(), speaker.entity),
                ("Trump", Some(trump))
            );
        }
        assert!(found[0].text.starts_with("“I believe great progress"));
        assert!(found[1].text.starts_with("“I actually believe"));
    }

    #[test]
    fn a_quote_goes_on_with_the_speaker_before_it() {
        assert_eq!(
            quotes("“One,” said Caddell. “Two.”\n“Three.”"),
            [
                quote("“One,”", Some("Caddell"), Some("said")),
                quote("“Two.”", Some("Caddell"), Some("said")),
                quote("“Three.”", None, None)
            ]
        );
    }

    #[test]
    fn an_unclosed_paragraph_continues_into_the_next() {
        assert_eq!(
            quotes("Caddell said: “One thing\n“Another thing.”"),
            [
                quote("“One thing", Some("Caddell"), Some("said")),
                quote("“Another thing.”", Some("Caddell"), Some("said"))
            ]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let many = "\"".repeat(100_000);
        let inputs = [
            "",
            "“",
            "”he said",
            "😀 “😀,” 😀 said.",
            "a\r\n“b\r\nc”\r\n",
            many.as_str(),
        ];
        for input in inputs {
            let found = quotes(input);
            assert!(found.len() <= 1, "{input:?}");
        }
        assert_eq!(
            quotes("😀 “😀 x,” he said."),
            [quote("“😀 x,”", Some("he"), Some("said"))]
        );
    }
}
