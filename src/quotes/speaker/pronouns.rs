//! Whom a speaker stands for: the entity behind a pronoun ("he" → the person named as the subject
//! before it, of the right gender), behind "I" (whoever speaks around it), behind a definite
//! noun phrase that takes up a name ("the Church" → Church of Scientology) or a document of an
//! organization ("the Home Office letter" → Home Office). Weak evidence gives no entity: the
//! mention without one is better than a wrong one.

use std::ops::Range;

use super::genders::pronoun_gender;
use super::*;

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
/// Mentions of the person a text is about, at least.
const TOPIC_MENTIONS: usize = 3;

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
}
