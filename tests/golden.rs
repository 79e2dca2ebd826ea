//! Golden cases from `tests/golden/*.json`, the same files the JS tests read.

use std::fs;
use std::path::Path;

use newsmark::{Analysis, Analyzer, Kind, Options, Span};
use serde_json::Value;

fn load_cases() -> Vec<Value> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut paths: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let mut cases = Vec::new();
    for path in paths {
        let file: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        cases.extend(file["cases"].as_array().unwrap().iter().cloned());
    }
    assert!(!cases.is_empty(), "no golden cases in {}", folder.display());
    cases
}

fn case_text(case: &Value) -> String {
    match case["file"].as_str() {
        Some(path) => fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
            .unwrap_or_else(|e| panic!("{path}: {e}")),
        None => case["text"].as_str().unwrap().to_string(),
    }
}

fn kind_name(kind: Kind) -> String {
    serde_json::to_value(kind)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

fn quote_name(kind: newsmark::QuoteKind) -> String {
    serde_json::to_value(kind)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

fn text_matches(span: &Span, item: &Value) -> bool {
    match (item["text"].as_str(), item["textStartsWith"].as_str()) {
        (Some(text), _) => span.text == text,
        (None, Some(prefix)) => span.text.starts_with(prefix),
        (None, None) => false,
    }
}

fn optional_field_matches(item: &Value, key: &str, actual: Option<&str>) -> bool {
    item[key].as_str().is_none_or(|want| actual == Some(want))
}

fn matches(span: &Span, item: &Value) -> bool {
    text_matches(span, item)
        && optional_field_matches(item, "kind", Some(&kind_name(span.kind)))
        && optional_field_matches(item, "value", span.value.as_deref())
        && optional_field_matches(item, "cue", span.cue.as_deref())
        && optional_field_matches(item, "mod", span.modifier.as_deref())
        && optional_field_matches(item, "zone", span.zone.as_deref())
        && optional_field_matches(item, "quote", span.quote.map(quote_name).as_deref())
        && optional_field_matches(
            item,
            "speaker",
            span.speaker.as_ref().map(|s| s.text.as_str()),
        )
        && item["valueLike"].as_str().is_none_or(|pattern| {
            let pattern = regex::Regex::new(pattern).unwrap();
            span.value.as_deref().is_some_and(|v| pattern.is_match(v))
        })
}

/// Whether a span is of the dates layer.
fn is_temporal(span: &Span) -> bool {
    matches!(
        span.kind,
        Kind::Date | Kind::Time | Kind::Duration | Kind::Set
    )
}

/// `speakerEntity`: the name of the entity a quote's speaker refers to; `null` for none.
fn speaker_entity_matches(analysis: &Analysis, span: &Span, item: &Value) -> bool {
    let Some(want) = item.get("speakerEntity") else {
        return true;
    };
    let id = span.speaker.as_ref().and_then(|s| s.entity);
    let name = id.and_then(|id| analysis.entities.iter().find(|e| e.id == id));
    want.as_str() == name.map(|e| e.name.as_str())
}

fn entity_of(analysis: &Analysis, text: &str) -> Option<usize> {
    analysis
        .spans
        .iter()
        .find(|s| s.text == text && s.entity.is_some())
        .and_then(|s| s.entity)
}

#[test]
fn golden_cases() {
    let mut failures = Vec::new();
    for case in load_cases() {
        let name = case["name"].as_str().unwrap();
        let text = case_text(&case);
        let options = Options {
            reference_date: case["referenceDate"].as_str().map(|d| d.parse().unwrap()),
            ..Options::default()
        };
        let analysis = Analyzer::new(options).analyze(&text);
        let items = |key: &str| case[key].as_array().cloned().unwrap_or_default();
        for item in items("expect") {
            let found =
                |s: &&Span| matches(s, &item) && speaker_entity_matches(&analysis, s, &item);
            if !analysis.spans.iter().any(|s| found(&s)) {
                failures.push(format!("{name}: expected {item}"));
            }
        }
        // `onlyDates`: every date, time, duration or set found is one of `expect`.
        if case["onlyDates"].as_bool() == Some(true) {
            let expected = items("expect");
            for span in analysis.spans.iter().filter(|s| is_temporal(s)) {
                if !expected.iter().any(|item| matches(span, item)) {
                    failures.push(format!("{name}: found {span:?}, not expected"));
                }
            }
        }
        for item in items("reject") {
            let found =
                |s: &&Span| matches(s, &item) && speaker_entity_matches(&analysis, s, &item);
            if let Some(span) = analysis.spans.iter().find(found) {
                failures.push(format!("{name}: rejected {item} but found {span:?}"));
            }
        }
        for group in items("sameEntity") {
            let ids: Vec<Option<usize>> = group
                .as_array()
                .unwrap()
                .iter()
                .map(|t| entity_of(&analysis, t.as_str().unwrap()))
                .collect();
            if ids[0].is_none() || ids.iter().any(|id| *id != ids[0]) {
                failures.push(format!("{name}: {group} should be one entity, got {ids:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
