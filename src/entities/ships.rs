//! A naval ship's prefix and the name after it are one misc name: "USS Gerald R. Ford", "HMS
//! Prince of Wales" (the prefixes are `ship_prefixes.txt`). The tagger reads the prefix as an
//! organization and the rest as a person or a place.

use std::ops::Range;

use super::lexicon::Lexicon;
use super::tagger::Found;
use super::{listed, put_over};
use crate::text::Document;
use crate::Kind;

/// The most words a ship's name after its prefix is read to.
const LONGEST: usize = 6;

/// Puts each ship named in `doc` into `found` (kept in text order) as a misc name, in place of
/// the names inside it; a name that runs into it from outside is cut at its edge.
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut ships: Vec<Range<usize>> = Vec::new();
    let mut free = 0;
    let bytes = doc.text.as_bytes();
    for (t, token) in doc.tokens.iter().enumerate() {
        // Every token comes here: one byte rules out most.
        if t >= free && bytes[token.start].is_ascii_uppercase() && is_prefix(doc, lexicon, t) {
            let end = name_end(doc, t + 1);
            if end > t + 1 {
                ships.push(t..end);
                free = end;
            }
        }
    }
    put_over(found, ships, Kind::Misc);
}

/// Whether token `t` is a listed ship's prefix written in capitals.
fn is_prefix(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    let token = doc.tokens[t];
    let Some(word) = doc.text.as_bytes().get(token.start..token.end) else {
        return false;
    };
    (2..=5).contains(&word.len())
        && word.iter().all(u8::is_ascii_uppercase)
        && listed(&[&lexicon.ship_prefixes], doc, t..t + 1)
}

/// The end of the ship's name that starts at token `start` on the line of the prefix before it:
/// its capitalized words, with "of" or "the" between two of them; `start` if none.
fn name_end(doc: &Document, start: usize) -> usize {
    let mut end = start;
    let mut t = start;
    while t < doc.tokens.len() && t < start + LONGEST && !doc.line_break_between(t - 1, t) {
        if doc.is_capitalized(t) {
            end = t + 1;
        } else if !(t > start && (doc.token_is(t, "of") || doc.token_is(t, "the"))) {
            break;
        }
        t += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<String> {
        Found::found_by(text, Kind::Misc, |doc, found| {
            mark(doc, &Lexicon::new(), found)
        })
    }

    #[test]
    fn a_ships_prefix_and_name_are_one_misc_name() {
        assert_eq!(
            marked("The USS Gerald R. Ford and HMS Prince of Wales sailed with the USS Cole."),
            ["USS Gerald R. Ford", "HMS Prince of Wales", "USS Cole"]
        );
    }

    #[test]
    fn a_prefix_without_a_name_or_in_lowercase_is_none() {
        assert_eq!(
            marked("The USS crew and the uss Cole met.\nUSS\nCole left. HMS of the year."),
            Vec::<String>::new()
        );
    }
}
