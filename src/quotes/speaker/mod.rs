//! Finds who a quotation is attributed to, from the words right around it:
//! after it (`“…,” Trump wrote.`, `“…,” said Tom Suozzi`, `“…,” he said`) or before it
//! (`Trump said: “…”`, `Trump wrote in a post, “…”`, a `… continued:` line before the paragraph).
//!
//! [`Attributor`] holds the document's tokens, entity mentions and quotations, with the small
//! token helpers; its work is split by seam: [`patterns`] (the attribution patterns around a
//! quotation), [`subjects`] (the speaker phrase: a cue's subject, a sentence's subject),
//! [`pronouns`] (whom a pronoun speaker stands for), [`genders`] (what the text tells of its
//! people: gender, and names the tagger gave another kind that are a person's) and
//! [`narrator`] (who says "I" in a first-person text).

mod genders;
mod narrator;
mod patterns;
mod pronouns;
mod subjects;

use std::cell::OnceCell;

pub use genders::Gender;
pub use pronouns::Chain;

use crate::text::{data_lines, lowercase, Document, FastMap, FastSet, TokenKind};
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
    /// Given names that tell a gender ("elizabeth" → female), lowercase.
    given_names: FastMap<&'static str, Gender>,
    /// Titles that tell a gender ("mr", "ms"), lowercase, without their period.
    titles: FastMap<&'static str, Gender>,
    /// Words opening a subordinate or opening clause before a sentence's subject ("when").
    openers: FastSet<&'static str>,
    /// Prepositions: a noun phrase after one is no subject ("through the streets").
    prepositions: FastSet<&'static str>,
    /// Nouns of documents that speak for whoever wrote them ("letter", "statement").
    documents: FastSet<&'static str>,
    /// Participles whose agent only got hold of the words ("obtained by The Ledger").
    obtainers: FastSet<&'static str>,
}

/// The `f name` / `m name` lines of a data file.
/// A gendered word list: lines of a gender code and its words (`f ada alice …`).
fn gendered(data: &'static str) -> FastMap<&'static str, Gender> {
    data_lines(data)
        .filter_map(|line| {
            let (code, words) = line.split_once(' ')?;
            let gender = Gender::from_code(code)?;
            Some(words.split_whitespace().map(move |word| (word, gender)))
        })
        .flatten()
        .collect()
}

impl Lists {
    pub fn new() -> Lists {
        Lists {
            cues: data_lines(data_file!("quotes/cues.txt")).collect(),
            phrase_starts: data_lines(data_file!("quotes/cues.txt"))
                .filter_map(|cue| cue.split_once(' ').map(|(first, _)| first))
                .collect(),
            pronouns: data_lines(data_file!("quotes/pronouns.txt")).collect(),
            determiners: data_lines(data_file!("quotes/determiners.txt")).collect(),
            between: data_lines(data_file!("quotes/between.txt")).collect(),
            function_words: data_lines(data_file!("quotes/function_words.txt")).collect(),
            given_names: gendered(data_file!("quotes/given_names.txt")),
            titles: gendered(data_file!("quotes/titles.txt")),
            documents: data_lines(data_file!("quotes/documents.txt")).collect(),
            obtainers: data_lines(data_file!("quotes/obtainers.txt")).collect(),
            openers: data_lines(data_file!("quotes/openers.txt")).collect(),
            prepositions: data_lines(data_file!("quotes/prepositions.txt")).collect(),
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

/// Tokens from the start of its sentence within which a person is the sentence's subject
/// ("Senior researcher Mu Li said"): only such a person is an antecedent for a pronoun later
/// in the same sentence ("Huang met Trump …, where he told" → Huang), or names a first-person
/// text's speaker on its first line.
const SUBJECT_START: usize = 3;

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
    /// Entity mentions sorted by start; they never overlap. A name the tagger gave another kind
    /// is a person's when its mentions say so (see [`genders::person_like`]).
    entities: Vec<Span>,
    /// The person mentions among them, for pronoun speakers.
    persons: Vec<Span>,
    /// Per token: whether it ends its sentence ("(D-Md.)" does not).
    sentence_end: Vec<bool>,
    /// Per token: whether it is a quotation's opening mark that starts a sentence though the
    /// splitter, taking a straight mark for a closing one, ended the sentence before with it
    /// (`Schiff said. "The …`).
    opens_late: Vec<bool>,
    /// The byte ranges of the document's quotations, sorted: no subject is looked for inside.
    quoted: Vec<(usize, usize)>,
    /// The kind of each entity, by id.
    kinds: FastMap<usize, Kind>,
    /// The gender the text tells of each person entity, by id.
    genders: FastMap<usize, Gender>,
    /// Who says "I" in the text, once looked for.
    narrator: OnceCell<Option<usize>>,
    /// The person of each gender the text is about, once looked for.
    topics: [OnceCell<Option<usize>>; 2],
}

impl<'a> Attributor<'a> {
    pub fn new(doc: &'a Document<'a>, lists: &'a Lists, spans: &'a [Span]) -> Attributor<'a> {
        let mut entities: Vec<Span> = spans
            .iter()
            .filter(|s| s.kind.is_entity())
            .cloned()
            .collect();
        entities.sort_by_key(|s| s.start);
        let people = genders::person_like(doc, lists, &entities);
        for span in &mut entities {
            if span.entity.is_some_and(|e| people.contains(&e)) {
                span.kind = Kind::Person;
            }
        }
        let persons: Vec<Span> = entities
            .iter()
            .filter(|s| s.kind == Kind::Person)
            .cloned()
            .collect();
        let kinds = entities
            .iter()
            .filter_map(|s| Some((s.entity?, s.kind)))
            .collect();
        let genders = genders::genders(doc, lists, &persons);
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
            opens_late: vec![false; doc.tokens.len()],
            sentence_end,
            quoted: Vec::new(),
            kinds,
            genders,
            narrator: OnceCell::new(),
            topics: [OnceCell::new(), OnceCell::new()],
        }
    }

    /// Tells the attributor where the quotations are (sorted, not overlapping).
    pub fn set_quotations(&mut self, quoted: Vec<(usize, usize)>) {
        for &(start, _) in &quoted {
            let opening = self.doc.token_at_or_after(start);
            let Some(before) = opening.checked_sub(1) else {
                continue;
            };
            let sentence = &self.doc.sentences[self.doc.sentence_of(opening)];
            let ends_with_mark =
                sentence.tokens.end == opening + 1 && opening + 1 < self.doc.tokens.len();
            if ends_with_mark && matches!(self.doc.token_text(before), "." | "!" | "?") {
                self.sentence_end[before] = true;
                self.opens_late[opening] = true;
            }
        }
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

    /// Whether the bytes `from..to` cross no sentence end nor line break.
    pub fn in_one_sentence(&self, from: usize, to: usize) -> bool {
        let (first, end) = (
            self.doc.token_at_or_after(from),
            self.doc.token_at_or_after(to),
        );
        !self.doc.text[from..to].contains('\n') && !(first..end).any(|t| self.sentence_end[t])
    }

    /// Whether token `i` is inside a quotation.
    fn is_quoted(&self, i: usize) -> bool {
        let at = self.doc.tokens[i].start;
        let k = self.quoted.partition_point(|&(_, end)| end <= at);
        self.quoted.get(k).is_some_and(|&(start, _)| start <= at)
    }

    /// The mention of the name in tokens `first..end`, with the last entity inside it (its head:
    /// "Khaled Al-Maeena" where only "Al-Maeena" was recognized).
    fn name_mention(&self, first: usize, end: usize) -> Mention {
        let range = self.byte_range(first, end);
        let entity = self
            .entities_within(range.0, range.1)
            .iter()
            .rev()
            .find_map(|s| s.entity);
        self.mention(range, entity)
    }

    /// The entity mentions lying inside the bytes `from..to`, in text order.
    fn entities_within(&self, from: usize, to: usize) -> &[Span] {
        // Sorted by start and never overlapping: their ends are sorted too.
        let first = self.entities.partition_point(|s| s.start < from);
        let end = self.entities.partition_point(|s| s.end <= to).max(first);
        &self.entities[first..end]
    }

    /// The entity mentions starting before byte `at`, in text order.
    fn entities_before(&self, at: usize) -> &[Span] {
        &self.entities[..self.entities.partition_point(|s| s.start < at)]
    }

    /// The entity mention covering byte `at`.
    fn span_at(&self, at: usize) -> Option<&Span> {
        let span = self
            .entities
            .get(self.entities.partition_point(|s| s.end <= at))?;
        (span.start <= at).then_some(span)
    }

    /// The first person mention (not one who only obtained the words: "obtained by The
    /// Ledger") or pronoun among `tokens`, outside quotations, in the order given.
    fn person_or_pronoun(&self, tokens: impl Iterator<Item = usize>) -> Option<Mention> {
        let person = |kind: Kind| kind == Kind::Person;
        tokens.filter(|&t| !self.is_quoted(t)).find_map(|t| {
            self.entity_mention(t, &person)
                .filter(|m| !self.obtained_by(m))
                .or_else(|| self.is_pronoun_at(t).then(|| self.pronoun(t)))
        })
    }

    /// The entity mention starting at token `i`, when its kind is wanted and it is not a
    /// possessive.
    fn entity_mention(&self, i: usize, wanted: &dyn Fn(Kind) -> bool) -> Option<Mention> {
        let start = self.doc.tokens[i].start;
        let span = self.span_at(start).filter(|span| span.start == start)?;
        let after = self.doc.token_at_or_after(span.end);
        // "Clinton’s spokesman", "Sanders’ campaign manager".
        let possessive = self.text(after).is_some_and(|t| {
            is_possessive(t)
                || (matches!(t, "’" | "'")
                    && self.doc.tokens[after].start == span.end
                    && span.text.ends_with('s'))
        });
        (wanted(span.kind) && !possessive)
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

    fn is_pronoun(&self, text: &str) -> bool {
        // "I" only in capitals; the others in any case ("He said").
        text == "I" || (text != "i" && self.lists.pronouns.contains(text.to_lowercase().as_str()))
    }

    /// Whether token `i` is a pronoun that can be a speaker: not an "it" that only fills the
    /// subject's place ("It is a line by …", "it's", "it would take").
    fn is_pronoun_at(&self, i: usize) -> bool {
        let text = self.doc.token_text(i);
        let placeholder = lowercase(text) == "it"
            && self.text(i + 1).is_some_and(|next| {
                is_possessive(next) || self.lists.function_words.contains(lowercase(next).as_ref())
            });
        self.is_pronoun(text) && !placeholder
    }

    fn pronoun(&self, i: usize) -> Mention {
        let token = self.doc.tokens[i];
        Mention {
            pronoun: true,
            ..self.mention((token.start, token.end), None)
        }
    }

    /// The entity mention covering byte `at`, as (byte range, entity id).
    fn entity_at(&self, at: usize) -> Option<((usize, usize), usize)> {
        let span = self.span_at(at)?;
        Some(((span.start, span.end), span.entity?))
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

/// Helpers for the tests of the seams.
#[cfg(test)]
mod testing {
    use super::*;

    /// An entity span over the first occurrence of `name` at or after byte `from`.
    pub fn entity(text: &str, name: &str, from: usize, kind: Kind, id: usize) -> Span {
        let start = from + text[from..].find(name).unwrap();
        let mut span = Span::new(text, start, start + name.len(), kind);
        span.entity = Some(id);
        span
    }

    /// The attribution of the first quotation of `text` as (speaker text, entity, cue).
    pub fn attribution(text: &str, spans: &[Span]) -> Option<(String, Option<usize>, String)> {
        let doc = Document::new(text);
        let lists = Lists::new();
        let quotation = crate::quotes::marks::quotations(text)[0];
        let attributor = Attributor::new(&doc, &lists, spans);
        attributor
            .attribute(quotation.start, quotation.end)
            .map(|a| attributor.resolve(a, None, &|_| None))
            .map(|a| {
                let s = a.speaker;
                (
                    text[s.start..s.end].to_string(),
                    s.entity,
                    a.cue.unwrap_or_default(),
                )
            })
    }

    pub fn expect(
        speaker: &str,
        entity: Option<usize>,
        cue: &str,
    ) -> Option<(String, Option<usize>, String)> {
        Some((speaker.to_string(), entity, cue.to_string()))
    }
}
