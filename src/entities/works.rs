//! A work's title after a noun for it is one misc name: "the 2009 film Watchmen", "the Netflix
//! series Stranger Things", "his book Hydraulica", "the album “The Life of a Showgirl”". The
//! tagger reads such titles as persons ("Gilmore Girls"), places ("New York Minute") or not at
//! all. The nouns are `work_nouns.txt`; a determiner or possessive must come a few words before
//! the noun ("the HBO drama"), so a verb ("to book Hydraulica") is no such noun. A title runs
//! over capitalized words, with short function words between them ("Confessions of an Ugly
//! Stepsister"), or between quotation marks; a "The" opening it stays outside, as GUM marks
//! titles. A given name after the noun is taken for a person's ("the film Tom Hanks made"), and a
//! listed company or organization alone for a clause's subject ("the documentary Netflix
//! released").

use std::ops::Range;

use super::lexicon::Lexicon;
use super::tagger::Found;
use super::{is_possessive, listed, put_over};
use crate::text::{Document, TokenKind};
use crate::Kind;

/// Words one of which comes before a work's noun, at most [`BEFORE`] words before it.
const DETERMINERS: [&str; 12] = [
    "the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "whose",
];
const BEFORE: usize = 4;
/// Lowercase words a title may hold between two capitalized words.
const INSIDE: [&str; 16] = [
    "of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "with", "from", "by", "or", "de",
    "et",
];
/// The most words of a title read.
const LONGEST: usize = 10;

/// Puts each work's title after a work's noun into `found` (kept in text order) as a misc name,
/// in place of the names inside it; a name that runs into it from outside is cut at its edge.
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut titles: Vec<Range<usize>> = Vec::new();
    let bytes = doc.text.as_bytes();
    let mut free = 0;
    for (t, token) in doc.tokens.iter().enumerate() {
        // Every token comes here: a byte of it and of the next rule out most (a title follows
        // the noun) before the list is asked.
        if t < free || t + 1 == doc.tokens.len() || !bytes[token.start].is_ascii_lowercase() {
            continue;
        }
        let after = bytes[doc.tokens[t + 1].start];
        if !(after.is_ascii_uppercase() || after == b'"' || after >= 0x80) {
            continue;
        }
        if listed(&[&lexicon.work_nouns], doc, t..t + 1) && determined(doc, t) {
            // After a plural noun, titles joined by "and", "or" or commas follow ("the films
            // New York Minute and House of Wax").
            let plural = doc.token_text(t).ends_with('s') && !doc.token_is(t, "series");
            let mut next = title_after(doc, lexicon, t, plural);
            while let Some(title) = next {
                free = title.end;
                next = (plural && title.end < doc.tokens.len() && is_list_word(doc, title.end))
                    .then(|| title_after(doc, lexicon, title.end, plural))
                    .flatten();
                titles.push(title);
            }
        }
    }
    put_over(found, titles, Kind::Misc);
}

/// Whether a determiner or possessive comes at most [`BEFORE`] words before the noun at `noun`,
/// in its sentence, with only words or numbers between ("the 2009 film", "the HBO drama",
/// "Nolan's film").
fn determined(doc: &Document, noun: usize) -> bool {
    let first = doc.sentences[doc.sentence_of(noun)].tokens.start;
    for t in (first..noun).rev().take(BEFORE) {
        let word = doc.token_text(t);
        if is_possessive(word) || DETERMINERS.iter().any(|d| word.eq_ignore_ascii_case(d)) {
            return true;
        }
        if doc.tokens[t].kind == TokenKind::Punct {
            return false;
        }
    }
    false
}

/// Whether token `t` joins two titles in a list: "and", "or", a comma.
fn is_list_word(doc: &Document, t: usize) -> bool {
    doc.token_is(t, "and") || doc.token_is(t, "or") || doc.token_is(t, ",")
}

/// The title right after token `noun` (a work's noun, or the word joining two titles), on its
/// line: between quotation marks, or its capitalized words; `None` if there is none or it starts
/// with a given name, a calendar word or "I". `plural`: the noun is plural, so "and" and "or"
/// end the title.
fn title_after(
    doc: &Document,
    lexicon: &Lexicon,
    noun: usize,
    plural: bool,
) -> Option<Range<usize>> {
    let mut start = noun + 1;
    let quoted = start < doc.tokens.len() && is_opening_quote(doc.token_text(start));
    if quoted {
        start += 1;
    }
    if start + 1 < doc.tokens.len() && doc.token_is(start, "The") && doc.is_capitalized(start + 1) {
        start += 1;
    }
    if start >= doc.tokens.len()
        || !doc.is_capitalized(start)
        || doc.line_break_between(noun, start)
        || doc.token_is(start, "I")
        || listed(
            &[&lexicon.given_names, &lexicon.calendar],
            doc,
            start..start + 1,
        )
    {
        return None;
    }
    let end = if quoted {
        quoted_end(doc, start)?
    } else {
        capitalized_end(doc, start, plural)
    };
    // A listed company or organization alone is the subject of a clause: "the documentary
    // Netflix released".
    let organization = end == start + 1 && listed(&lexicon.organization_lists(), doc, start..end);
    (!organization).then_some(start..end)
}

/// The end of a title between quotation marks that starts at `start`: the closing mark, on the
/// same line and within [`LONGEST`] words.
fn quoted_end(doc: &Document, start: usize) -> Option<usize> {
    let last = (start + LONGEST).min(doc.tokens.len());
    (start + 1..last)
        .take_while(|&t| !doc.line_break_between(t - 1, t))
        .find(|&t| is_closing_quote(doc.token_text(t)))
}

/// The end of the capitalized title that starts at `start`: after its last capitalized word,
/// with only [`INSIDE`] words between them (not "and" or "or" after a plural noun), on one line;
/// a pronoun "I" ends it ("the novel Dark Matters I think").
fn capitalized_end(doc: &Document, start: usize, plural: bool) -> usize {
    let mut end = start + 1;
    let last = (start + LONGEST).min(doc.tokens.len());
    for t in start + 1..last {
        if doc.line_break_between(t - 1, t) {
            break;
        }
        if doc.token_is(t, "I") || (plural && is_list_word(doc, t)) {
            break;
        }
        if doc.is_capitalized(t) {
            end = t + 1;
        } else if !INSIDE.iter().any(|w| doc.token_is(t, w)) {
            break;
        }
    }
    end
}

fn is_opening_quote(word: &str) -> bool {
    matches!(word, "\"" | "\u{201c}" | "\u{2018}")
}

fn is_closing_quote(word: &str) -> bool {
    matches!(word, "\"" | "\u{201d}" | "\u{2019}")
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
    fn a_title_after_a_works_noun_is_one_misc_name() {
        assert_eq!(
            marked("She starred in the 2009 film Watchmen, then in the Netflix series Stranger Things."),
            ["Watchmen", "Stranger Things"]
        );
        assert_eq!(
            marked("Christopher Nolan's film Oppenheimer won."),
            ["Oppenheimer"]
        );
        assert_eq!(
            marked("His book Confessions of an Ugly Stepsister sold well."),
            ["Confessions of an Ugly Stepsister"]
        );
        assert_eq!(
            marked("Her album \u{201c}The Life of a Showgirl\u{201d} and the drama The Good Wife."),
            ["Life of a Showgirl", "Good Wife"]
        );
    }

    #[test]
    fn no_determiner_a_given_name_or_no_capital_is_no_title() {
        assert_eq!(
            marked("We book Hydraulica. In the film Tom Hanks runs. A series of Tests. The film in May."),
            Vec::<String>::new()
        );
        assert_eq!(
            marked("The film\nWatchmen. The film, Watchmen."),
            Vec::<String>::new()
        );
        assert_eq!(marked("In the song I wrote it."), Vec::<String>::new());
        assert_eq!(
            marked("The documentary Netflix released drew praise; the film Watchmen won."),
            ["Watchmen"]
        );
    }

    #[test]
    fn and_joins_two_titles_after_a_plural_noun_and_i_ends_one() {
        assert_eq!(
            marked("He was in the films New York Minute and House of Wax."),
            ["New York Minute", "House of Wax"]
        );
        assert_eq!(
            marked("In the comedy Imagine Me and You she sings; the novel Dark Matters I think."),
            ["Imagine Me and You", "Dark Matters"]
        );
    }
}
