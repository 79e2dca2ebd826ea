//! Whom a speaker stands for: the entity behind a pronoun ("he" → the person named as the subject
//! before it, of the right gender), behind "I" (whoever speaks around it), behind a definite
//! noun phrase that takes up a name ("the Church" → Church of Scientology) or a document of an
//! organization ("the Home Office letter" → Home Office). Weak evidence gives no entity: the
//! mention without one is better than a wrong one.

use std::ops::Range;

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

/// What a pronoun speaker can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Referent {
    /// "he", "she": a person of that gender.
    Person(Gender),
    /// "they", "it": an organization.
    Group,
    /// "I", "we": whoever speaks around the pronoun (the speaker of the quotation it stands in,
    /// the writer or speaker of a first-person text).
    FirstPerson { plural: bool },
}

impl Referent {
    fn of(word: &str) -> Option<Referent> {
        Some(match word {
            "he" | "him" => Referent::Person(Gender::Male),
            "she" | "her" => Referent::Person(Gender::Female),
            "they" | "them" | "it" => Referent::Group,
            "i" | "me" => Referent::FirstPerson { plural: false },
            "we" | "us" => Referent::FirstPerson { plural: true },
            _ => return None,
        })
    }
}

/// The speaker of the last speech quotation, which a pronoun speaker may go on with (a chain of
/// quotes): its entity and the byte where the quotation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chain {
    pub entity: usize,
    pub end: usize,
}

/// Sentences with words outside quotations looked back through for an antecedent, at most.
const SENTENCES_BACK: usize = 4;
/// Tokens looked back through for an antecedent, at most (linear time on any input).
const TOKENS_BACK: usize = 300;
/// Paragraph breaks crossed looking for an antecedent, at most: the pronoun's paragraph and the
/// one before it.
const PARAGRAPHS_BACK: usize = 1;
/// Tokens after a person's mention within which a "he" or "she" tells the person's gender
/// ("Eastman said he", "Kane, who scored, said she").
const GENDER_GAP: usize = 3;
/// Tokens from the start of its sentence within which a person is the sentence's subject
/// ("Senior researcher Mu Li said"): only such a person is an antecedent for a pronoun later
/// in the same sentence ("Huang met Trump …, where he told" → Huang).
const SUBJECT_START: usize = 3;
/// Letters of a title written abbreviated with a period ("Mr", "Mrs", "Mme"), at most.
const ABBREVIATED_TITLE: usize = 3;
/// Mentions of the person a text is about, at least.
const TOPIC_MENTIONS: usize = 3;
/// Words of a first line that names a first-person text's speaker ("Biologist Nick Bos tells
/// …"), at most.
const HEADLINE_WORDS: usize = 25;

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
        .find_map(|t| match lowercase(doc.token_text(t)).as_ref() {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        })
}

impl<'a> Attributor<'a> {
    /// `Cruz has railed against what he calls “…”`: a "he" or "she" close after a person named
    /// in its clause (no comma between) stands for that person; the name says who spoke.
    pub(super) fn named_in_sentence(&self, mut attribution: Attribution) -> Attribution {
        let speaker = attribution.speaker;
        let word = self.doc.text[speaker.start..speaker.end].to_lowercase();
        if !speaker.pronoun || !matches!(word.as_str(), "he" | "she") {
            return attribution;
        }
        let at = self.doc.token_at_or_after(speaker.start);
        let person = |kind: Kind| kind == Kind::Person;
        let named = (self.sentence_start(at)..at)
            .filter(|&t| !self.is_quoted(t))
            .find_map(|t| self.entity_mention(t, &person))
            .filter(|name| {
                let between = self.doc.token_at_or_after(name.end)..at;
                between.len() <= ANTECEDENT_GAP
                    && !between.into_iter().any(|t| {
                        matches!(self.doc.token_text(t), "," | ";" | ":" | "—" | "–" | "(")
                    })
            });
        if let Some(named) = named {
            attribution.speaker = named;
        }
        attribution
    }

    /// Gives the speaker of `attribution` its entity when the text tells it: a pronoun's
    /// antecedent (`chain`: the speaker of the speech quotation before), an "I" inside another
    /// quotation (`enclosing` gives the entity of the speaker of the quotation holding a byte),
    /// a name or noun phrase that takes up an entity named before.
    pub fn resolve(
        &self,
        mut attribution: Attribution,
        chain: Option<Chain>,
        enclosing: &dyn Fn(usize) -> Option<usize>,
    ) -> Attribution {
        let speaker = &mut attribution.speaker;
        if speaker.entity.is_some() {
            return attribution;
        }
        let at = self.doc.token_at_or_after(speaker.start);
        speaker.entity = if speaker.pronoun {
            let word = lowercase(&self.doc.text[speaker.start..speaker.end]);
            match Referent::of(word.as_ref()) {
                Some(Referent::FirstPerson { plural }) => {
                    if self.is_quoted(at) {
                        enclosing(speaker.start)
                    } else if plural {
                        None
                    } else {
                        self.narrator()
                    }
                }
                Some(want) => self.antecedent(at, want, chain),
                None => None,
            }
        } else {
            self.taken_up(*speaker)
        };
        attribution
    }

    /// Whether entity `entity` can be what `want` refers to.
    fn agrees(&self, entity: usize, want: Referent) -> bool {
        let Some(&kind) = self.kinds.get(&entity) else {
            return false;
        };
        match want {
            Referent::Person(gender) => {
                kind == Kind::Person && self.genders.get(&entity).is_none_or(|&g| g == gender)
            }
            Referent::Group => kind == Kind::Organization,
            Referent::FirstPerson { .. } => false,
        }
    }

    /// The antecedent of the pronoun at token `at`: looking back sentence by sentence (in its
    /// paragraph and the one before), the subject of the nearest sentence that names one that
    /// agrees; the speaker of the last quotation (`chain`) when no other such subject stands
    /// between that quotation and the pronoun.
    fn antecedent(&self, at: usize, want: Referent, chain: Option<Chain>) -> Option<usize> {
        let chain = chain.filter(|c| self.agrees(c.entity, want));
        let lowest = at.saturating_sub(TOKENS_BACK);
        let (mut sentence, mut end) = (self.doc.sentence_of(at), at);
        let (mut looked, mut paragraphs, mut goes_on) = (0, 0, false);
        // Out of sentences after pronoun subjects only: the person the text is about.
        let out = |goes_on: bool| goes_on.then(|| self.topic(want)).flatten();
        loop {
            let start = self.doc.sentences[sentence].tokens.start.max(lowest);
            let own = end == at;
            // Only what follows the chained quotation competes with its speaker.
            let after_chain = chain.map_or(start, |c| start.max(self.doc.token_at_or_after(c.end)));
            match self.subject_in(after_chain..end, want, own) {
                Ok(Some(entity)) => return Some(entity),
                Ok(None) => {}
                Err(()) => goes_on = true,
            }
            if let Some(c) = chain {
                if after_chain > start || self.doc.tokens[start].start < c.end {
                    return Some(c.entity);
                }
            }
            if (start..end)
                .any(|t| !self.is_quoted(t) && self.doc.tokens[t].kind == TokenKind::Word)
            {
                looked += 1;
            }
            if start == 0 || start == lowest || looked >= SENTENCES_BACK || sentence == 0 {
                return out(goes_on);
            }
            if self.doc.line_break_between(start - 1, start) {
                paragraphs += 1;
                if paragraphs > PARAGRAPHS_BACK {
                    return out(goes_on);
                }
            }
            sentence -= 1;
            end = start;
        }
    }

    /// The person of the gender `want` asks for whom the text names most often, when named at
    /// least [`TOPIC_MENTIONS`] times and more often than any other of that gender.
    fn topic(&self, want: Referent) -> Option<usize> {
        let Referent::Person(gender) = want else {
            return None;
        };
        *self.topics[gender as usize].get_or_init(|| {
            let mut counts: FastMap<usize, usize> = FastMap::default();
            for span in &self.persons {
                if let Some(entity) = span.entity.filter(|&e| self.agrees(e, want)) {
                    *counts.entry(entity).or_default() += 1;
                }
            }
            let mut ranked: Vec<(usize, usize)> = counts.into_iter().map(|(e, n)| (n, e)).collect();
            ranked.sort_unstable_by(|a, b| b.cmp(a));
            match ranked.as_slice() {
                [(n, e), rest @ ..]
                    if *n >= TOPIC_MENTIONS && rest.first().is_none_or(|r| r.0 < *n) =>
                {
                    Some(*e)
                }
                _ => None,
            }
        })
    }

    /// The subject among tokens `range` (outside quotations) that `want` can refer to: for a
    /// person, the first person named who agrees (a possessive only when no other); for a group,
    /// the first entity named when it is an organization. In the pronoun's `own` sentence only
    /// a person opening it counts ("After meeting Obama, he said" is not Obama). `Err` when the
    /// sentence's subject is a pronoun of the same gender: the search goes on before it.
    fn subject_in(
        &self,
        range: Range<usize>,
        want: Referent,
        own: bool,
    ) -> Result<Option<usize>, ()> {
        if range.is_empty() {
            return Ok(None);
        }
        let (from, to) = (
            self.doc.tokens[range.start].start,
            self.doc.tokens[range.end - 1].end,
        );
        let mut mentions = self
            .entities_within(from, to)
            .iter()
            .filter(|s| !self.is_quoted(self.doc.token_at_or_after(s.start)));
        match want {
            Referent::Person(gender) => {
                // "Philonise, when he said": a person set off by a comma right before the
                // clause the pronoun opens.
                if own {
                    if let Some(entity) = self.dislocated(range.end, want) {
                        return Ok(Some(entity));
                    }
                }
                // "He went up to Cambridge, where he met Edleston.": a sentence whose subject is
                // a pronoun of the same gender goes on with the person before; its others are
                // objects.
                let before_person = mentions
                    .clone()
                    .find(|s| s.kind == Kind::Person)
                    .map_or(range.end, |s| self.doc.token_at_or_after(s.start));
                let goes_on = !own
                    && (range.start..before_person).any(|t| {
                        !self.is_quoted(t) && pronoun_gender(self.doc.token_text(t)) == Some(gender)
                    });
                if goes_on {
                    return Err(());
                }
                // "After meeting Berg, he said": no antecedent in an opening clause.
                let opening = self
                    .lists
                    .openers
                    .contains(lowercase(self.doc.token_text(range.start)).as_ref());
                if own && opening {
                    return Ok(None);
                }
                let mut possessive = None;
                // "Thomas' sister pleaded with him, but he replied": in its own sentence, the
                // possessor opening the subject, when an object pronoun of the gender stands
                // for someone other than that subject.
                let own_possessive = |possessive: Option<(usize, usize)>| {
                    possessive
                        .filter(|&(_, token)| self.object_pronoun_between(token..range.end, gender))
                        .map(|(entity, _)| entity)
                };
                for span in mentions.filter(|s| s.kind == Kind::Person) {
                    let token = self.doc.token_at_or_after(span.start);
                    if own && token - range.start > SUBJECT_START {
                        return Ok(own_possessive(possessive));
                    }
                    let Some(entity) = span.entity.filter(|&e| self.agrees(e, want)) else {
                        continue;
                    };
                    if self.entity_mention(token, &|_| true).is_some() {
                        return Ok(Some(entity));
                    }
                    possessive = possessive.or(Some((entity, token)));
                }
                if own {
                    return Ok(own_possessive(possessive));
                }
                Ok(possessive.map(|(entity, _)| entity))
            }
            Referent::Group => Ok(mentions
                .find(|s| matches!(s.kind, Kind::Person | Kind::Organization))
                .and_then(|span| span.entity.filter(|&e| self.agrees(e, want)))),
            Referent::FirstPerson { .. } => Ok(None),
        }
    }

    /// Whether an object pronoun of `gender` ("him", "her") stands among `tokens`, outside
    /// quotations.
    fn object_pronoun_between(&self, tokens: Range<usize>, gender: Gender) -> bool {
        let object = match gender {
            Gender::Male => "him",
            Gender::Female => "her",
        };
        tokens
            .into_iter()
            .any(|t| !self.is_quoted(t) && lowercase(self.doc.token_text(t)) == object)
    }

    /// `Philonise, when he said`: the person ending right before a comma and a word opening a
    /// clause ("when", "as") before the pronoun at token `at`, when it agrees.
    fn dislocated(&self, at: usize, want: Referent) -> Option<usize> {
        let opener = at.checked_sub(1)?;
        let comma = opener.checked_sub(1)?;
        let opens = self
            .lists
            .openers
            .contains(lowercase(self.doc.token_text(opener)).as_ref());
        if !opens || self.doc.token_text(comma) != "," || comma == 0 {
            return None;
        }
        let (_, entity) = self.entity_at(self.doc.tokens[comma - 1].start)?;
        self.agrees(entity, want).then_some(entity)
    }

    /// Who says "I" in a first-person text: a person introducing themself ("my name is Ana",
    /// "I'm Ana", "it's Ana here"), else the person a short first line opens with ("Biologist
    /// Nick Bos tells …", "Pelosi Floor Speech …"; not a salutation, "Dear Jean,"), else the
    /// name signing a letter (the last line, after a closing line ending with a comma), of any
    /// kind.
    fn narrator(&self) -> Option<usize> {
        *self.narrator.get_or_init(|| {
            self.introduced()
                .or_else(|| self.headline_person())
                .or_else(|| self.signature())
        })
    }

    fn introduced(&self) -> Option<usize> {
        self.persons.iter().find_map(|span| {
            let at = self.doc.token_at_or_after(span.start);
            let word = |back: usize| {
                at.checked_sub(back)
                    .map(|t| lowercase(self.doc.token_text(t)).into_owned())
            };
            let after = self.text(self.doc.token_at_or_after(span.end));
            let words = [word(3), word(2), word(1)];
            let [w3, w2, w1] = words.each_ref().map(|w| w.as_deref().unwrap_or(""));
            let introduces = matches!((w3, w2, w1), ("my", "name", "is") | (_, "i", "am"))
                || matches!((w2, w1), ("i", "’m" | "'m") | ("it", "’s" | "'s"))
                    && (w2 == "i" || after == Some("here"))
                || matches!(w1, "i’m" | "i'm")
                || matches!(w1, "it’s" | "it's") && after == Some("here");
            introduces.then_some(span.entity).flatten()
        })
    }

    fn headline_person(&self) -> Option<usize> {
        let line_end = (1..self.doc.tokens.len())
            .find(|&t| self.doc.line_break_between(t - 1, t))
            .unwrap_or(self.doc.tokens.len());
        // "Dear Jean,": a letter's salutation names whom it is written to.
        let salutation = self.text(0).is_some_and(|word| lowercase(word) == "dear");
        if line_end > HEADLINE_WORDS || salutation {
            return None;
        }
        let span = self.persons.first()?;
        let at = self.doc.token_at_or_after(span.start);
        (at < line_end && at < SUBJECT_START)
            .then_some(span.entity)
            .flatten()
    }

    fn signature(&self) -> Option<usize> {
        let text = self.doc.text.trim_end();
        let (before, last) = text.rsplit_once('\n')?;
        let closing = before.trim_end().rsplit('\n').next()?;
        // The line signs the letter whatever kind the tagger gave the name.
        let span = self.entities.last()?;
        let last_start = text.len() - last.len();
        let whole_line = span.start == last_start + (last.len() - last.trim_start().len())
            && span.end == text.len();
        (whole_line && closing.trim_end().ends_with(','))
            .then_some(span.entity)
            .flatten()
    }

    /// The entity a speaker with none takes up: a name whose last word ends a name given before
    /// ("Mr. Tedeschi" after "Mark Tedeschi"); a document of an organization named in it
    /// ("The Home Office letter"); a definite noun phrase whose noun is a word of an
    /// organization's name given before ("the Church" after "Church of Scientology").
    fn taken_up(&self, speaker: Mention) -> Option<usize> {
        let words: Vec<&str> = self.doc.text[speaker.start..speaker.end]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        let (&first, &last) = (words.first()?, words.last()?);
        let earlier = || self.entities_before(speaker.start).iter().rev();
        if last.starts_with(char::is_uppercase)
            && !self.lists.determiners.contains(lowercase(first).as_ref())
        {
            return earlier()
                .filter(|s| matches!(s.kind, Kind::Person | Kind::Organization))
                .find(|s| last_word(&s.text) == Some(last))
                .and_then(|s| s.entity);
        }
        if self.lists.documents.contains(lowercase(last).as_ref()) {
            let inside = self
                .entities_within(speaker.start, speaker.end)
                .iter()
                .find(|s| s.kind == Kind::Organization);
            if let Some(span) = inside {
                return span.entity;
            }
        }
        let definite = lowercase(first) == "the" && words.len() <= 2;
        if !definite || last.chars().count() < 4 {
            return None;
        }
        let head = lowercase(last);
        earlier()
            .take(TOKENS_BACK)
            .filter(|s| s.kind == Kind::Organization)
            .find(|s| s.text.split_whitespace().any(|w| lowercase(w) == head))
            .and_then(|s| s.entity)
    }
}

/// The gender of a "he" or "she".
fn pronoun_gender(word: &str) -> Option<Gender> {
    match lowercase(word).as_ref() {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// The last word of a name.
fn last_word(name: &str) -> Option<&str> {
    name.split(|c: char| !c.is_alphanumeric() && c != '-')
        .rfind(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn the_subject_before_wins_over_an_object() {
        let text = "Putin met Trump. “It went well,” he said.";
        let spans = [
            entity(text, "Putin", 0, Kind::Person, 0),
            entity(text, "Trump", 0, Kind::Person, 1),
        ];
        assert_eq!(attribution(text, &spans), expect("he", Some(0), "said"));
        let plural = "Putin met Trump. “It went well,” they said.";
        assert_eq!(attribution(plural, &spans), expect("they", None, "said"));
    }

    #[test]
    fn the_possessor_of_the_subject_when_an_object_pronoun_is_someone_else() {
        let text = "Tom Hale left. Dan Roe’s sister urged him to stay, but he replied, “No.”";
        let spans = [
            entity(text, "Tom Hale", 0, Kind::Person, 0),
            entity(text, "Dan Roe", 0, Kind::Person, 1),
        ];
        assert_eq!(attribution(text, &spans), expect("he", Some(1), "replied"));
        // No object pronoun: the possessor is not taken, the subject before goes on.
        let text = "Tom Hale left. Dan Roe’s sister urged Ana to stay, but he replied, “No.”";
        let spans = [
            entity(text, "Tom Hale", 0, Kind::Person, 0),
            entity(text, "Dan Roe", 0, Kind::Person, 1),
            entity(text, "Ana", 0, Kind::Person, 2),
        ];
        assert_eq!(attribution(text, &spans), expect("he", Some(0), "replied"));
    }

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

    #[test]
    fn a_letter_is_signed_by_its_writer_not_its_addressee() {
        let text = "Dear Jean,\nI said, “Next year.”\nYours ever,\nZora";
        let spans = [
            entity(text, "Jean", 0, Kind::Person, 0),
            entity(text, "Zora", 0, Kind::Place, 1),
        ];
        assert_eq!(attribution(text, &spans), expect("I", Some(1), "said"));
    }
}
