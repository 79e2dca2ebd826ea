//! Dates and times: finds temporal expressions and normalizes them to TIMEX3 values.
//!
//! The layer is a table of rules (`rules.rs`), each a pattern written over word lists
//! (`lexicon/`) and a function that checks a match in context (`context.rs`) and computes its
//! value (`resolve.rs`). One anchored search of all patterns at each word start tells where each
//! rule may match; its own pattern is then run only there. Of overlapping matches the leftmost,
//! then the longest, is kept. A last pass, in text order,
//! gives anaphoric expressions ("the quarter", "a year earlier", "the next day") their value from
//! the quarter or date mentioned last; each rule gives a fallback for when there is none.

mod calendar;
mod context;
mod dateline;
mod lexicon;
mod parse;
mod resolve;
mod rules;

pub use calendar::{Date, Weekday};
/// The entity layer leaves a zone written after a clock time to the time it belongs to.
pub(crate) use lexicon::{MONTH_CUES, TIME_ZONES};
pub(crate) use parse::is_full_month;

use std::sync::OnceLock;

use regex::{Captures, Regex, RegexSet};

use self::context::Context;
use self::rules::{Anaphor, Found, Rule, Timex, RULES};
use crate::text::Document;
use crate::{Extent, Span};

/// Finds temporal expressions. Build it once: it compiles each rule's pattern when first used,
/// so that building is cheap where the tagger is made but maybe never used (an analyzer that
/// runs other layers, a page that loads before it analyzes).
pub struct DateTagger {
    rules: Vec<Compiled>,
    placeholders: Vec<(&'static str, String)>,
    /// Every rule's pattern anchored at its start: one search at a word start tells which rules
    /// match there, instead of each rule's pattern scanning the whole text.
    starts: OnceLock<RegexSet>,
}

/// A rule with its pattern compiled two ways, each on first use.
struct Compiled {
    rule: &'static Rule,
    /// Anchored at the start of the text: run at the word starts where the set found a match.
    anchored: OnceLock<Regex>,
    /// Scanning the whole text (for texts where word starts do not do, see `tag`).
    scanning: OnceLock<Regex>,
}

/// A match that passed its rule's checks, before overlaps are settled.
struct Candidate {
    start: usize,
    end: usize,
    /// The rule's place in [`RULES`]; the earlier rule wins a tie.
    rank: usize,
    timex: Timex,
}

impl DateTagger {
    pub fn new() -> DateTagger {
        DateTagger {
            rules: RULES
                .iter()
                .map(|rule| Compiled {
                    rule,
                    anchored: OnceLock::new(),
                    scanning: OnceLock::new(),
                })
                .collect(),
            placeholders: rules::placeholders(),
            starts: OnceLock::new(),
        }
    }

    /// The set of all rules' patterns, anchored, compiled on first use.
    fn start_set(&self) -> &RegexSet {
        self.starts.get_or_init(|| {
            let anchored = RULES.iter().map(|rule| self.pattern(rule, true));
            RegexSet::new(anchored).unwrap_or_else(|e| panic!("dates rules: {e}"))
        })
    }

    /// Per rule, where its matches may begin, ascending. Patterns begin with a word boundary and
    /// a letter or digit, so only ASCII word starts are tried; the anchored search there stops
    /// within a word or two.
    fn match_starts(&self, text: &str) -> Vec<Vec<usize>> {
        let set = self.start_set();
        let mut starts = vec![Vec::new(); RULES.len()];
        for at in word_starts(text) {
            let rest = &text[at..];
            if !set.is_match(rest) {
                continue;
            }
            for rank in set.matches(rest).iter() {
                starts[rank].push(at);
            }
        }
        starts
    }

    /// The pattern of `rule`, case-insensitive, either anchored at the start of the text or
    /// after an ASCII word boundary (which keeps the lazy DFA usable on any text, where a Unicode
    /// one would not be; token alignment checks the rest).
    fn pattern(&self, rule: &Rule, anchored: bool) -> String {
        let body = rules::expand(rule.pattern, &self.placeholders);
        let front = if anchored { "^" } else { r"(?-u:\b)" };
        format!(r"(?i){front}(?:{body})")
    }

    /// The compiled pattern of a rule, compiled on first use.
    fn regex<'s>(&self, compiled: &'s Compiled, anchored: bool) -> &'s Regex {
        let cell = if anchored {
            &compiled.anchored
        } else {
            &compiled.scanning
        };
        cell.get_or_init(|| {
            let pattern = self.pattern(compiled.rule, anchored);
            Regex::new(&pattern)
                .unwrap_or_else(|e| panic!("dates rule {:?}: {e}", compiled.rule.name))
        })
    }

    /// The temporal spans of `document`, with values resolved against `reference` when given.
    /// Sorted by start, never overlapping.
    pub fn tag(&self, document: &Document, reference: Option<Date>) -> Vec<Span> {
        let mut candidates = Vec::new();
        // A letter that folds to an ASCII one ("ſ") may begin a match off an ASCII word start:
        // then each pattern scans the whole text.
        let folds_to_ascii =
            document.text.contains('\u{17F}') || document.text.contains('\u{212A}');
        let starts = (!folds_to_ascii).then(|| self.match_starts(document.text));
        for (rank, compiled) in self.rules.iter().enumerate() {
            let rule = compiled.rule;
            let matches: Box<dyn Iterator<Item = (usize, Captures)>> = match &starts {
                Some(starts) if starts[rank].is_empty() => continue,
                Some(starts) => {
                    let regex = self.regex(compiled, true);
                    Box::new(matches_at(regex, document.text, &starts[rank]))
                }
                None => {
                    let regex = self.regex(compiled, false);
                    Box::new(regex.captures_iter(document.text).map(|c| (0, c)))
                }
            };
            for (offset, captures) in matches {
                let Some(whole) = captures.get(0) else {
                    continue;
                };
                let (start, end) = (offset + whole.start(), offset + whole.end());
                let Some(context) = Context::new(document, reference, start, end) else {
                    continue;
                };
                let found = Found::new(captures);
                if let Some(mut timex) = (rule.resolve)(&found, &context) {
                    timex.modifier = timex.modifier.or_else(|| rules::modifier_of(&found));
                    // A range ("2014-2015") is two expressions.
                    if let Some(range) = timex.range.take() {
                        let mut second = timex.clone();
                        second.value = range.value;
                        candidates.push(Candidate {
                            start: start + range.second_start,
                            end,
                            rank,
                            timex: second,
                        });
                        candidates.push(Candidate {
                            start,
                            end: start + range.first_end,
                            rank,
                            timex,
                        });
                        continue;
                    }
                    candidates.push(Candidate {
                        start,
                        end,
                        rank,
                        timex,
                    });
                }
            }
        }
        let mut kept = select(candidates);
        resolve_anaphors(document.text, &mut kept);
        if let Some(reference) = reference {
            date_clock_times(document, reference, &mut kept);
        }
        kept.into_iter()
            .map(|c| {
                let mut span = Span::new(document.text, c.start, c.end, c.timex.kind);
                span.value = Some(c.timex.value);
                span.modifier = c.timex.modifier.map(str::to_string);
                span.zone = c.timex.zone;
                span
            })
            .collect()
    }

    /// The date the article states in its dateline or published line, with where it says so.
    pub fn dateline(&self, document: &Document) -> Option<(Date, Extent)> {
        dateline::find(self, document.text)
    }
}

impl Default for DateTagger {
    fn default() -> DateTagger {
        DateTagger::new()
    }
}

/// The matches that `captures_iter` of the scanning pattern would give, found with the anchored
/// `regex` at `starts` (every place a match may begin, ascending): leftmost first, each searched
/// for from the end of the one before. Each comes with its offset in `text`.
fn matches_at<'a, 't: 'a>(
    regex: &'a Regex,
    text: &'t str,
    starts: &'a [usize],
) -> impl Iterator<Item = (usize, Captures<'t>)> + 'a {
    let mut rest = starts.iter();
    let mut end = 0;
    std::iter::from_fn(move || loop {
        let &at = rest.by_ref().find(|&&at| at >= end)?;
        if let Some(captures) = regex.captures(&text[at..]) {
            end = at + captures.get(0).map_or(1, |m| m.end().max(1));
            return Some((at, captures));
        }
    })
}

/// Byte offsets where an ASCII word (letters, digits, `_`) begins.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut in_word = false;
    text.bytes().enumerate().filter_map(move |(i, b)| {
        let starts = !in_word;
        in_word = b.is_ascii_alphanumeric() || b == b'_';
        (in_word && starts).then_some(i)
    })
}

/// Gives anaphoric expressions their value from the quarter last mentioned before them. When a
/// report's months ("the nine months", "the first six months") were spoken of after that
/// quarter, "a year earlier" and "the 1988 period" are those months of the year before, which
/// TIMEX3 writes as the year.
fn resolve_anaphors(text: &str, kept: &mut [Candidate]) {
    let mut last: Option<(i32, u32)> = None;
    let mut months_since = false;
    let mut last_day: Option<Date> = None;
    let mut last_year: Option<i32> = None;
    let mut last_month: Option<(i32, u32)> = None;
    for candidate in kept.iter_mut() {
        let timex = &mut candidate.timex;
        if let Some(value) = month_or_weekday_anaphor(timex.anaphor, last_day, last_month) {
            timex.value = value;
        }
        match (timex.anaphor, last, last_day, last_year) {
            (Some(Anaphor::Days(n)), _, Some(day), _) => {
                if let Some(date) = day.add_days(n) {
                    timex.value = date.to_string();
                }
            }
            (Some(Anaphor::Weeks(n)), _, Some(day), _) => {
                if let Some(date) = n.checked_mul(7).and_then(|days| day.add_days(days)) {
                    timex.value = date.iso_week_value();
                }
            }
            (Some(Anaphor::Years(n)), _, _, Some(year)) => {
                if let Some(value) = resolve::year_value(i64::from(year) + i64::from(n)) {
                    timex.value = value;
                }
            }
            (
                Some(
                    Anaphor::Days(_)
                    | Anaphor::Weeks(_)
                    | Anaphor::Years(_)
                    | Anaphor::Months(_)
                    | Anaphor::Weekday(..),
                ),
                ..,
            ) => {}
            (Some(anaphor), Some((year, quarter)), ..) => {
                let year = match anaphor {
                    Anaphor::QuarterYearBefore => i64::from(year) - 1,
                    Anaphor::QuarterOfYear(given) => i64::from(given),
                    _ => i64::from(year),
                };
                let whole_year = months_since && anaphor != Anaphor::SameQuarter;
                if let Some(year) = resolve::year_value(year) {
                    timex.value = if whole_year {
                        year
                    } else {
                        format!("{year}-Q{quarter}")
                    };
                }
            }
            _ => {}
        }
        if timex.anaphor.is_none() {
            if let Some(quarter) = parse_quarter(&timex.value) {
                last = Some(quarter);
                months_since = false;
            }
            months_since |= is_report_months(&text[candidate.start..candidate.end], timex);
            // Any date of a day's or a year's precision is what "the next day" or "that year"
            // may follow.
            if timex.kind == crate::Kind::Date {
                let value = &timex.value;
                if value.len() >= 4 && value.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
                    last_year = value[..4].parse().ok().or(last_year);
                }
                if value.len() == 10 {
                    last_day = value.parse().ok().or(last_day);
                }
                if let Some(month) = value_month(value) {
                    last_month = Some(month);
                }
            }
        }
    }
}

/// The value of "the following month" (months from the month last mentioned) or "the previous
/// Friday" (that weekday before or after the day last mentioned), when there is one to count from.
fn month_or_weekday_anaphor(
    anaphor: Option<Anaphor>,
    last_day: Option<Date>,
    last_month: Option<(i32, u32)>,
) -> Option<String> {
    match anaphor? {
        Anaphor::Months(n) => {
            let (year, month) = last_month?;
            let (year, month) = resolve::shift_month(year, month, n);
            Some(format!("{}-{month:02}", resolve::year_value(year.into())?))
        }
        Anaphor::Weekday(weekday, dir) => {
            let occurrence = if dir < 0 {
                resolve::Occurrence::Previous
            } else {
                resolve::Occurrence::Following
            };
            Some(resolve::weekday(last_day?, weekday, occurrence)?.to_string())
        }
        _ => None,
    }
}

/// The year and month of a date value of a month's or a day's precision ("2025-11",
/// "2025-11-12").
fn value_month(value: &str) -> Option<(i32, u32)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (year, month) = (value.get(..4)?, value.get(5..7)?);
    let shape = value.get(4..5) == Some("-") && matches!(value.len(), 7 | 10);
    let month: u32 = month
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m) && digits(year))?;
    shape.then_some((year.parse().ok()?, month))
}

/// Puts clock times written without a day ("at 2:15 p.m.") on the day their sentence is about:
/// the day of the one full date in the sentence, or else the reference day. With two different
/// days in the sentence the day stays unknown.
fn date_clock_times(document: &Document, reference: Date, kept: &mut [Candidate]) {
    let sentence_of = |at: usize| {
        let token = document.tokens.partition_point(|t| t.start < at);
        document.sentence_of(token.min(document.tokens.len().saturating_sub(1)))
    };
    // The spans are in text order, so each sentence's are a run.
    let mut rest = kept;
    while let Some(first) = rest.first() {
        let sentence = sentence_of(first.start);
        let run = rest
            .iter()
            .position(|c| sentence_of(c.start) != sentence)
            .unwrap_or(rest.len());
        let (here, after) = rest.split_at_mut(run);
        date_clock_times_in(here, reference);
        rest = after;
    }
}

/// [`date_clock_times`] in the spans of one sentence.
fn date_clock_times_in(spans: &mut [Candidate], reference: Date) {
    let mut days = spans.iter().filter_map(|c| day_of(&c.timex.value));
    let first = days.next();
    if days.any(|day| Some(day) != first) {
        return;
    }
    let day = first.map_or_else(|| reference.to_string(), str::to_string);
    for candidate in spans {
        if let Some(clock) = candidate.timex.value.strip_prefix(UNDATED) {
            candidate.timex.value = format!("{day}T{clock}");
        }
    }
}

/// What a clock time with no day has for its date.
const UNDATED: &str = "XXXX-XX-XXT";

/// The day of a date or time value with a full date (`2025-11-12`, `2025-11-12T09:00`).
fn day_of(value: &str) -> Option<&str> {
    let day = value.get(..10)?;
    let rest = &value[10..];
    let digits = day.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    (digits && (rest.is_empty() || rest.starts_with('T'))).then_some(day)
}

/// Whether an expression is the months a report covers: "the nine months", "the first six
/// months", "the latest nine months" (a length of three, six or nine months after "the").
fn is_report_months(text: &str, timex: &Timex) -> bool {
    let months = timex
        .value
        .strip_prefix('P')
        .and_then(|v| v.strip_suffix('M'))
        .and_then(|n| n.parse::<u32>().ok());
    timex.kind == crate::Kind::Duration
        && months.is_some_and(|n| [3, 6, 9].contains(&n))
        && text
            .get(..4)
            .is_some_and(|the| the.eq_ignore_ascii_case("the "))
}

/// `(2025, 3)` from `2025-Q3`.
fn parse_quarter(value: &str) -> Option<(i32, u32)> {
    let (year, quarter) = value.split_once("-Q")?;
    let year = year.parse().ok().filter(|_| year.len() == 4)?;
    let quarter = quarter.parse().ok().filter(|q| (1..=4).contains(q))?;
    Some((year, quarter))
}

/// Settles overlaps: leftmost first, then longest, then the earlier rule.
fn select(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.rank.cmp(&b.rank))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for candidate in candidates {
        if kept.last().is_none_or(|last| candidate.start >= last.end) {
            kept.push(candidate);
        }
    }
    kept
}

#[cfg(test)]
mod tests;
