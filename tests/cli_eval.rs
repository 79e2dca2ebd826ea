//! Integration tests of `newsmark eval`: agreement with `../shared/eval/score.py` (run when
//! `python3` and the shared folder are there; skipped with a printed note otherwise).

mod cli_support;
#[path = "cli_eval/common.rs"]
mod common;

use std::path::Path;
use std::process::Command;

use cli_support::*;
use common::*;
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------------
// eval: agreement with score.py

/// Compares two JSON values: same structure and keys, numbers within 1e-9.
fn assert_close(ours: &Value, theirs: &Value, at: &str) {
    match (ours, theirs) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            assert!((a - b).abs() <= 1e-9, "{at}: newsmark {a} vs score.py {b}");
        }
        (Value::Object(a), Value::Object(b)) => {
            let keys = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(a), keys(b), "{at}: keys");
            for (k, v) in a {
                assert_close(v, &b[k], &format!("{at}.{k}"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{at}: length");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_close(x, y, &format!("{at}[{i}]"));
            }
        }
        _ => assert_eq!(ours, theirs, "{at}"),
    }
}

fn run_score_py(script: &Path, gold: &Path, pred: &Path, json: bool) -> String {
    let mut command = Command::new("python3");
    command.arg(script).arg(gold).arg(pred);
    if json {
        command.arg("--json");
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "score.py: {}", stderr(&output));
    stdout(&output)
}

/// Scores `pred` against `gold` with score.py and with `newsmark eval --pred`, in JSON and as
/// tables, and checks they agree. Returns score.py's JSON.
fn check_agreement(script: &Path, gold: &Path, pred: &Path) -> Value {
    let theirs_json = run_score_py(script, gold, pred, true);
    let ours = newsmark(
        &["eval", path_str(gold), "--pred", path_str(pred), "--json"],
        "",
    );
    // Broken gold (some tricky cases have it) is reported per line, with exit status 1.
    assert!(eval_ok(&ours), "{}", stderr(&ours));
    let ours_json = stdout(&ours);
    let theirs: Value = serde_json::from_str(&theirs_json).unwrap();
    let parsed: Value = serde_json::from_str(&ours_json).unwrap();
    assert_close(&parsed, &theirs, "$");
    // Printed the same way, too (key order, float repr, escapes).
    assert_eq!(ours_json, theirs_json);

    let theirs_table = run_score_py(script, gold, pred, false);
    let ours = newsmark(&["eval", path_str(gold), "--pred", path_str(pred)], "");
    assert!(eval_ok(&ours), "{}", stderr(&ours));
    let ours_table = stdout(&ours);
    let (header, table) = ours_table.split_once('\n').unwrap();
    let name = gold.file_name().unwrap().to_str().unwrap();
    assert_eq!(header, format!("== {name} =="));
    assert_eq!(table, theirs_table);
    theirs
}

fn tricky_cases() -> (Vec<Value>, Vec<Value>) {
    let text = "Barack Obama met Angela Merkel in Berlin on Monday, 3 May 2010, and said \
                \"we agree\" — José Martí and JOSÉ MARTÍ; he said “yes” twice.";
    let all = json!(["entities", "dates", "quotes"]);
    let ent = |s: i64, e: i64, l: &str| json!({"start": s, "end": e, "label": l});
    let timex =
        |s: i64, e: i64, l: &str, v: Value| json!({"start": s, "end": e, "label": l, "value": v});
    let mut gold = Vec::new();
    let mut pred = Vec::new();

    // Entities: one long prediction over two gold spans, duplicates, equal-overlap ties, labels.
    gold.push(gold_doc(
        json!("ent"),
        json!(["entities"]),
        text,
        json!([
            ent(0, 6, "PERSON"),
            ent(7, 12, "PERSON"),
            ent(0, 12, "PERSON"),
            ent(17, 30, "PERSON"),
            ent(34, 40, "PLACE"),
            ent(50, 60, "MISC"),
            ent(52, 58, "ORG"),
            ent(5, 5, "PERSON"),
            ent(9, 3, "ORG"),
            json!({"start": "1", "end": 4, "label": "ORG"}),
            json!({"start": 1.0, "end": 4, "label": "ORG"}),
            ent(1, 4, "PER"),
            json!({"start": false, "end": true, "label": "MISC"}),
            timex(44, 50, "DATE", json!("2010-05-03")),
        ]),
    ));
    pred.push(pred_doc(
        json!("ent"),
        text,
        json!([
            ent(0, 12, "PERSON"),
            ent(0, 12, "PERSON"),
            ent(0, 12, "PERSON"),
            ent(3, 9, "PERSON"),
            ent(17, 30, "ORG"),
            ent(15, 28, "PERSON"),
            ent(19, 32, "PERSON"),
            ent(34, 40, "PLACE"),
            ent(34, 40, "PLACE"),
            ent(48, 56, "MISC"),
            ent(54, 62, "MISC"),
            ent(50, 60, "ORG"),
            ent(0, 1, "MISC"),
            json!({"start": 0, "end": 1, "label": "MISC"}),
            timex(44, 50, "DATE", json!("2010-05-03")),
            ent(-5, 2, "PLACE"),
        ]),
    ));

    // Dates: values with spaces, numbers, empty or missing values, types, exact vs lenient.
    gold.push(gold_doc(
        json!(7),
        json!(["dates"]),
        text,
        json!([
            timex(44, 50, "DATE", json!("2010-05-03")),
            timex(52, 62, "DATE", json!(" 2010-05-03 ")),
            timex(0, 4, "TIME", json!("")),
            timex(5, 9, "DURATION", Value::Null),
            json!({"start": 10, "end": 14, "label": "SET"}),
            timex(20, 24, "DATE", json!(2010)),
            timex(25, 29, "DATE", json!("2010")),
            timex(30, 33, "TIME", json!("T15:00")),
            timex(70, 80, "DATE", json!("PRESENT_REF")),
            ent(34, 40, "PLACE"),
        ]),
    ));
    pred.push(pred_doc(
        json!(7.0),
        text,
        json!([
            timex(44, 50, "DATE", json!("2010-05-03 ")),
            timex(50, 60, "DATE", json!("2010-05-03")),
            timex(0, 4, "TIME", json!("T10:00")),
            timex(6, 9, "SET", json!("P1D")),
            timex(10, 14, "SET", Value::Null),
            timex(20, 24, "DATE", json!("2010")),
            timex(25, 29, "DATE", json!(2010)),
            json!({"start": 30, "end": 33, "label": "TIME"}),
            timex(31, 33, "TIME", json!("T15:00")),
            timex(90, 95, "DURATION", json!("P2D")),
            ent(34, 40, "PLACE"),
        ]),
    ));

    // Quotes: half and less than half overlaps, speakers by last word (case, accents, titles), by
    // offsets only, empty speakers, reversed and negative speaker offsets.
    let q = |s: i64, e: i64, spk: Value, a: Value, b: Value| json!({"start": s, "end": e, "label": "QUOTE", "speaker": spk, "speaker_start": a, "speaker_end": b});
    gold.push(gold_doc(
        json!("quotes"),
        json!(["quotes"]),
        text,
        json!([
            q(0, 10, json!("President Barack Obama"), json!(0), json!(12)),
            q(20, 30, json!("José Martí"), Value::Null, Value::Null),
            q(40, 50, json!(""), json!(17), json!(30)),
            q(60, 70, Value::Null, json!(-12), json!(-8)),
            q(80, 90, json!("he"), json!(100), json!(102)),
            q(100, 110, json!("Angela Merkel"), Value::Null, Value::Null),
            q(111, 114, Value::Null, Value::Null, Value::Null),
            q(115, 125, json!("Jose\u{301}"), json!(5), json!(1)),
            json!({"start": 126, "end": 130, "label": "QUOTE", "speaker": "Obama"}),
        ]),
    ));
    pred.push(pred_doc(
        json!("quotes"),
        text,
        json!([
            q(5, 10, json!("obama"), Value::Null, Value::Null),
            q(24, 30, json!("JOSÉ MARTÍ!"), Value::Null, Value::Null),
            q(44, 50, Value::Null, json!(23), json!(26)),
            q(60, 66, json!("they"), json!(-10), json!(-2)),
            q(82, 90, json!("Obama"), json!(101), json!(105)),
            q(100, 106, json!("someone"), Value::Null, Value::Null),
            q(115, 125, json!("jose"), Value::Null, Value::Null),
            q(120, 130, json!("Obama"), Value::Null, Value::Null),
            q(0, 10, json!("Obama"), Value::Null, Value::Null),
        ]),
    ));

    // Layers as a string (substring test), a doc without prediction, ids 1 / true / null.
    gold.push(gold_doc(
        json!(1),
        json!("entities+quotes"),
        text,
        json!([ent(0, 6, "PERSON")]),
    ));
    pred.push(pred_doc(
        json!(true),
        text,
        json!([ent(0, 6, "PERSON"), ent(7, 12, "ORG")]),
    ));
    gold.push(gold_doc(
        json!("missing"),
        all.clone(),
        text,
        json!([
            ent(0, 6, "PERSON"),
            timex(44, 50, "DATE", json!("2010-05-03")),
            q(0, 10, json!("Obama"), Value::Null, Value::Null),
        ]),
    ));
    gold.push(json!({"layers": ["entities"], "text": text, "spans": [ent(17, 30, "PERSON")]}));
    pred.push(json!({"id": null, "text": text, "spans": [ent(17, 30, "PERSON")]}));
    gold.push(gold_doc(
        json!("no layers"),
        Value::Null,
        text,
        json!([ent(0, 6, "PERSON")]),
    ));
    gold.push(gold_doc(json!("no spans"), all.clone(), text, Value::Null));
    // Predictions that only claim a layer, duplicate ids (the first counts), other texts.
    pred.push(json!({"id": "no spans", "text": text, "layers": ["dates"], "spans": null}));
    pred.push(pred_doc(
        json!("no spans"),
        text,
        json!([ent(0, 6, "PERSON")]),
    ));
    for i in 0..12 {
        let id = format!("différent {i}");
        gold.push(gold_doc(
            json!(id),
            all.clone(),
            text,
            json!([ent(0, 6, "PERSON")]),
        ));
        pred.push(pred_doc(
            json!(id),
            "another text",
            json!([ent(0, 6, "PERSON")]),
        ));
    }
    pred.push(pred_doc(
        json!("not in gold"),
        text,
        json!([ent(0, 6, "PERSON")]),
    ));
    (gold, pred)
}

#[test]
fn eval_agrees_with_score_py_on_tricky_cases() {
    let Some(script) = score_py() else { return };
    let dir = scratch("eval-tricky");
    let (gold, pred) = tricky_cases();
    let (gold_path, pred_path) = (dir.join("gold.jsonl"), dir.join("pred.jsonl"));
    write_jsonl(&gold_path, &gold);
    write_jsonl(&pred_path, &pred);
    let result = check_agreement(&script, &gold_path, &pred_path);
    // The cases do what they are meant to: warnings truncated, matches of every sort.
    assert_eq!(result["warnings"].as_array().unwrap().len(), 21);
    assert_eq!(result["entities"]["docs_without_prediction"], 1);
    let speakers = &result["quotes"]["speaker_accuracy"];
    assert!(speakers["correct"].as_u64().unwrap() >= 4);
    assert!(speakers["correct"].as_u64() < speakers["n"].as_u64());
    assert!(
        result["dates"]["value_accuracy"]["correct"]
            .as_u64()
            .unwrap()
            >= 2
    );
    // Scoring gold against itself is perfect, and an empty prediction file scores nothing.
    let perfect = check_agreement(&script, &gold_path, &gold_path);
    assert_eq!(perfect["entities"]["exact"]["micro"]["f1"], 1.0);
    let empty = dir.join("empty.jsonl");
    std::fs::write(&empty, "\n").unwrap();
    let nothing = check_agreement(&script, &gold_path, &empty);
    assert_eq!(nothing["quotes"]["predicted"], false);
    // No gold layer at all: an empty result, printed as score.py prints it.
    check_agreement(&script, &empty, &pred_path);
}

#[test]
fn eval_agrees_with_score_py_on_random_cases() {
    let Some(script) = score_py() else { return };
    let dir = scratch("eval-random");
    let texts = [
        "Obama said “fine” to Martí in Paris on Monday. Ça va, he said.",
        "😀 Ms. MARTÍ: \"we won\" — Barack Obama, 21 April 2014 (one week)",
    ];
    let layer_sets = [
        json!(["entities", "dates", "quotes"]),
        json!(["entities"]),
        json!(["dates"]),
        json!(["quotes", "dates"]),
        json!([]),
    ];
    for seed in 1..=6u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let (mut gold, mut pred) = (Vec::new(), Vec::new());
        for i in 0..120 {
            let text = *rng.pick(&texts);
            let layers = rng.pick(&layer_sets).clone();
            gold.push(gold_doc(json!(i), layers, text, random_spans(&mut rng)));
            if rng.chance(90) {
                let spans = predicted_spans(&mut rng, &gold[i]["spans"]);
                let mut doc = pred_doc(json!(i), text, spans);
                if rng.chance(5) {
                    doc["layers"] = json!(["quotes"]);
                }
                pred.push(doc);
            }
        }
        let (gold_path, pred_path) = (dir.join("gold.jsonl"), dir.join("pred.jsonl"));
        write_jsonl(&gold_path, &gold);
        write_jsonl(&pred_path, &pred);
        check_agreement(&script, &gold_path, &pred_path);
    }
}

/// Annotate output without `layers`, so that score.py's "predicts nothing" note reflects
/// newsmark's own spans, as in `newsmark eval` without --pred.
fn without_layers(jsonl: &str) -> String {
    jsonl
        .lines()
        .map(|line| {
            let mut doc: Value = serde_json::from_str(line).unwrap();
            doc.as_object_mut().unwrap().remove("layers");
            format!("{doc}\n")
        })
        .collect()
}

/// `newsmark eval GOLD` (annotating) prints what score.py prints for GOLD and newsmark's
/// annotations of it.
fn check_annotated_eval(script: &Path, gold: &Path, dir: &Path) {
    let annotated = newsmark(&["annotate", path_str(gold)], "");
    assert!(annotated.status.success(), "{}", stderr(&annotated));
    let pred = dir.join("annotated.jsonl");
    std::fs::write(&pred, without_layers(&stdout(&annotated))).unwrap();
    let ours = newsmark(&["eval", path_str(gold), "--json"], "");
    assert!(eval_ok(&ours), "{}", stderr(&ours));
    assert_eq!(stdout(&ours), run_score_py(script, gold, &pred, true));
    let ours = newsmark(&["eval", path_str(gold)], "");
    let name = gold.file_name().unwrap().to_str().unwrap();
    assert_eq!(
        stdout(&ours),
        format!("== {name} ==\n{}", run_score_py(script, gold, &pred, false))
    );
    // Also through --pred on annotate's own output (with its gold `layers`).
    let annotated_path = dir.join("annotated-with-layers.jsonl");
    std::fs::write(&annotated_path, stdout(&annotated)).unwrap();
    check_agreement(script, gold, &annotated_path);
}

#[test]
fn eval_annotating_agrees_with_score_py() {
    let Some(script) = score_py() else { return };
    let dir = scratch("eval-annotating");
    let (gold, _) = tricky_cases();
    let gold: Vec<Value> = gold
        .into_iter()
        .enumerate()
        .map(|(i, mut doc)| {
            doc["dct"] = if i % 2 == 0 {
                json!("2010-05-04")
            } else {
                Value::Null
            };
            doc
        })
        .collect();
    let gold_path = dir.join("gold.jsonl");
    write_jsonl(&gold_path, &gold);
    check_annotated_eval(&script, &gold_path, &dir);

    // Several files: one table each under its name, or one JSON object keyed by path.
    let second = dir.join("second.jsonl");
    write_jsonl(&second, &gold[..3]);
    let both = newsmark(&["eval", path_str(&gold_path), path_str(&second)], "");
    assert!(eval_ok(&both), "{}", stderr(&both));
    let text = stdout(&both);
    assert!(text.starts_with("== gold.jsonl ==\n"));
    assert!(text.contains("\n\n== second.jsonl ==\nENTITIES (1 docs)"));
    let both = newsmark(
        &["eval", path_str(&gold_path), path_str(&second), "--json"],
        "",
    );
    let parsed: Value = serde_json::from_str(&stdout(&both)).unwrap();
    assert!(parsed[path_str(&gold_path)]["quotes"].is_object());
    assert!(parsed[path_str(&second)]["entities"].is_object());

    // A gold document that cannot be annotated counts as not predicted, and fails the run.
    let broken = dir.join("broken.jsonl");
    let mut docs = gold[..2].to_vec();
    docs[1]["dct"] = json!("May 2010");
    write_jsonl(&broken, &docs);
    let output = newsmark(&["eval", path_str(&broken), "--json"], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("line 2: bad \"dct\""));
    let parsed: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(parsed["dates"]["docs_without_prediction"], 1);
    // A gold file that is not JSONL stops with the line.
    std::fs::write(&broken, "{}\n{oops}\n").unwrap();
    let output = newsmark(&["eval", path_str(&broken)], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("broken.jsonl:2: invalid JSON"));
}

#[test]
fn eval_agrees_with_score_py_on_the_shared_corpus() {
    let Some(script) = score_py() else { return };
    let corpus = shared().join("corpus");
    let files = [
        "timebank_dev.jsonl",
        "quotes_polnear_dev.jsonl",
        "gum_news_dev.jsonl",
    ];
    let dir = scratch("eval-corpus");
    for name in files {
        let gold = corpus.join(name);
        if !gold.exists() {
            println!("note: {} is missing: skipped", gold.display());
            continue;
        }
        let sub = dir.join(name.trim_end_matches(".jsonl"));
        std::fs::create_dir_all(&sub).unwrap();
        // newsmark's own annotations, however much or little the layers find.
        check_annotated_eval(&script, &gold, &sub);
        for line in stdout(&newsmark(&["annotate", path_str(&gold)], "")).lines() {
            check_corpus_spans(&Json::parse(line).unwrap());
        }
        // Real gold against itself and against damaged copies of itself.
        check_agreement(&script, &gold, &gold);
        let pred = sub.join("damaged.jsonl");
        std::fs::write(&pred, damaged(&std::fs::read_to_string(&gold).unwrap())).unwrap();
        let result = check_agreement(&script, &gold, &pred);
        let layer = result.as_object().unwrap().values().next().unwrap();
        assert!(layer["docs_without_prediction"].as_u64().unwrap() > 0);
    }
}
