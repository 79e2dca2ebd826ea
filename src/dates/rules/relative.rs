//! Rules for dates named relative to the reference or to an earlier expression: "last week",
//! "Thursday", "the quarter", "the next day", "the end of the year".

use super::*;

/// "the third quarter": of the year of the reference date, or of the year before when that
/// quarter has not begun yet (news reports results).
pub(super) fn quarter(found: &Found, context: &Context) -> Option<Timex> {
    let quarter = lookup(ORDINALS, &found.lower("ordinal")?)?;
    let year = match (found.get("year"), context.reference) {
        (Some(year), _) => year.to_string(),
        (None, Some(reference)) => {
            let current = (reference.month() - 1) / 3 + 1;
            year_or_unknown(i64::from(reference.year()) - i64::from(quarter > current))
        }
        (None, None) => "XXXX".to_string(),
    };
    Timex::new(Kind::Date, format!("{year}-Q{quarter}"))
}

/// The latest quarter that has ended by the reference date, as `YYYY-Qn`.
pub(super) fn last_quarter(context: &Context) -> String {
    match context.reference {
        Some(reference) => {
            let current = (reference.month() - 1) / 3 + 1;
            let (year, quarter) = if current == 1 {
                (reference.year() - 1, 4)
            } else {
                (reference.year(), current - 1)
            };
            format!("{}-Q{quarter}", year_or_unknown(year.into()))
        }
        None => "XXXX-QX".to_string(),
    }
}

/// "the quarter", "the latest period", "this quarter": the quarter the article last spoke of (a
/// "period" only when one was); "the 1988 quarter": that quarter in 1988.
pub(super) fn the_quarter(found: &Found, context: &Context) -> Option<Timex> {
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
pub(super) const LATEST_QUARTER_WORDS: &[&str] =
    &["latest", "just-ended", "just-completed", "most recent"];

/// "year-earlier", "the year-ago period", "last year's quarter": the quarter last spoken of, a
/// year before; without one, the year before the reference.
pub(super) fn year_ago_quarter(_: &Found, context: &Context) -> Option<Timex> {
    let value = context.reference.map_or_else(
        || "PAST_REF".to_string(),
        |r| year_or_unknown(i64::from(r.year()) - 1),
    );
    Timex::anaphoric(Kind::Date, value, Anaphor::QuarterYearBefore)
}

/// "the next day", "the week before", "the following year", "that day", "the next morning": from
/// the date last mentioned; without one the value stays unknown (the text's own event, not the
/// reference date, is what they count from).
pub(super) fn anaphoric_day_or_year(found: &Found, context: &Context) -> Option<Timex> {
    // "the day before the vote", "the day after his death": "before" links the day to an event
    // the text names, which is not a date this layer can place ("the week before that" counts
    // from the time last mentioned, as "the week before" does).
    let complement = context
        .next_token()
        .is_some_and(|next| next.starts_with(|c: char| c.is_alphanumeric()));
    if found.get("dir").is_some() && complement {
        return None;
    }
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
    match unit.as_str() {
        "week" => Timex::anaphoric(Kind::Date, "XXXX-WXX", Anaphor::Weeks(step)),
        "year" => Timex::anaphoric(Kind::Date, "XXXX", Anaphor::Years(step as i32)),
        "month" => Timex::anaphoric(Kind::Date, "XXXX-XX", Anaphor::Months(step)),
        // "the next morning", "that night": valued as the day, as "Thursday evening" is.
        _ => Timex::anaphoric(Kind::Date, "XXXX-XX-XX", Anaphor::Days(step)),
    }
}

/// "twice as high this year as last", "more this week than last": the period before the one
/// just named, its noun left out.
pub(super) fn elliptic_last(_: &Found, context: &Context) -> Option<Timex> {
    let compared = context.follows(&["as", "than"]);
    let this = context.word_before(3).as_deref() == Some("this");
    let period = context.word_before(2).and_then(|w| Period::from_word(&w));
    let period = period.filter(|p| {
        matches!(
            p,
            Period::Week | Period::Month | Period::Quarter | Period::Year
        )
    });
    let value =
        resolve::relative_period(context.reference, period.filter(|_| compared && this)?, -1);
    Timex::new(Kind::Date, value)
}

/// "at this crucial moment": the present (`PRESENT_REF`), after "at" or "in".
pub(super) fn this_moment(found: &Found, context: &Context) -> Option<Timex> {
    let present = context.follows(&["at", "in"]) && found.text().chars().all(|c| !c.is_uppercase());
    present.then(|| Timex::new(Kind::Date, "PRESENT_REF"))?
}

/// "Until then", "by then": the day last mentioned ("terminate on Nov. 30. Until then, …"),
/// unknown without one. "Then" alone is a step in a story, not a date.
pub(super) fn until_then(_: &Found, context: &Context) -> Option<Timex> {
    let bounded = context.follows(&["until", "till", "by"]);
    bounded.then(|| Timex::anaphoric(Kind::Date, "XXXX-XX-XX", Anaphor::Days(0)))?
}

/// "earlier in the year", "late in the year": the year last mentioned, else the reference year
/// ("late" and "early" set the `mod`).
pub(super) fn in_the_year(found: &Found, context: &Context) -> Option<Timex> {
    let value = resolve::relative_period(context.reference, Period::Year, 0);
    let edge = found.lower("edge").and_then(|e| lookup(PERIOD_MODS, &e));
    Timex::anaphoric(Kind::Date, value, Anaphor::Years(0)).map(|t| t.modified(edge))
}

/// "the year ended Sept. 30" is a year's length (TimeBank's reading of results "for the year
/// ended …"); "for the year", "the fiscal year" the year of the reference.
pub(super) fn the_year(found: &Found, context: &Context) -> Option<Timex> {
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

/// "the end of the year", "the fiscal year": the year (or month) of the reference; "year-end"
/// its last day.
pub(super) fn this_year_or_month(found: &Found, context: &Context) -> Option<Timex> {
    if found.get("yearend").is_some() {
        return Timex::new(Kind::Date, year_end(context));
    }
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

/// "year-end", "year's end": the closing day of a year, as accounts date it. The reference year's,
/// unless the year-end is one gone by ("since year-end", "at year-end, debt was …"), which is the
/// year before's (on December 31 itself, that day).
fn year_end(context: &Context) -> String {
    let Some(reference) = context.reference else {
        return "XXXX-12-31".to_string();
    };
    let gone_by = context.follows(&["since"])
        || (context.tense() == Some(Tense::Past) && !is_deadline(context));
    let last_day = (reference.month(), reference.day()) == (12, 31);
    let year = i64::from(reference.year()) - i64::from(gone_by && !last_day);
    format!("{}-12-31", year_or_unknown(year))
}

/// "June last year", "January this year".
pub(super) fn month_relative_year(found: &Found, context: &Context) -> Option<Timex> {
    let month = month_number(found.get("month")?)?;
    let offset = shift_offset(&found.lower("shift")?);
    let value = match context.reference {
        Some(reference) => format!(
            "{}-{month:02}",
            year_or_unknown(i64::from(reference.year()) + offset)
        ),
        None => format!("XXXX-{month:02}"),
    };
    Timex::new(Kind::Date, value)
}

/// "this year's third quarter", "next year's first quarter".
pub(super) fn relative_year_quarter(found: &Found, context: &Context) -> Option<Timex> {
    let quarter = lookup(ORDINALS, &found.lower("ordinal")?)?;
    let offset = shift_offset(&found.lower("shift")?);
    let year = context.reference.map_or_else(
        || "XXXX".to_string(),
        |r| year_or_unknown(i64::from(r.year()) + offset),
    );
    Timex::new(Kind::Date, format!("{year}-Q{quarter}"))
}

pub(super) fn relative_day(found: &Found, context: &Context) -> Option<Timex> {
    // "by mid-afternoon": that part of the reference day, as "this afternoon" is; "mid-afternoon
    // yesterday", of the day before.
    if let Some(part) = found.lower("midpart") {
        let code = lookup(PARTS_OF_DAY, &part)?;
        let offset = match found.lower("midday") {
            Some(word) => lookup(RELATIVE_DAYS, &word)?,
            None => 0,
        };
        return Timex::new(Kind::Time, format!("{}T{code}", day_value(context, offset)));
    }
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
    // "USA Today", "VOA Today": the name of a paper or a show (not "THE TRIP TODAY" in capitals).
    let written = found.get("word")?;
    let titled = written == "Today" && context.preceded_by_capitalized();
    if titled && !context.starts_sentence() {
        return None;
    }
    // "yesterday afternoon" and "tonight" are valued as the day, as "Thursday evening" is (and
    // as both TimeBank and GUM value "tonight").
    let offset = match word.as_str() {
        "tonight" => 0,
        _ => lookup(RELATIVE_DAYS, &word)?,
    };
    if offset == 0 && context.reference.is_none() {
        return Timex::new(Kind::Date, "PRESENT_REF");
    }
    Timex::new(Kind::Date, day_value(context, offset))
}

pub(super) fn relative_period(found: &Found, context: &Context) -> Option<Timex> {
    if is_title(found, context) {
        return None;
    }
    // "this years festival": a possessive written without its apostrophe, before a noun; not
    // "the last years of his life".
    if found.get("apostropheless").is_some() {
        let noun_after = context.next_token().is_some_and(|next| {
            next.starts_with(char::is_lowercase)
                && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
        });
        if !noun_after || context.follows(&["the"]) || found.lower("shift")? == "last" {
            return None;
        }
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

/// Prepositions of time before "the summer" that make it a season ("into the summer").
const SEASON_CUES: &[&str] = &[
    "in",
    "during",
    "over",
    "into",
    "until",
    "by",
    "since",
    "through",
    "throughout",
    "for",
    "before",
    "after",
];

/// "for the week", "the week's most active session": the week of the day last mentioned, or of
/// the reference date; not "the week before" or "the week of March 6" (other rules), nor "the
/// week ended".
pub(super) fn the_week(_: &Found, context: &Context) -> Option<Timex> {
    if context.precedes(&[
        "before",
        "after",
        "of",
        "ended",
        "ending",
        "following",
        "earlier",
        "later",
    ]) {
        return None;
    }
    let value = resolve::relative_period(context.reference, Period::Week, 0);
    Timex::anaphoric(Kind::Date, value, Anaphor::Weeks(0))
}

/// "Today is the eighth day of the strike", "it's the second day of an offensive": said in the
/// present, the day counted is the day of writing. Elsewhere ("on the third day of the trial")
/// the day is unknown and left alone.
pub(super) fn nth_day_of_event(_: &Found, context: &Context) -> Option<Timex> {
    let present = context.follows(&["is", "'s", "’s"]);
    (present && context.precedes(&["of"])).then(|| Timex::new(Kind::Date, day_value(context, 0)))?
}

/// "over the weekend": the one just past, unless the future is spoken of.
pub(super) fn the_weekend(_: &Found, context: &Context) -> Option<Timex> {
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

pub(super) fn season(found: &Found, context: &Context) -> Option<Timex> {
    if let Some(named) = found.lower("named") {
        let (_, code) = lookup(SEASONS, &named)?;
        let year = match found.get("spelled") {
            Some(spelled) => format!("{:04}", parse::spelled_year(spelled)?),
            None => found.get("year")?.to_string(),
        };
        return Timex::new(Kind::Date, format!("{year}-{code}"));
    }
    if let Some(bare) = found.lower("bare") {
        // "into the summer", "over the winter": this year's, after a preposition of time (not
        // "the fall of Rome", "the spring of water"). "The early summer" is a time of year
        // wherever it stands ("the low levels of the early summer").
        let timed = context.follows(SEASON_CUES) || found.get("pmod").is_some();
        let cued = timed && !context.precedes(&["of"]);
        let (index, code) = lookup(SEASONS, &bare).filter(|_| cued)?;
        let value = resolve::relative_season(context.reference, index, code, 0);
        return Timex::new(Kind::Date, value).map(|t| t.modified(modifier_of(found)));
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
pub(super) fn weekday(found: &Found, context: &Context) -> Option<Timex> {
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
    // "down 4.5% from the previous Friday": the Friday before the day last mentioned.
    if let Some(order) = found.lower("order") {
        let (dir, shift) = if order == "following" {
            (1, "next")
        } else {
            (-1, "last")
        };
        let fallback = weekday_value(context, weekday, Some(shift));
        return Timex::anaphoric(Kind::Date, fallback, Anaphor::Weekday(weekday, dir));
    }
    // "on Monday and Tuesday nights": every Monday night too.
    if let Some(set) = shared_plural_part(weekday, context).filter(|_| shift.is_none()) {
        return Timex::new(Kind::Set, set);
    }
    // "Thursday evening" is valued as the day: most annotators (TimeBank's newer part, GUM)
    // give the day, and the part of it adds nothing a reader needs to place the event.
    Timex::new(
        Kind::Date,
        weekday_value(context, weekday, shift.as_deref()),
    )
}

/// The set of `weekday`'s part of the day when a plural one follows it after "and" or "or"
/// ("Monday and Tuesday nights" is `XXXX-WXX-1TNI`).
fn shared_plural_part(weekday: u32, context: &Context) -> Option<String> {
    let joined = matches!(context.next().as_deref(), Some("and" | "or"));
    let other = context.word_after(2).and_then(|w| lookup(WEEKDAYS, &w));
    let part = context.word_after(3)?;
    let code = lookup(PARTS_OF_DAY, part.strip_suffix('s')?)?;
    (joined && other.is_some()).then(|| format!("{}T{code}", resolve::unanchored_weekday(weekday)))
}

/// A month alone is a date when capitalized. "May" and "March" (and abbreviations) are also
/// everyday words and need a cue ("in May", "early March"); any month followed by a capitalized
/// word ("August Wilson") is a name unless a cue says otherwise.
pub(super) fn month_alone(found: &Found, context: &Context) -> Option<Timex> {
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
            format!("{}-{month:02}", year_or_unknown(year.into()))
        }
    };
    Timex::new(Kind::Date, value)
}

/// "current" before a noun ("the current weakness", "its current position") is the present, as
/// TimeML annotates it; not in fixed terms ("current account") nor "the then current price".
pub(super) fn current(found: &Found, context: &Context) -> Option<Timex> {
    let noun_after = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    let term = context.precedes(&["account", "accounts", "assets", "liabilities", "affairs"]);
    let named = is_capitalized(found.text()) && !context.starts_sentence();
    if !noun_after || term || named || context.follows(&["then"]) {
        return None;
    }
    Timex::new(Kind::Date, "PRESENT_REF")
}

/// "now", "recently", "the future", "soon" (but not "as soon as").
pub(super) fn reference_word(found: &Found, context: &Context) -> Option<Timex> {
    let phrase = parse::words(found.text()).join(" ");
    let value = lookup(REFERENCE_WORDS, &phrase)?;
    let idiom = phrase == "soon"
        && (context.follows(&["as", "how", "too", "so"])
            || context.precedes(&["after", "before", "as", "enough"]));
    // "was soon released", "soon became a flood": soon after a past event, not the future.
    let past_soon = phrase == "soon" && context.tense() == Some(Tense::Past);
    // "the future of Kosovo": its fate, not a time.
    let fate = phrase == "the future" && context.precedes(&["of"]);
    // "Now, he says, …": opening a sentence before a comma, "now" turns the talk, as
    // "well," does; it dates nothing.
    let discourse = phrase == "now" && context.starts_sentence() && context.precedes(&[","]);
    if idiom || past_soon || fate || discourse {
        return None;
    }
    Timex::new(Kind::Date, value)
}
