//! Calendar names of the dates layer: months, weekdays, holidays, parts of the day, seasons,
//! words that are a date by themselves, frequencies and time zones.

/// Month names and their abbreviations (written with or without a period).
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Month names that are also everyday words ("may", "march"): alone, without a day or year,
/// they are dates only after a cue such as "in" or "early".
pub const AMBIGUOUS_MONTHS: &[&str] = &["may", "march"];

/// Weekday names, 1 = Monday as in ISO 8601. Abbreviations are left out: "Sun", "Wed" and "Sat"
/// are more often other words.
pub const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
];

/// Capitalized words that turn a weekday into the name of a holiday or event ("Good Friday",
/// "Super Tuesday"), whose date the weekday does not give.
pub const WEEKDAY_NAME_PREFIXES: &[&str] = &[
    "good", "black", "super", "cyber", "ash", "holy", "palm", "easter", "bloody", "maundy",
    "shrove", "giving", "whit", "orthodox",
];

/// When a holiday falls: `(month, day, None)` on that day every year; `(month, day,
/// Some(weekday))` on the first such weekday (1 Monday … 7 Sunday) on or after that day, as the
/// US holidays set by weekday are (Thanksgiving, the fourth Thursday of November, is the first
/// Thursday on or after November 22).
pub type HolidayDate = (u32, u32, Option<u32>);

/// Holidays by name and when they fall.
pub const HOLIDAYS: &[(&str, HolidayDate)] = &[
    ("christmas day", (12, 25, None)),
    ("christmas eve", (12, 24, None)),
    ("christmas", (12, 25, None)),
    ("new year's day", (1, 1, None)),
    ("new year’s day", (1, 1, None)),
    ("new year's eve", (12, 31, None)),
    ("new year’s eve", (12, 31, None)),
    ("boxing day", (12, 26, None)),
    ("halloween", (10, 31, None)),
    ("valentine's day", (2, 14, None)),
    ("valentine’s day", (2, 14, None)),
    ("independence day", (7, 4, None)),
    ("the fourth of july", (7, 4, None)),
    ("veterans day", (11, 11, None)),
    ("thanksgiving day", (11, 22, Some(4))),
    ("thanksgiving", (11, 22, Some(4))),
    ("election day", (11, 2, Some(2))),
    ("labor day", (9, 1, Some(1))),
    ("memorial day", (5, 25, Some(1))),
    ("columbus day", (10, 8, Some(1))),
    ("mother's day", (5, 8, Some(7))),
    ("mother’s day", (5, 8, Some(7))),
    ("father's day", (6, 15, Some(7))),
    ("father’s day", (6, 15, Some(7))),
];

/// Parts of the day and their TIMEX3 codes (`2025-10-16TEV`).
pub const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
];

/// Seasons: their place in the year (0 = winter, which December opens) and TIMEX3 code.
pub const SEASONS: &[(&str, (usize, &str))] = &[
    ("winter", (0, "WI")),
    ("spring", (1, "SP")),
    ("summer", (2, "SU")),
    ("fall", (3, "FA")),
    ("autumn", (3, "FA")),
];

/// Words that are a date by themselves, with their fixed TIMEX3 value.
pub const REFERENCE_WORDS: &[(&str, &str)] = &[
    ("now", "PRESENT_REF"),
    ("currently", "PRESENT_REF"),
    ("nowadays", "PRESENT_REF"),
    ("these days", "PRESENT_REF"),
    ("the present", "PRESENT_REF"),
    ("recently", "PAST_REF"),
    ("lately", "PAST_REF"),
    ("the past", "PAST_REF"),
    ("soon", "FUTURE_REF"),
    ("the future", "FUTURE_REF"),
    ("the near future", "FUTURE_REF"),
    ("the near term", "FUTURE_REF"),
    ("the short term", "FUTURE_REF"),
    ("the long term", "FUTURE_REF"),
    ("a later date", "FUTURE_REF"),
    ("right now", "PRESENT_REF"),
];

/// Days relative to the reference date.
pub const RELATIVE_DAYS: &[(&str, i64)] = &[("today", 0), ("yesterday", -1), ("tomorrow", 1)];

/// Adverbs of frequency, with the TIMEX3 value of the set they describe.
pub const FREQUENCIES: &[(&str, &str)] = &[
    ("daily", "P1D"),
    ("weekly", "P1W"),
    ("biweekly", "P2W"),
    ("monthly", "P1M"),
    ("quarterly", "P3M"),
    ("yearly", "P1Y"),
    ("annually", "P1Y"),
    ("hourly", "PT1H"),
    ("nightly", "TNI"),
];

/// Time zones written after a clock time; part of the extent, not of the value.
pub const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "ct", "bst",
    "cet", "cest", "eet", "msk", "ist", "jst", "aest",
];
