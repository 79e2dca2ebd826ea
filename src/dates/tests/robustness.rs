//! Extents on any text: sorted, disjoint, on character boundaries; odd input never panics.

use super::*;

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
