//! A one-word name the tagger read as a person's, joined by "and" or "or" to the name of an
//! organization or a place, is of that kind: "Hensoldt and Renk", "Vale and Embraer", "Brno and
//! Ostrava". The tagger calls an unknown word a surname; the name next to it says what the pair
//! names. Left out: a surname of a person the document names in full (`group/joins.rs` keeps its
//! vote), a listed given name ("Kestova and Maria"), a name after a title ("Judge Hoffman and
//! …"), a word more often written in lowercase ("Black and Brown communities"), and a pair whose
//! other name is a person's too. The vote weighs as the tagger's reading of one mention, so a
//! name read as a person's at other mentions stays one ("Obama and House leaders").
//!
//! Counted in CoNLL-2003 and GUM gold: of the one-word names joined by "and" to an organization,
//! 85 are organizations and 6 persons, most of those persons named in full elsewhere; joined to
//! a place, 374 are places and 6 persons. Measured by cross-validation with the silver data
//! (`newsmark cv-ner`, against the same build without it): GUM (seeds 1-5) 0.6971 → 0.6976
//! (sd 0.0015), CoNLL-2003 with GUM (seeds 1-3) 0.9147 → 0.9151 (sd 0.0002), every CoNLL seed
//! higher. Over PolNeAR and TimeBank it changes 13 names: 7 right (three counties, "Snapchat",
//! "Oppenheimer", "Daesh"), 2 wrong ("Churchill and Lincoln", read as a place with it; a child
//! named with her siblings), the rest wrong before and after.
//!
//! A fixture's "v" or "vs" joins two teams the same way ("Gillingham v Chesterfield"), but
//! only an organization beside it says so: a country's team may meet a player in a Davis Cup
//! draw. In CoNLL-2003 gold (train and dev), 60 of the 63 pairs of names on either side of a "v"
//! are two organizations, the others a country and a player or two countries; a court case's
//! "v." is left out.

use super::group::Mention;
use super::lexicon::Lexicon;
use super::listed_abbreviated;
use super::org_cues::mostly_capitalized;
use crate::text::Document;
use crate::Kind;

/// The kind the name joined to mention `i` by "and" or "or" gives it, if `i` is a one-word name
/// read as a person's that names no one otherwise; `kind_of` says the kind of another mention's
/// entity as its votes stand.
pub fn coordinated_kind(
    doc: &Document,
    lexicon: &Lexicon,
    mentions: &[Mention],
    i: usize,
    kind_of: impl Fn(usize) -> Kind,
) -> Option<Kind> {
    let mention = &mentions[i];
    // The cheapest tests first: most names stand in no pair.
    let before = i
        .checked_sub(1)
        .filter(|&j| joined(doc, &mentions[j], mention));
    let after = Some(i + 1).filter(|&j| j < mentions.len() && joined(doc, mention, &mentions[j]));
    if before.is_none() && after.is_none() {
        return None;
    }
    let person = mention.word_count() == 1 && mention.evidence.strongest() == Some(Kind::Person);
    let word = doc.token_text(mention.tokens.start);
    let other_word =
        || lexicon.given_names.contains(&mention.key) || !mostly_capitalized(lexicon, word);
    if !person || other_word() || after_title(doc, lexicon, mention) {
        return None;
    }
    let fixture = |j: usize| versus(doc, &mentions[i.min(j)]);
    [before, after]
        .into_iter()
        .flatten()
        .map(|j| (kind_of(j), fixture(j)))
        .find_map(|(kind, fixture)| match kind {
            Kind::Organization => Some(kind),
            Kind::Place if !fixture => Some(kind),
            _ => None,
        })
}

/// Whether exactly "and", "or", or a fixture's "v" or "vs" stands between `first` and `second`.
fn joined(doc: &Document, first: &Mention, second: &Mention) -> bool {
    let between = first.tokens.end;
    second.tokens.start == between + 1
        && (matches!(doc.token_text(between), "and" | "or") || versus(doc, first))
}

/// Whether a fixture's "v" or "vs" follows `first`, a name before another token (its pair is two
/// teams, not two things).
fn versus(doc: &Document, first: &Mention) -> bool {
    matches!(doc.token_text(first.tokens.end), "v" | "vs")
}

fn after_title(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let start = mention.tokens.start;
    start > 0 && listed_abbreviated(&lexicon.all_titles(), doc, start - 1..start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::evidence::{weight, Evidence};

    /// The kind the rule gives the name `of`, with each of `names` read by the tagger as its kind.
    fn coordinated(text: &str, names: &[(&str, Kind)], of: &str) -> Option<Kind> {
        let doc = Document::new(text);
        let mut mentions: Vec<Mention> = (names.iter())
            .map(|&(name, kind)| {
                let mut mention = Mention::first_place(&doc, name);
                mention.evidence = Evidence::default();
                mention.evidence.add(kind, weight::STRONG);
                mention
            })
            .collect();
        mentions.sort_by_key(|m| m.start);
        let i = mentions
            .iter()
            .position(|m| m.key == of.to_lowercase())
            .unwrap();
        let kind_of = |j: usize| mentions[j].evidence.strongest().unwrap();
        coordinated_kind(&doc, &Lexicon::new(), &mentions, i, kind_of)
    }

    #[test]
    fn a_person_joined_to_an_organization_or_a_place_takes_its_kind() {
        use Kind::{Organization, Person, Place};
        let text = "Shares of Kestrova and Zorbat slipped.";
        let names = [("Kestrova", Organization), ("Zorbat", Person)];
        assert_eq!(coordinated(text, &names, "Zorbat"), Some(Organization));
        let text = "Zorbat or Kestrova Group will bid.";
        let names = [("Zorbat", Person), ("Kestrova Group", Organization)];
        assert_eq!(coordinated(text, &names, "Zorbat"), Some(Organization));
        let text = "rallies in Ljubavo and Maridor ended.";
        let names = [("Ljubavo", Place), ("Maridor", Person)];
        assert_eq!(coordinated(text, &names, "Maridor"), Some(Place));
    }

    #[test]
    fn a_person_in_a_fixture_with_a_team_is_a_team() {
        use Kind::{Organization, Person, Place};
        let text = "Division two: Kestrova v Zorbat, Ukal vs Dravno.";
        let names = [
            ("Kestrova", Organization),
            ("Zorbat", Person),
            ("Ukal", Person),
            ("Dravno", Organization),
        ];
        assert_eq!(coordinated(text, &names, "Zorbat"), Some(Organization));
        assert_eq!(coordinated(text, &names, "Ukal"), Some(Organization));
        // A country's team against a player; a court case's "v.".
        let names = [("Ljubavo", Place), ("Zorbat", Person)];
        assert_eq!(coordinated("Ljubavo v Zorbat 2-1", &names, "Zorbat"), None);
        let names = [("Kestrova", Organization), ("Zorbat", Person)];
        let text = "in Kestrova v. Zorbat the court";
        assert_eq!(coordinated(text, &names, "Zorbat"), None);
    }

    #[test]
    fn persons_titles_and_other_words_keep_their_reading() {
        use Kind::{Organization, Person};
        // Two persons; a given name; a title; a common word; two words; a comma only.
        let both = [("Zorbat", Person), ("Ukal", Person)];
        assert_eq!(coordinated("Zorbat and Ukal said.", &both, "Ukal"), None);
        let names = [("Kestrova", Organization), ("Maria", Person)];
        assert_eq!(
            coordinated("Kestrova and Maria said.", &names, "Maria"),
            None
        );
        let names = [("Kestrova", Organization), ("Zorbat", Person)];
        let text = "Kestrova and Senator Zorbat said.";
        assert_eq!(coordinated(text, &names, "Zorbat"), None);
        let names = [("Kestrova", Organization), ("Brown", Person)];
        assert_eq!(
            coordinated("Kestrova and Brown said.", &names, "Brown"),
            None
        );
        let names = [("Kestrova", Organization), ("Zorbat Ukal", Person)];
        let text = "Kestrova and Zorbat Ukal said.";
        assert_eq!(coordinated(text, &names, "Zorbat Ukal"), None);
        let names = [("Kestrova", Organization), ("Zorbat", Person)];
        assert_eq!(
            coordinated("Kestrova, Zorbat said.", &names, "Zorbat"),
            None
        );
    }
}
