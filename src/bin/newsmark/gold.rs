//! Checks of a gold document for `newsmark eval`: `score.py` silently skips a span it cannot use
//! (a reversed or fractional offset, an unknown label) or scores one past the end of the text, so
//! a broken gold file would give quietly wrong figures. Each problem is reported with its line.

use crate::eval::{ENTITY_LABELS, QUOTE_LABELS, TIMEX_LABELS};
use crate::json::Json;

/// What is wrong with the spans of one gold document, one message per problem (empty when
/// nothing is).
pub fn problems(doc: &Json) -> Vec<String> {
    let Json::Object(_) = doc else {
        return vec!["not a JSON object".into()];
    };
    let length = doc
        .get("text")
        .and_then(Json::as_str)
        .map(|t| t.chars().count());
    let mut problems = Vec::new();
    if length.is_none() {
        problems.push("\"text\" is missing or not a string".into());
    }
    let spans = match doc.get("spans") {
        None | Some(Json::Null) => return problems,
        Some(Json::Array(spans)) => spans,
        Some(_) => {
            problems.push("\"spans\" is not an array".into());
            return problems;
        }
    };
    for (i, span) in spans.iter().enumerate() {
        for why in span_problems(span, length) {
            problems.push(format!("span {} ({}): {why}", i + 1, describe(span)));
        }
    }
    problems
}

/// A short description of a span for messages: its label and offsets as written.
fn describe(span: &Json) -> String {
    let mut text = span.to_line();
    if text.chars().count() > 80 {
        text = text.chars().take(77).collect::<String>() + "...";
    }
    text
}

fn span_problems(span: &Json, length: Option<usize>) -> Vec<String> {
    if !matches!(span, Json::Object(_)) {
        return vec!["not a JSON object".into()];
    }
    let mut problems = Vec::new();
    match span.get("label") {
        None => problems.push("no \"label\"".into()),
        Some(Json::Str(label)) => {
            let known = ENTITY_LABELS
                .iter()
                .chain(&TIMEX_LABELS)
                .chain(&QUOTE_LABELS)
                .any(|k| k == label);
            if !known {
                problems.push(format!(
                    "unknown label {label:?}: expected one of {}",
                    [&ENTITY_LABELS[..], &TIMEX_LABELS, &QUOTE_LABELS]
                        .concat()
                        .join(", ")
                ));
            }
        }
        Some(other) => problems.push(format!("\"label\" {} is not a string", other.to_line())),
    }
    let pairs: &[(&str, &str, bool)] = &[
        ("start", "end", true),
        ("speaker_start", "speaker_end", false),
    ];
    for &(start_key, end_key, required) in pairs {
        let start = offset(span, start_key, required, length, &mut problems);
        let end = offset(span, end_key, required, length, &mut problems);
        match (start, end) {
            (Some(start), Some(end)) if start > end => {
                problems.push(format!("{start_key} {start} > {end_key} {end}"));
            }
            (Some(start), Some(end)) if start == end && required => {
                problems.push(format!("empty: {start_key} = {end_key} = {start}"));
            }
            _ => {}
        }
    }
    problems
}

/// The offset `key` when it is a usable one; otherwise what is wrong goes to `problems`.
fn offset(
    span: &Json,
    key: &str,
    required: bool,
    length: Option<usize>,
    problems: &mut Vec<String>,
) -> Option<i128> {
    let n = match span.get(key) {
        None if required => {
            problems.push(format!("no \"{key}\""));
            return None;
        }
        None => return None,
        Some(Json::Int(n)) => *n,
        Some(Json::Float(f)) => {
            problems.push(format!(
                "{key} {} is not an integer",
                crate::json::python_float(*f)
            ));
            return None;
        }
        Some(other) => {
            problems.push(format!("{key} {} is not an integer", other.to_line()));
            return None;
        }
    };
    if n < 0 {
        problems.push(format!("{key} {n} is negative"));
        return None;
    }
    if let Some(length) = length {
        if n > length as i128 {
            problems.push(format!(
                "{key} {n} is past the end of the text ({length} code points)"
            ));
            return None;
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(spans: &str) -> Vec<String> {
        let doc = Json::parse(&format!(r#"{{"text": "abcdef", "spans": {spans}}}"#)).unwrap();
        problems(&doc)
    }

    #[test]
    fn good_spans_pass() {
        assert!(check(r#"[{"start": 0, "end": 6, "label": "PERSON"}]"#).is_empty());
        assert!(check(
            r#"[{"start": 0, "end": 2, "label": "QUOTE", "speaker": "x", "speaker_start": 3, "speaker_end": 4}]"#
        )
        .is_empty());
        assert!(check("[]").is_empty());
    }

    #[test]
    fn each_kind_of_damage_is_named() {
        let one = |span: &str| {
            let found = check(&format!("[{span}]"));
            assert_eq!(found.len(), 1, "{found:?}");
            found[0].clone()
        };
        assert!(one(r#"{"start": 4, "end": 2, "label": "ORG"}"#).ends_with("start 4 > end 2"));
        assert!(one(r#"{"start": -1, "end": 2, "label": "ORG"}"#).ends_with("start -1 is negative"));
        assert!(one(r#"{"start": 1.5, "end": 2, "label": "ORG"}"#)
            .ends_with("start 1.5 is not an integer"));
        assert!(one(r#"{"start": 1, "end": 7, "label": "ORG"}"#)
            .ends_with("end 7 is past the end of the text (6 code points)"));
        assert!(one(r#"{"start": 1, "end": 2, "label": "PER"}"#).contains("unknown label \"PER\""));
        assert!(
            one(r#"{"start": 1, "end": 1, "label": "ORG"}"#).ends_with("empty: start = end = 1")
        );
        assert!(one(
            r#"{"start": 1, "end": 2, "label": "QUOTE", "speaker_start": 5, "speaker_end": 3}"#
        )
        .ends_with("speaker_start 5 > speaker_end 3"));
        assert!(one(r#"{"end": 2, "label": "ORG"}"#).ends_with("no \"start\""));
        assert!(one("3").starts_with("span 1 (3): not a JSON object"));
    }
}
