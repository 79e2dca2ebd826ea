//! A nationality word the tagger left out where the text names a language with it is a misc name:
//! after "in", "into", "from" or a verb for speaking, learning or teaching, and not describing the
//! word after it ("in French by chien", "learned Italian,", "spoke German and French", "comes from
//! German, which"; not "in French politics", `nationality_words.rs`). CoNLL-2003 and GUM mark a
//! language so; the tagger, trained mostly on text where the same words describe ("French
//! officials"), leaves a third of them out in GUM.
//!
//! Only capitalized tokens after a cue word are looked at: a look at every token's text for its
//! nationality cost 0.9 % of the entity layer's wasm instructions (session 28).

use super::add_left_out;
use super::lexicon::Lexicon;
use super::listed;
use super::nationality_words::{describes_next, plural};
use super::tagger::Found;
use crate::text::Document;
use crate::Kind;

/// Words right before a language's name ("in French", "spoke German"), lowercase.
const CUES: [&str; 17] = [
    "in", "into", "from", "speak", "speaks", "spoke", "speaking", "learn", "learns", "learned",
    "learnt", "learning", "teach", "teaches", "taught", "study", "studied",
];

/// Adds to `found` (kept in text order), as misc names, the nationality words the text names
/// a language with that no name of `found` covers.
pub fn add(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    // A capital first: most tokens have none, and it is the cheapest test.
    let candidates = (1..doc.tokens.len()).filter(|&t| doc.is_capitalized(t) && after_cue(doc, t));
    add_left_out(found, candidates, Kind::Misc, |t| {
        !doc.line_break_between(t - 1, t)
            && listed(&[&lexicon.nationalities], doc, t..t + 1)
            && !plural(doc, lexicon, t)
            && !describes_next(doc, lexicon, t + 1)
    });
}

/// Whether the token before `t` is a cue word. Its length and first letter are read first
/// ([`CUE_LENGTHS`], [`CUE_FIRSTS`]): a capitalized word follows many words, and comparing each
/// with every cue cost a third of a point of the entity layer's wasm instructions.
fn after_cue(doc: &Document, t: usize) -> bool {
    let word = doc.token_text(t - 1);
    CUE_LENGTHS.contains(&word.len())
        && CUE_FIRSTS.contains(&word.as_bytes()[0])
        && CUES.contains(&word)
}

/// The lengths and first letters of [`CUES`] (a test checks them).
const CUE_LENGTHS: std::ops::RangeInclusive<usize> = 2..=8;
const CUE_FIRSTS: [u8; 5] = [b'i', b'f', b's', b'l', b't'];

#[cfg(test)]
mod tests {
    use super::*;

    fn added(text: &str, names: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        Found::after_pass(text, names, |doc, found| add(doc, &Lexicon::new(), found))
    }

    #[test]
    fn every_cue_passes_the_quick_test() {
        for cue in CUES {
            assert!(CUE_LENGTHS.contains(&cue.len()), "{cue}");
            assert!(CUE_FIRSTS.contains(&cue.as_bytes()[0]), "{cue}");
        }
    }

    #[test]
    fn a_language_after_its_cue_is_a_misc_name() {
        let text = "A dog is chien in French, hund in German; he learned Italian, and \
                    spoke Greek and Latin, words from German.";
        let misc = |name: &str| (name.to_string(), Kind::Misc);
        assert_eq!(
            added(text, &[("Latin", Kind::Misc)]),
            [
                misc("French"),
                misc("German"),
                misc("Italian"),
                misc("Greek"),
                misc("Latin"),
                misc("German")
            ]
        );
    }

    #[test]
    fn words_that_describe_peoples_and_names_are_left() {
        let text = "Born in French Guiana, he met Germans in French politics. In Germany, in\n\
                    French. The films of John French in Paris.";
        assert_eq!(
            added(
                text,
                &[
                    ("French Guiana", Kind::Place),
                    ("John French", Kind::Person)
                ]
            ),
            [
                ("French Guiana".to_string(), Kind::Place),
                ("John French".to_string(), Kind::Person)
            ]
        );
    }
}
