//! The edges of tagged names, by form: a name never runs across a quotation mark ("Kim
//! “Zelenskyy") or a long dash ("Group G — Belgium"), never ends in a date ("Rick Scott Jan. 5"),
//! keeps a romanized surname written before a given name ("He Yadong", where "He" is capitalized
//! mid-sentence, so not the pronoun), a party–state tag ("D-Mass.", "R-S.C.") is not a name, and
//! the period of an abbreviation that ends both a name and its sentence is the sentence's ("…
//! with Lear Corp.", also before a quotation mark: "… of Smith & Co. 'Prices fell.'"), and a
//! noun for a company or its rivals that opens the sentence stays outside the name ("Carmaker
//! Stellantis", "Rival Advanced Micro Devices Inc", `lead_nouns.txt`), and two listed names
//! joined by "and" are two names ("Wells Fargo and Bank of America"), and the initials written
//! before a person's given name are the name's ("F. Scott Fitzgerald", "D. John Sauer").

use super::lexicon::Lexicon;
use super::listed;
use super::romanized::is_syllable;
use super::tagger::Found;
use crate::text::{is_ascii_title_case, Document, TokenKind};
use crate::Kind;

/// Applies every edge rule to `found` (in text order; kept so).
pub fn fix(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut fixed = Vec::with_capacity(found.len());
    for name in found.drain(..) {
        for mut part in split_at_quotes(doc, name)
            .into_iter()
            .flat_map(|part| split_listed_pair(doc, lexicon, part))
        {
            trim_date(doc, lexicon, &mut part);
            drop_lead_noun(doc, lexicon, &mut part);
            if !part.tokens.is_empty() && !is_party_state(doc, &part) {
                fixed.push(part);
            }
        }
    }
    for f in 0..fixed.len() {
        let start = fixed[f].tokens.start;
        let free = f == 0 || fixed[f - 1].tokens.end < start;
        if free && fixed[f].kind == Kind::Person {
            if surname_before(doc, &fixed[f]) {
                fixed[f].tokens.start -= 1;
            } else {
                fixed[f].tokens.start = start_of_initials(doc, lexicon, &fixed[f]);
            }
        }
    }
    *found = fixed;
}

/// The end (a byte offset) of a name whose last token is `last`: the token's end, but before
/// the period of a word's abbreviation ("Corp.", "Inc.", "Jr.") that the sentence ends with,
/// which is the full stop too. Initials ("U.S.", "D.C.") keep theirs, as CoNLL-2003 and GUM do.
pub fn end_before_full_stop(doc: &Document, last: usize) -> usize {
    let (text, end) = (doc.token_text(last), doc.tokens[last].end);
    let word = text.strip_suffix('.').unwrap_or(text);
    let abbreviation = word.len() < text.len()
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && word.len() > 1;
    let sentence_ends = last + 1 == doc.tokens.len()
        || doc.starts_sentence(last + 1)
        || quote_then_capital(doc, last + 1);
    if abbreviation && sentence_ends {
        end - 1
    } else {
        end
    }
}

/// Whether token `t` is a quotation mark with a capitalized word or the text's end after it
/// ("… & Co. 'Whoever …", "… Warner Bros.' He …"): a sentence ends before it, whichever side of
/// the quotation it closes or opens.
fn quote_then_capital(doc: &Document, t: usize) -> bool {
    let quote = matches!(doc.token_text(t), "'" | "‘" | "’") || is_quote(doc.token_text(t));
    let capital = |u: usize| {
        doc.token_text(u)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    quote && (t + 1 == doc.tokens.len() || capital(t + 1))
}

fn is_quote(text: &str) -> bool {
    matches!(text, "\"" | "“" | "”" | "„" | "«" | "»" | "``" | "''")
}

/// Whether a name never runs across `text`: a quotation mark, or a long dash ("Group G —
/// Belgium 3 – 0 Panama"; a hyphen may join a name's words: "HUB - Robeson Center").
fn breaks_names(text: &str) -> bool {
    is_quote(text) || matches!(text, "—" | "–")
}

/// The parts of `name` between quotation marks and long dashes, those that still have a
/// capitalized word.
fn split_at_quotes(doc: &Document, name: Found) -> Vec<Found> {
    let range = name.tokens.clone();
    if !range.clone().any(|t| breaks_names(doc.token_text(t))) {
        return vec![name];
    }
    let mut parts = Vec::new();
    let mut start = range.start;
    for t in range.start..=range.end {
        if t == range.end || breaks_names(doc.token_text(t)) {
            let part = start..t;
            if part.clone().any(|u| doc.is_capitalized(u)) {
                parts.push(Found {
                    tokens: part,
                    kind: name.kind,
                });
            }
            start = t + 1;
        }
    }
    parts
}

/// `name` as two names when it is two listed names (companies, organizations, places, clubs)
/// joined by one "and", and not listed as a whole ("Trinidad and Tobago" is one place): "Wells
/// Fargo and Bank of America". The tagger reads "X and Y" as one name when it has learned such
/// names ("Securities and Exchange Commission", whose parts no list has).
fn split_listed_pair(doc: &Document, lexicon: &Lexicon, name: Found) -> Vec<Found> {
    let range = name.tokens.clone();
    let Some(and) = range.clone().find(|&t| doc.token_text(t) == "and") else {
        return vec![name];
    };
    let lists = [
        &lexicon.companies,
        &lexicon.organizations,
        &lexicon.places,
        &lexicon.geo_regions,
        &lexicon.geo_cities,
        &lexicon.sports_clubs,
    ];
    let (before, after) = (range.start..and, and + 1..range.end);
    if before.is_empty()
        || after.is_empty()
        || !listed(&lists, doc, before.clone())
        || !listed(&lists, doc, after.clone())
        || listed(&lists, doc, range)
    {
        return vec![name];
    }
    [before, after]
        .map(|tokens| Found {
            tokens,
            kind: name.kind,
        })
        .to_vec()
}

/// Drops a listed noun for a company or its rivals that opens both the name and its sentence,
/// when a capitalized word follows it in the name: "Carmaker Stellantis" names Stellantis, and
/// a trade noun there is an organization's cue for it (`org_cues.rs`). No company's name starts
/// with one of these nouns; only a sentence's first word is capitalized without being a name's.
fn drop_lead_noun(doc: &Document, lexicon: &Lexicon, name: &mut Found) {
    let first = name.tokens.start;
    if name.tokens.len() > 1 && is_lead_noun(doc, lexicon, first) && doc.is_capitalized(first + 1) {
        name.tokens.start = first + 1;
    }
}

/// Whether token `t` is a listed noun for a company or its rivals (`lead_nouns.txt`), written
/// capitalized as the first word of its sentence ("Carmaker", "Rivals").
pub(super) fn is_lead_noun(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    doc.starts_sentence(t)
        && is_ascii_title_case(doc.token_text(t))
        && listed(&[&lexicon.lead_nouns], doc, t..t + 1)
}

/// Drops a month or weekday (and its period) at the end of a name when a number follows: "Rick
/// Scott Jan. 5" names Rick Scott, and a name that is only the month ("Dec 10" in a shipping
/// table, "(Jul 5)" in a market report's year high) is none. In CoNLL-2003, GUM and PolNeAR gold
/// a capitalized month or weekday written before a number starts no name 1,371 times; the only
/// name it ends is a team's, "Sheffield Wednesday 3", of two words.
fn trim_date(doc: &Document, lexicon: &Lexicon, name: &mut Found) {
    let mut end = name.tokens.end;
    if end > name.tokens.start && doc.token_text(end - 1) == "." {
        end -= 1;
    }
    if end > name.tokens.start && is_dated(doc, lexicon, end - 1) {
        name.tokens.end = end - 1;
    }
}

/// Whether token `t` is a month or a weekday, written as a word, with a number after it ("Jan
/// 5", "Aug. 5"): a date's, never a name's.
pub(super) fn is_dated(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    number_after(doc, t) && {
        let word = doc.token_text(t).to_lowercase();
        lexicon.calendar.contains(&word) || lexicon.calendar.contains(&format!("{word}."))
    }
}

/// Whether a number follows token `t`, right after it or after a period ("Jan 5", "Aug. 5"; a
/// token starting with a digit is a number: "5th").
pub(super) fn number_after(doc: &Document, t: usize) -> bool {
    let mut next = t + 1;
    if next < doc.tokens.len() && doc.token_is(next, ".") {
        next += 1;
    }
    next < doc.tokens.len() && doc.tokens[next].kind == TokenKind::Number
}

/// "D-Mass.", "R-S.C.", "I-Vt.": a party letter, a hyphen and a state's abbreviation.
fn is_party_state(doc: &Document, name: &Found) -> bool {
    let text = &doc.text[doc.tokens[name.tokens.start].start..doc.tokens[name.tokens.end - 1].end];
    let Some(state) = text
        .strip_prefix("D-")
        .or_else(|| text.strip_prefix("R-"))
        .or_else(|| text.strip_prefix("I-"))
    else {
        return false;
    };
    let state = state.trim_end_matches('.');
    !state.is_empty()
        && state.len() <= 5
        && state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
}

/// Whether the token before `name` is a romanized surname written before a given name: one
/// capitalized syllable ("He", "Ma", "Li") in the middle of a sentence in mixed-case text, where
/// a common word would be in lowercase; or "He" opening a sentence, most often the pronoun
/// there, before a romanized given name that opens a clause ([`given_name_opens_clause`]).
/// ("Ma", "Li" or "Xi" opening one are no English words: the tagger keeps them itself.)
fn surname_before(doc: &Document, name: &Found) -> bool {
    let start = name.tokens.start;
    let Some(t) = start.checked_sub(1) else {
        return false;
    };
    let word = doc.token_text(t);
    let placed = || {
        if doc.starts_sentence(t) {
            word == "He" && given_name_opens_clause(doc, name)
        } else {
            t > 0
                && !doc.is_capitalized(t - 1)
                && doc.token_text(t - 1).chars().any(char::is_lowercase)
        }
    };
    is_ascii_title_case(word)
        && word.len() <= 4
        && doc.tokens[t].end < doc.tokens[start].start
        && !doc.line_break_between(t, start)
        && is_syllable(&word.to_ascii_lowercase())
        && placed()
}

/// Where a person's `name` starts with the initials written right before it on its line: one
/// or more single capitals with a full stop ("F. Scott Fitzgerald", "D. John Sauer", "E. J.
/// Mannix"). The tagger leaves one out before a given name, which its training text seldom has
/// (CoNLL-2003 and GUM mark the initial: "L. Ron Hubbard"). One initial is taken only before a
/// listed given name, so a list's letters are not ("A. Anasazi B. Cherokee"); two or more always.
fn start_of_initials(doc: &Document, lexicon: &Lexicon, name: &Found) -> usize {
    let mut start = name.tokens.start;
    let mut initials = 0;
    while let Some(t) = start.checked_sub(1) {
        let (letter, stop) = match doc.token_text(t) {
            "." if t > 0 => (t - 1, t),
            _ => (t, t),
        };
        let text = &doc.text[doc.tokens[letter].start..doc.tokens[stop].end];
        let initial = text.len() == 2
            && text.as_bytes()[0].is_ascii_uppercase()
            && text.ends_with('.')
            && doc.tokens[stop].end < doc.tokens[start].start
            && !doc.line_break_between(stop, start);
        if !initial {
            break;
        }
        start = letter;
        initials += 1;
    }
    let first = name.tokens.start;
    let given = || listed(&[&lexicon.given_names], doc, first..first + 1);
    if initials >= 2 || (initials == 1 && given()) {
        start
    } else {
        name.tokens.start
    }
}

/// Whether `name` is one word of one or two romanized syllables ("Yadong", "Lifeng", "Qiang")
/// with a comma or a lowercase word after it: "He Yadong said", "He Lifeng, the vice premier".
/// The pronoun "He" is never followed by a capitalized name and then the rest of its clause.
fn given_name_opens_clause(doc: &Document, name: &Found) -> bool {
    let at = name.tokens.start;
    let word = doc.token_text(at);
    let romanized = name.tokens.len() == 1 && is_ascii_title_case(word) && {
        let lower = word.to_ascii_lowercase();
        is_syllable(&lower)
            || (1..lower.len()).any(|i| is_syllable(&lower[..i]) && is_syllable(&lower[i..]))
    };
    let next = at + 1;
    romanized
        && next < doc.tokens.len()
        && !doc.line_break_between(at, next)
        && (doc.token_is(next, ",") || doc.token_text(next).starts_with(|c: char| c.is_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, tagged: &[(&str, Kind)]) -> Vec<String> {
        let doc = Document::new(text);
        let mut found = Vec::new();
        for &(name, kind) in tagged {
            let start = text.find(name).unwrap();
            let first = doc.token_at_or_after(start);
            let mut last = first;
            while doc.tokens[last].end < start + name.len() {
                last += 1;
            }
            found.push(Found {
                tokens: first..last + 1,
                kind,
            });
        }
        fix(&doc, &Lexicon::new(), &mut found);
        found.iter().map(|f| f.text(&doc)).collect()
    }

    /// Whether the organization `name` in `text` comes out of [`fix`] as it went in.
    fn kept(text: &str, name: &str) -> bool {
        names(text, &[(name, Kind::Organization)]) == [name]
    }

    #[test]
    fn two_listed_names_joined_by_and_are_two() {
        let org = Kind::Organization;
        assert_eq!(
            names(
                "Citigroup, Wells Fargo and Bank of America rose.",
                &[("Wells Fargo and Bank of America", org)]
            ),
            ["Wells Fargo", "Bank of America"]
        );
        // Listed as a whole, or a part no list has: one name.
        assert!(kept("in Trinidad and Tobago", "Trinidad and Tobago"));
        assert!(kept(
            "Zorbat and Bank of America",
            "Zorbat and Bank of America"
        ));
        assert!(kept(
            "Securities and Exchange Commission",
            "Securities and Exchange Commission"
        ));
    }

    #[test]
    fn a_trade_noun_opening_the_sentence_stays_outside() {
        let org = Kind::Organization;
        assert_eq!(
            names(
                "Rival Zorbat Micro Devices Inc said its chips sold.",
                &[("Rival Zorbat Micro Devices Inc", org)]
            ),
            ["Zorbat Micro Devices Inc"]
        );
        assert_eq!(
            names(
                "Prices fell. Carmakers Zorbat and Ukal",
                &[("Carmakers Zorbat", org)]
            ),
            ["Zorbat"]
        );
        // Inside a sentence, before a lowercase word, not a listed noun, or alone: kept.
        assert!(kept("said Rival Zorbat", "Rival Zorbat"));
        assert!(kept("Rival of Zorbat", "Rival of Zorbat"));
        assert!(kept("Bank Zorbat said", "Bank Zorbat"));
        assert!(kept("Rivals said so.", "Rivals"));
    }

    #[test]
    fn names_stop_at_quotes_and_dates() {
        assert_eq!(
            names(
                "said Kim “Zelenskyy must come",
                &[("Kim “Zelenskyy", Kind::Person)]
            ),
            ["Kim", "Zelenskyy"]
        );
        assert_eq!(
            names(
                "Senator Rick Scott Jan. 5 introduced",
                &[("Rick Scott Jan.", Kind::Person)]
            ),
            ["Rick Scott"]
        );
        // A month inside a name with no number after it stays: "Jan Smith" is a person.
        assert_eq!(
            names("met Jan Smith on", &[("Jan Smith", Kind::Person)]),
            ["Jan Smith"]
        );
        // A month alone before a number is a date, whatever kind the tagger gave it.
        let table = "Loading Nov 15 - Dec 10. High 2,583.49 (Jul. 5) and Jan Smith said";
        let tagged = [
            ("Dec", Kind::Organization),
            ("Jul.", Kind::Person),
            ("Jan", Kind::Person),
        ];
        assert_eq!(names(table, &tagged), ["Jan"]);
    }

    #[test]
    fn names_stop_at_long_dashes_not_hyphens() {
        let tagged = [("G — Belgium", Kind::Organization)];
        assert_eq!(
            names("Group G — Belgium 3 – 0 Panama", &tagged),
            ["G", "Belgium"]
        );
        let tagged = [("HUB - Robeson Center", Kind::Place)];
        assert_eq!(
            names("at the HUB - Robeson Center today", &tagged),
            ["HUB - Robeson Center"]
        );
    }

    #[test]
    fn party_state_tags_are_not_names() {
        assert_eq!(
            names(
                "Sen. Ed Markey, D-Mass., said",
                &[("Ed Markey", Kind::Person), ("D-Mass.", Kind::Place)]
            ),
            ["Ed Markey"]
        );
    }

    #[test]
    fn a_capitalized_surname_mid_sentence_joins_the_name() {
        assert_eq!(
            names(
                "chief negotiator He Yadong said",
                &[("Yadong", Kind::Person)]
            ),
            ["He Yadong"]
        );
        // Opening a sentence, before a romanized given name that a comma or lowercase word
        // follows: the pronoun is never followed by a name and the rest of its clause.
        assert_eq!(
            names("He Yadong said", &[("Yadong", Kind::Person)]),
            ["He Yadong"]
        );
        assert_eq!(
            names("He Lifeng, the vice premier", &[("Lifeng", Kind::Person)]),
            ["He Lifeng"]
        );
        // Otherwise the pronoun opening a sentence stays out.
        for (text, name) in [
            ("He Yadong Zhang said", "Yadong Zhang"),
            ("He Rosalind said", "Rosalind"),
            ("He Yadong", "Yadong"),
        ] {
            assert_eq!(names(text, &[(name, Kind::Person)]), [name]);
        }
        // Other short words opening a sentence are no surnames there.
        for (text, name) in [("So Betty said", "Betty"), ("To Judy, from Mom", "Judy")] {
            assert_eq!(names(text, &[(name, Kind::Person)]), [name]);
        }
    }

    #[test]
    fn initials_before_a_persons_name_are_the_names() {
        for (text, tagged, name) in [
            (
                "the novel by F. Scott Fitzgerald",
                "Scott Fitzgerald",
                "F. Scott Fitzgerald",
            ),
            (
                "General D. John Sauer argued",
                "John Sauer",
                "D. John Sauer",
            ),
            ("the studio's E. J. Mannix said", "Mannix", "E. J. Mannix"),
        ] {
            assert_eq!(names(text, &[(tagged, Kind::Person)]), [name]);
        }
        // One initial before a word no given name (a list's letters), an initial on the line
        // before, a letter without its full stop, a spaced one, or a lowercase one: left out.
        for (text, tagged) in [
            ("A. Anasazi B. Cherokee", "Cherokee"),
            ("Section D.\nJohn Sauer argued", "John Sauer"),
            ("grade D John Sauer argued", "John Sauer"),
            ("grade D . John Sauer argued", "John Sauer"),
            ("part d. John Sauer argued", "John Sauer"),
        ] {
            assert_eq!(names(text, &[(tagged, Kind::Person)]), [tagged], "{text}");
        }
        // Not for a name of another kind, nor across a name before it.
        assert!(kept(
            "the F. Scott Fitzgerald Society",
            "Scott Fitzgerald Society"
        ));
    }

    #[test]
    fn a_full_stop_after_an_abbreviation_ends_the_sentence_not_the_name() {
        let end = |text: &str, word: &str| {
            let doc = Document::new(text);
            let last = (0..doc.tokens.len())
                .find(|&t| doc.token_text(t) == word)
                .unwrap();
            let start = text.find(word).unwrap();
            text[start..end_before_full_stop(&doc, last)].to_string()
        };
        assert_eq!(
            end("It competes with Lear Corp.\nShares fell.", "Corp."),
            "Corp"
        );
        assert_eq!(end("Analysts at Smith & Co.", "Co."), "Co");
        // A quotation mark may stand between the full stop and the next sentence.
        assert_eq!(
            end("said Ann Lee of Smith & Co. 'Prices fell.'", "Co."),
            "Co"
        );
        assert_eq!(end("Ann Lee of Smith & Co.' He left.", "Co."), "Co");
        assert_eq!(end("Smith & Co. 'strong buy' ratings", "Co."), "Co.");
        // Inside the sentence, and initials even at its end, keep the period.
        assert_eq!(end("Lear Corp. shares fell.", "Corp."), "Corp.");
        assert_eq!(end("Troops left the U.S.\nThe war ended.", "U.S."), "U.S.");
    }
}
