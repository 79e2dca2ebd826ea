//! The report `score.py` prints: the `--json` dictionary and the table.

use super::{Prf, Report};
use crate::json::Json;

impl Report {
    /// The dictionary `score.py --json` prints (print it with [`Json::to_pretty`]).
    pub fn to_json(&self) -> Json {
        let mut out = Vec::new();
        for layer in &self.layers {
            let prfs = |scores: &[(&str, Prf)]| {
                Json::Object(
                    scores
                        .iter()
                        .map(|(k, prf)| (k.to_string(), prf.to_json()))
                        .collect(),
                )
            };
            let mut fields = vec![
                ("docs".to_string(), layer.docs.into()),
                (
                    "docs_without_prediction".to_string(),
                    layer.docs_without_prediction.into(),
                ),
                ("predicted".to_string(), layer.predicted.into()),
                ("exact".to_string(), prfs(&layer.exact)),
                ("lenient".to_string(), prfs(&layer.lenient)),
            ];
            if let (Some(t), Some(v), Some(vp)) =
                (layer.type_accuracy, layer.value_accuracy, layer.value_prf)
            {
                fields.push(("type_accuracy".into(), Json::Object(t.fields())));
                fields.push(("value_accuracy".into(), Json::Object(v.fields())));
                fields.push(("value_prf".into(), vp.to_json()));
            }
            if let Some(s) = layer.speaker_accuracy {
                let mut speaker = s.accuracy.fields();
                speaker.push(("gold_with_speaker".into(), s.gold_with_speaker.into()));
                speaker.push(("recall".into(), s.recall.into()));
                fields.push(("speaker_accuracy".into(), Json::Object(speaker)));
            }
            if let Some(e) = layer.speaker_entity_accuracy {
                fields.push(("speaker_entity_accuracy".into(), e.to_json()));
            }
            out.push((layer.layer.to_string(), Json::Object(fields)));
        }
        if !self.warnings.is_empty() {
            let warnings = self.warnings.iter().map(|w| Json::from(w.as_str()));
            out.push(("warnings".into(), Json::Array(warnings.collect())));
        }
        Json::Object(out)
    }

    /// The table `score.py` prints (without a final line break).
    pub fn table(&self) -> String {
        let mut out: Vec<String> = Vec::new();
        let head = format!(
            "  {:<10} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}",
            "", "gold", "pred", "exP", "exR", "exF1", "lnP", "lnR", "lnF1"
        );
        let short = |name: &str, e: &Prf| {
            format!(
                "  {name:<10} {:>6} {:>6}   {:6.3} {:6.3} {:6.3}",
                e.gold, e.pred, e.p, e.r, e.f1
            )
        };
        for r in &self.layers {
            let note = if r.predicted {
                ""
            } else {
                "  [system predicts nothing for this layer]"
            };
            let miss = if r.docs_without_prediction > 0 {
                format!(", {} without prediction", r.docs_without_prediction)
            } else {
                String::new()
            };
            out.push(format!(
                "{} ({} docs{miss}){note}",
                r.layer.to_uppercase(),
                r.docs
            ));
            out.push(head.clone());
            let special = ["micro", "untyped", "typed"];
            let keys = r.exact.iter().filter(|(k, _)| !special.contains(k)).chain(
                special
                    .iter()
                    .filter_map(|s| r.exact.iter().find(|(k, _)| k == s)),
            );
            for (k, e) in keys {
                match r.lenient.iter().find(|(l, _)| l == k) {
                    Some((_, l)) => out.push(format!(
                        "{}   {:6.3} {:6.3} {:6.3}",
                        short(k, e),
                        l.p,
                        l.r,
                        l.f1
                    )),
                    None => out.push(short(k, e)),
                }
            }
            if let (Some(t), Some(v), Some(vp)) = (r.type_accuracy, r.value_accuracy, r.value_prf) {
                out.push(format!(
                    "  type accuracy (lenient pairs): {:.3} ({}/{})",
                    t.acc, t.correct, t.n
                ));
                out.push(format!(
                    "  value accuracy (lenient-matched gold with value): {:.3} ({}/{})",
                    v.acc, v.correct, v.n
                ));
                out.push(format!(
                    "  value P/R/F1 (TempEval-3): {:.3} {:.3} {:.3} (correct {}, pred {}, gold {})",
                    vp.p, vp.r, vp.f1, vp.tp, vp.pred, vp.gold
                ));
            }
            if let Some(s) = r.speaker_accuracy {
                out.push(format!(
                    "  speaker accuracy (lenient-matched gold with speaker): {:.3} ({}/{}); \
                     speaker recall {:.3} (of {})",
                    s.accuracy.acc, s.accuracy.correct, s.accuracy.n, s.recall, s.gold_with_speaker
                ));
            }
            if let Some(e) = r.speaker_entity_accuracy {
                out.push(e.table_line());
            }
        }
        for w in &self.warnings {
            out.push(format!("warning: {w}"));
        }
        out.join("\n")
    }
}
