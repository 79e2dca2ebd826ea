//! A numbered part of a building or a site is a place's name, its number included: "Terminal
//! 2", "Gate B12", "Platform 4", "Concourse 1", "Building 31", "Pier 39". The tagger reads the
//! word alone as a person's or an organization's, or the pair as a misc name; GUM marks these
//! places ("There is no Terminal 1", "the Cosmic Dust Lab in Building 31"). Words that are also
//! surnames ("Hall": "Scorers: Hall 34") or name other things ("Room 101", "Studio 54") are
//! left out.

use super::put_over;
use super::tagger::Found;
use crate::text::Document;
use crate::Kind;

/// Words that number a part of a building or site, capitalized.
const PARTS: [&str; 8] = [
    "Terminal",
    "Gate",
    "Platform",
    "Concourse",
    "Building",
    "Pier",
    "Berth",
    "Hangar",
];

/// Marks each part word and the number after it as a place's name in `found` (kept in text
/// order), in place of the names inside it; a name running into it is cut at its edge ("JetBlue
/// [Terminal] 4" keeps "JetBlue"). `numbered`: [`super::numbered_parts::before_numbers`].
pub fn mark(doc: &Document, numbered: &[usize], found: &mut Vec<Found>) {
    let parts: Vec<std::ops::Range<usize>> = (numbered.iter())
        .filter(|&&t| PARTS.iter().any(|part| doc.token_is(t, part)))
        .map(|&t| t..t + 2)
        .collect();
    if !parts.is_empty() {
        put_over(found, parts, Kind::Place);
    }
}

#[cfg(test)]
mod tests {
    use super::super::numbered_parts::before_numbers;
    use super::*;

    fn marked(text: &str, tagged: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        Found::after_pass(text, tagged, |doc, found| {
            mark(doc, &before_numbers(doc), found)
        })
    }

    #[test]
    fn numbered_parts_of_sites_are_places() {
        let text = "Board at Gate B12 in JetBlue Terminal 4, or take Platform 2 to Building 31.";
        let tagged = [("Gate B12", Kind::Misc), ("JetBlue Terminal", Kind::Person)];
        let place = |name: &str| (name.to_string(), Kind::Place);
        assert_eq!(
            marked(text, &tagged),
            [
                place("Gate B12"),
                ("JetBlue".to_string(), Kind::Person),
                place("Terminal 4"),
                place("Platform 2"),
                place("Building 31"),
            ]
        );
    }

    #[test]
    fn other_words_and_numbers_are_not() {
        let text = "Scorers: Hall 34. Room 101 aired. The terminal 2 closed. Gate\n5 shut. Pier 2,000 feet.";
        assert_eq!(
            marked(text, &[("Hall", Kind::Person)]),
            [("Hall".to_string(), Kind::Person)]
        );
    }
}
