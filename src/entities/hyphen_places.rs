//! A place's name of two or three words joined by a hyphen to a lowercase word ("Hong
//! Kong-based", "St. Louis-listed", "New York-born") is one name with that word: the tagger
//! marks "Los Angeles-based" whole, but often starts the name at the hyphen's word ("Kong-based"),
//! leaving the place's first words out or as a name of their own ("Hong"). Where the tagger
//! found a name starting at such a word, and the words right before it on the line with the
//! part before the hyphen are a listed place, the name starts at the place's first word, keeps
//! its kind, and takes in any name between. In CoNLL-2003 gold (train and dev), a place's name
//! of several words before such a hyphen is inside one misc name with it every time (11 of 11);
//! GUM has one such word ("New York-born"), marked as no name.

use super::lexicon::Lexicon;
use super::lowercase_key;
use super::tagger::Found;
use crate::text::Document;

/// The most words of a place's name before the hyphen's word.
const MOST_BEFORE: usize = 2;

/// Moves the start of each name of `found` (in text order; kept so) that begins at a word
/// joining a place's last word to a lowercase word back to the place's first word.
pub fn join(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut starts = Vec::new();
    for (i, name) in found.iter().enumerate() {
        let at = name.tokens.start;
        let Some(start) = place_before_hyphen(doc, lexicon, at) else {
            continue;
        };
        // A name that starts before the place and runs into it stays as it is. The names are in
        // text order and apart: only the last few before this one can reach into the place.
        let crossing = found[..i]
            .iter()
            .rev()
            .take_while(|f| f.tokens.end > start)
            .any(|f| f.tokens.start < start);
        if !crossing {
            starts.push((i, start));
        }
    }
    if starts.is_empty() {
        return;
    }
    for &(i, start) in &starts {
        found[i].tokens.start = start;
    }
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for name in found.drain(..) {
        while kept
            .last()
            .is_some_and(|last| last.tokens.start >= name.tokens.start)
        {
            kept.pop();
        }
        kept.push(name);
    }
    *found = kept;
}

/// The first token of the place's name that ends with the part before the hyphen of token
/// `at` ("Kong" of "Kong-based"): the longest run of the words right before it, on its line,
/// that makes a listed place with that part.
fn place_before_hyphen(doc: &Document, lexicon: &Lexicon, at: usize) -> Option<usize> {
    let head = place_part(doc.token_text(at))?;
    (1..=MOST_BEFORE.min(at)).rev().find_map(|before| {
        let start = at - before;
        if !doc.is_capitalized(start) || doc.line_break_between(start, at) {
            return None;
        }
        let key = format!("{} {}", lowercase_key(doc, start..at), head.to_lowercase());
        lexicon
            .place_lists()
            .iter()
            .any(|list| list.contains(&key))
            .then_some(start)
    })
}

/// The capitalized part before the last hyphen of `word` when a lowercase word follows it
/// ("Kong" of "Kong-based"; not "Kong-Macau", "F-16").
fn place_part(word: &str) -> Option<&str> {
    let (head, tail) = word.rsplit_once('-')?;
    let lowercase = !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_lowercase());
    let capitalized = head.chars().next().is_some_and(char::is_uppercase);
    (lowercase && capitalized).then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    /// The names left when the tagger found `names` (each at its first place) in `text`.
    fn joined(text: &str, names: &[(&str, Kind)]) -> Vec<String> {
        let joined = Found::after_pass(text, names, |doc, found| join(doc, &Lexicon::new(), found));
        joined.into_iter().map(|(text, _)| text).collect()
    }

    #[test]
    fn a_place_before_the_hyphen_joins_the_name() {
        let text = "Pirelli is linking with Hong Kong-based group CITIC Pacific.";
        let names = [("Hong", Kind::Misc), ("Kong-based", Kind::Misc)];
        assert_eq!(joined(text, &names), ["Hong Kong-based"]);
        let text = "St. Louis-based Mercantile Bancorp said on Friday.";
        let names = [
            ("Louis-based", Kind::Misc),
            ("Mercantile Bancorp", Kind::Organization),
        ];
        assert_eq!(
            joined(text, &names),
            ["St. Louis-based", "Mercantile Bancorp"]
        );
    }

    #[test]
    fn other_words_before_the_hyphen_stay_out() {
        // Not a listed place with the part before the hyphen.
        let text = "Chairman Smith-led talks ended. The Kyoto-based firm grew.";
        let names = [("Smith-led", Kind::Misc), ("Kyoto-based", Kind::Misc)];
        assert_eq!(joined(text, &names), ["Smith-led", "Kyoto-based"]);
        // A line break between, and a name that runs into the place.
        let text = "They met in Hong\nKong-based offices.";
        assert_eq!(joined(text, &[("Kong-based", Kind::Misc)]), ["Kong-based"]);
        let text = "Mayor Lee Hong Kong-based";
        let names = [("Lee Hong", Kind::Person), ("Kong-based", Kind::Misc)];
        assert_eq!(joined(text, &names), ["Lee Hong", "Kong-based"]);
    }

    #[test]
    fn only_a_lowercase_word_after_the_hyphen() {
        assert_eq!(place_part("Kong-based"), Some("Kong"));
        assert_eq!(place_part("Kong-Macau"), None);
        assert_eq!(place_part("F-16"), None);
        assert_eq!(place_part("based"), None);
    }
}
