//! A name made only of titles and forms of address is no name: "Madam Speaker", "Mr. Chair",
//! "Dad", "Mom" ("Thank you, Madam Speaker.", "“It’s okay, Mom,” I say."). The tagger reads a
//! capitalized word in a vocative as a name; these words address someone without naming them.
//! The forms of address are `address_words.txt`; titles are the lexicon's.
//!
//! Measured by cross-validation: GUM 0.6755 → 0.6768; CoNLL-2003 unchanged (no such name).

use super::lexicon::Lexicon;
use super::listed_abbreviated;
use super::tagger::Found;
use crate::text::Document;

/// Drops the names of `found` whose every word is a title or a form of address.
pub fn drop(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    found.retain(|name| !name.tokens.clone().all(|t| addresses(doc, lexicon, t)));
}

/// Whether token `t` is a title or a form of address, with or without an abbreviation's full
/// stop ("Mr." or "Mr").
fn addresses(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    listed_abbreviated(&[&lexicon.titles, &lexicon.address_words], doc, t..t + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    /// The names left of `names` (every place each is written in `text`, as persons).
    fn kept(text: &str, names: &[&str]) -> Vec<String> {
        let doc = Document::new(text);
        let mut found: Vec<Found> = Vec::new();
        for name in names {
            for (at, _) in text.match_indices(name) {
                let start = doc.token_at_or_after(at);
                let end = doc.token_at_or_after(at + name.len());
                found.push(Found {
                    tokens: start..end,
                    kind: Kind::Person,
                });
            }
        }
        found.sort_by_key(|f| f.tokens.start);
        drop(&doc, &Lexicon::new(), &mut found);
        found.iter().map(|f| f.text(&doc)).collect()
    }

    #[test]
    fn forms_of_address_are_no_names() {
        let text = "Thank you, Madam Speaker. “It’s okay, Mom,” I say. Mr. Chair, Dad agrees.";
        assert_eq!(
            kept(text, &["Madam Speaker", "Mom", "Mr. Chair", "Dad"]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn names_with_a_title_stay() {
        let text = "Thank you, Madam Speaker Pelham. Dean Ruiz and Mom Jeans spoke.";
        assert_eq!(
            kept(text, &["Speaker Pelham", "Dean", "Mom Jeans"]),
            ["Speaker Pelham", "Dean", "Mom Jeans"]
        );
    }
}
