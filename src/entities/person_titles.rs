//! A title at the start of a person's name is not part of it: "King Hussein" is "Hussein",
//! "Prince Charles" is "Charles", "Mr. Smith" is "Smith", as CoNLL-2003 and GUM mark them (the
//! entity keeps the title: see `title_before`). The tagger sometimes takes a title it saw before
//! a name into the name. A title is an entry of the lexicon's titles ("King", "Sheikh",
//! "Secretary of State") or of `person_titles.txt` ("Justice", "Tsar": titles the tagger's word
//! list does not have); "Lady" is left in ("Lady Gaga" is a stage name).
//!
//! Measured by cross-validation: GUM 0.6780 → 0.6784 with the lexicon's titles, → 0.6792 with
//! `person_titles.txt` too; CoNLL-2003 0.9059 → 0.9062 (conll_dev 0.9274 → 0.9279, PERSON
//! 0.9485 → 0.9501).

use super::lexicon::Lexicon;
use super::tagger::Found;
use super::{listed_abbreviated, lowercase_key};
use crate::text::Document;
use crate::Kind;

/// Takes the leading title off each person's name of `found` that has a capitalized word after
/// the title.
pub fn trim(doc: &Document, lexicon: &Lexicon, found: &mut [Found]) {
    for name in found.iter_mut() {
        if name.kind != Kind::Person {
            continue;
        }
        if let Some(len) = leading_title(doc, lexicon, name) {
            name.tokens.start += len;
        }
    }
}

/// The length in tokens of the longest title `name` starts with, if a capitalized word follows
/// it inside the name.
fn leading_title(doc: &Document, lexicon: &Lexicon, name: &Found) -> Option<usize> {
    let start = name.tokens.start;
    let longest = lexicon.titles.longest().min(name.tokens.len() - 1);
    (1..=longest).rev().find(|&len| {
        let title = listed_abbreviated(&lexicon.all_titles(), doc, start..start + len);
        title && doc.is_capitalized(start + len) && lowercase_key(doc, start..start + len) != "lady"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(text: &str, name: &str, kind: Kind) -> String {
        let doc = Document::new(text);
        let at = text.find(name).unwrap();
        let mut found = vec![Found {
            tokens: doc.token_at_or_after(at)..doc.token_at_or_after(at + name.len()),
            kind,
        }];
        trim(&doc, &Lexicon::new(), &mut found);
        found[0].text(&doc)
    }

    #[test]
    fn titles_leave_persons_names() {
        let cases = [
            ("King Hussein met him.", "King Hussein", "Hussein"),
            (
                "Justice Marla Quint wrote it.",
                "Justice Marla Quint",
                "Marla Quint",
            ),
            ("We met Mr. Alan Smith.", "Mr. Alan Smith", "Alan Smith"),
            ("Miss Havisham stayed.", "Miss Havisham", "Havisham"),
            ("Brother Anselm prayed.", "Brother Anselm", "Anselm"),
            (
                "Secretary of State Marco Rubio spoke.",
                "Secretary of State Marco Rubio",
                "Marco Rubio",
            ),
        ];
        for (text, name, left) in cases {
            assert_eq!(trimmed(text, name, Kind::Person), left, "{text}");
        }
    }

    #[test]
    fn other_names_and_titles_alone_stay() {
        assert_eq!(
            trimmed("Lady Gaga sang.", "Lady Gaga", Kind::Person),
            "Lady Gaga"
        );
        assert_eq!(trimmed("The King said no.", "King", Kind::Person), "King");
        assert_eq!(
            trimmed("She won Miss Universe.", "Miss Universe", Kind::Misc),
            "Miss Universe"
        );
        assert_eq!(
            trimmed("President of the club", "President", Kind::Person),
            "President"
        );
        assert_eq!(
            trimmed(
                "Prince Edward Island voted.",
                "Prince Edward Island",
                Kind::Place
            ),
            "Prince Edward Island"
        );
    }
}
