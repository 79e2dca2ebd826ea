//! Integration tests of `newsmark eval --speaker-entities`: agreement with `score.py
//! --speaker-entities` (run when `python3` and the shared folder are there).

mod cli_support;
// Shared with cli_eval.rs, which uses the rest.
#[allow(dead_code)]
#[path = "cli_eval/common.rs"]
mod common;

use std::path::Path;
use std::process::Command;

use cli_support::*;
use common::*;
use serde_json::{json, Value};

/// `score.py --speaker-entities GOLD PRED` and `newsmark eval GOLD --pred PRED
/// --speaker-entities` print the same JSON and the same table.
fn check_speaker_entity_agreement(script: &Path, gold: &Path, pred: &Path) -> Value {
    let run = |json: bool| {
        let mut command = Command::new("python3");
        command
            .arg(script)
            .arg(gold)
            .arg(pred)
            .arg("--speaker-entities");
        if json {
            command.arg("--json");
        }
        let output = command.output().unwrap();
        assert!(output.status.success(), "score.py: {}", stderr(&output));
        stdout(&output)
    };
    let args = [
        "eval",
        path_str(gold),
        "--pred",
        path_str(pred),
        "--speaker-entities",
    ];
    let ours = newsmark(&[&args[..], &["--json"]].concat(), "");
    assert!(ours.status.success(), "{}", stderr(&ours));
    let theirs = run(true);
    assert_eq!(stdout(&ours), theirs);
    let ours = newsmark(&args, "");
    let name = gold.file_name().unwrap().to_str().unwrap();
    assert_eq!(stdout(&ours), format!("== {name} ==\n{}", run(false)));
    serde_json::from_str(&theirs).unwrap()
}

#[test]
fn eval_speaker_entities_agree_with_score_py_on_random_cases() {
    let Some(script) = score_py() else { return };
    let dir = scratch("eval-speaker-entities");
    let text = "Barack Obama met Angela Merkel. “Fine,” he said. “Yes,” said KCNA. “No,” I said.";
    let names = [
        json!(["Barack Obama", "Obama"]),
        json!(["Korean Central News Agency"]),
        json!(["KCNA"]),
        json!("Obama"),
        json!([]),
        json!(["", "Merkel"]),
        Value::Null,
    ];
    let predicted = [
        json!("Obama"),
        json!("Barack"),
        json!("KCNA"),
        json!("Korean Central News Agency"),
        json!("angela merkel"),
        json!(""),
        Value::Null,
    ];
    let speakers = [
        json!("he"),
        json!(" He "),
        json!("I"),
        json!("Obama"),
        json!(""),
    ];
    for seed in 1..=4u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let (mut gold, mut pred) = (Vec::new(), Vec::new());
        for i in 0..60 {
            let quotes = [(31, 38), (48, 55), (67, 72)];
            let mut gold_spans = Vec::new();
            let mut pred_spans = Vec::new();
            for (start, end) in quotes {
                let mut span = json!({"start": start, "end": end, "label": "QUOTE"});
                if rng.chance(80) {
                    span["speaker"] = rng.pick(&speakers).clone();
                }
                match rng.below(3) {
                    0 => span["speaker_entity_names"] = rng.pick(&names).clone(),
                    1 => span["speaker_entity"] = rng.pick(&predicted).clone(),
                    _ => {}
                }
                gold_spans.push(span);
                if rng.chance(80) {
                    let mut span =
                        json!({"start": start + rng.below(3) as i64, "end": end, "label": "QUOTE"});
                    if rng.chance(70) {
                        span["speaker_entity"] = rng.pick(&predicted).clone();
                    }
                    pred_spans.push(span);
                }
            }
            let layers = if rng.chance(90) {
                json!(["quotes"])
            } else {
                json!(["dates"])
            };
            gold.push(gold_doc(json!(i), layers, text, Value::Array(gold_spans)));
            pred.push(pred_doc(json!(i), text, Value::Array(pred_spans)));
        }
        let (gold_path, pred_path) = (dir.join("gold.jsonl"), dir.join("pred.jsonl"));
        write_jsonl(&gold_path, &gold);
        write_jsonl(&pred_path, &pred);
        let result = check_speaker_entity_agreement(&script, &gold_path, &pred_path);
        assert!(result["quotes"]["speaker_entity_accuracy"]["n"].as_u64() > Some(0));
    }
}

#[test]
fn eval_speaker_entities_agree_with_score_py_on_the_gum_corpus() {
    let Some(script) = score_py() else { return };
    let gold = shared().join("corpus/gum_news_dev.jsonl");
    if !gold.exists() {
        println!("note: {} is missing: skipped", gold.display());
        return;
    }
    let dir = scratch("eval-speaker-entities-gum");
    let annotated = newsmark(&["annotate", path_str(&gold)], "");
    assert!(annotated.status.success(), "{}", stderr(&annotated));
    let pred = dir.join("annotated.jsonl");
    std::fs::write(&pred, stdout(&annotated)).unwrap();
    let result = check_speaker_entity_agreement(&script, &gold, &pred);
    let entities = &result["quotes"]["speaker_entity_accuracy"];
    assert!(entities["correct"].as_u64() > Some(0), "{entities}");
    // Annotating in eval gives the figures score.py gives on annotate's output.
    let ours = newsmark(
        &["eval", path_str(&gold), "--json", "--speaker-entities"],
        "",
    );
    let ours: Value = serde_json::from_str(&stdout(&ours)).unwrap();
    assert_eq!(ours["quotes"]["speaker_entity_accuracy"], *entities);
}
