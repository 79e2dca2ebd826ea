//! A month's name as a person's surname: "Theresa May", "Fiona May", "Brian May". The
//! tagger learns month names as no names (its training text has three such people in 20,000
//! names), so it ends "Theresa May said" at "Theresa", and reads none of the lone "May said"
//! that follow. Two steps, each on a form:
//! - a person's name ending in a listed given name goes on over a capitalized month name right
//!   after it on its line, when no number follows the month ("Theresa May said"; not "Rick
//!   Scott May 5");
//! - such a surname standing alone is that person wherever the text capitalizes it outside a
//!   date's context: no number after it, no word before it that makes a month a date in the
//!   dates layer ("in May", "that May": the two layers read the word alike), nor a range's, a
//!   month or a number ("April-May", "3 May"), and at a sentence's start no word after it that
//!   a modal "May" takes ("May I", "May the best team win").

use super::add_left_out;
use super::edges::number_after;
use super::lexicon::Lexicon;
use super::tagger::Found;
use crate::dates::{is_full_month, MONTH_CUES};
use crate::text::{is_ascii_title_case, lowercase, Document, FastSet, TokenKind};
use crate::Kind;

/// Whether token `t` is a month's full name written as a name ("May", "March"; not "MAY",
/// nor an abbreviation, which no surname is), as the dates layer reads month names.
fn month_name(doc: &Document, t: usize) -> bool {
    let word = doc.token_text(t);
    is_ascii_title_case(word) && is_full_month(word)
}

/// Besides the dates layer's own [`MONTH_CUES`] ("in May", "since March", "mid-August"), the
/// words before a month that end a range ("from April to May", "April-May").
const RANGE_BEFORE: [&str; 3] = ["to", "-", "\u{2013}"];

/// Words after a sentence-initial "May" that make it the modal verb: "May I ask", "May God bless".
const MODAL_AFTER: [&str; 20] = [
    "i", "we", "you", "he", "she", "they", "it", "the", "a", "an", "this", "that", "these",
    "those", "there", "all", "god", "your", "our", "his",
];

/// Joins each person's month surname to its name, then marks the surname's lone mentions
/// (`found` is kept in text order).
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut surnames: FastSet<&str> = FastSet::default();
    for name in found.iter_mut() {
        if let Some(month) = surname_after(doc, lexicon, name) {
            name.tokens.end = month + 1;
            surnames.insert(doc.token_text(month));
        }
    }
    if surnames.is_empty() {
        return;
    }
    add_left_out(found, 0..doc.tokens.len(), Kind::Person, |t| {
        surnames.contains(doc.token_text(t)) && lone_surname(doc, t)
    });
}

/// The token of the month surname right after the person `name`, if it has one.
fn surname_after(doc: &Document, lexicon: &Lexicon, name: &Found) -> Option<usize> {
    let month = name.tokens.end;
    let last = month.checked_sub(1)?;
    let is_surname = name.kind == Kind::Person
        && month < doc.tokens.len()
        && month_name(doc, month)
        && lexicon
            .given_names
            .contains(lowercase(doc.token_text(last)).as_ref())
        && &doc.text[doc.tokens[last].end..doc.tokens[month].start] == " "
        && !number_after(doc, month);
    is_surname.then_some(month)
}

/// Whether the month name at token `t` stands as a surname: not in a date's context.
fn lone_surname(doc: &Document, t: usize) -> bool {
    if number_after(doc, t) {
        return false;
    }
    if doc.starts_sentence(t) {
        let modal = t + 1 < doc.tokens.len()
            && MODAL_AFTER.contains(&lowercase(doc.token_text(t + 1)).as_ref());
        return !modal;
    }
    let before = t - 1;
    let text = doc.token_text(before);
    let lower = lowercase(text);
    !(MONTH_CUES.contains(&lower.as_ref())
        || RANGE_BEFORE.contains(&lower.as_ref())
        || month_name(doc, before)
        || doc.tokens[before].kind == TokenKind::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names after [`mark`] when the tagger found `names` (each at its first place in
    /// `text`).
    fn marked(text: &str, names: &[(&str, Kind)]) -> Vec<String> {
        let doc = Document::new(text);
        let mut found = Found::first_places(&doc, names);
        mark(&doc, &Lexicon::new(), &mut found);
        found.iter().map(|f| f.text(&doc)).collect()
    }

    #[test]
    fn a_given_name_goes_on_over_a_month_surname() {
        let text = "Theresa May said on Tuesday her cabinet would meet. May's aides agreed. May added more.";
        assert_eq!(
            marked(text, &[("Theresa", Kind::Person)]),
            ["Theresa May", "May", "May"]
        );
        assert_eq!(
            marked("Actor Brian March won.", &[("Brian", Kind::Person)]),
            ["Brian March"]
        );
    }

    #[test]
    fn months_in_dates_stay_dates() {
        // A number after the month; a name that does not end in a listed given name; no person.
        let text = "Rick Scott May 5 said so. Acme March signed.";
        let names = [("Rick Scott", Kind::Person), ("Acme", Kind::Organization)];
        assert_eq!(marked(text, &names), ["Rick Scott", "Acme"]);
        // The surname's other mentions in a date's context, and the modal at a sentence's start.
        let text = "Theresa May spoke. In May, she left; from April to May and 3 May too. \
                    May I ask? Elections held on May 5. May God help us. The May of 1968 was \
                    hot. But May won.";
        assert_eq!(
            marked(text, &[("Theresa", Kind::Person)]),
            ["Theresa May", "May"]
        );
    }

    #[test]
    fn the_month_must_follow_on_the_same_line() {
        let text = "Theresa\nMay said so.";
        assert_eq!(marked(text, &[("Theresa", Kind::Person)]), ["Theresa"]);
    }
}
