//! The sequence tagger: an averaged structured perceptron over BILOU tags (outside; begin /
//! inside / last / unit-length of a person, organization, place or misc name), decoded per
//! sentence with Viterbi.
//!
//! Weights live in a hashed table (`1 << bits` rows of [`TAGS`] weights), quantized to `i8`
//! with one scale, small weights pruned. The model file: magic `NMNER5\0\0`, `bits` (u32 LE),
//! `scale` (f32 LE), the transition weights (`(TAGS + 1) × TAGS` f32 LE; the extra row is the
//! sentence start), a bitmap of the rows that are not all zero (`1 << bits` bits, least
//! significant first), then for each of those rows, in order, a mask of its non-zero weights (a
//! bit per tag, written as [`masks`] says), then all those weights, row by row. Only non-zero
//! weights are stored: most rows are empty and most rows in use have few, and the masks and
//! weights kept apart compress better in the `.wasm` than whole rows (gzip: 16% smaller).
//!
//! [`decode`] finds the best tags of a sentence; [`train`] learns a model from examples.

use std::ops::Range;

use super::features;
use super::lexicon::Lexicon;
use crate::text::Document;
use crate::Kind;

mod decode;
mod masks;
mod train;

use decode::{spans, viterbi, Decoder, OUTSIDE_ONLY};
pub use train::{train, Example, TrainReport, TrainSettings, SHUFFLE};

/// O, then B, I, L and U for person, organization, place, misc.
pub const TAGS: usize = 17;
const KINDS: [Kind; 4] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Misc];
const MAGIC: &[u8; 8] = b"NMNER5\0\0";
const _: () = assert!(TAGS <= 8 * masks::MASK_BYTES);

const B: usize = 0;
const I: usize = 1;
const L: usize = 2;
const U: usize = 3;

fn tag_of(kind: usize, part: usize) -> usize {
    1 + 4 * kind + part
}

/// The kind index of a non-O tag.
fn kind_of(tag: usize) -> usize {
    (tag - 1) / 4
}

/// B, I, L or U of a non-O tag.
fn part_of(tag: usize) -> usize {
    (tag - 1) % 4
}

/// Whether a name is open after `tag` (it is a B or an I).
fn opens(tag: usize) -> bool {
    tag != 0 && matches!(part_of(tag), B | I)
}

/// Whether `tag` may follow `prev` (`None`: the sentence start).
fn allowed(prev: Option<usize>, tag: usize) -> bool {
    match prev {
        Some(p) if opens(p) => {
            tag != 0 && matches!(part_of(tag), I | L) && kind_of(tag) == kind_of(p)
        }
        _ => tag == 0 || matches!(part_of(tag), B | U),
    }
}

pub fn kind_index(kind: Kind) -> usize {
    KINDS.iter().position(|&k| k == kind).unwrap_or(3)
}

/// A name found by the tagger: its tokens and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub tokens: Range<usize>,
    pub kind: Kind,
}

#[cfg(test)]
impl Found {
    /// Names of one kind on the token ranges `[start, end)` of `names` (for the post-passes'
    /// tests).
    pub fn all(names: &[(usize, usize)], kind: Kind) -> Vec<Found> {
        (names.iter())
            .map(|&(start, end)| Found {
                tokens: start..end,
                kind,
            })
            .collect()
    }

    /// Each of `names` at the first place `doc` writes it, with its kind (for the post-passes'
    /// tests).
    pub fn first_places(doc: &Document, names: &[(&str, Kind)]) -> Vec<Found> {
        (names.iter())
            .map(|&(name, kind)| {
                let at = doc.text.find(name).unwrap();
                let tokens = doc.token_at_or_after(at)..doc.token_at_or_after(at + name.len());
                Found { tokens, kind }
            })
            .collect()
    }

    /// Every token of `doc` written as one of `words`, as a name of `kind` (for the post-passes'
    /// tests).
    pub fn every(doc: &Document, words: &[&str], kind: Kind) -> Vec<Found> {
        (0..doc.tokens.len())
            .filter(|&t| words.contains(&doc.token_text(t)))
            .map(|t| Found {
                tokens: t..t + 1,
                kind,
            })
            .collect()
    }

    /// The names (texts and kinds) `pass` leaves in `text` when the tagger found `names`, each at
    /// its first place ([`Found::first_places`]), handed to `pass` in text order as the tagger's
    /// are (for the post-passes' tests).
    pub fn after_pass(
        text: &str,
        names: &[(&str, Kind)],
        pass: impl FnOnce(&Document, &mut Vec<Found>),
    ) -> Vec<(String, Kind)> {
        let doc = Document::new(text);
        let mut found = Found::first_places(&doc, names);
        found.sort_by_key(|f| f.tokens.start);
        pass(&doc, &mut found);
        found.iter().map(|f| (f.text(&doc), f.kind)).collect()
    }

    /// The texts of the names `pass` finds in `text` where the tagger found none, each checked to
    /// be of `kind` (for the post-passes' tests).
    pub fn found_by(
        text: &str,
        kind: Kind,
        pass: impl FnOnce(&Document, &mut Vec<Found>),
    ) -> Vec<String> {
        let doc = Document::new(text);
        let mut found = Vec::new();
        pass(&doc, &mut found);
        assert!(found.iter().all(|f| f.kind == kind), "{found:?}");
        found.iter().map(|f| f.text(&doc)).collect()
    }

    /// The texts of the names `pass` leaves when the tagger read every word of `words` in `text`
    /// as a name of `kind` ([`Found::every`]), in text order (for the post-passes' tests).
    pub fn left_by(
        text: &str,
        words: &[&str],
        kind: Kind,
        pass: impl FnOnce(&Document, &mut Vec<Found>),
    ) -> Vec<String> {
        let doc = Document::new(text);
        let mut found = Found::every(&doc, words, kind);
        pass(&doc, &mut found);
        found.iter().map(|f| f.text(&doc)).collect()
    }

    /// The text of the name in `doc` (for the post-passes' tests).
    pub fn text(&self, doc: &Document) -> String {
        doc.text[doc.tokens[self.tokens.start].start..doc.tokens[self.tokens.end - 1].end]
            .to_string()
    }
}

/// A loaded model.
pub struct Model {
    bits: u32,
    scale: f32,
    decoder: Decoder,
    /// Per eight rows of the hashed table, in one word (one load a lookup): in the low byte, a
    /// bit per row, set when the row has a non-zero weight (most rows do not); above it, the
    /// rows in use before these eight. With [`ONES`], a row's place in `rows`.
    index: Vec<u32>,
    /// The rows in use, in order. Only these are kept (a fraction of the table, so lookups
    /// stay in cache) and each is one aligned block whose sum vectorizes.
    rows: Vec<Row>,
}

/// One row of weights, four to a `u64`: tag `t` in bits `16 (t % 4)..` of word `t / 4`, as
/// `weight + BIAS`. Lanes never carry into each other (a token's under 130 features sum to at
/// most 130 × 255 per lane), so a row is summed with five integer additions, on any target.
#[derive(Clone, Copy)]
struct Row([u64; WORDS]);

const WORDS: usize = TAGS.div_ceil(4);

/// The number of bits set in each byte: `count_ones` is a long software routine on the
/// baseline x86-64 target.
const ONES: [u8; 256] = {
    let mut ones = [0; 256];
    let mut b = 0;
    while b < 256 {
        ones[b] = (b as u8).count_ones() as u8;
        b += 1;
    }
    ones
};
const BIAS: u64 = 128;

impl Model {
    /// Reads a model file; `None` when it is malformed.
    pub fn load(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let bits = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        if !(4..=24).contains(&bits) {
            return None;
        }
        let scale = f32::from_le_bytes(rest.get(4..8)?.try_into().ok()?);
        let n_trans = (TAGS + 1) * TAGS;
        let trans_bytes = rest.get(8..8 + 4 * n_trans)?;
        let transitions: Vec<f32> = trans_bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let n_rows = 1usize << bits;
        let bitmap = rest.get(8 + 4 * n_trans..8 + 4 * n_trans + n_rows / 8)?;
        let mut index = Vec::with_capacity(bitmap.len());
        let mut in_use = 0u32;
        for &byte in bitmap {
            // Fewer than 2^24 rows (`bits` ≤ 24): the count fits above the byte.
            index.push(in_use << 8 | u32::from(byte));
            in_use += byte.count_ones();
        }
        let after_bitmap = rest.get(8 + 4 * n_trans + n_rows / 8..)?;
        let (masks, weights) = masks::decode(after_bitmap, in_use as usize)?;
        let rows = rows(&masks, weights)?;
        Some(Model {
            bits,
            scale,
            decoder: Decoder::new(&transitions),
            index,
            rows,
        })
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The weights of feature `id`, if any is not zero.
    fn row(&self, id: u32) -> Option<&Row> {
        let (entry, bit) = (self.index[id as usize / 8], id % 8);
        if entry & (1 << bit) == 0 {
            return None;
        }
        let below = ONES[(entry & ((1 << bit) - 1)) as usize];
        Some(&self.rows[(entry >> 8) as usize + usize::from(below)])
    }

    /// The tag scores of a token with features `f`.
    fn emission(&self, f: &[u32]) -> [f32; TAGS] {
        let (mut sums, mut hits) = ([0u64; WORDS], 0);
        for &id in f {
            if let Some(row) = self.row(id) {
                for (sum, &lanes) in sums.iter_mut().zip(&row.0) {
                    *sum += lanes;
                }
                hits += 1;
            }
        }
        debug_assert!(hits < 256);
        std::array::from_fn(|tag| {
            let lane = (sums[tag / 4] >> (16 * (tag % 4))) & 0xffff;
            (lane as f32 - (BIAS * hits) as f32) * self.scale
        })
    }

    /// The names in `doc`, in text order. `wire`: whether `doc` is wire copy
    /// ([`super::datelines::wire_copy`]; the recognizer's passes read it too, so it is found once).
    pub fn tag(&self, doc: &Document, lexicon: &Lexicon, wire: bool) -> Vec<Found> {
        let features = features::Features::new(doc, lexicon, self.bits, wire);
        let mut f = Vec::with_capacity(160);
        let mut emissions = Vec::new();
        let mut found = Vec::new();
        for sentence in &doc.sentences {
            let range = sentence.tokens.clone();
            emissions.clear();
            emissions.extend(range.clone().map(|i| {
                if !features.near_capital(i, range.clone()) {
                    return OUTSIDE_ONLY;
                }
                features.token(i, &mut f);
                self.emission(&f)
            }));
            let tags = viterbi(&emissions, &self.decoder);
            found.extend(spans(&tags, range.start));
        }
        found
    }
}

/// The rows in use, from the model file's masks and weights; `None` unless they match.
fn rows(masks: &[u32], mut weights: &[u8]) -> Option<Vec<Row>> {
    let mut rows = Vec::with_capacity(masks.len());
    for &mask in masks {
        let mut row = Row([0; WORDS]);
        for tag in 0..TAGS {
            let mut w = 0;
            if mask & (1 << tag) != 0 {
                let (&byte, rest) = weights.split_first()?;
                w = i64::from(byte as i8);
                weights = rest;
            }
            row.0[tag / 4] |= ((w + BIAS as i64) as u64) << (16 * (tag % 4));
        }
        rows.push(row);
    }
    weights.is_empty().then_some(rows)
}
