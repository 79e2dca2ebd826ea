//! The placeholders of the rule patterns (`{month}`, `{unit}` …): each the regex alternation of
//! a word list of `lexicon/`, or a small pattern of its own (clock times, numbers, time zones).

use super::lexicon::*;
use super::parse;

/// `pattern` with its placeholders replaced by the word lists they stand for (from
/// [`placeholders`]).
pub fn expand(pattern: &str, placeholders: &[(&str, String)]) -> String {
    placeholders
        .iter()
        .fold(pattern.to_string(), |pattern, (name, regex)| {
            pattern.replace(name, regex)
        })
}

/// A clock time: "10:30 a.m.", "3 PM", "15:00", "4 in the morning", "noon".
const CLOCK: &str = r"(?:[0-9]{1,2}(?::[0-9]{2})?\s*(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)|[0-9]{1,2}(?::[0-9]{2})?\s+in\s+the\s+(?:morning|afternoon|evening)|[0-9]{1,2}:[0-9]{2}|noon|midday|midnight)";

/// Each placeholder and the regex alternation of its word list.
pub fn placeholders() -> Vec<(&'static str, String)> {
    let units = |plural: bool| {
        let forms = UNITS.iter().filter(move |u| !plural || u.2).map(|u| u.0);
        alternation(forms, false)
    };
    vec![
        // First: it holds `{num}`, replaced after it.
        (
            "{spelled_year}",
            r"nineteen[\s-]+{num}|two\s+thousand(?:\s+and)?[\s-]+{num}".to_string(),
        ),
        ("{month}", month_pattern()),
        ("{weekday}", names(WEEKDAYS)),
        ("{day}", r"[0-9]{1,2}(?:st|nd|rd|th)?".to_string()),
        ("{year}", r"[0-9]{4}".to_string()),
        ("{num}", number_pattern()),
        ("{quant}", names(QUANTIFIERS)),
        (
            "{amod}",
            alternation(AMOUNT_MODIFIERS.iter().copied(), false),
        ),
        (
            "{modifier}",
            alternation(PERIOD_MODIFIERS.iter().copied(), false),
        ),
        ("{unit}", units(false)),
        ("{plural}", units(true)),
        ("{part}", names(PARTS_OF_DAY)),
        ("{season}", names(SEASONS)),
        ("{ordinal}", names(ORDINALS)),
        ("{relday}", names(RELATIVE_DAYS)),
        ("{refword}", names(REFERENCE_WORDS)),
        ("{frequency}", names(FREQUENCIES)),
        ("{zone}", zone_pattern()),
        ("{clock}", CLOCK.to_string()),
        (
            "{dmod}",
            alternation(
                AMOUNT_MODIFIERS
                    .iter()
                    .copied()
                    .filter(|m| !OUTSIDE_DURATION.contains(m)),
                false,
            ),
        ),
        ("{century_ordinal}", names(CENTURY_ORDINALS)),
        ("{decade_word}", names(DECADE_WORDS)),
        ("{holiday}", names(HOLIDAYS)),
        (
            "{moreunits}",
            alternation(MORE_UNITS.iter().copied(), false),
        ),
        (
            "{dayordinal}",
            alternation(DAY_COUNT_ORDINALS.iter().copied(), false),
        ),
        (
            "{dayqual}",
            alternation(COUNTED_DAY_KINDS.iter().copied(), false),
        ),
    ]
}

/// Time zones, in capitals only and as whole words ("7 p.m. CDT", not "et al.").
fn zone_pattern() -> String {
    let zones: Vec<String> = TIME_ZONES.iter().map(|z| z.to_uppercase()).collect();
    let zones = alternation(zones.iter().map(String::as_str), false);
    format!(r"(?-i:{zones})(?-u:\b)")
}

/// Month names, then abbreviations with an optional period ("Oct.").
fn month_pattern() -> String {
    let months = || MONTHS.iter().map(|(w, _)| *w);
    let full = alternation(months().filter(|m| !parse::is_abbreviated_month(m)), false);
    let short = alternation(months().filter(|m| parse::is_abbreviated_month(m)), true);
    format!("(?:{full}|{short})")
}

/// An amount: digits ("2,000", "1.5"), tens and ones ("twenty-four"), or one number word.
fn number_pattern() -> String {
    let words = |keep: fn(u32) -> bool| {
        let words = NUMBER_WORDS.iter().filter(|(_, n)| keep(*n));
        alternation(words.map(|(w, _)| *w), false)
    };
    let tens = words(|n| (20..100).contains(&n) && n % 10 == 0);
    let ones = words(|n| (1..=9).contains(&n));
    let any = words(|_| true);
    format!(
        r"(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+\s+1/2|[0-9]+(?:\.[0-9]+)?|{tens}(?:[\s-]+{ones})?|{any})"
    )
}

/// The alternation of the words of a word table.
fn names<V>(table: &[(&'static str, V)]) -> String {
    alternation(table.iter().map(|(w, _)| *w), false)
}

#[cfg(test)]
mod tests {
    use super::super::RULES;
    use super::*;

    #[test]
    fn every_pattern_compiles_with_no_placeholder_left() {
        let unknown = regex::Regex::new(r"\{[a-z]+\}").unwrap();
        for rule in RULES {
            let pattern = expand(rule.pattern, &placeholders());
            assert!(!unknown.is_match(&pattern), "{}: {pattern}", rule.name);
            regex::Regex::new(&pattern).unwrap_or_else(|e| panic!("{}: {e}", rule.name));
        }
    }

    #[test]
    fn number_placeholder_prefers_compounds() {
        let number =
            regex::Regex::new(&format!("^(?i:{})$", expand("{num}", &placeholders()))).unwrap();
        for ok in [
            "two",
            "twenty-four",
            "twenty four",
            "2,000",
            "1.5",
            "17",
            "Seventeen",
        ] {
            assert!(number.is_match(ok), "{ok}");
        }
        assert!(!number.is_match("twentyfour"));
    }
}
