//! Finds who a quotation is attributed to, from the words right around it:
//! after it (`“…,” Trump wrote.`, `“…,” said Tom Suozzi`, `“…,” he said`) or before it
//! (`Trump said: “…”`, `Trump wrote in a post, “…”`, a `… continued:` line before the paragraph).

use std::ops::Range;

use crate::text::{data_lines, lowercase, Document, FastSet, TokenKind};
use crate::{Kind, Span};

/// The word lists of attribution, loaded once.
pub struct Lists {
    /// Cue verbs and phrases, lowercase ("said", "according to").
    cues: FastSet<&'static str>,
    /// The first words of the two-word cues ("according"): only after one is a phrase looked up.
    phrase_starts: FastSet<&'static str>,
    pronouns: FastSet<&'static str>,
    determiners: FastSet<&'static str>,
    /// Small words between a speaker and the cue ("Trump also said").
    between: FastSet<&'static str>,
    /// Lowercase words that are no noun nor verb of attribution ("and", "was").
    pub function_words: FastSet<&'static str>,
}

impl Lists {
    pub fn new() -> Lists {
        Lists {
            cues: data_lines(include_str!("cues.txt")).collect(),
            phrase_starts: data_lines(include_str!("cues.txt"))
                .filter_map(|cue| cue.split_once(' ').map(|(first, _)| first))
                .collect(),
            pronouns: data_lines(include_str!("pronouns.txt")).collect(),
            determiners: data_lines(include_str!("determiners.txt")).collect(),
            between: data_lines(include_str!("between.txt")).collect(),
            function_words: data_lines(include_str!("function_words.txt")).collect(),
        }
    }
}

impl Lists {
    /// Whether `word` (lowercase) is a one-word cue.
    pub fn is_cue(&self, word: &str) -> bool {
        self.cues.contains(word)
    }
}

impl Default for Lists {
    fn default() -> Lists {
        Lists::new()
    }
}

/// A speaker mention: byte range and the entity it belongs to, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub entity: Option<usize>,
    /// Whether it is a pronoun (its entity is then resolved from the context).
    pub pronoun: bool,
}

/// A speaker with the cue that attributes the quotation to them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Mention,
    /// The cue as written ("wrote", "according to"); `None` when the speaker is only inferred
    /// from the context (the subject of the sentence around a quoted fragment, a headline's
    /// `Name: ‘…’`).
    pub cue: Option<String>,
}

/// How far back the start of a sentence is looked for, in tokens.
const SENTENCE: usize = 120;
/// How far before a quotation its cue may stand, in tokens.
const WINDOW: usize = 60;
/// How long a speaker phrase may be, in tokens ("Michael Mulgrew, president of the union, who
/// …, said"); measured on PolNeAR train.
const PHRASE: usize = 28;

/// Words of a transcript's speaker label (`"MR. TRUMP: …`), at most.
const LABEL_WORDS: usize = 3;

/// Tokens between a person's name and a "he" or "she" standing for it (`Trump said he
/// believes`), at most; measured on PolNeAR train.
const ANTECEDENT_GAP: usize = 8;

/// Tokens of an opening phrase before a sentence's subject ("For now, the administration …"),
/// comma included, at most.
const OPENING_PHRASE: usize = 5;

/// Which side of the cue a speaker phrase stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    BeforeCue,
    AfterCue,
}
/// Words of a common-noun speaker after its determiner ("the White House press secretary").
const NOUN_WORDS: usize = 4;

/// Words of a capitalized speaker name ("Tom Suozzi"), at most.
const NAME_WORDS: usize = 5;

/// The attribution finder for one document.
pub struct Attributor<'a> {
    doc: &'a Document<'a>,
    lists: &'a Lists,
    /// Entity mentions sorted by start; they never overlap.
    entities: Vec<&'a Span>,
    /// The person mentions among them, for pronoun speakers.
    persons: Vec<&'a Span>,
    /// Per token: whether it ends its sentence ("(D-Md.)" does not).
    sentence_end: Vec<bool>,
    /// The byte ranges of the document's quotations, sorted: no subject is looked for inside.
    quoted: Vec<(usize, usize)>,
}

impl<'a> Attributor<'a> {
    pub fn new(doc: &'a Document<'a>, lists: &'a Lists, spans: &'a [Span]) -> Attributor<'a> {
        let mut entities: Vec<&Span> = spans.iter().filter(|s| s.kind.is_entity()).collect();
        entities.sort_by_key(|s| s.start);
        let persons = entities
            .iter()
            .copied()
            .filter(|s| s.kind == Kind::Person)
            .collect();
        let mut sentence_end = vec![false; doc.tokens.len()];
        for sentence in &doc.sentences {
            let last = sentence.tokens.end - 1;
            let final_punct = doc.tokens[last].kind == TokenKind::Punct;
            sentence_end[last] = final_punct && matches!(doc.token_text(last), "." | "!" | "?");
        }
        Attributor {
            doc,
            lists,
            entities,
            persons,
            sentence_end,
            quoted: Vec::new(),
        }
    }

    /// Tells the attributor where the quotations are (sorted, not overlapping).
    pub fn set_quotations(&mut self, quoted: Vec<(usize, usize)>) {
        self.quoted = quoted;
    }

    /// The first token of the quotation whose closing mark is token `i`, when that quotation is
    /// a fragment inside its sentence (its words end on no punctuation).
    fn fragment_ending_at(&self, i: usize) -> Option<usize> {
        let end = self.doc.tokens[i].end;
        let k = self.quoted.partition_point(|&(_, e)| e < end);
        let &(start, e) = self.quoted.get(k)?;
        let fragment = e == end
            && !matches!(
                quoted_ending(self.doc.text, start, end),
                Some('.' | ',' | '!' | '?' | ':' | ';')
            );
        let first = self.doc.token_at_or_after(start);
        (fragment && first < i).then_some(first)
    }

    /// Whether token `i` is inside a quotation.
    fn is_quoted(&self, i: usize) -> bool {
        let at = self.doc.tokens[i].start;
        let k = self.quoted.partition_point(|&(_, end)| end <= at);
        self.quoted.get(k).is_some_and(|&(start, _)| start <= at)
    }

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
            // Inside a sentence the cue before the quotation comes first.
            before_quote().or_else(after_quote).or_else(any_verb)
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
            .map(|a| self.resolve_pronoun(a, start))
    }

    /// `Kasich resisted: “…”`: a quotation right after a colon, with no cue in reach, is what
    /// the subject of the clause before the colon said: its first person or pronoun after the
    /// last comma, else the sentence's subject.
    fn colon_clause(&self, opening: usize) -> Option<Attribution> {
        let colon = opening.checked_sub(1)?;
        if self.text(colon) != Some(":") || self.doc.line_break_between(colon, opening) {
            return None;
        }
        let sentence = self.sentence_start(colon);
        let clause = (sentence..colon)
            .rev()
            .find(|&t| self.doc.token_text(t) == ",")
            .map_or(sentence, |comma| comma + 1);
        let person = |kind: Kind| kind == Kind::Person;
        let speaker = (clause..colon)
            .filter(|&t| !self.is_quoted(t))
            .find_map(|t| {
                self.entity_mention(t, &person).or_else(|| {
                    self.is_pronoun(self.doc.token_text(t))
                        .then(|| self.pronoun(t))
                })
            })
            .or_else(|| self.sentence_subject(colon))?;
        Some(Attribution { speaker, cue: None })
    }

    /// `“…” ― Jorge Falcon`: a dash after the quotation and a name ending the paragraph sign
    /// it, as under a letter or a collection of voices.
    fn signature_after(&self, end: usize) -> Option<Attribution> {
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
    fn label_inside(&self, start: usize) -> Option<Attribution> {
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

    /// The mention of the name in tokens `first..end`, with the entity that covers it.
    fn name_mention(&self, first: usize, end: usize) -> Mention {
        let range = self.byte_range(first, end);
        let entity = self
            .entity_at(range.0)
            .filter(|&((start, stop), _)| start >= range.0 && stop <= range.1)
            .map(|(_, entity)| entity);
        self.mention(range, entity)
    }

    /// `Cruz has railed against what he calls “…”`: a "he" or "she" close after a person named
    /// in its clause (no comma between) stands for that person; the name says who spoke.
    fn named_in_sentence(&self, mut attribution: Attribution) -> Attribution {
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

    /// Whether the attribution `found` after a quotation ending at byte `end` is a short one
    /// that ends its sentence right after the speaker (`Trump said.`).
    fn short_after(&self, end: usize, found: &Attribution) -> bool {
        let last = found.speaker.end.max(end);
        let next = self.doc.token_at_or_after(last);
        let words = self.doc.text[end..last].split_whitespace().count();
        let ends_soon = (next..(next + 3).min(self.doc.tokens.len())).any(|t| self.sentence_end[t]);
        words <= 4 && ends_soon
    }

    /// Whether the quotation whose mark is token `opening` starts its sentence or line.
    fn opens_sentence(&self, opening: usize) -> bool {
        opening == 0
            || self.doc.line_break_between(opening - 1, opening)
            || matches!(
                self.doc.token_text(opening - 1),
                "." | "!" | "?" | "”" | "\""
            )
    }

    /// `“…,” Trump wrote` / `“…,” said Caddell` / `“…,” Quina Jones, 25, said`.
    fn after_quote(&self, mut i: usize) -> Option<Attribution> {
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
        let (cue, _) = self.cue_at(cue_at)?;
        self.choose(i..cue_at, Side::BeforeCue)
            .map(|speaker| Attribution {
                speaker,
                cue: Some(cue),
            })
    }

    /// `“…!” the crowd cried out` / `“…,” he surmised`: after a quotation announcing its
    /// attribution, a pronoun, a person or a noun phrase followed by a lowercase word, taken as
    /// the verb (not in the cue list).
    fn after_quote_any_verb(&self, i: usize, allowed: bool) -> Option<Attribution> {
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

    fn takes_base_form(&self, speaker: &Mention) -> bool {
        let word = self.doc.text[speaker.start..speaker.end].to_lowercase();
        speaker.pronoun && matches!(word.as_str(), "they" | "we" | "i")
    }

    /// `Trump said: “…”` / `Trump wrote in a post, “…”` / `said Trump: “…”`: the nearest cue
    /// before the quotation in its sentence, and who is before it (else after it). A quotation
    /// opening a paragraph looks into the previous line when that ends with a colon
    /// (`Caddell continued:`).
    fn before_quote(&self, opening: usize) -> Option<Attribution> {
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
                let found = if participle {
                    sentence().or_else(|| self.subject_before(i))
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

    /// `…, Schiff said. “…”` / `said Obama. “…”`: a sentence just before the quotation, in its
    /// paragraph, that ends with an attribution.
    fn sentence_before(&self, opening: usize) -> Option<Attribution> {
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

    /// The subject of a cue at token `cue` in its clause: a person or pronoun nearest the cue, the
    /// phrase right before it, the sentence's subject, then an organization or place.
    fn subject_before(&self, cue: usize) -> Option<Mention> {
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
        let person = |kind: Kind| kind == Kind::Person;
        clause
            .clone()
            .rev()
            .find_map(|t| {
                self.entity_mention(t, &person).or_else(|| {
                    self.is_pronoun(self.doc.token_text(t))
                        .then(|| self.pronoun(t))
                })
            })
            .or_else(|| self.speaker_ending_before(cue))
            .or_else(|| self.sentence_subject(cue))
            .or_else(|| self.choose_named(clause, Side::BeforeCue))
    }

    /// The first token of the sentence holding token `i`, not before a line break.
    fn sentence_start(&self, i: usize) -> usize {
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
    fn sentence_subject(&self, i: usize) -> Option<Mention> {
        let start = self.sentence_start(i);
        // Skip an opening mark or bracket.
        let first = (start..i).find(|&t| self.doc.tokens[t].kind != TokenKind::Punct)?;
        let person = |kind: Kind| kind == Kind::Person;
        let first_person = (first..i).filter(|&t| !self.is_quoted(t)).find_map(|t| {
            self.entity_mention(t, &person).or_else(|| {
                self.is_pronoun(self.doc.token_text(t))
                    .then(|| self.pronoun(t))
            })
        });
        first_person
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
                let sentence = self.doc.sentence_of(opening);
                let previous = sentence.checked_sub(1)?;
                let last = self.doc.sentences[previous].tokens.end.checked_sub(1)?;
                (last < opening)
                    .then(|| self.sentence_subject(last))
                    .flatten()
            }
        })?;
        Some(self.resolve_pronoun(
            Attribution {
                speaker: found,
                cue: None,
            },
            start,
        ))
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
    fn headline_speaker(&self, opening: usize) -> Option<Mention> {
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

    /// Where the subject of a cue at `cue` can start: after the last clause end or line break,
    /// at most [`PHRASE`] tokens back.
    fn clause_start(&self, cue: usize) -> usize {
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
    fn phrase_end(&self, from: usize) -> usize {
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
    fn choose(&self, phrase: Range<usize>, side: Side) -> Option<Mention> {
        // "said one source who identified Sullivan": a noun phrase right after the cue.
        if side == Side::AfterCue && !phrase.is_empty() {
            let first = self.doc.token_text(phrase.start).to_lowercase();
            if self.lists.determiners.contains(first.as_str()) {
                if let Some((speaker, _)) = self.speaker_from(phrase.start) {
                    return Some(speaker);
                }
            }
        }
        self.choose_named(phrase.clone(), side)
            .or_else(|| match side {
                Side::BeforeCue => self.speaker_ending_before(phrase.end),
                Side::AfterCue => self.speaker_from(phrase.start).map(|(speaker, _)| speaker),
            })
    }

    /// A person, pronoun, organization or place among the tokens `phrase`, nearest the cue.
    fn choose_named(&self, phrase: Range<usize>, side: Side) -> Option<Mention> {
        if phrase.is_empty() {
            return None;
        }
        let order: Vec<usize> = match side {
            Side::BeforeCue => phrase.clone().rev().collect(),
            Side::AfterCue => phrase.clone().collect(),
        };
        let entity = |wanted: &dyn Fn(Kind) -> bool| {
            order.iter().find_map(|&t| self.entity_mention(t, wanted))
        };
        entity(&|kind| kind == Kind::Person)
            .or_else(|| {
                let pronoun = order
                    .iter()
                    .find(|&&t| self.is_pronoun(self.doc.token_text(t)));
                pronoun.map(|&t| self.pronoun(t))
            })
            .or_else(|| entity(&|kind| matches!(kind, Kind::Organization | Kind::Place)))
    }

    /// The entity mention starting at token `i`, when its kind is wanted and it is not a
    /// possessive.
    fn entity_mention(&self, i: usize, wanted: &dyn Fn(Kind) -> bool) -> Option<Mention> {
        let start = self.doc.tokens[i].start;
        let span = self
            .entities
            .get(self.entities.partition_point(|s| s.start < start))?;
        let after = self.doc.token_at_or_after(span.end);
        // "Clinton’s spokesman", "Sanders’ campaign manager".
        let possessive = self.text(after).is_some_and(|t| {
            is_possessive(t)
                || (matches!(t, "’" | "'")
                    && self.doc.tokens[after].start == span.end
                    && span.text.ends_with('s'))
        });
        (span.start == start && wanted(span.kind) && !possessive)
            .then(|| self.mention((span.start, span.end), span.entity))
    }

    /// A sentence end or another quotation's closing mark: the cue must be nearer.
    fn ends_clause(&self, i: usize) -> bool {
        self.sentence_end[i]
            || (self.doc.tokens[i].kind == TokenKind::Punct
                && matches!(self.doc.token_text(i), "”" | "\""))
    }

    /// The cue starting at token `i`, as written, and the token after it.
    fn cue_at(&self, i: usize) -> Option<(String, usize)> {
        let first = lowercase(self.text(i)?);
        // Cheap first: most tokens are no cue, and only a few words begin a two-word one.
        let phrase = || {
            let second = self.text(i + 1)?.to_lowercase();
            Some(format!("{first} {second}"))
        };
        let len = if self.lists.phrase_starts.contains(first.as_ref())
            && phrase().is_some_and(|p| self.lists.cues.contains(p.as_str()))
        {
            2
        } else if self.lists.cues.contains(first.as_ref()) {
            1
        } else {
            return None;
        };
        let (start, end) = (self.doc.tokens[i].start, self.doc.tokens[i + len - 1].end);
        Some((self.doc.text[start..end].to_string(), i + len))
    }

    /// The speaker starting at token `i` and the token after it: an entity mention, a pronoun,
    /// a capitalized name, or a determiner and a few words ("the president").
    fn speaker_from(&self, i: usize) -> Option<(Mention, usize)> {
        let token = *self.doc.tokens.get(i)?;
        if let Some((span, entity)) = self.entity_at(token.start) {
            let next = self.doc.token_at_or_after(span.1);
            return Some((self.mention(span, Some(entity)), next));
        }
        let text = self.doc.token_text(i);
        if self.is_pronoun(text) {
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
    fn speaker_ending_before(&self, cue: usize) -> Option<Mention> {
        let mut last = cue.checked_sub(1)?;
        while last > 0 && self.lists.between.contains(self.doc.token_text(last)) {
            last -= 1;
        }
        let token = self.doc.tokens[last];
        if let Some((span, entity)) = self.entity_at(token.start) {
            return (span.1 == token.end).then(|| self.mention(span, Some(entity)));
        }
        if self.is_pronoun(self.doc.token_text(last)) {
            return Some(self.pronoun(last));
        }
        let first = self.name_run_start(last);
        if first <= last {
            return Some(self.mention(self.byte_range(first, last + 1), None));
        }
        self.noun_phrase_ending_at(last)
    }

    /// "the president" ending at token `last`: a determiner up to [`NOUN_WORDS`] words back.
    fn noun_phrase_ending_at(&self, last: usize) -> Option<Mention> {
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
        Some(self.mention(self.byte_range(first, last + 1), None))
    }

    /// The end of the words after a determiner, stopping at a cue, punctuation or a clause word.
    fn noun_end(&self, from: usize) -> usize {
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
    fn name_run_end(&self, i: usize) -> usize {
        let mut end = i;
        while end < self.doc.tokens.len() && end < i + NAME_WORDS && self.is_name_word(end) {
            end += 1;
        }
        end
    }

    /// The start of a run of capitalized words ending at `last` (`last + 1` when none).
    fn name_run_start(&self, last: usize) -> usize {
        let mut first = last + 1;
        while first > 0 && self.is_name_word(first - 1) && first + NAME_WORDS > last + 1 {
            first -= 1;
        }
        first
    }

    fn is_name_word(&self, i: usize) -> bool {
        let text = self.doc.token_text(i);
        self.doc.tokens[i].kind == TokenKind::Word
            && text.starts_with(char::is_uppercase)
            && !self.is_pronoun(text)
            && !self
                .lists
                .determiners
                .contains(text.to_lowercase().as_str())
    }

    fn is_pronoun(&self, text: &str) -> bool {
        // "I" only in capitals; the others in any case ("He said").
        text == "I" || (text != "i" && self.lists.pronouns.contains(text.to_lowercase().as_str()))
    }

    fn pronoun(&self, i: usize) -> Mention {
        let token = self.doc.tokens[i];
        Mention {
            pronoun: true,
            ..self.mention((token.start, token.end), None)
        }
    }

    /// A "he" or "she" speaker is the most recent person named before the quotation.
    fn resolve_pronoun(&self, mut attribution: Attribution, quote_start: usize) -> Attribution {
        let speaker = &mut attribution.speaker;
        let word = self.doc.text[speaker.start..speaker.end].to_lowercase();
        if speaker.pronoun && matches!(word.as_str(), "he" | "she") {
            let before = self.persons.partition_point(|s| s.start < quote_start);
            speaker.entity = before
                .checked_sub(1)
                .and_then(|last| self.persons[last].entity);
        }
        attribution
    }

    /// The entity mention covering byte `at`, as (byte range, entity id).
    fn entity_at(&self, at: usize) -> Option<((usize, usize), usize)> {
        let i = self.entities.partition_point(|s| s.end <= at);
        let span = self.entities.get(i)?;
        (span.start <= at).then_some(((span.start, span.end), span.entity?))
    }

    fn mention(&self, (start, end): (usize, usize), entity: Option<usize>) -> Mention {
        Mention {
            start,
            end,
            entity,
            pronoun: false,
        }
    }

    fn byte_range(&self, first: usize, end: usize) -> (usize, usize) {
        (self.doc.tokens[first].start, self.doc.tokens[end - 1].end)
    }

    fn text(&self, i: usize) -> Option<&'a str> {
        (i < self.doc.tokens.len()).then(|| self.doc.token_text(i))
    }
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s")
}

/// The last character of the quoted words inside the closing marks (`.` in `“… done.”`).
fn quoted_ending(text: &str, start: usize, end: usize) -> Option<char> {
    text[start..end]
        .trim_end_matches(['”', '"', '’', '»', '\'', ' '])
        .chars()
        .next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entity span over the first occurrence of `name` at or after byte `from`.
    fn entity(text: &str, name: &str, from: usize, kind: Kind, id: usize) -> Span {
        let start = from + text[from..].find(name).unwrap();
        let mut span = Span::new(text, start, start + name.len(), kind);
        span.entity = Some(id);
        span
    }

    /// The attribution of the first quotation of `text` as (speaker text, entity, cue).
    fn attribution(text: &str, spans: &[Span]) -> Option<(String, Option<usize>, String)> {
        let doc = Document::new(text);
        let lists = Lists::new();
        let quotation = super::super::marks::quotations(text)[0];
        Attributor::new(&doc, &lists, spans)
            .attribute(quotation.start, quotation.end)
            .map(|a| {
                let s = a.speaker;
                (
                    text[s.start..s.end].to_string(),
                    s.entity,
                    a.cue.unwrap_or_default(),
                )
            })
    }

    fn expect(
        speaker: &str,
        entity: Option<usize>,
        cue: &str,
    ) -> Option<(String, Option<usize>, String)> {
        Some((speaker.to_string(), entity, cue.to_string()))
    }

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
    fn pronoun_links_to_the_last_person_before() {
        let text = "Putin met Trump. “It went well,” he said.";
        let spans = [
            entity(text, "Putin", 0, Kind::Person, 0),
            entity(text, "Trump", 0, Kind::Person, 1),
        ];
        assert_eq!(attribution(text, &spans), expect("he", Some(1), "said"));
        let plural = "Putin met Trump. “It went well,” they said.";
        assert_eq!(attribution(plural, &spans), expect("they", None, "said"));
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
        let third = super::super::marks::quotations(text)[2];
        let found = Attributor::new(&doc, &lists, std::slice::from_ref(&obama))
            .attribute(third.start, third.end)
            .unwrap();
        assert_eq!(&text[found.speaker.start..found.speaker.end], "Obama");
    }

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
