//! Integration tests of the `newsmark` binary: annotate, highlight and usage errors (eval:
//! tests/cli_eval.rs; the batch path and the defects of issue 17: tests/cli_batch.rs).

mod cli_support;

use cli_support::*;
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// annotate

#[test]
fn annotate_keeps_fields_reports_bad_lines_and_writes_the_rest() {
    let docs = [
        r#"{"id": "emoji", "source": "test", "dct": "2025-10-16", "layers": ["entities", "dates", "quotes"], "text": "😀😀 Vladimir Putin said on Friday: \"We will meet in Budapest next week.\" 🇭🇺", "spans": [{"start": 0, "end": 1, "label": "OLD"}], "extra": {"z": 1, "a": [1.5, null, true]}}"#,
        r#"{"id": "broken", "text": "no closing brace""#,
        "",
        r#"{"text": "Barack Obama visited Paris on 12 March 2016.", "dct": null, "id": 3}"#,
        r#"{"id": "no text", "dct": "2020-01-01"}"#,
        r#"{"id": "bad dct", "text": "x", "dct": "16/10/2025"}"#,
        r#"{"id": "last", "text": "“Nothing,” she said.\nMore on Monday."}"#,
    ];
    let input = docs.join("\n") + "\n";
    let output = newsmark(&["annotate"], &input);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let errors = stderr(&output);
    assert!(errors.contains("line 2: invalid JSON"), "{errors}");
    assert!(errors.contains("line 5: no \"text\" field"), "{errors}");
    assert!(
        errors.contains("line 6: bad \"dct\" \"16/10/2025\""),
        "{errors}"
    );
    assert!(
        !errors.contains("line 1:") && !errors.contains("line 4:"),
        "{errors}"
    );

    let written: Vec<Json> = stdout(&output)
        .lines()
        .map(|l| Json::parse(l).unwrap())
        .collect();
    let expected: Vec<Json> = [0, 3, 6]
        .iter()
        .map(|&i| Json::parse(docs[i]).unwrap())
        .collect();
    assert_eq!(written.len(), 3);
    for (out, given) in written.iter().zip(&expected) {
        let (Json::Object(out_fields), Json::Object(given_fields)) = (out, given) else {
            panic!("objects expected");
        };
        // Same fields in the same order, `spans` replaced in place or appended.
        let keys = |f: &[(String, Json)]| f.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
        let mut want = keys(given_fields);
        if !want.contains(&"spans".to_string()) {
            want.push("spans".into());
        }
        assert_eq!(keys(out_fields), want);
        for (key, value) in given_fields {
            if key != "spans" {
                assert_eq!(out.get(key), Some(value), "{key}");
            }
        }
        check_corpus_spans(out);
        let Json::Str(text) = out.get("text").unwrap() else {
            panic!()
        };
        let dct = out.get("dct").and_then(Json::as_str);
        assert_eq!(spans_of(out), highlight_spans(text, dct));
    }
    assert_eq!(
        written[0].get("extra").unwrap().to_line(),
        r#"{"z": 1, "a": [1.5, null, true]}"#
    );
}

/// The (start, end, label, value) of a document's corpus spans.

#[test]
fn annotate_reads_and_writes_files_and_dashes() {
    let dir = scratch("annotate-files");
    let input = dir.join("in.jsonl");
    let out = dir.join("out.jsonl");
    std::fs::write(
        &input,
        "{\"id\": 1, \"text\": \"Angela Merkel met Emmanuel Macron in Berlin on Tuesday.\", \"dct\": \"2019-05-02\"}\r\n\n  \n{\"id\": 2, \"text\": \"\"}",
    )
    .unwrap();
    let output = newsmark(&["annotate", path_str(&input), path_str(&out)], "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 2);
    assert!(written.ends_with('\n'));
    for line in written.lines() {
        check_corpus_spans(&Json::parse(line).unwrap());
    }
    // `-` for standard input and output gives the same.
    let piped = newsmark(
        &["annotate", "-", "-"],
        &std::fs::read_to_string(&input).unwrap(),
    );
    assert!(piped.status.success());
    assert_eq!(stdout(&piped), written);
    // Refuses to overwrite its input.
    let same = newsmark(&["annotate", path_str(&input), path_str(&input)], "");
    assert_eq!(same.status.code(), Some(1));
    assert!(std::fs::read_to_string(&input).unwrap().contains("Merkel"));
    // Empty input: nothing written, success.
    let empty = newsmark(&["annotate"], "");
    assert!(empty.status.success() && empty.stdout.is_empty());
    // A missing input file fails with its name.
    let missing = newsmark(&["annotate", path_str(&dir.join("nope.jsonl"))], "");
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("nope.jsonl"));
}

// ---------------------------------------------------------------------------------------------
// highlight

#[test]
fn highlight_json_has_code_point_offsets() {
    let text = "👩‍🔬 Dr. Marie Curie said “Radium glows” in Paris on 1 May 1910 at 3 p.m. 🎉\n\
                She returned every year for two weeks.";
    highlight_spans(text, Some("1910-05-02"));
    highlight_spans(text, None);
    let dir = scratch("highlight-json");
    let file = dir.join("article.txt");
    std::fs::write(&file, text).unwrap();
    let output = newsmark(&["highlight", path_str(&file), "--format=json"], "");
    assert!(output.status.success());
    let analysis: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(analysis["spans"].is_array() && analysis["entities"].is_array());
}

#[test]
fn highlight_html_is_a_standalone_escaped_page() {
    let text = "<script>alert(1)</script> Barack Obama said \"we <b>can</b> & will\" on Monday.";
    let output = newsmark(
        &[
            "highlight",
            "-",
            "--format",
            "html",
            "--reference-date",
            "2008-11-05",
        ],
        text,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let html = stdout(&output);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<style>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;can&lt;/b&gt; &amp; will"));
    assert!(!html.contains("<script") && !html.contains("<b>"));
    // The article's marks are balanced, and removing them gives back the escaped text.
    let article = html
        .split_once("<article>")
        .and_then(|(_, rest)| rest.split_once("</article>"))
        .unwrap()
        .0;
    let mut depth = 0;
    let mut plain = String::new();
    let mut rest = article;
    while let Some(i) = rest.find('<') {
        plain.push_str(&rest[..i]);
        let j = i + rest[i..].find('>').unwrap();
        match &rest[i..=j] {
            "</mark>" => depth -= 1,
            tag if tag.starts_with("<mark class=\"") => depth += 1,
            tag => panic!("unexpected tag {tag}"),
        }
        assert!(depth >= 0);
        rest = &rest[j + 1..];
    }
    plain.push_str(rest);
    assert_eq!(depth, 0);
    assert!(plain.contains("Barack Obama said &quot;we &lt;b&gt;can"));
}

#[test]
fn highlight_reports_unreadable_input() {
    let output = newsmark(&["highlight", "/nonexistent/article.txt"], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("/nonexistent/article.txt"));
    let dir = scratch("highlight-bytes");
    let file = dir.join("latin1.txt");
    std::fs::write(&file, b"caf\xe9").unwrap();
    let output = newsmark(&["highlight", path_str(&file)], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("UTF-8"));
}

// ---------------------------------------------------------------------------------------------
// train-ner --silver

/// A corpus document with an entity layer: `text`, and each `(name, label)` at its first place.
fn entity_doc(id: &str, text: &str, names: &[(&str, &str)]) -> Value {
    let spans: Vec<Value> = (names.iter())
        .map(|&(name, label)| {
            let start = text[..text.find(name).unwrap()].chars().count();
            let end = start + name.chars().count();
            serde_json::json!({"start": start, "end": end, "label": label})
        })
        .collect();
    serde_json::json!({"id": id, "layers": ["entities"], "text": text, "spans": spans})
}

#[test]
fn train_ner_learns_from_silver_but_never_from_excluded_or_missing_files() {
    let dir = scratch("train-silver");
    let (gold, silver, model) = (
        dir.join("gold.jsonl"),
        dir.join("silver.jsonl"),
        dir.join("m"),
    );
    let text = "Peter Smith visited Paris. Anna Berg met Peter Smith in Oslo.";
    let names = [
        ("Peter Smith", "PERSON"),
        ("Paris", "PLACE"),
        ("Oslo", "PLACE"),
    ];
    write_jsonl(&gold, &[entity_doc("g1", text, &names)]);
    write_jsonl(&silver, &[entity_doc("s1", text, &names)]);
    let train = |silver: &std::path::Path, exclude: Option<&std::path::Path>| {
        let mut args = vec![
            "train-ner",
            path_str(&gold),
            "--epochs",
            "2",
            "--bits",
            "12",
        ];
        args.extend(["--out", path_str(&model), "--silver", path_str(silver)]);
        if let Some(exclude) = exclude {
            args.extend(["--exclude", path_str(exclude)]);
        }
        let _ = std::fs::remove_file(&model);
        newsmark(&args, "")
    };
    let output = train(&silver, None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("train-ner: silver: "),
        "{}",
        stderr(&output)
    );
    assert!(model.exists());
    // Silver documents with the id of an excluded (scored) one are left out: here, all of them.
    let output = train(&silver, Some(&silver));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("besides those scored"),
        "{}",
        stderr(&output)
    );
    assert!(!model.exists(), "no model is written");
    let missing = dir.join("missing.jsonl");
    let output = train(&missing, None);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("missing.jsonl: no such silver file"));
    assert!(!model.exists());
}

// ---------------------------------------------------------------------------------------------
// usage

#[test]
fn help_and_usage_errors() {
    for command in ["annotate", "highlight", "eval"] {
        for flag in ["--help", "-h"] {
            let output = newsmark(&[command, flag], "");
            assert!(output.status.success(), "{command} {flag}");
            let help = stdout(&output);
            assert!(
                help.starts_with(&format!("usage: newsmark {command}")),
                "{help}"
            );
        }
        let output = newsmark(&["help", command], "");
        assert!(stdout(&output).starts_with(&format!("usage: newsmark {command}")));
        let output = newsmark(&[command, "--no-such-flag"], "");
        assert_eq!(output.status.code(), Some(2), "{command}");
        let message = stderr(&output);
        assert!(
            message.contains("unknown option \"--no-such-flag\""),
            "{message}"
        );
        assert!(
            message.contains(&format!("usage: newsmark {command}")),
            "{message}"
        );
    }
    assert!(stdout(&newsmark(&["highlight", "--help"], "")).contains("CODE POINTS"));
    let usage_errors: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["annotate", "a", "b", "c"],
        &["highlight"],
        &["highlight", "-", "--format", "pdf"],
        &["highlight", "-", "--format"],
        &["highlight", "-", "--reference-date", "yesterday"],
        &["eval"],
        &["eval", "a.jsonl", "b.jsonl", "--pred", "p.jsonl"],
        &["eval", "a.jsonl", "--json=yes"],
    ];
    for args in usage_errors {
        let output = newsmark(args, "");
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).contains("usage"), "{args:?}");
    }
    let output = newsmark(&["--help"], "");
    assert!(output.status.success());
    assert!(stdout(&output).contains("newsmark eval GOLD.jsonl..."));
}

// ---------------------------------------------------------------------------------------------
// annotate: damaged input, byte by byte

#[test]
fn annotate_survives_non_utf8_and_malformed_lines() {
    let good =
        |id: &str| format!(r#"{{"id": "{id}", "text": "Angela Merkel said on Monday: “Yes.”"}}"#);
    let mut input: Vec<u8> = Vec::new();
    input.extend(good("first").as_bytes());
    input.extend(b"\n{\"id\": \"latin1\", \"text\": \"caf\xe9 in Paris\"}\n"); // line 2: Latin-1 é
    input.extend(b"\xff\xfe\x00{\0\n"); // line 3: UTF-16 BOM and NULs
    input.extend(good("crlf").as_bytes()); // line 4, CRLF ending
    input.extend(b"\r\n[1, 2, 3]\n"); // line 5: not an object
    input.extend(b"{\"id\": \"number\", \"text\": 42}\n"); // line 6: text not a string
    input.extend(b"{\"id\": \"trunc\", \"text\": \"Paris\n"); // line 7: truncated
    input.extend(b"null\n"); // line 8
    input.extend(b"{\"id\": \"dct\", \"text\": \"x\", \"dct\": 20251016}\n"); // line 9
    input.extend(
        b"{\"id\": \"nul\", \"text\": \"NUL \\u0000 and \\ud800 lone surrogate, Obama said.\"}\n",
    ); // line 10
    input.extend(good("last, no newline").as_bytes()); // line 11
    let output = newsmark_bytes(&["annotate"], &input);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let errors = stderr(&output);
    for line in [2, 3, 5, 6, 7, 8, 9] {
        assert!(
            errors.contains(&format!("line {line}:")),
            "line {line}: {errors}"
        );
    }
    assert!(errors.contains("line 2: not valid UTF-8"), "{errors}");
    for line in [1, 4, 11] {
        assert!(
            !errors.contains(&format!("line {line}:")),
            "line {line}: {errors}"
        );
    }
    // Line 10's escaped lone surrogate is written back as given (Json refuses it: read as U+FFFD).
    let written: Vec<Json> = stdout(&output)
        .lines()
        .map(|l| Json::parse(&l.replace("\\ud800", "\\ufffd")).unwrap())
        .collect();
    let ids: Vec<_> = written
        .iter()
        .map(|d| {
            d.get("id")
                .and_then(Json::as_str)
                .unwrap_or("?")
                .to_string()
        })
        .collect();
    // Line 10's lone surrogate is JSON: annotated.
    assert!(!errors.contains("line 10:"), "{errors}");
    let want = vec!["first", "crlf", "nul", "last, no newline"];
    assert_eq!(ids, want, "{errors}");
    for doc in &written {
        check_corpus_spans(doc);
    }
}

#[test]
fn annotate_of_only_bad_lines_writes_nothing_and_fails() {
    let output = newsmark_bytes(&["annotate"], b"\xc3\x28\n{\n\x00\x00\x00\n");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let errors = stderr(&output);
    for line in 1..=3 {
        assert!(errors.contains(&format!("line {line}:")), "{errors}");
    }
}

// ---------------------------------------------------------------------------------------------
// cv-ner --pred, --errors

#[test]
fn cv_ner_writes_each_document_once_and_never_over_its_inputs() {
    let dir = scratch("cv-pred");
    let (over, pred, errors) = (
        dir.join("over.jsonl"),
        dir.join("pred.jsonl"),
        dir.join("errors.txt"),
    );
    let docs: Vec<Value> = (0..6)
        .map(|i| {
            let text = format!("Peter Smith{i} visited Paris. Anna Berg met him in Oslo.");
            let names = [
                ("Peter Smith", "PERSON"),
                ("Paris", "PLACE"),
                ("Oslo", "PLACE"),
            ];
            entity_doc(&format!("d{i}"), &text, &names)
        })
        .collect();
    write_jsonl(&over, &docs);
    let before = std::fs::read_to_string(&over).unwrap();
    let cv = |extra: &[&str]| {
        let mut args = vec!["cv-ner", "--over", path_str(&over), "--folds", "2"];
        args.extend(["--epochs", "1", "--bits", "12"]);
        args.extend(extra);
        newsmark(&args, "")
    };
    let output = cv(&["--pred", path_str(&pred), "--errors", path_str(&errors)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines: Vec<Value> = (std::fs::read_to_string(&pred).unwrap().lines())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut ids: Vec<&str> = lines.iter().map(|d| d["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["d0", "d1", "d2", "d3", "d4", "d5"]);
    for line in &lines {
        assert!(line["spans"].is_array());
        let original = docs.iter().find(|d| d["id"] == line["id"]).unwrap();
        assert_eq!(line["text"], original["text"]);
    }
    // Several seeds have no one run to write; an input as the output is refused, untouched.
    let output = cv(&["--pred", path_str(&pred), "--shuffle-seeds", "1,2"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("one seed"), "{}", stderr(&output));
    for option in ["--pred", "--errors"] {
        let output = cv(&[option, path_str(&over)]);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("is the input file"),
            "{}",
            stderr(&output)
        );
        assert_eq!(std::fs::read_to_string(&over).unwrap(), before);
    }
}
