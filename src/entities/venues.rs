//! Sports schedules in capitals, one game a line or run on: "HOUSTON AT PITTSBURGH", "SAN
//! FRANCISCO AT NEW YORK". The name before "AT" is the visiting team, the one after it the
//! venue: a place, as CoNLL-2003 marks every such pair (99 of 99 in its training documents),
//! whatever the same city's name is elsewhere in the table (the team, in its own games).

use super::group::{self, Group, Mention};
use super::tagger::Found;
use crate::text::Document;
use crate::Kind;

/// Makes the names of `found` that follow another name and "AT" in capitals places, and the
/// names before them organizations (the visiting team).
pub fn mark(doc: &Document, found: &mut [Found]) {
    for i in 1..found.len() {
        if is_venue(doc, found[i - 1].tokens.end, found[i].tokens.start) {
            found[i - 1].kind = Kind::Organization;
            found[i].kind = Kind::Place;
        }
    }
}

/// Takes every venue mention out of its entity into one of its own (a place, by [`mark`]).
pub fn separate(doc: &Document, mentions: &[Mention], groups: &mut Vec<Group>) {
    let mut venue = vec![false; mentions.len()];
    for i in 1..mentions.len() {
        venue[i] = is_venue(doc, mentions[i - 1].tokens.end, mentions[i].tokens.start);
    }
    group::separate(mentions, groups, |_, m| venue[m]);
}

/// Whether a name ending before token `end` and one starting at token `start` are a game: "AT"
/// alone between them, both in capitals, on one line.
fn is_venue(doc: &Document, end: usize, start: usize) -> bool {
    start == end + 1
        && doc.token_text(end) == "AT"
        && in_capitals(doc, end - 1)
        && in_capitals(doc, start)
        && !doc.line_break_between(end - 1, start)
}

/// Whether token `t` has letters and no lowercase one.
fn in_capitals(doc: &Document, t: usize) -> bool {
    let text = doc.token_text(t);
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::super::EntityRecognizer;
    use super::*;

    /// The kinds of the mentions of `name` in `text`, in text order.
    fn kinds(text: &str, name: &str) -> Vec<Kind> {
        let doc = Document::new(text);
        let layer = EntityRecognizer::new().recognize(&doc);
        (layer.spans.iter())
            .filter(|s| &text[s.start..s.end] == name)
            .map(|s| s.kind)
            .collect()
    }

    #[test]
    fn the_name_after_at_is_the_venue_and_the_team_stays_a_team() {
        let text =
            "SCHEDULE\nHOUSTON AT PITTSBURGH\nPITTSBURGH AT ATLANTA\nPITTSBURGH AT MONTREAL\n";
        assert_eq!(
            kinds(text, "PITTSBURGH"),
            [Kind::Place, Kind::Organization, Kind::Organization]
        );
        assert_eq!(kinds(text, "HOUSTON"), [Kind::Organization]);
        assert_eq!(kinds(text, "ATLANTA"), [Kind::Place]);
    }

    #[test]
    fn lowercase_at_is_not_a_schedule() {
        let doc = Document::new("Houston at Pittsburgh");
        assert!(!is_venue(&doc, 1, 2));
        let doc = Document::new("HOUSTON AT PITTSBURGH");
        assert!(is_venue(&doc, 1, 2));
    }
}
