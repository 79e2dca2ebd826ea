//! The rule table. Each rule is a pattern over the text, written with placeholders (`{month}`,
//! `{unit}` …) that stand for the word lists of `lexicon.rs`, and a function that checks a match
//! in its context and gives its TIMEX3 type and value (or rejects it). Patterns are matched
//! case-insensitively; the functions check capitalization where it matters.
//!
//! Span conventions follow TimeBank: a preposition before the expression is outside it ("on
//! Thursday" → "Thursday"), modifiers are inside ("last week", "more than two hours").

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
}

impl Timex {
    fn new(kind: Kind, value: impl Into<String>) -> Option<Timex> {
        Some(Timex {
            kind,
            value: value.into(),
            anaphor: None,
        })
    }

    fn anaphoric(kind: Kind, value: impl Into<String>, anaphor: Anaphor) -> Option<Timex> {
        Some(Timex {
            kind,
            value: value.into(),
            anaphor: Some(anaphor),
        })
    }
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
        name: "month day year",
        pattern: r"(?:(?P<weekday>{weekday}),?\s+|(?P<shift>last|next|this)\s+)?(?:(?P<m1>{month})\s+(?P<d1>{day})|(?P<d2>{day})\s+(?:of\s+)?(?P<m2>{month}))(?:,?\s+(?P<year>{year}))?",
        resolve: month_day,
    },
    Rule {
        name: "month year",
        pattern: r"(?:{modifier}[\s-]+)?(?P<month>{month}),?\s+(?:of\s+)?(?P<year>{year})",
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
        pattern: r"(?P<clock>{clock})(?:\s+{zone})?(?:,?\s+(?:(?P<weekday>{weekday})|(?P<relday>{relday}|tonight)|(?P<month>{month})\s+(?P<day>{day})(?:,?\s+(?P<year>{year}))?))?",
        resolve: clock_time,
    },
    Rule {
        name: "weekday at clock",
        pattern: r"(?P<weekday>{weekday})\s+at\s+(?P<clock>{clock})(?:\s+{zone})?",
        resolve: clock_time,
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
        pattern: r"(?:{amod}\s+)?(?:(?P<amount>{num}|an?|{quant})[\s-]+)?(?P<unit>{unit})\s+(?:ago|earlier)",
        resolve: ago,
    },
    Rule {
        name: "duration",
        pattern: r"(?:(?P<frame>(?:the\s+)?(?:past|last|next|first|coming|previous|following|final))\s+|(?P<the>the)\s+)?(?:(?P<amod>{dmod})\s+)?(?P<amount>{num}|an?|{quant})(?:\s+more)?[\s-]+(?P<unit>{unit})",
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
        pattern: r"the\s+(?P<dir>past|last|next|coming)\s+(?P<unit>{unit})",
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
        pattern: r"(?:the|that)\s+(?P<which>following|next|previous|preceding|same)\s+(?P<unit>day|year)|that\s+(?P<that>day|year)|the\s+(?P<unit2>day|year)\s+(?P<dir>before|after)",
        resolve: anaphoric_day_or_year,
    },
    Rule {
        name: "the year ended",
        pattern: r"the\s+(?:(?P<which>latest|current|full)\s+)?(?P<fiscal>fiscal\s+)?year",
        resolve: the_year,
    },
    Rule {
        name: "the end of the year",
        pattern: r"(?:the\s+)?(?:(?:end|beginning|start|middle)\s+of\s+the\s+(?:(?P<fiscal>fiscal|current)\s+)?(?P<unit>year|month)|year[\s-]end|the\s+(?P<fiscal2>(?:current\s+)?fiscal|full|calendar)\s+year)",
        resolve: this_year_or_month,
    },
    Rule {
        name: "the nth quarter",
        pattern: r"the\s+(?:fiscal[\s-]+)?(?P<ordinal>{ordinal})\s+quarter(?:\s+of\s+(?P<year>{year}))?",
        resolve: quarter,
    },
    Rule {
        name: "nth quarter",
        pattern: r"(?P<ordinal>{ordinal})[\s-]+quarter(?:\s+of\s+(?P<year>{year}))?",
        resolve: quarter,
    },
    Rule {
        name: "relative day",
        pattern: r"(?:(?:early|late)\s+)?(?P<word>{relday}|tonight)(?:\s+(?P<part>{part}))?|(?P<shift>this|last)\s+(?P<shiftpart>{part})",
        resolve: relative_day,
    },
    Rule {
        name: "the weekend",
        pattern: r"the\s+weekend",
        resolve: the_weekend,
    },
    Rule {
        name: "relative period",
        pattern: r"(?:{modifier}[\s-]+)?(?P<shift>this\s+past|this|last|next|the\s+current)\s+(?:fiscal\s+)?(?P<period>weekend|week|month|quarter|year|decade)",
        resolve: relative_period,
    },
    Rule {
        name: "season",
        pattern: r"(?P<shift>this\s+past|this|last|next)\s+(?P<season>{season})|(?:the\s+)?(?P<named>{season})\s+(?:of\s+)?(?P<year>{year})",
        resolve: season,
    },
    Rule {
        name: "weekday",
        pattern: r"(?:(?P<shift>this|last|next|early|late)\s+)?(?P<weekday>{weekday})(?:\s+(?P<part>{part}))?",
        resolve: weekday,
    },
    Rule {
        name: "month",
        pattern: r"(?:(?P<modifier>{modifier})[\s-]+|(?P<shift>this|last|next)\s+)?(?P<month>{month})",
        resolve: month_alone,
    },
    Rule {
        name: "year",
        pattern: r"(?:(?P<modifier>{modifier}|fiscal|calendar)[\s-]+)?(?P<year>{year})",
        resolve: year,
    },
    Rule {
        name: "decade",
        pattern: r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<decade>[0-9]{3}0)s",
        resolve: decade,
    },
    Rule {
        name: "century",
        pattern: r"(?:the\s+)?(?:(?P<n>[0-9]{1,2})(?:st|nd|rd|th)|(?P<word>{century_ordinal}))[\s-]+century",
        resolve: century,
    },
    Rule {
        name: "spelled decade",
        pattern: r"the\s+(?:(?:early|late|mid)[\s-]+)?(?:(?P<word>{decade_word})|'?(?P<digits>[0-9]0)'?s)",
        resolve: spelled_decade,
    },
    Rule {
        name: "spelled year",
        pattern: r"(?:the\s+year\s+)?(?:nineteen[\s-]+(?P<rest>{num})|two\s+thousand(?:\s+and)?(?:[\s-]+(?P<rest2>{num}))?)",
        resolve: spelled_year,
    },
    Rule {
        name: "holiday",
        pattern: r"{holiday}",
        resolve: holiday,
    },
    Rule {
        name: "reference word",
        pattern: r"{refword}",
        resolve: reference_word,
    },
    Rule {
        name: "recent or coming units",
        pattern: r"(?:the\s+)?(?P<which>recent|coming)\s+(?P<unit>{plural})",
        resolve: vague_period,
    },
    Rule {
        name: "every",
        pattern: r"(?:every|each)\s+(?:(?P<amount>{num}|other)\s+)?(?P<what>weekend|{unit}|{weekday}|{part})",
        resolve: every,
    },
    Rule {
        name: "frequency",
        pattern: r"{frequency}",
        resolve: frequency,
    },
    Rule {
        name: "weekdays",
        pattern: r"(?P<weekday>{weekday})s",
        resolve: weekdays,
    },
    Rule {
        name: "units",
        pattern: r"(?P<unit>{plural})",
        resolve: bare_units,
    },
];

/// `pattern` with its placeholders replaced by the word lists they stand for (from
/// [`placeholders`]).
pub fn expand(pattern: &str, placeholders: &[(&str, String)]) -> String {
    placeholders
        .iter()
        .fold(pattern.to_string(), |pattern, (name, regex)| {
            pattern.replace(name, regex)
        })
}

/// A clock time: "10:30 a.m.", "3 PM", "15:00", "noon".
const CLOCK: &str = r"(?:[0-9]{1,2}(?::[0-9]{2})?\s*(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)|[0-9]{1,2}:[0-9]{2}|noon|midnight)";

/// Each placeholder and the regex alternation of its word list.
pub fn placeholders() -> Vec<(&'static str, String)> {
    let units = |plural: bool| {
        let forms = UNITS.iter().filter(move |u| !plural || u.2).map(|u| u.0);
        alternation(forms, false)
    };
    vec![
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
        ("{zone}", alternation(TIME_ZONES.iter().copied(), false)),
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
    ]
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

// ---- Values shared by several rules ----

/// The date `offset` days from the reference, or `XXXX-XX-XX` without one.
fn day_value(context: &Context, offset: i64) -> String {
    context
        .reference
        .and_then(|r| r.add_days(offset))
        .map_or_else(|| "XXXX-XX-XX".to_string(), |d| d.to_string())
}

/// The date a weekday name means: "last"/"next"/"this" say which occurrence; otherwise a future
/// cue nearby or a spell's end ("until Tuesday") means the coming one, and anything else the latest (news mostly reports the past).
fn weekday_value(context: &Context, weekday: u32, shift: Option<&str>) -> String {
    let Some(reference) = context.reference else {
        return resolve::unanchored_weekday(weekday);
    };
    let occurrence = match shift {
        Some("last") => Occurrence::Previous,
        Some("next") => Occurrence::Following,
        Some("this") => Occurrence::Soonest,
        _ if context.tense() == Some(Tense::Future) || lasts_until(context) => Occurrence::Soonest,
        _ => Occurrence::Latest,
    };
    resolve::weekday(reference, weekday, occurrence)
        .map_or_else(|| resolve::unanchored_weekday(weekday), |d| d.to_string())
}

/// Which occurrence of a month or day of the year is meant: "last"/"next"/"this" say so; a future
/// cue nearby means the soonest; otherwise `past` (news reports the past), or `None` for the
/// nearest. (Past cues are not used: "extended to Nov. 20" and "payable Jan. 2" are past-tense
/// sentences about dates to come.)
fn lean(context: &Context, shift: Option<&str>, past: Option<Occurrence>) -> Option<Occurrence> {
    match shift {
        Some("last") => Some(Occurrence::Previous),
        Some("next") => Some(Occurrence::Following),
        Some(_) => None,
        None if context.tense() == Some(Tense::Future) || is_deadline(context) => {
            Some(Occurrence::Soonest)
        }
        None => past,
    }
}

/// Whether a date is named as a deadline or a start ("by May", "effective Feb. 1", "until
/// mid-November"): in news these are dates to come.
fn is_deadline(context: &Context) -> bool {
    context.follows(DEADLINE_CUES) || lasts_until(context)
}

/// Whether a date ends a spell still to run ("stays in force until mid-November", "postponed
/// until Tuesday"). Unlike "by", which is as often a tally reached ("retweeted a million times
/// by Thursday night"), this is the only deadline cue a weekday takes. "Until" also closes past
/// spells ("lived there until January"): a past cue keeps it in the past, unless the verb defers
/// something.
fn lasts_until(context: &Context) -> bool {
    // "postponed until", "gave Merieux until", "extended its deadline until".
    let deferred = (2..=4).any(|n| {
        context
            .word_before(n)
            .is_some_and(|verb| DEFERRAL_VERBS.contains(&verb.as_str()))
    });
    context.follows(OPEN_UNTIL_CUES) && (deferred || context.tense() != Some(Tense::Past))
}

/// The value of `month`-`day`, in `year` when given, else in the year that `lean` picks.
fn month_day_value(
    context: &Context,
    month: u32,
    day: u32,
    year: Option<&str>,
    shift: Option<&str>,
) -> Option<String> {
    if !resolve::is_valid_day(month, day) {
        return None;
    }
    if let Some(year) = year {
        return Some(super::Date::new(year.parse().ok()?, month, day)?.to_string());
    }
    Some(match context.reference {
        Some(reference) => {
            // "the year ended March 31", "since Oct. 23": the day gone by. Otherwise, unless a
            // future cue says so, the latest such day too (news reports the past), unless the
            // coming one is near (past tense included: "was extended to Nov. 20").
            let r = reference.days_since_epoch();
            let coming_is_near =
                resolve::date_of_day(reference, month, day, Some(Occurrence::Following))
                    .is_some_and(|d| d.days_since_epoch() - r <= DAYS_AHEAD);
            let past = context.follows(&["ended", "since"]) || !coming_is_near;
            let lean = lean(context, shift, past.then_some(Occurrence::Latest));
            resolve::date_of_day(reference, month, day, lean)?.to_string()
        }
        None => format!("XXXX-{month:02}-{day:02}"),
    })
}

/// The weekday named by `name`, when it is capitalized as a name must be.
fn weekday_number(name: &str) -> Option<u32> {
    is_capitalized(name)
        .then(|| lookup(WEEKDAYS, &name.to_lowercase()))
        .flatten()
}

/// The month named by `name`, when it is capitalized as a name must be.
fn month_number(name: &str) -> Option<u32> {
    is_capitalized(name).then(|| parse::month(name)).flatten()
}

// ---- The rules' functions ----

fn month_day(found: &Found, context: &Context) -> Option<Timex> {
    if let Some(weekday) = found.get("weekday") {
        weekday_number(weekday)?;
    }
    let month = month_number(found.get("m1").or(found.get("m2"))?)?;
    let day = parse::day(found.get("d1").or(found.get("d2"))?)?;
    let shift = found.lower("shift");
    let value = month_day_value(context, month, day, found.get("year"), shift.as_deref())?;
    Timex::new(Kind::Date, value)
}

fn month_year(found: &Found, _: &Context) -> Option<Timex> {
    let month = month_number(found.get("month")?)?;
    let year: u32 = found.get("year")?.parse().ok()?;
    Timex::new(Kind::Date, format!("{year:04}-{month:02}"))
}

fn iso_date(found: &Found, _: &Context) -> Option<Timex> {
    let date: super::Date = found.get("iso")?.parse().ok()?;
    Timex::new(Kind::Date, date.to_string())
}

/// `10/16/2025` is month/day/year as in US news; `16/10/2025` can only be day/month/year.
fn numeric_date(found: &Found, _: &Context) -> Option<Timex> {
    let a: u32 = found.get("a")?.parse().ok()?;
    let b: u32 = found.get("b")?.parse().ok()?;
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    let date = super::Date::new(found.get("year")?.parse().ok()?, month, day)?;
    Timex::new(Kind::Date, date.to_string())
}

/// "10:30 a.m.", "15:00 GMT", "noon Thursday": a clock time on the day written with it, or else
/// on an unknown day. Bare "15:00" needs a cue ("at 15:00") or a zone: it could be a score.
fn clock_time(found: &Found, context: &Context) -> Option<Timex> {
    let clock = found.get("clock")?;
    let (hour, minute) = parse::clock(clock)?;
    let bare = clock.bytes().all(|b| b.is_ascii_digit() || b == b':');
    if bare && !context.follows(TIME_CUES) && found.text().len() == clock.len() {
        return None;
    }
    if clock.eq_ignore_ascii_case("noon") && context.follows(&["high"]) {
        return None;
    }
    let date = if let Some(weekday) = found.get("weekday") {
        weekday_value(context, weekday_number(weekday)?, None)
    } else if let Some(word) = found.lower("relday") {
        day_value(context, lookup(RELATIVE_DAYS, &word).unwrap_or(0))
    } else if let Some(month) = found.get("month") {
        let day = parse::day(found.get("day")?)?;
        month_day_value(context, month_number(month)?, day, found.get("year"), None)?
    } else {
        // A clock time with no day written with it is left undated: it is often that of an
        // event told of on another day than the article's.
        "XXXX-XX-XX".to_string()
    };
    Timex::new(Kind::Time, format!("{date}T{hour:02}:{minute:02}"))
}

/// The unit and amount of a duration-like match. Vague amounts go only with plurals ("several
/// years"), and a quarter needs more than one ("a quarter of the vote" is a fraction).
fn unit_and_amount(found: &Found, context: &Context) -> Option<(lexicon::Unit, Amount)> {
    let (unit, plural) = lexicon::unit(&found.lower("unit")?)?;
    let Some(amount_text) = found.lower("amount") else {
        return plural.then_some((unit, Amount::Vague));
    };
    let amount = parse::amount(&amount_text)?;
    // "World Cup 2018 day five": a year before a singular unit counts nothing.
    let year_like =
        !plural && amount_text.len() == 4 && amount_text.bytes().all(|b| b.is_ascii_digit());
    if year_like {
        return None;
    }
    let ordinal_second = unit == lexicon::Unit::Second && !plural && is_ordinal(found, context);
    let vague_singular = !plural && lookup(QUANTIFIERS, &amount_text).is_some();
    // "a quarter of", "three-quarters of the shares": fractions, not quarters of a year.
    let fraction = unit == lexicon::Unit::Quarter
        && (amount == Amount::Count(1) || found.text().contains('-') || context.precedes(&["of"]));
    (!ordinal_second && !vague_singular && !fraction).then_some((unit, amount))
}

/// Whether a singular "second" is the ordinal: "a second term", "the 1988 second quarter". It is
/// a unit when hyphenated ("a 30-second ad") or after "one"/"1" with no noun after it ("took one
/// second to load").
fn is_ordinal(found: &Found, context: &Context) -> bool {
    if found.text().to_lowercase().contains("-second") {
        return false;
    }
    let one = matches!(found.lower("amount").as_deref(), Some("one" | "1"));
    let noun_after = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    !one || noun_after
}

/// "two years ago", "a year earlier" (in news, before the reference date more often than not),
/// "years ago". Hours "earlier" are left to the duration rule: they count from an event.
fn ago(found: &Found, context: &Context) -> Option<Timex> {
    let (unit, amount) = unit_and_amount(found, context)?;
    if unit.is_clock() && found.text().to_lowercase().ends_with("earlier") {
        return None;
    }
    let value = match (context.reference, &amount) {
        (Some(reference), Amount::Count(n)) => resolve::ago(reference, *n, unit)?,
        _ => "PAST_REF".to_string(),
    };
    if unit == lexicon::Unit::Year && amount == Amount::Count(1) {
        return Timex::anaphoric(Kind::Date, value, Anaphor::QuarterYearBefore);
    }
    Timex::new(Kind::Date, value)
}

/// "two hours", "more than two hours", "the past three months", "a 10-year". Not ages ("52
/// years old"; "6-year-old" is one token, never matched whole) nor titles ("60 Minutes"). "A
/// year" alone is a length after a cue ("for a year"), a rate after an amount ("$5 million a
/// year", a set), and otherwise left alone ("A day after …", "will one day be").
fn duration(found: &Found, context: &Context) -> Option<Timex> {
    let (unit, amount) = unit_and_amount(found, context)?;
    if context.precedes(&["old"]) || is_title(found, context) {
        return None;
    }
    // "the eight-year war", "the two day rally": "the" belongs to the noun after.
    let noun_after = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    if found.get("the").is_some() && noun_after {
        return None;
    }
    let single = matches!(found.lower("amount").as_deref(), Some("a" | "an" | "one"));
    let modified = found.get("frame").is_some() || found.get("amod").is_some();
    if single && !modified && !context.follows(LENGTH_CUES) {
        let after_amount = context
            .previous_token()
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        return (after_amount || context.follows(RATE_CUES))
            .then(|| Timex::new(Kind::Set, resolve::duration(&amount, unit)))
            .flatten();
    }
    Timex::new(Kind::Duration, resolve::duration(&amount, unit))
}

/// Whether the match ends in a capitalized word in the middle of a sentence, as titles of shows
/// and works do ("60 Minutes", "This Week").
fn is_title(found: &Found, context: &Context) -> bool {
    let last = found.text().split_whitespace().last().unwrap_or("");
    let titled = is_capitalized(last) && last.chars().skip(1).any(char::is_lowercase);
    titled && !context.starts_sentence()
}

/// "the past week" is one week; "the past months" some months. Days, minutes and seconds are
/// left out: "the next day" and "the last minute" are rarely lengths of time. "The past year"
/// and "the next year" are annotated as the calendar year before or after, like "last year".
fn framed_duration(found: &Found, context: &Context) -> Option<Timex> {
    use lexicon::Unit::*;
    let (unit, plural) = lexicon::unit(&found.lower("unit")?)?;
    if (unit, plural) == (Year, false) {
        let ahead = matches!(found.lower("dir").as_deref(), Some("next" | "coming"));
        let offset = if ahead { 1 } else { -1 };
        let value = resolve::relative_period(context.reference, Period::Year, offset);
        return Timex::new(Kind::Date, value);
    }
    let amount = match (plural, unit) {
        (true, _) => Amount::Vague,
        (false, Year | Quarter | Month | Week | Decade | Century | Hour) => Amount::Count(1),
        _ => return None,
    };
    Timex::new(Kind::Duration, resolve::duration(&amount, unit))
}

/// "the third quarter": of the year of the reference date, or of the year before when that
/// quarter has not begun yet (news reports results).
fn quarter(found: &Found, context: &Context) -> Option<Timex> {
    let quarter = lookup(ORDINALS, &found.lower("ordinal")?)?;
    let year = match (found.get("year"), context.reference) {
        (Some(year), _) => year.to_string(),
        (None, Some(reference)) => {
            let current = (reference.month() - 1) / 3 + 1;
            let year = reference.year() - i32::from(quarter > current);
            format!("{year:04}")
        }
        (None, None) => "XXXX".to_string(),
    };
    Timex::new(Kind::Date, format!("{year}-Q{quarter}"))
}

/// The latest quarter that has ended by the reference date, as `YYYY-Qn`.
fn last_quarter(context: &Context) -> String {
    match context.reference {
        Some(reference) => {
            let current = (reference.month() - 1) / 3 + 1;
            let (year, quarter) = if current == 1 {
                (reference.year() - 1, 4)
            } else {
                (reference.year(), current - 1)
            };
            format!("{year:04}-Q{quarter}")
        }
        None => "XXXX-QX".to_string(),
    }
}

/// "the quarter", "the latest period", "this quarter": the quarter the article last spoke of (a
/// "period" only when one was); "the 1988 quarter": that quarter in 1988.
fn the_quarter(found: &Found, context: &Context) -> Option<Timex> {
    if let Some(year) = found.get("year") {
        let year: i32 = year.parse().ok()?;
        if let Some(ordinal) = found.lower("ordinal") {
            let quarter = lookup(ORDINALS, &ordinal)?;
            return Timex::new(Kind::Date, format!("{year:04}-Q{quarter}"));
        }
        return Timex::anaphoric(
            Kind::Date,
            format!("{year:04}"),
            Anaphor::QuarterOfYear(year),
        );
    }
    let period = found.lower("what")?.as_str() == "period";
    if period && found.get("which").is_none() {
        return None; // "the period" alone is too often any span of time
    }
    if found.text().to_lowercase().starts_with("this") && context.reference.is_some() {
        // "this quarter" with nothing before it is the current one.
        let reference = context.reference?;
        let current = (reference.month() - 1) / 3 + 1;
        let value = format!("{:04}-Q{current}", reference.year());
        return Timex::anaphoric(Kind::Date, value, Anaphor::SameQuarter);
    }
    // "the latest quarter" is the last one ended by the reference date, whatever quarter was
    // spoken of last (often the coming one: "a fourth-quarter charge").
    let latest = found.lower("which").is_some_and(|w| {
        LATEST_QUARTER_WORDS.contains(&w.split_whitespace().collect::<Vec<_>>().join(" ").as_str())
    });
    if latest && context.reference.is_some() {
        return Timex::new(Kind::Date, last_quarter(context));
    }
    Timex::anaphoric(Kind::Date, last_quarter(context), Anaphor::SameQuarter)
}

/// Words before "quarter" or "period" that name the last quarter ended.
const LATEST_QUARTER_WORDS: &[&str] = &["latest", "just-ended", "just-completed", "most recent"];

/// "year-earlier", "the year-ago period", "last year's quarter": the quarter last spoken of, a
/// year before; without one, the year before the reference.
fn year_ago_quarter(_: &Found, context: &Context) -> Option<Timex> {
    let value = context.reference.map_or_else(
        || "PAST_REF".to_string(),
        |r| format!("{:04}", r.year() - 1),
    );
    Timex::anaphoric(Kind::Date, value, Anaphor::QuarterYearBefore)
}

/// "the next day", "the previous year", "that day": from the date last mentioned; without one,
/// from the reference date.
fn anaphoric_day_or_year(found: &Found, context: &Context) -> Option<Timex> {
    let unit = found
        .lower("unit")
        .or_else(|| found.lower("that"))
        .or_else(|| found.lower("unit2"))?;
    let step: i64 = match (
        found.lower("which").as_deref(),
        found.lower("dir").as_deref(),
    ) {
        (Some("following" | "next"), _) | (_, Some("after")) => 1,
        (Some("previous" | "preceding"), _) | (_, Some("before")) => -1,
        _ => 0,
    };
    if unit == "day" {
        return Timex::anaphoric(Kind::Date, day_value(context, step), Anaphor::Days(step));
    }
    let value = context.reference.map_or_else(
        || "XXXX".to_string(),
        |r| format!("{:04}", i64::from(r.year()) + step),
    );
    Timex::anaphoric(Kind::Date, value, Anaphor::Years(step as i32))
}

/// "the year ended Sept. 30" is a year's length (TimeBank's reading of results "for the year
/// ended …"); "for the year", "the fiscal year" the year of the reference.
fn the_year(found: &Found, context: &Context) -> Option<Timex> {
    if matches!(context.next().as_deref(), Some("ended" | "ending")) {
        return Timex::new(Kind::Duration, "P1Y");
    }
    let plain = found.get("fiscal").is_none() && found.get("which").is_none();
    if plain && !context.follows(&["for", "of"]) {
        return None; // "the year" is too often any year
    }
    if plain && context.next().as_deref() == Some("before") {
        return None; // "the year before": an anaphor, another rule's
    }
    let value = context
        .reference
        .map_or_else(|| "XXXX".to_string(), |r| format!("{:04}", r.year()));
    Timex::new(Kind::Date, value)
}

/// "the end of the year", "year-end", "the fiscal year": the year (or month) of the reference.
fn this_year_or_month(found: &Found, context: &Context) -> Option<Timex> {
    let Some(reference) = context.reference else {
        return Timex::new(Kind::Date, "XXXX");
    };
    if found.lower("unit").as_deref() == Some("month") {
        return Timex::new(
            Kind::Date,
            format!("{:04}-{:02}", reference.year(), reference.month()),
        );
    }
    Timex::new(Kind::Date, format!("{:04}", reference.year()))
}

/// "June last year", "January this year".
fn month_relative_year(found: &Found, context: &Context) -> Option<Timex> {
    let month = month_number(found.get("month")?)?;
    let offset = shift_offset(&found.lower("shift")?);
    let value = match context.reference {
        Some(reference) => format!("{:04}-{month:02}", i64::from(reference.year()) + offset),
        None => format!("XXXX-{month:02}"),
    };
    Timex::new(Kind::Date, value)
}

/// "this year's third quarter", "next year's first quarter".
fn relative_year_quarter(found: &Found, context: &Context) -> Option<Timex> {
    let quarter = lookup(ORDINALS, &found.lower("ordinal")?)?;
    let offset = shift_offset(&found.lower("shift")?);
    let year = context.reference.map_or_else(
        || "XXXX".to_string(),
        |r| format!("{:04}", i64::from(r.year()) + offset),
    );
    Timex::new(Kind::Date, format!("{year}-Q{quarter}"))
}

/// "Oct. 16-18": the days of a range in one month; its value is the month (TIMEX3 gives a range
/// no single day).
fn day_range(found: &Found, context: &Context) -> Option<Timex> {
    let month = month_number(found.get("month")?)?;
    let from: u32 = found.get("from")?.parse().ok()?;
    let to: u32 = found.get("to")?.parse().ok()?;
    if from >= to || !resolve::is_valid_day(month, to) {
        return None;
    }
    let year = match (found.get("year"), context.reference) {
        (Some(year), _) => year.to_string(),
        (None, Some(reference)) => {
            format!("{:04}", resolve::nearest_year_of_month(reference, month))
        }
        (None, None) => "XXXX".to_string(),
    };
    Timex::new(Kind::Date, format!("{year}-{month:02}"))
}

/// "on the 16th": that day of the reference month (the nearest such day).
fn nth_of_month(found: &Found, context: &Context) -> Option<Timex> {
    let day = parse::day(found.get("day")?)?;
    if !(1..=31).contains(&day)
        || !context.follows(&["on", "by", "until", "since", "from", "before", "after"])
    {
        return None;
    }
    // "the 16th century", "the 5th floor": an ordinal of something else.
    if context
        .next_token()
        .is_some_and(|next| next.starts_with(char::is_alphabetic))
    {
        return None;
    }
    let Some(reference) = context.reference else {
        return Timex::new(Kind::Date, format!("XXXX-XX-{day:02}"));
    };
    let candidates = [-1i64, 0, 1].into_iter().filter_map(|offset| {
        let (y, m) = resolve::shift_month(reference.year(), reference.month(), offset);
        Date::new(y, m, day)
    });
    // The nearest such day, or the latest or soonest when the tense says which.
    let r = reference.days_since_epoch();
    let date = match context.tense() {
        Some(Tense::Past) => candidates.filter(|d| d.days_since_epoch() <= r).max(),
        Some(Tense::Future) => candidates.filter(|d| d.days_since_epoch() >= r).min(),
        None => candidates.min_by_key(|d| (d.days_since_epoch() - r).abs()),
    }?;
    Timex::new(Kind::Date, date.to_string())
}

/// "Q3 2025", "Q3", "H1 2026": a quarter or half, of the year given or of the reference year.
fn quarter_code(found: &Found, context: &Context) -> Option<Timex> {
    let code = found.get("q").or(found.get("h"))?;
    if !code.starts_with(['Q', 'H']) {
        return None; // written in capitals only
    }
    let year = match (found.get("year").or(found.get("hyear")), context.reference) {
        (Some(year), _) if year.starts_with('\'') => format!("20{}", &year[1..]),
        (Some(year), _) => year.to_string(),
        (None, Some(reference)) => format!("{:04}", reference.year()),
        (None, None) => "XXXX".to_string(),
    };
    Timex::new(Kind::Date, format!("{year}-{code}"))
}

/// "in three weeks", "in two days": the date that far ahead, at the unit's precision. Only after
/// "in" and with the future in view ("will return in three weeks"): "finished in three weeks" is
/// a length of time, left to the duration rule.
fn in_amount(found: &Found, context: &Context) -> Option<Timex> {
    if !context.follows(&["in", "within"]) || context.follows(&["within"]) {
        return None;
    }
    let future = context.tense() == Some(Tense::Future) || found.text().ends_with("now");
    if !future {
        return None;
    }
    let (unit, amount) = unit_and_amount(found, context)?;
    let Amount::Count(n) = amount else {
        return None;
    };
    let value = match context.reference {
        Some(reference) => resolve::ahead(reference, n, unit)?,
        None => "FUTURE_REF".to_string(),
    };
    Timex::new(Kind::Date, value)
}

/// "a week-long festival", "a two-hour-long meeting", "a decades-long battle": a duration.
fn unit_long(found: &Found, _: &Context) -> Option<Timex> {
    let (unit, plural) = lexicon::unit(&found.lower("unit")?)?;
    let amount = match found.lower("amount") {
        Some(text) => parse::amount(&text)?,
        None if plural => Amount::Vague,
        None => Amount::Count(1),
    };
    Timex::new(Kind::Duration, resolve::duration(&amount, unit))
}

fn relative_day(found: &Found, context: &Context) -> Option<Timex> {
    if let Some(shift) = found.lower("shift") {
        let part = found.lower("shiftpart")?;
        let offset = match (shift.as_str(), part.as_str()) {
            ("this", _) => 0,
            ("last", "night" | "evening") => -1,
            _ => return None,
        };
        let code = lookup(PARTS_OF_DAY, &part)?;
        return Timex::new(Kind::Time, format!("{}T{code}", day_value(context, offset)));
    }
    let word = found.lower("word")?;
    if word == "tonight" {
        return Timex::new(Kind::Time, format!("{}TNI", day_value(context, 0)));
    }
    // "yesterday afternoon" is valued as the day, as "Thursday evening" is.
    let offset = lookup(RELATIVE_DAYS, &word)?;
    if offset == 0 && context.reference.is_none() {
        return Timex::new(Kind::Date, "PRESENT_REF");
    }
    Timex::new(Kind::Date, day_value(context, offset))
}

fn shift_offset(shift: &str) -> i64 {
    match shift {
        "last" | "this past" => -1,
        "next" => 1,
        _ => 0,
    }
}

fn relative_period(found: &Found, context: &Context) -> Option<Timex> {
    if is_title(found, context) {
        return None;
    }
    let period = Period::from_word(&found.lower("period")?)?;
    let mut offset = shift_offset(&found.lower("shift")?);
    // "was at the fair this weekend", written on a weekday: the weekend just past.
    let weekday = context.reference.map(|r| r.weekday().number());
    let past = context.tense() == Some(Tense::Past);
    if period == Period::Weekend && offset == 0 && past && weekday.is_some_and(|d| d <= 4) {
        offset = -1;
    }
    Timex::new(
        Kind::Date,
        resolve::relative_period(context.reference, period, offset),
    )
}

/// "over the weekend": the one just past, unless the future is spoken of.
fn the_weekend(_: &Found, context: &Context) -> Option<Timex> {
    let Some(reference) = context.reference else {
        return Timex::new(Kind::Date, "XXXX-WXX-WE");
    };
    let weekend = matches!(reference.weekday(), Weekday::Saturday | Weekday::Sunday);
    let offset = match context.tense() {
        _ if weekend => 0,
        Some(Tense::Future) => 0,
        _ => -1,
    };
    let value = resolve::relative_period(Some(reference), Period::Weekend, offset);
    Timex::new(Kind::Date, value)
}

fn season(found: &Found, context: &Context) -> Option<Timex> {
    if let Some(named) = found.lower("named") {
        let (_, code) = lookup(SEASONS, &named)?;
        return Timex::new(Kind::Date, format!("{}-{code}", found.get("year")?));
    }
    let (index, code) = lookup(SEASONS, &found.lower("season")?)?;
    let offset = shift_offset(&found.lower("shift")?);
    Timex::new(
        Kind::Date,
        resolve::relative_season(context.reference, index, code, offset),
    )
}

/// "Thursday", "last Friday", "Thursday evening". Not a date in a name: "Good Friday", "Sunday
/// Times" (a capitalized word after it), unless a preposition shows it is one ("on Sunday").
fn weekday(found: &Found, context: &Context) -> Option<Timex> {
    let weekday = weekday_number(found.get("weekday")?)?;
    let shift = found.lower("shift");
    if shift.is_none() {
        let holiday = context.previous_token().is_some_and(is_capitalized)
            && context.follows(WEEKDAY_NAME_PREFIXES);
        let named = context.followed_by_name() && !context.follows(WEEKDAY_CUES);
        if holiday || named {
            return None;
        }
    }
    // "Thursday evening" is valued as the day: most annotators (TimeBank's newer part, GUM)
    // give the day, and the part of it adds nothing a reader needs to place the event.
    Timex::new(
        Kind::Date,
        weekday_value(context, weekday, shift.as_deref()),
    )
}

/// How many days ahead of the reference a day named without a tense cue may lie and still be the
/// coming one rather than the last.
const DAYS_AHEAD: i64 = 90;

/// How many months ahead of the reference a month named without a tense cue may lie and still be
/// the coming one rather than the last.
const MONTHS_AHEAD: u32 = 3;

/// A month alone is a date when capitalized. "May" and "March" (and abbreviations) are also
/// everyday words and need a cue ("in May", "early March"); any month followed by a capitalized
/// word ("August Wilson") is a name unless a cue says otherwise.
fn month_alone(found: &Found, context: &Context) -> Option<Timex> {
    let name = found.get("month")?;
    let month = month_number(name)?;
    let shift = found.lower("shift");
    let cued = shift.is_some() || found.get("modifier").is_some() || context.follows(MONTH_CUES);
    let lower = name.to_lowercase();
    let ambiguous = AMBIGUOUS_MONTHS.contains(&lower.as_str()) || parse::is_abbreviated_month(name);
    if !cued && (ambiguous || context.followed_by_name() || context.preceded_by_capitalized()) {
        return None;
    }
    // "Oct. 23" where the day was not taken with the month ("Oct. 23-25"): not a month alone.
    if context.next_token().and_then(parse::day).is_some() {
        return None;
    }
    let value = match context.reference {
        None => format!("XXXX-{month:02}"),
        Some(reference) => {
            let year = match shift.as_deref() {
                Some("this") => reference.year(),
                shift => {
                    // A past cue means the latest such month. Without one, the latest too (news
                    // reports the past), unless the coming one is a few months off at most ("in
                    // January", written in November).
                    let ahead = (month + 12 - reference.month()) % 12;
                    let default = match context.tense() {
                        None if (1..=MONTHS_AHEAD).contains(&ahead) => None,
                        _ => Some(Occurrence::Latest),
                    };
                    let lean = lean(context, shift, default);
                    resolve::year_of_month(reference, month, lean)
                }
            };
            format!("{year:04}-{month:02}")
        }
    };
    Timex::new(Kind::Date, value)
}

/// A four-digit number 1800–2100 is a year, unless it counts something: after "about" or "$",
/// before "%" or a noun ("2025 people"). After a cue ("in 2025", "the 2014 protests") it is a
/// year whatever follows.
fn year(found: &Found, context: &Context) -> Option<Timex> {
    let year: u32 = found.get("year")?.parse().ok()?;
    if !(1800..=2100).contains(&year) {
        return None;
    }
    let value = format!("{year:04}");
    if found.get("modifier").is_some() {
        return Timex::new(Kind::Date, value);
    }
    if context.follows(QUANTITY_CUES) || context.precedes(&["%", "percent", "per"]) {
        return None;
    }
    let counted_noun = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    let after_name = context.previous_token().is_some_and(is_capitalized);
    if counted_noun && !context.follows(DATE_CUES) && !after_name {
        return None;
    }
    Timex::new(Kind::Date, value)
}

/// "the 1990s" is the decade `199`.
fn decade(found: &Found, _: &Context) -> Option<Timex> {
    let decade = found.get("decade")?;
    let year: u32 = decade.parse().ok()?;
    (1000..=2090)
        .contains(&year)
        .then(|| Timex::new(Kind::Date, &decade[..3]))
        .flatten()
}

/// "the 20th century" is `19`.
fn century(found: &Found, _: &Context) -> Option<Timex> {
    let n = match (found.get("n"), found.lower("word")) {
        (Some(n), _) => n.parse::<u32>().ok()?,
        (None, Some(word)) => lookup(CENTURY_ORDINALS, &word.replace(' ', "-"))
            .or_else(|| lookup(CENTURY_ORDINALS, &word))?,
        _ => return None,
    };
    (1..=21)
        .contains(&n)
        .then(|| Timex::new(Kind::Date, format!("{:02}", n - 1)))
        .flatten()
}

/// "the nineties", "the '80s": decades of the 1900s. (Without "the" they are mostly ages: "in
/// his sixties".)
fn spelled_decade(found: &Found, _: &Context) -> Option<Timex> {
    let tens = match (found.lower("word"), found.get("digits")) {
        (Some(word), _) => lookup(DECADE_WORDS, &word)?,
        (None, Some(digits)) => digits.parse::<u32>().ok()? / 10,
        _ => return None,
    };
    Timex::new(Kind::Date, format!("19{tens}"))
}

/// "nineteen ninety-six", "the year two thousand": years said as in speech (broadcast
/// transcripts).
fn spelled_year(found: &Found, context: &Context) -> Option<Timex> {
    let rest = |name: &str| -> Option<u32> {
        match found.lower(name) {
            None => Some(0),
            Some(text) => match parse::amount(&text.replace('-', " "))? {
                Amount::Count(n) if n < 100 => Some(n),
                _ => None,
            },
        }
    };
    let year = if found.get("rest").is_some() {
        let rest = rest("rest")?;
        if rest < 10 {
            return None; // "nineteen five" is not how years are said
        }
        1900 + rest
    } else {
        2000 + rest("rest2")?
    };
    // "two thousand" alone is mostly an amount ("two thousand people") unless "the year" says so.
    let said_year = found.text().to_lowercase().starts_with("the year");
    // "two thousand five hundred people", "nineteen twenty dollars": amounts of something.
    let counts = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    if counts && !said_year {
        return None;
    }
    if year == 2000 && !said_year {
        return None;
    }
    Timex::new(Kind::Date, format!("{year:04}"))
}

/// "Christmas", "New Year's Day", "Thanksgiving": the nearest such day to the reference.
fn holiday(found: &Found, context: &Context) -> Option<Timex> {
    let name = parse::words(found.text()).join(" ").replace('’', "'");
    let (month, day) = lookup(HOLIDAYS, &name)
        .or_else(|| lookup(HOLIDAYS, found.text().to_lowercase().as_str()))?;
    if !found.text().starts_with(|c: char| c.is_uppercase()) && !name.starts_with("the ") {
        return None;
    }
    // "Christmas shopping", "Thanksgiving dinner": the holiday names something else.
    let noun_after = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    if noun_after && !name.ends_with("day") && !name.ends_with("eve") {
        return None;
    }
    // "Johnnie Christmas": a surname.
    if context.preceded_by_capitalized() && !name.starts_with("the ") {
        return None;
    }
    let Some(reference) = context.reference else {
        return Timex::new(
            Kind::Date,
            if day == 0 {
                format!("XXXX-{month:02}")
            } else {
                format!("XXXX-{month:02}-{day:02}")
            },
        );
    };
    let dated = |year: i32| -> Option<Date> {
        if day != 0 {
            return Date::new(year, month, day);
        }
        // The fourth Thursday of November.
        let first = Date::new(year, 11, 1)?;
        let to_thursday = (4 + 7 - i64::from(first.weekday().number())) % 7;
        first.add_days(to_thursday + 21)
    };
    let r = reference.days_since_epoch();
    let date = [reference.year(), reference.year() - 1, reference.year() + 1]
        .into_iter()
        .filter_map(dated)
        .min_by_key(|d| (d.days_since_epoch() - r).abs())?;
    Timex::new(Kind::Date, date.to_string())
}

/// "now", "recently", "the future", "soon" (but not "as soon as").
fn reference_word(found: &Found, context: &Context) -> Option<Timex> {
    let phrase = parse::words(found.text()).join(" ");
    let value = lookup(REFERENCE_WORDS, &phrase)?;
    let idiom = phrase == "soon"
        && (context.follows(&["as", "how", "too", "so"])
            || context.precedes(&["after", "before", "as", "enough"]));
    if idiom {
        return None;
    }
    Timex::new(Kind::Date, value)
}

/// "recent years" is a stretch of an unstated number of years, `PXY` (as TIMEX3 writes "years");
/// "the coming months" points ahead, `FUTURE_REF`.
fn vague_period(found: &Found, _: &Context) -> Option<Timex> {
    match found.lower("which")?.as_str() {
        "recent" => {
            let (unit, _) = lexicon::unit(&found.lower("unit")?)?;
            Timex::new(Kind::Duration, resolve::duration(&Amount::Vague, unit))
        }
        _ => Timex::new(Kind::Date, "FUTURE_REF"),
    }
}

/// "every day" (`P1D`), "every two weeks" (`P2W`), "each Monday" (`XXXX-WXX-1`).
fn every(found: &Found, _: &Context) -> Option<Timex> {
    let what_text = found.get("what")?;
    let what = what_text.to_lowercase();
    if let Some(weekday) = lookup(WEEKDAYS, &what) {
        weekday_number(what_text)?;
        return Timex::new(Kind::Set, resolve::unanchored_weekday(weekday));
    }
    if let Some(code) = lookup(PARTS_OF_DAY, &what) {
        return Timex::new(Kind::Set, format!("XXXX-XX-XXT{code}"));
    }
    if what == "weekend" {
        return Timex::new(Kind::Set, "XXXX-WXX-WE");
    }
    let (unit, _) = lexicon::unit(&what)?;
    let amount = match found.lower("amount").as_deref() {
        None if unit == lexicon::Unit::Second => return None,
        None => Amount::Count(1),
        Some("other") => Amount::Count(2),
        Some(amount) => parse::amount(amount)?,
    };
    Timex::new(Kind::Set, resolve::duration(&amount, unit))
}

/// "weekly", "annually". "Quarterly" before a noun is the name of a report or payment ("a
/// quarterly dividend"), not a frequency said of an event.
fn frequency(found: &Found, context: &Context) -> Option<Timex> {
    let word = found.text().to_lowercase();
    let value = lookup(FREQUENCIES, &word)?;
    let before_noun = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    if word == "quarterly" && before_noun {
        return None;
    }
    // "LA Weekly", "the Daily Mail": a name.
    if is_capitalized(found.text()) && !context.starts_sentence() {
        return None;
    }
    Timex::new(Kind::Set, value)
}

/// "on Fridays": every Friday.
fn weekdays(found: &Found, _: &Context) -> Option<Timex> {
    let weekday = weekday_number(found.get("weekday")?)?;
    Timex::new(Kind::Set, resolve::unanchored_weekday(weekday))
}

/// "months", "years" alone: an unknown number of them (`PXM`). Not in names ("Happy Days") or
/// fixed phrases ("business hours").
fn bare_units(found: &Found, context: &Context) -> Option<Timex> {
    let (unit, _) = lexicon::unit(&found.lower("unit")?)?;
    if unit == lexicon::Unit::Quarter {
        return None; // "living quarters", "headquarters"
    }
    let capitalized = is_capitalized(found.text()) && !context.starts_sentence();
    // After a number the amount was refused for a reason ("1988 second"); "years old" is an age.
    let after_number = context
        .previous_token()
        .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    if capitalized
        || after_number
        || context.follows(NOT_DURATION_BEFORE)
        || context.precedes(&["old"])
    {
        return None;
    }
    Timex::new(Kind::Duration, resolve::duration(&Amount::Vague, unit))
}

#[cfg(test)]
mod tests {
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
