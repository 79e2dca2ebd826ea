//! Distributional word classes learned from a large unlabeled English corpus (made by
//! `scripts/data/word_classes.py`): the Brown cluster of a word as written, and how much more
//! often a word is written capitalized than in lowercase. They tell the tagger about words its
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

/// Lines of `data` as (key, words): the key is the first field.
fn groups(
    data: &'static str,
) -> impl Iterator<Item = (&'static str, std::str::SplitAsciiWhitespace<'static>)> {
    data_lines(data).filter_map(|line| {
        let mut fields = line.split_ascii_whitespace();
        Some((fields.next()?, fields))
    })
}

impl WordClasses {
    pub fn new() -> WordClasses {
        let mut classes = WordClasses::default();
        for (key, words) in groups(data_file!("entities/word_clusters.txt")) {
            let Ok(cluster) = u32::from_str_radix(key, 16) else {
                continue;
            };
            for word in words {
                classes.clusters.insert(fnv(word.bytes()), cluster);
            }
        }
        for (key, words) in groups(data_file!("entities/word_case.txt")) {
            let Ok(band) = key.parse() else {
                continue;
            };
            for word in words {
                classes.case_bands.insert(fnv(word.bytes()), band);
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
