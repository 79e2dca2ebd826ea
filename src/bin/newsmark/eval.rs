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

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use regex::Regex;

use crate::corpus::{field, is_python_space, python_float, Json};

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

/// Counts per key, keeping the order keys were first added.
#[derive(Default)]
struct Counter(Vec<(&'static str, [usize; 3])>);

impl Counter {
    fn add(&mut self, key: &'static str, tp: usize, pred: usize, gold: usize) {
        let i = match self.0.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                self.0.push((key, [0; 3]));
                self.0.len() - 1
            }
        };
        let counts = &mut self.0[i].1;
        counts[0] += tp;
        counts[1] += pred;
        counts[2] += gold;
    }

    fn scores(&self) -> Vec<(&'static str, Prf)> {
        self.0
            .iter()
            .map(|(k, [tp, pred, gold])| (*k, Prf::new(*tp, *pred, *gold)))
            .collect()
    }
}

/// A span that passed `spans_of`: a known label and integer offsets with `end > start`.
#[derive(Clone, Copy)]
struct Sp<'a> {
    start: i128,
    end: i128,
    label: &'a str,
    fields: &'a [(String, Json)],
}

impl<'a> Sp<'a> {
    fn get(&self, key: &str) -> Option<&'a Json> {
        field(self.fields, key)
    }
}

/// Python's `isinstance(v, int)` (bools included) with the integer.
fn python_int(value: Option<&Json>) -> Option<i128> {
    match value? {
        Json::Int(n) => Some(*n),
        Json::Bool(b) => Some(i128::from(*b)),
        _ => None,
    }
}

/// Python's truth value of a JSON value.
fn truthy(value: &Json) -> bool {
    match value {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Int(n) => *n != 0,
        Json::Float(f) => *f != 0.0,
        Json::Str(s) => !s.is_empty(),
        Json::Array(items) => !items.is_empty(),
        Json::Object(fields) => !fields.is_empty(),
    }
}

/// A float that equals an integer, as that integer.
fn integral(f: f64) -> Option<i128> {
    (f.fract() == 0.0 && f.abs() < 1e38).then_some(f as i128)
}

/// Python's `==` between JSON values (`1 == 1.0 == True`, dicts regardless of key order).
fn python_eq(a: &Json, b: &Json) -> bool {
    enum Num {
        I(i128),
        F(f64),
    }
    let number = |v: &Json| match v {
        Json::Bool(b) => Some(Num::I(i128::from(*b))),
        Json::Int(n) => Some(Num::I(*n)),
        Json::Float(f) => Some(Num::F(*f)),
        _ => None,
    };
    match (a, b) {
        (Json::Null, Json::Null) => true,
        (Json::Str(x), Json::Str(y)) => x == y,
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| python_eq(x, y))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| field(y, k).is_some_and(|w| python_eq(v, w)))
        }
        _ => match (number(a), number(b)) {
            (Some(Num::I(x)), Some(Num::I(y))) => x == y,
            (Some(Num::F(x)), Some(Num::F(y))) => x == y,
            (Some(Num::I(x)), Some(Num::F(y))) | (Some(Num::F(y)), Some(Num::I(x))) => {
                integral(y) == Some(x)
            }
            _ => false,
        },
    }
}

/// Python's `repr` of a string (quotes chosen as Python chooses them).
fn python_repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let n = c as u32;
                let _ = if n < 0x100 {
                    write!(out, "\\x{n:02x}")
                } else {
                    write!(out, "\\u{n:04x}")
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str(v)` of a JSON value (as `json.loads` would have built it).
fn python_str(value: &Json) -> String {
    match value {
        Json::Str(s) => s.clone(),
        other => python_repr(other),
    }
}

fn python_repr(value: &Json) -> String {
    match value {
        Json::Null => "None".into(),
        Json::Bool(true) => "True".into(),
        Json::Bool(false) => "False".into(),
        Json::Int(n) => n.to_string(),
        Json::Float(f) => python_float(*f),
        Json::Str(s) => python_repr_str(s),
        Json::Array(items) => {
            let items: Vec<String> = items.iter().map(python_repr).collect();
            format!("[{}]", items.join(", "))
        }
        Json::Object(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("{}: {}", python_repr_str(k), python_repr(v)))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
    }
}

/// Python's `str.strip()`.
fn python_strip(s: &str) -> &str {
    s.trim_matches(is_python_space)
}

/// A document id as a Python dict key: equal keys exactly when Python's `==` holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    None,
    Int(i128),
    Float(u64),
    Str(String),
    /// Lists and objects (unhashable in Python, where `score.py` would fail).
    Other(String),
}

fn key(id: Option<&Json>) -> Key {
    match id {
        None | Some(Json::Null) => Key::None,
        Some(Json::Bool(b)) => Key::Int(i128::from(*b)),
        Some(Json::Int(n)) => Key::Int(*n),
        Some(Json::Float(f)) => match integral(*f) {
            Some(n) => Key::Int(n),
            None => Key::Float(f.to_bits()),
        },
        Some(Json::Str(s)) => Key::Str(s.clone()),
        Some(other) => Key::Other(other.to_line()),
    }
}

/// Python's `layer in (doc.get("layers") or [])`.
fn has_layer(layers: Option<&Json>, layer: &str) -> bool {
    match layers {
        Some(Json::Array(items)) => items.iter().any(|item| item.as_str() == Some(layer)),
        Some(Json::Str(s)) => s.contains(layer),
        Some(Json::Object(fields)) => field(fields, layer).is_some(),
        _ => false,
    }
}

/// `spans_of`: the spans with one of `labels` and integer offsets, `end > start`, in order.
fn spans_of<'a>(doc: &'a [(String, Json)], labels: &[&str]) -> Vec<Sp<'a>> {
    let Some(Json::Array(spans)) = field(doc, "spans") else {
        return Vec::new();
    };
    spans
        .iter()
        .filter_map(|span| {
            let Json::Object(fields) = span else {
                return None;
            };
            let label = field(fields, "label")?.as_str()?;
            let start = python_int(field(fields, "start"))?;
            let end = python_int(field(fields, "end"))?;
            (labels.contains(&label) && end > start).then_some(Sp {
                start,
                end,
                label,
                fields,
            })
        })
        .collect()
}

fn overlap(a: &Sp, b: &Sp) -> i128 {
    a.end.min(b.end) - a.start.max(b.start)
}

/// One-to-one greedy matching of the pairs `ok` allows: candidates sorted by (-overlap,
/// |Δstart| + |Δend|, gold index, prediction index), taken while both sides are free.
fn matching(golds: &[Sp], preds: &[Sp], ok: impl Fn(&Sp, &Sp) -> bool) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        for (pi, p) in preds.iter().enumerate() {
            if ok(g, p) {
                let distance = (g.start - p.start).abs() + (g.end - p.end).abs();
                candidates.push((-overlap(g, p), distance, gi, pi));
            }
        }
    }
    // The keys are distinct (gi, pi differ), so the order is total and stability is moot.
    candidates.sort_unstable();
    let mut used_gold = vec![false; golds.len()];
    let mut used_pred = vec![false; preds.len()];
    let mut pairs = Vec::new();
    for (_, _, gi, pi) in candidates {
        if !used_gold[gi] && !used_pred[pi] {
            used_gold[gi] = true;
            used_pred[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs
}

fn count(golds: &[Sp], preds: &[Sp], ok: impl Fn(&Sp, &Sp) -> bool) -> usize {
    matching(golds, preds, ok).len()
}

fn exact(g: &Sp, p: &Sp) -> bool {
    g.start == p.start && g.end == p.end
}

fn lenient(g: &Sp, p: &Sp) -> bool {
    overlap(g, p) > 0
}

fn same_label(test: fn(&Sp, &Sp) -> bool) -> impl Fn(&Sp, &Sp) -> bool {
    move |g, p| g.label == p.label && test(g, p)
}

/// A quote matches leniently when the overlap covers at least half of the gold span.
fn lenient_quote(g: &Sp, p: &Sp) -> bool {
    let o = overlap(g, p);
    o * 2 >= g.end - g.start && o > 0
}

/// Python's `text[a:b]` with code-point indices (negative from the end, clamped).
fn python_slice(text: &str, a: i128, b: i128) -> String {
    let len = text.chars().count() as i128;
    let clamp = |i: i128| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let (a, b) = (clamp(a), clamp(b));
    if b <= a {
        return String::new();
    }
    text.chars()
        .skip(a as usize)
        .take((b - a) as usize)
        .collect()
}

/// What `speaker_text` returns, when truthy: the string, or a non-string value (on which
/// `score.py` would fail; here it has no last word).
enum SpeakerText {
    Text(String),
    Opaque,
}

fn speaker_text(doc_text: Option<&str>, s: &Sp) -> Option<SpeakerText> {
    if let Some(speaker) = s.get("speaker").filter(|v| truthy(v)) {
        return Some(match speaker {
            Json::Str(text) => SpeakerText::Text(text.clone()),
            _ => SpeakerText::Opaque,
        });
    }
    let a = python_int(s.get("speaker_start"))?;
    let b = python_int(s.get("speaker_end"))?;
    if b <= a {
        return None;
    }
    let text = python_slice(doc_text?, a, b);
    (!text.is_empty()).then_some(SpeakerText::Text(text))
}

/// The last `\w+` word of the lowercased text. Python's `\w` on `str` is exactly the Unicode
/// letters and numbers (categories L*, N*) and `_`; Rust's `\w` would add marks and connectors.
fn last_word(speaker: &SpeakerText) -> Option<String> {
    static WORD: OnceLock<Regex> = OnceLock::new();
    let SpeakerText::Text(text) = speaker else {
        return None;
    };
    let word = WORD.get_or_init(|| Regex::new(r"[\p{L}\p{N}_]+").expect("valid pattern"));
    let lower = text.to_lowercase();
    let last = word.find_iter(&lower).last();
    last.map(|m| m.as_str().to_string())
}

fn speaker_correct(gold_text: Option<&str>, g: &Sp, pred_text: Option<&str>, p: &Sp) -> bool {
    if let (Some(gs), Some(ps)) = (speaker_text(gold_text, g), speaker_text(pred_text, p)) {
        if let Some(word) = last_word(&gs) {
            if last_word(&ps) == Some(word) {
                return true;
            }
        }
    }
    let offsets = [
        g.get("speaker_start"),
        g.get("speaker_end"),
        p.get("speaker_start"),
        p.get("speaker_end"),
    ]
    .map(python_int);
    match offsets {
        [Some(ga), Some(gb), Some(pa), Some(pb)] => gb.min(pb) - ga.max(pa) > 0,
        _ => false,
    }
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

// ---------------------------------------------------------------------------------------------
// Speaker entity accuracy (`score.py --speaker-entities`)

/// Speaker entity accuracy over lenient-matched gold quotes whose gold names the entity of its
/// speaker (`speaker_entity_names`, else `speaker_entity`), overall and where the gold speaker
/// mention is a pronoun.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpeakerEntityAccuracy {
    pub accuracy: Accuracy,
    pub pronoun: Accuracy,
}

impl SpeakerEntityAccuracy {
    fn to_json(self) -> Json {
        let mut fields = self.accuracy.fields();
        fields.push(("pronoun_correct".into(), self.pronoun.correct.into()));
        fields.push(("pronoun_n".into(), self.pronoun.n.into()));
        fields.push(("pronoun_acc".into(), self.pronoun.acc.into()));
        Json::Object(fields)
    }

    fn table_line(self) -> String {
        let (a, p) = (self.accuracy, self.pronoun);
        format!(
            "  speaker entity accuracy: {:.3} ({}/{}); pronoun speakers {:.3} ({}/{})",
            a.acc, a.correct, a.n, p.acc, p.correct, p.n
        )
    }
}

/// The speaker mentions `score.py` counts as pronouns.
const PRONOUNS: [&str; 10] = [
    "he", "she", "they", "i", "we", "it", "him", "her", "them", "you",
];

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

/// The speaker entity accuracy of the quotes layer; `None` when no matched gold quote names
/// an entity (then `score.py` prints nothing).
fn speaker_entity_accuracy(
    gold: &[Json],
    pred: &[Json],
) -> Result<Option<SpeakerEntityAccuracy>, String> {
    let gold_docs = objects(gold, "gold")?;
    let mut preds: HashMap<Key, &[(String, Json)]> = HashMap::new();
    for doc in objects(pred, "predicted")? {
        preds.entry(key(field(doc, "id"))).or_insert(doc);
    }
    let (mut ok, mut n, mut pronoun_ok, mut pronoun_n) = (0, 0, 0, 0);
    for g in gold_docs
        .into_iter()
        .filter(|g| has_layer(field(g, "layers"), "quotes"))
    {
        let empty: [(String, Json); 0] = [];
        let p = preds.get(&key(field(g, "id"))).copied().unwrap_or(&empty);
        let (gs, ps) = (spans_of(g, &QUOTE_LABELS), spans_of(p, &QUOTE_LABELS));
        let gtext = field(g, "text").and_then(Json::as_str);
        for (gi, pi) in matching(&gs, &ps, lenient_quote) {
            let Some(names) = gold_entity_names(&gs[gi]) else {
                continue;
            };
            let pronoun = match speaker_text(gtext, &gs[gi]) {
                Some(SpeakerText::Text(text)) => {
                    PRONOUNS.contains(&python_strip(&text).to_lowercase().as_str())
                }
                _ => false,
            };
            let correct = entity_correct(&names, ps[pi].get("speaker_entity"));
            n += 1;
            ok += usize::from(correct);
            pronoun_n += usize::from(pronoun);
            pronoun_ok += usize::from(pronoun && correct);
        }
    }
    Ok((n > 0).then(|| SpeakerEntityAccuracy {
        accuracy: Accuracy::new(ok, n),
        pronoun: Accuracy::new(pronoun_ok, pronoun_n),
    }))
}

/// The gold names of a quote's speaker entity, when it has any: Python's
/// `g.get("speaker_entity_names") or [g.get("speaker_entity")]`, iterated as Python would (a
/// string's characters, an object's keys).
fn gold_entity_names(g: &Sp) -> Option<Vec<Json>> {
    let truthy_field = |key: &str| g.get(key).filter(|v| truthy(v));
    match (
        truthy_field("speaker_entity_names"),
        truthy_field("speaker_entity"),
    ) {
        (Some(Json::Array(items)), _) => Some(items.clone()),
        (Some(Json::Str(s)), _) => Some(s.chars().map(|c| Json::Str(c.into())).collect()),
        (Some(Json::Object(fields)), _) => {
            Some(fields.iter().map(|(k, _)| Json::from(k.as_str())).collect())
        }
        (Some(_), _) => Some(Vec::new()),
        (None, Some(name)) => Some(vec![name.clone()]),
        (None, None) => None,
    }
}

/// `speaker_entity_correct`: the predicted entity name shares a key (last word, initials) with
/// one of the gold names.
fn entity_correct(names: &[Json], predicted: Option<&Json>) -> bool {
    let predicted = name_keys(predicted);
    !predicted.is_empty()
        && names
            .iter()
            .filter(|name| truthy(name))
            .any(|name| name_keys(Some(name)).iter().any(|k| predicted.contains(k)))
}

/// `name_keys`: a name's last `\w+` word and, with several capitalized words, their initials,
/// lowercase. A value that is no string has none.
fn name_keys(name: Option<&Json>) -> Vec<String> {
    static WORD: OnceLock<Regex> = OnceLock::new();
    let Some(Json::Str(name)) = name else {
        return Vec::new();
    };
    let word = WORD.get_or_init(|| Regex::new(r"[\p{L}\p{N}_]+").expect("valid pattern"));
    let words: Vec<&str> = word.find_iter(name).map(|m| m.as_str()).collect();
    let Some(last) = words.last() else {
        return Vec::new();
    };
    let mut keys = vec![last.to_lowercase()];
    let capitals: Vec<char> = words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    if capitals.len() > 1 {
        keys.push(capitals.into_iter().collect::<String>().to_lowercase());
    }
    keys
}

#[cfg(test)]
mod tests {
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
