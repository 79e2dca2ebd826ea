//! Distributional word classes learned from a large unlabeled English corpus
//! (`word_classes.txt`, made by `scripts/data/word_classes.py`): the Brown cluster of a word as
//! written, and how much more often a word is written capitalized than in lowercase. They tell the tagger about words its
//! training data never had: "Huawei" is hardly ever lowercase, "Flash" and "Additional" mostly
//! are; "Nashville" sits in a cluster of cities. For capitalized words beyond the clusters'
//! vocabulary, the class of their word vector ([`VectorClasses`]).

use super::lexicon::fnv;
use super::vector_classes::VectorClasses;
use crate::text::{data_lines, FastMap};

/// Brown clusters and capitalization bands, keyed by the [`fnv`] hash of the word (as written
/// for clusters, lowercase for bands): one lookup per token with hashes the features have.
#[derive(Default)]
pub struct WordClasses {
    /// Cluster path as spaCy stores it: bit `i` is the path's `i`-th branch, so the low `k` bits
    /// are a prefix of `k` branches.
    clusters: FastMap<u64, u32>,
    /// 0 (almost always lowercase) to 4 (mostly capitalized).
    case_bands: FastMap<u64, u8>,
    /// Word-vector classes of capitalized words the clusters do not have.
    vectors: VectorClasses,
}

impl WordClasses {
    /// The classes of `word_classes.txt`: lines of a cluster (hex, or "-" for none), a band (or
    /// "-") and the words with that cluster and band.
    pub fn new() -> WordClasses {
        let mut classes = WordClasses::default();
        for line in data_lines(data_file!("entities/word_classes.txt")) {
            let mut fields = line.split_ascii_whitespace();
            let (Some(cluster), Some(band)) = (fields.next(), fields.next()) else {
                continue;
            };
            let cluster = u32::from_str_radix(cluster, 16).ok();
            let band = band.parse::<u8>().ok();
            for word in fields {
                let hash = fnv(word.bytes());
                if let Some(cluster) = cluster {
                    classes.clusters.insert(hash, cluster);
                }
                if let Some(band) = band {
                    classes.case_bands.insert(hash, band);
                }
            }
        }
        classes.vectors = VectorClasses::embedded();
        classes
    }

    /// The cluster of the word whose (case-kept) [`fnv`] hash is `hash`.
    pub fn cluster(&self, hash: u64) -> Option<u32> {
        self.clusters.get(&hash).copied()
    }

    /// The word-vector class of the word whose (case-kept) [`fnv`] hash is `hash`.
    pub fn vector_class(&self, hash: u64) -> Option<u8> {
        self.vectors.class(hash)
    }

    /// The capitalization band of the word whose lowercase has [`fnv`] hash `hash`.
    pub fn case_band(&self, hash: u64) -> Option<u8> {
        self.case_bands.get(&hash).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_and_names_differ() {
        let classes = WordClasses::new();
        let band = |w: &str| classes.case_band(fnv(w.bytes()));
        assert!(band("able").unwrap() < band("american").unwrap());
        assert!(band("additional").unwrap() < band("congress").unwrap());
        let cluster = |w: &str| classes.cluster(fnv(w.bytes()));
        // Cities share a cluster prefix.
        let (paris, london) = (cluster("Paris").unwrap(), cluster("London").unwrap());
        assert_eq!(paris & 0xff, london & 0xff);
        assert_eq!(cluster("zzqxj"), None);
    }
}
