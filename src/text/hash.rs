//! A fast hasher for the word lists and per-document maps. The standard library's SipHash
//! guards servers against hash flooding; here the keys are words of the text being read in the
//! reader's own page, and hashing them was a sixth of all analysis time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
pub type FastSet<T> = HashSet<T, BuildHasherDefault<WordHasher>>;

/// Multiply-rotate over 8-byte words (the scheme of rustc's FxHasher).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length in the spare top byte keeps "a" and "a\0" apart.
            word[7] = 0x80 | rest.len() as u8;
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    /// One step for a whole `u64` key (the entity features key their maps by word hashes),
    /// instead of the byte loop.
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    /// The state rotated so its high bits, which depend on every byte, come first: hash tables
    /// index buckets by the low bits, and the low bits of a product depend only on the low bits
    /// of its factors, so words differing only in their last bytes ("Zedaaaa", "Zedaaab", …)
    /// shared a bucket and filled a table in quadratic time (the remedy of rustc-hash 2).
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_find_what_they_hold() {
        let words = [
            "",
            "a",
            "budapest",
            "new york city",
            "ünïcödé wörds",
            "12345678",
        ];
        let set: FastSet<&str> = words.iter().copied().collect();
        assert!(words.iter().all(|w| set.contains(w)));
        assert!(!set.contains("new york"));
        assert!(!set.contains("budapes"));
    }

    #[test]
    fn keys_differing_past_the_first_word_hash_apart() {
        let hash = |s: &str| {
            let mut h = WordHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_ne!(hash("abcdefgh1"), hash("abcdefgh2"));
        assert_ne!(hash("a"), hash("a\0"));
    }

    /// Issue 17: words sharing their first bytes all had the same low bits (the bucket index).
    #[test]
    fn words_differing_only_at_the_end_spread_over_the_buckets() {
        let buckets: FastSet<u64> = (0..4096u32)
            .map(|i| {
                let word: String = (0..4)
                    .map(|k| char::from(b'a' + (i >> (3 * k) & 7) as u8))
                    .collect();
                let mut h = WordHasher::default();
                h.write_u32(1);
                h.write(format!("Zed{word}").as_bytes());
                h.write_u8(0xff);
                h.finish() & 4095
            })
            .collect();
        // 4,096 keys over 4,096 buckets: about 2,590 distinct if the bits are well mixed.
        assert!(buckets.len() > 2000, "only {} buckets used", buckets.len());
    }
}
