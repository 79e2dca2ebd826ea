//! `newsmark train-ner`: trains the entity tagger on gold corpus files and writes the model file
//! the crate embeds; `newsmark bench`: tokens per second of the analysis.

use std::time::Instant;

use crate::corpus::{self, Json};
use newsmark::entities::tagger::{self, Example};
use newsmark::entities::EntityLexicon;
use newsmark::text::Document;
use newsmark::{Analyzer, Kind, Layer, Options};

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

pub struct Settings {
    pub out: String,
    /// Files whose documents (by `id`) are left out of training: the evaluation documents.
    pub exclude: Vec<String>,
    pub bits: u32,
    pub epochs: usize,
    pub prune: u8,
}

pub fn train(files: &[String], settings: &Settings) -> Result<(), String> {
    let started = Instant::now();
    let mut excluded = std::collections::BTreeSet::new();
    for path in &settings.exclude {
        for (_, doc) in corpus::load(path)? {
            if let Some(id) = doc.get("id").and_then(Json::as_str) {
                excluded.insert(id.to_string());
            }
        }
    }
    let mut examples = Vec::new();
    for path in files {
        for (n, doc) in corpus::load(path)? {
            if doc
                .get("id")
                .and_then(Json::as_str)
                .is_some_and(|id| excluded.contains(id))
            {
                continue;
            }
            if let Some(example) = example(&doc).map_err(|why| format!("{path}:{n}: {why}"))? {
                examples.push(example);
            }
        }
    }
    let lexicon = EntityLexicon::new();
    let (bytes, report) = tagger::train(
        &examples,
        settings.bits,
        settings.epochs,
        settings.prune,
        &lexicon,
    );
    std::fs::write(&settings.out, &bytes).map_err(|e| format!("{}: {e}", settings.out))?;
    eprintln!(
        "train-ner: {} documents, {} sentences, {} tokens, {} names ({} not on token edges); \
         {} epochs, 2^{} rows; {} non-zero weights; wrote {} ({} bytes) in {:.1} s",
        examples.len(),
        report.sentences,
        report.tokens,
        report.names,
        report.misaligned,
        settings.epochs,
        settings.bits,
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
