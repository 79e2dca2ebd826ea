//! Outside wire copy, a nationality word is a name where it stands for a language or a people
//! ("in French", "he learned Latin", "the Arabs"), not where it describes the next word
//! ("Spanish poetry", "the Russian army", "English captain Harry Kane"). Newswires and
//! CoNLL-2003 mark both as misc names; text of other kinds (GUM, of every genre) only the first.
//! The tagger learns the difference from the kind of story a word is in (the wire-copy features)
//! but still marks many adjectives, so the word after one decides here: a misc name that is a
//! singular nationality word followed, on its line, by a word that is no function word ("poetry",
//! "Golden", "army") describes that word and is dropped. One followed by punctuation, a function
//! word ("and", "is", "by") or the line's end stays, and so does a plural ("Americans think",
//! "Germans left"): a people. Wire copy (a story under a dateline) keeps the newswires' way.
//!
//! A word for a race that news now capitalizes ("Black voters", "a Black woman") is such a
//! description too, before a noun for people, whatever kind the tagger gave it (mostly a
//! person's: CoNLL-2003 writes it in lowercase, and as a name it is a surname): no name outside
//! wire copy, a misc name in it. Alone it stays a surname ("Byron Black said").
//!
//! Measured by cross-validation (pooled F1, seeds 1-3, when their runs still overlapped, which
//! reads about 0.005 high): GUM 0.6807 → 0.6826; CoNLL-2003 0.9061 with and without it (sd
//! 0.0003). Also adding, as misc names, the nationality words the tagger left out after a
//! word a language's name follows ("in", "into", "spoke", "learned") or before a colon ("Latin:
//! Hieronymus") gained GUM 0.0011 more at the default seed (14 names fixed, 2 made wrong; with
//! the margin-trained tagger, seeds 1-3 apart: 0.6837 against 0.6825), but its
//! pass over every token cost 0.9 % of the entity layer's instructions in wasm (33.8 M a round of
//! `conll_dev` and `gum_all_dev`), where the speed budget has no room; adding every nationality
//! word that describes nothing, predicates and lists included ("was Protestant", "German,
//! Scottish, French"), scored lower still (36 names fixed, 39 made wrong).

use super::lexicon::Lexicon;
use super::listed;
use super::tagger::Found;
use crate::text::{Document, TokenKind};
use crate::Kind;

/// Outside wire copy (`wire`: [`super::datelines::wire_copy`]), drops from `found` the misc names
/// that are a nationality word describing the word after it, and the names that are a race word
/// describing people ([`race_word_before_people`]); in wire copy, makes the latter misc names, as
/// the newswires' nationality words are.
pub fn mark(doc: &Document, lexicon: &Lexicon, wire: bool, found: &mut Vec<Found>) {
    if wire {
        for name in found.iter_mut() {
            if race_word_before_people(doc, lexicon, name) {
                name.kind = Kind::Misc;
            }
        }
        return;
    }
    found.retain(|name| {
        let nationality = name.kind == Kind::Misc
            && listed(&[&lexicon.nationalities], doc, name.tokens.clone())
            && !plural(doc, lexicon, name.tokens.end - 1)
            && describes_next(doc, lexicon, name.tokens.end);
        !nationality && !race_word_before_people(doc, lexicon, name)
    });
}

/// Whether `name` is one word for a race (`race_words.txt`) that describes people, whatever the
/// tagger read it as: right before a noun for people (`people_nouns.txt`: "Black voters", "a
/// Black woman"), or before "and", a nationality word and such a noun ("Black and Latino
/// voters"), on one line. The tagger reads a capitalized "Black" before a noun it has not seen so
/// as a person's name: its training text (CoNLL-2003, 1996) writes the word in lowercase.
fn race_word_before_people(doc: &Document, lexicon: &Lexicon, name: &Found) -> bool {
    let t = name.tokens.start;
    let people = |u: usize| {
        u < doc.tokens.len()
            && !doc.line_break_between(u - 1, u)
            && listed(&[&lexicon.people_nouns], doc, u..u + 1)
    };
    let and_nationality = || {
        doc.tokens.get(t + 2).is_some()
            && doc.token_is(t + 1, "and")
            && listed(
                &[&lexicon.nationalities, &lexicon.race_words],
                doc,
                t + 2..t + 3,
            )
            && people(t + 3)
    };
    name.tokens.len() == 1
        && listed(&[&lexicon.race_words], doc, t..t + 1)
        && (people(t + 1) || and_nationality())
}

/// Whether token `t` is the plural of a listed nationality word ("Americans", "Arabs"): a
/// people, never a word describing the next.
pub(super) fn plural(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    let word = doc.token_text(t);
    word.len() > 2
        && word.ends_with(['s', 'S'])
        && (lexicon.nationalities).contains(&word[..word.len() - 1].to_lowercase())
}

/// Whether token `next`, right after a nationality word, is a word it describes: a word that is
/// no function word, on the same line.
pub(super) fn describes_next(doc: &Document, lexicon: &Lexicon, next: usize) -> bool {
    next < doc.tokens.len()
        && doc.tokens[next].kind == TokenKind::Word
        && !doc.line_break_between(next - 1, next)
        && !listed(&[&lexicon.stopwords], doc, next..next + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of `names` (every place each is written in `text`, as misc names) left.
    fn kept(text: &str, names: &[&str]) -> Vec<String> {
        let lexicon = Lexicon::new();
        Found::left_by(text, names, Kind::Misc, |doc, found| {
            let wire = super::super::datelines::wire_copy(doc, &lexicon);
            mark(doc, &lexicon, wire, found);
        })
    }

    #[test]
    fn adjectives_go_and_languages_stay() {
        let text = "In Spanish poetry the line runs on. A dog is chien in French, and he spoke \
                    German and Greek. The Russian army left.";
        assert_eq!(
            kept(text, &["Spanish", "French", "German", "Greek", "Russian"]),
            ["French", "German", "Greek"]
        );
    }

    #[test]
    fn peoples_and_names_at_a_line_end_are_kept() {
        let text = "Americans think the Russian army left. Jerome (Latin: Hieronymus) spoke \
                    French\nGerman speakers came too.";
        assert_eq!(
            kept(text, &["Americans", "Russian", "Latin", "French", "German"]),
            ["Americans", "Latin", "French"]
        );
    }

    /// The names of `names` (every place each is written in `text`, read as persons) left, with
    /// their kinds.
    fn race_words_left(text: &str, names: &[&str]) -> Vec<(String, Kind)> {
        let lexicon = Lexicon::new();
        let doc = Document::new(text);
        let mut found = Found::every(&doc, names, Kind::Person);
        let wire = super::super::datelines::wire_copy(&doc, &lexicon);
        mark(&doc, &lexicon, wire, &mut found);
        found.iter().map(|f| (f.text(&doc), f.kind)).collect()
    }

    #[test]
    fn race_words_describing_people_are_no_names() {
        let text = "Black voters came out. Turnout among Black and Latino voters fell, a Black \
                    woman said. White evangelicals split.";
        assert!(race_words_left(text, &["Black", "White"]).is_empty());
        // A surname: before a verb, a name, the sentence's end, another line, no people noun.
        let text = "Byron Black said so. Jack White leads. Talks with Black ended. Black\n\
                    voters. The Black Sea fleet.";
        let left = race_words_left(text, &["Black", "White"]);
        assert_eq!(left.len(), 5, "{left:?}");
        assert!(left.iter().all(|(_, kind)| *kind == Kind::Person));
    }

    #[test]
    fn wire_copy_makes_race_words_misc() {
        let text = "ATLANTA 2024-11-06\nBlack voters backed the measure, officials said.";
        assert_eq!(
            race_words_left(text, &["Black"]),
            [("Black".to_string(), Kind::Misc)]
        );
    }

    #[test]
    fn wire_copy_keeps_every_nationality() {
        let text = "MADRID 1996-08-22\nSpanish officials met Russian envoys on Thursday.";
        assert_eq!(kept(text, &["Spanish", "Russian"]), ["Spanish", "Russian"]);
    }
}
