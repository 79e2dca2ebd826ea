//! Outside wire copy, the year or ordinal right before an event's name is part of it: "the 2004
//! Olympics", "the 2022 FIFA World Cup", "the 27th Moscow International Film Festival". GUM
//! marks them so (16 misc names with the year or ordinal, 1 without); CoNLL-2003 and the
//! newswires mostly leave the year out ("the 1998 [World Cup]": 29 misc names without it, 11
//! with), so wire copy keeps the tagger's edges, as it keeps its nationality adjectives
//! (`nationality_words.rs`). Only misc names that end in a word for an event (`event_words.txt`):
//! a product's or a work's year is no part of its name ("a 1968 Boeing 727"), and an
//! organization after an ordinal is as often not one name with it ("the 60th NATO summit").

use super::lexicon::Lexicon;
use super::listed;
use super::tagger::Found;
use crate::text::{Document, TokenKind};
use crate::Kind;

/// Outside wire copy (`wire`: [`super::datelines::wire_copy`]), starts each misc name of `found`
/// that ends in a word for an event at the year or ordinal right before it on its line, when no
/// other name takes that token.
pub fn join(doc: &Document, lexicon: &Lexicon, wire: bool, found: &mut [Found]) {
    if wire {
        return;
    }
    for n in 0..found.len() {
        let start = found[n].tokens.start;
        let free = n == 0 || found[n - 1].tokens.end < start;
        if found[n].kind == Kind::Misc
            && free
            && start > 0
            && is_year_or_ordinal(doc, start - 1)
            && !doc.line_break_between(start - 1, start)
            && is_event(doc, lexicon, &found[n])
        {
            found[n].tokens.start = start - 1;
        }
    }
}

/// Whether `name` ends in a capitalized word for an event ("Olympics", "Festival").
fn is_event(doc: &Document, lexicon: &Lexicon, name: &Found) -> bool {
    let last = name.tokens.end - 1;
    doc.is_capitalized(last) && listed(&[&lexicon.event_words], doc, last..last + 1)
}

/// Whether token `t` is a year from 1800 to 2099 ("2004") or an ordinal in digits ("27th").
fn is_year_or_ordinal(doc: &Document, t: usize) -> bool {
    let text = doc.token_text(t);
    if doc.tokens[t].kind != TokenKind::Number && !text.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    let numeric = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    let year = suffix.is_empty()
        && digits.len() == 4
        && (digits.starts_with("18") || digits.starts_with("19") || digits.starts_with("20"));
    let ordinal = digits.len() <= 3 && matches!(suffix, "st" | "nd" | "rd" | "th");
    numeric && (year || ordinal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str, names: &[(&str, Kind)], wire: bool) -> Vec<(String, Kind)> {
        Found::after_pass(text, names, |doc, found| {
            join(doc, &Lexicon::new(), wire, found)
        })
    }

    #[test]
    fn a_year_or_ordinal_before_an_event_joins_it_outside_wire_copy() {
        let names = [
            ("Olympics", Kind::Misc),
            ("Moscow Film Festival", Kind::Misc),
        ];
        let text = "After the 2004 Olympics and the 27th Moscow Film Festival, she rested.";
        let misc = |name: &str| (name.to_string(), Kind::Misc);
        assert_eq!(
            joined(text, &names, false),
            [misc("2004 Olympics"), misc("27th Moscow Film Festival")]
        );
        // Wire copy keeps the tagger's edges.
        assert_eq!(
            joined(text, &names, true),
            [misc("Olympics"), misc("Moscow Film Festival")]
        );
    }

    #[test]
    fn other_numbers_names_and_lines_are_left_alone() {
        // An ordinal before an organization, a year before a product, a number that is neither a
        // year nor an ordinal, a year before 1800, an ordinal of four digits, a year on the line
        // before.
        let text = "the 60th NATO summit, a 1968 Boeing 727, the 300 Games, the 1750 Cup, \
                    the 1000th Derby, 2004\nOlympics";
        let names = [
            ("NATO", Kind::Organization),
            ("Boeing 727", Kind::Misc),
            ("Games", Kind::Misc),
            ("Cup", Kind::Misc),
            ("Derby", Kind::Misc),
            ("Olympics", Kind::Misc),
        ];
        let texts: Vec<String> = joined(text, &names, false)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(
            texts,
            ["NATO", "Boeing 727", "Games", "Cup", "Derby", "Olympics"]
        );
    }
}
