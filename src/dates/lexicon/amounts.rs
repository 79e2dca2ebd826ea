//! Amounts of time: number words, centuries and decades spelled out, quarter ordinals, vague
//! quantities, the modifiers in front of an amount or a period, and the units with their TIMEX3
//! designators.

/// Number words for amounts ("two hours", "twenty-four hours").
pub const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("a hundred", 100),
    ("dozen", 12),
    ("a dozen", 12),
];

/// Spelled-out ordinals of centuries ("the twentieth century").
pub const CENTURY_ORDINALS: &[(&str, u32)] = &[
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("twenty-first", 21),
    ("twenty first", 21),
];

/// Decades spelled out ("the nineties"), with their place in the century.
pub const DECADE_WORDS: &[(&str, u32)] = &[
    ("twenties", 2),
    ("thirties", 3),
    ("forties", 4),
    ("fifties", 5),
    ("sixties", 6),
    ("seventies", 7),
    ("eighties", 8),
    ("nineties", 9),
];

/// Ordinals naming a quarter of the year.
pub const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
];

/// Words between an amount and its unit that add to something before ("two more years", "an
/// additional year", "a further week"): the amount is still the length.
pub const MORE_UNITS: &[&str] = &["more", "additional", "extra", "further"];

/// Ordinals that count the days of an event ("the eighth day of the strike"); digits ("the 3rd
/// day") are matched by pattern.
pub const DAY_COUNT_ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "twentieth",
    "hundredth",
];

/// Vague amounts; `Some(n)` where the phrase means a number ("a couple of" = 2), `None` where the
/// TIMEX3 value takes `X` ("several years" = `PXY`).
pub const QUANTIFIERS: &[(&str, Option<u32>)] = &[
    ("a couple of", Some(2)),
    ("a couple", Some(2)),
    ("couple of", Some(2)),
    ("a few", None),
    ("few", None),
    ("several", None),
    ("many", None),
    ("some", None),
];

/// Words in front of a month, year or named period that narrow it without changing its value
/// ("early October", "the end of 1990", "later this year"); part of the extent.
pub const PERIOD_MODIFIERS: &[&str] = &[
    "earlier",
    "later",
    "early",
    "late",
    "mid",
    "the end of",
    "the beginning of",
    "the start of",
    "the middle of",
];

/// Of [`AMOUNT_MODIFIERS`], those TimeBank leaves outside a duration ("for [about] two hours",
/// "[over] several years"), though inside "about two years ago".
pub const OUTSIDE_DURATION: &[&str] = &["about", "over", "barely", "almost"];

/// The TIMEX3 `mod` of the words written in front of an amount ("more than two hours" is
/// `MORE_THAN`). "Only", "just" and "a mere" have none.
pub const AMOUNT_MODS: &[(&str, &str)] = &[
    ("more than", "MORE_THAN"),
    ("over", "MORE_THAN"),
    ("just over", "MORE_THAN"),
    ("well over", "MORE_THAN"),
    ("upwards of", "MORE_THAN"),
    ("less than", "LESS_THAN"),
    ("fewer than", "LESS_THAN"),
    ("under", "LESS_THAN"),
    ("just under", "LESS_THAN"),
    ("nearly", "LESS_THAN"),
    ("almost", "LESS_THAN"),
    ("barely", "LESS_THAN"),
    ("at least", "EQUAL_OR_MORE"),
    ("at most", "EQUAL_OR_LESS"),
    ("up to", "EQUAL_OR_LESS"),
    ("no more than", "EQUAL_OR_LESS"),
    ("about", "APPROX"),
    ("around", "APPROX"),
    ("roughly", "APPROX"),
    ("approximately", "APPROX"),
    ("some", "APPROX"),
    ("close to", "APPROX"),
];

/// The TIMEX3 `mod` of the words in front of a period ("early October" is `START`).
pub const PERIOD_MODS: &[(&str, &str)] = &[
    ("early", "START"),
    ("the beginning of", "START"),
    ("the start of", "START"),
    ("beginning", "START"),
    ("start", "START"),
    ("mid", "MID"),
    ("the middle of", "MID"),
    ("middle", "MID"),
    ("late", "END"),
    ("the end of", "END"),
    ("end", "END"),
];

/// Words written in front of an amount that belong to a duration's extent ("more than two hours").
/// Not "just" or "only", which stress the amount without changing it ("just months ago").
pub const AMOUNT_MODIFIERS: &[&str] = &[
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "about",
    "nearly",
    "almost",
    "around",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
    "up to",
    "just over",
    "just under",
    "well over",
    "no more than",
    "a mere",
    "barely",
    "close to",
    "upwards of",
];

/// A unit of time and how TIMEX3 writes it in a duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
    Quarter,
}

impl Unit {
    /// The TIMEX3 duration designator (`Y` in `P10Y`).
    pub fn designator(self) -> &'static str {
        match self {
            Unit::Year => "Y",
            Unit::Month => "M",
            Unit::Week => "W",
            Unit::Day => "D",
            Unit::Hour => "H",
            Unit::Minute => "M",
            Unit::Second => "S",
            Unit::Decade => "DE",
            Unit::Century => "CE",
            Unit::Quarter => "Q",
        }
    }

    /// Whether the designator goes after the `T` of a duration (`PT2H`).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }
}

/// Unit words, singular and plural; `true` marks a plural.
pub const UNITS: &[(&str, Unit, bool)] = &[
    ("year", Unit::Year, false),
    ("years", Unit::Year, true),
    ("yr", Unit::Year, false),
    ("yrs", Unit::Year, true),
    ("month", Unit::Month, false),
    ("months", Unit::Month, true),
    ("week", Unit::Week, false),
    ("weeks", Unit::Week, true),
    ("day", Unit::Day, false),
    ("days", Unit::Day, true),
    ("hour", Unit::Hour, false),
    ("hours", Unit::Hour, true),
    ("hr", Unit::Hour, false),
    ("hrs", Unit::Hour, true),
    ("minute", Unit::Minute, false),
    ("minutes", Unit::Minute, true),
    ("second", Unit::Second, false),
    ("seconds", Unit::Second, true),
    ("decade", Unit::Decade, false),
    ("decades", Unit::Decade, true),
    ("century", Unit::Century, false),
    ("centuries", Unit::Century, true),
    ("quarter", Unit::Quarter, false),
    ("quarters", Unit::Quarter, true),
];
