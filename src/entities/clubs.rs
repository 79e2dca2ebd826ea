//! A listed sports club the tagger took for a person ("Chelsea" is a given name too) or a place
//! ("Bournemouth" is a town too) is the club when the text shows a match result with it: a
//! result's words right before or after the name ("Chelsea drew with Arsenal", "lost to
//! Chelsea", "Leeds v Chelsea", `result_words.txt`) or a score right after it ("Fulham 2 Chelsea
//! 1", "Chelsea 2-0"). Then every mention of the club that the tagger took for a person or a
//! place in the document is the club ("Chelsea drew with Arsenal. Chelsea's coach said …"); the
//! same name elsewhere with no result ("Chelsea Clinton", "Chelsea, 16, …") keeps its kind.

use super::lexicon::Lexicon;
use super::tagger::Found;
use super::{listed, lowercase_key};
use crate::text::{Document, FastSet, TokenKind};
use crate::Kind;

/// Re-kinds the persons and places of `found` that name a listed club shown in a result
/// somewhere.
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut [Found]) {
    let club = |name: &Found| {
        matches!(name.kind, Kind::Person | Kind::Place)
            && listed(&[&lexicon.sports_clubs], doc, name.tokens.clone())
    };
    let shown = |name: &Found| in_result(doc, lexicon, name);
    rekind_written_alike(doc, found, club, shown, Kind::Organization);
}

/// Re-kinds as `kind` every name of `found` that `reads` takes, written as one of them that
/// `shown` also takes (by [`lowercase_key`]): what one mention shows, a team's result, holds at
/// every mention the tagger read the same way ("Chelsea drew with Arsenal. Chelsea's coach").
pub(super) fn rekind_written_alike(
    doc: &Document,
    found: &mut [Found],
    reads: impl Fn(&Found) -> bool,
    shown: impl Fn(&Found) -> bool,
    kind: Kind,
) {
    let keys: FastSet<String> = found
        .iter()
        .filter(|name| reads(name) && shown(name))
        .map(|name| lowercase_key(doc, name.tokens.clone()))
        .collect();
    if keys.is_empty() {
        return;
    }
    for name in found.iter_mut() {
        if reads(name) && keys.contains(&lowercase_key(doc, name.tokens.clone())) {
            name.kind = kind;
        }
    }
}

/// Whether result words end right before `name` or start right after it, or a score follows it,
/// on the same line.
fn in_result(doc: &Document, lexicon: &Lexicon, name: &Found) -> bool {
    let (start, end) = (name.tokens.start, name.tokens.end);
    let same_line = |a: usize, b: usize| !doc.line_break_between(a, b);
    let before =
        start > 0 && same_line(start - 1, start) && result_word_before(doc, lexicon, start);
    let room = doc.tokens.len() - end;
    let after = room > 0 && same_line(end - 1, end) && result_word_after(doc, lexicon, end);
    before || after || (room > 0 && same_line(end - 1, end) && is_score(doc, end))
}

/// Whether a result's words (`result_words.txt`: "beat", "lost to", "v") end right before token
/// `start`.
pub(super) fn result_word_before(doc: &Document, lexicon: &Lexicon, start: usize) -> bool {
    let words = &lexicon.result_words;
    (1..=words.longest().min(start)).any(|len| listed(&[words], doc, start - len..start))
}

/// Whether a result's words start at token `end`.
pub(super) fn result_word_after(doc: &Document, lexicon: &Lexicon, end: usize) -> bool {
    let words = &lexicon.result_words;
    let room = doc.tokens.len() - end;
    (1..=words.longest().min(room)).any(|len| listed(&[words], doc, end..end + len))
}

/// Whether token `t` is a score: a number of one to three digits ("2"), or two joined by a
/// hyphen ("2-1").
pub(super) fn is_score(doc: &Document, t: usize) -> bool {
    let text = doc.token_text(t);
    doc.tokens[t].kind == TokenKind::Number
        && match text.split_once('-') {
            Some((a, b)) => is_goals(a) && is_goals(b),
            None => is_goals(text),
        }
}

/// Whether token `t` is one side's score: a number of one to three digits ("2", "107").
pub(super) fn is_side_score(doc: &Document, t: usize) -> bool {
    doc.tokens[t].kind == TokenKind::Number && is_goals(doc.token_text(t))
}

fn is_goals(text: &str) -> bool {
    (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds of the names (token ranges, all persons) after [`mark`].
    fn kinds_after(text: &str, names: &[(usize, usize)]) -> Vec<Kind> {
        let doc = Document::new(text);
        let lexicon = Lexicon::new();
        let mut found = Found::all(names, Kind::Person);
        mark(&doc, &lexicon, &mut found);
        found.iter().map(|f| f.kind).collect()
    }

    const ORG: Kind = Kind::Organization;
    const PERSON: Kind = Kind::Person;

    #[test]
    fn a_club_next_to_a_result_is_the_club() {
        // Chelsea(0) drew(1) with(2) Arsenal(3)
        assert_eq!(kinds_after("Chelsea drew with Arsenal", &[(0, 1)]), [ORG]);
        // Leeds(0) lost(1) to(2) Chelsea(3)
        assert_eq!(kinds_after("Leeds lost to Chelsea", &[(3, 4)]), [ORG]);
        // Fulham(0) 2(1) Chelsea(2) 1(3)
        assert_eq!(kinds_after("Fulham 2 Chelsea 1", &[(2, 3)]), [ORG]);
        // Every person mention of the club: Chelsea(0) beat(1) Leeds(2) .(3) Chelsea(4) 's(5) coach(6)
        let text = "Chelsea beat Leeds. Chelsea's coach";
        assert_eq!(kinds_after(text, &[(0, 1), (4, 5)]), [ORG, ORG]);
        // A club read as its town: Bournemouth(0) lost(1) to(2) Leeds(3)
        let doc = Document::new("Bournemouth lost to Leeds");
        let mut found = Found::all(&[(0, 1)], Kind::Place);
        mark(&doc, &Lexicon::new(), &mut found);
        assert_eq!(found[0].kind, ORG);
    }

    #[test]
    fn a_club_name_with_no_result_keeps_its_kind() {
        // Chelsea(0) ,(1) 16(2) ,(3) said(4): a comma before the number.
        assert_eq!(kinds_after("Chelsea, 16, said", &[(0, 1)]), [PERSON]);
        // An unlisted name: Chelsea(0) Clinton(1) beat(2) him(3)
        assert_eq!(kinds_after("Chelsea Clinton beat him", &[(0, 2)]), [PERSON]);
        // A result on another line: Chelsea(0) \n beat(1) Leeds(2)
        assert_eq!(kinds_after("Chelsea\nbeat Leeds", &[(0, 1)]), [PERSON]);
        // A number that is not a score: Chelsea(0) 2024(1)
        assert_eq!(kinds_after("Chelsea 2024", &[(0, 1)]), [PERSON]);
    }
}
