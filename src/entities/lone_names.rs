//! A listed company read as a person: an entity the votes make a person, whose longest name is
//! a listed company or organization ("Airbnb" … "Airbnb", "Rio Tinto said"), whose first word
//! is not a listed given name, with no title before any of its mentions ("Mr. Dell"), is that
//! organization. The tagger reads an unknown capitalized word before "said" or "has" as a
//! person's surname, and two unknown capitalized words as a person's full name; a company's name
//! stands alone the same way, and the company list tells the two apart.
//!
//! A brand written in one word of joined capitalized words ("PolitiFact", "ChatGPT", "EgyptAir")
//! is that organization too: no person's name is written so, but for the short prefixes of
//! surnames and given names ("McDonald", "DeSantis", "LaToya", "MacKenzie", "FitzGerald",
//! "MaryAnn"). In CoNLL-2003 (train and dev) and GUM, 53 of the 54 names of one such word are an
//! organization's (36: "LibriVox", "EgyptAir") or a misc name's (17: "FrameNet", "ChatGPT"); one
//! is a user name ("ShakataGaNai").
//!
//! Measured by cross-validation (GUM: 0.6729 → 0.6742; CoNLL-2003: unchanged), one-word names
//! then. Two variants measured and left out: a lone "person" that is a listed place made a place
//! (GUM unchanged, CoNLL −0.0004: "Cork" is a cricketer there), and every lone "person" with no
//! given name, full name or title dropped (GUM −0.026: most lone surnames are people's, cited or
//! in dialogue).

use super::evidence::{weight, Evidence};
use super::group::{Group, Mention};
use super::lexicon::Lexicon;
use super::title_before;
use crate::text::Document;
use crate::Kind;

/// Makes organizations of the person entities of `groups` named by a listed company.
pub fn mark(doc: &Document, lexicon: &Lexicon, mentions: &[Mention], groups: &mut [Group]) {
    for group in groups.iter_mut() {
        if group.kind() != Kind::Person {
            continue;
        }
        let longest = (group.mentions.iter())
            .map(|&m| &mentions[m])
            .max_by_key(|m| m.word_count());
        let Some(key) = longest.map(|m| m.key.as_str()) else {
            continue;
        };
        let company = lexicon.companies.contains(key) || lexicon.organizations.contains(key);
        let first = key.split(' ').next().unwrap_or(key);
        let brand = longest.is_some_and(|m| is_brand(doc, lexicon, m));
        if !(brand || company && !lexicon.given_names.contains(first)) {
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

/// Whether `mention` is one word of joined capitalized words whose first part is no short
/// prefix of a person's name: "PolitiFact", "ChatGPT", not "McDonald", "DeSantis", "MaryAnn".
fn is_brand(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let word = &doc.text[mention.start..mention.end];
    let bytes = word.as_bytes();
    if mention.tokens.len() != 1 || !bytes.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let Some(inner) = (1..bytes.len())
        .find(|&i| bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase())
    else {
        return false;
    };
    let prefix = word[..inner].to_ascii_lowercase();
    inner >= 4
        && bytes[..inner].iter().all(u8::is_ascii_alphabetic)
        && prefix != "fitz"
        && !lexicon.given_names.contains(&prefix)
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
                    tokens: t..doc.token_at_or_after(at + name.len()),
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
            words: name.split(' ').count(),
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
        // A full name starting with a listed given name, though the whole is listed.
        let text = "Charles Schwab said sales rose.";
        assert_eq!(kind_after(text, "Charles Schwab"), Kind::Person);
    }

    #[test]
    fn a_brand_of_joined_words_is_an_organization() {
        let text = "ZorbaNet said sales rose. ZorbaNet has hired staff.";
        assert_eq!(kind_after(text, "ZorbaNet"), Kind::Organization);
        assert_eq!(
            kind_after("ChatGPT said no.", "ChatGPT"),
            Kind::Organization
        );
        // The prefixes of people's names, a listed given name, a title.
        for name in [
            "McAllister",
            "DeSantis",
            "LaToya",
            "MacKenzie",
            "FitzGerald",
            "MaryAnn",
        ] {
            let text = format!("{name} said sales rose.");
            assert_eq!(kind_after(&text, name), Kind::Person, "{name}");
        }
        let text = "Mr. ZorbaNet said sales rose.";
        assert_eq!(kind_after(text, "ZorbaNet"), Kind::Person);
    }

    #[test]
    fn a_listed_company_of_several_words_is_an_organization() {
        let text = "Rio Tinto said iron ore shipments fell.";
        assert_eq!(kind_after(text, "Rio Tinto"), Kind::Organization);
        // Listed as wire copy writes it, without the abbreviation's period.
        let text = "Warner Bros Discovery said it would weigh the bid.";
        assert_eq!(
            kind_after(text, "Warner Bros Discovery"),
            Kind::Organization
        );
    }
}
