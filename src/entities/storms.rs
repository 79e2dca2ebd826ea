//! Storms' names: a name right after a storm word ("Hurricane Melissa", "Typhoon Haiyan",
//! "Tropical Storm Erin", `storm_words.txt`), or starting with one ("Cyclone Phailin" as one
//! name, as GUM writes it; CoNLL-2003 leaves "Hurricane" out), is a storm's, a MISC name at every
//! mention: "Melissa weakened" later in the story is the storm too. Storms are named like people,
//! so the tagger reads most of them as persons, and a word right after a storm word that the
//! tagger left out ("Hurricane Odalys") is the storm's name. In CoNLL-2003 and GUM every name
//! written so is a storm's (MISC, 7 of them; "National Hurricane Center" has the word inside, not
//! first).

use super::evidence::weight;
use super::group::Mention;
use super::lexicon::Lexicon;
use super::tagger::Found;
use super::{add_left_out, listed};
use crate::text::Document;
use crate::Kind;

/// The weight of the vote for a misc name that a storm word before `mention`, or first in it,
/// casts: [`weight::DEFINED`], as the text says what the name is.
pub fn storm_cue(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> Option<u32> {
    let start = mention.tokens.start;
    let longest = lexicon.storm_words.longest();
    let led = (1..mention.tokens.len().min(longest + 1))
        .any(|n| listed(&[&lexicon.storm_words], doc, start..start + n));
    (led || after_storm_word(doc, lexicon, start)).then_some(weight::DEFINED)
}

/// Adds to `found` (in text order) the storms' names the tagger left out: a capitalized word in
/// mixed case, in no name, right after a storm word ("Hurricane Odalys").
pub fn add(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    // Two capitalized words in a row first: most tokens are not, and that test reads a byte each.
    let pairs =
        (1..doc.tokens.len()).filter(|&t| doc.is_capitalized(t) && doc.is_capitalized(t - 1));
    add_left_out(found, pairs, Kind::Misc, |t| {
        doc.token_text(t).chars().skip(1).any(char::is_lowercase)
            && after_storm_word(doc, lexicon, t)
    });
}

/// Whether the words right before token `start`, capitalized and on its line, are a storm
/// word ("Hurricane", "Tropical Storm").
fn after_storm_word(doc: &Document, lexicon: &Lexicon, start: usize) -> bool {
    (1..=lexicon.storm_words.longest().min(start)).any(|n| {
        let words = start - n..start;
        words.clone().all(|t| doc.is_capitalized(t))
            && !doc.line_break_between(start - n, start)
            && listed(&[&lexicon.storm_words], doc, words)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cued(text: &str, name: &str) -> bool {
        let doc = Document::new(text);
        let mention = Mention::first_place(&doc, name);
        storm_cue(&doc, &Lexicon::new(), &mention).is_some()
    }

    #[test]
    fn a_name_after_or_led_by_a_storm_word_is_a_storm() {
        assert!(cued("Hurricane Melissa made landfall.", "Melissa"));
        assert!(cued(
            "Hurricane Melissa made landfall.",
            "Hurricane Melissa"
        ));
        assert!(cued(
            "Forecasters said Tropical Storm Erin would strengthen.",
            "Erin"
        ));
        assert!(cued("Cyclone Phailin hit Odisha.", "Cyclone Phailin"));
    }

    #[test]
    fn a_word_the_tagger_left_out_after_a_storm_word_is_added() {
        let doc = Document::new("Hurricane Odalys hit the port, and hurricane Bo did not.");
        let lexicon = Lexicon::new();
        let mut found = Vec::new();
        add(&doc, &lexicon, &mut found);
        assert_eq!(found, Found::all(&[(1, 2)], Kind::Misc));
        // A word already in a name is left as it is.
        let mut found = Found::all(&[(0, 2)], Kind::Person);
        add(&doc, &lexicon, &mut found);
        assert_eq!(found, Found::all(&[(0, 2)], Kind::Person));
    }

    #[test]
    fn other_names_are_not() {
        // The storm word alone, lowercase before the name, or on the line before.
        assert!(!cued("The hurricane Melissa feared never came.", "Melissa"));
        assert!(!cued(
            "Hurricane\nMelissa Reyes wrote the report.",
            "Melissa Reyes"
        ));
        assert!(!cued(
            "The National Hurricane Center said so.",
            "National Hurricane Center"
        ));
        assert!(!cued("Storm Reid starred in the film.", "Storm Reid"));
    }
}
