//! Rules for amounts of time: durations ("more than two hours"), dates counted from the
//! reference ("two years ago", "in three weeks") and sets ("every day", "weekly").

use super::*;

/// The unit and amount of a duration-like match. Vague amounts go only with plurals ("several
/// years"), and a quarter needs more than one ("a quarter of the vote" is a fraction).
pub(super) fn unit_and_amount(found: &Found, context: &Context) -> Option<(lexicon::Unit, Amount)> {
    let (unit, plural) = lexicon::unit(&found.lower("unit")?)?;
    let Some(amount_text) = found.lower("amount") else {
        return plural.then_some((unit, Amount::Vague));
    };
    let amount = and_a_half(parse::amount(&amount_text)?, found);
    // "World Cup 2018 day five": a year before a singular unit counts nothing.
    let year_like =
        !plural && amount_text.len() == 4 && amount_text.bytes().all(|b| b.is_ascii_digit());
    if year_like {
        return None;
    }
    let ordinal_second = unit == lexicon::Unit::Second && !plural && is_ordinal(found, context);
    // "a several-year tenure": hyphenated, a quantifier makes an adjective of some years.
    let vague_singular =
        !plural && lookup(QUANTIFIERS, &amount_text).is_some() && !is_hyphenated(found);
    // "a quarter of", "three-quarters of the shares": fractions, not quarters of a year ("several
    // quarters of losses" counts no fraction).
    let fraction = unit == lexicon::Unit::Quarter
        && amount != Amount::Vague
        && (amount == Amount::Count(1) || found.text().contains('-') || context.precedes(&["of"]));
    (!ordinal_second && !vague_singular && !fraction).then_some((unit, amount))
}

/// "two and a half years", "a minute and a half": the whole amount and a half.
fn and_a_half(amount: Amount, found: &Found) -> Amount {
    let half = found.get("half").or_else(|| found.get("half2")).is_some();
    match amount {
        Amount::Count(n) if half => Amount::Decimal(format!("{n}.5")),
        amount => amount,
    }
}

/// Whether a singular "second" is the ordinal: "a second term", "the 1988 second quarter". It is
/// a unit when hyphenated ("a 30-second ad") or after "one"/"1" with no noun after it ("took one
/// second to load").
pub(super) fn is_ordinal(found: &Found, context: &Context) -> bool {
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
pub(super) fn ago(found: &Found, context: &Context) -> Option<Timex> {
    let (unit, amount) = unit_and_amount(found, context)?;
    if unit.is_clock() && found.text().to_lowercase().ends_with("earlier") {
        return None;
    }
    let value = match (context.reference, &amount) {
        // Too far back for the calendar ("2026 years ago" in 2025): some time in the past.
        (Some(reference), Amount::Count(n)) => {
            resolve::ago(reference, *n, unit).unwrap_or_else(|| "PAST_REF".to_string())
        }
        // "a year and a half ago": eighteen months ago.
        (Some(reference), Amount::Decimal(d)) if unit == lexicon::Unit::Year => d
            .strip_suffix(".5")
            .and_then(|whole| whole.parse::<u32>().ok())
            .and_then(|whole| whole.checked_mul(12)?.checked_add(6))
            .and_then(|months| resolve::ago(reference, months, lexicon::Unit::Month))
            .unwrap_or_else(|| "PAST_REF".to_string()),
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
pub(super) fn duration(found: &Found, context: &Context) -> Option<Timex> {
    let (unit, amount) = unit_and_amount(found, context)?;
    if context.precedes(&["old"]) || is_title(found, context) {
        return None;
    }
    // "the eight-year war", "the two day rally": "the" belongs to the noun after; not in "the
    // six months ended Oct. 1", where a participle follows.
    let noun_after = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    }) && !context.precedes(&["ended", "ending"]);
    // "the 23-year Israeli occupation": a hyphenated amount is an adjective, whatever follows.
    let hyphenated = is_hyphenated(found);
    if found.get("the").is_some() && (noun_after || hyphenated) {
        return None;
    }
    let half = found.get("half").or_else(|| found.get("half2")).is_some();
    // "a one-day trip", "its one-year term": an adjective of length, unlike "one day".
    let single = !half
        && !hyphenated
        && matches!(found.lower("amount").as_deref(), Some("a" | "an" | "one"));
    let modified = found.get("frame").is_some() || found.get("amod").is_some();
    let granted = context
        .word_before(2)
        .is_some_and(|verb| GRANTING_VERBS.contains(&verb.as_str()));
    if single && !modified && !context.follows(LENGTH_CUES) && !granted {
        let after_amount = context
            .previous_token()
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        return (after_amount || context.follows(RATE_CUES))
            .then(|| Timex::new(Kind::Set, resolve::duration(&amount, unit)))
            .flatten();
    }
    let modifier = outside_modifier(found, context);
    Timex::new(Kind::Duration, resolve::duration(&amount, unit)).map(|t| t.modified(modifier))
}

/// Whether the amount and the unit of the match are joined by a hyphen ("23-year", "one-day").
fn is_hyphenated(found: &Found) -> bool {
    found
        .bounds("amount")
        .zip(found.bounds("unit"))
        .is_some_and(|((_, amount_end), (unit_start, _))| {
            found.text()[amount_end..unit_start].contains('-')
        })
}

/// "between 6 and 9 months", "two to three weeks", "6-9 months": one duration of an unknown
/// number of the unit (`PXM`), as TimeBank writes a range of amounts; the bounds are in the
/// text. "And" needs "between" before it ("two and three years" may be two things).
pub(super) fn amount_range(found: &Found, context: &Context) -> Option<Timex> {
    let (unit, plural) = lexicon::unit(&found.lower("unit")?)?;
    let joined_by_and = found.lower("conj").as_deref() == Some("and");
    let age = context.precedes(&["old"]) || context.follows(&["aged", "ages"]);
    if !plural || (joined_by_and && !context.follows(&["between"])) || age {
        return None;
    }
    let first = parse::amount(&found.lower("a1").or_else(|| found.lower("d1"))?)?;
    let second = parse::amount(&found.lower("a2").or_else(|| found.lower("d2"))?)?;
    if matches!(first, Amount::Vague) || matches!(second, Amount::Vague) {
        return None;
    }
    Timex::new(Kind::Duration, resolve::duration(&Amount::Vague, unit))
}

/// The `mod` of a modifier TimeBank leaves outside a duration's extent ("for about two hours",
/// "just over a week"), when the match has none of its own. "Over" alone is left out: as often a
/// preposition ("spread over three years").
fn outside_modifier(found: &Found, context: &Context) -> Option<&'static str> {
    if found.get("amod").is_some() || found.get("frame").is_some() || found.get("the").is_some() {
        return None;
    }
    let one = context.word_before(1)?;
    let two = context.word_before(2).map(|w| format!("{w} {one}"));
    match two.and_then(|two| lookup(AMOUNT_MODS, &two)) {
        Some(modifier) => Some(modifier),
        None if one == "over" => None,
        None => OUTSIDE_DURATION
            .contains(&one.as_str())
            .then(|| lookup(AMOUNT_MODS, &one))
            .flatten(),
    }
}

/// Whether the match ends in a capitalized word in the middle of a sentence, as titles of shows
/// and works do ("60 Minutes", "This Week").
pub(super) fn is_title(found: &Found, context: &Context) -> bool {
    let last = found.text().split_whitespace().last().unwrap_or("");
    let titled = is_capitalized(last) && last.chars().skip(1).any(char::is_lowercase);
    titled && !context.starts_sentence()
}

/// "the past week" is one week; "the past months" some months. Days, minutes and seconds are
/// left out: "the next day" and "the last minute" are rarely lengths of time. "The past year"
/// and "the next year" are annotated as the calendar year before or after, like "last year".
pub(super) fn framed_duration(found: &Found, context: &Context) -> Option<Timex> {
    use lexicon::Unit::*;
    let (unit, plural) = lexicon::unit(&found.lower("unit")?)?;
    // "the first hours of the war": some hours; "the first day" is an ordinal day, not a length.
    if found.lower("dir").as_deref() == Some("first") && !plural {
        return None;
    }
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

/// "in three weeks", "in two days": the date that far ahead, at the unit's precision. Only after
/// "in" and with the future in view ("will return in three weeks"): "finished in three weeks" is
/// a length of time, left to the duration rule.
pub(super) fn in_amount(found: &Found, context: &Context) -> Option<Timex> {
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
        Some(reference) => {
            resolve::ahead(reference, n, unit).unwrap_or_else(|| "FUTURE_REF".to_string())
        }
        None => "FUTURE_REF".to_string(),
    };
    Timex::new(Kind::Date, value)
}

/// "a week-long festival", "a two-hour-long meeting", "a decades-long battle": a duration.
pub(super) fn unit_long(found: &Found, _: &Context) -> Option<Timex> {
    let (unit, plural) = lexicon::unit(&found.lower("unit")?)?;
    let amount = match found.lower("amount") {
        Some(text) => parse::amount(&text)?,
        None if plural => Amount::Vague,
        None => Amount::Count(1),
    };
    Timex::new(Kind::Duration, resolve::duration(&amount, unit))
}

/// "recent years" is a stretch of an unstated number of years, `PXY` (as TIMEX3 writes "years");
/// "the coming months" points ahead, `FUTURE_REF`.
pub(super) fn vague_period(found: &Found, _: &Context) -> Option<Timex> {
    // "the weeks ahead": some weeks to come.
    if let Some(ahead) = found.lower("ahead") {
        let (unit, _) = lexicon::unit(&ahead)?;
        return Timex::new(Kind::Duration, resolve::duration(&Amount::Vague, unit));
    }
    match found.lower("which")?.as_str() {
        "recent" => {
            let (unit, _) = lexicon::unit(&found.lower("unit")?)?;
            Timex::new(Kind::Duration, resolve::duration(&Amount::Vague, unit))
        }
        _ => Timex::new(Kind::Date, "FUTURE_REF"),
    }
}

/// "for a while": a length of no stated unit or number (`PXX`). Only after "for": "in a while"
/// and "a while ago" point to a time, "a while back" to a place in a story.
pub(super) fn a_while(_: &Found, context: &Context) -> Option<Timex> {
    let length = context.follows(&["for"]) && !context.precedes(&["ago", "back", "later"]);
    length.then(|| Timex::new(Kind::Duration, "PXX"))?
}

/// "weeks or months", "a year or two": a length of the first unit, of no stated number (`PXW`,
/// `PXY`).
pub(super) fn either_length(found: &Found, _: &Context) -> Option<Timex> {
    let unit = found.lower("unit").or_else(|| found.lower("single"))?;
    let (unit, _) = lexicon::unit(&unit)?;
    Timex::new(Kind::Duration, resolve::duration(&Amount::Vague, unit))
}

/// "every day" (`P1D`), "every two weeks" (`P2W`), "each Monday" (`XXXX-WXX-1`), "each July"
/// (`XXXX-07`).
pub(super) fn every(found: &Found, _: &Context) -> Option<Timex> {
    let what_text = found.get("what")?;
    let what = what_text.to_lowercase();
    if let Some(weekday) = lookup(WEEKDAYS, &what) {
        weekday_number(what_text)?;
        return Timex::new(Kind::Set, resolve::unanchored_weekday(weekday));
    }
    // "each July": that month of every year.
    if let Some(month) = month_number(what_text).filter(|_| found.get("amount").is_none()) {
        return Timex::new(Kind::Set, format!("XXXX-{month:02}"));
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
pub(super) fn frequency(found: &Found, context: &Context) -> Option<Timex> {
    let word = found.text().to_lowercase();
    let value = lookup(FREQUENCIES, &word)?;
    let before_noun = context.next_token().is_some_and(|next| {
        next.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&next.to_lowercase().as_str())
    });
    if word == "quarterly" && before_noun {
        return None;
    }
    // "revenue will rise 20% annually", "10,000 units annually": a rate of growth or output,
    // not events that recur.
    let numeric =
        |w: String| w.starts_with(|c: char| c.is_ascii_digit()) || w == "%" || w == "percent";
    let after_quantity =
        context.word_before(1).is_some_and(numeric) || context.word_before(2).is_some_and(numeric);
    if word == "annually" && after_quantity {
        return None;
    }
    // "LA Weekly", "the Daily Mail": a name.
    if is_capitalized(found.text()) && !context.starts_sentence() {
        return None;
    }
    Timex::new(Kind::Set, value)
}

/// "on Fridays": every Friday.
pub(super) fn weekdays(found: &Found, _: &Context) -> Option<Timex> {
    let weekday = weekday_number(found.get("weekday")?)?;
    let every = resolve::unanchored_weekday(weekday);
    // "on Tuesday nights": that part of every Tuesday (`XXXX-WXX-2TNI`).
    match found.lower("part") {
        Some(part) => Timex::new(
            Kind::Set,
            format!("{every}T{}", lookup(PARTS_OF_DAY, &part)?),
        ),
        None => Timex::new(Kind::Set, every),
    }
}

/// "months", "years" alone: an unknown number of them (`PXM`). Not in names ("Happy Days") or
/// fixed phrases ("business hours").
pub(super) fn bare_units(found: &Found, context: &Context) -> Option<Timex> {
    let (unit, _) = lexicon::unit(&found.lower("unit")?)?;
    if unit == lexicon::Unit::Quarter {
        return None; // "living quarters", "headquarters"
    }
    let capitalized = is_capitalized(found.text()) && !context.starts_sentence();
    // After a number the amount was refused for a reason ("1988 second"); "years old" is an age.
    let after_number = context
        .previous_token()
        .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    let multitude = context.follows(&["of"])
        && context
            .word_before(2)
            .is_some_and(|noun| MULTITUDE_NOUNS.contains(&noun.as_str()));
    if capitalized
        || after_number
        || multitude
        || context.follows(NOT_DURATION_BEFORE)
        || context.precedes(&["old"])
    {
        return None;
    }
    Timex::new(Kind::Duration, resolve::duration(&Amount::Vague, unit))
}
