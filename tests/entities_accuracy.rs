//! The embedded entity model scores on `conll_dev` what `tests/accuracy/entities.json` records
//! (within the 0.01 tolerance of the floors script), when `../shared/corpus` is there; skipped
//! with a printed note otherwise.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

#[test]
fn conll_dev_scores_what_is_recorded() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus/conll_dev.jsonl");
    if !corpus.exists() {
        eprintln!(
            "note: {} missing; entity accuracy not checked",
            corpus.display()
        );
        return;
    }
    let records: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/accuracy/entities.json")).unwrap(),
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(["eval", "--json"])
        .arg(&corpus)
        .output()
        .expect("newsmark eval runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let score: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut checked = 0;
    for figure in records["figures"].as_array().unwrap() {
        if figure["corpus"] != "conll_dev.jsonl" {
            continue;
        }
        let metric = figure["metric"].as_str().unwrap();
        let recorded = figure["recorded"].as_f64().unwrap();
        let now = metric
            .split('.')
            .fold(&score, |value, key| &value[key])
            .as_f64()
            .unwrap_or_else(|| panic!("no figure {metric}"));
        assert!(
            now >= recorded - 0.01,
            "{metric}: recorded {recorded}, now {now:.4}"
        );
        checked += 1;
    }
    assert!(checked > 0, "no conll_dev figure recorded");
}
