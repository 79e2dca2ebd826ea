//! Tense cues: the words around a date that place it ahead of or behind the article date
//! ("will meet Friday", "postponed until Tuesday", "said Friday").

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

/// Words just before a possessive weekday that await it ("until Friday's deadline", "the
/// upcoming Tuesday's debate"; "ahead of" is checked as two words). Not "before" or "for", as
/// often after the event ("before Friday's close", "blamed for Friday's attack").
pub const POSSESSIVE_AHEAD_CUES: &[&str] = &[
    "until", "till", "upcoming", "coming", "await", "awaits", "awaiting",
];
