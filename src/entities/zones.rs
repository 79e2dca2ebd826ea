//! A time zone written right after a clock time ("7 p.m. CDT", "15:11 GMT") is part of the time
//! the dates layer finds there (it is that time's `zone`), not a name: names never cross a date
//! span. The zones are the dates layer's own list, in capitals as it takes them; the clock forms
//! are those its clock pattern has ("10 a.m.", "3pm", "15:00", "noon", "midnight"). A zone after
//! anything else ("1800 GMT" in a wire report, "PT" on its own) is left to the tagger.

use super::tagger::Found;
use crate::dates::TIME_ZONES;
use crate::text::Document;

/// Takes a time zone that follows a clock time off the start of each name of `found`, and
/// drops the names that were nothing else (kept in text order).
pub fn drop_after_clocks(doc: &Document, found: &mut Vec<Found>) {
    for name in found.iter_mut() {
        if !name.tokens.is_empty() && is_zone_after_clock(doc, name.tokens.start) {
            name.tokens.start += 1;
        }
    }
    found.retain(|name| !name.tokens.is_empty());
}

/// Whether token `t` is a time zone in capitals right after a clock time.
fn is_zone_after_clock(doc: &Document, t: usize) -> bool {
    let zone = doc.token_text(t);
    t > 0
        && zone.bytes().all(|b| b.is_ascii_uppercase())
        && TIME_ZONES.iter().any(|z| z.eq_ignore_ascii_case(zone))
        && ends_clock(doc, t - 1)
}

/// Whether token `t` ends a clock time: "a.m."/"pm" after an hour ("10 a.m."), an hour with its
/// "am"/"pm" glued on ("3pm", "10:30pm"), an hour and minutes ("15:11"), "noon" or "midnight".
fn ends_clock(doc: &Document, t: usize) -> bool {
    let word = doc.token_text(t).to_ascii_lowercase();
    if matches!(word.as_str(), "noon" | "midday" | "midnight") {
        return true;
    }
    match word.find(|c: char| c.is_ascii_alphabetic()) {
        Some(0) => is_meridiem(&word) && t > 0 && is_hour(doc.token_text(t - 1), false),
        Some(at) => is_meridiem(&word[at..]) && is_hour(&word[..at], false),
        None => is_hour(&word, true),
    }
}

fn is_meridiem(word: &str) -> bool {
    matches!(word, "a.m." | "p.m." | "a.m" | "p.m" | "am" | "pm")
}

/// Whether `text` is an hour of one or two digits, with ":" and two digits of minutes after it
/// (required when `minutes`, optional otherwise).
fn is_hour(text: &str, minutes: bool) -> bool {
    let (hour, rest) = text
        .split_once(':')
        .map_or((text, None), |(h, m)| (h, Some(m)));
    let digits = |s: &str, range: std::ops::RangeInclusive<usize>| {
        range.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    digits(hour, 1..=2)
        && match rest {
            Some(m) => digits(m, 2..=2),
            None => !minutes,
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    /// The texts of the names (token ranges) left after [`drop_after_clocks`].
    fn left(text: &str, names: &[(usize, usize)]) -> Vec<String> {
        let doc = Document::new(text);
        let mut found = Found::all(names, Kind::Organization);
        drop_after_clocks(&doc, &mut found);
        found.iter().map(|f| f.text(&doc)).collect()
    }

    #[test]
    fn a_zone_after_a_clock_is_not_a_name() {
        // Polls(0) close(1) at(2) 7(3) p.m.(4) CDT(5) ,(6) NASA(7) said(8)
        let text = "Polls close at 7 p.m. CDT, NASA said";
        assert_eq!(left(text, &[(5, 6), (7, 8)]), ["NASA"]);
        // Glued, with minutes, at noon: at(0) 3pm(1) BST(2) ,(3) 15:11(4) GMT(5) ,(6) noon(7) ET(8)
        let text = "at 3pm BST, 15:11 GMT, noon ET";
        assert_eq!(left(text, &[(2, 3), (5, 6), (8, 9)]), Vec::<String>::new());
        // A name the zone starts keeps the rest: at(0) 9(1) a.m.(2) EST(3) Monday(4)
        assert_eq!(left("at 9 a.m. EST Monday", &[(3, 5)]), ["Monday"]);
    }

    #[test]
    fn a_zone_after_anything_else_stays() {
        // A wire report's hours without a colon: by(0) 1800(1) GMT(2)
        assert_eq!(left("by 1800 GMT", &[(2, 3)]), ["GMT"]);
        // Not after a clock, or not in capitals: the(0) PT(1) ; at(0) 7(1) p.m.(2) Est(3)
        assert_eq!(left("the PT", &[(1, 2)]), ["PT"]);
        assert_eq!(left("at 7 p.m. Est", &[(3, 4)]), ["Est"]);
        // "am" is a clock's only after an hour: I(0) am(1) EST(2)
        assert_eq!(left("I am EST", &[(2, 3)]), ["EST"]);
        // A number that is not an hour: 123:45(0) GMT(1)
        assert_eq!(left("123:45 GMT", &[(1, 2)]), ["GMT"]);
    }
}
