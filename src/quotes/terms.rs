//! Quoted terms: a short quotation inside a sentence with no attribution (scare quotes, titles,
//! nicknames), or a quoted modifier after a possessive, is a term, not speech.

use super::marks::Quotation;
use super::QuoteFinder;

/// A quoted term has at most this many words.
const TERM_WORDS: usize = 4;

impl QuoteFinder {
    /// Whether the quotation is a quoted term: a short one inside a sentence with no
    /// attribution (scare quotes, titles, nicknames), or a quoted modifier after a possessive
    /// (`Trump’s “peace through strength” strategy`). For a modifier, also the byte offset
    /// where its possessive word ends.
    pub(super) fn term(
        &self,
        text: &str,
        quotation: &Quotation,
        attributed: bool,
    ) -> Option<Option<usize>> {
        let inner = &text[quotation.start..quotation.end];
        if !quotation.closed || inner.split_whitespace().count() > TERM_WORDS {
            return None;
        }
        let before = text[..quotation.start].trim_end_matches([' ', '\t']);
        let opens_sentence = before.is_empty()
            || before
                .trim_end_matches(['“', '"', '‘', '\'', '(', '['])
                .ends_with(['\n', '\r', '.', '!', '?', ':', '—']);
        if opens_sentence {
            return None;
        }
        match self.modifier(text, quotation, before) {
            Some(owner) => Some(Some(owner)),
            None => (!attributed).then_some(None),
        }
    }

    /// Where the possessive before the quotation ends, when the quotation stands between a
    /// possessive and a word it modifies (`Trump’s “…” strategy`).
    fn modifier(&self, text: &str, quotation: &Quotation, before: &str) -> Option<usize> {
        let after = &text[quotation.end..];
        let next = after
            .strip_prefix(' ')?
            .split(|c: char| !c.is_alphabetic())
            .next()?;
        let noun_follows = next.starts_with(char::is_lowercase)
            && !self.lists.function_words.contains(next)
            && !self.lists.is_cue(next);
        let previous = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let possessive = previous.chars().count() > 2
            && (previous.ends_with("’s") || previous.ends_with("'s") || previous.ends_with("s’"));
        (noun_follows && possessive).then_some(before.len())
    }
}
