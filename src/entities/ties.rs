//! The name before a two-legged tie's outcome is a team's: "Brann win 5-2 on aggregate",
//! "Olimpija won 4-3 on penalties", "Gothenburg go through 4-1 on aggregate". The tagger reads
//! unknown clubs there as persons. In CoNLL-2003 gold the name before such an outcome is an
//! organization 14 times and a place 6 (a country or a town its team is named by: "Togo win 1-0
//! on aggregate"), never a person's; so a name read as a person's is an organization, at every
//! mention the tagger also read as a person's, and a place keeps its kind.

use super::clubs::{is_score, rekind_written_alike};
use super::tagger::Found;
use crate::text::Document;
use crate::Kind;

/// Re-kinds as organizations the persons of `found` named right before a tie's outcome, and the
/// other persons of `found` written the same way.
pub fn mark(doc: &Document, found: &mut [Found]) {
    let person = |name: &Found| name.kind == Kind::Person;
    let shown = |name: &Found| before_outcome(doc, name.tokens.end);
    rekind_written_alike(doc, found, person, shown, Kind::Organization);
}

/// Whether a tie's outcome starts at token `t`, on one line: "win", "won", "wins" or "through",
/// a score, "on" and "aggregate", "penalties" or "away" ("on away goals").
fn before_outcome(doc: &Document, t: usize) -> bool {
    if t + 3 >= doc.tokens.len() || doc.line_break_between(t - 1, t + 3) {
        return false;
    }
    let verb = ["win", "won", "wins", "through"]
        .iter()
        .any(|w| doc.token_is(t, w));
    let outcome = ["aggregate", "penalties", "away"]
        .iter()
        .any(|w| doc.token_is(t + 3, w));
    verb && is_score(doc, t + 1) && doc.token_is(t + 2, "on") && outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, names: &[(&str, Kind)]) -> Vec<Kind> {
        let doc = Document::new(text);
        let mut found = Found::first_places(&doc, names);
        mark(&doc, &mut found);
        found.iter().map(|f| f.kind).collect()
    }

    #[test]
    fn a_person_before_a_ties_outcome_is_a_team_at_every_mention() {
        let text = "Attendance: 2,189 Zedvik win 5-2 on aggregate. Zedvik's coach was glad.";
        let doc = Document::new(text);
        let mut found = Found::every(&doc, &["Zedvik"], Kind::Person);
        mark(&doc, &mut found);
        assert!(found.iter().all(|f| f.kind == Kind::Organization));
        assert_eq!(
            kinds(
                "Olimpa Kray won 4-3 on penalties.",
                &[("Olimpa Kray", Kind::Person)]
            ),
            [Kind::Organization]
        );
    }

    #[test]
    fn places_other_results_and_other_lines_stay() {
        assert_eq!(
            kinds("Togo win 1-0 on aggregate.", &[("Togo", Kind::Place)]),
            [Kind::Place]
        );
        assert_eq!(
            kinds(
                "Sampras won 6-4 6-3 on Centre Court.",
                &[("Sampras", Kind::Person)]
            ),
            [Kind::Person]
        );
        assert_eq!(
            kinds("Zedvik won\n5-2 on aggregate.", &[("Zedvik", Kind::Person)]),
            [Kind::Person]
        );
    }
}
