//! Laws, treaties and other instruments: a name of two words or more whose last word, capitalized,
//! is one for a law or an agreement ("Affordable Care Act", "Lusaka Agreement", "Kyoto Protocol",
//! "First Amendment", `law_words.txt`) is a misc name at every mention, as CoNLL-2003 and GUM mark
//! 31 of the 33 names of that form (the other two are a company's, "Penn Treaty", which the tagger
//! reads as a person's either way). The tagger reads some as organizations, a law's name being made
//! of a body's words ("HEROES Act", "Comprehensive Test Ban Treaty", "North American Free Trade
//! Agreement"); the last word says what the name is, whatever comes before it.
//!
//! Measured by `newsmark cv-ner` (session 32): the rule changes PolNeAR names and so the silver
//! sentences; GUM 5-fold (seeds 1-5) 0.7150 → 0.7150, CoNLL-2003 with GUM 0.9200 → 0.9197, both
//! within one draw of the silver data; at GUM seed 1 it put 5 names right ("HEROES Act") and none
//! wrong.

use super::evidence::weight;
use super::group::Mention;
use super::lexicon::Lexicon;
use super::listed;
use crate::text::Document;

/// The weight of the vote for a misc name that `mention` casts when it ends in a word for a law:
/// [`weight::DEFINED`], as the name itself says what it is.
pub fn law_cue(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> Option<u32> {
    let last = mention.tokens.end.checked_sub(1)?;
    (mention.tokens.len() >= 2
        && doc.is_capitalized(last)
        && listed(&[&lexicon.law_words], doc, last..last + 1))
    .then_some(weight::DEFINED)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cued(text: &str, name: &str) -> bool {
        let doc = Document::new(text);
        law_cue(&doc, &Lexicon::new(), &Mention::first_place(&doc, name)).is_some()
    }

    #[test]
    fn a_name_ending_in_a_word_for_a_law_is_one() {
        assert!(cued("The HEROES Act lets the Secretary act.", "HEROES Act"));
        assert!(cued(
            "Canada left the North American Free Trade Agreement.",
            "North American Free Trade Agreement"
        ));
        assert!(cued("Russia signed the Kyoto Protocol.", "Kyoto Protocol"));
        assert!(cued("It broke the First Amendment.", "First Amendment"));
    }

    #[test]
    fn other_names_are_not() {
        // One word, a law's word in lowercase or first, or a word left out of the list.
        assert!(!cued("The Act was passed.", "Act"));
        assert!(!cued(
            "It joined the Paris climate accord.",
            "Paris climate accord"
        ));
        assert!(!cued(
            "Charter Communications fell.",
            "Charter Communications"
        ));
        assert!(!cued("Buffalo Bill rode on.", "Buffalo Bill"));
        assert!(!cued("Stuart Law made 50.", "Stuart Law"));
    }
}
