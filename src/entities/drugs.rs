//! A medicine's brand: a name right after a lowercase noun for a medicine on its line ("the
//! obesity drug Zepbound", "multiple sclerosis drug Avonex", `drug_nouns.txt`) is a misc name at
//! every mention, as CoNLL-2003 marks a product. The tagger reads an unknown brand by its shape,
//! as a person's, an organization's or a place's ("Avonex" a person at its six other mentions in
//! a Reuters story, "Zepbound" an organization). Left out: a name that starts with a listed
//! given name, and (in `group/cues.rs`) the surname of a person the text names in full ("the drug
//! Moreno took" after "Ana Moreno").
//!
//! The gold data has few such names (CoNLL-2003 and GUM: one, "drug Avonex", a misc name): the
//! form is built for today's health news, checked with golden cases.

use super::evidence::weight;
use super::group::Mention;
use super::lexicon::Lexicon;
use super::org_cues::starts_with_given_name;
use crate::text::Document;

/// The weight of the vote for a misc name that a medicine's noun right before `mention` casts:
/// [`weight::DEFINED`], as the text says what the name is.
pub fn drug_cue(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> Option<u32> {
    let start = mention.tokens.start;
    let noun = start.checked_sub(1)?;
    let after_noun = lexicon.drug_nouns.contains(doc.token_text(noun))
        && !doc.line_break_between(noun, start)
        && !starts_with_given_name(doc, lexicon, mention);
    after_noun.then_some(weight::DEFINED)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cued(text: &str, name: &str) -> bool {
        Mention::cued_by(text, name, drug_cue)
    }

    #[test]
    fn a_name_after_a_medicines_noun_is_a_product() {
        assert!(cued("sales of the obesity drug Zorbavex rose", "Zorbavex"));
        assert!(cued("the vaccines Kestravax and Ulmivax", "Kestravax"));
        // Capitalized noun, another line, a given name, no noun.
        assert!(!cued("the Drug Zorbavex Agency", "Zorbavex Agency"));
        assert!(!cued("the drug\nZorbavex rose", "Zorbavex"));
        assert!(!cued("the drug Maria took", "Maria"));
        assert!(!cued("sales of Zorbavex rose", "Zorbavex"));
    }
}
