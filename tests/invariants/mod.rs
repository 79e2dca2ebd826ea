//! What every analysis must satisfy, whatever the text: shared by `tests/properties.rs`,
//! `tests/pathological.rs` and the fuzz target (`fuzz/`, which includes this file by path).

use newsmark::offsets::{convert_analysis, Unit};
use newsmark::{Analysis, Kind, Layer, Options};

fn check_extent(text: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end, "{what}: start {start} > end {end}");
    assert!(
        end <= text.len(),
        "{what}: end {end} past the text ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(start),
        "{what}: start {start} inside a character"
    );
    assert!(
        text.is_char_boundary(end),
        "{what}: end {end} inside a character"
    );
}

/// Checks `analysis` (byte offsets) of `text`, made with `options`; panics on any violation.
pub fn check(text: &str, options: &Options, analysis: &Analysis) {
    for span in &analysis.spans {
        check_extent(text, span.start, span.end, "span");
        assert!(span.start < span.end, "empty span at {}", span.start);
        assert_eq!(span.text, text[span.start..span.end], "span text");
        assert!(
            options.layers.contains(&span.kind.layer()),
            "a {:?} span from a layer not asked for",
            span.kind
        );
        if let Some(speaker) = &span.speaker {
            check_extent(text, speaker.start, speaker.end, "speaker");
            assert_eq!(
                speaker.text,
                text[speaker.start..speaker.end],
                "speaker text"
            );
            if let Some(id) = speaker.entity {
                assert!(
                    options.layers.contains(&Layer::Entities),
                    "speaker entity {id} without the entities layer"
                );
                assert!(
                    id < analysis.entities.len(),
                    "speaker entity {id} out of range"
                );
            }
        }
        if span.kind.is_entity() {
            let id = span.entity.expect("entity span without an entity index");
            assert!(
                id < analysis.entities.len(),
                "entity index {id} out of range"
            );
        }
    }
    for pair in analysis.spans.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            a.start < b.start || (a.start == b.start && a.end >= b.end),
            "spans not sorted: {}..{} before {}..{}",
            a.start,
            a.end,
            b.start,
            b.end
        );
    }
    for (class, is_class) in [
        ("entities", Kind::is_entity as fn(Kind) -> bool),
        ("dates", Kind::is_temporal as fn(Kind) -> bool),
    ] {
        let spans: Vec<_> = analysis.spans.iter().filter(|s| is_class(s.kind)).collect();
        for pair in spans.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "{class} overlap: {:?} {}..{} and {:?} {}..{}",
                pair[0].text,
                pair[0].start,
                pair[0].end,
                pair[1].text,
                pair[1].start,
                pair[1].end
            );
        }
    }
    for (i, entity) in analysis.entities.iter().enumerate() {
        assert_eq!(entity.id, i, "entity ids in order");
        assert!(!entity.mentions.is_empty(), "entity without a mention");
        for mention in &entity.mentions {
            check_extent(text, mention.start, mention.end, "mention");
        }
    }
    if let Some(reference) = &analysis.reference_date {
        if let (Some(start), Some(end)) = (reference.start, reference.end) {
            check_extent(text, start, end, "dateline");
        }
    }
    check_utf16(text, analysis);
}

/// The offsets converted to UTF-16 (as the wasm binding does) agree with a direct count.
pub fn check_utf16(text: &str, analysis: &Analysis) {
    let mut converted = analysis.clone();
    convert_analysis(text, &mut converted, Unit::Utf16);
    // UTF-16 length of every prefix, counted directly (one pass, so big texts stay linear).
    let mut prefix = vec![0; text.len() + 1];
    for (byte, c) in text.char_indices() {
        for i in byte + 1..=byte + c.len_utf8() {
            prefix[i] = prefix[byte] + c.len_utf16();
        }
    }
    debug_assert_eq!(prefix[text.len()], text.encode_utf16().count());
    let utf16 = |byte: usize| prefix[byte];
    for (span, unit) in analysis.spans.iter().zip(&converted.spans) {
        assert_eq!(unit.start, utf16(span.start), "UTF-16 start");
        assert_eq!(unit.end, utf16(span.end), "UTF-16 end");
        if let (Some(s), Some(u)) = (&span.speaker, &unit.speaker) {
            assert_eq!(
                (u.start, u.end),
                (utf16(s.start), utf16(s.end)),
                "UTF-16 speaker"
            );
        }
    }
}
