//! `newsmark train-ner`: trains the entity tagger on gold corpus files and writes the model file
//! the crate embeds; `newsmark bench`: tokens per second of the analysis.

use std::collections::BTreeSet;
use std::time::Instant;

use crate::corpus;
use crate::json::Json;
use crate::silver;
use newsmark::entities::tagger::{Example, TrainSettings, SHUFFLE};
use newsmark::entities::EntityLexicon;
use newsmark::text::Document;
use newsmark::{Analyzer, Kind, Layer, Options};

use crate::args::Parsed;

/// The gold names of a corpus document as byte ranges; `None` when it has no entity layer.
pub fn example(doc: &Json) -> Result<Option<Example>, String> {
    let text = doc
        .get("text")
        .and_then(Json::as_str)
        .ok_or("no string \"text\"")?;
    let has_entities = matches!(doc.get("layers"), Some(Json::Array(layers))
        if layers.iter().any(|l| l.as_str() == Some("entities")));
    if !has_entities {
        return Ok(None);
    }
    // Code point → byte offsets.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.len());
    let mut names = Vec::new();
    if let Some(Json::Array(spans)) = doc.get("spans") {
        for span in spans {
            let kind = match span.get("label").and_then(Json::as_str) {
                Some("PERSON") => Kind::Person,
                Some("ORG") => Kind::Organization,
                Some("PLACE") => Kind::Place,
                Some("MISC") => Kind::Misc,
                _ => continue,
            };
            let offset = |key: &str| match span.get(key) {
                Some(Json::Int(n)) if *n >= 0 && (*n as usize) < bytes.len() => {
                    Ok(bytes[*n as usize])
                }
                _ => Err(format!("bad span {key}")),
            };
            let (start, end) = (offset("start")?, offset("end")?);
            if start < end {
                names.push((start, end, kind));
            }
        }
    }
    names.sort_unstable_by_key(|&(s, e, _)| (s, e));
    Ok(Some(Example {
        text: text.to_string(),
        names,
    }))
}

/// The value of option `name` as a number, `default` when it is not given.
fn number(parsed: &Parsed, name: &str, default: u64) -> Result<u64, String> {
    parsed.value(name).map_or(Ok(default), |v| {
        v.parse()
            .map_err(|_| format!("{name}: not a number: {v:?}"))
    })
}

/// Perceptrons averaged into one model unless `--runs` says otherwise. Chosen by `newsmark
/// cv-ner` (pooled F1, mean over seeds 1 and 2): 5 runs against 1, GUM 5-fold 0.6344 against
/// 0.6304, CoNLL train 5-fold (`--over conll_train.jsonl --with none`) 0.8928 against 0.8887;
/// the model is 23 KB gzip smaller (85,004 non-zero weights instead of 107,625). With 5 runs,
/// prune 3 gave 0.6337 and 0.8942: no better than 4 (before word dropout; see [`PRUNE`]).
const RUNS: u64 = 5;

/// Per mille of name tokens whose word features a training pass hides, unless `--word-dropout`
/// says otherwise. Chosen with the prune level by `newsmark cv-ner` (pooled F1, seeds 1-3, with
/// the club list; GUM 5-fold / CoNLL-train 5-fold): 0 at prune 4 (the model before) 0.6333 /
/// 0.8974; 75 at prune 5 0.6363 / 0.8961; 150 at prune 5 0.6374 (sd 0.0008) / 0.8982 (sd
/// 0.0002). Hiding words grows the model (more weights are learned), so prune 4 with 150 (0.6387
/// / 0.8974 without the club list, 191 KB gzip) does not fit the `.wasm` budget; prune 5 does.
const WORD_DROPOUT: u64 = 150;

/// Quantized weights of at most this many steps are dropped unless `--prune` says otherwise: 5
/// with [`WORD_DROPOUT`] (above); at prune 6 the model is smaller (122 KB gzip) but CoNLL drops
/// (0.6367 / 0.8942, without the club list).
const PRUNE: u64 = 5;

/// The margin of cost-augmented training unless `--margin` says otherwise: see
/// [`TrainSettings::margin`]. Chosen by `newsmark cv-ner` (GUM 5-fold, pooled F1, mean over seeds
/// 1-3, whose runs share no order): 0 (the plain perceptron) 0.6759, 4 0.6786, 8 0.6772, 16
/// 0.6806, 32 0.6825, 64 0.6800; CoNLL-train 5-fold with GUM 0.9058 at 0 and 0.9064 at 32. The
/// model is smaller too: 133.7 KB gzip against 140.9 KB. At 32, prune 4 (0.6848, sd 0.0029), 15
/// epochs (0.6835), word dropout 250 (0.6814) were within the spread and stay as they were.
const MARGIN: u64 = 32;

// Every setting checked again with the features of session 30 (`newsmark cv-ner`, GUM 5-fold,
// pooled F1, mean over seeds 1-3): against 0.7093 at the defaults, 8 runs 0.7082 and prune 4
// 0.7090 (a bigger model); against 0.7073 at the defaults of a later draw of the silver data,
// epochs 8 0.7067 and 13 0.7068, word dropout 100 0.7078 and 220 0.7068, margin 20 0.7073 and
// 48 0.7062. All within the spread of one draw to the next (a change of one silver sentence moves
// a seed by up to 0.004), so the defaults stay.

/// The tagger's training settings from `--bits`, `--epochs`, `--prune`, `--shuffle-seed`,
/// `--runs`, `--word-dropout` and `--margin`.
pub fn tagger_settings(parsed: &Parsed) -> Result<TrainSettings, String> {
    let bits = number(parsed, "--bits", 18)?;
    if !(4..=24).contains(&bits) {
        return Err("--bits: from 4 to 24".into());
    }
    Ok(TrainSettings {
        bits: bits as u32,
        epochs: number(parsed, "--epochs", 10)? as usize,
        prune: number(parsed, "--prune", PRUNE)?.min(127) as u8,
        shuffle: number(parsed, "--shuffle-seed", SHUFFLE)?,
        runs: number(parsed, "--runs", RUNS)?.clamp(1, 64) as usize,
        word_dropout: number(parsed, "--word-dropout", WORD_DROPOUT)?.min(1000) as u16,
        margin: number(parsed, "--margin", MARGIN)?.min(1000) as u16,
    })
}

pub struct Settings {
    pub out: String,
    /// Files whose documents (by `id`) are left out of training: the evaluation documents.
    pub exclude: Vec<String>,
    pub tagger: TrainSettings,
}

/// The ids of the documents of `paths`.
pub fn ids(paths: &[String]) -> Result<BTreeSet<String>, String> {
    let mut ids = BTreeSet::new();
    for path in paths {
        for (_, doc) in corpus::load(path)? {
            if let Some(id) = doc.get("id").and_then(Json::as_str) {
                ids.insert(id.to_string());
            }
        }
    }
    Ok(ids)
}

/// The documents of `files` that have an entity layer, as (id, example), in file order; those
/// whose id is in `excluded` are left out. A document without an id gets its file and line.
pub fn examples(
    files: &[String],
    excluded: &BTreeSet<String>,
) -> Result<Vec<(String, Example)>, String> {
    let mut examples = Vec::new();
    for path in files {
        for (n, doc) in corpus::load(path)? {
            let id = match doc.get("id").and_then(Json::as_str) {
                Some(id) => id.to_string(),
                None => format!("{path}:{n}"),
            };
            if excluded.contains(&id) {
                continue;
            }
            if let Some(example) = example(&doc).map_err(|why| format!("{path}:{n}: {why}"))? {
                examples.push((id, example));
            }
        }
    }
    Ok(examples)
}

/// Trains on the gold documents of `files` (less the excluded ones) and, with `silver`, on the
/// sentences of that file that a first model and the other tagger agree on ([`silver`]), and
/// writes the model.
pub fn train(files: &[String], silver: Option<&str>, settings: &Settings) -> Result<(), String> {
    let started = Instant::now();
    let excluded = ids(&settings.exclude)?;
    // Before the gold files, the longest to read: a missing silver file fails at once.
    let silver = silver.map_or(Ok(Vec::new()), |path| silver::load(path, &excluded))?;
    let examples: Vec<Example> = examples(files, &excluded)?
        .into_iter()
        .map(|(_, example)| example)
        .collect();
    let lexicon = EntityLexicon::new();
    let (bytes, report, agreed) = silver::train(&examples, &silver, settings.tagger, &lexicon)?;
    std::fs::write(&settings.out, &bytes).map_err(|e| format!("{}: {e}", settings.out))?;
    if !silver.is_empty() {
        eprintln!(
            "train-ner: silver: {} names in {} sentences of {} of the {} documents",
            agreed.names,
            agreed.sentences,
            agreed.documents,
            silver.len()
        );
    }
    eprintln!(
        "train-ner: {} documents, {} sentences, {} tokens, {} names ({} not on token edges); \
         {} epochs, 2^{} rows; {} non-zero weights; wrote {} ({} bytes) in {:.1} s",
        examples.len() + agreed.documents,
        report.sentences,
        report.tokens,
        report.names,
        report.misaligned,
        settings.tagger.epochs,
        settings.tagger.bits,
        report.nonzero,
        settings.out,
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Analyzes every document of `files` (entities only, then all layers) and prints tokens/s.
pub fn bench(files: &[String]) -> Result<(), String> {
    let mut texts = Vec::new();
    for path in files {
        for (_, doc) in corpus::load(path)? {
            if let Some(text) = doc.get("text").and_then(Json::as_str) {
                texts.push(text.to_string());
            }
        }
    }
    let tokens: usize = texts.iter().map(|t| Document::new(t).tokens.len()).sum();
    for (name, layers) in [
        ("entities", vec![Layer::Entities]),
        ("all layers", Layer::ALL.to_vec()),
    ] {
        let analyzer = Analyzer::new(Options {
            layers,
            ..Options::default()
        });
        let started = Instant::now();
        let mut spans = 0;
        for text in &texts {
            spans += analyzer.analyze(text).spans.len();
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{name}: {} documents, {tokens} tokens, {spans} spans in {seconds:.2} s: {:.0} tokens/s",
            texts.len(),
            tokens as f64 / seconds
        );
    }
    Ok(())
}
