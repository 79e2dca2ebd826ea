//! Who says "I" in a first-person text: a person introducing themself, the person a short
//! first line names, or the name signing a letter.

use super::*;

/// Words of a first line that names a first-person text's speaker ("Biologist Nick Bos tells
/// …"), at most.
const HEADLINE_WORDS: usize = 25;

impl<'a> Attributor<'a> {
    /// Who says "I" in a first-person text: a person introducing themself ("my name is Ana",
    /// "I'm Ana", "it's Ana here"), else the person a short first line opens with ("Biologist
    /// Nick Bos tells …", "Pelosi Floor Speech …"; not a salutation, "Dear Jean,"), else the
    /// name signing a letter (the last line, after a closing line ending with a comma), of any
    /// kind.
    pub(super) fn narrator(&self) -> Option<usize> {
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
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

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
