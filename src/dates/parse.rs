//! Reading the pieces of a matched expression: month and day numbers, amounts, clock times.

use super::lexicon::{self, MONTHS, NUMBER_WORDS, QUANTIFIERS};
use super::resolve::Amount;

/// Whether `word` starts with an uppercase letter (month and weekday names must).
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The lowercase words of `text`, split at white space and hyphens.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A year said in words: "nineteen ninety-seven" is 1997, "two thousand and five" 2005, "two
/// thousand" 2000. Not "nineteen five", which is not how a year is said.
pub fn spelled_year(text: &str) -> Option<u32> {
    let words = words(text);
    let rest = |words: &[String]| -> Option<u32> {
        if words.is_empty() {
            return Some(0);
        }
        match amount(&words.join(" "))? {
            Amount::Count(n) if n < 100 => Some(n),
            _ => None,
        }
    };
    match words.as_slice() {
        [first, tail @ ..] if first == "nineteen" => {
            let n = rest(tail)?;
            (10..100).contains(&n).then_some(1900 + n)
        }
        [two, thousand, tail @ ..] if two == "two" && thousand == "thousand" => {
            let tail = tail.strip_prefix(&["and".to_string()]).unwrap_or(tail);
            Some(2000 + rest(tail)?)
        }
        _ => None,
    }
}

/// `text` with its runs of white space made single spaces.
fn words_of(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The month a name or abbreviation ("Oct.", "SEPT") stands for.
pub fn month(name: &str) -> Option<u32> {
    lexicon::lookup(MONTHS, &name.trim_end_matches('.').to_lowercase())
}

/// Whether a month name is an abbreviation ("Oct", "Sept."): a shorter spelling of a longer one.
pub fn is_abbreviated_month(name: &str) -> bool {
    abbreviates(&name.trim_end_matches('.').to_lowercase())
}

/// Whether the lowercase `word` is a shorter spelling of a longer month name.
fn abbreviates(word: &str) -> bool {
    MONTHS
        .iter()
        .any(|(full, _)| full.len() > word.len() && full.starts_with(word))
}

/// Whether `name` is a month's full name ("May", "september"), not an abbreviation.
pub fn is_full_month(name: &str) -> bool {
    let word = name.trim_end_matches('.').to_lowercase();
    lexicon::lookup(MONTHS, &word).is_some() && !abbreviates(&word)
}

/// The number of a day of the month, "16" or "16th".
pub fn day(text: &str) -> Option<u32> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = text[digits.len()..].to_lowercase();
    let day: u32 = digits.parse().ok()?;
    let suffix_ok = match suffix.as_str() {
        "" => true,
        "st" => day % 10 == 1 && day != 11,
        "nd" => day % 10 == 2 && day != 12,
        "rd" => day % 10 == 3 && day != 13,
        "th" => !matches!(day % 10, 1..=3) || (11..=13).contains(&day),
        _ => false,
    };
    (suffix_ok && (1..=31).contains(&day)).then_some(day)
}

/// The amount an expression counts: digits ("24", "1.5", "2,000"), number words ("twenty-four"),
/// "a"/"an", or a vague quantifier ("several").
pub fn amount(text: &str) -> Option<Amount> {
    let text = text.trim();
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        // "2 1/2" is 2.5.
        if let Some(whole) = text.strip_suffix("1/2").map(str::trim_end) {
            return whole
                .parse::<u32>()
                .ok()
                .map(|n| Amount::Decimal(format!("{n}.5")));
        }
        let digits = text.replace(',', "");
        // A count too large for a number kept as written ("2147483648 decades").
        return if digits.contains('.') {
            Some(Amount::Decimal(digits))
        } else {
            Some(
                digits
                    .parse()
                    .map_or(Amount::Decimal(digits), Amount::Count),
            )
        };
    }
    let phrase = words(text).join(" ");
    if phrase == "a" || phrase == "an" {
        return Some(Amount::Count(1));
    }
    if let Some(n) = lexicon::lookup(QUANTIFIERS, &phrase) {
        return Some(n.map_or(Amount::Vague, Amount::Count));
    }
    number_words(&phrase).map(Amount::Count)
}

/// The value of number words: one word ("twelve") or tens and ones ("twenty four").
fn number_words(phrase: &str) -> Option<u32> {
    if let Some(n) = lexicon::lookup(NUMBER_WORDS, phrase) {
        return Some(n);
    }
    let (tens, ones) = phrase.split_once(' ')?;
    let tens = lexicon::lookup(NUMBER_WORDS, tens).filter(|n| n % 10 == 0 && *n >= 20)?;
    let ones = lexicon::lookup(NUMBER_WORDS, ones).filter(|n| (1..=9).contains(n))?;
    Some(tens + ones)
}

/// A clock time as (hour 0–24, minute): "10:30 a.m.", "3 PM", "15:00", "noon", "midnight".
pub fn clock(text: &str) -> Option<(u32, u32)> {
    let lower = words_of(text).to_lowercase();
    match lower.as_str() {
        "noon" | "midday" => return Some((12, 0)),
        "midnight" => return Some((24, 0)),
        _ => {}
    }
    // "4 in the morning", "8 in the evening".
    if let Some((hour, part)) = lower.split_once(" in the ") {
        let meridiem = if part.trim() == "morning" { "am" } else { "pm" };
        return clock(&format!("{} {meridiem}", hour.trim()));
    }
    let digits_end = lower
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(lower.len());
    let (numbers, meridiem) = lower.split_at(digits_end);
    let (hour, minute) = match numbers.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
        Some(_) => return None,
        None => (numbers.parse().ok()?, 0),
    };
    let meridiem: String = meridiem.chars().filter(char::is_ascii_alphabetic).collect();
    let hour = match meridiem.as_str() {
        "" if hour <= 23 => hour,
        "am" if (1..=12).contains(&hour) => hour % 12,
        "pm" if (1..=12).contains(&hour) => hour % 12 + 12,
        _ => return None,
    };
    (minute <= 59).then_some((hour, minute))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_days() {
        assert_eq!(month("Oct."), Some(10));
        assert_eq!(month("SEPTEMBER"), Some(9));
        assert_eq!(month("Mayor"), None);
        assert!(is_abbreviated_month("Sept.") && is_abbreviated_month("Jan"));
        assert!(!is_abbreviated_month("May") && !is_abbreviated_month("June"));
        assert!(["May", "June", "march", "September"]
            .iter()
            .all(|m| is_full_month(m)));
        assert!(!is_full_month("Sept") && !is_full_month("Jun") && !is_full_month("Mayor"));
        assert_eq!(day("16"), Some(16));
        assert_eq!(day("21st"), Some(21));
        assert_eq!(day("12th"), Some(12));
        assert_eq!(day("12nd"), None);
        assert_eq!(day("32"), None);
        assert_eq!(day("0"), None);
    }

    #[test]
    fn amounts() {
        assert_eq!(amount("two"), Some(Amount::Count(2)));
        assert_eq!(amount("Twenty-four"), Some(Amount::Count(24)));
        assert_eq!(amount("twenty four"), Some(Amount::Count(24)));
        assert_eq!(amount("2,000"), Some(Amount::Count(2000)));
        assert_eq!(amount("1.5"), Some(Amount::Decimal("1.5".into())));
        assert_eq!(amount("an"), Some(Amount::Count(1)));
        assert_eq!(amount("a couple of"), Some(Amount::Count(2)));
        assert_eq!(clock("4 in the morning"), Some((4, 0)));
        assert_eq!(clock("8 in the evening"), Some((20, 0)));
        assert_eq!(clock("midday"), Some((12, 0)));
        assert_eq!(spelled_year("nineteen ninety-seven"), Some(1997));
        assert_eq!(spelled_year("two thousand and five"), Some(2005));
        assert_eq!(spelled_year("two thousand"), Some(2000));
        assert_eq!(spelled_year("nineteen five"), None);
        assert_eq!(spelled_year("twenty twenty"), None);
        assert_eq!(amount("several"), Some(Amount::Vague));
        assert_eq!(amount("a few"), Some(Amount::Vague));
        assert_eq!(amount("twenty twenty"), None);
        assert_eq!(amount("banana"), None);
    }

    #[test]
    fn clocks() {
        assert_eq!(clock("10:30 a.m."), Some((10, 30)));
        assert_eq!(clock("12 a.m."), Some((0, 0)));
        assert_eq!(clock("12 p.m."), Some((12, 0)));
        assert_eq!(clock("3PM"), Some((15, 0)));
        assert_eq!(clock("6:00am"), Some((6, 0)));
        assert_eq!(clock("15:00"), Some((15, 0)));
        assert_eq!(clock("Noon"), Some((12, 0)));
        assert_eq!(clock("midnight"), Some((24, 0)));
        assert_eq!(clock("25:00"), None);
        assert_eq!(clock("13 p.m."), None);
        assert_eq!(clock("10:75"), None);
        assert_eq!(clock("3:7"), None);
    }
}
