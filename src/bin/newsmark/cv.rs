//! `newsmark cv-ner`: k-fold cross-validation of the entity tagger. The documents of one file
//! are split into folds (by a hash of their ids, so the split never depends on file order);
//! each fold is tagged by a model trained on the other folds plus every document of the
//! `--with` files, and scored exactly: a name counts when its start, end and kind all match.
//! Settings are chosen on these figures, never on the dev files.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::thread;
use std::time::Instant;

use newsmark::entities::tagger::{Example, TrainSettings};
use newsmark::entities::{EntityLexicon, EntityRecognizer};
use newsmark::text::Document;
use newsmark::{Analysis, Kind, Span};

use crate::annotate::same_file;
use crate::corpus::corpus_spans;
use crate::json::Json;
use crate::silver;
use crate::train::examples;

const LABELS: [(Kind, &str); 4] = [
    (Kind::Person, "PERSON"),
    (Kind::Organization, "ORG"),
    (Kind::Place, "PLACE"),
    (Kind::Misc, "MISC"),
];

pub struct CvSettings {
    /// The file whose documents are split into folds.
    pub over: String,
    /// Files whose documents are added to every fold's training data.
    pub with: Vec<String>,
    pub folds: usize,
    pub tagger: TrainSettings,
    /// One whole cross-validation per shuffle seed: the spread over seeds.
    pub seeds: Vec<u64>,
    /// Folds trained at the same time.
    pub jobs: usize,
    /// Where to write the names each fold missed or got wrong.
    pub errors: Option<String>,
    /// Where to write every scored document with the names its fold's model found, in the
    /// corpus format (one seed only), for any scorer to read.
    pub pred: Option<String>,
    /// Silver documents ([`silver`]): each fold also learns from those its first model agrees on.
    pub silver: Option<String>,
}

/// True positives, predictions and gold names, per label (in [`LABELS`] order) and in all.
#[derive(Clone, Copy, Default)]
struct Counts {
    labels: [[usize; 3]; 4],
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        for (mine, theirs) in self.labels.iter_mut().zip(&other.labels) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
    }

    fn total(&self) -> [usize; 3] {
        self.labels
            .iter()
            .fold([0; 3], |t, l| [t[0] + l[0], t[1] + l[1], t[2] + l[2]])
    }

    fn line(&self) -> String {
        let mut line = format!("F1 {:.4}", f1(self.total()));
        let [tp, pred, gold] = self.total();
        line += &format!(" (P {:.4} R {:.4})", ratio(tp, pred), ratio(tp, gold));
        for ((_, name), counts) in LABELS.iter().zip(&self.labels) {
            line += &format!("  {name} {:.4}", f1(*counts));
        }
        line
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1([tp, pred, gold]: [usize; 3]) -> f64 {
    ratio(2 * tp, pred + gold)
}

/// 64-bit FNV-1a: a fold from a document id, the same on every platform and run.
fn fold_of(id: &str, folds: usize) -> usize {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    (hash % folds as u64) as usize
}

/// What a fold's model did on its documents: the counts; the errors as lines (the document id,
/// the byte range, `-` (missed) or `+` (wrong), the kind and the text around); and each
/// document as a corpus JSONL line with the names found (empty unless asked for).
struct Scored {
    counts: Counts,
    errors: Vec<String>,
    predictions: Vec<String>,
}

/// Tags `test` with `model` and scores it; `predict`: whether to write the prediction lines
/// (only `--pred` reads them).
fn score(model: &[u8], test: &[(&str, &Example)], predict: bool) -> Result<Scored, String> {
    let recognizer = EntityRecognizer::with_model(model).ok_or("the trained model is malformed")?;
    let mut counts = Counts::default();
    let mut errors = Vec::new();
    let mut predictions = Vec::new();
    for &(id, example) in test {
        let document = Document::new(&example.text);
        let layer = recognizer.recognize(&document);
        let index = |kind: Kind| LABELS.iter().position(|&(k, _)| k == kind);
        let gold: BTreeSet<(usize, usize, usize)> = (example.names.iter())
            .filter_map(|&(s, e, k)| Some((s, e, index(k)?)))
            .collect();
        let pred: BTreeSet<(usize, usize, usize)> = (layer.spans.iter())
            .filter_map(|s| Some((s.start, s.end, index(s.kind)?)))
            .collect();
        for &(_, _, k) in &gold {
            counts.labels[k][2] += 1;
        }
        for p in &pred {
            counts.labels[p.2][1] += 1;
            counts.labels[p.2][0] += usize::from(gold.contains(p));
        }
        let text = &example.text;
        let around = |s: usize, e: usize| {
            let before = text[..s].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
            let after = text[e..]
                .char_indices()
                .nth(30)
                .map_or(text.len(), |(i, _)| e + i);
            format!("{}[{}]{}", &text[before..s], &text[s..e], &text[e..after]).replace('\n', " ")
        };
        for (sign, set, other) in [("-", &gold, &pred), ("+", &pred, &gold)] {
            for &(s, e, k) in set.difference(other) {
                let (kind, around) = (LABELS[k].1, around(s, e));
                errors.push(format!("{id}\t{s}-{e}\t{sign} {kind}\t{around}"));
            }
        }
        if predict {
            predictions.push(prediction_line(id, text, layer.spans));
        }
    }
    Ok(Scored {
        counts,
        errors,
        predictions,
    })
}

/// A scored document in the corpus format: its id, text, the entities layer and `spans`.
fn prediction_line(id: &str, text: &str, spans: Vec<Span>) -> String {
    let analysis = Analysis {
        spans,
        ..Analysis::default()
    };
    Json::Object(vec![
        ("id".to_string(), Json::from(id)),
        (
            "layers".to_string(),
            Json::Array(vec![Json::from("entities")]),
        ),
        ("text".to_string(), Json::from(text)),
        ("spans".to_string(), corpus_spans(text, analysis)),
    ])
    .to_line()
}

/// A fold's documents and what its model did on them.
type FoldResult = Result<(usize, Scored), String>;

/// Trains on everything but fold `k` and scores fold `k` (`predict`: see [`score`]).
fn run_fold(
    k: usize,
    base: &[Example],
    over: &[(usize, String, Example)],
    silver: &[Example],
    settings: TrainSettings,
    lexicon: &EntityLexicon,
    predict: bool,
) -> FoldResult {
    let mut train: Vec<Example> = base.to_vec();
    train.extend(
        over.iter()
            .filter(|(f, _, _)| *f != k)
            .map(|(_, _, e)| e.clone()),
    );
    let test: Vec<(&str, &Example)> = over
        .iter()
        .filter(|(f, _, _)| *f == k)
        .map(|(_, id, e)| (id.as_str(), e))
        .collect();
    let (model, _, _) = silver::train(&train, silver, settings, lexicon)?;
    Ok((test.len(), score(&model, &test, predict)?))
}

pub fn cross_validate(settings: &CvSettings) -> Result<(), String> {
    let started = Instant::now();
    if settings.pred.is_some() && settings.seeds.len() != 1 {
        return Err("--pred writes one run's names: give one seed in --shuffle-seeds".into());
    }
    let mut errors_out = create_output(settings, settings.errors.as_deref(), "--errors")?;
    let mut pred_out = create_output(settings, settings.pred.as_deref(), "--pred")?;
    let no_ids = BTreeSet::new();
    let base: Vec<Example> = examples(&settings.with, &no_ids)?
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let over: Vec<(usize, String, Example)> =
        examples(std::slice::from_ref(&settings.over), &no_ids)?
            .into_iter()
            .map(|(id, e)| (fold_of(&id, settings.folds), id, e))
            .collect();
    let silver = (settings.silver.as_deref()).map_or(Ok(Vec::new()), |path| {
        let scored: BTreeSet<String> = over.iter().map(|(_, id, _)| id.clone()).collect();
        silver::load(path, &scored)
    })?;
    if over.is_empty() {
        return Err(format!(
            "{}: no documents with an entity layer",
            settings.over
        ));
    }
    println!(
        "cv-ner: {} folds over {} documents of {}, each trained with {} documents of {}; \
         {} epochs, 2^{} rows, prune {}",
        settings.folds,
        over.len(),
        settings.over,
        base.len(),
        if settings.with.is_empty() {
            "nothing else".to_string()
        } else {
            settings.with.join(", ")
        },
        settings.tagger.epochs,
        settings.tagger.bits,
        settings.tagger.prune
    );
    if let Some(path) = &settings.silver {
        println!(
            "cv-ner: and the sentences of the {} documents of {path} each fold's first model \
             agrees on",
            silver.len()
        );
    }
    let lexicon = EntityLexicon::new();
    let predict = settings.pred.is_some();
    let mut pooled_by_seed = Vec::new();
    for &seed in &settings.seeds {
        let tagger = TrainSettings {
            shuffle: seed,
            ..settings.tagger
        };
        let mut results = Vec::new();
        for chunk in (0..settings.folds)
            .collect::<Vec<_>>()
            .chunks(settings.jobs.max(1))
        {
            let done: Vec<FoldResult> = thread::scope(|scope| {
                let handles: Vec<_> = chunk
                    .iter()
                    .map(|&k| {
                        let (base, over, lexicon) = (&base, &over, &lexicon);
                        let silver = &silver;
                        scope.spawn(move || {
                            run_fold(k, base, over, silver, tagger, lexicon, predict)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|_| Err("a fold panicked".into())))
                    .collect()
            });
            for (k, result) in chunk.iter().zip(done) {
                results.push((*k, result?));
            }
        }
        let mut pooled = Counts::default();
        let mut fold_f1 = Vec::new();
        for (k, (docs, scored)) in &results {
            let Scored {
                counts,
                errors,
                predictions,
            } = scored;
            println!(
                "seed {seed} fold {}: {docs} documents, {}",
                k + 1,
                counts.line()
            );
            if let Some(out) = errors_out.as_mut() {
                for line in errors {
                    writeln!(out, "seed {seed} fold {}\t{line}", k + 1)
                        .map_err(|e| format!("--errors: {e}"))?;
                }
            }
            if let Some(out) = pred_out.as_mut() {
                for line in predictions {
                    writeln!(out, "{line}").map_err(|e| format!("--pred: {e}"))?;
                }
            }
            pooled.add(counts);
            fold_f1.push(f1(counts.total()));
        }
        let (mean, sd) = mean_sd(&fold_f1);
        println!(
            "seed {seed}: pooled {}; mean of folds {mean:.4} (sd {sd:.4})",
            pooled.line()
        );
        pooled_by_seed.push(f1(pooled.total()));
    }
    if pooled_by_seed.len() > 1 {
        let (mean, sd) = mean_sd(&pooled_by_seed);
        let min = pooled_by_seed.iter().copied().fold(f64::INFINITY, f64::min);
        let max = pooled_by_seed.iter().copied().fold(0.0, f64::max);
        println!(
            "over {} seeds: pooled F1 mean {mean:.4}, sd {sd:.4}, min {min:.4}, max {max:.4}",
            pooled_by_seed.len()
        );
    }
    eprintln!("cv-ner: {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// Creates the file an option names (`None` without the option), refusing any of the input
/// files: writing it would destroy the documents being read.
fn create_output(
    settings: &CvSettings,
    path: Option<&str>,
    option: &str,
) -> Result<Option<BufWriter<File>>, String> {
    let Some(path) = path else { return Ok(None) };
    let inputs = std::iter::once(&settings.over)
        .chain(&settings.with)
        .chain(&settings.silver);
    if let Ok(out) = fs::metadata(path) {
        for input in inputs {
            if fs::metadata(input).is_ok_and(|inp| same_file(&inp, &out)) {
                return Err(format!(
                    "{option} {path} is the input file {input}: write it elsewhere"
                ));
            }
        }
    }
    let file = File::create(path).map_err(|e| format!("{option} {path}: {e}"))?;
    Ok(Some(BufWriter::new(file)))
}

/// The mean and the (population) standard deviation.
fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len().max(1) as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    (mean, var.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_are_stable_and_spread() {
        assert_eq!(fold_of("GUM_news_iodine", 5), fold_of("GUM_news_iodine", 5));
        let mut seen = [0; 5];
        for n in 0..100 {
            seen[fold_of(&format!("doc{n}"), 5)] += 1;
        }
        assert!(seen.iter().all(|&c| c > 5), "{seen:?}");
    }

    #[test]
    fn exact_scoring_counts_kind_and_edges() {
        assert_eq!(f1([0, 0, 0]), 0.0);
        assert_eq!(f1([1, 2, 2]), 0.5);
        let mut a = Counts::default();
        a.labels[0] = [1, 2, 3];
        let mut b = Counts::default();
        b.labels[2] = [2, 2, 2];
        a.add(&b);
        assert_eq!(a.total(), [3, 4, 5]);
    }
}
