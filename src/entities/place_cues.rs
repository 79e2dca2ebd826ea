//! Places the tagger reads as persons, by their form. A one-word name right after a place noun and
//! "of" ("the town of Arbil", "on the outskirts of Arbil", "two miles east of Tavildara") is a
//! place: no person follows "the town of". This mention's vote says place, and it outweighs the
//! tagger's readings of the name's other mentions. The nouns are `place_cues.txt`. And a person's
//! name never starts with "Fort", "Mount" or "Lake" (`place_prefixes.txt`): "Fort Lee" is a place,
//! as is a name the tagger read as a misc one that starts with a word for a square, a street, a
//! castle or a stadium in another language ("Praça do Comércio", "Estádio do Dragão", "Plaza of the
//! Revolution", "Calle Ocho"), and so is a name the tagger starts right after such a word ("Fort
//! [Lee] is a city": the word joins the name first). Joining them, measured by cross-validation
//! (seeds 1-3, when their runs still overlapped): GUM 0.6794 → 0.6807; every change at the default
//! seed was in one travel guide (26 names fixed, none made wrong). CoNLL-2003 0.9061 with it and
//! without it. The words of other languages, added later (session 32), change no name of the dev,
//! train or PolNeAR files with the embedded model, and two of TimeBank's, both right. Nor does a
//! person's name end with "Mosque", "Boulevard" or "Hotel" (`place_ends.txt`) unless it starts with
//! a given name: the tagger of GUM cross-validation (seed 1, session 30's build) read 9 such names
//! as persons, 7 of them places by gold ("Shah Mosque", "Chaharbagh Boulevard", "Łódzkie
//! Voivodship"), none a person.
//!
//! A name the tagger read as a person's or a place's right after "in" ("stayed in Hadibo") is a
//! place, with the same weight: in the gold data a person follows "in" only in forms left out
//! here (a possessive, a name joined to another, a given name, "believe in"). So is one after a
//! word for going somewhere and "to" ("rushed to Tabennese", `motion_words.txt`).
//!
//! So is a name the tagger read as a person's right before the plural of a place noun, or in a
//! list of names before one ("Breathitt, Knott and Perry counties", "Racine residents"; see
//! [`plural_cue`]): with the embedded model it changes no name of the corpus files, as the model
//! reads those right, but a model that had not seen them read the counties of a Kentucky
//! story as persons.
//!
//! A name the text says is a place ("Cleveland is a culturally diverse city", "Hadibo is the
//! capital") is one at every mention, however many the tagger read as a person's: a definition
//! outweighs them all. GUM cross-validation without silver data (seeds 1-3): 0.6865 → 0.6884,
//! every seed +0.0019 or +0.0020; at seed 1 every change was in two travel guides (14 names
//! fixed, none made wrong); with the embedded model it fires in none of the 2,549 documents of
//! the corpus files (dev, train, PolNeAR, TimeBank).

use super::evidence::weight;
use super::group::Mention;
use super::lexicon::{Lexicon, WordSet};
use super::listed;
use super::org_cues::starts_with_given_name;
use super::tagger::Found;
use crate::text::Document;
use crate::Kind;

/// Makes the persons and misc names of `found` whose first word starts only places' names
/// ("Mount Kenya", "Praça do Comércio"), and the persons whose last word ends only places' names
/// and first word is no given name ("Shah Mosque"), places; a name right
/// after a first word of places, capitalized ("Fort [Lee]"), takes it in first.
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut [Found]) {
    for n in 0..found.len() {
        let start = found[n].tokens.start;
        let after_another = n > 0 && found[n - 1].tokens.end >= start;
        if start > 0
            && !after_another
            && doc.is_capitalized(start - 1)
            && starts_places(doc, lexicon, start - 1)
            && !doc.line_break_between(start - 1, start)
        {
            found[n].tokens.start = start - 1;
        }
        let name = &mut found[n];
        let starts = || starts_places(doc, lexicon, name.tokens.start);
        let person = name.kind == Kind::Person;
        if name.tokens.len() > 1
            && ((person || name.kind == Kind::Misc) && starts()
                || person && ends_places(doc, lexicon, name))
        {
            name.kind = Kind::Place;
        }
    }
}

/// Whether `name` ends in a capitalized word that ends only places' names ("Mosque", "Springs",
/// `place_ends.txt`) and starts with no given name.
fn ends_places(doc: &Document, lexicon: &Lexicon, name: &Found) -> bool {
    let (first, last) = (name.tokens.start, name.tokens.end - 1);
    doc.is_capitalized(last)
        && listed(&[&lexicon.place_ends], doc, last..last + 1)
        && !listed(&[&lexicon.given_names], doc, first..first + 1)
}

/// Whether token `t` is a word that starts only places' names ("Fort", "Mount"), looked up by
/// hash first (no lowercase copy).
fn starts_places(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    listed(&[&lexicon.place_prefixes], doc, t..t + 1)
}

/// The weight of the vote for a place that the form of `mention`'s context casts, if any: one
/// word after a place noun and "of" ("the town of Arbil") decides against the tagger's readings
/// of a few other mentions ([`weight::DECISIVE`]); a name the sentence says is a place
/// ("Cleveland is a culturally diverse city", "Hadibo is the capital of the island") is one
/// whatever the tagger read elsewhere ([`weight::DEFINED`]).
pub fn place_cue(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> Option<u32> {
    if said_to_be(doc, lexicon, mention, &lexicon.place_cues).is_some() {
        Some(weight::DEFINED)
    } else {
        follows_place_cue(doc, lexicon, mention).then_some(weight::DECISIVE)
    }
}

/// The weight of the vote for a place that "in" (or "fled to" and the like) before `mention` casts
/// ([`name_after_in`]): it decides against the tagger's readings of a few other mentions
/// ([`weight::DECISIVE`]), so a place read as a person's elsewhere ("Theodorus of Tabennese") is
/// one at every mention. Not asked of the surname of a person the text names in full ("Justice
/// Antonin Scalia" … "counted on in Scalia"): `group/joins.rs` keeps its person vote.
pub fn in_cue(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> Option<u32> {
    name_after_in(doc, lexicon, mention).then_some(weight::DECISIVE)
}

/// Whether `mention` is a name the tagger read as a person's or a place's right after "in" ("stayed
/// in Hadibo", "took place in Olympia") or after a word for going somewhere and "to" ("rushed to
/// Tabennese"): in CoNLL-2003 and GUM gold, a name after "in" is a person's only when it is a
/// possessive ("in Sampras's half"), joined to another name ("in Moran and Pyle"), a modifier
/// before a noun ("in Trump company losses"), a given name, or after a word in `not_place_in.txt`
/// ("believe in God"), and each of those is left out.
fn name_after_in(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let (start, end) = (mention.tokens.start, mention.tokens.end);
    if start == 0
        || !(after_in(doc, lexicon, start) || after_motion_to(doc, lexicon, start))
        || doc.line_break_between(start - 1, start)
        || !matches!(
            mention.evidence.strongest(),
            Some(Kind::Person | Kind::Place)
        )
    {
        return false;
    }
    let goes_on = end < doc.tokens.len() && {
        let next = doc.token_text(end);
        next.starts_with(['\'', '\u{2019}'])
            || matches!(next, "and" | "or" | "&" | "v." | "vs." | "v" | "vs")
            || (next.starts_with(char::is_lowercase) && !lexicon.stopwords.contains(next))
    };
    !goes_on && !starts_with_given_name(doc, lexicon, mention)
}

/// The weight of the vote for a place that a plural place noun right after `mention` casts
/// ([`before_place_nouns`]): it decides against the tagger's readings of a few other mentions
/// ([`weight::DECISIVE`]). Not asked of the surname of a person the text names in full ("Donald
/// Trump" … "Trump resorts"): `group/joins.rs` keeps its person vote.
pub fn plural_cue(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> Option<u32> {
    before_place_nouns(doc, lexicon, mention).then_some(weight::DECISIVE)
}

/// Whether `mention` is a name the tagger read as a person's right before the plural of a place
/// noun on its line ("Racine residents", "the Pláka districts"), or in a list of names before
/// one ("Breathitt, Knott and Perry counties"): in CoNLL-2003 and GUM gold a name there is a
/// place 14 times, an organization twice ("Zagreb Money Market settlements") and a nationality
/// word 20 times ("Mexican states", misc names the tagger reads as such), never a person.
fn before_place_nouns(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    mention.evidence.strongest() == Some(Kind::Person)
        && list_before_place_noun(doc, lexicon, mention.tokens.end)
        && !starts_with_given_name(doc, lexicon, mention)
}

/// The most names after a name in a list before a place noun that are read.
const LISTED: usize = 6;

/// Whether the tokens from `t` are, on one line, a plural place noun ([`is_plural_place_noun`]),
/// or up to [`LISTED`] more names of a list (each after a comma, "and" or "or", of capitalized
/// words) and then one.
fn list_before_place_noun(doc: &Document, lexicon: &Lexicon, mut t: usize) -> bool {
    let n = doc.tokens.len();
    let on_line = |t: usize| t < n && !doc.line_break_between(t - 1, t);
    for _ in 0..=LISTED {
        if !on_line(t) {
            return false;
        }
        if is_plural_place_noun(lexicon, doc.token_text(t)) {
            return true;
        }
        if doc.token_is(t, ",") && on_line(t + 1) && matches!(doc.token_text(t + 1), "and" | "or") {
            t += 1;
        }
        if !matches!(doc.token_text(t), "," | "and" | "or") {
            return false;
        }
        t += 1;
        let name = t;
        while on_line(t) && t - name < 3 && doc.is_capitalized(t) {
            t += 1;
        }
        if t == name {
            return false;
        }
    }
    false
}

/// Whether `word` is the plural of a place noun of `place_cues.txt` ("counties", "districts",
/// "towns") or a plural in it ("residents", "suburbs").
fn is_plural_place_noun(lexicon: &Lexicon, word: &str) -> bool {
    let Some(stem) = word.strip_suffix('s') else {
        return false;
    };
    let cues = &lexicon.place_cues;
    let ies = || (stem.strip_suffix("ie")).is_some_and(|s| cues.contains(&format!("{s}y")));
    word.bytes().all(|b| b.is_ascii_lowercase())
        && (cues.contains(word) || cues.contains(stem) || ies())
}

/// Whether "in" comes right before token `start`, after no word of `not_place_in.txt`.
fn after_in(doc: &Document, lexicon: &Lexicon, start: usize) -> bool {
    matches!(doc.token_text(start - 1), "in" | "In")
        && !(start >= 2 && lexicon.not_place_in.contains(doc.token_text(start - 2)))
}

/// Whether a word for going somewhere and "to" come right before token `start` ("fled to",
/// `motion_words.txt`).
fn after_motion_to(doc: &Document, lexicon: &Lexicon, start: usize) -> bool {
    start >= 2
        && doc.token_is(start - 1, "to")
        && lexicon.motion_words.contains(doc.token_text(start - 2))
}

/// The lowercase words a copula's noun phrase may have between its article and the place
/// noun ("a [culturally diverse] city", "the [largest port] city").
const MODIFIERS: usize = 3;

/// If `mention` is followed by "is" or "was", "a", "an" or "the", at most [`MODIFIERS`]
/// lowercase words that are no function words, and one of `nouns` (place nouns here) that ends
/// the phrase, the token after the noun: no person is said to be a city ("a city councilman"
/// goes on past the noun, "the town's mayor" too, and "a mainstay in the district" has its noun
/// before).
pub(super) fn said_to_be(
    doc: &Document,
    lexicon: &Lexicon,
    mention: &Mention,
    nouns: &WordSet,
) -> Option<usize> {
    let n = doc.tokens.len();
    let end = mention.tokens.end;
    let word = |t: usize| (t < n).then(|| doc.token_text(t));
    if !matches!(word(end), Some("is" | "was"))
        || !matches!(word(end + 1), Some("a" | "an" | "the"))
    {
        return None;
    }
    noun_phrase_with(doc, lexicon, end + 2, nouns)
}

/// If the tokens from `first` are at most [`MODIFIERS`] lowercase words that are no function
/// words and then one of `nouns` that ends the phrase ("culturally diverse city,"), the token
/// after the noun (or the text's end).
pub(super) fn noun_phrase_with(
    doc: &Document,
    lexicon: &Lexicon,
    first: usize,
    nouns: &WordSet,
) -> Option<usize> {
    let last = (first + 1 + MODIFIERS).min(doc.tokens.len());
    for t in first..last {
        let w = doc.token_text(t);
        let lowercase = w.chars().all(|c| c.is_lowercase() || c == '-');
        // A function word ends the noun phrase ("a mainstay in the district").
        if doc.line_break_between(t - 1, t) || !lowercase || lexicon.stopwords.contains(w) {
            return None;
        }
        if nouns.contains(w) && phrase_ends(doc, t + 1) {
            return Some(t + 1);
        }
    }
    None
}

/// Whether a noun phrase ends before token `t`: at the text's or a line's end, a mark that ends a
/// clause, or a word that starts what follows a place noun ("in", "that", "known").
fn phrase_ends(doc: &Document, t: usize) -> bool {
    t >= doc.tokens.len()
        || doc.line_break_between(t - 1, t)
        || matches!(
            doc.token_text(t),
            "." | ","
                | ";"
                | ":"
                | "!"
                | "?"
                | "("
                | ")"
                | "\u{2014}"
                | "\u{2013}"
                | "in"
                | "on"
                | "of"
                | "at"
                | "near"
                | "with"
                | "and"
                | "that"
                | "which"
                | "where"
                | "known"
                | "located"
                | "situated"
                | "founded"
                | "famous"
                | "for"
                | "by"
        )
}

/// Whether `mention` is one word after a place noun and "of" on the same line.
fn follows_place_cue(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let start = mention.tokens.start;
    if mention.tokens.len() != 1 || start < 2 || doc.line_break_between(start - 2, start) {
        return false;
    }
    let (noun, of) = (doc.token_text(start - 2), doc.token_text(start - 1));
    of == "of" && noun.chars().all(|c| c.is_lowercase()) && lexicon.place_cues.contains(noun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cued(text: &str, name: &str) -> bool {
        Mention::cued_by(text, name, place_cue)
    }

    /// Whether `cue` casts a vote for the first mention of `name` in `text`, read by the tagger
    /// as a name of `kind`.
    fn cued_read_as(
        text: &str,
        name: &str,
        kind: Kind,
        cue: fn(&Document, &Lexicon, &Mention) -> Option<u32>,
    ) -> bool {
        let doc = Document::new(text);
        let mut mention = Mention::first_place(&doc, name);
        mention.evidence.add(kind, weight::STRONG);
        cue(&doc, &Lexicon::new(), &mention).is_some()
    }

    #[test]
    fn a_name_right_after_a_place_prefix_takes_it_in() {
        let text = "Fort Lee is near Mount Tamsen.\nLake\nKay met Lee Fort and the fort Dix.";
        let doc = Document::new(text);
        let mut found = Found::every(&doc, &["Lee", "Tamsen", "Kay", "Dix"], Kind::Person);
        mark(&doc, &Lexicon::new(), &mut found);
        let read: Vec<(String, Kind)> = found.iter().map(|f| (f.text(&doc), f.kind)).collect();
        let place = |s: &str| (s.to_string(), Kind::Place);
        let person = |s: &str| (s.to_string(), Kind::Person);
        assert_eq!(
            read,
            [
                place("Fort Lee"),
                place("Mount Tamsen"),
                person("Kay"),
                person("Lee"),
                person("Dix")
            ]
        );
    }

    #[test]
    fn a_person_named_like_fort_lee_is_a_place() {
        let doc = Document::new("Soldiers at Fort Lee and Lake Kay met Lee Fort.");
        let mut found = Found::all(&[(2, 4), (5, 7), (8, 10)], Kind::Person);
        mark(&doc, &Lexicon::new(), &mut found);
        let kinds: Vec<Kind> = found.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [Kind::Place, Kind::Place, Kind::Person]);
    }

    #[test]
    fn a_misc_name_led_by_a_word_for_a_square_or_a_stadium_is_a_place() {
        // Tokens: 0 Fans 1 filled 2 Praça 3 do 4 Comércio 5 and 6 Estádio 7 Kay 8 , 9 not 10 Kay
        // 11 Praça 12 , 13 Mount 14 Kay 15 or 16 Shah 17 Mosque 18 .
        let doc = Document::new(
            "Fans filled Praça do Comércio and Estádio Kay, not Kay Praça, Mount Kay or Shah Mosque.",
        );
        let spans = [(2, 5), (6, 8), (10, 12), (13, 15), (16, 18)];
        let mut found = Found::all(&spans, Kind::Misc);
        found[4].kind = Kind::Organization;
        mark(&doc, &Lexicon::new(), &mut found);
        let kinds: Vec<Kind> = found.iter().map(|f| f.kind).collect();
        let (place, misc) = (Kind::Place, Kind::Misc);
        // A misc name led by a first word of places is one; one that ends in a place's last
        // word, or of another kind, keeps its kind.
        assert_eq!(kinds, [place, place, misc, place, Kind::Organization]);
    }

    #[test]
    fn a_person_named_like_shah_mosque_is_a_place() {
        // Tokens: 0 We 1 saw 2 Shah 3 Mosque 4 , 5 Kay 6 Springs 7 , 8 Kay 9 Mosques 10 and
        // 11 Mosque 12 Kay 13 , 14 Kay 15 mosque 16 .
        let doc = Document::new(
            "We saw Shah Mosque, Kay Springs, Kay Mosques and Mosque Kay, Kay mosque.",
        );
        let spans = [(2, 4), (5, 7), (8, 10), (11, 13), (14, 16)];
        let mut found = Found::all(&spans, Kind::Person);
        mark(&doc, &Lexicon::new(), &mut found);
        let kinds: Vec<Kind> = found.iter().map(|f| f.kind).collect();
        let (place, person) = (Kind::Place, Kind::Person);
        assert_eq!(kinds, [place, place, person, person, person]);
        // A name of one word, or of another kind, is left alone.
        let mut found = Found::all(&[(3, 4)], Kind::Person);
        found.extend(Found::all(&[(2, 4)], Kind::Organization));
        mark(&doc, &Lexicon::new(), &mut found);
        assert_eq!(found[0].kind, person);
        assert_eq!(found[1].kind, Kind::Organization);
    }

    #[test]
    fn a_name_after_a_place_noun_and_of_is_a_place() {
        assert!(cued(
            "fighting on the outskirts of Zorbat went on",
            "Zorbat"
        ));
        assert!(cued("the Kurdish town of Arbil", "Arbil"));
        assert!(cued("two miles east of Tavildara", "Tavildara"));
        assert!(cued("The first inhabitants of Coralto fished", "Coralto"));
        // Not a place noun; capitalized (a name's part); across a line break.
        assert!(!cued("the wife of Zorbat", "Zorbat"));
        assert!(!cued("the Town of Zorbat", "Zorbat"));
        assert!(!cued("the town of\nZorbat", "Zorbat"));
    }

    #[test]
    fn a_person_after_in_is_a_place() {
        let after_in = |text: &str, name: &str| cued_read_as(text, name, Kind::Person, in_cue);
        assert!(after_in("The monks stayed in Zorbat for a year.", "Zorbat"));
        assert!(after_in("In Zorbat, there are four hotels.", "Zorbat"));
        assert!(after_in(
            "the attack took place in Ukal Posad 70 km away",
            "Ukal Posad"
        ));
        // A possessive, a name joined to another, a modifier, a given name, after a word that
        // takes a person or a newspaper, another line.
        assert!(!after_in("a starring role in Zorbat's film", "Zorbat"));
        assert!(!after_in("That is set out in Zorbat and Ukal.", "Zorbat"));
        assert!(!after_in("$1 billion in Zorbat company losses", "Zorbat"));
        assert!(!after_in(
            "the trust placed in Daniel Zorbat",
            "Daniel Zorbat"
        ));
        assert!(!after_in(
            "Holt drove in Ukal Zorbat in the ninth.",
            "Ukal Zorbat"
        ));
        assert!(!after_in("Americans who believe in Zorbat", "Zorbat"));
        assert!(!after_in("a new article in Zorbat said", "Zorbat"));
        assert!(!after_in("They live in\nZorbat now.", "Zorbat"));
        // After a word for going somewhere and "to"; not after others ("talked to").
        assert!(after_in("Theodorus rushed to Zorbat at once.", "Zorbat"));
        assert!(after_in(
            "a flight to Ukal Posad was cancelled",
            "Ukal Posad"
        ));
        assert!(after_in("during a visit to Zorbat last year", "Zorbat"));
        assert!(after_in("And welcome to Zorbat!", "Zorbat"));
        assert!(!after_in("He talked to Zorbat at once.", "Zorbat"));
        assert!(!after_in("He went back to Zorbat.", "Zorbat"));
        // Not read as a person's.
        let doc = Document::new("The monks stayed in Zorbat for a year.");
        let mention = Mention::first_place(&doc, "Zorbat");
        assert!(in_cue(&doc, &Lexicon::new(), &mention).is_none());
    }

    #[test]
    fn a_person_before_a_plural_place_noun_is_a_place() {
        let before_nouns =
            |text: &str, name: &str, kind: Kind| cued_read_as(text, name, kind, plural_cue);
        let person = Kind::Person;
        let text = "an emergency for Zorbat, Ukal Dene and Kestor counties. Velmo residents fled \
                    the Thissa, Pavlo, or Dorn districts and the Arvo cities";
        for name in [
            "Zorbat",
            "Ukal Dene",
            "Kestor",
            "Velmo",
            "Thissa",
            "Pavlo",
            "Dorn",
            "Arvo",
        ] {
            assert!(before_nouns(text, name, person), "{name}");
        }
        // Read as another kind; a given name; not a place noun; another line; a list broken by
        // a lowercase word.
        assert!(!before_nouns(
            "Zorbat counties",
            "Zorbat",
            Kind::Organization
        ));
        assert!(!before_nouns("the Maria counties", "Maria", person));
        assert!(!before_nouns("Zorbat voters came", "Zorbat", person));
        assert!(!before_nouns("Zorbat\ncounties", "Zorbat", person));
        assert!(!before_nouns(
            "Zorbat, the Kestor counties",
            "Zorbat",
            person
        ));
    }

    #[test]
    fn a_name_said_to_be_a_place_is_one() {
        let said = |text: &str| cued(text, "Zorbat");
        assert!(said(
            "Zorbat is a culturally diverse city on the shores of a lake."
        ));
        assert!(said("Zorbat is the capital of the island."));
        assert!(said("Zorbat was a small fishing village"));
        assert!(said("Zorbat is the largest port city, with docks."));
        assert!(said("Zorbat is a perfect destination for divers."));
        // A noun that goes on ("city councilman", "town's"), no copula, a capital, too far.
        assert!(!said("Zorbat is a city councilman."));
        assert!(!said("Zorbat is the town's mayor."));
        assert!(!said("Zorbat visited a city."));
        assert!(!said("Zorbat is a Greek city."));
        assert!(!said("Zorbat is a very old and rather quiet city."));
        assert!(!said("Zorbat is a mainstay in the district."));
    }
}
