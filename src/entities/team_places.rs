//! A country or a city named for its team: outside wire copy, a place's name in a match's result
//! ("Sweden defeated South Korea 1 – 0", "Belgium 3 – 0 Panama", "Tunisia lost 1 – 2 to England")
//! is the team, an organization, at every mention the tagger read as a place ("Sweden had higher
//! ball possession"). GUM marks national teams so, as it marks clubs; CoNLL-2003 marks a country
//! that plays as a place ("Pakistan beat England by 107 runs") and a city that plays as an
//! organization, so wire copy keeps the tagger's kinds, as it keeps nationality adjectives
//! (`nationality_words.rs`) and a year's place before an event (`event_years.rs`).
//!
//! A result is a result's word right before or after the name ("defeated", "lost to",
//! `result_words.txt`), "won", "lost" or "drew" and a score after it, a score right after it, or a
//! score of both sides, alone or with "to", "against" or "over", right before it; and a score of
//! both sides ("1 – 0", "2-1") must stand within a few words on the same line, so that a war's or
//! an election's "defeated" is left alone. A court case's "v." is not a result here ("Biden v.
//! Nebraska", decided 6-3), nor is a name in capitals (a Reuters scoreboard without a dateline,
//! "PAKISTAN 229-1 V ENGLAND", is wire copy too).
//!
//! Measured by `newsmark cv-ner` (session 32): GUM 5-fold (seeds 1-5) 0.7150 → 0.7206, every seed
//! +0.0056; at seed 1, 41 names put right and 1 made wrong, all in the one GUM text with national
//! teams' results (a World Cup report). CoNLL-2003 with GUM unchanged (0.9197).

use super::clubs::{
    is_score, is_side_score, rekind_written_alike, result_word_after, result_word_before,
};
use super::lexicon::Lexicon;
use super::tagger::Found;
use crate::text::Document;
use crate::Kind;

/// The most tokens between a name and the score of its match (either side, on its line).
const NEAR: usize = 8;

/// Outside wire copy, re-kinds as organizations the places of `found` named in a match's result
/// somewhere in the document.
pub fn mark(doc: &Document, lexicon: &Lexicon, wire: bool, found: &mut [Found]) {
    if wire {
        return;
    }
    let place = |name: &Found| name.kind == Kind::Place;
    let shown = |name: &Found| !in_capitals(doc, name) && in_match(doc, lexicon, name);
    rekind_written_alike(doc, found, place, shown, Kind::Organization);
}

/// Whether `name` is written in capitals, as a table's or a headline's row is ("CRICKET -
/// PAKISTAN 229-1 V ENGLAND", a Reuters scoreboard with no dateline).
fn in_capitals(doc: &Document, name: &Found) -> bool {
    !doc.text[doc.tokens[name.tokens.start].start..doc.tokens[name.tokens.end - 1].end]
        .chars()
        .any(char::is_lowercase)
}

/// Whether `name` is a side of a result, with both sides' score near it.
fn in_match(doc: &Document, lexicon: &Lexicon, name: &Found) -> bool {
    let (start, end) = (name.tokens.start, name.tokens.end);
    let on_line = |a: usize, b: usize| !doc.line_break_between(a, b);
    let before = start > 0 && on_line(start - 1, start) && result_before(doc, lexicon, start);
    let after = end < doc.tokens.len()
        && on_line(end - 1, end)
        && (is_score(doc, end) || result_after(doc, lexicon, end));
    (before || after) && score_near(doc, start, end)
}

/// Whether a result's word ends right before token `start`, a score of both sides ("Belgium
/// 3 – 0 Panama"), or a score and "to", "against" or "over" ("lost 1 – 2 to England").
fn result_before(doc: &Document, lexicon: &Lexicon, start: usize) -> bool {
    let word = result_word_before(doc, lexicon, start) && !is_versus(doc.token_text(start - 1));
    let after_score = start >= 2
        && one_of(doc.token_text(start - 1), &["to", "against", "over"])
        && score_ends_at(doc, start - 2);
    word || score_ends_at(doc, start - 1) || after_score
}

/// Whether a result's word starts at token `end` ("Sweden defeated …"), or "won", "lost" or
/// "drew" and a score ("Tunisia lost 1 – 2 to England").
fn result_after(doc: &Document, lexicon: &Lexicon, end: usize) -> bool {
    let room = doc.tokens.len() - end;
    let word = !is_versus(doc.token_text(end)) && result_word_after(doc, lexicon, end);
    let verb_and_score = room > 1
        && one_of(
            doc.token_text(end),
            &["won", "lost", "drew", "wins", "loses", "draws"],
        )
        && is_score(doc, end + 1);
    word || verb_and_score
}

/// A court case's "v." or "versus", which the result words hold for fixtures.
fn is_versus(word: &str) -> bool {
    one_of(word, &["v", "v.", "vs", "vs.", "versus"])
}

/// Whether `word` is one of `words` (lowercase), in any case.
fn one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether a score of both sides ("2-1" or "1 – 0") stands within [`NEAR`] tokens of the name
/// on `start..end`, on its line.
fn score_near(doc: &Document, start: usize, end: usize) -> bool {
    let from = start.saturating_sub(NEAR);
    let to = (end + NEAR).min(doc.tokens.len());
    let before = (from..start)
        .rev()
        .find(|&t| doc.line_break_between(t, t + 1));
    let after = (end..to).find(|&t| doc.line_break_between(t - 1, t));
    let from = before.map_or(from, |t| t + 1);
    let to = after.unwrap_or(to);
    (from..to).any(|t| score_ends_at(doc, t))
}

/// Whether token `t` ends a score of both sides: one token ("2-1") or three ("1 – 0").
fn score_ends_at(doc: &Document, t: usize) -> bool {
    if doc.token_text(t).contains('-') {
        return is_score(doc, t);
    }
    t >= 2
        && is_side_score(doc, t)
        && matches!(doc.token_text(t - 1), "-" | "–" | "—")
        && is_side_score(doc, t - 2)
        && !doc.line_break_between(t - 2, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds, after [`mark`], of the first mention of each of `names` (all read as places),
    /// and of every later mention of the first.
    fn kinds(text: &str, names: &[&str], wire: bool) -> Vec<Kind> {
        let doc = Document::new(text);
        let mut found: Vec<Found> = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let places: Vec<usize> = text.match_indices(name).map(|(at, _)| at).collect();
            let places = if i == 0 { &places[..] } else { &places[..1] };
            for &at in places {
                let start = doc.token_at_or_after(at);
                let end = doc.token_at_or_after(at + name.len());
                found.extend(Found::all(&[(start, end)], Kind::Place));
            }
        }
        found.sort_by_key(|f| f.tokens.start);
        mark(&doc, &Lexicon::new(), wire, &mut found);
        found.iter().map(|f| f.kind).collect()
    }

    const ORG: Kind = Kind::Organization;
    const PLACE: Kind = Kind::Place;

    #[test]
    fn a_place_in_a_result_is_its_team_at_every_mention() {
        let text = "Sweden defeated South Korea 1 – 0 in Nizhny Novgorod. Sweden led.";
        assert_eq!(
            kinds(text, &["Sweden", "South Korea", "Nizhny Novgorod"], false),
            [ORG, ORG, PLACE, ORG]
        );
        let text = "Group G: Belgium 3 – 0 Panama";
        assert_eq!(kinds(text, &["Belgium", "Panama"], false), [ORG, ORG]);
        let text = "Tunisia lost 1 – 2 to England at the arena.";
        assert_eq!(kinds(text, &["Tunisia", "England"], false), [ORG, ORG]);
        let text = "Texas lost 3-2 to Oklahoma.";
        assert_eq!(kinds(text, &["Texas", "Oklahoma"], false), [ORG, ORG]);
        let text = "Ohio beat Iowa 24-17 on Saturday.";
        assert_eq!(kinds(text, &["Ohio", "Iowa"], false), [ORG, ORG]);
    }

    #[test]
    fn wire_copy_wars_courts_and_results_without_a_score_are_left() {
        let text = "Pakistan beat England 2-1 in Lahore.";
        assert_eq!(kinds(text, &["Pakistan", "England"], true), [PLACE, PLACE]);
        let text = "Israel defeated Egypt in 1967, and Syria lost to Israel again.";
        assert_eq!(
            kinds(text, &["Israel", "Egypt"], false),
            [PLACE, PLACE, PLACE]
        );
        let text = "In Biden v. Nebraska, decided 6-3, the court ruled.";
        assert_eq!(kinds(text, &["Nebraska"], false), [PLACE]);
        // In capitals: a scoreboard's headline.
        let text = "CRICKET - PAKISTAN 229-1 V ENGLAND";
        assert_eq!(kinds(text, &["PAKISTAN"], false), [PLACE]);
        // The score on the next line.
        let text = "Sweden defeated South Korea\n1 – 0 was the score.";
        assert_eq!(kinds(text, &["Sweden"], false), [PLACE]);
    }
}
