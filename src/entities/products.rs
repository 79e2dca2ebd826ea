//! A name the tagger took for a person that a product's head noun follows ("Tomahawk cruise
//! missiles", "a Patriot air defense unit") names the product: it becomes MISC. People are not
//! followed by "missiles" or "drones"; places often are ("an Iran missile test"), and
//! organizations make products and fire rockets ("Boeing jets", "Hamas rockets"), so they keep
//! their kind, unless the name is one capitalized word that no list of places, organizations or
//! companies has ("Tomahawk missiles", read as a place or an organization). The head nouns are
//! `product_heads.txt`. A model's number between the name and the head joins the product's name
//! ("the Voyager 2 probe", "Switch 2 consoles").
//!
//! A name whose own last words are a weapon system's head ("Advanced Precision Kill Weapons
//! Systems", "Multiple Launch Rocket System", `product_name_ends.txt`) is the weapon too, whatever
//! the tagger said: "Systems" ends company names as well, so a name with a company's word before
//! the head ("Acme Defense Corp Missile System") or a listed company or organization in it
//! ("Lockheed Martin Rocket Systems") keeps its kind.

use std::ops::Range;

use super::lexicon::Lexicon;
use super::tagger::Found;
use super::{add_left_out, listed};
use crate::text::{Document, TokenKind};
use crate::Kind;

/// Re-kinds the persons of `found` that a product head noun follows, and the names that end in
/// a weapon system's head (started at the system's first capitalized word, not a company's).
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut [Found]) {
    let mut free = 0;
    for name in found.iter_mut() {
        if ends_in_product_head(doc, lexicon, name) {
            name.kind = Kind::Misc;
            let start = first_of_system(doc, free, name.tokens.start);
            if !names_an_organization(doc, lexicon, start..name.tokens.start) {
                name.tokens.start = start;
            }
        }
        free = name.tokens.end;
    }
    for name in found.iter_mut().filter(|f| may_be_product(doc, lexicon, f)) {
        if followed_by_head(doc, lexicon, name.tokens.end) {
            name.kind = Kind::Misc;
        } else if model_number(doc, name.tokens.end)
            && followed_by_head(doc, lexicon, name.tokens.end + 1)
        {
            name.kind = Kind::Misc;
            name.tokens.end += 1;
        }
    }
}

/// Whether token `t` is a model's number on the line of the name before it: a number of at
/// most four characters ("the Voyager 2 probe", "Falcon 9 rockets", "Switch 2 consoles").
fn model_number(doc: &Document, t: usize) -> bool {
    t < doc.tokens.len()
        && doc.tokens[t].kind == TokenKind::Number
        && doc.token_text(t).len() <= 4
        && !doc.line_break_between(t - 1, t)
}

/// Where a weapon system's name that the tagger starts at `start` starts: back over the
/// capitalized words right before it on its line, but not before token `free` (the end of the
/// name before) nor onto a sentence's first word ("… and Advanced Precision Kill Weapons
/// Systems", which the tagger may start at "Kill").
fn first_of_system(doc: &Document, free: usize, mut start: usize) -> usize {
    let first_word = doc.sentences[doc.sentence_of(start)].tokens.start;
    while start > free.max(first_word + 1)
        && doc.is_capitalized(start - 1)
        && !doc.line_break_between(start - 1, start)
    {
        start -= 1;
    }
    start
}

/// Whether the last words of `name` are a listed weapon system head with a word before them,
/// and no word before the head is a company's or organization's (a suffix such as "Corp", or a
/// listed name).
fn ends_in_product_head(doc: &Document, lexicon: &Lexicon, name: &Found) -> bool {
    let ends = &lexicon.product_name_ends;
    let range = name.tokens.clone();
    let longest = ends.longest().min(range.len().saturating_sub(1));
    let Some(head) = (1..=longest)
        .rev()
        .map(|len| range.end - len)
        .find(|&start| listed(&[ends], doc, start..range.end))
    else {
        return false;
    };
    !names_an_organization(doc, lexicon, range.start..head)
}

/// Whether a word of `tokens` is an organization suffix, or a run of them a listed company or
/// organization.
fn names_an_organization(doc: &Document, lexicon: &Lexicon, tokens: Range<usize>) -> bool {
    let longest = lexicon
        .companies
        .longest()
        .max(lexicon.organizations.longest());
    tokens.clone().any(|start| {
        listed(&[&lexicon.org_suffixes], doc, start..start + 1)
            || (start + 1..=tokens.end.min(start + longest)).any(|end| {
                listed(
                    &[&lexicon.companies, &lexicon.organizations],
                    doc,
                    start..end,
                )
            })
    })
}

/// Adds to `found` (in text order) the products the tagger left out: one capitalized word
/// inside a sentence, in no name, that a product head follows ("more Patriot air defense
/// systems", "Javelin missiles"). A word that a list knows as a place, a nationality, an
/// organization or a common word is left alone ("Russian drones", "Gaza rockets").
pub fn add(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    // A sentence's first word is capitalized whatever it is: each sentence from its second.
    let tokens = (doc.sentences.iter()).flat_map(|s| s.tokens.start + 1..s.tokens.end);
    add_left_out(found, tokens, Kind::Misc, |t| {
        is_unnamed_product(doc, lexicon, t)
    });
}

/// Whether token `t` (not a sentence's first) is a capitalized word in mixed case, not after
/// another capitalized word, unlisted, that a product head follows on its line.
fn is_unnamed_product(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    let word = doc.token_text(t);
    let mixed = doc.is_capitalized(t) && word.chars().skip(1).any(char::is_lowercase);
    if !mixed || doc.is_capitalized(t - 1) || !followed_by_head(doc, lexicon, t + 1) {
        return false;
    }
    let key = word.to_lowercase();
    let lists = [
        &lexicon.nationalities,
        &lexicon.places,
        &lexicon.geo_cities,
        &lexicon.geo_regions,
        &lexicon.organizations,
        &lexicon.companies,
        &lexicon.stopwords,
    ];
    !lists.iter().any(|l| l.contains(&key))
}

/// Whether a product head starts at token `after` on the line of the token before it.
pub(super) fn followed_by_head(doc: &Document, lexicon: &Lexicon, after: usize) -> bool {
    let heads = &lexicon.product_heads;
    let longest = heads.longest().min(doc.tokens.len().saturating_sub(after));
    after > 0
        && after < doc.tokens.len()
        && !doc.line_break_between(after - 1, after)
        && (1..=longest).any(|len| listed(&[heads], doc, after..after + len))
}

/// Whether `name` is a person, or an organization of one unlisted capitalized word.
fn may_be_product(doc: &Document, lexicon: &Lexicon, name: &Found) -> bool {
    match name.kind {
        Kind::Person => true,
        Kind::Organization | Kind::Place if name.tokens.len() == 1 => {
            let word = doc.token_text(name.tokens.start);
            let lists = [
                &lexicon.organizations,
                &lexicon.companies,
                &lexicon.places,
                &lexicon.geo_cities,
                &lexicon.geo_regions,
            ];
            word.chars().skip(1).any(char::is_lowercase)
                && !listed(&lists, doc, name.tokens.clone())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds of the names (token ranges, all of kind `kind`) after [`mark`].
    fn kinds_of(text: &str, kind: Kind, names: &[(usize, usize)]) -> Vec<Kind> {
        let doc = Document::new(text);
        let lexicon = Lexicon::new();
        let mut found = Found::all(names, kind);
        mark(&doc, &lexicon, &mut found);
        found.iter().map(|f| f.kind).collect()
    }

    fn kinds_after(text: &str, names: &[(usize, usize)]) -> Vec<Kind> {
        kinds_of(text, Kind::Person, names)
    }

    #[test]
    fn a_person_before_a_weapon_noun_is_the_weapon() {
        // The(0) ship(1) fired(2) Tomahawk(3) cruise(4) missiles(5) at(6) Ann(7) Lee(8) tanks(9)
        let text = "The ship fired Tomahawk cruise missiles at Ann Lee tanks";
        assert_eq!(
            kinds_after(text, &[(3, 4), (7, 9)]),
            [Kind::Misc, Kind::Misc]
        );
        // Ann(0) Lee(1) said(2) missiles(3): not right after the name.
        assert_eq!(
            kinds_after("Ann Lee said missiles", &[(0, 2)]),
            [Kind::Person]
        );
        // At the end of the text.
        assert_eq!(kinds_after("We met Ann Lee", &[(2, 4)]), [Kind::Person]);
    }

    #[test]
    fn a_model_number_between_the_name_and_the_head_joins_the_product() {
        // The(0) Zorvan(1) 2(2) probe(3) sent(4) data(5)
        let doc = Document::new("The Zorvan 2 probe sent data");
        let mut found = Found::all(&[(1, 2)], Kind::Person);
        mark(&doc, &Lexicon::new(), &mut found);
        assert_eq!(
            (found[0].kind, found[0].text(&doc)),
            (Kind::Misc, "Zorvan 2".into())
        );
        // A number with no head after it, a long number, one on the next line: kept.
        assert_eq!(kinds_after("Zorvan 2 said", &[(0, 1)]), [Kind::Person]);
        assert_eq!(
            kinds_after("Zorvan 20000 probes", &[(0, 1)]),
            [Kind::Person]
        );
        assert_eq!(kinds_after("Zorvan\n2 probes", &[(0, 1)]), [Kind::Person]);
    }

    #[test]
    fn only_an_unlisted_one_word_organization_or_place_is_the_product() {
        let org = Kind::Organization;
        // Ships(0) fired(1) Tomahawk(2) missiles(3)
        let text = "Ships fired Tomahawk missiles";
        assert_eq!(kinds_of(text, org, &[(2, 3)]), [Kind::Misc]);
        // Listed organizations make or fire them: Hamas(0) rockets(1) fell(2), Boeing(4) jets(5)
        let text = "Hamas rockets fell; Boeing jets flew";
        assert_eq!(kinds_of(text, org, &[(0, 1), (4, 5)]), [org, org]);
        // An acronym, and a name of two words: ACME(0) drones(1) and(2) Acme(3) Arms(4) drones(5)
        let text = "ACME drones and Acme Arms drones";
        assert_eq!(kinds_of(text, org, &[(0, 1), (3, 5)]), [org, org]);
        // A listed place keeps its kind: an Iran(1) missile(2) test(3); an unlisted one does not.
        let text = "an Iran missile test";
        assert_eq!(kinds_of(text, Kind::Place, &[(1, 2)]), [Kind::Place]);
        let text = "Ships fired Tomahawk missiles";
        assert_eq!(kinds_of(text, Kind::Place, &[(2, 3)]), [Kind::Misc]);
    }

    #[test]
    fn a_name_ending_in_a_weapon_system_head_is_the_weapon() {
        let org = Kind::Organization;
        // They(0) sent(1) Advanced(2) Precision(3) Kill(4) Weapons(5) Systems(6)
        let text = "They sent Advanced Precision Kill Weapons Systems";
        assert_eq!(kinds_of(text, org, &[(2, 7)]), [Kind::Misc]);
        // A person's kind changes too: Ada(0) Rocket(1) Launcher(2)
        assert_eq!(kinds_after("Ada Rocket Launcher", &[(0, 3)]), [Kind::Misc]);
        // The head alone is not enough: Weapons(0) Systems(1)
        assert_eq!(kinds_of("Weapons Systems", org, &[(0, 2)]), [org]);
        // Nor a plural that names company divisions: Acme(0) Missile(1) Systems(2)
        assert_eq!(kinds_of("Acme Missile Systems", org, &[(0, 3)]), [org]);
    }

    #[test]
    fn a_company_word_before_the_head_keeps_the_organization() {
        let org = Kind::Organization;
        // A suffix: Acme(0) Corp(1) Missile(2) System(3)
        assert_eq!(kinds_of("Acme Corp Missile System", org, &[(0, 4)]), [org]);
        // A listed company: Lockheed(0) Martin(1) Rocket(2) Systems(3)
        let text = "Lockheed Martin Rocket Systems";
        assert_eq!(kinds_of(text, org, &[(0, 4)]), [org]);
    }

    /// The names of `text` after [`mark`] and [`add`], from `names` (token ranges of `kind`).
    fn names_after(text: &str, kind: Kind, names: &[(usize, usize)]) -> Vec<(String, Kind)> {
        let doc = Document::new(text);
        let lexicon = Lexicon::new();
        let mut found = Found::all(names, kind);
        mark(&doc, &lexicon, &mut found);
        add(&doc, &lexicon, &mut found);
        found.iter().map(|f| (f.text(&doc), f.kind)).collect()
    }

    #[test]
    fn a_weapon_system_starts_at_its_first_capitalized_word() {
        let org = Kind::Organization;
        let misc = |name: &str| (name.to_string(), Kind::Misc);
        // They(0) sent(1) Advanced(2) Precision(3) Kill(4) Weapons(5) Systems(6)
        let text = "They sent Advanced Precision Kill Weapons Systems";
        let system = "Advanced Precision Kill Weapons Systems";
        assert_eq!(names_after(text, org, &[(4, 7)]), [misc(system)]);
        // Not onto a sentence's first word: Advanced(0) Kill(1) Weapons(2) System(3) arrived(4)
        let text = "Advanced Kill Weapons System arrived";
        assert_eq!(
            names_after(text, org, &[(1, 4)]),
            [misc("Kill Weapons System")]
        );
        // Nor into the name before: Ann(2) Lee(3) Kill(4) Weapons(5) System(6)
        let text = "They told Ann Lee Kill Weapons System";
        let person = ("Ann Lee".to_string(), Kind::Person);
        let mut found = names_after(text, Kind::Person, &[(2, 4), (4, 7)]);
        assert_eq!(found.remove(0), person);
        assert_eq!(found, [misc("Kill Weapons System")]);
        // Nor over a listed company: Lockheed(2) Martin(3) Atlas(4) Rocket(5) System(6)
        let text = "They bought Lockheed Martin Atlas Rocket System";
        assert_eq!(
            names_after(text, org, &[(4, 7)]),
            [misc("Atlas Rocket System")]
        );
    }

    #[test]
    fn an_unnamed_capitalized_word_before_a_product_head_is_the_product() {
        let misc = |name: &str| (name.to_string(), Kind::Misc);
        let text = "They want more Patriot air defense systems and Javelin missiles.";
        assert_eq!(
            names_after(text, Kind::Misc, &[]),
            [misc("Patriot"), misc("Javelin")]
        );
        // Not a nationality, a listed place, a sentence's first word, a word after a capital,
        // nor a word already in a name.
        let text = "Russian drones hit Gaza. Javelin missiles came. Big Stinger missiles came.";
        assert_eq!(names_after(text, Kind::Misc, &[]), []);
        let text = "We saw Ann Lee drones.";
        assert_eq!(
            names_after(text, Kind::Person, &[(2, 4)]),
            [misc("Ann Lee")]
        );
    }
}
