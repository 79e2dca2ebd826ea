//! Calendar reasoning behind TIMEX3 values: which Friday "Friday" means, which year "Oct. 16"
//! is in, what "last week" or "two years ago" is. Without a reference date the values keep their
//! unknown parts as `X` rather than guess them.

use super::lexicon::Unit;
use super::Date;

/// Which occurrence of a weekday a mention means, seen from the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occurrence {
    /// The most recent one, the reference day included ("said Thursday" on a Thursday).
    Latest,
    /// The most recent one before the reference day ("last Friday").
    Previous,
    /// The first one from the reference day on ("will meet Friday").
    Soonest,
    /// The first one after the reference day ("next Friday").
    Following,
}

/// The date of `weekday` (1 = Monday) nearest `reference` in the direction of `occurrence`.
pub fn weekday(reference: Date, weekday: u32, occurrence: Occurrence) -> Option<Date> {
    let today = i64::from(reference.weekday().number());
    let target = i64::from(weekday);
    let back = (today - target).rem_euclid(7);
    let forward = (target - today).rem_euclid(7);
    let days = match occurrence {
        Occurrence::Latest => -back,
        Occurrence::Previous => -(if back == 0 { 7 } else { back }),
        Occurrence::Soonest => forward,
        Occurrence::Following => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
    };
    reference.add_days(days)
}

/// The TIMEX3 value of a weekday when there is no reference date: `XXXX-WXX-4`.
pub fn unanchored_weekday(weekday: u32) -> String {
    format!("XXXX-WXX-{weekday}")
}

/// The year and month `offset` months from `year`-`month`.
/// Far out of range, the year is held at a million either way (no date has it).
pub fn shift_month(year: i32, month: u32, offset: i64) -> (i32, u32) {
    let index = (i64::from(year) * 12 + i64::from(month) - 1).saturating_add(offset);
    let year = index.div_euclid(12).clamp(-1_000_000, 1_000_000) as i32;
    (year, index.rem_euclid(12) as u32 + 1)
}

/// A year as a TIMEX3 value writes it (`0987`, `2025`), when it has four digits: a year
/// computed out of range (before year 1, after 9999) has no value.
pub fn year_value(year: i64) -> Option<String> {
    (1..=9999).contains(&year).then(|| format!("{year:04}"))
}

/// The year in which `month` lies within six months of `reference` ("in December", written in
/// January, is the December just gone).
pub fn nearest_year_of_month(reference: Date, month: u32) -> i32 {
    let diff = i64::from(month) - i64::from(reference.month());
    reference.year()
        + match diff {
            d if d > 6 => -1,
            d if d < -6 => 1,
            _ => 0,
        }
}

/// The year of `month` seen from `reference`: the latest one (this month included), the one
/// before this month, the soonest, the one after this month, or, without a lean, the nearest.
pub fn year_of_month(reference: Date, month: u32, lean: Option<Occurrence>) -> i32 {
    let (year, current) = (reference.year(), reference.month());
    match lean {
        Some(Occurrence::Latest) => year - i32::from(month > current),
        Some(Occurrence::Previous) => year - i32::from(month >= current),
        Some(Occurrence::Soonest) => year + i32::from(month < current),
        Some(Occurrence::Following) => year + i32::from(month <= current),
        None => nearest_year_of_month(reference, month),
    }
}

/// How far a day named with a past or future lean may lie on the other side of the reference
/// date: "is to run from January 23", written January 28, still means the January 23 just gone.
const LEAN_SLACK_DAYS: i64 = 31;

/// The date of `month`-`day` seen from `reference`: the latest one (up to a month after the
/// reference), the one before the reference, the soonest (from a month before the reference on),
/// the one after it, or, without a lean (`None`), the nearest.
pub fn date_of_day(
    reference: Date,
    month: u32,
    day: u32,
    lean: Option<Occurrence>,
) -> Option<Date> {
    let Some(lean) = lean else {
        return nearest_date(reference, month, day);
    };
    let r = reference.days_since_epoch();
    let fits = |d: &Date| {
        let d = d.days_since_epoch();
        match lean {
            Occurrence::Latest => d <= r + LEAN_SLACK_DAYS,
            Occurrence::Previous => d < r,
            Occurrence::Soonest => d >= r - LEAN_SLACK_DAYS,
            Occurrence::Following => d > r,
        }
    };
    let candidates = (-1..=1).filter_map(|offset| Date::new(reference.year() + offset, month, day));
    match lean {
        Occurrence::Latest | Occurrence::Previous => candidates.filter(fits).max(),
        Occurrence::Soonest | Occurrence::Following => candidates.filter(fits).min(),
    }
}

/// The `month`-`day` nearest `reference` (in its year, the year before or the year after).
pub fn nearest_date(reference: Date, month: u32, day: u32) -> Option<Date> {
    let distance = |date: &Date| (date.days_since_epoch() - reference.days_since_epoch()).abs();
    [0, -1, 1]
        .into_iter()
        .filter_map(|offset| Date::new(reference.year() + offset, month, day))
        .min_by_key(distance)
}

/// Whether `month`-`day` exists in some year (February 29 does).
pub fn is_valid_day(month: u32, day: u32) -> bool {
    Date::new(2000, month, day).is_some()
}

/// A calendar period named relative to the reference date ("last week", "this year").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
}

impl Period {
    pub fn from_word(word: &str) -> Option<Period> {
        Some(match word {
            "week" => Period::Week,
            "weekend" => Period::Weekend,
            "month" => Period::Month,
            "quarter" => Period::Quarter,
            "year" => Period::Year,
            "decade" => Period::Decade,
            _ => return None,
        })
    }

    /// The value when the reference date is unknown.
    fn unanchored(self) -> &'static str {
        match self {
            Period::Week => "XXXX-WXX",
            Period::Weekend => "XXXX-WXX-WE",
            Period::Month => "XXXX-XX",
            Period::Quarter => "XXXX-QX",
            Period::Year => "XXXX",
            Period::Decade => "XXX",
        }
    }
}

/// The value of the `period` `offset` periods from the one holding `reference` (offset -1 is
/// "last", 0 "this", 1 "next").
pub fn relative_period(reference: Option<Date>, period: Period, offset: i64) -> String {
    let Some(reference) = reference else {
        return period.unanchored().to_string();
    };
    let (year, month) = (reference.year(), reference.month());
    match period {
        Period::Week | Period::Weekend => {
            // Weeks are ISO 8601 weeks, as TIMEX3 values are: "last week", said on a Sunday, is
            // the week before the one that Sunday closes.
            let day = offset
                .checked_mul(7)
                .and_then(|days| reference.add_days(days));
            let suffix = if period == Period::Weekend { "-WE" } else { "" };
            day.map(|day| format!("{}{suffix}", day.iso_week_value()))
        }
        Period::Month => {
            let (y, m) = shift_month(year, month, offset);
            year_value(y.into()).map(|y| format!("{y}-{m:02}"))
        }
        Period::Quarter => {
            let (y, m) = shift_month(year, month, offset.saturating_mul(3));
            year_value(y.into()).map(|y| format!("{y}-Q{}", (m - 1) / 3 + 1))
        }
        Period::Year => year_value(i64::from(year).saturating_add(offset)),
        Period::Decade => {
            let decade = (i64::from(year) / 10).saturating_add(offset);
            (0..=999).contains(&decade).then(|| format!("{decade:03}"))
        }
    }
    .unwrap_or_else(|| period.unanchored().to_string())
}

/// The value of season number `season` (0 winter … 3 fall, code `code`) `offset` seasons of
/// that name from the reference date: "last fall" (-1), "this summer" (0), "next spring" (1).
pub fn relative_season(reference: Option<Date>, season: usize, code: &str, offset: i64) -> String {
    let Some(reference) = reference else {
        return format!("XXXX-{code}");
    };
    // Seasons counted from year 0: December opens the next year's winter.
    let month = reference.month();
    let (year, current) = match month {
        12 => (reference.year() + 1, 0),
        m => (reference.year(), (m / 3) as usize),
    };
    let now = i64::from(year) * 4 + current as i64;
    let this = i64::from(year) * 4 + season as i64;
    let target = match offset {
        o if o < 0 => this - if this < now { 0 } else { 4 },
        0 => this,
        _ => this + if this > now { 0 } else { 4 },
    };
    year_value(target.div_euclid(4))
        .map_or_else(|| format!("XXXX-{code}"), |y| format!("{y}-{code}"))
}

/// An amount of units: a count ("two"), a decimal ("1.5") or unknown ("several").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Amount {
    Count(u32),
    Decimal(String),
    Vague,
}

impl Amount {
    fn text(&self) -> String {
        match self {
            Amount::Count(n) => n.to_string(),
            Amount::Decimal(d) => d.clone(),
            Amount::Vague => "X".to_string(),
        }
    }
}

/// The TIMEX3 duration of `amount` `unit`s: `P10Y`, `PT2H`, `PXM`.
pub fn duration(amount: &Amount, unit: Unit) -> String {
    // Decades are counted in years ("two decades" is `P20Y`, "decades" `PXY`), as annotators
    // write them, rather than with TIMEX3's rarely used `DE`.
    if unit == Unit::Decade {
        let years = match amount {
            Amount::Count(n) => (u64::from(*n) * 10).to_string(),
            // A whole number too large to count in: ten times it is itself and a zero.
            Amount::Decimal(d) if d.bytes().all(|b| b.is_ascii_digit()) => format!("{d}0"),
            Amount::Decimal(_) | Amount::Vague => "X".to_string(),
        };
        return format!("P{years}Y");
    }
    if let Some(value) = with_half(amount, unit) {
        return value;
    }
    let time = if unit.is_clock() { "T" } else { "" };
    format!("P{time}{}{}", amount.text(), unit.designator())
}

/// A whole number and a half of a unit that has a smaller one, in whole units of both, as
/// TIMEX3 corpora write it: "2 1/2 years" is `P2Y6M`, "5 1/2 hours" `PT5H30M`, "1.5 days"
/// `P1DT12H`. Other fractions stay decimal ("1.5 weeks" is `P1.5W`).
fn with_half(amount: &Amount, unit: Unit) -> Option<String> {
    let Amount::Decimal(decimal) = amount else {
        return None;
    };
    let whole: u32 = decimal.strip_suffix(".5")?.parse().ok()?;
    Some(match unit {
        Unit::Year => format!("P{whole}Y6M"),
        Unit::Day => format!("P{whole}DT12H"),
        Unit::Hour => format!("PT{whole}H30M"),
        Unit::Minute => format!("PT{whole}M30S"),
        _ => return None,
    })
}

/// The date `count` `unit`s before `reference`, at the unit's own precision: "two years ago" is a
/// year, "three months ago" a month, "five days ago" a day. Weeks count days: "two weeks ago"
/// is the day fourteen days back, as both TimeBank and GUM mostly value it.
pub fn ago(reference: Date, count: u32, unit: Unit) -> Option<String> {
    match unit {
        Unit::Week => shifted(reference, -i64::from(count).checked_mul(7)?, Unit::Day),
        _ => shifted(reference, -i64::from(count), unit),
    }
}

/// The date `count` `unit`s after `reference` ("in three weeks"), at the unit's precision.
pub fn ahead(reference: Date, count: u32, unit: Unit) -> Option<String> {
    shifted(reference, i64::from(count), unit)
}

fn shifted(reference: Date, n: i64, unit: Unit) -> Option<String> {
    let (year, month) = (reference.year(), reference.month());
    let years = |years: i64| year_value(i64::from(year) + years);
    match unit {
        Unit::Year => years(n),
        Unit::Decade => years(10 * n),
        Unit::Century => years(100 * n),
        Unit::Month | Unit::Quarter => {
            let months = if unit == Unit::Quarter { 3 * n } else { n };
            let (y, m) = shift_month(year, month, months);
            Some(format!("{}-{m:02}", year_value(y.into())?))
        }
        Unit::Week => Some(reference.add_days(7 * n)?.iso_week_value()),
        Unit::Day => Some(reference.add_days(n)?.to_string()),
        Unit::Hour => Some(reference.add_days(n / 24)?.to_string()),
        Unit::Minute | Unit::Second => Some(reference.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn weekday_occurrences() {
        let thursday = date("2025-10-16");
        let on = |day, occurrence| weekday(thursday, day, occurrence).unwrap().to_string();
        assert_eq!(on(4, Occurrence::Latest), "2025-10-16");
        assert_eq!(on(3, Occurrence::Latest), "2025-10-15");
        assert_eq!(on(5, Occurrence::Latest), "2025-10-10");
        assert_eq!(on(4, Occurrence::Previous), "2025-10-09");
        assert_eq!(on(4, Occurrence::Soonest), "2025-10-16");
        assert_eq!(on(5, Occurrence::Soonest), "2025-10-17");
        assert_eq!(on(3, Occurrence::Soonest), "2025-10-22");
        assert_eq!(on(4, Occurrence::Following), "2025-10-23");
        assert_eq!(unanchored_weekday(4), "XXXX-WXX-4");
    }

    #[test]
    fn months_and_days_near_the_reference() {
        assert_eq!(shift_month(2025, 1, -1), (2024, 12));
        assert_eq!(shift_month(2025, 10, 3), (2026, 1));
        assert_eq!(nearest_year_of_month(date("2025-10-16"), 10), 2025);
        assert_eq!(nearest_year_of_month(date("2025-01-05"), 12), 2024);
        assert_eq!(nearest_year_of_month(date("2025-12-20"), 1), 2026);
        assert_eq!(nearest_year_of_month(date("1998-02-13"), 8), 1998);
        let near = |r, m, d| nearest_date(date(r), m, d).unwrap().to_string();
        assert_eq!(near("2025-10-16", 9, 30), "2025-09-30");
        assert_eq!(near("2025-01-05", 12, 28), "2024-12-28");
        assert_eq!(near("2024-12-30", 1, 2), "2025-01-02");
        assert_eq!(near("2025-03-01", 2, 29), "2024-02-29");
        assert!(is_valid_day(2, 29) && !is_valid_day(4, 31) && !is_valid_day(13, 1));
        let r = date("1989-11-02");
        let latest = Some(Occurrence::Latest);
        let soonest = Some(Occurrence::Soonest);
        assert_eq!(year_of_month(r, 3, latest), 1989);
        assert_eq!(year_of_month(r, 3, None), 1990);
        assert_eq!(year_of_month(r, 3, soonest), 1990);
        assert_eq!(year_of_month(r, 11, latest), 1989);
        assert_eq!(year_of_month(r, 12, latest), 1988);
        assert_eq!(year_of_month(r, 11, soonest), 1989);
        assert_eq!(year_of_month(r, 11, Some(Occurrence::Previous)), 1988);
        assert_eq!(year_of_month(r, 10, Some(Occurrence::Previous)), 1989);
        assert_eq!(year_of_month(r, 11, Some(Occurrence::Following)), 1990);
        let day = |m, d, lean| date_of_day(r, m, d, lean).unwrap().to_string();
        assert_eq!(day(3, 31, latest), "1989-03-31");
        assert_eq!(day(11, 20, latest), "1989-11-20");
        assert_eq!(day(12, 20, latest), "1988-12-20");
        assert_eq!(day(10, 20, soonest), "1989-10-20");
        assert_eq!(day(9, 20, soonest), "1990-09-20");
        assert_eq!(day(3, 31, None), "1990-03-31");
        assert_eq!(day(11, 2, latest), "1989-11-02");

        assert_eq!(day(11, 1, soonest), "1989-11-01");
        assert_eq!(day(11, 6, soonest), "1989-11-06");
        assert_eq!(day(11, 2, Some(Occurrence::Previous)), "1988-11-02");
        assert_eq!(day(11, 2, Some(Occurrence::Following)), "1990-11-02");
        assert_eq!(
            date_of_day(date("2025-03-01"), 2, 29, latest)
                .unwrap()
                .to_string(),
            "2024-02-29"
        );
    }

    #[test]
    fn relative_periods() {
        let r = Some(date("2025-10-16"));
        assert_eq!(relative_period(r, Period::Week, 0), "2025-W42");
        assert_eq!(relative_period(r, Period::Week, -1), "2025-W41");
        assert_eq!(relative_period(r, Period::Week, 1), "2025-W43");
        assert_eq!(relative_period(r, Period::Weekend, 0), "2025-W42-WE");
        assert_eq!(relative_period(r, Period::Month, -1), "2025-09");
        assert_eq!(relative_period(r, Period::Month, 3), "2026-01");
        assert_eq!(relative_period(r, Period::Quarter, -1), "2025-Q3");
        assert_eq!(relative_period(r, Period::Year, -1), "2024");
        assert_eq!(relative_period(r, Period::Decade, 0), "202");
        assert_eq!(relative_period(None, Period::Week, -1), "XXXX-WXX");
        let sunday = Some(date("1998-03-22"));
        assert_eq!(relative_period(sunday, Period::Week, -1), "1998-W11");
        assert_eq!(relative_period(sunday, Period::Week, 0), "1998-W12");
        assert_eq!(relative_period(sunday, Period::Weekend, 0), "1998-W12-WE");
        assert_eq!(relative_period(None, Period::Year, 1), "XXXX");
    }

    #[test]
    fn relative_seasons() {
        let r = Some(date("2025-10-16")); // fall
        assert_eq!(relative_season(r, 3, "FA", -1), "2024-FA");
        assert_eq!(relative_season(r, 2, "SU", -1), "2025-SU");
        assert_eq!(relative_season(r, 2, "SU", 0), "2025-SU");
        assert_eq!(relative_season(r, 1, "SP", 1), "2026-SP");
        assert_eq!(relative_season(r, 0, "WI", 1), "2026-WI");
        assert_eq!(relative_season(None, 3, "FA", -1), "XXXX-FA");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(&Amount::Count(2), Unit::Hour), "PT2H");
        assert_eq!(duration(&Amount::Count(10), Unit::Year), "P10Y");
        assert_eq!(duration(&Amount::Count(30), Unit::Minute), "PT30M");
        assert_eq!(duration(&Amount::Vague, Unit::Month), "PXM");
        assert_eq!(duration(&Amount::Count(2), Unit::Decade), "P20Y");
        assert_eq!(duration(&Amount::Vague, Unit::Decade), "PXY");
        assert_eq!(
            duration(&Amount::Decimal("1.5".into()), Unit::Year),
            "P1Y6M"
        );
        assert_eq!(
            duration(&Amount::Decimal("5.5".into()), Unit::Hour),
            "PT5H30M"
        );
        assert_eq!(
            duration(&Amount::Decimal("1.5".into()), Unit::Week),
            "P1.5W"
        );
        assert_eq!(
            duration(&Amount::Decimal("0.25".into()), Unit::Hour),
            "PT0.25H"
        );
    }

    #[test]
    fn ago_keeps_the_unit_precision() {
        let r = date("2025-10-16");
        assert_eq!(ago(r, 2, Unit::Year).unwrap(), "2023");
        assert_eq!(ago(r, 1, Unit::Decade).unwrap(), "2015");
        assert_eq!(ago(r, 3, Unit::Month).unwrap(), "2025-07");
        assert_eq!(ago(r, 2, Unit::Week).unwrap(), "2025-10-02");
        assert_eq!(ago(r, 5, Unit::Day).unwrap(), "2025-10-11");
        assert_eq!(ago(r, 24, Unit::Hour).unwrap(), "2025-10-15");
    }
}
