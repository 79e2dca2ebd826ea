//! Direct quotations, with their speaker and cue verb.
//!
//! Rule based: [`marks`] pairs quotation marks paragraph by paragraph, [`speaker`] reads the
//! attribution around each quotation. A quotation with no attribution of its own continues the
//! speaker of the one before it in the same paragraph (`“…,” said Caddell. “…”`), of the one
//! before an unclosed paragraph it continues, or of the quotation in the paragraph just before
//! when it makes up a paragraph of its own; failing that its speaker is inferred from the
//! sentence around it. A short quotation with no attribution inside a sentence, or one used as a
//! modifier (`Trump’s “peace through strength” strategy`), is a quoted term, not speech. A
//! quotation broken by its attribution (`“A,” he said, “B.”`) is reported as its parts, each
//! later part linked to the one it continues.
//!
//! This module runs the pipeline; [`terms`] tells quoted terms from speech, [`links`] ties a
//! quotation to the ones before it, and the tests are in `tests.rs`.

mod links;
mod marks;
mod speaker;
mod terms;

use crate::text::Document;
use crate::{Kind, QuoteKind, Span, Speaker};

use links::{after_label, attributed_before, broken, chain, continued, speaker_around};
use marks::Quotation;
use speaker::{Attribution, Attributor, Lists};

/// Finds quotations; holds the cue and pronoun lists, built once.
pub struct QuoteFinder {
    lists: Lists,
}

/// A quotation with what was found about it.
struct Found {
    quotation: Quotation,
    attribution: Option<Attribution>,
    kind: QuoteKind,
    continues: Option<usize>,
}

impl QuoteFinder {
    pub fn new() -> QuoteFinder {
        QuoteFinder {
            lists: Lists::new(),
        }
    }

    /// Quote spans of `document`, in text order; speakers that are entity mentions (in
    /// `entity_spans`) get their entity id. A span's `continues` is the index, in the returned
    /// list, of the part of the same broken quotation it continues.
    pub fn find(&self, document: &Document, entity_spans: &[Span]) -> Vec<Span> {
        let text = document.text;
        let mut attributor = Attributor::new(document, &self.lists, entity_spans);
        let quotations = marks::quotations(text);
        attributor.set_quotations(quotations.iter().map(|q| (q.start, q.end)).collect());
        let mut found: Vec<Found> = Vec::new();
        // The last speech quotation (terms are passed over), kept as we go: linear time.
        let mut previous: Option<usize> = None;
        for quotation in quotations {
            let own = attributor.attribute(quotation.start, quotation.end);
            let term = self.term(text, &quotation, own.is_some());
            let kind = if term.is_some() {
                QuoteKind::Term
            } else {
                QuoteKind::Speech
            };
            let in_sentence = |from, to| attributor.in_one_sentence(from, to);
            let carried =
                || attributed_before(previous.map(|i| &found[i]), &quotation, in_sentence);
            // "“…,” the mayor said, adding “…”": the participle's subject is the speaker named
            // for the quotation before.
            let participle = own
                .as_ref()
                .and_then(|a| a.cue.as_deref())
                .is_some_and(|cue| cue.ends_with("ing"));
            let own = if participle { carried().or(own) } else { own };
            let attribution = match term {
                // Whose term it is: the possessor ("Trump’s “…” strategy"), else the subject
                // of its sentence.
                Some(Some(owner)) => attributor
                    .owner(owner)
                    .or_else(|| attributor.guess(quotation.start)),
                Some(None) => carried().or_else(|| attributor.guess(quotation.start)),
                None => own
                    .or_else(|| continued(text, previous.map(|i| &found[i]), &quotation))
                    .or_else(|| attributor.guess(quotation.start)),
            };
            let chain = previous.and_then(|i| chain(&found[i]));
            let enclosing = |at: usize| speaker_around(&found, at);
            let attribution = attribution.map(|a| attributor.resolve(a, chain, &enclosing));
            let mut quotation = quotation;
            if let Some(words) = attribution
                .as_ref()
                .and_then(|a| after_label(text, &quotation, a))
            {
                quotation.start = words;
            }
            let mut current = Found {
                quotation,
                attribution,
                kind,
                continues: None,
            };
            current.continues = previous.filter(|&i| broken(text, &found[i], &current));
            if current.kind == QuoteKind::Speech {
                previous = Some(found.len());
            }
            found.push(current);
        }
        found.iter().map(|f| span(text, f)).collect()
    }
}

impl Default for QuoteFinder {
    fn default() -> QuoteFinder {
        QuoteFinder::new()
    }
}

fn span(text: &str, found: &Found) -> Span {
    let quotation = &found.quotation;
    let mut span = Span::new(text, quotation.start, quotation.end, Kind::Quote);
    span.quote = Some(found.kind);
    span.continues = found.continues;
    if let Some(attribution) = &found.attribution {
        let speaker = attribution.speaker;
        span.speaker = Some(Speaker {
            start: speaker.start,
            end: speaker.end,
            text: text[speaker.start..speaker.end].to_string(),
            entity: speaker.entity,
        });
        span.cue = attribution.cue.clone();
    }
    span
}

#[cfg(test)]
mod tests;
