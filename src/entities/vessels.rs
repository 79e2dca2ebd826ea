//! A vessel's name: a name right after a lowercase noun for a ship or a spacecraft on its line
//! ("the aircraft carrier Carl Vinson", "the cruise ship Freewinds", `vessel_nouns.txt`) is a
//! misc name at every mention, as CoNLL-2003 and GUM mark a ship. Ships are named after people
//! and places, so the tagger reads the name as a person's ("Carl Vinson") or an organization's
//! ("Enterprise"); the prefixed names ("USS Enterprise") are `ships.rs`'s.
//!
//! In CoNLL-2003 (train, dev) and GUM gold, a name right after one of these nouns is a misc name
//! 5 times in 5: three in one conll_dev story ("aircraft carrier Carl Vinson", "aircraft carriers
//! Vinson and Enterprise"), two in GUM ("cruise ship Freewinds", "vessel HMC Searcher"), none in
//! CoNLL-2003 train.

use super::evidence::weight;
use super::group::Mention;
use super::lexicon::Lexicon;
use super::lowercase_key;
use crate::text::Document;

/// The weight of the vote for a misc name that a vessel's noun right before `mention` casts:
/// [`weight::DEFINED`], as the text says what the name is. The noun is one word or two
/// ("destroyer", "aircraft carrier"), written in lowercase on the name's line.
pub fn vessel_cue(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> Option<u32> {
    let start = mention.tokens.start;
    let noun = start.checked_sub(1)?;
    if doc.line_break_between(noun, start) {
        return None;
    }
    let nouns = &lexicon.vessel_nouns;
    // The list is lowercase: a word found in it as written is written in lowercase. A key of two
    // words is made only after a word that starts an entry of two ("aircraft", "cruise").
    let one_word = || nouns.contains(doc.token_text(noun));
    let two_words = || {
        noun.checked_sub(1).is_some_and(|first| {
            nouns.starts_longer(doc.token_text(first))
                && doc.token_text(noun).bytes().all(|b| b.is_ascii_lowercase())
                && nouns.contains(&lowercase_key(doc, first..start))
        })
    };
    (one_word() || two_words()).then_some(weight::DEFINED)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cued(text: &str, name: &str) -> bool {
        Mention::cued_by(text, name, vessel_cue)
    }

    #[test]
    fn a_name_after_a_vessels_noun_is_a_misc_name() {
        assert!(cued(
            "the aircraft carrier Carl Vinson sailed",
            "Carl Vinson"
        ));
        assert!(cued("the destroyers Kestrel and Ulmo", "Kestrel"));
        assert!(cued("aboard the cruise ship Freewinds", "Freewinds"));
        // Capitalized noun, another line, a noun that is no vessel's, no noun.
        assert!(!cued("the Destroyer Kestrel Agency", "Kestrel Agency"));
        assert!(!cued("the destroyer\nKestrel sailed", "Kestrel"));
        assert!(!cued("the carrier EgyptAir said", "EgyptAir"));
        assert!(!cued("sales of Kestrel rose", "Kestrel"));
    }
}
