//! Silver training data for the entity tagger: sentences of unlabeled news whose names another
//! tagger and ours both find, exactly alike. The other tagger is spaCy's `en_core_web_md`
//! (trained on OntoNotes), whose names `scripts/data/silver_entities.py` writes into corpus
//! JSONL; ours is a model trained on the gold data first. Where two taggers trained on different
//! data agree on every name of a sentence, the names are mostly right, and those sentences add
//! names and contexts the gold data lacks. Sentences without a name are left out: the gold data
//! has plenty, and they only dilute it.
//!
//! Chosen by `newsmark cv-ner --silver` (pooled F1; each fold's first model is trained without
//! the fold, so the agreement never sees it), with the 840 PolNeAR training articles: GUM 5-fold
//! (seeds 1-5) 0.6873 (sd 0.0012) → 0.6896 (sd 0.0009), seeds 1-3 each higher (+0.0017,
//! +0.0038, +0.0033); CoNLL-train 5-fold with GUM (seeds 1-3) 0.9071 → 0.9075. Keeping the
//! agreed sentences without names too: GUM 0.6873 (seed 1, against 0.6889 without them). spaCy's
//! names as they are, agreed or not: 0.6692 (seeds 1-3). The model grows (97,413 non-zero
//! weights against 79,643); pruned to the old size (`--prune 6`) the gain is gone (0.6870,
//! seeds 1-3).
//!
//! The embedded model learns from it (`train-ner` without gold files reads
//! `target/silver/polnear_train.jsonl`). Its 50,000 rows in use against 43,000 cost the layer
//! little: in wasm one steady round of the entity layer over conll_dev and gum_all_dev runs
//! 1,522 M instructions against 1,539 M for the model without silver data (cachegrind), and
//! `npm run bench:builds` (15 rounds, against 12b6060) read -2.2 % against -1.5 %. On the dev
//! files it scored conll_dev 0.9319 (MISC 0.887) against 0.9295 (0.880), gum_news_dev 0.716
//! against 0.722.
//!
//! Which sentences agree depends on the whole recognizer, its rules after the tagger too: the
//! rule that a name said to be a city is a place (`place_cues.rs`) adds 6 sentences (10,448,
//! 20,064 names), and the model trained on them is another draw. GUM 5-fold with both (seeds
//! 1-5): 0.6931 (sd 0.0013), every seed higher than with the silver data alone; the embedded
//! model: conll_dev 0.9311 (MISC 0.884), gum_news_dev 0.710. The dev files move by about as
//! much from one such draw to the next as from the change itself. The rule that a name called a
//! retailer or a bank is an organization (`org_cues.rs`) makes it 10,467 sentences (20,109
//! names): GUM (seeds 1-5) 0.6922 (sd 0.0020), conll_dev 0.933, gum_news_dev 0.716; and a
//! company's first word joining the company (`group/joins.rs`) 10,476 sentences: GUM 0.6931 (sd
//! 0.0006), CoNLL (seeds 1-3) 0.9105 (sd 0.0001), conll_dev 0.931, gum_news_dev 0.710. With
//! the company list's wire spellings, plural organization nouns, more organization suffixes
//! and storms' names, 10,424 sentences (19,975 names): GUM 0.6930 (sd 0.0018), CoNLL 0.9113 (sd
//! 0.0004), conll_dev 0.934, gum_news_dev 0.712. With an abbreviation opening a hyphenated word
//! kept in it ("U.S.-led") and brands of joined words made organizations, 10,455 sentences
//! (20,046 names): GUM 0.6938 (sd 0.0016), CoNLL 0.9108 (sd 0.0003), conll_dev 0.932,
//! gum_news_dev 0.712. With every country's demonym a nationality word (`demonyms.txt`), 10,426
//! sentences (20,004 names): GUM 0.6943 (sd 0.0015), CoNLL 0.9122 (sd 0.0005), conll_dev 0.934,
//! gum_news_dev 0.723.
//!
//! More silver text is not better (session 30, GUM 5-fold, against 0.7115 and 0.7071 at seeds 1
//! and 2, 0.7093 over seeds 1-3): the 256 TimeBank and 84 PolNeAR dev articles added (spaCy's
//! names the same way, 1,180 documents) 0.7048 and 0.7044; half of the PolNeAR training
//! articles (every other one) 0.7061 over seeds 1-3.
//!
//! The agreement must come from a model that has not seen the documents it is scored on: silver
//! sentences filtered by the model trained on all of `gum_all_dev` scored 0.6964 in GUM
//! cross-validation (seeds 1-5), which only measured what that model had learned of the
//! held-out folds.

use std::collections::BTreeSet;

use newsmark::entities::tagger::{self, Example, TrainReport, TrainSettings};
use newsmark::entities::{EntityLexicon, EntityRecognizer};
use newsmark::text::Document;
use newsmark::Kind;

use crate::train::examples;

/// The documents of a silver file (corpus JSONL with an entity layer: the other tagger's names),
/// less those whose id is in `scored` (documents a score is taken on: a model must not learn
/// their text, even unlabeled).
pub fn load(path: &str, scored: &BTreeSet<String>) -> Result<Vec<Example>, String> {
    if !std::path::Path::new(path).exists() {
        return Err(format!(
            "{path}: no such silver file; make it with scripts/data/silver_entities.py"
        ));
    }
    let documents: Vec<Example> = examples(&[path.to_string()], scored)?
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    if documents.is_empty() {
        return Err(format!(
            "{path}: no documents with an entity layer, besides those scored"
        ));
    }
    Ok(documents)
}

/// A name as byte range and kind.
type Name = (usize, usize, Kind);

/// How much silver training took.
#[derive(Default)]
pub struct Agreed {
    pub documents: usize,
    pub sentences: usize,
    pub names: usize,
}

/// A model trained on `gold`, and then, when `silver` has documents, one trained on `gold` plus
/// the sentences of `silver` (documents whose names are the other tagger's) where the first model
/// finds the same names ([`agreed`]). Deterministic, as [`tagger::train`] is.
pub fn train(
    gold: &[Example],
    silver: &[Example],
    settings: TrainSettings,
    lexicon: &EntityLexicon,
) -> Result<(Vec<u8>, TrainReport, Agreed), String> {
    let (first, report) = tagger::train(gold, settings, lexicon);
    if silver.is_empty() {
        return Ok((first, report, Agreed::default()));
    }
    let ours = EntityRecognizer::with_model(&first).ok_or("the trained model is malformed")?;
    let (extra, agreed) = agreed(&ours, silver);
    let mut examples = gold.to_vec();
    examples.extend(extra);
    let (model, report) = tagger::train(&examples, settings, lexicon);
    Ok((model, report, agreed))
}

/// The sentences of `documents` that have names, all of which `ours` finds alike (the same
/// bytes, the same kind), each document's kept sentences joined by line breaks into one example.
pub fn agreed(ours: &EntityRecognizer, documents: &[Example]) -> (Vec<Example>, Agreed) {
    let mut counts = Agreed::default();
    let mut kept = Vec::new();
    for document in documents {
        let (example, sentences) = agreed_in(ours, document);
        if sentences > 0 {
            counts.documents += 1;
            counts.sentences += sentences;
            counts.names += example.names.len();
            kept.push(example);
        }
    }
    (kept, counts)
}

/// [`agreed`] of one document, with the number of its sentences kept.
fn agreed_in(ours: &EntityRecognizer, document: &Example) -> (Example, usize) {
    let doc = Document::new(&document.text);
    let theirs = Names::new(document.names.clone());
    let found = Names::new(
        (ours.recognize(&doc).spans.iter())
            .map(|s| (s.start, s.end, s.kind))
            .collect(),
    );
    let mut kept = Example {
        text: String::new(),
        names: Vec::new(),
    };
    let mut sentences = 0;
    for sentence in &doc.sentences {
        let range = (sentence.start, sentence.end);
        let theirs = theirs.within(range);
        if theirs.as_ref().is_none_or(BTreeSet::is_empty) || theirs != found.within(range) {
            continue;
        }
        if !kept.text.is_empty() {
            kept.text.push('\n');
        }
        let (at, start) = (kept.text.len(), sentence.start);
        kept.text.push_str(&document.text[start..sentence.end]);
        let moved = theirs.into_iter().flatten();
        kept.names
            .extend(moved.map(|(s, e, k)| (at + s - start, at + e - start, k)));
        sentences += 1;
    }
    (kept, sentences)
}

/// Names sorted by start, with the furthest end of those before each: a sentence finds the names
/// that touch it by binary search, so a document takes time in proportion to its length (times
/// a logarithm), however many sentences and names it has.
struct Names {
    names: Vec<Name>,
    /// `reach[i]`: the largest end of `names[..i]` (0 for none).
    reach: Vec<usize>,
}

impl Names {
    fn new(mut names: Vec<Name>) -> Names {
        names.sort_unstable();
        let reach = std::iter::once(0)
            .chain(names.iter().scan(0, |far, n| {
                *far = n.1.max(*far);
                Some(*far)
            }))
            .collect();
        Names { names, reach }
    }

    /// The names that touch the byte range `[start, end)`; `None` when one of them crosses its
    /// edge (the sentence cannot be kept alone).
    fn within(&self, (start, end): (usize, usize)) -> Option<BTreeSet<Name>> {
        let first = self.names.partition_point(|n| n.0 < start);
        let past = self.names.partition_point(|n| n.0 < end);
        // A name starting before the range and reaching into it crosses its start.
        if self.reach[first] > start {
            return None;
        }
        let inside = &self.names[first..past];
        (inside.iter())
            .all(|n| n.1 <= end)
            .then(|| inside.iter().copied().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the embedded model finds in `text`, as the other tagger's.
    fn as_found(ours: &EntityRecognizer, text: &str) -> Vec<Name> {
        (ours.recognize(&Document::new(text)).spans.iter())
            .map(|s| (s.start, s.end, s.kind))
            .collect()
    }

    #[test]
    fn keeps_the_sentences_with_names_found_alike() {
        let ours = EntityRecognizer::new();
        let text = "Vladimir Putin met officials in Budapest on Friday. \
                    It rained all day. Angela Merkel flew to Paris.";
        let mut names = as_found(&ours, text);
        assert!(
            names.len() >= 3,
            "the test needs names in two sentences: {names:?}"
        );
        // The other tagger reads the last sentence's first name as another kind.
        let merkel = names
            .iter()
            .position(|n| n.0 == text.find("Angela").unwrap());
        let merkel = merkel.expect("the model finds Angela Merkel");
        names[merkel].2 = if names[merkel].2 == Kind::Misc {
            Kind::Place
        } else {
            Kind::Misc
        };
        let document = Example {
            text: text.to_string(),
            names,
        };
        let (kept, counts) = agreed(&ours, &[document]);
        let first = "Vladimir Putin met officials in Budapest on Friday.";
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].text, first);
        let texts: Vec<&str> = kept[0].names.iter().map(|n| &first[n.0..n.1]).collect();
        assert_eq!(texts, ["Vladimir Putin", "Budapest"]);
        assert_eq!(
            (counts.documents, counts.sentences, counts.names),
            (1, 1, 2)
        );
    }

    #[test]
    fn joins_the_kept_sentences_and_moves_their_names() {
        let ours = EntityRecognizer::new();
        let text = "Angela Merkel spoke. Nothing happened. Vladimir Putin listened.";
        let document = Example {
            text: text.to_string(),
            names: as_found(&ours, text),
        };
        let (kept, counts) = agreed(&ours, &[document]);
        let joined = "Angela Merkel spoke.\nVladimir Putin listened.";
        assert_eq!(kept[0].text, joined);
        let texts: Vec<&str> = kept[0].names.iter().map(|n| &joined[n.0..n.1]).collect();
        assert_eq!(texts, ["Angela Merkel", "Vladimir Putin"]);
        assert_eq!(counts.sentences, 2);
    }

    #[test]
    fn a_name_across_sentences_drops_both() {
        let names = Names::new(vec![(5, 15, Kind::Person)]);
        assert_eq!(names.within((0, 10)), None);
        assert_eq!(names.within((10, 20)), None);
        assert_eq!(names.within((15, 20)), Some(BTreeSet::new()));
    }
}
