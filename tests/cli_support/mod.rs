//! Helpers shared by the CLI integration tests (tests/cli.rs, tests/cli_eval.rs,
//! tests/cli_batch.rs): running the binary, scratch directories, checking corpus spans.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

// The CLI's own JSON value (key order kept, Python's number forms), the bin's corpus module.
#[allow(dead_code)]
#[path = "../../src/bin/newsmark/corpus.rs"]
pub mod corpus;
#[allow(dead_code)]
#[path = "../../src/bin/newsmark/json.rs"]
pub mod json;
pub use json::Json;

pub fn newsmark(args: &[&str], stdin: &str) -> Output {
    newsmark_bytes(args, stdin.as_bytes())
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn write_jsonl(path: &Path, docs: &[Value]) {
    let text: String = docs.iter().map(|d| format!("{d}\n")).collect();
    std::fs::write(path, text).unwrap();
}

pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

pub fn score_py() -> Option<PathBuf> {
    let script = shared().join("eval/score.py");
    if !script.exists() {
        println!(
            "note: {} is missing: score.py agreement skipped",
            script.display()
        );
        return None;
    }
    let python = Command::new("python3").arg("--version").output();
    if !python.is_ok_and(|o| o.status.success()) {
        println!("note: python3 is not available: score.py agreement skipped");
        return None;
    }
    Some(script)
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

pub fn spans_of(doc: &Json) -> Vec<(i128, i128, String, Option<String>)> {
    let Some(Json::Array(spans)) = doc.get("spans") else {
        panic!("spans is an array: {doc}")
    };
    spans
        .iter()
        .map(|s| {
            let int = |k| match s.get(k) {
                Some(Json::Int(n)) => *n,
                other => panic!("{k}: {other:?}"),
            };
            let label = s.get("label").and_then(Json::as_str).unwrap().to_string();
            let value = s.get("value").and_then(Json::as_str).map(String::from);
            (int("start"), int("end"), label, value)
        })
        .collect()
}

/// Checks a document's spans are in the corpus format with code-point offsets inside the text.
pub fn check_corpus_spans(doc: &Json) {
    let text = doc.get("text").and_then(Json::as_str).unwrap();
    let length = text.chars().count() as i128;
    let labels = [
        "PERSON", "ORG", "PLACE", "MISC", "DATE", "TIME", "DURATION", "SET", "QUOTE",
    ];
    let Some(Json::Array(spans)) = doc.get("spans") else {
        panic!()
    };
    for (span, (start, end, label, _)) in spans.iter().zip(spans_of(doc)) {
        assert!(labels.contains(&label.as_str()), "{span}");
        assert!(0 <= start && start <= end && end <= length, "{span}");
        let Json::Object(fields) = span else { panic!() };
        for (key, _) in fields {
            let allowed: &[&str] = match label.as_str() {
                "QUOTE" => &[
                    "start",
                    "end",
                    "label",
                    "speaker",
                    "speaker_start",
                    "speaker_end",
                    "speaker_entity",
                ],
                "DATE" | "TIME" | "DURATION" | "SET" => &["start", "end", "label", "value"],
                _ => &["start", "end", "label"],
            };
            assert!(allowed.contains(&key.as_str()), "{span}");
        }
        if let Some(Json::Str(speaker)) = span.get("speaker") {
            let (Some(Json::Int(a)), Some(Json::Int(b))) =
                (span.get("speaker_start"), span.get("speaker_end"))
            else {
                panic!("speaker offsets: {span}")
            };
            let said: String = text
                .chars()
                .skip(*a as usize)
                .take((b - a) as usize)
                .collect();
            assert_eq!(&said, speaker);
        }
    }
}

/// `newsmark highlight` of `text` (JSON): checks each span's code-point offsets against its
/// text, and returns (start, end, label, value) as annotate writes them.
pub fn highlight_spans(text: &str, dct: Option<&str>) -> Vec<(i128, i128, String, Option<String>)> {
    let mut args = vec!["highlight", "-"];
    if let Some(dct) = dct {
        args.extend(["--reference-date", dct]);
    }
    let output = newsmark(&args, text);
    assert!(output.status.success(), "{}", stderr(&output));
    let analysis: Value = serde_json::from_str(&stdout(&output)).unwrap();
    if let Some(dct) = dct {
        assert_eq!(analysis["referenceDate"]["date"], dct);
        assert_eq!(analysis["referenceDate"]["source"], "option");
    }
    let chars: Vec<char> = text.chars().collect();
    let slice = |a: &Value, b: &Value| -> String {
        let (a, b) = (a.as_u64().unwrap() as usize, b.as_u64().unwrap() as usize);
        text.chars().skip(a).take(b - a).collect()
    };
    let mut spans = Vec::new();
    for span in analysis["spans"].as_array().unwrap() {
        assert!(
            span["end"].as_u64().unwrap() as usize <= chars.len(),
            "{span}"
        );
        assert_eq!(slice(&span["start"], &span["end"]), span["text"], "{span}");
        if let Some(speaker) = span.get("speaker") {
            assert_eq!(slice(&speaker["start"], &speaker["end"]), speaker["text"]);
        }
        let kind = span["kind"].as_str().unwrap();
        let label = match kind {
            "organization" => "ORG".to_string(),
            other => other.to_uppercase(),
        };
        let temporal = ["DATE", "TIME", "DURATION", "SET"].contains(&label.as_str());
        let value = span["value"]
            .as_str()
            .filter(|_| temporal)
            .map(String::from);
        spans.push((
            span["start"].as_i64().unwrap() as i128,
            span["end"].as_i64().unwrap() as i128,
            label,
            value,
        ));
    }
    for mention in analysis["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["mentions"].as_array().unwrap())
    {
        assert!(mention["end"].as_u64().unwrap() as usize <= chars.len());
    }
    spans
}

pub fn newsmark_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the newsmark binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// Whether an `eval` run succeeded, or failed only because the gold is broken (reported per
/// line; the figures are still score.py's).
pub fn eval_ok(output: &Output) -> bool {
    output.status.success()
        || (output.status.code() == Some(1) && stderr(output).contains(": broken gold: "))
}
