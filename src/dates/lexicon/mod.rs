//! The word lists of the dates layer, as data. The rules (`rules.rs`) refer to these lists by
//! placeholder (`{month}`, `{unit}` …), so a new word is a new table row, not a new rule.
//!
//! Every entry is lowercase; matching is case-insensitive, and the rules check capitalization
//! where it matters (month and weekday names).
//!
//! The tables live in `calendar`, `amounts`, `cues` and `tense`, re-exported here; this
//! module holds the lookups over them.

mod amounts;
mod calendar;
mod cues;
mod tense;

pub use amounts::*;
pub use calendar::*;
pub use cues::*;
pub use tense::*;

/// The value of `word` (lowercase) in a word table.
pub fn lookup<V: Copy>(table: &[(&str, V)], word: &str) -> Option<V> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// The unit named by `word` (lowercase), and whether the word is a plural.
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    UNITS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|&(_, unit, plural)| (unit, plural))
}

/// Whether `word` (lowercase) names a month, weekday, part of day or relative day: a capitalized
/// word of that kind after a date continues the date rather than a name.
pub fn is_temporal_word(word: &str) -> bool {
    lookup(MONTHS, word.trim_end_matches('.')).is_some()
        || lookup(WEEKDAYS, word).is_some()
        || lookup(PARTS_OF_DAY, word).is_some()
        || lookup(RELATIVE_DAYS, word).is_some()
}

/// A regex alternation of `words` (longest first, so "sept" is tried before "sep"), spaces
/// matching any run of white space. `dotted` words may carry a period ("Oct.").
pub fn alternation<'w>(words: impl IntoIterator<Item = &'w str>, dotted: bool) -> String {
    let mut words: Vec<&str> = words.into_iter().collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    let alternatives: Vec<String> = words
        .iter()
        .map(|w| {
            let escaped = regex::escape(w).replace(' ', r"\s+");
            if dotted {
                format!(r"{escaped}\.?")
            } else {
                escaped
            }
        })
        .collect();
    format!("(?:{})", alternatives.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(lookup(MONTHS, "sept"), Some(9));
        assert_eq!(lookup(WEEKDAYS, "thursday"), Some(4));
        assert_eq!(lookup(MONTHS, "thursday"), None);
        assert_eq!(unit("hours"), Some((Unit::Hour, true)));
        assert_eq!(unit("decade"), Some((Unit::Decade, false)));
        assert_eq!(unit("quarters"), Some((Unit::Quarter, true)));
        assert_eq!(unit("fortnight"), None);
    }

    #[test]
    fn alternation_tries_longest_first() {
        assert_eq!(
            alternation(["sep", "sept", "a few"], false),
            r"(?:a\s+few|sept|sep)"
        );
        assert_eq!(alternation(["oct"], true), r"(?:oct\.?)");
    }

    #[test]
    fn tables_are_lowercase_and_units_designate() {
        let words = MONTHS
            .iter()
            .map(|(w, _)| *w)
            .chain(WEEKDAYS.iter().map(|(w, _)| *w))
            .chain(UNITS.iter().map(|(w, _, _)| *w))
            .chain(FUTURE_CUES.iter().copied())
            .chain(MONTH_CUES.iter().copied())
            .chain(YEAR_CUES.iter().copied());
        for word in words {
            assert_eq!(word, word.to_lowercase(), "{word}");
        }
        assert_eq!(Unit::Decade.designator(), "DE");
        assert!(Unit::Minute.is_clock() && !Unit::Month.is_clock());
    }
}
