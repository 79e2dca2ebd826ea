//! What the `newsmark eval` tests share: documents, a small deterministic generator, and the
//! gold and predicted spans it makes.

use serde_json::{json, Value};

pub fn gold_doc(id: Value, layers: Value, text: &str, spans: Value) -> Value {
    json!({"id": id, "layers": layers, "text": text, "spans": spans})
}

pub fn pred_doc(id: Value, text: &str, spans: Value) -> Value {
    json!({"id": id, "text": text, "spans": spans})
}

/// A small deterministic generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

pub fn random_spans(rng: &mut Rng) -> Value {
    let labels = [
        "PERSON", "ORG", "PLACE", "MISC", "DATE", "TIME", "DURATION", "SET", "QUOTE", "QUOTE",
        "OTHER",
    ];
    let values = [
        json!("2014-04-21"),
        json!(" 2014-04-21"),
        json!("P1W"),
        json!(""),
        Value::Null,
        json!(2014),
    ];
    let speakers = [
        json!("Barack Obama"),
        json!("obama"),
        json!("Mr. Martí"),
        json!("MARTÍ"),
        json!("he"),
        json!("Ça_va"),
        json!(""),
        Value::Null,
    ];
    let count = rng.below(14);
    let mut spans = Vec::new();
    for _ in 0..count {
        // Spans cluster around a few anchors, so that they overlap, tie and duplicate often.
        let start = rng.below(5) as i64 * 12 + rng.below(3) as i64 - 2;
        let end = start + rng.below(9) as i64 - 1;
        let label = *rng.pick(&labels);
        let mut span = json!({"start": start, "end": end, "label": label});
        if rng.chance(60) {
            span["value"] = rng.pick(&values).clone();
        }
        if label == "QUOTE" {
            if rng.chance(70) {
                span["speaker"] = rng.pick(&speakers).clone();
            }
            if rng.chance(50) {
                let a = rng.below(4) as i64 * 15 + rng.below(5) as i64 - 3;
                span["speaker_start"] = json!(a);
                span["speaker_end"] = json!(a + rng.below(8) as i64 - 1);
            }
        }
        spans.push(span);
        if rng.chance(15) {
            spans.push(spans[spans.len() - 1].clone());
        }
    }
    Value::Array(spans)
}

/// Predictions near the gold: some gold spans copied (some shifted, relabelled, with another
/// value or speaker), plus random ones.
pub fn predicted_spans(rng: &mut Rng, gold: &Value) -> Value {
    let Value::Array(mut spans) = random_spans(rng) else {
        unreachable!()
    };
    for span in gold.as_array().unwrap() {
        if rng.chance(40) {
            continue;
        }
        let mut span = span.clone();
        for key in ["start", "end"] {
            if rng.chance(25) {
                let shift = rng.below(5) as i64 - 2;
                span[key] = json!(span[key].as_i64().unwrap() + shift);
            }
        }
        if rng.chance(15) {
            span["label"] = json!(*rng.pick(&["PERSON", "DATE", "TIME", "QUOTE"]));
        }
        if rng.chance(20) {
            span["value"] = json!(*rng.pick(&["2014-04-21", "P1W ", "XXXX"]));
        }
        if rng.chance(25) {
            span["speaker"] = json!(*rng.pick(&["he", "Obama", "martí", "Ça_Va!", ""]));
        }
        if rng.chance(15) {
            span.as_object_mut().unwrap().remove("speaker");
        }
        let at = rng.below(spans.len() as u64 + 1) as usize;
        spans.insert(at, span);
    }
    Value::Array(spans)
}

/// Predictions made from gold by deterministic damage: dropped, shifted, duplicated and
/// relabelled spans, changed values and speakers, missing documents.
pub fn damaged(gold: &str) -> String {
    let mut out = String::new();
    for (d, line) in gold.lines().enumerate() {
        if d % 10 == 3 {
            continue;
        }
        let mut doc: Value = serde_json::from_str(line).unwrap();
        let spans = doc["spans"].as_array().cloned().unwrap_or_default();
        let mut new = Vec::new();
        for (i, mut span) in spans.into_iter().enumerate() {
            match i % 6 {
                0 => continue,
                1 => span["start"] = json!(span["start"].as_i64().unwrap() + 1),
                2 => new.push(span.clone()),
                3 => {
                    let relabel = match span["label"].as_str().unwrap() {
                        "DATE" => "TIME",
                        "PERSON" => "ORG",
                        "QUOTE" => "QUOTE",
                        _ => "DATE",
                    };
                    span["label"] = json!(relabel);
                    span["end"] = json!(span["end"].as_i64().unwrap() + 3);
                }
                _ => {}
            }
            if i % 4 == 1 && span.get("value").is_some() {
                span["value"] = json!("XXXX");
            }
            if i % 3 == 0 && span.get("speaker").is_some() {
                span["speaker"] = json!("he");
                if let Some(end) = span["speaker_end"].as_i64() {
                    // Half keep overlapping offsets, half point elsewhere.
                    let (a, b) = if i % 2 == 0 {
                        (end - 1, end + 2)
                    } else {
                        (end + 5, end + 8)
                    };
                    span["speaker_start"] = json!(a);
                    span["speaker_end"] = json!(b);
                }
            }
            if i % 5 == 2 {
                span.as_object_mut().unwrap().remove("speaker");
            }
            new.push(span);
        }
        doc["spans"] = Value::Array(new);
        out.push_str(&format!("{doc}\n"));
    }
    out
}
