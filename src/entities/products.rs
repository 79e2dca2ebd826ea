//! A name the tagger took for a person that a product's head noun follows ("Tomahawk cruise
//! missiles", "a Patriot air defense unit") names the product: it becomes MISC. People are not
//! followed by "missiles" or "drones"; places often are ("an Iran missile test"), so places keep
//! their kind. So do organizations, which make products and fire rockets ("Boeing jets",
//! "Hamas rockets"), unless the name is one capitalized word that no list of organizations or
//! companies has ("Tomahawk missiles"). The head nouns are `product_heads.txt`.

use super::lexicon::Lexicon;
use super::lowercase_key;
use super::tagger::Found;
use crate::text::Document;
use crate::Kind;

/// Re-kinds the persons of `found` that a product head noun follows.
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut [Found]) {
    let heads = &lexicon.product_heads;
    for name in found.iter_mut().filter(|f| may_be_product(doc, lexicon, f)) {
        let after = name.tokens.end;
        let longest = heads.longest().min(doc.tokens.len().saturating_sub(after));
        let followed = (1..=longest).any(|len| {
            !doc.line_break_between(after - 1, after)
                && heads.contains(&lowercase_key(doc, after..after + len))
        });
        if followed {
            name.kind = Kind::Misc;
        }
    }
}

/// Whether `name` is a person, or an organization of one unlisted capitalized word.
fn may_be_product(doc: &Document, lexicon: &Lexicon, name: &Found) -> bool {
    match name.kind {
        Kind::Person => true,
        Kind::Organization if name.tokens.len() == 1 => {
            let word = doc.token_text(name.tokens.start);
            let key = lowercase_key(doc, name.tokens.clone());
            word.chars().skip(1).any(char::is_lowercase)
                && !lexicon.organizations.contains(&key)
                && !lexicon.companies.contains(&key)
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
        let mut found: Vec<Found> = names
            .iter()
            .map(|&(a, b)| Found { tokens: a..b, kind })
            .collect();
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
    fn only_an_unlisted_one_word_organization_is_the_product() {
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
        // A place keeps its kind: an Iran(1) missile(2) test(3)
        let text = "an Iran missile test";
        assert_eq!(kinds_of(text, Kind::Place, &[(1, 2)]), [Kind::Place]);
    }
}
