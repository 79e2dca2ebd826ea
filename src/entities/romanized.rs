//! Chinese and Korean names as Hong Kong, Taiwanese and Korean news write them: the surname
//! first, then the two syllables of the given name joined by a hyphen ("Yau Wai-ching", "Kim
//! Jong-un", "Park Joo-Ho"). The tagger's training news has few of them, so it calls some MISC or
//! keeps only the given name. Two words of exactly this form, each syllable a romanized one, are
//! a person's name.

use super::lexicon::Lexicon;
use super::tagger::Found;
use crate::text::Document;
use crate::Kind;

/// Consonants that may begin a romanized syllable (longest first, so "ch" wins over "c").
const INITIALS: [&str; 26] = [
    "ch", "sh", "ts", "hs", "ng", "kw", "gw", "jj", "kk", "pp", "ss", "tt", "b", "c", "d", "f",
    "g", "h", "j", "k", "l", "m", "n", "p", "s", "t",
];
/// Consonants a romanized syllable may end with; "rk" for the Korean surname "Park".
const FINALS: [&str; 9] = ["ng", "rk", "n", "m", "k", "p", "t", "h", "l"];
/// Initials outside the table above: the semivowels, and a few more ("q", "x", "z", "r").
const OTHER_INITIALS: [&str; 6] = ["w", "y", "q", "x", "z", "r"];

/// Whether `word` (lowercase) is one syllable as Chinese or Korean are romanized: an optional
/// initial, one to three vowels, an optional final.
pub(super) fn is_syllable(word: &str) -> bool {
    let after_initial = INITIALS
        .iter()
        .chain(&OTHER_INITIALS)
        .find_map(|initial| word.strip_prefix(initial))
        .unwrap_or(word);
    let vowels = after_initial
        .bytes()
        .take_while(|b| b"aeiouy".contains(b))
        .count();
    let final_part = &after_initial[vowels..];
    (1..=3).contains(&vowels) && (final_part.is_empty() || FINALS.contains(&final_part))
}

/// "Yau", "Leung": a capitalized single syllable.
fn is_surname(word: &str, lexicon: &Lexicon) -> bool {
    let lower = word.to_lowercase();
    word.chars().next().is_some_and(char::is_uppercase)
        && word.len() <= 6
        && word.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && !lexicon.stopwords.contains(&lower)
        && is_syllable(&lower)
}

/// "Wai-ching", "Joo-Ho": two capitalized-first syllables joined by a hyphen.
fn is_given_name(word: &str) -> bool {
    // Most words fail the first test, before any search for the hyphen.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let Some((first, second)) = word.split_once('-') else {
        return false;
    };
    let syllable = |s: &str, capital: bool| {
        let mut chars = s.chars();
        let head_ok = chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() && (!capital || c.is_ascii_uppercase()));
        head_ok
            && chars.all(|c| c.is_ascii_lowercase())
            && s.len() <= 6
            && is_syllable(&s.to_ascii_lowercase())
    };
    syllable(first, true) && syllable(second, false)
}

/// Marks each name of this form as a person, replacing what the tagger found within it.
pub fn mark(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut names = Vec::new();
    for sentence in &doc.sentences {
        for i in sentence.tokens.start..sentence.tokens.end.saturating_sub(1) {
            // The given name first: seldom true, and it needs no lowercase copy.
            if is_given_name(doc.token_text(i + 1)) && is_surname(doc.token_text(i), lexicon) {
                names.push(i..i + 2);
            }
        }
    }
    for name in names {
        let overlapping: Vec<usize> = (0..found.len())
            .filter(|&f| found[f].tokens.start < name.end && name.start < found[f].tokens.end)
            .collect();
        // A longer name around it is the tagger's to decide ("Kim Jong-un Stadium").
        if overlapping
            .iter()
            .any(|&f| found[f].tokens.start < name.start || found[f].tokens.end > name.end)
        {
            continue;
        }
        for &f in overlapping.iter().rev() {
            found.remove(f);
        }
        let at = found.partition_point(|f| f.tokens.start < name.start);
        found.insert(
            at,
            Found {
                tokens: name,
                kind: Kind::Person,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanized_syllables() {
        for word in [
            "yau", "leung", "kwok", "ching", "cheung", "wook", "park", "un", "tse",
        ] {
            assert!(is_syllable(word), "{word}");
        }
        for word in [
            "based", "winner", "foods", "star", "lucy", "chester", "listed",
        ] {
            assert!(!is_syllable(word), "{word}");
        }
    }

    fn persons(text: &str, tagged: &[(usize, usize, Kind)]) -> Vec<(String, Kind)> {
        let doc = Document::new(text);
        let mut found: Vec<Found> = tagged
            .iter()
            .map(|&(start, end, kind)| Found {
                tokens: start..end,
                kind,
            })
            .collect();
        mark(&doc, &Lexicon::new(), &mut found);
        found
            .iter()
            .map(|f| {
                let (start, end) = (f.tokens.start, f.tokens.end - 1);
                let span = &doc.text[doc.tokens[start].start..doc.tokens[end].end];
                (span.to_string(), f.kind)
            })
            .collect()
    }

    #[test]
    fn surname_and_hyphenated_given_name_are_a_person() {
        // Tokens: Lawmaker(0) Yau(1) Wai-ching(2) and(3) Park(4) Joo-Ho(5) spoke(6) .(7)
        let text = "Lawmaker Yau Wai-ching and Park Joo-Ho spoke.";
        let tagged = [(1, 3, Kind::Misc), (5, 6, Kind::Person)];
        assert_eq!(
            persons(text, &tagged),
            [
                ("Yau Wai-ching".to_string(), Kind::Person),
                ("Park Joo-Ho".to_string(), Kind::Person)
            ]
        );
    }

    #[test]
    fn english_compounds_and_longer_names_are_left_alone() {
        let text = "At Chester-le Street, New York-based Foods Co-Op and the Kim Jong-un Stadium.";
        let doc = Document::new(text);
        let stadium = doc
            .tokens
            .iter()
            .position(|t| &text[t.start..t.end] == "Kim")
            .unwrap();
        let tagged = [(stadium, stadium + 3, Kind::Place)];
        assert_eq!(
            persons(text, &tagged),
            [("Kim Jong-un Stadium".to_string(), Kind::Place)]
        );
    }
}
