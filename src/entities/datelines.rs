//! Datelines: the place a story was filed from, in capitals at the start of a line, before the
//! story's date, its agency or a dash ("NASHVILLE, Tenn. —", "MILAN 1996-08-30", "KYIV, Ukraine
//! (AP) —", "LONDON, Dec 5 (Reuters) -"). The name there is a place, whatever the tagger read it
//! as and whatever the same words are elsewhere in the story: the "NEW YORK" of a dateline over a
//! story about the New York Mets is the city, and "MILAN" over a story about AC Milan too.

use std::ops::Range;

use super::group::{self, Group, Mention};
use super::lexicon::Lexicon;
use super::tagger::Found;
use crate::text::{Document, TokenKind};
use crate::Kind;

/// The most tokens between a dateline's comma and what ends it ("West Bank", "N.H.", "Tenn.").
const MAX_REGION: usize = 6;

/// Makes every dateline name in `found` a place, and the region after its comma
/// ("ARLINGTON, Texas 1996-08-31"); drops a name the tagger read in the date after that comma
/// ("LONDON, Dec 5 (Reuters)": "Dec" is the month).
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    found.retain(|name| !is_dateline_date(doc, lexicon, name.tokens.start));
    for name in found.iter_mut() {
        if in_dateline(doc, lexicon, name.tokens.clone()) {
            name.kind = Kind::Place;
        }
    }
}

/// The most lines at a story's top searched for its dateline (headline, kicker, byline, then
/// the dateline) by [`wire_copy`].
const TOP_LINES: usize = 5;
/// The most tokens of a dateline's place ("RIO DE JANEIRO").
const MAX_PLACE: usize = 4;

/// Whether `doc` is wire copy: a dateline opens one of its first lines. Newswires and the
/// papers that follow them write names their own way (a nationality adjective is a name), so
/// the tagger reads a story's names knowing which it is.
pub fn wire_copy(doc: &Document, lexicon: &Lexicon) -> bool {
    let mut lines = 0;
    for t in 0..doc.tokens.len() {
        if t > 0 && !doc.line_break_between(t - 1, t) {
            continue;
        }
        lines += 1;
        if lines > TOP_LINES {
            return false;
        }
        let longest = MAX_PLACE.min(doc.tokens.len() - t);
        if (1..=longest).any(|len| is_dateline(doc, lexicon, t..t + len)) {
            return true;
        }
    }
    false
}

/// Whether the name on `tokens` is a dateline's place or the region after its comma.
fn in_dateline(doc: &Document, lexicon: &Lexicon, tokens: Range<usize>) -> bool {
    is_dateline(doc, lexicon, tokens.clone()) || is_dateline_region(doc, lexicon, tokens.start)
}

/// Whether token `start` opens the date right after a dateline's comma ("LONDON, Dec 5").
fn is_dateline_date(doc: &Document, lexicon: &Lexicon, start: usize) -> bool {
    after_dateline_comma(doc, lexicon, start) && ends_dateline(doc, lexicon, start, false)
}

/// Whether a name starting at token `start` is a dateline's region: right after the comma that
/// follows a dateline's name ("ARLINGTON, Texas 1996-08-31", "KYIV, Ukraine (AP) —"), and not
/// the date there ("LONDON, Dec 5 (Reuters)": the month is the date).
fn is_dateline_region(doc: &Document, lexicon: &Lexicon, start: usize) -> bool {
    after_dateline_comma(doc, lexicon, start) && !ends_dateline(doc, lexicon, start, false)
}

/// Whether token `start` follows the comma after a dateline's name, which runs from its line's
/// first token to the comma: a few tokens at most.
fn after_dateline_comma(doc: &Document, lexicon: &Lexicon, start: usize) -> bool {
    if start < 2 || doc.token_text(start - 1) != "," {
        return false;
    }
    let comma = start - 1;
    let line_start = (comma.saturating_sub(MAX_REGION)..comma)
        .rev()
        .find(|&t| t == 0 || doc.line_break_between(t - 1, t));
    line_start.is_some_and(|first| is_dateline(doc, lexicon, first..comma))
}

/// Whether the name on `tokens` is a dateline: it opens a line, is written in capitals, and the
/// rest of the dateline follows it on its line.
fn is_dateline(doc: &Document, lexicon: &Lexicon, tokens: Range<usize>) -> bool {
    let (first, end) = (tokens.start, tokens.end);
    let opens_line = first == 0 || doc.line_break_between(first - 1, first);
    opens_line && in_capitals(doc, tokens) && rest_follows(doc, lexicon, end)
}

/// Whether the words of `tokens` have two letters or more and no lowercase letter.
fn in_capitals(doc: &Document, tokens: Range<usize>) -> bool {
    let mut letters = 0;
    for t in tokens {
        for c in doc.token_text(t).chars() {
            if c.is_lowercase() {
                return false;
            }
            letters += usize::from(c.is_alphabetic());
        }
    }
    letters >= 2
}

/// Whether what follows token `end - 1` on its line is the rest of a dateline: the date, the
/// agency in brackets or a dash, right away or after a comma and a short region ("Tenn.").
fn rest_follows(doc: &Document, lexicon: &Lexicon, end: usize) -> bool {
    let same_line = |t: usize| t < doc.tokens.len() && !doc.line_break_between(end - 1, t);
    if same_line(end) && ends_dateline(doc, lexicon, end, false) {
        return true;
    }
    if !same_line(end) || doc.token_text(end) != "," {
        return false;
    }
    for t in end + 1..(end + 1 + MAX_REGION).min(doc.tokens.len()) {
        if !same_line(t) {
            return false;
        }
        if ends_dateline(doc, lexicon, t, t > end + 1) {
            return true;
        }
        if !doc.is_capitalized(t) && doc.token_text(t) != "." {
            return false;
        }
    }
    false
}

/// Whether token `t` ends a dateline: a date (a number of three parts, "1996-08-30", or a
/// month's name and a number, "Dec 5"), the agency in brackets before a dash ("(AP) —"), or a
/// dash that the story's first words follow. The dash is a long one ("WASHINGTON — The"), or a
/// hyphen after a region (`after_region`: "NASHVILLE, Tenn. - The"): a hyphen right after
/// capitals is a headline's or a slug's ("RUGBY UNION - All Blacks win", "RTRS - Tennis").
fn ends_dateline(doc: &Document, lexicon: &Lexicon, t: usize, after_region: bool) -> bool {
    let text = doc.token_text(t);
    let word = |u: usize| u < doc.tokens.len() && !doc.line_break_between(t, u);
    match doc.tokens[t].kind {
        TokenKind::Number => text.split(['-', '/']).count() == 3,
        TokenKind::Word => {
            let name = text.to_lowercase();
            let month =
                lexicon.calendar.contains(&name) || lexicon.calendar.contains(&format!("{name}."));
            month && word(t + 1) && doc.tokens[t + 1].kind == TokenKind::Number
        }
        TokenKind::Punct if text == "(" => {
            let agency = word(t + 3) && doc.is_capitalized(t + 1) && doc.token_text(t + 2) == ")";
            agency && matches!(doc.token_text(t + 3), "—" | "–" | "-")
        }
        TokenKind::Punct => {
            let dash = matches!(text, "—" | "–") || (text == "-" && after_region);
            dash && story_follows(doc, t + 1)
        }
    }
}

/// Whether the words from token `t` on its line, up to three, have a lowercase letter.
fn story_follows(doc: &Document, t: usize) -> bool {
    (t..(t + 3).min(doc.tokens.len()))
        .take_while(|&u| !doc.line_break_between(t - 1, u))
        .any(|u| doc.token_text(u).chars().any(char::is_lowercase))
}

/// Takes every dateline mention (a dateline's place or region) out of an entity that is not a
/// place into an entity of its own, so that it stays a place.
pub fn separate(doc: &Document, lexicon: &Lexicon, mentions: &[Mention], groups: &mut Vec<Group>) {
    let dateline: Vec<bool> = (mentions.iter())
        .map(|m| in_dateline(doc, lexicon, m.tokens.clone()))
        .collect();
    group::separate(mentions, groups, |g, m| {
        dateline[m] && g.kind() != Kind::Place
    });
}

#[cfg(test)]
mod tests {
    use super::super::EntityRecognizer;
    use super::*;

    /// Whether the first token of the text, to `len` tokens, is a dateline.
    fn dateline(text: &str, len: usize) -> bool {
        is_dateline(&Document::new(text), &Lexicon::new(), 0..len)
    }

    #[test]
    fn datelines_of_every_form_are_found() {
        assert!(dateline("NASHVILLE, Tenn. — The mayor said", 1));
        assert!(dateline("SAN JOSE 2024-03-02 Chipmakers rose", 2));
        assert!(dateline("KYIV, Ukraine (AP) — Drones hit", 1));
        assert!(dateline("LONDON, Dec 5 (Reuters) - Shares fell", 1));
        assert!(dateline("ROCHESTER, N.H. 2001-05-04 A fire", 1));
        assert!(dateline("OSLO — The king opened", 1));
        assert!(dateline("OSLO, Norway - The king opened", 1));
    }

    #[test]
    fn wire_copy_has_a_dateline_in_its_first_lines() {
        let wire = |text: &str| wire_copy(&Document::new(text), &Lexicon::new());
        assert!(wire(
            "Shares fall.\nLONDON, Dec 5 (Reuters) - Shares fell on Friday."
        ));
        assert!(wire(
            "SOCCER - RESULTS.\nRIO DE JANEIRO 1996-08-31\nResults of games."
        ));
        assert!(!wire(
            "Shares fall\nFriday, July 21, 2017\nShares fell on Friday."
        ));
        assert!(!wire(
            "a\nb\nc\nd\ne\nLONDON, Dec 5 (Reuters) - Too far down."
        ));
        assert!(!wire(""));
    }

    #[test]
    fn a_datelines_region_is_found_after_its_comma() {
        let region = |text: &str, start: usize| {
            is_dateline_region(&Document::new(text), &Lexicon::new(), start)
        };
        // ARLINGTON(0) ,(1) Texas(2) 1996-08-31(3)
        assert!(region("ARLINGTON, Texas 1996-08-31\nThe Rangers won.", 2));
        // Later in a line(3), or with no dateline before the comma: not a region.
        assert!(!region("The Rangers, Texas 1996-08-31", 3));
        assert!(!region("Hello, Texas is big.", 2));
        // The month of the dateline's date: LONDON(0) ,(1) Dec(2) 5(3)
        assert!(!region("LONDON, Dec 5 (Reuters) - Shares fell.", 2));
    }

    #[test]
    fn other_capitals_are_not_datelines() {
        // Not at a line's start, not in capitals, not followed by a dateline's end.
        assert!(!dateline("He met NASA officials, Tenn. — no", 1));
        assert!(!dateline("Nashville, Tenn. — The mayor said", 1));
        assert!(!dateline("NASHVILLE BEAT MEMPHIS 3-1", 1));
        assert!(!dateline("NASHVILLE, the city said — it", 1));
        assert!(!dateline("NASHVILLE,\nTenn. — The mayor", 1));
        assert!(!dateline("A - B", 1));
        // A headline's dash, and a score.
        assert!(!dateline("RUGBY UNION - SOUTH AFRICA BEAT ALL BLACKS", 2));
        assert!(!dateline("DENVER 3-1 UTAH", 1));
        // A slug's hyphen, a bracket that holds no agency, a weekday.
        assert!(!dateline("RTRS - Tennis - Muster upset", 1));
        assert!(!dateline("ETA (Basque Homeland and Freedom) said", 1));
        assert!(!dateline("USDA Thursday forecast a crop", 1));
    }

    #[test]
    fn a_dateline_stays_a_place_over_a_story_about_its_team() {
        let text = "DENVER 2024-03-02\nDenver beat Utah 101-99 on Saturday. Denver's coach \
                    praised the team, and Denver won its fifth game in a row.";
        let doc = Document::new(text);
        let layer = EntityRecognizer::new().recognize(&doc);
        let dateline = layer.spans.iter().find(|s| s.text == "DENVER");
        assert_eq!(
            dateline.map(|s| s.kind),
            Some(Kind::Place),
            "{:?}",
            layer.spans
        );
        let firsts: Vec<usize> = layer.entities.iter().map(|e| e.mentions[0].start).collect();
        assert!(firsts.windows(2).all(|w| w[0] < w[1]));
        for span in &layer.spans {
            assert_eq!(span.kind, layer.entities[span.entity.unwrap()].kind);
        }
    }
}
