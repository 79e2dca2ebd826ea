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

/// Holidays on a fixed day of the year, as (name, month, day); Thanksgiving (US, fourth Thursday
/// of November) is computed.
pub const HOLIDAYS: &[(&str, (u32, u32))] = &[
    ("christmas day", (12, 25)),
    ("christmas eve", (12, 24)),
    ("christmas", (12, 25)),
    ("new year's day", (1, 1)),
    ("new year’s day", (1, 1)),
    ("new year's eve", (12, 31)),
    ("new year’s eve", (12, 31)),
    ("boxing day", (12, 26)),
    ("halloween", (10, 31)),
    ("valentine's day", (2, 14)),
    ("valentine’s day", (2, 14)),
    ("independence day", (7, 4)),
    ("the fourth of july", (7, 4)),
    ("veterans day", (11, 11)),
    ("thanksgiving day", (11, 0)),
    ("thanksgiving", (11, 0)),
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
