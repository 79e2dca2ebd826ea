//! Organizations' long official names: "Andy Warhol Foundation for the Visual Arts", "Joint
//! Council for the Welfare of Immigrants". The tagger sees two words either side of a token, so it
//! often ends the name at the institution's head word and starts a second one after "for the";
//! such a pair is one organization when the first part ends in a head word ("Foundation",
//! "Council": the organization suffix list) and only "for", "of" or "on" (and "the") stand between.
//! A place after it stays apart: "Kia Motor Corp of South Korea" names a company and its country;
//! but an institution's name goes on with "of" and a place ("Senate of the United States",
//! `institution_heads.txt`), and so does a place's whose last word is a place's head word ("Gulf
//! of Mexico", "Democratic Republic of the Congo": `place_suffixes.txt`, `place_prefixes.txt`).
//! In CoNLL-2003 (train, dev) and GUM gold, a name runs on over such a head, "of" and a place 191
//! times, and stops at the head 3 times ("Hebrew University" of Jerusalem).
//! And an organization the tagger ends early ("JPMorgan" of "JPMorgan Chase") goes on over the
//! rest of a listed name (a listed company, sports club or organization) that the text goes on with.
//! A name the tagger ends before a capitalized legal form ("Pirelli" of "Pirelli SpA chairman")
//! goes on over it, and is an organization. And an organization with "of" or "for" in its name
//! goes on over the capitalized common words after its "and" ("Centers for Disease Control and
//! Prevention"): in CoNLL-2003 and GUM gold such a name is one 6 times ("Ministry of Petroleum
//! and Minerals", "Organization for Security and Cooperation"), and two only where the second is
//! an acronym or a place ("Council of Europe and NATO", "University of Birmingham and London").
//! With the embedded model it changes no gold name and puts right 5 in the PolNeAR articles
//! ("Organization for Economic Cooperation and Development", "Office of Management and Budget").

use super::edges::is_lead_noun;
use super::group::FORMS;
use super::lexicon::{fnv, Lexicon};
use super::tagger::Found;
use super::{is_possessive, listed, listed_abbreviated, listed_possessive};
use crate::text::{Document, FastSet};
use crate::Kind;

/// The words that may join the head of an organization's name to the rest of it.
const JOINING: [&[&str]; 6] = [
    &["for"],
    &["for", "the"],
    &["of"],
    &["of", "the"],
    &["on"],
    &["on", "the"],
];

/// Joins the split long names in `found` (in text order; kept so).
pub fn join(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    extend_listed(doc, lexicon, found);
    extend_over_listed_possessive(doc, lexicon, found);
    extend_over_legal_forms(doc, lexicon, found);
    extend_over_and_words(doc, lexicon, found);
    let mut joined: Vec<Found> = Vec::with_capacity(found.len());
    for next in found.drain(..) {
        match joined.last_mut() {
            Some(head) if continues(doc, lexicon, head, &next) => head.tokens.end = next.tokens.end,
            _ => joined.push(next),
        }
    }
    *found = joined;
}

/// Extends each organization of `found` over the rest of the longest listed name it starts,
/// taking in the names found inside that rest; a name that runs past the listed one stops it.
fn extend_listed(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let lists = lexicon.organization_lists();
    let longest = lists.iter().map(|l| l.longest()).max().unwrap_or(0);
    // Indices, not an iterator: a name that takes in the next ones drains them.
    let mut i = 0;
    while i < found.len() {
        let (start, end) = (found[i].tokens.start, found[i].tokens.end);
        let last = (start + longest).min(doc.tokens.len());
        let organization = found[i].kind == Kind::Organization;
        let listed_end = (end + 1..=last)
            .rev()
            .filter(|_| organization)
            .find(|&e| !doc.line_break_between(start, e - 1) && listed(&lists, doc, start..e));
        if let Some(e) = listed_end {
            extend_to(found, i, e);
        }
        i += 1;
    }
}

/// Extends name `i` of `found` (in text order) to end at token `end`, taking in the names after it
/// that start before `end`, unless one of them runs past it (then nothing changes).
fn extend_to(found: &mut Vec<Found>, i: usize, end: usize) {
    let inside = found[i + 1..].iter().take_while(|f| f.tokens.start < end);
    if inside.clone().all(|f| f.tokens.end <= end) {
        let taken = inside.count();
        found.drain(i + 1..i + 1 + taken);
        found[i].tokens.end = end;
    }
}

/// Extends each name of `found` over the possessive "'s" written onto it when the name with it is
/// a listed organization ("Sainsbury's", "Moody's", "McDonald's"), and makes it an organization:
/// the tagger reads the name before the "'s" as a surname. It is one where a title comes before
/// it ("President Carter's", though "Carter's" is a listed company), or where the document names
/// a person with it ("Ash Carter" … "Carter's press secretary"); a person's longer name is
/// listed as no company ("Ronald McDonald's shoes").
fn extend_over_listed_possessive(doc: &Document, lexicon: &Lexicon, found: &mut [Found]) {
    let mut surnames = None;
    for i in 0..found.len() {
        let (start, end) = (found[i].tokens.start, found[i].tokens.end);
        let written_on = end < doc.tokens.len() && doc.tokens[end].start == doc.tokens[end - 1].end;
        let free = found.get(i + 1).is_none_or(|next| next.tokens.start > end);
        // Most names have no "'s" written onto them: nothing more is read for those.
        if !(written_on && free) {
            continue;
        }
        // A noun opening the sentence ("Rivals Sainsbury's") is not the company's: `edges.rs`
        // drops it later.
        let first = start + usize::from(end - start > 1 && is_lead_noun(doc, lexicon, start));
        let listed = listed_possessive(&lexicon.organization_lists(), doc, first..end + 1);
        let titled =
            || start > 0 && listed_abbreviated(&lexicon.all_titles(), doc, start - 1..start);
        if !listed || titled() {
            continue;
        }
        // Rare: the surnames of the document's persons are gathered only for a listed one.
        let surnames = surnames.get_or_insert_with(|| person_surnames(doc, lexicon, found));
        if end - first == 1 && surnames.contains(doc.token_text(first)) {
            continue;
        }
        found[i].tokens.end = end + 1;
        found[i].kind = Kind::Organization;
    }
}

/// The last words of the names of `found` that are persons' names of two words or more, but for
/// a name that a lead noun opens ("Rivals Sainsbury").
fn person_surnames<'a>(doc: &'a Document, lexicon: &Lexicon, found: &[Found]) -> FastSet<&'a str> {
    found
        .iter()
        .filter(|f| f.kind == Kind::Person && f.tokens.len() >= 2)
        .filter(|f| !is_lead_noun(doc, lexicon, f.tokens.start))
        .map(|f| doc.token_text(f.tokens.end - 1))
        .collect()
}

/// Makes a person's name that ends in a capitalized legal form an organization, and extends each
/// name of `found` over the capitalized legal forms right after it ("Pirelli" + "SpA", "Dalgren
/// Holdings" + "AG") and makes it an organization, unless another name or a
/// capitalized word goes on after them, or more than [`FORMS`] of them (the name is then longer
/// than a company's).
fn extend_over_legal_forms(doc: &Document, lexicon: &Lexicon, found: &mut [Found]) {
    for i in 0..found.len() {
        let mut end = found[i].tokens.end;
        let goes_on = |end: usize| end < doc.tokens.len() && !doc.line_break_between(end - 1, end);
        // One form past the most is enough to know there are too many: each name reads a few
        // tokens, however long a run of forms the names stand in.
        while end - found[i].tokens.end <= FORMS && goes_on(end) && is_legal_form(doc, lexicon, end)
        {
            end += 1;
        }
        if end - found[i].tokens.end > FORMS {
            continue;
        }
        let next_start = found.get(i + 1).map_or(usize::MAX, |f| f.tokens.start);
        let capital_after = goes_on(end) && doc.token_text(end).starts_with(char::is_uppercase);
        if end > found[i].tokens.end && end <= next_start && !capital_after {
            found[i].tokens.end = end;
            found[i].kind = Kind::Organization;
        } else if ends_in_legal_form(doc, lexicon, &found[i]) {
            found[i].kind = Kind::Organization;
        }
    }
}

/// Whether `name` is a person's name of two words or more whose last word is a capitalized legal
/// form ("Kestrova SpA" read as a person's): no person's name ends so.
fn ends_in_legal_form(doc: &Document, lexicon: &Lexicon, name: &Found) -> bool {
    name.kind == Kind::Person
        && name.tokens.len() >= 2
        && is_legal_form(doc, lexicon, name.tokens.end - 1)
}

/// Whether token `t` is a capitalized legal form ("Inc.", "SpA", "AG", "Holdings").
fn is_legal_form(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    let word = doc.token_text(t);
    word.starts_with(char::is_uppercase) && lexicon.legal_forms.contains(&word.to_lowercase())
}

/// Extends each organization of `found` whose name has "of" or "for" inside over the common
/// words its name goes on with after "and" ("Centers for Disease Control" + "and Prevention",
/// "Office of Management" + "and Budget", "Bureau of Alcohol, Tobacco" + ", Firearms and
/// Explosives"): the tagger sees two words either side of a token, so it ends the name before the
/// "and" and reads the rest as another name or none. The words after "and" (and after a comma
/// before it) are one or two capitalized common words each ([`capitalized_common`]), and the name
/// must end there: a word of another name ("Council of Europe and NATO", "University of
/// Birmingham and London"), "of" ("… and Division of Student Affairs") or a capital after them
/// leave it as it is. A name the tagger found among them goes into it, whatever its kind: it is
/// made of common words ("Budget" read as a person's).
fn extend_over_and_words(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut i = 0;
    while i < found.len() {
        let name = &found[i];
        let inner = name.tokens.start + 1..name.tokens.end.saturating_sub(1);
        let of_inside = || {
            inner
                .clone()
                .any(|t| matches!(doc.token_text(t), "of" | "for"))
        };
        let end = (name.kind == Kind::Organization && of_inside())
            .then(|| and_words_end(doc, lexicon, name.tokens.end))
            .flatten();
        if let Some(end) = end {
            extend_to(found, i, end);
        }
        i += 1;
    }
}

/// The most items a name's list after its "of" goes on with ("Alcohol, Tobacco, Firearms and
/// Explosives" has three after "Alcohol"): each name reads a few tokens at most.
const AND_ITEMS: usize = 4;

/// If the tokens from `t` are items of one or two [`capitalized_common`] words, each after a comma
/// and the last after "and", all on one line, and no capital, "of", "for" or possessive follows
/// them, the token after the last item.
fn and_words_end(doc: &Document, lexicon: &Lexicon, mut t: usize) -> Option<usize> {
    let n = doc.tokens.len();
    for _ in 0..AND_ITEMS {
        let last = t < n && doc.token_is(t, "and");
        if !(last || (t < n && doc.token_is(t, ","))) || doc.line_break_between(t - 1, t) {
            return None;
        }
        let first = t + 1;
        t = first;
        while t < n && t - first < 2 && !doc.line_break_between(t - 1, t) {
            if !capitalized_common(doc, lexicon, t) {
                break;
            }
            t += 1;
        }
        if t == first {
            return None;
        }
        if last {
            let after = (t < n && !doc.line_break_between(t - 1, t)).then(|| doc.token_text(t));
            let goes_on = after.is_some_and(|w| {
                w.starts_with(char::is_uppercase) || matches!(w, "of" | "for") || is_possessive(w)
            });
            return (!goes_on).then_some(t);
        }
    }
    None
}

/// Whether token `t` is a capitalized common word: mostly lowercase in unlabeled text (its
/// capitalization band, [`super::word_classes`]), or, if the bands do not have it, a noun of an
/// abstract suffix ("Prevention", "Explosives"); not in capitals, and in no list of names.
fn capitalized_common(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    let word = doc.token_text(t);
    if !doc.is_capitalized(t) || !word.chars().skip(1).all(char::is_lowercase) {
        return false;
    }
    let lower = word.to_lowercase();
    let common = match lexicon.words.case_band(fnv(lower.bytes())) {
        Some(band) => band <= 2,
        None => ["tion", "tions", "sion", "ment", "ments", "ives"]
            .iter()
            .any(|s| lower.ends_with(s)),
    };
    // Not the cities: some are common words too ("Industry", California).
    let names = [
        &lexicon.places,
        &lexicon.geo_regions,
        &lexicon.nationalities,
        &lexicon.given_names,
        &lexicon.companies,
        &lexicon.sports_clubs,
        &lexicon.organizations,
    ];
    common && !listed(&names, doc, t..t + 1)
}

/// Whether `next` is the rest of the name `head` starts: an organization's ("Andy Warhol
/// Foundation for the Visual Arts"), an institution's with a place ("Senate of the United
/// States"), or a place's ("Gulf of Mexico", "Democratic Republic of the Congo").
fn continues(doc: &Document, lexicon: &Lexicon, head: &Found, next: &Found) -> bool {
    if !matches!(head.kind, Kind::Organization | Kind::Place) || next.kind == Kind::Person {
        return false;
    }
    let between = head.tokens.end..next.tokens.start;
    let words: Vec<&str> = between.clone().map(|t| doc.token_text(t)).collect();
    let last = doc.token_text(head.tokens.end - 1).to_lowercase();
    // Only "of" says the place is part of the name: "Hofstra University on Long Island".
    let of = words.first() == Some(&"of");
    let joins = match (head.kind, next.kind) {
        (Kind::Organization, Kind::Place) => of && lexicon.institution_heads.contains(&last),
        (Kind::Organization, _) => lexicon.org_suffixes.contains(&last),
        _ => {
            of && (lexicon.place_suffixes.contains(&last) || lexicon.place_prefixes.contains(&last))
        }
    };
    joins
        && JOINING.contains(&words.as_slice())
        && !doc.line_break_between(head.tokens.end - 1, next.tokens.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(doc: &Document, words: &str, kind: Kind) -> Found {
        let start = doc.text.find(words).unwrap();
        let first = doc.tokens.iter().position(|t| t.start == start).unwrap();
        let last = doc
            .tokens
            .iter()
            .position(|t| t.end == start + words.len())
            .unwrap();
        Found {
            tokens: first..last + 1,
            kind,
        }
    }

    fn joined(text: &str, parts: &[(&str, Kind)]) -> Vec<String> {
        let doc = Document::new(text);
        let mut names: Vec<Found> = parts.iter().map(|&(w, k)| found(&doc, w, k)).collect();
        join(&doc, &Lexicon::new(), &mut names);
        names.iter().map(|f| f.text(&doc)).collect()
    }

    #[test]
    fn a_head_word_and_for_the_join_two_parts() {
        let text = "A grant from the Andy Warhol Foundation for the Visual Arts arrived.";
        let parts = [
            ("Andy Warhol Foundation", Kind::Organization),
            ("Visual Arts", Kind::Organization),
        ];
        assert_eq!(
            joined(text, &parts),
            ["Andy Warhol Foundation for the Visual Arts"]
        );
    }

    #[test]
    fn an_institution_or_a_place_goes_on_with_of_and_a_place() {
        let text = "The Senate of the United States met near the Gulf of Mexico.";
        let parts = [
            ("Senate", Kind::Organization),
            ("United States", Kind::Place),
            ("Gulf", Kind::Place),
            ("Mexico", Kind::Place),
        ];
        assert_eq!(
            joined(text, &parts),
            ["Senate of the United States", "Gulf of Mexico"]
        );
        // A company, a club or a person before "of" and a place; a person after it.
        let text = "Kia Motor Corp of South Korea beat Galatasaray of Turkey and Ross of Ohio.";
        let parts = [
            ("Kia Motor Corp", Kind::Organization),
            ("South Korea", Kind::Place),
            ("Galatasaray", Kind::Organization),
            ("Turkey", Kind::Place),
            ("Ross", Kind::Person),
            ("Ohio", Kind::Place),
        ];
        assert_eq!(joined(text, &parts).len(), 6);
        let text = "Hofstra University on Long Island.";
        let parts = [
            ("Hofstra University", Kind::Organization),
            ("Long Island", Kind::Place),
        ];
        assert_eq!(joined(text, &parts).len(), 2);
        let text = "A cruise on the Sea of Tom Hanks.";
        let parts = [("Sea", Kind::Place), ("Tom Hanks", Kind::Person)];
        assert_eq!(joined(text, &parts).len(), 2);
    }

    #[test]
    fn a_listed_name_goes_on_over_its_rest() {
        let text = "JPMorgan Chase said it would cut jobs, JPMorgan Chase Bank said.";
        let parts = [("JPMorgan", Kind::Organization)];
        assert_eq!(joined(text, &parts), ["JPMorgan Chase"]);
        let parts = [("JPMorgan", Kind::Organization), ("Chase", Kind::Person)];
        assert_eq!(joined(text, &parts), ["JPMorgan Chase"]);
        // Not a listed name's start; a person; a name running past the listed one.
        let parts = [("Chase", Kind::Organization)];
        assert_eq!(joined(text, &parts), ["Chase"]);
        let parts = [("JPMorgan", Kind::Person)];
        assert_eq!(joined(text, &parts), ["JPMorgan"]);
        let doc_parts = [
            ("JPMorgan", Kind::Organization),
            ("Chase Bank", Kind::Organization),
        ];
        let text = "JPMorgan Chase Bank said.";
        assert_eq!(joined(text, &doc_parts), ["JPMorgan", "Chase Bank"]);
    }

    #[test]
    fn a_listed_possessive_company_takes_its_s() {
        let text = "Sales rose at Sainsbury's, and Carter's shop and Ash Carter's aide were busy.";
        let parts = [("Sainsbury", Kind::Person)];
        assert_eq!(joined(text, &parts), ["Sainsbury's"]);
        // "carter's" is a listed company, but this document names a person Carter.
        let parts = [("Carter", Kind::Person), ("Ash Carter", Kind::Person)];
        assert_eq!(joined(text, &parts), ["Carter", "Ash Carter"]);
        let parts = [("Carter", Kind::Person)];
        assert_eq!(joined(text, &parts), ["Carter's"]);
        // A lead noun opening the sentence, which `edges.rs` drops, is no given name.
        let text = "Prices fell. Rivals Sainsbury's and Kohl's said so.";
        let parts = [("Rivals Sainsbury", Kind::Person)];
        assert_eq!(joined(text, &parts), ["Rivals Sainsbury's"]);
        let text = "President Carter's memoir and Kohl 's sales.";
        // A title before it; an "'s" standing apart.
        let parts = [("Carter", Kind::Person), ("Kohl", Kind::Person)];
        assert_eq!(joined(text, &parts), ["Carter", "Kohl"]);
    }

    #[test]
    fn a_name_goes_on_over_the_legal_forms_after_it() {
        let kinds = |text: &str, parts: &[(&str, Kind)]| {
            let doc = Document::new(text);
            let mut names: Vec<Found> = parts.iter().map(|&(w, k)| found(&doc, w, k)).collect();
            join(&doc, &Lexicon::new(), &mut names);
            (names.iter())
                .map(|f| (f.text(&doc), f.kind))
                .collect::<Vec<_>>()
        };
        let (person, organization) = (Kind::Person, Kind::Organization);
        // (text, the tagger's name and kind, the name and kind after the join). A capitalized
        // word after the forms: the name is longer than a company's; a lowercase form is a
        // common word.
        let cases = [
            (
                "said Kestrova SpA chairman Ivo Rente.",
                "Kestrova",
                person,
                "Kestrova SpA",
                organization,
            ),
            (
                "Dalgren Holdings AG bought it.",
                "Dalgren",
                organization,
                "Dalgren Holdings AG",
                organization,
            ),
            (
                "at Kennedy International Airport on Monday.",
                "Kennedy",
                person,
                "Kennedy",
                person,
            ),
            (
                "Ann Lee group leader said.",
                "Ann Lee",
                person,
                "Ann Lee",
                person,
            ),
            // The tagger took the form in: a person's name never ends with one.
            (
                "said Kestrova SpA chairman Ivo Rente.",
                "Kestrova SpA",
                person,
                "Kestrova SpA",
                organization,
            ),
        ];
        for (text, name, kind, joined, joined_kind) in cases {
            assert_eq!(
                kinds(text, &[(name, kind)]),
                [(joined.to_string(), joined_kind)],
                "{text}"
            );
        }
    }

    #[test]
    fn a_name_with_of_goes_on_over_common_words_after_and() {
        let text = "The Centers for Disease Control and Prevention and the Office of \
                    Management and Budget met the Bureau of Alcohol, Tobacco, Firearms and \
                    Explosives.";
        let parts = [
            ("Centers for Disease Control", Kind::Organization),
            ("Prevention", Kind::Organization),
            ("Office of Management", Kind::Organization),
            ("Budget", Kind::Person),
            ("Bureau of Alcohol, Tobacco", Kind::Organization),
        ];
        assert_eq!(
            joined(text, &parts),
            [
                "Centers for Disease Control and Prevention",
                "Office of Management and Budget",
                "Bureau of Alcohol, Tobacco, Firearms and Explosives"
            ]
        );
    }

    #[test]
    fn a_name_with_of_stops_before_other_names_after_and() {
        // Another name's word (listed, in capitals, a name of another kind), a name going on
        // with "of" or a capital, no "of" inside, another line.
        for (text, name) in [
            ("The Bank of America and Citigroup fell.", "Bank of America"),
            ("The Council of Europe and NATO met.", "Council of Europe"),
            (
                "The Office of Policy and Budget Chief Kay Lee met.",
                "Office of Policy",
            ),
            (
                "The Office of Policy and Division of Staff met.",
                "Office of Policy",
            ),
            ("The Policy Office and Budget met.", "Policy Office"),
            ("The Office of Policy and\nBudget met.", "Office of Policy"),
        ] {
            assert_eq!(
                joined(text, &[(name, Kind::Organization)]),
                [name],
                "{text}"
            );
        }
        // A name running past the common words.
        let text = "The Office of Policy and Reform Kay Lee met.";
        let parts = [
            ("Office of Policy", Kind::Organization),
            ("Reform Kay Lee", Kind::Person),
        ];
        assert_eq!(joined(text, &parts).len(), 2);
    }

    #[test]
    fn other_pairs_stay_apart() {
        // Not a head word; a person or a place after "of"; other words between.
        let text = "Apple Music of the Beatles. The Ford Foundation of John Smith. \
                    Kia Motor Corp of South Korea.";
        let parts = [
            ("Apple Music", Kind::Organization),
            ("Beatles", Kind::Organization),
            ("Ford Foundation", Kind::Organization),
            ("John Smith", Kind::Person),
            ("Kia Motor Corp", Kind::Organization),
            ("South Korea", Kind::Place),
        ];
        assert_eq!(joined(text, &parts).len(), 6);
        let text = "The Ford Foundation and the Visual Arts.";
        let parts = [
            ("Ford Foundation", Kind::Organization),
            ("Visual Arts", Kind::Misc),
        ];
        assert_eq!(joined(text, &parts).len(), 2);
    }
}
