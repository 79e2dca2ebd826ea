//! Context words of the dates layer: the words around a number, month, weekday or clock time
//! that make it a date or not ("in May", "a 2016 report", "about 2025 people"), and the labels
//! in front of an article's date.

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

/// Words just before a month name alone that make it a date even when the name is also an
/// everyday word ("in May", "since March"). A year takes these and [`YEAR_CUES`] too.
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

/// Words just before a bare year that make it a date besides [`MONTH_CUES`] ("to 1990", "and
/// 2024"); too loose for a month name, which may be a name ("and May").
pub const YEAR_CUES: &[&str] = &[
    "to", "and", "or", "on", "circa", "fiscal", "’s", "'s", "spring", "summer", "fall", "autumn",
    "winter", "year", "season", "within", "into", "past",
];

/// Whether `word` (lowercase) just before a bare year makes it a date ("in 1990", "since 1990").
pub fn is_year_cue(word: &str) -> bool {
    MONTH_CUES.contains(&word) || YEAR_CUES.contains(&word)
}

/// Words just before a weekday that show it is a date even when a capitalized word follows ("on
/// Sunday Trump flew"), unlike "the Sunday Times".
pub const WEEKDAY_CUES: &[&str] = &[
    "on", "by", "until", "till", "since", "from", "through", "before", "after", "every", "each",
    "last", "next", "this", "that", "early", "late", "and", "or", "said", "says",
];

/// Nouns before "of" that make the units after them a vague quantity or an idiom rather than a
/// length of time: "hundreds of years", "a matter of days".
pub const MULTITUDE_NOUNS: &[&str] = &["matter", "hundreds", "thousands", "millions", "dozens"];

/// Kinds of day an amount may count, inside the duration ("eight trading days" is `P8D`).
pub const COUNTED_DAY_KINDS: &[&str] = &["trading", "business", "working", "school"];

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
    "by",
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
/// Verbs that grant time to someone ("offered him a week to withdraw", "gave them a day"): "a
/// week" after them and their object is a length.
pub const GRANTING_VERBS: &[&str] = &[
    "gave", "give", "gives", "given", "giving", "offered", "offer", "offers", "granted", "grant",
    "allowed", "allow", "allows",
];

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

/// Adjectives of quantity between a determiner and a number: the number they qualify is a count
/// ("an estimated 2000 people", "a further 1500 jobs", "the first 2000 votes"), not a year.
pub const QUANTITY_ADJECTIVES: &[&str] = &[
    "estimated",
    "further",
    "remaining",
    "total",
    "whopping",
    "mere",
    "other",
    "additional",
    "extra",
    "average",
    "record",
    "first",
    "last",
    "next",
    "final",
    "reported",
    "expected",
    "staggering",
    "massive",
    "huge",
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
