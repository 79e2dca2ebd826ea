//! What the document as a whole says about its words, computed once per document in linear
//! time: which lines are headlines (where capitals tell nothing), which tokens open a sentence,
//! and how often each word appears capitalized mid-sentence versus in lowercase.

use std::collections::HashMap;

use super::lexicon::Lexicon;
use crate::text::{Document, TokenKind};

/// Per-document facts the recognizer reads while chunking.
pub struct Context {
    /// Per token: whether its line is a headline (ALL CAPS, or Title Case: at least three words
    /// and no lowercase word but small function words).
    headline: Vec<bool>,
    /// Per token: whether it opens a sentence, a line or a quotation, where any word is
    /// capitalized.
    initial: Vec<bool>,
    /// Lowercased word → how often it appears capitalized inside running text (not at a sentence
    /// start, not in a headline).
    capitalized_mid: HashMap<String, u32>,
    /// Lowercased word → how often it appears written in lowercase.
    lowercase: HashMap<String, u32>,
    /// Each token's text in lowercase.
    lower: Vec<String>,
}

impl Context {
    pub fn new(doc: &Document, lexicon: &Lexicon) -> Context {
        let lower: Vec<String> = (0..doc.tokens.len())
            .map(|i| doc.token_text(i).to_lowercase())
            .collect();
        let headline = headline_flags(doc, &lower, lexicon);
        let initial = initial_flags(doc);
        let mut capitalized_mid = HashMap::new();
        let mut lowercase = HashMap::new();
        for i in 0..doc.tokens.len() {
            if doc.tokens[i].kind != TokenKind::Word || headline[i] {
                continue;
            }
            let text = doc.token_text(i);
            let first = text.chars().next().unwrap_or(' ');
            if first.is_lowercase() {
                *lowercase.entry(text.to_string()).or_insert(0) += 1;
            } else if first.is_uppercase() && !initial[i] {
                *capitalized_mid.entry(lower[i].clone()).or_insert(0) += 1;
            }
        }
        Context {
            headline,
            initial,
            capitalized_mid,
            lowercase,
            lower,
        }
    }

    /// Each token's text in lowercase.
    pub fn lowercase_tokens(&self) -> &[String] {
        &self.lower
    }

    pub fn in_headline(&self, i: usize) -> bool {
        self.headline[i]
    }

    pub fn is_initial(&self, i: usize) -> bool {
        self.initial[i]
    }

    /// Whether the running text uses `word` as a name: capitalized mid-sentence at least once,
    /// and at least as often as in lowercase.
    pub fn used_as_name(&self, word: &str) -> bool {
        let key = word.to_lowercase();
        let capitalized = self.capitalized_mid.get(&key).copied().unwrap_or(0);
        capitalized > 0 && capitalized >= self.lowercase_count(&key)
    }

    /// Whether `word` (lowercased) is written in lowercase more often than capitalized
    /// mid-sentence: a common noun given a capital once ("the War").
    pub fn mostly_lowercase(&self, word: &str) -> bool {
        let key = word.to_lowercase();
        let capitalized = self.capitalized_mid.get(&key).copied().unwrap_or(0);
        self.lowercase_count(&key) > capitalized
    }

    fn lowercase_count(&self, key: &str) -> u32 {
        self.lowercase.get(key).copied().unwrap_or(0)
    }
}

/// Marks the tokens of headline lines.
fn headline_flags(doc: &Document, lower: &[String], lexicon: &Lexicon) -> Vec<bool> {
    let mut flags = vec![false; doc.tokens.len()];
    let mut line_start = 0;
    for i in 1..=doc.tokens.len() {
        if i == doc.tokens.len() || doc.line_break_between(i - 1, i) {
            let is_headline = is_headline(doc, line_start..i, lower, lexicon);
            flags[line_start..i].fill(is_headline);
            line_start = i;
        }
    }
    flags
}

fn is_headline(
    doc: &Document,
    tokens: std::ops::Range<usize>,
    lower: &[String],
    lexicon: &Lexicon,
) -> bool {
    let (mut words, mut lowercase, mut all_caps, mut mixed, mut numbers) = (0, 0, 0, 0, 0);
    for i in tokens {
        let text = doc.token_text(i);
        if doc.tokens[i].kind == TokenKind::Number {
            numbers += 1;
        }
        let letters = || text.chars().filter(|c| c.is_alphabetic());
        if doc.tokens[i].kind != TokenKind::Word || !text.starts_with(char::is_alphabetic) {
            continue;
        }
        if lexicon.headline_lowercase.contains(&lower[i]) {
            continue;
        }
        words += 1;
        if text.starts_with(char::is_lowercase) {
            lowercase += 1;
        }
        if letters().any(char::is_lowercase) {
            mixed += 1;
        } else if letters().count() >= 2 {
            all_caps += 1;
        }
    }
    let shouting = all_caps > 0 && mixed == 0;
    // Running text always has some lowercase content word; a Title Case headline has none. A
    // line of names and figures is a table row, where capitals still mark names.
    let title_case = words >= 3 && lowercase == 0 && numbers < 2;
    shouting || title_case
}

/// Marks tokens that open a sentence or a quotation (after opening quotes or brackets), or follow
/// a colon or a dash: positions where English capitalizes any word.
fn initial_flags(doc: &Document) -> Vec<bool> {
    let mut flags = vec![false; doc.tokens.len()];
    for sentence in &doc.sentences {
        if let Some(first) = sentence
            .tokens
            .clone()
            .find(|&t| !(doc.tokens[t].kind == TokenKind::Punct && opens(doc.token_text(t))))
        {
            flags[first] = true;
        }
    }
    for (i, flag) in flags.iter_mut().enumerate().skip(1) {
        let before = doc.token_text(i - 1);
        if doc.tokens[i - 1].kind == TokenKind::Punct && (opens(before) || before == ":") {
            *flag = true;
        }
    }
    flags
}

fn opens(punct: &str) -> bool {
    matches!(punct, "\"" | "“" | "‘" | "«" | "„" | "(" | "[" | "—" | "–")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags_of(text: &str, flags: impl Fn(&Context, usize) -> bool) -> Vec<(String, bool)> {
        let doc = Document::new(text);
        let context = Context::new(&doc, &Lexicon::new());
        (0..doc.tokens.len())
            .map(|i| (doc.token_text(i).to_string(), flags(&context, i)))
            .collect()
    }

    #[test]
    fn all_caps_and_title_case_lines_are_headlines() {
        let flags = flags_of(
            "ROMANIA BEAT LITHUANIA\nTrump Says He Will Meet Putin\nTrump met Putin.",
            |c, i| c.in_headline(i),
        );
        let by_word: Vec<bool> = flags.iter().map(|(_, f)| *f).collect();
        assert_eq!(
            by_word,
            [true, true, true, true, true, true, true, true, true, false, false, false, false]
        );
    }

    #[test]
    fn a_dateline_in_capitals_is_a_headline_but_a_short_line_is_not() {
        let flags = flags_of("LONDON 1996-08-30\nCaddell continued:", |c, i| {
            c.in_headline(i)
        });
        assert_eq!(
            flags,
            [
                ("LONDON".to_string(), true),
                ("1996-08-30".to_string(), true),
                ("Caddell".to_string(), false),
                ("continued".to_string(), false),
                (":".to_string(), false)
            ]
        );
    }

    #[test]
    fn sentence_quote_and_colon_openers_are_initial() {
        let flags = flags_of(
            "The deal. He said: “Great progress” in Budapest.",
            |c, i| c.is_initial(i),
        );
        let initial: Vec<&str> = flags
            .iter()
            .filter(|(_, f)| *f)
            .map(|(w, _)| w.as_str())
            .collect();
        assert_eq!(initial, ["The", "He", "“", "Great"]);
    }

    #[test]
    fn counts_capitalized_and_lowercase_uses() {
        let doc = Document::new(
            "Trump said the War ended. The war was over, the war was won, Trump said.",
        );
        let context = Context::new(&doc, &Lexicon::new());
        assert!(context.used_as_name("Trump"));
        assert!(context.mostly_lowercase("War"));
        assert!(!context.used_as_name("War"));
        assert!(!context.used_as_name("The"));
    }
}
