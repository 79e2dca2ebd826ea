//! The date an article states at its top: in a dateline ("LONDON 1996-08-30"), a date line
//! ("Friday, July 21, 2017"), or a published line ("Published Oct. 16, 2025").

use super::lexicon::DATELINE_LABELS;
use super::{Date, DateTagger};
use crate::text::Document;
use crate::{Extent, Kind};

/// How much of the top is read: a headline, a date line and a first line of body at most.
const HEAD_LINES: usize = 3;
/// The date must start within this many characters of the top…
const HEAD_CHARS: usize = 300;
/// … and may run this many characters past it.
const DATE_ROOM: usize = 60;

/// The first date with year, month and day that stands as the article's date near its top.
pub fn find(tagger: &DateTagger, text: &str) -> Option<(Date, Extent)> {
    let (head, limit) = head(text);
    let document = Document::new(head);
    tagger
        .tag(&document, None)
        .into_iter()
        .take_while(|span| span.start < limit)
        .filter(|span| matches!(span.kind, Kind::Date | Kind::Time))
        .filter(|span| stands_alone(head, span.start, span.end))
        .find_map(|span| {
            let date = full_date(span.value.as_deref()?)?;
            Some((
                date,
                Extent {
                    start: span.start,
                    end: span.end,
                },
            ))
        })
}

/// The top of `text` (its first lines, cut a little past [`HEAD_CHARS`]) and the byte offset of
/// character [`HEAD_CHARS`] in it.
fn head(text: &str) -> (&str, usize) {
    let byte_of_char = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    let limit = byte_of_char(HEAD_CHARS);
    let cut = byte_of_char(HEAD_CHARS + DATE_ROOM);
    let mut lines = 0;
    let mut end = cut;
    let mut offset = 0;
    for line in text[..cut].split_inclusive('\n') {
        offset += line.len();
        if !line.trim().is_empty() {
            lines += 1;
        }
        if lines == HEAD_LINES {
            end = offset;
            break;
        }
    }
    (&text[..end], limit.min(end))
}

/// The date of a TIMEX3 value that gives year, month and day (`2025-10-16`, `2025-10-16T15:00`).
fn full_date(value: &str) -> Option<Date> {
    let rest = value.get(10..)?;
    if !(rest.is_empty() || rest.starts_with('T')) {
        return None;
    }
    value[..10].parse().ok()
}

/// Whether the date at `start..end` is set apart on its line as an article's date is: alone at
/// the start of the line or after a label or an all-capitals place name, or ending a byline.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = text[line_start..start].trim();
    let after = text[end..line_end].trim();
    let ends_line = !after.chars().any(char::is_alphanumeric);
    before.is_empty() || is_label(before) || is_place(before) || (ends_line && is_byline(before))
}

/// "By Jane Doe |", "Reuters staff,": a few words ending in a name, not a sentence that ends
/// with a date ("… debentures due March 1, 2011.").
fn is_byline(before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 6
        && words
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// "Published", "By Jane Doe | Updated:" — ends with a date label.
fn is_label(before: &str) -> bool {
    let before = before
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let before = before.strip_suffix(" on").unwrap_or(&before);
    DATELINE_LABELS.iter().any(|label| {
        before
            .strip_suffix(label)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

/// "LONDON", "WASHINGTON, D.C.,": a dateline place, written in capitals.
fn is_place(before: &str) -> bool {
    before.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !before.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline(text: &str) -> Option<(String, String)> {
        static TAGGER: std::sync::OnceLock<DateTagger> = std::sync::OnceLock::new();
        let (date, extent) = find(TAGGER.get_or_init(DateTagger::new), text)?;
        Some((date.to_string(), text[extent.start..extent.end].to_string()))
    }

    fn found(date: &str, stated: &str) -> Option<(String, String)> {
        Some((date.to_string(), stated.to_string()))
    }

    #[test]
    fn conll_style_place_and_iso_date() {
        assert_eq!(
            dateline(
                "Cricket - Leicestershire take over\nLONDON 1996-08-30\nWest Indian all-rounder"
            ),
            found("1996-08-30", "1996-08-30")
        );
    }

    #[test]
    fn date_line_under_the_headline() {
        let text = "After visa snags, team honored\nFriday, July 21, 2017\nA group of girls went";
        assert_eq!(dateline(text), found("2017-07-21", "Friday, July 21, 2017"));
        let same_line = "Flag process begins\nThursday, May 7, 2015 On Tuesday, the government";
        assert_eq!(
            dateline(same_line),
            found("2015-05-07", "Thursday, May 7, 2015")
        );
    }

    #[test]
    fn published_and_lone_dates() {
        assert_eq!(
            dateline("Summit set\nPublished Oct. 16, 2025\nTrump said"),
            found("2025-10-16", "Oct. 16, 2025")
        );
        assert_eq!(
            dateline("By Jane Doe | Updated: October 16, 2025\nText"),
            found("2025-10-16", "October 16, 2025")
        );
        assert_eq!(
            dateline("October 16, 2025\nTrump says he will meet Putin"),
            found("2025-10-16", "October 16, 2025")
        );
        assert_eq!(
            dateline("Storm report\n10/16/2025\nRain fell."),
            found("2025-10-16", "10/16/2025")
        );
    }

    #[test]
    fn no_dateline() {
        assert_eq!(
            dateline("Sun announced debentures due Oct. 15, 1999.\nThe company said"),
            None
        );
        assert_eq!(
            dateline("Storm hits the coast on October 16, 2025\nRain"),
            None
        );
        assert_eq!(
            dateline("WASHINGTON (AP) — Trump said Thursday he would go."),
            None
        );
        assert_eq!(dateline(""), None);
        assert_eq!(
            dateline("Trump met Putin on Oct. 16 in Alaska.\nMore text"),
            None
        );
        // A date mentioned in a sentence is not the article's date.
        assert_eq!(
            dateline("The court will rule on October 16, 2025 about the case, he said."),
            None
        );
        // Only the top of the article counts.
        let late = format!("{}\nOctober 16, 2025", "Headline\nBody line.\nMore body.");
        assert_eq!(dateline(&late), None);
        let far = format!("{} October 16, 2025", "word ".repeat(80));
        assert_eq!(dateline(&far), None);
    }
}
