//! The speaker phrase: the subject of a cue in its clause, the subject of a sentence, a name, a
//! pronoun or a noun phrase ("the White House spokesman") next to the cue.

use std::ops::Range;

use super::*;

impl<'a> Attributor<'a> {
    /// The subject of a cue at token `cue` in its clause: a person or pronoun nearest the cue, the
    /// phrase right before it, the sentence's subject, then an organization or place.
    pub(super) fn subject_before(&self, cue: usize) -> Option<Mention> {
        let clause = self.clause_start(cue)..cue;
        if clause.is_empty() {
            return None;
        }
        // "…, and added: “…”": the coordinated verb shares the sentence's subject.
        let mut before = cue - 1;
        while before > clause.start && self.lists.between.contains(self.doc.token_text(before)) {
            before -= 1;
        }
        let coordinated = matches!(self.doc.token_text(before), "and" | "but");
        if coordinated {
            if let Some(subject) = self.sentence_subject(cue) {
                return Some(subject);
            }
        }
        // "the mayor also said", "the protesters chanted": the noun phrase right before the cue
        // is its subject, though a person is named further back; not the object of a
        // preposition ("through the streets") nor an apposition ("Rathke, the spokesman,").
        let noun_phrase = self
            .speaker_ending_before(cue)
            .filter(|m| !m.pronoun && m.entity.is_none())
            .filter(|m| m.start >= self.doc.tokens[clause.start].start)
            .filter(|m| {
                let first = self.doc.token_at_or_after(m.start);
                let word = lowercase(self.doc.token_text(first));
                let apposition = first.checked_sub(1).is_some_and(|t| {
                    self.doc.token_text(t) == ","
                        && t.checked_sub(1).is_some_and(|name| self.is_name_word(name))
                });
                let object = apposition || self.after_preposition(m);
                self.lists.determiners.contains(word.as_ref()) && !object
            });
        if noun_phrase.is_some() {
            return noun_phrase;
        }
        self.person_or_pronoun(clause.clone().rev())
            .or_else(|| {
                self.speaker_ending_before(cue)
                    .filter(|m| !self.after_preposition(m))
            })
            .or_else(|| self.sentence_subject(cue))
            .or_else(|| self.choose_named(clause, Side::BeforeCue))
    }

    /// Whether the mention is the object of a preposition ("obtained by The Ledger", "through
    /// the streets"): no speaker.
    pub(super) fn after_preposition(&self, mention: &Mention) -> bool {
        self.word_before(mention).is_some_and(|t| {
            self.lists
                .prepositions
                .contains(lowercase(self.doc.token_text(t)).as_ref())
        })
    }

    /// "A memo obtained by The Ledger": who only obtained the words is no speaker ("the quote
    /// by Edison" names its author).
    pub(super) fn obtained_by(&self, mention: &Mention) -> bool {
        let Some(by) = self.word_before(mention) else {
            return false;
        };
        let participle = by.checked_sub(1).is_some_and(|t| {
            self.lists
                .obtainers
                .contains(lowercase(self.doc.token_text(t)).as_ref())
        });
        lowercase(self.doc.token_text(by)) == "by" && participle
    }

    /// The token before a mention, past a determiner outside it ("by [The] Ledger").
    fn word_before(&self, mention: &Mention) -> Option<usize> {
        let before = self.doc.token_at_or_after(mention.start).checked_sub(1)?;
        let word = lowercase(self.doc.token_text(before));
        let article = matches!(word.as_ref(), "the" | "a" | "an");
        if article {
            before.checked_sub(1)
        } else {
            Some(before)
        }
    }

    /// The first token of the sentence holding token `i`, not before a line break.
    pub(super) fn sentence_start(&self, i: usize) -> usize {
        if self.opens_late[i] {
            return i;
        }
        // At most a window back: a run-on "sentence" must not make the search quadratic.
        let first = self.doc.sentences[self.doc.sentence_of(i)]
            .tokens
            .start
            .max(i.saturating_sub(SENTENCE));
        let mut start = i;
        while start > first && !self.doc.line_break_between(start - 1, start) {
            start -= 1;
        }
        start
    }

    /// The subject of the sentence holding token `i`, among the tokens before it: the first
    /// person, pronoun, organization or place named there, else the phrase the sentence opens
    /// with ("The letter", "Trump").
    pub(super) fn sentence_subject(&self, i: usize) -> Option<Mention> {
        let start = self.sentence_start(i);
        // Skip an opening mark or bracket.
        let first = (start..i).find(|&t| self.doc.tokens[t].kind != TokenKind::Punct)?;
        let person_from = |from: usize| self.person_or_pronoun(from..i);
        // "When Trump ran, he called them …": the main clause's subject, after an opening
        // subordinate clause.
        self.main_clause(first, i)
            .and_then(person_from)
            .or_else(|| person_from(first))
            .or_else(|| self.choose_named(first..i, Side::AfterCue))
            .or_else(|| {
                // A capitalized first word is not a name by itself ("But", "Holding"). The
                // subject may follow a short opening phrase ("Instead, the statement …").
                let after_opening = (first..(first + OPENING_PHRASE).min(i))
                    .find(|&t| self.doc.token_text(t) == ",")
                    .map(|comma| comma + 1);
                [Some(first), after_opening]
                    .into_iter()
                    .flatten()
                    .filter(|&t| {
                        let word = self.doc.token_text(t).to_lowercase();
                        self.lists.determiners.contains(word.as_str())
                    })
                    .find_map(|t| self.speaker_from(t).filter(|&(_, next)| next <= i))
                    .map(|(speaker, _)| speaker)
            })
    }

    /// The first token of the main clause of a sentence starting at token `first` with a
    /// subordinate or opening clause ("When …,", "After …,", "Asked about …,"), when it starts
    /// before token `i`.
    fn main_clause(&self, first: usize, i: usize) -> Option<usize> {
        let word = lowercase(self.doc.token_text(first));
        if !self.lists.openers.contains(word.as_ref()) {
            return None;
        }
        (first + 1..i.min(first + PHRASE))
            .take_while(|&t| !self.ends_clause(t))
            .find(|&t| self.doc.token_text(t) == ",")
            .map(|comma| comma + 1)
    }

    /// Where the subject of a cue at `cue` can start: after the last clause end or line break,
    /// at most [`PHRASE`] tokens back.
    pub(super) fn clause_start(&self, cue: usize) -> usize {
        let lowest = cue.saturating_sub(PHRASE);
        let mut start = cue;
        while start > lowest
            && !self.ends_clause(start - 1)
            && !self.doc.line_break_between(start - 1, start)
        {
            start -= 1;
        }
        start
    }

    /// The end of a speaker phrase after a cue: the next punctuation, at most [`PHRASE`] tokens.
    pub(super) fn phrase_end(&self, from: usize) -> usize {
        let mut end = from;
        while end < (from + PHRASE).min(self.doc.tokens.len())
            && self.doc.tokens[end].kind != TokenKind::Punct
            && (end == from || !self.doc.line_break_between(end - 1, end))
        {
            end += 1;
        }
        end
    }

    /// The speaker among the tokens `phrase`, looking from the cue outwards: a person named
    /// there (not as a possessive: "Clinton's spokesman"), a pronoun, an organization or place,
    /// else the name or noun phrase next to the cue.
    pub(super) fn choose(&self, phrase: Range<usize>, side: Side) -> Option<Mention> {
        // "said one source who identified Sullivan": a noun phrase right after the cue.
        if side == Side::AfterCue && !phrase.is_empty() {
            let first = self.doc.token_text(phrase.start).to_lowercase();
            if self.lists.determiners.contains(first.as_str()) {
                if let Some((speaker, _)) = self.speaker_from(phrase.start) {
                    return Some(speaker);
                }
            }
        }
        // "“…,” the New York businessman said": a noun phrase making up the whole phrase before
        // the cue, though it holds a name.
        if side == Side::BeforeCue && !phrase.is_empty() {
            let first = lowercase(self.doc.token_text(phrase.start));
            let whole = self
                .speaker_ending_before(phrase.end)
                .filter(|m| m.start == self.doc.tokens[phrase.start].start);
            if self.lists.determiners.contains(first.as_ref()) && whole.is_some() {
                return whole;
            }
        }
        // "…, Schiff said": a name or pronoun right before the cue is its subject, though a
        // person is named further back.
        if side == Side::BeforeCue && !phrase.is_empty() {
            let adjacent = self
                .speaker_ending_before(phrase.end)
                .filter(|m| m.start >= self.doc.tokens[phrase.start].start)
                .filter(|m| !self.after_preposition(m))
                .filter(|m| {
                    let first = &self.doc.text[m.start..m.end];
                    m.pronoun
                        || m.entity.is_some()
                        || !self
                            .lists
                            .determiners
                            .contains(lowercase(first.split(' ').next().unwrap_or("")).as_ref())
                });
            if adjacent.is_some() {
                return adjacent;
            }
        }
        self.choose_named(phrase.clone(), side)
            .or_else(|| match side {
                Side::BeforeCue => self.speaker_ending_before(phrase.end),
                Side::AfterCue => self.speaker_from(phrase.start).map(|(speaker, _)| speaker),
            })
    }

    /// A person, pronoun, organization or place among the tokens `phrase`, nearest the cue.
    pub(super) fn choose_named(&self, phrase: Range<usize>, side: Side) -> Option<Mention> {
        if phrase.is_empty() {
            return None;
        }
        let outside = |&t: &usize| !self.is_quoted(t);
        let order: Vec<usize> = match side {
            Side::BeforeCue => phrase.clone().rev().filter(outside).collect(),
            Side::AfterCue => phrase.clone().filter(outside).collect(),
        };
        // "Blige sings to Clinton before asking": before the cue, the object of a preposition
        // is no subject.
        let object = |m: &Mention| side == Side::BeforeCue && self.after_preposition(m);
        let entity = |wanted: &dyn Fn(Kind) -> bool| {
            order.iter().find_map(|&t| {
                self.entity_mention(t, wanted)
                    .filter(|m| !self.obtained_by(m) && !object(m))
            })
        };
        entity(&|kind| kind == Kind::Person)
            .or_else(|| {
                let pronoun = order.iter().find(|&&t| self.is_pronoun_at(t));
                pronoun.map(|&t| self.pronoun(t))
            })
            .or_else(|| entity(&|kind| matches!(kind, Kind::Organization | Kind::Place)))
    }

    /// The speaker starting at token `i` and the token after it: an entity mention, a pronoun,
    /// a capitalized name, or a determiner and a few words ("the president").
    pub(super) fn speaker_from(&self, i: usize) -> Option<(Mention, usize)> {
        let token = *self.doc.tokens.get(i)?;
        if let Some((span, entity)) = self.entity_at(token.start) {
            let next = self.doc.token_at_or_after(span.1);
            return Some((self.mention(span, Some(entity)), next));
        }
        let text = self.doc.token_text(i);
        if self.is_pronoun_at(i) {
            return Some((self.pronoun(i), i + 1));
        }
        let end = self.name_run_end(i);
        if end > i {
            return Some((self.mention(self.byte_range(i, end), None), end));
        }
        if self
            .lists
            .determiners
            .contains(text.to_lowercase().as_str())
        {
            let end = self.noun_end(i + 1);
            return (end > i + 1).then(|| (self.mention(self.byte_range(i, end), None), end));
        }
        None
    }

    /// The speaker ending just before the cue at token `cue` (skipping "also", "has"…).
    pub(super) fn speaker_ending_before(&self, cue: usize) -> Option<Mention> {
        let mut last = cue.checked_sub(1)?;
        while last > 0 && self.lists.between.contains(self.doc.token_text(last)) {
            last -= 1;
        }
        let token = self.doc.tokens[last];
        if let Some((span, entity)) = self.entity_at(token.start) {
            return (span.1 == token.end).then(|| self.mention(span, Some(entity)));
        }
        if self.is_pronoun_at(last) {
            return Some(self.pronoun(last));
        }
        let first = self.name_run_start(last);
        if first <= last {
            return Some(self.mention(self.byte_range(first, last + 1), None));
        }
        self.noun_phrase_ending_at(last)
    }

    /// "the president" ending at token `last`: a determiner up to [`NOUN_WORDS`] words back.
    pub(super) fn noun_phrase_ending_at(&self, last: usize) -> Option<Mention> {
        let lowest = last.saturating_sub(NOUN_WORDS);
        let opener = (lowest..last)
            .rev()
            .take_while(|&t| self.doc.tokens[t].kind == TokenKind::Word)
            .find(|&t| {
                let word = self.doc.token_text(t).to_lowercase();
                self.lists.determiners.contains(word.as_str()) || is_possessive(&word)
            })?;
        // "Clinton’s spokesman": a possessive name opens the phrase like a determiner.
        let first = if is_possessive(self.doc.token_text(opener)) && opener > 0 {
            let owner = self.doc.tokens[opener - 1].start;
            let span = self.entity_at(owner).map_or(owner, |((start, _), _)| start);
            self.doc.token_at_or_after(span)
        } else {
            opener
        };
        // "the Court goes on to": a verb or small word ends a noun phrase before `last`.
        let words = (opener + 1..=last).map(|t| self.doc.token_text(t));
        if words
            .into_iter()
            .any(|w| self.lists.function_words.contains(w))
        {
            return None;
        }
        Some(self.mention(self.byte_range(first, last + 1), None))
    }

    /// The end of the words after a determiner, stopping at a cue, punctuation or a clause word.
    pub(super) fn noun_end(&self, from: usize) -> usize {
        let mut end = from;
        // "the 46-year-old": numbers and hyphens inside a word count as that word.
        let attached = |t: usize| {
            t > from
                && self.doc.tokens[t - 1].end == self.doc.tokens[t].start
                && (self.doc.tokens[t].kind != TokenKind::Punct || self.doc.token_text(t) == "-")
        };
        while end < from + NOUN_WORDS
            && end < self.doc.tokens.len()
            && (self.doc.tokens[end].kind != TokenKind::Punct || attached(end))
            && self.cue_at(end).is_none()
            && !matches!(self.doc.token_text(end), "who" | "of" | "that" | "and")
            // "the city embodied": a past tense ends the phrase.
            && !(end > from && self.doc.token_text(end).ends_with("ed"))
            && !self.lists.function_words.contains(self.doc.token_text(end))
        {
            end += 1;
        }
        end
    }

    /// The end of a run of capitalized words from `i` (== `i` when none).
    pub(super) fn name_run_end(&self, i: usize) -> usize {
        let mut end = i;
        while end < self.doc.tokens.len() && end < i + NAME_WORDS && self.is_name_word(end) {
            end += 1;
        }
        end
    }

    /// The start of a run of capitalized words ending at `last` (`last + 1` when none).
    pub(super) fn name_run_start(&self, last: usize) -> usize {
        let mut first = last + 1;
        while first > 0 && self.is_name_word(first - 1) && first + NAME_WORDS > last + 1 {
            first -= 1;
        }
        first
    }

    /// Whether token `i` can be a word of a name: capitalized, and no pronoun, determiner or
    /// word opening a clause ("After saying …").
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        let text = self.doc.token_text(i);
        let lower = lowercase(text);
        self.doc.tokens[i].kind == TokenKind::Word
            && text.starts_with(char::is_uppercase)
            && !self.is_pronoun(text)
            && !self.lists.determiners.contains(lower.as_ref())
            && !self.lists.openers.contains(lower.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn the_person_nearest_the_cue_in_a_longer_phrase() {
        let text = "“Too little,” Italian Prime Minister Matteo Renzi said.";
        let spans = [
            entity(text, "Italian", 0, Kind::Misc, 0),
            entity(text, "Matteo Renzi", 0, Kind::Person, 1),
        ];
        assert_eq!(
            attribution(text, &spans),
            expect("Matteo Renzi", Some(1), "said")
        );
        let text = "“Great,” Rep. Elijah Cummings (D-Md.) said in an interview.";
        let cummings = entity(text, "Elijah Cummings", 0, Kind::Person, 0);
        assert_eq!(
            attribution(text, &[cummings]),
            expect("Elijah Cummings", Some(0), "said")
        );
        let text = "“Never,” Clinton’s spokesman said.";
        let clinton = entity(text, "Clinton", 0, Kind::Person, 0);
        assert_eq!(
            attribution(text, &[clinton]),
            expect("Clinton’s spokesman", None, "said")
        );
    }

    #[test]
    fn a_quoted_fragment_inside_a_sentence() {
        let text = "In contrast, Ham described Clinton as “a career politician” today.";
        let spans = [
            entity(text, "Ham", 0, Kind::Person, 0),
            entity(text, "Clinton", 0, Kind::Person, 1),
        ];
        assert_eq!(
            attribution(text, &spans),
            expect("Ham", Some(0), "described")
        );
    }
}
