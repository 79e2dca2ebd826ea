//! Finds name mentions: runs of capitalized words, with titles kept outside, a few connecting
//! words allowed inside ("Bank of America", "Charles de Gaulle"), and the kind clues each mention
//! carries by itself. One left-to-right pass; mentions never overlap.

use std::ops::Range;

use regex::Regex;

use super::context::Context;
use super::evidence::{weight, Evidence};
use super::lexicon::Lexicon;
use crate::text::{Document, TokenKind};
use crate::Kind;

/// One name mention, before grouping into entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Its tokens in [`Document::tokens`].
    pub tokens: Range<usize>,
    pub start: usize,
    pub end: usize,
    /// Lowercased words joined by single spaces: identical names share a key.
    pub key: String,
    pub evidence: Evidence,
}

impl Mention {
    pub fn word_count(&self) -> usize {
        self.key.split(' ').count()
    }

    pub fn last_word(&self) -> &str {
        self.key.rsplit(' ').next().unwrap_or("")
    }
}

/// Word patterns compiled once with the recognizer.
pub struct Patterns {
    /// A party-and-state label in parentheses ("D-N.Y.", "R-Texas"), not a name.
    party_label: Regex,
    /// Generational suffixes: continue a name, never start one.
    generational: Regex,
}

impl Patterns {
    pub fn new() -> Patterns {
        Patterns {
            party_label: Regex::new(r"^[DRI]-[A-Z]").expect("valid pattern"),
            generational: Regex::new(r"^(Jr\.?|Sr\.?|II|III|IV)$").expect("valid pattern"),
        }
    }
}

/// The mention finder for one document.
pub struct Chunker<'a> {
    doc: &'a Document<'a>,
    lexicon: &'a Lexicon,
    patterns: &'a Patterns,
    context: &'a Context,
    /// Each token's text in lowercase, computed once: every word-list lookup needs it.
    lower: Vec<String>,
}

impl<'a> Chunker<'a> {
    pub fn new(
        doc: &'a Document<'a>,
        lexicon: &'a Lexicon,
        patterns: &'a Patterns,
        context: &'a Context,
    ) -> Chunker<'a> {
        let lower = context.lowercase_tokens().to_vec();
        Chunker {
            doc,
            lexicon,
            patterns,
            context,
            lower,
        }
    }

    /// Token `i` in lowercase.
    fn word(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// All mentions of the document, in text order.
    pub fn mentions(&self) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut titled_at = None;
        let mut i = 0;
        while i < self.doc.tokens.len() {
            if let Some(len) = self.title_at(i) {
                i += len;
                titled_at = Some(i);
            } else if let Some(end) = self.run_at(i) {
                self.push_run(i..end, titled_at == Some(i), &mut mentions);
                i = end;
            } else {
                i += 1;
            }
        }
        mentions
    }

    /// Emits the run as one mention, or two when a nationality leads it ("German Bundesbank").
    fn push_run(&self, run: Range<usize>, titled: bool, mentions: &mut Vec<Mention>) {
        let split = run.len() > 1
            && self.lexicon.nationalities.contains(self.word(run.start))
            && !self
                .lexicon
                .nationalities
                .contains(&self.key(run.start + 1..run.end))
            && !self.lexicon.knows_name(&self.key(run.clone()))
            && !self.ends_with_suffix(run.clone());
        if split {
            mentions.push(self.mention(run.start..run.start + 1, false));
            mentions.push(self.mention(run.start + 1..run.end, false));
        } else if let Some(mention) = self.keep(run, titled) {
            mentions.push(mention);
        }
    }

    /// A run becomes a mention unless it is a lone, unknown word the document mostly writes in
    /// lowercase ("the War", when "war" appears elsewhere).
    fn keep(&self, run: Range<usize>, titled: bool) -> Option<Mention> {
        let mention = self.mention(run.clone(), titled);
        let text = self.doc.token_text(run.start);
        let lone_common = run.len() == 1
            && mention.evidence == Evidence::default()
            && (self.context.mostly_lowercase(text) || is_initial_letter(text));
        (!lone_common).then_some(mention)
    }

    fn mention(&self, run: Range<usize>, titled: bool) -> Mention {
        let start = self.doc.tokens[run.start].start;
        let end = self.doc.tokens[run.end - 1].end;
        Mention {
            key: self.key(run.clone()),
            evidence: self.evidence(run.clone(), titled),
            tokens: run,
            start,
            end,
        }
    }

    /// The kind clues of one mention, read from the mention and the words around it.
    fn evidence(&self, run: Range<usize>, titled: bool) -> Evidence {
        let lexicon = self.lexicon;
        let key = self.key(run.clone());
        let first = self.doc.token_text(run.start);
        let mut evidence = Evidence::default();
        if titled {
            evidence.add(Kind::Person, weight::STRONG);
        }
        if lexicon.places.contains(&key) {
            evidence.add(Kind::Place, weight::STRONG);
        }
        if self.is_demonym_compound(run.clone()) {
            evidence.add(Kind::Misc, weight::STRONG);
        }
        if lexicon.organizations.contains(&key) {
            evidence.add(Kind::Organization, weight::STRONG);
        }
        if let Some(kind) = self.suffix_kind(run.clone()) {
            // "West Bank" is a listed place, whatever "Bank" says.
            if !lexicon.knows_name(&key) {
                evidence.add(kind, weight::SUFFIX);
            }
        }
        if lexicon.given_names.contains(self.word(run.start)) {
            let weight = if run.len() > 1 {
                weight::MEDIUM
            } else {
                weight::WEAK
            };
            evidence.add(Kind::Person, weight);
        }
        if self.after_place_cue(run.clone()) {
            evidence.add(Kind::Place, weight::WEAK);
        }
        if run.len() == 1 && is_acronym(first) && evidence == Evidence::default() {
            evidence.add(Kind::Organization, weight::WEAK);
        }
        if self.person_context(run.end) {
            evidence.add(Kind::Person, weight::WEAK);
        }
        evidence
    }

    /// "Russian", "Iraqi Kurds", "Russia-Ukraine": words (or hyphenated parts) that are all
    /// nationalities or places, and not a single listed place.
    fn is_demonym_compound(&self, run: Range<usize>) -> bool {
        let lexicon = self.lexicon;
        let key = self.key(run.clone());
        let nationality = |part: &str| lexicon.nationalities.contains(part);
        let place_or_nationality = |part: &str| nationality(part) || lexicon.places.contains(part);
        nationality(&key)
            || key.split(' ').all(nationality)
            || (run.len() == 1 && key.contains('-') && key.split('-').all(place_or_nationality))
    }

    /// "in Budapest", but not "in Warhol's legacy".
    fn after_place_cue(&self, run: Range<usize>) -> bool {
        let possessive =
            run.end < self.doc.tokens.len() && matches!(self.word(run.end), "'s" | "’s");
        run.start > 0 && self.lexicon.place_cues.contains(self.word(run.start - 1)) && !possessive
    }

    /// ", who", "said", "told": what is said of people (organizations say things too, but less
    /// often in news).
    fn person_context(&self, end: usize) -> bool {
        let text = |i: usize| (i < self.doc.tokens.len()).then(|| self.doc.token_text(i));
        (text(end) == Some(",") && text(end + 1) == Some("who"))
            || matches!(text(end), Some("said" | "told" | "says"))
    }

    fn ends_with_suffix(&self, run: Range<usize>) -> bool {
        self.suffix_kind(run).is_some()
    }

    /// The kind a name's last word gives it ("… Caucus", "… Cup", "… Street"), for names of two
    /// or more words.
    fn suffix_kind(&self, run: Range<usize>) -> Option<Kind> {
        if run.len() < 2 {
            return None;
        }
        self.head_kind(self.word(run.end - 1)).or_else(|| {
            // "University of Texas", "Church of Scientology": the word before "of" heads it.
            let connector = run
                .clone()
                .find(|&t| matches!(self.word(t), "of" | "for"))?;
            self.head_kind(self.word(connector.checked_sub(1)?))
        })
    }

    /// The kind a head word gives a name.
    fn head_kind(&self, head: &str) -> Option<Kind> {
        let lexicon = self.lexicon;
        if lexicon.org_suffixes.contains(head) {
            Some(Kind::Organization)
        } else if lexicon.misc_suffixes.contains(head) {
            Some(Kind::Misc)
        } else if lexicon.place_suffixes.contains(head) {
            Some(Kind::Place)
        } else {
            None
        }
    }

    /// The lowercased words of `run`, joined by single spaces.
    fn key(&self, run: Range<usize>) -> String {
        let mut key = String::new();
        for i in run {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(self.word(i));
        }
        key
    }

    /// The number of tokens of a title starting at `i` ("Secretary of State", "Sen.") when a
    /// name follows it; a title alone, or one that is part of a known name ("General Motors"),
    /// is not one.
    fn title_at(&self, i: usize) -> Option<usize> {
        (1..=self.lexicon.titles.longest()).rev().find(|&len| {
            let end = i + len;
            self.is_title(i..end)
                && end < self.doc.tokens.len()
                && self.same_line(end - 1, end)
                && self.can_start_after_title(end)
        })
    }

    /// Whether the tokens `run` spell a title.
    fn is_title(&self, run: Range<usize>) -> bool {
        run.end <= self.doc.tokens.len()
            && self.same_line(run.start, run.end - 1)
            && run
                .clone()
                .all(|t| self.doc.tokens[t].kind == TokenKind::Word)
            && self.lexicon.titles.contains(&self.key(run))
    }

    /// Whether a title starts at `i`, whatever follows: a title is never part of a name.
    fn starts_title(&self, i: usize) -> bool {
        (1..=self.lexicon.titles.longest()).any(|len| self.is_title(i..i + len))
    }

    fn can_start_after_title(&self, i: usize) -> bool {
        self.is_name_word(i) && !self.is_generational(i) && !self.is_headline_unknown(i)
    }

    /// The end (exclusive) of the name run starting at token `i`, if one starts there.
    fn run_at(&self, i: usize) -> Option<usize> {
        if !self.can_start(i) {
            return None;
        }
        let mut end = i + self.known_phrase_at(i).max(1);
        while end < self.doc.tokens.len() && self.same_line(end - 1, end) {
            if self.starts_title(end) {
                break;
            }
            if self.can_continue(end) {
                end += 1;
            } else if let Some(next) = self.connected(i, end) {
                end = next;
            } else {
                break;
            }
        }
        Some(end)
    }

    /// The length of the longest known place, nationality or organization name starting at `i`
    /// ("New York", "Middle East"), or 0.
    fn known_phrase_at(&self, i: usize) -> usize {
        let longest = self
            .lexicon
            .places
            .longest()
            .max(self.lexicon.organizations.longest());
        (1..=longest)
            .rev()
            .find(|&len| {
                let end = i + len;
                end <= self.doc.tokens.len()
                    && (len == 1 || self.same_line(i, end - 1))
                    && self.lexicon.knows_name(&self.key(i..end))
            })
            .unwrap_or(0)
    }

    /// Where a name continues past a connecting word at `at`: "of"/"for" after an institution
    /// word ("Bank of America"), a particle ("de Gaulle"), "&", or "and" when the whole ends as
    /// an organization ("Securities and Exchange Commission").
    fn connected(&self, start: usize, at: usize) -> Option<usize> {
        let word = self.doc.token_text(at);
        let next = at + 1;
        if next >= self.doc.tokens.len() || !self.same_line(at, next) {
            return None;
        }
        match word {
            "of" | "for" if self.lexicon.connector_heads.contains(self.word(at - 1)) => {
                let name = if self.doc.token_text(next) == "the" {
                    next + 1
                } else {
                    next
                };
                (name < self.doc.tokens.len() && self.can_continue(name)).then_some(name + 1)
            }
            "&" => self.can_continue(next).then_some(next + 1),
            "and" => self.and_joined(start, next),
            _ if self.lexicon.particles.contains(word) => {
                // Particles may chain: "Joost van der Westhuizen", "Fernando de la Rua".
                let mut name = next;
                while name < at + 3 && self.lexicon.particles.contains(self.word(name)) {
                    name += 1;
                }
                let joined = name < self.doc.tokens.len()
                    && self.same_line(at, name)
                    && self.can_continue(name);
                joined.then_some(name + 1)
            }
            _ => None,
        }
    }

    /// "Securities and Exchange Commission", "Trinidad and Tobago": a listed name, or one word
    /// that is no name by itself, "and", and words ending as a name.
    fn and_joined(&self, start: usize, next: usize) -> Option<usize> {
        let mut end = next;
        while end < self.doc.tokens.len() && self.can_continue(end) && self.same_line(next, end) {
            end += 1;
        }
        let lone_left = next - start == 2
            && !self.lexicon.knows_name(self.word(start))
            && !self.lexicon.given_names.contains(self.word(start));
        let whole = end > next
            && ((lone_left && self.ends_with_suffix(start..end))
                || self.lexicon.knows_name(&self.key(start..end)));
        whole.then_some(end)
    }

    /// Whether a name may start at token `i`.
    fn can_start(&self, i: usize) -> bool {
        if !self.is_name_word(i) || self.is_generational(i) || self.is_headline_unknown(i) {
            return false;
        }
        if self.starts_title(i) {
            return false;
        }
        if self.lexicon.calendar.contains(self.word(i)) {
            return false;
        }
        !self.context.is_initial(i) || self.context.in_headline(i) || self.initial_is_name(i)
    }

    /// At the start of a sentence every word is capitalized, so the word itself must be a name:
    /// known, capitalized mid-sentence elsewhere, or followed by another name word ("Breitbart
    /// News airs…"; this last clue is worth six points of F1 on CoNLL-2003 dev).
    fn initial_is_name(&self, i: usize) -> bool {
        let text = self.doc.token_text(i);
        self.known_phrase_at(i) > 0
            || self.context.used_as_name(text)
            || (i + 1 < self.doc.tokens.len()
                && self.same_line(i, i + 1)
                && self.can_continue(i + 1)
                && self.title_at(i + 1).is_none()
                && !self.context.mostly_lowercase(text))
    }

    /// Whether token `i` may continue a name.
    fn can_continue(&self, i: usize) -> bool {
        if self.lexicon.calendar.contains(self.word(i)) {
            // "May" is a month, but not after a given name ("Theresa May").
            return i > 0 && self.lexicon.given_names.contains(self.word(i - 1));
        }
        self.is_name_word(i) && !self.is_headline_unknown(i)
    }

    /// A capitalized word that is no function word, pronoun or party label.
    fn is_name_word(&self, i: usize) -> bool {
        let token = self.doc.tokens[i];
        if token.kind != TokenKind::Word {
            return false;
        }
        let text = self.doc.token_text(i);
        let capitalized = text.starts_with(char::is_uppercase) || self.is_particle_prefixed(text);
        // "US" in running text is the country, not the pronoun.
        let function_word =
            self.lexicon.stopwords.contains(self.word(i)) && !self.is_shouted_acronym(i);
        let contraction = is_contraction_of(text, |w| self.lexicon.stopwords.contains(w));
        capitalized
            && !function_word
            && !contraction
            && !self.patterns.party_label.is_match(text)
            && !self.is_hyphenated_adjective(i)
    }

    /// "Kremlin-backed", "Trump-era": a capitalized word made into an adjective is no name.
    fn is_hyphenated_adjective(&self, i: usize) -> bool {
        self.word(i)
            .split('-')
            .skip(1)
            .any(|part| self.lexicon.adjective_endings.contains(part))
    }

    /// "al-Assad", "bin-Laden": a lowercase particle glued to a capitalized name.
    fn is_particle_prefixed(&self, text: &str) -> bool {
        text.split_once('-').is_some_and(|(particle, rest)| {
            self.lexicon.particles.contains(particle) && rest.starts_with(char::is_uppercase)
        })
    }

    /// "US" in running text is the country, not the pronoun; in a headline it is just shouting.
    fn is_shouted_acronym(&self, i: usize) -> bool {
        !self.context.in_headline(i) && is_acronym(self.doc.token_text(i))
    }

    fn is_generational(&self, i: usize) -> bool {
        self.patterns.generational.is_match(self.doc.token_text(i))
    }

    /// In a headline every word is capitalized, so only words known as names count: listed, or
    /// used as a name in the running text.
    fn is_headline_unknown(&self, i: usize) -> bool {
        if !self.context.in_headline(i) {
            return false;
        }
        let text = self.doc.token_text(i);
        let lexicon = self.lexicon;
        let known = lexicon.given_names.contains(self.word(i))
            || self.known_phrase_at(i) > 0
            || self.context.used_as_name(text)
            || (i > 0 && self.known_phrase_ending_at(i));
        !known
    }

    /// Whether token `i` is the second or later word of a known name ("NEW YORK").
    fn known_phrase_ending_at(&self, i: usize) -> bool {
        let longest = self
            .lexicon
            .places
            .longest()
            .max(self.lexicon.organizations.longest());
        (2..=longest).any(|len| {
            len <= i + 1
                && self.same_line(i + 1 - len, i)
                && self.lexicon.knows_name(&self.key(i + 1 - len..i + 1))
        })
    }

    fn same_line(&self, a: usize, b: usize) -> bool {
        a >= b || !self.doc.line_break_between(a, b)
    }
}

impl Default for Patterns {
    fn default() -> Patterns {
        Patterns::new()
    }
}

/// Two or more letters, all capitals (dots allowed): "NATO", "U.N.", "US".
fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && text
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
}

/// "N", "B.": an initial alone (a list item, a grade) is no name.
fn is_initial_letter(text: &str) -> bool {
    text.trim_end_matches('.').chars().count() == 1
}

/// "I'm", "We've": a pronoun with a contraction.
fn is_contraction_of(text: &str, function_word: impl Fn(&str) -> bool) -> bool {
    text.split_once(['\'', '’'])
        .is_some_and(|(head, _)| function_word(&head.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `text` as (text, strongest kind) pairs.
    fn chunk(text: &str) -> Vec<(String, Option<Kind>)> {
        let doc = Document::new(text);
        let (lexicon, patterns) = (Lexicon::new(), Patterns::new());
        let context = Context::new(&doc, &lexicon);
        Chunker::new(&doc, &lexicon, &patterns, &context)
            .mentions()
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.evidence.strongest()))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        chunk(text).into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn titles_stay_outside_and_make_a_person() {
        assert_eq!(
            chunk("He met Secretary of State Marco Rubio and press secretary Karoline Leavitt."),
            [
                ("Marco Rubio".to_string(), Some(Kind::Person)),
                ("Karoline Leavitt".to_string(), Some(Kind::Person))
            ]
        );
        assert_eq!(
            chunk("It angered Russian President Vladimir Putin and Reps. Tom Suozzi (D-N.Y.)."),
            [
                ("Russian".to_string(), Some(Kind::Misc)),
                ("Vladimir Putin".to_string(), Some(Kind::Person)),
                ("Tom Suozzi".to_string(), Some(Kind::Person))
            ]
        );
    }

    #[test]
    fn a_title_alone_is_no_name() {
        assert_eq!(
            names("Later the President said Ms. would be fine."),
            [] as [&str; 0]
        );
    }

    #[test]
    fn possessive_stays_outside() {
        assert_eq!(
            names("He backed Trump’s plan and Putin's."),
            ["Trump", "Putin"]
        );
    }

    #[test]
    fn months_and_weekdays_are_not_names() {
        assert_eq!(
            names("He met Smith on Friday, in October, and Theresa May in May."),
            ["Smith", "Theresa May"]
        );
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        assert_eq!(
            names("The deal held. But Whether it lasts is unclear. Trump left."),
            [] as [&str; 0]
        );
    }

    #[test]
    fn sentence_initial_words_used_as_names_elsewhere_are_names() {
        assert_eq!(
            names("Caddell spoke first. Later, said Caddell, it rained."),
            ["Caddell", "Caddell"]
        );
        assert_eq!(names("Budapest will host it."), ["Budapest"]);
        assert_eq!(names("Breitbart News airs daily."), ["Breitbart News"]);
    }

    #[test]
    fn connectors_join_only_in_known_patterns() {
        assert_eq!(
            names("He sued Bank of America and the University of Texas for Trump and Putin."),
            ["Bank of America", "University of Texas", "Trump", "Putin"]
        );
        assert_eq!(
            names("He called the Securities and Exchange Commission and Charles de Gaulle."),
            ["Securities and Exchange Commission", "Charles de Gaulle"]
        );
    }

    #[test]
    fn kinds_from_lexicons_suffixes_and_cues() {
        assert_eq!(
            chunk("Officials of the House Ukraine Caucus met in Kyiv and in Szeged, not NATO."),
            [
                ("House Ukraine Caucus".to_string(), Some(Kind::Organization)),
                ("Kyiv".to_string(), Some(Kind::Place)),
                ("Szeged".to_string(), Some(Kind::Place)),
                ("NATO".to_string(), Some(Kind::Organization))
            ]
        );
    }

    #[test]
    fn last_words_give_event_place_and_organization_kinds() {
        assert_eq!(
            chunk("Fans watched the World Cup on Wall Street and Ford Motor Co. in the West Bank."),
            [
                ("World Cup".to_string(), Some(Kind::Misc)),
                ("Wall Street".to_string(), Some(Kind::Place)),
                ("Ford Motor Co.".to_string(), Some(Kind::Organization)),
                ("West Bank".to_string(), Some(Kind::Place))
            ]
        );
    }

    #[test]
    fn a_nationality_before_a_name_is_its_own_mention() {
        assert_eq!(
            chunk("Officials said German Bundesbank staff met Iraqi Kurds."),
            [
                ("German".to_string(), Some(Kind::Misc)),
                ("Bundesbank".to_string(), Some(Kind::Organization)),
                ("Iraqi Kurds".to_string(), Some(Kind::Misc))
            ]
        );
    }

    #[test]
    fn lone_initials_and_contractions_are_not_names() {
        assert_eq!(
            names("He said I'm sure, and I've seen grade B and N. Smith."),
            ["N. Smith"]
        );
    }

    #[test]
    fn table_rows_are_not_headlines() {
        assert_eq!(
            names(
                "Results:
2. Michael Johnson (U.S.) 20.02
3. Ato Boldon (Trinidad) 20.15"
            ),
            ["Michael Johnson", "U.S.", "Ato Boldon", "Trinidad"]
        );
    }

    #[test]
    fn hyphenated_adjectives_are_not_names_but_hyphenated_names_are() {
        assert_eq!(
            names("A Kremlin-backed group met lawmaker Wong Kwok-kin and Trump-era staff."),
            ["Wong Kwok-kin"]
        );
    }

    #[test]
    fn the_word_before_of_heads_the_name() {
        assert_eq!(
            chunk("He joined the Church of Scientology near the Gulf of Mexico."),
            [
                (
                    "Church of Scientology".to_string(),
                    Some(Kind::Organization)
                ),
                ("Gulf of Mexico".to_string(), Some(Kind::Place))
            ]
        );
    }

    #[test]
    fn name_particles_may_chain() {
        assert_eq!(
            names("He passed to Joost van der Westhuizen and Fernando de la Rua."),
            ["Joost van der Westhuizen", "Fernando de la Rua"]
        );
    }

    #[test]
    fn context_words_hint_person_and_place() {
        assert_eq!(
            chunk("Then Jansher said it rained in Szeged but not in Warhol's town."),
            [
                ("Jansher".to_string(), Some(Kind::Person)),
                ("Szeged".to_string(), Some(Kind::Place)),
                ("Warhol".to_string(), None)
            ]
        );
    }

    #[test]
    fn headlines_keep_only_known_names() {
        assert_eq!(
            names("SOCCER - ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH.\nFans of Lithuania cheered."),
            ["ROMANIA", "LITHUANIA", "Lithuania"]
        );
        assert_eq!(
            names("Democrat Voters Worried About Hillary Clinton’s Health\nHillary Clinton spoke."),
            ["Democrat", "Hillary Clinton", "Hillary Clinton"]
        );
    }

    #[test]
    fn lone_word_mostly_lowercase_is_no_name() {
        assert_eq!(
            names("He said the War is a war like any war."),
            [] as [&str; 0]
        );
    }

    #[test]
    fn adjectives_and_party_labels_are_not_names() {
        assert_eq!(
            names("Kremlin-backed forces joined Sen. Jim Risch (R-Idaho)."),
            ["Jim Risch"]
        );
    }
}
