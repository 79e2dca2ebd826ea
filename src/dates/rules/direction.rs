//! Which way in time an expression points: the values that several rules share (a weekday,
//! a day of the year, a day counted from the reference) and the cues that choose between the
//! last and the coming occurrence.

use super::*;

/// The date `offset` days from the reference, or `XXXX-XX-XX` without one.
pub(super) fn day_value(context: &Context, offset: i64) -> String {
    context
        .reference
        .and_then(|r| r.add_days(offset))
        .map_or_else(|| "XXXX-XX-XX".to_string(), |d| d.to_string())
}

/// The date a weekday name means: "last"/"next"/"this" say which occurrence; otherwise a future
/// cue nearby or a spell's end ("until Tuesday") means the coming one, and anything else the latest (news mostly reports the past).
pub(super) fn weekday_value(context: &Context, weekday: u32, shift: Option<&str>) -> String {
    let Some(reference) = context.reference else {
        return resolve::unanchored_weekday(weekday);
    };
    let occurrence = match shift {
        Some("last") => Occurrence::Previous,
        Some("next") => Occurrence::Following,
        Some("this") => Occurrence::Soonest,
        _ if context.is_possessive() => possessive_occurrence(context),
        _ if context.tense() == Some(Tense::Future) || lasts_until(context, WEEKDAY_AHEAD_CUES) => {
            Occurrence::Soonest
        }
        _ => Occurrence::Latest,
    };
    resolve::weekday(reference, weekday, occurrence)
        .map_or_else(|| resolve::unanchored_weekday(weekday), |d| d.to_string())
}

/// Which occurrence a possessive weekday names ("Wednesday's ruling"): an event the news reports,
/// so the latest, unless the clause it opens is to come ("Sunday's vote will decide"), it is
/// awaited ("ahead of Sunday's vote") or a plain future governs it ("will vote in Sunday's
/// election"). A conditional or modal before it governs the noun, not the day ("would look for
/// ways around Wednesday's ruling").
fn possessive_occurrence(context: &Context) -> Occurrence {
    let ahead_of = context.follows(&["of"]) && context.word_before(2).as_deref() == Some("ahead");
    let awaited = ahead_of || context.follows(POSSESSIVE_AHEAD_CUES);
    let will = (1..=CLAUSE_WORDS).any(|n| {
        context.word_before(n).is_some_and(|w| {
            w == "will" || w == "shall" || w.ends_with("'ll") || w.ends_with("’ll")
        })
    });
    if awaited || will || context.tense_after() == Some(Tense::Future) {
        Occurrence::Soonest
    } else {
        Occurrence::Latest
    }
}

/// How far back a plain future ("will") may govern a possessive weekday, in words.
const CLAUSE_WORDS: usize = 8;

/// Which occurrence of a month or day of the year is meant: "last"/"next"/"this" say so; a future
/// cue nearby means the soonest; otherwise `past` (news reports the past), or `None` for the
/// nearest. (Past cues are not used: "extended to Nov. 20" and "payable Jan. 2" are past-tense
/// sentences about dates to come.)
pub(super) fn lean(
    context: &Context,
    shift: Option<&str>,
    past: Option<Occurrence>,
) -> Option<Occurrence> {
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
pub(super) fn is_deadline(context: &Context) -> bool {
    context.follows(DEADLINE_CUES) || lasts_until(context, OPEN_UNTIL_CUES)
}

/// Whether a date ends a spell still to run ("stays in force until mid-November", "postponed
/// until Tuesday"). Unlike "by", which is as often a tally reached ("retweeted a million times
/// by Thursday night"), this is the only deadline cue a weekday takes. "Until" also closes past
/// spells ("lived there until January"): a past cue keeps it in the past, unless the verb defers
/// something.
pub(super) fn lasts_until(context: &Context, cues: &[&str]) -> bool {
    // "postponed until", "gave Merieux until", "extended its deadline until", "has given the
    // Miami relatives until".
    let deferred = (2..=5).any(|n| {
        context
            .word_before(n)
            .is_some_and(|verb| DEFERRAL_VERBS.contains(&verb.as_str()))
    });
    // "By" is as often a tally reached ("used a million times by Thursday night").
    let tally = context.follows(&["by"]) && context.past_before();
    context.follows(cues) && (deferred || (context.tense() != Some(Tense::Past) && !tally))
}

/// The value of `month`-`day`, in `year` when given, else in the year that `lean` picks.
pub(super) fn month_day_value(
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
            // Out of the calendar's range ("Dec. 31" seen from 0001-01-01): the year unknown.
            resolve::date_of_day(reference, month, day, lean).map_or_else(
                || format!("XXXX-{month:02}-{day:02}"),
                |date| date.to_string(),
            )
        }
        None => format!("XXXX-{month:02}-{day:02}"),
    })
}

/// The weekday named by `name`, when it is capitalized as a name must be.
pub(super) fn weekday_number(name: &str) -> Option<u32> {
    is_capitalized(name)
        .then(|| lookup(WEEKDAYS, &name.to_lowercase()))
        .flatten()
}

/// The month named by `name`, when it is capitalized as a name must be.
pub(super) fn month_number(name: &str) -> Option<u32> {
    is_capitalized(name).then(|| parse::month(name)).flatten()
}

pub(super) fn shift_offset(shift: &str) -> i64 {
    match shift {
        "last" | "this past" => -1,
        "next" => 1,
        _ => 0,
    }
}

/// How many days ahead of the reference a day named without a tense cue may lie and still be the
/// coming one rather than the last.
pub(super) const DAYS_AHEAD: i64 = 90;

/// How many months ahead of the reference a month named without a tense cue may lie and still be
/// the coming one rather than the last.
pub(super) const MONTHS_AHEAD: u32 = 3;
