//! The batch path of `newsmark annotate` (threads, order, streaming) and the CLI defects of
//! issue 17: an output that is the input (5), a byte order mark (6), fields kept as given (7),
//! broken gold in `eval` (9), controls in `--format html` (10). And `--model FILE`, which reads
//! an entity model file instead of the built-in one.

mod cli_support;

use cli_support::*;

fn doc(i: usize) -> String {
    // Documents of very different lengths, so threads finish out of order.
    let body = "Angela Merkel met Emmanuel Macron in Berlin on Tuesday. “We agree,” she said. "
        .repeat(1 + (i * 7) % 40);
    format!(
        r#"{{"id": {i}, "dct": "2019-05-0{}", "text": "{body}"}}"#,
        1 + i % 9
    )
}

/// Asserts `dir` holds `count` files: a refused or finished `annotate` left no temporary file.
fn assert_files(dir: &std::path::Path, count: usize) {
    let names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), count, "no temporary file left: {names:?}");
}

#[test]
fn jobs_keep_input_order_and_give_the_same_bytes() {
    let mut input = String::new();
    for i in 0..300 {
        input += &doc(i);
        input.push('\n');
        if i % 37 == 5 {
            input += "{not json\n"; // a bad line now and then
        }
    }
    let one = newsmark(&["annotate", "--jobs", "1"], &input);
    assert_eq!(one.status.code(), Some(1));
    let ids: Vec<usize> = stdout(&one)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"].as_u64().unwrap() as usize
        })
        .collect();
    assert_eq!(ids, (0..300).collect::<Vec<_>>());
    for jobs in ["2", "3", "8"] {
        let many = newsmark(&["annotate", "--jobs", jobs], &input);
        assert_eq!(many.status.code(), Some(1));
        assert!(many.stdout == one.stdout, "--jobs {jobs} wrote other bytes");
        // Bad lines are reported in input order, as with one job.
        assert_eq!(stderr(&many), stderr(&one), "--jobs {jobs}");
    }
    let bad = stderr(&one);
    let numbers: Vec<&str> = bad.lines().filter(|l| l.contains(": line ")).collect();
    assert_eq!(
        numbers.len(),
        (0..300).filter(|i| i % 37 == 5).count(),
        "{bad}"
    );
    let usage = newsmark(&["annotate", "--jobs", "0"], "");
    assert_eq!(usage.status.code(), Some(2));
    assert!(stderr(&usage).contains("--jobs"));
}

/// Defect 5: `ln a b; annotate a b` truncated the input to 0 bytes and exited 0.
#[test]
fn an_output_that_is_the_input_is_refused_by_device_and_inode() {
    let dir = scratch("same-file");
    let input = dir.join("a.jsonl");
    let content = doc(1) + "\n";
    std::fs::write(&input, &content).unwrap();
    let hard = dir.join("hard.jsonl");
    std::fs::hard_link(&input, &hard).unwrap();
    let soft = dir.join("soft.jsonl");
    std::os::unix::fs::symlink(&input, &soft).unwrap();
    let dotted = dir.join(".").join("a.jsonl");
    for out in [&input, &hard, &soft, &dotted] {
        let output = newsmark(&["annotate", path_str(&input), path_str(out)], "");
        assert_eq!(output.status.code(), Some(1), "{}", out.display());
        assert!(stderr(&output).contains("same device and inode"));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), content);
    }
    // Input through the symlink, output the file itself: refused too.
    let output = newsmark(&["annotate", path_str(&soft), path_str(&input)], "");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), content);
    assert_files(&dir, 3);
}

#[test]
fn a_file_output_is_replaced_whole_and_never_half_written() {
    let dir = scratch("replace");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, doc(2) + "\n" + &doc(3) + "\n").unwrap();
    let out = dir.join("out.jsonl");
    std::fs::write(&out, "old contents\n").unwrap();
    // Written through a symlink: the file it points to gets the output, the link stays.
    let link = dir.join("link.jsonl");
    std::os::unix::fs::symlink(&out, &link).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    let output = newsmark(&["annotate", path_str(&input), path_str(&link)], "");
    assert!(output.status.success(), "{}", stderr(&output));
    let mode = std::fs::metadata(&out).unwrap().permissions().mode();
    assert_eq!(
        mode & 0o777,
        0o640,
        "the replaced file keeps its permissions"
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 2);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    // A missing input leaves the old output alone.
    std::fs::write(&out, "old contents\n").unwrap();
    let output = newsmark(
        &[
            "annotate",
            path_str(&dir.join("nope.jsonl")),
            path_str(&out),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old contents\n");
    // A device is written in place, never replaced; reading and writing it is no conflict.
    let output = newsmark(&["annotate", path_str(&input), "/dev/null"], "");
    assert!(output.status.success(), "{}", stderr(&output));
    let output = newsmark(&["annotate", "/dev/null", "/dev/null"], "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_file());
    assert_files(&dir, 3);
}

/// Defect 6: a UTF-8 byte order mark on line 1 was rejected by annotate and counted as offset 0
/// by highlight.
#[test]
fn a_byte_order_mark_is_skipped_everywhere() {
    let plain = doc(4) + "\n";
    let with_bom = format!("\u{feff}{plain}");
    let a = newsmark(&["annotate"], &plain);
    let b = newsmark(&["annotate"], &with_bom);
    assert!(b.status.success(), "{}", stderr(&b));
    assert_eq!(stdout(&b), stdout(&a));

    let dir = scratch("bom");
    let text = "Angela Merkel met Emmanuel Macron in Berlin.";
    let (plain_file, bom_file) = (dir.join("plain.txt"), dir.join("bom.txt"));
    std::fs::write(&plain_file, text).unwrap();
    std::fs::write(&bom_file, format!("\u{feff}{text}")).unwrap();
    let a = newsmark(&["highlight", path_str(&plain_file)], "");
    let b = newsmark(&["highlight", path_str(&bom_file)], "");
    assert!(b.status.success());
    assert_eq!(stdout(&b), stdout(&a));
    assert!(stdout(&b).contains("\"start\": 0"), "{}", stdout(&b));

    let gold = dir.join("gold.jsonl");
    let line = r#"{"id": "g", "layers": ["entities"], "text": "Angela Merkel spoke.", "spans": [{"start": 0, "end": 13, "label": "PERSON"}]}"#;
    std::fs::write(&gold, format!("\u{feff}{line}\n")).unwrap();
    let output = newsmark(&["eval", path_str(&gold), "--json"], "");
    assert!(output.status.success(), "{}", stderr(&output));
}

/// Defect 7: big integers became floats, 1.10 became 1.1, 1e400 dropped the document and an
/// escaped lone surrogate in `text` was rejected.
#[test]
fn fields_are_written_back_byte_for_byte() {
    let fields = r#""id":123456789012345678901234567890,"price": 1.10, "far": 1e400, "deep": [[[{"b":1, "a" :  "\u00e9\ud83d\ude00"}]]], "x": -0.0"#;
    let line = format!(
        r#"{{{fields}, "text": "Marco\ud800Rubio met Angela Merkel in Berlin.", "dct": null}}"#
    );
    let output = newsmark(&["annotate"], &format!("{line}\n"));
    assert!(output.status.success(), "{}", stderr(&output));
    let written = stdout(&output);
    let expected_start = r#"{"id": 123456789012345678901234567890, "price": 1.10, "far": 1e400, "deep": [[[{"b":1, "a" :  "\u00e9\ud83d\ude00"}]]], "x": -0.0, "text": "Marco\ud800Rubio met Angela Merkel in Berlin.", "dct": null, "spans": ["#;
    assert!(written.starts_with(expected_start), "{written}");
    // The lone surrogate is one code point (as in Python): "Angela Merkel" is 16..29.
    assert!(
        written.contains(r#"{"start": 16, "end": 29, "label": "PERSON"}"#),
        "{written}"
    );
    // A nesting deeper than serde_json's own limit is JSON too.
    let deep = format!(
        r#"{{"text": "x", "n": {}1{}}}"#,
        "[".repeat(500),
        "]".repeat(500)
    );
    let output = newsmark(&["annotate"], &format!("{deep}\n"));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains(&"]".repeat(500)));
}

/// Defect 9: eval accepted broken gold silently.
#[test]
fn eval_reports_broken_gold_per_line() {
    let dir = scratch("broken-gold");
    let gold = dir.join("gold.jsonl");
    let good = r#"{"id": 1, "layers": ["entities"], "text": "Angela Merkel spoke.", "spans": [{"start": 0, "end": 13, "label": "PERSON"}]}"#;
    let lines = [
        good,
        r#"{"id": 2, "layers": ["entities"], "text": "Angela Merkel spoke.", "spans": [{"start": 13, "end": 0, "label": "PERSON"}]}"#,
        r#"{"id": 3, "layers": ["entities"], "text": "Angela Merkel spoke.", "spans": [{"start": -2, "end": 5, "label": "PERSON"}]}"#,
        r#"{"id": 4, "layers": ["entities"], "text": "Angela Merkel spoke.", "spans": [{"start": 0.5, "end": 5, "label": "PERSON"}]}"#,
        r#"{"id": 5, "layers": ["entities"], "text": "Angela Merkel spoke.", "spans": [{"start": 0, "end": 99, "label": "PERSON"}]}"#,
        r#"{"id": 6, "layers": ["entities"], "text": "Angela Merkel spoke.", "spans": [{"start": 0, "end": 13, "label": "PER"}]}"#,
    ];
    std::fs::write(&gold, lines.join("\n") + "\n").unwrap();
    let output = newsmark(&["eval", path_str(&gold)], "");
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    for (line, why) in [
        (2, "start 13 > end 0"),
        (3, "start -2 is negative"),
        (4, "start 0.5 is not an integer"),
        (5, "end 99 is past the end of the text (20 code points)"),
        (6, "unknown label \"PER\""),
    ] {
        assert!(
            errors.contains(&format!("gold.jsonl: line {line}: broken gold: span 1 ("))
                && errors.contains(why),
            "line {line}: {errors}"
        );
    }
    assert!(!errors.contains("line 1:"), "{errors}");
    assert!(stdout(&output).contains("ENTITIES"));
    // The good line alone passes.
    std::fs::write(&gold, format!("{good}\n")).unwrap();
    assert!(newsmark(&["eval", path_str(&gold)], "").status.success());
}

/// Defect 10: `--format html` passed bidi controls and NUL through raw.
#[test]
fn html_shows_bidi_controls_and_nul() {
    let dir = scratch("html-controls");
    let file = dir.join("t.txt");
    std::fs::write(&file, "Angela Merkel\u{202e} said\0 so.").unwrap();
    let output = newsmark(&["highlight", path_str(&file), "--format", "html"], "");
    assert!(output.status.success());
    let html = stdout(&output);
    assert!(!html.contains('\u{202e}') && !html.contains('\0'));
    assert!(html.contains("<span class=\"control\">U+202E</span>"));
    assert!(html.contains("<span class=\"control\">U+0000</span>"));
}

#[test]
fn a_model_file_is_read_and_a_file_that_is_no_model_is_refused() {
    let dir = scratch("model-file");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, doc(3) + "\n").unwrap();
    let model = concat!(env!("CARGO_MANIFEST_DIR"), "/src/entities/model.bin");
    let built_in = newsmark(&["annotate", path_str(&input)], "");
    let read = newsmark(&["annotate", path_str(&input), "--model", model], "");
    assert_eq!(read.status.code(), Some(0), "{}", stderr(&read));
    assert_eq!(stdout(&read), stdout(&built_in));
    // A file that is no model: refused before the output is touched.
    let out = dir.join("out.jsonl");
    std::fs::write(&out, "kept\n").unwrap();
    let no_model = path_str(&input);
    let refused = newsmark(
        &["annotate", no_model, path_str(&out), "--model", no_model],
        "",
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("not an entity model file"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "kept\n");
    let missing = dir.join("missing.bin");
    let refused = newsmark(&["highlight", "-", "--model", path_str(&missing)], "Text.");
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("missing.bin"),
        "{}",
        stderr(&refused)
    );
    let endless = newsmark(&["highlight", "-", "--model", "/dev/zero"], "Text.");
    assert_eq!(endless.status.code(), Some(1));
    assert!(
        stderr(&endless).contains("larger than 64 MB"),
        "{}",
        stderr(&endless)
    );
    // eval annotates with the model, or scores a prediction file: not both.
    let both = newsmark(
        &["eval", no_model, "--pred", no_model, "--model", model],
        "",
    );
    assert_eq!(both.status.code(), Some(2));
    assert_files(&dir, 2);
}
