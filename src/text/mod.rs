//! Shared text handling: tokens and sentences, computed once per analysis and read by every layer.
//! All offsets are byte offsets into the text.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

mod hash;

pub use hash::{FastMap, FastSet};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with digits, inner hyphens and apostrophes, or an abbreviation's periods).
    Word,
    /// Digits, with inner separators (`2,025`, `3.5`, `10/16/2025`, `1996-08-30`, `15:00`).
    Number,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// A sentence: its byte range and the range of its tokens in [`Document::tokens`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
}

/// A text with its tokens and sentences.
pub struct Document<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Document<'a> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        Document {
            text,
            tokens,
            sentences,
        }
    }

    /// The text of token `i`. Inlined: every layer calls it in its inner loops.
    #[inline]
    pub fn token_text(&self, i: usize) -> &'a str {
        let token = self.tokens[i];
        &self.text[token.start..token.end]
    }

    /// Whether token `i` is written `text`: its bytes compared, with no slicing of the text at
    /// character boundaries (passes over every token ask this of most of them).
    #[inline]
    pub fn token_is(&self, i: usize, text: &str) -> bool {
        let token = self.tokens[i];
        self.text.as_bytes().get(token.start..token.end) == Some(text.as_bytes())
    }

    /// Whether token `i` is a word starting with an uppercase letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        let token = self.tokens[i];
        if token.kind != TokenKind::Word {
            return false;
        }
        // Most words start with an ASCII letter: its byte tells, with no slicing or decoding.
        match self.text.as_bytes()[token.start] {
            byte if byte.is_ascii() => byte.is_ascii_uppercase(),
            _ => self
                .token_text(i)
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
        }
    }

    /// Whether token `i` begins its sentence (ignoring opening quotes and brackets).
    pub fn starts_sentence(&self, i: usize) -> bool {
        // Walk back over opening marks only, so the cost does not grow with the sentence.
        let first = self.sentences[self.sentence_of(i)].tokens.start;
        let mut t = i;
        while t > first
            && self.tokens[t - 1].kind == TokenKind::Punct
            && is_opening(self.token_text(t - 1))
        {
            t -= 1;
        }
        t == first
    }

    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Whether the text between tokens `a` and `b` (a before b) holds a line break.
    pub fn line_break_between(&self, a: usize, b: usize) -> bool {
        // A plain loop: the gap is most often empty or one space, and the `char` pattern's
        // searcher and `memchr` cost more than such a search (cachegrind: 28 M instructions
        // more over the dev corpora with `contains`).
        let gap = &self.text.as_bytes()[self.tokens[a].end..self.tokens[b].start];
        #[allow(clippy::manual_contains)]
        gap.iter().any(|&byte| byte == b'\n')
    }

    /// The index of the first token starting at or after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.start < offset)
    }
}

fn is_opening(punct: &str) -> bool {
    matches!(punct, "\"" | "'" | "“" | "‘" | "«" | "„" | "(" | "[")
}

#[inline]
fn is_word_char(c: char) -> bool {
    // ASCII first: most characters of news text are, and no combining mark is.
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn abbreviations() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(data_file!("text/abbreviations.txt")).collect())
}

/// `word` in lowercase, borrowed when it is already (ASCII with no capital): most words are, so
/// the layers' word lookups seldom allocate.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Whether `word` is an ASCII capital followed only by ASCII lowercase letters ("May", "He",
/// "Yadong"; not "MAY", "McCain" or "Émile").
pub fn is_ascii_title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_lowercase())
}

/// The non-empty, non-comment lines of an embedded data file.
pub fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Splits `text` into tokens. The scanners walk byte offsets and decode one character where
/// they look, so no per-character copy of a long text is made.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if c.is_whitespace() || c.is_control() {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = if c.is_ascii_digit() {
            (scan_number(text, i), TokenKind::Number)
        } else if is_word_char(c) {
            (scan_word(text, i), TokenKind::Word)
        } else if is_apostrophe(c)
            && char_before(text, i).is_some_and(is_word_char)
            && is_possessive(text, i)
        {
            // The apostrophe and its "s" (one byte).
            (i + c.len_utf8() + 1, TokenKind::Word)
        } else {
            (i + c.len_utf8(), TokenKind::Punct)
        };
        tokens.push(Token {
            start: i,
            end,
            kind,
        });
        i = end;
    }
    tokens
}

/// The character starting at byte `i` of `text` (a char boundary), if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The character ending at byte `i` of `text`, if any.
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The byte after the character at `i` (or `i` at the end of the text).
#[inline]
fn after(text: &str, i: usize) -> usize {
    i + char_at(text, i).map_or(0, char::len_utf8)
}

/// Whether the character at byte `i` is `wanted`.
fn char_is(text: &str, i: usize, wanted: impl Fn(char) -> bool) -> bool {
    char_at(text, i).is_some_and(wanted)
}

/// Digits with inner separators followed by more digits; letters glued on make it a word ("3rd").
fn scan_number(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = start;
    loop {
        while digit(i) {
            i += 1;
        }
        let separator = bytes
            .get(i)
            .is_some_and(|b| matches!(b, b'.' | b',' | b':' | b'/' | b'-'));
        if separator && digit(i + 1) {
            i += 1;
        } else {
            break;
        }
    }
    if char_is(text, i, char::is_alphabetic) {
        return scan_word(text, i);
    }
    i
}

/// Letters and digits, inner hyphens and apostrophes (but possessive `'s` is its own token), and
/// the periods of abbreviations ("Mr.", "U.S.", "a.m.").
fn scan_word(text: &str, start: usize) -> usize {
    let mut i = start;
    loop {
        let part = i;
        i = scan_word_part(text, part);
        if text.as_bytes().get(i) == Some(&b'.') && takes_period(&text[part..i]) {
            i += 1;
            // An abbreviation may open a hyphenated word: "U.S.-led", "Ill.-based" are one
            // word, as "Kyoto-based" is ("Jan.-March", a capital after the hyphen, stays apart).
            if text.as_bytes().get(i) == Some(&b'-') && char_is(text, i + 1, char::is_lowercase) {
                i += 1;
                continue;
            }
        }
        return i;
    }
}

/// [`scan_word`] up to an abbreviation's final period.
fn scan_word_part(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        // ASCII letters and digits first, a byte at a time: most of news text.
        while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        while let Some(c) = char_at(text, i).filter(|&c| is_word_char(c)) {
            i += c.len_utf8();
        }
        let Some(c) = char_at(text, i) else { break };
        let next = i + c.len_utf8();
        let hyphen = (c == '-' || c == '‐') && char_is(text, next, is_word_char);
        let apostrophe =
            is_apostrophe(c) && char_is(text, next, char::is_alphabetic) && !is_possessive(text, i);
        // Dotted initialism: "U.S.", "a.m.".
        let initialism = c == '.'
            && char_is(text, next, char::is_alphabetic)
            && char_is(text, after(text, next), |c| c == '.');
        if !(hyphen || apostrophe || initialism) {
            break;
        }
        i = next;
    }
    i
}

/// Whether the apostrophe at byte `i` starts a possessive or contracted `'s` ("Trump’s", "he’s").
fn is_possessive(text: &str, i: usize) -> bool {
    let s = after(text, i);
    matches!(text.as_bytes().get(s), Some(b's' | b'S')) && !char_is(text, s + 1, is_word_char)
}

/// Whether `word` is an abbreviation that keeps its final period.
fn takes_period(word: &str) -> bool {
    let mut chars = word.chars();
    let single_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    single_letter || word.contains('.') || abbreviations().contains(lowercase(word).as_ref())
}

fn ends_sentence(punct: &str) -> bool {
    matches!(punct, "." | "!" | "?" | "…")
}

fn is_closing(punct: &str) -> bool {
    matches!(punct, "\"" | "'" | "”" | "’" | "»" | ")" | "]")
}

/// Splits at sentence-final punctuation (with any closing quotes after it) when the next token
/// could start a sentence, and always at line breaks: news paragraphs and headlines are lines.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let token_text = |i: usize| &text[tokens[i].start..tokens[i].end];
    let mut sentences = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let next = i + 1;
        let boundary = if next == tokens.len()
            || text[tokens[i].end..tokens[next].start].contains('\n')
        {
            true
        } else if tokens[next].kind == TokenKind::Punct && is_closing(token_text(next)) {
            false
        } else {
            let mut j = i;
            while j > first && tokens[j].kind == TokenKind::Punct && is_closing(token_text(j)) {
                j -= 1;
            }
            let final_punct = tokens[j].kind == TokenKind::Punct && ends_sentence(token_text(j));
            let next_starts = token_text(next).chars().next().is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || is_opening(c.encode_utf8(&mut [0; 4]))
            });
            final_punct && next_starts
        };
        if boundary {
            sentences.push(Sentence {
                start: tokens[first].start,
                end: tokens[i].end,
                tokens: first..next,
            });
            first = next;
        }
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn splits_possessives_and_keeps_abbreviations() {
        assert_eq!(
            words("Trump’s aide, Mr. Smith of the U.S., didn't say 2,025."),
            [
                "Trump", "’s", "aide", ",", "Mr.", "Smith", "of", "the", "U.S.", ",", "didn't",
                "say", "2,025", "."
            ]
        );
    }

    #[test]
    fn numbers_keep_inner_separators() {
        assert_eq!(
            words("On 10/16/2025 at 15:00, 1996-08-30 and the 3rd."),
            [
                "On",
                "10/16/2025",
                "at",
                "15:00",
                ",",
                "1996-08-30",
                "and",
                "the",
                "3rd",
                "."
            ]
        );
    }

    #[test]
    fn hyphenated_words_and_emoji() {
        assert_eq!(
            words("Russia-Ukraine war 😀 F-16"),
            ["Russia-Ukraine", "war", "😀", "F-16"]
        );
        assert_eq!(
            words("a U.S.-led and Ill.-based Jan.-March"),
            ["a", "U.S.-led", "and", "Ill.-based", "Jan.", "-", "March"]
        );
        assert_eq!(words("was U.S.-led."), ["was", "U.S.-led", "."]);
    }

    #[test]
    fn sentences_split_on_final_punctuation_and_lines() {
        let text = "He left. Mr. Smith stayed in the U.S. for “talks.” Then\nA headline";
        let doc = Document::new(text);
        let sentences: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            sentences,
            [
                "He left.",
                "Mr. Smith stayed in the U.S. for “talks.”",
                "Then",
                "A headline"
            ]
        );
    }

    #[test]
    fn sentence_start_ignores_opening_quotes() {
        let doc = Document::new("“Great,” he said. Then Trump left.");
        let then = (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "Then")
            .unwrap();
        let great = (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "Great")
            .unwrap();
        let trump = (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "Trump")
            .unwrap();
        assert!(doc.starts_sentence(then));
        assert!(doc.starts_sentence(great));
        assert!(!doc.starts_sentence(trump));
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(Document::new("").sentences.is_empty());
        assert!(Document::new(" \r\n\t ").tokens.is_empty());
    }
}
