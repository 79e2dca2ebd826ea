//! Document-level consistency: a name the tagger marked somewhere is marked wherever the text
//! repeats it written the same way, and a person's surname wherever it stands alone. The tagger
//! decides each sentence on its own and misses some repeats of a name it found elsewhere
//! (a lone "Rathbun" after "Mark Rathbun"); grouping then gives the repeat the entity's kind.

use std::borrow::Cow;
use std::cell::OnceCell;

use super::lexicon::Lexicon;
use super::tagger::Found;
use crate::text::{lowercase, Document, FastMap, FastSet};
use crate::Kind;

/// The words of `doc` that start with a lowercase letter, lowercased.
fn lowercase_words<'a>(doc: &Document<'a>) -> FastSet<Cow<'a, str>> {
    (0..doc.tokens.len())
        .map(|t| doc.token_text(t))
        .filter(|text| text.chars().next().is_some_and(char::is_lowercase))
        .map(lowercase)
        .collect()
}

/// Adds the unmarked repeats of the names in `found` (kept in text order).
pub fn add<'a>(doc: &Document<'a>, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut covered = vec![false; doc.tokens.len()];
    // Names by their first word, as written: the words of each, with the kind it was found as.
    let mut names: FastMap<&'a str, Vec<(Vec<&'a str>, Kind)>> = FastMap::default();
    let mut add_name = |words: Vec<&'a str>, kind: Kind| {
        let same_first = names.entry(words[0]).or_default();
        if !same_first.iter().any(|(known, _)| *known == words) {
            same_first.push((words, kind));
        }
    };
    for name in found.iter() {
        covered[name.tokens.clone()].fill(true);
        let words: Vec<&str> = name.tokens.clone().map(|t| doc.token_text(t)).collect();
        let last = name.tokens.end - 1;
        if name.kind == Kind::Person && name.tokens.len() > 1 && doc.is_capitalized(last) {
            add_name(vec![doc.token_text(last)], Kind::Person);
        }
        add_name(words, name.kind);
    }
    for candidates in names.values_mut() {
        candidates.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }
    // A word also written in lowercase is a common word where it stands capitalized ("Hope").
    // Only a one-word repeat asks, so the set is made on the first question (most texts have none).
    let lowercase = OnceCell::new();
    let common = |word: &str| {
        let lower = word.to_lowercase();
        lowercase
            .get_or_init(|| lowercase_words(doc))
            .contains(lower.as_str())
            || lexicon.stopwords.contains(&lower)
    };
    let mut repeats = Vec::new();
    for sentence in &doc.sentences {
        let end = sentence.tokens.end;
        let mut t = sentence.tokens.start;
        while t < end {
            let repeat = (!covered[t] && doc.is_capitalized(t))
                .then(|| names.get(doc.token_text(t)))
                .flatten()
                .and_then(|candidates| {
                    candidates.iter().find(|(words, _)| {
                        let range = t..t + words.len();
                        range.end <= end
                            && !covered[range.clone()].iter().any(|&c| c)
                            && range
                                .clone()
                                .zip(words)
                                .all(|(u, w)| doc.token_text(u) == *w)
                            && !(words.len() == 1 && common(words[0]))
                    })
                });
            match repeat {
                Some((words, kind)) => {
                    repeats.push(Found {
                        tokens: t..t + words.len(),
                        kind: *kind,
                    });
                    t += words.len();
                }
                None => t += 1,
            }
        }
    }
    if !repeats.is_empty() {
        found.extend(repeats);
        found.sort_by_key(|name| name.tokens.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Document, found: &[Found]) -> Vec<String> {
        found
            .iter()
            .map(|f| {
                doc.text[doc.tokens[f.tokens.start].start..doc.tokens[f.tokens.end - 1].end]
                    .to_string()
            })
            .collect()
    }

    fn found_at(doc: &Document, text: &str, kind: Kind) -> Found {
        let start = doc.token_at_or_after(doc.text.find(text).unwrap());
        let end = doc.token_at_or_after(doc.text.find(text).unwrap() + text.len());
        Found {
            tokens: start..end,
            kind,
        }
    }

    #[test]
    fn repeats_and_surnames_are_added_in_text_order() {
        let doc = Document::new(
            "Mark Rathbun met Acme Widgets staff. Later Rathbun left Acme Widgets for good.",
        );
        let mut found = vec![
            found_at(&doc, "Mark Rathbun", Kind::Person),
            found_at(&doc, "Acme Widgets", Kind::Organization),
        ];
        add(&doc, &Lexicon::new(), &mut found);
        assert_eq!(
            texts(&doc, &found),
            ["Mark Rathbun", "Acme Widgets", "Rathbun", "Acme Widgets"]
        );
        assert_eq!(found[2].kind, Kind::Person);
        assert_eq!(found[3].kind, Kind::Organization);
    }

    #[test]
    fn common_words_and_other_spellings_are_left_alone() {
        let doc = Document::new(
            "The team named its robot Hope. Hope is what they had, and hope helps. HOPE won.",
        );
        let mut found = vec![found_at(&doc, "Hope", Kind::Misc)];
        add(&doc, &Lexicon::new(), &mut found);
        assert_eq!(texts(&doc, &found), ["Hope"]);
    }
}
