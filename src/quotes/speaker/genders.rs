//! What the text tells of its people: the gender of each person (a given name, a title, a "he"
//! or "she" right after a mention), and which names the tagger gave another kind are a person's.

use super::*;

/// A person's gender as the text tells it: a given name, a title ("Mr.", "Ms."), or a "he" or
/// "she" right after a mention ("Eastman said he").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    /// `f` or `m`, as in the data files.
    pub(super) fn from_code(code: &str) -> Option<Gender> {
        match code {
            "f" => Some(Gender::Female),
            "m" => Some(Gender::Male),
            _ => None,
        }
    }
}

/// Tokens after a person's mention within which a "he" or "she" tells the person's gender
/// ("Eastman said he", "Kane, who scored, said she").
const GENDER_GAP: usize = 3;
/// Letters of a title written abbreviated with a period ("Mr", "Mrs", "Mme"), at most.
const ABBREVIATED_TITLE: usize = 3;

/// The entities the tagger gave another kind than person whose mentions say they are a
/// person's: a gendered title before one ("Mr. Brooks"), or a name opening with a given name
/// whose last word is also mentioned alone ("Jenna Marbles" … "Marbles").
pub(super) fn person_like(doc: &Document, lists: &Lists, entities: &[Span]) -> FastSet<usize> {
    let others = || entities.iter().filter(|s| s.kind != Kind::Person);
    let alone: FastSet<(usize, &str)> = others()
        .filter(|s| !s.text.contains(char::is_whitespace))
        .filter_map(|s| Some((s.entity?, s.text.as_str())))
        .collect();
    others()
        .filter_map(|span| {
            let entity = span.entity?;
            let words: Vec<&str> = span.text.split_whitespace().collect();
            let titled = title_before(doc, lists, doc.token_at_or_after(span.start)).is_some();
            let given = words.len() >= 2
                && lists.given_names.contains_key(lowercase(words[0]).as_ref())
                && words
                    .last()
                    .is_some_and(|last| alone.contains(&(entity, *last)));
            (titled || given).then_some(entity)
        })
        .collect()
}

/// The gender each person entity's mentions tell, by entity id; an entity told both is left out.
pub(super) fn genders(doc: &Document, lists: &Lists, persons: &[Span]) -> FastMap<usize, Gender> {
    let mut votes: FastMap<usize, [usize; 2]> = FastMap::default();
    for span in persons {
        let Some(entity) = span.entity else { continue };
        let first = span.text.split_whitespace().next().unwrap_or("");
        let from_name = lists.given_names.get(lowercase(first).as_ref()).copied();
        let start = doc.token_at_or_after(span.start);
        let from_title = title_before(doc, lists, start);
        let from_pronoun = pronoun_after(doc, doc.token_at_or_after(span.end));
        for gender in [from_name, from_title, from_pronoun].into_iter().flatten() {
            votes.entry(entity).or_default()[gender as usize] += 1;
        }
    }
    votes
        .into_iter()
        .filter_map(|(entity, [female, male])| match (female > 0, male > 0) {
            (true, false) => Some((entity, Gender::Female)),
            (false, true) => Some((entity, Gender::Male)),
            _ => None,
        })
        .collect()
}

/// The gender of a title right before token `start` ("Mr.", "Mrs", "Sen." tells none). A
/// period apart from its word is an abbreviation's only after a short one ("Mr" "."): after
/// "her mother." it ends a sentence.
fn title_before(doc: &Document, lists: &Lists, start: usize) -> Option<Gender> {
    let mut before = start.checked_sub(1)?;
    if doc.token_text(before) == "." {
        let word = before.checked_sub(1)?;
        let attached = doc.tokens[word].end == doc.tokens[before].start;
        if !attached || doc.token_text(word).chars().count() > ABBREVIATED_TITLE {
            return None;
        }
        before = word;
    }
    let title = lowercase(doc.token_text(before));
    lists.titles.get(title.trim_end_matches('.')).copied()
}

/// The gender of a "he" or "she" within [`GENDER_GAP`] tokens from `from`, no punctuation
/// between but a comma-free run of words ("Eastman said he").
fn pronoun_after(doc: &Document, from: usize) -> Option<Gender> {
    (from..(from + GENDER_GAP).min(doc.tokens.len()))
        .take_while(|&t| doc.tokens[t].kind == TokenKind::Word)
        .find_map(|t| pronoun_gender(doc.token_text(t)))
}

/// The gender of a "he" or "she".
pub(super) fn pronoun_gender(word: &str) -> Option<Gender> {
    match lowercase(word).as_ref() {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn a_person_the_tagger_took_for_something_else() {
        // A gendered title before the name.
        let text = "Mr. Brooks runs the bakery. “We open at six,” he said.";
        let spans = [entity(text, "Brooks", 0, Kind::Organization, 0)];
        assert_eq!(attribution(text, &spans), expect("he", Some(0), "said"));
        // A given name, and the surname mentioned alone.
        let text = "Jenna Moss opened the shop. Moss was pleased. “It went well,” she said.";
        let spans = [
            entity(text, "Jenna Moss", 0, Kind::Place, 0),
            entity(text, "Moss", 12, Kind::Place, 0),
        ];
        assert_eq!(attribution(text, &spans), expect("she", Some(0), "said"));
        // Neither: a place stays a place.
        let text = "Jenna Moss opened the shop. “It went well,” she said.";
        let spans = [entity(text, "Jenna Moss", 0, Kind::Place, 0)];
        assert_eq!(attribution(text, &spans), expect("she", None, "said"));
    }

    #[test]
    fn a_period_ending_a_sentence_titles_no_one() {
        // "her mother. Paris": "mother" titles no one across the sentence end.
        let text = "She called her mother. Paris was cold. “We left,” she said.";
        let spans = [entity(text, "Paris", 0, Kind::Place, 0)];
        assert_eq!(attribution(text, &spans), expect("she", None, "said"));
    }
}
