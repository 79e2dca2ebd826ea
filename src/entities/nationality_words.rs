//! Outside wire copy, a nationality word is a name where it stands for a language or a people
//! ("in French", "he learned Latin", "the Arabs"), not where it describes the next word
//! ("Spanish poetry", "the Russian army", "English captain Harry Kane"). Newswires and
//! CoNLL-2003 mark both as misc names; text of other kinds (GUM, of every genre) only the first.
//! The tagger learns the difference from the kind of story a word is in (the wire-copy features)
//! but still marks many adjectives and misses many languages, so the words around decide here:
//! - a misc name that is a singular nationality word followed, on its line, by a word that is no
//!   function word ("poetry", "Golden", "army") describes that word and is dropped;
//! - one followed by punctuation, a function word ("and", "is", "by") or the line's end, after a
//!   word a language's name follows ("in", "into", "from", "spoke", "learned") or before a colon
//!   that glosses a name ("Latin: Eusebius Hieronymus"), is a language and becomes a misc name.
//!
//! A plural ("Americans think", "Germans left") is a people and never dropped. Wire copy (a
//! story under a dateline) keeps the newswires' way.
//!
//! Measured by cross-validation (pooled F1, seeds 1-3): GUM 0.6794 → 0.6823 (the drop alone
//! 0.6734 against 0.6713 at the default seed, the languages 0.6745); CoNLL-2003 0.9062 → 0.9061
//! (sd 0.0003). Adding every nationality word that describes nothing, predicates and lists
//! included ("was Protestant", "German, Scottish, French"), scored lower than languages alone
//! (0.6740 at the default seed: 36 names fixed, 39 made wrong).

use super::lexicon::Lexicon;
use super::listed;
use super::tagger::Found;
use crate::text::{Document, TokenKind};
use crate::Kind;

/// Outside wire copy (`wire`: [`super::datelines::wire_copy`]), drops from `found` the misc names that
/// are a nationality word describing the word after it, and adds the nationality words that name
/// a language as misc names.
pub fn mark(doc: &Document, lexicon: &Lexicon, wire: bool, found: &mut Vec<Found>) {
    if wire {
        return;
    }
    found.retain(|name| {
        !(name.kind == Kind::Misc
            && listed(&[&lexicon.nationalities], doc, name.tokens.clone())
            && !plural(doc, lexicon, name.tokens.end - 1)
            && describes_next(doc, lexicon, name.tokens.end))
    });
    let mut languages = Vec::new();
    let (bytes, mut next) = (doc.text.as_bytes(), 0);
    for (t, token) in doc.tokens.iter().enumerate() {
        // Every listed nationality word is ASCII: its first byte is a capital letter.
        if !bytes[token.start].is_ascii_uppercase() {
            continue;
        }
        while next < found.len() && found[next].tokens.end <= t {
            next += 1;
        }
        let named = next < found.len() && found[next].tokens.start <= t;
        if !named
            && names_language(doc, lexicon, t)
            && listed(&[&lexicon.nationalities], doc, t..t + 1)
            && !plural(doc, lexicon, t)
            && !describes_next(doc, lexicon, t + 1)
        {
            languages.push(t..t + 1);
        }
    }
    if !languages.is_empty() {
        let kind = Kind::Misc;
        found.extend(languages.into_iter().map(|tokens| Found { tokens, kind }));
        found.sort_by_key(|name| name.tokens.start);
    }
}

/// Whether a nationality word at token `t` would name a language: before a colon that glosses
/// a name ("Latin: Eusebius Hieronymus"), or after a word a language's name follows
/// (`language_cues.txt`).
fn names_language(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    (t + 1 < doc.tokens.len() && doc.token_is(t + 1, ":"))
        || (t > 0
            && doc.tokens[t - 1].kind == TokenKind::Word
            && listed(&[&lexicon.language_cues], doc, t - 1..t))
}

/// Whether token `t` is the plural of a listed nationality word ("Americans", "Arabs"): a
/// people, never a word describing the next.
fn plural(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    let word = doc.token_text(t);
    word.len() > 2
        && word.ends_with(['s', 'S'])
        && (lexicon.nationalities).contains(&word[..word.len() - 1].to_lowercase())
}

/// Whether token `next`, right after a nationality word, is a word it describes: a word that is
/// no function word, on the same line.
fn describes_next(doc: &Document, lexicon: &Lexicon, next: usize) -> bool {
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
        let doc = Document::new(text);
        let mut found = Found::every(&doc, names, Kind::Misc);
        let lexicon = Lexicon::new();
        let wire = super::super::datelines::wire_copy(&doc, &lexicon);
        mark(&doc, &lexicon, wire, &mut found);
        found.iter().map(|f| f.text(&doc)).collect()
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
    fn languages_are_added_and_peoples_kept() {
        let text = "Jerome (Latin: Hieronymus) translated the Bible into Latin. Americans think \
                    it was French, and the Russian army spoke Polish.";
        assert_eq!(
            kept(text, &["Americans"]),
            ["Latin", "Latin", "Americans", "Polish"]
        );
    }

    #[test]
    fn wire_copy_keeps_every_nationality() {
        let text = "MADRID 1996-08-22\nSpanish officials met Russian envoys on Thursday.";
        assert_eq!(kept(text, &["Spanish", "Russian"]), ["Spanish", "Russian"]);
    }
}
