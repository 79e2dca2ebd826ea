//! The rule table. Each rule is a pattern over the text, written with placeholders (`{month}`,
//! `{unit}` …) that stand for the word lists of `lexicon/`, and a function that checks a match
//! in its context and gives its TIMEX3 type and value (or rejects it). Patterns are matched
//! case-insensitively; the functions check capitalization where it matters.
//!
//! Span conventions follow TimeBank: a preposition before the expression is outside it ("on
//! Thursday" → "Thursday"), modifiers are inside ("last week", "more than two hours").

mod absolute;
mod amounts;
mod direction;
mod patterns;
mod relative;

use self::absolute::*;
use self::amounts::*;
use self::direction::*;
pub use self::patterns::{expand, placeholders};
use self::relative::*;

use regex::Captures;

use super::context::{Context, Tense};
use super::lexicon::{self, *};
use super::parse::{self, is_capitalized};
use super::resolve::{self, Amount, Occurrence, Period};
use super::{Date, Weekday};
use crate::Kind;

/// A type and value found for an expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    pub kind: Kind,
    pub value: String,
    /// Set when the value depends on an earlier expression of the document; `value` is then the
    /// fallback when there is none.
    pub anaphor: Option<Anaphor>,
    /// The TIMEX3 `mod` ("more than two hours" is `MORE_THAN`, "late June" `END`).
    pub modifier: Option<&'static str>,
    /// The time zone written after a clock time, in capitals ("CDT").
    pub zone: Option<String>,
    /// Of a range written as one match ("2014-2015", "between 6 and 9 months"): where the match
    /// splits into two expressions, and the second one's value.
    pub range: Option<Range>,
}

/// The second half of a range: the first expression ends `first_end` bytes into the match,
/// the second begins `second_start` bytes into it and runs to its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    pub first_end: usize,
    pub second_start: usize,
    pub value: String,
}

/// How an expression's value follows from the quarter the document last mentioned (business news
/// reports one quarter, then refers back to it and to the same quarter a year before).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anaphor {
    /// "the quarter", "the latest period": the quarter last mentioned.
    SameQuarter,
    /// "a year earlier", "the year-ago quarter": that quarter of the year before.
    QuarterYearBefore,
    /// "the 1988 quarter": that quarter of the year given.
    QuarterOfYear(i32),
    /// "the next day", "the day before": days from the full date last mentioned.
    Days(i64),
    /// "the following year", "that year": years from the year last mentioned.
    Years(i32),
    /// "the following month", "that month": months from the month last mentioned.
    Months(i64),
    /// "the previous Friday" (-1), "the following Monday" (1): that weekday before or after the
    /// full date last mentioned.
    Weekday(u32, i8),
    /// "the week before", "the following week": weeks from the full date last mentioned.
    Weeks(i64),
}

impl Timex {
    fn new(kind: Kind, value: impl Into<String>) -> Option<Timex> {
        Some(Timex {
            kind,
            value: value.into(),
            anaphor: None,
            modifier: None,
            zone: None,
            range: None,
        })
    }

    fn anaphoric(kind: Kind, value: impl Into<String>, anaphor: Anaphor) -> Option<Timex> {
        let mut timex = Timex::new(kind, value)?;
        timex.anaphor = Some(anaphor);
        Some(timex)
    }

    /// The same with TIMEX3 `mod` `modifier`, when there is one.
    fn modified(mut self, modifier: Option<&'static str>) -> Timex {
        self.modifier = modifier.or(self.modifier);
        self
    }
}

/// The TIMEX3 `mod` the words of a match say: its amount's ("more than") or its period's
/// ("early", "the end of").
pub fn modifier_of(found: &Found) -> Option<&'static str> {
    // "the next year or so", "a week or so ago": about that much.
    let approximate = found.get("orso").map(|_| "APPROX");
    let amount = found.lower("amod").and_then(|m| lookup(AMOUNT_MODS, &m));
    let amount = amount.or(approximate);
    let period = || {
        let edge = found.lower("pmod").or_else(|| found.lower("edge"));
        edge.and_then(|m| lookup(PERIOD_MODS, &m))
    };
    amount.or_else(period)
}

/// `year` as a value, or `XXXX` when it is out of range (before year 1 or after 9999).
fn year_or_unknown(year: i64) -> String {
    resolve::year_value(year).unwrap_or_else(|| "XXXX".to_string())
}

/// A match of a rule's pattern.
pub struct Found<'t> {
    captures: Captures<'t>,
}

impl<'t> Found<'t> {
    pub fn new(captures: Captures<'t>) -> Found<'t> {
        Found { captures }
    }

    /// The whole matched text.
    pub fn text(&self) -> &'t str {
        self.captures.get(0).map_or("", |m| m.as_str())
    }

    /// The text of a named group, when it took part in the match.
    pub fn get(&self, name: &str) -> Option<&'t str> {
        self.captures.name(name).map(|m| m.as_str())
    }

    /// Where a named group lies in the match, as byte offsets from the match's start.
    pub fn bounds(&self, name: &str) -> Option<(usize, usize)> {
        let start = self.captures.get(0)?.start();
        let group = self.captures.name(name)?;
        Some((group.start() - start, group.end() - start))
    }

    /// The text of a named group, lowercase, with white space runs made single spaces.
    pub fn lower(&self, name: &str) -> Option<String> {
        self.get(name).map(|text| {
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
    }
}

type Resolve = fn(&Found, &Context) -> Option<Timex>;

/// A pattern and what its matches mean.
pub struct Rule {
    pub name: &'static str,
    pub pattern: &'static str,
    pub resolve: Resolve,
}

/// Every rule, in order of preference when two match exactly the same text. (Otherwise the
/// tagger keeps the leftmost, then longest, match.)
pub const RULES: &[Rule] = &[
    Rule {
        // "April 24 and 25": two days of one month, each its own expression. First, so that its
        // first day, with the year written after the second, wins over the same day alone.
        name: "month day and day",
        pattern: r"(?P<month>{month})\s+(?P<d1>{day})\s+(?:and|or|&)\s+(?P<d2>{day})(?:,?\s+(?P<year>{year}))?",
        resolve: month_days,
    },
    Rule {
        name: "month day year",
        pattern: r"(?:(?P<weekday>{weekday}),?\s+|(?P<shift>last|next|this)\s+)?(?:(?P<m1>{month})\s+(?P<d1>{day})|(?P<d2>{day})\s+(?:of\s+)?(?P<m2>{month}))(?:,?\s+(?P<year>{year}))?",
        resolve: month_day,
    },
    Rule {
        name: "month year",
        pattern: r"(?:(?P<pmod>{modifier})[\s-]+)?(?P<month>{month}),?\s+(?:of\s+)?(?:(?P<year>{year})|(?P<spelled>{spelled_year}))",
        resolve: month_year,
    },
    Rule {
        name: "iso date",
        pattern: r"(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})",
        resolve: iso_date,
    },
    Rule {
        name: "numeric date",
        pattern: r"(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})/(?P<year>[0-9]{4})",
        resolve: numeric_date,
    },
    Rule {
        name: "clock time",
        pattern: r"(?P<clock>{clock})(?:\s+(?P<zone>{zone}))?(?:,?\s+(?:(?P<weekday>{weekday})|(?P<relday>{relday}|tonight)|(?P<month>{month})\s+(?P<day>{day})(?:,?\s+(?P<year>{year}))?))?",
        resolve: clock_time,
    },
    Rule {
        name: "weekday at clock",
        pattern: r"(?P<weekday>{weekday})\s+at\s+(?P<clock>{clock})(?:\s+(?P<zone>{zone}))?",
        resolve: clock_time,
    },
    Rule {
        name: "year range",
        pattern: r"(?P<y1>{year})\s*[-–]\s*(?P<y2>[0-9]{4}|[0-9]{2})(?-u:\b)",
        resolve: year_range,
    },
    Rule {
        name: "amount range",
        pattern: r"(?:(?:the\s+)?(?:next|past|last|first|coming)\s+)?(?:(?P<a1>{num})\s+(?P<conj>to|and)\s+(?P<a2>{num})|(?P<d1>[0-9]+)\s*[-–]\s*(?P<d2>[0-9]+))[\s-]+(?P<unit>{unit})",
        resolve: amount_range,
    },
    Rule {
        name: "day range",
        pattern: r"(?P<month>{month})\s+(?P<from>[0-9]{1,2})\s*[-–]\s*(?P<to>[0-9]{1,2})(?:,?\s+(?P<year>{year}))?",
        resolve: day_range,
    },
    Rule {
        name: "the nth",
        pattern: r"the\s+(?P<day>[0-9]{1,2}(?:st|nd|rd|th))",
        resolve: nth_of_month,
    },
    Rule {
        name: "quarter code",
        pattern: r"(?P<q>Q[1-4])(?:(?:\s+|-|/)?(?P<year>{year}|'[0-9]{2}))?|(?P<h>H[12])(?:\s+|-|/)?(?P<hyear>{year})",
        resolve: quarter_code,
    },
    Rule {
        name: "in amount units",
        pattern: r"(?P<amount>{num}|an?|a\s+couple\s+of)\s+(?P<unit>{unit})(?:\s+(?:from\s+now|time))?",
        resolve: in_amount,
    },
    Rule {
        name: "week-long",
        pattern: r"(?:an?\s+)?(?:(?P<amount>{num})[\s-]+)?(?P<unit>{unit})-long",
        resolve: unit_long,
    },
    Rule {
        name: "ago",
        pattern: r"(?:(?P<amod>{amod})\s+)?(?:(?P<amount>{num}|an?|{quant})(?:\s+and\s+a\s+(?P<half>half))?[\s-]+)?(?P<unit>{unit})(?:\s+and\s+a\s+(?P<half2>half))?(?P<orso>\s+or\s+so)?\s+(?:ago|earlier)",
        resolve: ago,
    },
    Rule {
        name: "duration",
        pattern: r"(?:(?P<frame>(?:the\s+)?(?:past|last|next|first|coming|previous|following|final|latest))\s+|(?P<the>the)\s+)?(?:(?P<amod>{dmod})\s+)?(?P<amount>{num}|an?|{quant})(?:\s+and\s+a\s+(?P<half>half))?(?:\s+{moreunits})?[\s-]+(?:{dayqual}\s+)?(?P<unit>{unit})(?:\s+and\s+a\s+(?P<half2>half))?(?P<orso>\s+or\s+so)?",
        resolve: duration,
    },
    Rule {
        // The same without "the", for "the [eight-year] war" (the duration rule refuses it whole).
        name: "duration after the",
        pattern: r"(?P<amount>{num}|an?|{quant})[\s-]+(?P<unit>{unit})",
        resolve: duration,
    },
    Rule {
        name: "month relative year",
        pattern: r"(?P<month>{month})\s+(?P<shift>this|last|next)\s+year",
        resolve: month_relative_year,
    },
    Rule {
        name: "relative year's quarter",
        pattern: r"(?P<shift>this|last|next)\s+year's\s+(?:fiscal\s+)?(?P<ordinal>{ordinal})[\s-]+quarter",
        resolve: relative_year_quarter,
    },
    Rule {
        name: "the past unit",
        pattern: r"the\s+(?P<dir>past|last|next|coming|first)\s+(?P<unit>{unit})(?P<orso>\s+or\s+so)?",
        resolve: framed_duration,
    },
    Rule {
        name: "the quarter",
        pattern: r"(?:the|this|that)\s+(?:(?P<which>latest|same|just-ended|just-completed|most\s+recent|recent)\s+)?(?:fiscal\s+)?(?P<what>quarter|period)|the\s+(?P<year>{year})\s+(?:(?P<ordinal>{ordinal})[\s-]+)?(?:fiscal\s+)?(?:quarter|period)",
        resolve: the_quarter,
    },
    Rule {
        name: "year-ago quarter",
        pattern: r"(?:the\s+(?:(?:comparable|corresponding|same)\s+)?)?(?:year-ago|year-earlier)\s+(?:(?:{ordinal})[\s-]+)?(?:fiscal\s+)?(?:quarter|period)|year-ago|year-earlier|the\s+(?:same\s+)?quarter\s+a\s+year\s+(?:ago|earlier)|last\s+year's\s+(?:(?:{ordinal})[\s-]+)?quarter|the\s+(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)",
        resolve: year_ago_quarter,
    },
    Rule {
        name: "the next day",
        pattern: r"(?:the|that)\s+(?P<which>following|next|previous|preceding|same)\s+(?P<unit>day|week|month|year|{part})|(?:(?:earlier|later)\s+)?that\s+(?P<that>day|week|month|year|{part})|the\s+(?P<unit2>day|week|month|year)\s+(?P<dir>before|after)(?:\s+that)?",
        resolve: anaphoric_day_or_year,
    },
    Rule {
        name: "earlier in the year",
        pattern: r"(?P<edge>earlier|later|early|late)\s+in\s+the\s+year",
        resolve: in_the_year,
    },
    Rule {
        name: "the year ended",
        pattern: r"the\s+(?:(?P<which>latest|current|full)\s+)?(?P<fiscal>fiscal\s+)?year",
        resolve: the_year,
    },
    Rule {
        name: "the end of the year",
        pattern: r"(?:the\s+)?(?:(?P<edge>end|beginning|start|middle)\s+of\s+the\s+(?:(?P<fiscal>fiscal|current)\s+)?(?P<unit>year|month)|year(?:[\s-]|'s\s+|’s\s+)(?P<yearend>end)|the\s+(?P<fiscal2>(?:current\s+)?fiscal|full|calendar)\s+year)",
        resolve: this_year_or_month,
    },
    Rule {
        name: "the nth quarter",
        pattern: r"the\s+(?:fiscal[\s-]+)?(?P<ordinal>{ordinal})\s+quarter(?:\s+of\s+(?P<year>{year}))?",
        resolve: quarter,
    },
    Rule {
        name: "half of a year",
        pattern: r"the\s+(?P<which>first|second|last|latter)\s+half\s+of\s+(?P<year>{year})",
        resolve: half_of_year,
    },
    Rule {
        name: "nth quarter",
        pattern: r"(?P<ordinal>{ordinal})[\s-]+quarter(?:\s+of\s+(?P<year>{year}))?",
        resolve: quarter,
    },
    Rule {
        name: "relative day",
        pattern: r"(?:(?:early|late|earlier|later)\s+)?(?P<word>{relday}|tonight)(?:\s+(?P<part>{part}))?|(?:(?:earlier|later)\s+)?(?P<shift>this|last)\s+(?P<shiftpart>{part})|mid[\s-]?(?P<midpart>morning|afternoon)(?:\s+(?P<midday>{relday}))?",
        resolve: relative_day,
    },
    Rule {
        name: "the nth day of",
        pattern: r"the\s+(?:{dayordinal}|[0-9]{1,3}(?:st|nd|rd|th))\s+day",
        resolve: nth_day_of_event,
    },
    Rule {
        name: "the week of",
        pattern: r"the\s+week\s+of\s+(?P<month>{month})\s+(?P<day>{day})(?:,?\s+(?P<year>{year}))?",
        resolve: week_of,
    },
    Rule {
        name: "the week",
        pattern: r"the\s+week",
        resolve: the_week,
    },
    Rule {
        name: "the weekend",
        pattern: r"the\s+weekend",
        resolve: the_weekend,
    },
    Rule {
        name: "relative period",
        pattern: r"(?:(?P<pmod>{modifier})[\s-]+)?(?P<shift>this\s+past|this|last|next|the\s+current)\s+(?:fiscal\s+)?(?P<period>weekend|week|month|quarter|year|decade)(?P<apostropheless>s)?",
        resolve: relative_period,
    },
    Rule {
        name: "season",
        pattern: r"(?P<shift>this\s+past|this|last|next)\s+(?P<season>{season})|(?:the\s+)?(?P<named>{season})\s+(?:of\s+)?(?:(?P<year>{year})|(?P<spelled>{spelled_year}))|the\s+(?:(?P<pmod>early|late)\s+)?(?P<bare>{season})",
        resolve: season,
    },
    Rule {
        name: "weekday",
        pattern: r"(?:the\s+(?P<order>previous|preceding|following)\s+|(?P<shift>this|last|next|(?P<pmod>early|late))\s+)?(?P<weekday>{weekday})(?:\s+(?P<part>{part}))?",
        resolve: weekday,
    },
    Rule {
        name: "month",
        pattern: r"(?:(?P<modifier>(?P<pmod>{modifier}))[\s-]+)?(?:(?P<shift>this|last|next)\s+)?(?P<month>{month})",
        resolve: month_alone,
    },
    Rule {
        name: "year",
        pattern: r"(?:(?P<modifier>(?P<pmod>{modifier})|fiscal|calendar)[\s-]+)?(?P<year>{year})",
        resolve: year,
    },
    Rule {
        name: "decade",
        pattern: r"(?:the\s+)?(?:(?P<pmod>early|late|mid)[\s-]+)?(?P<decade>[0-9]{3}0)s",
        resolve: decade,
    },
    Rule {
        name: "century",
        pattern: r"(?:the\s+)?(?:(?P<n>[0-9]{1,2})(?:st|nd|rd|th)|(?P<word>{century_ordinal}))[\s-]+century",
        resolve: century,
    },
    Rule {
        name: "spelled decade",
        pattern: r"the\s+(?:(?P<pmod>early|late|mid)[\s-]+)?(?:(?P<word>{decade_word})|'?(?P<digits>[0-9]0)'?s)",
        resolve: spelled_decade,
    },
    Rule {
        name: "spelled year",
        pattern: r"(?:the\s+year\s+)?(?:nineteen[\s-]+(?P<rest>{num})|two\s+thousand(?:\s+and)?(?:[\s-]+(?P<rest2>{num}))?)",
        resolve: spelled_year,
    },
    Rule {
        name: "holiday",
        pattern: r"(?:(?P<shift>last|next|this)\s+)?(?P<name>{holiday})",
        resolve: holiday,
    },
    Rule {
        name: "reference word",
        pattern: r"{refword}",
        resolve: reference_word,
    },
    Rule {
        name: "this year than last",
        pattern: r"last",
        resolve: elliptic_last,
    },
    Rule {
        name: "until then",
        pattern: r"then",
        resolve: until_then,
    },
    Rule {
        name: "for a while",
        pattern: r"a\s+(?:little\s+|long\s+)?while",
        resolve: a_while,
    },
    Rule {
        name: "this moment",
        pattern: r"this\s+(?:[a-z]+\s+)?moment",
        resolve: this_moment,
    },
    Rule {
        name: "current",
        pattern: r"current",
        resolve: current,
    },
    Rule {
        name: "recent or coming units",
        pattern: r"(?:the\s+)?(?P<which>recent|coming)\s+(?P<unit>{plural})(?:\s+(?:and|or)\s+{plural})?|the\s+(?P<ahead>{plural})\s+ahead",
        resolve: vague_period,
    },
    Rule {
        // "weeks or months", "a year or two": one stretch of a vague length, in the first unit.
        name: "units or units",
        pattern: r"(?P<unit>{plural})\s+or\s+{plural}|(?:an?|one)\s+(?P<single>{unit})\s+or\s+(?:two|three)",
        resolve: either_length,
    },
    Rule {
        name: "every",
        pattern: r"(?:every|each)\s+(?:(?P<amount>{num}|other)\s+)?(?P<what>weekend|{unit}|{weekday}|{part}|{month})",
        resolve: every,
    },
    Rule {
        name: "frequency",
        pattern: r"{frequency}",
        resolve: frequency,
    },
    Rule {
        name: "weekdays",
        pattern: r"(?P<weekday>{weekday})(?:s|\s+(?P<part>{part})s)",
        resolve: weekdays,
    },
    Rule {
        name: "units",
        pattern: r"(?P<unit>{plural})",
        resolve: bare_units,
    },
];
