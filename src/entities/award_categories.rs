//! An award's category is part of its name: a misc name ending in a last word of
//! `misc_suffixes.txt` ("Award", "Prize", "Trophy", …) goes on over "for Best …", "for Outstanding
//! …" or "for Excellence …" and the capitalized words after it ("the César Award for Best Actress",
//! "the Academy Award for Best Actor in a Leading Role"), as GUM marks the three such names it has.
//! The tagger stops at "for", a lowercase word; the small words inside a category ("in a", "of
//! the") are taken only when a capitalized word follows them.

use super::lexicon::Lexicon;
use super::listed;
use super::tagger::Found;
use crate::text::Document;
use crate::Kind;

/// The first words of a category after "for".
const OPENERS: [&str; 3] = ["Best", "Outstanding", "Excellence"];
/// Small words a category's capitalized words may have between them ("Actor in a Leading Role").
const INNER: [&str; 7] = ["in", "a", "an", "of", "the", "and", "or"];
/// The most tokens a category runs over after "for".
const LONGEST: usize = 10;

/// Extends the misc names of `found` that end in a prize's word over the category after them,
/// dropping the names the category holds; a name that runs past the category's end cuts it
/// short instead.
pub fn extend(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    if !found
        .iter()
        .any(|name| category_after(doc, lexicon, name).is_some())
    {
        return;
    }
    for mut name in std::mem::take(found) {
        if let Some(previous) = found.last_mut() {
            if name.tokens.start < previous.tokens.end {
                if name.tokens.end <= previous.tokens.end {
                    continue;
                }
                previous.tokens.end = name.tokens.start;
                let small = |word: &str| word == "for" || INNER.contains(&word);
                while small(doc.token_text(previous.tokens.end - 1)) {
                    previous.tokens.end -= 1;
                }
            }
        }
        if let Some(end) = category_after(doc, lexicon, &name) {
            name.tokens.end = end;
        }
        found.push(name);
    }
}

/// The token after the category that follows `name`, if it is a misc name ending in a last word
/// of misc names (`misc_suffixes.txt`: "Award", "Prize").
fn category_after(doc: &Document, lexicon: &Lexicon, name: &Found) -> Option<usize> {
    let last = name.tokens.end - 1;
    let prize = name.kind == Kind::Misc
        && doc.is_capitalized(last)
        && listed(&[&lexicon.misc_suffixes], doc, last..last + 1);
    prize.then(|| category_end(doc, name.tokens.end)).flatten()
}

/// If "for", an opener and a category's words start at token `t`, the token after the
/// category's last capitalized word.
fn category_end(doc: &Document, t: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let same_line = |a: usize| !doc.line_break_between(a - 1, a);
    if t + 1 >= n
        || doc.token_text(t) != "for"
        || !OPENERS.contains(&doc.token_text(t + 1))
        || !same_line(t)
        || !same_line(t + 1)
    {
        return None;
    }
    let mut end = t + 2;
    let mut u = t + 2;
    while u < n.min(t + 2 + LONGEST) && same_line(u) {
        let word = doc.token_text(u);
        if doc.is_capitalized(u) {
            end = u + 1;
        } else if !INNER.contains(&word) {
            break;
        }
        u += 1;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extended(text: &str, names: &[&str], kind: Kind) -> Vec<String> {
        let names: Vec<(&str, Kind)> = names.iter().map(|&name| (name, kind)).collect();
        let lexicon = Lexicon::new();
        Found::after_pass(text, &names, |doc, found| extend(doc, &lexicon, found))
            .into_iter()
            .map(|(text, _)| text)
            .collect()
    }

    #[test]
    fn an_award_takes_its_category_in() {
        let text = "She won the César Award for Best Actress for Viva Maria in 1966.";
        assert_eq!(
            extended(text, &["César Award", "Viva Maria"], Kind::Misc),
            ["César Award for Best Actress", "Viva Maria"]
        );
        let text = "the Academy Award for Best Actor in a Leading Role, his first";
        assert_eq!(
            extended(text, &["Academy Award", "Leading Role"], Kind::Misc),
            ["Academy Award for Best Actor in a Leading Role"]
        );
    }

    #[test]
    fn other_names_and_phrases_are_left() {
        // Another kind, no prize's word, no opener, or the category on the next line.
        let text = "Reed Award for Best Actress";
        assert_eq!(
            extended(text, &["Reed Award"], Kind::Person),
            ["Reed Award"]
        );
        let text = "the Reed Foundation for Best Practice";
        assert_eq!(
            extended(text, &["Reed Foundation"], Kind::Misc),
            ["Reed Foundation"]
        );
        let text = "the Nobel Prize for his work on Best";
        assert_eq!(
            extended(text, &["Nobel Prize"], Kind::Misc),
            ["Nobel Prize"]
        );
        let text = "the Reed Award for\nBest Actress";
        assert_eq!(extended(text, &["Reed Award"], Kind::Misc), ["Reed Award"]);
    }
}
