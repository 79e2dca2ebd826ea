//! Pathological inputs: each is analyzed without panicking and the result keeps the invariants.
//! Sizes are modest so `cargo test` stays fast; no timing is asserted (the 10 MB case and the
//! growth with size are measured by `examples/bench.rs`).

mod invariants;

use std::sync::OnceLock;

use newsmark::{Analysis, Analyzer, Options};

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| Analyzer::new(Options::default()))
}

fn analyze(text: &str) -> Analysis {
    let options = Options::default();
    let analysis = analyzer().analyze_with(text, &options);
    invariants::check(text, &options, &analysis);
    analysis
}

const SENTENCE: &str =
    "“We will meet in Budapest next week,” President Donald Trump said on Thursday, \
                        according to Reuters. ";

#[test]
fn one_megabyte_line() {
    // No newline at all: one paragraph, one line.
    let text = SENTENCE.repeat(1_000_000 / SENTENCE.len() + 1);
    let analysis = analyze(&text);
    assert!(analysis.spans.iter().any(|s| s.text == "Budapest"));
}

#[test]
fn one_megabyte_line_without_sentence_ends() {
    let text = "word Word, ".repeat(100_000);
    analyze(&text);
}

#[test]
fn hundred_thousand_quote_marks() {
    for mark in ["\"", "“", "”", "'", "«", "„"] {
        analyze(&mark.repeat(100_000));
    }
    analyze(&"“”".repeat(50_000));
    analyze(&"\" said Trump \"".repeat(10_000));
}

#[test]
fn unclosed_quotes() {
    analyze("“We will never surrender, Churchill said. And the speech went on and on");
    analyze(&"“Unclosed, said Smith. ".repeat(5_000));
    analyze(&"He said “no. ".repeat(5_000));
    analyze("\"");
    analyze("”Closed before it opened,” Mr. Jones said.”");
}

#[test]
fn deep_nesting_of_quote_marks() {
    let depth = 10_000;
    let mut text = String::new();
    for i in 0..depth {
        text.push_str(["“", "‘", "«", "\"", "'", "„"][i % 6]);
        text.push_str("He said ");
    }
    for i in (0..depth).rev() {
        text.push_str(" word");
        text.push_str(["”", "’", "»", "\"", "'", "“"][i % 6]);
    }
    text.push_str(" Trump said.");
    analyze(&text);
}

#[test]
fn all_caps() {
    let text = "WASHINGTON (REUTERS) - PRESIDENT DONALD TRUMP SAID ON THURSDAY HE WOULD MEET \
                VLADIMIR PUTIN IN BUDAPEST NEXT WEEK. "
        .repeat(2_000);
    analyze(&text);
    analyze(&"A".repeat(100_000));
    analyze(&"ABC DEF ".repeat(20_000));
}

#[test]
fn only_digits() {
    analyze(&"0123456789".repeat(20_000));
    analyze(&"2025 ".repeat(20_000));
    analyze(&"12/31/2025 10:30 ".repeat(5_000));
    analyze(&"1".repeat(100_000));
}

#[test]
fn only_punctuation() {
    analyze(&".".repeat(100_000));
    analyze(&"-".repeat(100_000));
    analyze(&"!?.,;:—–()[]{}/\\&%$#@*".repeat(5_000));
    analyze(&"... ".repeat(25_000));
}

#[test]
fn nul_and_control_characters() {
    let controls: String = (0u8..32)
        .map(char::from)
        .chain(['\u{7f}', '\u{85}'])
        .collect();
    analyze(&controls.repeat(3_000));
    analyze(&"\0".repeat(100_000));
    analyze(&format!(
        "Trump\0said\0“hi\0”\0on\0Monday.\r\n{controls}Putin said."
    ));
    analyze(&"\r\n".repeat(50_000));
    analyze(&"\r".repeat(50_000));
}

#[test]
fn emoji_and_combining_marks() {
    analyze(&"👩‍👩‍👧🇺🇸e\u{301}\u{301}\u{301}".repeat(10_000));
    analyze(&"\u{301}".repeat(50_000));
    analyze(&"“😀,” 😀 said on 😀day. ".repeat(5_000));
}

#[test]
fn empty_and_whitespace() {
    for text in ["", " ", "\n", "\r\n", "\t", "\u{feff}", "\u{a0}"] {
        let analysis = analyze(text);
        assert!(analysis.spans.is_empty());
    }
    analyze(&" ".repeat(100_000));
    analyze(&"\n".repeat(100_000));
}

#[test]
fn long_words_and_long_names() {
    analyze(&"a".repeat(200_000));
    analyze(&"Aa".repeat(100_000));
    analyze(&"Smith ".repeat(20_000));
    analyze(&"Mr. ".repeat(20_000));
    analyze(&"January ".repeat(20_000));
    analyze(&"said ".repeat(20_000));
}

/// Found by `cargo fuzz`: a two-word name ending the text, followed by another mention, made the
/// entity grouper read the token after the last one (acronym check out of bounds).
#[test]
fn fuzz_regression_name_at_the_end_of_the_tokens() {
    let options = Options {
        layers: vec![newsmark::Layer::Entities, newsmark::Layer::Dates],
        ..Options::default()
    };
    let text = "SSo\nK\u{1d}SSo\nSSo";
    let analysis = analyzer().analyze_with(text, &options);
    invariants::check(text, &options, &analysis);
    analyze(text);
}
