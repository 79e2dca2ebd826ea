//! Roads' names are places' names, as CoNLL-2003 and GUM mark them: a capitalized road word and a
//! number ("Interstate 95", "Route 66", "Hwy 51", `road_words.txt`), an interstate's or a U.S.
//! highway's code ("I-44", "US-75"), each with a direction after it ("I-44 West", "US-169 South"),
//! and a British road's code before a lowercase word that says it is a road ("the M3 motorway",
//! "the M1 northbound"; "M1" alone is as often a money supply). The tagger reads "Interstate 95" as
//! a misc name and leaves "Route 66" and most codes out. Other mentions of a code ("the A64" after
//! "the A64 eastbound") are the repeats pass's. In CoNLL-2003 and GUM gold, every name written so
//! is a place (13 of 13: "Interstate 5", "M3 motorway", "I-44 West", "Route 66", "Hwy 51", "A1M
//! northbound").

use std::ops::Range;

use super::lexicon::Lexicon;
use super::put_over;
use super::tagger::Found;
use crate::text::{Document, TokenKind};
use crate::Kind;

/// Puts each road named in `doc` into `found` (kept in text order) as a place, in place of the
/// names inside it; a name that runs into it from outside is cut at its edge.
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut roads: Vec<Range<usize>> = Vec::new();
    for t in 0..doc.tokens.len() {
        if roads.last().is_some_and(|road| road.end > t) || !doc.is_capitalized(t) {
            continue;
        }
        if let Some(end) = road_end(doc, lexicon, t) {
            let end = with_direction(doc, end);
            roads.push(t..end);
        }
    }
    if !roads.is_empty() {
        put_over(found, roads, Kind::Place);
    }
}

/// The end of the road's name that starts at capitalized token `t`, if one does.
fn road_end(doc: &Document, lexicon: &Lexicon, t: usize) -> Option<usize> {
    let word = doc.token_text(t);
    let next = (t + 1 < doc.tokens.len() && !doc.line_break_between(t, t + 1)).then_some(t + 1);
    let words = &lexicon.road_words;
    if is_highway_code(word) {
        return Some(t + 1);
    }
    let next = next?;
    let next_word = doc.token_text(next);
    let numbered = doc.tokens[next].kind == TokenKind::Number
        && next_word.len() <= 4
        && next_word.bytes().all(|b| b.is_ascii_digit());
    if numbered && words.contains(&word.to_ascii_lowercase()) {
        return Some(t + 2);
    }
    // The list is lowercase: a word found in it as written is written in lowercase.
    (is_british_code(word) && words.contains(next_word)).then_some(t + 1)
}

/// "I-44", "I-5", "US-75", "US-412": an interstate's or a U.S. highway's code.
fn is_highway_code(word: &str) -> bool {
    (word.strip_prefix("I-").or_else(|| word.strip_prefix("US-")))
        .is_some_and(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// "M1", "A64", "A1M", "A1237": a British road's code.
fn is_british_code(word: &str) -> bool {
    let Some(rest) = word.strip_prefix(['A', 'M']) else {
        return false;
    };
    let digits = rest.strip_suffix('M').unwrap_or(rest);
    (1..=4).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `end`, or past a capitalized direction right after it on its line ("I-44 West").
fn with_direction(doc: &Document, end: usize) -> usize {
    let direction = end < doc.tokens.len()
        && !doc.line_break_between(end - 1, end)
        && matches!(doc.token_text(end), "North" | "South" | "East" | "West");
    end + usize::from(direction)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names left when the tagger found `names` (each at its first place) in `text`.
    fn marked(text: &str, names: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        Found::after_pass(text, names, |doc, found| mark(doc, &Lexicon::new(), found))
    }

    fn places(names: &[&str]) -> Vec<(String, Kind)> {
        names.iter().map(|n| (n.to_string(), Kind::Place)).collect()
    }

    #[test]
    fn numbered_roads_are_places() {
        let text = "Traffic on Interstate 95 and I-44 West slowed near Route 66, Hwy 51 and US-75.";
        let expected = places(&["Interstate 95", "I-44 West", "Route 66", "Hwy 51", "US-75"]);
        assert_eq!(marked(text, &[("Interstate", Kind::Misc)]), expected);
        let text = "Take the M1 northbound, then the A1M northbound and the M3 motorway.";
        assert_eq!(marked(text, &[]), places(&["M1", "A1M", "M3"]));
    }

    #[test]
    fn other_codes_and_numbers_are_left_alone() {
        let text =
            "M1 money supply rose 3 pct; Moody's rated it A1 on Route\n66 of the Highway Act.";
        assert!(marked(text, &[]).is_empty());
        let text = "The Airbus A380 to Dubai, the I-5000 form and US-China talks.";
        assert!(marked(text, &[]).is_empty());
        assert!(!is_british_code("A12345"));
        assert!(is_british_code("A1237"));
        assert!(!is_highway_code("I-"));
    }
}
