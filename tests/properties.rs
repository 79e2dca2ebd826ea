//! Property tests: on random Unicode text (news-like words mixed with quote marks, capitals,
//! digits, CRLF, control characters and emoji) and random options, `analyze` never panics and its
//! result satisfies `tests/invariants`.

mod invariants;

use std::sync::OnceLock;

use newsmark::{Analyzer, Date, Layer, Options};
use proptest::prelude::*;

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| Analyzer::new(Options::default()))
}

/// Pieces that wake the layers up, so random texts reach deep into them.
const WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "Trump",
    "Vladimir Putin",
    "Mr.",
    "Dr.",
    "President",
    "the",
    "of",
    "in",
    "New York",
    "Budapest",
    "Inc.",
    "Ministry",
    "U.S.",
    "Monday",
    "Thursday",
    "next week",
    "last year",
    "January",
    "Jan.",
    "5",
    "2025",
    "1999",
    "10:30 a.m.",
    "p.m.",
    "two hours",
    "every day",
    "today",
    "tonight",
    "spring",
    "the 1990s",
    "ago",
    "since",
    "By",
    "(Reuters) -",
    "WASHINGTON",
    "—",
    "–",
    "-",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "'",
    "’",
    "‘",
    "\"",
    "“",
    "”",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "「",
    "」",
    "\r\n",
    "\n\n",
    "\t",
    "\0",
    "\u{1}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "\u{200b}",
    "😀",
    "👩‍👩‍👧",
    "🇺🇸",
    "é",
    "e\u{301}",
    "İ",
    "ß",
    "ﬁ",
    "Σ",
    "東京",
    "Москва",
    "مرحبا",
    "𝔘",
    "McDonald",
    "O'Brien",
    "al-Assad",
    "von",
    "de la",
    "Jr.",
    "II",
    "NASA",
    "COVID-19",
    "Q3",
    "FY2024",
    "2025-10-16",
    "10/16/2025",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_string),
        2 => "[A-Z][a-z]{0,8}",
        1 => "[0-9]{1,5}",
        1 => " {1,3}",
        1 => any::<char>().prop_map(String::from),
        1 => "\\PC{0,6}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), prop::sample::select(&[" ", " ", "", "\n"][..])),
        0..80,
    )
    .prop_map(|parts| parts.into_iter().map(|(p, sep)| p + sep).collect())
}

fn options() -> impl Strategy<Value = Options> {
    (
        prop::array::uniform3(any::<bool>()),
        prop::option::of((1800i32..2200, 1u32..13, 1u32..32)),
    )
        .prop_map(|(wanted, date)| Options {
            layers: Layer::ALL
                .into_iter()
                .zip(wanted)
                .filter(|&(_, on)| on)
                .map(|(layer, _)| layer)
                .collect(),
            reference_date: date.and_then(|(y, m, d)| Date::new(y, m, d)),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn news_like_text_keeps_the_invariants(text in text(), options in options()) {
        let analysis = analyzer().analyze_with(&text, &options);
        invariants::check(&text, &options, &analysis);
    }

    #[test]
    fn any_unicode_keeps_the_invariants(text in "\\PC{0,300}|.{0,300}", options in options()) {
        let analysis = analyzer().analyze_with(&text, &options);
        invariants::check(&text, &options, &analysis);
    }

    #[test]
    fn all_layers_at_once_equal_the_layers_one_by_one(text in text()) {
        // A layer's spans do not depend on which other layers run (quotes always get entities).
        let all = analyzer().analyze_with(&text, &Options::default());
        for layer in Layer::ALL {
            let alone = analyzer().analyze_with(&text, &Options { layers: vec![layer], ..Options::default() });
            // Alone, the quotes layer has no entities for a speaker to point at.
            let from_all: Vec<_> = all.spans.iter().filter(|s| s.kind.layer() == layer).cloned().map(|mut s| {
                if layer == Layer::Quotes {
                    if let Some(speaker) = &mut s.speaker {
                        speaker.entity = None;
                    }
                }
                s
            }).collect();
            let from_alone: Vec<_> = alone.spans.to_vec();
            prop_assert_eq!(from_all, from_alone);
        }
    }
}

/// Issue 17, defect 2: with the quotes layer alone, a speaker pointed at entity 0 of an empty
/// entity list.
#[test]
fn a_speaker_names_no_entity_when_the_entities_layer_is_off() {
    let text = "Donald Trump said, “We will win.”";
    let quotes_only = Options {
        layers: vec![Layer::Quotes],
        ..Options::default()
    };
    let analysis = analyzer().analyze_with(text, &quotes_only);
    let speaker = analysis.spans[0].speaker.as_ref().expect("attributed");
    assert_eq!(speaker.text, "Donald Trump");
    assert_eq!(speaker.entity, None);
    assert!(analysis.entities.is_empty());
    invariants::check(text, &quotes_only, &analysis);
    // With the entities layer the link is there.
    let all = analyzer().analyze(text);
    let quote = all.spans.iter().find(|s| s.speaker.is_some()).unwrap();
    assert!(quote.speaker.as_ref().unwrap().entity.is_some());
}
