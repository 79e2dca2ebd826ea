//! Spans and their matching: `spans_of`, the per-key counter, and the one-to-one greedy matching
//! with its exact, lenient and lenient-quote tests.

use super::python::python_int;
use super::Prf;
use crate::json::{field, Json};

/// Counts per key, keeping the order keys were first added.
#[derive(Default)]
pub(super) struct Counter(Vec<(&'static str, [usize; 3])>);

impl Counter {
    pub(super) fn add(&mut self, key: &'static str, tp: usize, pred: usize, gold: usize) {
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

    pub(super) fn scores(&self) -> Vec<(&'static str, Prf)> {
        self.0
            .iter()
            .map(|(k, [tp, pred, gold])| (*k, Prf::new(*tp, *pred, *gold)))
            .collect()
    }
}

/// A span that passed `spans_of`: a known label and integer offsets with `end > start`.
#[derive(Clone, Copy)]
pub(super) struct Sp<'a> {
    pub(super) start: i128,
    pub(super) end: i128,
    pub(super) label: &'a str,
    pub(super) fields: &'a [(String, Json)],
}

impl<'a> Sp<'a> {
    pub(super) fn get(&self, key: &str) -> Option<&'a Json> {
        field(self.fields, key)
    }
}

/// `spans_of`: the spans with one of `labels` and integer offsets, `end > start`, in order.
pub(super) fn spans_of<'a>(doc: &'a [(String, Json)], labels: &[&str]) -> Vec<Sp<'a>> {
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

pub(super) fn overlap(a: &Sp, b: &Sp) -> i128 {
    a.end.min(b.end) - a.start.max(b.start)
}

/// One-to-one greedy matching of the pairs `ok` allows: candidates sorted by (-overlap,
/// |Δstart| + |Δend|, gold index, prediction index), taken while both sides are free.
pub(super) fn matching(
    golds: &[Sp],
    preds: &[Sp],
    ok: impl Fn(&Sp, &Sp) -> bool,
) -> Vec<(usize, usize)> {
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

pub(super) fn count(golds: &[Sp], preds: &[Sp], ok: impl Fn(&Sp, &Sp) -> bool) -> usize {
    matching(golds, preds, ok).len()
}

pub(super) fn exact(g: &Sp, p: &Sp) -> bool {
    g.start == p.start && g.end == p.end
}

pub(super) fn lenient(g: &Sp, p: &Sp) -> bool {
    overlap(g, p) > 0
}

pub(super) fn same_label(test: fn(&Sp, &Sp) -> bool) -> impl Fn(&Sp, &Sp) -> bool {
    move |g, p| g.label == p.label && test(g, p)
}

/// A quote matches leniently when the overlap covers at least half of the gold span.
pub(super) fn lenient_quote(g: &Sp, p: &Sp) -> bool {
    let o = overlap(g, p);
    o * 2 >= g.end - g.start && o > 0
}
