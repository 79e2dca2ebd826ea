//! Proleptic Gregorian calendar dates: parsing, arithmetic, weekdays and ISO weeks.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

/// Days of the week, Monday first as in ISO 8601.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 1 for Monday … 7 for Sunday.
    pub fn number(self) -> u32 {
        self as u32 + 1
    }

    pub fn from_number(n: u32) -> Option<Weekday> {
        Weekday::ALL.get((n as usize).wrapping_sub(1)).copied()
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, when the year, month and day make one (years 1–9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn day(self) -> u32 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01, by Howard Hinnant's `civil_from_days`.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month as u32, day as u32)
    }

    /// The date `days` later (earlier when negative), if still within years 1–9999.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        let n = (self.days_since_epoch() + 3).rem_euclid(7) as u32 + 1;
        Weekday::from_number(n).expect("1..=7")
    }

    /// The ISO 8601 week-numbering year and week (1–53).
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self
            .add_days(i64::from(Weekday::Thursday.number()) - i64::from(self.weekday().number()))
            .unwrap_or(self);
        let first = Date::new(thursday.year, 1, 1).expect("January 1st exists");
        let week = (thursday.days_since_epoch() - first.days_since_epoch()) / 7 + 1;
        (thursday.year, week as u32)
    }

    /// TIMEX3 value of the ISO week holding this date, e.g. `2025-W43`.
    pub fn iso_week_value(self) -> String {
        let (year, week) = self.iso_week();
        format!("{year:04}-W{week:02}")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parses an ISO date `YYYY-MM-DD`.
    fn from_str(text: &str) -> Result<Date, Error> {
        let bad = || Error::BadDate(text.to_string());
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(bad());
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().map_err(|_| bad());
        Date::new(number(0..4)? as i32, number(5..7)?, number(8..10)?).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_iso_dates() {
        assert_eq!(date("2025-10-16").to_string(), "2025-10-16");
        assert_eq!(date("2024-02-29").day(), 29);
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-1-01",
            "20251016",
            "",
            "yesterday",
            "2025-10-16T00",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn weekdays() {
        assert_eq!(date("2025-10-16").weekday(), Weekday::Thursday);
        assert_eq!(date("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(date("2000-01-01").weekday(), Weekday::Saturday);
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let start = date("1999-12-31");
        assert_eq!(start.add_days(1).unwrap().to_string(), "2000-01-01");
        assert_eq!(start.add_days(60).unwrap().to_string(), "2000-02-29");
        for days in (-100_000..100_000).step_by(997) {
            let moved = start.add_days(days).unwrap();
            assert_eq!(moved.days_since_epoch() - start.days_since_epoch(), days);
        }
        assert!(date("9999-12-31").add_days(1).is_none());
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(date("2025-10-16").iso_week_value(), "2025-W42");
        assert_eq!(date("2025-10-23").iso_week_value(), "2025-W43");
        assert_eq!(date("2021-01-03").iso_week_value(), "2020-W53");
        assert_eq!(date("2024-12-30").iso_week_value(), "2025-W01");
    }
}
