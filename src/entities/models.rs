//! A maker's model is a product, a misc name with the maker in it: "Airbus A320", "Boeing 737
//! MAX", "Tupolev 154", "Windows 95", "iPhone 17 Pro" (the makers and lines are
//! `model_makers.txt`, the variants `model_variants.txt`). So is a model's code alone when a
//! product's head noun follows it ("72 A320 jets", "F-16 fighter planes", `product_heads.txt` and
//! `model_heads.txt`) or a variant written capitalized ("the 737 MAX"). In CoNLL-2003 and GUM,
//! 19 of 19 listed makers with a code, and 5 of 5 codes before such a noun ("MiG-19 fighter",
//! "T-72 tank"), are misc names; the tagger reads the maker as an organization and the code as
//! nothing, or a code as a place.

use std::ops::Range;

use super::lexicon::Lexicon;
use super::tagger::Found;
use super::{listed, products, put_over};
use crate::text::{Document, TokenKind};
use crate::Kind;

/// Puts each model named in `doc` into `found` (kept in text order) as a misc name, in place of
/// the names inside it; a name that runs into it from outside is cut at its edge.
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut models: Vec<Range<usize>> = Vec::new();
    let mut free = 0;
    let bytes = doc.text.as_bytes();
    for (t, token) in doc.tokens.iter().enumerate() {
        // Every token comes here: its first byte rules out most (a code starts with a capital
        // or a digit).
        let first = bytes[token.start];
        if t < free || !(first.is_ascii_uppercase() || first.is_ascii_digit()) {
            continue;
        }
        if let Some(model) = model_at(doc, lexicon, t, free) {
            free = model.end;
            models.push(model);
        }
    }
    put_over(found, models, Kind::Misc);
}

/// The model whose code is token `t`, if it names one: from its maker (not before token `free`)
/// or its code, through its variants.
fn model_at(doc: &Document, lexicon: &Lexicon, t: usize, free: usize) -> Option<Range<usize>> {
    let code = code_at(doc, t)?;
    let end = after_variants(doc, lexicon, t + 1);
    if let Some(start) = maker_before(doc, lexicon, t, free) {
        return Some(start..end);
    }
    let named = match code {
        Code::Letters => head_at(doc, lexicon, end),
        // A bare number is a count or a year more often than a model: only a capitalized variant
        // ("737 MAX") tells.
        Code::Number => end > t + 1 && doc.token_text(t).len() == 3 && doc.is_capitalized(t + 1),
    };
    named.then_some(t..end)
}

enum Code {
    /// A capital, letters, digits and hyphens: "A320", "F-16", "MiG-19", "S25".
    Letters,
    /// One to three digits, maybe a hyphen and more: "737", "154", "95", "737-800".
    Number,
}

/// What kind of model's code token `t` is, if it may be one.
fn code_at(doc: &Document, t: usize) -> Option<Code> {
    let token = doc.tokens[t];
    let text = doc.text.as_bytes().get(token.start..token.end)?;
    match token.kind {
        TokenKind::Number => {
            // A model's number stands next to a word with a capital: its maker or its variant.
            let capital_near = (t > 0 && has_capital(doc, t - 1)) || has_capital(doc, t + 1);
            if text.len() > 7 || !capital_near {
                return None;
            }
            let digits = text.iter().position(|&b| b == b'-').unwrap_or(text.len());
            let tail = &text[digits..];
            let plain = text[..digits].iter().all(u8::is_ascii_digit)
                && (tail.is_empty() || tail[1..].iter().all(u8::is_ascii_digit));
            (plain && digits <= 3).then_some(Code::Number)
        }
        TokenKind::Word => {
            let code = text[0].is_ascii_uppercase()
                && text.len() <= 10
                && text.iter().any(u8::is_ascii_digit)
                && text.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-');
            code.then_some(Code::Letters)
        }
        TokenKind::Punct => None,
    }
}

/// The token after the listed variants (at most two) that follow from token `t` on its line.
fn after_variants(doc: &Document, lexicon: &Lexicon, mut t: usize) -> usize {
    for _ in 0..2 {
        let variant = t < doc.tokens.len()
            && !doc.line_break_between(t - 1, t)
            && listed(&[&lexicon.model_variants], doc, t..t + 1);
        if !variant {
            break;
        }
        t += 1;
    }
    t
}

/// Where the listed maker or line whose model's code is token `t` starts, if one ends right
/// before it on its line (the longest, not before token `free`), written with a capital.
fn maker_before(doc: &Document, lexicon: &Lexicon, t: usize, free: usize) -> Option<usize> {
    let makers = &lexicon.model_makers;
    if t == 0 || t <= free || !has_capital(doc, t - 1) || doc.line_break_between(t - 1, t) {
        return None;
    }
    (1..=makers.longest().min(t - free))
        .rev()
        .map(|len| t - len)
        .find(|&start| has_capital(doc, start) && listed(&[makers], doc, start..t))
}

/// Whether token `u` is a word with an ASCII capital in it ("Boeing", "iPhone", "MAX"): every
/// maker, line and variant is written so.
fn has_capital(doc: &Document, u: usize) -> bool {
    doc.tokens.get(u).is_some_and(|token| {
        token.kind == TokenKind::Word
            && doc.text.as_bytes()[token.start..token.end]
                .iter()
                .any(u8::is_ascii_uppercase)
    })
}

/// Whether a product's head noun starts at token `t` on its line, maybe after one lowercase
/// word ("F-14 military plane").
fn head_at(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    let head = |u: usize| {
        products::followed_by_head(doc, lexicon, u)
            || (u < doc.tokens.len()
                && !doc.line_break_between(u - 1, u)
                && listed(&[&lexicon.model_heads], doc, u..u + 1))
    };
    let modifier = t < doc.tokens.len()
        && doc.token_text(t).bytes().all(|b| b.is_ascii_lowercase())
        && !lexicon.stopwords.contains(doc.token_text(t));
    head(t) || (modifier && head(t + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, tagged: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        Found::after_pass(text, tagged, |doc, found| mark(doc, &Lexicon::new(), found))
    }

    fn misc(names: &[&str]) -> Vec<(String, Kind)> {
        names.iter().map(|n| (n.to_string(), Kind::Misc)).collect()
    }

    #[test]
    fn a_makers_model_is_one_misc_name() {
        assert_eq!(
            marked(
                "Airbus delivered its Airbus A320 while Boeing built the Boeing 737 MAX, a Tupolev 154 and Windows 95.",
                &[("Airbus", Kind::Organization), ("Boeing", Kind::Organization)],
            ),
            [
                ("Airbus".to_string(), Kind::Organization),
                ("Airbus A320".to_string(), Kind::Misc),
                ("Boeing".to_string(), Kind::Organization),
                ("Boeing 737 MAX".to_string(), Kind::Misc),
                ("Tupolev 154".to_string(), Kind::Misc),
                ("Windows 95".to_string(), Kind::Misc),
            ]
        );
        assert_eq!(
            marked("the new iPhone 17 Pro Max.", &[]),
            misc(&["iPhone 17 Pro Max"])
        );
    }

    #[test]
    fn a_name_running_into_a_model_is_cut_at_its_edge() {
        assert_eq!(
            marked(
                "the EgyptAir Boeing 707 overshot",
                &[("EgyptAir Boeing", Kind::Organization)]
            ),
            [
                ("EgyptAir".to_string(), Kind::Organization),
                ("Boeing 707".to_string(), Kind::Misc),
            ]
        );
    }

    #[test]
    fn a_code_before_a_products_head_is_a_model() {
        assert_eq!(
            marked(
                "It flew 72 A320 jets, two F-14 military planes, MiG-19 fighters and the 737 MAX.",
                &[("A320", Kind::Place)]
            ),
            misc(&["A320", "F-14", "MiG-19", "737 MAX"])
        );
    }

    #[test]
    fn counts_years_and_roads_are_no_models() {
        for text in [
            "Boeing 1996 profit rose, and Airbus\n320 jets flew.",
            "They sold 737 jets to 20 Max fans at Airbus 1,200 each.",
            "Take the M1 motorway or the A64 to Leeds.",
        ] {
            assert_eq!(marked(text, &[]), [], "{text}");
        }
        assert_eq!(
            marked("The Boeing 747-8 flew.", &[]),
            misc(&["Boeing 747-8"])
        );
    }
}
