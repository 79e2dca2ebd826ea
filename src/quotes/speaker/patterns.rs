//! The attribution patterns around a quotation: a cue after it (`“…,” Trump wrote.`, `“…,”
//! said Tom Suozzi`), before it (`Trump said: “…”`), in the sentence just before, a colon clause
//! (`Kasich resisted: “…”`), a signature (`“…” ― Ana Ruiz`), a transcript label
//! (`"WALLACE: …`), a headline (`Graham: ‘…’`), and a guess from the context when none applies.

use std::ops::Range;

use super::*;

impl<'a> Attributor<'a> {
    /// The attribution of the quotation `start..end`. A quotation opening its sentence and
    /// ending on a comma is most often attributed after it (`“…,” Trump wrote.`); one inside a
    /// sentence, or ending on a period, by the words before it (`Trump said: “…”`).
    pub fn attribute(&self, start: usize, end: usize) -> Option<Attribution> {
        let opening = self.doc.token_at_or_after(start);
        let after = self.doc.token_at_or_after(end);
        let after_on_line = after < self.doc.tokens.len()
            && !self.doc.text[end..self.doc.tokens[after].start].contains('\n');
        let after_quote = || after_on_line.then(|| self.after_quote(after)).flatten();
        let before_quote = || self.before_quote(opening);
        let ending = quoted_ending(self.doc.text, start, end);
        // `“…,” he said`: the comma inside the marks announces the attribution after them.
        let announces = matches!(ending, Some(',' | '?' | '!' | '—'));
        let opens = self.opens_sentence(opening) || self.text(opening.wrapping_sub(1)) == Some(":");
        let any_verb = || self.after_quote_any_verb(after, announces && after_on_line);
        if let Some(signed) = self
            .signature_after(end)
            .or_else(|| self.label_inside(start))
        {
            return Some(signed);
        }
        let found = if opens && ending != Some('.') {
            after_quote().or_else(before_quote).or_else(any_verb)
        } else if announces {
            // Inside a sentence the cue before the quotation comes first, unless a short
            // attribution follows (`…, telling Mic, “…,” he said`).
            after_quote()
                .filter(|a| self.short_after(end, a))
                .or_else(before_quote)
                .or_else(after_quote)
                .or_else(any_verb)
        } else if ending == Some('.') {
            // The sentence ended inside the marks: what follows is another sentence, unless it
            // is only an attribution (`… done.” Trump said.`).
            before_quote().or_else(|| after_quote().filter(|a| self.short_after(end, a)))
        } else {
            before_quote().or_else(after_quote)
        };
        found
            .or_else(|| self.colon_clause(opening))
            .map(|a| self.named_in_sentence(a))
    }

    /// `Kasich resisted: “…”`: a quotation right after a colon, with no cue in reach, is what
    /// the subject of the clause before the colon said: its first person or pronoun after the
    /// last comma, else the sentence's subject.
    pub(super) fn colon_clause(&self, opening: usize) -> Option<Attribution> {
        let colon = opening.checked_sub(1)?;
        if self.text(colon) != Some(":") || self.doc.line_break_between(colon, opening) {
            return None;
        }
        let sentence = self.sentence_start(colon);
        let clause = (sentence..colon)
            .rev()
            .find(|&t| self.doc.token_text(t) == ",")
            .map_or(sentence, |comma| comma + 1);
        let speaker = self
            .person_or_pronoun(clause..colon)
            .or_else(|| self.sentence_subject(colon))?;
        Some(Attribution { speaker, cue: None })
    }

    /// `“…” ― Jorge Falcon`: a dash after the quotation and a name ending the paragraph sign
    /// it, as under a letter or a collection of voices.
    pub(super) fn signature_after(&self, end: usize) -> Option<Attribution> {
        let dash = self.doc.token_at_or_after(end);
        let same_line = !self.doc.text[end..self.doc.tokens.get(dash)?.start].contains('\n');
        if !same_line || !matches!(self.text(dash), Some("―" | "—" | "–" | "-")) {
            return None;
        }
        let first = dash + 1;
        let name_end = self.name_run_end(first);
        let mut next = name_end;
        if self.text(next) == Some(".") {
            next += 1;
        }
        let ends_paragraph =
            next >= self.doc.tokens.len() || self.doc.line_break_between(next - 1, next);
        if name_end == first || self.doc.line_break_between(dash, first) || !ends_paragraph {
            return None;
        }
        Some(Attribution {
            speaker: self.name_mention(first, name_end),
            cue: None,
        })
    }

    /// `"WALLACE: Let’s start…`: a transcript's speaker label, in capitals, opening the
    /// quotation.
    pub(super) fn label_inside(&self, start: usize) -> Option<Attribution> {
        let first = self.doc.token_at_or_after(start) + 1;
        let colon = (first..first + LABEL_WORDS + 1).find(|&t| self.text(t) == Some(":"))?;
        let capitals = |t: usize| {
            let word = self.doc.token_text(t);
            self.doc.tokens[t].kind == TokenKind::Word
                && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !word.chars().any(char::is_lowercase)
        };
        let label = first..colon;
        let on_one_line = !self.doc.line_break_between(first - 1, colon);
        (!label.is_empty() && on_one_line && label.clone().all(capitals)).then(|| Attribution {
            speaker: self.name_mention(label.start, label.end),
            cue: None,
        })
    }

    /// Whether the attribution `found` after a quotation ending at byte `end` is a short one
    /// that ends its sentence right after the speaker (`Trump said.`).
    pub(super) fn short_after(&self, end: usize, found: &Attribution) -> bool {
        let last = found.speaker.end.max(end);
        let next = self.doc.token_at_or_after(last);
        let words = self.doc.text[end..last].split_whitespace().count();
        let ends_soon = (next..(next + 3).min(self.doc.tokens.len())).any(|t| self.sentence_end[t]);
        words <= 4 && ends_soon
    }

    /// Whether the quotation whose mark is token `opening` starts its sentence or line.
    pub(super) fn opens_sentence(&self, opening: usize) -> bool {
        opening == 0
            || self.doc.line_break_between(opening - 1, opening)
            || matches!(
                self.doc.token_text(opening - 1),
                "." | "!" | "?" | "”" | "\""
            )
    }

    /// `“…,” Trump wrote` / `“…,” said Caddell` / `“…,” Quina Jones, 25, said`.
    pub(super) fn after_quote(&self, mut i: usize) -> Option<Attribution> {
        if matches!(self.text(i), Some("," | "—" | "–")) {
            i += 1;
        }
        if let Some((cue, next)) = self.cue_at(i) {
            // "“…,” adding that …": the participle's subject is before the quotation.
            if cue.ends_with("ing") {
                return None;
            }
            let phrase = next..self.phrase_end(next);
            return self
                .choose(phrase, Side::AfterCue)
                .map(|speaker| Attribution {
                    speaker,
                    cue: Some(cue),
                });
        }
        let cue_at = (i..i + PHRASE)
            .take_while(|&t| t < self.doc.tokens.len() && !self.ends_clause(t))
            .take_while(|&t| t == i || !self.doc.line_break_between(t - 1, t))
            .find(|&t| self.cue_at(t).is_some())?;
        let (cue, next) = self.cue_at(cue_at)?;
        // "“…” at a rally, according to the organizers": the speaker follows the cue.
        if names_speaker_after(&cue) {
            return self
                .choose(next..self.phrase_end(next), Side::AfterCue)
                .map(|speaker| Attribution {
                    speaker,
                    cue: Some(cue),
                });
        }
        self.leading_name(i..cue_at)
            .or_else(|| self.choose(i..cue_at, Side::BeforeCue))
            .map(|speaker| Attribution {
                speaker,
                cue: Some(cue),
            })
    }

    /// `“…!” the crowd cried out` / `“…,” he surmised`: after a quotation announcing its
    /// attribution, a pronoun, a person or a noun phrase followed by a lowercase word, taken as
    /// the verb (not in the cue list).
    pub(super) fn after_quote_any_verb(&self, i: usize, allowed: bool) -> Option<Attribution> {
        if !allowed || i >= self.doc.tokens.len() {
            return None;
        }
        let (speaker, next) = self.speaker_from(i)?;
        let verb = self.text(next)?;
        let is_verb = self.doc.tokens[next].kind == TokenKind::Word
            && verb.starts_with(char::is_lowercase)
            && !self.doc.line_break_between(next - 1, next)
            // "they conclude": a plural or first-person speaker takes the base form.
            && (verb.ends_with("ed") || verb.ends_with('s') || self.takes_base_form(&speaker))
            && !self.lists.function_words.contains(verb);
        is_verb.then(|| Attribution {
            speaker,
            cue: Some(verb.to_string()),
        })
    }

    pub(super) fn takes_base_form(&self, speaker: &Mention) -> bool {
        let word = self.doc.text[speaker.start..speaker.end].to_lowercase();
        speaker.pronoun && matches!(word.as_str(), "they" | "we" | "i")
    }

    /// `Trump said: “…”` / `Trump wrote in a post, “…”` / `said Trump: “…”`: the nearest cue
    /// before the quotation in its sentence, and who is before it (else after it). A quotation
    /// opening a paragraph looks into the previous line when that ends with a colon
    /// (`Caddell continued:`).
    pub(super) fn before_quote(&self, opening: usize) -> Option<Attribution> {
        if let Some(found) = self.sentence_before(opening) {
            return Some(found);
        }
        let colon_line = opening > 0 && self.text(opening - 1) == Some(":");
        let lowest = opening.saturating_sub(WINDOW);
        let mut i = opening;
        while i > lowest {
            i -= 1;
            let line_break = self.doc.line_break_between(i, i + 1);
            // `…, said Gaskin, a retiree. “…”`: a period just before the quotation ends the
            // sentence even where the sentence splitter did not.
            let period_before = i + 1 == opening && self.doc.token_text(i) == ".";
            // `Trump says “…” because “…”`: a quoted fragment inside the sentence is passed over.
            if let Some(fragment_start) = self.fragment_ending_at(i) {
                i = fragment_start;
                continue;
            }
            if self.ends_clause(i)
                || period_before
                || (line_break && !(colon_line && i + 1 == opening))
            {
                return None;
            }
            if let Some((cue, next)) = self.cue_at(i) {
                // "…, saying “…”": the participle's subject is the sentence's.
                let participle = cue.ends_with("ing");
                let sentence = || self.sentence_subject(i);
                let after =
                    || self.choose(next..opening.min(self.phrase_end(next)), Side::AfterCue);
                let found = if names_speaker_after(&cue) {
                    // "a quote attributed to Einstein: “…”": the one it is attributed to.
                    after()
                } else if participle {
                    // "…, with Boswell stating: “…”": the participle's own subject.
                    self.with_subject(i)
                        .or_else(sentence)
                        .or_else(|| self.subject_before(i))
                } else {
                    self.subject_before(i).or_else(sentence)
                };
                return found
                    .or_else(|| {
                        self.choose(next..opening.min(self.phrase_end(next)), Side::AfterCue)
                    })
                    .map(|speaker| Attribution {
                        speaker,
                        cue: Some(cue),
                    });
            }
        }
        None
    }

    /// `“…,” Khaled Al-Maeena, editor at the Saudi Gazette, said`: a name opening the phrase
    /// before the cue and set off by a comma is the speaker, not a place or organization in
    /// its apposition (when no person entity is named there).
    fn leading_name(&self, phrase: Range<usize>) -> Option<Mention> {
        let comma = phrase
            .clone()
            .take(NAME_WORDS + 3)
            .find(|&t| self.doc.token_text(t) == ",")?;
        let name = phrase.start..comma;
        let attached_hyphen = |t: usize| {
            self.doc.token_text(t) == "-"
                && t > name.start
                && self.doc.tokens[t - 1].end == self.doc.tokens[t].start
        };
        let is_name = !name.is_empty()
            && self.is_name_word(name.start)
            && name
                .clone()
                .all(|t| self.is_name_word(t) || attached_hyphen(t));
        let person = |kind: Kind| kind == Kind::Person;
        let person_named = phrase
            .clone()
            .any(|t| self.entity_mention(t, &person).is_some());
        (is_name && !person_named).then(|| self.name_mention(name.start, name.end))
    }

    /// `with Boswell stating`: the name between "with" and a participle at token `cue`.
    fn with_subject(&self, cue: usize) -> Option<Mention> {
        let speaker = self.speaker_ending_before(cue)?;
        let first = self.doc.token_at_or_after(speaker.start);
        let named = speaker.entity.is_some() || self.is_name_word(first);
        let with = first
            .checked_sub(1)
            .is_some_and(|t| lowercase(self.doc.token_text(t)) == "with");
        (named && with).then_some(speaker)
    }

    /// `…, Schiff said. “…”` / `said Obama. “…”`: a sentence just before the quotation, in its
    /// paragraph, that ends with an attribution.
    pub(super) fn sentence_before(&self, opening: usize) -> Option<Attribution> {
        let end = opening.checked_sub(1)?;
        if !self.sentence_end[end] || self.doc.token_text(end) != "." || end == 0 {
            return None;
        }
        if self.doc.line_break_between(end, opening) {
            return None;
        }
        let lowest = end.saturating_sub(NOUN_WORDS + 2);
        let cue_at = (lowest..end)
            .rev()
            .take_while(|&t| !self.ends_clause(t))
            .find(|&t| self.cue_at(t).is_some_and(|(_, next)| next <= end))?;
        let (cue, next) = self.cue_at(cue_at)?;
        let subject = || self.choose(self.clause_start(cue_at)..cue_at, Side::BeforeCue);
        // "said Obama." names the speaker after the cue; "Trump said Friday." before it; "Kaine
        // told CNN." names the listener after it.
        // Right after the cue only: "said in an interview with CNBC." names no speaker.
        let object_after = self.text(next).is_some_and(|word| {
            word.starts_with(char::is_lowercase)
                && !self
                    .lists
                    .determiners
                    .contains(word.to_lowercase().as_str())
        });
        let named_after = || {
            (!object_after)
                .then(|| self.choose_named(next..end, Side::AfterCue))
                .flatten()
        };
        let lower = cue.to_lowercase();
        let listener_after = matches!(
            lower.as_str(),
            "told" | "tells" | "tell" | "telling" | "asked" | "asks" | "ask"
        );
        let found = if listener_after {
            subject().or_else(named_after)
        } else {
            named_after().or_else(subject)
        };
        found.map(|speaker| Attribution {
            speaker,
            cue: Some(cue),
        })
    }

    /// A speaker for a quotation with no cue in reach, from its context: a headline's
    /// `Name: ‘…’`, the subject of the sentence a quoted fragment stands in, or for a quotation
    /// opening its sentence, the subject of the sentence before it.
    pub fn guess(&self, start: usize) -> Option<Attribution> {
        let opening = self.doc.token_at_or_after(start);
        if opening >= self.doc.tokens.len() {
            return None;
        }
        let found = self.headline_speaker(opening).or_else(|| {
            let sentence_start = self.sentence_start(opening);
            if (sentence_start..opening).any(|t| self.doc.tokens[t].kind != TokenKind::Punct) {
                self.sentence_subject(opening)
            } else {
                // The sentence before, when the quotation opens its sentence.
                let last = sentence_start.checked_sub(1)?;
                self.sentence_subject(last)
            }
        })?;
        Some(Attribution {
            speaker: found,
            cue: None,
        })
    }

    /// The owner of a quoted term whose possessive word ends at byte `end` (`Trump’s “…”`): the
    /// entity mention or name before the `’s`.
    pub fn owner(&self, end: usize) -> Option<Attribution> {
        let mut after_owner = self.doc.token_at_or_after(end);
        // "Trump’s" is "Trump" and "’s"; "Joneses’" may end on the mark.
        if after_owner > 0
            && (is_possessive(self.doc.token_text(after_owner - 1))
                || matches!(self.doc.token_text(after_owner - 1), "’" | "'"))
        {
            after_owner -= 1;
        }
        let speaker = self.speaker_ending_before(after_owner)?;
        Some(Attribution { speaker, cue: None })
    }

    /// `Graham: Trump’s ‘Incredibly Hateful Rhetoric’ …`: a line opening with a short name and a
    /// colon, the quotation further on that line.
    pub(super) fn headline_speaker(&self, opening: usize) -> Option<Mention> {
        let mut first = opening;
        let lowest = opening.saturating_sub(SENTENCE);
        while first > 0 && !self.doc.line_break_between(first - 1, first) {
            if first == lowest {
                return None;
            }
            first -= 1;
        }
        let colon = (first..opening)
            .take(NAME_WORDS + 1)
            .find(|&t| self.doc.token_text(t) == ":")?;
        if colon == first {
            return None;
        }
        let (speaker, next) = self.speaker_from(first)?;
        (next == colon).then_some(speaker)
    }
}

/// Whether a cue names its speaker after it ("according to Gallup", "attributed to Einstein"):
/// what stands before it is no speaker.
fn names_speaker_after(cue: &str) -> bool {
    matches!(lowercase(cue).as_ref(), "according to" | "attributed to")
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn name_then_cue_after_the_quote() {
        let text = "“Great progress,” Trump wrote in a post.";
        let trump = entity(text, "Trump", 0, Kind::Person, 0);
        assert_eq!(
            attribution(text, &[trump]),
            expect("Trump", Some(0), "wrote")
        );
    }

    #[test]
    fn cue_then_name_after_the_quote() {
        let text = "“We will win,” said Tom Suozzi, a Democrat.";
        assert_eq!(attribution(text, &[]), expect("Tom Suozzi", None, "said"));
    }

    #[test]
    fn common_noun_speaker() {
        let text = "“No comment,” the White House spokesman said.";
        assert_eq!(
            attribution(text, &[]),
            expect("the White House spokesman", None, "said")
        );
    }

    #[test]
    fn cue_before_the_quote() {
        let text = "Trump said: “Great progress.”";
        let trump = entity(text, "Trump", 0, Kind::Person, 3);
        assert_eq!(
            attribution(text, &[trump]),
            expect("Trump", Some(3), "said")
        );
        let text = "Trump also wrote in a post, “Great progress.”";
        assert_eq!(attribution(text, &[]), expect("Trump", None, "wrote"));
        let text = "According to Leavitt, “the call was productive.”";
        assert_eq!(
            attribution(text, &[]),
            expect("Leavitt", None, "According to")
        );
    }

    #[test]
    fn colon_line_before_the_paragraph() {
        let text = "Caddell continued:\n\n\"The health issue is partisan.\"";
        assert_eq!(attribution(text, &[]), expect("Caddell", None, "continued"));
    }

    #[test]
    fn an_attribution_sentence_just_before() {
        let text = "Talks may stall, Schiff said. “It is hard.”";
        assert_eq!(attribution(text, &[]), expect("Schiff", None, "said"));
        let text = "“No,” he said. “Yes,” said Obama. “Maybe.”";
        let obama = entity(text, "Obama", 0, Kind::Person, 0);
        let doc = Document::new(text);
        let lists = Lists::new();
        let third = crate::quotes::marks::quotations(text)[2];
        let found = Attributor::new(&doc, &lists, std::slice::from_ref(&obama))
            .attribute(third.start, third.end)
            .unwrap();
        assert_eq!(&text[found.speaker.start..found.speaker.end], "Obama");
    }

    #[test]
    fn no_cue_in_reach_means_no_speaker() {
        assert_eq!(
            attribution("The “peace deal” failed. Trump left.", &[]),
            None
        );
        assert_eq!(attribution("Trump left. “Fine.”", &[]), None);
        assert_eq!(attribution("Trump said\n“Fine.”", &[]), None);
    }
}
