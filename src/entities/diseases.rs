//! A disease's or a virus's name ("Covid-19", "Ebola", "SARS", `diseases.txt`) is a misc name at
//! every mention, as CoNLL-2003 and GUM mark them: the tagger reads them as persons ("Covid") or
//! organizations ("SARS"), and a disease's name is so whatever the sentence around it says ("in
//! Covid", "Ebola said to spread"); one the tagger left out ("Covid-19 cases rose") is added.

use super::evidence::weight;
use super::group::Mention;
use super::lexicon::Lexicon;
use super::tagger::Found;
use super::{add_left_out, listed};
use crate::text::Document;
use crate::Kind;

/// Adds to `found` (in text order) the listed diseases' names, capitalized, that the tagger left
/// out.
pub fn add(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let bytes = doc.text.as_bytes();
    // One byte rules out most tokens before the list is asked.
    let capitalized =
        (0..doc.tokens.len()).filter(|&t| bytes[doc.tokens[t].start].is_ascii_uppercase());
    add_left_out(found, capitalized, Kind::Misc, |t| {
        listed(&[&lexicon.diseases], doc, t..t + 1)
    });
}

/// The weight of the vote for a misc name that `mention` casts when it is a listed disease's
/// name: [`weight::DEFINED`], as the name alone says what it is.
pub fn disease_cue(lexicon: &Lexicon, mention: &Mention) -> Option<u32> {
    lexicon
        .diseases
        .contains(&mention.key)
        .then_some(weight::DEFINED)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cued(text: &str, name: &str) -> bool {
        let doc = Document::new(text);
        disease_cue(&Lexicon::new(), &Mention::first_place(&doc, name)).is_some()
    }

    #[test]
    fn a_listed_disease_the_tagger_left_out_is_added() {
        let doc = Document::new("Covid-19 cases rose, as did covid and Lagos cases.");
        let mut found = Found::all(&[(8, 9)], Kind::Place);
        add(&doc, &Lexicon::new(), &mut found);
        let names: Vec<String> = found.iter().map(|f| f.text(&doc)).collect();
        assert_eq!(names, ["Covid-19", "Lagos"]);
        assert_eq!(found[0].kind, Kind::Misc);
    }

    #[test]
    fn a_listed_disease_is_one_and_other_names_are_not() {
        assert!(cued("Covid-19 cases rose in Lagos.", "Covid-19"));
        assert!(cued("Doctors fought SARS and Ebola.", "SARS"));
        assert!(cued("Doctors fought SARS and Ebola.", "Ebola"));
        assert!(!cued("Doctors in Lagos fought it.", "Lagos"));
        assert!(!cued("Marburg is a town in Hesse.", "Marburg"));
    }
}
