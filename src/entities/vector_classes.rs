//! Vector classes of capitalized words (made by `scripts/data/word_vectors.py`): which of 64
//! groups of word vectors, learned from large unlabeled English text, a word's vector falls in.
//! They reach names the Brown clusters of the most frequent words do not: "Pittsburgh", "Tulsa"
//! and "Nashville" share a class with other towns and states, "Snowden" one with authors and
//! public figures, "Ryanair" one with companies and brands.
//!
//! The file holds, for each class, a compressed set of word fingerprints (Golomb-Rice coded
//! gaps between sorted fingerprints; the format is in the script). Loading decodes them into one
//! map from fingerprint to class. A capitalized word that is not listed finds a class by chance
//! about once in 280 lookups: the tagger reads a class as evidence, not as proof.

use crate::text::FastMap;

const MAGIC: &[u8; 8] = b"NMWV1\0\0\0";
/// Mixes a word's [`fnv`](super::lexicon::fnv) hash before its top bits are taken (as the
/// script does).
const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// The class of each listed word's fingerprint.
#[derive(Default)]
pub struct VectorClasses {
    /// Bits of a fingerprint (1 to 32); 0 when nothing is loaded.
    bits: u32,
    classes: FastMap<u32, u8>,
}

/// Reads a bit stream least significant bit first.
struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl BitReader<'_> {
    fn bit(&mut self) -> Option<bool> {
        let byte = self.bytes.get(self.at / 8)?;
        let bit = byte >> (self.at % 8) & 1 == 1;
        self.at += 1;
        Some(bit)
    }

    fn bits(&mut self, width: u8) -> Option<u32> {
        (0..width).try_fold(0u32, |v, i| Some(v | u32::from(self.bit()?) << i))
    }

    /// A Rice-coded number with parameter `k`; `None` past the end, or when its quotient would
    /// run past `limit` (a malformed file cannot make a long loop).
    fn rice(&mut self, k: u8, limit: u32) -> Option<u32> {
        let mut quotient = 0u32;
        while self.bit()? {
            quotient += 1;
            if quotient > limit >> k {
                return None;
            }
        }
        Some(quotient << k | self.bits(k)?)
    }
}

impl VectorClasses {
    /// Decodes a file in the script's format; `None` when it is malformed.
    pub fn load(bytes: &[u8]) -> Option<VectorClasses> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let (&bits, rest) = rest.split_first()?;
        let (&count, rest) = rest.split_first()?;
        if !(1..=32).contains(&bits) {
            return None;
        }
        let (heads, stream) = rest.split_at_checked(5 * usize::from(count))?;
        let space = u32::MAX >> (32 - bits);
        let mut reader = BitReader {
            bytes: stream,
            at: 0,
        };
        let mut classes = FastMap::default();
        for (class, head) in heads.chunks_exact(5).enumerate() {
            let n = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
            let k = head[4];
            if k >= 32 || n > space {
                return None;
            }
            let mut print = 0u32;
            for _ in 0..n {
                print = print.checked_add(reader.rice(k, space)?)?;
                if print > space {
                    return None;
                }
                classes.insert(print, class as u8);
            }
        }
        Some(VectorClasses {
            bits: u32::from(bits),
            classes,
        })
    }

    /// The table made by `scripts/data/word_vectors.py`.
    pub fn embedded() -> VectorClasses {
        VectorClasses::load(include_bytes!("word_vectors.bin")).unwrap_or_default()
    }

    /// The class of the word whose (case-kept) [`fnv`](super::lexicon::fnv) hash is `hash`.
    pub fn class(&self, hash: u64) -> Option<u8> {
        if self.bits == 0 {
            return None;
        }
        let print = (hash.wrapping_mul(MIX) >> (64 - self.bits)) as u32;
        self.classes.get(&print).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::lexicon::fnv;

    /// A file of 4-bit fingerprints: class 0 holds 3 and 9, class 1 holds 5.
    fn tiny() -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend([4, 2]);
        bytes.extend([2, 0, 0, 0, 2, 1, 0, 0, 0, 1]);
        // Class 0, k = 2: gap 3 is quotient 0 ("0") and remainder 3 (bits 1 1, low first); gap
        // 6 is "10" and 2 (0 1). Class 1, k = 1: gap 5 is "110" and 1.
        let stream = [0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1];
        let mut packed = vec![0u8; 2];
        for (i, &b) in stream.iter().enumerate() {
            packed[i / 8] |= b << (i % 8);
        }
        bytes.extend(packed);
        bytes
    }

    #[test]
    fn decodes_each_class_set() {
        let table = VectorClasses::load(&tiny()).unwrap();
        let mut found: Vec<(u32, u8)> = table.classes.iter().map(|(&p, &c)| (p, c)).collect();
        found.sort_unstable();
        assert_eq!(found, [(3, 0), (5, 1), (9, 0)]);
    }

    #[test]
    fn malformed_files_are_refused() {
        let good = tiny();
        assert!(VectorClasses::load(&good[..good.len() - 1]).is_none());
        assert!(VectorClasses::load(&good[..12]).is_none());
        let mut wide = good.clone();
        wide[8] = 33;
        assert!(VectorClasses::load(&wide).is_none());
        // A run of 1 bits longer than any gap can be is refused, not read on.
        let mut run = good[..20].to_vec();
        run.extend([0xff; 64]);
        assert!(VectorClasses::load(&run).is_none());
    }

    #[test]
    fn the_embedded_table_groups_names_by_kind() {
        let table = VectorClasses::embedded();
        let class = |w: &str| table.class(fnv(w.bytes()));
        assert!(class("Pittsburgh").is_some());
        assert_eq!(class("Pittsburgh"), class("Nashville"));
        assert_eq!(class("Tulsa"), class("Pittsburgh"));
        assert_ne!(class("Pittsburgh"), class("Snowden"));
        assert!(table.classes.len() > 25_000);
    }
}
