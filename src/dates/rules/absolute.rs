//! Rules for dates written out: calendar days, months and years, clock times, quarters by
//! code, decades, centuries and holidays.

use super::*;

pub(super) fn month_day(found: &Found, context: &Context) -> Option<Timex> {
    if let Some(weekday) = found.get("weekday") {
        weekday_number(weekday)?;
    }
    let month = month_number(found.get("m1").or(found.get("m2"))?)?;
    let day = parse::day(found.get("d1").or(found.get("d2"))?)?;
    let shift = found.lower("shift");
    let value = month_day_value(context, month, day, found.get("year"), shift.as_deref())?;
    Timex::new(Kind::Date, value)
}

/// "the week of March 6": the ISO week holding that day (`2000-W10`).
pub(super) fn week_of(found: &Found, context: &Context) -> Option<Timex> {
    let month = month_number(found.get("month")?)?;
    let day = parse::day(found.get("day")?)?;
    let value = month_day_value(context, month, day, found.get("year"), None)?;
    let date = value
        .get(..4)
        .and_then(|year| year.parse().ok())
        .and_then(|year| super::Date::new(year, month, day));
    Timex::new(
        Kind::Date,
        date.map_or_else(|| "XXXX-WXX".to_string(), |d| d.iso_week_value()),
    )
}

/// "April 24 and 25, 1999": two dates, the second of the first's month and year. Not "May 5
/// and 6 people", where the second number counts something.
pub(super) fn month_days(found: &Found, context: &Context) -> Option<Timex> {
    let counts = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    if counts && found.get("year").is_none() {
        return None;
    }
    let month = month_number(found.get("month")?)?;
    let first = parse::day(found.get("d1")?)?;
    let second = parse::day(found.get("d2")?)?;
    if first >= second {
        return None;
    }
    let value = month_day_value(context, month, first, found.get("year"), None)?;
    // The second day is in the first one's year (`value` begins with it).
    let year = value.get(..4)?;
    if !resolve::is_valid_day(month, second) {
        return None;
    }
    let mut timex = Timex::new(Kind::Date, value.clone())?;
    timex.range = Some(Range {
        first_end: found.bounds("d1")?.1,
        second_start: found.bounds("d2")?.0,
        value: format!("{year}-{month:02}-{second:02}"),
    });
    Some(timex)
}

pub(super) fn month_year(found: &Found, _: &Context) -> Option<Timex> {
    let month = month_number(found.get("month")?)?;
    let year: u32 = match found.get("spelled") {
        Some(spelled) => parse::spelled_year(spelled)?,
        None => found.get("year")?.parse().ok()?,
    };
    let year = year_or_unknown(year.into());
    Timex::new(Kind::Date, format!("{year}-{month:02}"))
}

pub(super) fn iso_date(found: &Found, _: &Context) -> Option<Timex> {
    let date: super::Date = found.get("iso")?.parse().ok()?;
    Timex::new(Kind::Date, date.to_string())
}

/// `10/16/2025` is month/day/year as in US news; `16/10/2025` can only be day/month/year.
pub(super) fn numeric_date(found: &Found, _: &Context) -> Option<Timex> {
    let a: u32 = found.get("a")?.parse().ok()?;
    let b: u32 = found.get("b")?.parse().ok()?;
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    let date = super::Date::new(found.get("year")?.parse().ok()?, month, day)?;
    Timex::new(Kind::Date, date.to_string())
}

/// "10:30 a.m.", "15:00 GMT", "noon Thursday": a clock time on the day written with it, or else
/// on an unknown day. Bare "15:00" needs a cue ("at 15:00") or a zone: it could be a score.
pub(super) fn clock_time(found: &Found, context: &Context) -> Option<Timex> {
    let clock = found.get("clock")?;
    let (hour, minute) = parse::clock(clock)?;
    // "at 15:00", "at 4 in the morning": a number alone, or with words anyone may say after one
    // ("3 in the afternoon session"), needs a cue.
    let bare = clock.bytes().all(|b| b.is_ascii_digit() || b == b':') || clock.contains(" in ");
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
        // No day written with it: the tagger puts it on the day its sentence is about.
        "XXXX-XX-XX".to_string()
    };
    let mut timex = Timex::new(Kind::Time, format!("{date}T{hour:02}:{minute:02}"))?;
    timex.zone = found.get("zone").map(str::to_string);
    Some(timex)
}

/// "Oct. 16-18": the days of a range in one month; its value is the month (TIMEX3 gives a range
/// no single day).
pub(super) fn day_range(found: &Found, context: &Context) -> Option<Timex> {
    let month = month_number(found.get("month")?)?;
    let from: u32 = found.get("from")?.parse().ok()?;
    let to: u32 = found.get("to")?.parse().ok()?;
    if from >= to || !resolve::is_valid_day(month, to) {
        return None;
    }
    let year = match (found.get("year"), context.reference) {
        (Some(year), _) => year.to_string(),
        (None, Some(reference)) => {
            year_or_unknown(resolve::nearest_year_of_month(reference, month).into())
        }
        (None, None) => "XXXX".to_string(),
    };
    Timex::new(Kind::Date, format!("{year}-{month:02}"))
}

/// "on the 16th": that day of the reference month (the nearest such day).
pub(super) fn nth_of_month(found: &Found, context: &Context) -> Option<Timex> {
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
pub(super) fn quarter_code(found: &Found, context: &Context) -> Option<Timex> {
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

/// "the first half of 1990", "the last half of 1989": that half of the year (`1990-H1`).
pub(super) fn half_of_year(found: &Found, _: &Context) -> Option<Timex> {
    let half = if found.lower("which")? == "first" {
        1
    } else {
        2
    };
    Timex::new(Kind::Date, format!("{}-H{half}", found.get("year")?))
}

/// A four-digit number 1800–2100 is a year, unless it counts something: after "about" or "$",
/// before "%" or a noun ("2025 people"). After a cue ("in 2025", "the 2014 protests") it is a
/// year whatever follows.
pub(super) fn year(found: &Found, context: &Context) -> Option<Timex> {
    let year: u32 = found.get("year")?.parse().ok()?;
    if !(1800..=2100).contains(&year) {
        return None;
    }
    let value = format!("{year:04}");
    if found.get("modifier").is_some() {
        return Timex::new(Kind::Date, value);
    }
    is_year_in_context(context).then(|| Timex::new(Kind::Date, value))?
}

/// Whether a number that could be a year is one where it stands: not a count ("2025 people",
/// "about 2025", "2025%", "a 2010 score of 3"), unless a cue says it is a year ("in 2025",
/// "the 2014 protests") or it modifies a noun after a determiner ("a 2016 report", "her 2012
/// campaign").
fn is_year_in_context(context: &Context) -> bool {
    if context.precedes(&["%", "percent", "per"]) {
        return false;
    }
    let counted_noun = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    // "a 2010 score of 3", "a 2000 point drop": a measure, not a year.
    let measure = context
        .next()
        .is_some_and(|noun| MEASURE_NOUNS.contains(&noun.as_str()))
        || (context.word_after(2).as_deref() == Some("of")
            && context
                .word_after(3)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())));
    // "a 2000 year old tradition": an amount of time.
    let unit_after = context
        .next()
        .is_some_and(|noun| lexicon::unit(&noun).is_some());
    if counted_noun
        && !measure
        && !unit_after
        && (context.follows(DETERMINERS) || after_adjective(context))
    {
        return true;
    }
    if context.follows(QUANTITY_CUES) {
        return false;
    }
    let after_name = context.previous_token().is_some_and(is_capitalized);
    !counted_noun
        || (!measure && (context.previous().is_some_and(|w| is_year_cue(&w)) || after_name))
}

/// Whether an adjective after a determiner comes just before ("his unsuccessful 1996 campaign"):
/// a lowercase word that is no amount ("an estimated 2000 people", "another 2000 jobs").
fn after_adjective(context: &Context) -> bool {
    let determiner = context
        .word_before(2)
        .is_some_and(|w| DETERMINERS.contains(&w.as_str()));
    let adjective = context.previous_token().is_some_and(|w| {
        w.chars().all(|c| c.is_ascii_lowercase())
            && !QUANTITY_CUES.contains(&w)
            && !QUANTITY_ADJECTIVES.contains(&w)
    });
    determiner && adjective
}

/// "the 2014-2015 season", "the 1988-89 expedition": two years, each its own expression.
pub(super) fn year_range(found: &Found, context: &Context) -> Option<Timex> {
    let first: u32 = found.get("y1")?.parse().ok()?;
    let second_text = found.get("y2")?;
    let second: u32 = match second_text.len() {
        2 => first / 100 * 100 + second_text.parse::<u32>().ok()?,
        _ => second_text.parse().ok()?,
    };
    // A range of years runs forward, and not for long ("1000-2000 people" counts), unless its
    // dash is set apart as between two dates ("over 2000 - 2050").
    let years = 1800..=2100;
    let spaced = found.text().contains(" -") && found.text().contains("- ");
    let longest = if spaced && second_text.len() == 4 {
        100
    } else {
        10
    };
    let forward = first < second && second - first <= longest;
    if !(years.contains(&first) && years.contains(&second) && forward) {
        return None;
    }
    if !is_year_in_context(context) {
        return None;
    }
    let mut timex = Timex::new(Kind::Date, format!("{first:04}"))?;
    timex.range = Some(Range {
        first_end: found.bounds("y1")?.1,
        second_start: found.bounds("y2")?.0,
        value: format!("{second:04}"),
    });
    Some(timex)
}

/// "the 1990s" is the decade `199`.
pub(super) fn decade(found: &Found, _: &Context) -> Option<Timex> {
    let decade = found.get("decade")?;
    let year: u32 = decade.parse().ok()?;
    (1000..=2090)
        .contains(&year)
        .then(|| Timex::new(Kind::Date, format!("{}X", &decade[..3])))
        .flatten()
}

/// "the 20th century" is `19`.
pub(super) fn century(found: &Found, _: &Context) -> Option<Timex> {
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
pub(super) fn spelled_decade(found: &Found, _: &Context) -> Option<Timex> {
    let tens = match (found.lower("word"), found.get("digits")) {
        (Some(word), _) => lookup(DECADE_WORDS, &word)?,
        (None, Some(digits)) => digits.parse::<u32>().ok()? / 10,
        _ => return None,
    };
    Timex::new(Kind::Date, format!("19{tens}X"))
}

/// "nineteen ninety-six", "the year two thousand": years said as in speech (broadcast
/// transcripts).
pub(super) fn spelled_year(found: &Found, context: &Context) -> Option<Timex> {
    let spoken = found.text().to_lowercase();
    let spoken = spoken.strip_prefix("the year").unwrap_or(&spoken);
    let year = parse::spelled_year(spoken)?;
    // "two thousand" alone is mostly an amount ("two thousand people") unless "the year" says so.
    let said_year = found.text().to_lowercase().starts_with("the year");
    // "two thousand five hundred people", "nineteen twenty dollars": amounts of something.
    let counts = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    // ... but "a nineteen ninety-seven attack" is a year, as "a 1997 attack" is.
    if counts && !said_year && !context.follows(DETERMINERS) {
        return None;
    }
    if year == 2000 && !said_year {
        return None;
    }
    Timex::new(Kind::Date, format!("{year:04}"))
}

/// "Christmas", "New Year's Day", "Thanksgiving": the nearest such day to the reference.
pub(super) fn holiday(found: &Found, context: &Context) -> Option<Timex> {
    let written = found.get("name")?;
    let name = parse::words(written).join(" ").replace('’', "'");
    let (month, day, weekday) =
        lookup(HOLIDAYS, &name).or_else(|| lookup(HOLIDAYS, written.to_lowercase().as_str()))?;
    if !written.starts_with(|c: char| c.is_uppercase()) && !name.starts_with("the ") {
        return None;
    }
    // "Christmas shopping", "Thanksgiving dinner": the holiday names something else.
    let noun_after = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    // "last Thanksgiving following the wreck": a shifted holiday is a date whatever follows.
    let shifted = found.get("shift").is_some();
    if noun_after && !shifted && !name.ends_with("day") && !name.ends_with("eve") {
        return None;
    }
    // "The Last Christmas of Mrs. Claus": a title, not the last one.
    if found.get("shift").is_some() && context.follows(&["the"]) {
        return None;
    }
    // "Johnnie Christmas": a surname (not "the Atlantic last Thanksgiving").
    if context.preceded_by_capitalized() && !name.starts_with("the ") && !shifted {
        return None;
    }
    let Some(reference) = context.reference else {
        return Timex::new(
            Kind::Date,
            match weekday {
                Some(_) => format!("XXXX-{month:02}"),
                None => format!("XXXX-{month:02}-{day:02}"),
            },
        );
    };
    let dated = |year: i32| -> Option<Date> {
        let first = Date::new(year, month, day)?;
        let Some(weekday) = weekday else {
            return Some(first);
        };
        first.add_days((i64::from(weekday) + 7 - i64::from(first.weekday().number())) % 7)
    };
    let r = reference.days_since_epoch();
    let years = [reference.year(), reference.year() - 1, reference.year() + 1];
    let dates = years.into_iter().filter_map(dated);
    // "last Thanksgiving" is the latest one before the reference, "next Christmas" the first
    // after it; otherwise the nearest.
    let date = match found.lower("shift").as_deref() {
        Some("last") => dates
            .filter(|d| d.days_since_epoch() < r)
            .max_by_key(|d| d.days_since_epoch()),
        Some("next") => dates
            .filter(|d| d.days_since_epoch() > r)
            .min_by_key(|d| d.days_since_epoch()),
        _ => dates.min_by_key(|d| (d.days_since_epoch() - r).abs()),
    }?;
    Timex::new(Kind::Date, date.to_string())
}
