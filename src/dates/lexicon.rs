//! The word lists of the dates layer, as data. The rules (`rules.rs`) refer to these lists by
//! placeholder (`{month}`, `{unit}` …), so a new word is a new table row, not a new rule.
//!
//! Every entry is lowercase; matching is case-insensitive, and the rules check capitalization
//! where it matters (month and weekday names).

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

/// Vague amounts; `Some(n)` where the phrase means a number ("a couple of" = 2), `None` where the
/// TIMEX3 value takes `X` ("several years" = `PXY`).
pub const QUANTIFIERS: &[(&str, Option<u32>)] = &[
    ("a couple of", Some(2)),
    ("a couple", Some(2)),
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
pub const OUTSIDE_DURATION: &[&str] = &["about", "over", "just", "only", "barely", "almost"];

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
    "only",
    "just",
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

/// Determiners before a year that make it modify the noun after ("a 2016 report", "her 2012
/// campaign").
pub const DETERMINERS: &[&str] = &[
    "a", "an", "his", "her", "its", "their", "our", "my", "your", "whose",
];

/// Nouns that a number before them measures ("a 2000 point drop", "a 2010 score"): the number is
/// no year.
pub const MEASURE_NOUNS: &[&str] = &[
    "point",
    "points",
    "score",
    "scores",
    "meter",
    "meters",
    "metre",
    "metres",
    "mile",
    "miles",
    "yard",
    "yards",
    "foot",
    "feet",
    "pound",
    "pounds",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "km",
    "kg",
    "word",
    "words",
    "page",
    "pages",
    "acre",
    "acres",
    "calorie",
    "calories",
    "horsepower",
    "hp",
    "vote",
    "votes",
    "seat",
    "seats",
    "unit",
    "units",
    "rating",
];

/// Words just before a bare month or year that make it a date ("in May", "since 1990").
pub const DATE_CUES: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "through",
    "between",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
    "every",
    "each",
    "and",
    "or",
    "on",
    "around",
    "circa",
    "fiscal",
    "the",
    "’s",
    "'s",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "year",
    "season",
    "throughout",
    "within",
    "into",
    "past",
];

/// Words just before a month name alone that make it a date even when the name is also an
/// everyday word ("in May", "since March"); narrower than [`DATE_CUES`] ("and May" may be a name).
pub const MONTH_CUES: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "between",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "every",
    "each",
    "the",
    "throughout",
    "around",
    "that",
];

/// Words just before a weekday that show it is a date even when a capitalized word follows ("on
/// Sunday Trump flew"), unlike "the Sunday Times".
pub const WEEKDAY_CUES: &[&str] = &[
    "on", "by", "until", "till", "since", "from", "through", "before", "after", "every", "each",
    "last", "next", "this", "that", "early", "late", "and", "or", "said", "says",
];

/// Words before a plural unit that make a fixed phrase, not an amount of time ("business hours").
pub const NOT_DURATION_BEFORE: &[&str] = &[
    "business",
    "working",
    "office",
    "opening",
    "visiting",
    "peak",
    "school",
    "happy",
    "glory",
    "dog",
    "salad",
    "man",
    "overtime",
    "flight",
    "these",
    "those",
    "early",
    "final",
    "first",
    "later",
    "golden",
    "student",
    "college",
    "teenage",
    "childhood",
    "formative",
];

/// Words just before "a"/"an"/"one" and a unit that make it a length of time ("for a week",
/// "within a year"); elsewhere "a year" is more often a rate ("$5 million a year") or a phrase.
pub const LENGTH_CUES: &[&str] = &[
    "for",
    "within",
    "in",
    "over",
    "of",
    "after",
    "before",
    "during",
    "than",
    "as",
    "spent",
    "spend",
    "spends",
    "took",
    "take",
    "takes",
    "taking",
    "lasted",
    "last",
    "lasts",
    "lasting",
    "nearly",
    "almost",
    "about",
    "around",
    "least",
    "only",
    "just",
    "barely",
    "under",
    "another",
    "whole",
    "entire",
    "full",
    "extra",
    "additional",
];

/// Words before "a year", "a week" that make it a rate, a set: "$5 million a year".
pub const RATE_CUES: &[&str] = &[
    "million", "billion", "thousand", "hundred", "trillion", "percent", "%", "times", "once",
    "twice", "thrice",
];

/// Words just before a four-digit number that make it a count, not a year ("about 2025 people").
pub const QUANTITY_CUES: &[&str] = &[
    "a",
    "an",
    "about",
    "some",
    "nearly",
    "almost",
    "approximately",
    "over",
    "than",
    "only",
    "just",
    "$",
    "€",
    "£",
    "#",
    "no.",
    "number",
    "another",
    "additional",
    "extra",
    "all",
];

/// Words that may follow a year without making it a count ("in 2016 in Toronto").
pub const FUNCTION_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "and",
    "or",
    "but",
    "for",
    "of",
    "from",
    "with",
    "by",
    "as",
    "when",
    "after",
    "before",
    "through",
    "until",
    "since",
    "the",
    "a",
    "an",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "have",
    "will",
    "would",
    "that",
    "which",
    "where",
    "while",
    "then",
    "than",
    "there",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "saw",
    "marked",
    "alone",
    "onward",
    "onwards",
    "season",
    "election",
    "elections",
    "census",
    "budget",
    "levels",
    "level",
];

/// Words just before a clock time written without a.m./p.m. ("at 15:00").
pub const TIME_CUES: &[&str] = &[
    "at",
    "by",
    "until",
    "till",
    "from",
    "to",
    "around",
    "about",
    "before",
    "after",
    "since",
    "between",
    "and",
    "approximately",
    "shortly",
];

/// Words before a date that make it a deadline or a start, hence one to come ("by May",
/// "effective Feb. 1").
pub const DEADLINE_CUES: &[&str] = &["by", "effective"];

/// Words before a date that end a spell, to come unless the sentence is in the past ("until
/// mid-November").
pub const OPEN_UNTIL_CUES: &[&str] = &["until", "till"];

/// Words before a weekday that point to the coming one unless the clause is past ("runs through
/// Tuesday", "due by Monday", "starting Monday"). Months and days of the year keep the nearest
/// reading after "through" ("sales this year through August").
pub const WEEKDAY_AHEAD_CUES: &[&str] = &[
    "until",
    "till",
    "through",
    "thru",
    "by",
    "starting",
    "beginning",
    "effective",
];

/// Past verbs that move something to a later date or grant time: "postponed until Tuesday" is a
/// Tuesday to come.
pub const DEFERRAL_VERBS: &[&str] = &[
    "gave",
    "given",
    "postponed",
    "delayed",
    "deferred",
    "adjourned",
    "extended",
    "suspended",
];

/// Words near a weekday that place it in the future ("will meet Friday", "scheduled … Friday").
pub const FUTURE_CUES: &[&str] = &[
    "will",
    "would",
    "shall",
    "plans",
    "plan",
    "planned",
    "planning",
    "scheduled",
    "slated",
    "expected",
    "expects",
    "expect",
    "due",
    "next",
    "upcoming",
    "coming",
    "ahead",
    "await",
    "awaits",
    "awaiting",
    "tomorrow",
    "going",
];

/// Modal verbs: a date in their clause is to come ("storms could arrive Monday"), unless "have"
/// follows ("could have left Monday").
pub const MODAL_CUES: &[&str] = &["could", "might", "may", "should", "must", "can"];

/// Words before a reporting verb that put the reporting itself ahead ("will announce Tuesday",
/// "is expected to say Friday").
pub const REPORTING_FUTURE: &[&str] = &["will", "would", "to", "shall", "’ll", "'ll"];

/// Two-word cues of the future ("set to resume Monday", "is to meet Friday").
pub const FUTURE_PHRASES: &[(&str, &str)] = &[
    ("set", "to"),
    ("to", "be"),
    ("is", "to"),
    ("are", "to"),
    ("going", "to"),
    ("as", "soon"),
    ("as", "early"),
];

/// Words near a weekday that place it in the past or present (besides words ending in "-ed").
pub const PAST_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "was",
    "were",
    "had",
    "did",
    "came",
    "went",
    "met",
    "began",
    "held",
    "made",
    "took",
    "gave",
    "left",
    "won",
    "lost",
    "saw",
    "got",
    "ago",
    "last",
    "earlier",
    "has",
    "have",
    "yesterday",
    "wrote",
    "spoke",
    "sent",
    "ran",
    "fell",
    "rose",
    "hit",
    "struck",
    "knew",
    "found",
    "brought",
    "thought",
    "led",
    "became",
];

/// Verbs that report speech: a weekday just after one ("said Friday …") may date the saying or
/// what is said, so the reported clause decides when it has a tense cue.
pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "announces",
    "wrote",
    "writes",
    "reported",
    "reports",
    "added",
    "adds",
    "stated",
    "declared",
    "noted",
    "insisted",
    "warned",
];

/// Labels in front of the date of an article ("Published Oct. 16, 2025").
pub const DATELINE_LABELS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "dated",
    "date",
    "last updated",
    "first published",
    "modified",
];

/// The value of `word` (lowercase) in a word table.
pub fn lookup<V: Copy>(table: &[(&str, V)], word: &str) -> Option<V> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// The unit named by `word` (lowercase), and whether the word is a plural.
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    UNITS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|&(_, unit, plural)| (unit, plural))
}

/// Whether `word` (lowercase) names a month, weekday, part of day or relative day: a capitalized
/// word of that kind after a date continues the date rather than a name.
pub fn is_temporal_word(word: &str) -> bool {
    lookup(MONTHS, word.trim_end_matches('.')).is_some()
        || lookup(WEEKDAYS, word).is_some()
        || lookup(PARTS_OF_DAY, word).is_some()
        || lookup(RELATIVE_DAYS, word).is_some()
}

/// A regex alternation of `words` (longest first, so "sept" is tried before "sep"), spaces
/// matching any run of white space. `dotted` words may carry a period ("Oct.").
pub fn alternation<'w>(words: impl IntoIterator<Item = &'w str>, dotted: bool) -> String {
    let mut words: Vec<&str> = words.into_iter().collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    let alternatives: Vec<String> = words
        .iter()
        .map(|w| {
            let escaped = regex::escape(w).replace(' ', r"\s+");
            if dotted {
                format!(r"{escaped}\.?")
            } else {
                escaped
            }
        })
        .collect();
    format!("(?:{})", alternatives.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(lookup(MONTHS, "sept"), Some(9));
        assert_eq!(lookup(WEEKDAYS, "thursday"), Some(4));
        assert_eq!(lookup(MONTHS, "thursday"), None);
        assert_eq!(unit("hours"), Some((Unit::Hour, true)));
        assert_eq!(unit("decade"), Some((Unit::Decade, false)));
        assert_eq!(unit("quarters"), Some((Unit::Quarter, true)));
        assert_eq!(unit("fortnight"), None);
    }

    #[test]
    fn alternation_tries_longest_first() {
        assert_eq!(
            alternation(["sep", "sept", "a few"], false),
            r"(?:a\s+few|sept|sep)"
        );
        assert_eq!(alternation(["oct"], true), r"(?:oct\.?)");
    }

    #[test]
    fn tables_are_lowercase_and_units_designate() {
        let words = MONTHS
            .iter()
            .map(|(w, _)| *w)
            .chain(WEEKDAYS.iter().map(|(w, _)| *w))
            .chain(UNITS.iter().map(|(w, _, _)| *w))
            .chain(FUTURE_CUES.iter().copied())
            .chain(DATE_CUES.iter().copied());
        for word in words {
            assert_eq!(word, word.to_lowercase(), "{word}");
        }
        assert_eq!(Unit::Decade.designator(), "DE");
        assert!(Unit::Minute.is_clock() && !Unit::Month.is_clock());
    }
}
