//! Tests of the whole dates layer: what it finds in text, with what extent, type and value.

use super::*;
use crate::Kind;

const THURSDAY: &str = "2025-10-16";

/// One tagger for all tests: building one compiles every pattern.
fn tagger() -> &'static DateTagger {
    static TAGGER: std::sync::OnceLock<DateTagger> = std::sync::OnceLock::new();
    TAGGER.get_or_init(DateTagger::new)
}

/// Every span found in `text`, as (text, kind, value).
fn tag(text: &str, reference: Option<&str>) -> Vec<(String, Kind, String)> {
    let reference = reference.map(|r| r.parse::<Date>().unwrap());
    tagger()
        .tag(&Document::new(text), reference)
        .into_iter()
        .map(|s| (s.text, s.kind, s.value.unwrap_or_default()))
        .collect()
}

/// The one span found in `text`, as (text, kind, value); panics unless there is exactly one.
fn one(text: &str, reference: Option<&str>) -> (String, Kind, String) {
    let mut spans = tag(text, reference);
    assert_eq!(spans.len(), 1, "{text:?}: {spans:?}");
    spans.remove(0)
}

fn span(text: &str, kind: Kind, value: &str) -> (String, Kind, String) {
    (text.to_string(), kind, value.to_string())
}

/// The value of the span with text `expression` found in `text` (reference 2025-10-16).
fn value_of(text: &str, expression: &str) -> String {
    tag(text, Some(THURSDAY))
        .into_iter()
        .find(|(t, _, _)| t == expression)
        .unwrap_or_else(|| panic!("{expression:?} not found in {text:?}"))
        .2
}

// ---- The budapest-summit article (reference 2025-10-16, a Thursday) ----

#[test]
fn budapest_summit_sentences() {
    let r = Some(THURSDAY);
    assert_eq!(
        tag("President Trump said Thursday he plans to meet with Russian President Vladimir Putin in Budapest.", r),
        [span("Thursday", Kind::Date, "2025-10-16")]
    );
    assert_eq!(
        tag("“I believe great progress was made with today’s telephone conversation,” Trump wrote, where he also suggested that last week’s breakthrough could help.", r),
        [
            span("today", Kind::Date, "2025-10-16"),
            span("last week", Kind::Date, "2025-W41")
        ]
    );
    assert_eq!(
        tag("The meeting would follow an initial round of meetings between Secretary of State Marco Rubio with Russian counterparts next week at a location to be determined.", r),
        [span("next week", Kind::Date, "2025-W43")]
    );
    assert_eq!(
        tag("The call with Putin, which press secretary Karoline Leavitt said lasted more than two hours, came ahead of Trump’s scheduled White House meeting Friday with Ukrainian President Volodymyr Zelenskyy.", r),
        [
            span("more than two hours", Kind::Duration, "PT2H"),
            span("Friday", Kind::Date, "2025-10-17")
        ]
    );
    assert_eq!(
        tag("Trump, who has been searching for new ways to pressure Putin, announced Wednesday that he’d received a promise from Prime Minister Narendra Modi that India would halt its purchasing of Russian oil, something he noted would take months if not years.", r),
        [
            span("Wednesday", Kind::Date, "2025-10-15"),
            span("months", Kind::Duration, "PXM"),
            span("years", Kind::Duration, "PXY")
        ]
    );
    assert_eq!(
        tag("A bipartisan group of at least 10 lawmakers have signed onto a letter circulating Thursday that urges Trump to act.", r),
        [span("Thursday", Kind::Date, "2025-10-16")]
    );
}

// ---- Weekdays ----

#[test]
fn weekdays_resolve_by_tense() {
    assert_eq!(
        value_of("He said Friday that talks failed.", "Friday"),
        "2025-10-10"
    );
    assert_eq!(value_of("Talks were held Monday.", "Monday"), "2025-10-13");
    assert_eq!(
        value_of("He will travel to Kyiv Monday.", "Monday"),
        "2025-10-20"
    );
    assert_eq!(
        value_of("He would meet Putin Friday.", "Friday"),
        "2025-10-17"
    );
    assert_eq!(
        value_of("The vote is scheduled for Thursday.", "Thursday"),
        "2025-10-16"
    );
    assert_eq!(
        value_of("Talks are set to resume Tuesday.", "Tuesday"),
        "2025-10-21"
    );
    assert_eq!(
        value_of("On Friday, the board will vote.", "Friday"),
        "2025-10-17"
    );
    // Right after a reporting verb, the day is the reporting's, whatever the clause reported.
    assert_eq!(
        value_of(
            "Trump said Friday he would meet Putin in Budapest.",
            "Friday"
        ),
        "2025-10-10"
    );
    // Further on, the reported clause decides.
    assert_eq!(
        value_of("Trump said he would meet Putin Friday.", "Friday"),
        "2025-10-17"
    );
    // No cue: the latest one, as news mostly reports the past.
    assert_eq!(
        value_of("A meeting Wednesday in Paris.", "Wednesday"),
        "2025-10-15"
    );
}

#[test]
fn weekdays_with_modifiers_and_parts_of_day() {
    let r = Some(THURSDAY);
    assert_eq!(
        one("He arrived last Friday.", r),
        span("last Friday", Kind::Date, "2025-10-10")
    );
    assert_eq!(
        one("He arrives next Thursday.", r),
        span("next Thursday", Kind::Date, "2025-10-23")
    );
    assert_eq!(
        one("He left this Monday.", r),
        span("this Monday", Kind::Date, "2025-10-20")
    );
    // A named day's part is kept in the extent; the value is the day.
    assert_eq!(
        one("She was killed Thursday evening.", r),
        span("Thursday evening", Kind::Date, "2025-10-16")
    );
    assert_eq!(
        one("Shots were heard Tuesday night.", r),
        span("Tuesday night", Kind::Date, "2025-10-14")
    );
}

#[test]
fn weekdays_without_reference() {
    assert_eq!(
        one("He said Thursday.", None),
        span("Thursday", Kind::Date, "XXXX-WXX-4")
    );
    assert_eq!(
        one("Talks on Sunday.", None),
        span("Sunday", Kind::Date, "XXXX-WXX-7")
    );
}

#[test]
fn weekdays_in_names_are_not_dates() {
    assert!(
        tag("He wrote for the Sunday Times for years.", Some(THURSDAY))
            .iter()
            .all(|(t, _, _)| t != "Sunday")
    );
    assert_eq!(
        tag(
            "Christians mark Good Friday and Black Friday sales.",
            Some(THURSDAY)
        ),
        []
    );
    assert_eq!(tag("It was super tuesday, a thursday.", Some(THURSDAY)), []);
    // A preposition shows it is a date after all.
    assert_eq!(
        value_of("On Sunday Trump flew home.", "Sunday"),
        "2025-10-12"
    );
}

// ---- Calendar dates ----

#[test]
fn days_without_year_take_the_year_the_context_points_to() {
    // Nearest to the reference when nothing says otherwise.
    assert_eq!(one("It ended Dec. 28.", Some("2025-01-05")).2, "2024-12-28");
    assert_eq!(one("It ends Jan. 2.", Some("2024-12-30")).2, "2025-01-02");
    // A future cue picks the coming one, unless it is only just past.
    assert_eq!(
        one("The vote is to be held on November 20.", Some("2015-05-07")).2,
        "2015-11-20"
    );
    assert_eq!(
        one("The show is to run from January 23.", Some("2014-01-28")).2,
        "2014-01-23"
    );
    assert_eq!(
        one("He died last Oct. 23 at home.", Some("1999-04-19")).2,
        "1998-10-23"
    );
}

#[test]
fn invalid_days_are_not_dates() {
    assert_eq!(
        tag(
            "On Feb. 30, 2025 and April 31 nothing happened.",
            Some(THURSDAY)
        ),
        [span("2025", Kind::Date, "2025")]
    );
    assert_eq!(tag("Filed 2025-13-01 and 13/13/2025.", Some(THURSDAY)), []);
    assert_eq!(tag("Sizes Oct. 18-16 and Jan 2020x.", Some(THURSDAY)), []);
}

#[test]
fn months_alone() {
    let r = Some(THURSDAY);
    assert_eq!(
        one("Sales rose in October.", r),
        span("October", Kind::Date, "2025-10")
    );
    assert_eq!(
        one("Sales rose in October.", None),
        span("October", Kind::Date, "XXXX-10")
    );
    // A past cue picks the latest, a future cue the coming one, no cue the nearest.
    assert_eq!(
        one("He resigned in March.", r),
        span("March", Kind::Date, "2025-03")
    );
    assert_eq!(
        one("Sales fell in December.", r),
        span("December", Kind::Date, "2024-12")
    );
    assert_eq!(
        one("He will resign in December.", r),
        span("December", Kind::Date, "2025-12")
    );
    assert_eq!(
        one("It opens in mid-November.", r),
        span("mid-November", Kind::Date, "2025-11")
    );
    assert_eq!(
        one("The talks resume in January.", Some("2025-11-20")),
        span("January", Kind::Date, "2026-01")
    );
    assert_eq!(
        one("It crashed last February.", r),
        span("last February", Kind::Date, "2025-02")
    );
    assert_eq!(
        one("It crashed last October.", r),
        span("last October", Kind::Date, "2024-10")
    );
    assert_eq!(
        one("It opens next January.", r),
        span("next January", Kind::Date, "2026-01")
    );
    assert_eq!(
        one("It closes this December.", Some("2025-01-10")),
        span("this December", Kind::Date, "2025-12")
    );
}

#[test]
fn may_march_august_need_context() {
    let r = Some(THURSDAY);
    assert_eq!(tag("He may resign. They march on.", r), []);
    assert_eq!(tag("Theresa May said so. May said it again.", r), []);
    assert_eq!(tag("March Madness returns.", r), []);
    assert_eq!(
        tag("Playwright August Wilson wrote it. April Ryan asked.", r),
        []
    );
    assert_eq!(
        one("The vote was held in May.", r),
        span("May", Kind::Date, "2025-05")
    );
    assert_eq!(
        one("It began in early March.", r),
        span("early March", Kind::Date, "2025-03")
    );
    assert_eq!(
        one("It began May 5.", r),
        span("May 5", Kind::Date, "2025-05-05")
    );
    assert_eq!(
        one("It began on March 3, 2020.", r),
        span("March 3, 2020", Kind::Date, "2020-03-03")
    );
    assert_eq!(
        one("Prices rose in August.", r),
        span("August", Kind::Date, "2025-08")
    );
    // Abbreviations alone need a cue too.
    assert_eq!(tag("Jan said no.", r), []);
}

#[test]
fn years() {
    let r = Some(THURSDAY);
    for text in [
        "It happened in 2025.",
        "It has grown since 2025.",
        "The 2025 protests spread.",
        "Fan Expo Canada 2025 in Toronto",
    ] {
        assert_eq!(one(text, r), span("2025", Kind::Date, "2025"), "{text}");
    }
    assert_eq!(one("It was founded in 1848.", r).2, "1848");
    assert_eq!(
        one("Profit fell in fiscal 1989.", r),
        span("fiscal 1989", Kind::Date, "1989")
    );
    // Counts, not years.
    for text in [
        "2,025 people came.",
        "2025 people came.",
        "About 2025 people came.",
        "It cost $2025 in all.",
        "It rose 2025% in all.",
        "A 2000 year old tradition.",
        "It has 1799 members and 2101 fans.",
    ] {
        assert_eq!(tag(text, r), [], "{text}");
    }
}

#[test]
fn decades() {
    assert_eq!(
        one("It grew in the 1990s.", None),
        span("the 1990s", Kind::Date, "199X")
    );
    assert_eq!(
        one("It grew in the late 1970s.", None),
        span("the late 1970s", Kind::Date, "197X")
    );
}

// ---- Relative dates ----

#[test]
fn relative_days() {
    let r = Some(THURSDAY);
    assert_eq!(
        one("He left today.", r),
        span("today", Kind::Date, "2025-10-16")
    );
    assert_eq!(
        one("He left yesterday.", r),
        span("yesterday", Kind::Date, "2025-10-15")
    );
    assert_eq!(
        one("He leaves tomorrow.", r),
        span("tomorrow", Kind::Date, "2025-10-17")
    );
    assert_eq!(
        one("He leaves tonight.", r),
        span("tonight", Kind::Time, "2025-10-16TNI")
    );
    assert_eq!(
        one("He left last night.", r),
        span("last night", Kind::Time, "2025-10-15TNI")
    );
    assert_eq!(
        one("He left yesterday afternoon.", r),
        span("yesterday afternoon", Kind::Date, "2025-10-15")
    );
    assert_eq!(
        one("He left this morning.", r),
        span("this morning", Kind::Time, "2025-10-16TMO")
    );
    assert_eq!(
        one("Prices are high now.", r),
        span("now", Kind::Date, "PRESENT_REF")
    );
}

#[test]
fn relative_days_without_reference_stay_relative() {
    assert_eq!(
        one("He left today.", None),
        span("today", Kind::Date, "PRESENT_REF")
    );
    assert_eq!(
        one("He left yesterday.", None),
        span("yesterday", Kind::Date, "XXXX-XX-XX")
    );
    assert_eq!(
        one("He leaves tomorrow.", None),
        span("tomorrow", Kind::Date, "XXXX-XX-XX")
    );
    assert_eq!(
        one("He leaves tonight.", None),
        span("tonight", Kind::Time, "XXXX-XX-XXTNI")
    );
    assert_eq!(
        one("It rose last week.", None),
        span("last week", Kind::Date, "XXXX-WXX")
    );
    assert_eq!(
        one("It rose last month.", None),
        span("last month", Kind::Date, "XXXX-XX")
    );
    assert_eq!(
        one("It rose last year.", None),
        span("last year", Kind::Date, "XXXX")
    );
    assert_eq!(
        one("It rose two years ago.", None),
        span("two years ago", Kind::Date, "PAST_REF")
    );
}

/// TIMEX3 weeks are ISO weeks (Monday to Sunday), so a Sunday closes "this week".
#[test]
fn weeks_relative_to_a_sunday() {
    let sunday = Some("1998-03-01"); // closes 1998-W09
    assert_eq!(
        one("Prices rose last week.", sunday),
        span("last week", Kind::Date, "1998-W08")
    );
    assert_eq!(
        one("Prices rose this week.", sunday),
        span("this week", Kind::Date, "1998-W09")
    );
    assert_eq!(
        one("Prices rose six weeks ago.", sunday),
        span("six weeks ago", Kind::Date, "1998-W03")
    );
}

/// "The past year" and "the next year" are annotated as calendar years, like "last year".
#[test]
fn the_past_year_is_a_calendar_year() {
    for (text, expression, kind, value) in [
        (
            "It rose over the past year.",
            "the past year",
            Kind::Date,
            "2024",
        ),
        (
            "It closes over the next year.",
            "the next year",
            Kind::Date,
            "2026",
        ),
        (
            "It rose over the past week.",
            "the past week",
            Kind::Duration,
            "P1W",
        ),
        (
            "It rose over the past years.",
            "the past years",
            Kind::Duration,
            "PXY",
        ),
    ] {
        let found = tag(text, Some(THURSDAY))
            .into_iter()
            .find(|(t, _, _)| t == expression);
        assert_eq!(found, Some(span(expression, kind, value)), "{text}");
    }
}

#[test]
fn relative_periods() {
    for (text, expression, value) in [
        ("It rose this week.", "this week", "2025-W42"),
        ("It rose last week.", "last week", "2025-W41"),
        ("It rises next week.", "next week", "2025-W43"),
        ("It rose this month.", "this month", "2025-10"),
        ("It rose last month.", "last month", "2025-09"),
        ("It rises next month.", "next month", "2025-11"),
        ("It rose this year.", "this year", "2025"),
        ("It rose last year.", "last year", "2024"),
        ("It rises next year.", "next year", "2026"),
        ("It rose earlier this year.", "earlier this year", "2025"),
        ("It rose late last year.", "late last year", "2024"),
        ("It opens this weekend.", "this weekend", "2025-W42-WE"),
        ("It rose last quarter.", "last quarter", "2025-Q3"),
        ("It rose this past week.", "this past week", "2025-W41"),
        ("It fell last fall.", "last fall", "2024-FA"),
        ("It fell last summer.", "last summer", "2025-SU"),
        (
            "It fell in the spring of 2020.",
            "the spring of 2020",
            "2020-SP",
        ),
        ("It fell two years ago.", "two years ago", "2023"),
        ("It fell three months ago.", "three months ago", "2025-07"),
        ("It fell five days ago.", "five days ago", "2025-10-11"),
        ("It fell a decade ago.", "a decade ago", "2015"),
        ("It fell years ago.", "years ago", "PAST_REF"),
        (
            "Over the weekend, talks stalled.",
            "the weekend",
            "2025-W41-WE",
        ),
        (
            "It rose in the third quarter.",
            "the third quarter",
            "2025-Q3",
        ),
        ("Third-quarter profit rose.", "Third-quarter", "2025-Q3"),
        (
            "It rose in the fourth quarter of 2024.",
            "the fourth quarter of 2024",
            "2024-Q4",
        ),
        ("It ends by the end of 2026.", "the end of 2026", "2026"),
        (
            "It ends at the end of this week.",
            "the end of this week",
            "2025-W42",
        ),
        (
            "It began in the middle of October.",
            "the middle of October",
            "2025-10",
        ),
        (
            "It began at the beginning of May.",
            "the beginning of May",
            "2025-05",
        ),
        ("He called late yesterday.", "late yesterday", "2025-10-15"),
        ("It fell two quarters ago.", "two quarters ago", "2025-04"),
        ("It was recently sold.", "recently", "PAST_REF"),
        ("It will be sold soon.", "soon", "FUTURE_REF"),
        ("Nobody knows the future.", "the future", "FUTURE_REF"),
        ("It grew in recent years.", "recent years", "PXY"),
        ("It fell in recent months.", "recent months", "PXM"),
    ] {
        assert_eq!(value_of(text, expression), value, "{text}");
    }
}

#[test]
fn titles_and_idioms_are_not_dates() {
    let r = Some(THURSDAY);
    assert_eq!(tag("He spoke on ABC's “This Week” program.", r), []);
    assert_eq!(tag("He said so on “60 Minutes” again.", r), []);
    assert_eq!(tag("Call as soon as possible.", r), []);
}

// ---- Durations and sets ----

#[test]
fn durations() {
    let r = Some(THURSDAY);
    for (text, expression, value) in [
        ("It lasted two hours.", "two hours", "PT2H"),
        ("It lasted 10 years.", "10 years", "P10Y"),
        ("It lasted three days.", "three days", "P3D"),
        ("It lasted 30 minutes.", "30 minutes", "PT30M"),
        ("It lasted twenty-four hours.", "twenty-four hours", "PT24H"),
        ("It lasted twenty four hours.", "twenty four hours", "PT24H"),
        (
            "It lasted more than two hours.",
            "more than two hours",
            "PT2H",
        ),
        (
            "It lasted nearly forty years.",
            "nearly forty years",
            "P40Y",
        ),
        ("It took 1.5 hours.", "1.5 hours", "PT1.5H"),
        ("It took two decades.", "two decades", "P20Y"),
        ("It took several years.", "several years", "PXY"),
        ("It took a few weeks.", "a few weeks", "PXW"),
        ("It took a couple of days.", "a couple of days", "P2D"),
        ("It took months.", "months", "PXM"),
        ("It took decades.", "decades", "PXY"),
        (
            "Prices rose in the past three months.",
            "the past three months",
            "P3M",
        ),
        (
            "Profit rose in the first nine months.",
            "the first nine months",
            "P9M",
        ),
        (
            "It will take the next two weeks.",
            "the next two weeks",
            "P2W",
        ),
        ("It rose over the past week.", "the past week", "P1W"),
        ("He served for a year.", "a year", "P1Y"),
        ("It ran a 30-second ad.", "30-second", "PT30S"),
        ("It took one second to load.", "one second", "PT1S"),
        ("It took 1 second.", "1 second", "PT1S"),
        ("It was a 10-year program.", "10-year", "P10Y"),
        (
            "It stayed for at least 20 more years.",
            "at least 20 more years",
            "P20Y",
        ),
        ("Profit rose in the nine months.", "the nine months", "P9M"),
        (
            "It lost money in the past two quarters.",
            "the past two quarters",
            "P2Q",
        ),
        (
            "It lost money for several quarters.",
            "several quarters",
            "PXQ",
        ),
    ] {
        let found = tag(text, r);
        assert_eq!(found, [span(expression, Kind::Duration, value)], "{text}");
    }
}

#[test]
fn not_durations() {
    let r = Some(THURSDAY);
    for text in [
        "He won a second term.",
        "It is the second time.",
        "He came second.",
        "He won one second prize.",
        "Islam will one day be the largest.",
        "He is 52 years old.",
        "The 6-year-old boy smiled.",
        "A day after the vote, he left.",
        "It is open during business hours.",
        "He watched Happy Days.",
        "He won a quarter of the vote.",
        "The headquarters and living quarters.",
    ] {
        assert_eq!(tag(text, r), [], "{text}");
    }
    // "$5 million a year" is a rate: a set.
    assert_eq!(
        one("It saves $5 million a year.", r),
        span("a year", Kind::Set, "P1Y")
    );
}

#[test]
fn sets() {
    let r = Some(THURSDAY);
    assert_eq!(
        one("They meet every day.", r),
        span("every day", Kind::Set, "P1D")
    );
    assert_eq!(
        one("They meet every two weeks.", r),
        span("every two weeks", Kind::Set, "P2W")
    );
    assert_eq!(
        one("They meet every other day.", r),
        span("every other day", Kind::Set, "P2D")
    );
    assert_eq!(
        one("They meet each Monday.", r),
        span("each Monday", Kind::Set, "XXXX-WXX-1")
    );
    assert_eq!(
        one("They meet on Fridays.", r),
        span("Fridays", Kind::Set, "XXXX-WXX-5")
    );
    assert_eq!(
        one("They meet weekly.", r),
        span("weekly", Kind::Set, "P1W")
    );
    assert_eq!(
        one("It pays every quarter.", r),
        span("every quarter", Kind::Set, "P1Q")
    );
    assert_eq!(
        one("It is paid annually.", r),
        span("annually", Kind::Set, "P1Y")
    );
}

// ---- Clock times ----

#[test]
fn clock_times() {
    let r = Some(THURSDAY);
    assert_eq!(
        one("It began at 10:30 a.m.", r),
        span("10:30 a.m.", Kind::Time, "2025-10-16T10:30")
    );
    assert_eq!(
        one("It began at 3 PM.", r),
        span("3 PM", Kind::Time, "2025-10-16T15:00")
    );
    assert_eq!(
        one("It began at 15:00.", r),
        span("15:00", Kind::Time, "2025-10-16T15:00")
    );
    assert_eq!(
        one("It began 15:11 GMT.", r),
        span("15:11 GMT", Kind::Time, "2025-10-16T15:11")
    );
    assert_eq!(
        one("It began at 6:00am.", None),
        span("6:00am", Kind::Time, "XXXX-XX-XXT06:00")
    );
    assert_eq!(
        one("He was shot at 10 p.m. Wednesday.", r),
        span("10 p.m. Wednesday", Kind::Time, "2025-10-15T22:00")
    );
    assert_eq!(
        one("Talks broke off at noon Thursday.", r),
        span("noon Thursday", Kind::Time, "2025-10-16T12:00")
    );
    assert_eq!(
        one("The offer runs until 5 p.m. EST, Nov. 6.", r),
        span("5 p.m. EST, Nov. 6", Kind::Time, "2025-11-06T17:00")
    );
    // Scores and verses are not times.
    assert_eq!(tag("It was high noon in “High Noon”.", r), []);
    assert_eq!(tag("They won 2:30 and read John 3:16.", r), []);
}

// ---- Extents ----

#[test]
fn extents_leave_out_prepositions_and_possessives() {
    let r = Some(THURSDAY);
    assert_eq!(one("It was signed on Thursday.", r).0, "Thursday");
    assert_eq!(one("Last week’s deal held.", r).0, "Last week");
    assert_eq!(one("Today's talks failed.", r).0, "Today");
    assert_eq!(one("It fell in 2024.", r).0, "2024");
}

#[test]
fn spans_are_sorted_disjoint_and_on_char_boundaries() {
    let text = "😀 On Thursday, 16 October 2025, at 10:30 a.m. — more than two hours after \
                yesterday’s call — café owners said last week\r\nnext year e\u{301}te\u{301} \
                2025 people in May 2025 and now.";
    let document = Document::new(text);
    let spans = tagger().tag(&document, Some(THURSDAY.parse().unwrap()));
    let texts: Vec<&str> = spans.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Thursday, 16 October 2025",
            "10:30 a.m.",
            "more than two hours",
            "yesterday",
            "last week",
            "next year",
            "May 2025",
            "now"
        ]
    );
    for pair in spans.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
    for span in &spans {
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(&text[span.start..span.end], span.text);
        assert_eq!(span.kind.layer(), crate::Layer::Dates);
    }
}

#[test]
fn odd_input_never_panics() {
    let tagger = tagger();
    let reference = Some(THURSDAY.parse().unwrap());
    for text in [
        "",
        " ",
        "\r\n\r\n",
        "😀😀😀",
        "May",
        "in",
        "the past",
        "9999-12-31 0000-00-00 12/31/9999",
        "Oct. 99, 99999",
        "Ｔｈｕｒｓｄａｙ ٢٠٢٥ ১৬ October ২০২৫",
        "e\u{301} Thursday\u{301} May\u{301} 5",
        "a.m. p.m. 99:99 24:00 0:00 am pm",
        "every every every day day day",
        "the the the next next next week",
    ] {
        let document = Document::new(text);
        let spans = tagger.tag(&document, reference);
        for span in &spans {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        tagger.tag(&document, None);
        tagger.dateline(&document);
    }
    // Years near the ends of the calendar do not overflow.
    let end = Some("9999-12-31".parse().unwrap());
    let spans = tagger.tag(
        &Document::new("next week, next year, tomorrow, Dec. 31"),
        end,
    );
    assert!(!spans.is_empty());
    let start = Some("0001-01-01".parse().unwrap());
    tagger.tag(
        &Document::new("last week, last year, yesterday, Jan. 1, 2 years ago"),
        start,
    );
}

#[test]
fn long_text_is_tagged_whole() {
    let paragraph = "Trump said Thursday he would meet Putin next week. 😀 The talks lasted \
                     two hours, since 1990 — café, 2025 people.\r\n";
    let text = paragraph.repeat(2_000);
    let spans = tagger().tag(&Document::new(&text), Some(THURSDAY.parse().unwrap()));
    assert_eq!(spans.len(), 4 * 2_000);
    assert_eq!(spans.last().unwrap().text, "1990");
}

#[test]
fn dateline_of_a_document() {
    let tagger = tagger();
    let text = "Headline here\nThursday, October 16, 2025\nTrump said Thursday.";
    let (date, extent) = tagger.dateline(&Document::new(text)).unwrap();
    assert_eq!(date.to_string(), "2025-10-16");
    assert_eq!(
        &text[extent.start..extent.end],
        "Thursday, October 16, 2025"
    );
    assert_eq!(
        tagger.dateline(&Document::new("WASHINGTON (AP) — Trump said.")),
        None
    );
}

// The tables of forms (issue 4's, calendar forms, forms without a reference, words that only
// look temporal) are golden cases in tests/golden/dates.json, run by the Rust and JS tests.

#[test]
fn last_summer_seen_from_spring() {
    assert_eq!(
        one("It rained last summer.", Some("2025-04-10")),
        span("last summer", Kind::Date, "2024-SU")
    );
}

#[test]
fn a_plan_as_a_noun_is_no_future_cue() {
    assert_eq!(
        value_of("The company announced the plan Tuesday.", "Tuesday"),
        "2025-10-14"
    );
    assert_eq!(
        value_of("He plans to leave Tuesday.", "Tuesday"),
        "2025-10-21"
    );
}

#[test]
fn plans_in_the_past_perfect_are_past() {
    assert_eq!(
        value_of(
            "He said the contract had been due to expire Friday.",
            "Friday"
        ),
        "2025-10-10"
    );
    assert_eq!(
        value_of("He said the contract is due to expire Friday.", "Friday"),
        "2025-10-17"
    );
}

#[test]
fn anaphoric_quarters_follow_the_quarter_last_mentioned() {
    let text = "Profit rose 5% in the second quarter. Sales in the quarter were flat, \
                after a loss a year earlier. The year-ago quarter had a charge.";
    assert_eq!(
        tag(text, Some(THURSDAY)),
        [
            span("the second quarter", Kind::Date, "2025-Q2"),
            span("the quarter", Kind::Date, "2025-Q2"),
            span("a year earlier", Kind::Date, "2024-Q2"),
            span("The year-ago quarter", Kind::Date, "2024-Q2"),
        ]
    );
    // With no quarter mentioned, "a year earlier" is the year before.
    assert_eq!(
        value_of("It fell from a year earlier.", "a year earlier"),
        "2024"
    );
    // "the latest quarter" alone is the last one ended.
    assert_eq!(
        value_of("Sales fell in the latest quarter.", "the latest quarter"),
        "2025-Q3"
    );
    // ... even after a coming quarter was spoken of, which "the quarter" would refer to.
    assert_eq!(
        value_of(
            "It expects a fourth-quarter charge. Sales fell in the latest quarter.",
            "the latest quarter"
        ),
        "2025-Q3"
    );
}

#[test]
fn the_next_day_follows_the_date_last_mentioned() {
    assert_eq!(
        tag(
            "The talks began on March 3, 2020. The next day they ended.",
            Some(THURSDAY)
        ),
        [
            span("March 3, 2020", Kind::Date, "2020-03-03"),
            span("The next day", Kind::Date, "2020-03-04"),
        ]
    );
}

#[test]
fn datelines_and_published_lines() {
    let tagger = tagger();
    let found = |text: &str| {
        tagger
            .dateline(&Document::new(text))
            .map(|(date, extent)| (date.to_string(), text[extent.start..extent.end].to_string()))
    };
    assert_eq!(
        found("Headline\nFriday, July 21, 2017\nThe mayor said Friday."),
        Some((
            "2017-07-21".to_string(),
            "Friday, July 21, 2017".to_string()
        ))
    );
    assert_eq!(
        found("Headline\nPublished Oct. 16, 2025\nThe mayor spoke."),
        Some(("2025-10-16".to_string(), "Oct. 16, 2025".to_string()))
    );
    assert_eq!(
        found("LONDON 1996-08-30\nShares rose on Friday."),
        Some(("1996-08-30".to_string(), "1996-08-30".to_string()))
    );
    assert_eq!(found("WASHINGTON (AP) — The president said Friday."), None);
    assert_eq!(
        found("The mayor said on Oct. 16, 2025 that taxes rise."),
        None
    );
}

// ---- Where rules are tried ----

#[test]
fn word_lists_begin_with_a_letter_or_digit() {
    // Rules are only tried at ASCII word starts (`DateTagger::match_starts`).
    for (name, words) in rules::placeholders() {
        let firsts = words.split('|').map(|w| {
            w.trim_start_matches("(?-i:")
                .trim_start_matches(['(', '?', ':'])
                .chars()
                .next()
        });
        for first in firsts {
            assert!(
                first.is_some_and(|c| c.is_ascii_alphanumeric() || c == '['),
                "{name}"
            );
        }
    }
}

#[test]
fn word_starts_find_what_a_whole_text_scan_finds() {
    let text = "Mayor Mayhew said on Oct. 16-18, 2025 at 10:30 a.m. EST, two weeks ago, that \
                the year-ago quarter's 3rd-quarter results, the 1990s, mid-March and 10/16/2025 \
                (Q3 2024) came twenty-four hours a day, every other Monday, this past weekend.";
    let starts = tagger().match_starts(text);
    for (rank, compiled) in tagger().rules.iter().enumerate() {
        let scanning = tagger().regex(compiled, false);
        let whole =
            |offset: usize, m: Captures| m.get(0).map(|m| offset + m.start()..offset + m.end());
        let scanned: Vec<_> = scanning.captures_iter(text).map(|m| whole(0, m)).collect();
        let anchored = tagger().regex(compiled, true);
        let tried: Vec<_> = matches_at(anchored, text, &starts[rank])
            .map(|(offset, m)| whole(offset, m))
            .collect();
        assert_eq!(scanned, tried, "{}", compiled.rule.name);
    }
}

#[test]
fn rules_match_whatever_the_case() {
    assert_eq!(
        one("IT FELL TWO WEEKS AGO.", Some(THURSDAY)),
        span("TWO WEEKS AGO", Kind::Date, "2025-W40")
    );
    // A long s folds to "s" in the patterns: patterns then scan the whole text.
    assert_eq!(
        one("Sales rose over the paſt year.", Some(THURSDAY)),
        span("the paſt year", Kind::Date, "2024")
    );
}
