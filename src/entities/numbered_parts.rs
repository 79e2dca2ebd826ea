//! A numbered part of a document is a misc name, its number included: "Figure 2", "figure 1",
//! "Listing 1", "Chapter 11", "Volume 2", "Appendix S1", "Table 4", "Example 2.15", "Exhibit 3",
//! "Tab 8" (of a binder), and so is a numbered rule or factor of a code or test ("Rule 26.1",
//! "Factor 4"). The tagger reads the word alone, or nothing. GUM marks these misc, and so does
//! CoNLL-2003 its one "Chapter 11".
//!
//! Measured by cross-validation: GUM 0.6768 → 0.6780; CoNLL-2003 unchanged. The words from
//! "Example" on (session 31), at GUM cross-validation seed 1 with the silver data unchanged:
//! 0.7083 → 0.7101, 18 names put right (12 of them "Factor 1" and "Factor 4" of one court
//! hearing; "Rule 37", "Tab 8", "Example 2.15"), one made wrong (a "Factor 4" GUM leaves out).

use super::put_in_place;
use super::tagger::Found;
use crate::text::{Document, TokenKind};
use crate::Kind;

/// Words that number a part of a document, capitalized; "figure" also in lowercase ("as shown
/// in figure 1").
const PARTS: [&str; 11] = [
    "Figure", "Listing", "Chapter", "Volume", "Appendix", "Table", "Example", "Exhibit", "Tab",
    "Rule", "Factor",
];

/// The tokens of `doc` that a part's number follows on their line ("Figure [2]", "Gate [B12]"):
/// found once for this pass and `numbered_places.rs`, which look only at them.
pub fn before_numbers(doc: &Document) -> Vec<usize> {
    (1..doc.tokens.len())
        .filter(|&t| is_part_number(doc, t))
        .map(|t| t - 1)
        .collect()
}

/// Marks each part word and the number after it as a misc name in `found` (kept in text
/// order), in place of the names it overlaps. `numbered`: [`before_numbers`].
pub fn mark(doc: &Document, numbered: &[usize], found: &mut Vec<Found>) {
    let parts: Vec<std::ops::Range<usize>> = (numbered.iter())
        .filter(|&&t| is_part_word(doc, t))
        .map(|&t| t..t + 2)
        .collect();
    put_in_place(found, parts, Kind::Misc);
}

fn is_part_word(doc: &Document, t: usize) -> bool {
    PARTS.iter().any(|part| doc.token_is(t, part)) || doc.token_is(t, "figure")
}

/// Whether token `t` numbers a part: digits with inner dots ("2", "1.3"), or a capital and
/// digits ("S1"), on the same line as the word before it.
pub(super) fn is_part_number(doc: &Document, t: usize) -> bool {
    let token = doc.tokens[t];
    // Bytes, not text: no character boundaries to check, and most tokens fail at their first.
    let bytes = &doc.text.as_bytes()[token.start..token.end];
    let numbered = match token.kind {
        TokenKind::Number => bytes.iter().all(|&b| b.is_ascii_digit() || b == b'.'),
        TokenKind::Word => {
            bytes.len() > 1
                && bytes[0].is_ascii_uppercase()
                && bytes[1..].iter().all(u8::is_ascii_digit)
        }
        TokenKind::Punct => false,
    };
    numbered && !doc.line_break_between(t - 1, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let mut found = Vec::new();
        mark(&doc, &before_numbers(&doc), &mut found);
        found.iter().map(|f| f.text(&doc)).collect()
    }

    #[test]
    fn numbered_parts_are_misc_names() {
        assert_eq!(
            marked("As Figure 2 and figure 1.3 show (see Appendix S1 and Table 4), Chapter 11 applies."),
            ["Figure 2", "figure 1.3", "Appendix S1", "Table 4", "Chapter 11"]
        );
        assert_eq!(
            marked("Under Rule 26.1 and Factor 4, see Tab 8, Exhibit 3 and Example 2.15."),
            [
                "Rule 26.1",
                "Factor 4",
                "Tab 8",
                "Exhibit 3",
                "Example 2.15"
            ]
        );
    }

    #[test]
    fn other_numbers_and_words_are_not() {
        assert_eq!(
            marked("Table 2,000 chairs. A table 4 seats. Figure\n2 is split. Chapter One. Figure SS1 or Figure S. A rule 4 and Rules 5."),
            Vec::<String>::new()
        );
    }
}
