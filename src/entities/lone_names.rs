//! A listed company read as a person: an entity the votes make a person, named by one word
//! only ("Airbnb" … "Airbnb"), that is a listed company or organization and not a listed given
//! name, with no title before any of its mentions ("Mr. Dell"), is that organization. The tagger
//! reads an unknown capitalized word before "said" or "has" as a person's surname; a company's
//! name stands alone the same way, and the company list tells the two apart.
//!
//! Measured by cross-validation (GUM: 0.6729 → 0.6742; CoNLL-2003: unchanged). Two variants
//! measured and left out: a lone "person" that is a listed place made a place (GUM unchanged,
//! CoNLL −0.0004: "Cork" is a cricketer there), and every lone "person" with no given name, full
//! name or title dropped (GUM −0.026: most lone surnames are people's, cited or in dialogue).

use super::evidence::{weight, Evidence};
use super::group::{Group, Mention};
use super::lexicon::Lexicon;
use super::title_before;
use crate::text::Document;
use crate::Kind;

/// Makes organizations of the one-word person entities of `groups` named by a listed company.
pub fn mark(doc: &Document, lexicon: &Lexicon, mentions: &[Mention], groups: &mut [Group]) {
    for group in groups.iter_mut() {
        if group.words != 1 || group.kind() != Kind::Person {
            continue;
        }
        let key = mentions[group.mentions[0]].key.as_str();
        let company = lexicon.companies.contains(key) || lexicon.organizations.contains(key);
        if !company || lexicon.given_names.contains(key) {
            continue;
        }
        let titled =
            (group.mentions.iter()).any(|&m| title_before(doc, lexicon, &mentions[m]).is_some());
        if !titled {
            group.evidence = Evidence::default();
            group.evidence.add(Kind::Organization, weight::DECISIVE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind [`mark`] leaves on an entity the tagger read as a person, named only by `name`
    /// in `text` (each time it is written there).
    fn kind_after(text: &str, name: &str) -> Kind {
        let doc = Document::new(text);
        let mentions: Vec<Mention> = (text.match_indices(name))
            .map(|(at, _)| {
                let t = doc.token_at_or_after(at);
                let mut evidence = Evidence::default();
                evidence.add(Kind::Person, weight::STRONG);
                Mention {
                    tokens: t..t + 1,
                    start: at,
                    end: at + name.len(),
                    key: name.to_lowercase(),
                    evidence,
                }
            })
            .collect();
        let mut evidence = Evidence::default();
        mentions.iter().for_each(|m| evidence.merge(&m.evidence));
        let mut groups = vec![Group {
            mentions: (0..mentions.len()).collect(),
            evidence,
            words: 1,
        }];
        mark(&doc, &Lexicon::new(), &mentions, &mut groups);
        groups[0].kind()
    }

    #[test]
    fn a_listed_company_alone_is_an_organization() {
        let text = "Nvidia said sales rose. Nvidia has hired staff, and Nvidia grew.";
        assert_eq!(kind_after(text, "Nvidia"), Kind::Organization);
    }

    #[test]
    fn people_stay_people() {
        // Not a listed company.
        let text = "Ostrander said sales rose. Ostrander has hired staff.";
        assert_eq!(kind_after(text, "Ostrander"), Kind::Person);
        // A title before one of the mentions.
        let text = "Tesla said sales rose. Mr. Tesla has hired staff.";
        assert_eq!(kind_after(text, "Tesla"), Kind::Person);
        // A listed given name.
        let text = "Douglas said sales rose.";
        assert_eq!(kind_after(text, "Douglas"), Kind::Person);
    }
}
