//! A name with an age after it between commas is a person's: "Chelsea, 16, said …", "Maria
//! Marco, 35, was …". The age apposition is the newswires' way to introduce a person, and no
//! other kind of name takes it; the tagger may read the name as anything, or miss a one-word
//! name that is also a club's or a place's ("Chelsea"). Such a name becomes a person; a
//! capitalized word there that the tagger left out becomes one, with up to two capitalized
//! words before it on its line.
//!
//! Measured by cross-validation: GUM and CoNLL-2003 unchanged (0.6784, 0.9062; the one name it
//! changes in conll_train, "Chelsea, 16, was …", is within the rounding).

use super::lexicon::Lexicon;
use super::tagger::Found;
use crate::text::{lowercase, Document, TokenKind};
use crate::Kind;

/// The oldest age read.
const OLDEST: u32 = 120;
/// The most words of a name the tagger missed that is taken before an age.
const NAME_WORDS: usize = 3;

/// Makes each name of `found` before an age a person, and adds the missed ones (kept in text
/// order).
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut added = Vec::new();
    let mut f = 0;
    for t in 1..doc.tokens.len().saturating_sub(2) {
        if !is_age_after(doc, t) {
            continue;
        }
        // Names are in text order: the first one not ending before `t`.
        while f < found.len() && found[f].tokens.end < t {
            f += 1;
        }
        if f < found.len() && found[f].tokens.end == t {
            found[f].kind = Kind::Person;
        } else if f == found.len() || found[f].tokens.start > t {
            if let Some(start) = missed_name(doc, lexicon, t, found[..f].last()) {
                added.push(Found {
                    tokens: start..t,
                    kind: Kind::Person,
                });
            }
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|name| name.tokens.start);
    }
}

/// Whether tokens `t..t + 3` are ", AGE ," on the line of token `t - 1`.
fn is_age_after(doc: &Document, t: usize) -> bool {
    // The token kind first: most tokens fail it, and it needs no text.
    if doc.tokens[t + 1].kind != TokenKind::Number {
        return false;
    }
    let age = doc.token_text(t + 1);
    doc.token_is(t, ",")
        && doc.token_is(t + 2, ",")
        && age.bytes().all(|b| b.is_ascii_digit())
        && age.parse::<u32>().is_ok_and(|a| (1..=OLDEST).contains(&a))
        && !doc.line_break_between(t - 1, t + 2)
}

/// The first token of the capitalized words right before token `end`, not reaching back into
/// `before` (the name ending before them) or over a line break; `None` when the word right
/// before `end` is not a name's.
fn missed_name(
    doc: &Document,
    lexicon: &Lexicon,
    end: usize,
    before: Option<&Found>,
) -> Option<usize> {
    let floor = before.map_or(0, |name| name.tokens.end);
    let name_word = |t: usize| {
        let word = lowercase(doc.token_text(t));
        doc.is_capitalized(t)
            && !lexicon.stopwords.contains(&word)
            && !lexicon.calendar.contains(&word)
    };
    let mut start = end;
    while start > floor
        && end - start < NAME_WORDS
        && name_word(start - 1)
        && (start == end || !doc.line_break_between(start - 1, start))
    {
        start -= 1;
    }
    (start < end).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names after [`mark`] (texts, kinds), when the tagger found `names`.
    fn marked(text: &str, names: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        Found::after_pass(text, names, |doc, found| mark(doc, &Lexicon::new(), found))
    }

    fn person(text: &str) -> (String, Kind) {
        (text.to_string(), Kind::Person)
    }

    #[test]
    fn a_name_before_an_age_is_a_person() {
        assert_eq!(
            marked(
                "Chelsea, 16, said she would stay.",
                &[("Chelsea", Kind::Organization)]
            ),
            [person("Chelsea")]
        );
        assert_eq!(
            marked("Police said Maria Dorn Weller, 35, was hurt.", &[]),
            [person("Maria Dorn Weller")]
        );
        assert_eq!(
            marked("Police said Ana Maria Dorn Weller, 35, was hurt.", &[]),
            [person("Maria Dorn Weller")]
        );
        assert_eq!(
            marked(
                "The two, Ana Kerr, 35, and Ivo, 41, left.",
                &[("Ana Kerr", Kind::Person)]
            ),
            [person("Ana Kerr"), person("Ivo")]
        );
    }

    #[test]
    fn other_numbers_and_words_are_not_ages() {
        for text in [
            "In Paris, 2024, was a good year.",
            "Total, 350, was the score.",
            "It rose, 16, said no one.",
            "On Monday, 16, were hurt.",
            "Tom\n, 16, said.",
            ", 16, said",
        ] {
            assert_eq!(marked(text, &[]), [], "{text}");
        }
    }
}
