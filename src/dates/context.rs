//! What surrounds a candidate expression: the words next to it and the tense around it, read from
//! the shared tokens of the [`Document`].

use std::borrow::Cow;
use std::cell::OnceCell;

use super::lexicon::{
    self, FUTURE_CUES, FUTURE_PHRASES, MODAL_CUES, PAST_CUES, REPORTING_FUTURE, REPORTING_VERBS,
};
use super::Date;
use crate::text::{self, Document, TokenKind};

/// How far the tense cues of a weekday are looked for, in tokens: mostly the verb it modifies
/// ("said Thursday", "will meet … Friday"), which comes before it in news sentences.
const CUE_WINDOW_BEFORE: usize = 8;
const CUE_WINDOW_AFTER: usize = 5;
/// After an expression that opens its sentence ("On Wednesday, Mohamed and his father are to
/// travel"): the main clause's subject comes between it and its verb.
const FRONTED_CUE_WINDOW_AFTER: usize = 10;
/// How far back a past cue makes "by Monday" a tally reached rather than a deadline ("was used
/// … over one million times by Thursday night").
const CLAUSE_WINDOW: usize = 16;
/// After a reporting verb (not right after it: "said Friday" dates the saying), how near the
/// reported clause's cue must be to count: its subject and verb ("said in a statement Friday
/// he would meet"), not a later clause ("announced that India would …").
const REPORTED_CUE_WINDOW: usize = 2;

/// Whether the words around an expression place it in the past or the future.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

/// A candidate expression `start..end` (byte offsets) in its document.
pub struct Context<'d, 'a> {
    doc: &'d Document<'a>,
    pub reference: Option<Date>,
    /// The first token of the expression and the one just after it.
    first: usize,
    after: usize,
    /// The tense, found on first asking: rules ask again for the same expression.
    tense: OnceCell<Option<Tense>>,
}

impl<'d, 'a> Context<'d, 'a> {
    /// The context of `start..end`, when it begins and ends at token boundaries: a match inside a
    /// token ("2025" in "10/16/2025", "Oct. 16" in "Oct. 16-18") is not an expression of its own.
    /// A token's final period may be left out: the tokenizer keeps it on abbreviations, and on
    /// words it takes for them ("1990s." ends like the initial "s.").
    pub fn new(
        doc: &'d Document<'a>,
        reference: Option<Date>,
        start: usize,
        end: usize,
    ) -> Option<Context<'d, 'a>> {
        let first = doc.tokens.partition_point(|t| t.start < start);
        let last = doc.tokens.partition_point(|t| t.end < end);
        let period_after = doc.text.as_bytes().get(end) == Some(&b'.');
        let aligned = doc.tokens.get(first).is_some_and(|t| t.start == start)
            && doc
                .tokens
                .get(last)
                .is_some_and(|t| t.end == end || (period_after && t.end == end + 1));
        aligned.then_some(Context {
            doc,
            reference,
            first,
            after: last + 1,
            tense: OnceCell::new(),
        })
    }

    /// The word just before the expression, lowercase, unless a line break separates them.
    pub fn previous(&self) -> Option<String> {
        let i = self.first.checked_sub(1)?;
        (!self.doc.line_break_between(i, self.first)).then(|| self.lower(i).into_owned())
    }

    /// The word just after the expression, lowercase, unless a line break separates them.
    pub fn next(&self) -> Option<String> {
        let i = self.after;
        (i < self.doc.tokens.len() && !self.doc.line_break_between(i - 1, i))
            .then(|| self.lower(i).into_owned())
    }

    /// The word `n` places after the expression (1 is the one just after), lowercase, unless a
    /// line break comes between.
    pub fn word_after(&self, n: usize) -> Option<String> {
        let i = self.after.checked_add(n - 1)?;
        (i < self.doc.tokens.len() && !self.doc.line_break_between(self.after - 1, i))
            .then(|| self.lower(i).into_owned())
    }

    /// The word just after the expression as written, unless a line break separates them.
    pub fn next_token(&self) -> Option<&'a str> {
        let i = self.after;
        (i < self.doc.tokens.len() && !self.doc.line_break_between(i - 1, i))
            .then(|| self.doc.token_text(i))
    }

    /// The word just before the expression as written, unless a line break separates them.
    pub fn previous_token(&self) -> Option<&'a str> {
        let i = self.first.checked_sub(1)?;
        (!self.doc.line_break_between(i, self.first)).then(|| self.doc.token_text(i))
    }

    /// The word `n` places before the expression (1 is the one just before), lowercase, unless
    /// a line break comes between.
    pub fn word_before(&self, n: usize) -> Option<String> {
        let i = self.first.checked_sub(n)?;
        (!self.doc.line_break_between(i, self.first)).then(|| self.lower(i).into_owned())
    }

    /// Whether the word before the expression is one of `cues`.
    pub fn follows(&self, cues: &[&str]) -> bool {
        self.previous().is_some_and(|w| cues.contains(&w.as_str()))
    }

    /// Whether the word after the expression is one of `words`.
    pub fn precedes(&self, words: &[&str]) -> bool {
        self.next().is_some_and(|w| words.contains(&w.as_str()))
    }

    /// Whether the expression is followed, in the same sentence, by a capitalized word that is not
    /// itself temporal: then it is likely part of a name ("August Wilson", "Sunday Times").
    pub fn followed_by_name(&self) -> bool {
        let i = self.after;
        if i >= self.doc.tokens.len() || self.doc.line_break_between(i - 1, i) {
            return false;
        }
        self.doc.is_capitalized(i)
            && !self.doc.starts_sentence(i)
            && !lexicon::is_temporal_word(&self.lower(i))
    }

    /// Whether the expression is preceded by a capitalized word in the middle of a sentence.
    pub fn preceded_by_capitalized(&self) -> bool {
        self.first
            .checked_sub(1)
            .is_some_and(|i| self.doc.is_capitalized(i) && !self.doc.starts_sentence(i))
    }

    /// Whether the expression begins its sentence.
    pub fn starts_sentence(&self) -> bool {
        self.doc.starts_sentence(self.first)
    }

    /// The tense signalled by the nearest cue word, looking first before the expression, then
    /// after it, within its sentence; `None` when there is no cue. A reporting verb right before
    /// ("said Friday", "said on Friday") gives its own tense; one further before leaves it to
    /// the reported clause after, if that has a cue.
    pub fn tense(&self) -> Option<Tense> {
        *self.tense.get_or_init(|| self.find_tense())
    }

    fn find_tense(&self) -> Option<Tense> {
        if let Some(tense) = self.reporting_tense() {
            return Some(tense);
        }
        let sentence = &self.doc.sentences[self.doc.sentence_of(self.first)];
        let before = (sentence.tokens.start..self.first)
            .rev()
            .take(CUE_WINDOW_BEFORE);
        let after = |window: usize| {
            (self.after..sentence.tokens.end)
                .take(window)
                .find_map(|i| self.cue(i))
        };
        match before
            .map(|i| (i, self.cue(i)))
            .find(|(_, cue)| cue.is_some())
        {
            Some((i, _)) if REPORTING_VERBS.contains(&&*self.lower(i)) => {
                after(REPORTED_CUE_WINDOW).or(Some(Tense::Past))
            }
            // "had been due to expire Friday", "had planned to …": a plan now past.
            Some((i, Some(Tense::Future))) if self.past_perfect_before(i) => Some(Tense::Past),
            Some((_, cue)) => cue,
            None if self.first <= sentence.tokens.start + 1 => after(FRONTED_CUE_WINDOW_AFTER),
            None => after(CUE_WINDOW_AFTER),
        }
    }

    /// The tense of the nearest cue after the expression, within its sentence: the verb of the
    /// clause that a possessive expression opens ("Sunday's vote will decide").
    pub fn tense_after(&self) -> Option<Tense> {
        let sentence = &self.doc.sentences[self.doc.sentence_of(self.first)];
        (self.after..sentence.tokens.end)
            .take(CUE_WINDOW_AFTER)
            .find_map(|i| self.cue(i))
    }

    /// Whether the expression is a possessive ("Wednesday's ruling").
    pub fn is_possessive(&self) -> bool {
        self.precedes(&["'s", "’s"])
    }

    /// Whether a past cue comes before the expression in its sentence, within a clause's length.
    pub fn past_before(&self) -> bool {
        let sentence = &self.doc.sentences[self.doc.sentence_of(self.first)];
        (sentence.tokens.start..self.first)
            .rev()
            .take(CLAUSE_WINDOW)
            .any(|i| self.cue(i) == Some(Tense::Past))
    }

    /// The tense of a reporting verb written just before the expression ("said Tuesday", "said
    /// on Saturday"): the expression dates the reporting, whatever the reported clause says.
    /// The past, unless the reporting is itself to come ("will announce Tuesday").
    fn reporting_tense(&self) -> Option<Tense> {
        let mut verb = self.first.checked_sub(1)?;
        if self.lower(verb) == "on" {
            verb = verb.checked_sub(1)?;
        }
        let sentence = &self.doc.sentences[self.doc.sentence_of(self.first)];
        if verb < sentence.tokens.start || !REPORTING_VERBS.contains(&&*self.lower(verb)) {
            return None;
        }
        let ahead = verb > sentence.tokens.start
            && (REPORTING_FUTURE.contains(&&*self.lower(verb - 1))
                || self.cue(verb - 1) == Some(Tense::Future));
        Some(if ahead { Tense::Future } else { Tense::Past })
    }

    /// Whether token `i` is a modal verb of what is to come: not "could have", nor the month
    /// "May".
    fn is_modal(&self, i: usize, word: &str) -> bool {
        if !MODAL_CUES.contains(&word) {
            return false;
        }
        let capitalized = self.doc.is_capitalized(i) && !self.doc.starts_sentence(i);
        let perfect = (i + 1..(i + 3).min(self.doc.tokens.len()))
            .any(|j| matches!(&*self.lower(j), "have" | "’ve" | "'ve"));
        // "could not be reached Monday", "neither could be found": a past inability.
        // "Neither he nor his four grandparents could be located": "neither … nor" scopes over
        // its whole subject.
        let negated = word == "could"
            && ((i + 1 < self.doc.tokens.len() && matches!(&*self.lower(i + 1), "not" | "n't"))
                || (i.saturating_sub(4)..i).any(|j| matches!(&*self.lower(j), "never" | "no"))
                || (i.saturating_sub(8)..i).any(|j| matches!(&*self.lower(j), "neither" | "nor")));
        !capitalized && !perfect && !negated
    }

    /// The tense token `i` signals, if any.
    fn cue(&self, i: usize) -> Option<Tense> {
        if self.doc.tokens[i].kind != TokenKind::Word {
            return None;
        }
        let word = self.lower(i);
        let next = (i + 1 < self.doc.tokens.len()).then(|| self.lower(i + 1));
        let phrase = next
            .as_deref()
            .is_some_and(|next| FUTURE_PHRASES.contains(&(&*word, next)));
        // "the plan", "vacation plans": a noun, not a plan to come; "plans to" is the verb.
        let noun = matches!(&*word, "plan" | "plans") && next.as_deref() != Some("to");
        if noun {
            return None;
        }
        if FUTURE_CUES.contains(&&*word)
            || word.ends_with("’ll")
            || word.ends_with("'ll")
            || phrase
            || self.is_modal(i, &word)
        {
            Some(Tense::Future)
        } else if self.is_passive(i) {
            // "is to be held Friday": a participle after "be" says nothing of the time.
            None
        } else if PAST_CUES.contains(&&*word)
            || (is_past_participle(&word) && !self.is_adjective(i) && !self.is_name(i))
        {
            Some(Tense::Past)
        } else {
            None
        }
    }

    /// Whether token `i` follows a determiner ("a still unspecified date", "the revised plan"):
    /// an adjective, which tells no tense.
    fn is_adjective(&self, i: usize) -> bool {
        let determiner = |j: usize| {
            matches!(
                &*self.lower(j),
                "a" | "an" | "the" | "its" | "his" | "her" | "their" | "this" | "that"
            )
        };
        (i > 0 && determiner(i - 1))
            || (i > 1 && matches!(&*self.lower(i - 1), "still" | "yet") && determiner(i - 2))
    }

    /// Whether token `i` is capitalized inside its sentence: a name ("Mohamed"), not a verb.
    fn is_name(&self, i: usize) -> bool {
        self.doc.is_capitalized(i) && !self.doc.starts_sentence(i)
    }

    /// Whether "had" comes one or two words before token `i` ("had been due", "had planned").
    fn past_perfect_before(&self, i: usize) -> bool {
        (1..=2).any(|back| i >= back && self.lower(i - back) == "had")
    }

    /// Whether token `i` follows a form of "be" or a verb of state (a passive participle, or a
    /// state: "is to be held", "stays closed"), other than the past "was" and "were".
    fn is_passive(&self, i: usize) -> bool {
        i > 0
            && matches!(
                &*self.lower(i - 1),
                "be" | "been" | "being" | "is" | "are" | "stays" | "stay" | "remains" | "remain"
            )
    }

    /// Token `i` in lowercase, borrowed when it is already (ASCII with no capital): most words
    /// looked at are.
    fn lower(&self, i: usize) -> Cow<'a, str> {
        text::lowercase(self.doc.token_text(i))
    }
}

/// Whether a word looks like a past tense or participle: "announced", "killed"; not "succeed",
/// "need" or "speed".
fn is_past_participle(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ed")
        && !word.ends_with("ceed")
        && !matches!(word, "speed" | "breed" | "bleed" | "indeed")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context_of<'d, 'a>(doc: &'d Document<'a>, word: &str) -> Context<'d, 'a> {
        let start = doc.text.find(word).unwrap();
        Context::new(doc, None, start, start + word.len()).unwrap()
    }

    #[test]
    fn only_whole_tokens_make_a_context() {
        let doc = Document::new("On 10/16/2025 and Oct. 16-18.");
        let inside = doc.text.find("2025").unwrap();
        assert!(Context::new(&doc, None, inside, inside + 4).is_none());
        let oct = doc.text.find("Oct.").unwrap();
        assert!(Context::new(&doc, None, oct, oct + 7).is_none());
        assert!(Context::new(&doc, None, oct, oct + 4).is_some());
    }

    #[test]
    fn neighbours() {
        let doc = Document::new("He left in May and the Sunday Times said so.\nMay");
        let may = context_of(&doc, "May");
        assert_eq!(may.previous().as_deref(), Some("in"));
        assert_eq!(may.next().as_deref(), Some("and"));
        assert!(may.follows(&["in"]) && may.precedes(&["and"]));
        assert!(!may.followed_by_name());
        assert!(context_of(&doc, "Sunday").followed_by_name());
        assert!(!context_of(&doc, "Sunday").preceded_by_capitalized());
        let last = doc.text.rfind("May").unwrap();
        let alone = Context::new(&doc, None, last, last + 3).unwrap();
        assert_eq!(alone.previous(), None);
        assert_eq!(alone.next(), None);
    }

    #[test]
    fn nearest_cue_sets_the_tense() {
        let tense = |text: &str, word: &str| context_of(&Document::new(text), word).tense();
        // Right after a reporting verb: the reporting's tense.
        assert_eq!(
            tense("Trump said Thursday he plans to go.", "Thursday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense("He will announce Friday what he plans.", "Friday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense("Storms could arrive Monday.", "Monday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense("He could have left Monday.", "Monday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense("She will succeed him Monday.", "Monday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense(
                "It came ahead of his scheduled White House meeting Friday.",
                "Friday"
            ),
            Some(Tense::Future)
        );
        assert_eq!(
            tense(
                "He announced Wednesday that India would halt it.",
                "Wednesday"
            ),
            Some(Tense::Past)
        );
        assert_eq!(
            tense("He said he would meet Putin Friday.", "Friday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense("Trump said Friday he would meet Putin.", "Friday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense("He said Friday that talks failed.", "Friday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense("He said Friday in a speech.", "Friday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense("On Friday, the board will vote.", "Friday"),
            Some(Tense::Future)
        );
        assert_eq!(tense("They’ll talk Monday.", "Monday"), Some(Tense::Future));
        assert_eq!(tense("A meeting Friday.", "Friday"), None);
        assert_eq!(
            tense("Talks are set to resume Monday.", "Monday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense("It is to resume trading Tuesday.", "Tuesday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense("He could come as soon as Tuesday.", "Tuesday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense("The vote is to be held from November 20.", "November"),
            Some(Tense::Future)
        );
        assert_eq!(tense("It was held on Friday.", "Friday"), Some(Tense::Past));
    }
}
