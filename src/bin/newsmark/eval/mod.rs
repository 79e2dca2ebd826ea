//! Scoring against gold corpora: a faithful port of `../shared/eval/score.py`, giving the same
//! figures, the same `--json` dictionary and the same table.
//!
//! Documents are matched by `id`; a layer is scored over the gold documents whose `layers` include
//! it. Matching is one-to-one and greedy: candidate pairs sorted by (largest overlap, smallest
//! start + end distance, gold index, prediction index). Where the corpus allows any JSON, Python's
//! semantics are kept: `true`/`false` count as the integers 1/0 (`isinstance(True, int)`), a
//! string `layers` is searched as a substring, values compare as `str(v).strip()`, ids `1` and
//! `1.0` are the same key. Inputs on which `score.py` itself would crash (a span that is not an
//! object, a non-string speaker, ...) are scored as sensibly as possible instead. Two known
//! differences, both outside standard JSONL: `NaN`/`Infinity` (accepted by Python's `json`) are
//! rejected, and a lone `\r` does not end a line.

mod python;
mod report;
mod spans;
mod speaker;

use std::collections::HashMap;

use crate::json::{field, Json};
use python::{has_layer, key, python_eq, python_str, python_strip, Key};
use spans::{count, exact, lenient, lenient_quote, matching, same_label, spans_of, Counter, Sp};
pub use speaker::SpeakerEntityAccuracy;
use speaker::{speaker_correct, speaker_entity_accuracy, speaker_text};

pub const ENTITY_LABELS: [&str; 4] = ["PERSON", "ORG", "PLACE", "MISC"];
pub const TIMEX_LABELS: [&str; 4] = ["DATE", "TIME", "DURATION", "SET"];
pub const QUOTE_LABELS: [&str; 1] = ["QUOTE"];
/// The layers in the order `score.py` scores and prints them.
pub const LAYERS: [(&str, &[&str]); 3] = [
    ("entities", &ENTITY_LABELS),
    ("dates", &TIMEX_LABELS),
    ("quotes", &QUOTE_LABELS),
];

/// Precision, recall and F1 from counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(tp: usize, pred: usize, gold: usize) -> Prf {
        let p = ratio(tp, pred);
        let r = ratio(tp, gold);
        let f1 = if p + r != 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            tp,
            pred,
            gold,
            p,
            r,
            f1,
        }
    }

    fn to_json(self) -> Json {
        Json::Object(vec![
            ("tp".into(), self.tp.into()),
            ("pred".into(), self.pred.into()),
            ("gold".into(), self.gold.into()),
            ("p".into(), self.p.into()),
            ("r".into(), self.r.into()),
            ("f1".into(), self.f1.into()),
        ])
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// `correct / n`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Accuracy {
    pub correct: usize,
    pub n: usize,
    pub acc: f64,
}

impl Accuracy {
    fn new(correct: usize, n: usize) -> Accuracy {
        Accuracy {
            correct,
            n,
            acc: ratio(correct, n),
        }
    }

    fn fields(self) -> Vec<(String, Json)> {
        vec![
            ("correct".into(), self.correct.into()),
            ("n".into(), self.n.into()),
            ("acc".into(), self.acc.into()),
        ]
    }
}

/// Speaker accuracy over lenient-matched gold quotes with a speaker, and recall over all of them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpeakerAccuracy {
    pub accuracy: Accuracy,
    pub gold_with_speaker: usize,
    pub recall: f64,
}

/// The scores of one layer.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerScore {
    pub layer: &'static str,
    pub docs: usize,
    pub docs_without_prediction: usize,
    /// Whether any prediction has spans of this layer or lists the layer in its `layers`.
    pub predicted: bool,
    /// Per key (labels, `micro`, `untyped`; `timex`, `typed`; `quote`), in `score.py`'s order.
    pub exact: Vec<(&'static str, Prf)>,
    pub lenient: Vec<(&'static str, Prf)>,
    /// Dates only.
    pub type_accuracy: Option<Accuracy>,
    pub value_accuracy: Option<Accuracy>,
    pub value_prf: Option<Prf>,
    /// Quotes only.
    pub speaker_accuracy: Option<SpeakerAccuracy>,
    /// Quotes, with `--speaker-entities`, when some matched gold quote names its speaker's
    /// entity.
    pub speaker_entity_accuracy: Option<SpeakerEntityAccuracy>,
}

/// What `score.py` computes for a gold file and a prediction file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub layers: Vec<LayerScore>,
    pub warnings: Vec<String>,
}

/// A gold or predicted value that counts: not missing, null or `""`.
fn has_value(value: Option<&Json>) -> bool {
    !matches!(value, None | Some(Json::Null)) && value.and_then(Json::as_str) != Some("")
}

/// The documents as objects; the error names the first that is not one.
fn objects<'a>(docs: &'a [Json], what: &str) -> Result<Vec<&'a [(String, Json)]>, String> {
    docs.iter()
        .enumerate()
        .map(|(i, doc)| match doc {
            Json::Object(fields) => Ok(&fields[..]),
            _ => Err(format!("{what} document {} is not a JSON object", i + 1)),
        })
        .collect()
}

/// Scores `pred` against `gold` exactly as `score.py` does. Every document must be a JSON
/// object; the error names the first that is not (`score.py` would fail there).
pub fn score(gold: &[Json], pred: &[Json]) -> Result<Report, String> {
    let gold_docs = objects(gold, "gold")?;
    let pred_docs = objects(pred, "predicted")?;
    let mut preds: HashMap<Key, &[(String, Json)]> = HashMap::new();
    for doc in pred_docs {
        preds.entry(key(field(doc, "id"))).or_insert(doc);
    }
    let mut report = Report::default();
    let mut warnings = Vec::new();
    for (layer, labels) in LAYERS {
        let gdocs: Vec<_> = gold_docs
            .iter()
            .filter(|g| has_layer(field(g, "layers"), layer))
            .collect();
        if gdocs.is_empty() {
            continue;
        }
        let (mut ex, mut le) = (Counter::default(), Counter::default());
        let (mut type_ok, mut type_n, mut val_ok, mut val_n) = (0, 0, 0, 0);
        let (mut val_pred, mut val_gold) = (0, 0);
        let (mut spk_ok, mut spk_n, mut spk_all) = (0, 0, 0);
        let mut predicted = false;
        let mut missing = 0;
        let ndocs = gdocs.len();
        for g in gdocs {
            let gold_text = field(g, "text");
            let empty: Vec<(String, Json)>;
            let p: &[(String, Json)] = match preds.get(&key(field(g, "id"))) {
                Some(p) => {
                    if let Some(text) = field(p, "text").filter(|t| **t != Json::Null) {
                        if !gold_text.is_some_and(|gt| python_eq(text, gt)) {
                            let id = field(g, "id").map_or("None".into(), python_str);
                            warnings.push(format!("{id}: predicted text differs from gold text"));
                        }
                    }
                    p
                }
                None => {
                    missing += 1;
                    empty = vec![("text".into(), gold_text.cloned().unwrap_or(Json::Null))];
                    &empty
                }
            };
            let (gs, ps) = (spans_of(g, labels), spans_of(p, labels));
            if !ps.is_empty() || has_layer(field(p, "layers"), layer) {
                predicted = true;
            }
            match layer {
                "entities" => {
                    for label in ENTITY_LABELS {
                        let gl: Vec<Sp> = gs.iter().filter(|s| s.label == label).copied().collect();
                        let pl: Vec<Sp> = ps.iter().filter(|s| s.label == label).copied().collect();
                        ex.add(label, count(&gl, &pl, exact), pl.len(), gl.len());
                        le.add(label, count(&gl, &pl, lenient), pl.len(), gl.len());
                    }
                    let (np, ng) = (ps.len(), gs.len());
                    ex.add("micro", count(&gs, &ps, same_label(exact)), np, ng);
                    le.add("micro", count(&gs, &ps, same_label(lenient)), np, ng);
                    ex.add("untyped", count(&gs, &ps, exact), np, ng);
                    le.add("untyped", count(&gs, &ps, lenient), np, ng);
                }
                "dates" => {
                    let (np, ng) = (ps.len(), gs.len());
                    ex.add("timex", count(&gs, &ps, exact), np, ng);
                    let pairs = matching(&gs, &ps, lenient);
                    le.add("timex", pairs.len(), np, ng);
                    ex.add("typed", count(&gs, &ps, same_label(exact)), np, ng);
                    let mut matched_pred_without_gold_value = 0;
                    for &(gi, pi) in &pairs {
                        type_n += 1;
                        type_ok += usize::from(gs[gi].label == ps[pi].label);
                        let gv = gs[gi].get("value");
                        if has_value(gv) {
                            val_n += 1;
                            let pv = ps[pi].get("value").filter(|v| **v != Json::Null);
                            let equal = pv.is_some_and(|pv| {
                                let gv = gv.map(python_str).unwrap_or_default();
                                python_strip(&python_str(pv)) == python_strip(&gv)
                            });
                            val_ok += usize::from(equal);
                        } else {
                            matched_pred_without_gold_value += 1;
                        }
                    }
                    val_gold += gs.iter().filter(|s| has_value(s.get("value"))).count();
                    val_pred += ps.len() - matched_pred_without_gold_value;
                }
                _ => {
                    let (np, ng) = (ps.len(), gs.len());
                    ex.add("quote", count(&gs, &ps, exact), np, ng);
                    let pairs = matching(&gs, &ps, lenient_quote);
                    le.add("quote", pairs.len(), np, ng);
                    let gtext = gold_text.and_then(Json::as_str);
                    let ptext = field(p, "text").and_then(Json::as_str);
                    spk_all += gs
                        .iter()
                        .filter(|s| speaker_text(gtext, s).is_some())
                        .count();
                    for &(gi, pi) in &pairs {
                        if speaker_text(gtext, &gs[gi]).is_some() {
                            spk_n += 1;
                            spk_ok += usize::from(speaker_correct(gtext, &gs[gi], ptext, &ps[pi]));
                        }
                    }
                }
            }
        }
        let mut score = LayerScore {
            layer,
            docs: ndocs,
            docs_without_prediction: missing,
            predicted,
            exact: ex.scores(),
            lenient: le.scores(),
            type_accuracy: None,
            value_accuracy: None,
            value_prf: None,
            speaker_accuracy: None,
            speaker_entity_accuracy: None,
        };
        if layer == "dates" {
            score.type_accuracy = Some(Accuracy::new(type_ok, type_n));
            score.value_accuracy = Some(Accuracy::new(val_ok, val_n));
            score.value_prf = Some(Prf::new(val_ok, val_pred, val_gold));
        }
        if layer == "quotes" {
            score.speaker_accuracy = Some(SpeakerAccuracy {
                accuracy: Accuracy::new(spk_ok, spk_n),
                gold_with_speaker: spk_all,
                recall: ratio(spk_ok, spk_all),
            });
        }
        report.layers.push(score);
    }
    if warnings.len() > 20 {
        let more = warnings.len() - 20;
        warnings.truncate(20);
        warnings.push(format!("... {more} more"));
    }
    report.warnings = warnings;
    Ok(report)
}

/// Scores as [`score`] does, and with `speaker_entities` also the speaker entity accuracy of
/// the quotes layer (`score.py --speaker-entities`).
pub fn score_with(gold: &[Json], pred: &[Json], speaker_entities: bool) -> Result<Report, String> {
    let mut report = score(gold, pred)?;
    if speaker_entities {
        let accuracy = speaker_entity_accuracy(gold, pred)?;
        if let Some(quotes) = report.layers.iter_mut().find(|l| l.layer == "quotes") {
            quotes.speaker_entity_accuracy = accuracy;
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::python::python_slice;
    use super::speaker::{last_word, SpeakerText};
    use super::*;

    fn docs(lines: &[&str]) -> Vec<Json> {
        lines.iter().map(|l| Json::parse(l).unwrap()).collect()
    }

    #[test]
    fn greedy_matching_prefers_overlap_then_distance() {
        let gold = docs(&[
            r#"{"id": "a", "layers": ["entities"], "text": "xxxxxxxxxxxxxxxxxxxx", "spans": [
                {"start": 0, "end": 10, "label": "PERSON"}, {"start": 10, "end": 14, "label": "PERSON"}]}"#,
        ]);
        // One long prediction overlaps both gold spans: it may match only one (the larger overlap).
        let pred = docs(&[
            r#"{"id": "a", "spans": [{"start": 2, "end": 14, "label": "PERSON"},
                {"start": 2, "end": 14, "label": "PERSON"}]}"#,
        ]);
        let report = score(&gold, &pred).unwrap();
        let entities = &report.layers[0];
        let lenient = entities
            .lenient
            .iter()
            .find(|(k, _)| *k == "PERSON")
            .unwrap()
            .1;
        assert_eq!((lenient.tp, lenient.pred, lenient.gold), (2, 2, 2));
        let exact = entities
            .exact
            .iter()
            .find(|(k, _)| *k == "micro")
            .unwrap()
            .1;
        assert_eq!(exact.tp, 0);
        assert!(entities.predicted);
    }

    #[test]
    fn python_semantics_of_odd_values() {
        assert!(python_eq(&Json::Int(1), &Json::Float(1.0)));
        assert!(python_eq(&Json::Bool(true), &Json::Int(1)));
        assert!(!python_eq(&Json::Float(1.5), &Json::Int(1)));
        assert_eq!(key(Some(&Json::Float(2.0))), key(Some(&Json::Int(2))));
        assert_eq!(python_str(&Json::Float(2014.0)), "2014.0");
        assert_eq!(python_str(&Json::Bool(false)), "False");
        assert!(has_layer(Some(&Json::from("entities,dates")), "dates"));
        assert!(!has_layer(Some(&Json::Int(1)), "dates"));
        assert_eq!(python_slice("héllo", -3, 100), "llo");
        assert_eq!(python_slice("héllo", 1, 3), "él");
        assert_eq!(python_slice("héllo", 4, 2), "");
        let word = |s: &str| last_word(&SpeakerText::Text(s.into()));
        assert_eq!(word("President José Martí"), Some("martí".into()));
        // A combining accent is not a word character in Python: "Jose\u{301}" ends in "jose".
        assert_eq!(word("Jose\u{301}"), Some("jose".into()));
        assert_eq!(word("—"), None);
        assert_eq!(python_strip("\u{1f} x \u{a0}"), "x");
    }

    #[test]
    fn table_layout_matches_score_py() {
        let gold = docs(&[
            r#"{"id": 1, "layers": ["dates"], "text": "on Monday", "spans": [
                {"start": 3, "end": 9, "label": "DATE", "value": "2014-04-21"}]}"#,
        ]);
        let report = score(&gold, &[]).unwrap();
        let table = report.table();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(
            lines[0],
            "DATES (1 docs, 1 without prediction)  [system predicts nothing for this layer]"
        );
        assert_eq!(
            lines[1],
            "               gold   pred      exP    exR   exF1      lnP    lnR   lnF1"
        );
        assert_eq!(
            lines[2],
            "  timex           1      0    0.000  0.000  0.000    0.000  0.000  0.000"
        );
        assert_eq!(
            lines[3],
            "  typed           1      0    0.000  0.000  0.000"
        );
        assert_eq!(lines[4], "  type accuracy (lenient pairs): 0.000 (0/0)");
        assert_eq!(
            lines[6],
            "  value P/R/F1 (TempEval-3): 0.000 0.000 0.000 (correct 0, pred 0, gold 1)"
        );
    }
}
